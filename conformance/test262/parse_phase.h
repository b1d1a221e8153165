// The parse phase of a test262 run (`--parse-only`): every scenario must
// parse, as a Script or (module flag) as a Module, except tests whose
// negative.phase is parse, which must be rejected with a SyntaxError.
// Resolution- and runtime-negative tests must parse. Harness includes are not
// parsed here.
#pragma once

#include "conformance/common/result.h"
#include "conformance/test262/runner.h"

namespace lockstep::conformance::test262 {

Outcome RunParsePhase(const Test262Test& test, Scenario scenario);

}  // namespace lockstep::conformance::test262
