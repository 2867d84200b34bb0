"""`invoke new` with careless or hostile values: each is one line naming the
value and what to write, or a file that a strict build publishes once its text
is added (the build's own checks of the front matter are run before writing)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import FixtureSite, run_invoke
from warta.source_checks import parse_source

LEAD = (
    "PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan tahapan "
    "pemilihan bersama jajaran pengawas kecamatan di kantor Bawaslu, Senin.\n"
)


def invoke_new(content: Path, *args: str) -> subprocess.CompletedProcess:
    return run_invoke("new", *args, timeout=120, WARTA_CONTENT_PATH=str(content))


def test_a_value_the_build_would_warn_about_is_refused_in_one_line_naming_it(tmp_path):
    """Each of these was written, and the strict build (CI) then failed on it."""
    site = FixtureSite(tmp_path)
    title = "Bawaslu Kota Palembang Gelar Rapat Koordinasi"
    cases = {
        # shorter than CONTENT_LINT_TITLE_MIN (20), longer than `new`'s old 10
        ("Rapat Pengawasan",): ["title too short: 'Rapat Pengawasan'", "20 to 150"],
        # the social card's font has no emoji
        ("Bawaslu 🎉 Gelar Sosialisasi Pengawasan Pemilu",): ["'🎉'", "social card"],
        ("Bawaslu <b>Gelar</b> Rapat Koordinasi",): ["HTML in the title: '<b>', '</b>'"],
        ("Bawaslu Gelar Rapat Koordinasi \u202eabc",): ["the title", "U+202E"],
        (title, "--ringkasan", "Pendek."): ["--ringkasan 'Pendek.'", "between 60 and 300"],
        (
            title,
            "--ringkasan",
            "Rapat <script>alert(1)</script> membahas kesiapan pengawas ad hoc di kecamatan.",
        ): ["--ringkasan", "'<script>'"],
        (title, "--penulis", "Humas \u202e Lahat"): ["--penulis", "U+202E"],
        ("!!! ??? ... ,,, ;;; --- !!! ???",): ["cannot make an address", "write the headline"],
    }
    for args, expected in cases.items():
        result = invoke_new(site.content, *args, "--wilayah", "Palembang")
        assert result.returncode != 0, (args, result.stdout)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("new: "), (args, result.stderr)
        for fragment in expected:
            assert fragment in lines[0], (args, lines[0])
    assert list(site.content.rglob("*.md")) == []


def test_careless_titles_and_regions_give_a_file_a_strict_build_publishes(tmp_path):
    site = FixtureSite(tmp_path)
    written = {}
    for title, region in [
        ("Bawaslu/OKU ../../etc Gelar Rapat Pengawasan", "Kota Palembang"),
        ("Rapat: \"Pengawasan\" 'Tahap' Kampanye Dimulai", "kota palembang"),
        ("Baris satu\nBaris dua pengawasan tahapan", "16.71"),
        ("Bawaslu & KPU Gelar Rapat {filename}/x 50%", "Plaju, Palembang"),
    ]:
        result = invoke_new(site.content, title, "--wilayah", region)
        assert result.returncode == 0, result.stderr
        path = Path(result.stdout.strip().splitlines()[-1])
        assert path.resolve().is_relative_to(site.content.resolve())
        written[path] = parse_source(path.name, path.read_text(encoding="utf-8"))
        path.write_text(path.read_text(encoding="utf-8") + LEAD, encoding="utf-8")
    same = invoke_new(site.content, "Rapat: “Pengawasan” Tahap Kampanye Dimulai", "-w", "16.71")
    assert same.returncode != 0 and "already used by" in same.stderr
    built = site.build(strict=True, CONTENT_LINT_NOW="2100-01-01T00:00:00+07:00")
    assert built.returncode == 0, built.log
    # Nothing but the Summary the build supplies from the lead (a suggestion).
    assert [f for f in built.findings() if f.level != "suggestion"] == []
    feed = built.json("feed.json")
    titles = {item["title"] for item in feed["items"]}
    assert {source.metadata["title"][0] for source in written.values()} == titles
    assert "Baris satu Baris dua pengawasan tahapan" in titles


def test_an_address_a_release_takes_without_a_slug_line_is_taken(tmp_path):
    """A release pasted without `Slug:` (the build gives it its title's) and a
    YAML one with `slug: "…"` in quotes: `new` read neither and wrote a
    release with the same slug (in the same month, the same address: the
    build failed on both)."""
    site = FixtureSite(tmp_path)
    pasted = site.article(
        "2024/tempel.md",
        "Title: Bawaslu Kota Palembang Gelar Rapat Evaluasi Pengawasan\n"
        f"Date: 2024-10-04 10:00\n\n{LEAD}",
    )
    dashed = site.article(
        "2024/yaml.md",
        "---\ntitle: Rapat Lain\ndate: 2024-10-05 10:00\n"
        'slug: "bawaslu-kota-palembang-gelar-rapat-evaluasi-kampanye"\n---\n\n' + LEAD,
    )
    for title, taken in [
        ("Bawaslu Kota Palembang Gelar Rapat Evaluasi Pengawasan", pasted),
        ("Bawaslu Kota Palembang Gelar Rapat Evaluasi Kampanye", dashed),
    ]:
        result = invoke_new(site.content, title, "--wilayah", "Palembang")
        assert result.returncode != 0, result.stdout
        [line] = result.stderr.strip().splitlines()
        shown = taken.relative_to(site.root).as_posix()
        assert line.startswith("new: the slug '") and f"already used by {shown} " in line, line
    assert sorted(site.content.rglob("*.md")) == sorted([pasted, dashed])


def test_an_author_spelled_otherwise_than_the_releases_spell_it_is_refused(tmp_path):
    """`--penulis "Humas Bawaslu Lahat"` beside the office's releases credited
    to "Humas Bawaslu Kabupaten Lahat", or a name with degrees beside the plain
    one: written, and the strict build warned of a second author page."""
    site = FixtureSite(tmp_path)
    for number, author in enumerate(["Humas Bawaslu Kabupaten Lahat", "Rina Marlina"]):
        site.article(
            f"2024/rilis-{number}.md",
            title=f"Bawaslu Kabupaten Lahat Gelar Rapat Pengawasan Tahap {number}",
            slug=f"rilis-{number}",
            author=author,
            body="LAHAT – Bawaslu Kabupaten Lahat menggelar rapat pengawasan tahapan.",
        )
    title = "Bawaslu Kabupaten Lahat Gelar Rapat Evaluasi Pengawasan"
    for given, written in [
        ("Humas Bawaslu Lahat", "Humas Bawaslu Kabupaten Lahat"),
        ("Humas Bawaslu Kab. Lahat", "Humas Bawaslu Kabupaten Lahat"),
        ("RINA MARLINA", "Rina Marlina"),
        ("Rina Marlina, S.H.", "Rina Marlina"),
    ]:
        result = invoke_new(site.content, title, "-w", "Lahat", "--penulis", given)
        assert result.returncode != 0, (given, result.stdout)
        [line] = result.stderr.strip().splitlines()
        assert line.startswith(f"new: --penulis {given!r}: Author {given!r} "), line
        assert line.endswith(f"'Author: {written}')"), line
    assert len(list(site.content.rglob("*.md"))) == 2
    written = invoke_new(site.content, title, "-w", "Lahat", "--penulis", "Rina Marlina")
    assert written.returncode == 0, written.stderr
    path = Path(written.stdout.strip().splitlines()[-1])
    path.write_text(
        path.read_text(encoding="utf-8")
        + "LAHAT – Bawaslu Kabupaten Lahat menggelar rapat evaluasi pengawasan tahapan.\n",
        encoding="utf-8",
    )
    built = site.build(strict=True, CONTENT_LINT_NOW="2100-01-01T00:00:00+07:00")
    assert built.returncode == 0, built.log


def test_a_link_or_a_folder_named_like_a_release_does_not_stop_new(tmp_path):
    """A dangling link left under content/ (the build refuses links) and a
    folder called `arsip.md`: `new` ended in a FileNotFoundError or
    IsADirectoryError traceback while it looked for the slugs taken."""
    site = FixtureSite(tmp_path)
    (site.content / "berita" / "hilang.md").symlink_to(tmp_path / "tidak-ada.md")
    (site.content / "berita" / "arsip.md").mkdir()
    result = invoke_new(
        site.content, "Bawaslu Kabupaten Lahat Gelar Rapat Evaluasi Pengawasan", "-w", "Lahat"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    path = Path(result.stdout.strip().splitlines()[-1])
    assert path.is_file() and path.name.endswith("-rapat-evaluasi-pengawasan.md")


def test_a_summary_with_a_markdown_autolink_is_written_and_shown_as_a_link(tmp_path):
    """`--ringkasan "… di <https://…>."` was refused as raw HTML ('<https:>'):
    the check read the summary as HTML, while the build reads it as Markdown,
    where `<https://…>` and `<humas@…>` are links, which the build publishes."""
    site = FixtureSite(tmp_path)
    summary = (
        "Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan tahapan; "
        "selengkapnya di <https://palembang.bawaslu.go.id> atau <humas@bawaslu.go.id>."
    )
    result = invoke_new(
        site.content,
        "Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan",
        "--wilayah",
        "Kota Palembang",
        "--ringkasan",
        summary,
    )
    assert result.returncode == 0, result.stderr
    path = Path(result.stdout.strip().splitlines()[-1])
    path.write_text(path.read_text(encoding="utf-8") + LEAD, encoding="utf-8")
    built = site.build(strict=True, CONTENT_LINT_NOW="2100-01-01T00:00:00+07:00")
    assert built.returncode == 0, built.log
    assert [f for f in built.findings() if f.level != "suggestion"] == []
    (item,) = built.json("feed.json")["items"]
    assert "palembang.bawaslu.go.id" in item["summary"], item
