"""Every article or page a Pelican generator holds, whatever its status.

Pelican keeps published, translated, hidden and draft content in separate
lists on its generators; a plugin that must see all of them (to clean an
image, freeze a URL) takes them from here, so no list is forgotten. No
Pelican import: the generators are passed in.
"""

from __future__ import annotations

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


def every_content(generator, lists: tuple[str, ...]) -> list:
    """The contents of the named lists of one generator (missing lists: none)."""
    return [content for name in lists for content in getattr(generator, name, None) or []]


def every_article(generator) -> list:
    return every_content(generator, ARTICLE_LISTS)


def every_page(generator) -> list:
    return every_content(generator, PAGE_LISTS)


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
