"""Erasure finds a full name however its letters were typed, even in someone else's notes: a
name with i, s or k is also written with ı or İ (Turkish), ſ (old s) or the Kelvin sign, which
SQLite's LIKE does not match. Found by mutation testing (`_like_fragment`); before, the
spelling below was left in place."""

from __future__ import annotations

from sqlalchemy import text

from peerdesk.data.models import Person
from peerdesk.services import Services


def _someone_writes_about(services: Services, first: str, last: str, note: str) -> int:
    with services.db.transaction() as session:
        person = Person(first_name=first, last_name=last)
        other = Person(first_name="Morven", last_name="Bell", notes=note)
        session.add_all([person, other])
        session.flush()
        assert person.id is not None
        return person.id


def _notes(services: Services) -> str:
    with services.db.session() as session:
        rows = session.connection().execute(text("SELECT notes FROM person"))
        return " ".join(str(row[0]) for row in rows)


def test_a_name_typed_with_a_dotless_i_is_removed(services: Services) -> None:
    person = _someone_writes_about(services, "Aylin", "Öztürk", "Came with Aylın Öztürk.")
    services.erasure.erase(person)
    assert "Öztürk" not in _notes(services)


def test_a_name_with_a_long_s_and_a_kelvin_k_is_removed(services: Services) -> None:
    person = _someone_writes_about(services, "Kirsty", "Ross", "Phoned \u212airſty Roſs.")
    services.erasure.erase(person)
    assert "Roſs" not in _notes(services)
