// ECMA-262 §25.5 The JSON Object.
#include "builtins/json.h"

#include <cmath>
#include <unordered_set>

#include "abstract_ops/object_operations.h"
#include "abstract_ops/source_text.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "builtins/builtin_helpers.h"
#include "builtins/primitive_objects.h"
#include "runtime/array_object.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"
#include "runtime/string.h"
#include "runtime/string_object.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

// A JSON text (ECMA-404) read straight into the values that evaluating it as
// the Script "(" text ");" would produce (ParseJSON steps 2-9): objects from
// %Object.prototype% with their members defined in order by
// CreateDataProperty (a repeated name keeps its last value; "__proto__" is
// an ordinary member), arrays by ArrayCreate, numbers by StringToNumber of
// their digits. Nesting is tracked on an explicit stack, so the depth of the
// input is bounded by memory, not by the native stack.
class JSONParser {
public:
    JSONParser(Agent& agent, std::u16string_view text) : agent_(agent), text_(text) {}

    ThrowCompletionOr<Value> parse()
    {
        // Each open container, with the member name waiting for its value;
        // the containers and names are in rooted Lists (a name is an interned
        // String that nothing else may hold yet).
        struct Open {
            bool isArray;
            uint32_t length;  // elements so far (arrays)
        };
        std::vector<Open> open;
        List<Value> containers;
        List<PropertyKey> names;
        Value result;
        skip_whitespace();
        for (;;) {
            // A value begins here.
            Value value;
            bool opened = false;
            if (at_end()) return error("unexpected end of JSON input");
            char16_t c = text_[pos_];
            if (c == u'{' || c == u'[') {
                ++pos_;
                Object* container;
                bool isArray = c == u'[';
                if (isArray) container = MUST(ArrayCreate(agent_, 0));
                else container = OrdinaryObjectCreate(agent_, agent_.current_realm()->intrinsic(Intrinsic::ObjectPrototype));
                containers.append(container);
                names.append(agent_.names.length);
                open.push_back({isArray, 0});
                skip_whitespace();
                char16_t close = isArray ? u']' : u'}';
                if (!at_end() && text_[pos_] == close) {
                    ++pos_;
                    open.pop_back();
                    containers.items().pop_back();
                    names.items().pop_back();
                    value = container;
                } else {
                    opened = true;
                    if (!isArray) TRY(member_name(names.items().back()));
                }
            } else {
                value = TRY(primitive());
            }
            if (opened) continue;
            // `value` is complete: store it in its container, then close every
            // container that ends here.
            for (;;) {
                if (open.empty()) {
                    result = value;
                    skip_whitespace();
                    if (!at_end()) return error("unexpected text after the JSON value");
                    return result;
                }
                Open& top = open.back();
                Object& container = *containers.items().back().as_object();
                PropertyKey key = top.isArray ? PropertyKey::from_array_index(top.length++) : names.items().back();
                MUST(CreateDataProperty(agent_, container, key, value));
                skip_whitespace();
                if (at_end()) return error("unexpected end of JSON input");
                char16_t next = text_[pos_++];
                if (next == u',') {
                    skip_whitespace();
                    if (!top.isArray) TRY(member_name(names.items().back()));
                    break;  // the next element or member value follows
                }
                if (next != (top.isArray ? u']' : u'}')) return error("expected ',' or the end of the container");
                value = &container;
                open.pop_back();
                containers.items().pop_back();
                names.items().pop_back();
            }
        }
    }

private:
    bool at_end() const { return pos_ >= text_.size(); }

    ThrowCompletion error(const std::string& message)
    {
        return throw_error(agent_, ErrorType::SyntaxError,
                           "JSON.parse: " + message + " at position " + std::to_string(pos_));
    }

    // JSON's whitespace: tab, line feed, carriage return, space.
    void skip_whitespace()
    {
        while (!at_end() && (text_[pos_] == u'\t' || text_[pos_] == u'\n' || text_[pos_] == u'\r' || text_[pos_] == u' '))
            ++pos_;
    }

    // `"name" :` of an object member.
    ThrowCompletionOr<void> member_name(PropertyKey& name)
    {
        if (at_end() || text_[pos_] != u'"') return error("expected a string as the member name");
        String* string = TRY(string_literal());
        name = PropertyKey::from_string(agent_.heap, *string);
        skip_whitespace();
        if (at_end() || text_[pos_] != u':') return error("expected ':' after the member name");
        ++pos_;
        skip_whitespace();
        return {};
    }

    ThrowCompletionOr<Value> primitive()
    {
        char16_t c = text_[pos_];
        if (c == u'"') return Value(TRY(string_literal()));
        if (c == u'-' || (c >= u'0' && c <= u'9')) return TRY(number());
        for (auto [word, value] : {std::pair{std::u16string_view(u"true"), Value::boolean(true)},
                                   std::pair{std::u16string_view(u"false"), Value::boolean(false)},
                                   std::pair{std::u16string_view(u"null"), Value::null()}}) {
            if (text_.substr(pos_).starts_with(word)) {
                pos_ += word.size();
                return value;
            }
        }
        return error("unexpected character");
    }

    ThrowCompletionOr<Value> number()
    {
        size_t start = pos_;
        auto digits = [&] {
            size_t first = pos_;
            while (!at_end() && text_[pos_] >= u'0' && text_[pos_] <= u'9') ++pos_;
            return pos_ - first;
        };
        if (text_[pos_] == u'-') ++pos_;
        if (at_end()) return error("expected a digit");
        if (text_[pos_] == u'0') {
            ++pos_;
        } else if (digits() == 0) {
            return error("expected a digit");
        }
        if (!at_end() && text_[pos_] == u'.') {
            ++pos_;
            if (digits() == 0) return error("expected a digit after '.'");
        }
        if (!at_end() && (text_[pos_] == u'e' || text_[pos_] == u'E')) {
            ++pos_;
            if (!at_end() && (text_[pos_] == u'+' || text_[pos_] == u'-')) ++pos_;
            if (digits() == 0) return error("expected a digit in the exponent");
        }
        // A JSON number is a StrDecimalLiteral (with an optional '-').
        return Value::number(StringToNumber(text_.substr(start, pos_ - start)));
    }

    ThrowCompletionOr<String*> string_literal()
    {
        ++pos_;  // the opening quotation mark
        std::u16string out;
        for (;;) {
            if (at_end()) return error("unterminated string");
            char16_t c = text_[pos_++];
            if (c == u'"') break;
            if (c < 0x20) return error("control character in a string");
            if (c != u'\\') {
                out += c;
                continue;
            }
            if (at_end()) return error("unterminated string");
            char16_t e = text_[pos_++];
            switch (e) {
            case u'"': out += u'"'; break;
            case u'\\': out += u'\\'; break;
            case u'/': out += u'/'; break;
            case u'b': out += u'\b'; break;
            case u'f': out += u'\f'; break;
            case u'n': out += u'\n'; break;
            case u'r': out += u'\r'; break;
            case u't': out += u'\t'; break;
            case u'u': {
                char16_t unit = 0;
                for (int i = 0; i < 4; ++i) {
                    if (at_end()) return error("incomplete \\u escape");
                    char16_t h = text_[pos_++];
                    int digit = h >= u'0' && h <= u'9' ? h - u'0'
                                : h >= u'a' && h <= u'f' ? h - u'a' + 10
                                : h >= u'A' && h <= u'F' ? h - u'A' + 10
                                                         : -1;
                    if (digit < 0) return error("invalid \\u escape");
                    unit = char16_t(unit * 16 + digit);
                }
                out += unit;
                break;
            }
            default: return error("invalid escape");
            }
        }
        return make_string(agent_.heap, std::move(out));
    }

    Agent& agent_;
    std::u16string_view text_;
    size_t pos_ = 0;
};

}  // namespace

// §25.5.1.1 ParseJSON ( text ) (also used by ParseJSONModule, §16.2.1.8.2)
ThrowCompletionOr<Value> ParseJSON(Agent& agent, String& text)
{
    SPEC_ALGORITHM("sec-ParseJSON");
    STEP("1");  // steps 1-9: validation and evaluation in one pass (JSONParser)
    STEP("2");
    STEP("3");
    STEP("4");
    STEP("5");
    STEP("6");
    STEP("7");
    STEP("8");
    STEP("9");
    return JSONParser(agent, text.view()).parse();
}

namespace {

// §25.5.1.2 InternalizeJSONProperty ( holder, name, reviver )
ThrowCompletionOr<Value> InternalizeJSONProperty(Agent& agent, Object& holder, PropertyKey name, Value reviver)
{
    SPEC_ALGORITHM("sec-internalizejsonproperty");
    // The recursion follows the depth of the parsed value.
    if (agent.heap.native_stack_exhausted()) return throw_stack_overflow(agent);
    STEP("1");
    Value val = TRY(Get(agent, holder, name));
    STEP("2");
    if (val.is_object()) {
        Object& object = *val.as_object();
        STEP("2.a");
        bool isArray = TRY(IsArray(agent, val));
        STEP("2.b");
        if (isArray) {
            STEP("2.b.i");
            double len = TRY(LengthOfArrayLike(agent, object));
            STEP("2.b.ii");
            double I = 0;
            STEP("2.b.iii");
            while (I < len) {
                STEP("2.b.iii.1");
                PropertyKey prop = index_key(agent, I);
                STEP("2.b.iii.2");
                Value newElement = TRY(InternalizeJSONProperty(agent, object, prop, reviver));
                STEP("2.b.iii.3");
                if (newElement.is_undefined()) {
                    STEP("2.b.iii.3.a");
                    TRY(object.Delete(agent, prop));
                } else {
                    STEP("2.b.iii.4");
                    STEP("2.b.iii.4.a");
                    TRY(CreateDataProperty(agent, object, prop, newElement));
                }
                STEP("2.b.iii.5");
                ++I;
            }
        } else {
            STEP("2.c");
            STEP("2.c.i");
            List<Value> keys = TRY(EnumerableOwnProperties(agent, object, EnumerableOwnPropertiesKind::Key));
            STEP("2.c.ii");
            for (Value P : keys) {
                PropertyKey key = PropertyKey::from_string(agent.heap, *P.as_string());
                STEP("2.c.ii.1");
                Value newElement = TRY(InternalizeJSONProperty(agent, object, key, reviver));
                STEP("2.c.ii.2");
                if (newElement.is_undefined()) {
                    STEP("2.c.ii.2.a");
                    TRY(object.Delete(agent, key));
                } else {
                    STEP("2.c.ii.3");
                    STEP("2.c.ii.3.a");
                    TRY(CreateDataProperty(agent, object, key, newElement));
                }
            }
        }
    }
    STEP("3");
    Value callArgs[] = {name.to_value(agent.heap), val};
    return TRY(Call(agent, reviver, &holder, callArgs));
}

// §25.5.1 JSON.parse ( text [ , reviver ] )
ThrowCompletionOr<Value> JSON_parse(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-json.parse");
    Value reviver = argument(args, 1);
    STEP("1");
    String* jsonString = TRY(ToString(agent, argument(args, 0)));
    STEP("2");
    Value unfiltered = TRY(ParseJSON(agent, *jsonString));
    STEP("3");
    if (IsCallable(reviver)) {
        STEP("3.a");
        Object* root = OrdinaryObjectCreate(agent, agent.current_realm()->intrinsic(Intrinsic::ObjectPrototype));
        STEP("3.b");
        PropertyKey rootName = PropertyKey::from_ascii(agent.heap, "");
        STEP("3.c");
        MUST(CreateDataPropertyOrThrow(agent, *root, rootName, unfiltered));
        STEP("3.d");
        return TRY(InternalizeJSONProperty(agent, *root, rootName, reviver));
    }
    STEP("4");
    STEP("4.a");
    return unfiltered;
}

// §25.5.2.1 JSON Serialization Record
// [[Stack]]: the objects being serialized (a rooted List), with a set of the
// same objects so that "[[Stack]] contains value" is a lookup, not a search.
class JSONStack {
public:
    bool contains(Object* value) const { return members_.contains(value); }
    void append(Object* value)
    {
        items_.append(value);
        members_.insert(value);
    }
    void remove_last()
    {
        members_.erase(items_.items().back().as_object());
        items_.items().pop_back();
    }

private:
    List<Value> items_;
    std::unordered_set<Object*> members_;
};

struct JSONSerializationRecord {
    Value ReplacerFunction;                       // [[ReplacerFunction]]: a function object or *undefined*
    JSONStack Stack;                              // [[Stack]]
    std::u16string Indent;                        // [[Indent]]
    std::u16string Gap;                           // [[Gap]]
    std::optional<List<PropertyKey>> PropertyList;  // [[PropertyList]]: nullopt is *undefined*
};

// §25.5.2.4 UnicodeEscape ( C )
std::u16string UnicodeEscape(char16_t C)
{
    SPEC_ALGORITHM("sec-unicodeescape");
    STEP("1");
    unsigned n = C;
    STEP("2");
    SPEC_ASSERT(n <= 0xFFFF);
    STEP("3");
    static const char16_t hexDigits[] = u"0123456789abcdef";
    STEP("4");  // four digits: StringPad(hex, 4, "0", ~start~)
    return {u'\\', u'u', hexDigits[(n >> 12) & 15], hexDigits[(n >> 8) & 15], hexDigits[(n >> 4) & 15], hexDigits[n & 15]};
}

// §25.5.2.3 QuoteJSONString ( value )
std::u16string QuoteJSONString(std::u16string_view value)
{
    SPEC_ALGORITHM("sec-quotejsonstring");
    STEP("1");
    std::u16string product = u"\"";
    STEP("2");
    for (size_t k = 0; k < value.size();) {
        CodePointRecord cp = CodePointAt(value, k);
        k += cp.CodeUnitCount;
        char32_t C = cp.CodePoint;
        const char16_t* escape = nullptr;
        switch (C) {  // Table "JSON Single Character Escape Sequences"
        case 0x08: escape = u"\\b"; break;
        case 0x09: escape = u"\\t"; break;
        case 0x0A: escape = u"\\n"; break;
        case 0x0C: escape = u"\\f"; break;
        case 0x0D: escape = u"\\r"; break;
        case 0x22: escape = u"\\\""; break;
        case 0x5C: escape = u"\\\\"; break;
        }
        STEP("2.a");
        if (escape) {
            STEP("2.a.i");
            product += escape;
        } else if (C < 0x20 || (C >= 0xD800 && C <= 0xDFFF)) {
            STEP("2.b");
            STEP("2.b.i");
            char16_t unit = char16_t(C);
            STEP("2.b.ii");
            product += UnicodeEscape(unit);
        } else {
            STEP("2.c");
            STEP("2.c.i");
            product += UTF16EncodeCodePoint(C);
        }
    }
    STEP("3");
    product += u'"';
    STEP("4");
    return product;
}

ThrowCompletionOr<std::optional<std::u16string>> SerializeJSONProperty(Agent&, JSONSerializationRecord& state,
                                                                       PropertyKey key, Object& holder);

// The closing part shared by SerializeJSONObject and SerializeJSONArray
// (their steps 9-10): the members joined, compact or indented.
std::u16string join_partial(const std::vector<std::u16string>& partial, const JSONSerializationRecord& state,
                            const std::u16string& stepBack, char16_t open, char16_t close)
{
    std::u16string final_;
    final_ += open;
    if (state.Gap.empty()) {
        for (size_t i = 0; i < partial.size(); ++i) {
            if (i > 0) final_ += u',';
            final_ += partial[i];
        }
    } else {
        std::u16string separator = u",\n" + state.Indent;
        final_ += u'\n';
        final_ += state.Indent;
        for (size_t i = 0; i < partial.size(); ++i) {
            if (i > 0) final_ += separator;
            final_ += partial[i];
        }
        final_ += u'\n';
        final_ += stepBack;
    }
    final_ += close;
    return final_;
}

// §25.5.2.5 SerializeJSONObject ( state, value )
ThrowCompletionOr<std::u16string> SerializeJSONObject(Agent& agent, JSONSerializationRecord& state, Object& value)
{
    SPEC_ALGORITHM("sec-serializejsonobject");
    STEP("1");
    if (state.Stack.contains(&value)) return throw_type_error(agent, "JSON.stringify: cyclic structure");
    STEP("2");
    state.Stack.append(&value);
    STEP("3");
    std::u16string stepBack = state.Indent;
    STEP("4");
    state.Indent += state.Gap;
    List<PropertyKey> K;
    STEP("5");
    if (state.PropertyList) {
        STEP("5.a");
        K = *state.PropertyList;
    } else {
        STEP("6");
        STEP("6.a");
        List<Value> keys = TRY(EnumerableOwnProperties(agent, value, EnumerableOwnPropertiesKind::Key));
        for (Value P : keys) K.append(PropertyKey::from_string(agent.heap, *P.as_string()));
    }
    STEP("7");
    std::vector<std::u16string> partial;
    STEP("8");
    for (PropertyKey P : K) {
        STEP("8.a");
        std::optional<std::u16string> strP = TRY(SerializeJSONProperty(agent, state, P, value));
        STEP("8.b");
        if (strP) {
            STEP("8.b.i");
            std::u16string member = QuoteJSONString(P.to_value(agent.heap).as_string()->view());
            STEP("8.b.ii");
            member += u':';
            STEP("8.b.iii");
            if (!state.Gap.empty()) {
                STEP("8.b.iii.1");
                member += u' ';
            }
            STEP("8.b.iv");
            member += *strP;
            STEP("8.b.v");
            partial.push_back(std::move(member));
        }
    }
    std::u16string final_;
    STEP("9");
    if (partial.empty()) {
        STEP("9.a");
        final_ = u"{}";
    } else {
        STEP("10");
        STEP("10.a-10.b");
        final_ = join_partial(partial, state, stepBack, u'{', u'}');
    }
    STEP("11");
    state.Stack.remove_last();
    STEP("12");
    state.Indent = stepBack;
    STEP("13");
    return final_;
}

// §25.5.2.6 SerializeJSONArray ( state, value )
ThrowCompletionOr<std::u16string> SerializeJSONArray(Agent& agent, JSONSerializationRecord& state, Object& value)
{
    SPEC_ALGORITHM("sec-serializejsonarray");
    STEP("1");
    if (state.Stack.contains(&value)) return throw_type_error(agent, "JSON.stringify: cyclic structure");
    STEP("2");
    state.Stack.append(&value);
    STEP("3");
    std::u16string stepBack = state.Indent;
    STEP("4");
    state.Indent += state.Gap;
    STEP("5");
    std::vector<std::u16string> partial;
    STEP("6");
    double len = TRY(LengthOfArrayLike(agent, value));
    STEP("7");
    double index = 0;
    STEP("8");
    while (index < len) {
        STEP("8.a");
        std::optional<std::u16string> strP = TRY(SerializeJSONProperty(agent, state, index_key(agent, index), value));
        STEP("8.b");
        if (!strP) {
            STEP("8.b.i");
            partial.push_back(u"null");
        } else {
            STEP("8.c");
            STEP("8.c.i");
            partial.push_back(std::move(*strP));
        }
        STEP("8.d");
        ++index;
    }
    std::u16string final_;
    STEP("9");
    if (partial.empty()) {
        STEP("9.a");
        final_ = u"[]";
    } else {
        STEP("10");
        STEP("10.a-10.b");
        final_ = join_partial(partial, state, stepBack, u'[', u']');
    }
    STEP("11");
    state.Stack.remove_last();
    STEP("12");
    state.Indent = stepBack;
    STEP("13");
    return final_;
}

// §25.5.2.2 SerializeJSONProperty ( state, key, holder ): nullopt is *undefined*
ThrowCompletionOr<std::optional<std::u16string>> SerializeJSONProperty(Agent& agent, JSONSerializationRecord& state,
                                                                       PropertyKey key, Object& holder)
{
    SPEC_ALGORITHM("sec-serializejsonproperty");
    // The recursion follows the depth of the value (cycles are caught, deep
    // acyclic structures are not): report exhaustion as a RangeError.
    if (agent.heap.native_stack_exhausted()) return throw_stack_overflow(agent);
    STEP("1");
    Value value = TRY(Get(agent, holder, key));
    STEP("2");
    if (value.is_object() || value.is_bigint()) {
        STEP("2.a");
        Value toJSON = TRY(GetV(agent, value, agent.key("toJSON")));
        STEP("2.b");
        if (IsCallable(toJSON)) {
            STEP("2.b.i");
            Value callArgs[] = {key.to_value(agent.heap)};
            value = TRY(Call(agent, toJSON, value, callArgs));
        }
    }
    STEP("3");
    if (!state.ReplacerFunction.is_undefined()) {
        STEP("3.a");
        Value callArgs[] = {key.to_value(agent.heap), value};
        value = TRY(Call(agent, state.ReplacerFunction, &holder, callArgs));
    }
    STEP("4");
    if (value.is_object()) {
        Object* object = value.as_object();
        STEP("4.a");
        if (dynamic_cast<NumberObject*>(object)) {
            STEP("4.a.i");
            value = Value::number(TRY(ToNumber(agent, value)));
        } else if (dynamic_cast<StringObject*>(object)) {
            STEP("4.b");
            STEP("4.b.i");
            value = TRY(ToString(agent, value));
        } else if (auto* boolean = dynamic_cast<BooleanObject*>(object)) {
            STEP("4.c");
            STEP("4.c.i");
            value = Value::boolean(boolean->BooleanData);
        } else if (auto* bigint = dynamic_cast<BigIntObject*>(object)) {
            STEP("4.d");
            STEP("4.d.i");
            value = bigint->BigIntData;
        }
    }
    STEP("5");
    if (value.is_null()) return std::u16string(u"null");
    STEP("6");
    if (value.is_boolean() && value.as_bool()) return std::u16string(u"true");
    STEP("7");
    if (value.is_boolean()) return std::u16string(u"false");
    STEP("8");
    if (value.is_string()) return QuoteJSONString(value.as_string()->view());
    STEP("9");
    if (value.is_number()) {
        STEP("9.a");
        if (std::isfinite(value.as_number())) return MUST(ToString(agent, value))->units();
        STEP("9.b");
        return std::u16string(u"null");
    }
    STEP("10");
    if (value.is_bigint()) return throw_type_error(agent, "JSON.stringify: a BigInt value cannot be serialized");
    STEP("11");
    if (value.is_object() && !IsCallable(value)) {
        STEP("11.a");
        bool isArray = TRY(IsArray(agent, value));
        STEP("11.b");
        if (isArray) return TRY(SerializeJSONArray(agent, state, *value.as_object()));
        STEP("11.c");
        return TRY(SerializeJSONObject(agent, state, *value.as_object()));
    }
    STEP("12");
    return std::optional<std::u16string>();
}

// §25.5.2 JSON.stringify ( value [ , replacer [ , space ] ] )
ThrowCompletionOr<Value> JSON_stringify(Agent& agent, BuiltinFunction&, Value, Arguments args, Object*)
{
    SPEC_ALGORITHM("sec-json.stringify");
    Value value = argument(args, 0);
    Value replacer = argument(args, 1);
    Value space = argument(args, 2);
    JSONSerializationRecord state;
    STEP("1");  // state.Stack
    STEP("2");  // state.Indent
    STEP("3");  // state.PropertyList
    STEP("4");
    state.ReplacerFunction = Value::undefined();
    STEP("5");
    if (replacer.is_object()) {
        STEP("5.a");
        if (IsCallable(replacer)) {
            STEP("5.a.i");
            state.ReplacerFunction = replacer;
        } else {
            STEP("5.b");
            STEP("5.b.i");
            bool isArray = TRY(IsArray(agent, replacer));
            STEP("5.b.ii");
            if (isArray) {
                Object& replacerObject = *replacer.as_object();
                STEP("5.b.ii.1");
                state.PropertyList.emplace();
                std::unordered_set<PropertyKey, PropertyKey::Hash> listed;
                STEP("5.b.ii.2");
                double len = TRY(LengthOfArrayLike(agent, replacerObject));
                STEP("5.b.ii.3");
                double k = 0;
                STEP("5.b.ii.4");
                while (k < len) {
                    STEP("5.b.ii.4.a");
                    PropertyKey prop = index_key(agent, k);
                    STEP("5.b.ii.4.b");
                    Value v = TRY(Get(agent, replacerObject, prop));
                    STEP("5.b.ii.4.c");
                    String* item = nullptr;
                    STEP("5.b.ii.4.d");
                    if (v.is_string()) {
                        STEP("5.b.ii.4.d.i");
                        item = v.as_string();
                    } else if (v.is_number()) {
                        STEP("5.b.ii.4.e");
                        STEP("5.b.ii.4.e.i");
                        item = MUST(ToString(agent, v));
                    } else if (v.is_object()) {
                        STEP("5.b.ii.4.f");
                        STEP("5.b.ii.4.f.i");
                        Object* object = v.as_object();
                        if (dynamic_cast<StringObject*>(object) || dynamic_cast<NumberObject*>(object))
                            item = TRY(ToString(agent, v));
                    }
                    STEP("5.b.ii.4.g");
                    if (item) {
                        PropertyKey itemKey = PropertyKey::from_string(agent.heap, *item);
                        if (listed.insert(itemKey).second) {
                            STEP("5.b.ii.4.g.i");
                            state.PropertyList->append(itemKey);
                        }
                    }
                    STEP("5.b.ii.4.h");
                    ++k;
                }
            }
        }
    }
    STEP("6");
    if (space.is_object()) {
        STEP("6.a");
        if (dynamic_cast<NumberObject*>(space.as_object())) {
            STEP("6.a.i");
            space = Value::number(TRY(ToNumber(agent, space)));
        } else if (dynamic_cast<StringObject*>(space.as_object())) {
            STEP("6.b");
            STEP("6.b.i");
            space = TRY(ToString(agent, space));
        }
    }
    STEP("7");
    if (space.is_number()) {
        STEP("7.a");
        double spaceMV = MUST(ToIntegerOrInfinity(agent, space));
        STEP("7.b");
        spaceMV = std::min(10.0, spaceMV);
        STEP("7.c");
        if (spaceMV >= 1) state.Gap = std::u16string(size_t(spaceMV), u' ');
    } else if (space.is_string()) {
        STEP("8");
        STEP("8.a");
        state.Gap = space.as_string()->view().substr(0, 10);
    } else {
        STEP("9");
        STEP("9.a");
    }
    STEP("10");
    Object* wrapper = OrdinaryObjectCreate(agent, agent.current_realm()->intrinsic(Intrinsic::ObjectPrototype));
    STEP("11");
    PropertyKey empty = PropertyKey::from_ascii(agent.heap, "");
    MUST(CreateDataPropertyOrThrow(agent, *wrapper, empty, value));
    STEP("12");
    STEP("13");
    std::optional<std::u16string> result = TRY(SerializeJSONProperty(agent, state, empty, *wrapper));
    if (!result) return Value::undefined();
    return Value(make_string(agent.heap, std::move(*result)));
}

}  // namespace

void CreateJSONIntrinsics(Agent& agent, Realm& realm)
{
    // §25.5: an ordinary object whose [[Prototype]] is %Object.prototype%.
    Object* json = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::ObjectPrototype));
    define_builtin_function(agent, realm, *json, "parse", JSON_parse, 2);
    define_builtin_function(agent, realm, *json, "stringify", JSON_stringify, 3);
    // §25.5.3 JSON [ %Symbol.toStringTag% ]
    define_to_string_tag(agent, *json, "JSON");
    realm.set_intrinsic(Intrinsic::JSON, json);
}

}  // namespace lockstep
