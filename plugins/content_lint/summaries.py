"""What the checks run on every build ask of an unchanged source, kept beside
its cached parse so that the parse is not unpickled (0.3 s of every warm
build at 10,000 releases, for the few whose links or photos are checked).

`summary(source, found)` is plain data stored with the source's snapshot
(`SnapshotStore.put(..., summary=...)`); `LazySource` stands for the source
in the build's checks: it answers the values, lines and dates the checks of
every build read (embargo, take-down date, Modified:, duplicates, author spellings, drafts
folders) from the summary, as `Source` would, and anything else (the body,
the metadata, a key not summarised) from the source itself, unpickled the
first time it is asked (`load`). So a check that needs more than the summary
still gets the real source: the findings are the same, only their cost is not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from warta.source_checks import Source, has_site_link

# The keys whose value (`Source.value`) and line (`Source.line`) a summary holds.
SUMMARISED_KEYS = ("slug", "date", "lang", "author", "status", "title", "modified", "summary")
# The keys whose value `Source.read_date` is asked to read on every build.
DATED_KEYS = ("date", "modified")


def summary(source: Source, found: tuple, drafts: tuple = ()) -> dict[str, Any]:
    """What `LazySource` answers without the source: plain data (pickled
    with the cache's file, read with it). `drafts`: what `in_drafts_folder`
    says of it (of its path, title and status alone)."""
    values = {key: source.value(key) for key in SUMMARISED_KEYS}
    written, _ = source.metadata.get("summary", ("", None))
    return {
        "path": source.path,
        "readable": source.readable,
        "values": values,
        "lines": {key: source.line(key) for key in SUMMARISED_KEYS},
        "dates": {values[key]: source.read_date(values[key]) for key in DATED_KEYS if values[key]},
        "unpublished_flag": source.unpublished_flag,
        "take_down": source.take_down,
        "site_link": source.site_link,
        "photos": source.photos,
        "summary_link": bool(written) and has_site_link((written,)),
        "found": tuple(found),
        "drafts": drafts,
    }


class LazySource:
    """A cached source as the checks see it, its parse unpickled only when a
    check asks for more than its summary (see the module's docstring)."""

    def __init__(self, summarised: dict[str, Any], load: Callable[[], Source]) -> None:
        self._summary = summarised
        self._load = load
        self._source: Source | None = None
        self.path: str = summarised["path"]
        self.readable: bool = summarised["readable"]
        self.unpublished_flag = summarised["unpublished_flag"]
        self.take_down = summarised["take_down"]
        self.site_link: bool | None = summarised["site_link"]
        self.photos = summarised["photos"]
        self.summary_link: bool = summarised["summary_link"]

    @property
    def found(self) -> tuple:
        """The source's findings that depend on its text alone."""
        return self._summary["found"]

    @property
    def drafts(self) -> tuple:
        """What `in_drafts_folder` says of the source (stored with its summary)."""
        return self._summary["drafts"]

    def full(self) -> Source:
        """The source itself (unpickled once)."""
        if self._source is None:
            self._source = self._load()
        return self._source

    def value(self, key: str) -> str:
        values = self._summary["values"]
        return values[key] if key in values else self.full().value(key)

    def line(self, key: str) -> int | None:
        lines = self._summary["lines"]
        return lines[key] if key in lines else self.full().line(key)

    def read_date(self, raw: str):
        dates = self._summary["dates"]
        return dates[raw] if raw in dates else self.full().read_date(raw)

    def __getattr__(self, name: str):
        if name.startswith("__") or name in ("_summary", "_load", "_source"):
            raise AttributeError(name)
        return getattr(self.full(), name)


def source_of(source: Source | LazySource) -> Source:
    """The `Source` itself of a source or a `LazySource`."""
    return source.full() if isinstance(source, LazySource) else source


def summary_site_link(source: Source | LazySource) -> bool:
    """Whether the source's `Summary:` as written holds a site link (a
    `LazySource` knows without its metadata)."""
    if isinstance(source, LazySource):
        return source.summary_link
    written, _ = source.metadata.get("summary", ("", None))
    return bool(written) and has_site_link((written,))
