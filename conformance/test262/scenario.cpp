#include "conformance/test262/scenario.h"

namespace lockstep::conformance::test262 {

std::string_view ScenarioName(Scenario scenario)
{
    switch (scenario) {
    case Scenario::NonStrict: return "non-strict";
    case Scenario::Strict: return "strict";
    case Scenario::Module: return "module";
    }
    return "?";
}

std::vector<Scenario> ScenariosFor(const Flags& flags)
{
    // module comes first: it "negates the default requirement to execute the
    // test both in strict mode and in non-strict mode", raw or not.
    if (flags.module) return {Scenario::Module};
    if (flags.onlyStrict) return {Scenario::Strict};
    if (flags.noStrict || flags.raw) return {Scenario::NonStrict};
    return {Scenario::NonStrict, Scenario::Strict};
}

std::string ScenarioSource(Scenario scenario, std::string_view source)
{
    if (scenario != Scenario::Strict) return std::string(source);
    std::string text(kUseStrictPrefix);
    text += source;
    return text;
}

}  // namespace lockstep::conformance::test262
