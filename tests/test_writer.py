"""plugins/writer: incremental and parallel page writing.

The promise: an incremental build writes exactly what a clean, serial build
writes, while rendering only the pages whose inputs changed.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import functools
import re
import runpy
import shutil
import subprocess
import sys
import tarfile
import textwrap
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from jinja2 import DictLoader, Environment
from PIL import Image

from conftest import (
    REPO,
    FixtureSite,
    append_text,
    assert_same_tree,
    newsroom,
    run_build,
    settings_builder,
    tree,
)
from plugins.writer.manifest import Entry, Manifest, OutputFolder
from plugins.writer.templates import TemplateAnalyser, load_parsed, save_parsed
from warta.fingerprint import Digester, StateStamper, Unstable, hash_text, site_code

WRITER_LINE = re.compile(r"writer: (\d+) files rendered, (\d+) unchanged and reused")
NO_SEARCH = {"SEARCH_ENABLED": False}


def counts(log: str) -> tuple[int, int]:
    """(rendered, reused) from the writer's summary line."""
    found = WRITER_LINE.findall(log)
    assert found, f"no writer summary in the log:\n{log[-2000:]}"
    rendered, reused = found[-1]
    return int(rendered), int(reused)


def clean_build(site: FixtureSite, tmp_path: Path, name: str, **overrides):
    """The same content built from scratch, serially, without the writer's reuse."""
    output = tmp_path / name / "output"
    return run_build(
        site.content,
        output,
        cache=tmp_path / name / "cache",
        overrides={**NO_SEARCH, **overrides, "WRITER_INCREMENTAL": False, "WRITER_WORKERS": 1},
    )


def test_incremental_build_equals_clean_build_after_edits(site, tmp_path):
    files = newsroom(site)
    first = site.build(verbose=True, **NO_SEARCH)
    assert first.returncode == 0, first.log
    rendered, reused = counts(first.log)
    assert reused == 0 and rendered > 20

    # A sentence added to one release, a retitled release, a removed release,
    # a new release and a changed tag: what a newsroom does between two pushes.
    edited = files["rilis-2"]
    append_text(edited, "\nPembaruan: jadwal rapat diubah.\n")
    retitled = files["rilis-3"]
    retitled.write_text(
        retitled.read_text(encoding="utf-8").replace("Rapat Pengawasan", "Rapat Evaluasi", 1),
        encoding="utf-8",
    )
    files["rilis-4"].unlink()
    site.article(
        "rilis-7.md",
        title="Bawaslu Kabupaten Lahat Ajak Pemilih Pemula Awasi Kampanye",
        date="2024-10-20 10:00",
        slug="rilis-7",
        author="Humas Bawaslu Kabupaten Lahat",
        body="LAHAT – Bawaslu Kabupaten Lahat mengajak pemilih pemula mengawasi kampanye.",
        summary="Bawaslu Kabupaten Lahat mengajak pemilih pemula mengawasi kampanye.",
    )
    retagged = files["rilis-6"]
    retagged.write_text(
        retagged.read_text(encoding="utf-8").replace(
            "Tags: Pilkada Serentak 2024", "Tags: Pilkada Serentak 2024, Politik Uang"
        ),
        encoding="utf-8",
    )

    second = site.build(verbose=True, **NO_SEARCH)
    assert second.returncode == 0, second.log
    rendered, reused = counts(second.log)
    assert reused > 0 and rendered > 0

    clean = clean_build(site, tmp_path, "clean")
    assert clean.returncode == 0, clean.log
    assert_same_tree(site.output, clean.output)
    assert not (site.output / "berita/2024/10/rilis-4/index.html").exists()
    assert "Rapat Evaluasi" in second.html("berita/2024/10/rilis-3/").h1.get_text()


def test_unchanged_rebuild_renders_nothing_and_keeps_files(site):
    newsroom(site)
    first = site.build(verbose=True, **NO_SEARCH)
    assert first.returncode == 0, first.log
    page = site.output / "berita/2024/10/rilis-1/index.html"
    inode = page.stat().st_ino

    second = site.build(verbose=True, **NO_SEARCH)
    assert second.returncode == 0, second.log
    rendered, reused = counts(second.log)
    assert rendered == 0
    assert reused == counts(first.log)[0]
    assert page.stat().st_ino == inode  # moved back, not written again


def test_output_restored_from_a_ci_cache_is_reused(site, tmp_path):
    """The Pages workflow keeps output/ and cache/ between runs with
    actions/cache (a tar archive): restored files have new inodes and their
    times cut to whole seconds. Unchanged pages must still be reused, or every
    CI build renders the whole site; a restored page of the same size but
    other bytes is rendered again."""
    newsroom(site)
    first = site.build(verbose=True, **NO_SEARCH)
    assert first.returncode == 0, first.log
    archive = tmp_path / "cache.tar"
    with tarfile.open(archive, "w", format=tarfile.GNU_FORMAT) as tar:
        tar.add(site.output, arcname="output")
    before = tree(site.output)
    shutil.rmtree(site.output)
    with tarfile.open(archive) as tar:
        tar.extractall(site.root, filter="tar")
    page = site.output / "berita/2024/10/rilis-1/index.html"
    assert page.stat().st_mtime_ns % 1_000_000_000 == 0  # whole seconds, as restored
    tampered = site.output / "berita/2024/10/rilis-2/index.html"
    text = tampered.read_bytes()
    tampered.write_bytes(text.replace(b"<html", b"<HTML", 1))  # same size, other bytes

    second = site.build(verbose=True, **NO_SEARCH)
    assert second.returncode == 0, second.log
    assert counts(second.log) == (1, counts(first.log)[0] - 1)
    assert tree(site.output) == before


def test_body_edit_renders_only_the_pages_that_show_it(site):
    files = newsroom(site)
    site.build(verbose=True, **NO_SEARCH)
    # The writer's pages (not /admin/, which the cms plugin copies at every build).
    others = {
        path: path.stat().st_ino
        for path in site.output.rglob("index.html")
        if "rilis-2" not in path.as_posix() and path.relative_to(site.output).parts[0] != "admin"
    }
    edited = files["rilis-2"]
    append_text(edited, "\nPembaruan: jadwal rapat diubah.\n")
    second = site.build(verbose=True, **NO_SEARCH)
    rendered, _reused = counts(second.log)
    # The release itself and the feeds that carry its body; every listing shows
    # its Summary:, which did not change.
    assert 1 <= rendered < 10, second.log
    assert "Pembaruan: jadwal rapat diubah." in second.html("berita/2024/10/rilis-2/").get_text()
    kept = [path for path, inode in others.items() if path.stat().st_ino == inode]
    assert len(kept) == len(others)


def test_theme_change_renders_every_page(site, tmp_path):
    newsroom(site)
    theme = tmp_path / "theme"
    shutil.copytree(REPO / "theme", theme)
    first = site.build(verbose=True, THEME=str(theme), **NO_SEARCH)
    total = counts(first.log)[0]
    footer = theme / "templates/partials/footer.html"
    footer.write_text(
        footer.read_text(encoding="utf-8").replace("Langganan", "Berlangganan"),
        encoding="utf-8",
    )
    second = site.build(verbose=True, THEME=str(theme), **NO_SEARCH)
    assert counts(second.log) == (total, 0)
    footer_titles = [h.get_text() for h in second.html("").select("footer h2")]
    assert "Berlangganan" in footer_titles


def test_missing_manifest_means_a_full_render(site):
    """A build that stopped half-way leaves no manifest: nothing is vouched for."""
    newsroom(site)
    first = site.build(verbose=True, **NO_SEARCH)
    (site.root / "cache/writer/manifest.json").unlink()
    second = site.build(verbose=True, **NO_SEARCH)
    assert counts(second.log) == (counts(first.log)[0], 0)


def test_template_error_in_a_worker_fails_the_build(site, tmp_path):
    newsroom(site)
    theme = tmp_path / "theme"
    shutil.copytree(REPO / "theme", theme)
    article = theme / "templates/article.html"
    article.write_text(
        article.read_text(encoding="utf-8").replace(
            "{% block content %}", "{% block content %}{{ article.title.no_such_method() }}", 1
        ),
        encoding="utf-8",
    )
    built = site.build(THEME=str(theme), WRITER_WORKERS=2, **NO_SEARCH)
    assert built.returncode != 0
    assert "no_such_method" in built.log


# -- pure parts ---------------------------------------------------------------------


class Node:
    def __init__(self, name, parent=None):
        self.name = name
        self.parent = parent
        self.children = []
        if parent:
            parent.children.append(self)


def test_digest_is_the_same_in_another_process():
    value = {
        "b": [1, 2.5, "tiga"],
        "a": {"x", "y", "z"},
        "when": __import__("datetime").date(2024, 11, 27),
    }
    here = Digester().digest(value)
    code = textwrap.dedent(
        f"""
        import datetime, sys
        sys.path.insert(0, {str(REPO)!r})
        from warta.fingerprint import Digester
        value = {{"b": [1, 2.5, "tiga"], "a": {{"x", "y", "z"}}}}
        value["when"] = datetime.date(2024, 11, 27)
        print(Digester().digest(value))
        """
    )
    there = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "12345"},
    ).stdout.strip()
    assert here == there


def test_digest_changes_with_any_nested_value_and_survives_cycles():
    root = Node("Sumatera Selatan")
    city = Node("Kota Palembang", root)
    Node("Kemuning", city)
    before = Digester().digest(root)
    assert before is not None
    city.children[0].name = "Sako"
    assert Digester().digest(root) != before


def test_objects_without_stable_state_are_unknown():
    class Opaque:
        __slots__ = ()

    assert Digester().digest({"thing": Opaque()}) is None
    assert Digester().digest({"thing": object()}) is None
    assert hash_text("a", "b") != hash_text("ab")


def settings_function(body: str, filename: str = "<settings>"):
    """A function `penanda` made from source text, as a settings file defines one."""
    names: dict = {}
    exec(
        compile(f"def penanda(value, lebar=3):\n{textwrap.indent(body, '    ')}", filename, "exec"),
        names,
    )
    return names["penanda"]


def test_a_function_of_the_site_is_digested_by_what_it_does():
    """A function was described by its name: a settings file's Jinja filter
    returning something else left the digest as it was."""
    same = [settings_function('return "PENANDA-A"') for _ in range(2)]
    assert Digester().digest({"f": same[0]}) == Digester().digest({"f": same[1]})
    different = [
        settings_function('return "PENANDA-B"'),
        settings_function('return value + "PENANDA-A"'),
        settings_function('return value in {"a", "b"}'),
        settings_function('return [x for x in "PENANDA-A"]'),
    ]
    digests = {Digester().digest({"f": f}) for f in [same[0], *different]}
    assert len(digests) == 1 + len(different) and None not in digests
    changed = settings_function('return "PENANDA-A"')
    changed.__defaults__ = (4,)
    assert Digester().digest({"f": changed}) != Digester().digest({"f": same[0]})

    def closing_over(value):
        return lambda text: text + value

    assert Digester().digest(closing_over("a")) != Digester().digest(closing_over("b"))
    partial = functools.partial
    assert Digester().digest(partial(same[0], "a")) != Digester().digest(partial(same[0], "b"))
    # The standard library's and installed libraries' code: by name, versioned.
    assert Digester().digest({"f": textwrap.dedent}) is not None
    assert Digester().digest({"f": textwrap.dedent}) == Digester().digest({"f": textwrap.dedent})


def test_a_function_digest_is_the_same_in_another_process():
    body = 'return value in {"a", "b", "c"} and [x for x in ("d", "e")]'
    here = Digester().digest(settings_function(body))
    code = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(REPO)!r})
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_writer import settings_function
        from warta.fingerprint import Digester
        print(Digester().digest(settings_function({body!r})))
        """
    )
    there = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "12345"},
        cwd=REPO,
    ).stdout.strip()
    assert here == there


def test_the_files_of_the_site_code_met_are_kept_with_the_modules_they_import(tmp_path):
    helper = tmp_path / "penanda_helper.py"
    helper.write_text("import textwrap\n\ndef suffix():\n    return '-1'\n", encoding="utf-8")
    settings = tmp_path / "penanda_settings.py"
    settings.write_text(
        "from penanda_helper import suffix\n\ndef penanda(value):\n    return suffix()\n",
        encoding="utf-8",
    )
    sys.path.insert(0, str(tmp_path))
    try:
        names = runpy.run_path(str(settings))
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("penanda_helper", None)
    digester = Digester()
    assert digester.digest({"JINJA_FILTERS": {"penanda": names["penanda"]}}) is not None
    assert site_code(digester.code_files) == sorted([settings.resolve(), helper.resolve()])
    assert site_code(digester.code_files, [tmp_path]) == []  # digested already
    library = Digester()
    library.digest({"f": textwrap.dedent, "c": Path})
    assert site_code(library.code_files) == []


def test_template_inputs_follow_extends_include_and_import():
    environment = Environment(
        loader=DictLoader(
            {
                "base.html": "{{ SITENAME }}{% include 'footer.html' %}"
                "{% block body %}{% endblock %}",
                "footer.html": "{% for p in pages %}{{ p.title }}{% endfor %}",
                "macros.html": "{% macro item(a) %}{{ a.title }}{{ SITEURL }}{% endmacro %}",
                "article.html": "{% extends 'base.html' %}"
                "{% import 'macros.html' as ui with context %}"
                "{% block body %}{{ ui.item(article) }}{% endblock %}",
                "dynamic.html": "{% include template_name %}",
            }
        )
    )
    analyser = TemplateAnalyser(environment)
    inputs = analyser.inputs("article.html")
    assert {"SITENAME", "pages", "article", "SITEURL"} <= inputs.names
    assert "tags" not in inputs.names
    assert analyser.inputs("dynamic.html") is None


def test_template_parses_are_kept_for_the_same_build_digest_only(tmp_path):
    templates = {
        "base.html": "{{ SITENAME }}{% block body %}{% endblock %}",
        "page.html": "{% extends 'base.html' %}{% block body %}{{ page.title }}{% endblock %}",
    }
    parsed: dict = {}
    first = TemplateAnalyser(Environment(loader=DictLoader(templates)), parsed).inputs("page.html")
    save_parsed(tmp_path / "templates.json", "build-1", parsed)
    assert load_parsed(tmp_path / "templates.json", "build-2") == {}
    kept = load_parsed(tmp_path / "templates.json", "build-1")
    assert kept == parsed
    # Kept parses answer for unchanged sources; an edited template is parsed again.
    templates["page.html"] = templates["page.html"].replace("page.title", "page.title ~ SITEURL")
    again = TemplateAnalyser(Environment(loader=DictLoader(templates)), kept).inputs("page.html")
    assert again.names == first.names | {"SITEURL"}
    assert (tmp_path / "templates.json").is_file()


def test_manifest_is_removed_while_a_build_runs(tmp_path):
    manifest = Manifest(tmp_path / "writer", tmp_path / "output")
    manifest.current = {"index.html": Entry("abc", [10, 20, "ff"])}
    manifest.save()
    reloaded = Manifest(tmp_path / "writer", tmp_path / "output")
    reloaded.load()
    assert reloaded.previous == {"index.html": Entry("abc", [10, 20, "ff"])}
    assert not manifest.path.exists()
    elsewhere = Manifest(tmp_path / "writer", tmp_path / "other-output")
    manifest.save()
    elsewhere.load()
    assert elsewhere.previous == {}  # another output folder: nothing to reuse


def test_parallel_writer_writes_what_the_serial_writer_writes(site, tmp_path):
    newsroom(site)
    built = site.build(verbose=True, WRITER_WORKERS=2, WRITER_INCREMENTAL=False, **NO_SEARCH)
    assert built.returncode == 0, built.log
    assert "(2 workers" in built.log
    clean = clean_build(site, tmp_path, "serial")
    assert_same_tree(site.output, clean.output)


def test_link_to_another_release_follows_its_new_address(site, tmp_path):
    """A body linking with {filename} shows the other release's URL: when that
    URL changes, the linking page is rendered again."""
    files = newsroom(site)
    linking = files["rilis-1"]
    linking.write_text(
        linking.read_text(encoding="utf-8")
        + "\nBaca juga [rapat sebelumnya]({filename}rilis-2.md).\n",
        encoding="utf-8",
    )
    first = site.build(verbose=True, **NO_SEARCH)
    assert first.returncode == 0, first.log
    target = files["rilis-2"]
    target.write_text(
        target.read_text(encoding="utf-8").replace("Slug: rilis-2", "Slug: rapat-dua"),
        encoding="utf-8",
    )
    second = site.build(verbose=True, **NO_SEARCH)
    assert second.returncode == 0, second.log
    links = [a["href"] for a in second.html("berita/2024/10/rilis-1/").select("main a")]
    assert any(href.endswith("/berita/2024/10/rapat-dua/") for href in links), links
    clean = clean_build(site, tmp_path, "clean")
    assert_same_tree(site.output, clean.output)


# -- what a page shows of other articles, photos and data (issue 16, item 3) ----------


def related_titles(built, relative: str) -> list[str]:
    return [a.get_text(strip=True) for a in built.html(relative).select(".related__link")]


def test_retitled_article_is_renamed_in_related_lists_and_read_also_links(site, tmp_path):
    """Another article's headline reaches a page through its "Baca juga" list
    (related) and through a BACA JUGA line in its body (read_also)."""
    files = newsroom(site)
    linking = files["rilis-1"]
    append_text(linking, "\nBACA JUGA: [rapat]({filename}rilis-5.md)\n")
    first = site.build(verbose=True, **NO_SEARCH)
    assert first.returncode == 0, first.log
    old_title = "Bawaslu Kabupaten Banyuasin Gelar Rapat Pengawasan Tahapan Ke-5"
    pages = [f"berita/2024/10/rilis-{n}/" for n in (1, 2, 3, 4, 6)]
    showing = [page for page in pages if old_title in related_titles(first, page)]
    assert showing, "rilis-5 is in no related list: the test would prove nothing"

    target = files["rilis-5"]
    target.write_text(
        target.read_text(encoding="utf-8").replace("Gelar Rapat", "Tutup Rapat", 1),
        encoding="utf-8",
    )
    second = site.build(verbose=True, **NO_SEARCH)
    assert second.returncode == 0, second.log
    new_title = old_title.replace("Gelar Rapat", "Tutup Rapat")
    for page in showing:
        assert new_title in related_titles(second, page), page
    read_also = second.html("berita/2024/10/rilis-1/").select("p.read-also a")
    assert [a.get_text(strip=True) for a in read_also] == [new_title]
    clean = clean_build(site, tmp_path, "clean")
    assert clean.returncode == 0, clean.log
    assert_same_tree(site.output, clean.output)


def photo(path: Path, width: int, height: int, shade: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (width, height), (shade, 90, 160)).save(path, "JPEG")
    return path


def test_replaced_photo_renders_the_pages_that_show_it(site, tmp_path):
    """A photo is not an article: its article's page changes through the images
    plugin (variants, sizes, social card), and must not be kept stale."""
    newsroom(site)
    picture = photo(site.content / "images/2024/rapat.jpg", 1600, 1000, 40)
    site.article(
        "rapat-foto.md",
        title="Bawaslu Kota Palembang Rapat Bersama Pengawas Kelurahan",
        date="2024-10-25 09:00",
        slug="rapat-foto",
        image="images/2024/rapat.jpg",
        image_alt="Peserta rapat duduk mengelilingi meja",
    )
    first = site.build(verbose=True, **NO_SEARCH)
    assert first.returncode == 0, first.log
    page = "berita/2024/10/rapat-foto/"
    before = first.html(page).select_one("article img")
    assert before is not None

    photo(picture, 1200, 900, 200)  # another photo under the same name
    second = site.build(verbose=True, **NO_SEARCH)
    assert second.returncode == 0, second.log
    after = second.html(page).select_one("article img")
    assert (after["width"], after["height"]) != (before["width"], before["height"])
    clean = clean_build(site, tmp_path, "clean")
    assert clean.returncode == 0, clean.log
    assert_same_tree(site.output, clean.output)


def test_data_file_edit_renders_the_pages_that_show_it(site, tmp_path):
    """A tag's description lives in data/official_tags.yaml, not in any article."""
    newsroom(site)
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    vocabulary = data / "official_tags.yaml"
    settings = {"WRITER_INPUTS": [str(data)], "OFFICIAL_TAGS_VOCABULARY": str(vocabulary)}
    first = site.build(verbose=True, **NO_SEARCH, **settings)
    assert first.returncode == 0, first.log
    page = "tag/pilkada-serentak-2024/"
    old = first.html(page).select_one(".tag-intro__description").get_text(" ", strip=True)
    assert old.startswith("Pemilihan serentak gubernur"), old

    text = vocabulary.read_text(encoding="utf-8")
    assert text.count("Pemilihan serentak gubernur") == 1
    vocabulary.write_text(text.replace("Pemilihan serentak gubernur", "Pilkada serentak gubernur"))
    second = site.build(verbose=True, **NO_SEARCH, **settings)
    assert second.returncode == 0, second.log
    new = second.html(page).select_one(".tag-intro__description").get_text(" ", strip=True)
    assert new.startswith("Pilkada serentak gubernur"), new
    clean = clean_build(site, tmp_path, "clean", **settings)
    assert clean.returncode == 0, clean.log
    assert_same_tree(site.output, clean.output)


# -- content stamps: what stands for an article in a page's digest ---------------------


def make_article(title: str, *, slug: str, summary: str | None = "<p>Ringkasan.</p>"):
    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG

    metadata = {"title": title, "slug": slug, "date": dt.datetime(2024, 11, 1, 9, 0)}
    if summary is not None:
        metadata["summary"] = summary
    return Article(
        "<p>Isi rilis.</p>",
        metadata=metadata,
        settings=copy.deepcopy(DEFAULT_CONFIG),
        source_path=f"/situs/content/berita/{slug}.md",
        context={},
    )


def subject_digest(article) -> str | None:
    """The digest of an article as the subject of its page, in a fresh build."""
    from plugins.writer.plugin import new_digester

    digester, _stamps = new_digester()
    return digester.digest(article)


@dataclasses.dataclass
class Mention:
    label: str
    article: object


@dataclasses.dataclass
class Enrichment:
    mentions: tuple


def test_article_digest_follows_the_articles_its_page_shows():
    main = make_article("Rapat Pengawasan", slug="rapat")
    related = make_article("Patroli Pengawasan", slug="patroli")
    quoted = make_article("Sosialisasi Pemilih", slug="sosialisasi", summary=None)
    main.related_articles = [related]
    main.enrichment = Enrichment((Mention("lihat juga", quoted),))
    before = subject_digest(main)
    assert before is not None

    related.title = "Patroli Pengawasan Tahapan"  # shown in the related list
    retitled = subject_digest(main)
    assert retitled != before

    quoted._content = "<p>Isi yang diperbarui.</p>"  # no Summary: lists show the body
    assert subject_digest(main) != retitled
    changed_body = subject_digest(main)

    related._content = "<p>Isi baru.</p>"  # has a Summary: lists show that, not the body
    assert subject_digest(main) == changed_body

    main.enrichment.mentions[0].label = "baca pula"  # an object inside its own state
    assert subject_digest(main) != changed_body


def test_article_digest_does_not_depend_on_which_values_are_shared():
    """Pelican's content cache shares strings differently from a fresh read."""
    shared = make_article("Rapat Pengawasan", slug="rapat")
    shared.metadata["title"] = shared.title
    copied = make_article("Rapat Pengawasan", slug="rapat")
    copied.metadata["title"] = "".join(["Rapat ", "Pengawasan"])
    assert copied.metadata["title"] is not copied.title
    assert subject_digest(shared) == subject_digest(copied)


def test_a_list_of_articles_is_described_as_its_articles_one_by_one():
    """A list or a listing's page looks up the articles described already
    (`Digester.item_texts`): each by itself, whatever else the list holds."""
    from pelican.paginator import Paginator
    from pelican.settings import DEFAULT_CONFIG

    from plugins.writer.plugin import new_digester

    first = make_article("Rapat Pengawasan", slug="rapat")
    second = make_article("Patroli Pengawasan", slug="patroli")
    # The same source file and address, another state (a copy a plugin made).
    twin = make_article("Rapat Pengawasan Ulang", slug="rapat")
    settings = copy.deepcopy(DEFAULT_CONFIG)

    def fresh(value) -> str | None:
        return new_digester()[0].digest(value)

    def page(articles: list):
        return Paginator("index.html", "", articles, settings, 2).page(1)

    digester, _ = new_digester()
    assert digester.digest([first, second]) == fresh([first, second])
    # Now both are known: another list of them is told by the look-ups alone.
    assert digester.digest([first, second]) == fresh([first, second])
    assert digester.digest([second, first]) == fresh([second, first])
    assert digester.digest([second, first]) != digester.digest([first, second])
    assert digester.digest([first, twin]) == fresh([first, twin])
    assert digester.digest([first, twin]) != digester.digest([first, first])
    assert digester.digest((first, "teks", 3)) == fresh((first, "teks", 3))
    assert digester.digest(page([first, second])) == fresh(page([first, second]))
    assert digester.digest(page([twin, second])) == fresh(page([twin, second]))
    assert digester.digest(page([twin, second])) != digester.digest(page([first, second]))


def test_article_state_pickle_cannot_write_is_described_the_slow_way():
    from plugins.writer.plugin import new_digester

    article = make_article("Rapat Pengawasan", slug="rapat")
    article.formatter = lambda text: text.upper()  # pickle writes no lambda
    digester, stamps = new_digester()
    before = digester.digest(article)
    assert before is not None and stamps.fallbacks == 1
    article.title = "Rapat Evaluasi"
    assert subject_digest(article) not in (None, before)


def test_stamps_taken_by_workers_are_the_stamps_taken_one_by_one():
    """`ContentStamps.prefill` stamps a flush's contents on every core: the
    same stamps and leaves as `_core` takes one by one; a content it cannot
    stamp (a lambda in its state, a leaf not among the contents) is left to
    `_core`, which finds it as before."""
    from plugins.writer.plugin import new_digester

    articles = [make_article(f"Rapat {number}", slug=f"rapat-{number}") for number in range(12)]
    for number, article in enumerate(articles):
        article.related_articles = [articles[(number + 1) % 12], articles[(number + 5) % 12]]
        article.enrichment = Enrichment((Mention("baca juga", articles[(number + 2) % 12]),))
    articles[3].formatter = lambda text: text  # pickle writes no lambda
    outsider = make_article("Di luar", slug="di-luar")
    articles[7].next_article = outsider  # a leaf the workers are not given

    _digester, serial = new_digester()
    expected = [serial._core(article) for article in articles]
    _digester, stamps = new_digester()
    stamps.prefill([*articles, articles[0], None], workers=2, min_per_worker=1)
    assert stamps.stamped == 10  # all but the lambda's and the one with an outside leaf
    assert [stamps._core(article) for article in articles] == expected
    assert stamps.fallbacks == 1 and stamps.stamped == 12
    assert expected[0][1] == (articles[1], articles[5], articles[2])


def wait_for_early_stamps(stamps, timeout: float = 60.0) -> None:
    """Until the early background has sent its first results back."""
    background = stamps._early[0]
    deadline = time.monotonic() + timeout
    while background._results_count() == 0:
        assert time.monotonic() < deadline, "the early stamps never came"
        time.sleep(0.01)


def test_early_stamps_are_the_stamps_taken_one_by_one_and_can_be_dropped():
    """`ContentStamps.start_early` stamps the contents in a background process
    while the pages are collected: the first `prefill` takes the same stamps
    and leaves as `_core` takes one by one (what it could not stamp is left
    to `_core`); once dropped (an outside plugin connected since), nothing
    of it is used: a content changed after it started is stamped as it is.
    A body digested there counts while the page shows that very string."""
    from plugins.writer.plugin import new_digester

    articles = [make_article(f"Rapat {number}", slug=f"rapat-{number}") for number in range(12)]
    for number, article in enumerate(articles):
        article.related_articles = [articles[(number + 1) % 12], articles[(number + 5) % 12]]
    articles[3].formatter = lambda text: text  # pickle writes no lambda
    articles[7].next_article = make_article("Di luar", slug="di-luar")  # not among them

    _digester, serial = new_digester()
    expected = [serial._core(article) for article in articles]
    _digester, stamps = new_digester()
    stamps.start_early([*articles, articles[0], None])
    wait_for_early_stamps(stamps)  # (what it has not finished by the flush is stamped then)
    stamps.prefill(articles, workers=1)
    assert 0 < stamps.early <= 10  # all but the lambda's and the one with an outside leaf
    assert [stamps._core(article) for article in articles] == expected
    # The bodies were digested with the stamps, each with the string it is of.
    assert id(articles[1]) in stamps._source_bodies
    assert stamps.body(articles[1]) == hash_text(articles[1]._content)
    articles[2]._content = "<p>Isi rilis yang diperbarui.</p>"  # after the worker read it
    assert stamps.body(articles[2]) == hash_text("<p>Isi rilis yang diperbarui.</p>")

    _digester, stamps = new_digester()
    stamps.start_early(articles)
    wait_for_early_stamps(stamps)
    articles[0].title = "Rapat Evaluasi"  # after the background stamped it
    stamps.drop_early()
    stamps.prefill(articles, workers=1)
    assert stamps.early == 0
    assert stamps._core(articles[0]) != expected[0]
    assert [stamps._core(article) for article in articles[1:]] == expected[1:]


def test_a_warm_build_takes_the_article_stamps_early_and_equals_a_clean_build(site, tmp_path):
    """A warm build stamps the articles in the background from the first page
    collected (`WriterBuild.stamp_early`), not in Pelican's process at the
    flush; a retitled release is still told by every page that shows it."""
    files = newsroom(site)
    first = site.build(verbose=True, **NO_SEARCH)
    assert first.returncode == 0, first.log
    retitled = files["rilis-3"]
    retitled.write_text(
        retitled.read_text(encoding="utf-8").replace("Rapat Pengawasan", "Rapat Evaluasi", 1),
        encoding="utf-8",
    )
    second = site.build(verbose=True, **NO_SEARCH)
    assert second.returncode == 0, second.log
    early = re.findall(r"articles and pages stamped in [\d.]+ s, (\d+) of them early", second.log)
    assert early and int(early[-1]) >= len(files), second.log[-3000:]
    assert "Rapat Evaluasi" in second.html("berita/2024/10/rilis-3/").h1.get_text()
    clean = clean_build(site, tmp_path, "clean")
    assert clean.returncode == 0, clean.log
    assert_same_tree(site.output, clean.output)


def test_equal_authors_of_one_settings_are_described_once_per_build():
    """Each article has its own Author and Category objects: described once per
    value and settings, so a changed name, slug rule, address or plugin
    attribute is still told apart."""
    from pelican.settings import DEFAULT_CONFIG
    from pelican.urlwrappers import Author

    from plugins.writer import plugin

    settings = copy.deepcopy(DEFAULT_CONFIG)
    other_settings = {**settings, "AUTHOR_URL": "penulis/{slug}/"}
    calls = []
    original = plugin.describe_url_wrapper

    def counting(wrapper, digester):
        calls.append(wrapper.name)
        return original(wrapper, digester)

    plugin.describe_url_wrapper = counting
    try:
        digester, _stamps = plugin.new_digester()
        first = digester.digest(Author("Humas Bawaslu", settings))
        again = digester.digest(Author("Humas Bawaslu", settings))
        assert first == again and calls == ["Humas Bawaslu"]
        renamed = digester.digest(Author("Humas Bawaslu Sumsel", settings))
        moved = digester.digest(Author("Humas Bawaslu", other_settings))
        counted = Author("Humas Bawaslu", settings)
        counted.article_count = 3  # a plugin's attribute, shown like the name
        listed = Author("Humas Bawaslu", settings)
        listed.offices = ["Sumsel"]  # unhashable: described on its own
        assert len({first, renamed, moved, digester.digest(counted)}) == 4
        assert digester.digest(listed) not in (first, None)
        assert len(calls) == 5
    finally:
        plugin.describe_url_wrapper = original


STAMP_PROGRAM = """
import dataclasses, datetime, sys
sys.path.insert(0, {repo!r})
from warta.fingerprint import StateStamper

@dataclasses.dataclass
class Place:
    name: str
    parent: object = dataclasses.field(default=None, repr=False)

province = Place("Sumatera Selatan")
value = {{
    "title": "Rapat",
    "when": datetime.datetime(2024, 11, 27, 9, tzinfo=datetime.timezone.utc),
    "places": [Place("Kota Palembang", province), province],
    "counts": (1, 2.5, None, True),
}}
print(StateStamper(leaf_types=(), leaf_key=str).stamp(value)[0])
"""


def test_state_stamp_is_the_same_in_another_process():
    digests = {
        subprocess.run(
            [sys.executable, "-c", STAMP_PROGRAM.format(repo=str(REPO))],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed},
        ).stdout.strip()
        for seed in ("1", "2")
    }
    assert len(digests) == 1 and "" not in digests


def test_state_stamp_leaves_out_back_links_and_collects_leaves():
    @dataclasses.dataclass
    class Place:
        name: str
        parent: object = dataclasses.field(default=None, repr=False)

    class Leaf:
        def __init__(self, key):
            self.key = key

    stamper = StateStamper(leaf_types=(Leaf,), leaf_key=lambda v: v.key)
    first, second = Leaf("a.md"), Leaf("b.md")
    digest, leaves = stamper.stamp(
        {"place": Place("Lahat", Place("Sumsel")), "see": [first, second]}
    )
    assert leaves == (first, second)
    other, _ = stamper.stamp({"place": Place("Lahat", Place("Jambi")), "see": [first, second]})
    assert other == digest  # the parent is a back-link, not part of the value
    renamed, _ = stamper.stamp({"place": Place("Muara Enim"), "see": [first, second]})
    assert renamed != digest


def test_state_stamp_describes_shared_objects_once_per_build():
    """A tag or an author is shared by thousands of articles: its describer runs
    once per stamper (one build), and a date once per object; what they show
    still tells the states apart."""

    class Tag:
        def __init__(self, name):
            self.name = name

    described = []

    def describe_tag(tag, _digester):
        described.append(tag.name)
        return {"name": tag.name}

    stamper = StateStamper(leaf_types=(), leaf_key=str, describers={Tag: describe_tag})
    pemilu = Tag("Pemilu")
    when = dt.datetime(2024, 11, 27, 9, tzinfo=dt.UTC)
    first, _ = stamper.stamp({"tags": [pemilu], "date": when})
    second, _ = stamper.stamp({"tags": [pemilu], "date": when})
    assert described == ["Pemilu"] and first == second
    other, _ = stamper.stamp({"tags": [Tag("Pilkada")], "date": when})
    later, _ = stamper.stamp({"tags": [pemilu], "date": when + dt.timedelta(hours=1)})
    assert described == ["Pemilu", "Pilkada"] and len({first, other, later}) == 3


def test_state_stamp_refuses_sets_and_what_pickle_cannot_write():
    """A set's order changes between processes; the slow path sorts it."""
    stamper = StateStamper(leaf_types=(), leaf_key=str)

    class Labels(set):
        pass

    refused = (
        {"tags": {"pilkada", "pemilu"}},
        [frozenset({"a"})],
        {"empty": (set(), 1)},
        {"empty": frozenset()},
        {"deep": [{"x": [Labels({"a"})]}]},
        {"f": lambda: 1},
    )
    for value in refused:
        with pytest.raises(Unstable):
            stamper.stamp(value)
    # Text that spells a set's opcodes or its class is text.
    for text in ("Rapat \u2011 \u00cf \x8f \x91", "cbuiltins\nset\n", "builtins set"):
        stamper.stamp({"text": text, "bytes": text.encode()})


@pytest.mark.parametrize(
    "path",
    [
        "",
        "/etc/passwd",
        "a//b",
        "a/",
        "./a",
        "a/./b",
        "a/.",
        "..",
        "../a",
        "a/../b",
        "a/..",
        "a\\b",
        "a\x00b",
        ".",
        "/",
        "//",
    ],
)
def test_a_manifest_key_that_is_no_plain_site_path_is_left_out(tmp_path, path):
    """A hand-edited manifest naming a file outside the output, or through a
    `.`/`..`/empty segment, is read without it (`is_site_path`)."""
    import json

    from plugins.writer.manifest import VERSION

    output = tmp_path / "out"
    manifest = Manifest(tmp_path / "cache", output)
    good = ["index.html", "berita/2024/rapat/index.html", ".well-known/a.txt", "a/...b/..c"]
    files = {name: ["digest", [1, 2, "hash"]] for name in [*good, path]}
    manifest.folder.mkdir(parents=True)
    manifest.path.write_text(
        json.dumps(
            {"version": VERSION, "output": str(output.resolve()), "files": files, "kept": [path]}
        ),
        encoding="utf-8",
    )
    manifest.load()
    assert sorted(manifest.previous) == sorted(good)
    assert manifest.previous_kept == set()


def test_output_clean_keeps_listed_files_and_removes_emptied_folders(tmp_path):
    """The warm build's clean-up: files not kept go, folders left empty go (deep
    ones too), folders that keep a file below them stay, retained names stay."""
    output = tmp_path / "out"
    files = [
        "2024/05/kept/index.html",
        "2024/05/gone/index.html",
        "2024/06/deep/er/gone.txt",
        "feeds/kept.xml",
        "feeds/gone.xml",
        "top-gone.html",
        ".git/HEAD",
    ]
    for name in files:
        (output / name).parent.mkdir(parents=True, exist_ok=True)
        (output / name).write_text(name, encoding="utf-8")
    (output / "2024" / "empty").mkdir()

    OutputFolder(output).clean({"2024/05/kept/index.html", "feeds/kept.xml"}, {".git"})

    left = sorted(p.relative_to(output).as_posix() for p in output.rglob("*"))
    assert left == [
        ".git",
        ".git/HEAD",
        "2024",
        "2024/05",
        "2024/05/kept",
        "2024/05/kept/index.html",
        "feeds",
        "feeds/kept.xml",
    ]


@pytest.mark.parametrize("text", ["[1, 2]", '"x"', "null", '{"version": 1, "files": [1]}'])
def test_a_writer_manifest_of_another_shape_is_no_manifest(tmp_path, text):
    """Valid JSON of another shape stopped the build at `data.get`."""
    cache, output = tmp_path / "cache", tmp_path / "out"
    cache.mkdir()
    (cache / "manifest.json").write_text(text, encoding="utf-8")
    manifest = Manifest(cache, output)
    manifest.load()
    assert manifest.previous == {}
    assert not (cache / "manifest.json").exists()


# -- code in the settings file --------------------------------------------------------

SETTINGS_WITH_CODE = """
import sys

sys.path.insert(0, {helpers!r})

from pelicanconf import *  # noqa: F403
from penanda_helpers import suffix


def penanda(value):
    return "PENANDA-A" + suffix()


JINJA_FILTERS = {{**JINJA_FILTERS, "penanda": penanda}}
THEME_TEMPLATES_OVERRIDES = [{overrides!r}]
"""


def settings_with_a_filter(tmp_path: Path) -> tuple[Path, Path]:
    """A settings file defining a Jinja filter (calling a helper module beside
    it) that an override of the theme's footer shows: (settings, helper)."""
    helpers = tmp_path / "helpers"
    helpers.mkdir()
    helper = helpers / "penanda_helpers.py"
    helper.write_text('def suffix():\n    return "-1"\n', encoding="utf-8")
    overrides = tmp_path / "overrides"
    (overrides / "partials").mkdir(parents=True)
    footer = (REPO / "theme/templates/partials/footer.html").read_text(encoding="utf-8")
    (overrides / "partials/footer.html").write_text(
        '<p class="penanda">{{ "x"|penanda }}</p>\n' + footer, encoding="utf-8"
    )
    settings = tmp_path / "settings_with_code.py"
    settings.write_text(
        SETTINGS_WITH_CODE.format(helpers=str(helpers), overrides=str(overrides)),
        encoding="utf-8",
    )
    return settings, helper


def marks(output: Path) -> set[str]:
    """The filter's output on every HTML page."""
    found = set()
    for page in output.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        found.update(p.get_text() for p in soup.select("p.penanda"))
    return found


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_filter_edited_in_the_settings_file_renders_every_page_again(site, tmp_path):
    """A Jinja filter defined in the settings file was digested by its name:
    editing what it returns left every page as it was ("build ok")."""
    newsroom(site)
    settings, helper = settings_with_a_filter(tmp_path)

    build = settings_builder(site, settings)

    first = build()
    total = counts(first.log)[0]
    assert marks(site.output) == {"PENANDA-A-1"}
    assert counts(build().log) == (0, total)  # an untouched settings file: all reused

    replace_in(settings, '"PENANDA-A"', '"PENANDA-B"')
    assert counts(build().log) == (total, 0)
    assert marks(site.output) == {"PENANDA-B-1"}

    # A module the settings file imports is the filter's code too.
    replace_in(helper, '"-1"', '"-2"')
    assert counts(build().log) == (total, 0)
    assert marks(site.output) == {"PENANDA-B-2"}

    clean = build(tmp_path / "clean/output", tmp_path / "clean/cache")
    assert_same_tree(site.output, clean.output)


def test_page_digest_asks_each_shared_value_once(tmp_path):
    """The settings and the site's lists are the same objects on every page: their
    tokens are worked out once per build; a value a page changes still counts."""
    from plugins.writer.plugin import WriterBuild

    settings = {"CACHE_PATH": str(tmp_path / "cache"), "THEME": str(tmp_path / "theme")}
    build = WriterBuild(settings, str(tmp_path / "out"))
    build.digest = "build"
    environment = Environment(
        loader=DictLoader({"page.html": "{{ SITENAME }} {{ menu }} {{ title }}"})
    )
    template = environment.get_template("page.html")
    asked = []
    for digester in (build.digester, build.body_digester):
        token = digester.token
        digester.token = functools.partial(
            lambda token, value: asked.append(value) or token(value), token
        )
    menu = [("Berita", "/berita/")]
    context = {"SITENAME": "Bawaslu Sumsel", "menu": menu}
    first = build.page_fingerprint(template, {**context, "title": "Rapat"}, "a.html", False)
    second = build.page_fingerprint(template, {**context, "title": "Rapat"}, "b.html", False)
    assert asked.count(menu) == 1 and asked.count("Bawaslu Sumsel") == 1
    assert first != second  # the page's own name
    retitled = build.page_fingerprint(template, {**context, "title": "Evaluasi"}, "a.html", False)
    renamed = {**context, "SITENAME": "Bawaslu Sumatera Selatan", "title": "Rapat"}
    assert len({first, retitled, build.page_fingerprint(template, renamed, "a.html", False)}) == 3


def test_a_flushs_page_keys_taken_on_every_core_are_the_keys_taken_one_by_one(tmp_path):
    """`WriterBuild._fingerprints`: the first page of each template (and set
    of own names) and every feed in Pelican's process, the other pages'
    keys in forked workers, each the key `page_fingerprint` gives alone,
    in the jobs' order."""
    import os

    from plugins.writer.plugin import Job, WriterBuild

    def writer_build(**more) -> WriterBuild:
        settings = {"CACHE_PATH": str(tmp_path / "cache"), "THEME": str(tmp_path / "theme")}
        build = WriterBuild({**settings, **more}, str(tmp_path / "out"))
        build.digest = "build"
        return build

    environment = Environment(
        loader=DictLoader({"a.html": "{{ SITENAME }} {{ title }}", "b.html": "{{ title }}"})
    )
    templates = [environment.get_template("a.html"), environment.get_template("b.html")]
    own = frozenset({"title", "output_file"})

    def jobs_of(build: WriterBuild) -> list[Job]:
        def where(fingerprint, *args) -> tuple[str | None, int]:
            return fingerprint(*args), os.getpid()

        jobs = []
        for number in range(24):
            context = {"SITENAME": "Bawaslu Sumsel", "title": f"Rapat {number % 7}"}
            name = f"berita/{number}.html"
            template = templates[number % 2]
            digest = functools.partial(
                where, build.page_fingerprint, template, context, name, False, own
            )
            shape = (template, own)
            jobs.append(Job(name, str(tmp_path / name), None, None, digest=digest, shape=shape))
        jobs.append(Job("feeds/all.xml", "", None, None, digest=lambda: ("feed", os.getpid())))
        return jobs

    alone = writer_build()
    expected = [job.digest()[0] for job in jobs_of(alone)]
    assert None not in expected and len(set(expected)) == 25

    build = writer_build(WRITER_WORKERS=2, WRITER_KEYS_PER_WORKER=1)
    taken = build._fingerprints(jobs_of(build))
    assert [fingerprint for fingerprint, _ in taken] == expected
    where = [pid for _, pid in taken]
    assert where[0] == where[1] == where[-1] == os.getpid()  # first of each template, the feed
    assert set(where[2:-1]) - {os.getpid()}  # the others on another core too


def test_page_digest_of_shared_values_is_keyed_by_every_value_the_page_reads(tmp_path):
    """The names pages share (their generator's context, the Jinja globals) are
    digested once for the same objects; any of them being another object on a
    page, a global replaced or a context value shadowing a global included,
    gives that page another digest, and the page's own values still count."""
    from plugins.writer.plugin import WriterBuild

    settings = {"CACHE_PATH": str(tmp_path / "cache"), "THEME": str(tmp_path / "theme")}
    build = WriterBuild(settings, str(tmp_path / "out"))
    build.digest = "build"
    environment = Environment(
        loader=DictLoader({"page.html": "{{ SITENAME }} {{ menu }} {{ motto }} {{ title }}"})
    )
    environment.globals["motto"] = "Bersama rakyat awasi pemilu"
    template = environment.get_template("page.html")
    own = frozenset({"title", "output_file"})
    context = {"SITENAME": "Bawaslu Sumsel", "menu": [("Berita", "/berita/")]}

    def digest(page_context, name="a.html"):
        return build.page_fingerprint(template, page_context, name, False, own)

    first = digest({**context, "title": "Rapat"})
    assert digest({**context, "title": "Rapat"}) == first
    assert digest({**context, "title": "Rapat"}, "b.html") != first
    assert digest({**context, "title": "Evaluasi"}) != first
    assert digest({**context, "menu": [("Berita", "/berita/")], "title": "Rapat"}) == first
    assert digest({**context, "menu": [("Profil", "/profil/")], "title": "Rapat"}) != first
    assert digest({**context, "SITENAME": "Bawaslu", "title": "Rapat"}) != first
    shadowed = digest({**context, "motto": "Awasi bersama", "title": "Rapat"})
    assert shadowed not in {first, None}
    environment.globals["motto"] = "Awasi bersama"
    assert digest({**context, "title": "Rapat"}) not in {first, None}
    environment.globals["motto"] = "Bersama rakyat awasi pemilu"
    assert digest({**context, "title": "Rapat"}) == first
