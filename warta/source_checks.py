"""Source-level checks of one Markdown release, with line numbers (no Pelican import).

They read the file as staff wrote it, so they also catch what Pelican cannot
read at all (a date it cannot parse), and they point at the line to fix.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import functools
import html.parser
import itertools
import operator
import os
import posixpath
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import unquote
from zoneinfo import ZoneInfo

import markdown

from warta import frontmatter, mojibake
from warta.dates import (
    ENGLISH_MONTHS,
    ENGLISH_WEEKDAYS,
    WEEKDAY_NAMES,
    WIB,
    build_now,
    house_date,
    parse_date,
    read_written_date,
    when_written,
)
from warta.findings import Finding
from warta.imagetags import (
    COMPUTER_PATH_MESSAGE,
    OUTSIDE_IMAGE_MESSAGE,
    OUTSIDE_IMAGE_SUGGESTION,
    REMOTE_IMAGE_MESSAGE,
    computer_path_suggestion,
    content_folder_suggestion,
    image_tags,
    is_remote_image,
    remote_image_suggestion,
)
from warta.markdown_source import (
    SINGLE_VALUED_KEYS,
    TEXT_KEYS,
    chat_prefix,
    empty_links,
    raw_html_lines,
    raw_title_headings,
    title_level_headings,
    without_chat_emphasis,
    without_comments,
    wordless_links,
)
from warta.mojibake import garbled_in, may_be_garbled
from warta.paths import (
    ACTIVE_FILE_MESSAGE,
    ACTIVE_FILE_SUGGESTION,
    LINK_MARKERS,
    climbs,
    is_active_file,
    is_external,
    site_file_path,
    site_root,
)
from warta.published import draft_name, drafts_folder
from warta.regions.dateline import dateline_head
from warta.tags.detection import TAGS_AUTO_OFF, TAGS_AUTO_ON
from warta.tags.offices import without_titles
from warta.text import (
    ALT_IS_FILE_NAME,
    DIRECTION_CHARACTERS,
    INVISIBLE_FORMAT_CHARACTERS,
    LANG_RE,
    SLUG_MAX,
    SLUG_RE,
    SOFT_HYPHEN,
    TEXT_COMMENT_RE,
    WINDOWS_DEVICE_NAMES,
    alt_is_file_name,
    comment_advice,
    control_characters_in,
    fold,
    in_fenced_code,
    lookalike_letters,
    preferred_spelling,
    saved_as_utf16,
    shows_nothing,
    slug_as_meant,
    slug_fault,
    slugify,
    with_references_read,
    without_control_characters,
)
from warta.textdates import english_date, lead_date_far, wrong_weekdays

DATE_HINT = "write it as YYYY-MM-DD HH:MM in WIB, e.g. 2024-11-17 09:30"
# `parse_date` of a Date:/Modified: value, read once: up to five checks of a
# release ask for the same value (a `datetime` is immutable: shared safely).
_read_date = functools.lru_cache(maxsize=64)(parse_date)
# Two identical words separated only by spaces ("dan dan"), on one line or across
# a line break inside a paragraph (Markdown joins them: the reader sees both).
# Indonesian reduplication is written with a hyphen ("langkah-langkah"), so a
# spaced repeat is a slip.
DOUBLED_WORD_RE = re.compile(
    r"(?<![\w-])(?P<word>[^\W\d_]{2,}+)(?:[^\S\n]+\n?|\n)[^\S\n]*(?P=word)(?![\w-])", re.I
)
# Pelican's intra-site links ({filename}, {static}, {attach}; also the old |x| form).
SITE_LINK_RE = re.compile(
    r"(?:\{(?P<kind>filename|static|attach)\}|\|(?P<old>filename|static|attach)\|)"
)


@dataclass(frozen=True)
class SiteLink:
    """A `{filename}`, `{static}` or `{attach}` link of rendered HTML."""

    kind: str  # filename, static or attach
    written: str  # the attribute's value: "{static}/dok/sk.pdf#hal-2"
    target: str  # its path, without `#fragment` or `?query`: "/dok/sk.pdf"
    is_photo: bool  # an <img src>

    def line(
        self,
        lines: Sequence[tuple[int, str]],
        after: int = 0,
        render: Callable[[str], str] | None = None,
    ) -> int | None:
        """The source line that writes it (`line_of_link`): as the HTML has it,
        then by its path alone; each where a link's value starts (`reg/d.md`
        is not the end of `https://site/berita/reg/d.md` on an earlier line)."""
        target = self.target
        needles = (self.written, f"{{{self.kind}}}{target}", f"|{self.kind}|{target}", target)

        def values(fragment: str) -> list[str]:
            # (a photo's src and a link's href apart: `![…](x.jpg)` above is
            # not the line of `[unduh](x.jpg)`)
            return [
                link.written
                for link in rendered_site_links(fragment)
                if link.is_photo == self.is_photo
            ]

        return line_of_link(
            lines,
            [(needle, re.compile(_VALUE_START + re.escape(needle))) for needle in needles],
            after=after,
            render=render,
            link_values=values,
        )


# Where a link's value starts in a source line: after `](`, `<`, a quote, `=`,
# a space or `{filename}`/`|filename|`, not inside a longer address.
_VALUE_START = r"(?<![^\s(<\"'=\[}|])"


def line_of_link(
    lines: Sequence[tuple[int, str]],
    needles: Iterable[str | tuple[str, re.Pattern]],
    *,
    after: int = 0,
    render: Callable[[str], str] | None = None,
    link_values: Callable[[str], Iterable[str]] | None = None,
) -> int | None:
    """The number of the first of the numbered source lines after `after`
    that writes a link, by the first of `needles` any such line holds (a
    text, or (text, pattern) to match it where the address ends). With
    `render` (the build's Markdown of the lines' text), of several lines
    holding it the first whose link the page gets (`line_linking`: an
    earlier line may show it in `code` or keep it in a comment). `after`
    itself when no line does (the same link twice on its line), else None."""
    for needle in needles:
        text, pattern = needle if isinstance(needle, tuple) else (needle, None)
        if not text:
            continue
        holding = [
            number
            for number, line in lines
            if number > after and (pattern.search(line) if pattern else text in line)
        ]
        if not holding:
            continue
        if render is not None and len(holding) > 1:
            found = line_linking(
                lines, holding, pattern or text, render, link_values or site_link_values
            )
            if found is not None:
                return found
        return holding[0]
    return after or None


# Put after a link on the line tried: the page has the link of that line.
_LINE_MARK = "-warta-baris"


def line_linking(
    lines: Sequence[tuple[int, str]],
    holding: Iterable[int],
    needle: str | re.Pattern,
    render: Callable[[str], str],
    link_values: Callable[[str], Iterable[str]],
) -> int | None:
    """Of the numbered source lines `holding` (each writes `needle`, a text or
    a pattern), the first whose link the page gets: the lines' text rendered
    (`render`, the build's Markdown) with a mark after one occurrence of
    `needle` on the line tried, and the mark looked for in the link values of
    that HTML (`link_values`, as an HTML parser reads them: none in `code`, a
    code block or a comment). Each occurrence on the line is tried in turn: an
    earlier one may be the link's text (`[https://site/x/](/x/)`) or an
    address shown as text before the link. The occurrence must be the whole
    link value (`marks_whole_value`): `/x/` is not the end of an earlier
    line's `https://site/x/`. None when no line's is (the lines are rendered
    once per occurrence tried)."""
    texts = dict(lines)
    for tried in holding:
        line = texts[tried]
        if isinstance(needle, str):
            found = re.finditer(re.escape(needle), line)
        else:
            found = needle.finditer(line)
        for match in found:
            end = match.end()
            marked = "\n".join(
                text[:end] + _LINE_MARK + text[end:] if number == tried else text
                for number, text in lines
            )
            values = link_values(render(marked))
            if any(marks_whole_value(value, match.group()) for value in values):
                return tried
    return None


def marks_whole_value(value: str, written: str) -> bool:
    """Whether a link value of the rendered lines (`line_linking`) has the
    mark right after `written` (the occurrence tried), and `written` is the
    whole value: it starts it (after a `{filename}`/`|filename|` prefix, as a
    link's target follows it) and the mark ends it or its path (a `?query` or
    `#fragment` may follow). `/x/` marked at the end of `https://site/x/` is
    the path of another address, not this link."""
    before, mark, after = value.partition(_LINE_MARK)
    if not mark or (after and after[0] not in "?#"):
        return False
    for shown in dict.fromkeys((written, html.unescape(written))):
        if before.endswith(shown):
            prefix = before[: len(before) - len(shown)]
            if not prefix or SITE_LINK_RE.fullmatch(prefix):
                return True
    return False


def site_link_values(fragment: str) -> list[str]:
    """The value of each `{filename}`/`{static}`/`{attach}` link of rendered
    HTML (`rendered_site_links`), as written."""
    return [link.written for link in rendered_site_links(fragment)]


def _may_name_source_file(text: str) -> bool:
    """Whether `text` may hold a link to a source file (`_SOURCE_LINK_RE`, any
    case): its suffix starts ".m" or ".M"."""
    return ".m" in text or ".M" in text


def has_site_link(lines: Iterable[str]) -> bool:
    """Whether any of the lines writes `{filename}`, `{static}` or `{attach}`,
    or a plain link to a source file (`[x](rapat.md)`): most releases link no
    file of the site, so there is nothing to render or read."""
    return any(
        (("{" in line or "|" in line) and SITE_LINK_RE.search(line))
        or (_may_name_source_file(line) and _SOURCE_LINK_RE.search(line))
        for line in lines
    )


# A plain link (no `{filename}`) to a release's source file, in Markdown or
# in rendered HTML: Pelican leaves it as it is, a dead link showing the file's
# name ("zz-draf.md"). A web address (`https://site/berita/x.md`) is one when
# it is the site's own (`site_source_path`). The value alone is group `value`.
_SOURCE_LINK_RE = re.compile(
    r"(?:\]\(\s*<?|href\s*=\s*[\"']?)(?P<value>(?!(?!https?://)[a-z][a-z0-9+.-]*:|[{|#])"
    r"[^\s\"'<>()]*\.(?:md|markdown|mkd|mdown)(?:[#?][^\s\"'<>()]*)?)(?=[\s\"'>)])",
    re.IGNORECASE,
)


_WEB_ADDRESS_RE = re.compile(r"\s*(?:https?:)?//", re.IGNORECASE)


def is_source_link(value: str) -> bool:
    """A link value that names a release's source file by a plain path, or a
    web address whose path ends in one (`https://site/berita/x.md`: the
    site's own is such a link, `site_source_path` tells which)."""
    path = re.split(r"[#?]", value, maxsplit=1)[0]
    if value.startswith(("{", "|", "#")) or (
        is_external(value) and not _WEB_ADDRESS_RE.match(value)
    ):
        return False
    return path.lower().endswith(SOURCE_SUFFIXES)


def site_source_path(value: str, site_url: str, exists) -> str | None:
    """The path below content/ ("/berita/2026/x.md") a web address names
    when it is the site's own (its host and path read as link_check and the
    images plugin read them: `warta.paths.site_file_path`), None for another
    site's. Without a host (SITEURL is empty in the development build and
    `invoke check`) an address is the site's when its path names a file
    under content/ (`exists(path)` is True), as the images plugin takes it."""
    return site_file_path(value, site_root(site_url), exists)


# (the same body is read by check_links and check_image_locations in turn: the
# list is shared, and not changed by its readers)
@functools.lru_cache(maxsize=8)
def rendered_site_links(fragment: str) -> list[SiteLink]:
    """Each `{filename}`/`{static}`/`{attach}` href or src of HTML the build's
    Markdown rendered, in order, as an HTML parser reads it: the links a
    reader gets, none written inside `code`, a code block or an HTML comment.
    Without a comment or an element whose content is no markup, text cannot
    hide a tag: only the tag before each `{static}` is parsed (a release's
    whole body, for each of thousands, would cost a second a build)."""
    source_suffix = _may_name_source_file(fragment)  # (few bodies)
    if not fragment or ("{" not in fragment and "|" not in fragment and not source_suffix):
        return []
    written = [match.start() for match in SITE_LINK_RE.finditer(fragment)]
    if source_suffix:
        written += [match.start("value") for match in _SOURCE_LINK_RE.finditer(fragment)]
    written.sort()
    if not written:
        return []
    if _NOT_PLAIN_MARKUP_RE.search(fragment):
        parser = _SiteLinkParser()
        parser.feed(fragment)
        parser.close()
        return parser.found
    found: list[SiteLink] = []
    for start in dict.fromkeys(fragment.rfind("<", 0, at) for at in written):
        if start >= 0:
            found += _SiteLinkParser.first_tag(fragment[start:])
    return found


# What makes rendered HTML more than text and tags: a comment, a declaration,
# an element whose content is read as text.
_NOT_PLAIN_MARKUP_RE = re.compile(
    r"<(?:[!?]|/?(?:script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext)"
    r"\b)",
    re.IGNORECASE,
)


class _SiteLinkParser(html.parser.HTMLParser):
    """The site links of rendered HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[SiteLink] = []
        self.one_tag = False  # stop after the first tag, end tag or text

    def handle_starttag(self, tag: str, attrs) -> None:
        for name, value in attrs:
            if name not in ("href", "src") or not value:
                continue
            match = SITE_LINK_RE.match(value)
            if match:
                target = re.split(r"[#?]", value[match.end() :], maxsplit=1)[0]
                kind = match["kind"] or match["old"]
                self.found.append(SiteLink(kind, value, target, tag == "img"))
            elif tag == "a" and is_source_link(value):
                target = re.split(r"[#?]", value, maxsplit=1)[0]
                self.found.append(SiteLink("plain", value, target, False))
        if self.one_tag:
            raise _FirstTagRead

    @classmethod
    def first_tag(cls, fragment: str) -> list[SiteLink]:
        """The site links of the tag `fragment` starts with (none if it starts
        with anything else)."""
        parser = cls()
        parser.one_tag = True
        try:
            parser.feed(fragment)
            parser.close()
        except _FirstTagRead:
            pass
        return parser.found

    def handle_endtag(self, tag: str) -> None:
        if self.one_tag:
            raise _FirstTagRead

    def handle_data(self, data: str) -> None:
        if self.one_tag:
            raise _FirstTagRead


class _FirstTagRead(Exception):
    """The one tag `_SiteLinkParser.first_tag` reads is read."""


# A release's or page's source: {static} and {attach} publish no such file.
SOURCE_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown")
BODY_IMAGE_RE = re.compile(r"!\[[^\]]*\]\((?:\{static\}|\{filename\})?/?(?P<target>[^)\s]+)")
# An <img> written in HTML with a `{static}`/`{attach}` src: the images plugin
# makes variants of it before the lint reads the body, so it is read here.
_HTML_IMAGE_RE = re.compile(
    r"""<img\b[^>]*?\bsrc\s*=\s*["']?(?P<written>(?:\{(?:static|attach)\}|\|(?:static|attach)\|)"""
    r"""(?P<target>[^"'\s>]+))""",
    re.IGNORECASE,
)
# Front-matter keys a release uses (Pelican's, and warta's: docs/architecture.md).
# A line below the end of the front matter that starts with one of them was
# meant as front matter ("Wilayah : Kota Palembang", "Image Alt: …").
FRONT_MATTER_KEYS = (
    SINGLE_VALUED_KEYS
    | frozenset(
        [
            "date",
            "modified",
            "slug",
            "category",
            "author",
            "authors",
            "tags",
            "status",
            "koreksi",
            "ralat",
            "region",
            "wilayah",
            "tags-auto",
        ]
    )
    | frozenset(frontmatter.KEY_ALIASES)
)
# Keys of Pelican's own that hold one word (a template's name, an address, a
# yes or no), not a release's text: a key nothing reads is said to be one of
# them only when its value is one word too (`Tempat: Aula Bawaslu` is no
# `Template:`).
PELICAN_WORD_KEYS = frozenset({"save_as", "url", "translation", "template", "lang"})
# Every key something of the site reads: the above, Pelican's own (an address,
# a translation, several authors) and another generator's unpublished flag.
KNOWN_KEYS = (
    FRONT_MATTER_KEYS
    | frozenset({"authors"})
    | PELICAN_WORD_KEYS
    | frozenset(frontmatter.UNPUBLISHED_FLAGS)
    | frozenset({frontmatter.TAKE_DOWN_KEY})
)


def meant_as_front_matter(key: str) -> bool:
    """Whether a `Key:` written where the front matter does not read it (below
    its end, indented under another key) was meant as one: a key of the site,
    another generator's unpublished flag (`Draf:`), or a key meant to hold a
    release back (`Embargo:`, `Stauts:`)."""
    key = "-".join(key.lower().split())
    return (
        key in FRONT_MATTER_KEYS
        or key in frontmatter.UNPUBLISHED_FLAGS
        or frontmatter.is_publication_key(key)
    )


# A key line written with a colon that only looks like one is no key for the
# reader, and is said as one that is not.
LOOKALIKE_COLONS = frontmatter.LOOKALIKE_COLONS
# A line written as a key, loosely: spaces before the colon, the key in
# quotes (`“Title”:`, a word processor's), a colon that only looks like one.
_LOOSE_KEY_RE = re.compile(
    r"^\s*(?P<quote>[\"'\u201c\u2018]?)(?P<key>[A-Za-z](?:[A-Za-z0-9_ -]*?[A-Za-z0-9_-])?"
    r"(?: +(?=[\"'\u201d\u2019]))?)[\"'\u201d\u2019]?\s*"
    r"(?P<colon>[:" + LOOKALIKE_COLONS + r"])\s*(?P<value>.*)$"
)
_LIST_ITEM_RE = re.compile(r"^\s*-\s+\S")
# A key in bold or italics, as Word or a chat writes a form (`**Title:** …`,
# `*Date*: …`): no `Key: value` line for the Markdown reader.
# (The key of both ends in no space, which the `\s*` after it takes, but
# before a closing quote: a key that could end at each of a long run of
# spaces made a match's time quadratic in the line's length.)
_MARKED_KEY_RE = re.compile(
    r"^\s*(?P<marks>\*\*|__|\*|_)(?P<key>[A-Za-z](?:[A-Za-z0-9_ -]*?[A-Za-z0-9_-])?)\s*"
    r"(?:(?P=marks)\s*:|:\s*(?P=marks))\s*(?P<value>.*)$"
)


def _loose_key(text: str) -> re.Match | None:
    """`_LOOSE_KEY_RE`'s match of a line meant as `Key: value`, or
    `_MARKED_KEY_RE`'s (a key in bold)."""
    return _LOOSE_KEY_RE.match(text) or _MARKED_KEY_RE.match(text)


@dataclass
class Rules:
    """Settings of the checks (CONTENT_LINT_* in pelicanconf.py)."""

    rubrik: tuple[str, ...] = ("Berita", "Siaran Pers", "Pengumuman")
    # Slug, Category and Summary may be left out: the release_defaults plugin
    # supplies them and says so; a release cannot be published without these.
    required: tuple[str, ...] = ("title", "date")
    title_min: int = 20
    title_max: int = 150
    summary_min: int = 60
    summary_max: int = 300
    # Front-matter keys an outside plugin or the theme reads, besides
    # KNOWN_KEYS (CONTENT_LINT_EXTRA_KEYS, and the regions plugin's keys).
    extra_keys: tuple[str, ...] = ()
    now: dt.datetime | None = None  # build time; tests pin it
    timezone: dt.tzinfo = WIB


@dataclass
class Source:
    """A release split into front matter (with line numbers) and body lines."""

    path: str
    metadata: dict[str, tuple[str, int]] = field(default_factory=dict)
    body: list[tuple[int, str]] = field(default_factory=list)
    empty: bool = False  # nothing but white space in the file
    # 1-based line of the text that ended the front matter, when a line of text
    # (not a blank line or `---`) ended it: the body starts there.
    ended_by: int | None = None
    readable: bool = True  # False: not UTF-8 text (nothing else of it is known)
    # (name as written, its line, the line of the key's first value, its
    # value) of each repeated front-matter key after its first.
    repeated: list[tuple[str, int, int, str]] = field(default_factory=list)
    # Key → its first field's name as written (`Rubrik` for category).
    names: dict[str, str] = field(default_factory=dict)
    # (name as written, value, line) of another generator's unpublished flag
    # (`draft: true`), or of an embargo notice below the front matter (named
    # by its whole line: `EMBARGO hingga …`, `frontmatter.embargo_notice`),
    # which the reader turns into `Status: draft`.
    unpublished_flag: tuple[str, str, int] | None = None
    # The flag is below the front matter's end, among the file's top key
    # lines (`frontmatter.FrontMatter.below`): the release's text, held back.
    flag_below: bool = False
    # (name as written, value, line) of the front matter's take-down date
    # (`Kedaluwarsa:`, `expiryDate:`, `frontmatter.FrontMatter.take_down`).
    take_down: tuple[str, str, int] | None = None
    # (name as written, value, line) of every other take-down field, which the
    # build does not read (`_check_other_take_downs`).
    other_take_downs: list[tuple[str, str, int]] = field(default_factory=list)
    # "draft" or "embargo" when the flag is a notice line below the front
    # matter (`frontmatter.Field.notice`), not a key.
    unpublished_notice: str | None = None
    # (the line as written, its number, the key it continues, that key's line)
    # of each indented line that reads as a front-matter key of its own
    # ("    Status: draft" below "Summary: …").
    indented_keys: list[tuple[str, int, str, int]] = field(default_factory=list)
    # (line, what YAML says, the line as written) of a key in a `---` front
    # matter that YAML cannot read and the line-by-line reading reads as no
    # key of its own.
    yaml_problem: tuple[int, str, str] | None = None
    # (name as written, line, the mark, "anchor"/"alias"/"tag") of each field
    # whose value starts with YAML's mark of one (`Title: &a Rapat`,
    # `summary: *a`, `title: !!python/object …`).
    yaml_marks: list[tuple[str, int, str, str]] = field(default_factory=list)
    # List key (`frontmatter.LIST_KEYS`) → the items of its first field, as
    # the site shows them (`frontmatter.list_items`).
    items: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # (name as written, line, value as written, its items) of each list key
    # written as a list outside a `---` block (`Tags: [A, B]`, `Tags: "A",
    # "B"`), read as its items (`frontmatter.written_list`).
    written_lists: tuple[tuple[str, int, str, tuple[str, ...]], ...] = ()
    # (line, the line as written) of each front-matter key holding a control
    # character (`Da\u200bte:`), read without it, as the reader reads it
    # (`_keys_as_read`).
    controlled_keys: list[tuple[int, str]] = field(default_factory=list)
    # `has_site_link` of the body's lines, when worked out with the source's
    # checks (content_lint keeps it with them between builds); None: not known.
    site_link: bool | None = field(default=None, compare=False)
    # `written_photos(self)`, when worked out with the source's checks; None: not known.
    photos: tuple[tuple[int | None, str, str], ...] | None = field(default=None, compare=False)

    def read_date(self, raw: str):
        """`parse_date` of one of its values, kept with the source (pickled
        with it: the lint's cache keeps what its checks read, and the embargo,
        checked on every build, does not read 10,000 dates again)."""
        read = self.__dict__.setdefault("_read_dates", {})
        if raw not in read:
            read[raw] = _read_date(raw)
        return read[raw]

    def value(self, key: str) -> str:
        """The key's value as the build reads it: the character references of
        a key shown as text (`markdown_source.TEXT_KEYS`) read, so that a
        check sees `Tim & Humas Lahat` where the file says `&amp;`; a list
        key's as the reader hands it over, item by item
        (`frontmatter.handed_list`)."""
        if key in self.items:
            return frontmatter.handed_list(key, list(self.items[key]))
        value = self.metadata.get(key, ("", 0))[0].strip()
        if key in ("date", "modified"):
            # Without its control characters, as the reader reads it (a
            # zero-width space pasted before the date: one warning says it).
            value = without_control_characters(value).strip()
        return with_references_read(value) if "&" in value and key in TEXT_KEYS else value

    def line(self, key: str) -> int | None:
        return self.metadata.get(key, ("", None))[1]

    def _from_body(self, name: str, make: Callable[[], object]):
        """What `make` reads from the body, read once per body (several checks
        ask for it); not pickled with the source, not compared."""
        cache = self.__dict__.setdefault("_body_cache", {})
        kept = cache.get(name)
        if kept is None or kept[0] is not self.body:
            kept = cache[name] = (self.body, make())
        return kept[1]

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "_body_cache"}

    @property
    def fenced(self) -> list[bool]:
        """For each body line, whether it is fenced code (`in_fenced_code`)."""
        return self._from_body("fenced", lambda: in_fenced_code([text for _, text in self.body]))

    @property
    def text_lines(self) -> list[tuple[int, str]]:
        """The body's lines that are text, not fenced code (`textdates.text_lines`)."""
        return self._from_body(
            "text_lines",
            lambda: [
                line for line, fenced in zip(self.body, self.fenced, strict=True) if not fenced
            ],
        )

    @property
    def markdown_lines(self) -> list[tuple[int, str]]:
        """The body's text lines that Markdown reads as Markdown: not fenced
        code, not inside a block of raw HTML (`raw_html_lines`: a `<table>`
        pasted from Word shows `# Nomor` and `[kata]()` as typed)."""

        def make() -> list[tuple[int, str]]:
            lines = [text for _, text in self.text_lines]
            if not any("<" in text for text in lines):
                return self.text_lines
            shown = [
                "" if fenced else text
                for (_, text), fenced in zip(self.body, self.fenced, strict=True)
            ]
            raw = raw_html_lines(shown)
            return [
                line
                for line, fenced, in_html in zip(self.body, self.fenced, raw, strict=True)
                if not fenced and not in_html
            ]

        return self._from_body("markdown_lines", make)

    @property
    def prose(self) -> str:
        """The body as one text, a fenced code line blank (so that a body
        line's index is its line of this text)."""
        return self._from_body(
            "prose",
            lambda: "\n".join(
                "" if fenced else text
                for (_, text), fenced in zip(self.body, self.fenced, strict=True)
            ),
        )


# YAML's anchor (`&a`), alias (`*a`) and tag (`!!str`, `!!python/object:x`)
# at the start of a value, a word after it: not Markdown's `*emphasis*` (`*a
# b*`: no `*` after an alias), a reference `&amp;` or an image `![…](…)`. The
# alias's word ends before its look for a later `*`, which is made once (not
# once a letter: a 100,000-letter title took seconds).
_YAML_MARK_RE = re.compile(
    r"(?:(?P<anchor>&[\w-]+)|(?P<alias>\*[\w-]+(?=\s|$)(?![^*]*\*))|(?P<tag>!!?[\w/:.-]*[\w/]))"
    r"(?=\s|$)"
)


# (read as the Markdown reader reads them: `warta.frontmatter.keys_as_read`)
_keys_as_read = frontmatter.keys_as_read


def parse_source(path: str, text: str) -> Source:
    """Pelican-Markdown front matter (`warta.frontmatter`): `Key: value` lines up
    to the first blank line; a repeated key counts with its first value, as
    Pelican uses it. A byte-order mark (Notepad) and CRLF line ends (Windows) are
    read as Pelican reads them."""
    document = frontmatter.parse(text)
    source = Source(path, empty=document.empty)
    read = _keys_as_read(document.lines)
    if read is not None:
        # (the text's own lines: only where the front matter ends moves)
        front = frontmatter.parse("\n".join(read)).front_matter
        document = dataclasses.replace(document, front_matter=front)
        keyed = {number for item in front.fields for number in item.lines}
        source.controlled_keys = [
            (number, written)
            for number, (written, line) in enumerate(zip(document.lines, read, strict=True), 1)
            if written != line and number in keyed  # (a line of the text: said as the text's)
        ]
    for item in document.front_matter.fields:
        if item.key in TEXT_KEYS:
            # Its HTML comments taken out, as the reader takes them out
            # (`Category: Berita <!-- cek lagi -->` is Berita; the sanitize
            # plugin warns of the comment at its line).
            item = without_comments(item)
        first = source.metadata.setdefault(item.key, (item.value, item.line))
        written = document.lines[item.line - 1].partition(":")[2].strip()
        mark = _YAML_MARK_RE.match(written) if written[:1] in "&*!" else None
        if mark is not None:
            kind = mark.lastgroup or ""
            source.yaml_marks.append((item.name, item.line, mark[kind], kind))
        source.names.setdefault(item.key, item.name)
        if item.key in frontmatter.LIST_KEYS and first[1] == item.line:
            source.items[item.key] = tuple(frontmatter.list_items(item))
        if item.key in frontmatter.LIST_KEYS and item.written and not document.front_matter.dashed:
            source.written_lists += ((item.name, item.line, item.written[0], item.items),)
        if first[1] != item.line:
            source.repeated.append((item.name, item.line, first[1], item.value))
        for value, number in zip(item.values[1:], item.lines[1:], strict=False):
            match = frontmatter.KEY_RE.match(value)
            if match and meant_as_front_matter(match["key"]):
                source.indented_keys.append((value, number, item.name, item.line))
    source.body = document.body
    ending = document.front_matter.take_down()
    if ending is not None:
        source.take_down = (ending.name, ending.value, ending.line)
        source.other_take_downs = [
            (item.name, item.value, item.line)
            for item in document.front_matter.take_downs()
            if item is not ending
        ]
    flag = document.front_matter.unpublished_by_flag()
    if flag is not None:
        source.unpublished_flag = (flag.name, flag.value, flag.line)
        source.flag_below = flag in document.front_matter.below
        source.unpublished_notice = flag.key if flag.notice else None
    if document.front_matter and not document.front_matter.closed:
        source.ended_by = document.front_matter.body_start
    problem = document.front_matter.problem
    key = _LOOSE_KEY_RE.match(problem[2]) if problem else None
    if key and meant_as_front_matter(key["key"]):
        # A key YAML cannot read where the line-by-line reading takes it as
        # more of the key above or as text (`\tdraft: true`, `  draft: true`
        # under a list item); any other line of a `---` block it cannot read
        # (`Title: Bawaslu Sumsel: Awasi …`) is read as Pelican reads it.
        source.yaml_problem = problem
    return source


def decode_source(path: str, data: bytes) -> tuple[str | None, Finding | None]:
    """The text of a release, or a finding that names the line of the first byte
    that is not UTF-8 (a file saved as Windows-1252 by an old editor)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or saved_as_utf16(data):
        # Notepad's "Unicode" (UTF-16): every byte is said to be wrong, or
        # (with no byte-order mark) a NUL on every line and the text garbled.
        return None, Finding(
            path,
            1,
            "error",
            "not UTF-8 text: the file is saved as UTF-16 ('Unicode' in Notepad)",
            "save the file as UTF-8 (Notepad: File > Save As > Encoding: UTF-8)",
        )
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, Finding(
            path,
            line,
            "error",
            f"not UTF-8 text: byte 0x{data[exc.start]:02x} in column {column} "
            "(a character saved by an old editor, often a dash or a quote)",
            "save the file as UTF-8 (Notepad: File > Save As > Encoding: UTF-8), "
            "or retype that character",
        )


def _zone_of(value: str) -> dt.timedelta | None:
    """The UTC offset an ISO 8601 date names, None when it names none."""
    try:
        return dt.datetime.fromisoformat(value.strip()).utcoffset()
    except ValueError:
        return None


def check_page_source(source: Source) -> Iterator[Finding]:
    """The checks of `check_source` that hold for a page (content/halaman/)
    as for a release, in its words ("this page"): its front matter's keys
    (indented, odd letters, written twice, a YAML mark), control characters,
    mojibake and character references in it, a footnote or reference link
    with no note, a link with no address. content_lint runs them beside a
    page's links, Slug:, Lang: and what holds it back; a page's photos (alt
    text, file) are the images plugin's, its Date: Pelican's reader's. A
    page skips what is a release's alone: the required keys, rubrik, tags,
    regions, lengths, dateline and lead, the title's form, doubled words,
    dates in the text, one address per month."""
    for finding in (
        *_check_indented_keys(source),
        *_check_odd_keys(source),
        *_check_control_characters(source),
        *_check_mojibake(source),
        *_check_unreadable_references(source),
        *_check_repeated_keys(source),
        *_check_yaml_marks(source),
        *_check_dangling_marks(source),
        *_check_empty_links(source),
    ):
        yield as_page_finding(finding)


def as_page_finding(finding: Finding) -> Finding:
    """A release check's finding about a page, in a page's words."""
    message = finding.message.replace("this release", "this page")
    return dataclasses.replace(
        finding, message=message.replace("the release's text", "the page's text")
    )


def check_source(source: Source, rules: Rules) -> Iterator[Finding]:
    """Every finding for one release, in line order per rule. Only three checks
    depend on the clock (`check_embargo`, `check_take_down`,
    `check_future_modified`): with
    `rules.now` None, the findings depend on the source and the rules alone."""
    yield from _check_required(source, rules)
    yield from _check_keys_in_text(source, rules)
    yield from _check_indented_keys(source)
    yield from _check_odd_keys(source)
    yield from _check_control_characters(source)
    yield from _check_mojibake(source)
    yield from _check_unreadable_references(source)
    yield from _check_repeated_keys(source)
    yield from _check_yaml_marks(source)
    yield from _check_unknown_keys(source, rules)
    yield from check_unpublished_flag(source)
    yield from _check_hidden(source)
    yield from _check_tags_auto(source)
    yield from _check_held_separators(source)
    yield from _check_written_lists(source)
    yield from _check_dates(source, rules)
    yield from _check_dangling_marks(source)
    yield from check_embargo(source, rules)
    yield from check_take_down(source, rules)
    yield from _check_other_take_downs(source)
    yield from check_future_modified(source, rules)
    yield from check_slug(source)
    yield from check_lang(source)
    yield from _check_rubrik(source, rules)
    yield from _check_photo_keys(source)
    yield from _check_lengths(source, rules)
    yield from _check_title_markup(source)
    yield from _check_repeated_title(source)
    yield from _check_page_leftovers(source)
    yield from _check_chat_prefixes(source)
    yield from _check_title_level_headings(source)
    yield from _check_empty_links(source)
    yield from _check_broken_words(source)
    yield from _check_doubled_words(source)
    yield from check_text_dates(source)


def _check_hidden(source: Source) -> Iterator[Finding]:
    """`Status: hidden` is Pelican's: the release is published at its own
    address and left out of the lists, feeds, sitemap and search, so anyone
    given (or guessing) the address reads it. Staff who write it to keep a
    release off the site are told so, with the status that does."""
    if source.value("status").strip().lower() != "hidden" or source.unpublished_flag:
        return
    yield _finding(
        source,
        source.line("status"),
        "suggestion",
        "Status: hidden: once published, the release is at its own address only, "
        "left out of the site's lists, feeds, sitemap and search",
        "anyone with its address can read it; to keep it off the site, write 'Status: draft'",
    )


def _finding(source: Source, line, level, message, suggestion="") -> Finding:
    return Finding(source.path, line, level, message, suggestion)


def _check_required(source: Source, rules: Rules) -> Iterator[Finding]:
    if source.empty:
        yield _finding(
            source,
            None,
            "error",
            "empty file: there is no release in it",
            "write the release (`invoke new` starts one for you), or delete the file",
        )
        return
    if source.yaml_problem is not None:
        yield _yaml_problem(source)  # (the lines below it are the same problem)
    if not source.metadata:
        if source.yaml_problem is not None:
            return
        first = next((number for number, text in source.body if text.strip()), None)
        written = dict(source.body).get(first, "")
        match = _loose_key(written.strip())
        if (
            first
            and first > 1
            and match
            and meant_as_front_matter(match["key"])
            and frontmatter.KEY_RE.match(written)
        ):
            # `Title: …` below a blank first line: the reader's front matter
            # ended before it (a file pasted with a line break on top).
            yield _finding(
                source,
                1,
                "error",
                f"no front matter: the file starts with a blank line, so '{written.strip()}' "
                "and the lines below it are read as text",
                f"delete the blank line above '{written.strip()}': the front matter "
                "starts on the file's first line",
            )
            return
        if match and meant_as_front_matter(match["key"]):
            # `Title : …` (`Penulis : EW`), as the same line further down is said.
            view = dataclasses.replace(source, ended_by=first)
            yield _front_matter_break(view, _stranded_keys(view))
            return
        headline = _headline(source)
        yield _finding(
            source,
            1,
            "error",
            "no front matter: the file starts with its text",
            f"write its first line as 'Title: {headline[1]}', then 'Date: YYYY-MM-DD HH:MM' "
            "(in WIB) and a blank line"
            if headline
            else "start with 'Title: …', 'Date: …', 'Slug: …' lines, then a blank line; "
            "`invoke new` writes them for you",
        )
        return
    stranded = _stranded_keys(source)
    if source.yaml_problem is None and front_matter_broken(source):
        yield _front_matter_break(source, stranded)
    below = {frontmatter.canonical_key(key) for key in stranded}  # `Tanggal :` is Date
    for key in rules.required:
        if not source.value(key) and key not in below and source.yaml_problem is None:
            misspelt = _misspelt_required(source, rules, key)
            if misspelt is not None:
                # `Titel:`, `Tangal:`: said here, once (not an unknown key too).
                name, line, written = misspelt
                value = source.value(name).strip()
                yield _finding(
                    source,
                    line,
                    "error",
                    f"missing {key.title()}: '{source.names.get(name, name)}:' is no key "
                    "the site reads",
                    f"write '{written}: {value}'" if value else f"write '{written}: …'",
                )
                continue
            hint = {"date": f"add 'Date: …'; {DATE_HINT}"}.get(key, f"add '{key.title()}: …'")
            headline = _headline(source) if key == "title" else None
            if headline:
                # The release pasted with its headline as the text's first line.
                hint = (
                    f"add 'Title: {headline[1]}' (the text's first line, line {headline[0]}, "
                    "reads as its headline: then delete that line)"
                )
            yield _finding(source, source.line(key) or 1, "error", f"missing {key.title()}", hint)
        elif key == "title" and shows_nothing(source.value(key)):
            # `Title: \u200b` (a zero-width space pasted alone): published
            # as an empty headline, its character left out with a warning.
            shown = source.value(key).encode("ascii", "backslashreplace").decode("ascii")
            yield _finding(
                source,
                source.line(key) or 1,
                "error",
                f"missing Title: '{shown}' is only invisible characters",
                "write the release's headline after 'Title:'",
            )
    if not any(text.strip() for _, text in source.body):
        last = max((line for _, line in source.metadata.values()), default=1)
        yield _finding(
            source,
            last,
            "error",
            "no text after the front matter: the release has no body",
            "write the release below the front matter, after one blank line",
        )


# A headline: words, no sentence's end (a dateline's lead ends one), no mark of
# Markdown but a heading's or bold's around it.
_HEADLINE_END = re.compile(r"[.!?…:;,]$")


def _headline(source: Source) -> tuple[int, str] | None:
    """(line, text) of the body's first line when it reads as the release's
    headline, pasted with the text (`Bawaslu Kota Palembang Perkuat …`, a
    blank line, then the lead): a line of 20 to 150 characters that ends no
    sentence and starts with a letter, alone in its paragraph, with more text
    below it; None for any other."""
    lines = [(number, text) for number, text in source.text_lines]
    start = next((i for i, (_, text) in enumerate(lines) if text.strip()), None)
    if start is None or start + 2 >= len(lines) or lines[start + 1][1].strip():
        return None
    if not any(text.strip() for _, text in lines[start + 2 :]):
        return None
    number, text = lines[start]
    words = text.strip().lstrip("#").strip().strip("*_").strip()
    if not 20 <= len(words) <= 150 or _HEADLINE_END.search(words) or not words[:1].isalpha():
        return None
    if frontmatter.KEY_RE.match(text) or _LOOSE_KEY_RE.match(words):
        return None  # a key written wrong: said as such
    return number, words


def _yaml_problem(source: Source) -> Finding:
    """A `---` front matter YAML cannot read: what the reader takes from it is
    not what a CMS or another generator reads (a `draft: true` below the
    line may be missed), so the release waits for the line to be fixed."""
    line, problem, written = source.yaml_problem
    text = written.strip()
    key = _LOOSE_KEY_RE.match(text)
    if problem == frontmatter.OPEN_VALUE:
        hint = (
            "close the quote or the bracket where the value ends, and keep '---' and '...' "
            "lines out of it (the first such line ends the front matter)"
        )
    elif written[:1] == "\t":
        hint = "indent with spaces, not a tab"
    elif key and written[:1] == " " and meant_as_front_matter(key["key"]):
        # `    draft: true` under a list item or a value: more of the line above.
        hint = f"write '{text}' at the start of the line, not indented under the line above"
    else:
        hint = (
            "write each line as 'key: value' at the start of the line, a value that holds "
            "': ' or ' #' in double quotes (a list item or a wrapped value indented by two "
            "spaces)"
        )
    return _finding(
        source,
        line,
        "error",
        f"the front matter (between the '---' lines) cannot be read as YAML here: "
        f"'{text}': {problem}",
        hint,
    )


def front_matter_broken(source: Source) -> bool:
    """True when a line ended the front matter before front-matter lines that
    staff meant as part of it (they are read as text): what the release
    declares is not known until that line is fixed."""
    return bool(_stranded_keys(source) or _listed_value(source))


def front_matter_unsettled(source: Source) -> bool:
    """True when an error in the front matter leaves what the release
    declares unknown (a line that ended it early, a key indented into the
    one above, a `---` block YAML cannot read): what the enrichment stages
    say of it ("no region" for a `Status : draft` read as the lead, an unknown
    tag "Pemilu 2029 Draf: ya") is that error again, not said until it is
    fixed."""
    return bool(source.yaml_problem or source.indented_keys or front_matter_broken(source))


def _stranded_block(source: Source) -> list[tuple[int, str]]:
    """The body's lines from the one that ended the front matter to the first
    blank or `---` line: what staff meant as the rest of the front matter."""
    if source.ended_by is None:
        return []
    block = []
    for number, text in source.body:
        if not text.strip() or frontmatter.END_RE.match(text):
            break
        block.append((number, text))
    return block


def _stranded_keys(source: Source) -> dict[str, int]:
    """Front-matter keys (lower case → line) written below the line that ended
    the front matter, and so read as the release's text."""
    found: dict[str, int] = {}
    for number, text in _stranded_block(source):
        match = _loose_key(text)
        if match:
            key = "-".join(match["key"].lower().split())
            if meant_as_front_matter(key):
                found.setdefault(key, number)
    return found


def _check_keys_in_text(source: Source, rules: Rules) -> Iterator[Finding]:
    """Front-matter lines written below the blank line that ends the front
    matter ("Summary: …" added at the end of the file's head, a key of the
    site's CONTENT_LINT_EXTRA_KEYS): Pelican reads them as the release's
    first paragraph, and the site shows them as text."""
    extra = {"-".join(key.lower().split()) for key in rules.extra_keys}

    def meant(key: str) -> bool:
        return meant_as_front_matter(key) or "-".join(key.lower().split()) in extra

    if not source.metadata or source.ended_by is not None:
        return  # no front matter, or one ended by a line (`_front_matter_break`)
    body = list(source.body)
    first = next((index for index, (_, text) in enumerate(body) if text.strip()), len(body))
    paragraph = list(itertools.takewhile(lambda line: line[1].strip(), body[first:]))
    keys = [_LOOSE_KEY_RE.match(text) for _, text in paragraph]
    if any(key and len(key["key"].split()) <= 2 and not meant(key["key"]) for key in keys):
        # Details the release gives, some with a key's name (an invitation's
        # `Tanggal:`, `Tempat:`, `Acara:`), as the front matter's reader takes
        # such a paragraph (`warta.frontmatter`): not front matter written too low.
        return
    for number, text in paragraph:
        if source.flag_below and number == source.unpublished_flag[2]:
            continue  # held back, and said so (`check_unpublished_flag`)
        match = _LOOSE_KEY_RE.match(text)
        key = "-".join(match["key"].lower().split()) if match else ""
        if not meant(key):
            return  # the first paragraph's lines, while they are front-matter lines
        suggestion = "move it up, above the blank line (the front matter is every line before it)"
        if match["colon"] != ":":
            suggestion += f", with ':' for '{match['colon']}'"
        value = match["value"].strip()
        if key == "ralat" and not _DATED_RE.match(value):
            # An editor's note, not a dated correction: moved up as written,
            # the corrections plugin could not read it.
            suggestion = (
                f"move it up, above the blank line, as 'Koreksi: {value}' (the note shown "
                f"above the release), or as a dated correction 'Ralat: YYYY-MM-DD HH:MM — {value}'"
            )
        yield _finding(
            source,
            number,
            "warning",
            f"'{match['key'].strip()}:' is below the blank line that ends the front matter: "
            "the site shows this line as the release's text",
            suggestion,
        )


# A `Ralat:` value's date first (plugins/corrections/ralat.py reads the rest).
_DATED_RE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}\b")


def _check_indented_keys(source: Source) -> Iterator[Finding]:
    """A front-matter line indented by four spaces or a tab ("    Status:
    draft"): Pelican's reader takes it as more of the key above, so the
    release is read without it (a draft goes out, its status shown in the
    summary). An error: the build stops before anything is published."""
    for written, number, owner, owner_line in source.indented_keys:
        if source.yaml_problem and source.yaml_problem[0] == number:
            continue  # a `---` block YAML cannot read here: said once (`_yaml_problem`)
        yield _finding(
            source,
            number,
            "error",
            f"'{written}' is indented, so it is read as more of '{owner}:' (line "
            f"{owner_line}), not as its own key",
            "remove the spaces or the tab at the start of the line",
        )


def _odd_letters(name: str) -> str:
    """The letters of a key that are not A–Z, named ("'ä'", "'а' (U+0430
    CYRILLIC SMALL LETTER A)": a look-alike is named by its code)."""
    odd = dict.fromkeys(ch for ch in name if not ch.isascii())
    named = [
        f"'{ch}'"
        if unicodedata.name(ch, "").startswith("LATIN")
        else f"'{ch}' (U+{ord(ch):04X} {unicodedata.name(ch, '')})".replace(" )", ")")
        for ch in odd
    ]
    return ", ".join(named) + (" is" if len(named) == 1 else " are")


def _check_odd_keys(source: Source) -> Iterator[Finding]:
    """A `Key: value` line whose key has a letter other than A–Z (`Zirkeyé:
    nilai`, `Stätus: published`, a Cyrillic look-alike) where the front matter
    ends: Python-Markdown's `meta` reads no such key, so the front matter ended
    there and the site showed the line as text, with no word. One that holds
    the release back (`Stätus: draft`) is said by `check_unpublished_flag`;
    one that ends a front matter with keys below it, by `_front_matter_break`."""
    held = source.unpublished_flag[2] if source.flag_below else None
    errors = _error_lines(source)
    for number, text in _stranded_block(source):
        odd = frontmatter.odd_key_line(text)
        if odd is None or number in (held, *errors):
            continue
        name, folded, value = odd
        where = "the front matter ends at this line and " if number == source.ended_by else ""
        yield _finding(
            source,
            number,
            "warning",
            f"'{name}:' is not read as a key: {_odd_letters(name)} not A–Z, so "
            f"{where}the site shows '{text.strip()}' as the release's text",
            f"write the key in the letters A–Z: '{folded}: {value}'"
            if folded.isascii()
            else "write the key in the letters A–Z, or put the text below the front matter "
            "after one blank line",
        )


def _check_control_characters(source: Source) -> Iterator[Finding]:
    """A line holding a control character (a pasted NUL; Word's line break,
    U+000B): the Markdown reader drops it (`warta.markdown_source`), so the
    page shows the line without it; said once per line."""
    lines = dict((line, value) for value, line in source.metadata.values())
    lines.update(source.controlled_keys)  # (a key's control character is on its line)
    every = [*lines.items(), *source.body]
    if not control_characters_in("".join(text for _, text in every)):
        return  # (one search of the whole release, not one a line)
    slug_line = source.line("slug")  # said by check_slug, with the address it makes
    for number, text in sorted(every):
        # (a garbled piece's control character is the garbled text's: `_check_mojibake`)
        found = control_characters_in(mojibake.without_garbled(text))
        if found and number != slug_line:
            yield _finding(
                source,
                number,
                "warning",
                f"control character {', '.join(found)} left out of the published text",
                control_character_advice(found),
            )


# What each kind of control character is and what to do about it, for one
# character and for more (`control_character_advice`).
_BREAK_ADVICE = (
    "a line or page break pasted from a word processor arrives as {}: press Enter instead",
) * 2
_INVISIBLE_ADVICE = (
    "{} is an invisible zero-width character: delete it (retype the word it is in)",
    "{} are invisible zero-width characters: delete them (retype the words they are in)",
)
_DIRECTION_ADVICE = (
    "{} is an invisible direction mark: delete it (retype the words it turns around)",
    "{} are invisible direction marks: delete them (retype the words they turn around)",
)
_SOFT_HYPHEN_ADVICE = (
    "{} is a soft hyphen (an invisible hyphenation point a word processor keeps): "
    "delete it (retype the word it is in)",
) * 2
_OTHER_ADVICE = ("retype the line without {}",) * 2


def control_character_advice(found: Sequence[str]) -> str:
    """The suggestion for the control characters of one line (`U+000B`, as
    `control_characters_in` names them): each kind once, with advice that
    fits it (a zero-width space is no line break)."""
    kinds: dict[tuple[str, str], list[str]] = {}
    for name in found:
        code = int(name[2:], 16)
        if code in (0x0B, 0x0C):
            kind = _BREAK_ADVICE
        elif code == SOFT_HYPHEN:
            kind = _SOFT_HYPHEN_ADVICE
        elif code in DIRECTION_CHARACTERS:
            kind = _DIRECTION_ADVICE
        elif code in INVISIBLE_FORMAT_CHARACTERS:
            kind = _INVISIBLE_ADVICE
        else:
            kind = _OTHER_ADVICE
        kinds.setdefault(kind, []).append(name)
    return "; ".join(
        kind[len(names) > 1].format(" and ".join(names)) for kind, names in kinds.items()
    )


def _check_mojibake(source: Source) -> Iterator[Finding]:
    """Text garbled by a copy that read UTF-8 as Windows-1252 ('PALEMBANG â€“
    Bawaslu', `warta.mojibake`): the page, its description and the feeds show
    it as garbled. One warning, at the first line that holds it, naming what
    each garbled piece was."""
    lines = [*((line, value) for value, line in source.metadata.values()), *source.body]
    if not may_be_garbled("\n".join(text for _, text in lines)):
        return  # (one search of the whole release, not one a line)
    lines.sort()
    garbled = [(number, found) for number, text in lines if (found := garbled_in(text))]
    if not garbled:
        return
    first, found = garbled[0]
    named = ", ".join(f"'{text}' (was '{was}')" for text, was in found)
    more = len(garbled) - 1
    elsewhere = f"; {more} more line{'s' if more > 1 else ''} below too" if more else ""
    text, was = found[0]
    yield _finding(
        source,
        first,
        "warning",
        f"garbled text: {named}{elsewhere}: the file was read as Windows-1252 and saved again",
        f"copy the text again from the original and save the file as UTF-8, or retype "
        f"each garbled piece ('{text}' as '{was}')",
    )


# A numeric character reference as `with_references_read` reads one.
_NUMERIC_REFERENCE_RE = re.compile(r"&#(?:[0-9]+|x[0-9a-fA-F]+);")
REPLACEMENT_CHARACTER = "\ufffd"


def _check_unreadable_references(source: Source) -> Iterator[Finding]:
    """A numeric character reference in a key shown as text (`TEXT_KEYS`)
    that stands for no character (`&#0;`, a surrogate `&#xD800;`, past
    Unicode `&#1114112;`: the page shows '�') or for one no page holds (a
    control character `&#11;`, a noncharacter `&#xFFFF;`: left out), as the
    reader reads it (`with_references_read`): said once per key, naming each
    reference as written."""
    for key, (value, line) in source.metadata.items():
        if key not in TEXT_KEYS or "&#" not in value:
            continue
        unread = {}
        for written in _NUMERIC_REFERENCE_RE.findall(value):
            shown = with_references_read(written)
            if shown == "":
                unread[written] = "left out"
            elif shown == REPLACEMENT_CHARACTER and _reference_number(written) != 0xFFFD:
                unread[written] = f"shown as '{REPLACEMENT_CHARACTER}'"
        if unread:
            named = ", ".join(f"'{written}' ({shown})" for written, shown in unread.items())
            yield _finding(
                source,
                line,
                "warning",
                f"{source.names.get(key, key)}: {_references(len(unread))} for no character "
                f"the page can show: {named}",
                "write the character itself (or its number: '&#233;' or '&#xE9;' is 'é'), "
                "or remove the reference",
            )


def _references(count: int) -> str:
    return "character reference that stands" if count == 1 else "character references that stand"


def _reference_number(written: str) -> int:
    digits = written[2:-1]
    return int(digits[1:], 16) if digits.startswith("x") else int(digits)


def check_unpublished_flag(source: Source) -> Iterator[Finding]:
    """`draft: true` (Hugo, Decap) or `published: false` (Jekyll): the reader keeps
    the release unpublished (`warta.markdown_source`); said at its line, since
    this site's own key is `Status:`. A date in it (`Embargo: …`, `Terbit:
    2099-11-02 10:00`) was meant as an embargo: the hint is the Date: to
    write, never "delete it", which would let the release out now."""
    if source.unpublished_flag is None:
        return
    name, value, line = source.unpublished_flag
    if any(line == repeated[1] for repeated in source.repeated):
        return  # a Status: written again: said by `_check_repeated_keys`
    if source.flag_below and line in _error_lines(source):
        return  # held back, and the line is an error of its own: said once
    notice = frontmatter.title_notice(value) if frontmatter.canonical_key(name) == "title" else None
    if notice is not None:  # `Title: [EMBARGO 7/12] …`
        yield _finding(
            source,
            line,
            "warning",
            f"the title starts with '{notice}', which is read as Status: draft: "
            "this release is not published",
            f"to hold it back, write 'Status: draft' (an embargo: the Date: it goes out) and "
            f"take '{notice}' out of the title; to publish, take it out",
        )
        return
    when = embargo_date(value)
    if source.unpublished_notice == "draft":
        # A draft notice (`DRAF – belum boleh terbit`), named by its line.
        yield _finding(
            source,
            line,
            "warning",
            f"the notice '{name}' is in the release's text, and is read as "
            "Status: draft: this release is not published",
            "to hold it back, write 'Status: draft' in the front matter and delete the "
            "notice's line; to publish, delete it",
        )
        return
    if source.unpublished_notice == "embargo":
        # An embargo notice (`EMBARGO hingga Kamis, …`), named by its line.
        yield _finding(
            source,
            line,
            "warning",
            f"the embargo notice '{name}' is in the release's text, and is read as "
            "Status: draft: this release is not published",
            f"an embargo is the Date: itself: write 'Date: {when}' and delete the notice's line"
            if when is not None
            else "an embargo is the Date: itself: write the time it ends as 'Date: "
            "YYYY-MM-DD HH:MM' (WIB) and delete the notice's line",
        )
        return
    if source.flag_below and frontmatter.is_end_field(name, value):
        # `Kedaluwarsa: 2024-11-18` under the lead: no reader takes the
        # release down there, so it is held back now (`keeps_unpublished`).
        yield _finding(
            source,
            line,
            "warning",
            f"the take-down line '{name}: {value}' is below the front matter, in the "
            "release's text, where no date takes it down, so it is read as "
            "Status: draft: this release is not published",
            f"to take it down at that time, move the {name}: line up into the front matter "
            "(above the first blank line) as 'Kedaluwarsa: YYYY-MM-DD HH:MM' (WIB); "
            "to publish it for good, delete the line",
        )
        return
    if not source.flag_below and frontmatter.is_end_field(name, value):
        # `Kedaluwarsa: besok`, `expiryDate: 2024-11-01` before the Date: held
        # back (`frontmatter.take_down_holds`), whatever the clock.
        when = when_written(value)
        why = (
            "is no date the site reads"
            if when is None
            else f"is not after the Date: '{source.value('date')}'"
        )
        yield _finding(
            source,
            line,
            "warning",
            f"the take-down date '{name}: {value}' {why}, so it is read as Status: draft: "
            "this release is not published",
            "write when it is to come down, after its Date:, as 'Kedaluwarsa: YYYY-MM-DD "
            f"HH:MM' (WIB); to publish it for good, delete the {name}: line",
        )
        return
    # (a key that is no publication key holds it back by `release_key_holds`)
    unknown = frontmatter.canonical_key(name) not in frontmatter.PUBLICATION_KEYS
    unclear = not unknown and frontmatter.yes_or_no(value) is None
    # `published: true # ok`: the comment is read as part of the value, as
    # Pelican reads it, so that is neither a yes nor a no.
    said, hash_, comment = value.partition(" #")
    commented = unclear and hash_ and frontmatter.yes_or_no(said) is not None
    why = (
        f" (' #{comment}' is read as part of the value, so it is neither a yes nor a no)"
        if commented
        else " (neither a yes nor a no)"
    )
    below = " is below the front matter, in the release's text, and" if source.flag_below else ""
    if not name.isascii():  # (`Stätus:`, a Cyrillic look-alike: read as its letters A–Z)
        below = f" ({_odd_letters(name)} not A–Z: no reader reads it){below}"
    yield _finding(
        source,
        line,
        "warning",
        (f"unknown key '{name}: {value}'" if unknown else f"'{name}: {value}'")
        + below
        + " is read as Status: draft"
        + (why if unclear and when is None and not below else "")
        + ": this release is not published",
        f"an embargo is the Date: itself: write 'Date: {when}' and delete the {name}: line"
        if when is not None
        else f"to hold it back, write 'Status: draft' in the front matter and delete the "
        f"{name}: line; to publish, delete it"
        if below
        else f"write '{name}: {said.strip()}' without the comment, or 'Status: draft' "
        f"instead of the {name}: line"
        if commented
        else f"write 'Status: draft' instead of the {name}: line; to publish, delete "
        + ("it" if unknown else "both"),
    )


def _error_lines(source: Source) -> set[int]:
    """Lines of the front matter's own errors: an indented key, a line YAML
    cannot read, the line that ends the front matter."""
    lines = {number for _, number, _, _ in source.indented_keys}
    if source.yaml_problem:
        lines.add(source.yaml_problem[0])
    if source.ended_by is not None and front_matter_broken(source):
        lines.add(source.ended_by)
    return lines


def embargo_date(value: str) -> str | None:
    """The Date: to write for an embargo written as `value` (`2099-11-02 10:00`,
    `5 Desember 2099 pukul 10.00 WITA`), in the house form, in WIB; the day
    alone when no time is written; None when `value` is no date."""
    written = read_written_date(value)
    if written is not None and written.wib is not None and not written.has_time:
        return f"{written.wib:%Y-%m-%d}"
    # `dates.when_written`, with the staff form read once above.
    when = house_date(value.strip()) or (written.wib if written else None)
    return None if when is None else f"{when:%Y-%m-%d %H:%M}"


def _check_repeated_keys(source: Source) -> Iterator[Finding]:
    """A key the site reads once (`Title:`, `Image:` …) written again: the
    reader keeps the first (`warta.markdown_source`). Pelican's own single
    keys (`Date:`, `Slug:` …) it reports itself, in the same words. A key
    written in both languages (`Rubrik:` and `Category:`) is an error: the
    reader keeps the first, and which one the writer meant is not known."""
    for name, line, first, value in source.repeated:
        key = frontmatter.canonical_key(name)
        other = source.names.get(key, name)
        used = source.value(key)
        if key == "status" and other.lower() == name.lower() and value.lower() != used.lower():
            # `Status: draft` and `Status: published`: the one that holds the
            # release back is used, whichever comes first (`unpublished_by_flag`).
            held = {used.lower(), value.lower()} & frontmatter.UNPUBLISHED_STATUSES
            yield _finding(
                source,
                line,
                "warning",
                f"'{name}:' written twice, '{used}' (line {first}) and '{value}' (line {line}), "
                + (
                    "and one holds it back: this release is not published"
                    if held
                    else f"the first one is used: '{used}'"
                ),
                f"keep one {name}: line ('{name}: draft' to hold it back, "
                f"'{name}: published' to publish)",
            )
        elif other.lower() != name.lower():
            yield _finding(
                source,
                line,
                "error",
                f"'{name}:' is the same key as '{other}:' (line {first}), "
                f"whose value '{source.value(key)}' is used",
                f"keep one of the two lines ('{other}:' and '{name}:' both mean {key.title()}:)",
            )
        elif key in SINGLE_VALUED_KEYS:
            yield _finding(
                source,
                line,
                "warning",
                f"'{name.title()}:' written twice: the first one (line {first}) is used",
                "keep one line",
            )


def _check_yaml_marks(source: Source) -> Iterator[Finding]:
    """A value that starts with YAML's anchor, alias or tag (`Title: &a
    Rapat`, `Title: *a`, `title: !!python/object:os.system …`), pasted from
    another site's YAML: the site reads no such mark (a tag is never run),
    so it is shown as written; an alias in a `---` block stands for the
    anchored value, a copy of another key's text."""
    for name, line, mark, kind in source.yaml_marks:
        key = frontmatter.canonical_key(name)
        value = source.value(key) if source.line(key) == line else ""
        if kind == "alias" and value and not value.startswith(mark):
            said = (
                f"'{name}:' is '{mark}', a YAML alias: the value is a copy of another's, '{value}'"
            )
        else:
            said = f"'{name}:' starts with '{mark}', a YAML {kind}, which is shown as written"
        yield _finding(
            source, line, "warning", said, f"delete '{mark}' and write the {name.lower()} itself"
        )


def _misspelt_required(source: Source, rules: Rules, key: str) -> tuple[str, int, str] | None:
    """(the unknown key, its line, the key to write as a suggestion writes it)
    of a field written for the required `key` with its name misspelt
    (`Titel:` for Title:, `Tangal:` for Tanggal:: the nearest known key, as
    `_check_unknown_keys` finds it); None when there is none."""
    known = KNOWN_KEYS | {name.lower() for name in rules.extra_keys}
    candidates = sorted(known - frontmatter.PUBLICATION_KEYS)
    for name, (value, line) in sorted(source.metadata.items(), key=lambda item: item[1][1]):
        if name in known or frontmatter.is_publication_key(name):
            continue
        close = _nearest_key(name, value, candidates)
        if close and frontmatter.canonical_key(close) == key:
            return name, line, "-".join(part.title() for part in close.split("-"))
    return None


# Other words staff write for a key of the site (Indonesian, another CMS's),
# and the key meant: `Foto:` is Image:, `Lokasi:` Region:, `Deskripsi:`
# Summary:, `Label:` Tags:. Not read as that key, but named as a misspelt key
# is (`_nearest_key`).
KEYS_IN_OTHER_WORDS = {
    **dict.fromkeys(
        [
            "foto",
            "gambar",
            "photo",
            "picture",
            "img",
            "cover",
            "thumbnail",
            "featured-image",
            "foto-utama",
            "gambar-utama",
            "sampul",
        ],
        "image",
    ),
    **dict.fromkeys(
        ["keterangan-foto", "keterangan-gambar", "caption", "takarir", "foto-caption"],
        "image-caption",
    ),
    **dict.fromkeys(["alt", "alt-text", "teks-alternatif"], "image-alt"),
    **dict.fromkeys(
        ["kredit-foto", "kredit", "credit", "sumber-foto", "fotografer", "photographer"],
        "image-credit",
    ),
    **dict.fromkeys(
        ["lokasi", "daerah", "location", "kabupaten", "kota", "kabupaten-kota", "provinsi"],
        "region",
    ),
    **dict.fromkeys(
        ["deskripsi", "description", "excerpt", "abstrak", "intisari", "sinopsis"], "summary"
    ),
    **dict.fromkeys(
        ["label", "labels", "kata-kunci", "keywords", "topik", "tagar", "hashtag", "hashtags"],
        "tags",
    ),
    **dict.fromkeys(["reporter", "pewarta", "wartawan", "kontributor", "writer"], "author"),
    "headline": "title",
    "waktu": "date",
}
# A photo's file or address (`images/2026/x.jpg`, `{static}/x.JPG`), and a
# credit (`Humas Bawaslu …`, `Dok. …`): what `Foto:` holds, said as Image:
# or Image-Credit:, else a caption.
_FILE_VALUE_RE = re.compile(r"/|\.[A-Za-z0-9]{3,4}$")
_CREDIT_VALUE_RE = re.compile(r"(?:humas|dok\b|dokumentasi|istimewa|ist\b)", re.IGNORECASE)


def _nearest_key(name: str, value: str, candidates: list[str]) -> str | None:
    """The known key (of `candidates`) an unknown one was meant as: another
    word for it (`KEYS_IN_OTHER_WORDS`: `Foto:` with a file is Image:, with a
    credit Image-Credit:, else Image-Caption:), the key with two letters
    swapped (`Tgas:`), or the nearest by difflib at 0.8; one of Pelican's
    one-word keys only for a value of one word (`Tempat: Aula Bawaslu` is no
    `Template:`)."""
    meant = KEYS_IN_OTHER_WORDS.get(name.replace("_", "-"))
    if meant == "image" and not _FILE_VALUE_RE.search(value.strip()):
        meant = "image-credit" if _CREDIT_VALUE_RE.match(value.strip()) else "image-caption"
    if meant in candidates:
        return meant
    fits = (
        candidates
        if len(value.split()) <= 1
        else [key for key in candidates if key not in PELICAN_WORD_KEYS]
    )
    for key in fits:
        if len(key) == len(name) > 3 and any(
            name == key[:i] + key[i + 1] + key[i] + key[i + 2 :] for i in range(len(key) - 1)
        ):
            return key  # two letters swapped, which difflib weighs as two mistakes
    close = difflib.get_close_matches(name, fits, n=1, cutoff=0.8)
    return close[0] if close else None


def _check_unknown_keys(source: Source, rules: Rules) -> Iterator[Finding]:
    """A key nothing reads (`Summery:`, `Titel:`): Pelican keeps it and nothing
    shows it, so the release has no summary and no one is told. With a known
    key close to it, a warning naming that key; else (a key of an outside
    plugin, or another generator's) a suggestion, which does not stop a
    strict build, to remove it or list it in CONTENT_LINT_EXTRA_KEYS."""
    known = KNOWN_KEYS | {key.lower() for key in rules.extra_keys}
    # (Status: or Draft: with a value that is no state is no key meant:
    # "Stats: 120", "Publisher: …"; one with a state is held back above.)
    candidates = sorted(known - frontmatter.PUBLICATION_KEYS)
    for key, (value, line) in source.metadata.items():
        if key in known:
            continue
        name = source.names.get(key, key)
        if source.unpublished_flag and source.unpublished_flag[2] == line:
            continue  # held back as a draft, and said so (`check_unpublished_flag`)
        if source.take_down and line in {source.take_down[2]} | {
            other[2] for other in source.other_take_downs
        }:
            continue  # a take-down date (`check_take_down`, `_check_other_take_downs`)
        published = parse_date(value) if frontmatter.is_publication_key(key) else None
        if published is not None:
            # "publishDate: …" no later than Date:: the release goes out at its Date:.
            yield _finding(
                source,
                line,
                "suggestion",
                f"unknown key '{name}:': nothing reads it; the release is published at its Date:",
                f"remove the {name}: line",
            )
            continue
        close = _nearest_key(key, value, candidates)
        meant = frontmatter.canonical_key(close) if close else ""
        if meant in rules.required and not source.value(meant):
            continue  # a required key misspelt (`Titel:`): said as missing (`_check_required`)
        if close:
            written = "-".join(part.title() for part in close.split("-"))
            yield _finding(
                source,
                line,
                "warning",
                f"unknown key '{name}:': nothing reads it, so its value is not used",
                f"write '{written}: {value.strip()}'" if value.strip() else f"write '{written}:'",
            )
        else:
            yield _finding(
                source,
                line,
                "suggestion",
                f"unknown key '{name}:': nothing on this site reads it",
                "remove the line; if a plugin of the site reads it, list it in "
                "CONTENT_LINT_EXTRA_KEYS in pelicanconf.py",
            )


def check_unused_items(path: str, front: frontmatter.FrontMatter) -> Iterator[Finding]:
    """A list written for a key the build reads once (`categories: [Siaran
    Pers, Berita]`, Hugo's and Decap's, `frontmatter.LIST_ALIASES`): its first
    item is used, the others are said at the key's line. A key the site
    reads written as a YAML map (`author:` then `  name: Budi`, Jekyll's and
    a CMS object widget's) is read as nothing: said at its line (an empty
    `title:` is said as missing, the release not published)."""
    for item in front.fields:
        if item.mapped and item.key in KNOWN_KEYS and item.key != "title":
            shown = " ".join(item.written or ())
            shown = shown.split(":", 1)[1].strip() if ":" in shown else shown
            yield Finding(
                path,
                item.line,
                "warning",
                f"'{item.name}:' is a YAML map, which the site does not read, so it is "
                f"left out: '{shown}'",
                f"write the value itself on the key's line: '{item.name}: …'",
            )
        if item.unused:
            others = ", ".join(f"'{text}'" for text in item.unused)
            yield Finding(
                path,
                item.line,
                "warning",
                f"'{item.name}:' lists more than one {item.key}: '{item.value}' is used, "
                f"{others} not",
                f"keep one: '{item.key.title()}: {item.value}'",
            )


# A footnote's mark (`[^1]`) and a reference link (`[teks][sumber]`,
# `[teks][]`), outside code spans; the definitions that give them a note or an
# address (`[^1]: …`, `[sumber]: https://…`), at most three spaces in.
_FOOTNOTE_ANY_RE = re.compile(r"\[\^(?P<id>[^\]\s]+)\]")
_FOOTNOTE_MARK_RE = re.compile(_FOOTNOTE_ANY_RE.pattern + r"(?!:)")  # not a note's start
_REFERENCE_LINK_RE = re.compile(r"(?<!!)(?<!\])\[(?P<text>[^\]\[]+)\]\[(?P<id>[^\]\[]*)\]")
_DEFINITION_RE = re.compile(r"^ {0,3}\[(?P<id>[^\]]+)\]:")
_CODE_SPAN_RE = re.compile(r"(`+).+?\1")


def _reference_id(text: str) -> str:
    return " ".join(text.split()).casefold()


def _check_dangling_marks(source: Source) -> Iterator[Finding]:
    """A footnote's mark with no note (`[^2]` and no `[^2]: …` line) or a
    reference link with no address (`[rilis][kpu]` and no `[kpu]: https://…`):
    Markdown shows it as typed, brackets and all. One warning each, at its
    line (code and raw HTML left alone). A footnote's note with no mark
    (`[^2]: …` and no `[^2]`) is published, with a warning at its line."""
    lines = source.markdown_lines
    if not any("][" in text or "[^" in text for _, text in lines):
        return
    defined = {
        _reference_id(match["id"]) for _, text in lines if (match := _DEFINITION_RE.match(text))
    }
    # Every `[^id]` but a note's own at its line's start: a mark in running
    # text may have a colon after it (`Pasal 280[^1]: …`).
    marked = {
        _reference_id("^" + mark["id"])
        for _, text in lines
        for mark in _FOOTNOTE_ANY_RE.finditer(
            _CODE_SPAN_RE.sub(" ", _DEFINITION_RE.sub("", text, count=1))
        )
    }
    for number, text in lines:
        definition = _DEFINITION_RE.match(text)
        unmarked = definition and definition["id"].startswith("^")
        if unmarked and _reference_id(definition["id"]) not in marked:
            # `[^2]: …` with no `[^2]` in the text: Markdown still prints the
            # note at the page's foot, its ↩ linking to no mark. It is kept
            # (the writer's text); said so.
            yield _finding(
                source,
                number,
                "warning",
                f"footnote '[{definition['id']}]' has no mark in the text: its note is "
                "published at the foot of the page, linked from nowhere",
                f"put '[{definition['id']}]' in the text where the note belongs, "
                "or delete the note",
            )
        if definition:
            continue
        text = _CODE_SPAN_RE.sub(lambda m: " " * len(m.group()), text)
        for mark in _FOOTNOTE_MARK_RE.finditer(text):
            if _reference_id("^" + mark["id"]) not in defined:
                yield _finding(
                    source,
                    number,
                    "warning",
                    f"footnote without its note, shown as typed: '{mark.group()}'",
                    f"write the note below the text: '{mark.group()}: …', or remove the mark",
                )
        for link in _REFERENCE_LINK_RE.finditer(text):
            wanted = _reference_id(link["id"] or link["text"])
            if wanted not in defined:
                yield _finding(
                    source,
                    number,
                    "warning",
                    f"link without its address, shown as typed: '{link.group()}'",
                    f"write the address below the text: '[{link['id'] or link['text']}]: "
                    f"https://…', or write the link as [{link['text']}](https://…)",
                )


def _check_tags_auto(source: Source) -> Iterator[Finding]:
    value = source.value("tags-auto")
    if value and value.lower() not in TAGS_AUTO_OFF | TAGS_AUTO_ON:
        yield _finding(
            source,
            source.line("tags-auto"),
            "warning",
            f"unknown Tags-Auto value: '{value}': tags are still added automatically",
            comment_advice(source.names.get("tags-auto", "Tags-Auto"), value)
            or "write 'Tags-Auto: no' to add none, or remove the line",
        )


def _check_held_separators(source: Source) -> Iterator[Finding]:
    """An item of a list (Tags, Authors, Region) that holds a separator its
    reader splits at: a `;` or `,` typed as a character reference
    (`Politik Uang &#59; Netralitas`), or inside one item of a YAML list
    (`["Sosialisasi ; Rapat", IKP]`). It stays one item, the separator shown
    in its full-width form (`frontmatter.handed_list`); said once, at the
    key's line."""
    for key, items in source.items.items():
        for item in items:
            held = frontmatter.held_separators(key, item)
            if not held:
                continue
            marks = " and ".join(f"'{mark}'" for mark in held)
            shown = frontmatter.handed_list(key, [item])
            parts = [part.strip() for part in re.split(f"[{held}]", item) if part.strip()]
            yield _finding(
                source,
                source.line(key),
                "warning",
                f"{source.names.get(key, key.title())}: '{item}' holds {marks}, which "
                f"{'separates' if len(held) == 1 else 'separate'} the items of the list: "
                f"kept as one item, shown as '{shown}'",
                "for separate items write "
                + ", ".join(f"'{part}'" for part in parts)
                + f" as items of their own; for one, leave {marks} out",
            )


def _check_written_lists(source: Source) -> Iterator[Finding]:
    """A list key written as a list in brackets or quotes below `Title: …`
    (`Tags: [Pilkada 2024, Pengawasan]`, `Tags: "Pilkada 2024", "IKP"`, from a
    CMS, a chat or another generator): read as its items, as meant (the
    brackets and quotes were read as part of the tags: "[Pilkada 2024",
    "Pengawasan]"); the form the CMS and `invoke new` write suggested."""
    for name, line, written, items in source.written_lists:
        plain = f"{name}: {', '.join(items)}"
        yield _finding(
            source,
            line,
            "suggestion",
            f"{name}: '{written}' is read as '{plain}'",
            f"write it so, without brackets or quotes: '{plain}'",
        )


def _listed_value(source: Source) -> bool:
    """A YAML list under an empty key ("Tags:" then "  - Pilkada 2024")."""
    block = _stranded_block(source)
    if not block or not _LIST_ITEM_RE.match(block[0][1]):
        return False
    last_value, _ = max(source.metadata.values(), key=lambda item: item[1])
    return not last_value.strip()


def _front_matter_break(source: Source, stranded: dict[str, int]) -> Finding:
    number = source.ended_by
    text = dict(source.body).get(number, "").strip()
    keys = [key.title() for key, line in stranded.items() if line > number]
    lost = ""
    if keys:
        verb = "is" if len(keys) == 1 else "are"
        lost = f"; {', '.join(f'{key}:' for key in keys)} below it {verb} read as text"
    raw = dict(source.body).get(number, "")
    invisible = [c for c in raw[: len(raw) - len(raw.lstrip())] if c not in " \t"]
    if invisible and _LOOSE_KEY_RE.match(text):
        # A no-break space pasted before "Status: draft": the line looks right.
        names = ", ".join(
            dict.fromkeys(f"U+{ord(c):04X} {unicodedata.name(c, '')}".strip() for c in invisible)
        )
        lost = f" (it starts with an invisible {names}){lost}"
        hint = f"delete what looks like a space before '{text}'"
    elif _LIST_ITEM_RE.match(text):
        hint = "write a list on one line after its key, e.g. 'Tags: Pilkada 2024, Pengawasan'"
    elif marked := _MARKED_KEY_RE.match(text):
        key = "-".join(word.title() for word in marked["key"].split())
        hint = (
            f"write it as '{key}: {marked['value'].strip()}', without the "
            f"'{marked['marks']}' marks around the key"
        )
    elif (odd := frontmatter.odd_key_line(text)) and odd[1].isascii():
        hint = (
            f"write the key in the letters A–Z ({_odd_letters(odd[0])} not): '{odd[1]}: {odd[2]}'"
        )
    elif _LOOSE_KEY_RE.match(text):
        match = _LOOSE_KEY_RE.match(text)
        key = "-".join(word.title() for word in match["key"].split())
        before = text[: match.start("colon")]
        quoted = before.strip() != match["key"].strip()
        spaced = before != before.rstrip() or match["key"] != match["key"].rstrip()
        colon = match["colon"]
        indented = raw[:1].isspace()
        where = [
            *(["at the start of the line"] if indented else []),
            *(["with no quotes around the key"] if quoted else []),
            *(["with no space before the colon"] if spaced else []),
            *(
                [f"with ':' for '{colon}' (U+{ord(colon):04X} {unicodedata.name(colon, '')})"]
                if colon != ":"
                else []
            ),
        ]
        hint = f"write it as '{key}: {match['value'].strip()}'" + (
            f", {' and '.join(where)}" if where else ""
        )
    else:
        hint = "put the text below the front matter, after one blank line"
    ends = (
        "the front matter ends at this line"
        if source.metadata
        else "no front matter: the file starts with this line"  # (`Title : …` on line 1)
    )
    return _finding(
        source, number, "error", f"{ends}: '{text}' is not a 'Key: value' line{lost}", hint
    )


def _check_photo_keys(source: Source) -> Iterator[Finding]:
    """Image-Alt:, Image-Caption: or Image-Credit: left behind when the photo
    was taken out (the CMS's "Hapus foto" once kept them): a warning at its
    line, so the next photo does not get the old description."""
    if source.value("image"):
        return
    for key in ("image-alt", "image-caption", "image-credit"):
        if source.value(key):
            yield _finding(
                source,
                source.line(key),
                "warning",
                f"{key.title()}: without an Image: line: '{source.value(key)}'",
                "remove the line, or add the Image: it belongs to",
            )


# A Date: before this year is no release's day ('1970-01-01', the epoch a tool
# leaves; '1024-11-27'): Indonesia's election supervisors first wrote for the
# 2004 elections (Panwaslu), and no archive of theirs goes back further.
EARLIEST_RELEASE_YEAR = 2000


def _check_dates(source: Source, rules: Rules) -> Iterator[Finding]:
    for key in ("date", "modified"):
        raw = source.value(key)
        if not raw:
            continue
        parsed = source.read_date(raw)
        if parsed is None:
            message, hint = unread_date(key.title(), raw)
            yield _finding(source, source.line(key), "error", message, hint)
            continue
        if house_date(raw.strip()) is None:
            written = read_written_date(raw)
            fixed = f"{parsed:%Y-%m-%d %H:%M}" if written.has_time else f"{parsed:%Y-%m-%d}"
            yield _finding(
                source,
                source.line(key),
                "suggestion",
                f"{key.title()} '{raw}' is read as {fixed}" + (" WIB" if written.has_time else ""),
                f"write it as {fixed}{_typed_note(written)}, the form the CMS and "
                "`invoke new` write",
            )
            continue
        offset = _zone_of(raw)
        if offset is not None and offset != WIB.utcoffset(None):
            hours = offset.total_seconds() / 3600
            yield _finding(
                source,
                source.line(key),
                "warning",
                f"{key.title()} is not in WIB (UTC{hours:+g}): '{raw}': "
                "the site shows the time in that zone",
                f"write it in WIB as {parsed:%Y-%m-%d %H:%M}",
            )
    date, modified = (
        source.read_date(source.value("date")),
        source.read_date(source.value("modified")),
    )
    if date and date.year < EARLIEST_RELEASE_YEAR:
        yield _finding(
            source,
            source.line("date"),
            "warning",
            f"Date '{source.value('date')}' is before {EARLIEST_RELEASE_YEAR}, before any "
            "election supervisor's release: a date left from a template, or a mistyped year",
            "write the day the release went out: YYYY-MM-DD HH:MM in WIB",
        )
    if date and modified and modified < date:
        yield _finding(
            source,
            source.line("modified"),
            "warning",
            f"Modified '{source.value('modified')}' is before Date '{source.value('date')}'",
            "Modified is when the article was last changed",
        )


def embargoed_date(source: Source, rules: Rules) -> str | None:
    """The Date: as written when it is after `rules.now` (never when
    `rules.now` is None): the release waits for the first build after it."""
    raw = source.value("date")
    parsed = source.read_date(raw) if raw else None
    if parsed is None or rules.now is None:
        return None
    local_now = rules.now.astimezone(rules.timezone).replace(tzinfo=None)
    return raw if parsed > local_now else None


def check_future_modified(source: Source, rules: Rules) -> Iterator[Finding]:
    """A Modified: after `rules.now` on a release that is out: its page says
    "Diperbarui" on a day still to come (none when `rules.now` is None)."""
    if rules.now is None or not source.value("modified"):
        return
    modified = source.read_date(source.value("modified"))
    if modified is None or embargoed_date(source, rules) is not None:
        return
    if modified > rules.now.astimezone(rules.timezone).replace(tzinfo=None):
        yield _finding(
            source,
            source.line("modified"),
            "warning",
            f"Modified '{source.value('modified')}' is in the future: the page says it was "
            "updated then",
            "write when the article was last changed, or remove the line",
        )


def embargo_rules(settings: Mapping) -> Rules:
    """The build's time and zone (TIMEZONE; CONTENT_LINT_NOW, an ISO time tests
    pin, else the clock; a time without a zone is in TIMEZONE)."""
    zone = ZoneInfo(settings.get("TIMEZONE") or "Asia/Jakarta")
    return Rules(now=build_now(settings), timezone=zone)


def unpublished_file(rules: Rules, content: str | None = None) -> Callable[[str], bool]:
    """Whether the release at a path is a draft or embargoed (`is_unpublished`),
    read from its front matter as the checks read it; `content`: the content
    folder, below which a path is read as the checks read it (a drafts folder)."""

    def unpublished(path: str) -> bool:
        shown = str(path)
        if content is not None and os.path.isabs(shown):
            below = os.path.relpath(shown, content)
            shown = shown if below.startswith("..") else below.replace(os.sep, "/")
        return is_unpublished(parse_source(shown, frontmatter.read_source(path)), rules)

    return unpublished


def is_unpublished(source: Source, rules: Rules | None = None) -> bool:
    """A draft (`Status: draft`, another generator's flag, a drafts folder) or,
    with `rules`, an embargoed release: not on the site yet."""
    return (
        source.value("status").lower() == "draft"
        or source.unpublished_flag is not None
        # in a drafts folder (`warta.published.hold_drafts_folder`): a path below content/
        or (not source.path.startswith("/") and drafts_folder(source.path) is not None)
        or (not source.path.startswith("/") and _draft_name(source) is not None)
        or (rules is not None and embargoed_date(source, rules) is not None)
        or (rules is not None and taken_down(source, rules) is not None)
    )


def _draft_name(source: Source) -> tuple[str, str] | None:
    """`warta.published.draft_name` of a source's path below content/, read
    with its Title:."""
    return draft_name(source.path, source.value("title"))


def check_embargo(source: Source, rules: Rules) -> Iterator[Finding]:
    """A Date after `rules.now` (none when `rules.now` is None): the release
    waits for the first build after it."""
    raw = embargoed_date(source, rules)
    if raw is not None:
        # In WIB, whatever zone the value was written in ("…T00:00:00Z" is 07:00 WIB).
        local = source.read_date(raw)
        written = "" if f"{local:%Y-%m-%d %H:%M}" == raw.strip() else f" ('{raw}')"
        yield _finding(
            source,
            source.line("date"),
            "suggestion",
            f"embargoed until {local:%Y-%m-%d %H:%M} WIB{written}: not on the site before then",
            "it appears with the first build after that time",
        )


def taken_down(source: Source, rules: Rules) -> dt.datetime | None:
    """When the release came down (its `Kedaluwarsa:`, naive WIB) when that
    is at or before `rules.now` (never when `rules.now` is None), as the
    build holds it (`warta.published.hold_taken_down`)."""
    when = _take_down_time(source)
    if when is None or rules.now is None:
        return None
    return when if rules.now.astimezone(WIB).replace(tzinfo=None) >= when else None


def _take_down_time(source: Source) -> dt.datetime | None:
    """The take-down date the build reads (none when it holds the release
    back whatever the clock: `check_unpublished_flag` says so)."""
    ending = source.take_down
    if ending is None or (source.unpublished_flag and source.unpublished_flag[2] == ending[2]):
        return None
    return when_written(ending[1])


def check_take_down(source: Source, rules: Rules) -> Iterator[Finding]:
    """A take-down date (`Kedaluwarsa:`, `expiryDate:` …), checked on every
    build (the clock decides): before it, when the release comes down; at or
    after it, that it is down. Another spelling is read as `Kedaluwarsa:`,
    with the line to write instead."""
    when = _take_down_time(source)
    if when is None or rules.now is None:
        return
    name, value, line = source.take_down
    shown = f"{when:%Y-%m-%d %H:%M}"
    as_read = name == frontmatter.TAKE_DOWN_NAME and shown == value.strip()
    written = "" if as_read else f" ('{name}: {value}')"
    if name != frontmatter.TAKE_DOWN_NAME:
        advice = f"write it as 'Kedaluwarsa: {shown}', the key the site reads"
    elif taken_down(source, rules) is None:
        advice = "the hourly build takes it off the site then; to keep it, delete the line"
    else:
        advice = "to publish it again, write a later date or delete the line"
    if taken_down(source, rules) is None:
        message = f"comes down at {shown} WIB{written}: on the site until then"
    else:
        message = f"taken down at {shown} WIB{written}: not on the site since then"
    yield _finding(source, line, "suggestion", message, advice)


def _check_other_take_downs(source: Source) -> Iterator[Finding]:
    """A second take-down date (`Kedaluwarsa:` written again, an old
    `expiryDate:` left beside it): the build reads the earliest
    (`frontmatter.FrontMatter.take_down`, the safe side), and each other is
    said at its line; one that holds the release back whatever the clock is
    said as such (`check_unpublished_flag`)."""
    if source.take_down is None:
        return
    name, value, line = source.take_down
    date = source.value("date")
    when = when_written(value)
    for other, other_value, other_line in source.other_take_downs:
        if frontmatter.take_down_holds(other_value, date):
            continue  # held back, and said so (`check_unpublished_flag`)
        yield _finding(
            source,
            other_line,
            "warning",
            f"another take-down date '{other}: {other_value}': the earliest, "
            f"'{name}: {value}' (line {line}), is the one read"
            + (f": the release comes down at {when:%Y-%m-%d %H:%M} WIB" if when else ""),
            "keep one line, 'Kedaluwarsa: YYYY-MM-DD HH:MM' (WIB), and delete the others",
        )


def check_slug(source: Source) -> Iterator[Finding]:
    slug = source.value("slug")
    title = source.value("title")
    if "slug" not in source.metadata and title and not slugify(title):
        # Pelican would make "-" of it: /berita/2025/03/-/, listed everywhere.
        yield _finding(
            source,
            source.line("title"),
            "error",
            f"Title has no letter or digit to make the page's address from: '{title}'",
            "write the headline in words, or add a Slug: line such as 'Slug: rapat-pleno'",
        )
    # The slug as the reader reads it: its control characters left out
    # (`warta.markdown_source`); `Slug: slug<U+200B>zw` is written at …/slugzw/.
    read = without_control_characters(slug)
    controls = control_characters_in(slug)
    fault = slug_fault(read)
    shown = read if len(read) <= 60 else read[:60] + "…"
    # What the build uses meanwhile (release_defaults): the page has an address.
    fixed = (slug_as_meant(read) or slugify(title) or "rapat-pleno") if fault else ""
    if (read or controls) and not SLUG_RE.match(read):
        left_out = f", control character {', '.join(controls)} left out" if controls else ""
        lookalikes = lookalike_letters(read)
        if lookalikes:
            shown = ", ".join(f"'{ch}' (U+{ord(ch):04X})" for ch in lookalikes)
            left_out += f", {shown} of another script, not the Latin letter it looks like"
        yield _finding(
            source,
            source.line("slug"),
            "error",
            f"invalid Slug: '{slug}'{left_out}"
            # One that climbs out ("aux/..") is refused whole (containment).
            + (": this release is not published" if climbs(read) else ""),
            comment_advice(source.names.get("slug", "Slug"), slug)
            or f"use lowercase letters, digits and hyphens, e.g. '{fixed}'",
        )
    elif read and fault:
        # `Slug: nul`, 300 letters: a slug by its letters, no folder everywhere.
        yield _finding(
            source,
            source.line("slug"),
            "error",
            f"invalid Slug: '{shown}' is {fault}",
            f"write another slug of lowercase letters, digits and hyphens, e.g. 'Slug: {fixed}': "
            "the page is shown at that address meanwhile",
        )
    elif controls:
        yield _finding(
            source,
            source.line("slug"),
            "warning",
            f"control character {', '.join(controls)} left out of the Slug: '{slug}'",
            f"retype the line as 'Slug: {read}', the slug the page is written at",
        )
    if len(read) > SLUG_MAX and not fault:
        # A slug typed longer than a title makes (or the CMS's 80 and "-2"):
        # the page is written there, as it was before `slug_fault`; a
        # published address stays, so it is a suggestion, not a fault.
        yield _finding(
            source,
            source.line("slug"),
            "suggestion",
            f"Slug: '{shown}' is {len(read)} characters long, longer than the "
            f"{SLUG_MAX} the site makes of a title: a long address is hard to read and share",
            f"before it is published, shorten it, e.g. '{slug_as_meant(read)}'; once it is "
            "published keep it: another slug is another address, and links to this one break",
        )


def check_lang(source: Source) -> Iterator[Finding]:
    """`Lang:` makes a translation, whose address ends in the language: a value
    that is no language tag (`{% raw %}`, `bahasa indonesia`) made a folder of
    it. The build shows the page in the site's language meanwhile
    (release_defaults)."""
    lang = source.value("lang")
    if "lang" in source.metadata and not LANG_RE.match(lang):
        # One that climbs out ("../../x") is refused whole (containment).
        dropped = ": this release is not published" if climbs(lang) else ""
        yield _finding(
            source,
            source.line("lang"),
            "error",
            f"invalid Lang: '{lang}'{dropped}",
            comment_advice(source.names.get("lang", "Lang"), lang)
            or "remove the Lang: line (the site is in Indonesian), "
            "or write a language code such as 'en'",
        )


def _check_rubrik(source: Source, rules: Rules) -> Iterator[Finding]:
    category = source.value("category")
    if category and category not in rules.rubrik:
        by_lower = {name.lower(): name for name in rules.rubrik}
        if category.lower() in by_lower:
            hint = f"write it as '{by_lower[category.lower()]}'"
        else:
            close = difflib.get_close_matches(category, rules.rubrik, n=3, cutoff=0.4)
            hint = "use one of: " + ", ".join(close or rules.rubrik)
        yield _finding(
            source, source.line("category"), "error", f"unknown rubrik: '{category}'", hint
        )


def _check_lengths(source: Source, rules: Rules) -> Iterator[Finding]:
    title, summary = source.value("title"), source.value("summary")
    if "<!--" in summary:  # as shown: its comments taken out (plugins/sanitize)
        summary = " ".join(TEXT_COMMENT_RE.sub(" ", summary).split())
    if title and not rules.title_min <= len(title) <= rules.title_max:
        yield _finding(
            source,
            source.line("title"),
            "warning",
            f"title is {len(title)} characters long",
            f"keep it between {rules.title_min} and {rules.title_max}",
        )
    if summary and not rules.summary_min <= len(summary) <= rules.summary_max:
        yield _finding(
            source,
            source.line("summary"),
            "warning",
            f"summary is {len(summary)} characters long",
            f"keep it between {rules.summary_min} and {rules.summary_max}",
        )


# An HTML element's tag as typed into a title ("<em>", "</b>", "<br/>"), not a
# lone "<" of a comparison ("usia < 17 tahun").
_TITLE_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")


# Markdown's marks typed into a title: bold or italics around words (`**Rapat**`,
# `*Rapat*`, `__Rapat__`, `_Rapat_` between words), a link (`[Rapat](…)`),
# code (`` `x` ``). An `*` or `_` alone ("Pemilu 2024*", "Rapat_Koordinasi") is none.
_TITLE_MARKDOWN_RE = re.compile(
    r"(?P<mark>\*\*|\*|__|(?<![^\W_])_)(?=[^\s*_])(?:[^*_]*?[^\s*_])?(?P=mark)(?![^\W_])"
    r"|\[[^\]]+\]\([^)]*\)|`[^`]+`"
)


def _punctuation(char: str) -> bool:
    return not char.isalnum() and not char.isspace()


def _emphasis(text: str, match: re.Match) -> bool:
    """Whether a match of _TITLE_MARKDOWN_RE is marks around words as Markdown
    reads them: a mark before punctuation opens nothing after a letter or a
    digit, one after punctuation closes nothing before one (CommonMark's
    flanking: `Skor 3*, Lahat 2*` is two ratings, not italics)."""
    mark = match["mark"]
    if not mark:
        return True  # a link or code
    start, end = match.span()
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    opens = text[start + len(mark)]
    closes = text[end - len(mark) - 1]
    if _punctuation(opens) and not (before.isspace() or _punctuation(before)):
        return False
    return not (_punctuation(closes) and not (after.isspace() or _punctuation(after)))


def _check_title_markup(source: Source) -> Iterator[Finding]:
    """HTML typed into a Title: (or pasted from a web page's headline), and
    Markdown's marks (`**Rapat**`, `[Rapat](…)`: the text editor's habit). A
    title is text everywhere it is shown (the page, the tab, feeds, share
    cards, search), so the tags would be read out as "<em>", the marks shown
    as typed. (A title wholly in a chat's bold is read without its marks:
    `markdown_source.without_chat_emphasis`.)"""
    title = source.value("title")
    plain = without_chat_emphasis(title or "")
    marked = [m.group(0) for m in _TITLE_MARKDOWN_RE.finditer(plain) if _emphasis(plain, m)]
    tags = _TITLE_TAG_RE.findall(title) if title and "<" in title else []
    for kind, found, what in (("Markdown", marked, "marks"), ("HTML", tags, "tags")):
        if found:
            shown = ", ".join(f"'{piece}'" for piece in dict.fromkeys(found))
            yield _finding(
                source,
                source.line("title"),
                "warning",
                f"{kind} in the title: {shown}: a title is shown as plain text, {what} and all",
                f"remove the {what} from the Title: line; a title has no bold, italics or links",
            )


_SENTENCE_END = re.compile(r"(?:^|[.!?:;]|\s[–—-])[\s*_>\"“'‘(\[]*$")


def _name_then_word(before: str, words: str) -> bool:
    """A capitalised word inside a sentence followed by the same word in lower
    case ("se-Kecamatan Sikap Dalam dalam sosialisasi"): the end of a name, then
    the word. At the start of a sentence ("Dalam dalam rapat") it is a slip.
    `before` is the text of their line before them."""
    first, *_, second = words.split()
    if not (first[0].isupper() and not first.isupper() and second.islower()):
        return False
    return not _SENTENCE_END.search(before)


def _heads_a_dateline(text: str, start: int) -> bool:
    """Whether the line of `text` from `start` opens with a dateline
    (`dateline.dateline_head`) whose head is the word there."""
    line = text[start : text.find("\n", start) if "\n" in text[start:] else len(text)]
    head = dateline_head(line)
    return head is not None and fold(head.text).split()[:1] == fold(line).split()[:1]


def _check_repeated_title(source: Source) -> Iterator[Finding]:
    """The release's Title pasted again as a line above its lead (a headline
    copied with the text): one suggestion at that line. Only the lines above
    the first sentence are read."""
    written = source.value("title")
    title = fold(written)
    if not title:
        return
    for number, line in source.body:
        if not line.strip() or line.lstrip().startswith("!["):
            continue  # a blank line, a photo
        # (folding never makes a text shorter than half of it, markup and
        # spaces aside: a line far longer than the title is not the title)
        # (its tags aside: `<h1>Judul</h1>`, `<p><strong>Judul</strong></p>` pasted as HTML)
        shown = re.sub(r"<[^>]*>", "", line) if "<" in line else line
        if len(shown) <= 2 * len(written) + 20 and fold(shown) == title:
            yield _finding(
                source,
                number,
                "suggestion",
                f"the text repeats the title: '{line.strip()}'",
                "delete this line: the page shows the title above the text already",
            )
            return
        if line.rstrip().endswith((".", "!", "?", "…", '"', "”")):
            return  # the lead, or another sentence: the headline would be above it


# The words of a web page a release was copied from that end up below its text:
# the comment box's heading, the share buttons, the tag list's label (folded).
PAGE_FURNITURE = frozenset(
    {
        "komentar",
        "komentari",
        "bagikan",
        "share",
        "tags",
        "tag",
        "label",
        "kategori",
        "cetak",
        "print",
    }
)
_ONE_WORD_RE = re.compile(r"^[\s#>*_]*(?P<word>[^\W\d_]+)[*_]*\s*:?[*_\s]*$")


def _paragraphs_from_the_end(source: Source) -> Iterator[list[tuple[int, str]]]:
    """The body's paragraphs outside fenced code (their lines in order), the
    last first: read from the end as far as the reader asks, not the whole
    body (the page's leftovers are its last paragraphs)."""
    paragraph: list[tuple[int, str]] = []
    for (number, line), in_code in zip(reversed(source.body), reversed(source.fenced), strict=True):
        if not line.strip() or in_code:
            if paragraph:
                yield paragraph[::-1]
                paragraph = []
            continue
        paragraph.append((number, line))
    if paragraph:
        yield paragraph[::-1]


def _check_page_leftovers(source: Source) -> Iterator[Finding]:
    """The end of the web page a release was copied from, pasted with it: a
    final one-word paragraph that is its furniture ("Komentar", "Bagikan",
    "Tags:", `PAGE_FURNITURE`), and the one-word paragraphs right above it
    (the tag list: "Bawaslu"). One warning at each line. A writer's initials
    ("(rer)") end a release and are none."""
    leftovers = []
    for paragraph in _paragraphs_from_the_end(source):
        word = _ONE_WORD_RE.match(paragraph[0][1]) if len(paragraph) == 1 else None
        if word is None or (not leftovers and fold(word["word"]) not in PAGE_FURNITURE):
            break
        leftovers.append((paragraph[0][0], paragraph[0][1].strip()))
    else:
        return  # nothing but such words: no release's end to tell them from
    for number, text in reversed(leftovers):
        yield _finding(
            source,
            number,
            "warning",
            f"'{text}' at the end of the text is left over from the web page it was copied "
            "from (its tag list, share buttons or comment box)",
            "delete this line",
        )


def _check_chat_prefixes(source: Source) -> Iterator[Finding]:
    """A line copied from a chat with its time, date and sender ("[09.15,
    3/12/2026] Humas Bawaslu Lahat: LAHAT – …"), which the Markdown reader
    leaves out (`warta.markdown_source.chat_prefix`): one warning a line."""
    for number, text in source.text_lines:
        if text.lstrip(" ")[:1] not in _CHAT_PREFIX_STARTS:
            continue  # (most lines: no pattern to try)
        prefix = chat_prefix(text)
        if prefix is not None:
            yield _finding(
                source,
                number,
                "warning",
                f"the chat's prefix '{prefix}' (its time, date and sender) is left out of "
                "the published text",
                "delete it from the line",
            )


_CHAT_PREFIX_STARTS = frozenset("[0123456789")


def _check_empty_links(source: Source) -> Iterator[Finding]:
    """A link written with no address (`[Unduh SK di sini]()`: the address
    never pasted in): its words are shown without a link; one with no words
    (`[](https://…)`): shown as its address (`markdown_source.NoEmptyLinks`).
    A warning at its line."""
    for number, text in source.markdown_lines:
        for written in empty_links(text):
            words = written[1 : written.rindex("](")]
            yield _finding(
                source,
                number,
                "warning",
                f"link with no address: '{written}': its words are shown without a link",
                f"write the address between the brackets, e.g. [{words}](https://…), "
                f"or leave the link out: '{words}'",
            )
        for written, address in wordless_links(text):
            yield _finding(
                source,
                number,
                "warning",
                f"link with no words: '{written}': "
                + (
                    "readers cannot see it"
                    if address.startswith(("{", "|"))
                    else "it is shown as its address"
                ),
                f"write what it links to between the brackets, e.g. [Salinan putusan]({address})",
            )


def _check_title_level_headings(source: Source) -> Iterator[Finding]:
    """A heading of the text at the title's level (`# Hasil Rapat`, or
    underlined with `===`, Word's "Heading 1"): shown as a subheading (<h2>,
    `markdown_source.SubheadingsOnly`), as the page has one title; a
    suggestion at its line to write it so."""
    yield from _check_html_title_headings(source)
    if not any(text[:1] in "#=" for _, text in source.text_lines):
        return  # (most releases: no heading at all)
    repeated = {finding.line for finding in _check_repeated_title(source)}
    for number, text, mark in title_level_headings(source.markdown_lines):
        if number in repeated:
            continue  # the title again: said so (`_check_repeated_title`)
        written = f"# {text}" if mark == "#" else f"{text}' underlined with '==="
        yield _title_level_heading(source, number, written, text)


def _title_level_heading(source: Source, number: int, written: str, text: str) -> Finding:
    """The suggestion for a heading at the title's level (`written` as it
    stands), shown as a subheading: the Markdown to write instead."""
    return _finding(
        source,
        number,
        "suggestion",
        f"heading '{written}' is at the title's level: it is shown as a subheading, "
        "as the page's one title is its Title:",
        f"write it as a subheading: '## {text}'",
    )


def _check_html_title_headings(source: Source) -> Iterator[Finding]:
    """An <h1> written as HTML in the text (Word's "Heading 1" pasted as
    HTML): shown as a subheading too (`markdown_source.SubheadingsOnly`);
    the same suggestion at its line, with the Markdown to write."""
    if not any("<h1" in text.lower() for _, text in source.text_lines):
        return
    repeated = {finding.line for finding in _check_repeated_title(source)}
    for number, line in source.text_lines:
        for written, text in raw_title_headings(line):
            if not text or number in repeated:
                continue  # (the title again: said so, `_check_repeated_title`)
            yield _title_level_heading(source, number, written, text)


# A word broken at a line's end by a hyphen (a PDF's or Word's hyphenation):
# letters, then the hyphen ending the line; the next line's first word.
_BROKEN_END_RE = re.compile(r"(?:^|(?<=[\s(\"“]))(?P<part>[^\W\d_]+)-$")
_NEXT_WORD_RE = re.compile(r"\s*(?P<word>[^\W\d_][\w-]*)")


def _check_broken_words(source: Source) -> Iterator[Finding]:
    """A word a PDF or Word broke with a hyphen at a line's end ("meng-" then
    "gelar"): Markdown joins the lines with a space, so the page, its summary
    and the search show "meng- gelar", and a name broken so ("Sapri Yan-" then
    "syah") is no official's. One warning at the line; it is not joined here,
    since a hyphen may be the word's ("se-" then "Kabupaten")."""
    lines, fenced = source.body, source.fenced
    for index in range(len(lines) - 1):
        number, text = lines[index]
        if not text.endswith("-") or fenced[index] or fenced[index + 1]:
            continue  # (most lines)
        broken = _BROKEN_END_RE.search(text.rstrip())
        following = _NEXT_WORD_RE.match(lines[index + 1][1])
        if broken is None or following is None:
            continue
        part, word = broken["part"], following["word"]
        if len(part) > 1 and part.isupper():
            continue  # a dateline alone on its line ("LAHAT-")
        whole = word.split("-", 1)[0]
        # The hyphen is the word's before a capital ("se-Kabupaten") or in a
        # word said twice ("masing-masing").
        own = word[0].isupper() or fold(whole).startswith(fold(part))
        joined = f"{part}-{word}" if own else f"{part}{word}"
        yield _finding(
            source,
            number,
            "warning",
            f"a word broken at the line's end: '{part}-' / '{word}' (the page shows "
            f"'{part}- {word}')",
            f"write '{joined}' on one line",
        )


_ASCII_BYTES = bytes(range(0x80))
# What DOUBLED_WORD_RE takes for no part of a word in ASCII (not `\w`, not a
# hyphen), but white space.
_ASCII_PUNCTUATION = [
    character
    for character in map(chr, range(0x80))
    if not (character.isalnum() or character in "_-" or character.isspace())
]


def _may_have_doubled_words(text: str) -> bool:
    """False when `text` has no doubled word (DOUBLED_WORD_RE), found without
    that pattern's search (a fifth of the checks' time): its punctuation made
    spaces, no two words next to each other are the same in lower case. A
    doubled word is two words between a space or punctuation each, the same
    as IGNORECASE compares a letter (its simple lower case, which `str.lower`
    is but for the capital I with a dot and the capital sigma: with one of
    them, True)."""
    if "\u0130" in text or "\u03a3" in text:
        return True
    for character in _ASCII_PUNCTUATION:
        if character in text:
            text = text.replace(character, " ")
    # (the characters beyond ASCII a text has: its UTF-8 less the ASCII bytes)
    beyond = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    for character in set(beyond.decode("utf-8", "surrogatepass")):
        if not (character.isalnum() or character.isspace()):
            text = text.replace(character, " ")
    words = text.lower().split()
    return any(map(operator.eq, words, words[1:]))


def _check_doubled_words(source: Source) -> Iterator[Finding]:
    text = source.prose
    if not _may_have_doubled_words(text):
        return
    for match in DOUBLED_WORD_RE.finditer(text):
        start, end = match.span()
        words = text[start:end]
        line_start = text.rfind("\n", 0, start) + 1
        if "\n" in words and text.startswith("#", line_start):
            # A heading's line, as Python-Markdown reads one ('#' first, a space
            # or not), and the next: "## Pengawasan" then "Pengawasan …".
            continue
        if _name_then_word(text[line_start:start], words):
            continue
        if "\n" in words and _heads_a_dateline(text, start + words.index("\n") + 1):
            # A headline pasted on the line above the lead ("… di Rupit" then
            # "RUPIT – Bawaslu …"): the dateline's place, not a slip.
            continue
        # "dihadiri" at the end of a line and at the start of the next
        across = " (at the end of this line and the start of the next)" if "\n" in words else ""
        yield _finding(
            source,
            source.body[text.count("\n", 0, start)][0],
            "warning",
            f"doubled word: '{' '.join(words.split())}'{across}",
            f"write '{words.split()[0]}' once",
        )


def check_text_dates(source: Source) -> Iterator[Finding]:
    """Dates in the text that cannot be right (`warta.textdates`), one warning
    each: a weekday that is not its date's ("Senin (5/11/2024)", a Tuesday),
    and the lead's date far from the Date: (a release dated a month before the
    day it reports). When the lead's weekday is the Date:'s day, the lead's
    date is the slip: said once, by the second."""
    date = _read_date(source.value("date")) if source.value("date") else None
    day = date.date() if date else None
    lines = source.text_lines
    far = lead_date_far(lines, day) if day else None
    for written, value in wrong_weekdays(lines, day):
        if far and far[0] == written and written.weekday_number() == day.weekday():
            continue
        right = WEEKDAY_NAMES[value.weekday()]
        yield _finding(
            source,
            written.line,
            "warning",
            f"'{written.written}': {english_date(value)} is a {right} "
            f"({ENGLISH_WEEKDAYS[value.weekday()]}), not a {written.weekday}",
            f"write '{right}' with that date, or the date of the {written.weekday} meant",
        )
    if far is None:
        return
    written, value = far
    days = (value - day).days
    when = f"{days} days after" if days > 0 else f"{-days} days before"
    named = written.weekday_number()
    with_time = f"{value:%Y-%m-%d}" + (f" {date:%H:%M}" if date.time() != dt.time() else "")
    if named is not None and named == day.weekday() != value.weekday():
        # "Sabtu (14/10/2024)" in a release dated Saturday 2024-09-14: the
        # lead's date is the slip.
        hint = (
            f"the {written.weekday} is the Date:'s day: write its date in the lead "
            f"({day.day}/{day.month}/{day.year})"
        )
    elif named is not None and named == value.weekday():
        hint = f"if the release reports that day, write 'Date: {with_time}'; else fix the lead"
    else:
        hint = f"fix whichever is wrong: 'Date: {with_time}', or the date in the lead"
    yield _finding(
        source,
        written.line,
        "warning",
        f"the lead's date '{written.written}' ({english_date(value)}) is {when} the Date: "
        f"'{source.value('date')}'",
        hint,
    )


# What to write instead of a date that names no real day or time, by what is
# wrong in it (`WrittenDate.problem_kind`).
UNREAL_DATE_HINTS = {
    "minutes": "write the minutes with two digits: YYYY-MM-DD HH:MM in WIB",
    "weekday": "write the date that was meant: YYYY-MM-DD HH:MM in WIB",
    "time": "write a time from 00:00 to 23:59: YYYY-MM-DD HH:MM in WIB",
    "day": "write a day that exists: YYYY-MM-DD HH:MM in WIB",
    "month": "write a month from 01 to 12: YYYY-MM-DD HH:MM in WIB",
    "year": "write the year the release went out: YYYY-MM-DD HH:MM in WIB",
    "month-first": "write it year, month, day: YYYY-MM-DD HH:MM in WIB",
}


# A date's year written in two digits, after a day and a month (`5 Feb 24`,
# `05/02/24`, `05-02-24 14.30`), and what follows it.
_TWO_DIGIT_YEAR_RE = re.compile(
    r"^(?P<head>.*?(?<!\d)\d{1,2}[\s/.-]+[^\s/.-]+[\s/.-]+)(?P<year>\d{2})(?P<tail>(?:[,\s].*)?)$"
)


def _four_digit_year(raw: str) -> str | None:
    """`raw` with a two-digit year as 20YY (`5 Feb 24` → `5 Feb 2024`), or None."""
    match = _TWO_DIGIT_YEAR_RE.match(raw.strip())
    if match is None:
        return None
    return f"{match['head']}20{match['year']}{match['tail']}"


def _typed_note(written) -> str:
    """ " (typed with en dashes '–')" for a date typed with what a phone or
    Word puts for a hyphen or a digit (`WrittenDate.typed`), which the value
    to write looks like on screen; "" for none."""
    return f" (typed with {written.typed})" if written.typed else ""


def unread_date(key: str, raw: str) -> tuple[str, str]:
    """The message and the suggestion for a Date:/Modified: the site does not
    read: the value in the house form when it can be read as an Indonesian
    date (`warta.dates.read_written_date`), what is wrong when it names no
    real day or time; never a guessed day or minute. One that holds an HTML
    comment (`2024-11-17 09:30 <!-- cek -->`, read whole) and reads without it
    is said to hold one (`comment_advice`)."""
    advice = comment_advice(key, raw)
    if advice and parse_date(TEXT_COMMENT_RE.sub(" ", raw)) is not None:
        return f"unparseable {key}: '{raw}'", advice
    written = read_written_date(raw)
    if written is None:
        full = _four_digit_year(raw)
        if full is not None:
            # `5 Feb 24`, `05/02/24`: the year in four digits reads, but which
            # century (or, with slashes, which order) is not for the site to guess.
            _message, hint = unread_date(key, full)
            if hint.startswith("write it as ") and hint != DATE_HINT:
                return (
                    f"unparseable {key}: '{raw}'",
                    f"write the year in four digits: {hint.removeprefix('write it as ')}",
                )
        return f"unparseable {key}: '{raw}'", DATE_HINT
    if written.problem:
        return f"impossible {key}: '{raw}': {written.problem}", UNREAL_DATE_HINTS[
            written.problem_kind
        ]
    if written.wib is None:  # '0001-01-01 00:00 WITA': no day in WIB
        return f"unparseable {key}: '{raw}'", DATE_HINT
    day = f"{written.wib:%Y-%m-%d}"
    fixed = f"{written.wib:%Y-%m-%d %H:%M}" if written.has_time else day
    if written.zone != "WIB":
        return (
            f"unparseable {key}: '{raw}'",
            f"the site's times are in WIB: write it in WIB as {fixed}",
        )
    with_time = "" if written.has_time else f", or with the time in WIB: {day} HH:MM"
    read = ""
    if written.form == "slashed":  # Pelican's dateutil reads it month first
        read = f" (day first: {written.value.day} {ENGLISH_MONTHS[written.value.month - 1]})"
    return (
        f"unparseable {key}: '{raw}'",
        f"write it as {fixed}{with_time}{read}{_typed_note(written)}",
    )


def publication_blockers(source: Source, rules: Rules) -> list[Finding]:
    """The errors that keep Pelican from reading the release at all (no front
    matter, a missing Title or Date, a Date or Modified the site does not
    read): the reason it is not published, said first."""
    found = list(_check_required(source, rules)) + list(_check_dates(source, rules))
    return [f for f in found if f.level == "error"]


def converted_body(text: str, markdown_settings: dict | None) -> str:
    """The body as Pelican's Markdown reader converts it: with its MARKDOWN
    settings, which Pelican's reader completed when it was made (the
    extension_configs' extensions and `meta`, which takes the front matter
    off); "" when the Markdown cannot be converted (reported as the file's own
    problem). Read for a release Pelican could not read: content_lint checks
    its photos and links, the images plugin keeps its photos from being
    called unused."""
    try:
        return markdown.Markdown(**(markdown_settings or {})).convert(text.lstrip("\ufeff"))
    except Exception:  # a broken extension setting: the stages still see the front matter
        return ""


def body_images(html: str) -> list[dict[str, str]]:
    """The attributes of every <img> of a converted body outside a writer's own
    <picture>, in order (what the images plugin turns into variants)."""
    return [{name: value or "" for name, value in tag} for tag in image_tags(html or "")]


def backslash_suggestion(written: str, suggestion: str) -> str:
    """`suggestion` for a photo's path written with a backslash (a Windows
    path typed or pasted: `images\\2024\\foto.jpg`): written with `/`, as the
    site's paths are."""
    if "\\" not in written:
        return suggestion
    return f"write the path with '/', not '\\': '{written.replace(chr(92), '/')}'"


def check_images(
    source: Source, html: str, locate, on_computer=None, below_content=None
) -> Iterator[Finding]:
    """Photos of a release that Pelican could not read (the images plugin checks
    the others, with these same messages): a featured image without Image-Alt:
    or on another site, a body image without alt text, a photo whose file is
    not in content/, a photo named by a path on the writer's own computer.

    `locate(reference)` is True when the file is there, False when it is not,
    why the path is refused when it leaves content/ ("outside the content
    folder", as the images plugin says it), None when the reference is not
    ours to check (an address on another site, a symbolic link, which
    containment reports).
    `on_computer(reference)` is the file name of a reference that is a path
    on the writer's own computer (`warta.paths.computer_file`), else None.
    `below_content(reference)` is the path below content/ of a missing
    reference written with the content folder in front, when that names a
    file (`warta.paths.below_content_folder`), else None."""
    date = _read_date(source.value("date"))
    year = date.year if date else None

    def computer(reference: str, line, featured: bool) -> Finding | None:
        name = on_computer(reference) if on_computer else None
        if name is None:
            return None
        return _finding(
            source,
            line,
            "error",
            f"{COMPUTER_PATH_MESSAGE}: '{reference}'",
            computer_path_suggestion(name, year, featured),
        )

    def refused(reference: str, line, reason: str) -> Finding:
        message = (
            OUTSIDE_IMAGE_MESSAGE
            if reason.startswith("outside")
            else f"image path refused ({reason})"
        )
        return _finding(
            source, line, "error", f"{message}: '{reference}'", OUTSIDE_IMAGE_SUGGESTION
        )

    def missing(reference: str, line, featured: bool) -> Finding:
        below = below_content(reference) if below_content else None
        return _finding(
            source,
            line,
            "error",
            f"image file not found: '{reference}'",
            content_folder_suggestion(below, featured)
            if below
            else backslash_suggestion(reference, "check the path and the file name's case"),
        )

    featured = source.value("image")
    if featured:
        line, found = source.line("image"), locate(featured)
        elsewhere = computer(featured, line, featured=True)
        if elsewhere:
            yield elsewhere
        elif isinstance(found, str):
            yield refused(featured, line, found)
        elif found is None and is_external(featured):
            yield _finding(
                source,
                line,
                "error",
                f"featured image is an address on another site, not shown: '{featured}'",
                "a release uses its own photo: upload it under content/images/ and write "
                "Image: images/2024/foto.jpg",
            )
        elif found is False:
            yield missing(featured, line, featured=True)
        elif found and not source.value("image-alt"):
            yield _finding(
                source,
                line,
                "error",
                f"image without alt text: '{featured}'",
                "add an Image-Alt: line saying what the photo shows",
            )
        elif found and alt_is_file_name(source.value("image-alt"), featured):
            at = source.line("image-alt") or line
            yield alt_file_name_finding(source.path, at, source.value("image-alt"), featured=True)
    for attributes in body_images(html):
        src = attributes.get("src", "").strip()
        found = locate(src) if src else None
        if found is None:
            if is_remote_image(src):
                yield _finding(
                    source,
                    _body_line(source, src),
                    "warning",
                    f"{REMOTE_IMAGE_MESSAGE}: '{src}'",
                    remote_image_suggestion(year),
                )
            continue
        line = _body_line(source, src) or _body_line(source, src.rsplit("/", 1)[-1])
        elsewhere = computer(src, line, featured=False) if found is not True else None
        if elsewhere:
            yield elsewhere
        elif isinstance(found, str):
            yield refused(src, line, found)
        elif found is False:
            yield missing(src, line, featured=False)
        elif not attributes.get("alt", "").strip():
            yield _finding(
                source,
                line,
                "error",
                f"image without alt text: '{src}'",
                "write what the photo shows: ![Ketua Bawaslu membuka rapat](…)",
            )
        elif alt_is_file_name(attributes["alt"], src):
            yield alt_file_name_finding(source.path, line, attributes["alt"].strip())


def alt_file_name_finding(path: str, line: int | None, alt: str, featured=False) -> Finding:
    """A photo whose alt text is a file name (`warta.text.alt_is_file_name`):
    shown, a screen reader reading out the name; one warning, from the images
    plugin and for a release Pelican could not read alike."""
    return Finding(
        path,
        line,
        "warning",
        f"{ALT_IS_FILE_NAME}: '{alt}'",
        "write in Image-Alt: what the photo shows, e.g. 'Ketua Bawaslu membuka rapat'"
        if featured
        else "write what the photo shows: ![Ketua Bawaslu membuka rapat](…)",
    )


def _body_line(source: Source, needle: str) -> int | None:
    if not needle:
        return None
    return next((number for number, line in source.body if needle in line), None)


def check_links(
    source: Source,
    exists,
    body: str,
    summary: str = "",
    render: Callable[[str], str] | None = None,
    site_url: str = "",
    nearest: Callable[[str, str], str | None] | None = None,
) -> Iterator[Finding]:
    """`{filename}`, `{static}` and `{attach}` links whose target is not in
    content/ (exists(path) -> True, False, or why a path outside content/ is
    refused), in the body and in `Summary:`, which Pelican resolves too; and a
    `{static}`/`{attach}` or plain link to a release's source file, which
    Pelican leaves in the page as "{static}/x.md" or "x.md", by the site's
    full address (SITEURL: `site_url`) too. `body` and `summary`: the HTML the
    build's Markdown made of them, whose links are the ones a reader gets
    (none written in `code`, a code block or an HTML comment); each is said
    at the source line that writes it (`SiteLink.line`; `render`: the build's
    Markdown of a body's text, to tell which of several lines writing the
    same link is the one in the page). `nearest(kind, target)`: the path below
    content/ of the file whose name is nearest a missing one's, if any, for
    the suggestion."""
    previous: dict[str, int] = {}  # a link as written → the line it was last said at
    for in_summary, fragment in ((True, summary), (False, body)):
        for link in rendered_site_links(fragment):
            if link.kind == "plain" and is_external(link.written):
                path = site_source_path(link.written, site_url, exists)
                if path is None:
                    continue  # another site's file
                link = dataclasses.replace(link, target=path)
            problem = _link_problem(link, exists, nearest)
            if problem is None:
                continue
            if in_summary:
                number = source.line("summary")
            else:
                number = link.line(source.body, previous.get(link.written, 0), render)
                previous[link.written] = number or 0
            yield _finding(source, number, "error", *problem)


def _link_problem(link: SiteLink, exists, nearest=None) -> tuple[str, str] | None:
    """(message, suggestion) of a site link the build cannot resolve."""
    kind, target = link.kind, link.target
    if kind == "plain":  # `[x](rapat.md)`: Pelican leaves the file's name as the link
        return (
            f"link to a release's source file, which is not published: '{link.written}'",
            f"write {{filename}}{target} to link to its page",
        )
    if not target.strip():
        # `[Berita]({filename})`, `![Foto]({static})`: Pelican finds no file (its
        # "Unable to find ''" named no release) and left `{filename}` in the page.
        what = "image" if link.is_photo else "link"
        example = {
            "filename": "{filename}/berita/2024/nama-file.md",
            "static": "{static}/images/2024/nama-file.jpg"
            if link.is_photo
            else "{static}/images/2024/nama-file.pdf",
        }.get(kind, f"{{{kind}}}/images/2024/nama-file.pdf")
        return (
            f"{what} with no file after {{{kind}}}: '{link.written}'",
            f"write the path of the file below content/, e.g. {example}, or remove the {what}",
        )
    if not target or (kind != "filename" and link.is_photo):
        return None  # a photo: the images plugin checks it (`check_images`)
    state = exists(target)
    if isinstance(state, str) and kind != "filename":
        return None  # a {static}/{attach} file outside content/: containment says so
    if isinstance(state, str):  # outside content/: why, as the check says it
        # (named as written, `{filename}` and all: the path alone reads as a site address)
        return (
            f"link leaves the content folder: '{link.written}'"
            if "outside" in state
            else f"link refused ({state}): '{link.written}'",
            "link a release below content/, e.g. {filename}/berita/2024/nama-file.md",
        )
    if not state:
        close = nearest(kind, target) if nearest is not None else None
        if close:
            return (
                f"link to a missing file: '{target}'",
                f"link to an existing file, e.g. {{{kind}}}/{close}, or remove the link",
            )
        return (
            f"link to a missing file: '{target}'",
            "check the path below content/, e.g. {filename}/berita/2024/nama-file.md"
            if kind == "filename"
            else "check the path below content/, e.g. {static}/images/2024/nama-file.pdf",
        )
    if kind != "filename" and (escaped := _escaped_name(target, exists)):
        return escaped
    if is_active_file(target):
        return (f"{ACTIVE_FILE_MESSAGE}: '{target}'", ACTIVE_FILE_SUGGESTION)
    if kind != "filename" and target.lower().endswith(SOURCE_SUFFIXES):
        return (
            f"{{{kind}}} link to a release's source file, which is not published: '{target}'",
            f"write {{filename}}{target} to link to its page",
        )
    return None


_PERCENT_ESCAPE_RE = re.compile(r"%[0-9A-Fa-f]{2}")


def _escaped_name(target: str, exists) -> tuple[str, str] | None:
    """(message, suggestion) of a `{static}` link to a file whose name holds a
    %-escape itself (`foto%20rapat.pdf`, saved from a web page), found by its
    name as written: the page links it as written, and a browser reads `%20`
    as a space and asks for `foto rapat.pdf`, which is not there."""
    if "%" not in target or not _PERCENT_ESCAPE_RE.search(target):
        return None
    decoded = unquote(target)
    if exists(decoded) is True:
        return None  # the file a browser asks for is there
    # The escape may be in a folder's name, the file's, or both: each such
    # part is named, and renamed with '-' for its escapes.
    parts = target.split("/")
    escaped = [i for i, part in enumerate(parts) if _PERCENT_ESCAPE_RE.search(part)]
    first = parts[escaped[0]]
    renamed = [
        _PERCENT_ESCAPE_RE.sub("-", part) if i in escaped else part for i, part in enumerate(parts)
    ]
    named = " and ".join(
        f"the {'file' if i == len(parts) - 1 else 'folder'} '{parts[i]}' to '{renamed[i]}'"
        if i != len(parts) - 1 or len(escaped) > 1
        else f"the file '{renamed[i]}'"
        for i in escaped
    )
    whose = "name" if escaped == [len(parts) - 1] else "path"
    return (
        f"link to a file whose {whose} holds '%': '{target}': a browser reads "
        f"'{_PERCENT_ESCAPE_RE.search(first).group()}' as an escape and asks for "
        f"'{decoded if whose == 'path' else posixpath.basename(decoded)}', which is not there",
        f"rename {named} and link it as {{static}}{'/'.join(renamed)}",
    )


# What a file or folder name of content/ may not hold on Windows, where staff
# check the site out: its reserved characters, and an ending dot or space.
_WINDOWS_RESERVED_RE = re.compile(r'[<>:"|?*\\\x00-\x1f]')
_WINDOWS_ENDING_RE = re.compile(r"[. ]$")


def check_file_names(files: Iterable[str], unread: Collection[str] = ()) -> Iterator[Finding]:
    """Files of content/ (relative, `/`-separated) that a checkout on Windows
    or macOS cannot hold as they are: two names that differ only in case
    (`Rapat.md` and `rapat.md`, `Foto.jpg` and `foto.jpg`: the disk keeps one,
    a release lost or another photo shown), a name Windows keeps for a
    device (`con.md`, `nul.jpg`), a reserved character or an ending dot or
    space. An error at each file, naming the other of a pair. `unread`: the
    files the build says it does not read and tells the name to give
    (content_lint's inventory: `spasi.md ` as spasi.md): an ending dot or
    space of such a file's name is not said again."""
    by_folded: dict[str, list[str]] = {}
    for path in files:
        by_folded.setdefault(path.casefold(), []).append(path)
        for part in path.split("/"):
            device = part.split(".")[0].casefold() in WINDOWS_DEVICE_NAMES
            named = path.rpartition("/")[2] == part  # the file, not a folder of it
            ending = _WINDOWS_ENDING_RE.search(part) and not (named and path in unread)
            if device or _WINDOWS_RESERVED_RE.search(part) or ending:
                why = (
                    "is a name Windows keeps for a device"
                    if device
                    else "holds a character or an ending Windows does not allow in a name"
                )
                # The example keeps a file's kind ('….jpg' for a photo).
                _, dot, suffix = part.rpartition(".") if named else ("", "", "")
                kept = dot and SLUG_RE.match(suffix.lower())
                example = "rapat-pleno" + (f".{suffix.lower()}" if kept else "")
                yield Finding(
                    path,
                    None,
                    "error",
                    f"'{part}' {why}: a checkout on Windows cannot hold this file",
                    f"rename it with lowercase letters, digits and hyphens, e.g. '{example}'",
                )
                break
    for same in by_folded.values():
        for path in sorted(same) if len(same) > 1 else ():
            others = ", ".join(f"'{other}'" for other in sorted(same) if other != path)
            yield Finding(
                path,
                None,
                "error",
                f"the name differs from {others} only in case: a checkout on Windows or "
                "macOS holds one of them, the other lost",
                "rename one of them (lowercase names throughout)",
            )


def check_duplicates(
    sources: Iterable[Source],
    default_lang: str = "id",
    rules: Rules | None = None,
    slugs: Mapping[str, str] | None = None,
) -> Iterator[Finding]:
    """The same slug in one month (same URL) is an error; anywhere else, a warning.
    A translation (another `Lang:`) shares its original's slug on purpose:
    Pelican gives it an address of its own. A draft or (with `rules`) an
    embargoed release has no address yet: that it will take a published one's,
    or share another unpublished one's, is a suggestion on it alone, which does
    not stop the site's build. `slugs` (by source path) is the slug the build
    gave a release without `Slug:` (made from its title)."""
    by_url: dict[tuple[str, str, str], list[Source]] = {}
    by_slug: dict[tuple[str, str], list[Source]] = {}
    for source in sources:
        slug = source.value("slug") or (slugs or {}).get(source.path, "")
        if not slug:
            continue
        date = source.read_date(source.value("date"))  # (read once per source, kept with it)
        lang = (source.value("lang") or default_lang).strip().lower()
        by_slug.setdefault((slug, lang), []).append(source)
        if date:
            by_url.setdefault((date.strftime("%Y/%m"), slug, lang), []).append(source)
    reported = set()
    # (the groups of two or more sorted, not every release's: most have one)
    for (month, slug, _lang), group in sorted(g for g in by_url.items() if len(g[1]) > 1):
        waiting = [source for source in group if is_unpublished(source, rules)]
        for source in group:
            others = ", ".join(s.path for s in group if s is not source)
            reported.add(source.path)
            if source in waiting and len(waiting) == len(group):
                yield _finding(
                    source,
                    source.line("slug"),
                    "suggestion",
                    f"not published yet: once they are, it has the same address "
                    f"/berita/{month}/{slug}/ as {others}, which is not published yet either",
                    "give one of them another Slug before they are published",
                )
            elif source in waiting:
                yield _finding(
                    source,
                    source.line("slug"),
                    "suggestion",
                    f"not published yet: once it is, it takes the address /berita/{month}/"
                    f"{slug}/ of {others}",
                    "give it another Slug before it is published",
                )
            elif len(group) - len(waiting) > 1:
                published = [s.path for s in group if s is not source and s not in waiting]
                yield _finding(
                    source,
                    source.line("slug"),
                    "error",
                    f"same address /berita/{month}/{slug}/ as {', '.join(published)}",
                    "give one of them another Slug",
                )
    for (slug, _lang), group in sorted(g for g in by_slug.items() if len(g[1]) > 1):
        waiting = [source for source in group if is_unpublished(source, rules)]
        for source in group:
            if source.path in reported or (
                source not in waiting and len(waiting) == len(group) - 1
            ):
                continue  # (a published one whose namesakes are all unpublished: said on them)
            others = ", ".join(s.path for s in group if s is not source)
            yield _finding(
                source,
                source.line("slug"),
                "suggestion" if source in waiting else "warning",
                f"Slug '{slug}' is also used by {others}",
                "slugs should be unique so readers can tell articles apart",
            )


def check_author_spellings(
    sources: Iterable[Source],
    address_of: Callable[[str], str],
    headings: Mapping[str, str] | None = None,
    office_name: Callable[[str], str | None] | None = None,
) -> Iterator[Finding]:
    """One author written two ways in `Author:`, one finding per release.

    `address_of(name)` is the address of the author page the build makes of
    a name ("/penulis/rina-marlina/"; "" when it makes none: that author is
    left out and said so elsewhere); `headings`, address → the name that page
    shows, for the pages the build writes.

    - Spellings that make the same page (`Rina Marlina`, `RINA MARLINA`,
      `Rína Marlina`; `Tim &amp; Humas Lahat` and `Tim & Humas Lahat`) share it
      and its heading: each release spelled otherwise than the heading is told
      so, with the heading as the spelling to write (a page not written yet:
      `preferred_spelling` of its releases, as the build would choose).
    - One person written so that the spellings make two pages ("Rizky
      Febriansyah, S.I.Kom." beside "Rizky Febriansyah"): the person's releases
      are split between them. Names are compared as the officials' mentions
      are read, without honorifics and degrees
      (`warta.tags.offices.without_titles`); the page with the most releases
      is the one to keep (on a tie, the shorter heading), and each release on
      another is told at its Author: line, that finding only.
    - One office's humas written otherwise than the build credits its
      releases (`office_name(name)`: "Humas Bawaslu Kabupaten Lahat" for
      "Humas Bawaslu Lahat", `new_article.office_spelling`), so that the
      spellings make two pages: each release on the other page is told.
    """
    headings = headings or {}
    by_page: dict[str, dict[str, list[Source]]] = {}
    for source in sources:
        # (a comment in it is taken out of the byline, with a warning: sanitize;
        # a control character is left out of it, with its own warning)
        written = without_control_characters(source.value("author"))
        author = " ".join(TEXT_COMMENT_RE.sub(" ", written).split())
        address = address_of(author) if author else ""
        if address:
            by_page.setdefault(address, {}).setdefault(author, []).append(source)
    heading_of = {
        address: " ".join(headings[address].split())
        if address in headings
        else preferred_spelling({name: len(group) for name, group in spellings.items()})
        for address, spellings in by_page.items()
    }
    by_person: dict[str, list[str]] = {}
    for address, heading in heading_of.items():
        by_person.setdefault(fold(without_titles(heading)), []).append(address)
    kept: dict[str, str] = {}  # a page another of the person's pages gives way to → that one
    for addresses in by_person.values():
        if len(addresses) < 2:
            continue
        counts = {a: sum(len(g) for g in by_page[a].values()) for a in addresses}
        main = min(addresses, key=lambda a: (-counts[a], len(heading_of[a]), heading_of[a]))
        kept.update((address, main) for address in addresses if address != main)

    def named(group: list[Source], verb: str = "") -> str:
        more = f" and {len(group) - 1} more" if len(group) > 1 else ""
        return group[0].path + more + (f" {verb}{'s' if len(group) == 1 else ''}" if verb else "")

    def second_pages(spellings: dict, beside: str, why: str, write: str) -> Iterator[Finding]:
        for spelling, group in spellings.items():
            for source in group:
                yield _finding(
                    source,
                    source.line("author"),
                    "warning",
                    f"Author '{spelling}' makes a second author page beside '{beside}', {why}",
                    f"write {write} as they do: 'Author: {beside}'",
                )

    for address, spellings in by_page.items():
        main = kept.get(address)
        if main is not None:
            preferred = heading_of[main]
            writers = by_page[main].get(preferred) or next(iter(by_page[main].values()))
            why = f"as {named(writers, 'write')} it"
            yield from second_pages(spellings, preferred, why, "the name")
            continue
        heading = heading_of[address]
        office = office_name(heading) if office_name else None
        if office and address_of(office) not in ("", address):
            why = "the name the office's releases are credited with"
            yield from second_pages(spellings, office, why, "the office's name")
            continue
        for spelling, group in spellings.items():
            if spelling == heading:
                continue
            alike = spellings.get(heading, [])
            for source in group:
                with_whom = (
                    f" with {named(alike)}, spelled differently"
                    if alike
                    else f", spelled differently from its heading '{heading}'"
                )
                yield _finding(
                    source,
                    source.line("author"),
                    "warning",
                    f"Author '{spelling}' shares the author page {address}{with_whom}",
                    f"write it as the page shows it: 'Author: {heading}'",
                )


# A file a photo's location may be read from (EXIF, by Pillow).
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".heic", ".heif", ".avif")


def _below_content(folder: str, target: str, beside: bool) -> str:
    """A photo's path below content/: `{static}x.jpg` is beside the release
    (in `folder`), `{static}/x.jpg` below content/."""
    if beside and not target.startswith("/"):
        return posixpath.normpath(posixpath.join(folder, target))
    return posixpath.normpath(target.lstrip("/"))


def _without_html_comments(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The body's lines with each closed HTML comment (`<!-- ![Foto](…) -->`,
    over lines too) blanked: an editorial note the page does not show, nor
    the photo it names."""
    if not any("<!--" in line for _, line in body):
        return body
    text = "\n".join(line for _, line in body)
    blanked = TEXT_COMMENT_RE.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)
    return list(zip((number for number, _ in body), blanked.split("\n"), strict=True))


def written_photos(source: Source) -> tuple[tuple[int | None, str, str], ...]:
    """(line, path below content/, as written) of the photos the source's text
    names: the featured `Image:` (plain or `{static}`) and each image of the
    body (Markdown's, or an `<img src>` written in HTML)."""
    below_content = functools.partial(_below_content, posixpath.dirname(source.path))
    images = []
    if source.value("image"):
        featured = source.value("image").strip()
        marker = next((m for m in LINK_MARKERS if featured.startswith(m)), "")
        images.append(
            (source.line("image"), below_content(featured[len(marker) :], False), featured)
        )
    for number, line in _without_html_comments(source.body):
        # (a Markdown image's path is read below content/, as it always was;
        # most lines have no image: passed over by an `in` each)
        if "![" in line:
            images += [
                (number, below_content(m["target"], False), m["target"])
                for m in BODY_IMAGE_RE.finditer(line)
            ]
        if "<" in line:
            images += [
                (number, below_content(m["target"], True), m["written"])
                for m in _HTML_IMAGE_RE.finditer(line)
            ]
    return tuple(images)


def check_image_locations(
    source: Source, has_location, written: bool = True, body: str = ""
) -> Iterator[Finding]:
    """Photos whose source file carries a GPS position (has_location(path) -> bool):
    the featured `Image:` (plain or `{static}`), each image (Markdown's, or an
    `<img src>` written in HTML), and each `{static}`/`{attach}` link of
    `body` (the HTML the build's Markdown made) to a photo offered as a
    download, whatever its format (.jpg, .png, .webp); each named as written.

    The build strips it from what is published; the original in the repository
    still gives the place away, so staff should remove it there too. A release
    the build does not write (`written` False: a draft or an embargoed one in
    the public build, one Pelican could not read) publishes none of its photos
    yet: said so, not that the site publishes it.
    """
    folder = posixpath.dirname(source.path)
    below_content = functools.partial(_below_content, folder)
    # (line, path below content/, as written)
    images = list(source.photos if source.photos is not None else written_photos(source))
    previous: dict[str, int] = {}
    for link in rendered_site_links(body):
        if link.kind == "filename" or not link.target.lower().endswith(PHOTO_SUFFIXES):
            continue
        number = link.line(source.body, previous.get(link.written, 0))
        previous[link.written] = number or 0
        images.append((number, below_content(link.target, True), link.written))
    said = set()
    for number, path, target in images:
        if (number, path) in said:
            continue
        said.add((number, path))
        if has_location(path):
            yield _finding(
                source,
                number,
                "warning",
                f"photo carries a GPS location: '{target}'",
                "the site publishes it without; remove the location from the original too, "
                "e.g. by exporting the photo again with location off"
                if written
                else "not published while its release waits; remove the location from the "
                "original before it is, e.g. by exporting the photo again with location off",
            )
