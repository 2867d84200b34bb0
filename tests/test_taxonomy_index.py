"""plugins/taxonomy_index: the same pages, without Pelican's list scans."""

from __future__ import annotations

import pickle

from conftest import assert_same_tree, build_without, newsroom, shipped_plugins
from plugins.taxonomy_index.indexed import IndexedList, index_pairs


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


def test_the_site_is_the_same_with_and_without_the_plugin(site, tmp_path):
    newsroom(site)
    assert "taxonomy_index" in shipped_plugins()
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    without = build_without(site, tmp_path, "taxonomy_index")
    assert without.returncode == 0, without.log
    assert_same_tree(site.output, without.output)
    assert any((site.output / "tag").iterdir())
