"""search: a Pagefind full-text index of the article pages, built after every build.

What it adds to the site:
- `/<SEARCH_BUNDLE_DIR>/` (default `/pagefind/`): Pagefind's indexes and JS
  API, made by the binary from the pinned PyPI package `pagefind[bin]`
  (offline). Only article pages are indexed (SEARCH_GLOB, derived from
  ARTICLE_SAVE_AS), only their `<article>` (SEARCH_ROOT_SELECTOR) minus meta
  lines, footers and navigation (SEARCH_EXCLUDE_SELECTORS). Only listed
  articles: a hidden one is written under the same glob, but `article.html`
  gives its root `data-pagefind-ignore="all"` (the `is_listed` template
  global, warta.published), which makes Pagefind skip the whole page
  (a year whose only releases are hidden gets no bundle, as one without any).
  One bundle per publication year (`/pagefind/2025/`, `/pagefind/2024/`, …;
  a year of more than SEARCH_BUNDLE_MAX_PAGES pages in groups of months,
  `/pagefind/2024-07/`), built one after another so Pagefind's memory peak
  is one bundle's pages, and
  `/pagefind/bundles.json` listing them newest first; the search page merges
  them in the browser. Each bundle is the same files for the same pages
  (stable.py puts the filter lists Pagefind writes in a random order in
  order, Pagefind/pagefind#638). The year is the ARTICLE_SAVE_AS segment `{date:%Y}`;
  without one (or with a SEARCH_GLOB that has no `*` there) there is a single
  bundle `/pagefind/semua/`. The folder is rebuilt on every build, so the
  bundle of a year that no longer has articles goes away; a build that
  writes no fresh index (search off, `invoke check`, no article page,
  Pagefind failing, the plugin not loaded) leaves no folder at all: the last
  build's index holds the full text of releases that may since have become
  drafts. The plugin keeps the folder through the writer's clean-up only
  when it will index (`retain_bundle_dir`), and removes it at the end when
  it did not (`index_site`).
- `article.search_filters`: [(name, value)] for the filters wilayah, tag,
  rubrik and tahun, written into each article page by
  `partials/search_meta.html` (hidden `data-pagefind-filter` spans).
- the enrichment stage `search_words` (`warta.search.SearchWordsStage`,
  added at `article_generator_init`): `article.enrichment.search_words`, the
  names of the article's regions (with their ancestors, level words,
  spellings without spaces and the aliases of REGIONS_ALIASES), official
  tags and officials, written by the same partial as the metadata `cari`:
  Pagefind searches metadata but puts it in no excerpt, so "pagar alam"
  finds a release that writes "Pagaralam", and a kecamatan's release is
  found by its kabupaten's name. Computed and cached with the rest of the
  enrichment (an alias changed in aliases.yaml computes them again).
- the search page `/cari/` (the direct template `cari`, at CARI_SAVE_AS):
  the plugin adds it to DIRECT_TEMPLATES when search is on and takes it out
  when off, and sets `SEARCH_PAGE` (True when search is on) for the theme:
  the header's search link and form show only then, so a site with search
  off, or without this plugin, links to no search page and no index. Its UI
  lives in `partials/search_ui.html` and `static/js/search.js` (Pagefind's
  JS API, our own markup).

Settings: SEARCH_ENABLED, SEARCH_BUNDLE_DIR (the plugin adds its top-level
name to OUTPUT_RETENTION when it will index, and takes it out otherwise),
SEARCH_GLOB, SEARCH_ROOT_SELECTOR, SEARCH_EXCLUDE_SELECTORS, SEARCH_LANGUAGE,
SEARCH_BUNDLE_MAX_PAGES (a year of more pages is split by month; None: one
bundle a year) (defaults in DEFAULTS).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import logging
import os
import shlex
import shutil
from pathlib import Path

from pelican import signals
from pelican.generators import ArticlesGenerator

from warta.contents import every_content
from warta.enrichment import enrichment_of
from warta.findings import Finding, report
from warta.paths import first_symlink, link_target, own_output
from warta.pipeline import pipeline_of
from warta.published import check_only
from warta.regions.configured import load_configured as load_gazetteer
from warta.search import SearchWordsStage
from warta.text import shown_controls

from .filters import search_filters
from .indexer import build_index, glob_from_save_as, year_segment

logger = logging.getLogger(__name__)

DEFAULTS = {
    "SEARCH_ENABLED": True,
    "SEARCH_BUNDLE_DIR": "pagefind",
    "SEARCH_GLOB": None,  # None: derived from ARTICLE_SAVE_AS
    "SEARCH_ROOT_SELECTOR": "article.article",
    "SEARCH_EXCLUDE_SELECTORS": [".article__meta", ".article__rubrik", ".article__footer", "nav"],
    "SEARCH_LANGUAGE": None,  # None: DEFAULT_LANG
    # A publication year of more article pages is indexed in several bundles
    # (by month), so that Pagefind's memory stays that of at most this many pages.
    "SEARCH_BUNDLE_MAX_PAGES": 3000,
}
ARTICLE_LISTS = ("articles", "translations", "drafts", "drafts_translations")
SEARCH_TEMPLATE = "cari"  # the search page's direct template (theme/templates/cari.html)


def add_defaults(pelican) -> None:
    """Before the build starts, so templates see SEARCH_BUNDLE_DIR & co."""
    for key, value in DEFAULTS.items():
        pelican.settings.setdefault(key, value)


def own_search_page(pelican) -> None:
    """initialized: the search page is written, and the theme links to it
    (`SEARCH_PAGE`), only when search is on: with it off there is no index
    for the page to load. A new list, in the settings only (the settings
    module's list is shared by every build of the process); the theme reads
    no `SEARCH_PAGE` either when this plugin is not loaded."""
    settings = pelican.settings
    enabled = bool(settings.get("SEARCH_ENABLED", True))
    listed = list(settings.get("DIRECT_TEMPLATES") or ())
    templates = [name for name in listed if name != SEARCH_TEMPLATE]
    if enabled:
        at = listed.index(SEARCH_TEMPLATE) if SEARCH_TEMPLATE in listed else len(templates)
        templates.insert(at, SEARCH_TEMPLATE)
    settings["DIRECT_TEMPLATES"] = templates
    settings["SEARCH_PAGE"] = enabled


def indexes(settings) -> bool:
    """Whether this build makes a search index (`invoke check` builds none)."""
    return bool(settings.get("SEARCH_ENABLED", True)) and not check_only(settings)


def retained_name(bundle_dir: str) -> str | None:
    """SEARCH_BUNDLE_DIR as a name of OUTPUT_RETENTION (top-level names only):
    None for a nested folder or a name that is no folder of the output."""
    name = bundle_dir.strip("/")
    return name if name and "/" not in name and name not in (".", "..") else None


def retained_bundle_name(settings) -> str | None:
    """The search index's folder as a name of OUTPUT_RETENTION (`retained_name`)."""
    return retained_name(settings.get("SEARCH_BUNDLE_DIR") or DEFAULTS["SEARCH_BUNDLE_DIR"])


def retain_bundle_dir(pelican) -> None:
    """initialized, before the output is emptied: the last build's index
    folder is kept (OUTPUT_RETENTION) only when this build indexes, which
    replaces it or removes it at the end (`index_site`); otherwise it goes
    with the last build's other files. A new list, in the settings and in
    Pelican's own copy: the settings module's list is shared by every build
    of the process."""
    settings = pelican.settings
    name = retained_bundle_name(settings)
    if name is None:
        return
    retention = [entry for entry in settings.get("OUTPUT_RETENTION") or () if entry != name]
    if indexes(settings):
        retention.append(name)
    settings["OUTPUT_RETENTION"] = retention
    pelican.output_retention = retention


def add_stage(generator) -> None:
    """article_generator_init: the search words stage joins the enrichment
    pipeline (the enrichment plugin runs it after the regions and official
    tags stages), with the aliases of the gazetteer the regions plugin loads
    (`load_configured` keeps it; none when it cannot be loaded: the regions
    plugin says why). Also in `invoke check` and with search off, so that
    the enrichment cache a check leaves serves the build."""
    gazetteer = load_gazetteer(generator.settings)[0]
    aliases = gazetteer.aliases if gazetteer is not None else {}
    name_words = gazetteer.name_words if gazetteer is not None else ()
    pipeline_of(generator.context).add(SearchWordsStage(aliases, name_words))


def attach_filters(generators) -> None:
    """After every generator's context, so the regions and official tags are known."""
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator) or check_only(generator.settings):
            continue  # (`invoke check` renders no page)
        for article in every_content(generator, ARTICLE_LISTS):
            date = getattr(article, "date", None)
            enrichment = enrichment_of(article)
            article.search_filters = search_filters(
                # (named by the search words stage, cached with the enrichment)
                regions=enrichment.search_regions,
                official_tags=enrichment.official_tags,
                tags=getattr(article, "tags", None),
                category=getattr(article, "category", None),
                year=date.year if date else None,
            )


def max_pages(settings) -> int | None:
    value = settings.get("SEARCH_BUNDLE_MAX_PAGES", DEFAULTS["SEARCH_BUNDLE_MAX_PAGES"])
    if value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 1):
        return value
    default = DEFAULTS["SEARCH_BUNDLE_MAX_PAGES"]
    message = (
        f"pelicanconf.py: search: SEARCH_BUNDLE_MAX_PAGES must be a whole number ≥ 1: {value!r}"
    )
    report(logger, Finding("", None, "warning", message, f"using {default}"))
    return default


def release_memory() -> int | None:
    """Give the memory the finished build freed back to the system before
    Pagefind starts beside this process (the build's peak is this process plus
    Pagefind): collect garbage, then ask glibc to return free heap pages.
    Returns this process's resident size in bytes afterwards (None off Linux)."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to trim
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def claim_bundle_dir(generators) -> None:
    """Pagefind empties and fills its folder after the pages are written: no
    page may be written there (`Slug: pagefind` would be deleted unseen)."""
    if generators and generators[0].settings.get("SEARCH_ENABLED", True):
        folder = (generators[0].settings.get("SEARCH_BUNDLE_DIR") or "pagefind").strip("/")
        own_output(generators[0].context, f"{folder}/", "the search index (SEARCH_BUNDLE_DIR)")


def index_site(pelican) -> None:
    """finalized: the index of the written pages, or no index folder at all
    when none could be made (the one kept from the last build would show
    releases withdrawn since)."""
    settings = pelican.settings
    if not indexes(settings):
        return  # (`invoke check` builds no index: not a content problem, and costly)
    bundle_dir = settings.get("SEARCH_BUNDLE_DIR") or "pagefind"
    output = Path(pelican.output_path)
    unlink_bundle_dir(output, bundle_dir)
    if not write_index(settings, output, bundle_dir):
        remove_bundle_dir(output, bundle_dir)


def remove_bundle_dir(output: Path, bundle_dir: str) -> None:
    """The bundle folder, when it lies inside the output (links are gone:
    `unlink_bundle_dir`), with whatever a failed run left in it."""
    folder = output / bundle_dir.strip("/")
    if folder.is_dir() and output.resolve() in folder.resolve().parents:
        shutil.rmtree(folder)


def write_index(settings, output: Path, bundle_dir: str) -> bool:
    """Run Pagefind over the written article pages; whether it made a whole index."""
    save_as = settings["ARTICLE_SAVE_AS"]
    glob = settings.get("SEARCH_GLOB") or glob_from_save_as(save_as)
    if next(output.glob(glob), None) is None:
        # Pagefind fails on an empty site; a site without articles has nothing to find.
        logger.info("search: no page matches %s, no index built", glob)
        return False
    resident = release_memory()
    if resident is not None:
        logger.info("search: the build holds %d MiB while Pagefind runs", resident // 2**20)
    try:
        result = build_index(
            output,
            bundle_dir,
            glob,
            year_at=year_segment(save_as),
            max_pages=max_pages(settings),
            root_selector=settings.get("SEARCH_ROOT_SELECTOR"),
            exclude_selectors=list(settings.get("SEARCH_EXCLUDE_SELECTORS") or []),
            language=settings.get("SEARCH_LANGUAGE") or settings.get("DEFAULT_LANG"),
        )
    except ValueError as exc:
        report(logger, Finding("", None, "error", f"search index not built: {exc}"))
        return False
    except OSError as exc:
        report(
            logger,
            Finding(
                "",
                None,
                "error",
                f"search index not built: Pagefind could not run: '{exc}'",
                "install the pinned pagefind[bin] from pyproject.toml",
            ),
        )
        return False
    if result.returncode != 0:
        tail = " | ".join(result.output.strip().splitlines()[-5:])
        report(
            logger,
            Finding(
                "",
                None,
                "error",
                f"search index not built: Pagefind failed on bundle {result.failed}: '{tail}'",
                f"rerun to see why: {shlex.join(result.command)}",
            ),
        )
        return False
    if not result.bundles:
        # Every article page asks not to be indexed (the site's only releases are hidden).
        logger.info("search: no listed page matches %s, no index built", glob)
        return False
    for reason in result.unstable:
        report(
            logger,
            Finding(
                "",
                None,
                "warning",
                f"search bundle {bundle_dir}/{reason}: its filter files were left in "
                "Pagefind's order, which changes from build to build",
                "check that pagefind[bin] is the version pinned in pyproject.toml",
            ),
        )
    logger.info(
        "search: Pagefind indexed %d pages matching %s in %d bundles (%s)",
        result.pages,
        glob,
        len(result.bundles),
        ", ".join(result.bundles),
    )
    return True


def unlink_bundle_dir(output: Path, bundle_dir: str) -> None:
    """Remove a symbolic link at SEARCH_BUNDLE_DIR (or a folder on its way) in
    the output, the link itself, with the warning the writer gives for the
    output's other links: the index is replaced in the output, never written
    through a link (it was refused, naming no link). The writer's clean-up
    leaves the names of OUTPUT_RETENTION, where `retain_bundle_dir` lists the
    bundle folder."""
    link = first_symlink(output, output / bundle_dir.strip("/"))
    if link is None:
        return
    target = link_target(link)
    link.unlink()
    report(
        logger,
        Finding(
            str(link),
            None,
            "warning",
            "symbolic link in the output folder removed (the build writes its own "
            f"files there, never through a link): '{shown_controls(target)}'",
            "leave SEARCH_BUNDLE_DIR to the build: it makes the search index's folder",
        ),
    )


def register() -> None:
    signals.initialized.connect(add_defaults)
    signals.initialized.connect(own_search_page)
    signals.initialized.connect(retain_bundle_dir)
    signals.article_generator_init.connect(add_stage)
    signals.all_generators_finalized.connect(attach_filters)
    signals.all_generators_finalized.connect(claim_bundle_dir)
    signals.finalized.connect(index_site)
