"""The Expenses screen: volunteers' claims, filtered by status and volunteer, with the steps
of each (new, edit, approve, mark paid, print the form, remove with a reason), the chosen
claim's history, and the totals by month and by volunteer of the claims shown."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError
from peerdesk.services import Services
from peerdesk.services.expenses.views import ClaimView, miles, pounds
from peerdesk.ui.expenses.claim_dialog import HEADINGS as LINE_HEADINGS
from peerdesk.ui.expenses.claim_dialog import ClaimDialog
from peerdesk.ui.expenses.claim_form_preview import ClaimFormDialog
from peerdesk.ui.expenses.status_dialogs import ApproveDialog, PaidDialog
from peerdesk.ui.messages import show_problem
from peerdesk.ui.screens.base import Screen
from peerdesk.ui.widgets import RecordTable
from peerdesk.ui.widgets.corrections import CorrectionsBar, RemoveDialog, chosen_record, run
from peerdesk.ui.widgets.flow_layout import FlowLayout
from peerdesk.ui.widgets.form_rows import select_data
from peerdesk.ui.widgets.history_table import HistoryTable
from peerdesk.ui.widgets.words import table_day
from peerdesk.vocabulary import ClaimStatus

CLAIM_HEADINGS = ("Claim", "Volunteer", "Submitted", "Status", "Total", "Paid")
MONTH_HEADINGS = ("Month", "Claimed (by date submitted)", "Paid (by date paid)")
VOLUNTEER_HEADINGS = ("Volunteer", "Claims", "Claimed", "Paid", "Still to pay", "Miles")


def _day(claim_day: date | None) -> str:
    """A date as every table shows one: "7 Dec 2026"."""
    return table_day(claim_day) if claim_day else ""


class ExpensesScreen(Screen):
    def __init__(self, services: Services, settings: QSettings) -> None:
        super().__init__(services, settings)
        self.claims_shown: list[ClaimView] = []
        self.dialog: ClaimDialog | None = None
        self.preview: ClaimFormDialog | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Expenses</h2>"))
        self._build_filters(layout)
        self.table = RecordTable(CLAIM_HEADINGS, "Expense claims")
        self.empty = QLabel("No claims to show. Choose New claim to enter one.")
        # The buttons above the list: with a year of claims the list fills a laptop's screen.
        self._build_buttons(layout)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addWidget(QLabel("<h3>Lines of the chosen claim</h3>"))
        self.lines = RecordTable(LINE_HEADINGS, "Lines of the chosen claim")
        layout.addWidget(self.lines)
        layout.addWidget(QLabel("<h3>History of the chosen claim</h3>"))
        self.history = HistoryTable("History of the chosen claim")
        layout.addWidget(self.history)
        layout.addWidget(QLabel("<h3>Totals by month</h3>"))
        self.months = RecordTable(MONTH_HEADINGS, "Totals by month")
        layout.addWidget(self.months)
        layout.addWidget(QLabel("<h3>Totals by volunteer</h3>"))
        self.volunteers = RecordTable(VOLUNTEER_HEADINGS, "Totals by volunteer")
        layout.addWidget(self.volunteers)
        layout.addStretch(1)
        self.table.selectionModel().selectionChanged.connect(self._on_chosen)
        self.table.table_model.modelReset.connect(self._on_chosen)

    def _build_filters(self, layout: QVBoxLayout) -> None:
        row = QFormLayout()
        self.status_filter = QComboBox()
        self.status_filter.addItem("Every status", None)
        for status in ClaimStatus:
            self.status_filter.addItem(status.label, status.value)
        self.volunteer_filter = QComboBox()
        self.volunteer_filter.addItem("Every volunteer", None)
        status_label = QLabel("Show s&tatus")
        status_label.setBuddy(self.status_filter)
        volunteer_label = QLabel("Vol&unteer")
        volunteer_label.setBuddy(self.volunteer_filter)
        self.status_filter.setAccessibleName("Show status")
        self.volunteer_filter.setAccessibleName("Volunteer")
        row.addRow(status_label, self.status_filter)
        row.addRow(volunteer_label, self.volunteer_filter)
        layout.addLayout(row)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.volunteer_filter.currentIndexChanged.connect(self.refresh)

    def _build_buttons(self, layout: QVBoxLayout) -> None:
        # The buttons wrap onto a second line when the text is large (a small laptop).
        holder = QWidget()
        row = FlowLayout(holder)
        self.new_button = QPushButton("&New claim…")
        self.edit_button = QPushButton("E&dit claim…")
        self.approve_button = QPushButton("&Approve…")
        self.paid_button = QPushButton("Mark &paid…")
        self.print_button = QPushButton("Pr&int the claim form…")
        for button in (
            self.new_button,
            self.edit_button,
            self.approve_button,
            self.paid_button,
            self.print_button,
        ):
            row.addWidget(button)
        layout.addWidget(holder)
        self.corrections = CorrectionsBar(
            self.table, self.edit_claim, self.remove_claim, what="expense claim"
        )
        # Edit claim… above does what the bar's Edit… would: one button for it, not two.
        self.corrections.edit_button.hide()
        self.corrections.remove_button.setText("Re&move claim…")
        layout.addWidget(self.corrections)
        self.new_button.clicked.connect(lambda: self.new_claim())
        self.edit_button.clicked.connect(lambda: self._with_chosen(lambda c: self.edit_claim(c.id)))
        self.approve_button.clicked.connect(lambda: self._with_chosen(self.approve_claim))
        self.paid_button.clicked.connect(lambda: self._with_chosen(self.pay_claim))
        self.print_button.clicked.connect(lambda: self._with_chosen(self.print_claim))

    # -- showing ---------------------------------------------------------------------------
    def refresh(self, *_args: object) -> None:
        self._refresh_volunteers()
        chosen = chosen_record(self.table)
        claims = self.services.expenses.claims(
            status=self.status_filter.currentData(), person_id=self.volunteer_filter.currentData()
        )
        self.claims_shown = claims
        self.table.set_rows(
            [
                (
                    c.id,
                    (
                        str(c.id),
                        c.person_name,
                        _day(c.submitted_on),
                        c.status_label,
                        pounds(c.total_pence),
                        t if (t := _day(c.paid_on)) else "Not yet",
                    ),
                )
                for c in claims
            ]
        )
        self.table.setVisible(bool(claims))
        self.empty.setVisible(not claims)
        if chosen is not None:
            self.choose(chosen)
        self.months.set_rows(
            [
                (n, (m.label, pounds(m.claimed_pence), pounds(m.paid_pence)))
                for n, m in enumerate(self.services.expenses.month_totals(claims))
            ]
        )
        self.volunteers.set_rows(
            [
                (
                    v.person_id,
                    (
                        v.name,
                        str(v.claims),
                        pounds(v.claimed_pence),
                        pounds(v.paid_pence),
                        pounds(v.unpaid_pence),
                        miles(v.miles_tenths),
                    ),
                )
                for v in self.services.expenses.volunteer_totals(claims)
            ]
        )
        self._on_chosen()

    def _refresh_volunteers(self) -> None:
        current = self.volunteer_filter.currentData()
        self.volunteer_filter.blockSignals(True)
        try:
            while self.volunteer_filter.count() > 1:
                self.volunteer_filter.removeItem(1)
            for choice in self.services.expenses.volunteers():
                self.volunteer_filter.addItem(choice.name, choice.person_id)
            select_data(self.volunteer_filter, current)
        finally:
            self.volunteer_filter.blockSignals(False)

    def choose(self, claim_id: int) -> None:
        """Choose the claim's row in the table (when it is shown)."""
        model = self.table.table_model
        for row in range(model.rowCount()):
            if model.id_of(model.row_at(row)) == claim_id:
                self.table.selectRow(row)
                return

    def _on_chosen(self, *_args: object) -> None:
        claim = self.chosen_claim()
        for button in (self.edit_button, self.print_button):
            button.setEnabled(claim is not None)
        self.approve_button.setEnabled(
            claim is not None and claim.status == ClaimStatus.SUBMITTED.value
        )
        self.paid_button.setEnabled(
            claim is not None and claim.status == ClaimStatus.APPROVED.value
        )
        self.edit_button.setEnabled(claim is not None and not claim.is_paid)
        self.lines.set_rows(
            [
                (
                    line.id,
                    (
                        _day(line.line_date),
                        line.kind_label,
                        line.description,
                        miles(line.miles_tenths) if line.miles_tenths else "",
                        "Yes" if line.has_receipt else "No",
                        pounds(line.amount_pence),
                        line.worked_out,
                    ),
                )
                for line in (claim.lines if claim else ())
            ]
        )
        changes = self.services.expenses.history(claim.id) if claim else []
        self.history.show_changes(changes)

    def chosen_claim(self) -> ClaimView | None:
        claim_id = chosen_record(self.table)
        return next((c for c in self.claims_shown if c.id == claim_id), None)

    # -- acting ----------------------------------------------------------------------------
    def new_record(self) -> bool:
        self.new_claim()
        return True

    def print_record(self) -> bool:
        """File ▸ Print: the chosen claim's form (nothing chosen: not here)."""
        claim = self.chosen_claim()
        if claim is None:
            return False
        self.print_claim(claim)
        return True

    def new_claim(self) -> ClaimDialog:
        dialog = ClaimDialog(self.services, self, person_id=self.volunteer_filter.currentData())
        return self._open(dialog)

    def edit_claim(self, claim_id: int) -> ClaimDialog | None:
        try:
            claim = self.services.expenses.claim(claim_id)
            if claim.is_paid:
                raise PeerdeskError(
                    f"Claim {claim_id} has been paid, so it cannot be changed. If it was "
                    "entered wrongly, remove it with a reason and enter it again."
                )
        except PeerdeskError as error:
            show_problem(self, "Edit claim", error)
            return None
        dialog = ClaimDialog(self.services, self)
        dialog.edit(claim_id, claim, title=f"Edit claim {claim_id}")
        return self._open(dialog)

    def _open(self, dialog: ClaimDialog) -> ClaimDialog:
        dialog.claim_saved.connect(self._on_claim_saved)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_claim_saved(self, claim_id: int) -> None:
        self.refresh()
        self.choose(claim_id)

    def approve_claim(self, claim: ClaimView) -> None:
        if run(ApproveDialog(self.services, claim, self)):
            self._on_claim_saved(claim.id)

    def pay_claim(self, claim: ClaimView) -> None:
        if run(PaidDialog(self.services, claim, self)):
            self._on_claim_saved(claim.id)

    def print_claim(self, claim: ClaimView) -> None:
        self.preview = ClaimFormDialog(self.services, claim.id, claim.person_id, self)
        self.preview.show()
        self.preview.render_form()

    def remove_claim(self, claim_id: int) -> None:
        what = f"expense claim {claim_id}"
        lines = next((len(c.lines) for c in self.claims_shown if c.id == claim_id), 0)
        also = [f"its {lines} line{'s' if lines != 1 else ''}"] if lines else []
        remove = lambda reason: self.services.expenses.remove_claim(claim_id, reason)  # noqa: E731
        if run(RemoveDialog(self.services, what, remove, self, also=also)):
            self.refresh()

    def _with_chosen(self, act: Callable[[ClaimView], object]) -> None:
        claim = self.chosen_claim()
        if claim is None:
            show_problem(self, "Expenses", "Choose a claim in the table first.")
            return
        act(claim)

    def focus_table(self) -> QWidget:
        self.table.setFocus()
        return self.table
