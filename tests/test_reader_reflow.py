"""Reflow for readers who enlarge the text (WCAG 1.4.10, 1.4.12), in Debian's
Chromium: every page kind of the sample site and of a small site of awkward
releases (a long quoted title, a long URL, a wide table, the longest
kecamatan and kabupaten names of Sumatera Selatan, a photo, pagination)
keeps the screen's width at 320 CSS px (400 % zoom of a 1280 px window),
with the browser's text size set to "very large" (24 px), and with the
text-spacing override of 1.4.12 (no text cut off either).
"""

from __future__ import annotations

import pytest
from PIL import Image
from test_gates_browser import OVERFLOW_JS

import gates
from conftest import FixtureSite, serving

pytestmark = pytest.mark.browser

# WCAG 1.4.12's values, forced on every element.
TEXT_SPACING = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important;"
    " word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"
)
# Text an element hides past its own box (overflow other than visible, auto
# or scroll): what a reader with more spacing would lose.
CLIPPED_JS = """() => [...document.querySelectorAll('body *')].filter((el) => {
  if (el.closest('.visually-hidden')) return false;
  const style = getComputedStyle(el);
  const hides = (value) => !['visible', 'auto', 'scroll'].includes(value);
  return (hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1)
      || (hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1);
}).map((el) => el.tagName.toLowerCase() + '.' + el.className + ' '
      + JSON.stringify(el.textContent.trim().slice(0, 40)))"""

LONG_URL = (
    "https://jdih.bawaslu.go.id/peraturan/detail/peraturan-badan-pengawas-pemilihan-umum"
    "-nomor-8-tahun-2020-tentang-pengawasan-kampanye-pemilihan"
)
AWKWARD_BODY = f"""\
MUARADUA – Bawaslu Kabupaten Ogan Komering Ulu Selatan mengawasi kampanye di
Kecamatan Buay Pematang Ribu Ranau Tengah.

Aturan lengkap: {LONG_URL}

Tautan: [{LONG_URL}]({LONG_URL})

| Kecamatan | Jumlah TPS | Pemilih Baru | Pemilih Tidak Memenuhi Syarat | Keterangan Pengawasan |
|---|---|---|---|---|
| Buay Pematang Ribu Ranau Tengah | 312 | 1.204 | 876 | Pengawasan melekat di seluruh desa |
"""


@pytest.fixture(scope="module")
def awkward_site(tmp_path_factory):
    """A small site of the releases that stretch a layout, built and served."""
    site = FixtureSite(tmp_path_factory.mktemp("awkward"))
    (site.content / "images" / "2024").mkdir(parents=True)
    Image.new("RGB", (1600, 1000), (90, 120, 160)).save(site.content / "images/2024/foto.jpg")
    site.article(
        "panjang.md",
        slug="kutipan-panjang",
        title='Ketua Bawaslu: "Awasi Kampanye di Kecamatan Buay Pematang Ribu Ranau Tengah"'
        " Jelang Pemungutan Suara Pilkada Serentak 2024 di OKU Selatan",
        author="Humas Bawaslu Kabupaten Ogan Komering Ulu Selatan",
        tags="Pilkada Serentak 2024, Kampanye",
        image="images/2024/foto.jpg",
        image_alt="Peserta rapat pengawasan kampanye",
        image_caption="Rapat pengawasan di Kecamatan Buay Pematang Ribu Ranau Tengah.",
        image_credit="Foto: Humas Bawaslu Kabupaten Ogan Komering Ulu Selatan",
        wilayah="Buay Pematang Ribu Ranau Tengah",
        body=AWKWARD_BODY,
    )
    for number in range(12):  # more than one page of every listing
        site.article(
            f"pali-{number}.md",
            slug=f"pali-{number}",
            title=f"Bawaslu Kabupaten Penukal Abab Lematang Ilir Awasi Tahapan Ke-{number}",
            date=f"2024-10-{number + 1:02d} 10:00",
            author="Humas Bawaslu Kabupaten Penukal Abab Lematang Ilir",
            body=f"TALANG UBI – Bawaslu Kabupaten Penukal Abab Lematang Ilir mengawasi "
            f"tahapan ke-{number}.",
        )
    site.page("privasi.md", "Title: Kebijakan Privasi\nSlug: kebijakan-privasi\n\nData.\n")
    site.page("kontak.md", "Title: Kontak\nSlug: kontak\n\nHubungi kami.\n")
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    with serving(built.output) as base:
        yield built, base


def page_kinds(output):
    return {p: page for p, page in gates.page_kinds(output).items() if not p.startswith("admin")}


def narrow_problems(browser, base, kinds, condition) -> list[str]:
    """Every page kind at 320 CSS px under one condition: what scrolls sideways
    (and, with text spacing, what is cut off)."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    problems = []
    try:
        tab = context.new_page()
        if condition == "very large text":
            # Chromium's own setting (Settings › Appearance › Font size): rem
            # and the rem media queries grow with it, as on a reader's phone.
            session = context.new_cdp_session(tab)
            session.send("Page.enable")
            session.send("Page.setFontSizes", {"fontSizes": {"standard": 24, "fixed": 20}})
        for pattern, page in kinds.items():
            tab.goto(base + page.url, wait_until="load")
            if condition == "text spacing":
                tab.add_style_tag(content=TEXT_SPACING)
                clipped = tab.evaluate(CLIPPED_JS)
                problems += [f"{page.url}: text cut off: {', '.join(clipped[:4])}"] * bool(clipped)
            result = tab.evaluate(OVERFLOW_JS)
            if result["scrollWidth"] > result["width"]:
                problems.append(
                    f"{page.url} [{pattern}]: scrollWidth {result['scrollWidth']} > 320"
                    f" ({', '.join(result['wide'][:3])})"
                )
    finally:
        context.close()
    return problems


CONDITIONS = ["400 % zoom", "very large text", "text spacing"]


@pytest.mark.parametrize("condition", CONDITIONS)
def test_every_page_kind_of_the_sample_reflows_at_320_px(
    browser, served_site, sample_site, condition
):
    """With the browser's text at 24 px, every page scrolled sideways on a
    320 px phone: the footer's columns (and the region grid, rubrik blocks,
    previous/next, search filters) were at least 14–16 rem wide and the
    stage dates' terms 11 rem."""
    problems = narrow_problems(browser, served_site, page_kinds(sample_site.output), condition)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("condition", CONDITIONS)
def test_every_page_kind_of_awkward_releases_reflows_at_320_px(browser, awkward_site, condition):
    built, base = awkward_site
    kinds = page_kinds(built.output)
    assert {"berita/*/*/*/", "wilayah/*/*/*/", "tag/*/halaman/*/", "*/"} <= set(kinds), kinds
    problems = narrow_problems(browser, base, kinds, condition)
    assert not problems, "\n".join(problems)


def test_very_large_text_still_shows_the_phone_layout_with_one_column(browser, served_site):
    """The condition is real: at 24 px the rem media queries see a phone, and
    the footer's columns stack."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    try:
        tab = context.new_page()
        session = context.new_cdp_session(tab)
        session.send("Page.enable")
        session.send("Page.setFontSizes", {"fontSizes": {"standard": 24, "fixed": 20}})
        tab.goto(served_site + "/", wait_until="load")
        root = tab.evaluate("getComputedStyle(document.documentElement).fontSize")
        columns = tab.evaluate(
            "getComputedStyle(document.querySelector('.site-footer__grid'))"
            ".gridTemplateColumns.split(' ').length"
        )
    finally:
        context.close()
    assert root == "24px"
    assert columns == 1


# Each word of an element's text, and on how many lines it is drawn.
WORD_LINES_JS = """(selector) => {
  const text = document.querySelector(selector).firstChild;
  const words = [];
  for (const match of text.data.matchAll(/\\S+/g)) {
    const range = document.createRange();
    range.setStart(text, match.index);
    range.setEnd(text, match.index + match[0].length);
    const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
    words.push([match[0], tops.size]);
  }
  return words;
}"""


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("text_size", [16, 20, 24])
def test_the_sites_name_breaks_between_words_whatever_the_text_size(
    browser, served_site, width, text_size
):
    """On a 320 px phone with the browser's text at 24 px the site's name in
    the header was squeezed to one letter a line (W/a/r/t/a …), at 20 px cut
    inside its words (Baw/aslu, Sumater/a), beside the search link and the
    menu. The name keeps its words whole; the links wrap below it."""
    context = browser.new_context(viewport={"width": width, "height": 640})
    try:
        tab = context.new_page()
        session = context.new_cdp_session(tab)
        session.send("Page.enable")
        session.send("Page.setFontSizes", {"fontSizes": {"standard": text_size, "fixed": 13}})
        tab.goto(served_site + "/", wait_until="load")
        words = tab.evaluate(WORD_LINES_JS, ".site-brand__name")
        overflow = tab.evaluate(OVERFLOW_JS)
        toggle = tab.locator(".site-menu summary")
        visible = toggle.is_visible() and tab.locator(".site-header__search-link").is_visible()
    finally:
        context.close()
    assert [word for word, lines in words if lines > 1] == [], words
    assert overflow["scrollWidth"] <= overflow["width"], overflow
    assert visible


# The words of every card title drawn over more than one line.
BROKEN_TITLE_WORDS_JS = """() => [...document.querySelectorAll('.card__title a')]
.flatMap((link) => {
  const text = link.firstChild;
  return [...text.data.matchAll(/\\S+/g)].filter((match) => {
    const range = document.createRange();
    range.setStart(text, match.index);
    range.setEnd(text, match.index + match[0].length);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
  }).map((match) => match[0]);
})"""


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("text_size", [16, 20, 24])
def test_listing_titles_beside_a_photo_break_between_words(
    browser, served_site, sample_site, width, text_size
):
    """With very large text a listing's 7rem thumbnail took most of a phone's
    width and the title beside it broke inside its words (Bawa/slu Kota
    Pale/mbang). Where a title has no room beside it, the photo goes above."""
    listings = ["", "rubrik/berita/", "wilayah/sumatera-selatan/"]
    context = browser.new_context(viewport={"width": width, "height": 640})
    broken = {}
    try:
        tab = context.new_page()
        session = context.new_cdp_session(tab)
        session.send("Page.enable")
        session.send("Page.setFontSizes", {"fontSizes": {"standard": text_size, "fixed": 13}})
        for listing in listings:
            assert sample_site.html(listing).select(".card--photo .card__title")
            tab.goto(f"{served_site}/{listing}", wait_until="load")
            words = tab.evaluate(BROKEN_TITLE_WORDS_JS)
            if words:
                broken[f"/{listing}"] = words[:6]
    finally:
        context.close()
    assert broken == {}
