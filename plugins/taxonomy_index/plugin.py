"""Signal wiring of the taxonomy_index plugin (see __init__)."""

from __future__ import annotations

from pelican import signals
from pelican.generators import ArticlesGenerator

from .indexed import IndexedList, index_pairs


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


def register():
    signals.all_generators_finalized.connect(index_taxonomies)
