"""plugins/writer keeps the rest of Pelican's Writer contract for outside
plugins that write pages themselves (found by trying real and hand-written
plugins): `write_feed` returns the feed, a content's page may be rewritten with
`override_output`, the pages of a generator are on disk when its
`*_writer_finalized` handlers run, a list of an outside template that shows
article bodies (or calls a Jinja global reading the build) is never stale, a
plugin that brings its own Writer does not get the site deleted, and
upgrading a plugin installed with pip renders the pages again.

Each build's output is compared with a clean build of the same content and
plugins, file for file.
"""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import (
    REPO,
    append_text,
    assert_same_tree,
    build_with_outside_plugin,
    newsroom,
    run_build,
    shipped_plugins,
)
from warta.build import load_settings

# An outside plugin, as third parties write them. Its generator runs before the
# writer's flush (it is put before `writer` in PLUGINS, where page-writing
# plugins go).
HUNT_PLUGIN = textwrap.dedent(
    '''
    """Writes a feed and reads the object back, rewrites one article's page,
    lists article bodies with its own templates, and checks in
    article_writer_finalized that the article pages are on disk."""
    import json
    import os

    import jinja2
    from pelican import signals
    from pelican.generators import Generator

    RECORD = os.environ["OUTSIDE_RECORD"]
    seen = {}


    class Hunt(Generator):
        def generate_context(self):
            pass

        def generate_output(self, writer):
            articles = self.context["articles"]
            feed = writer.write_feed(
                articles, self.context, "luar/feed.xml", feed_type="rss", feed_title="luar"
            )
            seen["feed_items"] = feed.num_items()
            env = jinja2.Environment(loader=jinja2.DictLoader({
                "daftar.html": (
                    "<ul>{% for a in articles %}<li data-panjang='{{ a.content|length }}'>"
                    "{{ a.title }}</li>{% endfor %}</ul>"
                ),
                # Nothing of the build in its context: only the global reads it.
                "terbaru.html": "<p id='terbaru'>{{ terbaru()|join('|') }}</p>",
                "timpa.html": "<p id='timpa'>DITIMPA {{ article.title }}</p>",
            }))
            env.globals["terbaru"] = lambda: [a.title for a in self.context["articles"][:50]]
            writer.write_file(
                "luar/daftar.html", env.get_template("daftar.html"), self.context,
                articles=articles,
            )
            writer.write_file("luar/terbaru.html", env.get_template("terbaru.html"), self.context)
            first = sorted(articles, key=lambda a: a.source_path)[0]
            writer.write_file(
                first.save_as, env.get_template("timpa.html"), self.context,
                override_output=True, article=first,
            )
            seen["rewritten"] = first.save_as


    def get_generators(pelican):
        return Hunt


    def finalized(pelican):
        with open(RECORD, "w", encoding="utf-8") as handle:
            json.dump(seen, handle)


    def register():
        signals.get_generators.connect(get_generators)
        signals.finalized.connect(finalized)
    '''
)

# Reads the article pages in article_writer_finalized, as pelican-show-source
# does (listed after the shipped plugins, as a third party adds one).
SOURCE_PLUGIN = textwrap.dedent(
    """
    import json
    import os

    from pelican import signals

    RECORD = os.environ["OUTSIDE_RECORD"] + ".sumber"


    def article_writer_finalized(generator, writer):
        pages = [a.save_as for a in generator.articles]
        on_disk = sum(os.path.isfile(os.path.join(generator.output_path, p)) for p in pages)
        with open(RECORD, "w", encoding="utf-8") as handle:
            json.dump({"on_disk": on_disk, "articles": len(pages)}, handle)


    def register():
        signals.article_writer_finalized.connect(article_writer_finalized)
    """
)

OWN_WRITER_PLUGIN = textwrap.dedent(
    '''
    """Brings its own Writer, as pelican-feed-stylesheet does."""
    from pelican import signals
    from pelican.writers import Writer


    class OwnWriter(Writer):
        pass


    def get_writer(pelican):
        return OwnWriter


    def register():
        signals.get_writer.connect(get_writer)
    '''
)


def with_plugin(tmp_path: Path, name: str, source: str, last: str = "", last_source="") -> dict:
    """Settings overrides that add the package `name` just before `writer`
    (and `last` after every shipped plugin)."""
    folder = tmp_path / "outside-plugins"
    for package, text in ((name, source), (last, last_source)):
        if package:
            (folder / package).mkdir(parents=True, exist_ok=True)
            (folder / package / "__init__.py").write_text(text, encoding="utf-8")
    plugins = shipped_plugins()
    plugins.insert(plugins.index("writer"), name)
    settings = load_settings(REPO / "pelicanconf.py")
    return {
        "SEARCH_ENABLED": False,
        "PLUGIN_PATHS": [*settings["PLUGIN_PATHS"], str(folder)],
        "PLUGINS": [*plugins, *([last] if last else [])],
    }


def build(site, tmp_path: Path, name: str, overrides: dict):
    folder = tmp_path / name
    return run_build(site.content, folder / "output", cache=folder / "cache", overrides=overrides)


def test_outside_generators_get_pelicans_writer_contract(site, tmp_path, monkeypatch):
    files = newsroom(site)
    overrides = with_plugin(tmp_path, "hunt", HUNT_PLUGIN, "sumber", SOURCE_PLUGIN)
    record = tmp_path / "record.json"
    monkeypatch.setenv("OUTSIDE_RECORD", str(record))
    for step in ("cold", "warm", "edit"):
        if step == "edit":
            # A body and a title change: the plugin's list shows both.
            append_text(files["rilis-3"], "\nKalimat tambahan untuk daftar luar.\n")
            text = files["rilis-2"].read_text(encoding="utf-8")
            files["rilis-2"].write_text(
                text.replace("Title: ", "Title: Diubah: ", 1), encoding="utf-8"
            )
        built = build(site, tmp_path, "incremental", overrides)
        assert built.returncode == 0, (step, built.log)
        seen = json.loads(record.read_text(encoding="utf-8"))
        assert seen["feed_items"] > 0, seen
        source = json.loads(Path(f"{record}.sumber").read_text(encoding="utf-8"))
        assert source["on_disk"] == source["articles"] > 0, (step, source)
        rewritten = built.html(seen["rewritten"].removesuffix("index.html"))
        assert rewritten.find(id="timpa").get_text().startswith("DITIMPA"), step
        listing = built.html("luar/daftar.html")
        lengths = [int(li["data-panjang"]) for li in listing.select("li")]
        assert lengths and all(lengths), step
        if step == "edit":
            assert "Diubah:" in built.html("luar/terbaru.html").find(id="terbaru").get_text()
        clean = build(site, tmp_path, f"clean-{step}", overrides)
        assert clean.returncode == 0, clean.log
        assert_same_tree(built.output, clean.output)


def test_a_plugin_with_its_own_writer_does_not_get_the_site_deleted(site, tmp_path):
    """Its `get_writer` comes before warta's: Pelican uses its Writer, which
    collects nothing here. The pages of the last build were once all taken as
    gone and deleted, with "build ok"."""
    newsroom(site)
    plain = {"SEARCH_ENABLED": False}
    first = build(site, tmp_path, "site", plain)
    assert first.returncode == 0, first.log
    before = {p.relative_to(first.output) for p in first.output.rglob("*.html")}
    second = build(site, tmp_path, "site", with_plugin(tmp_path, "ownwriter", OWN_WRITER_PLUGIN))
    assert second.returncode == 0, second.log
    after = {p.relative_to(second.output) for p in second.output.rglob("*.html")}
    assert len(before) > 20 and after == before
    # One line for one problem, naming the Writer used and the one left out.
    warned = [w for w in second.log_lines("warning") if "writer" in w.lower()]
    assert warned == [
        "writer: ownwriter.OwnWriter (another plugin's 'get_writer', listed before 'writer') "
        "writes the site, not warta's writer, so pages are not reused between builds (to let "
        "it write the site, take 'writer' out of PLUGINS; else take 'ownwriter' out)"
    ], second.log


def test_upgrading_a_plugin_installed_with_pip_renders_the_pages_again(site, tmp_path):
    """A plugin in the `pelican.plugins` namespace on the Python path (as pip
    installs one), not in PLUGIN_PATHS: its new version must reach every page,
    as it does with Pelican's content cache."""
    newsroom(site)
    package = tmp_path / "site-packages" / "pelican" / "plugins" / "penanda"
    package.mkdir(parents=True)

    def install(version: str) -> None:
        (package / "__init__.py").write_text(
            textwrap.dedent(
                f"""
                from pelican import signals


                def mark(content):
                    if hasattr(content, "_content") and content._content:
                        content._content += "<p class='penanda'>{version}</p>"


                def register():
                    signals.content_object_init.connect(mark)
                """
            ),
            encoding="utf-8",
        )

    overrides = {"SEARCH_ENABLED": False, "PLUGINS": [*shipped_plugins(), "penanda"]}
    for version in ("V1", "V2"):
        install(version)
        built = run_build(
            site.content,
            tmp_path / "site" / "output",
            cache=tmp_path / "site" / "cache",
            overrides=overrides,
            pythonpath=[tmp_path / "site-packages"],
        )
        assert built.returncode == 0, built.log
        marks = {
            p.get_text()
            for page in built.output.glob("berita/*/*/*/index.html")
            for p in built.html(str(page.parent.relative_to(built.output)) + "/").select(".penanda")
        }
        assert marks == {version}, (version, marks)


def test_plugin_code_lists_installed_plugins_outside_the_plugin_paths(tmp_path, monkeypatch):
    from warta.fingerprint import plugin_code

    package = tmp_path / "pelican" / "plugins" / "terpasang"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("def register():\n    pass\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    import pelican.plugins

    monkeypatch.setattr(
        pelican.plugins, "__path__", [*pelican.plugins.__path__, str(tmp_path / "pelican/plugins")]
    )
    assert plugin_code(["terpasang", "tidak-ada"], [REPO / "plugins"]) == [package]
    assert plugin_code(["writer"], [REPO / "plugins"]) == []
    assert os.path.isdir(package)


def test_a_plugin_named_as_a_module_of_a_package_is_the_whole_package(tmp_path, monkeypatch):
    """`PLUGINS = ["luar.reader"]` (a module of a package on sys.path): editing
    its helper module `luar/core.py` left every warm build stale, since only
    reader.py was digested."""
    from warta.fingerprint import plugin_code

    package = tmp_path / "lib" / "luar"
    (package / "sub").mkdir(parents=True)
    for name in ("__init__.py", "core.py", "sub/__init__.py"):
        (package / name).write_text("MARK = 1\n", encoding="utf-8")
    (package / "reader.py").write_text("def register():\n    pass\n", encoding="utf-8")
    (package / "sub" / "deep.py").write_text("def register():\n    pass\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "lib"))
    assert plugin_code(["luar.reader"], [REPO / "plugins"]) == [package]
    assert plugin_code(["luar.sub.deep"], [REPO / "plugins"]) == [package]


def test_a_clock_or_an_outside_function_as_a_jinja_global_is_never_settled():
    import datetime
    import time

    from plugins.writer.plugin import settled_global
    from warta import jinja_filters

    assert not settled_global(time.time)
    assert not settled_global(datetime.datetime.now)
    assert not settled_global(lambda: "judul terbaru")
    assert settled_global(range) and settled_global(jinja_filters.GLOBALS["page_numbers"])


def test_a_writer_finalized_handler_listed_before_writer_is_named(site, tmp_path, monkeypatch):
    """Its handler runs before the writer writes the pages: it would read the
    last build's. The build says so, naming the handler."""
    newsroom(site)
    monkeypatch.setenv("OUTSIDE_RECORD", str(tmp_path / "record.json"))
    built = build(site, tmp_path, "early", with_plugin(tmp_path, "sumber", SOURCE_PLUGIN))
    assert built.returncode == 0, built.log
    [warning] = [line for line in built.log_lines("warning") if "before the pages" in line]
    assert "sumber.article_writer_finalized handles article_writer_finalized" in warning


def test_another_plugins_writer_has_one_documented_way_that_builds_strict(site, tmp_path):
    """Listed before `writer`, it was told to come after it; listed after, Pelican
    ignored it with "2 writers found". The way: take `writer` out of PLUGINS."""
    newsroom(site)
    after = with_plugin(
        tmp_path, "dummy", "def register():\n    pass\n", "ownwriter", OWN_WRITER_PLUGIN
    )
    both = build(site, tmp_path, "both", after)
    warned = [w for w in both.log_lines("warning") if "get_writer" in w]
    assert warned == [
        "writer: warta's writer writes the site, not ownwriter.OwnWriter (another plugin's "
        "'get_writer', listed after 'writer') (to let that Writer write the site, take "
        "'writer' out of PLUGINS; else take 'ownwriter' out)"
    ], both.log
    alone = {**after, "PLUGINS": [p for p in after["PLUGINS"] if p != "writer"]}
    folder = tmp_path / "alone"
    built = run_build(
        site.content, folder / "output", cache=folder / "cache", overrides=alone, strict=True
    )
    assert built.returncode == 0, built.log
    assert (folder / "output" / "index.html").is_file()


COUNTING_WRITER_PLUGIN = textwrap.dedent(
    '''
    """Listens to get_writer without giving a Writer (it notes when the pages
    start to be written) and says at finalized how often it was called."""
    import json
    import os

    from pelican import signals

    CALLS = []


    def get_writer(pelican):
        CALLS.append(os.getpid())


    def finalized(pelican):
        with open(os.environ["OUTSIDE_RECORD"], "w", encoding="utf-8") as handle:
            json.dump(CALLS, handle)


    def register():
        signals.get_writer.connect(get_writer)
        signals.finalized.connect(finalized)
    '''
)


def test_an_outside_get_writer_receiver_is_called_once_a_build(site, tmp_path, monkeypatch):
    """Pelican sends get_writer once; warta's writer called every later receiver
    itself to see whether it gave a Writer, so each ran twice a build."""
    newsroom(site)
    record = tmp_path / "record.json"
    monkeypatch.setenv("OUTSIDE_RECORD", str(record))
    overrides = with_plugin(
        tmp_path, "dummy", "def register():\n    pass\n", "mulai", COUNTING_WRITER_PLUGIN
    )
    built = build(site, tmp_path, "counting", overrides)
    assert built.returncode == 0, built.log
    assert len(json.loads(record.read_text(encoding="utf-8"))) == 1
    assert not [w for w in built.log_lines("warning") if "get_writer" in w], built.log


CLOCK_AND_DATA_PLUGIN = textwrap.dedent(
    '''
    """The time of the build in every page's footer (a context variable, shown
    by a footer of the plugin's own, added at `initialized`) and an agenda page
    from a file outside content/ (an outside generator)."""
    import datetime
    import os

    from pelican import signals
    from pelican.generators import Generator

    HERE = os.path.dirname(__file__)


    def add_templates(pelican):
        overrides = pelican.settings.setdefault("THEME_TEMPLATES_OVERRIDES", [])
        overrides.insert(0, os.path.join(HERE, "templates"))


    def stamp(generator):
        generator.context["waktu_build"] = datetime.datetime.now().isoformat()


    class Agenda(Generator):
        def generate_output(self, writer):
            with open(os.environ["AGENDA_FILE"], encoding="utf-8") as handle:
                agenda = handle.read().strip()
            writer.write_file(
                "agenda/index.html", self.get_template("page"), self.context,
                page={"title": "Agenda", "content": f'<p class="agenda">{agenda}</p>'},
            )


    def generators(pelican):
        return Agenda


    def register():
        signals.initialized.connect(add_templates)
        signals.article_generator_init.connect(stamp)
        signals.get_generators.connect(generators)
    '''
)


def test_a_page_showing_the_clock_or_a_file_outside_content_is_current_on_a_warm_build(
    site, tmp_path, monkeypatch
):
    """What an outside plugin takes from the clock or from a file outside
    content/ reaches every page that shows it on every build: the values are
    page inputs, so the pages render again (checked sound, no fix needed)."""
    newsroom(site)
    templates = tmp_path / "outside-plugins" / "waktu" / "templates" / "partials"
    templates.mkdir(parents=True)
    footer = (REPO / "theme" / "templates" / "partials" / "footer.html").read_text(encoding="utf-8")
    (templates / "footer.html").write_text(
        footer + '<p class="waktu">{{ waktu_build }}</p>\n', encoding="utf-8"
    )
    agenda = tmp_path / "agenda.txt"
    monkeypatch.setenv("AGENDA_FILE", str(agenda))
    shown = []
    for text in ("Rapat pleno 1 Desember", "Rapat pleno 2 Desember"):
        agenda.write_text(text, encoding="utf-8")
        built = build_with_outside_plugin(site, tmp_path, "waktu", CLOCK_AND_DATA_PLUGIN)
        assert built.returncode == 0, built.log
        assert built.html("agenda/").find("p", class_="agenda").get_text() == text
        times = set()
        for page in built.output.rglob("*.html"):
            if page.relative_to(built.output).parts[0] == "admin":
                continue
            found = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml").find(
                "p", class_="waktu"
            )
            assert found is not None, page
            times.add(found.get_text())
        assert len(times) == 1, times
        shown.append(times.pop())
    assert shown[0] < shown[1], shown
