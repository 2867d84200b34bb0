"""Search on /cari/ in Debian's Chromium: a fixture site indexed by Pagefind,
served on 127.0.0.1, queried through theme/static/js/search.js. Its articles
span 2022–2024, so the index comes in three yearly bundles merged by the page."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from test_gates_browser import PageWatch

from conftest import REPO, FixtureSite, serving

pytestmark = pytest.mark.browser

SEARCH_META_INCLUDE = '{% include "partials/search_meta.html" ignore missing %}'
PLUGINS = ["enrichment", "regions", "images", "search"]


def theme_with_search_meta(folder: Path) -> Path:
    """The project's theme, with the search_meta include inside <article> until
    article.html carries it itself (then the theme is used as it is)."""
    theme = REPO / "theme"
    article = (theme / "templates" / "article.html").read_text(encoding="utf-8")
    if "partials/search_meta.html" in article:
        return theme
    copy = folder / "theme"
    shutil.copytree(theme, copy)
    head, tail = article.rsplit("</article>", 1)
    patched = f"{head}  {SEARCH_META_INCLUDE}\n</article>{tail}"
    (copy / "templates" / "article.html").write_text(patched, encoding="utf-8")
    return copy


@pytest.fixture(scope="module")
def search_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("search")
    site = FixtureSite(root)
    shutil.copytree(REPO / "content" / "extra", site.content / "extra")  # favicon, robots.txt
    site.article(
        "a.md",
        slug="patroli-kemiling",
        title="Bawaslu Kota Palembang Gelar Patroli Pengawasan di Kemiling",
        date="2024-11-20 09:00",
        category="Berita",
        wilayah="Sako (Kota Palembang)",  # a kecamatan: filtered under its kota too
        body="PALEMBANG – Bawaslu Kota Palembang menggelar patroli pengawasan "
        "masa tenang bersama jajaran kecamatan. Petugas menertibkan alat peraga.",
    )
    site.article(
        "b.md",
        slug="rakor-lahat",
        title="Bawaslu Kabupaten Lahat Rapat Koordinasi Pengawasan Kampanye",
        date="2023-06-14 10:00",
        category="Siaran Pers",
        wilayah="Kabupaten Lahat",
        body="LAHAT – Bawaslu Kabupaten Lahat menggelar rapat koordinasi pengawasan "
        "bersama partai politik tentang jadwal kampanye.",
    )
    site.article(
        "c.md",
        slug="sosialisasi-prabumulih",
        title="Bawaslu Kota Prabumulih Sosialisasi Pengawasan Partisipatif",
        date="2024-02-03 13:00",
        category="Berita",
        wilayah="Kota Prabumulih",
        body="PRABUMULIH – Bawaslu Kota Prabumulih mengajak pemilih pemula ikut "
        "pengawasan partisipatif dengan melaporkan dugaan pelanggaran.",
    )
    site.article(  # a second 2023 page: bundles' own sort scores would interleave years
        "e.md",
        slug="bimtek-ogan-ilir",
        title="Bawaslu Kabupaten Ogan Ilir Bimbingan Teknis Panwascam",
        date="2023-01-10 09:00",
        category="Berita",
        wilayah="Kabupaten Ogan Ilir",
        body="INDRALAYA – Bawaslu Kabupaten Ogan Ilir memberi bimbingan teknis "
        "kepada anggota panitia kecamatan tentang tata cara penanganan laporan.",
    )
    site.article(  # the only article of the oldest bundle; its wilayah is nowhere else
        "d.md",
        slug="rekrutmen-muara-enim",
        title="Bawaslu Kabupaten Muara Enim Buka Rekrutmen Panwascam",
        date="2022-10-05 08:00",
        category="Pengumuman",
        wilayah="Kabupaten Muara Enim",
        body="MUARA ENIM – Bawaslu Kabupaten Muara Enim membuka rekrutmen anggota "
        "panitia kecamatan. Berkas pendaftaran diterima di sekretariat.",
    )
    # a bundle of an earlier build, for a year without articles now: must go
    stale = site.output / "pagefind" / "2019" / "pagefind.js"
    stale.parent.mkdir(parents=True)
    stale.write_text("", encoding="utf-8")
    yield from served_index(site.build(PLUGINS=PLUGINS, THEME=str(theme_with_search_meta(root))))


def served_index(built):
    """For a module's site fixture: its build, which wrote Pagefind's index,
    served on 127.0.0.1; yields (the build, the base URL)."""
    assert built.returncode == 0, built.log
    assert (built.output / "pagefind" / "bundles.json").is_file(), built.log
    with serving(built.output) as base:
        yield built, base


def phone_tab(browser, served):
    """For a `tab` fixture: a watched tab 390 px wide on a served site
    ((the build, the base URL), as served_index yields it)."""
    _, base = served
    context = browser.new_context(viewport={"width": 390, "height": 900})
    yield PageWatch(context, base)
    context.close()


@pytest.fixture
def tab(browser, search_site):
    yield from phone_tab(browser, search_site)


def results(tab) -> list[str]:
    """Result links (site paths) once the status line has spoken."""
    tab.page.wait_for_function(
        "!['', 'Mencari…'].includes(document.querySelector('[data-search-status]').textContent)"
    )
    tab.page.wait_for_function("!document.querySelector('[data-search-results]').ariaBusy")
    links = tab.page.locator(".search-result__title a")
    return [urlsplit(href).path for href in links.evaluate_all("els => els.map(a => a.href)")]


def test_index_holds_article_pages_only_with_their_filters(search_site):
    built, _ = search_site
    page = built.html("berita/2024/11/patroli-kemiling/")
    meta = page.select_one("article .search-meta[hidden]")
    assert meta is not None
    filters = {span["data-pagefind-filter"] for span in meta.select("[data-pagefind-filter]")}
    assert {"wilayah:Kota Palembang", "rubrik:Berita", "tahun:2024"} <= filters
    # A kecamatan's release: its kecamatan, kota and province, each as its
    # region page names it (it had `wilayah:Sako` alone).
    regions = [f for f in sorted(filters) if f.startswith("wilayah:")]
    assert regions == [
        "wilayah:Kecamatan Sako",
        "wilayah:Kota Palembang",
        "wilayah:Provinsi Sumatera Selatan",
    ]


def test_one_bundle_per_year_listed_newest_first_without_stale_ones(search_site):
    built, _ = search_site
    assert built.json("pagefind/bundles.json") == {"bundles": ["2024/", "2023/", "2022/"]}
    bundles = sorted(p.name for p in (built.output / "pagefind").iterdir() if p.is_dir())
    assert bundles == ["2022", "2023", "2024"]
    for year in bundles:
        assert (built.output / "pagefind" / year / "pagefind.js").is_file()
    search = built.html("cari/").select_one("[data-search]")
    assert search["data-search-bundles"] == "/pagefind/bundles.json"


def test_a_query_finds_articles_of_every_year_together(tab):
    problems = tab.visit("/cari/?q=bawaslu")
    found = results(tab)
    assert sorted(found) == [
        "/berita/2022/10/rekrutmen-muara-enim/",
        "/berita/2023/01/bimtek-ogan-ilir/",
        "/berita/2023/06/rakor-lahat/",
        "/berita/2024/02/sosialisasi-prabumulih/",
        "/berita/2024/11/patroli-kemiling/",
    ]
    assert tab.page.get_by_role("status").inner_text() == "5 hasil untuk “bawaslu”"
    assert problems == []


def test_a_filter_value_only_in_the_oldest_bundle_is_offered_and_works(tab):
    tab.visit("/cari/?q=bawaslu")
    results(tab)
    region = tab.page.get_by_label("Wilayah")
    values = region.locator("option").evaluate_all("os => os.map(o => o.value)")
    assert values == [
        "",
        "Kabupaten Lahat",
        "Kabupaten Muara Enim",
        "Kabupaten Ogan Ilir",
        "Kecamatan Sako",
        "Kota Palembang",
        "Kota Prabumulih",
        "Provinsi Sumatera Selatan",
    ]
    years = (
        tab.page.get_by_label("Tahun").locator("option").evaluate_all("os => os.map(o => o.value)")
    )
    assert years == ["", "2024", "2023", "2022"]
    region.select_option("Kabupaten Muara Enim")
    tab.page.wait_for_function(
        "document.querySelector('[data-search-status]').textContent.includes('Muara Enim')"
    )
    assert results(tab) == ["/berita/2022/10/rekrutmen-muara-enim/"]
    assert parse_qs(urlsplit(tab.page.url).query) == {
        "q": ["bawaslu"],
        "wilayah": ["Kabupaten Muara Enim"],
    }


def test_filters_alone_list_the_news_of_all_years_newest_first(tab):
    tab.visit("/cari/?tag=Pilkada+Serentak+2024")
    assert results(tab) == [
        "/berita/2024/11/patroli-kemiling/",
        "/berita/2024/02/sosialisasi-prabumulih/",
        "/berita/2023/06/rakor-lahat/",
        "/berita/2023/01/bimtek-ogan-ilir/",
        "/berita/2022/10/rekrutmen-muara-enim/",
    ]


def test_a_word_from_one_article_finds_it_and_q_prefills(tab):
    problems = tab.visit("/cari/?q=menertibkan")
    assert results(tab) == ["/berita/2024/11/patroli-kemiling/"]
    assert tab.page.locator("#search-q").input_value() == "menertibkan"
    status = tab.page.get_by_role("status")
    assert status.inner_text() == "1 hasil untuk “menertibkan”"
    excerpt = tab.page.locator(".search-result__excerpt mark")
    assert excerpt.first.inner_text().lower().startswith("menertibkan")
    assert problems == []


def test_a_filter_narrows_the_results_and_follows_in_the_url(tab):
    tab.visit("/cari/?q=pengawasan")
    assert len(results(tab)) == 3
    year = tab.page.get_by_label("Tahun")
    options = year.locator("option").all_inner_texts()
    assert options[0] == "Semua tahun" and options[1].startswith("2024")
    year.select_option("2024")
    tab.page.wait_for_function(
        "document.querySelector('[data-search-status]').textContent.includes('Tahun: 2024')"
    )
    assert sorted(results(tab)) == [
        "/berita/2024/02/sosialisasi-prabumulih/",
        "/berita/2024/11/patroli-kemiling/",
    ]
    assert parse_qs(urlsplit(tab.page.url).query) == {"q": ["pengawasan"], "tahun": ["2024"]}


def test_filter_counts_are_the_results_not_the_whole_site(tab):
    """The menus kept the whole site's counts: "Kota Palembang (8)" offered
    beside 4 results, and a region with none of them still offered."""
    tab.visit("/cari/?q=pengawasan")
    assert len(results(tab)) == 3
    region = tab.page.get_by_label("Wilayah")
    labels = region.locator("option").all_inner_texts()[1:]
    assert labels == [
        "Kabupaten Lahat (1)",
        "Kabupaten Muara Enim (0)",
        "Kabupaten Ogan Ilir (0)",
        "Kecamatan Sako (1)",
        "Kota Palembang (1)",
        "Kota Prabumulih (1)",
        "Provinsi Sumatera Selatan (3)",
    ]
    years = tab.page.get_by_label("Tahun").locator("option").all_inner_texts()[1:]
    assert years == ["2024 (2)", "2023 (1)", "2022 (0)"]


def test_region_and_rubrik_filters_from_the_url(tab):
    # The kecamatan's release is found under its kota and its province.
    tab.visit("/cari/?q=pengawasan&wilayah=Kota+Palembang")
    assert results(tab) == ["/berita/2024/11/patroli-kemiling/"]
    assert tab.page.get_by_label("Wilayah").input_value() == "Kota Palembang"
    tab.visit("/cari/?q=pengawasan&wilayah=Provinsi+Sumatera+Selatan")
    assert len(results(tab)) == 3
    tab.visit("/cari/?rubrik=Siaran+Pers")  # filters alone list the matching news
    assert results(tab) == ["/berita/2023/06/rakor-lahat/"]


def test_pagefind_loads_only_once_the_search_box_is_used(tab):
    """Opened without a search in its URL, the page fetches no Pagefind file (its
    scripts and WebAssembly outweigh the page); focusing the box loads them and
    fills the filters, and what is typed is searched."""
    requested = []
    tab.page.on("request", lambda request: requested.append(urlsplit(request.url).path))

    def pagefind_paths() -> list[str]:
        return [path for path in requested if path.startswith("/pagefind/")]

    tab.page.goto(tab.base + "/cari/", wait_until="networkidle")
    assert pagefind_paths() == []
    assert tab.page.locator("[data-search-filters]").is_hidden()

    with tab.page.expect_request(lambda request: request.url.endswith("/pagefind.js")):
        tab.page.locator("#search-q").focus()
    tab.page.locator("[data-search-filters]").wait_for(state="visible")
    assert "/pagefind/bundles.json" in pagefind_paths()
    tab.page.locator("#search-q").press_sequentially("menertibkan")
    assert results(tab) == ["/berita/2024/11/patroli-kemiling/"]
    assert parse_qs(urlsplit(tab.page.url).query) == {"q": ["menertibkan"]}
    assert tab.events == []


def test_typing_without_focus_event_still_searches(tab):
    """Text put into the box by other means than a focus (autofill, a script) is
    searched too: input alone loads Pagefind."""
    tab.visit("/cari/")
    tab.page.evaluate(
        "() => { const q = document.querySelector('#search-q'); q.value = 'rekrutmen';"
        " q.dispatchEvent(new Event('input')); }"
    )
    assert results(tab) == ["/berita/2022/10/rekrutmen-muara-enim/"]


def test_excerpts_quote_the_news_not_the_region_line(tab):
    """The article's region line (Wilayah: Sumatera Selatan › …) is not indexed:
    an excerpt near the top of an article starts with its title and text."""
    tab.visit("/cari/?q=patroli")
    assert results(tab) == ["/berita/2024/11/patroli-kemiling/"]
    excerpt = tab.page.locator(".search-result__excerpt").inner_text()
    assert "patroli" in excerpt.lower()
    assert "Wilayah" not in excerpt and "Sumatera Selatan" not in excerpt, excerpt


def test_no_result_is_said_in_the_live_region(tab):
    tab.visit("/cari/?q=zzzzkata")
    assert results(tab) == []
    status = tab.page.get_by_role("status").inner_text()
    assert status.startswith("Tidak ada hasil untuk “zzzzkata”")


def test_a_slow_index_says_it_is_searching_and_counts_only_shown_results(tab):
    """On a slow network nothing was said for seconds while the index loaded,
    then the count appeared above a list still empty."""
    said = []

    def slow(route):
        time.sleep(0.4)
        route.continue_()

    tab.page.route("**/pagefind/**", slow)
    tab.page.expose_function("said", lambda text, shown: said.append((text, shown)))
    # Watched from the moment the status line is parsed, before search.js runs.
    tab.page.add_init_script(
        "new MutationObserver((_, watcher) => {"
        " const status = document.querySelector('[data-search-status]');"
        " if (!status) return;"
        " watcher.disconnect();"
        " new MutationObserver(() => window.said(status.textContent,"
        "  document.querySelectorAll('[data-search-results] li').length))"
        " .observe(status, {childList: true, characterData: true, subtree: true});"
        "}).observe(document, {childList: true, subtree: true});"
    )
    tab.visit("/cari/?q=pengawasan")
    assert results(tab)
    assert said[0] == ("Mencari…", 0), said
    counted = [(text, shown) for text, shown in said if "hasil" in text]
    assert counted and all(shown > 0 for _, shown in counted), said


def test_the_older_bundles_load_together_not_one_after_another(tab):
    """On a slow network (2 s a round trip) the yearly bundles merged one after
    another added a round trip each before the first result. Both older
    bundles' entries are asked for before either is answered."""
    held = []

    def hold(route):
        held.append(route)

    tab.page.route(re.compile(r"/pagefind/(2022|2023)/pagefind-entry\.json(\?|$)"), hold)
    tab.page.goto(tab.base + "/cari/?q=pengawasan")
    deadline = time.monotonic() + 10
    while len(held) < 2 and time.monotonic() < deadline:
        tab.page.wait_for_timeout(100)
    asked = sorted(urlsplit(route.request.url).path for route in held)
    for route in held:
        route.continue_()
    assert asked == ["/pagefind/2022/pagefind-entry.json", "/pagefind/2023/pagefind-entry.json"]
    assert results(tab)
    assert tab.events == []


def test_without_javascript_the_search_page_says_why_on_the_first_screen(browser, search_site):
    _, base = search_site
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.goto(base + "/cari/?q=coklit")
        notice = page.locator(".search__noscript")
        assert notice.inner_text().startswith("Pencarian membutuhkan JavaScript")
        box = notice.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 740, box
        assert notice.get_by_role("link", name="arsip").is_visible()
        # No blank screen kept for results that cannot come: the footer
        # follows (it was about 700 px further down, below an empty band).
        footer = page.locator(".site-footer").bounding_box()
        assert footer["y"] - (box["y"] + box["height"]) < 100, (box, footer)
    finally:
        context.close()


def test_header_form_falls_back_to_cari_without_javascript(browser, search_site):
    _, base = search_site
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base + "/")
        page.locator(".site-header #site-search-q").fill("patroli")
        with page.expect_navigation():
            page.locator(".site-header #site-search-q").press("Enter")
        url = urlsplit(page.url)
        assert url.path == "/cari/"
        assert parse_qs(url.query) == {"q": ["patroli"]}
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_cari_with_results_passes_axe_without_errors_or_foreign_requests(
    browser, search_site, scheme
):
    _, base = search_site
    for width in (390, 1366):
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        try:
            tab = PageWatch(context, base)
            problems = tab.visit("/cari/?q=pengawasan")
            assert len(results(tab)) == 3
            problems += tab.overflow() + tab.axe() + tab.events
            assert problems == [], f"{scheme} @{width}px: {problems}"
        finally:
            context.close()
