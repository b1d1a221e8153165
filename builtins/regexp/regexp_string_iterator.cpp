// ECMA-262 §22.2.9 RegExp String Iterator Objects.
// https://tc39.es/ecma262/#sec-regexp-string-iterator-objects
#include <span>

#include "abstract_ops/object_operations.h"
#include "abstract_ops/operations_on_iterator_objects.h"
#include "abstract_ops/type_conversion.h"
#include "builtins/builtin_helpers.h"
#include "builtins/regexp/regexp.h"
#include "runtime/error.h"
#include "runtime/heap.h"
#include "runtime/ordinary_object.h"
#include "runtime/realm.h"
#include "runtime/string.h"

namespace lockstep {

namespace {

// §22.2.9.3 Properties of RegExp String Iterator Instances: their internal slots.
class RegExpStringIteratorObject final : public Object {
public:
    using Object::Object;
    Object* IteratingRegExp = nullptr;
    String* IteratedString = nullptr;
    bool Global = false;
    bool Unicode = false;
    bool Done = false;

    void visit_edges(Visitor& visitor) override
    {
        Object::visit_edges(visitor);
        if (IteratingRegExp) visitor.visit(IteratingRegExp);
        if (IteratedString) visitor.visit(IteratedString);
    }
};

// §22.2.9.2.1 %RegExpStringIteratorPrototype%.next ( )
ThrowCompletionOr<Value> RegExpStringIteratorPrototype_next(Agent& agent, BuiltinFunction&, Value thisValue,
                                                            std::span<const Value>, Object*)
{
    SPEC_ALGORITHM("sec-%regexpstringiteratorprototype%.next");
    STEP("1");
    Value O = thisValue;
    STEP("2");
    if (!O.is_object()) return throw_type_error(agent, "RegExp String Iterator next called on a non-object");
    STEP("3");
    auto* iterator = dynamic_cast<RegExpStringIteratorObject*>(O.as_object());
    if (!iterator) return throw_type_error(agent, "RegExp String Iterator next called on another object");
    STEP("4");
    if (iterator->Done) {
        STEP("4.a");
        return Value(CreateIteratorResultObject(agent, Value::undefined(), true));
    }
    STEP("5");
    Object& R = *iterator->IteratingRegExp;
    STEP("6");
    String* S = iterator->IteratedString;
    STEP("7");
    bool global = iterator->Global;
    STEP("8");
    bool fullUnicode = iterator->Unicode;
    STEP("9");
    Value match = TRY(RegExpExec(agent, R, S));
    STEP("10");
    if (match.is_null()) {
        STEP("10.a");
        iterator->Done = true;
        STEP("10.b");
        return Value(CreateIteratorResultObject(agent, Value::undefined(), true));
    }
    STEP("11");
    if (!global) {
        STEP("11.a");
        iterator->Done = true;
        STEP("11.b");
        return Value(CreateIteratorResultObject(agent, match, false));
    }
    STEP("12");
    String* matchStr = TRY(ToString(agent, TRY(Get(agent, *match.as_object(), PropertyKey::from_array_index(0)))));
    STEP("13");
    if (matchStr->length() == 0) {
        PropertyKey lastIndexKey = agent.key("lastIndex");
        STEP("13.a");
        double thisIndex = TRY(ToLength(agent, TRY(Get(agent, R, lastIndexKey))));
        STEP("13.b");
        double nextIndex = AdvanceStringIndex(S->view(), thisIndex, fullUnicode);
        STEP("13.c");
        TRY(Set(agent, R, lastIndexKey, Value::number(nextIndex), true));
    }
    STEP("14");
    return Value(CreateIteratorResultObject(agent, match, false));
}

}  // namespace

Object* CreateRegExpStringIterator(Agent& agent, Object& R, String* S, bool global, bool fullUnicode)
{
    SPEC_ALGORITHM("sec-createregexpstringiterator");
    STEP("1");
    auto* iterator = OrdinaryObjectCreate<RegExpStringIteratorObject>(
        agent, agent.current_realm()->intrinsic(Intrinsic::RegExpStringIteratorPrototype));
    STEP("2");
    iterator->IteratingRegExp = &R;
    STEP("3");
    iterator->IteratedString = S;
    STEP("4");
    iterator->Global = global;
    STEP("5");
    iterator->Unicode = fullUnicode;
    STEP("6");
    iterator->Done = false;
    STEP("7");
    return iterator;
}

Object* CreateRegExpStringIteratorPrototype(Agent& agent, Realm& realm)
{
    // §22.2.9.2 The %RegExpStringIteratorPrototype% Object.
    Object* prototype = OrdinaryObjectCreate(agent, realm.intrinsic(Intrinsic::IteratorPrototype));
    define_builtin_function(agent, realm, *prototype, "next", RegExpStringIteratorPrototype_next, 0);
    // §22.2.9.2.2 %RegExpStringIteratorPrototype% [ %Symbol.toStringTag% ]
    define_to_string_tag(agent, *prototype, "RegExp String Iterator");
    return prototype;
}

}  // namespace lockstep
