"""related: the "Baca juga" list under each article (3–5 related articles).

Articles are scored by shared regions, shared official tags and closeness in
date (see `scoring.py`) through an inverted index, never by comparing every
pair. Region codes and official tag slugs come from `article.enrichment`
(the regions and official_tags stages); without the official tags stage,
Pelican's own tags are used, and
the rubrik fills a list that would otherwise be too short, so the plugin works
even when the others are absent.

Signal order: the enrichment pipeline runs in `article_generator_pretaxonomy`.
Pelican sends `all_generators_finalized` after every generator's
`generate_context` (whatever the PLUGINS order) and before anything is
written: that is where this plugin works.

Output per article:
- `article.enrichment.related`: site-relative URLs, best first
  (published in `/feed.json` as `_warta.related`);
- `article.related_articles`: the Article objects, for
  `theme/templates/partials/related.html`;
- `article.prev_article` / `article.next_article`: the previous (older) and
  next (newer) article by date, for `partials/prev_next.html` (Pelican itself
  does not set them; an existing value is left alone).

Settings (defaults in DEFAULTS): RELATED_MAX, RELATED_MIN,
RELATED_REGION_WEIGHT, RELATED_TAG_WEIGHT, RELATED_HALF_LIFE_DAYS, and
RELATED_CANDIDATE_WINDOW (a whole number ≥ 1, default 200): how many
articles, the nearest in date, each shared region or tag brings as
candidates. It keeps the work proportional to the number of articles (see
`scoring.py`); a site whose every region and tag is on fewer articles than the
window gets exactly the unbounded ranking. Every build logs, at info level (`--verbose`), how many
candidate scores it computed: the work this plugin does.

Runs on every build, warm ones too (the content cache does not cover
`all_generators_finalized`). The lists depend only on each article's address,
date, rubrik, regions and tags and on the settings, so they are kept in
`<CACHE_PATH>/related/lists.json` under a digest of all of those
(`scoring.ranking_digest`): an edit that changes none of them (a corrected
sentence) reuses the last build's lists; any other change ranks every article
again (RELATED_CACHE = False: always rank). `invoke check` (WARTA_CHECK_ONLY)
ranks nothing: the lists find no problem, and no page is written.
"""

from __future__ import annotations

import json
import logging
from itertools import pairwise
from pathlib import Path

from pelican import signals
from pelican.generators import ArticlesGenerator

from warta.enrichment import enrichment_of
from warta.findings import Finding, report
from warta.paths import save_cache
from warta.published import check_only

from .scoring import DEFAULT_WINDOW, Item, RelatedIndex, Weights, ranking_digest, region_keys

logger = logging.getLogger(__name__)

DEFAULTS = {
    "RELATED_MAX": 5,
    "RELATED_MIN": 3,
    "RELATED_REGION_WEIGHT": 3.0,
    "RELATED_TAG_WEIGHT": 2.0,
    "RELATED_HALF_LIFE_DAYS": 30.0,
    "RELATED_CANDIDATE_WINDOW": DEFAULT_WINDOW,
}
CACHE_FILE = Path("related") / "lists.json"  # below CACHE_PATH
CACHE_FORMAT = "warta-related-1"


def settings_of(settings: dict) -> dict:
    """Our settings with defaults; a bad value is reported and replaced by its default."""
    values = {}
    for key, default in DEFAULTS.items():
        value = settings.get(key, default)
        if key == "RELATED_CANDIDATE_WINDOW":
            valid = isinstance(value, int) and not isinstance(value, bool) and value >= 1
            wanted = "a whole number ≥ 1"
        else:
            valid = not isinstance(value, bool) and isinstance(value, int | float) and value >= 0
            wanted = "a number ≥ 0"
        if not valid:
            message = f"pelicanconf.py: related: {key} must be {wanted}: {value!r}"
            report(logger, Finding("", None, "warning", message, f"using {default!r}"))
            value = default
        values[key] = value
    if values["RELATED_MIN"] > values["RELATED_MAX"]:
        values["RELATED_MIN"] = values["RELATED_MAX"]
    return values


def item_for(article, made: dict | None = None) -> Item:
    """The article's item. `made`: the sets already made this build, by the
    identity of the tuple they were made of (the enrichment cache keeps equal
    regions and tags as one tuple, shared by the articles that have them)."""
    enrichment = enrichment_of(article)
    if made is None:
        made = {}
    if "official_tags" in enrichment.stages:
        tags = made_once(made, enrichment.official_tags, official_slugs)
    else:  # official_tags plugin absent: Pelican's own tags
        tags = frozenset(tag.slug for tag in getattr(article, "tags", []) or [])
    category = getattr(article, "category", None)
    return Item(
        key=article.url,
        date=article.date,
        category=category.slug if category else "",
        regions=made_once(made, enrichment.regions, region_set),
        tags=tags,
    )


def official_slugs(tags: tuple) -> frozenset[str]:
    return frozenset(tag.slug for tag in tags)


def region_set(regions: tuple) -> frozenset[str]:
    return frozenset().union(*(region_keys(region.code) for region in regions))


def made_once(made: dict, refs: tuple, make) -> frozenset[str]:
    """`make(refs)`, once per tuple object: it is kept with its set, so its
    identity is not another's while the memo lives (its items are frozen)."""
    key = (make, id(refs))
    found = made.get(key)
    if found is None or found[0] is not refs:
        found = made[key] = (refs, make(refs))
    return found[1]


def add_neighbours(articles, urls: list[str]) -> None:
    """`urls[n]` is `articles[n].url`, computed once by the caller: Pelican
    formats it from the settings on every access, which adds up over a site."""
    order = sorted(range(len(articles)), key=lambda n: (articles[n].date, urls[n]))
    for older, newer in pairwise(articles[n] for n in order):
        if getattr(newer, "prev_article", None) is None:
            newer.prev_article = older
        if getattr(older, "next_article", None) is None:
            older.next_article = newer


def load_ranking(path: Path | None, digest: str) -> dict[str, list[str]] | None:
    """The last build's lists when they were made from the same items; None otherwise
    (no cache, another digest, an unreadable or foreign file)."""
    if path is None:
        return None
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or stored.get("format") != CACHE_FORMAT:
        return None
    lists = stored.get("related")
    if stored.get("digest") != digest or not isinstance(lists, dict):
        return None
    if not all(isinstance(v, list) and all(isinstance(k, str) for k in v) for v in lists.values()):
        return None
    return lists


def save_ranking(path: Path, digest: str, lists: dict[str, list[str]]) -> bool:
    """Keep the lists for the next build; False (and a warning) when they cannot be."""
    stored = {"format": CACHE_FORMAT, "digest": digest, "related": lists}
    return save_cache(
        path,
        json.dumps(stored).encode("utf-8"),
        owner="related",
        consequence="the next build ranks the related articles again",
    )


def add_related(generators) -> None:
    articles_generator = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)
    if articles_generator is None:
        return
    settings = articles_generator.settings
    config = settings_of(settings)  # (its warnings are findings of a check too)
    if check_only(settings):
        # `invoke check`: the lists find no problem and no page is written.
        logger.info("related: check only, nothing ranked")
        return
    articles = list(articles_generator.articles)
    made: dict = {}
    items = [item_for(article, made) for article in articles]
    add_neighbours(articles, [item.key for item in items])
    by_key = {item.key: article for item, article in zip(items, articles, strict=True)}
    weights = Weights(
        region=config["RELATED_REGION_WEIGHT"],
        tag=config["RELATED_TAG_WEIGHT"],
        half_life_days=config["RELATED_HALF_LIFE_DAYS"],
    )
    window, limit, minimum = (
        config["RELATED_CANDIDATE_WINDOW"],
        int(config["RELATED_MAX"]),
        int(config["RELATED_MIN"]),
    )
    # The lists depend only on the items: an edit that changes no article's
    # regions, tags, rubrik, date or address (most edits) reuses the last build's.
    digest = ranking_digest(items, weights, window, limit, minimum)
    cache_file = None
    if settings.get("RELATED_CACHE", True) and settings.get("CACHE_PATH"):
        cache_file = Path(settings["CACHE_PATH"]) / CACHE_FILE
    lists = load_ranking(cache_file, digest)
    scored = 0
    from_cache = lists is not None and set(lists) == set(by_key)
    if not from_cache:
        index = RelatedIndex(items, weights, window=window)
        lists = {
            item.key: [other.key for other in index.related(item, limit=limit, minimum=minimum)]
            for item in items
        }
        scored = index.scored
        if cache_file is not None:
            save_ranking(cache_file, digest, lists)
    for article, item in zip(articles, items, strict=True):
        chosen = [key for key in lists[item.key] if key in by_key]
        article.related_articles = [by_key[key] for key in chosen]
        enrichment_of(article).related = tuple(chosen)
    logger.info(
        "related: %d articles, %d candidate scores (window %d)%s",
        len(items),
        scored,
        window,
        "; the lists of the last build, from the cache" if from_cache else "",
    )


def register():
    signals.all_generators_finalized.connect(add_related)
