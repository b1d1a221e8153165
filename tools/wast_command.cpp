// PLACEHOLDER until the WebAssembly interpreter lands (issue 6).
#include "tools/commands.h"

#include <cstdio>

namespace lockstep::tools {

int wast_command(int, char**)
{
    std::fprintf(stderr, "lockstep wast: the WebAssembly interpreter is not built yet\n");
    return 2;
}

}  // namespace lockstep::tools
