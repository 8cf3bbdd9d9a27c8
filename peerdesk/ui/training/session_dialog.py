"""Record a training session, or edit one: the day, how long, who trained (someone on record,
or an external name), the modules it covered (a list to tick) and who attended (type each
name and press Enter; a tick beside each says they completed it).

Saving is one service call: the session and every attendee's records for its modules are
written together, or nothing is."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from peerdesk.services import Services
from peerdesk.services.training.views import SessionDetails, TrainingSessionView
from peerdesk.ui.widgets.date_box import DateBox
from peerdesk.ui.widgets.form_rows import minutes_box, select_data
from peerdesk.ui.widgets.list_rows import keep_rows, keep_width
from peerdesk.ui.widgets.record_dialog import RecordDialog

ID_ROLE = Qt.ItemDataRole.UserRole


class NameLine(QLineEdit):
    """The attendee search: Enter lists the person named and never saves the dialog (a
    subclass rather than an event filter, as in the date box)."""

    entered = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            event.accept()
            self.entered.emit()
            return
        super().keyPressEvent(event)


class TrainingSessionDialog(RecordDialog):
    field_aliases = {
        "on": "session_date",
        "trainer_name": "trainer",
        "trainer_person_id": "trainer",
        "module": "module_ids",
    }
    session_saved = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(
            services,
            parent,
            title="Record a training session",
            intro="Each person listed gets a training record for each module ticked. Untick "
            "someone's box if they did not complete the session.",
        )
        self.reason = ""
        rows = self.rows
        self.on = rows.add(
            "&Date", DateBox(services.today(), today=services.today), field="session_date"
        )
        self.duration = rows.add(
            "&How long", minutes_box(180, maximum=7 * 24 * 60), field="duration_minutes"
        )
        self.trainer = rows.add("&Trainer on record", QComboBox(), field="trainer")
        self.trainer.addItem("Someone external (type their name below)", None)
        people = services.people.list_rows(include_archived=False)
        for person in sorted(people, key=lambda p: p.name.casefold()):
            self.trainer.addItem(person.name, person.id)
        self.trainer_name = rows.add(
            "E&xternal trainer's name", QLineEdit(), field="trainer_name_input"
        )
        self.modules = rows.add("&Modules covered", QListWidget(), field="module_ids")
        for module in services.training.modules(include_retired=False):
            self._add_module(module.id, module.name)
        # Eight modules in view at any text size (the dialog scrolls instead), and as wide as
        # the longest name where the screen has room (a list scrolled sideways hid their ends).
        keep_rows(self.modules)
        keep_width(self.modules)
        # A plain line, no suggestions list: Enter lists the one person the words name.
        self.search = rows.add(
            "Add an atte&ndee",
            NameLine(),
            field="search",
            # Under the input rather than in its label: a caption this long took half the
            # width from every input at the largest text.
            help_text="Type a name, then press Enter.",
        )
        self.hint = QLabel("", self)
        self.hint.setWordWrap(True)
        self.hint.hide()
        rows.add_wide(self.hint)
        # What a tick means is said at the top (untick someone who did not complete it).
        self.attendees = rows.add("&Who attended", QListWidget(), field="attendees")
        keep_rows(self.attendees)
        self.take_off = QPushButton("Ta&ke the chosen person off the list", self)
        self.take_off.setAutoDefault(False)
        rows.add_wide(self.take_off)
        self.notes = rows.add("N&otes", QPlainTextEdit(), field="notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 3 + 12)
        self.search.entered.connect(self._on_name_entered)
        self.take_off.clicked.connect(self._take_off)
        self.trainer.currentIndexChanged.connect(self._on_trainer_changed)
        self._names = {p.id: p.name for p in people}

    # -- the lists -------------------------------------------------------------------------
    def _add_module(self, module_id: int, name: str, checked: bool = False) -> QListWidgetItem:
        item = QListWidgetItem(name, self.modules)
        item.setData(ID_ROLE, module_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        return item

    def add_attendee(self, person_id: int, completed: bool = True, name: str = "") -> None:
        """List someone as attending (once: a second time just chooses them)."""
        for row in range(self.attendees.count()):
            item = self.attendees.item(row)
            if item.data(ID_ROLE) == person_id:
                self.attendees.setCurrentItem(item)
                return
        item = QListWidgetItem(name or self._names.get(person_id, f"Person {person_id}"))
        item.setData(ID_ROLE, person_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if completed else Qt.CheckState.Unchecked)
        self.attendees.addItem(item)
        self._show_hint(f"{item.text()} added ({self.attendees.count()} listed).")

    def _on_name_entered(self) -> None:
        """Enter in the search: the person whose name it is, or the only one whose name
        holds it, is listed; otherwise the hint says who matches."""
        typed = " ".join(self.search.text().split()).casefold()
        if not typed:
            return
        exact = [pid for pid, name in self._names.items() if name.casefold() == typed]
        matches = exact or [pid for pid, name in self._names.items() if typed in name.casefold()]
        if len(matches) == 1:
            self.add_attendee(matches[0])
            self.search.clear()
        elif not matches:
            self._on_unknown_name(self.search.text().strip())
        else:
            names = ", ".join(sorted(self._names[m] for m in matches)[:6])
            self._show_hint(f"{len(matches)} people match: {names}. Type more of the name.")

    def _take_off(self) -> None:
        row = self.attendees.currentRow()
        if row >= 0:
            self.attendees.takeItem(row)

    def _on_unknown_name(self, name: str) -> None:
        self._show_hint(
            f"Nobody called {name} is on record. Add them on the People screen first, then "
            "list them here."
        )

    def _show_hint(self, words: str) -> None:
        self.hint.setText(words)
        self.hint.setVisible(bool(words))

    def _on_trainer_changed(self, *_args: object) -> None:
        self.trainer_name.setEnabled(self.trainer.currentData() is None)

    def chosen_modules(self) -> list[int]:
        items = (self.modules.item(r) for r in range(self.modules.count()))
        return [i.data(ID_ROLE) for i in items if i.checkState() == Qt.CheckState.Checked]

    def listed(self) -> list[tuple[int, bool]]:
        items = (self.attendees.item(r) for r in range(self.attendees.count()))
        return [(i.data(ID_ROLE), i.checkState() == Qt.CheckState.Checked) for i in items]

    # -- saving ----------------------------------------------------------------------------
    def details(self) -> SessionDetails:
        return SessionDetails(
            on=self.on.day(),
            duration_minutes=self.duration.value(),
            module_ids=self.chosen_modules(),
            attendees=self.listed(),
            trainer_person_id=self.trainer.currentData(),
            trainer_name=self.trainer_name.text(),
            notes=self.notes.toPlainText(),
        )

    def load(self, view: TrainingSessionView) -> None:
        self.on.set_value(view.session_date)
        self.duration.setValue(view.duration_minutes)
        select_data(self.trainer, view.trainer_person_id)
        self.trainer_name.setText(view.trainer_name)
        listed = {self.modules.item(r).data(ID_ROLE) for r in range(self.modules.count())}
        for module_id, name in zip(view.module_ids, view.module_names, strict=True):
            if module_id not in listed:  # retired since: still shown, as it was covered
                self._add_module(module_id, name)
        for row in range(self.modules.count()):
            item = self.modules.item(row)
            checked = item.data(ID_ROLE) in view.module_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        for attendee in view.attendees:
            self.add_attendee(attendee.person_id, attendee.completed, attendee.name)
        self._show_hint("")
        self.notes.setPlainText(view.notes)

    def add_record(self) -> None:
        saved = self.services.training.record_session(self.details())
        self.session_saved.emit(saved.id)

    def update_record(self, record_id: int) -> None:
        saved = self.services.training.update_session(record_id, self.details(), self.reason)
        self.session_saved.emit(saved.id)
