// `lockstep wast FILE|DIR...`: runs WebAssembly .wast scripts (DESIGN.md §7).
#include "tools/commands.h"

#include "conformance/wast/runner.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

namespace lockstep::tools {

int wast_command(int argc, char** argv)
{
    namespace fs = std::filesystem;
    conformance::wast::Options options;
    std::vector<std::string> files;
    for (int i = 0; i < argc; ++i) {
        if (!std::strcmp(argv[i], "-v") || !std::strcmp(argv[i], "--verbose")) {
            options.verbose = true;
            continue;
        }
        std::error_code ec;
        if (fs::is_directory(argv[i], ec)) {
            std::vector<std::string> found;
            for (const auto& e : fs::recursive_directory_iterator(argv[i], ec))
                if (e.is_regular_file() && e.path().extension() == ".wast") found.push_back(e.path().string());
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else {
            files.push_back(argv[i]);
        }
    }
    if (files.empty()) {
        std::fprintf(stderr, "usage: lockstep wast [-v] FILE|DIR...\n");
        return 2;
    }
    conformance::wast::Totals total;
    for (const std::string& f : files) {
        const auto t = conformance::wast::run_wast_file(f, options, stdout);
        total.passed += t.passed;
        total.failed += t.failed;
        total.skipped += t.skipped;
    }
    std::printf("%zu passed, %zu failed, %zu skipped\n", total.passed, total.failed, total.skipped);
    return total.failed ? 1 : 0;
}

}  // namespace lockstep::tools
