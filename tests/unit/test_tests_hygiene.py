"""The test suite itself: no wall clock and no fixed temporary paths (docs/testing.md).

A test that reads the real date can fail around midnight; one that writes to a fixed path in
the system temp folder collides with itself in a parallel run. Tests use `TODAY`, the `clock`
fixture and `tmp_path` instead.
"""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]

# Spelled in pieces so that this file does not match itself.
FORBIDDEN = {
    "the wall clock": re.compile(r"\b(datetime\.now|date\.today|datetime\.today)" + r"\("),
    "the system temp folder": re.compile(r"gettempdir" + r"\(|[\"']/tmp" + r"\b"),
}


def offences(text: str) -> list[str]:
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for what, pattern in FORBIDDEN.items():
            if pattern.search(line):
                found.append(f"line {number} reads {what}: {line.strip()}")
    return found


def test_no_test_reads_the_wall_clock_or_writes_to_a_fixed_temp_path() -> None:
    found = {
        str(path.relative_to(TESTS)): problems
        for path in sorted(TESTS.rglob("*.py"))
        if (problems := offences(path.read_text(encoding="utf-8")))
    }
    assert found == {}, "use TODAY, the clock fixture or tmp_path (docs/testing.md)"


def test_the_check_itself_sees_each_kind_of_offence() -> None:
    samples = [
        "moment = datetime" + ".now() + timedelta(seconds=5)",
        "today = date" + ".today()",
        'widget.grab().save("/' + 'tmp/shot.png")',
        "SHOTS = Path('/" + "tmp/peerdesk-shots')",
        "folder = tempfile.gettempdir" + "()",
    ]
    assert [len(offences(sample)) for sample in samples] == [1, 1, 1, 1, 1]
    assert offences("run(today=lambda: TODAY, now=clock.now, folder=tmp_path)") == []
