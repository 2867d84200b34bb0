"""The newsroom CMS's preview shows the body as the article page does.

The page's one <h1> is the release's title: the build makes a `# Heading` of
the text (or one underlined with `===`, as Word's "Heading 1" pastes) an <h2>
(warta/markdown_source.py `SubheadingsOnly`); the preview showed it as a
second <h1>, bigger than the title. Here a release is typed into /admin/
(real Chromium, a real decap-server) and the preview's headings are compared
with those of the body as the site's Markdown renders it.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect
from test_cms_browser import newsroom, page
from test_cms_frontmatter_forms import handed

pytestmark = pytest.mark.browser
__all__ = ["newsroom", "page"]  # the fixtures: a decap-server and /admin/ signed in

TITLE = "Bawaslu Lahat Gelar Rapat Koordinasi Pengawasan"


def typed(page, newsroom, text: str, title: str = TITLE):
    """A new release in /admin/ titled `title`, `text` typed into its body:
    the preview's article body (a locator)."""
    page.goto(newsroom.base + "/admin/#/collections/berita/new")
    page.get_by_label("Judul", exact=True).fill(title)
    page.locator(".cms-editor-raw [role=textbox]").click()
    page.keyboard.type(text)
    return page.frame_locator("iframe").first.locator(".article__body")


def rendered(text: str) -> str:
    """The body `text` as HTML, as the site's Markdown renders it."""
    return handed("Title: Rapat\n\n" + text + "\n")[1]


BODY = (
    "LAHAT – Bawaslu Kabupaten Lahat menggelar rapat koordinasi pengawasan.\n\n"
    "# Hasil Rapat\n\n"
    "Rapat menyepakati jadwal patroli pengawasan masa tenang.\n\n"
    "Tindak Lanjut\n"
    "===\n\n"
    "Pengawas kecamatan melapor setiap hari.\n\n"
    "## Jadwal\n\n"
    "Patroli dimulai Sabtu."
)


def test_a_heading_of_the_text_is_previewed_at_the_level_the_page_shows(page, newsroom):
    body = typed(page, newsroom, BODY)
    preview = page.frame_locator("iframe").first
    expect(body.locator("h2").first).to_have_text("Hasil Rapat")
    expect(preview.locator("h1")).to_have_count(1)  # the title's
    expect(preview.locator("article h1")).to_have_text(
        "Bawaslu Lahat Gelar Rapat Koordinasi Pengawasan"
    )

    def headings(html: str) -> list[tuple[str, str]]:
        soup = BeautifulSoup(html, "html.parser")
        return [(h.name, h.get_text(strip=True)) for h in soup.find_all(["h1", "h2", "h3"])]

    published = headings(rendered(BODY))
    assert published == [("h2", "Hasil Rapat"), ("h2", "Tindak Lanjut"), ("h2", "Jadwal")]
    assert headings(body.inner_html()) == published
    # Typed on: a heading added later is shown at the page's level too.
    page.keyboard.type("\n\n# Penutup")
    expect(body.locator("h2").last).to_have_text("Penutup")
    expect(preview.locator("h1")).to_have_count(1)


# Pasted from Word with first-line indents (four spaces).
INDENTED = (
    "    LAHAT – Bawaslu Kabupaten Lahat menggelar rapat koordinasi pengawasan.\n\n"
    "    Rapat menyepakati jadwal patroli pengawasan masa tenang\n"
    "    di seluruh kecamatan.\n\n"
    "Pengawas kecamatan melapor setiap hari."
)


def test_an_indented_paragraph_is_previewed_as_the_paragraph_the_page_shows(page, newsroom):
    """Markdown made a paragraph pasted with its first-line indent a code
    block: the build reads it as a paragraph (no indented code), the preview
    showed a grey typewriter box."""
    body = typed(page, newsroom, INDENTED)
    expect(body.locator("p").last).to_have_text("Pengawas kecamatan melapor setiap hari.")
    expect(body.locator("pre")).to_have_count(0)

    def paragraphs(html: str) -> list[str]:
        soup = BeautifulSoup(html, "html.parser")
        return [" ".join(p.get_text().split()) for p in soup.find_all("p")]

    published = paragraphs(rendered(INDENTED))
    assert len(published) == 3
    assert paragraphs(body.inner_html()) == published


LINKS = (
    "LAHAT – Formulir pengaduan: [unduh di sini]() atau lihat [](https://bawaslu.go.id/).\n\n"
    "Keterangan di [laman Bawaslu](https://bawaslu.go.id/)."
)


def test_a_link_without_an_address_or_words_is_previewed_as_the_page_shows_it(page, newsroom):
    """`[unduh di sini]()` (the address never pasted) is its words on the
    page and `[](https://…)` shows its address; the preview showed a link
    that reloads the CMS, and a link no one can see."""
    body = typed(page, newsroom, LINKS, title="Bawaslu Lahat Buka Posko Pengaduan Masyarakat")
    expect(body.locator("a")).to_have_count(2)

    def links(html: str) -> list[tuple[str, str]]:
        soup = BeautifulSoup(html, "html.parser")
        return [(a.get_text(), a.get("href")) for a in soup.find_all("a")]

    published = links(rendered(LINKS))
    assert published == [
        ("https://bawaslu.go.id/", "https://bawaslu.go.id/"),
        ("laman Bawaslu", "https://bawaslu.go.id/"),
    ]
    assert links(body.inner_html()) == published
    assert "unduh di sini" in body.locator("p").first.inner_text()


SEPARATED = (
    "LAHAT – Bawaslu Kabupaten Lahat menggelar rapat koordinasi pengawasan, Senin.\n"
    "-----\n\n"
    "Rapat dihadiri pengawas kecamatan dari seluruh wilayah\n"
    "kabupaten.\n"
    "=====\n\n"
    "Hasil Rapat\n"
    "-----------\n\n"
    "Patroli dimulai Sabtu."
)


def test_a_separator_line_under_a_paragraph_is_previewed_as_the_rule_the_page_shows(page, newsroom):
    """A line of `-` or `=` pasted under a paragraph (Word, an e-mail) made
    the paragraph a heading in the preview; the page shows the paragraph and
    a rule, and only a short line that ends no sentence as a heading."""
    body = typed(page, newsroom, SEPARATED)
    expect(body.locator("p").last).to_have_text("Patroli dimulai Sabtu.")
    expect(body.locator("hr")).to_have_count(2)

    def blocks(html: str) -> list[tuple[str, str]]:
        soup = BeautifulSoup(html, "html.parser")
        found = soup.find_all(["p", "h1", "h2", "hr"])
        return [(b.name, " ".join(b.get_text().split())) for b in found]

    published = blocks(rendered(SEPARATED))
    assert [name for name, _ in published] == ["p", "hr", "p", "hr", "h2", "p"]
    assert blocks(body.inner_html()) == published


BULLETS = (
    "LAHAT – Rapat koordinasi pengawasan menyepakati:\n"
    "• Patroli pengawasan setiap malam\n"
    "• Posko pengaduan di setiap kecamatan\n\n"
    "Pengawas kecamatan melapor setiap hari."
)


def test_pasted_bullets_are_previewed_as_the_list_the_page_shows(page, newsroom):
    """Bullets pasted from a word processor or a chat (•) are a list on the
    page, also right below a line of prose; the preview showed them as lines
    of one paragraph."""
    body = typed(page, newsroom, BULLETS)
    expect(body.locator("li")).to_have_count(2)

    def blocks(html: str) -> list[tuple[str, str]]:
        soup = BeautifulSoup(html, "html.parser")
        return [(b.name, " ".join(b.get_text().split())) for b in soup.find_all(["p", "li"])]

    published = blocks(rendered(BULLETS))
    assert [name for name, _ in published] == ["p", "li", "li", "p"]
    assert blocks(body.inner_html()) == published


# Word's numbered list pasted in the rich text mode, as it is saved: "1." then
# the no-break spaces Word's tab becomes, a blank line between the items.
NUMBERED = (
    "LAHAT – Rapat koordinasi pengawasan menyepakati dua hal.\n\n"
    "1.\u00a0 \u00a0 \u00a0 Patroli pengawasan setiap malam.\n\n"
    "2.\u00a0 \u00a0 \u00a0 Posko pengaduan di setiap kecamatan.\n\n"
    "Pengawas kecamatan melapor setiap hari."
)


def test_a_numbered_list_pasted_from_word_is_previewed_as_the_page_shows_it(page, newsroom):
    """The page shows Word's numbered list as one numbered list (warta's
    `_SPACED_NUMBER`); the preview showed paragraphs "1.    Patroli …"."""
    body = typed(page, newsroom, NUMBERED)
    expect(body.locator("li")).to_have_count(2)

    def blocks(html: str) -> list[tuple[str, str]]:
        soup = BeautifulSoup(html, "html.parser")
        found = soup.find_all(["p", "ol", "ul"])
        return [
            (b.name, " ".join(b.get_text(" ").split()))
            for b in found
            if b.name != "p" or not b.find_parent("li")
        ]

    published = blocks(rendered(NUMBERED))
    assert [name for name, _ in published] == ["p", "ol", "p"]
    assert blocks(body.inner_html()) == published
