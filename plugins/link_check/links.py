"""Links to other contents in an HTML fragment (no Pelican import).

Pelican's intrasite syntax: an attribute value `{filename}path` or
`|filename|path` (path relative to the linking file, or to the content
folder with a leading `/`), optionally followed by `?query` or `#fragment`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_ATTRIBUTE_RE = re.compile(
    r"""(?P<name>\b[a-zA-Z-]+)\s*=\s*(?P<quote>["'])"""
    r"""(?P<link>(?:\{filename\}|\|filename\|)(?P<value>[^"']*))(?P=quote)"""
)
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
    return [Link(m.group("link"), m.group("value")) for m in _ATTRIBUTE_RE.finditer(fragment)]


def remove_links(fragment: str, is_removed: Callable[[str], bool]) -> str:
    """The fragment with each `<a>` whose `{filename}` value `is_removed` replaced
    by its text; any other attribute naming such a value gets `#`."""

    def anchor(match: re.Match) -> str:
        link = _ATTRIBUTE_RE.search(match.group("attributes"))
        if link and is_removed(link.group("value")):
            return match.group("text")
        return match.group(0)

    def attribute(match: re.Match) -> str:
        if is_removed(match.group("value")):
            quote = match.group("quote")
            return f"{match.group('name')}={quote}#{quote}"
        return match.group(0)

    return _ATTRIBUTE_RE.sub(attribute, _ANCHOR_RE.sub(anchor, fragment))


def link_line(source: str, link: Link, *, first_line: int = 1, after: int = 0) -> int | None:
    """The source line that writes this link: the first line from
    max(first_line, after + 1) holding it (its path part as a fallback); `after`
    is the line of the same link's previous occurrence (0: none), whose own line
    is the answer when no later line has it (twice on one line)."""
    lines = source.splitlines()
    path = re.split(r"[?#]", link.value, maxsplit=1)[0]
    needles = [link.written, f"{{filename}}{path}", f"|filename|{path}", path]
    start = max(first_line, after + 1)
    for needle in needles:
        if not needle:
            continue
        for number in range(start, len(lines) + 1):
            if needle in lines[number - 1]:
                return number
    return after or None
