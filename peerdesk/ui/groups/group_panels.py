"""The tabs of a group page: members (closed groups), facilitators, ground rules."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError
from peerdesk.services import Services
from peerdesk.services.groups.views import GroupView
from peerdesk.ui.groups.person_search import PersonSearch
from peerdesk.ui.groups.table_models import PeopleTableModel
from peerdesk.ui.widgets.date_box import DateBox
from peerdesk.ui.widgets.flow_layout import FlowLayout
from peerdesk.ui.widgets.full_text_tips import show_full_text_tips
from peerdesk.ui.widgets.rows_model import ID_ROLE
from peerdesk.ui.widgets.words import day


def people_table(model: PeopleTableModel, name: str) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    show_full_text_tips(table)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


class _PeoplePanel(QWidget):
    """A list of people with a name box to add one and a button to take one off."""

    changed = Signal()
    person_opened = Signal(int)

    def __init__(
        self, services: Services, headings: tuple[str, str], add_text: str, remove_text: str
    ) -> None:
        super().__init__()
        self.services = services
        self.group_id = 0
        layout = QVBoxLayout(self)
        self.model = PeopleTableModel(headings, self)
        self.table = people_table(self.model, headings[0])
        self.table.doubleClicked.connect(self._on_table_activated)
        self.empty = QLabel("")
        self.empty.setWordWrap(True)
        row = QHBoxLayout()
        label = QLabel(add_text)
        self.search = PersonSearch(self)
        self.search.setAccessibleName(add_text.replace("&", ""))
        label.setBuddy(self.search)
        self.remove = QPushButton(remove_text, self)
        self.remove.clicked.connect(self._on_remove_clicked)
        row.addWidget(label)
        row.addWidget(self.search, 1)
        row.addWidget(self.remove)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.search.person_chosen.connect(self._on_search_person_chosen)
        self.search.new_name_entered.connect(self._on_search_new_name_entered)
        self.search.hint_changed.connect(self._on_search_hint_changed)

    def show_group(self, group_id: int) -> None:
        self.group_id = group_id
        self.search.set_people(self.services.people.list_rows(include_archived=False))
        self.reload()

    def reload(self) -> None:
        raise NotImplementedError

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.data(index, ID_ROLE) if index.isValid() else None

    def _on_table_activated(self, index) -> None:
        self.person_opened.emit(self.model.data(index, ID_ROLE))

    def _on_search_hint_changed(self, text: str) -> None:
        if text:
            self.message.setText(text)

    def _on_search_new_name_entered(self, name: str) -> None:
        self.message.setText(
            f"Nobody called {name} is recorded yet. Add them on the People screen first "
            "(or type them into a meeting's register, which records new people)."
        )

    def _run(self, work) -> None:
        try:
            work()
        except PeerdeskError as error:
            self.message.setText(str(error))
            return
        self.reload()
        self.changed.emit()

    def _on_search_person_chosen(self, person_id: int) -> None:
        raise NotImplementedError

    def _on_remove_clicked(self) -> None:
        raise NotImplementedError


class MembersPanel(_PeoplePanel):
    def __init__(self, services: Services) -> None:
        super().__init__(services, ("Member", "Lately"), "&Add a member", "Has left the gr&oup")

    def reload(self) -> None:
        members = self.services.groups.member_lines(self.group_id)
        self.model.set_rows(
            [
                (m.person_id, m.name, "Regular" if m.is_regular else "Not often lately")
                for m in members
            ]
        )
        self.empty.setText(
            "" if members else "No members yet. Type a name below and press Enter to add one."
        )
        self.empty.setVisible(not members)
        self.remove.setEnabled(bool(members))

    def _on_search_person_chosen(self, person_id: int) -> None:
        name = self.services.people.get(person_id).display_name
        self._run(lambda: self.services.groups.add_member(self.group_id, person_id))
        self.message.setText(f"{name} is now a member.")

    def _on_remove_clicked(self) -> None:
        person_id = self.selected_id()
        if person_id is None:
            self.message.setText("Choose the member who has left in the list first.")
            return
        self._run(lambda: self.services.groups.remove_member(self.group_id, person_id))
        self.message.setText("Recorded as left today. Their attendance stays in the history.")


class FacilitatorsPanel(_PeoplePanel):
    def __init__(self, services: Services) -> None:
        super().__init__(
            services,
            ("Facilitator", "Hours in the last 12 months"),
            "&Add a facilitator",
            "Stop facilitati&ng",
        )

    def reload(self) -> None:
        # Hours over the group service's one "last 12 months", as on the group page.
        people = self.services.groups.facilitator_lines(self.group_id)
        self.model.set_rows([(p.person_id, p.name, f"{p.hours_last_12_months:g}") for p in people])
        self.empty.setText(
            "" if people else "No facilitators yet. Type a volunteer's name below and press Enter."
        )
        self.empty.setVisible(not people)
        self.remove.setEnabled(bool(people))

    def _current_ids(self) -> list[int]:
        return [person_id for person_id, _, _ in self.model.rows()]

    def _on_search_person_chosen(self, person_id: int) -> None:
        ids = [*self._current_ids(), person_id]
        self._run(lambda: self.services.groups.set_facilitators(self.group_id, ids))
        self.message.setText("")

    def _on_remove_clicked(self) -> None:
        person_id = self.selected_id()
        if person_id is None:
            self.message.setText("Choose the facilitator in the list first.")
            return
        ids = [pid for pid in self._current_ids() if pid != person_id]
        self._run(lambda: self.services.groups.set_facilitators(self.group_id, ids))
        self.message.setText("Their past meetings still count towards their hours.")


class GroundRulesPanel(QWidget):
    """The group agreement, in the members' own words, and when it was last reviewed."""

    changed = Signal()

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.group_id = 0
        layout = QVBoxLayout(self)
        label = QLabel("Ground rules (the group &agreement, as the members set them)")
        label.setWordWrap(True)  # one long line at the largest text size
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName("Ground rules")
        self.text.setPlaceholderText(
            "For example: What is said in the group stays in the group. Everyone can pass."
        )
        label.setBuddy(self.text)
        # Wraps at the largest text size rather than making the page scroll sideways.
        row = FlowLayout()
        self.reviewed = QCheckBox("Reviewed &with members on", self)
        self.reviewed.setAccessibleName("Reviewed with members")
        self.reviewed_on = DateBox(None, self, today=services.today)
        self.reviewed_on.setAccessibleName("Date reviewed with members")
        self.reviewed.toggled.connect(self.reviewed_on.setEnabled)
        self.save_button = QPushButton("Save grou&nd rules", self)
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.reviewed)
        row.addWidget(self.reviewed_on)
        row.addWidget(self.save_button)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.text, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)

    def show_group(self, group_id: int) -> None:
        self.group_id = group_id
        group = self.services.groups.get(group_id)
        self.text.setPlainText(group.ground_rules)
        when = group.ground_rules_reviewed_on
        self.reviewed.setChecked(when is not None)
        self.reviewed_on.setEnabled(when is not None)
        self.reviewed_on.set_value(when or self.services.today())
        self.status.setText(self._status(group))

    @staticmethod
    def _status(group: GroupView) -> str:
        when = group.ground_rules_reviewed_on
        if when is None:
            return (
                "No review with members is recorded yet. Agree the rules together and tick the box."
            )
        # Due or not is the group service's rule, the same as Today's reminder.
        if group.ground_rules_due:
            return f"Last reviewed on {day(when)}: over a year ago, so it is time to look at them together."
        return f"Last reviewed with members on {day(when)}."

    def save(self) -> None:
        try:
            when = self.reviewed_on.day() if self.reviewed.isChecked() else None
            group = self.services.groups.update_ground_rules(
                self.group_id, self.text.toPlainText(), when
            )
        except PeerdeskError as error:
            self.status.setText(f"Not saved yet: {error}")
            return
        self.status.setText("Saved. " + self._status(group))
        self.changed.emit()
