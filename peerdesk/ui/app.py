"""Starting the desktop app: QApplication, appearance, the database, first run, main window."""

from __future__ import annotations

import argparse
import logging
import sys

from PySide6.QtCore import QSettings, QThreadPool, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from peerdesk.errors import PeerdeskError
from peerdesk.paths import Paths, resource_path
from peerdesk.services import Services
from peerdesk.services.opening import PassphraseNeededError, open_services, opening_notice
from peerdesk.services.safety.views import is_recoverable
from peerdesk.ui import theme
from peerdesk.ui.backups.auto_backup import AutoBackup
from peerdesk.ui.backups.recovery_dialog import recover_at_start
from peerdesk.ui.security.idle_lock import install_idle_lock
from peerdesk.ui.security.screen_lock import lock_with_screen
from peerdesk.ui.security.unlock_dialog import unlock_at_start

log = logging.getLogger(__name__)

APP_ID = "org.peerdesk.Peerdesk"


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("peerdesk")
    app.setApplicationDisplayName("peerdesk")
    app.setOrganizationName("peerdesk")
    app.setOrganizationDomain("peerdesk.org")
    app.setDesktopFileName(APP_ID)
    icon = resource_path("icons", "peerdesk.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def follow_system_colours(app: QApplication, settings: QSettings) -> None:
    """When the computer switches between light and dark, follow it (unless told not to)."""

    def _on_colour_scheme_changed(*_args: object) -> None:
        if theme.theme_choice(settings) == "system":
            theme.apply_appearance(app, settings)

    QGuiApplication.styleHints().colorSchemeChanged.connect(_on_colour_scheme_changed)


def user_settings(paths: Paths) -> QSettings:
    """This computer's preferences (text size, theme, window size, idle lock, backup folder).

    Kept in peerdesk's own config folder rather than the system's default place, so that
    PEERDESK_HOME (tests, benchmarks, a portable install on a USB stick) keeps them apart.
    """
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    return QSettings(str(paths.config_dir / "settings.ini"), QSettings.Format.IniFormat)


def show_opening_notice(window: QWidget, services: Services) -> QMessageBox | None:
    """Tell the coordinator, once, what opening did that they must know (another copy's
    write-ahead log set aside): a message over the main window, which stays usable behind it
    (the database opened fine). None when there is nothing to tell."""
    notice = opening_notice(services)
    if notice is None:
        return None
    box = QMessageBox(
        QMessageBox.Icon.Information, notice.title, notice.text, QMessageBox.StandardButton.Ok
    )
    box.setParent(window, box.windowFlags())
    box.setObjectName("opening_notice")
    box.open()
    return box


def run_app(paths: Paths, args: argparse.Namespace) -> int:
    from peerdesk.ui.first_run import WelcomeDialog
    from peerdesk.ui.main_window import MainWindow

    app = make_application()
    settings = user_settings(paths)
    theme.apply_appearance(app, settings)
    follow_system_colours(app, settings)
    try:
        services = open_services(paths)
    except PassphraseNeededError:
        unlocked = unlock_at_start(paths)
        if unlocked is None:
            return 0
        services = unlocked
    except PeerdeskError as error:
        log.info("database not opened: %s", type(error).__name__)
        if not is_recoverable(error):
            QMessageBox.critical(None, "peerdesk cannot open the database", str(error))
            return 2
        if not recover_at_start(paths, settings, error):
            return 2
        try:
            services = open_services(paths)
        except PeerdeskError as again:
            QMessageBox.critical(None, "peerdesk cannot open the database", str(again))
            return 2
    try:
        if not services.organisation.is_set_up():
            welcome = WelcomeDialog(services, paths)
            if welcome.exec() != QDialog.DialogCode.Accepted:
                return 0
            if welcome.demo_services is not None:
                log.info("running on the demo database")
                services.close()
                services = welcome.demo_services
        window = MainWindow(services, settings)
        window.show()
        show_opening_notice(window, services)
        lock_with_screen(window, install_idle_lock(window, services, settings))
        if getattr(args, "exit_after_start", False):
            # Packaging smoke test and start-up benchmark: quit once the window is up.
            QTimer.singleShot(0, lambda: (print("peerdesk: main window shown"), app.quit()))
        auto_backup = AutoBackup(services, settings, window)
        window.watch_auto_backup(auto_backup)
        auto_backup.start()
        try:
            return app.exec()
        finally:
            auto_backup.finish()
            QThreadPool.globalInstance().waitForDone()  # background work ends before closing
    finally:
        services.close()
