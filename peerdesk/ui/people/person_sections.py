"""The sections of the person page about the person themself: details and contact
permissions, roles, conditions and availability, pairings and sessions. (The referral section is
peerdesk/ui/referrals/referral_section.py.)"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QPushButton

from peerdesk.errors import PeerdeskError
from peerdesk.services import Services
from peerdesk.services.people.views import PersonView, RoleView
from peerdesk.ui.messages import show_problem
from peerdesk.ui.people.availability_dialog import AvailabilityDialog
from peerdesk.ui.people.role_dialog import RoleDialog
from peerdesk.ui.people.section import Section
from peerdesk.ui.widgets import EmptyState, RecordTable
from peerdesk.ui.widgets.corrections import CorrectionsBar, RemoveDialog, run
from peerdesk.ui.widgets.flow_layout import FlowLayout, labelled
from peerdesk.ui.widgets.words import age_on, day, table_day, text_or
from peerdesk.vocabulary import (
    ConditionLink,
    ConsentKind,
    Gender,
    MeetingMode,
    PairingStatus,
    Role,
    SessionStatus,
)

#: How each way of contacting someone is named on their page.
CONTACT_WORDS = {
    ConsentKind.CONTACT_PHONE: "Phone",
    ConsentKind.CONTACT_TEXT: "Text messages",
    ConsentKind.CONTACT_EMAIL: "Email",
    ConsentKind.CONTACT_POST: "Post",
}


class DetailsSection(Section):
    def __init__(self, services: Services) -> None:
        super().__init__("Details and contact permissions")
        self.services = services

    def show_person(self, person: PersonView) -> None:
        allowed = [CONTACT_WORDS[kind] for kind in self.services.consents.contact_ways(person.id)]
        permissions = (
            ", ".join(allowed)
            if allowed
            else "None recorded yet: ask how they would like to be contacted"
        )
        self.set_facts(
            [
                ("Name they use", person.display_name),
                ("Pronouns", text_or(person.pronouns)),
                ("Date of birth", age_on(person.date_of_birth, self.services.today())),
                ("Gender", Gender(person.gender).label if person.gender else "Not recorded"),
                ("Phone", text_or(person.phone, "No phone number")),
                ("Email", text_or(person.email, "No email address")),
                ("Address", text_or(", ".join(person.address.splitlines()), "No address")),
                ("Postcode", text_or(person.postcode)),
                ("Area", text_or(person.area)),
                ("May be contacted by", permissions),
                ("Large print", "Yes, print forms large" if person.needs_large_print else "No"),
                ("Notes", text_or(person.notes, "No notes")),
            ]
        )


class RolesSection(Section):
    """Current roles, with when they started; add or end a role (history is kept)."""

    changed = Signal()

    def __init__(self, services: Services) -> None:
        super().__init__("Roles")
        self.services = services
        self.person_id: int | None = None
        # A row that wraps: at the largest text the caption, list and two buttons are wider
        # than the tab.
        row = FlowLayout()
        self.new_role = QComboBox()
        self.new_role.setAccessibleName("Role to add or end")
        for role in Role:
            self.new_role.addItem(role.label, role.value)
        # "&Which role" and "End this r&ole": every letter of "Role" but o is taken.
        caption = QLabel("&Which role:")
        caption.setBuddy(self.new_role)
        row.addWidget(labelled(caption, self.new_role))
        self.add_button = QPushButton("&Add this role")
        self.end_button = QPushButton("End this r&ole")
        self.add_button.clicked.connect(self._on_add_clicked)
        self.end_button.clicked.connect(self._on_end_clicked)
        row.addWidget(self.add_button)
        row.addWidget(self.end_button)
        self.column.addLayout(row)
        # Every role held, with its dates, to put a wrong date right or remove one given in
        # error (the facts above say what they are now).
        self.table = RecordTable(("Role", "From", "Until"), "Roles held")
        self._roles: dict[int, RoleView] = {}
        self.corrections = CorrectionsBar(self.table, self._edit, self._remove, what="role")
        self.column.addWidget(self.table)
        self.column.addWidget(self.corrections)

    def show_person(self, person: PersonView) -> None:
        self.person_id = person.id
        roles = self.services.people.roles(person.id)
        self.set_facts(
            [(Role(r.role).label, f"since {day(r.started_on)}") for r in roles]
            or [("Roles", "No current role")]
        )
        held = self.services.people.roles(person.id, current_only=False)
        self._roles = {r.id: r for r in held}
        self.table.set_rows(
            [
                (r.id, (Role(r.role).label, table_day(r.started_on), table_day(r.ended_on, "Now")))
                for r in held
            ]
        )
        self.table.setVisible(bool(held))
        self.corrections.setVisible(bool(held))

    def _edit(self, role_id: int) -> None:
        view = self._roles[role_id]
        dialog = RoleDialog(self.services, self)
        dialog.edit(role_id, view, title=f"Edit role: {Role(view.role).label}")
        if run(dialog):
            self.changed.emit()

    def _remove(self, role_id: int) -> None:
        view = self._roles[role_id]
        what = f"the role {Role(view.role).label.lower()} (from {day(view.started_on)})"
        remove = RemoveDialog(
            self.services,
            what,
            lambda why: self.services.people.remove_role(role_id, why),
            self,
        )
        if run(remove):
            self.changed.emit()

    def _on_add_clicked(self) -> None:
        if self.person_id is None:
            return
        try:
            self.services.people.add_role(self.person_id, self.new_role.currentData())
        except PeerdeskError as error:
            show_problem(self, "The role was not added", error)
            return
        self.changed.emit()

    def _on_end_clicked(self) -> None:
        if self.person_id is None:
            return
        role = Role(self.new_role.currentData())
        answer = QMessageBox.question(
            self,
            "End this role?",
            f"End their role as {role.label.lower()} today? The history is kept.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.services.people.end_role(self.person_id, role)
        except PeerdeskError as error:
            show_problem(self, "The role was not ended", error)
            return
        self.changed.emit()


class NeedsSection(Section):
    """Conditions, when and how they can meet, and their needs; the availability is
    recorded in its own dialog (the same for someone waiting and for a mentor)."""

    #: Availability was saved (the page refreshes).
    changed = Signal()

    def __init__(self, services: Services) -> None:
        super().__init__("Conditions and availability")
        self.services = services
        self.person_id: int | None = None
        self.active_dialog: AvailabilityDialog | None = None
        self.availability_button = self.add_action(
            "Availa&bility and ways to meet…", self.edit_availability
        )

    def edit_availability(self) -> AvailabilityDialog | None:
        """Opened window-modal without blocking; the page refreshes when it is saved."""
        if self.person_id is None:
            return None
        dialog = AvailabilityDialog(self.services, self.person_id, self)
        dialog.accepted.connect(self.changed)
        self.active_dialog = dialog
        dialog.open()
        return dialog

    def show_person(self, person: PersonView) -> None:
        self.person_id = person.id
        conditions = self.services.people.conditions(person.id)
        facts: list[tuple[str, str]] = []
        for link in ConditionLink:
            names = [c.name for c in conditions if c.link is link]
            if names:
                facts.append((link.label, ", ".join(names)))
        if not facts:
            facts.append(("Conditions", "None recorded"))
        slots = self.services.people.availability(person.id)
        by_day: dict[str, list[str]] = {}
        for weekday, part in slots:
            by_day.setdefault(weekday.label, []).append(part.label.lower())
        facts.append(
            (
                "Can meet",
                "; ".join(f"{d} {' and '.join(p)}" for d, p in by_day.items())
                or "Not recorded yet",
            )
        )
        modes: list[MeetingMode] = self.services.people.meeting_modes(person.id)
        facts.append(("Ways to meet", ", ".join(m.label for m in modes) or "Not recorded yet"))
        facts.append(("Access needs", text_or(person.access_needs, "None recorded")))
        facts.append(("Energy needs", text_or(person.energy_needs, "None recorded")))
        self.set_facts(facts)


class PairingsSection(Section):
    """Their pairings and recent sessions; activating a row opens that record."""

    record_requested = Signal(str, int)

    def __init__(self, services: Services) -> None:
        super().__init__("Pairings and sessions")
        self.services = services
        self.empty = EmptyState()
        self.pairings = RecordTable(
            ("With", "As", "Status", "Started", "Sessions held"), "Pairings"
        )
        self.sessions = RecordTable(("Date", "With", "Status"), "Recent sessions")
        self.pairings.record_activated.connect(
            lambda pairing_id: self.record_requested.emit("pairing", pairing_id)
        )
        self.sessions.record_activated.connect(
            lambda session_id: self.record_requested.emit("session", session_id)
        )
        hint = QLabel("Press Enter or double-click a line to open it.")
        hint.setWordWrap(True)
        self.hint = hint
        for widget in (self.empty, hint, self.pairings, self.sessions):
            self.column.insertWidget(self.column.count() - 1, widget)

    def show_person(self, person: PersonView) -> None:
        found = self.services.people.pairings(person.id)
        rows = [
            (
                p.id,
                (
                    p.other_name,
                    "Mentor" if p.as_mentor else "Supported",
                    PairingStatus(p.status).label,
                    table_day(p.start_date, "Not started"),
                    str(p.sessions_held),
                ),
            )
            for p in found.pairings
        ]
        session_rows = [
            (s.id, (table_day(s.session_date), s.other_name, SessionStatus(s.status).label))
            for s in found.recent_sessions
        ]
        self.pairings.set_rows(rows)
        self.sessions.set_rows(session_rows)
        self.empty.say(
            "No pairings yet. When they are matched, the pairing and its sessions appear here."
        )
        self.empty.setVisible(not rows)
        for widget in (self.pairings, self.sessions, self.hint):
            widget.setVisible(bool(rows))
        self.sessions.setVisible(bool(session_rows))
