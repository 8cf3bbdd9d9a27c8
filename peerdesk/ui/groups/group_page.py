"""One group's page: what it is, how it is going, its meetings, members, facilitators, rules."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, QSize, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services import Services
from peerdesk.ui.concerns.raise_button import RaiseConcernButton
from peerdesk.ui.groups.attendance_chart import AttendanceChart
from peerdesk.ui.groups.group_dialog import GroupDialog
from peerdesk.ui.groups.group_panels import FacilitatorsPanel, GroundRulesPanel, MembersPanel
from peerdesk.ui.groups.meeting_dialog import MeetingDialog
from peerdesk.ui.groups.table_models import MeetingsTableModel
from peerdesk.ui.printing import make_print_menu
from peerdesk.ui.printing.print_menu import pop_up_under
from peerdesk.ui.widgets.corrections import RemoveDialog
from peerdesk.ui.widgets.flow_layout import FlowLayout
from peerdesk.ui.widgets.full_text_tips import show_full_text_tips
from peerdesk.ui.widgets.headings import Heading
from peerdesk.ui.widgets.history_table import HistoryTable
from peerdesk.ui.widgets.list_rows import keep_rows
from peerdesk.ui.widgets.rows_model import ID_ROLE, SORT_ROLE
from peerdesk.ui.widgets.words import GROUP_KIND_WORDS, GROUP_STATUS_WORDS, day, plural
from peerdesk.ui.widgets.wrapped_height import least_size, width_changed


class GroupPage(QWidget):
    back_requested = Signal()
    record_requested = Signal(str, int)
    group_changed = Signal(int)

    def __init__(self, services: Services, settings: QSettings) -> None:
        super().__init__()
        self.services = services
        self.settings = settings
        self.group_id = 0
        self.dialog: QWidget | None = None
        self._build()

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        # The buttons wrap at large text sizes; the group's name has a line of its own.
        top = FlowLayout()
        self.back = QPushButton("← All &groups", self)
        self.back.setAccessibleName("Back to all groups")
        self.back.clicked.connect(self.back_requested)
        self.heading = Heading(self)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.register_button = QPushButton("&Take the register…", self)
        self.register_button.setToolTip("Record a meeting and who came (Ctrl+N)")
        self.register_button.clicked.connect(self.take_register)
        self.edit_button = QPushButton("Ed&it details…", self)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.print_button = QPushButton("&Print…", self)
        self.print_button.setAccessibleName("Print forms for this group")
        for button in (self.back, self.register_button, self.edit_button, self.print_button):
            top.addWidget(button)
        top.addWidget(
            RaiseConcernButton(
                self.services, lambda: ("group", self.group_id), self, after=self.reload
            )
        )
        layout.addLayout(top)
        layout.addWidget(self.heading)
        self.facts = QLabel("", self)
        self.facts.setWordWrap(True)
        self.summary = QLabel("", self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.facts)
        layout.addWidget(self.summary)
        self.chart_caption = QLabel(
            "Attendance&s each month: solid for people named on the register, "
            "hatched for unnamed drop-in attendees."
        )
        self.chart_caption.setWordWrap(True)
        self.chart = AttendanceChart(self)
        self.chart_caption.setBuddy(self.chart)
        layout.addWidget(self.chart_caption)
        layout.addWidget(self.chart)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("Group sections")
        # The tabs' access keys keep clear of the menu bar's (File, Edit, View, Records, Help).
        self.tabs.addTab(self._build_meetings(), "&Meetings")
        self.members = MembersPanel(self.services)
        self.facilitators = FacilitatorsPanel(self.services)
        self.rules = GroundRulesPanel(self.services)
        self.members_index = self.tabs.addTab(self.members, "Mem&bers")
        self.tabs.addTab(self.facilitators, "Faci&litators")
        self.tabs.addTab(self.rules, "Ground r&ules")
        # Every change to the group's own record (its details, status, venue), newest first.
        self.history = HistoryTable("History of this group", self)
        self.tabs.addTab(self.history, "Histor&y")
        layout.addWidget(self.tabs, 1)
        for panel in (self.members, self.facilitators):
            panel.changed.connect(self._on_panel_changed)
            panel.person_opened.connect(lambda pid: self.record_requested.emit("person", pid))
        self.rules.changed.connect(self._on_panel_changed)

    def _build_meetings(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.meetings_model = MeetingsTableModel(self)
        self.meetings_proxy = QSortFilterProxyModel(self)
        self.meetings_proxy.setSourceModel(self.meetings_model)
        self.meetings_proxy.setSortRole(SORT_ROLE)
        self.meetings = QTableView(page)
        self.meetings.setModel(self.meetings_proxy)
        self.meetings.setAccessibleName("Meetings, newest first")
        self.meetings.setSortingEnabled(True)
        self.meetings.sortByColumn(MeetingsTableModel.DATE, Qt.SortOrder.DescendingOrder)
        self.meetings.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.meetings.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.meetings.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.meetings.verticalHeader().hide()
        show_full_text_tips(self.meetings)
        header = self.meetings.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.meetings.activated.connect(self._on_meeting_activated)
        keep_rows(self.meetings)  # eight rows at any text size: the screen scrolls instead
        self.meetings_empty = QLabel(
            "No meetings recorded yet. Press “Take the register…” after the group meets; "
            "a paper register can be typed in afterwards."
        )
        self.meetings_empty.setWordWrap(True)
        buttons = QHBoxLayout()
        self.open_meeting = QPushButton("&Open meeting…", page)
        self.open_meeting.clicked.connect(self._on_open_meeting_clicked)
        self.print_meeting = QPushButton("Pri&nt meeting…", page)
        self.print_meeting.setAccessibleName("Print forms for the chosen meeting")
        self.delete_meeting = QPushButton("&Delete meeting…", page)
        self.delete_meeting.clicked.connect(self._on_delete_meeting_clicked)
        buttons.addWidget(self.open_meeting)
        buttons.addWidget(self.print_meeting)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_meeting)
        layout.addWidget(self.meetings_empty)
        layout.addWidget(self.meetings, 1)
        layout.addLayout(buttons)
        selection = self.meetings.selectionModel()
        selection.currentRowChanged.connect(self._on_meeting_current_changed)
        return page

    # -- size (peerdesk.ui.widgets.wrapped_height) ----------------------------------------------
    def minimumSizeHint(self) -> QSize:
        return least_size(self, super().minimumSizeHint())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width_changed(self, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            keep_rows(self.meetings)

    # -- the main window's Ctrl+N and Ctrl+P ---------------------------------------------------
    new_here_text = "&New meeting (take the register)…"

    def new_here(self) -> str | None:
        """Ctrl+N here takes the register of a new meeting."""
        if not self.group_id:
            return "Open a group first."
        self.take_register()
        return None

    def print_here(self) -> bool:
        """Ctrl+P here offers the forms for this group (the Print… button's menu)."""
        if not self.group_id:
            return False
        return pop_up_under(self.print_button)

    # -- showing -------------------------------------------------------------------------
    def show_group(self, group_id: int) -> None:
        self.group_id = group_id
        self.print_button.setMenu(
            make_print_menu(self.services, self.settings, "group", group_id, self)
        )
        self.members.show_group(group_id)
        self.facilitators.show_group(group_id)
        self.rules.show_group(group_id)
        self.reload()

    def reload(self) -> None:
        groups = self.services.groups
        group = groups.get(self.group_id)
        self.heading.show_title(group.name)
        parts = [
            GROUP_KIND_WORDS[group.kind],
            GROUP_STATUS_WORDS[group.status],
            group.when_text or "No usual day set",
            group.where_text or "Venue not recorded",
        ]
        if group.next_meeting is not None:
            parts.append(f"next meeting {day(group.next_meeting)}")
        self.facts.setText(" · ".join(parts))
        # "The last 12 months" is the group service's one definition (and the Facilitators
        # tab's hours use the same).
        year = groups.year(self.group_id)
        s, regulars = year.summary, year.regulars
        self.summary.setText(
            f"<b>Last 12 months:</b> {plural(s.meetings, 'meeting')}, "
            f"<b>{plural(s.attendances, 'attendance')}</b> "
            f"({s.named_attendances} named, {s.unnamed_attendances} unnamed), "
            f"{plural(s.unique_attendees, 'different person', 'different people')} "
            f"({s.new_attendees} new).<br>"
            f"{plural(regulars, 'regular')} (came to at least 3 of the last 5 meetings). "
            f"Facilitators gave {s.facilitator_hours:g} hours."
        )
        self.chart.set_points(groups.attendance_over_time(self.group_id))
        self.history.show_changes(self.services.history.for_record("peer_group", self.group_id))
        rows = groups.meeting_rows(self.group_id)
        self.meetings_model.set_rows(rows)
        self.meetings_empty.setVisible(not rows)
        self.meetings.setVisible(bool(rows))
        for button in (self.open_meeting, self.print_meeting, self.delete_meeting):
            button.setEnabled(bool(rows))
        self.tabs.setTabVisible(self.members_index, group.has_members)
        if rows and not self.meetings.currentIndex().isValid():
            self.meetings.setCurrentIndex(self.meetings_proxy.index(0, 0))

    def select_meeting(self, meeting_id: int) -> bool:
        source_row = self.meetings_model.row_of(meeting_id)
        if source_row < 0:
            return False
        self.tabs.setCurrentIndex(0)
        index = self.meetings_proxy.mapFromSource(self.meetings_model.index(source_row, 0))
        self.meetings.setCurrentIndex(index)
        self.meetings.scrollTo(index)
        return True

    def current_meeting_id(self) -> int | None:
        index = self.meetings.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    # -- dialogs -------------------------------------------------------------------------
    def take_register(self) -> MeetingDialog:
        return self.open_meeting_dialog(None)

    def open_meeting_dialog(self, meeting_id: int | None) -> MeetingDialog:
        dialog = MeetingDialog(self.services, self.group_id, meeting_id, self)
        dialog.meeting_saved.connect(self._on_meeting_saved)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_edit_clicked(self) -> None:
        dialog = GroupDialog(self.services, self.group_id, self)
        dialog.group_saved.connect(self._on_group_saved)
        self.dialog = dialog
        dialog.open()

    # -- reacting ------------------------------------------------------------------------
    def _on_meeting_saved(self, meeting_id: int) -> None:
        self.reload()
        self.members.reload()
        self.facilitators.reload()
        self.select_meeting(meeting_id)
        self.group_changed.emit(self.group_id)

    def _on_group_saved(self, group_id: int) -> None:
        self.reload()
        self.group_changed.emit(group_id)

    def _on_panel_changed(self) -> None:
        self.reload()
        self.group_changed.emit(self.group_id)

    def _on_meeting_activated(self, index) -> None:
        self.open_meeting_dialog(index.data(ID_ROLE))

    def _on_open_meeting_clicked(self) -> None:
        meeting_id = self.current_meeting_id()
        if meeting_id is not None:
            self.open_meeting_dialog(meeting_id)

    def _on_meeting_current_changed(self, current, _previous) -> None:
        meeting_id = current.data(ID_ROLE) if current.isValid() else None
        if meeting_id is not None:
            self.print_meeting.setMenu(
                make_print_menu(self.services, self.settings, "meeting", meeting_id, self)
            )

    def _on_delete_meeting_clicked(self) -> None:
        meeting_id = self.current_meeting_id()
        if meeting_id is None:
            return
        meeting = self.services.groups.get_meeting(meeting_id)
        count = self.services.groups.attendance_count(meeting_id)
        dialog = RemoveDialog(
            self.services,
            f"the meeting on {day(meeting.meeting_date)}",
            lambda why: self.services.groups.remove_meeting(meeting_id, why),
            self,
            also=[
                f"its register ({plural(count, 'person', 'people')} marked as there); people "
                "added from it stay recorded"
            ],
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.meetings.setCurrentIndex(self.meetings_proxy.index(-1, -1))
        self.reload()
        self.group_changed.emit(self.group_id)
