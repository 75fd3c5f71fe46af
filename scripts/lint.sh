#!/usr/bin/env bash
# Checks every Swift file of the project, hand-written and generated, against .swift-format.
# To fix what it reports in hand-written code: swift format --in-place --recursive <the same paths>.
set -euo pipefail
cd "$(dirname "$0")/.."
swift format lint --strict --recursive \
    Package.swift Sources Tests Generated Plugins Fuzz/FuzzTarget.swift \
    Examples/CancelWatcher/Package.swift Examples/CancelWatcher/Sources Examples/CancelWatcher/Tests \
    IntegrationTests/Package.swift IntegrationTests/Tests IntegrationTests/Generated Benchmarks/Package.swift Benchmarks/Sources Benchmarks/Benchmarks \
    CorpusTests/Package.swift CorpusTests/Tests
