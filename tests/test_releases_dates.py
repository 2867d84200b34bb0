"""A release's Date: as a CMS, a phone set to English or a word processor
writes it: read (the release published on that day, in WIB) with one
suggestion of the house form at its line, in the build and `invoke check`
alike; a time that does not exist is one error naming it."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import FixtureSite, build_and_check, located_findings
from warta.dates import read_written_date, written_date
from warta.source_checks import unread_date

LEAD = "PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan tahapan pilkada."

# file → (Date: as written, the time it is read as, the house form suggested)
DATES = {
    "inggris.md": ("February 5, 2024", "2024-02-05T00:00:00+07:00", "2024-02-05"),
    "sore.md": ("Tuesday, 5 March 2024 10:00 PM", "2024-03-05T22:00:00+07:00", "2024-03-05 22:00"),
    "strip.md": (
        "Senin, 05 Februari 2024 - 14:30 WIB",
        "2024-02-05T14:30:00+07:00",
        "2024-02-05 14:30",
    ),
    "kutip.md": ("“2024-11-17 09:30”", "2024-11-17T09:30:00+07:00", "2024-11-17 09:30"),
    "tanda-hubung.md": ("5-Feb-2024", "2024-02-05T00:00:00+07:00", "2024-02-05"),
    # what a phone or Word types for a hyphen or a digit
    "pisah-en.md": ("2024\u201311\u201317", "2024-11-17T00:00:00+07:00", "2024-11-17"),
    "pisah-em.md": (
        "2024\u201411\u201417 09:30",
        "2024-11-17T09:30:00+07:00",
        "2024-11-17 09:30",
    ),
    "minus.md": ("2024\u221211\u221217", "2024-11-17T00:00:00+07:00", "2024-11-17"),
    # an hour written with an h, as French and some phones write it
    "jam-h.md": ("2024-11-17 09h30", "2024-11-17T09:30:00+07:00", "2024-11-17 09:30"),
    "lebar.md": (
        "\uff12\uff10\uff12\uff14\uff0d\uff11\uff11\uff0d\uff11\uff17 "
        "\uff10\uff19\uff1a\uff13\uff10",
        "2024-11-17T09:30:00+07:00",
        "2024-11-17 09:30",
    ),
}
# What the line says was typed instead of a hyphen or an ASCII digit.
TYPED = {
    "pisah-en.md": " (typed with en dashes '\u2013')",
    "pisah-em.md": " (typed with em dashes '\u2014')",
    "minus.md": " (typed with minus signs '\u2212')",
    "lebar.md": " (typed with full-width characters)",
}


@pytest.fixture(scope="module")
def dated(tmp_path_factory):
    site = FixtureSite(tmp_path_factory.mktemp("dated"))
    for name, (written, _, _) in DATES.items():
        slug = name.removesuffix(".md")
        site.article(
            name,
            f"Title: Bawaslu Kota Palembang Gelar Rapat Tanggal {slug.title()}\n"
            f"Date: {written}\nSlug: tanggal-{slug}\n\n{LEAD}\n",
        )
    built, checked = build_and_check(site)
    return built, located_findings(built.log), located_findings(checked.log)


@pytest.mark.parametrize("name", sorted(DATES))
def test_a_date_as_a_cms_or_an_english_phone_writes_it_is_read_with_one_suggestion(dated, name):
    """'February 5, 2024', 'Tuesday, 5 March 2024 10:00 PM', a dash before the
    time, curly quotes around the value, '5-Feb-2024', '2024–11–17' with en or
    em dashes or minus signs, full-width digits: each was "unparseable
    Date: … this release is not published" with only the generic form
    suggested, while '05 February 2024 14:30' was read. Now each is read:
    the page is out on that day and time, and the line says the house form."""
    built, from_build, from_check = dated
    written, when, house = DATES[name]
    slug = name.removesuffix(".md")
    assert built.returncode == 0, built.log
    stamp = dt.datetime.fromisoformat(when)
    page = built.html(f"berita/{stamp:%Y}/{stamp:%m}/tanggal-{slug}/")
    assert page.select_one("article time[datetime]")["datetime"] == when
    for found in (from_build, from_check):
        mine = [f[1:] for f in found if f[0].endswith(f"berita/{name}") and f[1]]
        shown = when[:16].replace("T", " ") if " " in house else house
        zone = " WIB" if " " in house else ""
        assert mine == [
            (
                2,
                "suggestion",
                f"Date '{written}' is read as {shown}{zone} (write it as {house}"
                f"{TYPED.get(name, '')}, the form the CMS and `invoke new` write)",
            )
        ], found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Feb. 5 2024 10:00", dt.datetime(2024, 2, 5, 10, 0)),
        ("Monday, February 5, 2024 12:30 AM", dt.datetime(2024, 2, 5, 0, 30)),
        ("5 Februari 2024 12:05 PM", dt.datetime(2024, 2, 5, 12, 5)),
        ('"2024-11-17 09:30"', dt.datetime(2024, 11, 17, 9, 30)),
        ("05-Feb-2024 14:30", dt.datetime(2024, 2, 5, 14, 30)),
    ],
)
def test_written_dates_in_english_order_and_with_a_meridiem(text, expected):
    assert written_date(text) == expected


def test_an_hour_past_twelve_with_pm_is_said_not_guessed():
    written = read_written_date("5 Februari 2024 13:00 PM")
    assert (written.value, written.problem_kind) == (None, "time")
    # a weekday in English that is not the date's is said as an Indonesian one is
    wrong = read_written_date("Friday, February 5, 2024")
    assert wrong.problem_kind == "weekday" and "a Senin (Monday)" in wrong.problem


@pytest.mark.parametrize(
    ("written", "time"),
    [("2024-11-17 09:30:60", "09:30:60"), ("17 November 2024 09.30:75", "09.30:75")],
)
def test_a_time_with_seconds_that_do_not_exist_is_named_with_its_seconds(written, time):
    """`Date: 2024-11-17 09:30:60` was "there is no time 09:30 (hours run
    from 00 to 23, minutes from 00 to 59)": 09:30 exists, and the line named
    no fault in it. The time is named as written, seconds with it."""
    message, hint = unread_date("Date", written)
    assert message == (
        f"impossible Date: '{written}': there is no time {time} "
        "(hours run from 00 to 23, minutes and seconds from 00 to 59)"
    )
    assert hint == "write a time from 00:00 to 23:59: YYYY-MM-DD HH:MM in WIB"


@pytest.mark.parametrize(
    ("written", "suggestion"),
    [
        (
            "5 Feb 24",
            "write the year in four digits: 2024-02-05, or with the time in WIB: 2024-02-05 HH:MM",
        ),
        (
            "05/02/24",
            "write the year in four digits: 2024-02-05, or with the time in WIB: "
            "2024-02-05 HH:MM (day first: 5 February)",
        ),
        (
            "05-02-24 14.30",
            "write the year in four digits: 2024-02-05 14:30 (day first: 5 February)",
        ),
    ],
)
def test_a_two_digit_year_is_not_guessed_but_the_date_to_write_is_said(written, suggestion):
    """`Date: 5 Feb 24` or `05/02/24` (a phone's or a spreadsheet's short
    date): not published on a guess of the century, as before, but the error
    said only "write it as YYYY-MM-DD HH:MM in WIB, e.g. 2024-11-17 09:30".
    Now it says the date the value reads as with its year in four digits."""
    from warta.source_checks import Rules, check_source, parse_source

    text = f"Title: Bawaslu Kota Palembang Gelar Rapat Tahun Pendek\nDate: {written}\n\n{LEAD}\n"
    found = [f for f in check_source(parse_source("content/berita/x.md", text), Rules())]
    assert [(f.line, f.level, f.message, f.suggestion) for f in found] == [
        (2, "error", f"unparseable Date: '{written}'", suggestion)
    ]


@pytest.mark.parametrize("written", ["2024-11-17 09:30 pagi", "2024-11-17 jam 9"])
def test_a_four_digit_year_is_never_told_to_be_written_in_four_digits(written):
    """`Date: 2024-11-17 09:30 pagi` (a word after the time): the error said
    "write the year in four digits: YYYY-MM-DD HH:MM …", the `24-11-17` inside
    2024-11-17 taken for a date with a two-digit year. It says the house form."""
    from warta.source_checks import DATE_HINT, Rules, check_source, parse_source

    text = f"Title: Bawaslu Kota Palembang Gelar Rapat Tahun Penuh\nDate: {written}\n\n{LEAD}\n"
    found = [f for f in check_source(parse_source("content/berita/x.md", text), Rules())]
    assert [(f.line, f.level, f.message, f.suggestion) for f in found] == [
        (2, "error", f"unparseable Date: '{written}'", DATE_HINT)
    ]


@pytest.mark.parametrize(
    ("written", "suggestion"),
    [
        ("2024 11 17", "write it as 2024-11-17, or with the time in WIB: 2024-11-17 HH:MM"),
        ("2024 11 17 09:30", "write it as 2024-11-17 09:30"),
        ("2024 11 17 09h30", "write it as 2024-11-17 09:30"),
    ],
)
def test_a_year_first_date_with_spaces_is_said_with_the_date_to_write(
    tmp_path, written, suggestion
):
    """`Date: 2024 11 17` got only "write it as YYYY-MM-DD HH:MM in WIB, e.g.
    2024-11-17 09:30"; like `2024/11/17` it is not read (the house form has
    hyphens), but the line says the date to write, in the build and `invoke
    check` alike."""
    site = FixtureSite(tmp_path)
    site.article(
        "spasi.md",
        f"Title: Bawaslu Kota Palembang Gelar Rapat Tanggal Berspasi\nDate: {written}\n"
        f"Slug: tanggal-berspasi\n\n{LEAD}\n",
    )
    built, checked = build_and_check(site)
    assert built.returncode == 1, built.log
    line = (
        2,
        "error",
        f"unparseable Date: '{written}': this release is not published ({suggestion})",
    )
    for found in (located_findings(built.log), located_findings(checked.log)):
        assert [f[1:] for f in found if f[0].endswith("berita/spasi.md")] == [line], found


# file → (Date: as written, the message after "Date: '<value>'", the suggestion)
BEYOND_THE_CALENDAR = {
    "tahun-nol.md": (
        "0000-01-01",
        "impossible",
        ": there is no year 0000",
        "write the year the release went out: YYYY-MM-DD HH:MM in WIB",
    ),
    "tahun-nol-kata.md": (
        "Senin, 1 Januari 0000 pukul 09.00",
        "impossible",
        ": there is no year 0000",
        "write the year the release went out: YYYY-MM-DD HH:MM in WIB",
    ),
    "hari-pertama-wita.md": (
        "0001-01-01 00:00 WITA",
        "unparseable",
        "",
        "write it as YYYY-MM-DD HH:MM in WIB, e.g. 2024-11-17 09:30",
    ),
    "hari-terakhir-zona.md": (
        "9999-12-31T23:59:00-05:00",
        "unparseable",
        "",
        "write it as YYYY-MM-DD HH:MM in WIB, e.g. 2024-11-17 09:30",
    ),
}


def test_a_date_beyond_the_calendar_is_one_error_not_a_stopped_build(tmp_path):
    """`Date: 0000-01-01` (a template's zero date) stopped the build with
    'build stopped: ValueError: year 0 is out of range (in plugin
    'content_lint')', every other release unchecked; a zone moving the first
    or last day of the calendar out of it (`0001-01-01 00:00 WITA`,
    `9999-12-31T23:59:00-05:00`) stopped it with OverflowError. Each is one
    error at its line, in the build and `invoke check` alike, and the other
    release is published."""
    site = FixtureSite(tmp_path)
    site.article(
        "biasa.md",
        f"Title: Bawaslu Kota Palembang Gelar Rapat Biasa\nDate: 2024-11-17 09:30\n"
        f"Slug: rapat-biasa\n\n{LEAD}\n",
    )
    for name, (written, _, _, _) in BEYOND_THE_CALENDAR.items():
        slug = name.removesuffix(".md")
        site.article(
            name,
            f"Title: Bawaslu Kota Palembang Gelar Rapat {slug.title()}\nDate: {written}\n"
            f"Slug: {slug}\n\n{LEAD}\n",
        )
    built, checked = build_and_check(site)
    assert built.returncode == 1, built.log
    assert "Traceback" not in built.log + checked.log
    assert built.html("berita/2024/11/rapat-biasa/").select_one("h1")
    for found in (located_findings(built.log), located_findings(checked.log)):
        errors = [f for f in found if f[2] == "error"]
        assert sorted(errors) == sorted(
            (
                f"content/berita/{name}",
                2,
                "error",
                f"{kind} Date: '{written}'{problem}: this release is not published ({hint})",
            )
            for name, (written, kind, problem, hint) in BEYOND_THE_CALENDAR.items()
        ), found


@pytest.mark.parametrize(
    ("written", "character"),
    [("\u200b2024-11-17 09:30", "U+200B"), ("2024-11-17\x0b09:30", "U+000B")],
)
def test_a_control_character_in_a_date_is_one_warning_and_the_release_is_out(
    tmp_path, written, character
):
    """A zero-width space pasted before the Date: (a chat, a web page) was
    'error: unparseable Date: '\\u200b2024-11-17 09:30'' and a second line for
    the character, while the reader, which takes control characters out,
    published the release on that day: the build failed over a release that
    was out. The date is checked as the reader reads it: one warning at its
    line, for the character, the release published, the build and `invoke
    check` alike."""
    site = FixtureSite(tmp_path)
    site.article(
        "lebar-nol.md",
        f"Title: Bawaslu Kota Palembang Gelar Rapat Tanggal Tersembunyi\nDate: {written}\n"
        f"Slug: tanggal-tersembunyi\n\n{LEAD}\n",
    )
    built, checked = build_and_check(site)
    assert built.returncode == 0, built.log
    page = built.html("berita/2024/11/tanggal-tersembunyi/")
    assert page.select_one("article time[datetime]")["datetime"] == "2024-11-17T09:30:00+07:00"
    for found in (located_findings(built.log), located_findings(checked.log)):
        mine = [(*f[1:3], f[3].split(" (")[0]) for f in found if f[2] != "suggestion"]
        assert mine == [
            (2, "warning", f"control character {character} left out of the published text")
        ], found


@pytest.mark.parametrize("written", ["11/17/2024", "11/17/2024 09:30", "11-17-2024"])
def test_a_date_written_month_first_is_said_with_the_day_it_would_be(written):
    """`Date: 11/17/2024` (a spreadsheet or a laptop set to English) was
    "there is no month 17 (write a month from 01 to 12)": true, and no help
    to a writer who typed the month first. The line says it is month first
    and the day it would be, never reading it as that day."""
    message, hint = unread_date("Date", written)
    assert message == (
        f"impossible Date: '{written}': there is no month 17: written month first, as a "
        "computer set to English writes it (17 November 2024?)"
    )
    assert hint == "write it year, month, day: YYYY-MM-DD HH:MM in WIB"
    assert unread_date("Date", "13/13/2024")[0].endswith("there is no month 13")
