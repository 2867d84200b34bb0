"""Signal wiring of article_cache (see __init__)."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import gzip
import importlib.util
import inspect
import logging
import os
import pickle
import sys
from itertools import groupby
from operator import attrgetter
from pathlib import Path
from typing import Any

from blinker import Signal
from pelican import __version__ as pelican_version
from pelican import generators as pelican_generators
from pelican import signals
from pelican.contents import Content
from pelican.generators import ArticlesGenerator, CachingGenerator
from pelican.urlwrappers import URLWrapper
from pelican.utils import process_translations as pelican_process_translations
from pelican.writers import FileOverwriteFailedError

import warta
from warta import findings
from warta.contents import in_order_of, order_index
from warta.fingerprint import (
    Digester,
    files_digest,
    hash_text,
    library_versions,
    plugin_code,
    site_code,
)
from warta.paths import cache_blocked, file_in_the_way, template_folders
from warta.plugin_order import (
    READING_SIGNALS,
    first_outside,
    outside_extensions,
    outside_plugin_connected,
    outside_receiver_connected,
)
from warta.published import take_down_time
from warta.snapshots import SnapshotStore, file_stamp, keep_stamps, recall_stamps
from warta.templatecache import TemplateCache, folder_usable

logger = logging.getLogger(__name__)

DEFAULTS = {
    "ARTICLE_CACHE_ENABLED": True,
    # Settings that shape no content as read: where the output and the caches
    # go, whether caches are used (`--ignore-cache` must not void the store for
    # the next build), search, `invoke check`'s switch; and every *_WORKERS.
    "ARTICLE_CACHE_IGNORED_SETTINGS": (
        "OUTPUT_PATH",
        "CACHE_PATH",
        "LOAD_CONTENT_CACHE",
        "CACHE_CONTENT",
        "DELETE_OUTPUT_DIRECTORY",
        "OUTPUT_RETENTION",
        "PARALLEL_MARKDOWN_MIN_FILES",
        "SEARCH_ENABLED",
        "WARTA_CHECK_ONLY",
    ),
}
FOLDER = "article_cache"
# Jinja's compiled templates (`warta.templatecache`), under CACHE_PATH.
TEMPLATES_FOLDER = "templates"
# The digests of the sources stamped, by their stat (`warta.snapshots.recall_stamps`).
STAMPS = "stamps.pickle"
# What turns a source into a content: Pelican itself and the Markdown converter.
LIBRARIES = ("pelican", "markdown", "pygments")


def setting(settings, key: str):
    value = settings.get(key)
    return DEFAULTS[key] if value is None else value


class ReportCounter(logging.Handler):
    """Counts what the build reports (warnings, errors, findings of any level),
    so that a content read while something was said about it is not kept."""

    def __init__(self) -> None:
        super().__init__(level=logging.NOTSET)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING or hasattr(record, "warta_finding"):
            self.count += 1


REPORTS = ReportCounter()


def cache_key(settings) -> str | None:
    """Digest of what shapes a content as read: the settings (but those that
    shape none), the plugins' and warta's code, the site's own code the
    settings hold, the libraries' versions."""
    ignored = set(setting(settings, "ARTICLE_CACHE_IGNORED_SETTINGS"))
    ignored.update(name for name in settings if name.endswith("_WORKERS"))  # process counts
    digester = Digester()
    described = digester.digest({k: v for k, v in settings.items() if k not in ignored})
    if described is None:
        return None
    searched = settings.get("PLUGIN_PATHS", [])
    code = [*searched, *warta.site_modules(), *plugin_code(settings.get("PLUGINS") or (), searched)]
    if outside_plugin_connected(signals, READING_SIGNALS) or outside_extensions(
        settings.get("MARKDOWN") or {}
    ):
        # An outside receiver of a signal sent while sources are read, or an
        # outside Markdown extension, may put the theme into a release
        # (pelican-jinja2content renders it) or a file of the site's
        # (markdown-include's snippets): the theme, and the files the site
        # declares every page depends on (WRITER_INPUTS, data/ and any other).
        code += [folder for folder in template_folders(settings) if os.path.isdir(folder)]
        code += [path for path in settings.get("WRITER_INPUTS") or () if os.path.exists(path)]
    # The settings file's functions (a Markdown extension's option), the site's
    # own Markdown extensions, and the modules they may call.
    code += site_code({**digester.code_files, **markdown_extension_code(settings)}, code)
    python = ".".join(map(str, sys.version_info[:3]))
    return hash_text(described, python, *library_versions(LIBRARIES), *files_digest(code))


def markdown_extension_code(settings) -> dict[str, Any]:
    """File → names of its module (none when not imported yet), for each
    Markdown extension MARKDOWN names by its module (`path.to.module[:Class]`),
    found as Python-Markdown finds it: an installed entry point of that name
    first (versioned: left out), else the module (not imported here)."""
    from markdown.util import get_installed_extensions  # cached; Markdown asks it too

    markdown = settings.get("MARKDOWN") or {}
    named = [*(markdown.get("extensions") or ()), *(markdown.get("extension_configs") or {})]
    installed = {point.name for point in get_installed_extensions()}
    found: dict[str, Any] = {}
    for name in named:
        if not isinstance(name, str) or name in installed:
            continue
        module_name = name.split(":", 1)[0]
        module = sys.modules.get(module_name)
        origin = getattr(module, "__file__", None)
        if module is None:
            try:
                spec = importlib.util.find_spec(module_name)
            except (ImportError, ValueError):
                spec = None
            origin = spec.origin if spec is not None else None
        if isinstance(origin, str):
            found.setdefault(origin, vars(module) if module is not None else {})
    return found


def future_dated(content) -> bool:
    """Dated after now: Pelican's WITH_FUTURE_DATES rule makes it a draft until then."""
    date = getattr(content, "date", None)
    if not isinstance(date, dt.datetime):
        return False
    now = dt.datetime.now() if date.tzinfo is None else dt.datetime.now(dt.UTC)
    return date > now


def rebind_settings(content, settings) -> None:
    """Point the content's tags, authors and category at the build's settings.

    Those that Pelican's readers' cache gave back carry an unpickled copy of the
    settings of the build that filled it (Pelican's own quirk: a changed TAG_URL
    would not reach them); pointing them at this build's settings is what a
    fresh read gives, and lets the snapshot leave the settings out."""
    for value in (*content.metadata.values(), *vars(content).values()):
        for item in value if isinstance(value, list | tuple) else (value,):
            if isinstance(item, URLWrapper) and item.settings is not settings:
                item.settings = settings


class OutsideInit:
    """`content_object_init` and outside plugins, as with Pelican's readers' cache.

    A source read (`watch`): the signal goes through `send_read`, which notes the
    content's state just before the first outside receiver runs; the snapshot
    is made of that state (`as_read`), with what `Article.__init__` sets after
    the signal, so it never holds an outside plugin's work. A content taken
    from the store (`replay`): the receivers from the first outside one on are
    called with it, in connection order, with the content as sender and
    nothing else, as `Content.__init__` sends it; warta's own before that one
    are not called again (their work is in the snapshot). With no outside
    receiver connected nothing is watched and a content costs one comparison.

    The state noted is a deep copy (an outside receiver may change in place what
    the content holds: append to its tags or authors, fill a dict in its
    metadata), with the build's settings and context and the content's own
    (`shared`, `settings`, `_context`) left shared, as the store leaves them out."""

    def __init__(self, shared: tuple = ()) -> None:
        self.signal = signals.content_object_init
        self.shared = shared
        self.connected = -1  # number of receivers when `outside` was worked out
        self.outside = False
        # id → (content, before, after); before is None when it could not be copied
        self.noted: dict[int, tuple[Any, dict | None, dict]] = {}
        # source path → what an outside receiver raised on its stored content
        self.failed: dict[str, Exception] = {}

    def any_outside(self) -> bool:
        signal = self.signal
        if len(signal.receivers) != self.connected:
            self.connected = len(signal.receivers)
            self.outside = outside_receiver_connected(signal)
        return self.outside

    def replay(self, content) -> None:
        if not self.any_outside() or self.signal.is_muted:
            return
        receivers = list(self.signal.receivers_for(content))
        start = first_outside(receivers)
        for receiver in receivers[start:] if start is not None else ():
            receiver(content)

    def watch(self) -> None:
        """Before a source is read: its `content_object_init` goes through `send_read`."""
        if self.any_outside() and "send" not in vars(self.signal):
            self.signal.send = self.send_read

    def unwatch(self) -> None:
        if vars(self.signal).get("send") == self.send_read:
            del self.signal.send
        self.noted = {}
        self.failed = {}

    def failed_replay(self, source: str, error: Exception) -> None:
        """An outside receiver raised `error` on the stored content of `source`,
        which Pelican reads next: its read raises `error` again after warta's
        own receivers, so that Pelican reports it and skips the source as when
        a read fails, and the outside receivers before the one that raised are
        not sent the content a second time."""
        self.failed[os.path.abspath(source)] = error
        self.watch()

    def send_read(self, sender=None, /, **kwargs):
        """Blinker's `Signal.send`, noting the content's state before the first
        outside receiver (a deep copy; settings and context are shared)."""
        signal = self.signal
        receivers = [] if signal.is_muted else list(signal.receivers_for(sender))
        start = first_outside(receivers)
        if (
            start is None
            or kwargs
            or not isinstance(sender, Content)
            or any(inspect.iscoroutinefunction(r) for r in receivers)
        ):
            return Signal.send(signal, sender, **kwargs)
        results = [(receiver, receiver(sender)) for receiver in receivers[:start]]
        if self.failed and sender.source_path:
            failed = self.failed.pop(os.path.abspath(sender.source_path), None)
            if failed is not None:
                raise failed
        before = self.copied(vars(sender))
        results += [(receiver, receiver(sender)) for receiver in receivers[start:]]
        self.noted[id(sender)] = (sender, before, dict(vars(sender)))
        return results

    def copied(self, state: dict) -> dict | None:
        """A deep copy of a content's `state` sharing the settings and contexts;
        None when something in it cannot be copied (a lock, an open file)."""
        shared = (*self.shared, state.get("settings"), state.get("_context"))
        memo = {id(value): value for value in shared if value is not None}
        try:
            return {key: copy.deepcopy(value, memo) for key, value in state.items()}
        except Exception as exc:  # any type's __deepcopy__ or __reduce_ex__ may raise
            logger.debug("article_cache: a content's state cannot be copied (%s)", exc)
            return None

    def as_read(self, content):
        """The content as it was before the first outside receiver, with what was
        set after the signal; the content itself when nothing was noted, None
        when its state could not be noted (then it cannot be kept)."""
        noted = self.noted.pop(id(content), None)
        if noted is None or noted[0] is not content:
            return content
        _, before, after = noted
        if before is None:
            return None
        now = vars(content)
        state = dict(before)
        state.update((k, v) for k, v in now.items() if k not in after or after[k] is not v)
        for key in after.keys() - now.keys():
            state.pop(key, None)
        clone = object.__new__(type(content))
        vars(clone).update(state)
        return clone


# The attribute of a snapshot holding the metadata its source's read sent to
# the context signal: (before the first outside receiver, after the last).
READ_METADATA = "_article_cache_read_metadata"

# The reading signals of each kind of generator: (preread, context).
READING = {
    "ArticlesGenerator": ("article_generator_preread", "article_generator_context"),
    "PagesGenerator": ("page_generator_preread", "page_generator_context"),
}


def outside_part(signal, sender) -> list:
    """The receivers of `signal` for `sender` from the first outside one on."""
    if signal.is_muted:
        return []
    receivers = list(signal.receivers_for(sender))
    start = first_outside(receivers)
    return receivers[start:] if start is not None else []


class OutsideReading:
    """`*_generator_preread` and `*_generator_context` and outside plugins, as
    with Pelican's readers' cache, under which `read_file` sends both for every
    source on every build, cached or not.

    A source read: while an outside receiver of the context signal is
    connected, the metadata it is sent is noted (a deep copy, settings shared)
    before the first outside receiver and after the last, and kept with the
    snapshot (`READ_METADATA`). A content taken from the store (`send`): the
    receivers from the first outside one on are sent the preread signal and
    the context signal, with a copy of the metadata as noted before them; when
    they leave it other than they left it at the read the snapshot was made
    of (an embargo list read from a file, a count of the sources), the
    snapshot is not used: Pelican reads the source, and that read sends the
    outside receivers neither signal again but gives the metadata what they
    made of it (`pending`). warta's own receivers before the first outside
    one are not called for a stored content (their work is in the snapshot).
    With no outside receiver connected a content costs one comparison."""

    def __init__(self, generator, copied) -> None:
        names = READING.get(type(generator).__name__)
        self.generator = generator
        self.copied = copied  # a deep copy sharing the settings and context, or None
        self.signals = tuple(getattr(signals, name) for name in names) if names else ()
        self.counts: tuple = ()
        self.outside = (False, False)
        self.reading: str | None = None  # the source Pelican reads next
        self.preread_sent: str | None = None  # … whose preread the outside receivers had
        self.pending: dict[str, dict] = {}  # name → the metadata the outside receivers made
        self.noted: dict[str, tuple[dict, dict]] = {}  # name → (before, after) of its read

    def any_outside(self) -> tuple[bool, bool]:
        """Whether an outside receiver is connected to (preread, context)."""
        if not self.signals:
            return (False, False)
        counts = tuple(len(signal.receivers) for signal in self.signals)
        if counts != self.counts:
            self.counts = counts
            self.outside = tuple(outside_receiver_connected(signal) for signal in self.signals)
        return self.outside

    def send(self, name: str, found) -> bool:
        """Send a stored content's preread and context signals to the outside
        receivers; False when the snapshot is not to be used (`reread`)."""
        read = vars(found).pop(READ_METADATA, None)
        preread_outside, context_outside = self.any_outside()
        if not (preread_outside or context_outside):
            return True
        preread, context = self.signals
        if preread_outside:
            for receiver in outside_part(preread, self.generator):
                receiver(self.generator)
            self.preread_sent = name
        if not context_outside:
            return True
        metadata = self.copied(read[0]) if read is not None else None
        if metadata is None:
            return False
        for receiver in outside_part(context, self.generator):
            receiver(self.generator, metadata=metadata)
        self.pending[name] = metadata
        if not same(metadata, read[1]):
            return False
        del self.pending[name]
        return True

    def reread(self, name: str) -> None:
        """Pelican reads `name` after its stored content was sent (`send`): the
        outside receivers are sent neither signal again."""
        self.watch(name)

    def watch(self, name: str) -> None:
        """Before Pelican reads `name`: its reading signals go through `send_*`."""
        if not any(self.any_outside()):
            return
        self.reading = name
        preread, context = self.signals
        if "send" not in vars(preread):
            preread.send = self.send_preread
        if "send" not in vars(context):
            context.send = self.send_context

    def unwatch(self) -> None:
        for signal, send in zip(self.signals, (self.send_preread, self.send_context), strict=False):
            if vars(signal).get("send") == send:
                del signal.send
        self.reading = self.preread_sent = None
        self.pending = {}
        self.noted = {}

    def send_preread(self, sender=None, /, **kwargs):
        signal = self.signals[0]
        if self.preread_sent is None or self.preread_sent != self.reading:
            return Signal.send(signal, sender, **kwargs)
        self.preread_sent = None  # the outside receivers had it with the stored content
        receivers = [] if signal.is_muted else list(signal.receivers_for(sender))
        start = first_outside(receivers)
        own = receivers if start is None else receivers[:start]
        return [(receiver, receiver(sender, **kwargs)) for receiver in own]

    def send_context(self, sender=None, /, **kwargs):
        signal = self.signals[1]
        metadata = kwargs.get("metadata")
        name, self.reading = self.reading, None
        if name is None or not isinstance(metadata, dict):
            return Signal.send(signal, sender, **kwargs)
        receivers = [] if signal.is_muted else list(signal.receivers_for(sender))
        start = first_outside(receivers)
        if start is None:
            return Signal.send(signal, sender, **kwargs)
        results = [(receiver, receiver(sender, **kwargs)) for receiver in receivers[:start]]
        before = self.copied(metadata)
        made = self.pending.pop(name, None)
        if made is not None:  # the outside receivers had this source's metadata already
            metadata.clear()
            metadata.update(made)
        else:
            results += [(receiver, receiver(sender, **kwargs)) for receiver in receivers[start:]]
        after = self.copied(metadata)
        if before is not None and after is not None:
            self.noted[name] = (before, after)
        return results

    def keep(self, name: str, content):
        """What to store for `name`: `content` with the metadata its read sent
        noted (a shallow copy); None when an outside receiver of the context
        signal is connected and that metadata was not noted (not kept)."""
        noted = self.noted.pop(name, None)
        if not self.any_outside()[1]:
            return content
        if noted is None:
            return None
        clone = object.__new__(type(content))
        vars(clone).update(vars(content))
        vars(clone)[READ_METADATA] = noted
        return clone


def same(metadata: dict, noted: dict) -> bool:
    """Whether the outside receivers left the metadata as at the noted read."""
    try:
        return bool(metadata == noted)
    except Exception:  # a value whose comparison raises: not known to be the same
        return False


class GeneratorCache:
    """Stands in for a CachingGenerator's own content cache (`get_cached_data`,
    `cache_data`, `save_cache`), which Pelican's `generate_context` calls, and
    adds `has_cached_data` for those that only ask (parallel_markdown)."""

    def __init__(self, generator, store: SnapshotStore, *, save: bool) -> None:
        self.generator = generator
        self.store = store
        self.save_allowed = save
        self.reports_before: dict[str, int] = {}
        self.outside_init = OutsideInit(
            shared=(generator.settings, getattr(generator, "context", None))
        )
        # name → the content given out and sent to the outside receivers this build
        self.replayed: dict[str, Any] = {}
        self.outside_reading = OutsideReading(generator, self.outside_init.copied)

    def source(self, name: str) -> str:
        return os.path.join(self.generator.path, name)

    def has_cached_data(self, name: str) -> bool:
        """Whether `get_cached_data` gives a content for `name`, without giving
        it: no outside receiver sees it, and nothing is noted for a read."""
        return self.store.get(name, self.source(name)) is not None

    def get_cached_data(self, name: str, default=None):
        """The content kept for `name`, sent to the outside receivers once per
        build however often it is asked for (as Pelican's own cache, a look-up
        with no effect); `default` when the source is to be read."""
        self.reports_before[name] = REPORTS.count
        found = self.store.get(name, self.source(name))
        if found is None:
            self.outside_init.watch()  # Pelican reads it next
            self.outside_reading.watch(name)
            return default
        if self.replayed.get(name) is found:
            return found
        if not self.outside_reading.send(name, found):
            self.store.forget(name, counted=False)  # Pelican reads it next: counted as read
            self.outside_init.watch()
            self.outside_reading.reread(name)
            return default
        try:
            self.outside_init.replay(found)
        except Exception as exc:  # as when read: Pelican's generator skips the source
            logger.debug("article_cache: %s: a content_object_init handler failed", name)
            self.store.forget(name)  # not given again this build
            self.outside_init.failed_replay(self.source(name), exc)
            self.outside_reading.reread(name)
            return default  # read: Pelican says the failure and skips the source
        self.replayed[name] = found
        return found

    def cache_data(self, name: str, content) -> None:
        as_read = self.outside_init.as_read(content)
        if as_read is not None:
            as_read = self.outside_reading.keep(name, as_read)
        said = REPORTS.count != self.reports_before.pop(name, None)
        if said or future_dated(content) or take_down_time(content) is not None or as_read is None:
            self.store.forget(name)
            return
        rebind_settings(content, self.generator.settings)
        if as_read is not content:  # its tags and authors are copies
            rebind_settings(as_read, self.generator.settings)
        if self.save_allowed:  # else a snapshot nobody keeps: not worth its pickling
            self.store.put(name, self.source(name), as_read)

    def save_cache(self) -> None:
        self.outside_init.unwatch()
        self.outside_reading.unwatch()
        self.replayed = {}
        store = self.store
        if self.save_allowed:
            store.save()
            keep_stamps(store.path.with_name(STAMPS))
        logger.info(
            "article_cache: %s: %d from the cache, %d read and kept, %d read and not kept%s",
            type(self.generator).__name__,
            store.hits,
            store.stored,
            store.refused,
            "" if self.save_allowed else " (CACHE_CONTENT is off: nothing saved)",
        )
        store.release()


def take_over(generator) -> None:
    """article_generator_init, page_generator_init: the generator's content
    cache becomes a snapshot store (see the package docstring)."""
    settings = generator.settings
    if not isinstance(generator, CachingGenerator) or not setting(
        settings, "ARTICLE_CACHE_ENABLED"
    ):
        return
    load, save = settings.get("LOAD_CONTENT_CACHE"), settings.get("CACHE_CONTENT")
    if not (load or save) or settings.get("DEFAULT_DATE") == "fs":
        return  # a date taken from the file's time is not in its stamp
    try:
        stamp = file_stamp(settings.get("CHECK_MODIFIED_METHOD") or "md5")
    except ValueError as exc:
        logger.warning("article_cache: not used: %s", exc)
        return
    key = cache_key(settings)
    if key is None:
        logger.debug("article_cache: settings have no stable digest; not used")
        return
    root = logging.getLogger()
    if REPORTS not in root.handlers:
        root.addHandler(REPORTS)
    name = type(generator).__name__
    store = SnapshotStore(
        Path(settings["CACHE_PATH"]) / FOLDER / f"{name}.pickle",
        key,
        shared={"settings": settings, "context": generator.context},
        stamp=stamp,
        owner="article_cache",
    )
    if load:
        store.load()
        recall_stamps(store.path.with_name(STAMPS))
    cache = GeneratorCache(generator, store, save=bool(save))
    generator.get_cached_data = cache.get_cached_data
    generator.has_cached_data = cache.has_cached_data
    generator.cache_data = cache.cache_data
    generator.save_cache = cache.save_cache
    retire_readers_cache(generator.readers)


def _never_cached(_name, default=None):
    return default


def _keep_nothing(*_args) -> None:
    return None


def retire_readers_cache(readers) -> None:
    """Pelican's readers' cache ("reader" layer) under the snapshots: never asked,
    never filled or saved, and its file (unpickled and gzipped again on every
    build, a second copy of every body) removed. A content the store does not
    hold is read afresh: on a cold build, on every core."""
    readers.get_cached_data = _never_cached
    readers.cache_data = _keep_nothing
    readers.save_cache = _keep_nothing
    if getattr(readers, "_cache", None):
        readers._cache = {}  # loaded before this plugin could say no: free it
    path = getattr(readers, "_cache_path", None)
    if path and os.path.isfile(path):
        with contextlib.suppress(OSError):
            os.remove(path)


def skip_uncached_stamps(generator) -> None:
    """static_generator_init: the readers of a generator that keeps no cache
    (the static files') still stamp every file twice a read, to look it up in
    and add it to a cache they never fill: each photo read and hashed twice on
    every build (17 MB for 300 photos). With no cache to keep or give, the
    look-up gives nothing and the stamps are not taken (Pelican's warning of
    a file it cannot stamp is not shown anyway: `warta.buildlog`)."""
    readers = getattr(generator, "readers", None)
    if (
        readers is None
        or getattr(readers, "_cache_data_policy", True)
        or readers.__dict__.get("_cache", True)
    ):
        return
    readers.get_cached_data = _never_cached
    readers.cache_data = _keep_nothing


# The generators whose content cache Pelican loads when it makes them, before
# article_generator_init (or page_generator_init) lets this plugin take over.
CACHED_GENERATORS = ("ArticlesGenerator", "PagesGenerator")


def drop_unloadable_caches(pelican) -> None:
    """get_generators (just before Pelican makes its generators): each content
    cache of Pelican's that they are about to load is loaded first, and one
    that cannot be is removed, so that Pelican starts it afresh.

    Pelican gives up on a cache file it cannot read or unpickle, but any other
    failure stops the build: a class of a plugin no longer installed (kept in
    the settings its tags and categories refer to) is a ModuleNotFoundError, a
    cut-off file an EOFError. Such a file exists only after a build this
    plugin did not take over (see take_over); else there is nothing to load."""
    settings = pelican.settings
    if not settings.get("LOAD_CONTENT_CACHE"):
        return
    layer = settings.get("CONTENT_CACHING_LAYER")
    suffix = "-Readers" if layer == "reader" else ""
    opener = gzip.open if settings.get("GZIP_CACHE") else open
    for kind in CACHED_GENERATORS:
        path = os.path.join(settings["CACHE_PATH"], kind + suffix)
        if not os.path.isfile(path):
            continue
        try:
            with opener(path, "rb") as handle:
                pickle.load(handle)
        except (OSError, UnicodeDecodeError, pickle.PickleError):
            continue  # Pelican starts afresh on these itself
        except Exception as exc:
            logger.info(
                "article_cache: %s cannot be loaded (%s: %s): removed, the contents are read again",
                path,
                type(exc).__name__,
                exc,
            )
            with contextlib.suppress(OSError):
                os.remove(path)


def process_translations(content_list, translation_id=None):
    """Pelican's `process_translations`, run once per group of translations.

    Pelican's ends with `[x for x in content_list if x not in index]`, a scan
    of the list of originals per content: quadratic (0.8 s of every build at
    10,000 articles). The groups (contents of one `translation_id`, a slug)
    are independent: sorted and grouped as Pelican does, each group is given
    to Pelican's own function, whose scan is then over the group, and the
    results are joined in the same order. The same lists, `translations`
    attributes and warnings. Pelican's whole-list call stands when a content
    compares otherwise than by identity (its class defines `__eq__`), and when
    the sort fails (Pelican's own error, raised by its call)."""
    original = pelican_process_translations
    if (
        not translation_id
        or type(content_list) is not list
        or not compared_by_identity(content_list)
    ):
        return original(content_list, translation_id)
    names = {translation_id} if isinstance(translation_id, str) else translation_id
    try:
        key = attrgetter(*names)
        content_list.sort(key=key)
    except (TypeError, AttributeError):
        return original(content_list, translation_id)
    index, translations = [], []
    for _, items in groupby(content_list, key):
        originals, others = original(list(items), translation_id)
        index += originals
        translations += others
    return index, translations


def compared_by_identity(contents) -> bool:
    """Whether `in` finds each content by identity alone (no class of them has
    its own `__eq__`), as `warta.contents.in_order_of` does."""
    return all(kind.__eq__ is object.__eq__ for kind in set(map(type, contents)))


def _archive_dates(generator):
    """A function giving, for a tag's, category's or author's articles, those of
    `generator.dates` among them in its order (Pelican's `dates` of the page):
    one pass over the articles, not one over them per article of the site;
    Pelican's own scan where a content compares otherwise than by identity."""
    dates = generator.dates
    if not compared_by_identity(dates):
        return lambda articles: [article for article in dates if article in articles]
    index = order_index(dates)

    def dates_of(articles) -> list:
        if not compared_by_identity(articles):
            return [article for article in dates if article in articles]
        return in_order_of(dates, index, articles)

    return dates_of


def _write_archives(generator, write, kind: str, kind_name: str, groups, fields) -> None:
    """Pelican 4.12's `generate_tags`, `generate_categories` and
    `generate_authors` (`kind`: "tag", "category", "author"; `groups`: its
    (item, articles); `fields`: the item's own keywords, in Pelican's order),
    each page's `dates` found by `_archive_dates`: 0.2 s of a warm build of
    10,000 releases went to Pelican's scans."""
    template = generator.get_template(kind)
    dates_of = _archive_dates(generator)
    for item, articles in groups:
        try:
            write(
                item.save_as,
                template,
                generator.context,
                **fields(item),
                articles=articles,
                dates=dates_of(articles),
                template_name=kind,
                blog=True,
                page_name=item.page_name,
                all_articles=generator.articles,
            )
        except FileOverwriteFailedError:
            if not item.slug:
                logger.info(
                    f'{kind_name} "%s" has an invalid slug; skipping writing {kind} page...',
                    item,
                    extra={"limit_msg": f"Further {ARCHIVE_PLURALS[kind]} with invalid slugs."},
                )
                continue
            logger.error(f'Failed to write {kind_name} page for "%s".', item)
            raise


ARCHIVE_PLURALS = {"tag": "tags", "category": "categories", "author": "authors"}
# The Pelican whose methods `_write_archives` stands for.
ARCHIVES_OF = "4.12.0"


def pelicans_own(function, name: str) -> bool:
    """Whether `function` is Pelican's own `ArticlesGenerator.<name>`: not a
    subclass's, nor one an outside plugin put on the class (or wrapped)."""
    return (
        getattr(function, "__module__", None) == "pelican.generators"
        and getattr(function, "__qualname__", None) == f"ArticlesGenerator.{name}"
        and not hasattr(function, "__wrapped__")
    )


def quicker_archives(generator) -> None:
    """article_generator_init: the generator's tag, category and author pages
    written by `_write_archives`, as Pelican 4.12 writes them; not for a
    generator whose class has its own (a subclass's, an outside plugin's put
    on Pelican's class), nor under another Pelican; and a method a receiver
    before this one gave the generator itself (an outside plugin's
    `generator.generate_tags = …`) is left to run."""
    if pelican_version != ARCHIVES_OF or not isinstance(generator, ArticlesGenerator):
        return
    methods = ("generate_tags", "generate_categories", "generate_authors")
    if not all(pelicans_own(getattr(type(generator), name, None), name) for name in methods):
        return
    own = vars(generator)
    if "generate_tags" not in own:
        generator.generate_tags = lambda write: _write_archives(
            generator,
            write,
            "tag",
            "Tag",
            generator.tags.items(),
            lambda tag: {"tag": tag, "url": tag.url},
        )
    if "generate_categories" not in own:
        generator.generate_categories = lambda write: _write_archives(
            generator,
            write,
            "category",
            "Category",
            generator.categories,
            lambda category: {"url": category.url, "category": category},
        )
    if "generate_authors" not in own:
        generator.generate_authors = lambda write: _write_archives(
            generator,
            write,
            "author",
            "Author",
            generator.authors,
            lambda author: {"url": author.url, "author": author},
        )


# (settings, `cache_key` of them) of the last build whose templates were cached.
_TEMPLATE_KEY: list = [None, None]


def cache_templates(generator) -> None:
    """generator_init: the generator's Jinja environment keeps the templates
    it compiles in CACHE_PATH/templates/ and takes them from there on the next
    build, while nothing that shapes the compiled code has changed: the
    article cache's key (settings, plugins', warta's and the site's code,
    Pelican's version) and what `warta.templatecache` adds per environment
    and template. Not with caches off, nor for an environment a plugin gave
    its own bytecode cache."""
    settings = generator.settings
    environment = getattr(generator, "env", None)
    if (
        environment is None
        or environment.bytecode_cache is not None
        or not setting(settings, "ARTICLE_CACHE_ENABLED")
        or not (settings.get("LOAD_CONTENT_CACHE") and settings.get("CACHE_CONTENT"))
        or not settings.get("CACHE_PATH")
    ):
        return
    if _TEMPLATE_KEY[0] is not settings:  # once per build (its settings)
        _TEMPLATE_KEY[:] = [settings, cache_key(settings)]
    key = _TEMPLATE_KEY[1]
    folder = Path(settings["CACHE_PATH"]) / TEMPLATES_FOLDER
    if key is None:
        return
    if not folder_usable(folder):
        blocker = file_in_the_way(folder)
        if blocker is not None:  # (said once: the build says a like finding once)
            consequence = "the templates are compiled again on every build"
            findings.report(logger, cache_blocked(blocker, "article_cache", consequence))
        return
    environment.bytecode_cache = TemplateCache(folder, key, settings.get("PLUGIN_PATHS") or ())


def register() -> None:
    # Pelican's generators call the name they imported.
    pelican_generators.process_translations = process_translations
    signals.get_generators.connect(drop_unloadable_caches)
    signals.article_generator_init.connect(take_over)
    signals.article_generator_init.connect(quicker_archives)
    signals.page_generator_init.connect(take_over)
    signals.static_generator_init.connect(skip_uncached_stamps)
    signals.generator_init.connect(cache_templates)
