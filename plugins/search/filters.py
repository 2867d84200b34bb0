"""Pagefind filters of one article: region, official tag, rubrik and year.

The values come from what other plugins left in `article.metadata["warta"]`
(`regions`: [{"code", "name", ...}], `official_tags`: [{"slug", "name", ...}])
and fall back to Pelican's own tags when no official tags are there. The
template partial `search_meta.html` writes them as
`<span data-pagefind-filter="wilayah:Kota Palembang">`. No Pelican import.
"""

from __future__ import annotations

from collections.abc import Iterable

REGION = "wilayah"
TAG = "tag"
RUBRIK = "rubrik"
YEAR = "tahun"
FILTER_NAMES = (REGION, TAG, RUBRIK, YEAR)


def names(items: Iterable | None) -> list[str]:
    """Display names of region/tag records, which may be dicts or plain strings."""
    found = []
    for item in items or []:
        name = item.get("name") if isinstance(item, dict) else item
        name = " ".join(str(name or "").split())
        if name and name not in found:
            found.append(name)
    return found


def search_filters(
    *,
    warta: dict | None,
    tags: Iterable | None,
    category: object | None,
    year: int | None,
) -> list[tuple[str, str]]:
    """[(filter name, value), ...] in a stable order, without duplicates."""
    warta = warta or {}
    filters = [(REGION, name) for name in names(warta.get("regions"))]
    official = names(warta.get("official_tags"))
    filters += [(TAG, name) for name in official or names(str(t) for t in tags or [])]
    if category:
        filters.append((RUBRIK, " ".join(str(category).split())))
    if year:
        filters.append((YEAR, str(year)))
    return filters
