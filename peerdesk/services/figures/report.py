"""A computed report: exact figures, the mode they are shown in, and the shown values.

`FiguresReport.data()` is the JSON export's content; every other export (CSV, XLSX, PDF) and
the Figures screen are made from it, so they always agree with the JSON.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from peerdesk.services.figures import suppression as s
from peerdesk.services.figures.counting import MIN_PEOPLE_FOR_MEAN
from peerdesk.services.figures.definitions import DEFINITIONS, SECTIONS
from peerdesk.services.figures.model import Breakdown, Figures, Mode
from peerdesk.services.figures.scope import NO_PROJECT

#: What the previous period shares with this one, so it is not repeated under "previous".
_SAME_IN_BOTH = (
    "organisation",
    "project",
    "project_note",
    "mode",
    "suppression_threshold",
    "notice",
    "definitions",
)

#: The figures whose value is a breakdown object, and the plain counts.
BREAKDOWN_KEYS = ("referrals_by_source", "pairings_ended_by_reason", "sessions_by_mode")
HOURS_KEYS = ("contact_hours",)
#: What an organisation-wide figure shows in the rows of one project's figures (its JSON
#: value is null).
ORGANISATION_WIDE = "organisation-wide"
#: What expenses paid show in publishable figures when too few volunteers were paid.
SUPPRESSED = "suppressed"


def project_note(project: str | None) -> str:
    """Whose figures these are, in words, for every export's face."""
    if project is None:
        return "All projects: every record, whatever project it belongs to."
    whose = (
        "Records with no project only."
        if project == NO_PROJECT
        else f"Project “{project}” only: its referrals, pairings (with their sessions and "
        "reviews), groups (with their meetings), outcome scores and expense claims."
    )
    return (
        f"{whose} Training, supervision and volunteer journeys (new volunteers, volunteers "
        "who left, volunteers trained, supervision meetings, and training, supervision and "
        "total volunteer hours) are organisation-wide: they are given only in the figures "
        "for all projects."
    )


@dataclass(frozen=True)
class FigureRow:
    """One figure per row, as in the CSV: section, figure, breakdown, value."""

    section: str
    figure: str
    breakdown: str
    value: s.Value


@dataclass(frozen=True)
class FiguresReport:
    figures: Figures
    mode: Mode
    threshold: int
    #: The same figures for the year before, for "this period beside the previous one".
    previous: Figures | None = None

    @property
    def notice(self) -> str:
        return s.notice(self.mode, self.threshold)

    @functools.cached_property
    def _data(self) -> dict[str, Any]:
        return shown_values(self.figures, self.mode, self.threshold)

    def data(self) -> dict[str, Any]:
        """The JSON export: metadata, then every figure key of figures.md, then (when the
        report has one) the previous period's dates and figures under "previous"."""
        data = _copy(self._data)
        if self._previous is not None:
            data["previous"] = {
                k: v for k, v in _copy(self._previous).items() if k not in _SAME_IN_BOTH
            }
        return data

    @functools.cached_property
    def _previous(self) -> dict[str, Any] | None:
        if self.previous is None:
            return None
        return shown_values(self.previous, self.mode, self.threshold)

    def previous_data(self) -> dict[str, Any] | None:
        return None if self._previous is None else _copy(self._previous)

    def rows(self) -> list[FigureRow]:
        return rows_of(self._data)


def shown_values(figures: Figures, mode: Mode, threshold: int) -> dict[str, Any]:
    def n(value: int | None) -> int | str | None:
        return None if value is None else s.count(value, mode, threshold)

    def shown(key: str) -> bool:
        total = getattr(figures, key)
        return isinstance(s.count(total, mode, threshold), int)

    def cells(b: Breakdown) -> dict[str, int | str]:
        return s.breakdown(
            b, mode, threshold, total_shown=b.total_key is not None and shown(b.total_key)
        )

    data = _about(figures, mode, threshold)
    for key in (
        "referrals_received",
        "referrals_by_source",
        "referrals_not_taken_forward",
        "mentees_supported",
        "mentees_new",
        "carers_supported",
        "pairings_started",
        "pairings_active",
        "pairings_ended",
        "pairings_ended_by_reason",
        "pairings_ended_as_planned",
        "sessions_held",
        "sessions_by_mode",
        "sessions_cancelled",
        "contact_hours",
        "group_meetings",
        "group_attendances",
        "group_unique_attendees",
        "people_supported",
        "volunteers_active",
        "volunteers_new",
        "volunteers_left",
        "volunteers_trained",
        "volunteer_hours",
        "supervision_sessions",
        "concerns_raised",
    ):
        value = getattr(figures, key)
        if key in BREAKDOWN_KEYS:
            data[key] = cells(value)
        elif key in HOURS_KEYS:
            data[key] = value
        elif key == "volunteer_hours":
            data[key] = {
                "mentoring": value.mentoring,
                "groups": value.groups,
                "training": value.training,
                "supervision": value.supervision,
                "total": value.total,
            }
        else:
            data[key] = n(value)
    data["demographics"] = {name: cells(b) for name, b in figures.demographics.items()}
    data["outcomes"] = {
        o.measure: {
            "n": n(o.n),
            "mean_before": s.mean(o.mean_before, o.n, mode, MIN_PEOPLE_FOR_MEAN),
            "mean_after": s.mean(o.mean_after, o.n, mode, MIN_PEOPLE_FOR_MEAN),
            "mean_change": s.mean(o.mean_change, o.n, mode, MIN_PEOPLE_FOR_MEAN),
        }
        for o in figures.outcomes
    }
    data["expenses_paid_pence"] = expenses_shown(figures, mode, threshold)
    data["definitions"] = {key: d.meaning for key, d in DEFINITIONS.items()}
    return data


def _about(figures: Figures, mode: Mode, threshold: int) -> dict[str, Any]:
    """Whose figures, for when, and in which mode: what every export says first."""
    period = figures.period
    return {
        "organisation": figures.organisation,
        "project": figures.project,
        "project_note": project_note(figures.project),
        "period": {
            "from": period.start.isoformat(),
            "to": period.end.isoformat(),
            "label": period.label,
        },
        "mode": mode.value,
        "suppression_threshold": threshold if mode is Mode.PUBLISHABLE else None,
        "notice": s.notice(mode, threshold),
    }


def expenses_shown(figures: Figures, mode: Mode, threshold: int) -> int | str:
    """Money paid, in pence: in publishable figures "suppressed" when fewer volunteers than
    the threshold were paid (a sum paid to one or two people could say what they claimed)."""
    people = figures.expenses_paid_people
    if mode is Mode.PUBLISHABLE and 1 <= people < threshold:
        return SUPPRESSED
    return figures.expenses_paid_pence


def rows_of(data: dict[str, Any]) -> list[FigureRow]:
    """Flatten the shown values: a breakdown's buckets each get a row of their own. In one
    project's figures, an organisation-wide figure shows the words "organisation-wide"."""
    rows: list[FigureRow] = []
    split = data.get("project") is not None
    for section, keys in SECTIONS:
        for key in keys:
            value = data[key]
            if split and key == "volunteer_hours":
                value = {k: ORGANISATION_WIDE if v is None else v for k, v in value.items()}
            elif split and value is None:
                value = ORGANISATION_WIDE
            if key == "demographics":
                for name, buckets in value.items():
                    rows.extend(
                        FigureRow(section, f"demographics.{name}", bucket, v)
                        for bucket, v in buckets.items()
                    )
            elif key == "outcomes":
                for measure, stats in value.items():
                    rows.extend(
                        FigureRow(section, f"outcomes.{measure}", stat, v)
                        for stat, v in stats.items()
                    )
            elif isinstance(value, dict):
                rows.extend(FigureRow(section, key, bucket, v) for bucket, v in value.items())
            else:
                rows.append(FigureRow(section, key, "", value))
    return rows


def _copy(data: dict[str, Any]) -> dict[str, Any]:
    return {k: (_copy(v) if isinstance(v, dict) else v) for k, v in data.items()}
