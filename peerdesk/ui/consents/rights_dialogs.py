"""A person's rights: everything we hold (subject access), erasure, and keeping past the date."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError, ValidationError
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.data_protection.views import ErasureReport, SubjectAccessExport
from peerdesk.ui.concerns.erasure_note import kept_concerns_note
from peerdesk.ui.messages import show_problem
from peerdesk.ui.operation import run_operation
from peerdesk.ui.security.private_files import confirm_personal_export
from peerdesk.ui.widgets.date_box import DateBox
from peerdesk.ui.widgets.form_rows import FormRows
from peerdesk.ui.widgets.record_dialog import RecordDialog
from peerdesk.ui.widgets.words import day


class SubjectAccessDialog(QDialog):
    """Record a request to see their records, make the export, and mark it answered."""

    def __init__(self, services: Services, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.person_id = person_id
        self.result_export: SubjectAccessExport | None = None
        name = services.people.get(person_id).display_name
        self.setWindowTitle(f"Everything we hold about {name}")
        self.setAccessibleName("Everything we hold")
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"Make a folder with a readable PDF and a JSON file of every record about {name}, "
            "with the information the law says they must be given. If they asked to see their "
            "records, record the request: the answer is due within one calendar month, and "
            "Today reminds you until it is marked answered."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.requests = QLabel()
        self.requests.setWordWrap(True)
        self.requests.setAccessibleName("Requests")
        layout.addWidget(self.requests)
        form = QFormLayout()
        self.rows = FormRows(form)
        self.received_on = self.rows.add(
            "Request &received on",
            DateBox(services.today(), today=services.today),
            field="received_on",
        )
        layout.addLayout(form)
        row = QHBoxLayout()
        self.record_button = QPushButton("Record the &request")
        self.export_button = QPushButton("&Make the folder…")
        self.answered_button = QPushButton("Mark &answered today")
        for button in (self.record_button, self.export_button, self.answered_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Export result")
        layout.addWidget(self.status)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.record_button.clicked.connect(self._on_record_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.answered_button.clicked.connect(self._on_answered_clicked)
        self.refresh()

    def refresh(self) -> None:
        requests = self.services.subject_access.requests_for(self.person_id)
        lines = []
        for request in requests:
            state = (
                f"answered {day(request.answered_on)}"
                if request.answered_on
                else f"due by {day(request.due_on)}"
            )
            lines.append(f"Asked on {day(request.received_on)}: {state}.")
        self.requests.setText("\n".join(lines) or "No request to see their records is recorded.")
        self.answered_button.setEnabled(any(r.answered_on is None for r in requests))

    def export(self, folder: Path) -> SubjectAccessExport:
        """Make the export now (the button runs this in the background)."""
        self.result_export = self.services.subject_access.export(self.person_id, folder)
        return self.result_export

    def _on_record_clicked(self) -> None:
        self.rows.clear_problems()
        try:
            self.services.subject_access.record_request(self.person_id, self.received_on.day())
        except ValidationError as error:
            if not self.rows.show_problem(error.field, str(error)):
                show_problem(self, "The request was not recorded", error)
            return
        self.refresh()

    def _on_export_clicked(self) -> None:
        if not confirm_personal_export(self, "everything held about this person"):
            return
        start = str(Paths.for_user(self.services.database_path).export_dir)
        chosen = QFileDialog.getExistingDirectory(self, "Where should the folder go?", start)
        if not chosen:
            return
        self.export_button.setEnabled(False)
        self.status.setText("Making the folder…")
        run_operation(lambda: self.export(Path(chosen)), self._on_export_done, self._on_failed)

    def _on_export_done(self, result: Any) -> None:
        self.export_button.setEnabled(True)
        assert isinstance(result, SubjectAccessExport)
        self.status.setText(
            f"Done: {result.record_count} records, in {result.folder}. Check it for other "
            "people's information before sending, then mark the request answered."
        )
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.folder)))

    def _on_failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        self.status.setText("")
        show_problem(self, "The folder was not made", message)

    def _on_answered_clicked(self) -> None:
        try:
            self.services.subject_access.mark_all_answered(self.person_id)
        except PeerdeskError as error:
            show_problem(self, "Nothing was marked answered", error)
            return
        self.refresh()


class EraseDialog(QDialog):
    """A confirmation that names what will go, then erasure after a backup."""

    def __init__(self, services: Services, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.person_id = person_id
        self.report: ErasureReport | None = None
        self.name = services.people.get(person_id).display_name
        self.setWindowTitle(f"Erase {self.name}")
        self.setAccessibleName("Erase this person")
        layout = QVBoxLayout(self)
        lines = services.erasure.preview(person_id).lines()
        if services.concerns.kept_on_erasure(person_id):
            # The preview counts every concern's notes; those kept say so below instead.
            lines = [line for line in lines if not line.startswith("Concerns:")]
            lines.append("Concerns: only those past their keeping period (the others: below)")
        self.what_goes = QLabel(
            f"<p>Erasing <b>{_escape(self.name)}</b> removes:</p><ul>"
            + "".join(f"<li>{_escape(line)}</li>" for line in lines)
            + "</ul><p>Their past sessions and group attendances still count in figures, but "
            "no longer name anyone. A backup is made first. This cannot be undone except by "
            "restoring that backup.</p>"
        )
        self.what_goes.setWordWrap(True)
        self.what_goes.setAccessibleName("What will be erased")
        layout.addWidget(self.what_goes)
        layout.addWidget(kept_concerns_note(services, person_id))  # safeguarding records
        form = QFormLayout()
        self.rows = FormRows(form)
        self.confirm = self.rows.add(
            "Type the word &erase to confirm", QLineEdit(), field="confirm"
        )
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = buttons.addButton(
            "Erase this person", QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.erase_button.setEnabled(False)
        self.erase_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.confirm.textChanged.connect(self._on_confirm_changed)

    def _on_confirm_changed(self, text: str) -> None:
        self.erase_button.setEnabled(text.strip().lower() == "erase")

    def accept(self) -> None:
        if self.confirm.text().strip().lower() != "erase":
            self.rows.show_problem("confirm", "Type the word erase to confirm.")
            return
        try:
            backup = self.services.backups.before("erasure")
            self.report = self.services.erasure.erase(self.person_id)
            self.report.backup = backup.path
        except PeerdeskError as error:
            show_problem(self, "Nothing was erased", error)
            return
        super().accept()


class KeepDialog(RecordDialog):
    """Keep records past the retention date, saying why and when to look again."""

    def __init__(self, services: Services, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(
            services,
            parent,
            title="Keep past the retention date",
            intro="Say why these records are still needed (for example an open complaint or "
            "insurance claim). The reason is added to the person's notes.",
            accessible_name="Keep with a reason",
        )
        self.person_id = person_id
        self.reason = self.rows.add("&Reason", QLineEdit(), field="reason")
        self.until = self.rows.add(
            "&Look again on",
            DateBox(optional=True, today=services.today, blank_text="In a year"),
            field="until",
        )

    def write(self) -> None:
        self.services.retention.keep(self.person_id, self.reason.text(), self.until.value())


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
