"""How peerdesk looks and sits on this computer: every key it keeps in the user's settings.ini.

Only the window's appearance and place live here (text size, colours, the window's size,
the idle lock, the last folder used), never what the records need: that is in the database,
so that the `peerdesk` command sees it too (`peerdesk.services.organisation`). Every UI module
reads and writes these through the `Preference` objects below, never by string key, and a test
(tests/unit/test_ui_preferences.py) checks that no other key is used anywhere under
`peerdesk/ui`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from peerdesk.services import Services
from peerdesk.services.organisation.views import OldBackupSettings

T = TypeVar("T")


@dataclass(frozen=True)
class Preference(Generic[T]):
    """One key of settings.ini, its default, and how its stored text becomes a value."""

    key: str
    default: T
    #: What it is, for people reading the registry.
    meaning: str
    #: Stored value → value; raises ValueError or TypeError for one that makes no sense.
    parse: Callable[[object], T]

    def read(self, settings: QSettings) -> T:
        """The value kept on this computer, or the default (also for a damaged value)."""
        stored = settings.value(self.key)
        if stored is None:
            return self.default
        try:
            return self.parse(stored)
        except (TypeError, ValueError):
            return self.default

    def write(self, settings: QSettings, value: T) -> None:
        settings.setValue(self.key, value)


def _whole_number(stored: object) -> int:
    # From the file every value is text; written in this run it is still an int.
    return int(str(stored))


def _flag(stored: object) -> bool:
    return str(stored).lower() in {"true", "1"}


def _text(stored: object) -> str:
    return str(stored)


def _bytes(stored: object) -> QByteArray | None:
    if not isinstance(stored, QByteArray):
        raise TypeError("not saved window geometry")
    return stored


TEXT_SIZE = Preference(
    "appearance/text_size", 0, "index into theme.TEXT_SIZES (0: normal)", _whole_number
)
THEME = Preference("appearance/theme", "system", "a key of theme.THEMES", _text)
HIGH_CONTRAST = Preference("appearance/high_contrast", False, "strongest contrast", _flag)
WINDOW_GEOMETRY: Preference[QByteArray | None] = Preference(
    "main_window/geometry", None, "the main window's size and place", _bytes
)
IDLE_LOCK_MINUTES = Preference(
    "security/idle_lock_minutes", 5, "minutes without use before locking (0: never)", _whole_number
)
FIGURES_EXPORT_FOLDER = Preference(
    "figures/export_folder", "", "the folder figures were last saved to ('': home)", _text
)

#: Every preference peerdesk keeps in settings.ini.
REGISTRY: tuple[Preference[Any], ...] = (
    TEXT_SIZE,
    THEME,
    HIGH_CONTRAST,
    WINDOW_GEOMETRY,
    IDLE_LOCK_MINUTES,
    FIGURES_EXPORT_FOLDER,
)

# -- settings that moved to the database ---------------------------------------------------

#: Keys of settings.ini before peerdesk 0.2 kept the backup folder and rotation in the
#: database: read once, handed to the database, then removed (`adopt_old_backup_settings`).
OLD_BACKUP_FOLDER = "backups/folder"
OLD_BACKUP_KEEP = {
    "recent": "backups/keep_recent",
    "daily": "backups/keep_daily",
    "weekly": "backups/keep_weekly",
    "monthly": "backups/keep_monthly",
}
MOVED_TO_DATABASE = (OLD_BACKUP_FOLDER, *OLD_BACKUP_KEEP.values())


def old_backup_folder(settings: QSettings) -> Path | None:
    """The backup folder an older peerdesk kept here, not yet handed to the database."""
    folder = settings.value(OLD_BACKUP_FOLDER)
    return Path(str(folder)) if folder else None


def adopt_old_backup_settings(settings: QSettings, services: Services) -> bool:
    """Hand the backup folder and rotation an older peerdesk kept here to the database, once.

    QSettings reads its own file (its escaping of paths is its own), the database decides
    what to take (`OrganisationService.adopt_old_backup_settings`), and the keys are removed
    once the database has settled them. True when something was handed over.
    """
    present = [key for key in MOVED_TO_DATABASE if settings.contains(key)]
    if not present:
        return False
    folder = old_backup_folder(settings)
    keep = tuple(
        (kind, str(value))
        for kind, key in OLD_BACKUP_KEEP.items()
        if (value := settings.value(key)) is not None
    )
    old = OldBackupSettings(folder=str(folder) if folder else "", keep=keep)
    # Keys holding nothing (an empty folder) need no database to be removed.
    if not old.is_empty and not services.organisation.adopt_old_backup_settings(old):
        return False
    for key in present:
        settings.remove(key)
    settings.sync()
    return not old.is_empty
