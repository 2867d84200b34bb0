"""Geometry of the small inline-SVG charts on region pages (pure Python).

The templates draw the shapes; this module only computes coordinates in a fixed
viewBox (320 units wide: the narrowest phone), so the SVG scales with `width:
100%` and its colours come from CSS custom properties (dark mode works).
"""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 320


@dataclass(frozen=True)
class MonthBar:
    year: int
    month: int
    value: int
    x: float
    y: float
    width: float
    height: float

    @property
    def center(self) -> float:
        return round(self.x + self.width / 2, 2)

    @property
    def value_y(self) -> float:
        return round(self.y - 4, 2)

    @property
    def period(self) -> tuple[int, int]:
        return (self.year, self.month)


@dataclass(frozen=True)
class MonthlyChart:
    width: int
    height: int
    baseline: float
    label_y: float
    bars: list[MonthBar]
    maximum: int

    @property
    def total(self) -> int:
        return sum(bar.value for bar in self.bars)


def month_window(end: tuple[int, int], months: int) -> list[tuple[int, int]]:
    """The `months` calendar months that end with `end` (year, month), oldest first."""
    year, month = end
    window = []
    for _ in range(months):
        window.append((year, month))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return list(reversed(window))


def monthly_chart(
    counts: dict[tuple[int, int], int], end: tuple[int, int], months: int = 12
) -> MonthlyChart:
    """Vertical bars, one per month, with room for a value above and a label below."""
    height, top, bottom = 132, 18, 22
    plot = height - top - bottom
    window = month_window(end, months)
    maximum = max([counts.get(period, 0) for period in window] + [1])
    slot = WIDTH / months
    bar_width = slot * 0.62
    baseline = height - bottom
    bars = []
    for index, (year, month) in enumerate(window):
        value = counts.get((year, month), 0)
        bar_height = round(plot * value / maximum, 2) if value else 0.0
        bars.append(
            MonthBar(
                year=year,
                month=month,
                value=value,
                x=round(index * slot + (slot - bar_width) / 2, 2),
                y=round(baseline - bar_height, 2),
                width=round(bar_width, 2),
                height=bar_height,
            )
        )
    return MonthlyChart(WIDTH, height, baseline, height - 6, bars, maximum)


@dataclass(frozen=True)
class Row:
    label: str
    value: int
    label_y: float
    bar_y: float
    bar_width: float
    bar_height: float
    value_x: float

    @property
    def value_y(self) -> float:
        return self.bar_y + self.bar_height - 1


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    rows: list[Row]
    maximum: int


def bar_chart(items: list[tuple[str, int]]) -> BarChart:
    """Horizontal bars, each under its label, so long names fit 320 units."""
    row_height, label_height, bar_height = 34, 14, 12
    value_room = 34
    maximum = max([value for _, value in items] + [1])
    usable = WIDTH - value_room
    rows = []
    for index, (label, value) in enumerate(items):
        top = index * row_height
        width = round(usable * value / maximum, 2) if value else 0.0
        rows.append(
            Row(
                label=label,
                value=value,
                label_y=top + label_height - 2,
                bar_y=top + label_height + 2,
                bar_width=width,
                bar_height=bar_height,
                value_x=round(width + 4, 2),
            )
        )
    return BarChart(WIDTH, max(row_height * len(items), row_height), rows, maximum)
