"""regions: Kemendagri regions for every article, and the /wilayah/ pages.

Adds to the site:
- each article's regions from its `Region:` / `Wilayah:` metadata (codes, names or
  aliases, comma-separated), else inferred from its dateline or the office in its
  lead, stored as `article.metadata["warta"]["regions"]` (also published in
  /feed.json as `_warta.regions`);
- `/wilayah/` (provinces and kabupaten/kota with news, a bar chart of the home
  province), and one paginated page with an Atom feed per province, kabupaten/kota
  and kecamatan that has news.

The gazetteer and dateline inference are in `warta.regions` (no Pelican
import); this plugin connects them to Pelican's signals and writes the pages
(`pages.py`, `charts.py`).

Problems are log lines: an unknown or ambiguous region is an error, an article
with no region a warning (an error under --strict), a bad line in the aliases
file an error pointing at the line.
"""

from __future__ import annotations

import logging

from pelican import signals
from pelican.generators import Generator

from warta import findings, frontmatter
from warta.contents import message_path
from warta.findings import Finding
from warta.regions import dateline
from warta.regions.configured import ALIASES_DEFAULT, GAZETTEER_DEFAULT
from warta.regions.configured import load_configured as load_gazetteer
from warta.regions.gazetteer import TIER_ALIAS, TIER_KECAMATAN, TIER_OFFICIAL, Gazetteer, Problem

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


def _candidates(units) -> str:
    return ", ".join(unit.label for unit in units)


def declared_regions(article, gazetteer: Gazetteer, options: dict, report) -> list[str] | None:
    """Codes from Region:/Wilayah:, or None when the article declares none."""
    values = []
    for key in options["REGIONS_METADATA_KEYS"]:
        raw = article.metadata.get(key)
        if raw is None:
            continue
        if isinstance(raw, list | tuple):
            raw = ",".join(str(v) for v in raw)
        values += [v.strip() for v in str(raw).split(",") if v.strip()]
    if not values:
        return None
    home = options["REGIONS_HOME_PROVINCE"]
    resolved: dict[str, str] = {}
    pending = []
    for value in values:
        found = gazetteer.resolve(value, home=home, tiers=(TIER_OFFICIAL, TIER_ALIAS))
        if found.unit:
            resolved[value] = found.unit.code
        elif found.problem == "ambiguous":
            report("error", "ambiguous region", value, found.candidates)
        else:
            pending.append(value)
    context = list(resolved.values())
    for value in pending:  # kecamatan names, narrowed by the other values
        found = gazetteer.resolve(value, context=context, home=home, tiers=(TIER_KECAMATAN,))
        if found.unit:
            resolved[value] = found.unit.code
        elif found.problem == "ambiguous":
            report("error", "ambiguous region", value, found.candidates)
        else:
            report("error", "unknown region", value, gazetteer.closest(value))
    return list(resolved.values())


def most_specific(codes: list[str], gazetteer: Gazetteer) -> list[str]:
    """Drop duplicates and units that are ancestors of another listed unit."""
    unique = list(dict.fromkeys(codes))
    return [
        code
        for code in unique
        if not any(other != code and gazetteer.is_within(other, code) for other in unique)
    ]


def region_entry(gazetteer: Gazetteer, code: str, options: dict, source: str) -> dict:
    unit = gazetteer[code]
    return {
        "code": unit.code,
        "name": unit.name,
        "level": unit.level,
        "inferred": source != "metadata",
        "source": source,
        "url": options["REGIONS_URL"].format(path=gazetteer.path_of(code)),
        "ancestors": [
            {
                "code": a.code,
                "name": a.name,
                "level": a.level,
                "url": options["REGIONS_URL"].format(path=gazetteer.path_of(a.code)),
            }
            for a in gazetteer.ancestors(code)
        ],
    }


def enrich_article(article, gazetteer: Gazetteer, options: dict, *, quiet: bool = False) -> None:
    keys = options["REGIONS_METADATA_KEYS"]

    def report(level, message, value, candidates):
        if quiet:
            return
        line = frontmatter.read_header(article.source_path).line(*keys)
        if message == "ambiguous region":
            hint = f"fits {_candidates(candidates)}; write the official name or the code"
        else:
            near = _candidates(candidates) or "no close match"
            hint = f"closest: {near}; use a Kemendagri code, an official name or an alias"
        findings.report(
            logger, Finding(message_path(article), line, level, f"{message}: {value!r}", hint)
        )

    codes = declared_regions(article, gazetteer, options, report)
    source = "metadata"
    if codes is None:
        codes = []
        inferred = None
        if options["REGIONS_INFER"]:
            content = getattr(article, "_content", "") or ""
            inferred = dateline.infer(gazetteer, content, options["REGIONS_HOME_PROVINCE"])
        if inferred:
            codes, source = [inferred.unit.code], inferred.source
        elif not quiet and dateline.first_paragraph(getattr(article, "_content", "") or ""):
            # (an article without text is reported once, by content_lint)
            opening = dateline.first_paragraph(getattr(article, "_content", "") or "")[:60]
            findings.report(
                logger,
                Finding(
                    message_path(article),
                    None,
                    "warning",
                    "no region: neither the dateline nor the lead names a known place: "
                    f"{opening!r}",
                    'add "Region: …" with a Kemendagri code, an official name or an alias',
                ),
            )
    entries = [
        region_entry(gazetteer, code, options, source) for code in most_specific(codes, gazetteer)
    ]
    warta = article.metadata.setdefault("warta", {})
    warta["regions"] = entries


def enrich_articles(generator) -> None:
    """article_generator_finalized: give every article its regions (cache-safe)."""
    gazetteer, problems = load_gazetteer(generator.settings)
    for problem in problems:
        findings.report(logger, problem_finding(problem))
    if gazetteer is None:
        return
    options = settings_of(generator.settings)
    published = [
        *generator.articles,
        *generator.translations,
        *getattr(generator, "hidden_articles", []),
        *getattr(generator, "hidden_translations", []),
    ]
    for article in published:
        enrich_article(article, gazetteer, options)
    # Drafts are not published: give them regions for previews, but no log lines.
    for article in [*generator.drafts, *getattr(generator, "drafts_translations", [])]:
        enrich_article(article, gazetteer, options, quiet=True)


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
            regions = article.metadata.get("warta", {}).get("regions", [])
            items.append(
                (article, [r["code"] for r in regions], (article.date.year, article.date.month))
            )
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
        site = self.settings.get("SITENAME", "")
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
                    self.context,
                    page.feed,
                    feed_title=f"{site} - {page.title}",
                )


def get_generators(pelican):
    return RegionsGenerator


def register():
    signals.article_generator_finalized.connect(enrich_articles)
    signals.get_generators.connect(get_generators)
