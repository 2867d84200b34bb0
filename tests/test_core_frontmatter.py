"""warta.frontmatter: the one front-matter reader, checked against the rules of
Python-Markdown's meta extension (what Pelican reads) on the same texts."""

from __future__ import annotations

import difflib

import markdown
import pytest
from bs4 import BeautifulSoup

from plugins.content_lint.plugin import read_and_check
from warta import frontmatter, source_checks
from warta.frontmatter import (
    PARSED_TEXTS,
    SourceLines,
    parse,
    parse_lines,
    read_header,
    split_lines,
)
from warta.markdown_source import SINGLE_VALUED_KEYS
from warta.source_checks import Rules, check_source, parse_source

RELEASE = (
    "Title: Bawaslu Lahat Awasi Kampanye\n"
    "Date: 2024-11-17 09:30\n"
    "Ralat: 2024-12-05 20:15 — nama kecamatan\n"
    "Summary: Ringkasan yang\n"
    "    panjang sekali\n"
    "ralat: 2024-12-06 09:30 — jam rapat\n"
    "\n"
    "PALEMBANG – Isi rilis.\n"
    "\n"
    "Ralat: ini isi, bukan metadata\n"
)


def pelican_meta(text: str) -> dict[str, list[str]]:
    """What Pelican's Markdown reader gets: the meta extension's lists."""
    md = markdown.Markdown(extensions=["markdown.extensions.meta"])
    md.convert(text.removeprefix("\ufeff"))
    return md.Meta


def as_meta(text: str) -> dict[str, list[str]]:
    meta: dict[str, list[str]] = {}
    for field in parse(text).front_matter.fields:
        meta.setdefault(field.key, []).extend(field.values)
    return meta


def test_fields_lines_and_body():
    document = parse(RELEASE)
    front_matter = document.front_matter
    assert [(f.key, f.line) for f in front_matter.fields] == [
        ("title", 1),
        ("date", 2),
        ("ralat", 3),
        ("summary", 4),
        ("ralat", 6),
    ]
    assert front_matter.value("summary") == "Ringkasan yang panjang sekali"
    assert front_matter.first("summary").lines == (4, 5)
    assert front_matter.body_start == 8
    assert document.first_body_line == (8, "PALEMBANG – Isi rilis.")
    assert document.body[-1] == (10, "Ralat: ini isi, bukan metadata")
    assert not document.empty


def test_keys_are_case_insensitive_and_repeated_keys_kept_in_order():
    front_matter = parse(RELEASE).front_matter
    ralat = front_matter.all("RALAT")
    assert [(f.name, f.line, f.value) for f in ralat] == [
        ("Ralat", 3, "2024-12-05 20:15 — nama kecamatan"),
        ("ralat", 6, "2024-12-06 09:30 — jam rapat"),
    ]
    assert front_matter.line("Title", "date") == 1
    assert front_matter.line("DATE") == 2
    assert front_matter.line("slug") is None
    assert front_matter.keys() == {"title": 1, "date": 2, "ralat": 3, "summary": 4}


def test_bom_and_crlf_and_cr_read_as_pelican_reads_them():
    for text in (
        "\ufeff" + RELEASE.replace("\n", "\r\n"),
        RELEASE.replace("\n", "\r"),
    ):
        document = parse(text)
        assert document.front_matter.first("title").name == "Title"
        assert document.front_matter.value("title") == "Bawaslu Lahat Awasi Kampanye"
        assert document.first_body_line == (8, "PALEMBANG – Isi rilis.")
        assert as_meta(text) == pelican_meta(text)


def test_continuation_needs_four_spaces_or_a_tab():
    text = "Title: A\nRalat: x\n    y\n\tz\n  not a continuation\nTags: q\n\nbody\n"
    front_matter = parse(text).front_matter
    assert front_matter.first("ralat").values == ("x", "y", "z")
    assert front_matter.first("ralat").lines == (2, 3, 4)
    # A line that is neither a key nor a continuation ends the block: it is text.
    assert front_matter.line("tags") is None
    assert not front_matter.closed
    assert parse(text).first_body_line == (5, "  not a continuation")
    assert as_meta(text) == pelican_meta(text)


@pytest.mark.parametrize(
    "text",
    [
        RELEASE,
        "Title : spaced colon\nDate: 2024-11-17 09:30\n\nbody\n",
        "   Title: three spaces\n\nbody\n",
        "---\nTitle: A\nDate: 2024-11-17 09:30\n---\nbody\n",
        "Title: A\n...\nbody\n",
        "Teks tanpa metadata.\n\nTitle: bukan metadata\n",
        "\nTitle: after a blank line\n",
        "Title:\n    wrapped\n",
        "Image-Alt: foto_1\nSave_as: x.html\n",
    ],
)
def test_same_fields_as_pelicans_markdown(text):
    assert as_meta(text) == pelican_meta(text)


def warta_meta(text: str) -> dict[str, list[str]]:
    """What the site's Markdown reader gets (pelicanconf adds warta.markdown_source)."""
    md = markdown.Markdown(extensions=["markdown.extensions.meta", "warta.markdown_source"])
    md.convert(text.removeprefix("\ufeff"))
    return md.Meta


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ('---\ntitle: "Rapat: Bawaslu \\"Sumsel\\""\n---\nisi\n', 'Rapat: Bawaslu "Sumsel"'),
        ("---\r\ntitle: 'It''s ok'\r\nslug: a\r\n\r\nisi\r\n", "It's ok"),
        ("\ufeff---\ntitle:\t'Tab'\n---\nisi\n", "Tab"),
        ('---\ntitle: "Dua\\nbaris"\n---\nisi\n', "Dua baris"),
        ('---\ntitle: "a" dan "b"\n---\nisi\n', '"a" dan "b"'),  # not one quoted value
        ('---\ntitle: "belum ditutup\n---\nisi\n', '"belum ditutup'),
        ('---\ntitle: "dua"\n    "baris"\n---\nisi\n', '"dua" "baris"'),  # wrapped: as written
        ('Title: "Kutipan sebagai judul"\n\nisi\n', '"Kutipan sebagai judul"'),  # Pelican's style
        # An apostrophe left single in a single-quoted value (YAML's is
        # doubled): no YAML, but the value meant, not its quotes.
        (
            "---\ntitle: 'Bawaslu Lahat's Rapat Evaluasi'\ndate: 2026-12-03 09:00\n---\nisi\n",
            "Bawaslu Lahat's Rapat Evaluasi",
        ),
        ("---\ntitle: 'Apel Jum'at, Rudi''s'\n---\nisi\n", "Apel Jum'at, Rudi's"),
        ("---\ntitle: 'a' dan 'b'\n---\nisi\n", "'a' dan 'b'"),  # not one quoted value
    ],
)
def test_yaml_quotes_in_a_dashed_front_matter_are_read_off_as_by_the_site(text, title):
    """A `---` front matter (other generators' and CMSs' style) quotes values as
    YAML does: the reader and the site's Markdown drop the quotes alike; in
    Pelican's own style the quotes are text. `title: 'Bawaslu Lahat's …'`
    kept both quotes on the page, in the feeds and JSON-LD, with no line."""
    assert site_meta(text) == warta_meta(text)
    assert warta_meta(text)["title"] == [title]


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        (
            "---\ntags:\n  - Pilkada 2024\n  - 'Rapat: Pleno'\n---\nisi\n",
            "Pilkada 2024, Rapat: Pleno",
        ),
        ("---\ntags:\n- Tanpa indentasi\n- Dua\nslug: a\n---\nisi\n", "Tanpa indentasi, Dua"),
        # An item holding a comma: a semicolon list, as Pelican then reads it.
        ('---\ntags: [Pilkada 2024, "Rapat, Pleno"]\n---\nisi\n', "Pilkada 2024; Rapat, Pleno"),
        ("---\ntags: []\n---\nisi\n", ""),
        ("---\ntags: [belum ditutup\n---\nisi\n", "[belum ditutup"),  # not YAML: as written
        ("---\ntags: [{a: 1}]\n---\nisi\n", "[{a: 1}]"),  # not a list of texts
    ],
)
def test_yaml_lists_in_a_dashed_front_matter_are_one_comma_list_as_by_the_site(text, tags):
    """A YAML list (a CMS's list widget, another generator's `[A, B]`) is read
    as Pelican reads `Tags: A, B`, by the reader and the site's Markdown alike,
    and its items do not end the front matter."""
    assert site_meta(text) == warta_meta(text)
    assert warta_meta(text)["tags"] == [tags]
    front = parse(text).front_matter
    assert front.closed and front.first("tags").line == 2


def test_a_yaml_list_item_outside_a_dashed_front_matter_ends_it():
    front = parse("Title: Rapat\nTags:\n  - Pilkada 2024\n\nisi\n").front_matter
    assert not front.closed and front.body_start == 3
    assert front.value("tags") == ""


def site_meta(text: str) -> dict[str, list[str]]:
    """The reader's fields as the site reads them: a single-valued key's first
    field, wrapped lines joined; every value of the others."""
    meta: dict[str, list[str]] = {}
    for item in parse(text).front_matter.fields:
        if item.key in SINGLE_VALUED_KEYS:
            meta.setdefault(item.key, [item.value])
        else:
            meta.setdefault(item.key, []).extend(item.values)
    return meta


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Title: Bawaslu Lahat\n    Awasi Kampanye\nTitle: Kedua\n\nisi\n",
            "Bawaslu Lahat Awasi Kampanye",
        ),
        ("Title:\n    wrapped\nRalat: a\nRalat: b\n    c\n\nisi\n", "wrapped"),
    ],
)
def test_a_single_valued_key_is_its_first_field_with_wrapped_lines_joined(text, title):
    """Pelican made a list of a wrapped or repeated Title:; the site reads the
    first field, its lines joined, and keeps every Ralat: line."""
    assert site_meta(text) == warta_meta(text)
    assert warta_meta(text)["title"] == [title]


def test_no_front_matter():
    document = parse("PALEMBANG – Bawaslu mengawasi.\n\nTitle: bukan metadata\n")
    assert not document.front_matter
    assert document.front_matter.fields == ()
    assert document.front_matter.body_start == 1
    assert document.first_body_line == (1, "PALEMBANG – Bawaslu mengawasi.")
    assert document.front_matter.insert_at is None


@pytest.mark.parametrize("text", ["", "\ufeff", "\n\n", " \r\n\t\r\n"])
def test_empty_file(text):
    document = parse(text)
    assert document.empty
    assert not document.front_matter
    assert document.first_body_line is None
    assert document.front_matter.keys() == {}


def test_front_matter_only_runs_to_the_end_of_the_file():
    document = parse("Title: A\nDate: 2024-11-17 09:30")
    assert document.front_matter.end == 2
    assert document.front_matter.closed
    assert document.front_matter.insert_at == 2
    assert document.body == []


def test_insert_at_is_after_the_last_field_and_none_when_text_follows():
    assert parse("Title: A\nTags: b\n    c\n\nbody\n").front_matter.insert_at == 3
    assert parse("---\nTitle: A\n---\nbody\n").front_matter.insert_at == 2
    assert parse("Title: A\nbody right after\n").front_matter.insert_at is None


def test_parse_lines_reads_to_the_end_for_a_flag_below():
    # (a `draft: true` anywhere below the front matter holds the release back)
    def lines():
        yield from ["Title: A\n", "\n", "body\n", "more\n", "draft: true\n"]

    front = parse_lines(lines())
    assert front.line("title") == 1
    assert [(item.key, item.line) for item in front.below] == [("draft", 5)]


def test_read_header_reads_a_file(tmp_path):
    path = tmp_path / "rilis.md"
    path.write_bytes(("\ufeff" + RELEASE).replace("\n", "\r\n").encode("utf-8"))
    front_matter = read_header(path)
    assert front_matter.keys() == {"title": 1, "date": 2, "ralat": 3, "summary": 4}
    assert front_matter.value("summary") == "Ringkasan yang panjang sekali"
    lone_cr = tmp_path / "mac.md"
    lone_cr.write_bytes(b"Title: A\rSlug: a\r\rbody\r")
    assert read_header(lone_cr).keys() == {"title": 1, "slug": 2}


def test_read_header_of_a_missing_or_undecodable_file(tmp_path):
    assert not read_header(tmp_path / "missing.md")
    assert not read_header(tmp_path)  # a folder
    latin = tmp_path / "latin.md"
    latin.write_bytes(b"Title: Caf\xe9\nSlug: cafe\n\nbody\n")
    assert read_header(latin).line("slug") == 2


def test_source_lines_are_read_once_and_give_the_front_matter(tmp_path):
    path = tmp_path / "rilis.md"
    path.write_text("\ufeffTitle: A\r\nTags: b\r\n\r\nbody\r\n", encoding="utf-8")
    lines = SourceLines(path)
    assert lines.get() == ["Title: A", "Tags: b", "", "body"]
    path.unlink()
    assert lines.front_matter.line("tags") == 2
    assert SourceLines(tmp_path / "missing.md").get() == []


def test_split_lines_counts_only_line_ends():
    assert split_lines("a\r\nb\rc\nd\u2028e\n") == ["a", "b", "c", "d\u2028e"]
    assert split_lines("") == []


def test_a_summary_that_looks_like_front_matter_is_converted_as_text():
    """Pelican converts Summary: with `meta` unregistered: lines of it that look
    like keys are text, never folded into one."""
    md = markdown.Markdown(extensions=["markdown.extensions.meta", "warta.markdown_source"])
    md.preprocessors.deregister("meta")
    assert md.convert("Catatan: satu\nCatatan: dua\nTitle: a\nTitle: b") == (
        "<p>Catatan: satu\nCatatan: dua\nTitle: a\nTitle: b</p>"
    )


def test_a_yaml_list_item_holding_a_comma_stays_one_item():
    """`tags: ["Rapat, Koordinasi", Pilkada]` was written back as one comma
    list: Pelican read three tags."""
    from warta.frontmatter import list_items, parse

    text = '---\ntitle: X\ntags: ["Rapat, Koordinasi", Pilkada]\nregion:\n  - Lahat\n---\n\nIsi.\n'
    front = parse(text).front_matter
    assert list_items(front.first("tags")) == ["Rapat, Koordinasi", "Pilkada"]
    assert list_items(front.first("region")) == ["Lahat"]
    plain = "---\ntitle: X\ntags:\n  - Pilkada\n  - Rapat Pleno\n---\n\nIsi.\n"
    assert parse(plain).front_matter.value("tags") == "Pilkada, Rapat Pleno"


INDONESIAN = """\
Judul: Bawaslu Kota Palembang Gelar Rapat Koordinasi
Tanggal: 2024-11-17 09:30
Rubrik: Siaran Pers
Penulis: Humas Bawaslu Kota Palembang
Tag: Pilkada Serentak 2024, Pengawasan
Ringkasan: Bawaslu Kota Palembang menggelar rapat koordinasi.

PALEMBANG – Isi rilis.
"""


def test_indonesian_keys_are_read_as_the_english_keys_pelican_reads():
    """`Rubrik: Siaran Pers` was ignored: the release showed rubrik Berita;
    `Penulis:`, `Tag:`, `Ringkasan:`, `Judul:`, `Tanggal:` likewise."""
    front = parse(INDONESIAN).front_matter
    assert [(f.key, f.name) for f in front.fields] == [
        ("title", "Judul"),
        ("date", "Tanggal"),
        ("category", "Rubrik"),
        ("author", "Penulis"),
        ("tags", "Tag"),
        ("summary", "Ringkasan"),
    ]
    assert front.line("category") == 3
    md = markdown.Markdown(extensions=["meta", "warta.markdown_source"])
    md.convert(INDONESIAN)
    assert md.Meta == {
        "title": ["Bawaslu Kota Palembang Gelar Rapat Koordinasi"],
        "date": ["2024-11-17 09:30"],
        "category": ["Siaran Pers"],
        "author": ["Humas Bawaslu Kota Palembang"],
        "tags": ["Pilkada Serentak 2024, Pengawasan"],
        "summary": ["Bawaslu Kota Palembang menggelar rapat koordinasi."],
    }


def test_a_key_written_in_both_languages_reaches_pelican_once_with_the_first_value():
    text = "Title: Judul\nRubrik: Siaran Pers\nCategory: Berita\n\nIsi.\n"
    md = markdown.Markdown(extensions=["meta", "warta.markdown_source"])
    md.convert(text)
    assert md.Meta["category"] == ["Siaran Pers"]
    md = markdown.Markdown(extensions=["meta", "warta.markdown_source"])
    md.convert('---\nJudul: "Rapat: Pleno"\nTag:\n  - A\n  - B\n---\n\nIsi.\n')
    assert md.Meta == {"title": ["Rapat: Pleno"], "tags": ["A, B"]}


SUMMARY = "Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan tahapan kampanye."


@pytest.mark.parametrize("header", [">-", ">", "|", "|-", "|+", ">2", "|-  # ringkasan"])
def test_a_yaml_block_scalar_is_read_as_yaml_reads_it(header):
    """`summary: >-` then lines indented by two spaces (a Git CMS's long value)
    ended the front matter at its first line, and the summary was ">-"."""
    text = (
        "---\n"
        "title: Rapat Koordinasi\n"
        f"summary: {header}\n"
        "  Bawaslu Kota Palembang menggelar rapat koordinasi\n"
        "  pengawasan tahapan kampanye.\n"
        "tags: Pilkada 2024\n"
        "---\n"
        "\n"
        "PALEMBANG – Isi rilis.\n"
    )
    document = parse(text)
    front = document.front_matter
    assert front.closed and document.first_body_line == (9, "PALEMBANG – Isi rilis.")
    summary = front.first("summary")
    assert (summary.line, summary.lines, summary.value) == (3, (3, 4, 5), SUMMARY)
    assert front.line("tags") == 6
    assert site_meta(text) == warta_meta(text)
    assert warta_meta(text)["summary"] == [SUMMARY]


def test_a_block_scalar_keeps_its_blank_lines_and_ends_at_the_blank_line_after_it():
    text = "---\ntitle: A\ntags: |\n  Satu\n\n    Dua\n\nPALEMBANG – Isi.\n"
    document = parse(text)
    front = document.front_matter
    assert front.first("tags").lines == (3, 4, 5, 6)
    assert front.value("tags") == "Satu Dua"
    assert (front.closed, front.insert_at, document.first_body_line) == (
        True,
        6,
        (8, "PALEMBANG – Isi."),
    )
    assert site_meta(text) == warta_meta(text)
    # Pelican's own style reads no YAML: its lines are text.
    assert not parse("Summary: >-\n  satu\n\nisi\n").front_matter.closed


def test_a_block_scalar_summary_has_no_finding():
    from warta.source_checks import Rules, check_source, parse_source

    text = (
        "---\ntitle: Bawaslu Kota Palembang Gelar Rapat Koordinasi\ndate: 2024-11-17 09:30\n"
        "slug: rapat\nsummary: >-\n  "
        + SUMMARY.replace(" pengawasan", "\n  pengawasan")
        + "\n---\n\nPALEMBANG – Isi.\n"
    )
    source = parse_source("berita/x.md", text)
    assert source.metadata["summary"] == (SUMMARY, 5)
    assert list(check_source(source, Rules())) == []


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        (
            "Title: A\nTags: Pilkada 2024,\n    Posko Pengaduan\nSlug: a\n\nisi\n",
            "tags",
            "Pilkada 2024, Posko Pengaduan",
        ),
        ("Title: A\nTag: Pilkada 2024,\n\tKampanye\n\nisi\n", "tags", "Pilkada 2024, Kampanye"),
        ("Title: A\nDate: 2024-11-05\n    09:30\n\nisi\n", "date", "2024-11-05 09:30"),
        (
            "---\ntitle: A\nauthor: Humas Bawaslu\n    Kota Palembang\n---\nisi\n",
            "author",
            "Humas Bawaslu Kota Palembang",
        ),
    ],
)
def test_a_wrapped_value_of_a_key_pelican_reads_once_is_handed_over_joined(text, key, value):
    """`Tags: Pilkada 2024,` then `    Posko Pengaduan`: Pelican kept the first
    line only ("Duplicate definition of `tags`"), and the second tag was lost."""
    assert parse(text).front_matter.value(key) == value
    assert warta_meta(text)[key] == [value]


def test_a_repeated_tags_line_still_reaches_pelican_twice():
    """Written twice (not wrapped): Pelican keeps the first and says so."""
    text = "Title: A\nTags: Satu,\n    Dua\nTags: Tiga\n\nisi\n"
    assert warta_meta(text)["tags"] == ["Satu, Dua", "Tiga"]


@pytest.mark.parametrize(
    ("text", "unused"),
    [
        ("---\ntitle: A\ncategories: [Siaran Pers]\n---\nisi\n", ()),
        ("---\ntitle: A\ncategories:\n  - Siaran Pers\n  - Berita\n---\nisi\n", ("Berita",)),
        (
            "---\ntitle: A\ncategories: ['Siaran Pers', Berita, Pengumuman]\n---\nisi\n",
            ("Berita", "Pengumuman"),
        ),
        ("Title: A\nCategories: Siaran Pers\n\nisi\n", ()),
    ],
)
def test_categories_is_the_category_its_first_item(text, unused):
    """`categories: [Siaran Pers]` (Hugo, Decap) was an unknown key, and the
    release was filed under the default rubrik, Berita."""
    front = parse(text).front_matter
    category = front.first("category")
    assert (category.key, category.value, category.unused) == ("category", "Siaran Pers", unused)
    assert warta_meta(text)["category"] == ["Siaran Pers"]
    assert "categories" not in warta_meta(text)


@pytest.mark.parametrize(
    ("line", "key", "value"),
    [
        (
            "Title: Rapat Koordinasi #2 Pengawasan Tahapan",
            "title",
            "Rapat Koordinasi #2 Pengawasan Tahapan",
        ),
        (
            "Summary: Bawaslu menggelar rapat #PemiluDamai bersama KPU",
            "summary",
            "Bawaslu menggelar rapat #PemiluDamai bersama KPU",
        ),
        ("Tags: Pemilu 2029, #PemiluDamai", "tags", "Pemilu 2029, #PemiluDamai"),
        ("Image-Alt: Peserta rapat di meja #1", "image-alt", "Peserta rapat di meja #1"),
    ],
)
def test_a_plain_value_in_a_yaml_front_matter_is_read_as_written(line, key, value):
    """` #` in a plain value of a `---` block: YAML read the rest as a comment,
    so the title, summary or a tag was cut with no message."""
    text = f"---\nDate: 2024-11-17 09:30\n{line}\n---\n\nPALEMBANG – Isi.\n"
    assert parse(text).front_matter.value(key) == value
    assert warta_meta(text)[key] == [value]


def test_a_dashed_front_matter_ended_by_a_blank_line_keeps_the_lead_before_a_rule():
    """A `---` block ended by a blank line, a `---` rule further down: the
    lead was read as a YAML key and left the page."""
    lead = "PALEMBANG – Bawaslu Kota Palembang menggelar rapat. Rudi mengatakan: kami siap."
    text = f"---\nTitle: Rapat\nDate: 2024-11-17 09:30\n\n{lead}\n\n---\n\nPenutup.\n"
    document = parse(text)
    assert [f.key for f in document.front_matter.fields] == ["title", "date"]
    assert document.first_body_line == (5, lead)
    md = markdown.Markdown(extensions=["markdown.extensions.meta", "warta.markdown_source"])
    assert BeautifulSoup(md.convert(text), "html.parser").p.get_text() == lead
    assert set(md.Meta) == {"title", "date"}


def test_a_heading_below_a_dashed_front_matter_ended_by_a_blank_line_is_the_text():
    """`# Judul` after the blank line that ends a `---` block, with a `---`
    rule further down, was read as a YAML comment and left the page; a comment
    before more keys is still one, and a draft flag under it holds back."""
    lead = "PALEMBANG – Bawaslu Kota Palembang menggelar rapat."
    text = (
        f"---\nTitle: Rapat\nDate: 2024-11-17 09:30\n\n# Rapat Pleno\n\n{lead}\n\n---\n\nPenutup.\n"
    )
    document = parse(text)
    assert [f.key for f in document.front_matter.fields] == ["title", "date"]
    md = markdown.Markdown(extensions=["markdown.extensions.meta", "warta.markdown_source"])
    page = BeautifulSoup(md.convert(text), "html.parser")
    # (a heading, at a subheading's level: the page's one <h1> is its title)
    assert (page.h2.get_text(), page.p.get_text()) == ("Rapat Pleno", lead)
    flagged = (
        "---\nTitle: Rapat\nSummary: |+\n  Isi.\n\n# catatan redaksi\ndraft: true\n---\n\nIsi.\n"
    )
    assert warta_meta(flagged)["status"] == ["draft"]


def test_a_draft_flag_reaches_pelican_before_a_line_that_ends_meta():
    """`---extra: x` above the closing `---`: `meta` ended there, before the
    `Status: draft` written after it, and the draft was published."""
    text = "---\ntitle: Rapat\ndraft: yes\n---extra: x\n---\n\nPALEMBANG – Isi.\n"
    assert warta_meta(text)["status"] == ["draft"]


def test_a_key_meta_would_end_the_front_matter_at_is_left_out_and_the_keys_below_read():
    """`---extra: x` between keys of a `---` block: it reached `meta`, which
    ended the front matter there, and the keys below were the page's text."""
    text = (
        "---\ntitle: Rapat\ndate: 2024-11-20 10:00\n---extra: x\n"
        "summary: Bawaslu Kabupaten Lahat mengawasi rapat pleno.\ntags: [Rekapitulasi]\n"
        "---\n\nLAHAT – Isi.\n"
    )
    md = markdown.Markdown(extensions=["markdown.extensions.meta", "warta.markdown_source"])
    page = BeautifulSoup(md.convert(text), "html.parser")
    assert md.Meta == {
        "title": ["Rapat"],
        "date": ["2024-11-20 10:00"],
        "summary": ["Bawaslu Kabupaten Lahat mengawasi rapat pleno."],
        "tags": ["Rekapitulasi"],
    }
    assert [p.get_text() for p in page.find_all(True)] == ["LAHAT – Isi."]


def test_a_front_matter_between_four_dash_lines_is_the_block_meta_reads():
    """`----` lines: `meta` read every key between them, warta none (its
    patterns were anchored at the end), so `draft: true` was published and
    the check said the file had no front matter."""
    text = (
        '----\ntitle: Rapat\ndate: 2024-11-20 10:00\nregion: "16.04"\ndraft: true\n----\n'
        "\nLAHAT – Isi.\n"
    )
    document = parse(text)
    assert [(f.key, f.value, f.line) for f in document.front_matter.fields] == [
        ("title", "Rapat", 2),
        ("date", "2024-11-20 10:00", 3),
        ("region", "16.04", 4),
        ("draft", "true", 5),
    ]
    assert document.first_body_line == (8, "LAHAT – Isi.")
    assert set(pelican_meta(text)) == {"title", "date", "region", "draft"}
    assert (warta_meta(text)["status"], warta_meta(text)["region"]) == (["draft"], ["16.04"])


@pytest.mark.parametrize("quote", ['"', "'"])
def test_a_blank_line_inside_a_quoted_value_does_not_end_the_front_matter(quote):
    """A quoted summary over two paragraphs, then `draft: true`, in a `---`
    block YAML reads: the block was cut at the blank line in the quotes, the
    draft flag was the page's text and the release was published."""
    text = (
        "---\ntitle: Rapat\ndate: 2024-11-20 10:00\n"
        f"summary: {quote}Bawaslu Kabupaten Lahat menemukan dugaan pelanggaran.\n\n"
        f"Temuan masih diklarifikasi.{quote}\ndraft: true\n---\n\nLAHAT – Isi.\n"
    )
    document = parse(text)
    assert [(f.key, f.line) for f in document.front_matter.fields] == [
        ("title", 2),
        ("date", 3),
        ("summary", 4),
        ("draft", 7),
    ]
    assert document.first_body_line == (10, "LAHAT – Isi.")
    summary = "Bawaslu Kabupaten Lahat menemukan dugaan pelanggaran. Temuan masih diklarifikasi."
    assert document.front_matter.value("summary") == summary
    md = markdown.Markdown(extensions=["markdown.extensions.meta", "warta.markdown_source"])
    page = BeautifulSoup(md.convert(text), "html.parser")
    assert (md.Meta["status"], md.Meta["summary"]) == (["draft"], [summary])
    assert [p.get_text() for p in page.find_all(True)] == ["LAHAT – Isi."]


@pytest.mark.parametrize("quote", ['"', "'"])
def test_a_quoted_value_over_a_blank_line_is_held_together_above_the_lead_before_a_rule(quote):
    """A quoted summary over two paragraphs, then `tags:`, the lead and a
    `---` rule further down (so the block up to the rule holds the lead, and
    YAML cannot read it whole): the block was cut at the blank line in the
    quotes, the summary lost its second paragraph and the tags were the
    page's text."""
    lead = "LAHAT – Bawaslu Kabupaten Lahat menggelar rapat pleno pada Senin (11/11/2024)."
    text = (
        "---\ntitle: Rapat Pleno\ndate: 2024-11-11 10:00\n"
        f"summary: {quote}Bawaslu Kabupaten Lahat menggelar rapat pleno.\n\n"
        f"Rapat dihadiri seluruh panwaslu kecamatan.{quote}\n"
        "tags: [Pilkada 2024,\n\n  Rekapitulasi]\n"
        f"\n{lead}\n\n---\n\nNarahubung: Humas Bawaslu Kabupaten Lahat\n"
    )
    document = parse(text)
    summary = (
        "Bawaslu Kabupaten Lahat menggelar rapat pleno. Rapat dihadiri seluruh panwaslu kecamatan."
    )
    assert [(f.key, f.line, f.value) for f in document.front_matter.fields][2:] == [
        ("summary", 4, summary),
        ("tags", 7, "Pilkada 2024, Rekapitulasi"),
    ]
    assert document.first_body_line == (11, lead)
    md = markdown.Markdown(extensions=["markdown.extensions.meta", "warta.markdown_source"])
    page = BeautifulSoup(md.convert(text), "html.parser")
    assert (md.Meta["summary"], md.Meta["tags"]) == ([summary], ["Pilkada 2024, Rekapitulasi"])
    assert [p.get_text() for p in page.find_all("p")] == [
        lead,
        "Narahubung: Humas Bawaslu Kabupaten Lahat",
    ]


@pytest.mark.parametrize(
    "lead",
    [
        "LAHAT: Bawaslu Kabupaten Lahat mengawasi rapat pleno, Rabu (20/11/2024).",
        "Catatan: Bawaslu Kabupaten Lahat mengawasi rapat pleno.",
        "Agenda Rapat: Bawaslu Kabupaten Lahat mengawasi rapat pleno.",
        "Hasil Rapat Pleno: Bawaslu Kabupaten Lahat mengawasi rapat pleno.",
    ],
)
def test_a_lead_like_a_key_below_the_blank_line_of_a_dashed_front_matter_is_the_text(lead):
    """A `---` block ended by a blank line, a `---` rule further down: a lead
    starting with a dateline or a word and a colon was read as a YAML key
    (the check said to delete it) and left the page, a heading above it
    as a YAML comment."""
    for heading in ("", "# Rapat Pleno\n\n"):
        text = (
            "---\ntitle: Rapat\ndate: 2024-11-20 10:00\ntags: [Rekapitulasi]\n\n"
            f"{heading}{lead}\n\n---\n\nRapat berlangsung tertib.\n"
        )
        document = parse(text)
        assert [f.key for f in document.front_matter.fields] == ["title", "date", "tags"]
        assert document.front_matter.body_start == 6
        md = markdown.Markdown(extensions=["markdown.extensions.meta", "warta.markdown_source"])
        page = BeautifulSoup(md.convert(text), "html.parser")
        assert set(md.Meta) == {"title", "date", "tags"}
        assert [p.get_text() for p in page.find_all("p")] == [lead, "Rapat berlangsung tertib."]
        # (a heading, shown at a subheading's level: the page's one <h1> is its title)
        assert [h.get_text() for h in page.find_all("h2")] == (["Rapat Pleno"] if heading else [])


def test_an_invitations_details_below_the_blank_line_of_a_dashed_front_matter_are_the_text():
    """`Tanggal:`, `Tempat:`, `Acara:` lines of a press invitation after the
    blank line of a `---` block, a `---` rule further down: they were read
    as front matter (`Tanggal:` as a second Date:, an error) and left the
    page; they are its text, as without the rule, and the check says
    nothing of them."""
    details = [
        "Tanggal: Kamis, 21 November 2024",
        "Tempat: Aula Bawaslu Kabupaten Lahat",
        "Acara: Rapat pleno rekapitulasi hasil pengawasan",
    ]
    lead = "LAHAT – Bawaslu Kabupaten Lahat mengundang rekan media untuk meliput rapat pleno."
    head = (
        "---\ntitle: Undangan Peliputan Rapat Pleno\ndate: 2024-11-20 10:00\ntags: Pilkada 2024\n"
    )
    said = []
    for rule in ("\n---\n\nNarahubung: Humas Bawaslu Kabupaten Lahat\n", ""):
        text = head + "\n" + "\n".join(details) + f"\n\n{lead}\n{rule}"
        document = parse(text)
        assert [f.key for f in document.front_matter.fields] == ["title", "date", "tags"]
        assert document.first_body_line == (6, details[0])
        md = markdown.Markdown(extensions=["markdown.extensions.meta", "warta.markdown_source"])
        page = BeautifulSoup(md.convert(text), "html.parser")
        assert set(md.Meta) == {"title", "date", "tags"}
        assert page.p.get_text().splitlines() == details
        findings = check_source(parse_source("rilis.md", text), Rules())
        said.append([f for f in findings if f.line in (6, 7, 8)])
    assert said == [[], []]  # (no second Date:, no unknown key, no key written too low)


@pytest.mark.parametrize(
    ("below", "keys", "held"),
    [
        ("Tags: Rekapitulasi", ["title", "tags"], False),  # a key of the site
        ("subtitle: Rapat pleno", ["title", "subtitle"], False),  # a CMS's key, in lower case
        ("LAHAT: Bawaslu Kabupaten Lahat.\n\ndraft: true", ["title"], True),
    ],
)
def test_a_key_below_the_blank_line_of_a_dashed_front_matter_is_still_one(below, keys, held):
    """More keys after a blank line stay front matter; a draft flag below a
    lead holds the release back, the lead still its text."""
    text = f"---\ntitle: Rapat\n\n{below}\n---\n\nLAHAT – Isi.\n"
    assert [f.key for f in parse(text).front_matter.fields] == keys
    assert ("status" in warta_meta(text)) == held


@pytest.mark.parametrize("indent", ["\t", "    ", "  "])
def test_an_indented_lead_below_the_blank_line_of_a_dashed_front_matter_is_the_text(indent):
    """A first-line indent pasted from Word before the lead, after `summary:`
    and a blank line, a `---` rule further down: the lead was joined to the
    summary and left the page. A list or block scalar still goes on below a
    blank line."""
    lead = "LAHAT – Bawaslu Kabupaten Lahat mengawasi rapat pleno."
    text = (
        "---\ntitle: Rapat\nsummary: Bawaslu Kabupaten Lahat mengawasi rapat pleno kecamatan.\n"
        f"\n{indent}{lead}\n\n---\n\nRapat berlangsung tertib.\n"
    )
    front = parse(text).front_matter
    assert (front.value("summary"), front.body_start, front.problem) == (
        "Bawaslu Kabupaten Lahat mengawasi rapat pleno kecamatan.",
        5,
        None,
    )
    md = markdown.Markdown(extensions=["markdown.extensions.meta", "warta.markdown_source"])
    page = BeautifulSoup(md.convert(text), "html.parser")
    assert md.Meta["summary"] == ["Bawaslu Kabupaten Lahat mengawasi rapat pleno kecamatan."]
    assert [p.get_text() for p in page.find_all("p")] == [lead, "Rapat berlangsung tertib."]
    below = (
        "---\ntags:\n  - Pilkada\n\n  - Rekapitulasi\nsummary: >-\n  Satu.\n\n  Dua.\n---\n\nIsi.\n"
    )
    assert (parse(below).front_matter.value("tags"), warta_meta(below)["summary"]) == (
        "Pilkada, Rekapitulasi",
        ["Satu. Dua."],
    )


@pytest.mark.parametrize("title", ["Rapat Pleno", "Bawaslu Sumsel: Awasi Rapat"])
def test_a_yaml_list_of_corrections_is_a_ralat_value_an_item(title):
    """`ralat:` then `- …` items, in a `---` block YAML reads and in one it
    cannot (read line by line): a value and a `Ralat:` line an item, as two
    `Ralat:` lines give (they were one value, joined with ", ")."""
    text = (
        f"---\ntitle: {title}\nralat:\n  - 2024-11-23 09:00 — nama kecamatan\n"
        "  - 2024-11-24 10:00 — jam rapat\n---\n\nLAHAT – Isi.\n"
    )
    corrections = ["2024-11-23 09:00 — nama kecamatan", "2024-11-24 10:00 — jam rapat"]
    [ralat] = parse(text).front_matter.all("ralat")
    assert (ralat.line, list(ralat.values), ralat.lines) == (3, corrections, (4, 5))
    assert warta_meta(text)["ralat"] == corrections


def test_an_indented_lead_below_a_list_and_a_blank_line_is_the_text():
    """The lead's first-line indent after a `tags:` list and a blank line:
    it was read as more of the last item, a tag holding the lead."""
    lead = "LAHAT – Bawaslu Kabupaten Lahat mengawasi rapat pleno."
    text = f"---\ntitle: Rapat\ntags:\n  - Rekapitulasi\n\n    {lead}\n\n---\n\nPenutup.\n"
    front = parse(text).front_matter
    assert (front.value("tags"), front.body_start) == ("Rekapitulasi", 6)
    md = markdown.Markdown(extensions=["markdown.extensions.meta", "warta.markdown_source"])
    page = BeautifulSoup(md.convert(text), "html.parser")
    assert [p.get_text() for p in page.find_all("p")] == [lead, "Penutup."]
    more = "---\ntitle: Rapat\ntags:\n- Rekapitulasi\n\n- Pengawasan\n---\n\nIsi.\n"
    assert parse(more).front_matter.value("tags") == "Rekapitulasi, Pengawasan"


@pytest.mark.parametrize(
    ("lines", "key", "value"),
    [
        (
            "tags: Pilkada 2024, Rekapitulasi,\n    #PemiluDamai",
            "tags",
            "Pilkada 2024, Rekapitulasi, #PemiluDamai",
        ),
        (
            "summary: Bawaslu Kabupaten Lahat mengawasi rapat pleno rekapitulasi\n"
            "    #2 tingkat kabupaten di Lahat.",
            "summary",
            "Bawaslu Kabupaten Lahat mengawasi rapat pleno rekapitulasi #2 tingkat kabupaten "
            "di Lahat.",
        ),
        ("tags:\n  - Rekapitulasi\n  - #PemiluDamai", "tags", "Rekapitulasi, #PemiluDamai"),
        ("tags: [Rekapitulasi, #PemiluDamai]", "tags", "Rekapitulasi, #PemiluDamai"),
        (
            "tags: [Rekapitulasi, \"Pilkada 2024\", #PemiluDamai, 'Kampanye, Debat']",
            "tags",
            "Rekapitulasi; Pilkada 2024; #PemiluDamai; Kampanye, Debat",
        ),
    ],
)
def test_a_hash_starting_a_wrapped_line_or_a_list_item_is_text(lines, key, value):
    """`#` at the start of a wrapped line or of a list item in a `---` block
    was a YAML comment: the end of a summary or a tag left with no message."""
    text = f"---\ntitle: Rapat\n{lines}\nDate: 2024-11-20 10:00\n---\n\nLAHAT – Isi.\n"
    front = parse(text).front_matter
    assert (front.value(key), front.problem) == (value, None)
    assert front.first("date").line == 3 + lines.count("\n") + 1
    assert warta_meta(text)[key] == [value]
    if lines.startswith(("summary", "tags: Pilkada")):  # as the same lines without `---`
        assert warta_meta(text.removeprefix("---\n").replace("\n---\n", "\n"))[key] == [value]


@pytest.mark.parametrize("flag", ['"draft": true', "'Status': draft"])
def test_a_quoted_draft_key_holds_back_a_block_yaml_cannot_read(flag):
    """A `---` block YAML cannot read (`Title: A: B`) is read line by line,
    with no error: a quoted key in it is still that key."""
    text = f"---\nTitle: Bawaslu Sumsel: Awasi Tahapan Pemilu\n{flag}\n---\n\nPALEMBANG – Isi.\n"
    front = parse(text).front_matter
    assert (front.value("title"), front.problem) == ("Bawaslu Sumsel: Awasi Tahapan Pemilu", None)
    assert warta_meta(text)["status"] == ["draft"]


def test_a_draft_flag_below_a_blank_line_holds_back_a_block_yaml_cannot_read():
    """Read line by line, a `---` block YAML cannot read ended at its first
    blank line: a `draft: true` below it was the release's text, published."""
    text = "---\nTitle: Bawaslu Sumsel: Awasi\n\n# belum\ndraft: true\n---\n\nPALEMBANG – Isi.\n"
    document = parse(text)
    assert [(f.key, f.line) for f in document.front_matter.fields] == [("title", 2), ("draft", 5)]
    assert document.first_body_line == (8, "PALEMBANG – Isi.")
    md = markdown.Markdown(extensions=["markdown.extensions.meta", "warta.markdown_source"])
    html = BeautifulSoup(md.convert(text), "html.parser")
    assert (md.Meta["status"], [p.get_text() for p in html.find_all(True)]) == (
        ["draft"],
        ["PALEMBANG – Isi."],
    )


@pytest.mark.parametrize("closing", ["---\n", ""])
def test_a_quoted_value_over_a_blank_line_holds_a_draft_in_a_block_yaml_cannot_read(closing):
    """`Title: Bawaslu Sumsel: Awasi …` (YAML cannot read it), a quoted
    summary over two paragraphs, `draft: true`: read line by line, the
    front matter ended at the summary's second paragraph, `draft: true` was
    the page's text and the release went out (with an error)."""
    text = (
        "---\nTitle: Bawaslu Sumsel: Awasi Tahapan\ndate: 2024-11-20 10:00\n"
        'summary: "Bawaslu Sumsel mengawasi tahapan\nkampanye.\n\nTemuan diklarifikasi."\n'
        f"draft: true\n{closing}\nPALEMBANG – Isi.\n"
    )
    front = parse(text).front_matter
    summary = "Bawaslu Sumsel mengawasi tahapan kampanye. Temuan diklarifikasi."
    assert [(f.key, f.value, f.lines) for f in front.fields][2:] == [
        ("summary", summary, (4, 5, 7)),
        ("draft", "true", (8,)),
    ]
    assert (front.closed, front.problem) == (True, None)
    md = markdown.Markdown(extensions=["markdown.extensions.meta", "warta.markdown_source"])
    page = BeautifulSoup(md.convert(text), "html.parser")
    assert (md.Meta["status"], md.Meta["summary"]) == (["draft"], [summary])
    assert [p.get_text() for p in page.find_all(True)] == ["PALEMBANG – Isi."]


def test_the_same_text_is_read_once_and_another_text_afresh():
    text = "Title: Rapat Pleno\nStatus: draft\n\nIsi rilis.\n"
    first = parse(text)
    assert parse("".join(text)) is first  # an equal text, not the same object
    assert parse(text) == first
    other = parse(text.replace("draft", "published"))
    assert other is not first
    assert other.front_matter.value("status") == "published"
    assert first.front_matter.value("status") == "draft"


def test_texts_read_long_ago_are_let_go():
    first = parse("Title: Yang pertama\n\nIsi.\n")
    for number in range(PARSED_TEXTS):
        parse(f"Title: Rilis {number}\n\nIsi.\n")
    assert parse("Title: Yang pertama\n\nIsi.\n") is not first
    assert parse.cache_info().currsize <= PARSED_TEXTS


def test_content_lint_reads_a_release_once(tmp_path, monkeypatch):
    parse.cache_clear()
    read = []
    reader = frontmatter.parse_lines
    monkeypatch.setattr(frontmatter, "parse_lines", lambda lines: read.append(1) or reader(lines))
    (tmp_path / "rilis.md").write_text(
        "---\ncategories: [Siaran Pers, Berita]\ntitle: Pengawasan Kampanye 2107\n---\n\nIsi.\n",
        encoding="utf-8",
    )
    source, findings = read_and_check(str(tmp_path), "rilis.md", Rules())
    assert len(read) == 1
    assert source.value("category") == "Siaran Pers"
    unused = [f for f in findings if f.suggestion == "keep one: 'Category: Siaran Pers'"]
    assert [(f.path, f.line, f.level) for f in unused] == [("rilis.md", 2, "warning")]


@pytest.mark.parametrize(
    ("written", "key", "name", "value", "unused"),
    [
        ("categories: [Siaran Pers, Berita]", "category", "categories", "Siaran Pers", ("Berita",)),
        (
            "categories:\n  - Siaran Pers\n  - Berita",
            "category",
            "categories",
            "Siaran Pers",
            ("Berita",),
        ),
        ("Categories: ['Siaran Pers']", "category", "Categories", "Siaran Pers", ()),
        ("categories: []", "category", "categories", "", ()),
        (
            "tags: [Pilkada 2024, 'Kampanye, Debat']",
            "tags",
            "tags",
            "Pilkada 2024; Kampanye, Debat",
            (),
        ),
        ("tag:\n  - Pilkada 2024\n  - Kampanye", "tags", "tag", "Pilkada 2024, Kampanye", ()),
        ('"draft": true', "draft", "draft", "true", ()),
        ("'Status': draft", "status", "Status", "draft", ()),
        ('"Rubrik": "Siaran Pers"', "category", "Rubrik", "Siaran Pers", ()),
    ],
)
def test_both_readers_of_a_dashed_block_read_lists_and_quoted_keys_alike(
    written, key, name, value, unused
):
    # The same block as YAML reads it, and with a title YAML cannot read
    # (read line by line, as Pelican's `meta` does).
    for title, yaml_reads in (("Rapat Pleno", True), ("Bawaslu Sumsel: Rapat Pleno", False)):
        text = f"---\nTitle: {title}\n{written}\n---\n\nIsi rilis.\n"
        lines = split_lines(text)
        block = lines[: lines.index("---", 1) + 1]
        assert isinstance(frontmatter.read_yaml_block(block), frontmatter.FrontMatter) is yaml_reads
        front = parse(text).front_matter
        found = front.fields[1]
        assert (found.key, found.name, found.value, found.unused) == (key, name, value, unused)
        count = written.count("\n") + 1
        assert (found.line, found.lines) == (3, tuple(range(3, 3 + count)))
        assert (front.fields[0].value, front.closing, front.body_start) == (
            title,
            2 + count,
            4 + count,
        )


@pytest.mark.parametrize(
    ("text", "closing", "body_start"),
    [
        ("---\nTitle: Rapat\n\n# komentar\ndraft: true\n---\n\nIsi.\n", 5, 7),
        # Ended by the blank line before the release's text (a `---` rule below).
        ("---\nTitle: Rapat\n\nPALEMBANG – Isi.\n\n---\n\nLagi.\n", 2, 4),
        ("Title: Rapat\ndraft: true\n\nIsi.\n", None, 4),
        # No closing `---`: ended by the blank line before the release's text, as a closed one.
        ("---\nTitle: Rapat\ndraft: true\n\nIsi.\n", 3, 5),
        ("---\nTitle: Rapat\ndraft: true\n", None, 4),  # to the end of the file
    ],
)
def test_a_block_read_to_its_closing_line_ends_there(text, closing, body_start):
    front = parse(text).front_matter
    assert (front.closing, front.body_start) == (closing, body_start)
    assert front.closing is None or front.closing == front.end - 1


def test_a_misspelt_status_is_matched_once_for_both_its_questions(monkeypatch):
    frontmatter.is_publication_key.cache_clear()
    matched = []
    matcher = difflib.get_close_matches
    monkeypatch.setattr(
        difflib,
        "get_close_matches",
        lambda *args, **kw: matched.append(args[0]) or matcher(*args, **kw),
    )
    front = parse("Title: Rapat Pleno\nStaatus: menunggu\n\nIsi.\n").front_matter
    assert front.unpublished_by_flag() == front.fields[1]  # held back, as a misspelt Status:
    assert (
        parse("Title: Rapat Pleno\nStaatus: published\n\nIsi.\n").front_matter.unpublished_by_flag()
        is None
    )
    assert matched.count("staatus") == 1


@pytest.mark.parametrize(
    ("embargo", "held"),
    [
        ("1 Desember 2024 pukul 10.00", False),
        ("2024-12-01 10:00", False),
        ("5 Desember 2024 pukul 11.00 WITA", False),  # 10:00 WIB, the Date:
        ("5 Desember 2024 pukul 12.00 WITA", True),
        ("9 Desember 2099 pukul 10.00 WITA", True),
        ("hingga Selasa pukul 10.00 WIB", True),
    ],
)
def test_an_embargo_is_read_the_same_in_the_front_matter_and_below_it(embargo, held):
    """One reading of a publication key's date (`dates.when_written`): in the
    front matter an Indonesian date was no date (held back whatever it said),
    below it a date compared with the Date:."""
    top = "Title: Rapat pleno\nDate: 2024-12-05 10:00\n"
    head = f"{top}Embargo: {embargo}\n\nBawaslu menggelar rapat.\n"
    below = f"{top}\nBawaslu menggelar rapat.\n\nEmbargo: {embargo}\n"
    for text in (head, below):
        flag = frontmatter.parse(text).front_matter.unpublished_by_flag()
        assert (flag is not None) == held, text


@pytest.mark.parametrize(
    ("field", "in_front", "below"),
    [
        # A misspelt key is never prose: read the same in both places.
        ("Stauts: pending", True, True),
        ("Statu: belum", True, True),
        ("Drfat: draft", True, True),
        ("Drfat: true", True, True),
        ("Stauts: published", False, False),
        ("Drfat: false", False, False),
        ("Publishd: Humas Bawaslu Kabupaten Lahat", False, False),
        # A value that says neither clearly: held in the front matter, text below.
        ("Draft: mungkin", True, False),
        ("Tayang: Sabtu malam, langsung di TVRI", True, False),
        # Clear values: the same in both places.
        ("Draft: ya", True, True),
        ("Terbit: tidak", True, True),
        ("Published: yes", False, False),
        ("Stats: 120", False, False),
    ],
)
def test_a_publication_field_holds_back_by_one_rule_above_and_below(field, in_front, below):
    """One rule (`frontmatter.keeps_unpublished`) in the front matter and
    below it: they differ only where a line below may be prose."""
    top = "Title: Rapat pleno\nDate: 2024-12-05 10:00\n"
    head = f"{top}{field}\n\nBawaslu menggelar rapat.\n"
    text = f"{top}\nBawaslu menggelar rapat.\n\n{field}\n"
    for source, held in ((head, in_front), (text, below)):
        flag = frontmatter.parse(source).front_matter.unpublished_by_flag()
        assert (flag is not None) == held, source


@pytest.mark.parametrize(
    "text",
    [
        "Title: Tom &amp; Jerry &lt;b&gt; &amp;lt;\nRubrik: Siaran &#80;ers\n"
        "Tags: Pengawasan Partisipatif, Politik Uang &amp; Netralitas\n"
        "Region: Kabupaten&nbsp;Lahat\nImage-Alt: Foto &#39;rapat&#39;\n"
        "Ralat: 2024-11-23 09:00 — nama &amp; jabatan\n"
        "    diperbaiki &lt;lagi&gt;\n"
        "Summary: Ringkasan &amp; isi\nSlug: rapat&amp;pleno\nImage: a&amp;b.jpg\n\n"
        "Isi &amp; teks.\n",
        "---\ntitle: 'Tom &amp; Jerry &lt;b&gt; &amp;lt;'\nrubrik: Siaran &#80;ers\n"
        "tags: [Pengawasan Partisipatif, Politik Uang &amp; Netralitas]\n"
        'region: Kabupaten&nbsp;Lahat\nimage-alt: "Foto &#39;rapat&#39;"\n'
        "ralat:\n  - 2024-11-23 09:00 — nama &amp; jabatan\n  - diperbaiki &lt;lagi&gt;\n"
        "summary: Ringkasan &amp; isi\nslug: rapat&amp;pleno\nimage: a&amp;b.jpg\n---\n\n"
        "Isi &amp; teks.\n",
    ],
)
def test_references_in_a_text_key_reach_pelican_read_and_others_as_written(text):
    """`Tags: Politik Uang &amp; Netralitas` reached Pelican with its `;`, which
    split the line there ("… &amp", "Netralitas"); the title showed "&amp;".
    Read as Markdown reads the summary's, once; the summary (Markdown itself),
    the slug and the photo's file are as written."""
    meta = warta_meta(text)
    assert meta["title"] == ["Tom & Jerry <b> &lt;"]
    assert meta["category"] == ["Siaran Pers"]
    assert meta["tags"] == ["Pengawasan Partisipatif, Politik Uang & Netralitas"]
    assert meta["region"] == ["Kabupaten\u00a0Lahat"]
    assert meta["image-alt"] == ["Foto 'rapat'"]
    assert meta["ralat"] == ["2024-11-23 09:00 — nama & jabatan", "diperbaiki <lagi>"]
    assert (meta["summary"], meta["slug"], meta["image"]) == (
        ["Ringkasan &amp; isi"],
        ["rapat&amp;pleno"],
        ["a&amp;b.jpg"],
    )


@pytest.mark.parametrize(
    ("text", "key", "handed", "items"),
    [
        # A `;` written as a reference is text: the `,` separates.
        (
            "Title: A\nTags: Politik Uang &#59; Netralitas ASN, IKP\n\nIsi.\n",
            "tags",
            "Politik Uang \uff1b Netralitas ASN, IKP",
            ["Politik Uang \uff1b Netralitas ASN", "IKP"],
        ),
        # `&amp;`'s `;` is no separator; a typed `;` is one.
        (
            "Title: A\nTag: Politik Uang &amp; Netralitas; Divisi A, B\n\nIsi.\n",
            "tags",
            "Politik Uang & Netralitas; Divisi A, B",
            ["Politik Uang & Netralitas", "Divisi A, B"],
        ),
        (
            "---\ntitle: A\ntags: [Satu&#44;Dua, Tiga]\n---\n\nIsi.\n",
            "tags",
            "Satu,Dua; Tiga",
            ["Satu,Dua", "Tiga"],
        ),
        (
            '---\ntitle: A\ntags: ["Sosialisasi ; Rapat", IKP, Politik Uang]\n---\n\nIsi.\n',
            "tags",
            "Sosialisasi \uff1b Rapat, IKP, Politik Uang",
            ["Sosialisasi \uff1b Rapat", "IKP", "Politik Uang"],
        ),
        (
            '---\ntitle: A\ntags:\n  - "Sosialisasi ; Rapat"\n  - "A, B"\n  - IKP\n---\n\nIsi.\n',
            "tags",
            "Sosialisasi \uff1b Rapat; A, B; IKP",
            ["Sosialisasi \uff1b Rapat", "A, B", "IKP"],
        ),
        (
            "Title: A\nAuthors: Doe&#44; Jane; Roe &#59; Lee\n\nIsi.\n",
            "authors",
            "Doe, Jane; Roe \uff1b Lee",
            ["Doe, Jane", "Roe \uff1b Lee"],
        ),
        # A region list splits at both: a separator in one item is full-width.
        (
            '---\ntitle: A\nregion: "Lahat&#44; Muara Enim"\n---\n\nIsi.\n',
            "region",
            "Lahat\uff0c Muara Enim",
            ["Lahat\uff0c Muara Enim"],
        ),
        (
            '---\ntitle: A\nregion:\n  - Lahat\n  - "OKU; Timur"\n---\n\nIsi.\n',
            "region",
            "Lahat, OKU\uff1b Timur",
            ["Lahat", "OKU\uff1b Timur"],
        ),
        (
            "Title: A\nWilayah: Lahat; Kabupaten&nbsp;Muara Enim\n    Empat Lawang\n\nIsi.\n",
            "wilayah",
            "Lahat, Kabupaten\u00a0Muara Enim, Empat Lawang",
            ["Lahat", "Kabupaten\u00a0Muara Enim", "Empat Lawang"],
        ),
    ],
)
def test_a_list_reaches_its_reader_split_into_the_items_as_written(text, key, handed, items):
    """A `;` or `,` written as a character reference became a separator once the
    value was decoded whole (`Politik Uang &#59; Netralitas ASN, IKP`: Pelican
    split at the `;`, IKP lost), and a YAML item holding a `;` broke the whole
    list. Split as written, read item by item, handed over so that Pelican
    (or the regions plugin) splits it back into exactly those items."""
    from pelican.readers import ensure_metadata_list

    from warta.regions.gazetteer import region_values
    from warta.source_checks import parse_source

    meta = warta_meta(text)
    assert meta[key] == [handed]
    split = ensure_metadata_list if key in frontmatter.PELICAN_LIST_KEYS else region_values
    assert split(handed) == items
    assert parse_source("a.md", text).value(key) == handed
    field = parse(text).front_matter.first(key)
    assert frontmatter.handed_items(key, frontmatter.list_items(field)) == items


def test_the_control_characters_of_a_file_go_line_by_line_as_from_each_line():
    """`ControlCharacters` takes the control characters out of a file's lines
    in one pass over them all: each line as `without_control_characters`
    makes it, and every line kept (a vertical tab or a form feed a space, NEL
    dropped, a carriage return kept)."""
    import random

    from warta.markdown_source import ControlCharacters
    from warta.text import without_control_characters

    pieces = ["Rapat", " ", "\x0b", "\x0c", "\x85", "\x00", "\r", "\u200b", "\ufffe", "é", ""]
    pieces += ["\U0010fffe", "\U0001f600", "\t", "\u2028"]
    rng = random.Random(3)
    controls = ControlCharacters(markdown.Markdown())
    for _ in range(2000):
        lines = [
            "".join(rng.choice(pieces) for _ in range(rng.randint(0, 5)))
            for _ in range(rng.randint(0, 4))
        ]
        assert controls.run(list(lines)) == [without_control_characters(line) for line in lines]


@pytest.mark.parametrize(
    ("body", "held"),
    [
        # a notice, on its own line or opening its paragraph
        ("EMBARGO hingga Kamis, 10 Desember 2026 pukul 10.00 WIB\n\nLAHAT – Rapat.", True),
        ("Rapat digelar.\n\n## Embargo: 10/12/2026 10.00 WIB", True),
        ("[EMBARGO: 10 Desember 2026, 10.00 WIB]\n\nLAHAT – Rapat.", True),
        ("Embargo 10/12/2026 10.00 WIB\nLAHAT – Rapat.", True),
        # a time before the Date:: out at its Date:, as `Embargo:` is
        ("EMBARGO hingga 1 Desember 2026 pukul 10.00 WIB\n\nLAHAT – Rapat.", False),
        # prose wrapped so that a line starts with the word, with no time
        ("Negara itu menerapkan\nembargo hingga kini.", False),
        ("Embargo terhadap negara itu dibahas.", False),
        # in fenced code
        ("```\nEMBARGO hingga 10 Desember 2026\n```", False),
    ],
)
def test_an_embargo_notice_is_read_where_it_is_one(body, held):
    text = f"Title: Rapat pleno\nDate: 2026-12-03 09:00\n\n{body}\n"
    flag = frontmatter.parse(text).front_matter.unpublished_by_flag()
    assert (flag is not None) == held, flag


def test_whether_a_body_links_a_site_file_is_kept_with_its_checks(tmp_path):
    """`read_and_check` works out once, with the checks the lint cache keeps,
    whether the body writes a `{filename}`/`{static}` link or a plain link to
    a source file; the lint renders no body it found none in."""
    from plugins.content_lint.plugin import rendered_links_html

    bodies = {
        "tautan.md": "Lihat [rapat]({filename}/berita/rapat.md).",
        "polos.md": "Lihat [rapat](rapat.md).",
        "tanpa.md": "Bawaslu Kota Palembang menggelar rapat | tanpa tautan.",
    }
    for name, body in bodies.items():
        (tmp_path / name).write_text(
            f"Title: Rapat\nDate: 2024-11-17 09:30\n\n{body}\n", encoding="utf-8"
        )
    read = {name: read_and_check(str(tmp_path), name, Rules())[0] for name in bodies}
    assert {name: source.site_link for name, source in read.items()} == {
        "tautan.md": True,
        "polos.md": True,
        "tanpa.md": False,
    }
    built = type("Built", (), {"_content": '<p><a href="{filename}/berita/rapat.md">x</a></p>'})
    assert rendered_links_html(read["tautan.md"], built, {}, str(tmp_path))[0] == built._content
    assert rendered_links_html(read["tanpa.md"], built, {}, str(tmp_path)) == ("", "")
    # A source parsed elsewhere (not known): the body's lines are read for it.
    parsed = parse_source("tautan.md", (tmp_path / "tautan.md").read_text(encoding="utf-8"))
    assert parsed.site_link is None
    assert rendered_links_html(parsed, built, {}, str(tmp_path))[0] == built._content


def test_a_sources_photos_and_dates_are_read_with_its_checks_and_kept(tmp_path, monkeypatch):
    """What the lint asks of every release on every build and that its text
    alone decides (the photos it names, its Date: read) is worked out by
    `read_and_check` and kept with the source through the cache's pickle: the
    embargo and the photos' GPS check, run on every build, give the same
    findings without reading the text or the dates again."""
    import datetime as dt
    import pickle

    from warta import source_checks

    (tmp_path / "foto.md").write_text(
        "Title: Rapat\nDate: 2099-01-02 09:30\nImage: {static}/images/a.jpg\n\n"
        'Paragraf.\n\n![Rapat](/images/b.jpg)\n\n<img src="{static}c.jpg" alt="x">\n',
        encoding="utf-8",
    )
    checked, _ = read_and_check(str(tmp_path), "foto.md", Rules())
    assert checked.photos == (
        (3, "images/a.jpg", "{static}/images/a.jpg"),
        (7, "images/b.jpg", "images/b.jpg"),
        (9, "c.jpg", "{static}c.jpg"),
    )
    kept = pickle.loads(pickle.dumps(checked))
    assert kept == checked and kept.photos == checked.photos

    def no_parsing(raw):
        raise AssertionError(f"parsed again: {raw!r}")

    monkeypatch.setattr(source_checks, "_read_date", no_parsing)
    monkeypatch.setattr(source_checks, "written_photos", no_parsing)
    rules = Rules(now=dt.datetime(2098, 1, 1, tzinfo=dt.UTC))
    embargo = list(source_checks.check_embargo(kept, rules))
    assert [(f.line, f.level) for f in embargo] == [(2, "suggestion")]
    located = list(source_checks.check_image_locations(kept, lambda path: path == "c.jpg"))
    assert [(f.line, f.message) for f in located] == [
        (9, "photo carries a GPS location: '{static}c.jpg'")
    ]


@pytest.mark.parametrize(
    ("body", "held"),
    [
        # the same hold in other words than "embargo", with a time
        ("Untuk diterbitkan: 10 Desember 2026 pukul 09.00 WIB\n\nLAHAT – Rapat.", "embargo"),
        ("UNTUK DISIARKAN 10 DESEMBER 2026 PUKUL 09.00 WIB\n\nLAHAT – Rapat.", "embargo"),
        ("Dilarang terbit sebelum 10 Desember 2026\n\nLAHAT – Rapat.", "embargo"),
        ("*Jangan ditayangkan sebelum Kamis, 10 Desember 2026*\n\nLAHAT – Rapat.", "embargo"),
        # a draft notice alone, opening its paragraph
        ("**DRAF — belum boleh terbit**\n\nLAHAT – Rapat.", "draft"),
        ("DRAFT\n\nLAHAT – Rapat.", "draft"),
        ("Rapat digelar.\n\nJangan diterbitkan dulu.", "draft"),
        # a letterhead's label, prose, a time before the Date:
        ("Untuk disiarkan segera\n\nLAHAT – Rapat.", None),
        ("Untuk diterbitkan: 1 Desember 2026\n\nLAHAT – Rapat.", None),
        ("Draf PKPU tentang kampanye dibahas dalam rapat.", None),
        ("Berita bohong itu\njangan diterbitkan ulang oleh media.", None),
        ("Dilarang terbit sebelum diverifikasi oleh redaksi.", None),
        ("```\nDRAF\n```", None),
        # the bare word: a notice in capitals, bold or brackets, never a
        # heading's or a list item's own word
        ("**Draf**\n\nLAHAT – Rapat.", "draft"),
        ("[Draft]\n\nLAHAT – Rapat.", "draft"),
        ("Draf\n\nLAHAT – Rapat.", None),
        ("### Draf\n\nIsi draf PKPU.", None),
        ("## DRAF\n\nIsi draf PKPU.", None),
        ("- Draf\n- Final", None),
        ("* **DRAFT**\n* Final", None),
        ("### Draf — belum boleh terbit\n\nLAHAT – Rapat.", "draft"),
        ("- Jangan diterbitkan dulu\n- Final", "draft"),
    ],
)
def test_a_hold_or_draft_notice_in_other_words_is_read_where_it_is_one(body, held):
    text = f"Title: Rapat pleno\nDate: 2026-12-03 09:00\n\n{body}\n"
    flag = frontmatter.parse(text).front_matter.unpublished_by_flag()
    assert (flag.key if flag is not None else None) == held, flag


@pytest.mark.parametrize("key", ["draft", "Dr\u0430ft", "Dr\u00e4ft"])
@pytest.mark.parametrize("where", ["{line}\n\nLAHAT – Rapat.", "\nLAHAT – Rapat.\n\n{line}"])
def test_a_key_with_an_odd_letter_is_read_with_its_comment_as_an_ascii_key_is(key, where):
    """`Drаft: true # ok` (a Cyrillic а) let the release out where `draft:
    true # ok` holds it back: the comment was read as part of its value
    (`true # ok`, neither a yes nor a no, from a key no reader reads)."""
    body = where.format(line=f"{key}: true # ok")
    text = f"Title: Rapat pleno\nDate: 2026-12-03 09:00\n{body}\n"
    flag = frontmatter.parse(text).front_matter.unpublished_by_flag()
    line = text.splitlines().index(f"{key}: true # ok") + 1
    assert (flag.key, flag.name, flag.line) == ("draft", key, line)


@pytest.mark.parametrize("key", ["DRAFT", "Draf"])
def test_a_draft_key_with_no_value_is_said_as_a_key_not_a_notice(key):
    """`DRAFT:` (no value) in the front matter holds the release back as a
    key; it was said to be "the notice 'DRAFT' … in the release's text",
    with the advice to delete the notice's line."""
    text = f"Title: Rapat pleno\nDate: 2026-12-03 09:00\n{key}:\n\nLAHAT – Rapat.\n"
    found = list(source_checks.check_unpublished_flag(parse_source("berita/x.md", text)))
    assert [(f.line, f.level, f.message) for f in found] == [
        (
            3,
            "warning",
            f"'{key}: ' is read as Status: draft (neither a yes nor a no): "
            "this release is not published",
        )
    ]


@pytest.mark.parametrize(
    ("written", "items"),
    [
        ("[yes, no]", ["yes", "no"]),
        ("[on, off]", ["on", "off"]),
        ("[null]", ["null"]),
        ("[2024, 2024.10]", ["2024", "2024.10"]),
    ],
)
@pytest.mark.parametrize("block", [False, True])
def test_a_bracketed_list_of_yaml_words_is_the_words_written(written, items, block):
    """`Tags: [yes, no]` (or `[on, off]`) was the tags "True" and "False",
    `[null]` the text of the whole value, `2024.10` the number 2024.1: YAML's
    types, where tags are text. Now each item is the text written, in the
    check's reading and in Pelican's (`meta`) alike."""
    from warta.frontmatter import list_items, parse

    head = f"Title: X\nTags: {written}\n"
    if block:
        head = f"---\ntitle: X\ntags: {written}\n---\n"
    text = head + "\nIsi.\n"
    assert list_items(parse(text).front_matter.first("tags")) == items
    md = markdown.Markdown(extensions=["markdown.extensions.meta", "warta.markdown_source"])
    md.convert(text)
    assert [t.strip() for t in md.Meta["tags"][0].split(",")] == items
