// lockstep run FILE.wasm|FILE.wat [--invoke NAME [ARG...]]
// The WebAssembly branch of `lockstep run` (tools/run_command.cpp): the
// embedder in wasm/embedding/run_module.h does the work; this prints its
// results (one `TYPE:VALUE` line each) or its error on stderr.
#include "tools/commands.h"

#include "wasm/embedding/run_module.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace lockstep::tools {

namespace {

int usage()
{
    std::fprintf(stderr,
                 "usage: lockstep run FILE.wasm|FILE.wat [--invoke NAME [ARG...]]\n"
                 "  instantiates the module (no imports; runs its start function), then calls the\n"
                 "  exported function NAME with ARGs read as literals of its parameter types\n"
                 "  (i32/i64: 42, -1, 0xff; f32/f64: 1.5, -0x1p-3, inf, nan, nan:0x200000;\n"
                 "  nullable references: null) and prints each result on a line as TYPE:VALUE\n"
                 "  (i32:3, i64:18446744073709551615, f64:0.1, f32:nan, v128:i32x4 0x... , ref.null).\n"
                 "  exit status: 0 ok; 1 CompileError, LinkError, trap or uncaught exception\n"
                 "  (reported on stderr); 2 bad usage, an unreadable file or arguments that do not fit\n");
    return 2;
}

bool ends_with(const std::string& s, const char* suffix)
{
    const size_t n = std::strlen(suffix);
    return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

}  // namespace

bool is_wasm_path(const char* path)
{
    const std::string p = path;
    return ends_with(p, ".wasm") || ends_with(p, ".wat");
}

int run_wasm_command(int argc, char** argv)
{
    if (argc < 1 || argv[0][0] == '-') return usage();
    const std::string file = argv[0];
    std::string export_name;
    std::vector<std::string> args;
    if (argc > 1) {
        if (std::strcmp(argv[1], "--invoke") != 0 || argc < 3) return usage();
        export_name = argv[2];
        args.assign(argv + 3, argv + argc);
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "%s: cannot read file\n", file.c_str());
        return 2;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    const auto format = ends_with(file, ".wat") ? wasm::embedding::SourceFormat::Text
                                                : wasm::embedding::SourceFormat::Binary;
    const wasm::embedding::RunResult r = wasm::embedding::run_module(buffer.str(), format, export_name, args);
    if (r.kind == wasm::embedding::RunResult::Ok) {
        for (const std::string& line : r.results) std::printf("%s\n", line.c_str());
        return 0;
    }
    std::fprintf(stderr, "%s: %s\n", file.c_str(), r.message.c_str());
    return r.kind == wasm::embedding::RunResult::BadInvocation ? 2 : 1;
}

}  // namespace lockstep::tools
