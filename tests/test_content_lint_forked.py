"""plugins/content_lint: the lint runs beside the build, in a forked child,
while Pelican's process goes on with the other plugins and the pages. What it
finds is said once and counted as before, and still said when the build
stops after it started."""

from __future__ import annotations

from conftest import build_with_outside_plugin, line_of

DOUBLED = "PALEMBANG – Hadir dari dari seluruh kecamatan di Kota Palembang."

STOPPING_PLUGIN = """
from pelican import signals


def stop(generator, writer):
    raise RuntimeError("plugin luar berhenti")


def register():
    signals.article_writer_finalized.connect(stop)
"""


def doubled_words(built) -> list[tuple[str, int | None, str]]:
    return [
        (finding.path, finding.line, finding.level)
        for finding in built.findings()
        if finding.message.startswith("doubled word: 'dari dari'")
    ]


def test_the_lint_beside_the_build_says_each_finding_once_and_counts_it(site):
    release = site.article("rapat.md", body=DOUBLED)
    built = site.build(strict=True, SEARCH_ENABLED=False)
    line = line_of(release, "dari dari")
    assert doubled_words(built) == [("content/berita/rapat.md", line, "warning")], built.log
    # Counted by the runner as a warning: strict, the build fails on it alone.
    assert built.returncode == 1 and "1 warning(s)" in built.log.splitlines()[-1], built.log


def test_a_build_that_stops_after_the_lint_started_still_says_what_it_found(site, tmp_path):
    """An outside plugin raising while the pages are written (after the lint
    was forked, before `finalized`, where the lint is said): the runner says
    what was deferred, the lint's findings among it, then why it stopped."""
    release = site.article("rapat.md", body=DOUBLED)
    built = build_with_outside_plugin(site, tmp_path, "berhenti_luar", STOPPING_PLUGIN)
    assert built.returncode == 1, built.log
    line = line_of(release, "dari dari")
    assert doubled_words(built) == [("content/berita/rapat.md", line, "warning")], built.log
    stopped = [f.message for f in built.findings("error") if f.message.startswith("build stopped")]
    assert len(stopped) == 1 and "plugin luar berhenti" in stopped[0], built.log
