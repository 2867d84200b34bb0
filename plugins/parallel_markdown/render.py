"""The part of reading a Markdown article that runs in a worker process.

No Pelican import: a worker gets a path and plain settings and returns plain,
picklable data. It repeats, on `Markdown` instances reset between files, the calls Pelican's
`MarkdownReader` makes (convert the body, then for each formatted field such
as `Summary:` deregister the meta preprocessor, reset and convert), so the
HTML is the HTML a serial read gives. Parsing the metadata (dates,
authors, tags) stays with Pelican in the parent.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Collection, Mapping
from typing import Any, NamedTuple

from markdown import Markdown

from warta.source_checks import utf16_without_mark

from .blocks import BlockFilter
from .inline import InlineFilter


class Rendered(NamedTuple):
    """One Markdown file, converted."""

    path: str
    digest: bytes  # of the file's bytes, so the parent can tell the file has not changed since
    html: str
    meta: dict[str, list[str]] | None  # the meta extension's raw `Meta`
    formatted: dict[str, str]  # source text of each formatted field -> its HTML
    pid: int  # the process that did the work (for the log and the tests)


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def file_digest(path: str) -> bytes:
    with open(path, "rb") as handle:
        return digest(handle.read())


def decode(data: bytes) -> str:
    """The text Pelican's `pelican_open` gives: UTF-8 without a BOM, universal
    newlines; UTF-16 without its mark is refused as UTF-16 with it is
    (`refuse_utf16`)."""
    refuse_utf16(data)
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig").read()


def refuse_utf16(data: bytes) -> None:
    """UnicodeDecodeError for a file in UTF-16 without its byte order mark
    (`warta.source_checks.utf16_without_mark`), which UTF-8 would read as
    text with a NUL between the letters: the release is not read, as one
    with the mark is not (content_lint names the encoding)."""
    if utf16_without_mark(data):
        raise UnicodeDecodeError("utf-8", data[:2], 0, 1, "UTF-16 text without its byte order mark")


class _Converters:
    """The two `Markdown` instances a worker converts with, made once per settings.

    Building a `Markdown` instance (its extensions, processors and patterns)
    costs about as much as converting a short article, and Python-Markdown
    supports converting many documents with one instance: `reset()` clears
    what a document leaves behind (references, stashed HTML, footnotes,
    abbreviations, `Meta`). `body` converts whole files; `fields` is the
    instance Pelican's reader converts formatted fields with, without the meta
    preprocessor. Kept per process for the last settings mapping seen (one per
    build), and dropped after any failure, so a half-converted state is never
    reused.
    """

    settings: Mapping[str, Any] | None = None
    body: InlineFilter | None = None
    fields: InlineFilter | None = None

    @classmethod
    def get(cls, markdown_settings: Mapping[str, Any]) -> tuple[InlineFilter, InlineFilter]:
        """The two instances, each converting through an `InlineFilter` and a
        `BlockFilter` (`inline.py`, `blocks.py`: per document, only the inline
        patterns that can match and the block processors that can act)."""
        if cls.settings is not markdown_settings or cls.body is None or cls.fields is None:
            cls.drop()
            body, fields = Markdown(**markdown_settings), Markdown(**markdown_settings)
            if "meta" in fields.preprocessors:
                fields.preprocessors.deregister("meta")
            cls.settings = markdown_settings
            BlockFilter(body)
            BlockFilter(fields)
            cls.body, cls.fields = InlineFilter(body), InlineFilter(fields)
        return cls.body, cls.fields

    @classmethod
    def drop(cls) -> None:
        cls.settings = cls.body = cls.fields = None


def render_file(
    path: str, markdown_settings: Mapping[str, Any], formatted_fields: Collection[str]
) -> Rendered | None:
    """Convert one file; None when anything fails.

    A failure is not reported here: the parent then reads the file the normal
    way, which raises the same error a serial build would, with the file name.
    """
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        body, fields = _Converters.get(markdown_settings)
        html = body.convert(decode(data))
        meta = getattr(body.md, "Meta", None)
        formatted: dict[str, str] = {}
        if meta is not None:
            # As MarkdownReader._parse_metadata does: without the meta
            # preprocessor (a summary line like "Catatan: ..." is text, not
            # metadata), each field converted on a reset instance.
            for name, values in meta.items():
                if name.lower() in formatted_fields:
                    source = "\n".join(values)
                    formatted[source] = fields.convert(source)
    except Exception:  # the parent's normal read reports it
        _Converters.drop()
        return None
    return Rendered(path, digest(data), html, meta, formatted, os.getpid())
