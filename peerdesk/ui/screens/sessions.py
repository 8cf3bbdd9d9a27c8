"""The Sessions screen: every mentoring session, filtered by pairing, mentor, dates and
status. Enter opens a session to change it, or to record that it was rearranged."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QModelIndex, QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from peerdesk.errors import NotFoundError, PeerdeskError
from peerdesk.services import Services
from peerdesk.services.mentoring.views import SessionFilter, SessionRow
from peerdesk.ui import announcer
from peerdesk.ui.pairings.concern_dialog import ConcernDialog
from peerdesk.ui.pairings.models import SESSION_COLUMNS
from peerdesk.ui.pairings.session_dialog import SessionDialog
from peerdesk.ui.screens.base import Screen
from peerdesk.ui.widgets.date_box import DateBox
from peerdesk.ui.widgets.flow_layout import FlowLayout, labelled
from peerdesk.ui.widgets.form_rows import select_data
from peerdesk.ui.widgets.rows_model import RowsModel, sorting_proxy
from peerdesk.ui.widgets.tables import make_table
from peerdesk.vocabulary import SessionStatus


class SessionsScreen(Screen):
    def __init__(self, services: Services, settings: QSettings) -> None:
        super().__init__(services, settings)
        self.active_dialog: SessionDialog | ConcernDialog | None = None
        layout = QVBoxLayout(self)
        heading = QLabel("<h2>Sessions</h2>", self)
        heading.setAccessibleName("Sessions")
        layout.addWidget(heading)
        # The filters wrap onto a second line when the window is narrow or the text large.
        filters = FlowLayout()
        self.pairing = QComboBox(self)
        self.mentor = QComboBox(self)
        self.status = QComboBox(self)
        # Blank means any date; a date that cannot be read filters nothing until put right.
        self.date_from = DateBox(
            None, self, optional=True, today=services.today, blank_text="Any date"
        )
        self.date_to = DateBox(
            None, self, optional=True, today=services.today, blank_text="Any date"
        )
        # No parent yet: it joins the page after the filters (the flow adds them in order), so
        # Tab reaches it after them, as it reads. Made with a parent it came first in Tab.
        self.clear_button = QPushButton("&Clear filters")
        for text, widget in (
            ("&Pairing:", self.pairing),
            ("&Mentor:", self.mentor),
            ("&Status:", self.status),
            ("&From:", self.date_from),
            ("&To:", self.date_to),
        ):
            caption = QLabel(text, self)
            caption.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", "").rstrip(":"))
            filters.addWidget(labelled(caption, widget))
        filters.addWidget(self.clear_button)
        layout.addLayout(filters)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        layout.addWidget(self.problem)
        layout.addWidget(self.empty)
        self.model: RowsModel[SessionRow] = RowsModel(SESSION_COLUMNS, lambda r: r.id, self)
        self.proxy = sorting_proxy(self.model, self)
        self.view = make_table("Sessions", self, sortable=True)
        self.view.setModel(self.proxy)
        self.view.activated.connect(self._on_session_activated)
        layout.addWidget(self.view, 1)
        self.status.addItem("Any status", None)
        for status in SessionStatus:
            self.status.addItem(status.label, status.value)
        self.date_from.set_value(services.today() - timedelta(weeks=12))
        for combo in (self.pairing, self.mentor, self.status):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        for editor in (self.date_from, self.date_to):
            editor.date_changed.connect(self._on_filter_changed)
        self.clear_button.clicked.connect(self._on_clear_clicked)
        self._filling = False

    def _fill_choices(self) -> None:
        self._filling = True
        pairing, mentor = self.pairing.currentData(), self.mentor.currentData()
        self.pairing.clear()
        self.pairing.addItem("Every pairing", None)
        for row in self.services.pairings.rows():
            self.pairing.addItem(f"{row.reference} {row.mentor_name} and {row.mentee_name}", row.id)
        self.mentor.clear()
        self.mentor.addItem("Every mentor", None)
        for person_id, name in self.services.sessions.mentors():
            self.mentor.addItem(name, person_id)
        select_data(self.pairing, pairing)
        select_data(self.mentor, mentor)
        self._filling = False

    def filters(self) -> SessionFilter:
        return SessionFilter(
            pairing_id=self.pairing.currentData(),
            mentor_id=self.mentor.currentData(),
            date_from=self.date_from.value(),
            date_to=self.date_to.value(),
            status=self.status.currentData(),
        )

    def refresh(self) -> None:
        self._fill_choices()
        self._load()

    def _load(self) -> None:
        self.problem.hide()
        try:
            rows = self.services.sessions.rows(self.filters())
        except PeerdeskError as error:
            self.problem.setText(f"⚠ {error}")
            self.problem.show()
            announcer.announce(f"Problem: {error}", self.problem, urgent=True)
            rows = []
        self.model.set_rows(rows)
        self.view.resizeRowsToContents()
        self.empty.setText(
            "No sessions match these filters. Try a wider date range, or Clear filters."
            if rows or self._any_filter()
            else "No sessions logged yet. Open a pairing and choose Log a session."
        )
        self.empty.setVisible(not rows)

    def _any_filter(self) -> bool:
        try:
            f = self.filters()
        except PeerdeskError:
            return True  # a date that is not one yet
        return any(value is not None for value in (f.pairing_id, f.mentor_id, f.status)) or (
            f.date_from is not None or f.date_to is not None
        )

    def _on_filter_changed(self, *_args: object) -> None:
        if not self._filling:
            self._load()

    def _on_clear_clicked(self) -> None:
        self._filling = True
        for combo in (self.pairing, self.mentor, self.status):
            combo.setCurrentIndex(0)
        self.date_from.set_value(None)
        self.date_to.set_value(None)
        self._filling = False
        self._load()

    def show_record(self, kind: str, record_id: int) -> bool:
        if kind != "session":
            return False
        try:
            record = self.services.sessions.get(record_id)
        except NotFoundError:
            return False
        self._fill_choices()
        self._filling = True
        select_data(self.pairing, record.pairing_id)
        self.mentor.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        self.date_from.set_value(None)
        self.date_to.set_value(None)
        self._filling = False
        self._load()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.model.row_at(self.proxy.mapToSource(index).row()).id == record_id:
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)
                break
        self.open_session(record_id)
        return True

    def open_session(self, session_id: int) -> SessionDialog:
        record = self.services.sessions.get(session_id)
        dialog = SessionDialog(self.services, record.pairing_id, self, session_id=session_id)
        dialog.accepted.connect(self._load)
        dialog.concern_needed.connect(self._on_concern_needed)
        self.active_dialog = dialog
        dialog.open()
        return dialog

    def _on_concern_needed(self, session_id: int) -> None:
        record = self.services.sessions.get(session_id)
        pairing = self.services.pairings.get(record.pairing_id)
        dialog = ConcernDialog(
            self.services,
            self,
            session_id=session_id,
            about_person_id=pairing.mentee_id,
            raised_on=record.session_date,
        )
        dialog.accepted.connect(self._load)
        self.active_dialog = dialog
        dialog.open()

    def _on_session_activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(self.proxy.mapToSource(index).row())
        self.open_session(row.id)
