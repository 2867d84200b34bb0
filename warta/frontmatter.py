"""The front matter of a Markdown release, read as Pelican reads it, with line
numbers (no Pelican import).

    Title: Bawaslu Lahat Awasi Kampanye
    Ralat: 2024-12-05 20:15 — nama kecamatan
    Ralat: 2024-12-06 09:30 — jam rapat
        diperbaiki lagi
    Tags: Pilkada 2024

    PALEMBANG – Isi rilis …

Pelican hands the file to Python-Markdown's `meta` extension; these are its
rules, so that a line number we print is a line Pelican used:

- a byte-order mark is ignored; CRLF and CR line ends count as one line end;
  a tab is four columns;
- an optional `---` first line (`----` too) opens the block; the block ends
  at the first blank line, at a `---`, `----` or `...` line (not a
  `---extra:` key: `closes`), or at the first line that is neither a
  `Key: value` line (up to three spaces before the key; the key of letters,
  digits, `_` and `-` directly followed by `:`) nor a continuation line (four
  spaces or more after a key), which is then the body's first line;
- keys are case-insensitive; a repeated key keeps every value in order (the
  corrections plugin reads each `Ralat:`), continuation lines are further
  values of the key above;
- in a block opened with `---` (the YAML style of other static site generators
  and CMSs), a one-line value in YAML's quotes (`title: "Rapat: Bawaslu"`) is
  read without them, as YAML reads it, and a YAML list (`tags: [A, B]`, or
  `tags:` followed by `- A` lines) is read as `Tags: A, B` (a list of
  corrections, `ralat:`, as one `Ralat:` an item: REPEATED_KEYS), and a block
  scalar (`summary: >-`, `|`, `|-`, `>` … followed by indented lines, blank
  lines between them included: how a Git CMS writes a long value) as YAML
  reads it, its line breaks as spaces: `warta.markdown_source` hands Pelican
  the same value, so neither the quotes nor the brackets reach the site, and
  no list item or line of a block scalar ends the block;
- a block opened and closed with `---` is read by YAML's safe loader, as a
  CMS or another generator reads it (`read_yaml_block`): up to the closing
  `---`, blank lines, comments, quoted keys and values over several lines
  included, each key at its line; but up to a blank line followed by a line
  that is no front matter (the lead, with a `---` rule further down:
  `_extent`), as Pelican ends it there (a block with no closing `---` too);
  a plain value on its key's line is
  the text as written (` #2` is no comment), and so are an indented line
  below it that starts with `#` (`    #PemiluDamai`) and a plain list item
  (`- #PemiluDamai`, `[A, #B]`). One YAML cannot read is read
  line by line as above, through its blank and comment lines, a quoted key
  (`"draft": true`) included, with no error; `FrontMatter.problem` names the
  line YAML could not read when that reading takes it as more of a key or
  ends there (`\tdraft: true`).

Indonesian keys, as the CMS labels its fields and `invoke new` names its
options (`Rubrik:`, `Penulis:`, `Ringkasan:`, `Tag:` …, KEY_ALIASES), are the
English keys the build reads: a `Field`'s `key` is the English one, its `name`
as written, and `warta.markdown_source` hands Pelican the English key. So is
Hugo's and Decap's `categories:` (Category), of whose YAML list the first item
is used (LIST_ALIASES; `Field.unused` holds the others).
(`Wilayah:` is the regions plugin's own key, REGIONS_METADATA_KEYS.)

`parse(text)` reads a whole file (the last PARSED_TEXTS texts' documents
kept: several checks and stages read the same release), `parse_lines(lines)`
a front matter from any lines (it stops reading at the block's end),
`read_header(path)` a file's, and `SourceLines` a file's lines when a
message first needs one.

Below the front matter (the body outside fenced code, to the end of the file,
and a field's continuation lines), a line that is a publication flag holds the
release back as `Status: draft` would (`flag_below`, `FrontMatter.below`),
wherever it is written: `draft: true`, `published: false`, `- draft: true`,
`\tdraft: true` below `Title: …`, `Status: draft` (one of Pelican's statuses
that are not published, as its one word), `Embargo: 2099-11-02 10:00` (a
date). Any other such line is the release's text (`Status: Diregistrasi`,
`Tayang: Sabtu malam, langsung di TVRI`).
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import itertools
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import yaml

# Python-Markdown's `meta`'s own, not anchored at the end: `----` opens and
# closes a front matter, as it does for Pelican.
from markdown.extensions.meta import BEGIN_RE, END_RE

from warta.dates import when_written
from warta.text import (
    control_characters_in,
    in_fenced_code,
    may_hold_ascii_word,
    split_outside_references,
    with_references_read,
    without_control_characters,
)

# A key as Python-Markdown's `meta` reads one (its META_RE): letters, digits,
# `_` and `-`; `warta.markdown_source` hands Pelican no other.
KEY_NAME = r"[A-Za-z0-9_-]+"
META_KEY_RE = re.compile(KEY_NAME)
KEY_RE = re.compile(r"^[ ]{0,3}(?P<key>" + KEY_NAME + r"):\s*(?P<value>.*)")
# The same key in YAML's quotes (`"draft": true`, `'Status': draft`), in a `---` block.
QUOTED_KEY_RE = re.compile(
    r"""^[ ]{0,3}(?P<q>["'])(?P<key>""" + KEY_NAME + r""")(?P=q)\s*:\s*(?P<value>.*)"""
)
CONTINUATION_RE = re.compile(r"^[ ]{4,}(?P<value>.*)")
# YAML's safe loader, libyaml's when PyYAML has it (the same nodes and marks).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
LIST_ITEM_RE = re.compile(r"^\s*-(?:\s+(?P<value>.*))?$")
# A YAML block scalar's header: `>` folded or `|` literal, with a chomping
# indicator (`-`, `+`) and an indentation digit in either order, and a comment.
BLOCK_SCALAR_RE = re.compile(r"^[|>](?:[1-9][+-]?|[+-][1-9]?)?(?:\s+#.*)?$")


def closes(line: str) -> bool:
    """Whether `line` ends a front matter as `meta` reads it (`---`, `----`,
    `...`); a `---extra: x` key, which YAML reads as one, does not:
    `warta.markdown_source` leaves it out of what `meta` reads."""
    return bool(END_RE.match(line)) and not KEY_RE.match(line)


# Indonesian keys → the key the build reads (lower case). The CMS's labels
# (Judul, Tanggal, Rubrik, Penulis, Tag, Ringkasan) and `invoke new`'s options
# (--rubrik, --penulis, --tag, --ringkasan), and Kategori.
KEY_ALIASES = {
    "judul": "title",
    "tanggal": "date",
    "rubrik": "category",
    "kategori": "category",
    "penulis": "author",
    "ringkasan": "summary",
    "tag": "tags",
    "komentar": "comments",
    # Hugo's and Decap's list of categories: this site's one rubrik (LIST_ALIASES).
    "categories": "category",
}
# Keys written as a list of what the build reads one of: a YAML list
# (`categories: [Siaran Pers]`) gives its first item; the others are not used
# (`Field.unused`, said by content_lint).
LIST_ALIASES = frozenset({"categories"})
# Keys written once a value, repeatable: a YAML list of one (`ralat:` then
# `- 2024-11-23 09:00 — …` lines) is a value an item, each handed to Pelican
# as its own line (the corrections plugin reads each `Ralat:`).
REPEATED_KEYS = frozenset({"ralat"})


def canonical_key(name: str) -> str:
    """The lower-case key the build reads for a key as written (`Rubrik` → `category`)."""
    key = name.lower()
    return KEY_ALIASES.get(key, key)


# Other generators' and CMSs' way of keeping a release unpublished (Hugo's and
# Decap's `draft: true`, Jekyll's `published: false`): key → whether a yes
# keeps it unpublished. A value that is neither a yes nor a no (a typo) keeps
# the release a draft: a mistake here must leave it unpublished, never the
# other way round.
# Another generator's flag that keeps a release unpublished, and its value
# that does: `draft: true` (Hugo, Decap), `published: false` (Jekyll), and the
# same in Indonesian (`Draf: ya`, `Terbit: tidak`).
UNPUBLISHED_FLAGS = {"draft": True, "published": False, "draf": True, "terbit": False}
PUBLICATION_KEYS = frozenset({"status", *UNPUBLISHED_FLAGS})
# A word of a key meant to say whether or when a release is out ("Status-Draft",
# "Embargo", "Unpublished", "publishDate", "tanggal_terbit"); not "Publisher".
_PUBLICATION_WORD_RE = re.compile(
    r"drafts?|draf|unpublish\w*|embargo\w*|terbit\w*|tayang\w*|hidden|sembunyi\w*"
    r"|publish(?:ed|date|at|on)?"
)


def _publication_words(key: str) -> bool:
    return any(_PUBLICATION_WORD_RE.fullmatch(w) for w in re.split(r"[-_ ]+", key.lower()))


_SORTED_PUBLICATION_KEYS = tuple(sorted(PUBLICATION_KEYS))


# (A few keys, read for every field of every release; bounded, as it runs in
# every forked worker.)
@functools.lru_cache(maxsize=1024)
def _misspelt_publication_key(key: str) -> str | None:
    """The one of `PUBLICATION_KEYS` a lower-case key that is none of them
    is a misspelling of ("stauts" → "status", "drfat" → "draft"); None for none."""
    close = difflib.get_close_matches(key, _SORTED_PUBLICATION_KEYS, n=1, cutoff=0.8)
    return close[0] if close else None


@functools.lru_cache(maxsize=1024)
def is_publication_key(key: str) -> bool:
    """Whether a key that is none of `PUBLICATION_KEYS` was meant as one:
    misspelt ("Stauts", "Statu") or another word ("Status-Draft", "Embargo",
    "Unpublished", "publishDate")."""
    key = key.lower()
    if key in PUBLICATION_KEYS:
        return False
    return _misspelt_publication_key(key) is not None or _publication_words(key)


# Keys that plainly hold a release back though no word of theirs is one of
# `_PUBLICATION_WORD_RE` (docs/panduan-penulis.md §6: better held back than
# out), read in the front matter only (`release_key_holds`); below it
# `Jadwal: Senin, 7 Desember 2026` is an announcement's text.
# - A date of release or schedule: `release`, `releases`, `released`, `rilis`,
#   `rilisan`, `jadwal`, `schedule`, `schedules`, `scheduled`, `scheduling`,
#   `go-live` (`golive`), with only date words before or after it (`tanggal`,
#   `tgl`, `waktu`, `jam`, `date`, `time`, `at`, `on`): `Release-Date:`,
#   `Tanggal-Rilis:`, `Jadwal:`, `Scheduled-At:`, `Go-Live:`, `releaseDate:`;
#   not `Jadwal-Sidang:`.
_DATE_WORDS = r"(?:tanggal|tgl|waktu|jam|date|time|at|on)"
_SCHEDULE_KEY_RE = re.compile(
    rf"(?:{_DATE_WORDS}-?)*"
    r"(?:release[sd]?|rilis(?:an)?|jadwal|schedul(?:e[sd]?|ing)|go-?live)"
    rf"(?:-?{_DATE_WORDS})*"
)
# - A yes or a no about whether a release is shown, the whole key: key →
#   whether a yes holds it back (`Tampil: tidak`, `Rahasia: ya`).
VISIBILITY_FLAGS = {
    "tampil": False,
    "visible": False,
    "publikasi": False,
    "rahasia": True,
    "private": True,
    "unlisted": True,
    "tahan": True,
    "ditahan": True,
    "hold": True,
    "pending": True,
}
# - A value of a key nothing on the site reads that starts with a notice
#   of an embargo or a draft (`Keterangan: EMBARGO hingga 7 Desember 2026`,
#   `Catatan: draf, jangan diterbitkan dulu`, `Catatan: masih draf`): `embargo…`
#   then a date, `hingga`, `sampai`, `sebelum`, `until` or a mark; `draf`,
#   `draft(s)` (`masih draf`) then a mark or nothing; `jangan`/`belum (boleh)`
#   `terbit`/`diterbitkan`. Not a text about a draft or an embargo
#   (`Deskripsi: Draf PKPU Kampanye dibahas`, `Embargo Hasil Hitung Cepat`),
#   nor an address or a file name (`draf/rapat/index.html`).
_NOTICE_END = r"(?=\s*(?:$|[,:;|!)\]]|[-–—](?!\w)|\.(?!\w)))"
_HOLDING_VALUE_RE = re.compile(
    r"^[\W_]*(?:"
    r"embargo\w*(?=\s*(?:$|[,:;|!)\]]|[-–—](?!\w)|\.(?!\w)|(?:hingga|sampai|sebelum|until)\b|\d))"
    rf"|(?:masih\s+)?(?:drafts?|draf){_NOTICE_END}"
    r"|(?:jangan|belum)\s+(?:boleh\s+)?(?:di)?terbit(?:kan)?\b"
    r")",
    re.IGNORECASE,
)


# A notice at the start of a title that the release is not to be published
# yet, as press releases carry one: in brackets, any case (`[EMBARGO 7/12]`,
# `(Draft)`, `[JANGAN TERBIT]`); in capitals (`EMBARGO 7 DESEMBER …`,
# `JANGAN TERBIT …`, `BELUM TERBIT …`); or a word then a dash, a colon or a
# bar, any case (`DRAF - …`, `Draft: …`, `Embargo | …`). A title's own words
# are not one (`Draf PKPU Kampanye Dibahas`, `Embargo Hasil Hitung Cepat
# Berakhir`, `Jangan Terbitkan Hoaks`).
_HOLD_WORDS = (
    r"embargo\b[^\])]*?|drafts?|draf|(?:jangan|belum)\s+(?:boleh\s+)?(?:di)?terbit(?:kan)?"
)
_TITLE_NOTICE_RE = re.compile(
    r"^[\W_]*?(?:"
    rf"[\[(]\s*(?P<bracketed>(?i:{_HOLD_WORDS}))\s*[\])]"
    r"|(?P<capital>EMBARGO\b|(?:JANGAN|BELUM)\s+(?:BOLEH\s+)?(?:DI)?TERBIT(?:KAN)?\b)"
    r"|(?P<marked>(?i:embargo|drafts?|draf))\s*[-–—:|]"
    r")"
)


def title_notice(title: str) -> str | None:
    """The notice at the start of a title that holds its release back
    (`_TITLE_NOTICE_RE`: "[EMBARGO 7/12]", "DRAF -", "JANGAN TERBIT"), as
    written; None when it has none."""
    match = _TITLE_NOTICE_RE.match(title.strip())
    return match[0].strip("*_ \t-–—:|") if match else None


# - A date a release is to come down, the whole key: the site's
#   `Kedaluwarsa:` (TAKE_DOWN_KEY), and the same written otherwise (Hugo's
#   and Decap's `expiryDate:`, Hugo's `unpublishDate:`, `Expires:`,
#   `Tayang-Hingga:`, `Publish-Until:`, `Diturunkan:` (the CMS's label),
#   `Tanggal-Diturunkan:`, `Masa-Berlaku:`, `Take-Down:`, `is_end_key`; a bare `Unpublish:`
#   with a date, `is_end_field`). The hourly build takes the release off the
#   site from that time (`warta.published.hold_taken_down`); a value that
#   reads as no date, or a date not after the `Date:`, holds it back.
#   A word before it may be joined to it, as a camel-cased key written
#   lower case is (`tanggalKedaluwarsa`, `tglTayangHingga`).
_END_KEY_RE = re.compile(
    r"\w*-?(?:expir\w*|(?:ke|ka)?da?luw?arsa|unpublish(?:ed)?-?(?:date|at|on|time))"
    r"(?:-\w+)?"
    r"|\w*-?(?:tayang|terbit|publish(?:ed)?|tampil|berlaku)-?(?:hingga|sampai|until|end|ends)"
    r"(?:-\w+)?"
    r"|(?:(?:tanggal|tgl)-?)?diturunkan(?:-\w+)?|turun(?:kan)?-?(?:pada|tanggal|tgl)"
    r"|masa-?berlaku(?:-\w+)?|take-?down(?:-\w+)?"
)
# The key the site writes a take-down date with, and hands the reader.
TAKE_DOWN_KEY = "kedaluwarsa"
TAKE_DOWN_NAME = "Kedaluwarsa"
# Keys that say when a release comes down only with a date as their value
# (`Unpublish: 2024-11-20`; `unpublished: true` is another generator's flag).
BARE_END_KEYS = ("unpublish", "unpublished")


def _joined_key(key: str) -> str:
    return re.sub(r"[-_ ]+", "-", key.lower()).strip("-")


def is_end_key(key: str) -> bool:
    """Whether a key (any case, `-`, `_` or spaces between its words) says
    when a release is to come down (`_END_KEY_RE`)."""
    return bool(_END_KEY_RE.fullmatch(_joined_key(key)))


def is_end_field(key: str, value: str) -> bool:
    """Whether a field says when its release comes down: a take-down key
    (`is_end_key`), or a bare `Unpublish:` (`Unpublished:`) whose value reads
    as a date (`Unpublish: 2024-11-20`; `unpublished: true` is a flag)."""
    if is_end_key(key):
        return True
    return _joined_key(key) in BARE_END_KEYS and when_written(value) is not None


def take_down_holds(value: str, date: str = "") -> bool:
    """Whether a take-down field's value holds its release back whatever the
    clock: it reads as no date (`when_written`), or as one not after the
    `Date:` (`date`; none, or one not read: any date is after it)."""
    when = when_written(value)
    if when is None:
        return True
    written = when_written(date) if date else None
    return written is not None and when <= written


def release_key_holds(key: str, value: str, date: str = "") -> bool:
    """Whether a front-matter field of a key that is no publication key (lower
    case) holds its release back as one would: a release or schedule date
    later than the `Date:` (`date`; none: any date), a visibility yes or no
    that says hidden, or, for a key nothing on the site reads, a value that
    names an embargo or a draft. Anything else (a schedule key with no date,
    `Tampil: Ketua Bawaslu`) is the field it was."""
    words, known = _release_key_kind(key)
    if words is None:
        return False  # a key the site reads (`Tags:`), of no schedule or visibility
    if not known and _HOLDING_VALUE_RE.match(value.strip()):
        return True
    if words in VISIBILITY_FLAGS:
        yes = yes_or_no(value)
        return yes is not None and yes is VISIBILITY_FLAGS[words]
    if _SCHEDULE_KEY_RE.fullmatch(words):
        when = when_written(value)
        if when is None:
            return False
        written = when_written(date) if date else None
        return written is None or when > written
    return False


@functools.lru_cache(maxsize=1024)
def _release_key_kind(key: str) -> tuple[str | None, bool]:
    """(`key`'s words as `release_key_holds` reads them, `Release_Date` →
    `release-date`, whether the site reads it), read once a key; (None, True)
    for a key the site reads that is no visibility or schedule key."""
    words = re.sub(r"[-_ ]+", "-", key.lower()).strip("-")
    known = key.lower() in _site_keys() or words in _site_keys()
    if known and words not in VISIBILITY_FLAGS and not _SCHEDULE_KEY_RE.fullmatch(words):
        return None, True
    return words, known


# Letters of other scripts that look like a Latin letter (Unicode's
# confusables.txt, the Cyrillic and Greek letters it reads as one Latin
# letter): `Ѕtatus:` (Cyrillic Ѕ), `Drаft:` (Cyrillic а) look like keys.
_LOOK_ALIKES = str.maketrans(
    "АВЕКМНОРСТХУІЈЅԚԜӀаеорсухіјѕһԁԛԝӏкΑΒΕΖΗΙΚΜΝΟΡΤΥΧαιοκνρυ",
    "ABEKMHOPCTXYIJSQWIaeopcyxijshdqwlkABEZHIKMNOPTYXaiokvpu",
)


def ascii_key(name: str) -> str:
    """A key as written with its letters folded to the Latin ones they look
    like: accents off (`Stätus` → `Status`, `Émbargo` → `Embargo`), a
    Cyrillic or Greek look-alike as its Latin letter (`Drаft` → `Draft`);
    any other letter as it is."""
    if name.isascii():
        return name
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.translate(_LOOK_ALIKES)


def odd_key_line(line: str) -> tuple[str, str, str] | None:
    """(key as written, `ascii_key` of it, value) of a `Key: value` line whose
    key has a letter other than A–Z; None for any other line."""
    if line.isascii():
        return None
    match = _FLAG_LINE_RE.match(line)
    if match is None or match["key"].isascii():
        return None
    return match["key"], ascii_key(match["key"]), yaml_unquoted(match["value"])


def _later_than(when, date: str) -> bool:
    """Whether a release or embargo time `when` (`when_written`) is later
    than the `Date:` (`date`; none, or one not read: any time is)."""
    written = when_written(date) if date else None
    return written is None or when > written


def keeps_unpublished(name: str, value: str, date: str = "", *, below: bool = False) -> bool:
    """Whether a field `name: value` keeps its release unpublished, one rule
    for the front matter and for a line below it (`below`, `flag_below`).

    - A flag (`draft: true`, `published: false`, `Draf: ya`, `Terbit:
      tidak`, misspelt `Drfat: true`): by its yes or no.
    - A `Status:` (misspelt `Stauts:`, `Statu:`): one of
      UNPUBLISHED_STATUSES holds it back, one of _PUBLISHED_STATES lets it
      out. (A correctly spelt `Status:` in the front matter is Pelican's own,
      read by Pelican; it is not asked about here.)
    - A key about when a release is out (`Embargo:`, `Tayang:`,
      `publishDate:`): a date later than the `Date:` (`date`; none: any
      date) holds it back, an earlier one lets it out.
    - A key about when it is to come down (`Kedaluwarsa:`, `expiryDate:`,
      `Tayang-Hingga:`, `is_end_field`), in the front matter: a value that is
      no date, or a date not after the `Date:`, holds it back
      (`take_down_holds`); a later date lets it out until then (the build
      takes it down at that time: `warta.published.hold_taken_down`); below
      it, a date or a yes holds it back (no reader takes it down there).

    A value that says neither clearly (`Draft: mungkin`, `Stauts: pending`,
    `Tayang: Sabtu malam, langsung di TVRI`) holds the release back in the
    front matter, where every line is a field and letting a release out
    cannot be undone, and is the release's text below it, where a line may be
    prose (`Status: Diregistrasi`); but a misspelt key is never prose, so it
    is read the same in both places. Below the front matter an `Embargo:`
    with no date (`hingga Selasa pukul 10.00 WIB`) still holds it back. A
    name that is no publication key (`Publisher:`, a count `Stats: 120`)
    does only in the front matter, as `release_key_holds` reads it
    (`Release-Date:` later than the Date:, `Tampil: tidak`). A key with a
    letter other than A–Z is read as its `ascii_key`, misspelt (`Stätus:`,
    `Drаft:` with a Cyrillic а: no reader reads it, and no prose writes it)."""
    odd = not name.isascii()
    key = canonical_key(ascii_key(name).lower())
    if is_end_field(key, value):
        if not below:
            return take_down_holds(value, date)
        # Below the front matter no reader takes it down at its time: a date
        # or a yes there (`Kedaluwarsa: 2024-11-18`, `Diturunkan: ya`) holds
        # it back now, rather than leave up what staff meant to take down.
        return when_written(value) is not None or yes_or_no(value) is True
    if key in PUBLICATION_KEYS:
        meant, misspelt = key, odd
    elif is_publication_key(key):
        meant = None if _publication_words(key) else _misspelt_publication_key(key)
        misspelt = True
    elif not below:
        return release_key_holds(key, value, date)
    else:
        return False
    text = value.strip().strip("'\"").strip().lower()
    clear_only = below and not misspelt
    if meant is None:
        when = when_written(value)
        if when is not None:
            return _later_than(when, date)
        if below:
            return any(w.startswith("embargo") for w in re.split(r"[-_ ]+", key))
        return True
    if meant == "status":
        if text in _PUBLISHED_STATES:
            return False
        if clear_only:
            return text in UNPUBLISHED_STATUSES
        return bool(re.search(r"[^\W\d_]", text))  # a word: a state, not a count
    yes = yes_or_no(value)
    if yes is not None:
        return yes is UNPUBLISHED_FLAGS[meant]
    if clear_only:
        return False
    # (a typo in a flag's value keeps the release a draft; a misspelt key
    # with a value that is no state is a name: `Publishd: Humas Lahat`)
    return not misspelt or text in _STATES


# Values that say whether a release is out (beside a yes or a no), and those
# of a `Status:` that let it out (Pelican's "published", and the same said
# otherwise).
_STATES = frozenset(
    ["draft", "draf", "hidden", "unpublished", "private", "published", "publish", "terbit"]
)
_PUBLISHED_STATES = frozenset(["published", "publish", "terbit"])


YES_VALUES = frozenset({"true", "yes", "y", "ya", "1", "on"})
NO_VALUES = frozenset({"false", "no", "n", "tidak", "0", "off"})


def yes_or_no(value: str) -> bool | None:
    """True for a yes ("true", "ya", "1" …), False for a no, None for neither."""
    text = value.strip().strip("'\"").strip().lower()
    return True if text in YES_VALUES else False if text in NO_VALUES else None


@dataclass(frozen=True)
class Field:
    """One `Key: value` line and its continuation lines."""

    key: str  # lower case, the English key of an Indonesian one (KEY_ALIASES)
    name: str  # as written
    line: int  # 1-based line of the key
    values: tuple[str, ...]  # the key line's value, then one per continuation line
    lines: tuple[int, ...]  # 1-based line of each value
    # The values as written, where they differ (YAML's quotes read off).
    written: tuple[str, ...] | None = None
    # Items of a list written for a key read once (`categories: [A, B]`: B),
    # left out of the value (LIST_ALIASES).
    unused: tuple[str, ...] = ()
    # The items of a YAML list (`tags: ["Sosialisasi ; Rapat", IKP]`), as YAML
    # reads them, empty ones left out: each one item (`list_items`), whatever
    # it holds.
    items: tuple[str, ...] = ()
    # A notice below the front matter (`embargo_notice`: `DRAF – belum boleh
    # terbit`, `EMBARGO hingga …`), named by its whole line: no key.
    notice: bool = False
    # A YAML map (`author:` then `  name: Budi`, `image: {src: foto.jpg}`),
    # which nothing of the site reads: its value is "".
    mapped: bool = False

    @property
    def value(self) -> str:
        """The values joined by a space (a value wrapped over several lines)."""
        return " ".join(v for v in self.values if v)


@dataclass(frozen=True)
class FrontMatter:
    """The `Key: value` block at the top of a release (empty when it has none)."""

    fields: tuple[Field, ...] = ()
    # 0-based index of the first line after the block (its closing blank or
    # `---` line included): where the body starts.
    end: int = 0
    # False when a line of text (the body's first) ended the block instead of a
    # blank line, a `---`/`...` line or the end of the file.
    closed: bool = True
    # Opened with `---`: YAML's style, where a value is read as YAML reads it.
    dashed: bool = False
    # Read up to its closing line (`closing`, the last before `end`): a `---`
    # block closed by `---` (or by a blank line before the release's text),
    # the fields' lines running to it, blank and comment lines between them
    # included.
    to_closing: bool = False
    # (1-based line, what YAML says, the line as written) of a `---` block
    # YAML cannot read, when the line-by-line reading (its fields) takes that
    # line as more of a key or ends there.
    problem: tuple[int, str, str] | None = None
    # Lines below the front matter that keep the release unpublished
    # (`flag_below`: `draft: true` below a lead, `- draft: true`, a tab-indented
    # `draft: true` read as more of `Title:`): the release's text, but each
    # holds it back as a draft would (`unpublished_by_flag`), wherever it is.
    below: tuple[Field, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.fields)

    @property
    def closing(self) -> int | None:
        """0-based index of the closing line of a block read up to it
        (`to_closing`); None for any other."""
        return self.end - 1 if self.to_closing else None

    @property
    def body_start(self) -> int:
        """1-based number of the body's first line."""
        return self.end + 1

    @property
    def insert_at(self) -> int | None:
        """0-based index where a new `Key: value` line goes (after the last
        field's last line); None when the block is not followed by a blank line
        or the end of the file (a line of text ends it: adding there would join
        that text to the front matter)."""
        if not self.fields or not self.closed:
            return None
        return self.fields[-1].lines[-1]

    def all(self, *keys: str) -> list[Field]:
        """Every field of these keys (any case; an Indonesian key counts as its
        English one), in file order."""
        wanted = {canonical_key(key) for key in keys}
        return [f for f in self.fields if f.key in wanted]

    def first(self, *keys: str) -> Field | None:
        """The first field of these keys (the one Pelican uses when one is repeated)."""
        found = self.all(*keys)
        return found[0] if found else None

    def value(self, key: str, default: str = "") -> str:
        found = self.first(key)
        return found.value if found else default

    def line(self, *keys: str) -> int | None:
        """1-based line of the first of these keys (any case); None if absent."""
        found = self.first(*keys)
        return found.line if found else None

    def unpublished_by_flag(self) -> Field | None:
        """The field of another generator's convention that keeps a release
        unpublished (`UNPUBLISHED_FLAGS`), when there is one and no `Status:`
        of this site's says so already; a `Status:` written again that holds
        it back (`draft`, `hidden`) after one that does not is one too."""
        statuses = self.all("status")
        if self.value("status").strip().lower() == "draft":
            return None
        for later in statuses[1:]:
            # `Status: published` then `Status: draft`: the reader would use
            # the first; the one that holds it back is used, never the other.
            if later.value.strip().lower() in UNPUBLISHED_STATUSES:
                return later
        if self.below:
            return self.below[0]  # the release's text, but a flag (`flag_below`)
        date = self.value("date")
        for item in self.fields:
            if item.key != "status" and keeps_unpublished(item.key, item.value, date):
                return item
        title = self.first("title")
        if title is not None and title_notice(title.value) is not None:
            return title  # `Title: [EMBARGO 7/12] …`, `Title: DRAF - …`
        return None

    def take_down(self) -> Field | None:
        """The field that says when the release comes down (`is_end_field`:
        `Kedaluwarsa:`, `expiryDate:` …), in the front matter: of several
        (`Kedaluwarsa:` written again, an old `expiryDate:` left beside it)
        the one of the earliest date, the safe side (the first of equal ones;
        the first when none reads as a date); None when there is none. One
        whose value holds the release back whatever the clock is the flag
        `unpublished_by_flag` finds."""
        fields = self.take_downs()
        dated = [(when_written(f.value), n) for n, f in enumerate(fields)]
        read = [(when, n) for when, n in dated if when is not None]
        if read:
            return fields[min(read)[1]]
        return fields[0] if fields else None

    def take_downs(self) -> list[Field]:
        """Every field of the front matter that says when the release comes down."""
        return [f for f in self.fields if is_end_field(f.key, f.value)]

    def keys(self) -> dict[str, int]:
        """Lower-case key → line of its first occurrence."""
        found: dict[str, int] = {}
        for item in self.fields:
            found.setdefault(item.key, item.line)
        return found


@dataclass(frozen=True)
class Document:
    """A release: its lines (no BOM, no line ends), front matter and body."""

    lines: tuple[str, ...]
    front_matter: FrontMatter = field(default_factory=FrontMatter)

    @property
    def body(self) -> list[tuple[int, str]]:
        """(1-based line, text) of every body line."""
        start = self.front_matter.end
        return list(enumerate(self.lines[start:], start=start + 1))

    @property
    def first_body_line(self) -> tuple[int, str] | None:
        """(1-based line, text) of the body's first line with text; None if none."""
        return next(((n, text) for n, text in self.body if text.strip()), None)

    @property
    def empty(self) -> bool:
        """Nothing but white space in the file."""
        return not any(line.strip() for line in self.lines)


def split_lines(text: str) -> list[str]:
    """Lines as Pelican's Markdown counts them: BOM removed, CRLF/CR read as LF,
    a final line end does not start another line."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def parse_lines(lines: Iterable[str], *, flags_below: bool = True) -> FrontMatter:
    """The front matter of a file given as lines (with or without line ends; a
    BOM on the first is ignored). A block opened and closed with `---` is read
    as YAML reads it (`read_yaml_block`), up to its `_extent`; one that YAML
    cannot read, line by line as Pelican's `meta` does, with the `problem` of
    a line that reading does not take as a key. With `flags_below` the lines
    are read to the end, for the draft flags below the front matter that hold
    the release back (`_with_flags_below`); without, no further than the
    block's end, so an open file can be passed to read only its top (where a
    key is, which keys it declares: not whether it is published)."""
    if not flags_below:
        return _parse_head(iter(lines))
    every = list(lines)
    return _with_flags_below(_parse_head(iter(every)), every)


def _parse_head(lines: Iterator[str]) -> FrontMatter:
    """`parse_lines` without the flags below: the lines it takes from `lines`
    are the front matter's and, for a `---` block, up to its closing line."""
    first = next(lines, None)
    if first is None:
        return FrontMatter()
    opening = first.rstrip("\r\n").removeprefix("\ufeff")
    if not BEGIN_RE.match(opening.expandtabs(4)):
        return _parse_meta(itertools.chain([first], lines))
    closed = False
    block = [opening]
    for raw in lines:
        block.append(raw.rstrip("\r\n"))
        if closes(block[-1].expandtabs(4)):
            closed = True
            break
    # No closing `---`: the same block, up to the release's text.
    region = block if closed else [*block, "---"]
    cut = _extent(region)
    extent = [*region[:cut], "---"]  # (a blank line that ends it read as the closing line)
    read = read_yaml_block(extent)
    if read is None:  # no mapping: text between two rules
        return _parse_meta(block)
    if isinstance(read, FrontMatter):
        return _to_end(read, len(block))
    # As Pelican's `meta` reads it, a quoted value over several lines as YAML does.
    front = _parse_meta(extent, through=True, held=frozenset(_held_lines(extent)))
    if front and front.closed and front.end == cut + 1:
        front = dataclasses.replace(front, to_closing=True)  # (its blank lines not handed over)
    front = _to_end(front, len(block))
    line = read[0]
    ended_here = not front.closed and line == front.end + 1
    if read[1] == OPEN_VALUE and front:
        return dataclasses.replace(front, problem=read)  # (its key read with the quote)
    if (
        not front
        or any(line == item.line for item in front.fields)
        or not (ended_here or any(line in item.lines[1:] for item in front.fields))
    ):
        return front  # read as its own key (`Title: Rapat: Bawaslu`), or the body's
    # A line the line-by-line reading takes as more of a key, or where it ends
    # (`\tdraft: true`, `  draft: true` under a list item): content_lint says
    # it when it holds a key (`warta.source_checks`).
    return dataclasses.replace(front, problem=read)


# A line below the front matter that is a publication flag: a key (of any
# letters: `Stätus:`, read as `ascii_key`), plain or in YAML's quotes,
# optionally a YAML list item (`- draft: true`), at any indentation (tabs
# too), then its value; such a line is never the prose of a release
# (`_with_flags_below`).
_FLAG_LINE_RE = re.compile(
    r"""^\s*(?:-\s+)?(?P<q>["']?)(?P<key>[\w-]+)(?P=q)\s*:\s*(?P<value>.*?)\s*$"""
)
# Pelican's statuses of an article that keep it unpublished (its
# `Article.allowed_statuses` but "published"), and the Indonesian "draf".
UNPUBLISHED_STATUSES = frozenset({"draft", "hidden", "skip", "draf"})


def flag_below(line: str, date: str = "", *, ending: bool = False) -> tuple[str, str, str] | None:
    """(key, name as written, value) of a line below the front matter that
    keeps the release unpublished, the same wherever it is written (after a
    dateline, in an unclosed `---` block, under a list's `-`, indented): a
    flag (`draft: true`, `published: false`, `"Draf": ya`, a misspelt
    `Drfat: true`) whose yes or no means unpublished; `Status:` with one of
    UNPUBLISHED_STATUSES as its one word; or a key about when a release is
    out (`Embargo:`, `Tayang:`) whose value reads as a date later than
    `date` (the Date:; none: any date), and an `Embargo:` whose value is no
    date (`hingga Selasa pukul 10.00 WIB`). Anything else is the release's
    text: `Status: Diregistrasi`, `Tayang: Sabtu malam, langsung di TVRI`.
    A key with a letter other than A–Z (`Stätus: draft`, `Drаft: true` with a
    Cyrillic а, `Émbargo: 2099-12-09`) is read as its `ascii_key`: `meta`
    reads no such key, so on the line that ended the front matter (`ending`)
    it is read by the front matter's rules, where it stood."""
    match = _FLAG_LINE_RE.match(line)
    if match is None:
        return None
    name = match["key"]
    value = yaml_unquoted(match["value"].partition(" #")[0].strip())
    below = not ending or name.isascii()
    if not keeps_unpublished(name, value, date, below=below):
        return None
    return canonical_key(ascii_key(name).lower()), name, value


# An embargo notice, a line of a release's letterhead (`EMBARGO hingga Kamis,
# 10 Desember 2026 pukul 10.00 WIB`, `**EMBARGO:** …`, `Embargo s.d. …`,
# `Embargo sampai: 10/12/2026 10.00 WIB`, `EMBARGO – hingga …`, `DIEMBARGO
# HINGGA 10 DESEMBER 2026`, `Embargoed until …`): the word, what joins it to
# its time (none before a number), then the time (`embargo_time`). One
# pattern for the reader that holds the release back (`embargo_notice`) and
# for the dateline's, which skips the line as no lead (`warta.regions.dateline`).
_EMBARGO_JOIN = (
    r"(?:[:\u2013\u2014-]|(?:berlaku|hingga|sampai(?:\s+dengan)?|s\s?[./]\s?d|sd|until"
    r"|tanggal|tgl)\b\.?)"
)
EMBARGO_NOTICE = (
    r"(?:di)?embargo(?:ed)?\b[*_]*\s*(?:(?:" + _EMBARGO_JOIN + r"[*_]*\s*)+|(?=\d))"
    r"(?P<embargo_time>\S.*)"
)
_EMBARGO_NOTICE_RE = re.compile(EMBARGO_NOTICE, re.IGNORECASE)
# The same hold written without the word "embargo": `Untuk diterbitkan: 7
# Desember 2026 pukul 09.00 WIB`, `UNTUK DISIARKAN 7 DESEMBER 2026`,
# `Dilarang terbit sebelum 7 Desember 2026`, `Jangan ditayangkan sebelum …`.
# Only with a time (`Untuk disiarkan segera` is a letterhead's label, and
# lets the release out).
_RELEASE_VERB = r"(?:di)?(?:terbit(?:kan)?|siar(?:kan)?|publikasi(?:kan)?|tayang(?:kan)?|muat)"
HOLD_UNTIL_NOTICE = (
    r"(?:untuk\s+(?:segera\s+)?" + _RELEASE_VERB + r"|(?:dilarang|jangan|tidak\s+boleh"
    r"|belum\s+boleh)\s+" + _RELEASE_VERB + r"\s+sebelum)\b[*_]*\s*"
    r"(?:(?:[:\u2013\u2014-]|(?:pada|tanggal|tgl|hari)\b\.?)[*_]*\s*)*"
    r"(?P<hold_time>(?:\d|senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad).*)"
)
_HOLD_UNTIL_NOTICE_RE = re.compile(HOLD_UNTIL_NOTICE, re.IGNORECASE)
# A draft notice alone on its line: `DRAF`, `DRAFT – belum boleh terbit`,
# `Draf, jangan diterbitkan dulu`, `JANGAN DITERBITKAN`, `Belum boleh terbit`.
_NOT_YET = r"(?:belum|jangan|tidak)\s+(?:boleh\s+)?" + _RELEASE_VERB + r"(?:\s+dulu)?"
DRAFT_NOTICE = (
    r"(?:(?:draf|draft)(?:\s*[-\u2013\u2014:,|]?\s*" + _NOT_YET + r")?|" + _NOT_YET + r")"
)
_DRAFT_NOTICE_RE = re.compile(DRAFT_NOTICE, re.IGNORECASE)
# A word every notice above holds: most lines of a release hold none of them
# (`may_hold_ascii_word`).
_NOTICE_WORDS = ("embargo", "terbit", "siar", "publikasi", "tayang", "muat", "draf")
# Marks around a line of Markdown: a quote's `>`, a heading's `#`, a list
# item's bullet, emphasis, quotes and brackets (`_Embargo: 10/12/2026_`,
# `[EMBARGO …]`).
_NOTICE_OPENING_RE = re.compile(
    r"^\s*(?:>\s*)*(?P<block>#{1,6}\s+)?(?P<bullet>[-+*]\s+)?(?P<marks>[*_~\"'\u201c\u2018`\[(]*)"
)
# A bare `DRAF`/`Draft` (no "belum boleh terbit" after it) is a notice set off
# as one, as a title's is (`title_notice`): in capitals, bold or brackets, and
# neither a heading's word (`### Draf`) nor a list item's (`- Draf`).
_BARE_DRAFT_WORDS = frozenset({"draf", "draft"})
_NOTICE_CLOSING = "*_~\"'\u201d\u2019`])"
MAX_NOTICE_CHARS = 120  # (as long as a letterhead's line: `dateline.MAX_LETTERHEAD_CHARS`)
_NOTICE_LINE_CHARS = MAX_NOTICE_CHARS + 40  # (the same with its Markdown marks and spaces)


def _notice_text(line: str) -> str:
    """A line of a notice without its Markdown marks (`_NOTICE_OPENING_RE`)."""
    return _NOTICE_OPENING_RE.sub("", line).rstrip().rstrip(_NOTICE_CLOSING).rstrip()


def _is_draft_notice(text: str, line: str) -> bool:
    """Whether a line below the front matter (`line`; `text`, without its
    marks) is a draft notice alone (`DRAFT_NOTICE`: `**DRAF — belum boleh
    terbit**`); a bare word only set off as one (`_BARE_DRAFT_WORDS`)."""
    word = text.rstrip(" .!")
    if len(text) > MAX_NOTICE_CHARS or not _DRAFT_NOTICE_RE.fullmatch(word):
        return False
    if word.lower() not in _BARE_DRAFT_WORDS:
        return True  # (`DRAF — belum boleh terbit`, `Jangan diterbitkan dulu`)
    opening = _NOTICE_OPENING_RE.match(line)
    if opening["block"] or opening["bullet"]:
        return False
    marks = opening["marks"]
    return word.isupper() or "**" in marks or "__" in marks or "[" in marks or "(" in marks


def embargo_notice(line: str, date: str = "", *, opens: bool = True) -> tuple[str, str, str] | None:
    """("embargo", the line as written, its time as written) of a line
    below the front matter that is an embargo notice alone (`EMBARGO_NOTICE`,
    or `HOLD_UNTIL_NOTICE` with a time it reads; its Markdown marks aside) and
    holds the release back as `Embargo:` does (`keeps_unpublished`): a time
    later than `date` (the Date:), or none read (`hingga pemberitahuan lebih
    lanjut`) when the line `opens` a paragraph (a line of prose may wrap to
    start with "embargo hingga …"). ("draft", the line, "") of a draft
    notice alone opening a paragraph (`DRAFT_NOTICE`: `DRAF – belum boleh
    terbit`). None for any other line."""
    text = _notice_text(line)
    if len(text) > MAX_NOTICE_CHARS:
        return None
    if opens and _is_draft_notice(text, line):
        return "draft", line.strip(), ""  # (no value: a notice, not a `draft:` key)
    match = _EMBARGO_NOTICE_RE.fullmatch(text)
    if match is not None:
        value = match["embargo_time"].rstrip(_NOTICE_CLOSING + " .!")
    elif (match := _HOLD_UNTIL_NOTICE_RE.fullmatch(text)) is not None:
        value = match["hold_time"].rstrip(_NOTICE_CLOSING + " .!")
    else:
        return None
    when = when_written(value)
    if when is None:
        # (`hingga pemberitahuan lebih lanjut` holds it back, as an `Embargo:`
        # with no date below the front matter does; a hold with a time it
        # cannot read is a sentence, and so is a line that opens no paragraph)
        return (
            None
            if match.re is _HOLD_UNTIL_NOTICE_RE or not opens
            else ("embargo", line.strip(), value)
        )
    if not _later_than(when, date):
        return None
    return "embargo", line.strip(), value


# A line of a block that a line of text ended early (`FrontMatter.closed`
# False) written as a key `meta` does not read: a few words before the colon
# (`Status naskah: draft`, `Diturunkan pada: 2026-04-01 10:00`, `Catatan
# redaksi: masih draf`), or `=` or a colon that only looks like one
# (`Status = draft`, `Status：draft`); a dash or a full stop only after a
# publication or take-down key (`Status - draft`: `PALEMBANG – …` is a lead).
# (The key's words are lazy, and a run of spaces is taken by one part only.)
# Colons a phone's or a word processor's keyboard types that look like ':'
# (full-width, small, presentation form, ratio, modifier letter).
LOOKALIKE_COLONS = "\uff1a\ufe55\ufe13\u2236\ua789"
_STRANDED_KEY_RE = re.compile(
    r"^[ \t]*(?P<key>[A-Za-z][\w-]*(?:[ \t]+[\w-]+){0,2}?)[ \t]*"
    r"(?P<sep>[:=" + LOOKALIKE_COLONS + r"]|(?<=[ \t])[-\u2013\u2014](?=[ \t])|\.(?=[ \t]))"
    r"[ \t]*(?P<value>\S.*)$"
)


def _stranded_key(line: str) -> re.Match | None:
    """`_STRANDED_KEY_RE`'s match of a line that reads as a key there."""
    match = _STRANDED_KEY_RE.match(line)
    if match is None or match["sep"] not in "-\u2013\u2014.":
        return match
    key = _joined_key(ascii_key(match["key"]))
    return match if key in PUBLICATION_KEYS or is_publication_key(key) or is_end_key(key) else None


def _stranded_lines(front: FrontMatter, lines: list[str]) -> dict[int, re.Match | None]:
    """The lines (1-based) of a block a line of text ended early that staff
    meant as more of it, from that line down while each reads as a key: a
    line `meta` does not read → its `_stranded_key` match, a `Key: value`
    line (`_FLAG_LINE_RE`, read as below: a lead's line may wrap to start
    with `Status: Siaga 1 …`) → None. A line of prose ends them: the lead
    written with no blank line above it (`PALEMBANG – …`), and whatever its
    paragraph says below (`Jadwal tayang: Sabtu malam`), is the text."""
    found: dict[int, re.Match | None] = {}
    if front.closed:
        return found
    for number in range(front.body_start, len(lines) + 1):
        text = lines[number - 1]
        if not text.strip() or END_RE.match(text):
            break
        if _FLAG_LINE_RE.match(text):
            found[number] = None
        elif match := _stranded_key(text):
            found[number] = match
        else:
            break
    return found


def stranded_flag(match: re.Match, date: str = "") -> tuple[str, str, str] | None:
    """(key, name as written, value) of a line `_stranded_key` matched that
    holds the release back: staff meant it as front matter, so it is read by
    the front matter's rules (`keeps_unpublished`), but a take-down key there
    (`Diturunkan pada:`) takes nothing down, so a date or a yes in it holds
    the release back now, as below the front matter; with another mark than
    a colon, only a value that says so clearly does, as below it."""
    name = " ".join(match["key"].split())
    key = _joined_key(ascii_key(name))
    value = yaml_unquoted(match["value"].partition(" #")[0].strip())
    if is_end_key(key):
        holds = when_written(value) is not None or yes_or_no(value) is True
    else:
        # (with another mark than a colon, only a clear value: `STATUS =
        # WASPADA`, `Status – Siaga Darurat Banjir` open a lead)
        holds = keeps_unpublished(
            key, value, date, below=match["sep"] not in ":" + LOOKALIKE_COLONS
        )
    return (canonical_key(key), name, value) if holds else None


def _with_flags_below(front: FrontMatter, lines: list[str]) -> FrontMatter:
    """`front` with every line below it that keeps the release unpublished
    (`flag_below`, `FrontMatter.below`): a continuation line of a field
    (`\tdraft: true` below `Title: …`, read as more of the title) and every
    line of the body outside fenced code, to the end of the file."""
    if not front:
        return front
    date = front.value("date")
    # The fields' continuation lines, then the body's (in file order, apart).
    numbers = [n for item in front.fields for n in item.lines[1:]]
    below = lines[front.end :]
    code = in_fenced_code(below)
    numbers += [front.end + index + 1 for index in range(len(below)) if not code[index]]
    found: list[Field] = []
    body = front.end + 1  # (the body's first line: below it, a paragraph opens after a blank)
    ending = None if front.closed else front.body_start
    stranded = _stranded_lines(front, lines)
    for number in numbers:
        text = lines[number - 1].rstrip("\r\n")
        keyed = ":" in text or number in stranded  # (`Status = draft`)
        # A notice is a short line (MAX_NOTICE_CHARS, and its marks): most of
        # a release's lines are longer, and are searched for none of its words.
        notice = len(text) <= _NOTICE_LINE_CHARS and may_hold_ascii_word(text, _NOTICE_WORDS)
        if not keyed and not notice:
            continue  # (no key line and no notice: most of a release's lines)
        flag = flag_below(text, date, ending=number == ending) if keyed else None
        if flag is None and stranded.get(number) is not None:
            flag = stranded_flag(stranded[number], date)
        held = None
        if (flag is None or not flag[1][:1].isalpha()) and notice:
            # An embargo notice (`_Embargo: 10/12/2026_` too, read without its marks).
            opens = number == body or (number > body and not lines[number - 2].strip())
            held = embargo_notice(text, date, opens=opens)
            flag = held or flag
        if flag is not None:
            key, name, value = flag
            found.append(Field(key, name, number, (value,), (number,), notice=held is not None))
    return dataclasses.replace(front, below=tuple(found)) if found else front


def _to_end(front: FrontMatter, lines: int) -> FrontMatter:
    """`front`, read from a block with no closing `---` that runs to the end
    of the file (its `lines`), as ended there, not at a closing line."""
    if front.end <= lines:
        return front
    return dataclasses.replace(front, end=lines, to_closing=False)


# A key line of a `---` front matter: a short plain or quoted key (a few
# words, no sentence punctuation), then a colon.
_FRONT_KEY_RE = re.compile(
    r"""^(?P<key>"[^"]{1,40}"|'[^']{1,40}'|[A-Za-z0-9_][\w-]*(?:[ ][\w-]+){0,3})\s*:(?:\s|$)"""
    r"(?P<value>.*)"
)


@functools.cache
def _site_keys() -> frozenset[str]:
    # (imported here: warta.source_checks reads this module)
    from warta.source_checks import KNOWN_KEYS

    return KNOWN_KEYS


def _more_keys(line: str) -> bool:
    """Whether a key line below a blank line of a `---` block is more front
    matter, not the release's text: a quoted key (YAML's), a key of this site
    (`Tags:`, `Penulis:`) or one about publication (`draft:`, `Embargo:`), or
    a key as a CMS or another generator writes one, a word in lower case
    (`subtitle:`, `lastmod:`). A word in capitals or capitalised that nothing
    reads (`LAHAT:`, `Catatan:`) or a few words (`Hasil Rapat Pleno:`) is a
    dateline or a lead's start."""
    match = _FRONT_KEY_RE.match(line)
    if match is None:
        return False
    name = match["key"]
    if name[0] in "\"'":
        return True
    key = canonical_key(name)
    if key in PUBLICATION_KEYS or is_publication_key(key):
        return True  # (a draft flag below its text holds it back: `_with_flags_below`)
    return " " not in name and (key in _site_keys() or name.islower())


def _continues(owner: str, following: str) -> bool:
    """Whether an indented line or a list item below a blank line goes on
    with the key above it (`owner`): a line of its block scalar (`>-`, `|`),
    an item of its list (`- B`) or a key of its map; not a lead indented
    below a plain value or a list (a first-line indent pasted from Word)."""
    match = _FRONT_KEY_RE.match(owner)
    value = match["value"].strip() if match else "x"
    if BLOCK_SCALAR_RE.match(value):
        return following[:1] in (" ", "\t")
    text = following.lstrip()
    return value[:1] in ("", "#") and bool(LIST_ITEM_RE.match(text) or _FRONT_KEY_RE.match(text))


def _held_lines(block: list[str]) -> set[int]:
    """Indexes of the lines of `block` (its `---` line first) that go on with
    a value YAML reads over several lines with its own delimiters (a quoted
    text, a `[…]` or `{…}` list or map), its closing line included: a blank
    line there is part of the value. Read by YAML's scanner, as YAML reads
    it, whether or not what follows (the lead, with a `---` rule further
    down) is YAML: a line it cannot scan (`Title: A: B`) ends no value above
    it, and the reading starts again below it; a value left open, or closed
    before more text on its line (`"Kami siap," kata Rudi`), holds nothing."""
    held: set[int] = set()
    start, stop = 1, len(block) - 1
    while start < stop:
        depth, opened = 0, 0
        try:
            for token in yaml.scan("\n".join(block[start:stop]), Loader=_LOADER):
                first, last = start + token.start_mark.line, start + token.end_mark.line
                if isinstance(token, (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)):
                    depth, opened = depth + 1, opened if depth else first
                    continue
                if isinstance(token, (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)):
                    depth = max(depth - 1, 0)
                elif not (isinstance(token, yaml.ScalarToken) and token.style in ("'", '"')):
                    continue
                elif depth:
                    continue  # (held with its list or map)
                else:
                    opened = first
                ends_line = _VALUE_END_RE.match(block[last][token.end_mark.column :])
                if not depth and last > opened and ends_line:
                    held.update(range(opened + 1, last + 1))
            return held
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            start = stop if mark is None else start + mark.line + 1
    return held


# What may follow a value's closing quote or bracket on its line.
_VALUE_END_RE = re.compile(r"\s*(?:#.*)?$")


def _extent(block: list[str]) -> int:
    """0-based index of the line that ends a front matter opened and closed
    with `---` (`block`, both included): the closing `---`, or a blank line
    followed by the release's text (with a `---` rule further down), where
    Pelican's reader ends it. A blank line inside a quoted value is part of
    it; one followed by a paragraph of front matter (`_goes_on`) is more of
    it. A key about publication below the cut holds the release back
    (`_with_flags_below`), the lead above it still the release's text."""
    held: set[int] | None = None  # (composed at the first blank line after a line)
    owner = ""  # the last key line at the start of a line
    for index in range(1, len(block) - 1):
        line = block[index]
        if line.strip() and _FRONT_KEY_RE.match(line):
            owner = line
        if line.strip() or not block[index - 1].strip():
            continue
        held = _held_lines(block) if held is None else held
        if index in held:
            continue
        paragraph = _paragraph_below(block, index, held)
        if paragraph and not _goes_on(owner, paragraph, held):
            return index
    return len(block) - 1


def _paragraph_below(block: list[str], index: int, held: set[int]) -> list[tuple[int, str]]:
    """(index, line) of the paragraph below the blank line at `index` of
    `block`, up to the next blank line outside a quoted value: the first
    that is not `#` lines (YAML's comments before more front matter, the
    release's heading, `# Judul`, before its text)."""
    paragraph: list[tuple[int, str]] = []
    for number in range(index + 1, len(block) - 1):
        line = block[number]
        if not paragraph and (not line.strip() or line.startswith("#")):
            continue
        if not line.strip() and number not in held:
            break
        paragraph.append((number, line))
    return paragraph


def _goes_on(owner: str, paragraph: list[tuple[int, str]], held: set[int]) -> bool:
    """Whether a paragraph below a blank line of a `---` block is more front
    matter: more of the list, map or block scalar of the key above
    (`_continues`), or every line of it a key of front matter (`_more_keys`),
    more of a key above it in the paragraph (indented, a list item, a line
    of a quoted value) or a comment. A paragraph with a line of text, or a
    key a lead or an invitation's details write (`LAHAT:`, `Tempat:`), is
    the release's text."""
    first = paragraph[0][1]
    if first[:1] in (" ", "\t", "-") and not _continues(owner, first):
        return False
    return all(
        number in held or line[:1] in (" ", "\t", "-", "#") or _more_keys(line)
        for number, line in paragraph
    )


# What `read_yaml_block` says of a quoted value or a `[…]` list still open at
# the line that closes the block.
OPEN_VALUE = (
    "its quotes or brackets are not closed before the '---' line that ends the front matter"
)


def read_yaml_block(block: list[str]) -> FrontMatter | tuple[int, str, str] | None:
    """A front matter between `---` lines (`block`, both included) as YAML
    reads it, with the line of each key: a value over several lines (a
    folded plain or quoted scalar, a block scalar with blank lines) as one
    text, a quoted key (`"draft": true`) as its name, a list as
    `yaml_items`. (line, what YAML says, the line) when YAML cannot read it
    (line 0 when YAML names none: a control character); None when
    it is no mapping (text between two rules)."""
    text = "\n".join(block[1:-1])
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        if mark is None:  # (a control character: said by content_lint at its line)
            return 0, str(exc).splitlines()[0], ""
        said = getattr(exc, "problem", None) or getattr(exc, "context", None) or str(exc)
        opened = getattr(exc, "context_mark", None)
        context = getattr(exc, "context", None) or ""
        if (
            opened is not None
            and mark.index >= len(text.rstrip())
            and (
                context == "while scanning a quoted scalar"
                or (
                    context.startswith("while parsing a flow")
                    and not {"]", "}"} & set(text[opened.index :])
                )
            )
        ):
            # A quote or a `[` the closing `---` cut: said at the value's key
            # (a `---` line inside it is where Pelican's `meta` ends the block;
            # not a `]` after a `#` YAML reads as a comment: `[A, #B]` is text).
            mark, said = opened, OPEN_VALUE
        line = min(mark.line + 2, len(block) - 1)
        return line, said, block[line - 1]
    if root is None:
        return FrontMatter()
    if not isinstance(root, yaml.MappingNode):
        return None
    starts = [key.start_mark.line + 2 for key, _ in root.value] + [len(block)]
    fields = []
    for (key, node), line, following in zip(root.value, starts, starts[1:], strict=False):
        if not isinstance(key, yaml.ScalarNode):
            return line, "a key that is a list or a map", block[line - 1]
        # The key's lines: to the next key, less the blank and comment lines before it.
        numbers = list(range(line, following))
        while len(numbers) > 1 and block[numbers[-1] - 1].strip()[:1] in ("", "#"):
            numbers.pop()
        name, unused, items = key.value, (), ()
        if isinstance(node, yaml.SequenceNode):
            if not all(isinstance(item, yaml.ScalarNode) for item in node.value):
                return line, f"'{name}:' holds a list of lists or maps", block[line - 1]
            texts = [(_item_text(item, block), item.start_mark.line + 2) for item in node.value]
            listed = [text for text, _ in texts if text]
            if canonical_key(name) in REPEATED_KEYS and listed:
                # Each item a value, at its line (a correction's message names it).
                at = [number for text, number in texts if text]
                written = tuple(block[number - 1].strip() for number in at)
                fields.append(
                    Field(canonical_key(name), name, line, tuple(listed), tuple(at), written)
                )
                continue
            value, unused = _list_value(name, listed)
            items = () if unused or name.lower() in LIST_ALIASES else tuple(listed)
        elif isinstance(node, yaml.ScalarNode):
            parts = node.value.splitlines()
            if not node.style and (node.value == "" or node.start_mark.line == key.end_mark.line):
                # A plain value on its key's line, as written (Pelican's reading):
                # ` #2`, ` #PemiluDamai` are text, not a comment YAML leaves out.
                written_at = block[line - 1][key.end_mark.column :].lstrip()[1:]
                last = node.end_mark.line + 2 if node.value else line
                # So is an indented line below a wrapped value that starts with
                # `#` (`    #PemiluDamai`, `    #2 tingkat kabupaten`).
                while (
                    node.value
                    and last < following - 1
                    and block[last][:1] in (" ", "\t")
                    and block[last].lstrip().startswith("#")
                ):
                    last += 1
                numbers = list(range(line, max(numbers[-1], last) + 1))
                parts = [written_at, *block[line:last]]
            value = " ".join(part.strip() for part in parts if part.strip())
        else:  # a map (Hugo's `params:`): nothing of this site reads one
            value = ""
        written = tuple(block[number - 1].strip() for number in numbers)
        mapped = isinstance(node, yaml.MappingNode)
        fields.append(
            Field(
                canonical_key(name),
                name,
                line,
                (value,),
                tuple(numbers),
                written,
                unused,
                items,
                mapped=mapped,
            )
        )
    end = len(block)  # the closing `---` is block[-1]
    return FrontMatter(tuple(fields), end, True, True, to_closing=True) if fields else FrontMatter()


def _item_text(item: yaml.ScalarNode, block: list[str]) -> str:
    """A list item's text: a plain one on its `- ` line as written, as a
    plain value on its key's line is (`- #PemiluDamai` is a tag, not an
    empty item and a comment); any other as YAML reads it."""
    written = LIST_ITEM_RE.match(block[item.start_mark.line + 1])
    if item.style or item.start_mark.line != item.end_mark.line or written is None:
        return item.value
    return (written["value"] or "").strip()


def _parse_meta(
    lines: Iterable[str], through: bool = False, held: frozenset[int] = frozenset()
) -> FrontMatter:
    """The front matter read line by line, as Pelican's `meta` reads it
    (`parse_lines`); `through` blank and comment lines up to the closing
    `---` (a `---` block's `_extent` YAML cannot read: a `draft: true` below a
    blank line is still a key), the `held` lines (`_held_lines`: a quoted
    value over several lines, blank ones too) as more of the key above, read
    as YAML reads them."""
    fields: list[Field] = []
    current: tuple[str, str, int, list[str], list[int]] | None = None
    items: list[str] = []  # YAML block-list items of the current key
    index = -1
    closing: int | None = None
    ended_by_text = False

    yaml_style = False
    # A YAML block scalar (`summary: >-` then indented lines) of the current
    # key: its lines as written (None when the key has none), the indent of
    # its key and of its first line, and the blank lines not yet known to be
    # inside it (a blank line then a line of the scalar is part of it).
    block: list[str] | None = None
    key_indent = block_indent = 0
    blanks: list[int] = []

    quoted = False  # the current key's value goes on over `held` lines

    def close_current():
        if current is not None:
            key, name, line, values, numbers = current
            written, unused, listed_items = None, (), ()
            if quoted:  # a quoted value over several lines, as YAML reads it
                text = "\n".join(values)
                values, written = [yaml_unquoted(text)], tuple(v for v in values if v)
            listed = yaml_items(values[0], items) if yaml_style and len(values) == 1 else None
            if listed and key in REPEATED_KEYS:
                # Each item a value, at its line (`[A, B]`: the key's).
                at = [n for text, n in zip(items, numbers[1:], strict=False) if yaml_unquoted(text)]
                written = tuple(items) if items else (values[0],)
                values, numbers = listed, at or [line] * len(listed)
            elif block is not None:
                read = yaml_block(values[0], block)
                if read is not None:
                    written = (values[0], *(text.strip() for text in block if text.strip()))
                    values = [read]
                else:  # not YAML after all: the lines as written
                    values = [values[0], *(text.strip() for text in block if text.strip())]
            elif not yaml_style and key in LIST_KEYS and len(values) == 1:
                # `Tags: [A, B]` or `Tags: "A", "B"` below `Title: …` (no `---`):
                # a list as a CMS or a chat writes one, read as meant, not as
                # the tags "[A" and "B]" (`written_list`; content_lint says so).
                listed = written_list(values[0])
                if listed is not None:
                    written, listed_items = (values[0],), tuple(listed)
                    values = [_list_value(name, listed)[0]]
            elif yaml_style and len(values) == 1:
                if listed is None:
                    read = yaml_unquoted(values[0])
                else:
                    read, unused = _list_value(name, listed)
                    if name.lower() not in LIST_ALIASES:
                        listed_items = tuple(listed)
                if read != values[0] or unused:
                    written, values = (values[0], *items), [read]
            fields.append(
                Field(key, name, line, tuple(values), tuple(numbers), written, unused, listed_items)
            )

    for index, raw in enumerate(lines):
        line = raw.rstrip("\r\n").expandtabs(4)
        if index == 0:
            line = line.removeprefix("\ufeff")
            if BEGIN_RE.match(line):
                yaml_style = True
                continue
        if block is not None:
            if not line.strip():
                blanks.append(index)
                continue
            indent = len(line) - len(line.lstrip(" "))
            if indent > key_indent and indent >= (block_indent or indent):
                block_indent = block_indent or indent
                block.extend("" for _ in blanks)
                current[4].extend(number + 1 for number in blanks)
                block.append(line)
                current[4].append(index + 1)
                blanks = []
                continue
            if blanks and through:
                blanks = []
            elif blanks:  # the blank line after the scalar ends the front matter
                closing = blanks[0]
                break
        if index in held and current is not None and not items:
            current[3].append(line.strip())
            if line.strip():
                current[4].append(index + 1)
            quoted = True
            continue
        if through and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if not line.strip() or closes(line):
            closing = index
            break
        match = KEY_RE.match(line) or (QUOTED_KEY_RE.match(line) if yaml_style else None)
        if match:
            close_current()
            quoted = False
            name = match["key"]
            current = (canonical_key(name), name, index + 1, [match["value"].strip()], [index + 1])
            items = []
            block = [] if yaml_style and BLOCK_SCALAR_RE.match(current[3][0]) else None
            key_indent, block_indent = len(line) - len(line.lstrip(" ")), 0
            continue
        item = LIST_ITEM_RE.match(line) if yaml_style and current is not None else None
        if item and current[3] == [""]:  # a YAML list under `tags:`
            items.append((item["value"] or "").strip())
            current[4].append(index + 1)
            continue
        more = CONTINUATION_RE.match(line)
        if more and current is not None and not items:
            current[3].append(more["value"].strip())
            current[4].append(index + 1)
            continue
        ended_by_text = True  # the body's first line
        break
    else:
        index += 1  # every line read: the block runs to the end of the file
        if blanks:  # blank lines after a block scalar at the end
            closing = blanks[0]
    close_current()
    if not fields:
        # No block: the body starts on the first line (after a lone opening `---`).
        return FrontMatter()
    end = index if ended_by_text or closing is None else closing + 1
    return FrontMatter(tuple(fields), end, not ended_by_text, yaml_style)


def _list_value(name: str, listed: list[str]) -> tuple[str, tuple[str, ...]]:
    """The value of a key (`name` as written) written as a YAML list of texts
    (`listed`, empty items left out), and the items it leaves unused, for
    either reader of a `---` block: the first item of a key of LIST_ALIASES
    (`categories: [A, B]`: A, B unused), else every item joined as Pelican
    splits `Tags:` back (`pelican_list`)."""
    if name.lower() in LIST_ALIASES:
        return (listed[0] if listed else ""), tuple(listed[1:])
    return pelican_list(listed), ()


# An item of a one-line YAML list (`[A, "B, C", #D]`): a quoted text, or a
# plain one up to the next comma, and the comma after it.
_FLOW_ITEM_RE = re.compile(r"""\s*(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^,"'][^,]*)?\s*(?:,|$)""")


def yaml_items(value: str, items: list[str]) -> list[str] | None:
    """The items of a YAML list of texts (`[A, B]`, or `items` written below
    the key as `- A`), empty ones left out; None when `value` is no such list."""
    if items:
        return [text for text in map(yaml_unquoted, items) if text]
    if value.startswith("[") and value.endswith("]"):
        if re.search(r"(?:^|[\s,])#", value[1:]):
            # `[Rekapitulasi, "Pilkada 2024", #PemiluDamai]`: a tag, not a
            # comment YAML would read up to the line's end (and then miss the
            # `]`); a quoted item as YAML reads it.
            items = _FLOW_ITEM_RE.findall(value[1:-1])
            if "".join(items) == value[1:-1]:
                texts = (yaml_unquoted(item.strip().rstrip(",").strip()) for item in items)
                return [text for text in texts if text]
        try:
            # Every item as the text written (YAML's BaseLoader resolves no
            # type): tags are text, `[yes, no]` is "yes" and "no", not True and
            # False, `[null]` "null", `[2024.10]` "2024.10".
            loaded = yaml.load(value, Loader=yaml.BaseLoader)
        except yaml.YAMLError:
            return None
        if isinstance(loaded, list) and all(isinstance(v, str) for v in loaded):
            return [v for v in loaded if v]
    return None


# Quotes around a whole item of a list written by hand or pasted: YAML's, and
# the curly ones a word processor or a phone types (“Pilkada”, ‘Pilkada’).
_ITEM_QUOTES = {'"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019", "\u201e": "\u201d"}


def _quoted_item(text: str) -> str | None:
    """The text inside the quotes around the whole `text`, or None."""
    if len(text) > 2 and text[-1] == _ITEM_QUOTES.get(text[0]):
        inner = text[1:-1].strip()
        if inner and text[0] not in inner and text[-1] not in inner:
            return inner
    return None


def written_list(value: str) -> list[str] | None:
    """The items of a list key's value written as a list outside a `---` block
    (`[Pilkada 2024, Pengawasan]`, `"Pilkada 2024", "Pengawasan"`, `“Pilkada
    2024”`): in brackets, or every item in quotes; None for any other value
    (`Pilkada 2024, Pengawasan`), which the key's reader splits as it is."""
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        listed = yaml_items(value, [])
        if listed is None:  # not YAML (`[Pilkada: 2024]`): the items as written
            listed = [_quoted_item(text) or text for text in pelican_items(value[1:-1])]
        return [text.strip() for text in listed if text.strip()]
    items = pelican_items(value)
    quoted = [_quoted_item(text) for text in items]
    if items and all(quoted):
        return quoted
    return None


def yaml_block(header: str, lines: list[str]) -> str | None:
    """A YAML block scalar (`>-`, `|`, … then its indented `lines`) as YAML
    reads it, as one text (its line breaks as spaces, as `yaml_unquoted`
    reads a quoted value's); None when YAML does not read it as a text."""
    try:
        loaded = yaml.safe_load("\n".join([f"key: {header}", *lines]))
    except yaml.YAMLError:
        return None
    if not isinstance(loaded, dict) or not isinstance(loaded.get("key"), str):
        return None
    return " ".join(part.strip() for part in loaded["key"].splitlines() if part.strip())


# Keys whose value is a list: Pelican splits `Tags:` and `Authors:` at `;`
# when there is one, else at `,` (`pelican_items`); the regions plugin splits
# `Region:`/`Wilayah:` at both (`warta.regions.gazetteer.region_values`).
PELICAN_LIST_KEYS = frozenset({"tags", "authors"})
REGION_LIST_KEYS = frozenset({"region", "wilayah"})
LIST_KEYS = PELICAN_LIST_KEYS | REGION_LIST_KEYS
# A separator an item holds, where the reader of the list would split at it
# (`Politik Uang &#59; Netralitas`, a YAML item "Sosialisasi ; Rapat"): no
# text of the list can keep it one item, so it is handed over as its
# full-width form, which reads alike and splits nothing.
HELD_SEPARATORS = {";": "\uff1b", ",": "\uff0c"}


def pelican_list(items: list[str]) -> str:
    """A list value Pelican splits back into `items`: at semicolons when an item
    holds a comma (one tag, not two), else at commas. A semicolon inside an
    item, which Pelican would split at whatever the list, as HELD_SEPARATORS
    writes it (not the `;` of a character reference, read later: `&amp;`)."""
    held = HELD_SEPARATORS[";"]
    items = [held.join(split_outside_references(item, ";")) for item in items]
    return ("; " if any("," in item for item in items) else ", ").join(items)


def pelican_items(value: str) -> list[str]:
    """The items of a `Tags:` or `Authors:` value as written, as Pelican splits
    a list (at `;` when there is one, else at `,`), where a `;` or `,` of a
    character reference (`&amp;`, `&#44;`) is text, not a separator; stripped,
    empty ones left out, the references unread. `pelican_list` is its inverse."""
    pieces = split_outside_references(value, ";")
    if len(pieces) == 1:
        pieces = split_outside_references(value, ",")
    return [piece.strip() for piece in pieces if piece.strip()]


def list_items(item: Field) -> list[str]:
    """The items of a list key's field (LIST_KEYS) as the site shows them: a
    YAML list's items, each one item; else its value split as its reader splits
    it (`pelican_items`; a region at `,` and `;`, each line of its own), never
    at a character reference; each item's references then read
    (`with_references_read`)."""
    if item.items:
        written = list(item.items)
    elif item.key in REGION_LIST_KEYS:
        written = [
            piece.strip()
            for value in item.values
            for piece in split_outside_references(value, ",;")
            if piece.strip()
        ]
    else:
        written = pelican_items(item.value)
    read = (with_references_read(text).strip() for text in written)
    return [text for text in read if text]


def held_separators(key: str, text: str) -> str:
    """The separators `text`, one item of a list key, holds where the key's
    reader would split at them (HELD_SEPARATORS), in order, once each."""
    separators = ";," if key in REGION_LIST_KEYS else ";"
    return "".join(ch for ch in dict.fromkeys(text) if ch in separators)


def handed_items(key: str, items: list[str]) -> list[str]:
    """`items` of a list key (LIST_KEYS) as its reader gets them back from
    `handed_list`: a separator an item holds where the reader would split at
    it, as HELD_SEPARATORS writes it (every `;` of Pelican's lists, read once:
    `&amp;amp;`; a region's `;` and `,`)."""
    if key in PELICAN_LIST_KEYS:
        return [text.replace(";", HELD_SEPARATORS[";"]) for text in items]
    held = str.maketrans(HELD_SEPARATORS)
    return [text.translate(held) for text in items]


def handed_list(key: str, items: list[str]) -> str:
    """The value of a list key (LIST_KEYS) that its reader splits back into
    `handed_items(key, items)` exactly: `pelican_list`, or for a region the
    items joined by commas."""
    if key in PELICAN_LIST_KEYS:
        return pelican_list(handed_items(key, items))
    return ", ".join(handed_items(key, items))


def yaml_written(value: str) -> str:
    """`value` as a `---` front matter must hold it for YAML to read it back
    the same (a CMS, another generator): as it is when YAML reads it so, else
    in YAML's double quotes (`Rapat: Pleno`, `#1`, `2024`, a leading quote).
    `yaml_unquoted` reads either back to `value`."""
    try:
        if yaml.safe_load(f"key: {value}") == {"key": value}:
            return value
    except yaml.YAMLError:
        pass
    return json.dumps(value, ensure_ascii=False)  # JSON's strings are YAML's


# The text inside single quotes whose every quote is YAML's doubled one or
# an apostrophe in a word ("Lahat's", "Jum'at"), left single.
_APOSTROPHES_RE = re.compile(r"(?:[^']|''|(?<=\w)'(?=\w))*")


def yaml_unquoted(value: str) -> str:
    """A value in YAML's double or single quotes as YAML reads it (escapes
    decoded, a line break as a space); one in single quotes with an
    apostrophe left single inside ('Bawaslu Lahat's Rapat', which ends the
    value for YAML), as meant: without its quotes; any other value as it is."""
    if len(value) < 2 or value[0] not in "\"'" or value[-1] != value[0]:
        return value
    try:
        loaded = yaml.safe_load(value)
    except yaml.YAMLError:  # '"a" and "b"': not one quoted scalar
        inner = value[1:-1]
        if value[0] == "'" and _APOSTROPHES_RE.fullmatch(inner):
            return " ".join(inner.replace("''", "'").split("\n"))
        return value
    return " ".join(loaded.splitlines()) if isinstance(loaded, str) else value


# Recent texts' documents (a `Document` is frozen): a release is read by
# several checks and stages of one build (content_lint's source checks and
# its unused items, the regions and tags stages, the enrichment's hold-back),
# each of which asked for it again. Bounded: it runs in every forked worker.
PARSED_TEXTS = 64


@functools.lru_cache(maxsize=PARSED_TEXTS)
def parse(text: str) -> Document:
    """A whole release's text (BOM and CRLF handled); the same `Document`
    again for the same text while it is one of the last PARSED_TEXTS read."""
    lines = split_lines(text)
    return Document(tuple(lines), parse_lines(lines))


def _head_end(lines: Sequence[str]) -> int:
    """The index after the lines that can be the front matter's as the
    Markdown reader reads them, its control characters left out: to the first
    blank line (`Penulis\u200b: EW` below it is the text's), or a `---`
    block's closing line (its fields may have blank lines between them)."""
    dashed = bool(lines) and BEGIN_RE.match(without_control_characters(lines[0]).expandtabs(4))
    for index in range(1 if dashed else 0, len(lines)):
        line = lines[index]
        if dashed:
            if closes(line.expandtabs(4)):
                return index + 1
        elif not line.strip() or (
            not line.isascii() and not without_control_characters(line).strip()
        ):
            return index
    return len(lines)


def keys_as_read(lines: Sequence[str]) -> list[str] | None:
    """`lines` with the control characters of each key left out where that
    makes it a front-matter key (`Da\u200bte: …`, `\ufeffTags: …`): the
    Markdown reader leaves them out before it reads the front matter
    (`markdown_source.ControlCharacters`), so the page has that key; a
    vertical tab is a space there, so `Da\x0bte:` stays no key. None when no
    key holds one (most files: one search of the head, `_head_end`)."""
    end = _head_end(lines)
    if not control_characters_in("\n".join(lines[:end])):
        return None
    read = list(lines)
    for index, line in enumerate(lines[:end]):
        key, colon, value = line.partition(":")
        if colon and control_characters_in(key):
            cleaned = without_control_characters(key) + colon + value
            if KEY_RE.match(cleaned):
                read[index] = cleaned
    return read if read != list(lines) else None


def read_header(path: str | os.PathLike) -> FrontMatter:
    """The front matter of a file, reading only its top (where its keys are,
    not the flags below it: `parse_lines`); empty when the file cannot be
    read (a byte that is not UTF-8 is replaced, not fatal)."""
    try:
        # Universal newlines: CRLF and a lone CR end a line, as for Markdown.
        with open(path, encoding="utf-8-sig", errors="replace") as handle:
            seen: list[str] = []
            front = parse_lines(_kept(handle, seen), flags_below=False)
            if not any(map(control_characters_in, seen)):
                return front
            # `\u200bAuthor: …` (a zero-width space typed or pasted before a
            # key): the Markdown reader leaves it out and reads the key, so the
            # release declares it (its Author: is not to be supplied over it).
            read = keys_as_read([line.rstrip("\r\n") for line in [*seen, *handle]])
            return front if read is None else parse_lines(read, flags_below=False)
    except (OSError, TypeError):
        return FrontMatter()


def _kept(lines: Iterable[str], seen: list[str]) -> Iterator[str]:
    """`lines`, each also added to `seen` as it is taken."""
    for line in lines:
        seen.append(line)
        yield line


def read_source(path: str | os.PathLike | None) -> str:
    """A release's whole text as a message needs it for line numbers ("" when it
    cannot be read; a byte that is not UTF-8 is replaced, not fatal)."""
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as handle:
            return handle.read()
    except (OSError, TypeError):
        return ""


class SourceLines:
    """A source file's lines, read only when a message needs a line number:
    reading every article on every build would cost more than it tells."""

    def __init__(self, path) -> None:
        self.path = path
        self._lines: list[str] | None = None
        self._front_matter: FrontMatter | None = None

    def get(self) -> list[str]:
        if self._lines is None:
            self._lines = split_lines(read_source(self.path))
        return self._lines

    @property
    def front_matter(self) -> FrontMatter:
        if self._front_matter is None:
            self._front_matter = parse_lines(self.get(), flags_below=False)
        return self._front_matter
