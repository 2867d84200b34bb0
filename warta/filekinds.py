"""What a file that is no photo is, by its first bytes: a drawing, a document,
an iPhone's HEIC, a web page saved under a photo's name (`IMG_0001.jpg` that
is an HTML page or a PDF). The images plugin says it when Pillow cannot read
a photo (plugins/images/strip.py `unreadable_reason`); the CMS refuses such a
file at upload with the same patterns (plugins/cms/config.py exports them to
warta-cms.js), so the two cannot disagree. A PNG or WebP named `.jpg` is a
photo: the build publishes it as JPEG. No Pelican import."""

from __future__ import annotations

import re
from dataclasses import dataclass

EXPORT = "export it as PNG or JPEG"


@dataclass(frozen=True)
class NotAPhoto:
    pattern: re.Pattern[bytes]  # searched in the first `HEAD_BYTES` bytes
    what: str  # English, for the build's line
    suggestion: str
    what_id: str  # Indonesian, for staff in the CMS
    suggestion_id: str


HEAD_BYTES = 2048
NOT_A_PHOTO = (
    NotAPhoto(
        re.compile(rb"<svg[\s>]", re.I),
        "an SVG drawing",
        EXPORT,
        "gambar SVG",
        "Ekspor gambarnya sebagai PNG atau JPEG",
    ),
    NotAPhoto(
        re.compile(rb"\A%PDF-"),
        "a PDF document",
        "export the page as PNG or JPEG",
        "dokumen PDF",
        "Ekspor halamannya sebagai PNG atau JPEG (atau unggah PDF-nya lewat Media sebagai dokumen)",
    ),
    NotAPhoto(
        re.compile(rb"\A....ftyp(?:heic|heix|hevc|hevx|heim|heis|mif1|msf1)", re.S),
        "an HEIC photo (as iPhones save them)",
        "export it as JPEG",
        "foto HEIC (format foto iPhone)",
        "Ubah dulu ke JPEG (di iPhone: Pengaturan > Kamera > Format > Paling Kompatibel)",
    ),
    NotAPhoto(
        re.compile(rb"\A....ftypavi[fs]", re.S),
        "an AVIF image",
        EXPORT,
        "gambar AVIF",
        "Ekspor gambarnya sebagai PNG atau JPEG",
    ),
    NotAPhoto(
        re.compile(rb"<!doctype html|<html[\s>]", re.I),
        "a web page (HTML)",
        "download the photo again",
        "halaman web (HTML), bukan foto",
        "Unduh lagi fotonya (klik kanan pada foto > Simpan gambar)",
    ),
    NotAPhoto(
        re.compile(rb"\APK\x03\x04"),
        "a ZIP archive or an Office document",
        EXPORT,
        "arsip ZIP atau dokumen Office",
        "Ekspor fotonya sebagai PNG atau JPEG",
    ),
)


# A photo's own first bytes (JPEG, PNG, GIF, WebP): what its metadata holds
# after them (a comment or an XMP packet quoting '<html>' or '<svg>') does not
# make it another kind of file.
PHOTO_HEAD = re.compile(rb"\A(?:\xff\xd8\xff|\x89PNG\r\n\x1a\n|GIF8[79]a|RIFF....WEBP)", re.S)


def not_a_photo(head: bytes) -> NotAPhoto | None:
    """What a file starting with `head` is, when its bytes say it is no photo
    (never one that starts as a photo: `PHOTO_HEAD`)."""
    head = head[:HEAD_BYTES]
    if PHOTO_HEAD.match(head):
        return None
    return next((kind for kind in NOT_A_PHOTO if kind.pattern.search(head)), None)
