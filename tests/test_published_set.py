"""warta.published: which contents a build writes, known without making every
address (is_written's shortcut gives Pelican's own answer in every case)."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from pelican.contents import Article, Page
from pelican.settings import DEFAULT_CONFIG

from warta import published

DATE = dt.datetime(2026, 11, 20, 9, 0)


def settings_with(**overrides) -> dict:
    settings = copy.deepcopy(DEFAULT_CONFIG)
    settings.update(
        DEFAULT_LANG="id",
        ARTICLE_SAVE_AS="berita/{date:%Y}/{slug}/index.html",
        ARTICLE_LANG_SAVE_AS="{lang}/berita/{slug}/index.html",
        DRAFT_SAVE_AS="draf/{slug}/index.html",
        DRAFT_LANG_SAVE_AS="draf/{lang}/{slug}/index.html",
        PAGE_SAVE_AS="{slug}/index.html",
        PAGE_LANG_SAVE_AS="{lang}/{slug}/index.html",
        DRAFT_PAGE_SAVE_AS="draf/halaman/{slug}/index.html",
        DRAFT_PAGE_LANG_SAVE_AS="draf/halaman/{lang}/{slug}/index.html",
    )
    settings.update(overrides)
    return settings


def content(kind, settings, source_path="/tmp/rilis.md", **metadata):
    metadata = {"title": "Rapat Pleno", "date": DATE, **metadata}
    return kind("<p>Isi.</p>", metadata=metadata, settings=settings, source_path=source_path)


PUBLIC = {"DRAFT_SAVE_AS": "", "DRAFT_LANG_SAVE_AS": "", "DRAFT_PAGE_SAVE_AS": ""}

CASES = [
    pytest.param(Article, {}, {}, True, id="article"),
    pytest.param(Article, {}, {"status": "draft"}, True, id="draft-dev"),
    pytest.param(Article, PUBLIC, {"status": "draft"}, False, id="draft-public"),
    pytest.param(Article, {}, {"status": "hidden"}, True, id="hidden"),
    pytest.param(Article, {}, {"lang": "en"}, True, id="translation"),
    pytest.param(
        Article, {"ARTICLE_LANG_SAVE_AS": ""}, {"lang": "en"}, False, id="no-translations"
    ),
    pytest.param(Article, PUBLIC, {"lang": "en", "status": "draft"}, False, id="draft-translation"),
    pytest.param(Article, {}, {"save_as": ""}, False, id="save-as-empty"),
    pytest.param(
        Article, PUBLIC, {"status": "draft", "save_as": "x.html"}, True, id="save-as-draft"
    ),
    pytest.param(
        Article, {"ARTICLE_SAVE_AS": "{slug}"}, {"slug": ""}, False, id="fields-only-empty"
    ),
    pytest.param(Article, {"ARTICLE_SAVE_AS": "{slug}"}, {}, True, id="fields-only"),
    pytest.param(Article, {"ARTICLE_SAVE_AS": "{{x}}"}, {}, True, id="escaped-brace"),
    pytest.param(Page, {}, {}, True, id="page"),
    pytest.param(Page, PUBLIC, {"status": "draft"}, False, id="page-draft-public"),
    pytest.param(Page, {"PAGE_SAVE_AS": ""}, {}, False, id="pages-off"),
]


@pytest.mark.parametrize(("kind", "overrides", "metadata", "expected"), CASES)
def test_is_written_agrees_with_pelicans_save_as(kind, overrides, metadata, expected):
    item = content(kind, settings_with(**overrides), **metadata)
    assert bool(item.save_as) is expected  # the case is what its name says
    assert published.is_written(item) is expected


class GalleryArticle(Article):
    """An outside plugin's article class naming its own setting."""

    def _expand_settings(self, key, klass=None):
        return "" if self.metadata.get("gallery") else super()._expand_settings(key)


def test_another_class_is_asked_for_its_address():
    item = content(GalleryArticle, settings_with(), gallery="ya")
    assert item.save_as == ""
    assert published.is_written(item) is False


def test_skipped_content_is_not_written():
    assert published.is_written(content(Article, settings_with(), status="skip")) is False


class Generator:
    """The lists of an ArticlesGenerator that `unpreviewed` reads."""

    def __init__(self, articles=(), drafts=()):
        self.articles, self.drafts = list(articles), list(drafts)
        self.translations, self.drafts_translations = [], []
        self.hidden_articles, self.hidden_translations = [], []


def test_a_draft_behind_a_published_save_as_is_unpreviewed():
    settings = settings_with()
    owner = content(Article, settings, "/tmp/a.md", save_as="draf/rapat/index.html")
    draft = content(Article, settings, "/tmp/b.md", status="draft", slug="rapat")
    refused = published.unpreviewed(Generator([owner], [draft]))
    assert list(refused.values()) == [("/draf/rapat/", published.message_path(owner))]


def test_no_written_draft_no_preview_refused():
    settings = settings_with(**PUBLIC)
    owner = content(Article, settings, save_as="draf/rapat/index.html")
    draft = content(Article, settings, status="draft", slug="rapat")
    assert published.unpreviewed(Generator([owner], [draft])) == {}


def test_a_build_with_no_shared_slug_asks_no_article_for_its_address():
    """content_lint asks which previews are refused (every article's address)
    only when a Slug is shared: it was handed `check_duplicates`' generator,
    which is true when empty, and asked on every build (0.1 s of a warm build
    at 10,000 releases)."""
    from plugins.content_lint.plugin import with_unwritten_previews

    asked = []

    class Counted(Article):
        @property
        def save_as(self):
            asked.append(self.slug)
            return super().save_as

    settings = settings_with()
    owner = content(Counted, settings, "/tmp/a.md", slug="rapat")
    draft = content(Article, settings, "/tmp/b.md", status="draft", slug="rapat-draf")
    generator = Generator([owner], [draft])
    generator.context = {}
    assert with_unwritten_previews(generator, (finding for finding in ()), {}) == []
    assert asked == []
    assert published.unpreviewed(generator) == {} and asked  # (which reads it when asked)
