"""plugins/writer: the output folder is the build's own; nothing outside it is
written or deleted (symbolic links put into it, manifest keys that climb out)."""

from __future__ import annotations

import json
import shutil

import pytest
from pelican import signals

from plugins.writer.manifest import Entry, Manifest, OutputFolder
from warta.paths import OutputPaths, emptied, emptying, output_file_refusal

NO_SEARCH = {"SEARCH_ENABLED": False}


@pytest.mark.parametrize(
    "key",
    ["../victim.txt", "/tmp/victim.txt", "a/../../victim.txt", "a\\b.html", "a\x00b", "", "./x"],
)
def test_a_manifest_key_outside_the_output_is_left_out(tmp_path, key):
    cache, output = tmp_path / "cache", tmp_path / "out"
    cache.mkdir()
    stamp = ["d", [1, 2, "ff"]]
    data = {
        "version": 3,
        "output": str(output.resolve()),
        "files": {key: stamp, "berita/x/index.html": stamp},
    }
    (cache / "manifest.json").write_text(json.dumps(data), encoding="utf-8")
    manifest = Manifest(cache, output)
    manifest.load()
    assert manifest.previous == {"berita/x/index.html": Entry("d", [1, 2, "ff"])}


def test_remove_deletes_nothing_outside_the_output_and_no_folder(tmp_path):
    output = tmp_path / "out"
    (output / "tag" / "x").mkdir(parents=True)
    (output / "tag" / "x" / "index.html").write_text("x", encoding="utf-8")
    (output / "gone.html").write_text("x", encoding="utf-8")
    victim = tmp_path / "victim.txt"
    victim.write_text("x", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "index.html").write_text("x", encoding="utf-8")
    (output / "linked").symlink_to(elsewhere)

    OutputFolder(output).remove(
        {"../victim.txt", str(victim), "tag", "linked/index.html", "gone.html", "none.html"}
    )

    assert victim.exists()
    assert (elsewhere / "index.html").exists()
    assert (output / "tag" / "x" / "index.html").exists()
    assert not (output / "gone.html").exists()


def test_a_hand_edited_manifest_deletes_nothing_outside_and_does_not_stop_the_build(site, tmp_path):
    site.article("a.md", title="Rapat pleno")
    first = site.build(**NO_SEARCH)
    assert first.returncode == 0, first.log
    manifest_path = site.root / "cache" / "writer" / "manifest.json"
    data = json.loads(manifest_path.read_text(encoding="utf-8"))
    victim = tmp_path / "victim.txt"
    victim.write_text("x", encoding="utf-8")
    entry = next(iter(data["files"].values()))
    folder = next(p for p in site.output.iterdir() if p.is_dir())
    data["files"].update({"../victim.txt": entry, str(victim): entry, folder.name: entry})
    manifest_path.write_text(json.dumps(data), encoding="utf-8")

    second = site.build(**NO_SEARCH)

    assert second.returncode == 0, second.log
    assert victim.exists()
    assert folder.is_dir()
    assert "Traceback" not in second.log and "CRITICAL" not in second.log


def snapshot(folder):
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_clean_removes_every_symbolic_link_kept_or_not(tmp_path):
    output, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    (elsewhere / "2024").mkdir(parents=True)
    (elsewhere / "2024" / "index.html").write_text("x", encoding="utf-8")
    (elsewhere / "index.html").write_text("x", encoding="utf-8")
    (output / "berita").mkdir(parents=True)
    (output / "berita" / "2024").symlink_to(elsewhere / "2024")
    (output / "berita" / "kept.html").symlink_to(elsewhere / "index.html")
    (output / "index.html").symlink_to(elsewhere / "index.html")
    (output / "media").symlink_to(elsewhere)
    (output / "pagefind").symlink_to(elsewhere)  # retained: the maintainer's own

    keep = {"index.html", "berita/kept.html", "berita/2024/index.html", "media/index.html"}
    OutputFolder(output).clean(keep, {"pagefind"})

    assert sorted(p.name for p in output.iterdir()) == ["pagefind"]
    assert (elsewhere / "2024" / "index.html").exists()
    assert (elsewhere / "index.html").exists()


def test_a_look_into_an_output_being_emptied_waits_for_the_emptying(tmp_path):
    # The writer empties the output in a forked process while the sources are
    # read; a page's address checked meanwhile must not see a link the
    # emptying is about to remove (the page would be refused as leaving the site).
    output, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    elsewhere.mkdir()
    output.mkdir()
    waited = []

    def empty():
        waited.append(True)
        (output / "berita").unlink()

    (output / "berita").symlink_to(elsewhere)
    emptying(output, empty)
    assert output_file_refusal(output, "berita/2024/rapat/index.html") is None
    assert OutputPaths(output).refusal("berita/2024/rapat/index.jpg") is None
    assert waited == [True]

    (output / "berita").symlink_to(elsewhere)
    emptying(output, empty)
    emptied(output)
    assert waited == [True, True]
    assert OutputPaths(output).refusal("berita/x.jpg") is None
    assert waited == [True, True]


def writer_build(tmp_path, **settings):
    from plugins.writer.plugin import WriterBuild

    (tmp_path / "content").mkdir(exist_ok=True)
    for number in range(300):  # a last build's pages, none kept (no manifest)
        page = tmp_path / "out" / "berita" / f"rilis-{number}" / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text("x", encoding="utf-8")
    base = {
        "CACHE_PATH": str(tmp_path / "cache"),
        "THEME": str(tmp_path / "theme"),
        "DELETE_OUTPUT_DIRECTORY": True,
        "OUTPUT_RETENTION": [],
    }
    return WriterBuild(base | settings, str(tmp_path / "out"))


def outside_receiver(sender, **kwargs):
    """A receiver of code that is not warta's (this test module)."""


@pytest.mark.parametrize("case", ["outside receiver", "cache in the output", "one writer worker"])
def test_the_output_is_emptied_before_the_reading_when_other_code_may_write_into_it(tmp_path, case):
    # The emptying runs beside the reading only when nothing but warta's own
    # code runs meanwhile, and never deletes what the build writes meanwhile.
    settings = {
        "cache in the output": {"CACHE_PATH": str(tmp_path / "out" / "cache")},
        "one writer worker": {"WRITER_WORKERS": 1},
    }.get(case, {})
    build = writer_build(tmp_path, **settings)
    if case == "outside receiver":
        signals.article_generator_finalized.connect(outside_receiver)
    try:
        build.prepare(str(tmp_path / "content"))
        assert not any((tmp_path / "out").rglob("index.html"))  # emptied already
    finally:
        signals.article_generator_finalized.disconnect(outside_receiver)
        build.cleaned()


def test_an_emptying_that_fails_stops_the_build_before_anything_is_written(tmp_path, monkeypatch):
    build = writer_build(tmp_path)

    def refuse(self, keep, retention):
        raise PermissionError(13, "Permission denied", str(tmp_path / "out" / "berita"))

    monkeypatch.setattr(OutputFolder, "clean", refuse)
    with pytest.raises(PermissionError):
        build.prepare(str(tmp_path / "content"))
        # a look into the output meanwhile waits for it, and goes on
        assert output_file_refusal(tmp_path / "out", "berita/x/index.html") is None
        build.cleaned()
    build.cleaned()  # said once


@pytest.fixture
def built(site):
    site.article("a.md", title="Rapat pleno", date="2024-05-01 09:00")
    site.article("b.md", title="Rapat pleno kedua", date="2024-05-02 09:00")
    first = site.build(**NO_SEARCH)
    assert first.returncode == 0, first.log
    return site


def article_folder(output):
    """The folder of the articles' pages (two levels below the output)."""
    page = next(p for p in sorted(output.rglob("index.html")) if "rapat-pleno" in p.as_posix())
    return output / page.relative_to(output).parts[0]


@pytest.mark.parametrize("warm", [True, False])
def test_a_linked_folder_in_the_output_is_removed_before_pages_are_written(built, tmp_path, warm):
    folder = article_folder(built.output)
    elsewhere = tmp_path / "elsewhere"
    folder.rename(elsewhere)
    folder.symlink_to(elsewhere)
    before = snapshot(elsewhere)
    if not warm:
        (built.root / "cache" / "writer" / "manifest.json").unlink()

    second = built.build(**NO_SEARCH)

    assert second.returncode == 0, second.log
    assert snapshot(elsewhere) == before
    assert not folder.is_symlink() and any(folder.rglob("index.html"))
    warnings = [f for f in second.findings("warning") if "symbolic link" in f.message]
    assert len(warnings) == 1 and warnings[0].path.endswith(folder.name)


def test_a_kept_top_level_file_that_is_a_link_is_removed_and_written_again(built, tmp_path):
    home = built.output / "index.html"
    evil = tmp_path / "evil.html"
    evil.write_bytes(home.read_bytes())
    home.unlink()
    home.symlink_to(evil)
    before = evil.stat()

    second = built.build(**NO_SEARCH)

    assert second.returncode == 0, second.log
    assert evil.stat().st_mtime_ns == before.st_mtime_ns
    assert home.is_file() and not home.is_symlink()


def test_the_writer_writes_no_page_through_a_link_when_the_output_is_not_cleaned(built, tmp_path):
    folder = article_folder(built.output)
    elsewhere = tmp_path / "elsewhere"
    folder.rename(elsewhere)
    folder.symlink_to(elsewhere)
    before = snapshot(elsewhere)
    (built.root / "cache" / "writer" / "manifest.json").unlink()  # render everything

    second = built.build(DELETE_OUTPUT_DIRECTORY=False, **NO_SEARCH)

    assert snapshot(elsewhere) == before
    errors = [f for f in second.findings("error") if f.path.endswith(folder.name)]
    assert len(errors) == 1, second.log
    assert "outside the output" in errors[0].message


def test_a_search_bundle_folder_that_is_a_link_is_removed_and_the_index_built(site, tmp_path):
    """output/pagefind a link (a name of OUTPUT_RETENTION, which the clean-up
    leaves): the search plugin refused the folder without naming the link."""
    site.article("a.md", title="Rapat pleno", date="2024-05-01 09:00")
    assert site.build().returncode == 0
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("x", encoding="utf-8")
    bundle = site.output / "pagefind"
    shutil.rmtree(bundle)
    bundle.symlink_to(elsewhere)

    built = site.build()

    assert built.returncode == 0, built.log
    said = [(f.path, f.level) for f in built.findings() if not f.path.startswith("content/")]
    assert said == [("output/pagefind", "warning")], built.log
    assert not bundle.is_symlink() and (bundle / "bundles.json").is_file()
    assert sorted(p.name for p in elsewhere.iterdir()) == ["keep.txt"]


@pytest.mark.parametrize("relative", [True, False])
def test_an_output_file_is_joined_as_pelicans_sanitised_join_joins_it(
    tmp_path, relative, monkeypatch
):
    # The writer works the output folder's absolute path out once; each page's
    # path is Pelican's, and one leading outside is refused as Pelican refuses it.
    from pelican.utils import sanitised_join

    from plugins.writer.plugin import IncrementalWriter

    monkeypatch.chdir(tmp_path)
    output = "out" if relative else str(tmp_path / "out")
    writer = IncrementalWriter(output, settings={"RELATIVE_URLS": False, "SITEURL": ""})
    names = ["index.html", "berita/2024/x/index.html", "a/./b/../c.html", "tag//x.html", "a/"]
    for name in names:
        assert writer._output_join(name) == sanitised_join(output, name)
    for name in ["../elsewhere.html", "a/../../elsewhere.html", str(tmp_path / "other.html")]:
        with pytest.raises(RuntimeError):
            sanitised_join(output, name)
        with pytest.raises(RuntimeError):
            writer._output_join(name)
