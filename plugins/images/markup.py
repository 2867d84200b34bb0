"""`<picture>` markup for responsive variants, and the rewriting of `<img>` in bodies.

No Pelican import: unit-tested directly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from html import unescape

from markupsafe import escape

from warta.text import matches_from_values

from .pipeline import SourceImage

# Attributes the picture sets itself; any other attribute of an <img> is kept.
_REPLACED = {"src", "srcset", "sizes", "width", "height", "loading", "decoding", "fetchpriority"}


def srcset(variants, url: Callable[[str], str]) -> str:
    return ", ".join(f"{url(v.file)} {v.width}w" for v in variants)


def picture(
    image: SourceImage,
    alt: str,
    url: Callable[[str], str],
    sizes: str,
    *,
    featured: bool = False,
    eager: bool = False,
    attributes: list[tuple[str, str | None]] | None = None,
) -> str:
    """A <picture> with a WebP source at every width and a JPEG/PNG <img>
    fallback at the largest width (the one fallback file made: every current
    browser takes the WebP; the fallback serves only older clients).

    The featured image loads at once with high priority (it is the page's
    largest paint); body images lazily unless `eager`.
    """
    webp = image.of_type("image/webp")
    largest = image.fallback[-1]
    img_attributes: list[tuple[str, str | None]] = [
        ("src", url(largest.file)),
        ("width", str(largest.width)),
        ("height", str(largest.height)),
        ("alt", alt),
    ]
    if featured:
        img_attributes += [("loading", "eager"), ("fetchpriority", "high"), ("decoding", "async")]
    elif eager:
        img_attributes += [("loading", "eager"), ("decoding", "async")]
    else:
        img_attributes += [("loading", "lazy"), ("decoding", "async")]
    img_attributes += [
        (name, value) for name, value in (attributes or []) if name not in _REPLACED | {"alt"}
    ]
    rendered = " ".join(
        name if value is None else f'{name}="{escape(value)}"' for name, value in img_attributes
    )
    source = ""
    if webp:
        source = (
            f'<source type="image/webp" srcset="{escape(srcset(webp, url))}"'
            f' sizes="{escape(sizes)}">'
        )
    return f"<picture>{source}<img {rendered}></picture>"


_REFERENCE = re.compile(
    r"""\b(?:src|href|poster|data)\s*=\s*(?P<quote>["'])(?P<value>.*?)(?P=quote)""", re.I | re.S
)


def references(html: str) -> list[str]:
    """Every src/href/poster/data attribute value of a body, entities decoded:
    the files a page may use (photos, {static} links, plain local links)."""
    if not html or "=" not in html:  # most releases: no attribute, no scan
        return []
    return [unescape(m["value"]) for m in _references(html)]


# The "=" and quote of an attribute value: every match of _REFERENCE holds one.
_VALUE_START = re.compile(r"""=\s*["']""")
_NAME_LENGTHS = (6, 4, 3)  # poster; href, data; src (from the leftmost start)


def _references(html: str) -> Iterator[re.Match]:
    """The matches of `_REFERENCE.finditer(html)`, found from each value's "="
    back to its name (`warta.text.matches_from_values`): a name's length
    before the white space before "=", the longest first."""
    return matches_from_values(html, _VALUE_START, _REFERENCE, _name_starts)


def _name_starts(html: str, name_end: int, end: int) -> Iterator[int]:
    for length in _NAME_LENGTHS:
        if name_end - length >= end:
            yield name_end - length


def line_of(lines: list[str], needle: str | re.Pattern) -> int | None:
    """1-based number of the first line containing `needle` (a string or pattern)."""
    for number, line in enumerate(lines, start=1):
        if isinstance(needle, re.Pattern) and needle.search(line):
            return number
        if isinstance(needle, str) and needle and needle in line:
            return number
    return None
