"""The summary of a release that has none: its lead paragraph, without the
dateline, cut at a sentence end. Pure Python (no Pelican import).

Staff paste releases as they send them to newspapers: `PALEMBANG- Bawaslu …`,
`REL, Pagaralam - …`, `Palembang (27/11/2024) – …`. The dateline belongs to
the page, not to a card or a search result, so it is left out: exactly the
dateline the region is read from (`warta.regions.dateline.dateline_head`),
never a subject set off by dashes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from warta.regions.dateline import DEGREES, dateline_head
from warta.regions.dateline import first_paragraph as lead_paragraph

_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])[\"”’)]?\s+(?=[A-Z0-9“\"(])")
# Words written with a dot that ends no sentence: titles, ranks, levels of
# region, street words ("Dr. H. Muhammad", "Kec. Belitang III, Kab. OKU Timur",
# "Jl. Kol. Atmo", "Rp. 5.000"), and the short forms of running text ("dll.",
# "tgl."). A single letter (an initial) and a word of letters between dots are
# abbreviations too (`_DOTTED_RE`).
# Letters between dots, in any case: a degree ("S.Pd", "S.I.Kom", "A.Md",
# "m.si") or a short form ("s.d", "d.a", "a.n", "u.p"); not a time, an amount
# or an address ("16.00", "100.000", "sumsel.bawaslu.go.id", "kpu.go.id").
_DOTTED_RE = re.compile(r"[^\W\d_]{1,4}(?:\.[^\W\d_]{1,4})+\.?")
# The last part of a web address: "go.id", "detik.com", "bit.ly".
_ADDRESS_ENDS = frozenset(
    ["id", "com", "net", "org", "co", "tv", "info", "news", "ly", "io", "biz", "web", "gov", "edu"]
)
ABBREVIATIONS = frozenset(
    [
        "dr",
        "drs",
        "dra",
        "ir",
        "prof",
        "kab",
        "kec",
        "kel",
        "prov",
        "jl",
        "jln",
        "kol",
        "jend",
        "letjen",
        "mayjen",
        "brigjen",
        "kombes",
        "kapt",
        "no",
        "nomor",
        "tbk",
        "bpk",
        "hj",
        "kh",
        "st",
        "sdr",
        "sdri",
        "ny",
        "tn",
        "yth",
        "ds",
        "kp",
        "gg",
        "rt",
        "rw",
        "tgl",
        "hlm",
        "rp",
        "ust",
        "pk",
        "a.n",
        "u.p",
        "lt",
        "ltd",
        "mr",
        "mrs",
        "km",
        "kg",
        "telp",
        "tel",
        "hp",
        "ttd",
        "bripka",
        "brigadir",
        "serka",
        "sertu",
        "iptu",
        "ipda",
        "aiptu",
        "aipda",
        "briptu",
        "bripda",
        "inf",
        "kav",
        "pnb",
        "moh",
        "muh",
        "mhd",
        "abd",
        "pt",
        "cv",
        "dsn",
        "komp",
        "perum",
        "thn",
        "hal",
        "ket",
        "dll",
        "dsb",
        "dst",
        "dkk",
        "vs",
        "fax",
    ]
)
# The short forms that close a list ("pohon, tiang listrik, dll."): they end
# the sentence too when a new one follows, a capitalised word ("…dll.
# Penertiban dilakukan …"), not when the sentence goes on ("dll. yang").
LIST_ENDS = frozenset(["dll", "dsb", "dst", "dkk"])
_NEW_SENTENCE_RE = re.compile(r"[\"“(]*[^\W\d_]")


def without_dateline(paragraph: str, is_place: Callable[[str], bool] | None = None) -> str:
    """The paragraph without its dateline (`dateline_head`, the one the
    region is read from; `is_place`: whether the gazetteer knows a place of
    those words, see `is_dateline`), when it has one and text after it.
    A lead pasted inside quotes loses the closing quote with the opening one."""
    head = dateline_head(paragraph, is_place)
    rest = paragraph[head.end :].strip() if head is not None else ""
    if not rest:
        return paragraph
    opening = paragraph.lstrip(" *_")[:1]
    closing = {"“": "”", '"': '"'}.get(opening)
    if (closing and rest.endswith(closing) and rest.count(closing) > rest.count(opening)) or (
        closing == '"' and rest.endswith('"') and rest.count('"') % 2
    ):
        rest = rest[:-1].rstrip()
    return rest


def is_abbreviation(word: str) -> bool:
    """A word whose dot ends no sentence: an initial, one of `ABBREVIATIONS`,
    or letters between dots (`_DOTTED_RE`), degrees joined by commas too
    ("S.H.,M.H.", "S.Pd.,M.Si.", "SE.,MM."), unless a web address."""
    bare = word.strip("(“\"'").rstrip(".")
    if (len(bare) == 1 and bare.isalpha()) or bare.lower() in ABBREVIATIONS:
        return True
    if "." not in bare or bare.rsplit(".", 1)[-1].lower() in _ADDRESS_ENDS:
        return False
    parts = [part for part in bare.split(",") if part]
    return bool(parts) and all(
        _DOTTED_RE.fullmatch(part) or part.rstrip(".").upper() in DEGREES for part in parts
    )


def ends_a_sentence(word: str, following: str) -> bool:
    """Whether an abbreviation's dot also ends the sentence: a short form that
    closes a list (`LIST_ENDS`: "dll.", "dsb.") followed by a capitalised word
    (the text after it: `following`)."""
    bare = word.strip("(“\"'").rstrip(".").lower()
    start = _NEW_SENTENCE_RE.match(following)
    return bare in LIST_ENDS and start is not None and start.group()[-1].isupper()


class LeadSummary(NamedTuple):
    """A summary made from a lead, and how it ends."""

    text: str
    lead: str  # the lead paragraph it was made from, dateline included
    # None: the whole lead, or up to a sentence end; "sentence": cut at a word
    # inside a sentence, "…" added; "word": cut inside a word (a lead with no
    # space in its first `max_chars`, a pasted address), "…" added.
    cut: str | None = None


def lead_summary(
    content_html: str,
    max_chars: int = 300,
    min_chars: int = 60,
    is_place: Callable[[str], bool] | None = None,
    title: str = "",
) -> str:
    """The lead without its dateline (`is_place`: see `without_dateline`), cut
    after the last sentence that fits in `max_chars` (at least `min_chars`
    long; never after an abbreviation), else at a word with an ellipsis. A
    headline pasted above the lead (the `title` again, or in capitals) is no
    lead (`first_paragraph`)."""
    return read_lead_summary(content_html, max_chars, min_chars, is_place, title).text


def read_lead_summary(
    content_html: str,
    max_chars: int = 300,
    min_chars: int = 60,
    is_place: Callable[[str], bool] | None = None,
    title: str = "",
) -> LeadSummary:
    """`lead_summary`, with the lead it was made from and where it was cut."""
    lead = lead_paragraph(content_html, is_place, title)
    text = without_dateline(lead, is_place)
    if len(text) <= max_chars:
        return LeadSummary(text, lead)
    cut = ""
    for match in _SENTENCE_END_RE.finditer(text):
        if match.start() > max_chars:
            break
        before = text[: match.start()].rstrip()
        word = before.rsplit(None, 1)[-1]
        if (
            before.endswith(".")
            and is_abbreviation(word)
            and not ends_a_sentence(word, text[match.end() :])
        ):
            continue
        cut = before
    if len(cut) >= min_chars:
        return LeadSummary(cut, lead)
    kept = text[: max_chars - 1]
    words = kept.rsplit(" ", 1)[0]
    inside_a_word = " " not in kept
    return LeadSummary(words.rstrip(",;:") + "…", lead, "word" if inside_a_word else "sentence")
