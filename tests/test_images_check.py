"""`invoke check` (WARTA_CHECK_ONLY) and the images plugin: the same image
findings as a build, and not one variant encoded, card drawn or file written."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image
from test_images_build import phone_photo

from conftest import FixtureSite, findings_in, run_check


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def bomb_png(path: Path, side: int = 60_000) -> Path:
    """A few bytes claiming side × side pixels (a decompression bomb)."""
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + png_chunk(b"IEND", b"")
    )
    return path


def troubled_site(site: FixtureSite) -> FixtureSite:
    """One site with most of what can be wrong with a release's photos."""
    images = site.content / "images"
    phone_photo(images / "tanpa-alt.jpg", 900, 600)
    phone_photo(images / "baik.jpg", 1600, 1000)  # fine, but its original has GPS
    phone_photo(images / "badan.jpg", 700, 500)
    # 42 megapixels: over IMAGES_MAX_SOURCE_PIXELS (40), though small on disk
    Image.new("L", (7000, 6000), 128).save(images / "raksasa.png")
    bomb_png(images / "bom.png")
    whole = phone_photo(images / "utuh.jpg", 1200, 800).read_bytes()
    (images / "terpotong.jpg").write_bytes(whole[: len(whole) // 2])  # header fine, data cut
    (images / "rusak.png").write_bytes(b"\x89PNG\r\n\x1a\nbukan gambar")  # linked, not shown
    (images / "tautan.jpg").symlink_to(images / "badan.jpg")
    site.article("a.md", slug="tanpa-alt", title="Artikel A", image="images/tanpa-alt.jpg")
    site.article(
        "b.md",
        slug="badan",
        title="Artikel B",
        image="images/baik.jpg",
        image_alt="Rapat pengawasan",
        body="""
            PALEMBANG – Bawaslu menggelar rapat.

            ![](/images/badan.jpg)

            ![Foto yang hilang](/images/hilang.jpg)

            ![Foto lewat tautan](/images/tautan.jpg)

            Unduh [lampiran](/images/rusak.png).
            """,
    )
    site.article(
        "c.md",
        slug="raksasa",
        title="Artikel C",
        image="images/raksasa.png",
        image_alt="Foto besar",
    )
    site.article("d.md", slug="bom", title="Artikel D", image="images/bom.png", image_alt="Bom")
    site.article(
        "e.md",
        slug="potong",
        title="Artikel E",
        image="images/terpotong.jpg",
        image_alt="Foto terpotong",
    )
    site.article(
        "f.md", slug="luar", title="Artikel F", image="../../rahasia.jpg", image_alt="Di luar"
    )
    site.article(
        "g.md",
        slug="asing",
        title="Artikel G",
        image="https://example.org/foto.jpg",
        image_alt="Foto asing",
    )
    site.article(
        "h.md",
        slug="asing-badan",
        title="Artikel H",
        body="PALEMBANG – Rapat.\n\n![Peserta rapat](https://example.org/rapat.jpg)\n",
    )
    return site


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    site = troubled_site(FixtureSite(tmp_path_factory.mktemp("troubled")))
    built = site.build()
    checked = run_check(site)
    return site, built, checked


IMAGE_FINDINGS = {
    # article (under content/berita/) → what its finding says
    "a.md": "image without alt text",
    "b.md": "image file not found",
    "c.md": "image source too large",
    "d.md": "decompression bomb",
    "e.md": "image cannot be read",
    "f.md": "image outside the content folder",
    "g.md": "featured image is an address on another site",
    "h.md": "image on another site, shown as a link",
}


def test_check_reports_the_same_image_findings_as_the_build(both):
    _, built, checked = both
    assert built.returncode == 1 and checked.returncode == 1, checked.stdout + checked.stderr
    assert "Traceback" not in built.log + checked.stdout + checked.stderr

    from_build = {(f.path, f.line, f.level, f.message) for f in built.findings()}
    from_check = {(f.path, f.line, f.level, f.message) for f in findings_in(checked.stdout)}
    assert from_check == from_build, (
        f"only in check: {sorted(from_check - from_build)}\n"
        f"only in build: {sorted(from_build - from_check)}"
    )

    messages = [f"{path}:{line}: {level}: {rest}" for path, line, level, rest in from_check]
    for article, what in IMAGE_FINDINGS.items():
        assert any(m.startswith(f"content/berita/{article}:") and what in m for m in messages), (
            article,
            messages,
        )
    expected_elsewhere = [
        ("content/berita/b.md:", "image without alt text"),
        ("content/berita/b.md:", "symbolic link"),
        ("content/images/rusak.png", "cannot be cleaned of metadata"),
        ("content/berita/b.md:", "GPS"),
    ]
    for where, what in expected_elsewhere:
        assert any(m.startswith(where) and what in m for m in messages), (where, what, messages)


def test_check_only_build_encodes_draws_and_caches_no_image(tmp_path):
    """The build `invoke check` runs, into folders we can look at afterwards."""
    site = FixtureSite(tmp_path)
    phone_photo(site.content / "images" / "rapat.jpg", 1600, 1000)
    site.article(
        "rapat.md",
        slug="rapat",
        image="images/rapat.jpg",
        image_alt="Peserta rapat",
        body="PALEMBANG – Rapat.\n\n![Peserta menyimak](/images/rapat.jpg)",
    )
    cache = tmp_path / "cache"
    built = site.build(WARTA_CHECK_ONLY=True, SEARCH_ENABLED=False, CACHE_PATH=str(cache))
    assert built.returncode == 0, built.log

    made = [p for p in built.output.rglob("*") if p.suffix in (".webp", ".png") or "og." in p.name]
    assert made == [], made  # no variant, no card
    assert not (cache / "images").exists(), "the check wrote into the image cache"
    # Pelican's static copy of the original is left as it is: nothing stripped or
    # rewritten in its place (the check's folder is thrown away).
    copied = built.output / "images" / "rapat.jpg"
    if copied.exists():
        assert copied.read_bytes() == (site.content / "images" / "rapat.jpg").read_bytes()
