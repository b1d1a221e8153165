/* Dense n×n f64 matrix multiply (n ≤ 320): f64 loads, multiply-add, stores. */
#include "bench.h"

#define MAX 320
static double a[MAX * MAX], b[MAX * MAX], c[MAX * MAX];

EXPORT(matmul) double matmul(int n)
{
    if (n > MAX) n = MAX;
    for (int i = 0; i < n * n; ++i) {
        a[i] = (double)(i % 7) * 0.5;
        b[i] = (double)(i % 5) - 1.0;
    }
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            double sum = 0;
            for (int k = 0; k < n; ++k) sum += a[i * n + k] * b[k * n + j];
            c[i * n + j] = sum;
        }
    double trace = 0;
    for (int i = 0; i < n; ++i) trace += c[i * n + i];
    return trace;
}

#ifndef BENCH_SIZE
#define BENCH_SIZE 320
#endif
BENCH_RUN(matmul, BENCH_SIZE)
