"""Every article or page a Pelican generator holds, whatever its status.

Pelican keeps published, translated, hidden and draft content in separate
lists on its generators; a plugin that must see all of them (to clean an
image, freeze a URL) takes them from here, so no list is forgotten. No
Pelican import: the generators are passed in.
"""

from __future__ import annotations

import html
import os
from collections.abc import Mapping
from urllib.parse import unquote, urlparse

from markupsafe import Markup

ARTICLE_LISTS = (
    "articles",
    "translations",
    "drafts",
    "drafts_translations",
    "hidden_articles",
    "hidden_translations",
)
PAGE_LISTS = (
    "pages",
    "translations",
    "hidden_pages",
    "hidden_translations",
    "draft_pages",
    "draft_translations",
)


# The lists of what the site writes but does not list (drafts and embargoed
# articles are drafts to Pelican; hidden ones are written at their address).
DRAFT_LISTS = ("drafts", "drafts_translations", "draft_pages", "draft_translations")
HIDDEN_LISTS = ("hidden_articles", "hidden_pages", "hidden_translations")


def is_articles_generator(generator) -> bool:
    """Pelican's articles generator (or a subclass), told by its lists: another
    plugin's generator may have an `articles` or `pages` of its own (the
    regions plugin's `pages` is a dict of region pages)."""
    return isinstance(getattr(generator, "articles", None), list) and hasattr(generator, "drafts")


def is_pages_generator(generator) -> bool:
    """Pelican's pages generator (or a subclass), told by its lists."""
    return isinstance(getattr(generator, "pages", None), list) and hasattr(
        generator, "hidden_pages"
    )


# On a Pelican generator: the held-back contents (drafts, embargoed and taken-
# down releases) the build writes no page of, taken out of Pelican's lists once
# read (`warta.published.hold_back_unwritten`), by the name of the list each
# was in. warta's code reads them with the lists (`every_content`); an outside
# plugin reading `generator.drafts` no longer finds them.
HELD_BACK = "warta_held_back"


def every_content(generator, lists: tuple[str, ...]) -> list:
    """The contents of the named lists of one generator (missing lists: none),
    with the held-back ones taken out of them (HELD_BACK)."""
    found = [content for name in lists for content in getattr(generator, name, None) or []]
    held_back = getattr(generator, HELD_BACK, None)
    if held_back:
        found += [content for name in lists for content in held_back.get(name, ())]
    return found


def every_article(generator) -> list:
    return every_content(generator, ARTICLE_LISTS)


def every_page(generator) -> list:
    return every_content(generator, PAGE_LISTS)


def set_summary(content, text: str | None) -> None:
    """Give the content another summary (None: none of its own, Pelican's of
    the body then), as Pelican keeps it: in its metadata and in `_summary`
    where it has one, Markup kept Markup."""
    summary = content.metadata.get("summary")
    if text is None:
        content.metadata.pop("summary", None)
        if hasattr(content, "_summary"):
            del content._summary
        return
    if isinstance(summary, Markup) and not isinstance(text, Markup):
        text = Markup(text)
    content.metadata["summary"] = text
    if hasattr(content, "_summary"):
        content._summary = text


def forget_rendered(content) -> None:
    """Drop Pelican's memoized get_content()/get_summary() of one content, so
    that templates and feeds see a body or summary a plugin has rewritten."""
    for method in (content.get_content, content.get_summary):
        for key in [key for key in method.cache if key and key[0] is content]:
            del method.cache[key]


def message_path(content) -> str:
    """The content's source path as a finding names it: relative to content/,
    with "/" separators (the absolute path when Pelican knows no relative one)."""
    path = getattr(content, "relative_source_path", None) or content.source_path or ""
    return str(path).replace("\\", "/")


def contents_of(generators, lists: tuple[str, ...] | None = None) -> list:
    """Every article and page of Pelican's articles and pages generators among
    `generators` (others are ignored), or only those of the named lists."""
    found = []
    for generator in generators:
        if is_articles_generator(generator):
            found += every_content(generator, lists or ARTICLE_LISTS)
        elif is_pages_generator(generator):
            found += every_content(generator, lists or PAGE_LISTS)
    return found


def order_index(order: list) -> dict[int, int | list[int]]:
    """id of each item of `order` → its position there, or its positions when
    `order` holds it more than once (for `in_order_of`)."""
    positions: dict[int, int | list[int]] = {id(item): index for index, item in enumerate(order)}
    if len(positions) < len(order):  # an item held twice
        positions = {}
        for index, item in enumerate(order):
            positions.setdefault(id(item), []).append(index)  # type: ignore[union-attr]
    return positions


def in_order_of(order: list, index: dict[int, int | list[int]], members) -> list:
    """The items of `order` (`index`: its `order_index`) that are in
    `members`, in `order`'s order, each as often as `order` holds it:
    Pelican's `[a for a in order if a in members]` for items compared by
    identity (no `__eq__` of their own), in one pass over `members`, where
    Pelican's scans `members` once per item of `order`."""
    if len(index) < len(order):  # positions as lists
        found = {place for key in map(id, members) for place in index.get(key, ())}
    else:
        found = {index[key] for key in map(id, members) if key in index}
    return [order[place] for place in sorted(found)]  # type: ignore[call-overload]


def linked_content(content, value: str, found: Mapping):
    """What Pelican's `Content._get_linked_content` finds for the value of an
    intrasite link of `content` (`{filename}x.md`'s "x.md") in `found` (the
    context's "generated_content" or "static_content": source path below
    content/ → content), tried as Pelican tries it: as written, %-decoded,
    HTML-unescaped; its `?query` and `#fragment` not part of the path; "/x"
    below content/, "x" beside the linking file (`..` followed). None when
    nothing is found. The one rule for content_lint's dead links and
    link_check's links to unpublished releases."""
    path = urlparse(value).path
    for candidate in (path, unquote(path), urlparse(html.unescape(value)).path):
        if candidate.startswith("/"):
            relative = candidate[1:]
        else:
            relative = content.get_relative_source_path(
                os.path.join(content.relative_dir, candidate)
            )
        target = found.get(relative)
        if target is not None:
            return target
    return None
