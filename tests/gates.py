"""Helpers for the quality gates (issue #2, item 7) that every later issue must pass.

They work on a built output folder and know nothing about particular plugins:
page kinds are discovered from the URLs of the written files, so a page kind a
plugin adds later (`/wilayah/…`, `/pejabat/…`) is checked without touching the
gates.
"""

from __future__ import annotations

import functools
import json
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html

REPO = Path(__file__).resolve().parents[1]
AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Pages that are their own kind whatever their URL looks like.
SPECIAL_PAGES = ("/", "/cari/", "/404.html")
# The path segment Pelican's PAGINATION_PATTERNS put before a page number.
PAGINATION_SEGMENT = "halaman"

# Where links to other hosts are allowed, as CSS selectors of an ancestor
# (lxml's cssselect is not installed, so simple `.class` selectors only).
EXTERNAL_LINK_PLACES = {
    ".share": "share links (plain links, no third-party script)",
    ".article__body": "links editors write in article and page bodies",
}
# Schemes that are not requests to another web host.
NON_HTTP_SCHEMES = {"mailto", "tel", "sms", "data"}


# ---- the built site ----


@dataclass
class HtmlPage:
    """One written HTML file, parsed once."""

    path: Path
    url: str  # site-relative URL, "/" style: "/berita/2024/11/slug/" or "/404.html"
    tree: lxml.html.HtmlElement = field(repr=False)

    @functools.cached_property
    def ids(self) -> set[str]:
        found = set(self.tree.xpath("//@id"))
        found.update(self.tree.xpath("//a/@name"))
        return found

    @functools.cached_property
    def feature_score(self) -> int:
        """How much of the theme a page exercises: distinct (element, class) pairs."""
        pairs = set()
        for element in self.tree.iter():
            if not isinstance(element.tag, str):
                continue
            classes = (element.get("class") or "").split() or [""]
            pairs.update((element.tag, c) for c in classes)
        return len(pairs)


def url_for_file(output: Path, path: Path) -> str:
    relative = path.relative_to(output).as_posix()
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative[: -len("index.html")]
    return "/" + relative


@functools.cache
def html_pages(output: Path) -> tuple[HtmlPage, ...]:
    """Every HTML file of a built site, parsed (cached per output folder)."""
    pages = []
    for path in sorted(output.rglob("*.html")):
        tree = lxml.html.fromstring(path.read_bytes())
        pages.append(HtmlPage(path, url_for_file(output, path), tree))
    return tuple(pages)


def page_by_url(output: Path) -> dict[str, HtmlPage]:
    return {p.url: p for p in html_pages(output)}


# ---- page kinds ----


def _sections(output: Path) -> set[str]:
    """Top-level folders that hold deeper pages (rubrik/, tag/, berita/, …).

    A top-level folder with only its own index.html is a static page (/kontak/).
    """
    sections = set()
    for page in html_pages(output):
        parts = page.url.strip("/").split("/")
        if len(parts) > 1:
            sections.add(parts[0])
    return sections


def url_pattern(url: str, sections: set[str]) -> str:
    """The URL with its variable parts abstracted: /berita/2024/11/x/ → berita/*/*/*/."""
    if url in SPECIAL_PAGES:
        return url
    trailing = url.endswith("/")
    parts = [p for p in url.strip("/").split("/") if p]
    abstract = []
    for position, part in enumerate(parts):
        if part == PAGINATION_SEGMENT or (position == 0 and part in sections):
            abstract.append(part)
        elif part.endswith(".html"):
            abstract.append("*.html")
        else:
            abstract.append("*")
    return "/".join(abstract) + ("/" if trailing else "")


def page_kinds(output: Path) -> dict[str, HtmlPage]:
    """One representative page per URL pattern: the one using most of the theme."""
    sections = _sections(output)
    kinds: dict[str, HtmlPage] = {}
    for page in html_pages(output):
        pattern = url_pattern(page.url, sections)
        best = kinds.get(pattern)
        if best is None or page.feature_score > best.feature_score:
            kinds[pattern] = page
    return dict(sorted(kinds.items()))


# ---- links ----


@dataclass(frozen=True)
class Link:
    page: str  # URL of the page holding the link
    attribute: str  # "a href", "img srcset", …
    value: str
    element: lxml.html.HtmlElement = field(compare=False, hash=False, repr=False)


LINK_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "form": ("action",),
    "use": ("href",),
}

META_URLS = {"og:url", "og:image", "twitter:image"}


def srcset_urls(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


def links_of(page: HtmlPage) -> list[Link]:
    found = []
    for element in page.tree.iter(*LINK_ATTRIBUTES):
        for attribute in LINK_ATTRIBUTES[element.tag]:
            value = element.get(attribute)
            if value is None:
                continue
            values = srcset_urls(value) if attribute == "srcset" else [value.strip()]
            found.extend(Link(page.url, f"{element.tag} {attribute}", v, element) for v in values)
    # Social previews point at pages and images of the site too.
    for element in page.tree.iter("meta"):
        key = element.get("property") or element.get("name") or ""
        if key in META_URLS and element.get("content"):
            found.append(Link(page.url, f"meta {key}", element.get("content").strip(), element))
    return found


def has_ancestor_class(element, selectors) -> str | None:
    """The first `.class` selector matching the element or an ancestor, if any."""
    wanted = {s.lstrip(".") for s in selectors}
    for node in element.iterancestors():
        classes = set((node.get("class") or "").split())
        hit = wanted & classes
        if hit:
            return "." + sorted(hit)[0]
    return None


def describe(element) -> str:
    text = " ".join((element.text_content() or "").split())[:50]
    classes = element.get("class")
    return f"<{element.tag}{' class=' + repr(classes) if classes else ''}> {text!r}"


def check_links(output: Path, siteurl: str = "") -> list[str]:
    """Problems with internal links, fragments and external links, one line each.

    `siteurl` is the site's public address when the build used absolute URLs:
    links under it are internal.
    """
    by_url = page_by_url(output)
    problems = []
    for page in html_pages(output):
        base = (siteurl or "http://site.invalid") + page.url
        for link in links_of(page):
            value = link.value
            where = f"{page.url}: {link.attribute}={value!r}"
            if not value:
                problems.append(f"{where}: empty URL")
                continue
            split = urlsplit(value)
            if split.scheme in NON_HTTP_SCHEMES or split.scheme == "javascript":
                if split.scheme == "javascript":
                    problems.append(f"{where}: javascript: URL")
                continue
            absolute = urljoin(base, value)
            internal_prefix = (siteurl or "http://site.invalid") + "/"
            if not absolute.startswith(internal_prefix):
                if link.element.tag not in ("a", "area"):
                    problems.append(
                        f"{where}: resource from another host ({describe(link.element)})"
                    )
                elif not has_ancestor_class(link.element, EXTERNAL_LINK_PLACES):
                    problems.append(
                        f"{where}: external link outside the allowed places "
                        f"{sorted(EXTERNAL_LINK_PLACES)} ({describe(link.element)})"
                    )
                continue
            target = urlsplit(absolute)
            path = unquote(target.path[len(urlsplit(internal_prefix).path) - 1 :])
            file = _resolve(output, path)
            if file is None:
                problems.append(f"{where}: no file for {path!r} ({describe(link.element)})")
                continue
            if target.fragment:
                fragment = unquote(target.fragment)
                target_page = by_url.get(url_for_file(output, file))
                if target_page is None:
                    problems.append(f"{where}: #{fragment} points into a non-HTML file")
                elif fragment not in target_page.ids:
                    problems.append(
                        f"{where}: no element with id {fragment!r} in {target_page.url}"
                    )
            elif value.startswith("#"):
                problems.append(f"{where}: empty fragment")
    return problems


def _resolve(output: Path, path: str) -> Path | None:
    candidate = output / path.lstrip("/")
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    try:
        candidate.resolve().relative_to(output.resolve())
    except ValueError:
        return None  # climbs out of the site
    return candidate if candidate.is_file() else None


# ---- the Nu HTML checker ----


def run_vnu(target: Path, *, css: bool = False) -> list[str]:
    """Errors of the Nu checker for HTML (or CSS) files under `target`, as file:line: message."""
    mode = "--skip-non-css" if css else "--skip-non-html"
    args = ["java", "-jar", str(VNU_JAR), "--errors-only", mode, "--format", "json", str(target)]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=300)
    try:
        report = json.loads(proc.stderr or "{}")
    except json.JSONDecodeError:
        return [
            f"the Nu checker did not report JSON (exit {proc.returncode}): {proc.stderr[:2000]}"
        ]
    problems = []
    for message in report.get("messages", []):
        if message.get("type") not in ("error", "non-document-error"):
            continue
        url = message.get("url", "")
        file = url.removeprefix("file:")
        if Path(file).is_relative_to(target):
            file = str(Path(file).relative_to(target))
        problems.append(
            f"{file}:{message.get('lastLine', '?')}: {message.get('message')}"
            f" [{(message.get('extract') or '').strip()[:80]}]"
        )
    if proc.returncode != 0 and not problems:
        problems.append(f"the Nu checker failed (exit {proc.returncode}): {proc.stderr[:2000]}")
    return problems


# ---- reporting ----


def summarize(problems: list[str], limit: int = 60) -> str:
    """Group "page: message" lines that repeat on many pages (a broken menu link)."""
    by_message: dict[str, list[str]] = {}
    for problem in problems:
        page, _, message = problem.partition(": ")
        by_message.setdefault(message, []).append(page)
    lines = []
    for message, pages in by_message.items():
        shown = ", ".join(pages[:3]) + (f" and {len(pages) - 3} more" if len(pages) > 3 else "")
        lines.append(f"{message}  — on {shown}")
    extra = f"\n… and {len(lines) - limit} more" if len(lines) > limit else ""
    return f"{len(problems)} problem(s):\n" + "\n".join(lines[:limit]) + extra


# ---- dates ----

RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$")


def is_rfc3339(value: str | None) -> bool:
    import datetime as dt

    if not value or not RFC3339.match(value):
        return False
    try:
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True
