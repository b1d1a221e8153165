// ECMA-262 §10.4.7 Immutable Prototype Exotic Objects (%Object.prototype%).
// https://tc39.es/ecma262/#sec-immutable-prototype-exotic-objects
#pragma once

#include "runtime/object.h"

namespace lockstep {

// An ordinary object whose [[Prototype]], once set, never changes.
class ImmutablePrototypeObject final : public Object {
public:
    using Object::Object;

    // §10.4.7.1 [[SetPrototypeOf]] ( V )
    ThrowCompletionOr<bool> SetPrototypeOf(Agent&, Object* V) override;
};

// §10.4.7.2 SetImmutablePrototype ( O, V ); V null is *null*
ThrowCompletionOr<bool> SetImmutablePrototype(Agent&, Object& O, Object* V);

}  // namespace lockstep
