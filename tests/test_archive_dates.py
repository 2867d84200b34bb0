"""Tag, category and author pages: their `dates` found in one pass (article_cache).

Pelican's `generate_tags` (and categories', authors') scans every article of
the site for each tag, asking whether it is among the tag's articles: 0.2 s
of a warm build of 10,000 releases. The article cache's `quicker_archives`
writes the same pages with the same arguments from one pass over the dates.
"""

from __future__ import annotations

import copy
import datetime as dt
import random

from pelican.generators import ArticlesGenerator
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Author, Category, Tag

from plugins.article_cache.plugin import quicker_archives
from warta.contents import in_order_of, order_index


class Dated:
    """An article as the archive pages use it (compared by identity)."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.date = dt.datetime(2024, 1, 1) + dt.timedelta(hours=number)


class Equal(Dated):
    """An article equal to any other of the same number."""

    def __eq__(self, other) -> bool:
        return isinstance(other, Dated) and other.number == self.number

    __hash__ = None


class CountedList(list):
    """A list that counts the passes over it."""

    passes = 0

    def __iter__(self):
        CountedList.passes += 1
        return super().__iter__()


def generator_of(tmp_path, articles: list, groups: int = 30) -> ArticlesGenerator:
    settings = copy.deepcopy(DEFAULT_CONFIG)
    settings.update(PATH=str(tmp_path), OUTPUT_PATH=str(tmp_path / "out"), CACHE_PATH=str(tmp_path))
    generator = ArticlesGenerator(
        context={}, settings=settings, path=str(tmp_path), theme=settings["THEME"], output_path=""
    )
    chosen = random.Random(16)
    generator.articles = list(articles)
    generator.dates = CountedList(sorted(articles, key=lambda a: a.date, reverse=True))
    generator.tags = {
        Tag(f"tag {n}", settings): chosen.sample(articles, chosen.randrange(1, len(articles)))
        for n in range(groups)
    }
    generator.categories = [(Category(f"kategori {n}", settings), articles[n::3]) for n in range(3)]
    generator.authors = [(Author(f"penulis {n}", settings), articles[n::2]) for n in range(2)]
    return generator


def written(generator) -> list[tuple]:
    calls = []

    def write(*args, **fields):
        calls.append((args[0], args[2], fields))

    generator.generate_tags(write)
    generator.generate_categories(write)
    generator.generate_authors(write)
    return calls


def test_archive_pages_get_pelicans_arguments_from_one_pass_over_the_dates(tmp_path):
    articles = [Dated(n) for n in range(200)]
    pelicans = written(generator_of(tmp_path, articles))
    generator = generator_of(tmp_path, articles)
    quicker_archives(generator)
    CountedList.passes = 0
    ours = written(generator)
    assert ours == pelicans and len(ours) == 30 + 3 + 2
    assert all(fields["dates"] for _, _, fields in ours)
    # Two passes over the dates per kind of page, not one per tag (30), category, author.
    assert CountedList.passes <= 2 * 3


def test_articles_with_their_own_equality_are_found_as_pelican_finds_them(tmp_path):
    articles = [Equal(n) for n in range(40)]
    generator = generator_of(tmp_path, articles, groups=5)
    pelicans = written(generator_of(tmp_path, articles, groups=5))
    # A tag's list holding an equal copy, not the article itself.
    tag, members = next(iter(generator.tags.items()))
    generator.tags[tag] = [Equal(article.number) for article in members]
    quicker_archives(generator)
    assert written(generator) == pelicans


def test_an_outside_plugins_own_archive_method_is_left_to_run(tmp_path, monkeypatch):
    calls = []
    pelicans = ArticlesGenerator.generate_tags

    def counted(self, write):  # as an outside plugin patches Pelican's class
        calls.append(self)
        return pelicans(self, write)

    monkeypatch.setattr(ArticlesGenerator, "generate_tags", counted)
    generator = generator_of(tmp_path, [Dated(n) for n in range(20)], groups=3)
    quicker_archives(generator)
    written(generator)
    assert calls == [generator]
    assert "generate_categories" not in vars(generator)


def test_in_order_of_keeps_the_order_and_each_occurrence():
    a, b, c = Dated(1), Dated(2), Dated(3)
    order = [c, a, b, a]
    assert in_order_of(order, order_index(order), [a, b, a]) == [a, b, a]
    assert in_order_of(order, order_index(order), [Dated(1)]) == []
    once = [c, a, b]
    assert in_order_of(once, order_index(once), [b, c, b]) == [c, b]
