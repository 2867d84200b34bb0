"""The search plugin's pure parts: filters from article data, the Pagefind
commands (one bundle per year) and bundles.json."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from plugins.search import indexer
from plugins.search.filters import search_filters
from plugins.search.indexer import (
    build_index,
    bundle_commands,
    glob_from_save_as,
    manifest,
    pagefind_command,
    split_by_year,
    year_segment,
)
from warta.enrichment import DETECTED, Enrichment, OfficialRef, Place, RegionRef, TagRef
from warta.pipeline import Pipeline, Source
from warta.search import SearchWordsStage, search_words

SAVE_AS = "berita/{date:%Y}/{date:%m}/{slug}/index.html"
OPTIONS = {
    "root_selector": "article.article",
    "exclude_selectors": [".article__footer", "nav"],
    "language": "id",
}


def built_site(root: Path, pages: list[str]) -> Path:
    """An output folder holding empty pages at the given paths."""
    for page in pages:
        (root / page).parent.mkdir(parents=True, exist_ok=True)
        (root / page).write_text("<html></html>", encoding="utf-8")
    return root


def option(command: list[str], name: str) -> str:
    return command[command.index(name) + 1]


def test_filters_from_regions_official_tags_rubrik_and_year():
    regions = [
        RegionRef("16.71", "Kota Palembang", "kota", "wilayah/16/16-71/"),
        RegionRef("16.10", "Kabupaten Ogan Ilir", "kabupaten", "wilayah/16/16-10/"),
    ]
    official = [
        TagRef("coklit", "Coklit", "Tahapan Pemilihan"),
        TagRef("dpt", "Daftar Pemilih Tetap", "Tahapan Pemilihan", DETECTED),
    ]
    filters = search_filters(
        regions=regions, official_tags=official, tags=["bebas"], category="Siaran Pers", year=2024
    )
    assert filters == [
        ("wilayah", "Kota Palembang"),
        ("wilayah", "Kabupaten Ogan Ilir"),
        ("tag", "Coklit"),
        ("tag", "Daftar Pemilih Tetap"),
        ("rubrik", "Siaran Pers"),
        ("tahun", "2024"),
    ]


def test_a_region_is_filtered_with_its_ancestors_each_named_with_its_level():
    """A kecamatan's release had `wilayah: ['Belitang']` alone: filtering by
    its kabupaten or province missed it."""
    province = Place("16", "Sumatera Selatan", "provinsi", "wilayah/sumatera-selatan/")
    okut = Place(
        "16.08", "Kabupaten Ogan Komering Ulu Timur", "kabupaten", "wilayah/sumatera-selatan/okut/"
    )
    regions = [
        RegionRef("16.08.01", "Belitang", "kecamatan", "x/", ancestors=(province, okut)),
        RegionRef("16.08.05", "Martapura", "kecamatan", "y/", ancestors=(province, okut)),
        RegionRef("16", "Sumatera Selatan", "provinsi", "wilayah/sumatera-selatan/"),
    ]
    filters = search_filters(regions=regions, official_tags=(), tags=(), category=None, year=None)
    assert filters == [
        ("wilayah", "Kecamatan Belitang"),
        ("wilayah", "Kabupaten Ogan Komering Ulu Timur"),
        ("wilayah", "Provinsi Sumatera Selatan"),
        ("wilayah", "Kecamatan Martapura"),
    ]


def test_search_words_name_regions_as_typed_with_their_ancestors_tags_and_officials():
    """Region names reached Pagefind only as filters, which are not searched:
    "pagar alam" missed a release that writes "Pagaralam", and a kecamatan's
    release was not found by its kabupaten's name or alias."""
    province = Place("16", "Sumatera Selatan", "provinsi", "p/")
    okut = Place("16.08", "Kabupaten Ogan Komering Ulu Timur", "kabupaten", "k/")
    regions = [
        RegionRef("16.08.03", "Belitang", "kecamatan", "b/", ancestors=(province, okut)),
        RegionRef("16.72", "Kota Pagar Alam", "kota", "pa/", ancestors=(province,)),
    ]
    aliases = {"16.08": ["Martapura", "OKU Timur", "OKUT"], "16": ["Sumsel"]}
    words = search_words(
        regions=regions,
        official_tags=[TagRef("coklit", "Coklit", "Tahapan Pemilihan")],
        officials=[OfficialRef("m-rizal", "Muhammad Rizal Effendi", "Ketua", "Bawaslu")],
        aliases=lambda code: aliases.get(code, []),
    )
    assert words == (
        "Kecamatan Belitang Kec Kabupaten Ogan Komering Ulu Timur Kab "
        "Martapura OKU OKUTimur OKUT "
        "Provinsi Sumatera Selatan Prov SumateraSelatan Sumsel "
        "Kota Pagar Alam PagarAlam Coklit Muhammad Rizal Effendi"
    )
    assert search_words(regions=None) == ""


def test_search_words_are_an_enrichment_stage_cached_under_the_aliases():
    """`article.search_words` was set by the search plugin outside the typed
    enrichment, again on every build; it is the `search_words` stage, run
    after the regions and official tags stages, its words kept with the
    enrichment (a field of the source) and its digest (so the cache's) that
    of the aliases it was made with."""
    province = Place("16", "Sumatera Selatan", "provinsi", "p/")
    region = RegionRef("16.71", "Kota Palembang", "kota", "k/", ancestors=(province,))

    @dataclasses.dataclass
    class Regions:  # the regions stage's part, as it gives it
        name: str = "regions"
        after: tuple = ()

        def digest(self) -> str:
            return "regions"

        def run(self, source, enrichment):
            return dataclasses.replace(enrichment, regions=(region,))

    def pipeline_with(aliases) -> Pipeline:
        pipeline = Pipeline()
        pipeline.add(SearchWordsStage(aliases))  # added first, runs after regions
        pipeline.add(Regions())
        return pipeline

    article = Source("berita/a.md", "", "", "A", dt.date(2024, 11, 1), {}, ())
    before = pipeline_with({"16.71": ["PLG"]})
    assert before.names == ("regions", "search_words")
    [enriched] = before.run([article])
    assert enriched.search_words.split() == [
        *("Kota", "Palembang", "PLG", "Provinsi", "Sumatera", "Selatan", "Prov"),
        "SumateraSelatan",
    ]
    assert "search_words" in Enrichment.SOURCE_FIELDS
    assert enriched.from_source().search_words == enriched.search_words
    after = pipeline_with({"16.71": ["PLG", "Wongkito"]})
    assert after.digest() != before.digest()
    assert "Wongkito" in after.run([article])[0].search_words.split()


def test_pelican_tags_stand_in_when_no_official_tags_exist():
    tags = ["Pilkada 2024", "Pilkada 2024"]
    filters = search_filters(regions=(), official_tags=(), tags=tags, category=None, year=None)
    assert filters == [("tag", "Pilkada 2024")]
    none = search_filters(regions=None, official_tags=None, tags=None, category="Berita", year=2025)
    assert none == [
        ("rubrik", "Berita"),
        ("tahun", "2025"),
    ]


def test_article_glob_follows_the_permanent_url():
    save_as = "berita/{date:%Y}/{date:%m}/{slug}/index.html"
    assert glob_from_save_as(save_as) == "berita/*/*/*/index.html"


def test_pagefind_runs_from_the_installed_wheel_offline(tmp_path):
    command = pagefind_command(
        tmp_path,
        bundle_dir="pagefind",
        glob="berita/**/*.html",
        root_selector="article.article",
        exclude_selectors=[".article__footer", "nav"],
        language="id",
    )
    assert command[:3] == [sys.executable, "-m", "pagefind"]
    assert command.count("--exclude-selectors") == 2
    assert command[command.index("--force-language") + 1] == "id"


def test_the_year_is_the_save_as_segment_that_is_exactly_the_year():
    assert year_segment(SAVE_AS) == 1
    assert year_segment("{date:%Y}/{slug}.html") == 0
    assert year_segment("berita/{slug}/index.html") is None
    assert year_segment("berita/{date:%Y%m}/{slug}/index.html") is None  # not a year folder


def test_pages_are_split_into_one_bundle_per_year_newest_first(tmp_path):
    site = built_site(
        tmp_path,
        [
            "berita/2023/06/rakor/index.html",
            "berita/2025/01/coklit/index.html",
            "berita/2024/11/patroli/index.html",
            "berita/2024/02/sosialisasi/index.html",
            "berita/2024/02/index.html",  # a month archive, not an article page
            "berita/2022/index.html",
        ],
    )
    assert split_by_year(site, glob_from_save_as(SAVE_AS), year_segment(SAVE_AS)) == [
        ("2025", "berita/2025/*/*/index.html"),
        ("2024", "berita/2024/*/*/index.html"),
        ("2023", "berita/2023/*/*/index.html"),
    ]


def test_urls_without_a_year_make_one_bundle_and_no_page_none(tmp_path):
    site = built_site(tmp_path / "out", ["berita/rakor/index.html"])
    assert split_by_year(site, "berita/*/index.html", None) == [("semua", "berita/*/index.html")]
    # a SEARCH_GLOB of one's own without * at the year segment: one bundle as well
    assert split_by_year(site, "berita/**/*.html", 1) == [("semua", "berita/**/*.html")]
    assert split_by_year(tmp_path / "empty", "berita/*/*/*/index.html", 1) == []


def test_each_bundle_runs_pagefind_on_its_year_into_its_own_folder(tmp_path):
    site = built_site(
        tmp_path, ["berita/2023/06/rakor/index.html", "berita/2024/11/patroli/index.html"]
    )
    commands = bundle_commands(site, "pagefind", "berita/*/*/*/index.html", year_at=1, **OPTIONS)
    assert [name for name, _ in commands] == ["2024", "2023"]
    for name, command in commands:
        assert command[:3] == [sys.executable, "-m", "pagefind"]
        assert option(command, "--site") == str(site)
        assert option(command, "--glob") == f"berita/{name}/*/*/index.html"
        assert option(command, "--output-subdir") == f"pagefind/{name}"
        assert option(command, "--root-selector") == "article.article"
        assert option(command, "--force-language") == "id"
        assert command.count("--exclude-selectors") == 2


def test_bundles_json_lists_the_bundle_folders_in_order():
    assert json.loads(manifest(["2024", "2023"])) == {"bundles": ["2024/", "2023/"]}


class FakePagefind:
    """Stands in for subprocess.run: writes the bundle, fails on one of them."""

    def __init__(self, fail: str | None = None) -> None:
        self.fail = fail
        self.globs: list[str] = []

    def __call__(self, command, **kwargs):
        site, glob = Path(option(command, "--site")), option(command, "--glob")
        self.globs.append(glob)
        if self.fail and self.fail in glob:
            return subprocess.CompletedProcess(command, 1, "", "Error: broken page\n")
        bundle = site / option(command, "--output-subdir")
        bundle.mkdir(parents=True)
        (bundle / "pagefind.js").write_text("", encoding="utf-8")
        pages = len(list(site.glob(glob)))
        return subprocess.CompletedProcess(command, 0, f"Indexed {pages} pages\n", "")


YEARS_SITE = [
    "berita/2023/06/rakor/index.html",
    "berita/2024/11/patroli/index.html",
    "berita/2024/02/sosialisasi/index.html",
]


def test_build_index_replaces_stale_bundles_and_counts_all_pages(tmp_path, monkeypatch):
    site = built_site(tmp_path, YEARS_SITE)
    stale = site / "pagefind" / "2019" / "pagefind.js"
    stale.parent.mkdir(parents=True)
    stale.write_text("", encoding="utf-8")
    fake = FakePagefind()
    monkeypatch.setattr(indexer.subprocess, "run", fake)
    result = build_index(site, "pagefind", "berita/*/*/*/index.html", year_at=1, **OPTIONS)
    assert (result.returncode, result.pages, result.bundles) == (0, 3, ["2024", "2023"])
    assert fake.globs == ["berita/2024/*/*/index.html", "berita/2023/*/*/index.html"]
    assert json.loads((site / "pagefind" / "bundles.json").read_text(encoding="utf-8")) == {
        "bundles": ["2024/", "2023/"]
    }
    assert sorted(p.name for p in (site / "pagefind").iterdir()) == ["2023", "2024", "bundles.json"]


def test_a_failed_bundle_is_named_and_leaves_no_bundles_json(tmp_path, monkeypatch):
    site = built_site(tmp_path, YEARS_SITE)
    monkeypatch.setattr(indexer.subprocess, "run", FakePagefind(fail="2023"))
    result = build_index(site, "pagefind", "berita/*/*/*/index.html", year_at=1, **OPTIONS)
    assert result.returncode == 1
    assert result.failed == "pagefind/2023"
    assert option(result.command, "--glob") == "berita/2023/*/*/index.html"
    assert "broken page" in result.output
    assert not (site / "pagefind" / "bundles.json").exists()


@pytest.mark.parametrize("bundle_dir", ["", ".", "../elsewhere"])
def test_the_bundle_folder_must_lie_inside_the_output(tmp_path, bundle_dir):
    site = built_site(tmp_path / "out", YEARS_SITE)
    with pytest.raises(ValueError, match="SEARCH_BUNDLE_DIR"):
        build_index(site, bundle_dir, "berita/*/*/*/index.html", year_at=1)
    assert (site / "berita").is_dir()


SPLIT_SITE = [
    "berita/2024/01/a/index.html",
    "berita/2024/01/b/index.html",
    "berita/2024/02/c/index.html",
    "berita/2024/03/d/index.html",
    "berita/2024/03/e/index.html",
    "berita/2024/11/f/index.html",
    "berita/2024/02/index.html",  # a month archive, not an article page
    "berita/2023/06/g/index.html",
]


def test_a_year_of_more_pages_than_the_limit_is_split_into_groups_of_months(tmp_path):
    site = built_site(tmp_path, SPLIT_SITE)
    glob = glob_from_save_as(SAVE_AS)
    assert split_by_year(site, glob, year_segment(SAVE_AS), max_pages=3) == [
        ("2024-03", "berita/2024/{03,11}/*/index.html"),
        ("2024-01", "berita/2024/{01,02}/*/index.html"),
        ("2023", "berita/2023/*/*/index.html"),
    ]
    # A month larger than the limit is a bundle of its own; no limit: a bundle a year.
    assert split_by_year(site, glob, 1, max_pages=1)[:2] == [
        ("2024-11", "berita/2024/11/*/index.html"),
        ("2024-03", "berita/2024/03/*/index.html"),
    ]
    assert [name for name, _ in split_by_year(site, glob, 1)] == ["2024", "2023"]
    assert [name for name, _ in split_by_year(site, glob, 1, max_pages=6)] == ["2024", "2023"]


def test_split_bundles_are_indexed_by_pagefind_and_listed_newest_first(tmp_path):
    site = tmp_path / "site"
    for page in SPLIT_SITE:
        path = site / page
        path.parent.mkdir(parents=True, exist_ok=True)
        name = page.split("/")[-2]
        path.write_text(
            f'<html lang="id"><body><article class="article"><h1>Rilis {name}</h1>'
            f"<p>Bawaslu mengawasi tahapan {name}.</p></article></body></html>",
            encoding="utf-8",
        )
    result = build_index(
        site, "pagefind", glob_from_save_as(SAVE_AS), year_at=1, max_pages=3, **OPTIONS
    )
    assert result.returncode == 0, result.output
    assert result.bundles == ["2024-03", "2024-01", "2023"]
    assert result.pages == 7
    listed = json.loads((site / "pagefind" / "bundles.json").read_text(encoding="utf-8"))
    assert listed == {"bundles": ["2024-03/", "2024-01/", "2023/"]}
    for bundle in result.bundles:
        assert (site / "pagefind" / bundle / "pagefind-entry.json").is_file()
    entry = json.loads((site / "pagefind" / "2024-01" / "pagefind-entry.json").read_text())
    assert sum(language["page_count"] for language in entry["languages"].values()) == 3


def test_the_build_gives_freed_memory_back_before_pagefind_starts():
    from plugins.search.plugin import release_memory

    garbage = [bytearray(1024) for _ in range(200_000)]  # ≈ 200 MiB of small blocks
    before = release_memory()
    del garbage
    after = release_memory()
    assert before is not None and after is not None
    assert after < before - 100 * 2**20


def test_a_bundle_of_an_unknown_format_is_left_as_pagefind_wrote_it(tmp_path):
    """stable.stabilise rewrites only files it reads back to their exact bytes:
    a metadata file of another shape leaves the whole bundle untouched, with
    the reason."""
    import gzip

    from plugins.search import stable

    bundle = tmp_path / "2024"
    (bundle / "filter").mkdir(parents=True)
    entry = '{"version":"9.0.0","languages":{"id":{"hash":"id_0123456789","page_count":1}}}'
    (bundle / "pagefind-entry.json").write_text(entry, encoding="utf-8")
    meta = gzip.compress(stable.SIGNATURE + b"\x82\x659.0.0\xf5", mtime=0)  # ["9.0.0", true]
    (bundle / "pagefind.id_0123456789.pf_meta").write_bytes(meta)
    before = {p.name: p.read_bytes() for p in bundle.rglob("*") if p.is_file()}
    reason = stable.stabilise(bundle)
    assert reason is not None and "pagefind.id_0123456789.pf_meta" in reason, reason
    assert {p.name: p.read_bytes() for p in bundle.rglob("*") if p.is_file()} == before
