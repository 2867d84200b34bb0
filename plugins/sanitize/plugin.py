"""Signal wiring of sanitize (see __init__)."""

from __future__ import annotations

import logging

from markupsafe import Markup
from pelican import signals

from warta import frontmatter
from warta.contents import every_article, every_page, forget_rendered, message_path
from warta.findings import Finding, report

from .clean import Removal, clean_html, removal_lines

logger = logging.getLogger(__name__)

SUGGESTION = "write the release in Markdown; ask the web team to embed media"


def _report(content, source: str, found: list[tuple[Removal, int]]) -> None:
    """One warning per removal, at its source line when it can be found.
    `found`: (removal, the line where its text starts: the body or `Summary:`)."""
    path = message_path(content)
    by_start: dict[int, list[Removal]] = {}
    for removal, first_line in found:
        by_start.setdefault(first_line, []).append(removal)
    for first_line, removals in by_start.items():
        lines = removal_lines(source, removals, first_line=first_line)
        for removal, line in zip(removals, lines, strict=True):
            report(
                logger,
                Finding(
                    path,
                    line,
                    "warning",
                    f"raw HTML removed from the published text: '{removal.shown}'",
                    SUGGESTION,
                ),
            )


def sanitize_content(content) -> None:
    """Clean one article's or page's body and summary in place; warn per removal."""
    found: list[tuple[Removal, int]] = []
    source = None
    changed = False
    summary = content.metadata.get("summary")
    if isinstance(summary, str) and summary:
        cleaned, removed = clean_html(summary)
        if cleaned != summary:
            cleaned = Markup(cleaned) if isinstance(summary, Markup) else cleaned
            content.metadata["summary"] = cleaned
            if hasattr(content, "_summary"):
                content._summary = cleaned
            changed = True
        if removed:
            source = source if source is not None else frontmatter.read_source(content.source_path)
            first = frontmatter.parse(source).front_matter.line("summary") or 1
            found += [(removal, first) for removal in removed]
    body = getattr(content, "_content", None)
    if isinstance(body, str) and body:
        cleaned, removed = clean_html(body)
        if cleaned != body:
            content._content = cleaned
            changed = True
        if removed:
            source = source if source is not None else frontmatter.read_source(content.source_path)
            first = frontmatter.parse(source).front_matter.body_start
            found += [(removal, first) for removal in removed]
    if changed:
        forget_rendered(content)
    if found:
        _report(content, source or "", found)


def sanitize_articles(generator) -> None:
    for article in every_article(generator):
        sanitize_content(article)


def sanitize_pages(generator) -> None:
    for page in every_page(generator):
        sanitize_content(page)


def register() -> None:
    signals.article_generator_finalized.connect(sanitize_articles)
    signals.page_generator_finalized.connect(sanitize_pages)
