"""A person's consents tab: the history of what they agreed to, and their data rights.

The person page embeds this panel (`ConsentsPanel(services, parent)`, `show_person(id)`).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError
from peerdesk.services import Services
from peerdesk.services.data_protection.views import ConsentView
from peerdesk.ui.consents.consent_dialogs import RecordConsentDialog, WithdrawDialog
from peerdesk.ui.consents.rights_dialogs import EraseDialog, KeepDialog, SubjectAccessDialog
from peerdesk.ui.messages import show_problem
from peerdesk.ui.people.row_keys import DELETE, ENTER, press_by_key
from peerdesk.ui.widgets.corrections import ReasonDialog
from peerdesk.ui.widgets.empty_state import EmptyState
from peerdesk.ui.widgets.flow_layout import FlowLayout
from peerdesk.ui.widgets.record_table import RecordTable
from peerdesk.ui.widgets.words import day, table_day
from peerdesk.vocabulary import ConsentKind, ConsentMethod

HEADINGS = ("Consent", "Answer", "Given", "How", "Wording", "Review by", "Recorded by")


def answer_text(consent: ConsentView) -> str:
    if consent.in_error:
        # Said in words as well as struck through: a screen reader does not read the line.
        return f"Entered in error: {consent.entered_in_error_reason}"
    if consent.withdrawn_on is not None:
        how = (
            ConsentMethod(consent.withdrawal_method).label.lower()
            if consent.withdrawal_method
            else ""
        )
        return f"Withdrawn {day(consent.withdrawn_on)}" + (f" ({how})" if how else "")
    return "Agreed" if consent.agreed else "Declined"


class ConsentsPanel(QWidget):
    #: A consent was recorded or withdrawn (the person's id).
    consents_changed = Signal(int)
    #: The person was erased or anonymised: the page should show the anonymised record.
    person_erased = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.person_id: int | None = None
        self._consents: list[ConsentView] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setObjectName("notice")
        layout.addWidget(self.notice)
        # Button rows wrap at large text sizes rather than widening the person's page.
        retention_row = FlowLayout()
        self.anonymise_button = QPushButton("&Anonymise…")
        self.keep_button = QPushButton("&Keep, with a reason…")
        self.answered_button = QPushButton("Mark re&quest answered")
        for button in (self.anonymise_button, self.keep_button, self.answered_button):
            retention_row.addWidget(button)
        layout.addLayout(retention_row)
        self.empty = EmptyState(
            "No consents recorded yet. Record what they agreed to when they join: "
            "confidentiality, and holding information about their health."
        )
        self.table = RecordTable(HEADINGS, "Consents")
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.record_activated.connect(self._on_record_activated)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        buttons = FlowLayout()
        self.record_button = QPushButton("Rec&ord consent…")
        self.withdraw_button = QPushButton("&Withdraw…")
        # Edit consent details… and Mark as entered in error… act on the consent chosen: Enter
        # and Delete on the list press them (their letters are all taken on the person page).
        self.edit_button = QPushButton("Edit consent details…")
        self.in_error_button = QPushButton("Mark as entered in error…")
        self.export_button = QPushButton("Everything we hold (su&bject access)…")
        self.erase_button = QPushButton("Er&ase this person…")
        self.record_button.setToolTip("Record a consent given or declined, with its wording")
        self.withdraw_button.setToolTip("Withdraw the selected consent, from today")
        self.edit_button.setToolTip("Put right the purpose, form reference or review date")
        self.in_error_button.setToolTip(
            "Recorded on the wrong person or wrongly: it stays listed, struck through, "
            "and no longer counts"
        )
        self.export_button.setToolTip("A subject access export: PDF and JSON of every record")
        self.erase_button.setToolTip("Remove their personal data everywhere (after a backup)")
        for button in (
            self.record_button,
            self.withdraw_button,
            self.edit_button,
            self.in_error_button,
            self.export_button,
            self.erase_button,
        ):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        press_by_key(self.edit_button, self.table, ENTER, "Enter")
        press_by_key(self.in_error_button, self.table, DELETE, "Delete")
        self.record_button.clicked.connect(self._on_record_clicked)
        self.withdraw_button.clicked.connect(self._on_withdraw_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.in_error_button.clicked.connect(self._on_in_error_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.erase_button.clicked.connect(self._on_erase_clicked)
        self.anonymise_button.clicked.connect(self._on_erase_clicked)
        self.keep_button.clicked.connect(self._on_keep_clicked)
        self.answered_button.clicked.connect(self._on_answered_clicked)
        self._set_enabled(False)

    # -- showing -------------------------------------------------------------------------
    def show_person(self, person_id: int) -> None:
        self.person_id = person_id
        self._consents = self.services.consents.for_person(person_id)
        rows = []
        for consent in self._consents:
            kind = ConsentKind(consent.kind).label
            if consent.kind == ConsentKind.SHARING.value and consent.third_party:
                kind = f"{kind}: {consent.third_party}"
            how = ConsentMethod(consent.method).label
            if consent.evidence_reference:
                how = f"{how} ({consent.evidence_reference})"
            rows.append(
                (
                    consent.id,
                    (
                        kind,
                        answer_text(consent),
                        table_day(consent.given_on),
                        how,
                        f"Version {consent.wording_version}",
                        table_day(consent.review_on, "No date"),
                        consent.recorded_by,
                    ),
                )
            )
        self.table.set_rows(rows, struck=(c.id for c in self._consents if c.in_error))
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        self._set_enabled(True)
        self._show_notice(person_id)
        self._on_selection_changed()

    def _show_notice(self, person_id: int) -> None:
        lines: list[str] = []
        due = self.services.retention.due_for_person(person_id)
        if due:
            lines.append(
                f"These records are past the retention date: last contact "
                f"{day(due.last_contact)}, kept {due.keep_years} years. Anonymise them, "
                "or keep them with a reason."
            )
        waiting = [
            r for r in self.services.subject_access.requests_for(person_id) if not r.answered_on
        ]
        for request in waiting:
            lines.append(
                f"They asked to see their records on {day(request.received_on)}: answer by "
                f"{day(request.due_on)}."
            )
        self.notice.setText("\n".join(lines))
        self.notice.setVisible(bool(lines))
        self.anonymise_button.setVisible(bool(due))
        # Anonymise… is Erase this person… for records past their date (Alt+A both): one.
        self.erase_button.setVisible(not due)
        self.keep_button.setVisible(bool(due))
        self.answered_button.setVisible(bool(waiting))

    def selected_consent(self) -> ConsentView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self._consents[rows[0].row()]

    def _set_enabled(self, enabled: bool) -> None:
        for button in (self.record_button, self.export_button, self.erase_button):
            button.setEnabled(enabled)
        for button in (self.withdraw_button, self.edit_button, self.in_error_button):
            button.setEnabled(False)

    # -- actions -------------------------------------------------------------------------
    def _on_selection_changed(self, *_args: object) -> None:
        consent = self.selected_consent()
        self.withdraw_button.setEnabled(consent is not None and consent.can_withdraw)
        open_to_correct = consent is not None and not consent.in_error
        self.edit_button.setEnabled(open_to_correct)
        self.in_error_button.setEnabled(open_to_correct)

    def _on_record_activated(self, _consent_id: int) -> None:
        """Enter on a consent opens it, as on every record page: its details to edit."""
        if self.edit_button.isEnabled():
            self._on_edit_clicked()

    def _on_edit_clicked(self) -> None:
        consent = self.selected_consent()
        if consent is None or self.person_id is None:
            return
        dialog = RecordConsentDialog(self.services, self.person_id, self)
        dialog.edit(consent.id, consent, title="Edit consent details")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._changed()

    def _on_in_error_clicked(self) -> None:
        consent = self.selected_consent()
        if consent is None:
            return
        label = ConsentKind(consent.kind).label
        dialog = ReasonDialog(
            self.services,
            lambda why: self.services.consents.mark_entered_in_error(consent.id, why),
            self,
            title="Mark consent as entered in error",
            intro=f"{label}, given on {day(consent.given_on)}. It stays listed, struck "
            "through, with your reason, and no longer counts as their answer. Record their "
            "real answer again if you have it.",
            accept_text="&Mark as entered in error",
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._changed()

    def _on_record_clicked(self) -> None:
        if self.person_id is None:
            return
        if (
            RecordConsentDialog(self.services, self.person_id, self).exec()
            == QDialog.DialogCode.Accepted
        ):
            self._changed()

    def _on_withdraw_clicked(self) -> None:
        consent = self.selected_consent()
        if consent is None:
            return
        if WithdrawDialog(self.services, consent, self).exec() == QDialog.DialogCode.Accepted:
            self._changed()

    def _on_export_clicked(self) -> None:
        if self.person_id is not None:
            SubjectAccessDialog(self.services, self.person_id, self).exec()
            self.show_person(self.person_id)

    def _on_erase_clicked(self) -> None:
        if self.person_id is None:
            return
        if EraseDialog(self.services, self.person_id, self).exec() == QDialog.DialogCode.Accepted:
            self.show_person(self.person_id)
            self.person_erased.emit(self.person_id)

    def _on_keep_clicked(self) -> None:
        if self.person_id is None:
            return
        if KeepDialog(self.services, self.person_id, self).exec() == QDialog.DialogCode.Accepted:
            self._changed()

    def _on_answered_clicked(self) -> None:
        if self.person_id is None:
            return
        try:
            self.services.subject_access.mark_all_answered(self.person_id)
        except PeerdeskError as error:
            show_problem(self, "Nothing was marked answered", error)
            return
        self._changed()

    def _changed(self) -> None:
        assert self.person_id is not None
        self.show_person(self.person_id)
        self.consents_changed.emit(self.person_id)
