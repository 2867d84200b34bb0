"""The summary of a release that has none: its lead paragraph, without the
dateline, cut at a sentence end. Pure Python (no Pelican import).

Staff paste releases as they send them to newspapers: `PALEMBANG- Bawaslu …`,
`REL, Pagaralam - …`, `Palembang (27/11/2024) – …`. The dateline belongs to
the page, not to a card or a search result, so it is left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from warta.regions.dateline import DATELINE_RE
from warta.regions.dateline import first_paragraph as lead_paragraph

# A head before a level word: "Kab. Muara Enim -", "Kota Lubuk Linggau –".
LEVEL_WORDS = {"kab", "kabupaten", "kota", "kec", "kecamatan", "prov", "provinsi"}
_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])[\"”’)]?\s+(?=[A-Z0-9“\"(])")
MAX_DATELINE_WORDS = 6
# A date in a dateline: "12 November 2024", "Senin (11/11/2024)", "27/11".
DATE_PART_RE = re.compile(
    r"\b\d{1,2}/\d{1,2}\b|\b\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\b|"
    r"^(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad)\b",
    re.IGNORECASE,
)


def placed(head: str, is_place: Callable[[str], bool]) -> bool:
    """Whether a dateline head with a comma or parentheses opens with a code
    in capitals (REL, SRIPOKU.COM, PAGARALAM), or has a part that is a place
    or a date ("Rudi Hartono, SH" has neither)."""
    parts = [part.strip(" .") for part in re.split(r"[,()]", head) if part.strip(" .")]
    if parts and parts[0].isupper() and len(parts[0]) > 1:
        return True
    return any(
        DATE_PART_RE.search(part) or is_place(part) or is_code(part) for part in parts[1:]
    ) or bool(parts and (DATE_PART_RE.search(parts[0]) or is_place(parts[0])))


# Degrees written after a name ("Rudi Hartono, SH, MH", "Muslim, S.Pd"):
# capitals that are no news agency or office code.
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
    ]
)


def is_code(part: str) -> bool:
    """A code in capitals after a place: a news agency or an office (ANTARA,
    SP, BWSME), not a degree."""
    letters = part.replace(".", "").replace(" ", "")
    return part.isupper() and len(letters) > 1 and letters.upper() not in DEGREES


def without_dateline(paragraph: str, is_place: Callable[[str], bool] | None = None) -> str:
    """The paragraph without its dateline head, when it has one.

    A head is a dateline when it is short and looks like one: a word in capitals
    (PALEMBANG, REL, SRIPOKU.COM), or a comma or parentheses in it
    ("Palembang, 12 November 2024", "Martapura (OKU Timur)"), or one or two
    capitalised words ("Pagar Alam –"), or capitalised words after a level
    word ("Kab. Muara Enim -"), or capitalised words that `is_place` knows
    (the gazetteer: "Ogan Komering Ulu Selatan –", "Seberang Ulu II -"; never
    a person's name set off by dashes, "Rudi Hartono Saputra – Ketua … –").
    The head ends where the regions plugin's dateline ends (`LUBUK LINGGAU |
    …` too)."""
    match = DATELINE_RE.match(paragraph)
    if not match:
        return paragraph
    head = match["head"].strip("*_ ")
    words = head.split()
    if not words or len(words) > MAX_DATELINE_WORDS:
        return paragraph
    first = words[0].strip(",.()")
    looks_like = (
        (first.isupper() and len(first) > 1)
        # "Palembang, 12 November 2024", "REL, Pagaralam", "Tanjung Enim
        # (Muara Enim)", "Semarang (ANTARA)": a place, a code in capitals or a
        # date among its parts; not "Rudi Hartono, SH –", "Ketua Bawaslu Kota
        # Palembang, Rini Anggraini –" (without the gazetteer: any).
        or (("," in head or "(" in head) and (is_place is None or placed(head, is_place)))
        # "Pagar Alam –" (with the gazetteer: a place, not "Rini Anggraini –
        # Ketua … –")
        or (
            len(words) <= 2
            and "," not in head
            and "(" not in head
            and all(w[:1].isupper() for w in words)
            and (is_place is None or is_place(head))
        )
        # A place of several capitalised words before a sentence.
        or (
            is_place is not None
            and all(w[:1].isupper() or w[:1].isdigit() for w in words)
            and paragraph[match.end() :].strip()[:1].isupper()
            and is_place(head)
        )
        # "Kab. Muara Enim - Bawaslu …", not "Kabupaten Muara Enim – salah satu
        # daerah … – menjadi …": a sentence that opens on the region's name.
        or (
            first.lower() in LEVEL_WORDS
            and all(w[:1].isupper() for w in words)
            and paragraph[match.end() :].strip()[:1].isupper()
        )
    )
    rest = paragraph[match.end() :].strip()
    return rest if looks_like and rest else paragraph


def lead_summary(
    content_html: str,
    max_chars: int = 300,
    min_chars: int = 60,
    is_place: Callable[[str], bool] | None = None,
) -> str:
    """The lead without its dateline (`is_place`: see `without_dateline`), cut
    after the last sentence that fits in `max_chars` (at least `min_chars`
    long), else at a word with an ellipsis."""
    text = without_dateline(lead_paragraph(content_html), is_place)
    if len(text) <= max_chars:
        return text
    cut = ""
    for match in _SENTENCE_END_RE.finditer(text):
        if match.start() > max_chars:
            break
        cut = text[: match.start()].rstrip()
    if len(cut) >= min_chars:
        return cut
    words = text[: max_chars - 1].rsplit(" ", 1)[0]
    return words.rstrip(",;:") + "…"
