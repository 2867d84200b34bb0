"""official_tags: a curated tag vocabulary and a registry of officials.

What it adds to the site:
- `Tags:` values are normalised to the official vocabulary
  (data/official_tags.yaml): "pilkada serentak 2024" and "Pemilihan Serentak
  2024" become one tag with one page, /tag/pilkada-serentak-2024/. Unknown tags
  are warnings naming the nearest official tags, or the region a place name
  is, for `Region:` (dropped, or kept as free tags with
  OFFICIAL_TAGS_ALLOW_FREE = True).
- Official tags whose detection phrases occur in an article are added and
  marked as detected (`Tags-Auto: no` opts out); a stage only in an article
  dated around its `dates`.
- Officials of data/officials.yaml mentioned in an article are listed with the
  position they held on its date; /pejabat/ and /pejabat/{slug}/ are written.
- Officials named in the "Position Office, Name," pattern but not registered
  are reported as build suggestions.
- A registered name that the text gives another office than the registry on
  the article's date ("Anggota Bawaslu Mura, Nama" for a member of Bawaslu
  OKU) is not linked to the registry's person: the build suggests registering
  the namesake or adding the missing position, with the line
  (`warta/tags/offices.py`). Nor is a name given a role of another kind
  ("warga, Nama", "Kepala Desa …, Nama", "Nama (45)"), or named with no role
  in a release of a region none of the person's offices serves (a suggestion).
  Region words are read with the gazetteer and aliases the regions plugin
  uses (`warta.regions.configured`; `regions` comes before `official_tags` in
  PLUGINS, which gives the article's own regions); "Ketua Bawaslu, Nama"
  is read as the office of the article's own region.
- `article.enrichment.official_tags` (TagRef: slug, name, group, provenance) and
  `.officials` (OfficialRef: slug, name, position, office), published in
  /feed.json as `_warta.official_tags` and `_warta.officials`; `article.tags`
  holds the matching Pelican Tag objects (one per slug).
- Template context: `tag_groups` (/tag/), `official_tag_info` (/tag/{slug}/),
  `official_tags_home` (home page), `officials_by_office` (/pejabat/).

The vocabulary, the registry, detection and the per-article stage are in
`warta.tags` (no Pelican import; the stage is `warta/tags/stage.py`). This
plugin loads the data once per build, adds the stage to the enrichment
pipeline (after the regions stage: its regions are the context in which
offices are read; the `enrichment` plugin runs it and caches its result by
source), turns its tags into Pelican Tag objects, and writes the /tag/ and
/pejabat/ pages.

Settings (defaults in DEFAULTS): OFFICIAL_TAGS_VOCABULARY, OFFICIAL_TAGS_OFFICIALS,
OFFICIAL_TAGS_REGION_NAMES (gazetteer CSV for office names), OFFICIAL_TAGS_ALLOW_FREE,
OFFICIAL_TAGS_DETECT, OFFICIAL_TAGS_DETECT_MIN_MENTIONS, OFFICIAL_TAGS_HOME_LIMIT,
OFFICIAL_TAGS_TODAY (ISO date that decides "current" positions; default: the
day of the build),
OFFICIAL_TAGS_OFFICIAL_URL / _SAVE_AS, OFFICIAL_TAGS_OFFICIALS_URL / _SAVE_AS.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import weakref
from collections import defaultdict
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican import signals
from pelican.generators import Generator
from pelican.urlwrappers import Tag

from warta.contents import every_article
from warta.enrichment import enrichment_of
from warta.findings import Finding, report
from warta.pipeline import pipeline_of
from warta.plugin_order import active_plugins
from warta.regions.configured import GAZETTEER_DEFAULT, data_path, load_configured
from warta.tags.offices import RegionReader
from warta.tags.officials import (
    Registry,
    load_region_names,
    load_registry,
    names_that_are_tags,
    unlisted_titles,
)
from warta.tags.stage import OfficialTagsStage, TagOptions
from warta.tags.vocabulary import CONTEXT_KEY as VOCABULARY_CONTEXT_KEY
from warta.tags.vocabulary import GROUP_SLUGS, Vocabulary, load_vocabulary

logger = logging.getLogger(__name__)

DEFAULTS = {
    "OFFICIAL_TAGS_VOCABULARY": None,  # None: <DATA_PATH>/official_tags.yaml
    "OFFICIAL_TAGS_OFFICIALS": None,  # None: <DATA_PATH>/officials.yaml
    "OFFICIAL_TAGS_REGION_NAMES": None,  # None: <DATA_PATH>/regions/gazetteer.csv
    "OFFICIAL_TAGS_ALLOW_FREE": False,
    "OFFICIAL_TAGS_DETECT": True,
    # A detection phrase outside the title and lead must occur this often.
    "OFFICIAL_TAGS_DETECT_MIN_MENTIONS": 2,
    "OFFICIAL_TAGS_HOME_LIMIT": 8,
    "OFFICIAL_TAGS_TODAY": None,
    "OFFICIAL_TAGS_OFFICIAL_URL": "pejabat/{slug}/",
    "OFFICIAL_TAGS_OFFICIAL_SAVE_AS": "pejabat/{slug}/index.html",
    "OFFICIAL_TAGS_OFFICIALS_URL": "pejabat/",
    "OFFICIAL_TAGS_OFFICIALS_SAVE_AS": "pejabat/index.html",
}
# The data of each articles generator of a build (its stage and its Tag objects).
_BUILDS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
DEFAULT_FILES = {
    "OFFICIAL_TAGS_VOCABULARY": "official_tags.yaml",
    "OFFICIAL_TAGS_OFFICIALS": "officials.yaml",
    "OFFICIAL_TAGS_REGION_NAMES": "regions/gazetteer.csv",
}
# Positions listed first on /pejabat/ within an office.
POSITION_RANK = (
    "ketua",
    "anggota",
    "koordinator divisi",
    "kepala sekretariat",
    "koordinator sekretariat",
)


def apply_defaults(pelican) -> None:
    """Fill missing settings before Pelican copies them into the template context."""
    settings = pelican.settings
    data_path = Path(settings.get("DATA_PATH") or Path.cwd() / "data")
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
        if key in DEFAULT_FILES and not settings[key]:
            settings[key] = str(data_path / DEFAULT_FILES[key])
    # /pejabat/{slug}/ lists many articles: Pelican's writer paginates only
    # templates named in PAGINATED_TEMPLATES.
    settings.setdefault("PAGINATED_TEMPLATES", {}).setdefault("pejabat", None)


def unfollowed(path: str | Path) -> Path:
    """A data file's path made absolute, its folder resolved but not the file
    itself: a link is the link, not the file it points to (which is not
    read: `warta.yamlfile.link_refusal`)."""
    path = Path(os.path.abspath(path))
    return path.parent.resolve() / path.name


def display_path(path: str | Path) -> str:
    """A data file as staff know it: relative to the working folder when inside
    it (`unfollowed`: a link is named as itself)."""
    path = Path(path)
    try:
        return str(unfollowed(path).relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def regions_reader(settings: dict) -> tuple[RegionReader, str]:
    """The gazetteer (with aliases) the regions plugin uses, for reading office
    regions, and a digest of what it reads; an empty reader when that plugin is
    not in PLUGINS or its data cannot be read (the regions plugin reports why)."""
    if "regions" not in active_plugins(settings):
        return RegionReader(), "no regions plugin"
    gazetteer, _problems = load_configured(settings)
    if gazetteer is None:
        return RegionReader(), "no gazetteer"
    home = settings.get("REGIONS_HOME_PROVINCE")
    # (the gazetteer's code is in the pipeline's digest, with all of warta/)
    return RegionReader(gazetteer, home), f"{home}:{gazetteer.content_digest()}"


def read_by_regions(settings: dict, path: Path) -> bool:
    """Is `path` the gazetteer the regions plugin reads (and reports on) too?
    (A link to it is not: `unfollowed`.)"""
    if "regions" not in active_plugins(settings):
        return False
    gazetteer = data_path(settings.get("REGIONS_GAZETTEER", GAZETTEER_DEFAULT))
    return unfollowed(gazetteer) == unfollowed(path)


class BuildData:
    """Everything loaded and compiled once per build (never module-level)."""

    def __init__(self, settings: dict) -> None:
        self.settings = settings
        vocabulary_path = settings["OFFICIAL_TAGS_VOCABULARY"]
        self.vocabulary_display = display_path(vocabulary_path)
        names_path = Path(settings["OFFICIAL_TAGS_REGION_NAMES"])
        unreadable: list = []
        region_names = load_region_names(names_path, unreadable, display_path(names_path))
        self.vocabulary, problems = load_vocabulary(
            Path(vocabulary_path), self.vocabulary_display, region_names
        )
        if not read_by_regions(settings, names_path):  # (else the regions plugin says it)
            problems += unreadable
        officials_path = Path(settings["OFFICIAL_TAGS_OFFICIALS"])
        self.officials_display = display_path(officials_path)
        # True when officials.yaml yields no official (missing, empty, `[]`,
        # unreadable, or every entry broken): its errors say what to fix, once
        # each, and the names found in articles are not suggested as "not in
        # the registry" meanwhile (no further line says so).
        self.registry_unusable = False
        if officials_path.exists():
            self.registry, more = load_registry(
                officials_path, self.officials_display, region_names
            )
            problems += more
            self.registry_unusable = bool(more) and not self.registry.officials
            spellings = {key: tag.name for tag in self.vocabulary.tags for key in tag.spellings()}
            problems += names_that_are_tags(self.registry, spellings, self.officials_display)
            divisions = {
                key: tag.name.removeprefix("Divisi ")
                for tag in self.vocabulary.tags
                if tag.group == "Divisi"
                for key in tag.spellings()
            }
            problems += unlisted_titles(
                self.registry, divisions, self.officials_display, self.vocabulary.unusable
            )
        else:
            self.registry = Registry([])
            self.registry_unusable = True
            report(
                logger,
                Finding(
                    self.officials_display,
                    None,
                    "error",
                    "the officials registry file is missing",
                    "restore it from git, or point OFFICIAL_TAGS_OFFICIALS at it",
                ),
            )
        for problem in problems:
            # (the hint of a data-file problem is part of its message)
            report(logger, Finding(problem.path, problem.line or None, "error", problem.message))
        # Without a usable vocabulary every tag would be "unknown": the errors
        # above say what to fix, so typed tags are kept as they are meanwhile.
        self.vocabulary_unusable = not self.vocabulary.tags
        self.regions, self.regions_digest = regions_reader(settings)
        self.tag_objects: dict[str, Tag] = {}
        self._free_tags: dict[str, Tag] = {}
        today = settings.get("OFFICIAL_TAGS_TODAY")
        zone = ZoneInfo(settings.get("TIMEZONE") or "Asia/Jakarta")
        self.today = dt.datetime.now(zone).date()
        if today:
            try:
                self.today = dt.date.fromisoformat(str(today))
            except ValueError:
                report(
                    logger,
                    Finding(
                        "",
                        None,
                        "error",
                        f"OFFICIAL_TAGS_TODAY is not a date: '{today}'",
                        "write YYYY-MM-DD",
                    ),
                )

    def tag_object(self, name: str, slug: str | None = None) -> Tag:
        """One Tag object per slug: official tags keep their vocabulary slug.

        Looked up before `Tag()` is made: making one slugifies the name with
        Pelican's regexes, thousands of times a build for the same few tags."""
        if slug:
            if slug not in self.tag_objects:
                tag = Tag(name, self.settings)
                tag.slug = slug
                self.tag_objects[slug] = tag
            return self.tag_objects[slug]
        if name not in self._free_tags:
            tag = Tag(name, self.settings)
            self._free_tags[name] = self.tag_objects.setdefault(tag.slug, tag)
        return self._free_tags[name]

    def official_url(self, slug: str) -> str:
        return self.settings["OFFICIAL_TAGS_OFFICIAL_URL"].format(slug=slug)

    def stage(self) -> OfficialTagsStage:
        """The official tags stage of the enrichment pipeline, with this build's data."""
        settings = self.settings
        options = TagOptions(
            vocabulary_display=self.vocabulary_display,
            officials_display=self.officials_display,
            official_url=settings["OFFICIAL_TAGS_OFFICIAL_URL"],
            allow_free=bool(settings["OFFICIAL_TAGS_ALLOW_FREE"]),
            detect=bool(settings["OFFICIAL_TAGS_DETECT"]),
            min_mentions=int(settings["OFFICIAL_TAGS_DETECT_MIN_MENTIONS"]),
            vocabulary_unusable=self.vocabulary_unusable,
            registry_unusable=self.registry_unusable,
        )
        files = tuple(
            Path(settings[key])
            for key in (
                "OFFICIAL_TAGS_VOCABULARY",
                "OFFICIAL_TAGS_OFFICIALS",
                "OFFICIAL_TAGS_REGION_NAMES",
            )
        )
        return OfficialTagsStage(
            self.vocabulary,
            self.registry,
            self.regions,
            options,
            data_files=files,
            regions_digest=self.regions_digest,
        )


def apply_tags(article, data: BuildData) -> None:
    """The stage's official and free tags as Pelican Tag objects (one per slug),
    official tags first in the vocabulary's group order."""
    enrichment = enrichment_of(article)
    new_tags = [data.tag_object(t.name, t.slug) for t in enrichment.official_tags]
    new_tags += [
        tag
        for tag in dict.fromkeys(map(data.tag_object, enrichment.free_tags))
        if tag not in new_tags
    ]
    article.tags = new_tags
    if new_tags or "tags" in article.metadata:
        article.metadata["tags"] = new_tags


def stage_dates(tag, vocabulary: Vocabulary) -> list[dict]:
    dates = []
    for stage in tag.dates:
        election = vocabulary.by_slug(stage.election) if stage.election else None
        end = stage.end or stage.start
        dates.append(
            {
                "election": election.name if election else None,
                "election_slug": election.slug if election else None,
                "start": stage.start.date,
                "end": end.last_day() if end.month_only else end.date,
                "month_only": stage.start.month_only,
                "single_day": not stage.start.month_only and stage.start.date == end.date,
            }
        )
    return dates


def position_rank(position: str) -> int:
    lowered = position.lower()
    return next(
        (i for i, p in enumerate(POSITION_RANK) if lowered.startswith(p)), len(POSITION_RANK)
    )


def add_stage(generator) -> None:
    """article_generator_init: load the data (its problems reported once) and add
    the official tags stage to the enrichment pipeline."""
    data = BuildData(generator.settings)
    _BUILDS[generator] = data
    pipeline_of(generator.context).add(data.stage())
    generator.context[VOCABULARY_CONTEXT_KEY] = data.vocabulary


def on_articles_finalized(generator) -> None:
    data = _BUILDS.get(generator) or BuildData(generator.settings)
    for article in every_article(generator):
        apply_tags(article, data)

    # Pelican collected tags before this signal: collect them again so that
    # tag pages and tag feeds use the canonical tags (main articles only, as Pelican does).
    tags = defaultdict(list)
    for article in generator.articles:
        for tag in article.tags or []:
            tags[tag].append(article)
    generator.tags = tags
    generator.context["tags"] = list(tags.items())

    vocabulary = data.vocabulary
    counts = {tag.slug: len(arts) for tag, arts in tags.items()}
    official_slugs = {t.slug for t in vocabulary.tags}
    groups = []
    for group, members in vocabulary.grouped():
        present = [
            (data.tag_objects[t.slug], counts[t.slug], t) for t in members if counts.get(t.slug)
        ]
        if present:
            groups.append({"name": group, "slug": GROUP_SLUGS[group], "tags": present})
    free_tags = sorted(
        ((tag, len(arts), None) for tag, arts in tags.items() if tag.slug not in official_slugs),
        key=lambda entry: entry[0].slug,
    )
    if free_tags:
        groups.append({"name": "Tag lainnya", "slug": "tag-lainnya", "tags": free_tags})
    generator.context["tag_groups"] = groups
    generator.context["official_tag_info"] = {
        t.slug: {
            "name": t.name,
            "group": t.group,
            "group_slug": GROUP_SLUGS[t.group],
            "description": t.description,
            "dates": stage_dates(t, vocabulary),
        }
        for t in vocabulary.tags
    }
    main = [t for t in vocabulary.tags if t.main and counts.get(t.slug)]
    limit = generator.settings["OFFICIAL_TAGS_HOME_LIMIT"]
    generator.context["official_tags_home"] = [
        (data.tag_objects[t.slug], counts[t.slug]) for t in main[:limit]
    ]

    mentions: dict[str, list] = defaultdict(list)
    for article in generator.articles:
        for person in enrichment_of(article).officials:
            mentions[person.slug].append(article)
    generator.context["officials_registry"] = data.registry
    generator.context["officials_mentions"] = mentions
    generator.context["officials_today"] = data.today
    generator.context["officials_by_office"] = officials_by_office(data.registry, data.today)


def officials_by_office(registry: Registry, today: dt.date) -> list[dict]:
    """[{office, region, people: [(official, position)]}], provincial office first."""
    offices: dict[str, dict] = {}
    for person in registry.officials:
        current = person.current_positions(today)
        shown = current[0] if current else person.latest_position()
        if shown is None:
            continue
        office = offices.setdefault(
            shown.office, {"office": shown.office, "region": shown.region or "", "people": []}
        )
        office["people"].append((person, shown, bool(current)))
    for office in offices.values():
        office["people"].sort(key=lambda e: (not e[2], position_rank(e[1].position), e[0].name))
    return sorted(
        offices.values(), key=lambda o: (len(o["region"].split(".")), o["region"], o["office"])
    )


class OfficialsGenerator(Generator):
    """Writes /pejabat/ and /pejabat/{slug}/ from what the articles handler found."""

    def generate_output(self, writer):
        registry: Registry | None = self.context.get("officials_registry")
        if registry is None or not registry.officials:
            return
        mentions = self.context.get("officials_mentions", {})
        today = self.context.get("officials_today")
        relative = self.settings["RELATIVE_URLS"]
        index_template = self.get_template("pejabat_index")
        writer.write_file(
            self.settings["OFFICIAL_TAGS_OFFICIALS_SAVE_AS"],
            index_template,
            self.context,
            relative_urls=relative,
            url=self.settings["OFFICIAL_TAGS_OFFICIALS_URL"],
            template_name="pejabat_index",
        )
        template = self.get_template("pejabat")
        for person in registry.officials:
            articles = sorted(mentions.get(person.slug, []), key=lambda a: a.date, reverse=True)
            save_as = self.settings["OFFICIAL_TAGS_OFFICIAL_SAVE_AS"].format(slug=person.slug)
            url = self.settings["OFFICIAL_TAGS_OFFICIAL_URL"].format(slug=person.slug)
            writer.write_file(
                save_as,
                template,
                self.context,
                relative_urls=relative,
                # Only a list to page through: Pelican writes no tag, category
                # or author page without articles, and outside plugins read
                # `articles_page.object_list` as never empty (pelican-touch's
                # `max(…)` stopped the build at an official nobody mentions).
                paginated={"articles": articles} if articles else {},
                template_name="pejabat",
                url=url,
                official=person,
                articles=articles,
                current_positions=person.current_positions(today),
                past_positions=person.past_positions(today),
            )


def get_generators(pelican):
    return OfficialsGenerator


def register():
    signals.initialized.connect(apply_defaults)
    signals.article_generator_init.connect(add_stage)
    signals.article_generator_finalized.connect(on_articles_finalized)
    signals.get_generators.connect(get_generators)
