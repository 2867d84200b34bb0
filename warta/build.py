"""Run a Pelican build and turn its log into a verdict.

Pelican logs a bad article and carries on without it, exiting 0: an article
with a broken date would silently vanish from the site. This runner counts
every warning and error that Pelican or our plugins log, prints them as plain
lines (no traceback), and exits non-zero when there was an error, or, with
`--strict`, a warning.

    python -m warta.build [--settings pelicanconf.py] [--strict] [-e KEY=JSON ...]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections import Counter
from pathlib import Path

# Import Pelican's logging first: it installs its logger class, which the
# plugins' loggers must share so that its duplicate filter applies to them too.
from pelican import log as pelican_log  # noqa: F401  (side effect: logger class)

logger = logging.getLogger("warta.build")


class TallyHandler(logging.Handler):
    """Prints records as one plain line each and counts them by level."""

    def __init__(self, stream, min_level: int) -> None:
        super().__init__(level=min_level)
        self.stream = stream
        self.counts: Counter[str] = Counter()
        self.messages: list[tuple[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:  # a plugin passed bad format args; still report it
            message = f"{record.msg} {record.args}"
        level = record.levelname.lower()
        if record.levelno >= logging.WARNING:
            self.counts[level] += 1
            self.messages.append((level, message))
        prefix = "" if record.levelno < logging.WARNING else f"{level}: "
        self.stream.write(f"{prefix}{message}\n")
        self.stream.flush()

    @property
    def errors(self) -> int:
        return self.counts["error"] + self.counts["critical"]

    @property
    def warnings(self) -> int:
        return self.counts["warning"]


def parse_extra_settings(pairs: list[str]) -> dict:
    """`KEY=VALUE` pairs; VALUE is JSON when it parses as JSON, else a string."""
    extra = {}
    for pair in pairs:
        if "=" not in pair:
            raise SystemExit(f"error: --extra-setting wants KEY=VALUE, got {pair!r}")
        key, _, raw = pair.partition("=")
        try:
            extra[key] = json.loads(raw)
        except json.JSONDecodeError:
            extra[key] = raw
    return extra


def load_settings(settings_file: str | Path, overrides: dict | None = None) -> dict:
    from pelican.settings import read_settings

    return read_settings(str(settings_file), override=overrides or {})


def run(
    settings_file: str | Path = "pelicanconf.py",
    *,
    strict: bool = False,
    overrides: dict | None = None,
    stream=None,
    verbose: bool = False,
) -> int:
    """Build the site; return the process exit code (0 = published, 1 = failed)."""
    stream = stream or sys.stderr
    handler = TallyHandler(stream, logging.INFO if verbose else logging.WARNING)
    root = logging.getLogger()
    previous_handlers = root.handlers[:]
    root.handlers = [handler]
    root.setLevel(logging.INFO if verbose else logging.WARNING)
    started = time.perf_counter()
    try:
        settings = load_settings(settings_file, overrides)
        settings["WARTA_STRICT"] = strict
        from pelican import Pelican

        site = Pelican(settings)
        site.run()
    except Exception as exc:  # report, never dump a traceback on a writer
        if os.environ.get("WARTA_DEBUG"):
            raise
        stream.write(f"error: build stopped: {type(exc).__name__}: {exc}\n")
        stream.write("  (set WARTA_DEBUG=1 to see where it failed)\n")
        handler.counts["error"] += 1
    finally:
        root.handlers = previous_handlers
    elapsed = time.perf_counter() - started
    failed = handler.errors > 0 or (strict and handler.warnings > 0)
    verdict = "FAILED" if failed else "ok"
    stream.write(
        f"build {verdict}: {handler.errors} error(s), {handler.warnings} warning(s)"
        f"{' (strict: warnings fail the build)' if strict else ''} in {elapsed:.1f} s\n"
    )
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m warta.build", description=__doc__)
    parser.add_argument("--settings", "-s", default="pelicanconf.py")
    parser.add_argument("--strict", action="store_true", help="warnings fail the build")
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument(
        "--extra-setting",
        "-e",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override a setting; VALUE is parsed as JSON when possible",
    )
    args = parser.parse_args(argv)
    return run(
        args.settings,
        strict=args.strict,
        overrides=parse_extra_settings(args.extra_setting),
        verbose=args.verbose,
    )


if __name__ == "__main__":
    sys.exit(main())
