// ECMA-262 §7.1 Type Conversion.
#include "abstract_ops/type_conversion.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <string>

#include <unicode/uchar.h>

#include "abstract_ops/object_operations.h"
#include "abstract_ops/testing_and_comparison.h"
#include "builtins/primitive_objects.h"
#include "runtime/agent.h"
#include "runtime/bigint.h"
#include "runtime/error.h"
#include "runtime/number.h"
#include "runtime/ordinary_object.h"
#include "runtime/realm.h"
#include "runtime/string.h"
#include "runtime/string_object.h"

namespace lockstep {

ThrowCompletionOr<Value> ToPrimitive(Agent& agent, Value input, std::optional<PreferredType> preferredType)
{
    SPEC_ALGORITHM("sec-toprimitive");
    STEP("1");
    if (input.is_object()) {
        STEP("1.a");
        Value exoticToPrim = TRY(GetMethod(agent, input, agent.well_known_symbol(WellKnownSymbol::toPrimitive)));
        STEP("1.b");
        if (!exoticToPrim.is_undefined()) {
            const char* hint;
            STEP("1.b.i");
            if (!preferredType) {
                STEP("1.b.i.1");
                hint = "default";
            } else if (*preferredType == PreferredType::String) {
                STEP("1.b.ii");
                STEP("1.b.ii.1");
                hint = "string";
            } else {
                STEP("1.b.iii");
                STEP("1.b.iii.1");
                SPEC_ASSERT(*preferredType == PreferredType::Number);
                STEP("1.b.iii.2");
                hint = "number";
            }
            STEP("1.b.iv");
            Value hintValue = agent.heap.intern_ascii(hint);
            Value result = TRY(Call(agent, exoticToPrim, input, std::span<const Value>(&hintValue, 1)));
            STEP("1.b.v");
            if (!result.is_object()) return result;
            STEP("1.b.vi");
            return throw_type_error(agent, "[Symbol.toPrimitive] returned an object");
        }
        STEP("1.c");
        if (!preferredType) preferredType = PreferredType::Number;
        STEP("1.d");
        return TRY(OrdinaryToPrimitive(agent, *input.as_object(), *preferredType));
    }
    STEP("2");
    return input;
}

ThrowCompletionOr<Value> OrdinaryToPrimitive(Agent& agent, Object& O, PreferredType hint)
{
    SPEC_ALGORITHM("sec-ordinarytoprimitive");
    const char* methodNames[2];
    STEP("1");
    if (hint == PreferredType::String) {
        STEP("1.a");
        methodNames[0] = "toString";
        methodNames[1] = "valueOf";
    } else {
        STEP("2");
        STEP("2.a");
        methodNames[0] = "valueOf";
        methodNames[1] = "toString";
    }
    STEP("3");
    for (const char* name : methodNames) {
        STEP("3.a");
        Value method = TRY(Get(agent, O, agent.key(name)));
        STEP("3.b");
        if (IsCallable(method)) {
            STEP("3.b.i");
            Value result = TRY(Call(agent, method, &O));
            STEP("3.b.ii");
            if (!result.is_object()) return result;
        }
    }
    STEP("4");
    return throw_type_error(agent, "cannot convert object to primitive value");
}

bool ToBoolean(Value argument)
{
    SPEC_ALGORITHM("sec-toboolean");
    STEP("1");
    if (argument.is_boolean()) return argument.as_bool();
    STEP("2");
    if (argument.is_nullish()) return false;
    if (argument.is_number() && (argument.as_number() == 0 || std::isnan(argument.as_number()))) return false;
    if (argument.is_bigint() && argument.as_bigint()->value() == 0) return false;
    if (argument.is_string() && argument.as_string()->length() == 0) return false;
    STEP("3");  // [[IsHTMLDDA]] objects (Annex B.3.6) do not exist in this host
    STEP("4");
    return true;
}

ThrowCompletionOr<Value> ToNumeric(Agent& agent, Value value)
{
    SPEC_ALGORITHM("sec-tonumeric");
    STEP("1");
    Value primValue = TRY(ToPrimitive(agent, value, PreferredType::Number));
    STEP("2");
    if (primValue.is_bigint()) return primValue;
    STEP("3");
    return Value::number(TRY(ToNumber(agent, primValue)));
}

ThrowCompletionOr<double> ToNumber(Agent& agent, Value argument)
{
    SPEC_ALGORITHM("sec-tonumber");
    STEP("1");
    if (argument.is_number()) return argument.as_number();
    STEP("2");
    if (argument.is_symbol() || argument.is_bigint())
        return throw_type_error(agent, argument.is_symbol() ? "cannot convert a Symbol to a number"
                                                            : "cannot convert a BigInt to a number");
    STEP("3");
    if (argument.is_undefined()) return std::numeric_limits<double>::quiet_NaN();
    STEP("4");
    if (argument.is_null() || (argument.is_boolean() && !argument.as_bool())) return 0.0;
    STEP("5");
    if (argument.is_boolean()) return 1.0;
    STEP("6");
    if (argument.is_string()) return StringToNumber(argument.as_string()->view());
    STEP("7");
    SPEC_ASSERT(argument.is_object());
    STEP("8");
    Value primValue = TRY(ToPrimitive(agent, argument, PreferredType::Number));
    STEP("9");
    SPEC_ASSERT(!primValue.is_object());
    STEP("10");
    return TRY(ToNumber(agent, primValue));
}

// ---- §7.1.4.1 the StringNumericLiteral and StringIntegerLiteral grammars ----

bool IsStrWhiteSpaceChar(char16_t c)
{
    // WhiteSpace (§12.2): TAB, VT, FF, ZWNBSP and every Zs code point;
    // LineTerminator (§12.3): LF, CR, LS, PS.
    switch (c) {
    case 0x0009: case 0x000B: case 0x000C: case 0xFEFF:
    case 0x000A: case 0x000D: case 0x2028: case 0x2029:
        return true;
    default:
        return u_charType(c) == U_SPACE_SEPARATOR;
    }
}

namespace {

std::u16string_view trim_str_white_space(std::u16string_view text)
{
    while (!text.empty() && IsStrWhiteSpaceChar(text.front())) text.remove_prefix(1);
    while (!text.empty() && IsStrWhiteSpaceChar(text.back())) text.remove_suffix(1);
    return text;
}

bool is_decimal_digit(char16_t c) { return c >= u'0' && c <= u'9'; }

// The end of the DecimalDigits[~Sep] starting at `pos` (== pos if none).
size_t scan_decimal_digits(std::u16string_view text, size_t pos)
{
    while (pos < text.size() && is_decimal_digit(text[pos])) ++pos;
    return pos;
}

// The length of the longest prefix of `text` that is a
// StrUnsignedDecimalLiteral other than `Infinity` (0 if none).
size_t scan_str_unsigned_decimal_literal(std::u16string_view text)
{
    size_t pos = scan_decimal_digits(text, 0);
    bool has_digits = pos > 0;
    if (pos < text.size() && text[pos] == u'.') {
        size_t after = scan_decimal_digits(text, pos + 1);
        if (after > pos + 1) has_digits = true;
        if (has_digits) pos = after;
    }
    if (!has_digits) return 0;
    // ExponentPart: `e`/`E` SignedInteger, taken only when complete.
    if (pos < text.size() && (text[pos] == u'e' || text[pos] == u'E')) {
        size_t exponent = pos + 1;
        if (exponent < text.size() && (text[exponent] == u'+' || text[exponent] == u'-')) ++exponent;
        size_t end = scan_decimal_digits(text, exponent);
        if (end > exponent) pos = end;
    }
    return pos;
}

// RoundMVResult of the MV of a StrUnsignedDecimalLiteral (not `Infinity`),
// given as ASCII. std::from_chars rounds the exact value correctly, which is
// one of the two choices §7.1.4.1.3 allows: only one double boundary can lie
// between option1 and option2, 20 significant digits apart.
double unsigned_decimal_value(std::string_view ascii)
{
    double value = 0;
    auto result = std::from_chars(ascii.data(), ascii.data() + ascii.size(), value, std::chars_format::general);
    if (result.ec != std::errc::result_out_of_range) return value;
    // Beyond the finite range: +∞ if the leading digit's place is above 10^0,
    // +0 if it is below (the two cases that are out of range).
    size_t point = ascii.find('.');
    size_t exponent_at = ascii.find_first_of("eE");
    std::string_view mantissa = ascii.substr(0, exponent_at);
    if (point == std::string_view::npos) point = mantissa.size();
    size_t first_nonzero = mantissa.find_first_of("123456789");
    if (first_nonzero == std::string_view::npos) return 0;
    long long place = first_nonzero < point ? (long long)(point - first_nonzero) : -(long long)(first_nonzero - point);
    if (exponent_at != std::string_view::npos) {
        // Saturate: an exponent this large decides the result by its sign alone.
        std::string_view digits = ascii.substr(exponent_at + 1);
        bool negative = !digits.empty() && digits[0] == '-';
        if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) digits.remove_prefix(1);
        long long exponent = 0;
        for (char c : digits) exponent = std::min<long long>(exponent * 10 + (c - '0'), 1'000'000'000);
        place += negative ? -exponent : exponent;
    }
    return place > 0 ? std::numeric_limits<double>::infinity() : 0.0;
}

// The radix of a NonDecimalIntegerLiteral prefix (0b 0o 0x, either case) at
// the start of `text`, or 0.
unsigned non_decimal_radix(std::u16string_view text)
{
    if (text.size() < 2 || text[0] != u'0') return 0;
    switch (text[1]) {
    case u'b': case u'B': return 2;
    case u'o': case u'O': return 8;
    case u'x': case u'X': return 16;
    default: return 0;
    }
}

int digit_value(char16_t c)
{
    if (c >= u'0' && c <= u'9') return c - u'0';
    if (c >= u'a' && c <= u'z') return c - u'a' + 10;
    if (c >= u'A' && c <= u'Z') return c - u'A' + 10;
    return 99;
}

// The MV of a NonDecimalIntegerLiteral[~Sep] that is all of `text`, or
// nullopt if `text` is not one.
std::optional<BigInt::Integer> non_decimal_integer_mv(std::u16string_view text)
{
    unsigned radix = non_decimal_radix(text);
    if (!radix || text.size() == 2) return std::nullopt;
    BigInt::Integer mv = 0;
    for (char16_t c : text.substr(2)) {
        int digit = digit_value(c);
        if (digit >= int(radix)) return std::nullopt;
        mv = mv * radix + digit;
    }
    return mv;
}

// 𝔽(x) for an integer x: round to nearest, ties to even. The top 64 bits
// with a sticky bit for whatever lies below round exactly as x does.
double integer_to_double(const BigInt::Integer& x)
{
    if (x == 0) return 0;
    BigInt::Integer magnitude = abs(x);
    unsigned bits = msb(magnitude) + 1;
    double result;
    if (bits <= 64) {
        result = double(magnitude.convert_to<uint64_t>());
    } else {
        unsigned shift = bits - 64;
        uint64_t top = BigInt::Integer(magnitude >> shift).convert_to<uint64_t>();
        bool sticky = lsb(magnitude) < shift;
        // Bit 0 of `top` is far below the 53-bit significand, so folding the
        // sticky bit into it makes the hardware conversion round as x would.
        result = std::ldexp(double(top | (sticky ? 1 : 0)), int(std::min(shift, 2000u)));
    }
    return x < 0 ? -result : result;
}

}  // namespace

std::optional<double> StrDecimalLiteralPrefixValue(std::u16string_view text)
{
    // StrDecimalLiteral ::: StrUnsignedDecimalLiteral | + … | - …
    bool negative = false;
    size_t start = 0;
    if (!text.empty() && (text[0] == u'+' || text[0] == u'-')) {
        negative = text[0] == u'-';
        start = 1;
    }
    std::u16string_view rest = text.substr(start);
    double a;
    if (rest.starts_with(u"Infinity")) {
        // StrUnsignedDecimalLiteral ::: `Infinity`
        a = std::numeric_limits<double>::infinity();
    } else {
        size_t length = scan_str_unsigned_decimal_literal(rest);
        if (length == 0) return std::nullopt;
        a = unsigned_decimal_value(std::string(rest.begin(), rest.begin() + length));
    }
    // StrDecimalLiteral ::: `-` StrUnsignedDecimalLiteral: -a (-0 for +0).
    return negative ? -a : a;
}

namespace {

// ParseText(str, |StringNumericLiteral|) and, on success, the
// StringNumericValue of the result; nullopt for a List of errors.
std::optional<double> string_numeric_value(std::u16string_view str)
{
    // StringNumericLiteral ::: StrWhiteSpace? | StrWhiteSpace? StrNumericLiteral StrWhiteSpace?
    std::u16string_view literal = trim_str_white_space(str);
    if (literal.empty()) return 0.0;  // StringNumericLiteral ::: StrWhiteSpace?
    // StrNumericLiteral ::: NonDecimalIntegerLiteral: 𝔽(MV)
    if (auto mv = non_decimal_integer_mv(literal)) return integer_to_double(*mv);
    // StrNumericLiteral ::: StrDecimalLiteral, which must be all of the trimmed text.
    size_t sign = literal[0] == u'+' || literal[0] == u'-' ? 1 : 0;
    std::u16string_view unsigned_part = literal.substr(sign);
    if (unsigned_part == u"Infinity" || scan_str_unsigned_decimal_literal(unsigned_part) == unsigned_part.size())
        return StrDecimalLiteralPrefixValue(literal);
    return std::nullopt;
}

}  // namespace

double StringToNumber(std::u16string_view str)
{
    SPEC_ALGORITHM("sec-stringtonumber");
    STEP("1");
    std::optional<double> literal = string_numeric_value(str);
    STEP("2");
    if (!literal) return std::numeric_limits<double>::quiet_NaN();
    STEP("3");
    return *literal;
}

double to_number_value(const BigInt& x)
{
    return integer_to_double(x.value());
}

ThrowCompletionOr<double> ToIntegerOrInfinity(Agent& agent, Value argument)
{
    SPEC_ALGORITHM("sec-tointegerorinfinity");
    STEP("1");
    double number = TRY(ToNumber(agent, argument));
    STEP("2");
    if (std::isnan(number) || number == 0) return 0.0;
    STEP("3");
    STEP("4");
    if (std::isinf(number)) return number;
    STEP("5");
    return std::trunc(number) + 0.0;  // + 0.0: truncating -0.5 gives the integer 0, not -0
}

namespace {

// Steps 2-4 of ToInt32 … ToUint8: truncate(ℝ(number)) modulo 2^bits, or 0
// for a non-finite number or a zero.
uint64_t modulo_power_of_two(double number, unsigned bits)
{
    if (!std::isfinite(number) || number == 0) return 0;
    double integer = std::trunc(number);
    // fmod is exact; the result lies in (-2^bits, 2^bits).
    double remainder = std::fmod(integer, std::ldexp(1.0, int(bits)));
    if (remainder < 0) remainder += std::ldexp(1.0, int(bits));
    return uint64_t(remainder);
}

// Step 5 of ToInt32, ToInt16 and ToInt8: intNbit ≥ 2^(N-1) stands for
// intNbit - 2^N. C++20 converts to a signed type modulo 2^N, which is exactly that.
template <class Signed>
Signed wrap_to_signed(uint64_t intNbit)
{
    return static_cast<Signed>(intNbit);
}

}  // namespace

ThrowCompletionOr<int32_t> ToInt32(Agent& agent, Value argument)
{
    SPEC_ALGORITHM("sec-toint32");
    STEP("1");
    double number = TRY(ToNumber(agent, argument));
    STEP("2");
    STEP("3");
    STEP("4");
    uint64_t int32bit = modulo_power_of_two(number, 32);
    STEP("5");
    return wrap_to_signed<int32_t>(int32bit);
}

ThrowCompletionOr<uint32_t> ToUint32(Agent& agent, Value argument)
{
    SPEC_ALGORITHM("sec-touint32");
    STEP("1");
    double number = TRY(ToNumber(agent, argument));
    STEP("2");
    STEP("3");
    STEP("4");
    uint64_t int32bit = modulo_power_of_two(number, 32);
    STEP("5");
    return uint32_t(int32bit);
}

ThrowCompletionOr<int16_t> ToInt16(Agent& agent, Value argument)
{
    SPEC_ALGORITHM("sec-toint16");
    STEP("1");
    double number = TRY(ToNumber(agent, argument));
    STEP("2");
    STEP("3");
    STEP("4");
    uint64_t int16bit = modulo_power_of_two(number, 16);
    STEP("5");
    return wrap_to_signed<int16_t>(int16bit);
}

ThrowCompletionOr<uint16_t> ToUint16(Agent& agent, Value argument)
{
    SPEC_ALGORITHM("sec-touint16");
    STEP("1");
    double number = TRY(ToNumber(agent, argument));
    STEP("2");
    STEP("3");
    STEP("4");
    uint64_t int16bit = modulo_power_of_two(number, 16);
    STEP("5");
    return uint16_t(int16bit);
}

ThrowCompletionOr<int8_t> ToInt8(Agent& agent, Value argument)
{
    SPEC_ALGORITHM("sec-toint8");
    STEP("1");
    double number = TRY(ToNumber(agent, argument));
    STEP("2");
    STEP("3");
    STEP("4");
    uint64_t int8bit = modulo_power_of_two(number, 8);
    STEP("5");
    return wrap_to_signed<int8_t>(int8bit);
}

ThrowCompletionOr<uint8_t> ToUint8(Agent& agent, Value argument)
{
    SPEC_ALGORITHM("sec-touint8");
    STEP("1");
    double number = TRY(ToNumber(agent, argument));
    STEP("2");
    STEP("3");
    STEP("4");
    uint64_t int8bit = modulo_power_of_two(number, 8);
    STEP("5");
    return uint8_t(int8bit);
}

ThrowCompletionOr<uint8_t> ToUint8Clamp(Agent& agent, Value argument)
{
    SPEC_ALGORITHM("sec-touint8clamp");
    STEP("1");
    double number = TRY(ToNumber(agent, argument));
    STEP("2");
    if (std::isnan(number)) return uint8_t(0);
    STEP("3");
    double mv = number;
    STEP("4");
    double clamped = std::clamp(mv, 0.0, 255.0);
    STEP("5");
    double f = std::floor(clamped);
    STEP("6");
    if (clamped < f + 0.5) return uint8_t(f);
    STEP("7");
    if (clamped > f + 0.5) return uint8_t(f + 1);
    STEP("8");
    return std::fmod(f, 2) == 0 ? uint8_t(f) : uint8_t(f + 1);
}

ThrowCompletionOr<BigInt*> ToBigInt(Agent& agent, Value argument)
{
    SPEC_ALGORITHM("sec-tobigint#1");
    STEP("1");
    Value prim = TRY(ToPrimitive(agent, argument, PreferredType::Number));
    STEP("2");  // Table "BigInt Conversions"
    switch (prim.type()) {
    case Type::Undefined:
    case Type::Null:
        return throw_type_error(agent, "cannot convert undefined or null to a BigInt");
    case Type::Boolean:
        return BigInt::create(agent.heap, prim.as_bool() ? 1 : 0);
    case Type::BigInt:
        return prim.as_bigint();
    case Type::Number:
        return throw_type_error(agent, "cannot convert a Number to a BigInt");
    case Type::String: {
        SPEC_ALGORITHM("sec-tobigint#2");
        STEP("1");
        BigInt* n = StringToBigInt(agent.heap, prim.as_string()->view());
        STEP("2");
        if (!n) return throw_error(agent, ErrorType::SyntaxError, "cannot convert string to a BigInt");
        STEP("3");
        return n;
    }
    case Type::Symbol:
        return throw_type_error(agent, "cannot convert a Symbol to a BigInt");
    case Type::Object:
        break;
    }
    SPEC_ASSERT(false);  // ToPrimitive never returns an Object
    return nullptr;
}

BigInt* StringToBigInt(Heap& heap, std::u16string_view str)
{
    SPEC_ALGORITHM("sec-stringtobigint");
    STEP("1");
    // StringIntegerLiteral ::: StrWhiteSpace? | StrWhiteSpace? StrIntegerLiteral StrWhiteSpace?
    std::u16string_view literal = trim_str_white_space(str);
    std::optional<BigInt::Integer> mv;
    if (literal.empty()) {
        mv = 0;
    } else if (non_decimal_radix(literal)) {
        mv = non_decimal_integer_mv(literal);  // StrIntegerLiteral ::: NonDecimalIntegerLiteral[~Sep]
    } else {
        // StrIntegerLiteral ::: SignedInteger[~Sep]
        bool negative = literal[0] == u'-';
        std::u16string_view digits = literal.substr(literal[0] == u'+' || literal[0] == u'-' ? 1 : 0);
        if (!digits.empty() && scan_decimal_digits(digits, 0) == digits.size()) {
            mv = BigInt::Integer(std::string(digits.begin(), digits.end()));
            if (negative) *mv = -*mv;
        }
    }
    STEP("2");
    if (!mv) return nullptr;
    STEP("3");
    STEP("4");
    STEP("5");
    return BigInt::create(heap, std::move(*mv));
}

ThrowCompletionOr<int64_t> ToBigInt64(Agent& agent, Value argument)
{
    SPEC_ALGORITHM("sec-tobigint64");
    STEP("1");
    BigInt* n = TRY(ToBigInt(agent, argument));
    STEP("2");
    BigInt::Integer modulus = BigInt::Integer(1) << 64;
    BigInt::Integer int64bit = n->value() % modulus;  // cpp_int's % truncates: bring it into [0, 2^64)
    if (int64bit < 0) int64bit += modulus;
    STEP("3");
    return int64_t(int64bit.convert_to<uint64_t>());  // two's complement: ≥ 2^63 wraps to int64bit - 2^64
}

ThrowCompletionOr<uint64_t> ToBigUint64(Agent& agent, Value argument)
{
    SPEC_ALGORITHM("sec-tobiguint64");
    STEP("1");
    BigInt* n = TRY(ToBigInt(agent, argument));
    STEP("2");
    BigInt::Integer modulus = BigInt::Integer(1) << 64;
    BigInt::Integer int64bit = n->value() % modulus;
    if (int64bit < 0) int64bit += modulus;
    STEP("3");
    return int64bit.convert_to<uint64_t>();
}

ThrowCompletionOr<String*> ToString(Agent& agent, Value argument)
{
    SPEC_ALGORITHM("sec-tostring");
    STEP("1");
    if (argument.is_string()) return argument.as_string();
    STEP("2");
    if (argument.is_symbol()) return throw_type_error(agent, "cannot convert a Symbol to a string");
    STEP("3");
    if (argument.is_undefined()) return agent.heap.intern_ascii("undefined");
    STEP("4");
    if (argument.is_null()) return agent.heap.intern_ascii("null");
    STEP("5");
    STEP("6");
    if (argument.is_boolean()) return agent.heap.intern_ascii(argument.as_bool() ? "true" : "false");
    STEP("7");
    if (argument.is_number()) return make_string(agent.heap, Number::toString(argument.as_number(), 10));
    STEP("8");
    if (argument.is_bigint()) return make_string(agent.heap, BigInt::toString(*argument.as_bigint(), 10));
    STEP("9");
    SPEC_ASSERT(argument.is_object());
    STEP("10");
    Value primValue = TRY(ToPrimitive(agent, argument, PreferredType::String));
    STEP("11");
    SPEC_ASSERT(!primValue.is_object());
    STEP("12");
    return TRY(ToString(agent, primValue));
}

ThrowCompletionOr<Object*> ToObject(Agent& agent, Value argument)
{
    // §7.1.18 is a table, "ToObject Conversions".
    Realm& realm = *agent.current_realm();
    switch (argument.type()) {
    case Type::Undefined:
    case Type::Null:
        return throw_type_error(agent, "cannot convert undefined or null to object");
    case Type::Boolean:
        return OrdinaryObjectCreate<BooleanObject>(agent, realm.intrinsic(Intrinsic::BooleanPrototype),
                                                   argument.as_bool());
    case Type::Number:
        return OrdinaryObjectCreate<NumberObject>(agent, realm.intrinsic(Intrinsic::NumberPrototype),
                                                  argument.as_number());
    case Type::String:
        return StringCreate(agent, argument.as_string(), realm.intrinsic(Intrinsic::StringPrototype));
    case Type::Symbol:
        return OrdinaryObjectCreate<SymbolObject>(agent, realm.intrinsic(Intrinsic::SymbolPrototype),
                                                  argument.as_symbol());
    case Type::BigInt:
        return OrdinaryObjectCreate<BigIntObject>(agent, realm.intrinsic(Intrinsic::BigIntPrototype),
                                                  argument.as_bigint());
    case Type::Object:
        return argument.as_object();
    }
    SPEC_ASSERT(false);
    return nullptr;
}

ThrowCompletionOr<PropertyKey> ToPropertyKey(Agent& agent, Value argument)
{
    SPEC_ALGORITHM("sec-topropertykey");
    STEP("1");
    Value key = TRY(ToPrimitive(agent, argument, PreferredType::String));
    STEP("2");
    if (key.is_symbol()) {
        STEP("2.a");
        return PropertyKey(key.as_symbol());
    }
    STEP("3");
    // An integral Number in the array index range names the same key as its
    // ToString, without making that String.
    if (key.is_number()) {
        double number = key.as_number();
        if (number >= 0 && number <= 4294967294.0 && std::trunc(number) == number)
            return PropertyKey::from_array_index(uint32_t(number));
    }
    return PropertyKey::from_string(agent.heap, *MUST(ToString(agent, key)));
}

ThrowCompletionOr<double> ToLength(Agent& agent, Value argument)
{
    SPEC_ALGORITHM("sec-tolength");
    STEP("1");
    double len = TRY(ToIntegerOrInfinity(agent, argument));
    STEP("2");
    if (len <= 0) return 0.0;
    STEP("3");
    return std::min(len, 9007199254740991.0);
}

std::optional<double> CanonicalNumericIndexString(const String& argument)
{
    SPEC_ALGORITHM("sec-canonicalnumericindexstring");
    STEP("1");
    if (argument.view() == u"-0") return -0.0;
    STEP("2");
    double n = StringToNumber(argument.view());
    STEP("3");
    if (Number::toString(n, 10) == argument.view()) return n;
    STEP("4");
    return std::nullopt;
}

ThrowCompletionOr<uint64_t> ToIndex(Agent& agent, Value value)
{
    SPEC_ALGORITHM("sec-toindex");
    STEP("1");
    double integer = TRY(ToIntegerOrInfinity(agent, value));
    STEP("2");
    if (!(integer >= 0 && integer <= 9007199254740991.0)) return throw_range_error(agent, "index out of range");
    STEP("3");
    return uint64_t(integer);
}

}  // namespace lockstep
