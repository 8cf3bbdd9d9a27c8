"""Consent gates: actions that need a consent the person has not given, or has withdrawn.

A gate never blocks on its own: it returns plain-English warnings, and the UI asks the
coordinator whether to go ahead. An empty list means nothing is missing.
"""

from __future__ import annotations

from peerdesk.data.models import Pairing, Person
from peerdesk.services.base import Service, get_or_raise
from peerdesk.services.consents import current_consent
from peerdesk.vocabulary import ConsentKind


class GateService(Service):
    def for_pairing_activation(self, pairing_id: int) -> list[str]:
        """Both people need a current confidentiality agreement before a pairing is active."""
        today = self.today()
        warnings: list[str] = []
        with self.db.session() as session:
            pairing = get_or_raise(session, Pairing, pairing_id, "pairing")
            for person_id, role in ((pairing.mentor_id, "mentor"), (pairing.mentee_id, "mentee")):
                person = get_or_raise(session, Person, person_id, role)
                if current_consent(session, person_id, ConsentKind.CONFIDENTIALITY, today) is None:
                    warnings.append(
                        f"The {role}, {person.display_name}, has no current confidentiality "
                        "agreement (never given, withdrawn or expired)."
                    )
        return warnings
