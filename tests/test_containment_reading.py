"""What containment's check of each content read costs when it finds nothing."""

from __future__ import annotations

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
