"""warta/cachelog.py: a cache saved as what changed (a log beside the whole
file), never read wrong: a record cut off or altered, a log of an earlier
file, a log shared with a copy."""

from __future__ import annotations

import logging
import os
import pickle

import pytest

from warta.cachelog import CacheLog


def cache_at(path, key: str = "k1") -> CacheLog:
    return CacheLog(path, key, owner="test", consequence="the next build starts afresh")


def saved(path, entries: dict, key: str = "k1") -> CacheLog:
    cache = cache_at(path, key)
    cache.load()
    assert cache.save(entries)
    return cache


def big(number: int) -> dict:
    return {f"berita/{n}.md": ("stamp", b"x" * 200 + str(n).encode()) for n in range(number)}


def test_one_changed_entry_is_appended_and_read_back_with_the_rest(tmp_path):
    path = tmp_path / "store.pickle"
    saved(path, big(100))
    main = path.read_bytes()

    second = cache_at(path)
    entries = second.load()
    assert entries == big(100)
    entries["berita/7.md"] = ("stamp-2", b"baru")
    del entries["berita/8.md"]  # a release removed
    entries["berita/baru.md"] = ("stamp", b"rilis baru")
    assert second.save(entries)
    assert (second.appended, second.compacted) == (1, 0)
    assert path.read_bytes() == main  # the whole file is not written again
    assert second.log_path.stat().st_size < len(main) / 20

    third = cache_at(path)
    assert third.load() == entries
    assert third.save(third.load())  # nothing changed: nothing written
    assert (third.appended, third.compacted) == (0, 0)


def test_the_log_is_written_into_the_whole_file_once_it_has_grown(tmp_path):
    path = tmp_path / "store.pickle"
    saved(path, big(40))
    entries = big(40)
    for round_ in range(30):
        cache = cache_at(path)
        entries = cache.load()
        entries[f"berita/{round_}.md"] = ("stamp", b"y" * 200 + bytes([round_]))
        assert cache.save(entries)
        if cache.compacted:
            break
    else:
        pytest.fail("the log was never written into the file")
    assert not cache.log_path.exists()
    assert cache_at(path).load() == entries


@pytest.mark.parametrize(
    "damage",
    ["cut", "altered", "garbage"],
)
def test_a_log_record_cut_off_or_altered_starts_afresh_in_one_line(tmp_path, caplog, damage):
    path = tmp_path / "store.pickle"
    saved(path, big(50))
    cache = cache_at(path)
    entries = cache.load()
    entries["berita/1.md"] = ("stamp-2", b"baru")
    cache.save(entries)
    log = cache.log_path
    data = log.read_bytes()
    if damage == "cut":  # a build killed while appending
        log.write_bytes(data[:-5])
    elif damage == "altered":
        log.write_bytes(data[:-3] + bytes([data[-3] ^ 1]) + data[-2:])
    else:
        log.write_bytes(data + b"\x00" * 7)
    caplog.set_level(logging.INFO, logger="warta.cachelog")
    again = cache_at(path)
    assert again.load() == {}  # never the old entry in place of the new one
    [said] = [r.getMessage() for r in caplog.records if "cannot be loaded" in r.getMessage()]
    assert str(log) in said and "started afresh" in said
    assert again.save({"berita/2.md": ("s", b"b")})  # written whole: usable again
    assert not log.exists()
    assert cache_at(path).load() == {"berita/2.md": ("s", b"b")}


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps([1, 2])])
def test_a_whole_file_that_cannot_be_read_is_an_empty_cache_said_once(tmp_path, caplog, content):
    path = tmp_path / "store.pickle"
    path.write_bytes(content)
    caplog.set_level(logging.INFO, logger="warta.cachelog")
    assert cache_at(path).load() == {}
    assert len([r for r in caplog.records if "cannot be loaded" in r.getMessage()]) == 1


def test_a_log_left_by_an_earlier_file_is_not_read_nor_appended_to(tmp_path):
    """A build killed between writing the whole file and removing the old log:
    the log's records are of the earlier file (already in the new one)."""
    path = tmp_path / "store.pickle"
    saved(path, big(50))
    cache = cache_at(path)
    entries = cache.load()
    entries["berita/1.md"] = ("stamp-2", b"baru")
    cache.save(entries)
    stale = cache.log_path.read_bytes()
    entries["berita/1.md"] = ("stamp-3", b"lebih baru")
    written = cache_at(path)
    written.load()
    written._write_main(entries)  # (the whole file, as a compaction does)
    cache.log_path.write_bytes(stale)  # as if its removal never happened

    later = cache_at(path)
    assert later.load()["berita/1.md"] == ("stamp-3", b"lebih baru")
    later.save({**entries, "berita/2.md": ("s", b"b")})
    assert later.compacted == 1 and not later.log_path.exists()


def test_a_log_shared_with_a_copy_is_never_appended_to(tmp_path):
    """`invoke check` and CI may copy a cache folder with hard links: a save
    writes the whole file (a new one) instead of appending through the link."""
    path = tmp_path / "store.pickle"
    saved(path, big(50))
    cache = cache_at(path)
    entries = cache.load()
    entries["berita/1.md"] = ("stamp-2", b"baru")
    cache.save(entries)
    copy = tmp_path / "copy.log"
    os.link(cache.log_path, copy)
    before = copy.read_bytes()

    again = cache_at(path)
    entries = again.load()
    entries["berita/2.md"] = ("stamp-2", b"baru")
    assert again.save(entries)
    assert again.compacted == 1 and copy.read_bytes() == before
    assert cache_at(path).load() == entries


def test_a_cache_of_another_key_is_empty_and_replaced(tmp_path):
    path = tmp_path / "store.pickle"
    saved(path, big(10))
    other = cache_at(path, key="k2")
    assert other.load() == {}
    assert other.save({}) and other.compacted == 1
    assert cache_at(path).load() == {}  # the first key's entries are gone
    assert cache_at(path, key="k2").load() == {}


def test_a_build_whose_cache_logs_are_cut_off_says_so_once_each_and_builds_the_clean_site(
    site, tmp_path
):
    """A build killed while appending to the caches' logs: the next build
    starts those caches afresh, one line each, and writes what a clean build
    writes (never an entry older than its record)."""
    from conftest import append_text, assert_same_tree, clean_build_with, newsroom

    files = newsroom(site)
    settings = {"SEARCH_ENABLED": False}
    assert site.build(**settings).returncode == 0
    append_text(files["rilis-3"], "\nRapat ditutup pukul 12.00 WIB.\n")
    assert site.build(**settings).returncode == 0
    cache = site.root / "cache"
    logs = sorted(cache.rglob("*.log"))
    assert {log.parent.name for log in logs} >= {"article_cache", "content_lint", "enrichment"}
    append_text(files["rilis-3"], "\nRapat dibuka kembali pukul 13.00 WIB.\n")  # (not in any log)
    for log in logs:
        log.write_bytes(log.read_bytes()[:-9])

    again = site.build(verbose=True, **settings)
    assert again.returncode == 0, again.log
    said = [line for line in again.log.splitlines() if "cannot be loaded" in line]
    assert sorted(said) == sorted(set(said)) and len(said) == len(logs), said
    assert all("started afresh" in line for line in said), said
    clean = clean_build_with(site, tmp_path, **settings)
    assert_same_tree(site.output, clean.output)
    page = again.html("berita/2024/10/rilis-3/")
    assert "dibuka kembali" in page.get_text()
