"""Tags typed as hashtags (`Tags: #Pilkada2024 #PengawasanPartisipatif`), as
staff copy them from a social-media post: Pelican splits `Tags:` at commas
only, so the line is one tag no vocabulary knows. `hashtag_names` reads the
words each hashtag runs together, so that the warning can say what to write.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_HASHTAG_RE = re.compile(r"#(?P<word>[^\s#,;]+)")
# Where a hashtag runs two words together: a small letter then a capital
# ("PengawasanPartisipatif"), a capital then a capital and a small letter
# ("OKUTimur" → "OKU Timur"), a letter then a digit and back ("Pilkada2024").
_WORD_BREAK_RE = re.compile(
    r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])|(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])"
)


def hashtag_names(typed: str, official_name: Callable[[str], str | None]) -> list[str] | None:
    """The tags a value typed as hashtags means, each the official name
    `official_name` gives its words (the vocabulary's `resolve`), else its
    words spaced out: '#Pilkada2024 #PengawasanPartisipatif #KawalPilkada' →
    ['Pilkada Serentak 2024', 'Pengawasan Partisipatif', 'Kawal Pilkada'].
    None when the value is not hashtags (anything but them and spaces)."""
    words = [match["word"] for match in _HASHTAG_RE.finditer(typed)]
    if not words or _HASHTAG_RE.sub("", typed).strip():
        return None
    names = []
    for word in words:
        spaced = " ".join(_WORD_BREAK_RE.sub(" ", word.replace("_", " ")).split())
        names.append(official_name(spaced) or spaced)
    return list(dict.fromkeys(names))
