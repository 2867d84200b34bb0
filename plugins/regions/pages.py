"""The tree of region pages: which units have news, their articles and counts (pure).

A unit has a page when it or one of its descendants has an article; a parent's
page includes its children's articles. Articles keep the order they are given in
(newest first).
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


# How many of a region's newest articles the article aside may show (it shows
# four, after leaving out the article itself and those under "Berita terbaru").
ASIDE_LATEST = 10


@dataclass(frozen=True)
class AsideRegion:
    """What an article page's aside shows of one region: only this, so that an
    article page depends on the newest articles of the regions it may name,
    not on every region page's whole list."""

    code: str
    title: str
    url: str
    count: int
    latest: tuple = ()


def aside_regions(pages: dict[str, RegionPage], entries: list[HomeEntry], home: str | None):
    """{"home": code or None, "pages": {code: AsideRegion}} for the kabupaten/kota
    of the home province with news, and the home province itself."""
    chosen = [entry.page for entry in entries if entry.page is not None]
    if home and home in pages:
        chosen.append(pages[home])
    return {
        "home": home if home and home in pages else None,
        "pages": {
            page.code: AsideRegion(
                page.code, page.title, page.url, page.count, tuple(page.articles[:ASIDE_LATEST])
            )
            for page in chosen
        },
    }
