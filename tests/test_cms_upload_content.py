"""A file named as a photo whose bytes are something else, uploaded in /admin/.

The CMS judged an upload by its name alone: a web page saved as
`IMG_0001.jpg`, a PDF or an iPhone's HEIC renamed `.jpg`, an SVG drawing
holding a script, all were taken and saved with the release, which the build
then refused ("not a photo Pillow can read: a web page (HTML)"). Now the CMS
reads each photo's first bytes with the build's own patterns
(warta.filekinds) and refuses such a file before anything is uploaded, saying
in Indonesian what it is and what to do; a PNG or a WebP named `.jpg` is a
photo, taken (the build publishes it as JPEG). Real Chromium against a real
decap-server (tests/test_cms_browser.py)."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from test_cms_browser import newsroom, page
from test_cms_uploads import HEIC, choose, new_release, saved_with_photo, wait_for

from warta.filekinds import NOT_A_PHOTO, not_a_photo

pytestmark = pytest.mark.browser
__all__ = ["newsroom", "page"]  # the fixtures: a decap-server and /admin/ signed in

SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9">'
    b"<script>alert('XSS')</script></svg>"
)
NOT_PHOTOS = {
    "IMG_0001.jpg": (b"<!DOCTYPE html><html><body><img src=x></body></html>", "halaman web"),
    "IMG_0002.jpg": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "dokumen PDF"),
    "IMG_0003.JPG": (HEIC, "foto HEIC"),
    "peta.jpeg": (SVG_WITH_SCRIPT, "gambar SVG"),
}


def encoded(kind: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 40, 40)).save(out, kind)
    return out.getvalue()


def quoting_photo() -> bytes:
    """A JPEG whose comment holds a caption pasted from a web page."""
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (40, 40, 200)).save(
        out, "JPEG", comment=b"<!DOCTYPE html><html><svg>keterangan foto</svg></html>"
    )
    return out.getvalue()


QUOTING_PHOTO = quoting_photo()


def test_each_file_the_cms_refuses_is_one_the_build_names():
    """The same bytes, in the build's words: what the CMS refuses the build
    would have stopped at, and each kind has words for staff."""
    for content, _ in NOT_PHOTOS.values():
        assert not_a_photo(content) is not None
    assert not_a_photo(encoded("PNG")) is None and not_a_photo(encoded("WEBP")) is None
    # A photo whose metadata quotes markup (a JPEG comment, an XMP packet)
    # is the photo it starts as: the build publishes it, the CMS takes it.
    assert not_a_photo(QUOTING_PHOTO) is None

    assert all(kind.what_id and kind.suggestion_id for kind in NOT_A_PHOTO)


@pytest.mark.parametrize("kind", ["PNG", "WEBP", "JPEG"])
def test_a_file_named_as_a_photo_is_refused_by_what_it_holds(page, newsroom, tmp_path, kind):
    dialogs = new_release(page, newsroom)
    for number, (name, (content, what)) in enumerate(NOT_PHOTOS.items(), start=1):
        chosen = tmp_path / name
        chosen.write_bytes(content)
        choose(page, chosen)
        wait_for(page, dialogs, number)
        assert len(dialogs) == number, dialogs
        said = dialogs[-1]
        assert said.startswith(f'Berkas "{name}" bernama seperti foto, tetapi isinya {what}'), said
        assert said.endswith("lalu unggah lagi.")
    # Nothing of them went anywhere; a PNG or WebP named .jpg is taken, and
    # a JPEG whose comment quotes markup.
    photo = tmp_path / "Foto Rapat.jpg"
    photo.write_bytes(QUOTING_PHOTO if kind == "JPEG" else encoded(kind))
    _, _, image = saved_with_photo(page, newsroom, photo)
    assert image.endswith(".jpg") and "foto-rapat" in image, image
    assert len(dialogs) == len(NOT_PHOTOS)
