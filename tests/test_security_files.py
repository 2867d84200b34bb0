"""Nothing leaks through files: photos of unpublished articles, files outside
content/ (climbing paths, symbolic links), pages written outside the output,
metadata trailing a photo's picture, decompression bombs.

Written as an attacker would: hostile fixture sites built through the real
build runner, then every output file walked and every output byte searched
for marker strings planted in what must not be published.
"""

from __future__ import annotations

import io
import json
import os
import re
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from conftest import REPO, FixtureSite, article_text, line_of, run_build, run_check
from plugins.images import strip
from warta import paths
from warta.paths import referenced_file

GPS_IFD = 0x8825
IMAGE_DESCRIPTION = 0x010E
# Every plugin but search (its Pagefind index is not what these tests are about).
NO_SEARCH = {"SEARCH_ENABLED": False}


# -- helpers ---------------------------------------------------------------------------


def marked_photo(path: Path, marker: str, width=900, height=600, fmt="JPEG") -> Path:
    """A phone photo whose EXIF carries `marker` and a GPS position."""
    image = Image.merge(
        "RGB",
        [
            Image.linear_gradient("L").rotate(90).resize((width, height)),
            Image.linear_gradient("L").resize((width, height)),
            Image.new("L", (width, height), 90),
        ],
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, fmt, exif=gps_exif(marker))
    return path


def gps_exif(marker: str) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[IMAGE_DESCRIPTION] = marker
    exif[GPS_IFD] = {1: "S", 2: (2.0, 59.0, 30.0), 3: "E", 4: (104.0, 45.0, 15.0)}
    return exif.tobytes()


def jpeg_bytes(colour, *, exif: bytes = b"", size=(640, 400)) -> bytes:
    buffer = io.BytesIO()
    extra = {"exif": exif} if exif else {}
    Image.new("RGB", size, colour).save(buffer, "JPEG", **extra)
    return buffer.getvalue()


def every_output_file(output: Path) -> list[Path]:
    return sorted(p for p in output.rglob("*") if p.is_file())


def leaks(output: Path, *markers: str) -> list[str]:
    """Output files whose site path or bytes contain a marker (any case)."""
    found = []
    wanted = [m.lower().encode() for m in markers]
    for path in every_output_file(output):
        name = path.relative_to(output).as_posix().lower().encode()
        data = path.read_bytes().lower()
        for marker in wanted:
            if marker in name or marker in data:
                found.append(f"{path.relative_to(output)} has {marker.decode()}")
    return found


def snapshot(folder: Path, *leave_out: Path) -> set[str]:
    """Every path under `folder` (files, folders, links), except under `leave_out`."""
    found = set()
    for root, folders, files in os.walk(folder):
        folders[:] = [f for f in folders if Path(root, f) not in leave_out]
        for name in folders + files:
            found.add(Path(root, name).relative_to(folder).as_posix())
    return found


def build_into(site: FixtureSite, name: str, *, publish: bool, **overrides):
    """Build `site` into its own output folder `name` (two builds of one site)."""
    settings = REPO / ("publishconf.py" if publish else "pelicanconf.py")
    return run_build(
        site.content,
        site.root / name,
        settings_file=settings,
        overrides=overrides,
        cache=site.root / f"cache-{name}",
    )


def with_front_matter(text: str, *lines: str) -> str:
    """An article's text with raw front-matter lines added after its title."""
    title, rest = text.split("\n", 1)
    return "\n".join([title, *lines, rest])


def published_site(root: Path) -> FixtureSite:
    site = FixtureSite(root)
    marked_photo(site.content / "images" / "2024" / "rapat-umum.jpg", "PUBLICPHOTO")
    site.article(
        "rapat.md",
        slug="rapat-umum",
        title="Bawaslu Kota Palembang Gelar Rapat Koordinasi Umum",
        image="images/2024/rapat-umum.jpg",
        image_alt="Peserta rapat koordinasi duduk mengelilingi meja",
    )
    return site


# -- pure rule: warta.paths ------------------------------------------------------------


def test_contained_resolves_dots_and_links_against_the_real_root(tmp_path):
    root = tmp_path / "content"
    (root / "images").mkdir(parents=True)
    (root / "images" / "a.jpg").write_bytes(b"x")
    (tmp_path / "outside.jpg").write_bytes(b"x")
    assert paths.contained(root, "images/a.jpg") == (root / "images" / "a.jpg").resolve()
    assert paths.contained(root, "images/../images/a.jpg") is not None
    assert paths.contained(root, "../outside.jpg") is None
    assert paths.contained(root, root / ".." / "outside.jpg") is None
    assert paths.contained(root, "/etc/passwd") is None
    # a sibling whose name starts with the root's is not inside it
    (tmp_path / "content-bocor").mkdir()
    assert paths.contained(root, "../content-bocor/x") is None
    (root / "images" / "keluar").symlink_to(tmp_path)
    assert paths.contained(root, "images/keluar/outside.jpg") is None
    # the root itself, by "", "." or its own path; a root given relative to the cwd
    assert paths.contained(root, "") == paths.contained(root, ".") == root.resolve()
    assert paths.contained(root, root) == root.resolve()
    assert (
        paths.contained(os.path.relpath(root), "images/a.jpg") == (root / "images/a.jpg").resolve()
    )
    assert paths.contained(os.path.relpath(root), "../outside.jpg") is None


def test_every_component_is_checked_for_a_symbolic_link(tmp_path):
    root = tmp_path / "content"
    (root / "images" / "asli").mkdir(parents=True)
    (root / "images" / "asli" / "a.jpg").write_bytes(b"x")
    (root / "images" / "folder-tautan").symlink_to(root / "images" / "asli")
    (root / "images" / "file-tautan.jpg").symlink_to(root / "images" / "asli" / "a.jpg")
    (root / "images" / "putus.jpg").symlink_to(tmp_path / "tidak-ada")

    assert paths.first_symlink(root, "images/asli/a.jpg") is None
    assert paths.first_symlink(root, "images/folder-tautan/a.jpg") == (
        root / "images" / "folder-tautan"
    )
    assert paths.first_symlink(root, root / "images" / "file-tautan.jpg") == (
        root / "images" / "file-tautan.jpg"
    )
    # a link inside content/ that points inside content/ is refused too
    refused = paths.check_source(root, "images/folder-tautan/a.jpg")
    assert isinstance(refused, paths.Refusal) and refused.link is not None
    assert refused.target == str(root / "images" / "asli")
    # `..` after a link is taken from where the link leads, as the system does
    assert isinstance(paths.check_source(root, "images/folder-tautan/../x"), paths.Refusal)
    assert isinstance(paths.check_source(root, "images/putus.jpg"), paths.Refusal)
    assert paths.check_source(root, "images/asli/a.jpg") == (root / "images/asli/a.jpg").resolve()

    links = [link.relative_to(root).as_posix() for link, _ in paths.symlinks_under(root)]
    assert links == ["images/file-tautan.jpg", "images/folder-tautan", "images/putus.jpg"]


def test_containment_answers_as_realpath_below_missing_and_linked_folders(tmp_path):
    # Paths below a folder that does not exist yet are answered without
    # resolving each component; the answer must be realpath's, links and ".."
    # included ("a/../b" climbs from wherever a link "a" leads).
    outside = tmp_path / "luar"
    (outside / "sub").mkdir(parents=True)
    for root in (tmp_path / "ada", tmp_path / "belum-ada" / "output"):
        if root.name == "ada":
            (root / "berita").mkdir(parents=True)
            (root / "tautan").symlink_to(outside / "sub")
            (root / "putus").symlink_to(tmp_path / "tidak-ada")
        for candidate in [
            "baru/2024/x/index.html",
            "baru//x/./index.html",
            "./baru/x.html",
            "berita/x/index.html",
            "tautan/x.html",
            "tautan/../x.html",
            "baru/../tautan/x.html",
            "baru/../../luar/x.html",
            "putus/x.html",
            "x.html",
            "",
            ".",
        ]:
            real = os.path.realpath(os.path.join(root, candidate))
            base = os.path.realpath(root)
            inside = real == base or real.startswith(base + os.sep)
            expected = Path(real) if inside else None
            assert paths.contained(root, candidate) == expected, (root, candidate)


@pytest.mark.parametrize(
    ("save_as", "refused"),
    [
        ("berita/2024/11/x/index.html", False),
        ("index.html", False),
        ("", False),
        ("../x.html", True),
        ("../../x.html", True),
        ("berita/../../x.html", True),
        ("berita/../index.html", True),  # lands inside, but climbs over another page
        ("/etc/cron.d/x", True),
        ("\\\\server\\share\\x.html", True),
        ("https://evil.example/x/", True),
        ("//evil.example/x/", True),
        ("javascript:alert(1)", True),
        ("a\x00b.html", True),
    ],
)
def test_output_paths_stay_inside_the_output(tmp_path, save_as, refused):
    output = tmp_path / "output"
    output.mkdir()
    assert (paths.output_refusal(output, save_as) is not None) is refused


def test_a_name_is_too_long_by_its_own_bytes_not_by_the_whole_path():
    """`long_name` skips splitting a path whose whole text fits in NAME_MAX
    bytes (most cards and pages): a name of 256 bytes (128 two-byte letters) is
    still found, in a path long or short, at either slash; `climbs` likewise
    finds `..` only as a whole segment."""
    long = "é" * 128  # 256 bytes in UTF-8, 128 characters
    fits = "é" * 127  # 254 bytes
    for path in (long, f"a/{long}/b.html", f"a\\{long}", "x/" * 200 + long):
        assert paths.long_name(path) == long, path
    for path in (fits, f"a/{fits}/b.html", "x/" * 200 + fits, "x" * 255):
        assert paths.long_name(path) is None, path
    assert paths.long_name("x" * 256) == "x" * 256
    assert paths.output_refusal("/tmp", f"berita/{long}/index.html") == (
        f"a name longer than {paths.NAME_MAX} bytes"
    )
    assert [paths.climbs(p) for p in ("a/../b", "..", "a\\..\\b", "a/..b", "a../b", "a/b")] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]


@pytest.mark.parametrize("save_as", [".", "./", "berita/", "berita/./", "x\\"])
def test_a_file_to_write_must_name_a_file(tmp_path, save_as):
    assert paths.output_file_refusal(tmp_path, save_as) == "names a folder, not a file"
    assert paths.output_file_refusal(tmp_path, "berita/x/index.html") is None
    assert paths.output_file_refusal(tmp_path, "") is None  # not written at all


def test_a_file_to_write_has_no_name_longer_than_the_file_system_takes(tmp_path):
    """A 300-letter Slug: is valid as a slug and stopped the build with "File
    name too long". 255 bytes of UTF-8 are the limit, not 255 characters."""
    at_limit, over = "a" * 255, "a" * 256
    assert paths.output_file_refusal(tmp_path, f"berita/{at_limit}/index.html") is None
    for save_as in (f"berita/{over}/index.html", f"{over}.html", "é" * 128 + ".html"):
        assert paths.output_file_refusal(tmp_path, save_as) == "a name longer than 255 bytes"


def test_names_too_long_for_the_file_system_are_one_error_each_and_the_build_goes_on(site):
    slug = "-".join(["pengawasan"] * 30)
    site.article("slug.md", article_text(title="Rapat Koordinasi Pengawasan Tahapan", slug=slug))
    site.article(
        "penulis.md",
        article_text(
            title="Rapat Koordinasi Pengawasan Pilkada", slug="penulis", author="Nama " * 60
        ),
    )
    site.article("biasa.md", article_text(title="Rapat Koordinasi Pengawasan Biasa", slug="biasa"))
    site.article(
        "url.md",
        with_front_matter(
            article_text(title="Rapat Koordinasi Pengawasan Alamat", slug="url"),
            f"URL: {'a' * 300}/",
        ),
    )
    built = site.build(**NO_SEARCH)

    assert built.returncode == 1, built.log
    assert "build stopped" not in built.log and "Traceback" not in built.log
    errors = built.log_lines("error")
    assert len(errors) == 3, errors
    # Its social card would have been drawn below the URL: "File name too long".
    [url] = [e for e in errors if e.startswith("berita/url.md:2: ")]
    assert "output path cannot be written (a name longer than 255 bytes: url" in url
    # A written Slug: past 255 characters is invalid (`warta.text.slug_fault`):
    # the page is written meanwhile at the slug cut at a word.
    [too_long] = [e for e in errors if e.startswith("berita/slug.md:3: ")]
    assert "is 329 characters long, more than the 255 a folder's name holds" in too_long
    cut = "-".join(["pengawasan"] * 7)
    assert built.html(f"berita/2024/11/{cut}/").h1.get_text(strip=True).startswith("Rapat")
    [author] = [e for e in errors if e.startswith("berita/penulis.md:5: ")]
    assert "Author makes its page's address longer than 255 bytes: left out" in author
    assert built.html("berita/2024/11/biasa/").h1.get_text(strip=True).startswith("Rapat")
    assert built.html("berita/2024/11/penulis/").h1 is not None  # the article itself is written


def test_an_output_folder_link_is_outside(tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    (output / "images").symlink_to(tmp_path)
    assert paths.output_refusal(output, "images/x.jpg") == "resolves outside the output folder"


def test_publishing_many_files_refuses_what_output_refusal_refuses(tmp_path):
    """`OutputPaths` (one folder lookup per folder, for the cards and photos a
    build publishes) answers as `output_refusal` does, for links of folders and
    files that lead out of the output, back into it, or nowhere."""
    output = tmp_path / "output"
    (output / "berita" / "2024" / "11" / "rapat").mkdir(parents=True)
    (output / "berita" / "2024" / "11" / "rapat" / "og.png").write_bytes(b"png")
    outside = tmp_path / "elsewhere"
    (outside / "deep").mkdir(parents=True)
    (output / "keluar").symlink_to(outside)
    (output / "berita" / "2024" / "12").symlink_to(outside / "deep")
    (output / "berita" / "2024" / "10").symlink_to(output / "berita" / "2024" / "11")
    (output / "berita" / "2024" / "11" / "rapat" / "bocor.png").symlink_to(outside / "x.png")
    (output / "berita" / "2024" / "11" / "rapat" / "ke-sini.png").symlink_to("og.png")
    (output / "putus").symlink_to(tmp_path / "missing")
    (output / "putus-dalam").symlink_to("tidak-ada")
    (output / "lingkar").symlink_to("lingkar")
    candidates = [
        "berita/2024/11/rapat/og.png",
        "berita/2024/11/rapat/baru/og.png",
        "berita/2024/11/rapat/bocor.png",
        "berita/2024/11/rapat/ke-sini.png",
        "berita/2024/10/rapat/og.png",
        "berita/2024/12/og.png",
        "berita/2024/12/a/b/og.png",
        "keluar",
        "keluar/og.png",
        "belum/ada/sama/sekali/og.png",
        "putus/og.png",
        "putus-dalam/og.png",
        "lingkar/og.png",
        "./berita//2024/11/og.png",
        "../x.png",
        "/etc/x.png",
        "a\x00b.png",
        "",
    ]
    batch = paths.OutputPaths(output)
    answers = {c: batch.refusal(c) for c in candidates}
    assert answers == {c: paths.output_refusal(output, c) for c in candidates}
    outside_ones = {c for c, a in answers.items() if a == "resolves outside the output folder"}
    assert outside_ones == {
        "berita/2024/11/rapat/bocor.png",
        "berita/2024/12/og.png",
        "berita/2024/12/a/b/og.png",
        "keluar",
        "keluar/og.png",
        "putus/og.png",
    }


# -- unpublished articles' photos --------------------------------------------------------


@pytest.fixture(scope="module")
def with_unpublished(tmp_path_factory):
    """A draft and an embargoed article, each with its own photo (marker in the
    file name and in its EXIF), a body image and a {static} file; built with
    the public settings and the development ones."""
    site = published_site(tmp_path_factory.mktemp("unpublished"))
    images = site.content / "images"
    marked_photo(images / "2024" / "fotodrafleak-utama.jpg", "FOTODRAFLEAK-EXIF")
    marked_photo(images / "2024" / "fotodrafleak-isi.png", "FOTODRAFLEAK-PNG", fmt="PNG")
    (images / "2024" / "fotodrafleak-lampiran.pdf").write_bytes(b"%PDF FOTODRAFLEAK")
    marked_photo(images / "2099" / "fotoembargoleak.jpg", "FOTOEMBARGOLEAK-EXIF")
    site.article(
        "draf.md",
        slug="rancangan-rilis",
        title="Rancangan Rilis Bawaslu yang Belum Terbit",
        image="images/2024/fotodrafleak-utama.jpg",
        image_alt="Foto rancangan",
        status="draft",
        body="""
            PALEMBANG – Rancangan rilis.

            ![Foto isi rancangan](/images/2024/fotodrafleak-isi.png)

            [Unduh lampiran]({static}/images/2024/fotodrafleak-lampiran.pdf)
            """,
    )
    site.article(
        "embargo.md",
        slug="rilis-embargo",
        title="Rilis yang Diumumkan Tahun Depan",
        date="2099-01-01 09:00",
        image="images/2099/fotoembargoleak.jpg",
        image_alt="Foto embargo",
    )
    public = build_into(site, "public", publish=True, **NO_SEARCH)
    dev = build_into(site, "dev", publish=False, **NO_SEARCH)
    return site, public, dev


def test_photos_of_drafts_and_embargoed_articles_are_not_in_the_public_build(with_unpublished):
    _, public, _ = with_unpublished
    assert public.returncode == 0, public.log
    assert leaks(public.output, "fotodrafleak", "fotoembargoleak") == []
    # what is published is really there: the published article's photo and card
    names = [p.relative_to(public.output).as_posix() for p in every_output_file(public.output)]
    assert any(n.startswith("images/varian/rapat-umum-") for n in names)
    # shown only through its variants: the original is not published either
    assert "images/2024/rapat-umum.jpg" not in names
    assert "berita/2024/11/rapat-umum/og.png" in names
    assert not any("2099" in n for n in names), names


def test_the_development_build_keeps_the_drafts_photos_for_their_preview(with_unpublished):
    _, _, dev = with_unpublished
    assert dev.returncode == 0, dev.log
    page = dev.html("draf/rancangan-rilis/")
    sources = [img["src"] for img in page.select("article img")]
    assert len(sources) == 2, sources
    assert all((dev.output / s.lstrip("/")).is_file() for s in sources), sources
    assert all(s.startswith("/images/varian/rancangan-rilis-") for s in sources), sources
    assert (dev.output / "images/2024/fotodrafleak-lampiran.pdf").is_file()
    embargoed = dev.html("draf/rilis-embargo/").select_one(".article__figure img")["src"]
    assert embargoed.startswith("/images/varian/rilis-embargo-"), embargoed
    assert (dev.output / embargoed.lstrip("/")).is_file()
    assert (dev.output / "draf/rilis-embargo/og.png").is_file()


def test_a_photo_no_page_uses_is_not_published_but_the_logo_and_favicon_are(site):
    published_site(site.root)
    marked_photo(site.content / "images" / "yatim-orphanleak.jpg", "ORPHANLEAK")
    marked_photo(site.content / "images" / "logo-warta.png", "LOGO", 200, 60, fmt="PNG")
    (site.content / "extra").mkdir()
    (site.content / "extra" / "favicon.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>'
    )
    built = site.build(publish=True, **NO_SEARCH)
    assert built.returncode == 0, built.log
    assert leaks(built.output, "orphanleak") == []
    assert (built.output / "images" / "logo-warta.png").is_file()
    assert (built.output / "favicon.svg").is_file()


def test_a_page_or_script_under_content_is_never_published(site):
    """A linked `.html` or `.js` under content/images/ was published as it was:
    its script ran on the site's own address (where /admin/ runs), with no
    line, and the build said ok. Each link is an error at its line naming the
    file; an active file nothing links is a warning; none is published; the
    site's own favicon.svg (EXTRA_PATH_METADATA) is."""
    published_site(site.root)
    folder = site.content / "images" / "2026"
    folder.mkdir(parents=True)
    script = "<script>alert('ACTIVELEAK')</script>"
    (folder / "formulir-pengaduan.html").write_text(script)
    (folder / "skrip.js").write_text("alert('ACTIVELEAK')")
    (folder / "Peta.SVG").write_text(f'<svg xmlns="http://www.w3.org/2000/svg">{script}</svg>')
    (folder / "lepas.xhtml").write_text(script)
    (site.content / "extra").mkdir()
    (site.content / "extra" / "favicon.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>'
    )
    site.article(
        "formulir.md",
        slug="formulir",
        title="Bawaslu Kota Palembang Buka Formulir Pengaduan Daring",
        body="PALEMBANG – Isi [formulir]({static}/images/2026/formulir-pengaduan.html).\n\n"
        "Lalu jalankan [skrip](<{attach}/images/2026/skrip.js>) dan lihat "
        "[peta]({static}/images/2026/Peta.SVG).",
    )
    built = site.build(publish=True, **NO_SEARCH)
    assert built.returncode == 1, built.log
    said = {(f.path, f.line, f.level, f.message) for f in built.findings() if "script" in f.message}
    message = "file of a type that can run script on the site, not published"
    advice = "(publish the document as a PDF instead, or ask the web team to put it on the site"
    where = "content/berita/formulir.md"
    assert said == {
        (where, 9, "error", f"{message}: '/images/2026/formulir-pengaduan.html' {advice})"),
        (where, 11, "error", f"{message}: '/images/2026/skrip.js' {advice})"),
        (where, 11, "error", f"{message}: '/images/2026/Peta.SVG' {advice})"),
        (
            "content/images/2026/lepas.xhtml",
            None,
            "warning",
            f"{message}, and no release or page links it {advice}; "
            "a file of the theme's goes in IMAGES_SITE_FILES)",
        ),
    }, built.log
    assert leaks(built.output, "activeleak") == []
    assert not [name for name in built.files() if name.startswith("images/2026/")]
    assert (built.output / "favicon.svg").is_file()


def test_a_plain_link_to_a_page_or_script_under_content_is_an_error_at_its_line(site):
    """Without {static} (`[formulir](/images/2026/formulir.html)`, an <a href>
    to a .mjs) the file was left out without a word at the link (the .html
    was even said to be linked by nothing)."""
    published_site(site.root)
    folder = site.content / "images" / "2026"
    folder.mkdir(parents=True)
    (folder / "formulir.html").write_text("<script>alert('PLAINLEAK')</script>")
    (folder / "skrip.mjs").write_text("alert('PLAINLEAK')")
    site.article(
        "formulir.md",
        slug="formulir",
        title="Bawaslu Kota Palembang Buka Formulir Pengaduan Daring",
        body="PALEMBANG – Isi [formulir](/images/2026/formulir.html).\n\n"
        '<p><a href="/images/2026/skrip.mjs">skrip</a></p>\n\n'
        "Lihat juga [halaman kontak](/kontak/).",
    )
    built = site.build(publish=True, **NO_SEARCH)
    assert built.returncode == 1, built.log
    said = {(f.path, f.line, f.level, f.message) for f in built.findings() if "script" in f.message}
    message = "file of a type that can run script on the site, not published"
    advice = "(publish the document as a PDF instead, or ask the web team to put it on the site)"
    where = "content/berita/formulir.md"
    assert said == {
        (where, 9, "error", f"{message}: '/images/2026/formulir.html' {advice}"),
        (where, 11, "error", f"{message}: '/images/2026/skrip.mjs' {advice}"),
    }, built.log
    assert leaks(built.output, "plainleak") == []


def test_a_document_no_published_release_links_waits_and_is_named_once(site):
    """A document staged under content/images/ or content/extra/ for an
    embargoed release (or a .docx, a .txt nothing links) was published: the
    decision was public before its release. Only what a published page links,
    and the site's own files, are; each other file is one suggestion, except
    the one the embargoed release links (it waits for it)."""
    published_site(site.root)
    folder = site.content / "images" / "2026"
    folder.mkdir(parents=True)
    (folder / "putusan-embargo.pdf").write_bytes(b"%PDF-1.4 EMBARGOLEAK")
    (folder / "jadwal.pdf").write_bytes(b"%PDF-1.4 jadwal")
    (folder / "catatan.txt").write_text("CATATANLEAK")
    extra = site.content / "extra"
    extra.mkdir()
    (extra / "surat.docx").write_bytes(b"PK SURATLEAK")
    (extra / "CNAME").write_text("warta.example.go.id")
    (extra / "favicon.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>'
    )
    site.article(
        "jadwal.md",
        slug="jadwal",
        title="Bawaslu Kota Palembang Umumkan Jadwal Pengawasan",
        body="PALEMBANG – Unduh [jadwal]({static}/images/2026/jadwal.pdf).",
    )
    site.article(
        "putusan.md",
        slug="putusan",
        date="2099-01-05 09:00",
        title="Bawaslu Kota Palembang Bacakan Putusan Pelanggaran Administrasi",
        body="PALEMBANG – Unduh [putusan]({static}/images/2026/putusan-embargo.pdf).",
    )
    built = site.build(
        publish=True,
        IMAGES_SITE_FILES=["extra/CNAME"],
        EXTRA_PATH_METADATA={
            "extra/favicon.svg": {"path": "favicon.svg"},
            "extra/CNAME": {"path": "CNAME"},
        },
        **NO_SEARCH,
    )
    assert built.returncode == 0, built.log
    unused = [
        (f.path, f.level, f.message.split(" (")[0])
        for f in built.findings()
        if "used by no" in f.message
    ]
    message = "file used by no published release or page: not published"
    assert sorted(unused) == [
        ("content/extra/surat.docx", "suggestion", message),
        ("content/images/2026/catatan.txt", "suggestion", message),
    ], built.log
    assert leaks(built.output, "embargoleak", "catatanleak", "suratleak") == []
    assert (built.output / "images" / "2026" / "jadwal.pdf").is_file()
    assert (built.output / "CNAME").read_text() == "warta.example.go.id"
    assert (built.output / "favicon.svg").is_file()


# -- symbolic links ------------------------------------------------------------------------


def test_symbolic_links_are_refused_and_their_targets_never_published(site, monkeypatch):
    secret_env = "SECRETENV-7f3a9c"
    monkeypatch.setenv("WARTA_TEST_SECRET", secret_env)
    outside = site.root / "outside"
    outside.mkdir()
    (outside / "config").write_text("[remote]\n token = GITLEAK-51be\n")
    (outside / "rahasia.md").write_text(
        article_text(title="Artikel LINKEDARTICLE-9d2 dari Luar", slug="luar")
    )
    (outside / "foto").mkdir()
    marked_photo(outside / "foto" / "dirleak.jpg", "DIRLEAK-EXIF")
    published_site(site.root)
    images = site.content / "images"
    (images / "config.jpg").symlink_to(outside / "config")
    (images / "lingkungan.jpg").symlink_to("/proc/self/environ")
    (images / "nol.jpg").symlink_to("/dev/zero")  # read, it never ends
    (images / "luar").symlink_to(outside / "foto")
    (images / "akar").symlink_to("/")  # walked, it would take the whole disk
    (site.content / "berita" / "tautan.md").symlink_to(outside / "rahasia.md")
    (site.content / "extra").mkdir()
    (site.content / "extra" / "git-config").symlink_to(outside / "config")
    site.article(
        "pakai.md",
        slug="pakai-tautan",
        title="Artikel yang Memakai Tautan",
        image="images/config.jpg",
        image_alt="Foto",
        body="""
            PALEMBANG – Isi.

            ![Foto dari folder luar](/images/luar/dirleak.jpg)

            [Lingkungan]({static}/images/lingkungan.jpg)
            """,
    )

    built = site.build(publish=True, **NO_SEARCH)

    assert built.returncode == 1, built.log
    assert "Traceback" not in built.log and "build stopped" not in built.log
    errors = built.log_lines("error")
    # link → its target as the log shows it (paths in the fixture's folder are
    # shown relative to it)
    expected = {
        "images/config.jpg": "outside/config",
        "images/lingkungan.jpg": "/proc/self/environ",
        "images/nol.jpg": "/dev/zero",
        "images/luar": "outside/foto",
        "images/akar": "/",
        "berita/tautan.md": "outside/rahasia.md",
        "extra/git-config": "outside/config",
    }
    for link, target in expected.items():
        named = [e for e in errors if e.startswith(f"{link}: symbolic link refused")]
        assert len(named) == 1, (link, errors)
        assert f"'{link} -> {target}'" in named[0], named[0]
        assert "(replace the link" in named[0]
    # the article that uses a link is told so at its line
    lines = (site.content / "berita" / "pakai.md").read_text().splitlines()
    image_line = next(n for n, line in enumerate(lines, 1) if line.startswith("Image:"))
    assert any(
        e.startswith(f"berita/pakai.md:{image_line}: image goes through a symbolic link")
        for e in errors
    ), errors
    assert (
        leaks(built.output, "GITLEAK-51be", secret_env, "LINKEDARTICLE-9d2", "DIRLEAK-EXIF") == []
    )
    published = [p.relative_to(built.output).as_posix() for p in every_output_file(built.output)]
    assert not [name for name in published if "dirleak" in name or "config.jpg" in name]
    assert not (built.output / "extra").exists()
    assert not (built.output / "images" / "luar").exists()
    # the page itself is still written: a refused photo never drops an article
    assert (built.output / "berita/2024/11/pakai-tautan/index.html").is_file()


# -- paths that climb out ------------------------------------------------------------------


def test_paths_that_climb_out_of_content_or_output_are_refused_and_nothing_lands_outside(
    tmp_path,
):
    # tmp/a/b/site/{content,output}; the files to steal in tmp/a/b/outside
    site = published_site(tmp_path / "a" / "b" / "site")
    outside = site.root.parent / "outside"
    marked_photo(outside / "climbleak.jpg", "CLIMBLEAK-EXIF")
    marked_photo(outside / "climbleak-isi.jpg", "CLIMBLEAK-EXIF")
    (outside / "climbleak.pdf").write_bytes(b"%PDF CLIMBLEAK-PDF")
    (site.root / "climbleak-sibling.jpg").write_bytes((outside / "climbleak.jpg").read_bytes())
    site.article(
        "naik.md",
        slug="naik",
        title="Artikel yang Memanjat Folder",
        image="../../../outside/climbleak.jpg",
        image_alt="Foto",
        body="""
            PALEMBANG – Isi.

            ![Foto](../../../outside/climbleak-isi.jpg)

            ![Foto statis]({static}/../climbleak-sibling.jpg)

            [Lampiran]({static}/../../outside/climbleak.pdf)

            [Lampiran terlampir]({attach}../../../outside/climbleak.pdf)
            """,
    )
    for name, slug, line in [
        ("simpan.md", "simpan", "Save_as: ../../keluar-saveas.html"),
        # Pelican's own check is a string prefix: "output-bocor" passes for "output"
        ("awalan.md", "awalan", "Save_as: ../output-bocor/index.html"),
        ("url.md", "url-luar", "URL: ../../keluar-url/"),
        ("lang.md", "bahasa", "Lang: ../../../../keluar-lang"),
        ("titik.md", "titik", "Save_as: ."),
    ]:
        site.article(
            name, with_front_matter(article_text(title=f"Artikel {slug}", slug=slug), line)
        )
    site.page("halaman-naik.md", "Title: Halaman Naik\nSlug: ../../keluar-slug\n\nIsi halaman.\n")
    absolute = Path(f"/var/tmp/warta-absolut-{tmp_path.name}.html")
    site.page("absolut.md", f"Title: Absolut\nSave_as: {absolute}\n\nIsi.\n")
    before = snapshot(tmp_path, site.output, site.root / "cache")

    built = site.build(publish=True, **NO_SEARCH)

    assert built.returncode == 1, built.log
    assert "Traceback" not in built.log and "build stopped" not in built.log
    assert snapshot(tmp_path, site.output, site.root / "cache") == before
    assert not absolute.exists()
    assert leaks(built.output, "CLIMBLEAK-EXIF", "CLIMBLEAK-PDF") == []
    published = [p.relative_to(built.output).as_posix() for p in every_output_file(built.output)]
    assert not [name for name in published if "climbleak" in name or "keluar" in name]
    errors = built.log_lines("error")

    naik = site.content / "berita" / "naik.md"
    expected_lines = [
        (
            f"berita/naik.md:{line_of(naik, 'Image:')}: image outside the content folder",
            "'../../../outside/climbleak.jpg'",
        ),
        (
            f"berita/naik.md:{line_of(naik, '![Foto](')}: image outside the content folder",
            "'../../../outside/climbleak-isi.jpg'",
        ),
        (
            f"berita/naik.md:{line_of(naik, 'Foto statis')}: link leaves the content folder",
            "'{static}/../climbleak-sibling.jpg'",
        ),
        (
            f"berita/naik.md:{line_of(naik, '[Lampiran]')}: link leaves the content folder",
            "'{static}/../../outside/climbleak.pdf'",
        ),
        (
            f"berita/naik.md:{line_of(naik, 'terlampir')}: link leaves the content folder",
            "'{attach}../../../outside/climbleak.pdf'",
        ),
    ]
    for start, value in expected_lines:
        matching = [e for e in errors if e.startswith(start) and value in e]
        assert len(matching) == 1, (start, value, errors)
    for name, key, value in [
        ("berita/simpan.md", "Save_as", "../../keluar-saveas.html"),
        ("berita/awalan.md", "Save_as", "../output-bocor/index.html"),
        ("berita/url.md", "URL", "../../keluar-url/"),
        ("berita/titik.md", "Save_as", "."),
        ("halaman/halaman-naik.md", "Slug", "../../keluar-slug"),
        ("halaman/absolut.md", "Save_as", str(absolute)),
    ]:
        line = line_of(site.content / name, f"{key}:")
        matching = [e for e in errors if e.startswith(f"{name}:{line}: output path")]
        assert len(matching) == 1, (name, errors)
        assert f"'{key}: {value}'" in matching[0] and "not written" in matching[0], matching
        assert "(remove the Save_as:/URL: line" in matching[0]
    # A Lang: that climbs is no language: said once, as such (content_lint).
    lang_line = line_of(site.content / "berita/lang.md", "Lang:")
    assert [e for e in errors if e.startswith("berita/lang.md:")] == [
        f"berita/lang.md:{lang_line}: invalid Lang: '../../../../keluar-lang': this release is "
        "not published (remove the Lang: line (the site is in Indonesian), or write a language "
        "code such as 'en')"
    ], errors
    # one line per refusal: Pelican's own "Skipping … outside output path" is not added
    assert not [e for e in errors if "would be written outside output path" in e]
    assert (built.output / "berita/2024/11/naik/index.html").is_file()


def test_a_save_as_never_takes_a_file_of_the_site(tmp_path):
    """Pelican lets a page with its own Save_as: replace any file: the home page
    (`index.html`), the feed, GitHub Pages' CNAME (the domain it serves) were
    replaced with "build ok". A release's own address is an .html page that no
    other page has; anything else is one error at its line, and the site's file
    is the site's."""
    site = FixtureSite(tmp_path / "site")
    site.article(
        "biasa.md", article_text(title="Rapat Koordinasi Pengawasan Tahapan", slug="biasa")
    )
    targets = {
        "cname.md": "CNAME",
        "umpan.md": "feed.xml",
        "robot.md": "robots.txt",
        "beranda.md": "index.html",
        "indeks-tag.md": "tag/index.html",
    }
    for name, target in targets.items():
        site.page(name, f"Title: Halaman Pengganti {target}\nSave_as: {target}\n\nZORBLATT.\n")
    built = site.build(**NO_SEARCH)

    assert built.returncode == 1, built.log
    errors = built.log_lines("error")
    for name in ("cname.md", "umpan.md", "robot.md"):
        target = targets[name]
        [error] = [e for e in errors if e.startswith(f"halaman/{name}:2: ")]
        assert f"output path is not a page (no '.html' ending: save_as '{target}')" in error
    for name in ("beranda.md", "indeks-tag.md"):
        [error] = [e for e in errors if e.startswith(f"halaman/{name}:2: ")]
        assert f"its address {targets[name]} is already taken by a page of the site" in error
        assert "(remove its Save_as: line: the address comes from the Slug:)" in error
    assert len(errors) == 5, errors
    assert leaks(built.output, "ZORBLATT") == []
    assert built.html("").find("a", href=re.compile("/biasa/$")) is not None
    assert built.html("tag/").h1.get_text(strip=True) == "Tag"
    assert etree_root(built.output / "feed.xml").tag == "{http://www.w3.org/2005/Atom}feed"


def test_a_slug_never_takes_a_file_or_folder_another_part_of_the_site_writes(tmp_path):
    """A page's address must not land where the site writes something else:
    `Slug: feed.xml` (or `Save_as: feed.xml/index.html`) stopped the build (a
    folder where the feed is a file),
    `Slug: admin` was overwritten by the CMS and `Slug: pagefind` deleted by the
    search index, both with "build ok". Each is one error at its Slug: line,
    and what the site writes there stays the site's."""
    site = FixtureSite(tmp_path / "site")
    site.article(
        "biasa.md", article_text(title="Rapat Koordinasi Pengawasan Tahapan", slug="biasa")
    )
    slugs = ["feed.xml", "feed.json", "sitemap.xml", "robots.txt", "admin", "pagefind", "cari"]
    for number, slug in enumerate(slugs):
        # A Slug: with a dot is invalid (and previewed at feed-xml/): a
        # Save_as: ending in .html is what reaches these.
        line = f"Save_as: {slug}/index.html" if "." in slug else f"Slug: {slug}"
        site.page(f"p{number}.md", f"Title: Halaman Pengganti {number}\n{line}\n\nZORBLATT.\n")
    built = site.build()

    assert built.returncode == 1, built.log
    assert "Traceback" not in built.log and "build stopped" not in built.log, built.log
    errors = built.log_lines("error")
    for number, slug in enumerate(slugs):
        [error] = [e for e in errors if e.startswith(f"halaman/p{number}.md:2: ")]
        assert "page not written: its address" in error and f"{slug}/index.html" in error
        assert "another Slug:" in error or "remove its Save_as: line" in error, error
    assert len(errors) == len(slugs), errors
    assert leaks(built.output, "ZORBLATT") == []
    assert etree_root(built.output / "feed.xml").tag == "{http://www.w3.org/2005/Atom}feed"
    assert json.loads((built.output / "feed.json").read_text())["version"].startswith("https://")
    assert etree_root(built.output / "sitemap.xml").tag.endswith("urlset")
    robots = (built.output / "robots.txt").read_text().splitlines()
    assert any(line.startswith("User-agent:") for line in robots), robots
    assert built.html("admin/").title.get_text().startswith("Ruang Redaksi")
    assert (built.output / "pagefind" / "bundles.json").is_file()
    assert not (built.output / "pagefind" / "index.html").exists()
    assert built.html("cari/").h1 is not None
    # `invoke check` says the same, writing nothing.
    checked = run_check(site)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    said = [line for line in checked.stdout.splitlines() if ": error: page not written" in line]
    assert sorted(said) == sorted(
        f"content/{error.replace(': ', ': error: ', 1)}" for error in errors
    )
    assert not (site.root / "check-output").exists()


def test_a_content_moved_onto_another_address_is_the_one_not_written(tmp_path):
    """A release's `Save_as:` onto a tag's page, the 404 page, /wilayah/ or
    another release's page, and a page's `Slug: wilayah`/`Slug: pejabat`, were
    written while the site's page (or the innocent release) was dropped, with
    an error naming the address but not the culprit's line, and the innocent
    release blamed at its Slug: line. The content that moved onto the address
    is refused at the line that moved it, in the development build and the
    public one alike; the site's pages and the innocent release are written."""
    site = FixtureSite(tmp_path / "site")
    innocent = "Rapat Koordinasi Pengawasan Tahapan Biasa"
    site.article("biasa.md", article_text(title=innocent, slug="biasa", date="2024-11-17 09:30"))

    def moved(name: str, save_as: str) -> None:
        slug = name.removesuffix(".md")
        path = site.article(
            name,
            article_text(
                # newer than the innocent release: written before it
                title=f"Pengumuman Seleksi Panwascam {slug.title()}",
                slug=slug,
                date="2024-11-18 09:30",
            ),
        )
        text = path.read_text(encoding="utf-8")
        url = save_as.removesuffix("index.html")
        path.write_text(text.replace(f"Slug: {slug}\n", f"Slug: {slug}\nSave_as: {save_as}\n"))
        if url != save_as:
            path.write_text(path.read_text().replace("Save_as:", f"URL: {url}\nSave_as:"))

    culprits = {
        "ambil.md": "berita/2024/11/biasa/index.html",
        "tagnya.md": "tag/pilkada-serentak-2024/index.html",
        "hilang.md": "404.html",
        "wil.md": "wilayah/index.html",
    }
    for name, save_as in culprits.items():
        moved(name, save_as)
    site.page("w.md", "Title: Halaman Wilayah Pengganti\nSlug: wilayah\n\nZORBLATT.\n")
    site.page("p.md", "Title: Halaman Pejabat Pengganti\nSlug: pejabat\n\nZORBLATT.\n")

    for publish in (False, True):
        built = site.build(publish=publish, **NO_SEARCH)
        assert built.returncode == 1, built.log
        errors = built.findings("error")
        expected = {
            *((f"content/berita/{name}", line_of(site.content / "berita" / name, "Save_as:"))
              for name in culprits),
            ("content/halaman/w.md", 2),
            ("content/halaman/p.md", 2),
        }  # fmt: skip
        assert {(e.path, e.line) for e in errors} == expected, errors
        for error in errors:
            assert "page not written: its address" in error.message, error
            hint = "remove its Save_as: line" if "berita/" in error.path else "another Slug:"
            assert hint in error.message, error
        assert not [e for e in errors if e.path == "content/berita/biasa.md"]
        assert built.html("berita/2024/11/biasa/").h1.get_text(strip=True) == innocent
        assert "Pilkada" in built.html("tag/pilkada-serentak-2024/").h1.get_text()
        assert "Panwascam" not in built.html("404.html").title.get_text()
        assert built.html("wilayah/").h1.get_text(strip=True) == "Berita per wilayah"
        assert built.html("pejabat/").h1.get_text(strip=True) == "Pejabat"
        assert leaks(built.output, "ZORBLATT") == []


def test_a_url_that_is_not_where_the_page_is_saved_is_left_out(tmp_path):
    """Pelican links a page at its own `URL:` but saves it at its Save_as:
    `URL: Kabupaten Lahat` sent every link to nowhere and put the release's
    social card at the site's top as 'Kabupaten Lahatog.png'. The URL is left
    out with a warning at its line; a URL that matches the page is kept."""
    site = FixtureSite(tmp_path / "site")
    site.article(
        "salah.md",
        article_text(title="Rapat Koordinasi Pengawasan Tahapan", slug="salah"),
    )
    text = (site.content / "berita" / "salah.md").read_text(encoding="utf-8")
    (site.content / "berita" / "salah.md").write_text(
        text.replace("Slug: salah\n", "Slug: salah\nURL: Kabupaten Lahat\n"), encoding="utf-8"
    )
    site.page("benar.md", "Title: Halaman Benar\nSlug: benar\nURL: benar/\n\nIsi.\n")
    site.page("kosong.md", "Title: Halaman Kosong\nSlug: kosong\nSave_as:\n\nIsi.\n")
    built = site.build(**NO_SEARCH)

    warnings = [w for w in built.log_lines("warning") if "URL:" in w]
    line = line_of(site.content / "berita" / "salah.md", "URL:")
    assert len(warnings) == 1 and warnings[0].startswith(f"berita/salah.md:{line}: "), warnings
    assert "'Kabupaten Lahat'" in warnings[0] and "remove the URL: line" in warnings[0]
    assert not [p for p in built.output.iterdir() if "Lahat" in p.name]
    [link] = [a for a in built.html("").find_all("a") if a["href"].endswith("/salah/")]
    page = built.html(link["href"].split("//", 1)[-1].split("/", 1)[-1])
    assert page.find("meta", property="og:image")["content"].endswith("/salah/og.png")
    assert built.html("benar/").h1.get_text(strip=True) == "Halaman Benar"
    # An empty Save_as: would write no page: one error at its own line.
    [error] = [e for e in built.log_lines("error") if e.startswith("halaman/kosong.md")]
    assert error.startswith("halaman/kosong.md:3: output path is not a page (an empty Save_as:")


def test_a_save_as_without_a_url_is_linked_where_it_is_saved(tmp_path):
    """`Save_as: pengumuman/seleksi-panwascam.html` without a `URL:` was written
    there while the home page, the rubrik, the sitemap, the feeds, the canonical
    link and the JSON-LD all pointed at the address its Slug: gives, where only
    its social card was. Its links now lead where it is saved; a `Save_as:`
    into a folder the output keeps but never publishes (`.git/`, of
    OUTPUT_RETENTION) or into the site's own files (`images/varian/`) is
    refused at its line instead of vanishing from the published site."""
    site = FixtureSite(tmp_path / "site")

    def release(name: str, slug: str, save_as: str) -> Path:
        path = site.article(
            name,
            article_text(
                title=f"Pengumuman Seleksi Panwascam {slug.title()}",
                slug=slug,
                date="2024-11-18 09:30",
                category="Pengumuman",
            ),
        )
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(f"Slug: {slug}\n", f"Slug: {slug}\n{save_as}\n"))
        return path

    release("berkas.md", "seleksi", "Save_as: pengumuman/seleksi-panwascam.html")
    release("folder.md", "jadwal", "Save_as: pengumuman/jadwal-seleksi/index.html")
    refused = {
        "git.md": ("Save_as: .git/zq.html", "folder the site never publishes ('.git/'"),
        "varian.md": ("Save_as: images/varian/zq.html", "folder of the site's own files"),
    }
    for name, (line, _) in refused.items():
        release(name, name.removesuffix(".md"), line)
    built = site.build(publish=True, **NO_SEARCH)

    site_url = "https://warta-sumsel.example.org/"
    for save_as, url in [
        ("pengumuman/seleksi-panwascam.html", "pengumuman/seleksi-panwascam.html"),
        ("pengumuman/jadwal-seleksi/index.html", "pengumuman/jadwal-seleksi/"),
    ]:
        page = built.html(save_as)
        assert page.find("link", rel="canonical")["href"] == site_url + url
        [document] = [
            json.loads(script.string)
            for script in page.select('script[type="application/ld+json"]')
            if json.loads(script.string).get("@type") == "NewsArticle"
        ]
        assert site_url + url in json.dumps(document)
        for listing in ("", "rubrik/pengumuman/"):
            hrefs = [a["href"] for a in built.html(listing).find_all("a", href=True)]
            assert site_url + url in hrefs, (listing, url)
        sitemap = etree_root(built.output / "sitemap.xml")
        assert site_url + url in [loc.text for loc in sitemap.iter("{*}loc")]
        feed = etree_root(built.output / "feed.xml")
        assert site_url + url in [link.get("href") for link in feed.iter("{*}link")]
    assert not (built.output / "berita/2024/11/seleksi").exists()
    assert not (built.output / "berita/2024/11/jadwal").exists()

    errors = built.findings("error")
    for name, (line, said) in refused.items():
        number = line_of(site.content / "berita" / name, line)
        [error] = [e for e in errors if e.path == f"content/berita/{name}"]
        assert error.line == number and said in error.message, error
        assert f"'{line}'" in error.message and "remove the Save_as: line" in error.message
    assert len(errors) == len(refused), errors
    assert not (built.output / ".git").exists()
    assert not (built.output / "images/varian/zq.html").exists()


def test_a_slug_that_climbs_out_is_one_error_with_the_slug_to_write(tmp_path):
    """`Slug: ../../../x` was two errors at one line: the output path that
    leaves the site, and the invalid Slug (with the value to write instead)."""
    site = FixtureSite(tmp_path)
    site.article("naik.md", article_text(slug="../../../zz-slug-keluar"))
    expected = [
        (
            "content/berita/naik.md",
            3,
            "invalid Slug: '../../../zz-slug-keluar': this release is not published (use "
            "lowercase letters, digits and hyphens, e.g. 'zz-slug-keluar')",
        )
    ]
    built = site.build(publish=True)
    assert built.returncode == 1, built.log
    said = [(f.path, f.line, f.message) for f in built.findings("error")]
    assert said == expected, built.log
    assert not (tmp_path / "zz-slug-keluar").exists()
    checked = run_check(site)
    assert checked.returncode == 1, checked.stdout
    errors = [line for line in checked.stdout.splitlines() if ": error: " in line]
    assert errors == [f"{path}:{line}: error: {message}" for path, line, message in expected]


def test_an_address_setting_that_climbs_out_is_still_refused_per_article(tmp_path):
    """Containment vouches for a plain article's address without formatting it
    only when the site's address settings are safe themselves: a setting that
    climbs out still gets every article refused, none written outside."""
    site = FixtureSite(tmp_path / "site")
    site.article(
        "biasa.md", article_text(title="Rapat Koordinasi Pengawasan Tahapan", slug="biasa")
    )
    built = site.build(
        ARTICLE_URL="../keluar-setelan/{slug}/",
        ARTICLE_SAVE_AS="../keluar-setelan/{slug}/index.html",
        **NO_SEARCH,
    )

    assert built.returncode == 1, built.log
    [error] = [e for e in built.log_lines("error") if e.startswith("berita/biasa.md")]
    assert "output path leaves the site folder (climbs out with '..'" in error, error
    assert not (tmp_path / "site" / "keluar-setelan").exists()
    assert not list(tmp_path.rglob("keluar-setelan"))


def etree_root(path: Path):
    from lxml import etree

    return etree.parse(str(path)).getroot()


def test_a_template_the_theme_lacks_is_one_error_and_the_page_still_builds(tmp_path):
    """`Template: ../../etc/passwd` once stopped the whole build at the first page
    Pelican could not render, naming no file. Each such content is one error at
    its line, shown with its kind's template; a template the theme has is used.
    The second build (contents from the article cache) says it again."""
    site = FixtureSite(tmp_path / "site")
    bad = {
        "naik.md": ("naik", "Template: ../../../../etc/passwd"),
        "salah-ketik.md": ("salah-ketik", "Template: artikel-khusus"),
        "sebagian.md": ("sebagian", "Template: partials/share"),
        "kosong.md": ("kosong", "Template:"),
    }
    for name, (slug, line) in bad.items():
        site.article(
            name,
            with_front_matter(article_text(title=f"Rapat Templat {slug}", slug=slug), line),
        )
    site.article(
        "benar.md",
        with_front_matter(
            article_text(title="Rapat Templat Benar", slug="benar"), "Template: article"
        ),
    )
    site.page("aneh.md", "Title: Halaman Templat Aneh\nTemplate: ../page\n\nIsi halaman.\n")

    for build in ("cold", "warm"):
        built = site.build(**NO_SEARCH)

        assert built.returncode == 1, (build, built.log)
        assert "Traceback" not in built.log and "build stopped" not in built.log, built.log
        errors = built.log_lines("error")
        assert len(errors) == 5, (build, errors)
        for name, (slug, line) in bad.items():
            number = (site.content / "berita" / name).read_text().splitlines().index(line) + 1
            [error] = [e for e in errors if e.startswith(f"berita/{name}:{number}: ")]
            assert "unknown Template: shown with the 'article' template instead" in error
            assert f"'{line}'" in error and "use one of: " in error and "article, " in error
            page = built.html(f"berita/2024/11/{slug}/")
            assert page.h1.get_text(strip=True) == f"Rapat Templat {slug}"
            assert page.find("article") is not None
        [error] = [e for e in errors if e.startswith("halaman/aneh.md:2: ")]
        assert "unknown Template: shown with the 'page' template instead" in error
        assert built.html("halaman-templat-aneh/").h1.get_text(strip=True) == "Halaman Templat Aneh"
        assert built.html("berita/2024/11/benar/").h1.get_text(strip=True) == "Rapat Templat Benar"


# -- metadata that trails or hides in a photo ------------------------------------------------


def motion_photo() -> bytes:
    """A phone 'motion photo': a clean first picture, then a second JPEG (its
    EXIF with GPS and a marker) appended after the first one's end."""
    return jpeg_bytes((200, 30, 30)) + jpeg_bytes((30, 200, 30), exif=gps_exif("TRAILLEAK-A"))


def real_mpo() -> bytes:
    """An MPO as Pillow writes it: MPF index, two frames, EXIF with GPS in both."""
    buffer = io.BytesIO()
    first = Image.new("RGB", (640, 400), (200, 30, 30))
    second = Image.new("RGB", (640, 400), (30, 30, 200))
    first.save(buffer, "MPO", save_all=True, append_images=[second], exif=gps_exif("MPOLEAK-B"))
    return buffer.getvalue()


def png_with_everything() -> bytes:
    """A PNG with eXIf, tEXt, a private critical chunk and bytes after IEND."""
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), (10, 120, 200)).save(buffer, "PNG", exif=gps_exif("PNGLEAK-C"))
    data = buffer.getvalue()
    end = data.rindex(b"IEND") - 4

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    extra = chunk(b"tEXt", b"Comment\x00PNGLEAK-TEXT") + chunk(b"XaLK", b"PNGLEAK-PRIVATE")
    return data[:end] + extra + data[end:] + jpeg_bytes((1, 2, 3), exif=gps_exif("PNGLEAK-TAIL"))


def webp_with_exif() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), (90, 20, 160)).save(
        buffer, "WEBP", exif=gps_exif("WEBPLEAK-D"), xmp=b"<x:xmpmeta>WEBPLEAK-XMP</x:xmpmeta>"
    )
    return buffer.getvalue()


def gif_with_comment() -> bytes:
    buffer = io.BytesIO()
    Image.new("P", (120, 80), 3).save(buffer, "GIF", comment=b"GIFLEAK-E")
    return buffer.getvalue() + b"GIFLEAK-TAIL"


def png_named_jpg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), (50, 50, 50)).save(buffer, "PNG", exif=gps_exif("RENAMEDLEAK"))
    return buffer.getvalue()


HOSTILE_PHOTOS = {
    # file name: (bytes, magic bytes the published file must start with, Pillow format)
    "gerak.jpg": (motion_photo, b"\xff\xd8\xff", "JPEG"),
    "mpo.jpg": (real_mpo, b"\xff\xd8\xff", "JPEG"),
    "lengkap.png": (png_with_everything, b"\x89PNG\r\n\x1a\n", "PNG"),
    "webp.webp": (webp_with_exif, b"RIFF", "WEBP"),
    "animasi.gif": (gif_with_comment, b"GIF8", "GIF"),
    "ganti-nama.jpg": (png_named_jpg, b"\xff\xd8\xff", "JPEG"),
}
LEAK_MARKERS = ("TRAILLEAK", "MPOLEAK", "PNGLEAK", "WEBPLEAK", "GIFLEAK", "RENAMEDLEAK")


@pytest.mark.parametrize("name", sorted(HOSTILE_PHOTOS))
def test_stripping_drops_whatever_trails_or_hides_and_keeps_the_format(name):
    make, magic, fmt = HOSTILE_PHOTOS[name]
    original = make()
    assert any(m.encode() in original for m in LEAK_MARKERS)  # the attack is real
    clean = strip.strip_metadata(original, Path(name).suffix)
    assert_clean_file(clean, magic, fmt)


def assert_clean_file(data: bytes, magic: bytes, fmt: str) -> None:
    assert data.startswith(magic), data[:12]
    if fmt == "WEBP":
        assert data[8:12] == b"WEBP"
    for marker in (*LEAK_MARKERS, "Exif", "GPS", "xmpmeta", "MPF\x00"):
        assert marker.encode() not in data, marker
    image = Image.open(io.BytesIO(data))
    image.load()
    assert image.format == fmt
    assert getattr(image, "n_frames", 1) == 1
    assert not image.getexif() and not image.getexif().get_ifd(GPS_IFD)
    assert strip.private_metadata(image) == []


def test_published_hostile_photos_carry_nothing_of_their_metadata(site):
    images = site.content / "images" / "2024"
    images.mkdir(parents=True)
    body = ["PALEMBANG – Foto-foto kegiatan."]
    for name, (make, _, _) in HOSTILE_PHOTOS.items():
        (images / name).write_bytes(make())
        body.append(f"![Foto {name}](/images/2024/{name})")
        # also offered as a download: the original itself is published
        body.append(f"[Unduh {name}]({{static}}/images/2024/{name})")
    site.article(
        "foto.md",
        slug="foto-foto",
        image="images/2024/gerak.jpg",
        image_alt="Foto gerak",
        body="\n\n".join(body),
    )
    built = site.build(publish=True, **NO_SEARCH)
    # content_lint warns that the originals carry a location; nothing is an error
    assert built.returncode == 0 and built.log_lines("error") == [], built.log
    for name, (_, magic, fmt) in HOSTILE_PHOTOS.items():
        assert_clean_file((built.output / "images" / "2024" / name).read_bytes(), magic, fmt)
    published_images = [
        p for p in every_output_file(built.output) if p.suffix in (".jpg", ".png", ".webp", ".gif")
    ]
    assert len(published_images) > len(HOSTILE_PHOTOS)  # variants and the card too
    assert leaks(built.output, *LEAK_MARKERS) == []
    for path in published_images:
        assert b"Exif" not in path.read_bytes(), path


# -- decompression bombs ------------------------------------------------------------------


def png_bomb(width: int, height: int) -> bytes:
    """A PNG header claiming `width`×`height` pixels over a few bytes of data."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + chunk(b"IEND", b"")
    )


def test_decompression_bombs_are_one_clean_error_naming_the_file(site, tmp_path):
    images = site.content / "images"
    images.mkdir(parents=True)
    (images / "bom.png").write_bytes(png_bomb(100_000, 100_000))
    big = Image.new("1", (20_000, 10_000), 1)  # 200 megapixels, a few hundred KB
    big.save(images / "besar.png", "PNG")
    (images / "sedang.png").write_bytes(png_bomb(12_000, 10_000))  # Pillow only warns
    site.article("bom.md", slug="bom", title="Artikel Bom", image="images/bom.png", image_alt="Bom")
    site.article(
        "besar.md",
        slug="besar",
        title="Artikel Besar",
        body="PALEMBANG – Isi.\n\n![Foto besar](/images/besar.png)",
    )
    site.article(
        "sedang.md",
        slug="sedang",
        title="Artikel Sedang",
        image="images/sedang.png",
        image_alt="Sedang",
    )
    # Every plugin: images opens them to publish, content_lint for its GPS check.
    built = site.build(publish=True, **NO_SEARCH)

    assert built.returncode == 1, built.log
    for noise in ("Traceback", "build stopped", "DecompressionBomb"):
        assert noise not in built.log, built.log
    errors = built.log_lines("error")
    for article, image in (
        ("bom", "images/bom.png"),
        ("besar", "/images/besar.png"),
        ("sedang", "images/sedang.png"),
    ):
        about = [e for e in errors if e.startswith(f"berita/{article}.md:")]
        assert len(about) == 1, (article, errors)
        assert f"'{image}'" in about[0]
        assert "image source too large" in about[0] and "IMAGES_MAX_SOURCE_PIXELS" in about[0]
        assert "export the photo smaller" in about[0]
    assert len(errors) == 3, errors
    for name in ("bom.png", "besar.png", "sedang.png"):
        assert not (built.output / "images" / name).exists()


# -- a featured image on another site --------------------------------------------------------


def test_a_featured_image_address_on_another_site_is_an_error_and_not_rendered(site):
    site.article(
        "luar.md",
        slug="gambar-luar",
        title="Artikel dengan Gambar Situs Lain",
        image="https://pelacak.example.org/foto.jpg",
        image_alt="Foto",
    )
    site.article(
        "protokol.md",
        slug="protokol-relatif",
        title="Artikel dengan Gambar Tanpa Protokol",
        image="//pelacak.example.org/foto2.jpg",
        image_alt="Foto",
    )
    built = site.build(publish=True, **NO_SEARCH)
    assert built.returncode == 1, built.log
    errors = built.log_lines("error")
    for name, value in (
        ("luar", "https://pelacak.example.org/foto.jpg"),
        ("protokol", "//pelacak.example.org/foto2.jpg"),
    ):
        lines = (site.content / "berita" / f"{name}.md").read_text().splitlines()
        line = next(n for n, text in enumerate(lines, 1) if text.startswith("Image:"))
        about = [e for e in errors if e.startswith(f"berita/{name}.md:{line}: ")]
        assert len(about) == 1, errors
        assert f"'{value}'" in about[0] and "content/images/" in about[0]

    for slug in ("gambar-luar", "protokol-relatif"):
        page = built.html(f"berita/2024/11/{slug}/")
        attributes = [
            value
            for tag in page.find_all(True)
            for value in tag.attrs.values()
            if isinstance(value, str)
        ]
        assert not [v for v in attributes if "pelacak.example.org" in v], slug
        for script in page.find_all("script", type="application/ld+json"):
            data = json.loads(script.string)
            assert "pelacak" not in json.dumps(data), data
    feed = built.json("feed.json")
    assert not [item for item in feed["items"] if "pelacak" in json.dumps(item)]
    assert leaks(built.output, "pelacak.example.org") == []


# -- odd names, special files, and `invoke check`'s temp folder ------------------------------


def test_odd_paths_and_special_files_are_clean_errors_not_hangs_or_tracebacks(site):
    published_site(site.root)
    images = site.content / "images"
    os.mkfifo(images / "pipa.jpg")  # read, it waits for a writer for ever
    (images / "baris\nbaru.jpg").symlink_to("/etc/hostname")
    long_name = "a" * 300 + ".jpg"  # longer than a file name may be
    site.article(
        "aneh.md",
        slug="aneh",
        title="Artikel dengan Jalur Aneh",
        image="images/nul%00.jpg",
        image_alt="Foto",
        # (No article names the pipe: content_lint would open it for its GPS
        # check and wait; see the report of issue 14.)
        body=f"PALEMBANG – Isi.\n\n![Foto panjang](/images/{long_name})\n\n"
        "[Nul]({static}/images/x%00.pdf)",
    )
    built = site.build(publish=True, **NO_SEARCH)
    assert built.returncode == 1, built.log
    assert "Traceback" not in built.log and "build stopped" not in built.log
    errors = built.log_lines("error")
    assert any(e.startswith("images/pipa.jpg: not a regular file") for e in errors), errors
    links = [e for e in errors if "symbolic link refused" in e]
    assert len(links) == 1 and "baris\\x0abaru.jpg" in links[0], errors
    about = [e for e in errors if e.startswith("berita/aneh.md:")]
    assert any("'images/nul%00.jpg'" in e and "NUL" in e for e in about), about
    assert any(long_name[:100] in e for e in about), about  # (a long value is shown cut)
    assert any("{static}/images/x%00.pdf" in e and "NUL" in e for e in about), about
    assert (built.output / "berita/2024/11/aneh/index.html").is_file()
    assert not (built.output / "images" / "pipa.jpg").exists()


def test_invoke_check_writes_nothing_next_to_its_temp_folder(tmp_path):
    """`invoke check` builds into a temp folder: a page climbing out of it once
    landed beside it. With TMPDIR pointed at a folder of our own, nothing may
    appear there (the check removes its own folder when done)."""
    site = published_site(tmp_path / "site")
    site.article(
        "simpan.md",
        with_front_matter(
            article_text(title="Disimpan di Luar", slug="simpan"),
            "Save_as: ../../keluar-check.html",
        ),
    )
    site.page("naik.md", "Title: Halaman Naik\nSlug: ../../keluar-check-slug\n\nIsi.\n")
    temp = tmp_path / "temp"
    temp.mkdir()
    before = snapshot(tmp_path)

    result = run_check(site, TMPDIR=str(temp))

    assert result.returncode == 1, result.stdout + result.stderr
    assert snapshot(tmp_path) == before
    lines = result.stdout.splitlines()
    assert any(
        line.startswith("content/berita/simpan.md:2: error: output path leaves the site folder")
        for line in lines
    ), lines
    assert any(
        line.startswith("content/halaman/naik.md:2: error: output path leaves the site folder")
        for line in lines
    ), lines


def test_image_references_are_contained(tmp_path):
    root = tmp_path / "content"
    (root / "images").mkdir(parents=True)
    (root / "berita").mkdir()
    (root / "images" / "a.jpg").write_bytes(b"x")
    (tmp_path / "luar.jpg").write_bytes(b"x")
    (root / "images" / "tautan.jpg").symlink_to(root / "images" / "a.jpg")
    article_dir = root / "berita"
    for reference in (
        "../../luar.jpg",
        "{static}/../luar.jpg",
        "/../luar.jpg",
        "images/%2e%2e/%2e%2e/luar.jpg",
        "images/tautan.jpg",
        "{static}/images/tautan.jpg",
    ):
        found = referenced_file(reference, root, article_dir)
        assert isinstance(found, paths.Refusal), (reference, found)
    assert (
        referenced_file("../images/a.jpg", root, article_dir)
        == (root / "images" / "a.jpg").resolve()
    )


@pytest.mark.parametrize(
    "options",
    [
        {"progressive": True},
        {"restart_marker_rows": 1},
        {"mode": "CMYK"},
        {"mode": "L", "comment": b"a comment"},
        {"subsampling": 0, "quality": 95},
    ],
    ids=["progressive", "restart-markers", "cmyk-adobe", "greyscale", "no-subsampling"],
)
def test_stripped_jpegs_decode_to_the_same_pixels(options):
    """Stripping walks the JPEG's segments and scans itself: every kind of JPEG
    a camera or an editor writes must come out with its pixels untouched."""
    options = dict(options)
    mode = options.pop("mode", "RGB")
    source = Image.merge(
        "RGB",
        [
            Image.linear_gradient("L").resize((333, 211)),
            Image.linear_gradient("L").rotate(90).resize((333, 211)),
            Image.new("L", (333, 211), 70),
        ],
    ).convert(mode)
    buffer = io.BytesIO()
    source.save(buffer, "JPEG", exif=gps_exif("PIXELLEAK"), **options)
    original = buffer.getvalue() + jpeg_bytes((9, 9, 9), exif=gps_exif("PIXELLEAK-TAIL"))

    clean = strip.strip_metadata(original, ".jpg")

    assert b"PIXELLEAK" not in clean and b"Exif" not in clean
    before, after = Image.open(io.BytesIO(original)), Image.open(io.BytesIO(clean))
    assert after.format == "JPEG" and after.mode == before.mode
    assert after.tobytes() == before.tobytes()


def test_a_photo_leaves_the_public_build_when_its_article_goes_back_to_draft(site):
    """Rebuilt into the same output (the writer keeps unchanged pages there),
    a withdrawn article takes its photo, variants and card with it."""
    marked_photo(site.content / "images" / "2024" / "ditarik.jpg", "WITHDRAWNLEAK")
    source = site.article(
        "tarik.md",
        slug="ditarik",
        title="Rilis yang Kemudian Ditarik",
        image="images/2024/ditarik.jpg",
        image_alt="Foto",
        body="PALEMBANG – Isi.\n\n[Unduh foto]({static}/images/2024/ditarik.jpg)",
    )
    first = site.build(publish=True, **NO_SEARCH)
    assert first.returncode == 0, first.log
    assert (first.output / "images" / "2024" / "ditarik.jpg").is_file()
    source.write_text(source.read_text().replace("Title:", "Status: draft\nTitle:", 1))

    second = site.build(publish=True, **NO_SEARCH)

    assert second.returncode == 0, second.log
    names = [p.relative_to(second.output).as_posix() for p in every_output_file(second.output)]
    assert not [n for n in names if "ditarik" in n], names


def test_a_root_swapped_to_another_folder_is_resolved_again(tmp_path):
    """The real path of a root is remembered only while the root leads to the
    same folder: after the link is pointed elsewhere, containment follows."""
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        (folder / "berita").mkdir(parents=True)
    root = tmp_path / "output"
    root.symlink_to(first)
    assert paths.contained(root, "berita") == first.resolve() / "berita"
    root.unlink()
    root.symlink_to(second)
    assert paths.contained(root, "berita") == second.resolve() / "berita"
    # A path through the old target is outside the new root.
    assert paths.contained(root, first / "berita") is None


def test_a_root_not_made_yet_is_resolved_again_once_it_is_or_its_parent_moves(tmp_path):
    elsewhere = tmp_path / "lain"
    (elsewhere / "build").mkdir(parents=True)
    parent = tmp_path / "site"
    parent.mkdir()
    root = parent / "output"  # not made yet, as before a build's first page
    assert paths.contained(root, "berita/x.html") == parent.resolve() / "output/berita/x.html"
    # Its parent swapped for a link: the missing root now lies under the target.
    parent.rename(tmp_path / "site-lama")
    parent.symlink_to(elsewhere)
    assert paths.contained(root, "x.html") == elsewhere.resolve() / "output/x.html"
    # Made now, as a link out: what it leads to is the root from now on.
    root.symlink_to(elsewhere / "build")
    assert paths.contained(root, "x.html") == (elsewhere / "build").resolve() / "x.html"


def test_an_author_without_letters_is_left_out_with_one_line(site):
    """`Author: 🗳️` made no address: its page took the authors' index
    (penulis/), said by two unplaced lines. One error at the Author: line; the
    release is bylined with the site's author and the index is the index."""
    for name, author in (("kotak.md", "🗳️"), ("kurung.md", "[]")):
        site.article(
            name, article_text(title=f"Rapat Koordinasi {name}", slug=name[:-3], author=author)
        )
    site.page("tag.md", "Title: Halaman Bertag Aneh\nTags: '\nCategory: []\n\nIsi halaman.\n")
    built = site.build(**NO_SEARCH)

    errors = built.log_lines("error")
    suggestion = "(write it in letters, as short as the office's name)"
    assert sorted(errors) == [
        *(
            f"berita/{name}:5: Author has no letter or digit to make its page's address from: "
            f"left out: '{author}' {suggestion}"
            for name, author in (("kotak.md", "🗳️"), ("kurung.md", "[]"))
        ),
        "halaman/tag.md:2: Tags has no letter or digit to make its page's address from: "
        f"left out: ''' {suggestion}",
        "halaman/tag.md:3: Category has no letter or digit to make its page's address from: "
        f"the release is listed under 'Berita': '[]' {suggestion}",
    ], built.log
    assert [f for f in built.findings() if not f.path] == [], built.log
    assert built.html("penulis/").h1.get_text(strip=True) == "Penulis"
    page = built.html("berita/2024/11/kotak/")
    bylines = [a.get_text(strip=True) for a in page.select(".article__meta a[href*='/penulis/']")]
    assert bylines == ["Humas Bawaslu Provinsi Sumatera Selatan"]


def test_a_long_title_without_a_slug_is_written_at_the_supplied_address(site):
    """Without a Slug:, the address is the supplied one (80 characters at most,
    as `invoke new` makes it); containment once checked Pelican's own slug of
    the whole title first and refused a 300-character headline."""
    title = "Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan " * 6
    site.article("judul.md", article_text(title=title.strip(), slug=None))
    built = site.build(**NO_SEARCH)

    assert built.log_lines("error") == [], built.log
    supplied = "bawaslu-kota-palembang-gelar-rapat-koordinasi-pengawasan-bawaslu-kota-palembang"
    assert built.html(f"berita/2024/11/{supplied}/").h1.get_text(strip=True) == title.strip()


def test_a_page_its_template_cannot_render_is_one_error_and_the_rest_is_written(site):
    """`Template: article` on a page: the article template wants an `article`,
    and Jinja's UndefinedError stopped the whole build. The page is not
    written, one error names its file; every other page is."""
    site.page("salah.md", "Title: Halaman Templat Artikel\nTemplate: article\n\nIsi halaman.\n")
    site.page("tentang.md", "Title: Tentang Kami\n\nIsi halaman.\n")
    site.article("biasa.md", article_text(title="Rapat Koordinasi Pengawasan Biasa", slug="biasa"))
    built = site.build(**NO_SEARCH)

    assert built.returncode == 1, built.log
    assert "build stopped" not in built.log and "Traceback" not in built.log
    assert built.log_lines("error") == [
        "halaman/salah.md:2: page not written: its template failed (UndefinedError: 'article' "
        "is undefined): 'Template: article' (remove the Template: line, or ask the web team)"
    ], built.log
    assert not (built.output / "halaman-templat-artikel" / "index.html").exists()
    assert built.html("tentang-kami/").h1.get_text(strip=True) == "Tentang Kami"
    assert built.html("berita/2024/11/biasa/").h1 is not None


def test_filename_links_in_pages_and_out_of_content_are_named_at_their_line(site):
    """A page's `{filename}` link to a missing file, and a release's link to a
    file outside content/, were said only by Pelican, naming no file."""
    site.page(
        "tautan.md", "Title: Halaman Tautan\n\nLihat [ini]({filename}/berita/tidak-ada.md).\n"
    )
    site.article(
        "luar.md",
        article_text(
            title="Rapat Koordinasi Pengawasan Luar",
            slug="luar",
            body="PALEMBANG – Lihat [berkas]({filename}/../README.md).",
        ),
    )
    (site.root / "README.md").write_text("di luar content/\n", encoding="utf-8")
    built = site.build(**NO_SEARCH)

    missing = sorted(
        e for e in built.log_lines("error") if "missing file" in e or "leaves the content" in e
    )
    assert [e.split(" (")[0] for e in missing] == [
        "berita/luar.md:9: link leaves the content folder: '{filename}/../README.md'",
        "halaman/tautan.md:3: link to a missing file: '/berita/tidak-ada.md'",
    ], built.log
    assert [f for f in built.findings() if not f.path] == [], built.log


def test_pelicans_summary_of_many_like_warnings_is_not_an_unplaced_line(site):
    """From the fifth like warning on, Pelican's log limit prints one summary
    ("Other invalid slugs.") that names no file; each case is already one
    error at its file and line."""
    marks = ["!", "?", "#", "%", "&", "*", "+"]
    for number, mark in enumerate(marks):
        site.article(
            f"tanda-{number}.md",
            article_text(
                title=f"Rapat Koordinasi Tanda {number}", slug=f"tanda-{number}", author=mark
            ),
        )
    built = site.build(**NO_SEARCH)

    assert [f for f in built.findings() if not f.path] == [], built.log
    assert len([e for e in built.log_lines("error") if "Author has no letter" in e]) == len(marks)


def test_the_nearest_file_of_many_is_the_one_difflib_finds_among_all():
    """A missing link's suggestion among 10,000 releases scores a shortlist of
    names first and the others only when difflib's bounds allow (difflib over
    every name took two seconds a link): the same name as difflib over all of
    them, for typos, renamed dates, names far from any and a close name
    hidden among decoys; the linking file itself is never suggested."""
    import difflib
    import random

    from warta.paths import NearestFile

    rng = random.Random(16)
    words = ["bawaslu", "kabupaten", "pengawasan", "rapat", "pleno", "kampanye", "lahat"]
    words += ["muara", "enim", "sosialisasi", "partisipatif", "coklit", "tahapan", "pilkada"]
    paths = sorted(
        {
            f"berita/{year}/{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}-"
            + "-".join(rng.sample(words, rng.randint(2, 6)))
            + ".md"
            for year in range(2019, 2025)
            for _ in range(700)
        }
    )
    nearest = NearestFile(paths)
    assert len(nearest.names) > NearestFile.EVERY
    names = [path.rsplit("/", 1)[1] for path in paths]
    targets = [name.replace("-", "_", 1) for name in rng.sample(names, 12)]
    targets += [name[:-6] + name[-5:] for name in rng.sample(names, 12)]  # a letter dropped
    targets += ["foto-rapat.jpg", "zzzz.md", "2024-11-08-rapat.md"]
    for target in targets:
        every = difflib.get_close_matches(target, list(dict.fromkeys(names)), n=1, cutoff=0.75)
        expected = min(p for p in paths if p.endswith("/" + every[0])) if every else None
        assert nearest(target) == expected, target
    own = paths[0]
    assert nearest(own.rsplit("/", 1)[1], but=own) != own
    # A close name sharing few three-letter pieces, among many decoys sharing
    # more: still the one difflib finds.
    decoys = [
        f"berita/laporan-pengawasan-2024-tambahan-{i:03d}-xxxxxxxxxxxx.md" for i in range(300)
    ]
    nearest = NearestFile([*decoys, "berita/lXpoXan-XengXwaXan-2X24.md"])
    assert nearest("laporan-pengawasan-2024.md") == "berita/lXpoXan-XengXwaXan-2X24.md"


def test_an_editors_lock_beside_an_open_release_does_not_stop_the_build(site):
    """Emacs keeps `.#rilis.md` → `user@host.1234:…` (a link to no file) beside
    a release while it is open: the strict build stopped with 'symbolic link
    refused' until the editor was closed. A link of that name to a real file
    is still refused."""
    site.article("rilis.md", slug="rilis", title="Bawaslu Kota Palembang Gelar Rapat Pleno")
    (site.content / "berita" / ".#rilis.md").symlink_to("staf@laptop-humas.4242:1733476800")
    built = site.build(strict=True, **NO_SEARCH)
    assert built.returncode == 0, built.log
    assert built.log_lines("error") == []
    assert (built.output / "berita/2024/11/rilis/index.html").is_file()

    secret = site.root / "rahasia.md"
    secret.write_text("Title: Rahasia\n\nLINKEDLOCK-71c\n", encoding="utf-8")
    (site.content / "berita" / ".#lain.md").symlink_to(secret)
    built = site.build(strict=True, **NO_SEARCH)
    assert built.returncode == 1, built.log
    assert [e.split(": '")[0] for e in built.log_lines("error")] == [
        "berita/.#lain.md: symbolic link refused (not read, not published)"
    ]


def test_a_file_that_cannot_be_cleaned_does_not_let_the_next_one_out_uncleaned(site):
    """A published photo that cannot be cleaned is taken out of the output
    and out of its folder's listing, which was being walked: the file after
    it in the folder was skipped, and published with its GPS location."""
    folder = site.content / "images" / "2024"
    links = []
    for number in range(6):
        marked_photo(folder / f"unduh-{number}.jpg", f"NEXTLEAK{number}", width=320, height=200)
        (folder / f"rusak-{number}.jpg").write_bytes(b"bukan foto")
        links += [f"[foto {number}]({{static}}/images/2024/unduh-{number}.jpg)"]
        links += [f"[rusak {number}]({{static}}/images/2024/rusak-{number}.jpg)"]
    site.article("unduh.md", slug="unduh", body="PALEMBANG – Foto.\n\n" + "\n\n".join(links))
    built = site.build(publish=True, **NO_SEARCH)
    errors = [f.path for f in built.findings("error")]
    assert sorted(errors) == [f"content/images/2024/rusak-{n}.jpg" for n in range(6)], built.log
    published = sorted(p.name for p in (built.output / "images" / "2024").iterdir())
    assert published == [f"unduh-{n}.jpg" for n in range(6)]
    assert leaks(built.output, "NEXTLEAK") == []
