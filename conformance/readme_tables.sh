#!/usr/bin/env bash
# Regenerates the results tables in README.md from real runs: each table sits
# between <!-- BEGIN name --> and <!-- END name --> and is replaced by what
# the runners print now. Never edit those tables by hand.
# Usage: conformance/readme_tables.sh [--only NAME[,NAME…]] [TEST262_DIR] [WASM_TESTS_DIR]
# --only regenerates just the named tables (test262-parse, test262-run, wast,
# spec-check, module-coverage, wpt, bench), e.g. `--only spec-check` after a change
# to the markers.
set -euo pipefail
cd "$(dirname "$0")/.."
only=""
if [ "${1:-}" = "--only" ]; then only=",$2,"; shift 2; fi
# wanted NAME: whether this run regenerates table NAME.
wanted() { [ -z "$only" ] || [[ "$only" == *",$1,"* ]]; }
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
    read -r passed failed skipped _ < "$out/sum"
    awk -v l="$label" -v p="$passed" -v f="$failed" -v s="$skipped" -v t="$(awk -v a="$start" -v b="$end" "BEGIN{print b-a}")" \
        'BEGIN { printf "| %s | %d | %d | %d | %d | %.2f%% | %.0f s |\n", l, p + f, p, f, s, (p + f) ? 100 * p / (p + f) : 0, t }'
}

if wanted test262-parse; then
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
fi

if wanted test262-run; then
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
fi

if wanted wast; then
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
fi

if wanted wpt; then
{
    echo "| run | subtests | passed | failed | skipped | passed of run | wall time |"
    echo "| --- | --- | --- | --- | --- | --- | --- |"
    for suite in js-api jspi; do
        start=$(date +%s.%N)
        "$lockstep" wpt --summary-file "$out/sum" "$wasm_tests/$suite" > "$out/wpt.log" 2>&1 || true
        end=$(date +%s.%N)
        read -r passed failed skipped _ < "$out/sum"
        awk -v l="$suite" -v p="$passed" -v f="$failed" -v s="$skipped" -v t="$(awk -v a="$start" -v b="$end" 'BEGIN{print b-a}')" \
            'BEGIN { printf "| `wpt %s` | %d | %d | %d | %d | %.2f%% | %.1f s |\n", l, p + f + s, p, f, s, (p + f) ? 100 * p / (p + f) : 0, t }'
    done
} > "$out/wpt.md"
replace_section wpt "$out/wpt.md"
fi

# The markers against the pinned specs: the totals `lockstep spec check`
# prints, and its findings if there are any.
if wanted spec-check; then
{
    "$lockstep" spec check > "$out/spec-check.log" 2>&1 || true
    read -r algorithms steps drifted < <(sed -n 's/^\([0-9]*\) algorithms, \([0-9]*\) steps, \([0-9]*\) drifted$/\1 \2 \3/p' "$out/spec-check.log")
    read -r marked rules unknown < <(sed -n 's/^SpecTec: \([0-9]*\) of \([0-9]*\) validation\/execution rules marked; \([0-9]*\) unknown.*/\1 \2 \3/p' "$out/spec-check.log")
    echo "| \`lockstep spec check\` | count |"
    echo "| --- | --- |"
    echo "| algorithms transcribed (\`SPEC_ALGORITHM\`) | $algorithms |"
    echo "| step markers (\`STEP\`) | $steps |"
    echo "| algorithms drifted from the pinned spec | $drifted |"
    echo "| SpecTec validation/execution rules marked (\`RULE\`) | $marked of $rules |"
    echo "| SpecTec validation/execution rules no code marks (\`spec check --unmarked-rules\`) | $((rules - marked)) |"
    echo "| unknown \`RULE\` markers | $unknown |"
    if [ "$drifted" != 0 ] || [ "$unknown" != 0 ]; then
        echo
        echo '```'
        grep -v '^SpecTec: \|algorithms, .* steps, ' "$out/spec-check.log" || true
        echo '```'
    fi
} > "$out/spec-check.md"
replace_section spec-check "$out/spec-check.md"
fi

# Which steps of the module algorithms (§16.2.1) test262's module tests
# reach: a --step-coverage run over them, then `lockstep spec coverage`; the
# steps no test reaches are listed with the spec's text.
if wanted module-coverage; then
{
    module_tests="language/module-code language/import language/export language/expressions/dynamic-import language/expressions/import.meta"
    "$lockstep" test262 --test262 "$test262" --step-coverage "$out/modules.steps" $module_tests > "$out/modules.log" 2>&1 || true
    "$lockstep" spec coverage "$out/modules.steps" --missing > "$out/modules-coverage.log" 2>&1 || true
    echo "Over \`test262 $module_tests\` ($(tail -1 "$out/modules.log")):"
    echo
    echo "| algorithm | section | steps reached | steps no test reaches |"
    echo "| --- | --- | --- | --- |"
    awk '/^sec-/ { id = $1; ratio = $2; sec = $3; $1 = $2 = $3 = ""; name = substr($0, 4)
                   if (sec ~ /^§16\.2\.1\./) { keep[++n] = id; r[id] = ratio; s[id] = sec; t[id] = name } }
         /^    not executed: / && id in r { sub(/^    not executed: /, ""); m[id] = $0 }
         END { for (i = 1; i <= n; i++) { id = keep[i]; printf "| %s | %s | %s | %s |\n", t[id], s[id], r[id], (id in m) ? m[id] : "" } }' \
        "$out/modules-coverage.log" | sort -t '|' -k3,3V
    echo
    echo "The spec's text of each step no module test reaches:"
    echo
    awk '/^sec-/ { id = $1; sec = $3 } /^    not executed: / && sec ~ /^§16\.2\.1\./ { sub(/^    not executed: /, ""); print id, $0 }' \
        "$out/modules-coverage.log" | while read -r id labels; do
        for label in ${labels//,/ }; do
            "$lockstep" spec show "$id" 2>/dev/null | grep -m1 -E "^ *${label//./\\.}\. " | sed -E "s/^ */- \`$id\` /"
        done
    done
} > "$out/module-coverage.md"
replace_section module-coverage "$out/module-coverage.md"
fi

if wanted bench; then
for table in parse wasm async; do
    if [ -f "build/bench/$table-table.md" ]; then replace_section "bench-$table" "build/bench/$table-table.md"; fi
done
fi
echo "README.md tables regenerated"
