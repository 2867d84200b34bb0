"""related: the "Baca juga" list under each article (3–5 related articles).

Articles are scored by shared regions, shared official tags and closeness in
date (see `scoring.py`) through an inverted index, never by comparing every
pair. Region codes come from `article.metadata["warta"]["regions"]` (regions
plugin) and tag slugs from `article.metadata["warta"]["official_tags"]`
(official_tags plugin); without that plugin, Pelican's own tags are used, and
the rubrik fills a list that would otherwise be too short, so the plugin works
even when the others are absent.

Signal order: the regions and official_tags plugins enrich articles in
`article_generator_finalized`. Pelican sends `all_generators_finalized` after
every generator's `generate_context` (so after every
`article_generator_finalized` receiver, whatever the PLUGINS order) and before
anything is written: that is where this plugin works.

Output per article:
- `article.metadata["warta"]["related"]`: site-relative URLs, best first
  (published in `/feed.json` as `_warta.related`);
- `article.related_articles`: the Article objects, for
  `theme/templates/partials/related.html`;
- `article.prev_article` / `article.next_article`: the previous (older) and
  next (newer) article by date, for `partials/prev_next.html` (Pelican itself
  does not set them; an existing value is left alone).

Settings (defaults in DEFAULTS): RELATED_MAX, RELATED_MIN,
RELATED_REGION_WEIGHT, RELATED_TAG_WEIGHT, RELATED_HALF_LIFE_DAYS.
"""

from __future__ import annotations

import logging
from itertools import pairwise

from pelican import signals
from pelican.generators import ArticlesGenerator

from .scoring import Item, RelatedIndex, Weights, region_keys

logger = logging.getLogger(__name__)

DEFAULTS = {
    "RELATED_MAX": 5,
    "RELATED_MIN": 3,
    "RELATED_REGION_WEIGHT": 3.0,
    "RELATED_TAG_WEIGHT": 2.0,
    "RELATED_HALF_LIFE_DAYS": 30.0,
}


def settings_of(settings: dict) -> dict:
    """Our settings with defaults; a bad value is reported and replaced by its default."""
    values = {}
    for key, default in DEFAULTS.items():
        value = settings.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            logger.warning(
                "pelicanconf.py: related: %s must be a number ≥ 0: %r (using %r)",
                key,
                value,
                default,
            )
            value = default
        values[key] = value
    if values["RELATED_MIN"] > values["RELATED_MAX"]:
        values["RELATED_MIN"] = values["RELATED_MAX"]
    return values


def _codes(entries, field: str) -> frozenset[str]:
    """Values of `field` in a list of dicts written by another plugin; tolerant of odd shapes."""
    if not isinstance(entries, list):
        return frozenset()
    return frozenset(
        str(entry[field]) for entry in entries if isinstance(entry, dict) and entry.get(field)
    )


def item_for(article) -> Item:
    warta = article.metadata.get("warta") or {}
    if "official_tags" in warta:
        tags = _codes(warta["official_tags"], "slug")
    else:  # official_tags plugin absent: Pelican's own tags
        tags = frozenset(tag.slug for tag in getattr(article, "tags", []) or [])
    category = getattr(article, "category", None)
    return Item(
        key=article.url,
        date=article.date,
        category=category.slug if category else "",
        regions=frozenset().union(*map(region_keys, _codes(warta.get("regions"), "code"))),
        tags=tags,
    )


def add_neighbours(articles) -> None:
    ordered = sorted(articles, key=lambda article: (article.date, article.url))
    for older, newer in pairwise(ordered):
        if getattr(newer, "prev_article", None) is None:
            newer.prev_article = older
        if getattr(older, "next_article", None) is None:
            older.next_article = newer


def add_related(generators) -> None:
    articles_generator = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)
    if articles_generator is None:
        return
    config = settings_of(articles_generator.settings)
    articles = list(articles_generator.articles)
    add_neighbours(articles)
    by_key = {}
    items = []
    for article in articles:
        item = item_for(article)
        by_key[item.key] = article
        items.append(item)
    index = RelatedIndex(
        items,
        Weights(
            region=config["RELATED_REGION_WEIGHT"],
            tag=config["RELATED_TAG_WEIGHT"],
            half_life_days=config["RELATED_HALF_LIFE_DAYS"],
        ),
    )
    for article, item in zip(articles, items, strict=True):
        chosen = index.related(
            item, limit=int(config["RELATED_MAX"]), minimum=int(config["RELATED_MIN"])
        )
        article.related_articles = [by_key[other.key] for other in chosen]
        article.metadata.setdefault("warta", {})["related"] = [other.key for other in chosen]


def register():
    signals.all_generators_finalized.connect(add_related)
