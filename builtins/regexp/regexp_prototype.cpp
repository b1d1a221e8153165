// ECMA-262 §22.2.6 Properties of the RegExp Prototype Object, and Annex
// B.2.4 Additional Properties of the RegExp.prototype Object.
// https://tc39.es/ecma262/#sec-properties-of-the-regexp-prototype-object
#include <algorithm>
#include <cmath>
#include <span>
#include <string>

#include "abstract_ops/object_operations.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "builtins/builtin_helpers.h"
#include "builtins/regexp/regexp.h"
#include "builtins/string.h"
#include "runtime/array_object.h"
#include "runtime/error.h"
#include "runtime/realm.h"
#include "runtime/string.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

bool contains(const String* string, char16_t codeUnit) { return string->view().find(codeUnit) != std::u16string_view::npos; }

// §22.2.6.2 RegExp.prototype.exec ( string )
ThrowCompletionOr<Value> RegExp_prototype_exec(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-regexp.prototype.exec");
    STEP("1");
    Value R = thisValue;
    STEP("2");
    RegExpObject* regexp = TRY(RequireInternalSlot<RegExpObject>(agent, R, "RegExp.prototype.exec: not a RegExp object"));
    STEP("3");
    String* S = TRY(ToString(agent, argument(args, 0)));
    STEP("4");
    return TRY(RegExpBuiltinExec(agent, *regexp, S));
}

// §22.2.6.4.1 RegExpHasFlag ( R, codeUnit )
ThrowCompletionOr<Value> RegExpHasFlag(Agent& agent, Value R, char16_t codeUnit)
{
    SPEC_ALGORITHM("sec-regexphasflag");
    STEP("1");
    if (!R.is_object()) return throw_type_error(agent, "RegExp flag getter called on a non-object");
    auto* regexp = dynamic_cast<RegExpObject*>(R.as_object());
    STEP("2");
    if (!regexp) {
        STEP("2.a");
        if (SameValue(R, agent.current_realm()->intrinsic(Intrinsic::RegExpPrototype))) return Value::undefined();
        STEP("2.b");
        return throw_type_error(agent, "RegExp flag getter called on an object that is not a RegExp");
    }
    STEP("3");
    const String* flags = regexp->OriginalFlags;
    STEP("4");
    if (contains(flags, codeUnit)) return Value::boolean(true);
    STEP("5");
    return Value::boolean(false);
}

// §22.2.6.3 get RegExp.prototype.dotAll, §22.2.6.5 global, §22.2.6.6
// hasIndices, §22.2.6.7 ignoreCase, §22.2.6.10 multiline, §22.2.6.15 sticky,
// §22.2.6.18 unicode, §22.2.6.19 unicodeSets: each is
//   1. Let R be the this value. 2. Let cu be the code unit <flag>. 3. Return ? RegExpHasFlag(R, cu).
struct FlagGetter {
    const char* name;
    char16_t codeUnit;
};
constexpr FlagGetter kFlagGetters[] = {
    {"dotAll", u's'}, {"global", u'g'}, {"hasIndices", u'd'}, {"ignoreCase", u'i'},
    {"multiline", u'm'}, {"sticky", u'y'}, {"unicode", u'u'}, {"unicodeSets", u'v'},
};

// §22.2.6.4 get RegExp.prototype.flags
ThrowCompletionOr<Value> get_RegExp_prototype_flags(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-get-regexp.prototype.flags");
    STEP("1");
    Value R = thisValue;
    STEP("2");
    if (!R.is_object()) return throw_type_error(agent, "RegExp.prototype.flags getter called on a non-object");
    STEP("3");
    std::u16string codeUnits;
    // Steps 4 to 19, one pair per flag in this order.
    static constexpr struct {
        const char* property;
        char16_t codeUnit;
        const char* steps[2];
    } kFlags[] = {
        {"hasIndices", u'd', {"4", "5"}}, {"global", u'g', {"6", "7"}},    {"ignoreCase", u'i', {"8", "9"}},
        {"multiline", u'm', {"10", "11"}}, {"dotAll", u's', {"12", "13"}}, {"unicode", u'u', {"14", "15"}},
        {"unicodeSets", u'v', {"16", "17"}}, {"sticky", u'y', {"18", "19"}},
    };
    for (const auto& flag : kFlags) {
        STEP("4-19");
        bool present = ToBoolean(TRY(Get(agent, *R.as_object(), agent.key(flag.property))));
        if (present) codeUnits += flag.codeUnit;
    }
    STEP("20");
    return Value(make_string(agent.heap, std::move(codeUnits)));
}

// §22.2.6.8 RegExp.prototype [ %Symbol.match% ] ( string )
ThrowCompletionOr<Value> RegExp_prototype_match(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-regexp.prototype-%symbol.match%");
    PropertyKey lastIndexKey = agent.key("lastIndex");
    STEP("1");
    Value rx = thisValue;
    STEP("2");
    if (!rx.is_object()) return throw_type_error(agent, "RegExp.prototype[Symbol.match] called on a non-object");
    Object& R = *rx.as_object();
    STEP("3");
    String* S = TRY(ToString(agent, argument(args, 0)));
    STEP("4");
    String* flags = TRY(ToString(agent, TRY(Get(agent, R, agent.key("flags")))));
    STEP("5");
    if (!contains(flags, u'g')) {
        STEP("5.a");
        return TRY(RegExpExec(agent, R, S));
    }
    STEP("6");
    STEP("6.a");
    bool fullUnicode = contains(flags, u'u') || contains(flags, u'v');
    STEP("6.b");
    TRY(Set(agent, R, lastIndexKey, Value::number(0), true));
    STEP("6.c");
    Object* A = MUST(ArrayCreate(agent, 0));
    STEP("6.d");
    double n = 0;
    STEP("6.e");
    for (;;) {
        STEP("6.e.i");
        Value result = TRY(RegExpExec(agent, R, S));
        STEP("6.e.ii");
        if (result.is_null()) {
            STEP("6.e.ii.1");
            if (n == 0) return Value::null();
            STEP("6.e.ii.2");
            return Value(A);
        }
        STEP("6.e.iii");
        STEP("6.e.iii.1");
        String* matchStr = TRY(ToString(agent, TRY(Get(agent, *result.as_object(), PropertyKey::from_array_index(0)))));
        STEP("6.e.iii.2");
        MUST(CreateDataPropertyOrThrow(agent, *A, index_key(agent, n), matchStr));
        STEP("6.e.iii.3");
        if (matchStr->length() == 0) {
            STEP("6.e.iii.3.a");
            double thisIndex = TRY(ToLength(agent, TRY(Get(agent, R, lastIndexKey))));
            STEP("6.e.iii.3.b");
            double nextIndex = AdvanceStringIndex(S->view(), thisIndex, fullUnicode);
            STEP("6.e.iii.3.c");
            TRY(Set(agent, R, lastIndexKey, Value::number(nextIndex), true));
        }
        STEP("6.e.iii.4");
        n = n + 1;
    }
}

// §22.2.6.9 RegExp.prototype [ %Symbol.matchAll% ] ( string )
ThrowCompletionOr<Value> RegExp_prototype_matchAll(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                   Object*)
{
    SPEC_ALGORITHM("sec-regexp-prototype-%symbol.matchall%");
    PropertyKey lastIndexKey = agent.key("lastIndex");
    STEP("1");
    Value R = thisValue;
    STEP("2");
    if (!R.is_object()) return throw_type_error(agent, "RegExp.prototype[Symbol.matchAll] called on a non-object");
    STEP("3");
    String* S = TRY(ToString(agent, argument(args, 0)));
    STEP("4");
    Object* C = TRY(SpeciesConstructor(agent, *R.as_object(), *agent.current_realm()->intrinsic(Intrinsic::RegExp)));
    STEP("5");
    String* flags = TRY(ToString(agent, TRY(Get(agent, *R.as_object(), agent.key("flags")))));
    STEP("6");
    Value constructArgs[] = {R, flags};
    Object* matcher = TRY(Construct(agent, *C, constructArgs));
    STEP("7");
    double lastIndex = TRY(ToLength(agent, TRY(Get(agent, *R.as_object(), lastIndexKey))));
    STEP("8");
    TRY(Set(agent, *matcher, lastIndexKey, Value::number(lastIndex), true));
    STEP("9");
    STEP("10");
    bool global = contains(flags, u'g');
    STEP("11");
    STEP("12");
    bool fullUnicode = contains(flags, u'u') || contains(flags, u'v');
    STEP("13");
    return Value(CreateRegExpStringIterator(agent, *matcher, S, global, fullUnicode));
}

// §22.2.6.11 RegExp.prototype [ %Symbol.replace% ] ( string, replaceValue )
ThrowCompletionOr<Value> RegExp_prototype_replace(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                  Object*)
{
    SPEC_ALGORITHM("sec-regexp.prototype-%symbol.replace%");
    PropertyKey lastIndexKey = agent.key("lastIndex");
    Value replaceValue = argument(args, 1);
    STEP("1");
    Value rx = thisValue;
    STEP("2");
    if (!rx.is_object()) return throw_type_error(agent, "RegExp.prototype[Symbol.replace] called on a non-object");
    Object& R = *rx.as_object();
    STEP("3");
    String* S = TRY(ToString(agent, argument(args, 0)));
    STEP("4");
    double lengthS = double(S->length());
    STEP("5");
    bool functionalReplace = IsCallable(replaceValue);
    STEP("6");
    if (!functionalReplace) {
        STEP("6.a");
        replaceValue = TRY(ToString(agent, replaceValue));
    }
    STEP("7");
    String* flags = TRY(ToString(agent, TRY(Get(agent, R, agent.key("flags")))));
    STEP("8");
    bool global = contains(flags, u'g');
    STEP("9");
    if (global) {
        STEP("9.a");
        TRY(Set(agent, R, lastIndexKey, Value::number(0), true));
    }
    STEP("10");
    List<Value> results;
    STEP("11");
    bool done = false;
    STEP("12");
    while (!done) {
        STEP("12.a");
        Value result = TRY(RegExpExec(agent, R, S));
        STEP("12.b");
        if (result.is_null()) {
            STEP("12.b.i");
            done = true;
        } else {
            STEP("12.c");
            STEP("12.c.i");
            results.append(result);
            STEP("12.c.ii");
            if (!global) {
                STEP("12.c.ii.1");
                done = true;
            } else {
                STEP("12.c.iii");
                STEP("12.c.iii.1");
                String* matchStr =
                    TRY(ToString(agent, TRY(Get(agent, *result.as_object(), PropertyKey::from_array_index(0)))));
                STEP("12.c.iii.2");
                if (matchStr->length() == 0) {
                    STEP("12.c.iii.2.a");
                    double thisIndex = TRY(ToLength(agent, TRY(Get(agent, R, lastIndexKey))));
                    STEP("12.c.iii.2.b");
                    bool fullUnicode = contains(flags, u'u') || contains(flags, u'v');
                    STEP("12.c.iii.2.c");
                    double nextIndex = AdvanceStringIndex(S->view(), thisIndex, fullUnicode);
                    STEP("12.c.iii.2.d");
                    TRY(Set(agent, R, lastIndexKey, Value::number(nextIndex), true));
                }
            }
        }
    }
    STEP("13");
    std::u16string accumulatedResult;
    STEP("14");
    double nextSourcePosition = 0;
    STEP("15");
    for (Value resultValue : results) {
        Object& result = *resultValue.as_object();
        STEP("15.a");
        double resultLength = TRY(LengthOfArrayLike(agent, result));
        STEP("15.b");
        double nCaptures = std::max(resultLength - 1, 0.0);
        STEP("15.c");
        String* matched = TRY(ToString(agent, TRY(Get(agent, result, PropertyKey::from_array_index(0)))));
        STEP("15.d");
        double matchLength = double(matched->length());
        STEP("15.e");
        double position = TRY(ToIntegerOrInfinity(agent, TRY(Get(agent, result, agent.key("index")))));
        STEP("15.f");
        position = std::clamp(position, 0.0, lengthS);
        STEP("15.g");
        List<Value> captures;
        STEP("15.h");
        double n = 1;
        STEP("15.i");
        while (n <= nCaptures) {
            STEP("15.i.i");
            Value capN = TRY(Get(agent, result, index_key(agent, n)));
            STEP("15.i.ii");
            if (!capN.is_undefined()) {
                STEP("15.i.ii.1");
                capN = TRY(ToString(agent, capN));
            }
            STEP("15.i.iii");
            captures.append(capN);
            STEP("15.i.iv");
            STEP("15.i.v");
            n = n + 1;
        }
        STEP("15.j");
        Value namedCaptures = TRY(Get(agent, result, agent.key("groups")));
        String* replacementString;
        STEP("15.k");
        if (functionalReplace) {
            STEP("15.k.i");
            List<Value> replacerArgs;
            replacerArgs.append(matched);
            for (Value capture : captures) replacerArgs.append(capture);
            replacerArgs.append(Value::number(position));
            replacerArgs.append(S);
            STEP("15.k.ii");
            if (!namedCaptures.is_undefined()) {
                STEP("15.k.ii.1");
                replacerArgs.append(namedCaptures);
            }
            STEP("15.k.iii");
            Value replacementValue = TRY(Call(agent, replaceValue, Value::undefined(), replacerArgs));
            STEP("15.k.iv");
            replacementString = TRY(ToString(agent, replacementValue));
        } else {
            STEP("15.l");
            STEP("15.l.i");
            if (!namedCaptures.is_undefined()) {
                STEP("15.l.i.1");
                namedCaptures = TRY(ToObject(agent, namedCaptures));
            }
            STEP("15.l.ii");
            replacementString = TRY(GetSubstitution(agent, matched->view(), S->view(), size_t(position), captures,
                                                    namedCaptures, replaceValue.as_string()->view()));
        }
        STEP("15.m");
        if (position >= nextSourcePosition) {
            STEP("15.m.i");
            STEP("15.m.ii");
            accumulatedResult += S->view().substr(size_t(nextSourcePosition), size_t(position - nextSourcePosition));
            accumulatedResult += replacementString->view();
            STEP("15.m.iii");
            nextSourcePosition = position + matchLength;
        }
    }
    STEP("16");
    if (nextSourcePosition >= lengthS) return Value(make_string(agent.heap, std::move(accumulatedResult)));
    STEP("17");
    accumulatedResult += S->view().substr(size_t(nextSourcePosition));
    return Value(make_string(agent.heap, std::move(accumulatedResult)));
}

// §22.2.6.12 RegExp.prototype [ %Symbol.search% ] ( string )
ThrowCompletionOr<Value> RegExp_prototype_search(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                 Object*)
{
    SPEC_ALGORITHM("sec-regexp.prototype-%symbol.search%");
    PropertyKey lastIndexKey = agent.key("lastIndex");
    STEP("1");
    Value rx = thisValue;
    STEP("2");
    if (!rx.is_object()) return throw_type_error(agent, "RegExp.prototype[Symbol.search] called on a non-object");
    Object& R = *rx.as_object();
    STEP("3");
    String* S = TRY(ToString(agent, argument(args, 0)));
    STEP("4");
    Value previousLastIndex = TRY(Get(agent, R, lastIndexKey));
    STEP("5");
    if (!SameValue(previousLastIndex, Value::number(0))) {
        STEP("5.a");
        TRY(Set(agent, R, lastIndexKey, Value::number(0), true));
    }
    STEP("6");
    Value result = TRY(RegExpExec(agent, R, S));
    STEP("7");
    Value currentLastIndex = TRY(Get(agent, R, lastIndexKey));
    STEP("8");
    if (!SameValue(currentLastIndex, previousLastIndex)) {
        STEP("8.a");
        TRY(Set(agent, R, lastIndexKey, previousLastIndex, true));
    }
    STEP("9");
    if (result.is_null()) return Value::number(-1);
    STEP("10");
    return TRY(Get(agent, *result.as_object(), agent.key("index")));
}

// §22.2.6.13.1 EscapeRegExpPattern ( P, F ): P with `/` and the line
// terminators escaped, where they are not escaped already, and "(?:)" for
// the empty pattern. (Inside a class `/` needs no escape, but one does no harm.)
String* EscapeRegExpPattern(Agent& agent, String* P, String* F)
{
    SPEC_ALGORITHM("sec-escaperegexppattern");
    (void)F;
    STEP("1");  // the pattern symbol only decides how S is read; the escapes below suit all three
    STEP("1.a");
    STEP("2");
    STEP("2.a");
    STEP("3");
    STEP("3.a");
    STEP("4");
    STEP("5");
    if (P->length() == 0) return make_string_from_ascii(agent.heap, "(?:)");
    std::u16string S;
    bool escaped = false;
    for (char16_t c : P->view()) {
        if (escaped) {
            escaped = false;
            switch (c) {
            case u'\n': S += u"n"; continue;
            case u'\r': S += u"r"; continue;
            case 0x2028: S += u"u2028"; continue;
            case 0x2029: S += u"u2029"; continue;
            default: S += c; continue;
            }
        }
        switch (c) {
        case u'\\': S += c; escaped = true; break;
        case u'/': S += u"\\/"; break;
        case u'\n': S += u"\\n"; break;
        case u'\r': S += u"\\r"; break;
        case 0x2028: S += u"\\u2028"; break;
        case 0x2029: S += u"\\u2029"; break;
        default: S += c;
        }
    }
    STEP("6");
    return make_string(agent.heap, std::move(S));
}

// §22.2.6.13 get RegExp.prototype.source
ThrowCompletionOr<Value> get_RegExp_prototype_source(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-get-regexp.prototype.source");
    STEP("1");
    Value R = thisValue;
    STEP("2");
    if (!R.is_object()) return throw_type_error(agent, "RegExp.prototype.source getter called on a non-object");
    auto* regexp = dynamic_cast<RegExpObject*>(R.as_object());
    STEP("3");
    if (!regexp) {
        STEP("3.a");
        if (SameValue(R, agent.current_realm()->intrinsic(Intrinsic::RegExpPrototype)))
            return Value(make_string_from_ascii(agent.heap, "(?:)"));
        STEP("3.b");
        return throw_type_error(agent, "RegExp.prototype.source getter called on an object that is not a RegExp");
    }
    STEP("4");
    SPEC_ASSERT(regexp->OriginalFlags);
    STEP("5");
    String* src = regexp->OriginalSource;
    STEP("6");
    String* flags = regexp->OriginalFlags;
    STEP("7");
    return Value(EscapeRegExpPattern(agent, src, flags));
}

// §22.2.6.14 RegExp.prototype [ %Symbol.split% ] ( string, limit )
ThrowCompletionOr<Value> RegExp_prototype_split(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-regexp.prototype-%symbol.split%");
    PropertyKey lastIndexKey = agent.key("lastIndex");
    Value limit = argument(args, 1);
    STEP("1");
    Value rx = thisValue;
    STEP("2");
    if (!rx.is_object()) return throw_type_error(agent, "RegExp.prototype[Symbol.split] called on a non-object");
    STEP("3");
    String* S = TRY(ToString(agent, argument(args, 0)));
    STEP("4");
    Object* C = TRY(SpeciesConstructor(agent, *rx.as_object(), *agent.current_realm()->intrinsic(Intrinsic::RegExp)));
    STEP("5");
    String* flags = TRY(ToString(agent, TRY(Get(agent, *rx.as_object(), agent.key("flags")))));
    STEP("6");
    STEP("7");
    bool unicodeMatching = contains(flags, u'u') || contains(flags, u'v');
    String* newFlags;
    STEP("8");
    if (contains(flags, u'y')) {
        newFlags = flags;
    } else {
        STEP("9");
        newFlags = make_string(agent.heap, flags->units() + u"y");
    }
    STEP("10");
    Value constructArgs[] = {rx, newFlags};
    Object* splitter = TRY(Construct(agent, *C, constructArgs));
    STEP("11");
    Object* A = MUST(ArrayCreate(agent, 0));
    STEP("12");
    double lengthA = 0;
    STEP("13");
    double lim = limit.is_undefined() ? 4294967295.0 : double(TRY(ToUint32(agent, limit)));
    STEP("14");
    if (lim == 0) return Value(A);
    STEP("15");
    if (S->length() == 0) {
        STEP("15.a");
        Value z = TRY(RegExpExec(agent, *splitter, S));
        STEP("15.b");
        if (!z.is_null()) return Value(A);
        STEP("15.c");
        MUST(CreateDataPropertyOrThrow(agent, *A, PropertyKey::from_array_index(0), S));
        STEP("15.d");
        return Value(A);
    }
    STEP("16");
    double size = double(S->length());
    STEP("17");
    double p = 0;
    STEP("18");
    double q = p;
    STEP("19");
    while (q < size) {
        STEP("19.a");
        TRY(Set(agent, *splitter, lastIndexKey, Value::number(q), true));
        STEP("19.b");
        Value z = TRY(RegExpExec(agent, *splitter, S));
        STEP("19.c");
        if (z.is_null()) {
            STEP("19.c.i");
            q = AdvanceStringIndex(S->view(), q, unicodeMatching);
            continue;
        }
        STEP("19.d");
        STEP("19.d.i");
        double e = TRY(ToLength(agent, TRY(Get(agent, *splitter, lastIndexKey))));
        STEP("19.d.ii");
        e = std::min(e, size);
        STEP("19.d.iii");
        if (e == p) {
            STEP("19.d.iii.1");
            q = AdvanceStringIndex(S->view(), q, unicodeMatching);
            continue;
        }
        STEP("19.d.iv");
        STEP("19.d.iv.1");
        String* T = make_string(agent.heap, std::u16string(S->view().substr(size_t(p), size_t(q - p))));
        STEP("19.d.iv.2");
        MUST(CreateDataPropertyOrThrow(agent, *A, index_key(agent, lengthA), T));
        STEP("19.d.iv.3");
        lengthA = lengthA + 1;
        STEP("19.d.iv.4");
        if (lengthA == lim) return Value(A);
        STEP("19.d.iv.5");
        p = e;
        STEP("19.d.iv.6");
        double numberOfCaptures = TRY(LengthOfArrayLike(agent, *z.as_object()));
        STEP("19.d.iv.7");
        numberOfCaptures = std::max(numberOfCaptures - 1, 0.0);
        STEP("19.d.iv.8");
        double i = 1;
        STEP("19.d.iv.9");
        while (i <= numberOfCaptures) {
            STEP("19.d.iv.9.a");
            Value nextCapture = TRY(Get(agent, *z.as_object(), index_key(agent, i)));
            STEP("19.d.iv.9.b");
            MUST(CreateDataPropertyOrThrow(agent, *A, index_key(agent, lengthA), nextCapture));
            STEP("19.d.iv.9.c");
            i = i + 1;
            STEP("19.d.iv.9.d");
            lengthA = lengthA + 1;
            STEP("19.d.iv.9.e");
            if (lengthA == lim) return Value(A);
        }
        STEP("19.d.iv.10");
        q = p;
    }
    STEP("20");
    String* T = make_string(agent.heap, std::u16string(S->view().substr(size_t(p))));
    STEP("21");
    MUST(CreateDataPropertyOrThrow(agent, *A, index_key(agent, lengthA), T));
    STEP("22");
    return Value(A);
}

// §22.2.6.16 RegExp.prototype.test ( S )
ThrowCompletionOr<Value> RegExp_prototype_test(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-regexp.prototype.test");
    STEP("1");
    Value R = thisValue;
    STEP("2");
    if (!R.is_object()) return throw_type_error(agent, "RegExp.prototype.test called on a non-object");
    STEP("3");
    String* string = TRY(ToString(agent, argument(args, 0)));
    STEP("4");
    Value match = TRY(RegExpExec(agent, *R.as_object(), string));
    STEP("5");
    return Value::boolean(!match.is_null());
}

// §22.2.6.17 RegExp.prototype.toString ( )
ThrowCompletionOr<Value> RegExp_prototype_toString(Agent& agent, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-regexp.prototype.tostring");
    STEP("1");
    Value R = thisValue;
    STEP("2");
    if (!R.is_object()) return throw_type_error(agent, "RegExp.prototype.toString called on a non-object");
    STEP("3");
    String* pattern = TRY(ToString(agent, TRY(Get(agent, *R.as_object(), agent.key("source")))));
    STEP("4");
    String* flags = TRY(ToString(agent, TRY(Get(agent, *R.as_object(), agent.key("flags")))));
    STEP("5");
    std::u16string result = u"/" + pattern->units() + u"/" + flags->units();
    STEP("6");
    return Value(make_string(agent.heap, std::move(result)));
}

// §B.2.4.1 RegExp.prototype.compile ( pattern, flags )
ThrowCompletionOr<Value> RegExp_prototype_compile(Agent& agent, BuiltinFunction&, Value thisValue, Arguments args,
                                                  Object*)
{
    SPEC_ALGORITHM("sec-regexp.prototype.compile");
    Value pattern = argument(args, 0);
    Value flags = argument(args, 1);
    STEP("1");
    Value O = thisValue;
    STEP("2");
    RegExpObject* regexp =
        TRY(RequireInternalSlot<RegExpObject>(agent, O, "RegExp.prototype.compile: not a RegExp object"));
    Value P, F;
    STEP("3");
    if (auto* source = pattern.is_object() ? dynamic_cast<RegExpObject*>(pattern.as_object()) : nullptr) {
        STEP("3.a");
        if (!flags.is_undefined())
            return throw_type_error(agent, "RegExp.prototype.compile: flags given with a RegExp pattern");
        STEP("3.b");
        P = source->OriginalSource;
        STEP("3.c");
        F = source->OriginalFlags;
    } else {
        STEP("4");
        STEP("4.a");
        P = pattern;
        STEP("4.b");
        F = flags;
    }
    STEP("5");
    return Value(TRY(RegExpInitialize(agent, *regexp, P, F)));
}

}  // namespace

void DefineRegExpPrototypeProperties(Agent& agent, Realm& realm, Object& prototype)
{
    define_builtin_function(agent, realm, prototype, "compile", RegExp_prototype_compile, 2);
    define_builtin_function(agent, realm, prototype, "exec", RegExp_prototype_exec, 1);
    define_builtin_getter(agent, realm, prototype, agent.key("flags"), get_RegExp_prototype_flags);
    for (const FlagGetter& getter : kFlagGetters) {
        BuiltinFunction* function = define_builtin_getter(
            agent, realm, prototype, agent.key(getter.name),
            [](Agent& a, BuiltinFunction& F, Value thisValue, Arguments, Object*) -> ThrowCompletionOr<Value> {
                return RegExpHasFlag(a, thisValue, char16_t(F.slots[0].as_number()));
            });
        function->slots = {Value::number(double(getter.codeUnit))};
    }
    define_builtin_function(agent, realm, prototype, agent.well_known_symbol(WellKnownSymbol::match),
                            RegExp_prototype_match, 1);
    define_builtin_function(agent, realm, prototype, agent.well_known_symbol(WellKnownSymbol::matchAll),
                            RegExp_prototype_matchAll, 1);
    define_builtin_function(agent, realm, prototype, agent.well_known_symbol(WellKnownSymbol::replace),
                            RegExp_prototype_replace, 2);
    define_builtin_function(agent, realm, prototype, agent.well_known_symbol(WellKnownSymbol::search),
                            RegExp_prototype_search, 1);
    define_builtin_getter(agent, realm, prototype, agent.key("source"), get_RegExp_prototype_source);
    define_builtin_function(agent, realm, prototype, agent.well_known_symbol(WellKnownSymbol::split),
                            RegExp_prototype_split, 2);
    define_builtin_function(agent, realm, prototype, "test", RegExp_prototype_test, 1);
    define_builtin_function(agent, realm, prototype, "toString", RegExp_prototype_toString, 0);
}

}  // namespace lockstep
