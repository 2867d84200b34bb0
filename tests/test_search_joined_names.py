"""A kecamatan whose official name is one word that citizens type as two
("Sukarami" as "suka rami", "Bukitkecil" as "bukit kecil"), or two words they
type as one ("Tanjung Raja" as "tanjungraja"), is found on /cari/ by either
spelling, in a real browser with Pagefind. The other spelling reaches the
index through the hidden metadata `cari` (warta.search.search_words);
where a one-word name splits comes from the gazetteer's own words
(`split_in_two` with `Gazetteer.name_words`)."""

from __future__ import annotations

import shutil

import pytest
from test_search_browser import phone_tab, served_index
from test_search_places import search

from conftest import REPO, FixtureSite
from warta.regions.gazetteer import Gazetteer, Unit, split_in_two
from warta.search import search_words

pytestmark = pytest.mark.browser

PLUGINS = ["release_defaults", "enrichment", "regions", "official_tags", "images", "search"]

SUKARAMI = "/berita/2024/11/sukarami-tps/"
BUKITKECIL = "/berita/2024/11/bukitkecil-apk/"
TANJUNG_RAJA = "/berita/2024/10/tanjung-raja-rekap/"


@pytest.fixture(scope="module")
def joined_site(tmp_path_factory):
    site = FixtureSite(tmp_path_factory.mktemp("joined"))
    shutil.copytree(REPO / "content" / "extra", site.content / "extra")
    common = {"tags": "Pilkada Serentak 2024", "author": "Humas Bawaslu"}
    site.article(
        "a.md",
        slug="sukarami-tps",
        title="Panwaslu Sukarami Awasi Pendirian TPS di Kelurahan",
        date="2024-11-20 09:00",
        region="16.71.07",  # Kecamatan Sukarami, Kota Palembang
        summary="Panwaslu Kecamatan Sukarami mengawasi pendirian TPS.",
        body="SUKARAMI – Panwaslu Kecamatan Sukarami mengawasi pendirian TPS di "
        "kelurahan menjelang pemungutan suara.",
        **common,
    )
    site.article(
        "b.md",
        slug="bukitkecil-apk",
        title="Panwaslu Bukitkecil Tertibkan Alat Peraga Kampanye",
        date="2024-11-10 09:00",
        region="16.71.11",  # Kecamatan Bukitkecil, Kota Palembang
        summary="Panwaslu Kecamatan Bukitkecil menertibkan alat peraga kampanye.",
        body="BUKITKECIL – Panwaslu Kecamatan Bukitkecil menertibkan alat peraga "
        "kampanye di jalan protokol.",
        **common,
    )
    site.article(
        "c.md",
        slug="tanjung-raja-rekap",
        title="Panwaslu Tanjung Raja Awasi Rekapitulasi Suara",
        date="2024-10-28 09:00",
        region="16.10.03",  # Kecamatan Tanjung Raja, Kabupaten Ogan Ilir
        summary="Panwaslu Kecamatan Tanjung Raja mengawasi rekapitulasi suara.",
        body="TANJUNG RAJA – Panwaslu Kecamatan Tanjung Raja mengawasi rekapitulasi "
        "suara tingkat kecamatan.",
        **common,
    )
    site.article(  # "suka", "rami", "bukit" and "kecil" apart: each word must match
        "d.md",
        slug="warga-bukit",
        title="Warga Bukit Siguntang Suka Pengawasan yang Ramah",
        date="2024-09-01 09:00",
        wilayah="Kota Palembang",
        summary="Warga di kaki bukit suka pengawasan partisipatif yang ramai dan kecil.",
        body="PALEMBANG – Warga di kaki bukit mengaku suka pengawasan partisipatif; "
        "acara kecil itu ramai dihadiri. Rami, warga setempat, ikut hadir.",
        **common,
    )
    yield from served_index(site.build(PLUGINS=PLUGINS))


@pytest.fixture
def tab(browser, joined_site):
    yield from phone_tab(browser, joined_site)


@pytest.mark.parametrize(
    ("query", "release"),
    [
        ("sukarami", SUKARAMI),
        ("suka rami", SUKARAMI),
        ("kecamatan suka rami", SUKARAMI),
        ("bukitkecil", BUKITKECIL),
        ("bukit kecil", BUKITKECIL),
        ("tanjung raja", TANJUNG_RAJA),
        ("tanjungraja", TANJUNG_RAJA),
    ],
)
def test_a_kecamatan_is_found_by_its_name_written_as_one_word_or_two(tab, query, release):
    found = search(tab, query)
    assert release in found, (query, found)


def test_only_a_split_into_two_words_of_the_gazetteer_is_a_spelling():
    """A one-word name splits where both halves (three letters or more) are
    words of other names of the gazetteer; other names, and names of two
    words, give nothing to split."""
    units = [
        Unit("16", "provinsi", "Sumatera Selatan", None),
        Unit("16.71", "kota", "Kota Palembang", "16"),
        Unit("16.71.07", "kecamatan", "Sukarami", "16.71"),
        Unit("16.71.08", "kecamatan", "Suka Makmur", "16.71"),
        Unit("16.71.09", "kecamatan", "Rami Jaya", "16.71"),
        Unit("16.71.10", "kecamatan", "Kemuning", "16.71"),
        Unit("16.71.11", "kecamatan", "Ilir Barat Dua", "16.71"),
    ]
    gazetteer = Gazetteer(units)
    assert split_in_two("Sukarami", gazetteer.name_words) == ["Suka Rami"]
    assert split_in_two("Kemuning", gazetteer.name_words) == []
    assert split_in_two("Suka Makmur", gazetteer.name_words) == []
    assert split_in_two("", gazetteer.name_words) == []


def test_the_search_words_hold_both_spellings():
    class Place:
        def __init__(self, code, level, name, ancestors=()):
            self.code, self.level, self.name, self.ancestors = code, level, name, ancestors

    kota = Place("16.71", "kota", "Kota Palembang")
    place = Place("16.71.07", "kecamatan", "Sukarami", (kota,))
    words = search_words(regions=[place], splits=lambda name: ["Suka Rami"] * (name == "Sukarami"))
    assert {"Sukarami", "Suka", "Rami"} <= set(words.split())
    raja = Place("16.10.03", "kecamatan", "Tanjung Raja")
    assert {"Tanjung", "Raja", "TanjungRaja"} <= set(search_words(regions=[raja]).split())
