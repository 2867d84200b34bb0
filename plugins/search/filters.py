"""Pagefind filters of one article: region, official tag, rubrik and year.

The values come from the article's enrichment: its regions' names
(`Enrichment.search_regions`, named by the search words stage with
`warta.search.region_names`) and its official tags (`.official_tags`, each
with a `name`), falling back to Pelican's own tags when there are no official
tags. A region brings its ancestors up to the province (a kecamatan's release
is found under its kabupaten and province), each named with its level word
("Kecamatan Belitang", "Provinsi Sumatera Selatan"). The
template partial `search_meta.html` writes them as
`<span data-pagefind-filter="wilayah:Kota Palembang">`.

Filters are not searched: the words a citizen types to find a release by
place or person are `article.enrichment.search_words` (`warta.search`, a stage
of the enrichment pipeline), which the partial writes as the metadata `cari`.
No Pelican import.
"""

from __future__ import annotations

from collections.abc import Iterable

from warta.search import names, region_names

REGION = "wilayah"
TAG = "tag"
RUBRIK = "rubrik"
YEAR = "tahun"
FILTER_NAMES = (REGION, TAG, RUBRIK, YEAR)
SEARCH_WORDS = "cari"  # the metadata key of `Enrichment.search_words`


def search_filters(
    *,
    regions: Iterable | None,
    official_tags: Iterable | None,
    tags: Iterable | None,
    category: object | None,
    year: int | None,
) -> list[tuple[str, str]]:
    """[(filter name, value), ...] in a stable order, without duplicates.
    `regions`: `RegionRef`s, or their names as `warta.search.region_names`
    gives them (`Enrichment.search_regions`)."""
    filters = [(REGION, name) for name in region_names(regions)]
    official = names(official_tags)
    filters += [(TAG, name) for name in official or names(str(t) for t in tags or [])]
    if category:
        filters.append((RUBRIK, " ".join(str(category).split())))
    if year:
        filters.append((YEAR, str(year)))
    return filters
