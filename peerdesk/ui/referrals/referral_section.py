"""The referral section of a person's page: their latest referral in the words coordinators
use, its dated steps, and a button for each step the referral allows next (the view's
`allowed_actions`, decided by the service), "New referral…" when none is open, and "Find a
mentor…" while they are waiting (accepted, and no current pairing)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from peerdesk.services import Services
from peerdesk.services.mentoring.views import (
    ReferralAction,
    ReferralView,
)
from peerdesk.services.people.views import PersonView
from peerdesk.ui.pairings.matching_dialog import MatchingDialog
from peerdesk.ui.people.section import Section
from peerdesk.ui.referrals.referral_dialog import ReferralDialog
from peerdesk.ui.referrals.step_dialogs import ReferralStepDialog
from peerdesk.ui.widgets.flow_layout import FlowLayout
from peerdesk.ui.widgets.words import day, table_day, text_or
from peerdesk.vocabulary import Gender, ReferralSource, SupportedAs

D = TypeVar("D", bound=QDialog)

#: The buttons for the steps, in the order a referral usually takes them. Their access keys
#: are letters that neither the menu bar nor the page's tabs use (person_tabs.py), and no two
#: are offered at once: First conversation (O, only while new), Reopen (O, only once closed)
#: and Find a mentor (O, only once accepted). Close, and Edit referral… (always offered),
#: have none left: Tab reaches them.
CLOSE_KEYS = "Ctrl+Shift+W"
EDIT_KEYS = "Ctrl+Shift+E"

STEP_BUTTONS: tuple[tuple[ReferralAction, str], ...] = (
    (ReferralAction.ASSESS, "First c&onversation held\u2026"),
    (ReferralAction.ACCEPT, "&Accept\u2026"),
    (ReferralAction.NOT_TAKEN_FORWARD, "Not ta&ken forward\u2026"),
    # Every letter of Close referral and Edit referral is another button's or tab's, or the
    # menu bar's: their words say the keys that press them instead.
    (ReferralAction.CLOSE, f"Close referral ({CLOSE_KEYS})\u2026"),
    (ReferralAction.REOPEN, "Re&open referral\u2026"),
)


class ReferralSection(Section):
    #: A referral was taken or moved on (the page and the lists should refresh).
    changed = Signal()
    #: A pairing was proposed from Find a mentor… (the window opens it).
    record_requested = Signal(str, int)

    def __init__(self, services: Services) -> None:
        super().__init__("Referral")
        self.services = services
        self.person_id: int | None = None
        self.latest: ReferralView | None = None
        self.matching_dialog: MatchingDialog | None = None
        self.active_dialog: QDialog | None = None
        # Up to four steps at once: the buttons wrap onto more lines at large text sizes
        # rather than making the page wider than a laptop screen.
        self.action_bar_holder.hide()
        holder = QWidget(self)
        self.buttons_row = FlowLayout(holder)
        self.column.addWidget(holder)
        self.step_buttons: dict[ReferralAction, QPushButton] = {}
        for action, text in STEP_BUTTONS:
            button = self._button(text, lambda _c=False, a=action: self.take_step(a))
            self.step_buttons[action] = button
        self.new_button = self._button("Ne&w referral\u2026", self.new_referral)
        self.edit_button = self._button(f"Edit referral ({EDIT_KEYS})\u2026", self.edit_referral)
        self.edit_button.setShortcut(QKeySequence(EDIT_KEYS))
        self.step_buttons[ReferralAction.CLOSE].setShortcut(QKeySequence(CLOSE_KEYS))
        self.match_button = self._button("Find a ment&or\u2026", self.find_mentor)

    def _button(self, text: str, slot: Callable[..., object]) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        self.buttons_row.addWidget(button)
        return button

    def show_person(self, person: PersonView) -> None:
        self.person_id = person.id
        referrals = self.services.referrals.for_person(person.id)
        self.latest = latest = referrals[0] if referrals else None
        for action, button in self.step_buttons.items():
            button.setVisible(latest is not None and latest.allows(action))
        self.new_button.setVisible(latest is None or not latest.is_open)
        self.edit_button.setVisible(latest is not None)
        self.match_button.setVisible(self.services.pairings.ready_to_match(person.id))
        if latest is None:
            self.set_facts([("Referral", "No referral recorded: they may be a volunteer only")])
            return
        self.set_facts(_facts(latest, len(referrals) - 1, _mentor_wanted(person, latest)))

    # -- actions -----------------------------------------------------------------------------
    # Each dialog opens window-modal without blocking (tests and screen readers can reach it
    # while it is open); the page refreshes when it is saved.
    def new_referral(self) -> ReferralDialog | None:
        """Take a new referral for this person."""
        if self.person_id is None:
            return None
        return self._open(ReferralDialog(self.services, self.person_id, self))

    def edit_referral(self) -> ReferralDialog | None:
        """Put right the latest referral's details in the dialog it was taken in."""
        if self.latest is None:
            return None
        latest = self.latest
        dialog = ReferralDialog(self.services, latest.person_id, self)
        name = self.services.people.get(latest.person_id).display_name
        dialog.edit(latest.id, latest, title=f"Edit referral for {name}")
        dialog.referral_date.setFocus()
        return self._open(dialog)

    def take_step(self, action: ReferralAction) -> ReferralStepDialog | None:
        if self.latest is None:
            return None
        return self._open(ReferralStepDialog(self.services, self.latest, action, self))

    def _open(self, dialog: D) -> D:
        self.active_dialog = dialog
        dialog.accepted.connect(self.changed)
        dialog.open()
        return dialog

    def find_mentor(self) -> MatchingDialog | None:
        """The same matching assistant as Pairings ▸ Waiting for a mentor, for this person."""
        if self.person_id is None:
            return None
        dialog = MatchingDialog(self.services, self, person_id=self.person_id)
        dialog.pairing_proposed.connect(self._on_pairing_proposed)
        self.matching_dialog = dialog
        dialog.open()
        return dialog

    def _on_pairing_proposed(self, pairing_id: int) -> None:
        self.changed.emit()
        self.record_requested.emit("pairing", pairing_id)


def _mentor_wanted(person: PersonView, latest: ReferralView) -> str:
    """Their preferences for a mentor in one line ("No preference" when none)."""
    wishes = []
    if person.preferred_mentor_gender:
        wishes.append(Gender(person.preferred_mentor_gender).label.lower())
    low, high = person.preferred_mentor_age_min, person.preferred_mentor_age_max
    if low and high:
        wishes.append(f"aged {low} to {high}")
    elif low:
        wishes.append(f"aged {low} or over")
    elif high:
        wishes.append(f"aged up to {high}")
    if latest.wants_same_condition:
        wishes.append("living with the same condition")
    if person.languages:
        wishes.append(f"speaking {person.languages}")
    if not wishes:
        return "No preference"
    line = ", ".join(wishes)
    return line[0].upper() + line[1:]  # not capitalize(): "speaking Welsh" keeps its W


def _facts(latest: ReferralView, earlier: int, mentor_wanted: str) -> list[tuple[str, str]]:
    referrer = ", ".join(
        p
        for p in (latest.referrer_name, latest.referrer_organisation, latest.referrer_contact)
        if p
    )
    facts = [
        ("Status", latest.status_words),
        ("Referred on", day(latest.referral_date)),
        ("From", ReferralSource(latest.source).label),
        ("Referrer", text_or(referrer, "Themselves")),
        ("Support for", _support_words(latest)),
        ("What they hope for", text_or(latest.hopes)),
        ("Mentor wanted", mentor_wanted),
    ]
    if latest.risks:
        facts.append(("Risks", latest.risks))
    for step in latest.steps:
        words = f"{step.words}: {step.detail}" if step.detail else step.words
        facts.append((table_day(step.on), words))
    if earlier:
        facts.append(("Earlier referrals", str(earlier)))
    return facts


def _support_words(latest: ReferralView) -> str:
    if latest.support_as != SupportedAs.CARER:
        return "Themselves"
    about = ", ".join(p for p in (latest.cared_for_relationship, latest.cared_for_condition) if p)
    return f"As a carer ({about})" if about else "As a carer"
