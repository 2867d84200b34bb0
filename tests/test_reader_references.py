"""HTML's character references typed in a plain-text front-matter value
(`Title: Tom &amp; Jerry`, `Author:`, `Tags:`, `Region:`, the photo's alt and
caption, `Koreksi:`, `Ralat:`) read as the characters they stand for,
everywhere the value appears, as Markdown reads them in the summary and the
body; read once, and before Pelican splits a list at `;`."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import pytest
from PIL import Image

from conftest import FixtureSite

ATOM = "{http://www.w3.org/2005/Atom}"
TYPED_TITLE = (
    "Bawaslu Lahat Gelar Rapat &lt;Koordinasi&gt; &#39;Evaluasi&#39; Tom &amp; Jerry"
    " &amp;lt;b&amp;gt; &lt;script&gt;alert(1)&lt;/script&gt;"
)
TITLE = (
    "Bawaslu Lahat Gelar Rapat <Koordinasi> 'Evaluasi' Tom & Jerry"
    " &lt;b&gt; <script>alert(1)</script>"
)
ADDRESS = "berita/2024/11/rapat-lahat/"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = FixtureSite(tmp_path_factory.mktemp("references"))
    photo = site.content / "images" / "2024" / "rapat.jpg"
    photo.parent.mkdir(parents=True)
    Image.new("RGB", (1200, 800), (40, 90, 140)).save(photo, "JPEG")
    site.article(
        "rapat-lahat.md",
        title=TYPED_TITLE,
        slug="rapat-lahat",
        author="Tim &amp; Humas Lahat",
        tags="Pengawasan Partisipatif, Politik Uang &amp; Netralitas",
        region="Kabupaten&nbsp;Lahat",
        image="images/2024/rapat.jpg",
        image_alt="Peserta &lt;rapat&gt; &amp; tamu",
        image_caption="Rapat &#8220;koordinasi&#8221; di aula",
        koreksi="Nama camat &amp; lurah diperbaiki",
        ralat="2024-11-18 09:00 — Nama &lt;b&gt;pejabat&lt;/b&gt; &amp; jabatan",
        modified="2024-11-18 09:00",
        summary="Bawaslu Kabupaten Lahat menggelar rapat koordinasi pengawasan &amp; evaluasi.",
        body="LAHAT – Bawaslu Kabupaten Lahat menggelar rapat koordinasi pengawasan tahapan.",
    )
    return site.build()


def test_a_title_reads_its_references_once_on_the_page_and_in_every_output(built):
    page = built.html(ADDRESS)
    assert page.select_one("h1#article-title").get_text() == TITLE
    assert page.title.get_text().startswith(f"{TITLE} | ")
    assert page.find("meta", property="og:title")["content"] == TITLE
    assert page.find("meta", attrs={"name": "twitter:title"})["content"] == TITLE
    [ld] = [
        json.loads(s.string)
        for s in page.find_all("script", type="application/ld+json")
        if json.loads(s.string).get("@type") == "NewsArticle"
    ]
    assert ld["headline"] == TITLE
    search_meta = [s["data-pagefind-meta"] for s in page.select("[data-pagefind-meta]")]
    assert f"title:{TITLE}" in search_meta
    [item] = [i for i in built.json("feed.json")["items"] if i["url"].endswith(ADDRESS)]
    assert item["title"] == TITLE
    atom = ET.fromstring(built.text("feed.xml"))
    assert [e.findtext(f"{ATOM}title") for e in atom.iter(f"{ATOM}entry")] == [TITLE]
    # The decoded `<script>` is text: no element of the page runs it, the
    # JSON-LD holds it escaped, no `<b>` or `<koordinasi>` element is made.
    holding = page.find_all("script", string=lambda text: text and "alert(1)" in text)
    assert holding and all(s["type"] == "application/ld+json" for s in holding)
    assert not any("<" in s.string for s in holding)
    assert page.find_all(["b", "koordinasi"]) == []
    # The listings' cards: the title as text, no script made of it.
    home = built.html("")
    assert TITLE in [a.get_text(strip=True) for a in home.select("main a")]
    assert not home.find_all("script", string=lambda text: text and "alert(1)" in text)
    assert home.find_all("koordinasi") == []


def test_an_author_photo_text_and_corrections_read_their_references(built):
    page = built.html(ADDRESS)
    author = page.select_one(".article__meta a[href*='penulis']")
    assert author.get_text() == "Tim & Humas Lahat"
    assert built.html(author["href"].lstrip("/")).h1.get_text(strip=True) == "Tim & Humas Lahat"
    figure = page.select_one(".article__figure")
    assert figure.img["alt"] == "Peserta <rapat> & tamu"
    assert figure.figcaption.get_text(strip=True) == "Rapat “koordinasi” di aula"
    notice = page.select_one(".notice--correction span")
    assert notice.get_text() == "Nama camat & lurah diperbaiki"
    ralat = built.json("feed.json")["items"][0]["_warta"]["corrections"]
    assert [c["text"] for c in ralat] == ["Nama <b>pejabat</b> & jabatan"]
    assert page.find_all("b", string="pejabat") == []


def test_a_tag_with_a_reference_is_one_tag_and_its_line_keeps_the_others(built):
    page = built.html(ADDRESS)
    [ld] = [
        json.loads(s.string)
        for s in page.find_all("script", type="application/ld+json")
        if json.loads(s.string).get("@type") == "NewsArticle"
    ]
    assert "Pengawasan Partisipatif" in ld["keywords"]
    warnings = [f.message for f in built.findings("warning")]
    assert "unknown tag 'Politik Uang & Netralitas'" in " ".join(warnings)
    assert not any("Pengawasan Partisipatif" in w or "&amp" in w for w in warnings)
    # `Region: Kabupaten&nbsp;Lahat` is Kabupaten Lahat.
    assert built.findings("error") == []
    regions = page.select_one(".article__regions")
    assert regions.select_one(".article__regions-note") is None  # declared, not inferred
    assert regions.select("a")[-1].get_text() == "Kabupaten Lahat"


def test_the_social_card_draws_the_title_as_read_not_decoded_again():
    from plugins.images.plugin import card_text

    article = SimpleNamespace(
        title="Rapat &lt;b&gt; & Tom", authors=[], date=dt.datetime(2024, 11, 17, 9, 30)
    )
    assert card_text(article, {"SITENAME": "Warta"}).title == "Rapat &lt;b&gt; & Tom"


LEAD = (
    "LAHAT – Bawaslu Kabupaten Lahat menggelar rapat koordinasi pengawasan tahapan"
    " pada Senin (2/3/2026)."
)
SEPARATORS = {
    # A `;` typed as a reference: text, not the separator; the `,` separates.
    "berita/2026/03/tags-reference/": (
        "tags-reference.md",
        "Title: Bawaslu Lahat Gelar Rapat Koordinasi Pengawasan Satu\nDate: 2026-03-02 09:00\n"
        "Slug: tags-reference\nCategory: Siaran Pers\nAuthor: Humas Bawaslu Lahat\n"
        "Tags: Politik Uang &#59; Netralitas ASN, IKP\n\n" + LEAD + "\n",
    ),
    # A `,` typed as a reference inside a YAML item and a quoted Region value.
    "berita/2026/03/yaml-reference/": (
        "yaml-reference.md",
        "---\ntitle: Bawaslu Lahat Gelar Rapat Koordinasi Pengawasan Dua\n"
        "date: 2026-03-02 10:00\nslug: yaml-reference\ncategory: Siaran Pers\n"
        "author: Humas Bawaslu Lahat\n"
        "tags: [Politik Uang&#44; Netralitas ASN, Pengawasan Partisipatif]\n"
        'region: "Lahat&#44; Muara Enim"\n---\n\n' + LEAD + "\n",
    ),
    # A YAML item holding a `;`: one item, the list's others kept.
    "berita/2026/03/yaml-semicolon/": (
        "yaml-semicolon.md",
        "---\ntitle: Bawaslu Lahat Gelar Rapat Koordinasi Pengawasan Tiga\n"
        "date: 2026-03-02 11:00\nslug: yaml-semicolon\ncategory: Siaran Pers\n"
        'author: Humas Bawaslu Lahat\ntags: ["Sosialisasi ; Rapat", IKP, Politik Uang]\n'
        "---\n\n" + LEAD + "\n",
    ),
}


@pytest.fixture(scope="module")
def separated(tmp_path_factory):
    site = FixtureSite(tmp_path_factory.mktemp("separators"))
    for name, text in SEPARATORS.values():
        site.article(name, text)
    return site.build()


def keywords(built, address: str) -> list[str]:
    page = built.html(address)
    [ld] = [
        json.loads(s.string)
        for s in page.find_all("script", type="application/ld+json")
        if json.loads(s.string).get("@type") == "NewsArticle"
    ]
    return ld["keywords"]


def tag_links(built, address: str) -> list[str]:
    return [a.get_text(strip=True) for a in built.html(address).select(".article__tags a")]


def test_a_separator_written_as_a_reference_or_inside_a_yaml_item_is_text(separated):
    """`Tags: Politik Uang &#59; Netralitas ASN, IKP` was split at the decoded
    `;` ("Politik Uang" and an unknown "Netralitas ASN, IKP", IKP lost); a
    `&#44;` in a YAML item made two tags, in a Region: two regions; a YAML
    item "Sosialisasi ; Rapat" broke the whole list. A reference is text, a
    YAML item one item; a `;` Pelican would split at is shown full-width."""
    assert keywords(separated, "berita/2026/03/tags-reference/") == ["Indeks Kerawanan Pemilu"]
    assert keywords(separated, "berita/2026/03/yaml-reference/") == ["Pengawasan Partisipatif"]
    assert keywords(separated, "berita/2026/03/yaml-semicolon/") == [
        "Politik Uang",
        "Indeks Kerawanan Pemilu",
    ]
    for address in SEPARATORS:
        assert tag_links(separated, address) == keywords(separated, address)
    unknown = {
        (f.path.rsplit("/", 1)[-1], f.line, f.message.split(" (")[0])
        for f in separated.findings()
        if f.message.startswith(("unknown tag", "unknown region"))
    }
    assert unknown == {
        ("tags-reference.md", 6, "unknown tag 'Politik Uang \uff1b Netralitas ASN'"),
        ("yaml-reference.md", 7, "unknown tag 'Politik Uang, Netralitas ASN'"),
        ("yaml-reference.md", 8, "unknown region: 'Lahat\uff0c Muara Enim'"),
        ("yaml-semicolon.md", 7, "unknown tag 'Sosialisasi \uff1b Rapat'"),
    }
    held = [
        (f.path.rsplit("/", 1)[-1], f.line, f.level, f.message)
        for f in separated.findings()
        if "separates the items" in f.message
    ]
    assert sorted(held) == [
        (
            "tags-reference.md",
            6,
            "warning",
            "Tags: 'Politik Uang ; Netralitas ASN' holds ';', which separates the items of"
            " the list: kept as one item, shown as 'Politik Uang \uff1b Netralitas ASN'"
            " (for separate items write 'Politik Uang', 'Netralitas ASN' as items of their"
            " own; for one, leave ';' out)",
        ),
        (
            "yaml-reference.md",
            8,
            "warning",
            "region: 'Lahat, Muara Enim' holds ',', which separates the items of the list:"
            " kept as one item, shown as 'Lahat\uff0c Muara Enim' (for separate items write"
            " 'Lahat', 'Muara Enim' as items of their own; for one, leave ',' out)",
        ),
        (
            "yaml-semicolon.md",
            7,
            "warning",
            "tags: 'Sosialisasi ; Rapat' holds ';', which separates the items of the list:"
            " kept as one item, shown as 'Sosialisasi \uff1b Rapat' (for separate items write"
            " 'Sosialisasi', 'Rapat' as items of their own; for one, leave ';' out)",
        ),
    ]
