"""The People screen: everyone, searchable as you type, filtered by role, status, condition
and area; opening a person shows their page in the same place."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import NotFoundError
from peerdesk.services import Services
from peerdesk.services.people.views import PersonRow
from peerdesk.ui.people.person_dialog import PersonDialog
from peerdesk.ui.people.person_page import PersonPage
from peerdesk.ui.people.table_model import (
    NAME,
    PERSON_ID_ROLE,
    PeopleFilterProxy,
    PeopleTableModel,
)
from peerdesk.ui.screens.base import Screen
from peerdesk.ui.widgets import EmptyState
from peerdesk.ui.widgets.full_text_tips import show_full_text_tips
from peerdesk.ui.widgets.list_rows import keep_rows
from peerdesk.ui.widgets.page_stack import PageStack
from peerdesk.ui.widgets.search_box import SearchBox
from peerdesk.vocabulary import Role

ANY = "Any"


def _filter_box(name: str) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(name)
    # Long choices must not push the window wider than a laptop screen at large text sizes.
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(10)
    return box


class PeopleScreen(Screen):
    def __init__(self, services: Services, settings: QSettings) -> None:
        super().__init__(services, settings)
        self.model = PeopleTableModel(self)
        self.proxy = PeopleFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.stack = PageStack(self)
        self.list_page = self._build_list()
        # Down from the search box moves into the people found; Enter opens the only one.
        self.search.lead_into(lambda: self.table, self._on_row_activated)
        self.person_page = PersonPage(services, settings, self)
        self.person_page.back_requested.connect(self._on_back_requested)
        self.person_page.record_requested.connect(self.record_requested)
        self.person_page.person_changed.connect(self._on_person_changed)
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.person_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        # Alt+Left back to everyone is the person page's "← Everyone" button's own key (a
        # shortcut of the screen as well made the key ambiguous: Qt then does neither).
        self._loaded = False

    def _build_list(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        heading = QLabel("<h2>People</h2>")
        top.addWidget(heading)
        top.addStretch(1)
        self.add_button = QPushButton("A&dd a person…")
        self.add_button.clicked.connect(self.new_record)
        top.addWidget(self.add_button)
        layout.addLayout(top)

        self.search = SearchBox()
        self.search.setPlaceholderText("Type part of a name, phone number, email or postcode")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search people")
        self.search.textChanged.connect(self._on_search_changed)
        search_label = QLabel("&Search:")
        search_label.setBuddy(self.search)

        self.role_filter = _filter_box("Role")
        self.status_filter = _filter_box("Status")
        self.condition_filter = _filter_box("Condition")
        self.area_filter = _filter_box("Area")
        self.archived_box = QCheckBox("Show archived &people")
        grid = QGridLayout()
        grid.addWidget(search_label, 0, 0)
        grid.addWidget(self.search, 0, 1, 1, 3)
        for number, (text, box) in enumerate(
            (
                ("R&ole:", self.role_filter),
                ("S&tatus:", self.status_filter),
                ("&Condition:", self.condition_filter),
                ("&Area:", self.area_filter),
            )
        ):
            label = QLabel(text)
            label.setBuddy(box)
            row, column = 1 + number // 2, (number % 2) * 2
            grid.addWidget(label, row, column)
            grid.addWidget(box, row, column + 1)
            box.currentIndexChanged.connect(self._on_filters_changed)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout.addLayout(grid)
        filters_row = QHBoxLayout()
        filters_row.addWidget(self.archived_box)
        self.clear_button = QPushButton("Sho&w everyone")
        self.clear_button.clicked.connect(self._on_clear_clicked)
        filters_row.addWidget(self.clear_button)
        filters_row.addStretch(1)
        self.count_label = QLabel()
        filters_row.addWidget(self.count_label)
        layout.addLayout(filters_row)
        self.archived_box.toggled.connect(self._on_filters_changed)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("People")
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        show_full_text_tips(self.table)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._on_row_activated)
        self.empty = EmptyState()
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        hint = QLabel("Press Enter or double-click a person to open their page.")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        return page

    # -- Screen ------------------------------------------------------------------------------
    def refresh(self) -> None:
        rows = self.services.people.list_rows()
        self.model.set_rows(rows)
        # Eight rows at any text size (set here: the text size may have changed since); at
        # the largest text on a laptop the screen then scrolls as a whole.
        keep_rows(self.table)
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._fill_filters(rows)
        if not self._loaded:
            self._size_columns()
            self._loaded = True
        self._update_count()
        if self.stack.currentWidget() is self.person_page and self.person_page.person_id:
            try:
                self.person_page.show_person(self.person_page.person_id)
            except NotFoundError:
                self.stack.setCurrentWidget(self.list_page)

    def show_record(self, kind: str, record_id: int) -> bool:
        if kind != "person":
            return False
        try:
            self.person_page.show_person(record_id)
        except NotFoundError:
            return False
        self.stack.setCurrentWidget(self.person_page)
        self.person_page.edit_button.setFocus()
        return True

    def print_record(self) -> bool:
        if self.stack.currentWidget() is not self.person_page:
            return False
        self.person_page.print_button.showMenu()
        return True

    def new_record(self) -> bool:
        dialog = PersonDialog(self.services, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.saved_person is None:
            return True
        assert dialog.saved_person.id is not None
        self.refresh()
        self.show_record("person", dialog.saved_person.id)
        return True

    def focus_search(self) -> bool:
        self.stack.setCurrentWidget(self.list_page)
        self.search.setFocus()
        self.search.selectAll()
        return True

    # -- filters -------------------------------------------------------------------------------
    def _fill_filters(self, rows: list[PersonRow]) -> None:
        statuses = sorted({row.status for row in rows if not row.archived})
        conditions = sorted({c for row in rows for c in row.conditions}, key=str.casefold)
        areas = sorted({row.area for row in rows if row.area}, key=str.casefold)
        self._refill(self.role_filter, [(r.label, r.value) for r in Role])
        self._refill(self.status_filter, [(s, s) for s in statuses] + [("Archived", "Archived")])
        self._refill(self.condition_filter, [(c, c) for c in conditions])
        self._refill(self.area_filter, [(a, a) for a in areas])

    @staticmethod
    def _refill(box: QComboBox, options: list[tuple[str, str]]) -> None:
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(ANY, None)
        for text, value in options:
            box.addItem(text, value)
        box.setCurrentIndex(max(box.findData(current), 0) if current is not None else 0)
        box.blockSignals(False)

    def _on_filters_changed(self, *_args: object) -> None:
        self.proxy.set_filters(
            role=self.role_filter.currentData(),
            status=self.status_filter.currentData(),
            condition=self.condition_filter.currentData(),
            area=self.area_filter.currentData(),
            include_archived=self.archived_box.isChecked(),
        )
        self._update_count()

    def _on_search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def _on_clear_clicked(self) -> None:
        for box in (self.role_filter, self.status_filter, self.condition_filter, self.area_filter):
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self.archived_box.setChecked(False)
        self.search.clear()
        self._on_filters_changed()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(f"Showing {shown} of {total}")
        self.table.setVisible(shown > 0)
        self.empty.setVisible(shown == 0)
        if total == 0:
            self.empty.say(
                "Nobody is recorded yet. Choose “Add a person…” to add the first person you "
                "support or the first volunteer."
            )
        elif shown == 0:
            self.empty.say(
                "Nobody matches that search and those filters. Try fewer letters, or choose "
                "“Show everyone”."
            )

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        for column, characters in enumerate((26, 22, 22, 16)):
            header.resizeSection(column, metrics.averageCharWidth() * characters)

    # -- opening -------------------------------------------------------------------------------
    def _on_row_activated(self, index: QModelIndex) -> None:
        person_id = index.data(PERSON_ID_ROLE)
        if isinstance(person_id, int):
            self.show_record("person", person_id)

    def _on_back_requested(self) -> None:
        self.stack.setCurrentWidget(self.list_page)
        self.table.setFocus()

    def _on_person_changed(self, _person_id: int) -> None:
        rows = self.services.people.list_rows()
        self.model.set_rows(rows)
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._fill_filters(rows)
        self._update_count()
