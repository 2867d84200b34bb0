"""What containment's check of each content read costs when it finds nothing."""

from __future__ import annotations

import pelican.urlwrappers
from pelican.contents import Article
from pelican.settings import read_settings
from pelican.urlwrappers import Author, Category
from pelican.utils import SafeDatetime

from plugins.containment import plugin


def settings_for(tmp_path) -> dict:
    (tmp_path / "content").mkdir(exist_ok=True)
    return read_settings(override={"PATH": str(tmp_path / "content")})


def release(tmp_path, settings, number: int) -> Article:
    metadata = {
        "title": f"Rapat Pleno {number}",
        "date": SafeDatetime(2024, 11, 4, 9, 30),
        "slug": f"rapat-pleno-{number}",
        "author": Author("Humas Bawaslu Kota Palembang", settings),
        "category": Category("Siaran Pers", settings),
    }
    metadata["authors"] = [metadata["author"]]
    source = tmp_path / "content" / "berita" / f"rapat-{number}.md"
    return Article("<p>Teks.</p>", metadata, settings=settings, source_path=str(source))


def test_a_content_without_a_finding_makes_no_path_for_one(tmp_path, monkeypatch):
    settings = settings_for(tmp_path)
    article = release(tmp_path, settings, 1)

    def no_path(*_):
        raise AssertionError("no finding: its path is not made")

    monkeypatch.setattr(plugin, "relative", no_path)
    plugin.check_content(article)
    assert [a.name for a in article.authors] == ["Humas Bawaslu Kota Palembang"]


def test_each_author_and_rubrik_name_is_slugified_once_a_build(tmp_path, monkeypatch):
    """Pelican gives every article its own Author and Category and slugifies
    each name again: the slug one name made is given to the next wrapper of
    that name, as Pelican keeps it once made."""
    settings = settings_for(tmp_path)
    made = []
    slugify = pelican.urlwrappers.slugify
    monkeypatch.setattr(
        pelican.urlwrappers,
        "slugify",
        lambda value, **kw: made.append(value) or slugify(value, **kw),
    )
    articles = [release(tmp_path, settings, number) for number in range(3)]
    for article in articles:
        plugin.check_content(article)
    assert sorted(made) == ["Humas Bawaslu Kota Palembang", "Siaran Pers"]
    for article in articles:
        assert article.author.slug == "humas-bawaslu-kota-palembang"
        assert article.category.slug == "siaran-pers"
    # A wrapper given its own slug keeps it.
    own = Author("Humas Bawaslu Kota Palembang", settings)
    own.slug = "humas-palembang"
    assert plugin.slug_of(own) == "humas-palembang"
