"""Run Pagefind (the binary shipped in the PyPI wheel `pagefind[bin]`) over a
built site. No Pelican import: works offline, needs no network."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass
class IndexResult:
    returncode: int
    pages: int
    output: str


def glob_from_save_as(save_as: str) -> str:
    """Pelican's ARTICLE_SAVE_AS as a file glob: every {field} becomes *.

    "berita/{date:%Y}/{date:%m}/{slug}/index.html" → "berita/*/*/*/index.html".
    """
    return re.sub(r"\{[^}]*\}", "*", save_as)


def pagefind_command(
    site: Path,
    *,
    bundle_dir: str,
    glob: str,
    root_selector: str | None,
    exclude_selectors: list[str],
    language: str | None,
) -> list[str]:
    command = [sys.executable, "-m", "pagefind", "--site", str(site)]
    command += ["--output-subdir", bundle_dir, "--glob", glob]
    if root_selector:
        command += ["--root-selector", root_selector]
    for selector in exclude_selectors:
        command += ["--exclude-selectors", selector]
    if language:
        command += ["--force-language", language]
    return command


def build_index(site: Path, bundle_dir: str, **options) -> IndexResult:
    """Replace site/<bundle_dir> with a fresh index; returns the page count."""
    bundle = site / bundle_dir
    if bundle.exists():
        shutil.rmtree(bundle)  # stale fragments of a previous build must not linger
    command = pagefind_command(site, bundle_dir=bundle_dir, **options)
    proc = subprocess.run(command, capture_output=True, text=True, timeout=600)
    output = proc.stdout + proc.stderr
    found = re.search(r"Indexed (\d+) pages?", output)
    return IndexResult(proc.returncode, int(found.group(1)) if found else 0, output)
