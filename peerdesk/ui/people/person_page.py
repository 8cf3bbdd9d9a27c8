"""One person's page: Back, Edit, Print, Archive and Raise a concern at the top, their name,
then their record in tabs (person_tabs.py): details, roles and needs, referral, pairings and
sessions, consents, concerns, outcomes and history, and for a volunteer their journey and
checks, training, references, supervision and expenses."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
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
from peerdesk.ui.people.person_tabs import (
    MAIN_TABLE_ROWS,
    TABS,
    PersonTabs,
    TablePage,
    let_table_fill,
    scrolling_page,
)
from peerdesk.ui.people.references_section import ReferencesSection
from peerdesk.ui.people.row_keys import corrections_by_key
from peerdesk.ui.people.table_model import roles_text
from peerdesk.ui.people.volunteer_sections import (
    JourneySection,
    SupervisionSection,
    TrainingSection,
)
from peerdesk.ui.printing import make_print_menu
from peerdesk.ui.referrals.referral_section import ReferralSection
from peerdesk.ui.widgets.corrections import CorrectionsBar
from peerdesk.ui.widgets.flow_layout import FlowLayout
from peerdesk.ui.widgets.headings import Heading
from peerdesk.ui.widgets.words import day

#: Archive… and Bring back: one key for the one button, whichever it says.
ARCHIVE_KEYS = "Ctrl+Shift+A"


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
        self._is_volunteer = False
        #: The tab last chosen, kept while moving between people (someone recording
        #: consents for several people stays on Consents); a person without it shows Details.
        self.wanted_tab = "details"
        self._choosing = False
        outer = QVBoxLayout(self)
        # Little above and below: at the largest text on a laptop every line of height counts.
        margins = outer.contentsMargins()
        outer.setContentsMargins(margins.left(), 2, margins.right(), 2)
        outer.addLayout(self._build_top())

        # The name, their roles and Raise a concern on one line: at the largest text on a
        # laptop the tables below need every line of the screen's height.
        title = QHBoxLayout()
        self.heading = Heading()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        title.addWidget(self.heading)
        title.addWidget(self.summary, 1, Qt.AlignmentFlag.AlignBottom)
        self.concern_button = RaiseConcernButton(
            services,
            lambda: ("person", self.person_id or 0),
            self,
            text="Raise a concern (Ctrl+Shift+K)…",
        )
        title.addWidget(self.concern_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.archived_note = QLabel()
        self.archived_note.setObjectName("problem")
        self.archived_note.setWordWrap(True)
        outer.addLayout(title)
        outer.addWidget(self.archived_note)

        self.tabs = PersonTabs(self)
        self.tabs.add_buttons(TABS)
        self.tabs.current_changed.connect(self._on_tab_changed)
        outer.addWidget(self.tabs, 1)
        self._build_sections(services)
        self._build_tabs()
        # Every list's Edit… and Remove… (roles, checks, training, references, supervision,
        # wellbeing scores): Enter and Delete on the list, as their letters are all taken.
        for bar in self.findChildren(CorrectionsBar):
            corrections_by_key(bar)

    def _build_top(self) -> FlowLayout:
        """Back, Edit, Print and Archive, wrapping at large text sizes (Raise a concern is
        beside the name).
        Their access keys are none of the menu bar's (Alt+E is the Edit menu, Alt+V the View
        menu) nor the tabs': Back is Alt+Left as on every record page, Edit details… Alt+T,
        Print and Raise a concern say the menu's shortcuts, and Archive… and Bring back (every
        letter of them taken) answer Ctrl+Shift+A, which archives or brings back (its
        tooltip says so)."""
        top = FlowLayout()
        self.back_button = QPushButton("← Everyone")
        self.back_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Back))
        self.back_button.setAccessibleName("Back to everyone")
        self.back_button.setToolTip("Back to everyone (Alt+Left)")
        self.back_button.clicked.connect(self.back_requested)
        self.edit_button = QPushButton("Edi&t details…")
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.print_button = QPushButton("Print (Ctrl+P)…")
        self.print_button.setAccessibleName("Print forms for this person")
        self.archive_button = QPushButton()
        self._set_archive_text(archived=False)
        self.archive_button.clicked.connect(self._on_archive_clicked)
        for button in (self.back_button, self.edit_button, self.print_button, self.archive_button):
            top.addWidget(button)
        return top

    def _set_archive_text(self, archived: bool) -> None:
        """Setting a button's text sets its keys from the text (none here): the key follows.
        The key is in its tooltip, as Back's is: in the words, at the largest text, the row
        took a second line from the tables below."""
        self.archive_button.setText("Bring back" if archived else "Archive…")
        self.archive_button.setShortcut(QKeySequence(ARCHIVE_KEYS))
        what = "Bring this person back" if archived else "Archive this person"
        self.archive_button.setToolTip(f"{what} ({ARCHIVE_KEYS})")

    def _build_sections(self, services: Services) -> None:
        """The page's sections, each refreshing the page when it changes something."""
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
        changing_sections = (self.roles, self.needs, self.journey, self.references)
        for changing in (*changing_sections, self.training, self.supervision):
            changing.changed.connect(self._on_section_changed)

    def _build_tabs(self) -> None:
        """Each tab: its sections, scrolling as a whole, or one section with a main table."""
        scrolling: dict[str, list[QWidget]] = {
            "details": [self.details],
            "roles": [self.roles, self.needs],
            "referral": [self.referral],
            # Their pairings and their ten latest sessions, every row of both on view, the
            # tab scrolling as a whole: two tables sharing a laptop's height at the largest
            # text each showed five rows and scrolled inside the tab.
            "pairings": [self.pairings],
            # Their consents (each kind once, and any withdrawn) with every row on view and
            # the six buttons under them: at the largest text on a laptop the buttons take
            # four lines, and a table filling the rest showed four rows and scrolled.
            "consents": [self.consents_box],
            "outcomes": [self.wellbeing],
            "journey": [self.journey],
        }
        tables: dict[str, tuple[QWidget, QTableView]] = {
            "concerns": (self.concerns, self.concerns.table),
            "history": (self.history, self.history.history.table),
            "training": (self.training, self.training.table),
            "references": (self.references, self.references.table),
            "supervision": (self.supervision, self.supervision.table),
            "expenses": (self.claims, self.claims.table),
        }
        # The claims' totals and where claims are made take two lines under their table;
        # a reference's buttons take two (a person has a few referees).
        let_table_fill(self.claims.table, MAIN_TABLE_ROWS - 1)
        let_table_fill(self.references.table, MAIN_TABLE_ROWS - 3)  # two, three referees
        self.table_pages: dict[str, TablePage] = {}
        for spec in TABS:
            if spec.key in scrolling:
                self.tabs.add_tab(spec, scrolling_page(spec.title, scrolling[spec.key]))
            else:
                section, table = tables[spec.key]
                _untitled(section)
                self.table_pages[spec.key] = TablePage(section, table)
                self.tabs.add_tab(spec, self.table_pages[spec.key])
        self.sections = [
            widget
            for spec in TABS
            for widget in (scrolling[spec.key] if spec.key in scrolling else [tables[spec.key][0]])
        ]

    def show_section(self, section: QWidget) -> None:
        """Show the tab that holds `section` (a section, or anything inside one)."""
        key = self.tabs.key_of(section)
        if key is not None:
            self.tabs.choose(key)
            page = self.tabs.page(key)
            if isinstance(page, QScrollArea):
                page.ensureWidgetVisible(section, 0, 0)

    def show_person(self, person_id: int) -> None:
        another = person_id != self.person_id
        self.person_id = person_id
        person = self.services.people.get(person_id)
        roles = tuple(r.role for r in self.services.people.roles(person_id))
        self.heading.show_title(person.display_name)
        pronouns = f" ({person.pronouns})" if person.pronouns else ""
        self.summary.setText(f"{roles_text(roles)}{pronouns}")
        archived = person.archived_on is not None
        self.archived_note.setText(
            f"Archived on {day(person.archived_on)}. The record is kept for history and "
            "figures; bring them back if they return."
        )
        self.archived_note.setVisible(archived)
        self._set_archive_text(archived)
        self.print_button.setMenu(
            make_print_menu(self.services, self.settings, "person", person_id, self.print_button)
        )
        self.details.show_person(person)
        self.roles.show_person(person)
        self.needs.show_person(person)
        self.referral.show_person(person)
        self._is_volunteer = is_volunteer = self.services.volunteers.is_volunteer(person_id)
        for section in (self.journey, self.references, self.training, self.supervision):
            if is_volunteer:
                section.show_person(person)
        self.consents.show_person(person_id)
        self.pairings.show_person(person)
        self.wellbeing.show_person(person)
        # A volunteer's claims, or anyone's who has some (a claim outlives the role).
        claims = is_volunteer or bool(self.services.expenses.claims(person_id=person_id))
        if claims:
            self.claims.show_person(person)
        self.concerns.show_person(person)
        self.history.show_person(person)
        self._show_tabs(is_volunteer, claims, another)

    def _show_tabs(self, is_volunteer: bool, claims: bool, another: bool) -> None:
        """The volunteer's tabs for a volunteer only; the tab last chosen when it is here."""
        self._choosing = True
        try:
            for spec in TABS:
                if spec.volunteer:
                    self.tabs.set_shown(
                        spec.key, claims if spec.key == "expenses" else is_volunteer
                    )
            shown = self.tabs.shown_keys()
            self.tabs.choose(self.wanted_tab if self.wanted_tab in shown else "details")
        finally:
            self._choosing = False
        for page in self.table_pages.values():
            page.settle()
        if another:
            for key in self.tabs.tab_keys():
                tab = self.tabs.page(key)
                if isinstance(tab, QScrollArea):
                    tab.verticalScrollBar().setValue(0)

    def _on_tab_changed(self, key: str) -> None:
        if not self._choosing:
            self.wanted_tab = key

    def new_referral(self) -> QDialog | None:
        """File ▸ New referral…: take a referral for the person shown (the dialog opened),
        on the Referral tab, where it shows once saved."""
        self.show_section(self.referral)
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
        if self._is_volunteer:
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


def _untitled(section: QWidget) -> None:
    """A tab's only section needs no frame nor title of its own: the tab names it (its
    accessible name still says what it is)."""
    if isinstance(section, QGroupBox):
        section.setTitle("")
        section.setFlat(True)
