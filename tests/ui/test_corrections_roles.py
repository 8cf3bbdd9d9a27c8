"""A person's roles with their dates, on their page: Enter on a role opens its dates to put
right (an end before the start is refused, nothing changed); Remove… takes away a role
given in error, with the reason. The service refuses a second current role of one kind."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.people.service import PersonDetails
from peerdesk.ui.people.person_page import PersonPage
from peerdesk.vocabulary import Role
from tests.ui.keys import focus, in_modal, press, save, type_into
from tests.ui.person_tabs import open_tab


@pytest.fixture
def person(services: Services) -> int:
    added = services.people.add(PersonDetails(first_name="Ailsa"), roles=[Role.MENTEE])
    assert added.id is not None
    return added.id


def open_page(qtbot: QtBot, services: Services, tmp_path: Path, person: int) -> PersonPage:
    page = PersonPage(services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(page)
    page.show()
    page.show_person(person)
    qtbot.waitExposed(page)
    open_tab(qtbot, page, "roles")
    return page


def test_enter_on_a_role_corrects_its_start(
    qtbot: QtBot, services: Services, tmp_path: Path, person: int
) -> None:
    page = open_page(qtbot, services, tmp_path, person)
    table = page.roles.table
    table.selectRow(0)
    seen: dict[str, str] = {}

    def edit(dialog: QDialog) -> None:
        seen["title"] = dialog.windowTitle()
        type_into(qtbot, dialog.ended_on, "1/1/2026")  # type: ignore[attr-defined]
        type_into(qtbot, dialog.started_on, "2/2/2026")  # type: ignore[attr-defined]
        press(qtbot, dialog.save_button)  # type: ignore[attr-defined]
        seen["refused"] = dialog.problem_text("ended_on")  # type: ignore[attr-defined]
        type_into(qtbot, dialog.ended_on, "")  # type: ignore[attr-defined]
        save(qtbot, dialog)

    def enter() -> None:
        focus(qtbot, table)
        qtbot.keyClick(table, Qt.Key.Key_Return)

    in_modal(qtbot, enter, edit)
    assert seen["title"] == "Edit role: Mentee"
    assert "A role cannot end before it started." in seen["refused"]
    [role] = services.people.roles(person)
    assert (role.started_on, role.ended_on) == (date(2026, 2, 2), None)
    assert page.roles.fact("Mentee") == "since 2 February 2026"


def test_remove_a_role_given_in_error(
    qtbot: QtBot, services: Services, tmp_path: Path, person: int
) -> None:
    page = open_page(qtbot, services, tmp_path, person)
    page.roles.table.selectRow(0)

    def why(dialog: QDialog) -> None:
        type_into(qtbot, dialog.reason, "Should have been a carer")  # type: ignore[attr-defined]
        save(qtbot, dialog)

    in_modal(qtbot, lambda: press(qtbot, page.roles.corrections.remove_button), why)
    assert services.people.roles(person, current_only=False) == []
    assert page.roles.fact("Roles") == "No current role"
    assert page.history.history.table.table_model.index(0, 3).data() == ("Should have been a carer")


def test_a_second_current_role_of_one_kind_is_refused(services: Services, person: int) -> None:
    [first] = services.people.roles(person)
    services.people.update_role(first.id, started_on=date(2026, 1, 1), ended_on=date(2026, 3, 1))
    second = services.people.add_role(person, Role.MENTEE, started_on=date(2026, 4, 1))
    with pytest.raises(ValidationError, match="already a mentee now"):
        services.people.update_role(first.id, started_on=date(2026, 1, 1), ended_on=None)
    assert services.people.roles(person) == [second]
