#!/usr/bin/env bash
# Regenerates the results tables in README.md from real runs: each table sits
# between <!-- BEGIN name --> and <!-- END name --> and is replaced by what
# the runners print now. Never edit those tables by hand.
# Usage: conformance/readme_tables.sh [TEST262_DIR] [WASM_TESTS_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
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

# test262_row LABEL ARGS...: one table row from a real run of the runner.
test262_row() {
    local label="$1"; shift
    local start end
    start=$(date +%s.%N)
    "$lockstep" test262 --test262 "$test262" --summary-file "$out/sum" "$@" > "$out/run.log" 2>&1 || true
    end=$(date +%s.%N)
    read -r passed failed skipped < "$out/sum"
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

if [ -f build/bench/parse-table.md ]; then
    replace_section bench-parse build/bench/parse-table.md
fi
echo "README.md tables regenerated"
