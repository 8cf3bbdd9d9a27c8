"""Settings ▸ Volunteers and safeguarding by keyboard: references needed before pairing and
the years a concern is kept, saved by the panel's own button (a volunteer's readiness then
asks for the references); without the organisation's details nothing is saved and the panel
says why."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.organisation import OrganisationDetails
from peerdesk.services.volunteers.views import SafeguardingSettings
from peerdesk.ui.people.readiness_panel import ReadinessPanel
from peerdesk.ui.screens.settings import SettingsScreen
from tests.ui.keys import press, type_into
from tests.unit.test_pairings_builders import ready_mentor


def panel(qtbot: QtBot, services: Services) -> ReadinessPanel:
    shown = ReadinessPanel(services)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_the_two_numbers_are_saved_by_keyboard(qtbot: QtBot, services: Services) -> None:
    services.organisation.save(OrganisationDetails(name="Thurso Peer Support"))
    mentor = ready_mentor(services, "Morag")
    assert services.volunteers.readiness(mentor).may_be_paired
    shown = panel(qtbot, services)
    assert shown.references.text() == "Not asked"
    assert shown.keep_years.value() == 6
    for box, typed in ((shown.references, "2"), (shown.keep_years, "10")):
        box.lineEdit().selectAll()
        type_into(qtbot, box, typed)
    press(qtbot, shown.save_button)
    assert services.references.settings() == SafeguardingSettings(2, 10)
    assert shown.saved_note.text() == (
        "Saved: 2 satisfactory references before pairing; concerns kept 10 years after closing."
    )
    assert "references: 0 of 2 received and satisfactory" in (
        services.volunteers.readiness(mentor).missing
    )


def test_without_the_organisation_nothing_is_saved(qtbot: QtBot, services: Services) -> None:
    shown = panel(qtbot, services)
    shown.references.lineEdit().selectAll()
    type_into(qtbot, shown.references, "1")
    press(qtbot, shown.save_button)
    assert "save the organisation's details first" in shown.problem.text()
    assert shown.saved_note.text() == ""
    assert services.references.settings() == SafeguardingSettings(0, 6)


def test_the_settings_screen_shows_the_panel(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    services.organisation.save(OrganisationDetails(name="Thurso Peer Support"))
    services.references.save_settings(SafeguardingSettings(3, 8))
    screen = SettingsScreen(
        services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(screen)
    screen.show()
    [shown] = screen.findChildren(ReadinessPanel)
    screen.show_section(shown)  # Settings ▸ Volunteers
    assert shown.isVisible()
    assert (shown.references.value(), shown.keep_years.value()) == (3, 8)
