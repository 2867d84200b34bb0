"""A one-line progress display for long builds: articles read, pages written.

    berita dibaca 4.210/10.000 · halaman ditulis 0 · 38 s

It prints only to a terminal (stderr is a TTY) and never in CI (`CI` set),
so logs of CI runs and of tests stay as they are. No logging: the line is
redrawn in place with a carriage return, at most ten times a second, and
ended with a newline when the build finishes.

Pelican glue is in `plugins/progress/` (register() connects the handlers of one
`BuildProgress` to `initialized`, `content_object_init`, `content_written` and
`finalized`); this module only needs objects with the attributes those signals
pass, so it is tested without building a site.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Mapping
from typing import TextIO

from warta.contents import every_article

REFRESH_SECONDS = 0.1
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")


def should_display(stream: TextIO, environ: Mapping[str, str] | None = None) -> bool:
    """A terminal, and not CI (any non-empty CI other than "false"/"0")."""
    environ = os.environ if environ is None else environ
    ci = environ.get("CI", "").strip().lower()
    if ci and ci not in ("0", "false", "no"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def count_sources(content_path: str, article_paths: list[str]) -> int:
    """How many Markdown files the build will read as articles (for "n/total")."""
    total = 0
    for relative in article_paths or [""]:
        for _root, _dirs, files in os.walk(os.path.join(content_path, relative)):
            total += sum(1 for name in files if name.lower().endswith(MARKDOWN_SUFFIXES))
    return total


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")  # Indonesian thousands separator


class BuildProgress:
    """Counts articles read and files written and redraws one status line."""

    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        enabled: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream or sys.stderr
        self.enabled = should_display(self.stream) if enabled is None else enabled
        self.clock = clock
        self.articles = 0
        self.pages = 0
        self.written = 0
        self.total_articles: int | None = None
        self.started = clock()
        self.last_draw = float("-inf")
        self.width = 0

    # Signal handlers (the plugin connects them).

    def build_started(self, pelican) -> None:
        """`initialized`: reset and count the sources to read."""
        self.articles = self.pages = self.written = 0
        self.started = self.clock()
        settings = getattr(pelican, "settings", {}) or {}
        if self.enabled and settings.get("PATH"):
            self.total_articles = count_sources(settings["PATH"], settings.get("ARTICLE_PATHS"))
        self.draw()

    def content_read(self, content) -> None:
        """`content_object_init`: an article or page was read (or taken from the cache)."""
        kind = type(content).__name__
        if kind == "Article":
            self.articles += 1
        elif kind == "Page":
            self.pages += 1
        else:
            return
        self.draw()

    def articles_listed(self, generator) -> None:
        """`article_generator_pretaxonomy`: every article of the build is read by
        now, including those taken from a cache (no `content_object_init` for them)."""
        listed = len(every_article(generator))
        if listed > self.articles:
            self.articles = listed
            self.draw()

    def file_written(self, path, context=None) -> None:
        """`content_written`: the Writer wrote one output file."""
        self.written += 1
        self.draw()

    def build_finished(self, pelican=None) -> None:
        """`finalized`: draw the final figures and end the line."""
        self.draw(force=True)
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()

    # Display.

    def line(self) -> str:
        read = _number(self.articles)
        if self.total_articles:
            read += f"/{_number(self.total_articles)}"
        elapsed = self.clock() - self.started
        return f"berita dibaca {read} · halaman ditulis {_number(self.written)} · {elapsed:.0f} s"

    def draw(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = self.clock()
        if not force and now - self.last_draw < REFRESH_SECONDS:
            return
        self.last_draw = now
        text = self.line()
        # Pad with spaces to wipe a longer previous line (no terminal codes needed).
        self.stream.write("\r" + text.ljust(self.width))
        self.stream.flush()
        self.width = len(text)
