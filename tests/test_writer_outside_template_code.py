"""A page whose template runs an outside plugin's template code (a tag of its
Jinja extension, its filter or test) renders as Pelican renders it: on every
build, in Pelican's process, in writing order (found with pelican-webassets,
whose `{% assets %}` tag writes the bundle while a page renders).

Each test builds the newsroom cold, warm with no change and warm after an
edit, with an outside plugin written as third parties write them, and
compares each output with a clean build of the same content and plugins.
"""

from __future__ import annotations

import functools
import json
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from jinja2 import DictLoader, Environment, nodes
from jinja2.ext import Extension
from pelican.plugins._utils import plugin_enabled

from conftest import (
    REPO,
    append_text,
    assert_same_tree,
    build_with_outside_plugin,
    newsroom,
    run_build,
)
from plugins.writer.templates import TemplateAnalyser, load_parsed, save_parsed
from warta.build import load_settings

# Two workers even on one core, so that pages would be rendered in forked
# processes if the writer let them.
WORKERS = {"WRITER_WORKERS": 2}

BUNDLE_PLUGIN = textwrap.dedent(
    '''
    """An outside plugin adding a Jinja extension, as pelican-webassets does:
    its `{% luar_bundel %}` tag makes the bundle in the output the first time
    a page renders it (and says where it is), and notes the process that
    rendered each page."""
    import json
    import os

    from jinja2 import nodes
    from jinja2.ext import Extension
    from pelican import signals

    rendered = []


    class BundelExtension(Extension):
        tags = {"luar_bundel"}

        def parse(self, parser):
            lineno = next(parser.stream).lineno
            return nodes.Output([self.call_method("_bundel")]).set_lineno(lineno)

        def _bundel(self):
            bundle = os.path.join(self.environment.luar_output, "luar", "bundel.css")
            if not os.path.exists(bundle):
                os.makedirs(os.path.dirname(bundle), exist_ok=True)
                with open(bundle, "w", encoding="utf-8") as handle:
                    handle.write("body { color: #222; }\\n")
            rendered.append(os.getpid())
            return "luar/bundel.css"


    def initialized(pelican):
        environment = pelican.settings["JINJA_ENVIRONMENT"]
        environment.setdefault("extensions", []).append(BundelExtension)


    def generator_init(generator):
        env = getattr(generator, "env", None)
        if env is not None:
            env.luar_output = generator.output_path


    def finalized(pelican):
        with open(os.environ["OUTSIDE_RECORD"], "w", encoding="utf-8") as handle:
            json.dump({"pids": rendered, "pid": os.getpid()}, handle)


    def register():
        signals.initialized.connect(initialized)
        signals.generator_init.connect(generator_init)
        signals.finalized.connect(finalized)
    '''
)


def build_with_plugin(
    site,
    tmp_path: Path,
    name: str,
    source: str,
    *,
    pip: bool = False,
    folder: str = "",
    **overrides,
) -> Path:
    """The site built with the outside plugin `name` (its `__init__.py` is
    `source`) after the shipped ones, into tmp_path/folder (a clean build)
    or, without `folder`, into the site's output: its output folder. The
    plugin is in a folder of PLUGIN_PATHS, or with `pip` in Pelican's
    namespace on the Python path, where pip installs one
    (`pelican.plugins.webassets`)."""
    settings = load_settings(REPO / "pelicanconf.py")
    plugins = {"PLUGINS": [*settings["PLUGINS"], name]}
    if pip:
        package = tmp_path / "site-packages" / "pelican" / "plugins" / name
    else:
        package = tmp_path / "outside-plugins" / name
        plugins["PLUGIN_PATHS"] = [*settings["PLUGIN_PATHS"], str(package.parent)]
    package.mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").write_text(source, encoding="utf-8")
    output = tmp_path / folder / "output" if folder else site.output
    built = run_build(
        site.content,
        output,
        overrides={"SEARCH_ENABLED": False, **plugins, **overrides},
        pythonpath=[tmp_path / "site-packages"] if pip else None,
    )
    assert built.returncode == 0, built.log
    return output


def footer_override(tmp_path: Path, markup: str) -> dict:
    """Settings with the theme's footer overridden to start with `markup`."""
    overrides = tmp_path / "overrides"
    (overrides / "partials").mkdir(parents=True, exist_ok=True)
    footer = (REPO / "theme/templates/partials/footer.html").read_text(encoding="utf-8")
    (overrides / "partials/footer.html").write_text(markup + "\n" + footer, encoding="utf-8")
    return {"THEME_TEMPLATES_OVERRIDES": [str(overrides)]}


def marked_pages(output: Path, selector: str) -> dict[str, str]:
    """Site path → text of the element `selector` finds, of every HTML page that has it."""
    found = {}
    for page in output.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        element = soup.select_one(selector)
        if element is not None:
            found[page.relative_to(output).as_posix()] = element.get_text()
    return found


@pytest.mark.parametrize("pip", [False, True], ids=["plugin-folder", "installed-with-pip"])
def test_pages_using_an_outside_extension_tag_render_every_build_in_pelicans_process(
    site, tmp_path, monkeypatch, pip
):
    """pelican-webassets: a warm build with no change deleted the bundle its
    tag makes while a page renders (the reused pages did not render, and the
    writer's clean-up removed the file), so every page linked a missing
    stylesheet, "build ok"; and a cold build rendering in forked workers
    raced on the plugin's cache folder (FileExistsError, blamed on a
    release). Installed with pip, its code is in Pelican's namespace
    (`pelican.plugins.webassets`), which is no more Pelican's own code."""
    files = newsroom(site)
    settings = {
        **footer_override(tmp_path, '<p class="luar-bundel">{% luar_bundel %}</p>'),
        **WORKERS,
    }
    record = tmp_path / "record.json"
    monkeypatch.setenv("OUTSIDE_RECORD", str(record))

    def build(step: str, folder: str = "") -> Path:
        output = build_with_plugin(
            site, tmp_path, "bundel", BUNDLE_PLUGIN, pip=pip, folder=folder, **settings
        )
        pages = marked_pages(output, "p.luar-bundel")
        assert len(pages) > 64, step  # enough for two workers
        assert set(pages.values()) == {"luar/bundel.css"}, step
        assert (output / "luar/bundel.css").is_file(), step
        seen = json.loads(record.read_text(encoding="utf-8"))
        # Every page rendered, each once, all in Pelican's process.
        assert len(seen["pids"]) == len(pages), step
        assert set(seen["pids"]) == {seen["pid"]}, step
        return output

    build("cold")
    build("warm")
    assert_same_tree(site.output, build("clean", "clean"))

    append_text(files["rilis-2"], "\nPembaruan: jadwal rapat diubah.\n")
    build("edited")
    assert_same_tree(site.output, build("clean after the edit", "edited"))


class LuarExtension(Extension):
    """Its tag writes nothing: only the tag's name tells where it is used."""

    tags = frozenset({"luar"})

    def parse(self, parser):
        next(parser.stream)
        return nodes.Output([nodes.Const("")])


def test_template_analysis_finds_the_extension_tags_a_template_uses(tmp_path):
    templates = {
        "base.html": "{% block body %}{% endblock %}{% include 'footer.html' %}",
        "footer.html": "{%- luar %}",
        "article.html": "{% extends 'base.html' %}{% block body %}x{% endblock %}",
        "loop.html": "{% for a in articles %}{% do a.update({}) %}{% endfor %}",
        "text.html": "{{ 'luar' }} {# {% luar %} #}{% raw %}{% luar %}{% endraw %}",
    }
    environment = Environment(
        loader=DictLoader(templates), extensions=[LuarExtension, "jinja2.ext.do"]
    )
    parsed: dict = {}
    analyser = TemplateAnalyser(environment, parsed)
    luar = f"{__name__}.LuarExtension"
    assert analyser.inputs("article.html").extensions == {luar}
    assert analyser.inputs("loop.html").extensions == {"jinja2.ext.ExprStmtExtension"}
    assert analyser.inputs("text.html").extensions == set()
    # Kept with the parses for the next build.
    save_parsed(tmp_path / "templates.json", "build-1", parsed)
    kept = load_parsed(tmp_path / "templates.json", "build-1")
    assert kept == parsed
    assert TemplateAnalyser(environment, kept).inputs("footer.html").extensions == {luar}


# -- outside filters and tests --------------------------------------------------------

SETTINGS_IMPORTING_A_FILTER = """
import sys

sys.path.insert(0, {folder!r})

from pelicanconf import *  # noqa: F403
from luar_saring import glosarium

JINJA_FILTERS = {{**JINJA_FILTERS, "glosarium": glosarium}}
THEME_TEMPLATES_OVERRIDES = [{overrides!r}]
"""

# A module of an outside package: its filter reads a file, which no digest sees.
FILTER_MODULE = """
def glosarium(value):
    with open({glossary!r}, encoding="utf-8") as handle:
        return handle.read().strip() + ":" + str(value)
"""


def test_pages_using_an_outside_filter_that_reads_a_file_render_every_build(site, tmp_path):
    """A filter of an outside module in JINJA_FILTERS (not warta's, not
    defined in the settings file) that reads a file: the file changed, and a
    warm build kept every page stale, while the same function as a Jinja
    global rendered them."""
    files = newsroom(site)
    folder = tmp_path / "luar"
    folder.mkdir()
    glossary = tmp_path / "glosarium.txt"
    glossary.write_text("GLOSARIUM-1\n", encoding="utf-8")
    (folder / "luar_saring.py").write_text(
        FILTER_MODULE.format(glossary=str(glossary)), encoding="utf-8"
    )
    overrides = footer_override(tmp_path, '<p class="glosarium">{{ "x" | glosarium }}</p>')
    settings = tmp_path / "settings_luar.py"
    settings.write_text(
        SETTINGS_IMPORTING_A_FILTER.format(
            folder=str(folder), overrides=overrides["THEME_TEMPLATES_OVERRIDES"][0]
        ),
        encoding="utf-8",
    )

    def build(name: str = "") -> Path:
        output = tmp_path / name / "output" if name else site.output
        built = run_build(
            site.content,
            output,
            settings_file=settings,
            cache=output.parent / "cache",
            overrides={"SEARCH_ENABLED": False, **WORKERS},
        )
        assert built.returncode == 0, built.log
        return output

    build()
    build()
    assert set(marked_pages(site.output, "p.glosarium").values()) == {"GLOSARIUM-1:x"}
    assert_same_tree(site.output, build("clean"))

    glossary.write_text("GLOSARIUM-2\n", encoding="utf-8")
    build()
    assert set(marked_pages(site.output, "p.glosarium").values()) == {"GLOSARIUM-2:x"}
    assert_same_tree(site.output, build("changed"))

    append_text(files["rilis-3"], "\nPembaruan: jadwal rapat diubah.\n")
    build()
    assert_same_tree(site.output, build("edited"))


COLLECTING_PLUGIN = textwrap.dedent(
    '''
    """An outside plugin whose filter collects what it is given, and writes
    how much it collected (and in which processes) once the site is built."""
    import json
    import os

    from pelican import signals

    collected = []


    def kumpul(value):
        collected.append((str(value), os.getpid()))
        return value


    def initialized(pelican):
        pelican.settings.setdefault("JINJA_FILTERS", {})["kumpul"] = kumpul


    def finalized(pelican):
        with open(os.path.join(pelican.output_path, "terkumpul.txt"), "w") as handle:
            handle.write(f"{len(collected)}\\n")
        with open(os.environ["OUTSIDE_RECORD"], "w", encoding="utf-8") as handle:
            json.dump({"pids": [pid for _, pid in collected], "pid": os.getpid()}, handle)


    def register():
        signals.initialized.connect(initialized)
        signals.finalized.connect(finalized)
    '''
)


def test_an_outside_filter_sees_every_page_on_every_build(site, tmp_path, monkeypatch):
    """A filter collecting into a module list, its count written at
    `finalized`: a cold build counted the pages of Pelican's process only
    (the workers' went with them), a warm one none; Pelican counts every
    page on every build."""
    files = newsroom(site)
    settings = {
        **footer_override(tmp_path, '<p class="kumpul">{{ output_file | kumpul }}</p>'),
        **WORKERS,
    }
    record = tmp_path / "record.json"
    monkeypatch.setenv("OUTSIDE_RECORD", str(record))

    def build(step: str) -> None:
        built = build_with_outside_plugin(site, tmp_path, "kumpul", COLLECTING_PLUGIN, **settings)
        assert built.returncode == 0, built.log
        pages = marked_pages(site.output, "p.kumpul")
        assert len(pages) > 64, step
        count = (site.output / "terkumpul.txt").read_text(encoding="utf-8")
        assert int(count) == len(pages), step
        seen = json.loads(record.read_text(encoding="utf-8"))
        assert set(seen["pids"]) == {seen["pid"]}, step

    build("cold")
    build("warm")
    clean = build_with_plugin(
        site, tmp_path, "kumpul", COLLECTING_PLUGIN, folder="clean", **settings
    )
    assert_same_tree(site.output, clean)

    append_text(files["rilis-4"], "\nPembaruan: jadwal rapat diubah.\n")
    build("edited")
    edited = build_with_plugin(
        site, tmp_path, "kumpul", COLLECTING_PLUGIN, folder="edited", **settings
    )
    assert_same_tree(site.output, edited)


def outside_filter(value):
    """A filter of an outside module (this test's)."""
    return value


def installed_filter(value):
    """A filter of a plugin installed with pip (`pelican.plugins.x`)."""
    return value


installed_filter.__module__ = "pelican.plugins.terpasang"


def test_outside_code_is_what_is_not_jinjas_wartas_or_the_settings_files():
    from plugins.writer.plugin import OutsideCode, own_code, settings_code, settled_global
    from warta.jinja_filters import FILTERS

    settings_file: dict = {}
    exec(  # a settings file defining its own filter and test
        "def penanda(value):\n    return value\n\n"
        "JINJA_FILTERS = {'penanda': penanda}\nJINJA_TESTS = {'bertanda': penanda}\n",
        settings_file,
    )
    penanda = settings_file["penanda"]
    assert settings_code(penanda)
    assert not settings_code(outside_filter)
    # A plugin installed with pip lives in Pelican's namespace.
    assert own_code(functools.partial(plugin_enabled, plugin_list=[]))
    assert not own_code(installed_filter)
    assert not settled_global(installed_filter)  # as a Jinja global: every build

    environment = Environment(extensions=[LuarExtension, "jinja2.ext.do"])
    environment.filters.update(FILTERS)
    environment.filters.update({"penanda": penanda, "luar": outside_filter})
    environment.tests.update({"bertanda": penanda, "luar_uji": outside_filter})
    # Pelican's own, with the plugin list bound.
    environment.tests["plugin_enabled"] = functools.partial(plugin_enabled, plugin_list=[])
    environment.globals.update({"penanda": penanda, "luar_fungsi": outside_filter})
    outside = OutsideCode.of(environment)
    assert outside.filters == {"luar"}
    assert outside.tests == {"luar_uji"}
    assert outside.globals == {"luar_fungsi"}
    assert outside.extensions == {f"{__name__}.LuarExtension"}

    analyser = TemplateAnalyser(
        Environment(
            loader=DictLoader(
                {
                    "own.html": "{{ x | penanda | tanggal }}{% if x is bertanda %}{% endif %}",
                    "filter.html": "{{ x | luar }}",
                    "test.html": "{% if x is luar_uji %}{% endif %}",
                    "global.html": "{{ luar_fungsi() }}",
                    "tag.html": "{% luar %}",
                }
            ),
            extensions=[LuarExtension],
        )
    )
    for names in ("filters", "tests", "globals"):
        getattr(analyser.environment, names).update(getattr(environment, names))
    assert outside.used_by(analyser.inputs("own.html")) == set()
    assert outside.used_by(analyser.inputs("filter.html")) is None
    assert outside.used_by(analyser.inputs("test.html")) is None
    assert outside.used_by(analyser.inputs("tag.html")) is None
    assert outside.used_by(analyser.inputs("global.html")) == {"luar_fungsi"}
    assert outside.used_by(None) is None
