"""Comment threads of articles: stable thread ids and open/closed/off states.

Pure logic (no Pelican import), unit-tested directly.

A thread id names an article's thread on the comment server, so it must never
change while the article lives: not when the title is corrected, the date
fixed or the slug frozen later. `invoke new` (warta/new_article.py) writes it
once as `Thread:` metadata, a random 32-digit hex id. Articles without
one get a fallback derived from their source path relative to the content
folder, which survives edits of title, date and slug but not a renamed or
moved file: write `Thread:` with the old fallback id before moving a file
that already has comments.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import uuid
from dataclasses import dataclass

# Lowercase letters, digits and inner hyphens, 3 to 64 characters: safe in a
# URL, an HTML attribute, a comment server's database and a file name.
THREAD_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$")
THREAD_ID_RULE = "3 to 64 lowercase letters, digits or hyphens, e.g. 't-3f9a1c2b7d4e5f60'"
FALLBACK_PREFIX = "src-"

STATES = ("open", "closed", "off")


class CommentsError(ValueError):
    """Bad comment metadata; `value` is what the writer gave, `hint` how to fix it."""

    def __init__(self, message: str, value: str, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.value = value
        self.hint = hint


def is_valid_thread_id(value: str) -> bool:
    return bool(THREAD_ID_RE.match(value)) and "--" not in value


def parse_thread_id(value: object) -> str:
    """The `Thread:` metadata value, checked; raises CommentsError when bad."""
    text = str(value).strip()
    if not is_valid_thread_id(text):
        raise CommentsError("invalid Thread id", text, f"use {THREAD_ID_RULE}")
    return text


def fallback_thread_id(relative_source_path: str) -> str:
    """A deterministic id from the article's path relative to the content folder.

    Only the path counts (never title, date or slug), with `/` separators so
    Windows and Linux builds agree.
    """
    normalized = relative_source_path.replace("\\", "/").removeprefix("./")
    digest = hashlib.sha256(normalized.encode("utf-8")).hexdigest()
    return FALLBACK_PREFIX + digest[:16]


def new_thread_id() -> str:
    """A fresh random id for a new article's `Thread:` line, as `invoke new` writes it."""
    return uuid.uuid4().hex


def parse_state(value: object) -> str:
    """The `Comments:` metadata value (open, closed or off); raises CommentsError."""
    text = str(value).strip().lower()
    if text not in STATES:
        raise CommentsError("invalid Comments value", str(value).strip(), "use open, closed or off")
    return text


def parse_close_after_days(value: object) -> int | None:
    """COMMENTS_CLOSE_AFTER_DAYS: None, or a whole number of days ≥ 1."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise CommentsError(
            "invalid COMMENTS_CLOSE_AFTER_DAYS", str(value), "use a whole number ≥ 1, or None"
        )
    return value


@dataclass(frozen=True)
class ThreadState:
    state: str  # "open", "closed" or "off"
    closed_by: str | None  # "editor" (Comments: closed) or "age" (COMMENTS_CLOSE_AFTER_DAYS)


def thread_state(
    declared: str | None,
    published: dt.datetime,
    now: dt.datetime,
    close_after_days: int | None,
) -> ThreadState:
    """The state a thread has at build time.

    `Comments: off` and `Comments: closed` are the editor's word. Otherwise a
    thread closes once it is `close_after_days` days old at build time, even
    with an explicit `Comments: open` (which only restates the default), so
    a site-wide policy cannot be bypassed by one line of front matter.
    """
    if declared == "off":
        return ThreadState("off", None)
    if declared == "closed":
        return ThreadState("closed", "editor")
    if close_after_days is not None and now - published >= dt.timedelta(days=close_after_days):
        return ThreadState("closed", "age")
    return ThreadState("open", None)
