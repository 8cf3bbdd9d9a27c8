"""Render each main screen from demo data, offscreen, at normal and largest text size.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [--out docs/screenshots]

Writes <screen>-normal.png and <screen>-largest.png (today, people, person, pairings,
sessions, groups, forms, figures, settings), and for the user guide's "Taking a referral":
referral-new-<size>.png (the New referral dialog from Pairings, for someone new) and
referral-section-<size>.png (a waiting person's referral section with its dated steps). The demo is generated afresh in a temporary
folder with seed 1 and a fixed date, so the pictures only change when the app does.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.demo import DemoOptions
from peerdesk.services.opening import open_services
from peerdesk.ui import preferences, theme
from peerdesk.ui.app import make_application
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.referrals.referral_dialog import ReferralDialog

TODAY = date(2026, 6, 15)
SIZES = {"normal": 0, "largest": len(theme.TEXT_SIZES) - 1}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=860)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = make_application()
    with tempfile.TemporaryDirectory() as folder:
        paths = Paths.under(Path(folder))
        paths.ensure()
        services = open_services(paths, today=lambda: TODAY)
        try:
            services.demo.generate(DemoOptions(seed=1))
            settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
            preferences.THEME.write(settings, "light")
            windows: list[MainWindow] = []
            paired = next(r for r in services.people.list_rows() if r.status == "Paired")
            for size_name, index in SIZES.items():
                preferences.TEXT_SIZE.write(settings, index)
                theme.apply_appearance(app, settings)
                window = MainWindow(services, settings)
                window.resize(args.width, args.height)
                window.show()
                for key in window.screens:
                    window.show_screen(key)
                    if key == "today":
                        _wait_for_today(app, window)
                    _save(app, window, args.out / f"{key}-{size_name}.png")
                    if key == "people":
                        window.open_record("person", paired.id)
                        _save(app, window, args.out / f"person-{size_name}.png")
                _referral_shots(app, window, services, args.out, size_name)
                window.hide()  # kept alive: screens may still be finishing background work
                windows.append(window)
        finally:
            services.close()
    print(f"Screenshots written to {args.out}")
    return 0


def _referral_shots(
    app: object, window: MainWindow, services: Services, out: Path, size_name: str
) -> None:
    """The New referral dialog (as Pairings opens it) and a waiting person's referral."""
    waiting = next(r for r in services.people.list_rows() if r.status == "Waiting for a mentor")
    window.open_record("person", waiting.id)
    page = window.current_person_page()
    if page is not None:
        page.show_section(page.referral)  # its tab, as the coordinator opens it (Alt+L)
        _save(app, window, out / f"referral-section-{size_name}.png")
    dialog = ReferralDialog(window.services, parent=window, choose_person=True)
    dialog.show()
    for _ in range(3):
        app.processEvents()  # type: ignore[attr-defined]
    dialog.grab().save(str(out / f"referral-new-{size_name}.png"))
    dialog.reject()


def _wait_for_today(app: object, window: MainWindow) -> None:
    """Today looks for what needs you in the background: show the list, not "Looking…"."""
    today = window.screens["today"]
    deadline = time.monotonic() + 20
    while getattr(today, "is_looking", False) and time.monotonic() < deadline:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.05)


def _save(app: object, window: MainWindow, path: Path) -> None:
    for _ in range(3):
        app.processEvents()  # type: ignore[attr-defined]
    window.grab().save(str(path))


if __name__ == "__main__":
    sys.exit(main())
