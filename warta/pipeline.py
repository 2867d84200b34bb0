"""The per-article enrichment pipeline: ordered stages, run on every core, cached
by source (no Pelican import).

    pipeline = Pipeline()
    pipeline.add(RegionsStage(...))        # warta.regions.stage
    pipeline.add(OfficialTagsStage(...))   # warta.tags.stage, after "regions"
    enrichments = pipeline.run(sources, cache=EnrichmentCache(path, pipeline.digest()))

A stage is a pure function of one article's `Source` and the data it was made
with: it returns the `Enrichment` with its fields filled and its findings
added. `Pipeline.ordered()` puts the stages in the order they declare (`after`:
stages that must run first when they are present) and refuses a cycle, so the
order that matters is in code, not in PLUGINS comments.

`Pipeline.run` looks each source up in the cache (key: a digest of everything
the `Source` holds; the cache as a whole is valid for one `Pipeline.digest()`,
which covers every stage's data and options and the code of `warta/`), and
computes the others with `warta.parallel.fork_map`: in forked workers when
there are enough of them (a cold build), in this process otherwise (a warm
build with a few edits).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from . import site_modules
from .cachelog import CacheLog
from .enrichment import Enrichment
from .findings import Finding
from .fingerprint import files_digest, hash_text
from .parallel import fork_map

logger = logging.getLogger(__name__)

CACHE_FORMAT = "warta-enrichment-2"


@dataclass(frozen=True)
class Source:
    """One article as the stages see it: its file, its converted body and the
    front-matter values Pelican parsed."""

    path: str  # as findings name it: relative to the content folder
    text: str  # the file as written (findings find their lines in it)
    html: str  # the body as Markdown converted it
    title: str
    date: dt.date
    metadata: Mapping[str, str]  # front-matter values as text, keys lower case
    tags: tuple[str, ...]  # the typed Tags: values
    draft: bool = False

    def key(self) -> str:
        """Digest of every field: equal keys, equal enrichment (for one pipeline)."""
        return _fields_key(
            self.text,
            self.path,
            self.html,
            self.title,
            self.date,
            self.metadata,
            self.tags,
            self.draft,
        )


def file_key(
    file_digest: str,
    path: str,
    html: str,
    title: str,
    date: dt.date,
    metadata: Mapping[str, str],
    tags: tuple[str, ...],
    draft: bool = False,
) -> str:
    """The key of a source whose text is read from a file with these bytes
    (`warta.snapshots.content_digest`) and whose other fields are these: the
    text is the file's as `warta.frontmatter.read_source` reads it (code the
    pipeline's digest covers), so equal keys mean equal sources. A warm build
    finds an article's enrichment by it without reading the text
    (`EnrichmentCache.get_by_file`). Never equal to a `Source.key()`."""
    return _fields_key("\x00file:" + file_digest, path, html, title, date, metadata, tags, draft)


def _fields_key(text, path, html, title, date, metadata, tags, draft) -> str:
    digest = hashlib.blake2b(digest_size=20)
    parts = [
        path,
        text,
        html,
        title,
        date.isoformat(),
        *(f"{k}\x1e{v}" for k, v in sorted(metadata.items())),
        "\x1d".join(tags),
        str(draft),
    ]
    for part in parts:
        encoded = part.encode("utf-8", "surrogatepass")
        digest.update(len(encoded).to_bytes(8, "big"))  # "ab"+"c" ≠ "a"+"bc"
        digest.update(encoded)
    return digest.hexdigest()


class Stage(Protocol):
    """One step of the pipeline."""

    name: str
    after: tuple[str, ...]  # stages that must run before this one when present

    def digest(self) -> str:
        """Digest of the data and options the stage was made with."""

    def run(self, source: Source, enrichment: Enrichment) -> Enrichment:
        """The enrichment with this stage's fields and findings added."""


class PipelineOrderError(ValueError):
    """The stages' declared order has a cycle."""


def add_findings(enrichment: Enrichment, findings: Iterable) -> Enrichment:
    found = tuple(findings)
    if not found:
        return enrichment
    return dataclasses.replace(enrichment, findings=enrichment.findings + found)


def code_digest() -> str:
    """Digest of warta's modules (the stages and the domain code they call)."""
    return hash_text(*files_digest(site_modules()))


class Pipeline:
    """The stages of one build, run in their declared order."""

    def __init__(self) -> None:
        self._stages: dict[str, Stage] = {}
        self._ordered: list[Stage] | None = None

    def add(self, stage: Stage) -> None:
        """Add a stage (a stage of the same name is replaced)."""
        self._stages[stage.name] = stage
        self._ordered = None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(stage.name for stage in self.ordered())

    def ordered(self) -> list[Stage]:
        """Each stage after the present stages it names in `after` (ties: the
        order they were added)."""
        if self._ordered is not None:
            return self._ordered
        done: list[Stage] = []
        placed: set[str] = set()
        visiting: set[str] = set()

        def place(stage: Stage) -> None:
            if stage.name in placed:
                return
            if stage.name in visiting:
                raise PipelineOrderError(f"enrichment stages in a cycle at {stage.name!r}")
            visiting.add(stage.name)
            for name in stage.after:
                if name in self._stages:
                    place(self._stages[name])
            visiting.discard(stage.name)
            placed.add(stage.name)
            done.append(stage)

        for stage in self._stages.values():
            place(stage)
        self._ordered = done
        return done

    def digest(self) -> str:
        """Digest of everything but the articles: the code, each stage's data and options."""
        digest = hashlib.blake2b(digest_size=20)
        digest.update(CACHE_FORMAT.encode())
        digest.update(code_digest().encode())
        for stage in self.ordered():
            digest.update(f"\x1f{stage.name}\x1e{stage.digest()}".encode())
        return digest.hexdigest()

    def enrich(self, source: Source) -> Enrichment:
        enrichment = Enrichment()
        for stage in self.ordered():
            try:
                enrichment = stage.run(source, enrichment)
            except Exception as exc:  # one article's bug must not stop the site
                # The article keeps what the earlier stages gave it and is still
                # published; the build fails on this error, naming the file.
                failed = Finding(
                    source.path,
                    None,
                    "error",
                    f"{stage.name}: this article could not be processed "
                    f"({type(exc).__name__}: {exc})",
                    "report it to the developers with the file; meanwhile check its "
                    "front matter and first paragraph",
                )
                enrichment = add_findings(enrichment, [failed])
            enrichment = dataclasses.replace(enrichment, stages=(*enrichment.stages, stage.name))
        return enrichment

    def run(
        self,
        sources: Sequence[Source],
        *,
        cache: EnrichmentCache | None = None,
        workers: int | None = None,
        min_per_worker: int = 32,
        ready: Mapping[int, Enrichment] | None = None,
    ) -> list[Enrichment]:
        """One Enrichment per source, in order: from the cache, else from `ready`
        (index → what `enrich` gave for exactly that source, computed earlier
        elsewhere), else computed (on `workers` cores when there are at least
        `min_per_worker` per worker)."""
        keys = [source.key() for source in sources]
        found: list[Enrichment | None] = [cache.get(key) if cache else None for key in keys]
        for index, enrichment in (ready or {}).items():
            if found[index] is None:
                found[index] = enrichment
                if cache is not None:
                    cache.put(keys[index], enrichment)
        missing = [index for index, value in enumerate(found) if value is None]
        computed = fork_map(
            lambda index: self.enrich(sources[index]),
            missing,
            workers,
            min_items_per_worker=min_per_worker,
        )
        for index, enrichment in zip(missing, computed, strict=True):
            found[index] = enrichment
            if cache is not None:
                cache.put(keys[index], enrichment)
        # A copy each: the site-wide fields are filled per build.
        return [value.from_source() for value in found]  # type: ignore[union-attr]


# The fields of an Enrichment whose values recur across articles (regions,
# tags, officials, the stages' names): kept as one object per value.
_SHARED_FIELDS = ("regions", "official_tags", "free_tags", "officials", "stages")


class _Unshared(Exception):
    """A value `_shared` keeps as it is."""


def _shared(value, table: dict):
    """`value` with each tuple and frozen dataclass of it (of plain strings,
    None, and such values) replaced by the first of equal value `table` has
    seen: the cache's file pickles each once (10,000 articles name about a
    thousand distinct regions, tags and officials), and a warm build unpickles
    a tenth of the objects. Equal means of the same types throughout (a str
    subclass, a number, anything else is not shared: `_Unshared`)."""
    try:
        return _share(value, table)
    except _Unshared:
        return value


def _share(value, table: dict):
    kind = type(value)
    if kind is str or value is None:
        return value
    if kind is tuple:
        items = tuple(_share(item, table) for item in value)
        return table.setdefault((tuple, *map(_token, items)), items)
    names = _frozen_fields(kind)
    if names is None:
        raise _Unshared
    values = tuple(_share(getattr(value, name), table) for name in names)
    key = (kind, *map(_token, values))
    found = table.get(key)
    if found is None:
        if any(getattr(value, name) is not new for name, new in zip(names, values, strict=True)):
            value = dataclasses.replace(value, **dict(zip(names, values, strict=True)))
        found = table[key] = value
    return found


def _token(value):
    """What stands for a shared value in a key: a string (or None) itself, any
    other (a value `table` keeps, alive for the table's life) its identity, so
    that no `__eq__` of a type decides what is equal."""
    return value if value is None or type(value) is str else id(value)


@functools.cache
def _frozen_fields(kind: type) -> tuple[str, ...] | None:
    """The fields of a frozen dataclass made from them alone (every field in
    its `__init__`, no `__post_init__`); None for any other type."""
    params = getattr(kind, "__dataclass_params__", None)
    if params is None or not params.frozen or hasattr(kind, "__post_init__"):
        return None
    fields = dataclasses.fields(kind)
    if not all(field.init for field in fields):
        return None
    return tuple(field.name for field in fields)


class EnrichmentCache:
    """Enrichments by source key, in one file, valid for one pipeline digest.

    A pickle, like Pelican's own content cache beside it (same folder, same
    trust). A missing, unreadable or foreign file is an empty cache, never an
    error; the file is replaced atomically, and only when something changed.
    Entries not used by a build are dropped when it saves (a removed article
    does not stay in the file forever)."""

    def __init__(self, path: Path | None, digest: str) -> None:
        self.path = path
        self.digest = digest
        self.hits = 0
        self.misses = 0
        # file key (`file_key`) → source key, of the sources read from files
        self._files: dict[str, str] = {}
        self._log = (
            None
            if path is None
            else CacheLog(
                path,
                f"{CACHE_FORMAT}:{digest}",
                owner="enrichment",
                consequence="the next build enriches every article again",
                log=logger,
            )
        )
        self._entries = self._load()
        # value → the one object of that value `put` keeps (`_shared`)
        self._shared: dict[tuple, object] = {}
        self._used: dict[str, Enrichment] = {}
        self._used_files: dict[str, str] = {}
        self._changed = False

    def _load(self) -> dict[str, Enrichment]:
        if self._log is None:
            return {}
        saved = self._log.load()
        entries: dict[str, Enrichment] = {}
        for (kind, name), value in saved.items():
            if kind == "e":
                entries[name] = value
            else:
                self._files[name] = value
        return entries

    @property
    def entries(self) -> int:
        """Entries loaded from the file."""
        return len(self._entries)

    def holds(self, key: str) -> bool:
        """Whether `get(key)` would find an entry (not counted as a hit or miss)."""
        return isinstance(self._entries.get(key), Enrichment)

    def get(self, key: str) -> Enrichment | None:
        found = self._entries.get(key)
        if isinstance(found, Enrichment):
            self.hits += 1
            self._used[key] = found
            return found
        self.misses += 1
        return None

    def put(self, key: str, enrichment: Enrichment) -> None:
        kept = enrichment.from_source()
        shared = {name: _shared(getattr(kept, name), self._shared) for name in _SHARED_FIELDS}
        self._used[key] = dataclasses.replace(kept, **shared)
        self._changed = True

    def get_by_file(self, file_key: str) -> Enrichment | None:
        """`get` for the source a `file_key` stands for, when an earlier build
        noted it (`note_file`); a copy with only the fields from the source,
        as `Pipeline.run` gives."""
        key = self._files.get(file_key)
        found = self._entries.get(key) if key is not None else None
        if not isinstance(found, Enrichment):
            return None
        self.hits += 1
        self._used[key] = found
        self._used_files[file_key] = key
        return found.from_source()

    def note_file(self, file_key: str, key: str) -> None:
        """The source of key `key` is the one `file_key` stands for."""
        if self._files.get(file_key) != key:
            self._changed = True
        self._used_files[file_key] = key

    def save(self) -> bool:
        """Write the entries used by this build; False when nothing needed
        writing, or when it could not be written (a warning says why)."""
        if self.path is None:
            return False
        files = {name: key for name, key in self._used_files.items() if key in self._used}
        if (
            not self._changed
            and set(self._used) == set(self._entries)
            and files.keys() == self._files.keys()
        ):
            return False
        # (as one mapping, written as what changed: `warta.cachelog`)
        stored: dict[tuple[str, str], object] = {("e", k): v for k, v in self._used.items()}
        stored.update((("f", name), key) for name, key in files.items())
        if not self._log.save(stored):
            return False  # not written: a warning said so
        self._entries = dict(self._used)
        self._files = files
        self._changed = False
        return True


CONTEXT_KEY = "enrichment_pipeline"  # in Pelican's generator context


def pipeline_of(context: dict) -> Pipeline:
    """The build's pipeline, kept in the generator context: plugins add their
    stages to it, the enrichment plugin runs it."""
    pipeline = context.get(CONTEXT_KEY)
    if not isinstance(pipeline, Pipeline):
        pipeline = context[CONTEXT_KEY] = Pipeline()
    return pipeline
