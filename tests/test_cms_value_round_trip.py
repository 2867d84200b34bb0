"""A value typed in the CMS is the value the build reads from the saved file.

Each awkward title (a colon, a `#`, quotes, a line break, a leading `---`,
`- `, `[…]`, YAML's indicators, references) is typed into the form of a
release written as `Key: value` lines and of one written as YAML, saved by
the format of the built /admin/ page, and the saved file read by the site's
Markdown (`meta` after `warta.markdown_source`, what Pelican is handed) and
opened again in the CMS.
"""

from __future__ import annotations

import pytest
from test_cms_frontmatter_forms import handed
from test_cms_yaml import admin, open_and_save

from warta.frontmatter import parse

pytestmark = pytest.mark.browser
__all__ = ["admin"]

BODY = "LAHAT – Bawaslu Kabupaten Lahat menggelar rapat koordinasi.\n"
FILES = {
    "key-lines": "Title: Rapat\nDate: 2024-11-20 09:00\nSlug: rapat\nTags: Rapat Pleno\n\n" + BODY,
    "yaml": "---\ntitle: Rapat\ndate: 2024-11-20 09:00\nslug: rapat\ntags: [Rapat Pleno]\n---\n\n"
    + BODY,
}
TITLES = [
    'Rapat: Bawaslu Lahat #2 "Final"',
    "Rapat Pleno Lahat's 'Terbuka'",
    "--- Rapat Pleno Terbuka",
    "# Rapat Pleno Terbuka",
    "- Rapat Pleno Terbuka",
    "[Rapat, Pleno] Terbuka",
    '"Rapat Pleno Terbuka"',
    "'Rapat Pleno Terbuka'",
    "Rapat Pleno Terbuka:",
    "... Rapat Pleno Terbuka",
    "| Rapat > Pleno {Terbuka} @Lahat !ya %20 &x *y `z`",
    "Rapat &amp; Pleno & R&D &#44; Lahat",
    "Rapat Pleno\nTerbuka di Lahat",
    "Rapat: Pleno\n---\nTerbuka",
]


@pytest.mark.parametrize("form", list(FILES))
@pytest.mark.parametrize("title", TITLES)
def test_a_typed_title_is_the_title_the_build_reads(admin, form, title):
    text = FILES[form]
    result = open_and_save(admin, text, {"title": title})
    edited = result["edited"]
    assert edited is not None, result["refused"]
    typed = " ".join(title.split())
    assert handed(edited)[0]["title"] == typed
    # The rest of the release as it was: its keys and its text.
    assert handed(edited)[1] == handed(text)[1]
    assert parse(edited).front_matter.first("slug").value == "rapat"
    again = open_and_save(admin, edited)
    assert again["entry"]["title"] == typed
    assert again["again"] == edited
