"""Menu callbacks: File → Lock now (Ctrl+L)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from peerdesk.services import Services
from peerdesk.ui.security.idle_lock import find_idle_lock

LOCK_SHORTCUT = "Ctrl+L"


def lock_now(services: Services, settings: QSettings, parent: QWidget) -> None:
    lock = find_idle_lock(parent.window())
    if lock is not None:
        lock.lock()
