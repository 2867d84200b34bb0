"""Text helpers every part of the build shares (no Pelican import).

- `fold`: the comparison key of a name, a tag or a headline: case, accents,
  apostrophes, punctuation and spacing ignored ("Pémilu  Jum'at!" and
  "pemilu jumat" are equal); `same_as_title`: a line that is the release's
  title again, so folded.
- `may_hold_ascii_word`, `tried_where`: a pattern that ignores case spared
  where it cannot match (a text without its words in lower case; the places
  a literal alternation does not find).
- `slugify`: the URL slug of a title or an official name, ASCII and hyphenated
  (`invoke new`, the slug the build supplies, region page slugs).
- `plain_text`: the visible text of an HTML fragment, one line, entities decoded.
- `with_references_read`: plain text with HTML's character references
  (`&amp;`, `&#39;`, `&nbsp;`) read as the characters they stand for, as
  Markdown reads them (a front-matter value shown as text).
- `without_control_characters`: text with the control characters no page or
  feed may carry taken out (a pasted NUL, Word's line break U+000B);
  `shown_controls`: the same characters made visible (`\\x0a`), for one-line
  messages.
- `in_fenced_code`: which lines of a release are fenced code (or its fences),
  for every reader of the body that leaves code alone.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from html.parser import HTMLParser

SLUG_MAX = 80
# What a slug looks like: lowercase ASCII words joined by single hyphens (what
# `slugify` writes, and what a written Slug: or a data file's slug must be).
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# The bytes of one file or folder name the file systems the site is built on
# hold (ext4, XFS, tmpfs; NTFS, APFS too): a slug longer makes no folder at all.
NAME_MAX = 255
# Names Windows keeps for its devices, whatever the folder and the case: a
# page's folder named so (berita/2024/11/nul/) cannot be checked out there.
WINDOWS_DEVICE_NAMES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{kind}{n}" for kind in ("com", "lpt") for n in range(10)]
)
# A language tag as `Lang:` takes it (BCP 47's shape: "id", "en", "en-US"); it
# becomes part of a translation's address.
LANG_RE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
# Apostrophes join the parts of a word ("Jum'at", "Ma'u", "O'o'u"): removed, not
# turned into a space, whichever of them a writer or a keyboard typed. So are
# the invisible format characters (a soft hyphen, a zero-width space, joiner or
# non-joiner, a word joiner, a byte-order mark, a direction mark): they never
# part two words ("peng\u00adaduan" is "pengaduan").


# The letters Python's `re.IGNORECASE` takes for an ASCII letter that
# `str.lower` keeps apart: the dotted capital and the dotless small i, the
# long s, the Kelvin sign ("ſenin" and "KAMİS" match a weekday's pattern).
IGNORECASE_ODD_LETTERS = "\u0130\u0131\u017f\u212a"
_AS_IGNORECASE_READS = str.maketrans(dict(zip(IGNORECASE_ODD_LETTERS, "iisk", strict=True)))


def lower_case_misreads(text: str, lowered: str) -> bool:
    """Whether a search of `lowered` (`text.lower()`) for ASCII words may miss
    what a case-insensitive pattern finds in `text`: a character lower case
    lengthens (which moves every place after it), or one of
    IGNORECASE_ODD_LETTERS."""
    return len(lowered) != len(text) or any(odd in text for odd in IGNORECASE_ODD_LETTERS)


def may_hold_ascii_word(text: str, words: tuple[str, ...]) -> bool:
    """Whether a pattern that ignores case may find one of `words` (lower-case
    ASCII letters) in `text`: False when none is in its lower case, far
    faster to search than such a pattern is tried at each character, unless
    the text has one of IGNORECASE_ODD_LETTERS, which the pattern takes for
    an ASCII letter. A text beyond ASCII is searched in its UTF-8 bytes in
    lower case (which lowers ASCII letters alone, and is searched faster)."""
    if text.isascii():
        lowered = text.lower()
        return any(word in lowered for word in words)
    if any(odd in text for odd in IGNORECASE_ODD_LETTERS):
        return True
    lowered_bytes = text.encode("utf-8", "surrogatepass").lower()
    return any(word in lowered_bytes for word in _as_bytes(words))


@functools.cache
def _as_bytes(words: tuple[str, ...]) -> tuple[bytes, ...]:
    return tuple(word.encode("ascii") for word in words)


def tried_where(
    pattern: re.Pattern,
    starts: re.Pattern | tuple[str, ...],
    text: str,
    searched: str | None = None,
) -> Iterator[re.Match]:
    """`pattern.finditer(text)`, tried only where `starts` matches, for a
    pattern each of whose matches begins with a match of `starts`: a
    literal alternation, which the regex engine finds at a run's speed,
    or literal strings, each found by `str.find` (faster still when the
    words begin with common letters), where a pattern that opens with a
    look-behind is tried at every character of the text. `searched`: the
    text `starts` is searched in instead, with `text`'s places (its lower
    case, when `pattern` ignores case: `lower_case_misreads` tells whether
    the places are the same)."""
    searched = text if searched is None else searched
    if isinstance(starts, re.Pattern):
        places: Iterable[int] = (start.start() for start in starts.finditer(searched))
    else:
        places = sorted(at for literal in starts for at in _found_at(searched, literal))
    end = 0
    for place in places:
        if place < end:
            continue
        match = pattern.match(text, place)
        if match:
            end = match.end()
            yield match


def _found_at(text: str, literal: str) -> Iterator[int]:
    at = text.find(literal)
    while at != -1:
        yield at
        at = text.find(literal, at + 1)


def matched_lower(text: str) -> str:
    """`text` (what a case-insensitive pattern matched) in lower case as the
    pattern compared it, for looking it up among lower-case names: "ſeptember"
    is "september", "KAMİS" is "kamis"."""
    return text.translate(_AS_IGNORECASE_READS).lower()


def fold(text: object) -> str:
    """Lower case (casefold), accents, apostrophes and invisible format
    characters removed, every other character that is not a letter or a digit
    a space, spaces collapsed.

    'Pungut-Hitung ' → 'pungut hitung'; 'Kab. Ma'u' → 'kab mau';
    'Peng\u00adaduan' (a soft hyphen) → 'pengaduan'."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    if decomposed.isascii():  # (no accent to take off)
        bare = decomposed
    elif _ASTRAL_RE.search(decomposed):
        bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    else:
        bare = _combining_re().sub("", decomposed)
    bare = bare.casefold().translate(_JOINING)
    # (`\W` and `_` are what `str.isalnum` is not, character by character)
    return " ".join(_NOT_ALNUM_RE.sub(" ", bare).split())


# What is not a letter or a digit (`fold` makes each a space).
_NOT_ALNUM_RE = re.compile(r"[\W_]")
# A release's title, folded once for all the texts compared with it.
_folded_title = functools.lru_cache(maxsize=16)(fold)
_NOT_ASCII_ALNUM = bytes(b for b in range(128) if not chr(b).isalnum())


def same_as_title(text: str, title: str) -> bool:
    """Whether `text` is the release's `title` again, as `fold` reads both
    (case, accents, punctuation and spacing aside): a headline pasted above
    the lead. A text with more ASCII letters and digits than the folded
    title has letters is not folded (each is one of its folded text's)."""
    wanted = _folded_title(title)
    if not wanted:
        return False
    ascii_alnum = len(text.encode("ascii", "ignore").translate(None, _NOT_ASCII_ALNUM))
    return ascii_alnum <= len(wanted) - wanted.count(" ") and fold(text) == wanted


@functools.cache
def _combining_re() -> re.Pattern:
    """The combining characters of the Basic Multilingual Plane (accents,
    `unicodedata.combining`), as one class: `fold` takes them off a text with
    no character beyond that plane by one substitution, not one call a
    character (a class holding a character beyond it is ten times slower)."""
    marks = "".join(chr(code) for code in range(0x10000) if unicodedata.combining(chr(code)))
    return re.compile(f"[{re.escape(marks)}]")


# A closed HTML comment in a value shown as text (`Title: Rapat <!-- cek -->`):
# an editorial note, taken out of what the site shows (plugins/sanitize) and
# of the address made from it.
TEXT_COMMENT_RE = re.compile(r"<!--.*?--!?>", re.S)


def comment_advice(name: str, value: str) -> str | None:
    """For a key whose value is read whole (`Slug:`, `Lang:`, `Status:`) and
    holds an HTML comment (`Status: draft <!-- tunggu -->`): how to write it,
    the comment being read as part of the value; None when it holds none."""
    if not TEXT_COMMENT_RE.search(value):
        return None
    meant = " ".join(TEXT_COMMENT_RE.sub(" ", value).split())
    return (
        f"the HTML comment is read as part of the {name}: value; "
        f"write '{name}: {meant}' and keep the note out of the release file"
    )


def slugify(text: object, limit: int | None = SLUG_MAX) -> str:
    """ASCII, lowercase, hyphenated; cut at a word boundary within `limit`
    characters (no cut with `limit=None`). 'Rapat “Koordinasi” di Café, 27/11'
    → 'rapat-koordinasi-di-cafe-27-11'; an HTML comment's words are not the
    title's ('Rapat <!-- cek -->' → 'rapat')."""
    text = str(text)
    if "<!--" in text:
        text = TEXT_COMMENT_RE.sub(" ", text)
    words = fold(text).encode("ascii", "ignore").decode("ascii").split()
    if limit is None:
        return "-".join(words)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return (slug or words[0][:limit]) if words else ""


class _TextExtractor(HTMLParser):
    """The text of an HTML fragment: character references decoded, the content
    of script/style-like elements dropped, block elements and line breaks a
    space, inline elements nothing (`Ban<em>yak</em>` stays one word)."""

    SKIPPED = frozenset({"script", "style", "template", "noscript", "iframe", "textarea", "title"})
    INLINE = frozenset(
        {
            "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "del", "em", "i",
            "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup",
            "time", "u", "var",
        }
    )  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED:
            self.skipping += 1
        if tag not in self.INLINE:
            self.parts.append(" ")

    def handle_startendtag(self, tag, attrs):
        if tag not in self.INLINE:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self.SKIPPED and self.skipping:
            self.skipping -= 1
        if tag not in self.INLINE:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def preferred_spelling(counts: Mapping[str, int]) -> str:
    """Of the ways one name is written (spelling → how many releases write it
    so), the one to show and to write: one properly cased, not all in capitals
    or all in small letters (a byline typed in capitals is a habit, not the
    name: "Rina Marlina" once beats "RINA MARLINA" twice); among those the
    most used; on a tie the shorter, then the first in code-point order:
    whatever order the releases are read in. The author page's heading and the
    check that asks for one spelling both choose with it, so the spelling a
    message asks for is the one the page shows."""
    return min(counts, key=lambda name: (_one_case(name), -counts[name], len(name), name))


def _one_case(name: str) -> bool:
    """All its letters capitals, or all small ("RINA MARLINA", "rina
    marlina"); a name with no cased letter is neither."""
    return name.isupper() or name.islower()


def plain_text(html: object) -> str:
    """The text of an HTML fragment, white space (no-break spaces too) collapsed.

    Entities such as `&ldquo;` (Markdown's smarty extension) and `&amp;` become
    the characters they stand for: the result is plain text, a `str` that a
    template's autoescape (or `json_ld`) escapes exactly once. Never Markup."""
    extractor = _TextExtractor()
    extractor.feed(str(html or ""))
    extractor.close()
    return " ".join("".join(extractor.parts).split())


# C0 and C1 control characters other than tab, line feed and carriage return:
# XML 1.0 forbids the C0 ones (a feed with one cannot be written at all), HTML
# calls every one of them a parse error. A vertical tab or form feed is how a
# line break or page break pasted from a word processor arrives: a space keeps
# the words apart; the others are dropped.
# Invisible characters that change how text reads without showing: bidi
# marks, embeddings, overrides and isolates (U+202E shows a title backwards in
# the page, its <title>, og: tags and JSON-LD), the zero-width space and word
# joiner, a byte-order mark inside the text. (The zero-width joiner and
# non-joiner stay: emoji and other scripts need them.)
# A hyphenation point a word processor keeps in a pasted word ("peng\u00adaduan"):
# invisible but at a line's end, where a browser may break the word; the
# slug, the search index, the feeds and JSON-LD never hyphenate, and a search
# for "pengaduan" does not find the word holding one.
SOFT_HYPHEN = 0x00AD
# Marks that set the direction of the text around them (bidi marks,
# embeddings, overrides, isolates).
DIRECTION_CHARACTERS = frozenset((0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)))
INVISIBLE_FORMAT_CHARACTERS = (
    SOFT_HYPHEN,
    0x200B,
    *sorted(DIRECTION_CHARACTERS),
    0x2060,
    0xFEFF,
)
# (`fold`'s: the apostrophes, the invisible format characters, and the
# zero-width joiner and non-joiner, which the page keeps.)
_JOINING = str.maketrans(
    "",
    "",
    "'`\u2019\u02bc\u2018\u200c\u200d" + "".join(map(chr, INVISIBLE_FORMAT_CHARACTERS)),
)
# Unicode's noncharacters (U+FDD0–U+FDEF and the last two code points of
# every plane, U+FFFE, U+FFFF … U+10FFFF): no text holds them, and an XML
# parser refuses U+FFFE and U+FFFF, so an Atom feed carrying one is no feed.
# (The other characters XML 1.0 forbids, the surrogates, never come from a
# release: its UTF-8 is decoded strictly, and a reference `&#xD800;` reads '�'.)
NONCHARACTERS = (
    *range(0xFDD0, 0xFDF0),
    *(plane + last for plane in range(0, 0x110000, 0x10000) for last in (0xFFFE, 0xFFFF)),
)
CONTROL_CHARACTERS = frozenset(
    chr(code)
    for code in (
        *range(0x00, 0x09),
        0x0B,
        0x0C,
        *range(0x0E, 0x20),
        *range(0x7F, 0xA0),
        *INVISIBLE_FORMAT_CHARACTERS,
        *NONCHARACTERS,
    )
)
_WITHOUT_CONTROLS = {ord(ch): None for ch in CONTROL_CHARACTERS} | {0x0B: " ", 0x0C: " "}
# One class of the Basic Multilingual Plane's (a class holding a character
# beyond it makes every search about ten times slower), and the noncharacters
# beyond it looked for only in a text that has such a character at all.
_CONTROL_RE = re.compile(
    "[" + re.escape("".join(sorted(c for c in CONTROL_CHARACTERS if ord(c) < 0x10000))) + "]"
)
_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")
_ASTRAL_CONTROL_RE = re.compile(
    "[" + re.escape("".join(sorted(c for c in CONTROL_CHARACTERS if ord(c) >= 0x10000))) + "]"
)


def _has_control(text: str) -> bool:
    if text.isprintable():  # (one C pass: no control character is printable)
        return False
    return bool(
        _CONTROL_RE.search(text) or (_ASTRAL_RE.search(text) and _ASTRAL_CONTROL_RE.search(text))
    )


# A character reference as Python-Markdown reads one (its ENTITY_RE): a name
# or a number, ended by `;`. "R&D", "AT&T" and "&amp" without its `;` are text.
_REFERENCE_RE = re.compile(r"&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z0-9]+);")
# What a reference may stand for that no one-line value holds: a line break or
# a tab is a space.
_BREAKS_AS_SPACES = str.maketrans(dict.fromkeys("\t\n\r\u2028\u2029", " "))


def with_references_read(text: str) -> str:
    """Plain text with HTML's character references read as the characters they
    stand for, as Markdown reads them in a `Summary:` or a body: 'Tom &amp;
    Jerry' → 'Tom & Jerry', '&#39;' → "'", '&lt;b&gt;' → '<b>' (text, which a
    template escapes once), '&nbsp;' → a no-break space; '&amp;lt;' → '&lt;'
    (read once). A reference without its `;` or an unknown name ('&foo;') is
    text; one that stands for a line break or a tab is a space, for a control
    character nothing (`without_control_characters`)."""
    if "&" not in text:
        return text
    return _REFERENCE_RE.sub(_character_of, text)


def split_outside_references(text: str, separators: str) -> list[str]:
    """`text` split at each of the characters `separators` typed as itself:
    not at the `;` that ends a character reference `with_references_read`
    reads (`&amp;`), nor at a separator a reference stands for (`&#44;`).
    The pieces as written, references unread, nothing stripped."""
    inside = set()  # positions of the references read
    for reference in _REFERENCE_RE.finditer(text):
        if html.unescape(reference.group()) != reference.group():  # not `&foo;`
            inside.update(range(reference.start(), reference.end()))
    pieces, start = [], 0
    for at, character in enumerate(text):
        if character in separators and at not in inside:
            pieces.append(text[start:at])
            start = at + 1
    return [*pieces, text[start:]]


def _character_of(reference: re.Match) -> str:
    character = html.unescape(reference.group())
    return without_control_characters(character.translate(_BREAKS_AS_SPACES))


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}])")


def markdown_literal(text: str) -> str:
    """Plain text written so that Markdown (a `Summary:` line) reads it back as
    the same text: emphasis, code and link marks escaped, `&` and `<` as
    entities (`2*3*4` stays, `_TPS_01_` is not italic, `C:\\data` keeps its
    backslash)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def without_control_characters(text: str) -> str:
    """`text` with every character of CONTROL_CHARACTERS dropped (a vertical tab
    or form feed: a space)."""
    if not _has_control(text):
        return text
    return text.translate(_WITHOUT_CONTROLS)


# A photo's file name as a camera, a phone or a chat names it.
_PHOTO_FILE_NAME_RE = re.compile(
    r"[^/\\]+\.(?:jpe?g|png|webp|gif|heic|heif|tiff?|bmp|avif)", re.IGNORECASE
)


def alt_is_file_name(alt: str, src: str) -> bool:
    """Whether an image's alt text is a file's name (`IMG_2024.jpg`,
    `foto rapat.jpeg`, the photo's own `DSC_0001`), which a screen reader
    reads out instead of what the photo shows."""
    alt = alt.strip()
    if not alt:
        return False
    if _PHOTO_FILE_NAME_RE.fullmatch(alt):
        return True
    stem = src.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return alt.casefold() == stem.casefold() and re.search(r"[\d_]", stem) is not None


ALT_IS_FILE_NAME = "alt text is a file name, not what the photo shows"


# Letters of the Cyrillic and Greek scripts drawn like Latin ones (a Slug:
# typed with a keyboard set to Russian, or pasted from a message): the slug
# reads "admin" to its writer, and the address drops the letter.
_LOOKALIKE_LETTERS = dict(
    zip(
        "аеорсухіјѕԁӏһԛԝАВЕКМНОРСТХІЈЅοαιυνκτΑΒΕΗΙΚΜΝΟΡΤΥΧΖ",
        "aeopcyxijsdlhqwABEKMHOPCTXIJSoaiuvktABEHIKMNOPTYXZ",
        strict=True,
    )
)
_LOOKALIKES = str.maketrans(_LOOKALIKE_LETTERS)


def lookalike_letters(text: str) -> list[str]:
    """The letters of `text` drawn like Latin ones but of another script, once each."""
    return list(dict.fromkeys(ch for ch in text if ch in _LOOKALIKE_LETTERS))


def slug_as_meant(slug: str) -> str:
    """The slug a written `Slug:` that is no slug stands for: look-alike
    letters read as the Latin ones they look like ('\u0430dmin' is 'admin',
    not 'dmin'), then `slugify` whole, cut at a word within SLUG_MAX; "" when
    that is still no slug an address takes (`slug_fault`: 'nul')."""
    meant = slugify(slug.translate(_LOOKALIKES), limit=None)
    if len(meant) > SLUG_MAX:
        meant = slugify(meant.replace("-", " ")) or meant[:SLUG_MAX].strip("-")
    return "" if slug_fault(meant) else meant


def slug_fault(slug: str) -> str | None:
    """Why a written `Slug:` makes no address a page can have on every disk
    the site is checked out on or served from (None: it does). The rule: lowercase
    letters a-z, digits and single hyphens (SLUG_RE: no '/', '\\', '.', space,
    control character or capital, so no two differ by case alone), at most
    NAME_MAX characters (a folder's name), and not a name Windows keeps for a
    device (WINDOWS_DEVICE_NAMES: 'nul', 'con', 'com1'). A slug longer than
    SLUG_MAX (what `slugify` makes of a title) but within NAME_MAX is a fault
    of none: it was published at that address, which must not move
    (`check_slug` suggests a shorter one for a release not yet out)."""
    if not SLUG_RE.match(slug):
        return "not lowercase letters, digits and hyphens"
    if len(slug) > NAME_MAX:
        return f"{len(slug)} characters long, more than the {NAME_MAX} a folder's name holds"
    if slug in WINDOWS_DEVICE_NAMES:
        return "a name Windows keeps for a device, so a checkout there cannot hold its folder"
    return None


def saved_as_utf16(text: str | bytes) -> bool:
    """Whether `text` (a file's bytes, or its text read as UTF-8) is UTF-16
    written without its byte-order mark ('UTF-16 LE' of some editors, a
    script's export): a NUL beside nearly every character of its start, as
    each letter of A-Z is one byte and a NUL there. UTF-8 read as UTF-8 has
    none (a NUL pasted here and there is a control character)."""
    sample = text[:512]
    if len(sample) < 4:
        return False
    nul = 0 if isinstance(sample, bytes) else "\x00"
    half = len(sample) // 2
    return max(sample[0::2].count(nul), sample[1::2].count(nul)) >= half * 0.9


def shows_nothing(value: str) -> bool:
    """Whether a value shows nothing once the build leaves its control and
    format characters out (`without_control_characters`): a zero-width space,
    a soft hyphen, a joiner alone (which the page would keep)."""
    joiners = {0x200C: None, 0x200D: None, 0x034F: None}
    return bool(value) and not without_control_characters(value).translate(joiners).strip()


def control_characters_in(text: str) -> list[str]:
    """The control characters of `text` as code points ('U+000B'), in order, once each."""
    if not _has_control(text):
        return []
    return list(dict.fromkeys(f"U+{ord(ch):04X}" for ch in text if ch in CONTROL_CHARACTERS))


# Control characters and line separators as a message shows them: escaped, so
# that a file name or a value holding a line break stays on its line. A tab
# does not break a line and is kept.
_SHOWN = {
    code: f"\\x{code:02x}"
    if code < 0x100
    else f"\\u{code:04x}"
    if code < 0x10000
    else f"\\U{code:08x}"
    for code in (
        *range(0x09),
        *range(0x0A, 0x20),
        *range(0x7F, 0xA0),
        0x2028,
        0x2029,
        *INVISIBLE_FORMAT_CHARACTERS,
        *NONCHARACTERS,
    )
}


def shown_controls(text: str) -> str:
    """`text` with its control characters (but the tab) and line separators
    written as escapes: 'a\\nb' → 'a\\x0ab'."""
    return text.translate(_SHOWN)


# A fenced code block's opening or closing line: up to three spaces, then three
# or more backticks or tildes (its fence).
FENCE_RE = re.compile(r"^[ ]{0,3}(?P<fence>`{3,}|~{3,})")


def in_fenced_code(lines: Iterable[str]) -> list[bool]:
    """For each line, whether it is fenced code or one of its fences: a fence
    opens a block that only a fence of the same character, at least as long,
    closes (a ``` line inside a ~~~ block is code)."""
    lines = list(lines)
    joined = "\n".join(lines)
    if "```" not in joined and "~~~" not in joined:
        return [False] * len(lines)  # (no fence: most releases, by two searches)
    fence = ""
    code: list[bool] = []
    for line in lines:
        opening = FENCE_RE.match(line)
        if opening and (not fence or opening["fence"].startswith(fence)):
            fence = "" if fence else opening["fence"]
            code.append(True)
        else:
            code.append(bool(fence))
    return code


def matches_from_values(text: str, values: re.Pattern, attribute: re.Pattern, starts):
    """The matches of `attribute.finditer(text)` of an attribute pattern (a
    name, "=", a value), found from each value back to its name: `values`
    finds the "=" of each candidate value by a plain scan, and `attribute` is
    tried only where finditer would find it first, at the positions
    `starts(text, name_end, end)` gives (`name_end`: where the name before the
    white space before "=" ends; `end`: the end of the previous match, which no
    position may precede, as `\\b` sees the character before). The pattern
    tried at every word of a body costs tens of µs a release with a link."""
    end = 0
    for value in values.finditer(text):
        equals = value.start()
        if equals < end:  # (inside the value of the previous match)
            continue
        name_end = equals
        while name_end > end and text[name_end - 1].isspace():
            name_end -= 1
        for position in starts(text, name_end, end):
            match = attribute.match(text, position)
            if match is not None:
                end = match.end()
                yield match
                break
