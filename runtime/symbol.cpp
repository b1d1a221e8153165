#include "runtime/symbol.h"

#include "runtime/heap.h"

namespace lockstep {

void Symbol::visit_edges(Visitor& visitor)
{
    visitor.visit(Description);
}

const char* description_of(WellKnownSymbol symbol)
{
    static const char* const descriptions[] = {
#define X(name) "Symbol." #name,
        LOCKSTEP_WELL_KNOWN_SYMBOLS(X)
#undef X
    };
    return descriptions[static_cast<size_t>(symbol)];
}

}  // namespace lockstep
