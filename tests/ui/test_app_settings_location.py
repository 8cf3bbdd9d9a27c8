"""This computer's preferences stay inside peerdesk's own folders."""

from __future__ import annotations

from pathlib import Path

from peerdesk.paths import Paths
from peerdesk.ui.app import user_settings


def test_preferences_are_kept_in_the_config_folder(paths: Paths) -> None:
    settings = user_settings(paths)
    settings.setValue("appearance/text_size", 3)
    settings.sync()
    assert Path(settings.fileName()).parent == paths.config_dir
    assert (paths.config_dir / "settings.ini").exists()
    assert user_settings(paths).value("appearance/text_size") in (3, "3")
