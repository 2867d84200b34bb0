"""content_lint's cache: a warm build, whose unchanged sources are checked
from their summaries (their parse not unpickled), says exactly what a clean
build says: the same findings, lines and order, a cross-release problem
(one address, one author two ways) made by an edit and mended by the next."""

from __future__ import annotations

import re

from conftest import newsroom, run_build

NOW = "2026-11-20T12:00:00+07:00"
SETTINGS = {"CONTENT_LINT_NOW": NOW, "SEARCH_ENABLED": False}
CHECKED = re.compile(r"content_lint: (\d+) sources checked, (\d+) from the cache")


def said(built) -> list[tuple]:
    return [(f.path, f.line, f.level, f.message, f.suggestion) for f in built.findings()]


def clean_build(site, tmp_path, name: str):
    folder = tmp_path / name
    return run_build(
        site.content, folder / "output", cache=folder / "cache", overrides=SETTINGS, verbose=True
    )


def test_warm_findings_are_a_clean_builds_as_a_cross_release_problem_comes_and_goes(site, tmp_path):
    files = newsroom(site)
    site.article(
        "lama.md",
        title="Bawaslu Sumsel Gelar Rapat Evaluasi Pengawasan Kampanye",
        date="2024-10-02 10:00",
        slug="rapat-evaluasi",
        author="Humas Bawaslu Provinsi Sumatera Selatan",
    )
    site.article(
        "nanti.md",
        title="Bawaslu Sumsel Umumkan Hasil Pengawasan Masa Tenang",
        date="2026-12-01 09:00",  # after NOW: embargoed
        slug="hasil-masa-tenang",
        body="PALEMBANG – Bawaslu mengumumkan hasil pengawasan.\n\n"
        "Lihat [jadwal]({filename}jadwal-hilang.md).",
    )
    site.article(
        "tautan.md",
        title="Bawaslu Sumsel Buka Pendaftaran Pengawas Tempat Pemungutan Suara",
        date="2024-10-03 08:00",
        slug="pendaftaran-ptps",
        body="PALEMBANG – Pendaftaran dibuka.\n\nBACA JUGA: [Rapat]({filename}rilis-1.md)",
    )
    first = site.build(verbose=True, **SETTINGS)
    warm = site.build(verbose=True, **SETTINGS)
    assert said(warm) == said(first)
    assert CHECKED.search(warm.log).groups() == ("0", str(len(files) + 3))

    # An edit gives a release another's address, and its author another spelling.
    original = files["rilis-2"].read_text(encoding="utf-8")
    edited = original.replace("Slug: rilis-2", "Slug: rapat-evaluasi")
    edited = re.sub(r"Author: .*", "Author: HUMAS BAWASLU PROVINSI SUMATERA SELATAN", edited)
    assert edited != original
    files["rilis-2"].write_text(edited, encoding="utf-8")
    warm = site.build(verbose=True, **SETTINGS)
    clean = clean_build(site, tmp_path, "clean-1")
    assert CHECKED.search(warm.log).groups() == ("1", str(len(files) + 2))
    assert said(warm) == said(clean)
    messages = [f.message for f in warm.findings()]
    assert any("same address /berita/2024/10/rapat-evaluasi/" in m for m in messages), messages
    assert any("HUMAS BAWASLU PROVINSI SUMATERA SELATAN" in m for m in messages), messages

    # Mended: the problem goes from a warm build as from a clean one.
    files["rilis-2"].write_text(original, encoding="utf-8")
    warm = site.build(verbose=True, **SETTINGS)
    clean = clean_build(site, tmp_path, "clean-2")
    assert said(warm) == said(clean)
    messages = [f.message for f in warm.findings()]
    assert not any("rapat-evaluasi" in m or "HUMAS BAWASLU" in m for m in messages), messages
    assert any("embargoed until" in m for m in messages), messages
    assert any("jadwal-hilang.md" in m for m in messages), messages
