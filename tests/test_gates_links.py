"""Gate: every internal link, resource and #fragment of the built site resolves,
and links to other hosts appear only where they are allowed (issue #2, item 7)."""

from __future__ import annotations

import pytest

import gates


def test_every_internal_link_and_fragment_resolves_in_the_sample_site(sample_site):
    problems = gates.check_links(sample_site.output)
    assert not problems, gates.summarize(problems)


def test_absolute_links_of_the_published_site_resolve_too(published_site):
    from warta.build import load_settings

    siteurl = load_settings(gates.REPO / "publishconf.py")["SITEURL"]
    problems = gates.check_links(published_site.output, siteurl=siteurl)
    assert not problems, gates.summarize(problems)


def test_the_link_checker_reports_each_kind_of_problem(tmp_path):
    """The gate itself can fail: a hand-made site with one problem of each kind."""
    (tmp_path / "berita" / "a").mkdir(parents=True)
    (tmp_path / "berita" / "a" / "index.html").write_text(
        '<!doctype html><html lang="id"><body><main id="isi">'
        '<h2 id="bagian">Bagian</h2>'
        '<a href="/berita/a/#bagian">ok</a> <a href="../../#isi">ok</a> <a href="#isi">ok</a>'
        '<a href="/berita/b/">hilang</a> <a href="/#tidak-ada">fragmen</a>'
        '<img src="/images/x.jpg" alt=""> <img srcset="/berita/a/ 1x, /y.jpg 2x" alt="">'
        '<nav class="menu"><a href="https://contoh.example.com/">luar</a></nav>'
        '<div class="share"><a href="https://wa.me/?text=x">WhatsApp</a></div>'
        '<script src="https://cdn.example.com/x.js"></script>'
        '<a href="mailto:humas@example.org">surel</a> <a href="/berita/a/%7Ex">kode</a>'
        "</main></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="id"><body><main id="isi"></main></body></html>',
        encoding="utf-8",
    )
    problems = gates.check_links(tmp_path)
    text = "\n".join(problems)
    assert "no file for '/berita/b/'" in text
    assert "no element with id 'tidak-ada' in /" in text
    assert "no file for '/images/x.jpg'" in text
    assert "no file for '/y.jpg'" in text
    assert "no file for '/berita/a/~x'" in text  # URL-decoded before lookup
    assert "external link outside the allowed places" in text and "contoh.example.com" in text
    assert "resource from another host" in text and "cdn.example.com" in text
    assert len(problems) == 7, text  # the good links, the share link and mailto: pass


def test_static_and_attach_links_are_checked_in_the_build_and_the_check_alike(tmp_path):
    """A `{static}` link to a missing file went out as a dead link, one to a
    release's source as a literal "{static}/….md" in the page, unreported by
    `invoke check`; Pelican's own {attach} warning named no line and failed
    the strict publish."""
    from PIL import Image

    from conftest import FixtureSite, article_text, run_check

    site = FixtureSite(tmp_path)
    photo = site.content / "images" / "2024" / "apel.jpg"
    photo.parent.mkdir(parents=True)
    Image.new("RGB", (900, 600), (20, 90, 160)).save(photo)
    # Names Markdown reads whole: a space (inside <…>) and a parenthesis.
    for name in ("SK Penetapan Bawaslu.pdf", "jadwal(revisi).pdf", "Jum'at.pdf", "SK (2024).pdf"):
        (photo.parent / name).write_bytes(b"%PDF-1.4\n")
    site.article(
        "unduh.md",
        article_text(
            slug="unduh",
            body="PALEMBANG – Unduh [surat keputusan](<{static}/images/2024/SK Penetapan "
            "Bawaslu.pdf>) dan [jadwal]({static}/images/2024/jadwal(revisi).pdf).\n\n"
            # A name with spaces, a title right after the path, an unquoted href.
            "Lihat [SK]({static}/images/2024/SK Penetapan Bawaslu.pdf), "
            '[salinan]({static}/images/2024/jadwal(revisi).pdf"Salinan jadwal") dan '
            "<a href={static}/images/2024/jadwal(revisi).pdf>jadwal</a>.\n\n"
            "Juga [Jum'at]({static}/images/2024/Jum'at.pdf) dan "
            "[SK 2024]({static}/images/2024/SK (2024).pdf).\n\n"
            "[rujukan]: {static}/images/2024/Jum'at.pdf",
        ),
    )
    site.article("lain.md", article_text(slug="lain"))
    body = (
        "PALEMBANG – Bawaslu Kota Palembang mengunggah "
        "[dokumen]({static}/images/2024/tidakada.pdf)."
        "\n\nLihat [naskah]({static}/berita/lain.md)."
        "\n\nSalinan [apel]({static}/images/2024/apel.jpg (Salinan resmi))."
    )
    site.article(
        "tautan.md",
        article_text(
            slug="tautan",
            body=body,
            image="images/2024/apel.jpg",
            image_alt="Peserta apel pengawasan",
        ),
    )
    site.article(
        "foto.md",
        article_text(
            slug="foto",
            body="PALEMBANG – Ada [salinan]({static}/images/2024/apel%2Ejpg) "
            "dan [foto]({attach}/images/2024/apel.jpg) apel pengawasan.",
        ),
    )
    built = site.build(SEARCH_ENABLED=False)
    expected = [
        "berita/tautan.md:11: link to a missing file: '/images/2024/tidakada.pdf'",
        "berita/tautan.md:13: {static} link to a release's source file, which is not published: "
        "'/berita/lain.md'",
        # Python-Markdown's href holds " (Salinan resmi)": a page that does not exist.
        "berita/tautan.md:15: link to a missing file: '/images/2024/apel.jpg",
    ]
    assert [e.split(" (")[0] for e in built.log_lines("error")] == expected, built.log
    attach = [s for s in built.log_lines("suggestion") if "{attach}" in s]
    assert [s.split(" (")[0] for s in attach] == [
        "berita/foto.md: {attach} link keeps 'images/2024/apel.jpg' at its own address"
    ], built.log
    assert not [w for w in built.log_lines("warning") if "{attach}" in w or "missing" in w]
    checked = run_check(site)
    errors = [
        line.removeprefix("content/").split(" (")[0].replace(": error:", ":")
        for line in checked.stdout.splitlines() + checked.stderr.splitlines()
        if ": error:" in line
    ]
    assert errors == expected, checked.stdout + checked.stderr


def test_dead_links_in_lists_and_wrapped_lines_are_each_an_error_at_its_line(tmp_path):
    """A line read alone by Markdown lost the links of a nested list item (an
    indented line is a code block), of a link whose text wraps and of an HTML
    tag over two lines: all shipped dead, with "build ok"."""
    from conftest import FixtureSite, article_text

    site = FixtureSite(tmp_path)
    body = (
        "PALEMBANG – Bawaslu Kota Palembang menetapkan keputusan.\n\n"
        "1. Keputusan:\n"
        "    - [SK Bawaslu]({static}/files/sk-hilang.pdf) dan lampirannya\n\n"
        "Rincian tercantum dalam [Surat Keputusan\n"
        "Bawaslu Kota Palembang]({static}/files/sk-dua-hilang.pdf) yang ditetapkan.\n\n"
        '<a class="tombol-unduh"\n'
        '   href="{static}/files/sk-tiga-hilang.pdf">Unduh salinan SK</a>\n\n'
        "1. Rilis terkait:\n"
        "\t- [Rapat pleno]({filename}/berita/2024/tidak-ada.md#hasil) dan catatannya\n"
    )
    site.article("daftar.md", article_text(slug="daftar", body=body))
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 1
    said = sorted(
        (f.line, f.message.split(" (")[0])
        for f in built.findings("error")
        if f.path.endswith("daftar.md")
    )
    assert said == [
        (12, "link to a missing file: '/files/sk-hilang.pdf'"),
        (15, "link to a missing file: '/files/sk-dua-hilang.pdf'"),
        (18, "link to a missing file: '/files/sk-tiga-hilang.pdf'"),
        (21, "link to a missing file: '/berita/2024/tidak-ada.md'"),
    ], built.log


def test_a_link_to_a_missing_file_keeps_its_text_and_no_placeholder_is_published(tmp_path):
    """A BACA JUGA list item or any paragraph linking a missing file was said at
    its line, and the page and every feed kept the raw href="{filename}/…"
    (Pelican's unplaced "Unable to find" besides); a missing {static} or
    {attach} file became a dead link, an empty folder in the output and a
    "file used by no published release" for a file that is not there. Each
    is one error at its line; the text stays, the link goes, in the body, the
    summary and the pages alike."""
    from conftest import FixtureSite, article_text

    site = FixtureSite(tmp_path)
    site.article("2026/target.md", article_text(slug="target", date="2026-03-01 10:00"))
    body = (
        "LAHAT – Bawaslu Kabupaten Lahat menggelar rapat koordinasi.\n\n"
        "Lihat juga [rilis lama]({filename}/berita/2026/targat.md) untuk rinciannya.\n\n"
        "- BACA JUGA: [Hilang]({filename}/berita/2026/targat.md)\n"
        "- Unduh [surat edaran]({static}/dokumen/surat-edaran.pdf) dan "
        "[rilis](|filename|tergat.md).\n"
        "- Berkas [lampiran]({attach}lampiran.pdf).\n"
    )
    site.article(
        "2026/rapat.md",
        article_text(
            slug="rapat",
            date="2026-03-03 10:00",
            summary="Bawaslu Lahat menggelar rapat, lihat [rilis lama]"
            "({filename}/berita/2026/targot.md) untuk rinciannya.",
            body=body,
        ),
    )
    site.page(
        "kontak.md",
        "Title: Kontak\nSlug: kontak\n\nLihat [rilis]({filename}/berita/2026/targat.md).\n",
    )
    built = site.build(SEARCH_ENABLED=False)

    assert built.returncode == 1
    said = sorted(
        (f.path.removeprefix("content/"), f.line, f.message.split(" (")[0])
        for f in built.findings("error")
    )
    assert said == [
        ("berita/2026/rapat.md", 7, "link to a missing file: '/berita/2026/targot.md'"),
        ("berita/2026/rapat.md", 11, "link to a missing file: '/berita/2026/targat.md'"),
        ("berita/2026/rapat.md", 13, "link to a missing file: '/berita/2026/targat.md'"),
        ("berita/2026/rapat.md", 14, "link to a missing file: '/dokumen/surat-edaran.pdf'"),
        ("berita/2026/rapat.md", 14, "link to a missing file: 'tergat.md'"),
        ("berita/2026/rapat.md", 15, "link to a missing file: 'lampiran.pdf'"),
        ("halaman/kontak.md", 4, "link to a missing file: '/berita/2026/targat.md'"),
    ], built.log
    assert [f for f in built.findings() if not f.path] == [], built.log
    assert not [s for s in built.log_lines("suggestion") if "lampiran" in s], built.log
    page = built.html("berita/2026/03/rapat/").select_one(".article__body")
    assert [p.get_text() for p in page.find_all(["p", "li"])][1:] == [
        "Lihat juga rilis lama untuk rinciannya.",
        "BACA JUGA: Hilang",
        "Unduh surat edaran dan rilis.",
        "Berkas lampiran.",
    ]
    assert page.find_all("a") == []
    assert built.html("kontak/").select_one("main").find("a", string="rilis") is None
    feed = built.json("feed.json")
    [item] = [i for i in feed["items"] if i["url"].endswith("/rapat/")]
    assert item["summary"] == "Bawaslu Lahat menggelar rapat, lihat rilis lama untuk rinciannya."
    assert not (built.output / "dokumen").exists()
    for path in built.output.rglob("*"):
        if path.suffix in (".html", ".xml", ".json") and "admin" not in path.parts:
            text = path.read_text(encoding="utf-8")
            for placeholder in ("{filename}", "|filename|", "{static}", "{attach}"):
                assert placeholder not in text, (path, placeholder)


def test_a_link_to_a_missing_file_suggests_the_file_whose_name_is_nearest(tmp_path):
    """A BACA JUGA list item to a mistyped release was told only "check the path
    below content/, e.g. {filename}/berita/2024/nama-file.md", where read_also
    names the release meant for a BACA JUGA paragraph: the file whose name is
    nearest is suggested, a release for a {filename} link, another file for a
    {static} one, none when no name is close."""
    from conftest import FixtureSite, article_text

    site = FixtureSite(tmp_path)
    site.article("2026/2026-03-01-target.md", article_text(slug="target", date="2026-03-01 10:00"))
    (site.content / "images" / "2026").mkdir(parents=True)
    (site.content / "images" / "2026" / "surat-edaran-2026.pdf").write_bytes(b"%PDF-1.4\n")
    body = (
        "LAHAT – Bawaslu Kabupaten Lahat menggelar rapat koordinasi.\n\n"
        "- BACA JUGA: [Rilis]({filename}/berita/2026/2026-03-01-targat.md)\n"
        "- Unduh [surat edaran]({static}/images/2026/surat-edaran.pdf).\n"
        "- Lihat [rekap]({filename}/berita/2026/rekapitulasi-suara.md).\n"
    )
    site.article("2026/rapat.md", article_text(slug="rapat", date="2026-03-03 10:00", body=body))
    built = site.build(SEARCH_ENABLED=False)

    assert built.returncode == 1
    assert built.log_lines("error") == [
        "berita/2026/rapat.md:11: link to a missing file: '/berita/2026/2026-03-01-targat.md' "
        "(link to an existing file, e.g. {filename}/berita/2026/2026-03-01-target.md, "
        "or remove the link)",
        "berita/2026/rapat.md:12: link to a missing file: '/images/2026/surat-edaran.pdf' "
        "(link to an existing file, e.g. {static}/images/2026/surat-edaran-2026.pdf, "
        "or remove the link)",
        "berita/2026/rapat.md:13: link to a missing file: '/berita/2026/rekapitulasi-suara.md' "
        "(check the path below content/, e.g. {filename}/berita/2024/nama-file.md)",
    ], built.log


def test_links_in_code_or_comments_are_not_checked_and_wrapped_valid_ones_pass(tmp_path):
    """Read alone, a line fell back to a reader that took ` (2024)` for a
    title and counted links inside `code` and HTML comments: three false
    errors stopped a good build."""
    from conftest import FixtureSite, article_text

    site = FixtureSite(tmp_path)
    folder = site.content / "images" / "2024"
    folder.mkdir(parents=True)
    (folder / "SK Bawaslu (2024).pdf").write_bytes(b"%PDF-1.4\n")
    body = (
        "PALEMBANG – Bawaslu Kota Palembang menerbitkan keputusan. Unduh [Keputusan Bawaslu Kota\n"
        "Palembang]({static}/images/2024/SK Bawaslu (2024).pdf) di sini.\n\n"
        "<!-- Lampiran lama: [Lampiran]({static}/images/2024/lampiran-lama.pdf) -->\n\n"
        "Tautan ditulis `[Unduh]({static}/images/2024/nama-file.pdf)` oleh admin.\n\n"
        "[SK]({static}/images/2024/SK Bawaslu (2024).pdf) (versi lama "
        "`{static}/images/2024/sk-lama.pdf` sudah ditarik)."
    )
    site.article("lampiran.md", article_text(slug="lampiran", body=body))
    # A lone backtick or "<!--" opens no code span or comment; a title may hold
    # the other quote.
    dead = (
        "PALEMBANG – Rapat hari Jum`at membahas [surat]({static}/files/surat-hilang.pdf).\n\n"
        "Kode `<!--` tidak dipakai. Lihat [SK]({static}/files/sk-hilang.pdf).\n\n"
        "Foto pada [dokumentasi\n"
        'rapat]({static}/images/2024/SK Bawaslu (2024).pdf "Foto hari Jum\'at").'
    )
    site.article("lepas.md", article_text(slug="lepas", body=dead))
    # A comment or a code span over two lines hides its link too.
    wrapped = (
        "PALEMBANG – Bawaslu menerbitkan keputusan.\n\n"
        "<!-- Lampiran lama, ditarik: [Lampiran]({static}/files/lampiran-lama.pdf)\n"
        "diganti SK baru -->\n\n"
        "Tautan ditulis `[Unduh]({static}/files/nama-file.pdf)\n"
        "oleh admin` saja."
    )
    site.article("bungkus.md", article_text(slug="bungkus", body=wrapped))
    built = site.build(SEARCH_ENABLED=False)
    assert [e for e in built.log_lines("error") if "lampiran.md" in e] == [], built.log
    assert [e for e in built.log_lines("error") if "bungkus.md" in e] == [], built.log
    said = sorted(e.split(" (")[0] for e in built.log_lines("error") if "lepas.md" in e)
    assert said == [
        "berita/lepas.md:11: link to a missing file: '/files/sk-hilang.pdf'",
        "berita/lepas.md:9: link to a missing file: '/files/surat-hilang.pdf'",
    ], built.log


def test_the_links_checked_are_the_links_the_page_gets(tmp_path):
    """Hand-made code and comment spans disagreed with Markdown: a comment
    opened in one paragraph, a `<!--` in code, escaped backticks or `--!>`
    hid a live dead link, and a link shown in a fenced code block failed the
    build. The links checked are now those of the HTML the build's Markdown
    made, for an article and for a release Pelican dropped alike."""
    from conftest import FixtureSite, article_text

    site = FixtureSite(tmp_path)
    live = {
        "komentar-lepas": "Catatan <!-- lama\n\n[SK penetapan]({static}/dok/sk-hilang-5.pdf) -->",
        "kode-komentar": "Tanda komentar ditulis `<!--` dan [SK penetapan]"
        "({static}/dok/sk-hilang.pdf) ditutup `-->` ya.",
        "backtick-lolos": "Tulis \\`bukan kode [SK penetapan]({static}/dok/sk-hilang-4.pdf) "
        "\\` lagi.",
        "komentar-tutup": "<!-- a --!> [a]({static}/dok/sk-hilang-6.pdf) -->",
    }
    shown = {
        "pagar-backtick": "Contoh:\n\n```\n[SK]({static}/dok/contoh.pdf)\n\n"
        "[Rilis]({filename}/berita/contoh.md)\n```",
        "pagar-tilde": "Contoh:\n\n~~~\n[SK]({static}/dok/contoh.pdf)\n~~~",
    }
    lead = "PALEMBANG – Bawaslu Kota Palembang menerbitkan keputusan.\n\n"
    for name, body in {**live, **shown}.items():
        site.article(f"{name}.md", article_text(slug=name, body=lead + body))
    # Pelican drops a release whose Date: it cannot read: its source is rendered.
    site.article(
        "tanpa-tanggal.md",
        article_text(slug="tanpa-tanggal", date="17/11/2024", body=lead + live["komentar-lepas"]),
    )
    # The same link shown in code and in a comment first: said at the line the page links.
    site.article(
        "sk-diulang.md",
        article_text(
            slug="sk-diulang",
            body=lead + "Contoh penulisan: `[SK]({static}/dok/sk-hilang-7.pdf)`.\n\n"
            "<!-- [SK]({static}/dok/sk-hilang-7.pdf) -->\n\n"
            "Unduh [SK]({static}/dok/sk-hilang-7.pdf) di sini.",
        ),
    )
    # A page's links are read from its HTML too.
    site.page(
        "panduan.md",
        "Title: Panduan Unggah\nSlug: panduan\n\n"
        + shown["pagar-tilde"]
        + "\n\n"
        + live["kode-komentar"]
        + "\n",
    )
    built = site.build(SEARCH_ENABLED=False)

    def line_of(path: str, target: str) -> int:
        lines = (site.content / path).read_text(encoding="utf-8").splitlines()
        return next(number for number, line in enumerate(lines, 1) if target in line)

    said = sorted(
        (f.path.removeprefix("content/"), f.line, f.message.split(" (")[0])
        for f in built.findings("error")
        if "link" in f.message
    )
    expected = [  # (path, what its line holds first, the target)
        (path, line_of(path, written), f"link to a missing file: '{target}'")
        for path, written, target in [
            ("berita/backtick-lolos.md", "sk-hilang-4.pdf", "/dok/sk-hilang-4.pdf"),
            ("berita/sk-diulang.md", "Unduh [SK]", "/dok/sk-hilang-7.pdf"),
            ("berita/kode-komentar.md", "sk-hilang.pdf", "/dok/sk-hilang.pdf"),
            ("berita/komentar-lepas.md", "sk-hilang-5.pdf", "/dok/sk-hilang-5.pdf"),
            ("berita/komentar-tutup.md", "sk-hilang-6.pdf", "/dok/sk-hilang-6.pdf"),
            ("berita/tanpa-tanggal.md", "sk-hilang-5.pdf", "/dok/sk-hilang-5.pdf"),
            ("halaman/panduan.md", "sk-hilang.pdf", "/dok/sk-hilang.pdf"),
        ]
    ]
    assert said == sorted(expected), built.log
    # A page shows the fenced examples as code: nothing of them is a link.
    for name in shown:
        page = built.html(f"berita/2024/11/{name}/index.html")
        assert page.select("pre code"), name
        assert not [
            a
            for a in page.select("a[href]")
            if "contoh.pdf" in a["href"] or "contoh.md" in a["href"]
        ], name


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        (
            '<p><a href="{static}/dok/a.pdf">a</a> dan <code>[b]({static}/dok/b.pdf)</code></p>',
            [("static", "/dok/a.pdf", False)],
        ),
        ('<p>tulis href="{static}/dok/c.pdf" saja</p>', []),
        (
            '<!-- <a href="{static}/dok/d.pdf">d</a> -->\n'
            '<p><img alt="e" src="{static}/images/e.jpg"></p>',
            [("static", "/images/e.jpg", True)],
        ),
        (
            '<p><a title="x>y" href="{filename}/berita/f.md#hasil">f</a></p>',
            [("filename", "/berita/f.md", False)],
        ),
        ("<script>var a = \"<a href='{static}/g.pdf'>\";</script>", []),
        (
            "<p><a href={static}/dok/h.pdf>h</a> |static|/dok/i.pdf "
            "<a href='|attach|/j.pdf'>j</a></p>",
            [("static", "/dok/h.pdf", False), ("attach", "/j.pdf", False)],
        ),
    ],
)
def test_rendered_links_are_the_tags_an_html_parser_reads(fragment, expected):
    """Only the tag before each `{static}` is parsed when nothing but text and
    tags can hold it; a comment or a script is read whole."""
    from warta.source_checks import rendered_site_links

    found = [(link.kind, link.target, link.is_photo) for link in rendered_site_links(fragment)]
    assert found == expected


def test_a_dead_link_is_mended_and_tags_without_an_intrasite_value_are_not_read():
    """`without_dead_links` searches only the tags that hold "{" or "|"
    (Pelican's intrasite values start with one): a body's other tags were each
    searched with Pelican's pattern, in every build, for nothing."""
    import re

    from plugins.content_lint.dead_links import without_dead_links

    intrasite = re.compile(
        r"""(?P<markup><[^\>]+(?:href|src)\s*=\s*)(?P<quote>["\'])"""
        r"""(?P<path>[{|](?P<what>.*?)[|}](?P<value>.*?))(?P=quote)"""
    )
    searched = []

    class Pattern:  # Pelican's pattern, each tag it searches noted
        def finditer(self, tag):
            searched.append(tag)
            return intrasite.finditer(tag)

        def sub(self, replace, tag):
            return intrasite.sub(replace, tag)

    def dead(match):
        return match.group("value") == "hilang.md"

    body = (
        '<p><a href="https://bawaslu.go.id/">situs</a> <a href="{filename}ada.md">ada</a> '
        '<img src="{static}/images/hilang.md" alt="foto"> <a href="|filename|hilang.md">x</a>'
        "<em>teks</em></p>"
    )
    assert without_dead_links(body, Pattern(), dead) == (
        '<p><a href="https://bawaslu.go.id/">situs</a> <a href="{filename}ada.md">ada</a> '
        '<img src="{static}/images/hilang.md" alt="foto"> x<em>teks</em></p>'
    )
    assert all("{" in tag or "|" in tag for tag in searched)
    assert '<img src="{static}/images/hilang.md" alt="foto">' in searched


def _hostile_bodies(count: int, seed: int = 7) -> list[str]:
    """Bodies of tags with intrasite values, some broken: a value without its
    closing quote or with the other one, a `>` or a line break inside it, a
    tag never closed, stray quotes and braces between tags."""
    import random

    noise = ['"', "'", "{", "|", "}", ">", "<", "\n", " ", "=", "{filename}", "</a>", "<!--", "-->"]
    rnd = random.Random(seed)
    bodies = []
    for _ in range(count):
        parts = []
        for _ in range(rnd.randint(1, 8)):
            if rnd.random() < 0.2:
                parts.append("".join(rnd.choice(noise) for _ in range(rnd.randint(1, 6))))
                continue
            name = rnd.choice(["a", "img", "p", "a-b", "video", "A"])
            attributes = []
            for _ in range(rnd.randint(0, 3)):
                quote = rnd.choice(['"', "'", '"', ""])
                value = rnd.choice(
                    ["{filename}", "|filename|", "{static}", "{attach}", "{filename|", "", "{link}"]
                ) + rnd.choice(["x.md", "/images/y.jpg", "../z.md", "x.md#a", "a b", ""])
                value = "".join(rnd.choice(noise) if rnd.random() < 0.1 else c for c in value)
                close = quote if rnd.random() < 0.8 else rnd.choice(['"', "'", "", "\n"])
                attribute = rnd.choice(["href", "src", "alt", "title", "data", "content"])
                attributes.append(f"{attribute}{rnd.choice(['=', ' = '])}{quote}{value}{close}")
            text = rnd.choice(["teks", "", "<em>t</em>", "'", '"'])
            end = rnd.choice(["</a>", "</a >", ""]) if name.lower() == "a" else ""
            parts.append(
                f"<{name} {' '.join(attributes)}{rnd.choice(['>', ' >', '', '/>'])}{text}{end}"
            )
        bodies.append("".join(parts))
    return bodies


def test_a_body_none_of_whose_links_is_dead_is_given_back_without_being_rewritten():
    """`drop_dead_links` rewrote every body with a site link (two substitutions
    over it) though most have no dead link; it now first asks whether any
    candidate value (`candidates`: every `{filename}`, `{static}`,
    `{attach}` value at a quote) is dead. Pelican's pattern on a whole body
    can match otherwise than on one of its tags (a stray quote, a `>` in a
    value), so the candidates are not its matches on the body: each value it
    finds on any tag `without_dead_links` reads is among them, and a body
    whose candidates are all alive comes back unchanged, on hostile bodies."""
    import random
    import types

    from pelican.contents import Content

    from plugins.content_lint import dead_links

    pattern = Content._get_intrasite_link_regex(
        types.SimpleNamespace(settings={"INTRASITE_LINK_REGEX": dead_links.PELICAN_LINK_REGEX})
    )
    rnd = random.Random(11)
    with_values = changed = 0
    for body in _hostile_bodies(3000):
        tags = [
            m.group(0)[: m.group(0).index(">") + 1] for m in dead_links._ANCHOR_RE.finditer(body)
        ]
        tags += [m.group(0) for m in dead_links._TAG_RE.finditer(body)]
        values = {
            (m.group("what"), m.group("value"))
            for tag in tags
            for m in pattern.finditer(tag)
            if m.group("what") in ("filename", "static", "attach")
        }
        candidates = dead_links.candidates(body)
        assert values <= candidates, body
        gone = {value for _, value in candidates if rnd.random() < 0.3}

        def dead(what, value, gone=gone):
            return what in ("filename", "static", "attach") and value in gone

        mended = dead_links.without_dead_links(
            body, pattern, lambda m, dead=dead: dead(m.group("what"), m.group("value"))
        )
        if not dead_links.may_have_dead_links(body, dead):
            assert mended == body, body
        with_values += bool(values)
        changed += mended != body
    assert with_values > 500 and changed > 300  # (the bodies do hold live and dead values)


def test_the_dead_link_shortcut_is_taken_only_with_pelicans_own_link_pattern(tmp_path):
    """Another INTRASITE_LINK_REGEX, or a content class with its own pattern,
    is read the old way: `candidates` is proved for Pelican's alone."""
    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG

    from plugins.content_lint.dead_links import has_pelicans_pattern

    def article(cls=Article, **settings):
        return cls("<p>x</p>", metadata={"title": "x"}, settings={**DEFAULT_CONFIG, **settings})

    class Own(Article):
        def _get_intrasite_link_regex(self):
            return super()._get_intrasite_link_regex()

    assert has_pelicans_pattern(article())
    assert not has_pelicans_pattern(article(INTRASITE_LINK_REGEX=r"[{](?P<what>.*?)[}]"))
    assert not has_pelicans_pattern(article(Own))
