"""What the last build wrote, and an output folder emptied around the pages to reuse.

The manifest (`<cache>/writer/manifest.json`) maps every page and feed the
writer produced to the digest of its inputs and the stamp of the file as the
writer left it (size, modification time and a hash of its bytes), so that a
file another plugin rewrote afterwards is told apart (`unchanged`). Pelican
empties the output folder at the start of a build (`DELETE_OUTPUT_DIRECTORY`);
the writer does that instead (`OutputFolder`), keeping the files the manifest
lists, so a page whose inputs did not change stays where it is instead of
being rendered. The files of the last build that this one does not produce
again are deleted at the end: the output holds exactly what a clean build
would write.

It also names the files plugins publish themselves and declared kept
(`warta.paths.keep_output`: the images plugin's social cards and photo
variants): the clean start keeps the last build's, which their plugin checks
and publishes again, and the end deletes those this build no longer declares
(a draft's card), so they are not deleted and linked again on every build.

The manifest is removed while a build runs and saved when it ends, so a build
that stops half-way never vouches for files it did not finish. No Pelican import.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import NamedTuple

from warta import findings
from warta.findings import Finding
from warta.fingerprint import hash_bytes
from warta.paths import OutputPaths, cache_blocked, cache_blocker, link_target, replace_file
from warta.text import shown_controls

logger = logging.getLogger(__name__)

VERSION = 3


def is_site_path(value) -> bool:
    """A plain path of a file below the output folder, as the writer records it
    ("berita/2024/x/index.html"): not absolute, no `..`, `.` or empty segment,
    no backslash or NUL. A manifest key of another form (a hand edit) would
    name a file outside the output for `OutputFolder.remove` to delete. (Each
    segment seen between slashes, by substring searches in C: a warm build
    reads 20,000 of them.)"""
    if not isinstance(value, str):
        return False
    wrapped = f"/{value}/"  # an empty path, a leading or trailing "/": "//"
    return (
        "//" not in wrapped
        and "/./" not in wrapped
        and "/../" not in wrapped
        and "\\" not in value
        and "\x00" not in value
    )


def write_stamped(path: str | os.PathLike, data: bytes) -> list:
    """Write `data` to `path`; its stamp ([size, mtime in ns, hash]), a list
    for the manifest's JSON."""
    with open(path, "wb") as handle:
        handle.write(data)
    status = os.stat(path)
    return [status.st_size, status.st_mtime_ns, hash_bytes(data)]


class Entry(NamedTuple):
    digest: str  # of the file's inputs
    # The file right after the writer wrote it: [size, mtime in ns, hash of its bytes].
    stamp: list


def unchanged(path: str | os.PathLike, entry: Entry) -> list | None:
    """The file's stamp now, when it holds what the writer wrote (`entry`);
    None when it is missing or was rewritten since (a `content_written`
    handler). Size and time answer for most files with one `stat`. A file of
    the same size with another time (a CI cache restored by tar, a copy) is
    read and its bytes compared by hash, so a rewrite of the same length is
    seen too."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    size, mtime, digest = entry.stamp
    if status.st_size != size:
        return None
    if status.st_mtime_ns == mtime:
        return entry.stamp
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    return [size, status.st_mtime_ns, digest] if hash_bytes(data) == digest else None


def read_entry(value) -> Entry | None:
    if (
        isinstance(value, list)
        and len(value) == 2
        and isinstance(value[0], str)
        and isinstance(value[1], list)
        and len(value[1]) == 3
    ):
        return Entry(value[0], value[1])
    return None


class Manifest:
    def __init__(self, folder: str | os.PathLike, output: str | os.PathLike) -> None:
        self.folder = Path(folder)
        self.path = self.folder / "manifest.json"
        self.output = Path(output).resolve()
        self.previous: dict[str, Entry] = {}  # site path → entry, from the last build
        self.current: dict[str, Entry] = {}  # site path → entry, this build
        # Files plugins publish themselves and declared kept (`keep_output`):
        # the last build's, and this build's.
        self.previous_kept: set[str] = set()
        self.kept: set[str] = set()
        self.unusable = False  # its folder cannot be written (a file in its place)

    def load(self) -> None:
        """Read the last build's manifest and remove it until this build ends."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        if not isinstance(data, dict):
            data = {}  # valid JSON of another shape (a hand edit, another tool): none
        if data.get("version") == VERSION and data.get("output") == str(self.output):
            files = data.get("files")
            entries = files.items() if isinstance(files, dict) else ()
            self.previous = {
                path: entry
                for path, entry in ((path, read_entry(value)) for path, value in entries)
                if entry is not None and is_site_path(path)
            }
            kept = data.get("kept")
            if isinstance(kept, list):
                self.previous_kept = {path for path in kept if is_site_path(path)}
        try:
            self.path.unlink(missing_ok=True)
        except OSError as exc:  # the cache folder (or the writer's in it) is a file
            self.unusable = True
            self.previous = {}
            self.previous_kept = set()
            consequence = "every page is rendered, and none kept for the next build"
            blocker = cache_blocker(self.folder, self.path)
            findings.report(
                logger,
                cache_blocked(blocker, "writer", consequence)
                if blocker is not None
                else Finding(
                    os.fspath(self.path),
                    None,
                    "warning",
                    f"writer: the cache cannot be used ({exc.strerror or exc}); {consequence}",
                    "see that the cache folder can be written (`invoke clean` empties it)",
                ),
            )

    def last_files(self) -> set[str]:
        """Every file the last build left in the output for this one: its
        pages and feeds, and the files plugins declared kept."""
        return set(self.previous) | self.previous_kept

    def gone(self) -> set[str]:
        """The last build's files (`last_files`) that this build neither wrote
        nor declared kept: a deleted release's page, a draft's social card."""
        return self.last_files() - set(self.current) - self.kept

    def save(self) -> None:
        if self.unusable:
            return
        data = {
            "version": VERSION,
            "output": str(self.output),
            "files": self.current,
            "kept": sorted(self.kept - set(self.current)),
        }
        replace_file(self.path, json.dumps(data, sort_keys=True).encode("utf-8"))


class OutputFolder:
    """Pelican's clean start (`DELETE_OUTPUT_DIRECTORY`), minus the pages that may
    be reused: everything else goes before the build, and what the build did
    not produce again goes after it."""

    def __init__(self, output: str | os.PathLike) -> None:
        self.output = Path(output)

    def clean(self, keep: set[str], retention) -> None:
        """Delete every file except `keep` (site paths) and the retained top-level
        names, and every symbolic link (`keep` or not): the output is the
        build's own, and a page is never written through a link to elsewhere."""
        if not self.output.is_dir() or self.output.is_symlink():
            return
        cut = len(os.path.join(os.fspath(self.output), ""))
        for entry in list(os.scandir(self.output)):
            if entry.name in retention:
                continue
            if entry.is_symlink():
                self._remove_link(entry.path)
            elif entry.is_dir(follow_symlinks=False):
                self._clean_folder(entry.path, keep, cut)
            elif entry.name not in keep:
                os.unlink(entry.path)

    def _clean_folder(self, folder: str, keep: set[str], cut: int) -> bool:
        """Empty `folder` but for `keep`; whether it still holds something.
        A warm build walks tens of thousands of kept files: the site path is cut
        from the text (pathlib cost more), and a link is told from the
        listing's own file type, with no `stat` a file."""
        base = folder[cut:].replace(os.sep, "/")
        holding = False
        with os.scandir(folder) as listing:
            entries = list(listing)
        for entry in entries:
            if entry.is_symlink():
                self._remove_link(entry.path)
            elif entry.is_dir(follow_symlinks=False):
                holding = self._clean_folder(entry.path, keep, cut) or holding
            elif f"{base}/{entry.name}" in keep:
                holding = True
            else:
                os.unlink(entry.path)
        if holding:
            return True
        try:
            os.rmdir(folder)  # only succeeds when it is empty now
        except OSError:
            return True
        return False

    def _remove_link(self, path: str) -> None:
        target = link_target(Path(path))
        os.unlink(path)  # the link itself, never what it points to
        findings.report(
            logger,
            Finding(
                path,
                None,
                "warning",
                f"symbolic link in the output folder removed (the build writes its own "
                f"files there, never through a link): '{shown_controls(target)}'",
                "build into a folder of its own; to keep a top-level name, "
                "list it in OUTPUT_RETENTION",
            ),
        )

    def site_path(self, path: str | os.PathLike) -> str:
        """A file's path below the output folder, with "/" separators."""
        return Path(os.path.relpath(path, self.output)).as_posix()

    def remove(self, site_paths) -> None:
        """Delete files the last build wrote and this one did not, and the
        folders they leave empty (a deleted article's folder)."""
        inside = OutputPaths(self.output)
        for site_path in site_paths:
            # Never a file outside the output (through a link put into it), never a folder.
            if not is_site_path(site_path) or inside.refusal(site_path):
                continue
            path = self.output / site_path
            try:
                if not path.is_file():
                    continue  # gone, or a folder where the last build wrote a file
                path.unlink()
            except FileNotFoundError:
                continue
            except OSError as exc:
                findings.report(
                    logger,
                    Finding(
                        os.fspath(path),
                        None,
                        "warning",
                        f"the last build's file could not be deleted: {exc.strerror or exc}",
                        "delete it by hand, or empty the output folder",
                    ),
                )
                continue
            for parent in path.parents:
                if parent == self.output:
                    break
                try:
                    parent.rmdir()
                except OSError:
                    break
