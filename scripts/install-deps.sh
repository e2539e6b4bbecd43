#!/usr/bin/env bash
# Installs every Debian package motcua needs to build, test and benchmark.
# Idempotent: prints nothing and installs nothing when all is already present.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config clang-format
  libgtest-dev libgmock-dev libbenchmark-dev
  libsqlite3-dev sqlite3 libpq-dev postgresql
  libsodium-dev libssl-dev libicu-dev libgoogle-perftools-dev
  libspdlog-dev libfmt-dev libcli11-dev nlohmann-json3-dev
  librestinio-dev libasio-dev libhttp-parser-dev libkainjow-mustache-dev
  libhpdf-dev libqrencode-dev libxlsxwriter-dev fonts-dejavu-core
  wrk nginx-light curl
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
