#include "conformance/test262/unsupported_features.h"

namespace lockstep::conformance::test262 {

namespace {

std::string_view Trim(std::string_view text)
{
    size_t begin = text.find_first_not_of(" \t\r");
    if (begin == std::string_view::npos) return {};
    size_t end = text.find_last_not_of(" \t\r");
    return text.substr(begin, end - begin + 1);
}

}  // namespace

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
    int line_number = 0;
    for (size_t position = 0; position < text.size();) {
        size_t end = text.find('\n', position);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(position, end - position);
        position = end + 1;
        ++line_number;
        auto error = [&](const std::string& message) {
            return std::string(file_name) + ":" + std::to_string(line_number) + ": " + message;
        };
        size_t hash = line.find('#');
        std::string_view feature = Trim(line.substr(0, hash));
        if (feature.empty()) continue;
        if (feature.find_first_of(" \t") != std::string_view::npos)
            return error("expected one feature per line, found '" + std::string(feature) + "'");
        std::string_view reason = hash == std::string_view::npos ? "" : Trim(line.substr(hash + 1));
        if (reason.empty()) return error("feature '" + std::string(feature) + "' needs a reason ('# why')");
        if (!unsupported.reasons.emplace(feature, reason).second)
            return error("feature '" + std::string(feature) + "' is listed twice");
    }
    return unsupported;
}

}  // namespace lockstep::conformance::test262
