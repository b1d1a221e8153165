// `lockstep run` as a user sees it: the executable run as a subprocess on a
// script file, its output and exit status. HostPromiseRejectionTracker
// (§27.2.1.9): a promise still rejected without a handler once the job
// queue is empty is reported, and the run fails.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct RunResult {
    std::string output;  // stdout and stderr together
    int exit_status = -1;
};

// build/lockstep, next to this binary's folder (build/tests/).
fs::path lockstep_executable()
{
    return fs::read_symlink("/proc/self/exe").parent_path().parent_path() / "lockstep";
}

class RunCommandTest : public ::testing::Test {
protected:
    RunCommandTest()
    {
        char pattern[] = "/tmp/lockstep_cli_test_XXXXXX";
        directory_ = mkdtemp(pattern);
    }
    ~RunCommandTest() override { fs::remove_all(directory_); }

    RunResult run_script(const std::string& source)
    {
        fs::path script = directory_ / "script.js";
        std::ofstream(script) << source;
        std::string command = lockstep_executable().string() + " run " + script.string() + " 2>&1";
        RunResult result;
        FILE* pipe = popen(command.c_str(), "r");
        if (!pipe) {
            ADD_FAILURE() << "popen failed: " << command;
            return result;
        }
        std::array<char, 4096> buffer;
        size_t read;
        while ((read = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), read);
        int status = pclose(pipe);
        if (WIFEXITED(status)) result.exit_status = WEXITSTATUS(status);
        return result;
    }

private:
    fs::path directory_;
};

TEST_F(RunCommandTest, TheExecutableExists)
{
    ASSERT_TRUE(fs::exists(lockstep_executable())) << lockstep_executable();
}

// setTimeout / clearTimeout (runtime/host_timers.h): timeouts run after the
// promise jobs, in the order of their due times on a virtual clock, with
// their extra arguments; a cleared one never runs.
TEST_F(RunCommandTest, TimersRunInDueOrderAfterThePromiseJobs)
{
    RunResult result = run_script("setTimeout(() => print('20'), 20);\n"
                                  "const id = setTimeout(() => print('cleared'), 5);\n"
                                  "setTimeout((a) => print('10', a), 10, 'arg');\n"
                                  "clearTimeout(id);\n"
                                  "Promise.resolve().then(() => print('job'));\n"
                                  "(async () => { await new Promise(r => setTimeout(r, 30)); print('30'); })();\n");
    EXPECT_EQ(result.output, "job\n10 arg\n20\n30\n");
    EXPECT_EQ(result.exit_status, 0);
}

TEST_F(RunCommandTest, ARejectionWithoutAHandlerIsReportedAndFailsTheRun)
{
    RunResult result = run_script("Promise.reject(new Error(\"boom\"));\n");
    EXPECT_NE(result.output.find("Uncaught (in promise) Error: boom"), std::string::npos) << result.output;
    EXPECT_EQ(result.exit_status, 1);
}

TEST_F(RunCommandTest, AHandlerAttachedLaterInTheSameTurnIsNotReported)
{
    RunResult result = run_script("const p = Promise.reject(new Error(\"boom\"));\n"
                                  "print(\"between\");\n"
                                  "p.catch(e => print(\"caught \" + e.message));\n");
    EXPECT_EQ(result.output.find("Uncaught"), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("caught boom"), std::string::npos) << result.output;
    EXPECT_EQ(result.exit_status, 0);
}

TEST_F(RunCommandTest, ARejectionFromAnAsyncFunctionIsReported)
{
    RunResult result = run_script("async function f() { await null; throw new TypeError(\"late\"); }\nf();\n");
    EXPECT_NE(result.output.find("Uncaught (in promise) TypeError: late"), std::string::npos) << result.output;
    EXPECT_EQ(result.exit_status, 1);
}

TEST_F(RunCommandTest, AScriptThatCompletesNormallyExitsZero)
{
    RunResult result = run_script("print(1 + 2);\n");
    EXPECT_EQ(result.output, "3\n");
    EXPECT_EQ(result.exit_status, 0);
}

}  // namespace
