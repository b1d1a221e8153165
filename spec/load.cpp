#include "spec/load.h"

#include "spec/ecma262.h"
#include "spec/js_api.h"

#include <chrono>
#include <filesystem>

namespace lockstep::spec {

namespace {

double milliseconds_since(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

bool load_spec(const std::string& spec_dir, const std::string& cache_dir, SpecIndex& index, SpecTecIndex& spectec,
               std::string& error, LoadTimings* timings)
{
    LoadTimings local;
    LoadTimings& t = timings ? *timings : local;
    std::error_code ec;
    if (!std::filesystem::is_directory(spec_dir, ec)) {
        error = "no spec sources at " + spec_dir +
                " (a folder with ecma262/, wasm-js-api/ and wasm-3.0-spectec/: pass --spec DIR or set LOCKSTEP_SPEC)";
        return false;
    }
    auto start = std::chrono::steady_clock::now();
    std::string xhtml = ecma262_to_xhtml(spec_dir + "/ecma262/spec.html", cache_dir, error);
    if (xhtml.empty()) return false;
    t.xhtml_ms = milliseconds_since(start);

    start = std::chrono::steady_clock::now();
    if (!load_ecma262_xhtml_file(xhtml, index, error)) return false;
    t.ecma262_ms = milliseconds_since(start);

    start = std::chrono::steady_clock::now();
    if (!load_js_api_file(spec_dir + "/wasm-js-api/index.bs", index, error)) return false;
    t.js_api_ms = milliseconds_since(start);

    start = std::chrono::steady_clock::now();
    if (!load_spectec_dir(spec_dir + "/wasm-3.0-spectec", spectec, error)) return false;
    t.spectec_ms = milliseconds_since(start);
    return true;
}

}  // namespace lockstep::spec
