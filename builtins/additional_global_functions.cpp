// ECMA-262 Annex B.2.1 Additional Properties of the Global Object: escape
// and unescape (%escape%, %unescape%).
#include "abstract_ops/type_conversion.h"
#include "builtins/builtin_helpers.h"

namespace lockstep {

namespace {

using Arguments = std::span<const Value>;

constexpr char16_t kHexDigits[] = u"0123456789ABCDEF";

// The value of a HexDigit, or -1.
int hex_digit_value(char16_t c)
{
    if (c >= u'0' && c <= u'9') return c - u'0';
    if (c >= u'a' && c <= u'f') return c - u'a' + 10;
    if (c >= u'A' && c <= u'F') return c - u'A' + 10;
    return -1;
}

// §B.2.1.1 escape ( string )
ThrowCompletionOr<Value> global_escape(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-escape-string");
    STEP("1");
    String* string = TRY(ToString(agent, argument(arguments, 0)));
    STEP("2");
    size_t len = string->length();
    STEP("3");
    std::u16string R;
    STEP("4");
    constexpr std::u16string_view unescapedSet = u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_@*+-./";
    STEP("5");
    size_t k = 0;
    STEP("6");
    while (k < len) {
        STEP("6.a");
        char16_t C = (*string)[k];
        std::u16string S;
        STEP("6.b");
        if (unescapedSet.find(C) != std::u16string_view::npos) {
            STEP("6.b.i");
            S = std::u16string(1, C);
        } else {
            STEP("6.c");
            STEP("6.c.i");
            unsigned n = C;
            STEP("6.c.ii");
            if (n < 256) {
                STEP("6.c.ii.1");
                STEP("6.c.ii.2");
                S = {u'%', kHexDigits[n >> 4], kHexDigits[n & 15]};
            } else {
                STEP("6.c.iii");
                STEP("6.c.iii.1");
                STEP("6.c.iii.2");
                S = {u'%', u'u', kHexDigits[n >> 12], kHexDigits[(n >> 8) & 15], kHexDigits[(n >> 4) & 15],
                     kHexDigits[n & 15]};
            }
        }
        STEP("6.d");
        R += S;
        STEP("6.e");
        k += 1;
    }
    STEP("7");
    return make_string(agent.heap, std::move(R));
}

// §B.2.1.2 unescape ( string )
ThrowCompletionOr<Value> global_unescape(Agent& agent, BuiltinFunction&, Value, Arguments arguments, Object*)
{
    SPEC_ALGORITHM("sec-unescape-string");
    STEP("1");
    String* string = TRY(ToString(agent, argument(arguments, 0)));
    std::u16string_view text = string->view();
    STEP("2");
    size_t len = text.size();
    STEP("3");
    std::u16string R;
    STEP("4");
    size_t k = 0;
    STEP("5");
    while (k < len) {
        STEP("5.a");
        char16_t C = text[k];
        STEP("5.b");
        if (C == u'%') {
            STEP("5.b.i");
            std::u16string_view hexDigits;
            STEP("5.b.ii");
            size_t optionalAdvance = 0;
            STEP("5.b.iii");
            if (k + 5 < len && text[k + 1] == u'u') {
                STEP("5.b.iii.1");
                hexDigits = text.substr(k + 2, 4);
                STEP("5.b.iii.2");
                optionalAdvance = 5;
            } else if (k + 3 <= len) {
                STEP("5.b.iv");
                STEP("5.b.iv.1");
                hexDigits = text.substr(k + 1, 2);
                STEP("5.b.iv.2");
                optionalAdvance = 2;
            }
            STEP("5.b.v");  // HexDigits[~Sep]: one or more hex digits, nothing else
            int n = hexDigits.empty() ? -1 : 0;
            for (char16_t digit : hexDigits) {
                int value = hex_digit_value(digit);
                if (value < 0) {
                    n = -1;
                    break;
                }
                n = n * 16 + value;
            }
            STEP("5.b.vi");
            if (n >= 0) {
                STEP("5.b.vi.1");
                STEP("5.b.vi.2");
                C = char16_t(n);
                STEP("5.b.vi.3");
                k += optionalAdvance;
            }
        }
        STEP("5.c");
        R.push_back(C);
        STEP("5.d");
        k += 1;
    }
    STEP("6");
    return make_string(agent.heap, std::move(R));
}

}  // namespace

void CreateAdditionalGlobalFunctionIntrinsics(Agent& agent, Realm& realm)
{
    realm.set_intrinsic(Intrinsic::escape,
                        CreateBuiltinFunction(agent, global_escape, 1, agent.key("escape"), {.realm = &realm}));
    realm.set_intrinsic(Intrinsic::unescape,
                        CreateBuiltinFunction(agent, global_unescape, 1, agent.key("unescape"), {.realm = &realm}));
}

}  // namespace lockstep
