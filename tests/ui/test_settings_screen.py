"""Settings: organisation details and thresholds saved; text size and high contrast change the
whole app's font and palette at once, and are remembered on this computer."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from peerdesk.services.organisation import OrganisationDetails
from peerdesk.ui import preferences, theme
from peerdesk.ui.screens.settings import SettingsScreen

# A 1×1 PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


@pytest.fixture
def qsettings(tmp_path: Path, qapp: QApplication) -> Iterator[QSettings]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield settings
    settings.clear()
    theme.apply_appearance(qapp, settings)  # leave the app as other tests expect it


@pytest.fixture
def screen(qtbot, services, qsettings) -> SettingsScreen:  # type: ignore[no-untyped-def]
    services.organisation.save(OrganisationDetails(name="Wick Peers"))
    widget = SettingsScreen(services, qsettings)
    qtbot.addWidget(widget)
    widget.refresh()
    return widget


def test_text_size_changes_the_whole_app_font(screen, qsettings, qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    screen.show()
    screen.text_size.setCurrentIndex(0)
    normal = qapp.font().pointSize()
    screen.text_size.setCurrentIndex(len(theme.TEXT_SIZES) - 1)
    largest = qapp.font().pointSize()
    assert largest == theme.TEXT_SIZES[-1][1] > normal
    qtbot.waitUntil(lambda: screen.name.font().pointSize() == largest)  # widgets follow
    assert theme.text_size_index(qsettings) == len(theme.TEXT_SIZES) - 1
    assert len(theme.TEXT_SIZES) >= 3


def test_text_size_reaches_open_windows_hidden_pages_and_tab_bars(qtbot, qsettings, qapp) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    tabs = QTabWidget()
    tabs.addTab(QLabel("Details"), "Details")
    stack = QStackedWidget()
    stack.addWidget(QLabel("shown"))
    hidden = QLabel("a page not shown yet")
    stack.addWidget(hidden)
    bold = QLabel("bold by its own style sheet")
    bold.setStyleSheet("font-weight: bold;")
    layout = QVBoxLayout(window)
    for widget in (tabs, stack, bold):
        layout.addWidget(widget)
    window.show()
    qtbot.waitExposed(window)
    # Widgets of earlier windows waiting to be deleted must not trouble the change.
    for _ in range(20):
        QLabel("closing", window).deleteLater()
    largest = theme.TEXT_SIZES[-1][1]
    preferences.TEXT_SIZE.write(qsettings, len(theme.TEXT_SIZES) - 1)
    theme.apply_appearance(qapp, qsettings)
    for widget in (window, tabs.tabBar(), hidden, bold):
        assert widget.font().pointSize() == largest, type(widget).__name__
    assert bold.font().bold()
    later = QLabel("added after the change")
    layout.addWidget(later)
    qtbot.waitUntil(lambda: later.font().pointSize() == largest)


def test_high_contrast_changes_the_palette(screen, qsettings, qapp) -> None:  # type: ignore[no-untyped-def]
    screen.theme_choice.setCurrentIndex(screen.theme_choice.findData("light"))
    before = qapp.palette().color(QPalette.ColorRole.WindowText).name()
    screen.high_contrast.setChecked(True)
    palette = qapp.palette()
    assert palette.color(QPalette.ColorRole.Window).name() == "#ffffff"
    assert palette.color(QPalette.ColorRole.WindowText).name() == "#000000" != before
    assert theme.high_contrast(qsettings)
    screen.theme_choice.setCurrentIndex(screen.theme_choice.findData("dark"))
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == "#000000"


def test_organisation_details_and_thresholds_are_saved(screen, services) -> None:  # type: ignore[no-untyped-def]
    screen.name.setText("Wick Peer Support")
    screen.year_start.setCurrentIndex(0)
    screen.thresholds["supervision_weeks"].setValue(6)
    screen.review_weeks.setText("4, 12")
    screen.save_button.click()
    organisation = services.organisation.get()
    assert organisation.name == "Wick Peer Support"
    # The Organisation tab's Save keeps the Reminders tab's inputs as saved (and as typed).
    assert organisation.supervision_weeks != 6 and organisation.reporting_year_start_month == 4
    assert "Saved" in screen.saved_note.text()
    assert screen.thresholds["supervision_weeks"].value() == 6
    screen.reminders_save_button.click()
    organisation = services.organisation.get()
    assert organisation.name == "Wick Peer Support"
    assert organisation.reporting_year_start_month == 1
    assert organisation.supervision_weeks == 6
    assert organisation.review_schedule_weeks == "4, 12"
    assert "Saved" in screen.reminders_saved_note.text()


def test_each_tab_saves_its_own_part_and_keeps_what_is_typed_on_the_other(screen, services) -> None:  # type: ignore[no-untyped-def]
    screen.name.setText("Thurso Peers")
    screen.thresholds["supervision_weeks"].setValue(7)
    screen.reminders_save_button.click()
    assert services.organisation.get().supervision_weeks == 7
    assert services.organisation.get().name == "Wick Peers"  # not saved by Reminders' Save
    assert screen.name.text() == "Thurso Peers"  # still there to save


def test_a_problem_is_shown_next_to_the_field(screen, services) -> None:  # type: ignore[no-untyped-def]
    screen.name.setText("")
    screen.review_weeks.setText("six")
    screen.save_button.click()
    assert "organisation's name" in screen.organisation_rows.problem_text("name")
    assert services.organisation.get().name == "Wick Peers"
    screen.reminders_save_button.click()
    assert "whole numbers of weeks" in screen.threshold_rows.problem_text("review_schedule_weeks")
    assert "Not saved" in screen.reminders_saved_note.text()


def test_settings_are_in_tabs_whose_keys_reach_them(screen, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Alt+letter on a tab shows it; the key of an input on it then reaches that input."""
    from PySide6.QtCore import Qt

    screen.show()
    qtbot.waitExposed(screen)
    titles = [screen.sections.tabText(i) for i in range(screen.sections.count())]
    assert titles == [
        "Or&ganisation",
        "Re&minders",
        "Te&xt",
        "&Backups",
        "Vol&unteers",
        "L&ists",
    ]
    screen.activateWindow()
    screen.name.setFocus()
    qtbot.waitUntil(screen.name.hasFocus)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert screen.sections.currentIndex() == 1
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(screen.year_start.hasFocus)
    screen.show_section(screen.backups_panel)
    assert screen.backups_panel.isVisible() and not screen.name.isVisible()


def test_logo(screen, services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "logo.png"
    path.write_bytes(PNG)
    assert screen.set_logo_file(str(path))
    assert services.organisation.get().logo_png == PNG
    assert screen.remove_logo.isEnabled()
    screen.remove_logo.click()
    assert services.organisation.get().logo_png is None
    assert screen.logo_preview.text() == "No logo yet"
