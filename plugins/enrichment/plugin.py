"""enrichment: every article's `article.enrichment`, from one ordered pipeline.

What it adds to the site: nothing of its own. It runs the stages other plugins
add to the pipeline (`warta.pipeline.pipeline_of(generator.context).add(...)`
in `article_generator_init`: `regions`, then `official_tags`), in the order
the stages declare, over every article, and gives each its
`warta.enrichment.Enrichment`. Templates and plugins read that object.

When: `article_generator_pretaxonomy`, once Pelican has read every article
and before it builds tags, categories and archives, on every build (articles
from Pelican's content cache too).

Where and what is cached: each article's `Source` (its file, converted body,
title, date, front matter) is looked up in `<CACHE_PATH>/enrichment/cache.pickle`
by its digest, under a digest of the pipeline (the code of `warta/`, every
stage's data files and options): a warm build computes only new and edited
articles, and any change to the data or the code starts afresh. An article
whose source an earlier build noted is found by the bytes of its file and the
fields Pelican read (`warta.pipeline.file_key`; the bytes' digest is the one
taken when the article cache stamped the file, `warta.snapshots.content_digest`),
without reading or digesting its text again (read only when it has findings). The others
are computed on every core (`warta.parallel.fork_map`) when there are enough of
them, as on a cold build, else in Pelican's process. Before that, while
Pelican reads, each article read is handed as its `Source` to a background
process (`Speculation`: `content_object_init`, at nice 10, on the core Pelican's
one process leaves idle); at pretaxonomy its result is taken for every article
whose `Source` is still the one handed over, so that only the rest is computed
then.

Then: `warta.enrichment.ARTICLES_ENRICHED` is sent with the generator, for
plugins that set what Pelican's taxonomies are built from out of the regions
(release_defaults: the office's author).

Findings: every stage's findings (file, line, level, message, suggestion) are
kept with the enrichment and reported on every build, cached or not, so a
warm build says what a cold one says.

Settings: ENRICHMENT_CACHE (default True), ENRICHMENT_WORKERS (default 0:
every core; 1: in Pelican's process). `--verbose` logs how many articles were
computed and how many came from the cache.
"""

from __future__ import annotations

import logging
import weakref
from pathlib import Path

from pelican import signals
from pelican.contents import Article
from pelican.plugins.signals import signal

from warta.contents import every_article, message_path
from warta.enrichment import ARTICLES_ENRICHED, Enrichment
from warta.findings import Finding, report
from warta.frontmatter import read_source
from warta.parallel import Background
from warta.pipeline import (
    EnrichmentCache,
    PipelineOrderError,
    Source,
    file_key,
    pipeline_of,
)
from warta.snapshots import content_digest
from warta.source_checks import front_matter_unsettled, parse_source

logger = logging.getLogger(__name__)

DEFAULTS = {"ENRICHMENT_CACHE": True, "ENRICHMENT_WORKERS": 0}
CACHE_FILE = Path("enrichment") / "cache.pickle"  # below CACHE_PATH
articles_enriched = signal(ARTICLES_ENRICHED)


def setting(settings, key: str):
    value = settings.get(key)
    return DEFAULTS[key] if value is None else value


def _text(value) -> str | None:
    if isinstance(value, str):
        return str(value)
    if isinstance(value, list | tuple) and all(isinstance(item, str) for item in value):
        return ", ".join(str(item) for item in value)
    return None


def source_fields(article) -> dict:
    """The fields of the article's `Source` but its text."""
    metadata = {}
    for key, value in article.metadata.items():
        text_value = _text(value)
        if text_value is not None:
            metadata[key.lower()] = text_value
    return {
        "path": message_path(article),
        "html": getattr(article, "_content", "") or "",
        "title": str(getattr(article, "title", "")),
        "date": article.date.date(),
        "metadata": metadata,
        "tags": tuple(str(tag) for tag in getattr(article, "tags", None) or ()),
        "draft": getattr(article, "status", "") == "draft",
    }


def source_of(article, text: str | None = None, fields: dict | None = None) -> Source:
    """The article as the stages see it (`text`: its file's text, when already read)."""
    return Source(
        text=read_source(article.source_path) if text is None else text,
        **(fields or source_fields(article)),
    )


def file_key_of(fields: dict, source_path) -> str | None:
    """The key of the article's source by the bytes of its file (`file_key`),
    None when the file cannot be read."""
    digest = content_digest(source_path) if source_path else None
    return None if digest is None else file_key(digest, **fields)


def load_cache(generator, pipeline) -> EnrichmentCache | None:
    settings = generator.settings
    if setting(settings, "ENRICHMENT_CACHE") and settings.get("CACHE_PATH"):
        return EnrichmentCache(Path(settings["CACHE_PATH"]) / CACHE_FILE, pipeline.digest())
    return None


class Speculation:
    """Articles enriched in the background while Pelican reads the others.

    Pelican reads articles one by one in its process while the other cores
    idle; each article read (`content_object_init`, after the plugins before
    this one have filled it in) is handed as a `Source` to a `Background`
    process. At `article_generator_pretaxonomy` the source is made again from
    the article as it then is, reusing the text read here, and the result is
    used only when the two sources are equal: anything a later handler changed
    is computed again, as without the background.
    """

    def __init__(self, generator) -> None:
        self.pipeline = pipeline_of(generator.context)
        self.cache = load_cache(generator, self.pipeline)
        self.sources: dict[int, tuple[int, Source]] = {}  # id(article) → (index, source)
        # Ahead of content_lint's background (19): these are wanted first.
        self.background = Background(self.pipeline.enrich, niceness=10)

    def add(self, article) -> None:
        source = source_of(article)
        if self.cache is not None and self.cache.entries and self.cache.holds(source.key()):
            return  # a warm build: the cache has it
        self.sources[id(article)] = (self.background.count, source)
        self.background.add(source)


_READING: weakref.WeakSet = weakref.WeakSet()  # the ArticlesGenerator reading now
_SPECULATIONS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def note_reader(generator) -> None:
    """article_generator_preread: the generator whose articles are being read."""
    if generator not in _READING:
        _READING.clear()
        _READING.add(generator)


def speculate(content) -> None:
    """content_object_init: hand a freshly read article to the background."""
    generator = next(iter(_READING), None)
    if generator is None or not isinstance(content, Article) or not content.source_path:
        return
    if setting(generator.settings, "ENRICHMENT_WORKERS") == 1:
        return
    # An article Pelican is about to drop (no date, an empty file) has nothing
    # to enrich; and handing one over must never change what the build says.
    if getattr(content, "date", None) is None:
        return
    try:
        speculation = _SPECULATIONS.get(generator)
        if speculation is None:
            if not pipeline_of(generator.context).names:
                return
            speculation = _SPECULATIONS[generator] = Speculation(generator)
        speculation.add(content)
    except Exception as exc:  # enriched at pretaxonomy as without the background
        logger.debug("enrichment: %s not handed to the background: %r", content.source_path, exc)


def enrich_articles(generator) -> None:
    """article_generator_pretaxonomy: run the pipeline over every article."""
    pipeline = pipeline_of(generator.context)
    articles = every_article(generator)
    speculation = _SPECULATIONS.pop(generator, None)
    _READING.discard(generator)
    try:
        names = pipeline.names
    except PipelineOrderError as exc:
        report(logger, Finding("", None, "error", f"enrichment: {exc}", "fix the plugins' stages"))
        names = ()
    if not names:
        for article in articles:
            article.enrichment = Enrichment()
        articles_enriched.send(generator)
        return
    settings = generator.settings
    cache = speculation.cache if speculation else load_cache(generator, pipeline)
    finished = speculation.background.done() if speculation else {}
    # A warm build finds most articles by the bytes of their file and the
    # fields Pelican read (`file_key`): their text is not read, nor digested.
    found: dict[int, Enrichment] = {}
    file_keys: dict[int, str] = {}
    sources, ready, computed = [], {}, []
    for index, article in enumerate(articles):
        early = speculation.sources.get(id(article)) if speculation else None
        fields = source_fields(article)
        if early is None:
            key = file_key_of(fields, article.source_path) if cache is not None else None
            enrichment = cache.get_by_file(key) if key is not None else None
            if enrichment is not None:
                found[index] = enrichment
                continue
            if key is not None:
                file_keys[len(sources)] = key
            computed.append(index)
            sources.append(source_of(article, fields=fields))
            continue
        position, early_source = early
        source = source_of(article, early_source.text, fields)
        key = file_key_of(fields, article.source_path) if cache is not None else None
        if key is not None:
            file_keys[len(sources)] = key
        if position in finished and source == early_source:
            ready[len(sources)] = finished[position]
        computed.append(index)
        sources.append(source)
    enrichments = pipeline.run(
        sources, cache=cache, workers=setting(settings, "ENRICHMENT_WORKERS"), ready=ready
    )
    texts: dict[int, str] = {}
    for number, (index, source, enrichment) in enumerate(
        zip(computed, sources, enrichments, strict=True)
    ):
        found[index] = enrichment
        texts[index] = source.text
        if number in file_keys:
            cache.note_file(file_keys[number], source.key())
    for index, article in enumerate(articles):
        enrichment = article.enrichment = found[index]
        if not enrichment.findings:
            continue
        text = texts.get(index)
        if text is None:
            text = read_source(article.source_path)
        if front_matter_unsettled(parse_source(message_path(article), text)):
            continue  # content_lint's front-matter error says it (not "no region" too)
        for finding in enrichment.findings:
            report(logger, finding)
    # CACHE_CONTENT off (as in `invoke check`, whose cache is a temporary copy):
    # the cache is read, not written, as Pelican does with its own.
    if cache is not None and settings.get("CACHE_CONTENT", True):
        cache.save()  # a cache that cannot be written is a warning
    articles_enriched.send(generator)
    logger.info(
        "enrichment: %d articles (stages: %s): %d computed, %d from the cache (%s);"
        " %d computed in the background while reading",
        len(articles),
        ", ".join(names),
        cache.misses if cache else len(articles),
        cache.hits if cache else 0,
        cache.path if cache else "cache off",
        len(ready),
    )


def register():
    signals.article_generator_preread.connect(note_reader)
    signals.content_object_init.connect(speculate)
    signals.article_generator_pretaxonomy.connect(enrich_articles)
