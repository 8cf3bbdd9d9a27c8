"""What the attention service hands to the Today screen: one item per thing that needs the
coordinator (its group, what, when due, how urgent, and the record it opens)."""

from peerdesk.services.attention.base import AttentionItem

__all__ = ["AttentionItem"]
