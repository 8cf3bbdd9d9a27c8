"""What the demo generator is asked for, and what it reports."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DemoOptions:
    seed: int = 1
    years: int = 3
    #: Multiplies the number of people; the benchmark uses a large scale.
    scale: float = 1.0
    force: bool = False


@dataclass
class DemoSummary:
    counts: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        return [f"{name}: {count:,}" for name, count in self.counts.items()]
