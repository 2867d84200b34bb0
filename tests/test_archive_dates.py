"""Tag, category and author pages: their `dates` found in one pass (article_cache).

Pelican's `generate_tags` (and categories', authors') scans every article of
the site for each tag, asking whether it is among the tag's articles: 0.2 s
of a warm build of 10,000 releases. The article cache's `quicker_archives`
writes the same pages with the same arguments from one pass over the dates.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import random
import subprocess
import sys

import pytest
from pelican.generators import ArticlesGenerator
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Author, Category, Tag

from conftest import REPO, assert_same_tree
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


# ---- against Pelican's own, on a built site ----

# Plain Pelican (its default theme), with or without the article cache, on one
# content folder: argv = content, output, cache, settings as JSON.
RUN_PELICAN = """
import json, sys
from pelican import Pelican
from pelican.settings import read_settings
content, output, cache, overrides = sys.argv[1:5]
settings = {"PATH": content, "OUTPUT_PATH": output, "CACHE_PATH": cache, **json.loads(overrides)}
Pelican(read_settings(None, override=settings)).run()
"""
# Every keyword a tag, category, author or period archive page gets, written out.
LISTING = """{% for a in articles %}A {{ a.source_path }} {{ a.lang }} {{ a.status }}
{% endfor %}{% for a in dates %}D {{ a.source_path }}
{% endfor %}{% for a in all_articles %}L {{ a.source_path }}
{% endfor %}{% for a in (articles_page.object_list if articles_page else []) %}P {{ a.source_path }}
{% endfor %}name={{ page_name }} url={{ url }} template={{ template_name }} blog={{ blog }}
{{ tag }}|{{ category }}|{{ author }}|{{ period }}
{{ articles_paginator.num_pages if articles_paginator }}
"""
# An outside plugin that changes the lists after Pelican made them: drops a
# release from every list (new lists), the dates in the other order; and
# gives the generator its own tag pages (an attribute of the generator, set
# at article_generator_init, before the article cache's receiver).
OUTSIDE = """
import os
from pelican import signals
from pelican.generators import ArticlesGenerator

def own_tags(generator):
    def generate_tags(write):
        ArticlesGenerator.generate_tags(generator, write)
        with open(os.path.join(generator.output_path, "own-tags.txt"), "w") as own:
            own.write(" ".join(sorted(tag.slug for tag in generator.tags)))
    generator.generate_tags = generate_tags

def drop(generator):
    keep = lambda items: [a for a in items if a.slug != "rilis-6"]
    generator.articles = keep(generator.articles)
    generator.dates = list(reversed(keep(generator.dates)))
    generator.tags = {tag: keep(items) for tag, items in generator.tags.items()}
    generator.categories = [(c, keep(items)) for c, items in generator.categories]
    generator.authors = [(a, keep(items)) for a, items in generator.authors]

def register():
    signals.article_generator_init.connect(own_tags)
    signals.article_generator_finalized.connect(drop)
"""


def archive_site(root):
    """Releases of three categories, tags and authors over three months, a
    translation, a hidden release, a draft and a future-dated one."""
    content = root / "content"
    content.mkdir()
    for n in range(1, 7):
        content.joinpath(f"a{n}.md").write_text(
            f"Title: Rilis nomor {n}\nDate: 2024-0{n % 3 + 1}-{10 + n} 09:0{n}\n"
            f"Slug: rilis-{n}\nCategory: {('Berita', 'Siaran Pers', 'Opini')[n % 3]}\n"
            f"Tags: Pilkada, Tag {n % 3}\nAuthor: Penulis {n % 2}, Humas\n\nIsi rilis {n}.\n",
            encoding="utf-8",
        )
    others = {
        "a1-en.md": "Title: Release one\nDate: 2024-02-11 09:01\nSlug: rilis-1\nLang: en\n"
        "Category: Opini\nTags: Pilkada\nAuthor: Humas\n\nEnglish.\n",
        "hidden.md": "Title: Tersembunyi\nDate: 2024-02-20 10:00\nStatus: hidden\n"
        "Category: Berita\nTags: Pilkada\nAuthor: Humas\n\nHidden.\n",
        "draft.md": "Title: Draf\nDate: 2024-02-21 10:00\nStatus: draft\nCategory: Berita\n"
        "Tags: Pilkada, Rahasia\nAuthor: Humas\n\nDraft.\n",
        "future.md": "Title: Embargo\nDate: 2099-02-21 10:00\nCategory: Berita\n"
        "Tags: Pilkada\nAuthor: Humas\n\nFuture.\n",
    }
    for name, text in others.items():
        content.joinpath(name).write_text(text, encoding="utf-8")
    templates = root / "templates"
    templates.mkdir()
    for name in ("tag", "category", "author", "period_archives"):
        templates.joinpath(f"{name}.html").write_text(LISTING, encoding="utf-8")
    outside = root / "outside" / "drop_one"
    outside.mkdir(parents=True)
    outside.joinpath("__init__.py").write_text(OUTSIDE, encoding="utf-8")
    return content


@pytest.mark.parametrize(
    ("order", "periods", "outside"),
    [
        ("reversed-date", True, False),
        ("title", True, False),
        ("reversed-title", False, True),
    ],
)
def test_the_quicker_archives_write_the_pages_pelican_writes(tmp_path, order, periods, outside):
    """Tag, category and author pages (and every other page) of plain Pelican
    with the article cache's `quicker_archives` are Pelican's own, byte for
    byte, for the settings that shape them: every archive kind on (or the
    period archives off), ARTICLE_ORDER_BY, translations, a hidden release, a
    draft, a future-dated one, an outside plugin changing the lists after
    Pelican made them (`article_generator_finalized`)."""
    content = archive_site(tmp_path)
    settings = {
        "DEFAULT_LANG": "id",
        "TIMEZONE": "Asia/Jakarta",
        "WITH_FUTURE_DATES": False,
        "ARTICLE_ORDER_BY": order,
        "DEFAULT_PAGINATION": 2,
        "THEME_TEMPLATES_OVERRIDES": [str(tmp_path / "templates")],
        "YEAR_ARCHIVE_SAVE_AS": "{date:%Y}/index.html" if periods else "",
        "MONTH_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/index.html" if periods else "",
        "DAY_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/{date:%d}/index.html" if periods else "",
        "PLUGIN_PATHS": [str(REPO / "plugins"), str(tmp_path / "outside")],
    }
    outputs = []
    for plugins in ([], ["article_cache"]):
        plugins = ["drop_one", *plugins] if outside else plugins
        output = tmp_path / f"output-{len(plugins)}"
        run = subprocess.run(
            [
                *(sys.executable, "-c", RUN_PELICAN),
                *(str(content), str(output), str(output) + "-cache"),
                json.dumps({**settings, "PLUGINS": plugins}),
            ],
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert run.returncode == 0, run.stderr
        outputs.append(output)
    pelicans, ours = outputs
    assert_same_tree(ours, pelicans)
    page = (pelicans / "tag" / "pilkada.html").read_text(encoding="utf-8").splitlines()
    dated = [line for line in page if line.startswith("D ")]
    assert len(dated) == (5 if outside else 6), page  # no translation, hidden, draft, future
    assert (pelicans / "2024" / "index.html").is_file() == periods
    assert (pelicans / "own-tags.txt").is_file() == outside
