"""Findings travel as structured records: each plugin reports a `Finding`
(`warta.findings.report`) and the build runner keeps its path, line, message and
suggestion as they are, never parsing them back out of the log text.

The build runs in a child process (Pelican's signal connections would persist
in this one) and hands back its findings as JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from conftest import REPO, article_text
from warta.findings import MAX_LINE, MAX_QUOTED, Finding

CHILD = textwrap.dedent(
    """
    import dataclasses, io, json, sys
    from warta.build import build_site

    content, output = sys.argv[1], sys.argv[2]
    report = build_site(
        "pelicanconf.py",
        overrides={"PATH": content, "OUTPUT_PATH": output, "CACHE_PATH": output + "-cache"},
        stream=io.StringIO(),
        quiet=True,
    )
    print(json.dumps([dataclasses.asdict(f) for f in report.findings]))
    """
)


def build_findings(site) -> list[Finding]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("WARTA_DEBUG", None)
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(site.content), str(site.output)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr
    records = json.loads(proc.stdout.strip().splitlines()[-1])
    return [Finding(**{**r, "fix": tuple(tuple(p) for p in r["fix"])}) for r in records]


def test_plugins_report_findings_with_their_suggestion_kept_apart(site):
    site.article(
        "faults.md",
        article_text(
            tags="Pilkada (Ulang) Versi Saya",
            Region="Qxzv (Zqxw) Vqz",
            Thread="bukan id (salah)",
            Ralat="kemarin (sore) — salah ketik",
            body="""
            PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan.

            <span onclick="x()">klik (di sini)</span>

            BACA JUGA: [Berita lain (luar)](https://example.com/berita/)
            """,
        ),
    )
    found = build_findings(site)
    path = f"{site.content.name}/berita/faults.md"
    by_line = {(f.line, f.level): f for f in found if f.path == path}
    # One finding per plugin, each at its line, the suggestion apart from the
    # message (a value with parentheses in it stays in the message).
    expected = {
        (5, "warning"): (  # official_tags
            "unknown tag 'Pilkada (Ulang) Versi Saya'",
            "nearest official tags: Pilkada Serentak 2024, Pemungutan Suara Ulang; "
            "or add it to data/official_tags.yaml",
        ),
        (7, "error"): (  # regions
            "unknown region: 'Qxzv (Zqxw) Vqz'",
            "closest: no close match; use a Kemendagri code, an official name or an alias",
        ),
        (8, "error"): (  # comments
            "invalid Thread id: 'bukan id (salah)'",
            "use 3 to 64 lowercase letters, digits or hyphens, e.g. 't-3f9a1c2b7d4e5f60'",
        ),
        (9, "error"): (  # corrections
            "Ralat is not 'YYYY-MM-DD HH:MM — what was corrected': 'kemarin (sore) — salah ketik'",
            "write one correction per line, for example: "
            "Ralat: 2024-11-20 14:00 — Nama kecamatan diperbaiki menjadi Kemuning.",
        ),
        (13, "warning"): (  # sanitize
            "raw HTML removed from the published text: 'onclick='",
            "write the release in Markdown; ask the web team to embed media",
        ),
        (15, "warning"): (  # read_also
            "BACA JUGA points to another site: 'https://example.com/berita/'",
            "link to an article of this site or remove the line",
        ),
    }
    for where, (message, suggestion) in expected.items():
        assert where in by_line, (where, found)
        assert (by_line[where].message, by_line[where].suggestion) == (message, suggestion)
    # release_defaults: a suggestion that carries its fix.
    supplied = by_line[(None, "suggestion")]
    assert supplied.fix == (("Slug", "bawaslu-kota-palembang-gelar-rapat-koordinasi-pengawasan"),)


def test_a_finding_is_one_line_whatever_its_file_name_and_value_hold(site):
    """A file name with a line break printed its finding over two lines, the
    second of which no reader (or CI annotation) could place."""
    assert Finding("berita/a\nb.md", 3, "error", "bad: 'x\ty\x00'", "fix\u2028it").text() == (
        "berita/a\\x0ab.md:3: error: bad: 'x\ty\\x00' (fix\\u2028it)"
    )
    site.article("baris\nbaru.md", article_text(title="Rapat Koordinasi di Nama Berkas Aneh"))
    built = site.build(SEARCH_ENABLED=False)

    # (a line break is no character a Windows file name may hold: one error)
    errors = built.findings("error")
    assert [e.message.split(":")[0] for e in errors] == [
        "'baris\\x0abaru.md' holds a character or an ending Windows does not allow in a name"
    ], built.log
    about = [line for line in built.log.splitlines() if "baris" in line or "baru.md" in line]
    assert about, built.log
    assert all(line.startswith("content/berita/baris\\x0abaru.md") for line in about), about


def test_a_long_quoted_value_is_shown_cut_to_one_readable_line(site):
    """`Image-Alt:` of 20,000 characters without `Image:` echoed all of it."""
    long_alt = "Suasana rapat " * 1500
    site.article("2024/panjang.md", article_text(slug="panjang", **{"image-alt": long_alt}))
    built = site.build(SEARCH_ENABLED=False)
    about = [line for line in built.log.splitlines() if "panjang.md" in line]
    assert about and all(len(line) < 600 for line in about), [len(line) for line in about]
    assert Finding("a.md", 1, "warning", f"bad: '{'x' * 900}'").text() == (
        f"a.md:1: warning: bad: '{'x' * 120}…'"
    )


def test_only_a_long_quoted_value_is_cut_never_the_prose_between_two_values():
    """A suggestion of 700 characters with two short quoted values lost the
    prose between them (the link and the instruction): the closing quote of
    one value and the opening quote of the next were taken for one value."""
    title = "Koordinator Divisi Pencegahan, Partisipasi Masyarakat, dan Hubungan Masyarakat"
    prose = (
        f": not linked to /pejabat/rini-anggraini/ (if this is that official, write the "
        f"position beside the name: {title} Bawaslu Kota Palembang) " * 4
    )
    message = f"'Rini Anggraini' is named without a position{prose}, as '{title}'"
    assert len(message) > MAX_LINE
    assert Finding("a.md", 12, "suggestion", message).text() == f"a.md:12: suggestion: {message}"
    # A long value between them is cut, the rest kept; an apostrophe inside a
    # word (Ma'ruf) neither opens nor ends a value, and a value holding one is
    # cut as repr() quotes it.
    long_value = "Suasana rapat Ma'ruf " * 40
    text = Finding("a.md", 1, "warning", f"'X' is{prose}: {long_value!r} and 'Y'").text()
    assert text == (f"a.md:1: warning: 'X' is{prose}: \"{long_value[: MAX_QUOTED - 40]}…\" and 'Y'")
    text = Finding("a.md", 1, "warning", f"'Ma'ruf' is{prose}: '{'x' * 900}'").text()
    assert text == f"a.md:1: warning: 'Ma'ruf' is{prose}: '{'x' * (MAX_QUOTED - 40)}…'"
