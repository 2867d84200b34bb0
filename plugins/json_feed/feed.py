"""JSON Feed 1.1 documents from plain article records (no Pelican import).

https://www.jsonfeed.org/version/1.1/
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

VERSION = "https://jsonfeed.org/version/1.1"


@dataclass
class FeedItem:
    """What the feed needs of one article. `extension` becomes the item's `_warta`."""

    id: str
    url: str
    title: str
    content_html: str
    summary: str
    date_published: str
    date_modified: str | None = None
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    image: str | None = None
    language: str = "id"
    extension: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        item = {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "content_html": self.content_html,
            "summary": self.summary,
            "date_published": self.date_published,
            "language": self.language,
        }
        if self.date_modified:
            item["date_modified"] = self.date_modified
        if self.authors:
            item["authors"] = [{"name": name} for name in self.authors]
        if self.tags:
            item["tags"] = self.tags
        if self.image:
            item["image"] = self.image
        # `_warta` is always present so consumers can rely on the key.
        item["_warta"] = self.extension
        return item


def build_feed(
    *,
    title: str,
    home_page_url: str,
    feed_url: str,
    description: str,
    items: Iterable[FeedItem],
    language: str = "id",
    icon: str | None = None,
) -> dict:
    """A complete JSON Feed 1.1 document; items are emitted in the order given."""
    feed = {
        "version": VERSION,
        "title": title,
        "home_page_url": home_page_url,
        "feed_url": feed_url,
        "description": description,
        "language": language,
    }
    if icon:
        feed["icon"] = icon
    feed["items"] = [item.as_json() for item in items]
    return feed
