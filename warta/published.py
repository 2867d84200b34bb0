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

import datetime as dt
import functools
import itertools
import posixpath
import string

from warta.contents import (
    DRAFT_LISTS,
    HELD_BACK,
    contents_of,
    every_article,
    every_content,
    every_page,
    message_path,
)
from warta.dates import WIB, when_written, wib_now
from warta.frontmatter import TAKE_DOWN_KEY
from warta.text import fold, may_hold_ascii_word

LISTED_STATUSES = frozenset({"published"})
# In the shared context: the releases whose preview is not written that
# content_lint has said so of, with its Slug: (source → the source previewed
# there, as `unpreviewed` gives them), so that the writer does not say it again.
PREVIEWS_SAID = "warta_unpreviewed_said"

# In the shared context: message path → {(line, value, kept)} of the
# `BACA JUGA:` lines read_also has said point to an unpublished article or
# to no article (a page, a draft page), `kept` when the line stays in the
# page (a draft's preview is written), so that link_check does not say a link
# of such a line again.
READ_ALSO_SAID = "read_also_unpublished_said"

# The name of the (blinker) signal link_check sends with a content whose body
# it has just rewritten, its links to unwritten contents taken out (the public
# build): what was made from the body as it was read (release_defaults'
# summary from the lead) is made again from the body as published.
LINKS_REMOVED = "warta_links_removed"


def check_only(settings) -> bool:
    """True in `invoke check`'s build (WARTA_CHECK_ONLY): every finding is made
    and nothing is written, so work that only produces output is skipped."""
    return bool(settings.get("WARTA_CHECK_ONLY"))


# The settings Pelican's own Article and Page format their save_as from, by
# whether they are drafts (`_expand_settings` in pelican/contents.py, 4.12).
PELICAN_SAVE_AS_PREFIXES = {
    ("Article", False): "ARTICLE",
    ("Article", True): "DRAFT",
    ("Page", False): "PAGE",
    ("Page", True): "DRAFT_PAGE",
}


def is_written(content) -> bool:
    """True when the build writes this article's or page's own page."""
    if getattr(content, "status", "published") == "skip":
        return False
    kind = type(content)
    if kind.__module__ == "pelican.contents" and kind.__name__ in ("Article", "Page"):
        # Pelican's own `save_as` is the frozen one (url_cache, `Save_as:`) when
        # there is one: read without its two calls, asked of every content in
        # a dozen passes of every build.
        frozen = getattr(content, "override_save_as", _NONE)
        if frozen is not _NONE:
            return bool(frozen)
    return _has_address(content) or bool(getattr(content, "save_as", ""))


_NONE = object()


def _has_address(content) -> bool:
    """True when the content's save_as cannot be empty, known without making
    it: a Pelican article or page formats it from a setting with text outside
    its {fields}. Making it costs a strftime and a relpath, and the published
    set is asked of every content in a dozen passes of every build."""
    kind = type(content)
    if kind.__module__ != "pelican.contents" or hasattr(content, "override_save_as"):
        return False  # another class may name its setting otherwise; Save_as: is as written
    prefix = PELICAN_SAVE_AS_PREFIXES.get((kind.__name__, content.status == "draft"))
    if prefix is None:
        return False
    key = "SAVE_AS" if content.in_default_lang else "LANG_SAVE_AS"
    template = content.settings.get(f"{prefix}_{key}")
    return isinstance(template, str) and _has_literal_text(template)


@functools.lru_cache(maxsize=64)
def _has_literal_text(template: str) -> bool:
    try:
        return any(literal for literal, *_ in string.Formatter().parse(template))
    except ValueError:  # not a format string: Pelican's own formatting says so
        return False


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


def unpreviewed(generator) -> dict[str, tuple[str, str]]:
    """The drafts and embargoed articles of an articles generator whose preview
    is not written because another article is written at its address first
    (two with one `Slug:`; a published one's own `Save_as:`): source → (the
    preview address, the source written there). Pelican writes an articles
    generator's previews last, in this order (translations first), and the
    writer keeps the first page of an address. None in the public build,
    which gives drafts no address."""
    drafts = [
        draft
        for draft in every_content(generator, ("drafts_translations", "drafts"))
        if is_written(draft)
    ]
    if not drafts:  # the public build, or no draft: no address of every article made
        return {}
    owners = {
        address_of(article): message_path(article)
        for article in every_article(generator)
        if article.status != "draft" and is_written(article)
    }
    refused = {}
    for draft in drafts:
        address, source = address_of(draft), message_path(draft)
        owner = owners.setdefault(address, source)
        if owner != source:
            refused[source] = (address, owner)
    return refused


def hold_back_unwritten(generator) -> None:
    """Take the held-back contents (drafts, embargoed and taken-down releases)
    the build writes no page of out of the generator's Pelican lists, into its
    HELD_BACK, where warta's code still reads them (`every_content`).

    The public build writes no draft, and no output may show one; but an
    outside plugin reads Pelican's lists as they are: pelican-series numbers a
    series over `chain(generator.articles, generator.drafts)`, so a published
    release's series named the embargoed one, and a theme's templates get the
    lists as `drafts` and `draft_pages`. They are emptied in place, as the
    template context holds the same lists. The development build writes its
    drafts at /draf/ and keeps them in the lists."""
    held_back = getattr(generator, HELD_BACK, None) or {}
    for name in DRAFT_LISTS:
        contents = getattr(generator, name, None)
        if not isinstance(contents, list):
            continue
        kept, unwritten = [], []
        for content in contents:
            (kept if is_written(content) else unwritten).append(content)
        if unwritten:
            held_back.setdefault(name, []).extend(unwritten)
            contents[:] = kept
    if held_back:
        setattr(generator, HELD_BACK, held_back)


def address_of(content) -> str:
    """The site address of a written content: "/draf/rapat/" for draf/rapat/index.html."""
    return "/" + posixpath.normpath(str(content.save_as)).removesuffix("index.html")


def hold_future_page(content) -> None:
    """A page (content/halaman/) with a `Date:` still to come waits for it, as
    an article does: Pelican makes a future-dated article a draft
    (WITH_FUTURE_DATES off), not a page, which was published at once, its
    sitemap date in the future. A page is the site's fixed page, but a date
    written on one is a date it is meant to appear (an announcement page
    prepared ahead), and `Embargo:` on a page is already read as held back
    (content_lint says to write the Date: instead): one rule for both."""
    if type(content).__name__ != "Page" or content.settings.get("WITH_FUTURE_DATES", True):
        return
    date = getattr(content, "date", None)
    if not isinstance(date, dt.datetime) or content.status == "draft":
        return
    now = dt.datetime.now() if date.tzinfo is None else dt.datetime.now(dt.UTC)
    if date > now:
        content.status = "draft"


def take_down_time(content) -> dt.datetime | None:
    """When a content comes down (its `Kedaluwarsa:`, which the reader hands
    over in WIB's house form: `warta.markdown_source`), naive WIB; None when
    it has no take-down date."""
    value = getattr(content, "metadata", {}).get(TAKE_DOWN_KEY)
    if isinstance(value, dt.datetime):  # read by a processor: moved to WIB
        return value if value.tzinfo is None else value.astimezone(WIB).replace(tzinfo=None)
    return when_written(value) if isinstance(value, str) else None


def hold_taken_down(content) -> None:
    """A release (or page) whose `Kedaluwarsa:` has come is a draft from
    then: off the site, its listings, feeds, sitemap, search and counts, as
    an embargoed one is before its Date:. The site is built every hour, so
    it comes down within the hour; the article cache keeps no such content
    (`plugins.article_cache`), so a warm build decides by the clock as a
    clean one does. The time is the build's (`warta.dates.build_now`)."""
    if getattr(content, "status", None) == "draft":
        return
    when = take_down_time(content)
    if when is not None and wib_now(content.settings) >= when:
        content.status = "draft"


# The names staff give a folder of releases not to publish yet (any case):
# Jekyll's `_drafts/`, and the Indonesian `draf/`.
DRAFT_FOLDERS = frozenset({"draf", "drafts", "draft", "_draf", "_drafts", "_draft"})


def drafts_folder(relative_path: str) -> str | None:
    """The folder of a content's path below content/ ("berita/2026/Draf/x.md")
    named as a drafts folder (DRAFT_FOLDERS, any case, at any depth), as
    written ("Draf"); None when it is in none."""
    folders = str(relative_path).replace("\\", "/").split("/")[:-1]
    return next((name for name in folders if name.casefold() in DRAFT_FOLDERS), None)


# Words of a folder's or a file's name (read as `warta.text.fold` reads
# words: any case, split at anything that is no letter or digit) that say it
# holds releases back: `Draf Desember/`, `_embargo/`, `draft-lama/`,
# `drafts-2026/`, `draf.old/`, `unpublished/`, `DRAF-zirkon.md`,
# `zirkon.draft.md`, `EMBARGO 7 Des - zirkon.md`; and two words that do
# together (`belum-terbit/`, `Draft (jangan terbit)/`).
DRAFT_NAME_WORDS = frozenset({"draf", "draft", "drafts", "embargo", "unpublished"})
DRAFT_NAME_PAIRS = frozenset(
    {
        ("belum", "terbit"),
        ("belum", "diterbitkan"),
        ("jangan", "terbit"),
        ("jangan", "diterbitkan"),
    }
)


def draft_name(relative_path: str, title: str = "") -> tuple[str, str] | None:
    """(the folder, with a final `/`, or the file name as written, its word)
    of a content's path below content/ whose name says it is held back
    (DRAFT_NAME_WORDS, DRAFT_NAME_PAIRS, at any depth); None for none. A word
    of the file's name that its `title` holds too is the title's, no mark
    (`2026-11-20-bawaslu-kritisi-draf-pkpu.md` of "Bawaslu Kritisi Draf PKPU")."""
    path = str(relative_path)
    plain = path.isascii() and "'" not in path and "`" not in path
    if plain and not may_hold_ascii_word(path, _DRAFT_STEMS):
        return None  # (most paths; `fold` reads a plain name as its lower case)
    *folders, name = path.replace("\\", "/").split("/")
    named = [(folder, f"{folder}/") for folder in folders]
    for part, shown in [*named, (posixpath.splitext(name)[0], name)]:
        words = fold(part).split()
        skip = set(fold(title).split()) if shown == name else set()
        for word in words:
            if word in DRAFT_NAME_WORDS and word not in skip:
                return shown, word
        for pair in itertools.pairwise(words):
            if pair in DRAFT_NAME_PAIRS and not set(pair) <= skip:
                return shown, " ".join(pair)
    return None


# What each of DRAFT_NAME_WORDS and DRAFT_NAME_PAIRS holds ("draf" of "drafts",
# "terbit" of "diterbitkan"): `draft_name` folds no ASCII name without one
# (nor an apostrophe, which `fold` takes out of a word: `dr'aft/`).
_DRAFT_STEMS = ("draf", "embargo", "unpublished", "terbit")


def hold_drafts_folder(content) -> None:
    """A release (or page) in a drafts folder (`content/berita/draf/`,
    `drafts/`, `_drafts/`) is a draft: staff put it there to keep it
    unpublished, and it was published with no word. Previewed at /draf/ in
    the development build, as any draft; content_lint says why at the file.
    So is one in a folder or a file named as a draft (`draft_name`:
    `embargo/`, `Draf Desember/`, `DRAF-zirkon.md`)."""
    relative = getattr(content, "relative_source_path", None)
    if not relative or content.status == "draft":
        return
    if drafts_folder(relative) or draft_name(relative, getattr(content, "title", "")):
        content.status = "draft"
