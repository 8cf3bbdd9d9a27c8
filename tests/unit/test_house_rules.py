"""House rules for the shape of peerdesk/, so that each new feature has an obvious, small home:
no source file over 500 lines, no function over 80 lines, and at most 8 modules at the top of
peerdesk/services/ (the rest live in its area packages).

Where a PDF is made (test_pdf_home.py), where a file is put in place and a database opened
(test_shared_jobs_home.py) and which layer imports which (`lint-imports`) are checked elsewhere.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "peerdesk"

MAX_FILE_LINES = 500
MAX_FUNCTION_LINES = 80
MAX_TOP_LEVEL_SERVICE_MODULES = 8

#: Alembic writes these revision files (the first is the whole schema, generated).
GENERATED = ("peerdesk/data/migrations/versions/",)
#: The demo generator's and the form templates' long functions read as one recipe or one page.
LONG_FUNCTIONS_ALLOWED = ("peerdesk/services/demo/", "peerdesk/forms/templates/")


def sources() -> list[tuple[str, Path]]:
    """Every Python source file under peerdesk/, named from the repository's root."""
    return [
        (path.relative_to(PACKAGE.parent).as_posix(), path)
        for path in sorted(PACKAGE.rglob("*.py"))
    ]


def line_count(source: str) -> int:
    return len(source.splitlines())


def long_functions(source: str, limit: int = MAX_FUNCTION_LINES) -> list[tuple[str, int]]:
    """(name, lines) of every function or method in `source` longer than `limit` lines, from
    its `def` to its last line (decorators aside); nested functions are measured too."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > limit:
                found.append((node.name, length))
    return found


def top_level_modules(folder: Path) -> list[str]:
    """The `.py` files directly in `folder` (its packages are not counted)."""
    return sorted(path.name for path in folder.glob("*.py"))


def test_no_source_file_is_over_500_lines() -> None:
    too_long = {
        name: lines
        for name, path in sources()
        if not name.startswith(GENERATED)
        and (lines := line_count(path.read_text(encoding="utf-8"))) > MAX_FILE_LINES
    }
    assert too_long == {}, "split these into smaller modules"


def test_no_function_is_over_80_lines() -> None:
    too_long = {
        name: found
        for name, path in sources()
        if not name.startswith(GENERATED + LONG_FUNCTIONS_ALLOWED)
        and (found := long_functions(path.read_text(encoding="utf-8")))
    }
    assert too_long == {}, "split these into well-named helpers"


def test_services_keep_at_most_8_modules_at_their_top_level() -> None:
    modules = top_level_modules(PACKAGE / "services")
    assert "container.py" in modules
    assert len(modules) <= MAX_TOP_LEVEL_SERVICE_MODULES, (
        f"{modules}: put new services in an area package (peerdesk/services/<area>/)"
    )


def test_the_checks_see_what_they_are_meant_to(tmp_path: Path) -> None:
    body = "".join(f"    x{n} = {n}\n" for n in range(79))
    assert long_functions(f"def fits():\n{body}") == []
    assert long_functions(f"def too_long():\n{body}    return x0\n") == [("too_long", 81)]
    nested = f"class A:\n    @property\n    async def method(self):\n        def inner():\n{body}"
    assert long_functions(nested.replace("\n    x", "\n            x"), 40) == [
        ("method", 81),
        ("inner", 80),
    ]
    assert line_count("a = 1\n" * 501) == 501
    (tmp_path / "one.py").write_text("")
    (tmp_path / "area").mkdir()
    (tmp_path / "area" / "two.py").write_text("")
    (tmp_path / "notes.md").write_text("")
    assert top_level_modules(tmp_path) == ["one.py"]
