"""Find and rewrite `BACA JUGA:` lines in rendered article HTML (no Pelican import).
What a BACA JUGA line is, is `warta.read_also`'s to say (the lead reads it too).

Staff paste "read also" inserts from news portals into releases:

    BACA JUGA: [Bawaslu Lahat Awasi Kampanye]({filename}/berita/2024/lahat-kampanye.md)
    Baca juga: Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan
    **BACA JUGA:** https://portal.example.com/berita/123

Markdown turns each into a paragraph (or a line inside one, when no blank
line separates it). A line that points to an article of this site, through a
`{filename}` link, an internal URL (`/berita/…`) or the exact headline,
becomes a styled `<p class="read-also">` with a label and a link to that
article; any other line stays as it was and is reported. Either is marked
`data-pagefind-ignore`: search indexes a release's own text, not the
headlines of the stories it points to. A line that names a
draft or an embargoed article (headline, file or address) is reported as such,
and left out where that article is not written (the public build).
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from warta import frontmatter
from warta.paths import NearestFile, is_external, local_address, site_address, site_root
from warta.read_also import READ_ALSO_START as _READ_ALSO_START
from warta.read_also import SOURCE_MARKUP as _SOURCE_MARKUP
from warta.read_also import is_read_also
from warta.text import fold, plain_text

LABEL = "Baca juga:"
# A BACA JUGA line names another release: Pagefind leaves it out of the index,
# so a search finds a release by its own words, not another story's headline.
SEARCH_IGNORE = "data-pagefind-ignore"
_PARAGRAPH = re.compile(r"<p>(?P<inner>.*?)</p>", re.DOTALL)
_FIRST_LINK = re.compile(r"""<a\s[^>]*?href=(["'])(?P<href>.*?)\1[^>]*>(?P<text>.*?)</a>""", re.S)
_INTRASITE = re.compile(r"^[{|](?P<what>filename|link)[|}](?P<path>.*)$")
# A web address written out as a line's text (Markdown links none that has no <>).
_WEB_ADDRESS = re.compile(r"(?:https?:)?//", re.IGNORECASE)


@dataclass(frozen=True)
class Target:
    """An article a line may point to: its headline, its source path
    (relative to the content folder, with "/") and its site-relative `url`
    ("berita/2024/11/slug/"), from its `address`: the url itself, or a
    function that makes it when first asked. A line is looked up by address
    only when it names one, and making every article's address (Pelican
    formats it at each ask) cost more than the rest of this plugin's pass."""

    title: str
    source_path: str
    address: str | Callable[[], str] = field(repr=False, compare=False)

    @functools.cached_property
    def url(self) -> str:
        return self.address() if callable(self.address) else self.address


UNPUBLISHED = "an unpublished article"
# `http://127.0.0.1:8000/…`, `http://localhost:8000/…` (`warta.paths.local_address`).
LOCAL_PREVIEW = "a local preview, which no reader can open"
# A `{filename}` link to a file content/ does not hold (a release deleted or
# renamed): Pelican would leave the raw `{filename}/…` in the page and feeds.
MISSING_FILE = "a missing file"


@dataclass(frozen=True)
class Unpublished:
    """A draft or an embargoed article a line may name: by its headline, its
    source file, or a segment of its address (`/draf/slug/`,
    `/berita/2099/01/slug/`). `written`: the build writes it (the preview's
    /draf/ page); when not, a line naming it is not published."""

    title: str
    source_path: str
    slug: str
    written: bool


@dataclass(frozen=True)
class Problem:
    """A line that could not be turned into a read-also link (`number` counts from 0)."""

    number: int
    reason: str
    value: str
    kept: bool = True  # the line stays in the page (as written); False: left out


def normalise_title(text: str) -> str:
    """Case, accents, quotes, dashes and punctuation do not matter when matching headlines."""
    return fold(html.unescape(text))


def source_line_numbers(source: str) -> list[int]:
    """1-based numbers of the BACA JUGA lines of a Markdown source, metadata block excluded."""
    return [number for number, line in frontmatter.parse(source).body if is_read_also(line)]


class Catalogue:
    """The site's published articles, looked up by source path, URL and headline."""

    def __init__(
        self,
        targets: Iterable[Target],
        siteurl: str = "",
        unpublished: Iterable[Unpublished] = (),
        public_siteurl: str = "",
        content_file: Callable[[str], bool] | None = None,
    ) -> None:
        self.site = site_root(siteurl)  # its host and path, as link_check reads them
        # Whose full addresses are the site's: SITEURL's or, in a relative
        # build (the development build, `invoke check`), the public site's
        # (PUBLIC_SITEURL), so a line is read there as the public build reads it.
        self.public = self.site if self.site.host else site_root(public_siteurl)
        self._targets = list(targets)
        self.by_path: dict[str, Target] = {target.source_path: target for target in self._targets}
        self._by_url: dict[str, Target] | None = None
        self._by_title: dict[str, list[Target]] | None = None
        self.unpublished = list(unpublished)
        # Whether a path below content/ ("berita/2024/x.md") is a file there;
        # None: every path is taken to be one.
        self.content_file = content_file
        # What the lines read since `start_reads()` beyond the headlines,
        # source paths and unpublished articles: the answers about content/'s
        # files and whether any address was looked up (the plugin's kept
        # results are keyed by them).
        self.files_asked: dict[str, bool] = {}
        self.addresses_asked = False

    def start_reads(self) -> None:
        self.files_asked = {}
        self.addresses_asked = False

    def unpublished_named(self, value: str, current_dir: str) -> Unpublished | None:
        """The unpublished article a line's value names (its headline, its
        source file, or its slug as a segment of an address), if any."""
        if not self.unpublished:
            return None
        text = html.unescape(value).strip()
        title = normalise_title(text)
        intrasite = _INTRASITE.match(text)
        path = urlsplit(intrasite.group("path") if intrasite else text).path
        relative = posixpath.normpath(posixpath.join(current_dir, path)) if path else ""
        segments = {segment for segment in path.split("/") if segment}
        for candidate in self.unpublished:
            if (
                normalise_title(candidate.title) == title
                or candidate.source_path in (path.lstrip("/"), relative)
                or candidate.slug in segments
            ):
                return candidate
        return None

    def is_content_file(self, path: str) -> bool:
        """Whether a `{filename}` path (below content/, normalised) names a
        file there, as written or %-decoded as Pelican tries it."""
        if self.content_file is None:
            return True
        for candidate in dict.fromkeys((path, unquote(path))):
            if candidate.startswith("../"):
                continue
            found = self.files_asked[candidate] = bool(self.content_file(candidate))
            if found:
                return True
        return False

    def nearest_path(self, value: str, but: str = "") -> str | None:
        """The source path of the published article (not `but`) whose file
        name is nearest a `{filename}` value's (`paths.NearestFile`): what a
        line to a renamed or mistyped release may mean."""
        intrasite = _INTRASITE.match(html.unescape(value).strip())
        path = urlsplit(intrasite.group("path") if intrasite else value).path
        return self.nearest_file(path, but=but)

    @functools.cached_property
    def nearest_file(self) -> NearestFile:
        """Of the published articles' sources, made when a line first needs it."""
        return NearestFile(self.by_path)

    @property
    def by_url(self) -> dict[str, Target]:
        """Site-relative addresses, made when a line first names one (most
        lines are `{filename}` links or headlines)."""
        self.addresses_asked = True
        if self._by_url is None:
            self._by_url = {target.url.strip("/"): target for target in self._targets}
        return self._by_url

    @property
    def by_title(self) -> dict[str, list[Target]]:
        """Headlines, folded when a line first names one (folding every
        headline of the site costs more than most builds' few lines need)."""
        if self._by_title is None:
            self._by_title = defaultdict(list)
            for target in self.by_path.values():
                self._by_title[normalise_title(target.title)].append(target)
        return self._by_title

    def resolve_href(self, href: str, current_dir: str) -> Target | str:
        """The target of a link, or the reason it is not one."""
        href = html.unescape(href).strip()
        intrasite = _INTRASITE.match(href)
        if intrasite:
            path = urlsplit(intrasite.group("path")).path
            if path.startswith("/"):
                path = path.lstrip("/")
            else:
                path = posixpath.normpath(posixpath.join(current_dir, path))
            if path in self.by_path:
                return self.by_path[path]
            return "no article of this site" if self.is_content_file(path) else MISSING_FILE
        # An address is read as link_check reads it (`site_address`): the
        # site's host in any spelling, SITEURL's path left out, decoded once.
        if local_address(href):  # (link_check takes the link out of the page)
            return LOCAL_PREVIEW
        if is_external(href):
            if not self.public.host:  # no site address known: no full one is the site's
                return "another site"
            address = site_address(href, self.public.host, "", self.public.prefix)
            if address is None:
                return "another site"
        elif href.startswith("/"):
            address = site_address(href, self.site.host, "", self.site.prefix)
        else:
            return "no article of this site"
        return self.by_url.get(address or "", "no article of this site")

    def resolve_title(self, text: str) -> Target | str:
        """The target of a line's text: an address written out
        (`https://site/berita/…`, no link) as a link to it is, else a headline."""
        if _WEB_ADDRESS.match(text):
            return self.resolve_href(text, "")
        matches = self.by_title.get(normalise_title(text), [])
        if len(matches) == 1:
            return matches[0]
        if matches:
            return "several articles with this headline"
        return "no article of this site"


def render(target: Target) -> str:
    """The styled line; `{filename}` lets Pelican write the URL (SITEURL, relative URLs)."""
    href = html.escape("{filename}/" + target.source_path, quote=True)
    return (
        f'<p class="read-also" {SEARCH_IGNORE}><span class="read-also__label">{LABEL}</span> '
        f'<a href="{href}">{html.escape(target.title)}</a></p>'
    )


def line_text(line: str) -> str:
    """`plain_text` of one line of a paragraph. A line with no markup and no
    character reference (most lines of a release) is its own text, its white
    space collapsed: HTML's parser is spared for every line of every
    paragraph of a release that mentions BACA JUGA."""
    if "<" not in line and "&" not in line:
        return " ".join(line.split())
    return plain_text(line)


def is_read_also_line(line: str) -> bool:
    """`is_read_also(line_text(line))`: a line with no markup and no character
    reference is read as it is (the rule reads its white space collapsed or
    not alike: `\\s` is what `str.split` splits on), not copied first: the
    paragraphs of the releases that mention BACA JUGA are read a line at a
    time in every build."""
    if "<" not in line and "&" not in line:
        return is_read_also(line)
    return is_read_also(plain_text(line))


def _resolve_line(line: str, catalogue: Catalogue, current_dir: str) -> tuple[Target | str, str]:
    """(target or reason, the value the line points to)."""
    link = _FIRST_LINK.search(line)
    if link:
        return catalogue.resolve_href(link.group("href"), current_dir), html.unescape(
            link.group("href")
        )
    text = plain_text(line)
    after_label = _READ_ALSO_START.split(_SOURCE_MARKUP.sub("", text), maxsplit=1)[-1]
    value = after_label.strip(" *_")
    if not value:
        return "nothing", ""
    return catalogue.resolve_title(value), value


def rewrite(
    body: str, catalogue: Catalogue, current_dir: str, linked: list[Target] | None = None
) -> tuple[str, list[Problem]]:
    """Body HTML with every resolvable BACA JUGA line styled, and the other lines'
    problems; the articles linked are appended to `linked` when given."""
    problems: list[Problem] = []
    counter = 0

    def rewrite_paragraph(match: re.Match) -> str:
        nonlocal counter
        lines = match.group("inner").split("\n")
        if not any(is_read_also_line(line) for line in lines):
            return match.group(0)
        pieces: list[str] = []
        plain_lines: list[str] = []

        def flush() -> None:
            if plain_lines:
                pieces.append("<p>" + "\n".join(plain_lines) + "</p>")
                plain_lines.clear()

        for line in lines:
            if not is_read_also_line(line):
                plain_lines.append(line)
                continue
            flush()
            target, value = _resolve_line(line, catalogue, current_dir)
            if isinstance(target, Target):
                pieces.append(render(target))
                if linked is not None:
                    linked.append(target)
            else:
                hidden = catalogue.unpublished_named(value, current_dir)
                kept = hidden is None or hidden.written
                # (Said here, a link or an address naming what is unpublished
                # too: link_check, told by the plugin, does not say it again.)
                problems.append(Problem(counter, UNPUBLISHED if hidden else target, value, kept))
                if hidden is None and target == MISSING_FILE:
                    # The link's text stays, not the link Pelican cannot resolve.
                    line = _FIRST_LINK.sub(lambda m: m.group("text"), line, count=1)
                if kept:
                    pieces.append(f"<p {SEARCH_IGNORE}>" + line + "</p>")
                # else: the line names what is not published: it is left out
            counter += 1
        flush()
        return "\n".join(pieces)

    return _PARAGRAPH.sub(rewrite_paragraph, body), problems
