// ECMA-262 §22.2.2 Pattern Semantics, with Annex B.1.2.5 – B.1.2.8 (the
// semantics of the Annex B pattern syntax). Each Compile* function is the
// syntax-directed operation for the parse tree of syntax/regexp/pattern_ast.h;
// the Matchers and MatcherContinuations they return run on the Engine of
// matcher.h, which turns the spec's nested calls into a loop.
// https://tc39.es/ecma262/#sec-pattern-semantics
#include "builtins/regexp/pattern_semantics.h"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/usetiter.h>
#include <unicode/ustring.h>

#include "spec/step.h"

namespace lockstep::regexp {

namespace ast = syntax::regexp;

namespace {

constexpr uint64_t kInfinity = UINT64_MAX;  // a [[Max]] of +∞

// What compiling a Pattern keeps track of: the RegExpMatcher being built
// (which owns the closures) and the capturing parentheses met so far, which
// is CountLeftCapturingParensBefore of the node being compiled (the tree is
// compiled left to right, whatever the direction).
struct Compiler {
    RegExpMatcher& program;
    const ast::Pattern& pattern;
    uint64_t parens_before = 0;
    // The Matchers made by CharacterSetMatcher, with what they capture.
    std::unordered_map<const Matcher*, const CharacterSetTest*> character_set_matchers;

    template <class F>
    const Matcher* matcher(F steps)
    {
        return &program.matchers.emplace_back(Matcher{std::move(steps)});
    }
};

// ---- characters and CharSets --------------------------------------------

bool IsLineTerminator(char32_t c) { return c == 0x0A || c == 0x0D || c == 0x2028 || c == 0x2029; }

// scf(cp): the simple (or common) case folding of CaseFolding.txt.
char32_t scf(char32_t cp) { return char32_t(u_foldCase(UChar32(cp), U_FOLD_CASE_DEFAULT)); }

// Canonicalize steps 3–10 for one code unit: toUppercase, kept only if it is
// one code unit and does not map a non-ASCII character into ASCII.
char16_t CanonicalizeCodeUnit(char16_t ch)
{
    UChar source[1] = {UChar(ch)};
    UChar u[4];
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = u_strToUpper(u, 4, source, 1, "", &status);
    if (U_FAILURE(status) || length != 1) return ch;
    char16_t cu = u[0];
    if (ch >= 128 && cu < 128) return ch;
    return cu;
}

const std::vector<char16_t>& NonUnicodeCanonicalizeTable()
{
    static const std::vector<char16_t> table = [] {
        std::vector<char16_t> t(0x10000);
        for (uint32_t ch = 0; ch < 0x10000; ++ch) t[ch] = CanonicalizeCodeUnit(char16_t(ch));
        return t;
    }();
    return table;
}

// The characters Canonicalize(rer, ·) changes when rer.[[IgnoreCase]] is
// true, for each of its two definitions. (Simple case folding changes only
// characters below U+20000.) Shared sets are never frozen: a copy of a
// frozen ICU set is frozen too, and silently ignores changes.
const icu::UnicodeSet& CharactersCanonicalizeChanges(bool unicode)
{
    static const icu::UnicodeSet unicodeSet = [] {
        icu::UnicodeSet set;
        for (UChar32 c = 0; c < 0x20000; ++c)
            if (scf(c) != char32_t(c)) set.add(c);
        return set;
    }();
    static const icu::UnicodeSet codeUnitSet = [] {
        const std::vector<char16_t>& table = NonUnicodeCanonicalizeTable();
        icu::UnicodeSet set;
        for (UChar32 c = 0; c < 0x10000; ++c)
            if (table[c] != c) set.add(c);
        return set;
    }();
    return unicode ? unicodeSet : codeUnitSet;
}

// { Canonicalize(rer, a) : a ∈ A }: what CharacterSetMatcher step 2.l compares with.
icu::UnicodeSet CanonicalizedCharacters(const RegExpRecord& rer, const icu::UnicodeSet& A);

CharSet OneCharacter(char32_t ch)
{
    CharSet set;
    set.characters.add(UChar32(ch));
    return set;
}

CharSet Union(CharSet A, const CharSet& B)
{
    A.characters.addAll(B.characters);
    A.strings.insert(B.strings.begin(), B.strings.end());
    return A;
}

CharSet Intersection(CharSet A, const CharSet& B)
{
    A.characters.retainAll(B.characters);
    std::erase_if(A.strings, [&](const std::u32string& s) { return !B.strings.contains(s); });
    return A;
}

CharSet Difference(CharSet A, const CharSet& B)
{
    A.characters.removeAll(B.characters);
    std::erase_if(A.strings, [&](const std::u32string& s) { return B.strings.contains(s); });
    return A;
}

// The CharSet of an ICU set that may hold strings (a property of strings).
CharSet FromUnicodeSet(const icu::UnicodeSet& set)
{
    CharSet result;
    for (icu::UnicodeSetIterator it(set); it.next();) {
        if (!it.isString()) {
            result.characters.add(it.getCodepoint(), it.getCodepointEnd());
            continue;
        }
        const icu::UnicodeString& string = it.getString();
        std::u32string codePoints;
        for (int32_t i = 0; i < string.length(); i = string.moveIndex32(i, 1)) codePoints += char32_t(string.char32At(i));
        if (codePoints.size() == 1)
            result.characters.add(UChar32(codePoints[0]));
        else
            result.strings.insert(std::move(codePoints));
    }
    return result;
}

// The code points whose character database definition has property p with
// value v (v empty: a binary property, "True"), from ICU; each set is made
// once per thread (ICU filters every code point to make one). A value newer
// than ICU's Unicode data (a script added since) has no code points there.
const CharSet& UnicodePropertyCharSet(const std::string& p, const std::string& v)
{
    thread_local std::map<std::pair<std::string, std::string>, CharSet> cache;
    auto [entry, added] = cache.try_emplace({p, v});
    if (added) {
        icu::UnicodeSet set;
        UErrorCode status = U_ZERO_ERROR;
        set.applyPropertyAlias(icu::UnicodeString::fromUTF8(p), icu::UnicodeString::fromUTF8(v), status);
        if (U_SUCCESS(status)) entry->second = FromUnicodeSet(set);
    }
    return entry->second;
}

// §22.2.2.9.2 HasEitherUnicodeFlag ( rer )
bool HasEitherUnicodeFlag(const RegExpRecord& rer)
{
    SPEC_ALGORITHM("sec-runtime-semantics-haseitherunicodeflag-abstract-operation");
    STEP("1");
    if (rer.Unicode || rer.UnicodeSets) {
        STEP("1.a");
        return true;
    }
    STEP("2");
    return false;
}

// §22.2.2.9.3 WordCharacters ( rer ); the result depends only on whether
// Canonicalize folds case and how, so each of the three sets is made once.
const icu::UnicodeSet& WordCharacters(const RegExpRecord& rer)
{
    SPEC_ALGORITHM("sec-wordcharacters");
    static const auto make = [](const RegExpRecord& rer) {
        STEP("1");
        icu::UnicodeSet basicWordChars(u'a', u'z');
        basicWordChars.add(u'A', u'Z').add(u'0', u'9').add(u'_');
        STEP("2");  // only a character that Canonicalize changes can be canonicalized into basicWordChars
        icu::UnicodeSet extraWordChars;
        if (rer.IgnoreCase) {
            icu::UnicodeSet candidates(CharactersCanonicalizeChanges(HasEitherUnicodeFlag(rer)));
            candidates.removeAll(basicWordChars);
            for (int32_t r = 0; r < candidates.getRangeCount(); ++r)
                for (UChar32 c = candidates.getRangeStart(r); c <= candidates.getRangeEnd(r); ++c)
                    if (basicWordChars.contains(UChar32(Canonicalize(rer, char32_t(c))))) extraWordChars.add(c);
        }
        STEP("3");
        SPEC_ASSERT(extraWordChars.isEmpty() || (HasEitherUnicodeFlag(rer) && rer.IgnoreCase));
        STEP("4");
        icu::UnicodeSet result(basicWordChars);
        result.addAll(extraWordChars);
        return result;
    };
    static const icu::UnicodeSet plain = make(RegExpRecord{});
    static const icu::UnicodeSet codeUnitsIgnoringCase = make(RegExpRecord{.IgnoreCase = true});
    static const icu::UnicodeSet codePointsIgnoringCase = make(RegExpRecord{.IgnoreCase = true, .Unicode = true});
    if (!rer.IgnoreCase) return plain;
    return HasEitherUnicodeFlag(rer) ? codePointsIgnoringCase : codeUnitsIgnoringCase;
}

// §22.2.2.9.4 AllCharacters ( rer )
CharSet AllCharacters(const RegExpRecord& rer)
{
    SPEC_ALGORITHM("sec-allcharacters");
    CharSet A;
    STEP("1");
    if (rer.UnicodeSets && rer.IgnoreCase) {
        STEP("1.a");
        A.characters.add(0, 0x10FFFF);
        A.characters.removeAll(CharactersCanonicalizeChanges(true));
    } else if (HasEitherUnicodeFlag(rer)) {
        STEP("2");
        STEP("2.a");
        A.characters.add(0, 0x10FFFF);
    } else {
        STEP("3");
        STEP("3.a");
        A.characters.add(0, 0xFFFF);
    }
    return A;
}

// §22.2.2.9.5 MaybeSimpleCaseFolding ( rer, A )
CharSet MaybeSimpleCaseFolding(const RegExpRecord& rer, const CharSet& A)
{
    SPEC_ALGORITHM("sec-maybesimplecasefolding");
    STEP("1");
    if (!rer.UnicodeSets || !rer.IgnoreCase) return A;
    STEP("2");
    CharSet B;
    STEP("3");  // the single characters: those scf leaves alone, then the images of the others
    const icu::UnicodeSet& changed = CharactersCanonicalizeChanges(true);
    B.characters = A.characters;
    B.characters.removeAll(changed);
    icu::UnicodeSet folded(A.characters);
    folded.retainAll(changed);
    for (int32_t r = 0; r < folded.getRangeCount(); ++r)
        for (UChar32 c = folded.getRangeStart(r); c <= folded.getRangeEnd(r); ++c) B.characters.add(UChar32(scf(c)));
    for (const std::u32string& s : A.strings) {
        STEP("3.a");
        std::u32string t;
        STEP("3.b");
        for (char32_t cp : s) {
            STEP("3.b.i");
            t += scf(cp);
        }
        STEP("3.c");
        B.strings.insert(std::move(t));
    }
    STEP("4");
    return B;
}

// §22.2.2.9.6 CharacterComplement ( rer, S )
CharSet CharacterComplement(const RegExpRecord& rer, const CharSet& S)
{
    SPEC_ALGORITHM("sec-charactercomplement");
    STEP("1");
    CharSet A = AllCharacters(rer);
    STEP("2");
    return Difference(std::move(A), S);
}

// §22.2.2.9.1 CharacterRange ( A, B )
CharSet CharacterRange(const CharSet& A, const CharSet& B)
{
    SPEC_ALGORITHM("sec-runtime-semantics-characterrange-abstract-operation");
    STEP("1");
    SPEC_ASSERT(A.characters.size() == 1 && A.strings.empty() && B.characters.size() == 1 && B.strings.empty());
    STEP("2");
    UChar32 a = A.characters.charAt(0);
    STEP("3");
    UChar32 b = B.characters.charAt(0);
    STEP("4");
    UChar32 i = a;
    STEP("5");
    UChar32 j = b;
    STEP("6");
    SPEC_ASSERT(i <= j);
    STEP("7");
    CharSet result;
    result.characters.add(i, j);
    return result;
}

// §B.1.2.8.1 CharacterRangeOrUnion ( rer, A, B )
CharSet CharacterRangeOrUnion(const RegExpRecord& rer, const CharSet& A, const CharSet& B)
{
    SPEC_ALGORITHM("sec-runtime-semantics-characterrangeorunion-abstract-operation");
    STEP("1");
    if (!HasEitherUnicodeFlag(rer)) {
        STEP("1.a");
        if (A.characters.size() != 1 || B.characters.size() != 1) {
            STEP("1.a.i");
            CharSet C = OneCharacter(u'-');
            STEP("1.a.ii");
            return Union(Union(A, B), C);
        }
    }
    STEP("2");
    return CharacterRange(A, B);
}

icu::UnicodeSet CanonicalizedCharacters(const RegExpRecord& rer, const icu::UnicodeSet& A)
{
    if (!rer.IgnoreCase) return A;
    const icu::UnicodeSet& changed = CharactersCanonicalizeChanges(HasEitherUnicodeFlag(rer));
    icu::UnicodeSet result(A);
    result.removeAll(changed);
    icu::UnicodeSet mapped(A);
    mapped.retainAll(changed);
    for (int32_t r = 0; r < mapped.getRangeCount(); ++r)
        for (UChar32 c = mapped.getRangeStart(r); c <= mapped.getRangeEnd(r); ++c)
            result.add(UChar32(Canonicalize(rer, char32_t(c))));
    return result;
}

// ---- the Matchers -------------------------------------------------------

// §22.2.2.3.2 EmptyMatcher ( )
const Matcher* EmptyMatcher(Compiler& C)
{
    SPEC_ALGORITHM("sec-emptymatcher");
    STEP("1");
    return C.matcher([](Engine&, MatchState x, const MatcherContinuation* c) -> Next {
        STEP("1.a");
        STEP("1.b");
        STEP("1.c");
        return Engine::call(c, x);
    });
}

// §22.2.2.3.3 MatchTwoAlternatives ( m1, m2 )
const Matcher* MatchTwoAlternatives(Compiler& C, const Matcher* m1, const Matcher* m2)
{
    SPEC_ALGORITHM("sec-matchtwoalternatives");
    STEP("1");
    return C.matcher([m1, m2](Engine& engine, MatchState x, const MatcherContinuation* c) -> Next {
        STEP("1.a");
        STEP("1.b");
        STEP("1.c");  // r = m1(x, c) …
        STEP("1.d");  // … is the result unless it fails: then backtracking comes to step 1.e
        engine.on_failure({.steps = [](Engine&, const ChoicePoint& p, std::optional<MatchState>) -> Next {
                               STEP("1.e");
                               return Engine::call(static_cast<const Matcher*>(p.captured), p.x, p.c);
                           },
                           .captured = m2,
                           .c = c,
                           .x = x});
        return Engine::call(m1, x, c);
    });
}

// §22.2.2.3.4 MatchSequence ( m1, m2, direction )
const Matcher* MatchSequence(Compiler& C, const Matcher* m1, const Matcher* m2, Direction direction)
{
    SPEC_ALGORITHM("sec-matchsequence");
    STEP("1");
    if (direction == Direction::forward) {
        STEP("1.a");
        return C.matcher([m1, m2](Engine& engine, MatchState x, const MatcherContinuation* c) -> Next {
            STEP("1.a.i");
            STEP("1.a.ii");
            STEP("1.a.iii");
            const MatcherContinuation* d =
                engine.continuation({.steps = [](Engine&, const MatcherContinuation& d, MatchState y) -> Next {
                                         STEP("1.a.iii.1");
                                         STEP("1.a.iii.2");
                                         return Engine::call(static_cast<const Matcher*>(d.captured), y, d.c);
                                     },
                                     .captured = m2,
                                     .c = c});
            STEP("1.a.iv");
            return Engine::call(m1, x, d);
        });
    }
    STEP("2");
    STEP("2.a");
    SPEC_ASSERT(direction == Direction::backward);
    STEP("2.b");
    return C.matcher([m1, m2](Engine& engine, MatchState x, const MatcherContinuation* c) -> Next {
        STEP("2.b.i");
        STEP("2.b.ii");
        STEP("2.b.iii");
        const MatcherContinuation* d =
            engine.continuation({.steps = [](Engine&, const MatcherContinuation& d, MatchState y) -> Next {
                                     STEP("2.b.iii.1");
                                     STEP("2.b.iii.2");
                                     return Engine::call(static_cast<const Matcher*>(d.captured), y, d.c);
                                 },
                                 .captured = m1,
                                 .c = c});
        STEP("2.b.iv");
        return Engine::call(m2, x, d);
    });
}

// What the Matcher of Term :: Atom Quantifier captures besides [[Min]] and
// [[Max]] (which RepeatMatcher counts down).
struct RepeatCaptures {
    const Matcher* m;
    bool greedy;
    uint64_t parenIndex;
    uint64_t parenCount;
};

// §22.2.2.3.1 RepeatMatcher ( m, min, max, greedy, x, c, parenIndex, parenCount )
Next RepeatMatcher(Engine& engine, const RepeatCaptures& r, uint64_t min, uint64_t max, MatchState x,
                   const MatcherContinuation* c)
{
    SPEC_ALGORITHM("sec-runtime-semantics-repeatmatcher-abstract-operation");
    STEP("1");
    if (max == 0) return Engine::call(c, x);
    STEP("2");
    const MatcherContinuation* d =
        engine.continuation({.steps = [](Engine& engine, const MatcherContinuation& d, MatchState y) -> Next {
                                 const RepeatCaptures& r = *static_cast<const RepeatCaptures*>(d.captured);
                                 uint64_t min = d.a, max = d.b;
                                 STEP("2.a");
                                 STEP("2.b");  // the empty check: an iteration must consume something
                                 if (min == 0 && y.EndIndex == d.x.EndIndex) return Engine::failure();
                                 STEP("2.c");
                                 uint64_t min2 = min == 0 ? 0 : min - 1;
                                 STEP("2.d");
                                 uint64_t max2 = max == kInfinity ? kInfinity : max - 1;
                                 STEP("2.e");
                                 return RepeatMatcher(engine, r, min2, max2, y, d.c);
                             },
                             .captured = &r,
                             .c = c,
                             .x = x,
                             .a = min,
                             .b = max});
    // Steps 3–7 make xr, x with the atom's captures reset; since step 9 still
    // needs x's captures, xr is made where m is called with it.
    static constexpr auto m_xr_d = [](Engine& engine, const RepeatCaptures& r, MatchState x,
                                      const MatcherContinuation* d) -> Next {
        STEP("3");  // cap: the Engine's captures, changed in place (and restored on backtracking)
        STEP("4");
        for (uint64_t k = r.parenIndex + 1; k <= r.parenIndex + r.parenCount; ++k) engine.set_capture(k, std::nullopt);
        STEP("5");
        STEP("6");
        size_t e = x.EndIndex;
        STEP("7");
        MatchState xr{e};
        return Engine::call(r.m, xr, d);
    };
    STEP("8");
    if (min != 0) return m_xr_d(engine, r, x, d);
    STEP("9");
    if (!r.greedy) {
        STEP("9.a");  // z = c(x) …
        STEP("9.b");  // … is the result unless it fails: then backtracking comes to step 9.c
        engine.on_failure({.steps = [](Engine& engine, const ChoicePoint& p, std::optional<MatchState>) -> Next {
                               STEP("9.c");
                               return m_xr_d(engine, *static_cast<const RepeatCaptures*>(p.captured), p.x, p.c);
                           },
                           .captured = &r,
                           .c = d,
                           .x = x});
        return Engine::call(c, x);
    }
    STEP("10");  // z = m(xr, d) …
    STEP("11");  // … is the result unless it fails: then backtracking comes to step 12
    engine.on_failure({.steps = [](Engine&, const ChoicePoint& p, std::optional<MatchState>) -> Next {
                           STEP("12");
                           return Engine::call(p.c, p.x);
                       },
                       .c = c,
                       .x = x});
    return m_xr_d(engine, r, x, d);
}

// §22.2.2.4.1 IsWordChar ( rer, Input, e ); e is -1, a character's index or InputLength.
bool IsWordChar(const RegExpRecord& rer, const InputCharacters& Input, ptrdiff_t e)
{
    SPEC_ALGORITHM("sec-runtime-semantics-iswordchar-abstract-operation");
    STEP("1");
    ptrdiff_t InputLength = ptrdiff_t(Input.InputLength());
    STEP("2");
    if (e == -1 || e == InputLength) return false;
    STEP("3");
    char32_t c = *Input.at(size_t(e));
    STEP("4");
    if (WordCharacters(rer).contains(UChar32(c))) return true;
    STEP("5");
    return false;
}

// "e - 1" as an index of Input: the index of the character that ends at e (-1 at the start).
ptrdiff_t IndexBefore(const InputCharacters& Input, size_t e)
{
    std::optional<char32_t> ch = Input.before(e);
    if (!ch) return -1;
    return ptrdiff_t(e) - (*ch > 0xFFFF ? 2 : 1);
}

// §22.2.2.7.1 CharacterSetMatcher ( rer, A, invert, direction )
const Matcher* CharacterSetMatcher(Compiler& C, const RegExpRecord& rer, const CharSet& A, bool invert,
                                   Direction direction)
{
    SPEC_ALGORITHM("sec-runtime-semantics-charactersetmatcher-abstract-operation");
    STEP("1");
    if (rer.UnicodeSets) {
        STEP("1.a");
        SPEC_ASSERT(!invert);
        STEP("1.b");
        SPEC_ASSERT(A.strings.empty());
    }
    STEP("2");
    // Step 2.l asks for an a in A with Canonicalize(rer, a) = cc: that is,
    // whether cc is in the set of the canonicalized elements, made once here.
    CharacterSetTest& test = C.program.character_set_tests.emplace_back(
        CharacterSetTest{rer, CanonicalizedCharacters(rer, A.characters), invert, direction});
    test.canonicalA.freeze();
    const CharacterSetTest* captured = &test;
    const Matcher* matcher = C.matcher([captured](Engine& engine, MatchState x, const MatcherContinuation* c) -> Next {
        STEP("2.a");
        STEP("2.b");
        STEP("2.c");
        const InputCharacters& Input = engine.Input();
        STEP("2.d");
        size_t e = x.EndIndex;
        STEP("2.e");
        STEP("2.f");
        STEP("2.g");
        STEP("2.h");
        std::optional<InputCharacters::Step> step = Input.step(e, captured->direction);
        if (!step) return Engine::failure();
        size_t f = step->f;
        STEP("2.i");
        STEP("2.j");
        char32_t ch = step->ch;
        STEP("2.k");  // cc = Canonicalize(rer, ch)
        STEP("2.l");  // found: cc is one of the canonicalized elements of A
        STEP("2.m");  // failure if not found (or, inverted, if found):
        STEP("2.n");  // CharacterSetTest::matches
        if (!captured->matches(ch)) return Engine::failure();
        STEP("2.o");
        STEP("2.p");
        MatchState y{f};
        STEP("2.q");
        return Engine::call(c, y);
    });
    C.character_set_matchers.emplace(matcher, captured);
    return matcher;
}

// Moves `count` characters from e in `direction`; nullopt when Input ends first.
std::optional<size_t> MoveCharacters(const InputCharacters& Input, size_t e, size_t count, Direction direction)
{
    for (size_t i = 0; i < count; ++i) {
        std::optional<InputCharacters::Step> step = Input.step(e, direction);
        if (!step) return std::nullopt;
        e = step->f;
    }
    return e;
}

// §22.2.2.7.2 BackreferenceMatcher ( rer, ns, direction )
const Matcher* BackreferenceMatcher(Compiler& C, const RegExpRecord& rer, std::vector<uint64_t> ns, Direction direction)
{
    SPEC_ALGORITHM("sec-backreference-matcher");
    const std::vector<uint64_t>* numbers = &C.program.index_lists.emplace_back(std::move(ns));
    STEP("1");
    return C.matcher([rer, numbers, direction](Engine& engine, MatchState x, const MatcherContinuation* c) -> Next {
        STEP("1.a");
        STEP("1.b");
        STEP("1.c");
        const InputCharacters& Input = engine.Input();
        STEP("1.d");  // cap: the Engine's captures
        STEP("1.e");
        std::optional<CaptureRange> r;
        STEP("1.f");
        for (uint64_t n : *numbers) {
            STEP("1.f.i");
            if (engine.capture(n)) {
                STEP("1.f.i.1");
                SPEC_ASSERT(!r);
                STEP("1.f.i.2");
                r = engine.capture(n);
            }
        }
        STEP("1.g");
        if (!r) return Engine::call(c, x);
        STEP("1.h");
        size_t e = x.EndIndex;
        STEP("1.i");
        size_t rs = r->StartIndex;
        STEP("1.j");
        size_t re = r->EndIndex;
        STEP("1.k");  // len counts characters (code points with fullUnicode)
        size_t len = re - rs;
        if (Input.full_unicode()) {
            len = 0;
            for (size_t i = rs; i < re; i = Input.step(i, Direction::forward)->f) ++len;
        }
        STEP("1.l");
        STEP("1.m");
        STEP("1.n");
        STEP("1.o");
        std::optional<size_t> f = MoveCharacters(Input, e, len, direction);
        if (!f) return Engine::failure();
        STEP("1.p");
        size_t g = std::min(e, *f);
        STEP("1.q");
        size_t a = rs, b = g;
        for (size_t i = 0; i < len; ++i) {
            InputCharacters::Step sa = *Input.step(a, Direction::forward);
            InputCharacters::Step sb = *Input.step(b, Direction::forward);
            if (Canonicalize(rer, sa.ch) != Canonicalize(rer, sb.ch)) return Engine::failure();
            a = sa.f;
            b = sb.f;
        }
        STEP("1.r");
        MatchState y{*f};
        STEP("1.s");
        return Engine::call(c, y);
    });
}

// §22.2.2.7.4 UpdateModifiers ( rer, add, remove )
RegExpRecord UpdateModifiers(const RegExpRecord& rer, const ast::RegularExpressionModifiers& add,
                             const ast::RegularExpressionModifiers& remove)
{
    SPEC_ALGORITHM("sec-updatemodifiers");
    STEP("1");
    SPEC_ASSERT(!(add.i && remove.i) && !(add.m && remove.m) && !(add.s && remove.s));
    STEP("2");
    bool ignoreCase = rer.IgnoreCase;
    STEP("3");
    bool multiline = rer.Multiline;
    STEP("4");
    bool dotAll = rer.DotAll;
    STEP("5");
    bool unicode = rer.Unicode;
    STEP("6");
    bool unicodeSets = rer.UnicodeSets;
    STEP("7");
    uint64_t capturingGroupsCount = rer.CapturingGroupsCount;
    STEP("8");
    if (remove.i) {
        ignoreCase = false;
    } else if (add.i) {
        STEP("9");
        ignoreCase = true;
    }
    STEP("10");
    if (remove.m) {
        multiline = false;
    } else if (add.m) {
        STEP("11");
        multiline = true;
    }
    STEP("12");
    if (remove.s) {
        dotAll = false;
    } else if (add.s) {
        STEP("13");
        dotAll = true;
    }
    STEP("14");
    return RegExpRecord{.IgnoreCase = ignoreCase,
                        .Multiline = multiline,
                        .DotAll = dotAll,
                        .Unicode = unicode,
                        .UnicodeSets = unicodeSets,
                        .CapturingGroupsCount = capturingGroupsCount};
}

// ---- CompileToCharSet ---------------------------------------------------

CharSet CompileToCharSet(const ast::CharacterClass& classContents, const RegExpRecord& rer);

// CompileToCharSet of CharacterClassEscape (§22.2.2.9, productions 9 to 16).
CharSet CompileToCharSet(ast::CharacterClassEscape::Kind kind, const ast::UnicodePropertyValueExpression* property,
                         const RegExpRecord& rer);

// UnicodePropertyValueExpression (§22.2.2.9, productions 17 and 18).
CharSet CompileToCharSet(const ast::UnicodePropertyValueExpression& expression, const RegExpRecord& rer)
{
    if (!expression.name.empty()) {
        SPEC_ALGORITHM("sec-compiletocharset#17");
        STEP("1");
        STEP("2");
        const std::string& p = expression.canonical_property;  // the parser ran UnicodeMatchProperty
        STEP("3");
        STEP("4");
        STEP("5");
        const std::string& v = expression.canonical_value;  // … and UnicodeMatchPropertyValue
        STEP("6");
        CharSet A = UnicodePropertyCharSet(p, v);
        STEP("7");
        return MaybeSimpleCaseFolding(rer, A);
    }
    SPEC_ALGORITHM("sec-compiletocharset#18");
    STEP("1");
    STEP("2");
    if (expression.canonical_property == "General_Category") {
        STEP("2.a");
        return UnicodePropertyCharSet("General_Category", expression.canonical_value);
    }
    STEP("3");
    const std::string& p = expression.canonical_property;
    STEP("4");
    STEP("5");
    CharSet A = UnicodePropertyCharSet(p, "");
    STEP("6");
    return MaybeSimpleCaseFolding(rer, A);
}

CharSet CompileToCharSet(ast::CharacterClassEscape::Kind kind, const ast::UnicodePropertyValueExpression* property,
                         const RegExpRecord& rer)
{
    using Kind = ast::CharacterClassEscape::Kind;
    switch (kind) {
    case Kind::d: {
        SPEC_ALGORITHM("sec-compiletocharset#9");
        STEP("1");
        CharSet digits;
        digits.characters.add(u'0', u'9');
        return digits;
    }
    case Kind::D: {
        SPEC_ALGORITHM("sec-compiletocharset#10");
        STEP("1");
        CharSet S = CompileToCharSet(Kind::d, nullptr, rer);
        STEP("2");
        return CharacterComplement(rer, S);
    }
    case Kind::s: {
        SPEC_ALGORITHM("sec-compiletocharset#11");
        STEP("1");  // WhiteSpace: TAB, VT, FF, ZWNBSP and every Zs; LineTerminator: LF, CR, LS, PS
        static const CharSet whiteSpace = [] {
            CharSet set;
            UErrorCode status = U_ZERO_ERROR;
            set.characters.applyIntPropertyValue(UCHAR_GENERAL_CATEGORY_MASK, U_GC_ZS_MASK, status);
            set.characters.add(0x09).add(0x0B).add(0x0C).add(0xFEFF);
            set.characters.add(0x0A).add(0x0D).add(0x2028).add(0x2029);
            return set;
        }();
        return whiteSpace;
    }
    case Kind::S: {
        SPEC_ALGORITHM("sec-compiletocharset#12");
        STEP("1");
        CharSet S = CompileToCharSet(Kind::s, nullptr, rer);
        STEP("2");
        return CharacterComplement(rer, S);
    }
    case Kind::w: {
        SPEC_ALGORITHM("sec-compiletocharset#13");
        STEP("1");
        CharSet word;
        word.characters = WordCharacters(rer);
        return MaybeSimpleCaseFolding(rer, word);
    }
    case Kind::W: {
        SPEC_ALGORITHM("sec-compiletocharset#14");
        STEP("1");
        CharSet S = CompileToCharSet(Kind::w, nullptr, rer);
        STEP("2");
        return CharacterComplement(rer, S);
    }
    case Kind::p: {
        SPEC_ALGORITHM("sec-compiletocharset#15");
        STEP("1");
        return CompileToCharSet(*property, rer);
    }
    case Kind::P: {
        SPEC_ALGORITHM("sec-compiletocharset#16");
        STEP("1");
        CharSet S = CompileToCharSet(*property, rer);
        STEP("2");
        SPEC_ASSERT(S.strings.empty());
        STEP("3");
        return CharacterComplement(rer, S);
    }
    }
    SPEC_ASSERT(false);
    return {};
}

// A ClassAtom that is a single character (ClassAtom :: -, ClassAtomNoDash ::
// SourceCharacter, ClassEscape :: b | - | CharacterEscape, and Annex B's
// ClassEscape :: c ClassControlLetter and `\` [lookahead = c]): the parser
// gives its CharacterValue. A CharacterClassEscape is the function above.
CharSet CompileToCharSet(const ast::ClassAtom& atom, const RegExpRecord& rer)
{
    if (atom.IsCharacterClass())
        return CompileToCharSet(atom.class_escape->kind, &atom.class_escape->property, rer);
    SPEC_ALGORITHM("sec-compiletocharset#8");
    STEP("1");
    char32_t cv = atom.character_value;
    STEP("2");
    char32_t c = cv;
    STEP("3");
    return OneCharacter(c);
}

// NonemptyClassRanges and NonemptyClassRangesNoDash: the parser's list of
// ClassAtoms and ranges, each the head of the right-recursive production
// that the rest of the list is the tail of; so the union is built from the
// right, as the recursion returns. A range goes through B.1.2.8's
// CharacterRangeOrUnion, which replaces CharacterRange there.
CharSet CompileToCharSet(const std::vector<ast::ClassRangesElement>& ranges, const RegExpRecord& rer)
{
    CharSet result;
    {
        SPEC_ALGORITHM("sec-compiletocharset#1");  // ClassContents :: [empty], at the end of the list
        STEP("1");
    }
    for (auto element = ranges.rbegin(); element != ranges.rend(); ++element) {
        if (!element->to) {
            SPEC_ALGORITHM("sec-compiletocharset#2");  // and #4, NonemptyClassRangesNoDash
            STEP("1");
            CharSet A = CompileToCharSet(element->from, rer);
            STEP("2");  // B: result, the rest of the list
            STEP("3");
            result = Union(std::move(A), result);
        } else {
            SPEC_ALGORITHM("sec-compiletocharset-annexb#1");  // and annexb#2, NonemptyClassRangesNoDash
            STEP("1");
            CharSet A = CompileToCharSet(element->from, rer);
            STEP("2");
            CharSet B = CompileToCharSet(*element->to, rer);
            STEP("3");  // C: result, the rest of the list
            STEP("4");
            CharSet D = CharacterRangeOrUnion(rer, A, B);
            STEP("5");
            result = Union(std::move(D), result);
        }
    }
    return result;
}

// ClassStringDisjunction :: \q{ ClassStringDisjunctionContents }: its
// ClassStrings, each as the sequence of the CharacterValues of its
// ClassSetCharacters (CompileClassSetString), taken from the right.
CharSet CompileToCharSet(const ast::ClassStringDisjunction& disjunction, const RegExpRecord& rer)
{
    SPEC_ALGORITHM("sec-compiletocharset#32");
    STEP("1");
    CharSet result;
    for (size_t i = disjunction.strings.size(); i-- > 0;) {
        const std::u32string& s = disjunction.strings[i];
        CharSet A;
        if (s.size() == 1)
            A.characters.add(UChar32(s[0]));
        else
            A.strings.insert(s);
        if (i + 1 == disjunction.strings.size()) {
            SPEC_ALGORITHM("sec-compiletocharset#33");
            STEP("1");  // CompileClassSetString: the parser's sequence
            STEP("2");
            result = std::move(A);
        } else {
            SPEC_ALGORITHM("sec-compiletocharset#34");
            STEP("1");
            STEP("2");
            STEP("3");  // B: result
            STEP("4");
            result = Union(std::move(A), result);
        }
    }
    (void)rer;
    return result;
}

// ClassSetOperand (and ClassSetRange, an element of a ClassUnion).
CharSet CompileToCharSet(const ast::ClassSetOperand& operand, const RegExpRecord& rer)
{
    using Kind = ast::ClassSetOperand::Kind;
    switch (operand.kind) {
    case Kind::ClassSetCharacter: {
        SPEC_ALGORITHM("sec-compiletocharset#26");
        STEP("1");
        CharSet A;
        {
            SPEC_ALGORITHM("sec-compiletocharset#35");  // and #36, \b: the parser gives the CharacterValue
            STEP("1");
            char32_t cv = operand.character_value;
            STEP("2");
            STEP("3");
            A = OneCharacter(cv);
        }
        STEP("2");
        return MaybeSimpleCaseFolding(rer, A);
    }
    case Kind::ClassSetRange: {
        SPEC_ALGORITHM("sec-compiletocharset#25");
        STEP("1");
        CharSet A = OneCharacter(operand.character_value);
        STEP("2");
        CharSet B = OneCharacter(operand.range_end);
        STEP("3");
        return MaybeSimpleCaseFolding(rer, CharacterRange(A, B));
    }
    case Kind::ClassStringDisjunction: {
        SPEC_ALGORITHM("sec-compiletocharset#27");
        STEP("1");
        CharSet A = CompileToCharSet(operand.strings, rer);
        STEP("2");
        return MaybeSimpleCaseFolding(rer, A);
    }
    case Kind::NestedClass: {
        SPEC_ALGORITHM("sec-compiletocharset#28");
        STEP("1");
        const ast::CharacterClass& nested = *operand.nested_class;
        if (!nested.negated) {
            SPEC_ALGORITHM("sec-compiletocharset#29");
            STEP("1");
            return CompileToCharSet(nested, rer);
        }
        {
            SPEC_ALGORITHM("sec-compiletocharset#30");
            STEP("1");
            CharSet A = CompileToCharSet(nested, rer);
            STEP("2");
            return CharacterComplement(rer, A);
        }
    }
    case Kind::CharacterClassEscape: {
        SPEC_ALGORITHM("sec-compiletocharset#31");  // NestedClass :: \ CharacterClassEscape
        STEP("1");
        return CompileToCharSet(operand.class_escape->kind, &operand.class_escape->property, rer);
    }
    }
    SPEC_ASSERT(false);
    return {};
}

// ClassSetExpression :: ClassUnion | ClassIntersection | ClassSubtraction
CharSet CompileToCharSet(const ast::ClassSetExpression& expression, const RegExpRecord& rer)
{
    using Kind = ast::ClassSetExpression::Kind;
    const std::vector<ast::ClassSetOperand>& operands = expression.operands;
    if (operands.empty()) {
        SPEC_ALGORITHM("sec-compiletocharset#1");
        STEP("1");
        return {};
    }
    if (expression.kind == Kind::ClassUnion) {
        // ClassUnion :: ClassSetRange ClassUnion? | ClassSetOperand ClassUnion?, from the right
        CharSet result;
        for (size_t i = operands.size(); i-- > 0;) {
            const bool rest = i + 1 < operands.size();
            if (operands[i].kind == ast::ClassSetOperand::Kind::ClassSetRange) {
                SPEC_ALGORITHM("sec-compiletocharset#19");
                STEP("1");
                CharSet A = CompileToCharSet(operands[i], rer);
                STEP("2");
                if (rest) {
                    STEP("2.a");  // B: result
                    STEP("2.b");
                    result = Union(std::move(A), result);
                } else {
                    STEP("3");
                    result = std::move(A);
                }
            } else {
                SPEC_ALGORITHM("sec-compiletocharset#20");
                STEP("1");
                CharSet A = CompileToCharSet(operands[i], rer);
                STEP("2");
                if (rest) {
                    STEP("2.a");
                    STEP("2.b");
                    result = Union(std::move(A), result);
                } else {
                    STEP("3");
                    result = std::move(A);
                }
            }
        }
        return result;
    }
    CharSet result;
    if (expression.kind == Kind::ClassIntersection) {
        {
            SPEC_ALGORITHM("sec-compiletocharset#21");
            STEP("1");
            CharSet A = CompileToCharSet(operands[0], rer);
            STEP("2");
            CharSet B = CompileToCharSet(operands[1], rer);
            STEP("3");
            result = Intersection(std::move(A), B);
        }
        for (size_t i = 2; i < operands.size(); ++i) {
            SPEC_ALGORITHM("sec-compiletocharset#22");
            STEP("1");  // A: result
            STEP("2");
            CharSet B = CompileToCharSet(operands[i], rer);
            STEP("3");
            result = Intersection(std::move(result), B);
        }
        return result;
    }
    {
        SPEC_ALGORITHM("sec-compiletocharset#23");
        STEP("1");
        CharSet A = CompileToCharSet(operands[0], rer);
        STEP("2");
        CharSet B = CompileToCharSet(operands[1], rer);
        STEP("3");
        result = Difference(std::move(A), B);
    }
    for (size_t i = 2; i < operands.size(); ++i) {
        SPEC_ALGORITHM("sec-compiletocharset#24");
        STEP("1");
        STEP("2");
        CharSet B = CompileToCharSet(operands[i], rer);
        STEP("3");
        result = Difference(std::move(result), B);
    }
    return result;
}

// The ClassContents of a CharacterClass or NestedClass.
CharSet CompileToCharSet(const ast::CharacterClass& classContents, const RegExpRecord& rer)
{
    if (classContents.unicode_sets) return CompileToCharSet(classContents.expression, rer);
    return CompileToCharSet(classContents.ranges, rer);
}

// CompileCharacterClass's Record { [[CharSet]], [[Invert]] }.
struct CharacterClassRecord {
    CharSet CharSet_;
    bool Invert;
};

// §22.2.2.8 Runtime Semantics: CompileCharacterClass ( rer )
CharacterClassRecord CompileCharacterClass(const ast::CharacterClass& characterClass, const RegExpRecord& rer)
{
    if (!characterClass.negated) {
        SPEC_ALGORITHM("sec-compilecharacterclass#1");
        STEP("1");
        CharSet A = CompileToCharSet(characterClass, rer);
        STEP("2");
        return {std::move(A), false};
    }
    SPEC_ALGORITHM("sec-compilecharacterclass#2");
    STEP("1");
    CharSet A = CompileToCharSet(characterClass, rer);
    STEP("2");
    if (rer.UnicodeSets) {
        STEP("2.a");
        return {CharacterComplement(rer, A), false};
    }
    STEP("3");
    return {std::move(A), true};
}

// CompileAtom's matcher for a CharSet that may hold strings (productions 3
// and 9, the steps after "if every CharSetElement … is a single character"):
// the strings longest first, each a MatchSequence of its characters, then
// the single characters, then the empty string, as alternatives.
const Matcher* StringAlternativesMatcher(Compiler& C, const RegExpRecord& rer, const CharSet& cs, Direction direction)
{
    std::vector<const Matcher*> lm;
    std::vector<const std::u32string*> strings;
    for (const std::u32string& s : cs.strings)
        if (s.size() > 1) strings.push_back(&s);
    std::stable_sort(strings.begin(), strings.end(),
                     [](const std::u32string* a, const std::u32string* b) { return a->size() > b->size(); });
    for (const std::u32string* s : strings) {
        const Matcher* m2 = CharacterSetMatcher(C, rer, OneCharacter(s->back()), false, direction);
        for (size_t i = s->size() - 1; i-- > 0;) {
            const Matcher* m1 = CharacterSetMatcher(C, rer, OneCharacter((*s)[i]), false, direction);
            m2 = MatchSequence(C, m1, m2, direction);
        }
        lm.push_back(m2);
    }
    CharSet singles;
    singles.characters = cs.characters;
    lm.push_back(CharacterSetMatcher(C, rer, singles, false, direction));
    if (cs.strings.contains(std::u32string())) lm.push_back(EmptyMatcher(C));
    const Matcher* m2 = lm.back();
    for (size_t i = lm.size() - 1; i-- > 0;) m2 = MatchTwoAlternatives(C, lm[i], m2);
    return m2;
}

const Matcher* CompileSubpattern(Compiler& C, const ast::Disjunction& disjunction, const RegExpRecord& rer,
                                 Direction direction);

// §22.2.2.7 Runtime Semantics: CompileAtom ( rer, direction ), with B.1.2.7
// (ExtendedAtom :: `\` [lookahead = c] and ExtendedPatternCharacter are
// PatternCharacter nodes carrying their character).
const Matcher* CompileAtom(Compiler& C, const ast::Atom& atom, const RegExpRecord& rer, Direction direction)
{
    using Kind = ast::Atom::Kind;
    switch (atom.kind) {
    case Kind::PatternCharacter: {
        SPEC_ALGORITHM("sec-compileatom#1");
        STEP("1");
        char32_t ch = atom.character_value;
        STEP("2");
        CharSet A = OneCharacter(ch);
        STEP("3");
        return CharacterSetMatcher(C, rer, A, false, direction);
    }
    case Kind::Dot: {
        SPEC_ALGORITHM("sec-compileatom#2");
        STEP("1");
        CharSet A = AllCharacters(rer);
        STEP("2");
        if (!rer.DotAll) {
            STEP("2.a");
            A.characters.remove(0x0A).remove(0x0D).remove(0x2028).remove(0x2029);
        }
        STEP("3");
        return CharacterSetMatcher(C, rer, A, false, direction);
    }
    case Kind::CharacterClass: {
        SPEC_ALGORITHM("sec-compileatom#3");
        STEP("1");
        CharacterClassRecord cc = CompileCharacterClass(*atom.character_class, rer);
        STEP("2");
        const CharSet& cs = cc.CharSet_;
        STEP("3");
        if (!rer.UnicodeSets || cs.strings.empty()) return CharacterSetMatcher(C, rer, cs, cc.Invert, direction);
        STEP("4");
        SPEC_ASSERT(!cc.Invert);
        STEP("5-12");
        return StringAlternativesMatcher(C, rer, cs, direction);
    }
    case Kind::CapturingGroup: {
        SPEC_ALGORITHM("sec-compileatom#4");
        const uint64_t parensBefore = C.parens_before++;  // this group's own paren precedes its Disjunction
        STEP("1");
        const Matcher* m = CompileSubpattern(C, *atom.disjunction, rer, direction);
        STEP("2");
        uint64_t parenIndex = parensBefore;
        SPEC_ASSERT(parenIndex + 1 == atom.group_number);
        STEP("3");
        return C.matcher([direction, m, parenIndex](Engine& engine, MatchState x, const MatcherContinuation* c) -> Next {
            STEP("3.a");
            STEP("3.b");
            STEP("3.c");
            const MatcherContinuation* d = engine.continuation(
                {.steps = [](Engine& engine, const MatcherContinuation& d, MatchState y) -> Next {
                     const Direction direction = Direction(d.a);
                     const uint64_t parenIndex = d.b;
                     STEP("3.c.i");
                     STEP("3.c.ii");  // cap: the Engine's captures, changed in place
                     STEP("3.c.iii");
                     STEP("3.c.iv");
                     size_t xe = d.x.EndIndex;
                     STEP("3.c.v");
                     size_t ye = y.EndIndex;
                     CaptureRange r;
                     STEP("3.c.vi");
                     if (direction == Direction::forward) {
                         STEP("3.c.vi.1");
                         SPEC_ASSERT(xe <= ye);
                         STEP("3.c.vi.2");
                         r = CaptureRange{xe, ye};
                     } else {
                         STEP("3.c.vii");
                         STEP("3.c.vii.1");
                         SPEC_ASSERT(direction == Direction::backward);
                         STEP("3.c.vii.2");
                         SPEC_ASSERT(ye <= xe);
                         STEP("3.c.vii.3");
                         r = CaptureRange{ye, xe};
                     }
                     STEP("3.c.viii");
                     engine.set_capture(parenIndex + 1, r);
                     STEP("3.c.ix");
                     MatchState z{ye};
                     STEP("3.c.x");
                     return Engine::call(d.c, z);
                 },
                 .c = c,
                 .x = x,
                 .a = uint64_t(direction),
                 .b = parenIndex});
            STEP("3.d");
            return Engine::call(m, x, d);
        });
    }
    case Kind::NonCapturingGroup: {
        if (atom.remove_modifiers.empty()) {
            SPEC_ALGORITHM("sec-compileatom#5");
            STEP("1");
            STEP("2");
            STEP("3");
            RegExpRecord modifiedRer = UpdateModifiers(rer, atom.add_modifiers, {});
            STEP("4");
            return CompileSubpattern(C, *atom.disjunction, modifiedRer, direction);
        }
        SPEC_ALGORITHM("sec-compileatom#6");
        STEP("1");
        STEP("2");
        STEP("3");
        RegExpRecord modifiedRer = UpdateModifiers(rer, atom.add_modifiers, atom.remove_modifiers);
        STEP("4");
        return CompileSubpattern(C, *atom.disjunction, modifiedRer, direction);
    }
    case Kind::DecimalEscape: {
        SPEC_ALGORITHM("sec-compileatom#7");
        STEP("1");
        uint64_t n = atom.group_number;
        STEP("2");
        SPEC_ASSERT(n <= rer.CapturingGroupsCount);
        STEP("3");
        return BackreferenceMatcher(C, rer, {n}, direction);
    }
    case Kind::CharacterEscape: {
        SPEC_ALGORITHM("sec-compileatom#8");
        STEP("1");
        char32_t cv = atom.character_value;
        STEP("2");
        char32_t ch = cv;
        STEP("3");
        CharSet A = OneCharacter(ch);
        STEP("4");
        return CharacterSetMatcher(C, rer, A, false, direction);
    }
    case Kind::CharacterClassEscape: {
        SPEC_ALGORITHM("sec-compileatom#9");
        STEP("1");
        CharSet cs = CompileToCharSet(atom.class_escape->kind, &atom.class_escape->property, rer);
        STEP("2");
        if (!rer.UnicodeSets || cs.strings.empty()) return CharacterSetMatcher(C, rer, cs, false, direction);
        STEP("3-10");
        return StringAlternativesMatcher(C, rer, cs, direction);
    }
    case Kind::GroupNameBackreference: {
        SPEC_ALGORITHM("sec-compileatom#10");
        STEP("1");  // GroupSpecifiersThatMatch: every group with this name
        const std::vector<std::optional<std::u16string>>& names = C.pattern.group_names;
        STEP("2");
        std::vector<uint64_t> parenIndices;
        STEP("3");
        for (size_t i = 0; i < names.size(); ++i) {
            if (names[i] != atom.group_name) continue;
            STEP("3.a");  // counted before the GroupSpecifier: its own paren included
            uint64_t parenIndex = i + 1;
            STEP("3.b");
            parenIndices.push_back(parenIndex);
        }
        STEP("4");
        return BackreferenceMatcher(C, rer, std::move(parenIndices), direction);
    }
    }
    SPEC_ASSERT(false);
    return nullptr;
}

// Assertion :: (?= Disjunction ), and (?<= Disjunction ) (production 7),
// whose steps are the same with ~backward~.
const Matcher* CompileLookaround(Compiler& C, const ast::Disjunction& disjunction, const RegExpRecord& rer,
                                 Direction direction)
{
    SPEC_ALGORITHM("sec-compileassertion#5");
    STEP("1");
    const Matcher* m = CompileSubpattern(C, disjunction, rer, direction);
    STEP("2");
    return C.matcher([m](Engine& engine, MatchState x, const MatcherContinuation* c) -> Next {
        STEP("2.a");
        STEP("2.b");
        STEP("2.c");
        static constexpr MatcherContinuation d{.steps = [](Engine&, const MatcherContinuation&, MatchState y) -> Next {
            STEP("2.c.i");
            STEP("2.c.ii");
            return Engine::return_state(y);
        }};
        STEP("2.d");  // r = m(x, d); the steps after it run with r
        return engine.call_and_then(m, x, &d,
                                    {.steps = [](Engine&, const ChoicePoint& p, std::optional<MatchState> r) -> Next {
                                         STEP("2.e");
                                         if (!r) return Engine::failure();
                                         STEP("2.f");
                                         STEP("2.g");  // cap: r's captures, which the Engine now has
                                         STEP("2.h");
                                         STEP("2.i");
                                         size_t xe = p.x.EndIndex;
                                         STEP("2.j");
                                         MatchState z{xe};
                                         STEP("2.k");
                                         return Engine::call(p.c, z);
                                     },
                                     .c = c,
                                     .x = x});
    });
}

// Assertion :: (?! Disjunction ), and (?<! Disjunction ) (production 8),
// whose steps are the same with ~backward~.
const Matcher* CompileNegativeLookaround(Compiler& C, const ast::Disjunction& disjunction, const RegExpRecord& rer,
                                         Direction direction)
{
    SPEC_ALGORITHM("sec-compileassertion#6");
    STEP("1");
    const Matcher* m = CompileSubpattern(C, disjunction, rer, direction);
    STEP("2");
    return C.matcher([m](Engine& engine, MatchState x, const MatcherContinuation* c) -> Next {
        STEP("2.a");
        STEP("2.b");
        STEP("2.c");
        static constexpr MatcherContinuation d{.steps = [](Engine&, const MatcherContinuation&, MatchState y) -> Next {
            STEP("2.c.i");
            STEP("2.c.ii");
            return Engine::return_state(y);
        }};
        STEP("2.d");  // r = m(x, d); the steps after it run with r (on failure, x's captures are back)
        return engine.call_and_then(m, x, &d,
                                    {.steps = [](Engine&, const ChoicePoint& p, std::optional<MatchState> r) -> Next {
                                         STEP("2.e");
                                         if (r) return Engine::failure();
                                         STEP("2.f");
                                         return Engine::call(p.c, p.x);
                                     },
                                     .c = c,
                                     .x = x});
    });
}

// §22.2.2.4 Runtime Semantics: CompileAssertion ( rer ), with B.1.2.6
// (QuantifiableAssertion is the look-ahead Assertion nodes).
const Matcher* CompileAssertion(Compiler& C, const ast::Assertion& assertion, const RegExpRecord& rer)
{
    using Kind = ast::Assertion::Kind;
    switch (assertion.kind) {
    case Kind::LineStart: {
        SPEC_ALGORITHM("sec-compileassertion#1");
        STEP("1");
        return C.matcher([rer](Engine& engine, MatchState x, const MatcherContinuation* c) -> Next {
            STEP("1.a");
            STEP("1.b");
            STEP("1.c");
            const InputCharacters& Input = engine.Input();
            STEP("1.d");
            size_t e = x.EndIndex;
            STEP("1.e");
            if (e == 0 || (rer.Multiline && IsLineTerminator(*Input.before(e)))) {
                STEP("1.e.i");
                return Engine::call(c, x);
            }
            STEP("1.f");
            return Engine::failure();
        });
    }
    case Kind::LineEnd: {
        SPEC_ALGORITHM("sec-compileassertion#2");
        STEP("1");
        return C.matcher([rer](Engine& engine, MatchState x, const MatcherContinuation* c) -> Next {
            STEP("1.a");
            STEP("1.b");
            STEP("1.c");
            const InputCharacters& Input = engine.Input();
            STEP("1.d");
            size_t e = x.EndIndex;
            STEP("1.e");
            size_t InputLength = Input.InputLength();
            STEP("1.f");
            if (e == InputLength || (rer.Multiline && IsLineTerminator(*Input.at(e)))) {
                STEP("1.f.i");
                return Engine::call(c, x);
            }
            STEP("1.g");
            return Engine::failure();
        });
    }
    case Kind::WordBoundary: {
        SPEC_ALGORITHM("sec-compileassertion#3");
        STEP("1");
        return C.matcher([rer](Engine& engine, MatchState x, const MatcherContinuation* c) -> Next {
            STEP("1.a");
            STEP("1.b");
            STEP("1.c");
            const InputCharacters& Input = engine.Input();
            STEP("1.d");
            size_t e = x.EndIndex;
            STEP("1.e");
            bool a = IsWordChar(rer, Input, IndexBefore(Input, e));
            STEP("1.f");
            bool b = IsWordChar(rer, Input, ptrdiff_t(e));
            STEP("1.g");
            if (a != b) return Engine::call(c, x);
            STEP("1.h");
            return Engine::failure();
        });
    }
    case Kind::NotWordBoundary: {
        SPEC_ALGORITHM("sec-compileassertion#4");
        STEP("1");
        return C.matcher([rer](Engine& engine, MatchState x, const MatcherContinuation* c) -> Next {
            STEP("1.a");
            STEP("1.b");
            STEP("1.c");
            const InputCharacters& Input = engine.Input();
            STEP("1.d");
            size_t e = x.EndIndex;
            STEP("1.e");
            bool a = IsWordChar(rer, Input, IndexBefore(Input, e));
            STEP("1.f");
            bool b = IsWordChar(rer, Input, ptrdiff_t(e));
            STEP("1.g");
            if (a == b) return Engine::call(c, x);
            STEP("1.h");
            return Engine::failure();
        });
    }
    case Kind::Lookahead:
        return CompileLookaround(C, *assertion.disjunction, rer, Direction::forward);
    case Kind::NegativeLookahead:
        return CompileNegativeLookaround(C, *assertion.disjunction, rer, Direction::forward);
    case Kind::Lookbehind:
        return CompileLookaround(C, *assertion.disjunction, rer, Direction::backward);
    case Kind::NegativeLookbehind:
        return CompileNegativeLookaround(C, *assertion.disjunction, rer, Direction::backward);
    }
    SPEC_ASSERT(false);
    return nullptr;
}

// §22.2.2.5 CompileQuantifier's Record { [[Min]], [[Max]], [[Greedy]] }
struct QuantifierRecord {
    uint64_t Min;
    uint64_t Max;  // kInfinity: +∞
    bool Greedy;
};

// §22.2.2.6 CompileQuantifierPrefix: the parser has the MVs of the
// QuantifierPrefix (`*` is {0,}, `+` is {1,}, `?` is {0,1}).
QuantifierRecord CompileQuantifierPrefix(const ast::Quantifier& quantifier)
{
    return {quantifier.min, quantifier.max ? *quantifier.max : kInfinity, true};
}

// §22.2.2.5 Runtime Semantics: CompileQuantifier ( )
QuantifierRecord CompileQuantifier(const ast::Quantifier& quantifier)
{
    if (quantifier.greedy) {
        SPEC_ALGORITHM("sec-compilequantifier#1");
        STEP("1");
        QuantifierRecord qp = CompileQuantifierPrefix(quantifier);
        STEP("2");
        return {qp.Min, qp.Max, true};
    }
    SPEC_ALGORITHM("sec-compilequantifier#2");
    STEP("1");
    QuantifierRecord qp = CompileQuantifierPrefix(quantifier);
    STEP("2");
    return {qp.Min, qp.Max, false};
}

// RepeatMatcher's result when m is one CharacterSetMatcher and the Atom has
// no capturing groups (parenCount = 0): every iteration reads exactly one
// character, so the empty check (step 2.b) never fails one and step 4 resets
// nothing, and the choice points RepeatMatcher leaves come down to "call c
// with one character fewer" (greedy, steps 10-12) or "with one more"
// (non-greedy, step 9). One choice point that moves a character at a time
// stands for that chain, so `.*` over a long input keeps constant
// backtracking state instead of a choice point and a continuation per character.
Next RepeatCharacterSetMatcher(Engine& engine, const CharacterSetTest& test, uint64_t min, uint64_t max, bool greedy,
                               MatchState x, const MatcherContinuation* c)
{
    const InputCharacters& Input = engine.Input();
    size_t e = x.EndIndex;
    uint64_t count = 0;
    for (const uint64_t first = greedy ? max : min; count < first; ++count) {
        std::optional<InputCharacters::Step> step = Input.step(e, test.direction);
        if (!step || !test.matches(step->ch)) break;
        e = step->f;
    }
    if (count < min) return Engine::failure();
    if (greedy) {
        if (count > min) {
            engine.on_failure({.steps = [](Engine& engine, const ChoicePoint& p, std::optional<MatchState>) -> Next {
                                   const auto& test = *static_cast<const CharacterSetTest*>(p.captured);
                                   const Direction back = test.direction == Direction::forward ? Direction::backward
                                                                                               : Direction::forward;
                                   MatchState y{engine.Input().step(p.x.EndIndex, back)->f};
                                   if (p.a - 1 > p.b) {
                                       ChoicePoint fewer = p;
                                       fewer.x = y;
                                       fewer.a = p.a - 1;
                                       engine.on_failure(fewer);
                                   }
                                   return Engine::call(p.c, y);
                               },
                               .captured = &test,
                               .c = c,
                               .x = MatchState{e},
                               .a = count,
                               .b = min});
        }
        return Engine::call(c, MatchState{e});
    }
    if (count < max) {
        engine.on_failure({.steps = [](Engine& engine, const ChoicePoint& p, std::optional<MatchState>) -> Next {
                               const auto& test = *static_cast<const CharacterSetTest*>(p.captured);
                               std::optional<InputCharacters::Step> step = engine.Input().step(p.x.EndIndex, test.direction);
                               if (!step || !test.matches(step->ch)) return Engine::failure();
                               MatchState y{step->f};
                               if (p.a + 1 < p.b) {
                                   ChoicePoint more = p;
                                   more.x = y;
                                   more.a = p.a + 1;
                                   engine.on_failure(more);
                               }
                               return Engine::call(p.c, y);
                           },
                           .captured = &test,
                           .c = c,
                           .x = MatchState{e},
                           .a = count,
                           .b = max});
    }
    return Engine::call(c, MatchState{e});
}

// §22.2.2.3 CompileSubpattern for Term (productions 4 to 6), with B.1.2.5
// (Term :: QuantifiableAssertion Quantifier is Atom Quantifier with the assertion for the Atom).
const Matcher* CompileTerm(Compiler& C, const ast::Term& term, const RegExpRecord& rer, Direction direction)
{
    const ast::Assertion* assertion = std::get_if<ast::Assertion>(&term.body);
    if (!term.quantifier) {
        if (assertion) {
            SPEC_ALGORITHM("sec-compilesubpattern#4");
            STEP("1");
            return CompileAssertion(C, *assertion, rer);
        }
        SPEC_ALGORITHM("sec-compilesubpattern#5");
        STEP("1");
        return CompileAtom(C, std::get<ast::Atom>(term.body), rer, direction);
    }
    SPEC_ALGORITHM("sec-compilesubpattern#6");
    const uint64_t parensBeforeTerm = C.parens_before;
    STEP("1");
    const Matcher* m = assertion ? CompileAssertion(C, *assertion, rer)
                                 : CompileAtom(C, std::get<ast::Atom>(term.body), rer, direction);
    STEP("2");
    QuantifierRecord q = CompileQuantifier(*term.quantifier);
    STEP("3");
    SPEC_ASSERT(q.Min <= q.Max);
    STEP("4");
    uint64_t parenIndex = parensBeforeTerm;
    STEP("5");
    uint64_t parenCount = C.parens_before - parensBeforeTerm;
    STEP("6");
    // The closure object lives as long as the RegExpMatcher and does not
    // move, so RepeatMatcher's continuations may point at its captures.
    auto characterSet = C.character_set_matchers.find(m);
    const CharacterSetTest* single =
        parenCount == 0 && characterSet != C.character_set_matchers.end() ? characterSet->second : nullptr;
    return C.matcher([r = RepeatCaptures{m, q.Greedy, parenIndex, parenCount}, q, single](
                         Engine& engine, MatchState x, const MatcherContinuation* c) -> Next {
        STEP("6.a");
        STEP("6.b");
        STEP("6.c");
        if (single) return RepeatCharacterSetMatcher(engine, *single, q.Min, q.Max, q.Greedy, x, c);
        return RepeatMatcher(engine, r, q.Min, q.Max, x, c);
    });
}

// §22.2.2.3 CompileSubpattern for Alternative (productions 2 and 3): the
// left-recursive Alternative :: Alternative Term, over the parser's list of Terms.
const Matcher* CompileSubpattern(Compiler& C, const ast::Alternative& alternative, const RegExpRecord& rer,
                                 Direction direction)
{
    const Matcher* m;
    {
        SPEC_ALGORITHM("sec-compilesubpattern#2");
        STEP("1");
        m = EmptyMatcher(C);
    }
    for (const ast::Term& term : alternative.terms) {
        SPEC_ALGORITHM("sec-compilesubpattern#3");
        STEP("1");  // m1: m, the Alternative before this Term
        STEP("2");
        const Matcher* m2 = CompileTerm(C, term, rer, direction);
        STEP("3");
        m = MatchSequence(C, m, m2, direction);
    }
    return m;
}

// §22.2.2.3 CompileSubpattern for Disjunction :: Alternative | Disjunction
// (production 1), over the parser's list of Alternatives: compiled left to
// right (CountLeftCapturingParensBefore counts from the left), combined from
// the right.
const Matcher* CompileSubpattern(Compiler& C, const ast::Disjunction& disjunction, const RegExpRecord& rer,
                                 Direction direction)
{
    std::vector<const Matcher*> alternatives;
    for (const ast::Alternative& alternative : disjunction.alternatives)
        alternatives.push_back(CompileSubpattern(C, alternative, rer, direction));
    const Matcher* m = alternatives.back();
    for (size_t i = alternatives.size() - 1; i-- > 0;) {
        SPEC_ALGORITHM("sec-compilesubpattern#1");
        STEP("1");
        const Matcher* m1 = alternatives[i];
        STEP("2");
        const Matcher* m2 = m;
        STEP("3");
        m = MatchTwoAlternatives(C, m1, m2);
    }
    return m;
}

}  // namespace

// §22.2.2.7.3 Canonicalize ( rer, ch )
char32_t Canonicalize(const RegExpRecord& rer, char32_t ch)
{
    SPEC_ALGORITHM("sec-runtime-semantics-canonicalize-ch");
    STEP("1");
    if (HasEitherUnicodeFlag(rer) && rer.IgnoreCase) {
        STEP("1.a");
        STEP("1.b");
        return scf(ch);
    }
    STEP("2");
    if (!rer.IgnoreCase) return ch;
    STEP("3");
    SPEC_ASSERT(ch <= 0xFFFF);
    STEP("4-10");  // CanonicalizeCodeUnit, tabulated once for every code unit
    return NonUnicodeCanonicalizeTable()[ch];
}

bool CharacterSetTest::matches(char32_t ch) const
{
    char32_t cc = Canonicalize(rer, ch);
    bool found = canonicalA.contains(UChar32(cc));
    return invert ? !found : found;
}

std::optional<MatchState> RegExpMatcher::operator()(Engine& engine, size_t index, Engine::Outcome& outcome) const
{
    return closure(engine, index, outcome);
}

// §22.2.2.2 Runtime Semantics: CompilePattern ( rer )
std::shared_ptr<const RegExpMatcher> CompilePattern(const ast::Pattern& pattern, const RegExpRecord& rer)
{
    SPEC_ALGORITHM("sec-compilepattern");
    auto program = std::make_shared<RegExpMatcher>();
    program->rer = rer;
    program->group_names = pattern.group_names;
    Compiler C{*program, pattern, 0, {}};
    STEP("1");
    const Matcher* m = CompileSubpattern(C, pattern.disjunction, rer, Direction::forward);
    STEP("2");
    program->closure = [m](Engine& engine, size_t index, Engine::Outcome& outcome) -> std::optional<MatchState> {
        STEP("2.a");
        STEP("2.b");
        SPEC_ASSERT(index <= engine.Input().InputLength());
        STEP("2.c");
        static constexpr MatcherContinuation c{.steps = [](Engine&, const MatcherContinuation&, MatchState y) -> Next {
            STEP("2.c.i");
            STEP("2.c.ii");
            return Engine::return_state(y);
        }};
        STEP("2.d");
        engine.reset_captures();
        STEP("2.e");
        MatchState x{index};
        STEP("2.f");
        outcome = engine.run(m, x, &c);
        if (outcome != Engine::Outcome::success) return std::nullopt;
        return engine.result();
    };
    return program;
}

}  // namespace lockstep::regexp
