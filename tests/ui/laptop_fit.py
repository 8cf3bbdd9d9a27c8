"""Opens every screen, record page and dialog at the largest text size on a 1366×768 screen
and prints, as JSON, what does not fit in each ({view: [problem, …]}).

Run by tests/ui/test_layout_largest_text.py in a process of its own, because the screen's
size is fixed when Qt starts (the offscreen platform reads it from a configuration file):

    QT_QPA_PLATFORM=offscreen:configfile=screen.json python -m tests.ui.laptop_fit FOLDER
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.demo import DemoOptions
from peerdesk.services.opening import open_services
from peerdesk.services.safety.integrity_watch import HealthRecords, HealthVerdict
from peerdesk.ui import preferences, theme
from peerdesk.ui.app import make_application
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.screens import SCREENS
from scripts.dialog_catalogue import DIALOGS
from tests.conftest import TODAY
from tests.ui import fit_checks

LAPTOP = (1366, 768)


def screen_config(folder: Path) -> Path:
    """The offscreen platform's configuration for one 1366×768 screen at 96 dpi."""
    path = folder / "laptop-screen.json"
    screen = {"name": "laptop", "x": 0, "y": 0, "width": LAPTOP[0], "height": LAPTOP[1]}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    # No window frame: a maximised window on a laptop has its title bar within the screen.
    config = {"windowFrameMargins": False, "screens": [screen]}
    path.write_text(json.dumps(config), encoding="utf-8")
    return path


def settle(app: QApplication, until: float = 0.3) -> None:
    """Let layouts and the screens' background work finish (a script, not a test: no qtbot)."""
    # Events handled in turns with short pauses (a tight loop of processEvents has crashed
    # PySide; QTest.qWait left the background work's answers undelivered here).
    deadline = time.monotonic() + until
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


def problems_in(window: QWidget, what: str, today_table: object = None) -> list[str]:
    screen = QApplication.primaryScreen()
    found = fit_checks.beyond_screen(window, screen.availableGeometry(), what)
    found += fit_checks.squeezed(window, what)
    found += fit_checks.overlapping(window, what)
    found += fit_checks.short_lists(window, what)
    if today_table is not None:
        found += [f"{what}: {line}" for line in fit_checks.elided_lines(today_table)]  # type: ignore[arg-type]
    return found


def check_window(
    app: QApplication, services: Services, settings: QSettings
) -> dict[str, list[str]]:
    results: dict[str, list[str]] = {}
    window = MainWindow(services, settings)
    window.resize(*LAPTOP)
    window.show()
    settle(app)
    rows = services.people.list_rows()
    records = [
        ("a mentee's page", "person", next(r for r in rows if r.status == "Paired").id),
        ("a mentor's page", "person", next(r for r in rows if "mentor" in r.roles).id),
        ("a pairing's page", "pairing", services.pairings.rows()[0].id),
        ("a group's page", "group", services.groups.rows()[0].id),
    ]
    for key, title, _factory in SCREENS:
        window.show_screen(key)
        screen = window.screens[key]
        settle(app)
        for _ in range(100):  # Today and Figures work in the background: their lines, shown
            if not getattr(screen, "is_looking", False) and not getattr(screen, "busy", False):
                break
            settle(app)
        settle(app)
        table = getattr(screen, "table", None) if key == "today" else None
        if table is not None and not table.model().rowCount():
            results[f"screen {title}"] = ["Today showed no lines to measure"]
            continue
        results[f"screen {title}"] = problems_in(window, f"{title}", table)
    for what, kind, record_id in records:
        window.open_record(kind, record_id)
        settle(app)
        results[what] = problems_in(window, what)
        page = window.current_person_page() if kind == "person" else None
        tabs = getattr(page, "tabs", None)
        for tab in tabs.shown_keys() if tabs is not None else []:
            tabs.choose(tab)  # every tab of a person's page in turn
            settle(app)
            results[what] += problems_in(window, f"{what}, {tab}")
    for name, factory in DIALOGS:
        dialog = factory(services, window)
        dialog.show()
        settle(app)
        results[f"dialog {name}"] = problems_in(dialog, f"the {name} window")
        dialog.reject()
        settle(app, 0.05)
    # Last: remembered damage stops saving.
    results["screen Today, damaged"] = damaged_today(app, services, window)
    window.hide()
    return results


def damaged_today(app: QApplication, services: Services, window: MainWindow) -> list[str]:
    """Today once the weekly health check has found damage: its prominent line, with the
    button that offers the last good backup, above the lines of what needs the coordinator."""
    watch = window.health_watch
    services.backups.back_up("manual")  # a good backup to offer
    verdict = HealthVerdict(TODAY, healthy=False)
    HealthRecords(watch.config_folder).remember(services.db.identity, verdict)
    watch.offer = lambda: None  # type: ignore[method-assign]  # its message box would wait
    watch.watch.note_damage()
    window.show_screen("today")
    watch.look()
    for _ in range(100):  # the newest good backup is looked for in the background
        if watch.backup is not None:
            break
        settle(app)
    settle(app)
    today = window.screens["today"]
    if not today.restore_backup_button.isVisible():
        return ["Today showed no damage, or no way back, to measure"]
    return problems_in(window, "Today, damaged", today.table)


def main(folder: Path) -> int:
    app = make_application()
    paths = Paths.under(folder)
    paths.ensure()
    services = open_services(paths, today=lambda: TODAY)
    try:
        services.demo.generate(DemoOptions(seed=1))
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        preferences.TEXT_SIZE.write(settings, len(theme.TEXT_SIZES) - 1)
        theme.apply_appearance(app, settings)
        screen = app.primaryScreen().geometry()
        results = {"screen": [f"{screen.width()}x{screen.height()}"]}
        results |= check_window(app, services, settings)
    finally:
        services.close()
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
