"""Compiled templates kept between builds (`warta.templatecache`): reused only
while what shaped the compiled code is the same."""

from __future__ import annotations

import shutil
from pathlib import Path

from jinja2 import DictLoader, Environment, pass_context

from conftest import REPO, assert_same_tree, clean_build_with, newsroom
from warta.templatecache import TemplateCache

HERE = str(Path(__file__).resolve().parent)
TEMPLATE = "{{ 'rapat' | tanda }}|{{ judul | tanda }}"


def first_mark(value):
    return f"satu:{value}"


def second_mark(value):
    return f"dua:{value}"


@pass_context
def mark_from_context(context, value):
    return f"{context['kantor']}:{value}"


def render(folder: Path, mark, plugin_folders=(HERE,)) -> str:
    environment = Environment(loader=DictLoader({"a.html": TEMPLATE}), autoescape=True)
    environment.filters["tanda"] = mark
    folder.mkdir(exist_ok=True)
    environment.bytecode_cache = TemplateCache(folder, "site", plugin_folders)
    return environment.get_template("a.html").render(judul="pleno", kantor="bawaslu")


def test_a_template_is_compiled_again_for_another_filter_of_the_same_name(tmp_path):
    # Jinja folds a filter given a constant into its result and decides at
    # compile time whether it is handed the context: code compiled with one
    # filter is wrong with another of the same name.
    folder = tmp_path / "templates"
    assert render(folder, first_mark) == "satu:rapat|satu:pleno"
    kept = sorted(folder.iterdir())
    assert kept  # compiled once, kept
    assert render(folder, first_mark) == "satu:rapat|satu:pleno"
    assert sorted(folder.iterdir()) == kept  # taken from the cache
    assert render(folder, second_mark) == "dua:rapat|dua:pleno"
    assert render(folder, mark_from_context) == "bawaslu:rapat|bawaslu:pleno"
    assert render(folder, first_mark) == "satu:rapat|satu:pleno"


def test_a_filter_whose_code_the_key_does_not_cover_is_never_cached(tmp_path):
    folder = tmp_path / "templates"
    assert render(folder, first_mark, plugin_folders=()) == "satu:rapat|satu:pleno"
    assert render(folder, second_mark, plugin_folders=()) == "dua:rapat|dua:pleno"
    assert list(folder.iterdir()) == []


def test_a_file_in_the_cache_that_is_not_jinjas_is_compiled_over(tmp_path):
    folder = tmp_path / "templates"
    render(folder, first_mark)
    for kept in folder.iterdir():
        kept.write_bytes(b"not bytecode")
    assert render(folder, first_mark) == "satu:rapat|satu:pleno"


def test_a_kept_file_whose_code_is_not_code_is_compiled_over(tmp_path):
    """A kept file cut or damaged after its checksum (its marshalled code read
    as a number) stopped the build with AttributeError: 'int' object has no
    attribute 'co_filename'; it is compiled again as a file not Jinja's is."""
    import io
    import marshal
    import pickle

    from jinja2.bccache import bc_magic

    folder = tmp_path / "templates"
    render(folder, first_mark)
    for kept in folder.iterdir():
        data = kept.read_bytes()
        read = io.BytesIO(data)
        read.seek(len(bc_magic))
        pickle.load(read)  # the template's checksum, kept as Jinja wrote it
        kept.write_bytes(data[: read.tell()] + marshal.dumps(5))
    assert render(folder, first_mark) == "satu:rapat|satu:pleno"


def test_a_warm_build_after_a_template_changed_equals_a_clean_build(site, tmp_path):
    files = newsroom(site)
    theme = tmp_path / "theme"
    shutil.copytree(REPO / "theme", theme)
    settings = {"SEARCH_ENABLED": False, "THEME": str(theme)}
    first = site.build(**settings)
    assert first.returncode == 0, first.log
    compiled = site.root / "cache" / "templates"
    assert any(compiled.iterdir())
    base = theme / "templates" / "base.html"
    text = base.read_text(encoding="utf-8")
    assert text.count("</main>") == 1
    base.write_text(
        text.replace("</main>", '<p class="tanda-cache">diperbarui</p></main>'),
        encoding="utf-8",
    )
    warm = site.build(**settings)
    assert warm.returncode == 0, warm.log
    page = warm.html(f"berita/2024/10/{next(iter(files))}/")
    assert [p.get_text() for p in page.select("main p.tanda-cache")] == ["diperbarui"]
    clean = clean_build_with(site, tmp_path, **settings)
    assert_same_tree(site.output, clean.output)


def test_a_file_where_the_templates_folder_should_be_is_one_warning(site):
    site.article("a.md", title="Rapat pleno penetapan daftar pemilih", slug="rapat-pleno")
    in_the_way = site.root / "cache" / "templates"
    in_the_way.parent.mkdir(parents=True)
    in_the_way.write_text("x", encoding="utf-8")
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    said = built.findings("warning")
    assert [f.path for f in said] == ["cache/templates"], built.log
    assert "compiled again on every build" in said[0].message
    assert in_the_way.read_text(encoding="utf-8") == "x"
    assert built.html("berita/2024/11/rapat-pleno/").select("h1")
