"""Held-back releases (drafts, embargoed ones) and draft pages are not in the
lists an outside plugin reads in the public build: pelican-series numbers a
series over `chain(generator.articles, generator.drafts)`, and a published
release's series then named the embargoed one. warta's own plugins still
check them (a link to one is said and taken out); the development build keeps
them where a plugin finds them, as it previews them at /draf/."""

from __future__ import annotations

import json
import textwrap

from test_security_files import leaks

from conftest import REPO, article_text, run_build

MARKER = "mkseriheld"

# As pelican-series 2.x is written (a series numbered over articles and
# drafts), with a statistics plugin's inventory of every list a generator
# holds and the template context's, written next to the pages at the end.
SERIES = textwrap.dedent(
    '''
    """An outside plugin: series and an inventory of the generators' lists."""
    import json
    import os
    from collections import defaultdict
    from itertools import chain

    from pelican import signals

    SEEN = {"series": {}, "lists": {}, "context": {}}
    LISTS = (
        "articles", "translations", "drafts", "drafts_translations", "hidden_articles",
        "pages", "hidden_pages", "draft_pages", "draft_translations",
    )


    def aggregate_series(generator):
        series = defaultdict(list)
        for article in chain(generator.articles, generator.drafts):
            if "series" in article.metadata:
                series[article.metadata["series"]].append(article)
        for name, articles in series.items():
            ordered = sorted(articles, key=lambda article: article.date)
            for index, article in enumerate(ordered):
                article.series = {"name": name, "index": index + 1, "all": ordered}
            SEEN["series"][name] = [article.title for article in ordered]


    def inventory(generator):
        for name in LISTS:
            for content in getattr(generator, name, None) or ():
                SEEN["lists"].setdefault(name, []).append(content.title)
        for name in ("drafts", "draft_pages"):
            for content in generator.context.get(name) or ():
                SEEN["context"].setdefault(name, []).append(content.title)


    def write(pelican):
        path = os.path.join(pelican.settings["OUTPUT_PATH"], "seri.json")
        with open(path, "w", encoding="utf-8") as out:
            json.dump(SEEN, out)


    def register():
        signals.article_generator_finalized.connect(aggregate_series)
        signals.article_generator_finalized.connect(inventory)
        signals.page_generator_finalized.connect(inventory)
        signals.finalized.connect(write)
    '''
)

PUBLISHED_TITLE = "Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan Kampanye"
DRAFT_TITLE = f"Bawaslu Kota Palembang Siapkan {MARKER.title()} Pengawasan Masa Tenang"
EMBARGOED_TITLE = f"Bawaslu Kota Palembang Umumkan {MARKER.title()}embargo Hasil Pengawasan"
DRAFT_PAGE_TITLE = f"Halaman {MARKER.title()}halaman Yang Belum Terbit"


def newsroom(site) -> None:
    """A published release of a series linking to a draft of it, an embargoed
    release of it, and a draft page."""
    site.article(
        "rapat.md",
        article_text(
            title=PUBLISHED_TITLE,
            slug="rapat-kampanye",
            series="Pengawasan Kampanye",
            body="PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi "
            "pengawasan kampanye. [Lanjutan]({filename}/berita/lanjutan.md).",
        ),
    )
    site.article(
        "lanjutan.md",
        article_text(
            title=DRAFT_TITLE,
            slug=f"{MARKER}-lanjutan",
            date="2024-11-18 09:30",
            series="Pengawasan Kampanye",
            status="draft",
            summary=f"Bawaslu Kota Palembang menyiapkan {MARKER} pengawasan.",
        ),
    )
    site.article(
        "embargo.md",
        article_text(
            title=EMBARGOED_TITLE,
            slug=f"{MARKER}-embargo",
            date="2099-01-01 09:00",
            series="Pengawasan Kampanye",
            summary=f"Bawaslu Kota Palembang mengumumkan {MARKER} hasil pengawasan.",
        ),
    )
    site.page(
        "rahasia.md",
        f"Title: {DRAFT_PAGE_TITLE}\nStatus: draft\n\nIsi {MARKER} halaman.\n",
    )


def build(site, output, cache, settings: str):
    package = site.root / "outside-plugins" / "seri"
    package.mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").write_text(SERIES, encoding="utf-8")
    from warta.build import load_settings

    plugins = load_settings(REPO / "pelicanconf.py")
    return run_build(
        site.content,
        output,
        cache=cache,
        settings_file=REPO / settings,
        overrides={
            "SEARCH_ENABLED": False,
            "PLUGIN_PATHS": [*plugins["PLUGIN_PATHS"], str(package.parent)],
            "PLUGINS": [*plugins["PLUGINS"], "seri"],
        },
    )


def seen(built) -> dict:
    return json.loads((built.output / "seri.json").read_text(encoding="utf-8"))


def test_an_outside_plugin_finds_no_held_back_release_in_the_public_build(site, tmp_path):
    newsroom(site)
    cache = tmp_path / "cache"
    for run in ("cold", "warm"):
        built = build(site, site.output, cache, "publishconf.py")
        assert built.returncode == 0, (run, built.log)
        inventory = seen(built)
        assert inventory["series"] == {"Pengawasan Kampanye": [PUBLISHED_TITLE]}, run
        assert inventory["lists"]["articles"] == [PUBLISHED_TITLE], run
        held_back = {DRAFT_TITLE, EMBARGOED_TITLE, DRAFT_PAGE_TITLE}
        for where in ("lists", "context"):
            for name, titles in inventory[where].items():
                assert not held_back & set(titles), (run, where, name)
        assert leaks(built.output, MARKER) == [], run
        # warta still checks the draft: the published release's link to it is
        # said, with the draft's file, and left out of the page.
        said = [line for line in built.log.splitlines() if "lanjutan.md" in line]
        assert any("rapat.md" in line for line in said), (run, built.log)
        body = built.html("berita/2024/11/rapat-kampanye/").find("main")
        assert all("lanjutan" not in (a.get("href") or "") for a in body.find_all("a")), run


def test_the_development_build_keeps_its_previewed_drafts_where_a_plugin_finds_them(site, tmp_path):
    newsroom(site)
    built = build(site, site.output, tmp_path / "cache", "pelicanconf.py")

    assert built.returncode == 0, built.log
    inventory = seen(built)
    assert inventory["series"] == {
        "Pengawasan Kampanye": [PUBLISHED_TITLE, DRAFT_TITLE, EMBARGOED_TITLE]
    }
    assert set(inventory["lists"]["drafts"]) == {DRAFT_TITLE, EMBARGOED_TITLE}
    assert inventory["lists"]["draft_pages"] == [DRAFT_PAGE_TITLE]
    assert set(inventory["context"]["drafts"]) == {DRAFT_TITLE, EMBARGOED_TITLE}
