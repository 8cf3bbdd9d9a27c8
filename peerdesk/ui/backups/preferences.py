"""Backup settings kept in QSettings (no schema change): the chosen folder and rotation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from peerdesk.services import Services
from peerdesk.services.backups import RotationPolicy

FOLDER_KEY = "backups/folder"


def chosen_folder(settings: QSettings) -> Path | None:
    value = settings.value(FOLDER_KEY, "")
    return Path(str(value)) if value else None


def set_chosen_folder(settings: QSettings, folder: Path | None) -> None:
    settings.setValue(FOLDER_KEY, str(folder) if folder else "")


def policy(settings: QSettings) -> RotationPolicy:
    default = RotationPolicy()

    def number(key: str, fallback: int) -> int:
        try:
            return max(1, int(str(settings.value(f"backups/{key}", fallback))))
        except ValueError:
            return fallback

    return RotationPolicy(
        recent=number("keep_recent", default.recent),
        daily=number("keep_daily", default.daily),
        weekly=number("keep_weekly", default.weekly),
        monthly=number("keep_monthly", default.monthly),
    )


def apply(services: Services, settings: QSettings) -> None:
    """Point the backup service at the folder and rotation the coordinator chose."""
    services.backups.choose_folder(chosen_folder(settings))
    services.backups.policy = policy(settings)
