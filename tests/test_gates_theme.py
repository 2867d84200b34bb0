"""Gate: theme requirements checked on the parsed HTML and CSS of built sites
(issue #2, item 6): lang="id", skip link, labelled landmarks, one h1 per page,
Indonesian dates, no third-party resources or web fonts, light and dark schemes,
a print stylesheet, article text readable without JavaScript."""

from __future__ import annotations

import re

import pytest

import gates

FOCUSABLE_TAGS = {"button", "select", "textarea", "iframe", "summary"}


def is_focusable(element) -> bool:
    if not isinstance(element.tag, str) or element.get("disabled") is not None:
        return False
    tabindex = element.get("tabindex")
    if tabindex is not None:
        try:
            return int(tabindex) >= 0
        except ValueError:
            return False
    if element.tag in ("a", "area"):
        return element.get("href") is not None
    if element.tag == "input":
        return (element.get("type") or "").lower() != "hidden"
    if element.tag in ("audio", "video"):
        return element.get("controls") is not None
    return element.tag in FOCUSABLE_TAGS


# The newsroom CMS (/admin/) is Decap's single-page application, not a page of
# the theme: it has no site header, footer, skip link or <h1> of ours (README,
# "Accessibility" under the CMS). Its own gates are in tests/test_cms_*.py.
NOT_THEME_PAGES = ("/admin/",)


def each_page(output, check) -> list[str]:
    problems = []
    for page in gates.html_pages(output):
        if page.url.startswith(NOT_THEME_PAGES):
            continue
        problems += [f"{page.url}: {problem}" for problem in check(page.tree)]
    return problems


def test_the_sample_site_has_the_expected_page_kinds(sample_site):
    kinds = gates.page_kinds(sample_site.output)
    for pattern in (
        "/",
        "/cari/",
        "/404.html",
        "berita/*/*/*/",
        "*/",
        "rubrik/",
        "rubrik/*/",
        "tag/",
        "tag/*/",
        "penulis/",
        "penulis/*/",
        "arsip/",
        "arsip/*/",
        "arsip/*/*/",
    ):
        assert pattern in kinds, f"no page of kind {pattern}; kinds: {sorted(kinds)}"
    article = kinds["berita/*/*/*/"].tree
    assert article.xpath("//figure//img"), "the representative article should show a photo"


@pytest.mark.parametrize(
    ("url", "pattern"),
    [
        ("/berita/2024/11/rapat-koordinasi/", "berita/*/*/*/"),
        ("/rubrik/siaran-pers/halaman/3/", "rubrik/*/halaman/*/"),
        ("/halaman/2/", "halaman/*/"),
        ("/kontak/", "*/"),
        ("/cari/", "/cari/"),
        ("/wilayah/1671/", "wilayah/*/"),
        ("/404.html", "/404.html"),
    ],
)
def test_page_kinds_abstract_slugs_and_numbers(url, pattern):
    sections = {"berita", "rubrik", "halaman", "wilayah"}
    assert gates.url_pattern(url, sections) == pattern


def test_every_page_declares_indonesian(sample_site):
    def check(tree):
        if tree.get("lang") != "id":
            yield f"<html lang={tree.get('lang')!r}>, expected 'id'"

    problems = each_page(sample_site.output, check)
    assert not problems, gates.summarize(problems)


def test_the_skip_link_is_the_first_focusable_element_and_targets_main(sample_site):
    def check(tree):
        mains = tree.xpath("//main")
        if len(mains) != 1:
            yield f"{len(mains)} <main> elements"
        elif mains[0].get("id") != "main-content":
            yield f"<main id={mains[0].get('id')!r}>, expected 'main-content'"
        first = next((e for e in tree.xpath("//body//*") if is_focusable(e)), None)
        if first is None:
            yield "nothing focusable"
        elif first.tag != "a" or first.get("href") != "#main-content":
            yield f"first focusable element is {gates.describe(first)}, not the skip link"
        elif not " ".join(first.text_content().split()):
            yield "the skip link has no text"

    problems = each_page(sample_site.output, check)
    assert not problems, gates.summarize(problems)


def test_landmarks_are_labelled_and_each_page_has_one_h1(sample_site):
    def check(tree):
        labels = []
        for nav in tree.xpath("//nav"):
            label = nav.get("aria-label")
            if not label and nav.get("aria-labelledby"):
                ref = tree.xpath(f"//*[@id='{nav.get('aria-labelledby')}']")
                label = ref[0].text_content().strip() if ref else None
            if not label:
                yield f"unlabelled {gates.describe(nav)[:60]}"
            labels.append(label)
        duplicates = {label for label in labels if label and labels.count(label) > 1}
        if duplicates:
            yield f"several <nav> share the label(s) {sorted(duplicates)}"
        for tag in ("header", "footer"):
            banners = [e for e in tree.xpath(f"//{tag}") if not e.xpath("ancestor::main")]
            banners = [e for e in banners if not e.xpath("ancestor::article|ancestor::section")]
            if len(banners) != 1:
                yield f"{len(banners)} page-level <{tag}> elements"
        h1 = tree.xpath("//h1")
        if len(h1) != 1:
            yield f"{len(h1)} <h1> elements"
        elif not " ".join(h1[0].text_content().split()):
            yield "empty <h1>"

    problems = each_page(sample_site.output, check)
    assert not problems, gates.summarize(problems)


def test_no_page_loads_a_stylesheet_script_or_font_from_another_host(sample_site):
    def check(tree):
        for element in tree.xpath("//link[@href]|//script[@src]"):
            url = element.get("href") or element.get("src")
            rel = (element.get("rel") or "").split()
            if element.tag == "link" and not {"stylesheet", "preload", "modulepreload"} & set(rel):
                continue
            if re.match(r"^(?:[a-z]+:)?//", url, re.IGNORECASE):
                yield f"third-party resource {url!r}"

    problems = each_page(sample_site.output, check)
    assert not problems, gates.summarize(problems)


def css_without_comments(output) -> dict[str, str]:
    return {
        str(path.relative_to(output)): re.sub(
            r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S
        )
        for path in sorted(output.rglob("*.css"))
    }


def media_blocks(css: str, condition: str) -> list[str]:
    """Bodies of `@media …condition… { … }` blocks (braces balanced)."""
    blocks = []
    for match in re.finditer(r"@media[^{]*" + condition + r"[^{]*\{", css):
        depth, start = 1, match.end()
        position = start
        while depth and position < len(css):
            depth += {"{": 1, "}": -1}.get(css[position], 0)
            position += 1
        blocks.append(css[start : position - 1])
    return blocks


def test_css_has_no_web_fonts_or_remote_resources(sample_site):
    stylesheets = css_without_comments(sample_site.output)
    assert stylesheets, "no CSS written"
    for name, css in stylesheets.items():
        assert "@font-face" not in css, f"{name}: web fonts are not allowed"
        remote = re.findall(r"(?:url\(|@import)\s*['\"]?((?:https?:)?//[^'\")\s]+)", css)
        assert not remote, f"{name}: remote resources {remote}"


def test_css_has_a_dark_scheme_and_a_print_stylesheet(sample_site):
    css = css_without_comments(sample_site.output)["theme/css/warta.css"]
    dark = "".join(media_blocks(css, r"prefers-color-scheme:\s*dark"))
    for variable in ("--w-bg", "--w-text", "--w-link"):
        assert re.search(variable + r"\s*:", dark), f"the dark scheme does not set {variable}"
    assert re.search(r"color-scheme:\s*light\s+dark", css)
    printed = "".join(media_blocks(css, r"\bprint\b"))
    hides_nav = re.search(r"\.site-nav\b[^{}]*\{[^}]*display:\s*none", printed)
    assert hides_nav, "the print stylesheet should hide the navigation"


@pytest.fixture(scope="module")
def dated_article(tmp_path_factory):
    from conftest import FixtureSite

    fixture = FixtureSite(tmp_path_factory.mktemp("dated"))
    fixture.article(
        "rapat.md",
        title="Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan",
        slug="rapat-koordinasi-pengawasan",
        date="2024-11-17 09:30",
        body="""
        PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan
        menjelang hari pemungutan suara Pilkada Serentak 2024.

        Rapat dihadiri para pengawas kecamatan se-Kota Palembang.
        """,
    )
    built = fixture.build()
    assert built.returncode == 0, built.log
    return built.html("berita/2024/11/rapat-koordinasi-pengawasan/")


def test_article_dates_are_indonesian_with_wib_time(dated_article):
    time = dated_article.select_one("article header time")
    assert time is not None, "the article header has no <time>"
    assert time["datetime"] == "2024-11-17T09:30:00+07:00"
    text = " ".join(time.get_text().split())
    assert "Minggu, 17 November 2024" in text
    assert "09.30 WIB" in text


def test_article_text_is_in_the_html_without_javascript(dated_article):
    body = dated_article.select_one("main article")
    assert body is not None
    text = " ".join(body.get_text().split())
    assert "menggelar rapat koordinasi pengawasan menjelang hari pemungutan suara" in text
    assert "Rapat dihadiri para pengawas kecamatan se-Kota Palembang." in text
    paragraph = body.find(
        "p", string=lambda t: t and "pengawas kecamatan se-Kota Palembang" in " ".join(t.split())
    )
    assert paragraph is not None
    hidden = [
        element.name
        for element in [paragraph, *paragraph.parents]
        if element.has_attr("hidden") or "display:none" in element.get("style", "").replace(" ", "")
    ]
    assert not hidden, f"the article text sits in a hidden element: {hidden}"


def test_a_date_written_without_a_time_shows_the_day_only(tmp_path):
    """`Date: 2024-11-20` is midnight to Pelican; the page said "00.00 WIB", as
    if the release went out at midnight."""
    from conftest import FixtureSite

    fixture = FixtureSite(tmp_path)
    fixture.article("hari.md", slug="hanya-tanggal", date="2024-11-20")
    built = fixture.build()
    assert built.returncode == 0, built.log
    time = built.html("berita/2024/11/hanya-tanggal/").select_one("article header time")
    assert " ".join(time.get_text().split()) == "Rabu, 20 November 2024"
    assert time["datetime"].startswith("2024-11-20")


def test_a_footnotes_links_speak_the_sites_language(tmp_path):
    """The footnotes' back link said "Jump back to footnote 1 in the text" (its
    title, a tooltip and the name a screen reader reads) on a lang="id" page."""
    from conftest import FixtureSite

    fixture = FixtureSite(tmp_path)
    fixture.article(
        "catatan.md",
        slug="catatan-kaki",
        body="""
        PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan[^1]
        bersama panitia pengawas kecamatan[^2].

        [^1]: Rapat digelar di aula kantor.
        [^2]: Sebanyak 18 panitia pengawas kecamatan.
        """,
    )
    built = fixture.build()
    assert built.returncode == 0, built.log
    body = built.html("berita/2024/11/catatan-kaki/").select_one(".article__body")
    backlinks = body.select("a.footnote-backref")
    assert [a.get("title") for a in backlinks] == [
        "Kembali ke catatan kaki 1 di dalam teks",
        "Kembali ke catatan kaki 2 di dalam teks",
    ]
    assert [a.get_text() for a in body.select("a.footnote-ref")] == ["1", "2"]
    assert not [
        (tag.name, name)
        for tag in body.select(".footnote, .footnote *, a.footnote-ref")
        for name in ("title", "aria-label")
        if tag.get(name) and re.search(r"\b(?:footnote|jump|back|text)\b", tag[name], re.I)
    ]
