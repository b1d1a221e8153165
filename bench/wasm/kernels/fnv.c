/* FNV-1a (32-bit) over a 64 KiB buffer, `n` times: byte loads, xor, multiply. */
#include "bench.h"

#define LEN 65536
static unsigned char buffer[LEN];

EXPORT(fnv) unsigned fnv(int n)
{
    for (int i = 0; i < LEN; ++i) buffer[i] = (unsigned char)(i * 31 + 7);
    unsigned hash = 2166136261u;
    for (int round = 0; round < n; ++round)
        for (int i = 0; i < LEN; ++i) hash = (hash ^ buffer[i]) * 16777619u;
    return hash;
}

#ifndef BENCH_SIZE
#define BENCH_SIZE 800
#endif
BENCH_RUN(fnv, BENCH_SIZE)
