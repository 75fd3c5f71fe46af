#!/usr/bin/env bash
# Installs what building apigen needs beyond Swift itself: libyaml's headers and pkg-config.
# Safe to run again: it installs nothing when both are present.
set -euo pipefail

missing=()
[ -f /usr/include/yaml.h ] || missing+=(libyaml-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(uname)" = "Darwin" ]; then
    brew install libyaml pkg-config
    exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing ${missing[*]}" >&2
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}"
