"""Today: what needs the coordinator, grouped under plain headings, each line one keypress
(or double-click) from the record it is about."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
)
from shiboken6 import isValid

from peerdesk.services import Services
from peerdesk.services.attention.views import AttentionItem
from peerdesk.ui import announcer
from peerdesk.ui.concerns.raise_button import RaiseConcernButton
from peerdesk.ui.operation import run_operation
from peerdesk.ui.screens.base import Screen
from peerdesk.ui.screens.first_steps import FirstSteps, take_first_step
from peerdesk.ui.widgets import EmptyState
from peerdesk.ui.widgets.full_text_tips import show_full_text_tips
from peerdesk.ui.widgets.words import heading_day

if TYPE_CHECKING:
    from peerdesk.ui.backups.health_watch import HealthWatch

Index = QModelIndex | QPersistentModelIndex
WHAT, DETAIL = range(2)
HEADINGS = ("What needs you", "Details")
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
LOOKING = "Looking at what needs you…"
RESTORE_BACKUP_TEXT = "Restore the last &good backup…"


@dataclass(frozen=True)
class _Line:
    """A heading (item is None) or one attention item under it, in the group `group`."""

    text: str
    item: AttentionItem | None = None
    group: str = ""


class AttentionTableModel(QAbstractTableModel):
    """Attention items as rows, with a heading row before each group."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[_Line] = []

    def set_items(self, items: list[AttentionItem]) -> None:
        groups: dict[str, list[AttentionItem]] = {}
        for item in items:
            groups.setdefault(item.group, []).append(item)
        lines: list[_Line] = []
        for group, members in groups.items():
            members.sort(key=lambda m: not m.urgent)  # stable: keeps each rule's own order
            urgent = sum(1 for m in members if m.urgent)
            extra = f", {urgent} urgent" if urgent else ""
            lines.append(_Line(f"{group} ({len(members)}{extra})", None, group))
            lines.extend(_Line(m.title, m, group) for m in members)
        self.beginResetModel()
        self._lines = lines
        self.endResetModel()

    def item_at(self, row: int) -> AttentionItem | None:
        return self._lines[row].item if 0 <= row < len(self._lines) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADINGS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(HEADINGS)
        ):
            return HEADINGS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._lines[index.row()].item is None:
            return Qt.ItemFlag.ItemIsEnabled  # headings are read, not chosen
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        item = line.item
        column = index.column()
        if role == Qt.ItemDataRole.AccessibleTextRole and column == WHAT:
            # A screen reader moving line to line hears which group each line is in, also
            # coming up from the line below or jumping by rows; a heading says it is one.
            if item is None:
                return f"Group: {line.text}"
            return f"{line.group}: {'Urgent: ' if item.urgent else ''}{item.title}"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if item is None:
                return line.text if column == WHAT else ""
            if column == WHAT:
                # Words, not colour alone, say what is urgent.
                return f"Urgent: {item.title}" if item.urgent else item.title
            return item.detail
        if role == Qt.ItemDataRole.FontRole and (item is None or item.urgent) and column == WHAT:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column == WHAT and item and item.urgent:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.ToolTipRole and item is not None:
            return "Press Enter or double-click to open this record."
        if role == ITEM_ROLE:
            return item
        return None


class TodayScreen(Screen):
    """Works out what needs the coordinator off the UI thread: with ten years of records that
    takes a moment, and the window is there (and usable) meanwhile."""

    #: The lines (or the kind empty state) are shown for the latest look at Today.
    refreshed = Signal()

    def __init__(self, services: Services, settings: QSettings) -> None:
        super().__init__(services, settings)
        self._looking = False
        self._asked = 0  # refreshes asked for; a look answers the ones asked before it began
        self._say_result = False  # Check again was asked for: its result is announced
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        top.addWidget(self.heading, 1)
        self.refresh_button = QPushButton("&Check again")
        self.refresh_button.clicked.connect(self.check_again)
        top.addWidget(self.refresh_button)
        # Made without a parent, like Check again: each joins the page (and its Tab order)
        # as the row does, in reading order. (Made with the page as parent it came first.)
        self.raise_button = RaiseConcernButton(
            services, lambda: None, None, text="Ra&ise a concern…", after=self.refresh
        )
        top.addWidget(self.raise_button)
        layout.addLayout(top)
        self._build_health(layout)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.model = AttentionTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("What needs you today")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        # What is urgent and when it was due must be read in full at any text size: lines
        # wrap, and each row is as tall as its text needs at the columns' width of the moment.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        show_full_text_tips(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._on_line_activated)
        size = self.table.fontMetrics().height()
        self.table.setIconSize(QSize(size, size))  # the urgent mark grows with the text
        layout.addWidget(self.table, 1)
        self.empty = EmptyState()
        layout.addWidget(self.empty, 1)
        self.first_steps = FirstSteps(self)
        self.first_steps.step_chosen.connect(self._on_first_step)
        self.first_steps.hide()
        layout.addWidget(self.first_steps, 1)
        self.hint = QLabel("Press Enter or double-click a line to open the record it is about.")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        # The weekly health check's quiet line, last: news only when something is wrong.
        self.health_line = QLabel()
        self.health_line.setWordWrap(True)
        self.health_line.hide()
        layout.addWidget(self.health_line)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.check_again)

    def _build_health(self, layout: QVBoxLayout) -> None:
        """Damage in the database: said at the top, in the warning colours, with the way back
        (the button shows the offer of the newest good backup). Hidden while all is well."""
        self._health: HealthWatch | None = None
        self.health_problem = QFrame()
        self.health_problem.setObjectName("warningBanner")
        self.health_problem.setAccessibleName("Database damaged")
        row = QHBoxLayout(self.health_problem)
        self.health_problem_text = QLabel()
        self.health_problem_text.setWordWrap(True)
        self.health_problem_text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        row.addWidget(self.health_problem_text, 1)
        self.restore_backup_button = QPushButton(RESTORE_BACKUP_TEXT)
        self.restore_backup_button.clicked.connect(self._on_restore_backup_clicked)
        row.addWidget(self.restore_backup_button)
        self.health_problem.hide()
        layout.addWidget(self.health_problem)

    def watch_health(self, watch: HealthWatch) -> None:
        """Show what the weekly health check (and damage met while open) says, from now on."""
        self._health = watch
        watch.changed.connect(self._show_health)
        self._show_health()

    def _show_health(self) -> None:
        if not isValid(self) or self._health is None:
            return
        line = self._health.line()
        self.health_problem_text.setText(line.text if line.problem else "")
        self.health_problem.setVisible(line.problem)
        self.restore_backup_button.setVisible(line.problem and self._health.backup is not None)
        # Tabbing to the button, a screen reader hears why it is there.
        self.restore_backup_button.setAccessibleDescription(line.text if line.problem else "")
        self.health_line.setText("" if line.problem else line.text)
        self.health_line.setVisible(bool(line.text) and not line.problem)
        self._show_words_about_lines()

    def _show_words_about_lines(self) -> None:
        """The summary above the lines and the hint below them, when there are lines; but not
        while the database is damaged: the problem takes their room (at the largest text on a
        1366×768 laptop the lines had room for 5.5 rows, not eight, with all three). The
        group headings still count what needs the coordinator, and each line's tip says how
        to open it. "Looking…" is shown while Today is worked out, whatever the state."""
        lines = self.model.rowCount() > 0 and not self.table.isHidden()
        damaged = not self.health_problem.isHidden()
        self.summary.setVisible(self._looking or (lines and not damaged))
        self.hint.setVisible(lines and not damaged)

    def _on_restore_backup_clicked(self) -> None:
        if self._health is not None:
            self._health.offer()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            size = self.table.fontMetrics().height()
            self.table.setIconSize(QSize(size, size))
        super().changeEvent(event)

    def refresh(self) -> None:
        today = self.services.today()
        self.heading.setText(f"<h2>Today, {heading_day(today)}</h2>")
        self._asked += 1
        if not self._looking:
            self._look()

    def check_again(self) -> None:
        """Check again (or F5): look again and say what was found when it is done, as a
        sighted user sees the summary change."""
        self._say_result = True
        self.refresh()

    @property
    def is_looking(self) -> bool:
        return self._looking

    def _look(self) -> None:
        self._looking = True
        asked = self._asked
        self.summary.setText(LOOKING)
        self.summary.setVisible(True)
        if self.model.rowCount() == 0:
            self.empty.setVisible(False)
        run_operation(
            self.services.attention.items,
            lambda items: self._on_look_finished(asked, items),
            lambda message: self._on_look_failed(asked, message),
        )

    def _on_look_finished(self, asked: int, items: list[AttentionItem]) -> None:
        if not isValid(self):
            return  # the window closed while looking
        self._looking = False
        # Nothing needs you in an empty database because nothing is there: the first steps.
        # (Asked only then, so a quick question even with ten years of records.)
        self._show(items, not items and not self.services.people.list_rows())
        if asked < self._asked:
            self._look()  # something changed while looking: look again
        else:
            self._announce(checked_again_words(items))
            self.refreshed.emit()

    def _on_look_failed(self, asked: int, message: str) -> None:
        if not isValid(self):
            return
        self._looking = False
        if asked < self._asked:
            self._look()
            return
        self.model.set_items([])
        self.summary.setVisible(False)
        self.table.setVisible(False)
        self.hint.setVisible(False)
        self.first_steps.setVisible(False)
        self.empty.say(
            f"Today could not be worked out just now. {message} Press Check again to try again."
        )
        self.empty.setVisible(True)
        self._announce(self.empty.text(), urgent=True)
        self.refreshed.emit()

    def _announce(self, words: str, *, urgent: bool = False) -> None:
        if self._say_result:
            self._say_result = False
            announcer.announce(words, self, urgent=urgent)

    def _show(self, items: list[AttentionItem], first: bool = False) -> None:
        self.model.set_items(items)
        urgent = sum(1 for item in items if item.urgent)
        if not items:
            self.summary.setText("")
            self.empty.say(
                "Nothing needs you today. Reviews, sessions, supervision, checks and consents "
                "are all in hand, and no concern is open. Well done: take a breather."
            )
        else:
            things = "1 thing needs" if len(items) == 1 else f"{len(items)} things need"
            urgent_text = f" {urgent} of them urgent, shown first in each group." if urgent else ""
            self.summary.setText(f"{things} you.{urgent_text} Take them one at a time.")
        self.empty.setVisible(not items and not first)
        self.first_steps.setVisible(first)
        self.table.setVisible(bool(items))
        self._show_words_about_lines()
        self.table.resizeRowsToContents()

    def _on_first_step(self, step: str) -> None:
        take_first_step(self.window(), step)

    def _on_line_activated(self, index: QModelIndex) -> None:
        item = self.model.item_at(index.row())
        if item is not None:
            self.record_requested.emit(item.record_kind, item.record_id)


def checked_again_words(items: list[AttentionItem]) -> str:
    """What Check again says when done: "Checked again: 45 things need you, 7 urgent"."""
    if not items:
        return "Checked again: nothing needs you today."
    urgent = sum(1 for item in items if item.urgent)
    things = "1 thing needs" if len(items) == 1 else f"{len(items)} things need"
    return f"Checked again: {things} you" + (f", {urgent} urgent." if urgent else ".")
