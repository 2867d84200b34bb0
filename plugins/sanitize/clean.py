"""An HTML fragment without active content, and what was taken out of it (no
Pelican import).

The cleaning itself is done by nh3 (the Python binding of the Rust `ammonia`
sanitizer, built on the html5ever parser browsers' rules follow): an allowlist
of the tags and attributes Markdown and the theme's conventions produce, URLs
limited to http(s), mailto, tel and relative ones, comments dropped. Whatever
is not on the list goes, including what nobody thought of.

To tell staff what went and where, the fragment is also read with the standard
library's HTMLParser under the same policy, and each tag, attribute or URL
that the allowlist refuses becomes a `Removal` with text to find its source
line by. The report is best effort; what is published is nh3's output.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

from warta.frontmatter import split_lines

# Dropped with everything inside them (raw-text elements and active content).
DROPPED_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "iframe",
        "frameset",
        "object",
        "applet",
        "embed",
        "noscript",
        "noembed",
        "noframes",
        "template",
        "xmp",
        "plaintext",
        "textarea",
        "title",
        "select",
        "svg",
        "math",
    }
)
# The tags a release may carry: nh3's safe default set, and <picture>/<source>
# for responsive photos.
ALLOWED_TAGS = frozenset(nh3.ALLOWED_TAGS) - DROPPED_WITH_CONTENT | {"picture", "source"}
# Markdown's footnotes, abbreviations, attribute lists and tables need these.
ALLOWED_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "source": {"srcset", "sizes", "type", "media", "width", "height"},
    "ol": {"start", "reversed", "type"},
    "td": {"colspan", "rowspan", "align", "style", "headers"},
    "th": {"colspan", "rowspan", "align", "style", "scope", "headers"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "abbr": set(),
    "col": {"span"},
    "colgroup": {"span"},
}
STYLE_PROPERTIES = frozenset({"text-align"})  # table cell alignment (Markdown tables)
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "cite", "action", "formaction", "poster"})
_SCHEME_RE = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_INVISIBLE_RE = re.compile(r"[\x00-\x20\x7f]+")
_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    url_schemes=set(SAFE_SCHEMES),
    link_rel=None,
    strip_comments=True,
    filter_style_properties=set(STYLE_PROPERTIES),
)


@dataclass(frozen=True)
class Removal:
    """One thing taken out: what it was (for the message) and lowercase texts to
    look for in the source, best first (for the line number)."""

    shown: str
    needle: str
    fallbacks: tuple[str, ...] = ()  # when the source spells it otherwise (`jav&#x61;script:`)


def scheme_of(url: str) -> str | None:
    """The URL's scheme as a browser reads it (white space and controls ignored)."""
    found = _SCHEME_RE.match(_INVISIBLE_RE.sub("", url).lower())
    return found.group(1) if found else None


def is_safe_url(url: str, *, tag: str = "", attribute: str = "") -> bool:
    """http(s), mailto, tel or a relative URL (`{filename}` links included)."""
    scheme = scheme_of(url)
    return scheme is None or scheme in SAFE_SCHEMES


def _srcset_urls(value: str) -> list[str]:
    return [candidate.strip().split(" ")[0] for candidate in value.split(",") if candidate.strip()]


def attribute_problem(tag: str, name: str, value: str | None) -> Removal | None:
    """Why this attribute goes (None: it stays)."""
    allowed = ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(tag, set())
    if name not in allowed:
        if value is None or name.startswith("on"):
            return Removal(f"{name}=", name)
        return Removal(f'{name}="{value[:60]}"', name)
    if value is None:
        return None
    if name == "style":
        properties = {part.split(":", 1)[0].strip().lower() for part in value.split(";")}
        if properties - STYLE_PROPERTIES - {""}:
            return Removal(f'style="{value[:60]}"', "style")
        return None
    if name in URL_ATTRIBUTES:
        urls = _srcset_urls(value) if name == "srcset" else [value]
        for url in urls:
            if not is_safe_url(url):
                scheme = scheme_of(url) or ""
                rest = url.split(":", 1)[-1].strip().lower()[:30]
                return Removal(
                    f'{name}="{value[:60]}"', url.strip().lower()[:40], (rest, f"{scheme}:")
                )
    return None


class _Reporter(HTMLParser):
    """Reads a fragment under the allowlist and lists what it refuses."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.removed: list[Removal] = []
        self.skipping: list[str] = []  # the dropped elements we are inside

    def _start(self, tag: str, attrs) -> None:
        if self.skipping:
            if tag == self.skipping[0]:
                self.skipping.append(tag)
            return
        if tag in DROPPED_WITH_CONTENT:
            self.removed.append(Removal(f"<{tag}>", f"<{tag}"))
            self.skipping.append(tag)
            return
        if tag not in ALLOWED_TAGS:
            if tag not in ("html", "head", "body"):
                self.removed.append(Removal(f"<{tag}>", f"<{tag}"))
            return
        for name, value in attrs:
            problem = attribute_problem(tag, name, value)
            if problem is not None:
                self.removed.append(problem)

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs)
        if self.skipping and self.skipping[-1] == tag and len(self.skipping) == 1:
            self.skipping.pop()  # <svg/>: nothing inside

    def handle_endtag(self, tag):
        if self.skipping and tag == self.skipping[0]:
            self.skipping.pop()


def clean_html(fragment: str) -> tuple[str, list[Removal]]:
    """(the fragment without active content, what was removed, in order)."""
    if "<" not in fragment and "&" not in fragment and ">" not in fragment:
        return fragment, []
    cleaned = _CLEANER.clean(fragment)
    if cleaned == fragment:  # nothing taken out: no report to make (most bodies)
        return fragment, []
    reporter = _Reporter()
    reporter.feed(fragment)
    reporter.close()
    return cleaned, reporter.removed


def removal_lines(source: str, removals: list[Removal], *, first_line: int = 1) -> list[int | None]:
    """The source line of each removal: the first line at or after `first_line`
    holding its needle (case-insensitive), each later removal with the same
    needle searched after the line of the one before. None when not found.
    Lines end where Pelican's Markdown ends them (LF, CRLF, CR), not at the
    other breaks str.splitlines knows (U+2028, U+2029, VT, FF, NEL)."""
    lines = split_lines(source.lower())
    next_from: dict[str, int] = {}
    found: list[int | None] = []
    for removal in removals:
        line = None
        for needle in (removal.needle, *removal.fallbacks):
            if not needle:
                continue
            start = next_from.get(needle, first_line)
            line = next((n for n in range(start, len(lines) + 1) if needle in lines[n - 1]), None)
            if line is None and start != first_line:  # twice on one line
                line = start - 1
            if line is not None:
                next_from[needle] = line + 1
                break
        found.append(line)
    return found
