"""Gate: the permanent public URLs (issue #2, item 5) are written as …/index.html,
pages link to them, and the public build takes SITEURL from publishconf.py."""

from __future__ import annotations

import pytest

from conftest import REPO

ARTICLE = "berita/2024/11/rapat-koordinasi-pengawasan/"
OTHER = "berita/2024/11/patroli-pengawasan-masa-tenang/"


@pytest.fixture
def two_article_site(site):
    site.article(
        "rapat.md",
        title="Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan",
        slug="rapat-koordinasi-pengawasan",
        date="2024-11-17 09:30",
        tags="Pilkada Serentak 2024",
    )
    site.article(
        "patroli.md",
        title="Bawaslu Kota Palembang Patroli Pengawasan Masa Tenang",
        slug="patroli-pengawasan-masa-tenang",
        date="2024-11-24 20:00",
        tags="Pilkada Serentak 2024",
    )
    site.page("tentang.md", "Title: Tentang Kami\nSlug: tentang-kami\n\nTentang Bawaslu.\n")
    return site


def test_every_permanent_url_pattern_is_a_folder_with_index_html(two_article_site):
    built = two_article_site.build(DEFAULT_PAGINATION=1)
    assert built.returncode == 0, built.log
    expected = [
        ARTICLE,
        OTHER,
        "tentang-kami/",
        "rubrik/berita/",
        "rubrik/",
        "tag/pilkada-serentak-2024/",
        "tag/",
        "penulis/humas-bawaslu-kota-palembang/",
        "penulis/",
        "arsip/",
        "arsip/2024/",
        "arsip/2024/11/",
        "cari/",
        # pagination (one article per page here)
        "halaman/2/",
        "rubrik/berita/halaman/2/",
        "tag/pilkada-serentak-2024/halaman/2/",
        "penulis/humas-bawaslu-kota-palembang/halaman/2/",
        "arsip/2024/11/halaman/2/",
    ]
    missing = [url for url in expected if not (built.output / url / "index.html").is_file()]
    assert not missing, f"not written: {missing}\nfiles: {built.files()}"
    for name in ("feed.xml", "404.html", "index.html"):
        assert (built.output / name).is_file(), name
    # Nothing is written as a bare .html page except the 404 and the home page.
    stray = [
        name
        for name in built.files()
        if name.endswith(".html")
        and not name.endswith("/index.html")
        and name not in ("index.html", "404.html")
    ]
    assert not stray, stray


def test_pages_link_to_the_permanent_urls(two_article_site):
    built = two_article_site.build(DEFAULT_PAGINATION=1)
    assert built.returncode == 0, built.log
    home = built.html("")
    card_links = {a["href"] for a in home.select("main a[href]")}
    assert f"/{OTHER}" in card_links  # newest first on page 1
    assert "/halaman/2/" in card_links
    article = built.html(ARTICLE)
    hrefs = {a["href"] for a in article.select("a[href]")}
    assert "/rubrik/berita/" in hrefs
    assert "/tag/pilkada-serentak-2024/" in hrefs
    assert "/penulis/humas-bawaslu-kota-palembang/" in hrefs
    assert "/arsip/" in hrefs
    assert article.select_one("form[role=search]")["action"] == "/cari/"


def test_the_public_build_takes_siteurl_from_publishconf(two_article_site, monkeypatch):
    from warta.build import load_settings

    monkeypatch.delenv("WARTA_SITEURL", raising=False)
    siteurl = load_settings(REPO / "publishconf.py")["SITEURL"]
    assert siteurl.startswith("https://")
    built = two_article_site.build(publish=True)
    assert built.returncode == 0, built.log
    canonical = built.html(ARTICLE).select_one("link[rel=canonical]")["href"]
    assert canonical == f"{siteurl}/{ARTICLE}"


def test_warta_siteurl_overrides_the_public_address(two_article_site, monkeypatch):
    monkeypatch.setenv("WARTA_SITEURL", "https://bawaslu-sumsel.example.net/warta/")
    built = two_article_site.build(publish=True)
    assert built.returncode == 0, built.log
    article = built.html(ARTICLE)
    expected = f"https://bawaslu-sumsel.example.net/warta/{ARTICLE}"
    assert article.select_one("link[rel=canonical]")["href"] == expected
    assert article.select_one("meta[property='og:url']")["content"] == expected
    from lxml import etree

    feed = etree.parse(str(built.output / "feed.xml")).getroot()
    self_link = feed.find("{http://www.w3.org/2005/Atom}link[@rel='self']").get("href")
    assert self_link == "https://bawaslu-sumsel.example.net/warta/feed.xml"


def test_warta_siteurl_copied_with_a_newline_is_the_address(monkeypatch):
    """A secret pasted with its line break put "\\n" into every link Pelican wrote."""
    from warta.build import load_settings

    monkeypatch.setenv("WARTA_SITEURL", "  https://bawaslu-sumsel.example.net/warta/\n")
    settings = load_settings(REPO / "publishconf.py")
    assert settings["SITEURL"] == "https://bawaslu-sumsel.example.net/warta"
    assert settings["FEED_DOMAIN"] == settings["SITEURL"]
