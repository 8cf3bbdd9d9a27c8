"""The person page's tabs: a column of tab buttons down the left of the record, beside a tab
widget whose own bar is hidden. A tab bar of thirteen tabs is twice as wide as a laptop at
the largest text (it would hide most of them behind scroll arrows), and wrapped into rows
above the record it takes the height the record's tables need; a column takes neither.

Keyboard: each tab's title has its own access key (Alt+letter); Ctrl+Tab and Ctrl+Shift+Tab
move to the next and previous tab from anywhere on the page; the chosen tab's button is one
Tab stop and the arrows, Home and End move between tabs there, as in any tab bar.

A tab holds either text and small tables (it scrolls as a whole when it is long: the tables in
it show all their rows and never scroll themselves) or one main table, which takes the room
left and scrolls itself, at least `MAIN_TABLE_ROWS` rows tall, so nothing scrolls inside a
scroll.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QPainter, QPaintEvent, QPalette, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

#: The least number of rows a tab's main table shows (at the largest text on a laptop too).
MAIN_TABLE_ROWS = 8


@dataclass(frozen=True)
class TabSpec:
    key: str
    #: The title with its access key marked ("C&onsents"); the tab's name is without it.
    text: str
    volunteer: bool = False

    @property
    def title(self) -> str:
        return self.text.replace("&", "")


#: The tabs in order. The access keys are letters that neither the menu bar (File, Edit, View,
#: Records, Tools, Help) nor a button on the page uses: Alt+O records and Alt+A adds in most
#: tabs, so those two stay free (see the sections' buttons).
TABS: tuple[TabSpec, ...] = (
    TabSpec("details", "Deta&ils"),
    TabSpec("roles", "Roles an&d needs"),
    TabSpec("referral", "Referra&l"),
    TabSpec("pairings", "&Pairings and sessions"),
    TabSpec("consents", "&Consents"),
    TabSpec("concerns", "Co&ncerns"),
    TabSpec("outcomes", "Outco&mes"),
    TabSpec("history", "Histor&y"),
    TabSpec("journey", "&Journey and checks", volunteer=True),
    TabSpec("training", "Trainin&g", volunteer=True),
    TabSpec("references", "Reference&s", volunteer=True),
    TabSpec("supervision", "S&upervision", volunteer=True),
    TabSpec("expenses", "E&xpenses", volunteer=True),
)


#: The column's buttons: compact, words on the left, the chosen one on the page's own colour.
#: Colours are the palette's, so every theme and high contrast apply; the focus ring is the
#: one every button has (a sheet of its own would otherwise take it away).
STRIP_STYLE = """
QPushButton { padding: 0.15em 0.6em; text-align: left; border: 1px solid transparent;
    background: transparent; }
QPushButton:checked { background: palette(base); color: palette(text);
    border: 1px solid palette(mid); }
QPushButton:hover { border: 1px solid palette(highlight); }
QPushButton:focus { border: 2px solid palette(highlight); }
"""


class TabButton(QPushButton):
    """One tab's button: checked while its tab is shown, marked by a thick bar on its left
    (drawn in the theme's text colour, so every theme and high contrast show it)."""

    step_requested = Signal(int)

    def __init__(self, spec: TabSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setText(spec.text)
        self.setCheckable(True)
        self.setAccessibleName(f"{spec.title} tab")
        self.setAutoDefault(False)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.isChecked():
            painter = QPainter(self)
            thickness = max(3, self.fontMetrics().height() // 8)
            colour = self.palette().color(QPalette.ColorRole.WindowText)
            painter.fillRect(0, 0, thickness, self.height(), colour)
            painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Home: -100,
            Qt.Key.Key_End: 100,
        }
        step = steps.get(Qt.Key(event.key()))
        if step is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
            return
        self.step_requested.emit(step)


class _BarlessTabs(QTabWidget):
    """A tab widget whose own tab bar is hidden (the column of buttons stands for it): Qt
    still counts the hidden bar's height in the least size, which the page cannot spare.

    It asks for no more than its least size, whatever the height of its tabs' tables (a
    table scrolls in the room it is given): the window around the page scrolls whenever a
    page asks for more height than the window has."""

    def minimumSizeHint(self) -> QSize:
        return self._without_bar(super().minimumSizeHint())

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        return False

    def _without_bar(self, size: QSize) -> QSize:
        bar = self.tabBar()
        if bar.isHidden():
            size.setHeight(size.height() - bar.sizeHint().height())
        return size


class PersonTabs(QWidget):
    """The tab buttons and the tab widget. `current_changed(key)` follows every change."""

    current_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        strip = QWidget()
        strip.setAccessibleName("The person's record, in tabs")
        strip.setStyleSheet(STRIP_STYLE)
        self.strip = QVBoxLayout(strip)
        # Room on the right for the scroll bar, should it appear, so no tab's words are cut.
        bar = strip.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.strip.setContentsMargins(0, 0, bar, 0)
        self.strip.setSpacing(0)
        self.strip.addStretch(1)
        # On a short screen at the largest text a volunteer's thirteen tabs may be taller
        # than the room: then the column scrolls (the arrows keep the chosen tab in sight)
        # rather than the page. It is no Tab stop itself: its buttons are.
        self.column = QScrollArea(self)
        self.column.setWidget(strip)
        self.column.setWidgetResizable(True)
        self.column.setFrameShape(QFrame.Shape.NoFrame)
        self.column.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.column.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # As wide as the widest tab's words, at any text size; as tall as the tabs beside it.
        self.column.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Ignored)
        self.column.setAccessibleName("Tabs")
        layout.addWidget(self.column, 0)
        self.tab_widget = _BarlessTabs(self)
        self.tab_widget.setAccessibleName("The person's record")
        self.tab_widget.tabBar().hide()
        # Neither the tab widget nor its hidden bar is a Tab stop (the widget hands the focus
        # to its bar, which, hidden, cannot take it: Tab would stop dead there).
        self.tab_widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tab_widget.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.tab_widget, 1)
        self.buttons: dict[str, TabButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.tab_widget.currentChanged.connect(self._on_current_changed)
        for keys, step in (
            (QKeySequence.StandardKey.NextChild, 1),
            (QKeySequence.StandardKey.PreviousChild, -1),
        ):
            for sequence in QKeySequence.keyBindings(keys):
                shortcut = QShortcut(sequence, parent or self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(lambda s=step: self.step(s, focus=True))

    # -- building ------------------------------------------------------------------------
    def add_buttons(self, specs: Sequence[TabSpec]) -> None:
        """The tabs' buttons, made before what the tabs hold so that Tab reaches them first
        (the focus goes from widget to widget in the order they were made)."""
        for spec in specs:
            button = TabButton(spec, self)
            button.clicked.connect(lambda _c=False, k=spec.key: self.choose(k, focus=True))
            button.step_requested.connect(lambda s: self.step(s, focus=True))
            self._group.addButton(button)
            self.strip.insertWidget(self.strip.count() - 1, button)
            self.buttons[spec.key] = button

    def add_tab(self, spec: TabSpec, page: QWidget) -> None:
        """The page of the tab whose button `add_buttons` made, in the same order."""
        assert self.tab_keys()[self.tab_widget.count()] == spec.key
        self.tab_widget.addTab(page, spec.title)
        self._sync_buttons()

    # -- choosing ------------------------------------------------------------------------
    def tab_keys(self) -> list[str]:
        return list(self.buttons)

    def shown_keys(self) -> list[str]:
        return [key for i, key in enumerate(self.buttons) if self.tab_widget.isTabVisible(i)]

    def current_key(self) -> str:
        return self.tab_keys()[max(self.tab_widget.currentIndex(), 0)]

    def set_shown(self, key: str, shown: bool) -> None:
        index = self.tab_keys().index(key)
        self.tab_widget.setTabVisible(index, shown)
        self.buttons[key].setVisible(shown)
        # A tab not offered asks for no room (the stack of tabs makes room for every page).
        policy = QSizePolicy.Policy.Preferred if shown else QSizePolicy.Policy.Ignored
        self.page(key).setSizePolicy(policy, policy)

    def choose(self, key: str, *, focus: bool = False) -> None:
        self.tab_widget.setCurrentIndex(self.tab_keys().index(key))
        self._sync_buttons()
        self.column.ensureWidgetVisible(self.buttons[key], 0, 0)
        if focus:
            self.buttons[key].setFocus(Qt.FocusReason.TabFocusReason)

    def step(self, step: int, *, focus: bool = False) -> None:
        """The next (1) or previous (-1) tab shown, round the end; ±100: the last or first."""
        shown = self.shown_keys()
        if not shown:
            return
        here = shown.index(self.current_key()) if self.current_key() in shown else 0
        if abs(step) >= len(shown) * 2:
            target = len(shown) - 1 if step > 0 else 0
        else:
            target = (here + step) % len(shown)
        self.choose(shown[target], focus=focus)

    def page(self, key: str) -> QWidget:
        page = self.tab_widget.widget(self.tab_keys().index(key))
        assert page is not None
        return page

    def key_of(self, widget: QWidget) -> str | None:
        """The tab that holds `widget`, or None."""
        for key in self.tab_keys():
            page = self.page(key)
            if page is widget or page.isAncestorOf(widget):
                return key
        return None

    def _on_current_changed(self, _index: int) -> None:
        self._sync_buttons()
        self.current_changed.emit(self.current_key())

    def _sync_buttons(self) -> None:
        """Only the chosen tab's button is a Tab stop (the others take a click or their
        access key): the tabs are one stop, and arrows move between them."""
        current = self.current_key() if self.buttons else None
        for key, button in self.buttons.items():
            button.setChecked(key == current)
            button.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if key == current else Qt.FocusPolicy.ClickFocus
            )


def scrolling_page(name: str, widgets: Sequence[QWidget]) -> QScrollArea:
    """A tab of text and small tables, top-aligned, scrolling as a whole when it is long."""
    content = QWidget()
    column = QVBoxLayout(content)
    for widget in widgets:
        column.addWidget(widget)
    column.addStretch(1)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setAccessibleName(name)
    area.setWidget(content)
    return area


class TablePage(QWidget):
    """A tab holding a section with one main table, which takes the room left (or, while
    the table is hidden for want of rows, the section stays at the top)."""

    def __init__(self, section: QWidget, table: QTableView) -> None:
        super().__init__()
        self.section = section
        self.table = table
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)  # every line of height for the table
        self._column.addWidget(section)
        self._column.addStretch(1)
        # The table's room passes down through each layout between the section and it.
        inner: QWidget = table
        while inner is not section:
            holder = inner.parentWidget()
            assert holder is not None, "the table is not in the section"
            layout = holder.layout()
            if isinstance(layout, QBoxLayout):
                layout.setStretchFactor(inner, 1)
            inner = holder
        let_table_fill(table, table.property("least_rows") or MAIN_TABLE_ROWS)

    def settle(self) -> None:
        """After the section is shown again: the table's room and height."""
        has_table = not self.table.isHidden()
        self._column.setStretch(0, 1 if has_table else 0)
        self._column.setStretch(1, 0 if has_table else 1)
        fit_table_height(self.table)
        # The section's least height, said outright: the layout would otherwise take the
        # height its wrapped words want at the width it last had, a table's rows too many.
        self.section.setMinimumHeight(0)
        self.section.setMinimumHeight(self.section.minimumSizeHint().height())


def let_table_fill(table: QTableView, rows: int = MAIN_TABLE_ROWS) -> None:
    """A record table (which shows every row and leaves scrolling to the page) made the
    tab's main table: it takes the room left, scrolls itself, and is at least `rows` rows
    tall at the current text size."""
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    table.setProperty("least_rows", rows)
    fit_table_height(table)


def fit_table_height(table: QTableView) -> None:
    """At least its least number of rows tall (again after the text size changes)."""
    # A row of one line (a row of wrapped words is taller, and the table then scrolls).
    line = table.fontMetrics().height() + 8
    row = max(line, table.verticalHeader().defaultSectionSize())
    header = table.horizontalHeader().sizeHint().height()
    scroll_bar = table.horizontalScrollBar().sizeHint().height()
    rows = table.property("least_rows") or MAIN_TABLE_ROWS
    table.setMinimumHeight(header + row * rows + 2 * table.frameWidth() + scroll_bar)
