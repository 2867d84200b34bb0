"""Gate: the build runner's verdict (issue #2, items 3 and 7).

A clean site exits 0; an article that cannot be read fails the build with a line
naming the file (it never silently vanishes); a warning fails only under
--strict; no case prints a Python traceback.
"""

from __future__ import annotations

import re

from conftest import REPO

GOOD = {
    "title": "Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan",
    "slug": "rapat-koordinasi-pengawasan",
}


def test_a_clean_site_builds_with_exit_0_even_under_strict(site):
    site.article("rapat.md", **GOOD)
    site.page("kontak.md", "Title: Kontak\nSlug: kontak\n\nAlamat kantor Bawaslu.\n")
    built = site.build(strict=True)
    assert built.returncode == 0, built.log
    assert "Traceback" not in built.log
    assert not built.log_lines("error") and not built.log_lines("warning"), built.log
    assert (built.output / "berita/2024/11/rapat-koordinasi-pengawasan/index.html").is_file()


def test_an_article_with_an_unparseable_date_fails_the_build_and_is_named(site):
    site.article("rapat.md", **GOOD)
    site.article(
        "2024/rusak.md",
        title="Bawaslu Muara Enim Awasi Distribusi Logistik",
        slug="awasi-distribusi-logistik",
        date="17 Nopember 2024 jam 9",
    )
    built = site.build()
    assert built.returncode == 1, built.log
    assert "Traceback" not in built.log
    errors = built.log_lines("error")
    named = [line for line in errors if "berita/2024/rusak.md" in line]
    # One fault, one line: content_lint's (with the line and the expected form);
    # Pelican's own "Could not process" echo is folded into it.
    assert len(named) == 1, f"expected one error line for the broken article:\n{built.log}"
    # path:LINE: message (suggestion) — the Date: line is line 2 of the front matter.
    assert re.match(r"^berita/2024/rusak\.md:2: unparseable Date: .+", named[0]), named
    assert "(write it as YYYY-MM-DD HH:MM" in named[0]
    assert "'17 Nopember 2024 jam 9'" in named[0]
    [finding] = [f for f in built.findings("error") if f.path.endswith("rusak.md")]
    assert finding.path == "content/berita/2024/rusak.md" and finding.line == 2
    assert built.log.rstrip().splitlines()[-1].startswith("build FAILED")
    # The good article is still written; the broken one is not silently published.
    assert (built.output / "berita/2024/11/rapat-koordinasi-pengawasan/index.html").is_file()


def test_a_warning_fails_the_build_only_under_strict(site, tmp_path):
    """A real plugin logs one warning the way every plugin must (architecture.md)."""
    from warta.build import load_settings

    plugin = tmp_path / "fixture_plugins" / "one_warning"
    plugin.mkdir(parents=True)
    (plugin / "__init__.py").write_text(
        "import logging\n"
        "from pelican import signals\n"
        "logger = logging.getLogger(__name__)\n"
        "def warn(generator):\n"
        "    logger.warning(\"berita/rapat.md:3: fixture warning: 'nilai' (saran)\")\n"
        "def register():\n"
        "    signals.article_generator_finalized.connect(warn)\n",
        encoding="utf-8",
    )
    settings = load_settings(REPO / "pelicanconf.py")
    overrides = {
        "PLUGIN_PATHS": [*settings["PLUGIN_PATHS"], str(plugin.parent)],
        "PLUGINS": [*settings["PLUGINS"], "one_warning"],
    }
    site.article("rapat.md", **GOOD)
    relaxed = site.build(**overrides)
    assert relaxed.returncode == 0, relaxed.log
    assert "berita/rapat.md:3: fixture warning: 'nilai' (saran)" in relaxed.log_lines("warning")
    assert relaxed.log.rstrip().splitlines()[-1].startswith("build ok")
    strict = site.build(strict=True, **overrides)
    assert strict.returncode == 1, strict.log
    assert "berita/rapat.md:3: fixture warning: 'nilai' (saran)" in strict.log_lines("warning")
    assert strict.log.rstrip().splitlines()[-1].startswith("build FAILED")
    for built in (relaxed, strict):
        assert "Traceback" not in built.log
