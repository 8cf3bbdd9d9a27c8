"""How group facts read on screen: kinds and statuses, and the shared wording."""

from __future__ import annotations

from peerdesk.ui.widgets.words import day, minutes, plural, short_day
from peerdesk.vocabulary import GroupKind, GroupStatus

__all__ = ["KIND_WORDS", "STATUS_WORDS", "day", "minutes", "plural", "short_day"]

KIND_WORDS = {GroupKind.DROP_IN.value: "Drop-in", GroupKind.CLOSED.value: "Closed"}
STATUS_WORDS = {status.value: status.label for status in GroupStatus}
