#!/usr/bin/env bash
# Mutation testing of the safety rules (docs/testing.md, "Mutation testing"). Not part of CI.
#   scripts/mutation.sh                 every module in the table (about an hour on two cores)
#   scripts/mutation.sh erasure keys    only those modules
#   scripts/mutation.sh --again [MODULE…]   re-run only the mutants the last run did not kill
#   scripts/mutation.sh --summary [MODULE…] print the table of the last run without running
# Modules: suppression consents erasure import keys pairings sessions referrals backup.
# mutmut works on a copy in mutants/ (ignored by git); peerdesk/ is never modified. It runs
# at low priority so it shares the machine politely.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
venv="${VENV:-$here/.venv}"
export QT_QPA_PLATFORM=offscreen
exec nice -n 10 "$venv/bin/python" scripts/mutation.py "$@"
