"""A file's stat as the witness that the file is still what was read (no
Pelican import).

A cache that read a file may take it as unchanged while its stat is the one
noted before the read: same inode, size, modification and status change
times (the last is set by any write, and by no `touch -d`), and a file that
last changed SETTLED_NS or more before that look. A change within a
timestamp's granularity of the look could leave the stat as it was (git's
"racily clean" files): such a file is read again, as any whose stat differs.

`parallel_markdown` tells by it that a file is what its workers converted;
`warta.snapshots.file_stamp`, which keys its digests by inode, size and
modification time alone, is the other reader of a file's stat. A folder's
stat is, by the same rule, the witness that its entries are what was listed
(`folder_entries`: containment's listing of content/, made several times a
build).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from typing import NamedTuple

SETTLED_NS = 2_000_000_000

StatKey = tuple[int, int, int, int]


def stat_key(path: str | os.PathLike) -> StatKey | None:
    """What a change to the file changes: inode, size, modification and status
    change times; None when the file cannot be stat'ed."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)


def settled_stats(paths: Iterable[str]) -> dict[str, StatKey]:
    """path → `stat_key` of each file that last changed SETTLED_NS ago or
    more, noted now, before it is read: while it has that stat, it is what
    was read (most files of a site, untouched for days)."""
    before = time.time_ns() - SETTLED_NS
    found = {}
    for path in paths:
        key = stat_key(path)
        if key is not None and max(key[2], key[3]) < before:
            found[path] = key
    return found


class FolderEntries(NamedTuple):
    """A folder's entries by kind, as its directory lists them (no link
    followed): regular files, folders, symbolic links, and the rest (pipes,
    sockets, devices, and an entry gone before its kind was known)."""

    files: tuple[str, ...]
    folders: tuple[str, ...]
    links: tuple[str, ...]
    others: tuple[str, ...]


# folder path → (its stat_key when listed, its entries); settled folders only.
_FOLDERS: dict[str, tuple[StatKey, FolderEntries]] = {}
_FOLDERS_KEPT = 100_000


def folder_entries(path: str) -> FolderEntries | None:
    """The entries of the folder at `path` by kind (the directory's own file
    types: no `lstat` per entry); None when it cannot be listed.

    A folder listed before, whose stat is still the one noted before that
    listing and which had then last changed SETTLED_NS or more before, gives
    the same object without being listed again: an entry cannot come, go,
    be renamed or change its kind (a file replaced by a link, a pipe) without
    changing the folder's modification and status change times. A file's own
    changes (its bytes, its mode) are not the folder's: who reads a file
    stamps it."""
    key = stat_key(path)
    if key is None:
        _FOLDERS.pop(path, None)
        return None
    known = _FOLDERS.get(path)
    if known is not None and known[0] == key:
        return known[1]
    before = time.time_ns() - SETTLED_NS
    files, folders, links, others = [], [], [], []
    try:
        with os.scandir(path) as listing:
            for entry in listing:
                try:
                    if entry.is_symlink():
                        links.append(entry.name)
                    elif entry.is_dir(follow_symlinks=False):
                        folders.append(entry.name)
                    elif entry.is_file(follow_symlinks=False):
                        files.append(entry.name)
                    else:
                        others.append(entry.name)
                except OSError:
                    others.append(entry.name)
    except OSError:
        _FOLDERS.pop(path, None)
        return None
    found = FolderEntries(tuple(files), tuple(folders), tuple(links), tuple(others))
    if max(key[2], key[3]) < before:
        if len(_FOLDERS) >= _FOLDERS_KEPT:
            _FOLDERS.clear()
        _FOLDERS[path] = (key, found)
    else:
        _FOLDERS.pop(path, None)
    return found
