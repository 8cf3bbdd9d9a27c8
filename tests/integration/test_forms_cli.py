"""`peerdesk form`: list, blank, filled in, and clear refusals."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from peerdesk.cli.main import main
from peerdesk.forms.catalogue import FORMS
from tests.unit.forms.pdftext import normalise, pages_text


def test_list_shows_every_form_name_then_title(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["form", "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(FORMS)
    for line, form in zip(lines, FORMS, strict=True):
        name, title = line.split(None, 1)
        assert (name, title.strip()) == (form.name, form.title)


def test_blank_form_needs_no_records(tmp_path: Path) -> None:
    out = tmp_path / "blank.pdf"
    assert main(["form", "role-description", "--out", str(out)]) == 0
    assert "Volunteer role description" in normalise(" ".join(pages_text(out.read_bytes())))
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file


def test_filled_in_for_a_pairing_in_large_print(demo_template: Path, tmp_path: Path) -> None:
    database = tmp_path / "demo.db"
    shutil.copyfile(demo_template, database)
    out = tmp_path / "log.pdf"
    code = main(
        [
            "--db",
            str(database),
            "form",
            "session-log",
            "--pairing",
            "1",
            "--large-print",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    text = normalise(" ".join(pages_text(out.read_bytes())))
    assert "P0001" in text and "Session log sheet" in text


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["form", "nonsense", "--out", "x.pdf"], "no form called"),
        (["form", "session-log", "--person", "1", "--out", "x.pdf"], "filled in for a pairing"),
        (["form", "session-log", "--pairing", "99999", "--out", "x.pdf"], "could not be found"),
        (["form", "referral"], "--out"),
        (["form", "role-description", "--person", "1", "--out", "x.pdf"], "blank"),
    ],
)
def test_clear_refusals(
    demo_template: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    message: str,
) -> None:
    database = tmp_path / "demo.db"
    shutil.copyfile(demo_template, database)
    monkeypatch.chdir(tmp_path)
    assert main(["--db", str(database), *arguments]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
