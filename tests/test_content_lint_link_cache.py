"""content_lint's link and photo findings kept between builds
(`plugins/content_lint/link_findings.py`): a warm build says what a clean
build says after each kind of change, and each part of the key is needed
(each test below goes stale when its part is left out of the key)."""

from __future__ import annotations

import re

from conftest import build_with_outside_plugin, run_build

NOW = "2026-11-20T12:00:00+07:00"
SETTINGS = {"CONTENT_LINT_NOW": NOW, "SEARCH_ENABLED": False, "STATIC_PATHS": ["images"]}
KEPT = re.compile(r"content_lint: (\d+) releases' links and photos checked, (\d+) from the cache")
GPS = {1: "S", 2: (2.0, 59.0, 0.0), 3: "E", 4: (104.0, 45.0, 0.0)}


def said(built) -> list:
    """The build's findings in order, and whether it failed."""
    return [built.returncode, *((f.path, f.line, f.level, f.message) for f in built.findings())]


def kept(built) -> tuple[int, int]:
    """(checked, from the cache) of the build's link and photo checks."""
    found = KEPT.search(built.log)
    assert found, built.log
    return int(found[1]), int(found[2])


def clean(site, tmp_path, name: str, **overrides):
    folder = tmp_path / name
    return run_build(
        site.content,
        folder / "output",
        cache=folder / "cache",
        overrides={**SETTINGS, **overrides},
        verbose=True,
    )


def warm(site, **overrides):
    return site.build(verbose=True, **{**SETTINGS, **overrides})


def photo(site, relative: str, gps: bool) -> None:
    from PIL import Image

    path = site.content / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    exif = Image.Exif()
    if gps:
        exif.get_ifd(0x8825).update(GPS)
    Image.new("RGB", (640, 400), "navy").save(path, exif=exif.tobytes())


def release(site, name: str, number: int, body: str, **fields):
    return site.article(
        name,
        title=f"Bawaslu Kota Palembang Gelar Rapat Pengawasan Tahapan Ke-{number}",
        date=f"2024-10-{10 + number:02d} 09:00",
        slug=f"rapat-{number}",
        tags="",
        body="PALEMBANG – Bawaslu Kota Palembang menggelar rapat pengawasan.\n\n" + body,
        **fields,
    )


def patrol(site, gps: bool, **fields):
    """A patrol photo (located by GPS or not) and release 1 that features it."""
    photo(site, "images/2024/patroli.jpg", gps=gps)
    return release(
        site,
        "2024/patroli.md",
        1,
        "Petugas berpatroli.",
        image="{static}/images/2024/patroli.jpg",
        image_alt="Petugas Bawaslu berpatroli di jalan protokol",
        **fields,
    )


def messages(built) -> list[str]:
    return [f.message for f in built.findings()]


def test_findings_stay_a_clean_builds_as_releases_are_retitled_reslugged_and_drafted(
    site, tmp_path
):
    target = release(site, "2024/tujuan.md", 1, "Rapat membahas kesiapan pengawas.")
    release(site, "2024/taut.md", 2, "Lihat [rapat]({filename}tujuan.md).")
    release(site, "2024/hilang.md", 3, "Unduh [SK]({static}/images/2024/sk-hilang.pdf).")
    first = warm(site)
    assert kept(first) == (3, 0)
    again = warm(site)
    assert kept(again) == (0, 3)
    assert said(again) == said(first)
    assert any("sk-hilang.pdf" in m for m in messages(first))
    text = target.read_text(encoding="utf-8")
    changes = [
        ("retitled", text.replace("Tahapan Ke-1", "Tahapan Pertama")),
        ("re-slugged", text.replace("Slug: rapat-1", "Slug: rapat-pertama")),
        ("drafted", text.replace("Slug: rapat-1", "Slug: rapat-1\nStatus: draft")),
    ]
    for name, changed in changes:
        assert changed != text, name
        target.write_text(changed, encoding="utf-8")
        built = warm(site)
        assert kept(built) == (1, 2), name  # the other two from the cache
        assert said(built) == said(clean(site, tmp_path, name)), name


def test_a_link_target_removed_is_said_by_a_warm_build(site, tmp_path):
    """The paths a link resolved are part of the key: with them left out, the
    release linking a removed file kept its "no finding" (its links all
    resolved, so no nearest name was asked)."""
    target = release(site, "2024/tujuan.md", 1, "Rapat membahas kesiapan pengawas.")
    release(site, "2024/taut.md", 2, "Lihat [rapat]({filename}tujuan.md).")
    release(site, "2024/lain.md", 3, "Rapat membahas pengawasan.")
    first = warm(site)
    assert not any("tujuan.md" in m for m in messages(first)), first.log
    target.unlink()
    built = warm(site)
    assert kept(built)[1] == 1  # lain.md
    assert said(built) == said(clean(site, tmp_path, "removed"))
    assert any(m.startswith("link to a missing file: 'tujuan.md'") for m in messages(built)), (
        built.log
    )


def test_a_link_target_added_is_no_longer_said(site, tmp_path):
    release(site, "2024/hilang.md", 1, "Unduh [SK]({static}/images/2024/sk.pdf).")
    release(site, "2024/lain.md", 2, "Rapat membahas pengawasan.")
    first = warm(site)
    assert any("'/images/2024/sk.pdf'" in m for m in messages(first)), first.log
    pdf = site.content / "images/2024/sk.pdf"
    pdf.parent.mkdir(parents=True, exist_ok=True)
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    built = warm(site)
    assert said(built) == said(clean(site, tmp_path, "added"))
    assert not any("sk.pdf" in m for m in messages(built)), built.log


def test_a_file_named_nearer_a_missing_link_is_suggested_by_a_warm_build(site, tmp_path):
    """The listing of every file is part of the key of a release with a
    missing link (the suggestion names the nearest file): a file added
    beside the missing one, whose path the link did not ask about, changes
    the suggestion. Left out, the old suggestion stayed."""
    photo(site, "images/2024/sampul.jpg", gps=False)
    release(site, "2024/hilang.md", 1, "Unduh [laporan]({static}/images/2024/laporan-akhir.pdf).")
    first = warm(site)
    [before] = [f for f in first.findings() if "laporan-akhir.pdf" in f.message]
    assert "laporan-akhr" not in before.message
    near = site.content / "images/2024/laporan-akhr.pdf"
    near.write_bytes(b"%PDF-1.4\n%%EOF\n")
    built = warm(site)
    assert said(built) == said(clean(site, tmp_path, "near"))
    [after] = [f for f in built.findings() if "laporan-akhir.pdf" in f.message]
    assert "{static}/images/2024/laporan-akhr.pdf" in after.message, built.log


def test_a_photo_replaced_with_a_located_one_and_then_removed(site, tmp_path):
    """A photo's stat is part of the key: a photo exported again with its
    location (the same name) is said by a warm build; left out, it was not.
    Removed, the warning goes."""
    patrol(site, gps=False)
    release(site, "2024/lain.md", 2, "Rapat membahas pengawasan.")
    first = warm(site)
    assert not any("GPS" in m for m in messages(first)), first.log
    photo(site, "images/2024/patroli.jpg", gps=True)
    located = warm(site)
    assert kept(located)[1] == 1  # lain.md
    assert said(located) == said(clean(site, tmp_path, "located"))
    assert any(m.startswith("photo carries a GPS location") for m in messages(located))
    (site.content / "images/2024/patroli.jpg").unlink()
    removed = warm(site)
    assert said(removed) == said(clean(site, tmp_path, "removed"))
    assert not any("GPS" in m for m in messages(removed)), removed.log


def test_an_edit_that_moves_a_link_a_line_down_is_said_at_its_new_line(site, tmp_path):
    """The source's digest is part of the key: a line added to the front
    matter leaves the body's HTML as it was and moves the missing link a
    line down. Left out, the old line was said."""
    path = release(site, "2024/hilang.md", 1, "Unduh [SK]({static}/images/2024/sk.pdf).")
    first = warm(site)
    [before] = [f for f in first.findings() if "sk.pdf" in f.message]
    path.write_text(
        path.read_text(encoding="utf-8").replace("Summary: ", "Keywords: rapat\nSummary: "),
        encoding="utf-8",
    )
    built = warm(site)
    assert said(built) == said(clean(site, tmp_path, "moved"))
    [after] = [f for f in built.findings() if "sk.pdf" in f.message]
    assert after.line == before.line + 1


def test_a_photo_of_a_draft_the_build_stops_writing_is_said_as_not_published(site, tmp_path):
    """Whether the build writes the release's page is part of the key: the
    same draft, previewed and then not (DRAFT_SAVE_AS empty), says its
    located photo "not published while its release waits"; left out, a warm
    build said the site publishes it without its location."""
    patrol(site, gps=True, status="draft")
    previewed = warm(site)
    [before] = [f for f in previewed.findings() if "GPS" in f.message]
    assert "the site publishes it without" in before.message
    hidden = {"DRAFT_SAVE_AS": "", "DRAFT_LANG_SAVE_AS": ""}
    built = warm(site, **hidden)
    assert said(built) == said(clean(site, tmp_path, "hidden", **hidden))
    [after] = [f for f in built.findings() if "GPS" in f.message]
    assert "not published while its release waits" in after.message


def test_a_site_address_changed_in_the_settings_rechecks_every_release(site, tmp_path):
    """SITEURL is part of the cache's key: a link by the site's full address
    to a release's source file is the site's own under one address and
    another site's under the next. Left out, the old finding stayed."""
    release(site, "2024/tujuan.md", 1, "Rapat membahas kesiapan pengawas.")
    release(
        site,
        "2024/taut.md",
        2,
        "Lihat [rapat](https://warta.example/berita/2024/tujuan.md).",
    )
    ours = warm(site, SITEURL="https://warta.example")
    assert any("source file" in m for m in messages(ours)), ours.log
    built = warm(site, SITEURL="https://lain.example")
    assert said(built) == said(clean(site, tmp_path, "other", SITEURL="https://lain.example"))
    assert not any("source file" in m for m in messages(built)), built.log


ADDS_A_LINK = """
from pelican import signals


def add_link(generator):
    if not generator.settings.get("TEST_ADD_LINK"):
        return
    for article in generator.articles:
        article._content += '<p><a href="{static}/images/2024/tambahan.pdf">lampiran</a></p>'


def register():
    signals.article_generator_finalized.connect(add_link)
"""


def test_a_body_another_plugin_changed_is_checked_again(site, tmp_path):
    """The body's HTML is part of a source's key: an outside plugin that adds
    a link to the body (its source the same) makes a finding; left out, a
    warm build kept the body's old findings."""
    pdf = site.content / "images/2024/ada.pdf"
    pdf.parent.mkdir(parents=True, exist_ok=True)
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    release(site, "2024/taut.md", 1, "Unduh [SK]({static}/images/2024/ada.pdf).")
    folder = tmp_path / "plugins"
    settings = {key: value for key, value in SETTINGS.items() if key != "SEARCH_ENABLED"}
    first = build_with_outside_plugin(site, folder, "adds_link", ADDS_A_LINK, **settings)
    assert not any("tambahan.pdf" in m for m in messages(first)), first.log
    built = build_with_outside_plugin(
        site, folder, "adds_link", ADDS_A_LINK, TEST_ADD_LINK=True, **settings
    )
    assert any("tambahan.pdf" in m for m in messages(built)), built.log


def test_a_link_climbing_back_from_a_missing_folder_is_checked_again_when_its_file_goes(
    site, tmp_path
):
    """`{static}/tidak-ada/../images/sk.pdf` names images/sk.pdf, as the
    system resolves it (a missing folder, then `..`): the state kept of the
    path stopped at the missing folder, so a warm build kept the link found
    after the file was removed, where a clean build says it is missing."""
    release(site, "pindah.md", 1, "Unduh [SK]({static}/tidak-ada/../images/sk.pdf).")
    release(site, "lain.md", 2, "Rapat membahas pengawasan.")
    (site.content / "images").mkdir(exist_ok=True)
    (site.content / "images" / "sk.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    first = warm(site)
    linking = [f for f in first.findings() if str(f.path).endswith("pindah.md")]
    assert not linking, first.log
    (site.content / "images" / "sk.pdf").unlink()
    built = warm(site)
    assert said(built) == said(clean(site, tmp_path, "removed"))
    linking = [f.message for f in built.findings() if str(f.path).endswith("pindah.md")]
    assert any("missing file" in m for m in linking), built.log


def unread(built) -> list[str]:
    return [f.path for f in built.findings() if f.message.startswith("not read")]


def test_a_file_nothing_reads_is_said_by_a_warm_build_as_by_a_clean_one(site, tmp_path):
    """`unread_files`' findings are kept by the listing of content/ and the
    settings they read: a file added, renamed or taken out of STATIC_PATHS'
    reach is said (or no longer said) by the next warm build."""
    release(site, "2024/rapat.md", 1, "Rapat membahas kesiapan pengawas.")
    first = warm(site)
    assert said(warm(site)) == said(first)
    stray = site.content / "catatan.txt"
    stray.write_text("catatan rapat\n", encoding="utf-8")
    added = warm(site)
    assert said(added) == said(clean(site, tmp_path, "added"))
    assert unread(added) == ["content/catatan.txt"], added.log
    (site.content / "images").mkdir(exist_ok=True)
    stray.rename(site.content / "images" / "catatan.txt")  # copied as a static file
    moved = warm(site)
    assert said(moved) == said(clean(site, tmp_path, "moved"))
    assert unread(moved) == [], moved.log
    narrower = warm(site, STATIC_PATHS=[])
    assert said(narrower) == said(clean(site, tmp_path, "narrower", STATIC_PATHS=[]))
    assert unread(narrower) == ["content/images/catatan.txt"], narrower.log


def test_each_part_of_the_unread_files_key_is_in_it():
    """Every file's path and each argument of `unread_files` change the key
    (a part left out would keep the findings of another listing or setting)."""
    from plugins.content_lint.link_findings import unread_key

    files = ["berita/2024/rapat.md", "images/sampul.jpg"]
    arguments = {
        "article_paths": ["berita"],
        "page_paths": ["halaman"],
        "static_paths": ["images"],
        "extensions": ["md"],
        "ignore": ["**/.*"],
    }
    key = unread_key(files, **arguments)
    assert unread_key(list(files), **dict(arguments)) == key
    assert unread_key([*files, "catatan.txt"], **arguments) != key
    # (a path holding a line break is not two paths)
    assert unread_key(["a\nb"], **arguments) != unread_key(["a", "b"], **arguments)
    for name, value in arguments.items():
        assert unread_key(files, **{**arguments, name: [*value, "lain"]}) != key, name
