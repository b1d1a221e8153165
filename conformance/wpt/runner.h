// The WPT runner (`lockstep wpt`): runs web-platform-tests `.any.js` files
// (the WebAssembly JS API and JSPI suites) with the real testharness.js.
//
// Each file runs in a fresh agent whose global object has what the harness
// needs in a shell: `self` (the global object), `console` (its methods
// drop their arguments), `setTimeout` /
// `clearTimeout` backed by the agent's timeout queue (runtime/host.h
// HostEnqueueTimeoutJob, on a virtual clock: time advances to each timeout
// as it runs), and two report functions the runner's prelude hands to
// add_result_callback / add_completion_callback; a second prelude adds the
// older assert_throws / promise_rejects, which the JSPI tests still call and
// this testharness.js no longer has. The `// META: script=`
// includes run first, in order; `/wasm/jsapi/NAME` is NAME in the js-api
// folder of the suite root (for a test outside js-api, such as JSPI's, a
// file of that name in the test's own folder comes first).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace lockstep::conformance::wpt {

// testharness.js's test statuses (Test.statuses) and harness statuses.
enum class SubtestStatus { Pass = 0, Fail = 1, Timeout = 2, NotRun = 3, PreconditionFailed = 4 };

struct SubtestResult {
    std::string name;
    SubtestStatus status = SubtestStatus::Pass;
    std::string message;
};

struct FileRun {
    std::vector<SubtestResult> subtests;
    bool completed = false;     // the completion callback ran
    std::string harness_error;  // a harness status other than OK, or an error running a script
};

struct WptFile {
    std::string path;                  // relative to the suite root, '/'-separated
    std::string full_path;
    std::vector<std::string> scripts;  // the META script includes, resolved
    std::string error;                 // an include that cannot be found
};

// Reads the META lines of `full_path` and resolves its includes.
WptFile PrepareFile(const std::string& full_path, const std::string& relative_path, const std::string& suite_root);

struct RunOptions {
    std::string harness_dir;  // holds testharness.js
    bool gc_stress = false;
};

// Runs one test file (in the calling process).
FileRun RunFile(const WptFile& file, const RunOptions& options);

// A FileRun as one line-based string (a worker's message) and back.
std::string Serialize(const FileRun& run);
FileRun Deserialize(const std::string& text);

}  // namespace lockstep::conformance::wpt
