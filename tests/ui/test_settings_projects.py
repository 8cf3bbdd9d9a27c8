"""Settings ▸ Projects by keyboard, and the project chosen on a new referral (issue 21)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QGroupBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.groups.views import GroupDetails
from peerdesk.services.people.views import PersonDetails
from peerdesk.ui import theme
from peerdesk.ui.projects.projects_panel import ProjectsDialog, ProjectsPanel
from peerdesk.ui.referrals.referral_dialog import ReferralDialog
from peerdesk.ui.screens.settings import SettingsScreen
from tests.ui.keys import choose, focus, in_modal, press, save, type_into


@pytest.fixture
def qsettings(tmp_path: Path, qapp: QApplication) -> Iterator[QSettings]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield settings
    settings.clear()
    theme.apply_appearance(qapp, settings)


def _mnemonics(root: QWidget) -> Counter[str]:
    found: Counter[str] = Counter()
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QGroupBox):
            text = widget.title()
        elif isinstance(widget, QAbstractButton | QLabel):
            text = widget.text()
        else:
            continue
        if match := re.search(r"&([^&\s])", text):
            found[match.group(1).lower()] += 1
    return found


def test_a_project_made_in_settings_is_chosen_on_a_new_referral(
    qtbot: QtBot, services: Services, qsettings: QSettings
) -> None:
    screen = SettingsScreen(services, qsettings)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    panel = screen.findChild(ProjectsPanel)
    assert panel is not None

    def make_one(dialog: QDialog) -> None:
        assert isinstance(dialog, ProjectsDialog)
        type_into(qtbot, dialog.name, "HUG group")
        # Enter in the name does not close the window: Add has its own key.
        qtbot.keyClick(focus(qtbot, dialog.name), Qt.Key.Key_Return)
        assert dialog.isVisible()
        press(qtbot, dialog.buttons["add"])
        assert "Added “HUG group”" in dialog.list_problem.text()
        type_into(qtbot, dialog.name, "none")
        press(qtbot, dialog.buttons["add"])
        assert "records with no project" in dialog.rows.problem_text("name")
        assert {n: c for n, c in _mnemonics(dialog).items() if c > 1} == {}
        qtbot.keyClick(focus(qtbot, dialog.name), Qt.Key.Key_Escape)

    in_modal(qtbot, lambda: press(qtbot, panel.edit_button), make_one)
    assert [p.name for p in services.projects.listing()] == ["HUG group"]
    assert "HUG group" in panel.summary.text()

    person_id = services.people.add(PersonDetails("Isla")).id
    dialog = ReferralDialog(services, person_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.project.isVisible()
    assert [dialog.project.itemText(i) for i in range(dialog.project.count())] == [
        "No project",
        "HUG group",
    ]
    choose(qtbot, dialog.project, "HUG")
    assert {n: c for n, c in _mnemonics(dialog).items() if c > 1} == {}
    save(qtbot, dialog)
    [referral] = services.referrals.for_person(person_id)
    assert referral.project_id == services.projects.listing()[0].id


def test_no_project_row_without_projects_and_an_ended_one_is_not_offered(
    qtbot: QtBot, services: Services
) -> None:
    person_id = services.people.add(PersonDetails("Isla")).id
    dialog = ReferralDialog(services, person_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.project.isVisible()
    ended = services.projects.add("Old fund")
    services.groups.create(GroupDetails("Tuesdays", project_id=ended.id))
    services.projects.end(ended.id)
    services.projects.add("New fund")
    again = ReferralDialog(services, person_id)
    qtbot.addWidget(again)
    assert [again.project.itemText(i) for i in range(again.project.count())] == [
        "No project",
        "New fund",
    ]


def test_a_project_on_records_is_not_removed_and_the_window_says_why(
    qtbot: QtBot, services: Services
) -> None:
    project = services.projects.add("HUG group")
    services.projects.add("Another fund")  # listed first
    services.groups.create(GroupDetails("Tuesdays", project_id=project.id))
    dialog = ProjectsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    focus(qtbot, dialog.table)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    chosen = dialog.selected()
    assert chosen is not None and chosen.name == "HUG group"
    press(qtbot, dialog.buttons["remove"])
    assert "is on 1 group" in dialog.list_problem.text()
    assert services.projects.find("HUG group") is not None
    press(qtbot, dialog.buttons["end"])
    assert services.projects.find("HUG group").ended_on is not None  # type: ignore[union-attr]
