// Step coverage of a conformance run (`--step-coverage FILE`): every spec
// step (spec/step.h markers) that any test executed, saved as the step file
// `lockstep spec coverage` reads (spec/coverage.h).
//
// Tests run in forked workers (worker_pool.h), possibly in children of the
// workers (worker_recycling.h), and each process records into its own
// memory. So after each job, the job wrapper appends the steps that process
// reached for the first time to its own file, <folder>/steps.<pid>; Finish()
// merges the files of all processes. A process that crashes loses only the
// steps of the job it crashed in.
#pragma once

#include <optional>
#include <string>

#include "conformance/common/worker_pool.h"

namespace lockstep::conformance {

class StepCollection {
public:
    StepCollection() = default;
    ~StepCollection();  // removes the folder if Finish() did not
    StepCollection(const StepCollection&) = delete;
    StepCollection& operator=(const StepCollection&) = delete;

    // Makes the folder (under $TMPDIR) and switches step recording on in
    // this process and the ones forked from it from now on.
    std::optional<std::string> Start();

    // A job function that runs `job`, then appends the steps this process
    // reached for the first time to its file.
    JobFunction Wrap(JobFunction job) const;

    // Switches recording off, merges the files and this process's own
    // steps, writes the sorted step file, removes the folder.
    std::optional<std::string> Finish(const std::string& step_file);

    // Appends this process's new steps to its file in the folder.
    void Flush() const;

private:
    std::string folder_;
};

}  // namespace lockstep::conformance
