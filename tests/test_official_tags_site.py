"""official_tags (issue #4) on built fixture sites: normalised and detected tags,
/tag/ and /tag/{slug}/, /pejabat/ and /pejabat/{slug}/, article pages, feeds and
build messages. The releases below are written in other dateline and quoting
styles than the sample: straight quotes, a quote over two paragraphs, "kata
Ketua …" after the quote, a "Baca juga" insert from a news portal."""

from __future__ import annotations

import textwrap

import feedparser
import pytest

from conftest import FixtureSite, article_text

TODAY = "2025-01-15"

OFFICIALS = """\
- name: Sri Wahyuni Lubis
  slug: sri-wahyuni-lubis
  variants: [Sri Wahyuni]
  positions:
    - position: Ketua
      institution: Bawaslu
      region: 16.01
      start: 2023-08-20
- name: Nurhasanah Siregar
  slug: nurhasanah-siregar
  positions:
    - position: Ketua
      institution: Bawaslu
      region: 16.71
      start: 2023-08-20
      end: 2024-06-30
    - position: Anggota
      institution: Bawaslu
      region: 16.71
      start: 2024-07-01
- name: Kiagus Ahmad Zulkarnain
  slug: kiagus-ahmad-zulkarnain
  variants: [Kiagus Zulkarnain]
  positions:
    - position: Anggota
      institution: Bawaslu
      region: 16.71
      start: 2023-08-20
      end: 2024-06-30
    - position: Ketua
      institution: Bawaslu
      region: 16.71
      start: 2024-07-01
- name: Dewi Kartika Sari
  slug: dewi-kartika-sari
  positions:
    - position: Koordinator Divisi Pencegahan, Partisipasi Masyarakat, dan Hubungan Masyarakat
      institution: Bawaslu
      region: "16"
      start: 2023-09-01
"""

GAZETTEER = """\
code,level,name,parent
16,provinsi,Sumatera Selatan,
16.01,kabupaten,Kabupaten Ogan Komering Ulu,16
16.71,kota,Kota Palembang,16
"""

VOTING_MEETING = article_text(
    title=(
        "Bawaslu OKU Gelar Rapat Teknis Pengawasan Pemungutan dan Penghitungan Suara Pilkada 2024"
    ),
    date="2024-11-18 10:00",
    slug="bawaslu-oku-rapat-teknis-pengawasan-pungut-hitung",
    author="Humas Bawaslu Kabupaten Ogan Komering Ulu",
    tags="pilkada serentak 2024, panwascam",
    summary="Bawaslu OKU menyamakan prosedur pengawasan di TPS bagi Panwaslu Kecamatan.",
    body="""\
    BATURAJA, BWSOKU – Bawaslu Kabupaten Ogan Komering Ulu menggelar rapat teknis bagi
    Panwaslu Kecamatan se-Kabupaten OKU, Senin (18/11/2024), di aula kantor Bawaslu.

    "Pengawas harus hafal prosedur di TPS sejak pembukaan sampai penghitungan selesai.
    Tidak boleh ada yang ragu ketika saksi mengajukan keberatan," kata Ketua Bawaslu
    Kabupaten Ogan Komering Ulu, Sri Wahyuni Lubis, di hadapan 13 ketua Panwaslu Kecamatan.

    "Kami minta setiap pengawas mencatat kejadian khusus dengan lengkap.

    Catatan itu menjadi bahan kami di rapat pleno kecamatan," ujar Anggota Bawaslu
    Kabupaten Ogan Komering Ulu, Yohanes Pardede.

    Sri Wahyuni menambahkan, simulasi akan diulang di setiap kecamatan sebelum Rabu
    (27/11/2024). (rls)
    """,
)

DISPUTE_PREPARATION = article_text(
    title="Hadapi Kemungkinan Gugatan di MK, Bawaslu Sumsel Rapikan Dokumen Pengawasan",
    date="2024-12-20 14:15",
    slug="bawaslu-sumsel-rapikan-dokumen-pengawasan",
    author="Humas Bawaslu Provinsi Sumatera Selatan",
    tags="Pemilihan Serentak 2024",
    summary="Bawaslu Sumsel menyiapkan keterangan tertulis bila hasil pemilihan digugat.",
    body="""\
    Palembang (Humas Bawaslu Sumsel) - Bawaslu Provinsi Sumatera Selatan meminta 17
    Bawaslu kabupaten/kota merapikan dokumen hasil pengawasan untuk menghadapi
    perselisihan hasil pemilihan di Mahkamah Konstitusi.

    Baca juga: Bawaslu Kota Palembang Awasi Coklit di Kecamatan Kalidoni

    “Bila ada permohonan, kita wajib memberi keterangan yang lengkap,” kata Dewi Kartika
    Sari. Ketua Bawaslu Kota Palembang, Kiagus Ahmad Zulkarnain, menyebut dokumen
    Palembang sudah dipindai seluruhnya.
    """,
)

JUNE_COKLIT = article_text(
    title="Bawaslu Kota Palembang Awasi Coklit di Kecamatan Kalidoni",
    date="2024-06-25 08:00",
    slug="bawaslu-palembang-awasi-coklit-kalidoni",
    author="Humas Bawaslu Kota Palembang",
    tags="Coklit, pantarlih",
    summary="Bawaslu Kota Palembang mengawasi pencocokan dan penelitian data pemilih di Kalidoni.",
    tags_auto="no",
    body="""\
    PALEMBANG, BWSPLG — Ketua Bawaslu Kota Palembang Nurhasanah Siregar bersama anggota
    Kiagus Zulkarnain mendampingi Pantarlih di Kalidoni untuk Pilkada 2024, Selasa (25/6).
    """,
)

UNKNOWN_TAG = article_text(
    title="Bawaslu Kota Palembang Ajak Mahasiswa Awasi Tahapan",
    date="2024-10-02 13:00",
    slug="bawaslu-palembang-ajak-mahasiswa",
    author="Humas Bawaslu Kota Palembang",
    tags="Pilkada 2024, Politk Uang",
    summary="Mahasiswa di Palembang diajak ikut mengawasi tahapan dan melaporkan pelanggaran.",
    body="""\
    PALEMBANG – Anggota Bawaslu Kota Palembang Kiagus Zulkarnain mengajak mahasiswa
    melapor bila menemukan pelanggaran.
    """,
)


def official_site(root) -> FixtureSite:
    site = FixtureSite(root)
    (root / "officials.yaml").write_text(OFFICIALS, encoding="utf-8")
    (root / "gazetteer.csv").write_text(GAZETTEER, encoding="utf-8")
    return site


def settings(root, **more):
    return {
        "OFFICIAL_TAGS_OFFICIALS": str(root / "officials.yaml"),
        "OFFICIAL_TAGS_REGION_NAMES": str(root / "gazetteer.csv"),
        "OFFICIAL_TAGS_TODAY": TODAY,
        **more,
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("official-tags")
    site = official_site(root)
    site.article("2024/rapat-teknis-oku.md", VOTING_MEETING)
    site.article("2024/rapikan-dokumen.md", DISPUTE_PREPARATION)
    site.article("2024/coklit-kalidoni.md", JUNE_COKLIT)
    site.article("2024/ajak-mahasiswa.md", UNKNOWN_TAG)
    return site.build(strict=True, **settings(root, DEFAULT_PAGINATION=2))


def url_of(slug: str, date: str) -> str:
    return f"berita/{date[:4]}/{date[5:7]}/{slug}/"


def official_tags_on(page) -> dict[str, list[tuple[str, bool]]]:
    """{group: [(tag name, detected?)]} from an article page."""
    section = page.find("section", class_="article__tags")
    groups = {}
    for row in section.select(".tag-groups__row"):
        group = row.dt.get_text(strip=True)
        groups[group] = [
            (
                "".join(a.find_all(string=True, recursive=False)).strip(),
                a.find(class_="tag__auto") is not None,
            )
            for a in row.select("dd a")
        ]
    return groups


def test_unknown_tag_is_a_warning_naming_the_nearest_tags_and_fails_strict(built):
    assert built.returncode == 1
    assert (
        "berita/2024/ajak-mahasiswa.md:6: unknown tag 'Politk Uang' (nearest official tags: "
        "Politik Uang, Patroli Pengawasan; or add it to data/official_tags.yaml)"
    ) in built.log_lines("warning")
    # Dropped from the page, not silently kept.
    page = built.html(url_of("bawaslu-palembang-ajak-mahasiswa", "2024-10-02"))
    assert official_tags_on(page) == {"Pemilihan": [("Pilkada Serentak 2024", False)]}
    assert page.select(".tag--free") == []


def test_typed_spellings_become_one_official_tag_with_one_page(built):
    tags = built.json("feed.json")["items"]
    slugs = {item["title"]: [t["slug"] for t in item["_warta"]["official_tags"]] for item in tags}
    for title, found in slugs.items():
        assert "pilkada-serentak-2024" in found or title.startswith("Bawaslu Kota Palembang Awasi")
    page = built.html("tag/pilkada-serentak-2024/")
    assert page.h1.get_text(strip=True) == "Pilkada Serentak 2024"
    assert not (built.output / "tag" / "pemilihan-serentak-2024").exists()


def test_voting_meeting_gets_the_voting_stage_detected(built):
    page = built.html(url_of("bawaslu-oku-rapat-teknis-pengawasan-pungut-hitung", "2024-11-18"))
    groups = official_tags_on(page)
    assert groups["Pemilihan"] == [("Pilkada Serentak 2024", False)]
    assert ("Pemungutan dan Penghitungan Suara", True) in groups["Tahapan Pemilihan"]
    assert groups["Lembaga"] == [("Panwaslu Kecamatan", False)]
    # Groups appear in the vocabulary's order.
    assert list(groups)[:2] == ["Pemilihan", "Tahapan Pemilihan"]


def test_dispute_preparation_gets_the_dispute_stage_but_not_the_read_also_insert(built):
    item = next(
        i
        for i in built.json("feed.json")["items"]
        if i["url"].endswith(url_of("bawaslu-sumsel-rapikan-dokumen-pengawasan", "2024-12-20"))
    )
    tags = {t["slug"]: t for t in item["_warta"]["official_tags"]}
    assert tags["perselisihan-hasil"] == {
        "slug": "perselisihan-hasil",
        "name": "Perselisihan Hasil",
        "group": "Tahapan Pemilihan",
        "auto": True,
    }
    assert tags["pilkada-serentak-2024"]["auto"] is False
    assert "mahkamah-konstitusi" in tags
    # The pasted "Baca juga" headline is about another story.
    assert "coklit" not in tags


def test_tags_auto_no_keeps_only_typed_tags(built):
    page = built.html(url_of("bawaslu-palembang-awasi-coklit-kalidoni", "2024-06-25"))
    assert official_tags_on(page) == {
        "Kegiatan": [("Coklit", False)],
        "Lembaga": [("Pantarlih", False)],
    }


def test_officials_get_the_position_held_on_the_articles_date(built):
    items = {i["title"]: i["_warta"]["officials"] for i in built.json("feed.json")["items"]}
    june = items["Bawaslu Kota Palembang Awasi Coklit di Kecamatan Kalidoni"]
    assert june == [
        {
            "slug": "nurhasanah-siregar",
            "name": "Nurhasanah Siregar",
            "position": "Ketua",
            "office": "Bawaslu Kota Palembang",
        },
        {
            "slug": "kiagus-ahmad-zulkarnain",
            "name": "Kiagus Ahmad Zulkarnain",
            "position": "Anggota",
            "office": "Bawaslu Kota Palembang",
        },
    ]
    december = items["Hadapi Kemungkinan Gugatan di MK, Bawaslu Sumsel Rapikan Dokumen Pengawasan"]
    assert {p["slug"]: (p["position"], p["office"]) for p in december} == {
        "dewi-kartika-sari": (
            "Koordinator Divisi Pencegahan, Partisipasi Masyarakat, dan Hubungan Masyarakat",
            "Bawaslu Provinsi Sumatera Selatan",
        ),
        "kiagus-ahmad-zulkarnain": ("Ketua", "Bawaslu Kota Palembang"),
    }


def test_article_page_lists_officials_with_position_and_link(built):
    page = built.html(url_of("bawaslu-oku-rapat-teknis-pengawasan-pungut-hitung", "2024-11-18"))
    section = page.find("section", class_="article__officials")
    assert section.h2.get_text(strip=True) == "Pejabat dalam berita ini"
    (entry,) = section.find_all("li")
    assert entry.a["href"] == "/pejabat/sri-wahyuni-lubis/"
    assert entry.a.get_text(strip=True) == "Sri Wahyuni Lubis"
    position = entry.find(class_="official-list__position").get_text(" ", strip=True)
    assert position == "Ketua Bawaslu Kabupaten Ogan Komering Ulu"


def test_unregistered_official_is_a_suggestion_with_file_line_name_position(built):
    suggestions = built.log_lines("suggestion")
    expected = (
        "berita/2024/rapat-teknis-oku.md:19: official not in the registry: 'Yohanes Pardede' "
        "(Anggota Bawaslu Kabupaten Ogan Komering Ulu; add to "
    )
    assert [s for s in suggestions if s.startswith(expected)], built.log
    assert all(s.endswith("officials.yaml)") for s in suggestions)
    # Registered people are never suggested, whatever spelling the text uses.
    assert not [s for s in suggestions if "Sri Wahyuni" in s or "Kiagus" in s]
    # Suggestions never fail the build: the only warning is the unknown tag.
    assert len(built.log_lines("warning")) == 1


def test_tag_index_lists_official_tags_by_group_with_counts(built):
    page = built.html("tag/")
    sections = {s.h2.get_text(strip=True): s for s in page.select("section.tag-group")}
    assert list(sections)[:2] == ["Pemilihan", "Tahapan Pemilihan"]
    election = {
        li.a.get_text(strip=True): li.find(class_="count").get_text(strip=True)
        for li in sections["Pemilihan"].find_all("li")
    }
    assert election == {"Pilkada Serentak 2024": "3 berita"}
    stages = [li.a["href"] for li in sections["Tahapan Pemilihan"].find_all("li")]
    assert "/tag/pemungutan-dan-penghitungan-suara/" in stages
    assert "/tag/perselisihan-hasil/" in stages
    # The group navigation points at the sections.
    nav = page.find("nav", class_="tag-index")
    assert [a["href"] for a in nav.find_all("a")][:2] == ["#pemilihan", "#tahapan-pemilihan"]


def test_stage_page_shows_description_dates_and_paginated_articles(built):
    page = built.html("tag/pemungutan-dan-penghitungan-suara/")
    intro = page.find(class_="tag-intro")
    assert intro.find(class_="tag-intro__group").a.get_text(strip=True) == "Tahapan Pemilihan"
    assert "diawasi Pengawas TPS" in intro.find(class_="tag-intro__description").get_text()
    rows = {
        row.dt.get_text(strip=True): [t["datetime"] for t in row.find_all("time")]
        for row in intro.select(".stage-dates__row")
    }
    assert rows == {"Pemilu 2024": ["2024-02-14"], "Pilkada Serentak 2024": ["2024-11-27"]}
    assert "Rabu, 27 November 2024" in intro.get_text(" ", strip=True)

    dispute = built.html("tag/perselisihan-hasil/").find(class_="tag-intro")
    times = dispute.find_all("time")
    assert [t["datetime"] for t in times] == ["2025-01", "2025-03"]
    assert [t.get_text(strip=True) for t in times] == ["Januari 2025", "Maret 2025"]

    # Three articles on Pilkada 2024 with DEFAULT_PAGINATION = 2: two pages.
    assert built.html("tag/pilkada-serentak-2024/halaman/2/").select(".card")


def test_tag_feed_is_valid_atom_with_the_tags_articles(built):
    feed = feedparser.parse(built.text("tag/perselisihan-hasil/feed.xml"))
    assert not feed.bozo
    assert feed.feed.title.endswith("Perselisihan Hasil")
    assert [e.title for e in feed.entries] == [
        "Hadapi Kemungkinan Gugatan di MK, Bawaslu Sumsel Rapikan Dokumen Pengawasan"
    ]


def test_official_page_shows_current_and_past_positions_and_articles(built):
    page = built.html("pejabat/kiagus-ahmad-zulkarnain/")
    assert page.h1.get_text(strip=True) == "Kiagus Ahmad Zulkarnain"
    positions = page.find("section", class_="official__positions")
    current, past = positions.find_all("ul")
    assert current.li.get_text(" ", strip=True).startswith("Ketua Bawaslu Kota Palembang")
    assert [t["datetime"] for t in current.find_all("time")] == ["2024-07-01"]
    assert past.li.get_text(" ", strip=True).startswith("Anggota Bawaslu Kota Palembang")
    articles = page.find("section", class_="official__articles")
    # Mentioned in three articles; two per page.
    assert len(articles.select(".card")) == 2
    second = built.html("pejabat/kiagus-ahmad-zulkarnain/halaman/2/")
    assert [a.get_text(strip=True) for a in second.select(".card__title a")] == [
        "Bawaslu Kota Palembang Awasi Coklit di Kecamatan Kalidoni"
    ]


def test_officials_index_groups_people_by_office(built):
    page = built.html("pejabat/")
    offices = {
        s.h2.get_text(strip=True): [
            (
                li.a.get_text(strip=True),
                li.find(class_="official-list__position").get_text(strip=True),
            )
            for li in s.find_all("li")
        ]
        for s in page.select("section.office")
    }
    assert list(offices) == [
        "Bawaslu Provinsi Sumatera Selatan",
        "Bawaslu Kabupaten Ogan Komering Ulu",
        "Bawaslu Kota Palembang",
    ]
    assert offices["Bawaslu Kota Palembang"] == [
        ("Kiagus Ahmad Zulkarnain", "Ketua"),
        ("Nurhasanah Siregar", "Anggota"),
    ]


def test_allow_free_keeps_unknown_tags_as_free_tags(tmp_path):
    site = official_site(tmp_path)
    site.article(
        "2026/karang-taruna.md",
        article_text(
            title="Bawaslu Muratara Rangkul Karang Taruna Jadi Mitra Pengawasan",
            date="2025-06-17 09:00",
            slug="bawaslu-muratara-rangkul-karang-taruna",
            tags="Pengawasan Partisipatif, Karang Taruna",
            summary="Karang Taruna di Rupit diajak menjadi mitra pengawasan partisipatif Bawaslu.",
            body=textwrap.dedent(
                """\
                RUPIT - Bawaslu Kabupaten Musi Rawas Utara mengajak Karang Taruna menjadi
                mitra pengawasan.
                """
            ),
        ),
    )
    built = site.build(strict=True, **settings(tmp_path, OFFICIAL_TAGS_ALLOW_FREE=True))
    assert not [w for w in built.log_lines("warning") if "unknown tag" in w], built.log
    page = built.html(url_of("bawaslu-muratara-rangkul-karang-taruna", "2025-06-17"))
    assert [a.get_text(strip=True) for a in page.select(".tag--free")] == ["Karang Taruna"]
    assert official_tags_on(page) == {"Kegiatan": [("Pengawasan Partisipatif", False)]}
    assert built.html("tag/karang-taruna/").h1.get_text(strip=True) == "Karang Taruna"
    free = built.html("tag/").find("section", id="tag-lainnya")
    assert [a.get_text(strip=True) for a in free.find_all("a")] == ["Karang Taruna"]


def test_a_tag_without_letters_or_digits_is_left_out_with_one_line(tmp_path):
    """`Tags: ,,,; Karang Taruna; -` (Pelican splits at ";" when there is one):
    ",,," has no address, and its page took the tag index's (tag/). Each is one
    warning at the Tags: line, even where free tags are kept; Pelican's own
    unplaced "Unable to generate valid slug" is not printed besides."""
    site = official_site(tmp_path)
    site.article(
        "2026/koma.md",
        article_text(
            title="Bawaslu Muratara Rangkul Karang Taruna Jadi Mitra Pengawasan",
            date="2025-06-17 09:00",
            slug="koma",
            tags=",,,; Karang Taruna; -",
            summary="Karang Taruna di Rupit diajak menjadi mitra pengawasan partisipatif Bawaslu.",
            body="RUPIT - Bawaslu Kabupaten Musi Rawas Utara mengajak Karang Taruna.",
        ),
    )
    built = site.build(**settings(tmp_path, OFFICIAL_TAGS_ALLOW_FREE=True))

    assert built.returncode == 0, built.log
    line = (site.content / "berita/2026/koma.md").read_text().split("\n").index(
        "Tags: ,,,; Karang Taruna; -"
    ) + 1
    suggestion = "(separate tags with commas, e.g. 'Tags: Pilkada 2024, Pengawasan')"
    assert sorted(built.log_lines("warning")) == [
        f"berita/2026/koma.md:{line}: tag without letters or digits left out: ',,,' {suggestion}",
        f"berita/2026/koma.md:{line}: tag without letters or digits left out: '-' {suggestion}",
    ], built.log
    page = built.html(url_of("koma", "2025-06-17"))
    assert [a.get_text(strip=True) for a in page.select(".tag--free")] == ["Karang Taruna"]
    index = built.html("tag/")
    assert index.h1.get_text(strip=True) == "Tag"
    free = index.find("section", id="tag-lainnya")
    assert [a.get_text(strip=True) for a in free.find_all("a")] == ["Karang Taruna"]


def test_broken_vocabulary_is_an_error_pointing_at_file_and_line(tmp_path):
    site = official_site(tmp_path)
    vocabulary = tmp_path / "tags.yaml"
    vocabulary.write_text(
        textwrap.dedent(
            """\
            - name: Kampanye
              slug: kampanye
              group: Tahapan
              description: Masa kampanye.
            """
        ),
        encoding="utf-8",
    )
    site.article("2024/a.md", tags="Kampanye")
    built = site.build(**settings(tmp_path, OFFICIAL_TAGS_VOCABULARY=str(vocabulary)))
    assert built.returncode == 1
    assert any(
        line.endswith("tags.yaml:3: unknown group: 'Tahapan' (did you mean 'Tahapan Pemilihan'?)")
        for line in built.log_lines("error")
    ), built.log
    # No flood of "unknown tag" warnings while the vocabulary is unusable.
    assert not [w for w in built.log_lines("warning") if "unknown tag" in w]


def test_a_rebuild_from_the_content_cache_gives_the_same_tags_and_officials(tmp_path):
    site = official_site(tmp_path)
    site.article("2024/rapat-teknis-oku.md", VOTING_MEETING)
    site.article("2024/coklit-kalidoni.md", JUNE_COKLIT)
    first = site.build(**settings(tmp_path))
    assert first.returncode == 0, first.log
    before = {i["url"]: i["_warta"] for i in first.json("feed.json")["items"]}
    assert any((tmp_path / "cache").rglob("*")), "the first build wrote no content cache"
    second = site.build(**settings(tmp_path))
    assert second.returncode == 0, second.log
    after = {i["url"]: i["_warta"] for i in second.json("feed.json")["items"]}
    assert after == before
    assert [t["slug"] for t in after[next(iter(after))]["official_tags"]]
    page = second.html(url_of("bawaslu-oku-rapat-teknis-pengawasan-pungut-hitung", "2024-11-18"))
    assert ("Pemungutan dan Penghitungan Suara", True) in official_tags_on(page)[
        "Tahapan Pemilihan"
    ]


def test_the_regions_of_the_officials_index_have_names_of_their_own(sample_site):
    """An office's region on /pejabat/ and the footer's both took the name
    "Bawaslu Provinsi Sumatera Selatan": a screen reader lists two regions of
    one name (axe's landmark-unique)."""
    page = sample_site.html("pejabat/")

    def name(element) -> str:
        if element.get("aria-label"):
            return element["aria-label"]
        label = page.find(id=element.get("aria-labelledby", ""))
        return label.get_text(" ", strip=True) if label else ""

    regions = [name(e) for e in page.select("section[aria-labelledby], section[aria-label]")]
    assert "Bawaslu Provinsi Sumatera Selatan" in regions
    assert len(regions) == len(set(regions)), regions


def pleno(slug: str, date: str, tags: str) -> str:
    """A release on a plenary meeting of the continuous voter-list update
    (PDPB), whose lead says "rapat pleno rekapitulasi" like a vote count's."""
    return article_text(
        title="Bawaslu Lahat Awasi Rapat Pleno Pemutakhiran Data Pemilih",
        date=date,
        slug=slug,
        tags=tags,
        summary="Bawaslu Kabupaten Lahat mengawasi rapat pleno KPU Kabupaten Lahat.",
        body="""\
            LAHAT – Bawaslu Kabupaten Lahat mengawasi rapat pleno rekapitulasi pemutakhiran
            data pemilih berkelanjutan (PDPB) triwulan I 2025 di kantor KPU Kabupaten Lahat.
            """,
    )


def test_a_stage_is_detected_only_around_its_dates_and_kept_when_typed(tmp_path):
    site = official_site(tmp_path)
    site.article("2025/pdpb.md", pleno("pdpb", "2025-04-23 09:00", "Pengawasan Partisipatif"))
    site.article("2025/pdpb-typed.md", pleno("pdpb-typed", "2025-04-24 09:00", "Rekapitulasi"))
    # Twelve days after the Pilkada's recapitulation closed (2024-12-16): a report on it.
    site.article("2024/rekap.md", pleno("rekap", "2024-12-28 09:00", "Pilkada Serentak 2024"))
    built = site.build(strict=True, **settings(tmp_path))
    assert built.returncode == 0, built.log
    tags = {
        item["url"].rstrip("/").rsplit("/", 1)[-1]: {
            t["slug"]: t["auto"] for t in item["_warta"]["official_tags"]
        }
        for item in built.json("feed.json")["items"]
    }
    assert "rekapitulasi-suara" not in tags["pdpb"]
    assert tags["pdpb-typed"]["rekapitulasi-suara"] is False
    assert tags["rekap"]["rekapitulasi-suara"] is True


def test_a_region_typed_as_a_tag_is_said_to_be_one_with_its_region_name(tmp_path):
    """`Tags: netralitas kades, kampanye, oku` warned "add it to
    data/official_tags.yaml"; "muratara" named "Logistik Pemilihan" nearest."""
    site = official_site(tmp_path)
    typed = "netralitas kades, kampanye, oku, muratara, OKUT, LLG, Banyu Asin, Kalidoni"
    site.article(
        "2024/wilayah.md",
        article_text(
            slug="wilayah",
            tags=typed,
            body="BATURAJA – Bawaslu OKU mengawasi kampanye di Baturaja.",
            region="Kabupaten Ogan Komering Ulu",
        ),
    )
    built = site.build(**settings(tmp_path))
    assert built.returncode == 0, built.log
    found = {
        finding.message
        for finding in built.findings("warning")
        if finding.path.endswith("wilayah.md") and finding.line == 6
    }
    assert found == {
        "tag is a region, not an official tag: 'oku' (Kabupaten Ogan Komering Ulu) "
        "(it is in Region: already; remove it from Tags:)",
        *(
            f"tag is a region, not an official tag: '{tag}' ({name}) "
            f"(write it as 'Region: Kabupaten Ogan Komering Ulu, {name}' instead of a tag)"
            for tag, name in (
                ("muratara", "Kabupaten Musi Rawas Utara"),
                ("OKUT", "Kabupaten Ogan Komering Ulu Timur"),
                ("LLG", "Kota Lubuk Linggau"),
                ("Banyu Asin", "Kabupaten Banyuasin"),
                ("Kalidoni", "Kecamatan Kalidoni"),
            )
        ),
    }, built.log
    item = built.json("feed.json")["items"][0]
    # The official tags typed beside them are kept.
    assert {"kampanye", "netralitas-kepala-desa"} <= {
        t["slug"] for t in item["_warta"]["official_tags"]
    }


def test_the_region_line_a_region_tag_asks_for_keeps_the_regions_read_from_the_lead(tmp_path):
    """ "write it as 'Region: OKI'" in a Palembang release without Region:: the
    line would have replaced the region read from its dateline; and a region
    only read from the dateline was said to be "in Region: already"."""
    site = official_site(tmp_path)
    site.article(
        "2024/lain.md",
        article_text(
            slug="lain",
            tags="Kampanye, OKI, Palembang",
            body="PALEMBANG – Bawaslu Kota Palembang berkoordinasi dengan Bawaslu Kabupaten "
            "Ogan Komering Ilir.",
        ),
    )
    built = site.build(**settings(tmp_path))
    found = sorted(f.message for f in built.findings("warning") if f.path.endswith("lain.md"))
    assert found == [
        "tag is a region, not an official tag: 'OKI' (Kabupaten Ogan Komering Ilir) (write it "
        "as 'Region: Kota Palembang, Kabupaten Ogan Komering Ilir' instead of a tag)",
        "tag is a region, not an official tag: 'Palembang' (Kota Palembang) (the release's "
        "region is read from its dateline or lead already; remove it from Tags:)",
    ], built.log


def test_a_name_with_an_apostrophe_is_found_as_the_build_types_it(tmp_path):
    """'Ma'ruf' registered was never found: the build's smarty writes the
    release's ' as ’, and the matcher compared apostrophes literally. A name
    registered with either apostrophe is found with either, and a name not
    registered is suggested at its line."""
    site = official_site(tmp_path)
    with (tmp_path / "officials.yaml").open("a", encoding="utf-8") as officials:
        officials.write(
            textwrap.dedent(
                """\
                - name: Muhammad Ma'ruf Hidayat
                  slug: muhammad-maruf-hidayat
                  positions:
                    - position: Anggota
                      institution: Bawaslu
                      region: 16.01
                      start: 2023-08-20
                - name: Rahmat Syafi’i
                  slug: rahmat-syafii
                  positions:
                    - position: Anggota
                      institution: Bawaslu
                      region: 16.01
                      start: 2023-08-20
                """
            )
        )
    site.article(
        "2024/apostrof.md",
        article_text(
            title="Bawaslu OKU Awasi Kampanye",
            date="2024-10-02 13:00",
            slug="apostrof",
            tags="Pilkada 2024",
            body="""\
            BATURAJA – Bawaslu mengawasi kampanye, kata Anggota Bawaslu Kabupaten Ogan
            Komering Ulu, Muhammad Ma'ruf Hidayat, di Baturaja.

            Rapat dipandu Muhammad Ma’ruf Hidayat bersama Rahmat Syafi'i.

            "Kami siap," ujar Anggota Bawaslu Kabupaten Ogan Komering Ulu, Siti Nur'aini.
            """,
        ),
    )
    built = site.build(**settings(tmp_path))
    assert built.returncode == 0, built.log
    (item,) = built.json("feed.json")["items"]
    assert [p["slug"] for p in item["_warta"]["officials"]] == [
        "muhammad-maruf-hidayat",
        "rahmat-syafii",
    ]
    page = built.html(url_of("apostrof", "2024-10-02"))
    links = page.find("section", class_="article__officials").select("li a")
    assert [a["href"] for a in links] == [
        "/pejabat/muhammad-maruf-hidayat/",
        "/pejabat/rahmat-syafii/",
    ]
    lines = (site.content / "berita/2024/apostrof.md").read_text(encoding="utf-8").split("\n")
    line = next(n for n, text in enumerate(lines, start=1) if "Siti Nur'aini" in text)
    assert [s for s in built.log_lines("suggestion") if "Nur" in s] == [
        f"berita/2024/apostrof.md:{line}: official not in the registry: 'Siti Nur’aini' "
        "(Anggota Bawaslu Kabupaten Ogan Komering Ulu; add to officials.yaml)"
    ], built.log


def accessible_name(link) -> str:
    return link.get("aria-label") or link.get_text(" ", strip=True)


def test_an_author_who_is_an_official_has_one_destination_per_link_name(tmp_path):
    """A release by Sri Wahyuni Lubis that names her as Ketua linked the same
    name "Sri Wahyuni Lubis" to /penulis/…/ in the byline and to /pejabat/…/
    in the officials' list: two destinations for one link name. The byline
    goes to her author page, the list to her official page, and each link's
    name says which; a release by someone else keeps its plain names."""
    site = official_site(tmp_path)
    by_her = VOTING_MEETING.replace(
        "Author: Humas Bawaslu Kabupaten Ogan Komering Ulu", "Author: Sri Wahyuni Lubis"
    )
    assert by_her != VOTING_MEETING
    site.article("2024/rapat-teknis-oku.md", by_her)
    site.article("2024/coklit-kalidoni.md", JUNE_COKLIT)
    built = site.build(**settings(tmp_path))
    assert built.returncode == 0, built.log
    page = built.html(url_of("bawaslu-oku-rapat-teknis-pengawasan-pungut-hitung", "2024-11-18"))
    links = [a for a in page.find("article").find_all("a") if "Sri Wahyuni" in a.get_text()]
    assert [(a["href"], accessible_name(a), a.get_text(strip=True)) for a in links] == [
        ("/penulis/sri-wahyuni-lubis/", "Sri Wahyuni Lubis (penulis)", "Sri Wahyuni Lubis"),
        ("/pejabat/sri-wahyuni-lubis/", "Sri Wahyuni Lubis (pejabat)", "Sri Wahyuni Lubis"),
    ]
    destinations: dict[str, set[str]] = {}
    for a in page.find_all("a", href=True):
        destinations.setdefault(accessible_name(a), set()).add(a["href"].split("#")[0])
    assert {name: hrefs for name, hrefs in destinations.items() if len(hrefs) > 1} == {}
    other = built.html(url_of("bawaslu-palembang-awasi-coklit-kalidoni", "2024-06-25"))
    assert [a.get("aria-label") for a in other.select(".article__officials a")] == [None, None]
