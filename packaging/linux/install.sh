#!/bin/sh
# Installs this peerdesk bundle for the current user (no root needed):
#   the program in ~/.local/opt/peerdesk, a `peerdesk` command in ~/.local/bin,
#   and the menu entry and icons in ~/.local/share.
# Run it from the unpacked folder:  ./install.sh      Remove with:  ./install.sh --remove
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
app_id="org.peerdesk.Peerdesk"
target="${XDG_DATA_HOME:-$HOME/.local/share}"
opt="$HOME/.local/opt/peerdesk"
bin="$HOME/.local/bin"

if [ "${1:-}" = "--remove" ]; then
  rm -rf "$opt" "$bin/peerdesk" "$target/applications/$app_id.desktop" \
         "$target/metainfo/$app_id.metainfo.xml"
  find "$target/icons/hicolor" -name "$app_id.*" -delete 2>/dev/null || true
  echo "peerdesk removed. Your records were not touched."
  exit 0
fi

mkdir -p "$opt" "$bin" "$target/applications" "$target/metainfo"
cp -R "$here/." "$opt/"
ln -sf "$opt/peerdesk" "$bin/peerdesk"
sed "s|^Exec=peerdesk|Exec=$opt/peerdesk|" "$here/share/applications/$app_id.desktop" \
  > "$target/applications/$app_id.desktop"
cp "$here/share/metainfo/$app_id.metainfo.xml" "$target/metainfo/"
cp -R "$here/share/icons" "$target/"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$target/applications" || true
echo "peerdesk installed. Find it in your applications menu, or run: $bin/peerdesk"
