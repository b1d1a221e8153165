#include "conformance/test262/parse_phase.h"

#include "syntax/ast.h"   // ParseResult owns a Program

namespace lockstep::conformance::test262 {

bool IsValidUtf8(std::string_view text)
{
    size_t i = 0;
    while (i < text.size()) {
        auto byte = static_cast<unsigned char>(text[i]);
        size_t length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + length > text.size()) return false;
        uint32_t code = length == 1 ? byte : byte & (0x7F >> length);
        for (size_t k = 1; k < length; ++k) {
            auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return false;
            code = (code << 6) | (next & 0x3F);
        }
        static constexpr uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
        if (code < kMinimum[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
        i += length;
    }
    return true;
}

std::string DescribeSyntaxError(const syntax::SyntaxError& error, Scenario scenario)
{
    uint32_t line = error.position.line;
    if (scenario == Scenario::Strict && line > 1) --line;
    return "SyntaxError at " + std::to_string(line) + ":" + std::to_string(error.position.column) + ": " +
           error.message;
}

Outcome RunParsePhase(const Test262Test& test, Scenario scenario)
{
    if (!IsValidUtf8(test.source)) return {Status::Fail, "the test file is not valid UTF-8"};
    std::string source = ScenarioSource(scenario, test.source);
    syntax::ParseOptions options;
    options.goal = scenario == Scenario::Module ? syntax::Goal::Module : syntax::Goal::Script;
    syntax::ParseResult parsed = syntax::ParseProgram(source, options);

    const std::optional<Negative>& negative = test.front_matter.negative;
    if (!negative || negative->phase != "parse") {
        if (parsed.error) return {Status::Fail, DescribeSyntaxError(*parsed.error, scenario)};
        return {Status::Pass, ""};
    }
    if (!parsed.error) return {Status::Fail, "parsed, but a parse-phase " + negative->type + " was expected"};
    if (negative->type != "SyntaxError")
        return {Status::Fail, "expected a parse-phase " + negative->type + ", got " + DescribeSyntaxError(*parsed.error, scenario)};
    return {Status::Pass, ""};
}

}  // namespace lockstep::conformance::test262
