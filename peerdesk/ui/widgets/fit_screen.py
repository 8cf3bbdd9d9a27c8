"""Windows that never grow past the screen they are on: a dialog opens at the size its
contents ask for when the screen has room, and otherwise as big as the screen allows, with
its contents scrolling inside (the buttons stay in view).

At the largest text size a long form is taller than a 1366×768 laptop; Qt would make such a
dialog as tall as its contents (its minimum size), and its Save button would be off screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QStyle, QWidget

#: The least height the scrolling part keeps: a few lines, so a squeezed window still shows
#: some of its contents rather than none.
_LEAST_LINES = 4
#: The least room kept for a window's frame when the window system has not said: its title
#: bar and top and bottom borders, and its side borders.
_LEAST_FRAME = 40
_LEAST_BORDERS = 8


def available_geometry(widget: QWidget) -> QRect:
    """The part of the widget's screen that windows may use (no task bar, no dock)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def room_on_screen(window: QWidget) -> QSize:
    """The largest size the window's own area may have, leaving room for its frame (title bar
    and borders), guessed from the style before the window manager has told us."""
    area = available_geometry(window).size()
    handle = window.windowHandle()
    margins = handle.frameMargins() if handle is not None else None
    if margins is not None and (margins.top() or margins.left()):
        extra = QSize(margins.left() + margins.right(), margins.top() + margins.bottom())
    else:
        # Not known before the window is first shown: the style's guess, but never less than
        # a usual desktop's title bar (the style's is for windows inside windows).
        style = window.style()
        border = style.pixelMetric(QStyle.PixelMetric.PM_MdiSubWindowFrameWidth, None, window)
        title = style.pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight, None, window)
        extra = QSize(max(2 * border, _LEAST_BORDERS), max(title + 2 * border, _LEAST_FRAME))
    return QSize(max(area.width() - extra.width(), 200), max(area.height() - extra.height(), 150))


class FittingScrollArea(QScrollArea):
    """A scroll area that asks for its whole contents (a plain QScrollArea asks for at most
    24 lines) and can shrink to a few lines, so the window around it decides: whole contents
    when they fit on the screen, scrolling when they do not."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Not a stop for Tab: the inputs inside are (a silent Tab stop with no visible focus
        # otherwise, and the area scrolls to whichever input has the focus anyway).
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        #: The widest the window may be (set when it is fitted to the screen).
        self.room_width = 0

    def _frame(self) -> QSize:
        margins = self.contentsMargins()
        return QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def sizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().sizeHint()
        return content.sizeHint() + self._frame()

    def minimumSizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().minimumSizeHint()
        least = content.minimumSizeHint()
        # As wide as the contents at their narrowest (plus the bar that scrolls up and
        # down), unless the screen is narrower: then it scrolls sideways too.
        width = least.width() + self.verticalScrollBar().sizeHint().width()
        if self.room_width:
            width = min(width, self.room_width)
        height = min(least.height(), self.fontMetrics().lineSpacing() * _LEAST_LINES)
        return QSize(width, max(height, 0)) + self._frame()

    def hasHeightForWidth(self) -> bool:
        content = self.widget()
        return content is not None and content.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        content = self.widget()
        if content is None or not content.hasHeightForWidth():
            return super().heightForWidth(width)
        frame = self._frame()
        return content.heightForWidth(width - frame.width()) + frame.height()


def natural_size(window: QWidget) -> QSize:
    """The size the window's contents ask for, wrapped text included (as Qt's adjustSize
    works it out, without its limit of two thirds of the screen)."""
    hint = window.sizeHint().expandedTo(window.minimumSizeHint())
    layout = window.layout()
    if layout is not None and layout.hasHeightForWidth():
        hint.setHeight(max(hint.height(), layout.totalHeightForWidth(hint.width())))
    return hint


def fit_to_screen(window: QWidget, scroll: FittingScrollArea | None = None) -> None:
    """Never larger than the room on its screen: open at the size the window was given (or
    its natural size), cut down to that room, and keep it within it from now on."""
    room = room_on_screen(window)
    if scroll is not None:
        scroll.room_width = room.width()
        scroll.updateGeometry()
    window.setMaximumSize(room)
    natural = natural_size(window)
    if window.testAttribute(Qt.WidgetAttribute.WA_Resized):
        wanted = window.size().expandedTo(window.minimumSizeHint())
        # A width given in pixels suits the normal text size; at a larger one the contents
        # ask for more and get it (at the largest text a fixed 560 px squeezed a form's
        # inputs to a third of their width and wrapped every label above its input).
        wanted.setWidth(max(wanted.width(), natural.width()))
    else:
        wanted = natural
    if scroll is not None and natural.height() > min(wanted.height(), room.height()):
        # Shorter than its contents: they will scroll up and down, and the bar that scrolls
        # them takes its width from them. Wider by that much, so nothing is squeezed beside
        # it (a row's pick-list was cut short by exactly the bar's width at the largest text).
        wanted.setWidth(wanted.width() + scroll.verticalScrollBar().sizeHint().width())
    window.resize(wanted.boundedTo(room))


def resize_within_screen(window: QWidget, wanted: QSize) -> None:
    """Resize to `wanted` (a page's shape, for a preview), but never beyond the room on the
    screen: a Close button off a small laptop's screen cannot be reached by anyone."""
    window.resize(wanted.boundedTo(room_on_screen(window)))
