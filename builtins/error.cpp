// ECMA-262 §20.5 Error Objects: %Error%, the NativeErrors and %AggregateError%.
#include "abstract_ops/object_operations.h"
#include "abstract_ops/operations_on_iterator_objects.h"
#include "abstract_ops/type_conversion.h"
#include "builtins/builtin_helpers.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

// §20.5.8.1 InstallErrorCause ( O, options )
ThrowCompletionOr<void> InstallErrorCause(Agent& agent, Object& O, Value options)
{
    SPEC_ALGORITHM("sec-installerrorcause");
    STEP("1");
    if (options.is_object() && TRY(HasProperty(agent, *options.as_object(), agent.key("cause")))) {
        STEP("1.a");
        Value cause = TRY(Get(agent, *options.as_object(), agent.key("cause")));
        STEP("1.b");
        CreateNonEnumerableDataPropertyOrThrow(agent, O, agent.key("cause"), cause);
    }
    STEP("2");
    return {};
}

// §20.5.1.1 Error ( message [ , options ] )
ThrowCompletionOr<Value> Error_constructor(Agent& agent, BuiltinFunction&, Value, Arguments arguments,
                                           Object* NewTarget)
{
    SPEC_ALGORITHM("sec-error-message");
    Value message = argument(arguments, 0);
    STEP("1");
    Object* newTarget = NewTarget ? NewTarget : agent.active_function_object();
    STEP("2");
    Object* O = TRY(OrdinaryCreateFromConstructor<ErrorObject>(agent, *newTarget, Intrinsic::ErrorPrototype));
    STEP("3");
    if (!message.is_undefined()) {
        STEP("3.a");
        String* msg = TRY(ToString(agent, message));
        STEP("3.b");
        CreateNonEnumerableDataPropertyOrThrow(agent, *O, agent.names.message, msg);
    }
    STEP("4");
    TRY(InstallErrorCause(agent, *O, argument(arguments, 1)));
    STEP("5");
    return O;
}

// §20.5.6.1.1 NativeError ( message [ , options ] ); slot 0 holds the
// Intrinsic of %NativeError.prototype%.
ThrowCompletionOr<Value> NativeError_constructor(Agent& agent, BuiltinFunction& F, Value, Arguments arguments,
                                                 Object* NewTarget)
{
    SPEC_ALGORITHM("sec-nativeerror");
    Value message = argument(arguments, 0);
    STEP("1");
    Object* newTarget = NewTarget ? NewTarget : agent.active_function_object();
    STEP("2");
    auto intrinsicDefaultProto = Intrinsic(uint16_t(F.slots[0].as_number()));
    Object* O = TRY(OrdinaryCreateFromConstructor<ErrorObject>(agent, *newTarget, intrinsicDefaultProto));
    STEP("3");
    if (!message.is_undefined()) {
        STEP("3.a");
        String* msg = TRY(ToString(agent, message));
        STEP("3.b");
        CreateNonEnumerableDataPropertyOrThrow(agent, *O, agent.names.message, msg);
    }
    STEP("4");
    TRY(InstallErrorCause(agent, *O, argument(arguments, 1)));
    STEP("5");
    return O;
}

// §20.5.7.1.1 AggregateError ( errors, message [ , options ] )
ThrowCompletionOr<Value> AggregateError_constructor(Agent& agent, BuiltinFunction&, Value, Arguments arguments,
                                                    Object* NewTarget)
{
    SPEC_ALGORITHM("sec-aggregate-error");
    Value errors = argument(arguments, 0);
    Value message = argument(arguments, 1);
    STEP("1");
    Object* newTarget = NewTarget ? NewTarget : agent.active_function_object();
    STEP("2");
    Object* O = TRY(OrdinaryCreateFromConstructor<ErrorObject>(agent, *newTarget, Intrinsic::AggregateErrorPrototype));
    STEP("3");
    if (!message.is_undefined()) {
        STEP("3.a");
        String* msg = TRY(ToString(agent, message));
        STEP("3.b");
        CreateNonEnumerableDataPropertyOrThrow(agent, *O, agent.names.message, msg);
    }
    STEP("4");
    TRY(InstallErrorCause(agent, *O, argument(arguments, 2)));
    STEP("5");
    IteratorRecord iteratorRecord = TRY(GetIterator(agent, errors, IteratorKind::Sync));
    List<Value> errorsList = TRY(IteratorToList(agent, iteratorRecord));
    STEP("6");
    MUST(DefinePropertyOrThrow(agent, *O, agent.key("errors"),
                               PropertyDescriptor{.value = CreateArrayFromList(agent, errorsList.items()),
                                                  .writable = true,
                                                  .enumerable = false,
                                                  .configurable = true}));
    STEP("7");
    return O;
}

// §20.5.3.4 Error.prototype.toString ( )
ThrowCompletionOr<Value> Error_prototype_toString(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-error.prototype.tostring");
    STEP("1");
    Value O = thisValue;
    STEP("2");
    if (!O.is_object()) return throw_type_error(agent, "Error.prototype.toString called on a non-object");
    STEP("3");
    Value name = TRY(Get(agent, *O.as_object(), agent.names.name));
    STEP("4");
    String* nameString = name.is_undefined() ? agent.heap.intern_ascii("Error") : TRY(ToString(agent, name));
    STEP("5");
    Value msg = TRY(Get(agent, *O.as_object(), agent.names.message));
    STEP("6");
    String* msgString = msg.is_undefined() ? agent.heap.intern_ascii("") : TRY(ToString(agent, msg));
    STEP("7");
    if (nameString->length() == 0) return msgString;
    STEP("8");
    if (msgString->length() == 0) return nameString;
    STEP("9");
    return make_string(agent.heap, nameString->units() + u": " + msgString->units());
}

// The prototype of an error constructor: an ordinary object (not an error
// instance) with "constructor", "message" (the empty String) and "name".
Object* create_error_prototype(Agent& agent, Object* parent, BuiltinFunction& constructor, const char* name)
{
    Object* prototype = OrdinaryObjectCreate(agent, parent);
    link_constructor_and_prototype(agent, constructor, *prototype);
    define_value_property(agent, *prototype, agent.names.message, agent.heap.intern_ascii(""), true, false, true);
    define_value_property(agent, *prototype, agent.names.name, agent.heap.intern_ascii(name), true, false, true);
    return prototype;
}

}  // namespace

void CreateErrorIntrinsics(Agent& agent, Realm& realm)
{
    // §20.5.1 The Error Constructor and §20.5.3 its prototype.
    BuiltinFunction* error = CreateBuiltinFunction(agent, Error_constructor, 1, agent.key("Error"),
                                                   {.realm = &realm, .isConstructor = true});
    realm.set_intrinsic(Intrinsic::Error, error);
    Object* errorPrototype =
        create_error_prototype(agent, realm.intrinsic(Intrinsic::ObjectPrototype), *error, "Error");
    realm.set_intrinsic(Intrinsic::ErrorPrototype, errorPrototype);
    define_builtin_function(agent, realm, *errorPrototype, "toString", Error_prototype_toString, 0);

    // §20.5.6 NativeError Object Structure: [[Prototype]] %Error% and %Error.prototype%.
    const struct {
        Intrinsic constructor, prototype;
        const char* name;
    } nativeErrors[] = {
        {Intrinsic::EvalError, Intrinsic::EvalErrorPrototype, "EvalError"},
        {Intrinsic::RangeError, Intrinsic::RangeErrorPrototype, "RangeError"},
        {Intrinsic::ReferenceError, Intrinsic::ReferenceErrorPrototype, "ReferenceError"},
        {Intrinsic::SyntaxError, Intrinsic::SyntaxErrorPrototype, "SyntaxError"},
        {Intrinsic::TypeError, Intrinsic::TypeErrorPrototype, "TypeError"},
        {Intrinsic::URIError, Intrinsic::URIErrorPrototype, "URIError"},
    };
    for (const auto& native : nativeErrors) {
        BuiltinFunction* constructor =
            CreateBuiltinFunction(agent, NativeError_constructor, 1, agent.key(native.name),
                                  {.additionalInternalSlots = 1, .realm = &realm, .prototype = error,
                                   .isConstructor = true});
        constructor->slots[0] = Value::number(double(native.prototype));
        realm.set_intrinsic(native.constructor, constructor);
        realm.set_intrinsic(native.prototype,
                            create_error_prototype(agent, errorPrototype, *constructor, native.name));
    }

    // §20.5.7 AggregateError Objects.
    BuiltinFunction* aggregateError =
        CreateBuiltinFunction(agent, AggregateError_constructor, 2, agent.key("AggregateError"),
                              {.realm = &realm, .prototype = error, .isConstructor = true});
    realm.set_intrinsic(Intrinsic::AggregateError, aggregateError);
    realm.set_intrinsic(Intrinsic::AggregateErrorPrototype,
                        create_error_prototype(agent, errorPrototype, *aggregateError, "AggregateError"));
}

}  // namespace lockstep
