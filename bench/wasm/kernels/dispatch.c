/* call_indirect dispatch: `n` calls through a table of eight functions,
   chosen by the loop counter (the shape of an interpreter's opcode loop). */
#include "bench.h"

typedef unsigned (*op_fn)(unsigned acc, unsigned x);

/* noinline keeps each call an indirect call after optimization. */
#define OP(name, expr) __attribute__((noinline)) static unsigned name(unsigned acc, unsigned x) { return expr; }
OP(op_add, acc + x)
OP(op_sub, acc - x)
OP(op_xor, acc ^ x)
OP(op_mul, acc * (x | 1))
OP(op_rotl, ((acc << 5) | (acc >> 27)) + (x & 1))
OP(op_or, acc | (x & 0xFF))
OP(op_and, acc & ~(x & 0xF0))
OP(op_mix, acc * 2654435761u + x)

static op_fn volatile ops[8] = {op_add, op_sub, op_xor, op_mul, op_rotl, op_or, op_and, op_mix};

EXPORT(dispatch) unsigned dispatch(int n)
{
    unsigned acc = 1;
    for (int i = 0; i < n; ++i) acc = ops[(i * 7 + (acc & 1)) & 7](acc, (unsigned)i);
    return acc;
}

#ifndef BENCH_SIZE
#define BENCH_SIZE 6000000
#endif
BENCH_RUN(dispatch, BENCH_SIZE)
