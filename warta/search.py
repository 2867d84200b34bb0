"""The words a release is found by besides its text, and the enrichment
stage that gives every article them (no Pelican import).

`search_words` gives the words a citizen types to find a release by place or
person: its regions and their ancestors by official name, level word and its
abbreviation, name without spaces, a one-word name split in two where both
halves are words of the gazetteer's names, and the aliases and seats of aliases.yaml;
its official tags; the officials it names. `SearchWordsStage` puts them in
`Enrichment.search_words` after the regions and official tags stages, so
they are computed where the rest of the enrichment is, on every core, and
cached with it (its digest covers the aliases: an alias changed in
aliases.yaml computes them again). The search plugin adds the stage; the
theme writes the words as the Pagefind metadata `cari`
(`partials/search_meta.html`): Pagefind searches metadata with the text, but
shows it in no excerpt, and the search page shows no `cari`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable, Iterable, Mapping

from .enrichment import Enrichment
from .pipeline import Source
from .regions.gazetteer import level_name, split_in_two

# The abbreviation people type before a name of each level ("Kab. OKU Timur").
LEVEL_ABBREVIATIONS = {"provinsi": "Prov", "kabupaten": "Kab", "kota": "Kota", "kecamatan": "Kec"}


def names(items: Iterable | None) -> list[str]:
    """Display names of regions or tags (objects with a `name`, or plain strings)."""
    found = []
    for item in items or []:
        name = item if isinstance(item, str) else getattr(item, "name", "")
        name = " ".join(str(name or "").split())
        if name and name not in found:
            found.append(name)
    return found


def places(regions: Iterable | None) -> list:
    """Each region (`RegionRef`: a `name`, a `level`, its `ancestors` from the
    province down) then its ancestors up to the province."""
    found = []
    for region in regions or []:
        found += [region, *reversed(getattr(region, "ancestors", ()) or ())]
    return found


def region_names(regions: Iterable | None) -> list[str]:
    """The `places` of the regions, each named with its level word, once: the
    search filter `wilayah` (a kecamatan's release is filtered under its
    kabupaten and province too)."""
    return names(
        p if isinstance(p, str) else level_name(getattr(p, "level", ""), str(p.name))
        for p in places(regions)
    )


def _spellings(name: str, splits: Callable[[str], Iterable[str]] | None = None) -> list[str]:
    """A name and, when it has two words, the same written as one: "Pagar
    Alam" is typed "Pagaralam" too, "Lubuk Linggau" "Lubuklinggau" (and the
    other way round: a name's words are found one by one); and a name of one
    word as `splits` writes it in two ("Sukarami" is typed "Suka Rami":
    `warta.regions.gazetteer.split_in_two`). Longer names are not typed as
    one word ("Ogan Komering Ulu Timur")."""
    words = name.split()
    if len(words) == 2:
        return [name, "".join(words)]
    if len(words) == 1 and splits:
        return [name, *splits(name)]
    return [name]


def search_words(
    *,
    regions: Iterable | None,
    official_tags: Iterable | None = None,
    officials: Iterable | None = None,
    aliases: Callable[[str], Iterable[str]] | None = None,
    splits: Callable[[str], Iterable[str]] | None = None,
) -> str:
    """The words by which a release is found besides its text (see the module
    docstring), each once (letter case aside), in a stable order: its regions
    then their ancestors, its official tags, its officials.

    regions: `RegionRef`s (a `code`, `name`, `level` and `ancestors`);
    aliases: a region code's other names (`Gazetteer.aliases`), or None;
    splits: a one-word name written as two (`gazetteer.split_in_two` with
    `Gazetteer.name_words`), or None."""
    phrases: list[str] = []
    for place in places(regions):
        level = str(getattr(place, "level", "") or "")
        name = " ".join(str(getattr(place, "name", "") or "").split())
        if not name:
            continue
        phrases.append(level_name(level, name))
        phrases.append(LEVEL_ABBREVIATIONS.get(level, ""))
        core = name
        for word in ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota "):
            if level in ("kabupaten", "kota") and core.startswith(word):
                core = core[len(word) :]
                break
        phrases += _spellings(core, splits)
        code = str(getattr(place, "code", "") or "")
        for alias in (aliases(code) if aliases and code else None) or ():
            phrases += _spellings(" ".join(str(alias).split()), splits)
    phrases += names(official_tags)
    phrases += names(officials)
    words: list[str] = []
    seen: set[str] = set()
    for phrase in phrases:
        for word in phrase.split():
            if word.casefold() not in seen:
                seen.add(word.casefold())
                words.append(word)
    return " ".join(words)


class SearchWordsStage:
    """`Enrichment.search_words` of each article, from its regions, official
    tags and officials (the stages before it) and the regions' aliases; and
    `Enrichment.search_regions`, its regions' names for the filter `wilayah`."""

    name = "search_words"
    after: tuple[str, ...] = ("regions", "official_tags")

    def __init__(
        self, aliases: Mapping[str, Iterable[str]], name_words: Iterable[str] = ()
    ) -> None:
        """aliases: a region code's aliases and seats (`Gazetteer.aliases`);
        name_words: the words a one-word name may be split into
        (`Gazetteer.name_words`)."""
        self.aliases = {str(code): tuple(map(str, found)) for code, found in aliases.items()}
        self.name_words = frozenset(name_words)

    def digest(self) -> str:
        text = json.dumps(
            [sorted(self.aliases.items()), sorted(self.name_words)], ensure_ascii=False
        )
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def run(self, source: Source, enrichment: Enrichment) -> Enrichment:
        words = search_words(
            regions=enrichment.regions,
            official_tags=enrichment.official_tags,
            officials=enrichment.officials,
            aliases=lambda code: self.aliases.get(code, ()),
            splits=lambda name: split_in_two(name, self.name_words),
        )
        return dataclasses.replace(
            enrichment, search_words=words, search_regions=tuple(region_names(enrichment.regions))
        )
