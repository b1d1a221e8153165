// ECMA-262 §20.3 Boolean Objects.
#include "abstract_ops/type_conversion.h"
#include "builtins/builtin_helpers.h"
#include "builtins/primitive_objects.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

// §20.3.1.1 Boolean ( value )
ThrowCompletionOr<Value> Boolean_constructor(Agent& agent, BuiltinFunction&, Value, Arguments arguments,
                                             Object* NewTarget)
{
    SPEC_ALGORITHM("sec-boolean-constructor-boolean-value");
    STEP("1");
    bool b = ToBoolean(argument(arguments, 0));
    STEP("2");
    if (!NewTarget) return Value::boolean(b);
    STEP("3");
    BooleanObject* O =
        TRY(OrdinaryCreateFromConstructor<BooleanObject>(agent, *NewTarget, Intrinsic::BooleanPrototype, false));
    STEP("4");
    O->BooleanData = b;
    STEP("5");
    return O;
}

// §20.3.3.3.1 ThisBooleanValue ( value )
ThrowCompletionOr<bool> ThisBooleanValue(Agent& agent, Value value)
{
    SPEC_ALGORITHM("sec-thisbooleanvalue");
    STEP("1");
    if (value.is_boolean()) return value.as_bool();
    STEP("2");
    if (auto* object = value.is_object() ? dynamic_cast<BooleanObject*>(value.as_object()) : nullptr) {
        STEP("2.a");
        bool b = object->BooleanData;
        STEP("2.b");
        STEP("2.c");
        return b;
    }
    STEP("3");
    return throw_type_error(agent, "not a Boolean");
}

// §20.3.3.2 Boolean.prototype.toString ( )
ThrowCompletionOr<Value> Boolean_prototype_toString(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-boolean.prototype.tostring");
    STEP("1");
    bool b = TRY(ThisBooleanValue(agent, thisValue));
    STEP("2");
    return agent.heap.intern_ascii(b ? "true" : "false");
}

// §20.3.3.3 Boolean.prototype.valueOf ( )
ThrowCompletionOr<Value> Boolean_prototype_valueOf(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-boolean.prototype.valueof");
    STEP("1");
    return Value::boolean(TRY(ThisBooleanValue(agent, thisValue)));
}

}  // namespace

void CreateBooleanIntrinsics(Agent& agent, Realm& realm)
{
    // §20.3.1 The Boolean Constructor
    BuiltinFunction* constructor = CreateBuiltinFunction(agent, Boolean_constructor, 1, agent.key("Boolean"),
                                                         {.realm = &realm, .isConstructor = true});
    realm.set_intrinsic(Intrinsic::Boolean, constructor);
    // §20.3.3: the prototype is itself a Boolean object whose [[BooleanData]] is false.
    auto* prototype = OrdinaryObjectCreate<BooleanObject>(agent, realm.intrinsic(Intrinsic::ObjectPrototype), false);
    realm.set_intrinsic(Intrinsic::BooleanPrototype, prototype);
    link_constructor_and_prototype(agent, *constructor, *prototype);
    define_builtin_function(agent, realm, *prototype, "toString", Boolean_prototype_toString, 0);
    define_builtin_function(agent, realm, *prototype, "valueOf", Boolean_prototype_valueOf, 0);
}

}  // namespace lockstep
