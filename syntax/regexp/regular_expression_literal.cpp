// ECMA-262 §13.2.7.3 IsValidRegularExpressionLiteral ( literal )
#include <algorithm>
#include <variant>

#include "spec/step.h"
#include "syntax/regexp/pattern_parser.h"

namespace lockstep::syntax::regexp {

std::optional<PatternSyntaxError> IsValidRegularExpressionLiteral(std::u16string_view body,
                                                                  std::u16string_view flags)
{
    SPEC_ALGORITHM("sec-isvalidregularexpressionliteral");
    STEP("1");  // flags: the FlagText
    STEP("2");  // only d g i m s u v y, each at most once
    for (size_t k = 0; k < flags.size(); ++k) {
        char16_t f = flags[k];
        if (std::u16string_view(u"dgimsuvy").find(f) == std::u16string_view::npos)
            return PatternSyntaxError{"invalid regular expression flag", body.size() + 1 + k};
        if (flags.substr(0, k).find(f) != std::u16string_view::npos)
            return PatternSyntaxError{"duplicate regular expression flag", body.size() + 1 + k};
    }
    STEP("3");
    bool u = flags.find(u'u') != std::u16string_view::npos;
    STEP("4");
    bool v = flags.find(u'v') != std::u16string_view::npos;
    STEP("5");  // patternText: the BodyText
    STEP("6");
    if (!u && !v) {
        STEP("6.a");  // the body is already a String: its code units
        STEP("6.b");  // each one a code point, no UTF-16 decoding: ParsePattern reads it so
    }
    STEP("7");
    ParsePatternResult parseResult = ParsePattern(body, u, v);
    STEP("8");
    if (auto* error = std::get_if<PatternSyntaxError>(&parseResult)) {
        // Both u and v: point at the later of the two flags.
        if (u && v) error->offset = body.size() + 1 + std::max(flags.find(u'u'), flags.find(u'v'));
        return *error;
    }
    return std::nullopt;
}

}  // namespace lockstep::syntax::regexp
