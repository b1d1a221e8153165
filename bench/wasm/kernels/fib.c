/* Recursive Fibonacci: call and return, nothing else. */
#include "bench.h"

EXPORT(fib) int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

#ifndef BENCH_SIZE
#define BENCH_SIZE 33
#endif
BENCH_RUN(fib, BENCH_SIZE)
