"""Render every screen and record page from demo data, in four looks, and the dialogs on one
contact sheet per look.

    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb \\
        python scripts/screenshots.py --out docs/screenshots --contact-sheet

(QT_QPA_PLATFORM=offscreen works too.) Writes <view>-<look>.png for each screen (today,
people, pairings, sessions, groups, forms, figures, expenses, concerns, training, settings)
and record page (person: a mentee's page, mentor: a mentor's page, pairing, group), in the
looks normal (light, normal text), largest (light, largest text), contrast (high contrast)
and dark; with --contact-sheet, dialogs-<look>.png; and for the user guide's "Taking a
referral", referral-new-normal.png (the New referral dialog for someone new) and
referral-section-normal.png (a waiting person's Referral tab); and today-first-run-normal.png
(an empty database's Today, with its three first steps). The demo is generated afresh
in a temporary folder with seed 1 and a fixed date, so the pictures only change when the app
does. Pictures are saved with at most --colours colours (smaller files for the docs).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dialog_catalogue import DIALOGS
from PySide6.QtCore import QEventLoop, QRect, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.demo import DemoOptions
from peerdesk.services.opening import open_services
from peerdesk.ui import preferences, theme
from peerdesk.ui.app import make_application
from peerdesk.ui.main_window import MainWindow
from peerdesk.ui.printing.dialog import FormPreviewDialog
from peerdesk.ui.referrals.referral_dialog import ReferralDialog

TODAY = date(2026, 6, 15)
LARGEST = len(theme.TEXT_SIZES) - 1


@dataclass(frozen=True)
class Look:
    """One way the app can look: a theme, high contrast or not, a text size."""

    name: str
    theme: str
    high_contrast: bool
    text_size: int


LOOKS = {
    look.name: look
    for look in (
        Look("normal", "light", False, 0),
        Look("largest", "light", False, LARGEST),
        Look("contrast", "light", True, 0),
        Look("dark", "dark", False, 0),
    )
}

#: The contact sheet: columns, and the largest a dialog's picture is drawn in its cell.
SHEET_COLUMNS = 3
CELL = QSize(620, 560)
CAPTION = 34


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--width", type=int, default=1366)
    parser.add_argument("--height", type=int, default=768)
    parser.add_argument(
        "--looks",
        default=",".join(LOOKS),
        help=f"comma-separated, of: {', '.join(LOOKS)} (default: all)",
    )
    parser.add_argument(
        "--contact-sheet", action="store_true", help="also the dialogs, one sheet per look"
    )
    parser.add_argument(
        "--colours", type=int, default=160, help="most colours per picture (0: no limit)"
    )
    args = parser.parse_args(argv)
    looks = [LOOKS[name.strip()] for name in args.looks.split(",") if name.strip()]
    args.out.mkdir(parents=True, exist_ok=True)
    app = make_application()
    keep: list[QWidget] = []  # windows stay alive: screens may still finish background work
    with tempfile.TemporaryDirectory() as folder:
        paths = Paths.under(Path(folder))
        paths.ensure()
        services = open_services(paths, today=lambda: TODAY)
        try:
            services.demo.generate(DemoOptions(seed=1))
            for look in looks:
                settings = QSettings(
                    str(Path(folder) / f"{look.name}.ini"), QSettings.Format.IniFormat
                )
                preferences.THEME.write(settings, look.theme)
                preferences.HIGH_CONTRAST.write(settings, look.high_contrast)
                preferences.TEXT_SIZE.write(settings, look.text_size)
                theme.apply_appearance(app, settings)
                window = MainWindow(services, settings)
                window.resize(args.width, args.height)
                window.show()
                keep.append(window)
                saver = Saver(app, args.out, look.name, args.colours)
                saver.size = QSize(args.width, args.height)
                _screens(saver, window, services)
                if look.name == "normal":
                    _referral_shots(saver, window, services)
                    keep.append(_first_run(saver, Path(folder), settings))
                if args.contact_sheet:
                    _contact_sheet(saver, window, services)
                window.hide()
        finally:
            services.close()
    print(f"Screenshots written to {args.out}")
    return 0


class Saver:
    """Saves pictures for one look, with the colours limited (a far smaller PNG)."""

    def __init__(self, app: QApplication, out: Path, look: str, colours: int) -> None:
        self.app, self.out, self.look, self.colours = app, out, look, colours
        self.size = QSize(1366, 768)

    def settle(self) -> None:
        for _ in range(3):
            self.app.processEvents()

    def window(self, widget: QWidget, view: str, *, with_look: bool = True) -> None:
        self.settle()
        self.image(widget.grab().toImage(), f"{view}-{self.look}" if with_look else view)

    def image(self, image: QImage, stem: str) -> None:
        path = self.out / f"{stem}.png"
        image.save(str(path))
        if self.colours:
            _fewer_colours(path, self.colours)


def _fewer_colours(path: Path, colours: int) -> None:
    """A palette PNG: text and flat colours lose nothing a reader would see."""
    try:
        from PIL import Image
    except ImportError:
        return  # full colour, just larger
    with Image.open(path) as picture:
        fewer = picture.convert("RGB").quantize(colors=colours, method=Image.Quantize.MEDIANCUT)
    fewer.save(path, optimize=True)


def _screens(saver: Saver, window: MainWindow, services: Services) -> None:
    """Every screen, then a mentee's, a mentor's, a pairing's and a group's page."""
    for key in window.screens:
        window.show_screen(key)
        _wait_for_background(saver, window.screens[key])
        saver.window(window, key)
    rows = services.people.list_rows()
    records = [
        ("person", "person", next(r for r in rows if r.status == "Paired").id),
        ("mentor", "person", next(r for r in rows if "mentor" in r.roles).id),
        ("pairing", "pairing", services.pairings.rows()[0].id),
        ("group", "group", services.groups.rows()[0].id),
    ]
    for view, kind, record_id in records:
        window.open_record(kind, record_id)
        saver.window(window, view)


def _referral_shots(saver: Saver, window: MainWindow, services: Services) -> None:
    """The New referral dialog (as Pairings opens it) and a waiting person's referral."""
    waiting = next(r for r in services.people.list_rows() if r.status == "Waiting for a mentor")
    window.open_record("person", waiting.id)
    page = window.current_person_page()
    if page is not None:
        page.show_section(page.referral)
        saver.window(window, "referral-section-normal", with_look=False)
    dialog = ReferralDialog(window.services, parent=window, choose_person=True)
    dialog.show()
    saver.window(dialog, "referral-new-normal", with_look=False)
    dialog.reject()


def _first_run(saver: Saver, folder: Path, settings: QSettings) -> QWidget:
    """An empty database's Today, with its three first steps: today-first-run-normal.png."""
    paths = Paths.under(folder / "empty")
    paths.ensure()
    empty = open_services(paths, today=lambda: TODAY)
    window = MainWindow(empty, settings)
    window.resize(saver.size)
    window.show()
    today = window.screens["today"]
    _wait_for_background(saver, today)
    saver.window(window, "today-first-run")
    window.hide()
    empty.close()
    return window


def _contact_sheet(saver: Saver, window: MainWindow, services: Services) -> None:
    """Every dialog of scripts/dialog_catalogue.py, each drawn at most CELL in size under its
    name, on one picture."""
    pictures: list[tuple[str, QImage]] = []
    for name, factory in DIALOGS:
        dialog = factory(services, window)
        dialog.show()
        if isinstance(dialog, FormPreviewDialog):
            _wait_for_form(dialog)
        saver.settle()
        pictures.append((name, dialog.grab().toImage()))
        dialog.reject()
        saver.settle()
    rows = (len(pictures) + SHEET_COLUMNS - 1) // SHEET_COLUMNS
    cell = QSize(CELL.width(), CELL.height() + CAPTION)
    sheet = QImage(cell.width() * SHEET_COLUMNS, cell.height() * rows, QImage.Format.Format_RGB32)
    palette = window.palette()
    sheet.fill(palette.color(palette.ColorRole.Window))
    painter = QPainter(sheet)
    font = QFont(window.font())
    font.setPointSize(12)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor(palette.color(palette.ColorRole.WindowText)))
    for number, (name, picture) in enumerate(pictures):
        left = (number % SHEET_COLUMNS) * cell.width()
        top = (number // SHEET_COLUMNS) * cell.height()
        painter.drawText(
            QRect(left + 8, top, cell.width() - 16, CAPTION), Qt.AlignmentFlag.AlignVCenter, name
        )
        shown = picture
        if picture.width() > CELL.width() - 16 or picture.height() > CELL.height() - 8:
            shown = picture.scaled(
                QSize(CELL.width() - 16, CELL.height() - 8),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        painter.drawImage(left + 8, top + CAPTION, shown)
    painter.end()
    saver.image(sheet, f"dialogs-{saver.look}")


def _wait_for_form(dialog: FormPreviewDialog) -> None:
    """The preview makes its form in the background: picture the form, not "Preparing…"."""
    loop = QEventLoop()
    dialog.rendered.connect(loop.quit)
    QTimer.singleShot(20_000, loop.quit)
    dialog.render_form()
    loop.exec()


def _wait_for_background(saver: Saver, screen: QWidget) -> None:
    """Today and Figures work out what they show in the background: picture the result."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and (
        getattr(screen, "is_looking", False) or getattr(screen, "busy", False)
    ):
        saver.settle()
        time.sleep(0.05)


if __name__ == "__main__":
    sys.exit(main())
