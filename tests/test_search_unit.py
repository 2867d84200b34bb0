"""The search plugin's pure parts: filters from article data, the Pagefind command."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugins"))

from search.filters import search_filters
from search.indexer import glob_from_save_as, pagefind_command


def test_filters_from_regions_official_tags_rubrik_and_year():
    warta = {
        "regions": [
            {"code": "16.71", "name": "Kota Palembang", "inferred": False},
            {"code": "16.10", "name": "Kabupaten Ogan Ilir", "inferred": True},
        ],
        "official_tags": [
            {"slug": "coklit", "name": "Coklit", "group": "tahapan", "auto": False},
            {"slug": "dpt", "name": "Daftar Pemilih Tetap", "group": "tahapan", "auto": True},
        ],
    }
    assert search_filters(warta=warta, tags=["bebas"], category="Siaran Pers", year=2024) == [
        ("wilayah", "Kota Palembang"),
        ("wilayah", "Kabupaten Ogan Ilir"),
        ("tag", "Coklit"),
        ("tag", "Daftar Pemilih Tetap"),
        ("rubrik", "Siaran Pers"),
        ("tahun", "2024"),
    ]


def test_pelican_tags_stand_in_when_no_official_tags_exist():
    tags = ["Pilkada 2024", "Pilkada 2024"]
    filters = search_filters(warta={}, tags=tags, category=None, year=None)
    assert filters == [("tag", "Pilkada 2024")]
    assert search_filters(warta=None, tags=None, category="Berita", year=2025) == [
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
