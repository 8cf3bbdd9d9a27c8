"""Chinese, Japanese and Korean names show in the app, not as empty boxes, because peerdesk
registers its bundled fonts with Qt and names the fallback in the app's font family list.

Each case runs in a fresh Python with fontconfig limited to a generated fonts.conf, so the
fonts installed on the test machine cannot help: only what peerdesk ships and registers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from peerdesk.paths import resource_path

#: A Chinese and a Japanese name. (Korean Hangul is in neither bundled font: a known gap.)
NAME = "陈小明 山田花子"

#: Shapes NAME with the app's font (as applied, and as a label gets it from the style sheet)
#: and prints, as JSON, the glyphs Qt had no character for (glyph 0) and the fonts it used.
SHAPE = r"""
import json, sys
from PySide6.QtCore import QSettings
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QApplication, QLabel

from peerdesk.ui import theme

name, settings_file = sys.argv[1], sys.argv[2]
app = QApplication([])


def shape(font, text=name):
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    missing, families = 0, set()
    for run in layout.glyphRuns():
        missing += list(run.glyphIndexes()).count(0)
        families.add(run.rawFont().familyName())
    return {"missing": missing, "families": sorted(families)}


before = shape(QApplication.font())
theme.apply_appearance(app, QSettings(settings_file, QSettings.Format.IniFormat))
label = QLabel(name)
label.ensurePolished()
print(json.dumps({
    "before": before,
    "app": shape(QApplication.font()),
    "label": shape(label.font()),
    # A private-use character no font has: its missing glyph shows the measure can fail.
    "control": shape(QApplication.font(), "\ue000"),
}))
"""


def shape_with_fonts_from(folder: Path, tmp_path: Path) -> dict[str, dict[str, object]]:
    """Run SHAPE with fontconfig seeing only the fonts in `folder`."""
    cache = tmp_path / "fontconfig-cache"
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><dir>{folder}</dir><cachedir>{cache}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    environment = {
        **os.environ,
        "FONTCONFIG_FILE": str(config),
        "FONTCONFIG_PATH": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    result = subprocess.run(
        [sys.executable, "-c", SHAPE, NAME, str(tmp_path / "settings.ini")],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    shaped: dict[str, dict[str, object]] = json.loads(result.stdout.strip().splitlines()[-1])
    return shaped


@pytest.mark.skipif(sys.platform != "linux", reason="fontconfig is Linux's font finder")
def test_a_cjk_name_shapes_with_the_bundled_fonts_only(tmp_path: Path) -> None:
    """The fonts peerdesk ships are enough: nothing installed on the computer is needed."""
    shaped = shape_with_fonts_from(resource_path("fonts"), tmp_path)
    for what in ("app", "label"):
        assert shaped[what]["missing"] == 0, (what, shaped)
        assert "Droid Sans Fallback" in shaped[what]["families"], (what, shaped)
    assert shaped["control"]["missing"] == 1, shaped


@pytest.mark.skipif(sys.platform != "linux", reason="fontconfig is Linux's font finder")
def test_with_no_fonts_on_the_computer_the_registered_fonts_still_show_the_name(
    tmp_path: Path,
) -> None:
    """No font at all for fontconfig: before peerdesk registers its own, no font draws the
    name; after, the registered fallback draws every character of it."""
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    shaped = shape_with_fonts_from(empty, tmp_path)
    assert "Droid Sans Fallback" not in shaped["before"]["families"], shaped
    for what in ("app", "label"):
        assert shaped[what]["missing"] == 0, (what, shaped)
        assert "Droid Sans Fallback" in shaped[what]["families"], (what, shaped)
