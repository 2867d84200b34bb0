"""`warta.contents.linked_content`: the one lookup of an intrasite link's
target by Pelican's rule, for content_lint's dead links and link_check's
links to unpublished releases (two copies until round 23). Compared with
what Pelican itself makes of the same links on real Articles."""

from __future__ import annotations

import copy

import pytest
from bs4 import BeautifulSoup
from pelican.contents import Article, Static
from pelican.settings import DEFAULT_CONFIG

from plugins.content_lint import dead_links
from plugins.link_check import plugin as link_check
from warta.contents import linked_content

VALUES = [
    "rapat.md",
    "/berita/rapat.md",
    "../berita/rapat.md",
    "./rapat.md",
    "Rapat.md",
    "rapat%20pleno.md",
    "rapat pleno.md",
    "rapat.md#hasil",
    "rapat.md?cetak=1",
    "rapat&amp;pleno.md",
    "rapat&pleno.md",
    "draf.md",
    "tidak-ada.md",
    "../../luar.md",
]


@pytest.fixture
def site(tmp_path):
    settings = copy.deepcopy(DEFAULT_CONFIG)
    settings.update(PATH=str(tmp_path), SITEURL="", OUTPUT_PATH=str(tmp_path / "out"))
    context = {**settings, "generated_content": {}, "static_content": {}, "static_links": set()}
    context["localsiteurl"] = ""

    def article(path: str, title: str, body: str = "", **metadata) -> Article:
        made = Article(
            body,
            metadata={"title": title, "slug": title.lower().replace(" ", "-"), **metadata},
            settings=settings,
            source_path=str(tmp_path / path),
            context=context,
        )
        context["generated_content"][path] = made
        return made

    article("berita/rapat.md", "Rapat")
    article("berita/rapat pleno.md", "Rapat Pleno")
    article("berita/rapat&pleno.md", "Rapat Dan Pleno")
    article("berita/draf.md", "Draf", status="draft")
    static = Static(
        "", settings=settings, source_path=str(tmp_path / "dok/sk.pdf"), context=context
    )
    context["static_content"]["dok/sk.pdf"] = static
    return article, context


def test_a_link_is_found_as_pelican_finds_it(site):
    article, context = site
    body = "".join(f'<a href="{{filename}}{value}">{n}</a>' for n, value in enumerate(VALUES))
    linking = article("berita/tautan.md", "Tautan", body)
    hrefs = [a["href"] for a in BeautifulSoup(linking.content, "html.parser").select("a")]
    generated = context["generated_content"]
    for value, href in zip(VALUES, hrefs, strict=True):
        found = linked_content(linking, value, generated)
        pelicans = None if href.startswith("{filename}") else href.split("#")[0].split("?")[0]
        assert (f"/{found.url}" if found is not None else None) == pelicans, value
    # both plugins ask the one lookup
    assert link_check.linked_content is linked_content
    assert (
        dead_links._linked(linking, "generated_content", "../berita/rapat.md")
        is generated["berita/rapat.md"]
    )
    assert dead_links.resolves(linking, "filename", "/dok/sk.pdf")  # {filename} of a static file
