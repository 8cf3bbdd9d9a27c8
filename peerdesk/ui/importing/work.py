"""The strip at the foot of an import assistant page while work runs in the background:
words saying what is happening, a progress bar, and a Cancel button.

Each page holds its inputs in a `body` (disabled while the work runs, so nothing the work is
reading can change under it) and one strip, hidden when nothing runs.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

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
        self.words.setAccessibleName("What is happening")
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


def split_page(page: QWizardPage) -> tuple[QWidget, WorkStrip]:
    """The page's body (for its own layout) above its work strip."""
    outer = QVBoxLayout(page)
    body = QWidget(page)
    outer.addWidget(body, 1)
    strip = WorkStrip(page)
    outer.addWidget(strip)
    return body, strip
