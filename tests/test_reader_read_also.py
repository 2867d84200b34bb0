"""BACA JUGA lines (plugins/read_also): styled links to this site's articles,
warnings with file and line for lines that point elsewhere."""

from __future__ import annotations

import gzip
import json
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import line_of
from plugins.read_also.lines import (
    LOCAL_PREVIEW,
    Catalogue,
    Target,
    normalise_title,
    rewrite,
    source_line_numbers,
)
from warta.read_also import mentions_read_also

LAHAT = Target(
    title='Bawaslu Lahat Awasi Kampanye "Akbar"',
    source_path="berita/2024/lahat.md",
    address="berita/2024/11/lahat-kampanye/",
)
CATALOGUE = Catalogue([LAHAT], siteurl="https://warta.example.org")


def read_also_links(html: str) -> list[str]:
    soup = BeautifulSoup(html, "lxml")
    found = []
    for para in soup.select("p.read-also"):
        assert para.select_one(".read-also__label").get_text(strip=True) == "Baca juga:"
        found.append(para.a["href"])
    return found


def test_headlines_match_whatever_the_case_quotes_and_punctuation():
    assert normalise_title("Bawaslu Lahat Awasi Kampanye “Akbar”.") == normalise_title(
        'BAWASLU LAHAT AWASI KAMPANYE "AKBAR"'
    )
    assert normalise_title("Awasi &amp; Cegah") == "awasi cegah"


def test_every_way_of_pointing_to_an_article_becomes_a_read_also_link():
    body = "\n".join(
        [
            '<p>BACA JUGA: <a href="{filename}lahat.md">teks apa saja</a></p>',
            '<p><strong>BACA JUGA:</strong> <a href="{filename}/berita/2024/lahat.md">x</a></p>',
            '<p>Baca juga: <a href="/berita/2024/11/lahat-kampanye/">x</a></p>',
            '<p>Baca Juga : <a href="https://warta.example.org/berita/2024/11/lahat-kampanye/">x</a></p>',
            "<p>Baca juga: Bawaslu Lahat Awasi Kampanye &ldquo;Akbar&rdquo;</p>",
        ]
    )
    html, problems = rewrite(body, CATALOGUE, "berita/2024")
    assert problems == []
    assert read_also_links(html) == ["{filename}/berita/2024/lahat.md"] * 5
    assert {a.get_text() for a in BeautifulSoup(html, "lxml").select("p.read-also a")} == {
        LAHAT.title
    }


def test_a_line_inside_a_paragraph_is_split_out():
    body = "<p>Paragraf pertama.\nBACA JUGA: Bawaslu Lahat Awasi Kampanye Akbar\nLanjutan.</p>"
    html, problems = rewrite(body, CATALOGUE, "berita/2024")
    assert problems == []
    paragraphs = BeautifulSoup(html, "lxml").find_all("p")
    assert [p.get("class") for p in paragraphs] == [None, ["read-also"], None]
    assert paragraphs[0].get_text() == "Paragraf pertama."
    assert paragraphs[2].get_text() == "Lanjutan."


def test_lines_pointing_elsewhere_are_kept_and_reported_in_order():
    body = "\n".join(
        [
            "<p>Teks biasa tentang baca juga: bukan sisipan.</p>",
            '<p>BACA JUGA: <a href="https://portal.example.com/123">Berita Portal</a></p>',
            "<p>Baca juga: Judul Yang Tidak Ada</p>",
            "<p>Baca juga: Bawaslu Lahat Awasi Kampanye Akbar</p>",
            '<p>BACA JUGA: <a href="/berita/2023/01/hilang/">Hilang</a></p>',
            "<p><strong>BACA JUGA:</strong> https://sripoku.example.com/berita/9</p>",
        ]
    )
    html, problems = rewrite(body, CATALOGUE, "berita/2024")
    assert [(p.number, p.reason, p.value) for p in problems] == [
        (0, "another site", "https://portal.example.com/123"),
        (1, "no article of this site", "Judul Yang Tidak Ada"),
        (3, "no article of this site", "/berita/2023/01/hilang/"),
        (4, "another site", "https://sripoku.example.com/berita/9"),
    ]
    soup = BeautifulSoup(html, "lxml")
    assert len(soup.select("p.read-also")) == 1
    assert soup.find("a", href="https://portal.example.com/123") is not None


@pytest.mark.parametrize(
    ("siteurl", "href"),
    [
        ("https://warta.example.org", "https://WARTA.Example.org/berita/2024/11/lahat-kampanye/"),
        (
            "https://warta.example.org",
            "https://warta.example.org:443/berita/2024/11/lahat-kampanye/",
        ),
        ("https://warta.example.org", "http://warta.example.org/berita/2024/11/lahat-kampanye/"),
        ("https://warta.example.org", "//warta.example.org/berita/2024/11/lahat-kampanye/"),
        ("https://warta.example.org/", "https://warta.example.org./berita/2024/11/lahat-kampanye/"),
        ("https://Warta.Example.org", "https://warta.example.org/berita/2024/11/lahat-kampanye/"),
        ("https://warta.example.org", "/berita/2024/11/lahat%2Dkampanye/index.html"),
        # a site below a path: its addresses with SITEURL's path, full or site-relative
        (
            "https://warta.example.org/sumsel/",
            "https://warta.example.org/sumsel/berita/2024/11/lahat-kampanye/",
        ),
        ("https://warta.example.org/sumsel", "/sumsel/berita/2024/11/lahat-kampanye/"),
        ("https://warta.example.org/sumsel", "/berita/2024/11/lahat-kampanye/"),
        # its `www.` twin, either way
        (
            "https://warta.example.org",
            "https://www.warta.example.org/berita/2024/11/lahat-kampanye/",
        ),
        (
            "https://www.warta.example.org",
            "https://warta.example.org/berita/2024/11/lahat-kampanye/",
        ),
    ],
)
def test_an_address_of_the_site_in_any_spelling_is_a_read_also_link(siteurl, href):
    """The host was compared as written ('https' and 'warta.example.org' exactly,
    SITEURL's own spelling): a line linking the site's article by another
    spelling of its address, as link_check reads it, was warned as another site's."""
    body = f'<p>BACA JUGA: <a href="{href}">x</a></p>'
    html, problems = rewrite(body, Catalogue([LAHAT], siteurl=siteurl), "berita/2024")
    assert problems == []
    assert read_also_links(html) == ["{filename}/berita/2024/lahat.md"]


@pytest.mark.parametrize(
    ("siteurl", "href"),
    [
        (
            "https://warta.example.org",
            "https://warta.example.org:8443/berita/2024/11/lahat-kampanye/",
        ),
        (
            "https://warta.example.org",
            "https://warta.example.org.evil.example/berita/2024/11/lahat-kampanye/",
        ),
        ("https://warta.example.org", "http://[warta.example.org/berita/2024/11/lahat-kampanye/"),
        ("https://warta.example.org", "mailto:humas@warta.example.org"),
        ("", "https://warta.example.org/berita/2024/11/lahat-kampanye/"),  # no host known
        (
            "https://warta.example.org",
            "https://wwwwarta.example.org/berita/2024/11/lahat-kampanye/",
        ),
        ("https://warta.example.org", "https://www.example.org/berita/2024/11/lahat-kampanye/"),
    ],
)
def test_an_address_on_another_host_is_another_sites(siteurl, href):
    body = f'<p>BACA JUGA: <a href="{href}">x</a></p>'
    html, problems = rewrite(body, Catalogue([LAHAT], siteurl=siteurl), "berita/2024")
    assert [(p.reason, p.value) for p in problems] == [("another site", href)]
    assert read_also_links(html) == []


@pytest.mark.parametrize(
    "href",
    [
        "https://warta.example.org/berita/2024/11/lahat-kampanye/",
        "https://Warta.Example.org/berita/2024/11/lahat-kampanye/",
    ],
)
def test_a_relative_build_reads_the_public_sites_address_as_its_own(href):
    """`invoke check` (SITEURL empty) called a line linking the public site's
    address another site's (failing --strict) while the public build made it a
    read-also link: it is read by PUBLIC_SITEURL, as the public build reads it."""
    body = f'<p>BACA JUGA: <a href="{href}">x</a></p>'
    catalogue = Catalogue([LAHAT], siteurl="", public_siteurl="https://warta.example.org")
    html, problems = rewrite(body, catalogue, "berita/2024")
    assert problems == []
    assert read_also_links(html) == ["{filename}/berita/2024/lahat.md"]
    # Another host is another site's there too; SITEURL, when set, is the site's.
    other = '<p>BACA JUGA: <a href="https://portal.example.com/berita/2024/11/lahat-kampanye/">x</a></p>'
    assert [p.reason for p in rewrite(other, catalogue, "berita/2024")[1]] == ["another site"]
    own = Catalogue([LAHAT], "https://a.example.org", public_siteurl="https://warta.example.org")
    assert [p.reason for p in rewrite(body, own, "berita/2024")[1]] == ["another site"]


def test_the_development_build_makes_the_public_sites_address_a_read_also_link(site):
    write_target(site)
    site.article(
        "2024/palembang.md",
        slug="palembang-rakor",
        body="""
            PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi.

            BACA JUGA: <https://warta.example.org/berita/2024/11/lahat-kampanye/>

            BACA JUGA: [Lahat](https://Warta.Example.org/berita/2024/11/lahat-kampanye/)
        """,
    )
    built = site.build(
        strict=True, PLUGINS=["read_also"], SITEURL="", PUBLIC_SITEURL="https://warta.example.org"
    )
    assert built.returncode == 0, built.log
    assert built.findings("warning") == []
    body = built.html("berita/2024/11/palembang-rakor/").select_one(".article__body")
    styled = body.select("p.read-also")
    assert [p.a["href"] for p in styled] == ["/berita/2024/11/lahat-kampanye/"] * 2


@pytest.mark.parametrize(
    ("siteurl", "public", "text"),
    [
        (
            "https://warta.example.org",
            "",
            "https://warta.example.org/berita/2024/11/lahat-kampanye/",
        ),
        (
            "https://warta.example.org",
            "",
            "https://WARTA.EXAMPLE.ORG:443/berita/2024/11/lahat-kampanye/",
        ),
        (
            "https://warta.example.org/sumsel",
            "",
            "http://warta.example.org/sumsel/berita/2024/11/lahat-kampanye/",
        ),
        ("", "https://warta.example.org", "//warta.example.org/berita/2024/11/lahat-kampanye/"),
    ],
)
def test_the_sites_address_written_out_is_a_read_also_link(siteurl, public, text):
    """`BACA JUGA: https://site/berita/…/` (no link: Markdown makes none of a
    bare address) was another site's in every build: the address is read as a
    link to it is."""
    catalogue = Catalogue([LAHAT], siteurl=siteurl, public_siteurl=public)
    for body in (f"<p>BACA JUGA: {text}</p>", f"<p>Baca juga: <strong>{text}</strong></p>"):
        html, problems = rewrite(body, catalogue, "berita/2024")
        assert problems == []
        assert read_also_links(html) == ["{filename}/berita/2024/lahat.md"]
    # Another site's address, or none of the site's articles, is said as such.
    for text, reason in (
        ("https://portal.example.com/berita/2024/11/lahat-kampanye/", "another site"),
        ("https://warta.example.org/sumsel/berita/2024/11/tidak-ada/", "no article of this site"),
    ):
        problems = rewrite(f"<p>BACA JUGA: {text}</p>", catalogue, "berita/2024")[1]
        assert [(p.reason, p.value) for p in problems] == [(reason, text)]


def test_the_public_build_makes_the_sites_address_written_out_a_read_also_link(site):
    write_target(site)
    site.article(
        "2024/palembang.md",
        slug="palembang-rakor",
        body="""
            PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi.

            BACA JUGA: https://warta.example.org/berita/2024/11/lahat-kampanye/

            Baca juga: https://WARTA.EXAMPLE.ORG:443/berita/2024/11/lahat-kampanye/
        """,
    )
    siteurl = "https://warta.example.org"
    built = site.build(
        strict=True, publish=True, PLUGINS=["read_also"], SITEURL=siteurl, PUBLIC_SITEURL=siteurl
    )
    assert built.returncode == 0, built.log
    assert built.findings("warning") == []
    body = built.html("berita/2024/11/palembang-rakor/").select_one(".article__body")
    styled = body.select("p.read-also")
    assert [p.a["href"] for p in styled] == [f"{siteurl}/berita/2024/11/lahat-kampanye/"] * 2
    assert [p.a.get_text() for p in styled] == [TARGET_TITLE] * 2


def test_source_line_numbers_skip_the_metadata_block():
    source = "\n".join(
        [
            "Title: Baca juga: bukan baris isi",
            "Date: 2024-11-17 09:30",
            "",
            "PALEMBANG – Isi.",
            "",
            "**BACA JUGA:** Satu",
            "",
            "> Baca juga : Dua",
            "Teks lain baca juga: tidak dihitung",
        ]
    )
    assert source_line_numbers(source) == [6, 8]


# ---- built sites ----

TARGET_TITLE = "Bawaslu Kabupaten Lahat Awasi Kampanye Rapat Umum"


def write_target(site):
    site.article(
        "2024/lahat.md", title=TARGET_TITLE, slug="lahat-kampanye", date="2024-11-16 09:00"
    )


def test_internal_lines_become_styled_links_in_the_built_page(site):
    write_target(site)
    site.article(
        "2024/palembang.md",
        slug="palembang-rakor",
        body="""
            PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi.

            BACA JUGA: [Lahat]({filename}lahat.md)

            Baca juga: bawaslu kabupaten lahat awasi kampanye rapat umum

            Rapat diikuti seluruh jajaran.
        """,
    )
    for _ in ("fresh", "from the content cache"):
        built = site.build(strict=True, PLUGINS=["json_feed", "read_also"])
        assert built.returncode == 0, built.log
        body = built.html("berita/2024/11/palembang-rakor/").select_one(".article__body")
        styled = body.select("p.read-also")
        assert [p.a["href"] for p in styled] == ["/berita/2024/11/lahat-kampanye/"] * 2
        assert [p.a.get_text() for p in styled] == [TARGET_TITLE] * 2
        assert "BACA JUGA" not in body.get_text()
    assert any((site.root / "cache").iterdir()), "the second build had no content cache"
    # The feed carries the same rewritten body.
    feed = built.json("feed.json")
    item = next(i for i in feed["items"] if i["url"].endswith("/palembang-rakor/"))
    feed_body = BeautifulSoup(item["content_html"], "lxml")
    assert [p.a["href"] for p in feed_body.select("p.read-also")] == [
        "/berita/2024/11/lahat-kampanye/"
    ] * 2


KAYUAGUNG_LEAD = (
    "KAYUAGUNG – Bawaslu Kabupaten OKI mengawasi pelipatan surat suara di gudang KPU, "
    "Rabu (6/11/2024)."
)


def test_no_read_also_line_reaches_the_summary(site):
    """`BACA JUGA:` above the dateline was the description; BACA JUGA lines in
    the lead's paragraph (no blank lines: the page splits them out) were in
    the description and feed.json's summary, linked or not."""
    write_target(site)
    bodies = {
        "atas": f"BACA JUGA: {TARGET_TITLE}.\n\n{KAYUAGUNG_LEAD}\n\nPelipatan selesai.",
        "dalam": (
            f"{KAYUAGUNG_LEAD}\nBACA JUGA: {TARGET_TITLE}\n"
            "Ketua Bawaslu OKI meminta petugas teliti memeriksa surat suara.\n"
            "Baca juga : Judul Berita Portal Lain yang Tidak Ada di Situs Ini\n"
            "Pelipatan ditargetkan selesai dalam lima hari."
        ),
    }
    for slug, body in bodies.items():
        site.article(
            f"2024/{slug}.md",
            f"Title: Bawaslu OKI Awasi Pelipatan Surat Suara {slug}\nDate: 2024-11-06 10:00\n"
            f"Slug: {slug}\n\n{body}\n",
        )
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    summary = KAYUAGUNG_LEAD.split(" – ", 1)[1]
    items = {i["url"].rstrip("/").rsplit("/", 1)[1]: i for i in built.json("feed.json")["items"]}
    for slug in bodies:
        assert items[slug]["summary"] == summary, slug
        page = built.html(f"berita/2024/11/{slug}/")
        assert page.find("meta", attrs={"name": "description"})["content"] == summary, slug
        assert [r["code"] for r in items[slug]["_warta"]["regions"]] == ["16.02"], slug


def indexed_pages(built) -> dict[str, str]:
    """Each page Pagefind indexed: its address → the text it indexed."""
    pages = {}
    for fragment in (built.output / "pagefind").rglob("fragment/*.pf_fragment"):
        data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        pages[data["url"]] = data["content"]
    return pages


def test_search_indexes_a_release_without_the_headlines_of_its_read_also_lines(site):
    """Searching "politik uang" found a release only because another story's
    headline was in its BACA JUGA box (linked or not)."""
    write_target(site)
    site.article(
        "2024/pagaralam.md",
        slug="pagaralam-logistik",
        body=f"""
            PAGARALAM – Bawaslu Kota Pagaralam mengawasi pergeseran Zqxlogistik ke kelurahan.

            BACA JUGA: {TARGET_TITLE}

            Baca Juga : Sentra Gakkumdu Kaji Laporan Dugaan Zqxpolitikuang

            Pengawas memastikan jumlah kotak suara sesuai berita acara.
        """,
    )
    built = site.build()
    assert built.returncode == 0, built.log
    pages = indexed_pages(built)
    [text] = [text for url, text in pages.items() if "pagaralam-logistik" in url]
    assert "Zqxlogistik" in text and "kotak suara" in text
    assert "Zqxpolitikuang" not in text and "Rapat Umum" not in text
    assert not [url for url, text in pages.items() if "Zqxpolitikuang" in text]
    body = built.html("berita/2024/11/pagaralam-logistik/").select_one(".article__body")
    inserts = [p for p in body.find_all("p") if "juga" in p.get_text().lower()]
    assert len(inserts) == 2
    assert all(p.has_attr("data-pagefind-ignore") for p in inserts), inserts


def test_outside_and_unknown_lines_warn_with_file_and_line_and_fail_strict(site):
    write_target(site)
    site.article(
        "2024/palembang.md",
        slug="palembang-rakor",
        body="""
            PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi.

            BACA JUGA: [Berita portal](https://portal.example.com/berita/123)

            Baca juga: Judul Berita Yang Tidak Pernah Terbit
        """,
    )
    relaxed = site.build(PLUGINS=["read_also"])
    assert relaxed.returncode == 0, relaxed.log
    assert relaxed.log_lines("warning") == [
        "berita/2024/palembang.md:11: BACA JUGA points to another site: "
        "'https://portal.example.com/berita/123' "
        "(link to an article of this site or remove the line)",
        "berita/2024/palembang.md:13: BACA JUGA points to no article of this site: "
        "'Judul Berita Yang Tidak Pernah Terbit' "
        "(link to an article of this site or remove the line)",
    ]
    body = relaxed.html("berita/2024/11/palembang-rakor/").select_one(".article__body")
    assert body.select("p.read-also") == []
    strict = site.build(strict=True, PLUGINS=["read_also"])
    assert strict.returncode == 1
    assert "build FAILED" in strict.log.splitlines()[-1]


@pytest.mark.parametrize(
    "body",
    [
        "<p>BACA JUGA: x</p>",
        "<p><strong>Baca juga</strong>: x</p>",
        "<p>baca\njuga: x</p>",
        "<p>Baca&nbsp;juga: x</p>",
        "<p>BACA&#160;JUGA: x</p>",
    ],
)
def test_bodies_with_a_read_also_line_are_never_skipped(body):
    assert mentions_read_also(body)
    assert not mentions_read_also("<p>Bawaslu juga mengawasi. Silakan baca laporannya.</p>")


def test_a_line_naming_a_draft_is_said_here_whether_kept_or_left_out():
    """`BACA JUGA: [x]({filename}draf.md)` in the preview build (the draft has a
    /draf/ page) was left to link_check, which says it as any link; this plugin
    says every BACA JUGA line naming a draft (link_check, told, says it not
    again), and whether the line stays in the page."""
    from plugins.read_also.lines import UNPUBLISHED, Problem, Unpublished

    def catalogue(written: bool) -> Catalogue:
        draft = Unpublished("Rilis Draf", "berita/2024/draf.md", "rilis-draf", written)
        return Catalogue([LAHAT], "https://warta.example.org", [draft])

    linked = '<p>BACA JUGA: <a href="{filename}draf.md">Rilis Draf</a></p>'
    named = "<p>BACA JUGA: Rilis Draf</p>"
    body, problems = rewrite(linked, catalogue(written=True), "berita/2024")
    assert problems == [Problem(0, UNPUBLISHED, "{filename}draf.md", kept=True)]
    assert "{filename}draf.md" in body
    body, problems = rewrite(linked, catalogue(written=False), "berita/2024")
    assert problems == [Problem(0, UNPUBLISHED, "{filename}draf.md", kept=False)]
    assert "draf" not in body
    body, problems = rewrite(named, catalogue(written=True), "berita/2024")
    assert problems == [Problem(0, UNPUBLISHED, "Rilis Draf", kept=True)]


def test_a_read_also_line_to_an_unpublished_article_is_said_once_in_every_build(site):
    """`BACA JUGA: https://site/berita/…/<draft's slug>/` was said twice at its
    line by `invoke check` and the development build (by this plugin, then by
    link_check as a link to an unpublished article), once by the public build.
    This plugin says it of a BACA JUGA line, however the line names the draft;
    link_check still says a link to it elsewhere in the body."""
    from collections import Counter

    from conftest import findings_in, run_check

    site.article(
        "2024/rahasia.md",
        title="Bawaslu Sumsel Siapkan Rilis Rahasia",
        slug="r15secret",
        date="2024-11-20 10:00",
        tags="",
        status="draft",
    )
    site.article(
        "2024/r15-baca.md",
        slug="r15-baca",
        tags="",
        body="""
            PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi.

            BACA JUGA: https://warta-sumsel.example.org/berita/2024/11/r15secret/

            Baca juga: /berita/2024/11/r15secret/

            BACA JUGA: [Rilis rahasia]({filename}rahasia.md)

            Lihat juga [rilis itu]({filename}rahasia.md) untuk rinciannya.

            Alamatnya nanti https://warta-sumsel.example.org/berita/2024/11/r15secret/ saja.
        """,
    )
    source = (site.content / "berita/2024/r15-baca.md").read_text(encoding="utf-8")
    lines = source.splitlines()
    read_also_lines = [n for n, line in enumerate(lines, 1) if "juga:" in line.lower()]
    link_lines = [n for n, line in enumerate(lines, 1) if line.startswith(("Lihat", "Alamat"))]

    def said(findings) -> dict[int, list[str]]:
        at: dict[int, list[str]] = {}
        for finding in findings:
            if finding.path.endswith("r15-baca.md") and "unpublished" in finding.message:
                at.setdefault(finding.line, []).append(finding.message)
        return at

    checked = run_check(site)
    assert "Traceback" not in checked.stdout + checked.stderr, checked.stderr
    check_findings = [f for f in findings_in(checked.stdout) if f.line]
    development = site.build()
    public = site.build(publish=True)
    for name, findings in (
        ("invoke check", check_findings),
        ("development", development.findings("warning")),
        ("public", public.findings("warning")),
    ):
        at = said(findings)
        assert Counter({n: len(m) for n, m in at.items()}) == Counter(
            dict.fromkeys([*read_also_lines, *link_lines], 1)
        ), (name, at)
        assert all(
            at[n][0].startswith("BACA JUGA points to an unpublished article: ")
            for n in read_also_lines
        ), (name, at)
        # (a link or an address elsewhere is link_check's, at its own line)
        assert all(at[n][0].startswith("link to an unpublished article: ") for n in link_lines), (
            name,
            at,
        )


def test_a_line_linking_a_missing_file_keeps_its_text_not_the_link():
    """A `{filename}` line to a file content/ no longer holds was warned as
    pointing to no article while content_lint said the same link was missing,
    and the page kept the raw `{filename}/…` Pelican could not resolve."""
    from plugins.read_also.lines import MISSING_FILE, Problem

    files = {"berita/2024/lahat.md", "halaman/kontak.md"}
    catalogue = Catalogue([LAHAT], "https://warta.example.org", content_file=files.__contains__)
    body = "\n".join(
        [
            '<p>BACA JUGA: <a href="{filename}/berita/2024/lahat-lama.md">Lahat lama</a></p>',
            '<p>Baca juga: <a href="{filename}../../halaman/kontak.md">Kontak</a></p>',
            '<p>Baca juga: <a href="{filename}lahat.md">x</a></p>',
        ]
    )
    html, problems = rewrite(body, catalogue, "berita/2024")
    assert problems == [
        Problem(0, MISSING_FILE, "{filename}/berita/2024/lahat-lama.md"),
        Problem(1, "no article of this site", "{filename}../../halaman/kontak.md"),
    ]
    soup = BeautifulSoup(html, "lxml")
    assert soup.find("p").get_text() == "BACA JUGA: Lahat lama"
    assert [a["href"] for a in soup.find_all("a")] == [
        "{filename}../../halaman/kontak.md",  # a file of the site: Pelican links it
        "{filename}/berita/2024/lahat.md",
    ]
    assert catalogue.nearest_path("{filename}/berita/2024/lahatt.md") == LAHAT.source_path
    assert catalogue.nearest_path("{filename}lahat.md", but=LAHAT.source_path) is None
    assert catalogue.nearest_path("{filename}rapat-pleno.md") is None


def test_a_line_to_a_deleted_release_is_one_error_and_no_raw_link_anywhere(site):
    """Release deleted, another linking it with BACA JUGA: a warning ("points
    to no article") and an error ("link to a missing file") for one line, and
    the raw href="{filename}/…" in the page and every feed."""
    target = site.article(
        "2024/rapat-pleno.md", title="Rapat Pleno Rekapitulasi", slug="rapat-pleno"
    )
    site.article(
        "2024/apel.md",
        title="Apel Siaga Pengawasan",
        slug="apel-siaga",
        date="2024-11-18 09:00",
        body="""
            PALEMBANG – Bawaslu Kota Palembang menggelar apel siaga.

            BACA JUGA: [Rapat pleno]({filename}/berita/2024/rapat-pleno.md)

            Apel diikuti seluruh jajaran.
        """,
    )
    assert site.build(SEARCH_ENABLED=False).returncode == 0
    target.unlink()

    built = site.build(SEARCH_ENABLED=False)

    assert built.returncode == 1, built.log
    said = [f for f in built.findings() if f.path.endswith("apel.md")]
    assert [(f.line, f.level, f.message) for f in said] == [
        (
            11,
            "error",
            "BACA JUGA links to a missing file: '{filename}/berita/2024/rapat-pleno.md' "
            "(link to an existing release or remove the line)",
        )
    ], built.log
    body = built.html("berita/2024/11/apel-siaga/").select_one(".article__body")
    assert "Rapat pleno" in body.get_text()
    for path in built.output.rglob("*"):
        if path.suffix in (".html", ".xml", ".json"):
            assert "{filename}" not in path.read_text(encoding="utf-8"), path


def test_a_line_to_a_draft_page_is_said_once_and_one_to_a_hidden_article_is_a_box(site):
    """A BACA JUGA line to a draft page was two lines for one problem ("points
    to no article of this site", then link_check's "link to an unpublished
    page"); one to a `Status: hidden` article, which is written at its
    address, said "points to no article of this site" and stayed a plain
    paragraph."""
    site.page(
        "agenda.md",
        "Title: Agenda Rapat Pleno\nSlug: agenda-pleno\nStatus: draft\n\nAgenda rapat pleno.\n",
    )
    site.article(
        "2024/tersembunyi.md",
        title="Bawaslu Sumsel Rekap Pengawasan Tersembunyi",
        slug="rekap-tersembunyi",
        tags="",
        status="hidden",
    )
    path = site.article(
        "2024/baca.md",
        slug="baca-juga-halaman",
        tags="",
        body="""
            PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi.

            BACA JUGA: [Agenda rapat]({filename}/halaman/agenda.md)

            BACA JUGA: [Rekap pengawasan]({filename}tersembunyi.md)
        """,
    )
    for publish in (False, True):
        built = site.build(publish=publish, SEARCH_ENABLED=False)
        assert built.returncode == 0, built.log
        said = [
            (f.line, f.message)
            for f in built.findings("warning")
            if f.path.endswith("berita/2024/baca.md")
        ]
        assert said == [
            (
                line_of(path, "Agenda rapat"),
                "BACA JUGA points to no article of this site: '{filename}/halaman/agenda.md' "
                "(link to an article of this site or remove the line)",
            )
        ], (publish, built.log)
        body = built.html("berita/2024/11/baca-juga-halaman/").select_one(".article__body")
        boxes = [(p.a["href"], p.a.get_text()) for p in body.select("p.read-also")]
        assert [(urlsplit(href).path, text) for href, text in boxes] == [
            ("/berita/2024/11/rekap-tersembunyi/", "Bawaslu Sumsel Rekap Pengawasan Tersembunyi")
        ], publish
        # (the draft page is not published: its address is no link in the public page)
        hrefs = [urlsplit(a["href"]).path for a in body.select("a[href]")]
        assert ("/draf/halaman/agenda-pleno/" in hrefs) is not publish, hrefs


@pytest.mark.parametrize(
    "href",
    [
        "http://127.0.0.1:8000/berita/2024/11/lahat-kampanye/",
        "http://localhost:8000/berita/2024/11/lahat-kampanye/",
        "http://0.0.0.0:8000/berita/2024/11/lahat-kampanye/",
        "http://[::1]:8000/berita/2024/11/lahat-kampanye/",
        "http://127.1/berita/2024/11/lahat-kampanye/",
    ],
)
def test_a_line_to_a_local_preview_is_no_link_to_the_site(href):
    """A local preview's address (`invoke serve`) is no address a reader can open:
    said as such (link_check takes the link out), not as another site's."""
    body = f'<p>BACA JUGA: <a href="{href}">x</a></p>'
    catalogue = Catalogue([LAHAT], siteurl="https://warta.example.org")
    html, problems = rewrite(body, catalogue, "berita/2024")
    assert [(p.reason, p.value) for p in problems] == [(LOCAL_PREVIEW, href)]
    assert read_also_links(html) == []


def test_an_articles_address_is_made_only_when_a_line_names_an_address():
    """Pelican formats an article's address at each ask: the catalogue made
    every article's for every build, while most lines are `{filename}` links
    or headlines. It is made when a line first names an address."""
    made = []

    def address() -> str:
        made.append(1)
        return "berita/2024/11/lahat-kampanye/"

    lazy = Target(LAHAT.title, LAHAT.source_path, address)
    catalogue = Catalogue([lazy], siteurl="https://warta.example.org")
    body = (
        '<p>BACA JUGA: <a href="{filename}/berita/2024/lahat.md">Lahat</a></p>\n'
        f"<p>BACA JUGA: {LAHAT.title}</p>"
    )
    html, problems = rewrite(body, catalogue, "berita/2024")
    assert len(read_also_links(html)) == 2 and not problems
    assert made == []
    line = '<p>BACA JUGA: <a href="/berita/2024/11/lahat-kampanye/">Lahat</a></p>'
    html, problems = rewrite(line, catalogue, "")
    assert len(read_also_links(html)) == 1 and not problems
    assert made == [1] and (lazy, lazy.url) == (LAHAT, LAHAT.url)
    assert made == [1]  # (made once)


@pytest.mark.parametrize(
    "line",
    [
        "Koordinator Divisi  Pencegahan\tmenegaskan",
        "BACA JUGA: Bawaslu Lahat Awasi Kampanye",
        "<strong>Baca juga:</strong> Bawaslu Lahat",
        "Baca&nbsp;juga : Bawaslu &amp; KPU",
        "a < b dan c > d",
        "  \u00a0Baca juga\u3000: x ",
        "",
        "> **BACA\t\u2003 JUGA** \x1f: x",
        "_Baca\u00a0\u00a0juga\u3000\u3000：_ x",
        " * baca juga x",
        "\u200bBaca juga: x",
    ],
)
def test_a_line_is_read_as_the_html_parser_reads_it(line):
    """A line without markup or references (most) is read without HTML's
    parser, to the same text; and is a BACA JUGA line or not read as it is,
    its white space not collapsed first."""
    from plugins.read_also.lines import is_read_also_line, line_text
    from warta.read_also import is_read_also
    from warta.text import plain_text

    assert line_text(line) == plain_text(line)
    assert is_read_also_line(line) == is_read_also(plain_text(line))


@pytest.mark.parametrize(
    "body",
    [
        "<p>BACA JUGA: <a href='x'>Rapat</a></p>",
        "<p><strong>bAcA&nbsp;JuGa</strong>: Rapat</p>",
        "<p>Baca\u00a0\u3000juga : “Rapat” — ü</p>",
        "<p>Baca&#xa0;juga\ud800: x</p>",  # a lone surrogate, as a file read with surrogateescape
        "<p>BAСA JUGA: Cyrillic С, not a BACA JUGA line</p>",
        "<p>Bawaslu juga membaca laporan.</p>",
        "<p>“Baca”\n\njuga</p>",
        "",
    ],
)
def test_a_body_mentions_read_also_as_the_case_blind_pattern_reads_it(body):
    """The plugin's quick test of a body's bytes first, then the pattern:
    the same answer as the pattern alone, whatever the case, the spaces and
    the letters around."""
    from plugins.read_also.plugin import mentions
    from warta.read_also import mentions_read_also

    assert mentions(body) == mentions_read_also(body)
