#!/usr/bin/env bash
# Measures apigen beside swift-openapi-generator 1.14.3 and the floor, in one run, on the same machine and the same
# descriptions, and prints the ratios:
# - generation, whole process: median wall time and peak memory of several runs (at least 11 below 10,000
#   operations), files and lines written, for the Cancel description, synthetic ones (Benchmarks/synthetic.py) of
#   1,000 operations, and of 10,000 operations with and without anchors for apigen and the floor
#   (swift-openapi-generator takes about ten minutes there: set COMPARE_10000=1 to include it), and the real
#   descriptions in ../shared/corpus (COMPARE_CORPUS), when present;
# - the floor: libyaml's event parser reading the same description plus writing the same number of bytes (floor.c);
# - one cancelOperation call through each client and a transport that does nothing, for a 200, a 202 with a Location
#   and a 400 with a JSON body: its time, and the allocations it makes (count-mallocs.c);
# - the rebuild of each generated client after one operation of a synthetic description changes (debug build);
# - whole-module (release) builds of each tool's client for the real descriptions in ../shared/corpus, when present.
# Percentiles and allocation counts of apigen's in-process figures: swift package --package-path Benchmarks benchmark
#   bash Benchmarks/compare.sh [runs]
set -euo pipefail
cd "$(dirname "$0")"
runs=${1:-5}
root=$(cd .. && pwd)
# Work happens inside the clone, where a maintainer's generated code lives, not in /tmp: on a machine whose /tmp has
# seen much churn, creating a file there can cost ten times as much (33 small files: about 10 ms in /tmp against 1 ms
# in the clone on the machine of the README's figures), which would charge apigen, which writes a file per group of
# declarations, for the state of /tmp rather than for its work.
mkdir -p "$root/.build"
work=$(mktemp -d "$root/.build/compare.XXXXXX")
trap 'rm -rf "$work"' EXIT
corpus=${COMPARE_CORPUS:-$root/../shared/corpus}

swift build -c release --package-path .. --product apigen >/dev/null 2>&1
swift build -c release --package-path Comparison --product swift-openapi-generator >/dev/null 2>&1
swift build -c release --product apigen-calls >/dev/null
cc -O2 -o "$work/floor" floor.c -lyaml
cc -O2 -shared -fPIC -o "$work/count-mallocs.so" count-mallocs.c
apigen=$(swift build -c release --package-path .. --show-bin-path)/apigen
openapi=$(swift build -c release --package-path Comparison --show-bin-path)/swift-openapi-generator
calls=$(swift build -c release --show-bin-path)/apigen-calls

cp ../api-spec/cloud-partner-portal.yaml "$work/cancel.yaml"
python3 synthetic.py 1000 > "$work/ops1000.yaml"
python3 synthetic.py 10000 > "$work/ops10000.yaml"
python3 synthetic.py 10000 --anchors > "$work/ops10000-anchors.yaml"

# Prints "median-seconds peak-MiB" of running the command $count times (the global $count), each into a new, empty
# output directory.
measure() {
    local samples=()
    for run in $(seq "$count"); do
        # Moved aside, not deleted: deleting thousands of files just before a run slows the next one down.
        [ -d "$work/out" ] && mv "$work/out" "$work/old-$RANDOM-$run"
        mkdir -p "$work/out"
        # Wall time from the shell's microsecond clock (`time -f %e` has a resolution of 10 ms, as long as the whole
        # floor at 1,000 operations); peak memory from `time`.
        local start=$EPOCHREALTIME
        if ! /usr/bin/time -f '%M' -o "$work/time" "$@" >/dev/null 2>&1; then
            echo "failed failed"
            return
        fi
        local end=$EPOCHREALTIME
        samples+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }') $(tail -n 1 "$work/time")")
    done
    printf '%s\n' "${samples[@]}" | sort -n | awk -v n="$count" 'NR == int((n + 1) / 2) { printf "%s %.0f", $1, $2 / 1024 }'
}

files() { find "$work/out" -name '*.swift' | wc -l; }
lines() { find "$work/out" -name '*.swift' -exec cat {} + | wc -l; }
bytes() { find "$work/out" -name '*.swift' -exec cat {} + | wc -c; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.1f×", b / a; else printf "n/a" }'; }

printf '%-18s | %-30s | %-16s | %-30s | %s\n' description "apigen (s, MiB, files, lines)" "floor (s)" \
    "swift-openapi-generator (s, MiB, lines)" "apigen ÷ floor, generator ÷ apigen"
# The real descriptions in ../shared/corpus beside the clone, when present, after the synthetic ones.
specs=(cancel ops1000 ops10000 ops10000-anchors)
if [ -d "$corpus" ]; then
    for description in "$corpus"/*.yaml; do
        cp "$description" "$work/$(basename "$description")"
        specs+=("$(basename "$description" .yaml)")
    done
fi
for spec in "${specs[@]}"; do
    # A process of a few milliseconds moves by half between runs on a shared machine: below 10,000 operations each
    # figure is the median of at least 11 runs.
    count=$runs
    [[ $spec == ops10000* ]] || count=$((runs > 11 ? runs : 11))
    read -r a_s a_mib <<<"$(measure "$apigen" generate "$work/$spec.yaml" --output "$work/out/client")"
    a_files=$(files) a_lines=$(lines) a_bytes=$(bytes)
    # The floor writes apigen's bytes into one file: the number of files is apigen's own choice.
    read -r f_s _ <<<"$(measure "$work/floor" "$work/$spec.yaml" "$work/out/floor" 1 "$a_bytes")"
    o_text="(not run)" o_ratio=""
    if [[ $spec != ops10000* || ${COMPARE_10000:-0} == 1 ]]; then
        read -r o_s o_mib <<<"$(measure "$openapi" generate --config Comparison/openapi-generator-config.yaml \
            --output-directory "$work/out" "$work/$spec.yaml")"
        o_text="$o_s s, $o_mib MiB, $(lines) lines"
        o_ratio=", $(ratio "$a_s" "$o_s")"
    fi
    printf '%-18s | %-30s | %-16s | %-30s | %s\n' "$spec" "$a_s s, $a_mib MiB, $a_files, $a_lines" "$f_s s" "$o_text" \
        "$(ratio "$f_s" "$a_s")$o_ratio"
done

# Calls: swift-openapi-generator's client for the Cancel description is generated into a directory git ignores, then
# built into Comparison's call benchmark.
generated=Comparison/Sources/openapi-generator-calls/Generated
rm -rf "$generated" && mkdir -p "$generated"
"$openapi" generate --config Comparison/openapi-generator-config.yaml --output-directory "$generated" \
    ../api-spec/cloud-partner-portal.yaml >/dev/null 2>&1
swift build -c release --package-path Comparison --product openapi-generator-calls >/dev/null
# Each program runs three times; each figure is its best of the three, as other work on a shared machine
# only ever adds time.
best_of_three() {
    for _ in 1 2 3; do "$1"; done | awk '{ for (i = 1; i <= 3; i++) if (NR == 1 || $i < m[i]) m[i] = $i }
        END { printf "%s %s %s\n", m[1], m[2], m[3] }'
}
openapi_calls="$(swift build -c release --package-path Comparison --show-bin-path)/openapi-generator-calls"
read -r o200 o202 o400 < <(best_of_three "$openapi_calls")
read -r a200 a202 a400 < <(best_of_three "$calls")
# Allocations per call: each program makes 1,000 and then 11,000 calls of one kind with count-mallocs.so preloaded,
# which counts calls to malloc, calloc, realloc and the aligned allocators; the difference over 10,000 leaves out
# what starting the program allocates.
allocations() {
    local counts=()
    for calls in 1000 11000; do
        MALLOC_COUNT_FILE="$work/mallocs" LD_PRELOAD="$work/count-mallocs.so" "$1" "$2" "$calls" >/dev/null
        counts+=("$(cat "$work/mallocs")")
    done
    awk -v a="${counts[0]}" -v b="${counts[1]}" 'BEGIN { printf "%.1f", (b - a) / 10000 }'
}
call_line() {
    local kind=$1 label=$2 a=$3 o=$4
    local a_allocations o_allocations
    a_allocations=$(allocations "$calls" "$kind")
    o_allocations=$(allocations "$openapi_calls" "$kind")
    printf '%s apigen %6s µs, %5s allocations | swift-openapi-generator %6s µs, %5s allocations | %s cheaper, %s fewer allocations\n' \
        "$label" "$a" "$a_allocations" "$o" "$o_allocations" "$(ratio "$a" "$o")" "$(ratio "$a_allocations" "$o_allocations")"
}
call_line 200 "call 200:                " "$a200" "$o200"
call_line 202 "call 202 with Location:  " "$a202" "$o202"
call_line 400 "call 400 with JSON body: " "$a400" "$o400"

# Rebuild: each tool's client of a synthetic description of $COMPARE_REBUILD_OPS operations (default 200) in a package
# of its own, built once in debug (dependencies included, not reported); then one operation gains a query parameter,
# the client is regenerated and rebuilt: the time a maintainer waits after changing the description.
rebuild_ops=${COMPARE_REBUILD_OPS:-200}
python3 synthetic.py "$rebuild_ops" > "$work/rebuild.yaml"
python3 - "$work/rebuild.yaml" "$work/rebuild-changed.yaml" <<'PY'
import sys
text = open(sys.argv[1]).read()
head, tail = text.split("operationId: cancelOperation7\n", 1)
tail = tail.replace(
    "      parameters: \n", "      parameters: \n        - {name: dryRun, in: query, schema: {type: boolean}}\n", 1)
open(sys.argv[2], "w").write(head + "operationId: cancelOperation7\n" + tail)
PY
client_package() {
    local dir=$1 dependencies=$2 products=$3
    mkdir -p "$dir/Sources/Client"
    cat >"$dir/Package.swift" <<SWIFT
// swift-tools-version: 6.2
import PackageDescription
let package = Package(
    name: "RebuildClient",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        $dependencies
    ],
    targets: [
        .target(name: "Client", dependencies: [
            .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            $products
        ])
    ]
)
SWIFT
}
seconds() { /usr/bin/time -f '%e' -o "$work/time" "$@" >/dev/null 2>&1; tail -n 1 "$work/time"; }
client_package "$work/rebuild-apigen" ".package(name: \"apigen\", path: \"$root\")," \
    ".product(name: \"APIClientRuntime\", package: \"apigen\"),"
client_package "$work/rebuild-openapi" "" ""
# Both tools read the description from one path, as a maintainer edits one file: apigen's files name their source, so
# a second path would change every file's header.
cp "$work/rebuild.yaml" "$work/description.yaml"
"$apigen" generate "$work/description.yaml" --output "$work/rebuild-apigen/Sources/Client" >/dev/null 2>&1
"$openapi" generate --config Comparison/openapi-generator-config.yaml \
    --output-directory "$work/rebuild-openapi/Sources/Client" "$work/description.yaml" >/dev/null 2>&1
swift build --package-path "$work/rebuild-apigen" >/dev/null 2>&1
swift build --package-path "$work/rebuild-openapi" >/dev/null 2>&1
# Three rebuilds each, alternating between the changed and the original description; the median is reported, since
# a single build on a shared machine can take half as long again.
a_samples=() o_samples=()
for round in 1 2 3; do
    spec=$([ $((round % 2)) -eq 1 ] && echo rebuild-changed || echo rebuild)
    cp "$work/$spec.yaml" "$work/description.yaml"
    "$apigen" generate "$work/description.yaml" --output "$work/rebuild-apigen/Sources/Client" >/dev/null 2>&1
    "$openapi" generate --config Comparison/openapi-generator-config.yaml \
        --output-directory "$work/rebuild-openapi/Sources/Client" "$work/description.yaml" >/dev/null 2>&1
    a_samples+=("$(seconds swift build --package-path "$work/rebuild-apigen")")
    o_samples+=("$(seconds swift build --package-path "$work/rebuild-openapi")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
a_rebuild=$(median "${a_samples[@]}")
o_rebuild=$(median "${o_samples[@]}")
printf 'rebuild after a change (%s operations, debug): apigen %s s | swift-openapi-generator %s s | %s faster\n' \
    "$rebuild_ops" "$a_rebuild" "$o_rebuild" "$(ratio "$a_rebuild" "$o_rebuild")"

# Whole-module builds of the real descriptions (../shared/corpus beside the clone): each tool's client in the package
# above, its dependencies built first, then the client alone rebuilt in release (whole-module) three times, the
# median reported.
if [ -d "$corpus" ]; then
    for description in "$corpus"/*.yaml; do
        name=$(basename "$description" .yaml)
        times=()
        for tool in apigen openapi; do
            dir="$work/rebuild-$tool" client="$work/rebuild-$tool/Sources/Client"
            rm -rf "$client" && mkdir -p "$client"
            if [ $tool = apigen ]; then
                "$apigen" generate "$description" --output "$client" >/dev/null 2>&1 || { times+=(failed); continue; }
            else
                "$openapi" generate --config Comparison/openapi-generator-config.yaml --output-directory "$client" \
                    "$description" >/dev/null 2>&1 || { times+=(failed); continue; }
            fi
            swift build -c release --package-path "$dir" >/dev/null 2>&1 || { times+=(failed); continue; }
            # The median of three: the first build after a change can take half as long again on a shared machine.
            samples=()
            for _ in 1 2 3; do
                find "$client" -name '*.swift' -exec touch {} +
                samples+=("$(seconds swift build -c release --package-path "$dir")")
            done
            times+=("$(median "${samples[@]}")")
        done
        printf 'whole-module build of %s: apigen %s s | swift-openapi-generator %s s | %s faster\n' "$name" \
            "${times[0]}" "${times[1]}" "$(ratio "${times[0]}" "${times[1]}")"
    done
else
    echo "whole-module builds of the real descriptions: not run (no $corpus)"
fi
