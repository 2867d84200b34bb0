"""Signal wiring of link_check (see __init__)."""

from __future__ import annotations

import html
import logging
import os
from urllib.parse import unquote, urlparse, urlsplit

from markupsafe import Markup
from pelican import signals
from pelican.contents import Article

from warta import frontmatter
from warta.contents import DRAFT_LISTS, contents_of, forget_rendered, message_path
from warta.findings import Finding, report
from warta.published import is_written, written_contents

from .links import Link, hrefs_in, link_line, links_in, remove_hrefs, remove_links, slug_segments

logger = logging.getLogger(__name__)

SUGGESTION = "publish it first, or remove the link"


def is_draft(content) -> bool:
    """A draft or embargoed content (Pelican makes a future-dated article a draft)."""
    return getattr(content, "status", "published") == "draft"


def is_unpublished(content) -> bool:
    """A draft or embargoed content, or one the build does not write."""
    return is_draft(content) or not is_written(content)


def _relative(path: str) -> str:
    return (path or "").replace(os.sep, "/")


def linked_content(content, value: str, generated: dict):
    """The content a `{filename}` value points to, found as Pelican finds it."""
    path = urlparse(value).path
    for candidate in (path, unquote(path), urlparse(html.unescape(value)).path):
        if candidate.startswith("/"):
            key = candidate[1:]
        else:
            key = content.get_relative_source_path(os.path.join(content.relative_dir, candidate))
        found = generated.get(key) or generated.get(_relative(key))
        if found is not None:
            return found
    return None


def check_content(content, generated: dict) -> None:
    """Warn about each link to an unpublished content; remove it where the
    target is not written."""
    fields = []
    summary = content.metadata.get("summary")
    if isinstance(summary, str) and ("{filename}" in summary or "|filename|" in summary):
        fields.append("summary")
    body = getattr(content, "_content", None)
    if isinstance(body, str) and ("{filename}" in body or "|filename|" in body):
        fields.append("body")
    if not fields:
        return
    source, body_start = None, 1
    unwritten: set[str] = set()
    for field in fields:
        text = summary if field == "summary" else body
        previous: dict[str, int] = {}  # link → its last line, for repeated links
        for link in links_in(text):
            target = linked_content(content, link.value, generated)
            if target is None or target is content or not is_unpublished(target):
                continue
            if not is_written(target):
                unwritten.add(link.value)
            if source is None:  # read and parsed once, when a first link is reported
                source = frontmatter.read_source(content.source_path)
                body_start = frontmatter.parse(source).front_matter.body_start
            first = 1 if field == "summary" else body_start
            line = link_line(source, link, first_line=first, after=previous.get(link.written, 0))
            previous[link.written] = line or 0
            _warn(content, target, link, line)
    if not unwritten:
        return
    if "summary" in fields:
        cleaned = remove_links(summary, unwritten.__contains__)
        cleaned = Markup(cleaned) if isinstance(summary, Markup) else cleaned
        content.metadata["summary"] = cleaned
        if hasattr(content, "_summary"):
            content._summary = cleaned
    if "body" in fields:
        content._content = remove_links(body, unwritten.__contains__)
    forget_rendered(content)


def _warn(content, target, link: Link, line: int | None) -> None:
    path = message_path(content)
    kind = "article" if isinstance(target, Article) else "page"
    message = f"link to an unpublished {kind}: '{link.written}'"
    report(logger, Finding(path, line, "warning", message, SUGGESTION))


def unpublished_slugs(generators) -> dict[str, object]:
    """Slug → content, of every draft or embargoed article or page whose slug
    no published content has (a translation shares its original's). Only the
    draft lists are read whole: a site without drafts costs nothing."""
    drafts = {c.slug: c for c in contents_of(generators, DRAFT_LISTS) if c.slug}
    if not drafts:
        return {}
    for content in contents_of(generators):
        if content.slug in drafts and not is_unpublished(content):
            del drafts[content.slug]
    return drafts


def check_addresses(content, hidden: dict[str, object], site_host: str) -> None:
    """Links written as addresses (`/draf/x/`, `https://site/berita/2027/02/x/`,
    `../x/`) to a draft's or an embargoed release's address: warned at their
    line like `{filename}` links, and taken out where the target is not
    written (the public build), so no unpublished address goes out."""
    body = getattr(content, "_content", None)
    if not isinstance(body, str) or "href" not in body:
        return
    source, previous = None, {}
    unwritten: set[str] = set()
    for link in hrefs_in(body):
        target = next(
            (hidden[s] for s in slug_segments(link.value, site_host) if s in hidden), None
        )
        if target is None or target is content:
            continue
        if not is_written(target):
            unwritten.add(link.value)
        if source is None:
            source = frontmatter.read_source(content.source_path)
            first = frontmatter.parse(source).front_matter.body_start
        line = link_line(source, link, first_line=first, after=previous.get(link.written, 0))
        previous[link.written] = line or 0
        _warn(content, target, link, line)
    if unwritten:
        content._content = remove_hrefs(body, unwritten.__contains__)
        forget_rendered(content)


def check_links(generators) -> None:
    """all_generators_finalized: every content is known, nothing is rendered yet."""
    generated = None
    for generator in generators:
        generated = getattr(generator, "context", {}).get("generated_content")
        if generated is not None:
            break
    if not generated:
        return
    hidden = unpublished_slugs(generators)
    site_url = str(generators[0].settings.get("SITEURL") or "") if generators else ""
    site_host = urlsplit(site_url).netloc.lower()
    for content in written_contents(generators):
        if is_draft(content):  # (written already: the rest of is_unpublished)
            continue  # a draft may link to another draft: neither is public
        check_content(content, generated)
        if hidden:
            check_addresses(content, hidden, site_host)


def register() -> None:
    signals.all_generators_finalized.connect(check_links)
