// The harness files of a test262 checkout (DIR/harness: assert.js, sta.js,
// doneprintHandle.js and the `includes` of the tests), each read and parsed
// once per run, in the parent before the workers fork: every realm of every
// worker evaluates the same parse trees (INTERPRETING.md, "Test262-Defined
// Bindings" and `includes`).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "algorithms/source_unit.h"
#include "conformance/test262/front_matter.h"

namespace lockstep::conformance::test262 {

struct HarnessFile {
    std::shared_ptr<SourceUnit> unit;   // the parsed Script; null when `error` says why not
    std::string error;                  // e.g. "cannot read DIR/harness/x.js: ..." or a SyntaxError
};

class Harness {
public:
    explicit Harness(std::string harness_dir) : dir_(std::move(harness_dir)) {}

    // Reads and parses the file unless that was done already. A file that
    // cannot be read or parsed is remembered with its error (the tests that
    // include it fail with that error; the others run).
    const HarnessFile& Load(const std::string& name);

    // A file Load has seen, or null.
    const HarnessFile* Find(const std::string& name) const;

    // The files a scenario of a test with these flags and includes evaluates
    // before the test itself, in order: none for `raw`; otherwise assert.js
    // and sta.js, doneprintHandle.js for `async`, then the includes.
    static std::vector<std::string> FilesFor(const FrontMatter& front_matter);

private:
    std::string dir_;
    std::map<std::string, HarnessFile, std::less<>> files_;
};

}  // namespace lockstep::conformance::test262
