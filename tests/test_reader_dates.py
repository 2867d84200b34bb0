"""Times as a reader and a machine read them, in each of Indonesia's zones: a
newsroom in Sumatera Selatan (and Jawa, Sumatera, Kalimantan Barat/Tengah)
publishes in WIB (+07:00), one in Bali, Nusa Tenggara, Kalimantan
Selatan/Timur/Utara or Sulawesi in WITA (+08:00), one in Maluku or Papua in
WIT (+09:00). The page's words, its `<time datetime>`, the JSON-LD, the
feeds and the sitemap say the same time with the same offset."""

from __future__ import annotations

import json

import pytest
from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.mark.parametrize(
    ("timezone", "offset", "zone"),
    [("Asia/Jakarta", "+07:00", "WIB"), ("Asia/Makassar", "+08:00", "WITA"),
     ("Asia/Jayapura", "+09:00", "WIT")],
)  # fmt: skip
def test_a_release_says_one_time_with_its_zones_offset_everywhere(site, timezone, offset, zone):
    site.article("a.md", slug="rapat", date="2024-11-17 09:30")
    built = site.build(publish=True, SEARCH_ENABLED=False, PLUGINS=["seo"], TIMEZONE=timezone)
    assert built.returncode == 0, built.log
    when = f"2024-11-17T09:30:00{offset}"
    page = built.html("berita/2024/11/rapat/")
    time = page.select_one(".article__meta time")
    assert (time["datetime"], time.get_text(strip=True)) == (
        when,
        f"Minggu, 17 November 2024, 09.30 {zone}",
    )
    [article] = [
        data
        for script in page.select('script[type="application/ld+json"]')
        if (data := json.loads(script.string))["@type"] == "NewsArticle"
    ]
    assert (article["datePublished"], article["dateModified"]) == (when, when)
    home = built.html("")
    assert {t["datetime"] for t in home.select("time")} == {when}
    entry = etree.parse(str(built.output / "feed.xml")).getroot().find(f"{ATOM}entry")
    assert (entry.findtext(f"{ATOM}published"), entry.findtext(f"{ATOM}updated")) == (when, when)
    sitemap = etree.parse(str(built.output / "sitemap.xml")).getroot()
    assert {lastmod.text for lastmod in sitemap.iter(f"{SITEMAP}lastmod")} == {when}
