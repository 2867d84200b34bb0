"""Links to other contents in an HTML fragment (no Pelican import).

Pelican's intrasite syntax: an attribute value `{filename}path` or
`|filename|path` (path relative to the linking file, or to the content
folder with a leading `/`), optionally followed by `?query` or `#fragment`.
"""

from __future__ import annotations

import html
import html.parser
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import unquote

from warta.frontmatter import split_lines
from warta.source_checks import line_of_link
from warta.text import matches_from_values

# An attribute value in double quotes, in single quotes or bare, as HTML reads
# it: the other quote is a character of the value (`?q='x` in a query).
_VALUE = r"""(?:"(?P<dq>{0}[^"]*)"|'(?P<sq>{0}[^']*)'|(?P<bare>{0}[^\s"'=<>`]+))"""
_INTRASITE = r"(?:\{filename\}|\|filename\|)"
_ATTRIBUTE_RE = re.compile(r"(?P<name>\b[a-zA-Z-]+)\s*=\s*" + _VALUE.format(_INTRASITE))
_ANCHOR_RE = re.compile(
    r"<a\b(?P<attributes>[^>]*)>(?P<text>.*?)</a\s*>", re.IGNORECASE | re.DOTALL
)


@dataclass(frozen=True)
class Link:
    written: str  # as it stands in the HTML: "{filename}draf.md"
    value: str  # the path with its query or fragment: "draf.md#x"


def links_in(fragment: str) -> list[Link]:
    """Every intrasite `{filename}` link of the fragment, in order."""
    if "filename" not in fragment:  # most releases link no other release: no scan
        return []
    return [_intrasite(m) for m in _intrasite_attributes(fragment)]


# Where an intrasite value starts: the "=" (and quote) before `{filename}`,
# which every match of _ATTRIBUTE_RE holds once.
_INTRASITE_VALUE_RE = re.compile(r"""=\s*["']?""" + _INTRASITE)
_NAME_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-")


def _intrasite_attributes(fragment: str) -> Iterator[re.Match]:
    """The matches of `_ATTRIBUTE_RE.finditer(fragment)`, found from the
    intrasite values back to their attribute names
    (`warta.text.matches_from_values`): the name's letters before the white
    space before "=", from the left."""
    return matches_from_values(fragment, _INTRASITE_VALUE_RE, _ATTRIBUTE_RE, _name_starts)


def _name_starts(fragment: str, name_end: int, end: int) -> range:
    name_start = name_end
    while name_start > end and fragment[name_start - 1] in _NAME_CHARACTERS:
        name_start -= 1
    return range(name_start, name_end)


def _own_text(value: str, text: str) -> str:
    return text


def remove_links(
    fragment: str,
    is_removed: Callable[[str], bool],
    kept_text: Callable[[str, str], str] = _own_text,
) -> str:
    """The fragment with each `<a>` whose `{filename}` value `is_removed` replaced
    by its text (what `kept_text(value, text)` makes of it); any other
    attribute naming such a value gets `#`."""

    def anchor(match: re.Match) -> str:
        link = _ATTRIBUTE_RE.search(match.group("attributes"))
        if link and is_removed(value := _intrasite(link).value):
            return kept_text(value, match.group("text"))
        return match.group(0)

    def attribute(match: re.Match) -> str:
        if is_removed(_intrasite(match).value):
            return f'{match.group("name")}="#"'
        return match.group(0)

    return _ATTRIBUTE_RE.sub(attribute, _ANCHOR_RE.sub(anchor, fragment))


_HREF_RE = re.compile(r"\bhref\s*=\s*" + _VALUE.format(""), re.IGNORECASE)


def _written(match: re.Match) -> str:
    """The attribute's value as it stands, without its quotes."""
    return next(v for v in match.group("dq", "sq", "bare") if v is not None)


def _intrasite(match: re.Match) -> Link:
    written = _written(match)
    return Link(written, re.sub(_INTRASITE, "", written, count=1))


def hrefs_in(fragment: str) -> list[Link]:
    """Every `<a href>` of the fragment that is not a `{filename}` link, in order."""
    if "href" not in fragment:
        return []
    found = []
    for anchor in _ANCHOR_RE.finditer(fragment):
        match = _HREF_RE.search(anchor.group("attributes"))
        if match and not _ATTRIBUTE_RE.search(anchor.group("attributes")):
            found.append(Link(_written(match), _written(match)))
    return found


_TAXONOMY = r"(?:\{(?:tag|category|author)\}|\|(?:tag|category|author)\|)"
_TAXONOMY_RE = re.compile(r"\bhref\s*=\s*" + _VALUE.format(_TAXONOMY), re.IGNORECASE)
# What every match of _TAXONOMY_RE holds.
_TAXONOMY_NAME_RE = re.compile(_TAXONOMY, re.IGNORECASE)


def taxonomy_links_in(fragment: str) -> list[tuple[str, Link]]:
    """(kind, link) of every `{tag}x`, `{category}x`, `{author}x` href of the
    fragment ("tag", Link("{tag}pantarlih", "pantarlih")), in order."""
    # (the pattern tried at every word cost 60 µs a release with a `{filename}`
    # link; the names alone are a scan for "{" and "|")
    if ("{" not in fragment and "|" not in fragment) or not _TAXONOMY_NAME_RE.search(fragment):
        return []
    found = []
    for match in _TAXONOMY_RE.finditer(fragment):
        written = _written(match)
        kind, value = re.fullmatch(r"[{|](\w+)[}|](.*)", written, re.DOTALL).groups()
        found.append((kind, Link(written, value)))
    return found


def remove_hrefs(
    fragment: str,
    is_removed: Callable[[str], bool],
    kept_text: Callable[[str, str], str] = _own_text,
) -> str:
    """The fragment with each `<a>` whose href `is_removed` replaced by its text
    (what `kept_text(href, text)` makes of it)."""

    def anchor(match: re.Match) -> str:
        href = _HREF_RE.search(match.group("attributes"))
        if href and is_removed(value := _written(href)):
            return kept_text(value, match.group("text"))
        return match.group(0)

    return _ANCHOR_RE.sub(anchor, fragment)


def address_words(addresses: Iterable[str], generic: Iterable[str] = ()) -> set[str]:
    """The words of these addresses that tell which content they lead to: each
    path segment ("embargo-x", "draf.md", "embargo" of "embargo.md"), in lower
    case, but a number (a year, a month) and a `generic` one ("berita", "draf":
    the fixed parts of the site's address patterns)."""
    common = {word.casefold() for word in generic}
    words = set()
    for address in addresses:
        for segment in str(address or "").split("/"):
            segment = unquote(segment).casefold()
            for word in (segment, posixpath.splitext(segment)[0]):
                if word.strip(".") and not word.isdigit() and word not in common | {"index"}:
                    words.add(word)
    return words


def shows_words(text: str, words: Iterable[str]) -> bool:
    """Whether an HTML fragment's text shows one of `words` (from `address_words`)
    as it is written in an address: a word with a dash or a dot (a slug, a file
    name) anywhere, any other word next to a slash, as an address shows it
    ("…/rahasia/"), so a one-word slug in a sentence ("rapat") is no address."""
    plain = unquote(html.unescape(re.sub(r"<[^>]*>", "", text))).casefold()
    for word in words:
        pattern = re.escape(word)
        if not re.search(r"[-._]", word):
            pattern = rf"(?:/{pattern}(?![\w-])|(?<![\w-]){pattern}/)"
        if re.search(pattern, plain):
            return True
    return False


def link_line(
    source: str,
    link: Link,
    *,
    first_line: int = 1,
    after: int = 0,
    render: Callable[[str], str] | None = None,
    as_text: bool = False,
) -> int | None:
    """The source line that writes this link: the first line from
    max(first_line, after + 1) holding it (its path part as a fallback); `after`
    is the line of the same link's previous occurrence (0: none), whose own line
    is the answer when no later line has it (twice on one line).

    With `render` (the build's Markdown of the text from `first_line` on), of
    several lines holding it the first whose link the page gets, as content_lint
    places a link to a missing file (`warta.source_checks.line_linking`): an
    earlier line may show it as an example in `code`, or keep it in a comment.

    `as_text`: the link is an address shown as text (`text_addresses`); one
    that is site-relative (`/x/`, or `x/` without its first "/") is on a line
    only where a word starts, not as the path of a full address
    (`https://host/x/`) on an earlier line."""
    # Numbered as Pelican's Markdown counts lines (a form feed ends none).
    numbered = [
        (number, line) for number, line in enumerate(split_lines(source), 1) if number >= first_line
    ]
    path = re.split(r"[?#]", link.value, maxsplit=1)[0]
    # The HTML escapes what the source wrote plainly (`?q="x` is `?q=&quot;x`,
    # `&` is `&amp;`): the written value unescaped before its path alone.
    written = html.unescape(link.written)
    # First the whole value where the address ends ("/x/" is not the start of
    # "/x/?q=1" on an earlier line), then anywhere, then its path.
    if as_text and _SITE_PATH_RE.fullmatch(written):
        # Where a word starts and the address ends (a sentence's end may
        # follow), nowhere else: inside a full address it is not this one.
        ends = "(?![^\\s<`*_~" + re.escape(_ADDRESS_TRAILER) + "])"
        alone = [
            (needle, re.compile(_STARTS_WORD + re.escape(needle) + ends))
            for needle in dict.fromkeys((link.written, written))
        ]
        return line_of_link(numbered, alone, after=after)
    whole = [
        (needle, re.compile(re.escape(needle) + r"""(?![^\s)\]"'>])"""))
        for needle in dict.fromkeys((link.written, written))
        if needle
    ]
    plain = [link.written, written, f"{{filename}}{path}", f"|filename|{path}", path]
    # (`numbered` starts at first_line.)
    return line_of_link(
        numbered, [*whole, *plain], after=after, render=render, link_values=attribute_values
    )


class _AttributeValues(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        self.found += [value for _, value in attrs if value]


def attribute_values(fragment: str) -> list[str]:
    """Every attribute value of an HTML fragment's tags, as an HTML parser reads
    them: the links a reader gets, none shown as text in `code`, a code block
    or a comment."""
    parser = _AttributeValues()
    parser.feed(fragment)
    parser.close()
    return parser.found


# Text between tags (a comment, whole, is a tag here), and the addresses that
# text may show: a full one (`https://host/x/`, `//host/x/`) or, with the
# site's host known, one written without its scheme (`host.org/berita/x/`).
_TAG_OR_TEXT_RE = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
# A character of an address: not a space, a quote or a bracket of markup,
# written or escaped (`&lt;https://…/&gt;` is the text `<https://…/>`).
_ADDRESS_CHAR = r"(?:(?!&[lg]t;)[^\s<>\"'`])"
_TEXT_ADDRESS = r"(?:\bhttps?:)?//" + _ADDRESS_CHAR + "+"
# What ends a sentence or a bracket after an address is not part of it.
_ADDRESS_TRAILER = ".,;:!?)]}»”’\"'"


# A site-relative address (`/berita/2099/11/x/`): a "/" where a word starts
# (after a space or an opening bracket or quote, or at the start of the text;
# in the source also after Markdown's `*`, `_` or `~` of bold or italics), not
# a second one (`//host`), so never the path of another address
# (`bawaslu.go.id/x/`) or the second half of a word (`dan/atau`, `1/2`).
_STARTS_WORD = r"""(?<![^\s(\[{«“‘"'`*_~])"""
_SITE_RELATIVE = _STARTS_WORD + r"/(?![/\s])" + _ADDRESS_CHAR + "+"
# A site path written without its first "/" (`berita/2099/11/x/`, copied from
# the address bar after the host): a word of letters, digits and dashes and a
# "/" where a word starts. Most such words are prose (`dan/atau`, `1/2`): the
# caller takes one only when it is an unpublished content's address (as
# `unrooted` tells it from a host's `bawaslu.go.id/x/`, whose first part has a dot).
# (It ends before a full address written right after it, `Humas/https://…`,
# which the next match takes whole.)
_UNROOTED = _STARTS_WORD + r"[\w-]+/(?:(?!//|https?:)" + _ADDRESS_CHAR + ")*"
# A site path shown as text, either way.
_SITE_PATH_RE = re.compile(f"(?:{_SITE_RELATIVE})|(?:{_UNROOTED})")


def unrooted(address: str) -> bool:
    """Whether an address `text_addresses` found is a site path written
    without its first "/" (`berita/x/`): no scheme, no "/" first, and no dot
    in its first part (a host's address, `bawaslu.go.id/x/`, has one)."""
    first = address.split("/", 1)[0]
    return bool(first) and ":" not in first and "." not in first


def _address_pattern(site_host: str) -> re.Pattern:
    # (with or without `www.`: the site's twin, `warta.paths.same_site_host`)
    host = re.escape(site_host.removeprefix("www."))
    bare = rf"|(?<![\w.@/-])(?:www\.)?{host}/{_ADDRESS_CHAR}*" if site_host else ""
    return re.compile(_TEXT_ADDRESS + bare + "|" + _SITE_RELATIVE + "|" + _UNROOTED, re.IGNORECASE)


def text_addresses(
    fragment: str, site_host: str = "", same: Callable[[str, str], bool] | None = None
) -> list[str]:
    """The web addresses an HTML fragment shows as text (not in a tag), as
    written there, in order: what a reader sees of an address that is no link
    (a summary made from a lead's autolink, an address pasted as text), full
    (`https://host/x/`, `host/x/` with `site_host`), site-relative (`/x/`) or
    a site path without its first "/" (`berita/x/`, `unrooted`).
    A link's text that is its own address is no such address (said with the
    link): the href written again (an autolink), or one that `same(address,
    href)` tells leads where the href does (`[https://site/x/](/x/)`)."""
    pattern = _address_pattern(site_host)
    found = []
    for part, href in _text_parts(fragment):
        if part.startswith("<"):
            continue
        found += [
            address
            for m in pattern.finditer(part)
            if (address := m.group().rstrip(_ADDRESS_TRAILER))
            and not _is_own_text(address, href, same)
        ]
    return found


def _text_parts(fragment: str) -> Iterable[tuple[str, str | None]]:
    """(tag or text, the href of the link the text is in, if any)."""
    href = None
    for part in _TAG_OR_TEXT_RE.split(fragment):
        if part.startswith("<"):
            if re.match(r"<a\b", part, re.IGNORECASE):
                match = _HREF_RE.search(part)
                href = _written(match) if match else None
            elif re.match(r"</a\s*>", part, re.IGNORECASE):
                href = None
        yield part, href


def _is_own_text(
    address: str, href: str | None, same: Callable[[str, str], bool] | None = None
) -> bool:
    """A link's text that is the address of the link it is in (said with that
    link): an autolink's, or one `same(address, href)` tells is the href's."""
    if href is None:
        return False
    if html.unescape(address) == html.unescape(href).strip():
        return True
    return same is not None and same(address, href)


def replace_text_addresses(
    fragment: str,
    site_host: str,
    replaced: Callable[[str], bool],
    text: str,
    same: Callable[[str, str], bool] | None = None,
) -> str:
    """The fragment with each address `text_addresses` finds (with `same`) for
    which `replaced(address)` is true shown as `text` instead."""
    pattern = _address_pattern(site_host)

    def one(match: re.Match) -> str:
        whole = match.group()
        address = whole.rstrip(_ADDRESS_TRAILER)
        if not address or not replaced(address):
            return whole
        return html.escape(text, quote=False) + whole[len(address) :]

    def replace(part: str, href: str | None) -> str:
        return pattern.sub(
            lambda m: (
                m.group()
                if _is_own_text(m.group().rstrip(_ADDRESS_TRAILER), href, same)
                else one(m)
            ),
            part,
        )

    return "".join(
        part if part.startswith("<") else replace(part, href)
        for part, href in _text_parts(fragment)
    )
