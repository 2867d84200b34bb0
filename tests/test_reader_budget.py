"""Budgets on the built sample site: every article page's HTML + CSS + JS (no
images) ≤ 60 KB uncompressed, no web fonts, no request to another host."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

BUDGET_BYTES = 60 * 1024
FONT_FILES = {".woff", ".woff2", ".ttf", ".otf", ".eot"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
CSS_IMPORT = re.compile(r"""@import\s+(?:url\()?['"]?([^'");\s]+)""")


def article_pages(output: Path) -> list[Path]:
    pages = sorted(output.glob("berita/*/*/*/index.html"))
    assert pages, "the sample site has no article page"
    return pages


def local_file(output: Path, page: Path, reference: str) -> Path | None:
    """The built file a same-site reference points to (None for another host)."""
    parts = urlsplit(reference)
    if parts.scheme in ("http", "https") or reference.startswith("//"):
        return None
    if parts.path.startswith("/"):
        return output / parts.path.lstrip("/")
    return (page.parent / parts.path).resolve()


def requested(soup: BeautifulSoup) -> list[str]:
    """URLs a browser fetches while loading the page (links to other pages excluded)."""
    urls = []
    for link in soup.find_all("link", href=True):
        rel = set(link.get("rel", []))
        if rel & {"stylesheet", "icon", "preload", "modulepreload", "manifest", "apple-touch-icon"}:
            urls.append(link["href"])
    for tag in soup.find_all(["script", "img", "iframe", "source", "video", "audio", "embed"]):
        if tag.get("src"):
            urls.append(tag["src"])
        for candidate in (tag.get("srcset") or "").split(","):
            if candidate.strip():
                urls.append(candidate.split()[0])
    for tag in soup.find_all(["object"], data=True):
        urls.append(tag["data"])
    return urls


def stylesheets_and_scripts(soup: BeautifulSoup) -> list[str]:
    sheets = [
        link["href"]
        for link in soup.find_all("link", href=True)
        if "stylesheet" in link.get("rel", [])
    ]
    return sheets + [script["src"] for script in soup.find_all("script", src=True)]


def page_weight(output: Path, page: Path) -> int:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    total = page.stat().st_size
    for reference in stylesheets_and_scripts(soup):
        path = local_file(output, page, reference)
        assert path is not None and path.is_file(), f"{page}: {reference} is not a built file"
        total += path.stat().st_size
        if path.suffix == ".css":
            for imported in CSS_IMPORT.findall(path.read_text(encoding="utf-8")):
                nested = local_file(output, path, imported)
                assert nested is not None, f"{path}: imports {imported} from another host"
                total += nested.stat().st_size
    return total


def test_every_article_page_stays_within_60_kb(sample_site):
    output = sample_site.output
    weights = {
        str(page.relative_to(output)): page_weight(output, page) for page in article_pages(output)
    }
    over = {page: size for page, size in weights.items() if size > BUDGET_BYTES}
    assert not over, f"over {BUDGET_BYTES} bytes (HTML + CSS + JS): {over}"


def test_the_budget_counts_the_stylesheet(sample_site):
    """Guards the measurement itself: an article page references the theme CSS."""
    output = sample_site.output
    page = article_pages(output)[0]
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    sheets = [ref for ref in stylesheets_and_scripts(soup) if ref.endswith(".css")]
    assert sheets, "an article page without a stylesheet"
    assert page_weight(output, page) > page.stat().st_size + 1000


def test_no_web_fonts(sample_site):
    output = sample_site.output
    fonts = [str(p.relative_to(output)) for p in output.rglob("*") if p.suffix in FONT_FILES]
    assert fonts == []
    for css in output.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "@font-face" not in text, f"{css.relative_to(output)} declares a web font"
    for page in [*article_pages(output)[:5], output / "index.html"]:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        preloads = [link for link in soup.find_all("link") if link.get("as") == "font"]
        assert preloads == [], page


def test_no_request_to_another_host(sample_site):
    output = sample_site.output
    pages = [*article_pages(output), output / "index.html"]
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        for reference in requested(soup):
            assert local_file(output, page, reference) is not None, (
                f"{page.relative_to(output)} loads {reference} from another host"
            )
    for css in output.rglob("*.css"):
        for reference in CSS_URL.findall(css.read_text(encoding="utf-8")):
            if reference.startswith("data:"):
                continue
            assert local_file(output, css, reference) is not None, (
                f"{css.relative_to(output)} loads {reference} from another host"
            )
