"""plugins/url_cache: frozen URLs change nothing in the site."""

from __future__ import annotations

from conftest import FixtureSite, assert_same_tree, build_without, newsroom, shipped_plugins


def test_site_with_frozen_urls_equals_site_without(site: FixtureSite, tmp_path):
    newsroom(site)
    site.page("draf.md", "Title: Catatan Internal\nSlug: catatan\nStatus: hidden\n\nTersembunyi.\n")
    assert "url_cache" in shipped_plugins()
    with_cache = site.build(SEARCH_ENABLED=False)
    assert with_cache.returncode == 0, with_cache.log
    without = build_without(site, tmp_path, "url_cache")
    assert without.returncode == 0, without.log
    assert_same_tree(with_cache.output, without.output)
    # The pages really link to the frozen URLs.
    links = {a["href"] for a in with_cache.html("").select("main a[href]")}
    assert any(href.endswith("/berita/2024/10/rilis-6/") for href in links), links
