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
name, level word and its abbreviation, name without spaces and the aliases and
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
    places: list[str] | None = None,
) -> list[tuple[str, str]]:
    """[(filter name, value), ...] in a stable order, without duplicates.
    `places`: `region_names(regions)`, when the caller has it."""
    filters = [(REGION, name) for name in (region_names(regions) if places is None else places)]
    official = names(official_tags)
    filters += [(TAG, name) for name in official or names(str(t) for t in tags or [])]
    if category:
        filters.append((RUBRIK, " ".join(str(category).split())))
    if year:
        filters.append((YEAR, str(year)))
    return filters


def _spellings(name: str) -> list[str]:
    """A name and, when it has two words, the same written as one: "Pagar
    Alam" is typed "Pagaralam" too, "Lubuk Linggau" "Lubuklinggau" (and the
    other way round: a name's words are found one by one). Longer names are
    not typed as one word ("Ogan Komering Ulu Timur")."""
    words = name.split()
    return [name, "".join(words)] if len(words) == 2 else [name]


def search_words(
    *,
    regions: Iterable | None,
    official_tags: Iterable | None = None,
    officials: Iterable | None = None,
    aliases: Callable[[str], Iterable[str]] | None = None,
    places: tuple[list[str], set[str]] | None = None,
) -> str:
    """The words by which a release is found besides its text (see the module
    docstring), each once (letter case aside), in a stable order: its regions
    then their ancestors, its official tags, its officials.

    regions: `RegionRef`s (a `code`, `name`, `level` and `ancestors`);
    aliases: a region code's other names (`Gazetteer.aliases`), or None;
    places: `place_words(regions, aliases)`, when the caller has it (not changed)."""
    words, seen = place_words(regions, aliases) if places is None else places
    words, seen = list(words), set(seen)
    _add_words([*names(official_tags), *names(officials)], words, seen)
    return " ".join(words)


def place_words(
    regions: Iterable | None, aliases: Callable[[str], Iterable[str]] | None = None
) -> tuple[list[str], set[str]]:
    """The words of `search_words` that its regions give, in order, and their
    folded forms: a function of the regions and the aliases alone, which a
    caller may make once for the articles that share the regions."""
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
        phrases += _spellings(core)
        code = str(getattr(place, "code", "") or "")
        for alias in (aliases(code) if aliases and code else None) or ():
            phrases += _spellings(" ".join(str(alias).split()))
    words: list[str] = []
    seen: set[str] = set()
    _add_words(phrases, words, seen)
    return words, seen


def _add_words(phrases: Iterable[str], words: list[str], seen: set[str]) -> None:
    """Each word of the phrases not in `seen` (folded) added to both, in order."""
    for phrase in phrases:
        for word in phrase.split():
            if word.casefold() not in seen:
                seen.add(word.casefold())
                words.append(word)
