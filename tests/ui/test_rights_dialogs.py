"""A person's rights with real widgets: everything we hold (record the request, make the
folder, mark it answered) and keeping records past the retention date with a reason."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from peerdesk.services import Services
from peerdesk.services.people.service import PersonDetails
from peerdesk.ui.consents.retention_dialog import RetentionDialog
from peerdesk.ui.consents.rights_dialogs import KeepDialog, SubjectAccessDialog
from peerdesk.vocabulary import Role
from tests.conftest import TODAY


def click(qtbot: QtBot, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def person(services: Services) -> int:
    added = services.people.add(
        PersonDetails(first_name="Morag", last_name="MacLeod"), roles=[Role.MENTEE]
    )
    assert added.id is not None
    return added.id


def test_everything_we_hold_records_exports_and_answers(
    qtbot: QtBot,
    services: Services,
    person: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = SubjectAccessDialog(services, person)
    qtbot.addWidget(dialog)
    assert dialog.requests.text() == "No request to see their records is recorded."
    assert not dialog.answered_button.isEnabled()

    # A request dated in the future is refused at the date, and nothing is recorded.
    dialog.received_on.set_value(date(2026, 7, 1))
    click(qtbot, dialog.record_button)
    assert services.subject_access.requests_for(person) == []
    dialog.received_on.set_value(date(2026, 6, 1))
    click(qtbot, dialog.record_button)
    (request,) = services.subject_access.requests_for(person)
    assert (request.received_on, request.due_on) == (date(2026, 6, 1), date(2026, 7, 1))
    assert dialog.requests.text() == "Asked on 1 June 2026: due by 1 July 2026."
    assert dialog.answered_button.isEnabled()

    # Make the folder: a warning that the files are not encrypted comes first; Cancel stops.
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Ok]
    asked: list[str] = []

    def question(_parent: Any, title: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(title)
        return answers[len(asked) - 1]

    chosen: list[str] = []

    def choose_folder(*_args: Any) -> str:
        chosen.append("asked")
        return str(tmp_path)

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose_folder)
    click(qtbot, dialog.export_button)
    assert asked == ["This export is not encrypted"] and chosen == []
    assert list(tmp_path.glob("everything-we-hold-*")) == []
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Done:"), timeout=30000)
    export = dialog.result_export
    assert export is not None and export.folder.parent == tmp_path
    assert opened == [str(export.folder)]
    assert len(asked) == 2 and chosen == ["asked"]
    assert export.pdf.read_bytes().startswith(b"%PDF")
    held = json.loads(export.json.read_text(encoding="utf-8"))
    assert "Morag" in json.dumps(held["records"])
    assert f"{export.record_count} records" in dialog.status.text()

    click(qtbot, dialog.answered_button)
    (request,) = services.subject_access.requests_for(person)
    assert request.answered_on == TODAY
    assert dialog.requests.text() == "Asked on 1 June 2026: answered 15 June 2026."
    assert not dialog.answered_button.isEnabled()


def past_their_date(services: Services, person: int) -> None:
    """Make the person's last contact years ago (created and role started in 2019)."""
    with services.db.transaction() as s:
        s.connection().execute(
            text("UPDATE person SET created_at = '2019-01-05 10:00:00' WHERE id = :p"),
            {"p": person},
        )
        s.connection().execute(
            text("UPDATE person_role SET started_on = '2019-01-05' WHERE person_id = :p"),
            {"p": person},
        )


def test_keeping_past_the_retention_date_needs_a_reason(
    qtbot: QtBot, services: Services, person: int
) -> None:
    past_their_date(services, person)
    assert [due.person_id for due in services.retention.due_for_review()] == [person]
    retention = RetentionDialog(services)
    qtbot.addWidget(retention)
    retention.table.selectRow(0)
    assert retention.selected_person() == person

    dialog = KeepDialog(services, person, retention)
    qtbot.addWidget(dialog)
    save = dialog.findChild(QDialogButtonBox)
    assert save is not None
    click(qtbot, save.button(QDialogButtonBox.StandardButton.Save))
    assert dialog.result() != QDialog.DialogCode.Accepted  # no reason: refused
    assert services.people.get(person).notes == ""
    assert [due.person_id for due in services.retention.due_for_review()] == [person]

    qtbot.keyClicks(dialog.reason, "Open complaint")
    qtbot.keyClicks(dialog.until.editor, "15/12/2026")
    click(qtbot, save.button(QDialogButtonBox.StandardButton.Save))
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert services.people.get(person).notes == (
        "Kept past the retention date on 2026-06-15; look again on 2026-12-15. "
        "Reason: Open complaint"
    )
    assert services.retention.due_for_review() == []
    retention.refresh()
    assert retention.empty.isVisibleTo(retention) and not retention.keep_button.isEnabled()
