"""One pairing's page: who, how they meet, goals, what to do next, and the timeline of
everything that happened (status changes, sessions, reviews, concerns)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError
from peerdesk.services import Services
from peerdesk.services.mentoring.views import PairingAction, PairingView, TimelineEntry
from peerdesk.ui.concerns.raise_button import RaiseConcernButton
from peerdesk.ui.messages import show_problem
from peerdesk.ui.pairings.change_dialogs import ArrangementsDialog, StatusChangeDialog
from peerdesk.ui.pairings.concern_dialog import ConcernDialog
from peerdesk.ui.pairings.end_dialog import EndDialog
from peerdesk.ui.pairings.models import TIMELINE_COLUMNS
from peerdesk.ui.pairings.review_dialog import ReviewDialog
from peerdesk.ui.pairings.session_dialog import SessionDialog
from peerdesk.ui.pairings.supervision_dialog import open_supervision_dialog
from peerdesk.ui.printing import make_print_menu
from peerdesk.ui.printing.print_menu import pop_up_under
from peerdesk.ui.widgets.corrections import RemoveDialog, offer_removal, run
from peerdesk.ui.widgets.flow_layout import FlowLayout
from peerdesk.ui.widgets.headings import Heading
from peerdesk.ui.widgets.history_table import HistoryTable
from peerdesk.ui.widgets.rows_model import RowsModel, sorting_proxy
from peerdesk.ui.widgets.tables import make_table
from peerdesk.ui.widgets.words import day, heading_day, label, minutes
from peerdesk.ui.widgets.wrapped_height import least_size, width_changed
from peerdesk.vocabulary import ClosureReason, MeetingFrequency, MeetingMode, PairingStatus


class PairingPage(QWidget):
    back_requested = Signal()
    record_requested = Signal(str, int)
    pairing_changed = Signal(int)

    def __init__(self, services: Services, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.pairing: PairingView | None = None
        self.active_dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        self._build_top(layout)
        self.heading = Heading(self)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.goals = QLabel(self)
        self.goals.setWordWrap(True)
        # Plain text: goals are typed by the user, and are read out as they are shown.
        self.goals.setTextFormat(Qt.TextFormat.PlainText)
        for widget in (self.heading, self.facts, self.goals):
            layout.addWidget(widget)
        # The actions wrap onto more lines when the window is narrow or the text large.
        actions_row = FlowLayout()
        self.buttons: dict[str, QPushButton] = {}
        actions: list[tuple[PairingAction, str, Callable[[], object]]] = [
            (PairingAction.LOG, "&Log a session…", self.log_session),
            (PairingAction.REVIEW, "Record a revie&w…", self.record_review),
            (PairingAction.INTRODUCE, "Mar&k introduced…", self.introduce),
            (PairingAction.ACTIVATE, "&Activate…", self.activate),
            (PairingAction.PAUSE, "Pa&use…", self.pause),
            (PairingAction.RESUME, "Re&sume…", self.resume),
            (PairingAction.END, "En&d pairing…", self.end),
            (PairingAction.ARRANGEMENTS, "Arrangements and &goals…", self.edit_arrangements),
            (PairingAction.SUPERVISION, "Supervisi&on with mentor…", self.supervision),
        ]
        for key, text, slot in actions:
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            self.buttons[key] = button
            actions_row.addWidget(button)
        self._add_corrections(actions_row)
        actions_row.addWidget(
            RaiseConcernButton(
                services, lambda: ("pairing", self._pairing_id()), self, after=self.refresh
            )
        )
        layout.addLayout(actions_row)
        caption = QLabel("&Timeline (Enter opens a session, review or concern):", self)
        self.timeline_model: RowsModel[TimelineEntry] = RowsModel(
            TIMELINE_COLUMNS, lambda e: e.record_id, self
        )
        self.timeline_proxy = sorting_proxy(self.timeline_model, self)
        self.timeline = make_table("Timeline", self)
        self.timeline.setModel(self.timeline_proxy)
        self.timeline.activated.connect(self._on_timeline_activated)
        caption.setBuddy(self.timeline)
        layout.addWidget(caption)
        layout.addWidget(self.timeline, 1)
        history_caption = QLabel("Histor&y of this pairing (newest first):", self)
        self.history = HistoryTable("History of this pairing", self)
        history_caption.setBuddy(self.history.table)
        layout.addWidget(history_caption)
        layout.addWidget(self.history)

    def _build_top(self, layout: QVBoxLayout) -> None:
        """Back, the two people's pages and Print, above the pairing. They wrap onto a
        second line at the largest text size rather than squeezing the heading below."""
        top = FlowLayout()
        self.back_button = QPushButton("← All pairings", self)
        self.back_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Back))
        self.back_button.setAccessibleName("Back to all pairings")
        self.back_button.setToolTip("Back to all pairings (Alt+Left)")
        self.back_button.clicked.connect(self.back_requested)
        top.addWidget(self.back_button)
        self.mentor_button = QPushButton("Open &mentor", self)
        self.mentee_button = QPushButton("Open me&ntee", self)
        self.mentor_button.clicked.connect(lambda: self._open_person("mentor"))
        self.mentee_button.clicked.connect(lambda: self._open_person("mentee"))
        self.print_button = QToolButton(self)
        self.print_button.setText("&Print…")
        self.print_button.setAccessibleName("Print forms for this pairing")
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        for button in (self.mentor_button, self.mentee_button, self.print_button):
            top.addWidget(button)
        layout.addLayout(top)

    def _add_corrections(self, actions_row: FlowLayout) -> None:
        """Putting right an ending, and removing a pairing entered in error: with the actions,
        which wrap at large text sizes (the top row does not)."""
        self.edit_ending_button = QPushButton("E&dit ending\u2026", self)
        self.edit_ending_button.setToolTip("Put right the end date, reason or answers")
        self.edit_ending_button.clicked.connect(self.edit_ending)
        actions_row.addWidget(self.edit_ending_button)
        self.remove_button = QPushButton("Remove pa&iring\u2026", self)
        self.remove_button.setToolTip("For a pairing entered in error: asks why, says what goes")
        self.remove_button.clicked.connect(self.remove_pairing)
        actions_row.addWidget(self.remove_button)

    # -- size (peerdesk.ui.widgets.wrapped_height) ----------------------------------------------
    def minimumSizeHint(self) -> QSize:
        return least_size(self, super().minimumSizeHint())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width_changed(self, event)

    # -- the main window's Ctrl+N and Ctrl+P ---------------------------------------------------
    new_here_text = "&New session…"

    def new_here(self) -> str | None:
        """Ctrl+N here logs a session (today, the pair's usual way and length); when the
        pairing takes no sessions now, what to do instead (shown in the status bar)."""
        if self.pairing is None:
            return "Open a pairing first."
        if not self.pairing.allows(PairingAction.LOG):
            return "Sessions are logged once the pair have been introduced (Mark introduced…)."
        self.log_session()
        return None

    def print_here(self) -> bool:
        """Ctrl+P here offers the forms for this pairing (the Print… button's menu)."""
        if self.pairing is None:
            return False
        return pop_up_under(self.print_button)

    # -- showing ---------------------------------------------------------------------------
    def show_pairing(self, pairing_id: int) -> None:
        self.pairing = self.services.pairings.get(pairing_id)
        self.print_button.setMenu(
            make_print_menu(self.services, self.settings, "pairing", pairing_id, self)
        )
        self.refresh()

    def refresh(self) -> None:
        if self.pairing is None:
            return
        pairing = self.pairing = self.services.pairings.get(self.pairing.id)
        self.heading.show_title(
            f"{pairing.reference}: {pairing.mentor_name} (mentor) and "
            f"{pairing.mentee_name} ({pairing.supported_word})"
        )
        self.facts.setText(_facts_text(pairing))
        self.goals.setText(
            "Goals: " + "; ".join(f"{n}. {g}" for n, g in enumerate(pairing.goals, start=1))
            if pairing.goals
            else "No goals recorded yet: add up to three under Arrangements and goals."
        )
        # The service decides what may be done now, from its own transition table.
        for key, button in self.buttons.items():
            button.setVisible(pairing.allows(key))
        self.edit_ending_button.setVisible(pairing.status == PairingStatus.ENDED)
        self.timeline_model.set_rows(self.services.pairings.timeline(pairing.id))
        self.timeline.scrollToBottom()
        self.history.show_changes(self.services.history.for_record("pairing", pairing.id))

    # -- actions ---------------------------------------------------------------------------
    def _pairing_id(self) -> int:
        assert self.pairing is not None
        return self.pairing.id

    def _open(self, dialog: QDialog) -> QDialog:
        """Open window-modal without blocking; refresh when it is accepted."""
        self.active_dialog = dialog
        dialog.accepted.connect(self._on_dialog_accepted)
        dialog.open()
        return dialog

    def _on_dialog_accepted(self) -> None:
        self.refresh()
        self.pairing_changed.emit(self._pairing_id())

    def log_session(self) -> SessionDialog:
        dialog = SessionDialog(self.services, self._pairing_id(), self)
        dialog.session_saved.connect(lambda _id: self.refresh())
        dialog.concern_needed.connect(self._on_concern_needed)
        self._open(dialog)
        return dialog

    def edit_session(self, session_id: int) -> SessionDialog:
        dialog = SessionDialog(self.services, self._pairing_id(), self, session_id=session_id)
        dialog.concern_needed.connect(self._on_concern_needed)
        when = day(self.services.sessions.get(session_id).session_date)
        offer_removal(
            dialog,
            f"the session of {when}",
            lambda why: self.services.sessions.remove_session(session_id, why),
            also=self.services.sessions.session_removal_effects(session_id),
        )
        self._open(dialog)
        return dialog

    def _on_concern_needed(self, session_id: int) -> None:
        record = self.services.sessions.get(session_id)
        assert self.pairing is not None
        dialog = ConcernDialog(
            self.services,
            self,
            session_id=session_id,
            about_person_id=self.pairing.mentee_id,
            raised_on=record.session_date,
        )
        dialog.accepted.connect(self.refresh)
        self.active_dialog = dialog
        dialog.open()

    def record_review(self) -> ReviewDialog:
        dialog = ReviewDialog(self.services, self._pairing_id(), self)
        dialog.review_saved.connect(self._on_review_saved)
        self._open(dialog)
        return dialog

    def edit_review(self, review_id: int) -> ReviewDialog:
        """A review opened from the timeline: the same dialog, editing, with Remove…."""
        view = self.services.reviews.get(review_id)
        dialog = ReviewDialog(self.services, self._pairing_id(), self)
        dialog.edit(review_id, view, title=f"Edit review of {day(view.review_date)}")
        offer_removal(
            dialog,
            f"the review of {day(view.review_date)}",
            lambda why: self.services.reviews.remove_review(review_id, why),
        )
        self._open(dialog)
        return dialog

    def remove_pairing(self) -> None:
        """Remove the pairing (entered in error) after saying once what goes with it."""
        pairing_id = self._pairing_id()
        dialog = RemoveDialog(
            self.services,
            f"pairing {self.pairing.reference if self.pairing else ''}",
            lambda why: self.services.pairings.remove_pairing(pairing_id, why),
            self,
            also=self.services.pairings.removal_effects(pairing_id),
        )
        if run(dialog):
            self.pairing = None
            self.back_requested.emit()

    def _on_review_saved(self, review_id: int) -> None:
        if self.services.reviews.get(review_id).ends_pairing:
            self.refresh()
            self.end()

    def introduce(self) -> StatusChangeDialog:
        return self._status_dialog(
            "Mark introduced",
            "The day the mentor and the person first met, or were put in touch.",
            lambda on, _note: self.services.pairings.introduce(self._pairing_id(), on),
        )

    def activate(self) -> StatusChangeDialog | None:
        try:
            warnings = self.services.gates.for_pairing_activation(self._pairing_id())
        except PeerdeskError as error:
            show_problem(self, "Cannot activate", error)
            return None
        if warnings:
            listed = "\n".join(f"• {w}" for w in warnings)
            answer = QMessageBox.question(
                self,
                "Activate anyway?",
                f"{listed}\n\nActivate anyway?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        return self._status_dialog(
            "Activate pairing",
            "The day the pairing started meeting regularly. Reviews are due from this date.",
            lambda on, _note: self.services.pairings.activate(self._pairing_id(), on),
        )

    def pause(self) -> StatusChangeDialog:
        return self._status_dialog(
            "Pause pairing",
            "Pausing is normal when health or life gets in the way. Planned sessions stay; "
            "the pause is left out when counting sessions expected.",
            lambda on, note: self.services.pairings.pause(self._pairing_id(), on, note),
            with_note=True,
        )

    def resume(self) -> StatusChangeDialog:
        return self._status_dialog(
            "Resume pairing",
            "The day the pair started meeting again.",
            lambda on, _note: self.services.pairings.resume(self._pairing_id(), on),
        )

    def _status_dialog(
        self,
        title: str,
        explanation: str,
        change: Callable[[date, str], object],
        *,
        with_note: bool = False,
    ) -> StatusChangeDialog:
        dialog = StatusChangeDialog(
            self.services, title, explanation, change, self, with_note=with_note
        )
        self._open(dialog)
        return dialog

    def end(self) -> EndDialog:
        dialog = EndDialog(self.services, self._pairing_id(), self)
        self._open(dialog)
        return dialog

    def edit_ending(self) -> EndDialog:
        """The ending dialog on the saved ending, to put it right."""
        assert self.pairing is not None
        dialog = EndDialog(self.services, self.pairing.id, self)
        dialog.edit(self.pairing.id, self.pairing, title=f"Edit ending of {self.pairing.reference}")
        self._open(dialog)
        return dialog

    def edit_arrangements(self) -> ArrangementsDialog:
        dialog = ArrangementsDialog(self.services, self._pairing_id(), self)
        self._open(dialog)
        return dialog

    def supervision(self) -> QDialog:
        assert self.pairing is not None
        dialog = open_supervision_dialog(self.services, self.pairing.mentor_id, self)
        self.active_dialog = dialog
        return dialog

    def _open_person(self, which: str) -> None:
        if self.pairing is not None:
            person_id = self.pairing.mentor_id if which == "mentor" else self.pairing.mentee_id
            self.record_requested.emit("person", person_id)

    def _on_timeline_activated(self, index: QModelIndex) -> None:
        source = self.timeline_proxy.mapToSource(index)
        entry = self.timeline_model.row_at(source.row())
        if entry.kind == "session":
            self.edit_session(entry.record_id)
        elif entry.kind == "review":
            self.edit_review(entry.record_id)
        elif entry.kind == "concern":
            concern_id = entry.record_id
            dialog = ConcernDialog(self.services, self, concern_id=concern_id)
            offer_removal(
                dialog,
                f"the concern raised on {day(entry.on)}",
                lambda why: self.services.sessions.remove_concern(concern_id, why),
            )
            self._open(dialog)


def _facts_text(pairing: PairingView) -> str:
    status = PairingStatus(pairing.status)
    parts = [status.label]
    if status is PairingStatus.ENDED:
        reason = label(ClosureReason, pairing.closure_reason, "no reason recorded")
        early = (
            ""
            if pairing.ended_as_planned is None
            else (", as planned" if pairing.ended_as_planned else ", early")
        )
        parts[0] = f"Ended {heading_day(pairing.end_date)} ({reason.lower()}{early})"
        if pairing.wants_new_pairing:
            parts.append("would like a new pairing")
    elif pairing.start_date is not None:
        parts[0] = f"{status.label} since starting on {heading_day(pairing.start_date)}"
    elif status is PairingStatus.PROPOSED:
        parts[0] = f"Proposed on {heading_day(pairing.proposed_on)}"
    else:
        parts[0] = f"{status.label}, proposed on {heading_day(pairing.proposed_on)}"
    parts.append(f"meet {label(MeetingFrequency, pairing.meeting_frequency).lower()}")
    parts.append(label(MeetingMode, pairing.usual_mode).lower())
    if pairing.usual_place:
        parts.append(f"usual place: {pairing.usual_place}")
    parts.append(f"usually {minutes(pairing.usual_duration_minutes)}")
    if pairing.planned_length_weeks:
        parts.append(f"planned for {pairing.planned_length_weeks} weeks")
    due = pairing.next_review
    if due is not None:
        late = " (overdue)" if due.overdue else ""
        parts.append(f"next review {day(due.due)}{late}")
    return " · ".join(parts)
