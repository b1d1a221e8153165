// ECMA-262 §22.1 String Objects, and Annex B.2.2 Additional Properties of the
// String.prototype Object. The String exotic object is runtime/string_object.h.
#include <algorithm>
#include <cmath>
#include <memory>

#include <unicode/normalizer2.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>

#include "abstract_ops/object_operations.h"
#include "abstract_ops/operations_on_iterator_objects.h"
#include "abstract_ops/source_text.h"
#include "abstract_ops/string_type.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "builtins/builtin_helpers.h"
#include "builtins/regexp/regexp.h"
#include "builtins/string.h"
#include "builtins/symbol.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"
#include "runtime/string.h"
#include "runtime/string_object.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

Value string_value(Agent& agent, std::u16string units) { return make_string(agent.heap, std::move(units)); }

// "the result of clamping x between lower and upper"
double clamp(double x, double lower, double upper) { return std::min(std::max(x, lower), upper); }

// The two steps nearly every String.prototype method starts with:
// Let O be ? RequireObjectCoercible(this value). Let S be ? ToString(O).
ThrowCompletionOr<String*> this_string(Agent& agent, Value thisValue)
{
    Value O = TRY(RequireObjectCoercible(agent, thisValue));
    return TRY(ToString(agent, O));
}

// §22.1.1.1 String ( value )
ThrowCompletionOr<Value> String_(Agent& agent, BuiltinFunction&, Value, Arguments args, Object* NewTarget)
{
    SPEC_ALGORITHM("sec-string-constructor-string-value");
    String* s;
    STEP("1");
    if (args.empty()) {
        STEP("1.a");
        s = agent.heap.intern_ascii("");
    } else {
        Value value = args[0];
        STEP("2");
        STEP("2.a");
        if (!NewTarget && value.is_symbol()) return Value(SymbolDescriptiveString(agent, *value.as_symbol()));
        STEP("2.b");
        s = TRY(ToString(agent, value));
    }
    STEP("3");
    if (!NewTarget) return Value(s);
    STEP("4");
    Object* proto = TRY(GetPrototypeFromConstructor(agent, *NewTarget, Intrinsic::StringPrototype));
    return Value(StringCreate(agent, s, proto));
}

// §22.1.2.1 String.fromCharCode ( ...codeUnits )
ThrowCompletionOr<Value> String_fromCharCode(Agent& agent, BuiltinFunction&, Value, Arguments codeUnits, Object*)
{
    SPEC_ALGORITHM("sec-string.fromcharcode");
    STEP("1");
    std::u16string result;
    STEP("2");
    for (Value next : codeUnits) {
        STEP("2.a");
        char16_t nextCU = TRY(ToUint16(agent, next));
        STEP("2.b");
        result += nextCU;
    }
    STEP("3");
    return string_value(agent, std::move(result));
}

// §22.1.2.2 String.fromCodePoint ( ...codePoints )
ThrowCompletionOr<Value> String_fromCodePoint(Agent& agent, BuiltinFunction&, Value, Arguments codePoints, Object*)
{
    SPEC_ALGORITHM("sec-string.fromcodepoint");
    STEP("1");
    std::u16string result;
    STEP("2");
    for (Value next : codePoints) {
        STEP("2.a");
        double nextCP = TRY(ToNumber(agent, next));
        STEP("2.b");
        if (!std::isfinite(nextCP) || std::trunc(nextCP) != nextCP)
            return throw_range_error(agent, "String.fromCodePoint: not an integral code point");
        STEP("2.c");
        if (nextCP < 0 || nextCP > 0x10FFFF) return throw_range_error(agent, "String.fromCodePoint: code point out of range");
        STEP("2.d");
        result += UTF16EncodeCodePoint(char32_t(nextCP));
    }
    STEP("3");
    STEP("4");
    return string_value(agent, std::move(result));
}

// §22.1.2.4 String.raw ( template, ...substitutions )
ThrowCompletionOr<Value> String_raw(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-string.raw");
    Arguments substitutions = args.empty() ? Arguments() : args.subspan(1);
    STEP("1");
    double substitutionCount = double(substitutions.size());
    STEP("2");
    Object* cooked = TRY(ToObject(agent, argument(args, 0)));
    STEP("3");
    Object* literals = TRY(ToObject(agent, TRY(Get(agent, *cooked, agent.key("raw")))));
    STEP("4");
    double literalCount = TRY(LengthOfArrayLike(agent, *literals));
    STEP("5");
    if (literalCount <= 0) return Value(agent.heap.intern_ascii(""));
    STEP("6");
    std::u16string R;
    STEP("7");
    double nextIndex = 0;
    STEP("8");
    for (;;) {
        STEP("8.a");
        Value nextLiteralVal = TRY(Get(agent, *literals, index_key(agent, nextIndex)));
        STEP("8.b");
        String* nextLiteral = TRY(ToString(agent, nextLiteralVal));
        STEP("8.c");
        R += nextLiteral->view();
        STEP("8.d");
        if (nextIndex + 1 == literalCount) return string_value(agent, std::move(R));
        STEP("8.e");
        if (nextIndex < substitutionCount) {
            STEP("8.e.i");
            Value nextSubVal = substitutions[size_t(nextIndex)];
            STEP("8.e.ii");
            String* nextSub = TRY(ToString(agent, nextSubVal));
            STEP("8.e.iii");
            R += nextSub->view();
        }
        STEP("8.f");
        ++nextIndex;
    }
}

// §22.1.3.1 String.prototype.at ( index )
ThrowCompletionOr<Value> String_prototype_at(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.at");
    STEP("1");
    STEP("2");
    String* S = TRY(this_string(agent, thisValue));
    STEP("3");
    double len = double(S->length());
    STEP("4");
    double relativeIndex = TRY(ToIntegerOrInfinity(agent, argument(args, 0)));
    double k;
    STEP("5");
    if (relativeIndex >= 0) {
        STEP("5.a");
        k = relativeIndex;
    } else {
        STEP("6");
        STEP("6.a");
        k = len + relativeIndex;
    }
    STEP("7");
    if (k < 0 || k >= len) return Value::undefined();
    STEP("8");
    return Value(agent.heap.intern(S->view().substr(size_t(k), 1)));
}

// §22.1.3.2 String.prototype.charAt ( pos )
ThrowCompletionOr<Value> String_prototype_charAt(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.charat");
    STEP("1");
    STEP("2");
    String* S = TRY(this_string(agent, thisValue));
    STEP("3");
    double position = TRY(ToIntegerOrInfinity(agent, argument(args, 0)));
    STEP("4");
    double size = double(S->length());
    STEP("5");
    if (position < 0 || position >= size) return Value(agent.heap.intern_ascii(""));
    STEP("6");
    return Value(agent.heap.intern(S->view().substr(size_t(position), 1)));
}

// §22.1.3.3 String.prototype.charCodeAt ( pos )
ThrowCompletionOr<Value> String_prototype_charCodeAt(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                     Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.charcodeat");
    STEP("1");
    STEP("2");
    String* S = TRY(this_string(agent, thisValue));
    STEP("3");
    double position = TRY(ToIntegerOrInfinity(agent, argument(args, 0)));
    STEP("4");
    double size = double(S->length());
    STEP("5");
    if (position < 0 || position >= size) return Value::number(NAN);
    STEP("6");
    return Value::number((*S)[size_t(position)]);
}

// §22.1.3.4 String.prototype.codePointAt ( pos )
ThrowCompletionOr<Value> String_prototype_codePointAt(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                      Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.codepointat");
    STEP("1");
    STEP("2");
    String* S = TRY(this_string(agent, thisValue));
    STEP("3");
    double position = TRY(ToIntegerOrInfinity(agent, argument(args, 0)));
    STEP("4");
    double size = double(S->length());
    STEP("5");
    if (position < 0 || position >= size) return Value::undefined();
    STEP("6");
    CodePointRecord cp = CodePointAt(S->view(), size_t(position));
    STEP("7");
    return Value::number(cp.CodePoint);
}

// §22.1.3.5 String.prototype.concat ( ...args )
ThrowCompletionOr<Value> String_prototype_concat(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.concat");
    STEP("1");
    STEP("2");
    String* S = TRY(this_string(agent, thisValue));
    STEP("3");
    std::u16string R = S->units();
    STEP("4");
    for (Value next : args) {
        STEP("4.a");
        String* nextString = TRY(ToString(agent, next));
        STEP("4.b");
        R += nextString->view();
    }
    STEP("5");
    return string_value(agent, std::move(R));
}

// §22.1.3.7 String.prototype.endsWith ( searchString [ , endPosition ] )
ThrowCompletionOr<Value> String_prototype_endsWith(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                   Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.endswith");
    Value searchString = argument(args, 0);
    Value endPosition = argument(args, 1);
    STEP("1");
    STEP("2");
    String* S = TRY(this_string(agent, thisValue));
    STEP("3");
    bool isRegExp = TRY(IsRegExp(agent, searchString));
    STEP("4");
    if (isRegExp) return throw_type_error(agent, "String.prototype.endsWith: the search string is a RegExp");
    STEP("5");
    String* searchStr = TRY(ToString(agent, searchString));
    STEP("6");
    double len = double(S->length());
    STEP("7");
    double pos = endPosition.is_undefined() ? len : TRY(ToIntegerOrInfinity(agent, endPosition));
    STEP("8");
    double end = clamp(pos, 0, len);
    STEP("9");
    double searchLength = double(searchStr->length());
    STEP("10");
    if (searchLength == 0) return Value::boolean(true);
    STEP("11");
    double start = end - searchLength;
    STEP("12");
    if (start < 0) return Value::boolean(false);
    STEP("13");
    std::u16string_view substring = S->view().substr(size_t(start), size_t(searchLength));
    STEP("14");
    if (substring == searchStr->view()) return Value::boolean(true);
    STEP("15");
    return Value::boolean(false);
}

// §22.1.3.8 String.prototype.includes ( searchString [ , position ] )
ThrowCompletionOr<Value> String_prototype_includes(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                   Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.includes");
    Value searchString = argument(args, 0);
    STEP("1");
    STEP("2");
    String* S = TRY(this_string(agent, thisValue));
    STEP("3");
    bool isRegExp = TRY(IsRegExp(agent, searchString));
    STEP("4");
    if (isRegExp) return throw_type_error(agent, "String.prototype.includes: the search string is a RegExp");
    STEP("5");
    String* searchStr = TRY(ToString(agent, searchString));
    STEP("6");
    double pos = TRY(ToIntegerOrInfinity(agent, argument(args, 1)));
    STEP("7");
    STEP("8");
    double len = double(S->length());
    STEP("9");
    double start = clamp(pos, 0, len);
    STEP("10");
    std::optional<size_t> index = StringIndexOf(S->view(), searchStr->view(), size_t(start));
    STEP("11");
    if (!index) return Value::boolean(false);
    STEP("12");
    return Value::boolean(true);
}

// §22.1.3.9 String.prototype.indexOf ( searchString [ , position ] )
ThrowCompletionOr<Value> String_prototype_indexOf(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                  Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.indexof");
    STEP("1");
    STEP("2");
    String* S = TRY(this_string(agent, thisValue));
    STEP("3");
    String* searchStr = TRY(ToString(agent, argument(args, 0)));
    STEP("4");
    double pos = TRY(ToIntegerOrInfinity(agent, argument(args, 1)));
    STEP("5");
    STEP("6");
    double len = double(S->length());
    STEP("7");
    double start = clamp(pos, 0, len);
    STEP("8");
    std::optional<size_t> result = StringIndexOf(S->view(), searchStr->view(), size_t(start));
    STEP("9");
    if (!result) return Value::number(-1);
    STEP("10");
    return Value::number(double(*result));
}

// §22.1.3.10 String.prototype.isWellFormed ( )
ThrowCompletionOr<Value> String_prototype_isWellFormed(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                       Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.iswellformed");
    STEP("1");
    STEP("2");
    String* S = TRY(this_string(agent, thisValue));
    STEP("3");
    return Value::boolean(IsStringWellFormedUnicode(S->view()));
}

// §22.1.3.11 String.prototype.lastIndexOf ( searchString [ , position ] )
ThrowCompletionOr<Value> String_prototype_lastIndexOf(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                      Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.lastindexof");
    STEP("1");
    STEP("2");
    String* S = TRY(this_string(agent, thisValue));
    STEP("3");
    String* searchStr = TRY(ToString(agent, argument(args, 0)));
    STEP("4");
    double numPos = TRY(ToNumber(agent, argument(args, 1)));
    STEP("5");
    STEP("6");
    double pos = std::isnan(numPos) ? INFINITY : MUST(ToIntegerOrInfinity(agent, Value::number(numPos)));
    STEP("7");
    double len = double(S->length());
    STEP("8");
    double searchLen = double(searchStr->length());
    // A search string longer than S is never found (the clamp's range is empty).
    if (searchLen > len) return Value::number(-1);
    STEP("9");
    double start = clamp(pos, 0, len - searchLen);
    STEP("10");
    std::optional<size_t> result = StringLastIndexOf(S->view(), searchStr->view(), size_t(start));
    STEP("11");
    if (!result) return Value::number(-1);
    STEP("12");
    return Value::number(double(*result));
}

// The root collator (locale-independent, canonical equivalence on), made once.
UCollator* root_collator()
{
    static UCollator* collator = [] {
        UErrorCode status = U_ZERO_ERROR;
        UCollator* c = ucol_open("", &status);
        ucol_setAttribute(c, UCOL_NORMALIZATION_MODE, UCOL_ON, &status);
        SPEC_ASSERT(U_SUCCESS(status));
        return c;
    }();
    return collator;
}

// §22.1.3.12 String.prototype.localeCompare ( that [ , reserved1 [ , reserved2 ] ] )
ThrowCompletionOr<Value> String_prototype_localeCompare(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                        Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.localecompare");
    STEP("1");
    STEP("2");
    String* S = TRY(this_string(agent, thisValue));
    STEP("3");
    String* thatValue = TRY(ToString(agent, argument(args, 0)));
    // The implementation-defined comparison: the Unicode Collation Algorithm
    // with the root locale (canonically equivalent Strings compare equal).
    UCollationResult order =
        ucol_strcoll(root_collator(), reinterpret_cast<const UChar*>(S->view().data()), int32_t(S->length()),
                     reinterpret_cast<const UChar*>(thatValue->view().data()), int32_t(thatValue->length()));
    return Value::number(order == UCOL_LESS ? -1 : order == UCOL_GREATER ? 1 : 0);
}

// §22.1.3.13 String.prototype.match ( regexp )
ThrowCompletionOr<Value> String_prototype_match(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.match");
    Value regexp = argument(args, 0);
    STEP("1");
    Value O = TRY(RequireObjectCoercible(agent, thisValue));
    STEP("2");
    if (!regexp.is_nullish()) {
        STEP("2.a");
        Value matcher = TRY(GetMethod(agent, regexp, agent.well_known_symbol(WellKnownSymbol::match)));
        STEP("2.b");
        if (!matcher.is_undefined()) {
            STEP("2.b.i");
            Value callArgs[] = {O};
            return TRY(Call(agent, matcher, regexp, callArgs));
        }
    }
    STEP("3");
    String* S = TRY(ToString(agent, O));
    STEP("4");
    Object* rx = TRY(RegExpCreate(agent, regexp, Value::undefined()));
    STEP("5");
    Value invokeArgs[] = {S};
    return TRY(Invoke(agent, rx, agent.well_known_symbol(WellKnownSymbol::match), invokeArgs));
}

// §22.1.3.14 String.prototype.matchAll ( regexp )
ThrowCompletionOr<Value> String_prototype_matchAll(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                   Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.matchall");
    Value regexp = argument(args, 0);
    STEP("1");
    Value O = TRY(RequireObjectCoercible(agent, thisValue));
    STEP("2");
    if (!regexp.is_nullish()) {
        STEP("2.a");
        bool isRegExp = TRY(IsRegExp(agent, regexp));
        STEP("2.b");
        if (isRegExp) {
            STEP("2.b.i");
            Value flags = TRY(Get(agent, *regexp.as_object(), agent.key("flags")));
            STEP("2.b.ii");
            TRY(RequireObjectCoercible(agent, flags));
            STEP("2.b.iii");
            if (TRY(ToString(agent, flags))->view().find(u'g') == std::u16string_view::npos)
                return throw_type_error(agent, "String.prototype.matchAll needs a global RegExp");
        }
        STEP("2.c");
        Value matcher = TRY(GetMethod(agent, regexp, agent.well_known_symbol(WellKnownSymbol::matchAll)));
        STEP("2.d");
        if (!matcher.is_undefined()) {
            STEP("2.d.i");
            Value callArgs[] = {O};
            return TRY(Call(agent, matcher, regexp, callArgs));
        }
    }
    STEP("3");
    String* S = TRY(ToString(agent, O));
    STEP("4");
    Object* rx = TRY(RegExpCreate(agent, regexp, agent.heap.intern_ascii("g")));
    STEP("5");
    Value invokeArgs[] = {S};
    return TRY(Invoke(agent, rx, agent.well_known_symbol(WellKnownSymbol::matchAll), invokeArgs));
}

// §22.1.3.15 String.prototype.normalize ( [ form ] )
ThrowCompletionOr<Value> String_prototype_normalize(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                    Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.normalize");
    Value form = argument(args, 0);
    STEP("1");
    STEP("2");
    String* S = TRY(this_string(agent, thisValue));
    std::u16string f;
    STEP("3");
    if (form.is_undefined()) {
        f = u"NFC";
    } else {
        STEP("4");
        f = TRY(ToString(agent, form))->units();
    }
    STEP("5");
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = nullptr;
    if (f == u"NFC") normalizer = icu::Normalizer2::getNFCInstance(status);
    else if (f == u"NFD") normalizer = icu::Normalizer2::getNFDInstance(status);
    else if (f == u"NFKC") normalizer = icu::Normalizer2::getNFKCInstance(status);
    else if (f == u"NFKD") normalizer = icu::Normalizer2::getNFKDInstance(status);
    else return throw_range_error(agent, "String.prototype.normalize: the form must be NFC, NFD, NFKC or NFKD");
    STEP("6");
    icu::UnicodeString source(false, reinterpret_cast<const UChar*>(S->view().data()), int32_t(S->length()));
    icu::UnicodeString normalized = normalizer->normalize(source, status);
    SPEC_ASSERT(U_SUCCESS(status));
    STEP("7");
    return string_value(agent, std::u16string(reinterpret_cast<const char16_t*>(normalized.getBuffer()),
                                              size_t(normalized.length())));
}

enum class Placement : uint8_t { Start, End };

// §22.1.3.17.2 StringPad ( S, maxLength, fillString, placement )
std::u16string StringPad(std::u16string_view S, double maxLength, std::u16string_view fillString, Placement placement)
{
    SPEC_ALGORITHM("sec-stringpad");
    STEP("1");
    double stringLength = double(S.size());
    STEP("2");
    if (maxLength <= stringLength) return std::u16string(S);
    STEP("3");
    if (fillString.empty()) return std::u16string(S);
    STEP("4");
    size_t fillLen = size_t(maxLength - stringLength);
    STEP("5");
    std::u16string truncatedStringFiller;
    truncatedStringFiller.reserve(fillLen);
    while (truncatedStringFiller.size() < fillLen)
        truncatedStringFiller += fillString.substr(0, fillLen - truncatedStringFiller.size());
    STEP("6");
    if (placement == Placement::Start) return truncatedStringFiller + std::u16string(S);
    STEP("7");
    return std::u16string(S) + truncatedStringFiller;
}

// The longest String lockstep makes (V8's limit, 2^29 - 24 code units):
// longer results are a RangeError, an implementation limit as in every
// engine, rather than an allocation failure.
constexpr double kMaxStringLength = double((1 << 29) - 24);

// §22.1.3.17.1 StringPaddingBuiltinsImpl ( O, maxLength, fillString, placement )
ThrowCompletionOr<Value> StringPaddingBuiltinsImpl(Agent& agent, Value O, Value maxLength, Value fillString,
                                                   Placement placement)
{
    SPEC_ALGORITHM("sec-stringpaddingbuiltinsimpl");
    STEP("1");
    String* S = TRY(ToString(agent, O));
    STEP("2");
    double intMaxLength = TRY(ToLength(agent, maxLength));
    STEP("3");
    double stringLength = double(S->length());
    STEP("4");
    if (intMaxLength <= stringLength) return Value(S);
    String* filler;
    STEP("5");
    if (fillString.is_undefined()) {
        filler = agent.heap.intern_ascii(" ");
    } else {
        STEP("6");
        filler = TRY(ToString(agent, fillString));
    }
    STEP("7");
    if (intMaxLength > kMaxStringLength && !filler->view().empty())
        return throw_range_error(agent, "string too long");
    return string_value(agent, StringPad(S->view(), intMaxLength, filler->view(), placement));
}

// §22.1.3.16 String.prototype.padEnd ( maxLength [ , fillString ] )
ThrowCompletionOr<Value> String_prototype_padEnd(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.padend");
    STEP("1");
    Value O = TRY(RequireObjectCoercible(agent, thisValue));
    STEP("2");
    return TRY(StringPaddingBuiltinsImpl(agent, O, argument(args, 0), argument(args, 1), Placement::End));
}

// §22.1.3.17 String.prototype.padStart ( maxLength [ , fillString ] )
ThrowCompletionOr<Value> String_prototype_padStart(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                   Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.padstart");
    STEP("1");
    Value O = TRY(RequireObjectCoercible(agent, thisValue));
    STEP("2");
    return TRY(StringPaddingBuiltinsImpl(agent, O, argument(args, 0), argument(args, 1), Placement::Start));
}

// §22.1.3.18 String.prototype.repeat ( count )
ThrowCompletionOr<Value> String_prototype_repeat(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.repeat");
    STEP("1");
    STEP("2");
    String* S = TRY(this_string(agent, thisValue));
    STEP("3");
    double n = TRY(ToIntegerOrInfinity(agent, argument(args, 0)));
    STEP("4");
    if (n < 0 || n == INFINITY) return throw_range_error(agent, "String.prototype.repeat: invalid count");
    STEP("5");
    if (n == 0) return Value(agent.heap.intern_ascii(""));
    STEP("6");
    if (S->length() == 0) return Value(S);
    if (n * double(S->length()) > kMaxStringLength) return throw_range_error(agent, "string too long");
    std::u16string result;
    result.reserve(size_t(n) * S->length());
    for (double i = 0; i < n; ++i) result += S->view();
    return string_value(agent, std::move(result));
}

}  // namespace

// §22.1.3.19.1 GetSubstitution ( matched, str, position, captures, namedCaptures, replacementTemplate )
ThrowCompletionOr<String*> GetSubstitution(Agent& agent, std::u16string_view matched, std::u16string_view str,
                                           size_t position, std::span<const Value> captures, Value namedCaptures,
                                           std::u16string_view replacementTemplate)
{
    SPEC_ALGORITHM("sec-getsubstitution");
    auto is_digit = [](char16_t c) { return c >= u'0' && c <= u'9'; };
    STEP("1");
    size_t stringLength = str.size();
    STEP("2");
    SPEC_ASSERT(position <= stringLength);
    STEP("3");
    std::u16string result;
    STEP("4");
    std::u16string_view templateRemainder = replacementTemplate;
    STEP("5");
    while (!templateRemainder.empty()) {
        STEP("5.a");
        std::u16string_view ref;
        std::u16string refReplacement;
        STEP("5.b");
        if (templateRemainder.starts_with(u"$$")) {
            STEP("5.b.i");
            ref = templateRemainder.substr(0, 2);
            STEP("5.b.ii");
            refReplacement = u"$";
        } else if (templateRemainder.starts_with(u"$`")) {
            STEP("5.c");
            STEP("5.c.i");
            ref = templateRemainder.substr(0, 2);
            STEP("5.c.ii");
            refReplacement = str.substr(0, position);
        } else if (templateRemainder.starts_with(u"$&")) {
            STEP("5.d");
            STEP("5.d.i");
            ref = templateRemainder.substr(0, 2);
            STEP("5.d.ii");
            refReplacement = matched;
        } else if (templateRemainder.starts_with(u"$'")) {
            STEP("5.e");
            STEP("5.e.i");
            ref = templateRemainder.substr(0, 2);
            STEP("5.e.ii");
            size_t matchLength = matched.size();
            STEP("5.e.iii");
            size_t tailPos = position + matchLength;
            STEP("5.e.iv");
            refReplacement = str.substr(std::min(tailPos, stringLength));
            STEP("5.e.v");
        } else if (templateRemainder.size() >= 2 && templateRemainder[0] == u'$' && is_digit(templateRemainder[1])) {
            STEP("5.f");
            STEP("5.f.i");
            size_t digitCount = templateRemainder.size() >= 3 && is_digit(templateRemainder[2]) ? 2 : 1;
            STEP("5.f.ii");
            std::u16string_view digits = templateRemainder.substr(1, digitCount);
            STEP("5.f.iii");
            size_t index = size_t(StringToNumber(digits));
            STEP("5.f.iv");
            SPEC_ASSERT(index <= 99);
            STEP("5.f.v");
            size_t captureLen = captures.size();
            STEP("5.f.vi");
            if (index > captureLen && digitCount == 2) {
                STEP("5.f.vi.1");
                STEP("5.f.vi.2");
                digitCount = 1;
                STEP("5.f.vi.3");
                digits = digits.substr(0, 1);
                STEP("5.f.vi.4");
                index = size_t(StringToNumber(digits));
            }
            STEP("5.f.vii");
            ref = templateRemainder.substr(0, 1 + digitCount);
            STEP("5.f.viii");
            if (1 <= index && index <= captureLen) {
                STEP("5.f.viii.1");
                Value capture = captures[index - 1];
                STEP("5.f.viii.2");
                if (capture.is_undefined()) {
                    STEP("5.f.viii.2.a");
                } else {
                    STEP("5.f.viii.3");
                    STEP("5.f.viii.3.a");
                    refReplacement = capture.as_string()->view();
                }
            } else {
                STEP("5.f.ix");
                STEP("5.f.ix.1");
                refReplacement = ref;
            }
        } else if (templateRemainder.starts_with(u"$<")) {
            STEP("5.g");
            STEP("5.g.i");
            std::optional<size_t> gtPos = StringIndexOf(templateRemainder, u">", 0);
            STEP("5.g.ii");
            if (!gtPos || namedCaptures.is_undefined()) {
                STEP("5.g.ii.1");
                ref = templateRemainder.substr(0, 2);
                STEP("5.g.ii.2");
                refReplacement = ref;
            } else {
                STEP("5.g.iii");
                STEP("5.g.iii.1");
                ref = templateRemainder.substr(0, *gtPos + 1);
                STEP("5.g.iii.2");
                std::u16string_view groupName = templateRemainder.substr(2, *gtPos - 2);
                STEP("5.g.iii.3");
                SPEC_ASSERT(namedCaptures.is_object());
                STEP("5.g.iii.4");
                Value capture = TRY(Get(agent, *namedCaptures.as_object(), PropertyKey::from_string(agent.heap, groupName)));
                STEP("5.g.iii.5");
                if (capture.is_undefined()) {
                    STEP("5.g.iii.5.a");
                } else {
                    STEP("5.g.iii.6");
                    STEP("5.g.iii.6.a");
                    refReplacement = TRY(ToString(agent, capture))->view();
                }
            }
        } else {
            STEP("5.h");
            STEP("5.h.i");
            ref = templateRemainder.substr(0, 1);
            STEP("5.h.ii");
            refReplacement = ref;
        }
        STEP("5.i");
        size_t refLength = ref.size();
        STEP("5.j");
        templateRemainder.remove_prefix(refLength);
        STEP("5.k");
        result += refReplacement;
    }
    STEP("6");
    return make_string(agent.heap, std::move(result));
}

namespace {

// §22.1.3.19 String.prototype.replace ( searchValue, replaceValue )
ThrowCompletionOr<Value> String_prototype_replace(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                  Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.replace");
    Value searchValue = argument(args, 0);
    Value replaceValue = argument(args, 1);
    STEP("1");
    Value O = TRY(RequireObjectCoercible(agent, thisValue));
    STEP("2");
    if (!searchValue.is_nullish()) {
        STEP("2.a");
        Value replacer = TRY(GetMethod(agent, searchValue, agent.well_known_symbol(WellKnownSymbol::replace)));
        STEP("2.b");
        if (!replacer.is_undefined()) {
            STEP("2.b.i");
            Value callArgs[] = {O, replaceValue};
            return TRY(Call(agent, replacer, searchValue, callArgs));
        }
    }
    STEP("3");
    String* string = TRY(ToString(agent, O));
    STEP("4");
    String* searchString = TRY(ToString(agent, searchValue));
    STEP("5");
    bool functionalReplace = IsCallable(replaceValue);
    STEP("6");
    if (!functionalReplace) {
        STEP("6.a");
        replaceValue = TRY(ToString(agent, replaceValue));
    }
    STEP("7");
    size_t searchLength = searchString->length();
    STEP("8");
    std::optional<size_t> position = StringIndexOf(string->view(), searchString->view(), 0);
    STEP("9");
    if (!position) return Value(string);
    STEP("10");
    std::u16string_view preceding = string->view().substr(0, *position);
    STEP("11");
    std::u16string_view following = string->view().substr(*position + searchLength);
    String* replacement;
    STEP("12");
    if (functionalReplace) {
        STEP("12.a");
        Value callArgs[] = {searchString, Value::number(double(*position)), string};
        replacement = TRY(ToString(agent, TRY(Call(agent, replaceValue, Value::undefined(), callArgs))));
    } else {
        STEP("13");
        STEP("13.a");
        SPEC_ASSERT(replaceValue.is_string());
        STEP("13.b");
        STEP("13.c");
        replacement = MUST(GetSubstitution(agent, searchString->view(), string->view(), *position, {}, Value::undefined(),
                                           replaceValue.as_string()->view()));
    }
    STEP("14");
    std::u16string result(preceding);
    result += replacement->view();
    result += following;
    return string_value(agent, std::move(result));
}

// §22.1.3.20 String.prototype.replaceAll ( searchValue, replaceValue )
ThrowCompletionOr<Value> String_prototype_replaceAll(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                     Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.replaceall");
    Value searchValue = argument(args, 0);
    Value replaceValue = argument(args, 1);
    STEP("1");
    Value O = TRY(RequireObjectCoercible(agent, thisValue));
    STEP("2");
    if (!searchValue.is_nullish()) {
        STEP("2.a");
        bool isRegExp = TRY(IsRegExp(agent, searchValue));
        STEP("2.b");
        if (isRegExp) {
            STEP("2.b.i");
            Value flags = TRY(Get(agent, *searchValue.as_object(), agent.key("flags")));
            STEP("2.b.ii");
            TRY(RequireObjectCoercible(agent, flags));
            STEP("2.b.iii");
            if (TRY(ToString(agent, flags))->view().find(u'g') == std::u16string_view::npos)
                return throw_type_error(agent, "String.prototype.replaceAll needs a global RegExp");
        }
        STEP("2.c");
        Value replacer = TRY(GetMethod(agent, searchValue, agent.well_known_symbol(WellKnownSymbol::replace)));
        STEP("2.d");
        if (!replacer.is_undefined()) {
            STEP("2.d.i");
            Value callArgs[] = {O, replaceValue};
            return TRY(Call(agent, replacer, searchValue, callArgs));
        }
    }
    STEP("3");
    String* string = TRY(ToString(agent, O));
    STEP("4");
    String* searchString = TRY(ToString(agent, searchValue));
    STEP("5");
    bool functionalReplace = IsCallable(replaceValue);
    STEP("6");
    if (!functionalReplace) {
        STEP("6.a");
        replaceValue = TRY(ToString(agent, replaceValue));
    }
    STEP("7");
    size_t searchLength = searchString->length();
    STEP("8");
    size_t advanceBy = std::max<size_t>(1, searchLength);
    STEP("9");
    std::vector<size_t> matchPositions;
    STEP("10");
    std::optional<size_t> position = StringIndexOf(string->view(), searchString->view(), 0);
    STEP("11");
    while (position) {
        STEP("11.a");
        matchPositions.push_back(*position);
        STEP("11.b");
        position = StringIndexOf(string->view(), searchString->view(), *position + advanceBy);
    }
    STEP("12");
    size_t endOfLastMatch = 0;
    STEP("13");
    std::u16string result;
    STEP("14");
    for (size_t p : matchPositions) {
        STEP("14.a");
        std::u16string_view preserved = string->view().substr(endOfLastMatch, p - endOfLastMatch);
        String* replacement;
        STEP("14.b");
        if (functionalReplace) {
            STEP("14.b.i");
            Value callArgs[] = {searchString, Value::number(double(p)), string};
            replacement = TRY(ToString(agent, TRY(Call(agent, replaceValue, Value::undefined(), callArgs))));
        } else {
            STEP("14.c");
            STEP("14.c.i");
            SPEC_ASSERT(replaceValue.is_string());
            STEP("14.c.ii");
            STEP("14.c.iii");
            replacement = MUST(GetSubstitution(agent, searchString->view(), string->view(), p, {}, Value::undefined(),
                                               replaceValue.as_string()->view()));
        }
        STEP("14.d");
        result += preserved;
        result += replacement->view();
        STEP("14.e");
        endOfLastMatch = p + searchLength;
    }
    STEP("15");
    if (endOfLastMatch < string->length()) {
        STEP("15.a");
        result += string->view().substr(endOfLastMatch);
    }
    STEP("16");
    return string_value(agent, std::move(result));
}

// §22.1.3.21 String.prototype.search ( regexp )
ThrowCompletionOr<Value> String_prototype_search(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.search");
    Value regexp = argument(args, 0);
    STEP("1");
    Value O = TRY(RequireObjectCoercible(agent, thisValue));
    STEP("2");
    if (!regexp.is_nullish()) {
        STEP("2.a");
        Value searcher = TRY(GetMethod(agent, regexp, agent.well_known_symbol(WellKnownSymbol::search)));
        STEP("2.b");
        if (!searcher.is_undefined()) {
            STEP("2.b.i");
            Value callArgs[] = {O};
            return TRY(Call(agent, searcher, regexp, callArgs));
        }
    }
    STEP("3");
    String* string = TRY(ToString(agent, O));
    STEP("4");
    Object* rx = TRY(RegExpCreate(agent, regexp, Value::undefined()));
    STEP("5");
    Value invokeArgs[] = {string};
    return TRY(Invoke(agent, rx, agent.well_known_symbol(WellKnownSymbol::search), invokeArgs));
}

// §22.1.3.22 String.prototype.slice ( start, end )
ThrowCompletionOr<Value> String_prototype_slice(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.slice");
    Value end = argument(args, 1);
    STEP("1");
    STEP("2");
    String* S = TRY(this_string(agent, thisValue));
    STEP("3");
    double len = double(S->length());
    STEP("4");
    double intStart = TRY(ToIntegerOrInfinity(agent, argument(args, 0)));
    STEP("5");
    STEP("6");
    STEP("7");
    double from = resolve_relative_index(intStart, len);
    STEP("8");
    double intEnd = end.is_undefined() ? len : TRY(ToIntegerOrInfinity(agent, end));
    STEP("9");
    STEP("10");
    STEP("11");
    double to = resolve_relative_index(intEnd, len);
    STEP("12");
    if (from >= to) return Value(agent.heap.intern_ascii(""));
    STEP("13");
    return string_value(agent, std::u16string(S->view().substr(size_t(from), size_t(to - from))));
}

// §22.1.3.23 String.prototype.split ( separator, limit )
ThrowCompletionOr<Value> String_prototype_split(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.split");
    Value separator = argument(args, 0);
    Value limit = argument(args, 1);
    STEP("1");
    Value O = TRY(RequireObjectCoercible(agent, thisValue));
    STEP("2");
    if (!separator.is_nullish()) {
        STEP("2.a");
        Value splitter = TRY(GetMethod(agent, separator, agent.well_known_symbol(WellKnownSymbol::split)));
        STEP("2.b");
        if (!splitter.is_undefined()) {
            STEP("2.b.i");
            Value callArgs[] = {O, limit};
            return TRY(Call(agent, splitter, separator, callArgs));
        }
    }
    STEP("3");
    String* S = TRY(ToString(agent, O));
    STEP("4");
    double lim = limit.is_undefined() ? 4294967295.0 : double(TRY(ToUint32(agent, limit)));
    STEP("5");
    String* R = TRY(ToString(agent, separator));
    STEP("6");
    if (lim == 0) {
        STEP("6.a");
        return Value(CreateArrayFromList(agent, {}));
    }
    STEP("7");
    if (separator.is_undefined()) {
        STEP("7.a");
        Value only[] = {S};
        return Value(CreateArrayFromList(agent, only));
    }
    STEP("8");
    size_t separatorLength = R->length();
    STEP("9");
    if (separatorLength == 0) {
        STEP("9.a");
        double strLen = double(S->length());
        STEP("9.b");
        size_t outLen = size_t(clamp(lim, 0, strLen));
        STEP("9.c");
        STEP("9.d");
        List<Value> codeUnits;
        for (size_t i = 0; i < outLen; ++i) codeUnits.append(agent.heap.intern(S->view().substr(i, 1)));
        STEP("9.e");
        return Value(CreateArrayFromList(agent, codeUnits.items()));
    }
    STEP("10");
    if (S->length() == 0) {
        Value only[] = {S};
        return Value(CreateArrayFromList(agent, only));
    }
    STEP("11");
    List<Value> substrings;
    STEP("12");
    size_t i = 0;
    STEP("13");
    std::optional<size_t> j = StringIndexOf(S->view(), R->view(), 0);
    STEP("14");
    while (j) {
        STEP("14.a");
        String* T = make_string(agent.heap, std::u16string(S->view().substr(i, *j - i)));
        STEP("14.b");
        substrings.append(T);
        STEP("14.c");
        if (double(substrings.size()) == lim) return Value(CreateArrayFromList(agent, substrings.items()));
        STEP("14.d");
        i = *j + separatorLength;
        STEP("14.e");
        j = StringIndexOf(S->view(), R->view(), i);
    }
    STEP("15");
    String* T = make_string(agent.heap, std::u16string(S->view().substr(i)));
    STEP("16");
    substrings.append(T);
    STEP("17");
    return Value(CreateArrayFromList(agent, substrings.items()));
}

// §22.1.3.24 String.prototype.startsWith ( searchString [ , position ] )
ThrowCompletionOr<Value> String_prototype_startsWith(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                     Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.startswith");
    Value searchString = argument(args, 0);
    Value position = argument(args, 1);
    STEP("1");
    STEP("2");
    String* S = TRY(this_string(agent, thisValue));
    STEP("3");
    bool isRegExp = TRY(IsRegExp(agent, searchString));
    STEP("4");
    if (isRegExp) return throw_type_error(agent, "String.prototype.startsWith: the search string is a RegExp");
    STEP("5");
    String* searchStr = TRY(ToString(agent, searchString));
    STEP("6");
    double len = double(S->length());
    STEP("7");
    double pos = position.is_undefined() ? 0 : TRY(ToIntegerOrInfinity(agent, position));
    STEP("8");
    double start = clamp(pos, 0, len);
    STEP("9");
    double searchLength = double(searchStr->length());
    STEP("10");
    if (searchLength == 0) return Value::boolean(true);
    STEP("11");
    double end = start + searchLength;
    STEP("12");
    if (end > len) return Value::boolean(false);
    STEP("13");
    std::u16string_view substring = S->view().substr(size_t(start), size_t(searchLength));
    STEP("14");
    if (substring == searchStr->view()) return Value::boolean(true);
    STEP("15");
    return Value::boolean(false);
}

// §22.1.3.25 String.prototype.substring ( start, end )
ThrowCompletionOr<Value> String_prototype_substring(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                    Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.substring");
    Value end = argument(args, 1);
    STEP("1");
    STEP("2");
    String* S = TRY(this_string(agent, thisValue));
    STEP("3");
    double len = double(S->length());
    STEP("4");
    double intStart = TRY(ToIntegerOrInfinity(agent, argument(args, 0)));
    STEP("5");
    double intEnd = end.is_undefined() ? len : TRY(ToIntegerOrInfinity(agent, end));
    STEP("6");
    double finalStart = clamp(intStart, 0, len);
    STEP("7");
    double finalEnd = clamp(intEnd, 0, len);
    STEP("8");
    double from = std::min(finalStart, finalEnd);
    STEP("9");
    double to = std::max(finalStart, finalEnd);
    STEP("10");
    return string_value(agent, std::u16string(S->view().substr(size_t(from), size_t(to - from))));
}

// Unicode Default Case Conversion (full mappings, Final_Sigma included),
// locale-independent: ICU with the root locale.
enum class CaseMapping : uint8_t { Lower, Upper };
std::u16string case_convert(std::u16string_view text, CaseMapping mapping)
{
    auto convert = mapping == CaseMapping::Lower ? u_strToLower : u_strToUpper;
    std::u16string out(text.size() + 16, u'\0');
    for (;;) {
        UErrorCode status = U_ZERO_ERROR;
        int32_t length = convert(reinterpret_cast<UChar*>(out.data()), int32_t(out.size()),
                                 reinterpret_cast<const UChar*>(text.data()), int32_t(text.size()), "", &status);
        if (status == U_BUFFER_OVERFLOW_ERROR) {
            out.resize(size_t(length));
            continue;
        }
        SPEC_ASSERT(U_SUCCESS(status) || status == U_STRING_NOT_TERMINATED_WARNING);
        out.resize(size_t(length));
        return out;
    }
}

// §22.1.3.28 String.prototype.toLowerCase ( )
ThrowCompletionOr<Value> String_prototype_toLowerCase(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.tolowercase");
    STEP("1");
    STEP("2");
    String* S = TRY(this_string(agent, thisValue));
    STEP("3");  // ICU walks the code points (lone surrogates map to themselves)
    STEP("4");
    STEP("5");
    STEP("6");
    return string_value(agent, case_convert(S->view(), CaseMapping::Lower));
}

// §22.1.3.30 String.prototype.toUpperCase ( ): as toLowerCase, with toUppercase.
ThrowCompletionOr<Value> String_prototype_toUpperCase(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    String* S = TRY(this_string(agent, thisValue));
    return string_value(agent, case_convert(S->view(), CaseMapping::Upper));
}

// §22.1.3.26 toLocaleLowerCase / §22.1.3.27 toLocaleUpperCase: without
// ECMA-402 the host locale is the root locale, so they are the
// locale-independent conversions.
ThrowCompletionOr<Value> String_prototype_toLocaleLowerCase(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                            Object*)
{
    String* S = TRY(this_string(agent, thisValue));
    return string_value(agent, case_convert(S->view(), CaseMapping::Lower));
}
ThrowCompletionOr<Value> String_prototype_toLocaleUpperCase(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                            Object*)
{
    String* S = TRY(this_string(agent, thisValue));
    return string_value(agent, case_convert(S->view(), CaseMapping::Upper));
}

// §22.1.3.35.1 ThisStringValue ( value )
ThrowCompletionOr<String*> ThisStringValue(Agent& agent, Value value)
{
    SPEC_ALGORITHM("sec-thisstringvalue");
    STEP("1");
    if (value.is_string()) return value.as_string();
    STEP("2");
    if (auto* object = value.is_object() ? dynamic_cast<StringObject*>(value.as_object()) : nullptr) {
        STEP("2.a");
        String* s = object->StringData;
        STEP("2.b");
        SPEC_ASSERT(s);
        STEP("2.c");
        return s;
    }
    STEP("3");
    return throw_type_error(agent, "not a String");
}

// §22.1.3.29 String.prototype.toString ( )
ThrowCompletionOr<Value> String_prototype_toString(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.tostring");
    STEP("1");
    return Value(TRY(ThisStringValue(agent, thisValue)));
}

// §22.1.3.31 String.prototype.toWellFormed ( )
ThrowCompletionOr<Value> String_prototype_toWellFormed(Agent& agent, BuiltinFunction&, Value thisValue, Arguments,
                                                       Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.towellformed");
    STEP("1");
    STEP("2");
    String* S = TRY(this_string(agent, thisValue));
    STEP("3");
    size_t strLen = S->length();
    STEP("4");
    size_t k = 0;
    STEP("5");
    std::u16string result;
    STEP("6");
    while (k < strLen) {
        STEP("6.a");
        CodePointRecord cp = CodePointAt(S->view(), k);
        STEP("6.b");
        if (cp.IsUnpairedSurrogate) {
            STEP("6.b.i");
            result += u'\xFFFD';
        } else {
            STEP("6.c");
            STEP("6.c.i");
            result += UTF16EncodeCodePoint(cp.CodePoint);
        }
        STEP("6.d");
        k += cp.CodeUnitCount;
    }
    STEP("7");
    return string_value(agent, std::move(result));
}

enum class TrimWhere : uint8_t { Start, End, StartEnd };

// §22.1.3.32.1 TrimString ( string, where )
ThrowCompletionOr<Value> TrimString(Agent& agent, Value string, TrimWhere where)
{
    SPEC_ALGORITHM("sec-trimstring");
    STEP("1");
    Value str = TRY(RequireObjectCoercible(agent, string));
    STEP("2");
    String* S = TRY(ToString(agent, str));
    // "white space" is WhiteSpace and LineTerminator (§22.1.3.32.1 note).
    std::u16string_view T = S->view();
    auto trim_start = [&] { while (!T.empty() && IsStrWhiteSpaceChar(T.front())) T.remove_prefix(1); };
    auto trim_end = [&] { while (!T.empty() && IsStrWhiteSpaceChar(T.back())) T.remove_suffix(1); };
    STEP("3");
    if (where == TrimWhere::Start) {
        STEP("3.a");
        trim_start();
    } else if (where == TrimWhere::End) {
        STEP("4");
        STEP("4.a");
        trim_end();
    } else {
        STEP("5");
        STEP("5.a");
        STEP("5.b");
        trim_start();
        trim_end();
    }
    STEP("6");
    if (T.size() == S->length()) return Value(S);
    return string_value(agent, std::u16string(T));
}

// §22.1.3.32 String.prototype.trim ( )
ThrowCompletionOr<Value> String_prototype_trim(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.trim");
    STEP("1");
    STEP("2");
    return TRY(TrimString(agent, thisValue, TrimWhere::StartEnd));
}

// §22.1.3.33 String.prototype.trimEnd ( )
ThrowCompletionOr<Value> String_prototype_trimEnd(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.trimend");
    STEP("1");
    STEP("2");
    return TRY(TrimString(agent, thisValue, TrimWhere::End));
}

// §22.1.3.34 String.prototype.trimStart ( )
ThrowCompletionOr<Value> String_prototype_trimStart(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.trimstart");
    STEP("1");
    STEP("2");
    return TRY(TrimString(agent, thisValue, TrimWhere::Start));
}

// §22.1.3.35 String.prototype.valueOf ( )
ThrowCompletionOr<Value> String_prototype_valueOf(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.valueof");
    STEP("1");
    return Value(TRY(ThisStringValue(agent, thisValue)));
}

// §22.1.5 String Iterator Objects: the generator of String.prototype
// [ %Symbol.iterator% ], kept as its closure's state (captured s, local position).
class StringIteratorObject final : public Object {
public:
    using Closure = ThrowCompletionOr<Value> (*)(Agent&, StringIteratorObject& generator);
    StringIteratorObject(Object* prototype, String* s, Closure closure) : Object(prototype), s(s), closure(closure) {}
    String* s;  // null once the closure has returned
    size_t position = 0;
    Closure closure;
    void visit_edges(Visitor& visitor) override
    {
        Object::visit_edges(visitor);
        visitor.visit(s);
    }
};

// §22.1.3.36 String.prototype [ %Symbol.iterator% ] ( )
ThrowCompletionOr<Value> String_prototype_iterator(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-string.prototype-%symbol.iterator%");
    STEP("1");
    STEP("2");
    String* s = TRY(this_string(agent, thisValue));
    STEP("3");
    StringIteratorObject::Closure closure = [](Agent& agent, StringIteratorObject& generator) -> ThrowCompletionOr<Value> {
        if (!generator.s) return Value(CreateIteratorResultObject(agent, Value::undefined(), true));
        STEP("3.a");
        size_t len = generator.s->length();
        STEP("3.b");  // position lives in the generator
        STEP("3.c");
        if (generator.position < len) {
            STEP("3.c.i");
            CodePointRecord cp = CodePointAt(generator.s->view(), generator.position);
            STEP("3.c.ii");
            size_t nextIndex = generator.position + cp.CodeUnitCount;
            STEP("3.c.iii");
            String* resultString = agent.heap.intern(
                generator.s->view().substr(generator.position, nextIndex - generator.position));
            STEP("3.c.iv");
            generator.position = nextIndex;
            STEP("3.c.v");  // GeneratorYield
            return Value(CreateIteratorResultObject(agent, resultString, false));
        }
        STEP("3.d");
        generator.s = nullptr;
        return Value(CreateIteratorResultObject(agent, Value::undefined(), true));
    };
    STEP("4");
    return Value(OrdinaryObjectCreate<StringIteratorObject>(
        agent, agent.current_realm()->intrinsic(Intrinsic::StringIteratorPrototype), s, closure));
}

// §22.1.5.1.1 %StringIteratorPrototype%.next ( )
ThrowCompletionOr<Value> StringIteratorPrototype_next(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-%stringiteratorprototype%.next");
    STEP("1");
    return ResumeBuiltinGenerator<StringIteratorObject>(agent, thisValue, "not a String Iterator");
}

// §B.2.2.1 String.prototype.substr ( start, length )
ThrowCompletionOr<Value> String_prototype_substr(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-string.prototype.substr");
    Value length = argument(args, 1);
    STEP("1");
    STEP("2");
    String* S = TRY(this_string(agent, thisValue));
    STEP("3");
    double size = double(S->length());
    STEP("4");
    double intStart = TRY(ToIntegerOrInfinity(agent, argument(args, 0)));
    STEP("5");
    STEP("6");
    STEP("7");
    intStart = resolve_relative_index(intStart, size);
    STEP("8");
    double intLength = length.is_undefined() ? size : TRY(ToIntegerOrInfinity(agent, length));
    STEP("9");
    intLength = clamp(intLength, 0, size);
    STEP("10");
    double intEnd = std::min(intStart + intLength, size);
    STEP("11");
    if (intEnd <= intStart) return Value(agent.heap.intern_ascii(""));
    return string_value(agent, std::u16string(S->view().substr(size_t(intStart), size_t(intEnd - intStart))));
}

// §B.2.2.2.1 CreateHTML ( string, tag, attribute, value )
ThrowCompletionOr<Value> CreateHTML(Agent& agent, Value string, std::u16string_view tag, std::u16string_view attribute,
                                    Value value)
{
    SPEC_ALGORITHM("sec-createhtml");
    STEP("1");
    Value str = TRY(RequireObjectCoercible(agent, string));
    STEP("2");
    String* S = TRY(ToString(agent, str));
    STEP("3");
    std::u16string p1 = u"<" + std::u16string(tag);
    STEP("4");
    if (!attribute.empty()) {
        STEP("4.a");
        String* V = TRY(ToString(agent, value));
        STEP("4.b");
        std::u16string escapedV;
        for (char16_t c : V->view()) {
            if (c == u'"') escapedV += u"&quot;";
            else escapedV += c;
        }
        STEP("4.c");
        p1 += u' ';
        p1 += attribute;
        p1 += u"=\"";
        p1 += escapedV;
        p1 += u'"';
    }
    STEP("5");
    std::u16string p2 = p1 + u">";
    STEP("6");
    std::u16string p3 = p2 + std::u16string(S->view());
    STEP("7");
    std::u16string p4 = p3 + u"</" + std::u16string(tag) + u">";
    STEP("8");
    return string_value(agent, std::move(p4));
}

// §B.2.2.2 - §B.2.2.14: each is `Return ? CreateHTML(this value, tag, attribute, argument)`.
struct HTMLMethod {
    const char* name;
    const char16_t* tag;
    const char16_t* attribute;  // empty: the method takes no argument
};
constexpr HTMLMethod kHTMLMethods[] = {
    {"anchor", u"a", u"name"},    {"big", u"big", u""},          {"blink", u"blink", u""},
    {"bold", u"b", u""},          {"fixed", u"tt", u""},         {"fontcolor", u"font", u"color"},
    {"fontsize", u"font", u"size"}, {"italics", u"i", u""},      {"link", u"a", u"href"},
    {"small", u"small", u""},     {"strike", u"strike", u""},    {"sub", u"sub", u""},
    {"sup", u"sup", u""},
};

}  // namespace

void CreateStringIntrinsics(Agent& agent, Realm& realm)
{
    // §22.1.3: %String.prototype% is a String exotic object whose [[StringData]] is "".
    Object* prototype = StringCreate(agent, agent.heap.intern_ascii(""), realm.intrinsic(Intrinsic::ObjectPrototype));
    BuiltinFunction* constructor = CreateBuiltinFunction(agent, String_, 1, agent.key("String"),
                                                         {.realm = &realm, .isConstructor = true});
    link_constructor_and_prototype(agent, *constructor, *prototype);
    define_builtin_function(agent, realm, *constructor, "fromCharCode", String_fromCharCode, 1);
    define_builtin_function(agent, realm, *constructor, "fromCodePoint", String_fromCodePoint, 1);
    define_builtin_function(agent, realm, *constructor, "raw", String_raw, 1);

    struct Method {
        const char* name;
        BuiltinBehaviour::result_type (*behaviour)(Agent&, BuiltinFunction&, Value, Arguments, Object*);
        double length;
    };
    static const Method methods[] = {
        {"at", String_prototype_at, 1},
        {"charAt", String_prototype_charAt, 1},
        {"charCodeAt", String_prototype_charCodeAt, 1},
        {"codePointAt", String_prototype_codePointAt, 1},
        {"concat", String_prototype_concat, 1},
        {"endsWith", String_prototype_endsWith, 1},
        {"includes", String_prototype_includes, 1},
        {"indexOf", String_prototype_indexOf, 1},
        {"isWellFormed", String_prototype_isWellFormed, 0},
        {"lastIndexOf", String_prototype_lastIndexOf, 1},
        {"localeCompare", String_prototype_localeCompare, 1},
        {"match", String_prototype_match, 1},
        {"matchAll", String_prototype_matchAll, 1},
        {"normalize", String_prototype_normalize, 0},
        {"padEnd", String_prototype_padEnd, 1},
        {"padStart", String_prototype_padStart, 1},
        {"repeat", String_prototype_repeat, 1},
        {"replace", String_prototype_replace, 2},
        {"replaceAll", String_prototype_replaceAll, 2},
        {"search", String_prototype_search, 1},
        {"slice", String_prototype_slice, 2},
        {"split", String_prototype_split, 2},
        {"startsWith", String_prototype_startsWith, 1},
        {"substring", String_prototype_substring, 2},
        {"toLocaleLowerCase", String_prototype_toLocaleLowerCase, 0},
        {"toLocaleUpperCase", String_prototype_toLocaleUpperCase, 0},
        {"toLowerCase", String_prototype_toLowerCase, 0},
        {"toString", String_prototype_toString, 0},
        {"toUpperCase", String_prototype_toUpperCase, 0},
        {"toWellFormed", String_prototype_toWellFormed, 0},
        {"trim", String_prototype_trim, 0},
        {"valueOf", String_prototype_valueOf, 0},
        {"substr", String_prototype_substr, 2},  // §B.2.2.1
    };
    for (const Method& method : methods)
        define_builtin_function(agent, realm, *prototype, method.name, method.behaviour, method.length);
    // §B.2.2.15-16: trimLeft / trimRight are the same function objects as trimStart / trimEnd.
    BuiltinFunction* trimEnd = define_builtin_function(agent, realm, *prototype, "trimEnd", String_prototype_trimEnd, 0);
    BuiltinFunction* trimStart =
        define_builtin_function(agent, realm, *prototype, "trimStart", String_prototype_trimStart, 0);
    define_value_property(agent, *prototype, agent.key("trimLeft"), trimStart, true, false, true);
    define_value_property(agent, *prototype, agent.key("trimRight"), trimEnd, true, false, true);
    define_builtin_function(agent, realm, *prototype, agent.well_known_symbol(WellKnownSymbol::iterator),
                            String_prototype_iterator, 0);
    for (const HTMLMethod& method : kHTMLMethods) {
        const bool takesArgument = *method.attribute != u'\0';
        // The behaviour reads its tag and attribute from its own slots (strings, no captures).
        BuiltinFunction* f = define_builtin_function(
            agent, realm, *prototype, method.name,
            [](Agent& a, BuiltinFunction& F, Value thisValue, Arguments args, Object*) -> ThrowCompletionOr<Value> {
                return CreateHTML(a, thisValue, F.slots[0].as_string()->view(), F.slots[1].as_string()->view(),
                                  argument(args, 0));
            },
            takesArgument ? 1 : 0);
        f->slots = {Value(agent.heap.intern(method.tag)), Value(agent.heap.intern(method.attribute))};
    }

    // §22.1.5.1 The %StringIteratorPrototype% Object.
    Object* iteratorPrototype = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::IteratorPrototype));
    define_builtin_function(agent, realm, *iteratorPrototype, "next", StringIteratorPrototype_next, 0);
    define_to_string_tag(agent, *iteratorPrototype, "String Iterator");

    realm.set_intrinsic(Intrinsic::String, constructor);
    realm.set_intrinsic(Intrinsic::StringPrototype, prototype);
    realm.set_intrinsic(Intrinsic::StringIteratorPrototype, iteratorPrototype);
}

}  // namespace lockstep
