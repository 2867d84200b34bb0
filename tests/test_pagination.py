"""Pagination bars: first, last and two either side of the current page."""

from __future__ import annotations

import pytest

from conftest import FixtureSite
from warta.jinja_filters import page_numbers


@pytest.mark.parametrize(
    ("current", "last", "expected"),
    [
        (1, 1, [1]),
        (1, 5, [1, 2, 3, 4, 5]),
        (1, 12, [1, 2, 3, None, 12]),
        (6, 12, [1, None, 4, 5, 6, 7, 8, None, 12]),
        (4, 12, [1, 2, 3, 4, 5, 6, None, 12]),  # a one-page gap shows the page
        (12, 12, [1, None, 10, 11, 12]),
        (417, 833, [1, None, 415, 416, 417, 418, 419, None, 833]),
    ],
)
def test_page_numbers(current, last, expected):
    assert page_numbers(current, last) == expected


def test_a_long_listing_links_a_window_of_pages(site: FixtureSite):
    for day in range(1, 13):
        site.article(
            f"rilis-{day:02d}.md",
            title=f"Bawaslu Kota Palembang Awasi Tahapan Pilkada Hari Ke-{day}",
            date=f"2024-11-{day:02d} 09:00",
            slug=f"rilis-{day:02d}",
        )
    built = site.build(DEFAULT_PAGINATION=1, SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    bar = built.html("halaman/6/").select_one("nav.pagination")
    items = [li.get_text(" ", strip=True) for li in bar.select("li")]
    assert items == ["‹ Sebelumnya", "1", "…", "4", "5", "6", "7", "8", "…", "12", "Berikutnya ›"]
    assert bar.select_one("[aria-current=page]").get_text() == "6"
    for link in bar.select("a[href]"):
        target = link["href"].split("://", 1)[-1].split("/", 1)[-1]
        assert built.html(target).select_one("nav.pagination [aria-current=page]") is not None
