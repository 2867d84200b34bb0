"""read_also: `BACA JUGA:` / `Baca juga:` lines in a body become styled "read also" links.

A line that points to an article of this site (a `{filename}` link, an internal
URL such as `/berita/2024/11/slug/`, or the article's exact headline) becomes a
`<p class="read-also">` with the label "Baca juga:" and a link to the article.
A line that points to another site or to nothing is left as written and
reported as a warning (`--strict` fails the build):

    berita/2024/x.md:14: BACA JUGA points to another site: 'https://…'
    (link to an article of this site or remove the line)

A `{filename}` line to a file content/ does not hold (a release deleted or
renamed) is an error, said here alone, with the release whose file name is
nearest; the line keeps the link's text, not the link, which Pelican would
leave in the page and feeds as the raw `{filename}/…` (content_lint, which
reads the body as rewritten, finds no missing link to say again).

Works on `article._content` in `article_generator_finalized`, every build, so
articles read from the content cache are rewritten too; the articles linked are
`article.enrichment.read_also`. No settings. A release's rewrite is kept in
CACHE_PATH/read_also/ with what it read (its body, the catalogue, content/'s
answers: `kept.py`) and set again from there while none of it has changed;
its lines' problems are said again from what was kept.

A BACA JUGA line naming a draft or an embargoed article is this plugin's to
say, in every build, whether it is a link or an address written out; so is a
line to anything else that is no article (a page, a draft page): one line per
problem. Each line said is put in the generator context (`READ_ALSO_SAID`:
source path → {(line, value, kept)}), where link_check finds it and does not
say that link at that line again (nor take a line left out of the page,
`kept` False, for where a later link to the same article comes from); it
still takes a link to what is not written out of the page.

A `Status: hidden` article is written at its address, only left out of the
lists: a line to it becomes the box as a line to any article does.
"""

from __future__ import annotations

import logging
import os
import posixpath
from pathlib import Path

from pelican import signals

import warta
from warta.contents import DRAFT_LISTS, every_content, forget_rendered, message_path
from warta.enrichment import ReadAlsoLink, enrichment_of
from warta.findings import Finding, report
from warta.fingerprint import files_digest, hash_text
from warta.frontmatter import read_source
from warta.published import READ_ALSO_SAID, is_written
from warta.read_also import mentions_read_also

from .kept import KeptRewrites, base_digest
from .lines import (
    MISSING_FILE,
    UNPUBLISHED,
    Catalogue,
    Target,
    Unpublished,
    rewrite,
    source_line_numbers,
)

logger = logging.getLogger(__name__)


def _relative(path: str) -> str:
    return path.replace(os.sep, "/")


def site_catalogue(generator, published=None, drafts=None) -> Catalogue:
    """The generator's published articles (a `Status: hidden` one too: it is
    written at its address, only left out of the lists) and its unpublished
    ones by name (`published`, `drafts`: as `catalogue_lists` gives them)."""
    if published is None or drafts is None:
        published, drafts = catalogue_lists(generator)
    return Catalogue(
        (
            Target(
                title=title,
                source_path=source_path,
                # (made only when a line names an address: Pelican formats it at each ask)
                address=lambda article=article: article.url,
            )
            for article, (title, source_path) in published
        ),
        generator.settings.get("SITEURL", ""),
        (
            Unpublished(title=title, source_path=source_path, slug=slug, written=written)
            for title, source_path, slug, written in drafts
        ),
        # (the development build reads the public site's full addresses as its own)
        generator.settings.get("PUBLIC_SITEURL", ""),
        # (a `{filename}` path is below the content folder, as Pelican reads it)
        content_file(generator),
    )


def catalogue_lists(generator) -> tuple[list, list]:
    """([(article, (headline, source path)), …] of the published articles,
    [(headline, source path, slug, written), …] of the unpublished ones with a
    slug): what the catalogue and the kept rewrites' key read."""
    published = [
        (article, (str(article.title), _relative(article.relative_source_path)))
        for article in [*generator.articles, *generator.hidden_articles]
    ]
    drafts = [
        (
            str(draft.title),
            _relative(draft.relative_source_path),
            str(draft.slug),
            is_written(draft),
        )
        for draft in every_content(generator, DRAFT_LISTS)
        if draft.slug
    ]
    return published, drafts


def content_file(generator):
    return lambda path: os.path.isfile(os.path.join(generator.path, path))


def kept_rewrites(settings) -> KeptRewrites | None:
    """The rewrites of the last build (CACHE_PATH/read_also/; LOAD_CONTENT_CACHE
    as for every content cache)."""
    if not settings.get("CACHE_PATH") or not settings.get("LOAD_CONTENT_CACHE", True):
        return None
    code = files_digest([Path(__file__).parent, *warta.site_modules()])
    return KeptRewrites(Path(settings["CACHE_PATH"]) / "read_also" / "rewrites.cache", code)


def mentions(body: str) -> bool:
    """`mentions_read_also(body)`, its letters looked for first in the body's
    UTF-8 bytes in small letters: the case-blind pattern read every body at
    19 µs, the bytes' test 7 µs (every letter the pattern takes for one of
    "baca" is ASCII, which UTF-8 keeps as it is and `bytes.lower` lowers)."""
    return b"baca" in body.encode("utf-8", "surrogatepass").lower() and mentions_read_also(body)


def rewrite_articles(generator) -> None:
    said: dict[str, set[tuple[int | None, str, bool]]] = {}
    generator.context[READ_ALSO_SAID] = said
    mentioning = [
        article
        for article in every_content(generator, ("articles", "hidden_articles", "drafts"))
        if article._content and mentions(article._content)
    ]
    kept = kept_rewrites(generator.settings)
    if not mentioning:
        if kept is not None and generator.settings.get("CACHE_CONTENT", True):
            kept.save()
        return  # no catalogue: it formats every article's address
    published, drafts = catalogue_lists(generator)
    made: list[Catalogue] = []
    addresses: list[str] = []

    def the_catalogue() -> Catalogue:
        if not made:
            made.append(site_catalogue(generator, published, drafts))
        return made[0]

    def the_addresses() -> str:
        """Digest of every published article's address, in order."""
        if not addresses:
            addresses.append(hash_text(*(target.url for target in the_catalogue()._targets)))
        return addresses[0]

    settings = generator.settings
    base = (
        base_digest(
            str(settings.get("SITEURL", "")),
            str(settings.get("PUBLIC_SITEURL", "")),
            [names for _, names in published],
            drafts,
        )
        if kept is not None
        else ""
    )
    is_file = content_file(generator)
    for article in mentioning:
        body = article._content
        source_path = _relative(article.relative_source_path)
        result = (
            kept.get(source_path, body, base, the_addresses, is_file) if kept is not None else None
        )
        if result is None:
            catalogue = the_catalogue()
            catalogue.start_reads()
            linked: list[Target] = []
            new_body, problems = rewrite(body, catalogue, posixpath.dirname(source_path), linked)
            result = (
                new_body if new_body != body else None,
                tuple((target.source_path, target.title) for target in linked),
                tuple(
                    (problem.number, problem.reason, problem.value, problem.kept)
                    for problem in problems
                ),
            )
            if kept is not None:
                kept.put(
                    source_path,
                    body,
                    base,
                    the_addresses() if catalogue.addresses_asked else None,
                    catalogue.files_asked,
                    result,
                )
        apply(generator, article, source_path, result, said, the_catalogue)
    if kept is not None:
        if settings.get("CACHE_CONTENT", True):
            kept.save()
        logger.info(
            "read_also: %d releases' BACA JUGA lines read, %d from the cache",
            len(mentioning) - kept.hits,
            kept.hits,
        )


def apply(generator, article, source_path: str, result, said: dict, the_catalogue) -> None:
    """Set what a rewrite made (`result`, made now or kept) on the article and
    say its lines' problems: the same from the cache as when made."""
    new_body, linked, problems = result
    enrichment_of(article).read_also = tuple(ReadAlsoLink(path, title) for path, title in linked)
    if new_body is not None:
        article._content = new_body
        forget_rendered(article)
    if not problems:
        return
    numbers = source_line_numbers(read_source(article.source_path))
    for number, reason, value, kept in problems:
        line = numbers[number] if number < len(numbers) else None
        # Each line's problem is said here once: link_check does not say
        # its link again (a draft page's: no article, and unpublished).
        said.setdefault(message_path(article), set()).add((line, value, kept))
        if reason == MISSING_FILE:
            report(logger, missing_file(the_catalogue(), source_path, line, value))
            continue
        report(
            logger,
            Finding(
                source_path,
                line,
                "warning",
                f"BACA JUGA points to {reason}: '{value}'",
                "publish it first, or remove the line"
                if reason == UNPUBLISHED
                else "link to an article of this site or remove the line",
            ),
        )


def missing_file(catalogue: Catalogue, source_path: str, line: int | None, value: str) -> Finding:
    """A line's `{filename}` link to a file content/ does not hold (a release
    deleted or renamed): an error, as content_lint says of any such link (the
    line's link is gone from the page, so it says nothing more), with the
    published release whose file name is nearest."""
    nearest = catalogue.nearest_path(value, but=source_path)
    return Finding(
        source_path,
        line,
        "error",
        f"BACA JUGA links to a missing file: '{value}'",
        f"link to an existing release, e.g. {{filename}}/{nearest}, or remove the line"
        if nearest
        else "link to an existing release or remove the line",
    )


def register():
    signals.article_generator_finalized.connect(rewrite_articles)
