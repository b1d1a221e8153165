// The `lockstep` subcommands. Each takes the arguments after its name and
// returns the process exit status. Add a command here and in tools/main.cpp.
#pragma once

namespace lockstep::tools {

int parse_command(int argc, char** argv);     // tools/parse_command.cpp
int test262_command(int argc, char** argv);   // tools/test262_command.cpp
int spec_command(int argc, char** argv);      // tools/spec_command.cpp
int wast_command(int argc, char** argv);      // tools/wast_command.cpp
int wpt_command(int argc, char** argv);       // tools/wpt_command.cpp
int run_command(int argc, char** argv);       // tools/run_command.cpp
int run_wasm_command(int argc, char** argv);  // tools/run_wasm.cpp: `run` for .wasm/.wat files
bool is_wasm_path(const char* path);          // tools/run_wasm.cpp: ends in .wasm or .wat

}  // namespace lockstep::tools
