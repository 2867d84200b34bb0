"""The loaded gazetteer kept between builds (`warta.regions.configured`):
taken from the cache only for the same bytes of both files."""

from __future__ import annotations

import os
import shutil

from warta.regions import configured, gazetteer

REPO_DATA = configured.PROJECT_ROOT / "data" / "regions"


def fresh_process() -> None:
    """What a new build's process starts with: nothing loaded."""
    configured._KEPT.clear()
    gazetteer._load_cached.cache_clear()


def settings_for(tmp_path, **changes) -> dict:
    shutil.copy(REPO_DATA / "gazetteer.csv", tmp_path / "gazetteer.csv")
    shutil.copy(REPO_DATA / "aliases.yaml", tmp_path / "aliases.yaml")
    return {
        "REGIONS_GAZETTEER": str(tmp_path / "gazetteer.csv"),
        "REGIONS_ALIASES": str(tmp_path / "aliases.yaml"),
        "CACHE_PATH": str(tmp_path / "cache"),
        "LOAD_CONTENT_CACHE": True,
        "CACHE_CONTENT": True,
        **changes,
    }


def test_a_later_build_takes_the_kept_gazetteer_and_a_changed_file_is_read_again(tmp_path):
    settings = settings_for(tmp_path)
    fresh_process()
    first, problems = configured.load_configured(settings)
    assert first is not None and problems == ()
    assert (tmp_path / "cache" / "regions" / "gazetteer.pickle").is_file()
    assert first.resolve("OKU").unit.code == "16.01"

    fresh_process()
    kept, problems = configured.load_configured(settings)
    assert problems == ()
    assert gazetteer._load_cached.cache_info().misses == 0  # not parsed again
    assert kept is not first and kept.units == first.units
    assert kept.resolve("OKU").unit.code == "16.01"
    assert configured.load_configured(settings)[0] is kept  # one object per build

    # The aliases edited with their size and modification time kept: the
    # bytes differ, so the gazetteer is read again.
    aliases = tmp_path / "aliases.yaml"
    before = aliases.stat()
    text = aliases.read_text(encoding="utf-8")
    assert "aliases: [OKU, Baturadja]" in text
    aliases.write_text(
        text.replace("aliases: [OKU, Baturadja]", "aliases: [OKX, Baturadja]"), encoding="utf-8"
    )
    os.utime(aliases, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert aliases.stat().st_size == before.st_size
    fresh_process()
    changed, _ = configured.load_configured(settings)
    assert gazetteer._load_cached.cache_info().misses == 1
    assert changed.resolve("OKX").unit.code == "16.01"
    assert changed.resolve("OKU").unit is None


def test_without_the_caches_nothing_is_kept(tmp_path):
    settings = settings_for(tmp_path, LOAD_CONTENT_CACHE=False)
    fresh_process()
    assert configured.load_configured(settings)[0] is not None
    assert not (tmp_path / "cache").exists()


def test_a_kept_file_that_cannot_be_read_is_made_again(tmp_path):
    settings = settings_for(tmp_path)
    fresh_process()
    configured.load_configured(settings)
    kept = tmp_path / "cache" / "regions" / "gazetteer.pickle"
    kept.write_bytes(kept.read_bytes()[:100])
    fresh_process()
    again, problems = configured.load_configured(settings)
    assert again is not None and problems == ()
    assert again.resolve("OKU").unit.code == "16.01"
    assert len(kept.read_bytes()) > 100
