// The parse phase of a test262 run (`--parse-only`): every scenario must
// parse, as a Script or (module flag) as a Module, except tests whose
// negative.phase is parse, which must be rejected with a SyntaxError.
// Resolution- and runtime-negative tests must parse. Harness includes are not
// parsed here.
#pragma once

#include <string>
#include <string_view>

#include "conformance/common/result.h"
#include "conformance/test262/runner.h"
#include "syntax/parser.h"

namespace lockstep::conformance::test262 {

Outcome RunParsePhase(const Test262Test& test, Scenario scenario);

// The parser takes valid UTF-8 only; test262 files are UTF-8 (INTERPRETING.md).
bool IsValidUtf8(std::string_view text);

// "SyntaxError at 3:7: message", with the line counted in the test file (the
// strict scenario's prepended directive is not a line of the test).
std::string DescribeSyntaxError(const syntax::SyntaxError& error, Scenario scenario);

}  // namespace lockstep::conformance::test262
