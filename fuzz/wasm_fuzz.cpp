// libFuzzer target: any byte string through decode, validation,
// instantiation and execution (fuzz/wasm_harness.h). Built by `make fuzz`
// with clang++ -fsanitize=fuzzer,address,undefined; a crash, a sanitizer
// report, a leak or a hang past libFuzzer's -timeout is a finding.
#include "fuzz/wasm_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    lockstep::fuzz::run_wasm({data, size});
    return 0;
}
