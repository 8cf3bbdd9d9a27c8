"""The expenses form filled in for one claim, previewed to print or save (as any form)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from peerdesk.services import Services
from peerdesk.ui.printing.record_form_dialog import RecordFormDialog


class ClaimFormDialog(RecordFormDialog):
    """The form preview, filled in from the claim (`services.expenses.claim_form`) rather
    than from a person; large print follows the volunteer's needs."""

    def __init__(
        self, services: Services, claim_id: int, person_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            services,
            ("person", person_id),
            "expenses",
            lambda large: services.expenses.claim_form(claim_id, large_print=large),
            f"expenses-claim-{claim_id}",
            parent,
        )
        self.claim_id = claim_id
