"""The tree of region pages: which units have news, their articles and counts (pure).

A unit has a page when it or one of its descendants has an article; a parent's
page includes its children's articles. Articles keep the order they are given in
(newest first).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from operator import itemgetter

from warta.enrichment import AsideLink, AsideRegion
from warta.regions.gazetteer import LEVEL_LABELS, Gazetteer, Unit, code_sort_key

from .charts import MonthlyChart, monthly_chart


@dataclass
class RegionPage:
    unit: Unit
    path: str
    url: str
    save_as: str
    feed: str
    parent: RegionPage | None = field(default=None, repr=False)  # back-link, not its value
    articles: list = field(default_factory=list)
    children: list[RegionPage] = field(default_factory=list)
    months: dict[tuple[int, int], int] = field(default_factory=dict)
    chart: MonthlyChart | None = None

    @property
    def code(self) -> str:
        return self.unit.code

    @property
    def level(self) -> str:
        return self.unit.level

    @property
    def kind(self) -> str:
        """What the unit is, in Indonesian: Provinsi, Kabupaten, Kota, Kecamatan."""
        return LEVEL_LABELS[self.unit.level]

    @property
    def name(self) -> str:
        return self.unit.name

    @property
    def title(self) -> str:
        """Heading of its page: "Sumatera Selatan", "Kota Palembang", "Kecamatan Sako"."""
        if self.unit.level == "kecamatan":
            return f"Kecamatan {self.unit.name}"
        return self.unit.name

    @property
    def count(self) -> int:
        return len(self.articles)

    @property
    def lineage(self) -> list[RegionPage]:
        chain, page = [], self
        while page:
            chain.append(page)
            page = page.parent
        return list(reversed(chain))

    @property
    def children_label(self) -> str:
        return "Kabupaten/kota" if self.unit.level == "provinsi" else "Kecamatan"


def build_pages(
    gazetteer: Gazetteer,
    items: list[tuple[object, list[str], tuple[int, int]]],
    *,
    url: str,
    save_as: str,
    feed: str,
    chart_end: tuple[int, int] | None = None,
    chart_months: int = 12,
) -> dict[str, RegionPage]:
    """Pages by code from (article, region codes, (year, month)) triples.

    `url`, `save_as` and `feed` are patterns with `{path}` (the slug path).
    """
    pages: dict[str, RegionPage] = {}

    def page_for(code: str) -> RegionPage:
        if code not in pages:
            unit = gazetteer[code]
            parent = page_for(unit.parent) if unit.parent else None
            path = gazetteer.path_of(code)
            page = RegionPage(
                unit,
                path,
                url.format(path=path),
                save_as.format(path=path),
                feed.format(path=path) if feed else "",
                parent,
            )
            pages[code] = page
            if parent:
                parent.children.append(page)
        return pages[code]

    for article, codes, period in items:
        seen = set()
        for code in codes:
            if code not in gazetteer:
                continue
            for unit in gazetteer.lineage(code):
                if unit.code in seen:
                    continue
                seen.add(unit.code)
                page = page_for(unit.code)
                page.articles.append(article)
                page.months[period] = page.months.get(period, 0) + 1
    for page in pages.values():
        page.children.sort(key=lambda p: code_sort_key(p.code))
        if chart_end:
            page.chart = monthly_chart(page.months, chart_end, chart_months)
    return pages


def provinces_first(pages: dict[str, RegionPage], home: str | None) -> list[RegionPage]:
    """Province pages: the home province first, then by name."""
    provinces = [p for p in pages.values() if p.level == "provinsi"]
    return sorted(provinces, key=lambda p: (p.code != home, p.name))


@dataclass(frozen=True)
class HomeEntry:
    """A kabupaten/kota of the home province with its count (page None when no news)."""

    unit: Unit
    count: int
    page: RegionPage | None


def home_entries(
    gazetteer: Gazetteer, pages: dict[str, RegionPage], home: str | None
) -> list[HomeEntry]:
    if not home or home not in gazetteer:
        return []
    entries = []
    for unit in gazetteer.children_of(home):
        page = pages.get(unit.code)
        entries.append(HomeEntry(unit, page.count if page else 0, page))
    return sorted(entries, key=lambda e: code_sort_key(e.unit.code))


# How many earlier releases of its region the article aside lists.
ASIDE_EARLIER = 4


def aside_box_codes(pages: dict[str, RegionPage], home: str | None) -> set[str]:
    """Codes of the regions that have a box: the kabupaten/kota of the home
    province with news, and the home province itself."""
    if not home or home not in pages:
        return set()
    return {home} | {child.code for child in pages[home].children}


def aside_region_code(regions, boxes: set[str], home: str | None) -> str | None:
    """The region an article's aside shows: the first of its regions (or of
    their ancestors) with a box other than the home province; else the home
    province when its first region lies in it; else none.

    `regions`: the article's RegionRefs (each with `code` and `ancestors`)."""
    for region in regions:
        for code in [region.code, *(place.code for place in region.ancestors)]:
            if code != home and code in boxes:
                return code
    if regions and home in boxes:
        first = regions[0]
        if home in [first.code, *(place.code for place in first.ancestors)]:
            return home
    return None


_UNASKED = object()


def link_of(article) -> AsideLink:
    return AsideLink(article.title, article.url, article.date)


class AsideTimeline:
    """The listed releases of one region in publication order, to find those
    before and after any article (by date, then address: one order every build)."""

    def __init__(self, page: RegionPage, listed, entries: dict | None = None) -> None:
        """`entries`: each article's (key, link), or None when it is not
        listed, by `id`, shared by the timelines of one build (an article is
        in its regency's page and its province's: asked once)."""
        self.page = page
        if entries is None:
            entries = {}
        chosen = []
        for article in page.articles:
            entry = entries.get(id(article), _UNASKED)
            if entry is _UNASKED:
                entry = entries[id(article)] = (
                    ((article.date, article.url), link_of(article)) if listed(article) else None
                )
            if entry is not None:
                chosen.append(entry)
        chosen.sort(key=itemgetter(0))  # (stable: as the order of the page's articles)
        self.keys = [key for key, _ in chosen]
        self.links = [link for _, link in chosen]

    def around(self, article, *, limit: int = ASIDE_EARLIER) -> AsideRegion:
        key = (article.date, article.url)
        before = bisect_left(self.keys, key)
        after = bisect_right(self.keys, key)
        earlier = tuple(reversed(self.links[max(0, before - limit) : before]))
        later = self.links[after] if after < len(self.links) else None
        return AsideRegion(self.page.code, self.page.title, self.page.url, earlier, later)


def aside_regions(
    pages: dict[str, RegionPage], home: str | None, articles, region_refs, listed
) -> dict[int, AsideRegion | None]:
    """The aside's region box of each article (by `id`), or None.

    `articles`: every article whose page is written (listed or not);
    `region_refs(article)`: its RegionRefs; `listed(article)`: whether it may
    appear in a list (only those do: never a draft, hidden or embargoed one)."""
    boxes = aside_box_codes(pages, home)
    timelines: dict[str, AsideTimeline] = {}
    entries: dict[int, tuple | None] = {}  # (the articles stay alive: ids are theirs)
    found: dict[int, AsideRegion | None] = {}
    for article in articles:
        code = aside_region_code(region_refs(article), boxes, home)
        if code is None:
            found[id(article)] = None
            continue
        if code not in timelines:
            timelines[code] = AsideTimeline(pages[code], listed, entries)
        found[id(article)] = timelines[code].around(article)
    return found
