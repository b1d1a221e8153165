// Loading the whole spec index from a spec folder laid out as ../shared/spec:
// ecma262/spec.html, wasm-js-api/index.bs, wasm-3.0-spectec/*.spectec.
#pragma once

#include "spec/index.h"
#include "spec/spectec.h"

#include <string>

namespace lockstep::spec {

struct LoadTimings {
    double xhtml_ms = 0;     // xmllint conversion, or the cache look-up
    double ecma262_ms = 0;   // pugixml parse and extraction of the XHTML
    double js_api_ms = 0;
    double spectec_ms = 0;
};

bool load_spec(const std::string& spec_dir, const std::string& cache_dir, SpecIndex& index, SpecTecIndex& spectec,
               std::string& error, LoadTimings* timings = nullptr);

}  // namespace lockstep::spec
