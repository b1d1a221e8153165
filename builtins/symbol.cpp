// ECMA-262 §20.4 Symbol Objects.
#include "builtins/symbol.h"

#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "builtins/builtin_helpers.h"
#include "builtins/primitive_objects.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

// §20.4.1.1 Symbol ( [ description ] )
ThrowCompletionOr<Value> Symbol_constructor(Agent& agent, BuiltinFunction&, Value, Arguments arguments,
                                            Object* NewTarget)
{
    SPEC_ALGORITHM("sec-symbol-description");
    Value description = argument(arguments, 0);
    STEP("1");
    if (NewTarget) return throw_type_error(agent, "Symbol is not a constructor");
    Value descString;
    STEP("2");
    if (description.is_undefined()) {
        descString = Value::undefined();
    } else {
        STEP("3");
        descString = TRY(ToString(agent, description));
    }
    STEP("4");
    return agent.heap.allocate<Symbol>(descString);
}

// §20.4.2.2 Symbol.for ( key )
ThrowCompletionOr<Value> Symbol_for(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-symbol.for");
    STEP("1");
    String* stringKey = TRY(ToString(agent, argument(arguments, 0)));
    STEP("2");
    for (const auto& e : agent.GlobalSymbolRegistry) {
        STEP("2.a");
        if (*e.Key == *stringKey) return e.Symbol;
    }
    STEP("3");
    STEP("4");
    Symbol* newSymbol = agent.heap.allocate<Symbol>(stringKey);
    STEP("5");
    agent.GlobalSymbolRegistry.push_back({stringKey, newSymbol});
    STEP("6");
    return newSymbol;
}

// §20.4.2.6 Symbol.keyFor ( sym )
ThrowCompletionOr<Value> Symbol_keyFor(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-symbol.keyfor");
    Value sym = argument(arguments, 0);
    STEP("1");
    if (!sym.is_symbol()) return throw_type_error(agent, "Symbol.keyFor: not a Symbol");
    STEP("2");
    return KeyForSymbol(agent, *sym.as_symbol());
}

// §20.4.3.4.1 ThisSymbolValue ( value )
ThrowCompletionOr<Symbol*> ThisSymbolValue(Agent& agent, Value value)
{
    SPEC_ALGORITHM("sec-thissymbolvalue");
    STEP("1");
    if (value.is_symbol()) return value.as_symbol();
    STEP("2");
    if (auto* object = value.is_object() ? dynamic_cast<SymbolObject*>(value.as_object()) : nullptr) {
        STEP("2.a");
        Symbol* s = object->SymbolData;
        STEP("2.b");
        SPEC_ASSERT(s);
        STEP("2.c");
        return s;
    }
    STEP("3");
    return throw_type_error(agent, "not a Symbol");
}

// §20.4.3.2 get Symbol.prototype.description
ThrowCompletionOr<Value> get_Symbol_prototype_description(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                          Object*)
{
    SPEC_ALGORITHM("sec-symbol.prototype.description");
    STEP("1");
    Value s = thisValue;
    STEP("2");
    Symbol* sym = TRY(ThisSymbolValue(agent, s));
    STEP("3");
    return sym->Description;
}

// §20.4.3.3 Symbol.prototype.toString ( )
ThrowCompletionOr<Value> Symbol_prototype_toString(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-symbol.prototype.tostring");
    STEP("1");
    Symbol* sym = TRY(ThisSymbolValue(agent, thisValue));
    STEP("2");
    return SymbolDescriptiveString(agent, *sym);
}

// §20.4.3.4 Symbol.prototype.valueOf ( )
ThrowCompletionOr<Value> Symbol_prototype_valueOf(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-symbol.prototype.valueof");
    STEP("1");
    return TRY(ThisSymbolValue(agent, thisValue));
}

// §20.4.3.5 Symbol.prototype [ %Symbol.toPrimitive% ] ( hint )
ThrowCompletionOr<Value> Symbol_prototype_toPrimitive(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                      Object*)
{
    SPEC_ALGORITHM("sec-symbol.prototype-%symbol.toprimitive%");
    STEP("1");
    return TRY(ThisSymbolValue(agent, thisValue));
}

}  // namespace

String* SymbolDescriptiveString(Agent& agent, const Symbol& sym)
{
    SPEC_ALGORITHM("sec-symboldescriptivestring");
    STEP("1");
    Value desc = sym.Description;
    STEP("2");
    if (desc.is_undefined()) desc = agent.heap.intern_ascii("");
    STEP("3");
    SPEC_ASSERT(desc.is_string());
    STEP("4");
    return make_string(agent.heap, u"Symbol(" + desc.as_string()->units() + u")");
}

Value KeyForSymbol(Agent& agent, const Symbol& sym)
{
    SPEC_ALGORITHM("sec-keyforsymbol");
    STEP("1");
    for (const auto& e : agent.GlobalSymbolRegistry) {
        STEP("1.a");
        if (e.Symbol == &sym) return e.Key;
    }
    STEP("2");
    STEP("3");
    return Value::undefined();
}

void CreateSymbolIntrinsics(Agent& agent, Realm& realm)
{
    // §20.4.1 The Symbol Constructor (not a constructor for `new`, but it
    // has [[Construct]] so that subclassing reaches step 1's TypeError).
    BuiltinFunction* constructor = CreateBuiltinFunction(agent, Symbol_constructor, 0, agent.key("Symbol"),
                                                         {.realm = &realm, .isConstructor = true});
    realm.set_intrinsic(Intrinsic::Symbol, constructor);
    Object* prototype = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::ObjectPrototype));
    realm.set_intrinsic(Intrinsic::SymbolPrototype, prototype);
    link_constructor_and_prototype(agent, *constructor, *prototype);

    // §20.4.2 Properties of the Symbol Constructor: the well-known symbols are constants.
#define X(name)                                                                                       \
    define_value_property(agent, *constructor, agent.key(#name), agent.well_known_symbol(WellKnownSymbol::name), \
                          false, false, false);
    LOCKSTEP_WELL_KNOWN_SYMBOLS(X)
#undef X
    define_builtin_function(agent, realm, *constructor, "for", Symbol_for, 1);
    define_builtin_function(agent, realm, *constructor, "keyFor", Symbol_keyFor, 1);

    // §20.4.3 Properties of the Symbol Prototype Object
    define_builtin_getter(agent, realm, *prototype, agent.key("description"), get_Symbol_prototype_description);
    define_builtin_function(agent, realm, *prototype, "toString", Symbol_prototype_toString, 0);
    define_builtin_function(agent, realm, *prototype, "valueOf", Symbol_prototype_valueOf, 0);
    // §20.4.3.5: { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true }.
    PropertyKey toPrimitive = agent.well_known_symbol(WellKnownSymbol::toPrimitive);
    define_value_property(agent, *prototype, toPrimitive,
                          CreateBuiltinFunction(agent, Symbol_prototype_toPrimitive, 1, toPrimitive, {.realm = &realm}),
                          false, false, true);
    define_to_string_tag(agent, *prototype, "Symbol");
}

}  // namespace lockstep
