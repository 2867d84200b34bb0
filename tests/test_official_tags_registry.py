"""data/officials.yaml as staff edit it: each mistake is one line at the data
file, naming the value and the fix, and costs only itself."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from conftest import REPO, FixtureSite, article_text
from warta.tags.officials import load_region_names, load_registry

GAZETTEER = """\
code,level,name,parent
16,provinsi,Sumatera Selatan,
16.10,kabupaten,Kabupaten Ogan Ilir,16
16.71,kota,Kota Palembang,16
16.72,kota,Kota Prabumulih,16
16.73,kota,Kota Pagar Alam,16
16.71.01,kecamatan,Ilir Barat II,16.71
16.71.10,kecamatan,Kalidoni,16.71
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def registry_of(tmp_path: Path, officials: str):
    regions = load_region_names(write(tmp_path, "gazetteer.csv", GAZETTEER))
    return load_registry(
        write(tmp_path, "officials.yaml", officials), "data/officials.yaml", regions
    )


def lines(problems) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in problems]


def test_indonesian_keys_of_a_position_are_one_line_each_with_the_key_meant(tmp_path):
    """`mulai:`/`selesai:` gave "start is not a date: 'None'" and two unknown
    fields with no suggestion."""
    _, problems = registry_of(
        tmp_path,
        """\
        - name: Neni Marlina
          slug: neni-marlina
          positions:
            - position: Ketua
              institution: Bawaslu
              region: "16.71"
              mulai: 2023-08-20
              selesai: 2024-08-19
        """,
    )
    assert lines(problems) == [
        (7, "unknown field in a position: 'mulai' (did you mean 'start'?)"),
        (8, "unknown field in a position: 'selesai' (did you mean 'end'?)"),
    ]


def test_a_missing_start_is_said_missing_and_a_written_date_gets_its_iso_form(tmp_path):
    _, problems = registry_of(
        tmp_path,
        """\
        - name: Neni Marlina
          slug: neni-marlina
          positions:
            - position: Ketua
              institution: Bawaslu
              region: "16.71"
            - position: Anggota
              institution: Bawaslu
              region: "16.10"
              start: 14 Juli 2025
            - position: Anggota
              institution: Bawaslu
              region: "16.72"
              start: 2023-08-20
              end: 2022-08-19
        """,
    )
    assert lines(problems) == [
        (4, "missing 'start' (write YYYY-MM-DD)"),
        (10, "start is not a date: '14 Juli 2025' (write 2025-07-14)"),
        (
            15,
            "end is before start: '2022-08-19' (write the last day in the position, on or after "
            "its start 2023-08-20; or null while it is held)",
        ),
    ]


def test_an_unknown_region_code_is_an_error_with_the_closest_codes_even_with_an_office(tmp_path):
    """`region: "16.79"` with `office: Bawaslu Kota Palembang` passed the check;
    without `office:` the message named no code to write instead."""
    _, problems = registry_of(
        tmp_path,
        """\
        - name: Neni Marlina
          slug: neni-marlina
          positions:
            - position: Ketua
              institution: Bawaslu
              region: "16.79"
              office: Bawaslu Kota Palembang
              start: 2023-08-20
        - name: Budi Santoso
          slug: budi-santoso
          positions:
            - position: Ketua
              institution: Panwaslu Kecamatan
              region: "16.71.19"
              start: 2023-08-20
        """,
    )
    assert lines(problems) == [
        (
            6,
            "unknown region code: '16.79' (closest: Kota Pagar Alam (16.73), "
            "Kota Prabumulih (16.72), Kota Palembang (16.71))",
        ),
        (
            14,
            "unknown region code: '16.71.19' (closest: Kecamatan Kalidoni (16.71.10), "
            "Kecamatan Ilir Barat II (16.71.01))",
        ),
    ]


def test_a_variant_written_for_two_people_is_blamed_where_it_does_not_fit(tmp_path):
    """`Hotman P. Sitorus` added to Kiagus's variants was an error at Hotman's
    entry, Hotman was dropped and the spelling linked Kiagus."""
    registry, problems = registry_of(
        tmp_path,
        """\
        - name: Kiagus Ahmad Zulkarnain
          slug: kiagus-ahmad-zulkarnain
          variants:
            - Kgs. Ahmad Zulkarnain
            - Hotman P. Sitorus
            - Ketua Zul
          positions:
            - {position: Ketua, institution: Bawaslu, region: "16.71", start: 2023-08-20}
        - name: Hotman Parulian Sitorus
          slug: hotman-parulian-sitorus
          variants: [Hotman P. Sitorus, Ketua Zul]
          positions:
            - {position: Anggota, institution: Bawaslu, region: "16.71", start: 2023-08-20}
        """,
    )
    assert lines(problems) == [
        (
            5,
            "name already belongs to 'hotman-parulian-sitorus' (line 11): 'Hotman P. Sitorus' "
            "(two people may not share a spelling: remove it here, or use a longer variant)",
        ),
        (
            11,
            "variant also written for 'kiagus-ahmad-zulkarnain' (line 6): 'Ketua Zul' (two "
            "people may not share a spelling: keep it for the one it names, with a longer "
            "variant)",
        ),
    ]
    assert [(o.slug, o.variants) for o in registry.officials] == [
        ("kiagus-ahmad-zulkarnain", ["Kgs. Ahmad Zulkarnain"]),
        ("hotman-parulian-sitorus", ["Hotman P. Sitorus"]),
    ]
    assert [slug for slug, _ in registry.mentions("kata Hotman P. Sitorus, di Palembang")] == [
        "hotman-parulian-sitorus"
    ]
    assert registry.mentions("kata Ketua Zul di Palembang") == []
    assert "ketua zul" in registry.withheld


def test_a_chair_entered_twice_is_blamed_on_the_later_term_or_on_the_office_that_contradicts(
    tmp_path,
):
    """Kiagus given region 16.73 (Kota Pagar Alam here) with office: Bawaslu Kota
    Palembang blamed Bambang, Pagar Alam's chair, at his line."""
    _, problems = registry_of(
        tmp_path,
        """\
        - name: Yudha Pratama
          slug: yudha-pratama
          positions:
            - {position: Ketua, institution: Bawaslu, region: "16.72", start: 2025-07-14}
        - name: Kiagus Ahmad Zulkarnain
          slug: kiagus-ahmad-zulkarnain
          positions:
            - position: Ketua
              institution: Bawaslu
              region: "16.73"
              office: Bawaslu Kota Palembang
              start: 2023-08-20
        - name: Bambang Sutrisno
          slug: bambang-sutrisno
          positions:
            - {position: Ketua, institution: Bawaslu, region: "16.73", start: 2023-08-20}
        - name: Dedi Kurnia
          slug: dedi-kurnia
          positions:
            - {position: Ketua, institution: Bawaslu, region: "16.72", start: 2023-08-20}
        """,
    )
    assert sorted(lines(problems)) == [
        (
            4,
            "'Ketua Bawaslu Kota Prabumulih' is held by Dedi Kurnia (line 20) at the same "
            "time: 'Yudha Pratama' (end one of the two terms before the other starts)",
        ),
        (
            11,
            "office names Kota Palembang (16.71), not the region's Kota Pagar Alam (16.73): "
            "'Bawaslu Kota Palembang' (write region: \"16.71\", or the office of the region)",
        ),
    ]


def test_an_open_position_in_another_office_beside_a_newer_one_is_an_error_at_the_newer(
    tmp_path,
):
    """Hotman kept Kordiv of Kota Palembang with no end and was given Anggota of
    the province from 2025: accepted, and a release of 2025 that named him
    Anggota Bawaslu Provinsi showed the Palembang position."""
    registry, problems = registry_of(
        tmp_path,
        """\
        - name: Hotman Parulian Sitorus
          slug: hotman-parulian-sitorus
          positions:
            - position: Anggota
              institution: Bawaslu
              region: "16"
              start: 2025-01-01
            - position: Koordinator Divisi Penanganan Pelanggaran dan Data Informasi
              institution: Bawaslu
              region: "16.71"
              start: 2023-08-20
              end: null
        """,
    )
    assert lines(problems) == [
        (
            4,
            "position overlaps the one on line 8 in another office: 'Anggota Bawaslu Provinsi "
            "Sumatera Selatan' (one person sits in one Bawaslu office at a time: give "
            "'Koordinator Divisi Penanganan Pelanggaran dan Data Informasi Bawaslu Kota "
            "Palembang' an end date before 2025-01-01)",
        )
    ]
    hotman = registry.by_slug("hotman-parulian-sitorus")
    assert hotman.position_on(dt.date(2025, 6, 2)).title == (
        "Anggota Bawaslu Provinsi Sumatera Selatan"
    )
    assert hotman.position_on(dt.date(2024, 6, 2)).region == "16.71"


def test_a_name_registered_with_titles_and_degrees_is_found_with_or_without_them(tmp_path):
    """`name: Dr. H. Firdaus Hasanuddin, S.H., M.H.` lost every mention of
    'Firdaus Hasanuddin', with no message."""
    from warta.tags.officials import discover

    registry, problems = registry_of(
        tmp_path,
        """\
        - name: Dr. H. Firdaus Hasanuddin, S.H., M.H.
          slug: firdaus-hasanuddin
          variants: []
          positions:
            - {position: Ketua, institution: Bawaslu, region: "16.10", start: 2023-08-20}
        """,
    )
    assert problems == []
    for text in (
        "kata Ketua Bawaslu Kabupaten Ogan Ilir, Firdaus Hasanuddin, di Indralaya.",
        "kata Ketua Bawaslu Kabupaten Ogan Ilir, Dr. H. Firdaus Hasanuddin, S.H., M.H., di sana.",
        "FIRDAUS HASANUDDIN MEMIMPIN APEL",
    ):
        assert [slug for slug, _ in registry.mentions(text)] == ["firdaus-hasanuddin"], text
        assert discover(text, registry) == []
    assert registry.knows("Firdaus Hasanuddin")


def test_a_variant_that_is_a_place_or_a_bare_word_of_the_name_is_refused_at_its_line(tmp_path):
    """`variants: [Palembang]` linked Sri Wahyuningsih in every Palembang
    release; `variants: [Rini]` every Rini. Both passed the check."""
    registry, problems = registry_of(
        tmp_path,
        """\
        - name: Sri Wahyuningsih
          slug: sri-wahyuningsih
          variants: [Sri Wahyuningsih S., Palembang, kota palembang]
          positions:
            - {position: Anggota, institution: Bawaslu, region: "16.71", start: 2023-08-20}
        - name: Rini Anggraini
          slug: rini-anggraini
          variants:
            - Rini
            - "-"
            - Rini A.
            - Ketua Bawaslu
          positions:
            - {position: Anggota, institution: Bawaslu, region: "16.71", start: 2023-08-20}
        """,
    )
    assert lines(problems) == [
        (
            3,
            "variant is the name of a place, Kota Palembang (16.71): 'Palembang' (register a "
            "person by the names releases call them)",
        ),
        (
            3,
            "variant is the name of a place, Kota Palembang (16.71): 'kota palembang' (register "
            "a person by the names releases call them)",
        ),
        (
            9,
            "variant is one word of the person's own name: 'Rini' (never the bare first or last "
            "name a release uses after the first mention: every person of that name would be "
            "linked)",
        ),
        (10, "a variant must be a name: '-'"),
        (
            12,
            "variant is made of words that are no name (a day, a month, an office, a role): "
            "'Ketua Bawaslu' (register a person by the names releases call them)",
        ),
    ]
    assert [(o.slug, o.variants) for o in registry.officials] == [
        ("sri-wahyuningsih", ["Sri Wahyuningsih S."]),
        ("rini-anggraini", ["Rini A."]),
    ]
    assert registry.mentions("Bawaslu Kota Palembang menggelar apel, kata Rini.") == []


def test_a_position_in_an_office_that_does_not_exist_is_an_error_at_its_institution(tmp_path):
    """'Ketua Panwaslu Kecamatan' of Kota Palembang and 'Ketua Bawaslu' of
    Kecamatan Kalidoni passed the check."""
    _, problems = registry_of(
        tmp_path,
        """\
        - name: Neni Marlina
          slug: neni-marlina
          positions:
            - position: Ketua
              institution: Panwaslu Kecamatan
              region: "16.71"
              start: 2019-01-01
              end: 2019-12-31
            - position: Ketua
              institution: Bawaslu
              region: "16.71.10"
              start: 2023-08-20
            - position: Ketua
              institution: Panwaslu Kecamatan
              region: "16.71.10"
              start: 2018-01-01
              end: 2018-12-31
        """,
    )
    assert lines(problems) == [
        (
            5,
            "Panwaslu Kecamatan sits in a kecamatan: region '16.71' (Kota Palembang) (write the "
            "kecamatan's code, 16.71.xx, or institution: Bawaslu)",
        ),
        (
            10,
            "Bawaslu has no office in a kecamatan: region '16.71.10' (Kecamatan Kalidoni) (write "
            "institution: Panwaslu Kecamatan, or the kabupaten/kota's code '16.71')",
        ),
    ]


def test_a_title_outside_the_documented_list_is_an_error_naming_the_title_meant(
    tmp_path, vocabulary
):
    from warta.tags.officials import unlisted_titles

    registry, problems = registry_of(
        tmp_path,
        """\
        - name: Neni Marlina
          slug: neni-marlina
          positions:
            - {position: Kordiv Hukum, institution: Bawaslu, region: "16.10", start: 2023-08-20}
        - name: Budi Santoso
          slug: budi-santoso
          positions:
            - {position: Sekretaris, institution: Bawaslu, region: "16.72", end: 2024-08-19,
               start: 2023-08-20}
            - position: Koordinator Divisi Teknis
              institution: Bawaslu
              region: "16.71"
              start: 2024-08-20
        - name: Rini Anggraini
          slug: rini-anggraini
          positions:
            - position: Koordinator Divisi Hukum dan Penyelesaian Sengketa
              institution: Bawaslu
              region: "16.71"
              start: 2023-08-20
              end: 2025-07-13
            - {position: Plt. Ketua, institution: Bawaslu, region: "16.71", start: 2025-07-14,
               end: 2025-12-31}
            - {position: Staf Hubungan Masyarakat, institution: Bawaslu, region: "16.72",
               start: 2026-01-01}
        """,
    )
    assert problems == []
    divisions = {
        key: tag.name.removeprefix("Divisi ")
        for tag in vocabulary.tags
        if tag.group == "Divisi"
        for key in tag.spellings()
    }
    found = lines(unlisted_titles(registry, divisions, "data/officials.yaml"))
    assert found[:2] == [
        (
            4,
            "position is not one of the documented titles: 'Kordiv Hukum' (write 'Koordinator "
            "Divisi Hukum dan Penyelesaian Sengketa')",
        ),
        (
            8,
            "position is not one of the documented titles: 'Sekretaris' (write 'Kepala "
            "Sekretariat')",
        ),
    ]
    assert [line for line, _ in found] == [4, 8, 10]
    assert found[2][1].startswith(
        "position is not one of the documented titles: 'Koordinator Divisi Teknis' (write "
        "'Koordinator Divisi' and one of the divisions: Hukum dan Penyelesaian Sengketa; "
    )


def test_a_gazetteer_not_in_utf8_is_one_problem_at_its_line_and_a_bom_is_read(tmp_path):
    """A gazetteer saved as Excel 'ANSI' crashed the build in the official_tags plugin."""
    ansi = tmp_path / "ansi.csv"
    ansi.write_bytes((GAZETTEER + "16.71.09,kecamatan,Kemuning Rayé,16.71\n").encode("cp1252"))
    problems = []
    assert load_region_names(ansi, problems, "data/regions/gazetteer.csv") == {}
    assert [str(p) for p in problems] == [
        "data/regions/gazetteer.csv:9: not UTF-8 text: byte 0xE9 in column 32 "
        "(save the file as UTF-8)"
    ]
    excel = tmp_path / "excel.csv"
    excel.write_bytes(b"\xef\xbb\xbf" + GAZETTEER.encode())
    assert load_region_names(excel)["16.71"] == "Kota Palembang"


# ---- on a built site ---------------------------------------------------------------

MENTIONING = article_text(
    title="Bawaslu Kota Palembang Awasi Rapat Pleno",
    date="2024-11-27 10:00",
    slug="bawaslu-palembang-awasi-pleno",
    region="Kota Palembang",
    body="""\
    PALEMBANG – Bawaslu Kota Palembang mengawasi rapat pleno terbuka di kantor KPU.

    "Kami hadir sejak pagi," kata Ketua Bawaslu Kota Palembang, Kiagus Ahmad Zulkarnain,
    di Palembang.

    Hadir pula Anggota Bawaslu Kota Palembang, Neni Marlina, yang mencatat jalannya rapat.
    """,
)


def officials_of(built, slug: str) -> list[str]:
    items = {
        item["url"].rstrip("/").rsplit("/", 1)[-1]: item
        for item in built.json("feed.json")["items"]
    }
    return [person["slug"] for person in items[slug]["_warta"]["officials"]]


def test_a_mistake_in_a_position_is_one_line_at_the_data_file_and_the_person_stays_linked(
    tmp_path,
):
    """A date typo in one of Kiagus's positions made every release naming him
    'official not in the registry … add to data/officials.yaml', and he was
    unlinked; a slug used twice did the same to Neni Marlina."""
    site = FixtureSite(tmp_path)
    site.article("2024/pleno.md", MENTIONING)
    officials = write(
        tmp_path,
        "officials.yaml",
        """\
        - name: Kiagus Ahmad Zulkarnain
          slug: kiagus-ahmad-zulkarnain
          positions:
            - position: Ketua
              institution: Bawaslu
              region: "16.71"
              start: 20 Agustus 2023
        - name: Rini Anggraini
          slug: neni-marlina
          positions:
            - {position: Anggota, institution: Bawaslu, region: "16.71", start: 2023-08-20}
        - name: Neni Marlina
          slug: neni-marlina
          positions:
            - {position: Anggota, institution: Bawaslu, region: "16.71", start: 2023-08-20}
        """,
    )
    built = site.build(SEARCH_ENABLED=False, OFFICIAL_TAGS_OFFICIALS=str(officials))
    shown = [(f.path, f.line, f.level, f.message) for f in built.findings()]
    assert shown == [
        ("officials.yaml", 7, "error", "start is not a date: '20 Agustus 2023' (write 2023-08-20)"),
        ("officials.yaml", 13, "error", "slug already used on line 8: 'neni-marlina'"),
    ], built.log
    assert officials_of(built, "bawaslu-palembang-awasi-pleno") == ["kiagus-ahmad-zulkarnain"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            None,
            "error: the officials registry file is missing (restore it from git, or point "
            "OFFICIAL_TAGS_OFFICIALS at it)",
        ),
        (
            "[]\n",
            "error: the registry has no officials (add officials, each starting with "
            "'- name:'; restore it from git if it was emptied by mistake)",
        ),
        (
            "# emptied\n",
            "error: the file is empty (it must hold a list of officials, each starting with "
            "'- name:'; restore it from git if it was emptied by mistake)",
        ),
    ],
)
def test_a_missing_or_empty_registry_is_one_line_and_no_name_is_suggested(tmp_path, text, expected):
    """officials.yaml = [] or deleted: 'check ok' with one 'official not in the
    registry … add to data/officials.yaml' per name in the releases."""
    site = FixtureSite(tmp_path)
    site.article("2024/pleno.md", MENTIONING)
    officials = tmp_path / "officials.yaml"
    if text is not None:
        officials.write_text(text, encoding="utf-8")
    built = site.build(SEARCH_ENABLED=False, OFFICIAL_TAGS_OFFICIALS=str(officials))
    shown = [(f.path, f.line, f"{f.level}: {f.message}") for f in built.findings()]
    line = 1 if text is not None else None
    assert shown == [("officials.yaml", line, expected)], built.log
    assert built.returncode == 1


def test_a_gazetteer_not_in_utf8_stops_no_build(tmp_path):
    site = FixtureSite(tmp_path)
    site.article("2024/pleno.md", MENTIONING)
    ansi = tmp_path / "names.csv"
    ansi.write_bytes((GAZETTEER + "16.71.09,kecamatan,Kemuning Rayé,16.71\n").encode("cp1252"))
    built = site.build(SEARCH_ENABLED=False, OFFICIAL_TAGS_REGION_NAMES=str(ansi))
    assert [(f.path, f.line, f"{f.level}: {f.message}") for f in built.findings("error")] == [
        (
            "names.csv",
            9,
            "error: not UTF-8 text: byte 0xE9 in column 32 (save the file as UTF-8)",
        )
    ], built.log
    assert "build stopped" not in built.log


def test_a_gazetteer_not_in_utf8_that_the_regions_plugin_reads_too_is_said_once(tmp_path):
    site = FixtureSite(tmp_path)
    site.article("2024/pleno.md", MENTIONING)
    ansi = tmp_path / "gazetteer.csv"
    text = (REPO / "data" / "regions" / "gazetteer.csv").read_text(encoding="utf-8")
    ansi.write_bytes(text.replace(",Kemuning,", ",Kemuning Rayé,").encode("cp1252"))
    built = site.build(
        SEARCH_ENABLED=False, OFFICIAL_TAGS_REGION_NAMES=str(ansi), REGIONS_GAZETTEER=str(ansi)
    )
    assert [f.path for f in built.findings() if f.path == "gazetteer.csv"] == ["gazetteer.csv"], (
        built.log
    )
    assert "build stopped" not in built.log


def test_a_division_coordinator_entered_twice_at_once_is_an_error_at_the_later_term(tmp_path):
    """Two coordinators of one division in one office at the same time: a
    release naming "Koordinator Divisi … Bawaslu Kota Palembang" linked either.
    A handover (one term ends the day before the next starts) is no problem."""
    kordiv = "Koordinator Divisi Hukum dan Penyelesaian Sengketa"
    seat = f'position: {kordiv}, institution: Bawaslu, region: "16.71"'
    _, problems = registry_of(
        tmp_path,
        f"""\
        - name: Rini Anggraini
          slug: rini-anggraini
          positions:
            - {{{seat}, start: 2023-08-20, end: 2025-07-13}}
        - name: Yudha Pratama
          slug: yudha-pratama
          positions:
            - {{{seat}, start: 2025-07-14}}
        - name: Dedi Kurnia
          slug: dedi-kurnia
          positions:
            - {{{seat}, start: 2025-01-01}}
        """,
    )
    held = f"'{kordiv} Bawaslu Kota Palembang' is held by"
    end = "(end one of the two terms before the other starts)"
    assert lines(problems) == [
        (8, f"{held} Dedi Kurnia (line 12) at the same time: 'Yudha Pratama' {end}"),
        (12, f"{held} Rini Anggraini (line 4) at the same time: 'Dedi Kurnia' {end}"),
    ]


def test_names_that_differ_only_in_titles_are_one_spelling_said_at_the_later_entry(tmp_path):
    """'H. Ahmad Rizal, S.H.', 'Ahmad Rizal, S.Sos., M.Si.' and 'Ahmad Rizal'
    were three people with no error, all found as 'Ahmad Rizal', and which
    one a release linked depended on PYTHONHASHSEED."""
    registry, problems = registry_of(
        tmp_path,
        """\
        - name: H. Ahmad Rizal, S.H.
          slug: ahmad-rizal-ilir
          positions:
            - {position: Ketua, institution: Bawaslu, region: "16.10", start: 2023-08-20}
        - name: Ahmad Rizal, S.Sos., M.Si.
          slug: ahmad-rizal-prabumulih
          positions:
            - {position: Ketua, institution: Bawaslu, region: "16.72", start: 2023-08-20}
        - name: Rahmat Hidayat
          slug: rahmat-hidayat
          variants: ["Drs. Ahmad Rizal"]
          positions:
            - {position: Anggota, institution: Bawaslu, region: "16.71", start: 2023-08-20}
        """,
    )
    assert lines(problems) == [
        (
            5,
            "name already belongs to 'ahmad-rizal-ilir' (line 1): 'Ahmad Rizal, S.Sos., M.Si.' "
            "(two people may not share a spelling: register one of them by a longer name)",
        ),
        (
            11,
            "name already belongs to 'ahmad-rizal-ilir' (line 1): 'Drs. Ahmad Rizal' (two "
            "people may not share a spelling: remove it here, or use a longer variant)",
        ),
    ]
    assert [(o.slug, o.variants) for o in registry.officials] == [
        ("ahmad-rizal-ilir", []),
        ("rahmat-hidayat", []),
    ]
    assert [slug for slug, _ in registry.mentions("kata Ahmad Rizal, S.Sos., M.Si., di sana")] == [
        "ahmad-rizal-ilir"
    ]


def test_a_phrase_written_for_two_keys_maps_to_the_same_one_whatever_the_hash_seed():
    """PhraseMatcher ordered phrases of one length as a set iterates them: a
    phrase given for two keys matched either, by PYTHONHASHSEED."""
    import os
    import subprocess
    import sys

    program = (
        "from warta.tags.detection import PhraseMatcher\n"
        "entries = [('Ahmad Rizal', k) for k in ('rizal-c', 'rizal-a', 'rizal-b')]\n"
        "entries += [('Rizal Ahmad', k) for k in ('rizal-b', 'rizal-a')]\n"
        "matcher = PhraseMatcher(entries, enclitic=False, case_sensitive=True, initials=True)\n"
        "print([key for key, _ in matcher.finditer('Ahmad Rizal dan Rizal Ahmad')])\n"
    )
    found = set()
    for seed in range(8):
        env = {**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": str(REPO)}
        run = subprocess.run(
            [sys.executable, "-c", program], env=env, capture_output=True, text=True, check=True
        )
        found.add(run.stdout.strip())
    assert found == {"['rizal-a', 'rizal-a']"}


def test_an_acting_position_beside_the_own_post_is_no_overlap_and_shows_the_own_post(tmp_path):
    """'Plt. Ketua' of the province held by a kabupaten's Ketua, and beside
    the province's Ketua on leave, was refused by both overlap checks."""
    registry, problems = registry_of(
        tmp_path,
        """\
        - name: Hotman Parulian Sitorus
          slug: hotman-parulian-sitorus
          positions:
            - {position: Ketua, institution: Bawaslu, region: "16.10", start: 2023-08-20}
            - {position: Plt. Ketua, institution: Bawaslu, region: "16",
               start: 2024-03-01, end: 2024-05-31}
            - {position: Plh. Anggota, institution: Bawaslu, region: "16.10",
               start: 2024-06-01, end: 2024-06-30}
        - name: Neni Marlina
          slug: neni-marlina
          positions:
            - {position: Ketua, institution: Bawaslu, region: "16", start: 2023-08-20}
        - name: Rini Kartika Sari
          slug: rini-kartika-sari
          positions:
            - {position: Plt. Ketua, institution: Bawaslu, region: "16.72",
               start: 2024-01-01, end: 2024-01-31}
        """,
    )
    assert problems == []
    hotman = registry.by_slug("hotman-parulian-sitorus")
    assert hotman.position_on(dt.date(2024, 4, 2)).title == "Ketua Bawaslu Kabupaten Ogan Ilir"
    rini = registry.by_slug("rini-kartika-sari")
    assert rini.position_on(dt.date(2024, 1, 15)).title == "Plt. Ketua Bawaslu Kota Prabumulih"
    assert rini.position_on(dt.date(2024, 2, 15)) is None


def test_a_division_whose_tag_entry_is_broken_is_not_blamed_on_its_coordinators(tmp_path):
    """One mistake in the Divisi Hukum tag entry made every correct
    'Koordinator Divisi Hukum dan Penyelesaian Sengketa' in officials.yaml an
    error with a hint naming the other divisions."""
    shipped = (REPO / "data" / "official_tags.yaml").read_text(encoding="utf-8")
    entry = "slug: divisi-hukum-dan-penyelesaian-sengketa\n  group: Divisi\n"
    assert entry in shipped
    vocabulary = tmp_path / "official_tags.yaml"
    vocabulary.write_text(
        shipped.replace(entry, entry.replace("group: Divisi", "group: Divsi")), encoding="utf-8"
    )
    officials = write(
        tmp_path,
        "officials.yaml",
        """\
        - name: Rini Anggraini
          slug: rini-anggraini
          positions:
            - position: Koordinator Divisi Hukum dan Penyelesaian Sengketa
              institution: Bawaslu
              region: "16.71"
              start: 2023-08-20
        - name: Neni Marlina
          slug: neni-marlina
          positions:
            - position: Koordinator Divisi Teknis
              institution: Bawaslu
              region: "16.71"
              start: 2023-08-20
        """,
    )
    site = FixtureSite(tmp_path)
    site.article("2024/pleno.md", MENTIONING)
    built = site.build(
        SEARCH_ENABLED=False,
        OFFICIAL_TAGS_OFFICIALS=str(officials),
        OFFICIAL_TAGS_VOCABULARY=str(vocabulary),
    )
    shown = [(f.path, f.line) for f in built.findings() if f.level == "error"]
    group_line = shipped[: shipped.index(entry)].count("\n") + 2
    assert shown == [("official_tags.yaml", group_line), ("officials.yaml", 11)], built.log


@pytest.mark.parametrize(
    ("position", "hint"),
    [
        (
            "Pj. Ketua",
            "write 'Plt. Ketua' or 'Plh. Ketua': an acting post in Bawaslu is Plt. or Plh.",
        ),
        (
            "Penjabat Anggota",
            "write 'Plt. Anggota' or 'Plh. Anggota': an acting post in Bawaslu is Plt. or Plh.",
        ),
        ("Pjs Kordiv Hukum", "write 'Plt. Koordinator Divisi Hukum'"),
        (
            "Wakil Ketua",
            "a Bawaslu office has no deputy chair: write 'Anggota', or 'Koordinator Divisi "
            "<division>' for the division the person coordinates",
        ),
        (
            "Plt. Wakil Ketua",
            "a Bawaslu office has no deputy chair: write 'Anggota', or 'Koordinator Divisi "
            "<division>' for the division the person coordinates",
        ),
        ("Plh. Ketua", None),
    ],
)
def test_a_regional_acting_title_or_a_deputy_chair_gets_the_bawaslu_title_meant(position, hint):
    """'Pj. Ketua' was told "write 'Ketua'" (the acting was lost) and 'Wakil
    Ketua' the same (a post Bawaslu does not have, as if it were the chair)."""
    from warta.tags.officials import title_hint

    assert title_hint(position, {}) == hint


@pytest.mark.parametrize(
    "position",
    [
        "Koordinator Divisi Hukum dan Penyelesaian Sengketa serta Pencegahan",
        "Kordiv Hukum dan Pencegahan",
    ],
)
def test_a_title_merging_two_divisions_is_told_both_divisions(position, vocabulary):
    """'Koordinator Divisi Hukum dan Penyelesaian Sengketa serta Pencegahan'
    was told "write 'Koordinator Divisi Hukum dan Penyelesaian Sengketa'", as
    if Pencegahan were a slip: the hint named one of the two divisions."""
    from warta.tags.officials import title_hint

    divisions = {
        key: tag.name.removeprefix("Divisi ")
        for tag in vocabulary.tags
        if tag.group == "Divisi"
        for key in tag.spellings()
    }
    assert title_hint(position, divisions) == (
        "one position names one division: write 'Koordinator Divisi Hukum dan Penyelesaian "
        "Sengketa' or 'Koordinator Divisi Pencegahan, Partisipasi Masyarakat, dan Hubungan "
        "Masyarakat', the one the person coordinates"
    )
    assert title_hint("Koordinator Divisi Hukum dan Penyelesaian Sengketa", divisions) is None


def test_a_registry_whose_every_entry_is_broken_is_its_errors_and_no_more(tmp_path):
    """Every entry of officials.yaml broken (`slugg:`, `nama:`): each error at
    its line, then one more line about the whole file, "the officials
    registry could not be read … (fix the error above first)": two lines
    for one problem. Now the errors alone, and no name of the releases is
    suggested meanwhile."""
    site = FixtureSite(tmp_path)
    site.article("2024/pleno.md", MENTIONING)
    officials = write(
        tmp_path,
        "officials.yaml",
        """\
        - name: Kiagus Ahmad Zulkarnain
          slugg: kiagus-ahmad-zulkarnain
        - nama: Neni Marlina
        """,
    )
    built = site.build(SEARCH_ENABLED=False, OFFICIAL_TAGS_OFFICIALS=str(officials))
    said = [(f.path, f.line, f.level) for f in built.findings() if f.level != "suggestion"]
    assert said and all(
        (path, level) == ("officials.yaml", "error") and line for path, line, level in said
    ), built.log
    assert [f for f in built.findings() if f.path == "officials.yaml" and not f.line] == []
    assert [f for f in built.findings() if "not in the registry" in f.message] == []
