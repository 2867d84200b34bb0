"""The <img> tags of a body: their attributes, and their replacement.

Tags are read with the HTML tokenizer (html.parser), as a browser reads
them: a `>` in a quoted attribute (`alt="Ketua > Anggota"`) ends no tag. A
`<picture>` a writer made is left alone (its sources are chosen); each other
`<img>` is offered in order (sanitize asks for those in a <picture> too).
The images plugin turns them into `<picture>`s of variants; content_lint
checks them in a release Pelican could not read, with the same reading. No Pelican import.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

from markupsafe import escape


class _Images(HTMLParser):
    """Finds each <img> start tag as the HTML tokenizer reads it (a `>` inside
    a quoted attribute ends no tag; text in a <script> or a comment holds no
    tag): (start, end, inside a <picture>, attributes), in order."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", html)]
        self.images: list[tuple[int, int, bool, list[tuple[str, str | None]]]] = []
        self.pictures = 0
        self.links = 0  # open <a> elements
        self.in_link: list[bool] = []  # of each image: inside an <a>

    def handle_starttag(self, tag, attrs):
        if tag == "picture":
            self.pictures += 1
        elif tag == "a":
            self.links += 1
        elif tag == "img":
            line, column = self.getpos()
            start = self.line_starts[line - 1] + column
            end = start + len(self.get_starttag_text() or "")
            self.images.append((start, end, self.pictures > 0, attrs))
            self.in_link.append(self.links > 0)

    def handle_startendtag(self, tag, attrs):
        if tag == "img":
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "picture" and self.pictures:
            self.pictures -= 1
        elif tag == "a" and self.links:
            self.links -= 1


# An <img> start tag, in any case: `"<img" in html.lower()` without lowering a
# copy of the body (a release's body has non-ASCII letters, whose lowering
# costs as much as this whole pass's look-ups). No other character lowers to
# one of these letters.
_IMG_TAG = re.compile("<[iI][mM][gG]")


def has_img_tag(html: str) -> bool:
    """Whether `html` holds "<img" in any case (an <img> tag may be there)."""
    return _IMG_TAG.search(html) is not None


def _images(html: str) -> list[tuple[int, int, bool, list[tuple[str, str | None]]]]:
    if not has_img_tag(html):
        return []
    parser = _Images(html)
    parser.feed(html)
    parser.close()
    return parser.images


def images_in_links(html: str) -> list[bool]:
    """For each <img> outside a <picture>, in `rewrite_images`' order, whether
    it stands inside a link (`[![…](foto.jpg)](berita)`), where a link put in
    its place would nest in another."""
    if not has_img_tag(html):
        return []
    parser = _Images(html)
    parser.feed(html)
    parser.close()
    return [
        linked
        for (_start, _end, in_picture, _attrs), linked in zip(
            parser.images, parser.in_link, strict=True
        )
        if not in_picture
    ]


def tag_attributes(tag: str) -> list[tuple[str, str | None]]:
    """Attributes of one start tag, entities decoded."""
    parser = _TagAttributes()
    parser.feed(tag)
    parser.close()
    return parser.attributes


class _TagAttributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        if not self.attributes:
            self.attributes = attrs

    handle_startendtag = handle_starttag


def image_tags(html: str) -> list[list[tuple[str, str | None]]]:
    """Attributes of each <img> outside a <picture>, in order: the tags
    `rewrite_images` offers to replace."""
    return [attrs for _start, _end, in_picture, attrs in _images(html) if not in_picture]


def rewrite_images(
    html: str, replace: Callable[[int, list], str | None], *, pictures: bool = False
) -> str:
    """Call `replace(index, attributes)` for each <img> outside a <picture>
    (and inside one too when `pictures`); a returned string takes the tag's
    place, None keeps it."""
    parts = []
    last = 0
    index = 0
    for start, end, in_picture, attrs in _images(html):
        if in_picture and not pictures:
            continue
        replacement = replace(index, attrs)
        index += 1
        if replacement is not None:
            parts.append(html[last:start])
            parts.append(replacement)
            last = end
    if not parts:
        return html
    parts.append(html[last:])
    return "".join(parts)


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


# Said of a photo whose path leaves content/ (`../../foto.jpg`), by the images
# plugin and by content_lint for a release Pelican could not read or whose
# address was refused (no page, so the images plugin never sees it).
OUTSIDE_IMAGE_MESSAGE = "image outside the content folder, not read"
OUTSIDE_IMAGE_SUGGESTION = (
    "put the photo under content/images/ and write its path from there, e.g. images/2024/foto.jpg"
)


# Said of a body photo on another site (`![…](https://…)`, `<img src="//…">`),
# by the images plugin and by content_lint for a release Pelican could not
# read. Such a picture would make every reader's browser ask that site for it
# when the page opens, before any click (the privacy page promises no such
# request), so the page shows a link to it instead (`remote_image_link`).
REMOTE_IMAGE_MESSAGE = (
    "image on another site, shown as a link: every reader's browser would fetch it "
    "from that site when the page opens"
)
_REMOTE_IMAGE = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)


def is_remote_image(src: str) -> bool:
    """An address another host serves (http:, https:, or protocol-relative
    `//host/…`); a `data:` picture makes no request and is not one."""
    return bool(_REMOTE_IMAGE.match(src))


def remote_image_suggestion(year: int | None) -> str:
    folder = f"images/{year or '<year>'}"
    return (
        f"save the photo into content/{folder}/ and write ![…]({{static}}/{folder}/foto.jpg), "
        "with the source's permission and credit"
    )


def remote_image_link(src: str, alt: str, in_link: bool = False) -> str:
    """The link a remote body photo becomes: its alt text (or a plain label)
    pointing at the picture, which the reader may open with a click. Inside a
    link (`in_link`) only the label, a link in a link being none: the outer
    link stays the click's target."""
    label = f"Gambar: {alt}" if alt.strip() else "Lihat gambar di situs sumber"
    if in_link:
        return str(escape(label))
    return (
        f'<a class="gambar-luar" href="{escape(src.strip())}" rel="nofollow noopener noreferrer">'
        f"{escape(label)}</a>"
    )


def content_folder_suggestion(below: str, featured: bool) -> str:
    """How to write a photo path given with the content folder in front
    ("content/images/2024/x.jpg"): from inside content/ (`below`)."""
    written = f"Image: {below}" if featured else f"![…]({{static}}/{below})"
    return f"paths start inside content/: write {written}"
