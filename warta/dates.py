"""Indonesian date and time formatting through Babel.

There is no `id_ID` system locale on the build machines, so nothing here uses
`strftime` or `LOCALE`: Babel carries the CLDR data itself.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date, format_time

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


def long_date(value: dt.date) -> str:
    """'Minggu, 17 November 2024'."""
    return format_date(value, "EEEE, d MMMM y", locale=LOCALE)


def date_without_day(value: dt.date) -> str:
    """'17 November 2024'."""
    return format_date(value, "d MMMM y", locale=LOCALE)


def short_date(value: dt.date) -> str:
    """'17 Nov 2024', for dense lists."""
    return format_date(value, "d MMM y", locale=LOCALE)


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
