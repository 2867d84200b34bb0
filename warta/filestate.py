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
modification time alone, is the other reader of a file's stat.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable

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
