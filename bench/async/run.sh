#!/usr/bin/env bash
# Suspension benchmarks: lockstep next to node (V8) and engine262 (npm) on the
# same scripts — wall time and peak RSS (/usr/bin/time), and memory per
# suspended context = (peak RSS - RSS of empty.js) / 100 000.
# Usage: bench/async/run.sh [ENGINE262_TIMEOUT_SECONDS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bench="$(dirname "$here")"
root="$(dirname "$bench")"
out="$root/build/bench"
limit="${1:-300}"
mkdir -p "$out"
[ -x "$bench/node_modules/.bin/engine262" ] || (cd "$bench" && npm install --no-audit --no-fund --silent)

# measure ENGINE SCRIPT: prints "seconds kilobytes" or "timeout -".
measure() {
    local cmd
    case "$1" in
        lockstep) cmd=("$root/build/lockstep" run) ;;
        node) cmd=(node) ;;
        engine262) cmd=(node "$bench/node_modules/.bin/engine262") ;;
    esac
    if /usr/bin/time -f "%e %M" -o "$out/time.txt" timeout "$limit" "${cmd[@]}" "$here/$2" > /dev/null 2>&1; then
        cat "$out/time.txt"
    else
        echo "timeout -"
    fi
}

{
    echo "| script | engine | seconds | peak RSS (MiB) | KiB per suspended context |"
    echo "| --- | --- | --- | --- | --- |"
    for engine in lockstep node engine262; do
        read -r _ base < <(measure "$engine" empty.js)
        for script in await_loop.js generators_alive.js async_alive.js; do
            read -r seconds kb < <(measure "$engine" "$script")
            if [ "$seconds" = timeout ]; then
                echo "| $script | $engine | > $limit | - | - |"
                continue
            fi
            per="-"
            case "$script" in *_alive.js) per=$(awk -v k="$kb" -v b="$base" 'BEGIN { printf "%.2f", (k - b) / 100000 }') ;; esac
            awk -v s="$script" -v e="$engine" -v t="$seconds" -v k="$kb" -v p="$per" \
                'BEGIN { printf "| %s | %s | %.2f | %.1f | %s |\n", s, e, t, k / 1024, p }'
        done
    done
    echo
    echo "node $(node --version), engine262 $(node -p "require('$bench/node_modules/@engine262/engine262/package.json').version"); load average: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    echo "Command: \`bash bench/async/run.sh $limit\` (engine262 runs stopped after $limit s)."
} | tee "$out/async-table.md"
