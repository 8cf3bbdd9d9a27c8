"""The Pairings screen: the list (with the "waiting for a mentor" queue), the matching
assistant, and one page per pairing."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QVBoxLayout

from peerdesk.errors import NotFoundError
from peerdesk.services import Services
from peerdesk.ui.pairings.matching_dialog import MatchingDialog
from peerdesk.ui.pairings.pairing_page import PairingPage
from peerdesk.ui.pairings.pairings_list import WAITING, PairingsList
from peerdesk.ui.referrals.referral_dialog import ReferralDialog
from peerdesk.ui.screens.base import Screen
from peerdesk.ui.widgets.page_stack import PageStack


class PairingsScreen(Screen):
    def __init__(self, services: Services, settings: QSettings) -> None:
        super().__init__(services, settings)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = PageStack(self)
        self.list = PairingsList(services, self)
        self.page = PairingPage(services, settings, self)
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.page)
        layout.addWidget(self.stack)
        self.matching_dialog: MatchingDialog | None = None
        self.referral_dialog: ReferralDialog | None = None
        self.list.pairing_opened.connect(self.open_pairing)
        self.list.match_requested.connect(self._on_match_requested)
        self.list.new_referral_requested.connect(self.new_referral)
        self.page.back_requested.connect(self._on_back_requested)
        self.page.record_requested.connect(self.record_requested)

    def refresh(self) -> None:
        if self.stack.currentWidget() is self.page:
            self.page.refresh()
        else:
            self.list.refresh()

    def show_record(self, kind: str, record_id: int) -> bool:
        if kind != "pairing":
            return False
        try:
            self.open_pairing(record_id)
        except NotFoundError:
            return False
        return True

    def open_pairing(self, pairing_id: int) -> None:
        self.page.show_pairing(pairing_id)
        self.stack.setCurrentWidget(self.page)
        self.page.timeline.setFocus()

    def open_matching(self, person_id: int | None = None) -> MatchingDialog:
        dialog = MatchingDialog(self.services, self, person_id=person_id or None)
        dialog.pairing_proposed.connect(self.open_pairing)
        self.matching_dialog = dialog
        dialog.open()
        return dialog

    def new_referral(self) -> ReferralDialog:
        """Take a referral for someone on record or someone new (added with the referral,
        so neither is saved if the referral is refused); once saved, show who is waiting."""
        dialog = ReferralDialog(self.services, parent=self, choose_person=True)
        dialog.accepted.connect(self._on_referral_saved)
        self.referral_dialog = dialog
        dialog.open()
        return dialog

    def _on_referral_saved(self) -> None:
        self.stack.setCurrentWidget(self.list)
        self.list.show_view(WAITING)

    def _on_match_requested(self, person_id: int) -> None:
        self.open_matching(person_id)

    def _on_back_requested(self) -> None:
        self.stack.setCurrentWidget(self.list)
        self.list.refresh()
        self.list.setFocus()
