#!/usr/bin/env bash
# Builds motcua from nothing and runs every test: installs the Debian packages,
# builds the release and the sanitizer (ASan+UBSan) configurations, and runs
# ctest on both. Exit status is non-zero if anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh

for preset in release asan; do
  echo "== build ($preset)"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
  echo "== test ($preset)"
  ctest --preset "$preset"
done
