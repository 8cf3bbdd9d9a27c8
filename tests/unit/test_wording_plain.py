"""Plain wording (issue 23): counts say "1 problem" and "2 problems", never "problem(s)"; the
figures' notice starts with a capital, as the sentence it is."""

from __future__ import annotations

import re
import tokenize
from pathlib import Path

import pytest

import peerdesk
from peerdesk.cli.commands.restore import _report_erasures
from peerdesk.services.figures.model import Mode
from peerdesk.services.figures.suppression import notice

#: A word with "(s)" stuck on, in the app's own source (the words it shows or prints).
HEDGED_PLURAL = re.compile(r"[A-Za-z]\(s\)")


def _strings(path: Path) -> list[tuple[int, str]]:
    """The string literals in a source file (f-strings too), with their line numbers."""
    with path.open("rb") as source:
        return [
            (token.start[0], token.string)
            for token in tokenize.tokenize(source.readline)
            if token.type == tokenize.STRING
        ]


def test_no_word_in_the_app_hedges_its_plural_with_brackets() -> None:
    found = [
        f"{path.name}:{number}: {text}"
        for path in Path(peerdesk.__file__).parent.rglob("*.py")
        for number, text in _strings(path)
        if HEDGED_PLURAL.search(text)
    ]
    assert found == []


@pytest.mark.parametrize(
    ("count", "said"),
    [
        (1, "1 person erased since that backup was made was erased again."),
        (2, "2 people erased since that backup was made were erased again."),
    ],
)
def test_the_restore_command_counts_people_in_words(
    capsys: pytest.CaptureFixture[str], count: int, said: str
) -> None:
    _report_erasures(count)
    assert capsys.readouterr().out.strip() == said


@pytest.mark.parametrize("mode", list(Mode))
def test_the_figures_notice_starts_with_a_capital(mode: Mode) -> None:
    words = notice(mode, 5)
    assert words[0].isupper() and words.split(":")[0] in {"Internal", "Publishable"}
