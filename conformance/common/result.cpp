#include "conformance/common/result.h"

namespace lockstep::conformance {

std::string_view StatusName(Status status)
{
    switch (status) {
    case Status::Pass: return "pass";
    case Status::Fail: return "fail";
    case Status::Skip: return "skip";
    case Status::Crash: return "crash";
    case Status::Timeout: return "timeout";
    }
    return "?";
}

std::string DisplayName(const TestResult& result)
{
    if (result.scenario.empty()) return result.path;
    return result.path + " (" + result.scenario + ")";
}

}  // namespace lockstep::conformance
