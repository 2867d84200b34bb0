"""Pagefind filters of one article: region, official tag, rubrik and year.

The values come from the article's enrichment (`article.enrichment.regions`
and `.official_tags`, each with a `name`) and fall back to Pelican's own tags
when there are no official tags. A region brings its ancestors up to the
province (a kecamatan's release is found under its kabupaten and province),
each named with its level word ("Kecamatan Belitang", "Provinsi Sumatera
Selatan"). The
template partial `search_meta.html` writes them as
`<span data-pagefind-filter="wilayah:Kota Palembang">`.

Filters are not searched: `search_words` gives the words a citizen types to
find a release by place or person (its regions and their ancestors by official
name, level word and its abbreviation, name without spaces, a one-word name in
two words as the gazetteer's own words split it, and the aliases and
seats of aliases.yaml; its official tags; the officials it names), which the
partial writes as the metadata `cari`: Pagefind searches metadata with the
text, but shows it in no excerpt, and the search page shows no `cari`. No
Pelican import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from warta.regions.gazetteer import level_name

REGION = "wilayah"
TAG = "tag"
RUBRIK = "rubrik"
YEAR = "tahun"
FILTER_NAMES = (REGION, TAG, RUBRIK, YEAR)
SEARCH_WORDS = "cari"  # the metadata key of `search_words`
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


def region_names(regions: Iterable | None) -> list[str]:
    """Each region (`RegionRef`: a `name`, a `level`, its `ancestors` from the
    province down) then its ancestors up to the province, each named with its
    level word, once: a kecamatan's release is filtered under its kabupaten
    and province too."""
    places = []
    for region in regions or []:
        places += [region, *reversed(getattr(region, "ancestors", ()) or ())]
    return names(
        p if isinstance(p, str) else level_name(getattr(p, "level", ""), str(p.name))
        for p in places
    )


def search_filters(
    *,
    regions: Iterable | None,
    official_tags: Iterable | None,
    tags: Iterable | None,
    category: object | None,
    year: int | None,
) -> list[tuple[str, str]]:
    """[(filter name, value), ...] in a stable order, without duplicates."""
    filters = [(REGION, name) for name in region_names(regions)]
    official = names(official_tags)
    filters += [(TAG, name) for name in official or names(str(t) for t in tags or [])]
    if category:
        filters.append((RUBRIK, " ".join(str(category).split())))
    if year:
        filters.append((YEAR, str(year)))
    return filters


def _spellings(name: str, splits: Callable[[str], Iterable[str]] | None = None) -> list[str]:
    """A name and, when it has two words, the same written as one: "Pagar
    Alam" is typed "Pagaralam" too, "Lubuk Linggau" "Lubuklinggau"; and a
    name of one word as `splits` writes it in two ("Sukarami" is typed "Suka
    Rami": `Gazetteer.split_spellings`). Longer names are not typed as one
    word ("Ogan Komering Ulu Timur")."""
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
    splits: a one-word name written as two (`Gazetteer.split_spellings`), or None."""
    phrases: list[str] = []
    places = []
    for region in regions or []:
        places += [region, *reversed(getattr(region, "ancestors", ()) or ())]
    for place in places:
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
