"""The sort arrows on Pairings and the waiting list say the order the rows are in: from the
start (the order the list comes in), after a header is clicked (the rows really re-sort), and
after the list is refreshed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.ui.pairings.models import SESSION_COLUMNS, column_of
from peerdesk.ui.pairings.pairings_list import WAITING, PairingsList
from peerdesk.ui.widgets.rows_model import ID_ROLE, SORT_ROLE, RowsModel, sorting_proxy
from peerdesk.vocabulary import PairingStatus


def shown(view: QTableView, role: int = ID_ROLE, column: int = 0) -> list[Any]:
    model = view.model()
    return [model.index(row, column).data(role) for row in range(model.rowCount())]


def arrow(view: QTableView) -> tuple[str, Qt.SortOrder]:
    header = view.horizontalHeader()
    assert header.isSortIndicatorShown()
    section = header.sortIndicatorSection()
    return view.model().headerData(section, Qt.Orientation.Horizontal), header.sortIndicatorOrder()


def in_arrow_order(view: QTableView) -> bool:
    """The rows are in the order the arrow says (by the column's own sort key)."""
    header = view.horizontalHeader()
    keys = shown(view, SORT_ROLE, header.sortIndicatorSection())
    wanted = sorted(keys, reverse=header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)
    return keys == wanted


def click_header(qtbot: QtBot, view: QTableView, heading: str) -> None:
    header = view.horizontalHeader()
    model = view.model()
    section = next(
        s
        for s in range(model.columnCount())
        if model.headerData(s, Qt.Orientation.Horizontal) == heading
    )
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def opened(qtbot: QtBot, services: Services) -> PairingsList:
    pairings = PairingsList(services)
    qtbot.addWidget(pairings)
    pairings.resize(1300, 700)
    pairings.show()
    qtbot.waitExposed(pairings)
    pairings.refresh()
    return pairings


def test_pairings_open_newest_proposed_first_and_the_arrow_says_so(
    qtbot: QtBot, demo_services: Services
) -> None:
    pairings = opened(qtbot, demo_services)
    view = pairings.pairings_view
    assert arrow(view) == ("Proposed", Qt.SortOrder.DescendingOrder)
    service_order = [r.id for r in demo_services.pairings.rows() if r.status != PairingStatus.ENDED]
    assert len(service_order) > 3
    assert shown(view) == service_order
    assert in_arrow_order(view)


def test_clicking_a_header_sorts_by_it_and_the_arrow_follows(
    qtbot: QtBot, demo_services: Services
) -> None:
    pairings = opened(qtbot, demo_services)
    view = pairings.pairings_view
    click_header(qtbot, view, "Mentor")
    assert arrow(view) == ("Mentor", Qt.SortOrder.AscendingOrder)
    assert in_arrow_order(view)
    mentors = shown(view, Qt.ItemDataRole.DisplayRole, 1)
    assert mentors == sorted(mentors, key=str.casefold) and len(set(mentors)) > 1
    click_header(qtbot, view, "Mentor")
    assert arrow(view) == ("Mentor", Qt.SortOrder.DescendingOrder)
    assert in_arrow_order(view)
    # Refreshing (after a change elsewhere) keeps the order chosen, arrow and rows alike.
    pairings.refresh()
    assert arrow(view) == ("Mentor", Qt.SortOrder.DescendingOrder)
    assert in_arrow_order(view)


def test_the_waiting_list_opens_longest_waiting_first_and_the_arrow_says_so(
    qtbot: QtBot, demo_services: Services
) -> None:
    pairings = opened(qtbot, demo_services)
    pairings.show_view(WAITING)
    view = pairings.waiting_view
    assert view.isVisible()
    assert arrow(view) == ("Waiting", Qt.SortOrder.DescendingOrder)
    service_order = [r.person_id for r in demo_services.pairings.waiting()]
    assert len(service_order) > 1
    assert shown(view) == service_order
    assert in_arrow_order(view)
    click_header(qtbot, view, "Name")
    assert arrow(view) == ("Name", Qt.SortOrder.AscendingOrder)
    assert in_arrow_order(view)


def test_sessions_sort_by_date_then_time(demo_services: Services) -> None:
    """A column sorted by date then time really sorts (Qt cannot compare Python tuples: a
    tuple key left the column in no order)."""
    model: RowsModel[Any] = RowsModel(SESSION_COLUMNS, lambda r: r.id)
    rows = demo_services.sessions.rows()[:200]
    model.set_rows(rows)
    proxy = sorting_proxy(model)
    proxy.sort(column_of(SESSION_COLUMNS, "Date"), Qt.SortOrder.AscendingOrder)
    ids = [proxy.index(row, 0).data(ID_ROLE) for row in range(proxy.rowCount())]
    by_id = {r.id: r for r in rows}
    days = [by_id[i].session_date for i in ids]
    assert len(set(days)) > 10 and days == sorted(days)
