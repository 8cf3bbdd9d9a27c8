"""0008 maps the training recorded so far onto the course's modules, and keeps every concern."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

from peerdesk.data.database import open_database
from peerdesk.paths import Paths

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "schemas" / "0007.db"


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        return list(connection.execute(sql))


def _upgraded(paths: Paths) -> tuple[Path, list[tuple[object, ...]]]:
    target = paths.data_dir / "old.db"
    shutil.copyfile(FIXTURE, target)
    before = _rows(
        target,
        "SELECT id, person_id, module, training_date, duration_minutes, completed"
        " FROM training_record ORDER BY id",
    )
    open_database(target, backup_dir=paths.backup_dir).close()
    return target, before


def test_old_module_names_map_onto_the_course(paths: Paths) -> None:
    target, before = _upgraded(paths)
    names = Counter(str(row[2]) for row in before)
    assert names["Peer values and mutuality"] and names["Power and boundaries"]
    after = _rows(
        target,
        "SELECT r.module, m.name FROM training_record r"
        " JOIN training_module m ON m.id = r.module_id",
    )
    mapped = Counter(after)
    # A record of a module that became two counts for both.
    for old, new in (
        ("Peer values and mutuality", ("Peer Values", "Mutuality in the Peer Relationship")),
        (
            "Power and boundaries",
            ("Understanding Power in the Peer Relationship", "Boundaries and Self Care"),
        ),
    ):
        for module in new:
            assert mapped[(old, module)] == names[old], (old, module)
    # The same module but for case and hyphens; any other name kept as a module of its own.
    assert (
        mapped[("Trauma-informed peer support", "Trauma Informed Peer Support")]
        == (names["Trauma-informed peer support"])
    )
    assert mapped[("Self care", "Self care")] == names["Self care"]
    assert (
        len(after)
        == len(before) + names["Peer values and mutuality"] + names["Power and boundaries"]
    )
    # Hours were counted once: the added records carry none.
    assert (
        sum(int(str(row[4])) for row in before)
        == _rows(target, "SELECT sum(duration_minutes) FROM training_record")[0][0]
    )


def test_the_course_is_seeded_with_its_core_modules(paths: Paths) -> None:
    target, _ = _upgraded(paths)
    modules = dict(
        (str(name), bool(core))
        for name, core in _rows(target, "SELECT name, is_core FROM training_module")
    )
    course = [
        "Peer Support in Mental Health Recovery",
        "Mutuality in the Peer Relationship",
        "Understanding Power in the Peer Relationship",
        "Peer Values",
        "Trauma Informed Peer Support",
        "Sharing our Experiences",
        "Role Tension",
        "Boundaries and Self Care",
        "Confidentiality",
        "Safeguarding",
    ]
    assert all(name in modules for name in course)
    optional = {"Trauma Informed Peer Support", "Role Tension"}
    assert {name for name in course if not modules[name]} == optional
    assert not modules["Self care"]  # an old name of its own: optional


def test_mentors_trained_before_stay_trained_from_their_latest_training(paths: Paths) -> None:
    target, before = _upgraded(paths)
    latest: dict[int, str] = {}
    for _, person_id, _, day, _, completed in before:
        if completed:
            latest[int(str(person_id))] = max(latest.get(int(str(person_id)), ""), str(day))
    assert latest
    found = dict(
        (int(str(p)), str(d))
        for p, d in _rows(
            target,
            "SELECT person_id, legacy_trained_on FROM volunteer_profile"
            " WHERE legacy_trained_on IS NOT NULL",
        )
    )
    assert found == latest


def test_every_concern_so_far_is_a_concern_level_one(paths: Paths) -> None:
    target, _ = _upgraded(paths)
    levels = _rows(target, "SELECT DISTINCT level FROM concern")
    assert levels == [("concern",)]
