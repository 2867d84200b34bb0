"""The regions stage of the enrichment pipeline (no Pelican import).

An article's regions come from its `Region:` / `Wilayah:` values (codes,
official names, aliases; kecamatan names narrowed by the other values), else
from its dateline or the office named in its lead (`dateline.read_lead`). Only the
most specific units are kept (a kecamatan, not also its kabupaten); each
carries its ancestors for breadcrumbs and schema.org places.

Findings: an unknown or ambiguous region is an error at the Region: line with
the closest names (regions joined by "dan", "&" or "/" in one value: the line
written with commas); `Region:` and `Wilayah:` with different values are a
warning at the second; an article whose dateline and lead name no known place, or
whose dateline names a place of several regions that nothing narrows ("PENDOPO
–"), is a warning. Drafts get their regions (for previews) but no findings.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import re
from collections.abc import Sequence

from warta import frontmatter
from warta.enrichment import FROM_METADATA, Enrichment, Place, RegionRef
from warta.findings import Finding
from warta.pipeline import Source, add_findings
from warta.text import plain_text

from . import dateline
from .gazetteer import Gazetteer, key_of, region_values


@dataclasses.dataclass(frozen=True)
class RegionOptions:
    metadata_keys: tuple[str, ...] = ("region", "wilayah")
    infer: bool = True
    home_province: str | None = None
    url: str = "wilayah/{path}/"  # REGIONS_URL


def _labels(units) -> str:
    return ", ".join(unit.label for unit in units)


def most_specific(codes: Sequence[str], gazetteer: Gazetteer) -> list[str]:
    """Drop duplicates and units that are ancestors of another listed unit."""
    unique = list(dict.fromkeys(codes))
    return [
        code
        for code in unique
        if not any(other != code and gazetteer.is_within(other, code) for other in unique)
    ]


_WORD_RE = re.compile(r"\w+")
# Words of the lead that find its line: enough to pass over a caption or a
# heading that opens like it.
LOCATING_WORDS = 8


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(plain_text(text).casefold())


def paragraph_line(body: Sequence[tuple[int, str]], paragraph: str) -> int | None:
    """The body line where a paragraph of the page (`dateline.first_paragraph`,
    plain text) starts: the first line whose words hold the paragraph's first
    words, or end with the first of them (a dateline alone on its line,
    "PRABUMULIH –"; a lead broken over lines). Markdown's marks and entities
    do not count, nor a photo before it on the line; None when no line has
    them."""
    wanted = _words(paragraph)[:LOCATING_WORDS]
    if not wanted:
        return None
    for number, text in body:
        words = _words(text)
        if not words:
            continue
        for start in range(len(words)):
            run = words[start : start + len(wanted)]
            whole = len(run) == len(wanted)
            # A line that ends before the paragraph's first words do: from
            # its start, or with enough of them not to be a caption's last word.
            ends = start + len(run) == len(words) and (start == 0 or len(run) >= 3)
            if run == wanted[: len(run)] and (whole or ends):
                return number
    return None


MAX_LINES = 20000  # Region: lines a stage remembers
MAX_REGIONS = 20000  # (code, source) pairs a stage remembers the RegionRef of


class RegionsStage:
    """Each article's Kemendagri regions, declared or inferred."""

    name = "regions"
    after: tuple[str, ...] = ()

    def __init__(self, gazetteer: Gazetteer, options: RegionOptions) -> None:
        self.gazetteer = gazetteer
        self.options = options
        self._places: dict[str, Place] = {}
        # Remembered per build: a site's releases name the same few hundred
        # regions, and each RegionRef is frozen; they share their Region: lines.
        self._regions = functools.lru_cache(maxsize=MAX_REGIONS)(self._region)
        self._together = functools.lru_cache(maxsize=MAX_LINES)(self._read_together)

    def is_place(self):
        """Whether the gazetteer knows a place of some words (`dateline.place_reader`)."""
        return dateline.place_reader(self.gazetteer, self.options.home_province)

    def digest(self) -> str:
        data = [dataclasses.asdict(self.options), self.gazetteer.content_digest()]
        return hashlib.sha256(json.dumps(data).encode()).hexdigest()

    def place(self, code: str) -> Place:
        if code not in self._places:
            unit = self.gazetteer[code]
            url = self.options.url.format(path=self.gazetteer.path_of(code))
            self._places[code] = Place(unit.code, unit.name, unit.level, url)
        return self._places[code]

    def region(self, code: str, source: str) -> RegionRef:
        """The region of `code`, as `source` gave it."""
        return self._regions(code, source)

    def _region(self, code: str, source: str) -> RegionRef:
        place = self.place(code)
        ancestors = tuple(self.place(unit.code) for unit in self.gazetteer.ancestors(code))
        return RegionRef(**dataclasses.asdict(place), source=source, ancestors=ancestors)

    def read_together(self, values: list[str]) -> dict:
        """`Gazetteer.resolve_together` of one `Region:` line's values (read,
        not changed: the same for every release that writes them)."""
        return self._together(tuple(values))

    def _read_together(self, values: tuple[str, ...]) -> dict:
        return self.gazetteer.resolve_together(list(values), self.options.home_province)

    def declared(self, source: Source, findings: list[Finding]) -> list[str] | None:
        """Codes from Region:/Wilayah:, or None when the article declares none."""
        values = []
        written = {}  # key → its values
        for key in self.options.metadata_keys:
            raw = source.metadata.get(key)
            if raw is not None:
                written[key] = region_values(raw)
                values += written[key]
        if not values:
            return None
        gazetteer, home = self.gazetteer, self.options.home_province
        read = self.read_together(values)
        if len(written) > 1 and not source.draft:
            twice = self.written_twice(source, written, read)
            if twice is not None:
                findings.append(twice)

        def problem(message: str, value: str, candidates) -> None:
            if source.draft:
                return
            line = frontmatter.parse(source.text).front_matter.line(*self.options.metadata_keys)
            if message == "several regions in one value":
                # "OKU dan OKI", "OKU/OKI": the line as it reads, with commas.
                line, written = self.written_line(source, value, candidates)
                hint = f"separate regions with commas: write {written!r}"
            elif message == "ambiguous region":
                spellings = " or ".join(repr(gazetteer.spelling_of(u, home)) for u in candidates)
                hint = f"fits {_labels(candidates)}; write {spellings}, or the code"
            elif message == "region outside the one in parentheses":
                where = [f"{u.label} in {gazetteer[u.parent].name}" for u in candidates if u.parent]
                hint = (
                    f"it names {', '.join(where)}; " if where else ""
                ) + "write the region that holds it in the parentheses, or the code"
            else:
                near = _labels(candidates) or "no close match"
                hint = f"closest: {near}; use a Kemendagri code, an official name or an alias"
            findings.append(Finding(source.path, line, "error", f"{message}: {value!r}", hint))

        resolved: list[str] = []
        for found in read.values():
            if found.unit:
                resolved.append(found.unit.code)
            elif found.problem == "ambiguous":
                problem("ambiguous region", found.value, found.candidates)
            elif found.problem == "outside":
                problem("region outside the one in parentheses", found.value, found.candidates)
            elif joined := gazetteer.joined_regions(found.value, home):
                problem("several regions in one value", found.value, joined)
            else:
                problem("unknown region", found.value, gazetteer.closest(found.value, home=home))
        return resolved

    def written_twice(
        self, source: Source, written: dict[str, list[str]], read: dict
    ) -> Finding | None:
        """The warning for regions written under two keys with different
        values (`Region: OKU` and `Wilayah: Lahat`: both are used), at the
        second one's line, naming both; None when they name the same regions,
        however written (`Region: OKU`, `Wilayah: Kabupaten Ogan Komering Ulu`;
        `read`: each value's reading)."""
        front = frontmatter.parse(source.text).front_matter
        fields = sorted(
            (field for key in written if (field := front.first(key)) is not None),
            key=lambda field: field.line,
        )
        if len(fields) < 2:
            return None

        def named(value: str) -> str:
            found = read.get(value)
            return found.unit.code if found is not None and found.unit else key_of(value)

        names = {frozenset(named(value) for value in written[field.key]) for field in fields}
        if len(names) == 1:
            return None  # the same regions twice
        first, second = fields[0], fields[1]
        together = ", ".join(dict.fromkeys(v for field in fields for v in written[field.key]))
        return Finding(
            source.path,
            second.line,
            "warning",
            f"regions written twice: {first.name}: {first.value!r} and {second.name}: "
            f"{second.value!r} (both are used)",
            f"write one line: '{first.name}: {together}', or keep the one that is right",
        )

    def written_line(self, source: Source, value: str, parts: list[str]) -> tuple[int | None, str]:
        """The line of the `Region:`/`Wilayah:` field that holds `value`, and
        that field as written with `parts` in its place, separated by
        commas: "Region: OKU, OKI"."""
        fields = frontmatter.parse(source.text).front_matter.all(*self.options.metadata_keys)
        for field in fields:
            values = region_values(field.value)
            if value in values:
                index = values.index(value)
                values[index : index + 1] = parts
                return field.line, f"{field.name}: {', '.join(values)}"
        line = fields[0].line if fields else None
        return line, f"Region: {', '.join(parts)}"

    def no_region(self, source: Source, paragraph: str) -> Finding:
        """The warning for an article whose dateline and lead (its first
        `paragraph`) name no known place: at the lead's line, with the places
        its dateline's first place-like words are closest to, as `Region:`
        with them would suggest ("PALEMBNG – pengawas …" → Kota Palembang;
        `dateline.written_places`: read whatever follows the head)."""
        line = _lead_line(source, paragraph)
        hint = 'add "Region: …" with a Kemendagri code, an official name or an alias'
        home = self.options.home_province
        near = next(
            (
                found
                for words in dateline.written_places(paragraph, self.is_place())
                if (found := self.gazetteer.closest(words, home=home))
            ),
            [],
        )
        if near:
            hint = f"closest: {_labels(near)}; or {hint}"
        return Finding(
            source.path,
            line,
            "warning",
            f"no region: neither the dateline nor the lead names a known place: {paragraph[:60]!r}",
            hint,
        )

    def ambiguous_dateline(
        self, source: Source, paragraph: str, ambiguity: dateline.Ambiguity
    ) -> Finding:
        """The warning for an article whose dateline names a place that fits
        several regions, narrowed neither by the dateline nor by the lead's
        offices ("PENDOPO –": PALI's town and Kecamatan Pendopo of Empat
        Lawang): at the dateline's line, with the `Region:` lines that say
        each of them."""
        line = _lead_line(source, paragraph)
        home = self.options.home_province
        names = " and ".join(unit.label for unit in ambiguity.candidates)
        lines = " or ".join(
            f'"Region: {self.gazetteer.spelling_of(unit, home)}"' for unit in ambiguity.candidates
        )
        return Finding(
            source.path,
            line,
            "warning",
            f"no region: the dateline's {ambiguity.words!r} fits {names}",
            f"write {lines}, or the region in the dateline's parentheses",
        )

    def contradicted(self, source: Source, codes: list[str]) -> Finding | None:
        """The warning for a `Region:` outside the area of the office that
        issues the release, where its dateline agrees with that office (a
        front matter copied from another office's release: `Region: OKU
        Timur` above "LAHAT – Bawaslu Kabupaten Lahat …"): at the Region:
        line. None when the lead has no dateline or no office, the dateline
        names a place outside the office's area (where it went), or a region
        of the line lies in that area or holds it."""
        gazetteer, home = self.gazetteer, self.options.home_province
        reading = dateline.read_lead(gazetteer, source.html, home, source.title)
        place = reading.inference
        if place is None or place.source != "dateline":
            return None  # no dateline's place, or one apart from the office's area
        issuer = reading.issuer
        if issuer is None or any(
            gazetteer.is_within(code, issuer.unit.code)
            or gazetteer.is_within(issuer.unit.code, code)
            for code in codes
        ):
            return None  # (a region inside the office's area may be what the release is about)
        unit = place.unit  # the office's area, or a place inside it
        declared = " and ".join(gazetteer[code].label for code in codes)
        line = frontmatter.parse(source.text).front_matter.line(*self.options.metadata_keys)
        return Finding(
            source.path,
            line,
            "warning",
            f"Region: names {declared}, but the dateline {place.evidence!r} and the lead's "
            f"{issuer.evidence!r} place it in {unit.label}",
            f"write 'Region: {gazetteer.spelling_of(unit, home)}' (or no Region: line: the "
            "dateline gives it), unless the release is about the region written",
        )

    def outside_home(self, source: Source, codes: list[str]) -> Finding | None:
        """The line for a `Region:` of another province than the site's
        (REGIONS_HOME_PROVINCE): `Region: 17.71` (Kota Bengkulu) typed for
        16.71, `Region: Jakarta Pusat` copied from a national release. A
        warning at the Region: line when the dateline or the lead places the
        release in the home province (it is filed under a place it is not
        about), naming that place; a suggestion when nothing in the text
        places it, naming the home province's unit of the same number when
        there is one; None when the text places it outside the province too
        ("JAKARTA – …"), or every region is of the home province."""
        gazetteer, home = self.gazetteer, self.options.home_province
        if not home or home not in gazetteer:
            return None
        outside = [
            code
            for code in codes
            if not gazetteer.is_within(code, home) and not gazetteer.is_within(home, code)
        ]
        if not outside or len(outside) < len(codes):
            return None  # (a release of two provinces names its own among them)
        province = gazetteer[home].name
        named = " and ".join(
            f"{gazetteer[code].label} in {gazetteer[gazetteer.province_of(code)].name}"
            if gazetteer.province_of(code) != code
            else gazetteer[code].label
            for code in outside
        )
        line = frontmatter.parse(source.text).front_matter.line(*self.options.metadata_keys)
        reading = dateline.read_lead(gazetteer, source.html, home, source.title)
        place = reading.inference
        if place is not None and not gazetteer.is_within(place.unit.code, home):
            return None  # the text is of that other place too, or of a third
        if place is not None and place.source == "dateline":
            return Finding(
                source.path,
                line,
                "warning",
                f"Region: names {named}, outside {province}, but the {place.source}'s "
                f"{place.evidence!r} places the release in {place.unit.label}",
                f"write 'Region: {gazetteer.spelling_of(place.unit, home)}' (or no Region: "
                "line: the text gives it), unless the release is about the region written",
            )
        same = [
            gazetteer[twin]
            for code in outside
            if (twin := home + code[len(gazetteer.province_of(code)) :]) in gazetteer
            and twin != home
        ]
        meant = f"if you meant {_labels(same)} of {province}, write its code; " if same else ""
        said = "the text names no place"
        if place is not None:
            # Only the issuing office ("Bawaslu Sumsel mengikuti rakornas di
            # Jakarta"): its staff may well write of a place outside.
            said = f"the lead's {place.evidence!r} is of {place.unit.label}"
            meant = (
                f"if the release is about {place.unit.label}, write "
                f"'Region: {gazetteer.spelling_of(place.unit, home)}'; "
            )
        return Finding(
            source.path,
            line,
            "suggestion",
            f"Region: names {named}, outside {province}, and {said}",
            f"{meant}if the release is about the region written, nothing to do",
        )

    def run(self, source: Source, enrichment: Enrichment) -> Enrichment:
        findings: list[Finding] = []
        codes = self.declared(source, findings)
        origin = FROM_METADATA
        if codes and self.options.infer and not source.draft:
            contradicted = self.contradicted(source, codes) or self.outside_home(source, codes)
            if contradicted is not None:
                findings.append(contradicted)
        if codes is None:
            codes = []
            reading = None
            if self.options.infer:
                reading = dateline.read_lead(
                    self.gazetteer, source.html, self.options.home_province, source.title
                )
            if reading and reading.inference:
                codes, origin = [reading.inference.unit.code], reading.inference.source
            elif source.draft:
                pass
            elif reading and reading.ambiguity:
                findings.append(
                    self.ambiguous_dateline(source, reading.paragraph, reading.ambiguity)
                )
            elif paragraph := (
                reading.paragraph
                if reading
                else dateline.first_paragraph(source.html, self.is_place(), source.title)
            ):
                # (an article without text is reported once, by content_lint)
                findings.append(self.no_region(source, paragraph))
        regions = tuple(self.region(code, origin) for code in most_specific(codes, self.gazetteer))
        return add_findings(dataclasses.replace(enrichment, regions=regions), findings)


def _lead_line(source: Source, paragraph: str) -> int | None:
    """The line of the lead `paragraph` in the release, else its text's first line."""
    body = frontmatter.parse(source.text).body
    return paragraph_line(body, paragraph) or next(
        (number for number, text in body if text.strip()), None
    )
