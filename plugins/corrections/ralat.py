"""Corrections (`Ralat:` front-matter lines): parsing and checks, no Pelican import.

Format, one correction per line, repeatable, oldest first or in any order:

    Ralat: 2024-11-20 14:00 — Nama kecamatan diperbaiki menjadi Kemuning.

The date and time (WIB) come first, then a dash (—, – or -, with spaces
around it), then what was corrected. Pelican's Markdown reader gives a key
written once as a string and a repeated key as a list of strings (4.12:
`MarkdownReader._parse_metadata`); an indented continuation line would arrive
as one more list item, so the format has none: a correction fits on its line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

KEY = "ralat"
EXAMPLE = "Ralat: 2024-11-20 14:00 — Nama kecamatan diperbaiki menjadi Kemuning."
_ENTRY = re.compile(
    r"^(?P<date>\d{4}-\d{1,2}-\d{1,2})[ T](?P<time>\d{1,2}:\d{2})\s+[—–-]+\s+(?P<text>\S.*)$"
)
# Continuation lines of python-markdown's meta extension: 4+ spaces.


@dataclass(frozen=True)
class Correction:
    """One correction: when (aware datetime, the site's timezone) and what."""

    date: dt.datetime
    text: str
    # Position among the article's `Ralat:` values: finds its source line.
    index: int = 0

    def as_data(self) -> dict:
        """JSON-serialisable form for `article.enrichment.corrections`."""
        return {"date": self.date.isoformat(), "text": self.text}

    def as_json_ld(self) -> dict:
        """schema.org CorrectionComment, for the article's NewsArticle.correction."""
        return {
            "@type": "CorrectionComment",
            "datePublished": self.date.isoformat(),
            "text": self.text,
        }


@dataclass(frozen=True)
class Problem:
    """A finding about one `Ralat:` value: `index` is its position among them."""

    level: str  # "error" or "warning"
    index: int
    message: str
    value: str
    suggestion: str


def values_of(metadata_value) -> list[str]:
    """The `Ralat:` values as a list, whether Pelican gave a string or a list."""
    if metadata_value is None:
        return []
    if isinstance(metadata_value, str):
        return [metadata_value]
    return [str(value) for value in metadata_value]


def parse(values: Iterable[str], tz: dt.tzinfo) -> tuple[list[Correction], list[Problem]]:
    """Corrections sorted oldest first, and the values that are not corrections."""
    corrections: list[Correction] = []
    problems: list[Problem] = []
    for index, raw in enumerate(values):
        value = " ".join(str(raw).split())
        match = _ENTRY.match(value)
        if not match:
            problems.append(
                Problem(
                    "error",
                    index,
                    "Ralat is not 'YYYY-MM-DD HH:MM — what was corrected'",
                    value,
                    f"write one correction per line, for example: {EXAMPLE}",
                )
            )
            continue
        try:
            when = dt.datetime.strptime(
                f"{match['date']} {match['time']}", "%Y-%m-%d %H:%M"
            ).replace(tzinfo=tz)
        except ValueError:
            problems.append(
                Problem(
                    "error",
                    index,
                    "Ralat has a date or time that does not exist",
                    value,
                    f"check the day, month and hour, for example: {EXAMPLE}",
                )
            )
            continue
        corrections.append(Correction(when, match["text"].strip(), index))
    corrections.sort(key=lambda correction: (correction.date, correction.index))
    return corrections, problems


def freshness_problems(
    corrections: list[Correction], modified: dt.datetime | None
) -> list[Problem]:
    """Warnings: a correction newer than `Modified:`, or `Modified:` missing."""
    if not corrections:
        return []
    latest = corrections[-1]
    stamp = latest.date.strftime("%Y-%m-%d %H:%M")
    if modified is None:
        return [
            Problem(
                "warning",
                latest.index,
                "Ralat without a Modified: line",
                stamp,
                f"add 'Modified: {stamp}' (the time of the latest correction)",
            )
        ]
    if latest.date > modified:
        return [
            Problem(
                "warning",
                latest.index,
                "Ralat is newer than Modified:",
                stamp,
                f"set 'Modified: {stamp}' or later",
            )
        ]
    return []
