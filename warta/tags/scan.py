"""What the text of an article yields (no Pelican import).

`find` scans one article's title and HTML body for detection phrases,
registered officials (with the office the text names beside them, read in the
context of the article's region codes) and unregistered ones. It is the costly
part of the official tags stage (`stage.py`); the enrichment pipeline caches
the stage's result by source (`warta/pipeline.py`), so a warm build scans only
new and edited articles.
"""

from __future__ import annotations

from dataclasses import dataclass

from .detection import PhraseMatcher, detected_tags, plain_text
from .offices import RegionReader, StatedOffice, serves, stated_offices
from .officials import Registry, discover


@dataclass(frozen=True)
class Findings:
    """What one article's text yields.

    `tags`: detected official-tag slugs, or None when detection was not asked
    for (`Tags-Auto: no`, OFFICIAL_TAGS_DETECT = False); `officials`: slugs of
    registered officials in order of first mention; `discovered`: (name,
    position) of officials named in the text but not registered; `stated`: the
    office the text names beside a registered official's name.
    """

    tags: tuple[str, ...] | None
    officials: tuple[str, ...]
    discovered: tuple[tuple[str, str], ...]
    stated: tuple[StatedOffice, ...] = ()


def find(
    title: str,
    html: str,
    *,
    tag_matcher: PhraseMatcher,
    registry: Registry,
    min_mentions: int,
    with_tags: bool,
    regions: RegionReader | None = None,
    context: tuple[str, ...] = (),
) -> Findings:
    """Scan one article: the work the cache saves. `context`: the article's
    region codes, in which kecamatan names of offices are read."""
    text = f"{title}\n{plain_text(html)}"
    tags = tuple(detected_tags(text, tag_matcher, min_mentions)) if with_tags else None
    mentions = registry.mentions(text, heading=len(title))
    reader = regions or RegionReader()
    discovered = discover(
        text, registry, lambda person, position: serves(person, position, reader, context)
    )
    return Findings(
        tags=tags,
        officials=tuple(dict.fromkeys(slug for slug, _ in mentions)),
        discovered=tuple((found.name, found.position) for found in discovered),
        stated=tuple(stated_offices(text, mentions, reader, context)),
    )
