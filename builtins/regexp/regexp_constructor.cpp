// ECMA-262 §22.2.3 Abstract Operations for RegExp Creation, §22.2.4 The
// RegExp Constructor and §22.2.5 Properties of the RegExp Constructor.
// https://tc39.es/ecma262/#sec-abstract-operations-for-regexp-creation
#include <span>
#include <optional>
#include <string>
#include <unordered_map>

#include <unicode/uchar.h>

#include "abstract_ops/object_operations.h"
#include "abstract_ops/source_text.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "builtins/builtin_helpers.h"
#include "builtins/regexp/pattern_semantics.h"
#include "builtins/regexp/regexp.h"
#include "runtime/error.h"
#include "runtime/number.h"
#include "runtime/ordinary_object.h"
#include "runtime/realm.h"
#include "runtime/string.h"
#include "syntax/regexp/pattern_parser.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

// §22.2.4.1 RegExp ( pattern, flags )
ThrowCompletionOr<Value> RegExp_(Agent& agent, BuiltinFunction&, Value, Arguments args, Object* NewTarget)
{
    SPEC_ALGORITHM("sec-regexp-pattern-flags");
    Value pattern = argument(args, 0);
    Value flags = argument(args, 1);
    STEP("1");
    bool patternIsRegExp = TRY(IsRegExp(agent, pattern));
    Object* newTarget;
    STEP("2");
    if (!NewTarget) {
        STEP("2.a");
        newTarget = agent.active_function_object();
        STEP("2.b");
        if (patternIsRegExp && flags.is_undefined()) {
            STEP("2.b.i");
            Value patternConstructor = TRY(Get(agent, *pattern.as_object(), agent.names.constructor));
            STEP("2.b.ii");
            if (SameValue(newTarget, patternConstructor)) return pattern;
        }
    } else {
        STEP("3");
        STEP("3.a");
        newTarget = NewTarget;
    }
    Value P, F;
    STEP("4");
    if (auto* regexp = pattern.is_object() ? dynamic_cast<RegExpObject*>(pattern.as_object()) : nullptr) {
        STEP("4.a");
        P = regexp->OriginalSource;
        STEP("4.b");
        STEP("4.c");
        F = flags.is_undefined() ? Value(regexp->OriginalFlags) : flags;
    } else if (patternIsRegExp) {
        STEP("5");
        STEP("5.a");
        P = TRY(Get(agent, *pattern.as_object(), agent.key("source")));
        STEP("5.b");
        if (flags.is_undefined()) {
            STEP("5.b.i");
            F = TRY(Get(agent, *pattern.as_object(), agent.key("flags")));
        } else {
            STEP("5.c");
            STEP("5.c.i");
            F = flags;
        }
    } else {
        STEP("6");
        STEP("6.a");
        P = pattern;
        STEP("6.b");
        F = flags;
    }
    STEP("7");
    RegExpObject* O = TRY(RegExpAlloc(agent, *newTarget));
    STEP("8");
    return Value(TRY(RegExpInitialize(agent, *O, P, F)));
}

bool IsSyntaxCharacter(char32_t cp) { return cp < 128 && std::u16string_view(u"^$\\.*+?()[]{}|").find(char16_t(cp)) != std::u16string_view::npos; }

bool IsWhiteSpaceOrLineTerminator(char32_t cp)
{
    return cp == 0x09 || cp == 0x0B || cp == 0x0C || cp == 0xFEFF || u_charType(UChar32(cp)) == U_SPACE_SEPARATOR ||
           cp == 0x0A || cp == 0x0D || cp == 0x2028 || cp == 0x2029;
}

// "\x" followed by two lower-case hexadecimal digits (Number::toString(𝔽(n), 16), padded).
std::u16string HexEscape(char32_t n)
{
    std::u16string hex = Number::toString(double(n), 16);
    if (hex.size() < 2) hex.insert(0, 2 - hex.size(), u'0');
    return u"\\x" + hex;
}

// §22.2.5.1.1 EncodeForRegExpEscape ( cp )
std::u16string EncodeForRegExpEscape(char32_t cp)
{
    SPEC_ALGORITHM("sec-encodeforregexpescape");
    STEP("1");
    if (IsSyntaxCharacter(cp) || cp == u'/') {
        STEP("1.a");
        return u"\\" + UTF16EncodeCodePoint(cp);
    }
    STEP("2");  // table-controlescape-code-point-values
    static constexpr struct {
        char32_t codePoint;
        char16_t controlEscape;
    } kControlEscapes[] = {{0x09, u't'}, {0x0A, u'n'}, {0x0B, u'v'}, {0x0C, u'f'}, {0x0D, u'r'}};
    for (const auto& row : kControlEscapes) {
        if (row.codePoint == cp) {
            STEP("2.a");
            return std::u16string{u'\\', row.controlEscape};
        }
    }
    STEP("3");
    std::u16string otherPunctuators = u",-=<>#&!%:;@~'`\"";
    STEP("4");
    const std::u16string& toEscape = otherPunctuators;  // all in the BMP: its code units are its code points
    STEP("5");
    if ((cp < 0x10000 && toEscape.find(char16_t(cp)) != std::u16string::npos) || IsWhiteSpaceOrLineTerminator(cp) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
        STEP("5.a");
        char32_t cpNum = cp;
        STEP("5.b");
        if (cpNum <= 0xFF) {
            STEP("5.b.i");
            STEP("5.b.ii");
            return HexEscape(cpNum);
        }
        STEP("5.c");
        std::u16string escaped;
        STEP("5.d");
        std::u16string codeUnits = UTF16EncodeCodePoint(cp);
        STEP("5.e");
        for (char16_t cu : codeUnits) {
            STEP("5.e.i");  // UnicodeEscape(cu): "\u" and four lower-case hexadecimal digits
            std::u16string hex = Number::toString(double(cu), 16);
            escaped += u"\\u" + std::u16string(4 - hex.size(), u'0') + hex;
        }
        STEP("5.f");
        return escaped;
    }
    STEP("6");
    return UTF16EncodeCodePoint(cp);
}

// §22.2.5.1 RegExp.escape ( S )
ThrowCompletionOr<Value> RegExp_escape(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-regexp.escape");
    Value S = argument(args, 0);
    STEP("1");
    if (!S.is_string()) return throw_type_error(agent, "RegExp.escape: the argument is not a String");
    STEP("2");
    std::u16string escaped;
    STEP("3");
    std::vector<char32_t> cpList = StringToCodePoints(S.as_string()->view());
    STEP("4");
    for (char32_t cp : cpList) {
        STEP("4.a");
        bool digitOrLetter = (cp >= u'0' && cp <= u'9') || (cp >= u'a' && cp <= u'z') || (cp >= u'A' && cp <= u'Z');
        if (escaped.empty() && digitOrLetter) {
            STEP("4.a.i");
            STEP("4.a.ii");
            STEP("4.a.iii");
            STEP("4.a.iv");
            STEP("4.a.v");
            escaped = HexEscape(cp);
        } else {
            STEP("4.b");
            STEP("4.b.i");
            escaped += EncodeForRegExpEscape(cp);
        }
    }
    STEP("5");
    return Value(make_string(agent.heap, std::move(escaped)));
}

// §22.2.5.3 get RegExp [ %Symbol.species% ]
ThrowCompletionOr<Value> get_RegExp_species(Agent&, BuiltinFunction&, Value thisValue, Arguments, Object*)
{
    SPEC_ALGORITHM("sec-get-regexp-%symbol.species%");
    STEP("1");
    return thisValue;
}

}  // namespace

ThrowCompletionOr<Object*> RegExpCreate(Agent& agent, Value P, Value F)
{
    SPEC_ALGORITHM("sec-regexpcreate");
    STEP("1");
    RegExpObject* obj = MUST(RegExpAlloc(agent, *agent.current_realm()->intrinsic(Intrinsic::RegExp)));
    STEP("2");
    return TRY(RegExpInitialize(agent, *obj, P, F));
}

ThrowCompletionOr<RegExpObject*> RegExpAlloc(Agent& agent, Object& newTarget)
{
    SPEC_ALGORITHM("sec-regexpalloc");
    STEP("1");
    RegExpObject* obj = TRY(OrdinaryCreateFromConstructor<RegExpObject>(agent, newTarget, Intrinsic::RegExpPrototype));
    STEP("2");
    MUST(DefinePropertyOrThrow(agent, *obj, agent.key("lastIndex"),
                               PropertyDescriptor{.writable = true, .enumerable = false, .configurable = false}));
    STEP("3");
    return obj;
}

ThrowCompletionOr<RegExpObject*> RegExpInitialize(Agent& agent, RegExpObject& obj, Value pattern, Value flags)
{
    SPEC_ALGORITHM("sec-regexpinitialize");
    String* P;
    STEP("1");
    if (pattern.is_undefined()) {
        P = agent.heap.intern_ascii("");
    } else {
        STEP("2");
        P = TRY(ToString(agent, pattern));
    }
    String* F;
    STEP("3");
    if (flags.is_undefined()) {
        F = agent.heap.intern_ascii("");
    } else {
        STEP("4");
        F = TRY(ToString(agent, flags));
    }
    STEP("5");
    std::u16string_view allowed = u"dgimsuvy";
    for (size_t i = 0; i < F->length(); ++i) {
        char16_t cu = (*F)[i];
        if (allowed.find(cu) == std::u16string_view::npos || F->view().find(cu, i + 1) != std::u16string_view::npos)
            return throw_error(agent, ErrorType::SyntaxError,
                               "Invalid regular expression flags '" + F->to_utf8() + "'");
    }
    auto has = [&](char16_t flag) { return F->view().find(flag) != std::u16string_view::npos; };
    STEP("6");
    bool i = has(u'i');
    STEP("7");
    bool m = has(u'm');
    STEP("8");
    bool s = has(u's');
    STEP("9");
    bool u = has(u'u');
    STEP("10");
    bool v = has(u'v');
    STEP("11");
    STEP("11.a");  // patternText: P's code points with u or v …
    STEP("12");
    STEP("12.a");  // … else its code units; ParsePattern reads P as the flags say
    // The [[RegExpMatcher]] closure has no state, so the closure of an equal
    // pattern with equal flags is reused (a regular expression literal in a
    // loop is parsed and compiled once): steps 13 to 21 give the same result.
    thread_local std::unordered_map<std::u16string, std::shared_ptr<const regexp::RegExpMatcher>> compiled;
    std::u16string key = F->units() + u'/' + P->units();
    auto cached = compiled.find(key);
    STEP("13");
    std::optional<syntax::regexp::ParsePatternResult> parseResult;
    if (cached == compiled.end()) parseResult = syntax::regexp::ParsePattern(P->view(), u, v);
    STEP("14");
    if (parseResult) {
        if (auto* error = std::get_if<syntax::regexp::PatternSyntaxError>(&*parseResult))
            return throw_error(agent, ErrorType::SyntaxError,
                               "Invalid regular expression: /" + P->to_utf8() + "/" + F->to_utf8() + ": " +
                                   error->message + " (at offset " + std::to_string(error->offset) + ")");
    }
    STEP("15");
    STEP("16");
    obj.OriginalSource = P;
    STEP("17");
    obj.OriginalFlags = F;
    const syntax::regexp::Pattern* parsed = parseResult ? &std::get<syntax::regexp::Pattern>(*parseResult) : nullptr;
    STEP("18");
    uint64_t capturingGroupsCount =
        parsed ? parsed->capturing_groups_count : cached->second->rer.CapturingGroupsCount;
    STEP("19");
    regexp::RegExpRecord rer{.IgnoreCase = i,
                             .Multiline = m,
                             .DotAll = s,
                             .Unicode = u,
                             .UnicodeSets = v,
                             .CapturingGroupsCount = capturingGroupsCount};
    STEP("20");  // [[RegExpRecord]] is the matcher's rer
    STEP("21");
    if (!parsed) {
        obj.RegExpMatcher = cached->second;
    } else {
        obj.RegExpMatcher = regexp::CompilePattern(*parsed, rer);
        if (compiled.size() >= 4096) compiled.clear();
        compiled.emplace(std::move(key), obj.RegExpMatcher);
    }
    STEP("22");
    TRY(Set(agent, obj, agent.key("lastIndex"), Value::number(0), true));
    STEP("23");
    return &obj;
}

void CreateRegExpIntrinsics(Agent& agent, Realm& realm)
{
    // §22.2.6: %RegExp.prototype% is an ordinary object (not a RegExp instance).
    Object* prototype = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::ObjectPrototype));
    BuiltinFunction* constructor = CreateBuiltinFunction(agent, RegExp_, 2, agent.key("RegExp"),
                                                         {.realm = &realm, .isConstructor = true});
    link_constructor_and_prototype(agent, *constructor, *prototype);
    define_builtin_function(agent, realm, *constructor, "escape", RegExp_escape, 1);
    define_builtin_getter(agent, realm, *constructor, agent.well_known_symbol(WellKnownSymbol::species),
                          get_RegExp_species);
    realm.set_intrinsic(Intrinsic::RegExp, constructor);
    realm.set_intrinsic(Intrinsic::RegExpPrototype, prototype);
    DefineRegExpPrototypeProperties(agent, realm, *prototype);
    realm.set_intrinsic(Intrinsic::RegExpStringIteratorPrototype, CreateRegExpStringIteratorPrototype(agent, realm));
}

}  // namespace lockstep
