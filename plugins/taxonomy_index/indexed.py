"""A list with constant-time membership (no Pelican import)."""

from __future__ import annotations

from collections.abc import Iterable


class IndexedList(list):
    """A list whose `in` is a set lookup by identity (articles compare by
    identity: Pelican's contents define no equality of their own).

    Meant for lists that no longer change; a change through any list method
    still keeps the set right (it is made again)."""

    def __init__(self, items: Iterable = ()) -> None:
        super().__init__(items)
        self._ids = frozenset(map(id, self))

    def __contains__(self, item) -> bool:
        return id(item) in self._ids

    def __reduce__(self):
        # Pickled (Pelican's caches, forked workers' results) as a plain list.
        return (list, (list(self),))


def _reindexing(name: str):
    method = getattr(list, name)

    def changed(self, *args, **kwargs):
        result = method(self, *args, **kwargs)
        self._ids = frozenset(map(id, self))
        return result

    changed.__name__ = name
    return changed


for _name in (
    "append",
    "extend",
    "insert",
    "remove",
    "pop",
    "clear",
    "__iadd__",
    "__imul__",
    "__setitem__",
    "__delitem__",
):
    setattr(IndexedList, _name, _reindexing(_name))


def index_pairs(pairs: list, replaced: dict[int, IndexedList]) -> list:
    """[(name, articles)] with each list of articles indexed once (the same list
    reached through several pairs stays one list)."""
    indexed = []
    for pair in pairs:
        if isinstance(pair, tuple) and len(pair) == 2 and isinstance(pair[1], list):
            name, articles = pair
            if not isinstance(articles, IndexedList):
                articles = replaced.setdefault(id(articles), IndexedList(articles))
            indexed.append((name, articles))
        else:
            indexed.append(pair)
    return indexed


def members_in_order(articles: Iterable, members: Iterable) -> list:
    """The articles that are among `members` (by identity), in the order of
    `articles`: `[a for a in articles if a in members]` with one set, not a
    scan of `members` for every article."""
    wanted = frozenset(map(id, members))
    return [article for article in articles if id(article) in wanted]
