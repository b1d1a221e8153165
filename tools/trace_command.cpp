// lockstep trace FILE.js|FILE.wasm|FILE.wat [--json] [--only REGEX] [--no-text] [--setup] [-o FILE]
//                 [--spec DIR] [--invoke NAME ARG...]
// Runs the program as `lockstep run` does (tools/run_command.cpp,
// tools/run_wasm.cpp) and prints the spec steps as they run, one line each
// (spec/trace.h): indentation by algorithm nesting, section number,
// algorithm, step label and the spec's text of the step; JSON lines with
// --json. A script is traced from its parsing on; --setup also traces the
// realm's creation (every intrinsic). The program's own output goes to
// stdout between the steps that produce it (-o FILE puts the trace apart);
// its exit status is trace's.
#include "tools/commands.h"

#include "spec/load.h"
#include "spec/trace.h"

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace lockstep::tools {

namespace {

int usage()
{
    std::fprintf(stderr,
                 "usage: lockstep trace FILE.js|FILE.wasm|FILE.wat [--json] [--only REGEX] [--no-text] [--setup]\n"
                 "                      [-o FILE] [--spec DIR] [--invoke NAME ARG...]\n"
                 "  prints every executed spec step: \"  §7.1.1 ToPrimitive 1.a  If input is an Object, then\"\n"
                 "  --json      one JSON object per line: depth, section, id, algorithm, step, text\n"
                 "  --only RE   only the steps of algorithms whose \"§section name clause-id\" RE matches\n"
                 "              (Wasm rules: \"wasm Relation/rule\")\n"
                 "  --no-text   leave out the spec's text of each step\n"
                 "  --setup     also trace the creation of the realm (a script's intrinsics)\n"
                 "  -o FILE     write the trace to FILE (default: stdout, between the program's own output)\n"
                 "  --invoke    (Wasm) call an export after instantiation, as `lockstep run` does\n");
    return 2;
}

}  // namespace

int trace_command(int argc, char** argv)
{
    spec::TraceOptions options;
    std::string spec_dir, output;
    bool setup = false;
    std::vector<char*> program;  // FILE and what follows --invoke, for `run`
    for (int i = 0; i < argc; ++i) {
        std::string arg = argv[i];
        if (!program.empty() && std::strcmp(program.back(), "--invoke") == 0) {
            program.insert(program.end(), argv + i, argv + argc);  // NAME ARG...: passed on as they are
            break;
        }
        if (arg == "--json") options.json = true;
        else if (arg == "--no-text") options.text = false;
        else if (arg == "--setup") setup = true;
        else if ((arg == "--only" || arg == "--spec" || arg == "-o") && i + 1 < argc)
            (arg == "--only" ? options.only : arg == "--spec" ? spec_dir : output) = argv[++i];
        else if (arg == "--invoke" && program.size() == 1) program.push_back(argv[i]);
        else if (arg.starts_with("-") || !program.empty()) return usage();
        else program.push_back(argv[i]);
    }
    if (program.empty()) return usage();
    bool wasm = is_wasm_path(program[0]);
    if (program.size() > 1 && !wasm) return usage();
    std::string error;
    if (!options.only.empty() && !spec::Tracer::valid_filter(options.only, error)) {
        std::fprintf(stderr, "lockstep trace: %s\n", error.c_str());
        return 2;
    }

    SpecLocation location = spec_location(spec_dir);
    spec::SpecIndex index;
    spec::SpecTecIndex spectec;
    if (spec::load_spec(location.spec_dir, location.cache_dir, index, spectec, error)) {
        options.spectec_dir = location.spec_dir + "/wasm-3.0-spectec";
    } else {  // still a trace: clause ids and labels, without sections, names or texts
        std::fprintf(stderr, "lockstep trace: %s (steps are shown by clause id only)\n", error.c_str());
        index = {};
        spectec = {};
    }
    std::FILE* out = output.empty() ? stdout : std::fopen(output.c_str(), "w");
    if (!out) {
        std::fprintf(stderr, "lockstep trace: cannot write %s\n", output.c_str());
        return 2;
    }
    struct Closer {
        std::FILE* file;
        ~Closer()
        {
            if (file != stdout) std::fclose(file);
        }
    } closer{out};
    spec::Tracer tracer(index, spectec, options, out);

    if (wasm) {
        tracer.start();
        int status = run_wasm_command(static_cast<int>(program.size()), program.data());
        tracer.stop();
        return status;
    }
    if (setup) tracer.start();
    return run_js_file(program[0], RunHooks{[&] { tracer.start(); }, [&] { tracer.stop(); }});
}

}  // namespace lockstep::tools
