"""plugins/taxonomy_index: the same pages, without Pelican's list scans."""

from __future__ import annotations

import pickle

from conftest import assert_same_tree, build_without, newsroom, shipped_plugins
from plugins.taxonomy_index.indexed import IndexedList, index_pairs, members_in_order


class Article:
    """Stands in for Pelican's contents: no equality of its own."""


def test_membership_is_by_identity_and_follows_every_change():
    first, second, third = Article(), Article(), Article()
    articles = IndexedList([first, second])
    assert first in articles and third not in articles
    articles.append(third)
    assert third in articles
    articles.remove(first)
    assert first not in articles
    articles += [first]
    assert first in articles and isinstance(articles, IndexedList)
    articles[0] = third
    assert second not in articles
    del articles[:]
    assert third not in articles and len(articles) == 0
    assert type(pickle.loads(pickle.dumps(IndexedList([1, 2])))) is list


def test_pairs_sharing_a_list_keep_sharing_one_indexed_list():
    shared = [Article()]
    replaced = {}
    pairs = index_pairs([("a", shared), ("b", shared), "not a pair"], replaced)
    assert pairs[0][1] is pairs[1][1] and isinstance(pairs[0][1], IndexedList)
    assert list(pairs[0][1]) == shared and pairs[2] == "not a pair"


def test_members_keep_the_order_of_the_site_and_compare_by_identity():
    first, second, third = Article(), Article(), Article()
    assert members_in_order([first, second, third], [third, first]) == [first, third]
    assert members_in_order([first, second], [Article()]) == []


def test_the_site_is_the_same_with_and_without_the_plugin(site, tmp_path):
    newsroom(site)
    for month in ("08", "09", "11"):  # period archives of several months and two years
        for year in ("2023", "2024"):
            site.article(
                f"arsip-{year}-{month}.md",
                title=f"Bawaslu Kota Palembang Gelar Rapat Evaluasi Bulan {month} Tahun {year}",
                date=f"{year}-{month}-05 10:00",
                slug=f"arsip-{year}-{month}",
            )
    assert "taxonomy_index" in shipped_plugins()
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    without = build_without(site, tmp_path, "taxonomy_index")
    assert without.returncode == 0, without.log
    assert_same_tree(site.output, without.output)
    assert any((site.output / "tag").iterdir())
    archive = built.html("arsip/2023/09/")
    listed = {a["href"] for a in archive.select("main a[href*='/berita/20']")}
    assert listed and all("/berita/2023/09/" in href for href in listed), listed
