"""Search's filters and words are made from values the enrichment cache
shares (equal regions are one object on a warm build): what the regions give
is made once per object and shared among the articles that have it, each
adding its own rubrik, year, tags and officials to a copy. A warm build of
releases of one region that differ in each of those is the clean build, file
for file, and each page says its own (its filters, its words, and seo's
schema.org places from the same regions)."""

from __future__ import annotations

import json

from conftest import FixtureSite, append_text, assert_same_tree, run_build

BODY = "PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan tahapan."
OFFICIAL = (
    "PALEMBANG – Ketua Bawaslu Sumatera Selatan Muhammad Rizal Effendi membuka rapat "
    "koordinasi pengawasan tahapan bersama Bawaslu Kota Palembang."
)
RELEASES = {
    # name: (slug, date, rubrik, tags, body)
    "a.md": ("rapat-berita", "2024-11-17 09:30", "Berita", "Pilkada Serentak 2024", OFFICIAL),
    "b.md": ("rapat-pengumuman", "2024-11-17 10:30", "Pengumuman", "Pilkada Serentak 2024", BODY),
    "c.md": ("rapat-lalu", "2023-10-02 09:30", "Berita", "Pilkada Serentak 2024", BODY),
    "d.md": ("rapat-pemilu", "2024-11-18 09:30", "Berita", "Pemilu 2024", BODY),
}


def page_of(built, slug: str, date: str):
    year, month = date[:4], date[5:7]
    return built.html(f"berita/{year}/{month}/{slug}/index.html")


def filters_of(page) -> list[str]:
    return [span["data-pagefind-filter"] for span in page.select("[data-pagefind-filter]")]


def words_of(page) -> str:
    found = page.select_one('[data-pagefind-meta^="cari:"]')
    return found["data-pagefind-meta"] if found else ""


def places_of(page) -> list:
    for script in page.select('script[type="application/ld+json"]'):
        data = json.loads(script.string)
        for item in data if isinstance(data, list) else [data]:
            if "contentLocation" in item:
                return item["contentLocation"]
    return []


def test_releases_of_one_region_get_their_own_filters_words_and_places_warm(tmp_path):
    site = FixtureSite(tmp_path / "site")
    for name, (slug, date, rubrik, tags, body) in RELEASES.items():
        site.article(
            name,
            slug=slug,
            date=date,
            category=rubrik,
            tags=tags,
            body=body,
            wilayah="Kota Palembang",
        )
    cold = site.build(SEARCH_ENABLED=False)
    assert cold.returncode == 0, cold.log
    append_text(site.content / "berita" / "b.md", "\nRapat dilanjutkan pekan depan.\n")
    warm = site.build(SEARCH_ENABLED=False)
    assert warm.returncode == 0, warm.log
    clean = run_build(
        site.content,
        tmp_path / "clean" / "output",
        cache=tmp_path / "clean" / "cache",
        overrides={"SEARCH_ENABLED": False},
    )
    assert clean.returncode == 0, clean.log
    assert_same_tree(site.output, tmp_path / "clean" / "output")

    pages = {name: page_of(warm, slug, date) for name, (slug, date, *_rest) in RELEASES.items()}
    filters = {name: filters_of(page) for name, page in pages.items()}
    for name, (_slug, date, rubrik, tags, _body) in RELEASES.items():
        assert "wilayah:Kota Palembang" in filters[name], filters[name]
        assert [f for f in filters[name] if f.startswith("rubrik:")] == [f"rubrik:{rubrik}"]
        assert [f for f in filters[name] if f.startswith("tahun:")] == [f"tahun:{date[:4]}"]
        assert f"tag:{tags}" in filters[name], filters[name]
        places = places_of(pages[name])
        assert [place["name"] for place in places] == ["Kota Palembang"], places
    assert "Effendi" in words_of(pages["a.md"])
    for name in ("b.md", "c.md", "d.md"):
        assert "Palembang" in words_of(pages[name])
        assert "Effendi" not in words_of(pages[name])
