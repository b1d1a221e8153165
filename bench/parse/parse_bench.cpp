// Parse throughput of lockstep's parser over the benchmark's file list: all
// files are read into memory first, then parsed ROUNDS times; prints the best
// round as one JSON line (the same shape as acorn_bench.js).
#include "syntax/parser.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: parse_bench FILE_LIST [ROUNDS]\n");
        return 2;
    }
    struct Source { lockstep::syntax::Goal goal; std::string text; };
    std::vector<Source> sources;
    size_t total_bytes = 0;
    std::ifstream list(argv[1]);
    for (std::string line; std::getline(list, line);) {
        auto space = line.find(' ');
        if (space == std::string::npos) continue;
        std::ifstream file(line.substr(space + 1), std::ios::binary);
        std::stringstream text;
        text << file.rdbuf();
        auto goal = line.compare(0, space, "module") == 0 ? lockstep::syntax::Goal::Module
                                                           : lockstep::syntax::Goal::Script;
        sources.push_back({goal, text.str()});
        total_bytes += sources.back().text.size();
    }
    int rounds = argc > 2 ? std::atoi(argv[2]) : 3;
    double best = 1e30;
    size_t rejected = 0;
    for (int r = 0; r < rounds; ++r) {
        rejected = 0;
        auto t0 = std::chrono::steady_clock::now();
        for (const Source& s : sources) {
            lockstep::syntax::ParseOptions options;
            options.goal = s.goal;
            auto result = lockstep::syntax::ParseProgram(s.text, options);
            if (result.error) ++rejected;
        }
        std::chrono::duration<double> dt = std::chrono::steady_clock::now() - t0;
        best = std::min(best, dt.count());
    }
    std::printf("{\"parser\":\"lockstep\",\"files\":%zu,\"megabytes\":%.3f,\"seconds\":%.4f,"
                "\"mb_per_s\":%.2f,\"rejected\":%zu}\n",
                sources.size(), total_bytes / 1e6, best, total_bytes / 1e6 / best, rejected);
    return 0;
}
