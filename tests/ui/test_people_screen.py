"""People: add a person through the dialog, find them by typing, filter, open their page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from peerdesk.services import Services
from peerdesk.services.people.service import PersonDetails, PersonRow
from peerdesk.ui.people.person_dialog import PersonDialog
from peerdesk.ui.people.table_model import (
    NAME,
    PERSON_ID_ROLE,
    PeopleFilterProxy,
    PeopleTableModel,
)
from peerdesk.ui.screens.people import PeopleScreen
from peerdesk.vocabulary import Role
from tests.ui.questions import DISCARD, answering


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _screen(qtbot, services: Services, qsettings: QSettings) -> PeopleScreen:  # type: ignore[no-untyped-def]
    screen = PeopleScreen(services, qsettings)
    qtbot.addWidget(screen)
    screen.refresh()
    return screen


def _shown_names(screen: PeopleScreen) -> list[str]:
    proxy = screen.proxy
    return [proxy.index(row, NAME).data() for row in range(proxy.rowCount())]


def _save(dialog: PersonDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_add_a_person_then_find_them_by_typing_part_of_their_name(
    qtbot, services, qsettings
) -> None:  # type: ignore[no-untyped-def]
    services.people.add(PersonDetails(first_name="Zoe", last_name="Brown"))
    dialog = PersonDialog(services)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.first_name, "Isobel")
    qtbot.keyClicks(dialog.last_name, "MacLeod")
    qtbot.keyClicks(dialog.phone, "07700 900123")
    dialog.role_boxes[Role.MENTEE].setChecked(True)
    qtbot.keyClicks(
        dialog.condition_edits[next(iter(dialog.condition_edits))], "ME/CFS, Long Covid"
    )
    _save(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved_person is not None
    person_id = dialog.saved_person.id
    assert [r.role for r in services.people.roles(person_id)] == ["mentee"]
    assert {c.name for c in services.people.conditions(person_id)} == {"ME/CFS", "Long Covid"}

    screen = _screen(qtbot, services, qsettings)
    assert len(_shown_names(screen)) == 2
    qtbot.keyClicks(screen.search, "sobel mac")
    assert _shown_names(screen) == ["Isobel MacLeod"]
    screen.search.clear()
    qtbot.keyClicks(screen.search, "900 123")  # phone numbers match without their spaces
    assert _shown_names(screen) == ["Isobel MacLeod"]
    screen.search.clear()
    qtbot.keyClicks(screen.search, "nobody like this")
    assert _shown_names(screen) == []
    assert screen.table.isHidden() and not screen.empty.isHidden()
    assert "Nobody matches" in screen.empty.text()


def test_a_problem_is_shown_next_to_its_field_and_nothing_is_saved(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    dialog = PersonDialog(services)
    qtbot.addWidget(dialog)
    _save(dialog)
    assert "first name" in dialog.problem_text("first_name")
    qtbot.keyClicks(dialog.first_name, "Ann")
    qtbot.keyClicks(dialog.email, "not an email")
    _save(dialog)
    assert "email address does not look right" in dialog.problem_text("email")
    assert dialog.problem_text("first_name") == ""
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert services.people.list_rows() == []


def test_escape_cancels_without_saving(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    dialog = PersonDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.first_name, "Half typed")
    # Something typed: Escape asks "Discard changes?" first (tests/ui/test_discard_changes.py).
    asked = answering(qtbot, lambda: qtbot.keyClick(dialog.first_name, Qt.Key.Key_Escape), DISCARD)
    assert len(asked.texts) == 1
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert services.people.list_rows() == []


def test_editing_saves_details_and_conditions_together(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    person = services.people.add(PersonDetails(first_name="Ann", postcode="KW1 4AB"))
    dialog = PersonDialog(services, person.id)
    qtbot.addWidget(dialog)
    assert dialog.postcode.text() == "KW1 4AB"
    dialog.last_name.setText("Lee")
    dialog.condition_edits[next(iter(dialog.condition_edits))].setText("COPD")
    _save(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert services.people.get(person.id).last_name == "Lee"
    assert [c.name for c in services.people.conditions(person.id)] == ["COPD"]


def test_filter_by_role_status_and_area(qtbot, demo_services, qsettings) -> None:  # type: ignore[no-untyped-def]
    screen = _screen(qtbot, demo_services, qsettings)
    everyone = screen.proxy.rowCount()
    screen.role_filter.setCurrentIndex(screen.role_filter.findData(Role.MENTOR.value))
    mentors = screen.proxy.rowCount()
    assert 0 < mentors < everyone
    for row in range(mentors):
        index = screen.proxy.index(row, NAME)
        person_id = index.data(PERSON_ID_ROLE)
        assert "mentor" in [r.role for r in demo_services.people.roles(person_id)]
    assert screen.count_label.text() == f"Showing {mentors} of {screen.model.rowCount()}"
    area = screen.area_filter.itemData(1)
    screen.area_filter.setCurrentIndex(1)
    assert screen.proxy.rowCount() <= mentors
    for row in range(screen.proxy.rowCount()):
        assert screen.proxy.index(row, 3).data() == area
    screen.clear_button.click()
    assert screen.proxy.rowCount() == everyone


def test_open_a_person_page_and_follow_a_pairing(qtbot, demo_services, qsettings) -> None:  # type: ignore[no-untyped-def]
    screen = _screen(qtbot, demo_services, qsettings)
    screen.status_filter.setCurrentIndex(screen.status_filter.findData("Paired"))
    index = screen.proxy.index(0, NAME)
    name = index.data()
    screen.table.activated.emit(index)
    page = screen.person_page
    assert screen.stack.currentWidget() is page
    assert name in page.heading.text()
    assert page.details.fact("Name they use") == name
    table = page.pairings.pairings
    assert table.table_model.rowCount() >= 1
    with qtbot.waitSignal(screen.record_requested) as signal:
        table.activated.emit(table.table_model.index(0, 0))
    kind, pairing_id = signal.args
    assert kind == "pairing"
    assert demo_services.pairings.get(pairing_id) is not None
    page.back_button.click()
    assert screen.stack.currentWidget() is screen.list_page


def test_a_mentor_page_shows_what_is_missing_before_pairing(qtbot, services, qsettings) -> None:  # type: ignore[no-untyped-def]
    person = services.people.add(PersonDetails(first_name="Bea"), roles=[Role.MENTOR])
    screen = _screen(qtbot, services, qsettings)
    assert screen.show_record("person", person.id)
    page = screen.person_page
    assert not page.journey.isHidden()
    missing = page.journey.fact("Before they can be paired")
    assert "no disclosure check" in missing and "training: 8 core modules not done" in missing


def test_archive_rather_than_delete(qtbot, services, qsettings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    person = services.people.add(PersonDetails(first_name="Cal"))
    screen = _screen(qtbot, services, qsettings)
    screen.show_record("person", person.id)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    screen.person_page.archive_button.click()
    assert services.people.get(person.id).archived_on is not None
    assert not screen.person_page.archived_note.isHidden()
    assert _shown_names(screen) == []  # archived people leave the everyday list
    screen.archived_box.setChecked(True)
    assert _shown_names(screen) == ["Cal"]


def test_typing_filters_in_memory_without_asking_the_database(
    qtbot, services, qsettings, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    screen = _screen(qtbot, services, qsettings)
    rows = [
        PersonRow(
            i,
            f"Person {i:05d}",
            ("mentee",),
            "Current",
            "Highland",
            "KW1 4AB",
            f"07700 {i:06d}",
            "",
        )
        for i in range(10_000)
    ]
    screen.model.set_rows(rows)
    calls = []
    monkeypatch.setattr(services.people, "list_rows", lambda **k: calls.append(1) or rows)
    qtbot.keyClicks(screen.search, "person 0999")
    assert calls == []
    assert screen.proxy.rowCount() == 11  # Person 00999, and 09990 to 09999


def test_people_models_pass_the_model_tester(qtmodeltester, demo_services) -> None:  # type: ignore[no-untyped-def]
    model = PeopleTableModel()
    model.set_rows(demo_services.people.list_rows())
    qtmodeltester.check(model)
    proxy = PeopleFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filters(role=Role.MENTEE.value)
    proxy.set_search("a")
    qtmodeltester.check(proxy)
