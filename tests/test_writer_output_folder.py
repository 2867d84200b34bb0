"""plugins/writer: the output folder is the build's own; nothing outside it is
written or deleted (symbolic links put into it, manifest keys that climb out)."""

from __future__ import annotations

import json

import pytest

from plugins.writer.manifest import Entry, Manifest, OutputFolder

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
