"""Findings: one problem in one file, printed the same way by every tool.

    content/berita/2024/x.md:3: error: bad date: '17 Nopember 2024' (write 2024-11-17 09:30)

The plugins log messages that start with `path[:line]: `; `parse_log_message`
turns such a line back into a Finding so the checker and the build agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

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
    path: str
    line: int | None
    level: str
    message: str
    suggestion: str = ""

    def text(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        hint = f" ({self.suggestion})" if self.suggestion else ""
        return f"{where}: {self.level}: {self.message}{hint}"

    def github(self) -> str:
        """A GitHub Actions workflow command; shows up as an annotation on the file."""
        kind = {"error": "error", "warning": "warning"}.get(self.level, "notice")
        location = f"file={_escape_property(self.path)}"
        if self.line:
            location += f",line={self.line}"
        hint = f" ({self.suggestion})" if self.suggestion else ""
        return f"::{kind} {location}::{_escape_data(self.message + hint)}"


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


def front_matter_line(lines: Iterable[str], keys: Iterable[str]) -> int | None:
    """1-based line of the first `Key:` (any of `keys`, any case) in a Markdown
    file's front matter, which ends at the first blank line; None if absent."""
    wanted = {key.lower() for key in keys}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            return None
        name, colon, _ = line.partition(":")
        if colon and name.strip().lower() in wanted:
            return number
    return None


def source_front_matter_line(path, keys: Iterable[str]) -> int | None:
    """`front_matter_line` of a file (None when it cannot be read)."""
    try:
        with open(path, encoding="utf-8") as handle:
            return front_matter_line(handle, keys)
    except (OSError, UnicodeDecodeError):
        return None


class SourceLines:
    """A source file's lines, read only when a message needs a line number:
    reading every article on every build would cost more than it tells."""

    def __init__(self, path) -> None:
        self.path = path
        self._lines: list[str] | None = None

    def get(self) -> list[str]:
        if self._lines is None:
            try:
                with open(self.path, encoding="utf-8") as handle:
                    self._lines = handle.read().splitlines()
            except (OSError, UnicodeDecodeError):
                self._lines = []
        return self._lines
