"""Responsive variants, social cards and cleaned copies, cached between builds.

Every file this module makes is stored once in a cache folder under a name
derived from a key: the hash of its inputs (source bytes or card text), the
settings that shape it (for variants, VARIANTS_STYLE too) and CODE_VERSION. A
manifest (JSON) in that folder remembers what each key produced, so a second
build with the same inputs opens no image at all: it links (or copies) the
cached files into the fresh output folder. `ImageCache.work` counts what was
really encoded in this build.

Cached files are never written in place, only replaced (a new file renamed
over the name): an output file hard-linked to a cache file therefore never
changes under the cache, nor the cache under the output. Photo variants are
encoded by `encode_variants_into` and social cards drawn by `draw_card_into`,
which worker processes run; only the parent records what they made in the
manifest (`ImageCache.lookup` → workers → `add_variants`; `add_card`). A
cached name that holds no regular file counts as missing, links not
followed, and is never published: a symlink is removed and the file made
again; a folder stays, and the file that cannot be written there is an
error. No Pelican import: unit-tested directly.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import logging
import os
import re
import shutil
import stat
import time
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

from PIL import Image

from warta import documents, filestate, findings
from warta.documents import DocumentProblem, clean_document, is_document
from warta.findings import Finding
from warta.paths import cache_blocker, replace_file, save_cache

from .strip import (
    TOO_LARGE,
    UNREADABLE,
    StripError,
    has_alpha,
    strip_metadata,
    to_srgb,
    unreadable_reason,
)

logger = logging.getLogger(__name__)

# Bump when the encoding code changes what it writes: every cached file is redone.
CODE_VERSION = "1"


def code_digest(sources, packages=()) -> str:
    """A digest of code: the bytes of `sources` and the installed versions of
    `packages` (one not installed counts as such)."""
    digest = hashlib.sha256(CODE_VERSION.encode())
    for source in sources:
        digest.update(Path(source).read_bytes())
    for package in packages:
        try:
            digest.update(f"|{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"|{package}=none".encode())
    return digest.hexdigest()[:16]


@functools.cache
def cleaner_version() -> str:
    """Part of every cleaned copy's key: the code that cleans (`strip`,
    `warta.documents`) and the libraries it cleans with, so that a change to
    any of them redoes the cached copies with no version to remember to bump
    (a copy cleaned by older code, in a cache carried between CI runs, would
    otherwise be published as the new code would not write it)."""
    return code_digest(
        (Path(__file__).with_name("strip.py"), Path(documents.__file__)), packages=CLEANER_PACKAGES
    )


# What a photo's or a document's cleaning depends on besides our code: Pillow
# decides which metadata survives a re-encode (photos, and photos pasted into
# office files), pypdf and cryptography read and write PDFs.
CLEANER_PACKAGES = ("pypdf", "Pillow", "cryptography")


# Part of every photo variant's key: bump it when `encode_variants` writes other
# bytes for the same source and settings; only the variants are redone then.
# 2: smaller widths resized from the next larger variant, large JPEGs decoded
# at reduced size (`draft`).
# 3: one JPEG/PNG fallback, at the largest width only (WebP at every width).
VARIANTS_STYLE = "3"
MANIFEST = "manifest.json"

MIME = {"webp": "image/webp", "jpg": "image/jpeg", "png": "image/png"}


class ImageProblem(ValueError):
    """A source image that cannot be published; the message names what is wrong."""

    def __init__(self, message: str, suggestion: str) -> None:
        super().__init__(message)
        self.message = message
        self.suggestion = suggestion


class MissingImage(ImageProblem):
    """No file at the path a photo reference names."""

    def __init__(self, *_) -> None:  # (*_: rebuilt from its args when unpickled)
        super().__init__("image file not found", "check the path and the file name's case")


@dataclass(frozen=True)
class VariantSettings:
    widths: tuple[int, ...] = (480, 800, 1200)
    webp_quality: int = 80
    jpeg_quality: int = 82
    # libwebp's effort, 0 (fast, larger files) to 6: see IMAGES_WEBP_METHOD.
    webp_method: int = 2
    max_source_bytes: int = 10_000_000
    max_source_pixels: int = 40_000_000

    def fingerprint(self) -> str:
        widths = ",".join(map(str, self.widths))
        return (
            f"style={VARIANTS_STYLE};w={widths};webp={self.webp_quality};"
            f"webp_method={self.webp_method};jpg={self.jpeg_quality}"
        )


@dataclass(frozen=True)
class Variant:
    """One encoded file: `file` is its name in the cache and in the variants folder."""

    file: str
    width: int
    height: int
    mime: str


@dataclass
class SourceImage:
    """All variants of one source, smallest first within each format."""

    width: int
    height: int
    variants: list[Variant] = field(default_factory=list)

    def of_type(self, mime: str) -> list[Variant]:
        return sorted((v for v in self.variants if v.mime == mime), key=lambda v: v.width)

    @property
    def fallback(self) -> list[Variant]:
        return sorted((v for v in self.variants if v.mime != "image/webp"), key=lambda v: v.width)


# What follows the stem in a variant's file name: "-<width>-<key>.<ext>".
_VARIANT_TAIL = re.compile(r"-\d+-[0-9a-f]{10}\.[a-z]+$")


def named_for(image: SourceImage, name: str) -> tuple[SourceImage, dict[str, str]]:
    """`image`'s variants named after `name`, the address of the content that
    shows it (`published_stem`: its slug), never the photo's own file name
    (`WhatsApp Image 2024-02-14 at 09.12.33.jpeg`, `budi-draft-jelek.jpg`:
    a phone's timestamp, a person's name, "draft", published in every
    variant's address, the page, its JSON-LD, the feeds and the search index).
    The cache holds one set of variants per source bytes, named after
    whichever file was encoded first: two photos with the same bytes (a copy
    under another name) gave the second one's page the first one's name,
    even after that release was withdrawn, and a warm build differed from a
    clean one. Returns the renamed image and each new name → its file in the
    cache."""
    stem = safe_name(name)
    variants, cached = [], {}
    for variant in image.variants:
        tail = _VARIANT_TAIL.search(variant.file)
        renamed = stem + tail.group(0) if tail else variant.file
        variants.append(Variant(renamed, variant.width, variant.height, variant.mime))
        cached[renamed] = variant.file
    return SourceImage(image.width, image.height, variants), cached


def target_widths(source_width: int, widths: tuple[int, ...]) -> list[int]:
    """The configured widths below the source width, plus the largest allowed one.

    A source is never enlarged: a 1000 px photo with widths 480/800/1200 gives
    480, 800 and 1000.
    """
    ceiling = min(source_width, max(widths))
    return sorted({w for w in widths if w < ceiling} | {ceiling})


def safe_name(text: str) -> str:
    """ASCII letters, digits and hyphens: 'Rapat Pleno' → 'rapat-pleno'."""
    stem = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return stem[:60] or "gambar"


def safe_stem(name: str) -> str:
    """`safe_name` of a file name without its extension (the cache's files)."""
    return safe_name(Path(name).stem)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def card_key(inputs: str) -> str:
    return sha256(f"{CODE_VERSION}|card|{inputs}".encode())


def card_file(key: str) -> str:
    return f"card-{key[:20]}.png"


@dataclass(frozen=True)
class DrawnCard:
    """What drawing one card reports to the parent process: no pixels, picklable."""

    key: str
    file: str
    size: int = 0
    process: int = 0
    error: str = ""


def draw_card_into(folder: Path, key: str, draw: Callable[[], bytes]) -> DrawnCard:
    """Draw one card into the cache folder (`ImageCache.files`).

    Safe to run in a forked worker: it touches no shared state, and a failure
    comes back as `error` (so the parent names the article) instead of
    stopping the other cards.
    """
    file = card_file(key)
    try:
        data = draw()
        replace_file(folder / file, data)
    except Exception as exc:  # reported per article by the caller
        return DrawnCard(key, file, process=os.getpid(), error=f"{type(exc).__name__}: {exc}")
    return DrawnCard(key, file, size=len(data), process=os.getpid())


# EXIF orientations that turn the picture a quarter: width and height swap.
_QUARTER_TURNS = (5, 6, 7, 8)
# Formats libjpeg decodes; phones often write MPO (a JPEG with a second, small
# picture appended), which Pillow opens as such.
_JPEG_FORMATS = ("JPEG", "MPO")


def shown_size(image: Image.Image) -> tuple[int, int]:
    """Width and height of an opened (not yet loaded) image once its EXIF
    orientation is applied."""
    width, height = image.size
    try:
        orientation = image.getexif().get(0x0112)
    except Exception:  # broken EXIF: to_srgb will not turn it either
        orientation = None
    return (height, width) if orientation in _QUARTER_TURNS else (width, height)


def decode_reduced(image: Image.Image, shown_width: int, largest: int) -> bool:
    """Let libjpeg decode a JPEG at 1/2, 1/4 or 1/8 of its size when that is
    still at least `largest` pixels wide: a 4000 px phone photo is then decoded
    at 2000 px, for a third of the decoding and resizing work, and the variants
    differ from those of the full decode by less than one level on average.
    True when the image will be decoded reduced."""
    if image.format not in _JPEG_FORMATS or shown_width < 2 * largest:
        return False
    stored = image.size
    # Both sides scaled as the shown width is to `largest`, rounded up: Pillow
    # picks the largest scale that keeps each side at least this size.
    wanted = tuple(-(-side * largest // shown_width) for side in stored)
    image.draft(None, wanted)
    return image.size != stored


def decode_source(data: bytes, settings: VariantSettings) -> tuple:
    """Decode a source once: (pixels in sRGB, width, height, target widths,
    has alpha), width and height as shown (EXIF orientation applied). Raises
    what Pillow raises for a file it cannot decode."""
    with Image.open(io.BytesIO(data)) as opened:
        shown = shown_size(opened)
        targets = target_widths(shown[0], settings.widths)
        reduced = decode_reduced(opened, shown[0], targets[-1])
        opened.load()
        alpha = has_alpha(opened)
        image = to_srgb(opened, "RGBA" if alpha else "RGB")
    width, height = shown if reduced else image.size
    return image, width, height, targets, alpha


def planned_variants(
    name: str, key: str, width: int, height: int, targets: list[int], alpha: bool
) -> list[Variant]:
    """The files `encode_variants` writes for a decoded source, smallest width
    first, WebP before the fallback (the manifest's order); no pixel touched.

    WebP at every width; the JPEG (PNG with transparency) fallback at the
    largest width only: every current browser takes the WebP, and that one
    file is also what the JSON-LD, og:image without a card and the feeds name
    (the original is not published), so it must be readable by any client."""
    fallback_ext = "png" if alpha else "jpg"
    stem = safe_stem(name)
    return [
        Variant(
            f"{stem}-{target}-{key[:10]}.{ext}",
            target,
            max(1, round(height * target / width)),
            MIME[ext],
        )
        for target in targets
        for ext in ("webp", fallback_ext)
        if ext == "webp" or target == targets[-1]
    ]


def plan_variants(data: bytes, name: str, settings: VariantSettings, key: str) -> tuple:
    """What `encode_variants` returns, without the bytes: (width, height,
    [Variant, ...]). The source is decoded all the same, so that a file Pillow
    cannot decode is found as the build finds it (`invoke check`)."""
    _, width, height, targets, alpha = decode_source(data, settings)
    return width, height, planned_variants(name, key, width, height, targets, alpha)


def encode_variants(data: bytes, name: str, settings: VariantSettings, key: str) -> tuple:
    """Decode once, return (width, height, [(Variant, bytes), ...]) where width
    and height are the source's, as shown (EXIF orientation applied).

    The variants are made largest first, each from the one before rather than
    from the source: resizing a 1600 px photo to 800 and 480 px from its 1200
    and 800 px variants costs a third less, and the pixels differ from a resize
    of the source by a tenth of a level (RMS) on average.
    """
    image, width, height, targets, alpha = decode_source(data, settings)
    planned = planned_variants(name, key, width, height, targets, alpha)
    encoded: list[tuple[Variant, bytes]] = []
    for variant in reversed(planned):  # largest first: each resized from the last
        if image.size != (variant.width, variant.height):
            image = image.resize((variant.width, variant.height), Image.Resampling.LANCZOS)
        image.info = {}
        buffer = io.BytesIO()
        if variant.mime == "image/webp":
            image.save(buffer, "WEBP", quality=settings.webp_quality, method=settings.webp_method)
        elif variant.mime == "image/jpeg":
            image.save(
                buffer, "JPEG", quality=settings.jpeg_quality, optimize=True, progressive=True
            )
        else:
            image.save(buffer, "PNG", optimize=True)
        encoded.append((variant, buffer.getvalue()))
    encoded.reverse()  # smallest first, as the manifest has always listed them
    return width, height, encoded


def variants_key(data: bytes, settings: VariantSettings) -> str:
    return variants_key_of(sha256(data), settings)


def variants_key_of(digest: str, settings: VariantSettings) -> str:
    """`variants_key` of a source whose bytes' SHA-256 is `digest`."""
    return sha256(f"{CODE_VERSION}|{settings.fingerprint()}|{digest}".encode())


def _full_stat(found: os.stat_result) -> list[int]:
    """What any change to a file's bytes changes: device, inode, size,
    modification and status change times (the last set by every write)."""
    return [found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns]


def _is_photo_entry(value) -> bool:
    """A source's `_full_stat` and its bytes' SHA-256, as `ImageCache.lookup` keeps them."""
    return (
        isinstance(value, list)
        and len(value) == 6
        and all(isinstance(n, int) and not isinstance(n, bool) for n in value[:5])
        and isinstance(value[5], str)
        and len(value[5]) == 64
    )


@dataclass(frozen=True)
class VariantJob:
    """A source whose variants are not cached yet: what an encoding worker needs.

    The worker reads the file again: carrying the bytes of every new photo from
    the first pass to the workers would hold them all in memory at once.
    """

    key: str
    source: Path
    settings: VariantSettings


@dataclass(frozen=True)
class EncodedSource:
    """What encoding one source reports to the parent: sizes and file names, no
    pixels (picklable). `problem` and `suggestion` are an ImageProblem's, for
    the parent to report at the line that uses the image."""

    key: str
    width: int = 0
    height: int = 0
    variants: tuple[Variant, ...] = ()
    process: int = 0
    problem: str = ""
    suggestion: str = ""


def encode_variants_into(folder: Path, job: VariantJob, *, encode: bool = True) -> EncodedSource:
    """Encode the variants of one source into the cache folder (`ImageCache.files`).

    Safe to run in a forked worker: it touches no shared state, and a source
    that cannot be decoded or written comes back as `problem` instead of
    stopping the other sources. With `encode=False` (`invoke check`) the source
    is read and decoded, with the same problems, but nothing is encoded or
    written: the variants come back as they would be named.
    """

    def failed(problem: str, suggestion: str) -> EncodedSource:
        return EncodedSource(job.key, process=os.getpid(), problem=problem, suggestion=suggestion)

    try:
        data = job.source.read_bytes()
    except OSError as exc:
        return failed(f"image cannot be read ({exc})", UNREADABLE)
    if variants_key(data, job.settings) != job.key:
        # Stored under the key of what the first pass read, these variants would
        # be served for the old photo too, should it come back.
        return failed("image file changed while the site was being built", "build again")
    try:
        with warnings.catch_warnings():
            # The pixel limit was checked on the header; Pillow's bomb warning
            # would only repeat it.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            if not encode:
                width, height, planned = plan_variants(data, job.source.name, job.settings, job.key)
                return EncodedSource(job.key, width, height, tuple(planned), process=os.getpid())
            width, height, encoded = encode_variants(data, job.source.name, job.settings, job.key)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        reason, suggestion = unreadable_reason(data, exc)
        return failed(f"image cannot be read ({reason})", suggestion)
    try:
        for variant, blob in encoded:
            replace_file(folder / variant.file, blob)
    except OSError as exc:
        return failed(
            f"image variants cannot be written ({type(exc).__name__}: {exc})",
            f"check that {folder} can be written and the disk has room",
        )
    return EncodedSource(job.key, width, height, tuple(v for v, _ in encoded), process=os.getpid())


@dataclass
class Work:
    """What one build really did (the test for "no repeated work" reads it)."""

    encoded_variants: int = 0
    drawn_cards: int = 0
    stripped_files: int = 0
    reused: int = 0
    card_processes: int = 0  # processes that drew cards (1 = no worker was forked)
    variant_processes: int = 0  # processes that encoded variants (likewise)
    linked: int = 0  # files published as hard links to the cache
    copied: int = 0  # files published as copies (the output is on another filesystem)

    @property
    def total(self) -> int:
        return self.encoded_variants + self.drawn_cards + self.stripped_files


def _is_file_name(value) -> bool:
    """A name of a file in the cache's own folder (no folder, nothing hidden)."""
    return (
        isinstance(value, str)
        and bool(value)
        and "/" not in value
        and "\\" not in value
        and not value.startswith(".")
    )


def _is_source_entry(value) -> bool:
    """A source's entry as `ImageCache.image` records it."""
    if not isinstance(value, dict):
        return False
    sizes = (value.get("width"), value.get("height"))
    variants = value.get("variants")
    if not all(isinstance(n, int) and n > 0 for n in sizes) or not isinstance(variants, list):
        return False
    try:
        found = [Variant(**v) for v in variants]
    except TypeError:
        return False
    return all(_is_file_name(v.file) for v in found)


def strip_published(data: bytes, suffix: str, max_pixels: int | None = None) -> bytes:
    """A published file without private metadata: `strip_metadata` of an
    image, `clean_document` of a document (its DocumentProblem a StripError)."""
    if is_document(suffix):
        try:
            return clean_document(data, suffix, strip_metadata)
        except DocumentProblem as problem:
            raise StripError(str(problem), problem.suggestion) from problem
    return strip_metadata(data, suffix, max_pixels)


class ImageCache:
    """Content-addressed store of produced files plus their manifest."""

    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)
        self.files = self.folder / "files"
        self.manifest_path = self.folder / MANIFEST
        self.work = Work()
        self._used: set[str] = set()
        # name → inode of the regular files of `files`, from one listing taken
        # at the first ask (`_listed`), and the folder's device.
        self._listing: dict[str, int] | None = None
        self._device = -1
        manifest = self._load()
        self.sources: dict[str, dict] = manifest.get("sources", {})
        self.cards: dict[str, str] = manifest.get("cards", {})
        self.stripped: dict[str, str] = manifest.get("stripped", {})
        # A photo's path → its `_full_stat` and digest, as the last build read
        # it (a warm build does not read 300 photos again to find their keys);
        # `_digests`: the ones this build read or found so, which `save` keeps.
        self.digests: dict[str, list] = manifest.get("digests", {})
        self._digests: dict[str, list] = {}

    def _load(self) -> dict:
        """The last build's manifest; an entry of another shape (a hand edit, a
        cut file, another version) is left out: its files are made again."""
        try:
            manifest = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(manifest, dict) or manifest.get("code_version") != CODE_VERSION:
            return {}

        def entries(name: str, valid) -> dict:
            found = manifest.get(name)
            if not isinstance(found, dict):
                return {}
            return {k: v for k, v in found.items() if isinstance(k, str) and valid(v)}

        return {
            "sources": entries("sources", _is_source_entry),
            "cards": entries("cards", _is_file_name),
            "stripped": entries("stripped", lambda v: v == "" or _is_file_name(v)),
            "digests": entries("digests", _is_photo_entry),
        }

    @staticmethod
    def in_the_way(folder: str | os.PathLike) -> Path | None:
        """What stands where a cache in `folder` puts its own, so that it cannot
        be used: a file (or link to one) where the folder, its `files` folder
        or a folder above them should be, or a folder where its manifest
        should be. None when the cache can be used."""
        return cache_blocker(Path(folder) / "files", Path(folder) / MANIFEST)

    def path(self, file: str) -> Path:
        return self.files / file

    def _store(self, file: str, data: bytes) -> None:
        self.files.mkdir(parents=True, exist_ok=True)
        replace_file(self.path(file), data)
        self._unlist([file])

    def _listed(self) -> dict[str, int]:
        """The regular files of the cache's `files` folder (links not followed)
        by name, with their inodes, from one listing taken at the first ask:
        a warm build asks of 10,000 cards and their variants, one `lstat` each
        (twice for a card: found, then published). Only a yes is taken from
        it: a name not listed, or listed as something else, is looked at
        again (`_regular`), and a file this cache writes is taken out of it."""
        if self._listing is None:
            found: dict[str, int] = {}
            try:
                self._device = os.stat(self.files).st_dev
                with os.scandir(self.files) as entries:
                    for entry in entries:
                        try:
                            if entry.is_file(follow_symlinks=False):
                                found[entry.name] = entry.inode()
                        except OSError:
                            continue
            except OSError:
                found = {}
            self._listing = found
        return self._listing

    def _unlist(self, files) -> None:
        """Take files written since the listing out of it (another inode now)."""
        if self._listing is not None:
            for file in files:
                self._listing.pop(file, None)

    def _have(self, files) -> bool:
        """Whether every one of `files` is in the cache as a regular file, links
        not followed: anything else is missing and made again (see `_regular`)."""
        folder = os.fspath(self.files)  # (text: a Path a file cost more than its lstat)
        listed = self._listed()
        return all(f in listed or self._regular(os.path.join(folder, f)) for f in files)

    def _linked_at_once(self, file: str, destination: str | os.PathLike) -> bool:
        """Whether `destination` is now a hard link to the regular cached
        `file` without more ado: it was one already (the same file, which
        linking again would put back as it is: its inode is the one the
        cache's listing found, `_listed`), or nothing was there and its
        folder is (the file looked at first, as the listing may be older).
        False otherwise: `publish`'s full way. (Paths as text: for 10,000
        cards, `pathlib` cost more than the system calls.)"""
        cached = os.path.join(self.files, file)
        try:
            there = os.lstat(destination)
        except FileNotFoundError:
            try:
                if not stat.S_ISREG(os.lstat(cached).st_mode):
                    return False
                os.link(cached, destination)
            except OSError:  # no folder yet, another filesystem: the full way
                return False
            return True
        except OSError:
            return False
        if not stat.S_ISREG(there.st_mode):
            return False
        listed = self._listed().get(file)
        if listed is not None and (listed, self._device) == (there.st_ino, there.st_dev):
            return True  # (the listing's file: a regular one, linked there already)
        try:
            mine = os.lstat(cached)
        except OSError:
            return False
        return stat.S_ISREG(mine.st_mode) and (mine.st_ino, mine.st_dev) == (
            there.st_ino,
            there.st_dev,
        )

    @staticmethod
    def _regular(path: str | Path) -> bool:
        """Whether `path` is a regular file. A symlink (or another special file)
        there is removed, so that the file is written in its place; a folder is
        left alone, and writing the file there is the error the build reports."""
        try:
            mode = os.lstat(path).st_mode
        except OSError:
            return False
        if stat.S_ISREG(mode):
            return True
        if not stat.S_ISDIR(mode):
            Path(path).unlink(missing_ok=True)
        return False

    # -- responsive variants ------------------------------------------------
    def lookup(self, source: Path, settings: VariantSettings) -> SourceImage | VariantJob:
        """The cached variants of `source`, or the job that encodes them.

        Run the jobs with `encode_variants_into(self.files, job)`, in any
        process, then `add_variants` what came back. Raises ImageProblem for a
        missing, oversized or unreadable file (only the header of a new source
        is read here: the pixel limit is checked before anything is decoded).
        """
        look = time.time_ns()
        try:
            found = os.stat(source)
        except (OSError, ValueError):
            found = None
        if found is None or not stat.S_ISREG(found.st_mode):
            raise MissingImage()
        size = found.st_size
        if size == 0:
            # An upload that failed half-way, or a file made by `touch`.
            raise ImageProblem(
                "image file is empty (0 bytes)", "upload the photo again from its original"
            )
        if size > settings.max_source_bytes:
            raise ImageProblem(
                f"image source too large ({size / 1e6:.1f} MB, limit "
                f"{settings.max_source_bytes / 1e6:.1f} MB set by IMAGES_MAX_SOURCE_BYTES)",
                TOO_LARGE,
            )
        name, full = os.fspath(source), _full_stat(found)
        known = self.digests.get(name)
        if known is not None and known[:5] == full:
            # (unchanged since the last build read it: the same bytes)
            self._digests[name] = known
            data, key = None, variants_key_of(known[5], settings)
        else:
            data = self._read_source(source)
            digest = sha256(data)
            if max(found.st_mtime_ns, found.st_ctime_ns) < look - filestate.SETTLED_NS:
                # (a file changed within a timestamp's tick of the look could
                # keep its stat: only one settled before is known by it)
                self._digests[name] = [*full, digest]
            key = variants_key_of(digest, settings)
        entry = self.sources.get(key)
        if entry and self._have(v["file"] for v in entry["variants"]):
            self.work.reused += 1
            self._check_pixels(entry["width"], entry["height"], settings)
            self._used.add(key)
            return SourceImage(
                entry["width"], entry["height"], [Variant(**v) for v in entry["variants"]]
            )
        if data is None:
            data = self._read_source(source)
            key = variants_key(data, settings)
        try:
            with warnings.catch_warnings():
                # The pixel limit below is ours; Pillow's bomb warning would only repeat it.
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                with Image.open(io.BytesIO(data)) as probe:
                    width, height = probe.size
        except Image.DecompressionBombError as exc:
            # Pillow refuses a picture of more than twice its own limit before
            # telling its size: it is over ours too.
            raise ImageProblem(
                "image source too large (a decompression bomb: more pixels than "
                f"{Image.MAX_IMAGE_PIXELS * 2 / 1e6:.0f} megapixels; limit "
                f"{settings.max_source_pixels / 1e6:.1f} set by IMAGES_MAX_SOURCE_PIXELS)",
                TOO_LARGE,
            ) from exc
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            reason, suggestion = unreadable_reason(data, exc)
            raise ImageProblem(f"image cannot be read ({reason})", suggestion) from exc
        self._check_pixels(width, height, settings)
        return VariantJob(key, source, settings)

    @staticmethod
    def _read_source(source: Path) -> bytes:
        try:
            return source.read_bytes()
        except OSError as exc:
            raise ImageProblem(f"image cannot be read ({exc})", UNREADABLE) from exc

    def add_variants(self, encoded: EncodedSource) -> SourceImage:
        """Record the variants a worker encoded into `self.files`."""
        self._used.add(encoded.key)
        self._unlist(v.file for v in encoded.variants)
        self.sources[encoded.key] = {
            "width": encoded.width,
            "height": encoded.height,
            "variants": [asdict(v) for v in encoded.variants],
        }
        self.work.encoded_variants += len(encoded.variants)
        return SourceImage(encoded.width, encoded.height, list(encoded.variants))

    def source_image(
        self, source: Path, settings: VariantSettings, *, encode: bool = True
    ) -> SourceImage:
        """Variants of `source`, encoded here and now when not cached yet (one
        source at a time; the plugin looks up many and encodes them in workers).
        With `encode=False` (`invoke check`) the variants are only named, and
        neither written nor recorded.

        Raises ImageProblem for a missing, oversized or unreadable file.
        """
        found = self.lookup(source, settings)
        if isinstance(found, SourceImage):
            return found
        if encode:
            self.files.mkdir(parents=True, exist_ok=True)
        encoded = encode_variants_into(self.files, found, encode=encode)
        if encoded.problem:
            raise ImageProblem(encoded.problem, encoded.suggestion)
        if not encode:
            return SourceImage(encoded.width, encoded.height, list(encoded.variants))
        return self.add_variants(encoded)

    @staticmethod
    def _check_pixels(width: int, height: int, settings: VariantSettings) -> None:
        if width * height > settings.max_source_pixels:
            raise ImageProblem(
                f"image source too large ({width}×{height} = {width * height / 1e6:.1f} "
                f"megapixels, limit {settings.max_source_pixels / 1e6:.1f} set by "
                "IMAGES_MAX_SOURCE_PIXELS)",
                TOO_LARGE,
            )

    # -- social cards --------------------------------------------------------
    def cached_card(self, inputs: str) -> tuple[str, str | None]:
        """(key, file) of the card for `inputs`; file is None when it must be drawn.

        Draw the missing ones with `draw_card_into(self.files, key, ...)`, in
        any process, then `add_card` what came back.
        """
        key = card_key(inputs)
        self._used.add(key)
        file = self.cards.get(key)
        if file and self._have([file]):
            self.work.reused += 1
            return key, file
        return key, None

    def add_card(self, drawn: DrawnCard) -> None:
        """Record a card a worker drew into `self.files`."""
        self._used.add(drawn.key)
        self.cards[drawn.key] = drawn.file
        self._unlist([drawn.file])
        self.work.drawn_cards += 1

    # -- cleaned copies of published files --------------------------------------
    def cleaned(self, data: bytes, suffix: str, max_pixels: int | None = None) -> bytes | None:
        """The file without private metadata, or None when it already has none.
        Raises StripError for an unreadable file or one over `max_pixels`.
        A document (`warta.documents`: an office file or a PDF) is cleaned of
        its authors' names; StripError for one that keeps comments or tracked
        changes, or cannot be read."""
        key = sha256(f"{cleaner_version()}|strip|{suffix.lower()}|{sha256(data)}".encode())
        self._used.add(key)
        file = self.stripped.get(key)
        if file == "":
            self.work.reused += 1
            return None
        if file and self._have([file]):
            self.work.reused += 1
            return self.path(file).read_bytes()
        clean = strip_published(data, suffix, max_pixels)
        self.work.stripped_files += 1
        if clean == data:
            self.stripped[key] = ""
            return None
        file = f"clean-{key[:20]}{suffix.lower()}"
        self._store(file, clean)
        self.stripped[key] = file
        return clean

    # -- persistence ------------------------------------------------------------
    def save(self) -> None:
        """Write the manifest with only what this build used; delete the rest."""
        sources = {k: v for k, v in self.sources.items() if k in self._used}
        cards = {k: v for k, v in self.cards.items() if k in self._used}
        stripped = {k: v for k, v in self.stripped.items() if k in self._used}
        keep = {v["file"] for entry in sources.values() for v in entry["variants"]}
        keep |= set(cards.values()) | {f for f in stripped.values() if f}
        if self.files.is_dir():
            # (names from one scan: a Path for each of 10,000 cards cost more)
            with os.scandir(self.files) as entries:
                for entry in entries:
                    if entry.name not in keep and (entry.is_symlink() or not entry.is_dir()):
                        os.unlink(entry.path)
        manifest = {
            "code_version": CODE_VERSION,
            "last_build": asdict(self.work),
            "sources": sources,
            "cards": cards,
            "stripped": stripped,
            "digests": self._digests,
        }
        save_cache(  # a warning when it cannot be written
            self.manifest_path,
            json.dumps(manifest, indent=1, sort_keys=True).encode("utf-8"),
            owner="images",
            consequence="the next build makes its variants and cards again",
        )

    def publish(self, file: str, destination: str | os.PathLike) -> None:
        """Put a cached file at `destination` in the output: a hard link when the
        output is on the cache's filesystem (10,000 cards are not copied byte by
        byte), a copy otherwise. Whatever was at `destination` is replaced, never
        written through (it may be a link from an earlier build). A cached name
        that is no regular file (a symlink, a folder) is never published: an
        error names it. A destination that is already a link to the cached file
        is left as it is."""
        if self._linked_at_once(file, destination):
            self.work.linked += 1
            return
        destination = Path(destination)
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.unlink(missing_ok=True)
        if not self._regular(self.path(file)):
            findings.report(
                logger,
                Finding(
                    str(self.path(file)),
                    None,
                    "error",
                    f"images: cached file is no regular file (a link, a folder), "
                    f"not published at '{destination}'",
                    "delete it: the next build makes it again",
                ),
            )
            return
        try:
            os.link(self.path(file), destination)
        except OSError:  # another filesystem, or one without hard links
            shutil.copyfile(self.path(file), destination)
            self.work.copied += 1
        else:
            self.work.linked += 1
