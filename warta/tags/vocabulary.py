"""The official tag vocabulary: loading, validation and normalisation.

Staff type tags freely ("pilkada serentak 2024", "Pilkada 2024"); the
vocabulary turns every spelling it knows into one canonical tag. A tag matches
when its name, slug or one of its aliases is equal after `tag_key`:
case, accents, spacing and punctuation do not count: they are how the same
tag gets typed differently, never what tells two tags apart. Nor do the dots
or spaces between the letters of an acronym ("A.S.N.", "P T P S").
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from warta import yamlfile
from warta.text import fold

from .datafile import (
    DateValue,
    LineMap,
    Problem,
    _LineLoader,
    as_list,
    check_fields,
    list_entries,
    parse_date,
    place_names,
    slug_problem,
)

# Generator-context key of the build's Vocabulary (the official_tags plugin's):
# other plugins read an official tag there, not from that plugin's settings.
CONTEXT_KEY = "official_tags_vocabulary"

# Display order of the groups on /tag/ and on article pages.
GROUPS = ("Pemilihan", "Tahapan Pemilihan", "Divisi", "Kegiatan", "Isu", "Lembaga")
GROUP_SLUGS = {group: re.sub(r"[^a-z0-9]+", "-", group.lower()).strip("-") for group in GROUPS}
TAG_FIELDS = ("name", "slug", "group", "description", "aliases", "detect", "dates", "main")
DATE_FIELDS = ("election", "start", "end")
# A tag with `dates` is detected only in an article dated within one of them,
# or this close: releases prepare for a stage weeks before it opens (a
# technical meeting on the vote, files readied for disputes) and report on it
# some days after it closes. (Documented for staff in data/official_tags.yaml.)
DETECT_DAYS_BEFORE = 30
DETECT_DAYS_AFTER = 14


@dataclass(frozen=True)
class StageDates:
    """When a stage ran in one election (`election` is that election's tag slug)."""

    election: str | None
    start: DateValue
    end: DateValue | None

    def as_json(self) -> dict:
        return {
            "election": self.election,
            "start": self.start.date.isoformat(),
            "end": self.end.last_day().isoformat() if self.end else None,
        }


@dataclass
class OfficialTag:
    name: str
    slug: str
    group: str
    description: str
    aliases: list[str] = field(default_factory=list)
    detect: list[str] = field(default_factory=list)
    dates: list[StageDates] = field(default_factory=list)
    main: bool = False
    line: int = 0

    def detectable_on(self, day: dt.date) -> bool:
        """May detection add this tag to an article dated `day`? Always, for a
        tag without dates; else only around one of its windows (a "rekapitulasi"
        of the voter list in 2025 is not the 2024 vote count)."""
        if not self.dates:
            return True
        before = dt.timedelta(days=DETECT_DAYS_BEFORE)
        after = dt.timedelta(days=DETECT_DAYS_AFTER)
        return any(
            window.start.date - before <= day <= (window.end or window.start).last_day() + after
            for window in self.dates
        )

    def spellings(self) -> list[str]:
        """Every normalised spelling that names this tag."""
        spellings = [self.name, self.slug, *self.aliases]
        return list(dict.fromkeys(tag_key(s) for s in spellings if tag_key(s)))


def tag_key(text: object) -> str:
    """A spelling of a tag as it is compared: `warta.text.fold`, with a run of
    single letters joined into one word, as an acronym typed with dots or
    spaces between its letters reads ("Netralitas A.S.N." → "netralitas asn",
    "P T P S" → "ptps"). A lone letter ("Divisi A") stays a word of its own."""
    words = fold(text).split()
    joined: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if len(word) == 1 and word.isalpha():
            run.append(word)
            continue
        if run:
            joined += ["".join(run)] if len(run) > 1 else run
            run = []
        if word:
            joined.append(word)
    return " ".join(joined)


def comma_key(text: str) -> str:
    """A name compared with its commas kept: case and spacing aside."""
    return ", ".join(" ".join(part.casefold().split()) for part in text.split(","))


@dataclass
class Vocabulary:
    tags: list[OfficialTag]
    _by_key: dict[str, OfficialTag] = field(default_factory=dict, repr=False)

    # The names and aliases that hold commas, as `comma_key` writes them, and
    # the most commas in one of them (`TagsStage.rejoined`).
    with_commas: dict[str, OfficialTag] = field(default_factory=dict, repr=False)
    with_commas_folded: dict[str, OfficialTag] = field(default_factory=dict, repr=False)
    most_commas: int = field(default=0, repr=False)
    # What the modules that read the vocabulary make of it once (stagedates:
    # the stages' pattern), kept with it for as long as it is used.
    derived: dict[str, object] = field(default_factory=dict, repr=False, compare=False)
    # Spellings of the file's entries left out for their errors (the key of
    # each, by the entry's line): a release that types one is not at fault.
    unusable: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for tag in self.tags:
            for key in tag.spellings():
                self._by_key.setdefault(key, tag)
            for written in (tag.name, *tag.aliases):
                if "," in written:
                    self.with_commas.setdefault(comma_key(written), tag)
                    self.with_commas_folded.setdefault(tag_key(written), tag)
                    self.most_commas = max(self.most_commas, written.count(","))

    def named_with_commas(self, pieces: Sequence[str]) -> OfficialTag | None:
        """The official tag whose name or alias holds commas and is these
        pieces joined: commas and all, or (the serial comma left out, "…
        Masyarakat dan Hubungan …") as one of them reads when some piece is
        no official tag of its own: pieces that are tags each stay tags."""
        joined = ", ".join(piece.strip() for piece in pieces)
        found = self.with_commas.get(comma_key(joined))
        if found is None and not all(self.resolve(piece) for piece in pieces):
            found = self.with_commas_folded.get(tag_key(joined))
        return found

    def by_slug(self, slug: str) -> OfficialTag | None:
        return next((t for t in self.tags if t.slug == slug), None)

    def resolve(self, typed: str) -> OfficialTag | None:
        """The official tag a typed value means, or None."""
        return self._by_key.get(tag_key(typed))

    def unusable_line(self, typed: str) -> int | None:
        """The line of the entry, left out for its errors, that a typed value
        names; None if none does."""
        return self.unusable.get(tag_key(typed))

    def nearest(self, typed: str, limit: int = 3) -> list[str]:
        """Canonical names of the official tags closest to an unknown value."""
        key = tag_key(typed)
        close = difflib.get_close_matches(key, list(self._by_key), n=limit * 3, cutoff=0.7)
        # Words in common catch what spelling distance misses ("pengawasan pilkada").
        words = set(key.split())
        sharing = sorted(
            (k for k in self._by_key if words & set(k.split()) and k not in close),
            key=lambda k: -difflib.SequenceMatcher(None, key, k).ratio(),
        )
        names = [self._by_key[k].name for k in (*close, *sharing)]
        return list(dict.fromkeys(names))[:limit]

    def grouped(self) -> list[tuple[str, list[OfficialTag]]]:
        return [(g, [t for t in self.tags if t.group == g]) for g in GROUPS]


# Words that stand in nearly every release, so that a detect phrase made of
# nothing else would tag nearly every release (documented for staff in
# data/official_tags.yaml): Indonesian function words, and the words of a
# Bawaslu release's frame (the office, the speaker's role, the reporting verb),
# each found in half or more of the sample releases.
FUNCTION_WORDS = frozenset(
    word
    for line in (
        # conjunctions, prepositions, pronouns, particles, auxiliaries,
        # demonstratives, quantifiers
        "ada adalah agar akan akhir aku anda antara apa apabila atas atau awal",
        "bagi bagaimana bahkan bahwa baik banyak baru begitu beliau belum berbagai",
        "bersama beberapa bila bisa boleh bukan cara dalam dan dapat dari daripada",
        "demi demikian dengan di dia diri dua guna hal hampir hanya harus hingga ia",
        "ialah ini itu jadi jika juga kalau kami kamu kan karena ke kemudian kepada",
        "ketika kini kita lagi lain lalu lebih maka masa masih maupun melalui",
        "memang mereka meski milik mulai mungkin namun nya oleh pada para per",
        "perlu pula pun saat saja salah sama sang sangat satu saya se sebagai",
        "sebelum secara sedang sehingga sejak sekitar selain selama seluruh semua",
        "sendiri seperti serta sesuai setelah setiap si sudah supaya tak tanpa tapi",
        "telah tentang terhadap tersebut tetapi tiap tidak untuk waktu yaitu yakni",
        "yang",
    )
    for word in line.split()
)
FRAME_WORDS = frozenset(
    word
    for line in (
        "bawaslu divisi hari hasil informasi kabupaten kata kecamatan kerja ketua",
        "koordinator kota masyarakat mengatakan menambahkan menjelaskan menurut",
        "menyampaikan pengawas pengawasan provinsi tahun tim ujar",
    )
    for word in line.split()
)


def _word_kind(word: str) -> str | None:
    """'function' for a function word, a number or a word of fewer than 3
    letters not in capitals ("di", "a", "2024"; an acronym such as MK matches
    only in capitals), 'frame' for a frame word, None for any other word."""
    stem = word.rstrip("*")
    if len(stem) >= 2 and stem.isupper():
        return None
    pieces = fold(stem).split()
    if all(p in FUNCTION_WORDS or p.isdigit() or len(p) < 3 for p in pieces):
        return "function"
    if all(p in FRAME_WORDS for p in pieces):
        return "frame"
    return None


def too_broad(phrase: str) -> bool:
    """A detect phrase that would tag nearly every release: one with no letter
    or digit ("*", "-"), a word that ends in `*` after fewer than 3 letters
    ("a*"), one common word ("di", "dan", "Bawaslu", "2024"), or several that
    are all function words ("dan di") or all frame words ("Ketua Bawaslu").
    A function word beside a frame word is rare enough ("kerja sama")."""
    if not any(character.isalnum() for character in phrase):
        return True
    if any(w.endswith("*") and len(w.rstrip("*")) < 3 for w in phrase.split()):
        return True
    kinds = {_word_kind(word) for word in phrase.split()}
    return len(kinds) == 1 and None not in kinds


class ItemList(list):
    """A YAML list that knows, for each item, its line and (a plain value) its
    text as written: `- Off` is the words "Off", which YAML reads as false."""

    lines: list[int]
    written: list[str | None]


class _VocabularyLoader(_LineLoader):
    """The data files' loader, whose lists are ItemLists."""


def _construct_sequence(loader: _VocabularyLoader, node: yaml.SequenceNode) -> ItemList:
    items = ItemList(loader.construct_object(child, deep=True) for child in node.value)
    items.lines = [child.start_mark.line + 1 for child in node.value]
    items.written = [
        child.value if isinstance(child, yaml.ScalarNode) else None for child in node.value
    ]
    return items


_VocabularyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence
)

# What YAML reads as something else than the words written: `Off`, `No`, `Yes`,
# `On` (booleans), `2029`, `1.10` (numbers), `2024-11-27` (a date).
_NOT_TEXT = bool | int | float | dt.date


def _as_written(value: object, written: str | None) -> object:
    """A plain value as staff wrote it when YAML read it as a boolean, a number
    or a date; anything else as it is."""
    return written if isinstance(value, _NOT_TEXT) and written is not None else value


def _phrases(
    entry: LineMap, key: str, display: str, problems: list[Problem], lost: list[str]
) -> list[tuple[str, int]]:
    """The phrases of a list field as written, each with its line. An item that
    is no phrase is an error at its line and costs only itself; what it was
    meant to be (`- Uji Petik: Data`, read by YAML as a mapping) is added to
    `lost`."""
    value = _as_written(entry.get(key), entry.raw.get(key))
    if value is None:
        return []
    value = as_list(
        value,
        problems,
        display,
        entry.line_of(key),
        f"'{key}' must be a list of phrases, one per '- ' line",
    )
    if value is None:
        return []
    lines = getattr(value, "lines", [entry.line_of(key)] * len(value))
    written = getattr(value, "written", [None] * len(value))
    phrases = []
    for item, line, text in zip(value, lines, written, strict=True):
        item = _as_written(item, text)
        if isinstance(item, str):
            if item.strip():
                phrases.append((item.strip(), line))
            continue
        if isinstance(item, dict) and len(item) == 1:
            meant = ": ".join(str(part) for part in next(iter(item.items())))
            lost.append(meant)
            message = (
                f"an item of '{key}' holds ': ', which YAML reads as 'key: value': "
                f"'{meant}' (put it in quotes: - \"{meant}\")"
            )
        elif item is None:
            message = f"an empty item in '{key}' (write the phrase after '- ', or remove the line)"
        else:
            message = (
                f"an item of '{key}' is not a phrase: '{item}' (write one phrase per '- ' line)"
            )
        problems.append(Problem(display, line, message))
    return phrases


def _parse_dates(
    entry: LineMap, display: str, problems: list[Problem]
) -> list[tuple[StageDates, int]]:
    value = entry.get("dates")
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(
            Problem(
                display, entry.line_of("dates"), "'dates' must be a list of {election, start, end}"
            )
        )
        return []
    parsed = []
    for item in value:
        line = getattr(item, "line", entry.line_of("dates"))
        if not isinstance(item, dict):
            problems.append(Problem(display, line, "a 'dates' entry must have start (and end)"))
            continue
        for key in item:
            if key not in DATE_FIELDS:
                problems.append(
                    Problem(
                        display,
                        item.line_of(key),
                        f"unknown field in dates: '{key}' (expected {', '.join(DATE_FIELDS)})",
                    )
                )
        start = parse_date(item.get("start"))
        end = parse_date(item.get("end")) if item.get("end") is not None else None
        if start is None:
            problems.append(
                Problem(
                    display,
                    item.line_of("start"),
                    f"start is not a date: '{item.get('start')}' (write YYYY-MM-DD or YYYY-MM)",
                )
            )
            continue
        if item.get("end") is not None and end is None:
            problems.append(
                Problem(
                    display,
                    item.line_of("end"),
                    f"end is not a date: '{item.get('end')}' (write YYYY-MM-DD or YYYY-MM)",
                )
            )
            continue
        if end and end.last_day() < start.date:
            problems.append(
                Problem(display, item.line_of("end"), f"end is before start: '{item.get('end')}'")
            )
            continue
        election = item.get("election")
        parsed.append((StageDates(str(election) if election else None, start, end), item.line))
    return parsed


def _spellings_of(entry: LineMap) -> list[str]:
    """The keys of every spelling a tag's entry holds (its name, slug, aliases,
    and the phrases of a misspelt field such as `alias:`), however broken."""
    texts = []
    for key, value in entry.items():
        if key in ("name", "slug", "aliases") or key not in TAG_FIELDS:
            texts += value if isinstance(value, list) else [value]
    return [tag_key(text) for text in texts if isinstance(text, str)]


def _own_spellings(candidates: list, display: str, problems: list[Problem]) -> list[OfficialTag]:
    """The tags of `candidates` (tag, its entry, its (alias, line)s, …), each
    spelling owned by one. A tag's name and slug are its own: a tag named as
    an earlier one is an error at its name, and left out; an alias that is
    another tag's name, slug or earlier alias is an error at the alias's line
    naming that tag and line, and only that alias is left out."""
    owners: dict[str, tuple[OfficialTag, str, int]] = {}  # key → tag, what, line
    tags = []
    for tag, entry, _, _ in candidates:
        own: dict[str, tuple[str, int, str]] = {}  # key → what, line, as written
        for what, written in (("name", tag.name), ("slug", tag.slug)):
            own.setdefault(tag_key(written), (what, entry.line_of(what), written))
        taken = [(key, mine) for key, mine in own.items() if key in owners]
        for key, (what, line, written) in taken:
            other, other_what, other_line = owners[key]
            problems.append(
                Problem(
                    display,
                    line,
                    f"{what} already names tag '{other.slug}' ({other_what} on line "
                    f"{other_line}): '{written}' (give each tag its own name and slug)",
                )
            )
        if taken:
            continue
        for key, (what, line, _) in own.items():
            owners[key] = (tag, f"its {what}", line)
        tags.append(tag)
    named = {id(tag) for tag in tags}
    for tag, _, aliases, _ in candidates:
        if id(tag) not in named:
            continue
        kept = []
        for alias, line in aliases:
            key = tag_key(alias)
            owner = owners.get(key)
            if owner is not None and owner[0] is not tag:
                other, what, other_line = owner
                problems.append(
                    Problem(
                        display,
                        line,
                        f"alias already names tag '{other.slug}' ({what} on line {other_line}): "
                        f"'{alias}' (remove this alias, or the other)",
                    )
                )
                continue
            owners.setdefault(key, (tag, "its alias", line))
            kept.append(alias)
        tag.aliases = kept
    return tags


def parse_vocabulary(
    data: object, display: str, region_names: dict[str, str] | None = None
) -> tuple[Vocabulary, list[Problem]]:
    """Validate parsed YAML; returns the usable tags and every problem found.
    `region_names` (code → the gazetteer's name): a detect phrase or alias
    that is a place's name is an error at its line and left out."""
    places = place_names(region_names or {})
    entries, problems = list_entries(
        data,
        display,
        expected="a list of tags ('- name: …')",
        entry_problem="every tag must be a mapping with name, slug, group",
    )
    if data == []:
        problems.append(
            Problem(
                display,
                1,
                "the vocabulary has no tags (add tags, each starting with '- name:')",
            )
        )
    candidates: list[tuple[OfficialTag, LineMap, list[tuple[str, int]], list]] = []
    seen_slugs: dict[str, int] = {}
    # The spellings of entries left out for their errors, by the entry's line.
    unusable: dict[str, int] = {}
    required = ("name", "slug", "group", "description")
    for entry in entries:
        before = len(problems)
        for key in required:
            if key in entry:
                entry[key] = _as_written(entry[key], entry.raw.get(key))
        fields = check_fields(
            entry,
            display,
            allowed=TAG_FIELDS,
            required=required,
            list_allowed=True,
        )
        problems += fields
        # A field nothing reads (`warna:`, a misspelt `alias:`) costs only
        # itself: its error says so, the tag is kept, and the phrases it
        # holds, meant as spellings, are excused in the releases meanwhile.
        # (not one meant for a required field: `slugg:` leaves the tag no slug)
        unknown = [key for key in entry if key not in TAG_FIELDS]
        if all(isinstance(entry.get(key), str) and entry[key].strip() for key in required):
            before += sum(1 for problem in fields if problem.unknown_key in unknown)
        slug = str(entry.get("slug") or "").strip()
        malformed = slug_problem(entry, display, slug)
        if malformed:
            problems.append(malformed)
        if slug in seen_slugs:
            problems.append(
                Problem(
                    display,
                    entry.line_of("slug"),
                    f"slug already used on line {seen_slugs[slug]}: '{slug}'",
                )
            )
        group = entry.get("group")
        if isinstance(group, str) and group not in GROUPS:
            hint = difflib.get_close_matches(group, GROUPS, n=1, cutoff=0.4)
            problems.append(
                Problem(
                    display,
                    entry.line_of("group"),
                    f"unknown group: '{group}'"
                    + (
                        f" (did you mean '{hint[0]}'?)"
                        if hint
                        else f" (one of {', '.join(GROUPS)})"
                    ),
                )
            )
        if "main" in entry and not isinstance(entry["main"], bool):
            problems.append(Problem(display, entry.line_of("main"), "'main' must be true or false"))
        dates = _parse_dates(entry, display, problems)
        broken = len(problems) > before
        lost: list[str] = []
        aliases = [
            (alias, line)
            for alias, line in _phrases(entry, "aliases", display, problems, lost)
            if not _is_place("alias", alias, line, places, region_names, display, problems)
        ]
        detect = []
        for phrase, line in _phrases(entry, "detect", display, problems, lost):
            if _is_place("detect phrase", phrase, line, places, region_names, display, problems):
                continue
            if too_broad(phrase):
                problems.append(
                    Problem(
                        display,
                        line,
                        f"detect phrase would match nearly every release: '{phrase}' (write "
                        "words that name this tag, not only common words such as 'di', 'dan' "
                        "or 'Bawaslu'; a word may end in * after 3 letters, e.g. 'kampanye*')",
                    )
                )
            else:
                detect.append(phrase)
        unusable.update(dict.fromkeys(map(tag_key, lost), entry.line))
        if unknown:
            unusable.update(dict.fromkeys(_spellings_of(entry), entry.line))
        if broken:
            unusable.update(dict.fromkeys(_spellings_of(entry), entry.line))
            continue
        tag = OfficialTag(
            name=entry["name"].strip(),
            slug=slug,
            group=group,
            description=" ".join(entry["description"].split()),
            aliases=[alias for alias, _ in aliases],
            detect=detect,
            dates=[d for d, _ in dates],
            main=bool(entry.get("main", False)),
            line=entry.line,
        )
        seen_slugs[slug] = entry.line
        candidates.append((tag, entry, aliases, [(d.election, n) for d, n in dates if d.election]))
    tags = _own_spellings(candidates, display, problems)
    kept = {id(tag) for tag in tags}
    for tag, entry, aliases, _ in candidates:
        if id(tag) not in kept:
            unusable.update(dict.fromkeys(map(tag_key, [a for a, _ in aliases]), entry.line))
    election_refs = [ref for tag, _, _, refs in candidates if id(tag) in kept for ref in refs]
    elections = {t.slug for t in tags if t.group == "Pemilihan"}
    for election, line in election_refs:
        # An election whose own entry is left out for its errors: that error
        # says what to mend, once, not again at every stage dated by it.
        if election not in elections and tag_key(election) not in unusable:
            problems.append(
                Problem(
                    display,
                    line,
                    f"dates name an unknown election: '{election}' "
                    f"(the slug of a tag in group Pemilihan: {', '.join(sorted(elections))})",
                )
            )
    vocabulary = Vocabulary(tags)
    vocabulary.unusable = {key: line for key, line in unusable.items() if key}
    return vocabulary, problems


def _is_place(
    what: str,
    phrase: str,
    line: int,
    places: Mapping[str, str],
    region_names: dict[str, str] | None,
    display: str,
    problems: list[Problem],
) -> bool:
    """Whether a detect phrase or an alias is a place's name ('Palembang'),
    said at its line: as a detect phrase it would tag every release about the
    place, as an alias it would turn a region typed under Tags: into this tag."""
    code = places.get(fold(phrase))
    if code is None or region_names is None:
        return False
    problems.append(
        Problem(
            display,
            line,
            f"{what} is the name of a place, {region_names[code]} ({code}): '{phrase}' "
            "(a place is the release's region, written under Region:; write words that "
            "name this tag)",
        )
    )
    return True


def load_vocabulary(
    path: Path, display: str, region_names: dict[str, str] | None = None
) -> tuple[Vocabulary, list[Problem]]:
    """The vocabulary of a data file (read as `datafile.load_yaml` reads one,
    its lists as ItemLists), and every problem found; `region_names`: see
    `parse_vocabulary`."""
    data, problems = yamlfile.load(
        path,
        display,
        loader=_VocabularyLoader,
        expected="a list of tags, each starting with '- name:'",
    )
    if problems:
        return Vocabulary([]), [
            Problem(p.path, p.line, p.message + (f" ({p.hint})" if p.hint else ""))
            for p in problems
        ]
    return parse_vocabulary(data, display, region_names)
