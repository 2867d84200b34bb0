"""plugins/content_lint: the lint runs beside the build, in a forked child,
while Pelican's process goes on with the other plugins and the pages. What it
finds is said once and counted as before, and still said when the build
stops after it started; a lint that fails is one error, and the rest of the
build's end still runs."""

from __future__ import annotations

from types import SimpleNamespace
from xml.etree import ElementTree

from conftest import build_with_outside_plugin, line_of
from warta.parallel import Forked

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


BREAKING_PLUGIN = """
import sys

from pelican import signals


def broken(generator, prepared):
    raise RuntimeError("lint rusak")


def break_the_lint(generator):
    # (before all_generators_finalized, where content_lint forks its lint)
    for module in list(sys.modules.values()):
        if hasattr(module, "lint_articles") and hasattr(module, "say_lints"):
            module.lint_articles = broken


def register():
    signals.article_generator_finalized.connect(break_the_lint)
"""


def test_a_lint_that_fails_beside_the_build_is_one_error_and_the_end_still_runs(site, tmp_path):
    """Said at `finalized`, after the pages are written: the receivers after
    content_lint's (the photos' publishing, the sitemaps, /admin/) still run,
    so the output is whole, and the build fails on one error."""
    site.article("rapat.md", body=DOUBLED, slug="rapat")
    built = build_with_outside_plugin(site, tmp_path, "lint_rusak", BREAKING_PLUGIN)
    assert built.returncode == 1, built.log
    assert [f.message for f in built.findings("error")] == [
        "content_lint stopped: RuntimeError: lint rusak (set WARTA_DEBUG=1 to see where)"
    ], built.log
    sitemap = ElementTree.parse(built.output / "sitemap.xml").getroot()
    assert any(
        location.text.endswith("/berita/2024/11/rapat/")
        for location in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ), built.log
    assert (built.output / "admin" / "config.json").is_file()


def test_a_run_starting_with_the_settings_of_one_that_never_said_its_lints_drops_them():
    """Pelican's autoreload builds again with the same settings: what a run
    that stopped before `finalized` left is not said by the next as its own;
    a run with other settings (a subsite inside this one) keeps its own."""
    from plugins.content_lint import plugin

    stale, subsite = {"PATH": "content"}, {"PATH": "content", "OUTPUT_PATH": "output/en"}
    dropped = plugin.RunningLint(stale, Forked(int), [])
    kept = plugin.RunningLint(subsite, Forked(int), [])
    plugin._LINTS[:] = [dropped, kept]
    try:
        plugin.forget_unsaid_lints(SimpleNamespace(settings=stale))
        assert [kept] == plugin._LINTS
    finally:
        plugin._LINTS.clear()
