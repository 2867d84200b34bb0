"""The PLUGINS order the build depends on is checked before every build."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from bs4 import BeautifulSoup

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


INSTALLED_PLUGIN = """
import os

from pelican import signals


def finalized(pelican):
    with open(os.path.join(pelican.output_path, "installed.txt"), "w") as handle:
        handle.write("installed")


def register():
    signals.finalized.connect(finalized)
"""


def test_an_installed_plugin_of_the_same_name_as_ours_leaves_ours_in_place(tmp_path):
    """Pelican loads `pelican.plugins.<name>` (pip install pelican-seo, a
    pelican-json-feed) before our PLUGIN_PATHS: the build said "ok" without a
    sitemap, or a JSON feed. Ours stays; the installed one runs beside it when
    PLUGINS names it in full, and the short name listed twice (as the
    package's README says to add it) is one error saying so."""
    installed = tmp_path / "site-packages" / "pelican" / "plugins" / "json_feed"
    installed.mkdir(parents=True)
    (installed / "__init__.py").write_text(INSTALLED_PLUGIN, encoding="utf-8")
    site = FixtureSite(tmp_path / "site")
    site.article("rapat.md", article_text(slug="rapat"))
    plugins = load_settings(REPO / "pelicanconf.py")["PLUGINS"]

    def build(name: str, *extra: str):
        return run_build(
            site.content,
            tmp_path / name / "output",
            pythonpath=[tmp_path / "site-packages"],
            overrides={"SEARCH_ENABLED": False, "PLUGINS": [*plugins, *extra]},
        )

    ours = build("ours")
    assert ours.returncode == 0, ours.log
    [item] = ours.json("feed.json")["items"]
    assert item["url"].endswith("/rapat/")
    assert not (ours.output / "installed.txt").exists()

    both = build("both", "pelican.plugins.json_feed")
    assert both.returncode == 0, both.log
    assert [i["url"] for i in both.json("feed.json")["items"]] == [item["url"]]
    assert (both.output / "installed.txt").read_text() == "installed"

    twice = build("twice", "json_feed")
    assert twice.returncode == 1
    [error] = twice.findings("error")
    assert error.path == "pelicanconf.py", twice.log
    assert "lists 'json_feed' twice" in error.message
    assert "write 'pelican.plugins.json_feed'" in error.message
    assert "Traceback" not in twice.log


SUBSITE_PLUGIN = """
import os

from pelican import Pelican, signals

STARTED = []


def build_subsite(pelican):
    # As pelican-i18n-subsites does: another Pelican, the same PLUGINS (by the
    # names the first one left in its settings), into a folder of the output.
    if STARTED:
        return
    STARTED.append(pelican)
    settings = dict(pelican.settings)
    settings["OUTPUT_PATH"] = os.path.join(pelican.settings["OUTPUT_PATH"], "en")
    settings["CACHE_PATH"] = os.path.join(pelican.settings["CACHE_PATH"], "en")
    Pelican(settings).run()


def register():
    signals.get_writer.connect(build_subsite)
"""


def test_a_subsite_an_outside_plugin_builds_loads_our_plugins_too(tmp_path):
    """pelican-i18n-subsites builds each language with the PLUGINS names the
    site's Pelican left: Pelican gave the subsite the installed namesake
    (pelican-search's Stork: "build stopped"), not warta's plugin."""
    installed = tmp_path / "site-packages" / "pelican" / "plugins" / "json_feed"
    installed.mkdir(parents=True)
    (installed / "__init__.py").write_text(INSTALLED_PLUGIN, encoding="utf-8")
    subsites = tmp_path / "outside-plugins" / "subsite"
    subsites.mkdir(parents=True)
    (subsites / "__init__.py").write_text(SUBSITE_PLUGIN, encoding="utf-8")
    site = FixtureSite(tmp_path / "site")
    site.article("rapat.md", article_text(slug="rapat"))
    settings = load_settings(REPO / "pelicanconf.py")
    built = run_build(
        site.content,
        site.output,
        pythonpath=[tmp_path / "site-packages"],
        overrides={
            "SEARCH_ENABLED": False,
            "PLUGIN_PATHS": [*settings["PLUGIN_PATHS"], str(subsites.parent)],
            "PLUGINS": [*settings["PLUGINS"], "subsite"],
        },
    )
    assert built.returncode == 0, built.log
    for folder in ("", "en/"):
        [item] = built.json(f"{folder}feed.json")["items"]
        assert item["url"].endswith("/rapat/"), folder
        assert not (built.output / folder / "installed.txt").exists(), folder


def installed_namespace_plugin(folder, name: str) -> None:
    """`pelican.plugins.<name>` on a path of Python's, as pip installs a
    third party's namespace plugin (`pip install pelican-seo`): its package
    under pelican/plugins/ (no __init__.py above it) and its dist-info."""
    package = folder / "pelican" / "plugins" / name
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(INSTALLED_PLUGIN, encoding="utf-8")
    info = folder / f"pelican_{name}-1.0.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: pelican-{name}\nVersion: 1.0.0\n", encoding="utf-8"
    )
    (info / "top_level.txt").write_text("pelican\n", encoding="utf-8")
    (info / "RECORD").write_text(
        f"pelican/plugins/{name}/__init__.py,,\n{info.name}/METADATA,,\n", encoding="utf-8"
    )


def test_a_bare_pelican_run_loads_our_seo_over_an_installed_one(tmp_path):
    """`pelican content -s pelicanconf.py`, as a Pelican user runs it (not
    `invoke build`, not `python -m warta.build`), loaded an installed
    `pelican.plugins.seo` instead of plugins/seo: no sitemap, no robots.txt.
    The settings' PELICAN_CLASS loads ours whatever is installed."""
    site_packages = tmp_path / "site-packages"
    installed_namespace_plugin(site_packages, "seo")
    site = FixtureSite(tmp_path / "site")
    site.article("rapat.md", article_text(slug="rapat"))
    env = {**os.environ, "PYTHONPATH": str(site_packages)}
    env.pop("WARTA_DEBUG", None)
    cache = tmp_path / "cache"
    proc = subprocess.run(
        [
            *(sys.executable, "-m", "pelican", str(site.content)),
            *("-s", "pelicanconf.py", "-o", str(site.output)),
            *("-e", f'CACHE_PATH="{cache}"', "SEARCH_ENABLED=false"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert not (site.output / "installed.txt").exists()
    sitemap = BeautifulSoup((site.output / "sitemap.xml").read_text(), "xml")
    assert any(loc.text.endswith("/rapat/") for loc in sitemap.find_all("loc"))
    assert (site.output / "robots.txt").is_file()
    # The installed plugin is there to be had: named in full, it runs beside ours.
    plugins = load_settings(REPO / "pelicanconf.py")["PLUGINS"]
    both = subprocess.run(
        [
            *(sys.executable, "-m", "pelican", str(site.content)),
            *("-s", "pelicanconf.py", "-o", str(tmp_path / "both")),
            *("-e", f'CACHE_PATH="{tmp_path / "cache-both"}"', "SEARCH_ENABLED=false"),
            *(
                "-e",
                f"PLUGINS={json.dumps([*plugins, 'pelican.plugins.seo'])}",
            ),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert both.returncode == 0, both.stdout + both.stderr
    assert (tmp_path / "both" / "installed.txt").read_text() == "installed"
    assert (tmp_path / "both" / "sitemap.xml").is_file()
