"""Accessibility: every input named, every theme readable, text not clipped at the largest size."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from peerdesk.ui import preferences, theme
from peerdesk.ui.first_run import WelcomeDialog
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.people.person_dialog import PersonDialog
from peerdesk.ui.people.volunteer_dialogs import (
    DisclosureCheckDialog,
    StageDialog,
    SupervisionDialog,
    TrainingDialog,
)

INPUTS = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)


@pytest.fixture
def qsettings(tmp_path: Path, qapp: QApplication) -> Iterator[QSettings]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield settings
    settings.clear()
    theme.apply_appearance(qapp, settings)


def _is_part_of_another_input(widget: QWidget) -> bool:
    """Qt's own parts of an input: the line edit inside a combo or spin box, a line edit's
    clear button, a view's scroll bars and headers, the menu bar's overflow button."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(
            parent, QComboBox | QAbstractSpinBox | QAbstractItemView | QLineEdit | QMenuBar
        ):
            return True
        parent = parent.parentWidget()
    return False


def unnamed_inputs(root: QWidget) -> list[str]:
    """Inputs with no accessible name, no text of their own, and no label pointing at them."""
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy()}
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or _is_part_of_another_input(widget):
            continue
        if type(widget).__name__ in {"QScrollBar", "QHeaderView", "QTableCornerButton"}:
            continue
        named = bool(widget.accessibleName().strip()) or id(widget) in buddies
        if isinstance(widget, QAbstractButton):
            named = named or bool(widget.text().replace("&", "").strip())
        if not named:
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} in {root}")
    return missing


def test_every_input_of_every_screen_is_named(qtbot, demo_services, qsettings) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_services, qsettings)
    qtbot.addWidget(window)
    for key in window.screens:
        window.show_screen(key)
    paired = next(r for r in demo_services.people.list_rows() if r.status == "Paired")
    mentor = next(r for r in demo_services.people.list_rows() if "mentor" in r.roles)
    for person in (paired, mentor):
        window.open_record("person", person.id)
        assert unnamed_inputs(window) == []
    assert unnamed_inputs(window) == []


def test_every_dialog_input_is_named(qtbot, services, paths) -> None:  # type: ignore[no-untyped-def]
    person = services.people.add(
        __import__("peerdesk.services.people.service", fromlist=["PersonDetails"]).PersonDetails(
            first_name="Ann"
        )
    )
    dialogs: list[QWidget] = [PersonDialog(services), PersonDialog(services, person.id)]
    dialogs.append(WelcomeDialog(services, paths))
    for dialog_class in (StageDialog, DisclosureCheckDialog, TrainingDialog, SupervisionDialog):
        dialogs.append(dialog_class(services, person.id))
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        assert unnamed_inputs(dialog) == [], dialog.windowTitle()


@pytest.mark.parametrize("palette", theme.ALL_PALETTES, ids=lambda p: p.name)
def test_every_theme_has_readable_contrast(palette: theme.Palette) -> None:
    needed = 7.0 if palette.name.startswith("high contrast") else 4.5
    for what, foreground, background in palette.pairs():
        ratio = theme.contrast_ratio(foreground, background)
        assert ratio >= needed, f"{palette.name}: {what} is {ratio:.2f}:1"


def test_contrast_ratio_matches_wcag_examples() -> None:
    assert theme.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_nothing_is_squeezed_at_the_largest_text_size(
    qtbot, demo_services, qsettings, qapp
) -> None:  # type: ignore[no-untyped-def]
    preferences.TEXT_SIZE.write(qsettings, len(theme.TEXT_SIZES) - 1)
    theme.apply_appearance(qapp, qsettings)
    window = MainWindow(demo_services, qsettings)
    qtbot.addWidget(window)
    window.resize(1280, 900)
    window.show()
    qtbot.waitExposed(window)
    paired = next(r for r in demo_services.people.list_rows() if r.status == "Paired")
    views = [*window.screens, "person"]
    for view in views:
        if view == "person":
            window.open_record("person", paired.id)
        else:
            window.show_screen(view)
        qapp.processEvents()
        squeezed = []
        for widget in window.findChildren(QAbstractButton) + window.findChildren(QLabel):
            if not widget.isVisible() or widget.width() == 0:
                continue
            if isinstance(widget, QLabel) and (widget.wordWrap() or widget.pixmap() is not None):
                continue
            if widget.width() + 1 < widget.minimumSizeHint().width():
                squeezed.append(f"{type(widget).__name__} {widget.text()!r}")
        assert squeezed == [], view
