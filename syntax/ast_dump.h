// A readable, indented dump of a parse tree (`lockstep parse --ast`).
#pragma once

#include "syntax/ast.h"

#include <string>

namespace lockstep::syntax {

std::string DumpAst(const Program& program);

}  // namespace lockstep::syntax
