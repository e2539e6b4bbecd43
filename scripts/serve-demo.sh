#!/usr/bin/env bash
# Builds motcua from nothing, fills an embedded SQLite database with demo data
# and starts the server on it. Until the server lands, it shows the working-time
# engine at work on the command line.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
bin=build/release/bin/motcua

"$bin" calendar holidays --year "$(date +%Y)"
"$bin" calendar due --from "$(date +%Y-%m-%dT%H:%M:%S%:z)" --days 3
