"""plugins/url_cache: frozen URLs change nothing in the site."""

from __future__ import annotations

from conftest import REPO, FixtureSite, assert_same_tree, newsroom, run_build


def settings_plugins() -> list[str]:
    namespace: dict = {"__file__": str(REPO / "pelicanconf.py")}
    exec((REPO / "pelicanconf.py").read_text(encoding="utf-8"), namespace)
    return list(namespace["PLUGINS"])


def test_site_with_frozen_urls_equals_site_without(site: FixtureSite, tmp_path):
    newsroom(site)
    site.page("draf.md", "Title: Catatan Internal\nSlug: catatan\nStatus: hidden\n\nTersembunyi.\n")
    plugins = settings_plugins()
    assert "url_cache" in plugins
    with_cache = site.build(SEARCH_ENABLED=False)
    assert with_cache.returncode == 0, with_cache.log
    without = run_build(
        site.content,
        tmp_path / "without" / "output",
        cache=tmp_path / "without" / "cache",
        overrides={
            "SEARCH_ENABLED": False,
            "PLUGINS": [name for name in plugins if name != "url_cache"],
        },
    )
    assert without.returncode == 0, without.log
    assert_same_tree(with_cache.output, without.output)
    # The pages really link to the frozen URLs.
    links = {a["href"] for a in with_cache.html("").select("main a[href]")}
    assert any(href.endswith("/berita/2024/10/rilis-6/") for href in links), links
