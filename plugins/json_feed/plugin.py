"""json_feed: publishes `/feed.json`, a JSON Feed 1.1 of all articles, newest first.

Each item carries a `_warta` object: the `warta` dict that other plugins leave in
an article's metadata (`article.metadata["warta"]["regions"]`, …), so machines
get the same enrichment the pages show without this plugin knowing about it.

Settings: JSON_FEED_SAVE_AS (default "feed.json"; None disables),
JSON_FEED_MAX_ITEMS (default None: all articles).
"""

from __future__ import annotations

import json
import logging
import os

from pelican import signals
from pelican.generators import Generator

from .feed import FeedItem, build_feed

logger = logging.getLogger(__name__)

DEFAULTS = {"JSON_FEED_SAVE_AS": "feed.json", "JSON_FEED_MAX_ITEMS": None}


def absolute(siteurl: str, path: str) -> str:
    return f"{siteurl}/{path}" if path else f"{siteurl}/"


def item_for(article, siteurl: str) -> FeedItem:
    image = article.metadata.get("image")
    return FeedItem(
        # The URL is the permanent identity of an article (issue #2), so it is the id.
        id=absolute(siteurl, article.url),
        url=absolute(siteurl, article.url),
        title=article.title,
        content_html=article.get_content(siteurl),
        summary=" ".join(str(article.summary).split()),
        date_published=article.date.isoformat(),
        date_modified=article.modified.isoformat() if getattr(article, "modified", None) else None,
        authors=[str(a) for a in getattr(article, "authors", [])],
        tags=[str(t) for t in getattr(article, "tags", [])],
        image=absolute(siteurl, image) if image else None,
        extension=article.metadata.get("warta", {}),
    )


class JsonFeedGenerator(Generator):
    """Writes the feed after every generator has filled the shared context."""

    def generate_context(self):
        for key, value in DEFAULTS.items():
            self.settings.setdefault(key, value)
            self.context.setdefault(key, self.settings[key])

    def generate_output(self, writer):
        save_as = self.settings.get("JSON_FEED_SAVE_AS")
        if not save_as:
            return
        siteurl = self.settings.get("SITEURL", "")
        articles = sorted(self.context.get("articles", []), key=lambda a: a.date, reverse=True)
        limit = self.settings.get("JSON_FEED_MAX_ITEMS")
        if limit:
            articles = articles[:limit]
        feed = build_feed(
            title=self.settings["SITENAME"],
            home_page_url=absolute(siteurl, ""),
            feed_url=absolute(siteurl, save_as),
            description=self.settings.get("SITESUBTITLE", ""),
            language=self.settings.get("DEFAULT_LANG", "id"),
            items=(item_for(article, siteurl) for article in articles),
        )
        path = os.path.join(self.output_path, save_as)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(feed, handle, ensure_ascii=False, indent=None, separators=(",", ":"))
        logger.info("Writing %s", path)


def get_generators(pelican):
    return JsonFeedGenerator


def register():
    signals.get_generators.connect(get_generators)
