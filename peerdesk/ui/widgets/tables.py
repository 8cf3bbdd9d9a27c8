"""Every read-only table is set up the same way: rows selected whole, one at a time, Tab
leaves the table (arrows move inside it), alternate row colours, columns fitted to their
words, and cells cut short show their whole text when pointed at."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from peerdesk.ui.widgets.full_text_tips import show_full_text_tips


def set_up_table(
    view: QTableView, name: str, *, sortable: bool = False, fit_rows: bool = False
) -> QTableView:
    """`fit_rows`: rows grow to show wrapped text in full (for short lists only: it measures
    every row whenever a column changes width)."""
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
    view.setWordWrap(True)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(sortable)
    view.verticalHeader().hide()
    show_full_text_tips(view)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    if fit_rows:
        header.sectionResized.connect(lambda *_args: view.resizeRowsToContents())
    else:
        view.setWordWrap(False)
    return view


def make_table(
    name: str,
    parent: QWidget | None = None,
    *,
    sortable: bool = False,
    fit_rows: bool = False,
) -> QTableView:
    """A new table view set up as above."""
    return set_up_table(QTableView(parent), name, sortable=sortable, fit_rows=fit_rows)
