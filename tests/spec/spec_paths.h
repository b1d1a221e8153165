// Where the tests find the pinned spec sources (../shared/spec, or
// $LOCKSTEP_SPEC) and where they may cache the XHTML conversion.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

namespace lockstep::spec::testing {

// The spec folder, or "" when it is not there (the tests that need it skip).
inline std::string shared_spec_dir()
{
    const char* env = std::getenv("LOCKSTEP_SPEC");
    std::string dir = env && *env ? env : "../shared/spec";
    return std::filesystem::exists(dir + "/ecma262/spec.html") ? dir : "";
}

// build/spec-cache when run from the checkout (shared with the CLI),
// otherwise a folder under the system's temporary directory.
inline std::string cache_dir()
{
    if (std::filesystem::is_directory("build")) return "build/spec-cache";
    return (std::filesystem::temp_directory_path() / "lockstep-spec-cache").string();
}

}  // namespace lockstep::spec::testing
