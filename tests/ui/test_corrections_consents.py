"""On the consents tab: a consent recorded in error is marked so with a reason, from the
keyboard, and stays listed struck through with the reason in words; Enter on a consent opens
its details to edit, with what they agreed to, when and how locked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.data_protection.views import ConsentEntry
from peerdesk.ui.people.person_page import PersonPage
from peerdesk.vocabulary import ConsentKind, ConsentMethod
from tests.ui.keys import focus, in_modal, press, save, type_into
from tests.ui.person_tabs import open_tab
from tests.unit.test_pairings_builders import ready_mentor


def open_consents(qtbot: QtBot, services: Services, tmp_path: Path, person: int) -> PersonPage:
    page = PersonPage(services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(page)
    page.show()
    page.show_person(person)
    qtbot.waitExposed(page)
    open_tab(qtbot, page, "consents")
    return page


def test_a_consent_marked_as_entered_in_error_stays_struck_through(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    mentor = ready_mentor(services, "Morag")
    services.consents.record(
        mentor,
        ConsentEntry(
            kind=ConsentKind.HEALTH_DATA.value,
            given_on=date(2026, 2, 2),
            method=ConsentMethod.VERBAL.value,
            recorded_by="Coordinator",
        ),
    )
    page = open_consents(qtbot, services, tmp_path, mentor)
    panel = page.consents
    table = panel.table
    row = next(
        r
        for r in range(table.model().rowCount())
        if table.model().index(r, 0).data() == ConsentKind.CONFIDENTIALITY.label
    )
    table.selectRow(row)
    assert panel.in_error_button.isEnabled()
    seen: dict[str, str] = {}

    def mark(dialog: QDialog) -> None:
        seen["title"] = dialog.windowTitle()
        type_into(qtbot, dialog.reason, "Recorded on the wrong person")  # type: ignore[attr-defined]
        save(qtbot, dialog)

    with qtbot.waitSignal(panel.consents_changed):
        in_modal(qtbot, lambda: press(qtbot, panel.in_error_button), mark)
    assert seen["title"] == "Mark consent as entered in error"
    model = table.model()
    answers = [model.index(r, 1) for r in range(model.rowCount())]
    [marked] = [a for a in answers if a.data().startswith("Entered in error")]
    assert marked.data() == "Entered in error: Recorded on the wrong person"
    assert model.index(marked.row(), 0).data() == ConsentKind.CONFIDENTIALITY.label
    assert marked.data(Qt.ItemDataRole.FontRole).strikeOut()
    others = [a for a in answers if a.row() != marked.row()]
    assert others and not any(a.data(Qt.ItemDataRole.FontRole) for a in others)
    assert not services.consents.has_current(mentor, ConsentKind.CONFIDENTIALITY)
    assert page.history.history.lines()[0] == (
        "Marked a consent (Confidentiality agreement, given on 6 January 2025) as entered in "
        "error\n"
        "Date marked as entered in error set to 15 June 2026\n"
        "Why it was entered in error set to Recorded on the wrong person"
    )
    table.selectRow(marked.row())
    assert not panel.in_error_button.isEnabled() and not panel.edit_button.isEnabled()


def test_enter_on_a_consent_edits_its_record_keeping_only(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    mentor = ready_mentor(services, "Morag")
    page = open_consents(qtbot, services, tmp_path, mentor)
    table = page.consents.table
    table.selectRow(0)
    consent = page.consents.selected_consent()
    assert consent is not None
    locked: dict[str, bool] = {}

    def edit(dialog: QDialog) -> None:
        locked["kind"] = not dialog.kind.isEnabled()  # type: ignore[attr-defined]
        locked["given_on"] = not dialog.given_on.isEnabled()  # type: ignore[attr-defined]
        locked["title"] = dialog.windowTitle() == "Edit consent details"
        type_into(qtbot, dialog.review_on, "2/2/2027")  # type: ignore[attr-defined]
        save(qtbot, dialog)

    def enter() -> None:
        focus(qtbot, table)
        qtbot.keyClick(table, Qt.Key.Key_Return)

    in_modal(qtbot, enter, edit)
    assert locked == {"kind": True, "given_on": True, "title": True}
    [after] = [c for c in services.consents.for_person(mentor) if c.id == consent.id]
    assert after.review_on == date(2027, 2, 2)
    assert (after.kind, after.given_on, after.agreed) == (
        consent.kind,
        consent.given_on,
        consent.agreed,
    )
