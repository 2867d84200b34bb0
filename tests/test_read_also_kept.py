"""read_also's rewrites kept between builds (plugins/read_also/kept.py): a warm
build sets from the cache what a clean build makes, file for file and finding
for finding, after any change a rewrite reads; each part of the key has a test
that a change of that part alone is followed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import assert_same_tree, newsroom, run_build

TARGET = "Bawaslu Kabupaten Lahat Awasi Kampanye Rapat Umum"
KEPT = re.compile(r"read_also: (\d+) releases' BACA JUGA lines read, (\d+) from the cache")


def build(site, output: Path, cache: Path):
    return run_build(
        site.content,
        output,
        cache=cache,
        verbose=True,
        overrides={"SEARCH_ENABLED": False},
    )


def said(built) -> list[tuple]:
    """The build's findings, the lines that name a source (paths as printed)."""
    return sorted((f.path, f.line, f.level, f.message) for f in built.findings())


def warm_equals_clean(site, tmp_path: Path, step: str) -> tuple[int, int]:
    """A warm build (the site's own output and cache) against a clean one of
    the same content: the same exit code, findings and files. (read, kept)."""
    warm = build(site, site.output, site.root / "cache")
    clean_root = tmp_path / f"clean-{step}"
    shutil.rmtree(clean_root, ignore_errors=True)
    clean = build(site, clean_root / "output", clean_root / "cache")
    assert warm.returncode == clean.returncode, (step, warm.log, clean.log)
    assert said(warm) == said(clean), step
    assert_same_tree(site.output, clean_root / "output")
    counts = KEPT.search(warm.log)
    assert counts, warm.log
    return int(counts[1]), int(counts[2])


def target(site, **fields):
    fields = {"title": TARGET, "slug": "lahat-kampanye", "date": "2024-11-16 09:00", **fields}
    return site.article("2024/lahat.md", tags="", **fields)


def mentioning(site, name: str, *lines: str):
    body = "PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi.\n\n"
    body += "".join(f"{line}\n\n" for line in lines) + "Rapat diikuti seluruh jajaran."
    return site.article(f"2024/{name}.md", slug=name, tags="", body=body)


def cold(site) -> None:
    built = build(site, site.output, site.root / "cache")
    assert KEPT.search(built.log), built.log


def test_a_body_edited_is_read_again_and_the_others_kept(site, tmp_path):
    """The body: a "Baca juga" line added to a release and then removed; the
    other releases' lines come from the cache."""
    newsroom(site)
    target(site)
    mentioning(site, "satu", "BACA JUGA: [Lahat]({filename}lahat.md)")
    edited = mentioning(site, "dua", "Baca juga: " + TARGET)
    cold(site)
    assert warm_equals_clean(site, tmp_path, "unchanged") == (0, 2)
    text = edited.read_text(encoding="utf-8")
    edited.write_text(
        text.replace("Rapat diikuti", "BACA JUGA: [Lagi]({filename}satu.md)\n\nRapat diikuti"),
        encoding="utf-8",
    )
    assert warm_equals_clean(site, tmp_path, "added") == (1, 1)
    page = BeautifulSoup(
        (site.output / "berita/2024/11/dua/index.html").read_text(encoding="utf-8"), "lxml"
    )
    assert len(page.select(".article__body p.read-also")) == 2
    edited.write_text(text.replace("Baca juga: " + TARGET + "\n\n", ""), encoding="utf-8")
    read, kept = warm_equals_clean(site, tmp_path, "removed")
    assert (read, kept) == (0, 1)  # "dua" mentions no line any more


def test_a_retitled_release_is_looked_up_again(site, tmp_path):
    """The published articles' headlines: a line naming the target by its
    headline no longer finds it once retitled (a warning), and finds it
    again under the new one."""
    target(site)
    mentioning(site, "satu", "Baca juga: " + TARGET)
    cold(site)
    target(site, title="Bawaslu Lahat Tertibkan Alat Peraga Kampanye")
    assert warm_equals_clean(site, tmp_path, "retitled") == (1, 0)
    mentioning(site, "satu", "Baca juga: Bawaslu Lahat Tertibkan Alat Peraga Kampanye")
    assert warm_equals_clean(site, tmp_path, "line follows") == (1, 0)


def test_a_release_made_a_draft_is_no_link_any_more(site, tmp_path):
    """The published and unpublished lists: the target drafted, then a
    draft's headline changed (no published article changes)."""
    target(site)
    mentioning(site, "satu", "BACA JUGA: [Lahat]({filename}lahat.md)")
    site.article(
        "2024/rahasia.md", title="Rilis Rahasia Bawaslu", slug="rahasia", tags="", status="draft"
    )
    mentioning(site, "dua", "BACA JUGA: Rilis Rahasia Bawaslu")
    cold(site)
    target(site, status="draft")
    assert warm_equals_clean(site, tmp_path, "drafted") == (2, 0)
    site.article(
        "2024/rahasia.md", title="Rilis Lain Bawaslu", slug="rahasia", tags="", status="draft"
    )
    assert warm_equals_clean(site, tmp_path, "draft retitled") == (2, 0)


def test_an_address_named_follows_the_targets_new_address(site, tmp_path):
    """The addresses, read only when a line names one: the target's slug
    changed (its headline and source path kept) moves it from under the
    line's address; a release whose lines name no address is kept."""
    target(site)
    mentioning(site, "satu", "Baca juga: [Lahat](/berita/2024/11/lahat-kampanye/)")
    mentioning(site, "dua", "BACA JUGA: [Lahat]({filename}lahat.md)")
    cold(site)
    target(site, slug="lahat-apk")
    assert warm_equals_clean(site, tmp_path, "new slug") == (1, 1)


def test_a_linked_file_that_appears_or_goes_is_looked_at_again(site, tmp_path):
    """content/'s answers about files: a `{filename}` line to a file that is
    no article (a page) is a warning while the file is there, an error when
    it is gone; no article changes."""
    target(site)
    site.page("kontak.md", "Title: Kontak\nSlug: kontak\n\nHubungi kami.\n")
    mentioning(site, "satu", "BACA JUGA: [Kontak]({filename}/halaman/kontak.md)")
    cold(site)
    (site.content / "halaman/kontak.md").unlink()
    assert warm_equals_clean(site, tmp_path, "page gone") == (1, 0)
    site.page("kontak.md", "Title: Kontak\nSlug: kontak\n\nHubungi kami.\n")
    assert warm_equals_clean(site, tmp_path, "page back") == (1, 0)


def test_an_unreadable_cache_is_started_afresh(site, tmp_path):
    target(site)
    mentioning(site, "satu", "BACA JUGA: [Lahat]({filename}lahat.md)")
    cold(site)
    kept = site.root / "cache" / "read_also" / "rewrites.cache"
    assert kept.is_file()
    kept.write_bytes(b"not a pickle")
    assert warm_equals_clean(site, tmp_path, "unreadable") == (1, 0)
