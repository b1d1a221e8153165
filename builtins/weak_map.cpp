// ECMA-262 §24.3 WeakMap Objects.
//
// The collector has no ephemerons yet, so [[WeakMapData]] holds its keys and
// values strongly: nothing observable differs (a WeakMap cannot be iterated
// and the spec lets an implementation keep entries alive), only memory use.
#include "abstract_ops/object_operations.h"
#include "abstract_ops/testing_and_comparison.h"
#include "builtins/builtin_helpers.h"
#include "builtins/keyed_collections.h"
#include "builtins/map.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

// A WeakMap instance: an ordinary object with [[WeakMapData]].
class WeakMapObject final : public Object {
public:
    using Object::Object;
    KeyedCollectionData WeakMapData;  // [[WeakMapData]]
    void visit_edges(Visitor& visitor) override
    {
        Object::visit_edges(visitor);
        WeakMapData.visit_edges(visitor);
    }
};

// RequireInternalSlot ( M, [[WeakMapData]] )
ThrowCompletionOr<WeakMapObject*> require_weak_map(Agent& agent, Value M)
{
    return RequireInternalSlot<WeakMapObject>(agent, M, "not a WeakMap");
}

// §24.3.1.1 WeakMap ( [ iterable ] )
ThrowCompletionOr<Value> WeakMap(Agent& agent, BuiltinFunction&, Value, Arguments args, Object* NewTarget)
{
    SPEC_ALGORITHM("sec-weakmap-iterable");
    Value iterable = argument(args, 0);
    STEP("1");
    if (!NewTarget) return throw_type_error(agent, "WeakMap constructor requires 'new'");
    STEP("2");
    WeakMapObject* map = TRY(OrdinaryCreateFromConstructor<WeakMapObject>(agent, *NewTarget, Intrinsic::WeakMapPrototype));
    STEP("3");
    STEP("4");
    if (iterable.is_nullish()) return Value(map);
    STEP("5");
    Value adder = TRY(Get(agent, *map, agent.key("set")));
    STEP("6");
    if (!IsCallable(adder)) return throw_type_error(agent, "WeakMap.prototype.set is not callable");
    STEP("7");
    return TRY(AddEntriesFromIterable(agent, *map, iterable, adder));
}

// §24.3.3.2 WeakMap.prototype.delete ( key )
ThrowCompletionOr<Value> WeakMap_prototype_delete(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                  Object*)
{
    SPEC_ALGORITHM("sec-weakmap.prototype.delete");
    Value key = argument(args, 0);
    STEP("1");
    STEP("2");
    WeakMapObject* M = TRY(require_weak_map(agent, thisValue));
    STEP("3");
    if (!CanBeHeldWeakly(agent, key)) return Value::boolean(false);
    STEP("4");
    if (auto index = M->WeakMapData.index_of(key)) {
        STEP("4.a");
        STEP("4.a.i");
        STEP("4.a.ii");
        M->WeakMapData.remove_at(*index);
        STEP("4.a.iii");
        return Value::boolean(true);
    }
    STEP("5");
    return Value::boolean(false);
}

// §24.3.3.3 WeakMap.prototype.get ( key )
ThrowCompletionOr<Value> WeakMap_prototype_get(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-weakmap.prototype.get");
    Value key = argument(args, 0);
    STEP("1");
    STEP("2");
    WeakMapObject* M = TRY(require_weak_map(agent, thisValue));
    STEP("3");
    if (!CanBeHeldWeakly(agent, key)) return Value::undefined();
    STEP("4");
    STEP("4.a");
    if (auto index = M->WeakMapData.index_of(key)) return M->WeakMapData[*index].value;
    STEP("5");
    return Value::undefined();
}

// §24.3.3.4 WeakMap.prototype.has ( key )
ThrowCompletionOr<Value> WeakMap_prototype_has(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-weakmap.prototype.has");
    Value key = argument(args, 0);
    STEP("1");
    STEP("2");
    WeakMapObject* M = TRY(require_weak_map(agent, thisValue));
    STEP("3");
    if (!CanBeHeldWeakly(agent, key)) return Value::boolean(false);
    STEP("4");
    STEP("4.a");
    if (M->WeakMapData.index_of(key)) return Value::boolean(true);
    STEP("5");
    return Value::boolean(false);
}

// §24.3.3.5 WeakMap.prototype.set ( key, value )
ThrowCompletionOr<Value> WeakMap_prototype_set(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-weakmap.prototype.set");
    Value key = argument(args, 0);
    Value value = argument(args, 1);
    STEP("1");
    STEP("2");
    WeakMapObject* M = TRY(require_weak_map(agent, thisValue));
    STEP("3");
    if (!CanBeHeldWeakly(agent, key)) return throw_type_error(agent, "invalid WeakMap key");
    STEP("4");
    if (auto index = M->WeakMapData.index_of(key)) {
        STEP("4.a");
        STEP("4.a.i");
        M->WeakMapData[*index].value = value;
        STEP("4.a.ii");
        return Value(M);
    }
    STEP("5");
    STEP("6");
    M->WeakMapData.append(key, value);
    STEP("7");
    return Value(M);
}

}  // namespace

void CreateWeakMapIntrinsics(Agent& agent, Realm& realm)
{
    Object* prototype = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::ObjectPrototype));
    BuiltinFunction* constructor = CreateBuiltinFunction(agent, WeakMap, 0, agent.key("WeakMap"),
                                                         {.realm = &realm, .isConstructor = true});
    link_constructor_and_prototype(agent, *constructor, *prototype);
    define_builtin_function(agent, realm, *prototype, "delete", WeakMap_prototype_delete, 1);
    define_builtin_function(agent, realm, *prototype, "get", WeakMap_prototype_get, 1);
    define_builtin_function(agent, realm, *prototype, "has", WeakMap_prototype_has, 1);
    define_builtin_function(agent, realm, *prototype, "set", WeakMap_prototype_set, 2);
    define_to_string_tag(agent, *prototype, "WeakMap");
    realm.set_intrinsic(Intrinsic::WeakMap, constructor);
    realm.set_intrinsic(Intrinsic::WeakMapPrototype, prototype);
}

}  // namespace lockstep
