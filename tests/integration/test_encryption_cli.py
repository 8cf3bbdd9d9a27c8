"""`peerdesk encrypt`, `peerdesk change-passphrase`, and every subcommand on an encrypted
database: passphrase typed at a prompt or from PEERDESK_PASSPHRASE (automation only)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerdesk.cli import context as context_module
from peerdesk.cli.main import main
from peerdesk.paths import Paths

PASSPHRASE = "kettle orbit paper lantern"
NEW_PASSPHRASE = "violet harbour cement ladder"


@pytest.fixture
def typed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """What the coordinator will type at each passphrase prompt, in order."""
    answers: list[str] = []
    prompts: list[str] = []

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        if not answers:
            raise AssertionError(f"unexpected prompt: {prompt}")
        return answers.pop(0)

    monkeypatch.setattr(context_module, "ask_passphrase", ask)
    for module in ("encrypt", "change_passphrase"):
        monkeypatch.setattr(f"peerdesk.cli.commands.{module}.ask_passphrase", ask)
    yield answers
    assert not answers, "not every typed answer was asked for"


def test_encrypt_then_every_command_asks_for_the_passphrase(
    typed: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["demo", "--years", "1", "--scale", "0.2"]) == 0
    typed += [PASSPHRASE, PASSPHRASE]
    assert main(["encrypt"]) == 0
    out, err = capsys.readouterr()
    assert "now encrypted" in out and "Backup made first" in out
    assert "cannot be recovered" in err
    assert PASSPHRASE not in out + err

    typed.append(PASSPHRASE)
    assert main(["check"]) == 0
    assert "healthy" in capsys.readouterr().out
    typed += ["wrong guess here", PASSPHRASE]
    out_file = tmp_path / "figures.json"
    year = ["figures", "--year", "2025", "--format", "json", "--out", str(out_file)]
    assert main(year) == 0
    assert "does not open" in capsys.readouterr().err
    assert json.loads(out_file.read_text())
    typed.append(PASSPHRASE)
    assert main(["backup"]) == 0
    assert "Backup saved" in capsys.readouterr().out


def test_three_wrong_passphrases_refuse_plainly(
    typed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--years", "1", "--scale", "0.2"]) == 0
    typed += [PASSPHRASE, PASSPHRASE]
    assert main(["encrypt"]) == 0
    capsys.readouterr()
    typed += ["one", "two", "three"]
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert "does not open" in err and "Traceback" not in err


def test_the_environment_variable_is_for_automation(
    typed: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", PASSPHRASE)
    assert main(["demo", "--years", "1", "--scale", "0.2"]) == 0
    assert main(["encrypt"]) == 2, "a new database opened with a passphrase is encrypted"
    assert "already encrypted" in capsys.readouterr().err
    assert main(["check"]) == 0
    monkeypatch.setenv("PEERDESK_PASSPHRASE", "not the passphrase")
    assert main(["check"]) == 2
    assert "does not open" in capsys.readouterr().err


def test_change_passphrase(typed: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--years", "1", "--scale", "0.2"]) == 0
    assert main(["change-passphrase"]) == 2
    assert "not encrypted" in capsys.readouterr().err
    typed += [PASSPHRASE, PASSPHRASE]
    assert main(["encrypt"]) == 0
    typed += [PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE]
    assert main(["change-passphrase"]) == 0
    assert "has been changed" in capsys.readouterr().out
    typed += [PASSPHRASE, NEW_PASSPHRASE]
    assert main(["check"]) == 0
    assert Paths.for_user().database.exists()
