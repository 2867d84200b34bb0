"""Infer an article's region from its dateline, else from the office named in its lead.

Pure Python (no Pelican import). The dateline is the head of the first paragraph
before a dash, in all the forms staff paste:

    PALEMBANG- …            PALEMBANG – …           Palembang,- …
    Palembang, BWSPLG — …   Palembang, Bawaslu Sumsel – …
    PAGARALAM, SP - …       Palembang (ANTARA) - …  SRIPOKU.COM, PALEMBANG--…
    REL, Pagaralam - …      Martapura (OKU Timur) - …   LUBUK LINGGAU | …
    Palembang, 12 November 2024 – …                 Palembang (27/11/2024) - …
    **PALEMBANG** – …       PALEMBANG ‒ … (figure dash), PALEMBANG − … (minus)
    BATURAJA: …             PALEMBANG-Bawaslu …     LAHAT： … (full-width colon)
    BATURAJA/ANTARA - … (as "Baturaja (ANTARA) -")

Every dash counts (`DASHES`, `HYPHENS`); a colon (`COLONS`), or a hyphen
between two words, only after a place the gazetteer knows ("Catatan: …" is
no dateline). One function says whether a paragraph opens with a dateline,
whatever its separator: `dateline_head`, which both the region (here) and the
summary (release_defaults: the lead without its dateline) read, so that a
dateline the region comes from is never left in the summary, and a head
left in the summary never gives the region.

The head is cut into segments at commas, parentheses and a slash between
words (`_head_parts`); the first segment that
names a place wins (a kabupaten/kota first, then a province, then a kecamatan;
a kecamatan inside the region in parentheses, or of the home province, before
a kabupaten elsewhere: "MESUJI (OKI)", "JAYAPURA (OKU Timur)"). A segment
that names a region, in parentheses or after a comma, narrows the others
("Martapura (Kalsel)", "PENDOPO, Empat Lawang", "Mesuji, Lampung"); in a
dateline without one, the offices of the lead do ("PENDOPO – Bawaslu
Kabupaten Empat Lawang …", "PENDOPO – Panwaslu Kecamatan Pendopo …",
"PENDOPO – Bawaslu PALI …"). A place that still fits several units gives
no region ("PENDOPO –": PALI's town and Kecamatan Pendopo; `read_lead` says
which). If the dateline names no place, the first office named in
the lead ("Bawaslu Kota X", "Bawaslu Kabupaten Y", "Bawaslu Provinsi Z",
"Bawaslu Sumsel", "Bawaslu OKU Timur", "Badan Pengawas Pemilu (Bawaslu)
Kabupaten Y", "Panwaslu Kecamatan K", "Panwascam K") gives the region.

That office, the issuing one (the release is credited to its humas), gives
the region too when the dateline's place is its own seat (aliases.yaml: a
kabupaten's seat, a province's capital) or lies outside its area:
"PALEMBANG – Bawaslu Provinsi Sumatera Selatan …" is the province's,
"JAKARTA – Bawaslu Kabupaten Ogan Komering Ulu …" OKU's. A place strictly
inside its area that is not its seat says more, and stays: "PAGARALAM –
Bawaslu Provinsi Sumatera Selatan …" is Kota Pagar Alam, "GELUMBANG –
Bawaslu Kabupaten Muara Enim …" the kecamatan (`read_lead`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from warta.frontmatter import DRAFT_NOTICE, EMBARGO_NOTICE, HOLD_UNTIL_NOTICE
from warta.read_also import is_read_also, mentions_read_also
from warta.text import plain_text, same_as_title

from .gazetteer import TIER_ALIAS, TIER_KECAMATAN, TIER_OFFICIAL, Gazetteer, Resolution, Unit

_PARAGRAPH_RE = re.compile(r"<p\b[^>]*>(.*?)</p>", re.DOTALL | re.IGNORECASE)
# Every dash staff paste: the figure dash, en dash, em dash, horizontal bar,
# minus sign, two- and three-em dashes and the small em dash; and the hyphens:
# hyphen-minus, hyphen, non-breaking hyphen, small and full-width hyphen-minus.
DASHES = "\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58"
HYPHENS = "\\-\u2010\u2011\ufe63\uff0d"
ANY_DASH = f"[{DASHES}{HYPHENS}]"
# The head runs to the first separator: two hyphens ("--"), a dash, a hyphen
# that has white space on one side (so "SUM-SEL" stays one word), or a bar
# between spaces ("LUBUK LINGGAU | …", as some portals write it). A dash
# between two numbers is a range ("pukul 09.00 - 12.00 WIB", "2023–2028"),
# not the end. (Paragraphs come from `plain_text`: one space between words.)
SEPARATOR = (
    rf"(?:[{HYPHENS}]{{2,}}|(?!(?<=\d){ANY_DASH}+\s?\d|(?<=\d\s){ANY_DASH}+\s?\d)"
    rf"(?:[{DASHES}]{ANY_DASH}*|[{HYPHENS}](?=\s)|(?<=\s)[{HYPHENS}])"
    r"|(?<=\s)\|(?=\s))"
)
DATELINE_RE = re.compile(r"^\s*(?P<head>[^\n]{1,90}?)\s*" + SEPARATOR)
# The colons staff paste: the colon, the full-width colon (an Indonesian or
# Chinese input method's "LAHAT："), the small and the vertical colon.
COLONS = ":\uff1a\ufe55\ufe13"
# Where a head may end only after a place the gazetteer knows (`read_head`):
# a colon ("BATURAJA: …", as the writer's guide shows "LAHAT:"), not one of a
# time ("09:00"); a hyphen between two words ("PALEMBANG-Bawaslu …").
PLACE_SEPARATOR_RE = re.compile(
    rf"\s*(?:[{COLONS}](?!\d)|(?<=[^\s\d])[{HYPHENS}](?=[^\s\d{HYPHENS}]))"
)
# A day, a date or a time set off by a second dash: "PALEMBANG - Kamis
# (14/11/2024) - Bawaslu …".
_SECOND_PART_RE = re.compile(r"\s*(?P<part>[^\n]{1,60}?)\s*" + SEPARATOR)
DAY_NAMES = ("senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad")
MONTH_NAMES = [
    "januari",
    "pebruari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "nopember",
    "november",
    "desember",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "agu",
    "agt",
    "agus",
    "sep",
    "sept",
    "okt",
    "nov",
    "nop",
    "des",
]
# Words of a time or of a range of days or dates: "pukul 09.00 WIB", "Senin
# s.d. Rabu", "2 sampai dengan 4 November", "Sabtu dan Minggu".
_TIME_WORDS = (
    "pukul",
    "wib",
    "wita",
    "wit",
    "s.d.",
    "s.d",
    "s/d",
    "sd",
    "sampai",
    "dengan",
    "hingga",
    "dan",
)
# A dash between two day names is a range of days, not the dateline's end:
# "Senin–Rabu (2–4/11/2026)", "Senin - Rabu".
_DAY_RANGE_RE = re.compile(
    rf"\b(?:{'|'.join(DAY_NAMES)})\s*(?P<dash>{ANY_DASH}+)\s*(?=(?:{'|'.join(DAY_NAMES)})\b)",
    re.IGNORECASE,
)
_RANGE_DASHES_RE = re.compile(rf"[{DASHES}{HYPHENS}/]+")
_DATE_TOKEN_RE = re.compile(rf"[\d/.:,(){DASHES}{HYPHENS}]+")
_SEGMENT_RE = re.compile(r"\(([^()]*)\)|([^,()]+)")
_EMPHASIS = "*_\"'“”‘’`"
MAX_HEAD_WORDS = 10
MAX_HEAD_CHARS = 90  # as DATELINE_RE reads a head
# A Bawaslu office, in every form staff write: "Bawaslu", "BAWASLU", the
# formal first mention "Badan Pengawas Pemilu (Bawaslu)" (or "… Pemilihan
# Umum …", with or without the abbreviation), "Bawaslu (Badan Pengawas
# Pemilu)", and a hyphen after it ("Bawaslu-Kabupaten Ogan Ilir").
_BADAN = r"badan\s+pengawas\s+(?:pemilu|pemilihan\s+umum)"
_OFFICE_RE = re.compile(
    rf"(?i:\b(?:{_BADAN}(?:\s*\(\s*bawaslu\s*\))?|bawaslu(?:\s*\(\s*{_BADAN}\s*\))?))"
    rf"(?:\s*[{HYPHENS}]\s*|\s+)"
)
# A kecamatan's office: "Panwaslu Kecamatan Pendopo", "Panwaslu Kec. Pendopo",
# "Panwascam Pendopo", "Pengawas Pemilu Kecamatan Sako", "PANWASLU KECAMATAN SAKO", in any case.
_KECAMATAN_OFFICE_RE = re.compile(
    r"(?i:\b(?:(?:panwaslu|panwas|(?:panitia\s+)?pengawas\s+(?:pemilu|pemilihan\s+umum))"
    r"\s+(?:kecamatan\b|kec\.)|panwascam\b))"
    rf"(?:\s*[{HYPHENS}]\s*|\s+|(?<=\.))"
)
# The level words that start the region after a kecamatan's name.
_REGION_WORDS = frozenset({"kabupaten", "kab", "kota", "provinsi", "prov"})
# A word of an office's name, to its punctuation: a word written on after a
# full stop or a comma with no space ("Ogan Ilir.mengikuti") is the next one.
_WORD_RE = re.compile(r"[^\s.,;:)]+[.,;:)]*|[.,;:)]+")
MAX_OFFICE_WORDS = 7
# "Bawaslu Kab. OKU Timur", "Bawaslu Prov. Sumsel": a dot that ends no name.
_LEVEL_ABBREVIATIONS = frozenset({"kab", "prov", "kec"})
# A word this short before a dot is an abbreviation inside a name ("BTS. Ulu").
MAX_ABBREVIATION = 3

PLACE_STEPS = (
    ((TIER_OFFICIAL, TIER_ALIAS), ("kabupaten", "kota")),
    ((TIER_OFFICIAL, TIER_ALIAS), ("provinsi",)),
    ((TIER_KECAMATAN,), ("kecamatan",)),
)


@dataclass(frozen=True)
class Segment:
    text: str
    in_parentheses: bool


@dataclass(frozen=True)
class Inference:
    """An inferred unit, where it came from ("dateline" or "lead") and the words used."""

    unit: Unit
    source: str
    evidence: str


# A release's letterhead, pasted above its lead: "SIARAN PERS", "Nomor:
# 045/HM.01/K.SS/11/2024", "Untuk segera diterbitkan". Not the lead.
_LETTERHEAD_RE = re.compile(
    r"^(?:(?:siaran\s+pers|press\s+release|rilis(?:\s+pers)?|berita\s+pers"
    r"|untuk\s+(?:segera\s+)?(?:diterbitkan|disiarkan|dipublikasikan))\b|nomor\s*:|no\.\s*:)",
    re.IGNORECASE,
)
# A release's label or embargo notice alone, written as a sentence: "Untuk
# disiarkan segera.", "SIARAN PERS.", "Embargo hingga Senin (3/11/2026) pukul
# 10.00 WIB."
_LABEL_LINE_RE = re.compile(
    r"(?:siaran\s+pers|press\s+release|rilis\s+pers|berita\s+pers"
    r"|untuk\s+(?:segera\s+)?(?:diterbitkan|disiarkan|dipublikasikan)(?:\s+segera)?"
    r"|" + EMBARGO_NOTICE + r"|" + HOLD_UNTIL_NOTICE + r"|" + DRAFT_NOTICE + r")[.!]?",
    re.IGNORECASE,
)
MAX_LETTERHEAD_CHARS = 120


def is_letterhead(text: str) -> bool:
    """A short paragraph of the release's letterhead (`_LETTERHEAD_RE`), not a
    sentence ("Rilis ini disampaikan … ." is the lead), or a label or an
    embargo notice alone (`_LABEL_LINE_RE`)."""
    text = text.strip(_EMPHASIS + " ")
    if len(text) > MAX_LETTERHEAD_CHARS:
        return False
    if _LABEL_LINE_RE.fullmatch(text):
        return True
    return not text.endswith((".", "!", "?")) and bool(_LETTERHEAD_RE.match(text))


_IMAGE_RE = re.compile(r"<img\b", re.IGNORECASE)
_IMAGE_TAG_RE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
# The lines of a paragraph as Markdown keeps them (a line end, or a <br>).
_LINE_BREAK_RE = re.compile(r"\s*(?:<br\b[^>]*>\s*|\n)+", re.IGNORECASE)
# A paragraph that is one emphasised run: a caption or a subheading.
_EMPHASISED_RE = re.compile(
    r"^\s*(?:<(em|strong|i|b)\b[^>]*>\s*)+(?P<inner>.*?)(?:\s*</(?:em|strong|i|b)>)+\s*$",
    re.DOTALL | re.IGNORECASE,
)
# A photo's caption or credit: "Foto: …", "(Foto/Humas)", "Dok. Humas …".
_CAPTION_RE = re.compile(
    r"^\(?\s*(?:foto|dok(?:umentasi)?|sumber\s+foto|ilustrasi|keterangan\s+foto)\b\s*[:/.]",
    re.IGNORECASE,
)
# An editor's note above the lead, in bold or not: "Koreksi: nama kecamatan
# diperbaiki …", "Ralat: berita ini diperbarui …", "Catatan Redaksi: …",
# "Pembaruan:", "Update:".
_CORRECTION_NOTE_RE = re.compile(
    r"^\(?\s*(?:koreksi|ralat|revisi|catatan\s+redaksi|pembaruan|pemutakhiran|update|updated"
    r"|editor'?s\s+note|correction)\b\s*(?:\(\s*[^()]*\))?\s*[:：]",
    re.IGNORECASE,
)
MAX_LABEL_WORDS = 8
MAX_HEADING_WORDS = 16
_CONNECTORS = frozenset(
    ["dan", "di", "ke", "dari", "untuk", "pada", "yang", "se", "atau", "serta", "dalam", "oleh"]
)


_SENTENCE_ENDS = (".", "!", "?", "…", '"', "”", "’", "'")


def _is_label(text: str) -> bool:
    """A short line that is no sentence: an office's name under the letterhead
    ("Bawaslu Kota Prabumulih"), a subheading ("Pengawasan Hari Pemungutan
    Suara")."""
    words = text.split()
    return (
        len(words) <= MAX_LABEL_WORDS
        and not text.endswith((".", "!", "?", "…", ":", ";", ",", '"', "”"))
        and read_head(text) is None
        and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _CONNECTORS for w in words)
    )


def _is_aside(
    inner_html: str, text: str, after_image: bool, next_text: str = "", is_place=None
) -> bool:
    """A paragraph above the lead that is not its first words: a caption
    beside or below a photo, a credit, a subheading, a label, an editor's
    note (`Koreksi: …`, `Ralat: …`) above a paragraph that opens with the
    dateline, a release's label or embargo notice in bold or italics above
    the dateline
    (`next_text`: the paragraph after it; `is_place`: see `is_dateline`)."""
    if _CAPTION_RE.match(text) or _is_label(text):
        return True
    if _CORRECTION_NOTE_RE.match(text) and _opens_with_place(next_text, is_place):
        return True  # an editor's note above the dateline
    if _IMAGE_RE.search(inner_html):
        return True  # a photo and its caption in one paragraph
    if _EMPHASISED_RE.match(inner_html):
        # A lead set wholly in bold or italics opens with its dateline ("BATURAJA
        # – Bawaslu …"), even right under a photo. Else, under a photo, the
        # photo's caption; above a paragraph that opens with the dateline, a
        # label ("**Untuk disiarkan segera.**", "*Embargo hingga …*"); elsewhere
        # a subheading when short and not a sentence (a bold quote or sentence
        # is the lead).
        head = read_head(text, is_place)
        if head is not None and _SENTENCE_START_RE.match(text[head.end :]):
            return False
        if after_image or _opens_with_dateline(next_text, is_place):
            return True
        return len(text.split()) <= MAX_HEADING_WORDS and not text.endswith(_SENTENCE_ENDS)
    return False


def _opens_with_dateline(paragraph: str, is_place=None) -> bool:
    """Whether a paragraph opens with a dateline (`is_dateline`), or is one
    alone ("PRABUMULIH –"); not a name set off by dashes ("Rudi Hartono –
    Ketua … –"), when `is_place` knows the places."""
    return dateline_head(paragraph, is_place) is not None


def _opens_with_place(paragraph: str, is_place=None) -> bool:
    """Whether a paragraph opens with a dateline (`_opens_with_dateline`), or
    with a head that names a place the gazetteer knows (`is_place`), whatever
    follows it ("SEKAYU – jajaran pengawas …")."""
    if _opens_with_dateline(paragraph, is_place):
        return True
    return is_place is not None and any(
        is_place(s.text) for s in dateline_segments(paragraph, is_place)
    )


def _lead_below_photo(inner_html: str, is_place=None) -> str | None:
    """The HTML from the first line after a paragraph's last photo that opens
    with a dateline (`_opens_with_place`): the lead written under the photo,
    in the photo's paragraph (`![…](…)` then `SEKAYU – …`, a caption's line
    between them or not). None when no line there does (a caption), or there
    is no photo."""
    if not _IMAGE_RE.search(inner_html):
        return None
    below = _IMAGE_TAG_RE.split(inner_html)[-1]
    lines = _LINE_BREAK_RE.split(below)
    for index, line in enumerate(lines):
        text = plain_text(line)
        if text and _opens_with_place(text, is_place):
            return "\n".join(lines[index:])
    return None


# A headline pasted above the lead is no sentence, and no longer than this.
MAX_HEADLINE_WORDS = 25


def _is_headline_shape(text: str, is_place=None) -> bool:
    """A line that reads as a headline: no sentence (it ends with no full stop,
    colon or quote), at most MAX_HEADLINE_WORDS words, and no dateline of its
    own."""
    text = text.strip(_EMPHASIS + " ")
    return (
        bool(text)
        and len(text.split()) <= MAX_HEADLINE_WORDS
        and not text.endswith((*_SENTENCE_ENDS, ":", ";", ","))
        and not _opens_with_dateline(text, is_place)
    )


def is_headline(text: str, title: str = "", is_place=None) -> bool:
    """A headline pasted above the lead, not its first words: the release's
    Title again (`fold`ed: case, accents and punctuation aside), or a line all
    in capitals that is no sentence ("BAWASLU OKU TIMUR TEMUKAN DUA DUGAAN
    PELANGGARAN …"). A lead in capitals opens with its dateline, and is none."""
    if title and same_as_title(text, title):
        return True
    if not _is_headline_shape(text, is_place):
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters) and len(text.split()) > 1


def _lead_below_headline(inner_html: str, title: str = "", is_place=None) -> str | None:
    """The HTML from the line of a paragraph where its lead starts, when a
    headline was pasted on the lines above it with no blank line between (a
    chat's paste): the first line that opens with a dateline, below lines
    that read as headlines (`_is_headline_shape`); or the line after a
    headline (`is_headline`: the Title again, or in capitals). None when the
    paragraph opens with its lead."""
    lines = _LINE_BREAK_RE.split(inner_html)
    if len(lines) < 2:
        return None
    texts = [plain_text(line) for line in lines]
    above = False  # a line with text above this one, every such line a headline's shape
    for index in range(1, len(lines)):
        if texts[index - 1]:  # each line is tested once, as it joins the lines above
            if not _is_headline_shape(texts[index - 1], is_place):
                break
            above = True
        if not above:
            break
        if _opens_with_dateline(texts[index], is_place):
            return "\n".join(lines[index:])
    if is_headline(texts[0], title, is_place) and any(texts[1:]):
        return "\n".join(lines[1:])
    return None


def _shown_paragraphs(content_html: str):
    """The inner HTML of each paragraph as the page shows it: its BACA JUGA
    lines (`warta.read_also.is_read_also`, every spelling the read_also
    plugin knows) left out, and the lines between them paragraphs of their
    own, as that plugin splits them (`plugins/read_also/lines.py:rewrite`)."""
    for match in _PARAGRAPH_RE.finditer(content_html or ""):
        inner = match.group(1)
        if not mentions_read_also(inner):
            yield inner
            continue
        kept: list[str] = []
        for line in inner.split("\n"):
            if not is_read_also(plain_text(line)):
                kept.append(line)
            elif kept:
                yield "\n".join(kept)
                kept = []
        if kept:
            yield "\n".join(kept)


def first_paragraph(content_html: str, is_place=None, title: str = "") -> str:
    """Plain text of the lead: the first paragraph that has text, past the
    letterhead ("SIARAN PERS", "Nomor: …"), a photo's caption or credit, a
    subheading or a label above it, when a paragraph follows them. A dateline
    alone in its paragraph ("PRABUMULIH –") heads the paragraph after it; a
    paragraph that opens with a photo and has the dateline below it is the
    lead from there (`_lead_below_photo`). `is_place`: whether the gazetteer
    knows a place of those words (see `is_dateline`), to tell the dateline
    below a label in bold or a photo.

    A headline pasted above the lead is not the lead: a paragraph that is no
    sentence above one that opens with the dateline, the release's `title`
    again, or a headline in capitals (`is_headline`), in a paragraph of its
    own or on the lines above the lead's (`_lead_below_headline`). Nor is a
    BACA JUGA line, in a paragraph of its own or inside the lead's
    (`_shown_paragraphs`)."""
    # The paragraphs are read as far as the lead needs (the next one's text
    # at most), not the whole body.
    # (a letterhead is read as none, each paragraph tested once)
    read = (p for p in _read_paragraphs(content_html, is_place, title) if not is_letterhead(p[0]))
    paragraphs: list[tuple[str, str, bool]] = []

    def following(index: int) -> str | None:
        """The text of the paragraph after `index`, None when there is none."""
        while len(paragraphs) <= index + 1:
            paragraph = next(read, None)
            if paragraph is None:
                return None
            paragraphs.append(paragraph)
        return paragraphs[index + 1][0]

    index = -1
    while following(index) is not None:
        index += 1
        text, inner, after = paragraphs[index]
        later = following(index)
        head = read_head(text, is_place)
        if head is not None and not text[head.end :].strip() and later:
            return f"{text} {later}"  # "PRABUMULIH –" alone, then the lead
        if later and _is_aside(inner, text, after, later, is_place):
            continue
        if later and (
            is_headline(text, title, is_place)
            or (_is_headline_shape(text, is_place) and _opens_with_dateline(later, is_place))
        ):
            continue  # a headline pasted above the lead
        return text
    return ""


def _read_paragraphs(content_html: str, is_place, title: str):
    """(plain text, inner HTML, whether a photo is right above it) of each
    paragraph with text, for `first_paragraph`."""
    after_image = False
    for inner in _shown_paragraphs(content_html):
        below = _lead_below_photo(inner, is_place)
        if below is not None:
            inner, after_image = below, True
        inner = _lead_below_headline(inner, title, is_place) or inner
        text = plain_text(inner)
        if not text:
            after_image = after_image or bool(_IMAGE_RE.search(inner))
            continue
        yield text, inner, after_image
        after_image = False


def is_date_part(text: str) -> bool:
    """A day, a date or a time and nothing else: "Kamis (14/11/2024)", "12
    November 2024", "pukul 09.00 - 12.00 WIB", "27/11"."""
    words = text.strip(_EMPHASIS + " ,.()").split()
    if not words:
        return False
    dated = False
    for word in words:
        bare = word.strip(_EMPHASIS + ",()").lower()
        if _is_day_range(bare):
            dated = True
        elif bare in DAY_NAMES or bare.rstrip(".") in MONTH_NAMES:
            dated = dated or bare in DAY_NAMES or any(c.isdigit() for c in text)
        elif _DATE_TOKEN_RE.fullmatch(bare):
            dated = dated or any(c.isdigit() for c in bare)
        elif bare not in _TIME_WORDS:
            return False
    return dated


def _is_day_range(word: str) -> bool:
    """Day names joined by dashes or a slash: "senin-rabu", "sabtu/minggu"."""
    days = _RANGE_DASHES_RE.split(word)
    return len(days) > 1 and all(day in DAY_NAMES for day in days)


@dataclass(frozen=True)
class Head:
    """A paragraph's dateline head as written (emphasis left out) and where the
    text after its separator starts."""

    text: str
    end: int


# Remembered for the last paragraphs read: the lead's is read with its place
# reader for the lead itself, its headline tests and its dateline's segments.
@functools.lru_cache(maxsize=256)
def read_head(paragraph: str, is_place=None) -> Head | None:
    """The head before the first separator, with the days, dates or times set
    off by more ("PALEMBANG - Kamis (14/11/2024) - …", "PALEMBANG – Senin (2/11)
    – Rabu (4/11/2026) – …"); a dash between two day names is a range inside
    the dateline ("Indralaya – Senin–Rabu (2–4/11/2026) – …"). With `is_place`
    (see `is_dateline`), a colon or a hyphen between words ends the head too,
    after a place the gazetteer knows ("BATURAJA: …", "PALEMBANG-Bawaslu …";
    `is_place_head`), never after other words ("Catatan: …", "Waktu: …"), nor
    inside a place's name ("SUM-SEL – …", "OKU-Timur – …"). None when the
    paragraph has no separator, or more words before it than a dateline has."""
    # The separators are read with each range of days' dash masked.
    masked = _DAY_RANGE_RE.sub(
        lambda m: m.group(0).replace(m.group("dash"), "~" * len(m.group("dash"))), paragraph
    )
    start = len(paragraph) - len(paragraph.lstrip(_EMPHASIS + " "))
    match = DATELINE_RE.match(masked[start:])
    found = None  # (head start, head end, end of the separator)
    if match:
        found = (start + match.start("head"), start + match.end("head"), start + match.end())
    if is_place is not None:
        limit = found[1] if found else min(len(masked), start + MAX_HEAD_CHARS)
        for separator in PLACE_SEPARATOR_RE.finditer(masked, start, limit):
            if separator.group().strip() not in COLONS and is_place(
                _hyphenated(paragraph, separator)
            ):
                continue  # inside a place's name: "SUM-SEL", "OKU-Timur"
            if is_place_head(paragraph[start : separator.start()], is_place):
                found = (start, separator.start(), separator.end())
                break
    if found is None:
        return None
    head = paragraph[found[0] : found[1]].strip(_EMPHASIS + " ,")
    if not head or len(head.split()) > MAX_HEAD_WORDS:
        return None
    end = found[2]
    while second := _SECOND_PART_RE.match(masked, end):
        part = paragraph[second.start("part") : second.end("part")].strip()
        if not is_date_part(part):
            break
        head, end = f"{head}, {part}", second.end()
    return Head(head, end)


def _head_segments(head: str, is_place=None) -> list[str]:
    """A head's segments (`_head_parts`), as text."""
    return [text for text, _in_parentheses in _head_parts(head, is_place)]


def _head_parts(head: str, is_place=None) -> list[tuple[str, bool]]:
    """A head's segments, cut at commas and parentheses (`_SEGMENT_RE`), and
    at a slash between words as a portal writes its agency ("BATURAJA/ANTARA",
    read as "Baturaja (ANTARA)"), unless the words with the slash name a place
    (`is_place`) or hold a date ("27/11/2024"): (text, whether in parentheses),
    emphasis and end marks left out."""
    parts = []
    for inner, outer in _SEGMENT_RE.findall(head):
        raw = inner or outer
        pieces = [raw]
        if "/" in raw and not any(c.isdigit() for c in raw):
            whole = raw.strip(_EMPHASIS + " .;" + COLONS)
            if is_place is None or not is_place(whole):
                pieces = raw.split("/")
        for piece in pieces:
            if cleaned := piece.strip(_EMPHASIS + " .;" + COLONS):
                parts.append((cleaned, bool(inner)))
    return parts


_WORD_EDGE = " ,()"
_LATIN_LETTER_RE = re.compile(r"[A-Za-z]")


def _hyphenated(paragraph: str, separator: re.Match) -> str:
    """The word a hyphen between words joins ("SUM-SEL"), emphasis left out."""
    left, right = separator.start(), separator.end()
    while left > 0 and paragraph[left - 1] not in _WORD_EDGE:
        left -= 1
    while right < len(paragraph) and paragraph[right] not in _WORD_EDGE:
        right += 1
    return paragraph[left:right].strip(_EMPHASIS)


def is_place_head(head: str, is_place) -> bool:
    """Whether the words before a colon or a hyphen between words are a
    dateline (`read_head`): a place the gazetteer knows or a code first
    ("BATURAJA", "REL, Pagaralam"), then only places, dates, codes and offices
    ("LAHAT, Senin (2/11/2026)", "Palembang, Bawaslu Sumsel"). Not a label
    ("Catatan", "WAKTU", "Foto"), a name or a role ("Ketua Bawaslu Lahat")."""
    head = head.strip(_EMPHASIS + " ,")
    if not head or len(head.split()) > MAX_HEAD_WORDS:
        return False
    kinds = [_segment_kind(segment, is_place) for segment in _head_segments(head, is_place)]
    return (
        bool(kinds) and kinds[0] in ("P", "C") and "P" in kinds and not {"O", "G", "U"} & set(kinds)
    )


# Degrees written after a name ("Rudi Hartono, SH, MH", "Muslim, S.Pd"): in
# capitals, and no news agency or office code. A word with a dot inside it
# ("S.H.", "M.KOM", "SE.I") is one too, unless it is a portal's address.
DEGREES = frozenset(
    [
        "SH",
        "SE",
        "MH",
        "MM",
        "MSI",
        "MPD",
        "SPD",
        "SSOS",
        "SIP",
        "SKOM",
        "ST",
        "SAG",
        "AMD",
        "LC",
        "DR",
        "DRS",
        "DRA",
        "IR",
        "PROF",
        "H",
        "HJ",
        "SHI",
        "MAG",
        "MKN",
        "SS",
        "SSI",
        "MT",
        "MKES",
        "SKM",
        "SKEP",
        "SPSI",
        "MPSI",
        "SHUT",
        "SSTP",
        "MAP",
        "MHUM",
        "MA",
        "ME",
        "MBA",
        "MPA",
        "SP",
        "SEI",
        "MKOM",
        "MIKOM",
        "SIKOM",
        "SPDI",
        "MPDI",
        "SKED",
        "SFARM",
        "APT",
        "CPA",
        "MSC",
        "PHD",
        "SHUM",
        "MTI",
        "STP",
        "SPT",
        "SPI",
    ]
)
_ADDRESS_ENDS = (".COM", ".ID", ".NET", ".ORG", ".CO", ".TV", ".NEWS")
# Words of an institution or a person's role: a head made of them is the
# subject of the sentence set off by dashes ("Ketua Bawaslu Sumsel – Bapak
# Andi – membuka …"), unless a place stands beside it ("Palembang, Bawaslu
# Sumsel – …").
ROLE_WORDS = frozenset(
    [
        "bawaslu",
        "panwaslu",
        "panwascam",
        "panwaslih",
        "kpu",
        "kpud",
        "dkpp",
        "dprd",
        "dpd",
        "dpr",
        "pemkab",
        "pemkot",
        "pemprov",
        "pemda",
        "polres",
        "polresta",
        "polda",
        "polsek",
        "polri",
        "tni",
        "kodim",
        "korem",
        "koramil",
        "satpol",
        "ketua",
        "anggota",
        "koordinator",
        "kordiv",
        "kepala",
        "staf",
        "tim",
        "bapak",
        "ibu",
        "sdr",
        "sekretariat",
        "sekretaris",
        "humas",
        "kapolres",
        "kapolda",
        "kapolsek",
        "camat",
        "lurah",
        "bupati",
        "walikota",
        "wali",
        "wakil",
        "gubernur",
        "akbp",
        "akp",
        "kompol",
        "kombes",
        "brigjen",
        "iptu",
        "ipda",
        "aiptu",
        "letkol",
        "kolonel",
        "mayor",
        "kapten",
        "dandim",
        "danrem",
        "kh",
        "ustadz",
        "menurut",
        "jajaran",
        "pengawas",
        "komisioner",
        "penyelenggara",
        "warga",
    ]
)


def _segment_kind(text: str, is_place) -> str:
    """P a place, D a date or time, C a code in capitals (REL, ANTARA,
    SRIPOKU.COM), G degrees, I an institution or a role, U capitalised words
    (a town the gazetteer does not know, or a name), O anything else."""
    words = text.split()
    if is_date_part(text):
        return "D"
    letters = text.replace(".", "").replace(" ", "")
    if text.isupper():
        tokens = [w.strip(",") for w in words]
        if all(
            t.replace(".", "") in DEGREES or ("." in t.strip(".") and not t.endswith(_ADDRESS_ENDS))
            for t in tokens
        ):
            return "G"
    if any(w.strip(".,").lower() in ROLE_WORDS for w in words):
        return "I"
    if is_place is not None and is_place(text):
        return "P"
    if text.isupper() and len(letters) > 1:
        return "C"
    if all(w[:1].isupper() or w[:1].isdigit() for w in words) and len(words) <= 4:
        return "P" if is_place is None else "U"
    return "O"


# What follows a dateline opens a sentence: "Kabupaten Muara Enim – salah satu
# daerah rawan – menjadi …" is a subject set off by dashes.
_SENTENCE_START_RE = re.compile(r"[\s*_]*[A-Z0-9“\"‘'(\[]")
_DATE_START_RE = re.compile(
    rf"[\s*_]*(?:(?:{'|'.join(DAY_NAMES)})\b|\(?\d{{1,2}}(?:[/.]\d{{1,2}}|\s+[a-z]+\s+\d{{4}}))",
    re.IGNORECASE,
)


def is_dateline(head: str, rest: str, is_place=None) -> bool:
    """Whether a head (`read_head`) is a dateline, not a subject set off by
    dashes. `is_place(words)` says whether the gazetteer knows a place of that
    name; None without one (then capitalised words count as a place).

    A dateline is followed by a sentence, holds nothing but places, dates,
    codes and offices, and has a place ("Palembang, Bawaslu Sumsel", "Kab.
    Muara Enim", "PAGARALAM, SP"), or opens with a code in capitals ("REL,
    Pagaralam", "SRIPOKU.COM, …"), or is all in capitals ("SUKAMAJU"), or is
    a town the gazetteer does not know with a date or a code ("Gumawang, Senin
    (11/11/2024)", "Tanjung Enim (ANTARA)"). Not a name with degrees ("Rudi
    Hartono, SH, MH"), a role ("Ketua Bawaslu Sumsel"), an office with a date
    ("Bawaslu OKU Timur, Senin (9/11)"), nor a day and a time alone.

    The sentence may open in lower case after a place the gazetteer knows,
    whatever the separator ("SEKAYU – jajaran pengawas …", "Muara Enim: rapat
    koordinasi …"), unless a second separator closes what follows within a
    head's length: then the place is the subject, set off by dashes
    ("Palembang – kota terbesar di Sumatera Selatan – menjadi …")."""
    kinds = [_segment_kind(segment, is_place) for segment in _head_segments(head, is_place)]
    if not kinds or "O" in kinds:
        return False
    if not _SENTENCE_START_RE.match(rest) and (
        is_place is None or "P" not in kinds or _SECOND_PART_RE.match(rest)
    ):
        return False
    if kinds[-1] == "D" and _DATE_START_RE.match(rest):
        return False  # a date, a dash, a date: a range of days ("Kamis (14/11) - Sabtu …")
    if "P" in kinds or all(kind == "D" for kind in kinds):
        return True  # a place; or a date alone ("Senin (11/11/2024) – …")
    if kinds[0] == "C":
        return True
    if "G" in kinds or "I" in kinds:
        return False
    if (head.isupper() and "U" in kinds) or "C" in kinds:
        return True
    return kinds[0] == "U" and len(kinds) > 1 and all(k == "D" for k in kinds[1:])


@functools.lru_cache(maxsize=256)  # as read_head
def dateline_head(paragraph: str, is_place=None) -> Head | None:
    """The paragraph's dateline: the head before its first separator
    (`read_head`, every separator form) when it is a dateline (`is_dateline`)
    or stands alone ("PRABUMULIH –"); None otherwise. The one reading of a
    dateline: the region comes from it (`dateline_segments`) and the summary
    leaves it out (release_defaults' `without_dateline`). `is_place`: see
    `is_dateline`."""
    head = read_head(paragraph, is_place)
    if head is None:
        return None
    rest = paragraph[head.end :].strip()
    return head if not rest or is_dateline(head.text, rest, is_place) else None


def written_places(paragraph: str, is_place=None) -> list[str]:
    """The segments of the head before a paragraph's first separator
    (`read_head`) written as a place is, in capitals or capitalised words
    (no date, role or degree), whether or not the gazetteer knows them: a
    misspelt place ("PALEMBNG – pengawas …", "KOTA BATURAJA – …"), which
    no dateline is read from, to suggest the closest names for."""
    head = read_head(paragraph, is_place)
    if head is None:
        return []
    return [
        text
        for text, _in_parentheses in _head_parts(head.text, is_place)
        if _LATIN_LETTER_RE.search(text) and _segment_kind(text, is_place) in ("P", "C", "U")
    ]


def dateline_segments(paragraph: str, is_place=None) -> list[Segment]:
    """The dateline of a paragraph (`dateline_head`) cut into segments; []
    when it has none."""
    found = dateline_head(paragraph, is_place)
    if found is None:
        return []
    return [
        Segment(text, in_parentheses)
        for text, in_parentheses in _head_parts(found.text, is_place)
        if _LATIN_LETTER_RE.search(text)
    ]


def read_place(
    gazetteer: Gazetteer, text: str, *, context=(), home: str | None = None
) -> Resolution | None:
    """A place as a town would be written: kabupaten/kota, then province, then
    kecamatan. The unit found, else the first step's answer (a unit far from
    the context and the home province, or the units a name fits); None when
    the words name no place. A name that fits several units inside the
    context (or the home province) stops there: no later step picks one of
    them ("PENDOPO": PALI's town and Kecamatan Pendopo of Empat Lawang)."""
    if not _LATIN_LETTER_RE.search(text):
        return None
    first = None
    for tiers, levels in PLACE_STEPS:
        found = gazetteer.resolve(text, context=context, home=home, tiers=tiers, levels=levels)
        if found.unit and gazetteer.is_near(found.unit, context, home):
            return found
        near = [u for u in found.candidates if gazetteer.is_near(u, context, home)]
        if found.problem == "ambiguous" and len(near) > 1:
            return found
        if levels == ("kecamatan",):
            # A kecamatan far from the context and the home province is no
            # town a dateline names alone: more likely a person ("Indra Jaya –").
            break
        if found.unit or found.problem == "ambiguous":
            # A town elsewhere, or a name of several: a later step may hold the
            # place inside the context or the home province (gazetteer rule 5).
            first = first or found
    return first


def resolve_place(
    gazetteer: Gazetteer, text: str, *, context=(), home: str | None = None
) -> Unit | None:
    """The unit `read_place` finds. An ambiguous name gives None: inference
    never guesses."""
    found = read_place(gazetteer, text, context=context, home=home)
    return found.unit if found else None


def names_a_place(gazetteer: Gazetteer, words: str, home: str | None = None) -> bool:
    """Whether a dateline's words name a place as `resolve_place` reads one, or
    a town several kabupaten/kota share ("Bogor"): a place all the same for
    the summary, though the region is not guessed."""
    if resolve_place(gazetteer, words, home=home) is not None:
        return True
    for tiers, levels in PLACE_STEPS[:2]:
        if gazetteer.resolve(words, home=home, tiers=tiers, levels=levels).problem == "ambiguous":
            return True
    return False


MAX_PLACES = 20000  # words a place reader remembers


@functools.lru_cache(maxsize=8)
def place_reader(gazetteer: Gazetteer, home: str | None = None):
    """`is_place` for `is_dateline` and `first_paragraph`: `names_a_place`,
    remembered for the words a build's datelines repeat. One reader per
    gazetteer and home province, so that what is read with it is remembered
    too (`read_head`, `dateline_head`)."""

    @functools.lru_cache(maxsize=MAX_PLACES)
    def is_place(words: str) -> bool:
        return names_a_place(gazetteer, words, home)

    return is_place


@dataclass(frozen=True)
class Ambiguity:
    """A place of the dateline that fits several units, narrowed to one
    neither by the dateline nor by the offices of the lead."""

    words: str
    candidates: tuple[Unit, ...]


def from_dateline(
    gazetteer: Gazetteer, paragraph: str, home: str | None, offices: Sequence[Unit] = ()
) -> Inference | None:
    """The place of the dateline (`read_dateline`)."""
    return read_dateline(gazetteer, paragraph, home, offices)[0]


def read_dateline(
    gazetteer: Gazetteer, paragraph: str, home: str | None, offices: Sequence[Unit] = ()
) -> tuple[Inference | None, Ambiguity | None]:
    """The place of the dateline, else the first of its places that fits
    several units. Every segment that names a kabupaten/kota or a province
    narrows the others, in parentheses or after a comma: "Martapura
    (Kalsel)", "PENDOPO, Empat Lawang", "Mesuji, Lampung". A dateline
    without one is narrowed by the region the lead names the place with
    (`_named_with`: "… di Jayapura, Papua"), else, when no reading of it
    lies inside that region, by the offices of the lead (`lead_offices`):
    "PENDOPO – Bawaslu Kabupaten Empat Lawang …" is its kecamatan Pendopo,
    "PENDOPO – Bawaslu PALI …" PALI. A place found nowhere inside them keeps
    its own reading; a name that still fits two is never guessed."""
    segments = dateline_segments(paragraph, place_reader(gazetteer, home))
    if not segments:
        return None, None
    regions: list[Unit | None] = []
    for segment in segments:
        unit = resolve_place(gazetteer, segment.text, home=home)
        regions.append(unit if unit and unit.level != "kecamatan" else None)
    fallback = None
    ambiguity = None
    for index, segment in enumerate(segments):
        if segment.in_parentheses:
            continue
        contexts = [[u.code for i, u in enumerate(regions) if u and i != index]]
        if not contexts[0]:
            named = _named_with(gazetteer, paragraph, segment.text, home)
            contexts = [c for c in (named, [u.code for u in offices]) if c] or [[]]
        for context in contexts:  # the region the lead names it with, else its offices
            found = read_place(gazetteer, segment.text, context=context, home=home)
            unit = found.unit if found else None
            if unit and (not context or gazetteer.is_near(unit, context, home)):
                return Inference(unit, "dateline", segment.text), None
            if found and any(gazetteer.is_near(u, context, home) for u in found.candidates):
                break  # a place of two inside that region ("di Jayapura, Papua")
        fallback = fallback or (unit and Inference(unit, "dateline", segment.text))
        if found and found.problem == "ambiguous" and ambiguity is None:
            ambiguity = Ambiguity(segment.text, tuple(found.candidates))
    if fallback:
        return fallback, None
    named = [u for u, s in zip(regions, segments, strict=True) if u and s.in_parentheses]
    if named:
        return Inference(named[0], "dateline", segments[0].text), None
    return None, ambiguity


# The lead naming a place again with its region: "di Jayapura, Papua",
# "Jayapura (Papua)", "di Kota Jayapura". `{}`: the place's words. The level
# and the place in any case ("PENDOPO", "Pendopo"); the region only in
# capitals, a name ("di Pendopo, batu pertama …" names no Kota Batu).
_NAMED_WITH = (
    r"(?:\b(?i:(?P<level>kota|kabupaten|kab\.))\s+)?(?<![\w-])(?i:{})(?![\w-])"
    r"(?:\s*(?:,|\()\s*(?P<region>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){{0,3}}))?"
)


def _named_with(gazetteer: Gazetteer, paragraph: str, words: str, home: str | None) -> list[str]:
    """The codes of the kabupaten/kota or province the lead names the
    dateline's place with (`_NAMED_WITH`): "JAYAPURA – Bawaslu Provinsi
    Sumatera Selatan mengikuti rapat … di Jayapura, Papua" is Papua's, not
    Kecamatan Jayapura of the home province's OKU Timur. None when the lead
    names it with no region (the dateline alone), or it names none."""
    found: list[str] = []
    pattern = re.compile(_NAMED_WITH.format(re.escape(words)))
    for match in pattern.finditer(paragraph):
        if match["level"]:
            named = f"{match['level']} {words}"
        elif match["region"]:
            named = match["region"]
        else:
            continue
        unit = _region_named(gazetteer, named.split(), home)
        if unit is not None and unit.code not in found:
            found.append(unit.code)
    return found


def _region_named(gazetteer: Gazetteer, words: list[str], home: str | None) -> Unit | None:
    """The kabupaten/kota or province the longest run of `words` names
    exactly ("Papua", "Kota Jayapura", "OKU Timur"), else None."""
    for length in range(len(words), 0, -1):
        found = gazetteer.resolve(
            " ".join(words[:length]).rstrip(".,;:)"),
            home=home,
            tiers=(TIER_OFFICIAL, TIER_ALIAS),
            levels=("kabupaten", "kota", "provinsi"),
        )
        if found.unit:
            return found.unit
    return None


def office_names(paragraph: str, offices: re.Pattern = _OFFICE_RE) -> list[list[str]]:
    """For each "Bawaslu …" in the paragraph (each match of `offices`), the
    capitalised words that follow, a level word in any case among them
    ("Bawaslu kabupaten Empat Lawang", "BAWASLU KABUPATEN MUSI RAWAS UTARA")."""
    return [words for _match, words in named_offices(paragraph, offices)]


def named_offices(
    paragraph: str, offices: re.Pattern = _OFFICE_RE
) -> list[tuple[re.Match, list[str]]]:
    """`office_names` with each office's match (where it stands, how it is written)."""
    found = []
    for match in offices.finditer(paragraph):
        words = []
        for word in _WORD_RE.findall(paragraph[match.end() : match.end() + 120]):
            stripped = word.strip(_EMPHASIS)
            core = stripped.rstrip(".,;:)")
            if (
                not core
                or not (core[0].isupper() or core[0].isdigit() or core.lower() in _REGION_WORDS)
                or "(" in core
            ):
                break
            if stripped == core + "." and (
                core.lower() in _LEVEL_ABBREVIATIONS
                or (len(core) <= MAX_ABBREVIATION and core.isalpha())
            ):
                # "Bawaslu Kab. OKU Timur", "Panwaslu Kecamatan BTS. Ulu": the
                # dot is the abbreviation's (a longer reading is only taken
                # when it names a place: `_office_reading`).
                words.append(stripped)
                continue
            words.append(core)
            if len(words) >= MAX_OFFICE_WORDS or core != stripped:
                break  # punctuation ends the name
        if words:
            found.append((match, words))
    return found


def _office_reading(
    gazetteer: Gazetteer, words: list[str], home: str | None
) -> tuple[Unit, str] | None:
    """The province or kabupaten/kota the longest run of an office's words
    names ("OKU Timur" before "OKU"), with that run; None when it names none,
    or several."""
    for length in range(len(words), 0, -1):
        name = " ".join(words[:length])
        found = gazetteer.resolve(name, home=home, tiers=(TIER_OFFICIAL, TIER_ALIAS))
        if found.unit:
            # "Bawaslu OKU. Hadir …": the full stop read as an abbreviation's
            # is the sentence's in what the name is quoted as.
            return found.unit, name.removesuffix(".")
        if found.problem == "ambiguous":
            break
    return None


def _kecamatan_office_unit(gazetteer: Gazetteer, words: list[str], home: str | None) -> Unit | None:
    """The kecamatan of a Panwaslu Kecamatan's words, inside the kabupaten/kota
    named after it ("Pendopo Kabupaten Empat Lawang"), else as the name alone
    reads; that kabupaten/kota when the kecamatan is none of it."""
    split = next(
        (i for i, word in enumerate(words) if i and word.lower().rstrip(".") in _REGION_WORDS),
        len(words),
    )
    reading = _office_reading(gazetteer, words[split:], home) if split < len(words) else None
    region = reading[0] if reading else None
    context = [region.code] if region else []
    for length in range(split, 0, -1):
        found = gazetteer.resolve(
            " ".join(words[:length]),
            context=context,
            home=home,
            tiers=(TIER_KECAMATAN,),
            levels=("kecamatan",),
        )
        if found.unit and (not region or gazetteer.is_within(found.unit.code, region.code)):
            return found.unit
    return region


class LeadOffices(NamedTuple):
    """The offices the lead names (`lead_offices`)."""

    issuer: Inference | None  # the first office whose words name a unit
    units: list[Unit]  # the most specific of every office's unit, in order


def lead_offices(gazetteer: Gazetteer, paragraph: str, home: str | None) -> LeadOffices:
    """The offices the lead names, each read once: the first Bawaslu office,
    or a kecamatan's office that is the lead's subject (`_opens_lead`),
    which issues the release (credited to the humas of its kabupaten/kota:
    `new_article.office_unit`), and the units of them all,
    the most specific ones, a Bawaslu ("Bawaslu PALI", "Bawaslu Kabupaten
    Empat Lawang") or a Panwaslu Kecamatan ("Panwaslu Kecamatan Pendopo
    Kabupaten Empat Lawang", "Panwascam Pendopo", "Pengawas Pemilu
    Kecamatan Sako"): what narrows a dateline's place (`read_dateline`)."""
    bawaslu = [
        (match.start(), unit, "Bawaslu " + name)
        for match, words in named_offices(paragraph)
        if (reading := _office_reading(gazetteer, words, home)) is not None
        for unit, name in [reading]
    ]
    kecamatan = [
        (match.start(), unit, " ".join([*match.group().split(), *words]).removesuffix("."))
        for match, words in named_offices(paragraph, _KECAMATAN_OFFICE_RE)
        if (unit := _kecamatan_office_unit(gazetteer, words, home)) is not None
    ]
    # A kecamatan's office issues the release only as the lead's subject, its
    # first words after the dateline ("PALEMBANG – Panwaslu Kecamatan Plaju
    # menggelar …"): named later it is a guest or a participant ("Bimtek
    # diikuti Panwaslu Kecamatan Lubai, Rambang dan Gelumbang serta staf
    # Bawaslu Kabupaten Muara Enim"), and the dateline or a Bawaslu office
    # decides.
    subjects = [office for office in kecamatan if _opens_lead(paragraph, office[0])]
    first = min(bawaslu + subjects, key=lambda office: office[0], default=None)
    issuer = Inference(first[1], "lead", first[2]) if first else None
    units = [unit for _start, unit, _words in bawaslu + kecamatan]
    codes = [u.code for u in units]
    specific = [
        unit
        for index, unit in enumerate(units)
        if unit.code not in codes[:index]
        and not any(gazetteer.is_within(c, unit.code) and c != unit.code for c in codes)
    ]
    return LeadOffices(issuer, specific)


# What may stand between a dateline's separator and the lead's first words.
_LEAD_OPENING_ENDS = "–—‒-:"


def _opens_lead(paragraph: str, start: int) -> bool:
    """Whether the text at `start` is the lead's first words: nothing before
    it, or only a dateline ending in its separator ("LAHAT –", "Lahat:")."""
    before = paragraph[:start].rstrip(" \t*_")
    return not before or before[-1] in _LEAD_OPENING_ENDS


def from_lead(gazetteer: Gazetteer, paragraph: str, home: str | None) -> Inference | None:
    """The first office named in the lead (`lead_offices`)."""
    return lead_offices(gazetteer, paragraph, home).issuer


@dataclass(frozen=True)
class Reading:
    """What the lead of an article says of its region: the paragraph read,
    the region inferred, the place of the dateline that fits several
    units when no region came from the dateline, and the issuing office
    (`from_lead`)."""

    paragraph: str
    inference: Inference | None
    ambiguity: Ambiguity | None = None
    issuer: Inference | None = None


def narrows_office(gazetteer: Gazetteer, place: Unit, office: Unit) -> bool:
    """Whether a dateline's place says more than the issuing office's area:
    a place strictly inside it that is not its seat (a kecamatan of the
    kabupaten, another kota of the province). Its seat ("BATURAJA" for
    Bawaslu Kabupaten Ogan Komering Ulu, "PALEMBANG" for the province's
    office, aliases.yaml) or a place outside it ("JAKARTA", "LUBUKLINGGAU"
    for Musi Rawas) is only where the office wrote."""
    return gazetteer.is_within(place.code, office.code) and not gazetteer.is_seat(place, office)


def read_lead(
    gazetteer: Gazetteer, content_html: str, home: str | None = None, title: str = ""
) -> Reading:
    """The region an article is about, from its first paragraph. The issuing
    office (`from_lead`: the first Bawaslu office the lead names, whose humas
    the release is credited to) gives its area, unless the dateline's place
    lies strictly inside it and is not its seat (`narrows_office`): then that
    place ("PAGARALAM – Bawaslu Provinsi Sumatera Selatan …" is Kota Pagar
    Alam; "PALEMBANG – Bawaslu Provinsi …", "JAKARTA – Bawaslu Kabupaten
    Ogan Komering Ulu …" are the offices'). No office named: the place of the
    dateline, narrowed by the offices of the lead (`read_dateline`). A
    dateline's place that stays ambiguous, a reading of which lies inside the
    office's area, gives none (`Reading.ambiguity`). The release's `title`:
    a copy of it pasted above the lead is not the lead (`first_paragraph`)."""
    paragraph = first_paragraph(content_html, place_reader(gazetteer, home), title)
    if not paragraph:
        return Reading(paragraph, None)
    issuer, offices = lead_offices(gazetteer, paragraph, home)
    found, ambiguity = read_dateline(gazetteer, paragraph, home, offices)
    if issuer is not None:
        if ambiguity is not None:
            # One of two readings is never guessed, unless neither says more
            # than the office's area ("PENDOPO – Bawaslu Kabupaten Musi Rawas").
            if any(narrows_office(gazetteer, u, issuer.unit) for u in ambiguity.candidates):
                return Reading(paragraph, None, ambiguity, issuer)
            return Reading(paragraph, issuer, issuer=issuer)
        if found is not None and found.unit == issuer.unit:
            return Reading(
                paragraph, found, issuer=issuer
            )  # the dateline says it too ("BATURAJA" for OKU)
        if found is None or not narrows_office(gazetteer, found.unit, issuer.unit):
            return Reading(paragraph, issuer, issuer=issuer)
    if ambiguity is not None:
        # The dateline names the place of the release: one of two is never
        # guessed.
        return Reading(paragraph, None, ambiguity, issuer)
    return Reading(paragraph, found or issuer, issuer=issuer)


def infer(gazetteer: Gazetteer, content_html: str, home: str | None = None) -> Inference | None:
    """The region an article is about, from its first paragraph; None when unsure."""
    return read_lead(gazetteer, content_html, home).inference
