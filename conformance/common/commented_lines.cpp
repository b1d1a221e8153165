#include "conformance/common/commented_lines.h"

namespace lockstep::conformance {

std::string_view Trim(std::string_view text)
{
    size_t begin = text.find_first_not_of(" \t\r");
    if (begin == std::string_view::npos) return {};
    size_t end = text.find_last_not_of(" \t\r");
    return text.substr(begin, end - begin + 1);
}

std::vector<CommentedLine> SplitCommentedLines(std::string_view text)
{
    std::vector<CommentedLine> lines;
    for (size_t position = 0; position < text.size();) {
        size_t end = text.find('\n', position);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(position, end - position);
        position = end + 1;
        size_t hash = line.find('#');
        CommentedLine& parsed = lines.emplace_back();
        parsed.number = int(lines.size());
        parsed.content = Trim(line.substr(0, hash));
        parsed.has_comment = hash != std::string_view::npos;
        if (parsed.has_comment) parsed.comment = Trim(line.substr(hash + 1));
        parsed.end = position;
    }
    return lines;
}

std::string LineError(std::string_view file_name, int line_number, const std::string& message)
{
    return std::string(file_name) + ":" + std::to_string(line_number) + ": " + message;
}

}  // namespace lockstep::conformance
