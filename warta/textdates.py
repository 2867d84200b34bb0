"""Dates written in a release's text, read as an Indonesian reader reads them,
and the checks of them that need no data (`warta.source_checks` runs them):

- a weekday that is not its date's ("Senin (5/11/2024)": 5 November 2024 was
  a Tuesday);
- the lead's date far from the release's `Date:` ("Sekayu, Senin (14/10/2024)
  –" in a release dated 2024-09-14: published a month before the day it
  reports, or dated wrong).

The forms read: a weekday then the day and month in brackets, with or
without the year ("Senin (14/10/2024)", "Senin (14/10)"), the day and month
in brackets alone ("(14/10)"), a weekday then a slashed date ("Senin
14/10/2024"), and a day with a month's name, after a weekday or not ("Senin,
14 Oktober 2024", "14 Nopember 2024", "14 Oktober"). A date without its year
is in the year that puts it nearest the release's `Date:`.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from warta.dates import ENGLISH_MONTHS, MONTH_NUMBERS, WEEKDAY_NAMES
from warta.regions.dateline import is_letterhead
from warta.text import (
    in_fenced_code,
    lower_case_misreads,
    matched_lower,
    may_hold_ascii_word,
    tried_where,
)

_WEEKDAY = r"(?P<weekday>Senin|Selasa|Rabu|Kamis|Jum'?at|Sabtu|Minggu|Ahad)"
# A month by its full name, as a regex alternation, longest first (the old
# spellings Pebruari and Nopember too): an abbreviation ("Jan", "Mar") is a
# word of its own too often.
MONTH_NAMES = "|".join(
    sorted((name for name in MONTH_NUMBERS if len(name) > 3 or name == "mei"), key=len)[::-1]
)
_BRACKETED = re.compile(
    rf"(?:\b{_WEEKDAY}\s*,?\s*)?\(\s*(?P<day>\d{{1,2}})\s*/\s*(?P<month>\d{{1,2}})"
    rf"(?:\s*/\s*(?P<year>\d{{4}}|\d{{2}}))?\s*\)",
    re.IGNORECASE,
)
_SLASHED = re.compile(
    rf"\b{_WEEKDAY},?\s+(?P<day>\d{{1,2}})/(?P<month>\d{{1,2}})/(?P<year>\d{{4}})\b",
    re.IGNORECASE,
)
_NAMED = re.compile(
    rf"(?:\b{_WEEKDAY},?\s+(?:tanggal\s+|tgl\.?\s+)?)?\b(?P<day>\d{{1,2}})\s+"
    rf"(?P<name>{MONTH_NAMES})\b(?:\s+(?P<year>\d{{4}}))?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DayDate:
    """A date as the text writes it."""

    line: int
    start: int  # where it starts in its line
    written: str  # "Senin (14/10/2024)"
    day: int
    month: int
    year: int | None  # None: not written
    weekday: str = ""  # as written, "" when none is

    def value(self, near: dt.date | None) -> dt.date | None:
        """The date it names: its year, else the one that puts it nearest
        `near` (None without `near`, or for a day no month has: 31/11)."""
        years = (
            [self.year]
            if self.year
            else []
            if near is None
            else [near.year + d for d in (-1, 0, 1)]
        )
        days = []
        for year in years:
            if 1 <= self.month <= 12 and 1 <= self.day <= calendar.monthrange(year, self.month)[1]:
                days.append(dt.date(year, self.month, self.day))
        if not days:
            return None
        return min(days, key=lambda day: abs((day - near).days)) if near else days[0]

    def weekday_number(self) -> int | None:
        """The written weekday as `datetime.weekday()` counts (Ahad is Minggu)."""
        if not self.weekday:
            return None
        name = matched_lower(self.weekday).replace("'", "")
        return 6 if name == "ahad" else [w.lower() for w in WEEKDAY_NAMES].index(name)


# Every date form has a digit, and a weekday's name for the weekday check: a
# line without one is passed over before the three patterns (most lines).
_DIGIT = re.compile(r"\d")
# A weekday's name with a date right after it, the only dates the weekday
# check reads ("minggu" is also a week, "jum" starts "jumlah": the word alone
# says little).
_WEEKDAY_DATE = re.compile(rf"\b{_WEEKDAY}\s*,?\s*(?:\(|\d|tanggal\b|tgl\b)", re.IGNORECASE)


_PATTERNS = (_BRACKETED, _SLASHED, _NAMED)  # the first reading of a place wins
# (a line with none of them in any case has no date of `_NAMED`)
_MONTH_NAME_LIST = tuple(MONTH_NAMES.split("|"))
# The weekdays' names as `_WEEKDAY` spells them, lower case, up to where
# they differ ("jum" for Jumat and Jum'at): where a match of `_WEEKDAY_DATE`
# may start in a text's lower case, found by `str.find` (a weekday's name is
# on one line or two of a release, and a search of every line with
# `_WEEKDAY_DATE` costs as much as the rest of the checks of the text).
_WEEKDAY_STEMS = ("senin", "selasa", "rabu", "kamis", "jum", "sabtu", "minggu", "ahad")


def _day_date(number: int, match: re.Match) -> DayDate:
    month = (
        MONTH_NUMBERS[matched_lower(match["name"])] if match.re is _NAMED else int(match["month"])
    )
    year = match["year"]
    return DayDate(
        number,
        match.start(),
        match.group().strip(),
        int(match["day"]),
        month,
        (2000 + int(year) if len(year) == 2 else int(year)) if year else None,
        match["weekday"] or "",
    )


def day_dates(number: int, text: str) -> list[DayDate]:
    """The dates of one line, in order (one per place: the longest reading)."""
    found: list[DayDate] = []
    if not _DIGIT.search(text):
        return found
    # (a pattern that cannot match is not searched: a date in brackets or
    # slashed has a slash, a named one its month's name)
    slashed = "/" in text
    wanted = (slashed, slashed, may_hold_ascii_word(text, _MONTH_NAME_LIST))
    for pattern, searched in zip(_PATTERNS, wanted, strict=True):
        if not searched:
            continue
        for match in pattern.finditer(text):
            if any(d.start <= match.start() < d.start + len(d.written) for d in found):
                continue
            found.append(_day_date(number, match))
    return sorted(found, key=lambda d: d.start)


def weekday_dates(number: int, text: str) -> Iterator[DayDate]:
    """The dates of one line written with their weekday ("Senin (14/10/2024)",
    "Senin, 14 Oktober 2024"), read where a weekday's name is followed by a
    date, not by scanning the whole line three times (`day_dates`)."""
    return _weekday_dates([(number, text)])


def _weekday_dates(lines: list[tuple[int, str]]) -> Iterator[DayDate]:
    """`weekday_dates` of each line, in order, from one search of their
    joined text: where a weekday's name starts in its lower case (every
    place, when lower case would misplace a name:
    `warta.text.lower_case_misreads`). The lines are joined with NUL, which
    no pattern's white space takes: a date is read on its weekday's line."""
    joined = "\0".join(text for _, text in lines)
    if not _DIGIT.search(joined):
        return
    lowered = joined.lower()
    weekdays = (
        _WEEKDAY_DATE.finditer(joined)
        if lower_case_misreads(joined, lowered)
        else tried_where(_WEEKDAY_DATE, _WEEKDAY_STEMS, joined, lowered)
    )
    starts = list(itertools.accumulate((len(text) + 1 for _, text in lines), initial=0))
    for weekday in weekdays:
        index = bisect.bisect_right(starts, weekday.start()) - 1
        number, text = lines[index]
        for pattern in _PATTERNS:
            match = pattern.match(text, weekday.start() - starts[index])
            if match is not None and match["weekday"]:
                yield _day_date(number, match)
                break


def text_lines(body: Iterable[tuple[int, str]]) -> list[tuple[int, str]]:
    """The body's lines that are text: not fenced code."""
    body = list(body)
    code = in_fenced_code([text for _, text in body])
    return [line for line, fenced in zip(body, code, strict=True) if not fenced]


def english_date(day: dt.date) -> str:
    """'14 October 2024', for the messages (in English)."""
    return f"{day.day} {ENGLISH_MONTHS[day.month - 1]} {day.year}"


def wrong_weekdays(
    lines: Iterable[tuple[int, str]], near: dt.date | None
) -> Iterator[tuple[DayDate, dt.date]]:
    """(the date as written, the day it names) of each date whose weekday is
    not its day's."""
    for written in _weekday_dates(list(lines)):
        named = written.weekday_number()
        value = written.value(near)
        if named is not None and value is not None and value.weekday() != named:
            yield written, value


_HEADING = re.compile(r"^\s*(?:#|!\[|<|>|\||[-*+]\s|\d+[.)]\s|baca\s+juga\b)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"“]|\s*$)")


def lead_date(body: Iterable[tuple[int, str]]) -> DayDate | None:
    """The first date of the lead's first sentence (`body`: its `text_lines`,
    no fenced code): the first paragraph that
    is prose (not a heading, a photo, a list, a quote or a BACA JUGA line; a
    line with a small letter in it; not the letterhead or an embargo notice
    the dateline's reader skips, `dateline.is_letterhead`), up to its first
    full stop."""
    paragraph: list[tuple[int, str]] = []
    for number, text in [*body, (0, "")]:
        if text.strip():
            paragraph.append((number, text))
            continue
        if (
            paragraph
            and not _HEADING.match(paragraph[0][1])
            and any(ch.islower() for _, line in paragraph for ch in line)
            and not is_letterhead(" ".join(line.strip() for _, line in paragraph))
        ):
            break
        paragraph = []
    for number, text in paragraph:
        end = _SENTENCE_END.search(text)
        # (a date begun before the sentence's end is read whole)
        read = text if end is None else text[: end.start() + 40]
        dates = [d for d in day_dates(number, read) if end is None or d.start < end.start()]
        if dates:
            return dates[0]
        if end is not None:
            return None
    return None


# How far the lead's date may be from the release's Date: before it is said:
# a report is published on the day or some days after it (a late upload, two
# weeks and more, is common: no finding), never days before the day it
# reports; a date a month or more before the Date: is a slip of the month.
LEAD_DAYS_AFTER = 3
LEAD_DAYS_BEFORE = 28
# A lead that announces what is still to come ("akan menggelar … pada Senin
# (14/10/2024)") names a later day: never said.
_FUTURE = re.compile(r"\b(?:akan|mulai|hingga|sampai|dibuka|jadwal)\b", re.IGNORECASE)


def lead_date_far(body: list[tuple[int, str]], date: dt.date) -> tuple[DayDate, dt.date] | None:
    """(the lead's date as written, the day it names) when that day is more
    than LEAD_DAYS_AFTER days after `date` (the release's Date:) or more than
    LEAD_DAYS_BEFORE days before it (`body`: the release's `text_lines`)."""
    lead = lead_date(body)
    value = lead.value(date) if lead else None
    if value is None:
        return None
    before = dict(body).get(lead.line, "")[: lead.start]
    if _FUTURE.search(before):
        return None
    days = (value - date).days
    if days > LEAD_DAYS_AFTER or -days > LEAD_DAYS_BEFORE:
        return lead, value
    return None
