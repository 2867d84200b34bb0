"""Fixture sites: the "Komentar" section of article pages in every state."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest

from conftest import article_text
from plugins.comments.threads import fallback_thread_id

WIB = ZoneInfo("Asia/Jakarta")
ISSO_URL = "https://komentar.bawaslu-sumsel.example"


PRIVACY_PAGE = "Title: Kebijakan Privasi\nSlug: kebijakan-privasi\n\nData apa yang disimpan.\n"


def with_privacy_page(site):
    """The page the section's privacy note links to (required with a comment server)."""
    site.page("kebijakan-privasi.md", PRIVACY_PAGE)
    return site


def recent_date(days_ago: int = 1) -> str:
    return (dt.datetime.now(WIB) - dt.timedelta(days=days_ago)).strftime("%Y-%m-%d %H:%M")


def comments_section(page):
    return page.find("section", id="komentar")


def comment_scripts(page) -> list:
    """Every <script> that loads or mentions comments or a comment provider."""
    found = []
    for script in page.find_all("script"):
        if script.get("type") == "application/ld+json":
            continue  # structured data, not code (and it quotes article text)
        text = (script.get("src") or "") + " " + script.get_text()
        if any(word in text.lower() for word in ("comment", "komentar", "isso", "remark")):
            found.append(script)
    return found


@pytest.fixture(scope="module")
def default_site(tmp_path_factory):
    """COMMENTS_PROVIDER = None: open (with Thread), fallback id, closed, off."""
    from conftest import FixtureSite

    site = FixtureSite(tmp_path_factory.mktemp("comments-default"))
    site.article("rakor.md", slug="rakor", thread="t-3f9a1c2b7d4e5f60")
    site.article(
        "2024/patroli.md",
        title="Bawaslu Kabupaten Ogan Ilir Gelar Patroli Pengawasan Masa Tenang",
        slug="patroli",
        date="2024-11-20 08:00",
    )
    site.article(
        "ditutup.md",
        title="Bawaslu Kota Prabumulih Umumkan Hasil Pengawasan Kampanye",
        slug="ditutup",
        date="2024-11-18 10:00",
        comments="closed",
    )
    site.article(
        "mati.md",
        title="Pengumuman Seleksi Panwaslu Kecamatan",
        slug="mati",
        category="Pengumuman",
        date="2024-11-19 10:00",
        comments="off",
    )
    built = site.build()
    assert built.returncode == 0, built.log
    return built


def test_default_section_points_to_the_contact_page_and_loads_no_script(default_site):
    page = default_site.html("berita/2024/11/rakor/")
    section = comments_section(page)
    assert section is not None
    heading = section.find("h2")
    assert heading.get_text(strip=True) == "Komentar"
    assert section["aria-labelledby"] == heading["id"]
    assert section["data-comment-thread"] == "t-3f9a1c2b7d4e5f60"
    assert section["data-comment-state"] == "open"
    links = {a["href"]: a.get_text(" ", strip=True) for a in section.find_all("a")}
    assert links.get("/kontak/") == "halaman Kontak"
    assert "/kebijakan-privasi/" in links
    assert "belum dibuka" in section.get_text(" ", strip=True)
    assert section.find("button") is None
    assert not section.has_attr("data-comment-provider")
    assert comment_scripts(page) == []


def test_the_section_is_the_last_part_of_the_article_page(default_site):
    page = default_site.html("berita/2024/11/rakor/")
    # The article's column ends with the comments; the aside (latest releases,
    # region, tags) stands beside it on wide screens, after it in the source.
    column = page.select_one("main .article-layout__main")
    assert column is not None
    last = [child for child in column.find_all(recursive=False) if child.name][-1]
    assert last.get("id") == "komentar"


def test_no_comment_script_on_listing_pages_without_a_provider(default_site):
    for listing in ("", "rubrik/berita/", "arsip/"):
        assert comment_scripts(default_site.html(listing)) == []


def test_fallback_thread_comes_from_the_source_path(default_site):
    section = comments_section(default_site.html("berita/2024/11/patroli/"))
    assert section["data-comment-thread"] == fallback_thread_id("berita/2024/patroli.md")


def test_thread_and_state_are_in_the_article_metadata_and_json_feed(default_site):
    items = {
        item["url"].rstrip("/").rsplit("/", 1)[-1]: item
        for item in default_site.json("feed.json")["items"]
    }
    assert items["rakor"]["_warta"]["comments"]["thread"] == "t-3f9a1c2b7d4e5f60"
    # No comment server (COMMENTS_PROVIDER = None): the page says comments are not
    # open, so the feed says "closed" (by the site), not "open".
    assert items["rakor"]["_warta"]["comments"]["state"] == "closed"
    assert items["rakor"]["_warta"]["comments"]["closed_by"] == "site"
    assert items["ditutup"]["_warta"]["comments"]["state"] == "closed"
    assert items["mati"]["_warta"]["comments"]["state"] == "off"


def test_closed_thread_says_so(default_site):
    section = comments_section(default_site.html("berita/2024/11/ditutup/"))
    assert section["data-comment-state"] == "closed"
    closed = section.find(class_="comments__closed")
    assert "sudah ditutup" in closed.get_text(" ", strip=True)
    assert closed.find("a")["href"] == "/kontak/"
    assert "belum dibuka" not in section.get_text(" ", strip=True)


def test_comments_off_removes_the_section(default_site):
    page = default_site.html("berita/2024/11/mati/")
    assert comments_section(page) is None
    assert page.find(attrs={"data-comment-thread": True}) is None
    assert page.find("h2", string="Komentar") is None


def test_close_after_days_closes_old_threads_only(site):
    site.article("lama.md", slug="lama", date="2024-11-17 09:30")
    site.article(
        "baru.md",
        title="Bawaslu Kota Lubuklinggau Sosialisasikan Pengawasan Partisipatif",
        slug="baru",
        date=recent_date(1),
    )
    built = site.build(COMMENTS_CLOSE_AFTER_DAYS=30)
    assert built.returncode == 0, built.log
    old = comments_section(built.html("berita/2024/11/lama/"))
    assert old["data-comment-state"] == "closed"
    assert "30 hari setelah berita terbit" in old.find(class_="comments__closed").get_text(
        " ", strip=True
    )
    recent_date_folder = (dt.datetime.now(WIB) - dt.timedelta(days=1)).strftime("%Y/%m")
    new = comments_section(built.html(f"berita/{recent_date_folder}/baru/"))
    assert new["data-comment-state"] == "open"


def test_with_isso_the_page_has_a_button_a_privacy_note_and_a_noscript_fallback(site):
    site.article("rakor.md", slug="rakor", thread="t-3f9a1c2b7d4e5f60")
    site.article(
        "ditutup.md",
        title="Bawaslu Kota Prabumulih Umumkan Hasil Pengawasan Kampanye",
        slug="ditutup",
        date="2024-11-18 10:00",
        comments="closed",
    )
    site.article(
        "mati.md",
        title="Pengumuman Seleksi Panwaslu",
        slug="mati",
        date="2024-11-19 10:00",
        comments="off",
    )
    with_privacy_page(site)
    built = site.build(COMMENTS_PROVIDER="isso", COMMENTS_ISSO_URL=ISSO_URL + "/")
    assert built.returncode == 0, built.log

    page = built.html("berita/2024/11/rakor/")
    section = comments_section(page)
    provider = json.loads(section["data-comment-provider"])
    assert provider["name"] == "isso"
    assert provider["script"] == f"{ISSO_URL}/js/embed.min.js"
    assert provider["attributes"]["data-isso"] == ISSO_URL
    assert (
        section["data-comment-title"] == "Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan"
    )
    button = section.find("button", attrs={"data-comment-load": True})
    assert button.get_text(strip=True) == "Tampilkan komentar"
    assert button["type"] == "button"
    # Hidden until comments.js runs: without JavaScript the button would do nothing.
    assert section.find(attrs={"data-comment-controls": True}).has_attr("hidden")
    remember = section.find("input", type="checkbox")
    assert section.find("label", attrs={"for": remember["id"]}) is not None
    privacy = section.find(class_="comments__privacy")
    assert "komentar.bawaslu-sumsel.example" in privacy.get_text(" ", strip=True)
    assert privacy.find("a")["href"] == "/kebijakan-privasi/"
    noscript = section.find("noscript")
    assert noscript is not None and "/kontak/" in str(noscript)
    # Only our own script; the provider's is never in the markup.
    srcs = [s.get("src") for s in page.find_all("script") if s.get("src")]
    assert "/theme/js/comments.js" in srcs
    assert not any("embed" in src or ISSO_URL in src for src in srcs)
    assert (built.output / "theme/js/comments.js").exists()

    closed = comments_section(built.html("berita/2024/11/ditutup/"))
    assert "comments--closed" in closed["class"]
    assert "masih dapat dibaca" in closed.find(class_="comments__closed").get_text(" ", strip=True)

    off_page = built.html("berita/2024/11/mati/")
    assert comments_section(off_page) is None
    assert comment_scripts(off_page) == []


def test_bad_thread_and_comments_values_fail_the_build_with_file_and_line(site):
    site.article("rakor.md", slug="rakor", thread="Rakor_Palembang!")
    site.article(
        "ditutup.md",
        title="Bawaslu Kota Prabumulih Umumkan Hasil Pengawasan Kampanye",
        slug="ditutup",
        comments="tutup",
    )
    built = site.build()
    assert built.returncode == 1
    errors = built.log_lines("error")
    # article_text writes Title, Date, Slug, Category, Author, Tags, Summary, then extras.
    assert (
        "berita/rakor.md:8: invalid Thread id: 'Rakor_Palembang!' (use 3 to 64 lowercase letters, "
        "digits or hyphens, e.g. 't-3f9a1c2b7d4e5f60')" in errors
    )
    assert (
        "berita/ditutup.md:8: invalid Comments value: 'tutup' (use open, closed or off)" in errors
    )
    assert "Traceback" not in built.log
    # The article is still built (never silently dropped), with its fallback thread.
    section = comments_section(built.html("berita/2024/11/rakor/"))
    assert section["data-comment-thread"] == fallback_thread_id("berita/rakor.md")


def test_two_articles_with_one_thread_id_fail_the_build(site):
    site.article("rakor.md", slug="rakor", thread="t-3f9a1c2b7d4e5f60")
    site.article(
        "salin.md",
        title="Bawaslu Kota Prabumulih Umumkan Hasil Pengawasan Kampanye",
        slug="salin",
        thread="t-3f9a1c2b7d4e5f60",
    )
    built = site.build()
    assert built.returncode == 1
    errors = [line for line in built.log_lines("error") if "Thread id already used" in line]
    assert len(errors) == 1
    assert "'t-3f9a1c2b7d4e5f60'" in errors[0]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"COMMENTS_PROVIDER": "disqus"}, "unknown COMMENTS_PROVIDER: 'disqus'"),
        ({"COMMENTS_PROVIDER": "isso"}, "COMMENTS_ISSO_URL is not a comment server URL"),
        ({"COMMENTS_CLOSE_AFTER_DAYS": 0}, "invalid COMMENTS_CLOSE_AFTER_DAYS"),
    ],
)
def test_bad_settings_fail_the_build(site, overrides, message):
    site.article("rakor.md", slug="rakor")
    built = site.build(**overrides)
    assert built.returncode == 1
    assert any(message in line for line in built.log_lines("error")), built.log
    # Degraded, not broken: the page says comments are not open and loads no script.
    page = built.html("berita/2024/11/rakor/")
    assert comment_scripts(page) == []


def test_a_server_url_with_a_password_fails_the_build_and_is_never_written(site):
    site.article("rakor.md", slug="rakor")
    built = site.build(
        COMMENTS_PROVIDER="isso",
        COMMENTS_ISSO_URL="http://admin:rahasia@komentar.example.go.id",
    )
    assert built.returncode == 1
    errors = [f for f in built.findings("error") if "COMMENTS_ISSO_URL" in f.message]
    assert len(errors) == 1, built.log
    assert errors[0].message == (
        "settings: comments: COMMENTS_ISSO_URL has a user name or password in it: "
        "'http://***@komentar.example.go.id' (no user name or password in the URL: give "
        "'http://komentar.example.go.id')"
    )
    assert "rahasia" not in built.log
    for name in built.files():
        data = (built.output / name).read_bytes()
        assert b"rahasia" not in data, name
    assert comment_scripts(built.html("berita/2024/11/rakor/")) == []


def test_the_embed_scripts_address_as_server_url_fails_the_build_with_the_fix(site):
    site.article("rakor.md", slug="rakor")
    built = site.build(
        COMMENTS_PROVIDER="isso",
        COMMENTS_ISSO_URL="https://komentar.example.go.id/js/embed.min.js",
    )
    assert built.returncode == 1
    assert built.log_lines("error") == [
        "settings: comments: COMMENTS_ISSO_URL is the address of the comment script, not of "
        "the server: 'https://komentar.example.go.id/js/embed.min.js' (give the server's base "
        "URL: 'https://komentar.example.go.id')"
    ]
    assert comment_scripts(built.html("berita/2024/11/rakor/")) == []


def test_an_http_server_on_the_https_public_site_fails_the_publish_build(site):
    site.article("rakor.md", slug="rakor")
    built = site.build(
        publish=True,
        SITEURL="https://warta-sumsel.example.org",
        COMMENTS_PROVIDER="isso",
        COMMENTS_ISSO_URL="http://komentar.example.go.id",
    )
    assert built.returncode == 1
    errors = [f.message for f in built.findings("error") if "COMMENTS_ISSO_URL" in f.message]
    assert errors == [
        "settings: comments: COMMENTS_ISSO_URL is http on an https site "
        "(https://warta-sumsel.example.org): 'http://komentar.example.go.id' (browsers block "
        "it there: use 'https://komentar.example.go.id')"
    ], built.log
    assert comment_scripts(built.html("berita/2024/11/rakor/")) == []


@pytest.mark.parametrize(
    ("timeout", "suggestion"),
    [
        (15000, "use seconds from 3 to 120, e.g. 15; 15000 looks like milliseconds: 15 s"),
        (0.0001, "use seconds from 3 to 120, e.g. 15"),
        (0.01, "use seconds from 3 to 120, e.g. 15"),
        (600, "use seconds from 3 to 120, e.g. 15"),
        ("15", "use seconds from 3 to 120, e.g. 15"),
    ],
)
def test_a_load_timeout_out_of_range_fails_the_build_with_one_line(site, timeout, suggestion):
    site.article("rakor.md", slug="rakor")
    with_privacy_page(site)
    built = site.build(
        COMMENTS_PROVIDER="isso", COMMENTS_ISSO_URL=ISSO_URL, COMMENTS_LOAD_TIMEOUT=timeout
    )
    assert built.returncode == 1
    assert built.log_lines("error") == [
        f"settings: comments: invalid COMMENTS_LOAD_TIMEOUT: '{timeout}' ({suggestion})"
    ]
    assert "Traceback" not in built.log


def test_an_infinite_load_timeout_is_the_settings_own_error(site):
    site.article("rakor.md", slug="rakor")
    with_privacy_page(site)
    settings = site.root / "tak-hingga.py"
    settings.write_text(
        "from pelicanconf import *  # noqa\n"
        "COMMENTS_PROVIDER = 'isso'\n"
        f"COMMENTS_ISSO_URL = '{ISSO_URL}'\n"
        "COMMENTS_LOAD_TIMEOUT = float('inf')\n",
        encoding="utf-8",
    )
    from conftest import run_build

    built = run_build(site.content, site.output, settings_file=settings)
    assert built.returncode == 1
    assert built.log_lines("error") == [
        "settings: comments: invalid COMMENTS_LOAD_TIMEOUT: 'inf' "
        "(use seconds from 3 to 120, e.g. 15)"
    ], built.log
    assert "OverflowError" not in built.log


@pytest.mark.parametrize(
    ("value", "href"),
    [
        ("kebijakan-privasi/", "/kebijakan-privasi/"),
        ("/kebijakan-privasi/", "/kebijakan-privasi/"),
        ("/kebijakan-privasi/index.html", "/kebijakan-privasi/index.html"),
        ("https://bawaslu.go.id/privasi", "https://bawaslu.go.id/privasi"),
    ],
)
def test_the_privacy_link_follows_the_setting_with_or_without_a_slash(site, value, href):
    with_privacy_page(site).article("rakor.md", slug="rakor")
    built = site.build(
        COMMENTS_PROVIDER="isso", COMMENTS_ISSO_URL=ISSO_URL, COMMENTS_PRIVACY_URL=value
    )
    assert built.returncode == 0, built.log
    assert built.findings("error") == []
    privacy = comments_section(built.html("berita/2024/11/rakor/")).find(class_="comments__privacy")
    assert privacy.find("a", string="Kebijakan Privasi")["href"] == href


@pytest.mark.parametrize("value", [None, "", "//kebijakan-privasi/", "javascript:alert(1)", 7])
def test_a_privacy_setting_that_is_no_address_fails_the_build(site, value):
    with_privacy_page(site).article("rakor.md", slug="rakor")
    built = site.build(
        COMMENTS_PROVIDER="isso", COMMENTS_ISSO_URL=ISSO_URL, COMMENTS_PRIVACY_URL=value
    )
    assert built.returncode == 1
    assert built.log_lines("error") == [
        "settings: comments: COMMENTS_PRIVACY_URL is not the address of a privacy page: "
        f"'{value}' (give the privacy page's address in this site, e.g. 'kebijakan-privasi/', "
        "or a full URL 'https://…')"
    ]
    privacy = comments_section(built.html("berita/2024/11/rakor/")).find(class_="comments__privacy")
    assert privacy.find("a", string="Kebijakan Privasi")["href"] == "/kebijakan-privasi/"


def test_a_privacy_page_that_does_not_exist_fails_the_build_with_a_comment_server(site):
    with_privacy_page(site).article("rakor.md", slug="rakor")
    built = site.build(
        COMMENTS_PROVIDER="isso", COMMENTS_ISSO_URL=ISSO_URL, COMMENTS_PRIVACY_URL="privasi/"
    )
    assert built.returncode == 1
    assert built.log_lines("error") == [
        "settings: comments: COMMENTS_PRIVACY_URL names no page of this site: 'privasi/' "
        "(write the privacy page (content/halaman/kebijakan-privasi.md) or give its address)"
    ]


def test_drafts_and_embargoed_releases_name_no_thread_and_load_no_provider(site):
    with_privacy_page(site).article("rakor.md", slug="rakor")
    site.article(
        "draf.md",
        title="Bawaslu Sumsel Tetapkan Hasil Pengawasan Rekapitulasi",
        slug="draf-penetapan",
        date="2024-11-20 10:00",
        thread="t-0123456789abcdef",
        status="draft",
    )
    site.article(
        "embargo.md",
        title="Bawaslu Sumsel Umumkan Rekapitulasi Pengawasan",
        slug="embargo-rekap",
        date="2030-01-01 09:00",
        thread="t-fedcba9876543210",
    )
    built = site.build(COMMENTS_PROVIDER="isso", COMMENTS_ISSO_URL=ISSO_URL)
    assert built.returncode == 0, built.log
    for address, thread in (
        ("draf/draf-penetapan/", "t-0123456789abcdef"),
        ("draf/embargo-rekap/", "t-fedcba9876543210"),
    ):
        page = built.html(address)
        section = comments_section(page)
        assert section is not None, address
        assert section.get_text(" ", strip=True).startswith("Komentar Kolom komentar dibuka")
        assert page.find(attrs={"data-comment-thread": True}) is None
        assert page.find(attrs={"data-comment-provider": True}) is None
        assert section.find("button") is None
        assert comment_scripts(page) == []
        for name in built.files():
            assert thread.encode() not in (built.output / name).read_bytes(), name
    # The published release keeps its thread.
    assert comments_section(built.html("berita/2024/11/rakor/")).has_attr("data-comment-thread")


YAML_RELEASE = """---
title: Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan
date: 2024-11-17 09:30
slug: {slug}
category: Berita
author: Humas Bawaslu Kota Palembang
summary: Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan tahapan.
{line}
---

PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan.
"""


def test_a_yaml_comment_after_the_comments_state_is_read_as_yaml_reads_it(site):
    site.article("mati.md", YAML_RELEASE.format(slug="mati", line="comments: off # sementara"))
    site.article(
        "tutup.md", YAML_RELEASE.format(slug="tutup", line="Comments: closed   # klarifikasi")
    )
    # Outside a `---` block ` #` is no comment: the value is not a state.
    site.article(
        "teks.md",
        article_text(slug="teks", title="Bawaslu Sumsel Gelar Rakor", comments="off # sementara"),
    )
    built = site.build()
    assert built.log_lines("error") == [
        "berita/teks.md:8: invalid Comments value: 'off # sementara' (use open, closed or off)"
    ]
    assert comments_section(built.html("berita/2024/11/mati/")) is None
    closed = comments_section(built.html("berita/2024/11/tutup/"))
    assert closed["data-comment-state"] == "closed"


def test_the_indonesian_key_komentar_is_read_as_comments(site):
    """`Komentar: off` (the key as the writer's guide's Indonesian keys are
    written) was a suggestion about an unknown key, and comments stayed open."""
    site.article("mati.md", slug="mati", komentar="off")
    site.article("tutup.md", slug="tutup", date="2024-11-18 09:00", komentar="closed")
    built = site.build(strict=True)
    assert built.returncode == 0, built.log
    assert [f for f in built.findings() if "omentar" in f.message] == []
    items = {
        item["url"].rstrip("/").rsplit("/", 1)[-1]: item["_warta"]["comments"]["state"]
        for item in built.json("feed.json")["items"]
    }
    assert items == {"mati": "off", "tutup": "closed"}
