// ECMA-262 §24.4 WeakSet Objects. Held strongly for now (see weak_map.cpp).
#include "abstract_ops/object_operations.h"
#include "abstract_ops/operations_on_iterator_objects.h"
#include "abstract_ops/testing_and_comparison.h"
#include "builtins/builtin_helpers.h"
#include "builtins/keyed_collections.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

// A WeakSet instance: an ordinary object with [[WeakSetData]].
class WeakSetObject final : public Object {
public:
    using Object::Object;
    KeyedCollectionData WeakSetData;  // [[WeakSetData]]
    void visit_edges(Visitor& visitor) override
    {
        Object::visit_edges(visitor);
        WeakSetData.visit_edges(visitor);
    }
};

// RequireInternalSlot ( S, [[WeakSetData]] )
ThrowCompletionOr<WeakSetObject*> require_weak_set(Agent& agent, Value S)
{
    return RequireInternalSlot<WeakSetObject>(agent, S, "not a WeakSet");
}

// §24.4.1.1 WeakSet ( [ iterable ] )
ThrowCompletionOr<Value> WeakSet(Agent& agent, BuiltinFunction&, Value, Arguments args, Object* NewTarget)
{
    SPEC_ALGORITHM("sec-weakset-iterable");
    Value iterable = argument(args, 0);
    STEP("1");
    if (!NewTarget) return throw_type_error(agent, "WeakSet constructor requires 'new'");
    STEP("2");
    WeakSetObject* set = TRY(OrdinaryCreateFromConstructor<WeakSetObject>(agent, *NewTarget, Intrinsic::WeakSetPrototype));
    STEP("3");
    STEP("4");
    if (iterable.is_nullish()) return Value(set);
    STEP("5");
    Value adder = TRY(Get(agent, *set, agent.key("add")));
    STEP("6");
    if (!IsCallable(adder)) return throw_type_error(agent, "WeakSet.prototype.add is not callable");
    STEP("7");
    IteratorRecord iteratorRecord = TRY(GetIterator(agent, iterable, IteratorKind::Sync));
    STEP("8");
    for (;;) {
        STEP("8.a");
        std::optional<Value> next = TRY(IteratorStepValue(agent, iteratorRecord));
        STEP("8.b");
        if (!next) return Value(set);
        STEP("8.c");
        Value callArgs[] = {*next};
        ThrowCompletionOr<Value> status = Call(agent, adder, set, callArgs);
        STEP("8.d");
        if (status.is_abrupt()) return IteratorClose(agent, iteratorRecord, status);
    }
}

// §24.4.3.1 WeakSet.prototype.add ( value )
ThrowCompletionOr<Value> WeakSet_prototype_add(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-weakset.prototype.add");
    Value value = argument(args, 0);
    STEP("1");
    STEP("2");
    WeakSetObject* S = TRY(require_weak_set(agent, thisValue));
    STEP("3");
    if (!CanBeHeldWeakly(agent, value)) return throw_type_error(agent, "invalid WeakSet value");
    STEP("4");
    STEP("4.a");
    STEP("4.a.i");
    if (S->WeakSetData.index_of(value)) return Value(S);
    STEP("5");
    S->WeakSetData.append(value, Value::empty());
    STEP("6");
    return Value(S);
}

// §24.4.3.3 WeakSet.prototype.delete ( value )
ThrowCompletionOr<Value> WeakSet_prototype_delete(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                  Object*)
{
    SPEC_ALGORITHM("sec-weakset.prototype.delete");
    Value value = argument(args, 0);
    STEP("1");
    STEP("2");
    WeakSetObject* S = TRY(require_weak_set(agent, thisValue));
    STEP("3");
    if (!CanBeHeldWeakly(agent, value)) return Value::boolean(false);
    STEP("4");
    if (auto index = S->WeakSetData.index_of(value)) {
        STEP("4.a");
        STEP("4.a.i");
        S->WeakSetData.remove_at(*index);
        STEP("4.a.ii");
        return Value::boolean(true);
    }
    STEP("5");
    return Value::boolean(false);
}

// §24.4.3.4 WeakSet.prototype.has ( value )
ThrowCompletionOr<Value> WeakSet_prototype_has(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-weakset.prototype.has");
    Value value = argument(args, 0);
    STEP("1");
    STEP("2");
    WeakSetObject* S = TRY(require_weak_set(agent, thisValue));
    STEP("3");
    if (!CanBeHeldWeakly(agent, value)) return Value::boolean(false);
    STEP("4");
    STEP("4.a");
    if (S->WeakSetData.index_of(value)) return Value::boolean(true);
    STEP("5");
    return Value::boolean(false);
}

}  // namespace

void CreateWeakSetIntrinsics(Agent& agent, Realm& realm)
{
    Object* prototype = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::ObjectPrototype));
    BuiltinFunction* constructor = CreateBuiltinFunction(agent, WeakSet, 0, agent.key("WeakSet"),
                                                         {.realm = &realm, .isConstructor = true});
    link_constructor_and_prototype(agent, *constructor, *prototype);
    define_builtin_function(agent, realm, *prototype, "add", WeakSet_prototype_add, 1);
    define_builtin_function(agent, realm, *prototype, "delete", WeakSet_prototype_delete, 1);
    define_builtin_function(agent, realm, *prototype, "has", WeakSet_prototype_has, 1);
    define_to_string_tag(agent, *prototype, "WeakSet");
    realm.set_intrinsic(Intrinsic::WeakSet, constructor);
    realm.set_intrinsic(Intrinsic::WeakSetPrototype, prototype);
}

}  // namespace lockstep
