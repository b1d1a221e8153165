// ECMA-262 §21.2 BigInt Objects.
#include <cmath>

#include "abstract_ops/type_conversion.h"
#include "builtins/builtin_helpers.h"
#include "builtins/primitive_objects.h"
#include "runtime/bigint.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;
using Integer = BigInt::Integer;

// The largest 2^bits the modulo steps compute with; beyond it a result that
// is not simply the argument would not fit in memory (RangeError, an
// implementation limit like the one on BigInt sizes in runtime/bigint.cpp).
constexpr uint64_t kMaxModuloBits = uint64_t(1) << 30;

// §21.2.1.1.1 NumberToBigInt ( number )
ThrowCompletionOr<BigInt*> NumberToBigInt(Agent& agent, double number)
{
    SPEC_ALGORITHM("sec-numbertobigint");
    STEP("1");
    if (!std::isfinite(number) || std::trunc(number) != number)
        return throw_range_error(agent, "cannot convert a non-integral Number to a BigInt");
    STEP("2");
    int exponent;
    double fraction = std::frexp(number, &exponent);
    auto significand = int64_t(std::ldexp(fraction, 53));  // exact: |number| < 2^1024
    int shift = exponent - 53;
    Integer value = shift >= 0 ? Integer(significand) << shift : Integer(significand) >> -shift;
    return BigInt::create(agent.heap, std::move(value));
}

// §21.2.1.1 BigInt ( value )
ThrowCompletionOr<Value> BigInt_constructor(Agent& agent, BuiltinFunction&, Value, Arguments arguments,
                                            Object* NewTarget)
{
    SPEC_ALGORITHM("sec-bigint-constructor-number-value");
    STEP("1");
    if (NewTarget) return throw_type_error(agent, "BigInt is not a constructor");
    STEP("2");
    Value prim = TRY(ToPrimitive(agent, argument(arguments, 0), PreferredType::Number));
    STEP("3");
    if (prim.is_number()) return TRY(NumberToBigInt(agent, prim.as_number()));
    STEP("4");
    return TRY(ToBigInt(agent, prim));
}

// §21.2.2.1 BigInt.asIntN ( bits, bigint )
ThrowCompletionOr<Value> BigInt_asIntN(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-bigint.asintn");
    STEP("1");
    uint64_t bits = TRY(ToIndex(agent, argument(arguments, 0)));
    STEP("2");
    BigInt* bigint = TRY(ToBigInt(agent, argument(arguments, 1)));
    const Integer& value = bigint->value();
    // A value in [-2^(bits-1), 2^(bits-1)) is its own result.
    if (bits > 0 && (value == 0 || msb(abs(value)) + 2 <= bits)) return bigint;
    if (bits > kMaxModuloBits) return throw_range_error(agent, "Maximum BigInt size exceeded");
    STEP("3");
    Integer modulus = Integer(1) << unsigned(bits);
    Integer mod = value & (modulus - 1);  // two's complement: ℝ(bigint) modulo 2^bits
    STEP("4");
    if (bits > 0 && mod >= (modulus >> 1)) return BigInt::create(agent.heap, mod - modulus);
    return BigInt::create(agent.heap, std::move(mod));
}

// §21.2.2.2 BigInt.asUintN ( bits, bigint )
ThrowCompletionOr<Value> BigInt_asUintN(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-bigint.asuintn");
    STEP("1");
    uint64_t bits = TRY(ToIndex(agent, argument(arguments, 0)));
    STEP("2");
    BigInt* bigint = TRY(ToBigInt(agent, argument(arguments, 1)));
    const Integer& value = bigint->value();
    // A value in [0, 2^bits) is its own result.
    if (value >= 0 && (value == 0 || msb(value) + 1 <= bits)) return bigint;
    if (bits > kMaxModuloBits) return throw_range_error(agent, "Maximum BigInt size exceeded");
    STEP("3");
    Integer modulus = Integer(1) << unsigned(bits);
    return BigInt::create(agent.heap, value & (modulus - 1));
}

// §21.2.3.4.1 ThisBigIntValue ( value )
ThrowCompletionOr<BigInt*> ThisBigIntValue(Agent& agent, Value value)
{
    SPEC_ALGORITHM("sec-thisbigintvalue");
    STEP("1");
    if (value.is_bigint()) return value.as_bigint();
    STEP("2");
    if (auto* object = value.is_object() ? dynamic_cast<BigIntObject*>(value.as_object()) : nullptr) {
        STEP("2.a");
        SPEC_ASSERT(object->BigIntData);
        STEP("2.b");
        return object->BigIntData;
    }
    STEP("3");
    return throw_type_error(agent, "not a BigInt");
}

// §21.2.3.2 BigInt.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] )
// Without ECMA-402 the result is implementation-defined: the decimal form.
ThrowCompletionOr<Value> BigInt_prototype_toLocaleString(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                         Object*)
{
    BigInt* x = TRY(ThisBigIntValue(agent, thisValue));
    return make_string(agent.heap, BigInt::toString(*x, 10));
}

// §21.2.3.3 BigInt.prototype.toString ( [ radix ] )
ThrowCompletionOr<Value> BigInt_prototype_toString(Agent& agent, BuiltinFunction&, Value thisValue, Arguments arguments,
                                                   Object*)
{
    SPEC_ALGORITHM("sec-bigint.prototype.tostring");
    Value radix = argument(arguments, 0);
    STEP("1");
    BigInt* x = TRY(ThisBigIntValue(agent, thisValue));
    double radixMV;
    STEP("2");
    if (radix.is_undefined()) {
        radixMV = 10;
    } else {
        STEP("3");
        radixMV = TRY(ToIntegerOrInfinity(agent, radix));
    }
    STEP("4");
    if (radixMV < 2 || radixMV > 36) return throw_range_error(agent, "toString() radix must be between 2 and 36");
    STEP("5");
    return make_string(agent.heap, BigInt::toString(*x, unsigned(radixMV)));
}

// §21.2.3.4 BigInt.prototype.valueOf ( )
ThrowCompletionOr<Value> BigInt_prototype_valueOf(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-bigint.prototype.valueof");
    STEP("1");
    return TRY(ThisBigIntValue(agent, thisValue));
}

}  // namespace

void CreateBigIntIntrinsics(Agent& agent, Realm& realm)
{
    // §21.2.1 The BigInt Constructor (callable only, but a constructor so
    // that `extends BigInt` and Reflect.construct reach step 1's TypeError).
    BuiltinFunction* constructor = CreateBuiltinFunction(agent, BigInt_constructor, 1, agent.key("BigInt"),
                                                         {.realm = &realm, .isConstructor = true});
    realm.set_intrinsic(Intrinsic::BigInt, constructor);
    // §21.2.3: an ordinary object, not a BigInt object.
    Object* prototype = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::ObjectPrototype));
    realm.set_intrinsic(Intrinsic::BigIntPrototype, prototype);
    link_constructor_and_prototype(agent, *constructor, *prototype);

    define_builtin_function(agent, realm, *constructor, "asIntN", BigInt_asIntN, 2);
    define_builtin_function(agent, realm, *constructor, "asUintN", BigInt_asUintN, 2);
    define_builtin_function(agent, realm, *prototype, "toLocaleString", BigInt_prototype_toLocaleString, 0);
    define_builtin_function(agent, realm, *prototype, "toString", BigInt_prototype_toString, 0);
    define_builtin_function(agent, realm, *prototype, "valueOf", BigInt_prototype_valueOf, 0);
    define_to_string_tag(agent, *prototype, "BigInt");
}

}  // namespace lockstep
