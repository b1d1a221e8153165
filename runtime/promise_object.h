// ECMA-262 §27.2.6 Properties of Promise Instances: ordinary objects with
// the internal slots of Table "Internal Slots of Promise Instances".
// https://tc39.es/ecma262/#sec-properties-of-promise-instances
#pragma once

#include <cstdint>
#include <vector>

#include "abstract_ops/promise_operations.h"
#include "runtime/object.h"

namespace lockstep {

enum class PromiseState : uint8_t { Pending, Fulfilled, Rejected };

class PromiseObject final : public Object {
public:
    using Object::Object;

    lockstep::PromiseState PromiseState = PromiseState::Pending;  // [[PromiseState]]
    Value PromiseResult = Value::empty();  // [[PromiseResult]]: ~empty~ while pending
    // [[PromiseFulfillReactions]] and [[PromiseRejectReactions]]: the spec
    // sets them to *undefined* once the promise settles; they are then
    // empty and never appended to again.
    std::vector<PromiseReactionRecord> PromiseFulfillReactions;
    std::vector<PromiseReactionRecord> PromiseRejectReactions;
    bool PromiseIsHandled = false;  // [[PromiseIsHandled]]

    void visit_edges(Visitor&) override;
};

}  // namespace lockstep
