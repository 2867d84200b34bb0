"""plugins/writer keeps Pelican's contract with outside plugins (issue 16, item 3).

An outside plugin, written as third parties write them (signals only, no
knowledge of warta), listens to `content_written`, `feed_generated`,
`feed_written` and `finalized`, and writes a file next to every page. Built
cold, then warm with nothing changed, then warm after one edit: every signal
fires for every file on every build, `feed_generated` in the process that runs
`finalized`, and the files it wrote survive.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from bs4 import BeautifulSoup
from lxml import etree

from conftest import (
    REPO,
    append_text,
    article_text,
    assert_same_tree,
    build_with_outside_plugin,
    clean_build_with,
    newsroom,
    run_build,
)
from warta.build import load_settings

OUTSIDE_PLUGIN = textwrap.dedent(
    '''
    """An outside plugin: records the signals it gets, writes a file beside each page."""
    import json
    import os

    from pelican import signals

    RECORD = os.environ["OUTSIDE_RECORD"]
    seen = {"content_written": [], "feed_generated": [], "feed_written": [], "finalized": []}


    def content_written(path, context):
        seen["content_written"].append(path)
        with open(path + ".sidecar", "w", encoding="utf-8") as handle:
            handle.write("outside")


    def feed_generated(context, feed):
        seen["feed_generated"].append([os.getpid(), len(feed.items)])


    def feed_written(path, context, feed):
        seen["feed_written"].append(path)


    def finalized(pelican):
        seen["finalized"].append(os.getpid())
        with open(RECORD, "w", encoding="utf-8") as handle:
            json.dump(seen, handle)


    def register():
        signals.content_written.connect(content_written)
        signals.feed_generated.connect(feed_generated)
        signals.feed_written.connect(feed_written)
        signals.finalized.connect(finalized)
    '''
)


def build_recording(site, tmp_path: Path, name: str, monkeypatch) -> dict:
    record = tmp_path / f"{name}.json"
    monkeypatch.setenv("OUTSIDE_RECORD", str(record))
    built = build_with_outside_plugin(site, tmp_path, "outside", OUTSIDE_PLUGIN)
    assert built.returncode == 0, built.log
    return json.loads(record.read_text(encoding="utf-8")) | {"output": built.output}


def pages(output: Path) -> set[str]:
    """Pages the writer produced (the CMS plugin copies /admin/ itself)."""
    return {str(p) for p in output.rglob("*.html") if p.relative_to(output).parts[0] != "admin"}


def feeds(output: Path) -> set[str]:
    return {str(p) for p in output.rglob("*.xml") if p.name not in ("sitemap.xml",)} - {
        str(p) for p in output.rglob("*sitemap*.xml")
    }


def check_every_file_announced(seen: dict) -> None:
    output = seen["output"]
    assert set(seen["content_written"]) == pages(output)
    assert set(seen["feed_written"]) == feeds(output)
    [parent] = seen["finalized"]
    assert {pid for pid, _ in seen["feed_generated"]} == {parent}
    assert len(seen["feed_generated"]) == len(feeds(output))
    for page in pages(output):
        assert Path(page + ".sidecar").is_file(), page


def test_outside_plugins_see_every_file_on_cold_and_warm_builds(site, tmp_path, monkeypatch):
    files = newsroom(site)
    cold = build_recording(site, tmp_path, "cold", monkeypatch)
    check_every_file_announced(cold)
    assert len(cold["content_written"]) > 20 and len(cold["feed_written"]) > 3

    warm = build_recording(site, tmp_path, "warm", monkeypatch)  # nothing changed
    check_every_file_announced(warm)
    assert set(warm["content_written"]) == set(cold["content_written"])

    edited = files["rilis-2"]
    append_text(edited, "\nTambahan.\n")
    after_edit = build_recording(site, tmp_path, "edit", monkeypatch)
    check_every_file_announced(after_edit)


GENERATOR_PLUGIN = textwrap.dedent(
    '''
    """An outside plugin with a generator of its own, writing through the writer
    with templates the theme does not have: one from a string (no loader, no
    name), one from its own loader."""
    import os

    from jinja2 import DictLoader, Environment, Template
    from pelican import signals
    from pelican.generators import Generator


    class Extra(Generator):
        def generate_context(self):
            pass

        def generate_output(self, writer):
            value = os.environ["OUTSIDE_VALUE"]
            loader = DictLoader({"x.html": "<p>{{ value }} {{ articles|length }}</p>"})
            page = Environment(loader=loader).get_template("x.html")
            writer.write_file("luar/muat/index.html", page, self.context, value=value)
            text = Template("<p>{{ value }}</p>")
            writer.write_file("luar/teks/index.html", text, self.context, value=value)


    def get_generators(pelican):
        return Extra


    def register():
        signals.get_generators.connect(get_generators)
    '''
)


def test_an_outside_generator_writes_with_templates_of_its_own(site, tmp_path, monkeypatch):
    """A template made from a string has no loader: the writer once stopped the
    build trying to read its source. Such a page renders on every build; a page
    from the plugin's own loader is reused only while its inputs are the same."""
    newsroom(site)
    for value in ("pertama", "pertama", "kedua"):
        monkeypatch.setenv("OUTSIDE_VALUE", value)
        built = build_with_outside_plugin(site, tmp_path, "generator", GENERATOR_PLUGIN)
        assert built.returncode == 0, built.log
        assert built.html("luar/teks/").p.get_text() == value
        shown, articles = built.html("luar/muat/").p.get_text().split()
        assert shown == value and int(articles) > 0


REWRITING_PLUGIN = textwrap.dedent(
    '''
    """An outside plugin that rewrites what was written, as minifiers and image
    processors do: a mark in every page's head and at the end of every feed."""
    from pelican import signals


    def rewrite(path, before, mark):
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        head, tail = text.rsplit(before, 1)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(head + mark + before + tail)


    def content_written(path, context):
        rewrite(path, "</head>", '<meta name="diproses-luar" content="ya">')


    def feed_written(path, context, feed):
        rewrite(path, "</", '<diproses xmlns="urn:luar"/>')


    def register():
        signals.content_written.connect(content_written)
        signals.feed_written.connect(feed_written)
    '''
)


def marks(output: Path) -> dict[str, int]:
    """How many marks the rewriting plugin left in each page and feed."""
    found = {}
    for page in pages(output):
        head = BeautifulSoup(Path(page).read_text(encoding="utf-8"), "html.parser").head
        found[page] = len(head.find_all("meta", attrs={"name": "diproses-luar"}))
    for feed in feeds(output):
        root = etree.parse(feed).getroot()
        found[feed] = len(root.findall("{urn:luar}diproses"))
    return found


def test_a_file_an_outside_plugin_rewrote_is_rendered_again(site, tmp_path):
    """A page kept from the last build must reach `content_written` as the
    writer wrote it, not with the plugin's own change in it: rewritten twice, a
    minifier's or an image processor's output would differ from a clean build."""
    files = newsroom(site)
    for step in ("cold", "warm", "edit"):
        if step == "edit":
            append_text(files["rilis-3"], "\nTambahan.\n")
        built = build_with_outside_plugin(site, tmp_path, "rewriting", REWRITING_PLUGIN)
        assert built.returncode == 0, built.log
        found = marks(built.output)
        assert len(found) > 20 and set(found.values()) == {1}, (step, found)
    clean = clean_build_with(site, tmp_path, "rewriting")
    assert_same_tree(built.output, clean.output)


BLOCKING_PLUGIN = textwrap.dedent(
    '''
    """An outside plugin that writes a file of its own, `luar`, into the output
    before the pages are written, without declaring it."""
    import os

    from pelican import signals
    from pelican.generators import Generator


    class Blocking(Generator):
        def generate_context(self):
            os.makedirs(self.output_path, exist_ok=True)
            with open(os.path.join(self.output_path, "luar"), "w", encoding="utf-8") as handle:
                handle.write("luar")


    def get_generators(pelican):
        return Blocking


    def register():
        signals.get_generators.connect(get_generators)
    '''
)


def test_a_page_that_cannot_be_saved_is_one_error_and_the_rest_is_written(site, tmp_path):
    """`Slug: luar` needs a folder where an outside plugin put a file: the
    write fails (the build once stopped with a traceback). The page is named
    in one error; every other page is written."""
    newsroom(site)
    site.page("luar.md", "Title: Halaman Luar\nSlug: luar\n\nIsi.\n")
    built = build_with_outside_plugin(site, tmp_path, "blocking", BLOCKING_PLUGIN)

    assert built.returncode == 1, built.log
    assert "Traceback" not in built.log and "build stopped" not in built.log, built.log
    [error] = built.log_lines("error")
    assert error.startswith("halaman/luar.md: page not written: it cannot be saved"), error
    assert (built.output / "luar").read_text(encoding="utf-8") == "luar"
    assert built.html("").title is not None
    assert built.html("berita/2024/10/rilis-1/").h1 is not None


COUNTING_PLUGIN = textwrap.dedent(
    '''
    """An outside plugin that adds to every feed a subtitle counting the site's articles."""
    from pelican import signals


    def feed_generated(context, feed):
        feed.feed["subtitle"] = f"{len(context['articles'])} rilis di situs ini"


    def register():
        signals.feed_generated.connect(feed_generated)
    '''
)


def test_what_a_feed_generated_receiver_changes_is_current_on_a_warm_build(site, tmp_path):
    """The receiver reads the whole build: a feed reused by its items' digest
    kept last build's count ("5 rilis" after a sixth was added)."""
    newsroom(site)
    built = build_with_outside_plugin(site, tmp_path, "counting", COUNTING_PLUGIN)
    assert built.returncode == 0, built.log
    site.article(
        "rilis-baru.md",
        slug="rilis-baru",
        title="Bawaslu Kota Palembang Gelar Rapat Pengawasan Tahapan Tambahan",
        date="2024-09-01 09:00",
    )
    warm = build_with_outside_plugin(site, tmp_path, "counting", COUNTING_PLUGIN)
    assert warm.returncode == 0, warm.log
    count = len(list(site.content.rglob("berita/*.md")))
    subtitles = {
        str(feed): etree.parse(feed).getroot().findtext("{http://www.w3.org/2005/Atom}subtitle")
        for feed in map(Path, feeds(warm.output))
    }
    assert subtitles and set(subtitles.values()) == {f"{count} rilis di situs ini"}, subtitles


def test_a_partial_that_fails_on_every_page_is_one_error_at_its_line(site, tmp_path):
    """A theme override's footer reading a variable of a plugin since removed:
    an error per page (a hundred), each blaming a release and its Template:
    line; the template's file and line were never named."""
    newsroom(site)
    overrides = tmp_path / "overrides" / "partials"
    overrides.mkdir(parents=True)
    footer = (REPO / "theme" / "templates" / "partials" / "footer.html").read_text(encoding="utf-8")
    (overrides / "footer.html").write_text("{{ data_luar.status }}\n" + footer, encoding="utf-8")
    built = run_build(
        site.content,
        site.output,
        overrides={"SEARCH_ENABLED": False, "THEME_TEMPLATES_OVERRIDES": [str(overrides.parent)]},
    )
    assert built.returncode == 1
    errors = built.findings("error")
    assert len(errors) == 1, built.log
    [error] = errors
    assert error.path.endswith("overrides/partials/footer.html") and error.line == 1, error
    assert "pages not written: the template failed (UndefinedError: 'data_luar' is undefined)" in (
        error.message
    ), error


def test_one_template_line_failing_with_a_message_per_page_is_one_error(site, tmp_path):
    """The error names what differs per page ("… no attribute 'uji-10-…'"):
    one template line was an error per page; and a template failing on one
    page only was said without the template's line."""
    newsroom(site)
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    article = (REPO / "theme" / "templates" / "article.html").read_text(encoding="utf-8")
    # Line 1 is the title block every article's page renders (the theme's
    # own title block renamed, so as not to define it twice).
    lines = [
        "{% block title %}{{ article[article.slug].boom }}{% endblock %}\n",
        *article.replace("{% block title %}", "{% block unused_title %}").splitlines(True),
    ]

    def build():
        (overrides / "article.html").write_text("".join(lines), encoding="utf-8")
        return run_build(
            site.content,
            site.output,
            overrides={"SEARCH_ENABLED": False, "THEME_TEMPLATES_OVERRIDES": [str(overrides)]},
        )

    built = build()
    assert built.returncode == 1
    errors = built.findings("error")
    assert [(Path(e.path).name, e.line) for e in errors] == [("article.html", 1)], built.log
    pages = len(list(site.content.rglob("berita/**/*.md")))
    assert errors[0].message.startswith(f"{pages} pages not written"), errors

    slug = sorted(p.stem for p in site.content.rglob("berita/**/*.md"))[0]
    lines[0] = (
        "{% block title %}{% if article.source_path.endswith('/"
        + slug
        + ".md') %}{{ article.x.y }}{% endif %}{% endblock %}\n"
    )
    built = build()
    [error] = built.findings("error")
    assert error.path.endswith(f"{slug}.md") and "page not written" in error.message, error
    assert "article.html:1 (or the plugin that writes this page)" in error.message, error


FAILING_PLUGIN = textwrap.dedent(
    '''
    """An outside plugin whose handler assumes every file is an article's page."""
    from pelican import signals


    def content_written(path, context):
        return context["article"].title


    def register():
        signals.content_written.connect(content_written)
    '''
)


def test_an_outside_plugin_that_stops_the_build_is_named_with_its_line(site, tmp_path):
    """It said only "build stopped: KeyError: 'article'": which plugin, where?"""
    newsroom(site)
    built = build_with_outside_plugin(site, tmp_path, "gagal", FAILING_PLUGIN)
    assert built.returncode == 1
    [error] = built.findings("error")
    stopped = "build stopped: KeyError: 'article' (in plugin 'gagal', "
    assert error.message.startswith(stopped), error
    assert "gagal/__init__.py:7)" in error.message, error
    assert "Traceback" not in built.log


LATE_FAILING_PLUGIN = textwrap.dedent(
    '''
    """An outside generator, listed after every shipped plugin (so after the
    writer's last flush), whose template fails."""
    from jinja2 import Environment, StrictUndefined
    from pelican import signals
    from pelican.generators import Generator


    class Statistik(Generator):
        def generate_context(self):
            pass

        def generate_output(self, writer):
            template = Environment(undefined=StrictUndefined).from_string("{{ jumlah.rilis }}")
            writer.write_file("statistik/index.html", template, self.context)
            for year in (2023, 2024):
                writer.write_file(f"statistik/{year}/index.html", template, self.context)


    def get_generators(pelican):
        return Statistik


    def register():
        signals.get_generators.connect(get_generators)
    '''
)


def test_a_page_that_fails_after_the_writers_last_flush_is_still_said(site, tmp_path):
    newsroom(site)
    built = build_with_outside_plugin(site, tmp_path, "statistik", LATE_FAILING_PLUGIN)
    assert built.returncode == 1, built.log
    said = [e for e in built.log_lines("error") if "statistik/" in e]
    # One cause, one line, with advice that fits (no Template: line here).
    assert [e.split(" (")[0] for e in said] == [
        "statistik/index.html: 3 pages not written: the template failed"
    ], built.log
    assert "mend the template (or the plugin that writes these pages)" in said[0]


def test_releases_with_a_wrong_template_line_are_each_named(site):
    """Two releases with `Template: page` were one error blaming the theme's
    page.html; each is its own Template: line's fault."""
    for number in (1, 2):
        site.article(
            f"salah-{number}.md",
            title=f"Bawaslu Kota Palembang Gelar Rapat Koordinasi Ke-{number}",
            slug=f"salah-{number}",
            template="page",
        )
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 1
    said = sorted(e.split(": page not written")[0] for e in built.log_lines("error"))
    assert said == ["berita/salah-1.md:8", "berita/salah-2.md:8"], built.log
    assert all("remove the Template: line" in e for e in built.log_lines("error"))


def test_a_release_whose_own_template_fails_is_said_at_its_template_line(site, tmp_path):
    """`Template: berita-khusus` (in the theme, failing on this release) was
    said at the file alone: which line, which template?"""
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "berita-khusus.html").write_text(
        '{% extends "base.html" %}{% block content %}{{ article.data_khusus.judul }}'
        "{% endblock %}\n",
        encoding="utf-8",
    )
    site.article(
        "khusus.md",
        title="Bawaslu Kota Palembang Gelar Rapat Koordinasi Khusus",
        slug="khusus",
        template="berita-khusus",
    )
    site.page(
        "profil.md",
        "Title: Profil Bawaslu Kota Palembang\nSlug: profil\nTemplate: article\n\nProfil.\n",
    )
    built = site.build(SEARCH_ENABLED=False, THEME_TEMPLATES_OVERRIDES=[str(overrides)])
    assert built.returncode == 1, built.log
    assert sorted((f.path, f.line, f.level) for f in built.findings()) == [
        ("content/berita/khusus.md", 8, "error"),
        ("content/halaman/profil.md", 3, "error"),
    ], built.log
    said = {f.path: f.message for f in built.findings()}
    assert said["content/berita/khusus.md"].startswith(
        "page not written: its template failed (UndefinedError: "
    ), said
    assert said["content/berita/khusus.md"].endswith(
        ": 'Template: berita-khusus' (remove the Template: line, or ask the web team)"
    ), said
    assert said["content/halaman/profil.md"].endswith(
        ": 'Template: article' (remove the Template: line, or ask the web team)"
    ), said


def build_with_broken_footer(site, tmp_path: Path, name: str, source: str):
    """The newsroom site with a theme override whose footer reads a variable
    no plugin gives, and the outside plugin `name` listed after every shipped one."""
    newsroom(site)
    overrides = tmp_path / "overrides" / "partials"
    overrides.mkdir(parents=True)
    footer = (REPO / "theme" / "templates" / "partials" / "footer.html").read_text(encoding="utf-8")
    (overrides / "footer.html").write_text("{{ data_luar.status }}\n" + footer, encoding="utf-8")
    package = tmp_path / "outside-plugins" / name
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(source, encoding="utf-8")
    settings = load_settings(REPO / "pelicanconf.py")
    return run_build(
        site.content,
        site.output,
        overrides={
            "SEARCH_ENABLED": False,
            "THEME_TEMPLATES_OVERRIDES": [str(overrides.parent)],
            "PLUGIN_PATHS": [*settings["PLUGIN_PATHS"], str(package.parent)],
            "PLUGINS": [*settings["PLUGINS"], name],
        },
    )


LATE_THEME_PLUGIN = textwrap.dedent(
    '''
    """An outside generator listed last that renders the theme's 404 page."""
    from pelican import signals
    from pelican.generators import Generator


    class Statistik(Generator):
        def generate_context(self):
            pass

        def generate_output(self, writer):
            writer.write_file("statistik/index.html", self.get_template("404"), self.context)


    def get_generators(pelican):
        return Statistik


    def register():
        signals.get_generators.connect(get_generators)
    '''
)


def test_one_template_cause_is_one_line_with_the_pages_of_late_generators_counted(site, tmp_path):
    """A broken partial also hit by a generator after the writer's last flush
    was said twice, with the pages split between the two lines."""
    built = build_with_broken_footer(site, tmp_path, "statistik", LATE_THEME_PLUGIN)
    assert built.returncode == 1
    [error] = built.findings("error")
    assert error.path.endswith("overrides/partials/footer.html"), error
    written = {p.relative_to(site.output).as_posix() for p in site.output.rglob("*.html")}
    assert "statistik/index.html" not in written
    count = int(error.message.split(" pages not written")[0])
    assert count > 20, error


EXPLODING_PLUGIN = textwrap.dedent(
    '''
    """An outside generator listed last that stops the build."""
    from pelican import signals
    from pelican.generators import Generator


    class Meledak(Generator):
        def generate_context(self):
            pass

        def generate_output(self, writer):
            raise RuntimeError("statistik: data tidak lengkap")


    def get_generators(pelican):
        return Meledak


    def register():
        signals.get_generators.connect(get_generators)
    '''
)


def test_a_build_that_stops_early_still_says_the_pages_it_did_not_write(site, tmp_path):
    """The template's error, held until `finalized`, was lost when a later
    generator stopped the build before it."""
    built = build_with_broken_footer(site, tmp_path, "meledak", EXPLODING_PLUGIN)
    assert built.returncode == 1
    messages = sorted(e.message.split(" (")[0] for e in built.findings("error"))
    assert len(messages) == 2, built.log
    assert messages[1].startswith("build stopped: RuntimeError: statistik: data tidak lengkap")
    assert "pages not written: the template failed" in messages[0], messages


STOP_AFTER_ARTICLES = textwrap.dedent(
    '''
    """An outside plugin, listed after the writer, that stops the build once
    the article pages are written."""
    from pelican import signals


    def stop(generator, writer):
        raise RuntimeError("berhenti setelah artikel")


    def register():
        signals.article_writer_finalized.connect(stop)
    '''
)


def test_a_failed_article_page_is_said_when_the_build_stops_after_the_articles(site, tmp_path):
    """The article flush's failures were held past it and lost when a plugin
    stopped the build at article_writer_finalized."""
    newsroom(site)
    site.article(
        "salah.md",
        title="Bawaslu Kota Palembang Gelar Rapat Koordinasi Templat Salah",
        slug="salah",
        template="page",
    )
    built = build_with_outside_plugin(site, tmp_path, "henti", STOP_AFTER_ARTICLES)
    assert built.returncode == 1
    said = sorted(e.split(" (")[0] for e in built.log_lines("error"))
    assert said == [
        "berita/salah.md:8: page not written: its template failed",
        "build stopped: RuntimeError: berhenti setelah artikel",
    ], built.log


CHECKED_PLUGIN = textwrap.dedent(
    '''
    """An outside plugin that writes beside the pages once they are written
    (as pelican-show-source copies each source) and, from its own generator,
    a page through the writer and a file of its own (as pelican-redirect)."""
    import os

    from pelican import signals
    from pelican.generators import Generator

    sources = []


    def note(generator):
        for article in generator.articles:
            folder = os.path.dirname(os.path.join(generator.output_path, article.save_as))
            sources.append((article.source_path, os.path.join(folder, "sumber.txt")))


    def copy_sources(*args, **kwargs):
        for source, target in sources:
            with open(source, encoding="utf-8") as read, open(target, "w") as written:
                written.write(read.read())


    class Pengalihan(Generator):
        def generate_output(self, writer):
            writer.write_file(
                "lama/rilis.html", self.get_template("page"), self.context,
                page={"title": "Dialihkan", "content": "Dialihkan"},
            )
            with open(os.path.join(self.output_path, "pengalihan.txt"), "w") as handle:
                handle.write("lama/rilis.html")


    def generators(pelican):
        return Pengalihan


    def register():
        signals.article_generator_finalized.connect(note)
        signals.page_writer_finalized.connect(copy_sources)
        signals.get_generators.connect(generators)
    '''
)


def test_a_check_with_an_outside_plugin_that_writes_beside_the_pages_finds_no_problem(
    site, tmp_path
):
    """`invoke check` (WARTA_CHECK_ONLY) stopped with FileNotFoundError where an
    outside plugin wrote beside the pages (pelican-show-source: the page
    folders never existed), and blamed a release for a page an outside
    generator wrote after the writer's last flush ("'NoneType' object is not
    callable", pelican-redirect). It finds what the build finds: nothing."""
    site.article("rapat.md", article_text(slug="rapat-koordinasi-pengawasan"))
    checked = build_with_outside_plugin(
        site, tmp_path, "pengalihan", CHECKED_PLUGIN, WARTA_CHECK_ONLY=True
    )
    assert checked.returncode == 0, checked.log
    assert not (checked.output / "lama" / "rilis.html").exists()  # a check writes no page
    built = build_with_outside_plugin(site, tmp_path, "pengalihan", CHECKED_PLUGIN)
    assert built.returncode == 0, built.log
    assert (built.output / "lama" / "rilis.html").is_file(), built.log
    assert (built.output / "berita/2024/11/rapat-koordinasi-pengawasan/sumber.txt").is_file()
    assert sorted(checked.findings()) == sorted(built.findings())


NOT_REGISTERING_PLUGIN = textwrap.dedent(
    '''
    """An outside plugin whose register() fails (a setting it needs is missing)."""
    from pelican import signals


    def register():
        raise RuntimeError("STATISTIK_SUMBER belum diatur")
    '''
)


def test_a_plugin_whose_register_fails_is_one_line_with_its_reason_and_place(site, tmp_path):
    """Pelican logs the failure with its traceback and goes on without the
    plugin; the build said only "Cannot register plugin `statistik`": why, where?"""
    newsroom(site)
    built = build_with_outside_plugin(site, tmp_path, "statistik", NOT_REGISTERING_PLUGIN)
    assert built.returncode == 1
    assert "Traceback" not in built.log
    [error] = built.findings("error")
    assert error.message == (
        "plugin 'statistik' not registered: RuntimeError: STATISTIK_SUMBER belum diatur "
        "(in plugin 'statistik', statistik/__init__.py:7) "
        "(mend its register function, or take it out of PLUGINS)"
    ), error
    assert built.html("berita/2024/10/rilis-1/").h1 is not None  # the rest is built


PAGE_READING_PLUGIN = textwrap.dedent(
    '''
    """An outside plugin that reads each release's page at `finalized`, as a
    search indexer does (pelican-search hands Stork the pages' files)."""
    import json
    import os

    from pelican import signals

    pages = []


    def note(generator):
        pages.extend(article.save_as for article in generator.articles)


    def index(pelican):
        sizes = {}
        for save_as in pages:
            with open(os.path.join(pelican.output_path, save_as), "rb") as handle:
                sizes[save_as] = len(handle.read())
        with open(os.path.join(pelican.output_path, "indeks.json"), "w") as handle:
            json.dump(sizes, handle)


    def register():
        signals.article_generator_finalized.connect(note)
        signals.finalized.connect(index)
    '''
)


def test_a_check_with_an_outside_plugin_reading_the_pages_at_finalized_is_not_stopped(
    site, tmp_path
):
    """`invoke check` writes no page: such a plugin stopped it with "build
    stopped: FileNotFoundError: … output/berita/…/index.html (in plugin
    'indeks', …)", an error the build does not have. The check says, without
    failing, that the plugin could not run to its end without pages."""
    site.article("rapat.md", article_text(slug="rapat-koordinasi-pengawasan"))
    checked = build_with_outside_plugin(
        site, tmp_path, "indeks", PAGE_READING_PLUGIN, WARTA_CHECK_ONLY=True
    )
    assert checked.returncode == 0, checked.log
    assert checked.findings("error") == [] and checked.findings("warning") == [], checked.log
    [said] = checked.findings("suggestion")
    assert said.message.startswith(
        "plugin 'indeks' stopped at finalized, where it needs the pages a check does not "
        "write (FileNotFoundError: "
    ), said
    built = build_with_outside_plugin(site, tmp_path, "indeks", PAGE_READING_PLUGIN)
    assert built.returncode == 0, built.log
    assert built.json("indeks.json") == {
        "berita/2024/11/rapat-koordinasi-pengawasan/index.html": (
            built.output / "berita/2024/11/rapat-koordinasi-pengawasan/index.html"
        )
        .stat()
        .st_size
    }


BROKEN_AT_FINALIZED_PLUGIN = textwrap.dedent(
    '''
    """An outside plugin whose `finalized` receiver stops every build: it
    asks a setting the site does not have."""
    from pelican import signals


    def index(pelican):
        return pelican.settings["INDEKS_BERKAS"]


    def register():
        signals.finalized.connect(index)
    '''
)


def test_a_check_with_an_outside_plugin_stopping_every_build_at_finalized_fails(site, tmp_path):
    """Only a plugin that stopped for want of a page is the check's to pass
    over (above): one that stops at `finalized` for any other reason (a
    setting it needs, a bug) stops every build, and the check said it in a
    suggestion and passed."""
    site.article("rapat.md", article_text(slug="rapat-koordinasi-pengawasan"))
    built = build_with_outside_plugin(site, tmp_path, "indeks", BROKEN_AT_FINALIZED_PLUGIN)
    assert built.returncode != 0, built.log
    checked = build_with_outside_plugin(
        site, tmp_path, "indeks", BROKEN_AT_FINALIZED_PLUGIN, WARTA_CHECK_ONLY=True
    )
    assert checked.returncode != 0, checked.log
    [said] = checked.findings("error")
    assert said.message.startswith("build stopped: KeyError: 'INDEKS_BERKAS' (in plugin 'indeks'")


PAGES_PLUGIN = textwrap.dedent(
    '''
    """An outside plugin: records each listing page's page and neighbours as the
    writer hands them to content_written."""
    import json
    import os

    from pelican import signals

    RECORD = os.environ["OUTSIDE_RECORD"]
    seen = []


    def content_written(path, context):
        page = context.get("articles_page")
        if page is None or context.get("articles_paginator") is None:
            return
        before, after = context.get("articles_previous_page"), context.get("articles_next_page")
        seen.append(
            {
                "list": id(context["articles_paginator"]),
                "number": page.number,
                "page": id(page),
                "previous": [id(before), before.number] if before is not None else None,
                "next": [id(after), after.number] if after is not None else None,
                "items": [article.slug for article in page.object_list],
                "pages": page.paginator.num_pages,
            }
        )


    def finalized(pelican):
        with open(RECORD, "w", encoding="utf-8") as handle:
            json.dump(seen, handle)


    def register():
        signals.content_written.connect(content_written)
        signals.finalized.connect(finalized)
    '''
)


def test_a_listing_pages_neighbours_are_the_pages_of_that_list(site, tmp_path, monkeypatch):
    # Each page of a list is made once; its previous and next page are the
    # very pages written before and after it (not copies made again), with
    # their numbers and articles, on a cold build and a warm one after an edit.
    files = newsroom(site)
    record = tmp_path / "pages.json"
    monkeypatch.setenv("OUTSIDE_RECORD", str(record))
    for build in ("cold", "warm"):
        if build == "warm":
            append_text(files["rilis-2"], "\n\nPembaruan: jadwal rapat diubah.\n")
        built = build_with_outside_plugin(
            site, tmp_path, "pages", PAGES_PLUGIN, DEFAULT_PAGINATION=2
        )
        assert built.returncode == 0, built.log
        seen = json.loads(record.read_text(encoding="utf-8"))
        lists: dict[int, dict[int, dict]] = {}
        for page in seen:
            lists.setdefault(page["list"], {})[page["number"]] = page
        assert any(len(pages) >= 3 for pages in lists.values()), build
        for pages in lists.values():
            assert sorted(pages) == list(range(1, pages[1]["pages"] + 1))
            for number, page in pages.items():
                before, after = pages.get(number - 1), pages.get(number + 1)
                assert page["previous"] == ([before["page"], number - 1] if before else None)
                assert page["next"] == ([after["page"], number + 1] if after else None)
            shown = [slug for number in sorted(pages) for slug in pages[number]["items"]]
            assert len(shown) == len(set(shown))
