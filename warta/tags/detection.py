"""Find official tags and officials' names in an article's text.

Every phrase of the vocabulary is compiled once per build (a named group per
phrase, grouped by the first letters of its first word), so an article is
scanned once, whatever the size of the vocabulary.

Phrase syntax (documented for staff in data/official_tags.yaml):
- words match whole words, case-insensitively; spaces also match hyphens
  ("pungut hitung" finds "pungut-hitung");
- a word ending in `*` also matches longer forms ("pengawas*" finds
  "pengawasan"), which is how Indonesian affixed variants are configured;
- a phrase in capitals (an acronym such as "DPT") matches only in capitals;
- the enclitic "-nya" is always allowed after the last word ("kampanyenya").
- an apostrophe or a double quote matches its typographic twins (' ’ ‘,
  " “ ”), as the build's smarty prints them, and an apostrophe may be left
  out ("Ma'ruf" finds "Ma’ruf" and "Maruf"); a hyphen inside a word matches
  any dash.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from warta.text import may_hold_ascii_word

_TAG_RE = re.compile(r"<[^>]+>")
_BLOCK_END_RE = re.compile(r"</(?:p|li|h[1-6]|blockquote|div|tr)>|<br\s*/?>", re.IGNORECASE)
# Lines pasted from news portals point to other stories: they say nothing
# about this article's subject.
_READ_ALSO_PARAGRAPH_RE = re.compile(
    r"<p\b[^>]*>\s*(?:<[^>]+>\s*)*baca\s+juga\b.*?</p>", re.IGNORECASE | re.DOTALL
)
_READ_ALSO_LINE_RE = re.compile(r"^\s*baca\s+juga\b.*$", re.IGNORECASE | re.MULTILINE)
_SEPARATOR = r"[\s\-‐‑–—]+"
# What joins the pieces of one word ("pungut-hitung"): any hyphen or dash.
_IN_WORD_DASHES = "-‐‑–—"
# The typographic twins of what staff type: Python-Markdown's smarty (the
# build's) writes ' as ’ (or ‘), " as “ or ”, and a registry or vocabulary may
# hold either form. Each matches its twins, and an apostrophe may be left out,
# as `fold` leaves it out ("Ma'ruf" finds "Ma’ruf" and "Maruf").
APOSTROPHES = "'’‘ʼ`´"
DOUBLE_QUOTES = '"“”„'
_TWINS = {ch: f"[{APOSTROPHES}]?" for ch in APOSTROPHES} | {
    ch: f"[{DOUBLE_QUOTES}]" for ch in DOUBLE_QUOTES
}
_WORD_BEFORE = r"(?<![\w-])"
_WORD_AFTER = r"(?![\w])"


def plain_text(html_text: str) -> str:
    """Visible text of an article body, one paragraph per line, without
    'Baca juga' inserts. (Line breaks inside a paragraph are only how the
    Markdown source was wrapped: they become spaces.)"""
    without_inserts = html_text or ""
    # Both patterns need "baca" in some case: looked for first without them
    # (most releases have none).
    if may_hold_ascii_word(without_inserts, ("baca",)):
        without_inserts = _READ_ALSO_PARAGRAPH_RE.sub(" ", without_inserts)
        without_inserts = _READ_ALSO_LINE_RE.sub(" ", without_inserts)
    one_line_each = _BLOCK_END_RE.sub("\n", without_inserts.replace("\n", " "))
    return html.unescape(_TAG_RE.sub(" ", one_line_each))


def is_acronym(phrase: str) -> bool:
    letters = [ch for ch in phrase if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


# After an initial's dot the next word may follow with no space ("M.Rizal").
_AFTER_INITIAL = rf"(?:(?<=\.)(?:{_SEPARATOR})?|{_SEPARATOR})"


def _literal(text: str) -> str:
    """The regex of letters as written, an apostrophe or a quote matching its
    typographic twins (`_TWINS`)."""
    return "".join(_TWINS.get(ch) or re.escape(ch) for ch in text)


def _is_initial(word: str) -> bool:
    """An abbreviation or an initial of a name: 'Kgs.', 'M.', 'A.M.', 'P'."""
    return word.endswith(".") or (len(word) == 1 and word.isalpha())


def phrase_pattern(
    phrase: str, *, enclitic: bool = True, case_sensitive: bool = False, initials: bool = False
) -> str:
    """The regex of one detection phrase (without its word boundaries).
    `initials`: a name's abbreviations and initials are matched with or
    without their dots, and with or without a space after a dot ("Kgs."
    finds "Kgs" and "Kgs.Ahmad"; "P." finds "P"; "M" finds "M.")."""
    parts = []
    words = phrase.split()
    for word in words:
        open_ended = word.endswith("*")
        stem = word.rstrip("*")
        # Hyphens inside a word ("pungut-hitung") also match a space.
        pieces = [_literal(piece) for piece in re.split(f"[{_IN_WORD_DASHES}]", stem) if piece]
        pattern = _SEPARATOR.join(pieces)
        if initials and _is_initial(stem):
            pattern = r"\.?".join(_literal(letters) for letters in stem.split("."))
            pattern += "" if stem.endswith(".") else r"\.?"
        parts.append(pattern + (r"\w*" if open_ended else ""))
    if initials:
        body = parts[0] if parts else ""
        for word, part in zip(words, parts[1:], strict=False):
            body += (_AFTER_INITIAL if _is_initial(word) else _SEPARATOR) + part
    else:
        body = _SEPARATOR.join(parts)
    if enclitic and not phrase.rstrip().endswith("*"):
        body += "(?:nya)?"
    return body if case_sensitive or is_acronym(phrase) else f"(?i:{body})"


_WORD_START_RE = re.compile(rf"{_WORD_BEFORE}\w")
BUCKET_PREFIX = 3  # letters of a phrase's first word that pick its bucket


def _first_piece(phrase: str, initials: bool = False) -> str:
    """What a phrase's regex starts with: its first word up to a hyphen or an
    apostrophe or quote (each may be written as its twin, an apostrophe left
    out), with `initials` up to a dot too (the dot of "M." may be absent)."""
    first_word = phrase.split()[0].rstrip("*")
    cuts = _IN_WORD_DASHES + APOSTROPHES + DOUBLE_QUOTES + ("." if initials else "")
    return next((p for p in re.split(f"[{re.escape(cuts)}]", first_word) if p), first_word)


def bucket_key(phrase: str, initials: bool = False) -> str:
    """The first letters of a phrase's first word, lowercased: only phrases whose
    bucket matches the text at a word start are tried there."""
    return _first_piece(phrase, initials)[:BUCKET_PREFIX].lower()


def _one_letter_then_rest(prefixes: Iterable[str]) -> str:
    """A regex finding every place one of `prefixes` starts: it consumes only
    the first letter (so no later start is skipped) and looks ahead for the
    rest; a branch per first letter lets the regex engine jump between the
    letters that can begin one, far faster than `str.find` per prefix."""
    rests: dict[str, set[str]] = {}
    for prefix in prefixes:
        rests.setdefault(prefix[0], set()).add(prefix[1:])
    branches = []
    for first, after in sorted(rests.items()):
        if "" in after:
            branches.append(re.escape(first))
        else:
            ahead = "|".join(re.escape(rest) for rest in sorted(after, key=len, reverse=True))
            branches.append(f"{re.escape(first)}(?={ahead})")
    return "|".join(branches)


class PhraseMatcher:
    """Phrases compiled once, grouped by their first letters, mapping each hit back
    to its key.

    `entries` are (phrase, key) pairs; longer phrases are tried first so
    "Sentra Gakkumdu" wins over "Gakkumdu" at the same position. Matches are
    zero-width: the phrase itself is `match.group(match.lastgroup)`.

    One alternation of every phrase would make the regex engine try each of the
    hundreds of branches at every word start; grouping them by the first letters
    of their first word means a word start tries only the handful that can begin
    there (a dictionary lookup, then one small compiled alternation).
    """

    def __init__(
        self,
        entries: Iterable[tuple[str, str]],
        *,
        enclitic: bool = True,
        case_sensitive: bool = False,
        initials: bool = False,
    ) -> None:
        # (longest first; of one length, in the order of phrase and key, so the
        # key a phrase written for two maps to is the same whatever the hash seed)
        unique = sorted(
            {(p.strip(), k) for p, k in entries if p.strip()}, key=lambda e: (-len(e[0]), e)
        )
        self.keys: list[str] = []
        grouped: dict[str, list[str]] = {}
        for index, (phrase, key) in enumerate(unique):
            self.keys.append(key)
            pattern = phrase_pattern(
                phrase, enclitic=enclitic, case_sensitive=case_sensitive, initials=initials
            )
            grouped.setdefault(bucket_key(phrase, initials), []).append(f"(?P<p{index}>{pattern})")
        # A lookahead makes the matches zero-width, so they may overlap: in
        # "patroli antipolitik uang" both the patrol and "antipolitik uang"
        # are found. Each word start still yields only its longest phrase.
        self.buckets = _Buckets(
            {
                prefix: f"(?=(?:{'|'.join(alternatives)}){_WORD_AFTER})"
                for prefix, alternatives in grouped.items()
            }
        )
        self.prefix_lengths = sorted({len(prefix) for prefix in grouped}, reverse=True)
        # Phrases matched with their capitals (every name in the registry) can
        # only start where their first letters stand as written, and capitals
        # are rare in running text: one regex finds those few places, and only
        # they are tried. A lowercase prefix ("pen", "ber") stands at every
        # other word, where visiting each word start costs less.
        firsts = {_first_piece(p, initials)[:BUCKET_PREFIX] for p, _ in unique}
        capitals_only = case_sensitive or all(is_acronym(p) for p, _ in unique)
        self._capital_starts = (
            re.compile(_one_letter_then_rest(firsts)) if capitals_only and all(firsts) else None
        )
        # Otherwise the word starts whose first letters, in any case, are a
        # bucket's: found by one regex, a quarter of all word starts in a
        # release, where a Python loop visited every one.
        self._bucket_starts = (
            re.compile(f"{_WORD_BEFORE}(?=\\w)(?i:{_one_letter_then_rest(grouped)})")
            if grouped and all(grouped)
            else None
        )

    def _starts(self, text: str) -> Iterable[int]:
        """Word starts, in order, where a phrase may begin."""
        if self._capital_starts is None:
            starts = self._bucket_starts or _WORD_START_RE
            return (start.start() for start in starts.finditer(text))
        is_start = _WORD_START_RE.match
        return (
            hit.start()
            for hit in self._capital_starts.finditer(text)
            if is_start(text, hit.start())
        )

    def finditer(self, text: str):
        """(key, match) for every hit, in order of appearance."""
        if not self.buckets:
            return
        if len(self.prefix_lengths) == 1:
            # Every prefix as long (the vocabulary's): one bucket per word
            # start, no longest phrase to choose across buckets.
            yield from self._finditer_one_length(text, self.prefix_lengths[0])
            return
        for position in self._starts(text):
            best = None
            for length in self.prefix_lengths:
                regex = self.buckets.get(text[position : position + length].lower())
                match = regex.match(text, position) if regex else None
                # Across buckets, the longest phrase (lowest index) wins, as it
                # would in one alternation sorted longest first.
                if match and (best is None or _index(match) < _index(best)):
                    best = match
            if best:
                yield self.keys[_index(best)], best

    def _finditer_one_length(self, text: str, length: int):
        buckets, keys = self.buckets, self.keys
        for position in self._starts(text):
            regex = buckets.get(text[position : position + length].lower())
            if regex is not None and (match := regex.match(text, position)):
                yield keys[_index(match)], match

    def find_keys(self, text: str) -> list[str]:
        """Distinct keys found, in order of first appearance."""
        return list(dict.fromkeys(key for key, _ in self.finditer(text)))


class _Buckets(dict):
    """Prefix → the compiled alternation of its phrases, each compiled when it
    is first asked for (`get`): a build compiled all of them (60 ms for the
    vocabulary and the registry) to look through the one release a warm
    build reads, which starts a few of them."""

    def __init__(self, sources: dict[str, str]) -> None:
        super().__init__()
        self.sources = sources

    def get(self, prefix, default=None):
        compiled = dict.get(self, prefix)
        if compiled is None:
            source = self.sources.get(prefix)
            if source is None:
                return default
            compiled = self[prefix] = re.compile(source)
        return compiled

    def __bool__(self) -> bool:
        return bool(self.sources)

    def __len__(self) -> int:
        return len(self.sources)


def _index(match: re.Match) -> int:
    return int(match.lastgroup[1:])


def tag_matcher(vocabulary) -> PhraseMatcher:
    """Detection phrases of every official tag, compiled once per build."""
    return PhraseMatcher((phrase, tag.slug) for tag in vocabulary.tags for phrase in tag.detect)


# `Tags-Auto:` values; anything else leaves detection on (content_lint says so).
TAGS_AUTO_OFF = frozenset({"no", "tidak", "false", "off", "0"})
TAGS_AUTO_ON = frozenset({"yes", "ya", "true", "on", "1"})


def wants_detection(metadata: dict) -> bool:
    """False when the article says `Tags-Auto: no`."""
    value = str(metadata.get("tags-auto", "yes")).strip().lower()
    return value not in TAGS_AUTO_OFF


def detected_tags(text: str, matcher: PhraseMatcher, min_mentions: int) -> list[str]:
    """Tags whose phrases name the article's subject: found in the title or the
    lead (the first two lines of `text`), or at least `min_mentions` times.

    A release that mentions the coming "masa tenang" once in passing is not
    about it; one that says so in its title or lead, or keeps coming back to
    it, is.
    """
    subject_end, lines_seen = 0, 0
    for line in text.split("\n"):
        subject_end += len(line) + 1
        lines_seen += bool(line.strip())  # blank lines are not the lead
        if lines_seen == 2:
            break
    counts: dict[str, int] = {}
    found: list[str] = []
    for key, match in matcher.finditer(text):
        counts[key] = counts.get(key, 0) + (min_mentions if match.start() < subject_end else 1)
        if counts[key] >= min_mentions and key not in found:
            found.append(key)
    return found
