"""corrections: dated corrections (`Ralat:`) on published articles.

What it adds, for every article with one or more `Ralat:` front-matter lines
(`Ralat: 2024-11-20 14:00 — what was corrected`, repeatable; see ralat.py):
- `article.corrections`: the corrections, oldest first (`Correction` with an
  aware `date` and a `text`); the theme shows a "Ralat" box at the top of the
  article and the dated list at its end;
- `article.corrections_ld`: schema.org CorrectionComment objects for the
  article's JSON-LD (`correction`);
- `article.enrichment.corrections`: [{"date", "text"}] (the JSON
  Feed's `_warta` object).

An article whose latest correction is newer than its `Modified:` (or that has
no `Modified:`) gets a warning (fails `--strict` and `invoke check --strict`),
and its `modified` becomes the latest correction's time so that the page,
the JSON-LD `dateModified` and the Atom `<updated>` never claim an older
update. The Atom entry's id is made from the URL and `Date:`, so it stays.
A line that is not a correction is an error naming the line, with an example.

No settings: the dates are in the site's TIMEZONE.
"""

from __future__ import annotations

import logging
from zoneinfo import ZoneInfo

from pelican import signals

from warta import findings
from warta.contents import every_article, message_path
from warta.enrichment import enrichment_of
from warta.findings import Finding
from warta.frontmatter import SourceLines

from .ralat import KEY, Problem, freshness_problems, parse, values_of

logger = logging.getLogger(__name__)


def report(article, problem: Problem, source: SourceLines) -> None:
    # One line per value, in the order Pelican lists them (continuation lines too).
    lines = [number for field in source.front_matter.all(KEY) for number in field.lines]
    line = lines[problem.index] if problem.index < len(lines) else None
    findings.report(
        logger,
        Finding(
            message_path(article),
            line,
            "error" if problem.level == "error" else "warning",
            f"{problem.message}: '{problem.value}'",
            problem.suggestion,
        ),
    )


def add_corrections(generator) -> None:
    tz = ZoneInfo(generator.settings.get("TIMEZONE") or "UTC")
    for article in every_article(generator):
        values = values_of(article.metadata.get(KEY))
        if not values:
            continue
        corrections, problems = parse(values, tz)
        modified = getattr(article, "modified", None)
        problems += freshness_problems(corrections, modified)
        source = SourceLines(article.source_path)  # read once, at a first problem
        for problem in problems:
            report(article, problem, source)
        if corrections and (modified is None or corrections[-1].date > modified):
            article.modified = corrections[-1].date
        article.corrections = corrections
        article.corrections_ld = [c.as_json_ld() for c in corrections]
        enrichment_of(article).corrections = tuple(c.as_data() for c in corrections)


def register() -> None:
    signals.article_generator_finalized.connect(add_corrections)
