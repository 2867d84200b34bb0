"""The CMS's date field shows the time the build reads from a release's Date:.

A release whose Date: was typed by hand in a form the build reads
(`2024-11-17`, `17 November 2024 09.30`, `Minggu, 17 November 2024 pukul
09.30 WIB`, `2024-11-17T02:30:00Z`) or one it refuses with the time to write
(`17/11/2024 09.30`: day first) opened in /admin/ with an EMPTY date field
(the datetime input takes only "YYYY-MM-DD HH:MM"), or, for a time with its
zone, the time in that zone: staff saw no date, or a wrong one, and typed
another. Now the field shows the time `warta.dates` reads (or suggests), and
a save writes it in the form the CMS and `invoke new` write. The reader in
warta-cms.js is compared value by value with the build's own.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from test_cms_browser import commit_release, committed, newsroom, page, save
from test_cms_yaml import admin, open_and_save

from warta.dates import house_date, parse_date, read_written_date, when_written
from warta.frontmatter import parse

pytestmark = pytest.mark.browser
__all__ = ["admin", "newsroom", "page"]  # the fixtures

VALUES = [
    "2024-11-17",
    "2024-11-17 09:30",
    "2024-11-17 09:30:15",
    "2024-11-17 9:30",
    "2024-11-17T09:30",
    "2024-11-17 09.30",
    "2024-11-17T09:30:00+07:00",
    "2024-11-17T02:30:00Z",
    "2024-11-17 10:30 +08:00",
    "17 November 2024",
    "17 November 2024 09.30",
    "17 Nopember 2024 pukul 09.30 WIB",
    "Minggu, 17 November 2024 pukul 09.30 WIB",
    "Minggu (17/11/2024)",
    "November 17, 2024 9:30 AM",
    "17/11/2024 09.30",
    "17-11-2024",
    "2024/11/17 09:30",
    "17 November 2024 10.30 WITA",
    "“2024-11-17 09:30”",
    # No time the build reads or suggests: left as written.
    "Senin, 17 November 2024",
    "2024-11-31",
    "17 November 2024 25.00",
    "17 November 2024 09.3",
    "besok pagi",
    "2024-W46-7",
]


def expected(value: str) -> dict | None:
    """What the build reads (`read`) or suggests (not `read`) in the house form."""
    read = house_date(value.strip()) or parse_date(value)
    written = read_written_date(value)
    when = read
    if when is None and written is not None and written.value is not None:
        when = written.wib  # the time `source_checks.unread_date` says to write
    if when is None:
        return None
    text = f"{when:%Y-%m-%d %H:%M}" + (f":{when:%S}" if when.second else "")
    return {"value": text, "read": read is not None}


@pytest.mark.parametrize("value", VALUES)
def test_the_cms_reads_a_date_as_the_build_does(admin, value):
    page, warta = admin
    read = page.evaluate(
        "([value, forms]) => window.WARTA_CMS.dateAsBuilt(value, forms)",
        [value, warta["date_forms"]],
    )
    assert read == expected(value)


@pytest.mark.parametrize(
    "value, shown",
    [
        ("2024-11-17", "2024-11-17 00:00"),
        ("17/11/2024 09.30", "2024-11-17 09:30"),
        ("Minggu, 17 November 2024 pukul 09.30 WIB", "2024-11-17 09:30"),
        ("2024-11-17T02:30:00Z", "2024-11-17 09:30"),
    ],
)
def test_a_hand_written_date_opens_as_read_and_is_saved_in_the_house_form(admin, value, shown):
    text = (
        f"Title: Rapat Pleno Terbuka Rekapitulasi Suara\nDate: {value}\nSlug: rapat\n"
        "Tags: Rapat Pleno\n\nLAHAT – Bawaslu Kabupaten Lahat menggelar rapat.\n"
    )
    result = open_and_save(admin, text, {"summary": "Ringkasan baru rapat koordinasi."})
    assert result["entry"]["date"] == shown
    edited = parse(result["edited"]).front_matter
    assert edited.first("date").value == shown
    # The build reads the saved value as the time it read (or suggested) before.
    assert f"{parse_date(shown):%Y-%m-%d %H:%M}" == shown == expected(value)["value"]
    assert edited.first("slug").value == "rapat"
    assert edited.first("summary").value == "Ringkasan baru rapat koordinasi."


@pytest.mark.parametrize(
    "value, shown",
    [
        ("20 November 2026 pukul 10.00 WIB", "2026-11-20 10:00"),
        ("20/11/2026 10.00", "2026-11-20 10:00"),
        ("2026-11-20T03:00:00Z", "2026-11-20 10:00"),
        ("2026-11-20 10:00", "2026-11-20 10:00"),
        ("2026-11-20", "2026-11-20 00:00"),  # a day alone opened the field empty too
        # A fraction of a second the field's form would drop: kept as written.
        ("2026-11-20T10:00:00.5", "2026-11-20T10:00:00.5"),
        ("besok pagi", "besok pagi"),  # no time: it holds the release back, kept
    ],
)
def test_a_hand_written_take_down_time_opens_as_the_build_reads_it(admin, value, shown):
    """`Kedaluwarsa: 20 November 2026 pukul 10.00 WIB` opened the field
    "Diturunkan pada" empty, though the build takes the release down then."""
    text = (
        "Title: Rapat Pleno Terbuka Rekapitulasi Suara\nDate: 2026-11-17 09:30\nSlug: rapat\n"
        f"Kedaluwarsa: {value}\n\nLAHAT – Bawaslu Kabupaten Lahat menggelar rapat.\n"
    )
    result = open_and_save(admin, text, {"summary": "Ringkasan baru rapat koordinasi."})
    assert result["entry"]["kedaluwarsa"] == shown
    edited = parse(result["edited"]).front_matter
    assert edited.first("kedaluwarsa").value == shown
    # The build reads the saved value as the time it read before.
    assert when_written(shown) == when_written(value)


PASTED = "content/berita/2024/2024-11-17-rapat-pleno-tanggal-tulisan-tangan.md"


@pytest.mark.parametrize(
    "value, shown, note",
    [
        ("2024-11-17", "2024-11-17T00:00", None),
        ("17/11/2024 09.30", "2024-11-17T09:30", "peringatan"),
    ],
    ids=["day-only", "day-first"],
)
def test_the_date_field_shows_the_date_of_a_hand_written_release(
    page, newsroom, value, shown, note
):
    text = (
        "Title: Bawaslu Kabupaten Lahat Awasi Rapat Pleno Rekapitulasi Suara\n"
        f"Date: {value}\nSlug: rapat-pleno-tanggal-tulisan-tangan\nCategory: Berita\n"
        "Summary: Bawaslu Kabupaten Lahat mengawasi rapat pleno rekapitulasi suara di Lahat.\n\n"
        "LAHAT – Bawaslu Kabupaten Lahat mengawasi rapat pleno rekapitulasi suara.\n"
    )
    entry = commit_release(newsroom, PASTED, text)
    page.goto(f"{newsroom.base}/admin/#/collections/berita/entries/{entry}")
    date = page.get_by_label("Tanggal dan jam terbit (WIB)")
    expect(date).to_have_value(shown)
    preview = page.frame_locator("iframe").first
    levels = preview.locator(".warta-cms-checks li")
    expect(levels.first).to_be_visible()
    said = [
        item.get_attribute("data-level")
        for item in levels.all()
        if "Tanggal" in (item.text_content() or "")
    ]
    assert said == ([note] if note else [])
    page.get_by_label("Ringkasan", exact=True).fill(
        "Bawaslu Kabupaten Lahat mengawasi rapat pleno rekapitulasi suara Pilkada di Lahat."
    )
    save(page)
    saved = parse(committed(newsroom, "content/berita/")).front_matter
    assert saved.first("date").value == shown.replace("T", " ")
