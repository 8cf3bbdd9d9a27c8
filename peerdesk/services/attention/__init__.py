"""What needs the coordinator's attention (the Today dashboard).

Each rule is a function `(session, context) -> list[AttentionItem]` in its own module, listed
in RULES. Add a rule by writing a module and adding it here; the Today screen shows them all.
"""

from peerdesk.services.attention.base import AttentionContext, AttentionItem, AttentionRule
from peerdesk.services.attention.service import RULES, AttentionService

__all__ = ["RULES", "AttentionContext", "AttentionItem", "AttentionRule", "AttentionService"]
