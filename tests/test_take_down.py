"""A release with a take-down date (`Kedaluwarsa:`, Hugo's `expiryDate:` …)
is on the site until that time and off it from then, as a release with a
future `Date:` is off it until then: the hourly build takes it down, cold or
warm, its page, listings, feeds, sitemap, search, tag and region pages and
the links to it as for any unpublished release."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from bs4 import BeautifulSoup
from PIL import Image
from test_leaks_comments import leaked

from conftest import REPO, article_text, assert_same_tree, line_of, newsroom, run_build

BEFORE = "2024-11-20T09:00:00+07:00"
AFTER = "2024-11-20T10:00:00+07:00"  # the take-down time itself: down
PAGE = "berita/2024/11/mkxselesai/index.html"


def expiring(site, line: str):
    newsroom(site)
    folder = site.content / "images" / "2024"
    folder.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (1200, 800), (40, 90, 140)).save(folder / "mkxselesai-foto.jpg", "JPEG")
    text = article_text(
        slug="mkxselesai",
        title="Pengumuman Seleksi Mkxselesai Panwaslu Kecamatan",
        body="PALEMBANG – Bawaslu Kota Palembang mengumumkan seleksi mkxselesai.\n\n"
        "![Seleksi]({static}/images/2024/mkxselesai-foto.jpg)",
        image="{static}/images/2024/mkxselesai-foto.jpg",
        image_alt="Peserta seleksi di aula",
    )
    path = site.article("selesai.md", text.replace("\n\n", f"\n{line}\n\n", 1))
    site.article(
        "tautan.md",
        slug="tautan",
        title="Bawaslu Kota Palembang Buka Pendaftaran Pengawas Kelurahan",
        body="PALEMBANG – Pendaftaran dibuka.\n\nLihat [pengumuman]({filename}selesai.md).",
    )
    return path


def named(output) -> list[str]:
    """The output files named after the release (its photo, its variants, its card)."""
    return sorted(p.relative_to(output).as_posix() for p in output.rglob("*mkxselesai*"))


def said_of(built, name: str) -> list[tuple]:
    return [
        (f.line, f.level, f.message)
        for f in built.findings()
        if f.path.endswith(name) and "supplied" not in f.message
    ]


def linked_from(built) -> list[str]:
    soup = BeautifulSoup(
        (built.output / "berita/2024/11/tautan/index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    return [a["href"] for a in soup.select("article a[href]") if "mkxselesai" in a["href"]]


@pytest.mark.parametrize(
    ("line", "shown", "advice"),
    [
        (
            "Kedaluwarsa: 20 November 2024 pukul 10.00",
            " ('Kedaluwarsa: 20 November 2024 pukul 10.00')",
            None,
        ),
        (
            "expiryDate: 2024-11-20T03:00:00Z",
            " ('expiryDate: 2024-11-20T03:00:00Z')",
            "write it as 'Kedaluwarsa: 2024-11-20 10:00', the key the site reads",
        ),
        (
            "Tayang-Hingga: 2024-11-20 10:00",
            " ('Tayang-Hingga: 2024-11-20 10:00')",
            "write it as 'Kedaluwarsa: 2024-11-20 10:00', the key the site reads",
        ),
    ],
)
def test_a_release_is_up_until_its_take_down_date_and_down_from_then(site, line, shown, advice):
    path = expiring(site, line)
    before = site.build(publish=True, SEARCH_ENABLED=False, CONTENT_LINT_NOW=BEFORE)
    assert before.returncode == 0, before.log
    assert (before.output / PAGE).is_file()
    shown_in = {name.split(": ")[0] for name in leaked(before.output, "mkxselesai")}
    assert {"index.html", "sitemap.xml", PAGE} <= shown_in, shown_in
    assert any(name.startswith("images/") for name in named(before.output)), named(before.output)
    assert linked_from(before) != []
    assert said_of(before, "selesai.md") == [
        (
            line_of(path, line),
            "suggestion",
            f"comes down at 2024-11-20 10:00 WIB{shown}: on the site until then ("
            + (advice or "the hourly build takes it off the site then; to keep it, delete the line")
            + ")",
        )
    ]

    after = site.build(publish=True, SEARCH_ENABLED=False, CONTENT_LINT_NOW=AFTER)
    assert after.returncode == 0, after.log
    assert leaked(after.output, "mkxselesai") == []
    assert named(after.output) == []
    assert linked_from(after) == []
    assert said_of(after, "selesai.md") == [
        (
            line_of(path, line),
            "suggestion",
            f"taken down at 2024-11-20 10:00 WIB{shown}: not on the site since then ("
            + (advice or "to publish it again, write a later date or delete the line")
            + ")",
        )
    ]
    # The link to it: the finding of a link to any unpublished release.
    linking = [f.message for f in after.findings() if f.path.endswith("tautan.md")]
    assert len(linking) == 1 and "selesai.md" in linking[0], linking


def test_a_bare_unpublish_date_is_when_the_release_comes_down(site):
    """`Unpublish: 2024-11-20` (after the Date:) was read as an embargo, with
    the inverted advice to write that day as the Date: it is the day the
    release comes down, read as `Kedaluwarsa:` (`unpublished: true` stays a
    draft flag)."""
    path = expiring(site, "Unpublish: 2024-11-20")
    built = site.build(publish=True, SEARCH_ENABLED=False, CONTENT_LINT_NOW=AFTER)
    assert built.returncode == 0, built.log
    assert leaked(built.output, "mkxselesai") == []
    assert said_of(built, "selesai.md") == [
        (
            line_of(path, "Unpublish: 2024-11-20"),
            "suggestion",
            "taken down at 2024-11-20 00:00 WIB ('Unpublish: 2024-11-20'): not on the site "
            "since then (write it as 'Kedaluwarsa: 2024-11-20 00:00', the key the site reads)",
        )
    ]


WIB = dt.timezone(dt.timedelta(hours=7))


def test_a_warm_build_after_the_take_down_time_equals_a_clean_one(site, tmp_path):
    """The clock passes the take-down time between two builds (the real clock,
    as it lifts an embargo: the hourly build is a warm one): the warm build
    after it writes, file for file, what a clean build then writes, and the
    release is in no file of it; the other releases come from the cache."""
    path = expiring(site, "Kedaluwarsa: 2099-01-01 00:00")
    settings = {"SEARCH_ENABLED": True}
    cold = site.build(publish=True, verbose=True, **settings)
    # The take-down time set close: a warm build before it, one after it.
    moment = (dt.datetime.now(WIB) + dt.timedelta(seconds=45)).replace(microsecond=0)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("Kedaluwarsa: 2099-01-01 00:00", f"Kedaluwarsa: {moment:%Y-%m-%d %H:%M:%S}"),
        encoding="utf-8",
    )
    warm = site.build(publish=True, verbose=True, **settings)
    assert cold.returncode == warm.returncode == 0, warm.log
    assert dt.datetime.now(WIB) < moment, "the build before the moment took too long"
    assert (warm.output / PAGE).is_file()

    time.sleep(max(0.0, (moment - dt.datetime.now(WIB)).total_seconds()) + 1)
    after = site.build(publish=True, verbose=True, **settings)
    assert after.returncode == 0, after.log
    assert "article_cache: ArticlesGenerator: 0 from the cache" not in after.log
    assert leaked(after.output, "mkxselesai") == []
    assert named(after.output) == []
    clean = run_build(
        site.content,
        tmp_path / "clean" / "output",
        settings_file=REPO / "publishconf.py",
        overrides=settings,
    )
    assert clean.returncode == 0, clean.log
    assert_same_tree(after.output, clean.output)


def test_of_two_take_down_dates_the_earliest_is_read_and_the_other_is_said(site):
    """`Kedaluwarsa:` written again, or an old `expiryDate:` left below it: the
    build read the first (the release stayed up after the second's date), and
    content_lint called `expiryDate:` a key nothing reads; the earliest is
    read, the safe side, and the other is a warning at its line."""
    lines = "Kedaluwarsa: 2024-12-01 10:00\nexpiryDate: 2024-11-20 10:00"
    path = expiring(site, lines)
    built = site.build(publish=True, SEARCH_ENABLED=False, CONTENT_LINT_NOW=AFTER)
    assert built.returncode == 0, built.log
    assert leaked(built.output, "mkxselesai") == []
    assert linked_from(built) == []
    later, earlier = line_of(path, "Kedaluwarsa:"), line_of(path, "expiryDate:")
    assert said_of(built, "selesai.md") == [
        (
            later,
            "warning",
            "another take-down date 'Kedaluwarsa: 2024-12-01 10:00': the earliest, "
            f"'expiryDate: 2024-11-20 10:00' (line {earlier}), is the one read: the release "
            "comes down at 2024-11-20 10:00 WIB (keep one line, 'Kedaluwarsa: "
            "YYYY-MM-DD HH:MM' (WIB), and delete the others)",
        ),
        (
            earlier,
            "suggestion",
            "taken down at 2024-11-20 10:00 WIB ('expiryDate: 2024-11-20 10:00'): not on the "
            "site since then (write it as 'Kedaluwarsa: 2024-11-20 10:00', the key the site "
            "reads)",
        ),
    ]


def test_a_take_down_date_below_the_front_matter_holds_the_release_back(site):
    """`Kedaluwarsa:` after the blank line that ends the front matter is the
    release's text: the build read no take-down date, so the release stayed
    up past it with the line shown, and nothing said so. Like an `Embargo:`
    there, it holds the release back, said at its line."""
    path = expiring(site, "")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n\n", "\n\nKedaluwarsa: 2024-11-20 10:00\n\n", 1), "utf-8")
    built = site.build(publish=True, SEARCH_ENABLED=False, CONTENT_LINT_NOW=BEFORE)
    assert built.returncode == 0, built.log
    assert leaked(built.output, "mkxselesai") == []
    assert linked_from(built) == []
    assert said_of(built, "selesai.md") == [
        (
            line_of(path, "Kedaluwarsa:"),
            "warning",
            "the take-down line 'Kedaluwarsa: 2024-11-20 10:00' is below the front matter, "
            "in the release's text, where no date takes it down, so it is read as "
            "Status: draft: this release is not published (to take it down at that time, "
            "move the Kedaluwarsa: line up into the front matter (above the first blank "
            "line) as 'Kedaluwarsa: YYYY-MM-DD HH:MM' (WIB); to publish it for good, delete "
            "the line)",
        )
    ]
