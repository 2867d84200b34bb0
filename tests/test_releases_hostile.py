"""A generator of careless and hostile releases, built as one site: whatever
a staffer writes, the build never stops with a traceback, every release is
published or named by an error line, and the lines are the same cold, warm
and from `invoke check`."""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup

from conftest import FINDING_LINE, FixtureSite, run_build, run_check, run_invoke

LEAD = "PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan {mark}."


def release(number: int, *, title=None, date="2024-11-17 09:30", extra="", body=None) -> str:
    title = title if title is not None else f"Bawaslu Kota Palembang Gelar Rapat Nomor {number}"
    text = body if body is not None else LEAD
    return f"Title: {title}\nDate: {date}\n{extra}\n{text.replace('{mark}', f'kode{number}x')}\n"


def yaml_release(number: int, head: str) -> str:
    return f"---\n{head}\n---\n\n{LEAD.format(mark=f'kode{number}x')}\n"


def hostile_releases() -> dict[str, bytes]:
    """File name → bytes: one careless or hostile thing each."""
    cases: dict[str, str | bytes] = {}
    plain = release(0)
    cases["bom.md"] = b"\xef\xbb\xbf" + release(1).encode()
    cases["utf16-bom.md"] = release(2).encode("utf-16")
    cases["utf16-le.md"] = release(3).encode("utf-16-le")
    cases["utf16-be.md"] = release(4).encode("utf-16-be")
    cases["cp1252.md"] = release(5, title="Bawaslu \u201cKota\u201d Palembang Rapat").encode(
        "cp1252"
    )
    cases["nul.md"] = release(6, title="Bawaslu Kota\x00 Palembang Gelar Rapat Nol")
    cases["cr.md"] = release(7).replace("\n", "\r")
    cases["crlf-campur.md"] = release(8).replace("\n", "\r\n", 2)
    cases["kosong.md"] = b""
    cases["spasi.md"] = "  \n\t\n"
    cases["hanya-kepala.md"] = plain.split("\n\n")[0]
    cases["baris-panjang.md"] = release(9, body=LEAD + " kata" * 40000)
    for number, date in enumerate(
        [
            "0000-01-01",
            "Senin (4/11/2024)",
            "4 Nop 2024",
            "\u0662\u0660\u0662\u0664-\u0661\u0661-\u0661\u0667",
            "31 November 2024",
            "29 Februari 2025",
            "2024-11-17 09:30:60",
            "\u200b2024-11-17 09:30",
            "9999-12-31T23:59:00-05:00",
            "0001-01-01 00:00 WITA",
        ],
        start=20,
    ):
        cases[f"tanggal-{number}.md"] = release(number, date=date)
    for number, head in enumerate(
        [
            'title: ""\ndate: 2024-11-17 09:30',
            "title:\n  id: Rapat\ndate: 2024-11-17 09:30",
            "title: Bawaslu Kota Palembang Gelar Rapat Peta\ndate: 2024-11-17 09:30\n"
            "author:\n  name: Budi",
            "title: !!python/object/apply:os.system ['echo x']\ndate: 2024-11-17 09:30",
            "title: [Rapat, Pleno]\ndate: 2024-11-17 09:30",
            "title: Bawaslu Kota Palembang Gelar Rapat Tab\n\tdate: 2024-11-17 09:30",
            "- satu\n- dua",
            "title: 2024\ndate: 2024-11-17",
        ],
        start=40,
    ):
        cases[f"yaml-{number}.md"] = yaml_release(number, head)
    for number, slug in enumerate(["../../x", "a/b", "%2e%2e", "\u0430dmin", "a" * 300], 60):
        cases[f"slug-{number}.md"] = release(number, extra=f"Slug: {slug}\n")
    cases["judul-emoji.md"] = release(70, title="🎉🎉🎉 !!!")
    for number, body in enumerate(
        [
            "<script>alert(1)</script>\n\n" + LEAD,
            LEAD + "\n\n<iframe src='https://contoh.test/'></iframe>",
            LEAD + " [klik](javascript:alert(1)).",
            LEAD + "\n\n```\nkode tanpa penutup\n",
            LEAD + " Lihat[^1] dan [rilis][kpu].",
            LEAD + "\n\n![IMG_2024.jpg]({static}/images/2024/tidak-ada.jpg)",
            LEAD + " [x]({static}/../../etc/passwd)",
        ],
        start=80,
    ):
        cases[f"isi-{number}.md"] = release(number, body=body)
    return {
        name: data if isinstance(data, bytes) else data.encode("utf-8")
        for name, data in cases.items()
    }


def lines_of(log: str) -> list[str]:
    return sorted(line for line in log.splitlines() if FINDING_LINE.match(line))


def test_hostile_releases_are_each_published_or_named_and_said_alike_everywhere(tmp_path):
    site = FixtureSite(tmp_path)
    folder = site.content / "berita" / "2024"
    folder.mkdir(parents=True)
    cases = hostile_releases()
    for name, data in cases.items():
        (folder / name).write_bytes(data)
    cold = site.build(SEARCH_ENABLED=False)
    warm = run_build(site.content, site.output, overrides={"SEARCH_ENABLED": False})
    checked = run_check(site)
    for log in (cold.log, warm.log, checked.log):
        assert "Traceback" not in log and "build stopped" not in log, log
    assert cold.returncode == warm.returncode == checked.returncode == 1
    assert lines_of(cold.log) == lines_of(warm.log)
    assert lines_of(cold.log) == lines_of(checked.log)
    # Published: the release's mark in an article's text; else an error names it.
    published = set()
    for page in cold.output.joinpath("berita").rglob("index.html"):
        article = cold.html(str(page.relative_to(cold.output))).select_one("article")
        if article is not None:
            published |= set(re.findall(r"kode(\d+)x", article.get_text(" ")))
    named = {
        match["path"].rsplit("/", 1)[-1]
        for match in map(FINDING_LINE.match, cold.log.splitlines())
        if match and match["level"] == "error" and match["path"]
    }
    for name, data in cases.items():
        mark = re.search(rb"kode(\d+)x", data.replace(b"\x00", b""))
        is_out = mark is not None and mark.group(1).decode() in published
        assert is_out or name in named, f"{name}: neither published nor named by an error"
    # One line a problem: no file is told the same thing twice.
    every = lines_of(cold.log)
    assert len(every) == len(set(every)), [line for line in every if every.count(line) > 1]


def built_alone(tmp_path, files: dict[str, str], **overrides):
    """A fixture site of these releases (name → text, under berita/2024/),
    built (search off): the site and the build."""
    site = FixtureSite(tmp_path)
    for name, text in files.items():
        site.article(f"2024/{name}", text)
    return site, site.build(SEARCH_ENABLED=False, **overrides)


def marks_out(built) -> set[str]:
    """The release marks (`kodeNx`) of every article page and of the JSON
    feed: what the site shows."""
    shown = set()
    for page in built.output.joinpath("berita").rglob("index.html"):
        article = built.html(str(page.relative_to(built.output))).select_one("article")
        if article is not None:
            shown |= set(re.findall(r"kode\d+x", article.get_text(" ")))
    for item in built.json("feed.json")["items"]:
        shown |= set(re.findall(r"kode\d+x", json.dumps(item)))
    return shown


def said(built, name: str, level: str) -> list[tuple[int | None, str]]:
    return [(f.line, f.message) for f in built.findings(level) if f.path.endswith(f"/2024/{name}")]


def test_a_take_down_line_below_the_front_matter_holds_the_release_back_and_says_so(tmp_path):
    """`Kedaluwarsa:` or `Diturunkan: ya` written under the lead was the
    release's text: the release stayed up, the line published as a sentence.
    No reader takes a release down there, so it is held back now, with a
    warning at the line saying how to take it down at its time."""
    files = {
        "turun-1.md": release(1, body=LEAD + "\n\nKedaluwarsa: 2024-11-18 00:00"),
        "turun-2.md": release(2, body="Diturunkan: ya\n" + LEAD),
        "turun-3.md": release(3, body=LEAD + "\n\nTayang-Hingga: 20 November 2024"),
        "tetap-4.md": release(4, body=LEAD + "\n\nKedaluwarsa: sesuai keputusan rapat"),
    }
    _, built = built_alone(tmp_path, files)
    assert "Traceback" not in built.log
    assert marks_out(built) == {"kode4x"}
    for name, line, key in (
        ("turun-1.md", 6, "Kedaluwarsa"),
        ("turun-2.md", 4, "Diturunkan"),
        ("turun-3.md", 6, "Tayang-Hingga"),
    ):
        [(at, message)] = [s for s in said(built, name, "warning") if "take-down" in s[1]]
        assert at == line and f"'{key}: " in message and "not published" in message
    assert said(built, "tetap-4.md", "warning") == []


def test_a_slug_no_disk_can_hold_is_an_error_and_the_page_is_written_where_any_can(tmp_path):
    """The rule for a written Slug: lowercase letters a-z, digits and single
    hyphens, at most 255 characters (a folder's name), and not a name
    Windows keeps for a device. `Slug: nul`, `con`, `com1`, `lpt9` and one
    of 300 letters passed the build, and their folders (berita/2024/11/nul/)
    broke a checkout on Windows; `aux/..` was mended to 'aux'. Each is an
    error at its line; meanwhile the page is written at a folder any disk holds."""
    slugs = ["nul", "con", "com1", "lpt9", "aux/..", "CON", "a" * 300, "rapat-sah"]
    files = {f"slug-{n}.md": release(n, extra=f"Slug: {slug}") for n, slug in enumerate(slugs)}
    _, built = built_alone(tmp_path, files)
    assert "Traceback" not in built.log and built.returncode == 1
    for n, slug in enumerate(slugs[:-1]):
        errors = said(built, f"slug-{n}.md", "error")
        assert [line for line, _ in errors] == [3], (slug, errors)
        assert f"invalid Slug: '{slug[:60]}" in errors[0][1]
    assert said(built, "slug-7.md", "error") == []
    # The suggestion names the slug to write, and that the preview shows the page there.
    [(_, nul)] = said(built, "slug-0.md", "error")
    fixed = "bawaslu-kota-palembang-gelar-rapat-nomor-0"
    assert nul.endswith(
        f"(write another slug of lowercase letters, digits and hyphens, e.g. 'Slug: {fixed}': "
        "the page is shown at that address meanwhile)"
    )
    assert built.html(f"berita/2024/11/{fixed}/").select_one("article") is not None
    folders = [p.name for p in built.output.joinpath("berita", "2024", "11").iterdir()]
    assert "rapat-sah" in folders
    assert not [f for f in folders if f.lower() in {"nul", "con", "com1", "lpt9", "aux"}]
    assert max(map(len, folders)) <= 80
    # Every release still has a page (the error fails the build; the preview
    # shows it) but the one whose slug climbs out, which the error says.
    assert marks_out(built) == {f"kode{n}x" for n in range(len(slugs)) if n != 4}
    assert ": this release is not published (" in said(built, "slug-4.md", "error")[0][1]


def test_two_status_lines_that_disagree_hold_the_release_back_and_one_warning_names_both(
    tmp_path,
):
    """`Status: published` then `Status: draft` was published (the first
    wins), with no word of the second; in the other order the warning said
    only 'the first one is used'. The one that holds the release back is
    used in either order, and one warning names both lines and values, the
    same from the build and from `invoke check`. Other keys written twice
    keep the first, as before, in a warning naming both lines."""
    files = {
        "status-1.md": release(1, extra="Status: draft\nStatus: published"),
        "status-2.md": release(2, extra="Status: published\nStatus: draft"),
        "status-3.md": yaml_release(
            3,
            "title: Rapat Pleno Bawaslu Kota Palembang Tiga\n"
            "date: 2024-11-17 09:30\nstatus: published\nstatus: hidden",
        ),
        "status-4.md": release(4, extra="Status: published\nStatus: Published"),
        "tanggal-5.md": release(5, extra="Date: 2024-11-18 10:00"),
    }
    site, built = built_alone(tmp_path, files)
    assert "Traceback" not in built.log
    assert marks_out(built) == {"kode4x", "kode5x"}
    for name, line, used, other in (
        ("status-1.md", 4, "draft", "published"),
        ("status-2.md", 4, "published", "draft"),
        ("status-3.md", 5, "published", "hidden"),
    ):
        [(at, message)] = said(built, name, "warning")
        assert at == line
        assert f"'{used}' (line {line - 1}) and '{other}' (line {line})" in message
        assert "this release is not published" in message
    for name, line, key in (("status-4.md", 4, "Status"), ("tanggal-5.md", 3, "Date")):
        assert said(built, name, "warning") == [
            (
                line,
                f"'{key}:' written twice: the first one (line {line - 1}) is used (keep one line)",
            )
        ]
    checked = run_invoke(
        "check",
        WARTA_CONTENT_PATH=str(site.content),
        WARTA_OUTPUT_PATH=str(tmp_path / "check-output"),
        WARTA_CACHE_PATH=str(tmp_path / "check-cache"),
    )
    assert lines_of(checked.stdout + checked.stderr) == lines_of(built.log)


def test_a_footnote_note_with_no_mark_is_published_with_a_warning_at_its_line(tmp_path):
    """`[^2]: …` with no `[^2]` in the text was published at the page's foot,
    its ↩ linking to no mark, and the build said nothing. It is kept (the
    writer's text, not ours to drop) with a warning at its line; a note
    whose mark is in the text is said nothing of."""
    body = (
        LEAD
        + " Lihat catatan[^1].\n\n[^1]: Catatan yang dirujuk.\n[^2]: Catatan lepas yang tertinggal."
    )
    _, built = built_alone(tmp_path, {"catatan-1.md": release(1, body=body)})
    assert "Traceback" not in built.log
    [(line, message)] = said(built, "catatan-1.md", "warning")
    assert line == 7 and message.startswith("footnote '[^2]' has no mark in the text")
    [page] = [p for p in built.output.joinpath("berita").rglob("index.html") if "nomor-1" in str(p)]
    notes = built.html(str(page.relative_to(built.output))).select("div.footnote li")
    assert [note["id"] for note in notes] == ["fn:1", "fn:2"]


def test_a_footnote_mark_followed_by_a_colon_is_a_mark(tmp_path):
    """`Pasal 280[^1]: peserta dilarang …` is a mark in running text (Markdown
    links it; only a line's start makes a note), but the check for notes
    with no mark read `[^1]:` anywhere as a note: its note got a false
    warning, which fails CI's strict build."""
    body = LEAD + " Menurut Pasal 280[^1]: peserta dilarang.\n\n[^1]: UU Nomor 7 Tahun 2017."
    _, built = built_alone(tmp_path, {"pasal-1.md": release(1, body=body)})
    assert "Traceback" not in built.log
    assert said(built, "pasal-1.md", "warning") == []
    [page] = [p for p in built.output.joinpath("berita").rglob("index.html") if "nomor-1" in str(p)]
    html = built.html(str(page.relative_to(built.output)))
    assert [a["href"] for a in html.select("a.footnote-ref")] == ["#fn:1"]


def test_a_yaml_anchor_alias_or_tag_in_a_value_is_a_warning_in_both_front_matters(tmp_path):
    """`Title: &a Rapat`, `Title: *a`, `title: !!python/object:os.system …`
    were published as written with no word (a headline of '*a' only said too
    short), and `summary: *a` in a `---` block silently copied the anchored
    title. No YAML is run or read from a value: the release is shown as
    written, with a warning at the line naming the mark; Markdown's own
    `*emphasis*`, `&amp;` and `![photo](…)` are no mark."""
    title = "Bawaslu Kota Palembang Gelar Rapat Nomor"
    files = {
        "yaml-1.md": release(1, title=f"&a {title} Satu"),
        "yaml-2.md": release(2, title="!!python/object:os.system Rapat Pleno Bawaslu"),
        "yaml-3.md": release(3, title="*a"),
        "yaml-4.md": yaml_release(
            4, f"title: &judul {title} Empat\ndate: 2024-11-17 09:30\nsummary: *judul"
        ),
        "yaml-5.md": yaml_release(5, f"title: !!str {title} Lima\ndate: 2024-11-17 09:30"),
        "yaml-6.md": release(
            6,
            extra="Summary: *Penting* rapat koordinasi &amp; evaluasi pengawasan tahapan kampanye",
        ),
        "yaml-7.md": release(7, extra="Author: *Humas Bawaslu* Kota Palembang"),
    }
    _, built = built_alone(tmp_path, files)
    assert "Traceback" not in built.log
    marks = {
        name: [(line, m.split("'")[3]) for line, m in said(built, name, "warning") if "YAML" in m]
        for name in files
    }
    assert marks == {
        "yaml-1.md": [(1, "&a")],
        "yaml-2.md": [(1, "!!python/object:os.system")],
        "yaml-3.md": [(1, "*a")],
        "yaml-4.md": [(2, "&judul"), (4, "*judul")],
        "yaml-5.md": [(2, "!!str")],
        "yaml-6.md": [],
        "yaml-7.md": [],
    }
    [copied] = [m for line, m in said(built, "yaml-4.md", "warning") if line == 4 and "YAML" in m]
    assert f"a copy of another's, '{title} Empat'" in copied
    assert {"kode1x", "kode2x", "kode5x", "kode6x"} <= marks_out(built)


def test_a_page_gets_the_release_checks_that_hold_for_a_page_in_a_pages_words(tmp_path):
    """A page (content/halaman/) got only its links, Slug:, Lang: and what
    holds it back checked: a Title: or Status: written twice, a YAML mark, a
    footnote with no mark and a link with no address passed with no word,
    and `Status: published` then `Status: draft` published it. They are said
    at their lines as for a release, of "this page"; a clean page, nothing."""
    site = FixtureSite(tmp_path)
    site.page(
        "struktur.md",
        "Title: Struktur Organisasi Bawaslu\nSlug: struktur\nTitle: Struktur Lagi\n"
        "Summary: &s Susunan pimpinan dan sekretariat Bawaslu Provinsi Sumatera Selatan\n\n"
        "Susunan kodeP1x, lihat catatan[^1] dan [unduhan]().\n\n"
        "[^1]: Catatan.\n[^7]: Catatan lepas.\n",
    )
    site.page(
        "tentang.md",
        "Title: Tentang Bawaslu\nSlug: tentang\nStatus: published\nStatus: draft\n\n"
        "Tentang kodeP2x.\n",
    )
    site.page("kontak.md", "Title: Kontak\nSlug: kontak\n\nHubungi kami kodeP3x.\n")
    built = site.build(SEARCH_ENABLED=False)
    assert "Traceback" not in built.log
    said_of = {
        name: [
            (f.line, f.message.split(":")[0])
            for f in built.findings("warning")
            if f.path.endswith(f"halaman/{name}")
        ]
        for name in ("struktur.md", "tentang.md", "kontak.md")
    }
    assert sorted(said_of["struktur.md"]) == [
        (3, "'Title"),
        (4, "'Summary"),
        (6, "link with no address"),
        (9, "footnote '[^7]' has no mark in the text"),
    ]
    assert said_of["tentang.md"] == [(4, "'Status")]
    assert said_of["kontak.md"] == []
    [held] = [f.message for f in built.findings("warning") if f.path.endswith("tentang.md")]
    assert "this page is not published" in held and "release" not in held
    assert [(built.output / name / "index.html").exists() for name in ("struktur", "kontak")] == [
        True,
        True,
    ]
    assert not (built.output / "tentang").exists()
    sitemap = BeautifulSoup(built.text("sitemap.xml"), "xml")
    addresses = [loc.get_text() for loc in sitemap.find_all("loc")]
    assert any(a.endswith("/struktur/") for a in addresses)
    assert not any("tentang" in a for a in addresses)


def test_content_files_a_windows_or_macos_checkout_cannot_hold_are_each_an_error(tmp_path):
    """`Rapat.md` beside `rapat.md`, `Foto.jpg` beside `foto.jpg`: a checkout
    on a disk that ignores case holds one of each, a release lost and the
    other photo shown in its place; `con.md` and `aux.jpg` are device names
    on Windows, `rapat.` ends in a dot. The build passed. Each is an error at
    the file, a pair naming the other; a clean name, nothing."""
    from PIL import Image

    files = {
        "Rapat.md": release(1, body=LEAD + "\n\n![Foto rapat]({static}/images/Foto.jpg)"),
        "rapat.md": release(2, body=LEAD + "\n\n![Foto rapat]({static}/images/foto.jpg)"),
        "con.md": release(3),
        "rapat-sah.md": release(4),
    }
    site = FixtureSite(tmp_path)
    for name, text in files.items():
        site.article(f"2024/{name}", text)
    (site.content / "images").mkdir()
    for name, shade in (("Foto.jpg", 10), ("foto.jpg", 200), ("aux.jpg", 90), ("cek.", 50)):
        Image.new("RGB", (800, 600), (shade, shade, shade)).save(
            site.content / "images" / name, "JPEG"
        )
    # A photo put among the releases, its name ending in a space: the build
    # does not read it, and names no other name for it (the ending is said).
    (site.content / "berita" / "2024" / "foto.jpg ").write_bytes(b"\xff\xd8\xff")
    built = site.build(SEARCH_ENABLED=False)
    assert "Traceback" not in built.log and built.returncode == 1
    errors = {
        f.path.removeprefix("content/"): f.message for f in built.findings("error") if not f.line
    }
    assert sorted(errors) == [
        "berita/2024/Rapat.md",
        "berita/2024/con.md",
        "berita/2024/foto.jpg ",
        "berita/2024/rapat.md",
        "images/Foto.jpg",
        "images/aux.jpg",
        "images/cek.",
        "images/foto.jpg",
    ]
    assert "'berita/2024/rapat.md' only in case" in errors["berita/2024/Rapat.md"]
    assert "'images/Foto.jpg' only in case" in errors["images/foto.jpg"]
    assert errors["images/aux.jpg"].startswith("'aux.jpg' is a name Windows keeps for a device")
    # The name to write keeps the file's kind: a photo is not renamed '….md'.
    assert errors["images/aux.jpg"].endswith("e.g. 'rapat-pleno.jpg')")
    assert errors["berita/2024/con.md"].endswith("e.g. 'rapat-pleno.md')")
    assert errors["images/cek."].endswith("e.g. 'rapat-pleno')")
    assert "'cek.' holds a character or an ending" in errors["images/cek."]
    assert "'foto.jpg ' holds a character or an ending" in errors["berita/2024/foto.jpg "]


def test_a_long_written_slug_that_built_before_keeps_its_address_and_fails_nothing(tmp_path):
    """A written Slug: of lowercase words longer than the 80 characters a
    title makes (a slug typed by hand, the CMS's 80 and "-2") was published
    at that address before `slug_fault`; the rule made it an error that
    failed every build (CI's, with no way to mend it in the CMS, whose slug
    is read-only) and moved the page to a shorter address, breaking links to
    it. It keeps its address and gets a suggestion at its line; only a slug
    no folder can hold (past 255 bytes) is mended, with an error."""
    long_slug = "-".join(["pengawasan-partisipatif-bawaslu"] * 4)  # 127 characters
    cms_slug = "-".join(["pengawasan"] * 7) + "-rapat-2"  # 83: the CMS's "-2"
    files = {
        "panjang-1.md": release(1, extra=f"Slug: {long_slug}"),
        "panjang-2.md": release(2, extra=f"Slug: {cms_slug}"),
    }
    site, built = built_alone(tmp_path, files)
    assert built.returncode == 0, built.log
    assert built.findings("error") == [] and built.findings("warning") == []
    for name, slug in (("panjang-1.md", long_slug), ("panjang-2.md", cms_slug)):
        page = built.html(f"berita/2024/11/{slug}/")
        assert page.select_one("article") is not None, slug
        [(line, message)] = [s for s in said(built, name, "suggestion") if "Slug" in s[1]]
        assert line == 3 and f"'{slug[:60]}" in message and "longer than the 80" in message
    checked = run_check(site, "--strict")
    assert checked.returncode == 0, checked.log


def test_a_long_front_matter_value_starting_with_a_star_is_read_in_linear_time():
    """The check for a YAML alias (`Title: *a`) looked for a closing `*`
    again after each letter of the value's first word: a pasted title of
    '*' and 300,000 letters and '*' (emphasis, no alias) took half a minute
    to read, at every read of the build and of `invoke check`."""
    import time

    from warta.source_checks import parse_source

    text = "Title: *" + "a" * 300_000 + "*\nDate: 2024-11-17 09:30\n\n" + LEAD + "\n"
    started = time.monotonic()
    source = parse_source("berita/2024/bintang.md", text)
    assert time.monotonic() - started < 3
    assert source.yaml_marks == []
    assert parse_source("x.md", "Title: *a\n\nIsi.\n").yaml_marks == [("Title", 1, "*a", "alias")]
