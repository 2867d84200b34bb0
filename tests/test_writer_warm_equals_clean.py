"""A warm build's output equals a clean build's, file for file, with outside
plugins that make some files impossible to reuse (issue 16).

Each test builds the newsroom cold, then warm after the change that matters,
with an outside plugin written as third parties write them (signals only, no
knowledge of warta), and compares the warm output with a clean build of the
same content and plugins.
"""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

from bs4 import BeautifulSoup
from jinja2 import DictLoader, Environment
from lxml import etree

from conftest import (
    REPO,
    append_text,
    assert_same_tree,
    build_with_outside_plugin,
    clean_build_with,
    newsroom,
)
from plugins.writer.templates import TemplateAnalyser, load_parsed, save_parsed

ATOM = {"a": "http://www.w3.org/2005/Atom"}


FEED_HOOK_PLUGIN = textwrap.dedent(
    '''
    """An outside plugin listening to the feeds (it changes nothing), and
    recording which feeds it was told were written."""
    import json
    import os

    from pelican import signals

    written = []


    def feed_generated(context, feed):
        pass


    def feed_written(path, context, feed):
        written.append(path)


    def finalized(pelican):
        with open(os.environ["OUTSIDE_RECORD"], "w", encoding="utf-8") as handle:
            json.dump(written, handle)


    def register():
        signals.feed_generated.connect(feed_generated)
        signals.feed_written.connect(feed_written)
        signals.finalized.connect(finalized)
    '''
)


def feed_files(output: Path) -> set[str]:
    return {
        str(path)
        for path in output.rglob("*.xml")
        if "sitemap" not in path.name and path.relative_to(output).parts[0] != "admin"
    }


def test_feeds_reusable_last_build_stay_once_a_plugin_listens_to_them(site, tmp_path, monkeypatch):
    """With a `feed_generated` receiver, feeds render on every build; the
    last build's manifest listed them as reusable, and the writer deleted
    each right after writing it: no feed in the output, "build ok", and
    `feed_written` sent for files not on disk."""
    newsroom(site)
    cold = site.build(SEARCH_ENABLED=False)
    assert cold.returncode == 0, cold.log
    before = feed_files(site.output)
    assert len(before) > 3

    for step in ("warm", "again"):
        record = tmp_path / f"{step}.json"
        monkeypatch.setenv("OUTSIDE_RECORD", str(record))
        built = build_with_outside_plugin(site, tmp_path, "feedhook", FEED_HOOK_PLUGIN)
        assert built.returncode == 0, built.log
        announced = json.loads(record.read_text(encoding="utf-8"))
        assert feed_files(site.output) == before, step
        assert sorted(announced) == sorted(before), step

    clean = clean_build_with(site, tmp_path, "feedhook")
    assert_same_tree(site.output, clean.output)


GLOBAL_PLUGIN = textwrap.dedent(
    '''
    """An outside plugin giving templates a Jinja global (as jinja2-globals
    style plugins do), and counting the pages it was told were written."""
    import json
    import os

    from pelican import signals

    written = []


    def luar_tahun():
        return "2026"


    def generator_init(generator):
        env = getattr(generator, "env", None)
        if env is not None:
            env.globals["luar_tahun"] = luar_tahun


    def content_written(path, context):
        written.append(path)


    def finalized(pelican):
        with open(os.environ["OUTSIDE_RECORD"], "w", encoding="utf-8") as handle:
            json.dump(written, handle)


    def register():
        signals.generator_init.connect(generator_init)
        signals.content_written.connect(content_written)
        signals.finalized.connect(finalized)
    '''
)


def html_pages(output: Path) -> set[str]:
    return {
        str(path) for path in output.rglob("*.html") if path.relative_to(output).parts[0] != "admin"
    }


def test_pages_reusable_last_build_stay_once_they_call_an_outside_global(
    site, tmp_path, monkeypatch
):
    """The footer starts calling an outside plugin's Jinja global: every page
    renders (no digest sees what the function returns), and every page the
    last build listed as reusable was deleted after being written."""
    newsroom(site)
    overrides = tmp_path / "overrides"
    (overrides / "partials").mkdir(parents=True)
    footer = (REPO / "theme" / "templates" / "partials" / "footer.html").read_text(encoding="utf-8")
    (overrides / "partials" / "footer.html").write_text(footer, encoding="utf-8")
    theme = {"THEME_TEMPLATES_OVERRIDES": [str(overrides)]}
    monkeypatch.setenv("OUTSIDE_RECORD", str(tmp_path / "cold.json"))
    cold = build_with_outside_plugin(site, tmp_path, "tahun", GLOBAL_PLUGIN, **theme)
    assert cold.returncode == 0, cold.log
    before = html_pages(site.output)
    assert len(before) > 20

    (overrides / "partials" / "footer.html").write_text(
        footer + "{% if luar_tahun is defined %}<p>&copy; {{ luar_tahun() }}</p>{% endif %}\n",
        encoding="utf-8",
    )
    record = tmp_path / "warm.json"
    monkeypatch.setenv("OUTSIDE_RECORD", str(record))
    warm = build_with_outside_plugin(site, tmp_path, "tahun", GLOBAL_PLUGIN, **theme)
    assert warm.returncode == 0, warm.log
    assert html_pages(site.output) == before
    assert sorted(json.loads(record.read_text(encoding="utf-8"))) == sorted(before)

    clean = clean_build_with(site, tmp_path, "tahun", **theme)
    assert_same_tree(site.output, clean.output)


HELPER_PLUGIN = textwrap.dedent(
    '''
    """An outside plugin keeping a helper object in the settings (as some
    plugins do): it has no state to describe, so the settings have no stable
    digest and nothing is reused."""
    from pelican import signals


    class Pembantu:
        __slots__ = ()


    def initialized(pelican):
        pelican.settings["LUAR_PEMBANTU"] = Pembantu()


    def register():
        signals.initialized.connect(initialized)
    '''
)


def test_pages_not_produced_again_go_when_settings_have_no_stable_digest(site, tmp_path):
    """The writer kept the last build's pages, found it could reuse none, and
    then removed none of those it did not write again: a release made a
    draft, and one deleted, stayed published (and in the sitemap)."""
    files = newsroom(site)
    cold = site.build(SEARCH_ENABLED=False)
    assert cold.returncode == 0, cold.log
    assert (site.output / "berita/2024/10/rilis-2/index.html").is_file()
    assert (site.output / "berita/2024/10/rilis-5/index.html").is_file()

    text = files["rilis-2"].read_text(encoding="utf-8")
    files["rilis-2"].write_text(text.replace("\n\n", "\nStatus: draft\n\n", 1), encoding="utf-8")
    files["rilis-5"].unlink()
    warm = build_with_outside_plugin(site, tmp_path, "pembantu", HELPER_PLUGIN)
    assert warm.returncode == 0, warm.log
    assert not (site.output / "berita/2024/10/rilis-2/index.html").exists()
    assert not (site.output / "berita/2024/10/rilis-5/index.html").exists()

    clean = clean_build_with(site, tmp_path, "pembantu")
    assert_same_tree(site.output, clean.output)


def test_template_analysis_finds_which_templates_show_a_listed_articles_body():
    templates = {
        "base.html": "{% block body %}{% endblock %}",
        "article.html": "{% extends 'base.html' %}{% block body %}"
        "{{ article.content }}{{ article.content | length }}{% endblock %}",
        "page.html": "{{ page.get_content(SITEURL) }}",
        "index.html": "{% set headline = articles[0] %}{{ headline.content | length }}",
        "first.html": "{{ articles[0].content }}",
        "loop.html": "{% for a in articles %}{{ a._content }}{% endfor %}",
        "card.html": "{{ article.content }}",
        "cards.html": "{% for article in articles %}{% include 'card.html' %}{% endfor %}",
        "macros.html": "{% macro card(a) %}{{ a.content }}{% endmacro %}",
        "macro_user.html": "{% import 'macros.html' as ui %}{{ ui.card(articles[0]) }}",
        "by_name.html": "{{ articles | map(attribute='content') | join }}",
        "by_attr.html": "{{ articles[0] | attr('get_content') }}",
        "summaries.html": "{% for a in articles %}{{ a.summary }}{% endfor %}",
        "signature.html": "{% macro sign(article) %}{{ article.title }}{% endmacro %}"
        "{{ sign(article) }}",
    }
    analyser = TemplateAnalyser(Environment(loader=DictLoader(templates)))
    shown = {name for name in templates if analyser.inputs(name).lists_bodies}
    assert shown == {
        "index.html",
        "first.html",
        "loop.html",
        "cards.html",
        "macros.html",
        "macro_user.html",
        "by_name.html",
        "by_attr.html",
    }
    # An outside plugin's filter may read the body of the article it gets.
    assert analyser.inputs("index.html").filters == {"length"}
    assert analyser.inputs("by_name.html").filters == {"map", "join"}


def test_template_analysis_is_kept_with_the_parses(tmp_path):
    templates = {"index.html": "{% set h = articles[0] %}{{ h.content }}"}
    parsed: dict = {}
    TemplateAnalyser(Environment(loader=DictLoader(templates)), parsed).inputs("index.html")
    save_parsed(tmp_path / "templates.json", "build-1", parsed)
    kept = load_parsed(tmp_path / "templates.json", "build-1")
    assert kept == parsed
    again = TemplateAnalyser(Environment(loader=DictLoader(templates)), kept)
    assert again.inputs("index.html").lists_bodies


def headline_length_after_an_edit(site, tmp_path: Path, shown: str, plugin=None) -> None:
    """The newsroom with a copy of the theme whose home page shows `shown`
    (the headline's body length, one way or another) in `<p id="panjang">`,
    built cold, then warm after two paragraphs are added to the headline
    (which has a `Summary:`), with the outside plugin `plugin` ((name,
    source) or None); the warm output must equal a clean build's."""
    files = newsroom(site)
    theme = tmp_path / "theme"
    shutil.copytree(REPO / "theme", theme)
    index = theme / "templates" / "index.html"
    marker = '<section class="headline" aria-labelledby="headline-title">'
    text = index.read_text(encoding="utf-8")
    assert marker in text
    index.write_text(text.replace(marker, f'{marker}<p id="panjang">{shown}</p>', 1), "utf-8")

    def build():
        if plugin is None:
            built = site.build(SEARCH_ENABLED=False, THEME=str(theme))
        else:
            built = build_with_outside_plugin(site, tmp_path, *plugin, THEME=str(theme))
        assert built.returncode == 0, built.log
        return int(built.html("").find(id="panjang").get_text())

    before = build()
    headline = files["rilis-6"]
    assert "Summary:" in headline.read_text(encoding="utf-8")
    append_text(headline, "\nParagraf tambahan pertama.\n\nParagraf tambahan kedua.\n")
    assert build() > before

    clean = clean_build_with(site, tmp_path, plugin and plugin[0], THEME=str(theme))
    assert_same_tree(site.output, clean.output)


def test_a_theme_listing_that_shows_a_body_follows_the_body(site, tmp_path):
    """The home page shows the length of the headline's body; the headline
    has a `Summary:`, so its body was left out of the home page's digest
    and two new paragraphs left the home page stale."""
    headline_length_after_an_edit(site, tmp_path, "{{ headline.content | length }}")


FILTER_PLUGIN = textwrap.dedent(
    '''
    """An outside plugin giving templates a filter that reads an article's body."""
    from pelican import signals


    def luar_panjang(article):
        return len(article.content)


    def generator_init(generator):
        env = getattr(generator, "env", None)
        if env is not None:
            env.filters["luar_panjang"] = luar_panjang


    def register():
        signals.generator_init.connect(generator_init)
    '''
)


def test_a_theme_listing_with_an_outside_filter_follows_the_body(site, tmp_path):
    """The same through an outside plugin's filter given the headline: no
    `.content` in the template, the filter reads it."""
    plugin = ("panjang", FILTER_PLUGIN)
    headline_length_after_an_edit(site, tmp_path, "{{ headline | luar_panjang }}", plugin)


NOTE_PLUGIN = textwrap.dedent(
    '''
    """An outside plugin keeping a note on each Tag and Author, from a file of
    its own (as a plugin keeps a count of articles or a description)."""
    import os

    from pelican import signals


    def note(generator):
        with open(os.environ["OUTSIDE_NOTE"], encoding="utf-8") as handle:
            text = handle.read().strip()
        for article in generator.articles:
            for wrapper in [*article.tags, article.author]:
                wrapper.luar_catatan = f"{text} {wrapper.name}"


    def register():
        signals.article_generator_finalized.connect(note)
    '''
)


def test_an_attribute_a_plugin_sets_on_a_tag_or_author_is_a_page_input(site, tmp_path, monkeypatch):
    """Tags, categories and authors were described by name, slug and address
    only: what an outside plugin keeps on them (a count of articles after one
    was deleted, a description) stayed stale on pages reused by a warm build."""
    newsroom(site)
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    article = (REPO / "theme" / "templates" / "article.html").read_text(encoding="utf-8")
    head, tail = article.rsplit("{% endblock %}", 1)
    (overrides / "article.html").write_text(
        head + '<p class="luar">{{ article.author.luar_catatan }}'
        "{% for tag in article.tags %}; {{ tag.luar_catatan }}{% endfor %}</p>"
        "{% endblock %}" + tail,
        encoding="utf-8",
    )
    theme = {"THEME_TEMPLATES_OVERRIDES": [str(overrides)]}
    note = tmp_path / "catatan.txt"
    monkeypatch.setenv("OUTSIDE_NOTE", str(note))
    note.write_text("lama", encoding="utf-8")
    cold = build_with_outside_plugin(site, tmp_path, "catatan", NOTE_PLUGIN, **theme)
    assert cold.returncode == 0, cold.log
    note.write_text("baru", encoding="utf-8")
    warm = build_with_outside_plugin(site, tmp_path, "catatan", NOTE_PLUGIN, **theme)
    assert warm.returncode == 0, warm.log
    shown = warm.html("berita/2024/10/rilis-1/").find("p", class_="luar").get_text()
    assert [part.split()[0] for part in shown.split("; ")] == ["baru", "baru", "baru"], shown
    clean = clean_build_with(site, tmp_path, "catatan", **theme)
    assert_same_tree(site.output, clean.output)


WRITE_ARTICLE_PLUGIN = textwrap.dedent(
    '''
    """An outside plugin adding an editor's note, read from a file, to each
    article's body in article_generator_write_article (as pelican-obsidian's
    modify_article_content works there)."""
    import os

    from pelican import signals


    def add_note(generator, content):
        with open(os.environ["OUTSIDE_NOTE"], encoding="utf-8") as handle:
            text = handle.read().strip()
        content._content = content._content + f'<p class="catatan">{text}</p>'


    def register():
        signals.article_generator_write_article.connect(add_note)
    '''
)


def test_feeds_follow_what_an_article_generator_write_article_receiver_adds(
    site, tmp_path, monkeypatch
):
    """The feeds were digested before the receivers ran and made after: a warm
    build kept every Atom feed with the old note while the pages and feed.json
    showed the new one."""
    newsroom(site)
    note = tmp_path / "catatan.txt"
    note.write_text("Catatan redaksi lama.", encoding="utf-8")
    monkeypatch.setenv("OUTSIDE_NOTE", str(note))
    cold = build_with_outside_plugin(site, tmp_path, "catatan", WRITE_ARTICLE_PLUGIN)
    assert cold.returncode == 0, cold.log
    note.write_text("Catatan redaksi baru.", encoding="utf-8")
    warm = build_with_outside_plugin(site, tmp_path, "catatan", WRITE_ARTICLE_PLUGIN)
    assert warm.returncode == 0, warm.log
    atom = etree.fromstring((warm.output / "feed.xml").read_bytes())
    contents = [
        BeautifulSoup(entry.findtext("a:content", "", ATOM), "lxml")
        for entry in atom.iterfind("a:entry", ATOM)
    ]
    assert contents
    notes = {html.find("p", class_="catatan").get_text() for html in contents}
    assert notes == {"Catatan redaksi baru."}
    clean = clean_build_with(site, tmp_path, "catatan")
    assert_same_tree(warm.output, clean.output)


WRITE_PAGE_PLUGIN = textwrap.dedent(
    '''
    """An outside plugin putting the number of releases in each page's title
    in page_generator_write_page."""
    from pelican import signals


    def count(generator, content):
        content.title = content.title + f" ({len(generator.context['articles'])} rilis)"


    def register():
        signals.page_generator_write_page.connect(count)
    '''
)


def test_a_page_follows_what_a_page_generator_write_page_receiver_changes(site, tmp_path):
    """The page's stamp was taken when the article pages (whose footer lists
    the pages) were digested, before the receiver ran: a release added, the
    warm build kept `Kontak (3 rilis)` where the clean one says 4."""
    files = newsroom(site)
    cold = build_with_outside_plugin(site, tmp_path, "hitung", WRITE_PAGE_PLUGIN)
    assert cold.returncode == 0, cold.log
    site.article("tambahan.md", slug="rilis-tambahan", title="Bawaslu Gelar Rapat Tambahan")
    warm = build_with_outside_plugin(site, tmp_path, "hitung", WRITE_PAGE_PLUGIN)
    assert warm.returncode == 0, warm.log
    title = warm.html("kontak/").title.get_text()
    assert title.startswith(f"Kontak ({len(files) + 1} rilis)"), title
    clean = clean_build_with(site, tmp_path, "hitung")
    assert_same_tree(warm.output, clean.output)


WRITER_FINALIZED_PLUGIN = textwrap.dedent(
    '''
    """An outside plugin marking every article's title with the number of
    tags in article_writer_finalized (listed after `writer`)."""
    from pelican import signals


    def mark(generator, writer):
        total = len(generator.tags)
        for article in generator.articles:
            article.title = article.title + f" [{total} tag]"


    def register():
        signals.article_writer_finalized.connect(mark)
    '''
)


def test_pages_written_later_follow_what_an_article_writer_finalized_receiver_changes(
    site, tmp_path
):
    """The region and official pages and feed.json are written after
    article_writer_finalized and show the marked titles; their digests used
    each article's stamp from before the receiver ran: a tag added, the warm
    build kept the old count."""
    files = newsroom(site)
    cold = build_with_outside_plugin(site, tmp_path, "tanda", WRITER_FINALIZED_PLUGIN)
    assert cold.returncode == 0, cold.log
    text = files["rilis-3"].read_text(encoding="utf-8")
    files["rilis-3"].write_text(text.replace("Tags: ", "Tags: Apel Siaga, ", 1), encoding="utf-8")
    warm = build_with_outside_plugin(site, tmp_path, "tanda", WRITER_FINALIZED_PLUGIN)
    assert warm.returncode == 0, warm.log
    clean = clean_build_with(site, tmp_path, "tanda")
    titles = {item["title"] for item in clean.json("feed.json")["items"]}
    assert len({title.rsplit("[", 1)[1] for title in titles}) == 1, titles
    assert {item["title"] for item in warm.json("feed.json")["items"]} == titles
    assert_same_tree(warm.output, clean.output)


WRITE_TITLE_PLUGIN = textwrap.dedent(
    '''
    """An outside plugin adding an edition, read from a file, to each
    article's title in article_generator_write_article (after the first
    feed is collected, before the articles' pages are)."""
    import os

    from pelican import signals


    def add_edition(generator, content):
        with open(os.environ["OUTSIDE_EDITION"], encoding="utf-8") as handle:
            edition = handle.read().strip()
        content.title = f"{content.title} ({edition})"


    def register():
        signals.article_generator_write_article.connect(add_edition)
    '''
)


def test_pages_follow_an_article_state_a_write_signal_receiver_changes(site, tmp_path, monkeypatch):
    """The article stamps are taken early, in the background, from the first
    page or feed collected, when warta's plugins have done with the articles;
    an outside receiver of a write signal changes them after that: with the
    stamps taken then, the warm build kept every page with the last
    edition's titles."""
    newsroom(site)
    edition = tmp_path / "edisi.txt"
    edition.write_text("edisi pagi", encoding="utf-8")
    monkeypatch.setenv("OUTSIDE_EDITION", str(edition))
    cold = build_with_outside_plugin(site, tmp_path, "edisi", WRITE_TITLE_PLUGIN)
    assert cold.returncode == 0, cold.log
    edition.write_text("edisi sore", encoding="utf-8")
    warm = build_with_outside_plugin(site, tmp_path, "edisi", WRITE_TITLE_PLUGIN)
    assert warm.returncode == 0, warm.log
    heading = warm.html("berita/2024/10/rilis-1/").h1.get_text(" ", strip=True)
    assert heading.endswith("(edisi sore)"), heading
    clean = clean_build_with(site, tmp_path, "edisi")
    assert_same_tree(warm.output, clean.output)
