// The `lockstep` subcommands. Each takes the arguments after its name and
// returns the process exit status. Add a command here and in tools/main.cpp.
#pragma once

#include <functional>
#include <string>

namespace lockstep::tools {

int parse_command(int argc, char** argv);     // tools/parse_command.cpp
int test262_command(int argc, char** argv);   // tools/test262_command.cpp
int spec_command(int argc, char** argv);      // tools/spec_command.cpp
int wast_command(int argc, char** argv);      // tools/wast_command.cpp
int wpt_command(int argc, char** argv);       // tools/wpt_command.cpp
int run_command(int argc, char** argv);       // tools/run_command.cpp
int run_wasm_command(int argc, char** argv);  // tools/run_wasm.cpp: `run` for .wasm/.wat files
int trace_command(int argc, char** argv);     // tools/trace_command.cpp

// What `lockstep run FILE.js` does, with hooks around the program: after the
// realm is set up, and once the script (and its jobs) ran, before errors
// are reported. `lockstep trace` records the steps in between.
struct RunHooks {
    std::function<void()> before_evaluation;
    std::function<void()> after_evaluation;
};
// A module when as_module or the file name ends in .mjs.
int run_js_file(const char* file, const RunHooks& hooks = {}, bool as_module = false);  // tools/run_command.cpp

// Where the spec sources and the index cache are (tools/spec_command.cpp):
// `spec_dir` as given (--spec), else $LOCKSTEP_SPEC, else ../shared/spec
// beside the checkout; the cache is build/spec-cache of the checkout.
struct SpecLocation {
    std::string spec_dir;
    std::string cache_dir;
};
SpecLocation spec_location(const std::string& spec_dir = "");
bool is_wasm_path(const char* path);          // tools/run_wasm.cpp: ends in .wasm or .wat

}  // namespace lockstep::tools
