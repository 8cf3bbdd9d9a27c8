"""Argument types shared by the commands, each refusing bad input in plain words."""

from __future__ import annotations

import argparse
from datetime import date


def iso_date(text: str) -> date:
    """A date on the command line, written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date: write it as YYYY-MM-DD, for example 2026-04-01"
        ) from None
