// Steps as ecmarkdown and Bikeshed markdown write them: an ordered list
// `1. …` whose nesting is given by indentation, numbered on rendering.
#pragma once

#include "spec/index.h"

#include <string>
#include <string_view>
#include <vector>

namespace lockstep::spec {

// Parses the text of one algorithm (lines of `1. step`, nested by
// indentation; `* bullet` lines and other lines continue the step above).
// `first_line` is the source line of `text`'s first line.
std::vector<SpecStep> parse_step_list(std::string_view text, int first_line = 0,
                                      int* first_step_line = nullptr);

// The rendering of `ordinal` (1-based) at `depth`: decimal, lower-alpha,
// lower-roman, then again decimal …
std::string step_label_component(int depth, int ordinal);
// "2.c.i" from {2, 3, 1}.
std::string step_label(const std::vector<int>& path);
// {2, 3, 1} from "2.c.i"; false if `label` is not written as the spec
// renders labels at each depth.
bool parse_step_label(std::string_view label, std::vector<int>& path);

// Whether `line` (leading whitespace removed) opens a numbered list item:
// digits then ". "; `text_start` receives the offset of the item's text.
bool is_numbered_item(std::string_view line, std::size_t* text_start = nullptr);

}  // namespace lockstep::spec
