"""Snapshots: objects kept across builds as they were when made, one file for all.

`SnapshotStore` keeps, per source file, the file's stamp and one object pickled
at the moment it is stored (`put`), not when the store is saved: objects that
are changed later in the build (an article enriched by plugins) come back as
they were made. Objects every snapshot refers to (the build's settings and
shared context) are left out of each pickle by name (`shared`) and given back
by identity when a snapshot is loaded, so a snapshot holds only what is its
own and is loaded into the current build, not into the one that made it.

The whole store is valid for one `key` (a digest of the code and settings that
made the objects); a store saved under another key, or unreadable, loads empty.
It is kept as a `warta.cachelog.CacheLog`: a save writes only the entries that
changed (a warm build's one edited source), appended to a log beside the file.
The saved file keeps only the entries asked for or stored in this build (and
not forgotten since: `forget` drops an entry for the rest of the build), so
removed sources leave no stale entries. Saving writes a temporary file and
renames it: a build killed while saving leaves the previous store (and a
record cut off in the log makes the next build start afresh).

A file's stamp (`file_stamp`) is the digest of its bytes. The digests of a
file that had last changed `warta.filestate.SETTLED_NS` or more before it was
read are kept between builds (`recall_stamps`, `keep_stamps`) with its stat,
taken before the read: while the file has that device, inode, size,
modification and status change times, it has those bytes, and a warm build
does not read and hash its 10,000 unchanged sources again.

No Pelican import.
"""

from __future__ import annotations

import functools
import hashlib
import io
import logging
import os
import pickle
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from warta import filestate
from warta.cachelog import CacheLog
from warta.paths import file_in_the_way

logger = logging.getLogger(__name__)


def file_stamp(method: str) -> Callable[[str | os.PathLike], Any]:
    """A function giving a file's stamp: its modification time for "mtime", else
    the digest of its bytes by the hashlib function of that name (Pelican's
    CHECK_MODIFIED_METHOD). Unknown names raise ValueError."""
    if method == "mtime":
        return os.path.getmtime
    if method not in hashlib.algorithms_available:
        raise ValueError(f"unknown CHECK_MODIFIED_METHOD {method!r}")

    def stamp(path: str | os.PathLike) -> bytes:
        # Several caches stamp the same sources in one build (the article cache,
        # content_lint's): a file not touched since (the same device, inode,
        # size, modification and status change times: a same-size edit within
        # one tick of the clock, or its time set back, still changes the
        # last) is not read and hashed again.
        look = time.time_ns()
        found = os.stat(path)
        name = os.fspath(path)
        key = (method, name, *_full_stat(found))
        known = _STAMPS.get(key)
        if known is None:
            settled = _settled_digests(name, found)
            if settled is not None and method in settled[1]:
                known = settled[1][method]
                _remember_content(key[1:], settled[2])
            else:
                with open(path, "rb") as handle:
                    data = handle.read()
                known = hashlib.new(method, data).digest()
                content = _keep_content_digest(key[1:], data)
                _note_settled(name, found, look, {method: known}, content)
            if len(_STAMPS) >= _STAMPS_KEPT:
                _STAMPS.clear()
            _STAMPS[key] = known
        _STAMPED.add(name)
        return known

    return stamp


_STAMPS: dict[tuple, bytes] = {}
_STAMPS_KEPT = 200_000
# (path, *`_full_stat`) → `content_digest` of the file's bytes.
_CONTENT: dict[tuple, str] = {}
# path → (its `_full_stat` when read, {hashlib name: digest}, `content_digest`)
# of files that had last changed SETTLED_NS or more before they were read:
# kept between builds (`recall_stamps`, `keep_stamps`).
_SETTLED: dict[str, tuple] = {}
_STAMPED: set[str] = set()  # paths stamped since `recall_stamps`
_KEPT_STAMPS: list = []  # the CacheLog of `recall_stamps`
STAMPS_FORMAT = "warta-stamps-1"


def _full_stat(found: os.stat_result) -> tuple[int, int, int, int, int]:
    """What any change to a file's bytes changes: device, inode, size,
    modification and status change times (the last set by every write, and
    by no `touch -d`: `warta.filestate`)."""
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)


def _settled_digests(name: str, found: os.stat_result) -> tuple | None:
    """The `_SETTLED` entry of `name` while the file has the stat it had when
    read; a stale entry is dropped."""
    entry = _SETTLED.get(name)
    if entry is None:
        return None
    if entry[0] == _full_stat(found):
        return entry
    del _SETTLED[name]
    return None


def _note_settled(name: str, found: os.stat_result, look: int, digests: dict, content: str):
    """Keep the digests of the bytes read after `found` was taken (at `look`),
    when the file had then last changed SETTLED_NS or more before: while it
    has that stat, it has those bytes (a change within a timestamp's tick of
    the look could leave it as it was: such a file is read again next time).
    A change made after the look, before the read, changes the stat."""
    if max(found.st_mtime_ns, found.st_ctime_ns) >= look - filestate.SETTLED_NS:
        _SETTLED.pop(name, None)
        return
    full = _full_stat(found)
    entry = _SETTLED.get(name)
    if entry is not None and entry[0] == full:
        digests = {**entry[1], **digests}
    if len(_SETTLED) >= _STAMPS_KEPT:
        _SETTLED.clear()
    _SETTLED[name] = (full, digests, content)


def recall_stamps(path: str | os.PathLike) -> None:
    """Take the digests of settled files an earlier build kept at `path`
    (`keep_stamps`): a file stamped in this build that still has the stat it
    had when that build read it is not read and hashed again (a warm build's
    10,000 unchanged sources). Loaded once per process and path; what this
    build stamps is what `keep_stamps` keeps."""
    _STAMPED.clear()
    path = Path(path)
    if _KEPT_STAMPS and _KEPT_STAMPS[0].path == path:
        return
    files = CacheLog(
        path,
        STAMPS_FORMAT,
        owner="snapshots",
        consequence="the next build reads every source again to stamp it",
        log=logger,
    )
    _KEPT_STAMPS[:] = [files]
    for name, entry in files.load().items():
        if (
            isinstance(name, str)
            and isinstance(entry, tuple)
            and len(entry) == 3
            and isinstance(entry[0], tuple)
            and isinstance(entry[1], dict)
            and isinstance(entry[2], str)
        ):
            _SETTLED.setdefault(name, entry)


def keep_stamps(path: str | os.PathLike) -> None:
    """Keep at `path` the digests of the settled files stamped since
    `recall_stamps` (only the entries that changed are written). Nothing,
    and no line, when a file stands where their folder should be: the store
    that keeps its snapshots in that folder has said so, in its own words."""
    path = Path(path)
    if file_in_the_way(path.parent) is not None:
        return
    if not _KEPT_STAMPS or _KEPT_STAMPS[0].path != path:
        _KEPT_STAMPS[:] = [
            CacheLog(
                path,
                STAMPS_FORMAT,
                owner="snapshots",
                consequence="the next build reads every source again to stamp it",
                log=logger,
            )
        ]
    kept = {name: _SETTLED[name] for name in _STAMPED if name in _SETTLED}
    _KEPT_STAMPS[0].save(kept)


def _remember_content(key: tuple, digest: str) -> None:
    if len(_CONTENT) >= _STAMPS_KEPT:
        _CONTENT.clear()
    _CONTENT[key] = digest


def _keep_content_digest(key: tuple, data: bytes) -> str:
    digest = hashlib.blake2b(data, digest_size=20).hexdigest()
    _remember_content(key, digest)
    return digest


def content_digest(path: str | os.PathLike) -> str | None:
    """A digest of the file's bytes (BLAKE2b), None when it cannot be read.
    A file a stamp (`file_stamp`) read in this process, not touched since
    (the same `_full_stat`: device, inode, size, both times), is not read
    again: a warm build's article cache reads every source to stamp it, and
    the enrichment plugin keys its cache by the same bytes. Nor is a settled
    file an earlier build read (`recall_stamps`) while its stat is unchanged."""
    try:
        look = time.time_ns()
        found = os.stat(path)
        name = os.fspath(path)
        key = (name, *_full_stat(found))
        known = _CONTENT.get(key)
        if known is not None:
            return known
        settled = _settled_digests(name, found)
        if settled is not None:
            _remember_content(key, settled[2])
            return settled[2]
        with open(path, "rb") as handle:
            digest = _keep_content_digest(key, handle.read())
        _note_settled(name, found, look, {}, digest)
        return digest
    except (OSError, TypeError, ValueError):
        return None


class _Pickler(pickle.Pickler):
    def __init__(self, file, shared_ids: Mapping[int, str]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._shared_ids = shared_ids

    def persistent_id(self, obj: Any) -> str | None:
        return self._shared_ids.get(id(obj))


class _SharedNames(dict):
    """Name → shared object, as `persistent_load` (its C `__getitem__`); a
    name `dumps` did not have is refused."""

    def __missing__(self, pid: Any) -> Any:
        raise pickle.UnpicklingError(f"unknown shared object {pid!r}")


# What `dumps` writes first: its protocol. A pickle that starts otherwise (not
# made by `dumps`) is unpickled with the C unpickler's own `find_class`, whose
# rules depend on the protocol read (dotted names from protocol 4 on).
_PROTOCOL = pickle.PROTO + bytes([pickle.HIGHEST_PROTOCOL])


def class_finder() -> Callable[[str, str], Any]:
    """A `find_class` that looks each (module, name) up once: the C unpickler's
    own, as it is after reading `dumps`'s protocol (the same classes and
    functions by the same rules, and nothing else), kept by
    `functools.lru_cache` (whose hits run no Python code). Imports made since
    the first look-up are not seen: one finder serves one build."""
    prototype = pickle.Unpickler(io.BytesIO(_PROTOCOL + pickle.NONE + pickle.STOP))
    prototype.load()
    return functools.lru_cache(maxsize=None)(prototype.find_class)


def snapshot_loader(shared: Mapping[str, Any]) -> Callable[[bytes], Any]:
    """`loads` for the snapshots of one build: `shared` (taken now) and the
    classes found (`class_finder`) are kept from one snapshot to the next.

    Each snapshot is unpickled by the C unpickler with its `persistent_load`
    and `find_class` given as C callables (a class's attributes: a bound
    `dict.__getitem__` and the finder), so that no Python code runs per
    snapshot: a Python `find_class` and `persistent_load` per class and
    shared object, and a Python `__init__`, were 15 calls a snapshot (150,000
    in a warm build of 10,000 articles). What it can make is what the C
    unpickler makes: the classes and functions a snapshot names, found as
    pickle finds them, and `shared`'s objects by name."""
    names = _SharedNames(shared)
    own = type(
        "SnapshotUnpickler",
        (pickle.Unpickler,),
        {"persistent_load": names.__getitem__, "find_class": staticmethod(class_finder())},
    )
    other = type("SharedUnpickler", (pickle.Unpickler,), {"persistent_load": names.__getitem__})
    stream = io.BytesIO

    def load(data: bytes) -> Any:
        return (own if data.startswith(_PROTOCOL) else other)(stream(data)).load()

    return load


def dumps(obj: Any, shared: Mapping[str, Any]) -> bytes:
    """Pickle `obj`, writing each object of `shared` as its name only."""
    buffer = io.BytesIO()
    _Pickler(buffer, {id(value): name for name, value in shared.items()}).dump(obj)
    return buffer.getvalue()


def loads(data: bytes, shared: Mapping[str, Any]) -> Any:
    """Unpickle what `dumps` wrote, with the names of `shared` given back as its
    objects (one snapshot; a store keeps a `snapshot_loader` for all of its)."""
    return snapshot_loader(shared)(data)


class SnapshotStore:
    """Source name → snapshot of the object made from it, valid while the
    source's stamp and the store's key are unchanged."""

    def __init__(
        self,
        path: Path,
        key: str,
        shared: Mapping[str, Any],
        stamp: Callable[[str], Any],
        *,
        owner: str = "snapshots",
    ) -> None:
        self.path = path
        self.owner = owner  # who keeps the store, as a warning names it
        self.key = key
        self.shared = shared
        self.stamp = stamp
        self._files = CacheLog(
            path,
            key,
            owner=owner,
            consequence="the next build reads every source again",
            log=logger,
        )
        self._saved: dict[str, tuple[Any, bytes]] = {}
        self._kept: dict[str, tuple[Any, bytes]] = {}  # what the next save writes
        self._loaded: dict[str, Any] = {}  # objects handed out in this build
        self._peeked: set[str] = set()  # entries whose summary was handed out
        self._load = snapshot_loader(shared)  # this build's
        self.changed = False
        self.hits = 0
        self.stored = 0
        self.refused = 0

    def load(self) -> None:
        """Read the saved store; anything unreadable or made under another key
        (or format) is an empty store (`warta.cachelog`: one info line for a
        file that cannot be read)."""
        self._saved = self._files.load()
        if self._files.rewrite:
            self.changed = True  # rewritten by this build, not read again by the next

    def _current_entry(self, name: str, source: str | os.PathLike) -> tuple | None:
        """`name`'s stored entry (this build's first) when `source` still has
        the stamp it had then; None otherwise."""
        entry = self._kept.get(name) or self._saved.get(name)
        if entry is None:
            return None
        try:
            current = self.stamp(source)
        except OSError:
            current = None
        return entry if current is not None and entry[0] == current else None

    def get(self, name: str, source: str | os.PathLike) -> Any | None:
        """The object stored for `name` when `source` (the file it was made
        from) still has the stamp it had then; None otherwise. Asked twice in one
        build, the same object is returned."""
        if name in self._loaded:
            return self._loaded[name]
        entry = self._current_entry(name, source)
        if entry is None:
            return None
        try:
            obj = self._load(entry[1])
        except Exception as exc:  # a class renamed since: make it again
            logger.debug("snapshots: %s not loaded (%s)", name, exc)
            return None
        self._kept[name] = entry
        self._loaded[name] = obj
        if name not in self._peeked:
            self.hits += 1
        return obj

    def peek(self, name: str, source: str | os.PathLike) -> tuple[Any, Callable[[], Any]] | None:
        """(summary, load) of `name`'s snapshot when `source` still has the
        stamp it had then: the summary stored with it (`put`'s, plain data
        kept beside the pickle) and a function unpickling the snapshot when
        asked (also after `release`), without unpickling it now; None
        otherwise. The entry counts as asked for (kept by the next save)."""
        if name in self._loaded:
            return None
        entry = self._current_entry(name, source)
        if entry is None or len(entry) < 3:
            return None
        self._kept[name] = entry
        if name not in self._peeked:
            self._peeked.add(name)
            self.hits += 1
        return entry[2], functools.partial(self._load, entry[1])

    def put(self, name: str, source: str | os.PathLike, obj: Any, summary: Any = None) -> bool:
        """Store a snapshot of `obj` as it is now (and `summary`, plain data
        `peek` gives without unpickling it); False (and nothing kept for
        `name`) when it cannot be pickled or the source cannot be stamped."""
        self._loaded.pop(name, None)
        self._peeked.discard(name)
        try:
            entry = (self.stamp(source), dumps(obj, self.shared))
            if summary is not None:
                entry = (*entry, summary)
        except OSError as exc:
            logger.debug("snapshots: %s not stamped (%s)", name, exc)
            self.forget(name)
            return False
        except Exception as exc:  # an attribute pickle cannot write (a lambda, a lock)
            logger.debug("snapshots: %s not kept (%s)", name, exc)
            self.forget(name)
            return False
        self._kept[name] = entry
        self.changed = True
        self.stored += 1
        return True

    def forget(self, name: str, *, counted: bool = True) -> None:
        """Keep nothing for `name`: a `get` later in this build gives None, and
        the next build makes it again. Counted as refused; with `counted`
        False, as never found (the `get` that gave it is taken back: the
        caller reads the source after all)."""
        self._loaded.pop(name, None)
        self._peeked.discard(name)
        kept = self._kept.pop(name, None)
        if self._saved.pop(name, None) is not None or kept is not None:
            self.changed = True
        if counted:
            self.refused += 1
        else:
            self.hits -= 1

    def save(self) -> None:
        """Write the entries asked for or stored in this build (nothing when
        none changed and none dropped): only those that changed, appended to
        the store's log (`warta.cachelog`), now and then the whole store."""
        if not self.changed and self._kept.keys() == self._saved.keys():
            return
        if not self._files.save(self._kept):  # not written: a warning said so
            return
        self._saved = self._kept
        self._kept = dict(self._saved)
        self.changed = False

    def release(self) -> None:
        """Drop what the build no longer needs (the pickles; objects handed out stay theirs)."""
        self._saved = {}
        self._kept = {}
        self._loaded = {}
        self._peeked = set()
        self._load = snapshot_loader(self.shared)
