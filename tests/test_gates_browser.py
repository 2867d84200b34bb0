"""Gate: the built sample site in a real browser (issue #2, item 7).

Debian's Chromium through Playwright, over the sample site served on 127.0.0.1.
One representative of every page kind (discovered from the output, so kinds that
plugins add later are covered) at 390 px and 1366 px: zero axe-core violations
(WCAG 2.2 AA rules), no console errors, no failed requests, no horizontal
overflow, and no request to any host but the local server.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

import gates

pytestmark = pytest.mark.browser

WIDTHS = (390, 1366)
HEIGHT = 900
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": gates.AXE_TAGS}, "resultTypes": ["violations"]}

OVERFLOW_JS = """() => {
  const width = window.innerWidth;
  const wide = [];
  if (document.documentElement.scrollWidth > width) {
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.right > width + 1 && box.width > 0) {
        const classes = typeof el.className === 'string' ? el.className.trim() : '';
        wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
          (classes ? '.' + classes.split(/\\s+/).join('.') : '') +
          ' (right ' + Math.round(box.right) + 'px)');
      }
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5)};
}"""


class PageWatch:
    """One browser tab that records console errors, failed and foreign requests."""

    def __init__(self, context, base: str) -> None:
        # axe-core from node_modules in every document: as fast as a script tag
        # added after each load is slow (about 0.5 s a page).
        context.add_init_script(path=str(gates.AXE_JS))
        self.page = context.new_page()
        self.host = urlsplit(base).netloc
        self.base = base
        self.events: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.events.append(f"page error: {error}"))
        self.page.on("request", self._request)
        self.page.on("response", self._response)
        self.page.on("requestfailed", self._failed)

    def _console(self, message) -> None:
        if message.type == "error":
            location = message.location or {}
            self.events.append(f"console error: {message.text} ({location.get('url', '')})")

    def _request(self, request) -> None:
        url = urlsplit(request.url)
        if url.scheme in ("data", "blob", "about"):
            return
        if url.netloc != self.host:
            self.events.append(f"request to another host: {request.url}")

    def _response(self, response) -> None:
        if response.status >= 400 and urlsplit(response.url).netloc == self.host:
            self.events.append(f"HTTP {response.status} for {response.url}")

    def _failed(self, request) -> None:
        # ERR_ABORTED: the next navigation cancelled a late request (the favicon).
        if urlsplit(request.url).netloc == self.host and "ERR_ABORTED" not in str(request.failure):
            self.events.append(f"request failed: {request.url} ({request.failure})")

    def visit(self, url: str) -> list[str]:
        """Open a site URL; return the problems the page caused while loading."""
        self.events = []
        self.page.goto(self.base + url, wait_until="load")
        return self.events

    def axe(self) -> list[str]:
        result = self.page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
        problems = []
        for violation in result["violations"]:
            targets = [json.dumps(node["target"]) for node in violation["nodes"][:4]]
            more = len(violation["nodes"]) - len(targets)
            problems.append(
                f"axe {violation['id']} ({violation['impact']}): {violation['help']} — "
                f"{', '.join(targets)}{f' and {more} more' if more > 0 else ''}"
            )
        return problems

    def overflow(self) -> list[str]:
        result = self.page.evaluate(OVERFLOW_JS)
        if result["scrollWidth"] > result["width"]:
            return [
                f"horizontal overflow: scrollWidth {result['scrollWidth']} > {result['width']}"
                f" ({', '.join(result['wide'])})"
            ]
        return []


@pytest.fixture(scope="module")
def kinds(sample_site):
    return gates.page_kinds(sample_site.output)


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_kind_passes_axe_without_errors_overflow_or_foreign_requests(
    browser, served_site, kinds, width
):
    context = browser.new_context(viewport={"width": width, "height": HEIGHT})
    try:
        tab = PageWatch(context, served_site)
        problems = []
        for pattern, page in kinds.items():
            found = tab.visit(page.url)
            found += tab.overflow()
            found += tab.axe()
            problems += [f"{page.url} [{pattern}] @{width}px: {p}" for p in found]
    finally:
        context.close()
    assert not problems, f"{len(problems)} problem(s) on {len(kinds)} page kinds:\n" + "\n".join(
        problems
    )


def test_dark_scheme_passes_axe_contrast_on_every_page_kind(browser, served_site, kinds):
    context = browser.new_context(viewport={"width": 390, "height": HEIGHT}, color_scheme="dark")
    try:
        tab = PageWatch(context, served_site)
        problems = []
        for pattern, page in kinds.items():
            found = tab.visit(page.url) + tab.axe()
            problems += [f"{page.url} [{pattern}] dark: {p}" for p in found]
        tab.visit("/")
        background = tab.page.evaluate("getComputedStyle(document.body).backgroundColor")
    finally:
        context.close()
    assert not problems, "\n".join(problems)
    channels = [int(c) for c in background[background.index("(") + 1 : -1].split(",")[:3]]
    assert max(channels) < 80, f"the dark scheme keeps a light background: {background}"


@pytest.mark.parametrize("kind", ["/", "berita/*/*/*/"])
def test_home_and_article_fit_a_320_px_screen(browser, served_site, kinds, kind):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    try:
        tab = PageWatch(context, served_site)
        problems = tab.visit(kinds[kind].url) + tab.overflow()
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_the_article_is_readable_with_javascript_disabled(browser, served_site, kinds):
    article = kinds["berita/*/*/*/"]
    expected = " ".join(article.tree.xpath("//main//article//p")[-1].text_content().split())
    context = browser.new_context(
        viewport={"width": 390, "height": HEIGHT}, java_script_enabled=False
    )
    try:
        page = context.new_page()
        page.goto(served_site + article.url, wait_until="load")
        title = page.locator("main h1")
        body = page.locator("main article")
        assert title.is_visible() and title.inner_text().strip()
        assert body.first.is_visible()
        text = " ".join(body.first.inner_text().split())
    finally:
        context.close()
    assert expected[:80] in text


def test_the_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(browser, served_site, kinds):
    context = browser.new_context(viewport={"width": 1366, "height": HEIGHT})
    try:
        page = context.new_page()
        page.goto(served_site + kinds["berita/*/*/*/"].url, wait_until="load")
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const el = document.activeElement; const box = el.getBoundingClientRect();"
            " return {href: el.getAttribute('href'), top: box.top, bottom: box.bottom,"
            " text: el.textContent.trim()}; }"
        )
        assert focused["href"] == "#main-content", focused
        assert focused["top"] >= 0 and focused["bottom"] <= HEIGHT, f"not visible: {focused}"
        page.keyboard.press("Enter")
        active = page.evaluate("() => document.activeElement.id")
        assert active == "main-content"
    finally:
        context.close()


def test_print_media_hides_the_chrome_and_keeps_the_article(browser, served_site, kinds):
    context = browser.new_context(viewport={"width": 1366, "height": HEIGHT})
    try:
        page = context.new_page()
        page.goto(served_site + kinds["berita/*/*/*/"].url, wait_until="load")
        page.emulate_media(media="print")
        assert not page.locator(".site-nav").is_visible()
        assert not page.locator("form[role=search]").is_visible()
        assert page.locator("main article h1").is_visible()
        assert page.locator(".article__body").is_visible()
    finally:
        context.close()


def test_the_browser_gate_detects_each_kind_of_problem(browser, tmp_path):
    """The gate itself can fail: a bad page trips every check."""
    from conftest import serving

    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="id"><head><title>x</title></head><body>'
        '<p style="color:#bbb;background:#fff">teks pucat</p>'
        '<img src="/tidak-ada.png">'
        '<img src="http://example.invalid/luar.png" alt="luar">'
        '<div style="width:2000px">lebar</div>'
        "<script>console.error('rusak'); undefinedFunction();</script>"
        "</body></html>",
        encoding="utf-8",
    )
    with serving(tmp_path) as base:
        context = browser.new_context(viewport={"width": 390, "height": HEIGHT})
        try:
            tab = PageWatch(context, base)
            events = tab.visit("/")
            overflow = tab.overflow()
            violations = tab.axe()
        finally:
            context.close()
    text = "\n".join(events + overflow + violations)
    assert "console error: rusak" in text
    assert "page error:" in text and "undefinedFunction" in text
    assert "HTTP 404" in text and "tidak-ada.png" in text
    assert "request to another host: http://example.invalid/luar.png" in text
    assert overflow and "scrollWidth" in overflow[0]
    ids = {line.split()[1] for line in violations}
    assert {"color-contrast", "image-alt"} <= ids, violations


TABLE_BODY = """\
PALEMBANG – Bawaslu Kota Palembang merekap hasil pengawasan pemutakhiran data pemilih.

| Kecamatan | Jumlah TPS | Pemilih Baru | Pemilih Tidak Memenuhi Syarat | Keterangan Pengawasan |
|---|---|---|---|---|
| Ilir Barat Satu | 312 | 1.204 | 876 | Pengawasan melekat di seluruh kelurahan |
| Seberang Ulu Dua | 198 | 845 | 412 | Uji petik di tiga kelurahan |
| Sukarami | 401 | 2.310 | 1.022 | Koordinasi dengan PPK dan PPS setempat |

Rekapitulasi disampaikan kepada KPU Kota Palembang.
"""


def test_a_wide_table_scrolls_in_its_own_box_not_the_page(browser, tmp_path):
    """A Markdown table of five columns made the article page scroll sideways
    at 360 px (scrollWidth 588): the table now scrolls in a named region a
    keyboard reaches, and the page keeps the screen's width."""
    from conftest import FixtureSite, serving

    site = FixtureSite(tmp_path / "site")
    site.article("2024/tabel.md", slug="rekap-tabel", tags="", body=TABLE_BODY)
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    with serving(built.output) as base:
        context = browser.new_context(viewport={"width": 360, "height": 740})
        try:
            tab = PageWatch(context, base)
            tab.visit("/berita/2024/11/rekap-tabel/")  # (a fixture site has no favicon)
            problems = tab.overflow() + tab.axe()
            box = tab.page.evaluate(
                """() => { const t = document.querySelector('.article__body table');
                const box = t.parentElement;
                return {scrolls: box.scrollWidth > box.clientWidth, role: box.getAttribute('role'),
                        name: box.getAttribute('aria-label'), tabIndex: box.tabIndex}; }"""
            )
        finally:
            context.close()
    assert not problems, "\n".join(problems)
    assert box == {"scrolls": True, "role": "region", "name": "Tabel 1", "tabIndex": 0}
