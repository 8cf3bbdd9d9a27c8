"""The import preview does work in proportion to the rows (issue 25, point 1), counted, not timed.

A 49,999-row CSV never finished previewing: each row was compared with every person planned
before it, and each session with every pairing. Here the work is counted (function calls
under cProfile, and the comparisons of two people) for N and 4N rows of people, pairings and
sessions: four times the rows may cost at most five times the work. Quadratic code costs
sixteen times.
"""

from __future__ import annotations

import cProfile
import pstats
import random
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from peerdesk.services import Services
from peerdesk.services.importing import DuplicateChoice
from peerdesk.services.importing import directory as directory_module
from peerdesk.services.importing.directory import identity
from peerdesk.services.importing.readers import Sheet, Source
from peerdesk.services.people.service import PersonDetails

SMALL, LARGE = 300, 1_200
_FIRST = ["Jo", "Sam", "Alex", "Morgan", "Rhys", "Siân", "Eilidh", "Kofi", "Mei", "Owen"]
_LAST = ["Smith", "Patel", "MacLeod", "Okafor", "Jones", "Begum", "Ross", "Kerr"]
_KNOWN = list(zip(_FIRST, _LAST, strict=False))


def _source(rows: int) -> Source:
    """People (names repeat; one row in twenty repeats an earlier person; a third of mentees
    name their mentor; a third have a referral), then pairings and sessions of them."""
    pick = random.Random(rows)
    people: list[list[Any]] = [["First name", "Last name", "DOB", "Email", "Role", "Mentor"]]
    people[0] += ["Date referred", "How they heard"]
    mentors: list[str] = []
    mentees: list[str] = []
    for n in range(rows):
        if n % 20 == 19:
            people.append(list(people[pick.randrange(1, len(people))]))
            continue
        if n % 40 == 21:  # someone already recorded, now a mentee: an update
            k = (n // 40) % len(_KNOWN)
            people.append([*_KNOWN[k], f"{date(1950, 1, 1) + timedelta(k):%d/%m/%Y}", "", "Mentee"])
            people[-1] += ["", "", ""]
            continue
        first, last = pick.choice(_FIRST), pick.choice(_LAST)
        born = date(1950, 1, 1) + timedelta(days=pick.randrange(20_000))
        # Some rows have no date of birth or no email, so every duplicate rule is exercised.
        dob = "" if n % 7 == 0 else f"{born:%d/%m/%Y}"
        email = "" if n % 5 == 0 else f"p{n}@example.org"
        role = "Mentor" if n % 8 == 0 or not mentors else "Mentee"
        mentor = pick.choice(mentors) if role == "Mentee" and n % 3 == 0 else ""
        referred = f"{date(2025, 1, 1) + timedelta(days=n % 300):%d/%m/%Y}" if n % 3 == 1 else ""
        people.append([first, last, dob, email, role, mentor, referred, "GP" if referred else ""])
        if email:
            (mentors if role == "Mentor" else mentees).append(email)
    pairings: list[list[Any]] = [["Mentor", "Mentee", "Start date"]]
    for n, mentee in enumerate(mentees):
        pairings.append(
            [mentors[n % len(mentors)], mentee, f"{date(2024, 1, 1) + timedelta(n % 200):%d/%m/%Y}"]
        )
    sessions: list[list[Any]] = [["Mentor", "Mentee", "Session date", "Duration"]]
    for n in range(rows):
        mentor, mentee, _ = pairings[1 + n % (len(pairings) - 1)]
        sessions.append([mentor, mentee, f"{date(2025, 6, 1) + timedelta(n % 300):%d/%m/%Y}", 60])
    sheets = [Sheet("People", people), Sheet("Pairings", pairings), Sheet("Sessions", sessions)]
    return Source(path=Path("people.xlsx"), kind="xlsx", sheets=sheets)


def _preview(services: Services, rows: int) -> Any:
    source = _source(rows)
    settings = services.importing.suggest(source)
    # "Update" for every row: a later row then rewrites an earlier one's details, so the
    # look-ups must follow the change.
    choices = {("People", n): DuplicateChoice.UPDATE for n in range(2, rows + 2)}
    return services.importing.preview(source, settings, choices)


@pytest.fixture
def known(services: Services) -> None:
    """A few people already recorded, some of whom the file names again."""
    for n, (first, last) in enumerate(_KNOWN):
        born = date(1950, 1, 1) + timedelta(days=n)
        services.people.add(PersonDetails(first_name=first, last_name=last, date_of_birth=born))


def _calls(job: Callable[[], Any]) -> int:
    profile = cProfile.Profile()
    profile.enable()
    try:
        job()
    finally:
        profile.disable()
    return int(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]


@pytest.mark.usefixtures("known")
def test_the_preview_does_at_most_five_times_the_work_for_four_times_the_rows(
    services: Services,
) -> None:
    preview = _preview(services, SMALL)
    # The file is what it seems: people, referrals, pairings and sessions, with duplicates.
    kinds = {row.what for row in preview.rows}
    assert kinds == {"Person", "Referral", "Pairing", "Session"}, kinds
    counts = preview.counts
    assert counts["people_updated"] and counts["people_skipped"] and counts["sessions_created"]
    small = _calls(lambda: _preview(services, SMALL))
    large = _calls(lambda: _preview(services, LARGE))
    assert large <= 5 * small, f"{LARGE} rows took {large / small:.1f}× the calls of {SMALL}"


@pytest.mark.usefixtures("known")
def test_each_row_is_compared_with_a_handful_of_people_not_everyone(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    compared: list[int] = []
    real = directory_module._same_person

    def counting(*args: Any) -> str | None:
        compared.append(1)
        return real(*args)

    monkeypatch.setattr(directory_module, "_same_person", counting)
    found = []
    for rows in (SMALL, LARGE):
        compared.clear()
        found.append(len(_preview(services, rows).duplicates))
        # A row is compared only with people it could be (same email, or same name), and
        # then only with the first of each kind: never more than a few per row.
        assert len(compared) <= 2 * rows, (rows, len(compared))
    assert found[0] > 0 and found[1] > found[0]


# -- the filed look-ups give exactly the answers of comparing with everyone ----------------
_TRAITS = {
    "first": ["Jo", "jo", " JO ", "Sam", "Jo Ann"],
    "last": ["Smith", "smith ", "Smith Jo", "", "Ann"],
    "preferred": ["", "", "Joey", "jo"],
    "born": [None, date(1980, 2, 1), date(1990, 5, 6)],
    "email": ["", "", " ", "a@x.org", " A@x.ORG", "b@x.org"],
}


def _details(pick: random.Random) -> PersonDetails:
    choose = {name: pick.choice(values) for name, values in _TRAITS.items()}
    return PersonDetails(
        first_name=choose["first"],
        last_name=choose["last"],
        preferred_name=choose["preferred"],
        date_of_birth=choose["born"],
        email=choose["email"],
    )


def _everyone_compared(directory: directory_module.Directory, op: Any) -> Any:
    """The duplicate the old code found: `op` compared with each person in turn."""
    d = op.details
    mine = (d.first_name, d.last_name, d.date_of_birth, d.email)
    for k in directory.known:
        reason = directory_module._same_person(
            mine, (k.first_name, k.last_name, k.date_of_birth, k.email)
        )
        if reason:
            return reason, k.id
    for other in directory.added:
        o = other.details
        reason = directory_module._same_person(
            mine, (o.first_name, o.last_name, o.date_of_birth, o.email)
        )
        if reason:
            return reason, other
    return None


def _everyone_searched(directory: directory_module.Directory, text: str, email: str) -> Any:
    """The people the old `find` named: every person's names and email looked at in turn."""
    fold, names = directory_module._fold, directory_module._names
    wanted, wanted_email = fold(text), fold(email) or (fold(text) if "@" in text else "")
    found: list[Any] = []
    if wanted_email:
        found += [op for op in directory.added if fold(op.details.email) == wanted_email]
        found += [k.id for k in directory.known if fold(k.email) == wanted_email]
        if found or "@" in wanted:
            return directory_module._unique(found)
    for op in directory.added:
        d = op.details
        if wanted in names(d.first_name, d.last_name, d.preferred_name):
            found.append(op)
    found += [
        k.id
        for k in directory.known
        if wanted in names(k.first_name, k.last_name, k.preferred_name)
    ]
    return directory_module._unique(found)


@pytest.mark.parametrize("seed", range(12))
def test_filed_look_ups_match_comparing_with_everyone(seed: int) -> None:
    from peerdesk.services.importing.model import PersonOp

    pick = random.Random(seed)
    recorded = []  # the columns the directory reads of each person already recorded
    for n in range(pick.randrange(0, 6)):
        d = _details(pick)
        recorded.append(
            (n + 1, d.first_name, d.last_name, d.preferred_name, d.date_of_birth, d.email)
        )

    class Recorded:
        def connection(self) -> Recorded:
            return self

        def execute(self, _query: object) -> list[tuple[Any, ...]]:
            return recorded

    directory = directory_module.Directory(Recorded())  # type: ignore[arg-type]
    for n in range(60):
        op = PersonOp(("People", n + 2), _details(pick), frozenset(), [], date(2026, 1, 1), [])
        expected = _everyone_compared(directory, op)
        duplicate, earlier = directory.duplicate_of(op)
        if expected is None:
            assert duplicate is None and earlier is None
        else:
            assert duplicate is not None
            reason, who = expected
            assert duplicate.reason == reason
            if isinstance(who, int):
                assert (duplicate.person_id, earlier) == (who, None)
            else:
                assert earlier is who and duplicate.earlier_row == who.key[1]
        if duplicate is not None and pick.random() < 0.5:
            op.merged_into = earlier
            op.existing_id = duplicate.person_id
        directory.add(op)
        if directory.added and pick.random() < 0.2:
            # A later row updating an earlier one changes what it is filed under.
            directory.replace_details(pick.choice(directory.added), _details(pick))
    texts = [f"{f} {last}" for f in _TRAITS["first"] for last in _TRAITS["last"]]
    texts += ["smith, jo", "joey smith", "a@x.org", "nobody", ""]
    for text in texts:
        for email in ("", "a@x.org", "b@x.org ", "c@x.org"):
            found = directory.find(text, email)
            expected = _everyone_searched(directory, text, email)
            assert [identity(r) for r in found] == [identity(r) for r in expected]


def test_a_dry_run_that_skips_duplicates_previews_the_file_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from peerdesk.cli.main import main
    from peerdesk.services.importing.service import ImportService

    path = tmp_path / "people.csv"
    # The second row is the first person again, with a phone number: a likely duplicate.
    path.write_text(
        "First name,Last name,Email,Phone\nJo,Smith,jo@x.org,\nJo,Smith,jo@x.org,07700 900123\n"
    )
    previews: list[object] = []
    real = ImportService.preview

    def counting(self: ImportService, *args: Any, **kwargs: Any) -> Any:
        previews.append(args[2] if len(args) > 2 else kwargs.get("choices"))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(ImportService, "preview", counting)
    db = str(tmp_path / "records.db")
    assert main(["--db", db, "import", str(path), "--dry-run"]) == 0
    assert "Likely duplicates (1)" in capsys.readouterr().out
    # Skipping is what the first preview assumes: no second pass over every row.
    assert len(previews) == 1
    previews.clear()
    assert main(["--db", db, "import", str(path), "--dry-run", "--duplicates", "add"]) == 0
    assert len(previews) == 2 and previews[1] == {("people", 3): DuplicateChoice.ADD}
    assert "Likely duplicates (1)" in capsys.readouterr().out
