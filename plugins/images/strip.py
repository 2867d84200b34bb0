"""Remove private metadata (EXIF with GPS, XMP, IPTC, ICC, comments) from image files.

Staff photos come from phones that write the place they were taken into the
file. JPEG and PNG files are cleaned without re-encoding (their metadata
segments or chunks are dropped, and everything after the end of the first
picture, the pixels stay byte for byte), unless something in the metadata
changes how the picture looks: an EXIF orientation (the pixels are turned
once, for real) or an ICC profile (the colours are converted to sRGB). Every
other format is re-encoded with Pillow without metadata, in the format its
file name says (a .jpg is JPEG bytes, whatever it was). No Pelican import: unit-tested directly.
"""

from __future__ import annotations

import io
import re
import struct
import warnings

from PIL import ExifTags, Image, ImageCms, ImageOps

from warta.filekinds import not_a_photo

JPEG_SUFFIXES = (".jpg", ".jpeg", ".jpe", ".jfif")
PNG_SUFFIXES = (".png",)
OTHER_SUFFIXES = (".webp", ".gif", ".tif", ".tiff", ".bmp")
IMAGE_SUFFIXES = JPEG_SUFFIXES + PNG_SUFFIXES + OTHER_SUFFIXES
REENCODE_JPEG_QUALITY = 90

# JPEG segments kept as they are: frames (SOF0-SOF15 but DHT, JPG and DAC),
# DHT, DAC, DQT, DNL, DRI. APP0 (JFIF) and APP14 (Adobe colour transform,
# needed to decode CMYK/YCCK files) are rebuilt from their fixed headers;
# every other segment (APP1..APP15: EXIF, XMP, ICC, IPTC, MPF, maker notes;
# COM comments; extensions) goes.
_JPEG_KEEP = {*range(0xC0, 0xD0), 0xDB, 0xDC, 0xDD} - {0xC8}
_JPEG_SOS = 0xDA
_JPEG_EOI = 0xD9
_JPEG_STANDALONE = {0x01, *range(0xD0, 0xD8)}

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# PNG chunks kept: the critical ones the standard defines, and the ancillary
# ones that only affect rendering (transparency, gamma, APNG frames); text,
# time, EXIF, ICC and private chunks (any other name) are dropped.
_PNG_KEEP = {
    b"IHDR",
    b"PLTE",
    b"IDAT",
    b"IEND",
    b"tRNS",
    b"gAMA",
    b"cHRM",
    b"sRGB",
    b"sBIT",
    b"pHYs",
    b"bKGD",
    b"cICP",
    b"acTL",
    b"fcTL",
    b"fdAT",
}


# Suggestions for a file that cannot be read, and one over a pixel or byte limit.
UNREADABLE = "save it again as JPEG or PNG"
TOO_LARGE = "export the photo smaller, about 2000 px wide, before publishing"


# What a file Pillow cannot open is, by its first bytes (warta.filekinds, the
# CMS's too). A drawing or a document is no photo: it is exported as one.
# Pillow names the file it could not identify by its repr ("<_io.BytesIO
# object at 0x7f…>"): nothing for staff to read.
_OBJECT_REPR = re.compile(r"\s*<[\w.]+ object at 0x[0-9a-fA-F]+>")


def unreadable_reason(data: bytes, exc: BaseException) -> tuple[str, str]:
    """Why Pillow cannot read `data`, and what to do, from the exception it
    raised: what the file is, when its first bytes tell ("not a photo Pillow
    can read: an SVG drawing", "export it as PNG or JPEG"); else Pillow's
    own words without the object it names."""
    kind = not_a_photo(data)
    if kind:
        return f"not a photo Pillow can read: {kind.what}", kind.suggestion
    if isinstance(exc, Image.UnidentifiedImageError):
        return "not a photo Pillow can read: no image format it knows", UNREADABLE
    return _OBJECT_REPR.sub("", str(exc)) or type(exc).__name__, UNREADABLE


class StripError(ValueError):
    """The file is not an image this module can read (or is over a limit)."""

    def __init__(self, message: str, suggestion: str = UNREADABLE) -> None:
        super().__init__(message)
        self.suggestion = suggestion


# The format a published file must keep, by its name: a .jpg stays JPEG bytes
# whatever the source was (an MPO, a PNG renamed .jpg).
FORMAT_OF_SUFFIX = {
    **dict.fromkeys(JPEG_SUFFIXES, "JPEG"),
    ".png": "PNG",
    ".webp": "WEBP",
    ".gif": "GIF",
    ".tif": "TIFF",
    ".tiff": "TIFF",
    ".bmp": "BMP",
}
# Pillow's own limit (it refuses twice this as a decompression bomb): a
# published file over it is not opened for pixels.
DEFAULT_MAX_PIXELS = 89_478_485


def strip_metadata(data: bytes, suffix: str, max_pixels: int | None = None) -> bytes:
    """Return the image without private metadata (the input when already clean).

    Nothing of the original's metadata survives, wherever it sits: EXIF, XMP,
    ICC, IPTC and comment segments or chunks are dropped, and so is every byte
    after the end of the first image (a phone's second picture in an MPO "motion
    photo", an appended file with its own EXIF). The result is checked by
    opening it again; when anything private is left, or the format is not the
    one the name says, the picture is re-encoded instead. Raises StripError
    for an unreadable file or one over `max_pixels` (default: Pillow's limit).
    """
    suffix = suffix.lower()
    target = FORMAT_OF_SUFFIX.get(suffix, "PNG")
    limit = max_pixels or DEFAULT_MAX_PIXELS
    try:
        with warnings.catch_warnings():
            # Our limit below names the file and the setting; Pillow's warning
            # would only print a line without either.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                if width * height > limit:
                    raise _too_large(width, height, limit)
                needs_pixels = _orientation(image) not in (None, 1) or bool(
                    image.info.get("icc_profile")
                )
                clean = None
                if not needs_pixels:
                    clean = _strip_segments(data, image.format, target)
                if clean is None or not _is_clean(clean, target):
                    image.seek(0)
                    clean = _reencode(image, target)
            if not _is_clean(clean, target):
                raise StripError("metadata could not be removed")
            return clean
    except Image.DecompressionBombError as exc:
        raise _too_large(0, 0, limit) from exc
    except StripError:
        raise
    except (OSError, SyntaxError, ValueError, IndexError, struct.error, EOFError) as exc:
        raise StripError(*unreadable_reason(data, exc)) from exc


def _too_large(width: int, height: int, limit: int) -> StripError:
    size = f"{width}×{height} = {width * height / 1e6:.1f} megapixels" if width else "too many"
    return StripError(
        f"image too large to publish ({size}, limit {limit / 1e6:.1f} megapixels)",
        TOO_LARGE,
    )


def _strip_segments(data: bytes, source_format: str | None, target: str) -> bytes | None:
    """Metadata removed without re-encoding, or None when the file's format is
    not the target's (then the caller re-encodes)."""
    try:
        if target == "JPEG" and source_format in ("JPEG", "MPO"):
            return _strip_jpeg(data)
        if target == "PNG" and source_format == "PNG":
            return _strip_png(data)
    except StripError:
        return None
    return None


def _is_clean(data: bytes, target: str) -> bool:
    """True when `data` opens as `target` and carries no private metadata."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                if image.format != target:
                    return False
                return not private_metadata(image) and not image.info.get("mp")
    except (OSError, SyntaxError, ValueError, IndexError, struct.error, EOFError):
        return False


def _orientation(image: Image.Image) -> int | None:
    try:
        return image.getexif().get(0x0112)
    except Exception:  # broken EXIF: treat as no orientation
        return None


def _strip_jpeg(data: bytes) -> bytes:
    """The first image of a JPEG file with only the segments decoding needs.

    Kept: the frame, tables and scans (SOFn, DHT, DAC, DQT, DRI, DNL, SOS and
    their entropy-coded data), a JFIF header without its thumbnail, an Adobe
    colour-transform header. Dropped: every other APPn (EXIF, XMP, ICC, IPTC,
    MPF), comments, extension markers, and everything after the end-of-image
    marker."""
    if data[:2] != b"\xff\xd8":
        raise StripError("not a JPEG file")
    out = bytearray(b"\xff\xd8")
    pos = 2
    while True:
        if pos + 2 > len(data):
            raise StripError("JPEG ends before its end-of-image marker")
        if data[pos] != 0xFF:
            raise StripError(f"broken JPEG marker at byte {pos}")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker == _JPEG_EOI:
            out += b"\xff\xd9"
            return bytes(out)  # whatever follows is not this picture
        if marker in _JPEG_STANDALONE:
            out += data[pos : pos + 2]
            pos += 2
            continue
        if pos + 4 > len(data):
            raise StripError("JPEG segment cut short")
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        end = pos + 2 + length
        if length < 2 or end > len(data):
            raise StripError(f"broken JPEG segment at byte {pos}")
        segment = data[pos:end]
        if marker == 0xE0:
            out += _jfif_header(segment)
        elif marker == 0xEE:
            out += _adobe_header(segment)
        elif marker in _JPEG_KEEP or marker == _JPEG_SOS:
            out += segment
        pos = end
        if marker == _JPEG_SOS:
            scan_end = _scan_end(data, pos)
            out += data[pos:scan_end]
            pos = scan_end


def _scan_end(data: bytes, pos: int) -> int:
    """Where the entropy-coded data starting at `pos` ends: the next 0xFF that
    starts a marker (not a stuffed 0xFF00, a restart marker or a fill byte)."""
    index = data.find(b"\xff", pos)
    while index != -1 and index + 1 < len(data):
        following = data[index + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:
            index = data.find(b"\xff", index + 2)
        elif following == 0xFF:
            index += 1
        else:
            return index
    raise StripError("JPEG scan has no end")


def _jfif_header(segment: bytes) -> bytes:
    """The JFIF header (version, density) without its thumbnail; nothing for
    other APP0 segments (JFXX thumbnails)."""
    if segment[4:9] != b"JFIF\x00" or len(segment) < 18:
        return b""
    return b"\xff\xe0\x00\x10" + segment[4:16] + b"\x00\x00"


def _adobe_header(segment: bytes) -> bytes:
    """The 12-byte Adobe header CMYK/YCCK decoding needs; nothing else of APP14."""
    if segment[4:9] != b"Adobe" or len(segment) < 16:
        return b""
    return b"\xff\xee\x00\x0e" + segment[4:16]


def _strip_png(data: bytes) -> bytes:
    if not data.startswith(_PNG_SIGNATURE):
        raise StripError("not a PNG file")
    out = bytearray(_PNG_SIGNATURE)
    pos = len(_PNG_SIGNATURE)
    while True:
        if pos + 12 > len(data):
            raise StripError("PNG ends before its IEND chunk")
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        end = pos + 12 + length
        if end > len(data):
            raise StripError(f"broken PNG chunk at byte {pos}")
        if kind in _PNG_KEEP:
            out += data[pos:end]
        pos = end
        if kind == b"IEND":
            return bytes(out)  # whatever follows is not this picture


# The EXIF orientations `ImageOps.exif_transpose` turns or flips a picture for.
_TRANSPOSED = frozenset(range(2, 9))


def to_srgb(image: Image.Image, mode: str) -> Image.Image:
    """Apply the EXIF orientation and convert colours to sRGB in `mode`.

    A picture already upright, in sRGB and in `mode` (most photos) is `image`
    itself, its `info` emptied: every caller decodes the picture for this
    alone, and `exif_transpose` copies the pixels of a picture it leaves as
    it is, which cost three times the decoding of the photo (a check decodes
    every photo to find those that cannot be read)."""
    image.load()  # as exif_transpose does first: the same errors, in the same order
    if image.getexif().get(ExifTags.Base.Orientation, 1) in _TRANSPOSED:
        image = ImageOps.exif_transpose(image)
    icc = image.info.get("icc_profile")
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            if image.mode not in ("RGB", "RGBA", "CMYK", "L"):
                image = image.convert(mode)
            converted = ImageCms.profileToProfile(
                image, source, ImageCms.createProfile("sRGB"), outputMode=mode
            )
            if converted is not None:
                image = converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # an unreadable profile: keep the pixels as they are
    if image.mode != mode:
        image = image.convert(mode)
    image.info = {}
    return image


def has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA", "La") or (
        image.mode == "P" and "transparency" in image.info
    )


def _reencode(image: Image.Image, target: str) -> bytes:
    """The picture's pixels in `target`'s format, with no metadata at all."""
    frames = getattr(image, "n_frames", 1)
    buffer = io.BytesIO()
    if frames > 1 and target in ("GIF", "WEBP") and image.format == target:
        # Animations keep their frames and timing; Pillow writes no metadata
        # unless given (comments and profiles are not passed on).
        image.info = {k: v for k, v in image.info.items() if k in ("duration", "loop")}
        image.save(buffer, target, save_all=True)
        return buffer.getvalue()
    mode = "RGBA" if has_alpha(image) and target not in ("JPEG", "BMP") else "RGB"
    clean = to_srgb(image, mode)
    if target == "JPEG":
        clean.save(buffer, "JPEG", quality=REENCODE_JPEG_QUALITY, optimize=True)
    elif target == "WEBP":
        clean.save(buffer, "WEBP", quality=REENCODE_JPEG_QUALITY)
    elif target in ("GIF", "BMP", "TIFF"):
        clean.save(buffer, target)
    else:
        clean.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def private_metadata(image: Image.Image) -> list[str]:
    """Names of the private metadata an opened image still carries (empty = clean)."""
    found = []
    if image.getexif():
        found.append("exif")
    for key in ("exif", "xmp", "icc_profile", "comment", "XML:com.adobe.xmp", "photoshop"):
        if image.info.get(key):
            found.append(key)
    found += [key for key in getattr(image, "text", {}) or {}]
    return sorted(set(found))
