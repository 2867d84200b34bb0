"""Responsive variants, social cards and cleaned copies, cached between builds.

Every file this module makes is stored once in a cache folder under a name
derived from a key: the hash of its inputs (source bytes or card text), the
settings that shape it and CODE_VERSION. A manifest (JSON) in that folder
remembers what each key produced, so a second build with the same inputs
opens no image at all: it copies the cached files into the fresh output
folder. `ImageCache.work` counts what was really encoded in this build.
No Pelican import: unit-tested directly.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path

from PIL import Image

from .strip import has_alpha, strip_metadata, to_srgb

# Bump when the encoding code changes what it writes: every cached file is redone.
CODE_VERSION = "1"
MANIFEST = "manifest.json"

MIME = {"webp": "image/webp", "jpg": "image/jpeg", "png": "image/png"}


class ImageProblem(ValueError):
    """A source image that cannot be published; the message names what is wrong."""

    def __init__(self, message: str, suggestion: str) -> None:
        super().__init__(message)
        self.message = message
        self.suggestion = suggestion


@dataclass(frozen=True)
class VariantSettings:
    widths: tuple[int, ...] = (480, 800, 1200)
    webp_quality: int = 80
    jpeg_quality: int = 82
    max_source_bytes: int = 10_000_000
    max_source_pixels: int = 40_000_000

    def fingerprint(self) -> str:
        widths = ",".join(map(str, self.widths))
        return f"w={widths};webp={self.webp_quality};jpg={self.jpeg_quality}"


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


def target_widths(source_width: int, widths: tuple[int, ...]) -> list[int]:
    """The configured widths below the source width, plus the largest allowed one.

    A source is never enlarged: a 1000 px photo with widths 480/800/1200 gives
    480, 800 and 1000.
    """
    ceiling = min(source_width, max(widths))
    return sorted({w for w in widths if w < ceiling} | {ceiling})


def safe_stem(name: str) -> str:
    stem = re.sub(r"[^a-z0-9]+", "-", Path(name).stem.lower()).strip("-")
    return stem[:60] or "gambar"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def encode_variants(data: bytes, name: str, settings: VariantSettings, key: str) -> tuple:
    """Decode once, return (width, height, [(Variant, bytes), ...])."""
    with Image.open(io.BytesIO(data)) as opened:
        opened.load()
        alpha = has_alpha(opened)
        image = to_srgb(opened, "RGBA" if alpha else "RGB")
    width, height = image.size
    fallback_ext = "png" if alpha else "jpg"
    stem = safe_stem(name)
    encoded = []
    for target in target_widths(width, settings.widths):
        target_height = max(1, round(height * target / width))
        resized = (
            image
            if target == width
            else image.resize((target, target_height), Image.Resampling.LANCZOS)
        )
        resized.info = {}
        for ext in ("webp", fallback_ext):
            buffer = io.BytesIO()
            if ext == "webp":
                resized.save(buffer, "WEBP", quality=settings.webp_quality, method=4)
            elif ext == "jpg":
                resized.save(
                    buffer, "JPEG", quality=settings.jpeg_quality, optimize=True, progressive=True
                )
            else:
                resized.save(buffer, "PNG", optimize=True)
            variant = Variant(f"{stem}-{target}-{key[:10]}.{ext}", target, target_height, MIME[ext])
            encoded.append((variant, buffer.getvalue()))
    return width, height, encoded


@dataclass
class Work:
    """What one build really did (the test for "no repeated work" reads it)."""

    encoded_variants: int = 0
    drawn_cards: int = 0
    stripped_files: int = 0
    reused: int = 0

    @property
    def total(self) -> int:
        return self.encoded_variants + self.drawn_cards + self.stripped_files


class ImageCache:
    """Content-addressed store of produced files plus their manifest."""

    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)
        self.files = self.folder / "files"
        self.manifest_path = self.folder / MANIFEST
        self.work = Work()
        self._used: set[str] = set()
        manifest = self._load()
        self.sources: dict[str, dict] = manifest.get("sources", {})
        self.cards: dict[str, str] = manifest.get("cards", {})
        self.stripped: dict[str, str] = manifest.get("stripped", {})

    def _load(self) -> dict:
        try:
            manifest = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return manifest if manifest.get("code_version") == CODE_VERSION else {}

    def path(self, file: str) -> Path:
        return self.files / file

    def _store(self, file: str, data: bytes) -> None:
        self.files.mkdir(parents=True, exist_ok=True)
        temporary = self.path(file).with_suffix(".part")
        temporary.write_bytes(data)
        temporary.replace(self.path(file))

    def _have(self, files) -> bool:
        return all(self.path(f).is_file() for f in files)

    # -- responsive variants ------------------------------------------------
    def source_image(self, source: Path, settings: VariantSettings) -> SourceImage:
        """Variants of `source`, encoding them only when not cached yet.

        Raises ImageProblem for a missing, oversized or unreadable file.
        """
        if not source.is_file():
            raise ImageProblem("image file not found", "check the path and the file name's case")
        size = source.stat().st_size
        if size > settings.max_source_bytes:
            raise ImageProblem(
                f"image source too large ({size / 1e6:.1f} MB, limit "
                f"{settings.max_source_bytes / 1e6:.1f} MB set by IMAGES_MAX_SOURCE_BYTES)",
                "export the photo smaller, about 2000 px wide, before publishing",
            )
        data = source.read_bytes()
        key = sha256(f"{CODE_VERSION}|{settings.fingerprint()}|{sha256(data)}".encode())
        entry = self.sources.get(key)
        if entry and self._have(v["file"] for v in entry["variants"]):
            self.work.reused += 1
        else:
            entry = self._encode(data, source.name, settings, key)
        self._check_pixels(entry["width"], entry["height"], settings)
        self._used.add(key)
        return SourceImage(
            entry["width"], entry["height"], [Variant(**v) for v in entry["variants"]]
        )

    def _encode(self, data: bytes, name: str, settings: VariantSettings, key: str) -> dict:
        try:
            with warnings.catch_warnings():
                # The pixel limit below is ours; Pillow's bomb warning would only repeat it.
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                with Image.open(io.BytesIO(data)) as probe:
                    width, height = probe.size
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
            raise ImageProblem(
                f"image cannot be read ({exc})", "save it again as JPEG or PNG"
            ) from exc
        self._check_pixels(width, height, settings)
        try:
            width, height, encoded = encode_variants(data, name, settings, key)
        except (OSError, SyntaxError, ValueError) as exc:
            raise ImageProblem(
                f"image cannot be read ({exc})", "save it again as JPEG or PNG"
            ) from exc
        for variant, blob in encoded:
            self._store(variant.file, blob)
        self.work.encoded_variants += len(encoded)
        entry = {"width": width, "height": height, "variants": [asdict(v) for v, _ in encoded]}
        self.sources[key] = entry
        return entry

    @staticmethod
    def _check_pixels(width: int, height: int, settings: VariantSettings) -> None:
        if width * height > settings.max_source_pixels:
            raise ImageProblem(
                f"image source too large ({width}×{height} = {width * height / 1e6:.1f} "
                f"megapixels, limit {settings.max_source_pixels / 1e6:.1f} set by "
                "IMAGES_MAX_SOURCE_PIXELS)",
                "export the photo smaller, about 2000 px wide, before publishing",
            )

    # -- social cards --------------------------------------------------------
    def card(self, inputs: str, draw) -> str:
        """Cached file name of the card for `inputs`; `draw()` returns JPEG bytes."""
        key = sha256(f"{CODE_VERSION}|card|{inputs}".encode())
        file = self.cards.get(key)
        if file and self._have([file]):
            self.work.reused += 1
        else:
            file = f"card-{key[:20]}.jpg"
            self._store(file, draw())
            self.cards[key] = file
            self.work.drawn_cards += 1
        self._used.add(key)
        return file

    # -- cleaned copies of published files --------------------------------------
    def cleaned(self, data: bytes, suffix: str) -> bytes | None:
        """The file without private metadata, or None when it already has none."""
        key = sha256(f"{CODE_VERSION}|strip|{suffix.lower()}|{sha256(data)}".encode())
        self._used.add(key)
        file = self.stripped.get(key)
        if file == "":
            self.work.reused += 1
            return None
        if file and self._have([file]):
            self.work.reused += 1
            return self.path(file).read_bytes()
        clean = strip_metadata(data, suffix)
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
            for path in self.files.iterdir():
                if path.name not in keep:
                    path.unlink()
        self.folder.mkdir(parents=True, exist_ok=True)
        manifest = {
            "code_version": CODE_VERSION,
            "last_build": asdict(self.work),
            "sources": sources,
            "cards": cards,
            "stripped": stripped,
        }
        temporary = self.manifest_path.with_suffix(".part")
        temporary.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
        temporary.replace(self.manifest_path)

    def copy(self, file: str, destination: Path) -> None:
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.path(file), destination)
