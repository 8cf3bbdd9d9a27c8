#!/usr/bin/env bash
# Runs the peerdesk desktop app on the default database (or pass arguments, e.g. --db FILE).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/scripts/bootstrap.sh"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ] && [ "$(uname)" = "Linux" ]; then
  echo "peerdesk: no display found, so the window cannot be shown here." >&2
  echo "Run this on a desktop session, or under Xvfb (xvfb-run ./run.sh)." >&2
  exit 1
fi
exec "$here/.venv/bin/peerdesk" "$@"
