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
articles, and any change to the data or the code starts afresh. The others
are computed on every core (`warta.parallel.fork_map`) when there are enough of
them, as on a cold build, else in Pelican's process.

Findings: every stage's findings (file, line, level, message, suggestion) are
kept with the enrichment and reported on every build, cached or not, so a
warm build says what a cold one says.

Settings: ENRICHMENT_CACHE (default True), ENRICHMENT_WORKERS (default 0:
every core; 1: in Pelican's process). `--verbose` logs how many articles were
computed and how many came from the cache.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals

from warta.contents import every_article, message_path
from warta.enrichment import Enrichment
from warta.findings import Finding, report
from warta.frontmatter import read_source
from warta.pipeline import EnrichmentCache, PipelineOrderError, Source, pipeline_of

logger = logging.getLogger(__name__)

DEFAULTS = {"ENRICHMENT_CACHE": True, "ENRICHMENT_WORKERS": 0}
CACHE_FILE = Path("enrichment") / "cache.pickle"  # below CACHE_PATH


def setting(settings, key: str):
    value = settings.get(key)
    return DEFAULTS[key] if value is None else value


def _text(value) -> str | None:
    if isinstance(value, str):
        return str(value)
    if isinstance(value, list | tuple) and all(isinstance(item, str) for item in value):
        return ", ".join(str(item) for item in value)
    return None


def source_of(article) -> Source:
    metadata = {}
    for key, value in article.metadata.items():
        text = _text(value)
        if text is not None:
            metadata[key.lower()] = text
    return Source(
        path=message_path(article),
        text=read_source(article.source_path),
        html=getattr(article, "_content", "") or "",
        title=str(getattr(article, "title", "")),
        date=article.date.date(),
        metadata=metadata,
        tags=tuple(str(tag) for tag in getattr(article, "tags", None) or ()),
        draft=getattr(article, "status", "") == "draft",
    )


def enrich_articles(generator) -> None:
    """article_generator_pretaxonomy: run the pipeline over every article."""
    pipeline = pipeline_of(generator.context)
    articles = every_article(generator)
    try:
        names = pipeline.names
    except PipelineOrderError as exc:
        report(logger, Finding("", None, "error", f"enrichment: {exc}", "fix the plugins' stages"))
        names = ()
    if not names:
        for article in articles:
            article.enrichment = Enrichment()
        return
    settings = generator.settings
    cache = None
    if setting(settings, "ENRICHMENT_CACHE") and settings.get("CACHE_PATH"):
        cache = EnrichmentCache(Path(settings["CACHE_PATH"]) / CACHE_FILE, pipeline.digest())
    sources = [source_of(article) for article in articles]
    enrichments = pipeline.run(
        sources, cache=cache, workers=setting(settings, "ENRICHMENT_WORKERS")
    )
    for article, enrichment in zip(articles, enrichments, strict=True):
        article.enrichment = enrichment
        for finding in enrichment.findings:
            report(logger, finding)
    if cache is not None:
        try:
            cache.save()
        except OSError as exc:  # as Pelican does for its own cache
            report(
                logger, Finding("", None, "warning", f"Could not save the enrichment cache: {exc}")
            )
    logger.info(
        "enrichment: %d articles (stages: %s): %d computed, %d from the cache (%s)",
        len(articles),
        ", ".join(names),
        cache.misses if cache else len(articles),
        cache.hits if cache else 0,
        cache.path if cache else "cache off",
    )


def register():
    signals.article_generator_pretaxonomy.connect(enrich_articles)
