#!/usr/bin/env bash
# Prepares everything peerdesk needs to run from this source tree, and nothing more:
# the Qt system libraries (only when root on Debian/Ubuntu, where apt can install them),
# a virtual environment in .venv, and the exact dependency versions in requirements.lock.
# It is idempotent and quick when nothing has changed, so both ./run.sh and ./test.sh call it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

qt_libs=(libgl1 libegl1 libglib2.0-0 libdbus-1-3 libxkbcommon0 libfontconfig1 libfreetype6
         libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
         libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-xinerama0 libxcb-randr0)
tools=(poppler-utils)

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for pkg in "${qt_libs[@]}" "${tools[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then missing+=(python3-venv); fi
  if [ ${#missing[@]} -gt 0 ]; then
    echo "peerdesk: installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
  echo "peerdesk needs Python 3.11 or newer; found $("$python" --version 2>&1)." >&2
  exit 1
fi

venv="$here/.venv"
if [ ! -x "$venv/bin/python" ]; then
  echo "peerdesk: creating the virtual environment in .venv"
  "$python" -m venv "$venv"
fi

# Reinstall only when the lock or the project metadata changed.
stamp="$venv/.peerdesk-installed"
want="$(cat requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "peerdesk: installing the locked dependencies (first run takes a few minutes)"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
  "$venv/bin/python" -m pip install -q --disable-pip-version-check --require-hashes -r requirements.lock
  "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
  echo "$want" > "$stamp"
fi
