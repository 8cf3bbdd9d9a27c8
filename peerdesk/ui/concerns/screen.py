"""The Concerns screen: every concern, open ones first (urgent first), with the chosen one's
follow-up actions, referral, outcome and history, and a button for each step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from peerdesk.errors import PeerdeskError
from peerdesk.services import Services
from peerdesk.services.concerns.views import ConcernRecord
from peerdesk.ui.concerns.concern_dialog import ConcernDialog, Subject
from peerdesk.ui.concerns.step_dialogs import ActionDialog, CloseDialog, ReferDialog
from peerdesk.ui.messages import show_problem
from peerdesk.ui.printing.record_form_dialog import RecordFormDialog
from peerdesk.ui.screens.base import Screen
from peerdesk.ui.widgets import RecordTable
from peerdesk.ui.widgets.corrections import ReasonDialog, RemoveDialog, chosen_record, run
from peerdesk.ui.widgets.flow_layout import FlowLayout
from peerdesk.ui.widgets.history_table import HistoryTable
from peerdesk.ui.widgets.words import plural, table_day

HEADINGS = ("Level", "About", "Category", "Raised", "Next action due", "Status")
ACTION_HEADINGS = ("Action", "Due", "Done")


def concern_row(c: ConcernRecord) -> tuple[int, tuple[str, ...]]:
    """One line of a concerns list (this screen and a person's, pairing's or group's page)."""
    waiting = c.next_action
    due = (table_day(waiting.due_on) or "No date") if waiting else ""
    status = "Open" if c.is_open else f"Closed {table_day(c.closed_on)}"
    return c.id, (c.level_label, c.about, c.category, table_day(c.raised_on), due, status)


class ConcernsScreen(Screen):
    def __init__(self, services: Services, settings: QSettings) -> None:
        super().__init__(services, settings)
        self.shown: list[ConcernRecord] = []
        self.dialog: ConcernDialog | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Concerns</h2>"))
        self._build_buttons(layout)
        self.empty = QLabel("No concerns recorded. Choose Raise a concern to record one.")
        layout.addWidget(self.empty)
        self.table = RecordTable(HEADINGS, "Concerns")
        layout.addWidget(self.table)
        self.details = QLabel()
        self.details.setWordWrap(True)
        layout.addWidget(self.details)
        layout.addWidget(QLabel("<h3>Follow-up actions</h3>"))
        self.action_table = RecordTable(ACTION_HEADINGS, "Follow-up actions of the chosen concern")
        layout.addWidget(self.action_table)
        self._build_action_buttons(layout)
        layout.addWidget(QLabel("<h3>History of the chosen concern</h3>"))
        self.history = HistoryTable("History of the chosen concern")
        layout.addWidget(self.history)
        layout.addStretch(1)
        self.table.selectionModel().selectionChanged.connect(self._on_chosen)
        self.table.table_model.modelReset.connect(self._on_chosen)
        self.table.record_activated.connect(lambda _id: self._with_chosen(self.edit_concern))

    def _build_buttons(self, layout: QVBoxLayout) -> None:
        holder = QWidget()
        row = FlowLayout(holder)
        self.raise_button = QPushButton("Raise a &concern…")
        self.edit_button = QPushButton("Ed&it concern…")
        self.refer_button = QPushButton("Record a referra&l…")
        self.close_button = QPushButton("Clo&se concern…")
        self.reopen_button = QPushButton("Re&open…")
        self.remove_button = QPushButton("Remove concer&n…")
        self.print_button = QPushButton("&Print the concern record…")
        for button in (
            self.raise_button,
            self.edit_button,
            self.refer_button,
            self.close_button,
            self.reopen_button,
            self.remove_button,
            self.print_button,
        ):
            row.addWidget(button)
        layout.addWidget(holder)
        self.raise_button.clicked.connect(lambda: self.raise_concern())
        self.edit_button.clicked.connect(lambda: self._with_chosen(self.edit_concern))
        self.refer_button.clicked.connect(lambda: self._with_chosen(self.refer))
        self.close_button.clicked.connect(lambda: self._with_chosen(self.close_concern))
        self.reopen_button.clicked.connect(lambda: self._with_chosen(self.reopen))
        self.remove_button.clicked.connect(lambda: self._with_chosen(self.remove_concern))
        self.print_button.clicked.connect(lambda: self._with_chosen(self.print_concern))

    def _build_action_buttons(self, layout: QVBoxLayout) -> None:
        holder = QWidget()
        row = FlowLayout(holder)
        self.add_action_button = QPushButton("&Add action…")
        self.done_button = QPushButton("Mark action &done")
        self.change_action_button = QPushButton("Chan&ge action…")
        self.remove_action_button = QPushButton("Re&move action…")
        for button in (
            self.add_action_button,
            self.done_button,
            self.change_action_button,
            self.remove_action_button,
        ):
            row.addWidget(button)
        layout.addWidget(holder)
        self.add_action_button.clicked.connect(lambda: self._with_chosen(self.add_action))
        self.done_button.clicked.connect(lambda: self._with_chosen(self.mark_done))
        self.change_action_button.clicked.connect(lambda: self._with_chosen(self.change_action))
        self.remove_action_button.clicked.connect(lambda: self._with_chosen(self.remove_action))

    # -- showing ---------------------------------------------------------------------------
    def refresh(self, *_args: object) -> None:
        chosen = chosen_record(self.table)
        self.shown = self.services.concerns.all()
        self.table.set_rows([concern_row(c) for c in self.shown])
        self.table.setVisible(bool(self.shown))
        self.empty.setVisible(not self.shown)
        if chosen is not None:
            self.choose(chosen)
        self._on_chosen()

    def show_record(self, kind: str, record_id: int) -> bool:
        if kind != "concern":
            return False
        self.refresh()
        self.choose(record_id)
        return True

    def choose(self, concern_id: int) -> None:
        model = self.table.table_model
        for row in range(model.rowCount()):
            if model.id_of(model.row_at(row)) == concern_id:
                self.table.selectRow(row)
                return

    def chosen(self) -> ConcernRecord | None:
        concern_id = chosen_record(self.table)
        return next((c for c in self.shown if c.id == concern_id), None)

    def _on_chosen(self, *_args: object) -> None:
        c = self.chosen()
        for button in (self.edit_button, self.refer_button, self.remove_button, self.print_button):
            button.setEnabled(c is not None)
        self.add_action_button.setEnabled(c is not None)
        self.close_button.setEnabled(c is not None and c.is_open)
        self.reopen_button.setEnabled(c is not None and not c.is_open)
        waiting = c is not None and c.next_action is not None
        self.done_button.setEnabled(waiting)
        for button in (self.change_action_button, self.remove_action_button):
            button.setEnabled(c is not None and bool(c.actions))
        self.details.setText(_details(c) if c else "Choose a concern to see it in full.")
        self.action_table.set_rows(
            [
                (a.id, (a.action, table_day(a.due_on), table_day(a.done_on, "Not yet")))
                for a in (c.actions if c else ())
            ]
        )
        self.history.show_changes(self.services.concerns.history(c.id) if c else [])

    # -- acting ----------------------------------------------------------------------------
    def new_record(self) -> bool:
        self.raise_concern()
        return True

    def raise_concern(self, subject: Subject | None = None) -> ConcernDialog:
        dialog = ConcernDialog(self.services, self, subject=subject)
        return self._open(dialog)

    def edit_concern(self, c: ConcernRecord) -> None:
        dialog = ConcernDialog(self.services, self)
        dialog.edit(c.id, c, title="Edit the concern")
        self._open(dialog)

    def _open(self, dialog: ConcernDialog) -> ConcernDialog:
        dialog.concern_saved.connect(self._after)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _after(self, concern_id: int) -> None:
        self.refresh()
        self.choose(concern_id)

    def _step(self, c: ConcernRecord, dialog: object) -> None:
        if run(dialog):  # type: ignore[arg-type]
            self._after(c.id)

    def refer(self, c: ConcernRecord) -> None:
        self._step(c, ReferDialog(self.services, c, self))

    def close_concern(self, c: ConcernRecord) -> None:
        self._step(c, CloseDialog(self.services, c, self))

    def reopen(self, c: ConcernRecord) -> None:
        act = lambda reason: self.services.concerns.reopen(c.id, reason)  # noqa: E731
        dialog = ReasonDialog(
            self.services,
            act,
            self,
            title="Reopen the concern",
            intro="Say why it is being reopened.",
            accept_text="Re&open",
            placeholder="The carer rang again",
        )
        self._step(c, dialog)

    def print_concern(self, c: ConcernRecord) -> None:
        """The concern-record form filled in for it, to print or save."""
        subject = (
            ("person", c.about_person_id)
            if c.about_person_id is not None
            else ("pairing", c.pairing_id)
            if c.pairing_id is not None
            else ("group", c.group_id or 0)
        )
        concerns = self.services.concerns
        self.preview = RecordFormDialog(
            self.services,
            subject,
            "concern-record",
            lambda large: concerns.record_form(c.id, large_print=large),
            f"concern-record-{c.id}",
            self,
        )
        self.preview.show()
        self.preview.render_form()

    def remove_concern(self, c: ConcernRecord) -> None:
        also = [f"its {plural(len(c.actions), 'follow-up action')}"] if c.actions else []
        remove = lambda reason: self.services.concerns.remove(c.id, reason)  # noqa: E731
        if run(RemoveDialog(self.services, "this concern", remove, self, also=also)):
            self.refresh()

    def add_action(self, c: ConcernRecord) -> None:
        self._step(c, ActionDialog(self.services, c, self))

    def _chosen_action(self, c: ConcernRecord) -> int | None:
        return chosen_record(self.action_table) or (c.next_action.id if c.next_action else None)

    def mark_done(self, c: ConcernRecord) -> None:
        action_id = self._chosen_action(c)
        if action_id is None:
            return
        try:
            self.services.concerns.mark_done(action_id)
        except PeerdeskError as error:
            show_problem(self, "Mark action done", error)
            return
        self._after(c.id)

    def change_action(self, c: ConcernRecord) -> None:
        action_id = chosen_record(self.action_table) or (c.actions[0].id if c.actions else None)
        action = next((a for a in c.actions if a.id == action_id), None)
        if action is not None:
            self._step(c, ActionDialog(self.services, c, self, action=action))

    def remove_action(self, c: ConcernRecord) -> None:
        action_id = chosen_record(self.action_table) or (c.actions[0].id if c.actions else None)
        if action_id is None:
            return
        remove = lambda reason: self.services.concerns.remove_action(action_id, reason)  # noqa: E731
        self._step(c, RemoveDialog(self.services, "this follow-up action", remove, self))

    def _with_chosen(self, act: Callable[[ConcernRecord], object]) -> None:
        c = self.chosen()
        if c is None:
            show_problem(self, "Concerns", "Choose a concern in the list first.")
            return
        act(c)


def _details(c: ConcernRecord) -> str:
    lines = [f"{c.level_label}: {c.about}. Raised {table_day(c.raised_on)}.", c.what]
    if c.action_taken:
        lines.append(f"Immediate action: {c.action_taken}")
    if c.who_was_told:
        lines.append(f"Told: {c.who_was_told}")
    if c.referred_to:
        ref = f" (reference {c.referral_reference})" if c.referral_reference else ""
        lines.append(f"Referred to {c.referred_to} on {table_day(c.referred_on)}{ref}.")
    if c.outcome:
        lines.append(f"Outcome: {c.outcome}")
    return "\n".join(lines)
