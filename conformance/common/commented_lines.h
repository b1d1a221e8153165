// The line files the runners read (expectation files, the unsupported
// features list): each line is `content  # comment`, where either part may
// be missing; blank lines and lines holding only a comment have no content.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lockstep::conformance {

struct CommentedLine {
    int number = 0;            // 1-based
    std::string_view content;  // before '#', trimmed
    std::string_view comment;  // after '#', trimmed (empty without one)
    bool has_comment = false;
    size_t end = 0;            // the offset just past the line's '\n'
};

// `text` without leading and trailing blanks (space, tab, CR).
std::string_view Trim(std::string_view text);

// The lines of `text`; each view points into `text`.
std::vector<CommentedLine> SplitCommentedLines(std::string_view text);

// "file:line: message", how the runners report a malformed line.
std::string LineError(std::string_view file_name, int line_number, const std::string& message);

}  // namespace lockstep::conformance
