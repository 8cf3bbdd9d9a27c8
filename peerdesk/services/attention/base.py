"""The shape of an attention item and of a rule that finds them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session

from peerdesk.data.models import Organisation


@dataclass(frozen=True)
class AttentionContext:
    today: date
    organisation: Organisation | None
    #: What several rules need (who is who), worked out once per look at Today.
    shared: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def setting(self, name: str, default: int) -> int:
        value = getattr(self.organisation, name, None) if self.organisation else None
        return int(value) if value is not None else default


@dataclass(frozen=True)
class AttentionItem:
    """One line on Today. `record_kind`/`record_id` say what clicking it opens.

    `group` is the heading it appears under (e.g. "Reviews due"); `due` orders lines within a
    group (overdue first); `urgent` marks overdue or safety items (shown with words and an
    icon, never colour alone).
    """

    group: str
    title: str
    detail: str
    record_kind: str
    record_id: int
    due: date | None = None
    urgent: bool = False


AttentionRule = Callable[[Session, AttentionContext], list[AttentionItem]]
