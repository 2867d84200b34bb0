"""The newsroom CMS on a release whose text keys hold HTML's character
references (`Tags: Politik Uang &amp; Netralitas`), which the build reads as
the characters they stand for, a list split where a separator is typed and
never inside a reference (`warta.frontmatter.list_items`,
`markdown_source.TEXT_KEYS`).

The CMS split that tag at the `;` of `&amp;` ("Politik Uang &amp",
"Netralitas"), and a save wrote `Tags: Politik Uang &amp, Netralitas, IKP`:
other tags than the file had. `Region: Kabupaten &#76;ahat` opened as
"Kabupaten &#76" and "ahat"; a title opened with its `&amp;`. Here the format
of the built /admin/ page reads and writes such files in Chromium, and what
it opens and writes is compared with the build's own reading
(`warta.frontmatter.parse` then `with_references_read`).
"""

from __future__ import annotations

import pytest
from test_cms_yaml import admin, fields_of, open_and_save

from warta import frontmatter
from warta.markdown_source import TEXT_KEYS
from warta.text import with_references_read

pytestmark = pytest.mark.browser
__all__ = ["admin"]  # the fixture: the built /admin/ page in Chromium

KEY_VALUE = (
    "Title: Rapat &lt;Koordinasi&gt; Tom &amp; Jerry &#39;Pleno&#39; &amp;lt;b&amp;gt;\n"
    "Date: 2024-11-20 09:00\n"
    "Slug: rapat-koordinasi\n"
    "Rubrik: Siaran &#80;ers\n"
    "Author: Tim &amp; Humas Bawaslu Kabupaten Lahat\n"
    "Region: Kabupaten &#76;ahat\n"
    "Tags: Politik Uang &amp; Netralitas, Pengawasan Partisipatif\n"
    "Summary: Ringkasan &amp; isi rapat koordinasi pengawasan.\n"
    "Image: images/2024/rapat.jpg\n"
    "Image-Alt: Peserta &lt;rapat&gt; &amp; tamu\n"
    "Image-Caption: Rapat &#8220;koordinasi&#8221; di aula\n"
    "Image-Credit: Humas &#x26; Dokumentasi\n"
    "\n"
    "LAHAT – Bawaslu Kabupaten Lahat menggelar rapat &amp; evaluasi.\n"
)
YAML = (
    "---\n"
    "title: 'Rapat &lt;Koordinasi&gt; Tom &amp; Jerry &#39;Pleno&#39; &amp;lt;b&amp;gt;'\n"
    "date: 2024-11-20 09:00\n"
    "slug: rapat-koordinasi\n"
    "rubrik: Siaran &#80;ers\n"
    "author: Tim &amp; Humas Bawaslu Kabupaten Lahat\n"
    "wilayah: [Kabupaten &#76;ahat]\n"
    "tags:\n"
    "  - Politik Uang &amp; Netralitas\n"
    "  - Pengawasan Partisipatif\n"
    "summary: Ringkasan &amp; isi rapat koordinasi pengawasan.\n"
    "image: images/2024/rapat.jpg\n"
    'image-alt: "Peserta &lt;rapat&gt; &amp; tamu"\n'
    "image-caption: Rapat &#8220;koordinasi&#8221; di aula\n"
    "image-credit: Humas &#x26; Dokumentasi\n"
    "---\n"
    "\n"
    "LAHAT – Bawaslu Kabupaten Lahat menggelar rapat &amp; evaluasi.\n"
)
# The form's fields, each with the key the build reads (Rubrik is Category …).
TEXT_FIELDS = {
    "title": "title",
    "category": "category",
    "author": "author",
    "image_alt": "image-alt",
    "image_caption": "image-caption",
    "image_credit": "image-credit",
}
LIST_FIELDS = {"tags": "tags", "region": ("region", "wilayah")}


def built(text: str) -> dict[str, str]:
    """Key → value as the build reads it: references read in TEXT_KEYS."""
    return {
        key: with_references_read(value) if key in TEXT_KEYS else value
        for key, value in fields_of(text).items()
    }


def built_items(text: str, keys) -> list[str]:
    """The items of a list key as the build reads them (`frontmatter.list_items`:
    split where a separator is typed, never inside a reference, then read)."""
    keys = (keys,) if isinstance(keys, str) else keys
    field = frontmatter.parse(text).front_matter.first(*keys)
    return frontmatter.list_items(field) if field else []


def assert_opened_as_built(entry: dict, text: str) -> None:
    read = built(text)
    for field, key in TEXT_FIELDS.items():
        assert entry.get(field, "") == read.get(key, ""), field
    for field, keys in LIST_FIELDS.items():
        assert entry.get(field, []) == built_items(text, keys), field
    # Keys that are no text (Markdown, a file, an address) as written.
    assert entry["summary"] == read["summary"] == "Ringkasan &amp; isi rapat koordinasi pengawasan."
    assert entry["slug"] == "rapat-koordinasi"


@pytest.mark.parametrize("text", [KEY_VALUE, YAML], ids=["key-value", "yaml"])
def test_references_in_text_keys_open_as_the_build_reads_them(admin, text):
    result = open_and_save(admin, text)
    entry = result["entry"]
    assert_opened_as_built(entry, text)
    assert entry["title"] == "Rapat <Koordinasi> Tom & Jerry 'Pleno' &lt;b&gt;"
    assert entry["author"] == "Tim & Humas Bawaslu Kabupaten Lahat"
    assert entry["category"] == "Siaran Pers"
    assert entry["tags"] == ["Politik Uang & Netralitas", "Pengawasan Partisipatif"]
    assert entry["region"] == ["Kabupaten Lahat"]
    assert entry["image_caption"] == "Rapat “koordinasi” di aula"
    # Saved unchanged: byte for byte, the references as written.
    assert result["again"] == text


@pytest.mark.parametrize("text", [KEY_VALUE, YAML], ids=["key-value", "yaml"])
def test_a_tag_added_keeps_the_tag_with_a_reference_whole(admin, text):
    # The writer adds a tag to those the form opened with.
    opened = open_and_save(admin, text)["entry"]["tags"]
    edited = open_and_save(admin, text, {"tags": [*opened, "Rapat Pleno Terbuka"]})["edited"]
    tags = ["Politik Uang & Netralitas", "Pengawasan Partisipatif", "Rapat Pleno Terbuka"]
    read = built(edited)
    assert built_items(edited, "tags") == tags
    # Every other key as the build read it before; only the tags' lines changed.
    before = built(text)
    assert {k: v for k, v in read.items() if k != "tags"} == {
        k: v for k, v in before.items() if k != "tags"
    }
    # (A `&` no reference starts is written as typed: the build reads it so.)
    old, new = text.splitlines(), edited.splitlines()
    assert [line for line in new if line not in old] == (
        ["Tags: Politik Uang & Netralitas, Pengawasan Partisipatif, Rapat Pleno Terbuka"]
        if text is KEY_VALUE
        else ["tags: [Politik Uang & Netralitas, Pengawasan Partisipatif, Rapat Pleno Terbuka]"]
    )
    again = open_and_save(admin, edited)
    assert again["entry"]["tags"] == tags and again["again"] == edited


# What a writer types in the form: a `&` that the build would read as the start
# of a reference stays text; any other `&` is written as typed.
TYPED = {
    "title": "Rapat &lt;b&gt; & Tom &amp; Jerry, R&D &foo; &#59; &nbsp; AT&T &ampx;",
    "author": "Humas &amp; Tim; Bawaslu & Panwascam",
    "image_alt": "Spanduk &quot;Tolak Politik Uang&quot;",
    "image_caption": "Apel &#8220;siaga&#8221;",
    "image_credit": "A&amp;B",
    "category": "Siaran &#80;ers",
}


@pytest.mark.parametrize("text", [KEY_VALUE, YAML], ids=["key-value", "yaml"])
def test_text_typed_in_the_form_is_written_so_the_build_reads_it_back_as_typed(admin, text):
    # A list's item as typed: the build reads its references before it splits
    # the list, so a reference kept as text would split the item at its `;`.
    tags = ["Kode &amp; Etik Panitia", "Diskusi & Rapat Terbuka"]
    result = open_and_save(admin, text, {**TYPED, "tags": tags})
    edited = result["edited"]
    read = built(edited)
    for field, value in TYPED.items():
        assert read[TEXT_FIELDS[field]] == value, field
    assert built_items(edited, "tags") == ["Kode & Etik Panitia", "Diskusi & Rapat Terbuka"]
    # Opened again: the form shows what was typed (a tag as the build reads
    # it), and a save changes nothing.
    again = open_and_save(admin, edited)
    for field, value in TYPED.items():
        assert again["entry"][field] == value, field
    assert again["entry"]["tags"] == ["Kode & Etik Panitia", "Diskusi & Rapat Terbuka"]
    assert again["again"] == edited
    # A plain `&` is written as typed, not as a reference.
    assert "Diskusi & Rapat Terbuka" in edited and "R&D" in edited


@pytest.mark.parametrize(
    "value",
    [
        "Kota &#59; Palembang, Kabupaten Lahat",  # a `;` written as a reference is text
        "Kabupaten &#76;ahat, Kota Palembang",
        "&amp; Awal; Akhir &amp",
        "Baris&#10;dua&#x2028;tiga&#11;&#x202e;",
        "&ampx; &notit; &#0; &#xD800; &#1114112; &#xFDD0; &#128; &#150;",
    ],
)
def test_any_reference_in_a_list_reads_as_the_build_reads_it(admin, value):
    text = (
        f"Title: Rapat {value}\nDate: 2024-11-20 09:00\nSlug: rapat\n"
        f"Region: {value}\nTags: {value}\n\nIsi.\n"
    )
    result = open_and_save(admin, text)
    read = built(text)
    assert result["entry"]["title"] == read["title"]
    assert result["entry"]["tags"] == built_items(text, "tags")
    assert result["again"] == text


@pytest.mark.parametrize(
    ("value", "options"),
    [
        ("Kabupaten Lahat; Kota Pagar Alam, Kabupaten Empat Lawang", True),
        # A separator written as a reference is text: one region (no option).
        ("Kabupaten &#76;ahat&#59; Kota Pagar Alam, Kabupaten Empat Lawang", False),
        ("Kota Palembang&#44; Kabupaten Lahat", False),
    ],
)
def test_a_region_line_opens_with_every_region_the_build_reads(admin, value, options):
    """The regions stage splits a `Region:` at every comma and semicolon typed
    (`frontmatter.list_items`); the CMS split it as Pelican splits tags, at the
    semicolons only when there is one, and opened "Kota Pagar Alam, Kabupaten
    Empat Lawang" as one region that is no option."""
    text = f"Title: Rapat\nDate: 2024-11-20 09:00\nSlug: rapat\nRegion: {value}\n\nIsi.\n"
    result = open_and_save(admin, text)
    names = built_items(text, "region")
    assert result["entry"]["region"] == names
    assert (set(names) <= set(admin[1]["regions"])) is options
    assert result["again"] == text
