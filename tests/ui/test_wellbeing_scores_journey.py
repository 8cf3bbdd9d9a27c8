"""Recording a demo mentee's wellbeing scores from the keyboard, through the real dialog on
their page: a "before" set at their pairing's start, then Today asks for the "after" set
(the pairing ended in the last 8 weeks), which is recorded too. The page then lists both,
with the chart's words; Today no longer asks; and the figures for the period count them
(docs/figures.md: earliest "before" and latest "after" both in the period)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.mentoring.views import PairingRow
from peerdesk.ui.outcomes.person_section import WellbeingSection
from peerdesk.ui.people.person_page import PersonPage
from peerdesk.ui.screens.today import WHAT, TodayScreen
from tests.conftest import TODAY
from tests.ui.keys import choose, in_modal, press, save, type_into
from tests.ui.person_tabs import open_tab

DUE = "“after” wellbeing scores due"


def _ended_pairing_without_scores(services: Services) -> PairingRow:
    """A demo pairing ended in the last 8 weeks whose mentee has no scores yet."""
    for row in services.pairings.rows("ended"):
        assert row.end_date is not None and row.start_date is not None
        if (
            TODAY - timedelta(weeks=8) <= row.end_date <= TODAY
            and not services.outcomes.for_person(row.mentee_id).sets
            and services.people.get(row.mentee_id).archived_on is None
        ):
            return row
    raise AssertionError("the demo has no recently ended pairing without scores")


def _due_for(qtbot: QtBot, services: Services, tmp_path: Path, name: str) -> list[str]:
    """Today's "after" scores reminders for the person named."""
    lines = _today_lines(qtbot, services, tmp_path)
    return [line for line in lines if line.startswith(f"{name}:") and DUE in line]


def _today_lines(qtbot: QtBot, services: Services, tmp_path: Path) -> list[str]:
    screen = TodayScreen(services, QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.refreshed):
        screen.refresh()
    model = screen.model
    return [str(model.index(row, WHAT).data()) for row in range(model.rowCount())]


def _record(
    qtbot: QtBot,
    section: WellbeingSection,
    *,
    timing: str,
    on: str,
    pairing: str,
    answers: str,
) -> None:
    seen: dict[str, str] = {}

    def fill(dialog: QDialog) -> None:
        choose(qtbot, dialog.timing, timing)  # type: ignore[attr-defined]
        type_into(qtbot, dialog.on, on)  # type: ignore[attr-defined]
        choose(qtbot, dialog.belongs, pairing)  # type: ignore[attr-defined]
        boxes = dialog.answers  # type: ignore[attr-defined]
        assert len(boxes) == len(answers) == 7
        for box, answer in zip(boxes[:-1], answers[:-1], strict=True):
            choose(qtbot, box, answer)
        seen["part"] = dialog.total.text()  # type: ignore[attr-defined]
        choose(qtbot, boxes[-1], answers[-1])
        seen["whole"] = dialog.total.text()  # type: ignore[attr-defined]
        save(qtbot, dialog)

    in_modal(qtbot, lambda: press(qtbot, section.record_button), fill)
    total = sum(int(a) for a in answers)
    last = int(answers[-1])
    assert seen == {
        "part": f"Total so far: {total - last} of 35 (1 question to answer)",
        "whole": f"Total: {total} of 35",
    }


def test_a_before_and_after_set_recorded_by_keyboard_show_on_the_page_today_and_figures(
    qtbot: QtBot, demo_services: Services, tmp_path: Path
) -> None:
    services = demo_services
    pairing = _ended_pairing_without_scores(services)
    assert pairing.start_date is not None and pairing.end_date is not None
    mentee = pairing.mentee_id
    period = services.figures.custom(pairing.start_date, TODAY)
    counted_before = {o.measure: o.n for o in services.figures.count(period).outcomes}
    page = PersonPage(services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(page)
    page.show()
    page.show_person(mentee)
    qtbot.waitExposed(page)
    open_tab(qtbot, page, "outcomes")
    section = page.wellbeing
    assert section.table.isHidden() and not section.empty.isHidden()
    name = services.people.get(mentee).display_name
    assert _due_for(qtbot, services, tmp_path, name) == []

    start = pairing.start_date
    # 2+2+3+2+1+2+2 = 14 of 35.
    _record(
        qtbot,
        section,
        timing="Before",
        on=f"{start.day}/{start.month}/{start.year}",
        pairing=f"Pairing {pairing.reference}",
        answers="2232122",
    )
    assert _due_for(qtbot, services, tmp_path, name) == [f"{name}: {DUE}"]

    # 4+4+3+4+3+3+4 = 25 of 35, taken today.
    _record(
        qtbot,
        section,
        timing="After",
        on=f"{TODAY.day}/{TODAY.month}/{TODAY.year}",
        pairing=f"Pairing {pairing.reference}",
        answers="4434334",
    )
    qtbot.waitUntil(lambda: section.table.model().rowCount() == 2)
    model = section.table.model()
    rows = [[model.index(r, c).data() for c in range(3)] for r in range(2)]
    assert rows == [
        [f"{start.day} {start:%b %Y}", "Before support", "14 of 35"],
        [f"{TODAY.day} {TODAY:%b %Y}", "After support", "25 of 35"],
    ]
    expected = f"Before 14 of 35 on {start.day} {start:%B %Y}; after 25 of 35 on 15 June 2026"
    assert section.chart.accessibleDescription() == expected
    assert section.trend.text() == expected
    assert _due_for(qtbot, services, tmp_path, name) == []
    counted = {o.measure: o.n for o in services.figures.count(period).outcomes}
    measure = services.outcomes.scale().name
    assert counted.get(measure, 0) == counted_before.get(measure, 0) + 1
