"""peerdesk: offline records for peer-support groups."""

__version__ = "0.4.0"
