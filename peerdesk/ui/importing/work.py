"""The strip at the foot of an import assistant page while work runs in the background:
words saying what is happening, a progress bar, and a Cancel button.

Each page holds its inputs in a `body` (disabled while the work runs, so nothing the work is
reading can change under it) and one strip, hidden when nothing runs. The body (with the
page's opening words) scrolls up and down inside the page: at the largest text on a 1366×768
laptop no page fits whole, and its lists keep eight rows in view rather than squeeze.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from peerdesk.ui.widgets.fit_screen import FittingScrollArea
from peerdesk.ui.widgets.list_rows import LEAST_ROWS, keep_rows

#: No upper limit on a widget's height (Qt's QWIDGETSIZE_MAX).
QWIDGETSIZE_MAX = (1 << 24) - 1

#: Alt+A: free on every page of the assistant (the pages' own letters are C F M T S D, S H R
#: C D, P W L V S I, and N/B/I for Next, Back and Import), and none of the menu bar's F E V R H.
CANCEL = "C&ancel"


class WorkStrip(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # One line: the pages are already full at the largest text, so the strip takes no
        # more height than a button.
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.words = QLabel()
        layout.addWidget(self.words)
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Progress")
        self.bar.setTextVisible(False)  # the words beside it say it, in full
        layout.addWidget(self.bar, 1)
        self.cancel = QPushButton(CANCEL)
        self.cancel.setAccessibleName("Cancel: stop and change nothing")
        self.cancel.setAutoDefault(False)  # Enter must not stop the work by accident
        layout.addWidget(self.cancel)
        self.counting = ""
        self.hide()

    def start(self, words: str, counting: str, *, cancellable: bool) -> None:
        """Show `words` with a busy bar until rows are counted; then `counting` (with
        {done} and {total}) and a bar that fills."""
        self.counting = counting
        self.words.setText(words)
        self.bar.setRange(0, 0)  # busy: nothing counted yet
        self.cancel.setVisible(cancellable)
        self.show()

    def show_counts(self, done: int, total: int) -> None:
        if total <= 0 or not self.counting:
            return
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        self.words.setText(self.counting.format(done=f"{max(done, 1):,}", total=f"{total:,}"))

    def stop(self) -> None:
        self.hide()
        self.bar.setRange(0, 1)
        self.bar.setValue(0)


def split_page(page: QWizardPage, intro: str = "") -> tuple[QWidget, WorkStrip]:
    """The page's body (for its own layout), under `intro`, scrolling above its work strip.

    `intro` is the page's opening words, in a label that wraps within the page: a wizard's
    own subtitle is given two lines whatever its length, and at the largest text the
    mapping page's needed three (the rest was cut off)."""
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = FittingScrollArea(page)
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    if intro:
        words = QLabel(intro)
        words.setWordWrap(True)
        column.addWidget(words)
    body = QWidget(holder)
    column.addWidget(body, 1)
    scroll.setWidget(holder)
    outer.addWidget(scroll, 1)
    strip = WorkStrip(page)
    outer.addWidget(strip)
    return body, strip


def keep_eight_rows(*views: QAbstractItemView) -> None:
    """Room for eight rows in each list (or all of them, when fewer), whatever the text size:
    the page scrolls instead. Called when rows come in, as the headings' height follows
    their words; a list of two problems takes two rows' room, not eight."""
    for view in views:
        model = view.model()
        count = model.rowCount() if model is not None else 0
        keep_rows(view, min(max(count, 1), LEAST_ROWS))
        # A list shown whole takes no more room than that; the room left goes to the others.
        view.setMaximumHeight(view.minimumHeight() if count <= LEAST_ROWS else QWIDGETSIZE_MAX)
