"""The gazetteer a site's settings name (REGIONS_GAZETTEER, REGIONS_ALIASES),
loaded once per file version: the one place that turns those settings into a
Gazetteer, for the regions plugin and for the official_tags plugin that reads
office regions with it (no Pelican import).

Parsing and indexing the gazetteer takes about 0.1 s, on every build; with
the caches on (CACHE_PATH, LOAD_CONTENT_CACHE and CACHE_CONTENT) the loaded
gazetteer is kept in `CACHE_PATH/regions/gazetteer.pickle` and taken from
there while the bytes of both files, their paths as the problems name them,
warta's code and Python's version are those it was made from (`_kept_load`)."""

from __future__ import annotations

import hashlib
import pickle
import sys
from pathlib import Path

from warta import site_modules, yamlfile
from warta.fingerprint import files_digest
from warta.paths import save_cache

from .gazetteer import REGENERATE, Gazetteer, GazetteerFileError, Problem, load

MAX_ROWS_SAID = 20

PROJECT_ROOT = Path(__file__).resolve().parents[2]
# Relative paths are taken from the project root.
GAZETTEER_DEFAULT = "data/regions/gazetteer.csv"
ALIASES_DEFAULT = "data/regions/aliases.yaml"


KEPT_FORMAT = "warta-gazetteer-1"
KEPT_FILE = Path("regions") / "gazetteer.pickle"
# key → (gazetteer, problems): every caller of one build gets the same object.
_KEPT: dict[str, tuple] = {}


def data_path(value) -> Path:
    path = Path(value)
    return path if path.is_absolute() else PROJECT_ROOT / path


def shown(path: Path) -> str:
    """A path for messages: relative to the project when it is inside it."""
    try:
        return str(path.relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


def load_configured(settings: dict) -> tuple[Gazetteer | None, tuple[Problem, ...]]:
    """The gazetteer with its aliases, or None with the problems that say why."""
    gazetteer_path = data_path(settings.get("REGIONS_GAZETTEER", GAZETTEER_DEFAULT))
    aliases_setting = settings.get("REGIONS_ALIASES", ALIASES_DEFAULT)
    aliases_path = data_path(aliases_setting) if aliases_setting else None
    # A data file that is a link is not read (warta.yamlfile.link_refusal).
    for path in (gazetteer_path, aliases_path):
        refused = path is not None and yamlfile.link_refusal(path, shown(path))
        if refused:
            return None, (Problem(refused.message, hint=refused.hint, path=refused.path),)
    # A missing file is named by its own path, as every other problem of it.
    if not gazetteer_path.exists():
        return None, (
            Problem(
                "gazetteer not found",
                hint="restore it from git, or run `invoke gazetteer`",
                path=shown(gazetteer_path),
            ),
        )
    if aliases_path and not aliases_path.exists():
        return None, (
            Problem(
                "aliases file not found",
                hint='restore it from git, or set REGIONS_ALIASES = "" to use none',
                path=shown(aliases_path),
            ),
        )
    try:
        gazetteer, problems = _kept_load(
            settings, gazetteer_path, aliases_path, shown(aliases_path) if aliases_path else ""
        )
        if any(problem.fatal for problem in problems):
            # An aliases file that cannot be used at all: its one problem is
            # reported, not an "unknown region" for every alias and seat in use.
            return None, problems
        return gazetteer, problems
    except GazetteerFileError as exc:
        # Every bad row, up to a screenful: a file saved by a spreadsheet with
        # semicolons spoils every row, and one cause is not 7,000 lines.
        where = shown(gazetteer_path)
        said = [
            Problem(row.message, row.value, row.hint or REGENERATE, path=where, line=row.line)
            for row in exc.rows[:MAX_ROWS_SAID]
        ]
        if len(exc.rows) > MAX_ROWS_SAID:
            more = len(exc.rows) - MAX_ROWS_SAID
            said.append(
                Problem(
                    f"and {more} more bad rows",
                    "",
                    "a spreadsheet may have saved the file with semicolons or changed "
                    "codes (16.10 → 16.1): " + REGENERATE,
                    path=where,
                )
            )
        return None, tuple(said)
    except (OSError, ValueError, KeyError) as exc:
        return None, (Problem("cannot read the gazetteer", str(exc), path=shown(gazetteer_path)),)


def _kept_load(
    settings: dict, gazetteer_path: Path, aliases_path: Path | None, shown_aliases: str
) -> tuple[Gazetteer, tuple[Problem, ...]]:
    """`load`, or what an earlier build kept of it for the same bytes of both
    files, the same paths shown, warta's code and Python's version (Unicode's
    folding of names changes with it); kept for the next build. A kept file
    that cannot be read is made again."""
    cache = settings.get("CACHE_PATH")
    if not (cache and settings.get("LOAD_CONTENT_CACHE") and settings.get("CACHE_CONTENT")):
        return load(gazetteer_path, aliases_path, shown_aliases)
    digest = hashlib.blake2b(digest_size=20)
    for part in (KEPT_FORMAT, sys.version, *files_digest(site_modules())):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\x1f")
    for path in (gazetteer_path, aliases_path):
        digest.update(f"{path}\x1f".encode("utf-8", "surrogatepass"))
        digest.update(path.read_bytes() if path is not None else b"")
        digest.update(b"\x1f")
    digest.update(shown_aliases.encode("utf-8", "surrogatepass"))
    key = digest.hexdigest()
    found = _KEPT.get(key)
    if found is not None:
        return found
    kept = Path(cache) / KEPT_FILE
    try:
        with open(kept, "rb") as handle:
            stored = pickle.load(handle)
        if (
            stored[0] == KEPT_FORMAT
            and stored[1] == key
            and isinstance(stored[2][0], Gazetteer)
            and isinstance(stored[2][1], tuple)
        ):
            found = stored[2]
    except Exception:  # none yet, cut off, or made by other code: made again
        found = None
    if found is None:
        found = load(gazetteer_path, aliases_path, shown_aliases)
        save_cache(
            kept,
            pickle.dumps((KEPT_FORMAT, key, found), protocol=pickle.HIGHEST_PROTOCOL),
            owner="regions",
            consequence="the next build reads the gazetteer again",
        )
    _KEPT.clear()
    _KEPT[key] = found
    return found
