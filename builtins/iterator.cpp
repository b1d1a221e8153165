// ECMA-262 §27.1.4 Properties of the Iterator Prototype Object (%Iterator.prototype%).
// The %Iterator% constructor and the iterator helpers (§27.1.3, §27.1.4.2-12)
// are not here yet; the built-in iterators need only this object and its
// @@iterator.
#include "builtins/builtin_helpers.h"
#include "runtime/ordinary_object.h"

namespace lockstep {

namespace {

// §27.1.4.13 %Iterator.prototype% [ %Symbol.iterator% ] ( )
ThrowCompletionOr<Value> IteratorPrototype_iterator(Agent&, BuiltinFunction&, Value thisValue, std::span<const Value>,
                                                    Object*)
{
    SPEC_ALGORITHM("sec-iterator.prototype-%symbol.iterator%");
    STEP("1");
    return thisValue;
}

}  // namespace

void CreateIteratorIntrinsics(Agent& agent, Realm& realm)
{
    Object* prototype = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::ObjectPrototype));
    PropertyKey iterator = agent.well_known_symbol(WellKnownSymbol::iterator);
    define_builtin_function(agent, realm, *prototype, iterator, IteratorPrototype_iterator, 0);
    realm.set_intrinsic(Intrinsic::IteratorPrototype, prototype);
}

}  // namespace lockstep
