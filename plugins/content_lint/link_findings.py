"""A release's link and photo findings kept between builds (no Pelican import).

`check_links` (a `{filename}`/`{static}` link to a missing file, …) and
`check_image_locations` (a photo carrying a GPS location) ask the file
tree about the paths a source links, and read its photos: run for every
release on every build, they were most of content_lint's time in a warm
build (10,000 releases, one edited). Their findings are now kept per
source, with what they asked, and given again while nothing they depend
on has changed:

- the key of the whole cache (`cache_key`): the code, the real path of
  content/, the settings the checks read (SITEURL, MARKDOWN) and Pillow's
  version (it reads the photos' EXIF);
- the source's own key (`source_key`): the digest of its bytes, the HTML of
  its body and `Summary:` the checks read (the build's, or "rendered again"
  with the build's Markdown for a release Pelican dropped), and whether the
  build writes its page (a photo not yet published is said so);
- what the checks looked up (`Lookups`), checked again on every build
  against one typed listing of content/ (`ContentTree`): for each path a
  link resolved, the kind of each folder and file on the way (a file, a
  folder, a symbolic link, missing, a folder that cannot be listed); for
  each photo, that and its stat (a photo replaced or re-exported); and,
  when a missing link's suggestion named the nearest file, the listing of
  every file (a file added anywhere may be nearer).

So an edit re-checks the edited source; a file added or removed re-checks
the sources that linked that path (or that had a missing link); a changed
setting or code re-checks every source. A path through a hidden folder
(not listed) is never kept: its source is checked on every build.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from warta.fingerprint import hash_bytes, hash_text
from warta.paths import linked_file

# A path's kind in the listing.
FILE, FOLDER, LINK, OTHER, UNLISTED, MISSING = "f", "d", "l", "o", "u", "-"


class ContentTree:
    """content/ listed once, without following a link: each path's kind, and
    `files` as `inventory.content_files` lists them (in `os.walk`'s order,
    hidden folders left out), so that one walk serves both."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.kinds: dict[str, str] = {}
        self.files: list[str] = []
        self._listing_digest: str | None = None
        self._walk(root, "")

    def _walk(self, folder: str, prefix: str) -> None:
        dirs: list[tuple[str, str]] = []
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError:  # (os.walk passes over it; a lookup below it is said as such)
            if prefix:
                self.kinds[prefix.rstrip("/")] = UNLISTED
            return
        for entry in listed:
            relative = prefix + entry.name
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            try:
                link = entry.is_symlink()
            except OSError:
                link = False
            if link:
                kind = LINK
            elif is_dir:
                kind = FOLDER
            else:
                try:
                    kind = FILE if entry.is_file(follow_symlinks=False) else OTHER
                except OSError:
                    kind = OTHER
            self.kinds[relative] = kind
            if is_dir:
                dirs.append((entry.name, relative))
            else:
                self.files.append(relative)
        for name, relative in dirs:
            if name.startswith(".") or self.kinds[relative] == LINK:
                if self.kinds[relative] != LINK:
                    self.kinds[relative] = UNLISTED  # (hidden: not listed)
                continue
            self._walk(os.path.join(folder, name), relative + "/")

    def path_state(self, candidate: str) -> str | None:
        """The kinds of the paths `candidate` (below content/, "/"-separated,
        as the check joined it) passes through, component by component as the
        system follows them; None when the listing cannot tell (a folder not
        listed on the way)."""
        if "\x00" in candidate or (os.sep != "/" and os.sep in candidate):
            return None
        parts: list[str] = []
        states = []
        for part in candidate.split("/"):
            if part in ("", "."):
                continue
            if part == "..":
                if not parts:
                    states.append("^")  # climbs out: refused whatever is there
                    break
                parts.pop()
                states.append("..")
                continue
            parts.append(part)
            kind = self.kinds.get("/".join(parts), MISSING)
            if kind == UNLISTED:
                return None
            states.append(kind)
            if kind == LINK:
                break  # refused, wherever it points
            # (a missing folder or a file on the way is no end: the system
            # resolves a `..` after it from the path as written, so
            # "gone/../images/sk.pdf" names images/sk.pdf)
        return candidate + "\x1e" + "".join(s + "/" for s in states)

    def photo_state(self, target: str) -> str | None:
        """`path_state` of a photo, with its stat when it is a file (its EXIF
        is read: a photo replaced keeps its name)."""
        state = self.path_state(target)
        if state is None or not state.endswith(FILE + "/"):
            return state
        try:
            found = os.stat(os.path.normpath(os.path.join(self.root, target)))
        except OSError:
            return None
        return f"{state}{found.st_ino}:{found.st_size}:{found.st_mtime_ns}:{found.st_ctime_ns}"

    def listing_digest(self) -> str:
        """A digest of every file's path (`files`), made once."""
        if self._listing_digest is None:
            self._listing_digest = hash_text("\n".join(self.files))
        return self._listing_digest


@dataclass
class Lookups:
    """What one source's checks asked: the paths a link resolved (below
    content/, as joined), the photos read, whether the nearest file's name
    was asked (the whole listing)."""

    paths: list[str] = field(default_factory=list)
    photos: list[str] = field(default_factory=list)
    listing: bool = False

    def digest(self, tree: ContentTree) -> str | None:
        """The state of everything asked, in `tree`; None when it cannot be
        told (the findings are then not kept)."""
        parts = []
        for path in dict.fromkeys(self.paths):
            state = tree.path_state(path)
            if state is None:
                return None
            parts.append(state)
        parts.append("\x1d")
        for photo in dict.fromkeys(self.photos):
            state = tree.photo_state(photo)
            if state is None:
                return None
            parts.append(state)
        parts.append(tree.listing_digest() if self.listing else "")
        return hash_text(*parts)

    def kept(self) -> tuple:
        return (tuple(dict.fromkeys(self.paths)), tuple(dict.fromkeys(self.photos)), self.listing)

    @classmethod
    def of(cls, kept: tuple) -> Lookups:
        paths, photos, listing = kept
        return cls(list(paths), list(photos), listing)


def recording_exists(exists: Callable[[str], object], relative: str, asked: Lookups, unquote):
    """`exists(target)` noting in `asked` each path it joins
    (`warta.paths.linked_file`, as `target_exists` joins it: a target as
    written and %-decoded, as it tries both)."""

    def recorded(target: str):
        for written in dict.fromkeys((target, unquote(target))):
            asked.paths.append(linked_file(relative, written))
        return exists(target)

    return recorded


def recording_photo(has_location: Callable[[str], bool], asked: Lookups):
    def recorded(target: str) -> bool:
        asked.photos.append(target)
        return has_location(target)

    return recorded


def recording_nearest(nearest: Callable[[str, str], str | None], asked: Lookups):
    def recorded(kind: str, target: str) -> str | None:
        asked.listing = True
        return nearest(kind, target)

    return recorded


def cache_key(code: Iterable[str], content: str, settings, pillow: str) -> str:
    """The key of the whole cache (see the module's docstring)."""
    return hash_text(
        "link-findings-1",
        *code,
        os.path.realpath(content),
        repr(settings.get("SITEURL", "")),
        repr(settings.get("MARKDOWN")),
        pillow,
    )


def source_key(digest: str, body: str | None, summary: str | None, written: bool) -> str:
    """A source's key: its bytes' digest, the HTML its links were read from
    (None: rendered again from the source with the build's Markdown) and
    whether its page is written."""
    return hash_text(
        digest,
        "\x00" if body is None else "b" + body,
        "\x00" if summary is None else "s" + summary,
        "w" if written else "-",
    )


class LinkFindingsCache:
    """Source (relative path) → (`source_key`, `Lookups.kept()`, their
    digest, the findings), in CACHE_PATH/content_lint/ (`warta.cachelog`:
    a file that cannot be read is an empty cache, the build goes on)."""

    def __init__(self, path, key: str) -> None:
        from warta.cachelog import CacheLog

        self._files = CacheLog(
            path,
            key,
            owner="content_lint",
            # The words of content_lint's store in the same folder: a file
            # standing where the folder should be is one line (the build says
            # a like finding once), not one per cache file.
            consequence="the next build reads every source again",
        )
        self.entries: dict = self._files.load()
        self.kept: dict = {}  # what the next save writes: this build's sources
        self.hits = 0

    def findings(self, relative: str, key: str, tree: ContentTree) -> tuple | None:
        """The kept findings of `relative` when its key and what its checks
        looked up are unchanged; None otherwise."""
        entry = self.entries.get(relative)
        if entry is None or entry[0] != key:
            return None
        try:
            state = Lookups.of(entry[1]).digest(tree)
        except (TypeError, ValueError):  # not this code's entry
            return None
        if state is None or state != entry[2]:
            return None
        self.kept[relative] = entry
        self.hits += 1
        return entry[3]

    def keep(self, relative: str, key: str, asked: Lookups, tree: ContentTree, found) -> None:
        state = asked.digest(tree)
        if state is not None:
            self.kept[relative] = (key, asked.kept(), state, tuple(found))

    def result(self, name: str, key: str) -> tuple | None:
        """A whole-site result kept as `name` (`RESULT_NAMES`) under `key`; None otherwise."""
        entry = self.entries.get(name)
        if entry is None or entry[0] != key:
            return None
        self.kept[name] = entry
        return entry[1]

    def keep_result(self, name: str, key: str, found) -> None:
        self.kept[name] = (key, tuple(found))

    def save(self) -> None:
        self._files.save(self.kept)


# Names of the whole-site results kept beside the sources' entries (a NUL is
# in no path).
UNREAD_FILES = "\x00unread_files"


def unread_key(files: list[str], **arguments) -> str:
    """The key of `inventory.unread_files`' findings: every file's path
    (NUL-separated: no path holds one) and the arguments it was given (the
    cache's key holds the code)."""
    return hash_text(
        "unread-files-1",
        hash_bytes("\x00".join(files).encode("utf-8", "surrogatepass")),
        *(f"{name}={value!r}" for name, value in sorted(arguments.items())),
    )
