#!/usr/bin/env bash
# Regenerates the results tables in README.md from real runs: each table sits
# between <!-- BEGIN name --> and <!-- END name --> and is replaced by what
# the runners print now. Never edit those tables by hand.
# Usage: conformance/readme_tables.sh [TEST262_DIR] [WASM_TESTS_DIR]
#        conformance/readme_tables.sh --bench-only   (only the tables of the
#        last `make bench` / bench/async/run.sh, from build/bench/)
set -euo pipefail
cd "$(dirname "$0")/.."
bench_only=false
if [ "${1:-}" = --bench-only ]; then bench_only=true; shift; fi
test262="${1:-../shared/test262}"
wasm_tests="${2:-../shared/wasm}"
lockstep=build/lockstep
out=build/tables
mkdir -p "$out"

# replace_section NAME FILE: put FILE's content between the NAME markers.
replace_section() {
    awk -v name="$1" -v file="$2" '
        $0 == "<!-- BEGIN " name " -->" { print; while ((getline line < file) > 0) print line; skip = 1; next }
        $0 == "<!-- END " name " -->" { skip = 0 }
        !skip { print }' README.md > README.md.new
    mv README.md.new README.md
}

bench_tables() {
    for table in parse wasm async; do
        if [ -f "build/bench/$table-table.md" ]; then replace_section "bench-$table" "build/bench/$table-table.md"; fi
    done
}
if $bench_only; then
    bench_tables
    echo "README.md bench tables regenerated"
    exit 0
fi

# test262_row LABEL ARGS...: one table row from a real run of the runner.
test262_row() {
    local label="$1"; shift
    local start end
    start=$(date +%s.%N)
    "$lockstep" test262 --test262 "$test262" --summary-file "$out/sum" "$@" > "$out/run.log" 2>&1 || true
    end=$(date +%s.%N)
    read -r passed failed skipped _ < "$out/sum"
    awk -v l="$label" -v p="$passed" -v f="$failed" -v s="$skipped" -v t="$(awk -v a="$start" -v b="$end" "BEGIN{print b-a}")" \
        'BEGIN { printf "| %s | %d | %d | %d | %d | %.2f%% | %.0f s |\n", l, p + f, p, f, s, (p + f) ? 100 * p / (p + f) : 0, t }'
}

{
    echo "| run | ran | passed | failed | skipped | passed of ran | wall time (2 cores) |"
    echo "| --- | --- | --- | --- | --- | --- | --- |"
    test262_row '`test262 --parse-only language built-ins annexB`' --parse-only language built-ins annexB
    echo
    echo "Skipped, by reason (from the same run):"
    echo
    echo '```'
    grep '^skipped ' "$out/run.log" || true
    echo '```'
} > "$out/test262-parse.md"
replace_section test262-parse "$out/test262-parse.md"

core_builtins="Object Function Array String Number Boolean Symbol Math JSON Reflect Proxy Map Set WeakMap WeakSet Error NativeErrors BigInt"
{
    echo "| run | ran | passed | failed | skipped | passed of ran | wall time (2 cores) |"
    echo "| --- | --- | --- | --- | --- | --- | --- |"
    test262_row '`test262 --exclude-features async-functions,generators,async-iteration,Promise,top-level-await,dynamic-import language`' \
        --exclude-features async-functions,generators,async-iteration,Promise,top-level-await,dynamic-import language
    test262_row "\`test262 built-ins/{$(echo $core_builtins | tr ' ' ',')}\`" $(for b in $core_builtins; do echo "built-ins/$b"; done)
    test262_row '`test262 language built-ins annexB` (everything)' language built-ins annexB
    echo
    echo "Skipped in the last run, by reason:"
    echo
    echo '```'
    grep '^skipped ' "$out/run.log" || true
    echo '```'
} > "$out/test262-run.md"
replace_section test262-run "$out/test262-run.md"

{
    start=$(date +%s.%N)
    "$lockstep" wast --summary-file "$out/sum" "$wasm_tests/core" "$wasm_tests/legacy" > "$out/wast.log" 2>&1 || true
    end=$(date +%s.%N)
    read -r passed failed skipped _ < "$out/sum"
    echo "| run | assertions | passed | failed | skipped | passed of run | wall time |"
    echo "| --- | --- | --- | --- | --- | --- | --- |"
    awk -v p="$passed" -v f="$failed" -v s="$skipped" -v t="$(awk -v a="$start" -v b="$end" 'BEGIN{print b-a}')" \
        'BEGIN { printf "| `wast core legacy` | %d | %d | %d | %d | %.2f%% | %.1f s |\n", p + f + s, p, f, s, (p + f) ? 100 * p / (p + f) : 0, t }'
} > "$out/wast.md"
replace_section wast "$out/wast.md"

{
    echo '```'
    "$lockstep" spec check 2>&1 | tail -n 3 || true
    echo '```'
} > "$out/spec-check.md"
replace_section spec-check "$out/spec-check.md"

bench_tables
echo "README.md tables regenerated"
