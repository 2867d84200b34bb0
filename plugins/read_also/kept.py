"""read_also's rewrites kept between builds, in CACHE_PATH/read_also/ (no Pelican import).

A release's BACA JUGA lines are rewritten from its body (`_content` as the
plugins before read_also left it), its folder (a `{filename}` link is read
from there) and the site's catalogue. A rewrite is kept by source path with
what it read:

- the body's digest and its source path;
- the catalogue's `base` digest: SITEURL, PUBLIC_SITEURL, every published
  article's headline and source path in order, every unpublished one's
  headline, source path, slug and whether it is written (what a headline, a
  `{filename}` link, an unpublished name and the nearest file are looked up in);
- when a line looked an address up (`Catalogue.addresses_asked`), the digest
  of every published article's address in order (made only then: Pelican
  formats each address at each ask);
- each answer content/ gave about a file (`Catalogue.files_asked`), asked
  again before the rewrite is used.

The rewrite's result (the new body or None, the articles linked, the lines'
problems) is then set as when made; the problems' findings are made again
from them, so a warm build says what a cold one says. The file is a
`warta.cachelog.CacheLog` keyed by the code (warta's and this plugin's): one
that cannot be read is an empty cache, the build goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from warta.cachelog import CacheLog
from warta.fingerprint import hash_text

FORMAT = "warta-read-also-1"

# (new body or None, ((source path, title), …), ((number, reason, value, kept), …))
Result = tuple


def base_digest(
    siteurl: str,
    public_siteurl: str,
    published: list[tuple[str, str]],
    unpublished: list[tuple[str, str, str, bool]],
) -> str:
    """Digest of what every line may read of the catalogue but the addresses."""
    parts = [siteurl, public_siteurl, str(len(published))]
    for title, path in published:
        parts += (title, path)
    parts.append(str(len(unpublished)))
    for title, path, slug, written in unpublished:
        parts += (title, path, slug, "w" if written else "-")
    return hash_text(*parts)


def body_digest(body: str, source_path: str) -> str:
    return hash_text(source_path, body)


class KeptRewrites:
    """Source path → (body digest, base digest, addresses' digest or None,
    ((path, is a file), …), result)."""

    def __init__(self, path: str | Path, code: list[str]) -> None:
        self._files = CacheLog(
            path,
            hash_text(FORMAT, *code),
            owner="read_also",
            consequence="the next build reads every BACA JUGA line again",
        )
        self.entries: dict = self._files.load()
        self.kept: dict = {}  # what the next save writes: this build's rewrites
        self.hits = 0

    def get(
        self,
        source_path: str,
        body: str,
        base: str,
        addresses: Callable[[], str],
        is_file: Callable[[str], bool],
    ) -> Result | None:
        """The kept result when nothing the rewrite read has changed."""
        entry = self.entries.get(source_path)
        if entry is None:
            return None
        try:
            body_key, stored_base, stored_addresses, files, result = entry
            if body_key != body_digest(body, source_path) or stored_base != base:
                return None
            if stored_addresses is not None and stored_addresses != addresses():
                return None
            if any(bool(is_file(path)) != answer for path, answer in files):
                return None
        except (TypeError, ValueError):  # not this code's entry
            return None
        self.kept[source_path] = entry
        self.hits += 1
        return result

    def put(
        self,
        source_path: str,
        body: str,
        base: str,
        addresses: str | None,
        files: dict[str, bool],
        result: Result,
    ) -> None:
        self.kept[source_path] = (
            body_digest(body, source_path),
            base,
            addresses,
            tuple(sorted(files.items())),
            result,
        )

    def save(self) -> None:
        self._files.save(self.kept)
