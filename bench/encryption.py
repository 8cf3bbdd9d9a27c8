"""Encryption: the cost of SQLCipher, encrypted against plain, on the seed-1 demo data.

Run:  python -m bench.encryption  [--runs N]

Two jobs, each timed on an encrypted copy and a plain copy of the same demo database (3 years
to 15 June 2026), interleaved in one run so both see the same machine:

- open: `open_services(paths, passphrase)` + close, as at start-up (lock, check, engine). The
  encrypted side includes deriving the key from the passphrase (PBKDF2, 256,000 rounds), which
  is deliberately slow and happens once per start.
- figures: a year's figures (`services.figures.compute(year, "internal")`) on an open database,
  which is all page reads and decryption.

The ratio (encrypted / plain) is what to watch; results go to bench/results/encryption.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.harness import interleave  # noqa: E402
from peerdesk.data.database import open_database  # noqa: E402
from peerdesk.paths import Paths  # noqa: E402
from peerdesk.services import Services  # noqa: E402
from peerdesk.services.demo import DemoOptions  # noqa: E402
from peerdesk.services.opening import open_services  # noqa: E402

TODAY = date(2026, 6, 15)
PASSPHRASE = "kettle orbit paper lantern"
RESULT = ROOT / "bench" / "results" / "encryption.json"


def _prepare(folder: Path) -> tuple[Paths, Paths]:
    plain = Paths.under(folder / "plain")
    encrypted = Paths.under(folder / "encrypted")
    for paths in (plain, encrypted):
        paths.ensure()
    services = Services(open_database(plain.database, backup_dir=plain.backup_dir), lambda: TODAY)
    try:
        services.demo.generate(DemoOptions(seed=1))
    finally:
        services.close()
    shutil.copyfile(plain.database, encrypted.database)
    services = Services(
        open_database(encrypted.database, backup_dir=encrypted.backup_dir), lambda: TODAY
    )
    try:
        services.security.encrypt(PASSPHRASE)
    finally:
        services.close()
    return plain, encrypted


def measure(runs: int) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="peerdesk-bench-encryption-"))
    try:
        plain, encrypted = _prepare(folder)

        def open_plain() -> None:
            open_services(plain).close()

        def open_encrypted() -> None:
            open_services(encrypted, PASSPHRASE).close()

        open_enc, open_plain_times = interleave(open_encrypted, open_plain, runs)
        plain_services = open_services(plain, today=lambda: TODAY)
        encrypted_services = open_services(encrypted, PASSPHRASE, today=lambda: TODAY)
        try:
            year = plain_services.figures.year(TODAY.year - 1)
            fig_enc, fig_plain = interleave(
                lambda: encrypted_services.figures.compute(year, "internal"),
                lambda: plain_services.figures.compute(year, "internal"),
                runs,
            )
        finally:
            plain_services.close()
            encrypted_services.close()
        size = encrypted.database.stat().st_size
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    def row(name: str, ours: list[float], floor: list[float]) -> dict[str, Any]:
        mine, base = _median(ours), _median(floor)
        return {
            "name": name,
            "encrypted_s": round(mine, 4),
            "plain_s": round(base, 4),
            "ratio": round(mine / base, 2) if base else None,
        }

    return {
        "runs": runs,
        "database_bytes": size,
        "cpu_count": os.cpu_count(),
        "results": [
            row(
                "open the database (start-up, key derivation included)", open_enc, open_plain_times
            ),
            row("a year's figures (services.figures)", fig_enc, fig_plain),
        ],
    }


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    report = measure(args.runs)
    print(
        f"Encrypted vs plain, demo data ({report['database_bytes'] / 1e6:.1f} MB), "
        f"median of {args.runs} interleaved runs:"
    )
    for result in report["results"]:
        print(
            f"  {result['name']:<58} encrypted {result['encrypted_s']:.3f} s   "
            f"plain {result['plain_s']:.3f} s   ratio {result['ratio']:.2f}×"
        )
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
