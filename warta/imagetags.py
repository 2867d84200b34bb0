"""The <img> tags of a body: their attributes, and their replacement.

A `<picture>` a writer made is left alone (its sources are chosen); each
other `<img>` is offered in order. The images plugin turns them into
`<picture>`s of variants; content_lint checks them in a release Pelican could
not read, with the same reading. No Pelican import.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

# A whole <picture> (left alone: the writer chose its sources) or one <img>.
_IMAGE_OR_PICTURE = re.compile(r"<picture\b.*?</picture\s*>|<img\b[^>]*>", re.I | re.S)


class _TagAttributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        if not self.attributes:
            self.attributes = attrs

    handle_startendtag = handle_starttag


def tag_attributes(tag: str) -> list[tuple[str, str | None]]:
    """Attributes of one start tag, entities decoded."""
    parser = _TagAttributes()
    parser.feed(tag)
    parser.close()
    return parser.attributes


def _is_picture(tag: str) -> bool:
    return tag[:8].lower().startswith("<picture")


def image_tags(html: str) -> list[list[tuple[str, str | None]]]:
    """Attributes of each <img> outside a <picture>, in order: the tags
    `rewrite_images` offers to replace."""
    return [
        tag_attributes(match.group(0))
        for match in _IMAGE_OR_PICTURE.finditer(html)
        if not _is_picture(match.group(0))
    ]


def rewrite_images(html: str, replace: Callable[[int, list], str | None]) -> str:
    """Call `replace(index, attributes)` for each <img> outside a <picture>; a
    returned string takes the tag's place, None keeps it."""
    count = 0

    def substitute(match: re.Match) -> str:
        nonlocal count
        tag = match.group(0)
        if _is_picture(tag):
            return tag
        index = count
        count += 1
        replacement = replace(index, tag_attributes(tag))
        return tag if replacement is None else replacement

    return _IMAGE_OR_PICTURE.sub(substitute, html)


# Said of a photo whose reference is a path on the writer's own computer
# (`warta.paths.computer_file`), by the images plugin, by sanitize (a `C:\…` or
# `file:` body photo, which it takes out before the images plugin sees it) and
# by content_lint for a release Pelican could not read: the same words.
COMPUTER_PATH_MESSAGE = "image is a path on the writer's own computer, outside the content folder"


def computer_path_suggestion(name: str, year: int | None, featured: bool) -> str:
    """Where to put the photo and how to write its path, as the writer's guide
    (docs/panduan-penulis.md, "Foto") and the other releases do."""
    folder = f"images/{year or '<year>'}"
    written = f"Image: {folder}/{name}" if featured else f"![…]({{static}}/{folder}/{name})"
    return f"copy {name} into content/{folder}/ and write {written}"


def content_folder_suggestion(below: str, featured: bool) -> str:
    """How to write a photo path given with the content folder in front
    ("content/images/2024/x.jpg"): from inside content/ (`below`)."""
    written = f"Image: {below}" if featured else f"![…]({{static}}/{below})"
    return f"paths start inside content/: write {written}"
