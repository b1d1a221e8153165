#include "spec/recording.h"
#include "spec/step.h"

#include <gtest/gtest.h>

#include <thread>

namespace lockstep::spec {
namespace {

void transcribed(int x)
{
    SPEC_ALGORITHM("sec-test");
    STEP("1");
    if (x > 0) {
        STEP("1.a");
    }
    STEP("2");
}

TEST(Recording, OnlyWhileRecordingAndDistinct)
{
    take_recorded_steps();
    transcribed(1);  // not recording: nothing kept
    g_recording = true;
    transcribed(0);
    transcribed(0);
    std::thread worker([] { transcribed(1); });
    worker.join();
    g_recording = false;
    EXPECT_EQ(take_recorded_steps(), (std::vector<RecordedStep>{
                                         {"sec-test", "1"}, {"sec-test", "1.a"}, {"sec-test", "2"}}));
    EXPECT_TRUE(take_recorded_steps().empty());
}

std::vector<std::string>* g_seen = nullptr;

TEST(Recording, AnObserverSeesEveryStepInOrder)
{
    std::vector<std::string> seen;
    g_seen = &seen;
    set_step_observer([](const char* algorithm, const char* step) { g_seen->push_back(std::string(algorithm) + " " + step); });
    g_recording = true;
    transcribed(1);
    RULE("Step_pure/nop");
    g_recording = false;
    set_step_observer(nullptr);
    EXPECT_EQ(seen, (std::vector<std::string>{"sec-test 1", "sec-test 1.a", "sec-test 2", "wasm Step_pure/nop"}));
    EXPECT_TRUE(take_recorded_steps().empty());
}

}  // namespace
}  // namespace lockstep::spec
