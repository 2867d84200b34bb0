"""regions: Kemendagri regions for every article, and the /wilayah/ pages.

Adds to the site:
- each article's regions from its `Region:` / `Wilayah:` metadata (codes, names or
  aliases, comma-separated), else inferred from its dateline or the office in its
  lead: the `regions` stage of the enrichment pipeline (`warta.regions.stage`),
  read as `article.enrichment.regions` (published in /feed.json as
  `_warta.regions`);
- `/wilayah/` (provinces and kabupaten/kota with news, a bar chart of the home
  province), and one paginated page with an Atom feed per province, kabupaten/kota
  and kecamatan that has news (the feed's rel=alternate link is its page:
  `feed_page_url` in the context handed to the writer's `write_feed`).
- Template context: `regions_index` (the /wilayah/ pages and the home page's
  shortcut).
- `article.enrichment.regions_without_page` on every article whose page is
  written: the codes among its regions (and their ancestors) that have no page
  (only a release that is not listed can name one), shown without a link;
- `article.enrichment.region_aside` on every article whose page is written:
  the region box of its aside (`warta.enrichment.AsideRegion`: the region, its up to four listed
  releases published before the article, and the first one after it), or None.
  It looks backwards: a newer release changes no article page but the one
  that was its region's newest (its "next" link). An article page reads only
  its own box; a box shows titles, addresses and dates, not the articles
  themselves (the writer would count their whole state).

The gazetteer, dateline inference and the stage are in `warta.regions` (no
Pelican import); this plugin adds the stage to the pipeline (the `enrichment`
plugin runs it) and writes the pages (`pages.py`, `charts.py`).

Problems are log lines: an unknown or ambiguous region is an error, an article
with no region a warning (an error under --strict), a bad line in the aliases
file an error pointing at the line.
"""

from __future__ import annotations

import logging

from pelican import signals
from pelican.generators import ArticlesGenerator, Generator

from warta import findings, published
from warta.enrichment import enrichment_of
from warta.findings import Finding
from warta.pipeline import pipeline_of
from warta.published import check_only
from warta.regions.configured import ALIASES_DEFAULT, GAZETTEER_DEFAULT
from warta.regions.configured import load_configured as load_gazetteer
from warta.regions.gazetteer import Gazetteer, Problem
from warta.regions.stage import RegionOptions, RegionsStage

from . import pages
from .charts import bar_chart

logger = logging.getLogger(__name__)

DEFAULTS = {
    # Data files; relative paths are taken from the project root
    # (loaded by warta.regions.configured).
    "REGIONS_GAZETTEER": GAZETTEER_DEFAULT,
    "REGIONS_ALIASES": ALIASES_DEFAULT,
    # Kemendagri code of the province the site serves: listed first, and it wins
    # when a name fits a unit there and one elsewhere.
    "REGIONS_HOME_PROVINCE": None,
    "REGIONS_METADATA_KEYS": ("region", "wilayah"),
    "REGIONS_INFER": True,
    "REGIONS_INDEX_URL": "wilayah/",
    "REGIONS_INDEX_SAVE_AS": "wilayah/index.html",
    "REGIONS_URL": "wilayah/{path}/",
    "REGIONS_SAVE_AS": "wilayah/{path}/index.html",
    "REGIONS_FEED_ATOM": "wilayah/{path}/feed.xml",
    "REGIONS_PER_PAGE": None,  # None: DEFAULT_PAGINATION
    "REGIONS_CHART_MONTHS": 12,
    "REGIONS_ATTRIBUTION": "Data wilayah: idn-area-data (ODbL)",
    # Slug of the credits page the attribution links to (plain text when no such page).
    "REGIONS_ATTRIBUTION_PAGE": "kredit",
}
TEMPLATE_INDEX = "wilayah_index"
TEMPLATE_PAGE = "wilayah"


def settings_of(settings: dict) -> dict:
    """The plugin's settings with defaults filled in (the one place defaults live)."""
    return {key: settings.get(key, default) for key, default in DEFAULTS.items()}


# ---- articles ---------------------------------------------------------------


def problem_finding(problem: Problem) -> Finding:
    """A data-file or setting problem as a Finding (its text as `Problem.format`)."""
    message = f"{problem.message}: {problem.value!r}" if problem.value else problem.message
    return Finding(problem.path, problem.line or None, "error", message, problem.hint)


def add_stage(generator) -> None:
    """article_generator_init: the regions stage joins the enrichment pipeline
    (`warta.regions.stage`; the enrichment plugin runs it for every article)."""
    gazetteer, problems = load_gazetteer(generator.settings)
    for problem in problems:
        findings.report(logger, problem_finding(problem))
    if gazetteer is None:
        return
    options = settings_of(generator.settings)
    stage_options = RegionOptions(
        metadata_keys=tuple(options["REGIONS_METADATA_KEYS"]),
        infer=bool(options["REGIONS_INFER"]),
        home_province=options["REGIONS_HOME_PROVINCE"],
        url=options["REGIONS_URL"],
    )
    pipeline_of(generator.context).add(RegionsStage(gazetteer, stage_options))


# ---- pages -----------------------------------------------------------------


class RegionsGenerator(Generator):
    """Collects region pages into the context, then writes them and their feeds."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.options = settings_of(self.settings)
        paginated = self.settings.setdefault("PAGINATED_TEMPLATES", {})
        paginated.setdefault(TEMPLATE_PAGE, self.options["REGIONS_PER_PAGE"])
        self.pages: dict[str, pages.RegionPage] = {}
        self.gazetteer: Gazetteer | None = None

    def generate_context(self):
        self.gazetteer, _ = load_gazetteer(self.settings)  # problems logged by enrich
        for key, value in self.options.items():
            self.context.setdefault(key, value)
        if self.gazetteer is None:
            self.context["regions_index"] = None
            return
        articles = self.context.get("articles", [])
        items = []
        for article in articles:
            codes = list(enrichment_of(article).region_codes)
            items.append((article, codes, (article.date.year, article.date.month)))
        end = max(((a.date.year, a.date.month) for a in articles), default=None)
        self.pages = pages.build_pages(
            self.gazetteer,
            items,
            url=self.options["REGIONS_URL"],
            save_as=self.options["REGIONS_SAVE_AS"],
            feed=self.options["REGIONS_FEED_ATOM"],
            chart_end=end,
            chart_months=self.options["REGIONS_CHART_MONTHS"],
        )
        home = self.options["REGIONS_HOME_PROVINCE"]
        home_entries = pages.home_entries(self.gazetteer, self.pages, home)
        self.context["regions_index"] = {
            "url": self.options["REGIONS_INDEX_URL"],
            "home": self.pages.get(home) if home else None,
            "home_unit": self.gazetteer[home] if home and home in self.gazetteer else None,
            "home_entries": home_entries,
            "home_chart": bar_chart([(e.unit.name, e.count) for e in home_entries])
            if home_entries
            else None,
            "provinces": pages.provinces_first(self.pages, home),
            "attribution": self.options["REGIONS_ATTRIBUTION"],
            "attribution_url": self.credits_url(),
        }

    def credits_url(self) -> str | None:
        slug = self.options["REGIONS_ATTRIBUTION_PAGE"]
        for page in self.context.get("pages", []):
            if slug and page.slug == slug:
                return page.url
        return None

    def generate_output(self, writer):
        index = self.context.get("regions_index")
        if index is None:
            return
        relative = self.settings.get("RELATIVE_URLS", False)
        writer.write_file(
            self.options["REGIONS_INDEX_SAVE_AS"],
            self.get_template(TEMPLATE_INDEX),
            self.context,
            relative,
            url=self.options["REGIONS_INDEX_URL"],
            regions_index=index,
        )
        template = self.get_template(TEMPLATE_PAGE)
        for page in sorted(self.pages.values(), key=lambda p: p.save_as):
            writer.write_file(
                page.save_as,
                template,
                self.context,
                relative,
                paginated={"articles": page.articles},
                template_name=TEMPLATE_PAGE,
                url=page.url,
                region=page,
                articles=page.articles,
                regions_index=index,
            )
            if page.feed:
                writer.write_feed(
                    page.articles,
                    {**self.context, "feed_page_url": page.url},  # its rel=alternate link
                    page.feed,
                    feed_title=page.title,  # Pelican puts "SITENAME - " before it
                )


def add_asides(generators) -> None:
    """all_generators_finalized: every article's aside region box
    (`article.enrichment.region_aside`), from the region pages and the published set."""
    articles_generator = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)
    regions = next((g for g in generators if isinstance(g, RegionsGenerator)), None)
    if articles_generator is None or check_only(articles_generator.settings):
        return  # (`invoke check` renders no aside)
    articles = published.written_articles(articles_generator)
    if regions is None or regions.gazetteer is None:
        for article in articles:
            enrichment_of(article).region_aside = None
        return
    boxes = pages.aside_regions(
        regions.pages,
        regions.options["REGIONS_HOME_PROVINCE"],
        articles,
        lambda article: enrichment_of(article).regions,
        published.is_listed,
    )
    for article in articles:
        enrichment = enrichment_of(article)
        enrichment.region_aside = boxes[id(article)]
        enrichment.regions_without_page = without_page(enrichment.regions, regions.pages)


def without_page(regions, written) -> tuple[str, ...]:
    """The codes among an article's regions and their ancestors whose page is
    not written. A release written but not listed (Status: hidden, a draft's
    preview) counts on no region page, so the page of a region only it names
    does not exist, and its header names that region without a link
    (partials/article_regions.html). Kept in the article's own enrichment, not
    as the site's list of pages: an article page then renders again only when
    its own regions' pages come or go, not whenever any region gets its first
    release."""
    missing = []
    for region in regions:
        for place in (*region.ancestors, region):
            if place.code not in written and place.code not in missing:
                missing.append(place.code)
    return tuple(missing)


def get_generators(pelican):
    return RegionsGenerator


def register():
    signals.article_generator_init.connect(add_stage)
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(add_asides)
