"""The list of groups: search, show closed groups, open one, start a new one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services import Services
from peerdesk.ui.groups.table_models import GroupsFilterProxy, GroupsTableModel
from peerdesk.ui.widgets.flow_layout import FlowLayout, labelled
from peerdesk.ui.widgets.rows_model import ID_ROLE
from peerdesk.ui.widgets.search_box import SearchBox
from peerdesk.ui.widgets.tab_order import tab_in_order
from peerdesk.ui.widgets.tables import make_table


class GroupsList(QWidget):
    group_opened = Signal(int)
    new_group_requested = Signal()

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        layout = QVBoxLayout(self)
        heading = QLabel("<h2>Groups</h2>")
        heading.setAccessibleName("Groups")
        # Wraps onto two lines at large text sizes rather than squeezing the search box.
        top = FlowLayout()
        search_label = QLabel("F&ind")
        self.search = SearchBox(self)
        self.search.setPlaceholderText("Group name, place or facilitator")
        self.search.setAccessibleName("Find a group")
        self.search.setClearButtonEnabled(True)
        search_label.setBuddy(self.search)
        self.show_closed = QCheckBox("Show &closed groups", self)
        self.new_button = QPushButton("&New group…", self)
        layout.addWidget(heading)
        for widget in (labelled(search_label, self.search), self.show_closed, self.new_button):
            top.addWidget(widget)
        layout.addLayout(top)
        self._size_search()
        self.model = GroupsTableModel(self)
        self.proxy = GroupsFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        # One Tab stop (arrows move inside it), whole rows, cut-short cells show their text.
        self.table = make_table("Groups", self, sortable=True)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(GroupsTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.empty = QLabel("")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        # With no groups the table is hidden: this takes the room it leaves, so the heading,
        # the search row and the words stay together at the top instead of spreading out.
        layout.addStretch(0)
        # Tab as the page reads: the search box came last (it moved into its captioned pair).
        tab_in_order(self.search, self.show_closed, self.new_button, self.table)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.show_closed.toggled.connect(self._on_show_closed_toggled)
        self.new_button.clicked.connect(self.new_group_requested)
        self.table.activated.connect(self._on_table_activated)
        # Down from Find moves into the groups found; Enter opens the only one.
        self.search.lead_into(lambda: self.table, self._on_table_activated)

    def _size_search(self) -> None:
        """Wide enough for its hint in the text size in use."""
        metrics = self.search.fontMetrics()
        hint = metrics.horizontalAdvance(self.search.placeholderText())
        self.search.setMinimumWidth(hint + metrics.averageCharWidth() * 6)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._size_search()

    def refresh(self) -> None:
        self.model.set_rows(self.services.groups.rows())
        self._update_empty()

    def _update_empty(self) -> None:
        if not self.model.rowCount():
            text = (
                "No groups yet. Press “New group…” to add your first peer support group: "
                "a drop-in anyone may come to, or a closed group with members."
            )
        elif not self.proxy.rowCount():
            text = "No group matches. Clear the search, or tick “Show closed groups”."
        else:
            text = ""
        self.empty.setText(text)
        self.empty.setVisible(bool(text))
        self.table.setVisible(bool(self.proxy.rowCount()))

    def _on_search_text_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_empty()

    def _on_show_closed_toggled(self, show: bool) -> None:
        self.proxy.set_show_closed(show)
        self._update_empty()

    def _on_table_activated(self, index) -> None:
        self.group_opened.emit(index.data(ID_ROLE))
