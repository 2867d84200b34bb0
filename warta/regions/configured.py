"""The gazetteer a site's settings name (REGIONS_GAZETTEER, REGIONS_ALIASES),
loaded once per file version: the one place that turns those settings into a
Gazetteer, for the regions plugin and for the official_tags plugin that reads
office regions with it (no Pelican import)."""

from __future__ import annotations

from pathlib import Path

from .gazetteer import REGENERATE, Gazetteer, GazetteerFileError, Problem, load

MAX_ROWS_SAID = 20

PROJECT_ROOT = Path(__file__).resolve().parents[2]
# Relative paths are taken from the project root.
GAZETTEER_DEFAULT = "data/regions/gazetteer.csv"
ALIASES_DEFAULT = "data/regions/aliases.yaml"


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
        gazetteer, problems = load(
            gazetteer_path, aliases_path, shown(aliases_path) if aliases_path else ""
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
