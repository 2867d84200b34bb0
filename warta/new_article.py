"""`invoke new`: write a new release with complete front matter (no Pelican import).

The slug and the comment-thread id are written here, once, so the article's
address and its comments survive later edits of its title or date.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

SLUG_MAX = 80
SLUG_LINE_RE = re.compile(r"^Slug:\s*(?P<slug>\S+)\s*$", re.I | re.M)


class NewArticleError(Exception):
    """Something the writer must change; the message says what."""


@dataclass(frozen=True)
class NewArticle:
    title: str
    region: str  # canonical region value as written in front matter
    category: str
    author: str
    tags: tuple[str, ...]
    when: dt.datetime
    slug: str
    thread: str

    def front_matter(self) -> str:
        lines = [
            f"Title: {self.title}",
            f"Date: {self.when:%Y-%m-%d %H:%M}",
            f"Slug: {self.slug}",
            f"Category: {self.category}",
            f"Author: {self.author}",
            f"Region: {self.region}",
        ]
        if self.tags:
            lines.append(f"Tags: {', '.join(self.tags)}")
        lines += ["Summary: ", f"Thread: {self.thread}"]
        return "\n".join(lines) + "\n\n"

    def relative_path(self) -> Path:
        return Path("berita") / f"{self.when:%Y}" / f"{self.when:%Y-%m-%d}-{self.slug}.md"


def slugify(title: str, limit: int = SLUG_MAX) -> str:
    """ASCII, lowercase, hyphenated, cut at a word boundary within `limit`."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug or words[0][:limit] if words else ""


def existing_slugs(content: Path) -> dict[str, Path]:
    """Slug → file for every Markdown file under content/ that declares one."""
    slugs = {}
    for path in sorted(content.rglob("*.md")):
        match = SLUG_LINE_RE.search(path.read_text(encoding="utf-8", errors="replace")[:4000])
        if match:
            slugs[match["slug"]] = path
    return slugs


def prepare(
    title: str,
    *,
    region: str,
    category: str,
    author: str,
    tags: Iterable[str],
    rubrik: Iterable[str],
    resolve_region: Callable[[str], str],
    resolve_tag: Callable[[str], str],
    content: Path,
    now: dt.datetime | None = None,
    timezone: str = "Asia/Jakarta",
) -> NewArticle:
    """Validate everything first; raise NewArticleError with a fix on the first problem.

    `resolve_region` / `resolve_tag` return the canonical value or raise
    NewArticleError naming the closest matches.
    """
    title = " ".join(title.split())
    if len(title) < 10:
        raise NewArticleError(f"title too short: {title!r} (write the full headline)")
    if not region.strip():
        raise NewArticleError('no region: add --wilayah "Kota Palembang" (name, alias or code)')
    rubrik = tuple(rubrik)
    if category not in rubrik:
        raise NewArticleError(f"unknown rubrik {category!r} (use one of: {', '.join(rubrik)})")
    canonical_region = resolve_region(region)
    canonical_tags = tuple(dict.fromkeys(resolve_tag(tag) for tag in tags if tag.strip()))
    slug = slugify(title)
    if not slug:
        raise NewArticleError(f"cannot make an address from the title {title!r}")
    taken = existing_slugs(content)
    if slug in taken:
        raise NewArticleError(
            f"the slug {slug!r} is already used by {taken[slug]} "
            "(change the title so the address differs)"
        )
    when = (now or dt.datetime.now(dt.UTC)).astimezone(ZoneInfo(timezone)).replace(tzinfo=None)
    article = NewArticle(
        title=title,
        region=canonical_region,
        category=category,
        author=author,
        tags=canonical_tags,
        when=when.replace(second=0, microsecond=0),
        slug=slug,
        thread=uuid.uuid4().hex,
    )
    if (content / article.relative_path()).exists():
        raise NewArticleError(f"{content / article.relative_path()} already exists")
    return article


def write(article: NewArticle, content: Path) -> Path:
    path = content / article.relative_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:  # never overwrite
        handle.write(article.front_matter())
    return path
