"""The PLUGINS order the build depends on is checked before every build."""

from __future__ import annotations

from conftest import REPO
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
