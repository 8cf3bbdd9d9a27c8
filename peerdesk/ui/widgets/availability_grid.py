"""When someone can meet and how: tick boxes for the days of the week × morning, afternoon and
evening, and a row of the ways of meeting (face to face, phone, video, walk and talk).

Used wherever availability is recorded (the person's Availability dialog, a new referral), so
one widget holds the keyboard behaviour: Tab reaches the grid once (on the box last used) and
leaves it again, the arrow keys move between the boxes, Space ticks. Twenty-one tab stops for
the times alone made the dialog slow to cross by keyboard. The ways to meet are a second
group that works the same way. The arrow keys are handled by the boxes themselves (a
`keyPressEvent` override, no event filter: Python in an event filter crashed PySide6 while
windows were being torn down).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.vocabulary import MeetingMode, PartOfDay, Weekday

Slot = tuple[Weekday, PartOfDay]

#: Arrow key → (rows, columns) to move.
_STEPS: dict[int, tuple[int, int]] = {
    Qt.Key.Key_Left: (0, -1),
    Qt.Key.Key_Right: (0, 1),
    Qt.Key.Key_Up: (-1, 0),
    Qt.Key.Key_Down: (1, 0),
}

#: "Any weekday daytime": Monday to Friday, mornings and afternoons.
WEEKDAY_DAYTIME: tuple[Slot, ...] = tuple(
    (day, part) for day in list(Weekday)[:5] for part in (PartOfDay.MORNING, PartOfDay.AFTERNOON)
)

_HOW_TO_MOVE = "Arrow keys move between the boxes; Space ticks."

#: The ways to meet with an access key each (Alt+N ticks or unticks Phone). The letters, and
#: the quick buttons' K and L, are free both in the Availability dialog and on New referral's
#: "When and how to meet" tab, the two places the grid is used.
MODE_TEXTS: dict[MeetingMode, str] = {
    MeetingMode.FACE_TO_FACE: "Fa&ce to face",
    MeetingMode.PHONE: "Pho&ne",
    MeetingMode.VIDEO: "V&ideo",
    MeetingMode.WALK_AND_TALK: "Walk an&d talk",
}


class _GridBox(QCheckBox):
    """A tick box that asks its grid where the arrow keys go."""

    def __init__(
        self,
        text: str,
        place: tuple[int, int],
        mover: Callable[[tuple[int, int], tuple[int, int]], bool],
        parent: QWidget,
    ) -> None:
        super().__init__(text, parent)
        self.place = place
        self._mover = mover

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = _STEPS.get(event.key())
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if step is not None and plain:
            # Taken even at an edge: a tick box's own arrow keys would jump along the whole
            # tab order, out of the grid.
            self._mover(self.place, step)
            event.accept()
            return
        super().keyPressEvent(event)


class AvailabilityGrid(QWidget):
    """Days × parts of the day, and the ways to meet. `value()` gives what is ticked."""

    #: Any box ticked or unticked, by hand or by `set_value`.
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Availability and ways to meet")
        # Boxes the size of the text: Qt's fixed 13-pixel box is a hard target at the larger
        # text sizes, and a grid of them is the whole of this widget.
        self.setStyleSheet("QCheckBox::indicator { width: 0.8em; height: 0.8em; }")
        #: (row, column) → box. Rows 0–6 are the days; the ways to meet are the last row.
        self._boxes: dict[tuple[int, int], _GridBox] = {}
        self.slot_boxes: dict[Slot, QCheckBox] = {}
        self.mode_boxes: dict[MeetingMode, QCheckBox] = {}
        self._mode_row = len(Weekday)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_grid())
        layout.addLayout(self._build_quick_buttons())
        hint = QLabel(_HOW_TO_MOVE, self)
        hint.setObjectName("hint")
        layout.addWidget(hint)
        modes_caption = QLabel("Ways to meet", self)
        layout.addWidget(modes_caption)
        modes = QHBoxLayout()
        for column, mode in enumerate(MeetingMode):
            box = self._add_box(MODE_TEXTS[mode], (self._mode_row, column))
            box.setAccessibleName(f"Can meet by {mode.label.lower()}")
            modes.addWidget(box)
            self.mode_boxes[mode] = box
        modes.addStretch(1)
        layout.addLayout(modes)
        # The caption's access key ("&Availability") focuses its buddy only if the buddy takes
        # the focus: it does, passing it to the times' tab stop (the focus proxy). Click, not
        # Tab: Tab already stops on that box. Set before there is a proxy, as Qt passes a
        # policy set later on to the proxy too (the box would lose its Tab stop).
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        # One tab stop per group, on its first box until another is used.
        self._tab_stops: dict[bool, _GridBox] = {}
        self._make_tab_stop(self._boxes[(0, 0)])
        self._make_tab_stop(self._boxes[(self._mode_row, 0)])

    def _build_grid(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        for column, part in enumerate(PartOfDay, start=1):
            grid.addWidget(QLabel(part.label, self), 0, column, Qt.AlignmentFlag.AlignCenter)
        for row, day in enumerate(Weekday):
            grid.addWidget(QLabel(day.label, self), row + 1, 0)
            for column, part in enumerate(PartOfDay):
                box = self._add_box("", (row, column))
                box.setAccessibleName(f"{day.label} {part.label.lower()}")
                grid.addWidget(box, row + 1, column + 1, Qt.AlignmentFlag.AlignCenter)
                self.slot_boxes[(day, part)] = box
        grid.setColumnStretch(len(PartOfDay) + 1, 1)
        return grid

    def _build_quick_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.weekday_daytime_button = QPushButton("Any wee&kday daytime", self)
        self.weekday_daytime_button.setToolTip(
            "Tick Monday to Friday, mornings and afternoons, and nothing else"
        )
        self.clear_button = QPushButton("C&lear times", self)
        self.clear_button.setToolTip("Untick every day and time")
        for button in (self.weekday_daytime_button, self.clear_button):
            # Enter on these would otherwise press them instead of the dialog's Save.
            button.setAutoDefault(False)
            button.setAccessibleDescription(button.toolTip())
            row.addWidget(button)
        row.addStretch(1)
        self.weekday_daytime_button.clicked.connect(lambda: self._set_slots(WEEKDAY_DAYTIME))
        self.clear_button.clicked.connect(lambda: self._set_slots(()))
        return row

    def _add_box(self, text: str, place: tuple[int, int]) -> _GridBox:
        box = _GridBox(text, place, self._move, self)
        box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        # Qt's Fusion style draws a box's outline a shade darker than the window: invisible
        # on the high-contrast dark theme's black, faint on white. A grid of unticked boxes
        # must show, so the outline here is the text colour's shade instead.
        palette = box.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.WindowText))
        box.setPalette(palette)
        box.setAccessibleDescription(_HOW_TO_MOVE)
        box.toggled.connect(self._on_box_toggled)
        box.clicked.connect(lambda _checked, box=box: self._make_tab_stop(box))
        self._boxes[place] = box
        return box

    # -- the value ---------------------------------------------------------------------------
    def value(self) -> tuple[list[Slot], list[MeetingMode]]:
        """What is ticked: the times in week order (Monday morning first), the ways in the
        vocabulary's order."""
        slots = [slot for slot, box in self.slot_boxes.items() if box.isChecked()]
        modes = [mode for mode, box in self.mode_boxes.items() if box.isChecked()]
        return slots, modes

    def set_value(self, slots: Iterable[Slot], modes: Iterable[MeetingMode]) -> None:
        """Tick exactly these times and ways (stored values such as "mon" are read too)."""
        wanted_slots = {(Weekday(day), PartOfDay(part)) for day, part in slots}
        wanted_modes = {MeetingMode(mode) for mode in modes}
        before = self.value()
        self._tick(
            [(box, slot in wanted_slots) for slot, box in self.slot_boxes.items()]
            + [(box, mode in wanted_modes) for mode, box in self.mode_boxes.items()]
        )
        if self.value() != before:
            self.changed.emit()

    def _set_slots(self, slots: Iterable[Slot]) -> None:
        self.set_value(slots, self.value()[1])

    def _tick(self, states: list[tuple[QCheckBox, bool]]) -> None:
        """Set many boxes with one `changed` (from the caller), not one per box."""
        for box, checked in states:
            box.blockSignals(True)
            box.setChecked(checked)
            box.blockSignals(False)

    def _on_box_toggled(self, _checked: bool) -> None:
        self.changed.emit()

    # -- the keyboard ------------------------------------------------------------------------
    def _move(self, place: tuple[int, int], step: tuple[int, int]) -> bool:
        """Focus the box beside `place`; False at an edge, where the focus stays."""
        row, column = place[0] + step[0], place[1] + step[1]
        if step[0] and 0 <= row <= self._mode_row:
            # Between the grid (3 columns) and the ways to meet (4): the nearest column.
            width = len(MeetingMode) if row == self._mode_row else len(PartOfDay)
            column = min(column, width - 1)
        target = self._boxes.get((row, column))
        if target is None:
            return False
        self._make_tab_stop(target)
        target.setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def _make_tab_stop(self, box: _GridBox) -> None:
        """`box` is where Tab lands in its group, and where a label's shortcut or a problem
        shown under the whole widget sends the focus."""
        modes = box.place[0] == self._mode_row
        old = self._tab_stops.get(modes)
        if old is not None and old is not box:
            old.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._tab_stops[modes] = box
        if not modes:
            self.setFocusProxy(box)

    def focused_box(self) -> QCheckBox | None:
        """The box with the keyboard focus, if any (for tests and screen checks)."""
        for box in self._boxes.values():
            if box.hasFocus():
                return box
        return None
