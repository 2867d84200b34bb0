"""The official tags stage of the enrichment pipeline (no Pelican import).

For one article, after the regions stage (whose regions are the context in
which "Ketua Bawaslu, Nama" and kecamatan office names are read):

- typed `Tags:` values resolved to the vocabulary (aliases, case and accents
  ignored); an unknown one is a warning with the nearest official tags (a
  region the gazetteer knows: with its name for `Region:`), or, with
  OFFICIAL_TAGS_ALLOW_FREE, kept as a free tag with a suggestion; one that
  names an entry the vocabulary left out for its errors is kept, with no line
  (the data file's error is the one to mend);
- official tags detected in the title and text (`Tags-Auto: no` opts out), a
  tag with `dates` only in an article dated around one of them;
- registered officials named in the text, with the position they held on the
  article's date; a name the text gives another office than the registry on
  that date is not linked, with a suggestion at its line; nor is a name the
  text gives a role of another kind ("warga, Nama", "Kepala Desa …, Nama",
  "Nama (45)"), nor one named with no role in a release of a region none of
  the person's offices serves (with a suggestion); a position named on a
  date the person held none (a term ended, without "mantan" before it, or
  not begun) and a person named before their first term are linked, shown
  without a position, with a suggestion naming the date to check;
- officials named in the "Position Office, Name," pattern but not registered,
  as suggestions.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path

from warta import frontmatter, yamlfile
from warta.enrichment import DETECTED, TYPED, Enrichment, OfficialRef, TagRef
from warta.findings import Finding
from warta.pipeline import Source, add_findings

from .detection import (
    APOSTROPHES,
    DOUBLE_QUOTES,
    PhraseMatcher,
    tag_matcher,
    wants_detection,
)
from .hashtags import hashtag_names
from .offices import (
    KETUA,
    MEMBER,
    HeldOffice,
    RegionReader,
    StatedOffice,
    divisions_agree,
    held_office,
    judge,
    local_to,
    office_phrases,
    offices_agree,
    roles_agree,
    serves,
)
from .officials import Official, Position, Registry
from .scan import find
from .stagedates import may_state_days, stage_date_problems
from .vocabulary import GROUPS, OfficialTag, Vocabulary


def region_hint(region: tuple[str, str], regions) -> str:
    """What to do with a region typed as a tag, given the release's regions
    (`RegionRef`s): a `Region:` line replaces the regions read from the
    dateline or the lead, so the line to write keeps those."""
    code, name = region
    declared = [r for r in regions if not r.inferred]
    if any(r.code == code for r in declared):
        return "it is in Region: already; remove it from Tags:"
    if any(r.code == code for r in regions):
        return (
            "the release's region is read from its dateline or lead already; remove it from Tags:"
        )
    names = [r.name for r in (declared or regions)] + [name]
    return f"write it as 'Region: {', '.join(names)}' instead of a tag"


@dataclasses.dataclass(frozen=True)
class TagOptions:
    vocabulary_display: str = "data/official_tags.yaml"  # as messages name the files
    officials_display: str = "data/officials.yaml"
    official_url: str = "pejabat/{slug}/"  # OFFICIAL_TAGS_OFFICIAL_URL
    allow_free: bool = False
    detect: bool = True
    min_mentions: int = 2
    vocabulary_unusable: bool = False  # its errors say what to fix; typed tags kept meanwhile
    registry_unusable: bool = False  # no "not in the registry" suggestions meanwhile


# A source line and the text the scan read from its HTML, compared alike:
# smarty wrote the source's ' as ’ and its " as “ or ”.
_SAME_TYPING = str.maketrans(dict.fromkeys(APOSTROPHES, "'") | dict.fromkeys(DOUBLE_QUOTES, '"'))


def typed_alike(text: str) -> str:
    """`text` with every apostrophe and double quote as its plain twin."""
    return text.translate(_SAME_TYPING)


def text_line(lines: list[str] | tuple[str, ...], needle: str) -> int | None:
    needle = typed_alike(needle)
    for number, line in enumerate(lines, start=1):
        if needle in typed_alike(line):
            return number
    return None


def lazily_parsed(text: str) -> Callable[[], frontmatter.Document]:
    """The release's Document, parsed at the first call only: most releases
    give no finding and state no stage's day, and need no line of it."""
    return functools.cache(lambda: frontmatter.parse(text))


def scanned_lines(document: frontmatter.Document) -> list[tuple[int, str]]:
    """(number, text) of the lines the scan reads: the Title line, then the body
    (other front-matter lines are not scanned)."""
    titles = {number for field in document.front_matter.all("title") for number in field.lines}
    return [(number, document.lines[number - 1]) for number in sorted(titles)] + list(document.body)


def mention_line(document: frontmatter.Document, spelling: str, ordinal: int) -> int | None:
    """The line of the `ordinal`-th occurrence (from 0) of a name in the scanned
    text: the Title line, then the body (other front-matter lines are not scanned)."""
    lines = document.lines
    seen = 0
    spelling = typed_alike(spelling)
    for number, line in scanned_lines(document):
        seen += typed_alike(line).count(spelling)
        if seen > ordinal:
            return number
    return text_line(lines, spelling)


# Entries of the stage's per-build memos of per-article values (typed tags).
MAX_REMEMBERED = 20000


class OfficialTagsStage:
    """Official tags (typed and detected) and the officials an article names."""

    name = "official_tags"
    after = ("regions",)

    def __init__(
        self,
        vocabulary: Vocabulary,
        registry: Registry,
        regions: RegionReader,
        options: TagOptions,
        *,
        data_files: tuple[Path, ...] = (),
        regions_digest: str = "",
    ) -> None:
        self.vocabulary = vocabulary
        self.registry = registry
        self.regions = regions
        self.options = options
        self.data_files = data_files
        self.regions_digest = regions_digest
        self._matcher: PhraseMatcher | None = None
        self._held: dict[str, list[tuple[object, HeldOffice]]] = {}
        self._seats: dict | None = None  # (`seats`)
        self._resolved: dict[str, OfficialTag | None] = {}
        self._nearest: dict[str, list[str]] = {}
        self._regions: dict[str, tuple[str, str] | None] = {}
        self._rejoined = functools.lru_cache(maxsize=MAX_REMEMBERED)(self._rejoin)

    def digest(self) -> str:
        digest = hashlib.sha256()
        digest.update(json.dumps(dataclasses.asdict(self.options)).encode())
        digest.update(self.regions_digest.encode())
        for path in self.data_files:
            digest.update(str(path).encode())
            refused = yamlfile.link_refusal(Path(path), str(path))
            if refused is not None:
                # Refused unread, and not read here either: its target may be
                # any file of the machine, a pipe or /dev/zero.
                digest.update(b"\x00" + refused.message.encode("utf-8", "surrogateescape"))
                continue
            try:
                digest.update(Path(path).read_bytes())
            except OSError:
                digest.update(b"\x00missing")
        return digest.hexdigest()

    # -- compiled once per build, in the process that first needs them ---------

    @property
    def matcher(self) -> PhraseMatcher:
        if self._matcher is None:
            self._matcher = tag_matcher(self.vocabulary)
        return self._matcher

    def resolve(self, typed: str) -> OfficialTag | None:
        if typed not in self._resolved:
            self._resolved[typed] = self.vocabulary.resolve(typed)
        return self._resolved[typed]

    def official_name(self, typed: str) -> str | None:
        """The name of the official tag a typed value means, None if none."""
        tag = self.resolve(typed)
        return tag.name if tag is not None else None

    def rejoined(self, typed: Sequence[str]) -> list[str]:
        """The typed tags with an official name that holds commas made whole
        again: Pelican splits `Tags:` at commas, so "Divisi Pencegahan,
        Partisipasi Masyarakat, dan Hubungan Masyarakat" (as the CMS and `invoke
        new` wrote it before they separated such a list with semicolons) was
        three tags, one of them unknown. Only a run of pieces that is such a
        name or alias, commas and all, is joined (the longest first): "Uji
        Petik, Data Pemilih" are two tags, though "Uji Petik Data Pemilih"
        folds like one.

        Remembered by the typed tags: a site's releases share a few hundred
        combinations, and each run folds every piece again."""
        return list(self._rejoined(tuple(typed)))

    def _rejoin(self, typed: tuple[str, ...]) -> tuple[str, ...]:
        longest = self.vocabulary.most_commas + 1
        tags, index = [], 0
        while index < len(typed):
            for end in range(min(len(typed), index + longest), index + 1, -1):
                joined = ", ".join(piece.strip() for piece in typed[index:end])
                if self.vocabulary.named_with_commas(typed[index:end]):
                    tags.append(joined)
                    index = end
                    break
            else:
                tags.append(typed[index])
                index += 1
        return tuple(tags)

    def division_key(self, name: str) -> str | None:
        """The official Divisi tag a division's name or alias means ("Hukum dan
        Penyelesaian Sengketa", "HPS", "P2H"), by its slug; None if none."""
        for typed in (name, f"Divisi {name}"):
            tag = self.resolve(typed)
            if tag is not None and tag.group == "Divisi":
                return tag.slug
        return None

    def nearest(self, typed: str) -> list[str]:
        if typed not in self._nearest:
            self._nearest[typed] = self.vocabulary.nearest(typed)
        return self._nearest[typed]

    def region_named(self, typed: str) -> tuple[str, str] | None:
        """(code, name as `Region:` takes it) of the region an unknown tag names
        ("oku", "Muratara", "Banyu Asin"), read with the gazetteer and aliases of
        the regions plugin; a kecamatan only inside the home province. None
        without that plugin, or when the tag names no one region."""
        if typed not in self._regions:
            gazetteer = self.regions.gazetteer
            self._regions[typed] = (
                gazetteer.region_named(typed, self.regions.home) if gazetteer is not None else None
            )
        return self._regions[typed]

    def held(self, person: Official) -> list[tuple[object, HeldOffice]]:
        """(position, its office) for each registered position."""
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

    # -- the stage --------------------------------------------------------------

    def run(self, source: Source, enrichment: Enrichment) -> Enrichment:
        document = lazily_parsed(source.text)
        found: list[Finding] = []
        official: dict[str, str] = {}  # slug → provenance
        free: list[str] = []
        for typed in self.rejoined(source.tags):
            name = typed.strip()
            if not name:
                continue
            if not any(ch.isalnum() for ch in name):  # ",,,": no tag page has an address
                found.append(
                    Finding(
                        source.path,
                        document().front_matter.line("tags"),
                        "warning",
                        f"tag without letters or digits left out: '{name}'",
                        "separate tags with commas, e.g. 'Tags: Pilkada 2024, Pengawasan'",
                    )
                )
                continue
            tag = self.resolve(name)
            if tag:
                official.setdefault(tag.slug, TYPED)
                continue
            if self.options.vocabulary_unusable or self.vocabulary.unusable_line(name):
                # The data file's errors say what to fix: not the release's fault.
                free.append(name)
                continue
            if self.options.allow_free:
                free.append(name)
                message, level = f"kept as a free tag: '{name}'", "suggestion"
            else:
                message, level = f"unknown tag '{name}'", "warning"
            region = self.region_named(name)
            if region is not None:
                # A place has its page from `Region:`: no tag is near it.
                message = (
                    f"kept as a free tag, though it is a region: '{name}' ({region[1]})"
                    if self.options.allow_free
                    else f"tag is a region, not an official tag: '{name}' ({region[1]})"
                )
                hint = region_hint(region, enrichment.regions)
            elif (names := hashtag_names(name, self.official_name)) is not None:
                hint = (
                    "hashtags are not separate tags: write the tags separated by commas, "
                    f"without '#': '{', '.join(names)}'"
                )
            else:
                nearest = self.nearest(name)
                hint = f"nearest official tags: {', '.join(nearest)}; or " if nearest else ""
                hint += f"add it to {self.options.vocabulary_display}"
            found.append(
                Finding(source.path, document().front_matter.line("tags"), level, message, hint)
            )

        if not self.options.vocabulary_unusable and may_state_days(source.text):
            # "masa tenang yang dimulai 23 November": the schedule's dates.
            for line, message, hint in stage_date_problems(
                document().body, self.vocabulary, source.date, self.options.vocabulary_display
            ):
                found.append(Finding(source.path, line, "warning", message, hint))

        with_tags = self.options.detect and wants_detection(source.metadata)
        scanned = find(
            source.title,
            source.html,
            tag_matcher=self.matcher if with_tags else None,  # (not read without tags)
            registry=self.registry,
            min_mentions=self.options.min_mentions,
            with_tags=with_tags,
            regions=self.regions,
            context=enrichment.region_codes,
        )
        for slug in scanned.tags or ():
            tag = self.vocabulary.by_slug(slug)
            # A stage is detected only around its dates; a typed one is kept.
            if tag is not None and tag.detectable_on(source.date):
                official.setdefault(slug, DETECTED)
        ordered = [t for t in self.vocabulary.tags if t.slug in official]
        ordered.sort(key=lambda t: GROUPS.index(t.group))

        namesakes = self.check_offices(
            source, document, scanned.stated, scanned.officials, enrichment, found
        )
        officials = []
        for slug in scanned.officials:
            person = self.registry.by_slug(slug)
            if person is None or slug in namesakes:  # the text speaks of someone else
                continue
            held = person.position_on(source.date)
            officials.append(
                OfficialRef(
                    person.slug,
                    person.name,
                    held.position if held else None,
                    held.office if held else None,
                )
            )
        if not self.options.registry_unusable:
            for name, position in scanned.discovered:
                meant = self.misspelt(name, position, source.date, enrichment.region_codes)
                if meant is not None:
                    person, held = meant
                    found.append(
                        Finding(
                            source.path,
                            text_line(document().lines, name),
                            "warning",
                            f"official not in the registry: '{name}' ({position}): did you mean "
                            f"'{person.name}' ({held.title})?",
                            f"write '{person.name}'; if '{name}' is someone else, add them to "
                            f"{self.options.officials_display}",
                        )
                    )
                    continue
                stated = self.stated_of(position, enrichment.region_codes)
                holder = stated and self.seat_holder(stated, source.date)
                if holder:
                    # "Ketua Bawaslu Kabupaten Lahat, Nama" in a seat the
                    # registry gives another that day: a wrong name, or a
                    # change of holder the registry has not been told of.
                    other, seat = holder
                    found.append(
                        Finding(
                            source.path,
                            text_line(document().lines, name),
                            "warning",
                            f"official not in the registry: '{name}' ({position}), but the "
                            f"registry's {seat.title} on {source.date.isoformat()} is "
                            f"{other.name}",
                            f"write '{other.name}'; if '{name}' now holds the seat, end "
                            f"{other.name}'s term at {self.data_line(seat.end_line or seat.line)}"
                            f" and add '{name}' to {self.options.officials_display}",
                        )
                    )
                    continue
                found.append(
                    Finding(
                        source.path,
                        text_line(document().lines, name),
                        "suggestion",
                        f"official not in the registry: '{name}'",
                        f"{position}; add to {self.options.officials_display}",
                    )
                )
        enriched = dataclasses.replace(
            enrichment,
            official_tags=tuple(TagRef(t.slug, t.name, t.group, official[t.slug]) for t in ordered),
            free_tags=tuple(dict.fromkeys(free)),
            officials=tuple(officials),
        )
        return add_findings(enriched, found)

    def misspelt(
        self, name: str, position: str, day: dt.date, context: Sequence[str]
    ) -> tuple[Official, Position] | None:
        """The registered official, and the position they held on `day`, whom
        a name not registered may misspell (`Registry.near`): one who held a
        position that day in the office `position` names (`serves`). None
        when there is none, or several."""
        meant = []
        for person in self.registry.near(name):
            held = person.position_on(day)
            if held is not None and serves(person, position, self.regions, context):
                meant.append((person, held))
        return meant[0] if len(meant) == 1 else None

    def check_offices(
        self,
        source: Source,
        document: Callable[[], frontmatter.Document],
        stated_offices: tuple[StatedOffice, ...],
        mentioned: tuple[str, ...],
        enrichment: Enrichment,
        found: list[Finding],
    ) -> set[str]:
        """Compare the offices the text names beside registered people with the
        registry on the article's date; suggest what to fix. Returns the slugs not
        to link: every office the text gives them belongs to someone else, or
        the text gives them no role at all and their office is not the
        release's (its region's office, one above or below it). `document`:
        the release's Document, parsed at its first call (`lazily_parsed`)."""
        day = source.date
        linked: dict[str, bool] = {}
        for stated in stated_offices:
            person = self.registry.by_slug(stated.slug)
            if person is None:
                continue
            held = self.held(person)
            on_date = [office for position, office in held if position.holds_on(day)]
            verdict = judge(
                stated,
                on_date,
                [office for _, office in held],
                enrichment.region_codes,
                before_first_term=all(day < p.start for p in person.positions),
                division_key=self.division_key,
            )
            linked[stated.slug] = linked.get(stated.slug, False) or verdict.linked
            # "warga, Nama", "Kepala Desa …, Nama": plainly someone else, nothing to mend.
            if verdict.kind == "dates":
                finding = self.dates_finding(
                    source, document(), stated, person, enrichment.region_codes
                )
            elif verdict.kind not in (None, "other"):
                finding = self.office_finding(
                    source, document(), stated, person, verdict.kind, enrichment.region_codes
                )
            else:
                continue
            # Named so in the title and again in the text: said once.
            if finding.message not in {f.message for f in found}:
                found.append(finding)
        for slug in mentioned:
            person = self.registry.by_slug(slug)
            if slug in linked or person is None:
                continue
            held = self.held(person)
            # (the positions on the date; any position when none is held that day)
            offices = [office for position, office in held if position.holds_on(day)]
            offices = offices or [office for _, office in held]
            if any(local_to(office, enrichment.region_codes) for office in offices):
                if person.positions and all(day < p.start for p in person.positions):
                    found.append(self.early_finding(source, document(), person))
                continue
            linked[slug] = False
            found.append(self.elsewhere_finding(source, document(), person, enrichment))
        return {slug for slug, ok in linked.items() if not ok}

    def seat_holder(
        self, stated: StatedOffice, day: dt.date, person: Official | None = None
    ) -> tuple[Official, Position] | None:
        """Who else the registry seats, on `day`, in the one-person seat the
        text gives a name (the chair of an office, a division's coordinator:
        "Ketua Bawaslu Kabupaten Lahat, Nama"), other than `person`; None
        when the seat is not one person's, its office is not read, or the
        registry has no one else in it that day."""
        if stated.former or stated.region in ("", "?"):
            return None
        if stated.role != KETUA and not stated.division:
            return None
        for other, position, office in self.seats().get((stated.institution, stated.region), ()):
            if person is not None and other.slug == person.slug:
                continue
            if not position.holds_on(day) or office.role != (
                KETUA if stated.role == KETUA else MEMBER
            ):
                continue
            if stated.role == KETUA:
                if position.position.strip() == "Ketua":
                    return other, position
            elif (
                office.division
                and self.division_key(stated.division) is not None
                and divisions_agree(stated, office, self.division_key)
            ):
                return other, position
        return None

    def seats(self) -> dict[tuple[str, str], list[tuple[Official, Position, HeldOffice]]]:
        """(institution, region) → each registered own post in that office
        (not an acting one, nor one in doubt), read once per stage."""
        if self._seats is None:
            self._seats = {}
            for other in self.registry.officials:
                for position, office in self.held(other):
                    if not (position.doubtful or position.acting):
                        key = (office.institution, office.region)
                        self._seats.setdefault(key, []).append((other, position, office))
        return self._seats

    def stated_of(self, position: str, context: Sequence[str]) -> StatedOffice | None:
        """The office a discovered position names ("Ketua Bawaslu Kabupaten
        Lahat"), as a mention's would be read; None when it names none."""
        phrases = office_phrases(position, self.regions, context)
        if not phrases:
            return None
        phrase = phrases[-1]
        return StatedOffice.of_phrase(phrase)

    def page_of(self, person: Official) -> str:
        """The official's page address (OFFICIAL_TAGS' URL setting)."""
        return self.options.official_url.format(slug=person.slug)

    def data_line(self, line: int | None) -> str:
        """A line of the officials' data file as a message names it."""
        return f"{self.options.officials_display}:{line}"

    def first_mention(
        self, document: frontmatter.Document, person: Official
    ) -> tuple[str, int | None]:
        """The spelling of `person` the text uses first, as written ("Kgs Ahmad
        Zulkarnain", "SRI WAHYUNI LUBIS" read as their registered spellings),
        and its line."""
        for number, line in scanned_lines(document):
            for slug, match in self.registry.mentions(line):
                if slug == person.slug:
                    return match.group(match.lastgroup), number
        return person.name, mention_line(document, person.name, 0)

    def dates_finding(
        self,
        source: Source,
        document: frontmatter.Document,
        stated: StatedOffice,
        person: Official,
        article_regions: Sequence[str],
    ) -> Finding:
        """A position named on a date the person held none: their term in that
        office ended before it, or starts after it. They are linked (a person
        named, as they were or will be) and shown without a position."""
        day: dt.date = source.date
        url = self.page_of(person)
        same = [
            position
            for position, office in self.held(person)
            if offices_agree(stated, office, article_regions)
        ] or person.positions
        ended = [p for p in same if p.end is not None and p.end < day]
        if ended:
            term = max(ended, key=lambda p: p.end)
            said = f"term as {term.title} ended on {term.end.isoformat()}"
            at = self.data_line(term.end_line or term.line)
            hint = (
                f"check the Date: line, or the end date at {at}; "
                f"a former official is named 'mantan {stated.text}'"
            )
        else:
            term = min((p for p in same if day < p.start), key=lambda p: p.start)
            said = f"term as {term.title} starts on {term.start.isoformat()}"
            at = self.data_line(term.start_line or term.line)
            hint = f"check the Date: line, or the start date at {at}"
        message = (
            f"'{stated.spelling}' is named as '{stated.text}' on {day.isoformat()}, but "
            f"{person.name}'s {said} per {at}: linked to /{url} without a position"
        )
        line = mention_line(document, stated.spelling, stated.ordinal)
        return Finding(source.path, line, "suggestion", message, hint)

    def early_finding(
        self, source: Source, document: frontmatter.Document, person: Official
    ) -> Finding:
        """A registered person named, with no position beside them, in a release
        dated before their first term began: linked, shown without a position."""
        day: dt.date = source.date
        first = min(person.positions, key=lambda p: p.start)
        at = self.data_line(first.start_line or first.line)
        url = self.page_of(person)
        spelling, line = self.first_mention(document, person)
        return Finding(
            source.path,
            line,
            "suggestion",
            f"'{spelling}' is named in a release dated {day.isoformat()}, but {person.name}'s "
            f"first term, as {first.title}, starts on {first.start.isoformat()} per {at}: "
            f"linked to /{url} without a position",
            f"check the Date: line, or the start date at {at}",
        )

    def elsewhere_finding(
        self,
        source: Source,
        document: frontmatter.Document,
        person: Official,
        enrichment: Enrichment,
    ) -> Finding:
        """A registered name, with no role beside it, in a release of a region
        that none of the person's offices serves."""
        day: dt.date = source.date
        held = [p.title for p in person.positions if p.holds_on(day)] or [
            p.title for p in person.positions
        ]
        regions = ", ".join(region.name for region in enrichment.regions)
        url = self.page_of(person)
        spelling, line = self.first_mention(document, person)
        return Finding(
            source.path,
            line,
            "suggestion",
            f"'{spelling}' is named without a position in a release of {regions}, but the "
            f"registry has {person.name} as {', '.join(held)}: not linked to /{url}",
            f"if this is that official, write the position beside the name "
            f"('{held[0]}, {spelling}'); if another person of the same name, nothing to do",
        )

    def office_finding(
        self,
        source: Source,
        document: frontmatter.Document,
        stated: StatedOffice,
        person: Official,
        kind: str,
        regions: Sequence[str] = (),
    ) -> Finding:
        day: dt.date = source.date
        held = [p.title for p in person.positions if p.holds_on(day)]
        registered = (
            f"{', '.join(held)} on {day.isoformat()}"
            if held
            else f"no position on {day.isoformat()} "
            f"(registered: {', '.join(p.title for p in person.positions)})"
        )
        at = self.data_line(person.line)
        if kind == "office":
            url = self.page_of(person)
            message = (
                f"'{stated.spelling}' is named as '{stated.text}', but the registry has "
                f"{person.name} as {registered}: not linked to /{url}"
            )
            hint = (
                "if this is another person of the same name, register them under a name "
                f"that tells them apart; if the registry lacks this position, add it at {at}"
            )
        else:
            # The same person in another position than the registry's on the
            # release's date: the page shows the registry's, and the text,
            # which readers and the press copy, is told the one to write.
            message = (
                f"'{stated.spelling}' is named as '{stated.text}', but the registry has "
                f"{person.name} as {registered}"
            )
            hint = f"if the position changed, add the new one with its start date at {at}"
            shown = person.position_on(day)
            if shown is not None:
                level = "warning"
                message += self.seat_note(stated, day, person)
                message += ": the page shows the registry's position"
                hint = f"write '{shown.title}'; {hint}"
                hint += self.other_time_note(stated, person, day, regions)
                line = mention_line(document, stated.spelling, stated.ordinal)
                return Finding(source.path, line, level, message, hint)
        line = mention_line(document, stated.spelling, stated.ordinal)
        if kind == "office" and (holder := self.seat_holder(stated, day, person)) is not None:
            other, seat = holder
            message += f"; the registry's {seat.title} on {day.isoformat()} is {other.name}"
            hint = f"check the name and the position; {hint}"
            return Finding(source.path, line, "warning", message, hint)
        return Finding(source.path, line, "suggestion", message, hint)

    def seat_note(self, stated: StatedOffice, day: dt.date, person: Official) -> str:
        """ ", and Sapri Yansyah as Ketua Bawaslu Kabupaten Lahat" when the text
        gives `person` a one-person seat the registry gives another that day."""
        holder = self.seat_holder(stated, day, person)
        return "" if holder is None else f", and {holder[0].name} as {holder[1].title}"

    def other_time_note(
        self, stated: StatedOffice, person: Official, day: dt.date, regions: Sequence[str]
    ) -> str:
        """ "; the registry has … as Ketua … from 2025-07-14 per …: check the Date:
        line" when `person` holds the position the text names on other days."""
        for position, office in self.held(person):
            if position.doubtful or position.holds_on(day):
                continue
            if not offices_agree(stated, office, regions):
                continue
            if roles_agree(stated.role, office.role) and divisions_agree(
                stated, office, self.division_key
            ):
                until = position.end.isoformat() if position.end else "now"
                return (
                    f"; the registry has {person.name} as {position.title} from "
                    f"{position.start.isoformat()} to {until} per "
                    f"{self.data_line(position.line)}: check the Date: line"
                )
        return ""
