#!/usr/bin/env bash
# Measures apigen and swift-openapi-generator 1.14.3 in one run, on the same machine and the same descriptions:
# wall time and peak memory of one generation (median of several), the lines each generates, and the cost of one
# cancelOperation call through each one's client.
#   bash Benchmarks/compare.sh [runs]
set -euo pipefail
cd "$(dirname "$0")"
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --package-path .. --product apigen >/dev/null
swift build -c release --package-path Comparison --product swift-openapi-generator >/dev/null
swift build -c release --product apigen-benchmarks >/dev/null
apigen=$(swift build -c release --package-path .. --show-bin-path)/apigen
openapi=$(swift build -c release --package-path Comparison --show-bin-path)/swift-openapi-generator
benchmarks=$(swift build -c release --show-bin-path)/apigen-benchmarks

cp ../api-spec/cloud-partner-portal.yaml "$work/cancel.yaml"
"$benchmarks" synthetic 1000 > "$work/ops1000.yaml"

# Prints "median-seconds peak-MiB" of running the command $runs times.
measure() {
    local samples=()
    for run in $(seq "$runs"); do
        # A fresh directory each time: deleting thousands of files just before a run slows the next one down.
        [ -d "$work/out" ] && mv "$work/out" "$work/old-$RANDOM-$run"
        mkdir -p "$work/out"
        /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>&1
        samples+=("$(tail -n 1 "$work/time")")
    done
    printf '%s\n' "${samples[@]}" | sort -n | awk -v n="$runs" 'NR == int((n + 1) / 2) { printf "%s s, %.0f MiB", $1, $2 / 1024 }'
}

lines() { find "$work/out" -name '*.swift' -exec cat {} + | wc -l; }

for spec in cancel ops1000; do
    a=$(measure "$apigen" generate "$work/$spec.yaml" --output "$work/out/client")
    a_lines=$(lines)
    o=$(measure "$openapi" generate --config Comparison/openapi-generator-config.yaml --output-directory "$work/out" "$work/$spec.yaml")
    o_lines=$(lines)
    printf '%-8s apigen: %-22s %6s lines | swift-openapi-generator: %-22s %6s lines\n' "$spec" "$a" "$a_lines" "$o" "$o_lines"
done

# Calls: swift-openapi-generator's client for the Cancel description is generated into a directory git ignores, then
# built into Comparison's call benchmark.
calls=Comparison/Sources/openapi-generator-calls/Generated
rm -rf "$calls" && mkdir -p "$calls"
"$openapi" generate --config Comparison/openapi-generator-config.yaml --output-directory "$calls" \
    ../api-spec/cloud-partner-portal.yaml >/dev/null 2>&1
swift build -c release --package-path Comparison --product openapi-generator-calls >/dev/null
read -r o202 o400 < <("$(swift build -c release --package-path Comparison --show-bin-path)/openapi-generator-calls")
a202=$("$benchmarks" | awk '/202 with Location/ { print $(NF - 3) }')
a400=$("$benchmarks" | awk '/400 with JSON body/ { print $(NF - 3) }')
printf 'call 202 apigen: %s µs | swift-openapi-generator: %s µs\n' "$a202" "$o202"
printf 'call 400 apigen: %s µs | swift-openapi-generator: %s µs\n' "$a400" "$o400"
