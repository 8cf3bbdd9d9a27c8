"""The app tells the coordinator, once, when opening set aside another copy's write-ahead log."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.paths import Paths
from peerdesk.services.opening import open_services
from peerdesk.ui.app import show_opening_notice
from tests.conftest import TODAY
from tests.integration.test_foreign_wal import make_database, other_copys_wal, put_beside


def test_the_app_says_a_log_was_set_aside_over_its_window(qtbot: QtBot, paths: Paths) -> None:
    make_database(paths)
    put_beside(paths, other_copys_wal(paths))
    services = open_services(paths, today=lambda: TODAY)
    try:
        window = QWidget()
        qtbot.addWidget(window)
        window.show()
        box = show_opening_notice(window, services)
        assert box is not None
        qtbot.waitUntil(box.isVisible)
        assert window.findChild(QMessageBox, "opening_notice") is box
        assert services.db.foreign_wal is not None
        assert services.db.foreign_wal.name in box.text()
        assert "did not belong to it" in box.text()
        assert "keep that file" in box.text()
        box.accept()
        qtbot.waitUntil(lambda: not box.isVisible())
    finally:
        services.close()


def test_nothing_is_shown_when_nothing_was_set_aside(qtbot: QtBot, paths: Paths) -> None:
    make_database(paths)
    services = open_services(paths, today=lambda: TODAY)
    try:
        window = QWidget()
        qtbot.addWidget(window)
        assert show_opening_notice(window, services) is None
        assert window.findChild(QMessageBox) is None
    finally:
        services.close()
