"""Fixture-site tests of the regions plugin: region metadata and inference, the
/wilayah/ pages (pagination, breadcrumbs, charts, feeds), /feed.json, every
error message, and identical output when the content cache is used."""

from __future__ import annotations

import json

import feedparser
import pytest

from conftest import FixtureSite, article_text, run_build

PALEMBANG = "wilayah/sumatera-selatan/kota-palembang/"


def lines_with(built, level, text):
    return [line for line in built.log_lines(level) if text in line]


def news(site, name, *, slug, title, date, body, **extra):
    return site.article(
        name,
        article_text(
            slug=slug,
            title=title,
            date=date,
            body=body,
            summary=f"{title}: ringkasan berita pengawasan tahapan Pilkada Serentak 2024.",
            **extra,
        ),
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = FixtureSite(tmp_path_factory.mktemp("regions-site"))
    news(
        site,
        "2024/sako.md",
        slug="patroli-pengawasan-di-kecamatan-sako",
        title="Bawaslu Kota Palembang Patroli Pengawasan di Kecamatan Sako",
        date="2024-11-17 09:30",
        body="Bawaslu Kota Palembang berpatroli di Kecamatan Sako.",
        region="Kota Palembang, Sako",
    )
    news(
        site,
        "2024/baturaja.md",
        slug="bawaslu-oku-awasi-rapat-pleno",
        title="Bawaslu OKU Awasi Rapat Pleno Rekapitulasi di Baturaja",
        date="2024-11-10 10:00",
        body="BATURAJA – Bawaslu Kabupaten Ogan Komering Ulu mengawasi rapat pleno.",
    )
    news(
        site,
        "2024/prabumulih.md",
        slug="bawaslu-prabumulih-gelar-sosialisasi",
        title="Bawaslu Kota Prabumulih Gelar Sosialisasi Pengawasan Partisipatif",
        date="2024-10-20 10:00",
        body="Bawaslu Kota Prabumulih menggelar sosialisasi pengawasan partisipatif.",
    )
    news(
        site,
        "2024/palembang-oktober.md",
        slug="bawaslu-palembang-rapat-oktober",
        title="Bawaslu Kota Palembang Gelar Rapat Koordinasi Bulan Oktober",
        date="2024-10-01 09:00",
        body="Bawaslu Kota Palembang menggelar rapat koordinasi.",
        region="16.71",
    )
    news(
        site,
        "2024/palembang-september.md",
        slug="bawaslu-palembang-rapat-september",
        title="Bawaslu Kota Palembang Gelar Rapat Koordinasi Bulan September",
        date="2024-09-01 09:00",
        body="Rapat koordinasi digelar di kantor.",
        wilayah="plg",
    )
    news(
        site,
        "2024/banjar.md",
        slug="kunjungan-kerja-ke-kabupaten-banjar",
        title="Bawaslu Sumsel Kunjungan Kerja ke Kabupaten Banjar Kalimantan Selatan",
        date="2024-08-01 09:00",
        body="Rombongan berkunjung untuk berbagi praktik baik pengawasan.",
        region="Kabupaten Banjar",
    )
    news(
        site,
        "2024/kalidoni.md",
        slug="rapat-internal-panwaslu-kalidoni",
        title="Rapat Internal Panwaslu Kecamatan Kalidoni Jelang Pemungutan Suara",
        date="2024-11-12 09:00",
        body="Panwaslu Kecamatan Kalidoni menggelar rapat internal.",
        region="Kalidoni",
        status="hidden",
    )
    site.page(
        "kredit.md",
        "Title: Kredit\nSlug: kredit\n\nData wilayah: idn-area-data 4.0.1, ODbL 1.0.\n",
    )
    result = site.build(strict=True, REGIONS_PER_PAGE=2)
    assert result.returncode == 0, result.log
    return result


def regions_by_url(built):
    feed = built.json("feed.json")
    return {item["url"]: item["_warta"]["regions"] for item in feed["items"]}


# ---- article data ------------------------------------------------------------


def test_feed_json_carries_regions_with_inferred_flag(built):
    regions = regions_by_url(built)
    by_slug = {url.rstrip("/").rsplit("/", 1)[-1]: value for url, value in regions.items()}
    # "Kota Palembang, Sako": the kecamatan is the most specific unit; ancestors implied.
    sako = by_slug["patroli-pengawasan-di-kecamatan-sako"]
    assert [(r["code"], r["name"], r["inferred"]) for r in sako] == [("16.71.08", "Sako", False)]
    assert [a["code"] for a in sako[0]["ancestors"]] == ["16", "16.71"]
    baturaja = by_slug["bawaslu-oku-awasi-rapat-pleno"]
    assert [(r["code"], r["inferred"], r["source"]) for r in baturaja] == [
        ("16.01", True, "dateline")
    ]
    prabumulih = by_slug["bawaslu-prabumulih-gelar-sosialisasi"]
    assert [(r["code"], r["name"], r["inferred"], r["source"]) for r in prabumulih] == [
        ("16.74", "Kota Prabumulih", True, "lead")
    ]
    assert by_slug["bawaslu-palembang-rapat-september"][0]["code"] == "16.71"  # Wilayah: plg
    assert by_slug["bawaslu-palembang-rapat-oktober"][0]["name"] == "Kota Palembang"


def test_article_header_links_its_regions(built):
    soup = built.html("berita/2024/11/patroli-pengawasan-di-kecamatan-sako/")
    box = soup.select_one(".article__regions")
    links = [(a.get_text(strip=True), a["href"]) for a in box.select("a")]
    assert links == [
        ("Sumatera Selatan", "/wilayah/sumatera-selatan/"),
        ("Kota Palembang", "/" + PALEMBANG),
        ("Kecamatan Sako", "/" + PALEMBANG + "sako/"),
    ]
    assert box.select_one(".article__regions-note") is None


def test_a_hidden_release_links_only_the_region_pages_that_are_written(built):
    """A `Status: hidden` release about Kecamatan Kalidoni (no published
    release there, so no page: a hidden release counts nowhere) linked to
    /wilayah/…/kalidoni/, which was not written."""
    soup = built.html("berita/2024/11/rapat-internal-panwaslu-kalidoni/")
    (item,) = soup.select(".article__regions li")
    links = [(a.get_text(strip=True), a["href"]) for a in item.select("a")]
    assert links == [
        ("Sumatera Selatan", "/wilayah/sumatera-selatan/"),
        ("Kota Palembang", "/" + PALEMBANG),
    ]
    assert item.get_text(" ", strip=True).endswith("Kecamatan Kalidoni")
    assert not (built.output / PALEMBANG / "kalidoni").exists()
    for _text, href in links:
        assert (built.output / href.strip("/") / "index.html").exists()


def test_article_header_says_when_inferred(built):
    soup = built.html("berita/2024/11/bawaslu-oku-awasi-rapat-pleno/")
    note = soup.select_one(".article__regions .article__regions-note")
    assert note.get_text(strip=True) == "(disimpulkan dari dateline)"
    soup = built.html("berita/2024/10/bawaslu-prabumulih-gelar-sosialisasi/")
    note = soup.select_one(".article__regions .article__regions-note")
    assert "disimpulkan" in note.get_text()
    assert "dateline" not in note.get_text()


# ---- pages ---------------------------------------------------------------------


def card_titles(soup):
    return [a.get_text(strip=True) for a in soup.select(".card__title a")]


def test_region_page_is_paginated_and_includes_children(built):
    first = built.html(PALEMBANG)
    assert first.h1.get_text(strip=True) == "Kota Palembang"
    assert card_titles(first) == [
        "Bawaslu Kota Palembang Patroli Pengawasan di Kecamatan Sako",  # a child's article
        "Bawaslu Kota Palembang Gelar Rapat Koordinasi Bulan Oktober",
    ]
    pages = first.select(".pagination a")
    assert [a["href"] for a in pages if a.get("rel") == ["next"]] == [
        "/" + PALEMBANG + "halaman/2/"
    ]
    second = built.html(PALEMBANG + "halaman/2/")
    assert card_titles(second) == ["Bawaslu Kota Palembang Gelar Rapat Koordinasi Bulan September"]
    assert second.select_one(".pagination [aria-current=page]").get_text() == "2"


def test_province_page_counts_all_its_kabkota(built):
    soup = built.html("wilayah/sumatera-selatan/")
    assert soup.h1.get_text(strip=True) == "Sumatera Selatan"
    children = {
        li.a.get_text(strip=True): li.select_one(".count").get_text(strip=True)
        for li in soup.select("#children-title ~ ul li")
    }
    assert children == {
        "Kabupaten Ogan Komering Ulu": "1 berita",
        "Kota Palembang": "3 berita",
        "Kota Prabumulih": "1 berita",
    }
    all_cards = card_titles(soup) + card_titles(built.html("wilayah/sumatera-selatan/halaman/2/"))
    all_cards += card_titles(built.html("wilayah/sumatera-selatan/halaman/3/"))
    assert len(all_cards) == 5


def test_kecamatan_page_exists_only_where_news_exists(built):
    soup = built.html(PALEMBANG + "sako/")
    assert soup.h1.get_text(strip=True) == "Kecamatan Sako"
    assert card_titles(soup) == ["Bawaslu Kota Palembang Patroli Pengawasan di Kecamatan Sako"]
    assert not (built.output / PALEMBANG / "kemuning").exists()
    assert not (built.output / "wilayah/sumatera-selatan/kabupaten-lahat").exists()


def test_breadcrumbs_and_their_json_ld(built):
    soup = built.html(PALEMBANG + "sako/")
    crumbs = [li.get_text(strip=True) for li in soup.select("nav.breadcrumbs li")]
    assert crumbs == ["Beranda", "Wilayah", "Sumatera Selatan", "Kota Palembang", "Kecamatan Sako"]
    data = [
        json.loads(s.string)
        for s in soup.select('script[type="application/ld+json"]')
        if '"BreadcrumbList"' in s.string
    ]
    assert len(data) == 1
    items = data[0]["itemListElement"]
    assert [i["name"] for i in items] == crumbs
    assert items[2]["item"] == "/wilayah/sumatera-selatan/"
    assert "item" not in items[-1]


def test_monthly_chart_is_svg_with_a_text_alternative(built):
    soup = built.html(PALEMBANG)
    svg = soup.select_one("svg.region-chart__svg")
    assert svg["role"] == "img"
    title = soup.find(id=svg["aria-labelledby"])
    assert title.name == "title"
    assert "Kota Palembang" in title.get_text()
    assert svg["viewbox"] == "0 0 320 132"
    assert len(svg.select("rect.region-chart__bar")) == 3  # Sep, Oct, Nov 2024
    table = soup.select_one(".visually-hidden > table")
    rows = [(tr.th.get_text(strip=True), int(tr.td.get_text())) for tr in table.select("tbody tr")]
    assert len(rows) == 12
    assert rows[-1] == ("November 2024", 1)
    assert rows[-3:] == [("September 2024", 1), ("Oktober 2024", 1), ("November 2024", 1)]
    assert sum(count for _, count in rows) == 3


def test_region_feed_is_atom_in_the_page_folder(built):
    soup = built.html(PALEMBANG)
    alternate = soup.select_one('link[rel=alternate][type="application/atom+xml"][title^="Kota"]')
    assert alternate["href"] == "/" + PALEMBANG + "feed.xml"
    parsed = feedparser.parse(built.text(PALEMBANG + "feed.xml"))
    assert not parsed.bozo
    assert parsed.version == "atom10"
    assert [e.title for e in parsed.entries] == [
        "Bawaslu Kota Palembang Patroli Pengawasan di Kecamatan Sako",
        "Bawaslu Kota Palembang Gelar Rapat Koordinasi Bulan Oktober",
        "Bawaslu Kota Palembang Gelar Rapat Koordinasi Bulan September",
    ]
    assert "Kota Palembang" in parsed.feed.title
    assert parsed.feed.link == "/" + PALEMBANG  # its page, not the home page
    sako = feedparser.parse(built.text(PALEMBANG + "sako/feed.xml"))
    assert len(sako.entries) == 1
    assert sako.feed.link == "/" + PALEMBANG + "sako/"


def test_wilayah_index_lists_home_province_first_with_counts(built):
    soup = built.html("wilayah/")
    provinces = [h3.a.get_text(strip=True) for h3 in soup.select(".region-province h3")]
    assert provinces == ["Sumatera Selatan", "Kalimantan Selatan"]
    headings = soup.select(".region-province h3")
    counts = [h3.select_one(".count").get_text(strip=True) for h3 in headings]
    assert counts == ["5 berita", "1 berita"]
    kalsel = soup.select(".region-province")[1]
    assert [a.get_text(strip=True) for a in kalsel.select("li a")] == ["Kabupaten Banjar"]
    attribution = soup.select_one(".region-attribution a")
    assert attribution.get_text(strip=True) == "Data wilayah: idn-area-data (ODbL)"
    assert attribution["href"] == "/kredit/"


def test_wilayah_index_bar_chart_of_home_kabkota(built):
    soup = built.html("wilayah/")
    svg = soup.select_one(".region-chart--bars svg")
    assert svg["role"] == "img"
    assert soup.find(id=svg["aria-labelledby"]).name == "title"
    labels = [t.get_text() for t in svg.select("text.region-chart__label")]
    assert len(labels) == 17
    assert labels[0] == "Kabupaten Ogan Komering Ulu"
    numbers = [t.get_text() for t in svg.select("text.region-chart__value")]
    values = dict(zip(labels, numbers, strict=True))
    assert values["Kota Palembang"] == "3"
    assert values["Kabupaten Lahat"] == "0"
    assert len(svg.select("rect")) == 3
    assert svg["viewbox"].split()[2] == "320"


def test_every_region_page_has_the_attribution(built):
    pages = [p for p in built.files() if p.startswith("wilayah/") and p.endswith("index.html")]
    assert len(pages) >= 8
    for page in pages:
        soup = built.html(page)
        assert soup.select_one(".region-attribution a").get_text() == (
            "Data wilayah: idn-area-data (ODbL)"
        ), page


def test_home_page_shortcut_to_kabkota(built):
    soup = built.html("")
    links = {a.get_text(strip=True): a["href"] for a in soup.select(".home-regions .region-grid a")}
    assert links == {
        "Kabupaten Ogan Komering Ulu": "/wilayah/sumatera-selatan/kabupaten-ogan-komering-ulu/",
        "Kota Palembang": "/" + PALEMBANG,
        "Kota Prabumulih": "/wilayah/sumatera-selatan/kota-prabumulih/",
    }


# ---- problems --------------------------------------------------------------------


def test_every_region_error_message(site):
    news(
        site,
        "bima.md",
        slug="rapat-di-bima",
        title="Bawaslu Menggelar Rapat Koordinasi di Bima",
        date="2024-11-01 09:00",
        body="BIMA – Rapat koordinasi digelar.",
        region="Bima",
    )
    news(
        site,
        "typo.md",
        slug="rapat-di-palembang",
        title="Bawaslu Menggelar Rapat Koordinasi di Palembang",
        date="2024-11-02 09:00",
        body="Rapat koordinasi digelar.",
        region="Kota Palembang, Palembnag",
    )
    news(
        site,
        "none.md",
        slug="sosialisasi-warga",
        title="Warga Antusias Mengikuti Sosialisasi Pengawasan Pemilu",
        date="2024-11-03 09:00",
        body="Warga antusias mengikuti sosialisasi.",
    )
    news(
        site,
        "ejaan.md",
        slug="rapat-kayuagung",
        title="Bawaslu Menggelar Rapat Koordinasi di Kayuagung",
        date="2024-11-04 09:00",
        body="KAYUAGUNGG – Rapat koordinasi digelar.",
    )
    result = site.build()
    assert result.returncode == 1
    errors = result.log_lines("error")
    region_line = 8  # Title, Date, Slug, Category, Author, Tags, Summary, Region
    assert (
        f"berita/bima.md:{region_line}: ambiguous region: 'Bima' (fits Kabupaten Bima (52.06), "
        "Kota Bima (52.72); write 'Kabupaten Bima' or 'Kota Bima', or the code)"
    ) in errors
    typo = lines_with(result, "error", "berita/typo.md")
    assert len(typo) == 1
    assert typo[0].startswith(
        f"berita/typo.md:{region_line}: unknown region: 'Palembnag' "
        "(closest: Kota Palembang (16.71)"
    )
    warnings = lines_with(result, "warning", "no region")
    body_line = 9  # the body's first line, below the blank line
    assert warnings == [
        f"berita/ejaan.md:{body_line}: no region: neither the dateline nor the lead names a "
        "known place: 'KAYUAGUNGG – Rapat koordinasi digelar.' (closest: Kabupaten Ogan "
        'Komering Ilir (16.02), Kecamatan Kayu Agung (16.02.05); or add "Region: …" with a '
        "Kemendagri code, an official name or an alias)",
        f"berita/none.md:{body_line}: no region: neither the dateline nor the lead names a "
        "known place: 'Warga antusias mengikuti sosialisasi.' (add \"Region: …\" with a "
        "Kemendagri code, an official name or an alias)",
    ]
    # The article with the typo keeps its valid region and is still published.
    soup = result.html("berita/2024/11/rapat-di-palembang/")
    assert [a.get_text() for a in soup.select(".article__regions a")][-1] == "Kota Palembang"


def test_no_region_is_a_warning_and_fails_under_strict(site):
    news(
        site,
        "none.md",
        slug="sosialisasi-warga",
        title="Warga Antusias Mengikuti Sosialisasi Pengawasan Pemilu",
        date="2024-11-03 09:00",
        body="Warga antusias mengikuti sosialisasi.",
    )
    relaxed = site.build()
    assert relaxed.returncode == 0, relaxed.log
    assert len(lines_with(relaxed, "warning", "berita/none.md:9: no region")) == 1
    assert not relaxed.log_lines("error")
    # The article is published anyway, without regions.
    assert relaxed.html("berita/2024/11/sosialisasi-warga/").select_one(".article__regions") is None
    strict = site.build(strict=True)
    assert strict.returncode == 1
    assert len(lines_with(strict, "warning", "berita/none.md:9: no region")) == 1


def test_bad_aliases_file_is_an_error_at_its_line(site, tmp_path):
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text(
        '# aliases\n"16.01":\n  seats: Baturaja\n"16.99":\n  aliases: [X]\n', encoding="utf-8"
    )
    news(
        site,
        "ok.md",
        slug="rapat-di-palembang",
        title="Bawaslu Menggelar Rapat Koordinasi di Palembang",
        date="2024-11-02 09:00",
        body="PALEMBANG – Rapat koordinasi digelar.",
    )
    result = site.build(REGIONS_ALIASES=str(aliases))
    assert result.returncode == 1
    errors = result.log_lines("error")
    # Paths relative to the project (here the fixture's folder, which holds content/).
    assert aliases.parent == site.content.parent
    assert "aliases.yaml:3: unknown key in aliases entry: 'seats' (did you mean 'seat'?)" in errors
    prefix = "aliases.yaml:4: unknown region code in aliases: '16.99'"
    unknown = [e for e in errors if e.startswith(prefix)]
    assert len(unknown) == 1
    assert "closest:" in unknown[0]


# ---- cache ------------------------------------------------------------------------


def test_cached_rebuild_gives_identical_pages(tmp_path):
    site = FixtureSite(tmp_path / "site")
    news(
        site,
        "a.md",
        slug="rapat-di-palembang",
        title="Bawaslu Menggelar Rapat Koordinasi di Palembang",
        date="2024-11-02 09:00",
        body="PALEMBANG – Rapat koordinasi digelar.",
    )
    news(
        site,
        "b.md",
        slug="patroli-di-sako",
        title="Bawaslu Kota Palembang Patroli Pengawasan di Sako",
        date="2024-10-02 09:00",
        body="Patroli digelar.",
        region="16.71.08",
    )
    cache = tmp_path / "cache"
    overrides = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
    first = run_build(
        site.content, tmp_path / "out1", cache=cache, overrides=overrides, strict=True
    )
    assert first.returncode == 0, first.log
    assert any(cache.iterdir()), "the first build wrote no content cache"
    second = run_build(
        site.content, tmp_path / "out2", cache=cache, overrides=overrides, strict=True
    )
    assert second.returncode == 0, second.log

    def pages(built):  # the search index has random file names: leave it out
        return [
            f
            for f in built.files()
            if f.startswith(("wilayah/", "berita/")) or f in ("feed.json", "index.html")
        ]

    compared = pages(first)
    assert "wilayah/sumatera-selatan/kota-palembang/sako/index.html" in compared
    assert pages(second) == compared
    for name in compared:
        assert (first.output / name).read_bytes() == (second.output / name).read_bytes(), name
    # Without a credits page the attribution is plain text.
    attribution = second.html("wilayah/").select_one(".region-attribution")
    assert attribution.get_text(strip=True) == "Data wilayah: idn-area-data (ODbL)"
    assert attribution.a is None
    regions = {i["url"]: i["_warta"]["regions"] for i in second.json("feed.json")["items"]}
    assert sorted(r[0]["code"] for r in regions.values()) == ["16.71", "16.71.08"]


def test_region_values_prefer_a_kecamatan_of_the_province_to_a_kabupaten_elsewhere(site):
    """`Region: Mesuji` is Kecamatan Mesuji of OKI, not Lampung's kabupaten, as
    the dateline `MESUJI –` is; `Region: OKU Timur, Jayapura` is the kecamatan
    of OKU Timur (it failed the build as ambiguous between Papua's two)."""
    news(
        site,
        "mesuji.md",
        slug="pergeseran-kotak-suara",
        title="Panwaslu Kecamatan Mesuji Awasi Pergeseran Kotak Suara",
        date="2024-11-28 08:00",
        body="Panwaslu Kecamatan Mesuji mengawasi pergeseran kotak suara.",
        region="Mesuji",
    )
    news(
        site,
        "jayapura.md",
        slug="rekapitulasi-jayapura",
        title="Panwaslu Kecamatan Jayapura Awasi Rekapitulasi Suara",
        date="2024-11-29 08:00",
        body="Panwaslu Kecamatan Jayapura mengawasi rekapitulasi.",
        region="OKU Timur, Jayapura",
    )
    built = site.build()
    assert built.returncode == 0, built.log

    def regions(slug):
        page = built.html(f"berita/2024/11/{slug}/")
        return [a.get_text(" ", strip=True) for a in page.select(".article__regions a")]

    assert regions("pergeseran-kotak-suara")[-2:] == [
        "Kabupaten Ogan Komering Ilir",
        "Kecamatan Mesuji",
    ]
    assert regions("rekapitulasi-jayapura")[-2:] == [
        "Kabupaten Ogan Komering Ulu Timur",
        "Kecamatan Jayapura",
    ]
    assert not (built.output / "wilayah" / "lampung").exists()


def test_each_region_value_is_read_with_the_others_as_its_context(site):
    """`Region: Empat Lawang, Pendopo` was Empat Lawang and PALI (Pendopo read
    as PALI's town); `Region: Lampung, Mesuji` was Lampung and OKI's kecamatan."""
    for name, slug, region in (
        ("titik-koma.md", "rapat-belitang", "OKU Timur; Belitang"),
        ("pendopo.md", "desa-pengawasan-pendopo", "Empat Lawang, Pendopo"),
        ("mesuji.md", "rapat-mesuji-lampung", "Lampung, Mesuji"),
        ("dua.md", "rapat-dua-wilayah", "Palembang, Lahat"),
    ):
        news(
            site,
            name,
            slug=slug,
            title=f"Bawaslu Gelar Rapat Pengawasan Wilayah {region}",
            date="2024-11-28 08:00",
            body="Pengawas pemilihan menggelar rapat koordinasi di wilayahnya.",
            region=region,
        )
    built = site.build()
    assert built.returncode == 0, built.log
    regions = {
        i["url"].rstrip("/").rsplit("/", 1)[1]: sorted(r["code"] for r in i["_warta"]["regions"])
        for i in built.json("feed.json")["items"]
    }
    assert regions == {
        "rapat-belitang": ["16.08.03"],
        "desa-pengawasan-pendopo": ["16.11.02"],
        "rapat-mesuji-lampung": ["18.11"],
        "rapat-dua-wilayah": ["16.04", "16.71"],
    }


def test_a_region_value_narrowed_in_parentheses(site):
    """`Region: Pendopo (Empat Lawang)` was an unknown region and the release
    had none; a name no place of the region in parentheses is an error there."""
    news(
        site,
        "pendopo.md",
        slug="desa-pengawasan-pendopo",
        title="Panwaslu Kecamatan Pendopo Bentuk Desa Pengawasan",
        date="2024-11-28 08:00",
        body="Pengawas pemilihan membentuk desa pengawasan di wilayahnya.",
        region="Pendopo (Empat Lawang)",
    )
    news(
        site,
        "lahat.md",
        slug="rapat-lahat",
        title="Bawaslu Gelar Rapat Pengawasan di Lahat",
        date="2024-11-28 09:00",
        body="Pengawas pemilihan menggelar rapat koordinasi di wilayahnya.",
        region="Lahat (Empat Lawang)",
    )
    built = site.build()
    assert built.returncode == 1
    page = built.html("berita/2024/11/desa-pengawasan-pendopo/")
    assert [a.get_text(" ", strip=True) for a in page.select(".article__regions a")][-2:] == [
        "Kabupaten Empat Lawang",
        "Kecamatan Pendopo",
    ]
    region_line = 8  # Title, Date, Slug, Category, Author, Tags, Summary, Region
    assert lines_with(built, "error", "region") == [
        f"berita/lahat.md:{region_line}: region outside the one in parentheses: 'Lahat (Empat"
        " Lawang)' (it names Kabupaten Lahat (16.04) in Sumatera Selatan; write the region that"
        " holds it in the parentheses, or the code)"
    ]


def test_pendopo_is_palis_town_or_empat_lawangs_kecamatan_only_in_context(site):
    """aliases.yaml gives PALI its town "Pendopo", and Kecamatan Pendopo is in
    Empat Lawang: a bare `PENDOPO –` dateline and `Region: Pendopo` were
    PALI, silently. The dateline's region in parentheses or the office of
    the lead narrows the name; without them the dateline gives no region and
    one warning, and the Region: value one error, each naming both."""
    lead = "menggelar rapat koordinasi pengawasan tahapan pemilihan."
    for name, slug, body, region in (
        ("pali.md", "rapat-bawaslu-pali", f"PENDOPO – Bawaslu PALI {lead}", None),
        (
            "panwaslu.md",
            "rapat-panwaslu-pendopo",
            f"PENDOPO – Ketua Panwaslu Kecamatan Pendopo Kabupaten Empat Lawang {lead}",
            None,
        ),
        (
            "kurung.md",
            "rapat-pendopo-empat-lawang",
            f"PENDOPO (Empat Lawang) – Pengawas {lead}",
            None,
        ),
        ("polos.md", "rapat-di-pendopo", f"PENDOPO – Pengawas pemilihan {lead}", None),
        ("wilayah.md", "rapat-wilayah-pendopo", f"Pengawas pemilihan {lead}", "Pendopo"),
    ):
        extra = {"region": region} if region else {}
        news(
            site,
            name,
            slug=slug,
            title=f"Pengawas Pemilihan Gelar Rapat Koordinasi {slug.replace('-', ' ').title()}",
            date="2024-11-20 09:00",
            body=body,
            **extra,
        )
    built = site.build()
    assert built.returncode == 1  # the ambiguous Region: value is an error

    def regions(slug):
        page = built.html(f"berita/2024/11/{slug}/")
        return [a.get_text(" ", strip=True) for a in page.select(".article__regions a")]

    assert regions("rapat-bawaslu-pali")[-1] == "Kabupaten Penukal Abab Lematang Ilir"
    assert regions("rapat-panwaslu-pendopo")[-2:] == ["Kabupaten Empat Lawang", "Kecamatan Pendopo"]
    assert regions("rapat-pendopo-empat-lawang")[-1] == "Kecamatan Pendopo"
    assert regions("rapat-di-pendopo") == []
    assert regions("rapat-wilayah-pendopo") == []
    body_line, region_line = 9, 8  # Title, Date, Slug, Category, Author, Tags, Summary, Region
    assert lines_with(built, "warning", "Pendopo") == [
        f"berita/polos.md:{body_line}: no region: the dateline's 'PENDOPO' fits Kabupaten"
        ' Penukal Abab Lematang Ilir (16.12) and Kecamatan Pendopo (16.11.02) (write "Region:'
        ' Kabupaten Penukal Abab Lematang Ilir" or "Region: Pendopo (Empat Lawang)", or the region'
        " in the dateline's parentheses)"
    ]
    assert lines_with(built, "error", "Pendopo") == [
        f"berita/wilayah.md:{region_line}: ambiguous region: 'Pendopo' (fits Kabupaten"
        " Penukal Abab Lematang Ilir (16.12), Kecamatan Pendopo (16.11.02); write 'Kabupaten"
        " Penukal Abab Lematang Ilir' or 'Pendopo (Empat Lawang)', or the code)"
    ]


def test_a_region_of_another_province_is_said_at_its_line(tmp_path):
    """`Region: 17.71` (Kota Bengkulu, typed for Palembang's 16.71) above
    "PALEMBANG – …" filed the release under Bengkulu with no word; nor was a
    Region: of another province with nothing in the text to place it. Now the
    first is a warning naming the dateline's place to write, the second a
    suggestion naming the home province's unit of that number; a release
    whose dateline is of that other province too is left alone. The build
    and `invoke check` say the same lines."""
    from conftest import FINDING_LINE, build_and_check, line_of

    site = FixtureSite(tmp_path)
    lead = "Bawaslu menggelar rapat koordinasi pengawasan tahapan pilkada bersama jajaran."
    cases = {
        "ketik.md": ("17.71", f"PALEMBANG – {lead}"),
        "tanpa.md": ("17.71", lead),
        "jambi.md": ("15.71", f"JAMBI – {lead}"),
    }
    for name, (region, body) in cases.items():
        slug = name.removesuffix(".md")
        site.article(
            name,
            article_text(
                title=f"Bawaslu Gelar Rapat Koordinasi Pengawasan Wilayah {slug.title()}",
                slug=f"wilayah-{slug}",
                region=region,
                body=body,
            ),
        )
    built, checked = build_and_check(site)

    def about_regions(log: str) -> list[tuple]:
        found = []
        for raw in log.splitlines():
            match = FINDING_LINE.match(raw.strip())
            if match and match["path"] and "Region:" in match["rest"]:
                path = match["path"].rsplit("/", 1)[-1]
                found.append((path, int(match["line"] or 0), match["level"], match["rest"]))
        return sorted(found)

    line = line_of(site.content / "berita/ketik.md", "Region:")
    expected = [
        (
            "ketik.md",
            line,
            "warning",
            "Region: names Kota Bengkulu (17.71) in Bengkulu, outside Sumatera Selatan, but the "
            "dateline's 'PALEMBANG' places the release in Kota Palembang (16.71) (write 'Region: "
            "Kota Palembang' (or no Region: line: the text gives it), unless the release is "
            "about the region written)",
        ),
        (
            "tanpa.md",
            line,
            "suggestion",
            "Region: names Kota Bengkulu (17.71) in Bengkulu, outside Sumatera Selatan, and the "
            "text names no place (if you meant Kota Palembang (16.71) of Sumatera Selatan, write "
            "its code; if the release is about the region written, nothing to do)",
        ),
    ]
    assert built.returncode == 0, built.log
    assert about_regions(built.log) == expected, built.log
    assert about_regions(checked.stdout) == expected, checked.stdout
    # The region written is still the one the release is filed under.
    items = {i["url"].rstrip("/").rsplit("/", 1)[-1]: i for i in built.json("feed.json")["items"]}
    assert [r["code"] for r in items["wilayah-ketik"]["_warta"]["regions"]] == ["17.71"]
