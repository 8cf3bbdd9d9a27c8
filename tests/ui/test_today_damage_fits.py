"""Today when the weekly health check has found damage, at the largest text on a 1366×768
laptop: the problem and its way back take the place of the summary and the hint, so the
lines keep room for eight rows (with all three they had 5.5). The damaged state is also
opened on a real 1366×768 screen by tests/ui/test_layout_largest_text.py."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.safety.integrity_watch import HealthRecords, HealthVerdict
from peerdesk.ui.backups.health_watch import HealthWatch
from peerdesk.ui.screens.today import TodayScreen
from tests.conftest import TODAY
from tests.ui.fit_checks import elided_lines, overlapping, short_lists, squeezed
from tests.ui.questions import answering
from tests.ui.test_today_fits import _overdue_consents
from tests.ui.test_today_health import NOT_NOW

#: Today's room in the main window on a 1366×768 laptop at the largest text (less the
#: navigation, the menus, the demo banner and the status bar).
ROOM = (1130, 610)


def test_damage_takes_the_summarys_place_and_the_lines_keep_eight_rows(
    qtbot: QtBot, services: Services, paths: Paths, largest: QSettings
) -> None:
    _overdue_consents(services, 12)
    services.backups.back_up("manual")  # the way back is offered: the button is shown
    screen = TodayScreen(services, largest)
    qtbot.addWidget(screen)
    watch = HealthWatch(services, paths.config_dir, screen, start_delay_ms=0)
    screen.watch_health(watch)
    screen.resize(*ROOM)
    screen.show()
    with qtbot.waitSignal(screen.refreshed, timeout=10_000):
        screen.refresh()
    assert not screen.summary.isHidden() and not screen.hint.isHidden()  # all well: shown
    well = screen.table.viewport().height()

    HealthRecords(paths.config_dir).remember(
        services.db.identity, HealthVerdict(TODAY, healthy=False)
    )
    answering(qtbot, lambda: (watch.start(), qtbot.waitUntil(lambda: watch.offers == 1)), NOT_NOW)
    assert not screen.health_problem.isHidden() and not screen.restore_backup_button.isHidden()
    assert screen.summary.isHidden() and screen.hint.isHidden()
    qtbot.waitUntil(lambda: screen.table.viewport().height() < well)  # laid out anew
    problems = short_lists(screen, "Today") + squeezed(screen, "Today")
    problems += overlapping(screen, "Today") + elided_lines(screen.table)
    assert problems == []
    # Looking again while damaged says so, then the summary gives way to the problem again.
    with qtbot.waitSignal(screen.refreshed, timeout=10_000):
        screen.refresh()
        assert not screen.summary.isHidden()
    assert screen.summary.isHidden() and screen.hint.isHidden()
