"""An article on paper (print media in Debian's Chromium): its rubrik, title,
date, regions, photo with caption and credit, body, and the address where it
is read; none of the site's navigation, sharing, comments or lists."""

from __future__ import annotations

import pytest

import gates
from conftest import serving

pytestmark = pytest.mark.browser

ON_PAPER = (
    "main h1",
    ".article__meta time",
    ".article__regions",
    ".article__figure img",
    ".article__figure figcaption",
    ".article__body",
    ".article__print-url",
)
NOT_ON_PAPER = (
    ".site-nav",
    ".site-menu",
    ".site-footer",
    ".skip-link",
    ".breadcrumbs",
    ".share",
    ".comments",
    ".related",
    ".prev-next",
    ".article-aside",
)
VISIBLE_JS = """(selector) => [...document.querySelectorAll(selector)].some((el) => {
  const box = el.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
})"""


def an_article_with_photo_and_regions(sample_site) -> str:
    for path in sorted(sample_site.output.glob("berita/*/*/*/index.html"), reverse=True):
        relative = path.parent.relative_to(sample_site.output).as_posix() + "/"
        page = sample_site.html(relative)
        if page.select_one(".article__figure figcaption") and page.select_one(".article__regions"):
            return relative
    raise AssertionError("no article of the sample has a captioned photo and regions")


def test_a_printed_article_says_where_it_is_read_and_leaves_the_site_chrome_out(
    browser, served_site, sample_site, published_site
):
    """On paper (or a PDF saved without the browser's header lines) an
    article did not say where it came from: the public address now follows
    its header there, and only there."""
    relative = an_article_with_photo_and_regions(sample_site)
    [canonical] = [
        link["href"] for link in published_site.html(relative).select("link[rel=canonical]")
    ]
    context = browser.new_context(viewport={"width": 800, "height": 1000})
    try:
        tab = context.new_page()
        tab.goto(f"{served_site}/{relative}", wait_until="load")
        on_screen = tab.evaluate(VISIBLE_JS, ".article__print-url")
        tab.emulate_media(media="print")
        shown = {selector: tab.evaluate(VISIBLE_JS, selector) for selector in ON_PAPER}
        hidden = {selector: tab.evaluate(VISIBLE_JS, selector) for selector in NOT_ON_PAPER}
        address = tab.evaluate("document.querySelector('.article__print-url')?.innerText ?? ''")
    finally:
        context.close()
    assert [selector for selector, visible in shown.items() if not visible] == []
    assert [selector for selector, visible in hidden.items() if visible] == []
    assert address.split() == ["Alamat", "berita:", canonical]
    assert not on_screen, "the address is for paper only"
    # Not searched or read as part of the release.
    url = sample_site.html(relative).select_one(".article__print-url")
    assert url.has_attr("data-pagefind-ignore")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_kind_prints_with_readable_contrast_in_either_scheme(
    browser, served_site, sample_site, scheme
):
    """Printed from a phone or computer in the dark scheme, a page kept the
    dark scheme's colours on white paper: the date, byline and captions pale
    grey (#a9b6c2), the rubrik salmon, the tags black on near-black. Paper
    takes the light scheme's colours whatever the reader's scheme."""
    kinds = gates.page_kinds(sample_site.output)
    context = browser.new_context(viewport={"width": 800, "height": 1000})
    context.add_init_script(path=str(gates.AXE_JS))
    problems = []
    try:
        tab = context.new_page()
        for pattern, page in kinds.items():
            if pattern.startswith("admin"):
                continue
            tab.goto(served_site + page.url, wait_until="load")
            tab.emulate_media(media="print", color_scheme=scheme)
            result = tab.evaluate(
                "() => axe.run(document,"
                " {runOnly: ['color-contrast'], resultTypes: ['violations']})"
            )
            for violation in result["violations"]:
                targets = [" ".join(node["target"]) for node in violation["nodes"][:4]]
                problems.append(f"{page.url}: {len(violation['nodes'])} × contrast: {targets}")
    finally:
        context.close()
    assert not problems, "\n".join(problems)


WIDE_TABLE = """\
PALEMBANG – Bawaslu Kota Palembang merekap hasil pengawasan pemungutan suara.

| Kecamatan | Jumlah TPS | DPT Laki-laki | DPT Perempuan | Jumlah DPT | Suara Sah \
| Suara Tidak Sah | Partisipasi Pemilih | Keterangan Pengawasan |
|---|---|---|---|---|---|---|---|---|
| Buay Pematang Ribu Ranau Tengah | 312 | 12.204 | 12.876 | 25.080 | 19.876 | 1.204 \
| 84,05% | Pengawasan melekat di seluruh desa |
"""


# Paper less Chromium's default margins (10 mm a side), in CSS px: A4 190 mm, A5 128 mm.
PAPER = {"A4": 718, "A5": 484}


@pytest.mark.parametrize("paper", sorted(PAPER))
def test_a_wide_table_prints_whole_on_a4_and_a5(browser, site, paper):
    """A table of nine columns scrolls in its own box on a screen; on paper
    nothing scrolls, and the columns past the page's width (from 'Suara Tidak
    Sah' on) were cut off; on A5 it still ran about 50 px past the page. On
    paper the table narrows to the page, its numbers whole: no screen gutter
    inside the paper's margins, tighter cells, and smaller type on small paper."""
    site.article("rekap.md", slug="rekap", tags="", body=WIDE_TABLE)
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    with serving(built.output) as base:
        fit = printed_fit(browser, base, PAPER[paper])
    assert fit["hidden"] <= 0 and fit["past"] <= 1 and fit["page"] <= 0, fit
    # (a number is never broken over two lines)
    assert fit["cells"][1:8] == ["312", "12.204", "12.876", "25.080", "19.876", "1.204", "84,05%"]


def printed_fit(browser, base: str, width: int) -> dict:
    """How the wide table of the release 'rekap' fits a page `width` wide, printed."""
    context = browser.new_context(viewport={"width": width, "height": 1000})
    try:
        tab = context.new_page()
        tab.goto(base + "/berita/2024/11/rekap/", wait_until="load")
        tab.emulate_media(media="print")
        fit = tab.evaluate(
            """() => { const box = document.querySelector('.table-scroll');
            const table = box.querySelector('table');
            const body = document.querySelector('.article__body').getBoundingClientRect();
            return {hidden: box.scrollWidth - box.clientWidth,
                    past: table.getBoundingClientRect().right - body.right,
                    page: document.documentElement.scrollWidth - innerWidth,
                    cells: [...table.querySelectorAll('td')].map((td) => td.innerText)}; }"""
        )
    finally:
        context.close()
    return fit
