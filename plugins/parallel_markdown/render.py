"""The part of reading a Markdown article that runs in a worker process.

No Pelican import: a worker gets a path and plain settings and returns plain,
picklable data. It repeats, on its own `Markdown` instance, exactly the calls
Pelican's `MarkdownReader` makes (convert the body, then for each formatted
field such as `Summary:` deregister the meta preprocessor, reset and convert),
so the HTML is the HTML a serial read gives. Parsing the metadata (dates,
authors, tags) stays with Pelican in the parent.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Collection, Mapping
from typing import Any, NamedTuple

from markdown import Markdown


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
    """The text Pelican's `pelican_open` gives: UTF-8 without a BOM, universal newlines."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig").read()


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
        md = Markdown(**markdown_settings)
        html = md.convert(decode(data))
        meta = getattr(md, "Meta", None)
        formatted: dict[str, str] = {}
        if meta is not None:
            # Same order as MarkdownReader._parse_metadata: the meta preprocessor
            # goes first (a summary line like "Catatan: ..." is text, not metadata),
            # then each field is converted on a reset instance.
            md.preprocessors.deregister("meta")
            for name, values in meta.items():
                if name.lower() in formatted_fields:
                    source = "\n".join(values)
                    md.reset()
                    formatted[source] = md.convert(source)
    except Exception:  # the parent's normal read reports it
        return None
    return Rendered(path, digest(data), html, meta, formatted, os.getpid())
