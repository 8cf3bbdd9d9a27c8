"""One home for each shared job: files are put in place only by peerdesk/files.py, and a
database is opened only by peerdesk/services/opening.py (the app, the CLI, recovery)."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "peerdesk"

#: `os.replace`, `os.rename`, `shutil.move` and friends, however imported.
_MOVING_FUNCTIONS = {("os", "replace"), ("os", "rename"), ("os", "renames"), ("shutil", "move")}


def file_moves(source: str) -> list[int]:
    """Lines of `source` that move or rename a file.

    A call `x.rename(y)` is a path's; `x.replace(y)` with one argument and no keywords is a
    path's too (a string's replace takes two, a date's and a dataclass's take keywords).
    """
    tree = ast.parse(source)
    imported = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module in {"os", "shutil"}
        for alias in node.names
        if (node.module, alias.name) in _MOVING_FUNCTIONS
    }
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in imported:
            lines.append(node.lineno)
        elif isinstance(func, ast.Attribute):
            owner = func.value.id if isinstance(func.value, ast.Name) else None
            single = len(node.args) == 1 and not node.keywords
            if (
                (owner, func.attr) in _MOVING_FUNCTIONS
                or func.attr == "rename"
                or (func.attr == "replace" and single and owner != "dataclasses")
            ):
                lines.append(node.lineno)
    return lines


def calls_to(source: str, name: str) -> list[int]:
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and (
            (isinstance(node.func, ast.Name) and node.func.id == name)
            or (isinstance(node.func, ast.Attribute) and node.func.attr == name)
        )
    ]


def modules_where(found: Callable[[str], list[int]]) -> dict[str, list[int]]:
    result = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        lines = found(path.read_text(encoding="utf-8"))
        if lines:
            result[str(path.relative_to(PACKAGE.parent))] = lines
    return result


def test_only_peerdesk_files_puts_a_file_in_place() -> None:
    assert list(modules_where(file_moves)) == ["peerdesk/files.py"]


def test_the_check_sees_every_way_of_moving_a_file() -> None:
    for moving in (
        "import os\nos.replace(a, b)",
        "import os\nos.rename(a, b)",
        "import shutil\nshutil.move(a, b)",
        "from os import replace\nreplace(a, b)",
        "from os import rename as r\nr(a, b)",
        "temporary.replace(path)",
        "Path(a).rename(b)",
    ):
        assert file_moves(moving) == [len(moving.splitlines())], moving
    for not_moving in (
        'text.replace("&", "&amp;")',
        "day.replace(year=day.year - 1)",
        "dataclasses.replace(paths, database=database)",
        "value.replace('_', ' ').capitalize()",
    ):
        assert file_moves(not_moving) == [], not_moving


def test_a_database_is_opened_only_by_the_services_opening_module() -> None:
    opened = {
        module: lines
        for module, lines in modules_where(lambda s: calls_to(s, "open_database")).items()
        if not module.startswith("peerdesk/data/")
    }
    assert list(opened) == ["peerdesk/services/opening.py"]
    built = modules_where(lambda s: calls_to(s, "Services"))
    assert list(built) == ["peerdesk/services/opening.py"]
