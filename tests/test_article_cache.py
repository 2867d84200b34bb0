"""article_cache: unchanged articles come from snapshots taken as read, never
at the cost of a finding, an embargo or a setting (plugins/article_cache,
warta/snapshots.py)."""

from __future__ import annotations

import copy
import datetime as dt
import gzip
import hashlib
import os
import pickle
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from lxml import etree
from pelican import signals
from pelican.contents import Article
from pelican.generators import CachingGenerator
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Author, Tag

from conftest import (
    OFFICES,
    REPO,
    FixtureSite,
    append_text,
    assert_same_tree,
    newsroom,
    overwrite_keeping_times,
    run_build,
    settings_builder,
)
from plugins.article_cache.plugin import (
    GeneratorCache,
    OutsideInit,
    drop_unloadable_caches,
    future_dated,
    rebind_settings,
)
from plugins.parallel_markdown.plugin import _needs_reading as needs_reading
from warta.build import load_settings
from warta.plugin_order import SHIPPED, own_module
from warta.progress import BuildProgress
from warta.snapshots import SnapshotStore, dumps, file_stamp, loads, snapshot_loader

# No Pagefind run: the search index is none of the article cache's work (and a
# build that does not index leaves no index folder from the last one).
NO_SEARCH = {"SEARCH_ENABLED": False}
ATOM = {"a": "http://www.w3.org/2005/Atom"}
CACHE_LINE = re.compile(
    r"article_cache: ArticlesGenerator: (\d+) from the cache, (\d+) read and kept, "
    r"(\d+) read and not kept"
)


CACHE_LINE_END = re.compile(r"article_cache: ArticlesGenerator: .*$", re.M)


def cache_counts(built) -> tuple[int, int, int]:
    """(from the cache, read and kept, read and not kept) of the articles generator."""
    found = CACHE_LINE.findall(built.log)
    assert len(found) == 1, built.log[-3000:]
    return tuple(int(n) for n in found[0])


# -- the snapshot store -------------------------------------------------------------


class Node:
    def __init__(self, name, settings, context):
        self.name = name
        self.settings = settings
        self.context = context
        self.children = []


def test_shared_objects_are_left_out_and_given_back_by_identity():
    settings, context = {"SITENAME": "x" * 10_000}, {"articles": list(range(1000))}
    node = Node("a", settings, context)
    node.children.append(Node("b", settings, context))
    data = dumps(node, {"settings": settings, "context": context})
    assert len(data) < 500  # neither the settings nor the context is inside
    later_settings, later_context = {"SITENAME": "y"}, {"articles": []}
    back = loads(data, {"settings": later_settings, "context": later_context})
    assert back.settings is later_settings and back.context is later_context
    assert back.children[0].settings is later_settings
    with pytest.raises(pickle.UnpicklingError):
        loads(data, {"settings": later_settings})


class Held:
    """A class a snapshot names by its dotted name (pickle's protocol 4 on)."""

    class Inner:
        def __init__(self, when):
            self.when = when


def a_release(settings, context, number: int) -> Article:
    """An Article as a read makes it: Tag, Author and Category objects holding
    the settings, an aware date (a ZoneInfo), the shared context."""
    return Article(
        f"<p>Isi {number}.</p>",
        metadata={
            "title": f"Rilis {number}",
            "date": dt.datetime(2024, 11, 17, 9, number, tzinfo=ZoneInfo("Asia/Jakarta")),
            "authors": [Author("Bawaslu Jabar", settings)],
            "tags": [Tag("Pilkada", settings), Tag(f"Rapat {number}", settings)],
            "held": Held.Inner(dt.date(2024, 11, number + 1)),
            "sort": sorted,
        },
        settings=settings,
        source_path=f"/tmp/rilis-{number}.md",
        context=context,
    )


def test_a_store_unpickles_each_snapshot_without_python_code(tmp_path):
    """Every snapshot names the same classes (Article, Tag, SafeDatetime,
    ZoneInfo ...) and the shared settings several times: they are found once
    per store, by C code, not by a Python `find_class` and `persistent_load`
    per snapshot (15 Python calls a snapshot, 150,000 in a warm build of
    10,000 articles); what comes back is what was stored."""
    settings = {**copy.deepcopy(DEFAULT_CONFIG), "TIMEZONE": "Asia/Jakarta"}
    context = {"articles": []}
    path = tmp_path / "cache" / "store.pickle"
    store = store_at(path, shared={"settings": settings, "context": context})
    sources = []
    for number in range(20):
        source = tmp_path / f"rilis-{number}.md"
        source.write_text(f"rilis {number}", encoding="utf-8")
        sources.append(source)
        assert store.put(source.name, source, a_release(settings, context, number))
    store.save()

    later_settings = {**settings, "SITENAME": "Bawaslu"}
    later_context = {"articles": []}
    later = store_at(path, shared={"settings": later_settings, "context": later_context})
    first = later.get(sources[0].name, sources[0])  # the classes found once
    called: list[str] = []

    def note(frame, event, _arg):
        if event == "call":
            called.append(frame.f_code.co_name)

    sys.setprofile(note)
    try:
        back = [later.get(source.name, source) for source in sources[1:]]
    finally:
        sys.setprofile(None)
    assert "find_class" not in called and "persistent_load" not in called
    assert called.count("__init__") == 0  # no Python unpickler made per snapshot
    for number, article in enumerate([first, *back]):
        assert type(article) is Article and article.title == f"Rilis {number}"
        assert article.settings is later_settings and article._context is later_context
        assert all(tag.settings is later_settings for tag in article.tags)
        assert [tag.name for tag in article.tags] == ["Pilkada", f"Rapat {number}"]
        assert article.date == dt.datetime(2024, 11, 17, 9, number, tzinfo=ZoneInfo("Asia/Jakarta"))
        assert article.date.tzinfo is ZoneInfo("Asia/Jakarta")
        assert type(article.held) is Held.Inner and article.held.when == dt.date(
            2024, 11, number + 1
        )
        assert article.sort is sorted


@pytest.mark.parametrize(
    "data",
    [
        b"\x80\x05cos\npath.join\n.",  # a dotted name: a protocol that allows it
        b"\x80\x02cos\npath.join\n.",  # one that does not: refused as pickle refuses it
        b"\x80\x02c__builtin__\nlen\n.",  # a Python 2 name, which protocol 2 maps
        b"\x80\x05c__builtin__\nlen\n.",  # and protocol 5 does not
        b"\x80\x05cwarta_no_such_module\nThing\n.",
        b"\x80\x05\x8c\x08builtins\x94\x8c\x03len\x94\x93\x94.",  # STACK_GLOBAL
    ],
)
def test_a_snapshot_names_only_what_pickle_finds(data):
    """The classes a snapshot names are found by pickle's own rules for the
    protocol it was written with (nothing more, nothing less); asked twice
    (the second from the store's kept look-ups), the same answer."""
    try:
        expected = pickle.loads(data)
    except Exception as exc:  # what pickle raises is what the store must raise
        expected = type(exc)
    load = snapshot_loader({})
    for _ in range(2):
        try:
            found = load(data)
        except Exception as exc:
            found = type(exc)
        assert found is expected


def store_at(path: Path, key: str = "k1", shared=None) -> SnapshotStore:
    store = SnapshotStore(path, key, shared or {}, file_stamp("md5"))
    store.load()
    return store


def test_an_entry_lives_while_its_source_and_the_key_are_unchanged(tmp_path):
    source = tmp_path / "a.md"
    source.write_text("satu", encoding="utf-8")
    path = tmp_path / "cache" / "store.pickle"
    store = store_at(path)
    assert store.put("a.md", source, {"title": "Satu"})
    store.save()

    again = store_at(path)
    first = again.get("a.md", source)
    assert first == {"title": "Satu"}
    assert again.get("a.md", source) is first  # asked twice: one object

    assert store_at(path, key="k2").get("a.md", source) is None  # other code or settings
    source.write_text("dua", encoding="utf-8")
    assert store_at(path).get("a.md", source) is None  # the source changed


def test_a_stamp_follows_the_file_and_is_shared_by_the_stores(tmp_path):
    source = tmp_path / "a.md"
    source.write_text("satu", encoding="utf-8")
    first, second = file_stamp("md5"), file_stamp("md5")
    assert first(source) == second(source) == hashlib.md5(b"satu").digest()
    source.write_text("dua", encoding="utf-8")  # another size
    assert second(source) == hashlib.md5(b"dua").digest()
    before = source.stat()
    source.write_text("ena", encoding="utf-8")
    os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns + 1))  # same size, newer
    assert first(source) == hashlib.md5(b"ena").digest()


# One build's stamping of one source, in a process of its own: the digest,
# and how many files the stamp opened.
STAMP_IN_A_BUILD = """
import sys
from warta import filestate, snapshots
filestate.SETTLED_NS = int(sys.argv[3])
opened = []
snapshots.open = lambda path, *a, **k: opened.append(path) or open(path, *a, **k)
snapshots.recall_stamps(sys.argv[1])
try:
    digest = snapshots.file_stamp("md5")(sys.argv[2]).hex()
except OSError as exc:
    digest = type(exc).__name__
snapshots.keep_stamps(sys.argv[1])
print(digest, len(opened))
"""


def test_a_settled_sources_digest_is_kept_between_builds_while_its_stat_holds(tmp_path):
    """A warm build read and hashed every unchanged source to stamp it (0.25 s
    at 10,000): the digests of a source that had settled before it was read
    are kept beside the store with its stat, and a later build takes them
    while the file has that stat. Rewritten with the same size and its
    modification time put back (its status change time moves), replaced by
    another file of that size and time, its mode changed: read again. A file
    written just before it was read is not kept."""
    source = tmp_path / "rilis.md"
    source.write_bytes(b"Title: satu")
    kept = tmp_path / "cache" / "article_cache" / "stamps.pickle"

    def build(settled_ns: int = -(10**15)) -> tuple[str, int]:  # (a file of days ago)
        done = subprocess.run(
            [sys.executable, "-c", STAMP_IN_A_BUILD, str(kept), str(source), str(settled_ns)],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        )
        digest, opened = done.stdout.split()
        return digest, int(opened)

    def md5(data: bytes) -> str:
        return hashlib.md5(data).hexdigest()

    assert build() == (md5(b"Title: satu"), 1)
    assert build() == (md5(b"Title: satu"), 0)  # taken from the last build
    assert build() == (md5(b"Title: satu"), 0)

    overwrite_keeping_times(source, b"Title: dua!")  # the same size, the same modification time
    assert build() == (md5(b"Title: dua!"), 1)
    assert build() == (md5(b"Title: dua!"), 0)

    before = source.stat()
    other = tmp_path / "salinan.md"
    other.write_bytes(b"Title: tiga")
    os.utime(other, ns=(before.st_atime_ns, before.st_mtime_ns))
    other.replace(source)  # another file put in its place
    assert build() == (md5(b"Title: tiga"), 1)

    build()
    source.chmod(0)  # unreadable (for all but root, who still reads it)
    digest, opened = build()
    assert (digest, opened) in ((md5(b"Title: tiga"), 1), ("PermissionError", 1))
    source.chmod(0o644)

    source.write_bytes(b"Title: empat")
    assert build(settled_ns=2_000_000_000) == (md5(b"Title: empat"), 1)  # just written
    assert build(settled_ns=2_000_000_000) == (md5(b"Title: empat"), 1)  # not kept


def test_a_warm_build_after_a_rewrite_that_keeps_size_and_time_equals_a_clean_build(tmp_path):
    """A release rewritten with as many bytes, its modification time put back
    (an editor or a copy that keeps times), between two builds of sources
    settled before the first: the warm build publishes the new text."""
    site = FixtureSite(tmp_path / "site")
    files = newsroom(site)
    time.sleep(2.2)  # every source settled (warta.filestate.SETTLED_NS) before it is read
    assert site.build(**NO_SEARCH).returncode == 0
    edited = files["rilis-3"]
    before = edited.stat()
    text = edited.read_text(encoding="utf-8")
    assert "rapat pengawasan tahapan." in text
    edited.write_text(
        text.replace("rapat pengawasan tahapan.", "rapat pemantauan tahapan."), encoding="utf-8"
    )
    os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = edited.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    warm = site.build(verbose=True, **NO_SEARCH)
    assert warm.returncode == 0, warm.log
    assert cache_counts(warm) == (len(files) - 1, 1, 0)
    paragraphs = [p.get_text() for p in warm.html("berita/2024/10/rilis-3/").select("article p")]
    assert any("rapat pemantauan tahapan." in p for p in paragraphs), paragraphs
    clean = run_build(site.content, tmp_path / "clean" / "output", overrides=NO_SEARCH)
    assert clean.returncode == 0, clean.log
    assert_same_tree(site.output, clean.output)


def test_the_static_files_are_not_hashed_for_a_cache_nobody_keeps(tmp_path, monkeypatch):
    """Pelican's readers of the static files keep no cache, yet stamped each
    file twice a build (a look-up that never finds, a store that never
    keeps): every photo read and hashed twice on every build. Not stamped;
    the same static files, read as before."""
    from pelican.generators import StaticGenerator
    from pelican.settings import read_settings

    from plugins.article_cache.plugin import skip_uncached_stamps

    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    (content / "images" / "foto.jpg").write_bytes(b"\xff\xd8\xff" + bytes(64))
    settings = read_settings(override={"PATH": str(content), "CACHE_PATH": str(tmp_path / "cache")})
    context = {"static_links": set(), "static_content": {}, "generated_content": {}}
    made = []
    for skip in (False, True):
        generator = StaticGenerator(
            context=dict(context, static_content={}, static_links=set()),
            settings=settings,
            path=str(content),
            theme=settings["THEME"],
            output_path=str(tmp_path / "output"),
        )
        if skip:
            skip_uncached_stamps(generator)
        stamped = []
        stamp = generator.readers._filestamp_func
        generator.readers._filestamp_func = lambda path, s=stamped, f=stamp: (
            s.append(path) or f(path)
        )
        generator.generate_context()
        made.append(([f.relative_source_path for f in generator.staticfiles], len(stamped)))
    assert made == [(["images/foto.jpg"], 2), (["images/foto.jpg"], 0)]


def test_an_unchanged_store_is_not_written_again_and_an_outdated_one_is(tmp_path):
    source = tmp_path / "a.md"
    source.write_text("satu", encoding="utf-8")
    path = tmp_path / "store.pickle"
    first = store_at(path)
    first.put("a.md", source, "A")
    first.save()
    os.utime(path, ns=(1, 1))  # a write by the next save would change it

    unchanged = store_at(path)
    assert unchanged.get("a.md", source) == "A"
    unchanged.save()
    assert path.stat().st_mtime_ns == 1

    store_at(path, key="k2").save()  # made by other code: replaced, nothing asked
    assert path.stat().st_mtime_ns != 1
    assert store_at(path, key="k2").changed is False  # now the store of that code
    assert store_at(path).get("a.md", source) is None


def test_a_build_that_changes_one_entry_writes_that_entry_not_the_store(tmp_path):
    """A warm build after one edit: the store's file is not written again
    (0.22 s at 10,000 articles); the change is appended beside it, and the
    next build reads every entry as this one left them."""
    sources = {}
    for number in range(40):
        sources[f"{number}.md"] = tmp_path / f"{number}.md"
        sources[f"{number}.md"].write_text(f"rilis {number}", encoding="utf-8")
    path = tmp_path / "store.pickle"
    first = store_at(path)
    for name, source in sources.items():
        first.put(name, source, name.upper() * 50)
    first.save()
    whole = path.read_bytes()

    sources["7.md"].write_text("rilis 7, diperbaiki", encoding="utf-8")
    second = store_at(path)
    for name, source in sources.items():
        if second.get(name, source) is None:
            second.put(name, source, "DIPERBAIKI")
    second.save()
    assert path.read_bytes() == whole

    third = store_at(path)
    got = {name: third.get(name, source) for name, source in sources.items()}
    assert got == {name: "DIPERBAIKI" if name == "7.md" else name.upper() * 50 for name in sources}


def saved_store(tmp_path) -> tuple[dict[str, Path], Path]:
    """Two sources, a.md and b.md, stored (as "A.MD", "B.MD") and saved:
    their paths, and the store's file."""
    sources = {}
    for name in ("a.md", "b.md"):
        sources[name] = tmp_path / name
        sources[name].write_text(name, encoding="utf-8")
    path = tmp_path / "store.pickle"
    store = store_at(path)
    for name, source in sources.items():
        store.put(name, source, name.upper())
    store.save()
    return sources, path


def test_the_saved_store_keeps_only_what_this_build_used(tmp_path):
    sources, path = saved_store(tmp_path)

    second = store_at(path)
    assert second.get("a.md", sources["a.md"]) == "A.MD"  # b.md was removed from content/
    second.save()
    third = store_at(path)
    assert third.get("a.md", sources["a.md"]) == "A.MD"
    assert third.get("b.md", sources["b.md"]) is None


def test_a_forgotten_entry_is_not_given_again_in_the_build_nor_saved(tmp_path):
    """Forgotten before or after it was asked for: a later `get` of the same
    build gives nothing (it would keep the entry for the next save)."""
    sources, path = saved_store(tmp_path)

    second = store_at(path)
    assert second.get("a.md", sources["a.md"]) == "A.MD"
    second.forget("a.md")  # asked for, then dropped
    second.forget("b.md")  # dropped before anyone asked
    assert second.get("a.md", sources["a.md"]) is None
    assert second.get("b.md", sources["b.md"]) is None
    second.save()
    third = store_at(path)
    assert third.get("a.md", sources["a.md"]) is None
    assert third.get("b.md", sources["b.md"]) is None


def test_a_get_after_a_put_gives_what_this_build_stored(tmp_path):
    """An edited source is stored again; asked for later in the same build, the
    store gives the new snapshot, not nothing for the last build's outdated one."""
    source = tmp_path / "a.md"
    source.write_text("satu", encoding="utf-8")
    path = tmp_path / "store.pickle"
    store = store_at(path)
    store.put("a.md", source, "SATU")
    store.save()

    source.write_text("dua", encoding="utf-8")
    second = store_at(path)
    assert second.get("a.md", source) is None
    assert second.put("a.md", source, "DUA")
    assert second.get("a.md", source) == "DUA"


def test_what_pickle_cannot_write_is_not_kept_and_a_broken_file_is_an_empty_store(tmp_path):
    source = tmp_path / "a.md"
    source.write_text("satu", encoding="utf-8")
    path = tmp_path / "store.pickle"
    store = store_at(path)
    assert store.put("a.md", source, {"ok": 1})
    assert not store.put("a.md", source, {"handler": lambda: None})
    store.save()
    assert store_at(path).get("a.md", source) is None  # the older entry went too

    path.write_bytes(b"\x80\x05 not a pickle")
    assert store_at(path).get("a.md", source) is None


def test_a_store_that_cannot_be_loaded_is_said_and_written_again(tmp_path, caplog):
    source = tmp_path / "a.md"
    source.write_text("satu", encoding="utf-8")
    path = tmp_path / "store.pickle"
    path.write_bytes(b"\x80\x05 not a pickle")
    caplog.set_level("INFO", logger="warta.snapshots")
    store = store_at(path)
    [said] = [r.getMessage() for r in caplog.records if "cannot be loaded" in r.getMessage()]
    assert str(path) in said
    store.save()  # nothing stored: still not left broken for the next build
    assert pickle.loads(path.read_bytes())["entries"] == {}


# -- what is never kept -------------------------------------------------------------


def real_article(date: dt.datetime, settings=None) -> Article:
    settings = settings or {**copy.deepcopy(DEFAULT_CONFIG), "WITH_FUTURE_DATES": False}
    return Article(
        "<p>Isi.</p>",
        metadata={
            "title": "Rilis",
            "date": date,
            "tags": [Tag("Pilkada", copy.deepcopy(settings))],  # as from the readers' cache
        },
        settings=settings,
        source_path="/tmp/rilis.md",
    )


def test_future_dated_articles_are_never_kept(tmp_path):
    """Pelican makes a future-dated article a draft; a snapshot would keep it a
    draft after its date, when a fresh read publishes it."""
    zone = dt.timezone(dt.timedelta(hours=7))
    future = real_article(dt.datetime.now(zone) + dt.timedelta(minutes=5))
    past = real_article(dt.datetime.now(zone) - dt.timedelta(minutes=5))
    assert future.status == "draft" and past.status == "published"
    assert future_dated(future) and not future_dated(past)

    source = tmp_path / "rilis.md"
    source.write_text("Title: Rilis\n", encoding="utf-8")

    class Generator:  # the two attributes GeneratorCache reads of a CachingGenerator
        path = str(tmp_path)
        settings = future.settings

        def save_cache(self):
            pass

    store = store_at(tmp_path / "store.pickle", shared={"settings": future.settings})
    cache = GeneratorCache(Generator(), store, save=True)
    for article in (future, past):
        assert cache.get_cached_data("rilis.md") is None
        cache.cache_data("rilis.md", article)
        kept = store.get("rilis.md", source)
        assert (kept is not None) == (article is past)


def test_tags_from_pelicans_readers_cache_follow_the_builds_settings():
    settings = copy.deepcopy(DEFAULT_CONFIG)
    article = real_article(dt.datetime(2024, 11, 17, 9, 30), settings)
    stale = article.metadata["tags"][0]
    assert stale.settings is not settings
    rebind_settings(article, settings)
    assert stale.settings is settings
    assert len(dumps(article, {"settings": settings, "context": {}})) < 3000


# -- builds -------------------------------------------------------------------------


def test_a_warm_build_reads_only_the_changed_article_and_equals_a_clean_build(tmp_path):
    site = FixtureSite(tmp_path / "site")
    files = newsroom(site)
    assert cache_counts(site.build(verbose=True, **NO_SEARCH)) == (0, len(files), 0)
    assert cache_counts(site.build(verbose=True, **NO_SEARCH)) == (len(files), 0, 0)

    edited = files["rilis-3"]
    append_text(edited, "\nRapat dihadiri seluruh Panwascam.\n")
    warm = site.build(verbose=True, **NO_SEARCH)
    assert warm.returncode == 0, warm.log
    assert warm.findings("warning") == []
    assert cache_counts(warm) == (len(files) - 1, 1, 0)
    # Pelican's readers' cache (a second copy of every body) is retired.
    assert sorted(p.name for p in (site.root / "cache").glob("*Readers*")) == []
    paragraphs = [p.get_text() for p in warm.html("berita/2024/10/rilis-3/").select("article p")]
    assert "Rapat dihadiri seluruh Panwascam." in paragraphs

    clean = run_build(site.content, tmp_path / "clean" / "output", overrides=NO_SEARCH)
    assert clean.returncode == 0, clean.log
    assert_same_tree(site.output, clean.output)


def test_a_problem_found_while_reading_is_reported_on_every_build(site):
    newsroom(site)
    site.article(
        "lepas.md",
        title="Bawaslu Kota Palembang Rilis Foto Kegiatan Pengawasan",
        slug="lepas",
        body="PALEMBANG – Foto kegiatan.\n\n![Rapat]({static}/../../../etc/hostname)",
    )
    for _ in range(2):
        built = site.build(verbose=True, **NO_SEARCH)
        assert built.returncode != 0
        errors = [f for f in built.findings("error") if f.path.endswith("berita/lepas.md")]
        assert len(errors) == 1, built.log
        assert "leaves the content folder" in errors[0].message
        assert cache_counts(built)[2] == 1  # read again, not kept


def test_settings_that_shape_articles_invalidate_the_cache_and_others_do_not(site, tmp_path):
    files = newsroom(site)
    site.build(verbose=True, **NO_SEARCH)
    elsewhere = run_build(
        site.content,
        tmp_path / "elsewhere" / "output",
        cache=site.root / "cache",
        overrides=NO_SEARCH,
        verbose=True,
    )
    assert cache_counts(elsewhere) == (len(files), 0, 0)  # another output folder
    store = site.root / "cache" / "article_cache" / "ArticlesGenerator.pickle"
    saved = store.read_bytes()
    append_text(files["rilis-2"], "\nRapat ditutup pukul 12.00 WIB.\n")
    not_saving = site.build(verbose=True, CACHE_CONTENT=False, **NO_SEARCH)  # as `invoke check`
    assert cache_counts(not_saving) == (len(files) - 1, 0, 0)
    assert "nothing saved" in CACHE_LINE_END.search(not_saving.log)[0]
    assert store.read_bytes() == saved
    ignoring = site.build(verbose=True, LOAD_CONTENT_CACHE=False, **NO_SEARCH)
    assert cache_counts(ignoring) == (0, len(files), 0)  # `pelican --ignore-cache`
    assert cache_counts(site.build(verbose=True, **NO_SEARCH)) == (len(files), 0, 0)

    moved = site.build(verbose=True, TAG_URL="topik/{slug}/", TAG_SAVE_AS="topik/{slug}/index.html")
    assert moved.returncode == 0, moved.log
    assert cache_counts(moved) == (0, len(files), 0)
    links = {a["href"] for a in moved.html("berita/2024/10/rilis-1/").select("a.tag")}
    assert links and all("/topik/" in href for href in links), links


SETTINGS_WITH_A_SLUGIFY = """
from pelicanconf import *  # noqa: F403


def heading_id(value, separator):
    return "bagian-a-" + value.lower().replace(" ", separator)


MARKDOWN = {
    **MARKDOWN,
    "extension_configs": {
        **MARKDOWN["extension_configs"],
        "markdown.extensions.toc": {"slugify": heading_id},
    },
}
"""


def test_a_markdown_option_edited_in_the_settings_file_reads_the_articles_again(site, tmp_path):
    """A function given to a Markdown extension in the settings file was
    digested by its name: editing it kept every article as last read."""
    files = newsroom(site)
    append_text(files["rilis-1"], "\n## Hasil Rapat\n\nRapat menyepakati jadwal patroli.\n")
    settings = tmp_path / "settings_with_a_slugify.py"
    settings.write_text(SETTINGS_WITH_A_SLUGIFY, encoding="utf-8")

    build = settings_builder(site, settings)

    def heading_ids(built) -> list[str]:
        page = built.html("berita/2024/10/rilis-1/")
        return [h["id"] for h in page.select("h2[id]") if h.get_text() == "Hasil Rapat"]

    first = build()
    assert heading_ids(first) == ["bagian-a-hasil-rapat"]
    assert cache_counts(build()) == (len(files), 0, 0)  # an untouched settings file

    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace('"bagian-a-"', '"bagian-b-"'), encoding="utf-8")
    edited = build()
    assert cache_counts(edited) == (0, len(files), 0)
    assert heading_ids(edited) == ["bagian-b-hasil-rapat"]
    clean = build(tmp_path / "clean/output", tmp_path / "clean/cache")
    assert_same_tree(site.output, clean.output)


PENANDA_EXTENSION = """
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor


class Penanda(Preprocessor):
    def run(self, lines):
        return [line.replace("PENANDA", "PENANDA-A") for line in lines]


class PenandaExtension(Extension):
    def extendMarkdown(self, md):
        md.preprocessors.register(Penanda(md), "penanda", 5)


def makeExtension(**kwargs):
    return PenandaExtension(**kwargs)
"""


def test_the_sites_own_markdown_extension_edited_reads_the_articles_again(site, tmp_path):
    """A Markdown extension of the site's own, named in MARKDOWN by its module,
    was no part of the cache's key: editing it kept every article as last read."""
    files = newsroom(site)
    append_text(files["rilis-1"], "\nKode rapat: PENANDA.\n")
    helpers = tmp_path / "helpers"
    helpers.mkdir()
    extension = helpers / "penanda_ext.py"
    extension.write_text(PENANDA_EXTENSION, encoding="utf-8")
    settings = tmp_path / "settings_with_an_extension.py"
    settings.write_text(
        f"import sys\n\nsys.path.insert(0, {str(helpers)!r})\n\n"
        "from pelicanconf import *  # noqa: F403\n\n"
        'MARKDOWN = {**MARKDOWN, "extensions": ["penanda_ext"]}\n',
        encoding="utf-8",
    )

    build = settings_builder(site, settings)

    def said(built) -> list[str]:
        page = built.html("berita/2024/10/rilis-1/")
        return [p.get_text() for p in page.select("p") if p.get_text().startswith("Kode rapat")]

    assert said(build()) == ["Kode rapat: PENANDA-A."]
    assert cache_counts(build()) == (len(files), 0, 0)  # nothing edited

    text = extension.read_text(encoding="utf-8")
    extension.write_text(text.replace('"PENANDA-A"', '"PENANDA-B"'), encoding="utf-8")
    edited = build()
    assert cache_counts(edited) == (0, len(files), 0)
    assert said(edited) == ["Kode rapat: PENANDA-B."]
    clean = build(tmp_path / "clean/output", tmp_path / "clean/cache")
    assert_same_tree(site.output, clean.output)


# -- outside plugins' content_object_init ---------------------------------------------

OUTSIDE_INIT_PLUGIN = textwrap.dedent(
    '''
    """An outside plugin working in content_object_init, as gallery, statistics
    and body-rewriting plugins do: a value from a file of its own on each
    article, a paragraph added to the body, the articles counted
    (statistik.json, written at finalized), pages of its own showing them."""
    import json
    import os

    from jinja2 import DictLoader, Environment
    from pelican import signals
    from pelican.contents import Article
    from pelican.generators import Generator

    TEMPLATES = {
        "daftar.html": (
            "<ul>{% for a in articles %}<li>{{ a.slug }} {{ a.penanda }}</li>{% endfor %}</ul>"
        ),
        "rinci.html": "<h1>{{ article.title }}</h1><p>{{ article.penanda }}</p>",
    }
    calls = []


    def init(content):
        if isinstance(content, Article):
            with open(os.environ["OUTSIDE_MARK"], encoding="utf-8") as handle:
                content.penanda = handle.read().strip()
            content._content += "<p>Catatan luar.</p>"  # not idempotent: on the article as read
            calls.append(content.slug)


    class Pages(Generator):
        def generate_context(self):
            pass

        def generate_output(self, writer):
            env = Environment(loader=DictLoader(TEMPLATES))
            articles = self.context["articles"]
            writer.write_file(
                "luar/daftar/index.html", env.get_template("daftar.html"), self.context,
                articles=articles,
            )
            for article in articles:
                writer.write_file(
                    f"luar/rinci/{article.slug}/index.html", env.get_template("rinci.html"),
                    self.context, article=article,
                )


    def get_generators(pelican):
        return Pages


    def finalized(pelican):
        path = os.path.join(pelican.settings["OUTPUT_PATH"], "statistik.json")
        with open(path, "w", encoding="utf-8") as handle:
            json.dump({"artikel": len(set(calls)), "panggilan": len(calls)}, handle)


    def register():
        signals.content_object_init.connect(init)
        signals.get_generators.connect(get_generators)
        signals.finalized.connect(finalized)
    '''
)


def with_outside_plugin(tmp_path: Path, name: str, source: str) -> dict:
    """Build overrides adding an outside plugin (package `name` in its own folder)."""
    package = tmp_path / "outside-plugins" / name
    package.mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").write_text(source, encoding="utf-8")
    settings = load_settings(REPO / "pelicanconf.py")
    return {
        **NO_SEARCH,
        "PLUGIN_PATHS": [*settings["PLUGIN_PATHS"], str(package.parent)],
        "PLUGINS": [*settings["PLUGINS"], name],
    }


def test_outside_content_object_init_handlers_see_every_article_on_every_build(
    site, tmp_path, monkeypatch
):
    """As with Pelican's readers' cache: the handler runs once for each article
    on a warm build too, and what it sets reaches the pages, so a warm build
    after its own input changed equals a clean build."""
    files = newsroom(site)
    mark = tmp_path / "penanda.txt"
    monkeypatch.setenv("OUTSIDE_MARK", str(mark))
    overrides = with_outside_plugin(tmp_path, "luar_init", OUTSIDE_INIT_PLUGIN)
    mark.write_text("satu", encoding="utf-8")
    site.build(**overrides)
    for value in ("satu", "dua"):  # nothing changed; the plugin's own file changed
        mark.write_text(value, encoding="utf-8")
        warm = site.build(verbose=True, **overrides)
        assert warm.returncode == 0, warm.log
        assert cache_counts(warm) == (len(files), 0, 0)
        assert warm.json("statistik.json") == {"artikel": len(files), "panggilan": len(files)}
        shown = [li.get_text().split()[1] for li in warm.html("luar/daftar/").select("li")]
        assert shown == [value] * len(files)
        assert warm.html("luar/rinci/rilis-2/").p.get_text() == value
        paragraphs = [p.get_text() for p in warm.html("berita/2024/10/rilis-2/").select("p")]
        assert paragraphs.count("Catatan luar.") == 1

    clean = run_build(site.content, tmp_path / "clean" / "output", overrides=overrides)
    assert clean.returncode == 0, clean.log
    assert_same_tree(site.output, clean.output)


MARKER_PLUGIN = textwrap.dedent(
    """
    # An outside plugin adding a paragraph to each article's body and counting,
    # per source, how often content_object_init gave it a content (calls.json).
    import json
    import os
    from collections import Counter

    from pelican import signals
    from pelican.contents import Article

    calls = Counter()


    def init(content):
        calls[os.path.basename(content.source_path)] += 1
        if isinstance(content, Article):
            content._content = (content._content or "") + "<p>Tambahan luar.</p>"


    def finalized(pelican):
        path = os.path.join(pelican.settings["OUTPUT_PATH"], "calls.json")
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(calls, handle, sort_keys=True)


    def register():
        signals.content_object_init.connect(init)
        signals.finalized.connect(finalized)
    """
)
MARKER = "Tambahan luar."


def markers_shown(built) -> dict[str, list[int]]:
    """How many marker paragraphs each article shows: on its page (by slug), in
    feed.xml's entry and in feed.json's item (by address)."""
    shown: dict[str, list[int]] = {}
    for page in sorted(built.output.glob("berita/**/index.html")):
        body = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml").select_one(".article__body")
        if body is not None:
            paragraphs = [p.get_text(strip=True) for p in body.find_all("p")]
            shown.setdefault(page.parent.name, []).append(paragraphs.count(MARKER))
    atom = etree.fromstring((built.output / "feed.xml").read_bytes())
    for entry in atom.iterfind("a:entry", ATOM):
        link = entry.find("a:link[@rel='alternate']", ATOM).get("href")
        html = BeautifulSoup(entry.findtext("a:content", "", ATOM), "lxml")
        paragraphs = [p.get_text(strip=True) for p in html.find_all("p")]
        shown.setdefault(link.rstrip("/").rsplit("/", 1)[-1], []).append(paragraphs.count(MARKER))
    for item in built.json("feed.json")["items"]:
        html = BeautifulSoup(item["content_html"], "lxml")
        paragraphs = [p.get_text(strip=True) for p in html.find_all("p")]
        shown.setdefault(item["url"].rstrip("/").rsplit("/", 1)[-1], []).append(
            paragraphs.count(MARKER)
        )
    return shown


def test_an_outside_handler_gets_each_content_once_on_every_kind_of_build(site, tmp_path):
    """Cold, warm after an edit (the edited release is read, so parallel_markdown
    asks the cache about every file before the reads), warm with a future-dated
    release (never kept: read on every build), warm after a failed build: the
    outside handler is given each content once, and each article shows its
    paragraph once on its page and in both feeds, as in a clean build."""
    files = newsroom(site)
    overrides = with_outside_plugin(tmp_path, "luar_penanda", MARKER_PLUGIN)
    sources = {f"{slug}.md" for slug in files} | {"kontak.md"}
    future = (dt.datetime.now() + dt.timedelta(days=30)).strftime("%Y-%m-%d %H:%M")

    def step():
        pass

    steps = [
        ("cold", step),
        ("edited", lambda: append_text(files["rilis-3"], "\nRapat dihadiri Panwascam.\n")),
        (
            "future-dated",
            lambda: site.article("embargo.md", date=future, slug="embargo", title="Embargo Rilis"),
        ),
        ("again", step),
        (
            "failed",  # a release with an error finding: read again by the next build
            lambda: site.article("lepas.md", slug="lepas", body="![Foto]({static}/../../../x)"),
        ),
        ("after a failed build", lambda: (site.content / "berita" / "lepas.md").unlink()),
    ]
    for name, change in steps:
        change()
        built = site.build(verbose=True, **overrides)
        assert (built.returncode != 0) == (name == "failed"), (name, built.log[-3000:])
        read = sources | ({"embargo.md"} if name not in ("cold", "edited") else set())
        read |= {"lepas.md"} if name == "failed" else set()
        assert built.json("calls.json") == dict.fromkeys(sorted(read), 1), name
        shown = markers_shown(built)
        assert set(shown) == {*files, *(["lepas"] if name == "failed" else [])}, name
        assert all(counts == [1, 1, 1] for counts in shown.values()), (name, shown)

    clean = run_build(site.content, tmp_path / "clean" / "output", overrides=overrides)
    assert clean.returncode == 0, clean.log
    assert markers_shown(clean) == shown
    assert_same_tree(site.output, clean.output)


FAILING_PLUGIN = MARKER_PLUGIN.replace(
    "def finalized(pelican):",
    textwrap.dedent(
        """
        def gallery(content):
            # Fails on one release while its gallery folder cannot be read.
            if content.slug == "rilis-2" and os.path.exists(os.environ["OUTSIDE_BROKEN"]):
                raise OSError("folder galeri rilis-2 tidak terbaca")


        def finalized(pelican):"""
    ),
).replace(
    "signals.content_object_init.connect(init)\n",
    "signals.content_object_init.connect(init)\n    signals.content_object_init.connect(gallery)\n",
)


def test_an_outside_handler_failing_on_a_cached_article_skips_it_once_and_no_more(
    site, tmp_path, monkeypatch
):
    """As on a cold build: the source is reported and left out, the handlers
    before the failing one having been given it once; once the handler works
    again, the next build reads it and shows what they add once."""
    files = newsroom(site)
    broken = tmp_path / "galeri-rusak"
    monkeypatch.setenv("OUTSIDE_BROKEN", str(broken))
    overrides = with_outside_plugin(tmp_path, "luar_galeri", FAILING_PLUGIN)
    sources = {f"{slug}.md" for slug in files} | {"kontak.md"}
    assert site.build(**overrides).returncode == 0

    broken.touch()
    failed = site.build(**overrides)
    assert failed.returncode != 0
    errors = [f for f in failed.findings("error") if "rilis-2" in f.path + f.message]
    assert len(errors) == 1, failed.log[-3000:]
    assert failed.json("calls.json") == dict.fromkeys(sorted(sources), 1)
    shown = markers_shown(failed)
    assert set(shown) == set(files) - {"rilis-2"}
    assert all(counts == [1, 1, 1] for counts in shown.values()), shown

    broken.unlink()
    mended = site.build(verbose=True, **overrides)
    assert mended.returncode == 0, mended.log[-3000:]
    assert cache_counts(mended) == (len(files) - 1, 1, 0)
    assert mended.json("calls.json") == dict.fromkeys(sorted(sources), 1)
    shown = markers_shown(mended)
    assert set(shown) == set(files)
    assert all(counts == [1, 1, 1] for counts in shown.values()), shown


@pytest.fixture
def outside_receivers():
    """Two content_object_init receivers of a module in no warta folder, as an
    outside plugin's: the first changes the content, both record their calls."""
    calls = []
    namespace = {"calls": calls}
    exec(
        "def first(content):\n"
        "    calls.append(('first', content))\n"
        "    content.luar = 1\n"
        "    content.metadata['luar'] = 1\n"
        "    content._content += '<p>Catatan luar.</p>'\n"
        "def second(content, **kwargs):\n"
        "    calls.append(('second', content, kwargs))\n",
        namespace,
    )
    sys.modules["luar_urutan"] = type(sys)("luar_urutan")
    first, second = namespace["first"], namespace["second"]
    first.__module__ = second.__module__ = "luar_urutan"
    yield first, second, calls
    del sys.modules["luar_urutan"]


def test_a_cached_content_calls_outside_receivers_only_in_their_order(outside_receivers):
    """warta's own handlers (their work is in the snapshot) are not called again."""
    first, second, calls = outside_receivers
    own = BuildProgress(enabled=False)
    content = real_article(dt.datetime(2024, 11, 17, 9, 30))
    sender = OutsideInit()
    sender.replay(content)  # no outside receiver: nothing to call
    receivers = (own.content_read, first, second)
    try:
        for receiver in receivers:
            signals.content_object_init.connect(receiver)
        sender.replay(content)
    finally:
        for receiver in receivers:
            signals.content_object_init.disconnect(receiver)
    assert calls == [("first", content), ("second", content, {})]
    assert own.articles == 0
    sender.replay(content)
    assert len(calls) == 2


def test_asking_whether_a_file_is_cached_sends_nothing_and_getting_it_sends_once(
    tmp_path, outside_receivers
):
    """parallel_markdown asks about every file when the first one is read, then
    Pelican's generate_context gets each: only the getting sends the content to
    the outside receivers, once however often it is asked for."""
    first, second, calls = outside_receivers
    source = tmp_path / "rilis.md"
    source.write_text("Title: Rilis\n", encoding="utf-8")
    article = real_article(dt.datetime(2024, 11, 17, 9, 30))

    class Generator(CachingGenerator):
        def __init__(self) -> None:  # what GeneratorCache and _needs_reading read
            self.path = str(tmp_path)
            self.settings = article.settings

    store = store_at(tmp_path / "store.pickle", shared={"settings": article.settings})
    store.put("rilis.md", source, article)
    generator = Generator()
    cache = GeneratorCache(generator, store, save=True)
    generator.get_cached_data = cache.get_cached_data  # as take_over does
    generator.has_cached_data = cache.has_cached_data
    signals.content_object_init.connect(first)
    signals.content_object_init.connect(second)
    try:
        assert not needs_reading(generator, "rilis.md")
        assert calls == []
        got = generator.get_cached_data("rilis.md")
        assert generator.get_cached_data("rilis.md") is got
        assert not needs_reading(generator, "rilis.md")
    finally:
        signals.content_object_init.disconnect(first)
        signals.content_object_init.disconnect(second)
    assert calls == [("first", got), ("second", got, {})]
    assert got._content.count("<p>Catatan luar.</p>") == 1


def test_the_snapshot_of_a_read_content_holds_none_of_an_outside_receivers_work(
    outside_receivers,
):
    """Called again on the content taken from the store, a receiver that adds to
    the body must find it as read, as Pelican's readers' cache gives it."""
    first, second, calls = outside_receivers
    signal = signals.content_object_init
    watcher = OutsideInit()
    try:
        signal.connect(first)
        signal.connect(second)
        watcher.watch()
        article = real_article(dt.datetime(2024, 11, 17, 9, 30))  # Content.__init__ sends
        article.setelah = True  # as Article.__init__ does after the signal (status, date)
        snapshot = watcher.as_read(article)  # as cache_data does
    finally:
        watcher.unwatch()
        signal.disconnect(first)
        signal.disconnect(second)
    assert "send" not in vars(signal)
    assert calls == [("first", article), ("second", article, {})]
    assert article.luar == 1 and article._content.endswith("<p>Catatan luar.</p>")
    assert not hasattr(snapshot, "luar") and "luar" not in snapshot.metadata
    assert snapshot._content == "<p>Isi.</p>" and snapshot.setelah is True
    assert snapshot.settings is article.settings and snapshot.title == article.title
    assert watcher.as_read(article) is article  # noted once


def test_the_snapshot_holds_none_of_an_outside_receivers_changes_in_place():
    """A receiver appending to the content's authors or tags (the lists its
    metadata holds too) or filling a dict in its metadata changes nothing of the
    snapshot: taken from the store and sent to it again, the content gets each
    addition once. The settings stay the build's, by identity."""
    namespace = {"Author": Author, "Tag": Tag}
    exec(
        "def add(content):\n"
        "    content.authors.append(Author('Tim Humas', content.settings))\n"
        "    content.tags.append(Tag('Sorotan', content.settings))\n"
        "    content.metadata['wilayah'].append('Kota Bandung')\n"
        "    content.metadata['galeri']['foto'].append('rapat.jpg')\n"
        "    content.metadata['galeri']['jumlah'] = 1\n",
        namespace,
    )
    add = namespace["add"]
    sys.modules["luar_tambah"] = type(sys)("luar_tambah")
    add.__module__ = "luar_tambah"
    settings = {**copy.deepcopy(DEFAULT_CONFIG), "WITH_FUTURE_DATES": False}
    signal = signals.content_object_init
    watcher = OutsideInit()
    try:
        signal.connect(add)
        watcher.watch()
        article = Article(
            "<p>Isi.</p>",
            metadata={
                "title": "Rilis",
                "date": dt.datetime(2024, 11, 17, 9, 30),
                "authors": [Author("Bawaslu Jabar", settings)],
                "tags": [Tag("Pilkada", settings)],
                "wilayah": ["Kab. Garut"],
                "galeri": {"foto": []},
            },
            settings=settings,
            source_path="/tmp/rilis.md",
        )
        snapshot = loads(
            dumps(watcher.as_read(article), {"settings": settings}), {"settings": settings}
        )
        watcher.unwatch()
        watcher.replay(snapshot)  # as a warm build gives it
    finally:
        watcher.unwatch()
        signal.disconnect(add)
        del sys.modules["luar_tambah"]
    for content in (article, snapshot):
        assert [a.name for a in content.authors] == ["Bawaslu Jabar", "Tim Humas"]
        assert [t.name for t in content.tags] == ["Pilkada", "Sorotan"]
        assert content.metadata["wilayah"] == ["Kab. Garut", "Kota Bandung"]
        assert content.metadata["galeri"] == {"foto": ["rapat.jpg"], "jumlah": 1}
        assert content.settings is settings
        assert all(t.settings is settings for t in content.tags)


def test_a_plugin_copied_into_the_projects_plugins_folder_is_an_outside_one():
    """Only warta and the plugins the project ships are its own: a third party's
    plugin put in plugins/ (or one named as a shipped one elsewhere) has its
    handler sent every content, its work left out of the snapshot."""
    folder = REPO / "plugins"
    modules = {
        "pengumuman": folder / "pengumuman" / "__init__.py",  # copied in, not shipped
        "pengumuman.data": folder / "pengumuman" / "data.py",
        "writer": REPO.parent / "luar" / "writer" / "__init__.py",  # a namesake elsewhere
        "luar_lepas": folder / "luar_lepas.py",  # a module of its own in plugins/
        "release_defaults.plugin": folder / "release_defaults" / "plugin.py",
        "plugins.writer.cache": folder / "writer" / "cache.py",
        "warta.pipeline": REPO / "warta" / "pipeline.py",
    }
    saved = {name: sys.modules.get(name) for name in modules}
    try:
        for name, path in modules.items():
            module = type(sys)(name)
            module.__file__ = str(path)
            sys.modules[name] = module
            own_module.cache_clear()
        found = {name: own_module(name) for name in modules}
        notice = namespace_function(
            "def notice(content):\n    content._content += '<p>Layanan tutup.</p>'\n",
            "pengumuman",
        )
        signals.content_object_init.connect(notice)
        watcher = OutsideInit()
        try:
            watcher.watch()
            article = real_article(dt.datetime(2024, 11, 17, 9, 30))
            snapshot = watcher.as_read(article)
        finally:
            watcher.unwatch()
            signals.content_object_init.disconnect(notice)
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
        own_module.cache_clear()
    assert found == {
        "pengumuman": False,
        "pengumuman.data": False,
        "writer": False,
        "luar_lepas": False,
        "release_defaults.plugin": True,
        "plugins.writer.cache": True,
        "warta.pipeline": True,
    }
    assert article._content.endswith("<p>Layanan tutup.</p>")
    assert snapshot._content == "<p>Isi.</p>"


def namespace_function(source: str, module: str):
    """The one function `source` defines, as if written in module `module`."""
    namespace: dict = {}
    exec(source, namespace)
    (function,) = (v for k, v in namespace.items() if k != "__builtins__")
    function.__module__ = module
    return function


def test_the_shipped_plugins_are_the_projects_plugin_packages():
    """SHIPPED names every plugin package the repository holds, and PLUGINS
    lists only those: a new plugin of warta's goes into SHIPPED too."""
    listed = subprocess.run(
        ["git", "ls-files", "plugins/*/__init__.py"], cwd=REPO, capture_output=True, text=True
    )
    if listed.returncode != 0:
        pytest.skip("not a git checkout")
    packages = {Path(line).parts[1] for line in listed.stdout.split()}
    assert packages == set(SHIPPED)
    assert set(load_settings(REPO / "pelicanconf.py")["PLUGINS"]) <= set(SHIPPED)


def test_a_stored_content_an_outside_receiver_fails_on_fails_its_read_and_is_read_next_build(
    tmp_path,
):
    """As when read: Pelican's generator reads the source, whose read raises the
    same failure after warta's own receivers (Pelican says it and skips the
    source); the outside receivers before the failing one, sent the stored
    content, are not sent the read one. The next build reads it afresh."""
    source = tmp_path / "rilis.md"
    source.write_text("Title: Rilis\n", encoding="utf-8")
    article = real_article(dt.datetime(2024, 11, 17, 9, 30))

    class Generator:
        path = str(tmp_path)
        settings = article.settings

    store = store_at(tmp_path / "store.pickle", shared={"settings": article.settings})
    store.put("rilis.md", source, article)
    cache = GeneratorCache(Generator(), store, save=True)
    own = BuildProgress(enabled=False)
    calls = []

    def counting(content):
        calls.append(("counting", content))

    def failing(content):
        calls.append(("failing", content))
        raise RuntimeError("gallery folder unreadable")

    counting.__module__ = failing.__module__ = "__main__"
    receivers = (own.content_read, counting, failing)
    for receiver in receivers:
        signals.content_object_init.connect(receiver)
    try:
        assert cache.get_cached_data("rilis.md") is None
        [(_, stored), _] = calls
        assert calls == [("counting", stored), ("failing", stored)]
        with pytest.raises(RuntimeError, match="gallery folder unreadable"):
            Article(  # Pelican's read of the source
                "<p>Isi.</p>",
                metadata={"title": "Rilis", "date": dt.datetime(2024, 11, 17, 9, 30)},
                settings=article.settings,
                source_path=str(source),
            )
        assert own.articles == 1  # the warta receiver before them had the read
        assert calls == [("counting", stored), ("failing", stored)]
    finally:
        cache.outside_init.unwatch()
        for receiver in receivers:
            signals.content_object_init.disconnect(receiver)
    assert "send" not in vars(signals.content_object_init)
    assert store.get("rilis.md", source) is None


# -- Pelican's own content cache, when this plugin did not take over ------------------

HELPER_PLUGIN = textwrap.dedent(
    '''
    """An outside plugin keeping a helper object in the settings, as some do: no
    stable digest, so the article cache leaves the build to Pelican's own cache,
    which pickles it with the settings of every tag and category."""
    from pelican import signals


    class Helper:
        __slots__ = ()


    def initialized(pelican):
        pelican.settings["OUTSIDE_HELPER"] = Helper()


    def register():
        signals.initialized.connect(initialized)
    '''
)


def test_a_build_after_an_outside_plugin_was_removed_starts_its_cache_afresh(site, tmp_path):
    """Pelican's cache then holds a class of a module no longer there: unpickling
    it stopped the build (ModuleNotFoundError) until cache/ was deleted."""
    newsroom(site)
    with_helper = site.build(**with_outside_plugin(tmp_path, "luar_pembantu", HELPER_PLUGIN))
    assert with_helper.returncode == 0, with_helper.log
    cached = site.root / "cache" / "ArticlesGenerator-Readers"
    assert cached.is_file()

    without = site.build(verbose=True, **NO_SEARCH)
    assert without.returncode == 0, without.log
    said = [line for line in without.log.splitlines() if "cannot be loaded" in line]
    assert len(said) == 1 and str(cached) in said[0] and "luar_pembantu" in said[0], said
    assert without.html("berita/2024/10/rilis-1/").h1 is not None
    again = site.build(verbose=True, **NO_SEARCH)
    assert again.returncode == 0 and "cannot be loaded" not in again.log


def test_a_cut_off_content_cache_of_pelicans_is_removed_and_a_readable_one_kept(tmp_path):
    settings = {
        "CACHE_PATH": str(tmp_path),
        "LOAD_CONTENT_CACHE": True,
        "CONTENT_CACHING_LAYER": "reader",
        "GZIP_CACHE": True,
    }
    articles, pages = tmp_path / "ArticlesGenerator-Readers", tmp_path / "PagesGenerator-Readers"
    articles.write_bytes(gzip.compress(pickle.dumps({"a.md": (b"stamp", "isi")}))[:40])
    pages.write_bytes(gzip.compress(pickle.dumps({"b.md": (b"stamp", "isi")})))

    class Pelican:
        pass

    pelican = Pelican()
    pelican.settings = settings
    drop_unloadable_caches(pelican)
    assert not articles.exists()  # EOFError: Pelican's own loading stops the build on it
    assert pages.exists()


# -- outside plugins' preread and context signals ------------------------------------

READING_PLUGIN = textwrap.dedent(
    """
    # An outside plugin written like Pelican's plugins_samples/global_license.py:
    # it collects each source's title in the context signals, counts the preread
    # signals, and holds back the releases whose slug the embargo file lists.
    import json
    import os

    from pelican import signals

    seen = {"articles": [], "pages": [], "article_preread": 0, "page_preread": 0}


    def article_preread(generator):
        seen["article_preread"] += 1


    def page_preread(generator):
        seen["page_preread"] += 1


    def article_context(generator, metadata):
        seen["articles"].append(str(metadata.get("title")))
        with open(os.environ["OUTSIDE_EMBARGO"], encoding="utf-8") as handle:
            if metadata.get("slug") in handle.read().split():
                metadata["status"] = "draft"


    def page_context(generator, metadata):
        seen["pages"].append(str(metadata.get("title")))


    def finalized(pelican):
        path = os.path.join(pelican.settings["OUTPUT_PATH"], "judul.json")
        with open(path, "w", encoding="utf-8") as handle:
            json.dump({k: sorted(v) if isinstance(v, list) else v for k, v in seen.items()}, handle)


    def register():
        signals.article_generator_preread.connect(article_preread)
        signals.page_generator_preread.connect(page_preread)
        signals.article_generator_context.connect(article_context)
        signals.page_generator_context.connect(page_context)
        signals.finalized.connect(finalized)
    """
)


def test_outside_preread_and_context_receivers_get_every_source_on_every_build(
    site, tmp_path, monkeypatch
):
    """As Pelican's reader-layer cache sends them: both signals for every source
    on every build, cached or read; a receiver that changes the metadata (an
    embargo read from a file) makes the stored article read again, so a warm
    build equals a clean one and the held-back release is not published."""
    files = newsroom(site)
    embargo = tmp_path / "embargo.txt"
    embargo.write_text("", encoding="utf-8")
    monkeypatch.setenv("OUTSIDE_EMBARGO", str(embargo))
    overrides = with_outside_plugin(tmp_path, "luar_baca", READING_PLUGIN)
    titles = sorted(
        f"Bawaslu {office} Gelar Rapat Pengawasan Tahapan Ke-{number}"
        for number, (office, _) in enumerate(OFFICES, start=1)
    )
    expected = {
        "articles": titles,
        "pages": ["Kontak"],
        "article_preread": len(files),
        "page_preread": 1,
    }
    cold = site.build(verbose=True, **overrides)
    assert cold.returncode == 0, cold.log
    assert cold.json("judul.json") == expected

    warm = site.build(verbose=True, **overrides)
    assert cache_counts(warm) == (len(files), 0, 0)
    assert warm.json("judul.json") == expected

    embargo.write_text("rilis-2\n", encoding="utf-8")
    held = site.build(verbose=True, **overrides)
    assert held.returncode == 0, held.log
    assert cache_counts(held) == (len(files) - 1, 1, 0)  # only the held-back one read
    assert held.json("judul.json") == expected
    assert not (held.output / "berita/2024/10/rilis-2/index.html").exists()

    clean = run_build(site.content, tmp_path / "clean" / "output", overrides=overrides)
    assert clean.returncode == 0, clean.log
    assert_same_tree(site.output, clean.output)

    embargo.write_text("", encoding="utf-8")  # lifted: the stored draft is not used
    lifted = site.build(verbose=True, **overrides)
    assert lifted.json("judul.json") == expected
    assert (lifted.output / "berita/2024/10/rilis-2/index.html").exists()


class Listed:
    """A content as `process_translations` reads it (compared by identity, as
    Pelican's contents are)."""

    def __init__(self, slug: str, lang: str, translation: str | None = None) -> None:
        self.slug = slug
        self.lang = lang
        self.metadata = {} if translation is None else {"translation": translation}
        self.in_default_lang = lang == "id"
        self.source_path = f"{slug}.{lang}.md"


def listed_contents() -> list[Listed]:
    """Lone releases, translated ones (an original and its English version, a
    translation marked as one, two originals of one slug: warnings, a group of
    translations only), shuffled."""
    import random

    contents = [Listed(f"rilis-{number:03d}", "id") for number in range(60)]
    contents += [
        Listed("rilis-007", "en"),
        Listed("rilis-009", "id"),
        Listed("rilis-011", "en", "true"),
        Listed("only-english", "en"),
        Listed("translated", "en", "true"),
        Listed("translated", "fr", "true"),
    ]
    random.Random(3).shuffle(contents)
    return contents


def test_process_translations_is_pelicans_group_by_group(monkeypatch):
    import pelican.utils
    from pelican.utils import process_translations as pelicans

    from plugins.article_cache.plugin import process_translations

    def shown(contents):
        return [(content.slug, content.lang) for content in contents]

    # Pelican's log drops a message said before: its warnings, as called.
    said = []
    monkeypatch.setattr(pelican.utils.logger, "warning", lambda *args: said.append(args))
    theirs, ours = listed_contents(), listed_contents()
    expected = pelicans(theirs, "slug")
    expected_log, said[:] = list(said), []
    found = process_translations(ours, "slug")
    assert [shown(part) for part in found] == [shown(part) for part in expected]
    assert shown(ours) == shown(theirs)  # sorted in place, as Pelican sorts it
    assert [shown(c.translations) for c in ours] == [shown(c.translations) for c in theirs]
    assert said == expected_log
    assert expected_log  # the two originals of rilis-009, the group of translations
    # No translation_id: every content an original, as in Pelican.
    contents = listed_contents()
    assert process_translations(contents, None) == (contents, [])


def test_process_translations_keeps_pelicans_equality_and_errors():
    from plugins.article_cache.plugin import process_translations

    class Equal(Listed):
        def __eq__(self, other):  # every one equal: Pelican's scan drops them all
            return isinstance(other, Listed)

        __hash__ = object.__hash__

    contents = [Equal("a", "id"), Equal("b", "id"), Equal("b", "en")]
    index, translations = process_translations(contents, "slug")
    assert len(index) == 2 and translations == []  # as Pelican's whole-list call gives
    with pytest.raises(AttributeError, match="'translation_id'"):
        process_translations(listed_contents(), "no_such_field")


def test_process_translations_asks_each_class_once_for_its_equality():
    """Whether contents compare by identity is asked of each class, not of
    each of 10,000 articles (0.13 s of a warm build, one lookup an item)."""
    from plugins.article_cache.plugin import process_translations

    asked = []

    class Counting(type):
        def __getattribute__(cls, name):
            if name == "__eq__":
                asked.append(cls)
            return super().__getattribute__(name)

    class Counted(Listed, metaclass=Counting):
        pass

    contents = [Counted(f"rilis-{number:03d}", "id") for number in range(200)]
    contents += listed_contents()
    index, translations = process_translations(contents, "slug")
    assert len(index) + len(translations) == len(contents)
    assert 1 <= len(asked) <= 2  # (Pelican's own scan, group by group, compares by identity)


def test_pelican_generators_use_the_group_by_group_translations():
    import pelican.generators

    from plugins.article_cache import plugin

    plugin.register()
    assert pelican.generators.process_translations is plugin.process_translations


def test_a_file_rewritten_with_its_size_and_time_kept_is_stamped_again_in_one_process(tmp_path):
    """A long-running process (livereload) keeps the stamps it took: one
    keyed by inode, size and modification time only gave a release edited
    with the same size and its time set back (an editor, `touch -r`, a
    restore) its old digest, and so its old page. The change time, which
    every write sets, is in the key."""
    from warta.snapshots import content_digest, file_stamp

    stamp = file_stamp("md5")
    source = tmp_path / "rilis.md"
    source.write_text("Title: Rapat\n\nSatu.\n", encoding="utf-8")
    first, first_content = stamp(source), content_digest(source)
    time.sleep(0.01)
    overwrite_keeping_times(source, b"Title: Rapat\n\nDuaa.\n")  # the same size
    assert stamp(source) == hashlib.md5(source.read_bytes()).digest() != first
    assert content_digest(source) != first_content
