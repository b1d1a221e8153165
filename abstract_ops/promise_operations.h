// ECMA-262 §27.2.1 Promise Abstract Operations.
// https://tc39.es/ecma262/#sec-promise-abstract-operations
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "abstract_ops/object_operations.h"
#include "runtime/completion.h"
#include "runtime/host.h"
#include "runtime/object.h"
#include "runtime/root.h"
#include "runtime/value.h"

namespace lockstep {

class Agent;
class BuiltinFunction;
class PromiseObject;
class Visitor;

// §27.2.1.1 PromiseCapability Records. A record of three objects, copied by
// value (its fields never change once NewPromiseCapability made it).
struct PromiseCapabilityRecord {
    Object* Promise;  // [[Promise]]: an object usable as a promise
    Object* Resolve;  // [[Resolve]]: a function object
    Object* Reject;   // [[Reject]]: a function object
};

// §27.2.1.2 PromiseReaction Records.
enum class PromiseReactionType : uint8_t { Fulfill, Reject };
struct PromiseReactionRecord {
    std::optional<PromiseCapabilityRecord> Capability;  // nullopt is *undefined*
    PromiseReactionType Type;
    std::optional<JobCallbackRecord> Handler;  // nullopt is ~empty~
};

// What a Root<T> or a cell's visit_edges reports of these records.
void visit_root_item(Visitor&, const PromiseCapabilityRecord&);
void visit_root_item(Visitor&, const PromiseReactionRecord&);

// A Record { [[Value]] } or a List that the spec shares by reference between
// several built-in functions' internal slots (CreateResolvingFunctions'
// alreadyResolved, Promise.all's values and remainingElementsCount). Slots
// hold Values, so these are Objects — without a prototype, never handed to
// script.
class SharedRecord final : public Object {
public:
    SharedRecord(Object* prototype, lockstep::Value value) : Object(prototype), Value(value) {}
    lockstep::Value Value;  // [[Value]]
    void visit_edges(Visitor&) override;
};
class SharedList final : public Object {
public:
    using Object::Object;
    std::vector<lockstep::Value> items;
    void visit_edges(Visitor&) override;
};
SharedRecord* new_shared_record(Agent&, Value value);
SharedList* new_shared_list(Agent&);

// §27.2.1.1.1 IfAbruptRejectPromise ( value, capability ): in a function
// returning ThrowCompletionOr<Value> with an `agent` in scope,
// `IfAbruptRejectPromise(x, cap)` is the value of the normal completion x,
// or — x being a throw completion — calls cap.[[Reject]] with the thrown
// value (returning its throw, if any, as `?` does) and returns cap.[[Promise]].
#define IfAbruptRejectPromise(value, capability)                                                    \
    ({                                                                                              \
        auto&& lockstep_iarp_value_ = (value);                                                      \
        if (lockstep_iarp_value_.is_abrupt()) {                                                     \
            ::lockstep::Value lockstep_iarp_reason_ = lockstep_iarp_value_.thrown_value();          \
            TRY(::lockstep::Call(agent, (capability).Reject, ::lockstep::Value::undefined(),       \
                                 std::span<const ::lockstep::Value>(&lockstep_iarp_reason_, 1)));  \
            return ::lockstep::Value((capability).Promise);                                        \
        }                                                                                           \
        lockstep_iarp_value_.release_value();                                                       \
    })

// The Record CreateResolvingFunctions returns.
struct ResolvingFunctions {
    BuiltinFunction* Resolve;
    BuiltinFunction* Reject;
};

// §27.2.1.3 CreateResolvingFunctions ( promise )
ResolvingFunctions CreateResolvingFunctions(Agent&, PromiseObject& promise);
// §27.2.1.4 FulfillPromise ( promise, value )
void FulfillPromise(Agent&, PromiseObject& promise, Value value);
// §27.2.1.5 NewPromiseCapability ( C )
ThrowCompletionOr<PromiseCapabilityRecord> NewPromiseCapability(Agent&, Value C);
// §27.2.1.6 IsPromise ( x )
bool IsPromise(Value x);
// x as a Promise (an object with a [[PromiseState]] slot), or null if it is none.
PromiseObject* as_promise(Value x);
// §27.2.1.7 RejectPromise ( promise, reason )
void RejectPromise(Agent&, PromiseObject& promise, Value reason);
// §27.2.1.8 TriggerPromiseReactions ( reactions, argument )
void TriggerPromiseReactions(Agent&, const List<PromiseReactionRecord>& reactions, Value argument);
// §27.2.1.9 HostPromiseRejectionTracker ( promise, operation ) is the Host's
// (runtime/host.h).

}  // namespace lockstep
