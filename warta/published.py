"""The published set: which articles and pages a build writes, and which it lists.

Every derived output (pages, listings, feeds, sitemaps, the search index,
photos and their variants, social cards, region and official counts) takes
its contents from here, so that nothing unpublished leaks through one output
that forgot a rule. No Pelican import: contents and generators are passed in.

- *written*: the build writes the content's own page. Published and hidden
  contents always; drafts and embargoed articles (Pelican makes a future-dated
  article a draft) only where the settings give drafts an address (the
  development build's `/draf/` preview). The public build sets the `DRAFT_*`
  addresses to "" so nothing unpublished is written there.
- *listed*: the content may appear anywhere a reader or a machine finds it
  without its address: listings, feeds, sitemaps, search, counts. Only
  `Status: published` contents that are written.

A written content's files (its photos) are published; a file that only an
unwritten content uses is not.
"""

from __future__ import annotations

from warta.contents import contents_of, every_article, every_page

LISTED_STATUSES = frozenset({"published"})
# The name of the (blinker) signal link_check sends with a content whose body
# it has just rewritten, its links to unwritten contents taken out (the public
# build): what was made from the body as it was read (release_defaults'
# summary from the lead) is made again from the body as published.
LINKS_REMOVED = "warta_links_removed"


def check_only(settings) -> bool:
    """True in `invoke check`'s build (WARTA_CHECK_ONLY): every finding is made
    and nothing is written, so work that only produces output is skipped."""
    return bool(settings.get("WARTA_CHECK_ONLY"))


def is_written(content) -> bool:
    """True when the build writes this article's or page's own page."""
    return getattr(content, "status", "published") != "skip" and bool(
        getattr(content, "save_as", "")
    )


def is_listed(content) -> bool:
    """True when the content may appear in listings, feeds, sitemaps and search."""
    return getattr(content, "status", "published") in LISTED_STATUSES and is_written(content)


def written(contents) -> list:
    return [content for content in contents if is_written(content)]


def listed(contents) -> list:
    return [content for content in contents if is_listed(content)]


def written_articles(generator) -> list:
    """Every article of an ArticlesGenerator whose page the build writes."""
    return written(every_article(generator))


def written_pages(generator) -> list:
    """Every page of a PagesGenerator whose page the build writes."""
    return written(every_page(generator))


def written_contents(generators) -> list:
    """Every written article and page of a list of generators (others are ignored)."""
    return written(contents_of(generators))
