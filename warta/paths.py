"""Path containment: the one rule for every path the build reads or writes.

A file the build reads must lie inside content/, and a file it writes inside
the output folder, once every `..` and every symbolic link is resolved. On top
of that, symbolic links under content/ are refused outright, whether they
point inside or outside: a link to .git/config or /proc/self/environ would
otherwise publish it, and a link to a directory would be walked.

No Pelican import: plugins pass their roots (PATH, OUTPUT_PATH) in.
"""

from __future__ import annotations

import difflib
import hashlib
import html
import ipaddress
import itertools
import logging
import os
import posixpath
import re
import socket
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from warta import findings
from warta.filestate import folder_entries
from warta.findings import Finding
from warta.text import NAME_MAX

logger = logging.getLogger(__name__)

# "https:", "data:", "javascript:", "C:" … and protocol-relative "//host".
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*:|//)", re.I)


def _real(path: str | os.PathLike) -> Path:
    return Path(os.path.realpath(path))


# Real paths of roots (content/, the output), kept with the identity of what
# they resolved to: a build asks about thousands of paths under one root, and
# resolving the root again for each costs as much as resolving the path.
_REAL_ROOTS: dict[str, tuple[tuple, Path]] = {}


# Output folders being emptied by a forked process while the build reads its
# sources (the writer's clean at the start of a build): real path → the call
# that waits for it. A look into one through this module (a page's address
# checked for a link in the output) waits for it first, and so sees the output
# as the build will write into it, as when the emptying came before the reading.
_EMPTYING: dict[str, Callable[[], object]] = {}


def emptying(root: str | os.PathLike, wait: Callable[[], object]) -> None:
    """Say that `root` is being emptied in the background: `wait` (which must not
    raise) is called, once, before this module next looks into it."""
    _EMPTYING[os.path.realpath(root)] = wait


def emptied(root: str | os.PathLike) -> None:
    """Wait for the emptying of `root` that `emptying` announced, if it is still
    under way."""
    if _EMPTYING:
        _wait_for_emptying(os.path.realpath(root))


def _wait_for_emptying(real: str) -> None:
    wait = _EMPTYING.pop(real, None)
    if wait is not None:
        wait()


def _real_root(root: str | os.PathLike) -> Path:
    """`_real(root)`, remembered while `root` still leads to the same folder (its
    device and inode, one `stat`, are checked on every call; a root that was
    swapped, made or removed is resolved again). A root being emptied
    (`emptying`) is waited for."""
    real = _resolved_root(root)
    if _EMPTYING:
        _wait_for_emptying(os.fspath(real))
    return real


def _resolved_root(root: str | os.PathLike) -> Path:
    key = os.fspath(root)
    try:
        found = os.stat(key)
        identity: tuple = (found.st_dev, found.st_ino)
    except OSError:
        # A root not made yet (the output folder, before the first page is
        # written) resolves through its parent: remembered while that stays.
        try:
            parent = os.stat(os.path.dirname(os.path.abspath(key)))
        except OSError:
            return _real(root)
        identity = ("missing", parent.st_dev, parent.st_ino)
    remembered = _REAL_ROOTS.get(key)
    if remembered is not None and remembered[0] == identity:
        return remembered[1]
    real = _real(root)
    if len(_REAL_ROOTS) > 64:
        _REAL_ROOTS.clear()
    _REAL_ROOTS[key] = (identity, real)
    return real


def usable_folder(folder: str | os.PathLike) -> bool:
    """Whether `folder` is a folder, or can be made: no file (or link to one)
    stands where it or a folder above it should be."""
    return file_in_the_way(folder) is None


def file_in_the_way(folder: str | os.PathLike) -> Path | None:
    """The file (or link to one, or dangling link) that stands where `folder`
    or a folder above it should be (its absolute path), or None when `folder`
    is a folder or can be made."""
    folder = Path(os.path.abspath(folder))
    for path in (folder, *folder.parents):
        if path.exists() or path.is_symlink():
            return None if path.is_dir() else path
    return None


def replace_file(path: str | os.PathLike, data: bytes) -> None:
    """Write `path` as a new file renamed over the old name, never through it:
    a build killed meanwhile leaves the old file whole, and an old name that is
    a hard link (to a cache file, to a source in content/) is not written into.
    The temporary name carries the process id: workers may write one folder at
    once. Missing folders are made; a file where a folder should be is an error."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        try:
            temporary.write_bytes(data)
        except FileNotFoundError:  # the folder is not there yet (not: is a file)
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def save_cache(path: str | os.PathLike, data: bytes, *, owner: str, consequence: str) -> bool:
    """Write a cache file with `replace_file`; whether it was written. When it
    cannot be, one warning says so and what follows (`consequence`: "the next
    build reads every source again"): a file standing where its folder (or one
    above it) should be is named, with the fix, as one line however many files
    of the folder fail (the build says a like finding once); never the
    temporary name the error would show."""
    try:
        replace_file(path, data)
    except OSError as exc:
        findings.report(logger, _unsaved(Path(path), exc, owner, consequence))
        return False
    return True


def cache_blocker(folder: str | os.PathLike, file: str | os.PathLike) -> Path | None:
    """What stands where a cache puts its own, so that it cannot be used: a
    file (or link to one) where `folder` or a folder above it should be, or a
    folder where its `file` should be (absolute); None when it can be used."""
    blocker = file_in_the_way(folder)
    file = Path(file)
    if blocker is None and file.is_dir() and not file.is_symlink():
        return Path(os.path.abspath(file))
    return blocker


def cache_blocked(blocker: Path, owner: str, consequence: str) -> Finding:
    """The one warning for what stands in a cache's way (`cache_blocker`),
    naming it, what follows (`consequence`) and the fix."""
    kind, made = ("folder", "file") if blocker.is_dir() else ("file", "folder")
    return Finding(
        str(blocker),
        None,
        "warning",
        f"{owner}: a {kind} stands where the cache's {made} should be; {consequence}",
        f"delete the {kind} {blocker}; the build makes the {made}",
    )


def _unsaved(path: Path, exc: OSError, owner: str, consequence: str) -> Finding:
    blocker = cache_blocker(path.parent, path)
    if blocker is not None:
        return cache_blocked(blocker, owner, f"nothing saved in it; {consequence}")
    return Finding(
        str(path),
        None,
        "warning",
        f"{owner}: the cache file could not be saved ({exc.strerror or type(exc).__name__}); "
        f"{consequence}",
        "see that the cache folder can be written (`invoke clean` empties it)",
    )


def contained(root: str | os.PathLike, candidate: str | os.PathLike) -> Path | None:
    """The real path of `candidate` (relative to `root` unless absolute) when it
    lies inside the real path of `root` (or is root itself); None otherwise."""
    real = _contained_text(root, candidate)
    return None if real is None else Path(real)


def _contained_text(root: str | os.PathLike, candidate: str | os.PathLike) -> str | None:
    """`contained` on strings: a build asks it about every article twice, and
    `pathlib`'s parsing cost more than resolving the path."""
    base = os.fspath(_real_root(root))
    real = _below_missing_folder(root, base, os.fspath(candidate))
    if real is None:
        # join keeps an absolute candidate as it is; "" stands for the root itself.
        real = os.path.realpath(os.path.join(os.fspath(root), os.fspath(candidate)))
    inside = base if base.endswith(os.sep) else base + os.sep
    return real if real == base or real.startswith(inside) else None


def _below_missing_folder(root: str | os.PathLike, real_root: str, candidate: str) -> str | None:
    """The real path of a relative `candidate` that does not climb, when its
    first component does not exist under `root`: nothing below it can be a
    link, so the path is `real_root` and the components as written (what
    `realpath` returns after a failed `lstat` per component). One `lstat`
    instead of one per component: a build asks this of every page it will
    write, into an output folder that does not exist yet. None: not such a
    path, resolve it the slow way."""
    # ".." is left to realpath: "a/../b" climbs from wherever a link "a" leads.
    if not candidate or os.path.isabs(candidate) or ".." in candidate.split("/"):
        return None
    normal = posixpath.normpath(candidate)
    if normal == ".":
        return None
    first = normal.partition("/")[0]
    try:
        os.lstat(os.path.join(os.fspath(root), first))
    except FileNotFoundError:
        return posixpath.join(real_root, normal)
    except (OSError, ValueError):
        pass
    return None  # it exists (or cannot be looked at): each component is resolved


def _relative_parts(root: str | os.PathLike, candidate: str | os.PathLike) -> list[str] | None:
    """The components of `candidate` below `root`, as written (no `..` collapsed)."""
    path = Path(candidate)
    if not path.is_absolute():
        return list(path.parts)
    for base in (Path(os.path.abspath(root)), _real(root)):
        try:
            return list(path.relative_to(base).parts)
        except ValueError:
            continue
    return None


def first_symlink(root: str | os.PathLike, candidate: str | os.PathLike) -> Path | None:
    """The first component of `candidate` below `root` that is a symbolic link,
    following the path as the system would (each `..` from where it stands),
    or None. `root` itself and its parents are not checked: content/ may be
    reached through a link; nothing inside it may be one. A path that climbs
    above `root` is not followed further (`contained` refuses it)."""
    parts = _relative_parts(root, candidate)
    if parts is None:
        return None
    current = Path(root)
    depth = 0
    for part in parts:
        if part in ("", "."):
            continue
        if part == "..":
            depth -= 1
            if depth < 0:
                return None
            current = current.parent
            continue
        depth += 1
        current = current / part
        if os.path.islink(current):
            return current
    return None


def link_target(link: Path) -> str:
    try:
        return os.readlink(link)
    except OSError as exc:
        return f"unreadable link: {exc.strerror}"


@dataclass(frozen=True)
class Refusal:
    """Why a path may not be read or written; `link` is set for a symbolic link."""

    reason: str
    link: Path | None = None
    target: str = ""


def check_source(root: str | os.PathLike, candidate: str | os.PathLike) -> Path | Refusal:
    """The real path of a file the build may read, or why it may not.

    Refused: a path that climbs out of `root`, and a path through a symbolic
    link (file or folder) anywhere below `root`.
    """
    if "\x00" in os.fspath(candidate):
        return Refusal("contains a NUL byte")
    try:
        link = first_symlink(root, candidate)
        if link is not None:
            return Refusal("symbolic link", link, link_target(link))
        real = contained(root, candidate)
        if real is None:
            return Refusal("outside the content folder")
        os.lstat(real)
    except (FileNotFoundError, NotADirectoryError):
        return real  # a missing file is the reader's to report ("not found")
    except (OSError, ValueError) as exc:  # a name too long, a loop, …
        return Refusal(f"unusable path ({getattr(exc, 'strerror', None) or exc})")
    return real


# NAME_MAX (warta.text): the longest file or folder name Linux file systems
# take (ext4, XFS, tmpfs): a longer one stops the write with "File name too long".


def long_name(relative: str) -> str | None:
    """A component of a site-relative path longer than NAME_MAX bytes, if any."""
    text = str(relative)
    # (no name is longer than the whole path: most paths are too short to
    # need splitting, which cost 10,000 cards 0.1 s)
    if len(text.encode("utf-8", "surrogateescape")) <= NAME_MAX:
        return None
    return next(
        (
            part
            for part in re.split(r"[/\\]", text)
            # A name read from a file system keeps its undecodable bytes as surrogates.
            if len(part.encode("utf-8", "surrogateescape")) > NAME_MAX
        ),
        None,
    )


# Front-matter keys that make a content's address, in the order a message
# blames them (containment) or points at the line to mend (the writer).
ADDRESS_KEYS = ("save_as", "url", "slug", "lang")


def climbs(relative: str) -> bool:
    """Whether a path has a `..` segment (either slash)."""
    text = str(relative)
    return ".." in text and ".." in re.split(r"[/\\]", text)


def output_file_refusal(output_root: str | os.PathLike, relative: str) -> str | None:
    """`output_refusal` for a file to write (a `save_as`): it must also name a
    file, not the output folder or a folder in it ("", "." or ".../")."""
    text = str(relative)
    if text and (text.endswith(("/", "\\")) or posixpath.normpath(text) == "."):
        return "names a folder, not a file"
    return output_refusal(output_root, text)


def output_refusal(output_root: str | os.PathLike, relative: str) -> str | None:
    """Why a site-relative output path (a `save_as`, or a URL used as one) may
    not be written under `output_root`, or None when it may.

    Refused: an absolute path or URL with a scheme, any `..` segment (a page
    that climbs, even if it lands back inside, would overwrite another page),
    a name longer than the file system takes (a hand-written 300-letter
    Slug: or URL:), and a path that resolves outside the output folder (e.g.
    through a link).
    """
    text = str(relative)
    problem = _written_path_refusal(text)
    if problem is None and _contained_text(output_root, _normal(text)) is None:
        return "resolves outside the output folder"
    return problem


def _written_path_refusal(text: str) -> str | None:
    """`output_refusal`'s refusals that the text alone decides."""
    if _SCHEME.match(text) or text.startswith(("/", "\\")) or os.path.isabs(text):
        return "absolute path"
    if climbs(text):
        return "climbs out with '..'"
    if "\x00" in text:
        return "contains a NUL byte"
    if long_name(text):  # a card or page below a 300-letter URL: "File name too long"
        return f"a name longer than {NAME_MAX} bytes"
    return None


def _normal(text: str) -> str:
    return posixpath.normpath(text) if text else "."


class OutputPaths:
    """`output_refusal` for the many files one step publishes into one output
    folder (a social card and photo variants per article). Each folder's real
    path is worked out once, from its parent's and one `lstat`, instead of
    resolving every component of every file again: the same answers, for
    folders that the step itself makes or fills meanwhile, not for a link
    someone else puts into the output during the step."""

    def __init__(self, output_root: str | os.PathLike) -> None:
        self.root = output_root
        self.base = os.fspath(_real_root(output_root))
        self._inside = self.base if self.base.endswith(os.sep) else self.base + os.sep
        self._folders: dict[str, str] = {".": self.base}

    def refusal(self, relative: str) -> str | None:
        text = str(relative)
        problem = _written_path_refusal(text)
        if problem is None and not self._is_inside(self._real(_normal(text))):
            return "resolves outside the output folder"
        return problem

    def _is_inside(self, real: str) -> bool:
        return real == self.base or real.startswith(self._inside)

    def _real(self, normal: str) -> str:
        """The real path of a normalised path below the root that does not climb."""
        if normal == ".":
            return self.base
        folder, _, name = normal.rpartition("/")
        parent = self._folder(folder or ".")
        if not self._is_inside(parent):
            return parent  # outside already: whatever is below it is too
        joined = os.path.join(parent, name)
        return os.path.realpath(joined) if os.path.islink(joined) else joined

    def _folder(self, normal: str) -> str:
        """`_real` of a folder, remembered."""
        real = self._folders.get(normal)
        if real is None:
            real = self._folders[normal] = self._real(normal)
        return real


# Generator-context key: site path → who writes it, for the files and folders
# ("admin/") a plugin writes into the output itself rather than through
# Pelican's writer (the CMS, the search index, the sitemaps). The writer keeps
# a page from taking one of them: it would be overwritten or deleted silently,
# or stop the build where a folder must be a file ("Slug: feed.xml").
OUTPUT_OWNERS = "output_owners"


def own_output(context: dict, site_path: str, owner: str) -> None:
    """Declare a file, or a folder (ending in "/"), that `owner` writes."""
    context.setdefault(OUTPUT_OWNERS, {})[site_path] = owner


# The files a plugin wrote into the output itself at the end of the build
# (the seo plugin's sitemaps at `finalized`), as it left them: path → (who
# wrote it, the site path, what to do when it is replaced, hash of its bytes).
# A `finalized` receiver connected later (an outside plugin: they come after
# warta's in PLUGINS) that writes the same file replaces it silently, as in
# Pelican (pelican-sitemap's sitemap.xml over seo's); `replaced_own_files`,
# when the run ends, finds those.
_WRITTEN_AT_THE_END: dict[str, tuple[str, str, str, str]] = {}


def wrote_own_file(path: str, data: bytes, site_path: str, owner: str, fix: str) -> None:
    """Record the file `owner` just wrote at `path`, `data` its bytes (`fix`:
    what to do when another plugin replaces it)."""
    digest = hashlib.sha256(data).hexdigest()
    _WRITTEN_AT_THE_END[os.path.realpath(path)] = (owner, site_path, fix, digest)


def replaced_own_files() -> list[tuple[str, str, str]]:
    """(owner, site path, fix) of each file recorded by `wrote_own_file` in
    this run whose bytes are no longer those it wrote (another plugin wrote
    over it, or deleted it); forgets the record."""
    replaced = []
    for path, (owner, site_path, fix, digest) in sorted(_WRITTEN_AT_THE_END.items()):
        try:
            now = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        except OSError:
            now = ""
        if now != digest:
            replaced.append((owner, site_path, fix))
    _WRITTEN_AT_THE_END.clear()
    return replaced


def forget_own_files() -> None:
    """At the start of a run: nothing recorded by an earlier one."""
    _WRITTEN_AT_THE_END.clear()


# Generator-context key: the set of site paths of the files a plugin publishes
# into the output itself on every build (the images plugin's social cards and
# photo variants, linked from its cache) and that may stay where the last build
# left them until it does: the writer's clean start keeps the ones the last
# build declared, and its last flush deletes the ones this build does not (a
# draft's card, a deleted release's). Pelican would delete them all at the
# start, and a warm build would link 10,000 cards again.
OUTPUT_KEPT = "output_kept"


def keep_output(context: dict, site_paths) -> None:
    """Declare files (site paths, "berita/2024/x/og.png") that a plugin
    publishes itself in this build, by `finalized` at the latest, before the
    pages are written (the writer records them at its last flush). The plugin
    must check each file it finds in place (the last build's, or anything a
    hand put there) and replace it unless it is what it publishes now: the
    writer only leaves it there."""
    context.setdefault(OUTPUT_KEPT, set()).update(site_paths)


def output_collision(taken: dict[str, str], site_path: str) -> str | None:
    """The path in `taken` (files, and folders ending in "/") that a file at
    `site_path` would collide with: the same file, a file where the path needs
    a folder, a folder where it is a file, or a folder whose contents another
    writes. None when there is none."""
    parts = site_path.split("/")
    for depth in range(1, len(parts) + 1):
        prefix = "/".join(parts[:depth])
        for candidate in (prefix, prefix + "/"):
            if candidate in taken:
                return candidate
    return None


def template_folders(settings) -> list[str]:
    """The folders Pelican looks templates up in, in its order:
    THEME_TEMPLATES_OVERRIDES, then the theme's templates."""
    folders = [os.fspath(folder) for folder in settings.get("THEME_TEMPLATES_OVERRIDES") or ()]
    theme = settings.get("THEME")
    return [*folders, os.path.join(theme, "templates")] if theme else folders


class NearestFile:
    """Of some files below content/ (`paths`, "/"-separated), the one whose
    file name is nearest a missing link's (`target`, %-decoded as Pelican
    tries it): what a link to a renamed or mistyped file may mean, since the
    folders all look alike. The first path in sort order of those with that
    name (not `but`: the linking file itself); None when no name is close.

    Made once for a build's files and asked for every missing link. The name
    is difflib's `get_close_matches` over every file's name, whose scoring of
    each name (its `ratio`) cost about two seconds a link at 10,000 releases.
    Beyond EVERY names the same answer is found by scoring first the
    SHORTLIST names sharing the most three-letter pieces with the missing one,
    then any other only when difflib's cheap upper bounds of its ratio
    (`real_quick_ratio`, `quick_ratio`) reach the best score so far."""

    EVERY = 256
    SHORTLIST = 64
    CUTOFF = 0.75

    def __init__(self, paths: Iterable[str]) -> None:
        self.by_name: dict[str, list[str]] = {}
        for path in paths:
            self.by_name.setdefault(posixpath.basename(path), []).append(path)
        self.names = list(self.by_name)
        self._with_piece: dict[str, list[int]] | None = None  # made when first needed
        self._close: dict[tuple[str, str | None], str | None] = {}

    def __call__(self, target: str, but: str | None = None) -> str | None:
        name = posixpath.basename(unquote(target))
        # A name whose only file is `but` (the linking file) is no answer.
        mine = posixpath.basename(but) if but is not None else None
        skip = mine if mine is not None and self.by_name.get(mine) == [but] else None
        key = (name, skip)
        if key not in self._close:
            self._close[key] = self._closest(name, skip)
        found = self._close[key]
        if found is None:
            return None
        return min(path for path in self.by_name[found] if path != but)

    def _closest(self, name: str, skip: str | None) -> str | None:
        """`difflib.get_close_matches(name, names, n=1, cutoff=CUTOFF)` of
        the names but `skip`, or None."""
        if len(self.names) <= self.EVERY:
            names = [known for known in self.names if known != skip]
            found = difflib.get_close_matches(name, names, n=1, cutoff=self.CUTOFF)
            return found[0] if found else None
        shortlist = self._shortlist(name)
        rest = (index for index in range(len(self.names)) if index not in shortlist)
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(name)
        best: tuple[float, str] | None = None
        for index in itertools.chain(shortlist, rest):
            candidate = self.names[index]
            if candidate == skip:
                continue
            # A name whose bound is below the best so far cannot be the best;
            # one equal to it can (a tie goes to the larger name, as difflib's).
            bar = best[0] if best is not None else self.CUTOFF
            matcher.set_seq1(candidate)
            if matcher.real_quick_ratio() < bar or matcher.quick_ratio() < bar:
                continue
            score = matcher.ratio()
            if score >= self.CUTOFF and (best is None or (score, candidate) > best):
                best = (score, candidate)
        return best[1] if best is not None else None

    def _shortlist(self, name: str) -> dict[int, None]:
        """The SHORTLIST names sharing the most three-letter pieces with `name`,
        most first (indexes into `names`, in a dict for its order)."""
        if self._with_piece is None:
            self._with_piece = {}
            for index, known in enumerate(self.names):
                for piece in _pieces(known):
                    self._with_piece.setdefault(piece, []).append(index)
        shared: dict[int, int] = {}
        for piece in _pieces(name):
            for index in self._with_piece.get(piece, ()):
                shared[index] = shared.get(index, 0) + 1
        best = sorted(shared, key=lambda index: (-shared[index], index))[: self.SHORTLIST]
        return dict.fromkeys(best)


def _pieces(name: str) -> set[str]:
    """The three-letter pieces of a file name, in lower case."""
    folded = name.lower()
    return {folded[at : at + 3] for at in range(max(1, len(folded) - 2))}


def is_external(reference: str) -> bool:
    """True for a URL with a scheme (https:, data:, …) or a protocol-relative //host."""
    return bool(_SCHEME.match(reference.strip()))


def symlinks_under(root: str | os.PathLike) -> list[tuple[Path, str]]:
    """Every symbolic link below `root` (files and folders), with its target,
    found without following any link; sorted."""
    found = []
    folders = [os.fspath(root)]
    while folders:  # (by the directories' own file types: no lstat a file)
        folder = folders.pop()
        entries = folder_entries(folder)
        if entries is None:  # (os.walk passes over a folder it cannot list)
            continue
        for name in entries.links:
            path = Path(folder) / name
            found.append((path, link_target(path)))
        folders.extend(os.path.join(folder, name) for name in entries.folders)
    return sorted(found)


# The first folder of an absolute path on a writer's own computer: a home
# folder (Linux, macOS, Windows under WSL: /mnt/c/…), a removable disk, a
# phone's storage. A site path ("/images/2024/foto.jpg") starts with a folder
# of content/ instead.
COMPUTER_FOLDERS = frozenset(
    {"home", "users", "root", "tmp", "mnt", "media", "volumes", "run", "storage", "sdcard", "var"}
)
# "C:\Users\…", "C:/Users/…" (a one-letter scheme is a drive) and "\\server\share\…"
# (in a page, "\server\share\…": Markdown reads `\\` as one escaped backslash).
_WINDOWS_PATH = re.compile(r"^(?:[a-z]:|\\)", re.I)
# "//nas/share/…": a file server named as Windows does, with slashes, a host
# of one word (no public site's; a local preview's is `local_address`'s).
_FILE_SERVER_RE = re.compile(r"^//(?P<host>[^/?#.:@\s]+)(?::\d*)?/")


def computer_file(reference: str, content_root: str | os.PathLike) -> str | None:
    """The file name of a photo's or a link's reference that is a path on the
    writer's own computer or file server, None for any other: a `file:` URL, a
    Windows path (`C:\\…`, `\\\\server\\…`, `//server/…`), "~/…", or an
    absolute path whose first folder is a computer's (COMPUTER_FOLDERS) and
    none of content/ ("/media/…" is the site's when content/media/ exists).
    Copied from a file manager or a desktop editor, such a path names a file
    the build cannot have: it is not "missing" from content/, it was never put there."""
    ref = reference.strip()
    if ref.startswith("/") and not ref.startswith("//"):
        first = unquote(ref).lstrip("/").split("/", 1)[0]
        if first.lower() not in COMPUTER_FOLDERS or os.path.lexists(Path(content_root) / first):
            return None
    elif not (
        ref.lower().startswith("file:")
        or _WINDOWS_PATH.match(ref)
        or ref.startswith("~/")
        or _file_server(ref)
    ):
        return None
    name = re.split(r"[/\\]", unquote(ref.split("?", 1)[0].split("#", 1)[0]))[-1]
    return name or ref


def _file_server(reference: str) -> bool:
    """Whether a reference names a file server as `//nas/share/…` does."""
    match = _FILE_SERVER_RE.match(reference)
    return match is not None and not is_local_host(match["host"])


# Files a browser runs or a web server executes when the site serves them: a
# page or script (or an SVG, an XML file with a stylesheet) under content/ would
# run on the site's own address, where /admin/ (the CMS) runs too; a PHP or CGI
# file would run on an office's own server. Staff publish photos and documents
# (PDF, office files, plain images); a file of these types is published only
# when it is one of the site's own (EXTRA_PATH_METADATA, SITE_LOGO,
# IMAGES_SITE_FILES: set by the web team in the settings, not by a writer).
ACTIVE_SUFFIXES = frozenset(
    {
        *(".html", ".htm", ".xhtml", ".xht", ".shtml", ".mht", ".mhtml", ".hta"),
        *(".js", ".mjs", ".cjs", ".wasm", ".swf"),
        *(".svg", ".svgz", ".xml", ".xsl", ".xslt", ".rss", ".atom"),
        *(".php", ".php3", ".php4", ".php5", ".php7", ".phtml", ".phar"),
        *(".cgi", ".pl", ".asp", ".aspx", ".jsp"),
    }
)
# Said at the line linking such a file (content_lint) and of one nothing links
# (the images plugin, which keeps it out of the output).
ACTIVE_FILE_MESSAGE = "file of a type that can run script on the site, not published"
ACTIVE_FILE_SUGGESTION = (
    "publish the document as a PDF instead, or ask the web team to put it on the site"
)


def is_active_file(path: str | os.PathLike) -> bool:
    """Whether a file is of a type that runs when the site serves it (ACTIVE_SUFFIXES)."""
    return os.path.splitext(os.fspath(path))[1].lower() in ACTIVE_SUFFIXES


# How a body or the front matter marks a link to a file of the site.
LINK_MARKERS = ("{static}", "{attach}", "{filename}", "|static|", "|attach|", "|filename|")


def below_content_folder(
    reference: str, content_root: str | os.PathLike, source_dir: str | os.PathLike
) -> str | None:
    """The path below content/ of a reference that starts with the content
    folder itself ("content/images/2024/x.jpg", as the repository and a file
    manager show the file), when that path names a file of the site; else
    None. Every path of a release starts inside content/ ("images/2024/x.jpg")."""
    ref = reference.strip()
    for marker in LINK_MARKERS:
        if ref.startswith(marker):
            ref = ref[len(marker) :]
            break
    ref = ref.lstrip("/")
    prefix = Path(content_root).name + "/"
    if not ref.startswith(prefix):
        return None
    below = ref[len(prefix) :]
    found = referenced_file("/" + below, content_root, source_dir)
    return below if isinstance(found, Path) and found.is_file() else None


def referenced_file(
    reference: str, content_root: str | os.PathLike, source_dir: str | os.PathLike
) -> Path | Refusal | None:
    """The file under content/ a reference (a photo's `src`, an `Image:` value)
    points to, checked by `check_source` (its real path, or a Refusal when it
    leaves content/ or goes through a symbolic link); None when it is external
    (http:, data:, …) or empty.

    "/images/x.jpg" and "{static}/images/x.jpg" are relative to content/; any
    other relative reference to the release's folder (`source_dir`) first, then
    to content/. The first candidate that exists (as a name: a dangling link
    counts) is the one meant; when none does, the last one is checked.
    """
    ref = reference.strip()
    for marker in LINK_MARKERS:
        if ref.startswith(marker):
            ref = ref[len(marker) :]
            break
    written = ref.split("#", 1)[0].split("?", 1)[0]
    ref = unquote(written)
    if not ref or is_external(ref):
        return None
    root = Path(content_root)

    def candidates(name: str) -> list[Path]:
        if name.startswith("/"):
            return [root / name.lstrip("/")]
        return [Path(source_dir) / name, root / name]

    # The name decoded, as a browser asks for it (`foto%20rapat.jpg` is
    # `foto rapat.jpg`); then, when no such file is there, the name as
    # written: a file whose name holds `%20` itself (saved from a web page).
    meant = candidates(ref)
    tried = meant + (candidates(written) if written != ref else [])
    chosen = next((c for c in tried if os.path.lexists(c)), None)
    if chosen is not None:
        return check_source(root, chosen)
    # None is there: the missing file inside content/ it names, if any
    # (`../../images/2024/x.jpg` from content/berita/2024/ is
    # content/images/2024/x.jpg, "not found", not "outside the content folder").
    checked = [check_source(root, candidate) for candidate in meant]
    return next((c for c in checked if not isinstance(c, Refusal)), checked[-1])


# -- the site's own addresses ------------------------------------------------------
# Read as a browser reads them, by link_check (a link to an unpublished page)
# and the images plugin (a link to a file of content/ by the site's full address).

_DEFAULT_PORTS = {"http": 80, "https": 443}


def host_of(url: str) -> str:
    """The host of an address as a browser compares it: lower case, without
    user info, a final dot (`example.org.` is the same name) or the default port
    of its scheme (`:443` on https); "host:port" for another port; "" when the
    address has no host or an unreadable port."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").rstrip(".")
        port = parts.port
    except ValueError:  # "http://[x/", "http://site:port/"
        return ""
    if not host:
        return ""
    if port is None or port == _DEFAULT_PORTS.get(parts.scheme.lower() or "https"):
        return host
    return f"{host}:{port}"


def same_site_host(host: str, site_host: str) -> bool:
    """Whether a link's host (as `host_of` gives it) is the site's: the same,
    or its `www.` twin (`www.site.org` of `site.org`, and `site.org` of
    `www.site.org`), which a site's web server answers alike (a link typed
    or copied with the other is the site's own address all the same)."""
    if host == site_host:
        return True
    return bool(host and site_host) and host.removeprefix("www.") == site_host.removeprefix("www.")


# A host name a browser reads as an IPv4 address: numbers (decimal, octal,
# hex) with up to three dots ("127.1", "0x7f.0.0.1", "2130706433", "0").
_IPV4_LIKE_RE = re.compile(r"(?:(?:0x[0-9a-f]*|[0-9]+)\.){0,3}(?:0x[0-9a-f]*|[0-9]+)\.?", re.I)


def is_local_host(hostname: str) -> bool:
    """Whether a host names the computer the page is opened on, never a public
    site: `localhost` (and any name below it), a loopback address (127.0.0.0/8,
    ::1, an IPv4 address mapped in IPv6) or the unspecified one (0.0.0.0, ::),
    in any form a browser reads one ("127.1", "0x7f000001", "[::1]")."""
    name = hostname.strip().lower().rstrip(".").strip("[]")
    if not name:
        return False
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        if not _IPV4_LIKE_RE.fullmatch(name):
            return False
        try:
            address = ipaddress.ip_address(socket.inet_aton(name))
        except (OSError, ValueError):
            return False
    mapped = getattr(address, "ipv4_mapped", None)
    if mapped is not None:
        address = mapped
    return address.is_loopback or address.is_unspecified


def local_address(href: str) -> str | None:
    """The host of a web link (http(s), or `//host`) to the computer it is
    opened on (`is_local_host`): a local preview (`http://127.0.0.1:8000/…`,
    `http://localhost:8000/…`), which no reader can open and which tells
    what is previewed there. None for any other link. Read as `site_address`
    reads a link (references decoded, a backslash as a slash)."""
    value = html.unescape(href.strip()).replace("\\", "/")
    if not re.match(r"(?:https?:)?//", value, re.I):
        return None
    try:
        hostname = urlsplit(value).hostname
    except ValueError:  # "http://[x/"
        return None
    return hostname if hostname and is_local_host(hostname) else None


@dataclass(frozen=True)
class SiteRoot:
    """Where SITEURL puts the site: its `host` as `host_of` gives it ("" for
    a relative build: SITEURL is empty in development and `invoke check`)
    and its `prefix`, the path below that host with no slash around it
    ("sumsel" for a site at https://bawaslu.example/sumsel/, "" at the root),
    as `site_address` takes them."""

    host: str
    prefix: str


def site_root(site_url: object) -> SiteRoot:
    """The host and path prefix of SITEURL, read as `site_address` reads a
    link: the host by `host_of` (lower case, no final dot or default port,
    "//host" as https), the path percent-decoded once and normalised
    ("/a/./b/" is "a/b", "/warta%20sumsel" is "warta sumsel"), whitespace
    around the setting, a query and a fragment ignored. None or "" is a
    relative build: no host, no prefix."""
    text = str(site_url or "").strip()
    try:
        path = urlsplit(text).path
    except ValueError:  # "http://[x/": host_of says "" too
        path = ""
    prefix = posixpath.normpath("/" + unquote(path)).strip("/")
    return SiteRoot(host_of(text), prefix)


def site_address(href: str, site_host: str, page_url: str, site_prefix: str = "") -> str | None:
    """The site path a link leads to, normalised ("berita/2099/01/x"), resolved
    against the address of the page it is on (`page_url`) as a browser
    resolves it; None for a link elsewhere or not a web address. `site_host`:
    the site's host as `host_of` gives it (any host when it has none, as in a
    preview build); `site_prefix`: the path of SITEURL ("warta" for a site at
    /warta/). Both as `site_root` reads SITEURL.

    Read as a browser reads it: the host by `host_of` (a link to
    `https://User@Site.org.:443/` is a link to the site; its `www.` twin is
    the site too, `same_site_host`), a backslash as a
    slash, and the path percent-decoded once, as the web server decodes it
    (`embargo%2Dx` is the file `embargo-x`). The query and fragment do not
    change the page. The path keeps its case here (link_check's
    `unpublished_addresses` compares it)."""
    value = html.unescape(href.strip())
    address = re.split(r"[?#]", value, maxsplit=1)[0]
    try:
        parts = urlsplit(address.replace("\\", "/"))
    except ValueError:  # "http://[x/": no address a browser opens
        return None
    if parts.scheme and parts.scheme not in _DEFAULT_PORTS:
        return None
    # "//host/x" takes the page's scheme: https on the public site
    if (
        parts.netloc
        and site_host
        and not same_site_host(host_of(f"{parts.scheme or 'https'}://{parts.netloc}"), site_host)
    ):
        return None
    path = unquote(parts.path)
    if not path:
        return None  # "#fragment", "?query": this very page
    if not path.startswith("/"):
        page = "/" + page_url.lstrip("/")
        base = page if page.endswith("/") else posixpath.dirname(page) + "/"
        path = posixpath.join(base, path)
    address = posixpath.normpath(path).strip("/")
    if site_prefix and (address == site_prefix or address.startswith(site_prefix + "/")):
        address = address[len(site_prefix) :].strip("/")
    return normal_address(address)


def site_file_path(reference: str, site: SiteRoot, is_file: Callable[[str], object]) -> str | None:
    """The path below content/ ("/images/2024/x.pdf", percent-decoded) that a
    full web address of the site's own names: on SITEURL's host and below its
    prefix (`site`, read by `site_address` as link_check reads a link), a file
    of content/ being served at its own path. None for any other reference:
    another site's address, the home page, a scheme other than http(s), and a
    site-relative, {static} or relative reference, which is no web address
    (`referenced_file` reads those). Without a host (a relative build: the
    development build, `invoke check`) an address is the site's when
    `is_file(path)` is True: the public build publishes that file."""
    value = reference.strip()
    if not (is_external(value) and value.lower().startswith(("http:", "https:", "//"))):
        return None
    address = site_address(value, site.host, "", site.prefix)
    if not address:  # another site, or the home page
        return None
    path = "/" + address
    if not site.host and is_file(path) is not True:
        return None
    return path


def normal_address(url: str) -> str:
    """A content's address as `site_address` gives one: no slashes around it,
    no final index.html."""
    address = str(url or "").strip("/")
    if address == "index.html" or address.endswith("/index.html"):
        address = address[: -len("index.html")].rstrip("/")
    return address


def listed_folders(top: str, skip: Collection[str] = ()) -> Iterator[tuple[str, str, list[str]]]:
    """(folder, its path below `top` as "a/b/" ("" for `top`), the names of
    its files) of `top` and every folder below it, in `os.walk`'s top-down
    order: symlinked folders and the names `skip` not entered, a folder that
    cannot be listed left out. Each folder is listed once with `os.scandir`,
    its entries' types from the listing: for the 20,000 folders of a built
    site, `os.walk` cost a `lstat` and a generator each, and a `relpath` per file."""
    folders = [(os.fspath(top), "")]
    while folders:
        folder, prefix = folders.pop()
        inner, files = [], []
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    try:
                        is_folder = entry.is_dir()
                    except OSError:
                        is_folder = False
                    if not is_folder:
                        files.append(entry.name)
                        continue
                    try:
                        link = entry.is_symlink()
                    except OSError:
                        link = False
                    if not link and entry.name not in skip:
                        inner.append((entry.path, f"{prefix}{entry.name}/"))
        except OSError:  # (as os.walk: a folder that cannot be listed is left out)
            continue
        folders += reversed(inner)  # the first folder next, as os.walk
        yield folder, prefix, files


# The output's listing one `finalized` receiver took, for a later one: (the
# build's settings, who listed it, the listing), by output folder.
_SHARED_LISTINGS: dict[str, tuple[object, object, list]] = {}


def share_listing(top: str | os.PathLike, listing: list, settings, made_by) -> None:
    """Offer a listing of the output (`listed_folders(top)`, as a list, kept
    up to date with what `made_by` changed since) to the receivers of the
    same build's `finalized` after `made_by` (the images plugin's `publish`
    lists it to clean its photos, the seo plugin's sitemap reads its pages):
    one walk of a site's 20,000 folders instead of two."""
    _SHARED_LISTINGS[os.fspath(top)] = (settings, made_by, listing)


def shared_listing(top: str | os.PathLike, settings, signal, taker) -> list | None:
    """The listing `share_listing` offered for `top` in this build (the same
    `settings` object), when every receiver of `signal` connected between the
    one that listed it and `taker` says it writes nothing into the output (a
    `writes_no_output` attribute set True: an outside plugin's receiver may
    write a page there, which the listing would miss); else None: list it.
    Taken once."""
    offered = _SHARED_LISTINGS.pop(os.fspath(top), None)
    if offered is None or offered[0] is not settings:
        return None
    from warta.plugin_order import live_receivers

    receivers = live_receivers(signal)
    try:
        start, end = receivers.index(offered[1]), receivers.index(taker)
    except ValueError:
        return None
    between = receivers[start + 1 : end]
    if start >= end or not all(getattr(r, "writes_no_output", False) is True for r in between):
        return None
    return offered[2]


def linked_file(relative: str, written: str) -> str:
    """The path below content/ that a `{filename}`/`{static}`/`{attach}`
    link's path names, by Pelican's rule: "/x" below content/, "x" beside
    the linking file (`relative`, below content/); joined, not normalised (a
    `..` is resolved by the system, or refused when it climbs out: see
    `check_source`). content_lint's link check asks the file tree about it,
    and its link cache keeps the state of the same path."""
    if written.startswith("/"):
        return written.lstrip("/")
    return posixpath.join(posixpath.dirname(relative.replace(os.sep, "/")), written)
