"""The short table printed at the end of a run (and pasted into docs/performance.md)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def _amount(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value:.0f} MB"
    if value >= 1:
        return f"{value:.2f} s"
    if value >= 0.001:
        return f"{value * 1000:.1f} ms"
    return f"{value * 1_000_000:.0f} µs"


def _verdict(result: dict[str, Any]) -> str:
    wanted = []
    if result["target"] is not None:
        wanted.append(f"≤ {result['target']:g}×")
    if result.get("limit") is not None:
        wanted.append(f"≤ {_amount(result['limit'], result['unit'])}")
    wanted += [f"failed: {name}" for name, held in result.get("checks", {}).items() if not held]
    if not wanted and not result.get("checks"):
        return "(no target)"
    verdict = "met" if result["met"] else "NOT MET"
    return f"{verdict} ({', '.join(wanted)})" if wanted else verdict


def table(report: dict[str, Any]) -> str:
    rows = [("benchmark", "peerdesk", "floor", "ratio", "target")]
    for result in report["results"]:
        unit = result["unit"]
        rows.append(
            (
                result["title"],
                _amount(result["ours"], unit),
                _amount(result["floor"], unit),
                f"{result['ratio']:.2f}×",
                _verdict(result),
            )
        )
    lines = _columns(rows)
    if report.get("scaling"):
        multiples = report["scaling"][0]["multiples"]
        heading = ("growth 1×→16× data", *[f"{m:g}×" for m in multiples], "exponent", "verdict")
        growth_rows: list[tuple[str, ...]] = [heading]
        for item in report["scaling"]:
            growth_rows.append(
                (
                    item["name"],
                    *[_amount(v, "s") for v in item["ours"]],
                    f"{item['ours_exponent']:.2f} (floor {item['floor_exponent']:.2f})",
                    "WORSE THAN LINEAR" if item["worse_than_linear"] else "linear or better",
                )
            )
        lines += ["", *_columns(growth_rows)]
    return "\n".join(lines)


def _columns(rows: Sequence[tuple[str, ...]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    out = []
    for number, row in enumerate(rows):
        out.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
        if number == 0:
            out.append("  ".join("-" * width for width in widths))
    return [line.rstrip() for line in out]
