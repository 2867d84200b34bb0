"""The benchmark's synthetic corpus: deterministic, distributed like a province's
releases, and valid for warta (a generated corpus builds with --strict)."""

from __future__ import annotations

import collections
import datetime as dt
import re

import pytest
import yaml

from conftest import REPO, run_build
from warta.bench import corpus
from warta.tags.vocabulary import load_vocabulary
from warta.text import SLUG_MAX


@pytest.fixture(scope="module")
def data() -> corpus.CorpusData:
    return corpus.load_data(REPO / "data")


@pytest.fixture(scope="module")
def articles(data) -> list[corpus.GeneratedArticle]:
    return corpus.generate(800, data, seed=11)


def test_same_seed_same_corpus_other_seed_other_corpus(data):
    first = [a.text for a in corpus.generate(40, data, seed=3)]
    again = [a.text for a in corpus.generate(40, data, seed=3)]
    other = [a.text for a in corpus.generate(40, data, seed=4)]
    assert first == again
    assert len(set(first)) == 40
    assert sum(a != b for a, b in zip(first, other, strict=True)) >= 38


def test_offices_come_from_the_gazetteer_and_share_like_real_output(data, articles):
    assert data.province.code == "16"
    assert {o.code for o in data.offices} >= {"16.71", "16.01", "16.13", "16.74"}
    assert len(data.offices) == 17
    counts = collections.Counter(a.office for a in articles)
    assert 0.12 <= counts["16"] / len(articles) <= 0.3  # the provincial office
    assert set(counts) == {"16", *(o.code for o in data.offices)}  # every office writes
    # Offices with more kecamatan write more: the largest beats the smallest by far.
    by_size = sorted(data.offices, key=lambda o: len(o.kecamatan))
    small = sum(counts[o.code] for o in by_size[:4])
    large = sum(counts[o.code] for o in by_size[-4:])
    assert large > 1.5 * small


def test_bodies_dates_and_paths(articles):
    assert all(corpus.MIN_WORDS <= a.words <= corpus.MAX_WORDS for a in articles)
    assert all(corpus.START <= a.date.date() <= corpus.END for a in articles)
    months = collections.Counter((a.date.year, a.date.month) for a in articles)
    assert months.most_common(1)[0][0] == (2024, 11)  # the Pilkada vote
    assert len({a.slug for a in articles}) == len(articles)
    # (numbered slugs too: a Slug: longer than a title makes is a suggestion each)
    assert max(len(a.slug) for a in articles) <= SLUG_MAX
    assert len({a.metadata["Thread"] for a in articles}) == len(articles)
    for article in articles[:50]:
        assert article.path == f"berita/{article.date:%Y}/{article.date:%Y-%m-%d}-{article.slug}.md"
        assert 20 <= len(article.title) <= 150
        assert 60 <= len(article.summary) <= 300


def test_every_written_tag_is_in_the_official_vocabulary(articles):
    path = REPO / "data" / "official_tags.yaml"
    vocabulary, problems = load_vocabulary(path, str(path))
    assert problems == []
    written = collections.Counter(t for a in articles for t in a.tags)
    for spelling in written:
        assert vocabulary.resolve(spelling) is not None, spelling
    canonical = collections.Counter(t for a in articles for t in a.official_tags)
    assert canonical.most_common(1)[0][0] == "Pilkada Serentak 2024"
    assert len(canonical) >= 25
    assert any(spelling not in canonical for spelling in written)  # aliases and lower case too


def test_dateline_forms_vary(articles):
    forms = collections.Counter()
    for article in articles:
        lead = article.body.split("\n\n", 1)[0]
        if lead.startswith("**"):
            forms["bold"] += 1
        elif lead.startswith("Bawaslu "):
            forms["none"] += 1
        elif re.match(r"^[A-Z ]+ --", lead):
            forms["double hyphen"] += 1
        elif re.match(r"^[A-Z ]+- ", lead):
            forms["hyphen"] += 1
        elif re.match(r"^[A-Z ]+ –", lead):
            forms["upper dash"] += 1
        elif re.match(r"^[A-Z][a-z].*\(\d+/\d+/\d{4}\) -", lead):
            forms["date in parentheses"] += 1
        elif re.match(r"^[A-Z][a-z][^–]*, Humas –", lead):
            forms["org"] += 1
        elif re.match(r"^[A-Z][a-z][^–]*, \d+ [A-Z][a-z]+ \d{4} –", lead):
            forms["long date"] += 1
        elif re.match(r"^[A-Z][a-z][^(]* \([A-Z][^)]*\) -", lead):
            forms["kabupaten in parentheses"] += 1
    assert len(forms) == 9, forms
    assert sum(forms.values()) == len(articles)


def test_officials_are_quoted_with_the_position_held_on_the_date(data, articles):
    registry = yaml.safe_load((REPO / "data" / "officials.yaml").read_text())
    names = {person["name"]: person for person in registry}
    quoted = 0
    for article in articles:
        for match in re.finditer(
            r"(?m)^(?P<position>(?:Ketua|Koordinator|Kepala|Anggota)[^,\n]*?)"
            r" (?P<office>Bawaslu [^,\n]+), (?P<name>[A-Z][^,\n]+),",
            article.body,
        ):
            person = names[match["name"]]
            day = article.date.date()
            held = [
                p
                for p in person["positions"]
                if p["position"] == match["position"]
                and p["start"] <= day
                and (p["end"] is None or day <= p["end"])
            ]
            assert held, (article.path, match.group(0))
            quoted += 1
    assert quoted > len(articles)
    # The chair of Kota Palembang changed on 2025-07-14: both chairs are quoted.
    palembang_chairs = {
        m[1]
        for a in articles
        for m in re.finditer(r"Ketua Bawaslu Kota Palembang, ([^,]+),", a.body)
    }
    assert palembang_chairs == {"Kiagus Ahmad Zulkarnain", "Rini Anggraini"}


def test_generated_corpus_builds_with_strict_and_regions_match(data, tmp_path):
    generated = corpus.generate(30, data, seed=5, image_rate=0.1)
    content = tmp_path / "content"
    corpus.write_corpus(generated, content)
    assert any(a.image for a in generated)
    built = run_build(
        content, tmp_path / "output", strict=True, overrides={"SEARCH_ENABLED": False}
    )
    assert built.returncode == 0, built.log[-3000:]
    feed = built.json("feed.json")
    assert len(feed["items"]) == 30
    by_title = {item["title"]: item for item in feed["items"]}
    for article in generated:
        regions = [r["code"] for r in by_title[article.title]["_warta"]["regions"]]
        assert regions == [article.region], (article.path, article.body[:120])
    page = built.html(f"berita/{generated[0].date:%Y/%m}/{generated[0].slug}/")
    assert page.find("h1").get_text(strip=True) == generated[0].title


def test_photos_are_deterministic_jpegs():
    from io import BytesIO

    from PIL import Image

    assert corpus.photo_bytes("a") == corpus.photo_bytes("a") != corpus.photo_bytes("b")
    with Image.open(BytesIO(corpus.photo_bytes("a"))) as image:
        assert image.format == "JPEG" and image.size == (1600, 1067)
    assert dt.date(2024, 11, 1).weekday() == 4 and corpus.DAYS[4] == "Jumat"
