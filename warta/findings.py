"""Findings: one problem in one file, printed the same way by every tool.

    content/berita/2024/x.md:3: error: bad date: '17 Nopember 2024' (write 2024-11-17 09:30)

A plugin reports a finding as a structured record: `report(logger, finding)`
logs it with the Finding attached (`extra={"warta_finding": …}`), so the build
runner and `invoke check` never parse it back out of text and keep its
suggestion and its fix. Older plugins (and outside ones) log plain messages
that start with `path[:line]: `; `parse_log_message` reads those. Paths in a
Finding that a plugin makes are relative to the content folder (or start with
`data/`); the runner turns them into paths relative to the project root.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from warta.text import shown_controls

LEVELS = ("error", "warning", "suggestion")

_LOCATED = re.compile(
    r"^(?P<path>[^\s:][^:\n]*?\.(?:md|markdown|ya?ml|csv|txt|jpe?g|png|webp|gif))"
    r"(?::(?P<line>\d+))?:\s+(?P<message>.+)$",
    re.DOTALL,
)
_PELICAN_COULD_NOT_PROCESS = re.compile(
    r"^Could not process (?P<path>\S+)\s*\n?\s*(?P<message>.*)$", re.DOTALL
)


@dataclass(frozen=True, order=True)
class Finding:
    """One problem. `fix` holds front-matter lines `invoke check --fix` may write
    into the file ((key, value) pairs), for what the build supplied itself."""

    path: str
    line: int | None
    level: str
    message: str
    suggestion: str = ""
    fix: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def text(self) -> str:
        """`path[:line]: level: message (suggestion)`, as the build and `invoke check` print it."""
        return self._line(f"{self.level}: ")

    def log_text(self) -> str:
        """The message as a plugin logs it: `path[:line]: message (suggestion)`."""
        return self._line("")

    def _line(self, level: str) -> str:
        hint = f" ({self.suggestion})" if self.suggestion else ""
        where = f"{self.path}:{self.line}: " if self.path and self.line else ""
        where = where or (f"{self.path}: " if self.path else "")
        # One finding, one line: a file name or a quoted value holding a line
        # break (or another control character but the tab) is shown escaped.
        return shown_controls(shortened(f"{where}{level}{self.message}{hint}"))

    def github(self) -> str:
        """A GitHub Actions workflow command; shows up as an annotation on the file
        (a finding about no file becomes an annotation of the run)."""
        kind = {"error": "error", "warning": "warning"}.get(self.level, "notice")
        hint = f" ({self.suggestion})" if self.suggestion else ""
        data = _escape_data(shortened(self.message + hint))
        if not self.path:
            return f"::{kind}::{data}"
        location = f"file={_escape_property(self.path)}"
        if self.line:
            location += f",line={self.line}"
        return f"::{kind} {location}::{data}"

    def moved(self, path: str) -> Finding:
        return dataclasses.replace(self, path=path)


# A line longer than this has its long quoted values shown cut (a 20,000-
# character paste in one front-matter line made one line of a whole screen).
MAX_LINE = 600
MAX_QUOTED = 160
# A quoted value as messages write it ('…', or "…" as repr() quotes a value
# holding an apostrophe): a quote opens a value only where no letter is before
# it and closes it only where none is after, so the prose between two values
# ("'A' is named as 'B'") is never taken for one, and an apostrophe inside a
# word (Ma'ruf, Jum'at) neither opens nor closes one.
_QUOTED_RE = re.compile(
    r"""(?<![\w'"])(?:'(?P<single>(?:[^'\n]|(?<=\w)'(?=\w))*)'|"(?P<double>[^"\n]*)")(?![\w'"])"""
)


def shortened(text: str) -> str:
    """`text`, when longer than MAX_LINE, with each quoted value over MAX_QUOTED
    characters cut to its start and an ellipsis (a line that long is not
    read, and the start names the value); the prose is kept whole."""
    if len(text) <= MAX_LINE:
        return text

    def cut(match: re.Match) -> str:
        quote = "'" if match["single"] is not None else '"'
        value = match["single"] if match["single"] is not None else match["double"]
        if len(value) <= MAX_QUOTED:
            return match[0]
        return f"{quote}{value[: MAX_QUOTED - 40]}…{quote}"

    return _QUOTED_RE.sub(cut, text)


# What a plugin says once its work is whole (at `finalized`), kept so that a
# build that stops before then still says it (`say_deferred`, called by the
# build runner).
_DEFERRED: list[Callable[[], None]] = []


def defer(say: Callable[[], None]) -> None:
    """Have `say` called at the latest when the build ends, once."""
    if say not in _DEFERRED:
        _DEFERRED.append(say)


def say_deferred() -> None:
    """Call what was deferred (each once) and forget it."""
    pending = list(_DEFERRED)
    _DEFERRED.clear()
    for say in pending:
        say()


def report(logger: logging.Logger, finding: Finding, secondary: bool = False) -> None:
    """Log a finding as a structured record (level from the finding; suggestions
    at INFO, marked so they never fail a build). `secondary`: a consequence of a
    fault another finding may name; the runner holds it back and says it only
    when no other finding names its file."""
    extra = {"warta_finding": finding, "warta_secondary": secondary}
    if finding.level == "error":
        logger.error(finding.log_text(), extra=extra)
    elif finding.level == "warning":
        logger.warning(finding.log_text(), extra=extra)
    else:
        logger.info(finding.log_text(), extra={**extra, "warta_suggestion": True})


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def parse_log_message(message: str, level: str, content_prefix: str = "") -> Finding:
    """Turn a build log message into a Finding; unlocated messages get path ''."""
    message = message.strip()
    match = _LOCATED.match(message)
    if match:
        path = match["path"]
        if content_prefix and not path.startswith((content_prefix, "data/", "/")):
            path = f"{content_prefix}{path}"
        return Finding(path, int(match["line"]) if match["line"] else None, level, match["message"])
    match = _PELICAN_COULD_NOT_PROCESS.match(message)
    if match:
        path = match["path"]
        if content_prefix and not path.startswith(content_prefix):
            path = f"{content_prefix}{path}"
        reason = match["message"].strip() or "see the other messages for this file"
        return Finding(path, None, level, f"Pelican could not read this article: {reason}")
    return Finding("", None, level, message)
