"""The PLUGINS order the build depends on is checked before every build."""

from __future__ import annotations

from conftest import REPO, FixtureSite, article_text, run_build
from warta.build import load_settings
from warta.plugin_order import REQUIREMENTS, RULES, order_problems, suggestion_for


def test_the_shipped_plugins_are_in_order():
    assert order_problems(load_settings(REPO / "pelicanconf.py")["PLUGINS"]) == []
    assert order_problems(load_settings(REPO / "publishconf.py")["PLUGINS"]) == []


def test_every_rule_names_shipped_plugins():
    shipped = set(load_settings(REPO / "pelicanconf.py")["PLUGINS"])
    for rule in RULES:
        assert {rule.first, rule.then} <= shipped, rule
    for need in REQUIREMENTS:
        assert {need.plugin, need.needs} <= shipped, need


def test_a_swapped_pair_is_one_problem_naming_both_and_why():
    [problem] = order_problems(["seo", "writer"])
    assert "'writer' must come first" in problem and "sitemap" in problem
    assert order_problems(["plugins.writer", "pelican.plugins.seo"]) == []


def test_a_plugin_without_the_one_it_needs_is_one_problem():
    [problem] = order_problems(["regions", "writer"])
    assert "'regions' without 'enrichment'" in problem and "pipeline" in problem
    assert suggestion_for(problem) == "add 'enrichment' to PLUGINS"
    assert suggestion_for(order_problems(["seo", "writer"])[0]) == "reorder PLUGINS"
    assert order_problems(["regions", "plugins.enrichment"]) == []


def test_a_build_with_plugins_out_of_order_stops_with_one_line(site):
    site.article("a.md", slug="a")
    plugins = load_settings(REPO / "pelicanconf.py")["PLUGINS"]
    swapped = [p for p in plugins if p != "writer"]
    swapped.insert(swapped.index("seo") + 1, "writer")
    built = site.build(PLUGINS=swapped)
    assert built.returncode == 1
    [error] = built.findings("error")
    assert error.path == "pelicanconf.py" or error.path.endswith("pelicanconf.py")
    assert "'writer' must come first" in error.message
    assert not (built.output / "index.html").exists()
    assert "Traceback" not in built.log and "build stopped" not in built.log


def test_an_installed_plugin_of_the_same_name_as_ours_stops_the_build_by_name(tmp_path):
    """Pelican loads `pelican.plugins.seo` (pip install pelican-seo) before our
    PLUGIN_PATHS: the build said "ok" without a sitemap or robots.txt."""
    installed = tmp_path / "site-packages" / "pelican" / "plugins" / "seo"
    installed.mkdir(parents=True)
    (installed / "__init__.py").write_text("def register():\n    pass\n", encoding="utf-8")
    site = FixtureSite(tmp_path / "site")
    site.article("rapat.md", article_text(slug="rapat"))
    built = run_build(site.content, site.output, pythonpath=[tmp_path / "site-packages"])
    assert built.returncode == 1
    errors = built.findings("error")
    assert [(e.path, e.message.split(" (")[0]) for e in errors] == [
        ("pelicanconf.py", "the installed package 'pelican.plugins.seo'")
    ], built.log
    assert "instead of warta's plugin 'seo'" in errors[0].message
    plain = run_build(site.content, tmp_path / "plain" / "output")
    assert plain.returncode == 0, plain.log
    assert (tmp_path / "plain" / "output" / "sitemap.xml").is_file()
