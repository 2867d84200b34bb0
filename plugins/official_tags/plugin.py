"""official_tags: a curated tag vocabulary and a registry of officials.

What it adds to the site:
- `Tags:` values are normalised to the official vocabulary
  (data/official_tags.yaml): "pilkada serentak 2024" and "Pemilihan Serentak
  2024" become one tag with one page, /tag/pilkada-serentak-2024/. Unknown tags
  are warnings naming the nearest official tags (dropped, or kept as free tags
  with OFFICIAL_TAGS_ALLOW_FREE = True).
- Official tags whose detection phrases occur in an article are added and
  marked as detected (`Tags-Auto: no` opts out).
- Officials of data/officials.yaml mentioned in an article are listed with the
  position they held on its date; /pejabat/ and /pejabat/{slug}/ are written.
- Officials named in the "Position Office, Name," pattern but not registered
  are reported as build suggestions.
- A registered name that the text gives another office than the registry on
  the article's date ("Anggota Bawaslu Mura, Nama" for a member of Bawaslu
  OKU) is not linked to the registry's person: the build suggests registering
  the namesake or adding the missing position, with the line
  (`warta/tags/offices.py`).
  Region words are read with the gazetteer and aliases the regions plugin
  uses (`warta.regions.configured`; `regions` comes before `official_tags` in
  PLUGINS, which gives the article's own regions); "Ketua Bawaslu, Nama"
  is read as the office of the article's own region.
- `article.metadata["warta"]["official_tags"]` = [{slug, name, group, auto}] and
  `["officials"]` = [{slug, name, position, office}] (published in /feed.json).
- Template context: `tag_groups` (/tag/), `official_tag_info` (/tag/{slug}/),
  `official_tags_home` (home page), `officials_by_office` (/pejabat/).

The vocabulary, the registry, detection and the detection cache are in
`warta.tags` (no Pelican import); this plugin connects them to Pelican's
signals, to the regions plugin's gazetteer and to the /tag/ and /pejabat/ pages.

Settings (defaults in DEFAULTS): OFFICIAL_TAGS_VOCABULARY, OFFICIAL_TAGS_OFFICIALS,
OFFICIAL_TAGS_REGION_NAMES (gazetteer CSV for office names), OFFICIAL_TAGS_ALLOW_FREE,
OFFICIAL_TAGS_DETECT, OFFICIAL_TAGS_DETECT_MIN_MENTIONS, OFFICIAL_TAGS_HOME_LIMIT,
OFFICIAL_TAGS_TODAY (ISO date that decides "current" positions; default: the
day of the build),
OFFICIAL_TAGS_OFFICIAL_URL / _SAVE_AS, OFFICIAL_TAGS_OFFICIALS_URL / _SAVE_AS,
OFFICIAL_TAGS_DETECTION_CACHE (True: keep what each article's text yields in
<CACHE_PATH>/official_tags/detections.json, so that a rebuild scans only new
and edited articles; see `warta/tags/scan.py`). Every build logs, at info level
(`--verbose`), how many articles were scanned and how many came from the cache.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import inspect
import json
import logging
from collections import defaultdict
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican import signals
from pelican.generators import Generator
from pelican.urlwrappers import Tag

from warta.contents import message_path
from warta.findings import Finding, report
from warta.frontmatter import SourceLines
from warta.plugin_order import short_name
from warta.regions.configured import load_configured
from warta.tags.detection import PhraseMatcher, tag_matcher, wants_detection
from warta.tags.offices import HeldOffice, RegionReader, StatedOffice, held_office, judge
from warta.tags.officials import Official, Registry, load_region_names, load_registry
from warta.tags.scan import DetectionCache, Findings, data_digest, find, text_key
from warta.tags.vocabulary import GROUP_SLUGS, GROUPS, OfficialTag, Vocabulary, load_vocabulary

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
    "OFFICIAL_TAGS_DETECTION_CACHE": True,
}
DETECTION_CACHE_FILE = Path("official_tags") / "detections.json"  # below CACHE_PATH
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


def display_path(path: str | Path) -> str:
    """A data file as staff know it: relative to the working folder when inside it."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def text_line(lines: list[str], needle: str) -> int:
    for number, line in enumerate(lines, start=1):
        if needle in line:
            return number
    return 0


def mention_line(source: SourceLines, spelling: str, ordinal: int) -> int:
    """The line of the `ordinal`-th occurrence (from 0) of a name in the scanned
    text: the Title line, then the body (other front-matter lines are not scanned)."""
    lines = source.get()
    front_matter = source.front_matter  # parsed once per article, as for the tags line
    titles = {number for field in front_matter.all("title") for number in field.lines}
    scanned = [(number, lines[number - 1]) for number in sorted(titles)]
    scanned += list(enumerate(lines[front_matter.end :], start=front_matter.end + 1))
    seen = 0
    for number, line in scanned:
        seen += line.count(spelling)
        if seen > ordinal:
            return number
    return text_line(lines, spelling)


def regions_reader(settings: dict) -> tuple[RegionReader, str]:
    """The gazetteer (with aliases) the regions plugin uses, for reading office
    regions, and a digest of what it reads; an empty reader when that plugin is
    not in PLUGINS or its data cannot be read (the regions plugin reports why)."""
    if "regions" not in {short_name(str(p)) for p in settings.get("PLUGINS") or ()}:
        return RegionReader(), "no regions plugin"
    gazetteer, _problems = load_configured(settings)
    if gazetteer is None:
        return RegionReader(), "no gazetteer"
    home = settings.get("REGIONS_HOME_PROVINCE")
    digest = hashlib.sha256()
    units = sorted((u.code, u.level, u.name, u.parent or "") for u in gazetteer.units.values())
    aliases = sorted((code, sorted(names)) for code, names in gazetteer.aliases.items())
    digest.update(json.dumps([home, units, aliases], ensure_ascii=False).encode())
    source = inspect.getsourcefile(type(gazetteer))
    if source:
        digest.update(Path(source).read_bytes())
    return RegionReader(gazetteer, home), digest.hexdigest()


def where(article, line: int) -> str:
    path = message_path(article)
    return f"{path}:{line}" if line else path


class BuildData:
    """Everything loaded and compiled once per build (never module-level)."""

    def __init__(self, settings: dict) -> None:
        self.settings = settings
        vocabulary_path = settings["OFFICIAL_TAGS_VOCABULARY"]
        self.vocabulary_display = display_path(vocabulary_path)
        self.vocabulary, problems = load_vocabulary(Path(vocabulary_path), self.vocabulary_display)
        region_names = load_region_names(Path(settings["OFFICIAL_TAGS_REGION_NAMES"]))
        officials_path = Path(settings["OFFICIAL_TAGS_OFFICIALS"])
        self.officials_display = display_path(officials_path)
        # True when officials.yaml exists but yields no official (unreadable,
        # or every entry broken): its errors say what to fix, and the names
        # found in articles are not suggested as "not in the registry" meanwhile.
        self.registry_unusable = False
        if officials_path.exists():
            self.registry, more = load_registry(
                officials_path, self.officials_display, region_names
            )
            problems += more
            self.registry_unusable = bool(more) and not self.registry.officials
        else:
            self.registry = Registry([])
        for problem in problems:
            # (the hint of a data-file problem is part of its message)
            report(logger, Finding(problem.path, problem.line or None, "error", problem.message))
        if self.registry_unusable:
            report(
                logger,
                Finding(
                    self.officials_display,
                    None,
                    "suggestion",
                    "the officials registry could not be read: officials named in "
                    "articles are not checked in this build",
                    "fix the error above first",
                ),
            )
        # Without a usable vocabulary every tag would be "unknown": the errors
        # above say what to fix, so typed tags are kept as they are meanwhile.
        self.vocabulary_unusable = not self.vocabulary.tags
        self.min_mentions = settings["OFFICIAL_TAGS_DETECT_MIN_MENTIONS"]
        cache_file = None
        if settings["OFFICIAL_TAGS_DETECTION_CACHE"] and settings.get("CACHE_PATH"):
            cache_file = Path(settings["CACHE_PATH"]) / DETECTION_CACHE_FILE
        self.regions, regions_digest = regions_reader(settings)
        self.detections = DetectionCache(
            cache_file,
            data_digest(self.vocabulary, self.registry, self.min_mentions, regions_digest),
        )
        self._held: dict[str, list[tuple[object, HeldOffice]]] = {}
        self.tag_objects: dict[str, Tag] = {}
        self._resolved: dict[str, OfficialTag | None] = {}
        self._nearest: dict[str, list[str]] = {}
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

    @functools.cached_property
    def matcher(self) -> PhraseMatcher:
        """The detection phrases, compiled only when an article is scanned
        (a rebuild that finds every article in the cache never needs them)."""
        return tag_matcher(self.vocabulary)

    def resolve(self, typed: str) -> OfficialTag | None:
        """`vocabulary.resolve`, once per distinct typed value of the build."""
        if typed not in self._resolved:
            self._resolved[typed] = self.vocabulary.resolve(typed)
        return self._resolved[typed]

    def nearest(self, typed: str) -> list[str]:
        """`vocabulary.nearest` (difflib), once per distinct unknown value of the build."""
        if typed not in self._nearest:
            self._nearest[typed] = self.vocabulary.nearest(typed)
        return self._nearest[typed]

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

    def held(self, person: Official) -> list[tuple[object, HeldOffice]]:
        """(position, its office) for each registered position, once per build."""
        if person.slug not in self._held:
            self._held[person.slug] = [
                (
                    position,
                    held_office(
                        position.position,
                        position.institution,
                        position.region,
                        position.office,
                        self.regions,
                    ),
                )
                for position in person.positions
            ]
        return self._held[person.slug]

    def findings(self, article, *, with_tags: bool) -> Findings:
        """What the article's text yields: from the cache when its text, its
        regions and the data are unchanged since a build that scanned it, else
        scanned now."""
        title = str(getattr(article, "title", ""))
        html = getattr(article, "_content", "") or ""
        context = article_regions(article)
        key = text_key(title, html, context)
        cached = self.detections.get(key, with_tags=with_tags)
        if cached is not None:
            return cached
        found = find(
            title,
            html,
            tag_matcher=self.matcher,
            registry=self.registry,
            min_mentions=self.min_mentions,
            with_tags=with_tags,
            regions=self.regions,
            context=context,
        )
        self.detections.put(key, found)
        return found

    def save_detections(self) -> None:
        try:
            self.detections.save()
        except OSError as exc:  # as Pelican does for its own cache
            report(
                logger,
                Finding(
                    "", None, "warning", f"Could not save the official_tags detection cache: {exc}"
                ),
            )
        cache = self.detections
        logger.info(
            "official_tags: scanned %d article text(s), %d from the detection cache (%s)",
            cache.misses,
            cache.hits,
            cache.path or "cache off",
        )


def article_regions(article) -> tuple[str, ...]:
    """The article's region codes, as the regions plugin set them."""
    warta = getattr(article, "metadata", {}).get("warta") or {}
    return tuple(
        r["code"] for r in warta.get("regions") or () if isinstance(r, dict) and r.get("code")
    )


def check_offices(article, findings: Findings, data: BuildData, lines: SourceLines) -> set[str]:
    """Compare the offices the text names beside registered people with the
    registry on the article's date; suggest what to fix. Returns the slugs not
    to link: every office the text gives them belongs to someone else."""
    day = article.date.date()
    regions = article_regions(article)
    linked: dict[str, bool] = {}
    for stated in findings.stated:
        person = data.registry.by_slug(stated.slug)
        if person is None:
            continue
        held = data.held(person)
        on_date = [office for position, office in held if position.holds_on(day)]
        verdict = judge(stated, on_date, [office for _, office in held], regions)
        linked[stated.slug] = linked.get(stated.slug, False) or verdict.linked
        if verdict.kind is not None:
            report_office(article, stated, person, verdict.kind, day, data, lines)
    return {slug for slug, ok in linked.items() if not ok}


def report_office(
    article,
    stated: StatedOffice,
    person: Official,
    kind: str,
    day: dt.date,
    data: BuildData,
    lines: SourceLines,
) -> None:
    held = [p.title for p in person.positions if p.holds_on(day)]
    registered = (
        f"{', '.join(held)} on {day.isoformat()}"
        if held
        else f"no position on {day.isoformat()} "
        f"(registered: {', '.join(p.title for p in person.positions)})"
    )
    at = f"{data.officials_display}:{person.line}"
    if kind == "office":
        message = (
            f"'{stated.spelling}' is named as '{stated.text}', but the registry has "
            f"{person.name} as {registered}: not linked to /{data.official_url(person.slug)}"
        )
        hint = (
            "if this is another person of the same name, register them under a name "
            f"that tells them apart; if the registry lacks this position, add it at {at}"
        )
    else:
        message = (
            f"'{stated.spelling}' is named as '{stated.text}', but the registry has "
            f"{person.name} as {registered}"
        )
        hint = f"if the position changed, add the new one with its start date at {at}"
    line = mention_line(lines, stated.spelling, stated.ordinal)
    report(logger, Finding(message_path(article), line or None, "suggestion", message, hint))


def normalise_article(article, data: BuildData) -> None:
    vocabulary: Vocabulary = data.vocabulary
    lines = SourceLines(article.source_path)
    typed_tags = list(getattr(article, "tags", None) or [])
    official: dict[str, bool] = {}  # slug → detected (auto)
    free: list[Tag] = []
    for typed in typed_tags:
        name = str(typed).strip()
        if not name:
            continue
        tag = data.resolve(name)
        if tag:
            official.setdefault(tag.slug, False)
            continue
        if data.vocabulary_unusable:
            free.append(data.tag_object(name))
            continue
        nearest = data.nearest(name)
        hint = f"nearest official tags: {', '.join(nearest)}; or " if nearest else ""
        if data.settings["OFFICIAL_TAGS_ALLOW_FREE"]:
            logger.info(
                "%s: kept as a free tag: '%s' (%sadd it to %s)",
                where(article, lines.front_matter.line("tags") or 0),
                name,
                hint,
                data.vocabulary_display,
            )
            free.append(data.tag_object(name))
        else:
            report(
                logger,
                Finding(
                    message_path(article),
                    lines.front_matter.line("tags"),
                    "warning",
                    f"unknown tag '{name}'",
                    f"{hint}add it to {data.vocabulary_display}",
                ),
            )

    with_tags = bool(data.settings["OFFICIAL_TAGS_DETECT"]) and wants_detection(article.metadata)
    findings = data.findings(article, with_tags=with_tags)
    for slug in findings.tags or ():
        official.setdefault(slug, True)

    ordered = [t for t in vocabulary.tags if t.slug in official]
    ordered.sort(key=lambda t: GROUPS.index(t.group))
    new_tags = [data.tag_object(t.name, t.slug) for t in ordered]
    new_tags += [t for t in dict.fromkeys(free) if t not in new_tags]
    article.tags = new_tags
    if new_tags or "tags" in article.metadata:
        article.metadata["tags"] = new_tags

    day = article.date.date()
    namesakes = check_offices(article, findings, data, lines)
    officials = []
    for slug in findings.officials:
        person = data.registry.by_slug(slug)
        if person is None:  # cannot come from the cache (its key covers the registry)
            continue
        if slug in namesakes:  # the text speaks of someone else of that name
            continue
        held = person.position_on(day)
        officials.append(
            {
                "slug": person.slug,
                "name": person.name,
                "position": held.position if held else None,
                "office": held.office if held else None,
            }
        )
    warta = article.metadata.setdefault("warta", {})
    warta["official_tags"] = [
        {"slug": t.slug, "name": t.name, "group": t.group, "auto": official[t.slug]}
        for t in ordered
    ]
    warta["officials"] = officials

    # Replayed from the findings on every build, cached or not: a warm build
    # suggests what a cold one does, at the line of today's source file.
    for name, position in () if data.registry_unusable else findings.discovered:
        report(
            logger,
            Finding(
                message_path(article),
                text_line(lines.get(), name) or None,
                "suggestion",
                f"official not in the registry: '{name}'",
                f"{position}; add to {data.officials_display}",
            ),
        )


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


def on_articles_finalized(generator) -> None:
    data = BuildData(generator.settings)
    everything = [
        *generator.articles,
        *generator.translations,
        *generator.hidden_articles,
        *generator.hidden_translations,
        *generator.drafts,
        *generator.drafts_translations,
    ]
    for article in everything:
        normalise_article(article, data)
    data.save_detections()

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
        for person in article.metadata["warta"]["officials"]:
            mentions[person["slug"]].append(article)
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
                paginated={"articles": articles},
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
    signals.article_generator_finalized.connect(on_articles_finalized)
    signals.get_generators.connect(get_generators)
