"""The `BACA JUGA:` line staff paste from news portals, read one way by the
read_also plugin (which turns it into a link to the release it names) and by
the lead (`warta.regions.dateline.first_paragraph`: the summary and the region
leave it out). No Pelican import.

    BACA JUGA: [Bawaslu Lahat Awasi Kampanye]({filename}/berita/2024/lahat.md)
    Baca juga : Bawaslu Kota Palembang Gelar Rapat Koordinasi
    **BACA JUGA:** https://portal.example.com/berita/123
"""

from __future__ import annotations

import re

# "BACA JUGA:", "Baca juga :", "Baca Juga：" after any markup (**, _, >) is removed.
READ_ALSO_START = re.compile(r"baca\s+juga\s*[:：]", re.IGNORECASE)
SOURCE_MARKUP = re.compile(r"^[\s>*_]*")
# Anywhere in a body's HTML (markup may sit between the words and the colon):
# a body without it has no line to rewrite.
_MENTIONS_READ_ALSO = re.compile(r"baca(?:\s|&nbsp;|&#160;|&#xa0;)+juga", re.IGNORECASE)


def mentions_read_also(body: str) -> bool:
    """Whether HTML or text may hold a BACA JUGA line (a quick test first)."""
    return bool(_MENTIONS_READ_ALSO.search(body))


def is_read_also(text: str) -> bool:
    """Whether a line's text (a source line, or the plain text of a line of
    HTML) is a BACA JUGA line."""
    return bool(READ_ALSO_START.match(SOURCE_MARKUP.sub("", text)))
