"""Settings ▸ Projects: the organisation's projects or funding streams, edited by keyboard.

The Settings screen shows a short summary and a button; the list is edited in its own window
(`ProjectsDialog`), whose access keys are its own (Settings ▸ Lists opens it with Alt+P). Each button is one service call (`services.projects`),
one change set in History; a refusal is shown under the input it is about, or under the list.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services import Services
from peerdesk.services.projects.views import ProjectView
from peerdesk.ui import announcer
from peerdesk.ui.widgets import FormRows
from peerdesk.ui.widgets.corrections import RemoveDialog, run
from peerdesk.ui.widgets.fit_screen import fit_to_screen
from peerdesk.ui.widgets.list_editor import ListEditing, list_with_problem_line
from peerdesk.ui.widgets.rows_model import Column, RowsModel


def _ended(project: ProjectView) -> str:
    if project.ended_on is None:
        return "Running"
    return f"Ended {project.ended_on.day} {project.ended_on:%B %Y}"


COLUMNS: list[Column[ProjectView]] = [
    Column("Project", lambda p: p.name, lambda p: p.name.casefold()),
    Column("Status", _ended, lambda p: (p.ended_on is not None, p.ended_on)),
    Column("Records", lambda p: str(p.records), lambda p: p.records, numeric=True),
]


class ProjectsPanel(QGroupBox):
    """The Settings screen's part: what projects there are, and the way to edit them."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__("Projects", parent)
        self.services = services
        self.setAccessibleName("Projects")
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        row = QHBoxLayout()
        self.edit_button = QPushButton("Edit the &projects…")
        self.edit_button.setAccessibleName("Edit the projects")
        self.edit_button.clicked.connect(self._on_edit_clicked)
        row.addWidget(self.edit_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        projects = self.services.projects.listing()
        running = [p.name for p in projects if p.is_open]
        named = ", ".join(running) if running else "none running"
        self.summary.setText(
            "Projects or funding streams (for example “Mentoring (Lottery)”): referrals, "
            "pairings, groups and expense claims can carry one, and the figures can be "
            f"counted for one project. {len(projects)} in all; {named}."
        )

    def _on_edit_clicked(self) -> None:
        ProjectsDialog(self.services, self).exec()
        self.refresh()


class ProjectsDialog(QDialog, ListEditing[ProjectView]):
    row_type = ProjectView

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle("Projects")
        layout = QVBoxLayout(self)
        self.model: RowsModel[ProjectView] = RowsModel(COLUMNS, lambda p: p.id, self)
        self.table, self.list_problem = list_with_problem_line(
            self,
            layout,
            "Type a name and add it; or choose a project, then rename, end or remove it. An "
            "ended project stays on its records but is offered for no new one. A project on "
            "any record cannot be removed: end it instead.",
            "&Projects",
            "Projects",
            self.model,
        )
        form = QFormLayout()
        layout.addLayout(form)
        self.rows = FormRows(form)
        self.name = self.rows.add("&Name", QLineEdit(), field="name")
        self.add_buttons(
            self,
            layout,
            (
                ("add", "&Add", self._on_add_clicked),
                ("rename", "&Rename", self._on_rename_clicked),
                ("end", "&End", self._on_end_clicked),
                ("reopen", "Re&open", self._on_reopen_clicked),
                ("remove", "Re&move…", self._on_remove_clicked),
            ),
        )
        self.reload()
        # As big as the list, its words and its buttons need at the text size in use (wrapped
        # lines included), never beyond the screen.
        fit_to_screen(self)
        self.name.setFocus()

    # -- showing ---------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        self.model.set_rows(self.services.projects.listing())
        self.choose(select_id)

    def _show_selected(self) -> None:
        project = self.selected()
        if project is not None:
            self.name.setText(project.name)
        self.buttons["rename"].setEnabled(project is not None)
        self.buttons["end"].setEnabled(project is not None and project.is_open)
        self.buttons["reopen"].setEnabled(project is not None and not project.is_open)
        self.buttons["remove"].setEnabled(project is not None)

    # -- changing --------------------------------------------------------------------------
    def _on_add_clicked(self) -> None:
        name = self.name.text()
        self._run(f"Added “{name.strip()}”.", lambda: self.services.projects.add(name))

    def _on_rename_clicked(self) -> None:
        project, name = self.selected(), self.name.text()
        if project is not None:
            self._run(
                f"Renamed “{project.name}” to “{name.strip()}”.",
                lambda: self.services.projects.change_name(project.id, name),
            )

    def _on_end_clicked(self) -> None:
        project = self.selected()
        if project is not None:
            self._run(
                f"“{project.name}” has ended: it is offered for no new record.",
                lambda: self.services.projects.end(project.id),
            )

    def _on_reopen_clicked(self) -> None:
        project = self.selected()
        if project is not None:
            self._run(
                f"“{project.name}” is running again.",
                lambda: self.services.projects.reopen(project.id),
            )

    def _on_remove_clicked(self) -> None:
        project = self.selected()
        if project is None:
            return
        if project.records:
            # Refused before asking why (no reason given, so nothing can go): the service
            # says where it is and what to do.
            self._run("", lambda: self.services.projects.remove(project.id, ""))
            return
        dialog = RemoveDialog(
            self.services,
            f"the project “{project.name}”",
            lambda reason: self.services.projects.remove(project.id, reason),
            self,
        )
        if run(dialog):
            self.reload()
            self.list_problem.setText(f"✓ Removed “{project.name}”.")
            announcer.announce(f"Removed “{project.name}”.", self.list_problem)
