"""Every UI test runs in the app's real appearance (style, palette, text size), whichever test
ran before it in the same process: tests that change the appearance put the default back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from peerdesk.ui import theme


@pytest.fixture(scope="session", autouse=True)
def _default_appearance(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("appearance")
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    theme.apply_appearance(qapp, settings)
