"""Indonesian date and time formatting through Babel.

There is no `id_ID` system locale on the build machines, so nothing here uses
`strftime` or `LOCALE`: Babel carries the CLDR data itself.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass

from babel.dates import format_date, format_time

from warta.text import matched_lower

LOCALE = "id"

# Indonesia's three time zones and the abbreviations readers know them by.
ZONE_ABBREVIATIONS = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}
_UTC_OFFSET_ABBREVIATIONS = {7: "WIB", 8: "WITA", 9: "WIT"}


def zone_abbreviation(value: dt.datetime) -> str:
    """Return WIB/WITA/WIT for an aware datetime, or "UTC±H" for other zones."""
    if value.tzinfo is None:
        return "WIB"
    key = getattr(value.tzinfo, "key", None)
    if key in ZONE_ABBREVIATIONS:
        return ZONE_ABBREVIATIONS[key]
    offset = value.utcoffset() or dt.timedelta()
    hours = offset.total_seconds() / 3600
    if hours in _UTC_OFFSET_ABBREVIATIONS:
        return _UTC_OFFSET_ABBREVIATIONS[int(hours)]
    return f"UTC{hours:+g}"


@functools.lru_cache(maxsize=4096)
def _formatted_day(day: dt.date, pattern: str) -> str:
    # A site's releases share their days, and Babel's formatting of a pattern
    # costs more than the rest of a card's text or a list's line: once a day.
    return format_date(day, pattern, locale=LOCALE)


def _day(value: dt.date) -> dt.date:
    """The calendar day of a date or a time (in the time's own zone)."""
    return value.date() if isinstance(value, dt.datetime) else value


def long_date(value: dt.date) -> str:
    """'Minggu, 17 November 2024'."""
    return _formatted_day(_day(value), "EEEE, d MMMM y")


def date_without_day(value: dt.date) -> str:
    """'17 November 2024'."""
    return _formatted_day(_day(value), "d MMMM y")


def short_date(value: dt.date) -> str:
    """'17 Nov 2024', for dense lists."""
    return _formatted_day(_day(value), "d MMM y")


def month_year(value: dt.date) -> str:
    """'November 2024'."""
    return format_date(value, "MMMM y", locale=LOCALE)


def month_name(month: int) -> str:
    """'November' for 11."""
    return format_date(dt.date(2000, month, 1), "MMMM", locale=LOCALE)


def clock_time(value: dt.datetime) -> str:
    """'09.30 WIB': Indonesian style uses a period between hours and minutes."""
    return f"{format_time(value, 'HH.mm', locale=LOCALE)} {zone_abbreviation(value)}"


def long_datetime(value: dt.datetime) -> str:
    """'Minggu, 17 November 2024, 09.30 WIB'."""
    return f"{long_date(value)}, {clock_time(value)}"


def iso(value: dt.date) -> str:
    """RFC 3339 / ISO 8601 for `datetime` attributes, feeds and JSON-LD."""
    return value.isoformat()


# ---- dates as staff write them -------------------------------------------------------

# Month names and their abbreviations, the old spellings (Pebruari, Nopember)
# included; the English names Pelican's dateutil reads are the same words or
# their abbreviations.
_MONTHS = {
    1: ("januari", "jan", "january"),
    2: ("februari", "pebruari", "feb", "peb", "february"),
    3: ("maret", "mar", "march"),
    4: ("april", "apr"),
    5: ("mei", "may"),
    6: ("juni", "jun", "june"),
    7: ("juli", "jul", "july"),
    8: ("agustus", "agu", "agt", "ags", "aug", "august"),
    9: ("september", "sep", "sept"),
    10: ("oktober", "okt", "oct", "october"),
    11: ("november", "nopember", "nov", "nop"),
    12: ("desember", "des", "dec", "december"),
}
MONTH_NUMBERS = {name: number for number, names in _MONTHS.items() for name in names}
_WEEKDAYS = r"senin|selasa|rabu|kamis|jum'?at|jumat|sabtu|minggu|ahad"
# English weekdays, as a CMS or a phone set to English writes a date
# ("Tuesday, February 5, 2024"), and their numbers (Monday first).
_ENGLISH_WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_ENGLISH_WEEKDAY_NUMBERS = {
    name: number for number, name in enumerate(_ENGLISH_WEEKDAYS.split("|"))
}
# Indonesia's zones as written after a time, and their offsets from UTC.
ZONE_HOURS = {"wib": 7, "wita": 8, "wit": 9}
_ZONE = re.compile(r"[\s,]*\(?\b(?P<zone>wib|wita|wit)\)?\.?$", re.I)
_WEEKDAY = re.compile(rf"^(?P<weekday>{_WEEKDAYS}|{_ENGLISH_WEEKDAYS})\b[\s,]*", re.I)
# Quotes around the whole value: YAML's, or a word processor's curly ones
# (`Date: “2024-11-17 09:30”`).
_QUOTES = {'"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019", "\u201e": "\u201d"}
# A dash between the date and its time, as a CMS writes it ("Senin, 5
# Februari 2024 - 14:30 WIB").
_TIME_DASH = re.compile(r"\s+[-\u2013\u2014]\s+(?=\d{1,2}[:.]\d)")
# English's a.m. and p.m. after a time ("10:00 AM").
_MERIDIEM = re.compile(r"\s*\b(?P<half>[ap])\.?\s?m\.?$", re.I)
# The weekday names by `datetime.weekday()` (Monday first), as written and in
# English for the messages.
WEEKDAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
ENGLISH_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# A date in brackets after its weekday, as a dateline writes it: "Kamis (7/11/2024)".
_BRACKETED = re.compile(r"^\((?P<date>[^()]*)\)")
_CLOCK_WORD = re.compile(r"[\s,]+(?:pukul|pkl\.?|jam)(?=\s)", re.I)
# (An hour and its minutes with a colon, a dot or, as French and some phones
# write them, an h: "09h30".)
_TIME = r"(?P<hour>\d{1,2})(?P<colon>[:.hH])(?P<minute>\d{1,2})(?::(?P<second>\d{1,2}))?"
# Year first: with hyphens (ISO 8601) or, as some write it, slashes, dots or
# spaces ("2024/11/04", "2024 11 04"), which no one reads day before month.
_NUMERIC = re.compile(
    rf"^(?P<year>\d{{4}})(?P<sep>[-/. ])(?P<month>\d{{1,2}})(?P=sep)(?P<day>\d{{1,2}})"
    rf"(?:[T\s]+{_TIME})?$"
)
_NAMED = re.compile(
    rf"^(?P<day>\d{{1,2}})(?:\s+|-)(?P<name>[^\W\d_]+)\.?(?:\s+|-)(?P<year>\d{{4}})"
    rf"(?:,?\s+{_TIME})?$"
)
# The month's name first, as English writes it: "February 5, 2024", "Feb. 5 2024".
_NAMED_FIRST = re.compile(
    rf"^(?P<name>[^\W\d_]+)\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})(?:,?\s+{_TIME})?$"
)
_SLASHED = re.compile(
    rf"^(?P<day>\d{{1,2}})(?P<sep>[/.-])(?P<month>\d{{1,2}})(?P=sep)(?P<year>\d{{4}})(?:,?\s+{_TIME})?$"
)


# What a phone, Word or a spreadsheet types for a hyphen between a date's
# numbers ("2024–11–17"), named for the message that says which was typed.
_TYPED_DASHES = {
    "\u2010": "Unicode hyphens '\u2010'",
    "\u2011": "non-breaking hyphens '\u2011'",
    "\u2012": "figure dashes '\u2012'",
    "\u2013": "en dashes '\u2013'",
    "\u2014": "em dashes '\u2014'",
    "\u2015": "horizontal bars '\u2015'",
    "\u2212": "minus signs '\u2212'",
    "\ufe58": "small em dashes '\ufe58'",
    "\ufe63": "small hyphens '\ufe63'",
}
_TYPED_DASH_RE = re.compile(rf"(?<=\w)[{''.join(_TYPED_DASHES)}](?=\w)")
# Digits, colons, slashes and dots in a full-width form (an Asian keyboard or
# a phone's: "２０２４-１１-１７ ０９：３０") and the other digits `\d` reads.
_TYPED_WIDE_RE = re.compile(r"[\uff01-\uff5e]")


def typed_as_hyphens(text: str) -> tuple[str, str]:
    """`text` with the dashes between its numbers as hyphens and its
    full-width characters as ASCII ("2024–11–17" → "2024-11-17"), and what
    was typed instead, for a message ("en dashes '–'", "full-width
    characters"); ("text", "") when nothing was."""
    typed = [_TYPED_DASHES[m.group()] for m in _TYPED_DASH_RE.finditer(text)]
    plain = _TYPED_DASH_RE.sub("-", text)
    if _TYPED_WIDE_RE.search(plain):
        typed.append("full-width characters")
        plain = _TYPED_WIDE_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), plain)
        plain = _TYPED_DASH_RE.sub("-", plain)
    if any(not ch.isascii() for ch in plain if ch.isdigit()):
        typed.append("digits of another script")
        plain = "".join(
            str(unicodedata.digit(ch)) if ch.isdigit() and not ch.isascii() else ch for ch in plain
        )
    return plain, " and ".join(dict.fromkeys(typed))


# For the messages, which are in English.
ENGLISH_MONTHS = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)


@dataclass(frozen=True)
class WrittenDate:
    """A date as staff wrote it, read the Indonesian way (`read_written_date`)."""

    # The time in the zone written (naive), None when it names no real time.
    value: dt.datetime | None = None
    has_time: bool = False
    zone: str = "WIB"  # as written, upper case; WIB when none is written
    # Why it names no real day or time ("there is no 31 November 2024"), and
    # what is wrong in a word: "month" ("month-first": '11/17/2024'), "day",
    # "weekday", "minutes", "time" or "year".
    problem: str = ""
    problem_kind: str = ""
    # "numeric" (2024-11-04), "named" (4 November 2024), "slashed" (04/11/2024,
    # 04-11-2024: day first, which Pelican's dateutil reads month first) or
    # "year-slashed" (2024/11/04, 2024.11.04, 2024 11 04: year first, not ISO 8601).
    form: str = "numeric"
    # What was typed for a hyphen or a digit ("en dashes '–'"), "" for none
    # (`typed_as_hyphens`): the value to write is the same with ASCII ones.
    typed: str = ""

    @property
    def wib(self) -> dt.datetime | None:
        """The time in WIB; a date written without a time is that day, in
        any zone (midnight WITA is not the day before in WIB)."""
        if self.value is None or not self.has_time:
            return self.value
        try:
            return self.value - dt.timedelta(hours=ZONE_HOURS[self.zone.lower()] - 7)
        except OverflowError:  # '0001-01-01 00:00 WITA': before the calendar's first day
            return None


def read_written_date(text: str) -> WrittenDate | None:
    """A date as staff type it, read as an Indonesian reader reads it:
    `2024-11-04 09:30 WIB`, `17 September 2025 10:00 WIB`, `Selasa, 5 November
    2024`, `Kamis (7/11/2024)`, `12 Nopember 2024`, `3 Desember 2026 pukul
    10.00`, `05/11/2024` (day first), `2024/11/04` (year first); a time with a
    colon or a dot, a zone WIB, WITA or WIT in any case. None when the text is
    no date in such a form; a `WrittenDate` with a `problem` when it is one but
    names no real day or time (`2024-11-31`, `12.75`, a minute of one digit,
    which could be 05 or 50), or a weekday that is not the date's (which of
    the two was meant is not known)."""
    rest, typed = typed_as_hyphens(" ".join(text.split()))
    if len(rest) > 2 and rest[-1] == _QUOTES.get(rest[0]):
        rest = rest[1:-1].strip()
    zone = _ZONE.search(rest)
    if zone:
        rest = rest[: zone.start()]
    meridiem = _MERIDIEM.search(rest)
    if meridiem:
        rest = rest[: meridiem.start()]
    rest = _TIME_DASH.sub(" ", rest)
    weekday = _WEEKDAY.match(rest)
    rest = _WEEKDAY.sub("", rest)
    if weekday:
        rest = _BRACKETED.sub(r"\g<date>", rest)
    rest = _CLOCK_WORD.sub(" ", rest).strip(" ,")
    zone_name = zone["zone"].upper() if zone else "WIB"
    match = _NUMERIC.match(rest)
    form = "numeric" if not match or match["sep"] == "-" else "year-slashed"
    if not match:
        match, form = _SLASHED.match(rest), "slashed"
    named = (_NAMED.match(rest) or _NAMED_FIRST.match(rest)) if not match else None
    if named:
        form = "named"
        month = MONTH_NUMBERS.get(matched_lower(named["name"]))
        if month is None:
            return None
        match, month_number = named, month
    elif match:
        month_number = int(match["month"])
    else:
        return None
    found = {"zone": zone_name, "form": form, "has_time": bool(match["hour"]), "typed": typed}
    year, day = int(match["year"]), int(match["day"])
    if year < dt.MINYEAR:  # '0000-01-01' (four digits: never above MAXYEAR)
        return WrittenDate(problem=f"there is no year {year:04d}", problem_kind="year", **found)
    if not 1 <= month_number <= 12:
        # '11/17/2024': month first, as a computer set to English writes it.
        # Said with the day it would be; never read as that day.
        if (
            form == "slashed"
            and 1 <= day <= 12
            and month_number <= calendar.monthrange(max(year, 1), day)[1]
        ):
            return WrittenDate(
                problem=f"there is no month {month_number}: written month first, as a "
                "computer set to English writes it "
                f"({month_number} {ENGLISH_MONTHS[day - 1]} {year:04d}?)",
                problem_kind="month-first",
                **found,
            )
        return WrittenDate(
            problem=f"there is no month {month_number}", problem_kind="month", **found
        )
    last = calendar.monthrange(year, month_number)[1]
    if not 1 <= day <= last:
        month = ENGLISH_MONTHS[month_number - 1]
        return WrittenDate(
            problem=f"there is no {day} {month} {year} ({month} {year} has {last} days)",
            problem_kind="day",
            **found,
        )
    if weekday:
        named_day = matched_lower(weekday["weekday"]).replace("'", "")
        number = dt.date(year, month_number, day).weekday()
        english = _ENGLISH_WEEKDAY_NUMBERS.get(named_day)
        if english is not None:
            named_day = WEEKDAY_NAMES[english].lower()
        if named_day not in (WEEKDAY_NAMES[number].lower(), "ahad" if number == 6 else ""):
            month = ENGLISH_MONTHS[month_number - 1]
            return WrittenDate(
                problem=f"{weekday['weekday']} is not the day of the week of {day} {month} "
                f"{year}, a {WEEKDAY_NAMES[number]} ({ENGLISH_WEEKDAYS[number]})",
                problem_kind="weekday",
                **found,
            )
    hour = minute = second = 0
    if meridiem and not match["hour"]:
        return None  # "5 Februari 2024 am": no time to read it of
    if match["hour"]:
        clock = f"{match['hour']}{match['colon']}{match['minute']}"
        if match["second"]:  # '09:30:60': the time named is not 09:30
            clock += f":{match['second']}"
        hour, minute = int(match["hour"]), int(match["minute"])
        second = int(match["second"] or 0)
        if meridiem:
            clock += f" {meridiem['half'].upper()}M"
            if not 1 <= hour <= 12:
                return WrittenDate(
                    problem=f"there is no time {clock} (hours before AM or PM run from 1 to 12)",
                    problem_kind="time",
                    **found,
                )
            hour = hour % 12 + (12 if meridiem["half"].lower() == "p" else 0)
        if len(match["minute"]) == 1:
            return WrittenDate(
                problem=f"the minutes of {clock} are one digit",
                problem_kind="minutes",
                **found,
            )
        if hour > 23 or minute > 59 or second > 59:
            return WrittenDate(
                problem=f"there is no time {clock} "
                f"(hours run from 00 to 23, minutes{' and seconds' if match['second'] else ''} "
                "from 00 to 59)",
                problem_kind="time",
                **found,
            )
    return WrittenDate(dt.datetime(year, month_number, day, hour, minute, second), **found)


# -- Date: and Modified: as the site reads them ------------------------------

DATE_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d")
# A time written with a dot after the hour ("2024-11-30 08.15", as Indonesian
# writes a time): Python's fromisoformat reads it as 08:00:00.15, Pelican
# refuses it; every other form fromisoformat reads, Pelican reads too.
DOTTED_TIME_RE = re.compile(r"(?P<day>\d{4}-\d{2}-\d{2})[T ](?P<hour>\d{1,2})\.(?P<minute>\d{1,2})")
# A calendar date leads every house form. fromisoformat also reads ISO week
# and ordinal dates ("2026-W50-1", "2026-340"), which Pelican's dateutil does
# not: read here, they were handed to Pelican, which refused the release while
# the checks said when it would appear.
CALENDAR_DATE_RE = re.compile(r"\d{4}(?:-\d{2}-\d{2}|\d{4})(?!\d)")

WIB = dt.timezone(dt.timedelta(hours=7))


def when_written(value: str) -> dt.datetime | None:
    """The naive WIB time `value` names, in a house form (`parse_date`) or as
    staff type a date (`read_written_date`: `5 Desember 2099 pukul 10.00
    WITA`); None when it names none. How an embargo, a publication key's
    date and a flag's date below the front matter are read."""
    text = value.strip()
    if not text:
        return None
    # (`parse_date` would read a typed form once, and it would be read again
    # for the forms it leaves: WITA, slashes)
    typed = None if (house := house_date(text)) else read_written_date(text)
    return house or (typed.wib if typed is not None else None)


def parse_date(value: str) -> dt.datetime | None:
    """The date as a naive WIB time: the house forms (DATE_FORMATS), or an ISO
    8601 time with its zone (`2024-11-17T09:30:00+07:00`, a CMS's `…Z`), which
    Pelican reads too, moved to WIB; or a form staff type in WIB
    (`2024-11-04 09:30 WIB`, `12 Oktober 2024 09.30 WIB`, `Senin, 25 November
    2024 pukul 10.00`: `written_date`)."""
    text = value.strip()
    if not text:  # no Modified: (asked of every release)
        return None
    return house_date(text) or written_date(text)


def date_for_pelican(value: str) -> str | None:
    """The Date:/Modified: value to hand Pelican's reader: None when the site
    does not read it (`parse_date`); a form staff type (`written_date`) in the
    house form, which Pelican reads to the same time (its dateutil reads no
    Indonesian month, and reads a dotted time or a zone's name otherwise)."""
    text = value.strip()
    if house_date(text) is not None:
        return value
    written = written_date(text)
    return None if written is None else f"{written:%Y-%m-%d %H:%M:%S}"


# The ISO forms every reader takes the same way (Pelican's dateutil, Python's
# fromisoformat): no zone, a two-digit hour.
PLAIN_ISO_RE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)?")


def plain_iso_datetime(text: str) -> dt.datetime | None:
    """The naive time of "2024-11-17", "2024-11-17 09:30" or "…T09:30:15",
    the value dateutil reads from it, at a fiftieth of its cost (1 µs, not
    53); None for any other form (the caller asks dateutil)."""
    text = text.strip()
    if not PLAIN_ISO_RE.fullmatch(text):
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:  # "2024-02-30": dateutil's own message says so
        return None


def house_date(text: str) -> dt.datetime | None:
    """A date in a house form (DATE_FORMATS, ISO 8601 with its zone) as a
    naive WIB time; None for any other form."""
    try:
        # The house forms are ISO 8601 too: one C call reads almost every Date:
        # (strptime, tried in turn, costs ten times more per value).
        if DOTTED_TIME_RE.search(text) or not CALENDAR_DATE_RE.match(text):
            raise ValueError(text)
        # "2024-11-30 08:15 +07:00": fromisoformat wants the zone joined on.
        parsed = dt.datetime.fromisoformat(re.sub(r"\s+(?=[+-]\d{2}(?::?\d{2})?$)", "", text))
    except ValueError:
        for fmt in DATE_FORMATS:  # "2024-11-17 9:30": an hour of one digit
            try:
                return dt.datetime.strptime(text, fmt)
            except ValueError:
                continue
        return None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        return parsed.replace(tzinfo=None)
    try:
        return parsed.astimezone(WIB).replace(tzinfo=None)
    except OverflowError:  # '9999-12-31T23:59:00-05:00': past the calendar's last day in WIB
        return None


def written_date(text: str) -> dt.datetime | None:
    """A date as staff type it (`warta.dates.read_written_date`) in WIB, as
    the site reads it: `2024-11-04 09:30 WIB`, `17 September 2025 10:00 WIB`,
    `12 Oktober 2024 09.30 WIB`, `25 Nopember 2024`, `Senin, 25 November 2024
    pukul 10.00`, `2024-11-23 08.00`. Pelican is handed it in the house form
    (`date_for_pelican`), so every reader of the build reads the same time.
    Not a day first with slashes (`05/11/2024`, which another program reads
    as 11 May), nor a year first with slashes (`2024/11/04`), nor a time in
    another zone (the site's times are WIB), nor a weekday that is not the
    date's: the value to write is said instead (`source_checks.unread_date`)."""
    written = read_written_date(text)
    if written is None or written.value is None:
        return None
    if written.zone != "WIB" or written.form in ("slashed", "year-slashed"):
        return None
    return written.value


def build_now(settings) -> dt.datetime:
    """The build's time, with its zone: CONTENT_LINT_NOW (an ISO time tests
    pin; one without a zone is in TIMEZONE), else the clock. What the
    embargo's findings and a take-down date are measured against."""
    from zoneinfo import ZoneInfo

    value = settings.get("CONTENT_LINT_NOW")
    now = dt.datetime.fromisoformat(value) if value else dt.datetime.now(dt.UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=ZoneInfo(settings.get("TIMEZONE") or "Asia/Jakarta"))
    return now


def wib_now(settings) -> dt.datetime:
    """`build_now` as a naive WIB time, as `when_written` reads a date."""
    return build_now(settings).astimezone(WIB).replace(tzinfo=None)
