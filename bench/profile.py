"""Profile one benchmark's peerdesk side with pyinstrument, to see where a ratio comes from.

    python -m bench.profile startup|search|figures|forms|backup [--scale 16]

Uses the same cached database as `python -m bench` (generated if missing) and prints
pyinstrument's call tree. The profiles in docs/performance.md were made this way.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench import forms, search  # noqa: E402
from bench.dataset import LARGE_SCALE, TODAY, WORK, dataset, working_copy  # noqa: E402
from bench.figures import YEAR  # noqa: E402
from bench.startup import app_command, environment  # noqa: E402

CHOICES = ("startup", "search", "figures", "forms", "backup")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__)
    parser.add_argument("benchmark", choices=CHOICES)
    parser.add_argument("--scale", type=float, default=LARGE_SCALE)
    args = parser.parse_args(argv)
    data = dataset(args.scale)
    copy = working_copy(data.path, "profile.db")
    if args.benchmark == "startup":
        # The real app in its own process, under pyinstrument's command-line profiler.
        command = [sys.executable, "-m", "pyinstrument", "-m", *app_command(copy)[2:]]
        return subprocess.run(command, env=environment(), cwd=WORK, check=False).returncode
    from pyinstrument import Profiler

    from peerdesk.data.database import open_database
    from peerdesk.services import Services

    database = open_database(copy, backup_dir=WORK / "backups", lock=False)
    services = Services(database, today=lambda: TODAY)
    try:
        job = _job(args.benchmark, services, copy)
        job()  # once unprofiled: fonts, caches and imports are not the question
        profiler = Profiler()
        with profiler:
            job()
        print(profiler.output_text(unicode=True, color=False))
    finally:
        services.close()
    return 0


def _job(name: str, services: Any, copy: Path) -> Any:
    if name == "search":
        ours = search.OurSearch(services)

        def typing() -> None:
            for _ in range(20):
                for text in search.keystrokes():
                    ours.type(text)
                ours.type("")

        return typing
    if name == "figures":
        period = services.figures.year(YEAR)
        return lambda: [services.figures.compute(period, "internal") for _ in range(5)]
    if name == "forms":
        jobs = forms._jobs(services)
        return lambda: forms.our_forms(services, jobs[:41])
    folder = WORK / "profile-backups"
    folder.mkdir(parents=True, exist_ok=True)

    def backing_up() -> None:
        services.backups.back_up("manual", folder)
        for made in folder.iterdir():
            made.unlink()

    return backing_up


if __name__ == "__main__":
    sys.exit(main())
