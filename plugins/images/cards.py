"""Social cards: the 1200×630 picture messaging apps show when an article is shared.

Drawn with Pillow in the site's colours: site name, region, the title wrapped
on up to four lines (a word longer than a line broken over lines, the other
lines cut with … at the card's margin: no text runs off the card), the
publishing office and the date in Indonesian. The
font is Lato from the pinned PyPI package `font-lato` (full Latin coverage,
including the dashes and quotes of Indonesian headlines), never a system font,
so every machine draws the same card. No Pelican import.

A card is a flat picture (three background colours, white and dark text) saved
as a 15-colour PNG, 4 bits a pixel: each background and the text drawn on it
with three anti-aliasing steps between them. The JPEG it replaced (baseline,
quality 70) averaged 66 KB on the bench corpus, 664 MB of a 10,000-article
site (GitHub Pages refuses a site over 1 GB); the PNG averages about 16 KB
(measured 2026-12-04 on 250 corpus titles: 63.6 → 15.6 KB, 4.3 → 5.3 ms of
CPU a card), with sharper text, and every messaging app and social network
reads PNG. Text edges are what a card's bytes pay for: at the sizes previews
show, three steps of anti-aliasing are not told apart from full colour.

A cold build draws one card per article, so drawing is kept cheap:
- the parts every card of a site shares (background, bottom band, site name)
  are drawn once and copied;
- FreeType rasterising glyphs is most of the drawing time, and headlines reuse
  the same words ("Bawaslu", "Pengawasan", "Pilkada", region names): each word
  is rendered once per font and size, and pasted where Pillow's own line
  layout (kerning included) puts it, rounded to the whole pixel;
- the card is drawn straight into its palette (ON_BACKGROUND below): no
  colour quantisation afterwards (Pillow's took 50-400 ms a card, mapping to a
  fixed palette 1.3 ms);
- zlib's run-length strategy (Z_RLE): a card is long runs of one colour, which
  it finds at almost no cost. Measured 2026-12-05 on 600 corpus titles: 4.5 →
  3.2 ms of CPU a card (drawing included), 14.6 → 15.2 KB. The default
  strategy's level 5 needs those 40 % more time for 4 % fewer bytes, level 6
  35 % more again for 1 %, level 9 ten times the time; levels 3 and below are
  slower than Z_RLE and 15-20 % larger.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zlib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import font_lato
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
BAND_HEIGHT = 132
BACKGROUND = (11, 79, 138)  # --w-brand
BAND = (8, 56, 99)
TEXT = (255, 255, 255)
PILL = (255, 191, 71)  # --w-focus
PILL_TEXT = (26, 31, 36)
TITLE_SIZES = (64, 58, 52, 46, 42)
TITLE_MAX_LINES = 4
ORGANISATION_PREFIXES = ("humas ", "tim humas ", "sekretariat ", "redaksi ")
# Pillow passes compress_type to zlib as its strategy (see above); under Z_RLE
# zlib's level changes nothing (measured: the same bytes at 1, 5 and 9).
PNG_OPTIONS = {"compress_type": zlib.Z_RLE}
# Part of every card's fingerprint: bump it when the drawing, the palette or
# PNG_OPTIONS change what a card looks like, and every cached card is drawn again.
STYLE = "8"
# Text sizes at 1200 px: a preview in a chat is 300-500 px wide, so the office
# date and region must stay at about 10 px there.
OFFICE_SIZE, DATE_SIZE, REGION_SIZE = 34, 28, 32
# Rendered words kept per process; a few thousand cover a province's headlines
# (a 64 px word is about 15 KB).
WORD_CACHE_SIZE = 4096

FONT_FILES = {
    "bold": Path(font_lato.font_directory) / "Lato-Bold.ttf",
    "regular": Path(font_lato.font_directory) / "Lato-Regular.ttf",
}
WORD = re.compile(r"\S+")


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
            [self.title, self.office, self.date, self.region, self.site_name, str(WIDTH), STYLE]
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


def ramp(start: tuple, end: tuple, steps: int) -> list[tuple[int, int, int]]:
    """`steps` colours from start to end, both included."""
    return [
        tuple(round(a + (b - a) * i / (steps - 1)) for a, b in zip(start, end, strict=True))
        for i in range(steps)
    ]


# A card is drawn straight into its palette. Pillow blends a one-byte image's
# values when it pastes through a mask, so with each background followed by
# the steps up to the text drawn on it, pasting index `background + 4` through
# a glyph's coverage lands on the right step: anti-aliasing in the palette,
# with no colour quantisation afterwards.
STEPS = 5  # background, three anti-aliasing steps, text
ON_BACKGROUND, ON_BAND, ON_PILL = 0, STEPS, 2 * STEPS  # index of each background
FULL, SOFT = STEPS - 1, STEPS - 2  # text, and the lighter text (site name, date)


def card_palette() -> list[tuple[int, int, int]]:
    """The 15 colours of every card, in index order: white on the brand blue,
    white on the band, dark on the yellow pill, each from the background to
    the text in STEPS steps."""
    return [
        *ramp(BACKGROUND, TEXT, STEPS),
        *ramp(BAND, TEXT, STEPS),
        *ramp(PILL, PILL_TEXT, STEPS),
    ]


@cache
def font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_FILES[weight]), size)


# A code point no font has: what the font draws for it is its "missing glyph"
# box (.notdef), which is what it would draw for an emoji in a headline.
NO_GLYPH = "\U0010fffd"
GLYPH_TEST_SIZE = 20


def _mask_of(weight: str, character: str) -> tuple:
    mask = font(weight, GLYPH_TEST_SIZE).getmask(character)
    return mask.size, bytes(mask)


@cache
def has_glyph(weight: str, character: str) -> bool:
    """A character the font draws: not its missing-glyph box, and not nothing
    (an emoji's variation selector or joiner, left behind when the emoji goes,
    would widen the space it stood in)."""
    if character.isspace():
        return True
    size, ink = _mask_of(weight, character)
    return size[0] > 0 and (size, ink) != _mask_of(weight, NO_GLYPH)


@cache
def stand_in(weight: str, character: str) -> str:
    """What the card draws for a character its font has no glyph for: the
    characters of its compatibility decomposition (NFKD) that the font has,
    its combining marks left out ("Ş" → "S", "İ" → "I", "ā" → "a", "₂" →
    "2"); "" when nothing is left (emoji, arrows, ✅: Lato would draw an empty
    box)."""
    decomposed = unicodedata.normalize("NFKD", character)
    if decomposed == character:
        return ""
    return "".join(c for c in decomposed if not unicodedata.combining(c) and has_glyph(weight, c))


def drawable(text: str, weight: str) -> str:
    """The text as the card's font can draw it: composed first (NFC: "e" and a
    combining acute accent are the "é" Lato has), then each character without
    a glyph replaced by its `stand_in` ("x² H₂O" stays "x² H2O", not "x² HO"),
    or left out."""
    composed = unicodedata.normalize("NFC", text)
    shown = "".join(c if has_glyph(weight, c) else stand_in(weight, c) for c in composed)
    return " ".join(shown.split())


# Characters that show nothing by themselves: format characters (joiners,
# direction marks), controls, the emoji skin-tone modifiers, and the marks
# that attach to no letter (variation selectors, the combining grapheme
# joiner: combining class 0). Left out alone, nothing the reader would see is
# lost. An accent or a stroke over a letter (combining class above 0) is seen.
UNSEEN_CATEGORIES = frozenset({"Cf", "Cc", "Cs"})
MARK_CATEGORIES = frozenset({"Mn", "Me"})
SKIN_TONES = range(0x1F3FB, 0x1F400)


def _seen(character: str) -> bool:
    category = unicodedata.category(character)
    if category in MARK_CATEGORIES:
        return unicodedata.combining(character) > 0
    return category not in UNSEEN_CATEGORIES and ord(character) not in SKIN_TONES


def _drawn(weight: str, character: str) -> bool:
    return has_glyph(weight, character) or bool(stand_in(weight, character))


# Characters `left_out` has found the font draws (`_drawn`), by weight: a title
# made of them alone (most titles) leaves nothing out, and is not read letter
# by letter again (10,000 titles in every build and check).
_DRAWN: dict[str, set[str]] = {}


def left_out(text: str, weight: str = "bold") -> list[str]:
    """What `drawable` leaves out of the text, for a finding to name: each run
    of characters the font cannot draw (no glyph, no `stand_in`) as it stands
    in the text ("🗳️🗳️", "بواسلو", "投票", "Ω"), once, in order. Marks over a
    letter that do not compose with it into one the font has (a stroke, an
    accent Lato has no precomposed letter for) are named with that letter,
    "z̶̶̶" for the "z" the card draws. A run of characters that show nothing
    by themselves (a zero-width space, a direction mark) is not named."""
    composed = unicodedata.normalize("NFC", text)
    drawn = _DRAWN.setdefault(weight, set())
    if drawn.issuperset(composed):
        return []
    runs: list[str] = []
    base = current = ""
    previous = " "
    for character in composed + " ":
        if _drawn(weight, character):
            drawn.add(character)
            if any(_seen(c) for c in current) and base + current not in runs:
                runs.append(base + current)
            base = current = ""
        else:
            if not current and unicodedata.category(character) in MARK_CATEGORIES:
                # The letter the mark sits on, which the card draws without it.
                base = "" if previous.isspace() else previous
            current += character
        previous = character
    return runs


@lru_cache(maxsize=WORD_CACHE_SIZE)
def word_mask(weight: str, size: int, word: str) -> tuple[Image.Image, int, int]:
    """The word's coverage mask and where its top-left sits relative to the pen."""
    face = font(weight, size)
    left, top, right, bottom = face.getbbox(word)
    mask = Image.new("L", (max(1, right - left), max(1, bottom - top)))
    ImageDraw.Draw(mask).text((-left, -top), word, font=face, fill=255)
    return mask, left, top


def put_text(image: Image.Image, xy: tuple[int, int], text: str, weight: str, size: int, fill):
    """`ImageDraw.text(xy, text)` from cached word masks.

    Each word starts where Pillow lays it out within the whole line (so kerning
    and the width of spaces are Pillow's), rounded to the pixel: at most half a
    pixel away from drawing the line in one go.
    """
    x, y = xy
    face = font(weight, size)
    for match in WORD.finditer(text):
        start = x + (face.getlength(text[: match.start()]) if match.start() else 0)
        mask, left, top = word_mask(weight, size, match.group())
        image.paste(fill, (round(start) + left, y + top), mask)


# Widths measured per process: a card asks for those of its words at each
# size it tries (`fits_whole`, `wrap`) and of its office, date and region line,
# which most cards share.
@lru_cache(maxsize=4 * WORD_CACHE_SIZE)
def text_width(text: str, weight: str, size: int) -> float:
    return font(weight, size).getlength(text)


def wrap(text: str, weight: str, size: int, max_width: int) -> list[str]:
    """Greedy word wrap by measured width. A word longer than a line (a pasted
    address, letters run together) starts a line and is broken over as many
    as it needs (`broken_word`, as a browser's `overflow-wrap: break-word`
    does), so that no text runs off the card."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        if text_width(word, weight, size) > max_width:
            *full, word = broken_word(word, weight, size, max_width)
            lines += [current, *full] if current else full
            current = ""
        candidate = f"{current} {word}".strip()
        if current and text_width(candidate, weight, size) > max_width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


# Where a long word may be broken without a hyphen: after the characters that
# already part it (a pasted address's "/", ".", "-", "_", "?", "&", "=").
BREAKS_AFTER = frozenset("/.-_?&=:,;–—")


def broken_word(word: str, weight: str, size: int, max_width: int) -> list[str]:
    """A word wider than `max_width` in pieces that each fit: each as long as
    fits, ending after a character that parts the word when one does (the
    last of them), else ending in a hyphen. A piece holds one character at
    least, so that the loop ends."""
    pieces: list[str] = []
    rest = word
    while text_width(rest, weight, size) > max_width:
        fits = 1
        while fits < len(rest) and text_width(rest[: fits + 1] + "-", weight, size) <= max_width:
            fits += 1
        parted = max((i + 1 for i in range(fits) if rest[i] in BREAKS_AFTER), default=0)
        if parted:
            pieces.append(rest[:parted])
            rest = rest[parted:]
        else:
            pieces.append(rest[:fits] + "-")
            rest = rest[fits:]
    pieces.append(rest)
    return pieces


def fits_whole(text: str, weight: str, size: int, max_width: int) -> bool:
    """Every word of the text fits a line: the wrap breaks none."""
    return all(text_width(word, weight, size) <= max_width for word in text.split())


def line_height(size: int) -> int:
    return round(size * 1.18)


def fit_title(title: str, max_width: int, max_height: int) -> tuple[int, list[str]]:
    """The largest title size whose lines fit the box, a size that breaks no
    word first; cut with … at the smallest size otherwise."""
    fitting_sizes = []
    for size in TITLE_SIZES:
        lines = wrap(title, "bold", size, max_width)
        fitting = max(1, min(TITLE_MAX_LINES, max_height // line_height(size)))
        if len(lines) <= fitting:
            if fits_whole(title, "bold", size, max_width):
                return size, lines
            fitting_sizes.append((size, lines))
    if fitting_sizes:
        return fitting_sizes[0]
    lines = lines[:fitting]
    last = lines[-1]
    while last and text_width(last + " …", "bold", size) > max_width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    lines[-1] = last + " …"
    return size, lines


def fit_line(text: str, weight: str, size: int, max_width: int) -> str:
    """One line of text that fits `max_width`: as it is, or cut with … (a
    region line naming two long kabupaten, an office's long name)."""
    if text_width(text, weight, size) <= max_width:
        return text
    while text and text_width(text + " …", weight, size) > max_width:
        text = text.rsplit(" ", 1)[0] if " " in text else text[:-1]
    return text + " …"


@cache
def base_card(site_name: str) -> Image.Image:
    """What every card of the site shares: background, bottom band, site name."""
    image = Image.new("P", (WIDTH, HEIGHT), ON_BACKGROUND)
    image.putpalette([value for colour in card_palette() for value in colour])
    ImageDraw.Draw(image).rectangle((0, HEIGHT - BAND_HEIGHT, WIDTH, HEIGHT), fill=ON_BAND)
    if site_name:
        shown = fit_line(drawable(site_name.upper(), "bold"), "bold", 26, WIDTH - 2 * MARGIN)
        put_text(image, (MARGIN, MARGIN - 8), shown, "bold", 26, ON_BACKGROUND + SOFT)
    return image


def draw_card(text: CardText) -> bytes:
    """The card as PNG bytes (16 colours, no metadata); the same bytes in every
    process, whatever its word cache holds."""
    image = base_card(text.site_name).copy()
    inner = WIDTH - 2 * MARGIN
    title = drawable(text.title, "bold")
    # Lines that do not wrap are cut to the card's width (the pill's padding
    # inside it for the region).
    region = fit_line(drawable(text.region, "bold"), "bold", REGION_SIZE, inner - 2 * 18)
    office = fit_line(drawable(text.office, "bold"), "bold", OFFICE_SIZE, inner)
    date = fit_line(drawable(text.date, "regular"), "regular", DATE_SIZE, inner)

    # Top: the site name is in the base; then the region as a pill.
    y = MARGIN - 8
    if text.site_name:
        y += 48
    if region:
        face = font("bold", REGION_SIZE)
        *_, right, bottom = face.getbbox(region)
        x0, y0 = MARGIN + 18, y + 8
        ImageDraw.Draw(image).rounded_rectangle(
            (MARGIN, y, x0 + right + 18, y0 + bottom + 12), radius=10, fill=ON_PILL
        )
        put_text(image, (x0, y0), region, "bold", REGION_SIZE, ON_PILL + FULL)
        y = y0 + bottom + 36
    else:
        y += 24

    # Middle: the title.
    band_top = HEIGHT - BAND_HEIGHT
    size, lines = fit_title(title, inner, band_top - 24 - y)
    for line in lines:
        put_text(image, (MARGIN, y), line, "bold", size, ON_BACKGROUND + FULL)
        y += line_height(size)

    # Bottom band (in the base): office and date.
    put_text(image, (MARGIN, band_top + 22), office, "bold", OFFICE_SIZE, ON_BAND + FULL)
    put_text(image, (MARGIN, band_top + 72), date, "regular", DATE_SIZE, ON_BAND + SOFT)

    buffer = io.BytesIO()
    image.save(buffer, "PNG", **PNG_OPTIONS)
    return buffer.getvalue()
