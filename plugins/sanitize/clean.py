"""An HTML fragment rewritten without active content (no Pelican import).

The fragment is parsed with the standard library's HTMLParser and written out
again from what was parsed: tags and attributes re-quoted, text re-escaped.
So the output never depends on how a browser would have read odd markup in
the input (a comment that ends early, a stray quote): what is kept is exactly
what the parser saw, and everything it saw was checked.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Dropped with everything inside them (raw-text elements and active content).
DROPPED_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "iframe",
        "frameset",
        "object",
        "applet",
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
# Dropped, with no content of their own.
DROPPED_VOID = frozenset({"embed", "frame", "base", "meta", "link", "input", "param", "keygen"})
# The tag goes, what it holds stays.
UNWRAPPED = frozenset({"form", "button", "html", "head", "body"})
VOID = frozenset({"area", "br", "col", "hr", "img", "source", "track", "wbr"} | DROPPED_VOID)
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "srcset",
        "action",
        "formaction",
        "poster",
        "cite",
        "data",
        "background",
        "ping",
        "longdesc",
        "usemap",
        "lowsrc",
        "dynsrc",
        "codebase",
        "manifest",
        "icon",
        "xlink:href",
        "xml:base",
    }
)
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel", "ftp", "sms"})
IMAGE_ELEMENTS = frozenset({"img", "source"})
_SCHEME_RE = re.compile(r"^([a-z][a-z0-9+.\-]*):")
# Names written back as they are: anything else (`<scr<script>`) is dropped.
_TAG_NAME_RE = re.compile(r"^[a-z][a-z0-9-]*$")
_ATTRIBUTE_NAME_RE = re.compile(r"^[a-z_:][a-z0-9_:.\-]*$")
_INVISIBLE_RE = re.compile(r"[\x00-\x20\x7f]+")


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


def is_safe_url(url: str, *, tag: str, attribute: str) -> bool:
    scheme = scheme_of(url)
    if scheme is None or scheme in SAFE_SCHEMES:
        return True
    return (
        scheme == "data"
        and tag in IMAGE_ELEMENTS
        and attribute in ("src", "srcset")
        and _INVISIBLE_RE.sub("", url).lower().startswith("data:image/")
    )


def _srcset_urls(value: str) -> list[str]:
    return [candidate.strip().split(" ")[0] for candidate in value.split(",") if candidate.strip()]


def attribute_problem(tag: str, name: str, value: str | None) -> Removal | None:
    """Why this attribute must go (None: it may stay)."""
    if not _ATTRIBUTE_NAME_RE.match(name):
        return Removal(f"{name}=", name)
    if name.startswith("on"):
        return Removal(f"{name}=", f"{name}")
    if name == "srcdoc":
        return Removal("srcdoc=", "srcdoc")
    if value is None:
        return None
    if name == "style":
        flat = _INVISIBLE_RE.sub("", value).lower()
        if any(word in flat for word in ("expression(", "javascript:", "vbscript:")):
            return Removal(f'style="{value[:60]}"', "style")
        return None
    if name in URL_ATTRIBUTES:
        urls = _srcset_urls(value) if name == "srcset" else [value]
        for url in urls:
            if not is_safe_url(url, tag=tag, attribute=name):
                scheme = scheme_of(url) or ""
                rest = url.split(":", 1)[-1].strip().lower()[:30]
                return Removal(
                    f'{name}="{value[:60]}"', url.strip().lower()[:40], (rest, f"{scheme}:")
                )
    return None


class _Cleaner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.removed: list[Removal] = []
        self.skipping: list[str] = []  # the dropped elements we are inside

    def _start(self, tag: str, attrs) -> None:
        if self.skipping:
            if tag == self.skipping[0]:
                self.skipping.append(tag)
            return
        if not _TAG_NAME_RE.match(tag):
            self.removed.append(Removal(f"<{tag}>", f"<{tag}"))
            return
        if tag in DROPPED_WITH_CONTENT:
            self.removed.append(Removal(f"<{tag}>", f"<{tag}"))
            self.skipping.append(tag)
            return
        if tag in DROPPED_VOID or tag in UNWRAPPED:
            if tag not in ("html", "head", "body"):
                self.removed.append(Removal(f"<{tag}>", f"<{tag}"))
            return
        kept = []
        for name, value in attrs:
            problem = attribute_problem(tag, name, value)
            if problem is not None:
                self.removed.append(problem)
                continue
            if value is None:
                kept.append(f" {name}")
            else:
                kept.append(f' {name}="{html.escape(value, quote=True)}"')
        self.out.append(f"<{tag}{''.join(kept)}>")

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs)
        if self.skipping and self.skipping[-1] == tag and tag in DROPPED_WITH_CONTENT:
            self.skipping.pop()  # <svg/>: nothing inside
        elif not self.skipping and tag not in VOID and tag not in UNWRAPPED:
            self.out.append(f"</{tag}>")

    def handle_endtag(self, tag):
        if self.skipping:
            if tag == self.skipping[0]:
                self.skipping.pop()
            return
        if tag in DROPPED_WITH_CONTENT or tag in UNWRAPPED or tag in VOID:
            return
        if not _TAG_NAME_RE.match(tag):
            return
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if not self.skipping:
            self.out.append(html.escape(data, quote=False))

    def handle_comment(self, data):
        pass  # editorial notes and conditional comments never reach the page

    def handle_decl(self, decl):
        pass

    def handle_pi(self, data):
        pass

    def unknown_decl(self, data):
        pass


def clean_html(fragment: str) -> tuple[str, list[Removal]]:
    """(the fragment without active content, what was removed, in order)."""
    if "<" not in fragment and "&" not in fragment and ">" not in fragment:
        return fragment, []
    cleaner = _Cleaner()
    cleaner.feed(fragment)
    cleaner.close()
    return "".join(cleaner.out), cleaner.removed


def removal_lines(source: str, removals: list[Removal], *, first_line: int = 1) -> list[int | None]:
    """The source line of each removal: the first line at or after `first_line`
    holding its needle (case-insensitive), each later removal with the same
    needle searched after the line of the one before. None when not found."""
    lines = source.lower().splitlines()
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
