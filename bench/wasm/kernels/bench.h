/* Shared by the benchmark kernels: every kernel file exports its kernel as
   NAME(size) and a `run` that calls it with the size the comparison uses,
   so engines that cannot pass arguments (wabt's wasm-interp) run the same
   work. BENCH_SIZE is each kernel's default; run.sh may override it. */
#pragma once

#define EXPORT(name) __attribute__((export_name(#name)))
#define BENCH_RUN(kernel, size) \
    EXPORT(run) __typeof__(kernel(0)) run(void) { return kernel(size); }
