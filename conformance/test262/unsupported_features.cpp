#include "conformance/test262/unsupported_features.h"

#include "conformance/common/commented_lines.h"

namespace lockstep::conformance::test262 {

const std::string* UnsupportedFeatures::FirstUnsupported(const std::vector<std::string>& features) const
{
    for (const std::string& feature : features)
        if (reasons.count(feature)) return &feature;
    return nullptr;
}

std::variant<UnsupportedFeatures, std::string> ParseUnsupportedFeatures(std::string_view text,
                                                                        std::string_view file_name)
{
    UnsupportedFeatures unsupported;
    for (const CommentedLine& line : SplitCommentedLines(text)) {
        auto error = [&](const std::string& message) { return LineError(file_name, line.number, message); };
        std::string_view feature = line.content;
        if (feature.empty()) continue;
        if (feature.find_first_of(" \t") != std::string_view::npos)
            return error("expected one feature per line, found '" + std::string(feature) + "'");
        std::string_view reason = line.comment;
        if (reason.empty()) return error("feature '" + std::string(feature) + "' needs a reason ('# why')");
        if (!unsupported.reasons.emplace(feature, reason).second)
            return error("feature '" + std::string(feature) + "' is listed twice");
    }
    return unsupported;
}

}  // namespace lockstep::conformance::test262
