"""The expenses form filled in for one claim, previewed to print or save (as any form)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from peerdesk.services import Services
from peerdesk.ui.operation import run_operation
from peerdesk.ui.printing.dialog import FormPreviewDialog


class ClaimFormDialog(FormPreviewDialog):
    """The form preview, filled in from the claim (`services.expenses.claim_form`) rather
    than from a person; large print follows the volunteer's needs."""

    def __init__(
        self, services: Services, claim_id: int, person_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, "person", person_id, "expenses", parent)
        self.claim_id = claim_id

    def render_form(self) -> None:
        self._generation += 1
        generation = self._generation
        large = self.large_print.isChecked()
        self.preview.show_message("Preparing the form…")
        services, claim_id = self.services, self.claim_id

        def work() -> bytes:
            return services.expenses.claim_form(claim_id, large_print=large)

        def done(pdf: bytes) -> None:
            if generation == self._generation and not self._closed:
                suffix = "-large-print" if large else ""
                self.preview.show_pdf(pdf, f"expenses-claim-{claim_id}{suffix}.pdf")
                self.rendered.emit()

        def failed(message: str) -> None:
            if generation == self._generation and not self._closed:
                self.preview.show_message(message)

        run_operation(work, done, failed)
