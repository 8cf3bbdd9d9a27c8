"""Render the app icon (peerdesk/resources/icons/peerdesk.svg) to PNG sizes, .ico and .icns.

Run after changing the SVG; the outputs are committed so builds need no rendering step.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    source = ROOT / "peerdesk" / "resources" / "icons" / "peerdesk.svg"
    renderer = QSvgRenderer(str(source))
    out = ROOT / "peerdesk" / "resources" / "icons"
    pngs: dict[int, Path] = {}
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        target = out / f"peerdesk-{size}.png"
        image.save(str(target))
        pngs[size] = target
    biggest = Image.open(pngs[512])
    biggest.save(
        ROOT / "packaging" / "windows" / "peerdesk.ico",
        sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)],
    )
    biggest.save(ROOT / "packaging" / "macos" / "peerdesk.icns")
    print(f"rendered {len(pngs)} PNG sizes, peerdesk.ico and peerdesk.icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
