#!/usr/bin/env bash
# Builds the libFuzzer target over the YAML reader, the description loader and the code generator, then runs it.
#   bash Fuzz/fuzz.sh                 # run until stopped or a crash is found
#   bash Fuzz/fuzz.sh -max_total_time=60   # any libFuzzer option passes through
# Crashes are written to Fuzz/findings/; the working corpus grows in Fuzz/corpus-run/, seeded from Fuzz/corpus/ and
# the project's own descriptions.
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build-fuzz
mkdir -p "$out" Fuzz/corpus-run Fuzz/findings

flags=(-sanitize=fuzzer,address -O -g -swift-version 6 -parse-as-library -I "$out" -I Sources/CYAML)
module() { # name, sources…
    local name=$1; shift
    swiftc "${flags[@]}" -module-name "$name" -emit-module -emit-module-path "$out/$name.swiftmodule" \
        -emit-object -wmo -o "$out/$name.o" "$@"
}
module YAML Sources/YAML/*.swift
module APIDescription Sources/APIDescription/*.swift
module SwiftCodegen Sources/SwiftCodegen/*.swift Sources/SwiftCodegen/Translator/*.swift
swiftc "${flags[@]}" -module-name FuzzDescription Fuzz/FuzzTarget.swift \
    "$out/YAML.o" "$out/APIDescription.o" "$out/SwiftCodegen.o" -lyaml -o "$out/fuzz-description"

cp -n api-spec/*.yaml Fuzz/corpus-run/ 2>/dev/null || true
exec "$out/fuzz-description" -artifact_prefix=Fuzz/findings/ -dict=Fuzz/openapi.dict -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    "$@" Fuzz/corpus-run Fuzz/corpus
