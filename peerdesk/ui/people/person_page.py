"""One person's page: who they are, their roles, needs, referral, volunteering, consents,
pairings and sessions, with Edit, Print and Archive at the top."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError
from peerdesk.services import Services
from peerdesk.ui.concerns.person_section import ConcernsSection
from peerdesk.ui.concerns.raise_button import RaiseConcernButton
from peerdesk.ui.consents import ConsentsPanel
from peerdesk.ui.expenses.person_section import ClaimsSection
from peerdesk.ui.messages import show_problem
from peerdesk.ui.outcomes.person_section import WellbeingSection
from peerdesk.ui.people.history_section import HistorySection
from peerdesk.ui.people.person_dialog import PersonDialog
from peerdesk.ui.people.person_sections import (
    DetailsSection,
    NeedsSection,
    PairingsSection,
    RolesSection,
)
from peerdesk.ui.people.references_section import ReferencesSection
from peerdesk.ui.people.table_model import roles_text
from peerdesk.ui.people.volunteer_sections import (
    JourneySection,
    SupervisionSection,
    TrainingSection,
)
from peerdesk.ui.printing import make_print_menu
from peerdesk.ui.referrals.referral_section import ReferralSection
from peerdesk.ui.widgets.words import day


class PersonPage(QWidget):
    back_requested = Signal()
    record_requested = Signal(str, int)
    #: Something about the person was saved (the list should refresh).
    person_changed = Signal(int)

    def __init__(self, services: Services, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.person_id: int | None = None
        outer = QVBoxLayout(self)

        top = QHBoxLayout()
        self.back_button = QPushButton("← &Back to everyone")
        self.back_button.clicked.connect(self.back_requested)
        self.edit_button = QPushButton("&Edit details…")
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.print_button = QPushButton("&Print…")
        self.archive_button = QPushButton("Archi&ve…")
        self.archive_button.clicked.connect(self._on_archive_clicked)
        top.addWidget(self.back_button)
        top.addStretch(1)
        for button in (self.edit_button, self.print_button, self.archive_button):
            top.addWidget(button)
        outer.addLayout(top)
        # A line of its own: the row above fills a laptop's width at the largest text size.
        # No access key: every letter of its words is taken on some person's page; the
        # File menu's Ctrl+Shift+K raises one about the person shown, and the words say so.
        outer.addWidget(
            RaiseConcernButton(
                services,
                lambda: ("person", self.person_id or 0),
                self,
                text="Raise a concern (Ctrl+Shift+K)…",
            ),
            0,
            Qt.AlignmentFlag.AlignRight,
        )

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.archived_note = QLabel()
        self.archived_note.setObjectName("problem")
        self.archived_note.setWordWrap(True)
        outer.addWidget(self.heading)
        outer.addWidget(self.summary)
        outer.addWidget(self.archived_note)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAccessibleName("Person's record")
        content = QWidget()
        self.column = QVBoxLayout(content)
        self.scroll_area.setWidget(content)
        outer.addWidget(self.scroll_area, 1)

        self._build_sections(services)

    def _build_sections(self, services: Services) -> None:
        """The page's sections, in order, each refreshing the page when it changes something."""
        self.details = DetailsSection(services)
        self.roles = RolesSection(services)
        self.needs = NeedsSection(services)
        self.referral = ReferralSection(services)
        self.referral.changed.connect(self._on_section_changed)
        self.referral.record_requested.connect(self.record_requested)
        self.journey = JourneySection(services)
        self.references = ReferencesSection(services)
        self.training = TrainingSection(services)
        self.supervision = SupervisionSection(services)
        self.consents_box = QGroupBox("Consents")
        self.consents_box.setAccessibleName("Consents")
        self.consents = ConsentsPanel(services, self.consents_box)
        QVBoxLayout(self.consents_box).addWidget(self.consents)
        self.consents.person_erased.connect(self._on_section_changed)
        self.consents.consents_changed.connect(self._on_consents_changed)
        self.pairings = PairingsSection(services)
        self.pairings.record_requested.connect(self.record_requested)
        self.wellbeing = WellbeingSection(services)
        self.claims = ClaimsSection(services)
        self.concerns = ConcernsSection(services)
        self.concerns.record_requested.connect(self.record_requested)
        self.wellbeing.changed.connect(self._on_section_changed)
        self.history = HistorySection(services)
        self.sections = [
            self.details,
            self.roles,
            self.needs,
            self.referral,
            self.journey,
            self.references,
            self.training,
            self.supervision,
            self.consents_box,
            self.pairings,
            self.wellbeing,
            self.claims,
            self.concerns,
            self.history,
        ]
        for section in self.sections:
            self.column.addWidget(section)
        self.column.addStretch(1)
        changing_sections = (self.roles, self.needs, self.journey, self.references)
        for changing in (*changing_sections, self.training, self.supervision):
            changing.changed.connect(self._on_section_changed)

    def show_person(self, person_id: int) -> None:
        self.person_id = person_id
        person = self.services.people.get(person_id)
        roles = tuple(r.role for r in self.services.people.roles(person_id))
        self.heading.setText(f"<h1>{_escape(person.display_name)}</h1>")
        self.heading.setAccessibleName(person.display_name)
        pronouns = f" ({person.pronouns})" if person.pronouns else ""
        self.summary.setText(f"{roles_text(roles)}{pronouns}")
        archived = person.archived_on is not None
        self.archived_note.setText(
            f"Archived on {day(person.archived_on)}. The record is kept for history and "
            "figures; bring them back if they return."
        )
        self.archived_note.setVisible(archived)
        self.archive_button.setText("Bring &back" if archived else "Archi&ve…")
        self.print_button.setMenu(
            make_print_menu(self.services, self.settings, "person", person_id, self.print_button)
        )
        self.details.show_person(person)
        self.roles.show_person(person)
        self.needs.show_person(person)
        self.referral.show_person(person)
        is_volunteer = self.services.volunteers.is_volunteer(person_id)
        for section in (self.journey, self.references, self.training, self.supervision):
            section.setVisible(is_volunteer)
            if is_volunteer:
                section.show_person(person)
        self.consents.show_person(person_id)
        self.pairings.show_person(person)
        self.wellbeing.show_person(person)
        # A volunteer's claims, or anyone's who has some (a claim outlives the role).
        claims = is_volunteer or bool(self.services.expenses.claims(person_id=person_id))
        self.claims.setVisible(claims)
        if claims:
            self.claims.show_person(person)
        self.concerns.show_person(person)
        self.history.show_person(person)
        self.scroll_area.verticalScrollBar().setValue(0)

    def new_referral(self) -> QDialog | None:
        """File ▸ New referral…: take a referral for the person shown (the dialog opened)."""
        return self.referral.new_referral()

    def _on_section_changed(self) -> None:
        if self.person_id is not None:
            self.show_person(self.person_id)
            self.person_changed.emit(self.person_id)

    def _on_consents_changed(self, person_id: int) -> None:
        """A consent recorded or withdrawn: contact permissions and pairing warnings follow,
        without moving the page (the coordinator is still on the consents)."""
        if person_id != self.person_id:
            return
        person = self.services.people.get(person_id)
        self.details.show_person(person)
        self.pairings.show_person(person)
        self.history.show_person(person)
        if self.journey.isVisibleTo(self):
            # A confidentiality agreement is one of the things a mentor needs before pairing.
            self.journey.show_person(person)
        self.person_changed.emit(person_id)

    def _on_edit_clicked(self) -> None:
        if self.person_id is None:
            return
        dialog = PersonDialog(self.services, self.person_id, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._on_section_changed()

    def _on_archive_clicked(self) -> None:
        if self.person_id is None:
            return
        person = self.services.people.get(self.person_id)
        try:
            if person.archived_on is not None:
                self.services.people.unarchive(self.person_id)
            else:
                answer = QMessageBox.question(
                    self,
                    "Archive this person?",
                    f"Archive {person.display_name}? They leave the everyday lists, but "
                    "their record stays for history and figures. You can bring them back at "
                    "any time. (Erasing a record is a separate data-protection step.)",
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return
                self.services.people.archive(self.person_id)
        except PeerdeskError as error:
            show_problem(self, "Nothing was changed", error)
            return
        self._on_section_changed()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
