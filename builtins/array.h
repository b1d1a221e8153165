// ECMA-262 §23.1 Array Objects.
// https://tc39.es/ecma262/#sec-array-objects
#pragma once

#include <functional>
#include <unordered_map>

#include "runtime/object.h"

namespace lockstep {

class Realm;
class String;

// §23.1.5.3 Properties of Array Iterator Instances.
enum class ArrayIterationKind : uint8_t { Key, Value, KeyValue };
class ArrayIteratorObject final : public Object {
public:
    ArrayIteratorObject(Object* prototype, Value array, ArrayIterationKind kind)
        : Object(prototype), IteratedArrayLike(array), ArrayLikeIterationKind(kind)
    {
    }
    Value IteratedArrayLike;  // [[IteratedArrayLike]]: an Object or *undefined*
    double ArrayLikeNextIndex = 0;  // [[ArrayLikeNextIndex]]
    ArrayIterationKind ArrayLikeIterationKind;  // [[ArrayLikeIterationKind]]
    void visit_edges(Visitor&) override;
};

// §23.1.3.2.1 IsConcatSpreadable ( O )
ThrowCompletionOr<bool> IsConcatSpreadable(Agent&, Value O);
// §23.1.3.12.1 FindViaPredicate ( O, len, direction, predicate, thisArg )
enum class FindDirection : uint8_t { Ascending, Descending };
struct FindRecord {
    double Index;  // [[Index]]
    Value value;   // [[Value]]
};
ThrowCompletionOr<FindRecord> FindViaPredicate(Agent&, Object& O, double len, FindDirection direction, Value predicate,
                                               Value thisArg);
// §23.1.3.13.1 FlattenIntoArray ( target, source, sourceLen, start, depth [ , mapperFunction [ , thisArg ] ] );
// mapperFunction *undefined* is "not present"
ThrowCompletionOr<double> FlattenIntoArray(Agent&, Object& target, Object& source, double sourceLen, double start,
                                           double depth, Value mapperFunction = Value::undefined(),
                                           Value thisArg = Value::undefined());
// §23.1.3.30.1 SortIndexedProperties ( obj, len, SortCompare, holes )
enum class Holes : uint8_t { SkipHoles, ReadThroughHoles };
using SortCompareClosure = std::function<ThrowCompletionOr<double>(Agent&, Value x, Value y)>;
ThrowCompletionOr<List<Value>> SortIndexedProperties(Agent&, Object& obj, double len, const SortCompareClosure& SortCompare,
                                                     Holes holes);
// The ToString results of one sort's primitive elements. CompareArrayElements
// converts x and y at every comparison; ToString of a Number, Boolean or
// BigInt runs no user code, so converting each such value once is
// unobservable and saves O(n log n) allocations.
class SortStringCache {
public:
    ThrowCompletionOr<String*> ToString(Agent&, Value);

private:
    struct BitsHash {  // Number bits keep their entropy high: mix before bucketing
        size_t operator()(uint64_t bits) const { return size_t((bits ^ (bits >> 31)) * 0x9E3779B97F4A7C15ull); }
    };
    std::unordered_map<uint64_t, String*, BitsHash> strings_;  // by the Value's bits
    List<Value> rooted_;
};

// §23.1.3.30.2 CompareArrayElements ( x, y, comparator ); cache is optional
ThrowCompletionOr<double> CompareArrayElements(Agent&, Value x, Value y, Value comparator,
                                               SortStringCache* cache = nullptr);
// §23.1.5.1 CreateArrayIterator ( array, kind )
Object* CreateArrayIterator(Agent&, Object& array, ArrayIterationKind kind);

// %Array%, %Array.prototype% (an Array exotic object), %ArrayIteratorPrototype%.
void CreateArrayIntrinsics(Agent&, Realm&);

}  // namespace lockstep
