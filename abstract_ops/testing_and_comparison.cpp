// ECMA-262 §7.2 Testing and Comparison Operations.
#include "abstract_ops/testing_and_comparison.h"

#include "abstract_ops/object_operations.h"
#include "abstract_ops/source_text.h"
#include "abstract_ops/type_conversion.h"
#include "runtime/agent.h"
#include "runtime/array_object.h"
#include "runtime/bigint.h"
#include "runtime/error.h"
#include "runtime/number.h"
#include "runtime/object.h"
#include "runtime/proxy_object.h"
#include "runtime/regexp_object.h"
#include "runtime/string.h"

namespace lockstep {

ThrowCompletionOr<Value> RequireObjectCoercible(Agent& agent, Value argument)
{
    // §7.2.1 is a table, "RequireObjectCoercible Results": undefined and null throw.
    if (argument.is_nullish()) return throw_type_error(agent, "cannot convert undefined or null to object");
    return argument;
}

ThrowCompletionOr<bool> IsArray(Agent& agent, Value argument)
{
    SPEC_ALGORITHM("sec-isarray");
    // Step 3.c's recursion through a chain of proxies, as a loop: the chain
    // can be as long as user code makes it.
    for (;;) {
        STEP("1");
        if (!argument.is_object()) return false;
        STEP("2");
        if (dynamic_cast<ArrayObject*>(argument.as_object())) return true;
        STEP("3");
        auto* proxy = dynamic_cast<ProxyObject*>(argument.as_object());
        if (!proxy) break;
        STEP("3.a");
        TRY(ValidateNonRevokedProxy(agent, *proxy));
        STEP("3.b");
        Object* proxyTarget = proxy->ProxyTarget;
        STEP("3.c");
        argument = proxyTarget;
    }
    STEP("4");
    return false;
}

bool IsCallable(Value argument)
{
    SPEC_ALGORITHM("sec-iscallable");
    STEP("1");
    if (!argument.is_object()) return false;
    STEP("2");
    if (argument.as_object()->has_call()) return true;
    STEP("3");
    return false;
}

bool IsConstructor(Value argument)
{
    SPEC_ALGORITHM("sec-isconstructor");
    STEP("1");
    if (!argument.is_object()) return false;
    STEP("2");
    if (argument.as_object()->has_construct()) return true;
    STEP("3");
    return false;
}

ThrowCompletionOr<bool> IsExtensible(Agent& agent, Object& O)
{
    SPEC_ALGORITHM("sec-isextensible-o");
    STEP("1");
    return TRY(O.IsExtensible(agent));
}

bool SameType(Value x, Value y)
{
    SPEC_ALGORITHM("sec-sametype");
    STEP("1-8");  // both are of the same one of the eight types
    if (x.type() == y.type()) return true;
    STEP("9");
    return false;
}

bool SameValue(Value x, Value y)
{
    SPEC_ALGORITHM("sec-samevalue");
    STEP("1");
    if (!SameType(x, y)) return false;
    STEP("2");
    if (x.is_number()) {
        STEP("2.a");
        return Number::sameValue(x.as_number(), y.as_number());
    }
    STEP("3");
    return SameValueNonNumber(x, y);
}

bool SameValueZero(Value x, Value y)
{
    SPEC_ALGORITHM("sec-samevaluezero");
    STEP("1");
    if (!SameType(x, y)) return false;
    STEP("2");
    if (x.is_number()) {
        STEP("2.a");
        return Number::sameValueZero(x.as_number(), y.as_number());
    }
    STEP("3");
    return SameValueNonNumber(x, y);
}

bool SameValueNonNumber(Value x, Value y)
{
    SPEC_ALGORITHM("sec-samevaluenonnumber");
    STEP("1");
    SPEC_ASSERT(SameType(x, y));
    STEP("2");
    if (x.is_nullish()) return true;
    STEP("3");
    if (x.is_bigint()) {
        STEP("3.a");
        return BigInt::equal(*x.as_bigint(), *y.as_bigint());
    }
    STEP("4");
    if (x.is_string()) {
        STEP("4.a");
        return *x.as_string() == *y.as_string();
    }
    STEP("5");
    if (x.is_boolean()) {
        STEP("5.a");
        return x.as_bool() == y.as_bool();
    }
    STEP("6");
    STEP("7");
    return x.is_identical(y);
}

ThrowCompletionOr<bool> IsRegExp(Agent& agent, Value argument)
{
    SPEC_ALGORITHM("sec-isregexp");
    STEP("1");
    if (!argument.is_object()) return false;
    STEP("2");
    Value matcher = TRY(Get(agent, *argument.as_object(), agent.well_known_symbol(WellKnownSymbol::match)));
    STEP("3");
    if (!matcher.is_undefined()) return ToBoolean(matcher);
    STEP("4");
    if (dynamic_cast<RegExpObject*>(argument.as_object())) return true;
    STEP("5");
    return false;
}

bool IsStringWellFormedUnicode(std::u16string_view string)
{
    SPEC_ALGORITHM("sec-isstringwellformedunicode");
    STEP("1");
    size_t len = string.size();
    STEP("2");
    size_t k = 0;
    STEP("3");
    while (k < len) {
        STEP("3.a");
        CodePointRecord cp = CodePointAt(string, k);
        STEP("3.b");
        if (cp.IsUnpairedSurrogate) return false;
        STEP("3.c");
        k += cp.CodeUnitCount;
    }
    STEP("4");
    return true;
}

bool IsStrictlyEqual(Value x, Value y)
{
    SPEC_ALGORITHM("sec-isstrictlyequal");
    STEP("1");
    if (!SameType(x, y)) return false;
    STEP("2");
    if (x.is_number()) {
        STEP("2.a");  // Number::equal: IEEE equality (NaN unequal to itself, +0 equal to -0)
        return x.as_number() == y.as_number();
    }
    STEP("3");
    return SameValueNonNumber(x, y);
}

}  // namespace lockstep
