"""The plain data a form is drawn from: no database, no Qt, just text.

A form module reads its pre-filled values by key from `FormData`. A key that is missing or
empty prints as an empty box, so a blank form is simply `FormData()`. Whatever a service puts
here is all the form can ever print: data minimisation starts with what is gathered.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from peerdesk.forms.layout import Kit


class Subject(StrEnum):
    """What kind of record a form can be filled in for."""

    PERSON = "person"
    PAIRING = "pairing"
    GROUP = "group"
    MEETING = "meeting"
    REFERRAL = "referral"


@dataclass(frozen=True)
class OrganisationInfo:
    """The organisation named in every form's header."""

    name: str = ""
    address: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""
    charity_number: str = ""
    logo_png: bytes | None = None
    #: Printed on the coordinator's signature line of forms filled in for a record.
    coordinator_name: str = ""
    #: Printed under the coordinator's name where they sign.
    coordinator_role: str = ""


@dataclass(frozen=True)
class FormData:
    """Pre-filled values of one form.

    fields: key → text (one line or several).
    ticks: key → the option labels to print as ticked.
    rows: key → table rows to print before the empty rows.
    parts: for a pack, the forms it joins, in order (form name, its data).
    """

    fields: Mapping[str, str] = field(default_factory=dict)
    ticks: Mapping[str, frozenset[str]] = field(default_factory=dict)
    rows: Mapping[str, Sequence[Sequence[str]]] = field(default_factory=dict)
    parts: Sequence[tuple[str, FormData]] = ()

    def text(self, key: str) -> str:
        value = self.fields.get(key)
        return value if isinstance(value, str) else ""

    def ticked(self, key: str, option: str) -> bool:
        return option in self.ticks.get(key, frozenset())

    @property
    def is_blank(self) -> bool:
        return not (self.fields or self.ticks or self.rows or self.parts)


@dataclass(frozen=True)
class FormSpec:
    """One form: who it is about, its footer details, and the function that lays it out.

    `subjects`: the record kinds it can be pre-filled for (empty: blank only).
    `compose`: for a pack, the forms it joins, given the pack's data.
    """

    name: str
    title: str
    version: str
    confidential: bool
    subjects: tuple[Subject, ...]
    build: Callable[[Kit], list[Flowable]] | None = None
    compose: Callable[[FormData], list[tuple[FormSpec, FormData]]] | None = None
    summary: str = ""
