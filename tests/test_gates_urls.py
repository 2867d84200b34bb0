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


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ("", "it is empty"),
        ("  \n", "it holds only spaces"),
        ("warta-sumsel.example.org", "it has no https:// in front"),
        ("warta-sumsel.example.org/warta/", "it has no https:// in front"),
        ("//warta-sumsel.example.org", "it has no https:// in front"),
        ("ftp://warta-sumsel.example.org", "'ftp://' is no web address's scheme"),
        ("https://", "it names no host (or a port that is no number)"),
        ("https://[warta/", "it is no web address"),
        ("https://warta-sumsel.example.org", None),
        (" https://bawaslu-sumsel.example.net/warta/\n", None),
        ("http://127.0.0.1:8000", None),
        # SITEURL starts every link, canonical address, feed and sitemap entry:
        # what would break them all is no address either.
        ("https://x.org/#frag", "it has a fragment ('#…'), which every link would end in"),
        ("https://x.org#", "it has a fragment ('#…'), which every link would end in"),
        ("https://x.org/?q=1", "it has a query ('?…'), which every link would carry"),
        ("https://x.org?", "it has a query ('?…'), which every link would carry"),
        (
            "https://x.org\nhttps://y.org",
            "it holds a space, a line break or another control character",
        ),
        (
            "https://x.org/path with space",
            "it holds a space, a line break or another control character",
        ),
        ("https://x.org/\t/", "it holds a space, a line break or another control character"),
        ('https://x.org/"><script>', "it holds '\"', which no web address has"),
        ("https://x.org/<b>", "it holds '<', which no web address has"),
        ("https://x.org/it's", 'it holds "\'", which no web address has'),
        ("https://x.org\\warta", "it holds '\\\\', which no web address has"),
        ("https://x.org/a%zz", "it holds a '%' that is no %XX escape"),
        ("https://-", "'-' is no host name (labels of letters, digits and inner hyphens)"),
        (
            "https://-x.org",
            "'-x.org' is no host name (labels of letters, digits and inner hyphens)",
        ),
        (
            "https://x-.org",
            "'x-.org' is no host name (labels of letters, digits and inner hyphens)",
        ),
        (
            "https://x..org",
            "'x..org' is no host name (labels of letters, digits and inner hyphens)",
        ),
        (
            "https://x_y.org",
            "'x_y.org' is no host name (labels of letters, digits and inner hyphens)",
        ),
        ("https://x.org:0", "its port (0) is not one of 1–65535"),
        ("https://x.org:65536/", "its port (65536) is not one of 1–65535"),
        ("https://x.org:abc/", "it names no host (or a port that is no number)"),
        ("https://admin@x.org", "it holds a user name ('…@' before the host)"),
        ("https://x.org:8443/warta/", None),
        ("https://warta-sumsel.example.org./", None),
        ("https://bawaslu.go.id/sumsel/siaran%20pers/", None),
        ("https://pemilu-sumsel.id/berita_(2024)/", None),
        ("https://xn--bcher-kva.example/", None),
        ("https://bücher.example/", None),
        ("https://[2001:db8::1]:8443/warta", None),
    ],
)
def test_a_public_address_is_a_full_web_address(written, problem):
    from warta.siteurl import address_problem

    assert address_problem(written) == problem


def test_warta_siteurl_unset_is_the_sample_address_and_set_must_be_a_full_one():
    from warta.siteurl import SiteUrlError, public_siteurl

    sample = "https://warta-sumsel.example.org"
    assert public_siteurl({}, sample) == sample
    assert (
        public_siteurl({"WARTA_SITEURL": " https://x.example/w/\n"}, sample)
        == "https://x.example/w"
    )
    with pytest.raises(SiteUrlError) as raised:
        public_siteurl({"WARTA_SITEURL": ""}, sample)
    finding = raised.value.finding
    assert (finding.path, finding.line, finding.level) == ("publishconf.py", None, "error")
    assert finding.message == "WARTA_SITEURL is not the public site's full address, it is empty: ''"
    assert finding.suggestion == (
        "set WARTA_SITEURL to a full https:// address, e.g. https://warta-sumsel.example.org"
    )
    assert raised.value.code == finding.text()  # what `pelican` prints as it stops


def test_a_warta_siteurl_of_two_lines_is_named_on_one_line():
    """A secret pasted twice: the value is named escaped, on the one line."""
    from warta.siteurl import SiteUrlError, public_siteurl

    written = "https://x.example\nhttps://y.example"
    with pytest.raises(SiteUrlError) as raised:
        public_siteurl({"WARTA_SITEURL": written}, "https://warta-sumsel.example.org")
    finding = raised.value.finding
    assert finding.message == (
        "WARTA_SITEURL is not the public site's full address, it holds a space, "
        "a line break or another control character: 'https://x.example\\x0ahttps://y.example'"
    )
    assert len(finding.text().splitlines()) == 1


@pytest.mark.parametrize(
    "written", ["", "   ", "warta-sumsel.example.org", "https://x.example/?utm=1"]
)
def test_the_public_build_stops_at_its_start_on_a_warta_siteurl_that_is_no_address(
    two_article_site, monkeypatch, written
):
    """A publishing job whose WARTA_SITEURL secret was missing (empty) or set
    without its scheme built the public site with rc 0: canonical `href="/"`,
    a sitemap of http://127.0.0.1:8000/, every link relative and broken."""
    monkeypatch.setenv("WARTA_SITEURL", written)
    built = two_article_site.build(publish=True)
    assert built.returncode == 1
    errors = built.findings("error")
    assert [(f.path, f.line) for f in errors] == [("publishconf.py", None)]
    assert errors[0].message.startswith("WARTA_SITEURL is not the public site's full address")
    # (the message and its suggestion, as the log line has them)
    assert f": '{written}' (set WARTA_SITEURL to a full https:// address" in errors[0].message
    assert not built.output.exists() or built.files() == []


def test_pelican_run_directly_stops_on_a_warta_siteurl_that_is_no_address(two_article_site):
    """`pelican -s publishconf.py` stops with the one line, no traceback."""
    import os
    import subprocess
    import sys

    from conftest import FINDING_LINE

    output = two_article_site.root / "pelican-output"
    env = {**os.environ, "WARTA_SITEURL": "warta-sumsel.example.org", "PYTHONPATH": str(REPO)}
    args = [sys.executable, "-m", "pelican", str(two_article_site.content)]
    args += ["-s", str(REPO / "publishconf.py"), "-o", str(output)]
    proc = subprocess.run(args, cwd=REPO, capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 1
    lines = (proc.stdout + proc.stderr).strip().splitlines()
    assert len(lines) == 1
    match = FINDING_LINE.match(lines[0])
    assert (match["path"], match["level"]) == ("publishconf.py", "error")
    assert "WARTA_SITEURL" in match["rest"] and "'warta-sumsel.example.org'" in match["rest"]
    assert not output.exists()
