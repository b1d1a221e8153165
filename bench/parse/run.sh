#!/usr/bin/env bash
# Parse throughput over test262 (every file meant to parse), lockstep next to
# acorn (npm, on node) on the same files, one round each best-of-3.
# Usage: bench/parse/run.sh [TEST262_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bench="$(dirname "$here")"
root="$(dirname "$bench")"
test262="${1:-$root/../shared/test262}"
out="$root/build/bench"
mkdir -p "$out"
[ -d "$bench/node_modules/acorn" ] || (cd "$bench" && npm install --no-audit --no-fund --silent)
node "$here/list_files.js" "$test262" > "$out/parse-files.txt"
echo "files: $(wc -l < "$out/parse-files.txt")"
"$out/parse_bench" "$out/parse-files.txt" 3 | tee "$out/parse-lockstep.json"
node "$here/acorn_bench.js" "$out/parse-files.txt" 3 | tee "$out/parse-acorn.json"
node -e '
  const a = require(process.argv[1]), l = require(process.argv[2]);
  console.log(`| parser | MB/s | files | MB | rejected |\n| --- | --- | --- | --- | --- |`);
  for (const r of [l, a]) console.log(`| ${r.parser} | ${r.mb_per_s.toFixed(1)} | ${r.files} | ${r.megabytes.toFixed(1)} | ${r.rejected} |`);
  console.log(`\nlockstep / acorn: ${(l.mb_per_s / a.mb_per_s).toFixed(2)}x`);
' "$out/parse-acorn.json" "$out/parse-lockstep.json" | tee "$out/parse-table.md"
