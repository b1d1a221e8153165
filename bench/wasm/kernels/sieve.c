/* Sieve of Eratosthenes over an array in linear memory, `n` times: loads,
   stores, nested loops. Round r marks composites with r + 1, so no round
   has to clear the array (a clearing loop would become a call to memset,
   which a -nostdlib module does not have). */
#include "bench.h"

#define LIMIT 65536
static int marked[LIMIT];

EXPORT(sieve) int sieve(int n)
{
    int primes = 0;
    for (int round = 0; round < n; ++round) {
        const int mark = round + 1;
        primes = 0;
        for (int i = 2; i < LIMIT; ++i) {
            if (marked[i] == mark) continue;
            ++primes;
            for (int j = i + i; j < LIMIT; j += i) marked[j] = mark;
        }
    }
    return primes;
}

#ifndef BENCH_SIZE
#define BENCH_SIZE 60
#endif
BENCH_RUN(sieve, BENCH_SIZE)
