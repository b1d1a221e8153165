// ECMA-262 §19.2 Function Properties of the Global Object: eval, isFinite,
// isNaN, parseFloat, parseInt and the URI handling functions. (eval's
// PerformEval parses and evaluates code, so it lives with the evaluator.)
#include <cmath>
#include <limits>

#include "abstract_ops/source_text.h"
#include "abstract_ops/type_conversion.h"
#include "algorithms/eval.h"
#include "builtins/builtin_helpers.h"
#include "runtime/bigint.h"
#include "runtime/error.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

// TrimString ( string, ~start~ ) of a String (§22.1.3.32.1): the white
// space removed is StrWhiteSpaceChar's, WhiteSpace and LineTerminator.
std::u16string_view trim_start(std::u16string_view string)
{
    size_t start = 0;
    while (start < string.size() && IsStrWhiteSpaceChar(string[start])) ++start;
    return string.substr(start);
}

// §19.2.1 eval ( x )
ThrowCompletionOr<Value> global_eval(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-eval-x");
    STEP("1");
    return PerformEval(agent, argument(arguments, 0), false, false);
}

// §19.2.2 isFinite ( number )
ThrowCompletionOr<Value> global_isFinite(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-isfinite-number");
    STEP("1");
    double num = TRY(ToNumber(agent, argument(arguments, 0)));
    STEP("2");
    if (!std::isfinite(num)) return Value::boolean(false);
    STEP("3");
    return Value::boolean(true);
}

// §19.2.3 isNaN ( number )
ThrowCompletionOr<Value> global_isNaN(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-isnan-number");
    STEP("1");
    double num = TRY(ToNumber(agent, argument(arguments, 0)));
    STEP("2");
    if (std::isnan(num)) return Value::boolean(true);
    STEP("3");
    return Value::boolean(false);
}

// §19.2.4 parseFloat ( string )
ThrowCompletionOr<Value> global_parseFloat(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-parsefloat-string");
    STEP("1");
    String* inputString = TRY(ToString(agent, argument(arguments, 0)));
    STEP("2");
    std::u16string_view trimmedString = trim_start(inputString->view());
    STEP("3");  // code units: a StrDecimalLiteral is ASCII, so no surrogate pair can be part of one
    STEP("4");
    STEP("5");
    STEP("6");
    STEP("7");
    std::optional<double> value = StrDecimalLiteralPrefixValue(trimmedString);
    if (!value) return Value::number(std::numeric_limits<double>::quiet_NaN());
    return Value::number(*value);
}

// The value of a digit in radix 36 notation, or 36 if c is not one.
unsigned digit_value(char16_t c)
{
    if (c >= u'0' && c <= u'9') return c - u'0';
    if (c >= u'a' && c <= u'z') return c - u'a' + 10;
    if (c >= u'A' && c <= u'Z') return c - u'A' + 10;
    return 36;
}

// §19.2.5 parseInt ( string, radix )
ThrowCompletionOr<Value> global_parseInt(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-parseint-string-radix");
    STEP("1");
    String* inputString = TRY(ToString(agent, argument(arguments, 0)));
    STEP("2");
    std::u16string_view S = trim_start(inputString->view());
    STEP("3");
    int sign = 1;
    STEP("4");
    if (!S.empty() && S[0] == u'-') sign = -1;
    STEP("5");
    if (!S.empty() && (S[0] == u'+' || S[0] == u'-')) S.remove_prefix(1);
    STEP("6");
    int32_t R = TRY(ToInt32(agent, argument(arguments, 1)));
    STEP("7");
    bool stripPrefix = true;
    STEP("8");
    if (R != 0) {
        STEP("8.a");
        if (R < 2 || R > 36) return Value::number(std::numeric_limits<double>::quiet_NaN());
        STEP("8.b");
        if (R != 16) stripPrefix = false;
    } else {
        STEP("9");
        STEP("9.a");
        R = 10;
    }
    STEP("10");
    if (stripPrefix) {
        STEP("10.a");
        if (S.size() >= 2 && S[0] == u'0' && (S[1] == u'x' || S[1] == u'X')) {
            STEP("10.a.i");
            S.remove_prefix(2);
            STEP("10.a.ii");
            R = 16;
        }
    }
    STEP("11");
    size_t end = 0;
    while (end < S.size() && digit_value(S[end]) < unsigned(R)) ++end;
    STEP("12");
    std::u16string_view Z = S.substr(0, end);
    STEP("13");
    if (Z.empty()) return Value::number(std::numeric_limits<double>::quiet_NaN());
    STEP("14");  // exactly, in every radix
    BigInt::Integer mathInt = 0;
    for (char16_t c : Z) mathInt = mathInt * R + digit_value(c);
    STEP("15");
    if (mathInt == 0) {
        STEP("15.a");
        if (sign == -1) return Value::number(-0.0);
        STEP("15.b");
        return Value::number(0);
    }
    STEP("16");
    return Value::number(sign * to_number_value(*BigInt::create(agent.heap, std::move(mathInt))));
}

// §19.2.6.5 Encode ( string, extraUnescaped )
ThrowCompletionOr<String*> Encode(Agent& agent, std::u16string_view string, std::u16string_view extraUnescaped)
{
    SPEC_ALGORITHM("sec-encode");
    STEP("1");
    size_t len = string.size();
    STEP("2");
    std::u16string R;
    STEP("3");
    constexpr std::u16string_view alwaysUnescaped =
        u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.!~*'()";
    STEP("4");
    auto unescapedSetContains = [&](char16_t c) {
        return alwaysUnescaped.find(c) != std::u16string_view::npos ||
               extraUnescaped.find(c) != std::u16string_view::npos;
    };
    STEP("5");
    size_t k = 0;
    STEP("6");
    while (k < len) {
        STEP("6.a");
        char16_t C = string[k];
        STEP("6.b");
        if (unescapedSetContains(C)) {
            STEP("6.b.i");
            k += 1;
            STEP("6.b.ii");
            R.push_back(C);
        } else {
            STEP("6.c");
            STEP("6.c.i");
            CodePointRecord cp = CodePointAt(string, k);
            STEP("6.c.ii");
            if (cp.IsUnpairedSurrogate) return throw_error(agent, ErrorType::URIError, "URI malformed");
            STEP("6.c.iii");
            k += cp.CodeUnitCount;
            STEP("6.c.iv");
            std::string Octets = utf16_to_utf8(UTF16EncodeCodePoint(cp.CodePoint));
            STEP("6.c.v");
            for (char octet : Octets) {
                STEP("6.c.v.1");
                static constexpr char16_t hex[] = u"0123456789ABCDEF";
                auto byte = static_cast<unsigned char>(octet);
                STEP("6.c.v.2");
                R += {u'%', hex[byte >> 4], hex[byte & 15]};
            }
        }
    }
    STEP("7");
    return make_string(agent.heap, std::move(R));
}

// §19.2.6.7 ParseHexOctet ( string, position ): nullopt is the List of errors.
std::optional<unsigned> ParseHexOctet(std::u16string_view string, size_t position)
{
    SPEC_ALGORITHM("sec-parsehexoctet");
    STEP("1");
    size_t len = string.size();
    STEP("2");
    SPEC_ASSERT(position + 2 <= len);
    STEP("3");
    std::u16string_view hexDigits = string.substr(position, 2);
    STEP("4");
    unsigned high = digit_value(hexDigits[0]), low = digit_value(hexDigits[1]);
    STEP("5");
    if (high >= 16 || low >= 16) return std::nullopt;
    STEP("6");
    unsigned n = high * 16 + low;
    STEP("7");
    STEP("8");
    return n;
}

// Whether Octets (n ≥ 2 of them, the first with n leading 1 bits) are a
// valid UTF-8 encoding of a code point: continuation bytes, no overlong
// form, no surrogate, nothing above U+10FFFF. Sets the code point.
bool decode_utf8(const std::vector<unsigned>& Octets, char32_t& V)
{
    size_t n = Octets.size();
    V = Octets[0] & (0x7F >> n);
    for (size_t j = 1; j < n; ++j) {
        if ((Octets[j] & 0xC0) != 0x80) return false;
        V = (V << 6) | (Octets[j] & 0x3F);
    }
    static constexpr char32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
    return V >= least[n] && V <= 0x10FFFF && !(V >= 0xD800 && V <= 0xDFFF);
}

// §19.2.6.6 Decode ( string, preserveEscapeSet )
ThrowCompletionOr<String*> Decode(Agent& agent, std::u16string_view string, std::u16string_view preserveEscapeSet)
{
    SPEC_ALGORITHM("sec-decode");
    STEP("1");
    size_t len = string.size();
    STEP("2");
    std::u16string R;
    STEP("3");
    size_t k = 0;
    STEP("4");
    while (k < len) {
        STEP("4.a");
        char16_t C = string[k];
        STEP("4.b");
        std::u16string S(1, C);
        STEP("4.c");
        if (C == u'%') {
            STEP("4.c.i");
            if (k + 3 > len) return throw_error(agent, ErrorType::URIError, "URI malformed");
            STEP("4.c.ii");
            std::u16string_view escape = string.substr(k, 3);
            STEP("4.c.iii");
            std::optional<unsigned> B = ParseHexOctet(string, k + 1);
            STEP("4.c.iv");
            if (!B) return throw_error(agent, ErrorType::URIError, "URI malformed");
            STEP("4.c.v");
            k += 2;
            STEP("4.c.vi");
            unsigned n = 0;
            while (n < 8 && (*B & (0x80u >> n))) ++n;
            STEP("4.c.vii");
            if (n == 0) {
                STEP("4.c.vii.1");
                auto asciiChar = char16_t(*B);
                STEP("4.c.vii.2");
                if (preserveEscapeSet.find(asciiChar) != std::u16string_view::npos)
                    S = escape;
                else
                    S = std::u16string(1, asciiChar);
            } else {
                STEP("4.c.viii");
                STEP("4.c.viii.1");
                if (n == 1 || n > 4) return throw_error(agent, ErrorType::URIError, "URI malformed");
                STEP("4.c.viii.2");
                std::vector<unsigned> Octets{*B};
                STEP("4.c.viii.3");
                unsigned j = 1;
                STEP("4.c.viii.4");
                while (j < n) {
                    STEP("4.c.viii.4.a");
                    k += 1;
                    STEP("4.c.viii.4.b");
                    if (k + 3 > len) return throw_error(agent, ErrorType::URIError, "URI malformed");
                    STEP("4.c.viii.4.c");
                    if (string[k] != u'%') return throw_error(agent, ErrorType::URIError, "URI malformed");
                    STEP("4.c.viii.4.d");
                    std::optional<unsigned> continuationByte = ParseHexOctet(string, k + 1);
                    STEP("4.c.viii.4.e");
                    if (!continuationByte) return throw_error(agent, ErrorType::URIError, "URI malformed");
                    STEP("4.c.viii.4.f");
                    Octets.push_back(*continuationByte);
                    STEP("4.c.viii.4.g");
                    k += 2;
                    STEP("4.c.viii.4.h");
                    j += 1;
                }
                STEP("4.c.viii.5");
                SPEC_ASSERT(Octets.size() == n);
                STEP("4.c.viii.6");
                char32_t V;
                if (!decode_utf8(Octets, V)) return throw_error(agent, ErrorType::URIError, "URI malformed");
                STEP("4.c.viii.7");
                STEP("4.c.viii.8");
                S = UTF16EncodeCodePoint(V);
            }
        }
        STEP("4.d");
        R += S;
        STEP("4.e");
        k += 1;
    }
    STEP("5");
    return make_string(agent.heap, std::move(R));
}

// §19.2.6.1 decodeURI ( encodedURI )
ThrowCompletionOr<Value> global_decodeURI(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-decodeuri-encodeduri");
    STEP("1");
    String* uriString = TRY(ToString(agent, argument(arguments, 0)));
    STEP("2");
    std::u16string_view preserveEscapeSet = u";/?:@&=+$,#";
    STEP("3");
    return TRY(Decode(agent, uriString->view(), preserveEscapeSet));
}

// §19.2.6.2 decodeURIComponent ( encodedURIComponent )
ThrowCompletionOr<Value> global_decodeURIComponent(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-decodeuricomponent-encodeduricomponent");
    STEP("1");
    String* componentString = TRY(ToString(agent, argument(arguments, 0)));
    STEP("2");
    std::u16string_view preserveEscapeSet = u"";
    STEP("3");
    return TRY(Decode(agent, componentString->view(), preserveEscapeSet));
}

// §19.2.6.3 encodeURI ( uri )
ThrowCompletionOr<Value> global_encodeURI(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-encodeuri-uri");
    STEP("1");
    String* uriString = TRY(ToString(agent, argument(arguments, 0)));
    STEP("2");
    std::u16string_view extraUnescaped = u";/?:@&=+$,#";
    STEP("3");
    return TRY(Encode(agent, uriString->view(), extraUnescaped));
}

// §19.2.6.4 encodeURIComponent ( uriComponent )
ThrowCompletionOr<Value> global_encodeURIComponent(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-encodeuricomponent-uricomponent");
    STEP("1");
    String* componentString = TRY(ToString(agent, argument(arguments, 0)));
    STEP("2");
    std::u16string_view extraUnescaped = u"";
    STEP("3");
    return TRY(Encode(agent, componentString->view(), extraUnescaped));
}

}  // namespace

void CreateGlobalFunctionIntrinsics(Agent& agent, Realm& realm)
{
    // Function objects without a property to hold them: SetDefaultGlobalBindings
    // puts them on the global object under their global names.
    const struct {
        Intrinsic intrinsic;
        const char* name;
        ThrowCompletionOr<Value> (*behaviour)(Agent&, BuiltinFunction&, Value, Arguments, Object*);
    } functions[] = {
        {Intrinsic::eval, "eval", global_eval},
        {Intrinsic::isFinite, "isFinite", global_isFinite},
        {Intrinsic::isNaN, "isNaN", global_isNaN},
        {Intrinsic::parseFloat, "parseFloat", global_parseFloat},
        {Intrinsic::parseInt, "parseInt", global_parseInt},
        {Intrinsic::decodeURI, "decodeURI", global_decodeURI},
        {Intrinsic::decodeURIComponent, "decodeURIComponent", global_decodeURIComponent},
        {Intrinsic::encodeURI, "encodeURI", global_encodeURI},
        {Intrinsic::encodeURIComponent, "encodeURIComponent", global_encodeURIComponent},
    };
    for (const auto& function : functions) {
        double length = function.intrinsic == Intrinsic::parseInt ? 2 : 1;
        realm.set_intrinsic(function.intrinsic, CreateBuiltinFunction(agent, function.behaviour, length,
                                                                      agent.key(function.name), {.realm = &realm}));
    }
}

}  // namespace lockstep
