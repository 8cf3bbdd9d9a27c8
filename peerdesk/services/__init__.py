"""Use cases shared by the desktop app and the `peerdesk` command. Never imports Qt."""

from peerdesk.services.container import Services

__all__ = ["Services"]
