"""The Groups screen: the list of groups, and a page for each with its meetings."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QVBoxLayout

from peerdesk.errors import NotFoundError
from peerdesk.services import Services
from peerdesk.ui.groups.group_dialog import GroupDialog
from peerdesk.ui.groups.group_page import GroupPage
from peerdesk.ui.groups.groups_list import GroupsList
from peerdesk.ui.screens.base import Screen
from peerdesk.ui.widgets.page_stack import PageStack


class GroupsScreen(Screen):
    def __init__(self, services: Services, settings: QSettings) -> None:
        super().__init__(services, settings)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = PageStack(self)
        self.list = GroupsList(services)
        self.page = GroupPage(services, settings)
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.page)
        layout.addWidget(self.stack)
        self.dialog: GroupDialog | None = None
        self.list.group_opened.connect(self.open_group)
        self.list.new_group_requested.connect(self.new_group)
        self.page.back_requested.connect(self._on_page_back_requested)
        self.page.record_requested.connect(self.record_requested)
        self.page.group_changed.connect(self._on_page_group_changed)

    def refresh(self) -> None:
        self.list.refresh()
        if self.stack.currentWidget() is self.page and self.page.group_id:
            try:
                self.page.reload()
            except NotFoundError:
                self.stack.setCurrentWidget(self.list)

    def show_record(self, kind: str, record_id: int) -> bool:
        try:
            if kind == "group":
                self.open_group(record_id)
                return True
            if kind == "meeting":
                meeting = self.services.groups.get_meeting(record_id)
                self.open_group(meeting.group_id)
                self.page.select_meeting(record_id)
                return True
        except NotFoundError:
            return False
        return False

    def open_group(self, group_id: int) -> None:
        self.page.show_group(group_id)
        self.stack.setCurrentWidget(self.page)

    def new_group(self) -> GroupDialog:
        dialog = GroupDialog(self.services, None, self)
        dialog.group_saved.connect(self._on_group_created)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_group_created(self, group_id: int) -> None:
        self.list.refresh()
        self.open_group(group_id)

    def _on_page_back_requested(self) -> None:
        self.list.refresh()
        self.stack.setCurrentWidget(self.list)
        self.list.table.setFocus()

    def _on_page_group_changed(self, _group_id: int) -> None:
        self.list.refresh()
