"""The enrichment pipeline (warta/pipeline.py, plugins/enrichment): ordered
stages, run on every core, cached by source.

A rebuild must find the same regions, tags, officials, warnings and
suggestions as a cold build while computing only what changed; the pure
module is tested without Pelican, the plugin on built fixture sites through
its info line ("enrichment: N articles (stages: …): C computed, H from the
cache (path)")."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import pickle
import re
from pathlib import Path

import pytest
from test_official_tags_site import (
    DISPUTE_PREPARATION,
    JUNE_COKLIT,
    UNKNOWN_TAG,
    VOTING_MEETING,
    official_site,
    official_tags_on,
    settings,
    url_of,
)

from conftest import shipped_plugins
from warta.enrichment import Enrichment, Place, RegionRef, TagRef
from warta.findings import Finding
from warta.pipeline import EnrichmentCache, Pipeline, PipelineOrderError, Source, file_key

REPO = Path(__file__).resolve().parents[1]
VOCABULARY = REPO / "data" / "official_tags.yaml"


# ---- the pure module ----


def source(number: int = 0, **changes) -> Source:
    fields = {
        "path": f"berita/2024/rilis-{number}.md",
        "text": f"Title: Rilis {number}\nDate: 2024-11-18 09:00\n\nPALEMBANG - Isi {number}.\n",
        "html": f"<p>PALEMBANG - Isi {number}.</p>",
        "title": f"Rilis {number}",
        "date": dt.date(2024, 11, 18),
        "metadata": {"title": f"Rilis {number}", "region": "16.71"},
        "tags": ("Coklit",),
        "draft": False,
    }
    return Source(**{**fields, **changes})


@dataclasses.dataclass
class RecordingStage:
    """A stage that records the order stages ran in, and the process it ran in."""

    name: str
    after: tuple[str, ...] = ()

    def digest(self) -> str:
        return self.name

    def run(self, source: Source, enrichment: Enrichment) -> Enrichment:
        ran = Finding(source.path, None, "suggestion", f"{self.name} in {os.getpid()}")
        region = RegionRef(self.name, source.title, "kota", "")
        return dataclasses.replace(
            enrichment,
            regions=(*enrichment.regions, region),
            findings=(*enrichment.findings, ran),
        )


def stage_order(enrichment: Enrichment) -> list[str]:
    return [region.code for region in enrichment.regions]


def test_stages_run_in_their_declared_order_whatever_order_they_were_added():
    pipeline = Pipeline()
    pipeline.add(RecordingStage("official_tags", after=("regions",)))
    pipeline.add(RecordingStage("related_keys", after=("official_tags", "absent")))
    pipeline.add(RecordingStage("regions"))
    assert pipeline.names == ("regions", "official_tags", "related_keys")
    enriched = pipeline.enrich(source())
    assert stage_order(enriched) == ["regions", "official_tags", "related_keys"]
    assert enriched.stages == ("regions", "official_tags", "related_keys")


def test_a_cycle_of_stages_is_refused():
    pipeline = Pipeline()
    pipeline.add(RecordingStage("a", after=("b",)))
    pipeline.add(RecordingStage("b", after=("a",)))
    with pytest.raises(PipelineOrderError, match="cycle"):
        pipeline.ordered()


def test_the_pipeline_digest_follows_its_stages():
    one, two = Pipeline(), Pipeline()
    one.add(RecordingStage("regions"))
    two.add(RecordingStage("regions"))
    assert one.digest() == two.digest()
    two.add(RecordingStage("official_tags", after=("regions",)))
    assert one.digest() != two.digest()


def test_the_source_key_follows_every_field():
    base = source()
    assert source().key() == base.key()
    changes = {
        "path": "berita/2024/lain.md",
        "text": base.text + "\n",
        "html": base.html + " ",
        "title": "Rilis lain",
        "date": dt.date(2024, 11, 19),
        "metadata": {**base.metadata, "region": "16.72"},
        "tags": ("Coklit", "DPT"),
        "draft": True,
    }
    for name, value in changes.items():
        assert source(**{name: value}).key() != base.key(), name
    # Field boundaries count: "ab" + "c" is not "a" + "bc".
    assert source(title="ab", html="c").key() != source(title="a", html="bc").key()


def test_the_file_key_follows_the_file_and_every_other_field(tmp_path):
    """A warm build finds an article's enrichment by its file's bytes and the
    fields Pelican read (`file_key`): a change of any of them is another key,
    and no file key is a source key."""
    from warta.snapshots import content_digest, file_stamp

    path = tmp_path / "rilis.md"
    path.write_text(source().text, encoding="utf-8")
    fields = {name: getattr(source(), name) for name in ("path", "html", "title", "date")}
    fields |= {"metadata": source().metadata, "tags": source().tags, "draft": False}
    base = file_key(content_digest(path), **fields)
    assert file_key(content_digest(path), **fields) == base != source().key()
    changes = {
        "path": "berita/2024/lain.md",
        "html": fields["html"] + " ",
        "title": "Rilis lain",
        "date": dt.date(2024, 11, 19),
        "metadata": {**fields["metadata"], "region": "16.72"},
        "tags": ("Coklit", "DPT"),
        "draft": True,
    }
    for name, value in changes.items():
        assert file_key(content_digest(path), **{**fields, name: value}) != base, name
    # Other bytes of the same size, read by a stamp or not: another key.
    stamped = content_digest(path)
    path.write_text(source().text.replace("Isi", "isi"), encoding="utf-8")
    file_stamp("md5")(path)
    assert content_digest(path) != stamped
    assert file_key(content_digest(path), **fields) != base
    assert content_digest(tmp_path / "missing.md") is None


def test_a_source_noted_by_its_file_is_found_by_it_in_the_next_build(tmp_path):
    path = tmp_path / "cache.pickle"
    pipeline = Pipeline()
    pipeline.add(RecordingStage("regions"))
    first = EnrichmentCache(path, "d")
    [cold] = pipeline.run([source()], cache=first)
    first.note_file("file-1", source().key())
    assert first.get_by_file("file-2") is None
    assert first.save() is True
    second = EnrichmentCache(path, "d")
    warm = second.get_by_file("file-1")
    assert warm == cold and warm is not cold and second.hits == 1
    assert second.get_by_file("file-2") is None
    assert second.save() is False  # nothing new, nothing dropped
    # A build that does not ask for it drops it, with its source's entry.
    third = EnrichmentCache(path, "d")
    pipeline.run([source(2)], cache=third)
    third.save()
    assert EnrichmentCache(path, "d").get_by_file("file-1") is None


def test_many_sources_are_enriched_on_every_core_with_the_serial_result():
    pipeline = Pipeline()
    pipeline.add(RecordingStage("regions"))
    sources = [source(number) for number in range(80)]
    parallel = pipeline.run(sources, workers=2, min_per_worker=8)
    serial = pipeline.run(sources, workers=1)
    assert [stage_order(e) for e in parallel] == [stage_order(e) for e in serial]
    assert [e.regions[0].name for e in parallel] == [f"Rilis {n}" for n in range(80)]
    processes = {e.findings[0].message.split(" in ")[1] for e in parallel}
    assert len(processes) == 2


def test_enrichments_computed_in_the_background_are_used_as_they_are(tmp_path):
    """`ready` results (from a Background process fed while Pelican reads) stand
    for exactly their source: used, cached and counted as computed, and only
    the sources without one are computed again."""
    from test_parallel import finished_in_background

    from warta.parallel import Background

    pipeline = Pipeline()
    pipeline.add(RecordingStage("regions"))
    sources = [source(number) for number in range(80)]
    background = Background(pipeline.enrich, min_items=8)
    for item in sources[:70]:
        background.add(item)
    finished_in_background(background, 70)
    finished = background.done()
    assert len(finished) == 70
    cache = EnrichmentCache(tmp_path / "cache.pickle", pipeline.digest())
    results = pipeline.run(sources, cache=cache, workers=1, ready=finished)
    assert [stage_order(e) for e in results] == [["regions"]] * 80
    ran_in = [int(e.findings[0].message.split(" in ")[1]) for e in results]
    assert all(pid != os.getpid() for pid in ran_in[:70])
    assert ran_in[70:] == [os.getpid()] * 10
    assert (cache.hits, cache.misses) == (0, 80)
    assert cache.save() and EnrichmentCache(cache.path, pipeline.digest()).entries == 80


def test_cache_round_trip_counts_and_no_file_left_beside_it(tmp_path):
    path = tmp_path / "enrichment" / "cache.pickle"
    pipeline = Pipeline()
    pipeline.add(RecordingStage("regions"))
    first = EnrichmentCache(path, pipeline.digest())
    [cold] = pipeline.run([source()], cache=first)
    assert (first.hits, first.misses) == (0, 1)
    assert first.save() is True
    second = EnrichmentCache(path, pipeline.digest())
    [warm] = pipeline.run([source()], cache=second)
    assert (second.hits, second.misses) == (1, 0)
    assert warm == cold and warm is not cold
    # Nothing new, nothing dropped: the file is not rewritten.
    assert second.save() is False
    assert [p.name for p in path.parent.iterdir()] == ["cache.pickle"]


@dataclasses.dataclass
class PlaceStage:
    """A stage giving every source the same region and tag, as new objects each time."""

    name: str = "regions"
    after: tuple[str, ...] = ()

    def digest(self) -> str:
        return self.name

    def run(self, source: Source, enrichment: Enrichment) -> Enrichment:
        province = Place("16", "Sumatera Selatan", "provinsi", "wilayah/sumatera-selatan/")
        city = "".join(["Kota ", "Palembang"])  # a new string each time
        region = RegionRef("16.71", city, "kota", "wilayah/palembang/", ancestors=(province,))
        tag = TagRef("coklit", Label("Coklit") if "label" in source.title else "Coklit", "Tahapan")
        return dataclasses.replace(enrichment, regions=(region,), official_tags=(tag,))


class Label(str):
    """A string of another type, equal to the plain one."""


def test_values_recurring_across_articles_are_kept_once_in_the_cache(tmp_path):
    path = tmp_path / "cache.pickle"
    pipeline = Pipeline()
    pipeline.add(PlaceStage())
    sources = [source(number) for number in range(3)]
    computed = pipeline.run(sources, cache=(first := EnrichmentCache(path, pipeline.digest())))
    assert first.save() is True
    warm = EnrichmentCache(path, pipeline.digest())
    found = pipeline.run(sources, cache=warm)
    assert warm.hits == 3 and found == computed
    regions = {id(enrichment.regions[0]) for enrichment in found}
    ancestors = {id(enrichment.regions[0].ancestors) for enrichment in found}
    tags = {id(enrichment.official_tags) for enrichment in found}
    assert (len(regions), len(ancestors), len(tags)) == (1, 1, 1)


def test_values_equal_only_across_types_are_not_merged(tmp_path):
    path = tmp_path / "cache.pickle"
    pipeline = Pipeline()
    pipeline.add(PlaceStage())
    sources = [source(1), source(2, title="Rilis label")]
    cache = EnrichmentCache(path, pipeline.digest())
    pipeline.run(sources, cache=cache)
    assert cache.save() is True
    plain, labelled = pipeline.run(sources, cache=EnrichmentCache(path, pipeline.digest()))
    assert type(plain.official_tags[0].name) is str
    assert type(labelled.official_tags[0].name) is Label
    assert plain.regions[0] is labelled.regions[0]


def test_site_wide_fields_are_not_cached(tmp_path):
    path = tmp_path / "cache.pickle"
    pipeline = Pipeline()
    pipeline.add(RecordingStage("regions"))
    cache = EnrichmentCache(path, "d")
    [enriched] = pipeline.run([source()], cache=cache)
    enriched.related = ("berita/lain/",)
    enriched.social_card = "kartu.png"
    cache.save()
    [again] = pipeline.run([source()], cache=EnrichmentCache(path, "d"))
    assert (again.related, again.social_card) == (None, None)


def test_entries_unused_by_a_build_are_dropped(tmp_path):
    path = tmp_path / "cache.pickle"
    pipeline = Pipeline()
    pipeline.add(RecordingStage("regions"))
    old = EnrichmentCache(path, "d")
    pipeline.run([source(1), source(2)], cache=old)
    old.save()
    build = EnrichmentCache(path, "d")
    pipeline.run([source(2)], cache=build)
    assert build.save() is True
    stored = EnrichmentCache(path, "d")
    assert stored.entries == 1 and stored.holds(source(2).key())


def test_a_digest_of_other_data_means_an_empty_cache(tmp_path):
    path = tmp_path / "cache.pickle"
    cache = EnrichmentCache(path, "old data")
    cache.put("k", Enrichment())
    cache.save()
    assert EnrichmentCache(path, "new data").get("k") is None
    assert EnrichmentCache(path, "old data").get("k") == Enrichment()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not a pickle",
        pickle.dumps([]),
        pickle.dumps({"format": "warta-enrichment-1", "digest": "d", "entries": [1]}),
        pickle.dumps({"format": "other", "digest": "d", "entries": {}}),
        b"\xff\xfe\x00garbage",
    ],
)
def test_a_corrupt_cache_file_is_an_empty_cache(tmp_path, content):
    path = tmp_path / "cache.pickle"
    path.write_bytes(content)
    cache = EnrichmentCache(path, "d")
    assert cache.get("k") is None
    cache.put("k", Enrichment())
    assert cache.save() is True
    assert EnrichmentCache(path, "d").get("k") == Enrichment()


def test_a_failed_write_leaves_the_old_file_whole(tmp_path, monkeypatch):
    path = tmp_path / "cache.pickle"
    cache = EnrichmentCache(path, "d")
    cache.put("k", Enrichment())
    cache.save()
    before = path.read_bytes()

    real_write = Path.write_bytes

    def broken_write(self, data):
        real_write(self, data[:10])  # the disk fills halfway through
        raise OSError("disk full")

    cache.put("other", Enrichment(free_tags=("lain",)))
    monkeypatch.setattr(Path, "write_bytes", broken_write)
    assert cache.save() is False  # a warning says so
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["cache.pickle"]


# ---- built sites ----

SCANNED_RE = re.compile(
    r"^enrichment: \d+ articles \(stages: regions, official_tags, search_words\): "
    r"(\d+) computed, (\d+) from the cache \((.*)\); \d+ computed in the background while"
    r" reading$",
    re.MULTILINE,
)


def scanned(built) -> tuple[int, int, str]:
    """(articles computed, articles from the cache, cache file) from the build log."""
    (match,) = SCANNED_RE.findall(built.log)
    return int(match[0]), int(match[1]), match[2]


def enrichment(built) -> dict:
    return {
        item["url"]: (item["_warta"]["official_tags"], item["_warta"]["officials"])
        for item in built.json("feed.json")["items"]
    }


def four_article_site(root):
    site = official_site(root)
    site.article("2024/rapat-teknis-oku.md", VOTING_MEETING)
    site.article("2024/rapikan-dokumen.md", DISPUTE_PREPARATION)
    site.article("2024/coklit-kalidoni.md", JUNE_COKLIT)
    site.article("2024/ajak-mahasiswa.md", UNKNOWN_TAG)
    return site


def test_warm_build_reads_the_cache_and_finds_the_same(tmp_path):
    site = four_article_site(tmp_path)
    cold = site.build(verbose=True, **settings(tmp_path))
    cache_file = tmp_path / "cache" / "enrichment" / "cache.pickle"
    assert scanned(cold) == (4, 0, str(cache_file))
    assert cache_file.is_file()
    warm = site.build(verbose=True, **settings(tmp_path))
    assert scanned(warm) == (0, 4, str(cache_file))
    assert enrichment(warm) == enrichment(cold)
    page = warm.html(url_of("bawaslu-oku-rapat-teknis-pengawasan-pungut-hitung", "2024-11-18"))
    assert ("Pemungutan dan Penghitungan Suara", True) in official_tags_on(page)[
        "Tahapan Pemilihan"
    ]
    # Without the cache: the same findings, every article scanned, no file.
    other = tmp_path / "nocache"
    off = four_article_site(other)
    uncached = off.build(verbose=True, **settings(other, ENRICHMENT_CACHE=False))
    assert scanned(uncached) == (4, 0, "cache off")
    assert not (other / "cache" / "enrichment").exists()
    assert enrichment(uncached) == enrichment(cold)

    # One article edited: only that one is scanned again.
    site.article(
        "2024/coklit-kalidoni.md",
        JUNE_COKLIT.replace("mendampingi Pantarlih", "mendampingi Pantarlih dan Dewi Kartika Sari"),
    )
    edited = site.build(verbose=True, **settings(tmp_path))
    assert scanned(edited)[:2] == (1, 3)
    june = url_of("bawaslu-palembang-awasi-coklit-kalidoni", "2024-06-25")
    (people,) = [people for url, (_, people) in enrichment(edited).items() if url.endswith(june)]
    officials = [person["slug"] for person in people]
    assert officials == ["nurhasanah-siregar", "kiagus-ahmad-zulkarnain", "dewi-kartika-sari"]


def test_a_cached_build_reports_the_same_warnings_and_suggestions(tmp_path):
    site = four_article_site(tmp_path)
    cold = site.build(**settings(tmp_path))
    warm = site.build(**settings(tmp_path))
    assert cold.log_lines("warning") == warm.log_lines("warning")
    assert any("unknown tag 'Politk Uang'" in w for w in warm.log_lines("warning"))
    assert cold.log_lines("suggestion") == warm.log_lines("suggestion")
    suggestion = (
        "berita/2024/rapat-teknis-oku.md:19: official not in the registry: 'Yohanes Pardede'"
    )
    assert [s for s in warm.log_lines("suggestion") if s.startswith(suggestion)]
    # Front matter grows by one line, the text is unchanged: the source changed,
    # so that article is enriched again and its lines are today's.
    source = site.content / "berita" / "2024" / "rapat-teknis-oku.md"
    source.write_text(
        source.read_text(encoding="utf-8").replace("Date:", "Modified: 2024-11-19 08:00\nDate:", 1),
        encoding="utf-8",
    )
    moved = site.build(verbose=True, **settings(tmp_path))
    assert scanned(moved)[:2] == (1, 3)
    moved_line = suggestion.replace(":19:", ":20:")
    assert [s for s in moved.log_lines("suggestion") if s.startswith(moved_line)], moved.log


def test_editing_the_vocabulary_enriches_every_article_again(tmp_path):
    site = four_article_site(tmp_path)
    vocabulary = tmp_path / "official_tags.yaml"
    text = VOCABULARY.read_text(encoding="utf-8")
    vocabulary.write_text(text, encoding="utf-8")
    options = settings(tmp_path, OFFICIAL_TAGS_VOCABULARY=str(vocabulary))
    before = site.build(verbose=True, **options)
    assert scanned(before)[:2] == (4, 0)
    meeting = url_of("bawaslu-oku-rapat-teknis-pengawasan-pungut-hitung", "2024-11-18")
    assert ("Mahkamah Konstitusi", True) not in official_tags_on(before.html(meeting)).get(
        "Lembaga", []
    )
    # A new detection phrase (odd, but easy to see): "rapat teknis" now means MK.
    edited = text.replace(
        "  detect:\n    - Mahkamah Konstitusi\n",
        "  detect:\n    - Mahkamah Konstitusi\n    - rapat teknis\n",
    )
    assert edited != text
    vocabulary.write_text(edited, encoding="utf-8")
    after = site.build(verbose=True, **options)
    assert scanned(after)[:2] == (4, 0)
    assert ("Mahkamah Konstitusi", True) in official_tags_on(after.html(meeting))["Lembaga"]
    # And the setting the detection reads.
    stricter = site.build(verbose=True, **{**options, "OFFICIAL_TAGS_DETECT_MIN_MENTIONS": 3})
    assert scanned(stricter)[:2] == (4, 0)


def test_a_corrupt_cache_file_means_a_cold_scan_not_an_error(tmp_path):
    site = four_article_site(tmp_path)
    cold = site.build(**settings(tmp_path))
    cache_file = tmp_path / "cache" / "enrichment" / "cache.pickle"
    cache_file.write_bytes(b"\x80\x05 truncated pickle")
    rebuilt = site.build(verbose=True, **settings(tmp_path))
    assert rebuilt.returncode == 0, rebuilt.log
    assert rebuilt.log_lines("error") == []
    assert rebuilt.log_lines("warning") == cold.log_lines("warning")
    assert scanned(rebuilt)[:2] == (4, 0)
    assert enrichment(rebuilt) == enrichment(cold)
    assert pickle.loads(cache_file.read_bytes())["entries"]


def test_official_tags_run_after_regions_whatever_the_plugins_order(tmp_path):
    plugins = shipped_plugins()
    swapped = [p for p in plugins if p != "regions"]
    swapped.insert(swapped.index("official_tags") + 1, "regions")
    one, two = tmp_path / "shipped", tmp_path / "swapped"
    shipped = four_article_site(one).build(verbose=True, **settings(one))
    other = four_article_site(two).build(verbose=True, PLUGINS=swapped, **settings(two))
    assert shipped.returncode == other.returncode == 0, other.log
    assert scanned(other)[:2] == (4, 0)
    assert enrichment(other) == enrichment(shipped)
    assert any(people for _, people in enrichment(shipped).values())


class BrokenStage(RecordingStage):
    """Fails on one article, as a bug meeting an odd input would."""

    def run(self, source: Source, enrichment: Enrichment) -> Enrichment:
        if source.title == "Rilis 3":
            raise ValueError("unexpected input")
        return super().run(source, enrichment)


def test_a_stage_that_fails_on_one_article_is_an_error_naming_it_not_a_crash():
    pipeline = Pipeline()
    pipeline.add(RecordingStage("regions"))
    pipeline.add(BrokenStage("official_tags", after=("regions",)))
    results = pipeline.run([source(n) for n in range(80)], workers=2, min_per_worker=8)
    broken = results[3]
    [error] = [f for f in broken.findings if f.level == "error"]
    assert error.path == "berita/2024/rilis-3.md"
    assert "official_tags" in error.message and "unexpected input" in error.message
    # It keeps what the stage before gave it; every other article is whole.
    assert stage_order(broken) == ["regions"]
    assert broken.stages == ("regions", "official_tags")
    assert all(
        stage_order(r) == ["regions", "official_tags"] for i, r in enumerate(results) if i != 3
    )


def test_articles_enriched_while_reading_give_the_site_of_a_serial_enrichment(tmp_path):
    """With enough articles the pipeline also runs in a background process as
    Pelican reads them (`Speculation`): whatever share it finished, the tags,
    officials and findings are those of an enrichment in Pelican's process."""
    texts = [VOTING_MEETING, DISPUTE_PREPARATION, JUNE_COKLIT, UNKNOWN_TAG]

    def many(root):
        site = official_site(root)
        for number in range(96):
            text = texts[number % len(texts)]
            slug = re.search(r"^Slug: (.*)$", text, re.MULTILINE)[1]
            site.article(f"2024/rilis-{number:03d}.md", text.replace(slug, f"{slug}-{number}"))
        return site

    spread = many(tmp_path / "spread").build(verbose=True, **settings(tmp_path / "spread"))
    alone = many(tmp_path / "alone").build(
        verbose=True, **settings(tmp_path / "alone", ENRICHMENT_WORKERS=1)
    )
    assert scanned(spread)[:2] == scanned(alone)[:2] == (96, 0)
    assert enrichment(spread) == enrichment(alone) and len(enrichment(spread)) == 96
    for level in ("error", "warning", "suggestion"):
        assert spread.log_lines(level) == alone.log_lines(level), level
    background = re.search(r"(\d+) computed in the background while reading", alone.log)
    assert background[1] == "0"  # one worker: nothing handed over
