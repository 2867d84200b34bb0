"""Infer an article's region from its dateline, else from the office named in its lead.

Pure Python (no Pelican import). The dateline is the head of the first paragraph
before a dash, in all the forms staff paste:

    PALEMBANG- …            PALEMBANG – …           Palembang,- …
    Palembang, BWSPLG — …   Palembang, Bawaslu Sumsel – …
    PAGARALAM, SP - …       Palembang (ANTARA) - …  SRIPOKU.COM, PALEMBANG--…
    REL, Pagaralam - …      Martapura (OKU Timur) - …   LUBUK LINGGAU | …
    Palembang, 12 November 2024 – …                 Palembang (27/11/2024) - …
    **PALEMBANG** – …

The head is cut into segments at commas and parentheses; the first segment that
names a place wins (a kabupaten/kota first, then a province, then a kecamatan;
a kecamatan inside the region in parentheses, or of the home province, before
a kabupaten elsewhere: "MESUJI (OKI)", "JAYAPURA (OKU Timur)"). A segment
that names a region, in parentheses or after a comma, narrows the others
("Martapura (Kalsel)", "PENDOPO, Empat Lawang", "Mesuji, Lampung"); in a
dateline without one, the office of the lead does ("PENDOPO – Bawaslu
Kabupaten Empat Lawang …"). If the dateline names no place, the first office named in
the lead ("Bawaslu Kota X", "Bawaslu Kabupaten Y", "Bawaslu Provinsi Z",
"Bawaslu Sumsel", "Bawaslu OKU Timur") gives the region.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warta.text import plain_text

from .gazetteer import TIER_ALIAS, TIER_KECAMATAN, TIER_OFFICIAL, Gazetteer, Unit

_PARAGRAPH_RE = re.compile(r"<p\b[^>]*>(.*?)</p>", re.DOTALL | re.IGNORECASE)
# The head runs to the first separator: "--", an en or em dash, a hyphen that
# has white space on one side (so "SUM-SEL" stays one word), or a bar between
# spaces ("LUBUK LINGGAU | …", as some portals write it).
DATELINE_RE = re.compile(
    r"^\s*(?P<head>[^\n–—]{1,90}?)\s*(?:-{2,}|[–—]+|-(?=\s)|(?<=\s)-|(?<=\s)\|(?=\s))"
)
_SEGMENT_RE = re.compile(r"\(([^()]*)\)|([^,()]+)")
_EMPHASIS = "*_\"'“”‘’`"
MAX_HEAD_WORDS = 10
_OFFICE_RE = re.compile(r"\bBawaslu\s+")
_WORD_RE = re.compile(r"\S+")
MAX_OFFICE_WORDS = 7
# "Bawaslu Kab. OKU Timur", "Bawaslu Prov. Sumsel": a dot that ends no name.
_LEVEL_ABBREVIATIONS = frozenset({"kab", "prov", "kec"})

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
MAX_LETTERHEAD_CHARS = 120


def is_letterhead(text: str) -> bool:
    """A short paragraph of the release's letterhead (`_LETTERHEAD_RE`), not a
    sentence ("Rilis ini disampaikan … ." is the lead)."""
    text = text.strip(_EMPHASIS + " ")
    return (
        len(text) <= MAX_LETTERHEAD_CHARS
        and not text.endswith((".", "!", "?"))
        and bool(_LETTERHEAD_RE.match(text))
    )


def first_paragraph(content_html: str) -> str:
    """Plain text of the first paragraph that has text (images alone are skipped),
    past the letterhead ("SIARAN PERS", "Nomor: …") when the release has one."""
    for match in _PARAGRAPH_RE.finditer(content_html or ""):
        text = plain_text(match.group(1))
        if text and not is_letterhead(text):
            return text
    return ""


def dateline_segments(paragraph: str) -> list[Segment]:
    """The dateline head of a paragraph cut into segments; [] when it has none."""
    text = paragraph.lstrip(_EMPHASIS + " ")
    match = DATELINE_RE.match(text)
    if not match:
        return []
    head = match.group("head").strip(_EMPHASIS + " ,")
    if not head or len(head.split()) > MAX_HEAD_WORDS:
        return []
    segments = []
    for inner, outer in _SEGMENT_RE.findall(head):
        raw = inner if inner else outer
        cleaned = raw.strip(_EMPHASIS + " .:;")
        if cleaned and re.search(r"[A-Za-z]", cleaned):
            segments.append(Segment(cleaned, in_parentheses=bool(inner)))
    return segments


def resolve_place(
    gazetteer: Gazetteer, text: str, *, context=(), home: str | None = None
) -> Unit | None:
    """A place as a town would be written: kabupaten/kota, then province, then kecamatan.

    An ambiguous name gives None: inference never guesses.
    """
    if not re.search(r"[A-Za-z]", text):
        return None
    first = None
    for tiers, levels in PLACE_STEPS:
        found = gazetteer.resolve(text, context=context, home=home, tiers=tiers, levels=levels)
        if found.unit and gazetteer.is_near(found.unit, context, home):
            return found.unit
        if found.unit or found.problem == "ambiguous":
            # A town elsewhere, or a name of several: a later step may hold the
            # place inside the context or the home province (gazetteer rule 5).
            first = first or found
    return first.unit if first else None


def from_dateline(
    gazetteer: Gazetteer, paragraph: str, home: str | None, lead: Unit | None = None
) -> Inference | None:
    """The place of the dateline. Every segment that names a kabupaten/kota or
    a province narrows the others, in parentheses or after a comma:
    "Martapura (Kalsel)", "PENDOPO, Empat Lawang", "Mesuji, Lampung". A
    dateline without one is narrowed by the office of the lead (`lead`):
    "PENDOPO – Bawaslu Kabupaten Empat Lawang …" is its kecamatan Pendopo.
    A place found nowhere inside them keeps its own reading."""
    segments = dateline_segments(paragraph)
    if not segments:
        return None
    regions: list[Unit | None] = []
    for segment in segments:
        unit = resolve_place(gazetteer, segment.text, home=home)
        regions.append(unit if unit and unit.level != "kecamatan" else None)
    fallback = None
    for index, segment in enumerate(segments):
        if segment.in_parentheses:
            continue
        context = [u.code for i, u in enumerate(regions) if u and i != index]
        if not context and lead is not None:
            context = [lead.code]
        unit = resolve_place(gazetteer, segment.text, context=context, home=home)
        if unit and (not context or gazetteer.is_near(unit, context, home)):
            return Inference(unit, "dateline", segment.text)
        fallback = fallback or (unit and Inference(unit, "dateline", segment.text))
    if fallback:
        return fallback
    named = [u for u, s in zip(regions, segments, strict=True) if u and s.in_parentheses]
    return Inference(named[0], "dateline", segments[0].text) if named else None


def office_names(paragraph: str) -> list[list[str]]:
    """For each "Bawaslu …" in the paragraph, the capitalised words that follow."""
    found = []
    for match in _OFFICE_RE.finditer(paragraph):
        words = []
        for word in _WORD_RE.findall(paragraph[match.end() : match.end() + 120]):
            stripped = word.strip(_EMPHASIS)
            core = stripped.rstrip(".,;:)")
            if not core or not (core[0].isupper() or core[0].isdigit()) or "(" in core:
                break
            if core.lower() in _LEVEL_ABBREVIATIONS and stripped.endswith("."):
                words.append(stripped)  # "Bawaslu Kab. OKU Timur": the dot is the abbreviation's
                continue
            words.append(core)
            if len(words) >= MAX_OFFICE_WORDS or core != stripped:
                break  # punctuation ends the name
        if words:
            found.append(words)
    return found


def from_lead(gazetteer: Gazetteer, paragraph: str, home: str | None) -> Inference | None:
    for words in office_names(paragraph):
        for length in range(len(words), 0, -1):
            name = " ".join(words[:length])
            found = gazetteer.resolve(name, home=home, tiers=(TIER_OFFICIAL, TIER_ALIAS))
            if found.unit:
                return Inference(found.unit, "lead", "Bawaslu " + name)
            if found.problem == "ambiguous":
                break
    return None


def infer(gazetteer: Gazetteer, content_html: str, home: str | None = None) -> Inference | None:
    """The region an article is about, from its first paragraph; None when unsure."""
    paragraph = first_paragraph(content_html)
    if not paragraph:
        return None
    lead = from_lead(gazetteer, paragraph, home)
    return from_dateline(gazetteer, paragraph, home, lead.unit if lead else None) or lead
