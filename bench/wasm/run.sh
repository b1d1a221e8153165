#!/usr/bin/env bash
# Wasm execution speed: the kernels of bench/wasm/kernels/ (C compiled to
# .wasm by `make bench`), each run through its `run` export (the kernel at its
# BENCH_SIZE) by lockstep (build/bench/wasm_bench), wabt's wasm-interp and
# node (V8). Times are hyperfine means of whole processes (start-up included:
# a few ms for lockstep and wasm-interp, ~40 ms for node). Every engine's
# result is checked against lockstep's; a mismatch is marked in the table.
# Writes build/bench/wasm-table.md.
# Usage: bench/wasm/run.sh [RUNS]   (after `make bench` has built the inputs)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$(dirname "$here")")"
out="$root/build/bench"
runs="${1:-3}"
for tool in hyperfine wasm-interp node; do
  command -v "$tool" >/dev/null || { echo "bench/wasm: $tool is missing (make bench-deps)" >&2; exit 1; }
done

lockstep=("$out/wasm_bench")
wabt=(wasm-interp --run-all-exports)
v8=(node "$here/node_run.js")

# The number in "run() => i32:N" / "run() => N", as printed by each engine.
value() { sed -n 's/^run() => \(i32:\|i64:\|f32:\|f64:\)\{0,1\}//p' | head -n 1; }
# Mean seconds of `hyperfine` over a command.
mean() {
  hyperfine --runs "$runs" --style none --export-json "$out/wasm-hf.json" "$1" >/dev/null 2>&1
  node -e 'console.log(require(process.argv[1]).results[0].mean.toFixed(3))' "$out/wasm-hf.json"
}
# Same value? Floats are printed with 6 decimals by wasm-interp and in full by
# node; node prints an i32 signed, the interpreters unsigned.
same() {
  awk -v a="$1" -v b="$2" 'BEGIN {
    if (a == "" || b == "") exit 1
    d = a - b; if (d < 0) d = -d
    exit !(d == 0 || d == 4294967296 || d < 1e-6 * (1 + (a < 0 ? -a : a)))
  }'
}

table="$out/wasm-table.md"
{
  echo "| kernel | size | lockstep (s) | wabt wasm-interp (s) | node (s) | lockstep / wabt (< 1: lockstep faster) |"
  echo "| --- | --- | --- | --- | --- | --- |"
} > "$table.tmp"
for c in "$here"/kernels/*.c; do
  k="$(basename "$c" .c)"
  wasm="$out/wasm/$k.wasm"
  size="$(sed -n 's/^#define BENCH_SIZE \([0-9]*\)/\1/p' "$c")"
  expected="$("${lockstep[@]}" "$wasm" run 2>/dev/null | value)"
  note=""
  got_wabt="$("${wabt[@]}" "$wasm" 2>/dev/null | value)"
  got_node="$("${v8[@]}" "$wasm" run 2>/dev/null | value)"
  same "$expected" "$got_wabt" || note="$note (result differs: wabt $got_wabt, lockstep $expected)"
  same "$expected" "$got_node" || note="$note (result differs: node $got_node, lockstep $expected)"
  t_lockstep="$(mean "${lockstep[*]} $wasm run")"
  t_wabt="$(mean "${wabt[*]} $wasm")"
  t_node="$(mean "${v8[*]} $wasm run")"
  ratio="$(awk -v a="$t_lockstep" -v b="$t_wabt" 'BEGIN { printf "%.2f", a / b }')"
  echo "| $k | $size | $t_lockstep | $t_wabt | $t_node | $ratio$note |" | tee -a "$table.tmp"
done
{
  echo
  echo "Whole-process wall time, mean of $runs runs (hyperfine); wabt $(wasm-interp --version), node $(node --version)."
  echo "Start-up alone: node $(mean 'node -e 0') s. Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores."
  echo "Command: \`make bench\` (or \`bash bench/wasm/run.sh [RUNS]\` after it)."
} >> "$table.tmp"
mv "$table.tmp" "$table"
rm -f "$out/wasm-hf.json"
cat "$table"
