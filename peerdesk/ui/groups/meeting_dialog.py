"""The meeting dialog: take a group's register fast, in the room or from paper afterwards.

Keyboard path: the date, then the name box (type a name, Enter; again and again), Tab to the
unnamed count, type it, Ctrl+Enter saves. Space ticks a member in the register; Delete
unticks (or removes someone new typed by mistake). A name nobody recorded has becomes a new
person only when the coordinator says Yes to "Add … as a new person?" (Alt+Y; Enter is No).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import ValidationError
from peerdesk.services import Services
from peerdesk.services.groups.views import MeetingRecord
from peerdesk.services.mentoring.views import ConcernDetails
from peerdesk.ui.groups.person_search import PersonSearch
from peerdesk.ui.groups.register_model import RegisterModel
from peerdesk.ui.widgets.date_box import DateBox
from peerdesk.ui.widgets.form_rows import FormRows, minutes_box
from peerdesk.ui.widgets.list_rows import keep_rows
from peerdesk.ui.widgets.record_dialog import RecordDialog
from peerdesk.ui.widgets.words import day, plural


class MeetingDialog(RecordDialog):
    meeting_saved = Signal(int)

    def __init__(
        self,
        services: Services,
        group_id: int,
        meeting_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.group = services.groups.get(group_id)
        verb = "Edit the register" if meeting_id else "Take the register"
        super().__init__(services, parent, title=f"{verb}: {self.group.name}")
        self.group_id = group_id
        self.meeting_id = meeting_id
        self._build()
        self._load()

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.resize(640, 720)
        self._build_top()
        self._build_register()
        self._build_bottom()
        self.save_button.setText("&Save (Ctrl+Enter)")
        for button in self.buttons.buttons():
            # Enter adds a name; only Ctrl+Enter (or a click) saves.
            if not isinstance(button, QPushButton):
                continue
            button.setAutoDefault(False)
            button.setDefault(False)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self.accept)
        self.search.confirm_new = self._confirm_new_person
        self.search.person_chosen.connect(self._on_search_person_chosen)
        self.search.new_name_entered.connect(self._on_search_new_name_entered)
        self.search.hint_changed.connect(self._on_search_hint_changed)
        self.model.changed.connect(self._on_register_changed)
        self.unnamed.valueChanged.connect(self._on_register_changed)
        self.date_edit.date_changed.connect(self._on_date_changed)
        self.concern.toggled.connect(self.concern_box.setVisible)
        self.setTabOrder(self.date_edit, self.duration)
        self.setTabOrder(self.duration, self.venue)

    def _build_top(self) -> None:
        rows = self.rows
        # A date after today is refused on saving (the service says so, under the date).
        self.date_edit = rows.add(
            "&Date", DateBox(self.services.today(), today=self.services.today), field="meeting_date"
        )
        self.date_edit.setAccessibleName("Date of the meeting")
        self.duration = rows.add("&Length", minutes_box(0), field="duration_minutes")
        self.duration.setAccessibleName("How long the meeting lasted, in minutes")
        self.venue = rows.add("&Venue", QLineEdit(), field="venue")
        self.venue.setAccessibleName("Where the meeting was held")
        # One tick list, not a tick box per facilitator: people's names cannot each take an
        # access key, so the list is one Tab stop (its label's Alt+P reaches it), the arrow
        # keys move between the names and Space ticks one.
        self.facilitator_list = QListWidget(self)
        self.facilitator_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.facilitators_none = QLabel(
            "No facilitators are set for this group (add them on the group page).", self
        )
        self.facilitators_none.setWordWrap(True)
        rows.add(
            "Facilitators &present",
            self.facilitator_list,
            field="facilitator_ids",
            tip="Arrow keys move between the names; Space ticks who was there.",
        )
        # Under the list, in its row: the words said when there is nobody to list.
        holder = self.facilitator_list.parentWidget()
        column = holder.layout() if holder is not None else None
        if isinstance(column, QVBoxLayout):
            column.insertWidget(1, self.facilitators_none)
        self.facilitators_label = rows.labels["facilitator_ids"]

    def _build_register(self) -> None:
        register = QGroupBox("Register", self)
        reg = QVBoxLayout(register)
        search_label = QLabel("&Add a name (type, then Enter)")
        self.search = PersonSearch(self)
        self.search.setPlaceholderText("First name, or full name of someone recorded")
        self.search.setAccessibleName("Add a name to the register")
        search_label.setBuddy(self.search)
        self.hint = QLabel("", self)
        self.hint.setWordWrap(True)
        self.hint.hide()
        self.model = RegisterModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Register: who came")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(1, self.fontMetrics().horizontalAdvance("New or returning") + 32)
        self.table.setTabKeyNavigation(False)
        keep_rows(self.table)  # eight names in view at any text size (the window scrolls)
        self.table.installEventFilter(self)
        table_label = QLabel("&Who came")
        table_label.setBuddy(self.table)
        self.empty = QLabel(
            "Nobody is listed yet. Type each name from the register above and press Enter."
        )
        self.empty.setWordWrap(True)
        for widget in (search_label, self.search, self.hint, table_label, self.empty, self.table):
            reg.addWidget(widget)
        unnamed_rows = self.add_form(reg)
        self.unnamed = QSpinBox(self)
        self.unnamed.setRange(0, 1000)
        unnamed_rows.add("&Unnamed drop-in attendees", self.unnamed, field="unnamed_attendees")
        self.totals = QLabel("", self)
        reg.addWidget(self.totals)
        self.body.addWidget(register, 1)

    def _build_bottom(self) -> None:
        bottom = self.add_form()
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        bottom.add("Short &note", self.note, field="note")
        self.note.setAccessibleName("Short note about the meeting")
        self.concern = QCheckBox("Something worrying came up: record a &concern", self)
        self.concern.setAccessibleName("Record a concern")
        bottom.add_wide(self.concern)
        self.concern_box = QWidget(self)
        concern_form = QFormLayout(self.concern_box)
        concern_form.setContentsMargins(0, 0, 0, 0)
        concern_rows = self.adopt_form(FormRows(concern_form))
        self.concern_what = QPlainTextEdit(self)
        self.concern_what.setTabChangesFocus(True)
        self.concern_what.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        concern_rows.add("&What happened", self.concern_what, field="concern_what")
        self.concern_what.setAccessibleName("What the concern is")
        self.concern_told = concern_rows.add("Who was &told", QLineEdit(), field="who_was_told")
        self.concern_box.setVisible(False)
        bottom.add_wide(self.concern_box)

    # -- loading -------------------------------------------------------------------------
    def _load(self) -> None:
        self.search.set_people(self.services.people.list_rows(include_archived=False))
        if self.meeting_id is None:
            record = MeetingRecord(
                meeting_date=self.services.today(),
                duration_minutes=self.group.usual_duration_minutes,
                venue=self.group.venue,
                facilitator_ids=[p.id for p in self.services.groups.facilitators(self.group_id)],
            )
        else:
            record = self.services.groups.meeting_record(self.meeting_id)
        self._already_flagged = bool(record.concern_flag)
        d = record.meeting_date
        self.date_edit.blockSignals(True)
        self.date_edit.set_value(d)
        self.date_edit.blockSignals(False)
        self._loaded_date = d
        self.duration.setValue(record.duration_minutes or 0)
        self.venue.setText(record.venue or "")
        self.unnamed.setValue(record.unnamed_attendees)
        self.note.setPlainText(record.note)
        self._fill_facilitators(record.facilitator_ids or [])
        if self._already_flagged:
            self.concern.setChecked(True)
            self.concern.setEnabled(False)
            self.concern.setText("A concern was recorded for this meeting (see Concerns).")
        self.model.set_candidates(
            self.services.groups.register_candidates(self.group_id, d, self.meeting_id)
        )
        self.search.setFocus()

    def _fill_facilitators(self, present: list[int]) -> None:
        people = {p.id: p for p in self.services.groups.facilitators(self.group_id)}
        if self.meeting_id is not None:
            people.update(
                {p.id: p for p in self.services.groups.meeting_facilitators(self.meeting_id)}
            )
        listing = self.facilitator_list
        for person_id, person in sorted(people.items(), key=lambda kv: kv[1].name):
            item = QListWidgetItem(person.name, listing)
            item.setData(Qt.ItemDataRole.UserRole, person_id)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            ticked = person_id in present
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        if people:
            listing.setCurrentRow(0)
            # As tall as its names (up to eight; more scroll), never a tall empty box.
            shown = min(len(people), 8)
            listing.ensurePolished()  # the theme's row padding counts in a row's height
            frame = 2 * listing.frameWidth()
            listing.setFixedHeight(listing.sizeHintForRow(0) * shown + frame)
        listing.setVisible(bool(people))
        self.facilitators_none.setVisible(not people)
        self.setTabOrder(self.venue, listing)
        self.setTabOrder(listing, self.search)

    def facilitator_ids(self) -> list[int]:
        """The facilitators ticked as present, in the list's order (by name)."""
        listing = self.facilitator_list
        return [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in (listing.item(row) for row in range(listing.count()))
            if item is not None and item.checkState() == Qt.CheckState.Checked
        ]

    # -- reading the form ----------------------------------------------------------------
    def meeting_date(self) -> date:
        """The date typed, or (while what is typed is not a date) the one it started at."""
        return self.date_edit.readable_value() or self._loaded_date

    def record(self) -> MeetingRecord:
        return MeetingRecord(
            meeting_date=self.date_edit.day(),
            duration_minutes=self.duration.value(),
            venue=self.venue.text(),
            attendee_ids=self.model.present_ids(),
            new_people=self.model.new_people(),
            unnamed_attendees=self.unnamed.value(),
            facilitator_ids=self.facilitator_ids(),
            note=self.note.toPlainText(),
            concern_flag=self.concern.isChecked(),
        )

    # -- saving --------------------------------------------------------------------------
    def write(self) -> None:
        raise_concern = self.concern.isChecked() and not self._already_flagged
        what = self.concern_what.toPlainText().strip()
        if raise_concern and not what:
            raise ValidationError(
                "Please say briefly what the concern is, or untick the box.", "concern_what"
            )
        record = self.record()
        if raise_concern:
            # raise_concern sets the flag with the concern record itself.
            record.concern_flag = False
        if self.meeting_id is None:
            meeting = self.services.groups.hold_meeting(self.group_id, record)
        else:
            meeting = self.services.groups.update_meeting(self.meeting_id, record)
        assert meeting.id is not None
        self.meeting_id = meeting.id
        if raise_concern:
            self.services.sessions.raise_concern(
                ConcernDetails(
                    raised_on=record.meeting_date,
                    what=what,
                    who_was_told=self.concern_told.text(),
                ),
                group_meeting_id=meeting.id,
            )
            self._already_flagged = True
        self.meeting_saved.emit(meeting.id)

    # -- reacting ------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.accept()
            # A plain Enter never closes the dialog: it is how names are added.
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The event type first: during teardown Qt still sends events here after the
        # Python attributes are gone, and only key presses need them.
        if (
            event.type() == QEvent.Type.KeyPress
            and watched is getattr(self, "table", None)
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            self.model.remove_row(self.table.currentIndex().row())
            return True
        return super().eventFilter(watched, event)

    def _on_search_person_chosen(self, person_id: int) -> None:
        returning = bool(
            self.services.groups.returning_ids(
                self.group_id, [person_id], self.meeting_date(), self.meeting_id
            )
        )
        name = self.services.people.get(person_id).display_name
        row = self.model.tick(person_id, name, returning)
        self.table.scrollTo(self.model.index(row, 0))
        self._say(f"{name} added.")

    def _confirm_new_person(self, name: str, similar: bool) -> bool:
        """Ask before a name nobody has becomes a new person (No is the default: a name
        typed wrong, then Enter twice, adds nobody)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Add a new person?")
        box.setAccessibleName("Add a new person?")
        box.setText(f"Add {name} as a new person?")
        if similar:
            more = (
                f"Nobody recorded is called exactly {name}, but some names are like it. "
                "Choose No, then press Down to choose from the suggestions."
            )
        else:
            more = f"Nobody recorded is called {name}. They are added when the register is saved."
        box.setInformativeText(more)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        box.exec()
        if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
            return True
        self._say(
            f"{name} was not added. Put the name right, or press Down to choose someone recorded."
        )
        return False

    def _on_search_new_name_entered(self, name: str) -> None:
        row = self.model.add_new_person(name)
        self.table.scrollTo(self.model.index(row, 0))
        self._say(f"{name} added as someone new to peerdesk.")

    def _on_search_hint_changed(self, text: str) -> None:
        if text:
            self._say(text)

    def _say(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def _on_date_changed(self) -> None:
        ids = [ln.person_id for ln in self.model.lines if ln.person_id is not None]
        self.model.set_returning(
            self.services.groups.returning_ids(
                self.group_id, ids, self.meeting_date(), self.meeting_id
            )
        )

    def _on_register_changed(self, *_args: object) -> None:
        named, new = self.model.counts()
        unnamed = self.unnamed.value()
        self.empty.setVisible(not self.model.lines)
        self.table.setVisible(bool(self.model.lines))
        self.totals.setText(
            f"{plural(named, 'named person', 'named people')} ({new} new) and {unnamed} unnamed: "
            f"<b>{plural(named + unnamed, 'attendance')}</b> on {day(self.meeting_date())}."
        )
