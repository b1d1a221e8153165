// lockstep: one binary, one subcommand per tool (DESIGN.md §7).
#include "tools/commands.h"

#include <cstdio>
#include <cstring>

namespace {

struct Command {
    const char* name;
    int (*run)(int, char**);
    const char* usage;
};

const Command kCommands[] = {
    {"run", lockstep::tools::run_command,
     "run FILE.js                                 run a script (print / console.log write a line)\n"
     "  run FILE.wasm|FILE.wat [--invoke NAME ARG...]  instantiate; call an export, print TYPE:VALUE lines"},
    {"parse", lockstep::tools::parse_command,
     "parse [--module] [--strict] [--ast] FILE...   parse; report SyntaxErrors with line:column"},
    {"test262", lockstep::tools::test262_command,
     "test262 [--test262 DIR] [-j N] [--parse-only] [--json FILE] [--junit FILE] [--expectations FILE]\n"
     "          [--step-coverage STEPFILE] PATH..."},
    {"spec", lockstep::tools::spec_command,
     "spec check|coverage|show ...               the spec index: drift and step coverage (--html OUT)"},
    {"trace", lockstep::tools::trace_command,
     "trace FILE.js|FILE.wasm|FILE.wat [--json] [--only REGEX] [--no-text]  the spec steps as they run"},
    {"wast", lockstep::tools::wast_command,
     "wast [--junit FILE] [--step-coverage STEPFILE] FILE|DIR...  run WebAssembly .wast scripts"},
    {"wpt", lockstep::tools::wpt_command,
     "wpt [-j N] [--expectations FILE] FILE|DIR...  run WPT .any.js tests (WebAssembly JS API, JSPI)"},
};

int usage(FILE* out)
{
    std::fprintf(out, "usage: lockstep COMMAND [ARGS]\n\ncommands:\n");
    for (const Command& c : kCommands) std::fprintf(out, "  %s\n", c.usage);
    return out == stderr ? 2 : 0;
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc < 2) return usage(stderr);
    if (!std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "help")) return usage(stdout);
    for (const Command& c : kCommands)
        if (!std::strcmp(argv[1], c.name)) return c.run(argc - 2, argv + 2);
    std::fprintf(stderr, "lockstep: unknown command '%s'\n", argv[1]);
    return usage(stderr);
}
