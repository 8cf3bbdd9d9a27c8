"""Outcome measures: wellbeing score sets and the scale they answer."""

from peerdesk.services.outcomes.service import OutcomeService

__all__ = ["OutcomeService"]
