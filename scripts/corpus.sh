#!/usr/bin/env bash
# Generates a client from each public description in the corpus folder (default `../shared/corpus`, or the first
# argument), then builds them in Swift 6 mode with warnings as errors and runs CorpusTests, which calls a few
# operations of each against the mock transport. The folder lies outside the repository, so the README's test command
# does not need it; CI runs this script as a step of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus}
if [ ! -d "$corpus" ]; then
    echo "corpus.sh: no corpus folder at $corpus; pass its path as the first argument." >&2
    exit 1
fi
swift build --product apigen
generate() {
    local file=$1 module=$2 log
    log=$(mktemp)
    if ! .build/debug/apigen generate "$corpus/$file" --output "CorpusTests/Generated/$module" 2>"$log"; then
        cat "$log" >&2
        exit 1
    fi
    echo "$file → CorpusTests/Generated/$module ($(grep -c ': warning: ' "$log" || true) warnings)"
    rm -f "$log"
}
generate spotify-web-api.yaml Spotify
generate discourse.yaml Discourse
generate redocly-museum.yaml Museum
swift test --package-path CorpusTests
