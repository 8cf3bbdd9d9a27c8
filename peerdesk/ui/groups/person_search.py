"""Type a name, press Enter: a line edit that finds a recorded person or offers a new one.

Made for typing in a paper register with the keyboard alone. Enter on a name that belongs to
exactly one person chooses them; Down then Enter picks from the suggestions; a name nobody
has is offered as a new person: `confirm_new` asks (the register asks "Add … as a new
person?"), or without it a second Enter confirms it. A half-typed name never quietly becomes
a new record.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from peerdesk.services.people.views import PersonRow


def labels_for(rows: list[PersonRow]) -> dict[str, int]:
    """A unique label for each person: the name, then the area, then the number if needed."""
    by_label: dict[str, list[PersonRow]] = {}
    for row in rows:
        label = f"{row.name} ({row.area})" if row.area else row.name
        by_label.setdefault(label, []).append(row)
    result: dict[str, int] = {}
    for label, same in by_label.items():
        if len(same) == 1:
            result[label] = same[0].id
        else:
            for row in same:
                result[f"{label} · no. {row.id}"] = row.id
    return result


class PersonSearch(QLineEdit):
    person_chosen = Signal(int)
    new_name_entered = Signal(str)
    hint_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self._labels: dict[str, int] = {}
        self._names: dict[str, list[int]] = {}
        self._pending_new = ""
        #: Asked (name, whether recorded names are like it) before a new person is offered;
        #: False keeps the name in the box to be put right.
        self.confirm_new: Callable[[str, bool], bool] | None = None
        self._model = QStringListModel(self)
        self.completer_ = QCompleter(self._model, self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer_.setMaxVisibleItems(8)
        self.setCompleter(self.completer_)
        self.completer_.activated[str].connect(self._on_completer_activated)  # type: ignore[index]
        # Our filter runs before the completer's: Enter with no suggestion highlighted is ours.
        popup = self.completer_.popup()
        assert popup is not None
        self.popup = popup
        popup.installEventFilter(self)
        self.returnPressed.connect(self._on_return_pressed)
        self.textEdited.connect(self._on_text_edited)

    def set_people(self, rows: list[PersonRow]) -> None:
        self._labels = labels_for([r for r in rows if not r.archived])
        self._names = {}
        for row in rows:
            if not row.archived:
                self._names.setdefault(row.name.casefold(), []).append(row.id)
        self._model.setStringList(sorted(self._labels, key=str.casefold))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The event type first: during teardown Qt still sends events here after the
        # Python attributes are gone, and only key presses need them.
        if (
            event.type() == QEvent.Type.KeyPress
            and watched is getattr(self, "popup", None)
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and not self.popup.currentIndex().isValid()
        ):
            self.popup.hide()
            self._on_return_pressed()
            return True
        return super().eventFilter(watched, event)

    def _on_text_edited(self, _text: str) -> None:
        if self._pending_new:
            self._pending_new = ""
            self.hint_changed.emit("")

    def _on_completer_activated(self, label: str) -> None:
        person_id = self._labels.get(label)
        if person_id is not None:
            self._choose(person_id)

    def _on_return_pressed(self) -> None:
        text = " ".join(self.text().split())
        if not text:
            return
        folded = text.casefold()
        exact = [pid for label, pid in self._labels.items() if label.casefold() == folded]
        same_name = self._names.get(folded, [])
        if exact:
            self._choose(exact[0])
        elif len(same_name) == 1:
            self._choose(same_name[0])
        elif same_name:
            self.hint_changed.emit(
                f"{len(same_name)} people are called {text}: press Down to choose the right one."
            )
            self.completer_.complete()
        elif self.confirm_new is not None:
            if self.confirm_new(text, self._similar(folded)):
                self.new_name_entered.emit(text)
                self._clear_soon()
        elif self._pending_new == folded or not self._similar(folded):
            self._pending_new = ""
            self.new_name_entered.emit(text)
            self._clear_soon()
        else:
            self._pending_new = folded
            self.hint_changed.emit(
                f"Nobody is called exactly “{text}”. Press Down to choose from the suggestions, "
                "or Enter again to add them as a new person."
            )

    def _similar(self, folded: str) -> bool:
        return any(folded in label.casefold() for label in self._labels)

    def _choose(self, person_id: int) -> None:
        self._pending_new = ""
        self.person_chosen.emit(person_id)
        self._clear_soon()

    def _clear_soon(self) -> None:
        # The completer writes its choice into the line after `activated`; clear after it.
        self.clear()
        self.hint_changed.emit("")
        QTimer.singleShot(0, self, self.clear)
