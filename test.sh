#!/usr/bin/env bash
# Runs every check the project promises: lint, format, types, layer contracts and the test suite.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
"$here/scripts/bootstrap.sh"
export QT_QPA_PLATFORM=offscreen
bin="$here/.venv/bin"
sources=()
for folder in peerdesk tests bench scripts packaging; do [ -d "$folder" ] && sources+=("$folder"); done
echo "== ruff (lint)";   "$bin/ruff" check "${sources[@]}"
echo "== ruff (format)"; "$bin/ruff" format --check "${sources[@]}"
echo "== mypy";          "$bin/mypy"
echo "== import-linter"; "$bin/lint-imports"
echo "== pytest";        "$bin/pytest" -n 2 -p no:cacheprovider "$@"
