"""What a link preview and a search engine read from the public build's pages:
OpenGraph and Twitter tags on every page kind, and the NewsArticle JSON-LD of
every article with the fields Google asks for (headline of at most 110
characters, image, dates with their offset, author, publisher logo), also
for a title with quotes, `</script>` and an emoji and a release without a
photo."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PIL import Image

import gates
from conftest import REPO

HEADLINE_MAX = 110


@pytest.fixture(scope="module")
def siteurl() -> str:
    from warta.build import load_settings

    return load_settings(REPO / "publishconf.py")["SITEURL"]


def local_file(output: Path, siteurl: str, url: str) -> Path:
    """The built file an absolute URL of the site names (none for another URL)."""
    if not url.startswith(siteurl + "/"):
        return output / "(not an address of the site)"
    path = urlsplit(url).path[len(urlsplit(siteurl).path) :].lstrip("/")
    target = output / path
    return target / "index.html" if url.endswith("/") else target


def metas(page) -> dict[str, str]:
    found = {}
    for meta in page.tree.iter("meta"):
        key = meta.get("property") or meta.get("name")
        if key:
            found[key] = meta.get("content")
    return found


def test_every_page_kind_has_a_preview_with_an_image(published_site, siteurl):
    """Only article pages had an og:image: a link to the home page, a region,
    a tag or a listing shared in WhatsApp showed no picture. Pages without a
    photo of their own show the site's logo, as a small square card."""
    problems = []
    kinds = gates.page_kinds(published_site.output)
    for pattern, page in kinds.items():
        if pattern == "/404.html" or pattern.startswith("admin"):
            continue
        found = metas(page)
        [canonical] = page.tree.xpath("//link[@rel='canonical']/@href")
        where = f"{page.url} [{pattern}]"
        if canonical != siteurl + page.url:
            problems.append(f"{where}: canonical {canonical!r}")
        if found.get("og:url") != canonical:
            problems.append(f"{where}: og:url {found.get('og:url')!r} is not the canonical")
        for key in ("og:title", "og:description", "og:type", "twitter:title"):
            if not (found.get(key) or "").strip():
                problems.append(f"{where}: no {key}")
        image = found.get("og:image")
        if not image:
            problems.append(f"{where}: no og:image")
            continue
        file = local_file(published_site.output, siteurl, image)
        if not file.is_file():
            problems.append(f"{where}: og:image {image} is no file")
            continue
        with Image.open(file) as picture:
            kind, (width, height) = picture.format, picture.size
        if kind not in ("PNG", "JPEG", "WEBP", "GIF"):
            problems.append(f"{where}: og:image is {kind}")
        large = width >= 1200 and width > height
        wanted = "summary_large_image" if large else "summary"
        if found.get("twitter:card") != wanted:
            problems.append(
                f"{where}: twitter:card {found.get('twitter:card')!r} for {width}×{height}"
            )
    assert not problems, "\n".join(problems)
    assert "berita/*/*/*/" in kinds and "wilayah/*/*/" in kinds
