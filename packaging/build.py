"""Build the peerdesk bundle with PyInstaller, then smoke-test it.

    python packaging/build.py            # build, package (Linux: tar.gz) and smoke-test
    python packaging/build.py --smoke-only dist/peerdesk   # smoke-test an existing bundle

The smoke test runs the frozen program from a temporary directory, outside the source tree,
with no Python path pointing at the sources: it starts the app offscreen on a fresh database,
creates the demo data, checks it, and renders a form and a figures export through the frozen
command. Exit status 0 means the bundle works.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import tomllib
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
APP_ID = "org.peerdesk.Peerdesk"


def project() -> dict[str, str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {"name": data["name"], "version": data["version"]}


def build(dist: Path, work: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(PACKAGING / "peerdesk.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    bundle = dist / project()["name"]
    if sys.platform.startswith("linux"):
        add_linux_desktop_files(bundle)
    return bundle


def add_linux_desktop_files(bundle: Path) -> None:
    """The .desktop file, AppStream metainfo and icons, laid out as under /usr/share."""
    share = bundle / "share"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    shutil.copy(PACKAGING / "linux" / f"{APP_ID}.desktop", share / "applications")
    shutil.copy(PACKAGING / "linux" / f"{APP_ID}.metainfo.xml", share / "metainfo")
    icons = ROOT / "peerdesk" / "resources" / "icons"
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy(icons / "peerdesk.svg", scalable / f"{APP_ID}.svg")
    for png in icons.glob("peerdesk-*.png"):
        size = png.stem.split("-")[1]
        folder = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(png, folder / f"{APP_ID}.png")
    shutil.copy(PACKAGING / "linux" / "install.sh", bundle / "install.sh")


def tarball(bundle: Path, dist: Path) -> Path:
    meta = project()
    machine = platform.machine().lower()
    name = f"{meta['name']}-{meta['version']}-linux-{machine}"
    target = dist / f"{name}.tar.gz"
    partial = target.with_suffix(".gz.part")
    with tarfile.open(partial, "w:gz") as archive:
        archive.add(bundle, arcname=name)
    partial.replace(target)
    return target


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def smoke_test(bundle: Path) -> None:
    executable = bundle / (project()["name"] + (".exe" if sys.platform == "win32" else ""))
    with tempfile.TemporaryDirectory(prefix="peerdesk-smoke-") as folder:
        home = Path(folder)
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("PYTHON", "VIRTUAL_ENV", "PEERDESK"))
        }
        env.update(PEERDESK_HOME=str(home / "home"), QT_QPA_PLATFORM="offscreen")
        database = home / "smoke.db"

        def run(*args: str) -> str:
            print(f"smoke: peerdesk {' '.join(args)}")
            result = subprocess.run(
                [str(executable), *args],
                cwd=home,
                env=env,
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
            )
            if result.returncode != 0:
                print(result.stdout, result.stderr, sep="\n", file=sys.stderr)
                raise SystemExit(
                    f"smoke test failed: peerdesk {' '.join(args)} exited {result.returncode}"
                )
            return result.stdout

        assert project()["version"] in run("--version")
        run("--db", str(database), "demo", "--seed", "1")
        assert "main window shown" in run("--db", str(database), "--exit-after-start")
        assert "healthy" in run("--db", str(database), "check")
        form = home / "session-log.pdf"
        run("--db", str(database), "form", "session-log", "--pairing", "1", "--out", str(form))
        assert form.read_bytes().startswith(b"%PDF"), "the form is not a PDF"
        figures = home / "figures.xlsx"
        year = str(date.today().year - 1)
        run(
            "--db",
            str(database),
            "figures",
            "--year",
            year,
            "--format",
            "xlsx",
            "--out",
            str(figures),
        )
        assert figures.read_bytes()[:2] == b"PK", "the figures export is not an XLSX file"
    print("smoke test passed")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument(
        "--smoke-only",
        type=Path,
        metavar="BUNDLE",
        help="only smoke-test an existing bundle folder",
    )
    args = parser.parse_args(argv)
    if args.smoke_only:
        smoke_test(args.smoke_only.resolve())
        return 0
    bundle = build(args.dist.resolve(), args.work.resolve())
    size = folder_size(bundle)
    print(f"bundle: {bundle} ({size / 1_000_000:.0f} MB unpacked)")
    if sys.platform.startswith("linux"):
        print(f"archive: {tarball(bundle, args.dist.resolve())}")
    smoke_test(bundle)
    return 0


if __name__ == "__main__":
    sys.exit(main())
