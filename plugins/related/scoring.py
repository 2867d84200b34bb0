"""Related-article scoring through an inverted index (no Pelican import).

Every article becomes an `Item` with the keys it can share with others:
region codes and official-tag slugs. The index maps each key to the items that
carry it, so the candidates for one article are only the items that share at
least one key with it: an article is never compared with every other one.

Score of a candidate = shared regions × region weight
                     + shared tags × tag weight
                     + closeness in publication date (1 on the same day,
                       halving every `half_life_days`).

Closeness, not age relative to the build, is the recency term: an article's
"Baca juga" list then depends only on the content, so two builds of the same
content give the same pages.

Region codes are Kemendagri codes: a kecamatan (`16.71.09`) also counts as
its kabupaten/kota (`16.71`), so a story from one kecamatan of Palembang is
related to a story about the city; sharing the kecamatan scores twice.

A key carried by more than `common_share` of the articles (e.g. the tag of
the current election on almost every release) says nothing about relatedness:
on sites of at least `common_min_items` articles it neither scores nor brings
candidates, which also keeps the candidate sets small.

When fewer than `minimum` candidates share a key, the list is filled with the
nearest articles in date from the same rubrik, then from the whole site (both
found by bisecting date-sorted lists, again without a full scan).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Item:
    """What scoring needs of one article; `key` identifies it (its URL)."""

    key: str
    date: dt.datetime
    category: str = ""
    regions: frozenset[str] = field(default_factory=frozenset)
    tags: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Weights:
    region: float = 3.0
    tag: float = 2.0
    half_life_days: float = 30.0
    common_share: float = 0.5
    common_min_items: int = 20


def region_keys(code: str) -> set[str]:
    """A region code and, below the kabupaten/kota level, its kabupaten/kota code."""
    parts = code.split(".")
    return {code, ".".join(parts[:2])} if len(parts) > 2 else {code}


def closeness(a: dt.datetime, b: dt.datetime, half_life_days: float) -> float:
    """1.0 for the same moment, 0.5 after one half-life, tending to 0."""
    days = abs((a - b).total_seconds()) / 86400
    return 0.5 ** (days / half_life_days) if half_life_days > 0 else 0.0


class DateLine:
    """Items sorted by date; yields the nearest ones to a date, outward."""

    def __init__(self, items: Iterable[Item]) -> None:
        self.items = sorted(items, key=lambda item: (item.date, item.key))
        self.stamps = [item.date.timestamp() for item in self.items]

    def nearest(self, date: dt.datetime):
        stamp = date.timestamp()
        right = bisect.bisect_left(self.stamps, stamp)
        left = right - 1
        while left >= 0 or right < len(self.items):
            take_left = right >= len(self.items) or (
                left >= 0 and stamp - self.stamps[left] <= self.stamps[right] - stamp
            )
            if take_left:
                yield self.items[left]
                left -= 1
            else:
                yield self.items[right]
                right += 1


class RelatedIndex:
    """Inverted index over items: region code → items, tag slug → items."""

    def __init__(self, items: Sequence[Item], weights: Weights | None = None) -> None:
        self.weights = weights or Weights()
        self.by_region: dict[str, list[Item]] = defaultdict(list)
        self.by_tag: dict[str, list[Item]] = defaultdict(list)
        by_category: dict[str, list[Item]] = defaultdict(list)
        for item in items:
            for code in item.regions:
                self.by_region[code].append(item)
            for slug in item.tags:
                self.by_tag[slug].append(item)
            by_category[item.category].append(item)
        self.by_category = {name: DateLine(members) for name, members in by_category.items()}
        self.timeline = DateLine(items)
        self.common: set[tuple[str, str]] = set()
        if len(items) >= self.weights.common_min_items:
            limit = self.weights.common_share * len(items)
            for kind, postings in (("region", self.by_region), ("tag", self.by_tag)):
                self.common |= {
                    (kind, key) for key, found in postings.items() if len(found) > limit
                }

    def regions(self, item: Item) -> set[str]:
        return {code for code in item.regions if ("region", code) not in self.common}

    def tags(self, item: Item) -> set[str]:
        return {slug for slug in item.tags if ("tag", slug) not in self.common}

    def candidates(self, item: Item) -> set[Item]:
        """Items sharing at least one region or tag with `item` (never itself)."""
        found: set[Item] = set()
        for code in self.regions(item):
            found.update(self.by_region.get(code, ()))
        for slug in self.tags(item):
            found.update(self.by_tag.get(slug, ()))
        found.discard(item)
        return found

    def score(self, item: Item, other: Item) -> float:
        return self._scorer(item)(other)

    def _scorer(self, item: Item):
        w = self.weights
        regions, tags = self.regions(item), self.tags(item)

        def score(other: Item) -> float:
            return (
                len(regions & other.regions) * w.region
                + len(tags & other.tags) * w.tag
                + closeness(item.date, other.date, w.half_life_days)
            )

        return score

    def related(self, item: Item, *, limit: int = 5, minimum: int = 3) -> list[Item]:
        """The best `limit` items for `item`, at least `minimum` when the site has them."""
        score = self._scorer(item)
        scored = sorted(
            self.candidates(item),
            key=lambda other: (-score(other), -other.date.timestamp(), other.key),
        )
        chosen = scored[:limit]
        if len(chosen) < minimum:
            seen = {item.key, *(other.key for other in chosen)}
            same_rubrik = self.by_category.get(item.category, DateLine(()))
            for source in (same_rubrik.nearest(item.date), self.timeline.nearest(item.date)):
                for other in source:
                    if len(chosen) >= minimum:
                        break
                    if other.key not in seen:
                        seen.add(other.key)
                        chosen.append(other)
        return chosen
