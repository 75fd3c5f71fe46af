#!/usr/bin/env bash
# Builds the documentation of every module of the project with DocC, treating warnings as errors.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(YAML APIDescription SwiftCodegen Generator APIClientRuntime APIClientTesting CloudPartnerPortal)
swift package generate-documentation --warnings-as-errors "${targets[@]/#/--target=}"
