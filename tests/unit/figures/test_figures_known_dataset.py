"""Every key of the JSON export, checked against numbers worked out by hand (see dataset.py)."""

from __future__ import annotations

import json

import pytest

from peerdesk.services import Services
from peerdesk.services.figures.export_json import to_json
from tests.unit.figures.dataset import build


@pytest.fixture
def exported(services: Services) -> dict:
    build(services)
    report = services.figures.compute(services.figures.year(2025), "internal")
    return json.loads(to_json(report))


def test_every_figure_matches_the_hand_count(exported: dict) -> None:
    data = exported
    assert data["period"] == {
        "from": "2025-04-01",
        "to": "2026-03-31",
        "label": "Year 2025: 1 April 2025 to 31 March 2026",
    }
    assert data["mode"] == "internal"
    assert data["notice"] == "Internal: contains exact small numbers, do not publish"
    assert data["organisation"] == "Test Peer Support"
    # B (gp), D (self), E (nurse); A in 2024 and C in April 2026 are outside.
    assert data["referrals_received"] == 3
    assert data["referrals_by_source"] == {
        "self": 1,
        "gp": 1,
        "nurse": 1,
        "social_work": 0,
        "another_charity": 0,
        "hospital": 0,
        "family_or_friend": 0,
        "other": 0,
    }
    assert data["referrals_not_taken_forward"] == 1
    # A (P1: first and last day) and B (P2); E's only session was missed.
    assert data["mentees_supported"] == 2
    assert data["mentees_new"] == 1  # B; A's first held session was in 2024
    assert data["carers_supported"] == 1
    assert data["pairings_started"] == 2  # P2, P3 (P1 started in 2024)
    assert data["pairings_active"] == 3  # P1, P2, P3 (P4 ended the day before)
    assert data["pairings_ended"] == 2
    assert data["pairings_ended_by_reason"] == {
        "completed": 1,
        "mentee_withdrew": 0,
        "mentor_withdrew": 0,
        "change_in_circumstances": 0,
        "no_longer_eligible": 0,
        "no_contact": 1,
    }
    assert data["pairings_ended_as_planned"] == 1
    # 1 Apr 2025 (60), 8 Jul 2025 (45, the rearranged one), 31 Mar 2026 (90), B's (60).
    assert data["sessions_held"] == 4
    assert data["sessions_by_mode"] == {
        "face_to_face": 1,
        "phone": 1,
        "video": 1,
        "walk_and_talk": 1,
    }
    # cancelled by mentee, rearranged, two did-not-attend; March 2025's is outside.
    assert data["sessions_cancelled"] == 4
    assert data["contact_hours"] == 4.3  # 255 minutes = 4.25 hours
    assert data["group_meetings"] == 2
    assert data["group_attendances"] == 6  # (B, C + 3 unnamed) + (C)
    assert data["group_unique_attendees"] == 2  # B and C
    assert data["people_supported"] == 3  # A, B, C: B counted once
    assert data["volunteers_active"] == 3  # M1, M2 (mentors), F1 and M2 (facilitators)
    assert data["volunteers_new"] == 1  # M2; M1 came back from a pause
    assert data["volunteers_left"] == 1  # M3
    assert data["volunteers_trained"] == 1  # M2 (incomplete and 2024 training do not count)
    assert data["volunteer_hours"] == {
        "mentoring": 4.3,  # 255 min
        "groups": 5.0,  # 120 × 1 facilitator + 90 × 2 facilitators
        "training": 3.0,  # 180 min completed
        "supervision": 1.5,  # 50 + 40 min
        "total": 13.8,  # 825 min
    }
    assert data["supervision_sessions"] == 2
    assert data["concerns_raised"] == 1
    assert data["demographics"] == {
        "age_band": {  # A turns 18 on the period's last day; C is 75
            "under 18": 0,
            "18–24": 1,
            "25–34": 0,
            "35–49": 0,
            "50–64": 0,
            "65–74": 0,
            "75 and over": 1,
            "not known": 1,
        },
        "gender": {
            "woman": 1,
            "man": 0,
            "non_binary": 0,
            "other": 0,
            "prefer_not_to_say": 1,
            "not known": 1,
        },
        "ethnicity": {"Prefer not to say": 1, "White Scottish": 1, "not known": 1},
        "disability": {"yes": 1, "no": 0, "prefer_not_to_say": 1, "not known": 1},
        "condition": {"Arthritis": 1, "COPD": 1, "Long Covid": 1, "not known": 1},
        "area": {"Highland": 1, "Moray": 1, "not known": 1},
    }
    assert data["outcomes"] == {
        "Confidence": {"n": 1, "mean_before": None, "mean_after": None, "mean_change": None},
        "Wellbeing": {"n": 5, "mean_before": 25.0, "mean_after": 30.0, "mean_change": 5.0},
    }
    # The known dataset has no project and no expense claim.
    assert data["project"] is None
    assert data["expenses_paid_pence"] == 0
    figure_keys = set(data) - {
        "organisation",
        "project",
        "project_note",
        "period",
        "mode",
        "suppression_threshold",
        "notice",
        "definitions",
    }
    assert figure_keys == FIGURE_KEYS
    assert set(data["definitions"]) >= FIGURE_KEYS - {"volunteer_hours", "outcomes", "demographics"}


FIGURE_KEYS = {
    "referrals_received",
    "referrals_by_source",
    "referrals_not_taken_forward",
    "mentees_supported",
    "mentees_new",
    "carers_supported",
    "pairings_started",
    "pairings_active",
    "pairings_ended",
    "pairings_ended_by_reason",
    "pairings_ended_as_planned",
    "sessions_held",
    "sessions_by_mode",
    "sessions_cancelled",
    "contact_hours",
    "group_meetings",
    "group_attendances",
    "group_unique_attendees",
    "people_supported",
    "volunteers_active",
    "volunteers_new",
    "volunteers_left",
    "volunteers_trained",
    "volunteer_hours",
    "supervision_sessions",
    "concerns_raised",
    "demographics",
    "outcomes",
    "expenses_paid_pence",
}


def test_every_breakdown_adds_up_to_its_headline(exported: dict) -> None:
    for name, buckets in exported["demographics"].items():
        if name != "condition":
            assert sum(buckets.values()) == exported["people_supported"], name
    assert sum(exported["referrals_by_source"].values()) == exported["referrals_received"]
    assert sum(exported["sessions_by_mode"].values()) == exported["sessions_held"]
    assert sum(exported["pairings_ended_by_reason"].values()) == exported["pairings_ended"]


def test_publishable_mode_hides_every_small_count(services: Services) -> None:
    build(services)
    data = json.loads(to_json(services.figures.compute(services.figures.year(2025), "publishable")))
    assert data["mode"] == "publishable"
    assert data["suppression_threshold"] == 5
    assert "threshold 5" in data["notice"] and "<5" in data["notice"]
    assert data["people_supported"] == "<5"
    assert data["referrals_by_source"]["gp"] == "<5"
    assert data["referrals_by_source"]["hospital"] == 0  # 0 stays 0
    assert data["volunteer_hours"]["total"] == 13.8  # hours are not counts of people
    # Wellbeing has 5 people: a mean in internal figures, too few (< 10) to publish.
    assert data["outcomes"]["Wellbeing"] == {
        "n": 5,
        "mean_before": None,
        "mean_after": None,
        "mean_change": None,
    }
