// The test262 features that name proposals not in the pinned ECMA-262: tests
// that use one are skipped (conformance/test262/unsupported_features.txt says
// which and why; `--exclude-features` adds more for one run).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace lockstep::conformance::test262 {

struct UnsupportedFeatures {
    std::map<std::string, std::string, std::less<>> reasons;   // feature -> why it is skipped

    // The first of `features` that is unsupported, or nullptr.
    const std::string* FirstUnsupported(const std::vector<std::string>& features) const;
};

// Lines `feature  # reason`; blank lines and lines starting with '#' are
// comments. A feature without a reason is an error ("file:line: ...").
std::variant<UnsupportedFeatures, std::string> ParseUnsupportedFeatures(std::string_view text,
                                                                        std::string_view file_name);

}  // namespace lockstep::conformance::test262
