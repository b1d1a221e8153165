#include "runtime/regexp_object.h"

#include "runtime/heap.h"
#include "runtime/string.h"

namespace lockstep {

void RegExpObject::visit_edges(Visitor& visitor)
{
    Object::visit_edges(visitor);
    if (OriginalSource) visitor.visit(OriginalSource);
    if (OriginalFlags) visitor.visit(OriginalFlags);
}

}  // namespace lockstep
