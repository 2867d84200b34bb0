"""Releases as staff paste them from Word, WhatsApp, a PDF or another CMS:
each builds, the release published, every problem one line at its line in
the build and in `invoke check` alike; and once the release is corrected,
a warm build says nothing more of it.

One fixture site (built once, checked once) holds a release for each fault;
assertions on parsed finding lines and parsed HTML.
"""

from __future__ import annotations

import pytest

from conftest import FixtureSite, build_and_check
from warta.findings import Finding

LEAD = "PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan tahapan pilkada."


def release(title: str, *head: str, body: str = LEAD) -> str:
    return "\n".join([f"Title: {title}", "Date: 2024-11-17 09:30", *head]) + f"\n\n{body}\n"


RELEASES = {
    # `[Berita]({filename})`: a link whose file was never written.
    "tautan-kosong.md": release(
        "Bawaslu Kota Palembang Gelar Rapat Tautan Kosong",
        "Slug: tautan-kosong",
        body=LEAD + "\n\nLihat [berita sebelumnya]({filename}) dan [lampiran]({static}#hal-2).",
    ),
    # A YAML list (and quoted items) below `Title:`, no `---` block.
    "tag-kurung.md": release(
        "Bawaslu Kota Palembang Gelar Rapat Tag Berkurung",
        "Slug: tag-kurung",
        "Tags: [Pilkada Serentak 2024, Kampanye]",
    ),
    "tag-kutip.md": release(
        "Bawaslu Kota Palembang Gelar Rapat Tag Berkutip",
        "Slug: tag-kutip",
        "Tags: “Pilkada Serentak 2024”, “Kampanye”",
    ),
    # A full-width colon, as a phone's keyboard types it.
    "titik-dua.md": release(
        "Bawaslu Kota Palembang Gelar Rapat Titik Dua Lebar",
        "Slug: titik-dua",
        "Tags\uff1a Kampanye",
    ),
    # Word's "Heading 1" and a hand's `# …`: headings at the title's level.
    "judul-kedua.md": release(
        "Bawaslu Kota Palembang Gelar Rapat Dua Judul",
        "Slug: judul-kedua",
        body=LEAD + "\n\n# Hasil Rapat\n\nRapat menyepakati tiga hal.\n\n"
        "Tindak Lanjut\n===\n\nPengawas akan turun ke lapangan.\n\n## Jadwal\n\nSenin.",
    ),
    # Bold and a link typed into the title, as in the text editor.
    "judul-markdown.md": release(
        "Bawaslu Kota Palembang **Gelar** Rapat [Pleno](https://kpu.go.id) Terbuka",
        "Slug: judul-markdown",
    ),
    # A link whose address was never pasted in.
    "tanpa-alamat.md": release(
        "Bawaslu Kota Palembang Gelar Rapat Tautan Tanpa Alamat",
        "Slug: tanpa-alamat",
        body=LEAD + "\n\nSalinan putusan dapat diunduh [di sini]() atau [**laman**]( ).\n\n"
        "Jadwal lengkap: [](https://kpu.go.id/jadwal)",
    ),
    # A guide to writing links: the empty links in inline code are shown as typed.
    "tautan-kode.md": release(
        "Bawaslu Kota Palembang Gelar Pelatihan Menulis Tautan",
        "Slug: tautan-kode",
        body=LEAD + "\n\nTulis `[kata](alamat)`, bukan `[kata]()` atau ``[](alamat)``.",
    ),
    # A table and a box pasted from Word as raw HTML: Markdown is not read in
    # them (`# Nomor`, `[kata]()` are shown as typed); the `# Hasil` below is.
    "tabel-word.md": release(
        "Bawaslu Kota Palembang Gelar Rapat Tabel Word",
        "Slug: tabel-word",
        body=LEAD + '\n\n<div class="kotak">\n# Catatan\n[lampiran]()\n</div>\n\n'
        "<table>\n<tr><td>\n# Nomor\n</td><td>[](https://kpu.go.id)</td></tr>\n</table>\n\n"
        "# Hasil\n\nRapat selesai.",
    ),
    # A form pasted from Word or a chat, its keys in bold; a file pasted with
    # a line break on top.
    "kunci-tebal.md": "**Title:** Bawaslu Kota Palembang Gelar Rapat Kunci Tebal\n"
    "**Date:** 2024-11-17 09:30\n\n" + LEAD + "\n",
    "tanggal-tebal.md": release(
        "Bawaslu Kota Palembang Gelar Rapat Tanggal Tebal", "**Slug:** tanggal-tebal"
    ),
    "baris-kosong.md": "\n" + release("Bawaslu Kota Palembang Gelar Rapat Baris Kosong"),
    # Word's "Heading 1" pasted as HTML: the headline again, then a section.
    "judul-html.md": release(
        "Bawaslu Kota Palembang Gelar Rapat Judul HTML",
        "Slug: judul-html",
        body="<h1>Bawaslu Kota Palembang Gelar Rapat Judul HTML</h1>\n\n" + LEAD + "\n\n"
        '<h1 id="hasil"><b>Hasil</b> Rapat</h1>\n\nTulis `<h1>kode</h1>` begini.',
    ),
    # Links written as paths from the release's folder (or anywhere), which a
    # browser reads from the page's address: none leads to a published file.
    "tautan-relatif.md": release(
        "Bawaslu Kota Palembang Gelar Rapat Tautan Relatif",
        "Slug: tautan-relatif",
        body=LEAD + "\n\nUnduh [SK](../../images/2024/sk.pdf) dan [x](../../../../../etc/shadow)."
        "\n\nJadwal di [KPU](www.kpu.go.id/jadwal), rapat lain di [sini](../tag-kurung/)."
        "\n\nHubungi [WA](wa.me/6281234567890), [surel](humas@bawaslu.go.id) atau "
        "[telepon](0711-123456).\n\nUnduh [SK lama](..\\..\\images\\2024\\sk.pdf).",
    ),
    # A photo linked to its own file, which is missing: said once, as a photo.
    "foto-bertaut.md": release(
        "Bawaslu Kota Palembang Gelar Rapat Foto Bertaut",
        "Slug: foto-bertaut",
        body=LEAD + "\n\n[![Peserta rapat](../images/2024/hilang.jpg)](../images/2024/hilang.jpg)",
    ),
    # Pasted with the headline as the text's first line: no front matter at
    # all, or a Date: and no Title:.
    "tanpa-kepala.md": "Bawaslu Kota Palembang Gelar Rapat Tanpa Kepala Berita\n\n" + LEAD + "\n",
    "tanpa-judul.md": "Date: 2024-11-17 09:30\nSlug: tanpa-judul\n\n"
    "Bawaslu Kota Palembang Gelar Rapat Tanpa Baris Judul\n\n" + LEAD + "\n",
}


@pytest.fixture(scope="module")
def pasted(tmp_path_factory):
    site = FixtureSite(tmp_path_factory.mktemp("pasted"))
    for name, text in RELEASES.items():
        written = site.article(name, text)
        if text != text.lstrip():  # (as pasted: `article` strips the top)
            written.write_text(text, encoding="utf-8")
    (site.content / "images" / "2024").mkdir(parents=True)
    (site.content / "images" / "2024" / "sk.pdf").write_bytes(b"%PDF-1.4\n")
    built, checked = build_and_check(site)
    return site, built, checked.findings()


def of(findings: list[Finding], name: str) -> list[Finding]:
    return [f for f in findings if f.path.endswith(f"berita/{name}")]


def both(pasted, name: str) -> tuple[list[Finding], list[Finding]]:
    """The findings of one release: the build's, then `invoke check`'s."""
    _site, built, checked = pasted
    return of(built.findings(), name), of(checked, name)


def tag_links(built, address: str) -> list[str]:
    page = built.html(address)
    return sorted(a["href"] for a in page.select("a[href^='/tag/']") if a.find_parent("article"))


def test_a_link_with_no_file_after_filename_is_one_line_at_its_line(pasted):
    """`[berita sebelumnya]({filename})`: no finding named the release (only
    Pelican's "link to a missing file: ''", with no file and no line), and the
    page linked to `{filename}` itself. Now one error each at the line, and the
    page keeps the words without the link."""
    _site, built, _checked = pasted
    for found in both(pasted, "tautan-kosong.md"):
        linked = sorted((f.line, f.level, f.message) for f in found if "no file after" in f.message)
        assert linked == [
            (
                7,
                "error",
                "link with no file after {filename}: '{filename}' (write the path of the file "
                "below content/, e.g. {filename}/berita/2024/nama-file.md, or remove the link)",
            ),
            (
                7,
                "error",
                "link with no file after {static}: '{static}#hal-2' (write the path of the file "
                "below content/, e.g. {static}/images/2024/nama-file.pdf, or remove the link)",
            ),
        ], found
    assert not [f for f in built.findings() if not f.path], built.log
    body = built.html("berita/2024/11/tautan-kosong/").select_one(".article__body")
    assert [a.get("href") for a in body.find_all("a")] == []
    assert "berita sebelumnya" in body.get_text() and "lampiran" in body.get_text()


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("tag-kurung.md", "[Pilkada Serentak 2024, Kampanye]"),
        ("tag-kutip.md", "“Pilkada Serentak 2024”, “Kampanye”"),
    ],
)
def test_tags_written_as_a_list_in_brackets_or_quotes_are_read_as_the_tags(pasted, name, written):
    """`Tags: [Pilkada Serentak 2024, Kampanye]` below `Title:` (a list as a
    CMS writes it, outside a `---` block) was the tags "[Pilkada Serentak
    2024" and "Kampanye]": an unknown tag, the page without it. Now read as
    the two tags, with one suggestion of the plain form at the line."""
    _site, built, _checked = pasted
    slug = name.removesuffix(".md")
    assert tag_links(built, f"berita/2024/11/{slug}/") == [
        "/tag/kampanye/",
        "/tag/pilkada-serentak-2024/",
    ]
    for found in both(pasted, name):
        assert [f for f in found if "unknown tag" in f.message] == []
        said = [(f.line, f.level, f.message) for f in found if f.line == 4]
        assert said == [
            (
                4,
                "suggestion",
                f"Tags: '{written}' is read as 'Tags: Pilkada Serentak 2024, Kampanye' (write it "
                "so, without brackets or quotes: 'Tags: Pilkada Serentak 2024, Kampanye')",
            )
        ], found


def test_a_key_with_a_full_width_colon_is_one_error_naming_the_colon(pasted):
    """`Tags： Kampanye` (U+FF1A) ended the front matter there and went out as
    the release's first line of text with no word at all. Now an error at the
    line names the colon and the line to write."""
    _site, built, _checked = pasted
    for found in both(pasted, "titik-dua.md"):
        assert [(f.line, f.level, f.message) for f in found if f.line == 4] == [
            (
                4,
                "error",
                "the front matter ends at this line: 'Tags\uff1a Kampanye' is not a "
                "'Key: value' line (write it as 'Tags: Kampanye', with ':' for '\uff1a' "
                "(U+FF1A FULLWIDTH COLON))",
            )
        ], found
    assert built.returncode != 0


def test_a_first_line_with_a_full_width_colon_is_said_as_such():
    """`Title： …` on the first line was "no front matter: the file starts
    with its text", which told staff nothing of the colon."""
    from warta.source_checks import Rules, check_source, parse_source

    text = "Title\uff1a Bawaslu Kota Palembang Gelar Rapat\nDate\uff1a 2024-11-17 09:30\n\n" + LEAD
    found = list(check_source(parse_source("content/berita/x.md", text), Rules()))
    assert [(f.line, f.level, f.suggestion) for f in found] == [
        (
            1,
            "error",
            "write it as 'Title: Bawaslu Kota Palembang Gelar Rapat', "
            "with ':' for '\uff1a' (U+FF1A FULLWIDTH COLON)",
        )
    ]


def test_a_heading_at_the_titles_level_is_a_subheading_with_one_suggestion(pasted):
    """`# Hasil Rapat` or a heading underlined with `===` in the text made a
    second <h1> beside the page's title, which screen readers and search
    engines take for the page's title, with no word to staff. Now each is an
    <h2>, like `## Jadwal`, and a suggestion at its line says so."""
    _site, built, _checked = pasted
    page = built.html("berita/2024/11/judul-kedua/")
    assert [h.get_text() for h in page.find_all("h1")] == [
        "Bawaslu Kota Palembang Gelar Rapat Dua Judul"
    ]
    body = page.select_one(".article__body")
    assert [(h.name, h.get_text()) for h in body.find_all(["h1", "h2", "h3"])] == [
        ("h2", "Hasil Rapat"),
        ("h2", "Tindak Lanjut"),
        ("h2", "Jadwal"),
    ]
    for found in both(pasted, "judul-kedua.md"):
        assert [(f.line, f.level, f.message) for f in found if f.line] == [
            (
                7,
                "suggestion",
                "heading '# Hasil Rapat' is at the title's level: it is shown as a subheading, "
                "as the page's one title is its Title: (write it as a subheading: "
                "'## Hasil Rapat')",
            ),
            (
                11,
                "suggestion",
                "heading 'Tindak Lanjut' underlined with '===' is at the title's level: it is "
                "shown as a subheading, as the page's one title is its Title: (write it as a "
                "subheading: '## Tindak Lanjut')",
            ),
        ], found


def test_markdown_typed_into_a_title_is_one_warning_at_its_line(pasted):
    """`Title: … **Gelar** Rapat [Pleno](https://…) …` went out with the
    asterisks and brackets in the <h1>, the tab, the feeds and the share card,
    and nothing said so (HTML typed there was said). Now one warning at the
    line names the marks."""
    _site, built, _checked = pasted
    shown = built.html("berita/2024/11/judul-markdown/").find("h1").get_text()
    assert shown == "Bawaslu Kota Palembang **Gelar** Rapat [Pleno](https://kpu.go.id) Terbuka"
    for found in both(pasted, "judul-markdown.md"):
        assert [(f.line, f.level, f.message) for f in found if f.line] == [
            (
                1,
                "warning",
                "Markdown in the title: '**Gelar**', '[Pleno](https://kpu.go.id)': a title is "
                "shown as plain text, marks and all (remove the marks from the Title: line; a "
                "title has no bold, italics or links)",
            )
        ], found


def test_a_link_with_no_address_is_its_words_and_one_warning_at_its_line(pasted):
    """`[di sini]()` (the address never pasted in) went out as <a href="">,
    a link that reloads the page it is on, and `[](https://…)` as a link no
    one could see or a screen reader name; nothing was said. Now the words
    are shown without a link, the wordless link as its address, and a
    warning at the line names each."""
    _site, built, _checked = pasted
    body = built.html("berita/2024/11/tanpa-alamat/").select_one(".article__body")
    assert [(a["href"], a.get_text()) for a in body.find_all("a")] == [
        ("https://kpu.go.id/jadwal", "https://kpu.go.id/jadwal")
    ]
    assert body.find_all("p")[-2].get_text() == "Salinan putusan dapat diunduh di sini atau laman."
    assert [b.get_text() for b in body.find_all("strong")] == ["laman"]
    for found in both(pasted, "tanpa-alamat.md"):
        assert sorted((f.line, f.level, f.message) for f in found if f.line) == [
            (
                7,
                "warning",
                "link with no address: '[**laman**]( )': its words are shown without a link "
                "(write the address between the brackets, e.g. [**laman**](https://…), or leave "
                "the link out: '**laman**')",
            ),
            (
                7,
                "warning",
                "link with no address: '[di sini]()': its words are shown without a link (write "
                "the address between the brackets, e.g. [di sini](https://…), or leave the link "
                "out: 'di sini')",
            ),
            (
                9,
                "warning",
                "link with no words: '[](https://kpu.go.id/jadwal)': it is shown as its address "
                "(write what it links to between the brackets, e.g. "
                "[Salinan putusan](https://kpu.go.id/jadwal))",
            ),
        ], found


def test_an_empty_link_in_inline_code_is_shown_as_typed_and_not_warned(pasted):
    """`` `[kata]()` `` in a guide to writing links is code, shown as typed:
    the build and `invoke check` warned "link with no address" at its line."""
    _site, built, _checked = pasted
    body = built.html("berita/2024/11/tautan-kode/").select_one(".article__body")
    assert [code.get_text() for code in body.find_all("code")] == [
        "[kata](alamat)",
        "[kata]()",
        "[](alamat)",
    ]
    assert body.find_all("a") == []
    for found in both(pasted, "tautan-kode.md"):
        assert [f for f in found if "link with no" in f.message] == [], found


def test_markdown_written_inside_raw_html_is_not_warned_as_markdown(pasted):
    """A `<table>` or `<div>` pasted from Word holding `# Nomor` and
    `[lampiran]()`: Markdown is not read inside raw HTML (the page shows them
    as typed), yet the build and `invoke check` said "heading '# Nomor' is at
    the title's level" and "link with no address" at those lines. Now only
    the heading below the HTML, which Markdown reads, is said."""
    _site, built, _checked = pasted
    body = built.html("berita/2024/11/tabel-word/").select_one(".article__body")
    assert [h.get_text() for h in body.find_all(["h1", "h2"])] == ["Hasil"]
    assert body.find("table") is not None and body.find_all("a") == []
    for found in both(pasted, "tabel-word.md"):
        assert [(f.line, f.level, f.message.split(" is at")[0]) for f in found if f.line] == [
            (18, "suggestion", "heading '# Hasil'")
        ], found


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        (
            "kunci-tebal.md",
            1,
            "no front matter: the file starts with this line: '**Title:** Bawaslu Kota Palembang "
            "Gelar Rapat Kunci Tebal' is not a 'Key: value' line; Date: below it is read as text "
            "(write it as 'Title: Bawaslu Kota Palembang Gelar Rapat Kunci Tebal', without the "
            "'**' marks around the key)",
        ),
        (
            "tanggal-tebal.md",
            3,
            "the front matter ends at this line: '**Slug:** tanggal-tebal' is not a 'Key: value' "
            "line (write it as 'Slug: tanggal-tebal', without the '**' marks around the key)",
        ),
        (
            "baris-kosong.md",
            1,
            "no front matter: the file starts with a blank line, so 'Title: Bawaslu Kota "
            "Palembang Gelar Rapat Baris Kosong' and the lines below it are read as text (delete "
            "the blank line above 'Title: Bawaslu Kota Palembang Gelar Rapat Baris Kosong': the "
            "front matter starts on the file's first line)",
        ),
    ],
)
def test_a_key_in_bold_or_below_a_blank_first_line_is_told_what_is_wrong(
    pasted, name, line, message
):
    """`**Title:** …` (a form pasted from Word or a chat) was "no front matter:
    the file starts with its text (start with 'Title: …' lines)", a Title: line
    below a blank first line "'Title: …' is not a 'Key: value' line (write it
    as 'Title: …')", the line as it stood: neither said what to change. Now
    each is one error naming it."""
    for found in both(pasted, name):
        assert [(f.line, f.message) for f in found if f.level == "error"] == [(line, message)], (
            found
        )


def test_an_h1_pasted_as_html_is_a_subheading_with_one_suggestion(pasted):
    """Word's "Heading 1" pasted as HTML (`<h1>…</h1>`) was a second <h1>
    beside the page's title, with no word to staff: the headline pasted so
    showed twice, both as the page's title. Now it is an <h2>, as `# …` is,
    and one suggestion at its line: the title repeated, or the heading to
    write in Markdown; `<h1>` in inline code is shown as typed."""
    _site, built, _checked = pasted
    page = built.html("berita/2024/11/judul-html/")
    assert [h.get_text() for h in page.find_all("h1")] == [
        "Bawaslu Kota Palembang Gelar Rapat Judul HTML"
    ]
    body = page.select_one(".article__body")
    assert [h.get_text() for h in body.find_all("h2")] == [
        "Bawaslu Kota Palembang Gelar Rapat Judul HTML",
        "Hasil Rapat",
    ]
    assert [code.get_text() for code in body.find_all("code")] == ["<h1>kode</h1>"]
    for found in both(pasted, "judul-html.md"):
        assert sorted((f.line, f.level, f.message) for f in found if f.line) == [
            (
                5,
                "suggestion",
                "the text repeats the title: '<h1>Bawaslu Kota Palembang Gelar Rapat Judul "
                "HTML</h1>' (delete this line: the page shows the title above the text already)",
            ),
            (
                9,
                "suggestion",
                "heading '<h1 id=\"hasil\"><b>Hasil</b> Rapat</h1>' is at the "
                "title's level: it is shown as a subheading, as the page's one title is its "
                "Title: (write it as a subheading: '## Hasil Rapat')",
            ),
        ], found


def test_a_relative_link_that_leads_to_no_published_file_is_one_warning_with_the_link_to_write(
    pasted,
):
    """`[SK](../../images/2024/sk.pdf)` written from the release's folder,
    `[x](../../../../../etc/shadow)` and `[KPU](www.kpu.go.id/jadwal)` were
    published as dead links with no line: link_check read `{filename}` links
    and site addresses only. Now each is one warning at its line with what to
    write; a relative link to a published page (`../tag-kurung/`) is none."""
    _site, built, _checked = pasted
    for found in both(pasted, "tautan-relatif.md"):
        said = sorted((f.line, f.level, f.message) for f in found if "leads to no" in f.message)
        assert said == [
            (
                7,
                "warning",
                "link leads to no page or file of the site: '../../../../../etc/shadow' (from "
                "this page a browser opens '/etc/shadow') (link a file below content/ as "
                "{static}/images/2024/nama-file.pdf, a release as "
                "{filename}/berita/2024/nama-file.md, another site by its full address "
                "(https://…), or remove the link)",
            ),
            (
                7,
                "warning",
                "link leads to no page or file of the site: '../../images/2024/sk.pdf' (from "
                "this page a browser opens '/berita/2024/images/2024/sk.pdf') (link the file by "
                "its path below content/: {static}/images/2024/sk.pdf)",
            ),
            (
                9,
                "warning",
                "link leads to no page or file of the site: 'www.kpu.go.id/jadwal' (from this "
                "page a browser opens '/berita/2024/11/tautan-relatif/www.kpu.go.id/jadwal') "
                "(write the full address: 'https://www.kpu.go.id/jadwal')",
            ),
            (
                11,
                "warning",
                "link leads to no page or file of the site: '0711-123456' (from this page a "
                "browser opens '/berita/2024/11/tautan-relatif/0711-123456') (write it as a "
                "telephone link: 'tel:0711123456')",
            ),
            (
                11,
                "warning",
                "link leads to no page or file of the site: 'humas@bawaslu.go.id' (from this "
                "page a browser opens '/berita/2024/11/tautan-relatif/humas@bawaslu.go.id') "
                "(write it as an e-mail link: 'mailto:humas@bawaslu.go.id')",
            ),
            (
                11,
                "warning",
                "link leads to no page or file of the site: 'wa.me/6281234567890' (from this "
                "page a browser opens '/berita/2024/11/tautan-relatif/wa.me/6281234567890') "
                "(write the full address: 'https://wa.me/6281234567890')",
            ),
            (
                13,
                "warning",
                "link leads to no page or file of the site: '..\\..\\images\\2024\\sk.pdf' "
                "(from this page a browser opens '/berita/2024/images/2024/sk.pdf') (link the "
                "file by its path below content/: {static}/images/2024/sk.pdf)",
            ),
        ], found
    body = built.html("berita/2024/11/tautan-relatif/").select_one(".article__body")
    assert "../tag-kurung/" in [a["href"] for a in body.find_all("a")]
    for found in both(pasted, "foto-bertaut.md"):
        assert [(f.line, f.message.split(":")[0]) for f in found if f.line] == [
            (7, "image file not found")
        ], found


def test_a_release_pasted_with_its_headline_as_first_line_is_told_the_title_to_write(pasted):
    """A release pasted as it appeared on a portal, its headline the text's
    first line: with no front matter at all the error said "start with
    'Title: …', 'Date: …' lines", with a Date: only "add 'Title: …'"; the
    headline is right there. Now the line to write is said, headline and all."""
    headline = "Bawaslu Kota Palembang Gelar Rapat Tanpa Kepala Berita"
    for found in both(pasted, "tanpa-kepala.md"):
        assert [(f.line, f.level, f.message) for f in found] == [
            (
                1,
                "error",
                "no front matter: the file starts with its text (write its first line as "
                f"'Title: {headline}', then 'Date: YYYY-MM-DD HH:MM' (in WIB) and a blank line)",
            )
        ], found
    headline = "Bawaslu Kota Palembang Gelar Rapat Tanpa Baris Judul"
    for found in both(pasted, "tanpa-judul.md"):
        assert [(f.line, f.level, f.message) for f in found if f.level == "error"] == [
            (
                1,
                "error",
                "missing Title: this release is not published (add "
                f"'Title: {headline}' (the text's first line, line 4, reads as its headline: "
                "then delete that line))",
            )
        ], found


def test_the_corrected_releases_build_warm_with_nothing_more_said(pasted):
    """The same site, each release corrected as its line said, built again
    on the first build's cache: no finding of them is left, the tags read."""
    site, _built, _checked = pasted
    berita = site.content / "berita"
    fixes = {
        "tautan-kosong.md": ("({filename})", "({filename}/berita/tag-kurung.md)"),
        "titik-dua.md": ("Tags\uff1a", "Tags:"),
        "tag-kurung.md": ("[Pilkada Serentak 2024, Kampanye]", "Pilkada Serentak 2024, Kampanye"),
        "kunci-tebal.md": (
            "**Title:** Bawaslu Kota Palembang Gelar Rapat Kunci Tebal\n**Date:**",
            "Title: Bawaslu Kota Palembang Gelar Rapat Kunci Tebal\nDate:",
        ),
        "tanggal-tebal.md": ("**Slug:**", "Slug:"),
        "baris-kosong.md": ("\nTitle:", "Title:"),
        "foto-bertaut.md": (
            "[![Peserta rapat](../images/2024/hilang.jpg)](../images/2024/hilang.jpg)",
            "Rapat selesai.",
        ),
        # (as the lines said: the headline as Title:, a Date:, a blank line)
        "tanpa-kepala.md": (
            "Bawaslu Kota Palembang Gelar Rapat Tanpa Kepala Berita\n",
            "Title: Bawaslu Kota Palembang Gelar Rapat Tanpa Kepala Berita\n"
            "Date: 2024-11-18 10:00\nSlug: tanpa-kepala\n",
        ),
        "tanpa-judul.md": (
            "\n\nBawaslu Kota Palembang Gelar Rapat Tanpa Baris Judul\n",
            "\nTitle: Bawaslu Kota Palembang Gelar Rapat Tanpa Baris Judul\n",
        ),
    }
    for name, (wrong, right) in fixes.items():
        path = berita / name
        path.write_text(path.read_text(encoding="utf-8").replace(wrong, right), encoding="utf-8")
    path = berita / "tautan-kosong.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace(" dan [lampiran]({static}#hal-2)", ""),
        encoding="utf-8",
    )
    warm = site.build(SEARCH_ENABLED=False)
    assert warm.returncode == 0, warm.log
    for name in fixes:
        assert [f for f in of(warm.findings(), name) if f.level != "suggestion"] == []
        assert [f for f in of(warm.findings(), name) if f.line is not None] == []
    assert tag_links(warm, "berita/2024/11/titik-dua/") == ["/tag/kampanye/"]
    for slug, title in (
        ("tanpa-kepala", "Tanpa Kepala Berita"),
        ("tanpa-judul", "Tanpa Baris Judul"),
    ):
        page = warm.html(f"berita/2024/11/{slug}/")
        assert page.find("h1").get_text() == f"Bawaslu Kota Palembang Gelar Rapat {title}"
    body = warm.html("berita/2024/11/tautan-kosong/").select_one(".article__body")
    assert [a["href"] for a in body.find_all("a")] == ["/berita/2024/11/tag-kurung/"]


@pytest.mark.parametrize(
    ("title", "marked"),
    [
        ("Bawaslu Sumsel Rilis IKP 2024, Skor Palembang 3*, Lahat 2* dan Muara Enim", []),
        ("Bawaslu Nilai Kinerja Panwascam *Baik*, Bukan *Buruk*", ["'*Baik*', '*Buruk*'"]),
        ('Ketua Bawaslu: **"Kami Siap"** Awasi Pilkada', ["'**\"Kami Siap\"**'"]),
    ],
)
def test_asterisks_that_mark_no_words_are_no_markdown_in_a_title(title, marked):
    """`Skor Palembang 3*, Lahat 2*` (ratings) was warned as "Markdown in the
    title: '*, Lahat 2*'", and `invoke new` refused the title: a `*` before a
    comma after a digit opens no italics in Markdown. Marks around words are
    still said."""
    from warta.source_checks import Rules, check_source, parse_source

    text = f"Title: {title}\nDate: 2024-11-17 09:30\n\n{LEAD}\n"
    found = check_source(parse_source("content/berita/x.md", text), Rules())
    said = [f.message for f in found if f.message.startswith("Markdown in the title")]
    assert [m.split(": a title")[0].removeprefix("Markdown in the title: ") for m in said] == marked


@pytest.mark.timeout(10)
@pytest.mark.parametrize("start", ["**a", "a"])
def test_a_key_line_with_a_long_run_of_spaces_is_checked_at_once(start):
    """A front matter line `**a` (or `a`) then 48,000 spaces, as a paste can
    leave, took the source checks minutes (the key patterns tried each end of
    the run, time quadratic in its length: 16,000 spaces took 5 s). Now it is
    read at once, and said as the same line with a few spaces is."""
    from warta.source_checks import Rules, check_source, parse_source

    def said(spaces: int) -> list[tuple]:
        text = (
            "Title: Bawaslu Kota Palembang Gelar Rapat\nDate: 2024-11-17 09:30\n"
            f"{start}{' ' * spaces}\n\n{LEAD}\n"
        )
        found = check_source(parse_source("content/berita/x.md", text), Rules())
        return [(f.line, f.level) for f in found]

    assert said(48_000) == said(3)


@pytest.mark.timeout(30)
def test_a_link_of_many_backslashes_is_one_warning_at_its_line_at_once(tmp_path):
    """Two links `[SK](dok\\…\\a.pdf)` with 80 backslashes each (a hostile or
    mangled paste) hung the build: finding the line that writes the second
    tried, on the first one's line, each way to read its run of backslashes
    (22 took 0.1 s, each 4 more ten times that). Now each is found at once and
    said at its line as written."""
    site = FixtureSite(tmp_path)
    run = "\\" * 80
    first, second = (f"dok{run}{name}.pdf" for name in ("a", "b"))
    site.article(
        "garis-miring.md",
        release(
            "Bawaslu Kota Palembang Gelar Rapat Garis Miring Terbalik",
            "Slug: garis-miring",
            body=f"{LEAD}\n\nUnduh [SK]({first}).\n\nUnduh [SK lain]({second}).",
        ),
    )
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    said = [
        (f.line or 0, f.message.split(" (from this page")[0])
        for f in built.findings()
        if f.path and f.message.startswith("link leads to no page")
    ]
    assert said == [
        (7, f"link leads to no page or file of the site: '{first}'"),
        (9, f"link leads to no page or file of the site: '{second}'"),
    ], built.log


def test_a_footnote_or_reference_link_with_nothing_to_point_to_is_one_warning(tmp_path):
    """A footnote mark whose note was not pasted (`[^2]`) and a reference
    link whose address was not (`[rilis KPU][kpu]`, `[Bawaslu RI][]`) were
    published as typed, brackets and all, with no line; one with its note or
    address was fine. Each dangling one is a warning at its line, the build
    and `invoke check` alike, the release published; code is left alone."""
    site = FixtureSite(tmp_path)
    site.article(
        "catatan.md",
        "Title: Bawaslu Kota Palembang Gelar Rapat Catatan Kaki\nDate: 2024-11-17 09:30\n"
        "Slug: catatan-kaki\n\n"
        "PALEMBANG – Bawaslu Kota Palembang menggelar rapat[^1] sesuai aturan[^2].\n\n"
        "Lihat [rilis KPU][kpu], [Bawaslu RI][] dan [laman resmi][resmi], bukan `[a][b]`.\n\n"
        "[^1]: Rapat koordinasi pengawasan.\n"
        "[RESMI]: https://sumsel.bawaslu.go.id/\n",
    )
    built, checked = build_and_check(site)
    assert built.returncode == 0, built.log
    page = built.html("berita/2024/11/catatan-kaki/")
    text = page.select_one("article").get_text(" ")
    for shown in ("[^2]", "[rilis KPU][kpu]", "[Bawaslu RI][]"):
        assert shown in text  # what the warnings say the page shows
    assert "https://sumsel.bawaslu.go.id/" in [a.get("href") for a in page.select("article a")]
    expected = [
        (
            5,
            "warning",
            "footnote without its note, shown as typed: '[^2]' "
            "(write the note below the text: '[^2]: …', or remove the mark)",
        ),
        (
            7,
            "warning",
            "link without its address, shown as typed: '[rilis KPU][kpu]' "
            "(write the address below the text: '[kpu]: https://…', or write the link as "
            "[rilis KPU](https://…))",
        ),
        (
            7,
            "warning",
            "link without its address, shown as typed: '[Bawaslu RI][]' "
            "(write the address below the text: '[Bawaslu RI]: https://…', or write the link "
            "as [Bawaslu RI](https://…))",
        ),
    ]
    for run in (built, checked):
        found = [
            (f.line, f.level, f.message)
            for f in run.findings()
            if f.path.endswith("catatan.md") and f.level != "suggestion"
        ]
        assert sorted(found) == sorted(expected), run.log
