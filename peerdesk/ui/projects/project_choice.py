"""The "Project" list on a referral, pairing or group: "No project" first, then the running
projects (and the one the record carries already, even ended)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from peerdesk.services import Services

NO_PROJECT_WORDS = "No project"


class ProjectChoice(QComboBox):
    def __init__(
        self, services: Services, current: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.set_value(current)

    @property
    def has_choices(self) -> bool:
        """Whether there is any project to choose (the row is hidden when there is none)."""
        return self.count() > 1

    def value(self) -> int | None:
        data = self.currentData()
        return data if isinstance(data, int) else None

    def set_value(self, project_id: int | None) -> None:
        """Offer the running projects and `project_id` (kept even once ended), chosen."""
        self.clear()
        self.addItem(NO_PROJECT_WORDS, None)
        for project in self.services.projects.choices(current=project_id):
            self.addItem(project.words, project.id)
        self.setCurrentIndex(max(self.findData(project_id), 0) if project_id else 0)
