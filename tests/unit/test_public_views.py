"""Screens get view objects, never database rows (issue 18, point 1).

The UI may import from the services only the container (`peerdesk.services`), the opening of
a database (`peerdesk.services.opening`) and each area's `views` module; no name in those
modules is a table class; and the services screens call return no table rows.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import typing
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from sqlmodel import SQLModel

import peerdesk
from peerdesk.services import Services

UI = Path(peerdesk.__file__).parent / "ui"
SERVICES = Path(peerdesk.__file__).parent / "services"
AREAS = sorted(p.parent.name for p in SERVICES.glob("*/views.py"))
PUBLIC = {
    "peerdesk.services",
    "peerdesk.services.opening",
    *(f"peerdesk.services.{area}.views" for area in AREAS),
}

#: The services of the areas converted so far (attribute names on `Services`).
CONVERTED = (
    "organisation",
    "people",
    "volunteers",
    "consents",
    "erasure",
    "gates",
    "retention",
    "subject_access",
    "backups",
    "security",
    "health",
    "importing",
    "exporting",
    "figures",
    "attention",
    "printing",
    "demo",
    "referrals",
    "pairings",
    "sessions",
    "matching",
    "reviews",
    "groups",
)


def _is_table(value: object) -> bool:
    return inspect.isclass(value) and issubclass(value, SQLModel) and hasattr(value, "__table__")


def _imported_services(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found += [
            n for n in names if n == "peerdesk.services" or n.startswith("peerdesk.services.")
        ]
    return found


def test_every_area_with_screens_has_a_views_module() -> None:
    for area in ("people", "volunteers", "data_protection", "safety", "figures", "importing"):
        assert area in AREAS
    assert "organisation" in AREAS and "attention" in AREAS and "printing" in AREAS


@pytest.mark.parametrize("path", sorted(UI.rglob("*.py")), ids=lambda p: str(p.relative_to(UI)))
def test_the_ui_imports_only_public_service_modules(path: Path) -> None:
    private = [name for name in _imported_services(path) if name not in PUBLIC]
    assert not private, f"{path.name} imports {private}: use the area's views module"


def test_the_import_check_sees_a_private_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from peerdesk.services.people.service import PersonRow\n"
        "def later():\n    import peerdesk.services.records\n",
        encoding="utf-8",
    )
    assert _imported_services(sample) == [
        "peerdesk.services.people.service",
        "peerdesk.services.records",
    ]


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_no_table_class_is_reachable_from_a_public_module(name: str) -> None:
    module = importlib.import_module(name)
    tables = [n for n, value in vars(module).items() if _is_table(value)]
    data = [
        n
        for n, value in vars(module).items()
        if isinstance(value, ModuleType) and value.__name__.startswith("peerdesk.data")
    ]
    assert not tables and not data, f"{name} holds {tables + data}"


def _tables_in(annotation: Any) -> list[str]:
    found = [annotation.__name__] if _is_table(annotation) else []
    for argument in typing.get_args(annotation):
        found += _tables_in(argument)
    return found


@pytest.mark.parametrize("attribute", CONVERTED)
def test_no_service_call_returns_a_table_row(services: Services, attribute: str) -> None:
    service = type(getattr(services, attribute))
    rows = {}
    for name, method in inspect.getmembers(service, inspect.isfunction):
        if not name.startswith("_"):
            returned = _tables_in(typing.get_type_hints(method).get("return"))
            if returned:
                rows[name] = returned
    assert not rows, f"services.{attribute} returns table rows: {rows}"


def test_the_row_check_sees_a_row_in_a_list_or_optional() -> None:
    from peerdesk.data.models import Person

    assert _tables_in(list[Person]) == ["Person"]
    assert _tables_in(Person | None) == ["Person"]
    assert _tables_in(list[int]) == []
