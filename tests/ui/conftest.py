"""Every UI test runs in the app's real appearance (style, palette, text size), whichever test
ran before it in the same process: tests that change the appearance put the default back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from peerdesk.ui import preferences, theme


@pytest.fixture(scope="session", autouse=True)
def _default_appearance(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("appearance")
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    theme.apply_appearance(qapp, settings)


@pytest.fixture
def largest(tmp_path: Path, qapp: QApplication) -> Iterator[QSettings]:
    """The largest text size for the test (settings to build windows with); the default
    appearance is put back afterwards."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    preferences.TEXT_SIZE.write(settings, len(theme.TEXT_SIZES) - 1)
    theme.apply_appearance(qapp, settings)
    yield settings
    settings.clear()
    theme.apply_appearance(qapp, settings)
