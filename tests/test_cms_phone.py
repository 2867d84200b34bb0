"""The CMS's editor on a phone.

Decap's editor is at least 800 px wide: on a 390 px phone the page scrolled
sideways, the preview with the checks (what `invoke check` would say) sat
off to the right of the form, and the toolbar's buttons past the edge.
Now the form fits the screen, the preview follows below it, and the toolbar
scrolls by itself; on a laptop the two stay side by side.
Real Chromium against a real decap-server (tests/test_cms_browser.py).
"""

from __future__ import annotations

import pytest
from test_cms_browser import SAMPLE_PLAIN, newsroom, page

pytestmark = pytest.mark.browser
__all__ = ["newsroom", "page"]  # the fixtures


def layout(page) -> dict:
    return page.evaluate(
        """() => {
          const box = (el) => {
            const r = el.getBoundingClientRect();
            return [r.left, r.top, r.right, r.bottom];
          };
          const frame = document.querySelector('.SplitPane > .Pane2 iframe, .Pane2 iframe') ||
            document.querySelector('iframe');
          const form = document.querySelector('.SplitPane > .Pane1');
          const toolbar = document.querySelector('[class*="ToolbarContainer"]');
          return {
            width: innerWidth,
            scrollWidth: document.documentElement.scrollWidth,
            form: box(form),
            preview: box(frame),
            toolbarScrolls: toolbar.scrollWidth > toolbar.clientWidth &&
              getComputedStyle(toolbar).overflowX === 'auto',
          };
        }"""
    )


@pytest.mark.parametrize("width", [390, 1366])
def test_the_editor_fits_a_phone_and_a_laptop(page, newsroom, width):
    page.set_viewport_size({"width": width, "height": 844})
    entry = SAMPLE_PLAIN.removeprefix("content/berita/").removesuffix(".md")
    page.goto(f"{newsroom.base}/admin/#/collections/berita/entries/{entry}")
    page.get_by_label("Tanggal dan jam terbit (WIB)").wait_for()
    page.frame_locator("iframe").first.locator(".warta-cms-checks").wait_for()
    seen = layout(page)
    assert seen["scrollWidth"] <= seen["width"], seen
    form, preview = seen["form"], seen["preview"]
    if width < 800:
        # The form the screen's width, the preview below it, as wide.
        assert form[0] >= 0 and form[2] <= width, seen
        assert preview[1] >= form[3] - 1 and preview[2] - preview[0] >= width - 20, seen
        assert seen["toolbarScrolls"] or page.get_by_role("button", name="Simpan").is_visible()
    else:
        assert preview[0] >= form[2] - 1 and preview[1] < form[3], seen  # side by side
