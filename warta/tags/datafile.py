"""Read staff-edited YAML so that every value remembers its line.

Validation errors must point at the file and line a member of staff edits, so
mappings are loaded as `LineMap`: a dict that also knows the line of each key.
Files are read through `warta.yamlfile`, which refuses what could exhaust the
build (anchors and aliases, deep nesting, huge files) or hide an edit (a key
written twice), each as one `path:line: message (suggestion)` problem.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import yaml

from warta import yamlfile
from warta.text import SLUG_RE, fold


class LineMap(dict):
    """A mapping from the YAML file plus `line` (its own), `key_lines`, and
    `raw`: each scalar value as written (a region code 16.10 must not become
    the number 16.1)."""

    line: int = 0
    key_lines: dict
    raw: dict
    item_lines: dict  # key → the line of each item of its list value

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)

    def item_line(self, key: str, index: int) -> int:
        """The line of item `index` of the list under `key` (`variants: [A, B]`
        on one line, or one `- A` per line); the key's line when unknown."""
        lines = self.item_lines.get(key) or ()
        return lines[index] if index < len(lines) else self.line_of(key)


class _LineLoader(yamlfile.SafeLoader):
    """A safe loader whose mappings are LineMaps (1-based lines)."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineMap:
    loader.flatten_mapping(node)
    mapping = LineMap()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    mapping.raw = {}
    mapping.item_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool | dt.date | None):
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a plain word", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
        if isinstance(value_node, yaml.ScalarNode):
            mapping.raw[key] = value_node.value
        elif isinstance(value_node, yaml.SequenceNode):
            mapping.item_lines[key] = [item.start_mark.line + 1 for item in value_node.value]
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file, reported as `path:line: message`."""

    path: str
    line: int
    message: str
    # The key a field's problem is about when that key is not a field at all
    # (`check_fields`'s "unknown field"), so callers need not read the message.
    unknown_key: str | None = None

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}: {self.message}"
            if self.line
            else f"{self.path}: {self.message}"
        )

    def format(self) -> str:
        """The same line as `str()`, under the name regions' Problem uses
        (`invoke new` prints either kind)."""
        return str(self)


LEVEL_WORDS = ("provinsi", "kabupaten", "kota", "kecamatan")


def place_names(region_names: Mapping[str, str]) -> Mapping[str, str]:
    """Each region's name, with and without its level word, folded → its code:
    what a person's variant or a tag's phrase may not be ('Palembang').
    Made once for the same names (the vocabulary and the registry, in the
    official_tags and cms plugins, read one gazetteer: 40 ms each); read-only."""
    return _place_names(tuple(region_names.items()))


@functools.lru_cache(maxsize=4)
def _place_names(region_names: tuple[tuple[str, str], ...]) -> Mapping[str, str]:
    places: dict[str, str] = {}
    for code, name in region_names:
        folded = fold(name)
        places.setdefault(folded, code)
        words = folded.split()
        if words and words[0] in LEVEL_WORDS and len(words) > 1:
            places.setdefault(" ".join(words[1:]), code)
    return MappingProxyType(places)


def load_yaml(path: Path, display: str, *, expected: str) -> tuple[object, list[Problem]]:
    """Parse a data file through `warta.yamlfile` (size, encoding, syntax, no
    anchors/aliases/tags, no repeated keys, not empty); each reason it cannot be
    used becomes a Problem, never an exception. `expected` says what the file
    holds, for the message about an empty file."""
    data, problems = yamlfile.load(path, display, loader=_LineLoader, expected=expected)
    return data, [
        Problem(p.path, p.line, p.message + (f" ({p.hint})" if p.hint else "")) for p in problems
    ]


def list_entries(
    data: object, display: str, *, expected: str, entry_problem: str
) -> tuple[list[LineMap], list[Problem]]:
    """The mappings of a data file whose top level is a list (none for an empty
    file), with a problem for a top level that is not a list and for each item
    that is not a mapping."""
    if data is None:
        return [], []
    if not isinstance(data, list):
        found = "a mapping ('key: value')" if isinstance(data, dict) else f"'{data}'"
        return [], [Problem(display, 1, f"expected {expected}, found {found}")]
    entries, problems = [], []
    for entry in data:
        if isinstance(entry, LineMap):
            entries.append(entry)
        else:
            problems.append(Problem(display, 0, f"{entry_problem}: {entry!r}"))
    return entries, problems


# The keys staff write in Indonesian (or in another English word) for the
# fields of the data files: `mulai:` is `start:`.
KEY_TRANSLATIONS = {
    "nama": "name",
    "varian": "variants",
    "variasi": "variants",
    "ejaan": "variants",
    "jabatan": "position",
    "posisi": "position",
    "lembaga": "institution",
    "instansi": "institution",
    "institusi": "institution",
    "wilayah": "region",
    "daerah": "region",
    "kode": "region",
    "kantor": "office",
    "mulai": "start",
    "awal": "start",
    "sejak": "start",
    "dari": "start",
    "tmt": "start",
    "from": "start",
    "begin": "start",
    "selesai": "end",
    "akhir": "end",
    "berakhir": "end",
    "sampai": "end",
    "hingga": "end",
    "until": "end",
    "to": "end",
    "grup": "group",
    "kelompok": "group",
    "deskripsi": "description",
    "keterangan": "description",
    "alias": "aliases",
    "deteksi": "detect",
    "tanggal": "dates",
    "jadwal": "dates",
    "pemilihan": "election",
    "utama": "main",
}


def as_list(value: object, problems: list, display: str, line: int | None, message: str):
    """A list field's items: one text is a list of one; anything else that is
    no list is `message` (naming the value) at the field's `line`, and None."""
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        problems.append(Problem(display, line, f"{message}: '{value}'"))
        return None
    return value


def meant_key(key: object, allowed: tuple[str, ...]) -> str | None:
    """The allowed key an unknown `key` most likely means: its English word
    (`mulai` → `start`), a misspelling (`positon` → `position`), None."""
    text = str(key).strip().lower()
    if text in allowed:
        return text
    translated = KEY_TRANSLATIONS.get(text)
    if translated in allowed:
        return translated
    hint = difflib.get_close_matches(text, allowed, n=1)
    return hint[0] if hint else None


def check_fields(
    entry: LineMap,
    display: str,
    *,
    allowed: tuple[str, ...],
    required: tuple[str, ...],
    what: str = "field",
    list_allowed: bool = False,
) -> list[Problem]:
    """Unknown keys (with the allowed one they mean: `mulai` → `start`) and
    required text fields left empty. A required field written under another
    key is said once, at that key."""
    problems = []
    meant = set()
    for key in entry:
        if key not in allowed:
            hint = meant_key(key, allowed)
            if hint and hint not in entry:
                meant.add(hint)
            if hint:
                suggestion = f" (did you mean '{hint}'?)"
            else:
                suggestion = f" (expected {', '.join(allowed)})" if list_allowed else ""
            problems.append(
                Problem(
                    display,
                    entry.line_of(key),
                    f"unknown {what}: '{key}'{suggestion}",
                    unknown_key=key,
                )
            )
    for key in required:
        if key in meant:
            continue
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            problems.append(Problem(display, entry.line_of(key), f"missing '{key}' (a text)"))
    return problems


def misnamed(entry: LineMap, allowed: tuple[str, ...]) -> set[str]:
    """The allowed keys that `entry` lacks but writes under another key
    (`mulai:` for `start:`): `check_fields` said so at that key."""
    return {
        hint
        for key in entry
        if key not in allowed
        and (hint := meant_key(key, allowed)) is not None
        and hint not in entry
    }


MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


def slug_problem(entry: LineMap, display: str, slug: str) -> Problem | None:
    """A malformed `slug` of an entry, at its line; None when it is fine or empty."""
    if not slug or SLUG_RE.match(slug):
        return None
    return Problem(
        display, entry.line_of("slug"), f"slug must be lowercase words joined by hyphens: '{slug}'"
    )


@dataclass(frozen=True)
class DateValue:
    """A date from a data file; `month_only` when staff only know the month."""

    date: dt.date
    month_only: bool = False

    def last_day(self) -> dt.date:
        if not self.month_only:
            return self.date
        following = (self.date.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return following - dt.timedelta(days=1)


def parse_date(value: object) -> DateValue | None:
    """`2024-11-27` (YAML gives a date) or `2025-01` (a month); None if neither."""
    if isinstance(value, dt.datetime):
        return DateValue(value.date())
    if isinstance(value, dt.date):
        return DateValue(value)
    if isinstance(value, str):
        text = value.strip()
        month = MONTH_RE.match(text)
        if month:
            year, number = int(month.group(1)), int(month.group(2))
            if 1 <= number <= 12:
                return DateValue(dt.date(year, number, 1), month_only=True)
            return None
        try:
            return DateValue(dt.date.fromisoformat(text))
        except ValueError:
            return None
    return None
