"""The words a sheet may use for a referral's source and status, and the user guide's lists
of them and of every recognised heading, which must say what the code does."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk.services.importing.fields import FIELDS
from peerdesk.services.importing.values import REFERRAL_SOURCES, REFERRAL_STATUSES, parse_mapped

GUIDE = (Path(__file__).resolve().parents[3] / "docs" / "importing.md").read_text("utf-8")


@pytest.mark.parametrize(
    ("word", "stored"),
    [
        ("GP", "gp"),
        ("Self", "self"),
        ("Self-referral", "self"),
        ("Social worker", "social_work"),
        ("  social   WORKER ", "social_work"),
        ("Leaflet", "self"),
        ("Health visitor", "nurse"),
        ("Word of mouth", "family_or_friend"),
    ],
)
def test_source_words(word: str, stored: str) -> None:
    assert parse_mapped(word, REFERRAL_SOURCES, {}, "a referral source", "").value == stored


@pytest.mark.parametrize(
    ("word", "stored"),
    [
        ("Received", "new"),
        ("First conversation held", "assessed"),
        ("Accepted", "accepted"),
        ("Waiting for a mentor", "accepted"),
        ("Accepted \u2014 waiting for a mentor", "accepted"),
        ("Not taken forward", "not_taken_forward"),
        ("Closed", "closed"),
    ],
)
def test_status_words(word: str, stored: str) -> None:
    assert parse_mapped(word, REFERRAL_STATUSES, {}, "a referral status", "").value == stored


def test_an_unknown_word_is_explained_and_a_blank_is_nothing() -> None:
    result = parse_mapped("Pharmacist", REFERRAL_SOURCES, {}, "a referral source", "self, GP")
    assert result.error == "'Pharmacist' is not a referral source peerdesk knows (self, GP)."
    assert parse_mapped("N/A", REFERRAL_STATUSES, {}, "a referral status", "").value is None
    own = parse_mapped("Pharmacist", REFERRAL_SOURCES, {"pharmacist": "other"}, "", "")
    assert own.value == "other"


def test_the_guide_lists_every_source_and_status_word() -> None:
    guide = GUIDE.casefold()
    # The guide writes "Accepted — waiting for a mentor" once and says other dashes do too.
    words = {w.replace(" \u2013 ", " \u2014 ").replace(" - ", " \u2014 ").replace(", w", " \u2014 w")
             for w in (*REFERRAL_SOURCES, *REFERRAL_STATUSES)}  # fmt: skip
    assert sorted(w for w in words if w.casefold() not in guide) == []


def test_the_guide_lists_every_heading_and_its_synonyms() -> None:
    rows = [
        f"| {spec.label} | " + (", ".join(spec.synonyms[1:]) or "\u2014") + " |"
        for specs in FIELDS.values()
        for spec in specs
    ]
    assert [row for row in rows if row not in GUIDE] == []
