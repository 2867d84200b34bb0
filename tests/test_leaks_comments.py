"""A staffer's editorial note written as an HTML comment (`<!-- catatan
internal: … -->`) reaches no published file: not the page, the feeds, the
search index nor the summary, in a cold build and a warm one, wherever it is
written (the body, a value of the front matter shown as text) and whether or
not it is closed. Each note taken out is a warning at its line (so a strict
publish stops until it is deleted from the release).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from conftest import article_text, line_of, newsroom

MARKERS = ("mkcatatan", "mkkapsi", "mkalt", "mkkredit", "mkkoreksi", "mkralat", "mkjudul")


def output_texts(output: Path) -> dict[str, bytes]:
    """Every output file's bytes, lowercased; Pagefind's gzipped index files
    unpacked (the words of the search index are inside)."""
    found = {}
    for path in sorted(output.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        found[path.relative_to(output).as_posix()] = data.lower()
    return found


def leaked(output: Path, *markers: str) -> list[str]:
    return [
        f"{name}: {marker}"
        for name, data in output_texts(output).items()
        for marker in markers
        if marker.encode() in data
    ]


def with_front_matter(text: str, *lines: str) -> str:
    title, rest = text.split("\n", 1)
    return "\n".join([title, *lines, rest])


def test_a_comment_never_closed_is_taken_out_of_page_feeds_search_and_summary(site):
    """`<!-- catatan internal: …` without its `-->`: Markdown wrote its
    opening as text, so the note was shown on the page, in both feeds and in
    the search index, and no line said so (a strict publish went ahead)."""
    newsroom(site)
    path = site.article(
        "catatan.md",
        article_text(
            slug="catatan",
            title="Bawaslu Kota Palembang Awasi Distribusi Logistik",
            body="""
                PALEMBANG – Bawaslu Kota Palembang mengawasi distribusi logistik ke kecamatan.

                <!-- catatan internal: mkcatatan narasumber minta namanya tidak ditulis

                Distribusi berjalan lancar di seluruh kecamatan.
                """,
        ).replace("Summary: ", "Summary: Distribusi diawasi <!-- mkcatatan ringkasan"),
    )
    # In a raw HTML block the opening stays markup: HTML read the rest of the
    # release into the comment, and the text after it was lost without a word.
    raw = site.article(
        "mentah.md",
        article_text(
            slug="mentah",
            title="Bawaslu Kota Palembang Tinjau Gudang Logistik",
            body="""
                PALEMBANG – Bawaslu Kota Palembang meninjau gudang logistik.

                <div>
                <!-- catatan internal: mkcatatan cek ulang jumlah kotak suara
                </div>

                Peninjauan berlanjut ke gudang kecamatan.
                """,
        ),
    )
    for build in ("cold", "warm"):
        built = site.build(publish=True)
        assert built.returncode == 0, built.log
        assert leaked(built.output, "mkcatatan") == [], build
        kept = built.html("berita/2024/11/mentah/").select_one(".article__body")
        assert "Peninjauan berlanjut ke gudang kecamatan." in [
            p.get_text(" ", strip=True) for p in kept.find_all("p")
        ]
        assert [
            (f.line, "never closed" in f.message)
            for f in built.findings("warning")
            if f.path.endswith("mentah.md")
        ] == [(line_of(raw, "<!-- catatan internal"), True)], build
        body = built.html("berita/2024/11/catatan/").select_one(".article__body")
        paragraphs = [p.get_text(" ", strip=True) for p in body.find_all("p")]
        assert "Distribusi berjalan lancar di seluruh kecamatan." in paragraphs, paragraphs
        warned = [
            f
            for f in built.findings("warning")
            if f.path.endswith("catatan.md") and "HTML comment" in f.message
        ]
        assert [f.line for f in warned] == [
            line_of(path, "Summary:"),
            line_of(path, "<!-- catatan internal"),
        ], build
        assert all("never closed" in f.message for f in warned), warned


def test_comments_in_front_matter_values_shown_as_text_are_taken_out(site):
    """A note in the title, the photo's alt, caption or credit, a `Koreksi:`
    or a `Ralat:` was shown as text (the templates escape it): on the page,
    in its <title>, meta, JSON-LD, the feeds and the search index."""
    from test_security_files import marked_photo

    newsroom(site)
    marked_photo(site.content / "images" / "2024" / "apel.jpg", "APEL")
    text = article_text(
        slug="apel",
        title="Bawaslu Kota Palembang Gelar Apel Siaga <!-- mkjudul cek lagi -->",
        image="images/2024/apel.jpg",
        image_alt="Peserta apel siaga <!-- mkalt -->",
        image_caption="Apel di halaman kantor <!-- catatan internal: mkkapsi -->",
        image_credit="Humas <!-- mkkredit -->",
        koreksi="Nama lokasi diperbaiki <!-- mkkoreksi -->",
        modified="2024-11-18 10:00",
    )
    path = site.article(
        "apel.md",
        with_front_matter(
            text, "Ralat: 2024-11-18 10:00 — Nama lokasi diperbaiki <!-- mkralat -->"
        ),
    )
    for build in ("cold", "warm"):
        built = site.build(publish=True)
        assert built.returncode == 0, built.log
        assert leaked(built.output, *MARKERS) == [], build
        page = built.html("berita/2024/11/apel/")
        assert page.select_one("h1").get_text(strip=True) == (
            "Bawaslu Kota Palembang Gelar Apel Siaga"
        )
        caption = page.select_one("figcaption")
        assert "Apel di halaman kantor" in caption.get_text(" ", strip=True)
        lines = sorted(
            f.line
            for f in built.findings("warning")
            if f.path.endswith("apel.md") and "HTML comment" in f.message
        )
        keys = ("Title:", "Image-Alt:", "Image-Caption:", "Image-Credit:", "Koreksi:", "Ralat:")
        assert lines == sorted(line_of(path, key) for key in keys), build


def test_the_cleaning_leaves_comment_openings_in_code_and_finds_them_in_text():
    from plugins.sanitize.clean import clean_html, text_without_comments

    cleaned, removed = clean_html(
        "<p>Teks &lt;!&ndash; catatan mkcatatan</p>\n<p>Lanjut.</p>\n"
        "<p><code>&lt;!-- kode --&gt;</code></p>"
    )
    assert "mkcatatan" not in cleaned
    assert "Lanjut." in cleaned and "&lt;!-- kode --&gt;" in cleaned
    assert [r.what for r in removed] == ["HTML comment"]
    text, taken = text_without_comments("Judul <!-- a --> akhir <!-- b -->")
    assert text == "Judul akhir"
    assert [r.shown for r in taken] == ["<!-- a -->", "<!-- b -->"]
    # a lone opening in a one-line value is text its writer sees (a hostile title)
    assert text_without_comments("Rapat <!--<script> ASN") == ("Rapat <!--<script> ASN", [])


def test_a_comment_in_a_title_without_a_slug_is_not_in_the_address(site):
    """`Title: Rapat X <!-- mkjudul cek -->` with no `Slug:` went out at
    …/rapat-x-mkjudul-cek/: the address was made from the title before its
    comment was taken out, so the note was in every link to the release."""
    newsroom(site)
    site.article(
        "rapat.md",
        article_text(title="Bawaslu Kota Palembang Gelar Rapat Pleno <!-- mkjudul cek -->"),
    )
    built = site.build(publish=True)
    assert built.returncode == 0, built.log
    assert leaked(built.output, "mkjudul") == []
    page = built.html("berita/2024/11/bawaslu-kota-palembang-gelar-rapat-pleno/")
    assert page.select_one("h1").get_text(strip=True) == "Bawaslu Kota Palembang Gelar Rapat Pleno"


def test_slugify_leaves_out_a_comment_and_keeps_a_lone_opening_as_text():
    from warta.text import slugify

    assert slugify("Rapat Pleno <!-- cek lagi --> Terbuka") == "rapat-pleno-terbuka"
    assert slugify("Rapat <!-- a --> Pleno <!-- b -->") == "rapat-pleno"
    assert slugify("Rapat <!-- belum ditutup") == "rapat-belum-ditutup"


def test_a_comment_in_the_author_is_taken_out_of_every_output(site):
    """`Author: Humas … <!-- Budi minta anonim -->` was shown as text in the
    byline, the author pages, JSON-LD and the feeds, with no warning. It is
    taken out, as from the title, one warning at the `Author:` line, and
    the release stays on its office's author page."""
    newsroom(site)
    path = site.article(
        "anonim.md",
        slug="anonim",
        author="Humas Bawaslu Kota Palembang <!-- mkanonim Budi minta anonim -->",
    )
    for build in ("cold", "warm"):
        built = site.build(publish=True)
        assert built.returncode == 0, built.log
        assert leaked(built.output, "mkanonim") == [], build
        page = built.html("berita/2024/11/anonim/")
        bylines = [a.get_text(strip=True) for a in page.select("a[href*='/penulis/']")]
        assert "Humas Bawaslu Kota Palembang" in bylines, build
        ld = json.loads(page.select_one("script[type='application/ld+json']").string)
        assert "mkanonim" not in json.dumps(ld).lower(), build
        found = [
            (f.line, f.message)
            for f in built.findings()
            if f.path.endswith("anonim.md") and f.level != "suggestion"
        ]
        assert found == [
            (
                line_of(path, "Author:"),
                "HTML comment removed from the published text: "
                "'<!-- mkanonim Budi minta anonim -->' "
                "(delete it: keep editorial notes out of the release file)",
            )
        ], build
        listed = built.html("penulis/humas-bawaslu-kota-palembang/")
        addresses = {a["href"].split("/berita/")[-1] for a in listed.select("a[href*='/berita/']")}
        assert "2024/11/anonim/" in addresses, build


REMOVED = "HTML comment removed from the published text:"
DELETE = "(delete it: keep editorial notes out of the release file)"


def test_a_comment_in_a_tag_and_a_wrapped_author_is_taken_out_at_reading(site):
    """A comment in `Tags:` or in an `Author:` (written `Penulis:`) wrapped
    over two lines reached the tag and author pages (their headings, the
    site's lists of them, the feeds and search): only a one-line `Author:` was
    mended, after Pelican had made its pages of the names as written. Each is
    taken out as the Markdown reader reads the front matter, one warning at
    each key's line, cold and warm; the release keeps its tag and author
    pages."""
    newsroom(site)
    text = article_text(
        slug="catatan-tag",
        tags="Pilkada Serentak 2024 <!-- mktagnote cek ke Budi -->, Pengawasan Partisipatif",
        author="Humas Bawaslu Kota Palembang <!-- mkanonim Budi",
    ).replace("Author:", "Penulis:")
    text = text.replace("<!-- mkanonim Budi\n", "<!-- mkanonim Budi\n    minta anonim -->\n")
    path = site.article("catatan-tag.md", text)
    for build in ("cold", "warm"):
        built = site.build(publish=True)
        assert built.returncode == 0, built.log
        assert leaked(built.output, "mktagnote", "mkanonim") == [], build
        page = built.html("berita/2024/11/catatan-tag/")
        tags = {a.get_text(strip=True) for a in page.select("a[href*='/tag/']")}
        assert "Pilkada Serentak 2024" in tags, (build, tags)
        found = sorted(
            (f.line, f.message)
            for f in built.findings()
            if f.path.endswith("catatan-tag.md") and f.level == "warning"
        )
        assert found == sorted(
            [
                (line_of(path, "Tags:"), f"{REMOVED} '<!-- mktagnote cek ke Budi -->' {DELETE}"),
                (
                    line_of(path, "Penulis:"),
                    f"{REMOVED} '<!-- mkanonim Budi minta anonim -->' {DELETE}",
                ),
            ]
        ), build
        listed = built.html("penulis/humas-bawaslu-kota-palembang/")
        addresses = {a["href"].split("/berita/")[-1] for a in listed.select("a[href*='/berita/']")}
        assert "2024/11/catatan-tag/" in addresses, build


def test_a_comment_in_a_yaml_list_of_tags_is_one_warning(site):
    """A YAML front matter's list (`tags: [A <!-- … -->, B]`): the comment is
    taken out of the tag and said once at the `tags:` line, not once for the
    line and again for the item."""
    newsroom(site)
    path = site.article(
        "yaml.md",
        "---\n"
        "title: Bawaslu Kota Palembang Gelar Rapat Pleno\n"
        "date: 2024-11-17 09:30\n"
        "slug: yaml-tag\n"
        "author: Humas Bawaslu Kota Palembang\n"
        "tags: [Pilkada Serentak 2024 <!-- mkyaml cek -->, Pengawasan Partisipatif]\n"
        "summary: Bawaslu Kota Palembang menggelar rapat pleno terbuka penetapan hasil pemilihan.\n"
        "---\n\n"
        "PALEMBANG – Bawaslu Kota Palembang menggelar rapat pleno terbuka.\n",
    )
    for build in ("cold", "warm"):
        built = site.build(publish=True)
        assert built.returncode == 0, built.log
        assert leaked(built.output, "mkyaml") == [], build
        found = [
            (f.line, f.message)
            for f in built.findings()
            if f.path.endswith("yaml.md") and f.level == "warning"
        ]
        assert found == [(line_of(path, "tags:"), f"{REMOVED} '<!-- mkyaml cek -->' {DELETE}")]


def test_an_author_that_is_only_a_comment_is_the_sites_default_author(site):
    """`Author: <!-- Budi minta anonim -->`: taken out, nothing was left, and
    the release had an author of no name (a byline of nothing, an author page
    at no address). It is the site's default author, as with no `Author:`,
    one warning at the line."""
    newsroom(site)
    path = site.article(
        "tanpa.md", slug="tanpa-penulis", author="<!-- mkanonim Budi minta anonim -->"
    )
    built = site.build(publish=True)
    assert built.returncode == 0, built.log
    assert leaked(built.output, "mkanonim") == []
    page = built.html("berita/2024/11/tanpa-penulis/")
    links = page.select(".article a[href*='/penulis/'], article a[href*='/penulis/']")
    assert links, page
    for link in links:
        assert link.get_text(strip=True), link
        assert link["href"].split("/penulis/", 1)[1].strip("/"), link["href"]
    found = [
        (f.line, f.message)
        for f in built.findings()
        if f.path.endswith("tanpa.md") and f.level == "warning"
    ]
    assert found == [
        (line_of(path, "Author:"), f"{REMOVED} '<!-- mkanonim Budi minta anonim -->' {DELETE}")
    ]
