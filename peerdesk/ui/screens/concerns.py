"""The Concerns screen lives with its dialogs in `peerdesk.ui.concerns`; the navigation
builds screens from this package, so it is named here."""

from peerdesk.ui.concerns.screen import ConcernsScreen

__all__ = ["ConcernsScreen"]
