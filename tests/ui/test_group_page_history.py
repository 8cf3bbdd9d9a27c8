"""A group's page has a History tab: every change to the group's own record, newest first,
in plain words."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from peerdesk.services import Services
from peerdesk.services.groups.views import GroupDetails
from peerdesk.ui.groups.group_page import GroupPage


def test_the_group_page_lists_its_changes_newest_first(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    group = services.groups.create(GroupDetails(name="Carers' Circle"))
    page = GroupPage(services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(page)
    page.show_group(group.id)
    assert page.history.lines() == ["Group added"]
    services.groups.update(group.id, GroupDetails(name="Carers' Cafe"))
    page.reload()
    newest = page.history.lines()[0]
    assert "Carers' Circle" in newest and "Carers' Cafe" in newest, newest
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert "Histor&y" in titles
