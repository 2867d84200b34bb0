"""official_tags (issue #4): vocabulary, normalisation, detection, officials and
discovery, tested on the pure modules (no Pelican)."""

from __future__ import annotations

import datetime as dt
import random
import re
import textwrap
from pathlib import Path

import pytest

from warta.tags.datafile import place_names
from warta.tags.detection import (
    PhraseMatcher,
    detected_tags,
    plain_text,
    tag_matcher,
    wants_detection,
)
from warta.tags.officials import (
    Official,
    Registry,
    discover,
    load_region_names,
    load_registry,
    office_name,
)
from warta.tags.vocabulary import load_vocabulary
from warta.text import fold

REPO = Path(__file__).resolve().parents[1]
VOCABULARY = REPO / "data" / "official_tags.yaml"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


# ---- the shipped vocabulary ----


def test_shipped_vocabulary_has_every_group_and_the_divisions(vocabulary):
    groups = {t.group for t in vocabulary.tags}
    assert {"Pemilihan", "Tahapan Pemilihan", "Divisi", "Kegiatan", "Isu", "Lembaga"} <= groups
    divisions = [t for t in vocabulary.tags if t.group == "Divisi"]
    assert len(divisions) == 4
    # Older division names (2018–2022) still resolve to today's divisions.
    assert vocabulary.resolve("Parmas dan Humas").slug == "divisi-p2h"
    assert vocabulary.resolve("Penindakan Pelanggaran").slug == "divisi-ppdatin"
    assert vocabulary.resolve("SDM dan Organisasi").slug == "divisi-sdmo-diklat"
    assert vocabulary.resolve("Pengawasan dan Hubungan Antar Lembaga").slug == "divisi-p2h"


def test_stages_carry_their_dates_per_election(vocabulary):
    voting = vocabulary.by_slug("pemungutan-dan-penghitungan-suara")
    by_election = {d.election: d for d in voting.dates}
    assert by_election["pilkada-serentak-2024"].start.date == dt.date(2024, 11, 27)
    assert by_election["pemilu-2024"].start.date == dt.date(2024, 2, 14)
    quiet = {d.election: d for d in vocabulary.by_slug("masa-tenang").dates}
    # The official masa tenang starts on the 24th (the press often says the 23rd).
    assert quiet["pilkada-serentak-2024"].start.date == dt.date(2024, 11, 24)
    assert quiet["pilkada-serentak-2024"].end.date == dt.date(2024, 11, 26)
    dispute = vocabulary.by_slug("perselisihan-hasil").dates[0]
    assert dispute.start.month_only and dispute.end.last_day() == dt.date(2025, 3, 31)


# ---- normalisation ----


@pytest.mark.parametrize(
    "typed",
    [
        "pilkada serentak 2024",
        "Pilkada 2024",
        "Pemilihan Serentak 2024",
        "PILKADA  SERENTAK, 2024",
        "pilkada-serentak-2024",
        " Pilkada Serentak 2024. ",
    ],
)
def test_spellings_of_one_election_are_one_tag(vocabulary, typed):
    assert vocabulary.resolve(typed).slug == "pilkada-serentak-2024"


def test_tag_keys_ignore_case_spacing_punctuation_and_accents():
    assert fold("  Pungut-Hitung ") == "pungut hitung"
    assert fold("Panwaslu Kelurahan/Desa") == "panwaslu kelurahan desa"
    assert fold("Pémilu") == "pemilu"


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("Netralitas A.S.N.", "netralitas-asn"),
        ("netralitas a s n", "netralitas-asn"),
        ("P T P S", "pengawas-tps"),
        ("P.T.P.S", "pengawas-tps"),
        ("D.P.T.", "dpt"),
    ],
)
def test_an_acronym_typed_with_dots_or_spaces_is_the_same_tag(vocabulary, typed, slug):
    """The vocabulary's header promises that punctuation and spacing never
    matter: "Netralitas A.S.N." was an unknown tag."""
    assert vocabulary.resolve(typed).slug == slug


def test_joining_an_acronyms_letters_merges_no_two_tags(vocabulary):
    from warta.tags.vocabulary import tag_key

    assert tag_key("Divisi A") == "divisi a"  # a lone letter stays a word
    assert tag_key("Hotman P. Sitorus") == "hotman p sitorus"
    keys = [key for tag in vocabulary.tags for key in tag.spellings()]
    assert len(keys) == len(set(keys))


def test_unknown_tag_names_the_nearest_official_tags(vocabulary):
    assert vocabulary.resolve("Politk Uang") is None
    assert vocabulary.nearest("Politk Uang")[0] == "Politik Uang"
    assert vocabulary.nearest("Sentra Gakumdu")[0] == "Sentra Gakkumdu"
    assert "Pilkada Serentak 2024" in vocabulary.nearest("Pilkada Serentak 2029")
    assert len(vocabulary.nearest("pengawasan kampanye pilkada")) <= 3


# ---- detection ----


def test_technical_meeting_on_voting_and_counting_gets_stage_and_election(vocabulary):
    matcher = tag_matcher(vocabulary)
    title = (
        "Bawaslu OKU Gelar Rapat Teknis Pengawasan Pemungutan dan Penghitungan Suara Pilkada 2024"
    )
    found = matcher.find_keys(title)
    assert "pemungutan-dan-penghitungan-suara" in found
    assert "pilkada-serentak-2024" in found


def test_preparing_for_result_disputes_gets_the_dispute_stage(vocabulary):
    matcher = tag_matcher(vocabulary)
    text = (
        "Bawaslu Sumsel menyiapkan keterangan tertulis untuk menghadapi perselisihan hasil "
        "pemilihan di Mahkamah Konstitusi."
    )
    found = matcher.find_keys(text)
    assert "perselisihan-hasil" in found
    assert "mahkamah-konstitusi" in found
    assert "pemungutan-dan-penghitungan-suara" not in found


def test_phrases_match_whole_words_only():
    matcher = PhraseMatcher(
        [("DPT", "dpt"), ("kampanye", "kampanye"), ("coklit", "coklit"), ("Pilkada 2024", "p24")]
    )
    # Inside longer words: nothing.
    assert matcher.find_keys("Data DPTb dan DPTHP diumumkan; dikampanyekan; pencoklitan") == []
    assert matcher.find_keys("Pilkada 20245 dan prePilkada 2024") == []
    # As words: found, also with the enclitic -nya and across a hyphen.
    assert matcher.find_keys("DPT-nya sudah ditetapkan") == ["dpt"]
    assert matcher.find_keys("masa kampanyenya panjang") == ["kampanye"]
    assert matcher.find_keys("Hasil (coklit) rampung") == ["coklit"]


def test_acronyms_match_in_capitals_only_other_phrases_in_any_case():
    matcher = PhraseMatcher([("PSU", "psu"), ("masa tenang", "tenang")])
    assert matcher.find_keys("psu ini bukan singkatan") == []
    assert matcher.find_keys("PSU digelar di dua TPS") == ["psu"]
    assert matcher.find_keys("MASA TENANG dimulai") == ["tenang"]


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        ("Jum'at Bersih", "aksi Jum’at Bersih digelar"),
        ("Jum’at Bersih", "aksi Jum'at Bersih digelar"),
        ("Jum'at Bersih", "aksi Jumat Bersih digelar"),
        ("Jum'at Bersih", "aksi Jum‘at Bersih digelar"),
        ('Gerakan "Ayo Mengawasi"', "Gerakan “Ayo Mengawasi” dimulai"),
        ("Gerakan “Ayo Mengawasi”", 'Gerakan "Ayo Mengawasi" dimulai'),
        ("pungut-hitung", "saat pungut—hitung"),
        ("pungut—hitung", "saat pungut-hitung"),
        ("O'Brien Pasaribu", "bersama O’Brien Pasaribu"),
    ],
)
def test_an_apostrophe_quote_or_dash_matches_the_twin_smarty_writes(phrase, text):
    """The build's Markdown writes ' as ’ and " as “ ”: a phrase compared them
    literally, so "Ma'ruf" and a quoted campaign name were never found."""
    for matcher in (
        PhraseMatcher([(phrase, "t")]),
        PhraseMatcher([(phrase, "t")], enclitic=False, case_sensitive=True, initials=True),
    ):
        assert matcher.find_keys(text) == ["t"], (phrase, text)


def test_open_ended_words_match_indonesian_forms():
    matcher = PhraseMatcher([("pengawas* partisipatif", "pp"), ("pungut hitung", "ph")])
    assert matcher.find_keys("pengawasan partisipatif dan pengawas partisipatif") == ["pp"]
    assert matcher.find_keys("simulasi pungut-hitung di TPS") == ["ph"]


def _every_word_start(matcher: PhraseMatcher, text: str) -> list[tuple[str, int, str]]:
    """The plain definition of a scan: try the buckets at every word start."""
    found = []
    for start in re.finditer(r"(?<![\w-])\w", text):
        position, best = start.start(), None
        for length in matcher.prefix_lengths:
            regex = matcher.buckets.get(text[position : position + length].lower())
            match = regex.match(text, position) if regex else None
            if match and (best is None or int(match.lastgroup[1:]) < int(best.lastgroup[1:])):
                best = match
        if best:
            found.append(
                (matcher.keys[int(best.lastgroup[1:])], position, best.group(best.lastgroup))
            )
    return found


@pytest.mark.parametrize(
    ("case_sensitive", "initials"), [(True, False), (False, False), (True, True)]
)
def test_a_scan_finds_what_visiting_every_word_start_finds(case_sensitive, initials):
    # Names as the registry holds them (capitals, initials, one-letter first
    # words, dotted titles) and text around them that a careless or hostile
    # paste could hold: glued punctuation, hyphens, odd capitals, "İ", "Σ".
    matcher = PhraseMatcher(
        [
            ("I Made Wirawan", "made"),
            ("M. Rizal", "rizal"),
            ("Siti Aminah", "siti"),
            ("Sitiawan", "sitiawan"),
            ("KPU", "kpu"),
            ("Muslim", "muslim"),
            ("Ir. Joko-Santoso", "joko"),
        ],
        enclitic=not case_sensitive,
        case_sensitive=case_sensitive,
        initials=initials,
    )
    words = [
        "M",
        "Ir",
        "M.Rizal",
        ".",
        "I",
        "Made",
        "Wirawan",
        "M.",
        "Rizal",
        "Siti",
        "Aminah",
        "Sitiawan",
        "KPU",
        "kpu",
        "Muslim",
        "muslim",
        "Ir.",
        "Joko",
        "Santoso",
        "-",
        "—",
        "(",
        ")",
        ",",
        "İ",
        "Σ",
        "SİTİ",
        "dan",
        "I-Made",
        "xI",
        "_I",
        "9I",
        "Ir.Joko",
    ]
    rng = random.Random(16)
    for _ in range(400):
        text = "".join(
            rng.choice(words) + rng.choice([" ", "", "-", "\n", ", "]) for _ in range(30)
        )
        found = [(key, m.start(), m.group(m.lastgroup)) for key, m in matcher.finditer(text)]
        assert found == _every_word_start(matcher, text), text


def test_overlapping_phrases_are_all_found():
    matcher = PhraseMatcher(
        [("patroli antipolitik uang", "patroli"), ("antipolitik uang", "uang"), ("uang", "x")]
    )
    assert matcher.find_keys("Bawaslu menggelar patroli antipolitik uang") == [
        "patroli",
        "uang",
        "x",
    ]


def test_read_also_inserts_are_not_searched(vocabulary):
    html = (
        "<p>Bawaslu mengawasi rekapitulasi suara di kecamatan.</p>"
        "<p>BACA JUGA: <a href='#'>Bawaslu Lahat Tertibkan Alat Peraga Kampanye</a></p>"
    )
    text = plain_text(html)
    found = tag_matcher(vocabulary).find_keys(text)
    assert "rekapitulasi-suara" in found
    assert "apk" not in found


def test_detected_tags_name_the_subject_not_a_passing_mention(vocabulary):
    matcher = tag_matcher(vocabulary)
    body = plain_text(
        "<p>PAGARALAM, SP - Bawaslu Kota Pagaralam mengawasi penyortiran dan pelipatan "
        "surat suara di gudang KPU, Rabu (6/11/2024).</p>"
        "<p>Pengawas juga mengingatkan masa tenang dimulai 24 November.</p>"
        "<p>Setiap kotak dicek ulang sebelum distribusi logistik ke kecamatan.</p>"
    )
    text = "Bawaslu Kota Pagaralam Awasi Gudang Logistik\n" + body
    # In the lead: detected. Once, in passing, after the lead: not detected…
    assert detected_tags(text, matcher, 2) == ["logistik-pemilihan"]
    # …unless every mention counts.
    assert "masa-tenang" in detected_tags(text, matcher, 1)
    # Repeated further down, it is the subject too.
    again = text + "\nSelama masa tenang, patroli digelar setiap malam."
    assert "masa-tenang" in detected_tags(again, matcher, 2)


def test_tags_auto_no_opts_out():
    assert wants_detection({}) is True
    assert wants_detection({"tags-auto": "no"}) is False
    assert wants_detection({"tags-auto": "Tidak"}) is False
    assert wants_detection({"tags-auto": "yes"}) is True


# ---- officials ----

OFFICIALS = """\
# two chairs of one city office, one after the other
- name: Kiagus Ahmad Zulkarnain
  slug: kiagus-ahmad-zulkarnain
  variants: [Kiagus Zulkarnain, "Kgs. Ahmad Zulkarnain"]
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
- name: Nurhasanah Siregar
  slug: nurhasanah-siregar
  positions:
    - position: Ketua
      institution: Bawaslu
      region: 16.71
      start: 2023-08-20
      end: 2024-06-30
- name: Dedi Kurniawan
  slug: dedi-kurniawan
  positions:
    - position: Koordinator Divisi Hukum dan Penyelesaian Sengketa
      institution: Bawaslu
      region: 16.10
      start: 2023-08-20
"""

GAZETTEER = """\
code,level,name,parent
16,provinsi,Sumatera Selatan,
16.10,kabupaten,Kabupaten Ogan Ilir,16
16.71,kota,Kota Palembang,16
16.71.01,kecamatan,Ilir Barat II,16.71
"""


@pytest.fixture
def registry(tmp_path):
    regions = load_region_names(write(tmp_path, "gazetteer.csv", GAZETTEER))
    loaded, problems = load_registry(
        write(tmp_path, "officials.yaml", OFFICIALS), "o.yaml", regions
    )
    assert problems == []
    return loaded


def test_region_names_and_office_names(tmp_path):
    regions = load_region_names(write(tmp_path, "gazetteer.csv", GAZETTEER))
    assert regions["16"] == "Provinsi Sumatera Selatan"
    assert regions["16.71.01"] == "Kecamatan Ilir Barat II"
    assert office_name("Bawaslu", regions["16.71"]) == "Bawaslu Kota Palembang"
    assert (
        office_name("Panwaslu Kecamatan", regions["16.71.01"]) == "Panwaslu Kecamatan Ilir Barat II"
    )
    assert office_name("Bawaslu RI", None) == "Bawaslu RI"


def test_region_code_written_as_a_number_keeps_its_zero(registry):
    dedi = registry.by_slug("dedi-kurniawan")
    assert dedi.positions[0].region == "16.10"
    assert dedi.positions[0].office == "Bawaslu Kabupaten Ogan Ilir"


def test_position_held_on_a_date_before_and_after_a_change_of_chair(registry):
    kiagus = registry.by_slug("kiagus-ahmad-zulkarnain")
    nurhasanah = registry.by_slug("nurhasanah-siregar")
    before, after = dt.date(2024, 6, 30), dt.date(2024, 7, 1)
    assert nurhasanah.position_on(before).title == "Ketua Bawaslu Kota Palembang"
    assert kiagus.position_on(before).position == "Anggota"
    assert kiagus.position_on(after).title == "Ketua Bawaslu Kota Palembang"
    assert nurhasanah.position_on(after) is None
    assert kiagus.position_on(dt.date(2023, 1, 1)) is None
    assert [p.position for p in kiagus.past_positions(after)] == ["Anggota"]


def test_mentions_are_found_by_name_or_variant_as_words(registry):
    text = (
        'PALEMBANG - "Kami siap," kata Kgs. Ahmad Zulkarnain. Nurhasanah Siregar hadir. '
        "Kiagus Zulkarnainsyah tidak."
    )
    assert [o.slug for o in registry.mentioned(text)] == [
        "kiagus-ahmad-zulkarnain",
        "nurhasanah-siregar",
    ]
    # A name is a proper noun: lower case is not a mention.
    assert registry.mentioned("dedi kurniawan") == []


@pytest.mark.parametrize(
    ("text", "slugs"),
    [
        # more name words after it, or before it in the middle of a sentence
        ("Salah satu yang dilantik, Nurhasanah Siregar Putri, mengaku siap.", []),
        ("Hadir pula Nurhasanah Siregar-Lubis.", []),
        ("Pelantikan dihadiri Siti Nurhasanah Siregar dan warga.", []),
        ("Anggota Bawaslu Kabupaten Ogan Ilir, Dedi Kurniawan Saputra, hadir.", []),
        # what may stand beside a name: degrees, a comma, a verb, a quote, a
        # new sentence, a day, an office without a comma, a word opening a sentence
        ("Ketua Bawaslu Kota Palembang, Nurhasanah Siregar, S.H., M.H., hadir.", ["n"]),
        ("“Kami siap,” kata Nurhasanah Siregar. Putri warga setempat hadir.", ["n"]),
        ("Nurhasanah Siregar mengatakan, “Kami siap.”", ["n"]),
        ("Nurhasanah Siregar SH hadir, Senin.", ["n"]),
        ("Kata Nurhasanah Siregar Senin (18/11/2024), pengawasan berlanjut.", ["n"]),
        ("Ketua Bawaslu Kota Palembang Nurhasanah Siregar membuka rapat.", ["n"]),
        ("Koordinator Divisi Hukum dan Penyelesaian Sengketa Dedi Kurniawan hadir.", ["d"]),
        ("Selanjutnya Nurhasanah Siregar membuka rapat.", ["n"]),
        ("Rapat dibuka oleh Dr. H. Nurhasanah Siregar, M.Si.", ["n"]),
    ],
)
def test_a_registered_name_inside_a_longer_name_is_another_person(registry, text, slugs):
    short = {"nurhasanah-siregar": "n", "dedi-kurniawan": "d"}
    assert [short[o.slug] for o in registry.mentioned(text)] == slugs


def test_a_name_in_a_title_is_part_of_a_longer_one_where_the_text_writes_that(registry):
    # A title gives every word a capital: "Pimpin" is no part of the name there.
    title = "Nurhasanah Siregar Pimpin Rapat Koordinasi"
    text = f"{title}\nKetua Bawaslu Kota Palembang, Nurhasanah Siregar, membuka rapat."
    assert len(registry.mentions(text, heading=len(title))) == 2
    title = "Nurhasanah Siregar Putri Dilantik Jadi Anggota PKD"
    text = f"{title}\nSalah satu yang dilantik, Nurhasanah Siregar Putri, mengaku siap."
    assert registry.mentions(text, heading=len(title)) == []


def test_an_official_inside_a_longer_name_is_discovered_under_the_longer_name(registry):
    text = "Anggota Panwaslu Kecamatan Ilir Barat II, Dedi Kurniawan Saputra, hadir.\n"
    found = {d.name: d.position for d in discover(text, registry)}
    assert found == {"Dedi Kurniawan Saputra": "Anggota Panwaslu Kecamatan Ilir Barat II"}
    assert registry.mentions(text) == []  # nothing said about Dedi Kurniawan


@pytest.mark.parametrize(
    "written",
    [
        "Kgs. Ahmad Zulkarnain",
        "Kgs Ahmad Zulkarnain",
        "Kgs.Ahmad Zulkarnain",
        "Kgs.  Ahmad Zulkarnain",
        "KGS. AHMAD ZULKARNAIN",
        "KIAGUS AHMAD ZULKARNAIN",
    ],
)
def test_a_name_is_linked_and_known_alike_with_or_without_the_dots_of_its_initials(
    registry, written
):
    text = f"Ketua Bawaslu Kota Palembang, {written}, membuka rapat.\n"
    assert [o.slug for o in registry.mentioned(text)] == ["kiagus-ahmad-zulkarnain"]
    assert registry.knows(written)
    assert discover(text, registry) == []


def test_what_the_registry_knows_is_what_it_links():
    """discover() leaves out a name the registry knows: a name it knows and
    does not link would be neither linked nor reported."""
    loaded = Registry(
        [Official("Hotman Parulian Sitorus", "hotman", ["Hotman P. Sitorus", "H. M. Rizal"])]
    )
    for written in [
        "Hotman P Sitorus",
        "Hotman P.Sitorus",
        "Hotman P. Sitorus",
        "HOTMAN P SITORUS",
        "H M Rizal",
        "H.M. Rizal",
        "H. M.Rizal",
        "Hotman PSitorus",
        "Hotman P. sitorus",
        "hotman p. sitorus",
        "HM Rizal",
        "Hotman Parulian",
    ]:
        linked = [m.group(m.lastgroup) for _, m in loaded.mentions(written)]
        assert loaded.knows(written) == (linked == [written]), written


def test_discovery_reports_unregistered_officials_in_the_position_name_pattern(registry):
    text = textwrap.dedent(
        """\
        Ketua Bawaslu Kota Palembang, Kiagus Ahmad Zulkarnain, membuka acara.
        Koordinator Divisi Pencegahan, Partisipasi Masyarakat, dan Hubungan Masyarakat \
        Bawaslu Kabupaten Lahat, Neni Marlina, menjelaskan jadwal.
        "Kami siap," ujar Anggota Bawaslu Kabupaten Ogan Ilir, Yohanes P. Pardede.
        Ketua Bawaslu Kota Palembang, Kiagus, menambahkan.
        Anggota Bawaslu Kabupaten Lahat, Senin (18/11/2024), hadir.
        Ketua Bawaslu Kota Palembang, Selasa.
        """
    )
    found = {d.name: d.position for d in discover(text, registry)}
    assert found == {
        "Neni Marlina": (
            "Koordinator Divisi Pencegahan, Partisipasi Masyarakat, dan Hubungan Masyarakat "
            "Bawaslu Kabupaten Lahat"
        ),
        "Yohanes P. Pardede": "Anggota Bawaslu Kabupaten Ogan Ilir",
    }


# ---- data file validation: errors point at the file and line ----


def test_vocabulary_errors_point_at_file_and_line(tmp_path):
    path = write(
        tmp_path,
        "tags.yaml",
        """\
        - name: Pilkada Serentak 2024
          slug: pilkada-serentak-2024
          group: Pemilihan
          description: Pemilihan serentak 2024.
        - name: Kampanye
          slug: Kampanye Pilkada
          group: Tahapan
          description: Masa kampanye.
          detetc: [kampanye]
          dates:
            - election: pemilu-2029
              start: 2024-09-25
              end: 23 November 2024
        - name: Masa Tenang
          slug: masa-tenang
          group: Tahapan Pemilihan
          description: Tiga hari tanpa kampanye.
          aliases: [Pilkada 2024, pilkada serentak 2024]
        """,
    )
    _, problems = load_vocabulary(path, "data/tags.yaml")
    lines = {str(p) for p in problems}
    assert (
        "data/tags.yaml:6: slug must be lowercase words joined by hyphens: 'Kampanye Pilkada'"
        in lines
    )
    assert "data/tags.yaml:7: unknown group: 'Tahapan' (did you mean 'Tahapan Pemilihan'?)" in lines
    assert "data/tags.yaml:9: unknown field: 'detetc' (did you mean 'detect'?)" in lines
    assert (
        "data/tags.yaml:13: end is not a date: '23 November 2024' (write YYYY-MM-DD or YYYY-MM)"
        in lines
    )
    assert (
        "data/tags.yaml:18: alias already names tag 'pilkada-serentak-2024' (its name on "
        "line 1): 'pilkada serentak 2024' (remove this alias, or the other)"
    ) in lines


def test_a_duplicate_alias_is_blamed_at_its_own_line_naming_the_first(tmp_path):
    """`- Uji Petik` added to Evaluasi Pengawasan's aliases was an error at the
    `- name: Uji Petik` line, naming the folded key, and dropped Uji Petik: its
    releases silently became Evaluasi Pengawasan."""
    path = write(
        tmp_path,
        "tags.yaml",
        """\
        - name: Evaluasi Pengawasan
          slug: evaluasi-pengawasan
          group: Kegiatan
          description: Evaluasi.
          aliases:
            - Evaluasi
            - Uji Petik
            - kampanye
        - name: Uji Petik
          slug: uji-petik
          group: Kegiatan
          description: Uji petik.
          aliases: [Uji Petik DPT]
        - name: Kampanye Pilkada
          slug: kampanye-pilkada
          group: Kegiatan
          description: Kampanye.
          aliases:
            - KAMPANYÉ
            - evaluasi
        - name: Evaluasi Pengawasan
          slug: evaluasi-lagi
          group: Kegiatan
          description: Sekali lagi.
        """,
    )
    loaded, problems = load_vocabulary(path, "data/tags.yaml")
    assert [(p.line, p.message.split(" (give")[0].split(" (remove")[0]) for p in problems] == [
        (
            21,
            "name already names tag 'evaluasi-pengawasan' (its name on line 1): "
            "'Evaluasi Pengawasan'",
        ),
        (7, "alias already names tag 'uji-petik' (its name on line 9): 'Uji Petik'"),
        (19, "alias already names tag 'evaluasi-pengawasan' (its alias on line 8): 'KAMPANYÉ'"),
        (20, "alias already names tag 'evaluasi-pengawasan' (its alias on line 6): 'evaluasi'"),
    ]
    assert loaded.resolve("Uji Petik").slug == "uji-petik"
    assert loaded.by_slug("evaluasi-pengawasan").aliases == ["Evaluasi", "kampanye"]
    assert loaded.by_slug("kampanye-pilkada").aliases == []
    assert loaded.by_slug("evaluasi-lagi") is None


def test_a_detect_phrase_that_would_tag_every_release_is_refused_at_its_line(tmp_path):
    """`detect: ["*"]` passed the check and tagged all 55 sample releases; so
    did `- di` (and `- dan`, `- a`), under "build ok"."""
    path = write(
        tmp_path,
        "tags.yaml",
        """\
        - name: Pengawasan
          slug: pengawasan
          group: Kegiatan
          description: Pengawasan tahapan.
          detect: ["*", "a*", "kampanye*", "DPT", "MK"]
          aliases: [Pengawasan Partisipatif]
        - name: Uji Petik
          slug: uji-petik
          group: Kegiatan
          description: Uji petik.
          detect:
            - uji petik
            - di
            - Dan
            - a
            - Dan di
            - Bawaslu
            - pengawas*
            - 2024
            - Ketua Bawaslu Kabupaten
            - Uji Petik 2024
            - di Kayuagung
            - kerja sama
            - hari H
        """,
    )
    loaded, problems = load_vocabulary(path, "data/tags.yaml")
    assert [str(p).split(" (")[0] for p in problems] == [
        "data/tags.yaml:5: detect phrase would match nearly every release: '*'",
        "data/tags.yaml:5: detect phrase would match nearly every release: 'a*'",
        "data/tags.yaml:13: detect phrase would match nearly every release: 'di'",
        "data/tags.yaml:14: detect phrase would match nearly every release: 'Dan'",
        "data/tags.yaml:15: detect phrase would match nearly every release: 'a'",
        "data/tags.yaml:16: detect phrase would match nearly every release: 'Dan di'",
        "data/tags.yaml:17: detect phrase would match nearly every release: 'Bawaslu'",
        "data/tags.yaml:18: detect phrase would match nearly every release: 'pengawas*'",
        "data/tags.yaml:19: detect phrase would match nearly every release: '2024'",
        "data/tags.yaml:20: detect phrase would match nearly every release: "
        "'Ketua Bawaslu Kabupaten'",
    ]
    assert loaded.by_slug("pengawasan").detect == ["kampanye*", "DPT", "MK"]
    assert loaded.by_slug("uji-petik").detect == [
        "uji petik",
        "Uji Petik 2024",
        "di Kayuagung",
        "kerja sama",
        "hari H",
    ]


def test_a_detect_phrase_or_alias_that_is_a_place_is_refused_at_its_line(tmp_path):
    """`detect: [Palembang]` tagged every release about the city, and an alias
    `Ogan Ilir` turned a region typed under Tags: into the tag, under "build ok"."""
    path = write(
        tmp_path,
        "tags.yaml",
        """\
        - name: Pengawasan Kampanye
          slug: pengawasan-kampanye
          group: Kegiatan
          description: Pengawasan kampanye.
          detect:
            - Palembang
            - kampanye*
            - kota palembang
            - Sumatera Selatan
            - Palembang Darussalam
          aliases: [Ogan Ilir, Pengawasan Kampanye Pemilu]
        """,
    )
    regions = load_region_names(write(tmp_path, "gazetteer.csv", GAZETTEER))
    loaded, problems = load_vocabulary(path, "data/tags.yaml", regions)
    assert [str(p).split(" (a place")[0] for p in problems] == [
        "data/tags.yaml:11: alias is the name of a place, Kabupaten Ogan Ilir (16.10): 'Ogan Ilir'",
        "data/tags.yaml:6: detect phrase is the name of a place, Kota Palembang (16.71): "
        "'Palembang'",
        "data/tags.yaml:8: detect phrase is the name of a place, Kota Palembang (16.71): "
        "'kota palembang'",
        "data/tags.yaml:9: detect phrase is the name of a place, Provinsi Sumatera Selatan (16): "
        "'Sumatera Selatan'",
    ]
    tag = loaded.by_slug("pengawasan-kampanye")
    assert tag.detect == ["kampanye*", "Palembang Darussalam"]
    assert tag.aliases == ["Pengawasan Kampanye Pemilu"]
    # Without the gazetteer (invoke new's tag lookup) nothing is judged.
    assert load_vocabulary(path, "data/tags.yaml")[1] == []


def test_the_shipped_vocabulary_detects_no_tag_in_most_sample_releases(vocabulary):
    """The rule the common words stand for: no detect phrase of the shipped
    vocabulary is found in half of the sample releases."""
    from warta.tags.detection import PhraseMatcher, plain_text

    texts = [
        plain_text(path.read_text(encoding="utf-8").split("\n\n", 1)[-1])
        for path in (REPO / "content").rglob("*.md")
    ]
    assert len(texts) >= 20
    for tag in vocabulary.tags:
        for phrase in tag.detect:
            matcher = PhraseMatcher([(phrase, tag.slug)])
            found = sum(bool(matcher.find_keys(text)) for text in texts)
            assert found < len(texts) / 2, (tag.slug, phrase, found)


def test_an_alias_yaml_reads_as_a_boolean_or_a_number_is_the_words_written(tmp_path):
    """`- Off` was the alias 'False': `Tags: Off` was unknown, `Tags: False` resolved."""
    path = write(
        tmp_path,
        "tags.yaml",
        """\
        - name: Uji Petik
          slug: uji-petik
          group: Kegiatan
          description: Uji petik data pemilih.
          aliases:
            - Off
            - Yes
            - 1.10
          detect: [On air]
        - name: On
          slug: no
          group: Isu
          description: Off.
        """,
    )
    loaded, problems = load_vocabulary(path, "data/tags.yaml")
    assert problems == []
    assert loaded.by_slug("uji-petik").aliases == ["Off", "Yes", "1.10"]
    assert loaded.resolve("off").slug == "uji-petik"
    assert loaded.resolve("False") is None
    assert [(t.name, t.slug, t.description) for t in loaded.tags[1:]] == [("On", "no", "Off.")]


def test_vocabulary_with_unknown_election_in_dates(tmp_path):
    path = write(
        tmp_path,
        "tags.yaml",
        """\
        - name: Masa Tenang
          slug: masa-tenang
          group: Tahapan Pemilihan
          description: Tiga hari tanpa kampanye.
          dates:
            - election: pilkada-2029
              start: 2029-11-24
        """,
    )
    _, problems = load_vocabulary(path, "t.yaml")
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [
        (6, "dates name an unknown election")
    ]


def test_a_broken_election_is_one_error_not_one_more_at_each_stage_dated_by_it(tmp_path):
    """An election entry with a typo in its group gave its own error and then
    'dates name an unknown election' at every stage that dates by it."""
    path = write(
        tmp_path,
        "tags.yaml",
        """\
        - name: Pilkada Serentak 2029
          slug: pilkada-2029
          group: Pemilhan
          description: Pemilihan serentak 2029.
        - name: Masa Tenang
          slug: masa-tenang
          group: Tahapan Pemilihan
          description: Tiga hari tanpa kampanye.
          dates:
            - election: pilkada-2029
              start: 2029-11-24
        - name: Pemungutan Suara
          slug: pemungutan-suara
          group: Tahapan Pemilihan
          description: Hari pemungutan suara.
          dates:
            - {election: pilkada-2029, start: 2029-11-27}
            - {election: pilkada-2031, start: 2031-11-27}
        """,
    )
    loaded, problems = load_vocabulary(path, "t.yaml")
    assert [(p.line, p.message.split(" (")[0]) for p in problems] == [
        (3, "unknown group: 'Pemilhan'"),
        (18, "dates name an unknown election: 'pilkada-2031'"),
    ]
    assert loaded.by_slug("masa-tenang").dates[0].election == "pilkada-2029"


def test_yaml_syntax_error_is_a_problem_with_a_line(tmp_path):
    path = write(tmp_path, "tags.yaml", "- name: Kampanye\n  slug: [kampanye\n")
    _, problems = load_vocabulary(path, "t.yaml")
    assert len(problems) == 1 and problems[0].line >= 2
    assert problems[0].message.startswith("not valid YAML")


def test_registry_errors_point_at_file_and_line(tmp_path):
    regions = load_region_names(write(tmp_path, "gazetteer.csv", GAZETTEER))
    path = write(
        tmp_path,
        "officials.yaml",
        """\
        - name: Neni Marlina
          slug: neni-marlina
          positions:
            - position: Ketua
              institution: Bawaslu
              region: 16.99
              start: 2023-08-20
            - position: Anggota
              institution: Bawaslu
              region: 16.71
              start: 20 Agustus 2023
              tmt: 2023-08-20
        - name: Neni Marlina
          slug: neni-marlina-2
          positions: []
        """,
    )
    _, problems = load_registry(path, "data/officials.yaml", regions)
    lines = [str(p) for p in problems]
    assert any(
        line.startswith("data/officials.yaml:6: unknown region code: '16.99'") for line in lines
    )
    assert (
        "data/officials.yaml:11: start is not a date: '20 Agustus 2023' (write 2023-08-20)" in lines
    )
    assert any(
        line.startswith("data/officials.yaml:12: unknown field in a position: 'tmt'")
        for line in lines
    )
    assert any(line.startswith("data/officials.yaml:15: 'positions' must list") for line in lines)


def test_overlapping_terms_and_two_chairs_at_once_are_errors_at_their_line(tmp_path):
    """Both passed the check: the build then showed either position, or linked
    a release to the wrong chair. A chair handed over (Dedi to Rina's office)
    with an end date is fine."""
    path = write(
        tmp_path,
        "officials.yaml",
        """\
        - name: Budi Santoso
          slug: budi-santoso
          positions:
            - {position: Ketua, institution: Bawaslu, region: "16.04", start: 2023-08-20}
        - name: Rina Wati
          slug: rina-wati
          positions:
            - {position: Ketua, institution: Bawaslu, region: "16.04", start: 2024-05-01}
        - name: Eka Putri
          slug: eka-putri
          positions:
            - {position: Ketua, institution: Bawaslu, region: "16.06", start: 2023-08-20}
            - {position: Anggota, institution: Bawaslu, region: "16.06", start: 2024-01-01}
        - name: Dedi Kurnia
          slug: dedi-kurnia
          positions:
            - position: Ketua
              institution: Bawaslu
              region: "16.05"
              start: 2023-08-20
              end: 2024-04-30
            - {position: Anggota, institution: Bawaslu, region: "16.05", start: 2024-05-01}
        """,
    )
    _, problems = load_registry(path, "data/officials.yaml", {})
    assert [str(p).split(" (")[0] for p in problems] == [
        "data/officials.yaml:13: position overlaps the one on line 12 in the same office: "
        "'Anggota Bawaslu 16.06'",
        "data/officials.yaml:8: 'Ketua Bawaslu 16.04' is held by Budi Santoso",
    ], [str(p) for p in problems]


def test_a_registered_name_that_is_an_official_tag_is_an_error_at_its_line(tmp_path):
    """`name: Masa Tenang` passed the check, and every release writing "Masa
    Tenang" in capitals then named an official of that name."""
    from warta.tags.officials import names_that_are_tags

    path = write(
        tmp_path,
        "officials.yaml",
        """\
        - name: Budi Santoso
          slug: budi-santoso
          positions:
            - {position: Ketua, institution: Bawaslu, region: "16.04", start: 2023-08-20}
        - name: Masa Tenang
          slug: masa-tenang
          positions:
            - {position: Anggota, institution: Bawaslu, region: "16.02", start: 2023-08-20}
        """,
    )
    registry, problems = load_registry(path, "data/officials.yaml", {})
    assert problems == []
    spellings = {"masa tenang": "Masa Tenang", "pilkada serentak 2024": "Pilkada Serentak 2024"}
    assert [str(p) for p in names_that_are_tags(registry, spellings, "data/officials.yaml")] == [
        "data/officials.yaml:5: name is also a spelling of the official tag 'Masa Tenang': "
        "'Masa Tenang' (register a person by the name releases call them)"
    ]


def test_two_people_may_not_share_a_spelling(tmp_path):
    path = write(
        tmp_path,
        "officials.yaml",
        """\
        - name: Budi Santoso
          slug: budi-santoso
          positions:
            - {position: Ketua, institution: Bawaslu, region: "16.04", start: 2023-08-20}
        - name: Budi Santosa
          slug: budi-santosa
          variants: [Budi Santoso]
          positions:
            - {position: Anggota, institution: Bawaslu, region: "16.04", start: 2023-08-20}
        """,
    )
    registry, problems = load_registry(path, "o.yaml", {})
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [
        (7, "name already belongs to 'budi-santoso' (line 1)")
    ]
    # (the shared spelling is left out; Budi Santosa keeps his own name)
    assert [(o.slug, o.variants) for o in registry.officials] == [
        ("budi-santoso", []),
        ("budi-santosa", []),
    ]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # A name with commas, split by Pelican: made whole again.
        (
            ["Divisi Pencegahan", "Partisipasi Masyarakat", "dan Hubungan Masyarakat", "Pilkada"],
            ["Divisi Pencegahan, Partisipasi Masyarakat, dan Hubungan Masyarakat", "Pilkada"],
        ),
        # The serial comma left out: one piece is no tag of its own.
        (
            ["Divisi Pencegahan", "Partisipasi Masyarakat dan Hubungan Masyarakat"],
            ["Divisi Pencegahan, Partisipasi Masyarakat dan Hubungan Masyarakat"],
        ),
        # Two tags whose words, folded, read like a third: kept apart.
        (["Uji Petik", "Data Pemilih"], ["Uji Petik", "Data Pemilih"]),
        (["Pengawasan", "Kampanye"], ["Pengawasan", "Kampanye"]),
        (
            ["Rekapitulasi Hasil", "Penghitungan Suara", "Sekolah Kader"],
            ["Rekapitulasi Hasil", "Penghitungan Suara", "Sekolah Kader"],
        ),
    ],
)
def test_only_a_name_that_holds_commas_is_joined_again(vocabulary, typed, expected):
    from warta.tags.stage import OfficialTagsStage

    stage = OfficialTagsStage(vocabulary, None, None, None)
    assert stage.rejoined(typed) == expected


def test_phrases_found_from_their_buckets_starts_are_those_of_every_word_start():
    """The matcher jumps to the word starts a bucket begins with (one regex);
    it finds what visiting every word start finds, in any case and script."""
    from warta.tags.detection import PhraseMatcher

    matcher = PhraseMatcher(
        [
            ("politik uang", "politik-uang"),
            ("pengawas*", "pengawasan"),
            ("DPT", "dpt"),
            ("pungut-hitung", "pemungutan"),
            ("#PemiluDamai", "damai"),
            ("Ülkü", "umlaut"),
            ("tps", "tps"),
        ]
    )
    text = (
        "POLITIK UANG dan Politik-uang; anti-politik uang, pengawasannya. DPT dan dpt, "
        "pungut hitung di TPS 05, tps-nya. #PemiluDamai, ülkü ÜLKÜ 3tps x_tps "
        "Pengawas\u00a0Pemilu «pengawas» (politik\nuang)"
    )
    every_start = PhraseMatcher.__new__(PhraseMatcher)
    every_start.__dict__.update(matcher.__dict__, _bucket_starts=None)
    found = [(key, match.start()) for key, match in matcher.finditer(text)]
    assert found == [(key, match.start()) for key, match in every_start.finditer(text)]
    assert {key for key, _ in found} == {
        "politik-uang",
        "pengawasan",
        "dpt",
        "pemungutan",
        "tps",
        "umlaut",
    }


def _stage_source(text: str, tags: tuple[str, ...] = ("Masa Tenang",)):
    from warta.pipeline import Source

    body = text.split("\n\n", 1)[1]
    return Source(
        path="berita/rilis.md",
        text=text,
        html="".join(f"<p>{p}</p>" for p in body.split("\n\n")),
        title="Rilis",
        date=dt.date(2024, 11, 20),
        metadata={"title": "Rilis"},
        tags=tags,
    )


def test_a_release_with_nothing_to_say_is_not_parsed_for_lines(vocabulary, monkeypatch):
    """The release's lines are read only for a finding or a stage's day that
    the text may state (a dating verb in it): the same findings, at their lines."""
    from warta import frontmatter
    from warta.enrichment import Enrichment
    from warta.tags import stage as stage_module
    from warta.tags.offices import RegionReader
    from warta.tags.stage import OfficialTagsStage, TagOptions

    parsed = []
    parse = frontmatter.parse

    def counted(text):
        parsed.append(text)
        return parse(text)

    monkeypatch.setattr(stage_module.frontmatter, "parse", counted)
    stage = OfficialTagsStage(vocabulary, Registry([]), RegionReader(), TagOptions())
    quiet = "Title: Rilis\nDate: 2024-11-20\nTags: Masa Tenang\n\nPALEMBANG – Bawaslu mengawasi.\n"
    assert stage.run(_stage_source(quiet), Enrichment()).findings == ()
    assert parsed == []

    dated = (
        "Title: Rilis\nDate: 2024-11-20\nTags: Masa Tenang, Tak Dikenal\n\n"
        "PALEMBANG – Bawaslu mengingatkan masa tenang yang DIMULAI 23 November.\n"
    )
    found = stage.run(_stage_source(dated, ("Masa Tenang", "Tak Dikenal")), Enrichment())
    assert [(f.line, f.level) for f in found.findings] == [(3, "warning"), (5, "warning")]
    assert "'DIMULAI 23 November'" in found.findings[1].message
    assert len(parsed) == 1  # once, for both


def test_a_broken_tag_entry_is_one_error_at_the_data_file_not_warnings_at_releases(tmp_path):
    """`start: 24 November 2024` in Masa Tenang's dates was the error at its
    line and an "unknown tag 'Masa Tenang' (nearest official tags: …; or add
    it)" warning at every release typing it; an alias item with a colon or a
    too broad detect phrase dropped the whole tag. Now an entry left out for
    its errors costs only itself, and a bad item only itself."""
    from warta.enrichment import Enrichment
    from warta.tags.offices import RegionReader
    from warta.tags.stage import OfficialTagsStage, TagOptions

    path = write(
        tmp_path,
        "tags.yaml",
        """\
        - name: Masa Tenang
          slug: masa-tenang
          group: Tahapan Pemilihan
          description: Tiga hari tanpa kampanye.
          aliases: [Minggu Tenang]
          dates:
            - start: 24 November 2024
        - name: Kampanye
          slug: kampanye
          group: Tahapan Pemilihan
          description: Masa kampanye.
          alias:
            - Kampanye Pilkada
        - name: Uji Petik
          slug: uji-petik
          group: Kegiatan
          description: Uji petik data pemilih.
          aliases:
            - Uji Petik: Data Pemilih Meninggal
            - Uji Petik DPT
          detect:
            - a*
            - uji petik
        """,
    )
    vocabulary, problems = load_vocabulary(path, "data/tags.yaml")
    assert [str(p) for p in problems] == [
        "data/tags.yaml:7: start is not a date: '24 November 2024' (write YYYY-MM-DD or YYYY-MM)",
        "data/tags.yaml:12: unknown field: 'alias' (did you mean 'aliases'?)",
        "data/tags.yaml:19: an item of 'aliases' holds ': ', which YAML reads as 'key: value': "
        "'Uji Petik: Data Pemilih Meninggal' "
        '(put it in quotes: - "Uji Petik: Data Pemilih Meninggal")',
        "data/tags.yaml:22: detect phrase would match nearly every release: 'a*' (write words "
        "that name this tag, not only common words such as 'di', 'dan' or 'Bawaslu'; a word "
        "may end in * after 3 letters, e.g. 'kampanye*')",
    ]
    uji_petik = vocabulary.by_slug("uji-petik")
    assert (uji_petik.aliases, uji_petik.detect) == (["Uji Petik DPT"], ["uji petik"])
    # (a misspelt `alias:` costs only itself: Kampanye is kept, without it)
    assert [t.slug for t in vocabulary.tags] == ["kampanye", "uji-petik"]

    stage = OfficialTagsStage(vocabulary, Registry([]), RegionReader(), TagOptions())
    typed = (
        "masa tenang",
        "Minggu Tenang",
        "Kampanye",
        "Kampanye Pilkada",
        "Uji Petik: Data Pemilih Meninggal",
        "Tak Dikenal",
    )
    text = f"Title: Rilis\nDate: 2024-11-20\nTags: {', '.join(typed)}\n\nPALEMBANG – Bawaslu.\n"
    found = stage.run(_stage_source(text, typed), Enrichment())
    assert [(f.line, f.message) for f in found.findings] == [(3, "unknown tag 'Tak Dikenal'")]
    assert found.free_tags == tuple(t for t in typed[:-1] if t != "Kampanye")
    assert "kampanye" in [tag.slug for tag in found.official_tags]


def test_typed_tags_are_rejoined_once_per_combination(vocabulary, monkeypatch):
    """Releases share their typed tags: the same pieces are read once a build,
    and each release gets the same tags (a list of its own)."""
    from warta.tags.stage import OfficialTagsStage

    stage = OfficialTagsStage(vocabulary, None, None, None)
    calls = []
    named_with_commas = vocabulary.named_with_commas

    def counted(pieces):
        calls.append(tuple(pieces))
        return named_with_commas(pieces)

    monkeypatch.setattr(vocabulary, "named_with_commas", counted)
    typed = ("Divisi Pencegahan", "Partisipasi Masyarakat", "dan Hubungan Masyarakat", "Coklit")
    first = stage.rejoined(typed)
    read = len(calls)
    again = stage.rejoined(list(typed))
    assert again == first and again is not first
    assert first[0] == "Divisi Pencegahan, Partisipasi Masyarakat, dan Hubungan Masyarakat"
    assert len(calls) == read > 0


def test_discoveries_are_the_discovery_patterns_matches_wherever_they_start():
    """Trying the pattern only where a position word starts finds what a scan
    of every character finds: words run together, inside words, after a match."""
    from warta.tags.officials import DISCOVERY_RE, discoveries

    pieces = [
        *("Ketua", "Anggota", "Koordinator Divisi", "Kepala Sekretariat", "Sekretaris"),
        *("KetuaAnggota", "xKetua", "Ketuanya", "Korsek", "Kordiv", "Komisioner"),
        *("Bawaslu", "KPU", "Kota", "Lahat", "Budi", "Santoso", ",", ", ", ".", "\n", "(Mura)"),
    ]
    rng = random.Random(3)
    for _ in range(3000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        expected = [match.span() for match in DISCOVERY_RE.finditer(text)]
        assert [match.span() for match in discoveries(text)] == expected, text


@pytest.mark.parametrize(
    ("text", "may"),
    [
        ("Masa tenang DIMULAI 24 November.", True),
        ("Kampanye berlangſung 25 September.", True),  # a long s: the regex's "s"
        ("Masa kampanye berakhİr 23 November.", True),  # a capital I with a dot: its "i"
        ("Masa kampanye bera\u212ahir 23 November.", True),  # the Kelvin sign: its "k"
        ("Masa kampanye berakh\u0131r 23 November.", True),  # a dotless i
        # inside a word: no verb, though its lines are read (`_VERB` decides there)
        ("Bawaslu memulai pengawasan pada 24 November.", True),
        ("Tidak ada apa-apa di sini – “kata” Ketua.", False),
        ("Masa tenang Jatuh pada 24 November \udc80.", True),  # a lone surrogate from a bad byte
        ("Kampanye BERLANGSUNG 25 September – 23 November.", True),
        ("", False),
    ],
)
def test_a_text_may_state_a_stages_day_whenever_a_dating_verb_is_in_it(text, may):
    from warta.tags.stagedates import _VERB, may_state_days

    assert may_state_days(text) is may
    assert may or _VERB.search(text) is None


def test_the_other_cases_of_the_verbs_letters_are_all_the_regex_takes():
    """`may_state_days` reads ASCII letters in any case without the regex: the
    characters the running `re` takes, ignoring case, for a letter of a verb
    beyond its ASCII cases are the ones it checks for."""
    from warta.text import IGNORECASE_ODD_LETTERS

    letters = sorted(set("dimulaijatuhberakhirberlangsung"))
    every = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))
    taken = re.findall(f"(?i:[{''.join(letters)}])", every)
    assert sorted(c for c in taken if not c.isascii()) == sorted(IGNORECASE_ODD_LETTERS)


def test_the_registry_reads_a_name_once_for_what_it_knows_and_shortens(registry, monkeypatch):
    """Discovery asks of the same names release after release: the matcher
    and the registered names are read once per name, with the same answers."""
    scans = []
    finditer = registry.matcher.finditer

    def counted(text):
        scans.append(text)
        return finditer(text)

    monkeypatch.setattr(registry.matcher, "finditer", counted)
    name = registry.officials[0].name
    surname = name.split()[-1]
    assert registry.knows(name) and registry.knows(f" {name} ")
    assert registry.knows(name) and not registry.knows("Nama Lain Sekali")
    assert scans == [name, name, "Nama Lain Sekali"]  # (" name " read as "name")
    first = registry.shortened(surname)
    assert registry.shortened(surname) == first and registry.officials[0] in first
    assert registry.shortened(surname) is not first
    assert registry.shortened("") == [] and registry.shortens(surname)


def test_the_letters_of_baca_have_no_other_case_the_regex_takes():
    """`plain_text` looks for "baca" in ASCII lower case before its patterns,
    which ignore case: the running `re` takes no other character for these
    letters."""
    every = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))
    assert sorted(set(re.findall("(?i:[bac])", every))) == sorted("abcABC")
    assert plain_text("<p>BACA\u00a0Juga: Lain</p><p>Isi.</p>\n").split() == ["Isi."]
    assert plain_text("<p>Isi bacaan.</p>").split() == ["Isi", "bacaan."]


def test_the_stages_pattern_is_made_once_and_kept_with_its_vocabulary(tmp_path):
    """Two vocabularies, two patterns, each kept with its vocabulary (not in a
    table of the module keyed by an address another vocabulary may reuse)."""
    from warta.tags import stagedates

    first, _ = load_vocabulary(VOCABULARY, "data/official_tags.yaml")
    second, _ = load_vocabulary(VOCABULARY, "data/official_tags.yaml")
    body = [(1, "Masa tenang dimulai 23 November 2024.")]
    day = dt.date(2024, 11, 20)
    said = list(stagedates.stage_date_problems(body, first, day, "v.yaml"))
    assert said == list(stagedates.stage_date_problems(body, second, day, "v.yaml")) != []
    made = first.derived["stage_phrases"]
    assert made is not second.derived["stage_phrases"]
    list(stagedates.stage_date_problems(body, first, day, "v.yaml"))
    assert first.derived["stage_phrases"] is made
    assert not hasattr(stagedates, "_PHRASES")


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        ("Agus Salim S.", "Agus Salim S."),
        ("Rahmat Hidayat M.", "Rahmat Hidayat M."),
        ("Dra. Yuni D.Sari", "Yuni D.Sari"),
        ("Ahmad M.Ali", "Ahmad M.Ali"),
        ("Hotman P. Sitorus", "Hotman P. Sitorus"),
        ("H. Ahmad Rizal, S.H.", "Ahmad Rizal"),
        ("Ahmad Rizal, S.Sos., M.Si.", "Ahmad Rizal"),
        ("Dr. H. Rizky Febriansyah, S.I.Kom., M.Si", "Rizky Febriansyah"),
        ("Nurul Aini S.Pd.I.", "Nurul Aini"),
        ("Budi Santoso, A.Md., Dr.", "Budi Santoso"),
    ],
)
def test_a_final_initial_is_part_of_the_name_and_a_degree_has_two_parts_or_is_listed(name, bare):
    """'Agus Salim S.' was read as 'Agus Salim' and 'Dra. Yuni D.Sari' as
    'Yuni': a final initial was stripped as if it were a degree."""
    from warta.tags.officials import without_titles

    assert without_titles(name) == bare


def test_a_name_ending_in_an_initial_is_found_only_with_it(tmp_path):
    """'Rahmat Hidayat M.' linked every 'Rahmat Hidayat' in the releases."""
    gazetteer = tmp_path / "gazetteer.csv"
    gazetteer.write_text("code,name\n16,Sumatera Selatan\n16.71,Kota Palembang\n", "utf-8")
    officials = tmp_path / "officials.yaml"
    officials.write_text(
        textwrap.dedent(
            """\
            - name: Rahmat Hidayat M.
              slug: rahmat-hidayat-m
              positions:
                - {position: Anggota, institution: Bawaslu, region: "16.71", start: 2023-08-20}
            """
        ),
        encoding="utf-8",
    )
    registry, problems = load_registry(
        officials, "data/officials.yaml", load_region_names(gazetteer)
    )
    assert problems == []
    assert registry.mentions("Ketua RT setempat, Rahmat Hidayat, mengaku tidak tahu.") == []
    assert [slug for slug, _ in registry.mentions("kata Rahmat Hidayat M. di Palembang")] == [
        "rahmat-hidayat-m"
    ]


def test_an_unknown_field_in_a_tag_entry_costs_only_itself(tmp_path):
    """`warna: merah` beside a tag's fields left the whole tag out: a
    release typing `Tags: Kampanye` kept it silently as a free tag (no
    description, no detection), the data file's error the only line. Now the
    field alone is left out (its error, one line) and the tag is official; the
    phrases of a misspelt `alias:` are excused in releases meanwhile, and an
    entry whose unknown key was meant for a required field (`slugg:`) is
    still left out."""
    path = write(
        tmp_path,
        "tags.yaml",
        """\
        - name: Kampanye
          slug: kampanye
          group: Kegiatan
          description: Masa kampanye.
          warna: merah
          alias:
            - Masa Kampanye
        - name: Uji Petik
          slugg: uji-petik
          group: Kegiatan
          description: Uji petik.
        """,
    )
    loaded, problems = load_vocabulary(path, "data/tags.yaml")
    assert [(p.line, p.message.split(" (")[0]) for p in problems] == [
        (5, "unknown field: 'warna'"),
        (6, "unknown field: 'alias'"),
        (9, "unknown field: 'slugg'"),
    ]
    assert loaded.resolve("Kampanye").slug == "kampanye"
    assert loaded.resolve("Masa Kampanye") is None
    assert loaded.unusable_line("Masa Kampanye") == 1
    assert loaded.resolve("Uji Petik") is None
    assert loaded.unusable_line("Uji Petik") == 8


def test_the_place_names_made_once_follow_the_region_names_given():
    """The folded place names are made once for the names of one gazetteer
    (the vocabulary and the registry of two plugins read it): other names,
    or the same dictionary given one more region, give their own."""
    names = {"16": "Provinsi Sumatera Selatan", "16.71": "Kota Palembang"}
    assert place_names(names)["palembang"] == "16.71"
    assert place_names(dict(names)) is place_names(names)
    names["16.72"] = "Kota Prabumulih"
    assert place_names(names)["prabumulih"] == "16.72"
    assert place_names(names)["kota prabumulih"] == "16.72"
    assert "palembang" not in place_names({"16": "Provinsi Sumatera Selatan"})
    with pytest.raises(TypeError):
        place_names(names)["lahat"] = "16.04"  # shared: read-only


def test_a_matcher_compiles_only_the_buckets_a_text_starts():
    """A build compiled every bucket of the vocabulary and the registry (60 ms)
    to look through the one release a warm build reads: a bucket is compiled
    when a word start asks for it, and finds what it found compiled first."""
    entries = [("masa tenang", "masa-tenang"), ("pemungutan suara", "pungut"), ("kampanye", "k")]
    matcher = PhraseMatcher(entries)
    assert len(matcher.buckets) == 3 and dict(matcher.buckets) == {}
    text = "Selama masa tenang, Bawaslu mengawasi masa tenang di setiap desa."
    assert matcher.find_keys(text) == ["masa-tenang"]
    assert 0 < len(dict(matcher.buckets)) < 3
    assert [key for key, _ in matcher.finditer(text)] == ["masa-tenang", "masa-tenang"]
    assert PhraseMatcher(entries).find_keys("Kampanye dan pemungutan suara.") == ["k", "pungut"]
