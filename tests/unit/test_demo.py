"""The demo data: realistic, varied, fictional, and exercising every state."""

from __future__ import annotations

import contextlib
import sqlite3
from collections import Counter
from datetime import timedelta

from peerdesk.services import Services
from peerdesk.vocabulary import PairingStatus, SessionStatus
from tests.conftest import TODAY


def test_demo_has_the_promised_sizes_and_names(demo_services: Services) -> None:
    rows = demo_services.people.list_rows()
    names = {row.name for row in rows}
    for expected in ("Łukasz Wróblewski", "Siobhán Ó Súilleabháin", "محمد الأحمد", "王芳"):
        assert expected in names
    mentors = [r for r in rows if "mentor" in r.roles]
    supported = [r for r in rows if {"mentee", "carer"} & set(r.roles)]
    assert 30 <= len(mentors) <= 50
    assert 120 <= len(supported) <= 180
    assert any("carer" in r.roles for r in rows)
    assert len(demo_services.groups.all()) == 3


def column(services: Services, sql: str) -> list[object]:
    with contextlib.closing(sqlite3.connect(services.db.path)) as connection:
        return [row[0] for row in connection.execute(sql)]


def test_demo_covers_every_pairing_and_session_state(demo_services: Services) -> None:
    pairing_states = Counter(column(demo_services, "SELECT status FROM pairing"))
    for status in PairingStatus:
        assert pairing_states[status.value] > 0, status
    session_states = Counter(column(demo_services, "SELECT status FROM mentoring_session"))
    for status in SessionStatus:
        assert session_states[status.value] > 0, status
    assert sum(session_states.values()) > 2000


def test_demo_consents_include_withdrawn_and_expiring_ones(demo_services: Services) -> None:
    withdrawn = column(demo_services, "SELECT id FROM consent WHERE withdrawn_on IS NOT NULL")
    assert withdrawn
    month_ahead = (TODAY + timedelta(days=30)).isoformat()
    expiring = column(
        demo_services,
        f"SELECT id FROM disclosure_check WHERE renewal_date BETWEEN '{TODAY}' AND '{month_ahead}'",
    )
    assert expiring, "some disclosure checks are due for renewal within a month"


def test_demo_organisation_is_marked_as_demo(demo_services: Services) -> None:
    organisation = demo_services.organisation.get()
    assert organisation is not None
    assert organisation.is_demo
    assert "DEMO" in organisation.name


def test_demo_database_is_healthy(demo_services: Services) -> None:
    assert demo_services.health.check().healthy
