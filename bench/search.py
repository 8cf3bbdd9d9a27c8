"""Search as you type in the People list, per keystroke, against a raw sqlite3 LIKE query.

Ours: the People screen's own model and proxy (peerdesk.ui.people.table_model), loaded once
from `services.people.list_rows()` as the screen does, then `proxy.set_search(text)` for each
keystroke — exactly what the search box's textChanged slot calls — followed by what a view
asks for: the row count and the text of the first screenful of rows.

Floor: a kept-open sqlite3 connection running one LIKE query over the same searchable text
(name, phone digits, email, postcode with and without its space), returning the matching ids.
Before timing, both are checked to return the same people for every keystroke.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from contextlib import closing
from functools import partial
from pathlib import Path
from typing import Any

from bench.harness import Comparison, interleave

#: Typed one letter at a time; the first letters match thousands of people, the last a few.
WORD = "sutherland"
#: Rows a People list shows without scrolling on a laptop screen.
SCREENFUL = 40

LIKE_SQL = """
SELECT id FROM person
WHERE archived_on IS NULL
  AND lower(coalesce(nullif(preferred_name, ''), first_name) || ' ' || last_name || ' ' ||
            replace(phone, ' ', '') || ' ' || email || ' ' || postcode || ' ' ||
            replace(postcode, ' ', '')) LIKE '%' || ? || '%'
ORDER BY id
"""


def _people_list_sql() -> str:
    from peerdesk.services.people.service import _PEOPLE_LIST_SQL

    return _PEOPLE_LIST_SQL


def keystrokes(word: str = WORD) -> list[str]:
    return [word[: n + 1] for n in range(len(word))]


class OurSearch:
    """The People screen's model and proxy, driven the way the screen drives them."""

    def __init__(self, services: Any) -> None:
        from PySide6.QtWidgets import QApplication

        from peerdesk.ui.people.table_model import PeopleFilterProxy, PeopleTableModel

        self.app = QApplication.instance() or QApplication([])
        self.model = PeopleTableModel()
        self.proxy = PeopleFilterProxy()
        self.proxy.setSourceModel(self.model)
        self.services = services
        self.load()

    def load(self) -> None:
        self.model.set_rows(self.services.people.list_rows())

    def type(self, text: str) -> int:
        self.proxy.set_search(text)
        shown = self.proxy.rowCount()
        for row in range(min(shown, SCREENFUL)):
            for column in range(self.proxy.columnCount()):
                self.proxy.index(row, column).data()
        return shown

    def ids(self, text: str) -> list[int]:
        from peerdesk.ui.people.table_model import PERSON_ID_ROLE

        self.proxy.set_search(text)
        return sorted(
            self.proxy.index(row, 0).data(PERSON_ID_ROLE) for row in range(self.proxy.rowCount())
        )


def run(services: Any, database: Path, runs: int) -> list[Comparison]:
    ours = OurSearch(services)
    prefixes = keystrokes()
    list_sql = _people_list_sql()
    with closing(sqlite3.connect(database)) as connection:

        def raw(text: str) -> list[int]:
            return [row[0] for row in connection.execute(LIKE_SQL, (text,))]

        same = all(ours.ids(text) == raw(text) for text in prefixes)
        matches = {text: len(raw(text)) for text in prefixes}
        ours.type("")
        per_key_ours: list[float] = []
        per_key_floor: list[float] = []
        for run_number in range(runs):
            for number, text in enumerate(prefixes):
                # Alternate which goes first, keystroke by keystroke and run by run.
                jobs: list[tuple[Callable[[], object], list[float]]] = [
                    (partial(ours.type, text), per_key_ours),
                    (partial(raw, text), per_key_floor),
                ]
                if (run_number + number) % 2:
                    jobs.reverse()
                for job, times in jobs:
                    started = time.perf_counter()
                    job()
                    times.append(time.perf_counter() - started)
            ours.type("")
        load_ours, load_floor = interleave(
            ours.load, lambda: connection.execute(list_sql).fetchall(), runs
        )
    notes = [
        f"typing “{WORD}” one letter at a time, {runs} times; the median keystroke",
        f"same people as the raw query for every keystroke: {'yes' if same else 'NO'}",
    ]
    return [
        Comparison(
            "search",
            "Search, per keystroke",
            per_key_ours,
            per_key_floor,
            3.0,
            "raw sqlite3 LIKE query for the same rows",
            notes=notes,
            extra={"matches_per_keystroke": matches, "same_rows": same},
        ),
        Comparison(
            "people_list_load",
            "People list: load every row",
            load_ours,
            load_floor,
            None,
            "raw sqlite3 running the same list query, rows left as tuples",
            notes=["once, when the People screen opens (not per keystroke)"],
        ),
    ]
