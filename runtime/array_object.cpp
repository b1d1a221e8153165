// ECMA-262 §10.4.2 Array Exotic Objects.
#include "runtime/array_object.h"

#include <algorithm>

#include "abstract_ops/object_operations.h"
#include "abstract_ops/testing_and_comparison.h"
#include "abstract_ops/type_conversion.h"
#include "runtime/agent.h"
#include "runtime/error.h"
#include "runtime/ordinary_object.h"
#include "runtime/realm.h"

namespace lockstep {

ThrowCompletionOr<bool> ArrayObject::DefineOwnProperty(Agent& agent, PropertyKey P, const PropertyDescriptor& Desc)
{
    SPEC_ALGORITHM("sec-array-exotic-objects-defineownproperty-p-desc");
    ArrayObject& A = *this;
    STEP("1");
    if (P == agent.names.length) {
        STEP("1.a");
        return TRY(ArraySetLength(agent, A, Desc));
    }
    STEP("2");
    if (P.is_array_index()) {
        STEP("2.a");
        std::optional<PropertyDescriptor> lengthDesc = OrdinaryGetOwnProperty(A, agent.names.length);
        STEP("2.b");
        SPEC_ASSERT(lengthDesc.has_value());
        STEP("2.c");
        SPEC_ASSERT(IsDataDescriptor(*lengthDesc));
        STEP("2.d");
        SPEC_ASSERT(!*lengthDesc->configurable);
        STEP("2.e");
        double length = lengthDesc->value->as_number();
        STEP("2.f");
        SPEC_ASSERT(length >= 0 && length == double(uint64_t(length)));
        STEP("2.g");
        uint32_t index = P.as_array_index();
        STEP("2.h");
        if (index >= length && !*lengthDesc->writable) return false;
        STEP("2.i");
        bool succeeded = MUST(OrdinaryDefineOwnProperty(agent, A, P, Desc));
        STEP("2.j");
        if (!succeeded) return false;
        STEP("2.k");
        if (index >= length) {
            STEP("2.k.i");
            lengthDesc->value = Value::number(double(index) + 1);
            STEP("2.k.ii");
            succeeded = MUST(OrdinaryDefineOwnProperty(agent, A, agent.names.length, *lengthDesc));
            STEP("2.k.iii");
            SPEC_ASSERT(succeeded);
        }
        STEP("2.l");
        return true;
    }
    STEP("3");
    return TRY(OrdinaryDefineOwnProperty(agent, A, P, Desc));
}

ThrowCompletionOr<Object*> ArrayCreate(Agent& agent, double length, Object* proto)
{
    SPEC_ALGORITHM("sec-arraycreate");
    STEP("1");
    if (length > 4294967295.0) return throw_range_error(agent, "invalid array length");
    STEP("2");
    if (!proto) proto = agent.current_realm()->intrinsic(Intrinsic::ArrayPrototype);
    STEP("3");
    auto* A = MakeBasicObject<ArrayObject>(agent);
    STEP("4");
    A->Prototype = proto;
    STEP("5");  // ArrayObject overrides [[DefineOwnProperty]]
    STEP("6");
    MUST(OrdinaryDefineOwnProperty(
        agent, *A, agent.names.length,
        PropertyDescriptor{.value = Value::number(length), .writable = true, .enumerable = false, .configurable = false}));
    STEP("7");
    return A;
}

ThrowCompletionOr<Object*> ArraySpeciesCreate(Agent& agent, Value originalArray, double length)
{
    SPEC_ALGORITHM("sec-arrayspeciescreate");
    STEP("1");
    bool isArray = TRY(IsArray(agent, originalArray));
    STEP("2");
    if (!isArray) return TRY(ArrayCreate(agent, length));
    STEP("3");
    Root<Value> C = TRY(Get(agent, *originalArray.as_object(), agent.names.constructor));
    STEP("4");
    if (IsConstructor(C)) {
        STEP("4.a");
        Realm* thisRealm = agent.current_realm();
        STEP("4.b");
        Realm* realmC = TRY(GetFunctionRealm(agent, *C.get().as_object()));
        STEP("4.c");
        if (thisRealm != realmC) {
            STEP("4.c.i");
            if (SameValue(C, realmC->intrinsic(Intrinsic::Array))) C = Value::undefined();
        }
    }
    STEP("5");
    if (C.get().is_object()) {
        STEP("5.a");
        C = TRY(Get(agent, *C.get().as_object(), agent.well_known_symbol(WellKnownSymbol::species)));
        STEP("5.b");
        if (C.get().is_null()) C = Value::undefined();
    }
    STEP("6");
    if (C.get().is_undefined()) return TRY(ArrayCreate(agent, length));
    STEP("7");
    if (!IsConstructor(C)) return throw_type_error(agent, "species constructor is not a constructor");
    STEP("8");
    Value argument = Value::number(length);
    return TRY(Construct(agent, *C.get().as_object(), std::span<const Value>(&argument, 1)));
}

ThrowCompletionOr<bool> ArraySetLength(Agent& agent, ArrayObject& A, const PropertyDescriptor& Desc)
{
    SPEC_ALGORITHM("sec-arraysetlength");
    PropertyKey lengthKey = agent.names.length;
    STEP("1");
    if (!Desc.value) {
        STEP("1.a");
        return MUST(OrdinaryDefineOwnProperty(agent, A, lengthKey, Desc));
    }
    STEP("2");
    PropertyDescriptor newLenDesc = Desc;
    STEP("3");
    uint32_t newLen = TRY(ToUint32(agent, *Desc.value));
    STEP("4");
    double numberLen = TRY(ToNumber(agent, *Desc.value));
    STEP("5");
    if (double(newLen) != numberLen) return throw_range_error(agent, "invalid array length");
    STEP("6");
    newLenDesc.value = Value::number(newLen);
    STEP("7");
    std::optional<PropertyDescriptor> oldLenDesc = OrdinaryGetOwnProperty(A, lengthKey);
    STEP("8");
    SPEC_ASSERT(oldLenDesc.has_value());
    STEP("9");
    SPEC_ASSERT(IsDataDescriptor(*oldLenDesc));
    STEP("10");
    SPEC_ASSERT(!*oldLenDesc->configurable);
    STEP("11");
    double oldLen = oldLenDesc->value->as_number();
    STEP("12");
    if (newLen >= oldLen) {
        STEP("12.a");
        return MUST(OrdinaryDefineOwnProperty(agent, A, lengthKey, newLenDesc));
    }
    STEP("13");
    if (!*oldLenDesc->writable) return false;
    bool newWritable;
    STEP("14");
    if (!newLenDesc.writable || *newLenDesc.writable) {
        STEP("14.a");
        newWritable = true;
    } else {
        STEP("15");
        STEP("15.a");  // making "length" read-only waits until the deletions are done
        STEP("15.b");
        newWritable = false;
        STEP("15.c");
        newLenDesc.writable = true;
    }
    STEP("16");
    bool succeeded = MUST(OrdinaryDefineOwnProperty(agent, A, lengthKey, newLenDesc));
    STEP("17");
    if (!succeeded) return false;
    STEP("18");
    // Only the indices that exist, not every integer in [newLen, oldLen).
    List<PropertyKey> indices;
    A.properties().append_array_index_keys(indices);
    for (auto it = indices.items().rbegin(); it != indices.items().rend() && it->as_array_index() >= newLen; ++it) {
        PropertyKey P = *it;
        STEP("18.a");
        bool deleteSucceeded = MUST(A.Delete(agent, P));
        STEP("18.b");
        if (!deleteSucceeded) {
            STEP("18.b.i");
            newLenDesc.value = Value::number(double(P.as_array_index()) + 1);
            STEP("18.b.ii");
            if (!newWritable) newLenDesc.writable = false;
            STEP("18.b.iii");
            MUST(OrdinaryDefineOwnProperty(agent, A, lengthKey, newLenDesc));
            STEP("18.b.iv");
            return false;
        }
    }
    STEP("19");
    if (!newWritable) {
        STEP("19.a");
        succeeded = MUST(OrdinaryDefineOwnProperty(agent, A, lengthKey, PropertyDescriptor{.writable = false}));
        STEP("19.b");
        SPEC_ASSERT(succeeded);
    }
    STEP("20");
    return true;
}

}  // namespace lockstep
