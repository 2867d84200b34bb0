"""A cache or output folder that is a file: one line naming it, no traceback."""

from __future__ import annotations

import contextlib
import logging
import shutil

import pytest

NO_SEARCH = {"SEARCH_ENABLED": False}


@pytest.mark.parametrize("key", ["OUTPUT_PATH", "CACHE_PATH"])
def test_a_build_folder_that_is_a_file_is_one_error(tmp_path, key):
    from warta.build import folder_problems

    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    settings = {"OUTPUT_PATH": str(tmp_path / "out"), "CACHE_PATH": str(tmp_path / "cache")}
    assert folder_problems(settings) == []
    settings[key] = str(afile)
    found = folder_problems(settings)
    assert [(f.path, f.level) for f in found] == [(str(afile), "error")]
    assert key in found[0].message


@pytest.mark.parametrize("key", ["OUTPUT_PATH", "CACHE_PATH"])
def test_the_build_stops_at_a_folder_that_is_a_file_with_one_line(site, key):
    site.article("a.md", title="Rapat pleno penetapan daftar pemilih")
    afile = site.root / "afile"
    afile.write_text("x", encoding="utf-8")

    built = site.build(**{key: str(afile)}, **NO_SEARCH)

    assert built.returncode == 1
    assert [f.path for f in built.findings("error")] == [str(afile)], built.log
    assert afile.read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize("blocker", ["writer", "writer/manifest.json"])
def test_a_writer_cache_name_of_the_wrong_kind_is_one_warning_naming_it(site, blocker):
    """cache/writer a file, or cache/writer/manifest.json a folder: one warning
    naming what stands in the way and its kind (the folder case named
    cache/writer and said "delete or rename that file")."""
    site.article("a.md", title="Rapat pleno penetapan daftar pemilih")
    in_the_way = site.root / "cache" / blocker
    in_the_way.parent.mkdir(parents=True)
    if blocker == "writer":
        in_the_way.write_text("x", encoding="utf-8")
    else:
        in_the_way.mkdir()
    kind, made = ("file", "folder") if blocker == "writer" else ("folder", "file")

    built = site.build(**NO_SEARCH)

    assert built.returncode == 0, built.log
    [said] = [f for f in built.findings("warning") if f.message.startswith("writer:")]
    assert said.path == f"cache/{blocker}", built.log
    assert f"a {kind} stands where the cache's {made} should be" in said.message, said
    fix = said.message.rsplit("(", 1)[-1]
    assert fix.startswith(f"delete the {kind} "), said
    assert fix.endswith(f"cache/{blocker}; the build makes the {made})"), said
    assert any(p.endswith("index.html") and "rapat-pleno" in p for p in built.files())
    second = site.build(**NO_SEARCH)
    assert second.returncode == 0, second.log


def test_an_images_cache_folder_that_is_a_file_is_a_warning_and_the_cards_are_made(site):
    """cache/images a file: the build stopped with NotADirectoryError."""
    site.article("a.md", title="Rapat pleno penetapan daftar pemilih", slug="rapat-pleno")
    (site.root / "cache").mkdir()
    (site.root / "cache" / "images").write_text("x", encoding="utf-8")

    built = site.build(**NO_SEARCH)

    assert built.returncode == 0, built.log
    said = built.findings("warning")
    assert [f.path.rsplit("/", 2)[-2:] for f in said] == [["cache", "images"]], built.log
    cards = [p for p in built.files() if p.endswith("og.png")]
    assert len(cards) == 1, built.files()
    assert (built.output / cards[0]).stat().st_size > 0
    assert (site.root / "cache" / "images").read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize("key", ["OUTPUT_PATH", "CACHE_PATH"])
def test_a_build_folder_below_a_file_is_one_error(tmp_path, key):
    """`OUTPUT_PATH=afile/site`: the folder cannot be made; the start-up check
    looked at the path itself only, and the build failed deep in a plugin."""
    from warta.build import folder_problems

    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    settings = {"OUTPUT_PATH": str(tmp_path / "out"), "CACHE_PATH": str(tmp_path / "cache")}
    settings[key] = str(afile / "site")
    found = folder_problems(settings)
    assert [(f.path, f.level) for f in found] == [(str(afile / "site"), "error")]


@pytest.mark.parametrize("inside", ["files", "manifest.json"])
def test_a_name_of_the_images_cache_that_is_of_the_wrong_kind_is_a_warning(site, inside):
    """cache/images/files a file stopped the build with FileExistsError (the
    cards' folder.mkdir), cache/images/manifest.json a folder with
    IsADirectoryError (the manifest's save): only cache/images itself was checked."""
    site.article("a.md", title="Rapat pleno penetapan daftar pemilih", slug="rapat-pleno")
    assert site.build(**NO_SEARCH).returncode == 0
    cache = site.root / "cache" / "images"
    in_the_way = cache / inside
    if inside == "files":
        shutil.rmtree(in_the_way)
        in_the_way.write_text("x", encoding="utf-8")
    else:
        in_the_way.unlink()
        in_the_way.mkdir()
    shutil.rmtree(site.output)

    built = site.build(**NO_SEARCH)

    assert built.returncode == 0, built.log
    said = built.findings("warning")
    assert [f.path for f in said] == [f"cache/images/{inside}"], built.log
    assert f"cache/images/{inside}" in said[0].message.rsplit("(", 1)[-1], built.log
    cards = [p for p in built.files() if p.endswith("og.png")]
    assert len(cards) == 1, built.files()
    assert (built.output / cards[0]).stat().st_size > 0
    assert in_the_way.is_file() == (inside == "files")


CACHE_FOLDERS = ["article_cache", "content_lint", "enrichment", "related"]


def test_each_cache_folder_that_is_a_file_is_one_warning_naming_it(site):
    """cache/article_cache a file: two lines (one per generator's store), each
    naming a temporary `.part` file and no fix; cache/enrichment, content_lint
    and related the same, in words of their own."""
    site.article("a.md", title="Rapat pleno penetapan daftar pemilih", slug="rapat-pleno")
    site.article("b.md", title="Sosialisasi pengawasan partisipatif", slug="sosialisasi")
    assert site.build(**NO_SEARCH).returncode == 0
    cache = site.root / "cache"
    for name in CACHE_FOLDERS:
        shutil.rmtree(cache / name)
        (cache / name).write_text("x", encoding="utf-8")

    built = site.build(**NO_SEARCH)

    assert built.returncode == 0, built.log
    said = built.findings("warning")
    assert sorted(f.path for f in said) == [f"cache/{name}" for name in CACHE_FOLDERS], built.log
    for finding in said:
        assert ".part" not in finding.message, finding
        assert f"delete the file {finding.path};" in finding.message, finding
    assert all((cache / name).read_text(encoding="utf-8") == "x" for name in CACHE_FOLDERS)


def test_a_cache_file_that_cannot_be_saved_is_named_not_its_temporary_file(tmp_path):
    from warta.paths import save_cache

    folder = tmp_path / "cache" / "related" / "lists.json"
    folder.mkdir(parents=True)
    with reported() as said:
        assert save_cache(folder, b"{}", owner="related", consequence="ranked again") is False
    assert [(f.path, f.level) for f in said] == [(str(folder), "warning")]
    assert said[0].suggestion == f"delete the folder {folder}; the build makes the file"

    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    with reported() as said:
        assert not save_cache(afile / "a" / "b.pickle", b"", owner="x", consequence="again")
    assert [f.path for f in said] == [str(afile)]
    assert said[0].suggestion == f"delete the file {afile}; the build makes the folder"
    assert save_cache(tmp_path / "new" / "c.pickle", b"1", owner="x", consequence="again")
    assert (tmp_path / "new" / "c.pickle").read_bytes() == b"1"


@contextlib.contextmanager
def reported():
    """The findings `warta.findings.report` logs meanwhile."""
    said = []

    class Collect(logging.Handler):
        def emit(self, record):
            said.append(record.warta_finding)

    handler = Collect()
    logger = logging.getLogger("warta.paths")
    logger.addHandler(handler)
    try:
        yield said
    finally:
        logger.removeHandler(handler)
