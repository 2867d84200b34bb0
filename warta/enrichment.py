"""What warta adds to one article, as one typed object (no Pelican import).

Every article gets `article.enrichment`, an `Enrichment`. Its first part is
computed from the article's source and the data files alone, by the stages of
the pipeline (`warta/pipeline.py`: regions, then official tags and officials),
in worker processes on a cold build and from the cache on a warm one. The rest
needs the whole site and is filled in Pelican's process by the plugin that owns
it (related articles, BACA JUGA links, corrections, comments, photo, social
card). Templates and plugins read these fields; nothing is passed around as
string keys. `as_data()` is the JSON form published as `_warta` in /feed.json.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .findings import Finding

# The name of the (blinker) signal the enrichment plugin sends with the articles
# generator once every article has its Enrichment, still before Pelican builds
# its tags, categories and authors: a plugin that sets what those are built
# from, out of an article's regions, connects to it (`signal(ARTICLES_ENRICHED)`)
# and so runs after the pipeline whatever the order of PLUGINS.
ARTICLES_ENRICHED = "warta_articles_enriched"

# How an article got a region.
FROM_METADATA = "metadata"  # Region: / Wilayah:
# (inferred: the dateline's place, or the office named in the lead; see warta.regions.dateline)

# How an article got an official tag.
TYPED = "typed"  # written in Tags:
DETECTED = "detected"  # its detection phrases occur in the text


@dataclass(frozen=True)
class Place:
    """A unit of the Kemendagri gazetteer, with the address of its region page."""

    code: str
    name: str
    level: str
    url: str


@dataclass(frozen=True)
class RegionRef(Place):
    """One of the article's regions: the unit, how it was found, and its ancestors
    (province first) for breadcrumbs and schema.org places."""

    source: str = FROM_METADATA
    ancestors: tuple[Place, ...] = ()

    @property
    def inferred(self) -> bool:
        return self.source != FROM_METADATA


@dataclass(frozen=True)
class TagRef:
    """An official tag of the article and where it came from."""

    slug: str
    name: str
    group: str
    provenance: str = TYPED

    @property
    def auto(self) -> bool:
        return self.provenance == DETECTED


@dataclass(frozen=True)
class OfficialRef:
    """A registered official the article names, with the position held on its date."""

    slug: str
    name: str
    position: str | None
    office: str | None


@dataclass(frozen=True)
class ReadAlsoLink:
    """A BACA JUGA line that became a link to another article of the site."""

    source_path: str  # of the linked article, relative to the content folder
    title: str


@dataclass(frozen=True)
class AsideLink:
    """A release as the aside lists it: its title, address and date, nothing else.

    Not the Article: the writer counts an article shown on a page by its whole
    state (its own "Baca juga", its neighbours), which changes when a newer
    release arrives; a page that shows only these three changes only when they do."""

    title: str
    url: str
    date: datetime


@dataclass(frozen=True)
class AsideRegion:
    """The region box of one article's aside: the region, the releases of that
    region published before the article (newest first) and the first one after it.

    Looking only backwards, `earlier` never changes when a newer release is
    published; `later` changes on the page of the region's newest release
    until then: at most two pages per new release (its kabupaten/kota's newest,
    and the province's newest when that has the province's box). No count: it
    would change every page of the region."""

    code: str
    title: str
    url: str
    earlier: tuple[AsideLink, ...] = ()
    later: AsideLink | None = None


@dataclass
class Enrichment:
    """Everything warta adds to one article.

    From the source and the data files (the pipeline's stages; cached by
    source): `regions`, `official_tags`, `free_tags` (typed tags outside the
    vocabulary, kept with OFFICIAL_TAGS_ALLOW_FREE), `officials`, `findings`
    (every problem the stages found, with file and line; reported on every
    build, cached or not), `search_words` (the words search finds it by
    besides its text: `warta.search`) and `search_regions` (its regions and
    their ancestors named for search's filter).

    From the whole site (Pelican's process, every build): `related` (keys of
    the related articles, best first), `read_also`, `corrections`, `comments`,
    `image`, `social_card`.
    """

    regions: tuple[RegionRef, ...] = ()
    official_tags: tuple[TagRef, ...] = ()
    free_tags: tuple[str, ...] = ()
    officials: tuple[OfficialRef, ...] = ()
    findings: tuple[Finding, ...] = ()
    search_words: str = ""  # (the search_words stage)
    search_regions: tuple[str, ...] = ()  # (the search_words stage: the filter `wilayah`)
    # Which stages ran (a stage absent from PLUGINS leaves its fields empty,
    # and readers fall back, e.g. related scores Pelican's own tags).
    stages: tuple[str, ...] = ()

    related: tuple[str, ...] | None = None  # None: the related plugin did not run
    read_also: tuple[ReadAlsoLink, ...] = ()
    corrections: tuple[dict[str, Any], ...] = ()
    comments: dict[str, Any] | None = None
    image: dict[str, Any] | None = None
    social_card: str | None = None
    region_aside: AsideRegion | None = None  # the article aside's region box (regions)
    # codes of its regions (and their ancestors) with no page: named, not linked (regions)
    regions_without_page: tuple[str, ...] = ()

    # Fields computed from the source alone: what the pipeline's cache keeps.
    SOURCE_FIELDS = (
        "regions",
        "official_tags",
        "free_tags",
        "officials",
        "findings",
        "search_words",
        "search_regions",
        "stages",
    )

    @property
    def region_codes(self) -> tuple[str, ...]:
        return tuple(region.code for region in self.regions)

    @property
    def tag_slugs(self) -> tuple[str, ...]:
        return tuple(tag.slug for tag in self.official_tags)

    def from_source(self) -> Enrichment:
        """A new Enrichment with only the fields computed from the source."""
        return Enrichment(**{name: getattr(self, name) for name in self.SOURCE_FIELDS})

    def as_data(self) -> dict[str, Any]:
        """The JSON form, published as each /feed.json item's `_warta` object.

        A field is present when the stage or plugin that fills it ran (as the
        metadata dicts it replaces were)."""
        data: dict[str, Any] = {}
        if "regions" in self.stages:
            data["regions"] = [
                {
                    "code": region.code,
                    "name": region.name,
                    "level": region.level,
                    "inferred": region.inferred,
                    "source": region.source,
                    "url": region.url,
                    "ancestors": [dataclasses.asdict(place) for place in region.ancestors],
                }
                for region in self.regions
            ]
        if "official_tags" in self.stages:
            data["official_tags"] = [
                {"slug": t.slug, "name": t.name, "group": t.group, "auto": t.auto}
                for t in self.official_tags
            ]
            data["officials"] = [dataclasses.asdict(person) for person in self.officials]
        for name in ("corrections", "comments", "image", "social_card"):
            value = getattr(self, name)
            if value:
                data[name] = list(value) if isinstance(value, tuple) else value
        if self.related is not None:
            data["related"] = list(self.related)
        return data


def enrichment_of(content: Any) -> Enrichment:
    """The article's Enrichment, made empty when no plugin gave it one (a page,
    or a build without the enrichment plugin)."""
    found = getattr(content, "enrichment", None)
    if not isinstance(found, Enrichment):
        found = Enrichment()
        content.enrichment = found
    return found


__all__ = [
    "ARTICLES_ENRICHED",
    "DETECTED",
    "FROM_METADATA",
    "TYPED",
    "AsideLink",
    "AsideRegion",
    "Enrichment",
    "OfficialRef",
    "Place",
    "ReadAlsoLink",
    "RegionRef",
    "TagRef",
    "enrichment_of",
]
