"""The Pairings list: every pairing by status, and the queue of people waiting for a mentor."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services import Services
from peerdesk.services.mentoring.views import PairingRow, WaitingRow
from peerdesk.ui.pairings.models import (
    PAIRING_COLUMNS,
    PAIRINGS_ORDER,
    WAITING_COLUMNS,
    WAITING_ORDER,
)
from peerdesk.ui.widgets.flow_layout import FlowLayout
from peerdesk.ui.widgets.rows_model import RowsModel, sorting_proxy
from peerdesk.ui.widgets.search_box import SearchBox
from peerdesk.ui.widgets.tables import make_table
from peerdesk.vocabulary import PairingStatus

WAITING = "waiting"
ALL = "all"
#: Pairings that are still going, the usual view.
CURRENT = "current"


class PairingsList(QWidget):
    pairing_opened = Signal(int)
    #: A waiting person chosen: the screen opens the matching assistant for them.
    match_requested = Signal(int)
    #: New referral… pressed: the screen asks who for (someone on record, or someone new).
    new_referral_requested = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        layout = QVBoxLayout(self)
        heading = QLabel("<h2>Pairings</h2>", self)
        heading.setAccessibleName("Pairings")
        layout.addWidget(heading)
        # Wraps at the largest text size rather than making the screen scroll sideways.
        bar = FlowLayout()
        show_label = QLabel("&Show:", self)
        self.show_combo = QComboBox(self)
        self.show_combo.setAccessibleName("Show")
        show_label.setBuddy(self.show_combo)
        find_label = QLabel("F&ind:", self)
        self.find_edit = SearchBox(self)
        self.find_edit.setPlaceholderText("Name or reference")
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.setAccessibleName("Find")
        find_label.setBuddy(self.find_edit)
        # Made in the order they are shown, which is the order Tab takes.
        self.new_referral_button = QPushButton("&New referral…", self)
        self.new_referral_button.setToolTip(
            "Take a referral for someone on record, or someone new (they are added with it)"
        )
        self.match_button = QPushButton("Find a &mentor…", self)
        self.match_button.setAccessibleName("Find a mentor for the selected person")
        for widget in (show_label, self.show_combo, find_label, self.find_edit):
            bar.addWidget(widget)
        bar.addWidget(self.new_referral_button)
        bar.addWidget(self.match_button)
        layout.addLayout(bar)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.pairings_model: RowsModel[PairingRow] = RowsModel(
            PAIRING_COLUMNS, lambda r: r.id, self
        )
        self.pairings_proxy = sorting_proxy(self.pairings_model, self)
        self.pairings_view = make_table("Pairings", self, sortable=True)
        self.pairings_view.setModel(self.pairings_proxy)
        # The arrow shows the order the rows are in, and the view really sorts by it (set
        # before a model, its arrow says "first column, descending" and nothing is sorted).
        self.pairings_view.sortByColumn(*PAIRINGS_ORDER)
        self.pairings_view.activated.connect(self._on_pairing_activated)
        self.waiting_model: RowsModel[WaitingRow] = RowsModel(
            WAITING_COLUMNS, lambda r: r.person_id, self
        )
        self.waiting_proxy = sorting_proxy(self.waiting_model, self)
        self.waiting_view = make_table("Waiting for a mentor", self, sortable=True)
        self.waiting_view.setModel(self.waiting_proxy)
        self.waiting_view.sortByColumn(*WAITING_ORDER)
        self.waiting_view.activated.connect(self._on_waiting_activated)
        # Down from Find moves into the list shown; Enter opens the only match.
        self.find_edit.lead_into(self._shown_view, self._on_shown_row_activated)
        layout.addWidget(self.pairings_view, 1)
        layout.addWidget(self.waiting_view, 1)
        self.find_edit.textChanged.connect(self._on_find_changed)
        self.show_combo.currentIndexChanged.connect(self._on_show_changed)
        self.match_button.clicked.connect(self._on_match_clicked)
        self.new_referral_button.clicked.connect(self.new_referral_requested)
        self._fill_show_combo(0)

    def _fill_show_combo(self, waiting: int) -> None:
        current = self.show_combo.currentData() or CURRENT
        self.show_combo.blockSignals(True)
        self.show_combo.clear()
        self.show_combo.addItem("Current pairings", CURRENT)
        self.show_combo.addItem(f"Waiting for a mentor ({waiting})", WAITING)
        for status in PairingStatus:
            self.show_combo.addItem(status.label, status.value)
        self.show_combo.addItem("All pairings", ALL)
        self.show_combo.setCurrentIndex(max(self.show_combo.findData(current), 0))
        self.show_combo.blockSignals(False)

    def show_view(self, key: str) -> None:
        """Show "current", "waiting", "all" or one status."""
        index = self.show_combo.findData(key)
        if index >= 0:
            self.show_combo.setCurrentIndex(index)
            self.refresh()

    def focus_search(self) -> bool:
        """Edit ▸ Find (Ctrl+F) on this list: the keyboard in Find (the main window's one
        Ctrl+F asks the page shown; a second Ctrl+F here made the key do nothing)."""
        self.find_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_edit.selectAll()
        return True

    def refresh(self) -> None:
        waiting = self.services.pairings.waiting()
        self._fill_show_combo(len(waiting))
        key = self.show_combo.currentData()
        is_waiting = key == WAITING
        if is_waiting:
            self.waiting_model.set_rows(waiting)
        else:
            rows = self.services.pairings.rows(None if key in (ALL, CURRENT) else key)
            if key == CURRENT:
                rows = [r for r in rows if r.status != PairingStatus.ENDED]
            self.pairings_model.set_rows(rows)
        self.waiting_view.setVisible(is_waiting)
        self.pairings_view.setVisible(not is_waiting)
        self._update_empty()

    def _update_empty(self) -> None:
        key = self.show_combo.currentData()
        if key == WAITING:
            shown = self.waiting_proxy.rowCount()
            text = (
                "Nobody is waiting for a mentor. People with a new, assessed or accepted "
                "referral and no pairing appear here."
            )
        else:
            shown = self.pairings_proxy.rowCount()
            text = (
                "No pairings here yet. Choose \u201cWaiting for a mentor\u201d and then "
                "\u201cFind a mentor\u201d to propose the first one."
            )
        if shown == 0 and self.find_edit.text().strip():
            text = "Nothing matches what you typed in Find."
        self.empty.setText(text)
        self.empty.setVisible(shown == 0)

    def selected_pairing_id(self) -> int | None:
        index = self.pairings_view.currentIndex()
        if not index.isValid() or not self.pairings_view.isVisible():
            return None
        return self.pairings_model.row_at(self.pairings_proxy.mapToSource(index).row()).id

    def selected_waiting_id(self) -> int | None:
        index = self.waiting_view.currentIndex()
        if not index.isValid():
            return None
        return self.waiting_model.row_at(self.waiting_proxy.mapToSource(index).row()).person_id

    def _on_show_changed(self, _index: int) -> None:
        self.refresh()

    def _on_find_changed(self, text: str) -> None:
        self.pairings_proxy.setFilterFixedString(text.strip())
        self.waiting_proxy.setFilterFixedString(text.strip())
        self._update_empty()

    def _shown_view(self) -> QTableView:
        return self.waiting_view if self.waiting_view.isVisible() else self.pairings_view

    def _on_shown_row_activated(self, index: QModelIndex) -> None:
        if self._shown_view() is self.waiting_view:
            self._on_waiting_activated(index)
        else:
            self._on_pairing_activated(index)

    def _on_pairing_activated(self, index: QModelIndex) -> None:
        row = self.pairings_model.row_at(self.pairings_proxy.mapToSource(index).row())
        self.pairing_opened.emit(row.id)

    def _on_waiting_activated(self, index: QModelIndex) -> None:
        row = self.waiting_model.row_at(self.waiting_proxy.mapToSource(index).row())
        self.match_requested.emit(row.person_id)

    def _on_match_clicked(self) -> None:
        person_id = self.selected_waiting_id() if self.waiting_view.isVisible() else None
        self.match_requested.emit(person_id if person_id is not None else 0)
