// §10.4.3 String exotic objects, §22.1 %String%, §B.2.2.
#include <array>

#include "runtime/string_object.h"

#include "builtin_call_fixture.h"

namespace lockstep::testing {
namespace {

class StringTest : public BuiltinCallTest {
protected:
    Value u16(std::u16string units) { return make_string(agent.heap, std::move(units)); }
    std::u16string units(Value v) { return v.as_string()->units(); }
    Value string_ctor() { return intrinsic(Intrinsic::String); }
};

TEST_F(StringTest, ExoticObjectExposesCodeUnitsAsReadOnlyIndices)
{
    StringObject* s = StringCreate(agent, make_string_from_ascii(agent.heap, "ab"),
                                   intrinsic(Intrinsic::StringPrototype));
    auto d = *MUST(s->GetOwnProperty(agent, PropertyKey::from_array_index(1)));
    EXPECT_EQ(to_std(*d.value), "b");
    EXPECT_FALSE(*d.writable);
    EXPECT_TRUE(*d.enumerable);
    EXPECT_FALSE(MUST(s->GetOwnProperty(agent, PropertyKey::from_array_index(2))).has_value());
    EXPECT_FALSE(MUST(s->GetOwnProperty(agent, key("-0"))).has_value());
    // Redefining an index with its own value is allowed, anything else is not.
    EXPECT_TRUE(MUST(s->DefineOwnProperty(agent, PropertyKey::from_array_index(0), PropertyDescriptor{.value = str("a")})));
    EXPECT_FALSE(MUST(s->DefineOwnProperty(agent, PropertyKey::from_array_index(0), PropertyDescriptor{.value = str("z")})));
    MUST(CreateDataPropertyOrThrow(agent, *s, PropertyKey::from_array_index(5), num(5)));
    MUST(CreateDataPropertyOrThrow(agent, *s, key("x"), num(1)));
    std::vector<std::string> keys;
    for (PropertyKey k : MUST(s->OwnPropertyKeys(agent))) keys.push_back(to_std(k.to_value(agent.heap)));
    EXPECT_EQ(keys, (std::vector<std::string>{"0", "1", "5", "length", "x"}));
}

TEST_F(StringTest, ConstructorAndStaticMethods)
{
    Value wrapper = MUST(Construct(agent, *string_ctor().as_object(), std::span<const Value>()));
    EXPECT_EQ(get(wrapper, "length").as_number(), 0);
    EXPECT_EQ(to_std(invoke(string_ctor(), "fromCharCode", {num(65), num(65536 + 66)})), "AB");
    EXPECT_EQ(units(invoke(string_ctor(), "fromCodePoint", {num(0x1F600)})), u"\U0001F600");
    EXPECT_TRUE(threw(try_invoke(string_ctor(), "fromCodePoint", {num(1.5)}), Intrinsic::RangeErrorPrototype));
    Object* tmpl = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *tmpl, key("raw"), array({str("a"), str("b"), str("c")})));
    EXPECT_EQ(to_std(invoke(string_ctor(), "raw", {tmpl, num(1)})), "a1bc");
}

TEST_F(StringTest, SearchingAndSlicing)
{
    Value s = str("hello world");
    EXPECT_EQ(invoke(s, "indexOf", {str("o")}).as_number(), 4);
    EXPECT_EQ(invoke(s, "lastIndexOf", {str("o")}).as_number(), 7);
    EXPECT_EQ(invoke(s, "lastIndexOf", {str("o"), num(5)}).as_number(), 4);
    EXPECT_EQ(invoke(s, "lastIndexOf", {str("much longer than s")}).as_number(), -1);
    EXPECT_TRUE(invoke(s, "includes", {str("lo w")}).as_bool());
    EXPECT_TRUE(invoke(s, "startsWith", {str("world"), num(6)}).as_bool());
    EXPECT_TRUE(invoke(s, "endsWith", {str("hello"), num(5)}).as_bool());
    EXPECT_EQ(to_std(invoke(s, "slice", {num(-5)})), "world");
    EXPECT_EQ(to_std(invoke(s, "substring", {num(5), num(0)})), "hello");
    EXPECT_EQ(to_std(invoke(s, "substr", {num(-5), num(3)})), "wor");
    EXPECT_EQ(to_std(invoke(s, "at", {num(-1)})), "d");
    EXPECT_EQ(invoke(s, "charCodeAt", {num(0)}).as_number(), 104);
    EXPECT_TRUE(std::isnan(invoke(s, "charCodeAt", {num(99)}).as_number()));
    // An object with Symbol.match set is treated as a RegExp.
    Object* regexpLike = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *regexpLike, agent.well_known_symbol(WellKnownSymbol::match),
                                   Value::boolean(true)));
    EXPECT_TRUE(threw(try_invoke(s, "startsWith", {regexpLike}), Intrinsic::TypeErrorPrototype));
    EXPECT_TRUE(threw(Call(agent, get(intrinsic(Intrinsic::StringPrototype), "trim"), Value::undefined()),
                      Intrinsic::TypeErrorPrototype));
}

TEST_F(StringTest, CodePointsAndWellFormedness)
{
    Value s = u16(u"a\U0001F600\xD800");
    EXPECT_EQ(invoke(s, "codePointAt", {num(1)}).as_number(), 0x1F600);
    EXPECT_EQ(invoke(s, "codePointAt", {num(2)}).as_number(), 0xDE00);
    EXPECT_FALSE(invoke(s, "isWellFormed").as_bool());
    EXPECT_EQ(units(invoke(s, "toWellFormed")), u"a\U0001F600\xFFFD");
    // The iterator yields code points, lone surrogates alone.
    Value iterFn = get(intrinsic(Intrinsic::StringPrototype), agent.well_known_symbol(WellKnownSymbol::iterator));
    Value iter = MUST(Call(agent, iterFn, s));
    EXPECT_EQ(units(get(invoke(iter, "next"), "value")), u"a");
    EXPECT_EQ(units(get(invoke(iter, "next"), "value")), u"\U0001F600");
    EXPECT_EQ(units(get(invoke(iter, "next"), "value")), u"\xD800");
    EXPECT_TRUE(get(invoke(iter, "next"), "done").as_bool());
}

TEST_F(StringTest, CaseMappingIsFullAndLocaleIndependent)
{
    EXPECT_EQ(units(invoke(u16(u"\u00DF"), "toUpperCase")), u"SS");  // ß → SS (full mapping)
    EXPECT_EQ(units(invoke(u16(u"\u0130"), "toLowerCase")), u"i\u0307");  // İ → i̇ (not Turkish)
    EXPECT_EQ(units(invoke(u16(u"\u039F\u03A3"), "toLowerCase")), u"\u03BF\u03C2");  // final sigma
    EXPECT_EQ(units(invoke(u16(u"\u03A3"), "toLowerCase")), u"\u03C3");  // a lone sigma is not final
    EXPECT_EQ(units(invoke(u16(u"\xD800"), "toUpperCase")), u"\xD800");
}

TEST_F(StringTest, NormalizeAndLocaleCompare)
{
    Value decomposed = u16(u"o\u0308");
    EXPECT_EQ(units(invoke(decomposed, "normalize")), u"\u00F6");
    EXPECT_EQ(units(invoke(u16(u"\u00F6"), "normalize", {str("NFD")})), u"o\u0308");
    EXPECT_EQ(units(invoke(u16(u"\uFB01"), "normalize", {str("NFKC")})), u"fi");
    EXPECT_TRUE(threw(try_invoke(decomposed, "normalize", {str("nfc")}), Intrinsic::RangeErrorPrototype));
    EXPECT_EQ(invoke(decomposed, "localeCompare", {u16(u"\u00F6")}).as_number(), 0);
    EXPECT_EQ(invoke(str("a"), "localeCompare", {str("b")}).as_number(), -1);
}

TEST_F(StringTest, PadRepeatTrim)
{
    EXPECT_EQ(to_std(invoke(str("5"), "padStart", {num(3), str("0")})), "005");
    EXPECT_EQ(to_std(invoke(str("ab"), "padEnd", {num(7), str("xyz")})), "abxyzxy");
    EXPECT_EQ(to_std(invoke(str("ab"), "padEnd", {num(7), str("")})), "ab");
    EXPECT_EQ(to_std(invoke(str("ab"), "repeat", {num(3)})), "ababab");
    EXPECT_TRUE(threw(try_invoke(str("ab"), "repeat", {num(-1)}), Intrinsic::RangeErrorPrototype));
    EXPECT_TRUE(threw(try_invoke(str("ab"), "repeat", {num(1e10)}), Intrinsic::RangeErrorPrototype));
    EXPECT_EQ(to_std(invoke(str(""), "repeat", {num(1e10)})), "");
    // U+FEFF and U+2028 are white space for trim; U+180E is not (Unicode 6.3+).
    EXPECT_EQ(units(invoke(u16(u"\uFEFF\u2028 x\t\u180E"), "trim")), u"x\t\u180E");
    EXPECT_EQ(units(invoke(u16(u"  x  "), "trimStart")), u"x  ");
    EXPECT_TRUE(SameValue(get(intrinsic(Intrinsic::StringPrototype), "trimLeft"),
                          get(intrinsic(Intrinsic::StringPrototype), "trimStart")));
}

TEST_F(StringTest, ReplaceWithStringPatternsAndSubstitutions)
{
    Value s = str("aXbXc");
    EXPECT_EQ(to_std(invoke(s, "replace", {str("X"), str("[$&|$`|$'|$$|$1]")})), "a[X|a|bXc|$|$1]bXc");
    EXPECT_EQ(to_std(invoke(s, "replaceAll", {str("X"), str("-")})), "a-b-c");
    EXPECT_EQ(to_std(invoke(str("abc"), "replaceAll", {str(""), str("_")})), "_a_b_c_");
    Value upper = function([](Agent& ag, BuiltinFunction&, Value, std::span<const Value> args, Object*)
                               -> ThrowCompletionOr<Value> {
        // (match, position, string)
        return Value(make_string_from_ascii(ag.heap, std::to_string(int(args[1].as_number()))));
    });
    EXPECT_EQ(to_std(invoke(s, "replaceAll", {str("X"), upper})), "a1b3c");
    // A searchValue with @@replace is called instead.
    Object* custom = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *custom, agent.well_known_symbol(WellKnownSymbol::replace),
                                   function([](Agent& ag, BuiltinFunction&, Value, std::span<const Value>, Object*)
                                                -> ThrowCompletionOr<Value> {
                                       return Value(make_string_from_ascii(ag.heap, "custom"));
                                   })));
    EXPECT_EQ(to_std(invoke(s, "replace", {custom, str("")})), "custom");
    // replaceAll with a non-global RegExp-like throws.
    Object* nonGlobal = new_object();
    MUST(CreateDataPropertyOrThrow(agent, *nonGlobal, agent.well_known_symbol(WellKnownSymbol::match),
                                   Value::boolean(true)));
    MUST(CreateDataPropertyOrThrow(agent, *nonGlobal, key("flags"), str("i")));
    EXPECT_TRUE(threw(try_invoke(s, "replaceAll", {nonGlobal, str("")}), Intrinsic::TypeErrorPrototype));
}

TEST_F(StringTest, SplitWithStringSeparator)
{
    EXPECT_EQ(elements(invoke(str("a,b,,c"), "split", {str(",")})), "a,b,,c");
    EXPECT_EQ(get(invoke(str("a,b,,c"), "split", {str(",")}), "length").as_number(), 4);
    EXPECT_EQ(get(invoke(str("a,b,c"), "split", {str(","), num(2)}), "length").as_number(), 2);
    EXPECT_EQ(get(invoke(str("abc"), "split", {str("")}), "length").as_number(), 3);
    EXPECT_EQ(get(invoke(str(""), "split", {str(",")}), "length").as_number(), 1);
    EXPECT_EQ(get(invoke(str(""), "split", {str("")}), "length").as_number(), 0);
    EXPECT_EQ(get(invoke(str("abc"), "split"), "length").as_number(), 1);
}

TEST_F(StringTest, HTMLMethods)
{
    EXPECT_EQ(to_std(invoke(str("x"), "anchor", {str("a\"b")})), "<a name=\"a&quot;b\">x</a>");
    EXPECT_EQ(to_std(invoke(str("x"), "bold")), "<b>x</b>");
    Value link = get(intrinsic(Intrinsic::StringPrototype), "link");
    EXPECT_EQ(get(link, "length").as_number(), 1);
    EXPECT_EQ(get(get(intrinsic(Intrinsic::StringPrototype), "sup"), "length").as_number(), 0);
}

TEST_F(StringTest, ThisStringValue)
{
    Value wrapper = MUST(Construct(agent, *string_ctor().as_object(), std::span<const Value>(std::array{str("w")})));
    EXPECT_EQ(to_std(invoke(wrapper, "valueOf")), "w");
    Value toString = get(intrinsic(Intrinsic::StringPrototype), "toString");
    EXPECT_TRUE(threw(Call(agent, toString, new_object()), Intrinsic::TypeErrorPrototype));
}

}  // namespace
}  // namespace lockstep::testing
