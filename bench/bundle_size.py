"""The bundle's size against its floor: a bare PySide6 + reportlab + SQLModel hello world,
built by PyInstaller the same way (same exclusions, stripped, one folder).

    python -m bench.bundle_size [--app-bundle dist/peerdesk]

Builds the floor (about a minute) and, unless given, the app; prints both sizes and the ratio
and writes bench/results/bundle_size.json.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

HELLO = """
import sys
from io import BytesIO

from PySide6.QtWidgets import QApplication, QLabel
from reportlab.pdfgen.canvas import Canvas
from sqlmodel import Field, Session, SQLModel, create_engine


class Greeting(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    text: str


engine = create_engine("sqlite://")
SQLModel.metadata.create_all(engine)
with Session(engine) as session:
    session.add(Greeting(text="hello"))
    session.commit()
pdf = BytesIO()
canvas = Canvas(pdf)
canvas.drawString(72, 720, "hello")
canvas.save()
app = QApplication(sys.argv)
label = QLabel("hello")
label.show()
if "--exit" in sys.argv:
    sys.exit(0)
sys.exit(app.exec())
"""

SPEC = """
import sys
sys.path.insert(0, {packaging!r})
from exclusions import OTHER_EXCLUDES, QT_EXCLUDES, keep

a = Analysis([{script!r}], excludes=QT_EXCLUDES + OTHER_EXCLUDES)
a.binaries = [e for e in a.binaries if keep(e)]
a.datas = [e for e in a.datas if keep(e)]
pyz = PYZ(a.pure)
exe = EXE(pyz, a.scripts, [], exclude_binaries=True, name="hello", strip=True, upx=False)
coll = COLLECT(exe, a.binaries, a.datas, strip=True, upx=False, name="hello")
"""


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def build_floor(folder: Path) -> Path:
    script = folder / "hello.py"
    script.write_text(HELLO, encoding="utf-8")
    spec = folder / "hello.spec"
    spec.write_text(
        SPEC.format(packaging=str(ROOT / "packaging"), script=str(script)), encoding="utf-8"
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(folder / "dist"),
            "--workpath",
            str(folder / "build"),
            str(spec),
        ],
        check=True,
        cwd=folder,
    )
    return folder / "dist" / "hello"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--app-bundle",
        type=Path,
        default=None,
        help="an already built peerdesk bundle folder (default: build one)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="peerdesk-size-") as tmp:
        folder = Path(tmp)
        floor = folder_size(build_floor(folder))
        bundle = args.app_bundle
        if bundle is None:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "PyInstaller",
                    "--noconfirm",
                    "--log-level",
                    "WARN",
                    "--distpath",
                    str(folder / "app"),
                    "--workpath",
                    str(folder / "app-build"),
                    str(ROOT / "packaging" / "peerdesk.spec"),
                ],
                check=True,
                cwd=ROOT,
            )
            bundle = folder / "app" / "peerdesk"
        app = folder_size(bundle)
    result = {"app_bytes": app, "floor_bytes": floor, "ratio": round(app / floor, 2)}
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "bundle_size.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"peerdesk bundle: {app / 1e6:.0f} MB unpacked")
    print(f"floor (PySide6 + reportlab + SQLModel hello world): {floor / 1e6:.0f} MB")
    print(f"ratio: {result['ratio']}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
