// wast_sanitized FILE.wast|DIR...
//
// The .wast runner (conformance/wast/) linked with the wasm sources built
// with ASan and UBSan (`make fuzz-wast`): the whole test suite as a
// sanitizer check, with the arguments the scripts choose (edge values the
// fuzzer's default arguments never reach). Any sanitizer report aborts; the
// closing line counts the scripts' assertions as `lockstep wast` does.
#include "conformance/wast/runner.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;

int main(int argc, char** argv)
{
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        if (fs::is_directory(argv[i])) {
            for (const auto& entry : fs::recursive_directory_iterator(argv[i]))
                if (entry.path().extension() == ".wast") files.push_back(entry.path().string());
        } else {
            files.push_back(argv[i]);
        }
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
        std::fprintf(stderr, "usage: wast_sanitized FILE.wast|DIR...\n");
        return 2;
    }
    lockstep::conformance::Counts total;
    for (const std::string& file : files) {
        std::fprintf(stderr, "%s\n", file.c_str());
        const auto result = lockstep::conformance::wast::run_wast_file(file, {}, nullptr);
        total.passed += result.counts.passed;
        total.failed += result.counts.failed;
        total.skipped += result.counts.skipped;
    }
    std::printf("%zu scripts: %zu passed, %zu failed, %zu skipped\n", files.size(), total.passed, total.failed,
                total.skipped);
    return 0;
}
