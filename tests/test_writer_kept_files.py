"""Files a plugin publishes itself and declares kept (`warta.paths.keep_output`):
the images plugin's social cards and photo variants.

A warm build used to delete all of them at its start (the writer's clean-up
kept only its own pages) and link them back at `finalized`: 10,000 cards
deleted and linked again, about a second of every one-edit build. They now
stay where the last build left them. The risk is a leak: a card or variant
the site no longer publishes (a release made a draft or deleted, a photo
replaced or removed, a draft's card of the development build before a public
build) left in the output. Each test changes one thing after a first build
and compares the output with a clean build of the same content, file for file.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from PIL import Image

from conftest import REPO, article_text, assert_same_tree, run_build

NO_SEARCH = {"SEARCH_ENABLED": False}
CARD = "berita/2024/10/{slug}/og.png"


def photo(path: Path, width: int, height: int, shade: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (width, height), (shade, 90, 160)).save(path, "JPEG")
    return path


def two_releases(site) -> dict[str, Path]:
    """Two releases, the second with a featured photo (variants and a card each)."""
    photo(site.content / "images/2024/rapat.jpg", 1300, 800, 40)
    return {
        "rapat": site.article(
            "rapat.md",
            article_text(
                title="Bawaslu Kota Palembang Gelar Rapat Pengawasan Tahapan",
                date="2024-10-11 09:00",
                slug="rapat",
            ),
        ),
        "foto": site.article(
            "foto.md",
            article_text(
                title="Bawaslu Kabupaten Lahat Rapat Bersama Pengawas Kelurahan",
                date="2024-10-12 09:00",
                slug="foto",
                image="images/2024/rapat.jpg",
                image_alt="Peserta rapat duduk mengelilingi meja",
            ),
        ),
    }


def build(site, *, publish: bool = False, **overrides):
    built = site.build(publish=publish, **{**NO_SEARCH, **overrides})
    assert built.returncode == 0, built.log
    return built


def clean(site, tmp_path: Path, *, publish: bool = False, **overrides):
    """The same content built from scratch into a folder of its own."""
    settings = REPO / ("publishconf.py" if publish else "pelicanconf.py")
    built = run_build(
        site.content,
        tmp_path / "clean" / "output",
        cache=tmp_path / "clean" / "cache",
        settings_file=settings,
        overrides={**NO_SEARCH, **overrides},
    )
    assert built.returncode == 0, built.log
    return built


def variants(output: Path) -> set[str]:
    folder = output / "images" / "varian"
    return {path.name for path in folder.iterdir()} if folder.is_dir() else set()


def test_a_kept_card_is_left_in_place_not_deleted_and_linked_again(site, tmp_path):
    """An unchanged release's card and photo variants are not touched by a
    warm build: unlinking a file and linking it again changes its inode's
    change time (the link count), which stays as the first build left it."""
    two_releases(site)
    build(site)
    card = site.output / CARD.format(slug="rapat")
    variant = next((site.output / "images" / "varian").iterdir())
    before = {path: path.stat().st_ctime_ns for path in (card, variant)}

    build(site)
    assert {path: path.stat().st_ctime_ns for path in (card, variant)} == before
    # The writer's record of them, for the next build's clean start.
    manifest = site.output.parent / "cache" / "writer" / "manifest.json"
    assert CARD.format(slug="rapat") in json.loads(manifest.read_text(encoding="utf-8"))["kept"]
    assert_same_tree(site.output, clean(site, tmp_path).output)


def test_a_release_made_a_draft_takes_its_card_and_variants_out(site, tmp_path):
    files = two_releases(site)
    first = build(site, publish=True)
    assert CARD.format(slug="foto") in first.files()
    assert variants(site.output)

    text = files["foto"].read_text(encoding="utf-8")
    files["foto"].write_text(text.replace("Summary:", "Status: draft\nSummary:", 1), "utf-8")
    second = build(site, publish=True)
    assert CARD.format(slug="foto") not in second.files()
    assert variants(site.output) == set()
    assert_same_tree(site.output, clean(site, tmp_path, publish=True).output)


def test_a_deleted_release_takes_its_card_and_variants_out(site, tmp_path):
    files = two_releases(site)
    build(site)
    files["foto"].unlink()
    second = build(site)
    assert CARD.format(slug="foto") not in second.files()
    assert not (site.output / "berita/2024/10/foto").exists()
    assert variants(site.output) == set()
    assert_same_tree(site.output, clean(site, tmp_path).output)


def test_a_replaced_photo_takes_the_old_variants_out(site, tmp_path):
    two_releases(site)
    first = build(site)
    old = variants(first.output)
    card = (site.output / CARD.format(slug="foto")).read_bytes()

    photo(site.content / "images/2024/rapat.jpg", 900, 700, 200)  # same name, other photo
    second = build(site)
    new = variants(second.output)
    assert new and not old & new
    assert (site.output / CARD.format(slug="foto")).read_bytes() == card  # no photo on cards
    assert_same_tree(site.output, clean(site, tmp_path).output)


def test_a_settled_photo_replaced_with_its_time_kept_takes_the_old_variants_out(site, tmp_path):
    """The images cache knows a photo untouched for a while by its stat, not
    read again; another photo of the same size written over it, its
    modification time set back (a copy that keeps times), is read again."""
    two_releases(site)
    source = site.content / "images/2024/rapat.jpg"
    earlier = time.time_ns() - 3_000_000_000
    os.utime(source, ns=(earlier, earlier))
    time.sleep(2.2)  # (its status change time too is two seconds old, "settled")
    first = build(site)
    old = variants(first.output)
    before = os.stat(source)
    other = source.with_name("lain.jpg")
    photo(other, 1300, 800, 200)
    data = other.read_bytes()
    other.unlink()
    data += b"\0" * (before.st_size - len(data))
    assert len(data) == before.st_size
    with open(source, "r+b") as handle:
        handle.write(data)
    os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns))
    second = build(site)
    new = variants(second.output)
    assert new and not old & new
    assert_same_tree(site.output, clean(site, tmp_path).output)


def test_a_removed_photo_takes_its_variants_out(site, tmp_path):
    files = two_releases(site)
    first = build(site)
    assert variants(first.output)

    text = files["foto"].read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("Image")]
    files["foto"].write_text("\n".join(lines) + "\n", encoding="utf-8")
    second = build(site)
    assert variants(second.output) == set()
    assert CARD.format(slug="foto") in second.files()
    assert_same_tree(site.output, clean(site, tmp_path).output)


def test_a_public_build_after_the_development_build_has_no_draft_card(site, tmp_path):
    """The development build previews drafts at /draf/, with their cards and
    photos; the public build into the same output must not keep them."""
    two_releases(site)
    photo(site.content / "images/2024/draf.jpg", 1000, 700, 120)
    site.article(
        "draf.md",
        article_text(
            title="Bawaslu Kabupaten Muara Enim Siapkan Pengawasan Masa Tenang",
            date="2024-10-13 09:00",
            slug="draf",
            status="draft",
            image="images/2024/draf.jpg",
            image_alt="Petugas memasang spanduk",
        ),
    )
    development = build(site)
    draft_files = [name for name in development.files() if name.startswith("draf/")]
    assert any(name.endswith("og.png") for name in draft_files), draft_files
    dev_variants = variants(site.output)

    public = build(site, publish=True)
    assert not [name for name in public.files() if name.startswith("draf/")]
    assert len(variants(site.output)) < len(dev_variants)
    assert_same_tree(site.output, clean(site, tmp_path, publish=True).output)


def test_cards_go_when_the_images_plugin_is_turned_off(site, tmp_path):
    """A plugin that no longer runs declares nothing: what it kept goes."""
    two_releases(site)
    build(site)
    second = build(site, IMAGES_ENABLED=False)
    assert not [name for name in second.files() if name.endswith("og.png")]
    assert variants(site.output) == set()
    assert_same_tree(site.output, clean(site, tmp_path, IMAGES_ENABLED=False).output)


def test_a_file_put_at_a_kept_card_is_replaced_by_the_card(site, tmp_path):
    """The writer only leaves a kept file in place; the images plugin checks
    it is the card it publishes (a hand's copy over it is replaced)."""
    two_releases(site)
    build(site)
    card = site.output / CARD.format(slug="rapat")
    os.unlink(card)
    card.write_bytes(b"not a card")
    build(site)
    assert_same_tree(site.output, clean(site, tmp_path).output)
