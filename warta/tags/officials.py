"""The registry of officials: who held which position, when, and how their
names are written.

A mention is a registered name or variant found as whole words in an article;
it gets the position the person held on the article's date. Officials named
in the "Position Office, Name," pattern but absent from the registry are
*discovered*: the build suggests adding them.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import functools
import io
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from warta import yamlfile
from warta.dates import read_written_date
from warta.text import fold, tried_where

from .datafile import (
    LEVEL_WORDS,
    LineMap,
    Problem,
    as_list,
    check_fields,
    list_entries,
    load_yaml,
    misnamed,
    parse_date,
    place_names,
    slug_problem,
)
from .detection import PhraseMatcher
from .vocabulary import tag_key

OFFICIAL_FIELDS = ("name", "slug", "variants", "positions")
POSITION_FIELDS = ("position", "institution", "region", "office", "start", "end")
REGION_CODE_RE = re.compile(r"^\d{2}(?:\.\d{2}){0,2}$")


_HONORIFICS = r"(?:Dr|Drs|Dra|dr|H|Hj|Ir|Prof|KH|Ust|Ustadz|Bapak|Ibu|Pak|Bu|Sdr|Sdri)\.?"
# An academic degree after a name: two parts or more, each a capital and its
# dot ("S.H.", "S.Sos.", "S.Pd.I.", "S.I.Kom.", "A.Md."), the last one's dot
# left out only for a common ending ("M.Si", "S.H"); or a listed one ("Dr.").
# A lone initial ("Agus Salim S.") or one glued to a name ("Yuni D.Sari") is
# part of the name.
_DEGREE_ENDINGS = (
    r"H|Hum|Si|Sos|Pd|I|Kom|Ag|Kes|Ked|Kep|Sc|T|E|P|IP|AP|Ak|Psi|Farm|Md|Hut|Pi|Pt|Sn|Ds|Th"
)
_DEGREE = (
    rf"(?:[A-Z]\.(?:[A-Z][A-Za-z]{{0,3}}\.)*(?:[A-Z][A-Za-z]{{0,3}}\.|(?:{_DEGREE_ENDINGS})\b)"
    r"|(?:Dr|Ir|Lc)\.)"
)
_TITLES_BEFORE_RE = re.compile(rf"^(?:{_HONORIFICS}[ \t\u00a0]+)+")
_DEGREES_AFTER_RE = re.compile(rf"(?:,?[ \t\u00a0]*{_DEGREE})+[ \t\u00a0]*,?$")


def without_titles(name: str) -> str:
    """A person's name without the honorifics before it and the degrees after
    it, as a mention of an official is read: 'Dr. H. Rizky Febriansyah,
    S.I.Kom., M.Si.' → 'Rizky Febriansyah'; a name without either as it is."""
    text = " ".join(name.split())
    bare = _DEGREES_AFTER_RE.sub("", _TITLES_BEFORE_RE.sub("", text)).strip(" ,")
    return bare or text


def matched_spelling(spelling: str) -> str:
    """A registered name or variant as the text is read for it: without its
    honorifics and degrees when what is left is a name of two words or more
    ('H. Ahmad Rizal, S.H.' → 'Ahmad Rizal'), else as written."""
    bare = without_titles(spelling)
    return bare if len(bare.split()) > 1 else " ".join(spelling.split())


def _unread(problems: list[Problem] | None, problem) -> dict[str, str]:
    """No region names, and the `yamlfile.YamlProblem` that says why appended
    to `problems` (its hint part of its message)."""
    if problems is not None:
        problems.append(Problem(problem.path, problem.line, f"{problem.message} ({problem.hint})"))
    return {}


def load_region_names(
    path: Path | None, problems: list[Problem] | None = None, display: str = ""
) -> dict[str, str]:
    """Kemendagri code → display name ('16' → 'Provinsi Sumatera Selatan').

    Reads the gazetteer CSV the regions data provides (a plain data file; a
    header with kode/code, nama/name and optionally tingkat/level; a BOM, as
    Excel's "CSV UTF-8" writes, is read). Missing file → empty map: offices
    then fall back to the `office:` field. A file that is not UTF-8 text is
    an empty map too, and one problem appended to `problems`, at the line
    and column of its first such byte (`display`: its path as shown); so is
    a symbolic link, unread (the official_tags plugin says it unless the
    regions plugin reads, and says, the same file).
    """
    refused = yamlfile.link_refusal(Path(path), display or str(path)) if path else None
    if refused is not None:
        # Not read (a link, or in a folder that is one): an empty map, and said.
        return _unread(problems, refused)
    if not path or not Path(path).is_file():
        return {}
    text, undecoded = yamlfile.decode(Path(path).read_bytes(), display or str(path))
    if text is None:
        [problem] = undecoded  # the YAML files' words, at the same line and column
        return _unread(problems, problem)
    names: dict[str, str] = {}
    with io.StringIO(text, newline="") as handle:
        reader = csv.DictReader(handle)
        columns = {c.lower().strip(): c for c in reader.fieldnames or []}
        code_col = columns.get("kode") or columns.get("code")
        name_col = columns.get("nama") or columns.get("name")
        level_col = columns.get("tingkat") or columns.get("level")
        if not code_col or not name_col:
            return {}
        for row in reader:
            code = (row.get(code_col) or "").strip()
            name = (row.get(name_col) or "").strip()
            if not code or not name:
                continue
            level = (row.get(level_col) or "").strip().lower() if level_col else ""
            depth = code.count(".")
            if (level == "provinsi" or (not level and depth == 0)) and not name.startswith(
                "Provinsi"
            ):
                name = f"Provinsi {name}"
            elif (level == "kecamatan" or (not level and depth == 2)) and not name.startswith(
                "Kecamatan"
            ):
                name = f"Kecamatan {name}"
            names[code] = name
    return names


def closest_codes(code: str, region_names: dict[str, str], limit: int = 3) -> list[str]:
    """The known codes most like an unknown `code` ('16.79' → '16.74', '16.73',
    …): codes of its level under the same parent, those that share more of
    its first digits first, then the nearest in number; the parent itself
    when there is none."""
    parent = code.rsplit(".", 1)[0] if "." in code else ""
    depth = code.count(".")
    last = code.rsplit(".", 1)[-1]

    def distance(known: str) -> tuple[int, int, str]:
        shared = next(
            (i for i, (a, b) in enumerate(zip(code, known, strict=False)) if a != b),
            min(len(code), len(known)),
        )
        return -shared, abs(int(known.rsplit(".", 1)[-1]) - int(last)), known

    siblings = [
        known
        for known in region_names
        if known.count(".") == depth
        and (not parent or known.startswith(parent + "."))
        and REGION_CODE_RE.match(known)
    ]
    closest = sorted(siblings, key=distance)[:limit]
    if not closest and parent in region_names:
        closest = [parent]
    return closest


def _core(name: str) -> str:
    """A region's name without its level word and spaces ('Kota Pagar Alam' → 'pagaralam')."""
    words = fold(name).split()
    if words and words[0] in LEVEL_WORDS:
        words = words[1:]
    return "".join(words)


def office_region(office: str, region: str, region_names: dict[str, str]) -> str | None:
    """The code of another region of `region`'s level (and parent) that an
    `office:` names instead of `region`'s own ('Bawaslu Kota Palembang' for
    16.73, Kota Lubuk Linggau); None when it names its own or no other."""
    written = "".join(fold(office).split())
    own = _core(region_names[region])
    if own and own in written:
        return None
    parent = region.rsplit(".", 1)[0] if "." in region else ""
    depth = region.count(".")
    others = [
        code
        for code, name in region_names.items()
        if code != region
        and code.count(".") == depth
        and (not parent or code.startswith(parent + "."))
        and len(_core(name)) > 3
        and _core(name) in written
    ]
    return max(others, key=lambda code: len(_core(region_names[code])), default=None)


def office_name(institution: str, region_name: str | None) -> str:
    """'Bawaslu' + 'Kota Palembang'; 'Panwaslu Kecamatan' + 'Kecamatan X' → no doubled word."""
    if not region_name:
        return institution
    last_word = institution.split()[-1] if institution.split() else ""
    if last_word and region_name.split()[0].lower() == last_word.lower():
        region_name = region_name.split(" ", 1)[1] if " " in region_name else ""
    return f"{institution} {region_name}".strip()


@dataclass
class Position:
    position: str
    institution: str
    region: str | None
    office: str
    start: dt.date
    end: dt.date | None
    line: int = 0
    start_line: int = 0  # the lines of `start:` and `end:` in the file
    end_line: int = 0
    # The file has an error in this position (said at its line): it is not
    # shown, and held on every day in no particular office, so that a release
    # naming the person is neither unlinked nor blamed for it meanwhile.
    doubtful: bool = False

    @property
    def acting(self) -> bool:
        """An acting position ('Plt. Ketua', 'Plh. Kepala Sekretariat'): held
        for a time beside the person's own post, and beside the seat's holder."""
        return bool(_ACTING_RE.match(self.position)["acting"])

    def holds_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    @property
    def title(self) -> str:
        """'Ketua Bawaslu Kota Palembang'."""
        return f"{self.position} {self.office}".strip()


def doubtful_position(line: int) -> Position:
    """What stands for a position whose entry has an error (`Position.doubtful`)."""
    return Position("", "", None, "", dt.date.min, None, line=line, doubtful=True)


@dataclass
class Official:
    name: str
    slug: str
    variants: list[str] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    line: int = 0

    def spellings(self) -> list[str]:
        """The name and variants as the text is read for them: without the
        honorifics and degrees registered with them ('Dr. H. Firdaus
        Hasanuddin, S.H., M.H.' is found as 'Firdaus Hasanuddin', with its
        titles or without), when what is left is a name of two words or more."""
        return list(dict.fromkeys(map(matched_spelling, (self.name, *self.variants))))

    @property
    def shown(self) -> list[Position]:
        """The positions a page or a release shows (not the doubtful ones)."""
        return [p for p in self.positions if not p.doubtful]

    def position_on(self, day: dt.date) -> Position | None:
        """The position held on `day`: the person's own post, an acting one
        ('Plt. …') only when it is the only one held then; when several (the
        file has an error for it), the newest: an appointment whose
        predecessor was not ended."""
        held = [p for p in self.shown if p.holds_on(day)]
        held = [p for p in held if not p.acting] or held
        return max(held, key=lambda p: p.start, default=None)

    def current_positions(self, today: dt.date) -> list[Position]:
        return [p for p in self.shown if p.holds_on(today)]

    def past_positions(self, today: dt.date) -> list[Position]:
        past = [p for p in self.shown if not p.holds_on(today)]
        return sorted(past, key=lambda p: p.start, reverse=True)

    def latest_position(self) -> Position | None:
        return max(self.shown, key=lambda p: (p.end or dt.date.max, p.start), default=None)


NO_OFFICIALS = "the registry has no officials"  # (a file of `[]`)
MAX_NAMES = 20000  # names a Registry remembers what it said of
# How alike (difflib's ratio of the folded names) a name not registered and a
# registered one are when the first may be a misspelling of the second: a
# letter left out or changed in a name of two words.
NEAR_NAME = 0.85


@dataclass
class Registry:
    officials: list[Official]
    # Folded spellings of people the file names but that could not be
    # registered (`parse_registry`): its errors say why.
    withheld: frozenset[str] = frozenset()
    matcher: PhraseMatcher = field(init=False, repr=False)
    _by_key: dict[str, Official] = field(default_factory=dict, repr=False)
    _by_slug: dict[str, Official] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        # What `knows` and `shortened` said of each name asked: discovery asks
        # of the same officials' names in release after release.
        self._known = functools.lru_cache(maxsize=MAX_NAMES)(self._is_known)
        self._shortened = functools.lru_cache(maxsize=MAX_NAMES)(self._shortened_names)
        entries = []
        for official in self.officials:
            self._by_slug.setdefault(official.slug, official)
            for spelling in (official.name, *official.variants):
                self._by_key.setdefault(fold(spelling), official)
            for spelling in official.spellings():
                self._by_key.setdefault(fold(spelling), official)
                entries.append((spelling, official.slug))
                entries.append((spelling.upper(), official.slug))
        # Names are proper nouns: matched with their capitals (so the name
        # "Muslim" is not found in "umat muslim"), or all in capitals as a
        # headline writes them (as office words are read: "Bawaslu", "BAWASLU"),
        # never with "-nya". Initials with or without their dots ("Kgs.
        # Ahmad", "Kgs Ahmad", "Kgs.Ahmad").
        self.matcher = PhraseMatcher(entries, enclitic=False, case_sensitive=True, initials=True)

    def by_slug(self, slug: str) -> Official | None:
        return self._by_slug.get(slug)

    def knows(self, name: str) -> bool:
        """True when `name` is, as a whole, a spelling the text is read with (the
        matcher's reading: initials with or without dots, capitals as written
        or all capitals)."""
        return self._known(name)

    def _is_known(self, name: str) -> bool:
        whole = " ".join(name.split())
        return any(
            match.start() == 0 and len(match.group(match.lastgroup)) == len(whole)
            for _, match in self.matcher.finditer(whole)
        )

    def shortened(self, name: str) -> list[Official]:
        """The officials of whose registered name `name` is part ("Khairil" of
        "Khairil Anwar"), in registry order."""
        return list(self._shortened(name))

    def _shortened_names(self, name: str) -> tuple[Official, ...]:
        words = set(fold(name).split())
        slugs = dict.fromkeys(
            official.slug
            for key, official in self._by_key.items()
            if words and words <= set(key.split())
        )
        return tuple(self._by_slug[slug] for slug in slugs)

    def shortens(self, name: str) -> bool:
        """True when `name` is part of a registered name ("Khairil" of "Khairil Anwar")."""
        return bool(self.shortened(name))

    def near(self, name: str) -> list[Official]:
        """The officials a name not registered may be a misspelling of: a
        registered name or variant spelt nearly so (`NEAR_NAME`, folded:
        "Sapri Yansah" for "Sapri Yansyah"), the nearest first."""
        keys = difflib.get_close_matches(fold(name), self._by_key, n=3, cutoff=NEAR_NAME)
        return list({self._by_key[key].slug: self._by_key[key] for key in keys}.values())

    def mentions(self, text: str, heading: int = 0) -> list[tuple[str, re.Match]]:
        """(slug, zero-width match whose group is the spelling) of each place
        `text` names a registered person, in order. A registered name that is
        part of a longer one ("Neni Marlina Sari", "Ahmad Romi Kurniawan") is
        another person (`longer_name`). text[:heading] is a title, whose every
        word has a capital: there a name is part of a longer one only where the
        rest of the text writes that longer name."""
        hits, longer = [], set()
        for slug, match in self.matcher.finditer(text):
            start = match.start()
            whole = longer_name(text, start, start + len(match.group(match.lastgroup)))
            hits.append((slug, match, whole))
            if whole is not None and start >= heading:
                longer.add(whole)
        return [
            (slug, match)
            for slug, match, whole in hits
            if whole is None or (match.start() < heading and whole not in longer)
        ]

    def mentioned(self, text: str) -> list[Official]:
        """Officials named in `text`, in order of first mention."""
        slugs = dict.fromkeys(slug for slug, _ in self.mentions(text))
        return [self.by_slug(slug) for slug in slugs]


def _as_date(value, item: LineMap, key: str, display: str, problems: list[Problem]):
    parsed = parse_date(value)
    if parsed is not None and not parsed.month_only:
        return parsed.date
    if value is None or (isinstance(value, str) and not value.strip()):
        if key not in misnamed(item, POSITION_FIELDS):  # (said at the key written instead)
            problems.append(
                Problem(display, item.line_of(key), f"missing '{key}' (write YYYY-MM-DD)")
            )
        return None
    written = read_written_date(str(value)) if isinstance(value, str) else None
    if written is not None and written.value is not None and not written.has_time:
        hint = f"write {written.value.date().isoformat()}"
    else:
        hint = "write YYYY-MM-DD"
    problems.append(Problem(display, item.line_of(key), f"{key} is not a date: '{value}' ({hint})"))
    return None


def _parse_position(
    item: object,
    official_line: int,
    region_names: dict[str, str],
    display: str,
    problems: list[Problem],
) -> Position | None:
    if not isinstance(item, LineMap):
        problems.append(Problem(display, official_line, f"a position must be a mapping: {item!r}"))
        return doubtful_position(official_line)
    before = len(problems)
    problems += check_fields(
        item,
        display,
        allowed=POSITION_FIELDS,
        required=("position", "institution"),
        what="field in a position",
    )
    region = item.raw.get("region") if item.get("region") is not None else None
    region = str(region).strip() or None if region is not None else None
    if region and not REGION_CODE_RE.match(region):
        problems.append(
            Problem(
                display,
                item.line_of("region"),
                f"region must be a Kemendagri code like 16.71: '{region}'",
            )
        )
    elif region and region_names and region not in region_names:
        # (an `office:` names the office, never its region: the code is still read)
        closest = ", ".join(
            f"{region_names[code]} ({code})" for code in closest_codes(region, region_names)
        )
        problems.append(
            Problem(
                display,
                item.line_of("region"),
                f"unknown region code: '{region}' (closest: {closest or 'no close match'})",
            )
        )
    level = _level_problem(item, region, region_names)
    if level:
        problems.append(Problem(display, item.line_of("institution"), level))
    office = item.get("office")
    named = (
        office_region(office, region, region_names)
        if isinstance(office, str) and region in region_names
        else None
    )
    if named is not None:
        problems.append(
            Problem(
                display,
                item.line_of("office"),
                f"office names {region_names[named]} ({named}), not the region's "
                f"{region_names[region]} ({region}): '{office}' (write region: \"{named}\", "
                "or the office of the region)",
            )
        )
    start = _as_date(item.get("start"), item, "start", display, problems)
    end = None
    if item.get("end") is not None:
        end = _as_date(item.get("end"), item, "end", display, problems)
        if start and end and end < start:
            problems.append(
                Problem(
                    display,
                    item.line_of("end"),
                    f"end is before start: '{end}' (write the last day in the position, on or "
                    f"after its start {start.isoformat()}; or null while it is held)",
                )
            )
    if len(problems) > before:
        return doubtful_position(item.line)
    institution = item["institution"].strip()
    office = item.get("office")
    if not isinstance(office, str) or not office.strip():
        office = office_name(institution, region_names.get(region) if region else None)
        if region and region not in region_names:
            office = f"{institution} {region}"
    return Position(
        position=item["position"].strip(),
        institution=institution,
        region=region,
        office=office.strip(),
        start=start,
        end=end,
        line=item.line,
        start_line=item.line_of("start"),
        end_line=item.line_of("end"),
    )


def _not_a_variant(
    variant: str, name: str, places: Mapping[str, str], region_names: dict[str, str]
) -> str | None:
    """Why `variant` cannot be a spelling of the person `name` (the message),
    or None: no letters; a place's name ('Palembang': every release of the
    city would name the person); one word of the person's own name ('Rini':
    every Rini would be them)."""
    if not any(char.isalpha() for char in variant):
        return f"a variant must be a name: '{variant}'"
    key = fold(without_titles(variant))
    if key in places:
        code = places[key]
        return (
            f"variant is the name of a place, {region_names[code]} ({code}): '{variant}' "
            "(register a person by the names releases call them)"
        )
    if all(
        word in NOT_A_NAME or word in FUNCTION_WORDS or word in _NOT_NAME_PARTS
        for word in key.split()
    ):
        return (
            f"variant is made of words that are no name (a day, a month, an office, a role): "
            f"'{variant}' (register a person by the names releases call them)"
        )
    own = fold(without_titles(name)).replace(".", " ").split()
    if len(key.split()) == 1 and key in own:
        return (
            f"variant is one word of the person's own name: '{variant}' (never the bare first "
            "or last name a release uses after the first mention: every person of that name "
            "would be linked)"
        )
    return None


_KECAMATAN_BODIES = (
    "panwaslu kecamatan",
    "panwascam",
    "pengawas pemilu kecamatan",
    "panitia pengawas pemilu kecamatan",
    "panitia pengawas pemilihan kecamatan",
)


def _level_problem(item: LineMap, region: str | None, region_names: dict[str, str]) -> str | None:
    """An institution that has no office at the level of the region's code:
    Bawaslu sits in the nation (no code), a province or a kabupaten/kota;
    Panwaslu Kecamatan in a kecamatan."""
    institution = item.get("institution")
    if not region or not isinstance(institution, str) or not REGION_CODE_RE.match(region):
        return None
    kind = " ".join(fold(institution).split())
    named = region_names.get(region)
    where = f"'{region}'" + (f" ({named})" if named else "")
    if kind == "bawaslu" and region.count(".") == 2:
        return (
            f"Bawaslu has no office in a kecamatan: region {where} (write institution: "
            f"Panwaslu Kecamatan, or the kabupaten/kota's code '{region.rsplit('.', 1)[0]}')"
        )
    if kind in _KECAMATAN_BODIES and region.count(".") < 2:
        return (
            f"{institution.strip()} sits in a kecamatan: region {where} (write the "
            f"kecamatan's code, {region}{'.xx' * (2 - region.count('.'))}, or "
            "institution: Bawaslu)"
        )
    return None


def _variants(
    entry: LineMap,
    display: str,
    problems: list[Problem],
    places: Mapping[str, str],
    region_names: dict[str, str],
) -> list[tuple[str, int]]:
    """(variant, its line) of an entry; an item that is no name (not a text, a
    place's name, one word of the person's own) is said at its line and left
    out, the others kept."""
    variants = as_list(
        entry.get("variants") or [],
        problems,
        display,
        entry.line_of("variants"),
        "'variants' must be a list of names",
    )
    if variants is None:
        return []
    kept = []
    for index, variant in enumerate(variants):
        line = entry.item_line("variants", index)
        if not isinstance(variant, str):
            problems.append(
                Problem(
                    display,
                    line,
                    f"a variant must be a name: '{variant}' (put it in quotes if it is one)",
                )
            )
        elif variant.strip():
            variant = " ".join(variant.split())
            name = entry.get("name") if isinstance(entry.get("name"), str) else ""
            why = _not_a_variant(variant, name, places, region_names)
            if why:
                problems.append(Problem(display, line, why))
            else:
                kept.append((variant, line))
    return kept


def parse_registry(
    data: object, display: str, region_names: dict[str, str]
) -> tuple[Registry, list[Problem]]:
    """The officials of the file. A mistake costs only itself: a bad position
    is kept as a doubtful one (`Position.doubtful`), a bad variant is left out;
    a person who cannot be registered (no usable slug, or the name of another)
    is *withheld*: their spellings are neither linked nor suggested as "not in
    the registry", the error at the file says what to mend."""
    entries, problems = list_entries(
        data,
        display,
        expected="a list of officials ('- name: …')",
        entry_problem="every official must be a mapping",
    )
    if data == []:
        problems.append(
            Problem(
                display,
                1,
                f"{NO_OFFICIALS} (add officials, each starting with '- name:'; "
                "restore it from git if it was emptied by mistake)",
            )
        )
    officials: list[Official] = []
    withheld: set[str] = set()
    seen_slugs: dict[str, int] = {}
    places = place_names(region_names)
    # Each spelling as matched (folded, without titles: `matched_spelling`) →
    # (official, its line, the official's own name?) of everyone writing it.
    claims: dict[str, list[tuple[Official, int, bool]]] = {}
    for entry in entries:
        problems += check_fields(entry, display, allowed=OFFICIAL_FIELDS, required=("name", "slug"))
        name = " ".join(entry["name"].split()) if isinstance(entry.get("name"), str) else ""
        slug = str(entry.get("slug") or "").strip()
        malformed = slug_problem(entry, display, slug)
        if malformed:
            problems.append(malformed)
        elif slug in seen_slugs:
            problems.append(
                Problem(
                    display,
                    entry.line_of("slug"),
                    f"slug already used on line {seen_slugs[slug]}: '{slug}'",
                )
            )
        variants = _variants(entry, display, problems, places, region_names)
        raw_positions = entry.get("positions")
        if not isinstance(raw_positions, list) or not raw_positions:
            problems.append(
                Problem(
                    display,
                    entry.line_of("positions"),
                    "'positions' must list at least one {position, institution, region, start}",
                )
            )
            raw_positions = []
        positions = [
            _parse_position(i, entry.line, region_names, display, problems) for i in raw_positions
        ]
        problems += _overlapping(positions, display)
        spellings = [(name, entry.line)] if name else []
        spellings += variants
        if not name or not slug or malformed or slug in seen_slugs:
            withheld.update(fold(spelling) for spelling, _ in spellings)
            continue
        official = Official(name, slug, [v for v, _ in variants], positions, line=entry.line)
        for spelling, line in spellings:
            key = fold(matched_spelling(spelling))
            claims.setdefault(key, []).append((official, line, spelling == name))
        seen_slugs[slug] = entry.line
        officials.append(official)
    shared = _shared_spellings(claims, display)
    problems += shared.problems
    withheld.update(shared.withheld)
    for official in officials:
        taken = shared.taken[official.slug]
        official.variants = [v for v in official.variants if fold(matched_spelling(v)) not in taken]
        if official.slug in shared.unnamed:  # (another's name: not this one's page)
            withheld.update(map(fold, official.variants))
    officials = [o for o in officials if o.slug not in shared.unnamed]
    problems += _two_holders(officials, display)
    return Registry(officials, withheld=frozenset(withheld)), problems


@dataclass
class _Shared:
    problems: list[Problem] = field(default_factory=list)
    # slug → folded spellings taken from that person (another's, or nobody's)
    taken: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    withheld: set[str] = field(default_factory=set)  # spellings nobody keeps
    unnamed: set[str] = field(default_factory=set)  # people whose name is another's


def fits(spelling: str, name: str) -> bool:
    """Is `spelling` a way of writing `name`: each of its words, in order, a
    word of the name or its short form ("Hotman P. Sitorus", "Kgs. Ahmad
    Zulkarnain", "M. Rizal" for "Muhammad Rizal")?"""
    words = iter(fold(without_titles(name)).replace(".", " ").split())
    for word in fold(without_titles(spelling)).replace(".", " ").split():
        if not any(_shortens(word, full) for full in words):
            return False
    return True


def _shortens(short: str, full: str) -> bool:
    """'kgs' of 'kiagus', 'p' of 'parulian', 'sitorus' of 'sitorus'."""
    if not short or short[0] != full[:1]:
        return False
    letters = iter(full)
    return all(letter in letters for letter in short)


def _shared_spellings(claims: dict[str, list[tuple[Official, int, bool]]], display: str) -> _Shared:
    """Spellings written for two people. A person's own name is theirs (the
    other's variant is the mistake); a variant shared by two is the one's
    whose name it writes ("Hotman P. Sitorus": Hotman Parulian Sitorus's,
    not Kiagus's). Each mistake is said at its own line, naming the other;
    a spelling neither name fits is left out of both, said once."""
    shared = _Shared()
    for key, claimants in claims.items():
        people = {official.slug for official, _, _ in claimants}
        if len(people) < 2:
            continue
        # (two people of one name: the first listed keeps it)
        named = [c for c in claimants if c[2]]
        owners = named[:1] if named else [c for c in claimants if fits(key, c[0].name)]
        if len(owners) == 1:
            owner, owner_line, _ = owners[0]
            for official, line, own_name in claimants:
                if official.slug == owner.slug:
                    continue
                shared.taken[official.slug].add(key)
                if own_name:
                    shared.unnamed.add(official.slug)
                spelling = official.name if own_name else _variant_of(official, key)
                shared.problems.append(
                    Problem(
                        display,
                        line,
                        f"name already belongs to '{owner.slug}' (line {owner_line}): "
                        f"'{spelling}' (two people may not share a spelling: "
                        + (
                            "register one of them by a longer name)"
                            if own_name
                            else "remove it here, or use a longer variant)"
                        ),
                    )
                )
            continue
        shared.withheld.add(key)
        for official, _, _ in claimants:
            shared.taken[official.slug].add(key)
        *earlier, (last, last_line, _) = claimants
        spelling = _variant_of(last, key)
        others = ", ".join(f"'{o.slug}' (line {line})" for o, line, _ in earlier)
        shared.problems.append(
            Problem(
                display,
                last_line,
                f"variant also written for {others}: '{spelling}' (two people may not share "
                "a spelling: keep it for the one it names, with a longer variant)",
            )
        )
    shared.problems.sort(key=lambda p: p.line)
    return shared


def _variant_of(official: Official, key: str) -> str:
    """The variant of `official` read as the folded spelling `key`."""
    return next(v for v in official.variants if fold(matched_spelling(v)) == key)


def _same_time(first: Position, second: Position) -> bool:
    last = dt.date.max
    return first.start <= (second.end or last) and second.start <= (first.end or last)


def _supervisory(institution: str) -> bool:
    """Bawaslu, Panwaslu Kecamatan, Panwascam, Pengawas …: the bodies of which
    one person sits in one office at a time."""
    return fold(institution).startswith(("bawaslu", "panwas", "pengawas"))


def _overlapping(positions: list[Position], display: str) -> list[Problem]:
    """Two positions of one person at once in one office (Ketua from 2023 with
    no end, and Anggota in 2024), or in two offices of Bawaslu (Kordiv of
    Kota Palembang with no end, and Anggota of the province from 2025): the
    build would show either. Said at the newer one: the earlier needs its end
    date. An acting position ('Plt. Ketua') is held beside the person's own
    post: it is in neither check."""
    found = []
    positions = [p for p in positions if not p.doubtful and not p.acting]
    for index, later in enumerate(positions):
        for earlier in positions[:index]:
            if not _same_time(earlier, later):
                continue
            first, second = (later, earlier) if later.start < earlier.start else (earlier, later)
            if (earlier.institution, earlier.region) == (later.institution, later.region):
                found.append(
                    Problem(
                        display,
                        later.line,
                        f"position overlaps the one on line {earlier.line} in the same office: "
                        f"'{later.title}' (give '{earlier.title}' an end date before "
                        f"{later.start.isoformat()})",
                    )
                )
            elif _supervisory(earlier.institution) and _supervisory(later.institution):
                found.append(
                    Problem(
                        display,
                        second.line,
                        f"position overlaps the one on line {first.line} in another office: "
                        f"'{second.title}' (one person sits in one Bawaslu office at a time: "
                        f"give '{first.title}' an end date before {second.start.isoformat()})",
                    )
                )
    return found


# Positions one person holds in an office at a time: these, and each
# division's coordinator ("Koordinator Divisi …": one per division and office).
SINGLE_SEATS = ("Ketua", "Kepala Sekretariat", "Koordinator Sekretariat")
DIVISION_SEAT = "Koordinator Divisi "


def single_seat(title: str) -> bool:
    return title in SINGLE_SEATS or title.startswith(DIVISION_SEAT)


def _two_holders(officials: list[Official], display: str) -> list[Problem]:
    """One office's chair, head of secretariat or division coordinator held by
    two people at once:
    a release naming either would link the wrong one. Said at the term that
    starts later (the one entered while the other runs), naming the other."""
    found = []
    seats: dict[tuple, list[tuple[Official, Position]]] = {}
    for official in officials:
        for position in official.shown:
            # (an acting holder, 'Plt. Ketua', sits beside the one on leave: not a seat)
            if single_seat(position.position) and not position.acting:
                key = (position.position, position.institution, position.region)
                seats.setdefault(key, []).append((official, position))
    for holders in seats.values():
        holders.sort(key=lambda held: (held[1].start, held[1].line))
        for index, (official, position) in enumerate(holders):
            other, taken = next(
                (
                    (other, taken)
                    for other, taken in holders[:index]
                    if other is not official and _same_time(taken, position)
                ),
                (None, None),
            )
            if other is not None:
                found.append(
                    Problem(
                        display,
                        position.line,
                        f"'{position.title}' is held by {other.name} (line {taken.line}) "
                        f"at the same time: '{official.name}' (end one of the two terms "
                        "before the other starts)",
                    )
                )
    return sorted(found, key=lambda problem: problem.line)


def load_registry(
    path: Path, display: str, region_names: dict[str, str]
) -> tuple[Registry, list[Problem]]:
    data, problems = load_yaml(
        path, display, expected="a list of officials, each starting with '- name:'"
    )
    if problems:
        return Registry([]), problems
    return parse_registry(data, display, region_names)


# ---- a name inside a longer one -------------------------------------------------

# Capitalised words that open a sentence or a clause, never a name.
_FUNCTION_WORDS_TEXT = """
di dalam pada untuk dari ke kepada menurut sementara selain sebelumnya kemudian setelah
saat ketika bersama adapun sedangkan namun tetapi dengan oleh kata ujar jelas tambah turut
hadir dihadiri acara kegiatan rapat dalam hal itu ini ia dia mereka kami kita
"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())
# Capitalised words beside a name that are not part of it: honorifics, the
# roles and offices written before a name without a comma ("Ketua Panwascam
# Kalidoni Nama"), degrees written without dots ("Nama SH").
_NOT_NAME_PARTS_TEXT = """
bapak ibu pak bu sdr sdri saudara saudari ust ustadz dr drs dra ir prof kh hj
ketua wakil anggota komisioner pimpinan koordinator kordiv koordiv kadiv korsek kasek kabag
kasubbag kepala sekretaris sekretariat divisi staf staff plt plh pj humas tim
panwas panwascam pkd ptps dkpp ri dan serta
sh mh se mm st si mt ak spd mpd msi skom mkom ssos msos sip mip sag mag shi mhi amd ssi sth mkn
"""
_NOT_NAME_PARTS = frozenset(_NOT_NAME_PARTS_TEXT.split())
_PART_GAP = r"(?:[ \t\u00a0]+|-)"  # between two words of one name ("Marlina-Sari" too)
# A word that may carry a name on: a capital, then lower case ("Sari", "Ma'ruf").
_NAME_PART = r"[A-Z][a-z][\w'’]*"
_PART_AFTER_RE = re.compile(rf"{_PART_GAP}(?P<word>{_NAME_PART})(?![\w'’])")
_PART_BEFORE_RE = re.compile(rf"(?<![\w'’.-])(?P<word>{_NAME_PART}){_PART_GAP}$")
# Any capitalised word (an abbreviation, a word in capitals, an initial) before
# another, or the "dan" of a division's name ("Hukum dan Penyelesaian Sengketa").
_CAPITALISED_BEFORE_RE = re.compile(
    r"(?<![\w'’.-])(?P<word>[A-Z][\w'’.-]*|dan|serta|&)[ \t\u00a0]+$"
)
# What a sentence or a clause opens after: a capitalised word there is no name's.
_OPENERS = ".!?:;“”\"‘'(–—-"


def _name_part(word: str) -> bool:
    key = word.strip(".,").lower()
    return key not in NOT_A_NAME and key not in FUNCTION_WORDS and key not in _NOT_NAME_PARTS


def longer_name(text: str, start: int, end: int) -> str | None:
    """The longer name of which text[start:end], a registered spelling, is
    part, or None. After the name: a capitalised word right after it, on its
    line, with no comma between ("Neni Marlina Sari"; not a degree, a day, a
    role). Before it: a capitalised word in the middle of a sentence, with
    no role, office or place word among the capitalised words it follows
    ("dilantik, Ahmad Romi Kurniawan"; not "Ketua Bawaslu OKU Selatan Romi
    Kurniawan"). A word that opens a sentence has a capital anyway: it is not
    read as part of a name."""
    after = _PART_AFTER_RE.match(text, end)
    if after and _name_part(after["word"]):
        return text[start : after.end("word")]
    line_start = text.rfind("\n", 0, start) + 1
    before = _PART_BEFORE_RE.search(text, line_start, start)
    if not before or not _name_part(before["word"]):
        return None
    first = before.start("word")
    while run := _CAPITALISED_BEFORE_RE.search(text, line_start, first):
        if run["word"][0].isupper() and not _name_part(run["word"]):
            return None
        first = run.start("word")
    opened = text[line_start:first].rstrip()
    if not opened or opened[-1] in _OPENERS:
        return None
    return text[before.start("word") : end]


# ---- discovery ---------------------------------------------------------------

_POSITION_WORDS = (
    r"Ketua|Anggota|Koordinator\s+Divisi|Kordiv|Koordinator\s+Sekretariat|Korsek"
    r"|Kepala\s+Sekretariat|Kepala\s+Bagian|Kepala\s+Subbagian|Sekretaris|Komisioner"
)
_OFFICE_WORDS = r"Bawaslu|Panwaslu|Panwascam|KPU|DKPP|PKD|PTPS"
_NAME_WORD = r"[A-Z][\w'’-]*\.?"
# "Ketua Bawaslu Kota Palembang, Nama Lengkap," — the position runs from a
# position word to an office word and the rest of the office name; the name
# is one to six capitalised words ended by a comma, or by the sentence's end
# ("…," kata Ketua Bawaslu Kabupaten Lahat, Nama Lengkap.).
DISCOVERY_RE = re.compile(
    rf"(?P<position>(?<![\w])(?:{_POSITION_WORDS})\b[^.;:\n“”\"]{{0,140}}?\b(?:{_OFFICE_WORDS})\b"
    rf"[^,.;:\n“”\"()]{{0,60}}?),[ \t]+"
    rf"(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,5}})(?:[ \t]*,|(?<=\.)(?=\s|$))"
)
# Where a discovery may start: a position word.
_POSITION_START_RE = re.compile(
    r"Ketua|Anggota|Koordinator|Kordiv|Korsek|Kepala|Sekretaris|Komisioner"
)


def discoveries(text: str) -> Iterator[re.Match]:
    """`DISCOVERY_RE.finditer(text)`, tried where a position word starts."""
    return tried_where(DISCOVERY_RE, _POSITION_START_RE, text)


# Capitalised words after "Office," that are not a person: "…, Senin (18/11)".
_NOT_A_NAME_WORDS = """
senin selasa rabu kamis jumat sabtu minggu ahad
januari februari pebruari maret april mei juni juli agustus september oktober november nopember
desember bawaslu panwaslu kpu kota kabupaten provinsi kecamatan kelurahan desa sumatera pemilu
pilkada pemilihan
"""
NOT_A_NAME = frozenset(_NOT_A_NAME_WORDS.split())


@dataclass(frozen=True)
class Discovery:
    name: str
    position: str
    offset: int


def discover(
    text: str,
    registry: Registry,
    serves: Callable[[Official, str], bool] | None = None,
) -> list[Discovery]:
    """Officials named in the 'Position Office, Name,' pattern but not registered.

    A part of a registered name ("Kurniawan" of "Romi Kurniawan") is that
    official named short, unless `serves(official, position)` says the office
    the position names ("Ketua Bawaslu Sumsel") was never theirs: then it is
    someone else, not registered."""
    found: dict[str, Discovery] = {}
    for match in discoveries(text):
        name = " ".join(match.group("name").split()).rstrip(".")
        position = " ".join(match.group("position").split())
        if fold(name.split()[0]) in NOT_A_NAME:
            continue
        if registry.knows(name) or registry.mentions(name) or fold(name) in registry.withheld:
            continue
        shortened = registry.shortened(name)
        if shortened and (serves is None or any(serves(person, position) for person in shortened)):
            continue
        found.setdefault(fold(name), Discovery(name, position, match.start("name")))
    return list(found.values())


def names_that_are_tags(
    registry: Registry, tag_spellings: dict[str, str], display: str
) -> list[Problem]:
    """A registered name (or variant) that is also a spelling of an official
    tag ("Masa Tenang" as a person): every release writing the phrase in
    capitals would name that "official". `tag_spellings`: a spelling as the
    vocabulary compares it (`tag_key`) → the tag's name."""
    found = []
    for official in registry.officials:
        for spelling in (official.name, *official.variants):
            tag = tag_spellings.get(tag_key(spelling))
            if tag is not None:
                found.append(
                    Problem(
                        display,
                        official.line,
                        f"name is also a spelling of the official tag '{tag}': '{spelling}' "
                        "(register a person by the name releases call them)",
                    )
                )
    return found


# ---- titles ----------------------------------------------------------------------

# The positions data/officials.yaml documents; "Koordinator Divisi" takes a
# division of the vocabulary's Divisi group, the others below any unit.
TITLES = ("Ketua", "Anggota", "Kepala Sekretariat", "Koordinator Sekretariat")
DIVISION_TITLE = "Koordinator Divisi"
UNIT_TITLES = ("Kepala Bagian", "Kepala Subbagian", "Staf")
_ACTING_RE = re.compile(r"^(?P<acting>(?:Plt|Plh)\.?\s+)?(?P<title>.*)$", re.IGNORECASE | re.DOTALL)
# Acting posts of other bodies staff write for Plt./Plh. ("Pj. Ketua"), and a
# deputy chair, which Bawaslu's offices do not have ("Wakil Ketua").
_OTHER_ACTING_RE = re.compile(r"(?:pjs?\.?|penjabat(?:\s+sementara)?|pejabat\s+sementara)\s+", re.I)
_DEPUTY_RE = re.compile(r"(?:wakil|wk\.?|waka)\s+ketua\b", re.I)
# Short forms staff write for a title: the first word(s) → the title.
_SHORT_TITLES = (
    (
        re.compile(r"^(?:kordiv|koordiv|kadiv|koor\.?\s*div\.?)(?:\s+divisi)?\b", re.I),
        DIVISION_TITLE,
    ),
    (re.compile(r"^(?:koordinator|ketua|kepala|anggota)\s+divisi\b", re.I), DIVISION_TITLE),
    (re.compile(r"^korsek\b", re.I), "Koordinator Sekretariat"),
    (re.compile(r"^(?:kasek|kepsek|sekretaris)\b", re.I), "Kepala Sekretariat"),
    (re.compile(r"^kabag\b", re.I), "Kepala Bagian"),
    (re.compile(r"^kasubbag\b", re.I), "Kepala Subbagian"),
    (re.compile(r"^(?:komisioner|pimpinan)\b", re.I), "Anggota"),
)


def _division(text: str, divisions: dict[str, str]) -> str | None:
    """The official name of the division `text` names ("Hukum", "Divisi
    Hukum", "HPS"), None when none."""
    for typed in (text, f"Divisi {text}"):
        found = divisions.get(tag_key(typed))
        if found:
            return found
    return None


# Where a title merging two divisions joins them ("Hukum dan Penyelesaian
# Sengketa serta Pencegahan", "Hukum/Pencegahan").
_DIVISION_JOINS_RE = re.compile(r"\s*(?:,|/|&|\+|\bserta\b|\bdan\b)\s*", re.IGNORECASE)


def _merged_divisions(text: str, divisions: dict[str, str]) -> list[str] | None:
    """The official names of the divisions a title's rest names together
    ("Hukum dan Penyelesaian Sengketa serta Pencegahan" → both), when it is
    two or more divisions joined by "serta", "dan", "," "/", "&" or "+";
    None when it is not."""
    if not divisions:
        return None
    for join in _DIVISION_JOINS_RE.finditer(text):
        first = _division(text[: join.start()].strip(), divisions)
        if not first:
            continue
        rest = text[join.end() :].strip()
        then = _division(rest, divisions)
        more = [then] if then else _merged_divisions(rest, divisions)
        if more and any(name != first for name in more):
            return list(dict.fromkeys([first, *more]))
    return None


def _merged_hint(acting: str, rest: str, divisions: dict[str, str]) -> str | None:
    """The hint for a division title naming two divisions or more
    (`_merged_divisions`): one position names one division."""
    merged = _merged_divisions(rest, divisions)
    if not merged:
        return None
    written = " or ".join(f"'{acting}{DIVISION_TITLE} {name}'" for name in merged)
    return f"one position names one division: write {written}, the one the person coordinates"


def title_hint(
    position: str, divisions: dict[str, str], unusable: Collection[str] = ()
) -> str | None:
    """None when `position` is a documented title; else what to write: the
    title it most likely means ('Kordiv Hukum' → 'Koordinator Divisi Hukum
    dan Penyelesaian Sengketa'), or the list. `divisions`: a division's
    spelling as the vocabulary compares it (`tag_key`) → its name without
    "Divisi"; empty: any division is taken. `unusable`: the spellings (as
    `tag_key` compares them) of tag entries left out for their errors
    (`Vocabulary.unusable`): a division written as one of them is not
    checked while its entry is mended."""
    match = _ACTING_RE.match(" ".join(position.split()))
    acting, title = match["acting"] or "", match["title"]
    other_acting = _OTHER_ACTING_RE.match(title)
    if other_acting and not acting:
        # "Pj." and "Penjabat" are the acting posts of regional government;
        # a Bawaslu office's are Plt. and Plh.
        held = title[other_acting.end() :]
        hint = title_hint(f"Plt. {held}", divisions, unusable)
        if hint:
            return hint
        return f"write 'Plt. {held}' or 'Plh. {held}': an acting post in Bawaslu is Plt. or Plh."
    if _DEPUTY_RE.match(title):
        return (
            "a Bawaslu office has no deputy chair: write 'Anggota', or "
            f"'{DIVISION_TITLE} <division>' for the division the person coordinates"
        )
    if title in TITLES or any(title.startswith(unit + " ") for unit in UNIT_TITLES):
        return None
    if title.startswith(DIVISION_TITLE + " "):
        rest = title[len(DIVISION_TITLE) + 1 :]
        if not divisions or _division(rest, divisions):
            return None
        if any(tag_key(typed) in unusable for typed in (rest, f"Divisi {rest}")):
            return None
        merged = _merged_hint(acting, rest, divisions)
        if merged:
            return merged
        names = sorted(set(divisions.values()))
        near = difflib.get_close_matches(rest, names, n=1, cutoff=0.4)
        if near:
            return f"write '{acting}{DIVISION_TITLE} {near[0]}'"
        return f"write '{DIVISION_TITLE}' and one of the divisions: {'; '.join(names)}"
    for pattern, full in _SHORT_TITLES:
        short = pattern.match(title)
        if short:
            rest = title[short.end() :].strip()
            if full == DIVISION_TITLE:
                division = _division(rest, divisions) if divisions else rest
                if division:
                    return f"write '{acting}{DIVISION_TITLE} {division}'"
                merged = _merged_hint(acting, rest, divisions)
                if merged:
                    return merged
                return f"write '{acting}{DIVISION_TITLE} <division>'"
            return f"write '{acting}{full}{' ' + rest if rest else ''}'"
    near = difflib.get_close_matches(title, TITLES, n=1, cutoff=0.6)
    if near:
        return f"write '{acting}{near[0]}'"
    every = ", ".join(
        (*TITLES, f"{DIVISION_TITLE} <division>", *(f"{u} <unit>" for u in UNIT_TITLES))
    )
    return f"write one of {every}"


def unlisted_titles(
    registry: Registry,
    divisions: dict[str, str],
    display: str,
    unusable: Collection[str] = (),
) -> list[Problem]:
    """A position that is not one of the documented titles ('Kordiv Hukum'),
    or a division coordinator of no division of the vocabulary: said at the
    position's line with the title it most likely means. A division whose tag
    entry is left out for its errors (`unusable`, `Vocabulary.unusable`) is
    not checked: the vocabulary's error says what to mend."""
    found = []
    for official in registry.officials:
        for position in official.shown:
            hint = title_hint(position.position, divisions, unusable)
            if hint:
                found.append(
                    Problem(
                        display,
                        position.line,
                        f"position is not one of the documented titles: '{position.position}' "
                        f"({hint})",
                    )
                )
    return found
