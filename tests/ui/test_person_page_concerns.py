"""A person's page lists the concerns about them, open first; Enter on one opens it on the
Concerns screen, by keyboard."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.concerns.views import ConcernInput
from peerdesk.services.people.views import PersonDetails
from peerdesk.ui.main_window import MainWindow
from peerdesk.vocabulary import Role
from tests.ui.keys import focus, press
from tests.ui.person_tabs import open_tab_of
from tests.unit.forms.pdftext import pages_text as pdf_text


def test_a_persons_concerns_are_on_their_page_and_open_on_the_concerns_screen(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    person = services.people.add(
        PersonDetails(first_name="Ann", last_name="Lee"), roles=[Role.MENTEE]
    )
    older = services.concerns.raise_concern(
        ConcernInput(raised_on=date(2026, 3, 3), what="Missed meals", about_person_id=person.id)
    )
    services.concerns.close(older.id, on=date(2026, 3, 10), outcome="Sorted with family")
    urgent = services.concerns.raise_concern(
        ConcernInput(
            raised_on=date(2026, 6, 1),
            what="Said they felt unsafe",
            about_person_id=person.id,
            category="Self-harm",
            level="urgent",
        )
    )
    window = MainWindow(services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_record("person", person.id)
    section = window.screens["people"].person_page.concerns
    model = section.table.table_model
    rows = [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    assert [row[1:3] + row[4:] for row in rows] == [
        ["Urgent", "Self-harm", "Open"],
        ["Concern", "", "Closed 10 Mar 2026"],
    ]
    open_tab_of(qtbot, window.screens["people"].person_page, section)
    focus(qtbot, section.table)
    section.table.selectRow(0)
    qtbot.keyClick(section.table, Qt.Key.Key_Return)
    assert window.current_screen() is window.screens["concerns"]
    chosen = window.screens["concerns"].chosen()
    assert chosen is not None and chosen.id == urgent.id


def test_the_concern_record_is_printed_from_the_concerns_screen(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    person = services.people.add(
        PersonDetails(first_name="Ann", last_name="Lee"), roles=[Role.MENTEE]
    )
    concern = services.concerns.raise_concern(
        ConcernInput(raised_on=date(2026, 6, 1), what="Fell at home", about_person_id=person.id)
    )
    window = MainWindow(services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_record("concern", concern.id)
    screen = window.screens["concerns"]
    press(qtbot, screen.print_button)
    preview = screen.preview
    assert preview is not None
    # The concern-record form, filled in for it, is rendered in the background and shown.
    qtbot.waitUntil(lambda: preview.preview.page_count >= 1, timeout=20000)
    path = preview.preview.pdf_path
    assert path is not None
    text = " ".join(pdf_text(path.read_bytes()))
    assert "Fell at home" in text and "Ann Lee" in text
    preview.close()
