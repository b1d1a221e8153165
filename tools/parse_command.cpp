// lockstep parse [--module] [--strict] [--ast] FILE...
// Parses each file as a Script (or Module); prints FILE:LINE:COL: SyntaxError: message
// for each file that does not parse, and the parse tree with --ast.
#include "tools/commands.h"

#include "syntax/ast.h"
#include "syntax/ast_dump.h"
#include "syntax/parser.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

namespace lockstep::tools {

int parse_command(int argc, char** argv)
{
    syntax::ParseOptions options;
    bool dump = false;
    int files = 0, failures = 0;
    for (int i = 0; i < argc; ++i) {
        const char* arg = argv[i];
        if (!std::strcmp(arg, "--module")) { options.goal = syntax::Goal::Module; continue; }
        if (!std::strcmp(arg, "--strict")) { options.strict = true; continue; }
        if (!std::strcmp(arg, "--ast")) { dump = true; continue; }
        if (arg[0] == '-' && arg[1]) {
            std::fprintf(stderr, "lockstep parse: unknown option '%s'\n", arg);
            return 2;
        }
        ++files;
        std::ifstream in(arg, std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "%s: cannot read file\n", arg);
            ++failures;
            continue;
        }
        std::stringstream buffer;
        buffer << in.rdbuf();
        std::string source = buffer.str();
        syntax::ParseResult result = syntax::ParseProgram(source, options);
        if (result.error) {
            std::printf("%s:%u:%u: SyntaxError: %s\n", arg, result.error->position.line,
                        result.error->position.column, result.error->message.c_str());
            ++failures;
            continue;
        }
        if (dump) std::fputs(syntax::DumpAst(*result.program).c_str(), stdout);
    }
    if (files == 0) {
        std::fprintf(stderr, "usage: lockstep parse [--module] [--strict] [--ast] FILE...\n");
        return 2;
    }
    return failures ? 1 : 0;
}

}  // namespace lockstep::tools
