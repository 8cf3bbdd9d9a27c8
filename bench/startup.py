"""Start-up: the real app, launched to its main window on the large database, against an empty
PySide6 QMainWindow started the same way. Both are fresh processes (offscreen); each prints a
line once its window is shown, and the time to that line is the start-up time. Peak memory is
each process's own maximum resident set (os.wait4), so runs never blur into each other.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bench.dataset import WORK
from bench.harness import Comparison, rotate_measured

EMPTY_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1200, 800)
window.show()
QTimer.singleShot(0, lambda: (print("main window shown", flush=True), app.quit()))
app.exec()
"""

#: The same empty window, after importing and using what peerdesk cannot start without: the
#: database libraries (SQLModel over SQLAlchemy, the SQLCipher driver) reading one table.
LIBRARIES_WINDOW = """
import sys
import sqlcipher3
from sqlalchemy import create_engine, text
from sqlmodel import Session
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

engine = create_engine("sqlite:///" + sys.argv[1], module=sqlcipher3)
with Session(engine) as session:
    people = session.execute(text("SELECT count(*) FROM person")).scalar()
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel(f"{people} people"))
window.resize(1200, 800)
window.show()
QTimer.singleShot(0, lambda: (print("main window shown", flush=True), app.quit()))
app.exec()
"""

SHOWN = "main window shown"


def environment() -> dict[str, str]:
    """Offscreen, unbuffered, and with settings, logs and backups in a scratch folder."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PYTHONUNBUFFERED="1",
        PEERDESK_HOME=str(WORK / "home"),
        XDG_CONFIG_HOME=str(WORK / "config"),
    )
    env.pop("PEERDESK_DB", None)
    return env


def launch(command: list[str]) -> tuple[float, float]:
    """Seconds from launch to the "shown" line, and the process's peak RSS in MB."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=environment(),
        cwd=WORK,
        text=True,
    )
    assert process.stdout is not None
    shown: float | None = None
    for line in process.stdout:
        if SHOWN in line and shown is None:
            shown = time.perf_counter() - started
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if shown is None or process.returncode != 0:
        raise RuntimeError(f"{command[-3:]} did not show its window (exit {process.returncode})")
    return shown, usage.ru_maxrss / 1024  # kilobytes on Linux


def app_command(database: Path) -> list[str]:
    return [sys.executable, "-m", "peerdesk", "--db", str(database), "--exit-after-start"]


def floor_command() -> list[str]:
    return [sys.executable, "-c", EMPTY_WINDOW]


def libraries_command(database: Path) -> list[str]:
    return [sys.executable, "-c", LIBRARIES_WINDOW, str(database)]


def run(database: Path, runs: int) -> list[Comparison]:
    WORK.mkdir(parents=True, exist_ok=True)
    memory: dict[str, list[float]] = {"ours": [], "floor": [], "libraries": []}

    def ours() -> float:
        seconds, megabytes = launch(app_command(database))
        memory["ours"].append(megabytes)
        return seconds

    def floor() -> float:
        seconds, megabytes = launch(floor_command())
        memory["floor"].append(megabytes)
        return seconds

    def libraries() -> float:
        seconds, megabytes = launch(libraries_command(database))
        memory["libraries"].append(megabytes)
        return seconds

    # One of each first, untimed: the first launch after a while reads everything from disk.
    ours(), floor(), libraries()
    for values in memory.values():
        values.clear()
    ours_times, floor_times, library_times = rotate_measured([ours, floor, libraries], runs)
    note = "peerdesk --db FILE --exit-after-start: the real app, offscreen, Today screen first"
    return [
        Comparison(
            "startup",
            "Start-up to main window",
            ours_times,
            floor_times,
            1.5,
            "empty PySide6 QMainWindow in a fresh process",
            notes=[note],
        ),
        Comparison(
            "startup_memory",
            "Peak memory at start-up",
            memory["ours"],
            memory["floor"],
            None,
            "the same empty QMainWindow process",
            unit="MB",
            notes=["peak resident set size of the process (os.wait4 ru_maxrss)"],
        ),
        Comparison(
            "startup_libraries",
            "Start-up vs window + database libraries",
            ours_times,
            library_times,
            None,
            "empty QMainWindow after importing SQLModel/SQLAlchemy/sqlcipher3 and one query",
            notes=["what is left once the libraries peerdesk cannot start without are paid for"],
        ),
    ]
