"""Every theme is readable as applied: the colours are read back from the application's
palette after `apply_appearance` (not from the theme's constants), in every colour group,
so a role Qt fills in by itself (an inactive window's selection, a disabled box's text)
counts too. High contrast is truly black on white or white on black."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from peerdesk.ui import preferences, theme

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

#: (foreground, background) pairs people must be able to read.
PAIRS = (
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.PlaceholderText, Role.Base),
    (Role.Link, Role.Base),
    (Role.ToolTipText, Role.ToolTipBase),
)
GROUPS = (Group.Active, Group.Inactive, Group.Disabled)

#: (name, theme chosen, high contrast ticked)
THEMES = (
    ("light", "light", False),
    ("dark", "dark", False),
    ("high contrast light", "light", True),
    ("high contrast dark", "dark", True),
)


@pytest.fixture
def applied(
    request: pytest.FixtureRequest, tmp_path: Path, qapp: QApplication
) -> Iterator[QPalette]:
    _name, chosen, strong = request.param
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    preferences.THEME.write(settings, chosen)
    preferences.HIGH_CONTRAST.write(settings, strong)
    theme.apply_appearance(qapp, settings)
    yield QApplication.palette()
    settings.clear()
    theme.apply_appearance(qapp, settings)


def ratio(palette: QPalette, group: QPalette.ColorGroup, fore: Role, back: Role) -> float:
    return theme.contrast_ratio(
        palette.color(group, fore).name(), palette.color(group, back).name()
    )


@pytest.mark.parametrize("applied", THEMES, indirect=True, ids=[t[0] for t in THEMES])
def test_every_pair_is_readable_in_every_colour_group(
    applied: QPalette, request: pytest.FixtureRequest
) -> None:
    strong = "high contrast" in request.node.callspec.id
    needed = 7.0 if strong else 4.5
    too_faint = [
        f"{group.name} {fore.name} on {back.name}: {ratio(applied, group, fore, back):.2f}:1"
        for group in GROUPS
        for fore, back in PAIRS
        if ratio(applied, group, fore, back) < needed
    ]
    assert too_faint == []


@pytest.mark.parametrize("applied", [t for t in THEMES if t[2]], indirect=True, ids=lambda t: t[0])
def test_high_contrast_is_black_and_white_with_no_grey_background(applied: QPalette) -> None:
    backgrounds = (Role.Window, Role.Base, Role.AlternateBase, Role.Button, Role.ToolTipBase)
    texts = (Role.WindowText, Role.Text, Role.ButtonText, Role.ToolTipText)
    paper = applied.color(Group.Active, Role.Window).name()
    ink = applied.color(Group.Active, Role.WindowText).name()
    assert {paper, ink} == {"#000000", "#ffffff"}
    for group in GROUPS:
        assert {applied.color(group, role).name() for role in backgrounds} == {paper}, group
        # Disabled text may be a dark (or light) grey, but still 7:1 (tested above).
        if group != Group.Disabled:
            assert {applied.color(group, role).name() for role in texts} == {ink}, group


def test_a_faint_colour_fails_the_ratio() -> None:
    """The measure itself: mid-grey on white is below even 4.5:1."""
    assert theme.contrast_ratio("#777777", "#ffffff") < 4.5
    assert theme.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
