"""Nothing leaks (issue 14): hostile text stays text in every output, and only
listed contents appear in listings, feeds, sitemaps and the search index.

One fixture site, written as an attacker (or a careless copy-paste) would:
titles, authors, tags and summaries with `<!--<script>`, `</script>`, `&` and
quotes; raw HTML in bodies; a hidden article; a draft and an embargoed
article that a published one links to. It is built once with the public
settings and once with the development settings, and every output is parsed.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from plugins.link_check.links import (
    Link,
    attribute_values,
    hrefs_in,
    link_line,
    links_in,
    remove_hrefs,
    remove_links,
)
from plugins.sanitize.clean import clean_html, is_safe_url, removal_lines
from tests.conftest import FixtureSite, article_text, line_of
from warta.jinja_filters import json_ld
from warta.paths import computer_file, host_of, is_local_host, local_address, site_address
from warta.source_checks import line_linking
from warta.text import plain_text

SITEURL = "https://warta.example.org"
NOW = "2024-11-17T12:00:00+07:00"
ATOM = "{http://www.w3.org/2005/Atom}"

HOSTILE_TITLE = 'Rapat <!--<script> Pengawasan & "Netralitas" </script> ASN Palembang'
HOSTILE_AUTHOR = "Humas <!--<script>alert(1)</script> Bawaslu"
HOSTILE_TAG = "Netralitas <!--<script>"
HOSTILE_SUMMARY = (
    '"Kutipan" & -- tanda <script>alert(1)</script><b onmouseover="alert(2)">tebal</b> '
    "rapat pengawasan netralitas ASN di Kota Palembang."
)
SUMMARY_TEXT = "“Kutipan” & – tanda tebal rapat pengawasan netralitas ASN di Kota Palembang."

HOSTILE_BODY = """\
PALEMBANG – Ketua Bawaslu Provinsi Sumatera Selatan Muhammad Rizal Effendi membuka rapat
Zqxpublicmarker. Lihat
[rilis draf]({filename}draf.md) dan [rilis embargo]({filename}embargo.md).

<script>alert("body")</script>

<p onclick="alert(3)">Paragraf dengan handler.</p>

<a href=" jav&#x61;script:alert(4)">tautan jahat</a>

<iframe src="https://evil.example/"></iframe>

<svg onload="alert(5)"><circle r="1"></circle></svg>

<p style="width:expression(alert(6))">gaya</p>

<!-- catatan redaksi: jangan terbitkan nomor HP narasumber -->

Paragraf penutup dengan kode `<script>` yang harus tampil sebagai teks.

Tautan Markdown [klik di sini](javascript:alert(7)) juga dibuang.
"""
# The source line of the hostile body's second line (front matter: 7 lines, a blank
# line, the body from line 9); the lines of the links and raw HTML count from it.
BODY_FIRST_LINE = 10


def write_site(root: Path) -> FixtureSite:
    site = FixtureSite(root)
    site.article(
        "pub.md",
        article_text(
            title=HOSTILE_TITLE,
            date="2024-11-17 09:30",
            slug="rapat-netralitas",
            author=HOSTILE_AUTHOR,
            tags=f"Pilkada Serentak 2024, {HOSTILE_TAG}",
            summary=HOSTILE_SUMMARY,
            body=HOSTILE_BODY,
        ),
    )
    site.article(
        "lain.md",
        title="Bawaslu Kota Palembang Awasi Distribusi Logistik Pilkada",
        date="2024-11-10 10:00",
        slug="distribusi-logistik",
        body="PALEMBANG – Bawaslu Kota Palembang mengawasi distribusi logistik pilkada.",
    )
    site.article(
        "hidden.md",
        title="Rilis Zqxhiddenmarker Hanya Lewat Tautan Langsung",
        date="2024-11-17 08:00",
        slug="rilis-tersembunyi",
        status="hidden",
        summary="Ringkasan Zqxhiddenmarker yang tidak boleh muncul di daftar mana pun.",
        body="PALEMBANG – Ketua Bawaslu Provinsi Sumatera Selatan Muhammad Rizal Effendi "
        "memimpin rapat tertutup Zqxhiddenmarker.",
    )
    site.article(
        "draf.md",
        title="Rilis Zqxdraftmarker Masih Draf Redaksi",
        date="2024-11-16 08:00",
        slug="draf-rahasia",
        status="draft",
        summary="Ringkasan Zqxdraftmarker yang belum boleh terbit di situs publik.",
        body="PALEMBANG – Bawaslu Kota Palembang Zqxdraftmarker menyiapkan rilis.",
    )
    site.article(
        "embargo.md",
        title="Rilis Zqxembargomarker Terbit Tahun Depan Saja",
        date="2099-01-01 08:00",
        slug="embargo-rahasia",
        summary="Ringkasan Zqxembargomarker yang baru boleh terbit pada tanggalnya.",
        body="PALEMBANG – Bawaslu Kota Palembang Zqxembargomarker menyiapkan rilis.",
    )
    site.page(
        "profil.md",
        f"Title: Profil {HOSTILE_TITLE}\nSlug: profil\nSummary: {HOSTILE_SUMMARY}\n\n"
        "Profil Bawaslu Kota Palembang.\n",
    )
    return site


# One article a page: the home page has a page 2 whose links lead back to page 1.
OVERRIDES = {"SEO_NOW": NOW, "OFFICIAL_TAGS_ALLOW_FREE": True, "DEFAULT_PAGINATION": 1}


@pytest.fixture(scope="module")
def public(tmp_path_factory):
    site = write_site(tmp_path_factory.mktemp("hostile-public"))
    built = site.build(publish=True, SITEURL=SITEURL, FEED_DOMAIN=SITEURL, **OVERRIDES)
    assert built.returncode == 0, built.log
    return built


@pytest.fixture(scope="module")
def development(tmp_path_factory):
    site = write_site(tmp_path_factory.mktemp("hostile-dev"))
    built = site.build(SEARCH_ENABLED=False, **OVERRIDES)
    assert built.returncode == 0, built.log
    return built


def html_files(built) -> list[Path]:
    return sorted(p for p in built.output.rglob("*.html") if "pagefind" not in p.parts)


def text_files(built) -> list[Path]:
    kinds = {".html", ".xml", ".json", ".txt", ".js"}
    return sorted(
        p for p in built.output.rglob("*") if p.suffix in kinds and "pagefind" not in p.parts
    )


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def warnings(built) -> list[str]:
    """Warning messages as `path:line: message`, in either log format of the runner."""
    found = []
    for line in built.log.splitlines():
        located = re.match(r"^(?:content/)?(\S+?:\d+): warning: (.*)$", line)
        plain = re.match(r"^warning: (?:content/)?(.*)$", line)
        if located:
            found.append(f"{located.group(1)}: {located.group(2)}")
        elif plain:
            found.append(plain.group(1))
    return found


def active_content(fragment: str) -> list[str]:
    """What in an HTML fragment could run: scripts and the like, on… attributes,
    javascript:/vbscript:/data: URLs outside images."""
    parsed = BeautifulSoup(fragment, "lxml")
    problems = [
        tag.name for tag in parsed.find_all(["script", "iframe", "object", "embed", "svg", "style"])
    ]
    for tag in parsed.find_all(True):
        for name, value in tag.attrs.items():
            if name.startswith("on"):
                problems.append(f"{tag.name} {name}")
            if name in ("href", "src", "action", "formaction") and not is_safe_url(
                str(value), tag=tag.name, attribute=name
            ):
                problems.append(f"{tag.name} {name}={value}")
            if name == "style" and "expression(" in str(value):
                problems.append(f"{tag.name} style")
    return problems


# ---- 3: JSON in HTML ----------------------------------------------------------


def test_every_json_ld_block_parses_and_contains_no_markup_characters(public):
    blocks = 0
    for path in html_files(public):
        page = soup(path)
        for script in page.find_all("script", type="application/ld+json"):
            raw = script.string or ""
            # No `<` at all: nothing can switch the HTML tokenizer out of the script.
            assert "<" not in raw and ">" not in raw and "&" not in raw, (path, raw[:200])
            json.loads(raw)
            blocks += 1
    assert blocks >= 10


def test_the_article_page_survives_a_hostile_title_author_and_tag(public):
    page = soup(public.output / "berita/2024/11/rapat-netralitas/index.html")
    assert page.find("h1").get_text(strip=True) == HOSTILE_TITLE
    assert page.find("main") is not None
    assert page.find("footer", class_="site-footer") is not None
    assert page.find("article", class_="article") is not None
    data = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
    article = next(d for d in data if d["@type"] == "NewsArticle")
    assert article["headline"] == HOSTILE_TITLE
    assert [a["name"] for a in article["author"]] == [HOSTILE_AUTHOR]
    assert HOSTILE_TAG in article["keywords"]
    assert article["description"] == SUMMARY_TEXT
    crumbs = next(d for d in data if d["@type"] == "BreadcrumbList")
    assert crumbs["itemListElement"][-1]["name"] == HOSTILE_TITLE
    # The page's own scripts are the theme's, nothing from the content.
    sources = [s.get("src", "") for s in page.find_all("script") if s.get("src")]
    assert all(src.startswith(f"{SITEURL}/theme/") for src in sources), sources
    assert [s for s in page.find_all("script") if not s.get("src") and s.get("type") is None] == []


def test_pages_listing_the_hostile_article_keep_their_structure(public):
    for relative in (
        "index.html",
        "rubrik/berita/index.html",
        "arsip/index.html",
        "profil/index.html",
    ):
        page = soup(public.output / relative)
        assert page.find("main") is not None, relative
        assert page.find("footer", class_="site-footer") is not None, relative
        assert page.find("h1") is not None, relative


# ---- 4: summaries and feeds ---------------------------------------------------


def test_summaries_are_plain_text_escaped_once_everywhere_on_a_page(public):
    page = soup(public.output / "berita/2024/11/rapat-netralitas/index.html")
    for selector in (
        'meta[name="description"]',
        'meta[property="og:description"]',
        'meta[name="twitter:description"]',
    ):
        assert page.select_one(selector)["content"] == SUMMARY_TEXT, selector
    cards = soup(public.output / "rubrik/berita/index.html").select(".card__summary")
    headline = soup(public.output / "index.html").select(".headline__summary, .card__summary")
    shown = [c.get_text(" ", strip=True) for c in [*cards, *headline]]
    assert SUMMARY_TEXT in shown, shown
    assert not [text for text in shown if "&" in text.replace(" & ", "")], shown
    profil = soup(public.output / "profil/index.html")
    assert profil.select_one('meta[name="description"]')["content"] == SUMMARY_TEXT


def test_the_body_carries_no_active_content_and_shows_code_as_text(public):
    page = soup(public.output / "berita/2024/11/rapat-netralitas/index.html")
    body = page.select_one(".article__body")
    assert active_content(str(body)) == []
    assert "<script>" in body.get_text()  # the inline code sample, as text
    assert "catatan redaksi" not in public.text("berita/2024/11/rapat-netralitas/index.html")
    assert body.find("p", string="Paragraf dengan handler.") is not None


def test_raw_html_removals_are_warnings_at_their_source_lines(public):
    found = warnings(public)
    suggestion = "(write the release in Markdown; ask the web team to embed media)"
    expected = {
        (7, "'<script>'"),  # the Summary: line
        (7, "'onmouseover='"),
        (BODY_FIRST_LINE + 3, "'<script>'"),
        (BODY_FIRST_LINE + 5, "'onclick='"),
        (BODY_FIRST_LINE + 7, "'href=\" jav&#x61;script:alert(4)\"'"),  # as written
        (BODY_FIRST_LINE + 9, "'<iframe>'"),
        (BODY_FIRST_LINE + 11, "'<svg>'"),
        (BODY_FIRST_LINE + 13, "'style=\"width:expression(alert(6))\"'"),
    }
    for line, value in expected:
        message = f"berita/pub.md:{line}: raw HTML removed from the published text: {value} "
        assert message + suggestion in found, (message, found)
    # The Markdown link's address, with what fits a Markdown link.
    link = f"berita/pub.md:{BODY_FIRST_LINE + 19}: link address removed from the published text:"
    assert f"{link} 'javascript:alert(7)' (use an https:// address)" in found, found


def test_atom_feeds_carry_no_active_content(public):
    feeds = sorted(public.output.rglob("feed.xml"))
    for kind in ("feed.xml", "rubrik/berita/feed.xml", "tag/netralitas-script/feed.xml",
                 "wilayah/sumatera-selatan/kota-palembang/feed.xml",
                 "wilayah/sumatera-selatan/feed.xml"):  # fmt: skip
        assert public.output / kind in feeds, kind
    assert any("/penulis/" in str(path) for path in feeds)
    seen_summary = False
    for path in feeds:
        root = etree.parse(str(path)).getroot()
        titles = [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")]
        # The hostile title is text, whole, wherever it is listed.
        assert [t for t in titles if "Netralitas" in t] in ([], [HOSTILE_TITLE]), path
        # (the province's office's release datelined at its seat: the province's)
        if path.parent.name in ("output", "berita", "sumatera-selatan", "netralitas-script"):
            assert HOSTILE_TITLE in titles, path
        for entry in root.findall(f"{ATOM}entry"):
            for element in (entry.find(f"{ATOM}summary"), entry.find(f"{ATOM}content")):
                if element is None:
                    continue
                assert active_content(element.text or "") == [], path
                if element.tag == f"{ATOM}summary" and "Kutipan" in (element.text or ""):
                    seen_summary = True
                    text = BeautifulSoup(element.text, "lxml").get_text(" ", strip=True)
                    assert text == SUMMARY_TEXT
    assert seen_summary


def test_feed_json_summary_is_plain_text_and_content_is_clean(public):
    feed = public.json("feed.json")
    item = next(i for i in feed["items"] if i["url"].endswith("/rapat-netralitas/"))
    assert item["summary"] == SUMMARY_TEXT
    assert item["title"] == HOSTILE_TITLE
    assert active_content(item["content_html"]) == []
    assert "Zqxpublicmarker" in item["content_html"]


def test_feed_json_says_comments_are_closed_like_the_page(public):
    item = public.json("feed.json")["items"][0]
    assert item["_warta"]["comments"]["state"] == "closed"
    assert item["_warta"]["comments"]["closed_by"] == "site"
    page = soup(public.output / item["url"][len(SITEURL) + 1 :] / "index.html")
    section = page.find(id="komentar")
    assert section.select_one(".comments__none") is not None  # "not open" on the page
    assert page.select_one("[data-comment-load]") is None


# ---- 1: the published set -----------------------------------------------------

UNLISTED = {
    "hidden": ("Zqxhiddenmarker", "rilis-tersembunyi"),
    "draft": ("Zqxdraftmarker", "draf-rahasia"),
    "embargo": ("Zqxembargomarker", "embargo-rahasia"),
}


def test_hidden_article_is_written_but_nowhere_listed(public):
    own = public.output / "berita/2024/11/rilis-tersembunyi/index.html"
    assert own.is_file()
    marker, slug = UNLISTED["hidden"]
    leaks = [
        str(p.relative_to(public.output))
        for p in text_files(public)
        if p != own and (marker in (text := p.read_text(encoding="utf-8")) or slug in text)
    ]
    assert leaks == []
    # The public article is in every one of those outputs, so the check can fail.
    for relative in ("sitemap.xml", "news-sitemap.xml", "feed.json", "feed.xml", "index.html"):
        assert "rapat-netralitas" in public.text(relative), relative


def robots_of(built, relative: str) -> list[str]:
    return [
        meta["content"] for meta in built.html(relative).find_all("meta", attrs={"name": "robots"})
    ]


def test_a_hidden_article_asks_search_engines_not_to_index_it(public):
    assert robots_of(public, "berita/2024/11/rilis-tersembunyi/") == ["noindex"]
    published = next(
        p for p in (public.output / "berita").rglob("index.html") if "rapat-netralitas" in str(p)
    )
    assert robots_of(public, str(published.relative_to(public.output))) == []


def test_drafts_and_embargoed_articles_appear_in_no_public_output(public):
    for marker, slug in (UNLISTED["draft"], UNLISTED["embargo"]):
        leaks = [
            str(p.relative_to(public.output))
            for p in text_files(public)
            if marker in (text := p.read_text(encoding="utf-8")) or slug in text
        ]
        assert leaks == [], marker
    assert not (public.output / "draf").exists()


def pagefind_text(built) -> str:
    fragments = sorted((built.output / "pagefind").rglob("fragment/*.pf_fragment"))
    assert fragments, "no Pagefind fragment written"
    return "\n".join(gzip.decompress(f.read_bytes()).decode("utf-8", "replace") for f in fragments)


def test_search_index_holds_listed_articles_only(public):
    indexed = pagefind_text(public)
    assert "Zqxpublicmarker" in indexed
    for marker, slug in UNLISTED.values():
        assert marker not in indexed
        assert slug not in indexed


def test_region_and_official_pages_count_listed_articles_only(public):
    official = soup(public.output / "pejabat/muhammad-rizal-effendi/index.html")
    linked = {a["href"] for a in official.select("main a[href]") if "/berita/20" in a["href"]}
    assert linked == {f"{SITEURL}/berita/2024/11/rapat-netralitas/"}
    # The province office's releases datelined at its seat are the province's.
    region = soup(public.output / "wilayah/sumatera-selatan/index.html")
    linked = {a["href"] for a in region.select("main a[href]") if "/berita/" in a["href"]}
    assert f"{SITEURL}/berita/2024/11/rapat-netralitas/" in linked
    assert not [href for href in linked if "tersembunyi" in href]
    index = soup(public.output / "wilayah/index.html").get_text(" ", strip=True)
    # Two listed articles in the province; the hidden one would make three.
    assert re.search(r"Sumatera Selatan\D{0,40}\b2\b", index), index[:2000]
    assert not re.search(r"Sumatera Selatan\D{0,40}\b3\b", index)


# ---- links to unpublished articles ---------------------------------------------


def test_a_link_to_a_draft_is_a_warning_with_its_line_and_is_removed_publicly(public):
    found = warnings(public)
    for target, line in (("draf.md", BODY_FIRST_LINE + 1), ("embargo.md", BODY_FIRST_LINE + 1)):
        assert (
            f"berita/pub.md:{line}: link to an unpublished article: '{{filename}}{target}' "
            "(publish it first, or remove the link)"
        ) in found, found
    body = soup(public.output / "berita/2024/11/rapat-netralitas/index.html").select_one(
        ".article__body"
    )
    assert "rilis draf" in body.get_text() and "rilis embargo" in body.get_text()
    hrefs = [a.get("href", "") for a in body.find_all("a")]
    assert not [h for h in hrefs if "draf" in h or "embargo" in h or "filename" in h], hrefs


def test_the_development_build_keeps_the_preview_link_and_still_warns(development):
    body = soup(development.output / "berita/2024/11/rapat-netralitas/index.html").select_one(
        ".article__body"
    )
    hrefs = [a.get("href", "") for a in body.find_all("a")]
    assert "/draf/draf-rahasia/" in hrefs
    assert any(
        m.startswith(f"berita/pub.md:{BODY_FIRST_LINE + 1}: link to an unpublished article")
        for m in warnings(development)
    )


def test_a_link_to_a_draft_fails_a_strict_build(tmp_path):
    site = FixtureSite(tmp_path)
    site.article(
        "x.md",
        title="Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan",
        slug="rakor",
        body="PALEMBANG – Bawaslu Kota Palembang menggelar rapat.\n\n"
        "Baca pula [rilis berikutnya]({filename}y.md).",
    )
    site.article(
        "y.md",
        title="Bawaslu Kota Palembang Siapkan Rilis Rapat Lanjutan",
        slug="rapat-lanjutan",
        status="draft",
    )
    built = site.build(publish=True, strict=True, SEARCH_ENABLED=False)
    assert built.returncode == 1
    assert (
        "berita/x.md:11: link to an unpublished article: '{filename}y.md' "
        "(publish it first, or remove the link)"
    ) in warnings(built)


# ---- 15.7: canonical -----------------------------------------------------------


def test_the_home_page_canonical_url_is_the_site_root(public):
    home = soup(public.output / "index.html")
    assert home.select_one('link[rel="canonical"]')["href"] == f"{SITEURL}/"
    assert home.select_one('meta[property="og:url"]')["content"] == f"{SITEURL}/"
    second = soup(public.output / "halaman/2/index.html")
    assert second.select_one('link[rel="canonical"]')["href"] == f"{SITEURL}/halaman/2/"
    assert second.select_one('a[rel="prev"]')["href"] == f"{SITEURL}/"
    to_index = [
        (str(path.relative_to(public.output)), a["href"])
        for path in html_files(public)
        for a in soup(path).select("a[href], link[href]")
        if a["href"].endswith("/index.html")
    ]
    assert to_index == []


# ---- units ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "<!--<script>alert(1)</script>",
        "</script><script>alert(1)</script>",
        'a & b "c" \u2028 \u2029 <>',
        "</SCRIPT>",
    ],
)
def test_json_ld_round_trips_and_has_no_markup_characters(value):
    data = {"headline": value, "nested": [{"name": value}]}
    text = str(json_ld(data))
    assert not set("<>&") & set(text)
    assert json.loads(text) == data


def test_plain_text_decodes_entities_and_drops_scripts():
    html = "<p>&ldquo;A&rdquo; &amp; B &ndash; <script>x()</script><b>c</b> &lt;d&gt;</p>"
    assert plain_text(html) == "“A” & B – c <d>"
    assert type(plain_text(html)) is str
    assert plain_text(None) == ""


@pytest.mark.parametrize(
    ("fragment", "kept"),
    [
        ("<p>a &amp; b</p>", "<p>a &amp; b</p>"),
        ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
        ('<a href="JaVa&#x53;cript:alert(1)">x</a>', "<a>x</a>"),
        ('<a href="java\tscript:alert(1)">x</a>', "<a>x</a>"),
        # Inline data is no photo of the newsroom's: photos are files in content/images.
        # An image whose src goes is left out, its alt text kept (no broken <img>).
        ('<img src="data:image/png;base64,AA" alt="p">', "p"),
        (
            '<p><marquee>x</marquee><a href="/a" target="_blank">y</a></p>',
            '<p>x<a href="/a">y</a></p>',
        ),
        ('<td style="text-align: center; background: url(x)">c</td>', "c"),
        ('<img src="data:text/html;base64,AA" alt="p">', "p"),
        ('<a href="data:text/html,x">x</a>', "<a>x</a>"),
        ('<img src="x.jpg" onerror="alert(1)" alt="">', '<img src="x.jpg" alt="">'),
        # Parsed as a browser parses them (html5ever): what is left is inert.
        (
            '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>ok',
            '<img src="x">"&gt;ok',
        ),
        ("<!--a--!><script>alert(1)</script>--><p>ok</p>", "--&gt;<p>ok</p>"),
        ("<scr<script>ipt>alert(1)</script>", "ipt&gt;alert(1)"),
        ("<math><mi>x</mi></math><svg><script>1</script></svg>t", "t"),
        ('<a href="{filename}x.md#s">x</a>', '<a href="{filename}x.md#s">x</a>'),
        (
            '<a href="https://x.org/?a=1&amp;b=2">x</a>',
            '<a href="https://x.org/?a=1&amp;b=2">x</a>',
        ),
        ('<iframe srcdoc="<script>1</script>"></iframe>t', "t"),
    ],
)
def test_clean_html_keeps_text_and_links_and_drops_active_content(fragment, kept):
    cleaned, _removed = clean_html(fragment)
    assert cleaned == kept
    assert active_content(cleaned) == []


def test_removal_lines_follow_repeated_needles_down_the_source():
    source = "Title: x\n\n<script>a</script>\ntext\n<SCRIPT>b</SCRIPT>\n"
    _cleaned, removed = clean_html("<script>a</script><p>text</p><script>b</script>")
    assert removal_lines(source, removed, first_line=3) == [3, 5]


def test_links_to_unpublished_contents_are_found_removed_and_located():
    html = (
        '<p><a href="{filename}draf.md">draf</a> and <a href="{filename}ok.md">ok</a> '
        '<img src="|filename|draf.md" alt=""></p>'
    )
    assert [link.value for link in links_in(html)] == ["draf.md", "ok.md", "draf.md"]
    assert remove_links(html, {"draf.md"}.__contains__) == (
        '<p>draf and <a href="{filename}ok.md">ok</a> <img src="#" alt=""></p>'
    )
    source = "Title: t\n\nsee [draf]({filename}draf.md)\n\nagain [d]({filename}draf.md)\n"
    link = Link("{filename}draf.md", "draf.md")
    assert link_line(source, link, first_line=3) == 3
    assert link_line(source, link, first_line=3, after=3) == 5
    assert link_line(source, link, first_line=3, after=5) == 5  # twice on line 5


def test_intrasite_links_are_found_from_their_values_as_a_scan_of_every_word_finds_them():
    """`links_in` finds the `{filename}` attributes from their values back to
    their names (a scan of every word cost 120 µs a release): the same
    matches as `_ATTRIBUTE_RE.finditer` on hostile text (names glued to other
    words, white space around "=", quotes left open, a value inside another's)."""
    import random

    from plugins.link_check import links

    def spans(matches):
        return [(m.span(), m.groupdict()) for m in matches]

    pieces = [
        "{filename}",
        "|filename|",
        "=",
        " ",
        "\t",
        "\u00a0",
        '"',
        "'",
        "href",
        "src",
        "a",
        "-",
        "é",
        "x.md",
        "<a ",
        ">",
        "?q=",
        "{",
        "data-x",
        "\n",
        "_",
        "1",
    ]
    rng = random.Random(1)
    texts = [
        "<a href=\"{filename}a.md\">a</a> x-src = '|filename|b.md' é-href={filename}c.md",
        'href="{filename}a.md?x={filename}b.md" data-x ={filename}d',
        *("".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))) for _ in range(20000)),
    ]
    found = 0
    for text in texts:
        expected = spans(links._ATTRIBUTE_RE.finditer(text))
        assert spans(links._intrasite_attributes(text)) == expected, text
        found += bool(expected)
    assert found > 300  # (the texts hold links to find)
    assert [link.value for link in links_in(texts[0])] == ["a.md", "b.md", "c.md"]


def test_taxonomy_links_are_found_in_any_case_after_a_quick_test():
    from plugins.link_check.links import taxonomy_links_in

    html = "<a href=\"{TAG}pantarlih\">t</a> <a HREF='|author|tim'>a</a> {filename}x.md"
    assert taxonomy_links_in(html) == [
        ("TAG", Link("{TAG}pantarlih", "pantarlih")),
        ("author", Link("|author|tim", "tim")),
    ]
    assert taxonomy_links_in('<a href="{filename}x.md">tag</a> |tags|') == []


def test_a_link_shown_as_an_example_is_not_the_line_of_the_pages_link():
    """A line showing a link in `code`, a code block or a comment came before
    the one the page gets: the warning was said at the example, and each
    later one at the line before its own. With the build's Markdown, the line
    whose link the page has (as content_lint places a link to a missing file)."""
    import markdown

    render = markdown.Markdown(extensions=["fenced_code"]).convert
    source = (
        "Title: t\n\n"
        "Contoh: `[rapat]({filename}d.md)` dan `[i]({tag}IKP)`.\n\n"  # 3
        "```\n[rapat]({filename}d.md) <a href='/draf/x/'>x</a>\n```\n\n"  # 6
        "<!-- [rapat]({filename}d.md) [i]({tag}IKP) -->\n\n"  # 9
        "Lihat [hasil]({filename}d.md), [i]({tag}IKP) <a href='/draf/x/'>x</a>.\n\n"  # 11
        "Contoh lagi: `[rapat]({filename}d.md)`.\n\n"  # 13
        "Juga [ringkasan]({filename}d.md).\n"  # 15
    )
    link = Link("{filename}d.md", "d.md")
    first = link_line(source, link, first_line=3, render=render)
    assert first == 11
    assert link_line(source, link, first_line=3, after=first, render=render) == 15
    assert link_line(source, Link("{tag}IKP", "IKP"), first_line=3, render=render) == 11
    assert link_line(source, Link("/draf/x/", "/draf/x/"), first_line=3, render=render) == 11
    # Without the build's Markdown: the first line writing it, as before.
    assert link_line(source, link, first_line=3) == 3


def test_a_link_to_a_draft_is_warned_at_its_own_line_not_at_an_example_above(tmp_path):
    site = FixtureSite(tmp_path)
    site.article("d-draft.md", article_text(slug="rapat-draf", status="draft"))
    body = (
        "PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan.\n\n"
        "Contoh menulis tautan: `[rapat]({filename}d-draft.md)`.\n\n"
        "Lihat [hasil rapat]({filename}d-draft.md).\n\n"
        "Rapat dihadiri pengawas kecamatan se-Kota Palembang.\n"
        "Baca juga [ringkasannya]({filename}d-draft.md).\n"
    )
    path = site.article("q-line.md", article_text(slug="q-line", body=body))
    assert line_of(path, "Contoh menulis") == 11
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    said = [
        (f.path, f.line)
        for f in built.findings("warning")
        if f.message.startswith("link to an unpublished article")
    ]
    assert said == [("content/berita/q-line.md", 13), ("content/berita/q-line.md", 16)]


def test_control_characters_pasted_into_a_release_are_left_out_and_named(tmp_path):
    """A NUL in the body once stopped the build (XML 1.0 feeds cannot carry it);
    Word's line break arrives as U+000B. Every page and feed is written without
    them, and each line that had one is one warning naming what was there."""
    site = FixtureSite(tmp_path / "site")
    site.article(
        "tempel.md",
        article_text(
            title="Bawaslu Kota Palembang Gelar\x0bRapat Koordinasi Pengawasan",
            slug="tempel",
            summary="Rapat koordinasi\x01 pengawasan tahapan pilkada di Kota Palembang.",
            body="PALEMBANG – Bawaslu\x00 Kota Palembang menggelar\x0brapat.\n\n"
            "Paragraf kedua \x85tanpa masalah\x7f.\n\nParagraf ketiga bersih.",
        ),
    )
    built = site.build(SEARCH_ENABLED=False)

    assert built.returncode == 0, built.log
    # split("\n"): splitlines() would break lines at U+000B and U+0085 too.
    text = (site.content / "berita" / "tempel.md").read_text().split("\n")

    def line_of(start: str) -> int:
        return next(n for n, line in enumerate(text, 1) if line.startswith(start))

    expected = {
        f"berita/tempel.md:{line_of('Title:')}: control character U+000B left out",
        f"berita/tempel.md:{line_of('Summary:')}: control character U+0001 left out",
        f"berita/tempel.md:{line_of('PALEMBANG')}: control character U+0000, U+000B left out",
        f"berita/tempel.md:{line_of('Paragraf kedua')}: control character U+0085, U+007F left out",
    }
    found = [w for w in built.log_lines("warning") if "control character" in w]
    assert {w.split(" of the published text")[0] for w in found} == expected, found
    breaks = "a line or page break pasted from a word processor arrives as U+000B: press Enter"
    assert sorted(w.split(" left out of the published text ")[1] for w in found) == sorted(
        [
            f"({breaks} instead)",
            "(retype the line without U+0001)",
            f"(retype the line without U+0000; {breaks} instead)",
            "(retype the line without U+0085 and U+007F)",
        ]
    ), found
    controls = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
    page = built.html("berita/2024/11/tempel/")
    assert page.h1.get_text() == "Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan"
    paragraphs = [p.get_text() for p in page.select("article p")]
    assert "PALEMBANG – Bawaslu Kota Palembang menggelar rapat." in paragraphs
    assert "Paragraf kedua tanpa masalah." in paragraphs
    feed = etree.parse(str(built.output / "feed.xml")).getroot()
    [entry] = feed.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == page.h1.get_text()
    for path in built.output.rglob("*"):
        if path.suffix in (".html", ".xml", ".json", ".txt"):
            assert not controls.search(path.read_text(encoding="utf-8")), path


def test_unicode_noncharacters_are_left_out_of_every_feed_and_named(tmp_path):
    """U+FFFE or U+FFFF in a release made every Atom feed carrying it
    malformed XML ("PCDATA invalid Char value 65534") while the strict build
    said ok: a noncharacter (U+FDD0–U+FDEF, the last two code points of every
    plane) is left out as a control character is, one warning at its line."""
    site = FixtureSite(tmp_path / "site")
    site.article(
        "tempel.md",
        article_text(
            title="Bawaslu Kota Palembang Gelar\uffff Rapat Koordinasi Pengawasan",
            slug="tempel",
            summary="Rapat koordinasi\ufdd0 pengawasan tahapan pilkada di Kota Palembang.",
            body="PALEMBANG – Bawaslu\ufffe Kota Palembang menggelar rapat.\n\n"
            "Paragraf kedua\U0001fffe tanpa\U0010ffff masalah.\n\nParagraf ketiga bersih.",
        ),
    )
    built = site.build(SEARCH_ENABLED=False, SITEURL=SITEURL, FEED_DOMAIN=SITEURL)

    assert built.returncode == 0, built.log
    text = (site.content / "berita" / "tempel.md").read_text().split("\n")

    def line_of(start: str) -> int:
        return next(n for n, line in enumerate(text, 1) if line.startswith(start))

    said = [
        (f.line, f.message.split(" left out")[0])
        for f in built.findings("warning")
        if f.message.startswith("control character")
    ]
    assert sorted(said) == [
        (line_of("Title:"), "control character U+FFFF"),
        (line_of("Summary:"), "control character U+FDD0"),
        (line_of("PALEMBANG"), "control character U+FFFE"),
        (line_of("Paragraf kedua"), "control character U+1FFFE, U+10FFFF"),
    ], built.log
    feeds = sorted(built.output.rglob("*.xml"))
    assert built.output / "feed.xml" in feeds
    for path in feeds:
        etree.parse(str(path), etree.XMLParser(recover=False))  # raises on a bad character
    nonchar = re.compile("[\ufdd0-\ufdef\ufffe\uffff\U0001fffe\U0010ffff]")
    for path in built.output.rglob("*"):
        if path.suffix in (".html", ".xml", ".json", ".txt"):
            assert not nonchar.search(path.read_text(encoding="utf-8")), path
    page = built.html("berita/2024/11/tempel/")
    assert page.h1.get_text() == "Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan"


def test_a_title_with_markup_characters_is_the_same_text_in_page_and_feeds(tmp_path):
    """A title is text: the page shows `<b>` as typed, and so must every feed
    (Pelican's feed writer took it as HTML and dropped the tags)."""
    title = 'Bawaslu "Sumsel" <b>Tegas</b> & Awasi Rapat Pleno Terbuka'
    site = FixtureSite(tmp_path)
    site.article("2024/markup.md", article_text(title=title, slug="judul-markup"))
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    page = built.html("berita/2024/11/judul-markup/")
    assert page.find("h1").get_text() == title
    for feed in ("feed.xml", "rubrik/berita/feed.xml"):
        root = etree.parse(str(built.output / feed)).getroot()
        titles = [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")]
        assert titles == [title], feed
    assert [item["title"] for item in built.json("feed.json")["items"]] == [title]


ADDRESS_LINKS = """\
PALEMBANG – Bawaslu Kota Palembang menyiapkan rilis berikutnya.

Lihat [pengumuman berikutnya]({siteurl}/berita/2099/01/embargo-rahasia/) nanti.

Baca [catatan redaksi](/draf/draf-rahasia/) dan [arsip](../../../2099/01/embargo-rahasia/).

Juga <a href="/draf/draf-rahasia/">tautan mentah</a> dan [rilis lain](/berita/2024/11/lain-terbit/).
"""


def test_links_written_as_addresses_to_unpublished_releases_are_warned_and_taken_out(tmp_path):
    """Only `{filename}` links were checked: a draft's preview address or an
    embargoed release's future address, pasted as a URL, went out with "build
    ok" and told the unpublished headline's slug."""
    site, _ = site_linking_unpublished(
        tmp_path, "rilis-bertaut", ADDRESS_LINKS.format(siteurl=SITEURL), "rahasia"
    )
    public = site.build(publish=True, SITEURL=SITEURL, FEED_DOMAIN=SITEURL, SEARCH_ENABLED=False)
    assert public.returncode == 0, public.log
    warned = sorted(
        (line.split(": link to")[0], line.split("'")[1])
        for line in public.log_lines("warning")
        if "link to an unpublished" in line
    )
    assert warned == [
        ("berita/tautan.md:11", f"{SITEURL}/berita/2099/01/embargo-rahasia/"),
        ("berita/tautan.md:13", "../../../2099/01/embargo-rahasia/"),
        ("berita/tautan.md:13", "/draf/draf-rahasia/"),
        ("berita/tautan.md:15", "/draf/draf-rahasia/"),
    ], public.log
    page = public.html("berita/2024/11/rilis-bertaut/")
    hrefs = [a["href"] for a in page.select(".article__body a")]
    assert hrefs == ["/berita/2024/11/lain-terbit/"], hrefs
    assert "pengumuman berikutnya" in page.select_one(".article__body").get_text()
    for name in ("feed.xml", "feed.json"):
        assert "rahasia" not in public.text(name), name
    # The preview build shows the draft at its address: the link stays, still warned.
    preview = site.build(SEARCH_ENABLED=False)
    assert preview.returncode == 0, preview.log
    assert len([w for w in preview.log_lines("warning") if "link to an unpublished" in w]) == 4
    kept = [a["href"] for a in preview.html("berita/2024/11/rilis-bertaut/").select("main a")]
    assert "/draf/draf-rahasia/" in kept


def test_a_read_also_line_naming_an_unpublished_release_is_said_and_left_out(tmp_path):
    """`BACA JUGA: <a draft's headline>` went out as text ("points to no
    article"), telling the unpublished headline in the page, the feeds and
    the search index."""
    site = FixtureSite(tmp_path)
    body = (
        "PALEMBANG – Bawaslu Kota Palembang menyiapkan rilis berikutnya.\n\n"
        "BACA JUGA: Bawaslu Kota Palembang Zqxdtitle Awasi Rapat Pleno\n\n"
        f"Baca juga: {SITEURL}/berita/2099/01/embargo-rahasia/\n\n"
        "Rapat berjalan tertib."
    )
    site.article("baca.md", article_text(slug="rilis-baca", body=body))
    site.article(
        "draf.md",
        article_text(
            title="Bawaslu Kota Palembang Zqxdtitle Awasi Rapat Pleno",
            slug="draf-rahasia",
            date="2024-11-16 08:00",
            status="draft",
        ),
    )
    site.article("embargo.md", article_text(slug="embargo-rahasia", date="2099-01-01 08:00"))
    public = site.build(publish=True, SITEURL=SITEURL, FEED_DOMAIN=SITEURL, SEARCH_ENABLED=False)
    assert public.returncode == 0, public.log
    said = [w for w in public.log_lines("warning") if "BACA JUGA points to" in w]
    assert [w.split(": BACA")[0] for w in said] == ["berita/baca.md:11", "berita/baca.md:13"]
    assert all("an unpublished article" in w and "publish it first" in w for w in said), said
    page = public.html("berita/2024/11/rilis-baca/").select_one(".article__body").get_text()
    assert "Rapat berjalan tertib." in page
    for text in (page, public.text("feed.xml"), public.text("feed.json")):
        assert "Zqxdtitle" not in text and "embargo-rahasia" not in text


def test_an_unpublished_release_with_its_own_address_waits_at_the_draft_address(tmp_path):
    """A `Save_as:`/`URL:` outranks Pelican's DRAFT_SAVE_AS, which the public
    build empties: a draft, an embargoed release and a draft page with one
    were published there, in the sitemap, with a social card."""
    site = FixtureSite(tmp_path)
    site.article("pub.md", article_text(slug="rilis-terbit"))
    site.article(
        "draf.md",
        article_text(
            title="Rilis Zqxsaveasdraft Belum Terbit",
            slug="draf-saveas",
            status="draft",
            save_as="berita/zqx-draf-saveas/index.html",
        ),
    )
    site.article(
        "embargo.md",
        article_text(
            title="Rilis Zqxsaveasembargo Terbit Nanti",
            slug="embargo-saveas",
            date="2099-01-01 08:00",
            save_as="berita/zqx-embargo-saveas/index.html",
            url="berita/zqx-embargo-saveas/",
        ),
    )
    site.page(
        "draf-halaman.md",
        "Title: Halaman Zqxsaveaspage\nSlug: halaman-draf\nStatus: draft\n"
        "Save_as: zqx-halaman.html\n\nIsi halaman yang belum terbit.\n",
    )
    public = site.build(publish=True, SITEURL=SITEURL, FEED_DOMAIN=SITEURL, SEARCH_ENABLED=False)
    assert public.returncode == 0, public.log
    files = public.files()
    assert "berita/2024/11/rilis-terbit/index.html" in files
    assert [f for f in files if "zqx" in f or f.startswith("draf/")] == []
    sitemap = etree.fromstring((public.output / "sitemap.xml").read_bytes())
    locations = [loc.text for loc in sitemap.iter("{*}loc")]
    assert locations and not [loc for loc in locations if "zqx" in loc], locations
    leaks = [
        str(p.relative_to(public.output))
        for p in text_files(public)
        if re.search("zqx", p.read_text(encoding="utf-8"), re.IGNORECASE)
    ]
    assert leaks == []

    development = FixtureSite(tmp_path / "dev")
    for source in site.content.rglob("*.md"):
        target = development.content / source.relative_to(site.content)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
    preview = development.build(SEARCH_ENABLED=False)
    assert preview.returncode == 0, preview.log
    previewed = preview.files()
    for address in ("draf/draf-saveas/", "draf/embargo-saveas/", "draf/halaman/halaman-draf/"):
        assert address + "index.html" in previewed
    assert [f for f in previewed if "zqx" in f] == []


def test_an_address_link_to_a_draft_in_the_summary_is_warned_and_taken_out(tmp_path):
    """Only the body's address links were checked: a `Summary:` linking to a
    draft's preview put its slug in every feed."""
    site = FixtureSite(tmp_path)
    site.article(
        "ringkas.md",
        article_text(
            slug="ringkasan-bertaut",
            summary="Ringkasan dengan [alamat draf](/draf/draf-rahasia/) dan "
            "[rilis lain]({filename}lain.md) tentang rapat pengawasan.",
        ),
    )
    site.article("lain.md", article_text(slug="lain-terbit", date="2024-11-10 10:00"))
    site.article(
        "draf.md", article_text(slug="draf-rahasia", date="2024-11-16 08:00", status="draft")
    )
    public = site.build(publish=True, SITEURL=SITEURL, FEED_DOMAIN=SITEURL, SEARCH_ENABLED=False)
    assert public.returncode == 0, public.log
    warned = [w for w in public.log_lines("warning") if "link to an unpublished" in w]
    assert [w.split(" (")[0] for w in warned] == [
        "berita/ringkas.md:7: link to an unpublished article: '/draf/draf-rahasia/'"
    ]
    for name in ("feed.xml", "wilayah/sumatera-selatan/feed.xml"):
        feed = etree.fromstring((public.output / name).read_bytes())
        summaries = [s.text for s in feed.iter(f"{ATOM}summary")]
        assert summaries and not [s for s in summaries if "draf-rahasia" in (s or "")], name
    item = next(i for i in public.json("feed.json")["items"] if "ringkasan" in i["url"])
    assert "alamat draf" in item["summary"] and "draf-rahasia" not in json.dumps(item)
    home = public.html("")
    assert [a for a in home.find_all("a", href=True) if "draf-rahasia" in a["href"]] == []


def test_a_release_in_another_language_is_marked_so_for_readers_and_machines(tmp_path):
    """`Lang: en` (the writer's guide allows it) gave an English text under
    `lang="id"` only: a screen reader read it with Indonesian sounds, and the
    JSON-LD said `"inLanguage": "id"`."""
    site = FixtureSite(tmp_path)
    photo = site.content / "images" / "2024" / "rapat.jpg"
    photo.parent.mkdir(parents=True)
    from PIL import Image

    Image.new("RGB", (800, 500), (30, 80, 140)).save(photo)
    site.article("id.md", article_text(slug="rapat-pengawasan"))
    site.article(
        "en.md",
        article_text(
            title="Bawaslu Palembang Holds a Supervision Meeting",
            slug="supervision-meeting",
            lang="en",
            image="images/2024/rapat.jpg",
            image_alt="Members of Bawaslu at the meeting table",
            body="PALEMBANG – Bawaslu Palembang held a supervision meeting.",
            summary="Bawaslu Palembang held a supervision meeting on the election stages.",
        ),
    )
    built = site.build(SEARCH_ENABLED=False, OFFICIAL_TAGS_ALLOW_FREE=True)
    assert built.returncode == 0, built.log
    english = next(p for p in built.output.rglob("index.html") if "supervision" in str(p))
    for path, lang in (
        (english, "en"),
        (built.output / "berita/2024/11/rapat-pengawasan/index.html", None),
    ):
        page = soup(path)
        assert page.html["lang"] == "id"  # the site's own words around it
        # The release's own words, not the page's Indonesian around them.
        assert page.select_one("article.article").get("lang") is None
        assert page.select_one("article h1").get("lang") == lang
        assert page.select_one(".article__body").get("lang") == lang
        if lang:  # the photo's alt text and caption are the release's words too
            assert page.select_one(".article__figure").get("lang") == lang
        assert page.select_one(".article__meta").find_parent(attrs={"lang": True}).name == "html"
        documents = [
            json.loads(s.string) for s in page.select('script[type="application/ld+json"]')
        ]
        article = next(d for d in documents if d.get("@type") == "NewsArticle")
        assert article["inLanguage"] == (lang or "id")


def test_invisible_direction_and_zero_width_characters_are_left_out_and_named(tmp_path):
    """U+202E turned a pasted title around in the page, its <title>, og: tags
    and JSON-LD; a zero-width space after `draft` made an unknown Status that
    looked like `draft` in its message."""
    site = FixtureSite(tmp_path / "site")
    site.article(
        "arah.md",
        article_text(
            title="Bawaslu Kota Palembang \u202eGelar Rapat\u202c Koordinasi Pengawasan",
            slug="arah",
            author="Humas Bawaslu\u200b Kota Palembang",
            body="PALEMBANG – Bawaslu Kota Palembang\u2066 menggelar\u2069 rapat\ufeff.",
        ),
    )
    site.article("status.md", article_text(slug="status-aneh", status="draft\u200b"))
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    found = sorted(
        w.split(": ", 1)[1].split(" left out")[0]
        for w in built.log_lines("warning")
        if "control character" in w
    )
    assert found == [
        "control character U+200B",
        "control character U+200B",  # status.md: `draft` and what hid behind it
        "control character U+202E, U+202C",
        "control character U+2066, U+2069, U+FEFF",
    ], built.log
    # The Status reads as typed without it: a draft stays a draft.
    assert [p for p in built.files() if "status-aneh" in p and not p.startswith("draf/")] == []
    invisible = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
    page = built.html("berita/2024/11/arah/")
    assert page.h1.get_text() == "Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan"
    for path in built.output.rglob("*"):
        if path.suffix in (".html", ".xml", ".json"):
            assert not invisible.search(path.read_text(encoding="utf-8")), path


def test_control_characters_written_as_yaml_escapes_are_left_out_too(tmp_path):
    """A `---` front matter's "\\a" and "\\u202e" are decoded after the lines
    were cleaned: they reached <title>, feed.json and the search index, and
    every Atom feed failed (an error blaming content/feed.xml)."""
    site = FixtureSite(tmp_path / "site")
    site.article(
        "yaml.md",
        "---\n"
        'title: "Bawaslu Kota Palembang Gelar Rapat \\a Pengawasan \\u202e Tahapan Pemilu"\n'
        "date: 2024-11-17 09:30\nslug: yaml-escape\ntags: Pilkada Serentak 2024\n"
        'summary: "Bawaslu Kota Palembang menggelar rapat \\x1b koordinasi pengawasan tahapan."\n'
        "---\n\nPALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan.\n",
    )
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    title = "Bawaslu Kota Palembang Gelar Rapat Pengawasan Tahapan Pemilu"
    words = " ".join  # (a character left out between two spaces leaves both)
    assert words(built.html("berita/2024/11/yaml-escape/").h1.get_text().split()) == title
    [item] = built.json("feed.json")["items"]
    assert words(item["title"].split()) == title
    feed = etree.fromstring((built.output / "feed.xml").read_bytes())
    assert [words(t.text.split()) for t in feed.iter(f"{ATOM}title")][1:] == [title]
    controls = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e]")
    for path in built.output.rglob("*"):
        if path.suffix in (".html", ".xml", ".json"):
            assert not controls.search(path.read_text(encoding="utf-8")), path


def test_a_link_to_a_tag_page_named_like_a_draft_is_no_link_to_the_draft(tmp_path):
    """Any path segment was matched against the drafts' slugs: a Summary's
    link to /tag/politik-uang/ was warned and taken out of every feed because a
    draft had the slug politik-uang."""
    site = FixtureSite(tmp_path)
    site.article(
        "ajak.md",
        article_text(
            slug="ajak-lapor",
            tags="Politik Uang",
            summary="Bawaslu mengajak warga melaporkan praktik [politik uang](/tag/politik-uang/) "
            "selama masa tenang.",
            body="PALEMBANG – Laporkan [politik uang](../../../../tag/politik-uang/) dan "
            "[draf](/berita/2024/11/politik-uang/).",
        ),
    )
    site.article("draf.md", article_text(slug="politik-uang", status="draft"))
    public = site.build(publish=True, SITEURL=SITEURL, FEED_DOMAIN=SITEURL, SEARCH_ENABLED=False)
    assert public.returncode == 0, public.log
    warned = [w.split(" (")[0] for w in public.log_lines("warning") if "unpublished" in w]
    # Only the link to the draft's own future address.
    assert warned == [
        "berita/ajak.md:9: link to an unpublished article: '/berita/2024/11/politik-uang/'"
    ]
    page = public.html("berita/2024/11/ajak-lapor/")
    hrefs = [a["href"] for a in page.select(".article__body a")]
    assert [h for h in hrefs if h.endswith("tag/politik-uang/")] and len(hrefs) == 1, hrefs
    feed = etree.fromstring((public.output / "feed.xml").read_bytes())
    summary = next(s.text for s in feed.iter(f"{ATOM}summary"))
    assert "/tag/politik-uang/" in summary


def unpublished_links(built) -> list[tuple[str, int | None, str]]:
    """(path from the content folder, line, address) of each link_check warning."""
    said = re.compile(r"link to an unpublished \w+: '(?P<address>.*)' \(")
    return sorted(
        (f.path.removeprefix("content/"), f.line, match["address"])
        for f in built.findings("warning")
        if (match := said.match(f.message))
    )


def test_a_link_to_an_unpublished_releases_own_url_or_save_as_is_warned_and_taken_out(tmp_path):
    """A draft's or an embargoed release's `URL:`/`Save_as:` is where it will be
    published, but only its slug's address was matched: a link to
    /rahasia-rapat/ went out with "build ok", a dead link naming the draft."""
    siteurl = "https://warta-sumsel.example.org"
    site = FixtureSite(tmp_path)
    body = (
        "PALEMBANG – Bawaslu Kota Palembang menyiapkan rilis berikutnya.\n\n"
        f"Lihat [rapat]({siteurl}/rahasia-rapat/) dan [rapat lagi](/rahasia-rapat/).\n\n"
        "Juga [pengumuman](/berita/zqx-embargo/) dan [halaman](/zqx-halaman.html)."
    )
    site.article("pub.md", article_text(slug="rilis-terbit", body=body))
    site.article(
        "draf.md",
        article_text(
            slug="draf-saveas",
            status="draft",
            save_as="rahasia-rapat/index.html",
            url="rahasia-rapat/",
        ),
    )
    site.article(
        "embargo.md",
        article_text(
            slug="embargo-saveas",
            date="2099-01-01 08:00",
            save_as="berita/zqx-embargo/index.html",
            url="berita/zqx-embargo/",
        ),
    )
    site.page(
        "draf-halaman.md",
        "Title: Halaman Zqx\nSlug: halaman-draf\nStatus: draft\n"
        "Save_as: zqx-halaman.html\n\nIsi halaman yang belum terbit.\n",
    )
    public = site.build(publish=True, SITEURL=siteurl, FEED_DOMAIN=siteurl, SEARCH_ENABLED=False)
    assert public.returncode == 0, public.log
    assert unpublished_links(public) == [
        ("berita/pub.md", 11, "/rahasia-rapat/"),
        ("berita/pub.md", 11, f"{siteurl}/rahasia-rapat/"),
        ("berita/pub.md", 13, "/berita/zqx-embargo/"),
        ("berita/pub.md", 13, "/zqx-halaman.html"),
    ], public.log
    body = public.html("berita/2024/11/rilis-terbit/").select_one(".article__body")
    assert body.find_all("a") == []
    assert "rapat lagi" in body.get_text()


@pytest.mark.parametrize(
    "href",
    [
        "https://warta-sumsel.example.org/berita/2026/12/embargo-x/",
        "https://warta-sumsel.example.org:443/berita/2026/12/embargo-x/",
        "http://warta-sumsel.example.org:80/berita/2026/12/embargo-x/",
        "http://warta-sumsel.example.org./berita/2026/12/embargo-x/",
        "https://user@warta-sumsel.example.org/berita/2026/12/embargo-x/",
        "https://user:pw@WARTA-SUMSEL.Example.ORG/berita/2026/12/embargo-x/",
        "HTTPS://warta-sumsel.example.org/berita/2026/12/embargo-x/#isi",
        "//warta-sumsel.example.org/berita/2026/12/embargo-x/",
        "https:\\\\warta-sumsel.example.org\\berita\\2026\\12\\embargo-x\\",
        "/berita/2026/12/embargo%2Dx/",
        "/berita/2026/12/embargo-x/index.html?utm_source=wa",
    ],
)
def test_a_link_to_the_site_is_read_as_a_browser_reads_its_host_and_path(href):
    host = host_of("https://warta-sumsel.example.org")
    assert host == "warta-sumsel.example.org"
    assert site_address(href, host, "berita/2024/11/x/") == "berita/2026/12/embargo-x"


@pytest.mark.parametrize(
    "href",
    [
        "https://warta-sumsel.example.org:8443/berita/2026/12/embargo-x/",  # another server
        "https://warta-sumsel.example.org.evil.example/berita/2026/12/embargo-x/",
        "https://evil.example/?next=https://warta-sumsel.example.org/berita/2026/12/embargo-x/",
        "https://warta-sumsel.example.org@evil.example/berita/2026/12/embargo-x/",
        "http://[warta-sumsel/berita/2026/12/embargo-x/",
        "mailto:humas@warta-sumsel.example.org",
    ],
)
def test_a_link_to_another_host_is_no_address_of_the_site(href):
    assert site_address(href, "warta-sumsel.example.org", "berita/2024/11/x/") is None


def test_a_link_to_an_unpublished_address_on_any_spelling_of_the_host_is_taken_out(tmp_path):
    """Only the host as SITEURL spells it was matched: `:443`, a final dot, a
    user name or capitals kept an embargoed release's address in the public
    page, and so did its slug in capitals (a dead link that shows the slug)."""
    siteurl = "https://warta-sumsel.example.org"
    address = "/berita/2099/01/embargo-rahasia/"
    spellings = [
        f"https://warta-sumsel.example.org:443{address}",
        f"http://warta-sumsel.example.org.{address}",
        f"https://user@warta-sumsel.example.org{address}",
        f"https://WARTA-SUMSEL.example.org{address}",
        address.upper(),
        address.replace("-", "%2D"),
    ]
    body = "PALEMBANG – Bawaslu Kota Palembang menyiapkan rilis berikutnya.\n\n" + "\n\n".join(
        f"Tautan [nomor {n}]({href})." for n, href in enumerate(spellings, 1)
    )
    site = FixtureSite(tmp_path)
    site.article("tautan.md", article_text(slug="rilis-bertaut", body=body))
    site.article("embargo.md", article_text(slug="embargo-rahasia", date="2099-01-01 08:00"))
    public = site.build(publish=True, SITEURL=siteurl, FEED_DOMAIN=siteurl, SEARCH_ENABLED=False)
    assert public.returncode == 0, public.log
    assert unpublished_links(public) == sorted(
        ("berita/tautan.md", 11 + 2 * n, href) for n, href in enumerate(spellings)
    ), public.log
    body = public.html("berita/2024/11/rilis-bertaut/").select_one(".article__body")
    assert body.find_all("a") == []
    assert "nomor 6" in body.get_text()


@pytest.mark.parametrize(
    "anchor",
    [
        """<a href="/berita/2099/01/embargo-x/?q='x">teks</a>""",
        """<a href="/berita/2099/01/embargo-x/?utm_source='wa'">teks</a>""",
        """<a href='/berita/2099/01/embargo-x/?q="x'>teks</a>""",
        """<a href=/berita/2099/01/embargo-x/?q=x>teks</a>""",
        """<a href="{filename}embargo.md?q='x">teks</a>""",
    ],
)
def test_a_link_is_read_whatever_quote_its_query_holds(anchor):
    """An apostrophe in the query (`?q='x`) hid the whole link from the check."""
    found = links_in(anchor) or hrefs_in(anchor)
    assert [link.value.split("?")[0] for link in found] in (
        ["/berita/2099/01/embargo-x/"],
        ["embargo.md"],
    )
    removed = {found[0].value}.__contains__
    assert remove_hrefs(remove_links(f"<p>{anchor}</p>", removed), removed) == "<p>teks</p>"


def test_a_link_with_an_apostrophe_in_its_query_to_an_embargoed_release_is_taken_out(tmp_path):
    site = FixtureSite(tmp_path)
    body = (
        "PALEMBANG – Bawaslu Kota Palembang menyiapkan rilis berikutnya.\n\n"
        "Lihat [pengumuman](/berita/2099/01/embargo-rahasia/?q='x) nanti."
    )
    site.article("tautan.md", article_text(slug="rilis-bertaut", body=body))
    site.article("embargo.md", article_text(slug="embargo-rahasia", date="2099-01-01 08:00"))
    public = site.build(publish=True, SITEURL=SITEURL, FEED_DOMAIN=SITEURL, SEARCH_ENABLED=False)
    assert public.returncode == 0, public.log
    assert unpublished_links(public) == [
        ("berita/tautan.md", 11, "/berita/2099/01/embargo-rahasia/?q='x")
    ], public.log
    body = public.html("berita/2024/11/rilis-bertaut/").select_one(".article__body")
    assert body.find_all("a") == []
    assert "pengumuman" in body.get_text()


def test_a_removed_link_whose_text_is_the_unpublished_address_leaves_neutral_words(tmp_path):
    """An autolink `<https://site/berita/…/embargo-x/>` was taken out but kept
    its text, the address itself: the embargoed slug (its headline) stayed in
    the page and the feeds. A link with words of its own keeps them."""
    site = FixtureSite(tmp_path)
    body = (
        "PALEMBANG – Bawaslu Kota Palembang menyiapkan rilis berikutnya.\n\n"
        f"Ref <{SITEURL}/berita/2099/01/zqx-embargo-rahasia/>.\n\n"
        "Lihat [/draf/zqx-draf-rahasia/](/draf/zqx-draf-rahasia/) dan "
        "[zqxdraf.md]({filename}zqxdraf.md), juga [rilis embargo](/draf/zqx-embargo-rahasia/)."
    )
    site.article(
        "tautan.md",
        article_text(
            slug="rilis-bertaut",
            summary="Ringkasan rapat pengawasan, lihat "
            f"<{SITEURL}/berita/2099/01/zqx-embargo-rahasia/>.",
            body=body,
        ),
    )
    site.article("zqxdraf.md", article_text(slug="zqx-draf-rahasia", status="draft"))
    site.article("embargo.md", article_text(slug="zqx-embargo-rahasia", date="2099-01-01 08:00"))
    public = site.build(publish=True, SITEURL=SITEURL, FEED_DOMAIN=SITEURL, SEARCH_ENABLED=False)
    assert public.returncode == 0, public.log
    assert len(unpublished_links(public)) == 5, public.log
    page = public.html("berita/2024/11/rilis-bertaut/")
    paragraphs = [p.get_text() for p in page.select(".article__body p")]
    assert paragraphs[1:] == [
        "Ref (tautan belum tersedia).",
        "Lihat (tautan belum tersedia) dan (tautan belum tersedia), juga rilis embargo.",
    ]
    for name in ("berita/2024/11/rilis-bertaut/index.html", "index.html", "feed.xml", "feed.json"):
        assert "zqx" not in public.text(name).casefold(), name


def output_strings(output: Path):
    """(file, text) of every text a reader or a machine gets from the output's
    HTML, JSON and XML files, parsed: an HTML page's text and attribute values
    (meta descriptions) and its JSON-LD; a JSON's strings; an XML's texts and
    attribute values; a string holding markup (a feed's content) parsed again."""

    def of_html(markup: str):
        soup = BeautifulSoup(markup, "lxml")
        yield soup.get_text(" ")
        for tag in soup.find_all(True):
            yield from (v if isinstance(v, str) else " ".join(v) for v in tag.attrs.values())
        for script in soup.select('script[type="application/ld+json"]'):
            yield from of_json(json.loads(script.string))

    def of_string(text: str):
        yield from of_html(text) if "<" in text else (text,)

    def of_json(data):
        if isinstance(data, str):
            yield from of_string(data)
        elif isinstance(data, dict):
            for value in data.values():
                yield from of_json(value)
        elif isinstance(data, list):
            for value in data:
                yield from of_json(value)

    for path in sorted(output.rglob("*")):
        name = str(path.relative_to(output))
        text = path.read_text(encoding="utf-8") if path.suffix in (".html", ".json", ".xml") else ""
        if path.suffix == ".html":
            found = of_html(text)
        elif path.suffix == ".json":
            found = of_json(json.loads(text))
        elif path.suffix == ".xml":
            root = etree.fromstring(text.encode("utf-8"))
            found = (
                part
                for element in root.iter()
                for value in (element.text or "", *element.attrib.values())
                for part in of_string(value)
            )
        else:
            continue
        for string in found:
            yield name, string


# An embargoed release beside the published ones, whose address's words no
# output may hold (the tests of an address shown as text).
EMBARGOED = "/berita/2099/11/penetapan-rahasiaembargo-lahat/"


def public_siteurl() -> str:
    from warta.build import load_settings

    return load_settings(Path("publishconf.py").resolve())["SITEURL"]


def add_embargoed(site) -> None:
    site.article(
        "e01.md", article_text(slug="penetapan-rahasiaembargo-lahat", date="2099-11-02 10:00")
    )


def unpublished_words(built, another_sites: str = "") -> list[tuple[str, str]]:
    """(output file, word) of each file naming the embargoed release or the
    draft of the address-as-text tests, but in `another_sites`'s address."""
    return [
        (name, word)
        for name, text in output_strings(built.output)
        for word in ("rahasiaembargo", "draf-rahasia-lahat")
        if word in text.casefold().replace(another_sites, "")
    ]


def embargoed_words(built) -> list[tuple[str, str]]:
    return [
        (name, text)
        for name, text in output_strings(built.output)
        if "rahasiaembargo" in text.casefold()
    ]


def test_a_summary_made_from_the_lead_reads_the_lead_as_published(tmp_path):
    """A release without Summary: got its lead as its summary as read, links
    and all: the addresses of an embargoed release and of a draft's /draf/
    preview, and the words of a `{filename}` link to the draft, went into its
    meta and og:/twitter: descriptions, its JSON-LD, the home page, the feeds
    and the tag, rubrik and archive pages, while its body said "(tautan belum
    tersedia)". The summary is made from the lead as published."""
    siteurl = public_siteurl()
    site = FixtureSite(tmp_path)
    links = [
        f"<{siteurl}/berita/2099/11/rencana-rahasia-embargo/>",
        f"<{siteurl}/draf/draf-rahasia-belum-terbit/>",
        "[berita draf-rahasia-belum-terbit]({filename}d01.md)",
        f"[rapat]({siteurl}/rahasia/jadwal-rapat-tertutup.html)",
    ]
    lead = (
        "Palembang, Bawaslu Sumsel – Bawaslu Provinsi Sumatera Selatan menggelar rapat "
        f"lanjutan, lihat {links[0]} dan {links[1]}, juga {links[2]} dan {links[3]}, "
        "pada Selasa (3/11/2026) di Palembang."
    )
    site.article(
        "p01.md",
        "Title: Bawaslu Sumsel Gelar Rapat Lanjutan Pengawasan Tahapan\n"
        "Date: 2026-11-03 10:00\nCategory: Berita\nTags: Pilkada Serentak 2024\n\n"
        f"{lead}\n\nRapat dihadiri seluruh jajaran pengawas.\n",
    )
    site.article("e01.md", article_text(slug="rencana-rahasia-embargo", date="2099-11-02 10:00"))
    site.article("d01.md", article_text(slug="draf-rahasia-belum-terbit", status="draft"))
    site.article(
        "d02.md",
        "Save_as: rahasia/jadwal-rapat-tertutup.html\n"
        + article_text(slug="rapat-tertutup", status="draft"),
    )
    public = site.build(publish=True, SEARCH_ENABLED=False)
    assert public.returncode == 0, public.log
    assert len(unpublished_links(public)) == 4, public.log
    page = public.html("berita/2026/11/bawaslu-sumsel-gelar-rapat-lanjutan-pengawasan-tahapan/")
    shown = page.select_one(".article__body p").get_text()
    assert shown.count("(tautan belum tersedia)") == 3, shown
    description = page.select_one('meta[name="description"]')["content"]
    assert description.count("(tautan belum tersedia)") == 3, description
    assert "juga (tautan belum tersedia) dan rapat, pada Selasa" in description
    secret = ("rencana-rahasia-embargo", "draf-rahasia-belum-terbit", "jadwal-rapat-tertutup")
    leaks = [
        (name, word)
        for name, text in output_strings(public.output)
        for word in secret
        if word in text.casefold()
    ]
    assert leaks == []
    told = {
        name for name, text in output_strings(public.output) if "Sumatera Selatan menggelar" in text
    }
    assert {"index.html", "feed.json", "feed.xml", "tag/pilkada-serentak-2024/index.html"} <= told


def test_an_unpublished_address_shown_as_text_is_warned_and_taken_out(tmp_path):
    """An address as text, not as a link (the summary `invoke check --fix`
    writes from a lead's autolink; an address pasted as text; in `code`), of
    an embargoed release or a draft: its slug went into the public page, meta
    description, feeds and search with "build ok". Each is warned at its line,
    in the development build too, once (an autolink's text is its link's), and
    shown as "(tautan belum tersedia)" where the target is not published."""
    siteurl = public_siteurl()
    host = siteurl.split("//", 1)[1].rstrip("/")
    embargo = f"{siteurl}/berita/2099/11/rencana-rahasia-embargo/"
    site = FixtureSite(tmp_path)
    site.article(
        "p01.md",
        "Title: Bawaslu Sumsel Gelar Rapat Lanjutan Pengawasan Tahapan\n"
        "Date: 2026-11-03 10:00\nCategory: Berita\nTags: Pilkada Serentak 2024\n"
        f"Summary: Bawaslu Provinsi Sumatera Selatan menggelar rapat lanjutan, lihat {embargo}.\n\n"
        "PALEMBANG – Bawaslu Provinsi Sumatera Selatan menggelar rapat lanjutan.\n\n"
        f"Jadwal di {host}/draf/draf-rahasia-belum-terbit/ (sementara).\n\n"
        f"Salin alamat `{embargo}` untuk arsip, atau buka "
        f"<{siteurl}/draf/draf-rahasia-belum-terbit/>.\n\n"
        f"Situs lain: https://bawaslu.go.id/berita/rencana-rahasia-embargo/ tetap.\n",
    )
    site.article("e01.md", article_text(slug="rencana-rahasia-embargo", date="2099-11-02 10:00"))
    site.article("d01.md", article_text(slug="draf-rahasia-belum-terbit", status="draft"))
    expected = [
        ("berita/p01.md", 5, embargo),
        ("berita/p01.md", 9, f"{host}/draf/draf-rahasia-belum-terbit/"),
        ("berita/p01.md", 11, embargo),
        ("berita/p01.md", 11, f"{siteurl}/draf/draf-rahasia-belum-terbit/"),
    ]
    development = site.build(SEARCH_ENABLED=False, SITEURL=siteurl)
    assert development.returncode == 0, development.log
    assert unpublished_links(development) == expected, development.log

    public = site.build(publish=True, SEARCH_ENABLED=False)
    assert public.returncode == 0, public.log
    assert unpublished_links(public) == expected, public.log
    page = public.html("berita/2026/11/bawaslu-sumsel-gelar-rapat-lanjutan-pengawasan-tahapan/")
    paragraphs = [p.get_text() for p in page.select(".article__body p")]
    assert paragraphs[1] == "Jadwal di (tautan belum tersedia) (sementara)."
    assert "bawaslu.go.id/berita/rencana-rahasia-embargo/" in paragraphs[3]  # another site's
    description = page.select_one('meta[name="description"]')["content"]
    assert description.endswith("lihat (tautan belum tersedia).")
    leaks = [
        (name, word)
        for name, text in output_strings(public.output)
        for word in ("rencana-rahasia-embargo", "draf-rahasia-belum-terbit")
        if word in text.casefold().replace("bawaslu.go.id/berita/rencana-rahasia-embargo", "")
    ]
    assert leaks == []


def test_an_unpublished_site_relative_address_shown_as_text_is_warned_and_taken_out(tmp_path):
    """A site-relative address as text (`/berita/2099/11/slug/`) of an embargoed
    release or a draft went into the page, meta description, JSON-LD, feeds
    and lists with no warning, while the full ones beside it were taken out.
    Each is warned at its line and shown as "(tautan belum tersedia)"; a path
    that is no unpublished content's address (a published release, a tag page,
    an image, `dan/atau`, another site's) is left alone."""
    siteurl = public_siteurl()
    embargo = "/berita/2099/11/penetapan-rahasiaembargo-lahat"
    site = FixtureSite(tmp_path)
    site.article(
        "p02.md",
        "Title: Bawaslu Lahat Gelar Rapat Koordinasi Penetapan\n"
        "Date: 2026-11-03 10:00\nCategory: Berita\nTags: Pilkada Serentak 2024\n\n"
        "LAHAT – Bawaslu Kabupaten Lahat menggelar rapat, rinciannya di "
        f"{siteurl.upper()}{embargo} dan (/draf/draf-rahasia-lahat/) serta {embargo}/.\n\n"
        f"Lihat juga {embargo}/ di arsip, /tag/pilkada-serentak-2024/, "
        "/berita/2024/11/rilis-terbit/, /images/foto.jpg dan/atau "
        f"bawaslu.go.id{embargo}/ yang lain.\n\n"
        f"Salin `{embargo}/` untuk arsip.\n",
    )
    site.article("p03.md", article_text(slug="rilis-terbit"))
    add_embargoed(site)
    site.article("d01.md", article_text(slug="draf-rahasia-lahat", status="draft"))
    expected = sorted(
        [
            ("berita/p02.md", 6, f"{siteurl.upper()}{embargo}"),
            ("berita/p02.md", 6, f"{embargo}/"),
            ("berita/p02.md", 6, "/draf/draf-rahasia-lahat/"),
            ("berita/p02.md", 8, f"{embargo}/"),
            ("berita/p02.md", 10, f"{embargo}/"),
        ]
    )
    public = site.build(publish=True, SEARCH_ENABLED=False)
    assert public.returncode == 0, public.log
    assert unpublished_links(public) == expected, public.log
    page = public.html("berita/2026/11/bawaslu-lahat-gelar-rapat-koordinasi-penetapan/")
    paragraphs = [p.get_text() for p in page.select(".article__body p")]
    assert paragraphs[0].endswith(
        "rinciannya di (tautan belum tersedia) dan ((tautan belum tersedia)) serta "
        "(tautan belum tersedia)."
    ), paragraphs
    assert paragraphs[1] == (
        "Lihat juga (tautan belum tersedia) di arsip, /tag/pilkada-serentak-2024/, "
        "/berita/2024/11/rilis-terbit/, /images/foto.jpg dan/atau "
        f"bawaslu.go.id{embargo}/ yang lain."
    )
    description = page.select_one('meta[name="description"]')["content"]
    assert description.endswith("serta (tautan belum tersedia)."), description
    assert unpublished_words(public, another_sites=f"bawaslu.go.id{embargo}") == []


def test_an_unpublished_address_without_its_first_slash_is_warned_and_taken_out(tmp_path):
    """An address copied from the address bar after the host
    (`berita/2099/11/slug/`, `draf/slug/`) as text named the embargoed
    release and the draft in the page, its description, the feeds and the
    lists with no warning. Each is warned at its line and shown as "(tautan
    belum tersedia)"; words with a "/" that are no unpublished content's
    address (`dan/atau`, `2024/2025`, a published release's, another site's
    `kpu.go.id/berita/…`) are left alone."""
    embargo = "berita/2099/11/penetapan-rahasiaembargo-lahat"
    site = FixtureSite(tmp_path)
    site.article(
        "p02.md",
        "Title: Bawaslu Lahat Gelar Rapat Koordinasi Penetapan\n"
        "Date: 2026-11-03 10:00\nCategory: Berita\nTags: Pilkada Serentak 2024\n\n"
        f"LAHAT – Bawaslu Kabupaten Lahat menggelar rapat, rinciannya di {embargo}/ "
        "dan (draf/draf-rahasia-lahat/) tahun 2024/2025.\n\n"
        "Lihat juga berita/2024/11/rilis-terbit/ dan/atau "
        f"kpu.go.id/{embargo}/ yang lain, serta {embargo}.\n",
    )
    site.article("p03.md", article_text(slug="rilis-terbit"))
    add_embargoed(site)
    site.article("d01.md", article_text(slug="draf-rahasia-lahat", status="draft"))
    public = site.build(publish=True, SEARCH_ENABLED=False)
    assert public.returncode == 0, public.log
    assert unpublished_links(public) == [
        ("berita/p02.md", 6, f"{embargo}/"),
        ("berita/p02.md", 6, "draf/draf-rahasia-lahat/"),
        ("berita/p02.md", 8, embargo),
    ], public.log
    page = public.html("berita/2026/11/bawaslu-lahat-gelar-rapat-koordinasi-penetapan/")
    paragraphs = [p.get_text() for p in page.select(".article__body p")]
    assert paragraphs == [
        "LAHAT – Bawaslu Kabupaten Lahat menggelar rapat, rinciannya di (tautan belum "
        "tersedia) dan ((tautan belum tersedia)) tahun 2024/2025.",
        "Lihat juga berita/2024/11/rilis-terbit/ dan/atau "
        f"kpu.go.id/{embargo}/ yang lain, serta (tautan belum tersedia).",
    ]
    description = page.select_one('meta[name="description"]')["content"]
    assert "rinciannya di (tautan belum tersedia) dan" in description, description
    assert unpublished_words(public, another_sites=f"kpu.go.id/{embargo}") == []


def test_an_unpublished_address_in_quotes_or_emphasis_or_after_a_word_is_taken_out(tmp_path):
    """An address in quotation marks (curly once the Markdown's smart quotes
    have them), in bold or italics, or written right after a word and
    a "/" (`Humas/https://…`) is the unpublished release's too: each warned at
    its line and shown as "(tautan belum tersedia)"."""
    siteurl = public_siteurl()
    embargo = "berita/2099/11/penetapan-rahasiaembargo-lahat/"
    lines = [
        f'Rinciannya di "{siteurl}/{embargo}" dan "/{embargo}" serta "{embargo}".',
        f"Lihat **/{embargo}** dan _{embargo}_ atau 'draf/draf-rahasia-lahat/'.",
        f"Foto: Humas/{siteurl}/{embargo}",
    ]
    site = FixtureSite(tmp_path)
    site.article("p02.md", article_text(slug="rapat-koordinasi", body="\n\n".join(lines)))
    add_embargoed(site)
    site.article("d01.md", article_text(slug="draf-rahasia-lahat", status="draft"))
    public = site.build(publish=True, SEARCH_ENABLED=False)
    assert public.returncode == 0, public.log
    said = [(line, address) for _, line, address in unpublished_links(public)]
    first = min(line for line, _ in said)
    assert said == sorted(
        [
            (first, f"{siteurl}/{embargo}"),
            (first, f"/{embargo}"),
            (first, embargo),
            (first + 2, f"/{embargo}"),
            (first + 2, embargo),
            (first + 2, "draf/draf-rahasia-lahat/"),
            (first + 4, f"{siteurl}/{embargo}"),
        ]
    ), public.log
    page = public.html("berita/2024/11/rapat-koordinasi/")
    paragraphs = [p.get_text() for p in page.select(".article__body p")]
    assert paragraphs[-3:] == [
        "Rinciannya di “(tautan belum tersedia)” dan “(tautan belum tersedia)” serta "
        "“(tautan belum tersedia)”.",
        "Lihat (tautan belum tersedia) dan (tautan belum tersedia) atau ‘(tautan belum tersedia)’.",
        "Foto: Humas/(tautan belum tersedia)",
    ], paragraphs
    assert unpublished_words(public) == []


def test_a_site_relative_address_is_read_with_the_sites_path(tmp_path):
    """On a site at a path (`https://x.github.io/warta`), `/warta/berita/…/slug/`
    as text is the embargoed release's address; `/warta/tag/x/` is none."""
    site = FixtureSite(tmp_path)
    site.article(
        "p02.md",
        article_text(
            slug="rapat-koordinasi",
            body="LAHAT – Bawaslu Kabupaten Lahat menggelar rapat, lihat "
            "/warta/berita/2099/11/penetapan-rahasiaembargo-lahat/ dan "
            "/warta/tag/pilkada-serentak-2024/ di situs.",
        ),
    )
    add_embargoed(site)
    siteurl = "https://contoh.github.io/warta"
    public = site.build(publish=True, SEARCH_ENABLED=False, SITEURL=siteurl, FEED_DOMAIN=siteurl)
    assert public.returncode == 0, public.log
    said = [address for _, _, address in unpublished_links(public)]
    assert said == ["/warta/berita/2099/11/penetapan-rahasiaembargo-lahat/"], public.log
    page = public.html("berita/2024/11/rapat-koordinasi/")
    text = page.select_one(".article__body").get_text(" ")
    assert "lihat (tautan belum tersedia) dan /warta/tag/pilkada-serentak-2024/ di" in text


def test_an_unpublished_address_in_the_featured_images_texts_is_warned_and_taken_out(tmp_path):
    """`Image-Caption: Rapat persiapan, rincian di https://…/berita/2099/11/slug/`
    (an embargoed release's address) was published in the figcaption, the
    feeds and search with no warning; so were the image's alt text (its <img>,
    the cards, og:image:alt) and credit. Each is warned at its line and shown
    as "(tautan belum tersedia)", in every output."""
    from PIL import Image

    siteurl = public_siteurl()
    host = siteurl.split("//", 1)[1].rstrip("/")
    embargo = EMBARGOED
    site = FixtureSite(tmp_path)
    (site.content / "images").mkdir()
    Image.new("RGB", (800, 600), (10, 120, 60)).save(site.content / "images" / "rapat.jpg")
    site.article(
        "p02.md",
        article_text(
            slug="rapat-persiapan-penetapan",
            image="images/rapat.jpg",
            image_alt=f"Peserta rapat di depan layar {host}{embargo}",
            image_caption=f"Rapat persiapan, rincian di {siteurl}{embargo}",
            image_credit=f"Humas (arsip <{siteurl}{embargo}>, lihat {embargo})",
        ),
    )
    add_embargoed(site)
    public = site.build(publish=True, SEARCH_ENABLED=False)
    assert public.returncode == 0, public.log
    assert unpublished_links(public) == [
        ("berita/p02.md", 9, f"{host}{embargo}"),
        ("berita/p02.md", 10, f"{siteurl}{embargo}"),
        ("berita/p02.md", 11, embargo),
        ("berita/p02.md", 11, f"{siteurl}{embargo}"),
    ], public.log
    page = public.html("berita/2024/11/rapat-persiapan-penetapan/")
    figure = page.select_one(".article__figure")
    assert figure.select_one("img")["alt"] == "Peserta rapat di depan layar (tautan belum tersedia)"
    credit = figure.select_one(".article__credit").get_text(strip=True)
    assert credit == "Humas (arsip <(tautan belum tersedia)>, lihat (tautan belum tersedia))"
    credit_tag = figure.select_one(".article__credit")
    credit_tag.extract()
    caption = figure.select_one("figcaption").get_text(strip=True)
    assert caption == "Rapat persiapan, rincian di (tautan belum tersedia)"
    assert embargoed_words(public) == []


def test_an_unpublished_address_in_a_correction_is_warned_and_taken_out(tmp_path):
    """A `Ralat:` text is shown in the "Ralat" box and list, the JSON-LD and the
    JSON Feed: an embargoed release's address in it is warned at its line and
    shown as "(tautan belum tersedia)", as in the body."""
    siteurl = public_siteurl()
    embargo = EMBARGOED
    site = FixtureSite(tmp_path)
    site.article(
        "p02.md",
        article_text(
            slug="rapat-persiapan-penetapan",
            modified="2024-11-21 09:00",
            ralat="2024-11-20 14:00 — Nama kecamatan diperbaiki.",
        ),
    )
    path = site.content / "berita" / "p02.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(
        9, f"Ralat: 2024-11-21 08:00 — Tautan rincian dihapus ({siteurl}{embargo}, {embargo})."
    )
    path.write_text("\n".join(lines), encoding="utf-8")
    add_embargoed(site)
    public = site.build(publish=True, SEARCH_ENABLED=False)
    assert public.returncode == 0, public.log
    assert unpublished_links(public) == [
        ("berita/p02.md", 10, embargo),
        ("berita/p02.md", 10, f"{siteurl}{embargo}"),
    ], public.log
    page = public.html("berita/2024/11/rapat-persiapan-penetapan/")
    items = [li.get_text(" ", strip=True) for li in page.select(".ralat-list__items li")]
    assert items[-1].endswith(
        "Tautan rincian dihapus ((tautan belum tersedia), (tautan belum tersedia))."
    ), items
    assert embargoed_words(public) == []


def test_an_unpublished_address_in_the_correction_note_is_warned_and_taken_out(tmp_path):
    """`Koreksi: Lihat juga https://…/berita/2099/11/slug/ untuk rilis lanjutan`
    published the embargoed release's address in the note's box with no
    warning: it is warned at its line and shown as "(tautan belum tersedia)"."""
    siteurl = public_siteurl()
    embargo = EMBARGOED
    site = FixtureSite(tmp_path)
    site.article(
        "p02.md",
        article_text(
            slug="rapat-persiapan-penetapan",
            koreksi=f"Lihat juga {siteurl}{embargo} untuk rilis lanjutan.",
        ),
    )
    add_embargoed(site)
    public = site.build(publish=True, SEARCH_ENABLED=False)
    assert public.returncode == 0, public.log
    assert unpublished_links(public) == [("berita/p02.md", 8, f"{siteurl}{embargo}")], public.log
    page = public.html("berita/2024/11/rapat-persiapan-penetapan/")
    note = page.select_one(".notice--correction").get_text(" ", strip=True)
    assert note == "Koreksi: Lihat juga (tautan belum tersedia) untuk rilis lanjutan."
    assert embargoed_words(public) == []


def test_a_link_to_a_tag_rubrik_or_author_page_the_site_does_not_have_is_said_at_its_line(
    tmp_path,
):
    """`{tag}pantarlih`, `{category}rahasia`, `{author}zz-penulis-rahasia` became
    /tag/pantarlih/ and so on, pages the build does not write: dead links, with
    "build ok". A tag only a draft has gets no page either."""
    site = FixtureSite(tmp_path)
    body = (
        "PALEMBANG – Bawaslu Kota Palembang mengawasi pencocokan data pemilih.\n\n"
        "Lihat [pantarlih]({tag}pantarlih) dan [pilkada]({tag}pilkada-serentak-2024).\n\n"
        "Rubrik [rahasia]({category}rahasia), [pengumuman]({category}pengumumn) dan "
        "[berita]({category}berita).\n\n"
        "Penulis [x]({author}zz-penulis-rahasia) dan [humas]({author}humas-bawaslu-kota-palembang)."
    )
    site.article("pub.md", article_text(slug="rilis-terbit", body=body))
    site.article("umum.md", article_text(slug="pengumuman-terbit", category="Pengumuman", tags=""))
    site.article("draf.md", article_text(slug="draf-x", status="draft", tags="Pantarlih"))
    public = site.build(
        publish=True,
        SITEURL=SITEURL,
        FEED_DOMAIN=SITEURL,
        SEARCH_ENABLED=False,
        OFFICIAL_TAGS_ALLOW_FREE=True,
    )
    assert public.returncode == 0, public.log
    said = sorted(
        (f.path.removeprefix("content/"), f.line, f.message)
        for f in public.findings("warning")
        if "page the site does not have" in f.message
    )
    assert said == [
        (
            "berita/pub.md",
            11,
            "link to a tag page the site does not have: '{tag}pantarlih' "
            "(no published release has this tag: remove the link)",
        ),
        (
            "berita/pub.md",
            13,
            "link to a rubrik page the site does not have: '{category}pengumumn' "
            "(link to an existing rubrik page, e.g. '{category}pengumuman', or remove the link)",
        ),
        (
            "berita/pub.md",
            13,
            "link to a rubrik page the site does not have: '{category}rahasia' "
            "(no published release has this rubrik: remove the link)",
        ),
        (
            "berita/pub.md",
            15,
            "link to an author page the site does not have: '{author}zz-penulis-rahasia' "
            "(no published release has this author: remove the link)",
        ),
    ], public.log


def test_a_link_to_a_tag_by_another_of_its_names_suggests_that_tags_page(tmp_path):
    """`{tag}IKP` where a release has `Tags: IKP` (the vocabulary's alias of
    "Indeks Kerawanan Pemilu", /tag/indeks-kerawanan-pemilu/) was told to
    link to an existing tag page "e.g. '{tag}kpu'": the nearest slug by
    spelling, another tag."""
    site = FixtureSite(tmp_path)
    site.article("ikp.md", article_text(slug="rilis-ikp", tags="IKP, KPU"))
    body = (
        "PALEMBANG – Bawaslu Kota Palembang memaparkan hasil pemetaan.\n\n"
        "Lihat [indeksnya]({tag}IKP) dan [petugasnya]({tag}Petugas Pemutakhiran Data Pemilih)."
    )
    site.article("pub.md", article_text(slug="rilis-terbit", tags="KPU", body=body))
    built = site.build(publish=True, SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    said = [
        (f.path.removeprefix("content/"), f.line, f.message)
        for f in built.findings("warning")
        if "page the site does not have" in f.message
    ]
    assert said == [
        (
            "berita/pub.md",
            11,
            "link to a tag page the site does not have: '{tag}IKP' ('IKP' is the tag "
            "'Indeks Kerawanan Pemilu': link to its page, '{tag}indeks-kerawanan-pemilu', "
            "or remove the link)",
        ),
        (
            "berita/pub.md",
            11,
            "link to a tag page the site does not have: '{tag}Petugas Pemutakhiran Data "
            "Pemilih' ('Petugas Pemutakhiran Data Pemilih' is the tag 'Pantarlih', which no "
            "published release has: remove the link)",
        ),
    ], built.log


def test_the_official_tag_a_spelling_names_comes_from_the_official_tags_plugin():
    """link_check reads the official tags where the official_tags plugin puts
    them (the generator context), never that plugin's settings: without the
    plugin, or with something else under its key, there is no official tag."""
    from types import SimpleNamespace

    from plugins.link_check.plugin import official_tags
    from warta.tags.vocabulary import CONTEXT_KEY, load_vocabulary

    path = Path(__file__).resolve().parents[1] / "data" / "official_tags.yaml"
    vocabulary, problems = load_vocabulary(path, "data/official_tags.yaml")
    assert not problems
    generators = [SimpleNamespace(context={}), SimpleNamespace(context={CONTEXT_KEY: vocabulary})]
    assert official_tags(generators).resolve("tps  rawan").slug == "indeks-kerawanan-pemilu"
    assert official_tags(generators).resolve("zqx") is None
    assert official_tags([SimpleNamespace(context={})]) is None
    assert official_tags([SimpleNamespace(context={CONTEXT_KEY: {"IKP": "x"}})]) is None
    assert official_tags([object()]) is None


def test_a_link_the_html_escapes_is_found_at_its_own_line():
    """`?q="x` in the source is `?q=&quot;x` in the HTML: the path alone was
    looked for, and found on an earlier line linking the same page."""
    source = (
        "Title: t\n\n[a](/berita/2099/01/x/)\n\n"
        "<a href='/berita/2099/01/x/?q=\"x'>b</a> dan [c](/berita/2099/01/x/?a=1&b=2)\n"
    )
    for written in ("/berita/2099/01/x/?q=&quot;x", "/berita/2099/01/x/?a=1&amp;b=2"):
        assert link_line(source, Link(written, written), first_line=3) == 5


def test_a_link_is_not_found_at_a_longer_address_on_an_earlier_line():
    """Two links to one draft, the first with a query: the second was said at
    the first's line, its address being the start of the first's."""
    source = "Title: t\n\n[a](/draf/x/?q=1) dan\n\n[b](/draf/x/) <https://s.org/draf/x/>\n"
    assert link_line(source, Link("/draf/x/", "/draf/x/"), first_line=3) == 5
    assert link_line(source, Link("/draf/x/?q=1", "/draf/x/?q=1"), first_line=3) == 3


def test_a_link_is_not_found_inside_a_longer_link_on_an_earlier_line():
    """A full link to a draft on one line and its site-relative link on a
    later one: both were said at the first line (`/x/` ends the full href) and
    the later line was never named. Each link is its own line, as Markdown
    renders it: the whole value, not the path of a longer address."""
    import markdown

    render = markdown.Markdown().convert
    address = "/berita/2024/11/r14-rahasia/"
    full = f"https://warta-sumsel.example.org{address}"
    for first in (full, f"warta-sumsel.example.org{address}"):
        source = f"Title: t\n\nSatu [jadwal]({first}) saja.\n\nTiga [rapat]({address}) saja.\n"
        assert link_line(source, Link(address, address), first_line=3, render=render) == 5
    source = f"Title: t\n\nSatu [jadwal]({full}) saja.\n\nTiga [rapat]({address}) saja.\n"
    assert link_line(source, Link(full, full), first_line=3, render=render) == 3
    # A path needle still finds its link with a query, and a target its
    # `{filename}` link.
    assert (
        line_linking(
            [(3, f"<{full}>"), (5, f"[a]({address}?q=1)")],
            [3, 5],
            address,
            render,
            attribute_values,
        )
        == 5
    )
    lines = [(3, "[a](https://s.org/d.md)"), (5, "[b]({filename}d.md)")]
    assert line_linking(lines, [3, 5], "d.md", render, attribute_values) == 5


def test_a_link_is_found_at_its_own_line_not_at_its_address_shown_as_text_above():
    """A lead shows an embargoed release's full address as text, and a later
    line links it with that address as the link's text: the line's first
    occurrence of the path, in the link's text, was the one tried, so the
    link was said at the lead's line and never at its own."""
    import markdown

    render = markdown.Markdown().convert
    address = "/berita/2099/11/umumkan-hasil-pengawasan-pleno-lahat/"
    source = (
        "Title: t\n\n"
        f"PALEMBANG – lihat https://warta-sumsel.example.org{address} untuk rilis berikutnya.\n\n"
        "Paragraf dua.\n\n"
        f"Baca juga [https://warta-sumsel.example.org{address}]({address}) nanti.\n"
    )
    assert link_line(source, Link(address, address), first_line=3, render=render) == 7


def test_a_link_and_its_address_shown_as_text_above_are_each_said_at_their_line(tmp_path):
    siteurl = "https://warta-sumsel.example.org"
    address = "/berita/2099/11/umumkan-hasil-pengawasan-pleno-lahat/"
    site = FixtureSite(tmp_path)
    body = (
        f"PALEMBANG – Bawaslu lihat {siteurl}{address} untuk rilis berikutnya.\n\n"
        "Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan.\n\n"
        f"Baca juga [{siteurl}{address}]({address}) nanti.\n"
    )
    text = article_text(slug="rilis-terbit", body=body)
    site.article("pub.md", "".join(t for t in text.splitlines(True) if "Summary:" not in t))
    site.article("embargo.md", article_text(slug=address.split("/")[-2], date="2099-11-01 08:00"))
    lead, link = (line_of(site.content / "berita/pub.md", t) for t in ("PALEMBANG", "Baca juga"))
    public = site.build(publish=True, SEARCH_ENABLED=False)
    assert public.returncode == 0, public.log
    assert unpublished_links(public) == [
        ("berita/pub.md", lead, f"{siteurl}{address}"),
        ("berita/pub.md", link, address),
    ], public.log


def test_a_link_whose_text_is_its_own_full_address_is_said_once(tmp_path):
    """`[https://site/x/](/x/)`: the href was warned, then its text as an
    address shown as text (only a text equal to the href was the link's own),
    two warnings at one line in `invoke check`'s build and one in the public."""
    siteurl = "https://warta-sumsel.example.org"
    address = "/berita/2099/11/umumkan-hasil-pengawasan-pleno-lahat/"
    site = FixtureSite(tmp_path)
    body = (
        "PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan.\n\n"
        f"Baca juga [{siteurl}{address}]({address}) nanti.\n\n"
        f"Juga [{siteurl}{address}]({{filename}}embargo.md) dan [{address}]({address}).\n"
    )
    site.article("pub.md", article_text(slug="rilis-terbit", body=body))
    site.article("embargo.md", article_text(slug=address.split("/")[-2], date="2099-11-01 08:00"))
    first, second = (line_of(site.content / "berita/pub.md", t) for t in ("Baca juga", "Juga ["))
    expected = [
        ("berita/pub.md", first, address),
        ("berita/pub.md", second, address),
        ("berita/pub.md", second, "{filename}embargo.md"),
    ]
    development = site.build(SEARCH_ENABLED=False)  # as `invoke check` builds
    assert development.returncode == 0, development.log
    assert unpublished_links(development) == expected, development.log
    public = site.build(publish=True, SEARCH_ENABLED=False)
    assert public.returncode == 0, public.log
    assert unpublished_links(public) == expected, public.log


def test_a_link_to_a_page_the_site_writes_is_no_link_to_a_draft_with_its_address(tmp_path):
    """A draft page `Slug: wilayah` made the published link to the regions
    index, /wilayah/, "a link to an unpublished page", and the public build
    took it out: only contents' addresses were known as published, not the
    pages of the direct templates (/arsip/, /cari/) and of plugins
    (/wilayah/, /pejabat/, /tag/x/)."""
    site = FixtureSite(tmp_path)
    body = (
        "PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan.\n\n"
        "Lihat [Wilayah](/wilayah/), [Arsip](/arsip/), [Cari](/cari/), [Pejabat](/pejabat/) "
        "dan [Tag](/tag/pilkada-serentak-2024/).\n\n"
        "Juga [draf](/berita/2024/11/rapat-draf-rahasia/).\n"
    )
    site.article("pub.md", article_text(slug="rilis-terbit", body=body))
    site.article("draf.md", article_text(slug="rapat-draf-rahasia", status="draft"))
    for slug in ("wilayah", "arsip", "cari", "pejabat"):
        site.page(f"{slug}.md", f"Title: Halaman {slug}\nSlug: {slug}\nStatus: draft\n\nIsi.\n")
    site.page(
        "tag.md",
        "Title: Tag\nStatus: draft\nSave_as: tag/pilkada-serentak-2024/index.html\n\nIsi.\n",
    )
    draft_line = line_of(site.content / "berita/pub.md", "Juga [draf]")
    expected = [("berita/pub.md", draft_line, "/berita/2024/11/rapat-draf-rahasia/")]
    development = site.build(SEARCH_ENABLED=False)
    assert development.returncode == 0, development.log
    assert unpublished_links(development) == expected, development.log
    public = site.build(publish=True, SEARCH_ENABLED=False)
    assert public.returncode == 0, public.log
    assert unpublished_links(public) == expected, public.log
    page = public.html("berita/2024/11/rilis-terbit/")
    hrefs = [a["href"] for a in page.select(".article__body a")]
    assert [urlsplit(href).path for href in hrefs] == [
        "/wilayah/",
        "/arsip/",
        "/cari/",
        "/pejabat/",
        "/tag/pilkada-serentak-2024/",
    ]


def test_invoke_check_finds_an_address_without_its_scheme_as_the_public_build_does(tmp_path):
    """An image caption shows a draft's address without its scheme
    (`host.org/berita/…`): the public build warned and rewrote it, but
    `invoke check` (the development settings, SITEURL empty) knew no host to
    find it by, and `check --strict` passed while public text was changed."""
    from PIL import Image

    from tests.conftest import findings_in, run_check

    host = public_siteurl().split("//", 1)[1]
    address = f"{host}/berita/2024/11/temuan-dugaan-politik-uang-oku/"
    site = FixtureSite(tmp_path)
    (site.content / "images").mkdir()
    Image.new("RGB", (800, 600), (10, 120, 60)).save(site.content / "images" / "rapat.jpg")
    site.article(
        "pub.md",
        article_text(
            slug="rilis-terbit",
            image="images/rapat.jpg",
            image_alt="Rapat koordinasi",
            image_caption=f"Rapat koordinasi (lihat {address}).",
        ),
    )
    site.article("draf.md", article_text(slug="temuan-dugaan-politik-uang-oku", status="draft"))
    line = line_of(site.content / "berita/pub.md", "Image-Caption:")
    public = site.build(publish=True, SEARCH_ENABLED=False)
    assert unpublished_links(public) == [("berita/pub.md", line, address)], public.log
    checked = run_check(site, "--strict")
    said = [
        (f.path, f.line, f.message.split(" (")[0])
        for f in findings_in(checked.stdout)
        if "unpublished" in f.message
    ]
    expected = f"link to an unpublished article: '{address}'"
    assert said == [("content/berita/pub.md", line, expected)], checked.stdout
    assert checked.returncode != 0 and "error:" not in checked.stdout, checked.stdout


def test_a_draft_whose_address_is_a_page_the_site_writes_is_told_before_it_is_published(
    tmp_path,
):
    """A draft page `Slug: wilayah` would take the regions index's address
    once published: nothing said so while it was a draft."""
    site = FixtureSite(tmp_path)
    site.article("pub.md", article_text(slug="rilis-terbit"))
    site.page("wilayah.md", "Title: Wilayah Pengawasan\nSlug: wilayah\nStatus: draft\n\nIsi.\n")
    site.page("rapat.md", "Title: Rapat\nSlug: rapat-draf\nStatus: draft\n\nIsi.\n")
    for built in (site.build(SEARCH_ENABLED=False), site.build(publish=True, SEARCH_ENABLED=False)):
        assert built.returncode == 0, built.log
        said = [
            (f.path, f.line, f.message)
            for f in built.findings("suggestion")
            if "a page the site writes itself" in f.message
        ]
        assert said == [
            (
                "content/halaman/wilayah.md",
                2,
                "not published yet: once it is, its address /wilayah/ is a page the site "
                "writes itself (REGIONS_INDEX_SAVE_AS) (give it another Slug: before it is "
                "published)",
            )
        ], built.log


LOCAL_LINKS = """\
PALEMBANG – Bawaslu Kota Palembang menyiapkan rilis berikutnya.

Lihat [draf rilis](http://127.0.0.1:8000/draf/draf-lokal/) sebelum terbit.

Jadwalnya <http://localhost:8000/berita/2099/01/embargo-lokal/> nanti.

Pratinjau [di sini](http://0.0.0.0:8000/berita/2024/11/lain-terbit/) dan
[rilis embargo]({siteurl_www}/berita/2099/01/embargo-lokal/).

Rilis [sebelumnya]({siteurl_www}/berita/2024/11/lain-terbit/) tetap tautan.
"""


def test_links_to_a_local_preview_or_the_www_host_are_warned_and_taken_out(tmp_path):
    """`[a](http://127.0.0.1:8000/draf/<slug>/)`, `http://localhost:8000/…`,
    `http://0.0.0.0:8000/…` and `https://www.<site host>/berita/…` went out
    verbatim in the page and the feeds, telling an embargoed release's slug:
    a local preview's link is warned at its line (the release's file to link
    instead) and taken out in every build; the `www.` twin is the site's."""
    www = SITEURL.replace("https://", "https://www.")
    site, path = site_linking_unpublished(
        tmp_path, "rilis-lokal", LOCAL_LINKS.format(siteurl_www=www), "lokal"
    )
    local = "link to a local preview, which no reader can open"
    expected = [
        (line_of(path, "Lihat"), f"{local}: 'http://127.0.0.1:8000/draf/draf-lokal/'"),
        (
            line_of(path, "Jadwalnya"),
            f"{local}: 'http://localhost:8000/berita/2099/01/embargo-lokal/'",
        ),
        (
            line_of(path, "Pratinjau"),
            f"{local}: 'http://0.0.0.0:8000/berita/2024/11/lain-terbit/'",
        ),
        (
            line_of(path, "[rilis embargo]"),
            f"link to an unpublished article: '{www}/berita/2099/01/embargo-lokal/'",
        ),
    ]
    suggestions = {
        "draf-lokal": "link the article by its file: {filename}/berita/draf.md, once it is",
        "embargo-lokal/'": "link the article by its file: {filename}/berita/embargo.md, once it",
        "lain-terbit": "link the article by its file: {filename}/berita/lain.md",
    }
    for publish in (True, False):
        built = site.build(
            publish=publish, SITEURL=SITEURL if publish else "", SEARCH_ENABLED=False
        )
        assert built.returncode == 0, built.log
        found = [f for f in built.findings("warning") if f.path.endswith("tautan.md")]
        said = sorted((f.line, f.message.split(" (")[0]) for f in found)
        assert said == sorted(expected), (publish, built.log)
        for finding in found:
            if finding.message.startswith(local):
                [wanted] = [s for key, s in suggestions.items() if key in finding.message]
                assert wanted in finding.message, finding.message
        if publish:
            page = built.html("berita/2024/11/rilis-lokal/")
            hrefs = [a["href"] for a in page.select(".article__body a")]
            assert hrefs == [f"{www}/berita/2024/11/lain-terbit/"], hrefs
            text = page.select_one(".article__body").get_text()
            assert "draf rilis" in text and "di sini" in text
            assert "(tautan belum tersedia)" in text
            for name in ("feed.xml", "feed.json", "berita/2024/11/rilis-lokal/index.html"):
                written = built.text(name)
                for leak in ("draf-lokal", "embargo-lokal", "127.0.0.1", "localhost", "0.0.0.0"):
                    assert leak not in written, (name, leak)
    # (the preview build keeps the link to the embargoed release's address, warned)
    hrefs = [a["href"] for a in built.html("berita/2024/11/rilis-lokal/").select("main a")]
    assert not [href for href in hrefs if "127.0.0.1" in href or "localhost" in href], hrefs


COMPUTER_LINKS = """\
PALEMBANG – Bawaslu Kota Palembang menyiapkan rilis berikutnya.

Unduh [berkas](/home/zirbudi3/Dokumen/surat.pdf) dan [foto](~/zirbudi5/foto.jpg).

Juga [x](\\\\fileserver\\zirbudi6\\share\\a.pdf) dan
[/Users/zirmac8/surat.pdf](/Users/zirmac8/Desktop/surat.pdf).

Lihat [berkas lain](/tmp/zirtmp9/surat.pdf) serta [y](//nas/zirnas11/a.pdf).

Laman [Bawaslu](https://bawaslu.go.id/) tetap tautan.
"""


def test_links_to_files_on_the_writers_computer_are_warned_and_taken_out(tmp_path):
    """`[berkas](/home/<user>/…)`, `~/…`, `\\\\fileserver\\…`, `/Users/…`,
    `/tmp/…`, `//nas/…` went out verbatim in the page and the feeds, telling
    the writer's user name, folders and file server, with no word (the
    same paths as photos are refused). Each is warned at its line, by the
    images plugin's rule (`computer_file`), and taken out in every build,
    its text kept (NEUTRAL_TEXT where the text shows the path)."""
    site = FixtureSite(tmp_path)
    path = site.article(
        "tautan.md", article_text(slug="rilis-berkas", date="2024-11-18 09:30", body=COMPUTER_LINKS)
    )
    expected = {
        (line_of(path, "Unduh"), "/home/zirbudi3/Dokumen/surat.pdf"),
        (line_of(path, "Unduh"), "~/zirbudi5/foto.jpg"),
        (line_of(path, "Juga"), "\\fileserver\\zirbudi6\\share\\a.pdf"),
        (line_of(path, "(/Users/"), "/Users/zirmac8/Desktop/surat.pdf"),
        (line_of(path, "Lihat"), "/tmp/zirtmp9/surat.pdf"),
        (line_of(path, "Lihat"), "//nas/zirnas11/a.pdf"),
    }
    computer = "link to a file on the writer's own computer, which no reader can open"
    for publish in (True, False):
        built = site.build(publish=publish, SEARCH_ENABLED=False)
        assert built.returncode == 0, built.log
        found = [f for f in built.findings() if f.path.endswith("tautan.md")]
        assert {f.level for f in found} == {"warning"}, built.log
        said = {(f.line, f.message.removeprefix(f"{computer}: '").split("' (")[0]) for f in found}
        assert said == expected, built.log
        [surat] = [f for f in found if "zirbudi3" in f.message]
        assert surat.message.endswith(
            "(copy surat.pdf into content/images/2024/ and link it as "
            "[…]({static}/images/2024/surat.pdf), or remove the link)"
        )
        page = built.html("berita/2024/11/rilis-berkas/")
        body = page.select_one(".article__body")
        hrefs = [a["href"] for a in body.select("a")]
        assert hrefs == ["https://bawaslu.go.id/"], hrefs
        text = body.get_text(" ")
        assert "berkas lain" in text and "(tautan belum tersedia)" in text
        if publish:
            for name in ("feed.xml", "feed.json", "berita/2024/11/rilis-berkas/index.html"):
                assert "zir" not in built.text(name), name


@pytest.mark.parametrize(
    ("reference", "name"),
    [
        ("/home/budi/Dokumen/surat.pdf", "surat.pdf"),
        ("/var/www/budi/surat.pdf", "surat.pdf"),
        ("\\\\server\\share\\a.pdf", "a.pdf"),
        ("\\server\\share\\a.pdf", "a.pdf"),  # `\\\\` as Markdown writes it out
        ("//nas/share/a.pdf", "a.pdf"),
        ("//nas:445/share/a.pdf", "a.pdf"),
        ("//cdn.example.org/a.pdf", None),
        ("//localhost/a.pdf", None),  # a local preview (`local_address`)
        ("/images/2024/a.jpg", None),
        ("https://nas/a.pdf", None),
    ],
)
def test_a_path_on_the_writers_computer_or_file_server_is_one_rule(reference, name):
    assert computer_file(reference, "/nonexistent-content") == name


@pytest.mark.parametrize(
    ("host", "local"),
    [
        ("127.0.0.1", True),
        ("127.45.6.7", True),
        ("127.1", True),
        ("2130706433", True),
        ("0x7f.1", True),
        ("localhost", True),
        ("LocalHost.", True),
        ("pratinjau.localhost", True),
        ("0.0.0.0", True),
        ("0", True),
        ("[::1]", True),
        ("::", True),
        ("::ffff:127.0.0.1", True),
        ("10.0.0.1", False),
        ("192.168.1.5", False),
        ("127.0.0.1.nip.io", False),
        ("localhost.example.org", False),
        ("warta.example.org", False),
    ],
)
def test_a_host_of_the_computer_itself_is_never_a_public_address(host, local):
    assert is_local_host(host) is local
    in_address = f"[{host}]" if ":" in host and not host.startswith("[") else host
    assert (local_address(f"http://{in_address}:8000/draf/x/") is not None) is local


def test_the_www_twin_of_the_sites_host_is_the_site():
    path = "berita/2027/03/x"
    assert site_address(f"https://www.warta.example.org/{path}/", "warta.example.org", "") == path
    assert site_address(f"https://warta.example.org/{path}/", "www.warta.example.org", "") == path
    assert site_address(f"https://www.example.org/{path}/", "warta.example.org", "") is None
    assert site_address(f"https://wwwwarta.example.org/{path}/", "warta.example.org", "") is None


def test_a_link_to_a_file_in_an_embargoed_releases_folder_is_warned_and_taken_out(tmp_path):
    """`/berita/2099/01/<slug>/og.png` (its social card) or `…/<slug>/feed.xml`
    tells the embargoed slug as its page's address does."""
    site = FixtureSite(tmp_path)
    body = (
        "PALEMBANG – Bawaslu Kota Palembang menyiapkan rilis berikutnya.\n\n"
        "Kartu [gambar](/berita/2099/01/embargo-berkas/og.png) sudah siap.\n\n"
        f"Umpan [berita]({SITEURL}/berita/2099/01/embargo-berkas/feed.xml) juga.\n"
    )
    path = site.article("berkas.md", article_text(slug="rilis-berkas", body=body))
    site.article("embargo.md", article_text(slug="embargo-berkas", date="2099-01-01 08:00"))
    built = site.build(publish=True, SITEURL=SITEURL, FEED_DOMAIN=SITEURL, SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    said = sorted(
        (f.line, f.message.split(" (")[0])
        for f in built.findings("warning")
        if f.path.endswith("berkas.md")
    )
    assert said == [
        (
            line_of(path, "Kartu"),
            "link to an unpublished article: '/berita/2099/01/embargo-berkas/og.png'",
        ),
        (
            line_of(path, "Umpan"),
            f"link to an unpublished article: '{SITEURL}/berita/2099/01/embargo-berkas/feed.xml'",
        ),
    ], built.log
    for name in ("feed.xml", "feed.json", "berita/2024/11/rilis-berkas/index.html"):
        assert "embargo-berkas" not in built.text(name), name


def site_linking_unpublished(tmp_path, slug: str, body: str, hidden: str):
    """(site, path of its release `slug`): the release, whose `body` links to
    a published release (`lain-terbit`), a draft (`draf-<hidden>`) and an
    embargoed release (`embargo-<hidden>`), and those three."""
    site = FixtureSite(tmp_path)
    path = site.article(
        "tautan.md",
        article_text(
            title="Bawaslu Kota Palembang Siapkan Rilis Berikutnya Pekan Ini", slug=slug, body=body
        ),
    )
    site.article("lain.md", article_text(slug="lain-terbit", date="2024-11-10 10:00"))
    site.article(
        "draf.md", article_text(slug=f"draf-{hidden}", date="2024-11-16 08:00", status="draft")
    )
    site.article("embargo.md", article_text(slug=f"embargo-{hidden}", date="2099-01-01 08:00"))
    return site, path
