import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from warta import dates

WIB = ZoneInfo("Asia/Jakarta")


def test_long_date_is_indonesian_with_weekday():
    assert dates.long_date(dt.date(2024, 11, 17)) == "Minggu, 17 November 2024"
    assert dates.long_date(dt.date(2024, 11, 27)) == "Rabu, 27 November 2024"


@pytest.mark.parametrize(
    ("month", "name"), [(1, "Januari"), (2, "Februari"), (8, "Agustus"), (12, "Desember")]
)
def test_month_names(month, name):
    assert dates.month_name(month) == name


def test_clock_time_uses_a_period_and_the_zone_abbreviation():
    assert dates.clock_time(dt.datetime(2024, 11, 27, 7, 0, tzinfo=WIB)) == "07.00 WIB"
    makassar = dt.datetime(2024, 11, 27, 13, 5, tzinfo=ZoneInfo("Asia/Makassar"))
    assert dates.clock_time(makassar) == "13.05 WITA"
    jayapura = dt.datetime(2024, 11, 27, 13, 5, tzinfo=ZoneInfo("Asia/Jayapura"))
    assert dates.clock_time(jayapura) == "13.05 WIT"


def test_long_datetime():
    value = dt.datetime(2024, 11, 17, 9, 30, tzinfo=WIB)
    assert dates.long_datetime(value) == "Minggu, 17 November 2024, 09.30 WIB"


def test_iso_is_rfc3339_with_offset():
    value = dt.datetime(2024, 11, 17, 9, 30, tzinfo=WIB)
    assert dates.iso(value) == "2024-11-17T09:30:00+07:00"


def test_a_date_written_without_a_time_keeps_its_day_in_wib():
    """Midnight WITA was 23:00 WIB the day before: the hint moved the day."""
    written = dates.read_written_date("5 November 2024 WITA")
    assert (written.has_time, written.wib) == (False, dt.datetime(2024, 11, 5))
    timed = dates.read_written_date("5 November 2024 08:00 WITA")
    assert timed.wib == dt.datetime(2024, 11, 5, 7, 0)
