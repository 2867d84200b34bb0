"""What containment's check of each content read costs when it finds nothing."""

from __future__ import annotations

import os
import time

import pelican.urlwrappers
import pytest
from pelican.contents import Article
from pelican.generators import ArticlesGenerator
from pelican.settings import read_settings
from pelican.urlwrappers import Author, Category
from pelican.utils import SafeDatetime

from plugins.containment import plugin
from warta import filestate


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


def test_the_same_release_is_blamed_by_every_build(site, monkeypatch):
    """Pelican reads the articles in the order its file listing iterates, and
    a set of names iterates in an order each process draws anew: of two
    releases with one slug and one Thread id (a copy saved under another
    name), the error named one or the other from one build to the next.
    Builds in processes with different hash seeds say the same lines."""
    import shutil

    for name in ("rapat-pleno.md", "rapat-pleno-salinan.md", "zz-rapat.md", "a-rapat.md"):
        site.article(name, slug="rapat-pleno", thread="t-3f9a1c2b7d4e5f60")
    said = []
    for seed in ("1", "2", "3", "4"):
        monkeypatch.setenv("PYTHONHASHSEED", seed)
        shutil.rmtree(site.output, ignore_errors=True)
        shutil.rmtree(site.root / "cache", ignore_errors=True)
        built = site.build(SEARCH_ENABLED=False)
        said.append(sorted((f.path, f.line, f.message) for f in built.findings()))
    assert any("Thread id already used" in message for _, _, message in said[0])
    assert said[0] == said[1] == said[2] == said[3]


def test_a_file_listing_is_a_set_that_iterates_in_sorted_order():
    listing = plugin.Listing({"b/c.md", "a.md", "b/a.md", "z.md", "c.md"})
    assert list(listing) == ["a.md", "b/a.md", "b/c.md", "c.md", "z.md"]
    assert {"x.jpg"} | listing == {"x.jpg", "a.md", "b/a.md", "b/c.md", "c.md", "z.md"}


def test_the_template_names_are_those_pelicans_loader_finds_with_two_override_folders(tmp_path):
    """`theme_templates` takes the theme's folder as the last Pelican looks
    templates up in: with two THEME_TEMPLATES_OVERRIDES folders, each one's
    templates are names, and `!theme/` names are the theme's own, as the
    Jinja environment Pelican builds loads them."""
    import jinja2
    from pelican.generators import Generator

    first, second, theme = tmp_path / "satu", tmp_path / "dua", tmp_path / "tema"
    for folder, name in ((first, "khusus"), (second, "lain"), (theme / "templates", "article")):
        folder.mkdir(parents=True)
        (folder / f"{name}.html").write_text("{{ 1 }}", encoding="utf-8")
    (tmp_path / "content").mkdir()
    settings = read_settings(
        override={
            "PATH": str(tmp_path / "content"),
            "THEME": str(theme),
            "THEME_TEMPLATES_OVERRIDES": [str(first), str(second)],
        }
    )
    names = plugin.theme_templates(settings)
    assert {"khusus", "lain", "article", "!theme/article"} <= names
    assert not {"!theme/khusus", "!theme/lain"} & names
    environment = Generator(
        {}, settings, settings["PATH"], settings["THEME"], str(tmp_path / "output")
    ).env
    for name in ("khusus", "lain", "article", "!theme/article"):
        environment.get_template(f"{name}.html")
    for name in ("!theme/khusus", "!theme/lain"):
        with pytest.raises(jinja2.TemplateNotFound):
            environment.get_template(f"{name}.html")


def listing_generator(content) -> ArticlesGenerator:
    settings = read_settings(override={"PATH": str(content)})
    context = {"generated_content": {}, "static_content": {}, "static_links": set()}
    return ArticlesGenerator(
        context=context,
        settings=settings,
        path=str(content),
        theme=settings["THEME"],
        output_path=str(content.parent / "output"),
    )


def test_a_listing_made_again_sees_every_file_that_came_went_or_changed_kind(
    tmp_path, monkeypatch, caplog
):
    """content/ is listed several times a build; a folder unchanged since the
    last listing (its stat is the witness) is not listed again. A file added,
    deleted, replaced by a symbolic link or by a pipe, a folder added, between
    two listings of one process is seen by the second as by a first one, and
    a listing with other rules (extensions, excluded folders) is its own."""
    monkeypatch.setattr(filestate, "SETTLED_NS", -(10**15))  # (folders of days ago)
    content = tmp_path / "content"
    folder = content / "berita" / "2024"
    folder.mkdir(parents=True)
    for name in ("a.md", "b.md", "c.md", "d.md", "catatan.txt"):
        (folder / name).write_text("Title: x\n\nIsi.\n", encoding="utf-8")
    (tmp_path / "rahasia.md").write_text("Title: rahasia\n\nJangan.\n", encoding="utf-8")
    generator = listing_generator(content)

    def listed(**rules) -> list[str]:
        return list(plugin.contained_files(generator, ["berita"], **rules))

    first = [f"berita/2024/{name}" for name in ("a.md", "b.md", "c.md", "d.md")]
    assert listed() == first
    entries = filestate.folder_entries(str(folder))
    assert filestate.folder_entries(str(folder)) is entries  # kept while unchanged
    assert listed() == first
    assert listed(extensions=False) == sorted([*first, "berita/2024/catatan.txt"])
    assert listed(exclude=["berita/2024"]) == []
    assert listed(extensions=["t", "x", "t"]) == []
    assert listed(extensions="txt") == ["berita/2024/catatan.txt"]  # (`in` a string)

    time.sleep(0.05)  # past the file system's clock tick
    (folder / "e.md").write_text("Title: e\n\nIsi.\n", encoding="utf-8")
    (folder / "a.md").unlink()
    (folder / "b.md").unlink()
    (folder / "b.md").symlink_to(tmp_path / "rahasia.md")
    (folder / "c.md").unlink()
    os.mkfifo(folder / "c.md")
    (content / "berita" / "2025").mkdir()
    (content / "berita" / "2025" / "f.md").write_text("Title: f\n\nIsi.\n", encoding="utf-8")
    caplog.clear()
    assert listed() == ["berita/2024/d.md", "berita/2024/e.md", "berita/2025/f.md"]
    said = [r.getMessage() for r in caplog.records if "not a regular file" in r.getMessage()]
    assert len(said) == 1 and "berita/2024/c.md" in said[0]
    caplog.clear()
    assert listed() == ["berita/2024/d.md", "berita/2024/e.md", "berita/2025/f.md"]
    assert len([r for r in caplog.records if "not a regular file" in r.getMessage()]) == 1
    assert plugin.symlinks_under(content) == [(folder / "b.md", str(tmp_path / "rahasia.md"))]
