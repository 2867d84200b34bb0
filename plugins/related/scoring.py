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

Candidate window: from each key's postings list only the `window` items
nearest in date are taken. Without it the work grows with the square of the
site: a kabupaten that writes a tenth of the releases gives each of its
articles a tenth of the site as candidates. With it an article scores at most
`window` candidates per key, whatever the size of the site, and a key carried
by few articles (a kecamatan, a rare tag) still reaches across the whole
archive while a frequent one (a busy kabupaten) reaches only the months
around the article, which is what a news reader wants to be pointed to. Every
candidate is still scored on all the keys it shares; only which items become
candidates is bounded. A postings list no longer than the window is taken
whole, so a small site gets exactly the unbounded ranking.

When fewer than `minimum` candidates share a key, the list is filled with the
nearest articles in date from the same rubrik, then from the whole site (both
found by bisecting date-sorted lists, again without a full scan).
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_WINDOW = 200
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MICROSECOND = dt.timedelta(microseconds=1)


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


def microseconds(date: dt.datetime) -> int:
    """`date` as whole microseconds since 1970 (a naive date is read as UTC).

    Integers keep date differences exact: the closeness computed from two of
    them is the very float `closeness` gives for the datetimes, so the index
    ranks exactly as a comparison of datetimes would, at a fraction of the cost.
    """
    if date.tzinfo is None:
        date = date.replace(tzinfo=dt.UTC)
    return (date - _EPOCH) // _MICROSECOND


class DateLine:
    """Items sorted by date (then key), with their dates in microseconds for bisecting."""

    def __init__(self, items: Iterable[Item]) -> None:
        self.items = sorted(items, key=lambda item: (item.date, item.key))
        self.stamps = [microseconds(item.date) for item in self.items]

    def nearest(self, date: dt.datetime):
        """Every item, nearest to `date` first (the older one on a tie)."""
        stamp = microseconds(date)
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

    def window(self, stamp: int, count: int | None) -> tuple[int, int]:
        """Bounds [start, end) of the `count` items nearest to `stamp`.

        The nearest items of a sorted list are one contiguous run around
        `stamp`, so its start is found by bisection in O(log count), never by
        walking outward (on equal distances the older item is kept)."""
        size = len(self.stamps)
        if count is None or size <= count:
            return 0, size
        stamps = self.stamps
        insert = bisect.bisect_left(stamps, stamp)
        low, high = max(0, insert - count), min(insert, size - count)
        while low < high:
            middle = (low + high) // 2
            # Slide right while the item entering on the right is closer
            # than the one leaving on the left.
            if stamp - stamps[middle] > stamps[middle + count] - stamp:
                low = middle + 1
            else:
                high = middle
        return low, low + count


class RelatedIndex:
    """Inverted index over items: region code → items, tag slug → items.

    `window` bounds the candidates taken from each postings list (None: no
    bound). `scored` counts the candidate scores computed so far: the work
    the index did, observable by tests and logs.
    """

    def __init__(
        self,
        items: Sequence[Item],
        weights: Weights | None = None,
        *,
        window: int | None = DEFAULT_WINDOW,
    ) -> None:
        if window is not None and window < 1:
            raise ValueError(f"window must be at least 1: {window!r}")
        self.weights = weights or Weights()
        self.window = window
        self.scored = 0
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
        # Scoring works on positions in `items` (ints hash and compare far
        # faster than the frozen dataclasses) and on dates in microseconds.
        self._items = list(items)
        self._position = {item: n for n, item in enumerate(self._items)}
        self._stamps = [microseconds(item.date) for item in self._items]
        self._regions = [item.regions for item in self._items]
        self._tags = [item.tags for item in self._items]
        self._keys = [item.key for item in self._items]
        self._lines: dict[tuple[str, str], tuple[DateLine, list[int]]] = {}
        for kind, postings in (("region", self.by_region), ("tag", self.by_tag)):
            for key, found in postings.items():
                if (kind, key) not in self.common:
                    line = DateLine(found)
                    self._lines[kind, key] = (line, [self._position[i] for i in line.items])

    def regions(self, item: Item) -> set[str]:
        return {code for code in item.regions if ("region", code) not in self.common}

    def tags(self, item: Item) -> set[str]:
        return {slug for slug in item.tags if ("tag", slug) not in self.common}

    def _candidate_positions(self, item: Item) -> set[int]:
        stamp = microseconds(item.date)
        # The item itself takes a place in its own postings: one more keeps
        # `window` other items.
        count = None if self.window is None else self.window + 1
        found: set[int] = set()
        for kind, keys in (("region", self.regions(item)), ("tag", self.tags(item))):
            for key in keys:
                entry = self._lines.get((kind, key))
                if entry is None:  # an item from outside the index
                    continue
                line, positions = entry
                start, end = line.window(stamp, count)
                found.update(positions[start:end])
        found.discard(self._position.get(item, -1))
        return found

    def candidates(self, item: Item) -> set[Item]:
        """Items sharing at least one region or tag with `item` (never itself),
        at most `window` per key: the nearest in date."""
        return {self._items[n] for n in self._candidate_positions(item)}

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
        """The best `limit` items for `item`, at least `minimum` when the site has them.

        Best = highest score, then newest, then key. The scores are `score`'s
        formula inlined over positions (the same arithmetic, so the same
        floats): this loop is where a build spends its time here."""
        w = self.weights
        regions, tags = self.regions(item), self.tags(item)
        stamp = microseconds(item.date)
        found = list(self._candidate_positions(item))
        self.scored += len(found)
        all_regions, all_tags, stamps = self._regions, self._tags, self._stamps
        region_weight, tag_weight, half_life = w.region, w.tag, w.half_life_days
        if half_life > 0:
            # `closeness` on microseconds: |difference| / 10⁶ is what
            # `total_seconds()` returns, so every float is the same.
            scores = [
                len(regions & all_regions[n]) * region_weight
                + len(tags & all_tags[n]) * tag_weight
                + 0.5 ** (abs(stamp - stamps[n]) / 10**6 / 86400 / half_life)
                for n in found
            ]
        else:
            scores = [
                len(regions & all_regions[n]) * region_weight
                + len(tags & all_tags[n]) * tag_weight
                + 0.0
                for n in found
            ]
        chosen: list[Item] = []
        if limit > 0 and found:
            # Only a candidate scoring at least the `limit`-th best score can
            # be chosen: order those few, not every candidate.
            cut = heapq.nlargest(limit, scores)[-1]
            best = sorted(
                (-score, -stamps[n], self._keys[n], n)
                for score, n in zip(scores, found, strict=True)
                if score >= cut
            )
            chosen = [self._items[entry[3]] for entry in best[:limit]]
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


def ranking_digest(items: Sequence[Item], weights: Weights, window: int, *limits: int) -> str:
    """Digest of everything a ranking depends on: every item's key, date,
    rubrik, regions and tags (in order), the weights, the window, the limits and
    this module's code. Equal digests, equal "Baca juga" lists for every article."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(Path(__file__).read_bytes())
    digest.update(repr((weights, window, limits)).encode())
    for item in items:
        parts = (
            item.key,
            item.date.isoformat(),
            item.category,
            ",".join(sorted(item.regions)),
            ",".join(sorted(item.tags)),
        )
        digest.update("\x1f".join(parts).encode("utf-8", "surrogatepass") + b"\x1e")
    return digest.hexdigest()
