#!/usr/bin/env bash
# Runs peerdesk on the default database. Arguments pass through: ./run.sh --db FILE,
# ./run.sh demo, ./run.sh check, ./run.sh --help.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/scripts/bootstrap.sh"
exec "$here/.venv/bin/peerdesk" "$@"
