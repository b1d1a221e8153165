// ECMA-262 §26.1 WeakRef Objects.
//
// Liveness (§9.10): the collector does not yet clear a WeakRef whose target
// is otherwise unreachable, so [[WeakRefTarget]] keeps its target alive.
// The spec allows it (an implementation may keep any object alive, §9.10.3
// NOTE); what is observable — deref() answering the target, the
// [[KeptAlive]] list until the end of the job — is as the spec says.
#include "abstract_ops/testing_and_comparison.h"
#include "builtins/builtin_helpers.h"
#include "builtins/keyed_collections.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

// A WeakRef instance: an ordinary object with [[WeakRefTarget]].
class WeakRefObject final : public Object {
public:
    using Object::Object;
    Value WeakRefTarget = Value::empty();  // [[WeakRefTarget]]: an Object, a Symbol or ~empty~
    void visit_edges(Visitor& visitor) override
    {
        Object::visit_edges(visitor);
        visitor.visit(WeakRefTarget);
    }
};

// §26.1.1.1 WeakRef ( target )
ThrowCompletionOr<Value> WeakRef(Agent& agent, BuiltinFunction&, Value, Arguments args, Object* NewTarget)
{
    SPEC_ALGORITHM("sec-weak-ref-target");
    Value target = argument(args, 0);
    STEP("1");
    if (!NewTarget) return throw_type_error(agent, "WeakRef constructor requires 'new'");
    STEP("2");
    if (!CanBeHeldWeakly(agent, target)) return throw_type_error(agent, "WeakRef target must be an object or a non-registered symbol");
    STEP("3");
    WeakRefObject* weakRef =
        TRY(OrdinaryCreateFromConstructor<WeakRefObject>(agent, *NewTarget, Intrinsic::WeakRefPrototype));
    STEP("4");
    AddToKeptObjects(agent, target);
    STEP("5");
    weakRef->WeakRefTarget = target;
    STEP("6");
    return Value(weakRef);
}

// §26.1.4.1 WeakRefDeref ( weakRef )
Value WeakRefDeref(Agent& agent, WeakRefObject& weakRef)
{
    SPEC_ALGORITHM("sec-weakrefderef");
    STEP("1");
    Value target = weakRef.WeakRefTarget;
    STEP("2");
    if (!target.is_empty()) {
        STEP("2.a");
        AddToKeptObjects(agent, target);
        STEP("2.b");
        return target;
    }
    STEP("3");
    return Value::undefined();
}

// §26.1.3.2 WeakRef.prototype.deref ( )
ThrowCompletionOr<Value> WeakRef_prototype_deref(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-weak-ref.prototype.deref");
    STEP("1");
    Value weakRef = thisValue;
    STEP("2");
    WeakRefObject* W = TRY(RequireInternalSlot<WeakRefObject>(agent, weakRef, "not a WeakRef"));
    STEP("3");
    return WeakRefDeref(agent, *W);
}

}  // namespace

void CreateWeakRefIntrinsics(Agent& agent, Realm& realm)
{
    Object* prototype = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::ObjectPrototype));
    BuiltinFunction* constructor = CreateBuiltinFunction(agent, WeakRef, 1, agent.key("WeakRef"),
                                                         {.realm = &realm, .isConstructor = true});
    link_constructor_and_prototype(agent, *constructor, *prototype);
    define_builtin_function(agent, realm, *prototype, "deref", WeakRef_prototype_deref, 0);
    define_to_string_tag(agent, *prototype, "WeakRef");
    realm.set_intrinsic(Intrinsic::WeakRef, constructor);
    realm.set_intrinsic(Intrinsic::WeakRefPrototype, prototype);
}

}  // namespace lockstep
