/* CRC-32 (IEEE, table-driven) over a 64 KiB buffer, `n` times:
   table lookups, shifts, xor. */
#include "bench.h"

#define LEN 65536
static unsigned char buffer[LEN];
static unsigned table[256];

EXPORT(crc32) unsigned crc32(int n)
{
    for (unsigned i = 0; i < 256; ++i) {
        unsigned c = i;
        for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    for (int i = 0; i < LEN; ++i) buffer[i] = (unsigned char)(i ^ (i >> 8));
    unsigned crc = 0;
    for (int round = 0; round < n; ++round) {
        crc = ~crc;
        for (int i = 0; i < LEN; ++i) crc = table[(crc ^ buffer[i]) & 0xFF] ^ (crc >> 8);
        crc = ~crc;
    }
    return crc;
}

#ifndef BENCH_SIZE
#define BENCH_SIZE 256
#endif
BENCH_RUN(crc32, BENCH_SIZE)
