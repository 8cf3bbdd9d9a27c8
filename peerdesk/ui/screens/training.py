"""The Training screen lives with its dialogs in `peerdesk.ui.training`; the navigation
builds screens from this package, so it is named here."""

from peerdesk.ui.training.screen import TrainingScreen

__all__ = ["TrainingScreen"]
