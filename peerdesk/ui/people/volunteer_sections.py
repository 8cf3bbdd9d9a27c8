"""The volunteer's sections of the person page: journey and checks, training, supervision."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog

from peerdesk.services import Services
from peerdesk.services.people.views import PersonView
from peerdesk.services.volunteers.views import DisclosureCheckView, SupervisionView, TrainingView
from peerdesk.ui.people.section import Section
from peerdesk.ui.people.volunteer_dialogs import (
    DisclosureCheckDialog,
    StageDialog,
    SupervisionDialog,
    TrainingDialog,
    VolunteerDialog,
)
from peerdesk.ui.widgets import EmptyState, RecordTable
from peerdesk.ui.widgets.corrections import CorrectionsBar, RemoveDialog, run
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

    def _edit(self, dialog_class: type[VolunteerDialog], record_id: int, view: object) -> None:
        """Open the record's own dialog on it, editing; the page shows the change at once."""
        if self.person_id is None:
            return
        dialog = dialog_class(self.services, self.person_id, self)
        dialog.edit_view(record_id, view)
        if run(dialog):
            self.changed.emit()

    def _remove(self, what: str, remove: Callable[[str], object]) -> None:
        """Ask why `what` goes, then remove it with the reason (one change set)."""
        if run(RemoveDialog(self.services, what, remove, self)):
            self.changed.emit()


class JourneySection(_VolunteerSection):
    """Where they are on the journey, their checks, and what is missing before pairing."""

    def __init__(self, services: Services) -> None:
        super().__init__("Volunteer journey", services)
        self.checks = RecordTable(("Check", "Level", "Issued", "Renew by"), "Disclosure checks")
        self.column.insertWidget(1, self.checks)
        self._checks: dict[int, DisclosureCheckView] = {}
        self.checks_corrections = CorrectionsBar(
            self.checks,
            lambda i: self._edit(DisclosureCheckDialog, i, self._checks[i]),
            lambda i: self._remove(
                "this disclosure check",
                lambda why: self.services.volunteers.remove_disclosure_check(i, why),
            ),
            what="disclosure check",
        )
        self.column.insertWidget(2, self.checks_corrections)
        self.add_action("Rec&ord a step…", lambda: self._record(StageDialog))
        self.add_action("&Add a disclosure check…", lambda: self._record(DisclosureCheckDialog))

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
        checks = self.services.volunteers.disclosure_checks(person.id)
        self._checks = {check.id: check for check in checks}
        for check in checks:
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
        self.checks_corrections.setVisible(bool(rows))


class TrainingSection(_VolunteerSection):
    def __init__(self, services: Services) -> None:
        super().__init__("Training", services)
        self.empty = EmptyState()
        self.table = RecordTable(("Module", "Date", "How long", "Completed"), "Training")
        self._records: dict[int, TrainingView] = {}
        self.corrections = CorrectionsBar(
            self.table,
            lambda i: self._edit(TrainingDialog, i, self._records[i]),
            lambda i: self._remove(
                "this training record",
                lambda why: self.services.volunteers.remove_training(i, why),
            ),
            what="training record",
        )
        self.column.insertWidget(1, self.empty)
        self.column.insertWidget(2, self.table)
        # Edit… and Remove… on the row of the tab's action: a line more for the table.
        self.action_bar.insertWidget(0, self.corrections)
        self.add_action("Rec&ord training…", lambda: self._record(TrainingDialog))

    def show_person(self, person: PersonView) -> None:
        self.person_id = person.id
        records = self.services.volunteers.training(person.id)
        self._records = {r.id: r for r in records}
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
        self.corrections.setVisible(bool(rows))
        self.empty.say("No training recorded yet.")
        self.empty.setVisible(not rows)


class SupervisionSection(_VolunteerSection):
    def __init__(self, services: Services) -> None:
        super().__init__("Supervision", services)
        self.empty = EmptyState()
        self.table = RecordTable(("Date", "How", "How long", "Next"), "Supervision")
        self._records: dict[int, SupervisionView] = {}
        self.corrections = CorrectionsBar(
            self.table,
            lambda i: self._edit(SupervisionDialog, i, self._records[i]),
            lambda i: self._remove(
                f"the supervision on {day(self._records[i].supervision_date)}",
                lambda why: self.services.volunteers.remove_supervision(i, why),
            ),
            what="supervision",
        )
        self.column.insertWidget(1, self.empty)
        self.column.insertWidget(2, self.table)
        self.action_bar.insertWidget(0, self.corrections)  # as Training's
        self.add_action("Rec&ord supervision…", lambda: self._record(SupervisionDialog))

    def show_person(self, person: PersonView) -> None:
        self.person_id = person.id
        rows = []
        records = self.services.volunteers.supervisions(person.id)
        self._records = {s.id: s for s in records}
        for s in records:
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
        self.corrections.setVisible(bool(rows))
        weeks = self.services.organisation.details().supervision_weeks
        self.empty.say(
            f"No supervision recorded yet. Good practice is a one-to-one every {weeks} weeks "
            "while they mentor."
        )
        self.empty.setVisible(not rows)
