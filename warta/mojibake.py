"""Mojibake: UTF-8 text read as Windows-1252 and saved again (a copy through an
old editor, a CMS export, a mail client), so that "–" reads "â€“", "“" reads
"â€œ" and "é" reads "Ã©".

`garbled_in` finds such text by an exact table, made here from the characters a
release holds (Latin letters with accents, typographic dashes, quotes, the
ellipsis, symbols): each one's UTF-8 bytes read as Windows-1252. Every entry
starts with 'Ã', 'Â', 'Ä', 'Å' or 'â' followed by characters that stand for
UTF-8's continuation bytes; ordinary Indonesian text holds none of them.
"""

from __future__ import annotations

import re

# What a release may have held before it was garbled: Latin-1's letters and
# signs, Latin Extended-A (names with accents), general punctuation (dashes,
# quotes, the ellipsis, bullets), the euro sign and the trade mark.
_ORIGINALS = (
    *range(0x00A0, 0x0180),
    *range(0x2010, 0x2028),
    *range(0x2030, 0x203B),
    0x20AC,
    0x2122,
)


def _as_windows_1252(character: str) -> str:
    """`character`'s UTF-8 bytes read as Windows-1252; a byte Windows-1252 has
    no character for (0x81, 0x8D, 0x8F, 0x90, 0x9D) read as the control
    character of its number, as Windows reads it."""
    return "".join(
        bytes([byte]).decode("cp1252", errors="ignore") or chr(byte)
        for byte in character.encode("utf-8")
    )


# Garbled text → the character it was.
GARBLED = {_as_windows_1252(chr(code)): chr(code) for code in _ORIGINALS}
# The right double quote's last byte (0x9D) has no Windows-1252 character: a
# tool that dropped it left "â€" alone.
_BARE = "\u00e2\u20ac"
_GARBLED_RE = re.compile(
    "|".join(re.escape(text) for text in sorted(GARBLED, key=len, reverse=True)) + f"|{_BARE}"
)


def may_be_garbled(text: str) -> bool:
    """Whether `text` holds a character every garbled piece starts with: a
    text without one (most releases, whole) has none (`garbled_in`)."""
    return any(lead in text for lead in "\u00c2\u00c3\u00c4\u00c5\u00e2")


def garbled_in(text: str) -> list[tuple[str, str]]:
    """The garbled pieces of `text` and the characters they were, in order,
    once each: 'PALEMBANG â€“ Bawaslu' → [('â€“', '–')]. A bare 'â€' was a
    right double quote '”' whose last byte was lost."""
    if not may_be_garbled(text):
        return []
    found = {}
    for match in _GARBLED_RE.finditer(text):
        found.setdefault(match.group(), GARBLED.get(match.group(), "\u201d"))
    return list(found.items())


def without_garbled(text: str) -> str:
    """`text` with its garbled pieces (`garbled_in`) left out: what else it
    holds, as a control character of its own (the C1 control in 'â€\x9d'
    is the garbled '”', not one of its own)."""
    return _GARBLED_RE.sub("", text) if may_be_garbled(text) else text
