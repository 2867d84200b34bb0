"""A cache file written as what changed: a whole file and a log of later saves.

A warm build changes one entry of 10,000 (one release edited), yet a cache
kept as one pickle is written whole for it (the article cache's 0.22 s at
10,000 articles). `CacheLog` keeps a cache's entries (a dict) as a main file,
`NAME`, and beside it `NAME.log`, to which each later save appends one record:
the entries it set (new or replaced, compared by identity with what was
loaded) and the names it dropped. When the log has grown to half the main
file's size, or the save changes most entries, the main file is written whole
again (`replace_file`: a build killed meanwhile leaves the old one) and the
log removed.

Safe by construction: the main file holds the cache's `key` (a digest of the
code and settings that made the entries: no time, no absolute path, so a
cache CI restores is valid) and a generation (random) that every record of its
log repeats; a log left by an earlier main file (a build killed between the
two steps of a compaction) is stale and not read. Each record is framed by its
length and a digest of its bytes: a record cut off (a build killed while
appending) or altered makes the whole cache unusable, said in one line, and
the build starts afresh, as with a main file that cannot be read. A log that
is a hard link (a copy of the cache made with links) is never appended to:
the main file is written again instead.

No Pelican import.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import secrets
import struct
from collections.abc import Mapping
from pathlib import Path

from warta.paths import save_cache

logger = logging.getLogger(__name__)

FORMAT = "warta-cachelog-1"
MAGIC = b"WCL1"
_FRAME = struct.Struct(">4sQ20s")  # magic, payload length, BLAKE2b-160 of the payload
COMPACT_RATIO = 0.5  # the log written into the main file past this share of its size
_MISSING = object()


class CacheUnreadable(Exception):
    """The cache's files cannot be read as one cache (cut off, altered, foreign)."""


class CacheLog:
    """The entries of one cache, loaded from and saved to `path` (+ `.log`)."""

    def __init__(
        self,
        path: str | os.PathLike,
        key: str,
        *,
        owner: str,
        consequence: str,
        log: logging.Logger = logger,
    ):
        self.log = log  # the logger of the module that keeps the cache
        self.path = Path(path)
        self.log_path = self.path.with_name(self.path.name + ".log")
        self.key = key
        self.owner = owner  # who keeps the cache, as a warning names it
        self.consequence = consequence  # what follows when it cannot be written
        self._generation: str | None = None  # of the main file loaded or written
        self._loaded: dict = {}  # the entries as the files hold them
        self._main_size = 0
        self._log_size = 0
        self.rewrite = False  # the files are not this cache's: written whole next save
        self.appended = 0  # records appended by this object (tests)
        self.compacted = 0  # main files written by this object (tests)

    def load(self) -> dict:
        """The saved entries: {} when there is no file, when it was made under
        another key, or (one info line naming the file) when it cannot be read."""
        self._loaded, self._generation = {}, None
        self._main_size = self._log_size = 0
        try:
            handle = open(self.path, "rb")  # noqa: SIM115 (read as a stream: no copy of the file)
        except FileNotFoundError:
            return {}
        except OSError as exc:
            return self._afresh(exc)
        with handle:
            try:
                size = os.fstat(handle.fileno()).st_size
                stored = pickle.load(handle)
            except Exception as exc:  # a truncated or foreign file
                return self._afresh(exc)
        if not isinstance(stored, dict):
            return self._afresh(CacheUnreadable("not a cache of this kind"))
        if (
            stored.get("format") != FORMAT
            or stored.get("key") != self.key
            or not isinstance(stored.get("entries"), dict)
            or not isinstance(stored.get("generation"), str)
        ):
            self.log.debug("%s: %s made by other code or settings: not used", self.owner, self.path)
            self.rewrite = True
            return {}
        entries = stored["entries"]
        self._generation = stored["generation"]
        self._main_size = size
        try:
            self._read_log(entries)
        except Exception as exc:  # a record cut off or altered: nothing of it is trusted
            self._generation = None
            return self._afresh(exc, self.log_path)
        self._loaded = dict(entries)
        return entries

    def _afresh(self, exc: Exception, path: Path | None = None) -> dict:
        self.log.info(
            "%s: %s cannot be loaded (%s: %s): started afresh",
            self.owner,
            path or self.path,
            type(exc).__name__,
            exc,
        )
        self.rewrite = True
        return {}

    def _read_log(self, entries: dict) -> None:
        try:
            with open(self.log_path, "rb") as handle:
                data = handle.read()
        except FileNotFoundError:
            return
        offset = 0
        while offset < len(data):
            if len(data) - offset < _FRAME.size:
                raise CacheUnreadable(f"a record cut off at byte {offset}")
            magic, length, digest = _FRAME.unpack_from(data, offset)
            start = offset + _FRAME.size
            payload = data[start : start + length]
            if magic != MAGIC or len(payload) != length:
                raise CacheUnreadable(f"a record cut off at byte {offset}")
            if hashlib.blake2b(payload, digest_size=20).digest() != digest:
                raise CacheUnreadable(f"the record at byte {offset} was altered")
            record = pickle.loads(payload)
            if record.get("generation") != self._generation:
                if offset == 0:  # a log of an earlier main file: already in it
                    self.rewrite = True  # (never appended to: written whole next save)
                    return
                raise CacheUnreadable(f"the record at byte {offset} is of another file")
            entries.update(record["set"])
            for name in record["removed"]:
                entries.pop(name, None)
            offset = start + length
        self._log_size = len(data)

    def save(self, entries: Mapping) -> bool:
        """Save `entries` as the cache's entries: only what differs from the
        files (an entry not the very object loaded is written again), as a
        record appended to the log, or the whole main file when the log has
        grown (or cannot be appended to). Whether the files now hold
        `entries` (False: they could not be written, a warning said so:
        `save_cache`)."""
        loaded = self._loaded
        changed = {
            name: value
            for name, value in entries.items()
            if loaded.get(name, _MISSING) is not value
        }
        removed = [name for name in loaded if name not in entries]
        if not changed and not removed and not self.rewrite:
            return True
        record = None
        if not self.rewrite and self._generation is not None and len(changed) * 2 < len(entries):
            payload = pickle.dumps(
                {"generation": self._generation, "set": changed, "removed": removed},
                protocol=pickle.HIGHEST_PROTOCOL,
            )
            if self._log_size + len(payload) <= self._main_size * COMPACT_RATIO:
                record = payload
        if record is not None and self._append(record):
            self._loaded = dict(entries)
            return True
        return self._write_main(entries)

    def _append(self, payload: bytes) -> bool:
        frame = _FRAME.pack(MAGIC, len(payload), hashlib.blake2b(payload, digest_size=20).digest())
        try:
            found = os.stat(self.log_path)
        except FileNotFoundError:
            found = None
        except OSError:
            return False
        if found is not None and (found.st_nlink > 1 or found.st_size != self._log_size):
            return False  # shared with a copy, or written by another build since: whole
        try:
            fd = os.open(self.log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        except OSError:
            return False
        try:
            os.write(fd, frame + payload)  # (one write: another reader sees all or a cut)
        except OSError:
            return False  # (a cut record makes the next load start afresh)
        finally:
            os.close(fd)
        self._log_size += len(frame) + len(payload)
        self.appended += 1
        return True

    def _write_main(self, entries: Mapping) -> bool:
        generation = secrets.token_hex(8)
        stored = {
            "format": FORMAT,
            "key": self.key,
            "generation": generation,
            "entries": dict(entries),
        }
        data = pickle.dumps(stored, protocol=pickle.HIGHEST_PROTOCOL)
        if not save_cache(self.path, data, owner=self.owner, consequence=self.consequence):
            return False
        # The old log is of the old generation: stale whether or not it goes.
        with contextlib.suppress(OSError):
            self.log_path.unlink(missing_ok=True)
        self._generation = generation
        self._main_size, self._log_size = len(data), 0
        self._loaded = dict(entries)
        self.rewrite = False
        self.compacted += 1
        return True
