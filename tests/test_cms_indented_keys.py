"""A release whose front-matter keys are indented, in a `---` block or in
`Key: value` lines, in the CMS's format (the built /admin/ page's
window.WARTA_CMS.makeFormat, in Chromium) against the build's reader
(`warta.frontmatter.parse`): what the build reads, the form shows; what the
build cannot read at all is said in Indonesian and never saved over.

A `---` block indented with tabs throughout opened with every field filled
(js-yaml reads it) while the build read no front matter ("no front matter",
the release not published); a file starting with `\\tTitle: …` opened as an
empty form without a word."""

from __future__ import annotations

import re

import pytest
from test_cms_yaml import admin, fields_of, open_and_save  # noqa: F401 (`admin`: a fixture)

pytestmark = pytest.mark.browser

LEAD = "\n\nLAHAT – Bawaslu Kabupaten Lahat menggelar rapat pleno terbuka rekapitulasi.\n"
TITLE = "Rapat Pleno Terbuka Rekapitulasi Lahat"

# Read by the build (two or three spaces before a key are nothing to it).
READ = {
    "yaml-two-spaces": f"---\n  title: {TITLE}\n  date: 2024-11-20 09:00\n  slug: rapat\n"
    "  tags: [Rapat Pleno]\n---" + LEAD,
    "key-value-three-spaces": f"   Title: {TITLE}\nDate: 2024-11-20 09:00\n  Slug: rapat\n"
    "Tags: Rapat Pleno" + LEAD,
}
# Read as no front matter at all by the build, and where the CMS says so.
UNREAD = {
    "yaml-tabs": (f"---\n\ttitle: {TITLE}\n\tdate: 2024-11-20 09:00\n\tslug: rapat\n---", 2),
    "yaml-comment-then-tab": (f"---\n# dari CMS lain\n\ttitle: {TITLE}\n\tslug: rapat\n---", 3),
    "key-value-tab": (f"\tTitle: {TITLE}\nDate: 2024-11-20 09:00\nSlug: rapat", 1),
    "key-value-four-spaces": (f"    Title: {TITLE}\nDate: 2024-11-20 09:00\nSlug: rapat", 1),
}


@pytest.mark.parametrize("name", list(READ))
def test_indented_keys_the_build_reads_open_in_the_form_and_save_in_place(admin, name):  # noqa: F811
    text = READ[name]
    read = fields_of(text)
    assert read["title"] == TITLE  # (the build reads them)
    result = open_and_save(admin, text, {"summary": "Ringkasan baru rapat pleno."})
    assert result["note"] is None
    assert result["entry"]["title"] == TITLE
    assert result["entry"]["slug"] == "rapat"
    assert result["entry"]["tags"] == ["Rapat Pleno"]
    assert result["again"] == text
    assert fields_of(result["edited"]) == {**read, "summary": "Ringkasan baru rapat pleno."}


@pytest.mark.parametrize("name", list(UNREAD))
def test_a_front_matter_the_build_cannot_read_is_said_and_not_saved_over(admin, name):  # noqa: F811
    head, line = UNREAD[name]
    text = head + LEAD
    assert fields_of(text) == {}  # the build reads no front matter
    result = open_and_save(admin, text, {"title": TITLE, "summary": "Ringkasan rapat pleno."})
    # The form empty as the build reads it, the whole file in the body, a note.
    assert "title" not in result["entry"]
    assert result["entry"]["body"] == text
    yaml = "YAML " if head.startswith("---") else ""
    assert re.fullmatch(
        rf"Front matter {yaml}di awal isi naskah tidak terbaca \(baris {line}: .*menjorok.*\), "
        r"jadi kolom formulir kosong\. Perbaiki front matter itu di kolom isi; naskah baru "
        r"dapat disimpan setelah front matter terbaca\.",
        result["note"],
    )
    assert "tidak dibaca situs sama sekali" in result["note"] or (
        "situs tidak membaca front matter sama sekali" in result["note"]
    )
    # Not saved with the form's keys above the file (its fields then text).
    assert result["edited"] is None and result["again"] is None
    assert result["refused"].startswith(f"front matter {yaml}di awal isi naskah tidak terbaca")


@pytest.mark.parametrize("name", list(UNREAD))
def test_the_front_matter_fixed_in_the_body_saves_as_the_build_reads_it(admin, name):  # noqa: F811
    head, _ = UNREAD[name]
    text = head + LEAD
    fixed = "\n".join(line.lstrip(" \t") for line in head.split("\n")) + LEAD
    result = open_and_save(admin, text, {"body": fixed})
    assert result["edited"] is not None  # (saved unchanged, it is still refused)
    assert fields_of(result["edited"])["title"] == TITLE
    assert fields_of(result["edited"])["slug"] == "rapat"


# A `---` block YAML cannot read because one key is indented and the others
# not: the line said is the indented key's, and the reason is its indentation
# (js-yaml named the line below and spoke of quotes).
MISINDENTED = {
    "title-indented": (
        f"---\n  Title: {TITLE}\ndate: 2024-11-20 09:00\nslug: rapat\n---",
        2,
        "Title",
    ),
    "date-indented": (
        f"---\ntitle: {TITLE}\n  date: 2024-11-20 09:00\nslug: rapat\n---",
        3,
        "date",
    ),
}


@pytest.mark.parametrize("name", list(MISINDENTED))
def test_a_key_indented_unlike_the_others_is_named_by_its_line(admin, name):  # noqa: F811
    head, line, key = MISINDENTED[name]
    result = open_and_save(admin, head + LEAD, {"summary": "Ringkasan rapat pleno."})
    assert result["note"].startswith(
        f'Front matter YAML di awal isi naskah tidak terbaca (baris {line}: kunci "{key}" '
        "menjorok, tidak sejajar dengan kunci lain; tulis setiap kunci di awal baris"
    ), result["note"]
    assert result["edited"] is None  # (refused: nothing lost)
