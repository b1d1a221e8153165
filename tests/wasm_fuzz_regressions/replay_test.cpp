// Replays every input kept in fuzz/regressions/ through the fuzzer's own
// path (fuzz/wasm_harness.h: decode, validate, instantiate with stub
// imports, invoke every export under a fuel budget).
//
// For each NAME.wasm:
// - it must end cleanly (checked in a child process, so a crash fails this
//   test instead of killing the binary), and
// - its outcome must be the one recorded in NAME.expected (the text of
//   lockstep::fuzz::to_string), so a fix that changes the outcome is seen.
// Inputs listed in fuzz/regressions/OPEN still crash the interpreter (a bug
// reported, not yet fixed): for them the test pins the crash; once fixed,
// the test fails until the line is removed from OPEN and NAME.expected added.
#include "fuzz/wasm_harness.h"

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr rlim_t kAddressSpaceLimit = rlim_t{16} << 30;  // 16 GiB: room for a few 4 GiB memory reservations

fs::path regressions_dir()
{
    if (const char* dir = std::getenv("LOCKSTEP_FUZZ_REGRESSIONS")) return dir;
    return "fuzz/regressions";  // `make test` runs from the repository root
}

std::vector<uint8_t> read_bytes(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    return std::vector<uint8_t>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string read_text(const fs::path& p)
{
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The names in OPEN: the first word of each line; `#` starts a comment.
std::set<std::string> open_bugs()
{
    std::set<std::string> names;
    std::ifstream in(regressions_dir() / "OPEN");
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line.substr(0, line.find('#')));
        std::string name;
        if (words >> name) names.insert(name);
    }
    return names;
}

std::vector<std::string> inputs()
{
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(regressions_dir(), ec))
        if (entry.path().extension() == ".wasm") names.push_back(entry.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

// In the child of a death test. noexcept: a C++ exception escaping the
// engine terminates the process, as it does in the lockstep tool, instead of
// being caught by the death test. The address-space limit makes a huge
// allocation fail at once whatever the machine's overcommit policy (instead
// of being granted and then filled page by page).
void run_and_exit(const std::vector<uint8_t>& bytes) noexcept
{
    const rlimit limit{kAddressSpaceLimit, kAddressSpaceLimit};
    setrlimit(RLIMIT_AS, &limit);
    lockstep::fuzz::run_wasm(bytes);
    std::exit(0);
}

class FuzzRegression : public testing::TestWithParam<std::string> {};

TEST_P(FuzzRegression, EndsCleanlyWithTheRecordedOutcome)
{
    const std::string name = GetParam();
    const std::vector<uint8_t> bytes = read_bytes(regressions_dir() / (name + ".wasm"));
    ASSERT_FALSE(bytes.empty()) << name;
    if (open_bugs().contains(name)) {
        EXPECT_EXIT(run_and_exit(bytes), [](int status) { return !testing::ExitedWithCode(0)(status); }, "")
            << name << " no longer crashes: remove it from OPEN and record NAME.expected";
        return;
    }
    EXPECT_EXIT(run_and_exit(bytes), testing::ExitedWithCode(0), "") << name << " crashed";
    const fs::path expected = regressions_dir() / (name + ".expected");
    ASSERT_TRUE(fs::exists(expected)) << "missing " << expected;
    EXPECT_EQ(lockstep::fuzz::to_string(lockstep::fuzz::run_wasm(bytes)), read_text(expected)) << name;
}

INSTANTIATE_TEST_SUITE_P(Kept, FuzzRegression, testing::ValuesIn(inputs()),
                         [](const testing::TestParamInfo<std::string>& info) {
                             std::string id = info.param;
                             for (char& c : id)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return id;
                         });

// The directory is found and not empty: a missing directory must not pass as "nothing to replay".
TEST(FuzzRegressions, InputsArePresent)
{
    EXPECT_FALSE(inputs().empty()) << "no .wasm inputs in " << regressions_dir();
    for (const std::string& name : open_bugs())
        EXPECT_TRUE(fs::exists(regressions_dir() / (name + ".wasm"))) << "OPEN lists a missing input: " << name;
}

// The harness itself: stub imports make an importing module runnable, and
// fuel ends an infinite loop with a trap instead of a hang.
TEST(FuzzHarness, StubImportsAndFuel)
{
    // (module (import "m" "f" (func (result i32)))
    //         (func (export "loop") (loop (br 0)))
    //         (func (export "call") (result i32) (call 0)))
    const std::vector<uint8_t> bytes = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,                    // magic, version
        0x01, 0x08, 0x02, 0x60, 0x00, 0x01, 0x7f, 0x60, 0x00, 0x00,        // types: []->[i32], []->[]
        0x02, 0x07, 0x01, 0x01, 0x6d, 0x01, 0x66, 0x00, 0x00,              // import m.f: type 0
        0x03, 0x03, 0x02, 0x01, 0x00,                                      // funcs: type 1, type 0
        0x07, 0x0f, 0x02, 0x04, 'l', 'o', 'o', 'p', 0x00, 0x01,            // export "loop" = func 1
        0x04, 'c', 'a', 'l', 'l', 0x00, 0x02,                              // export "call" = func 2
        0x0a, 0x0e, 0x02, 0x07, 0x00, 0x03, 0x40, 0x0c, 0x00, 0x0b, 0x0b,  // loop: (loop (br 0))
        0x04, 0x00, 0x10, 0x00, 0x0b,                                      // call: (call 0)
    };
    EXPECT_EQ(lockstep::fuzz::to_string(lockstep::fuzz::run_wasm(bytes)),
              "instantiated\nloop: trap fuel exhausted\ncall: ok\n");
}

TEST(FuzzHarness, ReportsEachStage)
{
    EXPECT_EQ(lockstep::fuzz::run_wasm(std::vector<uint8_t>{0x00, 0x61}).stage, lockstep::fuzz::RunReport::Malformed);
    // A function whose body leaves an i32 where none is declared.
    const std::vector<uint8_t> invalid = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00,
        0x03, 0x02, 0x01, 0x00, 0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x00, 0x0b,
    };
    EXPECT_EQ(lockstep::fuzz::run_wasm(invalid).stage, lockstep::fuzz::RunReport::Invalid);
}

}  // namespace
