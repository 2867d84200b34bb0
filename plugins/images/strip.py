"""Remove private metadata (EXIF with GPS, XMP, IPTC, ICC, comments) from image files.

Staff photos come from phones that write the place they were taken into the
file. JPEG and PNG files are cleaned without re-encoding (their metadata
segments or chunks are dropped, the pixels stay byte for byte), unless
something in the metadata changes how the picture looks: an EXIF orientation
(the pixels are turned once, for real) or an ICC profile (the colours are
converted to sRGB). Every other format is re-encoded with Pillow without
metadata. No Pelican import: unit-tested directly.
"""

from __future__ import annotations

import io
import struct

from PIL import Image, ImageCms, ImageOps

JPEG_SUFFIXES = (".jpg", ".jpeg", ".jpe", ".jfif")
PNG_SUFFIXES = (".png",)
OTHER_SUFFIXES = (".webp", ".gif", ".tif", ".tiff", ".bmp")
IMAGE_SUFFIXES = JPEG_SUFFIXES + PNG_SUFFIXES + OTHER_SUFFIXES
REENCODE_JPEG_QUALITY = 90

# JPEG application segments kept: APP0 (JFIF header) and APP14 (Adobe colour
# transform, needed to decode CMYK/YCCK files). Everything else in APP1..APP15
# (EXIF, XMP, ICC, IPTC, maker notes) and COM comments goes.
_JPEG_KEEP_APP = {0xE0, 0xEE}
_JPEG_COMMENT = 0xFE
_JPEG_SOS = 0xDA
_JPEG_STANDALONE = {0x01, *range(0xD0, 0xD8)}

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Ancillary PNG chunks that only affect rendering (transparency, gamma, APNG
# frames) are kept; text, time, EXIF and private chunks are dropped.
_PNG_KEEP_ANCILLARY = {
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


class StripError(ValueError):
    """The file is not an image this module can read."""


def strip_metadata(data: bytes, suffix: str) -> bytes:
    """Return the image without private metadata (the input when already clean)."""
    suffix = suffix.lower()
    try:
        with Image.open(io.BytesIO(data)) as image:
            needs_pixels = _orientation(image) not in (None, 1) or bool(
                image.info.get("icc_profile")
            )
            if suffix in JPEG_SUFFIXES and image.format == "JPEG" and not needs_pixels:
                return _strip_jpeg(data)
            if suffix in PNG_SUFFIXES and image.format == "PNG" and not needs_pixels:
                return _strip_png(data)
            return _reencode(image)
    except (OSError, SyntaxError, ValueError, struct.error) as exc:
        raise StripError(str(exc)) from exc


def _orientation(image: Image.Image) -> int | None:
    try:
        return image.getexif().get(0x0112)
    except Exception:  # broken EXIF: treat as no orientation
        return None


def _strip_jpeg(data: bytes) -> bytes:
    if data[:2] != b"\xff\xd8":
        raise StripError("not a JPEG file")
    out = bytearray(b"\xff\xd8")
    pos = 2
    while pos < len(data):
        if data[pos] != 0xFF:
            raise StripError(f"broken JPEG marker at byte {pos}")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in _JPEG_STANDALONE:
            out += data[pos : pos + 2]
            pos += 2
            continue
        if marker == _JPEG_SOS:  # image data follows to the end: copy it verbatim
            out += data[pos:]
            return bytes(out)
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        segment = data[pos : pos + 2 + length]
        is_app = 0xE0 <= marker <= 0xEF
        if not ((is_app and marker not in _JPEG_KEEP_APP) or marker == _JPEG_COMMENT):
            out += segment
        pos += 2 + length
    return bytes(out)


def _strip_png(data: bytes) -> bytes:
    if not data.startswith(_PNG_SIGNATURE):
        raise StripError("not a PNG file")
    out = bytearray(_PNG_SIGNATURE)
    pos = len(_PNG_SIGNATURE)
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        chunk = data[pos : pos + 12 + length]
        critical = kind[:1].isupper()
        if critical or kind in _PNG_KEEP_ANCILLARY:
            out += chunk
        pos += 12 + length
        if kind == b"IEND":
            break
    return bytes(out)


def to_srgb(image: Image.Image, mode: str) -> Image.Image:
    """Apply the EXIF orientation and convert colours to sRGB in `mode`."""
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


def _reencode(image: Image.Image) -> bytes:
    fmt = image.format or "PNG"
    frames = getattr(image, "n_frames", 1)
    buffer = io.BytesIO()
    if frames > 1 and fmt in ("GIF", "WEBP"):
        # Animations keep their frames; Pillow writes no metadata unless given.
        image.info = {k: v for k, v in image.info.items() if k in ("duration", "loop")}
        image.save(buffer, fmt, save_all=True)
        return buffer.getvalue()
    mode = "RGBA" if has_alpha(image) else "RGB"
    if fmt == "JPEG":
        mode = "RGB"
    clean = to_srgb(image, mode)
    if fmt == "JPEG":
        clean.save(buffer, "JPEG", quality=REENCODE_JPEG_QUALITY, optimize=True)
    elif fmt == "WEBP":
        clean.save(buffer, "WEBP", quality=REENCODE_JPEG_QUALITY)
    elif fmt in ("GIF", "BMP", "TIFF"):
        clean.save(buffer, fmt)
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
