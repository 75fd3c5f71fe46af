#!/usr/bin/env bash
# Checks that what building apigen needs beyond Swift itself is present: libyaml (found through pkg-config as
# yaml-0.1) and pkg-config. When something is missing it prints the command that installs it, and runs that command
# only when asked: with --install, under CI (the CI variable set), or after a yes at the prompt of a terminal.
set -euo pipefail

install=no
case "${1:-}" in
    --install) install=yes ;;
    "") ;;
    *) echo "usage: $0 [--install]" >&2; exit 2 ;;
esac
[ -n "${CI:-}" ] && install=yes

if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists yaml-0.1; then
    exit 0
fi

if [ "$(uname)" = "Darwin" ]; then
    command=(brew install libyaml pkg-config)
else
    command=(apt-get install -y libyaml-dev pkg-config)
    if [ "$(id -u)" -ne 0 ]; then command=(sudo "${command[@]}"); fi
fi

echo "apigen needs libyaml and pkg-config, which are not both installed. To install them, run:" >&2
echo "    ${command[*]}" >&2
if [ "$install" = no ] && [ -t 0 ]; then
    read -r -p "Run it now? [y/N] " answer
    case "$answer" in [yY]*) install=yes ;; esac
fi
if [ "$install" = no ]; then
    echo "Or run this script with --install to let it do so." >&2
    exit 1
fi
if [ "$(uname)" != "Darwin" ]; then
    update=(apt-get update -qq)
    if [ "$(id -u)" -ne 0 ]; then update=(sudo "${update[@]}"); fi
    "${update[@]}"
fi
"${command[@]}"
pkg-config --exists yaml-0.1
