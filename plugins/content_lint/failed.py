"""The checks of a release Pelican could not read (no Pelican import).

Pelican drops a release whose Date: it cannot parse (or without a Title, or
with an unknown Status:): the file gets one line saying why, and no article.
Without an article the enrichment stages (regions, official tags) and the
photo checks never see it, so staff would fix the date, push, and only then
learn about the unknown region, the unknown tag and the photo without alt text.
These functions give such a file the same findings from its source: the stages
run on a `warta.pipeline.Source` made from the file as written, and the photos
are checked with `warta.source_checks.check_images`. The file stays
unpublished; nothing here makes an article.

A finding that depends on the article's date (an official's position on that
day) cannot be judged without one: when the Date: cannot be read, the stages
run at two far-apart dates and only the findings both runs make are kept.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from warta import frontmatter
from warta.dates import parse_date
from warta.findings import Finding
from warta.paths import LINK_MARKERS, Refusal, referenced_file
from warta.pipeline import Pipeline, Source

# Two far-apart days for a release without a readable date: a finding made on
# both does not depend on the date (one judged on a day names that day).
UNDATED = (dt.date(1945, 8, 17), dt.date(2999, 12, 31))


def pipeline_source(path: str, text: str, html: str, date: dt.date) -> Source:
    """The `Source` the enrichment stages would get for this file: front-matter
    values with lower-case keys (the first of a repeated key, as Pelican keeps
    it), Tags split as Pelican splits them."""
    document = frontmatter.parse(text)
    metadata: dict[str, str] = {}
    tags: list[str] = []
    for item in document.front_matter.fields:
        if item.key not in metadata:
            metadata[item.key] = item.value
            if item.key == "tags":
                tags = frontmatter.handed_items("tags", frontmatter.list_items(item))
    return Source(
        path=path,
        text=text,
        html=html,
        title=metadata.get("title", ""),
        date=date,
        metadata=metadata,
        tags=tuple(tags),
        draft=metadata.get("status", "").strip().lower() == "draft",
    )


def stage_findings(pipeline: Pipeline, path: str, text: str, html: str) -> list[Finding]:
    """The findings every stage of the pipeline makes for this file, without
    those that depend on a date the file does not give."""
    date = parse_date(frontmatter.parse(text).front_matter.value("date"))
    dates = (date.date(),) if date else UNDATED
    runs = [pipeline.enrich(pipeline_source(path, text, html, day)).findings for day in dates]
    kept = [finding for finding in runs[0] if all(finding in other for other in runs[1:])]
    return list(dict.fromkeys(kept))


def locate_image(content: str | os.PathLike, path: str, reference: str) -> bool | str | None:
    """Whether the photo a release names is a file in content/ (True), missing
    (False), refused (why: a path that leaves content/, which the images
    plugin would say of a written release), or not ours to check (None: an
    address on another site, a symbolic link, which containment reports).
    The images plugin's rule: "/x" and "{static}/x" are below content/, any
    other path beside the release first, then below content/."""
    checked = referenced_file(reference, content, Path(content) / os.path.dirname(path))
    if checked is None:
        return None
    if isinstance(checked, Refusal):
        # (a `{static}` path that climbs out is containment's to say, at the link)
        intrasite = reference.strip().startswith(LINK_MARKERS)
        return None if checked.link is not None or intrasite else checked.reason
    return checked.is_file()
