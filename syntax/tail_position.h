// ECMA-262 §15.10 Tail Position Calls: which calls are in tail position.
// https://tc39.es/ecma262/#sec-tail-position-calls
#pragma once

namespace lockstep::syntax {

struct FunctionNode;

// §15.10.1 IsInTailPosition, answered for every call of one function at
// once: sets `tail_position` on each call (CallExpression, TaggedTemplate,
// OptionalChain Arguments link) that the function's body most closely
// contains and for which IsInTailPosition(call) is true. Needs f.strict,
// which the early-error pass computes; it calls this for each function.
void MarkCallsInTailPosition(FunctionNode& f);

}  // namespace lockstep::syntax
