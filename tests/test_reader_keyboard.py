"""A reader with a keyboard only, in Debian's Chromium: on every page kind of
the sample site each Tab stop shows a focus indicator, lies on the screen
and is not hidden under another element (WCAG 2.4.7, 2.4.11), in the light
scheme on a phone and the dark one on a desk; the phone's menu opens with
Enter and its links come next."""

from __future__ import annotations

import pytest

import gates

pytestmark = pytest.mark.browser

FOCUSED_JS = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  // The first line of a wrapped link: the middle of its box may be another's.
  const rects = el.getClientRects();
  const first = rects.length ? rects[0] : box;
  const x = Math.min(Math.max(first.left + first.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(first.top + first.height / 2, 0), innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  return {
    tag: el.tagName.toLowerCase(), href: el.getAttribute('href'),
    text: (el.innerText || el.value || '').trim().slice(0, 40),
    indicator: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
      || style.boxShadow !== 'none',
    onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight
      && box.right > 0 && box.left < innerWidth,
    covered: !(hit && (hit === el || el.contains(hit) || hit.contains(el))),
  };
}"""


def tab_problems(tab, url: str, limit: int = 150) -> tuple[list[str], int]:
    """Tab through a page: the stops that fail, and how many stops it has."""
    problems, seen = [], []
    for _ in range(limit):
        tab.keyboard.press("Tab")
        stop = tab.evaluate(FOCUSED_JS)
        if stop["tag"] == "body":
            break
        key = (stop["tag"], stop["href"], stop["text"])
        if seen and key == seen[0]:
            break
        seen.append(key)
        wrong = [
            name
            for name, bad in [
                ("no focus indicator", not stop["indicator"]),
                ("off the screen", not stop["onScreen"]),
                ("under another element", stop["onScreen"] and stop["covered"]),
            ]
            if bad
        ]
        if wrong:
            problems.append(
                f"{url}: Tab stop {len(seen)} <{stop['tag']}> {stop['text']!r}: {wrong}"
            )
    return problems, len(seen)


@pytest.mark.parametrize(
    ("width", "scheme"), [(390, "light"), (1366, "dark")], ids=["phone", "desk-dark"]
)
def test_every_tab_stop_shows_its_focus_on_the_screen(
    browser, served_site, sample_site, width, scheme
):
    kinds = {p: page for p, page in gates.page_kinds(sample_site.output).items()}
    kinds = {p: page for p, page in kinds.items() if not p.startswith("admin")}
    context = browser.new_context(viewport={"width": width, "height": 700}, color_scheme=scheme)
    problems, stops = [], 0
    try:
        tab = context.new_page()
        for page in kinds.values():
            tab.goto(served_site + page.url, wait_until="load")
            found, count = tab_problems(tab, page.url)
            problems += found
            stops += count
    finally:
        context.close()
    assert not problems, "\n".join(problems)
    assert stops > 10 * len(kinds), stops


def test_the_phone_menu_opens_from_the_keyboard(browser, served_site):
    context = browser.new_context(viewport={"width": 390, "height": 700})
    try:
        tab = context.new_page()
        tab.goto(served_site + "/", wait_until="load")
        order = []
        for _ in range(6):
            tab.keyboard.press("Tab")
            order.append(
                tab.evaluate("document.activeElement.className || document.activeElement.tagName")
            )
            if "site-menu__toggle" in order[-1]:
                break
        assert order[0] == "skip-link", order
        assert order[-1] == "site-menu__toggle", order
        tab.keyboard.press("Enter")
        tab.keyboard.press("Tab")
        first = tab.evaluate("document.activeElement.textContent.trim()")
        inside = tab.evaluate("!!document.activeElement.closest('.site-nav')")
    finally:
        context.close()
    assert (first, inside) == ("Beranda", True)
