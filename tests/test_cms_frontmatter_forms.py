"""The newsroom CMS reads every front-matter form the build reads.

The CMS's own reader of a `Key: value` front matter was a regular expression
of its own: `Tags: [Rapat Pleno, Koordinasi Humas]` below `Title: …`, which
the build reads as two tags (`warta.frontmatter.written_list`), opened as the
tags "[Rapat Pleno" and "Koordinasi Humas]", and a save wrote them so; a
byte-order mark, lone CR line ends, a line of spaces, a key indented by two
spaces, `Penulis : Humas` (no key for the build), a `---` line ending the
block, a `---` block with no closing line or with a `---` rule in the text
below it, and a title in a chat's bold each opened otherwise than the build
reads them (an empty form, a key the build has not, a `---` at the top of
the body). Here the format of the built /admin/ page (in Chromium) opens each
form; what it shows is compared with what Python-Markdown hands Pelican with
the site's extensions (`meta` after `warta.markdown_source`), and a save of
the unchanged release gives the file back byte for byte.
"""

from __future__ import annotations

import markdown
import pytest
from test_cms_yaml import admin, open_and_save

from pelicanconf import MARKDOWN
from warta import frontmatter

pytestmark = pytest.mark.browser
__all__ = ["admin"]  # the fixture: the built /admin/ page in Chromium

TOP = "Title: Rapat\nDate: 2024-11-20 09:00\nSlug: rapat\n"
BODY = "LAHAT – Bawaslu Kabupaten Lahat menggelar rapat koordinasi.\n"
FORMS = {
    "tags-in-brackets": TOP + "Tags: [Rapat Pleno, Koordinasi Humas]\n\n" + BODY,
    "tags-in-quotes": TOP + 'Tags: "Rapat Pleno", "Koordinasi Humas"\n\n' + BODY,
    "tags-in-curly-quotes": TOP + "Tags: “Rapat Pleno”, “Koordinasi Humas”\n\n" + BODY,
    "tags-with-hashtag": TOP + "Tags: [Rapat Pleno, #PemiluDamai]\n\n" + BODY,
    "regions-in-brackets": TOP + "Wilayah: [Kabupaten Lahat, Kota Palembang]\n\n" + BODY,
    "byte-order-mark": "\ufeff" + TOP + "Tags: Rapat Pleno\n\n" + BODY,
    "cr-line-ends": (TOP + "Tags: Rapat Pleno\n\n" + BODY).replace("\n", "\r"),
    "line-of-spaces": TOP + "   \nTags: Rapat Pleno\n\n" + BODY,
    "indented-key": "Title: Rapat\n  Date: 2024-11-20 09:00\nSlug: rapat\n\n" + BODY,
    "tab-continuation": TOP + "Tags: Rapat Pleno,\n\tKoordinasi Humas\n\n" + BODY,
    "space-before-colon": TOP + "Penulis : Humas Bawaslu\nTags: Rapat Pleno\n\n" + BODY,
    "closing-dashes": TOP + "Tags: Rapat Pleno\n---\n" + BODY,
    "chat-bold-title": "Title: *Rapat Pleno Terbuka*\nDate: 2024-11-20 09:00\nSlug: rapat\n\n"
    + BODY,
    "dashes-never-closed": "---\ntitle: Rapat\ndate: 2024-11-20 09:00\nslug: rapat\n"
    "tags: [Rapat Pleno, Koordinasi Humas]\n\n" + BODY,
    "rule-in-the-text": "---\ntitle: Rapat\ndate: 2024-11-20 09:00\nslug: rapat\n"
    "tags: [Rapat Pleno]\n\n" + BODY + "\n---\n\nLampiran.\n",
}


def handed(text: str) -> tuple[dict[str, str], str]:
    """(key → value, body as HTML) as Pelican gets them from the site's Markdown."""
    configs = MARKDOWN["extension_configs"]
    md = markdown.Markdown(
        extensions=[*configs, "markdown.extensions.meta"],
        extension_configs=configs,
        output_format="html5",
    )
    html = md.convert(text.removeprefix("\ufeff"))
    return {key: values[0] for key, values in md.Meta.items()}, html


def built_items(text: str, *keys: str) -> list[str]:
    field = frontmatter.parse(text).front_matter.first(*keys)
    return frontmatter.list_items(field) if field else []


@pytest.mark.parametrize("name", list(FORMS))
def test_a_release_opens_in_the_form_as_the_build_reads_it(admin, name):
    text = FORMS[name]
    result = open_and_save(admin, text)
    entry = result["entry"]
    meta = handed(text)[0]
    assert entry.get("title", "") == meta.get("title", "")
    assert entry.get("date", "") == meta.get("date", "")
    assert entry.get("author", "") == meta.get("author", "")
    assert entry.get("tags", []) == built_items(text, "tags")
    assert entry.get("region", []) == built_items(text, "region", "wilayah")
    # The body is the text below the front matter, not a key or a `---` of it.
    body = "\n".join(line for _, line in frontmatter.parse(text).body)
    assert entry["body"].replace("\r", "\n").strip() == body.strip()
    # Saved unchanged: the file as it was, byte for byte.
    assert result["again"] == text


@pytest.mark.parametrize(
    "name", ["tags-in-brackets", "tags-in-quotes", "byte-order-mark", "closing-dashes"]
)
def test_a_release_edited_elsewhere_keeps_its_tags_and_its_form(admin, name):
    text = FORMS[name]
    tags = built_items(text, "tags")
    edited = open_and_save(admin, text, {"summary": "Ringkasan baru rapat koordinasi."})["edited"]
    assert built_items(edited, "tags") == tags
    assert handed(edited)[0]["summary"] == "Ringkasan baru rapat koordinasi."
    assert handed(edited)[1] == handed(text)[1]
    # Only the summary's line is new.
    old, new = text.splitlines(keepends=True), edited.splitlines(keepends=True)
    assert [line for line in new if line not in old] == [
        "Summary: Ringkasan baru rapat koordinasi.\n"
    ]


@pytest.mark.parametrize("name", ["dashes-never-closed", "rule-in-the-text"])
def test_a_yaml_block_ended_by_the_text_stays_one_when_edited(admin, name):
    text = FORMS[name]
    edited = open_and_save(admin, text, {"summary": "Ringkasan baru rapat koordinasi."})["edited"]
    old, new = text.splitlines(keepends=True), edited.splitlines(keepends=True)
    assert [line for line in new if line not in old] == [
        "summary: Ringkasan baru rapat koordinasi.\n"
    ]
    assert handed(edited)[0]["summary"] == "Ringkasan baru rapat koordinasi."
    assert built_items(edited, "tags") == built_items(text, "tags")
    # The text below the block is the same text, its `---` rule in it.
    assert [line for _, line in frontmatter.parse(edited).body] == [
        line for _, line in frontmatter.parse(text).body
    ]
