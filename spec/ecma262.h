// ECMA-262 extraction: spec.html (ecmarkup) → XHTML (xmllint, cached) →
// clauses with their published section numbers, titles, and steps.
#pragma once

#include "spec/index.h"

#include <string>
#include <string_view>

namespace lockstep::spec {

// Converts the ecmarkup source `spec_html` to XHTML with
// `xmllint --html --xmlout --noent --nowarning`, caching the result in
// `cache_dir` under a name keyed by the source's size and modification time.
// Returns the XHTML path, or an empty string with `error` set.
std::string ecma262_to_xhtml(const std::string& spec_html, const std::string& cache_dir, std::string& error);

// Reads every emu-clause / emu-annex / emu-intro of an XHTML document into
// `index`: id, section number as ecmarkup renders it, title, name, and each
// emu-alg as labelled steps. Returns false with `error` set on bad input.
bool load_ecma262_xhtml_file(const std::string& xhtml_path, SpecIndex& index, std::string& error);
bool load_ecma262_xhtml(std::string_view xhtml, SpecIndex& index, std::string& error);

// Both steps: convert (or reuse the cache) and load.
bool load_ecma262(const std::string& spec_html, const std::string& cache_dir, SpecIndex& index,
                  std::string& error);

}  // namespace lockstep::spec
