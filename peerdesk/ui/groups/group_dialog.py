"""Add or change a group's details: name, drop-in or closed, where and when, status."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QTimeEdit, QWidget

from peerdesk.services import Services
from peerdesk.services.groups.views import GroupDetails
from peerdesk.ui.projects.project_choice import ProjectChoice
from peerdesk.ui.widgets.form_rows import minutes_box
from peerdesk.ui.widgets.record_dialog import RecordDialog
from peerdesk.ui.widgets.words import GROUP_KIND_WORDS, GROUP_STATUS_WORDS
from peerdesk.vocabulary import Weekday


class GroupDialog(RecordDialog):
    group_saved = Signal(int)

    def __init__(
        self, services: Services, group_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            services, parent, title="Change group details" if group_id else "New group"
        )
        self.group_id = group_id
        self.name = QLineEdit(self)
        self.kind = QComboBox(self)
        for value, words in GROUP_KIND_WORDS.items():
            self.kind.addItem(
                words
                + (
                    ": anyone may come, no details needed"
                    if value == "drop_in"
                    else ": fixed membership"
                ),
                value,
            )
        self.venue = QLineEdit(self)
        self.venue.setPlaceholderText("e.g. Thurso Community Centre, or the video link's name")
        self.online = QCheckBox("Meets &online", self)
        self.weekday = QComboBox(self)
        self.weekday.addItem("No usual day", None)
        for day in Weekday:
            self.weekday.addItem(day.label, day.value)
        self.has_time = QCheckBox("Usual start &time known", self)
        self.usual_time = QTimeEdit(self)
        self.usual_time.setDisplayFormat("HH:mm")
        self.usual_time.setTime(QTime(14, 0))
        self.duration = minutes_box(90)
        self.status = QComboBox(self)
        for value, words in GROUP_STATUS_WORDS.items():
            self.status.addItem(words, value)
        for text, widget, name, field in (
            ("&Name", self.name, "Group name", "name"),
            ("&Kind", self.kind, "Drop-in or closed", "kind"),
            ("&Venue", self.venue, "Venue", "venue"),
            ("", self.online, "Meets online", "is_online"),
            ("Usual &day", self.weekday, "Usual day", "usual_weekday"),
            ("", self.has_time, "Usual start time known", "has_time"),
            ("&Start time", self.usual_time, "Usual start time", "usual_time"),
            ("Usual &length", self.duration, "Usual length in minutes", "usual_duration_minutes"),
            ("St&atus", self.status, "Status", "status"),
        ):
            if text:
                self.rows.add(text, widget, field=field)
            else:
                self.rows.add_wide(widget)
            widget.setAccessibleName(name)
        self.has_time.toggled.connect(self.usual_time.setEnabled)
        self.details = GroupDetails(name="", started_on=services.today())
        if group_id is not None:
            self.details = services.groups.details(group_id)
        # Only when the organisation has projects (Settings ▸ Projects).
        self.project = self.rows.add(
            "Pro&ject", ProjectChoice(services, self.details.project_id), field="project_id"
        )
        self.rows.set_visible("project_id", self.project.has_choices)
        self._load()

    def _load(self) -> None:
        d = self.details
        self.name.setText(d.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(d.kind)))
        self.venue.setText(d.venue)
        self.online.setChecked(d.is_online)
        self.weekday.setCurrentIndex(max(0, self.weekday.findData(d.usual_weekday)))
        self.has_time.setChecked(d.usual_time is not None or self.group_id is None)
        self.usual_time.setEnabled(self.has_time.isChecked())
        if d.usual_time is not None:
            self.usual_time.setTime(QTime(d.usual_time.hour, d.usual_time.minute))
        self.duration.setValue(d.usual_duration_minutes)
        self.status.setCurrentIndex(max(0, self.status.findData(d.status)))

    def values(self) -> GroupDetails:
        d = self.details
        picked = self.usual_time.time()
        return GroupDetails(
            name=self.name.text(),
            kind=self.kind.currentData(),
            venue=self.venue.text(),
            is_online=self.online.isChecked(),
            usual_weekday=self.weekday.currentData(),
            usual_time=time(picked.hour(), picked.minute()) if self.has_time.isChecked() else None,
            usual_duration_minutes=self.duration.value(),
            status=self.status.currentData(),
            ground_rules=d.ground_rules,
            ground_rules_reviewed_on=d.ground_rules_reviewed_on,
            started_on=d.started_on,
            project_id=self.project.value(),
        )

    def write(self) -> None:
        if self.group_id is None:
            group = self.services.groups.create(self.values())
        else:
            group = self.services.groups.update(self.group_id, self.values())
        self.group_id = group.id
        self.group_saved.emit(group.id)
