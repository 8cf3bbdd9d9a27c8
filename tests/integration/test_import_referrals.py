"""Importing a people sheet with referral columns: each row with a referral date becomes one
referral for that person, checked by the referral service's rules, in the import's one
transaction; a bad value refuses the whole import and names its row."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from peerdesk.cli.main import main
from peerdesk.data.models import Person, PersonRole, Referral
from peerdesk.paths import Paths
from peerdesk.services import Services
from peerdesk.services.importing import (
    Action,
    DuplicateChoice,
    ImportPreview,
    ImportSettings,
    Source,
)
from peerdesk.services.importing import apply as writer
from peerdesk.services.importing.fields import SheetKind, match_header
from peerdesk.services.mentoring.referrals import ReferralDetails
from peerdesk.services.people.views import PersonDetails
from tests.conftest import TODAY
from tests.helpers import table_contents

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
SHEET = "people_with_referrals.csv"


class DiskFault(Exception):
    """Stands for the disk failing in the middle of the import's write."""


def _settings(services: Services, path: Path) -> tuple[Source, ImportSettings]:
    source = services.importing.read(path)
    return source, services.importing.suggest(source)


def _pharmacist_is_other(settings: ImportSettings) -> ImportSettings:
    """The coordinator's own value map (saved with a mapping): the one unknown source word."""
    settings.values["referral_source"] = {"Pharmacist": "other"}
    return settings


def _import(services: Services, paths: Paths, path: Path = FIXTURES / SHEET) -> ImportPreview:
    source, settings = _settings(services, path)
    return services.importing.run(
        source,
        _pharmacist_is_other(settings),
        {},
        paths.backup_dir,
    )


def _referrals(services: Services) -> dict[str, Referral]:
    with services.db.session() as session:
        rows = session.exec(select(Person, Referral).join(Referral)).all()
        return {person.first_name: referral for person, referral in rows}


def _roles(services: Services, first_name: str) -> dict[str, date]:
    with services.db.session() as session:
        rows = session.exec(
            select(PersonRole.role, PersonRole.started_on)
            .join(Person)
            .where(Person.first_name == first_name)
        )
        return dict(rows.all())


def _counts(services: Services) -> tuple[int, int, int]:
    with services.db.session() as session:
        return tuple(  # type: ignore[return-value]
            len(session.exec(select(model)).all()) for model in (Person, PersonRole, Referral)
        )


def test_the_assistant_maps_the_referral_columns_from_their_headings(
    services: Services,
) -> None:
    _, settings = _settings(services, FIXTURES / SHEET)
    mapping = next(iter(settings.sheets.values()))
    assert mapping.kind is SheetKind.PEOPLE
    assert {heading: key for heading, key in mapping.columns.items() if "ef" in key} | {
        h: mapping.columns[h] for h in ("How they heard", "Status", "Signposted to")
    } == {
        "Date referred": "referral_date",
        "Referrer": "referrer_name",
        "Referring organisation": "referrer_organisation",
        "How they heard": "referral_source",
        "Status": "referral_status",
        "Signposted to": "signposted_to",
    }
    assert mapping.columns["Reason not taken forward"] == "not_taken_forward_reason"


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Referral date", "referral_date"),
        ("Date referred", "referral_date"),
        ("Referred on", "referral_date"),
        ("Referred by", "referrer_name"),
        ("Referrer", "referrer_name"),
        ("Referral source", "referral_source"),
        ("Source", "referral_source"),
        ("How they heard", "referral_source"),
        ("Referral status", "referral_status"),
        ("Status", "referral_status"),
        ("Referrer organisation", "referrer_organisation"),
        ("Agreed to referral", "person_agreed"),
    ],
)
def test_referral_headings_are_recognised(heading: str, key: str) -> None:
    assert match_header(SheetKind.PEOPLE, heading) == key


def test_the_import_creates_each_referral_with_its_person(services: Services, paths: Paths) -> None:
    result = _import(services, paths)
    assert result.committed and not result.blocking
    assert result.count("people_created") == 6
    assert result.count("referrals_created") == 5
    found = _referrals(services)
    assert set(found) == {"Amira", "Callum", "Bethan", "Tom", "Gareth"}  # not Priya, a mentor
    amira, callum, bethan = found["Amira"], found["Callum"], found["Bethan"]
    tom, gareth = found["Tom"], found["Gareth"]
    assert (amira.referral_date, amira.source, amira.status) == (
        date(2026, 3, 3),
        "gp",
        "accepted",
    )
    assert (amira.referrer_name, amira.referrer_organisation) == ("Dr Okafor", "Riverside Surgery")
    # "Referrer: Self" with no source says where it came from; it is not a person's name.
    assert (callum.source, callum.referrer_name, callum.status) == ("self", "", "new")
    assert (bethan.source, bethan.status, bethan.support_as) == (
        "social_work",
        "not_taken_forward",
        "carer",
    )
    assert bethan.not_taken_forward_reason == "Lives outside the area we cover"
    assert bethan.signposted_to == "Carers Wales"
    assert (bethan.referrer_name, bethan.referrer_organisation) == (
        "Siân Davies",
        "Cardiff Council",
    )
    assert (tom.source, tom.status) == ("self", "assessed")  # "Leaflet": they came themselves
    assert (gareth.source, gareth.status) == ("other", "new")
    # No "Agreed to referral" column: a referral from someone else is taken as agreed.
    assert amira.person_agreed and bethan.person_agreed and gareth.person_agreed
    assert {r.support_as for r in (amira, callum, tom, gareth)} == {"mentee"}


def test_a_referral_gives_the_mentee_or_carer_role_from_the_referral_date(
    services: Services, paths: Paths, tmp_path: Path
) -> None:
    # Only names and referral dates: no roles or start date in the sheet.
    path = tmp_path / "referred.csv"
    path.write_text(
        "Name,Referral date,Referred by\nMorag MacLeod,02/03/2026,Dr Ross\nEwan Gunn,,\n",
        encoding="utf-8",
    )
    result = _import(services, paths, path)
    assert result.committed
    assert _roles(services, "Morag") == {"mentee": date(2026, 3, 2)}
    assert _roles(services, "Ewan") == {}
    assert _referrals(services)["Morag"].referrer_name == "Dr Ross"
    assert _referrals(services)["Morag"].source == "other"
    assert any("Other" in p.message for p in result.problems if not p.blocking)


def test_an_accepted_referral_puts_them_on_the_waiting_list(
    services: Services, paths: Paths
) -> None:
    _import(services, paths)
    waiting = {row.name for row in services.pairings.waiting()}
    assert any("Amira" in name for name in waiting)
    assert not any("Bethan" in name for name in waiting)  # not taken forward


def test_the_dry_run_shows_the_referrals_and_writes_nothing(services: Services) -> None:
    source, settings = _settings(services, FIXTURES / SHEET)
    before = _counts(services)
    preview = services.importing.preview(source, _pharmacist_is_other(settings))
    assert not preview.blocking
    referrals = [r for r in preview.rows if r.what == "Referral"]
    assert [(r.row, r.action) for r in referrals] == [
        (2, Action.CREATE),
        (3, Action.CREATE),
        (4, Action.CREATE),
        (6, Action.CREATE),
        (7, Action.CREATE),
    ]
    assert referrals[0].description == (
        "Amira Haddad: received 3 March 2026, GP (Dr Okafor, Riverside Surgery); "
        "Accepted \u2014 waiting for a mentor"
    )
    assert "5 referrals will be added" in preview.summary_lines()
    assert _counts(services) == before == (0, 0, 0)


def test_an_unknown_source_word_refuses_the_whole_import_naming_the_row(
    services: Services, paths: Paths
) -> None:
    source, settings = _settings(services, FIXTURES / SHEET)
    result = services.importing.run(source, settings, {}, paths.backup_dir)
    assert not result.committed
    [problem] = result.blocking
    assert (problem.row, problem.column) == (7, "How they heard")
    assert problem.message.startswith("'Pharmacist' is not a referral source peerdesk knows")
    # An unreadable source is not a missing one: no note that it was taken as "Other".
    assert not any("Other" in p.message for p in result.problems)
    assert _counts(services) == (0, 0, 0)


@pytest.mark.parametrize(
    ("cells", "column", "words"),
    [
        ("01/07/2026,GP,Received,", "Referral date", "cannot be in the future"),
        ("01/03/2026,GP,Not taken forward,", "Status", "needs the reason"),
        ("01/03/2026,GP,Maybe,", "Status", "'Maybe' is not a referral status"),
        ("01/03/2026,GP,Received,no", "Agreed to referral", "agreed to be referred"),
        ("01/03/2026,GP,Received,yes,31/02/2026", "Status date", "'31/02/2026' is not a real"),
    ],
)
def test_a_bad_referral_cell_refuses_everything_with_a_plain_message(
    services: Services, paths: Paths, tmp_path: Path, cells: str, column: str, words: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "First name,Last name,Referral date,Source,Status,Agreed to referral,Status date\n"
        "Ruth,Campbell,01/02/2026,Self,Received,,\n"
        f"Fiona,Reid,{cells}\n",
        encoding="utf-8",
    )
    result = _import(services, paths, path)
    assert not result.committed
    [problem] = result.blocking
    assert (problem.row, problem.column) == (3, column)
    assert words in problem.message
    assert _counts(services) == (0, 0, 0)


def test_importing_the_same_sheet_again_adds_no_second_referral(
    services: Services, paths: Paths
) -> None:
    _import(services, paths)
    again = _import(services, paths)
    assert again.count("referrals_created") == 0
    assert again.count("referrals_unchanged") == 5
    assert again.count("links_unchanged") == 0  # referrals are counted as referrals
    assert "5 referrals already there" in again.summary_lines()
    assert _counts(services)[2] == 5


def test_a_second_open_referral_is_refused(
    services: Services, paths: Paths, tmp_path: Path
) -> None:
    person = services.people.add(PersonDetails(first_name="Ruth", last_name="Campbell"))
    services.referrals.start(person.id, ReferralDetails(date(2026, 1, 5), "self"))
    path = tmp_path / "again.csv"
    path.write_text(
        "First name,Last name,Referral date,Source,Phone\n"
        "Ruth,Campbell,01/04/2026,Self,01955 600100\n",
        encoding="utf-8",
    )
    source, settings = _settings(services, path)
    preview = services.importing.preview(
        source,
        settings,
        {(source.sheets[0].name, 2): DuplicateChoice.UPDATE},
    )
    [problem] = preview.blocking
    assert "already has an open referral (received 5 January 2026" in problem.message
    assert problem.row == 2


def test_a_referral_date_without_its_column_is_a_note_not_a_refusal(
    services: Services, paths: Paths, tmp_path: Path
) -> None:
    # A "Status" column that means something else on a sheet with no referral dates.
    path = tmp_path / "volunteers.csv"
    path.write_text("First name,Last name,Status\nPriya,Shah,Active\n", encoding="utf-8")
    result = _import(services, paths, path)
    assert result.committed
    assert any("no column holds the referral date: Status" in p.message for p in result.problems)
    assert _counts(services)[2] == 0


def test_the_assistant_offers_the_referral_fields() -> None:
    from peerdesk.services.importing.views import FIELDS

    keys = {spec.key for spec in FIELDS[SheetKind.PEOPLE]}
    assert {"referral_date", "referral_source", "referrer_name", "referral_status"} <= keys


def test_an_existing_person_duplicate_skipped_gets_no_referral(
    services: Services, paths: Paths, tmp_path: Path
) -> None:
    services.people.add(PersonDetails(first_name="Amira", last_name="Haddad", phone="01955 600100"))
    copy = tmp_path / SHEET
    shutil.copy(FIXTURES / SHEET, copy)
    result = _import(services, paths, copy)
    assert result.committed
    row = next(r for r in result.rows if r.what == "Referral" and r.row == 2)
    assert row.action is Action.SKIP
    assert "Amira" not in _referrals(services)


def test_the_status_date_goes_to_the_step_the_status_names(
    services: Services, paths: Paths, tmp_path: Path
) -> None:
    path = tmp_path / "steps.csv"
    path.write_text(
        "First name,Last name,Referral date,Source,Agreed to referral,Status,Status date\n"
        "Ruth,Campbell,01/02/2026,GP,yes,First conversation held,10/02/2026\n"
        "Fiona,Reid,01/02/2026,Nurse,y,Accepted,12/02/2026\n"
        "Gordon,Ross,01/02/2026,Self,,Closed,20/03/2026\n"
        "Innes,Bain,01/02/2026,Self,,Received,20/03/2026\n",
        encoding="utf-8",
    )
    assert _import(services, paths, path).committed
    found = _referrals(services)
    ruth, fiona, gordon, innes = (found[n] for n in ("Ruth", "Fiona", "Gordon", "Innes"))
    assert (ruth.status, ruth.assessed_on, ruth.decided_on) == ("assessed", date(2026, 2, 10), None)
    assert (fiona.status, fiona.decided_on, fiona.source) == (
        "accepted",
        date(2026, 2, 12),
        "nurse",
    )
    assert (gordon.status, gordon.closed_on) == ("closed", date(2026, 3, 20))
    # "Received" is where every referral starts: no step to date.
    assert (innes.assessed_on, innes.decided_on, innes.closed_on) == (None, None, None)
    assert ruth.person_agreed and fiona.person_agreed


def test_a_status_date_before_the_referral_is_refused(
    services: Services, paths: Paths, tmp_path: Path
) -> None:
    path = tmp_path / "steps.csv"
    path.write_text(
        "First name,Last name,Referral date,Source,Status,Status date\n"
        "Ruth,Campbell,01/02/2026,Self,Accepted,31/01/2026\n",
        encoding="utf-8",
    )
    result = _import(services, paths, path)
    assert not result.committed
    [problem] = result.blocking
    assert (problem.row, problem.column) == (2, "Status date")
    assert "before the referral date" in problem.message


def test_a_carer_referral_gives_the_carer_role(services: Services, paths: Paths) -> None:
    _import(services, paths)
    assert _roles(services, "Bethan") == {"carer": date(2026, 2, 2)}
    # With no start date in the sheet, the roles of a referred person start at the referral.
    assert _roles(services, "Amira") == {"mentee": date(2026, 3, 3)}
    assert _roles(services, "Priya") == {"mentor": TODAY}  # no referral, no mentee role


def test_a_fault_while_writing_the_referrals_leaves_nothing(
    services: Services, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, settings = _settings(services, FIXTURES / SHEET)
    _pharmacist_is_other(settings)
    before = table_contents(services.database_path)
    real = writer.ensure_role
    calls: list[int] = []

    def faulty(*args: Any) -> None:
        calls.append(1)
        # Six people's roles are written first; the 8th call is inside the referrals.
        if len(calls) == 8:
            raise DiskFault
        real(*args)

    monkeypatch.setattr(writer, "ensure_role", faulty)
    with pytest.raises(DiskFault):
        services.importing.run(source, settings, {}, paths.backup_dir)
    assert len(calls) == 8
    assert table_contents(services.database_path) == before
    monkeypatch.setattr(writer, "ensure_role", real)
    assert services.importing.run(source, settings, {}, paths.backup_dir).committed
    assert _counts(services)[2] == 5


def test_the_command_line_dry_run_shows_the_referral_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "records.db")
    assert main(["--db", db, "import", str(FIXTURES / SHEET), "--dry-run"]) == 2
    out = capsys.readouterr().out
    assert "Date referred → Referral date" in out and "How they heard → Referral source" in out
    assert "4 referrals will be added" in out
    assert "row 7, column How they heard): 'Pharmacist' is not a referral source" in out
    good = tmp_path / "good.csv"
    good.write_text(
        "Name,Referral date,Referred by,Source\nMorag MacLeod,02/03/2026,Dr Ross,GP\n",
        encoding="utf-8",
    )
    assert main(["--db", db, "import", str(good), "--dry-run"]) == 0
    assert "1 referral will be added" in capsys.readouterr().out
    assert main(["--db", db, "import", str(good)]) == 0
    assert "1 referral was added" in capsys.readouterr().out


def test_a_referral_for_someone_already_recorded_is_added_to_them(
    services: Services, paths: Paths, tmp_path: Path
) -> None:
    ruth = services.people.add(PersonDetails(first_name="Ruth", last_name="Campbell"))
    fiona = services.people.add(PersonDetails(first_name="Fiona", last_name="Reid"))
    path = tmp_path / "known.csv"
    path.write_text(
        "First name,Last name,Phone,Referral date,Source\n"
        "Ruth,Campbell,,01/04/2026,Self\n"  # adds nothing to Ruth but her referral
        "Fiona,Reid,01955 600100,02/04/2026,GP\n",  # a new phone too: updated by choice
        encoding="utf-8",
    )
    source, settings = _settings(services, path)
    choices = {(source.sheets[0].name, 3): DuplicateChoice.UPDATE}
    result = services.importing.run(source, settings, choices, paths.backup_dir)
    assert result.committed
    assert (result.count("people_unchanged"), result.count("people_updated")) == (1, 1)
    assert result.count("people_created") == 0 and result.count("referrals_created") == 2
    [for_ruth] = services.referrals.for_person(ruth.id)
    [for_fiona] = services.referrals.for_person(fiona.id)
    assert (for_ruth.referral_date, for_ruth.source) == (date(2026, 4, 1), "self")
    assert (for_fiona.referral_date, for_fiona.source) == (date(2026, 4, 2), "gp")
    assert _roles(services, "Ruth") == {"mentee": date(2026, 4, 1)}


def test_two_rows_for_one_new_person_give_them_one_open_referral(
    services: Services, paths: Paths, tmp_path: Path
) -> None:
    path = tmp_path / "twice.csv"
    header = "First name,Last name,Date of birth,Referral date,Source,Status\n"
    path.write_text(
        header + "Ruth,Campbell,10/10/1970,01/02/2026,Self,Closed\n"
        "Ruth,Campbell,10/10/1970,01/04/2026,Self,Received\n"
        "Ruth,Campbell,10/10/1970,01/04/2026,Self,Received\n",
        encoding="utf-8",
    )
    result = _import(services, paths, path)
    assert result.committed
    referrals = [(r.row, r.action) for r in result.rows if r.what == "Referral"]
    assert referrals == [(2, Action.CREATE), (3, Action.CREATE), (4, Action.UNCHANGED)]
    assert _counts(services) == (1, 1, 2)
    path.write_text(
        header + "Ruth,Campbell,10/10/1970,01/05/2026,Self,Received\n"
        "Ruth,Campbell,10/10/1970,01/06/2026,Self,Accepted\n",
        encoding="utf-8",
    )
    refused = _import(services, paths, path)
    assert not refused.committed
    assert [p.row for p in refused.blocking] == [2, 3]  # the one from April is still open


def test_referral_details_without_a_date_are_a_note_and_record_nothing(
    services: Services, paths: Paths, tmp_path: Path
) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text(
        "First name,Last name,Roles,Referral date,How they heard\n"
        "Ruth,Campbell,mentee,01/02/2026,GP\n"
        "Priya,Shah,mentor,,Website\n",  # a volunteer who found us on the website
        encoding="utf-8",
    )
    result = _import(services, paths, path)
    assert result.committed
    [note] = [p for p in result.problems if p.row == 3]
    assert not note.blocking and (note.column, note.message) == (
        "Referral date",
        "This row has referral details (How they heard) but no referral date, so no referral "
        "is recorded for it. Add the date the referral was received if there should be one.",
    )
    assert set(_referrals(services)) == {"Ruth"}


def test_a_saved_mapping_can_say_what_a_source_word_means(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mapping = tmp_path / "our-words.json"
    mapping.write_text('{"values": {"referral_source": {"Pharmacist": "other"}}}', "utf-8")
    db = str(tmp_path / "records.db")
    command = ["--db", db, "import", str(FIXTURES / SHEET), "--mapping", str(mapping)]
    assert main(command) == 0
    assert "5 referrals were added" in capsys.readouterr().out


def test_each_note_is_said_once_per_sheet(services: Services) -> None:
    source, settings = _settings(services, FIXTURES / SHEET)
    preview = services.importing.preview(source, _pharmacist_is_other(settings))
    # Amira (GP), Bethan (social worker) and Gareth (other) are all taken as agreed.
    agreed = [p for p in preview.problems if "recorded as agreed" in p.message]
    assert [(p.row, p.blocking) for p in agreed] == [(2, False)]


def test_someone_both_mentee_and_carer_is_referred_as_a_mentee(
    services: Services, paths: Paths, tmp_path: Path
) -> None:
    path = tmp_path / "both.csv"
    path.write_text(
        "First name,Last name,Roles,Referral date,Source\n"
        'Ruth,Campbell,"carer, mentee",01/02/2026,Self\n'
        "Fiona,Reid,carer,01/02/2026,Self\n",
        encoding="utf-8",
    )
    assert _import(services, paths, path).committed
    found = _referrals(services)
    assert (found["Ruth"].support_as, found["Fiona"].support_as) == ("mentee", "carer")


def test_every_problem_of_a_referral_is_reported_not_only_the_first(
    services: Services, paths: Paths, tmp_path: Path
) -> None:
    path = tmp_path / "two.csv"
    path.write_text(
        "First name,Last name,Referral date,Source,Agreed to referral\n"
        "Ruth,Campbell,01/07/2026,GP,no\n",
        encoding="utf-8",
    )
    result = _import(services, paths, path)
    columns = [(p.row, p.column) for p in result.blocking]
    assert columns == [(2, "Referral date"), (2, "Agreed to referral")]


@pytest.mark.parametrize(("choice", "added"), [(None, 1), (DuplicateChoice.UPDATE, 2)])
def test_a_later_row_for_the_same_person_brings_its_referral_only_when_merged(
    services: Services, paths: Paths, tmp_path: Path, choice: DuplicateChoice | None, added: int
) -> None:
    path = tmp_path / "later.csv"
    path.write_text(
        "First name,Last name,Phone,Referral date,Source,Status\n"
        "Ruth,Campbell,,01/02/2026,Self,Closed\n"
        "Ruth,Campbell,01955 600100,01/04/2026,Self,Received\n",  # adds a phone: a choice
        encoding="utf-8",
    )
    source, settings = _settings(services, path)
    choices = {(source.sheets[0].name, 3): choice} if choice else {}
    result = services.importing.run(source, settings, choices, paths.backup_dir)
    assert result.committed
    assert _counts(services) == (1, 1, added)
    [later] = [r for r in result.rows if r.what == "Referral" and r.row == 3]
    assert later.action is (Action.CREATE if choice else Action.SKIP)
