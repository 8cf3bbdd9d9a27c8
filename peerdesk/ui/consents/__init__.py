"""Consent widgets, shared by the person page and the consent screens."""

from peerdesk.ui.consents.consents_panel import ConsentsPanel

__all__ = ["ConsentsPanel"]
