"""The "Salin tautan" button of theme/static/js/share.js in Debian's Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import serving

SHARE_JS = Path(__file__).resolve().parents[1] / "theme" / "static" / "js" / "share.js"


@pytest.mark.browser
def test_copy_link_button_copies_the_canonical_url_and_announces_it(site, browser):
    site.article("a.md", slug="rakor")
    built = site.build(strict=True, PLUGINS=[])
    assert built.returncode == 0, built.log
    with serving(built.output) as base:
        context = browser.new_context()
        try:
            context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
            page = context.new_page()
            page.goto(f"{base}/berita/2024/11/rakor/")
            if page.locator("script[src$='js/share.js']").count() == 0:
                page.add_script_tag(path=str(SHARE_JS))  # until article.html loads it
            button = page.get_by_role("button", name="Salin tautan")
            assert button.count() == 1
            assert page.locator(".share__list li button.share__copy").count() == 1
            status = page.get_by_role("status")
            assert status.get_attribute("aria-live") == "polite"
            assert status.inner_text() == ""
            button.click()
            page.wait_for_function("document.querySelector('.share__status').textContent !== ''")
            assert status.inner_text() == "Tautan disalin"
            assert (
                page.evaluate("navigator.clipboard.readText()") == f"{base}/berita/2024/11/rakor/"
            )
        finally:
            context.close()
