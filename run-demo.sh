#!/usr/bin/env bash
# Installs what is missing, builds Gavel and starts it on the demo database (2,000
# customers, created on the first run). Extra arguments go to gavel.
set -euo pipefail
cd "$(dirname "$0")"

./install-deps.sh run
cmake --preset release
cmake --build --preset release --parallel "$(nproc)"
exec ./build/release/app/gavel --demo "$@"
