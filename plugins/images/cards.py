"""Social cards: the 1200×630 picture messaging apps show when an article is shared.

Drawn with Pillow in the site's colours: site name, region, the title wrapped
on up to four lines, the publishing office and the date in Indonesian. The
font is Lato from the pinned PyPI package `font-lato` (full Latin coverage,
including the dashes and quotes of Indonesian headlines), never a system font,
so every machine draws the same card. No Pelican import.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import font_lato
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
JPEG_QUALITY = 85
BACKGROUND = (11, 79, 138)  # --w-brand
BAND = (8, 56, 99)
TEXT = (255, 255, 255)
SOFT_TEXT = (214, 228, 242)
PILL = (255, 191, 71)  # --w-focus
PILL_TEXT = (26, 31, 36)
TITLE_SIZES = (64, 58, 52, 46, 42)
TITLE_MAX_LINES = 4
ORGANISATION_PREFIXES = ("humas ", "tim humas ", "sekretariat ", "redaksi ")

FONT_FILES = {
    "bold": Path(font_lato.font_directory) / "Lato-Bold.ttf",
    "regular": Path(font_lato.font_directory) / "Lato-Regular.ttf",
}


@dataclass(frozen=True)
class CardText:
    title: str
    office: str
    date: str
    region: str = ""
    site_name: str = ""

    def fingerprint(self) -> str:
        """Everything that changes the picture (the cache key's text input)."""
        return "\x1f".join(
            [self.title, self.office, self.date, self.region, self.site_name, str(WIDTH)]
        )


def office_name(authors: list[str], publisher: str) -> str:
    """The office behind an article: "Humas Bawaslu Kota Palembang" → "Bawaslu Kota
    Palembang"; a person's name or no author → the site's publisher."""
    for author in authors:
        lowered = author.lower()
        for prefix in ORGANISATION_PREFIXES:
            if lowered.startswith(prefix) and lowered[len(prefix) :].startswith(
                ("bawaslu", "panwaslu")
            ):
                return author[len(prefix) :].strip()
        if lowered.startswith(("bawaslu", "panwaslu")):
            return author.strip()
    return publisher


@cache
def font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_FILES[weight]), size)


def wrap(draw: ImageDraw.ImageDraw, text: str, face, max_width: int) -> list[str]:
    """Greedy word wrap by measured width; a word longer than a line stays whole."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and draw.textlength(candidate, font=face) > max_width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def line_height(face: ImageFont.FreeTypeFont) -> int:
    return round(face.size * 1.18)


def fit_title(draw: ImageDraw.ImageDraw, title: str, max_width: int, max_height: int) -> tuple:
    """The largest title size whose lines fit the box; cut with … otherwise."""
    for size in TITLE_SIZES:
        face = font("bold", size)
        lines = wrap(draw, title, face, max_width)
        fitting = max(1, min(TITLE_MAX_LINES, max_height // line_height(face)))
        if len(lines) <= fitting:
            return face, lines
    lines = lines[:fitting]
    last = lines[-1]
    while last and draw.textlength(last + " …", font=face) > max_width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    lines[-1] = last + " …"
    return face, lines


def draw_card(text: CardText) -> bytes:
    """The card as JPEG bytes (no metadata)."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    inner = WIDTH - 2 * MARGIN

    # Top: site name, then the region as a pill.
    y = MARGIN - 8
    if text.site_name:
        draw.text((MARGIN, y), text.site_name.upper(), font=font("bold", 26), fill=SOFT_TEXT)
        y += 48
    if text.region:
        face = font("bold", 28)
        _, _, right, bottom = draw.textbbox((MARGIN + 18, y + 8), text.region, font=face)
        draw.rounded_rectangle((MARGIN, y, right + 18, bottom + 12), radius=10, fill=PILL)
        draw.text((MARGIN + 18, y + 8), text.region, font=face, fill=PILL_TEXT)
        y = bottom + 36
    else:
        y += 24

    # Middle: the title.
    band_top = HEIGHT - 118
    face, lines = fit_title(draw, text.title, inner, band_top - 24 - y)
    for line in lines:
        draw.text((MARGIN, y), line, font=face, fill=TEXT)
        y += line_height(face)

    # Bottom band: office and date.
    draw.rectangle((0, band_top, WIDTH, HEIGHT), fill=BAND)
    draw.text((MARGIN, band_top + 22), text.office, font=font("bold", 30), fill=TEXT)
    draw.text((MARGIN, band_top + 64), text.date, font=font("regular", 26), fill=SOFT_TEXT)

    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return buffer.getvalue()
