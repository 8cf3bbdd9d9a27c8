"""The main window: title, DEMO labelling, menus with standard shortcuts, routing, geometry."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence

from peerdesk.services import Services
from peerdesk.services.organisation import OrganisationDetails
from peerdesk.services.people.service import PersonDetails
from peerdesk.ui import preferences
from peerdesk.ui.main_window import MainWindow


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _window(qtbot, services: Services, qsettings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(services, qsettings)
    qtbot.addWidget(window)
    return window


def test_title_shows_the_organisation_and_the_database_file(qtbot, services, qsettings) -> None:  # type: ignore[no-untyped-def]
    services.organisation.save(OrganisationDetails(name="Thurso Peer Support"))
    window = _window(qtbot, services, qsettings)
    assert window.windowTitle() == f"Thurso Peer Support — {services.database_path.name}"
    assert "DEMO" not in window.windowTitle()
    assert window.demo_banner.isHidden()


def test_the_demo_is_labelled_in_the_title_and_a_banner(qtbot, demo_services, qsettings) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_services, qsettings)
    assert window.windowTitle().startswith("DEMO — ")
    assert not window.demo_banner.isHidden()
    assert "fictional" in window.demo_banner.text()


def test_menus_use_the_standard_shortcuts(qtbot, services, qsettings) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, services, qsettings)
    key = QKeySequence.StandardKey
    for action, standard in (
        (window.new_action, key.New),
        (window.find_action, key.Find),
        (window.print_action, key.Print),
        (window.quit_action, key.Quit),
    ):
        assert action.shortcut() == QKeySequence(standard)
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles[:3] == ["File", "Edit", "View"]


def test_open_record_routes_a_person_to_their_page(qtbot, services, qsettings) -> None:  # type: ignore[no-untyped-def]
    person = services.people.add(PersonDetails(first_name="Morag", last_name="Gunn"))
    window = _window(qtbot, services, qsettings)
    window.open_record("person", person.id)
    people = window.screens["people"]
    assert window.stack.currentWidget() is people
    assert window.navigation.currentItem().text() == "People"
    assert people.stack.currentWidget() is people.person_page
    assert "Morag Gunn" in people.person_page.heading.text()


def test_unknown_records_say_so_in_the_status_bar(qtbot, services, qsettings) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, services, qsettings)
    window.open_record("person", 999)
    assert "cannot be shown" in window.statusBar().currentMessage()


def test_preferences_opens_settings_and_geometry_is_remembered(qtbot, services, qsettings) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, services, qsettings)
    window.preferences_action.trigger()
    assert window.stack.currentWidget() is window.screens["settings"]
    window.show()
    qtbot.waitExposed(window)
    # A size the window can take whatever text size earlier tests left behind.
    wanted = window.minimumSizeHint().expandedTo(window.minimumSize()).height() + 37
    window.resize(window.width(), wanted)
    assert window.size().height() == wanted
    window.close()
    assert preferences.WINDOW_GEOMETRY.read(qsettings) is not None
    again = _window(qtbot, services, qsettings)
    assert again.size().height() == wanted  # the offscreen screen is narrow: check height
