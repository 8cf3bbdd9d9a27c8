"""Settings ▸ Mileage rates by keyboard: new rates saved by the panel's own button; a reduced
rate above the full one refused under its input, with nothing saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QLabel
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.expenses.views import MileageSettings
from peerdesk.services.organisation import OrganisationDetails
from peerdesk.ui.expenses.mileage_panel import MileagePanel
from peerdesk.ui.screens.settings import SettingsScreen
from tests.ui.keys import press, type_into


def panel(qtbot: QtBot, services: Services) -> MileagePanel:
    services.organisation.save(OrganisationDetails(name="Thurso Peer Support"))
    shown = MileagePanel(services)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_new_rates_are_saved_by_keyboard(qtbot: QtBot, services: Services) -> None:
    shown = panel(qtbot, services)
    assert (shown.rate.value(), shown.reduced.value(), shown.threshold.value()) == (45, 25, 10000)
    for box, typed in ((shown.rate, "50"), (shown.reduced, "30"), (shown.threshold, "8000")):
        box.lineEdit().selectAll()
        type_into(qtbot, box, typed)
    press(qtbot, shown.save_button)
    assert services.expenses.mileage_settings() == MileageSettings(50, 30, 8000)
    assert "50p a mile for the first 8,000 miles" in shown.saved_note.text()


def test_a_reduced_rate_above_the_full_one_is_refused(qtbot: QtBot, services: Services) -> None:
    shown = panel(qtbot, services)
    shown.reduced.lineEdit().selectAll()
    type_into(qtbot, shown.reduced, "60")
    press(qtbot, shown.save_button)
    assert "cannot be more than the rate" in shown.rows.problem_text("reduced_rate_pence")
    assert services.expenses.mileage_settings() == MileageSettings(45, 25, 10000)


def test_the_settings_screen_shows_the_panel_with_its_own_access_key(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    services.organisation.save(OrganisationDetails(name="Thurso Peer Support"))
    screen = SettingsScreen(
        services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(screen)
    screen.show()
    [shown] = screen.findChildren(MileagePanel)
    screen.show_section(shown)  # Settings ▸ Volunteers
    assert shown.isVisible()
    # Alt+A is the panel's alone on its Settings tab.
    keys = [
        w.text()
        for kind in (QAbstractButton, QLabel)
        for w in screen.findChildren(kind)
        if w.isVisible()
    ]
    assert [k for k in keys if "&a" in k.lower()] == ["S&ave mileage rates"]
