// ECMA-262 §22.2.7 Abstract Operations for RegExp Matching.
// https://tc39.es/ecma262/#sec-abstract-operations-for-regexp-matching
#include <string>
#include <vector>

#include "abstract_ops/object_operations.h"
#include "abstract_ops/source_text.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "builtins/builtin_helpers.h"
#include "builtins/regexp/pattern_semantics.h"
#include "builtins/regexp/regexp.h"
#include "runtime/array_object.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"
#include "runtime/string.h"

namespace lockstep {

namespace {

// §22.2.7.5 Match Records.
struct MatchRecord {
    size_t StartIndex;
    size_t EndIndex;
};

// §22.2.7.6 GetMatchString ( S, match )
String* GetMatchString(Agent& agent, String* S, const MatchRecord& match)
{
    SPEC_ALGORITHM("sec-getmatchstring");
    STEP("1");
    SPEC_ASSERT(match.StartIndex <= match.EndIndex && match.EndIndex <= S->length());
    STEP("2");
    return make_string(agent.heap, std::u16string(S->view().substr(match.StartIndex, match.EndIndex - match.StartIndex)));
}

// §22.2.7.7 GetMatchIndexPair ( S, match )
Object* GetMatchIndexPair(Agent& agent, String* S, const MatchRecord& match)
{
    SPEC_ALGORITHM("sec-getmatchindexpair");
    STEP("1");
    SPEC_ASSERT(match.StartIndex <= match.EndIndex && match.EndIndex <= S->length());
    STEP("2");
    Value pair[] = {Value::number(double(match.StartIndex)), Value::number(double(match.EndIndex))};
    return CreateArrayFromList(agent, pair);
}

// §22.2.7.8 MakeMatchIndicesIndexPairArray ( S, indices, groupNames, hasGroups );
// an element of groupNames that is *undefined* is nullopt
Object* MakeMatchIndicesIndexPairArray(Agent& agent, String* S, const std::vector<std::optional<MatchRecord>>& indices,
                                       const std::vector<std::optional<std::u16string>>& groupNames, bool hasGroups)
{
    SPEC_ALGORITHM("sec-makematchindicesindexpairarray");
    STEP("1");
    size_t n = indices.size();
    STEP("2");
    SPEC_ASSERT(n < 4294967295.0);
    STEP("3");
    SPEC_ASSERT(groupNames.size() == n - 1);
    STEP("4");
    STEP("5");
    Object* A = MUST(ArrayCreate(agent, double(n)));
    Value groups;
    STEP("6");
    if (hasGroups) {
        STEP("6.a");
        groups = OrdinaryObjectCreate(agent, nullptr);
    } else {
        STEP("7");
        STEP("7.a");
        groups = Value::undefined();
    }
    STEP("8");
    MUST(CreateDataPropertyOrThrow(agent, *A, agent.key("groups"), groups));
    STEP("9");
    for (size_t i = 0; i < n; ++i) {
        STEP("9.a");
        const std::optional<MatchRecord>& matchIndices = indices[i];
        Value matchIndexPair;
        STEP("9.b");
        if (matchIndices) {
            STEP("9.b.i");
            matchIndexPair = GetMatchIndexPair(agent, S, *matchIndices);
        } else {
            STEP("9.c");
            STEP("9.c.i");
            matchIndexPair = Value::undefined();
        }
        STEP("9.d");
        MUST(CreateDataPropertyOrThrow(agent, *A, PropertyKey::from_array_index(uint32_t(i)), matchIndexPair));
        STEP("9.e");
        if (i > 0) {
            STEP("9.e.i");
            const std::optional<std::u16string>& s = groupNames[i - 1];
            STEP("9.e.ii");
            if (s) {
                STEP("9.e.ii.1");
                SPEC_ASSERT(groups.is_object());
                STEP("9.e.ii.2");
                STEP("9.e.ii.3");
                MUST(CreateDataPropertyOrThrow(agent, *groups.as_object(), PropertyKey::from_string(agent.heap, *s),
                                               matchIndexPair));
            }
        }
    }
    STEP("10");
    return A;
}

}  // namespace

ThrowCompletionOr<Value> RegExpExec(Agent& agent, Object& R, String* S)
{
    SPEC_ALGORITHM("sec-regexpexec");
    STEP("1");
    Value exec = TRY(Get(agent, R, agent.key("exec")));
    STEP("2");
    if (IsCallable(exec)) {
        STEP("2.a");
        Value args[] = {S};
        Value result = TRY(Call(agent, exec, &R, args));
        STEP("2.b");
        if (!result.is_object() && !result.is_null())
            return throw_type_error(agent, "RegExp exec method returned something other than an Object or null");
        STEP("2.c");
        return result;
    }
    STEP("3");
    RegExpObject* regexp = TRY(RequireInternalSlot<RegExpObject>(agent, &R, "RegExpExec: not a RegExp object"));
    STEP("4");
    return TRY(RegExpBuiltinExec(agent, *regexp, S));
}

ThrowCompletionOr<Value> RegExpBuiltinExec(Agent& agent, RegExpObject& R, String* S)
{
    SPEC_ALGORITHM("sec-regexpbuiltinexec");
    PropertyKey lastIndexKey = agent.key("lastIndex");
    STEP("1");
    size_t length = S->length();
    STEP("2");
    double lastIndex = TRY(ToLength(agent, TRY(Get(agent, R, lastIndexKey))));
    STEP("3");
    SPEC_ASSERT(R.OriginalFlags && R.RegExpMatcher);  // RegExpInitialize ran: nothing reaches R before
    std::u16string_view flags = R.OriginalFlags->view();
    auto contains = [&](char16_t flag) { return flags.find(flag) != std::u16string_view::npos; };
    STEP("4");
    bool global = contains(u'g');
    STEP("5");
    bool sticky = contains(u'y');
    STEP("6");
    bool hasIndices = contains(u'd');
    STEP("7");
    if (!global && !sticky) lastIndex = 0;
    STEP("8");
    const regexp::RegExpMatcher& matcher = *R.RegExpMatcher;
    STEP("9");
    bool fullUnicode = contains(u'u') || contains(u'v');
    STEP("10");
    bool matchSucceeded = false;
    STEP("11");  // input: S read as code points or code units in place (positions stay code unit indices)
    regexp::Engine input(regexp::InputCharacters(S->view(), fullUnicode), matcher.rer.CapturingGroupsCount,
                         agent.regexp_step_budget);
    STEP("12");
    std::optional<regexp::MatchState> r;
    size_t inputIndex = 0;
    STEP("13");
    while (!matchSucceeded) {
        STEP("13.a");
        if (lastIndex > double(length)) {
            STEP("13.a.i");
            if (global || sticky) {
                STEP("13.a.i.1");
                TRY(Set(agent, R, lastIndexKey, Value::number(0), true));
            }
            STEP("13.a.ii");
            return Value::null();
        }
        STEP("13.b");  // the character element lastIndex belongs to: a surrogate pair starts one before its trail
        inputIndex = size_t(lastIndex);
        if (fullUnicode && inputIndex > 0 && inputIndex < length && (*S)[inputIndex] >= 0xDC00 &&
            (*S)[inputIndex] <= 0xDFFF && (*S)[inputIndex - 1] >= 0xD800 && (*S)[inputIndex - 1] <= 0xDBFF)
            --inputIndex;
        STEP("13.c");
        regexp::Engine::Outcome outcome;
        r = matcher(input, inputIndex, outcome);
        if (outcome == regexp::Engine::Outcome::step_budget_exhausted)
            return throw_range_error(agent, "RegExp exec: the step budget of this match is exhausted "
                                            "(catastrophic backtracking?)");
        if (outcome == regexp::Engine::Outcome::too_much_backtracking_state)
            return throw_range_error(agent, "RegExp exec: too much backtracking state");
        STEP("13.d");
        if (!r) {
            STEP("13.d.i");
            if (sticky) {
                STEP("13.d.i.1");
                TRY(Set(agent, R, lastIndexKey, Value::number(0), true));
                STEP("13.d.i.2");
                return Value::null();
            }
            STEP("13.d.ii");
            lastIndex = AdvanceStringIndex(S->view(), lastIndex, fullUnicode);
        } else {
            STEP("13.e");
            STEP("13.e.i");
            STEP("13.e.ii");
            matchSucceeded = true;
        }
    }
    STEP("14");
    size_t e = r->EndIndex;
    STEP("15");  // GetStringIndex: the matcher's indices are code unit indices already
    STEP("16");
    if (global || sticky) {
        STEP("16.a");
        TRY(Set(agent, R, lastIndexKey, Value::number(double(e)), true));
    }
    STEP("17");
    uint64_t n = matcher.rer.CapturingGroupsCount;
    STEP("18");
    STEP("19");
    SPEC_ASSERT(n < 4294967295.0);
    STEP("20");
    Object* A = MUST(ArrayCreate(agent, double(n + 1)));
    STEP("21");
    STEP("22");
    MUST(CreateDataPropertyOrThrow(agent, *A, agent.key("index"), Value::number(lastIndex)));
    STEP("23");
    MUST(CreateDataPropertyOrThrow(agent, *A, agent.key("input"), S));
    STEP("24");
    // With a lastIndex inside a surrogate pair, an empty match at the pair's
    // start would end before lastIndex, which the spec's Match Record (and
    // GetMatchString's assertion) cannot hold; it then starts where it ends.
    MatchRecord match{std::min(size_t(lastIndex), e), e};
    STEP("25");
    std::vector<std::optional<MatchRecord>> indices;
    STEP("26");
    std::vector<std::optional<std::u16string>> groupNames;
    STEP("27");
    indices.push_back(match);
    STEP("28");
    String* matchedSubstr = GetMatchString(agent, S, match);
    STEP("29");
    MUST(CreateDataPropertyOrThrow(agent, *A, PropertyKey::from_array_index(0), matchedSubstr));
    Value groups;
    bool hasGroups;
    STEP("30");
    if (std::any_of(matcher.group_names.begin(), matcher.group_names.end(), [](const auto& name) { return name.has_value(); })) {
        STEP("30.a");
        groups = OrdinaryObjectCreate(agent, nullptr);
        STEP("30.b");
        hasGroups = true;
    } else {
        STEP("31");
        STEP("31.a");
        groups = Value::undefined();
        STEP("31.b");
        hasGroups = false;
    }
    STEP("32");
    MUST(CreateDataPropertyOrThrow(agent, *A, agent.key("groups"), groups));
    STEP("33");
    std::vector<std::u16string_view> matchedGroupNames;
    STEP("34");
    for (uint64_t i = 1; i <= n; ++i) {
        STEP("34.a");
        const std::optional<regexp::CaptureRange>& captureI = input.capture(i);
        Value capturedValue;
        STEP("34.b");
        if (!captureI) {
            STEP("34.b.i");
            capturedValue = Value::undefined();
            STEP("34.b.ii");
            indices.push_back(std::nullopt);
        } else {
            STEP("34.c");
            STEP("34.c.i");
            size_t captureStart = captureI->StartIndex;
            STEP("34.c.ii");
            size_t captureEnd = captureI->EndIndex;
            STEP("34.c.iii");
            STEP("34.c.iii.1");  // GetStringIndex: code unit indices already
            STEP("34.c.iii.2");
            STEP("34.c.iv");
            MatchRecord capture{captureStart, captureEnd};
            STEP("34.c.v");
            capturedValue = GetMatchString(agent, S, capture);
            STEP("34.c.vi");
            indices.push_back(capture);
        }
        STEP("34.d");
        MUST(CreateDataPropertyOrThrow(agent, *A, index_key(agent, double(i)), capturedValue));
        STEP("34.e");
        if (const std::optional<std::u16string>& name = matcher.group_names[i - 1]) {
            STEP("34.e.i");
            const std::u16string& s = *name;
            STEP("34.e.ii");
            if (std::find(matchedGroupNames.begin(), matchedGroupNames.end(), s) != matchedGroupNames.end()) {
                STEP("34.e.ii.1");
                SPEC_ASSERT(capturedValue.is_undefined());
                STEP("34.e.ii.2");
                groupNames.push_back(std::nullopt);
            } else {
                STEP("34.e.iii");
                STEP("34.e.iii.1");
                if (!capturedValue.is_undefined()) matchedGroupNames.push_back(s);
                STEP("34.e.iii.2");
                STEP("34.e.iii.3");
                MUST(CreateDataPropertyOrThrow(agent, *groups.as_object(), PropertyKey::from_string(agent.heap, s),
                                               capturedValue));
                STEP("34.e.iii.4");
                groupNames.push_back(s);
            }
        } else {
            STEP("34.f");
            STEP("34.f.i");
            groupNames.push_back(std::nullopt);
        }
    }
    STEP("35");
    if (hasIndices) {
        STEP("35.a");
        Object* indicesArray = MakeMatchIndicesIndexPairArray(agent, S, indices, groupNames, hasGroups);
        STEP("35.b");
        MUST(CreateDataPropertyOrThrow(agent, *A, agent.key("indices"), indicesArray));
    }
    STEP("36");
    return Value(A);
}

double AdvanceStringIndex(std::u16string_view S, double index, bool unicode)
{
    SPEC_ALGORITHM("sec-advancestringindex");
    STEP("1");
    SPEC_ASSERT(index <= 9007199254740991.0);
    STEP("2");
    if (!unicode) return index + 1;
    STEP("3");
    double length = double(S.size());
    STEP("4");
    if (index + 1 >= length) return index + 1;
    STEP("5");
    CodePointRecord cp = CodePointAt(S, size_t(index));
    STEP("6");
    return index + cp.CodeUnitCount;
}

}  // namespace lockstep
