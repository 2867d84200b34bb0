"""parallel_markdown: converts the Markdown of a cold build on every core.

What it adds to the site: nothing visible. The pages are byte for byte those
of a serial build; a cold build (no content cache, or many changed files)
reads its articles faster.

How: Pelican reads articles one by one; for each, `MarkdownReader.read`
converts the Markdown and then parses the metadata. When the articles
generator is about to read its first file (`article_generator_preread`), this
plugin lists the Markdown files it will read, leaves out those the content
cache still holds (a warm build pre-renders nothing), and, when there are at
least PARALLEL_MARKDOWN_MIN_FILES of them, converts them with
`warta.parallel.fork_map` (`render.render_file`, no Pelican import): the body,
and the formatted fields (`Summary:`) the way Pelican's metadata parsing
converts them. The Markdown reader is swapped (`readers_init`) for a subclass
that takes a file's pre-rendered HTML and raw metadata, if the file has not
changed since, and still parses the metadata with Pelican's own
`_parse_metadata` (dates, Author and Tag objects), handing it the converted
fields instead of a new `Markdown` instance. Pages get the same treatment.

Why it is safe: converting one file does not depend on any other file. The
configured extensions (extra, with its footnotes and abbreviations, sane_lists,
smarty, and meta, which Pelican adds) keep their state on the `Markdown`
instance, which `Markdown.reset()` clears: a worker converts its files with
two instances reset between files (building one per file cost as much as
converting a short release), Pelican's reader builds one per file. An
extension that shares state across files (a glossary filled as files are read,
a site-wide footnote counter) or leaves some out of `reset()` would break
that: with an extension that is neither Python-Markdown's own nor warta's
(an outside plugin's, `outside_extensions`) nothing is pre-rendered, and
every file is read as Pelican reads it. So would a plugin that uses the
reader's `_md` after a read (after a pre-rendered read it is a stand-in, not
a `Markdown` instance). No plugin in plugins/ touches `_md`. A worker also leaves
out, per file, the inline patterns that cannot match in it (`inline.py`: a
pattern whose matches must begin with "`", "[", "<", "&"... in a file
without any of them), which halves the conversion of a plain release; the
HTML is the same, since a pattern that finds nothing changes nothing.

Errors: a file that fails in a worker (unreadable, not UTF-8, an extension
raising) comes back empty and is read again the normal way, which logs the same
"Could not process <file>" a serial build does. Metadata errors (a bad Date:)
are raised in the parent by Pelican's own parsing. The subclass reads a Date:
or Modified: only in a form the site accepts (`warta.dates.parse_date`:
`YYYY-MM-DD HH:MM`, ISO 8601, or a form staff type that dateutil reads the
same, `2024-11-04 09:30 WIB`, handed over as `YYYY-MM-DD HH:MM`), so that
`12/08/2024`, which Pelican's dateutil reads as 8 December, is not published
on a guessed date (content_lint says why, at the line). If the workers
themselves fail (a fork refused, a worker killed), a warning says so and every file is
read the normal way.

Settings: PARALLEL_MARKDOWN_WORKERS (default 0: every core this process may
use; 1 turns the plugin off), PARALLEL_MARKDOWN_MIN_FILES (default 64: below
that, forking costs more than it saves). With --verbose, the build log says
per generator how many files were pre-rendered by which processes.
"""

from __future__ import annotations

import functools
import logging
import os
import time
import weakref
from collections import Counter

from pelican import readers as pelican_readers
from pelican import signals
from pelican.generators import CachingGenerator
from pelican.utils import SafeDatetime, file_suffix

from warta.dates import date_for_pelican, plain_iso_datetime
from warta.filestate import StatKey, settled_stats, stat_key
from warta.parallel import fork_map, worker_count
from warta.plugin_order import outside_extensions

from .render import Rendered, file_digest, render_file

logger = logging.getLogger(__name__)

DATE_KEYS = ("date", "modified")

DEFAULTS = {"PARALLEL_MARKDOWN_WORKERS": 0, "PARALLEL_MARKDOWN_MIN_FILES": 64}

# Generators whose files were already handled: the preread signal comes once per file.
_HANDLED: weakref.WeakSet = weakref.WeakSet()


def setting(settings, key: str):
    value = settings.get(key)
    return DEFAULTS[key] if value is None else value


class _NotPrerendered(Exception):
    """`_parse_metadata` asked for Markdown work the worker did not do."""


class _ConvertedFields:
    """Stands in for `reader._md` while Pelican's `_parse_metadata` runs.

    `_parse_metadata` deregisters the meta preprocessor, then resets and
    converts each formatted field (`Summary:`). The worker did exactly that on
    the file's own instance, so the answers are looked up, which spares the
    parent a `Markdown` instance per file (its construction costs as much as
    converting a short article). Anything else raises `_NotPrerendered`, and
    the file is read the normal way.
    """

    def __init__(self, converted: dict[str, str]) -> None:
        self._converted = converted
        self.preprocessors = self  # for `preprocessors.deregister("meta")`

    def deregister(self, name: str, strict: bool = True) -> None:
        if name != "meta":
            raise _NotPrerendered(f"deregister {name!r}")

    def reset(self) -> _ConvertedFields:
        return self

    def convert(self, source: str) -> str:
        try:
            return self._converted[source]
        except KeyError:
            raise _NotPrerendered("convert") from None

    def __getattr__(self, name: str):
        if name.startswith("__"):  # copy, pickle and friends probing for protocols
            raise AttributeError(name)
        raise _NotPrerendered(name)


class SiteDates:
    """The dates a Markdown reader reads: a Date or Modified only in a form the
    site accepts (`warta.dates`), not Pelican's dateutil guess. Mixed into
    ours, and into an outside plugin's Markdown reader that replaced it
    (`keep_site_dates`)."""

    def process_metadata(self, name, value):
        # A Date or Modified in no form the site accepts is not read at all, as
        # Pelican does not read "12 Agustus 2024": its dateutil would read
        # "12/08/2024" as 8 December and publish the release on a date nobody
        # wrote, while content_lint calls it unparseable. Either way the
        # release is reported as not published.
        if name in DATE_KEYS and isinstance(value, str):
            # A form staff type that Pelican reads the same ("… 09:30 WIB")
            # goes in the house form: dateutil warns of a zone name it ignores.
            readable = date_for_pelican(value)
            if readable is None:
                raise ValueError(f"{name.title()}: {value!r} is not a valid date")
            value = readable
            # Pelican's dateutil costs 0.1 ms a value; the plain ISO forms are
            # read to the same time without it.
            plain = plain_iso_datetime(value.replace("_", " ") if name == "date" else value)
            if plain is not None:
                return SafeDatetime(*plain.timetuple()[:6], plain.microsecond)
        return super().process_metadata(name, value)


class MarkdownReader(SiteDates, pelican_readers.MarkdownReader):
    """Pelican's Markdown reader, using a worker's result when there is one.

    Named like Pelican's class on purpose: `Readers.read_file` stores the class
    name, minus "Reader", as every article's `reader` metadata ("markdown").
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Shared by the readers of all Markdown extensions of one generator;
        # filled by `prerender`, emptied as files are read.
        self.prerendered: dict[str, Rendered] = {}
        # The `settled_stats` of the files pre-rendered (noted before the
        # workers read them): a file that still has it is not read and hashed
        # again to tell it is what the worker read.
        self.settled: dict[str, StatKey] = {}

    def read(self, source_path):
        rendered = self.prerendered.pop(source_path, None)
        if rendered is None:
            return super().read(source_path)
        settled = self.settled.pop(source_path, None)
        try:
            unchanged = (settled is not None and stat_key(source_path) == settled) or (
                file_digest(source_path) == rendered.digest
            )
        except OSError:
            unchanged = False  # the normal read reports it
        if not unchanged:
            logger.debug("parallel_markdown: %s changed since it was rendered", source_path)
            return super().read(source_path)

        self._source_path = source_path
        self._md = _ConvertedFields(rendered.formatted)
        try:
            metadata = self._parse_metadata(rendered.meta) if rendered.meta is not None else {}
        except _NotPrerendered as missing:
            logger.debug("parallel_markdown: %s read again (%s)", source_path, missing)
            return super().read(source_path)
        return rendered.html, metadata


def use_prerendering_reader(readers) -> None:
    """readers_init: every extension read by Pelican's MarkdownReader gets ours.

    An extension mapped to another class (READERS, another plugin) is left alone.
    """
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class is pelican_readers.MarkdownReader:
            readers.reader_classes[extension] = MarkdownReader


def keep_site_dates(readers) -> None:
    """readers_init, after every plugin's receiver (connected at `initialized`):
    a Markdown reader another plugin put in ours' place (pelican-jinja2content's
    `JinjaMarkdownReader`, a subclass of Pelican's) reads the dates as ours
    does, so a release dated in a form staff type ("12 Agustus 2024 09.30 WIB")
    is not refused, nor "12/08/2024" published on dateutil's guess."""
    for extension, reader_class in list(readers.reader_classes.items()):
        if (
            isinstance(reader_class, type)
            and issubclass(reader_class, pelican_readers.MarkdownReader)
            and not issubclass(reader_class, SiteDates)
        ):
            readers.reader_classes[extension] = _with_site_dates(reader_class)


@functools.cache
def _with_site_dates(reader_class: type) -> type:
    # The same name: Pelican stores it, minus "Reader", as the `reader` metadata.
    return type(
        reader_class.__name__,
        (SiteDates, reader_class),
        {"__module__": reader_class.__module__, "__qualname__": reader_class.__qualname__},
    )


def connect_last(_pelican) -> None:
    signals.readers_init.connect(keep_site_dates)


def _held_by_content_cache(generator, relative: str) -> bool:
    """Whether the generator's content cache holds the file: `has_cached_data`
    where a plugin replaced the cache (article_cache) and says so without
    handing the content out (handing it out sends it to outside plugins'
    `content_object_init` handlers, which `generate_context` does when it gets
    there); else Pelican's `get_cached_data`, a look-up with no effect."""
    if not isinstance(generator, CachingGenerator):
        return False
    holds = getattr(generator, "has_cached_data", None)
    if holds is not None:
        return holds(relative)
    return generator.get_cached_data(relative) is not None


def _needs_reading(generator, relative: str) -> bool:
    """Whether the generator will call the reader for this file, by Pelican's own
    checks: the generator's content cache (Pelican's "generator" layer, or
    whatever replaced it), then, with the "reader" layer, the readers' cache of
    (content, metadata); each is valid while the file's stamp
    (CHECK_MODIFIED_METHOD) is unchanged."""
    if _held_by_content_cache(generator, relative):
        return False
    if generator.settings["CONTENT_CACHING_LAYER"] == "generator":
        return True
    path = os.path.abspath(os.path.join(generator.path, relative))
    content, _ = generator.readers.get_cached_data(path, (None, None))
    return content is None


def prerender(generator, paths_setting: str, excludes_setting: str) -> None:
    """On the generator's first preread: convert the files it will read, in parallel."""
    if generator in _HANDLED:
        return
    _HANDLED.add(generator)
    ours = {
        extension: reader
        for extension, reader in generator.readers.readers.items()
        if isinstance(reader, MarkdownReader)
    }
    if not ours:
        return
    settings = generator.settings
    kind = type(generator).__name__
    listed = [
        f
        for f in generator.get_files(settings[paths_setting], exclude=settings[excludes_setting])
        if file_suffix(f) in ours
    ]
    paths = sorted(
        os.path.abspath(os.path.join(generator.path, f))
        for f in listed
        if _needs_reading(generator, f)
    )
    workers = worker_count(setting(settings, "PARALLEL_MARKDOWN_WORKERS"))
    minimum = int(setting(settings, "PARALLEL_MARKDOWN_MIN_FILES"))
    outside = outside_extensions(settings["MARKDOWN"])
    if outside and paths:
        logger.info(
            "parallel_markdown: %s: %d of %d Markdown files need reading; read one by one, "
            "as Pelican reads them, for the outside Markdown extension(s) %s",
            kind,
            len(paths),
            len(listed),
            ", ".join(outside),
        )
        return
    if workers <= 1:
        logger.info(
            "parallel_markdown: %s: %d of %d Markdown files need reading; one worker: "
            "read one by one",
            kind,
            len(paths),
            len(listed),
        )
        return
    if len(paths) < minimum:
        logger.info(
            "parallel_markdown: %s: %d of %d Markdown files need reading; fewer than "
            "PARALLEL_MARKDOWN_MIN_FILES (%d): read one by one",
            kind,
            len(paths),
            len(listed),
            minimum,
        )
        return

    # The readers were built after readers_init, so MarkdownReader.__init__ has
    # already added the meta extension to these settings: the worker converts
    # with exactly what a serial read uses.
    render = functools.partial(
        render_file,
        markdown_settings=settings["MARKDOWN"],
        formatted_fields=tuple(settings["FORMATTED_FIELDS"]),
    )
    started = time.perf_counter()
    settled = settled_stats(paths)
    try:
        results = fork_map(render, paths, workers)
    except Exception as exc:
        # `render_file` catches what one file can raise, so this is the machinery
        # (a fork refused, a worker killed). The site comes out the same without
        # the plugin, only slower: say so and read the files the normal way.
        logger.warning(
            "parallel_markdown: %s: Markdown workers failed (%s); reading one by one",
            kind,
            exc,
        )
        return
    store = {r.path: r for r in results if r is not None}
    elapsed = time.perf_counter() - started
    for reader in ours.values():
        reader.prerendered = store
        reader.settled = settled
    per_process = Counter(r.pid for r in store.values())
    logger.info(
        "parallel_markdown: %s: %d of %d Markdown files need reading; pre-rendered %d "
        "in %d processes (%s) in %.1f s",
        kind,
        len(paths),
        len(listed),
        len(store),
        len(per_process),
        ", ".join(f"pid {pid}: {count}" for pid, count in sorted(per_process.items())),
        elapsed,
    )


def articles_preread(generator) -> None:
    prerender(generator, "ARTICLE_PATHS", "ARTICLE_EXCLUDES")


def pages_preread(generator) -> None:
    prerender(generator, "PAGE_PATHS", "PAGE_EXCLUDES")


def register() -> None:
    signals.readers_init.connect(use_prerendering_reader)
    signals.initialized.connect(connect_last)
    signals.article_generator_preread.connect(articles_preread)
    signals.page_generator_preread.connect(pages_preread)
