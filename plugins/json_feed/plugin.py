"""json_feed: publishes `/feed.json`, a JSON Feed 1.1 of all articles, newest first.

Each item carries a `_warta` object: the JSON form of the article's enrichment
(`article.enrichment.as_data()`: regions, official tags, officials, related,
corrections, comments, photo, social card), so machines get what the pages show.
One exception keeps the feed saying what the page says: without a comment
server (COMMENTS_PROVIDER = None) an "open" thread is published as
`{"state": "closed", "closed_by": "site"}` (the page tells readers comments
are not open and points to the contact page).

Only listed articles (warta.published: never a hidden article, draft or
embargoed one). `summary` is plain text, as JSON Feed 1.1 defines it (no
markup, entities decoded); `content_html` is the article body, whose raw HTML
the sanitize plugin has already cleaned.

Settings: JSON_FEED_SAVE_AS (default "feed.json"; None disables),
JSON_FEED_MAX_ITEMS (default None: all articles).
"""

from __future__ import annotations

import copy
import json
import logging
import os

from pelican import signals
from pelican.generators import Generator

from warta import findings
from warta.enrichment import enrichment_of
from warta.findings import Finding
from warta.paths import own_output, replace_file
from warta.published import check_only, listed
from warta.text import plain_text

from .feed import FeedItem, build_feed

logger = logging.getLogger(__name__)

DEFAULTS = {"JSON_FEED_SAVE_AS": "feed.json", "JSON_FEED_MAX_ITEMS": None}


def absolute(siteurl: str, path: str) -> str:
    return f"{siteurl}/{path}" if path else f"{siteurl}/"


def extension_for(article, *, comment_server: bool) -> dict:
    """The item's `_warta` object: the article's enrichment as JSON, with
    the comment state as the page shows it (see the module docstring)."""
    extension = copy.deepcopy(enrichment_of(article).as_data())
    comments = extension.get("comments")
    if not comment_server and isinstance(comments, dict) and comments.get("state") == "open":
        comments["state"] = "closed"
        comments["closed_by"] = "site"
    return extension


def item_for(article, siteurl: str, *, comment_server: bool = True) -> FeedItem:
    image = article.metadata.get("image")
    return FeedItem(
        # The URL is the permanent identity of an article (issue #2), so it is the id.
        id=absolute(siteurl, article.url),
        url=absolute(siteurl, article.url),
        title=article.title,
        content_html=article.get_content(siteurl),
        summary=plain_text(article.summary),
        date_published=article.date.isoformat(),
        date_modified=article.modified.isoformat() if getattr(article, "modified", None) else None,
        authors=[str(a) for a in getattr(article, "authors", [])],
        tags=[str(t) for t in getattr(article, "tags", [])],
        image=absolute(siteurl, image) if image else None,
        extension=extension_for(article, comment_server=comment_server),
    )


class JsonFeedGenerator(Generator):
    """Writes the feed after every generator has filled the shared context."""

    def generate_context(self):
        for key, value in DEFAULTS.items():
            self.settings.setdefault(key, value)
            self.context.setdefault(key, self.settings[key])
        save_as = self.settings.get("JSON_FEED_SAVE_AS")
        if save_as:
            own_output(self.context, save_as, "the JSON feed (JSON_FEED_SAVE_AS)")

    def generate_output(self, writer):
        save_as = self.settings.get("JSON_FEED_SAVE_AS")
        if not save_as or check_only(self.settings):
            return  # (`invoke check` writes no file)
        siteurl = self.settings.get("SITEURL", "")
        articles = sorted(
            listed(self.context.get("articles", [])), key=lambda a: a.date, reverse=True
        )
        # The comments plugin leaves its provider here (None: no comment server).
        comment_server = self.context.get("comments_provider", True) is not None
        limit = self.settings.get("JSON_FEED_MAX_ITEMS")
        if limit:
            articles = articles[:limit]
        feed = build_feed(
            title=self.settings["SITENAME"],
            home_page_url=absolute(siteurl, ""),
            feed_url=absolute(siteurl, save_as),
            description=self.settings.get("SITESUBTITLE", ""),
            language=self.settings.get("DEFAULT_LANG", "id"),
            items=(
                item_for(article, siteurl, comment_server=comment_server) for article in articles
            ),
        )
        path = os.path.join(self.output_path, save_as)
        try:
            # Renamed over the old file: a build killed meanwhile leaves it whole.
            data = json.dumps(feed, ensure_ascii=False, separators=(",", ":"))
            replace_file(path, data.encode("utf-8"))
        except OSError as exc:  # the output is a file, a full disk, no permission
            findings.report(
                logger,
                Finding(
                    path,
                    None,
                    "error",
                    f"JSON feed not written: {exc.strerror or exc}",
                    "check that the output folder is a folder you may write to "
                    f"('{self.output_path}')",
                ),
            )
            return
        logger.info("Writing %s", path)


def get_generators(pelican):
    return JsonFeedGenerator


def register():
    signals.get_generators.connect(get_generators)
