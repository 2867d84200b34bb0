"""official_tags: the detection cache (warta/tags/scan.py).

A rebuild must find the same tags, officials, warnings and suggestions as a
cold build, while scanning only what changed; the pure module is tested
without Pelican, the plugin on built fixture sites through its info line
("scanned N article text(s), M from the detection cache")."""

from __future__ import annotations

import json
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

from warta.tags import scan as scan_module
from warta.tags.detection import detected_tags, plain_text, tag_matcher
from warta.tags.officials import discover, load_registry
from warta.tags.scan import DetectionCache, Findings, data_digest, find, text_key

REPO = Path(__file__).resolve().parents[1]
VOCABULARY = REPO / "data" / "official_tags.yaml"


# ---- the pure module ----


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    path = tmp_path_factory.mktemp("registry") / "officials.yaml"
    path.write_text(
        """\
- name: Sri Wahyuni Lubis
  slug: sri-wahyuni-lubis
  variants: [Sri Wahyuni]
  positions:
    - {position: Ketua, institution: Bawaslu, office: Bawaslu OKU, start: 2023-08-20}
""",
        encoding="utf-8",
    )
    loaded, problems = load_registry(path, "officials.yaml", {})
    assert problems == []
    return loaded


TITLE = "Bawaslu OKU Gelar Rapat Teknis Pengawasan Pemungutan dan Penghitungan Suara"
HTML = (
    "<p>BATURAJA – Bawaslu OKU menggelar rapat teknis pengawasan pemungutan suara.</p>"
    "<p>“Pengawas harus hafal prosedur,” kata Ketua Bawaslu Kabupaten Ogan Komering Ulu, "
    "Sri Wahyuni Lubis, Senin (18/11).</p>"
    "<p>Anggota Bawaslu Kabupaten Ogan Komering Ulu, Yohanes Pardede, menambahkan.</p>"
)


def scan(vocabulary, registry, *, with_tags=True, title=TITLE, html=HTML) -> Findings:
    return find(
        title,
        html,
        tag_matcher=tag_matcher(vocabulary),
        registry=registry,
        min_mentions=2,
        with_tags=with_tags,
    )


def test_findings_are_what_the_scanners_return(vocabulary, registry):
    found = scan(vocabulary, registry)
    text = f"{TITLE}\n{plain_text(HTML)}"
    assert found.tags == tuple(detected_tags(text, tag_matcher(vocabulary), 2))
    assert "pemungutan-dan-penghitungan-suara" in found.tags
    assert found.officials == ("sri-wahyuni-lubis",)
    assert found.discovered == tuple((d.name, d.position) for d in discover(text, registry))
    assert found.discovered == (("Yohanes Pardede", "Anggota Bawaslu Kabupaten Ogan Komering Ulu"),)
    assert scan(vocabulary, registry, with_tags=False).tags is None


def test_cache_round_trip_and_counts(tmp_path, vocabulary, registry):
    path = tmp_path / "official_tags" / "detections.json"
    digest = data_digest(vocabulary, registry, 2)
    found = scan(vocabulary, registry)
    key = text_key(TITLE, HTML)
    first = DetectionCache(path, digest)
    assert first.get(key, with_tags=True) is None
    first.put(key, found)
    assert first.save() is True
    assert (first.hits, first.misses) == (0, 1)
    assert json.loads(path.read_text(encoding="utf-8"))["entries"][key]["officials"] == [
        "sri-wahyuni-lubis"
    ]

    second = DetectionCache(path, digest)
    assert second.get(key, with_tags=True) == found
    assert (second.hits, second.misses) == (1, 0)
    # Nothing new, nothing dropped: the file is not rewritten.
    assert second.save() is False
    # No temporary file is left beside it.
    assert [p.name for p in path.parent.iterdir()] == ["detections.json"]


def test_entries_without_tags_do_not_answer_a_request_for_tags(tmp_path, vocabulary, registry):
    cache = DetectionCache(None, "digest")
    key = text_key(TITLE, HTML)
    cache.put(key, scan(vocabulary, registry, with_tags=False))
    assert cache.get(key, with_tags=False) is not None
    assert cache.get(key, with_tags=True) is None


def test_text_key_changes_with_either_field():
    assert text_key("a", "bc") != text_key("ab", "c")
    assert text_key(TITLE, HTML) != text_key(TITLE + ".", HTML)
    assert text_key(TITLE, HTML) != text_key(TITLE, HTML.replace("Senin", "Selasa"))
    assert text_key(TITLE, HTML) == text_key(TITLE, HTML)


def test_entries_unused_by_a_build_are_dropped(tmp_path, vocabulary, registry):
    path = tmp_path / "detections.json"
    found = scan(vocabulary, registry)
    old = DetectionCache(path, "d")
    old.put("edited-away", found)
    old.put("kept", found)
    old.save()
    build = DetectionCache(path, "d")
    assert build.get("kept", with_tags=True) == found
    assert build.save() is True
    assert set(json.loads(path.read_text(encoding="utf-8"))["entries"]) == {"kept"}


def test_a_digest_of_other_data_means_an_empty_cache(tmp_path, vocabulary, registry):
    path = tmp_path / "detections.json"
    cache = DetectionCache(path, "old data")
    cache.put("k", scan(vocabulary, registry))
    cache.save()
    assert DetectionCache(path, "new data").get("k", with_tags=False) is None
    assert DetectionCache(path, "old data").get("k", with_tags=False) is not None


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b'{"format": "warta-official-tags-detections", "digest": "d", "entries": [1]}',
        b'{"format": "warta-official-tags-detections", "digest": "d", '
        b'"entries": {"k": {"tags": 1, "officials": [], "discovered": []}}}',
        b'{"format": "warta-official-tags-detections", "digest": "d", '
        b'"entries": {"k": {"tags": [], "officials": [], "discovered": [["only a name"]]}}}',
        b"[]",
        b"\xff\xfe\x00garbage",
    ],
)
def test_a_corrupt_cache_file_is_an_empty_cache(tmp_path, content, vocabulary, registry):
    path = tmp_path / "detections.json"
    path.write_bytes(content)
    cache = DetectionCache(path, "d")
    assert cache.get("k", with_tags=False) is None
    cache.put("k", scan(vocabulary, registry))
    assert cache.save() is True
    assert DetectionCache(path, "d").get("k", with_tags=True) is not None


def test_a_failed_write_leaves_the_old_file_whole(tmp_path, monkeypatch, vocabulary, registry):
    path = tmp_path / "detections.json"
    cache = DetectionCache(path, "d")
    cache.put("k", scan(vocabulary, registry))
    cache.save()
    before = path.read_bytes()

    def broken_dump(value, handle, **options):
        handle.write('{"format": "warta-official-tags-detections", "digest": "d", "entr')
        raise OSError("disk full")

    cache.put("other", scan(vocabulary, registry, title="Lain"))
    monkeypatch.setattr(scan_module.json, "dump", broken_dump)
    with pytest.raises(OSError, match="disk full"):
        cache.save()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["detections.json"]


def test_data_digest_follows_what_detection_reads(tmp_path, vocabulary, registry):
    base = data_digest(vocabulary, registry, 2)
    assert data_digest(vocabulary, registry, 2) == base
    assert data_digest(vocabulary, registry, 3) != base
    # A detection phrase more: another digest.
    tag = vocabulary.by_slug("mahkamah-konstitusi")
    tag.detect.append("rapat teknis")
    try:
        assert data_digest(vocabulary, registry, 2) != base
    finally:
        tag.detect.pop()
    # A description is not read by detection: same digest.
    old_description, tag.description = tag.description, "Lain."
    try:
        assert data_digest(vocabulary, registry, 2) == base
    finally:
        tag.description = old_description
    # A name variant more in the registry: another digest.
    person = registry.officials[0]
    person.variants.append("Bu Sri")
    try:
        assert data_digest(vocabulary, registry, 2) != base
    finally:
        person.variants.pop()
    assert scan_module.DETECTION_VERSION >= 1


# ---- built sites ----

SCANNED_RE = re.compile(
    r"^official_tags: scanned (\d+) article text\(s\), (\d+) from the detection cache \((.*)\)$",
    re.MULTILINE,
)


def scanned(built) -> tuple[int, int, str]:
    """(articles scanned, articles from the cache, cache file) from the build log."""
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
    cache_file = tmp_path / "cache" / "official_tags" / "detections.json"
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
    uncached = off.build(verbose=True, **settings(other, OFFICIAL_TAGS_DETECTION_CACHE=False))
    assert scanned(uncached) == (4, 0, "cache off")
    assert not (other / "cache" / "official_tags").exists()
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
    # Front matter grows by one line, the text is unchanged: the findings come
    # from the cache, the line number from today's source file.
    source = site.content / "berita" / "2024" / "rapat-teknis-oku.md"
    source.write_text(
        source.read_text(encoding="utf-8").replace("Date:", "Modified: 2024-11-19 08:00\nDate:", 1),
        encoding="utf-8",
    )
    moved = site.build(verbose=True, **settings(tmp_path))
    assert scanned(moved)[:2] == (0, 4)
    moved_line = suggestion.replace(":19:", ":20:")
    assert [s for s in moved.log_lines("suggestion") if s.startswith(moved_line)], moved.log


def test_editing_the_vocabulary_scans_every_article_again(tmp_path):
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
    cache_file = tmp_path / "cache" / "official_tags" / "detections.json"
    cache_file.write_text('{"format": "warta-official-tags-detections", "entr', encoding="utf-8")
    rebuilt = site.build(verbose=True, **settings(tmp_path))
    assert rebuilt.returncode == 0, rebuilt.log
    assert rebuilt.log_lines("error") == []
    assert rebuilt.log_lines("warning") == cold.log_lines("warning")
    assert scanned(rebuilt)[:2] == (4, 0)
    assert enrichment(rebuilt) == enrichment(cold)
    assert json.loads(cache_file.read_text(encoding="utf-8"))["entries"]
