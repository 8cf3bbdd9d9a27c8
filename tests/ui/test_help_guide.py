"""Help ▸ Coordinator's guide (issue 23): opens the user guide, as a web page made from
docs/user-guide.md, in the browser; the packaged app carries the guide. No browser is
started here: the call that would start one is replaced and records what it was given."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QUrl
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.ui import guide
from peerdesk.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[QUrl]:
    urls: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(guide.QDesktopServices, "openUrl", open_url)
    monkeypatch.setattr(guide, "page_folder", lambda: tmp_path / "guide-page")
    return urls


def _help_action(window: MainWindow, text: str):  # type: ignore[no-untyped-def]
    help_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Help"
    )
    assert isinstance(help_menu, QMenu)
    return next(a for a in help_menu.actions() if a.text().replace("&", "") == text)


def test_help_opens_the_guide_as_a_page_in_the_browser(
    qtbot: QtBot, services: Services, tmp_path: Path, opened: list[QUrl]
) -> None:
    window = MainWindow(services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    _help_action(window, "Coordinator's guide").trigger()
    assert len(opened) == 1
    page = Path(opened[0].toLocalFile())
    assert page.parent == tmp_path / "guide-page" and page.suffix == ".html"
    html = page.read_text(encoding="utf-8")
    # The guide's own words, as HTML (a heading), not the Markdown source.
    assert "the coordinator’s guide" in html or "the coordinator's guide" in html
    assert "<h1" in html and "# peerdesk" not in html
    # Its pictures are linked by their full address, so they show from the page's folder.
    pictures = html.split('src="')[1:]
    assert pictures, "the guide has pictures"
    for picture in pictures:
        assert Path(QUrl(picture.split('"')[0]).toLocalFile()).is_file()


def test_the_guide_shown_is_the_one_in_docs() -> None:
    assert guide.guide_source() == ROOT / "docs" / "user-guide.md"


def test_the_packaged_app_carries_the_guide_where_it_is_looked_for(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The spec copies the guide into the package's resources/guide, and a copy there is
    the one shown (the frozen app has no docs folder)."""
    spec = (ROOT / "packaging" / "peerdesk.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "docs" / "user-guide.md"), "peerdesk/resources/guide")' in spec
    bundled = tmp_path / "peerdesk" / "resources" / "guide" / "user-guide.md"
    bundled.parent.mkdir(parents=True)
    bundled.write_text("# The bundled guide\n", encoding="utf-8")
    monkeypatch.setattr(
        guide, "resource_path", lambda *parts: tmp_path.joinpath("peerdesk", "resources", *parts)
    )
    assert guide.guide_source() == bundled


def test_no_guide_is_said_plainly(
    qtbot: QtBot,
    services: Services,
    tmp_path: Path,
    opened: list[QUrl],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    said: list[str] = []
    monkeypatch.setattr(guide, "guide_source", lambda: None)
    monkeypatch.setattr(
        guide.QMessageBox, "information", lambda _parent, _title, text: said.append(text)
    )
    window = MainWindow(services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    _help_action(window, "Coordinator's guide").trigger()
    assert opened == []
    assert said == ["The guide is not included in this copy of peerdesk."]
