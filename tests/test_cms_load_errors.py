"""When /admin/ cannot load its configuration, staff read one Indonesian line.

The page said "Ruang redaksi tidak dapat dimuat (Unexpected token '<',
"<!doctype "... is not valid JSON)" or "(Failed to fetch)": the browser's
English in the middle of the staff's sentence. Now it says what failed, in
Indonesian, and what to do; the browser's words go to the console.
"""

from __future__ import annotations

import pytest

from conftest import served_newsroom

pytestmark = pytest.mark.browser

AFTER = ". Muat ulang halaman; bila tetap begini, hubungi pengelola situs."


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    with served_newsroom(tmp_path_factory.mktemp("cms-load")) as (site, base):
        yield site.output / "admin", f"{base}/admin/"


@pytest.mark.parametrize(
    ("config", "why"),
    [
        (None, "berkas pengaturannya (config.json) tidak ditemukan di server (HTTP 404)"),
        (
            "<!doctype html><title>Masuk</title>",
            "berkas pengaturannya (config.json) rusak atau bukan JSON",
        ),
        ('{"cms": {}}', "berkas pengaturannya (config.json) tidak lengkap"),
    ],
    ids=["missing", "html", "incomplete"],
)
def test_a_configuration_that_does_not_load_is_one_indonesian_line(browser, served, config, why):
    folder, url = served
    target = folder / "config.json"
    kept = target.read_bytes()
    try:
        if config is None:
            target.unlink()
        else:
            target.write_text(config, encoding="utf-8")
        context = browser.new_context()
        try:
            page = context.new_page()
            page.goto(url)
            alert = page.get_by_role("alert")
            alert.wait_for()
            assert [a.text_content() for a in alert.all()] == [
                f"Ruang redaksi tidak dapat dimuat: {why}{AFTER}"
            ]
        finally:
            context.close()
    finally:
        target.write_bytes(kept)
