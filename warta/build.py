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
from dataclasses import dataclass, field
from pathlib import Path

# Import Pelican's logging first: it installs its logger class, which the
# plugins' loggers must share so that its duplicate filter applies to them too.
from pelican import log as pelican_log

from warta.findings import source_front_matter_line

logger = logging.getLogger("warta.build")

# Pelican reports an unreadable article as "Could not process <path>" and drops the
# reason (it logs without the exception unless DEBUG). The handler runs inside
# Pelican's `except` block, so the exception is still at hand: name it.
_COULD_NOT_PROCESS = "Could not process %s"


def describe_unreadable(path: str, exc: BaseException, content_path: str = "") -> str:
    """`path:LINE: cannot read this article: <reason> (suggestion)` for a reader failure."""
    reason = str(exc) or type(exc).__name__
    line = None
    hint = ""
    if "date" in reason.lower():
        hint = " (expected Date: YYYY-MM-DD HH:MM)"
        line = source_front_matter_line(Path(content_path, path), ("date",))
    where = f"{path}:{line}" if line else path
    return f"{where}: cannot read this article: {reason}{hint}"


class TallyHandler(logging.Handler):
    """Prints records as one plain line each and keeps warnings, errors and
    suggestions for the verdict (and for `invoke check`).

    A record logged with `extra={"warta_suggestion": True}` is a suggestion:
    always shown, never failing the build (e.g. an unregistered official).
    """

    def __init__(self, stream, min_level: int) -> None:
        super().__init__(level=logging.DEBUG)
        self.stream = stream
        self.min_level = min_level
        self.counts: Counter[str] = Counter()
        self.messages: list[tuple[str, str]] = []
        self.content_path = ""  # set once settings are read; for describe_unreadable

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:  # a plugin passed bad format args; still report it
            message = f"{record.msg} {record.args}"
        exc = sys.exc_info()[1]
        if record.msg == _COULD_NOT_PROCESS and record.args and exc is not None:
            message = describe_unreadable(str(record.args[0]), exc, self.content_path)
        if getattr(record, "warta_suggestion", False):
            level = "suggestion"
        elif record.levelno >= logging.ERROR:
            level = "error"
        elif record.levelno >= logging.WARNING:
            level = "warning"
        elif record.levelno >= self.min_level:
            self.stream.write(f"{message}\n")
            return
        else:
            return
        self.counts[level] += 1
        self.messages.append((level, message))
        self.stream.write(f"{level}: {message}\n")
        self.stream.flush()

    @property
    def errors(self) -> int:
        return self.counts["error"]

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


@dataclass
class BuildReport:
    """What a build said: the exit code and every warning/error/suggestion message."""

    exit_code: int
    messages: list[tuple[str, str]] = field(default_factory=list)


def build_site(
    settings_file: str | Path = "pelicanconf.py",
    *,
    strict: bool = False,
    overrides: dict | None = None,
    stream=None,
    verbose: bool = False,
    quiet: bool = False,
) -> BuildReport:
    """Build the site and return the report (exit code 0 = publishable).

    `quiet` also silences Pelican's own summary line (printed to the console)."""
    stream = stream or sys.stderr
    pelican_log.console.quiet = quiet
    handler = TallyHandler(stream, logging.INFO if verbose else logging.WARNING)
    root = logging.getLogger()
    previous_handlers, previous_level = root.handlers[:], root.level
    root.handlers = [handler]
    # INFO reaches the handler so that suggestions (logged at INFO) are seen.
    root.setLevel(logging.INFO)
    started = time.perf_counter()
    try:
        settings = load_settings(settings_file, overrides)
        settings["WARTA_STRICT"] = strict
        handler.content_path = settings.get("PATH", "")
        from pelican import Pelican

        site = Pelican(settings)
        site.run()
    except Exception as exc:  # report, never dump a traceback on a writer
        if os.environ.get("WARTA_DEBUG"):
            raise
        stream.write(f"error: build stopped: {type(exc).__name__}: {exc}\n")
        stream.write("  (set WARTA_DEBUG=1 to see where it failed)\n")
        handler.counts["error"] += 1
        handler.messages.append(("error", f"build stopped: {type(exc).__name__}: {exc}"))
    finally:
        root.handlers, root.level = previous_handlers, previous_level
    elapsed = time.perf_counter() - started
    failed = handler.errors > 0 or (strict and handler.warnings > 0)
    verdict = "FAILED" if failed else "ok"
    suggestions = handler.counts["suggestion"]
    stream.write(
        f"build {verdict}: {handler.errors} error(s), {handler.warnings} warning(s)"
        f"{f', {suggestions} suggestion(s)' if suggestions else ''}"
        f"{' (strict: warnings fail the build)' if strict else ''} in {elapsed:.1f} s\n"
    )
    return BuildReport(1 if failed else 0, handler.messages)


def run(settings_file: str | Path = "pelicanconf.py", **options) -> int:
    """Build the site; return the process exit code (0 = published, 1 = failed)."""
    return build_site(settings_file, **options).exit_code


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
