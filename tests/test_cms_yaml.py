"""The newsroom CMS on a release whose front matter is YAML between `---` lines
(what Git CMSs and staff tools write, and what the build reads:
warta/frontmatter.py `read_yaml_block`).

Such a release opened in /admin/ with every field empty and the whole block
in the body; saved, it got `Title: …` lines above the `---` block (two front
matters, a `draft: true` then a flag below the front matter). Here the
format of the built /admin/ page (window.WARTA_CMS.makeFormat, with the
page's own js-yaml) reads such files in Chromium; what it writes back is
read by the build's own reader, `warta.frontmatter.parse`.
"""

from __future__ import annotations

import json
import re

import pytest
import yaml

from conftest import served_newsroom
from warta.frontmatter import parse

pytestmark = pytest.mark.browser

OFFICIAL = "Divisi Pencegahan, Partisipasi Masyarakat, dan Hubungan Masyarakat"
# Quoted values, a list both ways, Indonesian keys, a block scalar, comments,
# a key the form does not know and another generator's draft flag.
YAML_RELEASE = f"""---
# Ditulis oleh CMS lain; jangan hapus komentar ini.
judul: "Rapat Pleno: Bawaslu Lahat Awasi Rekapitulasi #2"
tanggal: 2024-11-27 14:00
slug: rapat-pleno-lahat
rubrik: 'Siaran Pers'
penulis: Humas Bawaslu Kabupaten Lahat
# Daftar tag resmi: data/official_tags.yaml
wilayah: [Kabupaten Lahat]
tag:
  - Rekapitulasi Suara
  - "{OFFICIAL}"
ringkasan: >-
  Bawaslu Kabupaten Lahat mengawasi rapat pleno rekapitulasi
  suara Pilkada Serentak 2024 di kantor KPU Kabupaten Lahat.
thread: 0f8a53c0b1d94a55a1b6f0e2d7c4a9b1
draft: true  # tahan dulu sampai diperiksa
ralat:
  - 2024-11-28 08:00 — nama kecamatan
---

LAHAT – Bawaslu Kabupaten Lahat mengawasi rapat pleno rekapitulasi suara.
"""
# The form's text fields, each the key the build reads (Judul is Title …).
TEXT_FIELDS = ("title", "date", "slug", "category", "author", "summary", "thread")


@pytest.fixture(scope="module")
def admin(tmp_path_factory, browser):
    """The built /admin/ page open in Chromium, and its config.json's `warta` data."""
    with served_newsroom(tmp_path_factory.mktemp("cms-yaml")) as (_, base):
        context = browser.new_context()
        try:
            page = context.new_page()
            page.goto(f"{base}/admin/")
            page.wait_for_function("window.WARTA_CMS")
            warta = json.loads(page.evaluate("fetch('config.json').then(r => r.text())"))["warta"]
            yield page, warta
        finally:
            context.close()


def open_and_save(admin, text: str, edits: dict | None = None, kind: str = "berita") -> dict:
    """The file opened in the format (`entry`, without its source), written back
    with `edits` (`edited`) and unchanged (`again`); `refused` is the message
    of the last save the format refused (None for a refused one)."""
    page, warta = admin
    return page.evaluate(
        """([text, edits, kind, warta]) => {
          const format = window.WARTA_CMS.makeFormat(warta.formats[kind], warta);
          const entry = format.fromFile(text);
          const {_warta_source, ...fields} = entry;
          const out = {entry: fields, again: null, edited: null, refused: null};
          const save = (values) => {
            try {
              return format.toFile(values);
            } catch (error) {
              out.refused = error.message;
              return null;
            }
          };
          out.edited = save({...entry, ...edits});
          out.again = save(entry);
          out.note = window.WARTA_CMS.yamlNote(fields.body);
          return out;
        }""",
        [text, edits or {}, kind, warta],
    )


def fields_of(text: str) -> dict[str, str]:
    """Key → value as the build reads the release (a repeated key: the first)."""
    return {f.key: f.value for f in reversed(parse(text).front_matter.fields)}


def pelican_split(value: str) -> list[str]:
    parts = value.split(";" if ";" in value else ",")
    return [part.strip() for part in parts if part.strip()]


@pytest.mark.parametrize("eol", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_a_yaml_front_matter_opens_in_the_form_as_the_build_reads_it(admin, eol):
    text = YAML_RELEASE.replace("\n", eol)
    result = open_and_save(admin, text)
    entry, read = result["entry"], fields_of(text)
    assert {field: entry[field] for field in TEXT_FIELDS} == {
        field: read[field] for field in TEXT_FIELDS
    }
    assert entry["title"] == "Rapat Pleno: Bawaslu Lahat Awasi Rekapitulasi #2"
    assert entry["summary"].startswith("Bawaslu Kabupaten Lahat mengawasi rapat pleno")
    assert entry["tags"] == pelican_split(read["tags"]) == ["Rekapitulasi Suara", OFFICIAL]
    assert entry["region"] == pelican_split(read["wilayah"]) == ["Kabupaten Lahat"]
    assert entry["body"].rstrip() == (
        "LAHAT – Bawaslu Kabupaten Lahat mengawasi rapat pleno rekapitulasi suara."
    )
    assert result["note"] is None
    # Saved unchanged: byte for byte, CRLF, comments, unknown keys and all.
    assert result["again"] == text


@pytest.mark.parametrize("eol", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_a_changed_yaml_release_stays_one_yaml_front_matter(admin, eol):
    text = YAML_RELEASE.replace("\n", eol)
    title = 'Rapat Pleno: Bawaslu Lahat Awasi "Rekap" #3'
    summary = "Ringkasan baru: Bawaslu Lahat mengawasi rapat pleno."
    tags = ["Rekapitulasi Suara", OFFICIAL, "Pilkada Serentak 2024"]
    result = open_and_save(
        admin, text, {"title": title, "summary": summary, "tags": tags, "image": "images/x.jpg"}
    )
    edited = result["edited"]
    assert edited.startswith("---" + eol)
    # Every line end the file's own.
    assert edited.count("\r") == (edited.count("\n") if eol == "\r\n" else 0)
    document = parse(edited)
    before, after = fields_of(text), fields_of(edited)
    assert after["title"] == title
    assert after["summary"] == summary
    assert pelican_split(after["tags"]) == tags
    assert after["image"] == "images/x.jpg"
    # Every other key as it was, the draft flag in the front matter (not below it).
    changed = {"title", "summary", "tags", "image"}
    assert {k: v for k, v in after.items() if k not in changed} == {
        k: v for k, v in before.items() if k not in changed
    }
    assert document.front_matter.dashed and document.front_matter.below == ()
    assert document.front_matter.unpublished_by_flag().key == "draft"
    assert document.front_matter.problem is None
    # Only the changed keys' lines differ; the rest byte for byte, in order.
    old_lines, new_lines = text.split(eol), edited.split(eol)
    assert [line for line in new_lines if line not in old_lines] == [
        f"judul: {json.dumps(title, ensure_ascii=False)}",
        f'tag: [Rekapitulasi Suara, "{OFFICIAL}", Pilkada Serentak 2024]',
        f"ringkasan: {json.dumps(summary)}",
        "image: images/x.jpg",
    ]
    kept = [line for line in old_lines if line in new_lines]
    assert [line for line in new_lines if line in old_lines] == kept
    assert "# Ditulis oleh CMS lain; jangan hapus komentar ini." in kept


def test_a_list_written_as_one_text_stays_one_text(admin):
    text = (
        "---\ntitle: Bawaslu Lahat Gelar Rapat Koordinasi Pengawasan Pilkada\n"
        "date: 2024-11-20 09:00\nslug: rapat-koordinasi\n"
        "tags: Rekapitulasi Suara, Pilkada Serentak 2024\n"
        "region: Kabupaten Lahat\nstatus: draft\n---\nLAHAT – Isi.\n"
    )
    result = open_and_save(admin, text, {"tags": ["Pilkada Serentak 2024"], "status": ""})
    assert result["entry"]["tags"] == ["Rekapitulasi Suara", "Pilkada Serentak 2024"]
    assert result["entry"]["region"] == ["Kabupaten Lahat"]
    assert result["again"] == text
    assert result["edited"] == text.replace(
        "tags: Rekapitulasi Suara, Pilkada Serentak 2024\n", "tags: Pilkada Serentak 2024\n"
    ).replace("status: draft\n", "")
    assert fields_of(result["edited"])["tags"] == "Pilkada Serentak 2024"


def test_values_yaml_would_read_otherwise_are_quoted(admin):
    """A title YAML reads as a number, a yes or a map, or that starts with a
    quote, is written in double quotes; YAML and the build read it back the same."""
    text = "---\ntitle: Lama\ndate: 2024-11-20 09:00\nslug: lama\n---\nIsi.\n"
    for title in ("2024", "true", "Rapat: Pleno", "'Kutipan' awal", "Tanda # pagar", "[Pleno]"):
        edited = open_and_save(admin, text, {"title": title})["edited"]
        assert fields_of(edited)["title"] == title, edited
        again = open_and_save(admin, edited)
        assert again["entry"]["title"] == title and again["again"] == edited


def test_a_key_value_release_stays_key_value(admin):
    text = "Title: Lama\nDate: 2024-11-20 09:00\nSlug: lama\n\nLAHAT – Isi.\n"
    result = open_and_save(admin, text, {"title": "Baru: Rapat"})
    assert result["again"] == text
    assert result["edited"] == text.replace("Title: Lama", "Title: Baru: Rapat")


@pytest.mark.parametrize(
    "block",
    [
        'title: "Rapat pleno\ndate: 2024-11-20 09:00\n',  # a quote never closed
    ],
)
def test_a_yaml_block_that_cannot_be_read_is_kept_and_not_saved_over(admin, block):
    text = f"---\n{block}---\n\nLAHAT – Isi.\n"
    result = open_and_save(admin, text, {"title": "Judul dari formulir", "author": "Humas"})
    # Opened with the block in the body, a note saying so; nothing lost.
    assert result["entry"]["body"] == text
    assert "title" not in result["entry"]
    assert re.match(
        r"Front matter YAML di awal isi naskah tidak terbaca \(baris \d", result["note"]
    )
    # Saving would put the form's keys above the block: refused, with the reason.
    assert result["again"] is None and result["edited"] is None
    assert re.match(
        r"front matter YAML .* tidak terbaca .*Naskah tidak disimpan", result["refused"]
    )


def test_a_yaml_block_fixed_in_the_body_is_saved_as_one_front_matter(admin):
    text = '---\ntitle: "Rapat: Bawaslu Lahat\ndraft: true\n---\n\nLAHAT – Isi.\n'
    fixed = text.replace('title: "Rapat: Bawaslu Lahat', 'title: "Rapat: Bawaslu Lahat"')
    result = open_and_save(admin, text, {"body": fixed, "author": "Humas Bawaslu Lahat"})
    assert result["edited"] is not None  # (saved unchanged, it is still refused)
    document = parse(result["edited"])
    assert result["edited"].startswith("---\ntitle: ")
    assert fields_of(result["edited"]) == {
        "title": "Rapat: Bawaslu Lahat",
        "slug": "rapat-bawaslu-lahat",
        "author": "Humas Bawaslu Lahat",
        "draft": "true",
    }
    assert [line for _, line in document.body if line] == ["LAHAT – Isi."]


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: Rapat Koordinasi # 2\nslug: rapat\n---\nIsi.\n",  # ` # 2` is text
        "---\ntitle: Rapat\n    #PemiluDamai\nslug: rapat\n---\nIsi.\n",
        "---\ntitle:\n  Rapat pleno\n  dua baris\nslug: rapat\n---\nIsi.\n",
        "---\ncategories: [Siaran Pers, Berita]\ntitle: X\nslug: x\n---\nIsi.\n",
        "---\n'title': 'It''s'\n\"slug\": x\ntags:\n- A\n- B\n- #PemiluDamai\n---\nIsi.\n",
        "---\ntitle: X\nslug: x\nsummary: |\n  satu\n\n  # dua\n...\nIsi.\n",
        "\ufeff---\n\n# komentar\nTitle: X\nSlug: x\nparams:\n  a: [1]\n---",
        '---\ntitle: ""\nslug: x\ntags: []\nregion:\nsummary: ~\n---\nIsi.\n',
        "---\ntitle: [Rapat, Pleno]\nslug: x\n---\nIsi.\n",  # (a list for a text: "Rapat, Pleno")
    ],
)
def test_each_way_of_writing_yaml_reads_as_the_build_reads_it(admin, text):
    result = open_and_save(admin, text)
    entry, read = result["entry"], fields_of(text)
    # (the build's DEFAULT_CATEGORY, "Berita", for a release without a rubrik)
    read.setdefault("category", "Berita")
    for field in ("title", "slug", "category", "summary"):
        assert entry.get(field, "") == read.get(field, ""), field
    for field in ("tags", "region"):
        assert entry.get(field, []) == pelican_split(read.get(field, "")), field
    assert result["again"] == text


# A `---` block YAML cannot read, as staff break one, and what the CMS says
# of it (js-yaml's reason was shown in English: "bad indentation of a
# mapping entry").
BROKEN_YAML = {
    "unclosed-quote": (
        '---\ntitle: "Rapat Pleno Terbuka\ndate: 2024-11-20 09:00\n---\n',
        2,
        'tanda kutip " dibuka tetapi tidak ditutup',
    ),
}


@pytest.mark.parametrize("name", list(BROKEN_YAML))
def test_a_yaml_block_the_cms_cannot_read_is_said_in_indonesian(admin, name):
    text, line, reason = BROKEN_YAML[name]
    text += "\nLAHAT – Bawaslu Kabupaten Lahat menggelar rapat koordinasi.\n"
    result = open_and_save(admin, text, {"title": "Rapat Pleno Terbuka Lahat"})
    assert result["note"] == (
        f"Front matter YAML di awal isi naskah tidak terbaca (baris {line}: {reason}), jadi "
        "kolom formulir kosong. Perbaiki front matter itu di kolom isi; naskah baru dapat "
        "disimpan setelah front matter terbaca."
    )
    assert result["edited"] is None
    assert result["refused"].startswith(
        f"front matter YAML di awal isi naskah tidak terbaca (baris {line}: {reason})."
    )


# Lines YAML cannot read at a key's own line, which the build reads line by
# line, each its text as written (warta.frontmatter `_parse_head`): the CMS
# showed an empty form, the block in the body, and would not save.
KEY_LINES_YAML_CANNOT_READ = {
    "colon-in-a-value": "title: Rapat: Pleno Terbuka Rekapitulasi",
    "chat-bold": "title: *Rapat Pleno Terbuka Rekapitulasi*",
    "at-sign": "title: @bawaslulahat Rapat Pleno Terbuka",
    "backtick": "title: `Rapat` Pleno Terbuka Rekapitulasi",
    "bracket-never-closed": "title: Rapat Pleno Terbuka\nregion: [Kabupaten Lahat, Kota Palembang",
}


@pytest.mark.parametrize("name", list(KEY_LINES_YAML_CANNOT_READ))
def test_a_yaml_key_line_the_build_reads_as_written_opens_and_saves(admin, name):
    from warta.markdown_source import without_chat_emphasis

    line = KEY_LINES_YAML_CANNOT_READ[name]
    text = (
        f"---\n{line}\ndate: 2024-11-20 09:00\nslug: rapat\ntags: [Rapat Pleno]\n"
        "draft: true\n---\n\nLAHAT – Bawaslu Kabupaten Lahat menggelar rapat koordinasi.\n"
    )
    read = fields_of(text)
    result = open_and_save(admin, text, {"summary": "Ringkasan baru rapat koordinasi."})
    assert result["note"] is None
    assert result["entry"]["title"] == without_chat_emphasis(read["title"])
    assert result["entry"]["tags"] == ["Rapat Pleno"]
    assert result["entry"]["body"].strip().startswith("LAHAT")
    assert result["again"] == text
    edited = fields_of(result["edited"])
    assert edited == {**read, "summary": "Ringkasan baru rapat koordinasi."}
    # A changed title is written so that YAML reads it too.
    retitled = open_and_save(admin, text, {"title": "Rapat: Pleno Terbuka #2"})["edited"]
    assert fields_of(retitled)["title"] == "Rapat: Pleno Terbuka #2"
    [title_line] = [line for line in retitled.splitlines() if line.startswith("title:")]
    assert yaml.safe_load(title_line) == {"title": "Rapat: Pleno Terbuka #2"}
    assert fields_of(retitled)["draft"] == "true"
