"""The Kemendagri gazetteer: load it, index names and aliases once, resolve values.

Pure Python (no Pelican import) so that it can be unit-tested directly and used by
`invoke gazetteer`.

Data: `data/regions/gazetteer.csv` (code,level,name,parent; derived from the npm
package idn-area-data 4.0.1, ODbL) and `data/regions/aliases.yaml` (staff-editable
spellings, abbreviations and seats; see its header for the schema).

Resolution rules (also in data/regions/README.md):

1. A dotted Kemendagri code ("16.71") is exact.
2. Otherwise the value is compared as a *key*: lower case, letters and digits only,
   with "Kab." → "Kabupaten", "Kec." → "Kecamatan", "Prov." → "Provinsi". So
   "Pagar Alam", "Pagaralam" and "PAGAR-ALAM" are the same key.
3. Keys are searched in tiers; the first tier with a match wins:
   official names of provinces and kabupaten/kota; then aliases, seats and core
   names ("Palembang" for Kota Palembang); then kecamatan names.
   (For datelines the kabupaten/kota tier comes before the province tier: a place
   in a dateline is a town.)
4. Several units in that tier: keep those inside the context (other values of the
   same field, or the kabupaten named in a dateline's parentheses); else those in
   the home province (REGIONS_HOME_PROVINCE); if exactly one remains it wins,
   otherwise the value is ambiguous and every candidate is listed.
5. A tier whose unit lies outside the context (or, without one, outside the
   home province), or whose name is ambiguous, gives way to a later tier that
   has a unit inside it: "Mesuji" is Kecamatan Mesuji of Ogan Komering Ilir, not
   Kabupaten Mesuji of Lampung; "Pendopo (Empat Lawang)" is the kecamatan of
   Empat Lawang, not PALI's town (in a `Region:` value too); "Jayapura (OKU
   Timur)" the kecamatan, not Papua's kabupaten or kota. When no later tier
   has one, the first tier's answer stands.
6. An alias or seat of a province or kabupaten/kota in aliases.yaml that is
   also the name of a kecamatan outside that unit, both inside the context
   (or, without one, the home province), is ambiguous between them, whatever
   the tiers asked for: "Pendopo", PALI's town in aliases.yaml, and
   Kecamatan Pendopo of Empat Lawang. A context that holds one of them
   narrows it ("Pendopo (Empat Lawang)", "Empat Lawang, Pendopo", "PENDOPO
   – Bawaslu PALI …"); one that holds neither leaves it ambiguous. Nothing
   silently picks one of the two.
"""

from __future__ import annotations

import csv
import difflib
import functools
import hashlib
import html
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from warta import yamlfile
from warta.text import fold, slugify

LEVELS = ("provinsi", "kabupaten", "kota", "kecamatan")
LEVEL_LABELS = {
    "provinsi": "Provinsi",
    "kabupaten": "Kabupaten",
    "kota": "Kota",
    "kecamatan": "Kecamatan",
}


def level_name(level: str, name: str) -> str:
    """A unit's name with its level word, as `Region:` takes it and a search
    filter offers it: "Kecamatan Belitang", "Provinsi Sumatera Selatan"; a
    kabupaten/kota's official name has it already ("Kabupaten Lahat")."""
    label = LEVEL_LABELS.get(level, "")
    if level not in ("provinsi", "kecamatan") or name.startswith(label):
        return name
    return f"{label} {name}"


CODE_RE = re.compile(r"^\d{2}(?:\.\d{2}(?:\.\d{2,3})?)?$")
GAZETTEER_HEADER = ["code", "level", "name", "parent"]
# Folder names a region page must not take (pagination lives in "halaman/").
RESERVED_SLUGS = {"halaman", "feed"}

# Official name prefixes, longest first: the rest of the name is the core name.
KABKOTA_PREFIXES = ("kabupaten administrasi ", "kota administrasi ", "kabupaten ", "kota ")
# Abbreviations staff write before a name.
_ABBREVIATIONS = [
    (re.compile(r"^kab(?:\.|\b)\s*"), "kabupaten "),
    (re.compile(r"^kec(?:\.|\b)\s*"), "kecamatan "),
    (re.compile(r"^prov(?:\.|\b)\s*"), "provinsi "),
    (re.compile(r"^distrik\s+"), "kecamatan "),
]


# "Ilir Barat I" (or "Ilir Barat 1") is how people write the kecamatan officially
# named "Ilir Barat Satu".
_ROMAN_ENDINGS = {"i": "satu", "ii": "dua", "iii": "tiga", "iv": "empat", "v": "lima"}
_DIGIT_ENDINGS = {"1": "satu", "2": "dua", "3": "tiga", "4": "empat", "5": "lima"}
_NUMBER_ENDINGS = {**_ROMAN_ENDINGS, **_DIGIT_ENDINGS}


def numbered_spellings(name: str) -> list[str]:
    """ "Ilir Barat Satu" → ["Ilir Barat I", "Ilir Barat 1"]: the ways a name
    ending in a number word is written (what `key_of` takes as the same)."""
    head, _, last = name.rpartition(" ")
    if not head:
        return []
    word = last.lower()
    return [
        f"{head} {ending.upper() if ending.isalpha() else ending}"
        for ending, spelled in _NUMBER_ENDINGS.items()
        if spelled == word
    ]


# Remembered: every dateline, lead office and office phrase of a build is
# read with the same few hundred names, and `fold` walks a name character by
# character.
@functools.lru_cache(maxsize=16384)
def key_of(text: str) -> str:
    """The comparison key of a name: abbreviations expanded, a final roman numeral
    spelled out, spaces removed."""
    folded = fold(text)
    for pattern, replacement in _ABBREVIATIONS:
        folded = pattern.sub(replacement, folded)
    words = folded.split(" ")
    if len(words) > 1 and words[-1] in _NUMBER_ENDINGS:
        words[-1] = _NUMBER_ENDINGS[words[-1]]
    return "".join(words)


def code_sort_key(code: str) -> tuple[int, ...]:
    return tuple(int(part) for part in code.split("."))


@dataclass(frozen=True)
class Unit:
    """One province, kabupaten/kota or kecamatan."""

    code: str
    level: str
    name: str
    parent: str | None

    @property
    def core(self) -> str:
        """The name without its level prefix ("Kota Bima" → "Bima")."""
        lowered = self.name.lower()
        for prefix in KABKOTA_PREFIXES:
            if self.level in ("kabupaten", "kota") and lowered.startswith(prefix):
                return self.name[len(prefix) :]
        return self.name

    @property
    def label(self) -> str:
        """Name with code, for messages: "Kota Pagar Alam (16.72)"."""
        if self.level == "kecamatan":
            return f"Kecamatan {self.name} ({self.code})"
        if self.level == "provinsi":
            return f"Provinsi {self.name} ({self.code})"
        return f"{self.name} ({self.code})"


@dataclass
class Problem:
    """Something wrong in a data file or a value, for the glue to log."""

    message: str
    value: str = ""
    hint: str = ""
    path: str = ""
    line: int | None = None
    # The whole aliases file is unusable (unreadable, unsafe, not a mapping):
    # the plugin then resolves no region rather than report every alias as unknown.
    fatal: bool = False

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.message}" if where else self.message
        if self.value:
            text += f": {self.value!r}"
        if self.hint:
            text += f" ({self.hint})"
        return text


@dataclass
class Resolution:
    """The outcome of resolving one value: a unit, or a problem with candidates."""

    value: str
    unit: Unit | None = None
    problem: str | None = None  # "unknown", "ambiguous" or "outside" (`resolve_within`)
    candidates: list[Unit] = field(default_factory=list)  # the units an ambiguous value fits


# Keys that start with a level word, and the levels that word allows.
LEVEL_PREFIX_KEYS = (
    ("kabupaten", ("kabupaten",)),
    ("kota", ("kota",)),
    ("provinsi", ("provinsi",)),
    ("kecamatan", ("kecamatan",)),
)

# Tier names, in the order they are tried for metadata values.
TIER_OFFICIAL = "official"  # official name of a province or kabupaten/kota
TIER_ALIAS = "alias"  # alias, seat, or core name of a province or kabupaten/kota
TIER_KECAMATAN = "kecamatan"  # kecamatan names
# What separates the regions of one `Region:`/`Wilayah:` line: commas, or
# semicolons as in Tags: ("OKU Timur; Belitang").
REGION_SEPARATORS = re.compile(r"[,;]")


_QUALIFIED_RE = re.compile(r"^(?P<name>[^()]*[^()\s])\s*\((?P<within>[^()]*[^()\s])\s*\)$")


def qualified_name(value: str) -> tuple[str, str] | None:
    """(name, region) of a value written "name (region)": "Pendopo (Empat
    Lawang)"; None for any other value."""
    match = _QUALIFIED_RE.match(value.strip())
    return (match["name"].strip(), match["within"].strip()) if match else None


def region_values(raw: str) -> list[str]:
    """The regions one `Region:`/`Wilayah:` value names, as written (an
    entity unescaped first: "OKU &amp; OKI" is one value, not cut at its
    semicolon)."""
    text = html.unescape(str(raw))
    return [value.strip() for value in REGION_SEPARATORS.split(text) if value.strip()]


# Words staff join two regions with in one value: "OKU dan OKI", "OKU/OKI",
# "OKU & OKI". Never read as separators: official names hold them
# ("Kabupaten Pangkajene dan Kepulauan", Kecamatan "Tiro/Truseb").
_JOINERS_RE = re.compile(r"\s+(?i:dan|serta)\s+|\s*[&/+]\s*")


def split_in_two(name: str, name_words: frozenset[str]) -> list[str]:
    """A one-word name as citizens also type it, in two words: "Sukarami"
    → ["Suka Rami"], "Bukitkecil" → ["Bukit Kecil"]. It splits where both
    halves, of three letters or more, are among `name_words` (a gazetteer's
    own words of its names of two words or more, not a dictionary); a name of
    two words, or one no such split fits, gives []."""
    word = name.strip()
    if not word or len(word.split()) != 1:
        return []
    return [
        f"{word[:at]} {word[at:].capitalize()}"
        for at in range(3, len(word) - 2)
        if word[:at].casefold() in name_words and word[at:].casefold() in name_words
    ]


class Gazetteer:
    """All units by code, plus a key → codes index per tier (built once)."""

    def __init__(self, units: Iterable[Unit]) -> None:
        self.units: dict[str, Unit] = {}
        self.children: dict[str | None, list[str]] = {}
        for unit in units:
            self.units[unit.code] = unit
            self.children.setdefault(unit.parent, []).append(unit.code)
        self.index: dict[str, dict[str, set[str]]] = {
            TIER_OFFICIAL: {},
            TIER_ALIAS: {},
            TIER_KECAMATAN: {},
        }
        for unit in self.units.values():
            if unit.level == "kecamatan":
                self._add(TIER_KECAMATAN, unit.name, unit.code)
                self._add(TIER_KECAMATAN, "Kecamatan " + unit.name, unit.code)
            elif unit.level == "provinsi":
                self._add(TIER_OFFICIAL, unit.name, unit.code)
                self._add(TIER_OFFICIAL, "Provinsi " + unit.name, unit.code)
            else:
                self._add(TIER_OFFICIAL, unit.name, unit.code)
                self._add(TIER_ALIAS, unit.core, unit.code)
                # "Kota Jakarta Selatan" for "Kota Administrasi Jakarta Selatan"
                self._add(TIER_OFFICIAL, f"{LEVEL_LABELS[unit.level]} {unit.core}", unit.code)
        self.aliases: dict[str, list[str]] = {}
        self.alias_keys: dict[str, set[str]] = {}  # code → its aliases' keys (`rivals`)
        # code → the units its seats name: a kabupaten/kota itself (its seat is
        # an alias), a province the kabupaten/kota of its capital (`is_seat`).
        self.seats: dict[str, set[str]] = {}
        self._slugs: dict[str, str] = {}
        self._name_words: frozenset[str] | None = None

    @property
    def name_words(self) -> frozenset[str]:
        """The words (case-folded) of the gazetteer's names of two words or
        more: what `split_in_two` splits a one-word name into."""
        if self._name_words is None:
            self._name_words = frozenset(
                word.casefold()
                for unit in self.units.values()
                for words in [unit.core.split()]
                if len(words) > 1
                for word in words
                if word.isalpha()
            )
        return self._name_words

    def _add(self, tier: str, name: str, code: str) -> None:
        key = key_of(name)
        if key and key not in ("kabupaten", "kota", "provinsi", "kecamatan"):
            self.index[tier].setdefault(key, set()).add(code)

    def clash_of(self, code: str, alias: str) -> Unit | None:
        """Another unit of the same province that `alias` already names: with
        both, the name would resolve to neither (rule 4 of the module doc).
        For a kecamatan, also a sibling kecamatan's official name: no context
        can tell two kecamatan of one kabupaten/kota apart."""
        key = key_of(alias)
        for tier in (TIER_OFFICIAL, TIER_ALIAS):
            for other in sorted(self.index[tier].get(key, ()), key=code_sort_key):
                if other != code and self.province_of(other) == self.province_of(code):
                    return self.units[other]
        unit = self.units[code]
        if unit.level == "kecamatan":
            for other in sorted(self.index[TIER_KECAMATAN].get(key, ()), key=code_sort_key):
                if other != code and self.units[other].parent == unit.parent:
                    return self.units[other]
        return None

    def add_alias(self, code: str, alias: str) -> None:
        self._add(TIER_ALIAS, alias, code)
        self.aliases.setdefault(code, []).append(alias)
        self.alias_keys.setdefault(code, set()).add(key_of(alias))

    def add_seat(self, code: str, seat: str) -> Unit | None:
        """Record the seat of a unit as aliases.yaml gives it: a kabupaten/kota's
        seat is one more name of it (`add_alias`); a province's is its capital,
        a kabupaten/kota of it that keeps the name ("Palembang" stays Kota
        Palembang). The unit the seat names; None (nothing recorded) when a
        province's seat names no one kabupaten/kota of it."""
        if self.units[code].level != "provinsi":
            self.add_alias(code, seat)
            self.seats.setdefault(code, set()).add(code)
            return self.units[code]
        found = self.resolve(
            seat, context=[code], tiers=(TIER_OFFICIAL, TIER_ALIAS), levels=("kabupaten", "kota")
        )
        if found.unit is None or not self.is_within(found.unit.code, code):
            return None
        self.seats.setdefault(code, set()).add(found.unit.code)
        return found.unit

    def is_seat(self, unit: Unit, of: Unit) -> bool:
        """Whether `unit` is `of` itself or the seat of `of` (aliases.yaml):
        Kabupaten Ogan Komering Ulu for itself (a dateline "BATURAJA" names
        it), Kota Palembang for Provinsi Sumatera Selatan."""
        return unit.code == of.code or unit.code in self.seats.get(of.code, ())

    # ---- navigation -------------------------------------------------------

    def __getitem__(self, code: str) -> Unit:
        return self.units[code]

    def __contains__(self, code: str) -> bool:
        return code in self.units

    def ancestors(self, code: str) -> list[Unit]:
        """Parents from the province down, without the unit itself."""
        chain = []
        parent = self.units[code].parent
        while parent:
            chain.append(self.units[parent])
            parent = self.units[parent].parent
        return list(reversed(chain))

    def lineage(self, code: str) -> list[Unit]:
        """Province down to the unit itself."""
        return [*self.ancestors(code), self.units[code]]

    def content_digest(self) -> str:
        """Digest of every unit and alias: what resolving a name can depend on."""
        units = sorted((u.code, u.level, u.name, u.parent or "") for u in self.units.values())
        aliases = sorted((code, sorted(names)) for code, names in self.aliases.items())
        seats = sorted((code, sorted(units)) for code, units in self.seats.items())
        text = json.dumps([units, aliases, seats], ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def is_within(self, code: str, ancestor: str) -> bool:
        return code == ancestor or code.startswith(ancestor + ".")

    def province_of(self, code: str) -> str:
        return code.split(".")[0]

    def children_of(self, code: str | None) -> list[Unit]:
        return [self.units[c] for c in self.children.get(code, [])]

    def slug_of(self, code: str) -> str:
        """Slug of a unit from its official name, unique among its siblings.

        Two siblings with the same name (or a kecamatan named like the pagination
        folder) get their last code segment appended.
        """
        if code not in self._slugs:
            siblings = self.children.get(self.units[code].parent, [])
            slugs = {c: slugify(self.units[c].name, limit=None) for c in siblings}
            taken = list(slugs.values())
            for sibling, slug in slugs.items():
                if taken.count(slug) > 1 or slug in RESERVED_SLUGS:
                    slug = f"{slug}-{sibling.rsplit('.', 1)[-1]}"
                self._slugs[sibling] = slug
        return self._slugs[code]

    def path_of(self, code: str) -> str:
        """Slug path: "sumatera-selatan/kota-palembang"."""
        return "/".join(self.slug_of(unit.code) for unit in self.lineage(code))

    def count(self, level: str) -> int:
        return sum(1 for unit in self.units.values() if unit.level == level)

    # ---- resolution -------------------------------------------------------

    def resolve(
        self,
        value: str,
        *,
        context: Iterable[str] = (),
        home: str | None = None,
        tiers: tuple[str, ...] = (TIER_OFFICIAL, TIER_ALIAS, TIER_KECAMATAN),
        levels: tuple[str, ...] | None = None,
    ) -> Resolution:
        """Resolve one value (code, name or alias) to a unit; see the module doc."""
        text = " ".join(str(value).split())
        if CODE_RE.match(text):
            if text in self.units:
                return Resolution(text, unit=self.units[text])
            return Resolution(text, problem="unknown")
        key = key_of(text)
        context = [c for c in context if c in self.units]
        first: Resolution | None = None
        for tier in tiers:
            codes = self.index[tier].get(key)
            if not codes:
                continue
            units = sorted((self.units[c] for c in codes), key=lambda u: code_sort_key(u.code))
            if levels:
                units = [u for u in units if u.level in levels]
                if not units:
                    continue
            chosen = self._narrow(units, context, home)
            if chosen and self.is_near(chosen, context, home):
                return self._unless_rivalled(text, chosen, key, context, home)
            # Outside the context (or the home province), or ambiguous: a later
            # tier may hold a unit inside it (rule 5 of the module doc).
            if first is None:
                first = (
                    Resolution(text, unit=chosen)
                    if chosen
                    else Resolution(text, problem="ambiguous", candidates=units)
                )
        if first is not None:
            if first.unit:
                # A context that holds neither reading: the name's reading alone.
                return self._unless_rivalled(text, first.unit, key, [], home)
            return first
        # "Kabupaten OKU Timur", "Kota PLG": a level word before an alias.
        for prefix, prefix_levels in LEVEL_PREFIX_KEYS:
            rest = key[len(prefix) :]
            if key.startswith(prefix) and rest:
                allowed = tuple(lv for lv in prefix_levels if not levels or lv in levels)
                if allowed:
                    inner = self.resolve(
                        rest, context=context, home=home, tiers=tiers, levels=allowed
                    )
                    if inner.unit or inner.problem == "ambiguous":
                        return Resolution(text, inner.unit, inner.problem, inner.candidates)
                break
        # No suggestions here: `closest` scans every key, so only error paths call it.
        return Resolution(text, problem="unknown")

    def is_near(self, unit: Unit, context: Iterable[str], home: str | None) -> bool:
        """Inside the context when there is one, else inside the home province
        (any unit when there is neither)."""
        context = list(context)
        if context:
            return any(self.is_within(unit.code, c) for c in context)
        return not home or self.province_of(unit.code) == home

    def rivals(self, unit: Unit, key: str, context: Iterable[str], home: str | None) -> list[Unit]:
        """The kecamatan named `key`, an alias or seat of `unit` in
        aliases.yaml, that lie outside `unit` and as near as it is (inside the
        context, else the home province; rule 6 of the module doc): Kecamatan
        Pendopo of Empat Lawang for PALI, whose town Pendopo is an alias. None
        without a context or a home province, or for a unit outside them (a
        kecamatan of the home province wins over it: rule 5)."""
        context = list(context)
        if not (context or home) or key not in self.alias_keys.get(unit.code, ()):
            return []
        if not self.is_near(unit, context, home):
            return []
        found = [
            self.units[code]
            for code in self.index[TIER_KECAMATAN].get(key, ())
            if not self.is_within(code, unit.code) and self.is_near(self.units[code], context, home)
        ]
        return sorted(found, key=lambda u: code_sort_key(u.code))

    def _unless_rivalled(
        self, text: str, unit: Unit, key: str, context: list[str], home: str | None
    ) -> Resolution:
        """`unit`, or the name ambiguous between it and its `rivals`."""
        rivals = self.rivals(unit, key, context, home)
        if rivals:
            return Resolution(text, problem="ambiguous", candidates=[unit, *rivals])
        return Resolution(text, unit=unit)

    def _narrow(self, units: list[Unit], context: list[str], home: str | None) -> Unit | None:
        if len(units) == 1:
            return units[0]
        if context:
            inside = [u for u in units if any(self.is_within(u.code, c) for c in context)]
            if len(inside) == 1:
                return inside[0]
            if inside:
                units = inside
        if home:
            at_home = [u for u in units if self.province_of(u.code) == home]
            if len(at_home) == 1:
                return at_home[0]
        return None

    def resolve_together(
        self, values: Iterable[str], home: str | None = None
    ) -> dict[str, Resolution]:
        """The regions of one `Region:` line (`region_values`), each read with
        the others as its context (rule 5): "Empat Lawang, Pendopo" is
        Kecamatan Pendopo of Empat Lawang, not the town of PALI; "Lampung,
        Mesuji" is Kabupaten Mesuji, not the kecamatan of OKI. A value that
        names no place inside the others keeps its own reading ("Palembang,
        Lahat": both). A region in parentheses after a name is read as a
        dateline's is (`resolve_within`): "Pendopo (Empat Lawang)". Each value
        (in order, once) → its Resolution."""
        values = list(dict.fromkeys(values))
        qualified = {
            value: self.resolve_within(found[0], found[1], home)
            for value in values
            if (found := qualified_name(value)) and not self.resolve(value, home=home).unit
        }
        alone = {
            value: qualified.get(value)
            or self.resolve(value, home=home, tiers=(TIER_OFFICIAL, TIER_ALIAS))
            for value in values
        }
        tiers = (TIER_OFFICIAL, TIER_ALIAS, TIER_KECAMATAN)
        read = {}
        for value, own in alone.items():
            if value in qualified:
                read[value] = own
                continue
            context = [r.unit.code for other, r in alone.items() if other != value and r.unit]
            found = self.resolve(value, context=context, home=home, tiers=tiers)
            if found.unit and (not context or self.is_near(found.unit, context, home)):
                read[value] = found
            else:
                read[value] = own if own.unit else found
        return read

    def joined_regions(self, value: str, home: str | None = None) -> list[str] | None:
        """The regions a value that names none joins with "dan", "&" or "/"
        (`_JOINERS_RE`: "OKU dan OKI", "OKU/OKI"), as written, when each of
        them names a region (read together, as one `Region:` line's values
        are); None for any other value. The official names that hold such a
        word name their unit and never reach here."""
        parts = [part.strip() for part in _JOINERS_RE.split(value) if part.strip()]
        if len(parts) < 2:
            return None
        read = self.resolve_together(parts, home)
        return parts if all(found.unit for found in read.values()) else None

    def resolve_within(self, name: str, within: str, home: str | None = None) -> Resolution:
        """A name narrowed by the region written after it in parentheses, as a
        dateline's ("Pendopo (Empat Lawang)": Kecamatan Pendopo of Empat
        Lawang; "Martapura (Kalsel)"), or written the other way round, a
        region then a unit inside it in parentheses ("Kabupaten Muara Enim
        (Gelumbang)": Kecamatan Gelumbang). Neither: the forward reading's
        problem, the region in parentheses unknown or ambiguous, or the name
        no place inside it ("outside", with the units it names elsewhere)."""
        found = self._within(name, within, home)
        if found.unit is None:
            other = self._within(within, name, home)
            outer = self.resolve(name, home=home, tiers=(TIER_OFFICIAL, TIER_ALIAS)).unit
            if outer is not None and other.unit not in (None, outer):
                return Resolution(f"{name} ({within})", unit=other.unit)
            if outer is not None and found.problem == "unknown" and other.problem == "outside":
                # "Lahat (Gelumbang)": a kecamatan of Muara Enim, not of Lahat.
                return replace(other, value=f"{name} ({within})")
        return found

    def _within(self, name: str, within: str, home: str | None) -> Resolution:
        """`name` read inside the region `within` names (`resolve_within`)."""
        region = self.resolve(within, home=home, tiers=(TIER_OFFICIAL, TIER_ALIAS))
        if region.unit is None:
            return region
        written = f"{name} ({within})"
        found = self.resolve(name, context=[region.unit.code], home=home)
        if found.unit and self.is_within(found.unit.code, region.unit.code):
            return Resolution(written, unit=found.unit)
        if found.unit is None and found.problem == "unknown":
            return found
        elsewhere = [found.unit] if found.unit else found.candidates
        inside = [u for u in elsewhere if self.is_within(u.code, region.unit.code)]
        if inside:  # "Bima (NTB)": Kabupaten Bima and Kota Bima
            return Resolution(written, problem="ambiguous", candidates=inside)
        return Resolution(written, problem="outside", candidates=elsewhere)

    def spelling_of(self, unit: Unit, home: str | None = None) -> str:
        """How to write `unit` in `Region:` so that it reads back as it alone:
        its official name ("Kabupaten Penukal Abab Lematang Ilir"), a
        kecamatan with its kabupaten/kota in parentheses ("Pendopo (Empat
        Lawang)"); else its code."""
        if unit.level == "kecamatan" and unit.parent in self.units:
            parent = self.units[unit.parent]
            tries = [f"{unit.name} ({parent.core})", f"{unit.name} ({parent.name})"]
        elif unit.level == "provinsi":
            tries = [unit.name, f"Provinsi {unit.name}"]
        else:
            tries = [unit.name]
        for spelling in tries:
            found = self.resolve_together([spelling], home).get(spelling)
            if found is not None and found.unit == unit:
                return spelling
        return unit.code

    def region_named(self, typed: str, home: str | None = None) -> tuple[str, str] | None:
        """(code, name as `Region:` takes it) of the one region a word typed
        elsewhere names ("oku", "Muratara", "Banyu Asin": a tag, an option);
        a kecamatan only inside the home province. None when it names no one
        region."""
        unit = self.resolve(typed, home=home).unit
        if unit is None or (
            unit.level == "kecamatan" and not (home and self.is_within(unit.code, home))
        ):
            return None
        return unit.code, level_name(unit.level, unit.name)

    def closest(self, value: str, limit: int = 3, home: str | None = None) -> list[Unit]:
        """Units whose names or aliases look most like `value` (for suggestions):
        a code written without its dots ("1671") and a name under another
        level word ("Kabupaten Pagar Alam" for Kota Pagar Alam) first; with a
        home province, its units before those of others ("Gelumbang":
        Kecamatan Gelumbang of Muara Enim before Kabupaten Rembang)."""
        digits = value.strip()
        if digits.isdigit() and len(digits) in (4, 6, 10):
            dotted = ".".join(
                [digits[:2], digits[2:4], *([digits[4:6]] if len(digits) > 4 else [])]
                + ([digits[6:]] if len(digits) > 6 else [])
            )
            if dotted in self.units:
                return [self.units[dotted]]
        # A code written with other marks between its parts ("16-71", "16/71",
        # "16 71", "16,71", as a phone's keypad gives them) or a part of one
        # digit ("16.7", "16.71.8"): the code it is with dots and two digits.
        parts = _CODE_PARTS_RE.split(value.strip())
        if 1 < len(parts) <= 4 and all(part.isdigit() for part in parts):
            widths = (2, 2, 2, 4)[: len(parts)]
            padded = ".".join(p.zfill(width) for p, width in zip(parts, widths, strict=True))
            if padded in self.units and padded != value.strip():
                return [self.units[padded]]
        key = key_of(value)
        for prefix, _levels in LEVEL_PREFIX_KEYS:
            rest = key[len(prefix) :]
            if key.startswith(prefix) and rest:
                other = self.resolve(rest, tiers=(TIER_OFFICIAL, TIER_ALIAS))
                if other.unit:
                    return [other.unit]
                if other.candidates:
                    return list(other.candidates)[:limit]
                break
        if CODE_RE.match(value.strip()):
            prefix = value.strip().rsplit(".", 1)[0]
            near = sorted(c for c in self.units if c.startswith(prefix))
            matches = difflib.get_close_matches(value.strip(), near, n=limit, cutoff=0.6)
            return [self.units[c] for c in matches]
        found: list[Unit] = []
        for tier in (TIER_OFFICIAL, TIER_ALIAS, TIER_KECAMATAN):
            keys = difflib.get_close_matches(key, self.index[tier].keys(), n=limit, cutoff=0.75)
            for match in keys:
                for code in sorted(self.index[tier][match], key=code_sort_key):
                    unit = self.units[code]
                    if unit not in found:
                        found.append(unit)
            if len(found) >= limit and not home:
                break
        if home:  # every tier read: the home province's first, each in its order
            found.sort(key=lambda unit: self.province_of(unit.code) != home)
        return found[:limit]


# ---- loading -------------------------------------------------------------


# What may stand between a code's parts as staff type it (`Gazetteer.closest`).
_CODE_PARTS_RE = re.compile(r"\s*[-./,_\s]\s*")


class GazetteerFileError(ValueError):
    """A row of gazetteer.csv that cannot be used: the whole file is refused
    (a unit missing from it would move articles to other regions silently)."""

    def __init__(
        self,
        message: str,
        value: str = "",
        line: int | None = None,
        more: tuple[GazetteerFileError, ...] = (),
        hint: str = "",
    ) -> None:
        super().__init__(f"{message}: {value!r}" if value else message)
        self.message, self.value, self.line = message, value, line
        # What to do about it, when not REGENERATE (a row's usual fix).
        self.hint = hint
        # Every bad row, this one first: one build names them all.
        self.rows: tuple[GazetteerFileError, ...] = (self, *more)


# Dotted segments of a code at each level ("16", "16.71", "16.71.08").
LEVEL_DEPTHS = {"provinsi": 1, "kabupaten": 2, "kota": 2, "kecamatan": 3}
REGENERATE = "regenerate the file with `invoke gazetteer`, or mend the row"
RESTORE = "restore it from git, or regenerate it with `invoke gazetteer`"


def decode_gazetteer(data: bytes) -> str:
    """gazetteer.csv's bytes as text, as the YAML data files are read: UTF-8,
    a leading BOM (Excel's "CSV UTF-8") dropped; anything else (Excel's "CSV"
    in Windows-1252, "Unicode Text" in UTF-16) is refused at the first bad
    byte's line and column."""
    text, problems = yamlfile.decode(data, "")
    if text is None:
        problem = problems[0]
        raise GazetteerFileError(problem.message, "", problem.line, hint=problem.hint)
    return text


def read_gazetteer_csv(text: str) -> list[Unit]:
    """The units of gazetteer.csv, each row checked: a code, a level that fits
    it, a name, and a parent that is the code's own prefix and a row of the file."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise GazetteerFileError("the gazetteer is empty", "", 1, hint=RESTORE)
    rows = csv.DictReader(io.StringIO(text))
    if rows.fieldnames != GAZETTEER_HEADER:
        raise GazetteerFileError(
            f"the header must be {','.join(GAZETTEER_HEADER)}", ",".join(rows.fieldnames or []), 1
        )
    units: list[Unit] = []
    lines: dict[str, int] = {}
    bad: list[GazetteerFileError] = []
    broken: set[str] = set()  # codes of bad rows: their children are not orphans too
    for row in rows:
        try:
            unit = _checked_row(row, rows.line_num, lines)
        except GazetteerFileError as problem:
            bad.append(problem)
            broken.add(str(row.get("code") or "").strip())
            continue
        lines[unit.code] = rows.line_num
        units.append(unit)
    if not units and not bad:
        # Cut to its header: every alias and region would be "unknown" instead.
        raise GazetteerFileError("the gazetteer has no rows below its header", "", 1, hint=RESTORE)
    for unit in units:
        if unit.parent and unit.parent not in lines and unit.parent not in broken:
            orphan = GazetteerFileError("parent is not in the file", unit.parent, lines[unit.code])
            bad.append(orphan)
    if bad:
        first, *rest = sorted(bad, key=lambda problem: problem.line or 0)
        raise GazetteerFileError(first.message, first.value, first.line, tuple(rest))
    return units


def _checked_row(row: dict, line: int, lines: dict[str, int]) -> Unit:
    """One row of gazetteer.csv as a unit; raises the row's problem."""
    if None in row or None in row.values():
        raise GazetteerFileError("a row must have 4 fields (code,level,name,parent)", "", line)
    code, level, name, parent = (row[key] for key in GAZETTEER_HEADER)
    if not CODE_RE.match(code):
        raise GazetteerFileError("not a Kemendagri code", code, line)
    if code in lines:
        raise GazetteerFileError(f"code already on line {lines[code]}", code, line)
    if LEVEL_DEPTHS.get(level) != code.count(".") + 1:
        raise GazetteerFileError(
            f"level does not fit code {code} (one of {', '.join(LEVELS)})", level, line
        )
    if not name.strip():
        raise GazetteerFileError("the name is empty", "", line)
    if name != " ".join(name.split()):
        raise GazetteerFileError("a name must be words with single spaces", name, line)
    expected = code.rpartition(".")[0]
    if parent != expected:
        raise GazetteerFileError(f"the parent of {code} must be {expected!r}", parent, line)
    return Unit(code, level, name, parent or None)


ALIAS_KEYS = {"seat", "aliases"}


def _scalar_list(node) -> tuple[list, list] | None:
    """A YAML scalar or a sequence as ([(text, line)] of its names, [its items
    that are no name]); None when the node is neither."""
    if isinstance(node, yaml.ScalarNode):
        return [(node.value, node.start_mark.line + 1)], []
    if isinstance(node, yaml.SequenceNode):
        names = [
            (item.value, item.start_mark.line + 1)
            for item in node.value
            if isinstance(item, yaml.ScalarNode)
        ]
        return names, [item for item in node.value if not isinstance(item, yaml.ScalarNode)]
    return None


def _written(node: yaml.Node) -> str:
    """A node as staff wrote it, on one line ("Kota: Prabu", "[OKU, OKI]")."""
    if isinstance(node, yaml.ScalarNode):
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return "[" + ", ".join(_written(item) for item in node.value) + "]"
    pairs = [
        _written(key) if _is_blank(value) else f"{_written(key)}: {_written(value)}"
        for key, value in node.value
    ]
    if len(pairs) == 1 and not _is_blank(node.value[0][1]):
        return pairs[0]  # `- Kota: Prabu`, a name with a colon
    return "{" + ", ".join(pairs) + "}"


def _is_blank(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and not node.value and not node.style


def _not_a_name_hint(node: yaml.Node) -> str:
    """What to write instead of a list or a `key: value` where a name goes."""
    names = "write the names as one list: [OKU, Baturaja]"
    if not isinstance(node, yaml.MappingNode):
        return names
    if all(_is_blank(value) for _, value in node.value):  # {OKU}: braces for brackets
        return f"write them in square brackets: [{', '.join(_written(k) for k, _ in node.value)}]"
    if all(isinstance(value, yaml.ScalarNode) for _, value in node.value):
        quoted = ", ".join(f'"{_written(key)}: {_written(value)}"' for key, value in node.value)
        return f"a colon and a space start a key: put the name in quotes, {quoted}"
    return names


def _from_yamlfile(problem: yamlfile.YamlProblem) -> Problem:
    if problem.kind == "syntax" and problem.message.startswith("not valid YAML: "):
        message = "invalid YAML: " + problem.message.removeprefix("not valid YAML: ")
        return Problem(message, hint=problem.hint, path=problem.path, line=problem.line or None)
    return Problem(problem.message, hint=problem.hint, path=problem.path, line=problem.line or None)


def _compose_aliases(text: str, path: str) -> tuple[yaml.Node | None, list[Problem]]:
    """The aliases file's root mapping, or the one problem that makes the whole
    file unusable (see warta.yamlfile). An emptied file (or `{}`) is one: the
    seats and spellings every release relies on would be gone, each release
    an "unknown region" of its own (a site that wants none sets
    REGIONS_ALIASES to "")."""
    root, read_problems, loader = yamlfile.compose(
        text, path, expected="a mapping of region codes to their seats and aliases"
    )
    if loader is not None:
        loader.dispose()  # only the nodes are needed
    if read_problems:
        return None, [_from_yamlfile(p) for p in read_problems]
    if not isinstance(root, yaml.MappingNode):
        return None, [
            Problem(
                "aliases file must be a mapping of codes to entries",
                hint='e.g. "16.01": {seat: Baturaja, aliases: [OKU]}',
                path=path,
                line=root.start_mark.line + 1,
            )
        ]
    if not root.value:
        return None, [
            Problem(
                "the aliases file has no entries",
                hint="restore it from git if it was emptied by mistake, or set "
                'REGIONS_ALIASES = "" to use none',
                path=path,
                line=root.start_mark.line + 1,
            )
        ]
    return root, []


def _closest_codes(gazetteer: Gazetteer, code: str, limit: int = 3) -> list[Unit]:
    """The units an unknown code in aliases.yaml may mean: first the code with
    each segment written with its two digits ("16.7" → 16.07, "16.71.9" →
    16.71.09, "16,71" → 16.71), then the closest codes and names."""
    found: list[Unit] = []
    parts = [part for part in re.split(r"[.,\s]+", code.strip()) if part]
    padded = ".".join(part.zfill(2) for part in parts)
    if parts and all(part.isdigit() for part in parts) and padded in gazetteer:
        found.append(gazetteer[padded])
    for typed in dict.fromkeys((padded, code)):
        for unit in gazetteer.closest(typed) if typed else ():
            if unit not in found:
                found.append(unit)
    return found[:limit]


def apply_aliases(gazetteer: Gazetteer, text: str, path: str) -> list[Problem]:
    """Validate aliases.yaml (given as text) and add its entries to the index.

    Returns problems pointing at `path:line`; a bad entry is skipped, the rest apply.
    """
    root, problems = _compose_aliases(text, path)
    if root is None:
        return problems
    return _apply_alias_nodes(gazetteer, root, path)


def _apply_alias_nodes(gazetteer: Gazetteer, root: yaml.MappingNode, path: str) -> list[Problem]:
    # A key written twice inside an entry; a code written twice is reported below.
    problems = [_from_yamlfile(p) for p in yamlfile.duplicate_keys(root, path, include_root=False)]
    seen_codes: dict[str, int] = {}
    added: dict[tuple[str, str], int] = {}  # (name key, code) → line, for clashes
    capitals: list[tuple[str, str, int]] = []  # a province's seats: (code, name, line)
    for key_node, entry in root.value:
        line = key_node.start_mark.line + 1
        code = str(key_node.value).strip()
        if not isinstance(key_node, yaml.ScalarNode) or code not in gazetteer:
            hint = ", ".join(u.label for u in _closest_codes(gazetteer, code)) or "no close match"
            problems.append(
                Problem("unknown region code in aliases", code, f"closest: {hint}", path, line)
            )
            continue
        if code in seen_codes:
            problems.append(
                Problem(
                    "duplicate region code in aliases",
                    code,
                    f"first at line {seen_codes[code]}; merge the entries",
                    path,
                    line,
                )
            )
            continue
        seen_codes[code] = line
        if not isinstance(entry, yaml.MappingNode):
            problems.append(
                Problem(
                    "entry must be a mapping with 'seat' and/or 'aliases'",
                    code,
                    path=path,
                    line=entry.start_mark.line + 1,
                )
            )
            continue
        for field_node, value_node in entry.value:
            field_line = field_node.start_mark.line + 1
            name = str(field_node.value)
            if name not in ALIAS_KEYS:
                hint = difflib.get_close_matches(name, sorted(ALIAS_KEYS), n=1)
                problems.append(
                    Problem(
                        "unknown key in aliases entry",
                        name,
                        f"did you mean {hint[0]!r}?" if hint else "allowed: seat, aliases",
                        path,
                        field_line,
                    )
                )
                continue
            read = _scalar_list(value_node)
            if read is None:
                problems.append(
                    Problem(
                        f"{name} of {code} must be a name or a list of names",
                        _written(value_node),
                        _not_a_name_hint(value_node),
                        path,
                        field_line,
                    )
                )
                continue
            values, not_names = read
            for item in not_names:  # each at its line; the names beside it still apply
                problems.append(
                    Problem(
                        f"not a name in the {name} of {code}",
                        _written(item),
                        _not_a_name_hint(item),
                        path,
                        item.start_mark.line + 1,
                    )
                )
            for alias, alias_line in values:
                if not key_of(alias):
                    problems.append(
                        Problem(f"empty {name} for {code}", alias, path=path, line=alias_line)
                    )
                    continue
                if name == "seat" and gazetteer[code].level == "provinsi":
                    capitals.append((code, alias, alias_line))  # read once every name is known
                    continue
                clash = gazetteer.clash_of(code, alias)
                if clash is not None:
                    there = added.get((key_of(alias), clash.code))
                    where = f"on line {there}" if there else "in the gazetteer"
                    problems.append(
                        Problem(
                            f"{name} of {code} is already a name of {clash.label} {where}",
                            alias,
                            "a dateline or Region: with it would fit both; keep it for one of them",
                            path,
                            alias_line,
                        )
                    )
                    continue
                if name == "seat":
                    gazetteer.add_seat(code, alias)
                else:
                    gazetteer.add_alias(code, alias)
                added[key_of(alias), code] = alias_line
    for code, seat, line in capitals:
        if gazetteer.add_seat(code, seat) is None:
            problems.append(
                Problem(
                    f"seat of {code} names no kabupaten/kota of {gazetteer[code].name}",
                    seat,
                    "a province's seat is its capital, named as its kota or kabupaten is",
                    path,
                    line,
                )
            )
    return problems


@functools.lru_cache(maxsize=4)
def _load_cached(
    gazetteer_path: str, gazetteer_mtime: int, aliases_path: str, aliases_mtime: int, shown: str
) -> tuple[Gazetteer, tuple[Problem, ...]]:
    units = read_gazetteer_csv(decode_gazetteer(Path(gazetteer_path).read_bytes()))
    gazetteer = Gazetteer(units)
    problems: list[Problem] = []
    if aliases_path:
        # An aliases file that cannot be used at all: the gazetteer without
        # aliases, and its one problem marked fatal (see Problem.fatal).
        text, fatal = yamlfile.read_text(Path(aliases_path), shown)
        root, more = _compose_aliases(text, shown) if text is not None else (None, [])
        fatal = [_from_yamlfile(p) for p in fatal] + more
        if fatal or root is None:
            return gazetteer, tuple(replace(p, fatal=True) for p in fatal)
        problems = _apply_alias_nodes(gazetteer, root, shown)
    return gazetteer, tuple(problems)


def load(
    gazetteer_path: str | Path, aliases_path: str | Path | None = None, shown_aliases: str = ""
) -> tuple[Gazetteer, tuple[Problem, ...]]:
    """Gazetteer with aliases applied, indexed once per file version (path + mtime).

    An aliases file that cannot be used at all gives the gazetteer without
    aliases and one problem with `fatal` set."""
    gazetteer_path = Path(gazetteer_path)
    aliases = Path(aliases_path) if aliases_path else None
    return _load_cached(
        str(gazetteer_path),
        gazetteer_path.stat().st_mtime_ns,
        str(aliases) if aliases else "",
        aliases.stat().st_mtime_ns if aliases else 0,
        shown_aliases or (str(aliases) if aliases else ""),
    )


# ---- deriving the compact file from idn-area-data -------------------------


def compact_rows(provinces: str, regencies: str, districts: str) -> list[list[str]]:
    """Rows (code, level, name, parent) from idn-area-data's three CSV files, sorted by code.

    Kabupaten and kota are told apart by the official name ("Kota …", "Kota
    Administrasi …" are kota). Names are kept as published, whitespace trimmed.
    """
    rows: list[list[str]] = []
    for row in csv.DictReader(io.StringIO(provinces)):
        rows.append([row["code"].strip(), "provinsi", " ".join(row["name"].split()), ""])
    for row in csv.DictReader(io.StringIO(regencies)):
        name = " ".join(row["name"].split())
        level = "kota" if name.lower().startswith("kota ") else "kabupaten"
        rows.append([row["code"].strip(), level, name, row["province_code"].strip()])
    for row in csv.DictReader(io.StringIO(districts)):
        name = " ".join(row["name"].split())
        rows.append([row["code"].strip(), "kecamatan", name, row["regency_code"].strip()])
    rows.sort(key=lambda r: code_sort_key(r[0]))
    codes = {r[0] for r in rows}
    for code, _level, _name, parent in rows:
        if not CODE_RE.match(code):
            raise ValueError(f"not a Kemendagri code: {code!r}")
        if parent and parent not in codes:
            raise ValueError(f"{code} has an unknown parent {parent!r}")
        if parent and not code.startswith(parent + "."):
            raise ValueError(f"{code} does not extend its parent's code {parent!r}")
    return rows


def write_compact(rows: list[list[str]]) -> str:
    """The gazetteer CSV text: header row, LF line endings, minimal quoting."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(GAZETTEER_HEADER)
    writer.writerows(rows)
    return out.getvalue()
