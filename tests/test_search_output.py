"""The search index in the output: a build that writes no fresh index leaves
none from the last build, whose index holds the full text of releases that
may since have become drafts (hunt "warm" #3)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from conftest import (
    REPO,
    assert_same_tree,
    build_without,
    clean_build_with,
    newsroom,
    run_build,
    shipped_plugins,
)
from plugins.search import indexer, stable
from plugins.search import plugin as search_plugin
from warta.build import load_settings

WITHDRAWN_WORD = "Sengketaperselisihan"  # a word only the release later withdrawn says


def two_releases(site) -> Path:
    """Two published releases of different years; returns the one withdrawn later."""
    site.article(
        "2024/rakor.md",
        title="Bawaslu Kota Palembang Gelar Rapat Koordinasi",
        date="2024-11-17 09:30",
        slug="rakor",
    )
    return site.article(
        "2023/sengketa.md",
        title="Bawaslu Sumsel Siapkan Jajaran Hadapi Perselisihan",
        date="2023-12-18 09:30",
        slug="sengketa",
        body=f"PALEMBANG – Bawaslu Sumsel membahas {WITHDRAWN_WORD} hasil pemilihan.",
    )


def withdraw(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Summary:", "Status: draft\nSummary:", 1), encoding="utf-8")


def taken_pages(built) -> list[str]:
    return built.json("admin/config.json")["warta"]["taken"]["halaman"]


def test_search_turned_off_leaves_no_index_and_the_output_of_a_clean_build(site, tmp_path):
    """Search on, a release withdrawn (draft), then search off on the warm
    output: the last index (with the draft's text) stayed, and /admin/ listed
    "pagefind" as a taken address."""
    withdrawn = two_releases(site)
    first = site.build(publish=True)
    assert first.returncode == 0, first.log
    assert (site.output / "pagefind" / "bundles.json").is_file()
    assert "pagefind" in taken_pages(first)
    withdraw(withdrawn)

    warm = site.build(publish=True, SEARCH_ENABLED=False)

    assert warm.returncode == 0, warm.log
    assert not (site.output / "pagefind").exists()
    assert "pagefind" not in taken_pages(warm)
    clean = run_build(
        site.content,
        tmp_path / "clean" / "output",
        settings_file=REPO / "publishconf.py",
        cache=tmp_path / "clean" / "cache",
        overrides={"SEARCH_ENABLED": False},
    )
    assert clean.returncode == 0, clean.log
    assert_same_tree(warm.output, clean.output)


def test_the_search_plugin_left_out_leaves_no_index(site):
    two_releases(site)
    assert site.build().returncode == 0
    assert (site.output / "pagefind" / "bundles.json").is_file()

    built = site.build(PLUGINS=[p for p in shipped_plugins() if p != "search"])

    assert built.returncode == 0, built.log
    assert not (site.output / "pagefind").exists()


def test_an_index_with_no_page_to_find_is_removed(site):
    """Every release withdrawn, search on: no page to index, and the last
    index (the withdrawn releases' text) stayed."""
    withdrawn = two_releases(site)
    assert site.build(publish=True).returncode == 0
    assert (site.output / "pagefind" / "bundles.json").is_file()
    withdraw(withdrawn)
    withdraw(site.content / "berita" / "2024" / "rakor.md")

    built = site.build(publish=True)

    assert built.returncode == 0, built.log
    assert not (site.output / "pagefind").exists()


def search_references(output: Path) -> list[tuple[str, str, str]]:
    """(page, element, address) of every link or form to the search page
    (/cari/) and every reference to the search index, in each HTML page."""
    found = []
    for path in sorted(output.rglob("*.html")):
        page = path.relative_to(output).as_posix()
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for element, attribute in (("a", "href"), ("form", "action")):
            for tag in soup.find_all(element, attrs={attribute: True}):
                if urlsplit(tag[attribute]).path == "/cari/":
                    found.append((page, element, tag[attribute]))
        for tag in soup.find_all(attrs={"data-search-bundles": True}):
            found.append((page, tag.name, tag["data-search-bundles"]))
    return found


def test_search_off_writes_no_search_page_and_no_page_links_to_one(site, tmp_path):
    """SEARCH_ENABLED = False: every page still had the header's search link
    and form (to /cari/), and /cari/ was written loading
    /pagefind/bundles.json, which no build wrote. Now neither with search off
    nor without the search plugin; with search on, as before."""
    two_releases(site)
    on = site.build(publish=True)
    assert on.returncode == 0, on.log
    home = on.html("")
    assert home.select_one("header form.site-search[action$='/cari/']") is not None
    assert home.select_one("header a.site-header__search-link[href$='/cari/']") is not None
    bundles = on.html("cari/").select_one("[data-search-bundles]")["data-search-bundles"]
    assert (on.output / urlsplit(bundles).path.lstrip("/")).is_file(), bundles

    off = run_build(
        site.content,
        tmp_path / "off" / "output",
        settings_file=REPO / "publishconf.py",
        cache=tmp_path / "off" / "cache",
        overrides={"SEARCH_ENABLED": False},
    )
    assert off.returncode == 0, off.log
    assert not (off.output / "cari").exists(), off.files()
    assert search_references(off.output) == []
    assert off.html("").select_one("header .site-brand") is not None

    without = build_without(site, tmp_path, "search")
    assert without.returncode == 0, without.log
    assert search_references(without.output) == []


def test_the_search_page_is_a_direct_template_only_while_search_is_on():
    """The search plugin lists `cari` among the direct templates when search
    is on (in its place, or added) and takes it out when off; the settings
    module's list stays as it was."""
    listed = load_settings(REPO / "pelicanconf.py")["DIRECT_TEMPLATES"]
    before = list(listed)
    assert "cari" not in listed  # (the plugin's to add)
    written = ["index", "tags", "cari", "404"]
    for enabled, templates, expected in (
        (True, listed, [*listed, "cari"]),
        (False, listed, listed),
        (True, written, written),
        (False, written, ["index", "tags", "404"]),
        (True, ["index", "404"], ["index", "404", "cari"]),
        (False, ["index", "404"], ["index", "404"]),
    ):
        pelican = fake_pelican(
            Path("/nonexistent"), [".git"], SEARCH_ENABLED=enabled, DIRECT_TEMPLATES=templates
        )
        search_plugin.own_search_page(pelican)
        assert pelican.settings["DIRECT_TEMPLATES"] == expected, (enabled, templates)
        assert pelican.settings["SEARCH_PAGE"] is enabled
    assert listed == before


def fake_pelican(output: Path, retention: list[str], **settings) -> SimpleNamespace:
    base = load_settings(REPO / "pelicanconf.py")
    merged = {**base, "OUTPUT_RETENTION": retention, **settings}
    return SimpleNamespace(settings=merged, output_path=str(output), output_retention=retention)


def test_the_bundle_folder_is_retained_only_while_search_indexes():
    """The clean-up at the start keeps the index folder only for a build that
    indexes it again; a settings file that still lists it does not keep it."""
    listed = [".git", "pagefind"]
    for enabled, check, expected in (
        (True, False, [".git", "pagefind"]),
        (False, False, [".git"]),
        (True, True, [".git"]),
    ):
        pelican = fake_pelican(Path("/nonexistent"), listed, SEARCH_ENABLED=enabled)
        if check:
            pelican.settings["WARTA_CHECK_ONLY"] = True
        search_plugin.retain_bundle_dir(pelican)
        assert pelican.settings["OUTPUT_RETENTION"] == expected, (enabled, check)
        assert pelican.output_retention == expected
    assert listed == [".git", "pagefind"]  # the settings module's list is left as it was
    nested = fake_pelican(Path("/nonexistent"), [".git"], SEARCH_BUNDLE_DIR="aset/pagefind")
    search_plugin.retain_bundle_dir(nested)
    assert nested.settings["OUTPUT_RETENTION"] == [".git"]


def test_a_failed_pagefind_run_leaves_no_bundle_folder(tmp_path, monkeypatch):
    """The 2024 bundle written, the 2023 one failed: a half index (no
    bundles.json) would stay in the public output."""
    output = tmp_path / "output"
    for page in ("berita/2024/11/rakor/index.html", "berita/2023/12/sengketa/index.html"):
        (output / page).parent.mkdir(parents=True)
        (output / page).write_text("<html></html>", encoding="utf-8")

    def pagefind(command, **kwargs):
        glob = command[command.index("--glob") + 1]
        if "2023" in glob:
            return subprocess.CompletedProcess(command, 1, "", "Error: broken page\n")
        bundle = output / command[command.index("--output-subdir") + 1]
        bundle.mkdir(parents=True)
        (bundle / "pagefind.js").write_text("", encoding="utf-8")
        return subprocess.CompletedProcess(command, 0, "Indexed 1 page\n", "")

    monkeypatch.setattr(indexer.subprocess, "run", pagefind)
    search_plugin.index_site(fake_pelican(output, [".git", "pagefind"]))

    assert not (output / "pagefind").exists()
    assert (output / "berita" / "2024" / "11" / "rakor" / "index.html").is_file()


def filter_lists(bundle: Path) -> dict[str, list[str]]:
    """{filter: its values}, in the order of the bundle's files, read as the
    browser's Pagefind reads them: entry → metadata → filter files."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    [language] = entry["languages"].values()
    meta = stable.read(bundle / f"pagefind.{language['hash']}.pf_meta")
    lists = {}
    for name, file_hash in meta[3]:
        content = stable.read(bundle / "filter" / f"{file_hash}.pf_filter")
        assert content[0] == name
        lists[name] = [value for value, _pages in content[1]]
    return lists


def test_two_builds_of_the_same_content_give_the_same_search_index(site, tmp_path):
    """Pagefind wrote its filters (wilayah, tag, rubrik, tahun) and their
    values in another order on each run (Pagefind/pagefind#638), so two
    builds of the same content gave other filter files, metadata and
    pagefind-entry.json, all published again; now the same files, the
    filters and their values in order."""
    newsroom(site)
    first = site.build(publish=True)
    assert first.returncode == 0, first.log
    kept = tmp_path / "first"
    shutil.copytree(site.output / "pagefind", kept)
    for _ in range(2):  # each Pagefind run draws another order
        shutil.rmtree(site.output)
        again = site.build(publish=True)
        assert again.returncode == 0, again.log
        assert_same_tree(site.output / "pagefind", kept)
    lists = filter_lists(kept / "2024")
    assert list(lists) == sorted(lists) and {"tag", "wilayah"} <= set(lists), lists
    assert all(values == sorted(values) for values in lists.values()), lists
    assert {"Pilkada Serentak 2024", "Pengawasan Partisipatif"} <= set(lists["tag"])
    assert len(lists["wilayah"]) >= 4, lists


def searched_words(built, address: str) -> list[str]:
    """The words of the page's hidden Pagefind metadata `cari`."""
    spans = built.html(address).select('.search-meta [data-pagefind-meta^="cari:"]')
    assert len(spans) == 1, built.log
    return spans[0]["data-pagefind-meta"].removeprefix("cari:").split()


def test_a_warm_build_after_an_alias_changed_finds_the_release_by_the_new_alias(site, tmp_path):
    """The search words are computed by the enrichment stage and cached with
    the enrichment: an alias added in aliases.yaml reaches the release's
    `cari` on a warm build (the pipeline's digest covers the aliases), as on
    a clean build."""
    aliases = tmp_path / "aliases.yaml"
    shutil.copy(REPO / "data" / "regions" / "aliases.yaml", aliases)
    site.article("rakor.md", slug="rakor", wilayah="Kota Palembang", date="2024-11-17 09:30")
    overrides = {"SEARCH_ENABLED": False, "REGIONS_ALIASES": str(aliases)}
    address = "berita/2024/11/rakor/"
    first = site.build(verbose=True, **overrides)
    assert first.returncode == 0, first.log
    assert "PLG" in searched_words(first, address) and "Wongkito" not in first.log
    text = aliases.read_text(encoding="utf-8")
    assert "  seat: Palembang\n  aliases: [PLG]\n" in text
    aliases.write_text(text.replace("aliases: [PLG]", "aliases: [PLG, Wongkito]"), "utf-8")
    warm = site.build(verbose=True, **overrides)
    assert warm.returncode == 0, warm.log
    words = searched_words(warm, address)
    assert "Wongkito" in words and "PLG" in words
    clean = clean_build_with(site, tmp_path, **overrides)
    assert searched_words(clean, address) == words
