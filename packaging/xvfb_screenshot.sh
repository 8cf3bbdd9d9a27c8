#!/usr/bin/env bash
# Start a built bundle in a real X11 window under Xvfb, on fresh demo data, and save a
# screenshot: the check that the frozen app shows its main window on a real display.
#   packaging/xvfb_screenshot.sh dist/peerdesk out.png
# Needs Debian's xvfb, x11-apps (xwd) and imagemagick (convert).
set -euo pipefail
bundle="$(cd "$1" && pwd)"
out="$(realpath -m "$2")"
home="$(mktemp -d)"
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1366x768x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$app" "$xvfb" 2>/dev/null || true; rm -rf "$home"' EXIT
export DISPLAY="$display" PEERDESK_HOME="$home"
unset QT_QPA_PLATFORM PYTHONPATH
"$bundle/peerdesk" --db "$home/demo.db" demo --seed 1 >/dev/null
"$bundle/peerdesk" --db "$home/demo.db" >"$home/app.log" 2>&1 &
app=$!
for _ in $(seq 60); do
  if xwininfo -root -children 2>/dev/null | grep -q '— demo.db — peerdesk'; then break; fi
  sleep 0.5
done
sleep 2  # let Today finish drawing
xwd -root -silent | convert xwd:- "$out"
kill -0 "$app"  # still running: it did not crash after showing the window
echo "screenshot: $out"
