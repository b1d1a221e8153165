// RegExp pattern syntax (ECMA-262 §22.2.1, with Annex B.1.2 for patterns
// that have neither the u nor the v flag). The tree and ParsePattern are in
// pattern_ast.h.
#pragma once

#include <optional>
#include <string_view>

#include "syntax/regexp/pattern_ast.h"

namespace lockstep::syntax::regexp {

// §13.2.7.3 IsValidRegularExpressionLiteral: the flags are valid and the body
// parses with ParsePattern under those flags, early errors included. Returns
// the error or nullopt when the literal is valid. Offsets count UTF-16 code
// units from the start of the body; a flag's error points at the flag as if
// the text were `body/flags` (body.size() + 1 + the flag's index).
std::optional<PatternSyntaxError> IsValidRegularExpressionLiteral(std::u16string_view body,
                                                                  std::u16string_view flags);

}  // namespace lockstep::syntax::regexp
