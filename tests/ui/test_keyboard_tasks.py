"""The daily tasks by keyboard alone (issue 23, "Done when"): each starts in the main window as
it opens, every key is sent where a real key press goes (the focused widget, or the menu
open on screen), nothing is clicked, focused or called directly, and the keys are counted:
log a session on an active pairing from Today in at most 12 (plus the note typed); take a
group's register in at most 10 (plus the names); record a consent in at most 10 (plus two
typed fields); print the session log sheet from a pairing's page in at most 4; export this
year's publishable figures in at most 7. Each result is checked where it lands: the session,
the register and the consent in the database, the sheet and the figures as files in the
test's own folder (the file dialog is answered, not shown)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QTableView, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.groups.rows import GroupDetails
from peerdesk.services.people.views import PersonDetails
from peerdesk.ui.consents.consent_dialogs import RecordConsentDialog
from peerdesk.ui.groups.group_page import GroupPage
from peerdesk.ui.groups.meeting_dialog import MeetingDialog
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.pairings.pairing_page import PairingPage
from peerdesk.ui.pairings.session_dialog import SessionDialog
from peerdesk.ui.people.person_page import PersonPage
from peerdesk.ui.printing.dialog import FormPreviewDialog
from peerdesk.ui.screens.figures import FiguresScreen
from peerdesk.ui.screens.today import TodayScreen
from tests.conftest import TODAY
from tests.ui.keys import Keyboard
from tests.unit.test_pairings_builders import active_pairing

Key = Qt.Key


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def open_window(qtbot: QtBot, services: Services, settings: QSettings) -> MainWindow:
    window = MainWindow(services, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    return window


@pytest.fixture
def saved_as(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[list[Path]]:
    """The save dialog answered with a file in the test's folder (the name it suggested)."""
    answers: list[Path] = []

    def answer(_parent: QWidget, _title: str, suggested: str, _filter: str = "", *_a: object):  # type: ignore[no-untyped-def]
        path = tmp_path / "saved" / Path(suggested).name
        path.parent.mkdir(exist_ok=True)
        answers.append(path)
        return str(path), _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    yield answers


def test_log_a_session_from_today(qtbot: QtBot, services: Services, settings: QSettings) -> None:
    pairing_id = active_pairing(services)  # no session since it started in January
    window = open_window(qtbot, services, settings)
    today = window.current_screen()
    assert isinstance(today, TodayScreen)
    qtbot.waitUntil(lambda: not today.is_looking and today.table.isVisible(), timeout=10_000)
    keys = Keyboard(qtbot)
    keys.until_focus(lambda w: isinstance(w, QTableView), most=6)
    keys.press(Key.Key_Down)  # past the heading "Reviews due" to its line: this pairing
    keys.press(Key.Key_Return)
    assert isinstance(window.current_page(), PairingPage)
    keys.ctrl(Key.Key_N)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, SessionDialog), dialog
    keys.wait_focus_in(dialog)
    keys.alt("o")  # Note
    keys.type("Talked about pacing; walked to the library.")
    keys.ctrl(Key.Key_Return)
    assert not dialog.isVisible(), (
        QApplication.focusWidget(),
        dialog.problem_text(),
        dialog.note.toPlainText(),
    )
    assert keys.presses <= 12, keys.presses
    sessions = services.sessions.for_pairing(pairing_id)
    assert [(s.session_date, s.note) for s in sessions] == [
        (TODAY, "Talked about pacing; walked to the library.")
    ]


def test_take_a_group_register(qtbot: QtBot, services: Services, settings: QSettings) -> None:
    group = services.groups.create(GroupDetails(name="Carers' Circle", usual_duration_minutes=90))
    people = [
        services.people.add(PersonDetails(first_name=first, last_name=last)).id
        for first, last in (("Ailsa", "Brown"), ("Morven", "Grant"))
    ]
    window = open_window(qtbot, services, settings)
    keys = Keyboard(qtbot)
    keys.ctrl(Key.Key_5)  # View ▸ Groups
    keys.until_focus(lambda w: isinstance(w, QTableView), most=4)
    keys.press(Key.Key_Return)
    page = window.current_page()
    assert isinstance(page, GroupPage) and page.group_id == group.id
    keys.ctrl(Key.Key_N)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, MeetingDialog), dialog
    keys.wait_focus_in(dialog)
    for name in ("Ailsa Brown", "Morven Grant"):
        keys.type(name)
        keys.press(Key.Key_Return)
    keys.ctrl(Key.Key_Return)
    assert not dialog.isVisible(), dialog.problem_text()
    assert keys.presses <= 10, keys.presses
    (meeting,) = services.groups.meeting_rows(group.id or 0)
    record = services.groups.meeting_record(meeting.id)
    assert (record.meeting_date, sorted(record.attendee_ids)) == (TODAY, sorted(people))
    assert record.new_people == []  # the names found the people on record


def test_print_the_session_log_sheet_from_a_pairing_page(
    qtbot: QtBot, services: Services, settings: QSettings, saved_as: list[Path]
) -> None:
    pairing_id = active_pairing(services)
    window = open_window(qtbot, services, settings)
    window.open_record("pairing", pairing_id)  # the page on screen: where the task starts
    keys = Keyboard(qtbot)
    keys.wait_focus_in(window)
    keys.ctrl(Key.Key_P)  # the forms for this pairing, in a menu
    keys.press(Key.Key_S)  # its access key: Session log sheet
    (preview,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, FormPreviewDialog)]
    assert preview.form_name == "session-log"
    qtbot.waitUntil(lambda: preview.preview.page_count >= 1, timeout=30_000)
    keys.wait_focus_in(preview)
    keys.ctrl(Key.Key_S, shift=True)  # Save as… (the button's own shortcut)
    # A button pressed by its shortcut shows itself pressed for a moment, then acts.
    qtbot.waitUntil(lambda: bool(saved_as), timeout=3000)
    assert keys.presses <= 4, keys.presses
    (path,) = saved_as
    assert path.name.startswith("session-log") and path.read_bytes().startswith(b"%PDF")
    keys.press(Key.Key_Escape)


def test_export_this_years_publishable_figures(
    qtbot: QtBot, demo_services: Services, settings: QSettings, saved_as: list[Path]
) -> None:
    """ "This year" is the reporting year the screen opens on: the latest complete one."""
    window = open_window(qtbot, demo_services, settings)
    keys = Keyboard(qtbot)
    keys.ctrl(Key.Key_7)  # View ▸ Figures
    screen = window.current_screen()
    assert isinstance(screen, FiguresScreen)
    # The screen works out the internal figures as it opens: they are shown before choosing.
    qtbot.waitUntil(lambda: screen.report is not None and not screen.busy, timeout=30_000)
    keys.alt("g")  # Figures: internal or publishable
    keys.press(Key.Key_Down)  # Publishable: small numbers hidden
    keys.alt("w")  # Work out figures
    qtbot.waitUntil(lambda: screen.report is not None and not screen.busy, timeout=30_000)
    keys.ctrl(Key.Key_S)  # Export…, to the format shown (the file dialog is answered)
    qtbot.waitUntil(lambda: screen.last_export is not None, timeout=30_000)
    assert keys.presses <= 7, keys.presses
    report = screen.report
    assert report is not None and report.mode.value == "publishable"
    latest = demo_services.figures.latest_complete_year()
    assert report.figures.period == demo_services.figures.year(latest)
    (path,) = saved_as
    assert screen.last_export == path and path.stat().st_size > 0
    assert "publishable" in path.name


def test_record_a_consent(qtbot: QtBot, services: Services, settings: QSettings) -> None:
    person = services.people.add(PersonDetails(first_name="Morven", last_name="Gunn"))
    window = open_window(qtbot, services, settings)
    keys = Keyboard(qtbot)
    keys.ctrl(Key.Key_F)  # Edit ▸ Find: People's search
    keys.type("Morven")
    keys.press(Key.Key_Return)  # the only match: her page
    page = window.current_page()
    assert isinstance(page, PersonPage) and page.person_id == person.id
    keys.alt("c")  # Consents, in the tabs down the left
    keys.press(Key.Key_Space)  # Alt+C puts the keyboard on the tab's button: Space opens it
    failures: list[BaseException] = []
    finished: list[bool] = []

    def fill() -> None:
        """In the window Record consent… opens (it waits there until closed)."""
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RecordConsentDialog):
            QTimer.singleShot(10, fill)
            return
        try:
            keys.wait_focus_in(dialog)
            keys.alt("f")  # Paper form reference
            keys.type("CF-0142")
            keys.alt("b")  # Recorded by
            keys.type("Jo Coordinator")
            keys.press(Key.Key_Return)  # Save
            assert not dialog.isVisible(), dialog.problem_text()
        except BaseException as failure:
            failures.append(failure)
            dialog.reject()
        finally:
            finished.append(True)

    QTimer.singleShot(0, fill)
    keys.alt("o")  # Record consent…
    qtbot.waitUntil(lambda: bool(finished), timeout=10_000)
    if failures:
        raise failures[0]
    assert keys.presses <= 10, keys.presses
    (consent,) = services.consents.for_person(person.id or 0)
    assert (consent.evidence_reference, consent.recorded_by) == ("CF-0142", "Jo Coordinator")
