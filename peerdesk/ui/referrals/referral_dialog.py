"""Taking a referral: who referred the person and why, what they hope for, risks, their
preferences for a mentor, and when and how they can meet, saved with one service call.

The form is long, so it is in four tabs (the referral; support and hopes; preferences and
needs; when and how to meet), each scrolling on its own at the larger text sizes. With no
person given, a short "About them" block comes first and the person is saved together with
the referral (`ReferralService.start_with_person`):
neither is saved when either is refused.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError, ValidationError
from peerdesk.services import Services
from peerdesk.services.mentoring.views import (
    ReferralAvailability,
    ReferralDetails,
    ReferralPreferences,
    ReferralView,
)
from peerdesk.services.people.views import PersonDetails
from peerdesk.ui.projects.project_choice import ProjectChoice
from peerdesk.ui.widgets.availability_grid import AvailabilityGrid
from peerdesk.ui.widgets.date_box import DateBox
from peerdesk.ui.widgets.form_rows import (
    NO_AGE,
    FormRows,
    age_box,
    age_or_none,
    text_area,
    vocabulary_combo,
)
from peerdesk.ui.widgets.record_dialog import RecordDialog
from peerdesk.ui.widgets.tab_pages import TabPage, show_tab_holding
from peerdesk.vocabulary import ConditionLink, Gender, ReferralSource, SupportedAs

#: The first choice of the Pairings screen's list of people.
SOMEONE_NEW = "Someone new (not on record yet)"


class ReferralDialog(RecordDialog):
    """`ReferralDialog(services, person_id=7)` takes a referral for someone on record;
    `ReferralDialog(services)` for someone new, whose name and contact come first."""

    field_aliases: ClassVar[dict[str, str]] = {
        "preferred_mentor_gender": "mentor_gender",
        "preferred_mentor_age_min": "mentor_age_min",
        "preferred_mentor_age_max": "mentor_age_max",
        "meeting_modes": "availability",
        "conditions": "lives_with",
        # "They already have an open referral" is about the person: said at the top.
        "status": "",
    }

    def __init__(
        self,
        services: Services,
        person_id: int | None = None,
        parent: QWidget | None = None,
        *,
        choose_person: bool = False,
    ) -> None:
        """`choose_person` (with no person given) starts with a list of everyone on record
        and "Someone new", as the Pairings screen's New referral… does."""
        name = services.people.get(person_id).display_name if person_id is not None else ""
        super().__init__(
            services,
            parent,
            title=f"New referral for {name}" if name else "New referral",
            intro="Fill in what you know now. Only the date and where the referral came from "
            "are needed; a referral from someone else needs the person's agreement.",
        )
        self.person_id = person_id
        self.saved: ReferralView | None = None
        # Four tabs, not one long scroll (as Add a person): the form fits a laptop at the
        # largest text, and each input has an access key of its own among those on screen
        # (the thirty-odd inputs of one page cannot: there are 26 letters). Ctrl+Tab or the
        # tabs' own keys move between them.
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("Parts of the referral")
        # Every tab's name in full, never behind scroll arrows at the larger text sizes: the
        # window is made wide enough for them (it still fits a laptop at the largest text).
        self.tabs.setUsesScrollButtons(False)
        self.body.addWidget(self.tabs, 1)
        self.chooser: QComboBox | None = None
        #: Someone on record's details are filled in (from the list of people).
        self._loaded = False
        self.boxes: dict[str, QGroupBox] = {}
        self.column = self._tab("&The referral")
        if person_id is None and choose_person:
            self._build_chooser()
        if person_id is None:
            self._build_person()
        self._build_referral()
        self.column = self._tab("S&upport and hopes")
        self._build_support()
        self._build_about()
        self.column = self._tab("&Preferences and needs")
        self._build_preferences()
        self.column = self._tab("&When and how to meet")
        self._build_availability()
        self._on_source_changed()
        self._on_support_changed()
        if person_id is not None:
            self._load(person_id)
            self.referral_date.setFocus()
        elif self.chooser is not None:
            self.chooser.setFocus()
        else:
            self.first_name.setFocus()
        self.resize(self.sizeHint().width() + 120, 680)

    # -- building ------------------------------------------------------------------------
    def _tab(self, title: str) -> QVBoxLayout:
        """A tab whose inputs scroll on their own when the window is short."""
        scroll = TabPage(self.tabs)
        content = QWidget()
        scroll.setWidget(content)
        self.tabs.addTab(scroll, title)
        column = QVBoxLayout(content)
        # Added last, after the tab's sections: spare height goes below them.
        column.addStretch(1)
        return column

    def _section(self, title: str = "") -> FormRows:
        """A form in the tab being built: in a titled box when a tab holds two parts."""
        form = QFormLayout()
        # Before the tab's stretch.
        index = self.column.count() - 1
        if title:
            box = QGroupBox(title)
            box.setAccessibleName(title)
            box.setLayout(form)
            self.boxes[title] = box
            self.column.insertWidget(index, box)
        else:
            self.column.insertLayout(index, form)
        return self.adopt_form(FormRows(form))

    def _build_chooser(self) -> None:
        rows = self._section("Who the referral is for")
        chooser = self.chooser = QComboBox()
        chooser.setEditable(True)
        chooser.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        chooser.addItem(SOMEONE_NEW, None)
        for person in self.services.people.list_rows(include_archived=False):
            where = f" ({person.postcode})" if person.postcode else ""
            chooser.addItem(f"{person.name}{where}", person.id)
        completer = chooser.completer()
        if completer is not None:
            # Part of a name finds them: "smi" finds "Ann Smith".
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(completer.CompletionMode.PopupCompletion)
        rows.add(
            "W&ho it is for",
            chooser,
            field="person",
            help_text="Type part of their name, or leave \u201cSomeone new\u201d to add them "
            "with this referral.",
        )
        chooser.currentTextChanged.connect(self._on_person_chosen)

    def chosen_person(self) -> int | None:
        """The person chosen in the list (None: someone new). Raises ValidationError when the
        words typed are nobody on the list."""
        if self.chooser is None:
            return self.person_id
        index = self.chooser.findText(self.chooser.currentText())
        if index < 0:
            raise ValidationError(
                "Choose someone from the list, or \u201cSomeone new\u201d to add them.", "person"
            )
        found = self.chooser.itemData(index)
        return int(found) if found is not None else None

    def _on_person_chosen(self, text: str) -> None:
        """Someone on record chosen (or typed in full): their preferences, needs and
        availability are filled in, and the new person's rows are not needed. Back to
        someone new: what was filled in for the other person goes."""
        assert self.chooser is not None
        index = self.chooser.findText(text)
        if index >= 0 and index != self.chooser.currentIndex():
            # Typed in full: the list's choice follows the words.
            self.chooser.setCurrentIndex(index)
        chosen = self.chooser.itemData(index) if index >= 0 else None
        self.person_box.setVisible(chosen is None)
        if chosen is not None:
            self._load(int(chosen))
            self._loaded = True
        elif self._loaded:
            self._clear_loaded()
            self._loaded = False

    def _clear_loaded(self) -> None:
        self.mentor_gender.setCurrentIndex(0)
        self.age_min.setValue(NO_AGE)
        self.age_max.setValue(NO_AGE)
        for edit in (self.languages, self.lives_with, self.access_needs, self.energy_needs):
            edit.clear()
        self.availability.set_value([], [])

    def _build_person(self) -> None:
        rows = self._section("About them")
        self.person_box = self.boxes["About them"]
        self.first_name = rows.add("&First name (needed)", QLineEdit(), field="first_name")
        self.last_name = rows.add("&Last name", QLineEdit(), field="last_name")
        self.phone = rows.add("Phon&e", QLineEdit(), field="phone")
        self.email = rows.add("E&mail", QLineEdit(), field="email")

    def _build_referral(self) -> None:
        rows = self.referral_rows = self._section("The referral")
        today = self.services.today
        self.referral_date = rows.add(
            "Referral &date", DateBox(today(), today=today), field="referral_date"
        )
        self.source = rows.add(
            "&Referred by", vocabulary_combo(ReferralSource, ReferralSource.SELF), field="source"
        )
        # Only when the organisation has projects (Settings ▸ Projects).
        self.project = rows.add("Pro&ject", ProjectChoice(self.services), field="project_id")
        rows.set_visible("project_id", self.project.has_choices)
        self.referrer_name = rows.add("Referrer's &name", QLineEdit(), field="referrer_name")
        self.referrer_organisation = rows.add(
            "&Organisation", QLineEdit(), field="referrer_organisation"
        )
        self.referrer_relationship = rows.add(
            "Relation&ship to them",
            QLineEdit(),
            field="referrer_relationship",
            tip="For example their GP, their daughter, a support worker.",
        )
        self.referrer_contact = rows.add(
            "Referrer's &contact",
            QLineEdit(),
            field="referrer_contact",
            tip="A phone number or email address for the referrer.",
        )
        # The key on the caption, which ticks its box as a key on the box would: a caption
        # with an input must have one, and a second key for the same box would waste one.
        self.person_agreed = rows.add(
            "A&greement",
            QCheckBox("They agreed to be referred"),
            field="person_agreed",
        )
        self.source.currentIndexChanged.connect(self._on_source_changed)

    def _build_support(self) -> None:
        rows = self.support_rows = self._section("Support for")
        self.support_as = rows.add("Support &as", QComboBox(), field="support_as")
        self.support_as.addItem("Themselves (living with a condition)", SupportedAs.MENTEE.value)
        self.support_as.addItem("A carer (for someone with a condition)", SupportedAs.CARER.value)
        self.lives_with = rows.add(
            "Conditions they &live with",
            QLineEdit(),
            field="lives_with",
            help_text="Separate conditions with commas, for example: Type 2 diabetes, asthma.",
        )
        self.cared_for_condition = rows.add(
            "Cared-for person's &condition", QLineEdit(), field="cared_for_condition"
        )
        self.cared_for_relationship = rows.add(
            "Who they ca&re for",
            QLineEdit(),
            field="cared_for_relationship",
            tip="For example their son, their partner.",
        )
        self.support_as.currentIndexChanged.connect(self._on_support_changed)

    def _build_about(self) -> None:
        rows = self._section("What they hope for, and risks")
        self.hopes = rows.add("What they &hope for", text_area(3), field="hopes")
        self.risks = rows.add(
            "R&isks",
            text_area(),
            field="risks",
            help_text="Anything the coordinator or a mentor needs to know to keep people safe.",
        )
        self.support_network = rows.add("Support networ&k", text_area(), field="support_network")
        self.other_professionals = rows.add(
            "&Other professionals", text_area(), field="other_professionals"
        )

    def _build_preferences(self) -> None:
        rows = self._section()
        self.mentor_gender = rows.add("&Mentor's gender", QComboBox(), field="mentor_gender")
        self.mentor_gender.addItem("No preference", None)
        for gender in Gender:
            if gender is not Gender.PREFER_NOT_TO_SAY:
                self.mentor_gender.addItem(gender.label, gender.value)
        self.age_min = rows.add("Mentor aged &between", age_box(), field="mentor_age_min")
        self.age_max = rows.add("Mentor aged up t&o", age_box(), field="mentor_age_max")
        self.same_condition = rows.add(
            "&Same condition",
            QCheckBox("Would like a mentor living with the same condition"),
            field="wants_same_condition",
        )
        self.languages = rows.add(
            "&Languages", QLineEdit(), field="languages", tip="Languages they would like to use."
        )
        self.access_needs = rows.add("Acc&ess needs", text_area(), field="access_needs")
        self.energy_needs = rows.add("Energ&y needs", text_area(), field="energy_needs")
        self.energy_needs.setPlaceholderText("for example short sessions, mornings only")

    def _build_availability(self) -> None:
        rows = self._section()
        self.availability = rows.add("A&vailability", AvailabilityGrid(), field="availability")

    # -- showing only what applies ---------------------------------------------------------
    def _on_source_changed(self, *_args: object) -> None:
        """The referrer's details and the agreement only for a referral from someone else."""
        from_someone = self.source.currentData() != ReferralSource.SELF.value
        for field in (
            "referrer_name",
            "referrer_organisation",
            "referrer_relationship",
            "referrer_contact",
            "person_agreed",
        ):
            self.referral_rows.set_visible(field, from_someone)

    def _on_support_changed(self, *_args: object) -> None:
        carer = self.support_as.currentData() == SupportedAs.CARER.value
        for field in ("cared_for_condition", "cared_for_relationship"):
            self.support_rows.set_visible(field, carer)

    def _load(self, person_id: int) -> None:
        """What is already on record about their preferences, needs and availability."""
        person = self.services.people.get(person_id)
        index = self.mentor_gender.findData(person.preferred_mentor_gender)
        self.mentor_gender.setCurrentIndex(max(index, 0))
        self.age_min.setValue(person.preferred_mentor_age_min or NO_AGE)
        self.age_max.setValue(person.preferred_mentor_age_max or NO_AGE)
        self.languages.setText(person.languages)
        self.lives_with.setText(
            ", ".join(
                c.name
                for c in self.services.people.conditions(person_id)
                if c.link is ConditionLink.LIVES_WITH
            )
        )
        self.access_needs.setPlainText(person.access_needs)
        self.energy_needs.setPlainText(person.energy_needs)
        self.availability.set_value(
            self.services.people.availability(person_id),
            self.services.people.meeting_modes(person_id),
        )

    # -- saving --------------------------------------------------------------------------
    def details(self) -> ReferralDetails:
        from_someone = self.source.currentData() != ReferralSource.SELF.value
        carer = self.support_as.currentData() == SupportedAs.CARER.value

        def shown(edit: QLineEdit, wanted: bool) -> str:
            # What was typed in a row since hidden is not part of this referral.
            return edit.text() if wanted else ""

        slots, modes = self.availability.value()
        return ReferralDetails(
            referral_date=self.referral_date.day(),
            source=str(self.source.currentData()),
            support_as=str(self.support_as.currentData()),
            referrer_name=shown(self.referrer_name, from_someone),
            referrer_organisation=shown(self.referrer_organisation, from_someone),
            referrer_relationship=shown(self.referrer_relationship, from_someone),
            referrer_contact=shown(self.referrer_contact, from_someone),
            person_agreed=from_someone and self.person_agreed.isChecked(),
            cared_for_condition=shown(self.cared_for_condition, carer),
            cared_for_relationship=shown(self.cared_for_relationship, carer),
            other_professionals=self.other_professionals.toPlainText(),
            risks=self.risks.toPlainText(),
            support_network=self.support_network.toPlainText(),
            hopes=self.hopes.toPlainText(),
            wants_same_condition=self.same_condition.isChecked(),
            preferences=ReferralPreferences(
                mentor_gender=self.mentor_gender.currentData(),
                mentor_age_min=age_or_none(self.age_min),
                mentor_age_max=age_or_none(self.age_max),
                languages=self.languages.text(),
                access_needs=self.access_needs.toPlainText(),
                energy_needs=self.energy_needs.toPlainText(),
            ),
            availability=ReferralAvailability(slots, modes),
            lives_with=[name for name in self.lives_with.text().split(",") if name.strip()],
            project_id=self.project.value(),
        )

    def load(self, view: ReferralView) -> None:
        """A saved referral's own details (editing); the person's preferences, needs and
        availability were filled in from their record when the dialog opened."""
        self.referral_date.set_value(view.referral_date)
        self.source.setCurrentIndex(max(self.source.findData(view.source), 0))
        self.project.set_value(view.project_id)
        self.referral_rows.set_visible("project_id", self.project.has_choices)
        self.support_as.setCurrentIndex(max(self.support_as.findData(view.support_as), 0))
        for edit, text in (
            (self.referrer_name, view.referrer_name),
            (self.referrer_organisation, view.referrer_organisation),
            (self.referrer_relationship, view.referrer_relationship),
            (self.referrer_contact, view.referrer_contact),
            (self.cared_for_condition, view.cared_for_condition),
            (self.cared_for_relationship, view.cared_for_relationship),
        ):
            edit.setText(text)
        for area, text in (
            (self.hopes, view.hopes),
            (self.risks, view.risks),
            (self.support_network, view.support_network),
            (self.other_professionals, view.other_professionals),
        ):
            area.setPlainText(text)
        self.person_agreed.setChecked(view.person_agreed)
        self.same_condition.setChecked(view.wants_same_condition)
        self.intro.setText(
            "Put right what was entered when the referral was taken. Its status and steps "
            "stay as they are."
        )

    def add_record(self) -> None:
        person_id = self.chosen_person()
        details = self.details()
        if person_id is not None:
            self.saved = self.services.referrals.start(person_id, details)
            return
        person = PersonDetails(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            phone=self.phone.text(),
            email=self.email.text(),
        )
        self.saved = self.services.referrals.start_with_person(person, details)

    def update_record(self, record_id: int) -> None:
        self.saved = self.services.referrals.update_details(record_id, self.details())

    def reveal(self, widget: QWidget) -> None:
        """A problem with an input on another tab shows that tab first, so the input can take
        the keyboard and the problem is seen (and said once)."""
        show_tab_holding(self.tabs, widget)

    def show_problem(self, error: PeerdeskError) -> None:
        """The input with the problem has the focus: its tab is shown, and the input (and
        the words under it) scrolled into view, wherever the coordinator was."""
        super().show_problem(error)
        focus = QApplication.focusWidget()
        page = self.tabs.currentWidget()
        if focus is not None and isinstance(page, QScrollArea) and page.isAncestorOf(focus):
            page.ensureWidgetVisible(focus, 0, 80)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape always cancels, even from a multi-line input (asking first when changed).
        if event.key() == Qt.Key.Key_Escape:
            if self.may_close():
                self.reject()
            return
        super().keyPressEvent(event)
