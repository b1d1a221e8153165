// ECMA-262 §26.2 FinalizationRegistry Objects.
//
// Liveness (§9.10): the collector does not yet find a registered target
// unreachable, so no cell is ever emptied and the host never enqueues a
// cleanup job (HostEnqueueFinalizationRegistryCleanupJob); the spec lets an
// implementation keep any object alive. register / unregister and the
// [[Cells]] list behave as the spec says.
#include "abstract_ops/testing_and_comparison.h"
#include "builtins/builtin_helpers.h"
#include "builtins/keyed_collections.h"
#include "runtime/builtin_function.h"
#include "runtime/error.h"
#include "runtime/host.h"
#include "runtime/ordinary_object.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

// A FinalizationRegistry instance: an ordinary object with [[Realm]],
// [[CleanupCallback]] and [[Cells]].
class FinalizationRegistryObject final : public Object {
public:
    using Object::Object;
    struct Cell {
        Value WeakRefTarget;    // [[WeakRefTarget]]: an Object, a Symbol or ~empty~
        Value HeldValue;        // [[HeldValue]]
        Value UnregisterToken;  // [[UnregisterToken]]: an Object, a Symbol or ~empty~
    };
    lockstep::Realm* Realm = nullptr;                       // [[Realm]]
    JobCallbackRecord CleanupCallback{nullptr};             // [[CleanupCallback]]
    std::vector<Cell> Cells;                                // [[Cells]]
    void visit_edges(Visitor& visitor) override
    {
        Object::visit_edges(visitor);
        visitor.visit(Realm);
        visit_root_item(visitor, CleanupCallback);
        for (const Cell& cell : Cells) {
            visitor.visit(cell.WeakRefTarget);
            visitor.visit(cell.HeldValue);
            visitor.visit(cell.UnregisterToken);
        }
    }
};

// §26.2.1.1 FinalizationRegistry ( cleanupCallback )
ThrowCompletionOr<Value> FinalizationRegistry(Agent& agent, BuiltinFunction& activeFunction, Value, Arguments args,
                                              Object* NewTarget)
{
    SPEC_ALGORITHM("sec-finalization-registry-cleanup-callback");
    Value cleanupCallback = argument(args, 0);
    STEP("1");
    if (!NewTarget) return throw_type_error(agent, "FinalizationRegistry constructor requires 'new'");
    STEP("2");
    if (!IsCallable(cleanupCallback)) return throw_type_error(agent, "the cleanup callback is not callable");
    STEP("3");
    FinalizationRegistryObject* finalizationRegistry = TRY(OrdinaryCreateFromConstructor<FinalizationRegistryObject>(
        agent, *NewTarget, Intrinsic::FinalizationRegistryPrototype));
    STEP("4");
    BuiltinFunction& fn = activeFunction;
    STEP("5");
    finalizationRegistry->Realm = fn.Realm;
    STEP("6");
    finalizationRegistry->CleanupCallback = agent.host.HostMakeJobCallback(agent, cleanupCallback.as_object());
    STEP("7");
    finalizationRegistry->Cells.clear();
    STEP("8");
    return Value(finalizationRegistry);
}

// RequireInternalSlot ( finalizationRegistry, [[Cells]] )
ThrowCompletionOr<FinalizationRegistryObject*> require_finalization_registry(Agent& agent, Value O)
{
    return RequireInternalSlot<FinalizationRegistryObject>(agent, O, "not a FinalizationRegistry");
}

// §26.2.3.2 FinalizationRegistry.prototype.register ( target, heldValue [ , unregisterToken ] )
ThrowCompletionOr<Value> FinalizationRegistry_prototype_register(Agent& agent, BuiltinFunction&, Value thisValue,
                                                                 Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-finalization-registry.prototype.register");
    Value target = argument(args, 0);
    Value heldValue = argument(args, 1);
    Value unregisterToken = argument(args, 2);
    STEP("1");
    STEP("2");
    FinalizationRegistryObject* finalizationRegistry = TRY(require_finalization_registry(agent, thisValue));
    STEP("3");
    if (!CanBeHeldWeakly(agent, target))
        return throw_type_error(agent, "FinalizationRegistry target must be an object or a non-registered symbol");
    STEP("4");
    if (SameValue(target, heldValue)) return throw_type_error(agent, "the held value must not be the target");
    STEP("5");
    if (!CanBeHeldWeakly(agent, unregisterToken)) {
        STEP("5.a");
        if (!unregisterToken.is_undefined())
            return throw_type_error(agent, "the unregister token must be an object or a non-registered symbol");
        STEP("5.b");
        unregisterToken = Value::empty();
    }
    STEP("6");
    FinalizationRegistryObject::Cell cell{target, heldValue, unregisterToken};
    STEP("7");
    finalizationRegistry->Cells.push_back(cell);
    STEP("8");
    return Value::undefined();
}

// §26.2.3.3 FinalizationRegistry.prototype.unregister ( unregisterToken )
ThrowCompletionOr<Value> FinalizationRegistry_prototype_unregister(Agent& agent, BuiltinFunction&, Value thisValue,
                                                                   Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-finalization-registry.prototype.unregister");
    Value unregisterToken = argument(args, 0);
    STEP("1");
    STEP("2");
    FinalizationRegistryObject* finalizationRegistry = TRY(require_finalization_registry(agent, thisValue));
    STEP("3");
    if (!CanBeHeldWeakly(agent, unregisterToken))
        return throw_type_error(agent, "the unregister token must be an object or a non-registered symbol");
    STEP("4");
    bool removed = false;
    STEP("5");
    std::erase_if(finalizationRegistry->Cells, [&](const FinalizationRegistryObject::Cell& cell) {
        STEP("5.a");
        if (cell.UnregisterToken.is_empty() || !SameValue(cell.UnregisterToken, unregisterToken)) return false;
        STEP("5.a.i");
        STEP("5.a.ii");
        removed = true;
        return true;
    });
    STEP("6");
    return Value::boolean(removed);
}

}  // namespace

void CreateFinalizationRegistryIntrinsics(Agent& agent, Realm& realm)
{
    Object* prototype = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::ObjectPrototype));
    BuiltinFunction* constructor =
        CreateBuiltinFunction(agent, FinalizationRegistry, 1, agent.key("FinalizationRegistry"),
                              {.realm = &realm, .isConstructor = true});
    link_constructor_and_prototype(agent, *constructor, *prototype);
    define_builtin_function(agent, realm, *prototype, "register", FinalizationRegistry_prototype_register, 2);
    define_builtin_function(agent, realm, *prototype, "unregister", FinalizationRegistry_prototype_unregister, 1);
    define_to_string_tag(agent, *prototype, "FinalizationRegistry");
    realm.set_intrinsic(Intrinsic::FinalizationRegistry, constructor);
    realm.set_intrinsic(Intrinsic::FinalizationRegistryPrototype, prototype);
}

}  // namespace lockstep
