"""The volunteer's sections of the person page: journey and checks, training, supervision."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog

from peerdesk.services import Services
from peerdesk.services.people.views import PersonView
from peerdesk.ui.people.section import Section
from peerdesk.ui.people.volunteer_dialogs import (
    DisclosureCheckDialog,
    StageDialog,
    SupervisionDialog,
    TrainingDialog,
    VolunteerDialog,
)
from peerdesk.ui.widgets import EmptyState, RecordTable
from peerdesk.ui.widgets.words import day, minutes, table_day
from peerdesk.vocabulary import DisclosureLevel, DisclosureScheme, MeetingMode, VolunteerStage


class _VolunteerSection(Section):
    changed = Signal()

    def __init__(self, title: str, services: Services) -> None:
        super().__init__(title)
        self.services = services
        self.person_id: int | None = None

    def _record(self, dialog_class: type[VolunteerDialog]) -> None:
        if self.person_id is None:
            return
        dialog = dialog_class(self.services, self.person_id, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.changed.emit()


class JourneySection(_VolunteerSection):
    """Where they are on the journey, their checks, and what is missing before pairing."""

    def __init__(self, services: Services) -> None:
        super().__init__("Volunteer journey", services)
        self.checks = RecordTable(("Check", "Level", "Issued", "Renew by"), "Disclosure checks")
        self.column.insertWidget(1, self.checks)
        self.add_action("Record a &step…", lambda: self._record(StageDialog))
        self.add_action("Add a &disclosure check…", lambda: self._record(DisclosureCheckDialog))

    def show_person(self, person: PersonView) -> None:
        self.person_id = person.id
        journey = self.services.volunteers.journey(person.id)
        facts = [(VolunteerStage(s.stage).label, day(s.changed_on)) for s in journey]
        if not facts:
            facts = [("Journey", "No steps recorded yet")]
        readiness = self.services.volunteers.readiness(person.id)
        if readiness.may_be_paired:
            facts.append(
                ("Ready to mentor", f"Yes: {readiness.spare} of {readiness.capacity} places free")
            )
        else:
            facts.append(("Before they can be paired", "; ".join(readiness.missing)))
        self.set_facts(facts)
        rows = []
        for check in self.services.volunteers.disclosure_checks(person.id):
            reference = f" ({check.reference_number})" if check.reference_number else ""
            rows.append(
                (
                    check.id,
                    (
                        DisclosureScheme(check.scheme).label + reference,
                        DisclosureLevel(check.level).label,
                        table_day(check.issue_date),
                        table_day(check.renewal_date, "No renewal date"),
                    ),
                )
            )
        self.checks.set_rows(rows)
        self.checks.setVisible(bool(rows))


class TrainingSection(_VolunteerSection):
    def __init__(self, services: Services) -> None:
        super().__init__("Training", services)
        self.empty = EmptyState()
        self.table = RecordTable(("Module", "Date", "How long", "Completed"), "Training")
        self.column.insertWidget(1, self.empty)
        self.column.insertWidget(2, self.table)
        self.add_action("Record &training…", lambda: self._record(TrainingDialog))

    def show_person(self, person: PersonView) -> None:
        self.person_id = person.id
        records = self.services.volunteers.training(person.id)
        rows = []
        for r in records:
            rows.append(
                (
                    r.id,
                    (
                        r.module,
                        table_day(r.training_date),
                        minutes(r.duration_minutes),
                        "Yes" if r.completed else "Not yet",
                    ),
                )
            )
        self.table.set_rows(rows)
        self.table.setVisible(bool(rows))
        self.empty.say("No training recorded yet.")
        self.empty.setVisible(not rows)


class SupervisionSection(_VolunteerSection):
    def __init__(self, services: Services) -> None:
        super().__init__("Supervision", services)
        self.empty = EmptyState()
        self.table = RecordTable(("Date", "How", "How long", "Next"), "Supervision")
        self.column.insertWidget(1, self.empty)
        self.column.insertWidget(2, self.table)
        self.add_action("Record &supervision…", lambda: self._record(SupervisionDialog))

    def show_person(self, person: PersonView) -> None:
        self.person_id = person.id
        rows = []
        for s in self.services.volunteers.supervisions(person.id):
            rows.append(
                (
                    s.id,
                    (
                        table_day(s.supervision_date),
                        MeetingMode(s.mode).label,
                        minutes(s.duration_minutes),
                        table_day(s.next_date, "Not set"),
                    ),
                )
            )
        self.table.set_rows(rows)
        self.table.setVisible(bool(rows))
        weeks = self.services.organisation.details().supervision_weeks
        self.empty.say(
            f"No supervision recorded yet. Good practice is a one-to-one every {weeks} weeks "
            "while they mentor."
        )
        self.empty.setVisible(not rows)
