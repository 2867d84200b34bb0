"""Signal wiring of the taxonomy_index plugin (see __init__)."""

from __future__ import annotations

from pelican import signals
from pelican.generators import ArticlesGenerator

from .indexed import IndexedList, index_pairs, members_in_order


def index_taxonomies(generators) -> None:
    """all_generators_finalized: every plugin that changes the lists has run."""
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            continue
        replaced: dict[int, IndexedList] = {}
        tags = getattr(generator, "tags", None)
        if isinstance(tags, dict):
            for tag, articles in list(tags.items()):
                tags[tag] = replaced.setdefault(id(articles), IndexedList(articles))
        for name in ("categories", "authors"):
            pairs = getattr(generator, name, None)
            if isinstance(pairs, list):
                setattr(generator, name, index_pairs(pairs, replaced))
        # The template context holds the same lists (as (name, articles) pairs).
        for name in ("tags", "categories", "authors"):
            pairs = generator.context.get(name)
            if isinstance(pairs, list):
                generator.context[name] = index_pairs(pairs, replaced)


def index_period_archives(generator) -> None:
    """article_generator_init: Pelican's period archives (`_build_period_archives`)
    without its scan of each period's list for every article of the site.

    Pelican's own method still makes every archive (periods, URLs, names); it is
    given no articles to filter, and each archive's `articles` is then filled
    the same way (the site's articles that are among the period's dates, in the
    site's order) with one set per period."""
    if not isinstance(generator, ArticlesGenerator):
        return
    build = generator._build_period_archives

    def build_indexed(sorted_articles, articles, settings):
        archives = build(sorted_articles, [], settings)
        for granularity in archives.values():
            for archive in granularity:
                archive["articles"] = members_in_order(articles, archive["dates"])
        return archives

    generator._build_period_archives = build_indexed


def register():
    signals.article_generator_init.connect(index_period_archives)
    signals.all_generators_finalized.connect(index_taxonomies)
