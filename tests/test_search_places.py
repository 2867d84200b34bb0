"""Search on /cari/ finds a release by the names of its regions, official tags
and officials, in a real browser at 390 px: the ways a citizen types a place
("pagar alam" for a release that writes "Pagaralam", "kab. oku timur" for one
whose region was inferred from a kecamatan's dateline) and a person (the
registry's name of an official the text writes otherwise). Those names reach
Pagefind as the hidden metadata `cari` (`article.enrichment.search_words`, warta.search):
searched, never in a result's excerpt nor on the page, and a draft's never in
the index."""

from __future__ import annotations

import re
import shutil
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from test_leaks_search import index_words
from test_search_browser import phone_tab, results, served_index

from conftest import REPO, FixtureSite

pytestmark = pytest.mark.browser

PLUGINS = ["release_defaults", "enrichment", "regions", "official_tags", "images", "search"]

PAGARALAM = "/berita/2024/11/pagaralam-penyortiran/"
LUBUKLINGGAU = "/berita/2024/10/lubuklinggau-pengaduan/"
BELITANG = "/berita/2024/10/belitang-netralitas/"
KEMUNING = "/berita/2024/09/sekip-jaya-masjid/"
RIZAL = "/berita/2024/08/rakor-provinsi/"
BUKIT_BESAR = "/berita/2024/09/bukit-besar-spanduk/"
DRAFT_PLACE = "Sosoh Buay Rayap"  # the draft's kecamatan, named by no other release
DRAFT_OFFICIAL = "Bonar Tua Hutapea"  # the official only the draft names


@pytest.fixture(scope="module")
def place_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("places")
    site = FixtureSite(root)
    shutil.copytree(REPO / "content" / "extra", site.content / "extra")
    common = {"tags": "Pilkada Serentak 2024", "author": "Humas Bawaslu"}
    site.article(
        "a.md",
        slug="pagaralam-penyortiran",
        title="Bawaslu Kota Pagaralam Awasi Penyortiran Surat Suara",
        date="2024-11-06 09:00",
        wilayah="Kota Pagar Alam",
        summary="Bawaslu Kota Pagaralam mengawasi penyortiran surat suara di gudang KPU.",
        body="PAGARALAM – Bawaslu Kota Pagaralam mengawasi penyortiran dan pelipatan "
        "surat suara di gudang KPU. Petugas menghitung surat suara yang rusak.",
        **common,
    )
    site.article(
        "b.md",
        slug="lubuklinggau-pengaduan",
        title="Bawaslu Kota Lubuklinggau Buka Layanan Pengaduan",
        date="2024-10-20 10:00",
        wilayah="Kota Lubuk Linggau",
        summary="Bawaslu Kota Lubuklinggau membuka layanan pengaduan setiap hari.",
        body="LUBUKLINGGAU – Bawaslu Kota Lubuklinggau membuka layanan pengaduan "
        "dugaan pelanggaran kampanye setiap hari di sekretariat.",
        **common,
    )
    site.article(  # no region given: inferred from the kecamatan of the dateline
        "c.md",
        slug="belitang-netralitas",
        title="Panwaslu Belitang Ingatkan Kepala Desa Jaga Netralitas",
        date="2024-10-03 15:30",
        summary="Panwaslu Kecamatan Belitang mengingatkan kepala desa menjaga netralitas.",
        body="BELITANG – Panwaslu Kecamatan Belitang mengingatkan para kepala desa "
        "agar menjaga netralitas selama masa kampanye.",
        **common,
    )
    site.article(
        "d.md",
        slug="sekip-jaya-masjid",
        title="Pengawas Kelurahan Sekip Jaya Ajak Pengurus Masjid Awasi Pemilihan",
        date="2024-09-12 08:00",
        region="16.71.09",
        summary="Pengawas kelurahan mengajak pengurus masjid mengawasi pemilihan.",
        body="SEKIP JAYA – Pengawas kelurahan mengajak pengurus masjid ikut "
        "mengawasi pemilihan. Ketua RT Muhammad Yusuf mengusulkan alamat posko "
        "pengaduan di balai warga.",
        **common,
    )
    site.article(
        "e.md",
        slug="rakor-provinsi",
        title="Bawaslu Sumsel Gelar Rapat Koordinasi Pengawasan",
        date="2024-08-15 09:00",
        wilayah="Provinsi Sumatera Selatan",
        summary="Rapat koordinasi pengawasan tahapan pemilihan di tingkat provinsi.",
        body="PALEMBANG – Ketua Bawaslu Sumsel M. Rizal Effendi membuka rapat "
        "koordinasi pengawasan tahapan pemilihan.",
        **common,
    )
    site.article(  # other words starting "linggau", "alam", "muhammad": each term must match
        "g.md",
        slug="musi-rawas-lintas",
        title="Bawaslu Musi Rawas Pantau Jalan Lintas",
        date="2024-09-02 08:00",
        wilayah="Kabupaten Musi Rawas",
        summary="Pengawasan alat peraga kampanye di jalan lintas.",
        body="MUARA BELITI – Bawaslu Musi Rawas memantau alat peraga kampanye di "
        "jalan lintas Linggau menuju Muara Beliti.",
        **common,
    )
    site.article(  # Kecamatan Ilir Barat Satu, written "Ilir Barat I"
        "h.md",
        slug="bukit-besar-spanduk",
        title="Pengawas Kelurahan Bukit Besar Tertibkan Spanduk",
        date="2024-09-20 08:00",
        region="16.71.04",
        summary="Pengawas kelurahan menertibkan spanduk kampanye di jalan protokol.",
        body="BUKIT BESAR – Pengawas kelurahan menertibkan 14 spanduk kampanye yang "
        "dipasang di jalan protokol.",
        **common,
    )
    site.article(
        "f.md",
        slug="draf-sosialisasi",
        title="Panwaslu Gelar Sosialisasi Pengawasan",
        date="2024-07-01 09:00",
        status="draft",
        region="16.01.07",
        summary="Sosialisasi pengawasan partisipatif.",
        body=f"BATURAJA – Anggota Bawaslu Sumsel {DRAFT_OFFICIAL} membuka sosialisasi "
        "pengawasan partisipatif.",
        **common,
    )
    yield from served_index(site.build(PLUGINS=PLUGINS))


@pytest.fixture
def tab(browser, place_site):
    yield from phone_tab(browser, place_site)


def search(tab, query: str) -> dict[str, str]:
    """{result path: its excerpt's text} for a query typed on /cari/."""
    tab.page.goto(f"{tab.base}/cari/?q={quote(query)}")
    found = results(tab)
    excerpts = tab.page.locator(".search-result__excerpt").all_text_contents()
    return dict(zip(found, excerpts, strict=True))


@pytest.mark.parametrize(
    ("query", "release", "unsaid"),
    [
        ("pagar alam", PAGARALAM, ["alam"]),
        ("pagaralam", PAGARALAM, []),
        ("lubuk linggau", LUBUKLINGGAU, ["lubuk", "linggau"]),
        ("kab. oku timur", BELITANG, ["kab", "oku", "timur"]),
        ("ogan komering ulu timur", BELITANG, ["ogan", "komering", "ulu", "timur"]),
        ("kemuning", KEMUNING, ["kemuning"]),
        ("kota palembang", KEMUNING, ["kota", "palembang"]),
        ("muhammad rizal effendi", RIZAL, ["muhammad"]),
        ("ilir barat i", BUKIT_BESAR, ["ilir", "barat", "i"]),
    ],
)
def test_a_release_is_found_by_its_places_and_officials_names_not_shown(
    tab, query, release, unsaid
):
    """The release's text says none of the words `unsaid`: they come from its
    region (or the region's kabupaten, or an alias), or its official's name
    in the registry; its excerpt shows none of them either. (Other releases
    say some of them, so Pagefind must match every word of the query.)"""
    found = search(tab, query)
    assert release in found, (query, found)
    shown = set(re.findall(r"\w+", found[release].casefold()))
    assert not shown & set(unsaid), (query, found[release])


def test_the_names_searched_are_an_empty_hidden_element_of_the_page(place_site):
    """Nothing on the page for sighted readers nor for screen readers: the
    names are an attribute of an empty element inside a `hidden` one."""
    built, _ = place_site
    page = BeautifulSoup(
        (built.output / PAGARALAM.strip("/") / "index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    (words,) = page.select('[data-pagefind-meta^="cari:"]')
    assert "Pagar" in words["data-pagefind-meta"].split()
    assert words.get_text() == ""
    assert words.find_parent(attrs={"hidden": True}) is not None


def test_a_drafts_region_and_official_never_reach_the_index(place_site):
    built, _ = place_site
    words = index_words(built.output)
    assert b"pagaralam" in words  # (the index is read)
    for word in (*DRAFT_PLACE.split()[::2], DRAFT_OFFICIAL.split()[-1]):
        assert word.casefold().encode() not in words, word  # sosoh, rayap, hutapea
