"""Run Pagefind (the binary shipped in the PyPI wheel `pagefind[bin]`) over a
built site, one bundle per publication year. No Pelican import: works
offline, needs no network.

Why bundles: Pagefind holds every page it indexes in memory (≈ 0.17 MiB a
page), and it runs while Pelican's process is still alive. One run per year,
one after another, bounds the peak to one year's pages; a year of more than
`max_pages` pages is split further by the folder after the year (the month),
consecutive months grouped up to `max_pages` (`2024-07/` holds July to
December when those fit), so that the peak stays bounded as an office writes
more. The browser merges the bundles again (static/js/search.js, Pagefind's
`mergeIndex`). The bundles are listed, newest first, in
`<bundle_dir>/bundles.json`: `{"bundles": ["2025/", "2024-07/", "2024-01/"]}`
(paths relative to that file).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .stable import stabilise

MANIFEST = "bundles.json"
ONE_BUNDLE = "semua"  # the bundle's name when the article URLs carry no year
YEAR_FIELD = "{date:%Y}"
TIMEOUT_S = 600


@dataclass
class IndexResult:
    returncode: int
    pages: int  # pages indexed, all bundles together
    output: str  # Pagefind's output of the last run (the failed one on failure)
    bundles: list[str] = field(default_factory=list)  # bundles written, newest first
    failed: str | None = None  # "<bundle_dir>/<bundle>" of the run that failed
    command: list[str] = field(default_factory=list)  # the run that failed, to rerun it
    # "<bundle>: why" for each bundle left as Pagefind wrote it (stable.stabilise)
    unstable: list[str] = field(default_factory=list)


def glob_from_save_as(save_as: str) -> str:
    """Pelican's ARTICLE_SAVE_AS as a file glob: every {field} becomes *.

    "berita/{date:%Y}/{date:%m}/{slug}/index.html" → "berita/*/*/*/index.html".
    """
    return re.sub(r"\{[^}]*\}", "*", save_as)


def year_segment(save_as: str) -> int | None:
    """Which path segment of ARTICLE_SAVE_AS is the publication year, or None.

    Only a segment that is exactly {date:%Y} counts: then the year is a folder
    name that can be read back from the output and put into a glob.
    """
    segments = save_as.split("/")
    return segments.index(YEAR_FIELD) if YEAR_FIELD in segments else None


_GLOB_SPECIAL = re.compile(r"[][{}*?,!\\]")


def _month_groups(counts: dict[str, int], max_pages: int) -> list[list[str]]:
    """Consecutive folder names (sorted) grouped so that each group holds at most
    `max_pages` pages (a single folder larger than that is a group of its own)."""
    groups: list[list[str]] = []
    total = 0
    for name in sorted(counts):
        if groups and total + counts[name] <= max_pages:
            groups[-1].append(name)
            total += counts[name]
        else:
            groups.append([name])
            total = counts[name]
    return groups


def split_by_year(
    site: Path, glob: str, year_at: int | None, max_pages: int | None = None
) -> list[tuple[str, str]]:
    """[(bundle name, glob)] for the pages under site that match glob, newest
    first; one bundle ("semua") when the glob cannot be split by year.

    The years are the folder names found in the output, so a year without
    articles gets no bundle and a year with any gets one. With `max_pages`, a
    year of more pages is split by the folder after the year (see the module
    docstring) when that segment of the glob is `*` and its folder names are
    plain (no glob characters).
    """
    segments = glob.split("/")
    splittable = (
        year_at is not None
        and year_at < len(segments) - 1
        and segments[year_at] == "*"
        and not any("**" in segment for segment in segments[:year_at])
    )
    if not splittable:
        return [(ONE_BUNDLE, glob)] if next(site.glob(glob), None) is not None else []
    pages: dict[str, dict[str, int]] = {}
    for path in site.glob(glob):
        parts = path.relative_to(site).parts
        inner = pages.setdefault(parts[year_at], {})
        below = parts[year_at + 1] if year_at + 1 < len(parts) - 1 else ""
        inner[below] = inner.get(below, 0) + 1
    month_at = year_at + 1
    bundles = []
    for year in sorted(pages, reverse=True):
        counts = pages[year]
        splittable_year = (
            max_pages is not None
            and sum(counts.values()) > max_pages
            and month_at < len(segments) - 1
            and segments[month_at] == "*"
            and all(name and not _GLOB_SPECIAL.search(name) for name in counts)
        )
        if not splittable_year:
            bundles.append((year, "/".join([*segments[:year_at], year, *segments[month_at:]])))
            continue
        for group in reversed(_month_groups(counts, max_pages)):
            folder = group[0] if len(group) == 1 else "{" + ",".join(group) + "}"
            bundle_glob = [*segments[:year_at], year, folder, *segments[month_at + 1 :]]
            bundles.append((f"{year}-{group[0]}", "/".join(bundle_glob)))
    return bundles


def pagefind_command(
    site: Path,
    *,
    bundle_dir: str,
    glob: str,
    root_selector: str | None,
    exclude_selectors: list[str],
    language: str | None,
) -> list[str]:
    """One Pagefind run: the pages of site matching glob into site/<bundle_dir>."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site)]
    command += ["--output-subdir", bundle_dir, "--glob", glob]
    if root_selector:
        command += ["--root-selector", root_selector]
    for selector in exclude_selectors:
        command += ["--exclude-selectors", selector]
    if language:
        command += ["--force-language", language]
    return command


def bundle_commands(
    site: Path,
    bundle_dir: str,
    glob: str,
    *,
    year_at: int | None,
    max_pages: int | None = None,
    root_selector: str | None = None,
    exclude_selectors: list[str] | tuple[str, ...] = (),
    language: str | None = None,
) -> list[tuple[str, list[str]]]:
    """[(bundle name, Pagefind command)], newest year first, for the pages of
    an already built site. The build runs exactly these; so can a benchmark.

    year_at: year_segment(ARTICLE_SAVE_AS); None makes one bundle.
    max_pages: a year of more pages is split by month (see split_by_year).
    """
    return [
        (
            name,
            pagefind_command(
                site,
                bundle_dir=f"{bundle_dir}/{name}",
                glob=bundle_glob,
                root_selector=root_selector,
                exclude_selectors=list(exclude_selectors),
                language=language,
            ),
        )
        for name, bundle_glob in split_by_year(site, glob, year_at, max_pages)
    ]


def manifest(bundles: list[str]) -> str:
    """bundles.json: the bundle folders relative to it, in the given order
    (the first is the one the browser imports, the others are merged into it)."""
    return json.dumps({"bundles": [f"{name}/" for name in bundles]}, indent=1) + "\n"


def pages_indexed(output: str) -> int:
    found = re.search(r"Indexed (\d+) pages?", output)
    return int(found.group(1)) if found else 0


def nothing_to_index(output: str) -> bool:
    """Whether a failed Pagefind run found pages but indexed none (each one
    ignored whole, `data-pagefind-ignore="all"`): Pagefind stops then, with
    "not able to build an index"."""
    found = re.search(r"Found (\d+) files? matching", output)
    return bool(found and int(found.group(1)) > 0) and (
        re.search(r"Indexed 0 pages\b", output) is not None
    )


def build_index(site: Path, bundle_dir: str, glob: str, **options) -> IndexResult:
    """Replace site/<bundle_dir> with fresh bundles and bundles.json, each
    bundle the same files for the same pages (stable.stabilise).

    Runs bundle_commands one after another and stops at the first failure;
    bundles.json is written only when every bundle was built, so the search
    page never merges a half-built set. options: see bundle_commands.
    """
    folder = site / bundle_dir
    if folder.resolve() == site.resolve() or site.resolve() not in folder.resolve().parents:
        raise ValueError(f"SEARCH_BUNDLE_DIR must be a folder inside the output: {bundle_dir!r}")
    if folder.exists():
        shutil.rmtree(folder)  # stale years of a previous build must not linger
    result = IndexResult(returncode=0, pages=0, output="")
    for name, command in bundle_commands(site, bundle_dir, glob, **options):
        try:
            proc = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            result.returncode, result.output = -1, f"no result after {TIMEOUT_S} s"
        else:
            result.returncode, result.output = proc.returncode, proc.stdout + proc.stderr
        if result.returncode != 0 and nothing_to_index(result.output):
            # Every page of the bundle asks not to be indexed (a year whose
            # only releases are hidden): no bundle, as for a year without any.
            result.returncode = 0
            if (folder / name).is_dir():
                shutil.rmtree(folder / name)
            continue
        if result.returncode != 0:
            result.failed, result.command = f"{bundle_dir}/{name}", command
            return result
        result.pages += pages_indexed(result.output)
        result.bundles.append(name)
        # The same pages give the same files on every build (Pagefind/pagefind#638).
        reason = stabilise(folder / name)
        if reason is not None:
            result.unstable.append(f"{name}: {reason}")
    if result.bundles:
        (folder / MANIFEST).write_text(manifest(result.bundles), encoding="utf-8")
    return result
