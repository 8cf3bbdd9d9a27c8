"""Kill a peerdesk writer with SIGKILL thousands of times; report anything lost or damaged.

    .venv/bin/python bench/crash_loop.py [--rounds 1000] [--seed 1] [--keep]

Each round forks a writer that makes random service writes (people, sessions, consents) and
prints each committed id; the writer is killed at a random moment, the database is reopened
the way peerdesk opens it, and integrity_check, foreign_key_check and every printed id are
checked. Exits 1 on the first problem. POSIX only (it forks).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.stress.crash_harness import run_rounds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="peerdesk-crash-"))
    started = time.monotonic()
    report = run_rounds(folder / "crash.db", args.rounds, seed=args.seed)
    elapsed = time.monotonic() - started
    print(
        f"{report.rounds} kills in {elapsed:.0f} s; committed and found again: "
        + ", ".join(f"{count} {kind}s" for kind, count in sorted(report.committed.items()))
    )
    for problem in report.problems:
        print(f"PROBLEM {problem}")
    if args.keep or report.problems:
        print(f"database kept in {folder}")
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
