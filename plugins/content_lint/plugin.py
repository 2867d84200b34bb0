"""content_lint: checks every release as staff wrote it and reports, with file and line,
what would otherwise break or mislead: missing front matter, unparseable dates (also
for articles Pelican cannot read at all, so none silently vanishes), invalid or
duplicate slugs, unknown rubrik, doubled words, title and summary lengths, links to
missing files, photos whose originals carry a GPS location, and embargoed
(future-dated) articles.

A link to a missing file is said with the file whose name is nearest, and
it keeps its text but not the link in the page and the feeds (`dead_links.py`:
Pelican would leave the raw `{filename}/…` there).

A release Pelican drops (a Date: it cannot parse, no Title, an unknown Status:)
has no article for the other plugins to check, so it is checked here in full:
besides the source checks, the enrichment stages (unknown region, unknown tag, …)
and the photo checks (alt text, missing file) run on its source
(`failed.py`), so that one build names every problem of the file, once each,
the reason it is not published first ("…: this release is not published").
It stays off the site: no article is made of it.

The checks are in `warta/source_checks.py` (no Pelican import); this plugin
reads the settings, runs them over the sources and reports. When: the sources
are listed at the first `article_generator_preread` and handed to a background
process (`warta.parallel.Background`, lowest priority: the core Pelican's one
process leaves idle while it reads and while the plugins pass over the
articles); at `all_generators_finalized` what it did is taken and the rest is
checked on every core; then the lint (the checks that read the build and the
other files, and the reporting) is forked to run beside Pelican's process
(`warta.parallel.Forked`), and its findings are said at `finalized`.

Settings (defaults in DEFAULTS): CONTENT_LINT_RUBRIK, CONTENT_LINT_TITLE_MIN/MAX,
CONTENT_LINT_SUMMARY_MIN/MAX, CONTENT_LINT_EXTRA_KEYS (front-matter keys an
outside plugin or the theme reads: a key nothing reads is said, a warning
when a known key is close to it, else a suggestion), CONTENT_LINT_NOW (ISO
datetime; tests pin the clock),
CONTENT_LINT_WORKERS (processes that read and check the sources; 0 = every core;
1 also runs the lint in Pelican's process, not beside it),
CONTENT_LINT_CACHE (default True: each source's parse and the findings that
depend on its text alone are kept in CACHE_PATH/content_lint/ by the digest of
its bytes, under a key of the rules and the code; the embargo checks, which
depend on the clock, run on every build, on a summary of each unchanged source
kept beside its parse: `summaries.py`; the link and photo checks, which depend
on other files, are kept by what they looked up: `link_findings.py`).
"""

from __future__ import annotations

import dataclasses
import functools
import html
import logging
import os
import re
import sys
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote

from pelican import Pelican, signals
from pelican.generators import ArticlesGenerator
from pelican.readers import MarkdownReader
from pelican.utils import slugify

import warta
from warta import frontmatter
from warta.contents import every_article, every_page
from warta.findings import Finding, defer, report
from warta.fingerprint import files_digest, hash_text
from warta.new_article import author_counts, office_spelling
from warta.parallel import Background, Forked, fork_map
from warta.paths import NearestFile, Refusal, below_content_folder, computer_file, linked_file
from warta.paths import check_source as check_path
from warta.pipeline import pipeline_of
from warta.plugin_order import active_plugins
from warta.published import (
    PREVIEWS_SAID,
    draft_name,
    drafts_folder,
    is_written,
    unpreviewed,
)
from warta.regions.configured import load_configured
from warta.snapshots import SnapshotStore, content_digest, file_stamp
from warta.source_checks import (
    SOURCE_SUFFIXES,
    Rules,
    Source,
    as_page_finding,
    check_author_spellings,
    check_duplicates,
    check_embargo,
    check_file_names,
    check_future_modified,
    check_image_locations,
    check_images,
    check_lang,
    check_links,
    check_page_source,
    check_slug,
    check_source,
    check_take_down,
    check_unpublished_flag,
    check_unused_items,
    converted_body,
    decode_source,
    embargo_rules,
    front_matter_unsettled,
    has_site_link,
    parse_source,
    publication_blockers,
    written_photos,
)

from .dead_links import drop_dead_links, forget_missing_static_links
from .failed import locate_image, stage_findings
from .inventory import content_files, new_name, unread_files
from .link_findings import (
    UNREAD_FILES,
    ContentTree,
    LinkFindingsCache,
    Lookups,
    recording_exists,
    recording_nearest,
    recording_photo,
    source_key,
    unread_key,
)
from .link_findings import cache_key as link_cache_key
from .summaries import LazySource, source_of, summary_site_link
from .summaries import summary as source_summary

GPS_IFD = 0x8825  # EXIF pointer to the GPS block

logger = logging.getLogger(__name__)
NOT_PUBLISHED = "this release is not published"

DEFAULTS = {
    "CONTENT_LINT_RUBRIK": ("Berita", "Siaran Pers", "Pengumuman"),
    "CONTENT_LINT_TITLE_MIN": 20,
    "CONTENT_LINT_TITLE_MAX": 150,
    "CONTENT_LINT_SUMMARY_MIN": 60,
    "CONTENT_LINT_SUMMARY_MAX": 300,
    "CONTENT_LINT_NOW": None,
    # Front-matter keys an outside plugin or the theme reads: no "unknown key".
    "CONTENT_LINT_EXTRA_KEYS": (),
    "CONTENT_LINT_WORKERS": 0,  # processes reading the sources; 0: every core
    "CONTENT_LINT_CACHE": True,  # keep each source's text-only findings by its digest
}


def rules_from_settings(settings: dict) -> Rules:
    value = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
    return dataclasses.replace(
        embargo_rules(settings),
        rubrik=tuple(value["CONTENT_LINT_RUBRIK"]),
        title_min=value["CONTENT_LINT_TITLE_MIN"],
        title_max=value["CONTENT_LINT_TITLE_MAX"],
        summary_min=value["CONTENT_LINT_SUMMARY_MIN"],
        summary_max=value["CONTENT_LINT_SUMMARY_MAX"],
        extra_keys=(
            *value["CONTENT_LINT_EXTRA_KEYS"],
            *settings.get("REGIONS_METADATA_KEYS", ()),
        ),
    )


def link_exists(content: str, source, target: str) -> bool | str:
    """Pelican's {filename} rule: "/x" is below content/, "x" is beside the
    linking file. True for a file of the site; False for none; for a file
    outside content/ (`{filename}/../README.md`), which is no file of the site
    (Pelican cannot link it), why it is refused."""
    return target_exists(content, source.path, target)


def target_exists(content: str, relative: str, target: str) -> bool | str:
    """`link_exists` of a link in the source at `relative` (below content/)."""
    refused: str | bool = False
    for written in dict.fromkeys((target, unquote(target))):  # "foto%20rapat.jpg" as Pelican
        checked = check_path(content, os.path.join(content, linked_file(relative, written)))
        if isinstance(checked, Refusal):
            refused = refused or checked.reason
        elif checked.is_file():
            return True
    return refused


def nearest_files(files: Callable[[], list[str]]) -> Callable[[bool], NearestFile]:
    """`among(sources)`: one `NearestFile` of a build's files below content/
    (`files()`, listed when first asked), of the releases' sources or of the
    other files, made when first asked and kept for every linking file (made
    again for each, it listed and compared 10,000 names a link)."""

    @functools.cache
    def among(sources: bool) -> NearestFile:
        return NearestFile(
            relative
            for relative in files()
            if relative.lower().endswith(SOURCE_SUFFIXES) == sources
        )

    return among


def nearest_file(
    among: Callable[[bool], NearestFile], linking: str
) -> Callable[[str, str], str | None]:
    """`nearest(kind, target)` for `check_links`: the file whose name is
    nearest a missing link's, as a renamed or mistyped file's (the folders all
    look alike): a release's source for a `{filename}` link, any other file
    for a `{static}`/`{attach}` one (`nearest_files`); never the linking file
    itself. None when no name is close."""

    def nearest(kind: str, target: str) -> str | None:
        return among(kind == "filename")(target, but=linking)

    return nearest


def lint_page_links(generator) -> None:
    """page_generator_finalized: a page's `{filename}` link to a missing file,
    at its line (Pelican's own message names no file), and an invalid `Slug:`
    (a folder named "Tentang <i>Kami</i>") or `Lang:`, what holds it back
    (`page_publication`) and the release checks that hold for a page too
    (`check_page_source`: its keys, characters, footnotes, empty links). The
    others are a release's alone: pages are the site's fixed pages."""
    content = generator.path
    markdown = markdown_extensions(generator)
    listed = functools.cache(functools.partial(content_files, content))
    among = nearest_files(listed)
    rules = embargo_rules(generator.settings)
    for page in every_page(generator):
        relative = getattr(page, "relative_source_path", None)
        if not relative or os.path.splitext(relative)[1][1:] not in markdown:
            continue
        try:
            with open(os.path.join(content, relative), "rb") as handle:
                text, undecodable = decode_source(relative, handle.read())
        except OSError:
            continue
        if undecodable:
            continue
        source = parse_source(relative, text)
        body, summary = rendered_links_html(source, page, generator.settings, content)
        exists = functools.partial(link_exists, content, source)
        render = body_renderer(generator.settings)
        site_url = generator.settings.get("SITEURL", "")
        nearest = nearest_file(among, relative.replace(os.sep, "/"))
        for finding in check_links(source, exists, body, summary, render, site_url, nearest):
            report(logger, finding)
        for finding in (*check_slug(source), *check_lang(source), *check_page_source(source)):
            report(logger, finding)
        for finding in page_publication(source, rules):
            report(logger, finding)


def page_publication(source: Source, rules: Rules) -> Iterator[Finding]:
    """What holds a page back, said as for an article: a flag read as
    `Status: draft` (`draft: true`, `Published: false`, `Stauts: draft`, an
    `Embargo:` date) at its line, and a `Date:` still to come (the page waits
    for it, `warta.published.hold_future_page`). They were held back with no
    word."""
    for finding in (
        *in_drafts_folder(source),
        *check_unpublished_flag(source),
        *check_embargo(source, rules),
        *check_take_down(source, rules),
    ):
        yield as_page_finding(finding)


def in_drafts_folder(source: Source) -> Iterator[Finding]:
    """A release or page in a drafts folder (`berita/draf/`, `drafts/`,
    `_drafts/`), which holds it back (`warta.published.hold_drafts_folder`):
    said once at the file, unless its own front matter holds it back too."""
    folder = drafts_folder(source.path)
    if source.value("status").lower() == "draft" or source.unpublished_flag:
        return
    named = draft_name(source.path, source.value("title")) if folder is None else None
    if named is not None:
        yield named_as_draft(source, *named)
    if folder is None:
        return
    yield Finding(
        source.path,
        None,
        "suggestion",
        f"in the drafts folder '{folder}/': not published (previewed at /draf/ in the "
        "development build)",
        f"to publish it, move it out of the {folder}/ folder",
    )


def named_as_draft(source: Source, name: str, word: str) -> Finding:
    """A release or page in a folder or a file whose name says it is held back
    (`warta.published.draft_name`: `embargo/`, `Draf Desember/`,
    `DRAF-zirkon.md`): held back as a draft, a warning at the file, as a
    name read as a draft is a guess at what staff meant."""
    folder = name.endswith("/")
    what = f"the folder '{name}'" if folder else f"the file name '{name}'"
    return Finding(
        source.path,
        None,
        "warning",
        f"{what} says '{word}': read as Status: draft, this release is not published "
        "(previewed at /draf/ in the development build)",
        f"to publish it, move it out of the {name} folder"
        if folder
        else f"to publish it, rename the file without '{word}'",
    )


def rendered_links_html(
    source: Source | LazySource, built, settings, content: str
) -> tuple[str, str]:
    """The HTML the build's Markdown made of a source's body and of its
    `Summary:`, whose links are the ones a reader gets: the article's or
    page's (`built`), else (a source Pelican dropped: None) a render of the
    file with the build's Markdown settings; "" for a text that writes no
    `{filename}`/`{static}`/`{attach}` (nothing to render or read)."""
    body = summary = ""
    if summary_site_link(source):
        written, _ = source.metadata.get("summary", ("", None))
        summary = getattr(built, "metadata", {}).get("summary")
        if not isinstance(summary, str):
            summary = converted_summary(written, settings.get("MARKDOWN"))
    site_link = source.site_link
    if site_link is None:
        site_link = has_site_link(line for _, line in source.body)
    if site_link:
        body = getattr(built, "_content", None)
        if not isinstance(body, str):
            try:
                with open(os.path.join(content, source.path), "rb") as handle:
                    text = handle.read().decode("utf-8")
            except (OSError, UnicodeDecodeError):  # already reported by the source checks
                text = ""
            body = converted_body(text, settings.get("MARKDOWN"))
    return body, summary


def converted_summary(text: str, markdown_settings: dict | None) -> str:
    """A `Summary:` as Pelican's Markdown reader converts it: with its
    settings, `meta` unregistered (a text, not a file)."""
    import markdown

    try:
        converter = markdown.Markdown(**(markdown_settings or {}))
        if "meta" in converter.preprocessors:
            converter.preprocessors.deregister("meta")
        return converter.convert(text)
    except Exception:  # a broken extension setting: reported as the file's own problem
        return ""


def body_renderer(settings) -> Callable[[str], str]:
    """The build's Markdown of a release's body text (after a blank line:
    `meta` takes none of it for front matter)."""
    return lambda text: converted_body("\n" + text, settings.get("MARKDOWN"))


def has_gps_location(content: str, target: str) -> bool:
    """True when an image file's EXIF has GPS coordinates. False for a missing
    file, and for one the build may not read (outside content/, through a
    symbolic link, not a regular file, a decompression bomb): the containment
    and images plugins report those."""
    import warnings

    from PIL import Image, UnidentifiedImageError

    checked = check_path(content, os.path.join(content, target))
    if isinstance(checked, Refusal) or not checked.is_file():  # a FIFO is no file
        return False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(checked) as image:
                gps = image.getexif().get_ifd(GPS_IFD)
    except (OSError, SyntaxError, ValueError, UnidentifiedImageError, Image.DecompressionBombError):
        return False
    return bool(gps.get(2) or gps.get(4))  # GPSLatitude / GPSLongitude


def read_and_check(content: str, relative: str, rules: Rules) -> tuple[Source, tuple]:
    """One source parsed and checked by what depends on its text and the rules
    alone (`rules.now` is None: no embargo), as the cache keeps it."""
    path = os.path.join(content, relative)
    with open(path, "rb") as handle:
        text, undecodable = decode_source(relative, handle.read())
    if undecodable:  # the one thing to fix first: every other check would misread
        return Source(relative, readable=False), (undecodable,)
    document = frontmatter.parse(text)
    source = parse_source(relative, text)  # (of the same document: `parse` keeps it)
    # Asked of every source on every build (`rendered_links_html`): kept with its checks.
    source.site_link = has_site_link(line for _, line in source.body)
    source.photos = written_photos(source)
    unused = check_unused_items(relative, document.front_matter)
    return source, (*check_source(source, rules), *unused)


def text_rules(settings) -> Rules:
    """The rules of the checks that depend on a source's text alone (no clock:
    the embargo is checked on every build)."""
    return dataclasses.replace(rules_from_settings(settings), now=None)


def source_checker(generator) -> Callable[[str], tuple[Source, tuple]]:
    """`read_and_check` for one of the generator's sources (a relative path)."""
    return functools.partial(read_and_check, generator.path, rules=text_rules(generator.settings))


def source_cache(generator, rules: Rules) -> SnapshotStore | None:
    """The parsed sources and their text-only findings of the last build, valid
    per source while its bytes are the same, and as a whole while the rules
    and the code are (CONTENT_LINT_CACHE; LOAD_CONTENT_CACHE and CACHE_CONTENT
    as for every content cache)."""
    settings = generator.settings
    if not settings.get("CONTENT_LINT_CACHE", DEFAULTS["CONTENT_LINT_CACHE"]):
        return None
    if not settings.get("CACHE_PATH") or not settings.get("LOAD_CONTENT_CACHE", True):
        return None
    code = [Path(__file__).parent, *warta.site_modules()]
    key = hash_text(repr(rules), *files_digest(code))
    store = SnapshotStore(
        Path(settings["CACHE_PATH"]) / "content_lint" / "sources.pickle",
        key,
        {},
        file_stamp(settings.get("CHECK_MODIFIED_METHOD") or "md5"),
        owner="content_lint",
    )
    store.load()
    return store


@dataclasses.dataclass
class SourceChecks:
    """One generator's text-only source checks: listed when it starts reading,
    handed to a background process then, collected when it has read."""

    relatives: list[str]
    known: dict[str, tuple[Source, tuple]]  # from the cache
    missing: list[str]
    store: SnapshotStore | None
    background: Background | None


_STARTED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def start_source_checks(generator) -> None:
    """article_generator_preread (the first): list the sources and hand the
    ones the cache does not hold to a background process, which checks them
    while Pelican reads the articles in its one process (otherwise an idle
    core); `lint_articles` takes its results, and this listing: the sources
    are not listed again (as Pelican, which read the files it listed before
    this, does not)."""
    if generator in _STARTED:
        return
    try:
        checks = _list_sources(generator)
    except Exception as exc:  # never fail the read it runs in: lint_articles lists again
        logger.debug("content_lint: background checks not started: %r", exc)
        return
    settings = generator.settings
    if checks.missing and setting_workers(settings) != 1:
        checks.background = Background(
            source_checker(generator),
            niceness=19,  # after the enrichment's (10): its results are wanted later
        )
        for relative in checks.missing:
            checks.background.add(relative)
    _STARTED[generator] = checks


def markdown_sources(generator) -> list[str]:
    """The article sources the Markdown reader reads. The source checks read
    Pelican-Markdown front matter, which a file another reader reads (an
    outside plugin's reader of `.txt` releases) does not have."""
    settings = generator.settings
    markdown = markdown_extensions(generator)
    listed = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
    return [path for path in listed if os.path.splitext(path)[1][1:] in markdown]


def markdown_extensions(generator) -> set[str]:
    """The file extensions the generator's Markdown reader (or a subclass) reads."""
    return {
        extension
        for extension, reader in generator.readers.reader_classes.items()
        if isinstance(reader, type) and issubclass(reader, MarkdownReader)
    }


def _list_sources(generator) -> SourceChecks:
    content = generator.path
    relatives = markdown_sources(generator)
    store = source_cache(generator, text_rules(generator.settings))
    known: dict[str, tuple[Source | LazySource, tuple]] = {}
    if store is not None:
        check = source_checker(generator)
        for relative in relatives:
            path = os.path.join(content, relative)
            peeked = store.peek(relative, path)
            if peeked is not None:  # its parse unpickled only if a check asks for it
                summarised, load = peeked
                lazy = LazySource(
                    summarised, functools.partial(_cached_source, load, check, relative)
                )
                known[relative] = (lazy, lazy.found)
                continue
            kept = store.get(relative, path)
            if kept is not None:
                known[relative] = kept
    missing = [relative for relative in relatives if relative not in known]
    return SourceChecks(relatives, known, missing, store, None)


def _cached_source(load, check, relative: str) -> Source:
    """A cached source's parse (`LazySource`); read again should it not
    unpickle (it did when stored, under the same code)."""
    try:
        return load()[0]
    except Exception as exc:
        logger.debug("content_lint: %s: cached parse not loaded (%r): read again", relative, exc)
        return check(relative)[0]


class LinkChecks:
    """`check_links` and `check_image_locations` of each release, kept
    between builds by what they read (`link_findings.py`) while
    CONTENT_LINT_CACHE is on (and the content caches are loaded)."""

    def __init__(self, generator, tree: ContentTree, listed: Callable[[], list[str]]) -> None:
        settings = generator.settings
        self.content = content = generator.path
        self.settings = settings
        self.tree = tree
        self.render = body_renderer(settings)
        self.among = nearest_files(listed)
        # The releases whose pages (and so photos) this build writes.
        self.written = {
            str(article.relative_source_path)
            for article in every_article(generator)
            if is_written(article)
        }
        self.cache: LinkFindingsCache | None = None
        self.checked = 0
        self.saving = settings.get("CACHE_CONTENT", True)
        if (
            settings.get("CONTENT_LINT_CACHE", DEFAULTS["CONTENT_LINT_CACHE"])
            and settings.get("CACHE_PATH")
            and settings.get("LOAD_CONTENT_CACHE", True)
        ):
            import PIL

            code = [Path(__file__).parent, *warta.site_modules()]
            key = link_cache_key(files_digest(code), content, settings, PIL.__version__)
            path = Path(settings["CACHE_PATH"]) / "content_lint" / "links.cache"
            self.cache = LinkFindingsCache(path, key)

    def findings(self, relative: str, source, built) -> list[Finding]:
        """The source's link and photo findings, from the cache when nothing
        they read has changed."""
        content, cache, tree = self.content, self.cache, self.tree
        written = source.path in self.written
        key = None
        if cache is not None:
            digest = content_digest(os.path.join(content, relative))
            if digest is not None:
                key = source_key(digest, *links_read(source, built), written)
                kept = cache.findings(relative, key, tree)
                if kept is not None:
                    return list(kept)
        self.checked += 1
        asked = Lookups()
        body, summary = rendered_links_html(source, built, self.settings, content)
        exists = recording_exists(
            functools.partial(link_exists, content, source), source.path, asked, unquote
        )
        found = [
            *check_links(
                source,
                exists,
                body,
                summary,
                self.render,
                self.settings.get("SITEURL", ""),
                recording_nearest(nearest_file(self.among, relative), asked),
            ),
            *check_image_locations(
                source,
                recording_photo(lambda p: has_gps_location(content, p), asked),
                written,
                body,
            ),
        ]
        if key is not None:
            cache.keep(relative, key, asked, tree, found)
        return found

    def unread(self, files: list[str], **arguments) -> list[Finding]:
        """`unread_files` of content/'s files, kept while the listing and the
        arguments are the same (`link_findings.unread_key`)."""
        if self.cache is None:
            return list(unread_files(files, **arguments))
        key = unread_key(files, **arguments)
        kept = self.cache.result(UNREAD_FILES, key)
        if kept is None:
            kept = tuple(unread_files(files, **arguments))
            self.cache.keep_result(UNREAD_FILES, key, kept)
        return list(kept)

    def save(self) -> None:
        if self.cache is None:
            return
        if self.saving:
            self.cache.save()
        logger.info(
            "content_lint: %d releases' links and photos checked, %d from the cache",
            self.checked,
            self.cache.hits,
        )


def links_read(source: Source | LazySource, built) -> tuple[str | None, str | None]:
    """(body, summary): the HTML `rendered_links_html` reads a source's links
    from, without rendering it: "" for none, None for a text it renders
    again from the source (keyed by the source's bytes and the settings)."""
    summary: str | None = ""
    if summary_site_link(source):
        shown = getattr(built, "metadata", {}).get("summary")
        summary = shown if isinstance(shown, str) else None
    site_link = source.site_link
    if site_link is None:
        site_link = has_site_link(line for _, line in source.body)
    body: str | None = ""
    if site_link:
        shown = getattr(built, "_content", None)
        body = shown if isinstance(shown, str) else None
    return body, summary


@dataclasses.dataclass
class LintInputs:
    """What `prepare_lint` made in Pelican's process for `lint_articles`."""

    checks: SourceChecks  # every source listed, each checked (`known`)
    articles: dict  # normalised source path → the article the build read
    # `check_duplicates`' findings, said with the previews not written
    previews: list[Finding]


def prepare_lint(generator) -> LintInputs:
    """In Pelican's process, before the lint is forked: the sources as listed
    at the first read, checked (what the background took, the others on
    every core), and the slugs and titles they share, whose previews the
    writer is told it need not say again (`with_unwritten_previews`: the
    one thing of the lint the build reads).
    """
    settings = generator.settings
    content = generator.path
    # Every source is read again on every build (also when the article cache has
    # the article) so that a file Pelican cannot read is still reported. What
    # depends on its text alone is kept by the digest of its bytes; the checks
    # that depend on the clock (embargo) run on every build, those that depend
    # on other files (links, photos) are kept by what they looked up (`LinkChecks`).
    checks = _STARTED.pop(generator, None)
    handed = {}
    if checks is not None and checks.background is not None:
        finished = checks.background.done()
        handed = {checks.missing[index]: result for index, result in finished.items()}
    if checks is None:  # no source read (all from the cache), or the start failed
        checks = _list_sources(generator)
    else:
        # The sources as listed when Pelican read the first (after its own
        # listing), not listed again; one deleted since is not checked.
        gone = {
            relative
            for relative in checks.missing
            if relative not in handed and not os.path.isfile(os.path.join(content, relative))
        }
        if gone:
            checks.relatives = [r for r in checks.relatives if r not in gone]
            checks.missing = [r for r in checks.missing if r not in gone]
    relatives, known, store = checks.relatives, checks.known, checks.store
    missing = [relative for relative in checks.missing if relative not in handed]
    # The files' checks do not depend on each other: spread over the cores.
    fresh = fork_map(
        source_checker(generator),
        missing,
        setting_workers(settings),
        min_items_per_worker=64,
    )
    computed = {**handed, **dict(zip(missing, fresh, strict=True))}
    saving = store is not None and settings.get("CACHE_CONTENT", True)
    for relative in checks.missing:
        result = computed[relative]
        known[relative] = result
        if saving:
            summarised = source_summary(*result, drafts=tuple(in_drafts_folder(result[0])))
            store.put(relative, os.path.join(content, relative), result, summarised)
    if store is not None:
        if saving:
            store.save()
        logger.info(
            "content_lint: %d sources checked, %d from the cache (%d checked in the background)",
            len(checks.missing),
            store.hits,
            len(handed),
        )
        store.release()

    # The articles as the build read them (drafts and translations too): their
    # links are those of the HTML its Markdown made.
    articles = {
        os.path.normpath(str(article.relative_source_path)): article
        for article in every_article(generator)
        if getattr(article, "relative_source_path", None)
    }
    sources = [known[relative][0] for relative in relatives]
    # The slug the build gave a release without `Slug:` (from its title).
    slugs = {
        str(article.relative_source_path): str(article.slug)
        for article in articles.values()
        if getattr(article, "slug", None)
    }
    rules = rules_from_settings(settings)
    duplicates = check_duplicates(sources, str(settings.get("DEFAULT_LANG") or "id"), rules, slugs)
    return LintInputs(checks, articles, with_unwritten_previews(generator, duplicates, articles))


def lint_articles(generator, prepared: LintInputs) -> None:
    """Every finding of the generator's sources, reported (`prepared`: what
    `prepare_lint` made). Nothing in the build reads what it finds, so it
    may run in a forked child (`lint_after_all`)."""
    settings = generator.settings
    rules = rules_from_settings(settings)
    content = generator.path
    checks, articles = prepared.checks, prepared.articles
    relatives, known = checks.relatives, checks.known
    # content/ listed once (before the checks look anything up): the files
    # for the nearest names and the unread files, the kinds for the cache.
    tree = ContentTree(content)
    listed = functools.partial(lambda tree: tree.files, tree)
    links = LinkChecks(generator, tree, listed)
    checked = []
    for relative in relatives:
        source, found = known[relative]
        findings_of_source = list(found)
        if source.readable:
            built = articles.get(os.path.normpath(relative))
            findings_of_source += [
                *(source.drafts if isinstance(source, LazySource) else in_drafts_folder(source)),
                *check_embargo(source, rules),
                *check_take_down(source, rules),
                *check_future_modified(source, rules),
                *links.findings(relative, source, built),
            ]
            if built is not None:
                findings_of_source += check_value_types(source, built)
        checked.append((source, findings_of_source))
    sources = [source for source, _ in checked]
    findings = [finding for _, found in checked for finding in found]
    # The files the build does not read, each said once, with what to do; the
    # name a release saved under another ending is to get ends in no dot or
    # space, so that ending is not said again as Windows's.
    sites = [settings, *enclosing_sites(settings)]
    article_paths = [p for site in sites for p in site.get("ARTICLE_PATHS") or ()]
    page_paths = [p for site in sites for p in site.get("PAGE_PATHS") or ()]
    unread = links.unread(
        listed(),
        article_paths=article_paths,
        page_paths=page_paths,
        static_paths=[p for site in sites for p in site.get("STATIC_PATHS") or ()],
        extensions=sorted(generator.readers.extensions),
        ignore=list(settings.get("IGNORE_FILES", ("**/.*",))),
    )
    renamed = {f.path for f in unread if new_name(f.path, article_paths + page_paths)}
    findings.extend(check_file_names(listed(), renamed))
    findings.extend(prepared.previews)
    findings.extend(
        check_author_spellings(
            sources,
            author_address(settings),
            {f"/{author.url}": author.name for author, _ in getattr(generator, "authors", ())},
            office_author_name(settings, sources),
        )
    )
    # A release Pelican dropped (a Date: it cannot parse, no Title, an unknown
    # Status:) has no article for the other plugins to check: its other
    # problems are found here from its source, and its reason comes first.
    said: dict[Finding, Finding] = {}  # why a dropped release is not published
    dropped = failed_sources(generator, relatives)
    for relative, (source, found) in zip(relatives, checked, strict=True):
        if relative in dropped:
            source = source_of(source)
            findings.extend(check_dropped(generator, relative, source))
            reasons = publication_blockers(source, rules) if source.readable else found
            said.update((f, not_published(f, source)) for f in reasons)
    findings = [said.get(finding, finding) for finding in findings]
    blockers = set(said.values())
    findings.extend(unread)
    links.save()
    for finding in sorted(findings, key=lambda f: (f.path, f not in blockers, *order(f))):
        report(logger, finding)


# Keys the site shows as one text (the page, the feeds, the card): a reader of
# another plugin (pelican-yaml-metadata) may hand over a YAML list or number.
SHOWN_AS_TEXT = ("title", "summary", "image", "image-alt", "image-caption", "image-credit")


def joined(value) -> str:
    """A list's items as one text (`satu, dua`); anything else as Python prints it."""
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return str(value)


def check_value_types(source: Source, article) -> Iterator[Finding]:
    """A key the site shows as text whose value the build read as something
    else (`image-caption: [satu, dua]`, `title: 2024` in a YAML front matter):
    a list would be published as Python writes it (`['satu', 'dua']`), a
    number as a JSON number in feed.json and the page's JSON-LD."""
    metadata = getattr(article, "metadata", None) or {}
    for key in SHOWN_AS_TEXT:
        value = metadata.get(key)
        if value is None or isinstance(value, str):
            continue
        written, line = source.metadata.get(key, ("", None))
        name = source.names.get(key, key)
        shown = written or str(value)
        if isinstance(value, bool | int | float):
            yield Finding(
                source.path,
                line,
                "warning",
                f"{name} is read as a number, not as text: {shown}",
                f'put the value in quotes: {name}: "{shown}"',
            )
        else:
            kind = "list" if isinstance(value, list | tuple) else type(value).__name__
            yield Finding(
                source.path,
                line,
                "error",
                f"{name} is read as a {kind}, not as text: the page would show {value!r}",
                f'write it as one text in quotes: {name}: "{joined(value)}"',
            )


def enclosing_sites(settings) -> list[dict]:
    """The settings of the sites of the same content folder whose build this
    one runs inside: pelican-i18n-subsites builds each language's subsite in
    the main site's `finalized`, with STATIC_PATHS = [] and links to the main
    site's copies, so a photo the main site publishes is published by the
    build (not "not published" once per subsite)."""
    content = os.path.realpath(settings["PATH"])
    found = []
    frame = sys._getframe(1)
    while frame is not None:
        site = frame.f_locals.get("self") if frame.f_code.co_name == "run" else None
        if isinstance(site, Pelican):  # a subclass too (i18n's PELICAN_CLASS)
            outer = site.settings
            if (
                isinstance(outer, dict)
                and outer is not settings
                and os.path.realpath(str(outer.get("PATH"))) == content
            ):
                found.append(outer)
        frame = frame.f_back
    return found


def author_address(settings) -> Callable[[str], str]:
    """The address of the author page the build makes of a name, from its slug
    as Pelican's `Author` makes it ("Tim &amp; Humas Lahat" and "Tim & Humas
    Lahat": /penulis/tim-humas-lahat/); "" for a name it makes none of."""
    substitutions = settings.get(
        "AUTHOR_REGEX_SUBSTITUTIONS", settings.get("SLUG_REGEX_SUBSTITUTIONS", [])
    )

    @functools.cache
    def address(name: str) -> str:
        slug = slugify(
            name,
            regex_subs=substitutions,
            preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
            use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
        )
        return "/" + settings["AUTHOR_URL"].format(slug=slug) if slug else ""

    return address


def with_unwritten_previews(generator, duplicates, articles: dict) -> list[Finding]:
    """`check_duplicates`' findings, the one on a release whose preview is not
    written (another with its Slug: is previewed at its address: `unpreviewed`)
    saying that too, so that one Slug shared is one line; the writer is told
    (PREVIEWS_SAID) and does not say it again. `articles`: the articles the
    build read, by normalised source path."""
    # (which previews are refused asks every article's address: only for a
    # duplicate, most builds have none; `check_duplicates` gives a generator)
    duplicates = list(duplicates)
    refused = unpreviewed(generator) if duplicates else {}
    said: dict[str, str] = {}
    found = []
    for finding in duplicates:
        address, previewed = refused.get(finding.path, ("", ""))
        mine = articles.get(os.path.normpath(finding.path))
        theirs = articles.get(os.path.normpath(previewed)) if previewed else None
        if mine is None or theirs is None or mine.slug != theirs.slug:
            found.append(finding)  # (a preview taken by another page: the writer says it)
            continue
        namesakes = [
            article
            for article in articles.values()
            if article is not mine and article.slug == mine.slug and article.lang == mine.lang
        ]
        found.append(
            dataclasses.replace(
                finding,
                message=f"{finding.message}, and it is not previewed: "
                f"{address} is the preview of {previewed}",
                # A release with an address keeps it (frozen Slug:): this one changes.
                suggestion="give it another Slug before it is published"
                if any(article.status != "draft" for article in namesakes)
                else "give one of them another Slug before they are published",
            )
        )
        said[finding.path] = previewed
    generator.context[PREVIEWS_SAID] = said
    return found


def office_author_name(settings, sources) -> Callable[[str], str | None] | None:
    """`new_article.office_spelling` of the site's gazetteer and its releases'
    Author: lines: the name an office's releases are credited with; None
    without a gazetteer (the regions plugin says why)."""
    gazetteer, _ = load_configured(settings)
    if gazetteer is None:
        return None
    authors = author_counts(source.value("author") for source in sources)
    home = settings.get("REGIONS_HOME_PROVINCE")
    return office_spelling(gazetteer, home, authors, str(settings.get("AUTHOR") or ""))


def order(finding: Finding) -> tuple:
    """Line order (a finding about the whole file first; a stage's finding may have no line)."""
    return (finding.line or 0, finding.level, finding.message, finding.suggestion)


def not_published(finding: Finding, source: Source) -> Finding:
    """A reason Pelican dropped the release, saying that it is not on the site
    (an empty file or one without front matter says so already)."""
    if source.readable and (source.empty or not source.metadata):
        return finding
    return dataclasses.replace(finding, message=f"{finding.message}: {NOT_PUBLISHED}")


def failed_sources(generator, relatives) -> set[str]:
    """The sources Pelican could not make an article of (it records them in the
    context with no content)."""
    generated = generator.context.get("generated_content") or {}
    return {
        relative
        for relative in relatives
        if generated.get(os.path.normpath(relative).replace(os.sep, "/"), False) is None
    }


def check_dropped(generator, relative: str, source: Source) -> list[Finding]:
    """What the enrichment stages and the images plugin would report about a
    release Pelican dropped, found from its source (plugins/content_lint/failed.py)."""
    if not source.readable or source.empty or not source.metadata:  # nothing for them to read
        return []
    settings, content = generator.settings, generator.path
    try:
        with open(os.path.join(content, relative), "rb") as handle:
            text = handle.read().decode("utf-8")
    except (OSError, UnicodeDecodeError):  # already reported by the source checks
        return []
    active = active_plugins(settings)
    html = converted_body(text, settings.get("MARKDOWN"))
    found: list[Finding] = []
    # With a broken front matter the stages would judge lines staff meant as
    # front matter as text ("no region" for a stranded Wilayah:): not before it is fixed.
    if "enrichment" in active and not front_matter_unsettled(source):
        found += stage_findings(pipeline_of(generator.context), relative, text, html)
    if "images" in active and settings.get("IMAGES_ENABLED", True):
        found += check_images(
            source,
            html,
            lambda ref: locate_image(content, relative, ref),
            lambda ref: computer_file(ref, content),
            lambda ref: below_content_folder(
                ref, content, os.path.dirname(os.path.join(content, relative))
            ),
        )
    return found


def setting_workers(settings) -> int:
    return settings.get("CONTENT_LINT_WORKERS", DEFAULTS["CONTENT_LINT_WORKERS"])


class RunningLint(NamedTuple):
    """A lint running beside the build (`Forked`): its run's settings, and
    the findings it says that Pelican's process made (said here should the
    lint fail)."""

    settings: dict
    lint: Forked
    previews: list[Finding]


# Said at their run's `finalized` (a subsite's run inside the main site's
# `finalized`, pelican-i18n-subsites, says its own).
_LINTS: list[RunningLint] = []


def lint_after_all(generators) -> None:
    """all_generators_finalized: the lint of each articles generator. That late
    (nothing in the build reads its findings), its background process had the
    core Pelican's one process leaves idle while the other plugins pass over
    the articles, after the enrichment's background had it while reading. The
    lint itself runs in a forked child (`Forked`) while Pelican's process goes
    on with the other plugins and the pages; what it finds is said at
    `finalized` (`say_lints`), or when the build stops before then."""
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            prepared = prepare_lint(generator)
            if setting_workers(generator.settings) == 1:
                lint_articles(generator, prepared)
            else:
                lint = Forked(lint_articles, generator, prepared)
                _LINTS.append(RunningLint(generator.settings, lint, prepared.previews))
                defer(say_lints_when_stopped)
    # Each link to a missing file said (above, and of a page when its generator
    # finished): what the pages and feeds get keeps its text, not the link.
    drop_dead_links(generators, missing_target)


def missing_target(content, what: str, value: str) -> bool:
    """Whether a link `{what}value` of a content names a file content/ does not
    hold (or one outside it), as the lint reads the link (`target_exists`)."""
    relative = getattr(content, "relative_source_path", None)
    root = content.settings.get("PATH")
    if not relative or not root:
        return False
    target = re.split(r"[#?]", html.unescape(value), maxsplit=1)[0]
    if not target.strip():
        return True  # no file named (`{filename}`, `{filename}#x`): nothing to link
    return target_exists(root, str(relative).replace(os.sep, "/"), target) is not True


def say_lints(pelican) -> None:
    """finalized: what the run's lints running beside it found, each said
    once. One that failed is one error (the build fails), and the
    `finalized` receivers after this one still run: the pages are written
    by now, and the photos, sitemaps and /admin/ must go with them."""
    for running in _taken_lints(pelican.settings):
        say_lint(running)


def say_lints_when_stopped() -> None:
    """What the lints found, said by the build runner when the build stopped
    before `finalized` (`warta.findings.defer`)."""
    for running in _taken_lints():
        say_lint(running)


def say_lint(running: RunningLint) -> None:
    try:
        running.lint.result()
    except Exception as exc:
        for finding in running.previews:
            report(logger, finding)
        report(
            logger,
            Finding(
                "",
                None,
                "error",
                f"content_lint stopped: {type(exc).__name__}: {exc}",
                "set WARTA_DEBUG=1 to see where",
            ),
        )


def forget_unsaid_lints(generator) -> None:
    """article_generator_init: a run starting with the settings of a run
    that stopped before saying its lints (Pelican's autoreload builds again
    with the same settings) does not say them as its own; their children
    are waited for as they are dropped."""
    _taken_lints(generator.settings)


def _taken_lints(settings: dict | None = None) -> list[RunningLint]:
    """The lints of the run with these settings (of every run: None), no
    longer kept."""
    taken, kept = [], []
    for running in _LINTS:
        (taken if settings is None or running.settings is settings else kept).append(running)
    _LINTS[:] = kept
    return taken


def register():
    signals.article_generator_init.connect(forget_unsaid_lints)
    signals.finalized.connect(say_lints)
    signals.page_generator_finalized.connect(lint_page_links)
    # (before Pelican's static generator reads the files the contents link)
    signals.article_generator_finalized.connect(forget_missing_static_links)
    signals.page_generator_finalized.connect(forget_missing_static_links)
    signals.article_generator_preread.connect(start_source_checks)
    signals.all_generators_finalized.connect(lint_after_all)
