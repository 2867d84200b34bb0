""" "Baca juga" (plugins/related): index-based scoring, order, 3–5 items, never itself."""

from __future__ import annotations

import datetime as dt
import random
import textwrap
from pathlib import Path

import pytest

from plugins.related.scoring import DateLine, Item, RelatedIndex, Weights, closeness, region_keys

WIB = dt.timezone(dt.timedelta(hours=7))


def item(key, day, *, regions=(), tags=(), category="berita"):
    return Item(
        key=key,
        date=dt.datetime(2024, 11, day, 9, 0, tzinfo=WIB),
        category=category,
        regions=frozenset(regions),
        tags=frozenset(tags),
    )


def keys(items):
    return [i.key for i in items]


def test_candidates_come_from_the_index_only():
    me = item("me", 10, regions={"16.71"}, tags={"kampanye"})
    region_mate = item("region", 1, regions={"16.71"})
    tag_mate = item("tag", 2, tags={"kampanye"})
    strangers = [item(f"other-{n}", 3, regions={"16.04"}, tags={"sengketa"}) for n in range(200)]
    strangers += [item(f"far-{n}", 3, regions={f"17.{n:02}"}, tags={f"t{n}"}) for n in range(300)]
    index = RelatedIndex([me, region_mate, tag_mate, *strangers])
    assert index.candidates(me) == {region_mate, tag_mate}
    # The postings lists hold only the items that carry each key.
    assert keys(index.by_region["16.71"]) == ["me", "region"]
    assert len(index.by_tag["sengketa"]) == 200


def test_a_kecamatan_also_counts_as_its_kabupaten_kota():
    assert region_keys("16.71.09") == {"16.71.09", "16.71"}
    assert region_keys("16.71") == {"16.71"}
    assert region_keys("16") == {"16"}


def test_keys_on_most_articles_neither_score_nor_bring_candidates():
    me = item("me", 15, regions={"16.71"}, tags={"pilkada-2024", "tps"})
    tps = item("tps", 1, tags={"tps"})
    everyone = [item(f"a{n}", 10, tags={"pilkada-2024"}) for n in range(20)]
    index = RelatedIndex([me, tps, *everyone])
    assert ("tag", "pilkada-2024") in index.common
    assert index.candidates(me) == {tps}
    assert index.score(me, everyone[0]) == pytest.approx(closeness(me.date, everyone[0].date, 30))
    # On a small site nothing is "common": the same tag still relates articles.
    small = RelatedIndex([me, tps, *everyone[:3]])
    assert small.common == set()
    assert small.candidates(me) == {tps, *everyone[:3]}


def test_order_by_shared_regions_then_tags_then_closeness():
    me = item("me", 15, regions={"16.71", "16.04"}, tags={"kampanye", "tps"})
    both = item("both", 1, regions={"16.71"}, tags={"kampanye"})
    two_regions = item("two-regions", 2, regions={"16.71", "16.04"})
    region_near = item("region-near", 14, regions={"16.04"})
    region_far = item("region-far", 3, regions={"16.71"})
    two_tags = item("two-tags", 4, tags={"kampanye", "tps"})
    tag_only = item("tag-only", 16, tags={"tps"})
    index = RelatedIndex([me, both, two_regions, region_near, region_far, two_tags, tag_only])
    assert keys(index.related(me, limit=10)) == [
        "two-regions",  # 3 + 3
        "both",  # 3 + 2
        "two-tags",  # 2 + 2
        "region-near",  # 3 + closeness(1 day)
        "region-far",  # 3 + closeness(12 days)
        "tag-only",  # 2
    ]


def test_weights_change_the_order():
    me = item("me", 15, regions={"16.71"}, tags={"kampanye"})
    by_region = item("by-region", 14, regions={"16.71"})
    by_tag = item("by-tag", 14, tags={"kampanye"})
    assert keys(RelatedIndex([me, by_region, by_tag]).related(me)) == ["by-region", "by-tag"]
    index = RelatedIndex([me, by_region, by_tag], Weights(region=1, tag=5))
    assert keys(index.related(me)) == ["by-tag", "by-region"]


def test_at_most_limit_and_never_itself():
    me = item("me", 15, regions={"16.71"})
    others = [item(f"a{n}", n + 1, regions={"16.71"}) for n in range(12)]
    index = RelatedIndex([me, *others])
    chosen = index.related(me, limit=5, minimum=3)
    assert len(chosen) == 5
    assert "me" not in keys(chosen)
    # Same score from the region; the closest dates win.
    assert keys(chosen) == ["a11", "a10", "a9", "a8", "a7"]


def test_short_lists_are_filled_from_the_rubrik_then_the_site():
    me = item("me", 15, regions={"16.71"}, category="berita")
    mate = item("mate", 1, regions={"16.71"}, category="pengumuman")
    same_rubrik_far = item("rubrik-far", 1, category="berita")
    same_rubrik_near = item("rubrik-near", 12, category="berita")
    elsewhere_nearest = item("elsewhere", 15, category="siaran-pers")
    index = RelatedIndex([me, mate, same_rubrik_far, same_rubrik_near, elsewhere_nearest])
    assert keys(index.related(me, limit=5, minimum=3)) == ["mate", "rubrik-near", "rubrik-far"]
    assert keys(index.related(me, limit=5, minimum=4)) == [
        "mate",
        "rubrik-near",
        "rubrik-far",
        "elsewhere",
    ]


def test_a_site_of_one_article_has_nothing_related():
    me = item("me", 15, regions={"16.71"})
    assert RelatedIndex([me]).related(me) == []


def test_closeness_halves_every_half_life():
    a = dt.datetime(2024, 11, 1, tzinfo=WIB)
    assert closeness(a, a, 30) == 1.0
    assert closeness(a, a + dt.timedelta(days=30), 30) == pytest.approx(0.5)
    assert closeness(a + dt.timedelta(days=60), a, 30) == pytest.approx(0.25)


# ---- bounded candidates (the candidate window) ----


def synthetic_site(count: int, *, seed: int = 7) -> list[Item]:
    """`count` releases over two years, shaped like a province's output: one
    kabupaten writes a tenth of them, the province a fifth, the rest spread
    over 16 kabupaten with kecamatan; a few frequent tags and many rare ones."""
    rng = random.Random(seed)
    start = dt.datetime(2024, 1, 1, 8, 0, tzinfo=WIB)
    kabupaten = [f"16.{n:02}" for n in range(1, 17)]
    tags = [f"tag-{n}" for n in range(40)]
    items = []
    for n in range(count):
        roll = rng.random()
        if roll < 0.2:
            regions = {"16"}
        elif roll < 0.3:
            regions = {"16.71", f"16.71.{rng.randrange(1, 19):02}"}
        else:
            code = rng.choice(kabupaten)
            regions = {code, f"{code}.{rng.randrange(1, 15):02}"}
        chosen = {rng.choice(tags[:4]), *rng.sample(tags, rng.randrange(0, 3))}
        items.append(
            Item(
                key=f"berita/{n}/",
                date=start + dt.timedelta(minutes=rng.randrange(0, 730 * 24 * 60)),
                category=rng.choice(["berita", "siaran-pers", "pengumuman"]),
                regions=frozenset(regions),
                tags=frozenset(chosen),
            )
        )
    return items


def reference_related(items, me, *, limit=5):
    """The ranking written out pair by pair with the default weights (quadratic,
    for small inputs without common keys only)."""
    weights = Weights()
    regions, tags = me.regions, me.tags
    scored = []
    for other in items:
        if other is me or not (regions & other.regions or tags & other.tags):
            continue
        score = (
            len(regions & other.regions) * weights.region
            + len(tags & other.tags) * weights.tag
            + closeness(me.date, other.date, weights.half_life_days)
        )
        scored.append((-score, -other.date.timestamp(), other.key, other))
    return [entry[3] for entry in sorted(scored)[:limit]]


def test_a_site_smaller_than_the_window_gets_exactly_the_unbounded_ranking():
    items = synthetic_site(400)
    window = 200
    index = RelatedIndex(items, window=window)
    longest = max(len(found) for found in (*index.by_region.values(), *index.by_tag.values()))
    assert longest <= window  # every postings list fits in the window
    assert index.common == set()
    unbounded = RelatedIndex(items, window=None)
    for me in items:
        chosen = index.related(me, limit=5, minimum=0)
        assert chosen == unbounded.related(me, limit=5, minimum=0)
        assert chosen == reference_related(items, me)
    assert index.scored == unbounded.scored


def test_the_window_takes_the_nearest_in_date_from_each_key():
    me = item("me", 15, regions={"16.71"}, tags={"kampanye"})
    city = [item(f"city-{day}", day, regions={"16.71"}) for day in (1, 5, 12, 14, 17, 25)]
    # Far in date, but its tag's list is short: it is a candidate through the
    # tag and scored on everything it shares, the city included.
    both = item("both", 2, regions={"16.71"}, tags={"kampanye"})
    index = RelatedIndex([me, *city, both], window=3)
    assert sorted(keys(index.candidates(me))) == ["both", "city-12", "city-14", "city-17"]
    assert keys(index.related(me, limit=3)) == ["both", "city-14", "city-17"]
    assert index.score(me, both) == pytest.approx(3 + 2 + closeness(me.date, both.date, 30))
    # Unbounded, the whole city is a candidate.
    assert len(RelatedIndex([me, *city, both], window=None).candidates(me)) == 7


@pytest.mark.parametrize("count", [1, 2, 5, 30])
def test_date_window_is_the_count_nearest(count):
    rng = random.Random(count)
    members = [item(f"i{n}", rng.randrange(1, 28)) for n in range(40)]
    line = DateLine(members)
    for day in range(1, 29):
        stamp = line.stamps[0] + (day - 1) * 86_400 * 10**6
        start, end = line.window(stamp, count)
        assert end - start == count
        taken = sorted(abs(s - stamp) for s in line.stamps[start:end])
        left_out = sorted(abs(s - stamp) for s in line.stamps[:start] + line.stamps[end:])
        # No item left out is nearer than one taken.
        assert taken[-1] <= left_out[0]
    assert line.window(0, None) == (0, 40)
    assert line.window(0, 40) == (0, 40)


def test_work_grows_linearly_with_the_site():
    window = 50
    scored = {}
    for count in (2500, 5000):
        items = synthetic_site(count)
        index = RelatedIndex(items, window=window)
        for me in items:
            index.related(me)
        scored[count] = index.scored
        # At most `window` candidates per key of an article, whatever the site's size.
        keys_per_item = max(len(index.regions(i)) + len(index.tags(i)) for i in items)
        assert index.scored <= count * keys_per_item * window
        # What the unbounded index would score at least: every other item of
        # the longest postings list of each item. Quadratic.
        longest = {
            id(i): max(
                [len(index.by_region[c]) for c in index.regions(i)]
                + [len(index.by_tag[s]) for s in index.tags(i)]
            )
            - 1
            for i in items
        }
        scored[count, "unbounded at least"] = sum(longest.values())
    # Twice the articles, about twice the work, not four times (a little over
    # twice: the kecamatan lists are still shorter than the window and grow)…
    assert scored[5000] / scored[2500] < 2.5
    # …where the unbounded candidate sets make it (at least) quadratic.
    assert scored[5000, "unbounded at least"] / scored[2500, "unbounded at least"] > 3.5
    assert scored[5000] < scored[5000, "unbounded at least"] / 5


# ---- built sites ----

# Stands in for the regions and official_tags plugins: adds a stage named
# "official_tags" to the enrichment pipeline (the documented contract) that
# fills `regions` and `official_tags`. It is listed AFTER `related` in
# PLUGINS, so the build also proves that `related` sees data from plugins
# that come after it.
CONTRACT_PLUGIN = """
import dataclasses

from pelican import signals

from warta.enrichment import RegionRef, TagRef
from warta.pipeline import pipeline_of


class ContractStage:
    name = "official_tags"
    after = ()

    def digest(self):
        return "contract"

    def run(self, source, enrichment):
        codes = source.metadata.get("test-regions", "")
        slugs = source.metadata.get("test-official-tags", "")
        return dataclasses.replace(
            enrichment,
            regions=tuple(
                RegionRef(code.strip(), code.strip(), "kota", "")
                for code in codes.split(",") if code.strip()
            ),
            official_tags=tuple(
                TagRef(slug.strip(), slug.strip(), "Tahapan Pemilihan")
                for slug in slugs.split(",") if slug.strip()
            ),
        )


def add_stage(generator):
    pipeline_of(generator.context).add(ContractStage())


def register():
    signals.article_generator_init.connect(add_stage)
"""


def related_links(built, url):
    section = built.html(url).find("section", class_="related")
    assert section is not None, f"no Baca juga section on {url}"
    assert section.find("h2").get_text(strip=True) == "Baca juga"
    return [a["href"] for a in section.select("li a.related__link")]


def test_built_site_lists_related_articles_from_other_plugins_data(site, tmp_path):
    plugin_dir = tmp_path / "testplugins" / "warta_contract"
    plugin_dir.mkdir(parents=True)
    (plugin_dir / "__init__.py").write_text(textwrap.dedent(CONTRACT_PLUGIN), encoding="utf-8")
    site.article(
        "me.md", title="Patroli Pengawasan di Kota Palembang", slug="me",
        date="2024-11-20 09:00", test_regions="16.71", test_official_tags="kampanye",
    )  # fmt: skip
    site.article(
        "both.md", title="Rapat Kampanye Palembang", slug="both", date="2024-10-01 09:00",
        test_regions="16.71", test_official_tags="kampanye",
    )  # fmt: skip
    site.article(
        "region.md", title="Sosialisasi di Palembang", slug="region", date="2024-11-19 09:00",
        test_regions="16.71",
    )  # fmt: skip
    site.article(
        "tag.md", title="Kampanye di Lahat", slug="tag", date="2024-11-18 09:00",
        test_regions="16.04", test_official_tags="kampanye",
    )  # fmt: skip
    for n in range(1, 4):
        site.article(
            f"other{n}.md", title=f"Pengumuman Seleksi Tahap {n}", slug=f"other{n}",
            date=f"2024-09-0{n} 09:00", category="Pengumuman", test_regions="16.02",
        )  # fmt: skip
    built = site.build(
        strict=True,
        PLUGINS=["json_feed", "enrichment", "related", "warta_contract"],
        PLUGIN_PATHS=[str(Path(__file__).resolve().parents[1] / "plugins"), str(plugin_dir.parent)],
    )
    assert built.returncode == 0, built.log
    links = related_links(built, "berita/2024/11/me/")
    assert links == ["/berita/2024/10/both/", "/berita/2024/11/region/", "/berita/2024/11/tag/"]
    feed = built.json("feed.json")
    me = next(i for i in feed["items"] if i["url"].endswith("/berita/2024/11/me/"))
    assert me["_warta"]["related"] == [
        "berita/2024/10/both/",
        "berita/2024/11/region/",
        "berita/2024/11/tag/",
    ]
    # Previous (older) and next (newer) article by date.
    neighbours = built.html("berita/2024/11/region/").select_one("nav.prev-next")
    assert neighbours.select_one("a[rel=prev]")["href"] == "/berita/2024/11/tag/"
    assert neighbours.select_one("a[rel=next]")["href"] == "/berita/2024/11/me/"
    # Articles of another rubrik with their own region still get 3 related ones.
    assert len(related_links(built, "berita/2024/09/other1/")) == 3


def campaign_site(site, me_tags: str) -> None:
    """ "me", seven campaign releases of early November and one TPS release of August."""
    site.article("me.md", title="Kampanye Akbar Diawasi", slug="me", tags=me_tags)
    for n in range(1, 8):
        site.article(
            f"a{n}.md", title=f"Berita Kampanye Nomor {n}", slug=f"a{n}",
            date=f"2024-11-0{n} 09:00", tags="Kampanye",
        )  # fmt: skip
    site.article(
        "tps.md", title="Logistik TPS Tiba", slug="tps", date="2024-08-01 09:00", tags="TPS"
    )


def test_built_site_falls_back_to_pelican_tags_and_shows_three_to_five(site):
    campaign_site(site, "Kampanye, TPS")
    built = site.build(strict=True, PLUGINS=["related"])
    assert built.returncode == 0, built.log
    links = related_links(built, "berita/2024/11/me/")
    assert 3 <= len(links) <= 5
    assert len(links) == 5
    assert "/berita/2024/11/me/" not in links
    # Every candidate shares one tag: the closest in date come first.
    assert links[:2] == ["/berita/2024/11/a7/", "/berita/2024/11/a6/"]


def test_built_site_bounds_candidates_with_the_window_setting(site):
    site.article("me.md", title="Kampanye Akbar Diawasi", slug="me", tags="Kampanye")
    for n in range(1, 8):
        site.article(
            f"a{n}.md", title=f"Berita Kampanye Nomor {n}", slug=f"a{n}",
            date=f"2024-11-{10 + n:02} 09:00", tags="Kampanye",
        )  # fmt: skip
    built = site.build(verbose=True, PLUGINS=["related"], RELATED_MIN=0, RELATED_CANDIDATE_WINDOW=2)
    assert built.returncode == 0, built.log
    # me (17 November) gets only the two articles nearest in date.
    assert related_links(built, "berita/2024/11/me/") == [
        "/berita/2024/11/a7/",
        "/berita/2024/11/a6/",
    ]
    # Two candidates for each of the 8 articles (7 each without the window).
    assert "related: 8 articles, 16 candidate scores (window 2)" in built.log.splitlines()
    bad = site.build(PLUGINS=["related"], RELATED_CANDIDATE_WINDOW=0)
    assert (
        "pelicanconf.py: related: RELATED_CANDIDATE_WINDOW must be a whole number ≥ 1: 0 "
        "(using 200)"
    ) in bad.log_lines("warning")
    assert len(related_links(bad, "berita/2024/11/me/")) == 5


def test_an_edit_that_changes_no_ranking_input_reuses_the_lists_and_one_that_does_ranks_again(
    site,
):
    campaign_site(site, "Kampanye")
    options = {"PLUGINS": ["related"]}
    cold = site.build(verbose=True, **options)
    assert cold.returncode == 0, cold.log
    assert "related: 9 articles, 0 candidate scores" not in cold.log
    before = related_links(cold, "berita/2024/11/me/")

    # A corrected sentence: same items, the last build's lists.
    site.article(
        "a3.md", title="Berita Kampanye Nomor 3", slug="a3", date="2024-11-03 09:00",
        tags="Kampanye", body="PALEMBANG – Kalimat yang sudah dibetulkan.",
    )  # fmt: skip
    warm = site.build(verbose=True, **options)
    assert (
        "related: 9 articles, 0 candidate scores (window 200); "
        "the lists of the last build, from the cache"
    ) in warm.log.splitlines()
    assert related_links(warm, "berita/2024/11/me/") == before

    # A tag changed: every article is ranked again, and the lists follow.
    site.article(
        "tps.md", title="Logistik TPS Tiba", slug="tps", date="2024-11-08 09:00", tags="Kampanye"
    )
    ranked = site.build(verbose=True, **options)
    assert "from the cache" not in ranked.log
    assert related_links(ranked, "berita/2024/11/me/")[0] == "/berita/2024/11/tps/"
    uncached = site.build(verbose=True, RELATED_CACHE=False, **options)
    assert "from the cache" not in uncached.log
    assert related_links(uncached, "berita/2024/11/me/") == related_links(
        ranked, "berita/2024/11/me/"
    )


def test_a_check_ranks_nothing_but_still_reports_a_bad_setting(site):
    campaign_site(site, "Kampanye")
    checked = site.build(
        verbose=True, PLUGINS=["related"], WARTA_CHECK_ONLY=True, RELATED_MAX="lima"
    )
    assert "related: check only, nothing ranked" in checked.log.splitlines()
    assert not [line for line in checked.log.splitlines() if "candidate scores" in line]
    assert any("RELATED_MAX must be a number" in w for w in checked.log_lines("warning"))
    built = site.build(verbose=True, PLUGINS=["related"])
    assert [line for line in built.log.splitlines() if "candidate scores" in line]


def test_an_articles_sets_are_made_of_its_own_regions_and_tags_when_tuples_are_shared():
    """`item_for` makes each regions or tags tuple's set once a build; an
    article whose tuple is another object (the empty tuple is one object for
    regions and tags alike) gets the set of its own values."""
    import gc
    from types import SimpleNamespace

    from plugins.related.plugin import item_for
    from warta.enrichment import Enrichment, RegionRef, TagRef

    def article(regions, tags, day):
        enrichment = Enrichment(
            regions=regions, official_tags=tags, stages=("regions", "official_tags")
        )
        return SimpleNamespace(
            enrichment=enrichment,
            url=f"berita/{day}/",
            date=dt.datetime(2024, 11, day, 9, 0),
            category=SimpleNamespace(slug="berita"),
        )

    def region(code):
        return RegionRef(code=code, name=code, level="kecamatan", url="")

    shared = (region("16.71.01"),)
    tags = (TagRef(slug="pengawasan", name="Pengawasan", group="tahapan"),)
    made: dict = {}
    first = item_for(article(shared, tags, 1), made)
    second = item_for(article(shared, tags, 2), made)
    assert first.regions == second.regions == {"16.71.01", "16.71"}
    assert first.tags == second.tags == {"pengawasan"}
    for day in range(3, 23):  # new tuples, dropped by the caller
        codes = (region(f"16.{day:02d}"),)
        assert item_for(article(codes, (), day), made).regions == {f"16.{day:02d}"}
        del codes
        gc.collect()
    assert item_for(article((), (), 24), made).regions == frozenset()
