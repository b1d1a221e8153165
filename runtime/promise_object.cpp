// ECMA-262 §27.2.6 Properties of Promise Instances.
#include "runtime/promise_object.h"

#include "runtime/heap.h"

namespace lockstep {

void PromiseObject::visit_edges(Visitor& visitor)
{
    Object::visit_edges(visitor);
    visitor.visit(PromiseResult);
    for (const PromiseReactionRecord& reaction : PromiseFulfillReactions) visit_root_item(visitor, reaction);
    for (const PromiseReactionRecord& reaction : PromiseRejectReactions) visit_root_item(visitor, reaction);
}

}  // namespace lockstep
