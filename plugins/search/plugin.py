"""search: a Pagefind full-text index of the article pages, built after every build.

What it adds to the site:
- `/<SEARCH_BUNDLE_DIR>/` (default `/pagefind/`): Pagefind's index and JS API,
  made by the binary from the pinned PyPI package `pagefind[bin]` (offline).
  Only article pages are indexed (SEARCH_GLOB, derived from ARTICLE_SAVE_AS),
  only their `<article>` (SEARCH_ROOT_SELECTOR) minus meta lines, footers and
  navigation (SEARCH_EXCLUDE_SELECTORS).
- `article.search_filters`: [(name, value)] for the filters wilayah, tag,
  rubrik and tahun, written into each article page by
  `partials/search_meta.html` (hidden `data-pagefind-filter` spans).
- the search page's UI lives in `partials/search_ui.html` and
  `static/js/search.js` (Pagefind's JS API, our own markup).

Settings: SEARCH_ENABLED, SEARCH_BUNDLE_DIR, SEARCH_GLOB, SEARCH_ROOT_SELECTOR,
SEARCH_EXCLUDE_SELECTORS, SEARCH_LANGUAGE (defaults in DEFAULTS).
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals
from pelican.generators import ArticlesGenerator

from .filters import search_filters
from .indexer import build_index, glob_from_save_as

logger = logging.getLogger(__name__)

DEFAULTS = {
    "SEARCH_ENABLED": True,
    "SEARCH_BUNDLE_DIR": "pagefind",
    "SEARCH_GLOB": None,  # None: derived from ARTICLE_SAVE_AS
    "SEARCH_ROOT_SELECTOR": "article.article",
    "SEARCH_EXCLUDE_SELECTORS": [".article__meta", ".article__rubrik", ".article__footer", "nav"],
    "SEARCH_LANGUAGE": None,  # None: DEFAULT_LANG
}
ARTICLE_LISTS = ("articles", "translations", "drafts", "drafts_translations")


def add_defaults(pelican) -> None:
    """Before the build starts, so templates see SEARCH_BUNDLE_DIR & co."""
    for key, value in DEFAULTS.items():
        pelican.settings.setdefault(key, value)


def attach_filters(generators) -> None:
    """After every generator's context, so the regions and official tags are known."""
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            continue
        for name in ARTICLE_LISTS:
            for article in getattr(generator, name, []) or []:
                date = getattr(article, "date", None)
                article.search_filters = search_filters(
                    warta=article.metadata.get("warta"),
                    tags=getattr(article, "tags", None),
                    category=getattr(article, "category", None),
                    year=date.year if date else None,
                )


def index_site(pelican) -> None:
    settings = pelican.settings
    if not settings.get("SEARCH_ENABLED", True):
        return
    glob = settings.get("SEARCH_GLOB") or glob_from_save_as(settings["ARTICLE_SAVE_AS"])
    if next(Path(pelican.output_path).glob(glob), None) is None:
        # Pagefind fails on an empty site; a site without articles has nothing to find.
        logger.info("search: no page matches %s, no index built", glob)
        return
    try:
        result = build_index(
            Path(pelican.output_path),
            settings.get("SEARCH_BUNDLE_DIR") or "pagefind",
            glob=glob,
            root_selector=settings.get("SEARCH_ROOT_SELECTOR"),
            exclude_selectors=list(settings.get("SEARCH_EXCLUDE_SELECTORS") or []),
            language=settings.get("SEARCH_LANGUAGE") or settings.get("DEFAULT_LANG"),
        )
    except (OSError, TimeoutError) as exc:
        logger.error(
            "search index not built: Pagefind could not run: '%s' "
            "(install the pinned pagefind[bin] from pyproject.toml)",
            exc,
        )
        return
    if result.returncode != 0:
        tail = " | ".join(result.output.strip().splitlines()[-5:])
        logger.error(
            "search index not built: Pagefind failed: '%s' "
            "(run python -m pagefind --site output to see why)",
            tail,
        )
        return
    logger.info("search: Pagefind indexed %d pages matching %s", result.pages, glob)


def register() -> None:
    signals.initialized.connect(add_defaults)
    signals.all_generators_finalized.connect(attach_filters)
    signals.finalized.connect(index_site)
