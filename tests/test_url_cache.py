"""plugins/url_cache: frozen URLs change nothing in the site."""

from __future__ import annotations

from conftest import REPO, FixtureSite, assert_same_tree, build_without, newsroom, shipped_plugins


def test_site_with_frozen_urls_equals_site_without(site: FixtureSite, tmp_path):
    newsroom(site)
    site.page("draf.md", "Title: Catatan Internal\nSlug: catatan\nStatus: hidden\n\nTersembunyi.\n")
    assert "url_cache" in shipped_plugins()
    with_cache = site.build(SEARCH_ENABLED=False)
    assert with_cache.returncode == 0, with_cache.log
    without = build_without(site, tmp_path, "url_cache")
    assert without.returncode == 0, without.log
    assert_same_tree(with_cache.output, without.output)
    # The pages really link to the frozen URLs.
    links = {a["href"] for a in with_cache.html("").select("main a[href]")}
    assert any(href.endswith("/berita/2024/10/rilis-6/") for href in links), links


def test_both_urls_formatted_once_are_pelicans(tmp_path):
    """`both_urls` makes Pelican's `url_format` once for `url` and `save_as`
    (each date part formatted once): the same two values as Pelican's for a
    release in the site's language and in another, a setting reading the
    date's fields, a `path` of the metadata, and a page (through Pelican's)."""
    import datetime as dt

    from pelican.contents import Article, Page
    from pelican.settings import read_settings
    from pelican.urlwrappers import Author, Category

    from plugins.url_cache.plugin import both_urls, pelicans_urls

    content = tmp_path / "content"
    content.mkdir()
    settings = read_settings(
        str(REPO / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "ARTICLE_LANG_SAVE_AS": "{lang}/{date.year}/{date:%-m}/{category}/{author}/{slug}.html",
        },
    )

    def article(number: int, **metadata) -> Article:
        metadata = {
            "title": f"Rapat {number}",
            "date": dt.datetime(2024, 1 + number % 12, 1 + number % 28, 9, number % 60),
            "slug": f"rapat-{number}",
            "category": Category("Siaran Pers", settings),
            "author": Author("Humas Bawaslu", settings),
            **metadata,
        }
        path = str(content / "berita" / "2024" / f"rapat-{number}.md")
        return Article("<p>Isi.</p>", metadata=metadata, settings=settings, source_path=path)

    contents = [
        article(1),
        article(2, lang="en"),
        article(3, path="lain/tempat.md"),
        article(4, lang="en", slug="rapat-4"),
        article(5, status="draft"),  # DRAFT_URL, DRAFT_SAVE_AS
        article(6, status="draft", lang="en"),
        Page(
            "<p>Kontak.</p>",
            metadata={"title": "Kontak", "slug": "kontak"},
            settings=settings,
            source_path=str(content / "halaman" / "kontak.md"),
        ),
    ]
    assert pelicans_urls(Article)  # (the once-formatted way taken for releases)
    roots: dict = {}
    for item in contents:
        assert both_urls(item, roots) == (item.url, item.save_as)
    assert both_urls(contents[1], roots)[1] == "en/2024/3/siaran-pers/humas-bawaslu/rapat-2.html"


def test_taxonomy_slugs_made_once_are_pelicans(tmp_path):
    """`slug_taxonomies` gives the tags, authors and rubrik of the articles
    Pelican groups the slug each would make itself, made once per kind and
    name: a tag, an author and a rubrik of one name, each kind with its own
    substitutions, keep three slugs; a name that makes none is left to
    Pelican (its warning), a slug set by hand is kept."""
    import datetime as dt
    from types import SimpleNamespace

    from pelican.contents import Article
    from pelican.settings import read_settings
    from pelican.urlwrappers import Author, Category, Tag

    from plugins.url_cache.plugin import slug_taxonomies

    content = tmp_path / "content"
    content.mkdir()
    settings = read_settings(
        str(REPO / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "TAG_REGEX_SUBSTITUTIONS": [(r"Pemilu", "tag-pemilu")],
            "AUTHOR_REGEX_SUBSTITUTIONS": [(r"Pemilu", "penulis-pemilu")],
        },
    )

    def article(number: int, tags: list) -> Article:
        metadata = {
            "title": f"Rapat {number}",
            "date": dt.datetime(2024, 1, 1 + number, 9, 0),
            "slug": f"rapat-{number}",
            "category": Category("Pemilu 2024", settings),
            "authors": [Author("Pemilu 2024", settings)],
            "tags": tags,
        }
        path = str(content / f"rapat-{number}.md")
        return Article("<p>Isi.</p>", metadata=metadata, settings=settings, source_path=path)

    named = Tag("Lahat", settings)
    named.slug = "kabupaten-lahat"
    articles = [
        article(1, [Tag("Pemilu 2024", settings), Tag("🗳️", settings)]),
        article(2, [Tag("Pemilu 2024", settings), named]),
    ]
    wrappers = [
        wrapper for item in articles for wrapper in (*item.tags, *item.authors, item.category)
    ]
    assert all(wrapper._slug is None for wrapper in wrappers if wrapper is not named)
    slug_taxonomies(SimpleNamespace(articles=articles, settings=settings))
    for wrapper in wrappers:
        if wrapper is named:
            assert wrapper.slug == "kabupaten-lahat"
        elif wrapper.name == "🗳️":
            assert wrapper._slug is None  # Pelican's to make (and warn of)
        else:
            assert wrapper._slug == type(wrapper)(wrapper.name, settings).slug
    slugs = {
        type(wrapper).__name__: wrapper._slug
        for wrapper in wrappers
        if wrapper.name == "Pemilu 2024"
    }
    # (a kind's own substitutions replace SLUG_REGEX_SUBSTITUTIONS, spaces and all)
    assert slugs == {
        "Tag": "tag-pemilu 2024",
        "Author": "penulis-pemilu 2024",
        "Category": "pemilu-2024",
    }, slugs


def test_a_date_formatted_for_an_address_is_as_pelican_formats_it():
    """`FormattedOnce` writes "%Y", "%m" and "%d" as numbers without Pelican's
    `strftime`: the same text as `format` of the date for every year (one
    below 1000 goes Pelican's way: strftime writes it without padding),
    month and day, with and without a zone, and any other spec as before."""
    import random
    from datetime import UTC

    from pelican.utils import SafeDatetime

    from plugins.url_cache.plugin import FormattedOnce

    chance = random.Random(16)
    years = [1, 9, 99, 999, 1000, 2024, 9999, *(chance.randint(1, 9999) for _ in range(2000))]
    for number, year in enumerate(years):
        date = SafeDatetime(
            year, chance.randint(1, 12), chance.randint(1, 28), tzinfo=UTC if number % 2 else None
        )
        for spec in ("%Y", "%m", "%d", "%Y/%m", "%-m", "%b", ""):
            assert format(FormattedOnce(date), spec) == format(date, spec), (date, spec)
