"""Unit tests of the dateline and lead-office parser: every real dateline form
(../shared/style/releases.md and more), every Sumatera Selatan seat, and places
in other provinces."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from plugins.release_defaults.lead import lead_summary, without_dateline
from warta.regions import dateline, gazetteer

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data" / "regions"
HOME = "16"


@pytest.fixture(scope="module")
def gaz():
    loaded, problems = gazetteer.load(DATA / "gazetteer.csv", DATA / "aliases.yaml")
    assert problems == ()
    return loaded


LEAD = "Bawaslu menggelar rapat koordinasi pengawasan tahapan."

DATELINES = [
    # the forms staff paste (releases.md)
    ("PALEMBANG- " + LEAD, "16.71"),
    ("PALEMBANG – " + LEAD, "16.71"),
    ("PALEMBANG — " + LEAD, "16.71"),
    ("PALEMBANG - " + LEAD, "16.71"),
    ("Palembang,- " + LEAD, "16.71"),
    ("Palembang, BWSPLG — " + LEAD, "16.71"),
    ("Palembang, Bawaslu Sumsel – " + LEAD, "16.71"),
    ("PAGARALAM, SP - " + LEAD, "16.72"),
    ("Palembang (ANTARA) - " + LEAD, "16.71"),
    ("SRIPOKU.COM, PALEMBANG--" + LEAD, "16.71"),
    ("SRIPOKU.COM, PALEMBANG -- " + LEAD, "16.71"),
    ("REL, Pagaralam - " + LEAD, "16.72"),
    ("Martapura (OKU Timur) -" + LEAD, "16.08"),
    ("MUARA ENIM — " + LEAD, "16.03"),
    ("Palembang, 12 November 2024 – " + LEAD, "16.71"),
    ("Palembang (27/11/2024) - " + LEAD, "16.71"),
    ("Palembang, Rabu (23/10/2024) – " + LEAD, "16.71"),
    ("LAHAT, Selasa (11/2) - " + LEAD, "16.04"),
    ("**PALEMBANG** – " + LEAD, "16.71"),
    ("*Palembang* - " + LEAD, "16.71"),
    ("PALEMBANG –" + LEAD, "16.71"),
    ("  Prabumulih , SP – " + LEAD, "16.74"),
    ("TRIBUNSUMSEL.COM, BATURAJA – " + LEAD, "16.01"),
    ("Baturaja (OKU) – " + LEAD, "16.01"),
    ("Lubuklinggau, LLG - " + LEAD, "16.73"),
    ("LUBUK LINGGAU - " + LEAD, "16.73"),
    ("LUBUK LINGGAU | " + LEAD, "16.73"),
    ("Sekayu, Bawaslu Muba | " + LEAD, "16.06"),
    ("Kayuagung – " + LEAD, "16.02"),
    ("Muaraenim - " + LEAD, "16.03"),
    ("Muarabeliti – " + LEAD, "16.05"),
    ("Inderalaya - " + LEAD, "16.10"),
    ("Pendopo, PALI – " + LEAD, "16.12"),
    ("Sumsel – " + LEAD, "16"),
    ("Belitang (OKU Timur) – " + LEAD, "16.08.03"),
    # a range of days or dates after the place
    ("Tanjung Raja – Senin-Rabu (2-4/11/2026) – " + LEAD, "16.10.03"),
    ("Indralaya – Senin–Rabu (2–4/11/2026) – " + LEAD, "16.10"),
    ("LAHAT, Senin – Rabu (2 – 4/11/2026) – " + LEAD, "16.04"),
    ("LAHAT – Senin (2/11) s.d. Rabu (4/11/2026) – " + LEAD, "16.04"),
    # every seat of Sumatera Selatan, as written in capitals
    ("BATURAJA – " + LEAD, "16.01"),
    ("KAYU AGUNG – " + LEAD, "16.02"),
    ("MUARA ENIM – " + LEAD, "16.03"),
    ("LAHAT – " + LEAD, "16.04"),
    ("MUARA BELITI – " + LEAD, "16.05"),
    ("SEKAYU – " + LEAD, "16.06"),
    ("PANGKALAN BALAI – " + LEAD, "16.07"),
    ("MARTAPURA – " + LEAD, "16.08"),
    ("MUARADUA – " + LEAD, "16.09"),
    ("INDRALAYA – " + LEAD, "16.10"),
    ("TEBING TINGGI – " + LEAD, "16.11"),
    ("TALANG UBI – " + LEAD, "16.12"),
    ("RUPIT – " + LEAD, "16.13"),
    ("PALEMBANG – " + LEAD, "16.71"),
    ("PAGAR ALAM – " + LEAD, "16.72"),
    ("LUBUKLINGGAU – " + LEAD, "16.73"),
    ("PRABUMULIH – " + LEAD, "16.74"),
    # other provinces
    ("JAKARTA – " + LEAD, "31"),
    ("Jakarta (ANTARA) - " + LEAD, "31"),
    ("BANDUNG – " + LEAD, None),  # Kabupaten and Kota Bandung: never guessed
    ("Kota Bandung – " + LEAD, "32.73"),
    ("BENGKULU – " + LEAD, "17.71"),  # in a dateline a town, not the province
    ("Martapura (Kalsel) – " + LEAD, "63.03"),
    ("BIMA - " + LEAD, None),
    ("Mataram, NTB – " + LEAD, "52.71"),
    ("SURABAYA – " + LEAD, "35.78"),
    # a kecamatan of the home province, or of the region in parentheses, before a
    # kabupaten elsewhere (gazetteer rule 5); a seat alias still names its kabupaten
    ("MESUJI – " + LEAD, "16.02.04"),  # not Kabupaten Mesuji, Lampung
    ("MESUJI (OKI) – " + LEAD, "16.02.04"),
    ("JAYAPURA (OKU Timur) – " + LEAD, "16.08.16"),  # not Papua's kabupaten or kota
    ("JAYAPURA – " + LEAD, "16.08.16"),
    ("PENDOPO (Empat Lawang) – " + LEAD, "16.11.02"),  # not PALI's town
    ("PENDOPO – " + LEAD, None),  # PALI's town or Kecamatan Pendopo: never guessed
    # a colon after the place (the writer's guide's "LAHAT:"), every dash pasted
    ("BATURAJA: " + LEAD, "16.01"),
    ("BATURAJA:" + LEAD, "16.01"),
    ("**LAHAT**: " + LEAD, "16.04"),
    ("Lahat, Senin (2/11/2026): " + LEAD, "16.04"),
    ("REL, Pagaralam: " + LEAD, "16.72"),
    ("Belitang (OKU Timur): " + LEAD, "16.08.03"),
    ("PALEMBANG \u2012 " + LEAD, "16.71"),  # figure dash
    ("PALEMBANG \u2212 " + LEAD, "16.71"),  # minus sign
    ("PALEMBANG \u2015 " + LEAD, "16.71"),  # horizontal bar
    ("PALEMBANG\u2012" + LEAD, "16.71"),
    ("PALEMBANG\u2212" + LEAD, "16.71"),
    ("PALEMBANG-" + LEAD, "16.71"),
    ("PALEMBANG\u2010 " + LEAD, "16.71"),  # hyphen
    ("PALEMBANG\uff0d" + LEAD, "16.71"),  # full-width hyphen-minus
    ("SUM-SEL – " + LEAD, "16"),
    ("OKU-Timur – " + LEAD, "16.08"),
    ("Martapura (OKU-Timur) – " + LEAD, "16.08"),
    # a kecamatan far from the home province, named alone: no place (a person?)
    ("Indra Jaya – " + LEAD, None),
    ("Kuta Alam – " + LEAD, None),
]


@pytest.mark.parametrize(("paragraph", "code"), DATELINES)
def test_dateline_forms(gaz, paragraph, code):
    found = dateline.from_dateline(gaz, paragraph, HOME)
    if code is None:
        assert found is None
    else:
        assert found is not None, dateline.dateline_segments(paragraph)
        assert found.unit.code == code
        assert found.source == "dateline"


def test_more_than_forty_dateline_cases():
    assert len(DATELINES) >= 40


@pytest.mark.parametrize(
    "paragraph",
    [
        "Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan.",
        "Dalam rangka pengawasan tahapan kampanye, jajaran pengawas turun ke lapangan.",
        "Ketua Bawaslu, Nama Lengkap, mengatakan pengawasan – yang dimulai pekan lalu – "
        "terus berjalan.",
        "",
    ],
)
def test_paragraphs_without_a_place_in_the_dateline(gaz, paragraph):
    assert dateline.from_dateline(gaz, paragraph, HOME) is None


def test_segments_keep_parentheses_apart():
    segments = dateline.dateline_segments("Martapura (OKU Timur) - Bawaslu")
    assert segments == [
        dateline.Segment("Martapura", False),
        dateline.Segment("OKU Timur", True),
    ]
    assert dateline.dateline_segments("SUM-SEL – Bawaslu")[0].text == "SUM-SEL"


@pytest.mark.parametrize(
    ("paragraph", "code", "evidence"),
    [
        ("Bawaslu Kota Palembang menggelar rapat.", "16.71", "Bawaslu Kota Palembang"),
        ("Bawaslu Kabupaten Lahat menurunkan pengawas.", "16.04", "Bawaslu Kabupaten Lahat"),
        ("Bawaslu Provinsi Sumatera Selatan (Sumsel) menggelar rapat.", "16", None),
        ("Jajaran Bawaslu Sumsel hadir di Jakarta.", "16", "Bawaslu Sumsel"),
        ("Ketua Bawaslu OKU Timur, Nama Lengkap, hadir.", "16.08", "Bawaslu OKU Timur"),
        ("Bawaslu Kabupaten OKU Timur gelar apel.", "16.08", None),
        ("Bawaslu Kota Pagaralam mengawasi penyortiran.", "16.72", None),
        ("Bawaslu RI dan Bawaslu Kabupaten Musi Rawas Utara bertemu.", "16.13", None),
        ("Bawaslu Kota Bima mengawasi rekapitulasi.", "52.72", None),
        # An abbreviated level keeps its dot inside the name.
        ("Bawaslu Kab. OKU Timur menggelar rapat.", "16.08", "Bawaslu Kab. OKU Timur"),
        ("Ketua Bawaslu Prov. Sumsel hadir.", "16", "Bawaslu Prov. Sumsel"),
        # A sentence's full stop is not the name's ("'Bawaslu OKU.'" was quoted).
        ("Rapat itu digelar Bawaslu OKU. Hadir pula camat.", "16.01", "Bawaslu OKU"),
        ("Panwaslu Kecamatan Sako. Apel pagi.", "16.71.08", "Panwaslu Kecamatan Sako"),
    ],
)
def test_office_in_the_lead(gaz, paragraph, code, evidence):
    found = dateline.from_lead(gaz, paragraph, HOME)
    assert found is not None
    assert found.unit.code == code
    assert found.source == "lead"
    if evidence:
        assert found.evidence == evidence


@pytest.mark.parametrize(
    "paragraph",
    [
        "Bawaslu RI menggelar rapat koordinasi nasional.",
        "Seluruh Bawaslu Kabupaten/Kota se-Sumatera Selatan hadir.",
        "Bawaslu Bima mengawasi rapat pleno.",  # two units: never guessed
        "Warga antusias mengikuti sosialisasi.",
    ],
)
def test_no_office_found(gaz, paragraph):
    assert dateline.from_lead(gaz, paragraph, HOME) is None


def test_infer_reads_the_first_paragraph_of_html(gaz):
    html = (
        '<p><img alt="Foto" src="x.jpg"></p>\n'
        "<p><strong>PAGARALAM</strong> &ndash; Bawaslu Kota Pagaralam mengawasi.</p>\n"
        "<p>PALEMBANG – paragraf kedua.</p>"
    )
    found = dateline.infer(gaz, html, HOME)
    assert (found.unit.code, found.source, found.evidence) == ("16.72", "dateline", "PAGARALAM")


def test_infer_falls_back_to_the_lead_office(gaz):
    html = "<p>Bawaslu Kota Prabumulih mengawasi rapat pleno &amp; rekapitulasi.</p>"
    found = dateline.infer(gaz, html, HOME)
    assert (found.unit.code, found.source) == ("16.74", "lead")


def test_infer_dateline_wins_over_the_lead(gaz):
    html = "<p>BATURAJA – Bawaslu Provinsi Sumatera Selatan meninjau gudang logistik.</p>"
    assert dateline.infer(gaz, html, HOME).unit.code == "16.01"


def test_infer_nothing(gaz):
    assert dateline.infer(gaz, "<p>Warga antusias mengikuti sosialisasi.</p>", HOME) is None
    assert dateline.infer(gaz, "", HOME) is None


def test_first_paragraph_decodes_entities_and_spaces():
    html = "<h2>Judul</h2><p>PALEMBANG&nbsp;&ndash; Bawaslu <em>Kota</em> Palembang</p>"
    assert dateline.first_paragraph(html) == "PALEMBANG – Bawaslu Kota Palembang"


@pytest.mark.parametrize(
    ("head", "code"),
    [
        # A region after a comma narrows the place as one in parentheses does.
        ("PENDOPO, Empat Lawang", "16.11.02"),  # not the town of PALI
        ("Mesuji, Lampung", "18.11"),  # not the kecamatan of OKI
        ("Tebing Tinggi, Sumut", "12.76"),  # not Empat Lawang's seat
        ("Tanah Abang, Jakarta", "31.71.07"),  # not the kecamatan of PALI
        ("Martapura, Kalsel", "63.03"),  # not OKU Timur's seat
        # Two places that do not hold each other: the first, as before.
        ("Palembang, Lahat", "16.71"),
    ],
)
def test_a_region_after_a_comma_narrows_the_place(gaz, head, code):
    found = dateline.from_dateline(gaz, f"{head} – {LEAD}", HOME)
    assert found is not None and found.unit.code == code, found


@pytest.mark.parametrize(
    ("paragraph", "code"),
    [
        ("PENDOPO – Bawaslu Kabupaten Empat Lawang membentuk desa pengawasan.", "16.11.02"),
        ("MESUJI – Bawaslu Provinsi Lampung menggelar rapat.", "18.11"),
        ("BATURAJA – Bawaslu OKU menggelar apel.", "16.01"),
        # A place inside the office's area that is not its seat: the place.
        ("PAGARALAM – Bawaslu Provinsi Sumatera Selatan melakukan supervisi.", "16.72"),
        ("GELUMBANG – Bawaslu Kabupaten Muara Enim menggelar patroli.", "16.03.06"),
        ("SAKO – Bawaslu Kota Palembang menggelar patroli.", "16.71.08"),
    ],
)
def test_the_office_of_the_lead_narrows_a_dateline_without_a_region(gaz, paragraph, code):
    found = dateline.infer(gaz, f"<p>{paragraph}</p>", HOME)
    assert found is not None and (found.unit.code, found.source) == (code, "dateline")


@pytest.mark.parametrize(
    ("paragraph", "code", "ambiguous"),
    [
        (
            "JAYAPURA – Bawaslu Provinsi Sumatera Selatan patroli di Jayapura, OKU Timur.",
            "16.08.16",
            (),
        ),
        ("JAYAPURA – Rapat digelar di Kabupaten Jayapura, Kamis.", "91.03", ()),
        ("JAYAPURA – Rapat nasional digelar di Jayapura, Papua.", None, ("91.03", "91.71")),
        # A word in lower case after the comma is no region ("batu", not Kota
        # Batu); a region that holds no such place leaves the lead's offices.
        (
            "PENDOPO – Panwascam Pendopo meletakkan batu pertama di Pendopo, batu pertama "
            "pos pengawasan.",
            "16.11.02",
            (),
        ),
        ("PENDOPO – Panwascam Pendopo hadir di Pendopo, Batu dan Malang.", "16.11.02", ()),
    ],
)
def test_the_lead_naming_the_datelines_place_with_its_region_narrows_it(
    gaz, paragraph, code, ambiguous
):
    """`JAYAPURA – … di Jayapura, Papua` was Kecamatan Jayapura of OKU Timur:
    the home province's kecamatan won over Papua's kota and kabupaten. `… di
    Pendopo, batu pertama …` read as Kota Batu, and a region holding no
    Pendopo replaced Panwascam Pendopo's kecamatan: the place stayed
    ambiguous."""
    read = dateline.read_lead(gaz, f"<p>{paragraph}</p>", HOME)
    assert (read.inference.unit.code if read.inference else None) == code
    candidates = read.ambiguity.candidates if read.ambiguity else ()
    assert tuple(u.code for u in candidates) == ambiguous


@pytest.mark.parametrize(
    ("paragraph", "code"),
    [
        # The office's own seat (aliases.yaml; a province's is its capital).
        (
            "Palembang, Bawaslu Sumsel – Bawaslu Provinsi Sumatera Selatan mengingatkan "
            "jajaran di 17 kabupaten/kota.",
            "16",
        ),
        ("PALEMBANG – Bawaslu Provinsi Sumatera Selatan menerima audiensi.", "16"),
        # A place outside the office's area: where it went, not whose release.
        ("LUBUKLINGGAU – Bawaslu Kabupaten Musi Rawas menggelar rapat koordinasi.", "16.05"),
        ("JAKARTA – Bawaslu Kabupaten Ogan Komering Ulu mengikuti rapat nasional.", "16.01"),
        ("PALEMBANG – Bawaslu Kabupaten Banyuasin mengikuti bimbingan teknis.", "16.07"),
        ("PALEMBANG – Bawaslu Kabupaten Lahat mengikuti rapat di Palembang.", "16.04"),
        ("MARTAPURA (Kalsel) – Bawaslu Provinsi Sumatera Selatan mengikuti rapat.", "16"),
        ("SEKAYU – Bawaslu OKU Timur belajar dari Bawaslu Muba.", "16.08"),
        # Another province's town the lead names with its region, not the home
        # province's kecamatan of that name (Jayapura, OKU Timur).
        (
            "JAYAPURA – Bawaslu Provinsi Sumatera Selatan mengikuti Rapat Koordinasi Nasional "
            "Bawaslu RI di Jayapura, Papua, Kamis (3/12/2026).",
            "16",
        ),
        ("JAYAPURA – Bawaslu Kabupaten Lahat mengikuti rapat di Kota Jayapura.", "16.04"),
        ("JAYAPURA – Bawaslu Provinsi Sumatera Selatan hadir di Jayapura (Papua).", "16"),
        # A place of two whose readings both lie outside the office's area.
        ("PENDOPO – Bawaslu Kota Palembang hadir dalam rapat.", "16.71"),
        (
            "PENDOPO – Bawaslu PALI dan Panwaslu Kecamatan Pendopo Kabupaten Empat Lawang hadir.",
            "16.12",
        ),
    ],
)
def test_the_issuing_office_gives_the_region_from_its_seat_or_outside_its_area(
    gaz, paragraph, code
):
    """The dateline's town won over the office the release is credited to:
    "PALEMBANG – Bawaslu Kabupaten Banyuasin …" was Kota Palembang, "JAKARTA
    – Bawaslu Kabupaten Ogan Komering Ulu …" only DKI Jakarta."""
    read = dateline.read_lead(gaz, f"<p>{paragraph}</p>", HOME)
    assert read.ambiguity is None
    assert (read.inference.unit.code, read.inference.source) == (code, "lead")


def kabupaten_kota(gaz) -> list:
    """Every kabupaten/kota of the home province, from the gazetteer."""
    return [u for u in gaz.units.values() if u.level in ("kabupaten", "kota") and u.parent == HOME]


# Every form staff write an office in: its name in capitals, its level word in
# lower case, the formal first mention, a hyphen after "Bawaslu", no space
# after the name; the province's office named later in the lead.
OFFICE_FORMS = [
    "BAWASLU {upper} mengikuti rapat kerja teknis di Palembang.",
    "Bawaslu {lower} mengikuti rapat kerja teknis di Palembang.",
    "Badan Pengawas Pemilu (Bawaslu) {name} mengikuti rapat yang diselenggarakan "
    "Bawaslu Provinsi Sumatera Selatan.",
    "Badan Pengawas Pemilihan Umum {name} mengikuti rapat Bawaslu Provinsi Sumatera Selatan.",
    "Bawaslu-{name} mengikuti rapat kerja teknis di Palembang.",
    "Bawaslu {name}.mengikuti rapat kerja teknis di Palembang.",
]


@pytest.mark.parametrize("dated", ["PALEMBANG – ", ""])
@pytest.mark.parametrize("form", OFFICE_FORMS)
def test_every_form_of_an_office_in_the_lead_issues_the_release(gaz, form, dated):
    """`PALEMBANG – BAWASLU KABUPATEN MUSI RAWAS UTARA …`, `Bawaslu kabupaten
    Empat Lawang …` were Kota Palembang (the dateline), and `Badan Pengawas
    Pemilu (Bawaslu) Kabupaten Ogan Ilir … Bawaslu Provinsi Sumatera Selatan`
    the province, each credited to that office's humas with no word: the
    office was read only as "Bawaslu" and capitalised words after a space.
    Now every kabupaten/kota of the gazetteer, in every form, issues it."""
    units = kabupaten_kota(gaz)
    assert len(units) == 17
    for unit in units:
        level, _, rest = unit.name.partition(" ")
        paragraph = dated + form.format(
            name=unit.name, upper=unit.name.upper(), lower=f"{level.lower()} {rest}"
        )
        read = dateline.read_lead(gaz, f"<p>{paragraph}</p>", HOME)
        assert read.issuer is not None, paragraph
        assert (read.issuer.unit.code, read.inference.unit.code) == (unit.code, unit.code)
        assert dateline.from_lead(gaz, paragraph, HOME).unit.code == unit.code


KECAMATAN_OFFICE_FORMS = [
    "Panwaslu Kecamatan {name} menggelar rapat koordinasi.",
    "Panwaslu kecamatan {name} menggelar rapat koordinasi.",
    "PANWASLU KECAMATAN {upper} menggelar rapat koordinasi.",
    "Panwaslu Kec. {name} menggelar rapat koordinasi.",
    "Panwascam {name} menggelar rapat koordinasi.",
    "Pengawas Pemilu Kecamatan {name} menggelar rapat koordinasi.",
]


@pytest.mark.parametrize("dated", ["PALEMBANG – ", ""])
@pytest.mark.parametrize("form", KECAMATAN_OFFICE_FORMS)
def test_a_kecamatan_office_first_in_the_lead_gives_its_kecamatan(gaz, form, dated):
    """`Panwaslu Kecamatan Indralaya Utara menggelar …` (no dateline) had no
    region and a warning that the lead names no known place, and `PALEMBANG
    – Panwaslu Kecamatan Plaju …` was Kota Palembang alone: only a Bawaslu
    office issued a release. The first office of the lead issues it, a
    kecamatan's too, for every kecamatan of the home province."""
    units = [u for u in gaz.units.values() if u.level == "kecamatan" and u.parent[:2] == HOME]
    assert len(units) > 200
    for unit in units:
        paragraph = dated + form.format(name=unit.name, upper=unit.name.upper())
        read = dateline.read_lead(gaz, f"<p>{paragraph}</p>", HOME)
        assert read.inference is not None, paragraph
        assert (read.inference.unit.code, read.inference.source) == (unit.code, "lead")


@pytest.mark.parametrize(
    ("lead", "code"),
    [
        (
            "MUARA ENIM – Bimtek diikuti Ketua dan Anggota Panwaslu Kecamatan Lubai, Rambang "
            "dan Gelumbang serta staf Bawaslu Kabupaten Muara Enim.",
            "16.03",
        ),
        (
            "MUARA ENIM – Rapat koordinasi diikuti Panwaslu Kecamatan Gunung Megang dan "
            "Panwaslu Kecamatan Lawang Kidul.",
            "16.03",
        ),
        ("LAHAT – Ketua Panwaslu Kecamatan Merapi Barat menghadiri rapat pleno.", "16.04"),
        (
            "PRABUMULIH – Bimbingan teknis diikuti Panwaslu Kecamatan Prabumulih Barat dan "
            "Bawaslu Kota Prabumulih.",
            "16.74",
        ),
    ],
)
def test_a_kecamatan_office_named_after_the_leads_first_words_does_not_move_it(gaz, lead, code):
    """A kecamatan's office issues a release only as the lead's subject: named
    later, as guests or participants, it moved a Muara Enim bimtek to
    Kecamatan Lubai alone, with no line. The dateline (or a Bawaslu office)
    decides, as before."""
    read = dateline.read_lead(gaz, f"<p>{lead}</p>", HOME)
    assert read.inference is not None and read.inference.unit.code == code, read


@pytest.mark.parametrize(
    ("lead", "code"),
    [
        ("Panwaslu Kecamatan Indralaya Utara menggelar rapat koordinasi.", "16.10.07"),
        ("Badan Pengawas Pemilu (Bawaslu) Kabupaten Lahat menggelar rapat.", "16.04"),
        ("Lubuk Linggau, 3/12/2026 – Panwaslu Kecamatan Lubuk Linggau Barat II hadir.", "16.73.06"),
    ],
)
def test_a_lead_naming_a_kecamatan_office_has_its_region_and_no_warning(gaz, lead, code):
    enriched = run_stage(gaz, HEAD + lead + "\n")
    assert enriched.findings == ()
    assert [(r.code, r.source) for r in enriched.regions] == [(code, "lead")]


@pytest.mark.parametrize("agency", ["ANTARA", "Antara", "SP"])
@pytest.mark.parametrize("rest", ["pengawas pemilu menggelar rapat.", "Bawaslu menggelar rapat."])
def test_a_place_and_its_agency_after_a_slash_read_as_in_parentheses(gaz, agency, rest):
    """`BATURAJA/ANTARA - pengawas pemilu …` had no region and a warning
    that the dateline names no known place, for every kabupaten/kota and
    spelling; it now reads as `Baturaja (ANTARA) -`, the region and the
    summary alike."""
    units = kabupaten_kota(gaz)
    assert len(units) == 17
    for unit in units:
        for place in {unit.core.upper(), unit.core, *gaz.aliases.get(unit.code, [])}:
            slash, parenthesised = (
                f"{place}/{agency} - {rest}",
                f"{place} ({agency}) - {rest}",
            )
            alone = readings(gaz, f"{place} - {rest}")  # (a town of two stays ambiguous)
            assert readings(gaz, slash) == alone == readings(gaz, parenthesised), slash
        assert readings(gaz, f"{unit.core.upper()}/{agency} - {rest}") == (unit.code, rest)


LEAD_HTML = "<p>PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan.</p>"
LEAD_TEXT = "PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan."


@pytest.mark.parametrize(
    "above",
    [
        # a photo with its caption below it, in one paragraph or the next
        '<p><img alt="Rapat" src="x.jpg"><br>\n<em>Ketua Bawaslu Kota Prabumulih membuka '
        "rapat, Senin (9/11/2026).</em></p>",
        '<p><img alt="Rapat" src="x.jpg"></p>\n<p><em>Ketua Bawaslu Kota Prabumulih membuka '
        "rapat koordinasi, Senin (9/11/2026).</em></p>",
        '<p><img alt="Rapat" src="x.jpg"></p>\n<p>Foto: Humas Bawaslu Kota Prabumulih</p>',
        "<p>(Foto/Dok. Humas Bawaslu Kota Prabumulih)</p>",
        # a subheading, a label under the letterhead
        "<p><strong>Pengawasan Hari Pemungutan Suara di Prabumulih</strong></p>",
        "<p>Pengawasan Hari Pemungutan Suara</p>",
        "<p>SIARAN PERS</p>\n<p>Bawaslu Kota Prabumulih</p>",
        # a release's label or embargo notice in bold or italics, above the dateline
        "<p><strong>Untuk disiarkan segera.</strong></p>",
        "<p><strong>SIARAN PERS</strong></p>\n<p><em>Untuk segera diterbitkan.</em></p>",
        "<p><em>Embargo hingga Senin (9/11/2026) pukul 10.00 WIB.</em></p>",
        "<p><strong>Bawaslu Kota Prabumulih mengajak warga mengawasi pemungutan suara di "
        "seluruh TPS.</strong></p>",
    ],
)
def test_a_caption_or_a_heading_above_the_lead_is_not_the_lead(gaz, above):
    """A caption naming another office ("Ketua Bawaslu Kota Prabumulih …")
    was the summary and gave the release Prabumulih's region and author."""
    assert dateline.first_paragraph(above + "\n" + LEAD_HTML) == LEAD_TEXT
    found = dateline.infer(gaz, above + "\n" + LEAD_HTML, HOME)
    assert (found.unit.code, found.source) == ("16.71", "dateline")


def test_a_dateline_alone_in_its_paragraph_heads_the_next_one(gaz):
    html = "<p><strong>PRABUMULIH –</strong></p>\n<p>Bawaslu Kota Prabumulih mengawasi.</p>"
    assert dateline.first_paragraph(html) == "PRABUMULIH – Bawaslu Kota Prabumulih mengawasi."
    assert dateline.infer(gaz, html, HOME).unit.code == "16.74"


@pytest.mark.parametrize(
    "html",
    [
        # a lead set wholly in bold keeps its dateline; a lone paragraph is the lead
        "<p><strong>PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi "
        "pengawasan.</strong></p><p>Paragraf kedua.</p>",
        "<p><em>Bawaslu Kota Palembang</em></p>",
        # a lead in bold or italics right under a photo, with its dateline
        '<p><img alt="Foto" src="x.jpg"></p><p><strong>BATURAJA – Bawaslu Provinsi Sumatera '
        "Selatan menggelar rapat koordinasi di Baturaja.</strong></p><p>Rapat dihadiri.</p>",
        '<p><img alt="Foto" src="x.jpg"></p><p><em>INDRALAYA – Bawaslu Kabupaten Ogan Ilir '
        "mengawasi rapat pleno.</em></p><p>“Kami catat semua,” kata Ketua.</p>",
        # a bold quote, a bold short sentence: the lead, not a subheading
        "<p><strong>“Kepala desa dilarang ikut berkampanye,” tegas Ketua Bawaslu Kabupaten "
        "Lahat.</strong></p><p>Sapri menyampaikan hal itu.</p>",
        "<p><strong>Bawaslu Kabupaten Musi Rawas menggelar patroli pengawasan di Kecamatan "
        "Tugumulyo.</strong></p><p>Patroli digelar Senin.</p>",
        # a lead set wholly in italics, without a dateline
        "<p><em>Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan tahapan kampanye "
        "bersama jajaran panwaslu kecamatan se-Kota Palembang di kantor.</em></p>"
        "<p>Paragraf kedua.</p>",
    ],
)
def test_the_lead_itself_is_never_passed_over(html):
    from warta.text import plain_text

    paragraphs = [p + "</p>" for p in html.split("</p>") if p]
    first = next(p for p in paragraphs if plain_text(p))
    assert dateline.first_paragraph(html) == plain_text(first)


@pytest.mark.parametrize(
    ("lead", "code"),
    [
        ("LAHAT – Bawaslu Kabupaten Lahat mengawasi rapat pleno rekapitulasi.", "16.04"),
        ("Lahat, Senin (2/11/2026) – Bawaslu Kabupaten Lahat mengawasi rapat pleno.", "16.04"),
        ("Martapura (OKU Timur) - Bawaslu mengawasi rapat pleno rekapitulasi.", "16.08"),
        ("REL, Lahat - Bawaslu mengawasi rapat pleno rekapitulasi.", "16.04"),
        ("<strong>LAHAT</strong> – Bawaslu mengawasi rapat pleno rekapitulasi.", "16.04"),
    ],
)
@pytest.mark.parametrize(
    "label",
    [
        "<strong>Untuk disiarkan segera.</strong>",
        "<strong>SIARAN PERS.</strong>",
        "<em>Embargo hingga Senin (2/11/2026) pukul 10.00 WIB.</em>",
        "<b><i>Untuk segera diterbitkan!</i></b>",
    ],
)
def test_a_label_in_bold_above_the_dateline_is_not_the_lead(gaz, label, lead, code):
    """ "**Untuk disiarkan segera.**" above "LAHAT – …" was the summary, and the
    release had no region ("no region: … 'Untuk disiarkan segera.'")."""
    from warta.text import plain_text

    html = f"<p>{label}</p>\n<p>{lead}</p>\n<p>Rapat dihadiri saksi.</p>"
    assert dateline.first_paragraph(html) == plain_text(f"<p>{lead}</p>")
    found = dateline.infer(gaz, html, HOME)
    assert found is not None and (found.unit.code, found.source) == (code, "dateline")


@pytest.mark.parametrize(
    "after",
    [
        "Rudi Hartono – Ketua Bawaslu Kabupaten Musi Rawas – mengatakan patroli digelar Senin.",
        "Rudi Hartono – Ketua Bawaslu Kabupaten Musi Rawas – Mengatakan Patroli Digelar Senin.",
    ],
)
def test_a_bold_lead_above_a_name_set_off_by_dashes_is_the_lead(gaz, after):
    """A name set off by dashes is no dateline: the bold sentence above it is
    the lead, not a label (the gazetteer knows no place "Rudi Hartono")."""
    lead = "Bawaslu Kabupaten Musi Rawas menggelar patroli pengawasan di Kecamatan Tugumulyo."
    html = f"<p><strong>{lead}</strong></p><p>{after}</p>"
    is_place = dateline.place_reader(gaz, HOME)
    assert dateline.first_paragraph(html, is_place) == lead
    found = dateline.infer(gaz, html, HOME)
    assert found is not None and (found.unit.code, found.source) == ("16.05", "lead")


# ---- the lead on the line under a photo, in the photo's paragraph ----

PHOTO = "![Peserta rapat]({static}/images/2026/rapat.jpg)"


def markdown_html(text: str) -> str:
    """The body as the build's Markdown makes it (one paragraph per block)."""
    import markdown

    return markdown.markdown(text)


@pytest.mark.parametrize(
    ("lead", "code"),
    [
        ("SEKAYU – jajaran pengawas pemilu menggelar rapat koordinasi.", "16.06"),
        ("BATURAJA – Bawaslu Kabupaten OKU menggelar rapat koordinasi.", "16.01"),
        ("**LAHAT** – Bawaslu menggelar rapat koordinasi.", "16.04"),
        ("Lubuk Linggau, Kamis (19/11) — jajaran pengawas menggelar rapat.", "16.73"),
        ("BELITANG (OKU Timur) – jajaran pengawas menggelar rapat.", "16.08.03"),
        ("KAYUAGUNG, SP - jajaran pengawas pemilu menggelar rapat.", "16.02"),
    ],
)
@pytest.mark.parametrize(
    "photo",
    [
        PHOTO,
        f"[{PHOTO}]({{static}}/images/2026/rapat.jpg)",
        f"{PHOTO}\n*Foto: Humas Bawaslu*",  # a caption's line between them
        f"{PHOTO}  ",  # a hard line break
    ],
)
def test_a_dateline_on_the_line_under_a_photo_is_read(gaz, photo, lead, code):
    """`![…](…)` then `SEKAYU – …` in one paragraph: the photo's paragraph was
    passed over as a caption, and the region was looked for in the next one."""
    html = markdown_html(f"{photo}\n{lead}\n\nParagraf kedua.")
    is_place = dateline.place_reader(gaz, HOME)
    from warta.text import plain_text

    assert dateline.first_paragraph(html, is_place) == plain_text(markdown_html(lead))
    found = dateline.infer(gaz, html, HOME)
    assert found is not None and (found.unit.code, found.source) == (code, "dateline")


def test_a_caption_under_a_photo_in_its_paragraph_is_still_a_caption(gaz):
    html = markdown_html(
        f"{PHOTO}\n*Ketua Bawaslu Kota Prabumulih membuka rapat, Senin (9/11/2026).*\n\n"
        "PALEMBANG – Bawaslu Kota Palembang menggelar rapat."
    )
    found = dateline.infer(gaz, html, HOME)
    assert found is not None and found.unit.code == "16.71"


def run_stage(gaz, text: str):
    import datetime as dt

    from warta.enrichment import Enrichment
    from warta.pipeline import Source
    from warta.regions.stage import RegionOptions, RegionsStage

    body = text.split("\n\n", 1)[1]
    source = Source(
        path="berita/uji.md",
        text=text,
        html=markdown_html(body),
        title="Uji",
        date=dt.date(2026, 9, 28),
        metadata={"title": "Uji"},
        tags=(),
    )
    stage = RegionsStage(gaz, RegionOptions(home_province=HOME))
    return stage.run(source, Enrichment())


HEAD = "Title: Uji\nDate: 2026-09-28 10:00\n\n"


@pytest.mark.parametrize(
    ("region", "codes", "suggestion"),
    [
        ("Kabupaten Muara Enim (Gelumbang)", ["16.03.06"], None),
        ("Gelumbang (Muara Enim)", ["16.03.06"], None),
        (
            "Kabupaten Muara Enim (Gelumbangg)",
            [],
            "closest: Kecamatan Gelumbang (16.03.06), Kecamatan Lumbang (35.13.24), ",
        ),
    ],
)
def test_a_region_line_with_the_unit_in_parentheses_is_read_either_way(
    gaz, region, codes, suggestion
):
    """`Region: Kabupaten Muara Enim (Gelumbang)` was "unknown region:
    'Gelumbang' (closest: Kabupaten Rembang (33.17), …)"."""

    from warta.enrichment import Enrichment
    from warta.regions.stage import RegionOptions, RegionsStage

    source = region_source(region)
    enrichment = RegionsStage(gaz, RegionOptions(home_province=HOME)).run(source, Enrichment())
    assert [r.code for r in enrichment.regions] == codes
    found = [(f.line, f.level, f.suggestion) for f in enrichment.findings]
    if suggestion is None:
        assert found == []
    else:
        [(line, level, hint)] = found
        assert (line, level) == (3, "error") and hint.startswith(suggestion), hint


LAHAT_LEAD = "LAHAT – Bawaslu Kabupaten Lahat menggelar rapat evaluasi, Kamis (3/12/2026)."


@pytest.mark.parametrize(
    ("region", "lead", "said"),
    [
        # a front matter copied from an OKU Timur release
        (
            "OKU Timur",
            LAHAT_LEAD,
            "Region: names Kabupaten Ogan Komering Ulu Timur (16.08), but the dateline 'LAHAT' and "
            "the lead's 'Bawaslu Kabupaten Lahat' place it in Kabupaten Lahat (16.04)",
        ),
        (
            "Belitang",
            "GELUMBANG – Bawaslu Kabupaten Muara Enim menggelar patroli.",
            "Region: names Kecamatan Belitang (16.08.03), but the dateline 'GELUMBANG' and "
            "the lead's 'Bawaslu Kabupaten Muara Enim' place it in Kecamatan Gelumbang (16.03.06)",
        ),
        # what the release is about: inside the office's area, or holding it
        ("Lahat", LAHAT_LEAD, None),
        ("Kikim Timur (Lahat)", LAHAT_LEAD, None),
        ("Sumatera Selatan", LAHAT_LEAD, None),
        ("Kota Pagar Alam", "PALEMBANG – Bawaslu Provinsi Sumatera Selatan menggelar rapat.", None),
        # the dateline outside the office's area, or no office, or no dateline
        ("OKU Timur", "JAKARTA – Bawaslu Kabupaten Lahat mengikuti rapat nasional.", None),
        ("OKU Timur", "LAHAT – Rapat evaluasi digelar, Kamis (3/12/2026).", None),
        ("OKU Timur", "Bawaslu Kabupaten Lahat menggelar rapat evaluasi.", None),
    ],
)
def test_a_region_line_against_the_dateline_and_the_office_is_said(gaz, region, lead, said):
    """`Region: OKU Timur` copied above "LAHAT – Bawaslu Kabupaten Lahat …"
    filed the release under OKU Timur only, with no line."""
    from warta.enrichment import Enrichment
    from warta.regions.stage import RegionOptions, RegionsStage

    text = f"Title: Uji\nDate: 2026-09-28 10:00\nRegion: {region}\n\n{lead}\n"
    source = dataclasses.replace(region_source(region), text=text, html=markdown_html(lead))
    enrichment = RegionsStage(gaz, RegionOptions(home_province=HOME)).run(source, Enrichment())
    found = [(f.line, f.level, f.message) for f in enrichment.findings]
    assert found == ([(3, "warning", said)] if said else [])


def test_the_dateline_under_a_photo_gives_the_region_and_no_warning(gaz):
    text = HEAD + f"{PHOTO}\nSEKAYU – jajaran pengawas menggelar rapat.\n\nParagraf kedua.\n"
    enrichment = run_stage(gaz, text)
    assert [region.code for region in enrichment.regions] == ["16.06"]
    assert enrichment.findings == ()


@pytest.mark.parametrize(
    ("body", "line", "quoted"),
    [
        # the lead under the photo's caption, written with emphasis
        (
            f"{PHOTO}\n*Foto: Humas*\n\nWarga *antusias* mengikuti &ldquo;sosialisasi&rdquo;.\n",
            7,
            "Warga antusias mengikuti “sosialisasi”.",
        ),
        # a dateline the gazetteer does not know, on the line under the photo
        (
            f"{PHOTO}\nSUKAMAJU – Pengawas menggelar rapat.\n\nParagraf kedua.\n",
            5,
            "SUKAMAJU – Pengawas menggelar rapat.",
        ),
        # a caption that opens like the lead does not take its line
        (
            f"{PHOTO}\n\nFoto: warga antusias\n\nWarga antusias mengikuti sosialisasi.\n",
            8,
            "Warga antusias mengikuti sosialisasi.",
        ),
    ],
)
def test_no_region_quotes_and_points_at_the_paragraph_read(gaz, body, line, quoted):
    """The warning fell back to the body's first line (the photo) when the
    lead's first characters were not on a line as written (`*antusias*`)."""
    (finding,) = run_stage(gaz, HEAD + body).findings
    assert (finding.path, finding.line, finding.level) == ("berita/uji.md", line, "warning")
    assert finding.message.endswith(f": {quoted!r}")


@pytest.mark.parametrize(
    "place",
    ["PALEMBNG", "LUBUKLINGAU", "BATURAJAA", "PAGARALAAM", "KOTA BATURAJA", "Kota Sekayu"],
)
@pytest.mark.parametrize("rest", ["pengawas pemilu menggelar rapat.", "Bawaslu menggelar rapat."])
def test_a_misspelt_dateline_gets_the_closest_names_region_would(gaz, place, rest):
    """`PALEMBNG – pengawas pemilu …` said only that no known place is named:
    the closest names were looked for in the dateline's segments, and a head
    the gazetteer does not know followed by lower case is no dateline. They
    are now those `Region: PALEMBNG` gets."""
    from warta.regions.stage import RegionOptions, RegionsStage

    (warning,) = run_stage(gaz, HEAD + f"{place} – {rest}\n").findings
    declared: list = []
    RegionsStage(gaz, RegionOptions(home_province=HOME)).declared(region_source(place), declared)
    (error,) = declared
    assert (warning.line, warning.level, error.level) == (4, "warning", "error")
    closest = error.suggestion.split(";")[0]
    assert closest.startswith("closest: ") and closest != "closest: no close match"
    assert warning.suggestion.split(";")[0] == closest


# ---- one reading of the dateline: the region and the summary ----


def readings(gaz, paragraph: str) -> tuple[str | None, str]:
    """The region the dateline gives (its code, else None) and the summary's
    text (the paragraph without its dateline, as release_defaults makes it)."""
    found, ambiguity = dateline.read_dateline(gaz, paragraph, HOME)
    code = found.unit.code if found else ambiguity and "ambiguous"
    return code, without_dateline(paragraph, dateline.place_reader(gaz, HOME))


@pytest.mark.parametrize(
    ("paragraph", "code", "summary"),
    [
        # the sentence in lower case after a place, whatever the separator
        (
            "Muara Enim: rapat koordinasi pengawasan tahapan pemilu digelar Senin (2/3/2026).",
            "16.03",
            "rapat koordinasi pengawasan tahapan pemilu digelar Senin (2/3/2026).",
        ),
        ("MUARA ENIM – rapat koordinasi digelar.", "16.03", "rapat koordinasi digelar."),
        ("Muara Enim - rapat koordinasi digelar.", "16.03", "rapat koordinasi digelar."),
        ("SEKAYU–jajaran pengawas menggelar rapat.", "16.06", "jajaran pengawas menggelar rapat."),
        # a full-width colon, as an input method writes it, in both cases
        ("LAHAT\uff1a Bawaslu menggelar rapat.", "16.04", "Bawaslu menggelar rapat."),
        ("LAHAT\uff1aBawaslu menggelar rapat.", "16.04", "Bawaslu menggelar rapat."),
        ("Lahat\uff1a jajaran pengawas hadir.", "16.04", "jajaran pengawas hadir."),
        # Cempaka: a kecamatan of OKU Timur and a personal name. The gazetteer
        # knows it in the home province: a dateline in every form, as "CEMPAKA –".
        ("Cempaka: Bawaslu menggelar rapat.", "16.08.04", "Bawaslu menggelar rapat."),
        ("Cempaka – Bawaslu menggelar rapat.", "16.08.04", "Bawaslu menggelar rapat."),
        ("CEMPAKA: jajaran pengawas hadir.", "16.08.04", "jajaran pengawas hadir."),
        # a place that is the sentence's subject, set off by two dashes: neither
        ("Palembang - kota terbesar di Sumatera Selatan - menjadi tuan rumah rapat.", None, None),
        ("Kabupaten Muara Enim – salah satu daerah rawan – menjadi fokus pengawasan.", None, None),
        # a label or a time before a colon: neither
        ("Catatan: rapat koordinasi digelar.", None, None),
        ("Pukul 09\uff1a00 WIB Bawaslu menggelar rapat.", None, None),
    ],
)
def test_the_region_and_the_summary_read_one_dateline(gaz, paragraph, code, summary):
    """`Muara Enim: rapat koordinasi …` gave the region Muara Enim (its
    dateline) while the meta description kept "Muara Enim: rapat …" (no
    dateline: lower case after the colon); `LAHAT：` (full-width colon) was
    read by neither. One function (`dateline_head`) now reads both."""
    assert readings(gaz, paragraph) == (code, summary or paragraph)
    is_place = dateline.place_reader(gaz, HOME)
    assert (dateline.dateline_head(paragraph, is_place) is not None) == (code is not None)


@pytest.mark.parametrize("form", ["{}: {}", "{}\uff1a{}", "{} \u2013 {}", "{}-{}", "{} -- {}"])
def test_every_place_of_the_home_province_gives_the_region_only_where_the_summary_drops_it(
    gaz, form
):
    """For every kabupaten/kota and kecamatan, in capitals and as written, and
    a lead in either case: a dateline the region comes from is left out of the
    summary, and a head kept in the summary gives no region."""
    units = [u for u in gaz.units.values() if u.code.startswith(HOME + ".")]
    wrong = []
    for unit in units:
        for name in (unit.name, unit.name.upper(), unit.core):
            for lead in (LEAD, "jajaran pengawas menggelar rapat koordinasi."):
                paragraph = form.format(name, lead)
                code, summary = readings(gaz, paragraph)
                if code is None or summary != lead:
                    wrong.append((paragraph, code, summary))
    assert wrong == []


# ---- every separator staff paste, for every place of the home province ----

SEPARATORS = [
    "{}: {}",
    "{}:{}",
    "{} \u2012 {}",
    "{}\u2012{}",
    "{} \u2212 {}",
    "{}\u2212{}",
    "{} \u2013 {}",
    "{}\u2013{}",
    "{} \u2014 {}",
    "{}\u2014{}",
    "{} \u2015 {}",
    "{}\u2015{}",
    "{} -- {}",
    "{}--{}",
    "{} - {}",
    "{}- {}",
    "{} -{}",
    "{}-{}",
]


@pytest.mark.parametrize("form", SEPARATORS)
def test_every_separator_reads_every_place_of_the_home_province(gaz, form):
    """`BATURAJA: …`, `PALEMBANG ‒ …` (figure dash), `PALEMBANG − …` (minus)
    gave no region. Each form reads as the en dash does, for every
    kabupaten/kota and kecamatan, in capitals and as written."""
    units = [u for u in gaz.units.values() if u.code.startswith(HOME + ".")]
    assert len(units) == 17 + 241
    wrong = []
    for unit in units:
        for name in (unit.name, unit.name.upper(), unit.core):
            for lead in (LEAD, "jajaran pengawas menggelar rapat koordinasi."):
                # A place, or a name of two ("PENDOPO": PALI's town and the kecamatan).
                expected = dateline.read_dateline(gaz, f"{name} \u2013 {lead}", HOME)
                found = dateline.read_dateline(gaz, form.format(name, lead), HOME)
                if expected == (None, None) or found != expected:
                    wrong.append((form.format(name, lead), expected, found))
    assert wrong == []


@pytest.mark.parametrize(
    "paragraph",
    [
        "Catatan: Bawaslu Kota Palembang menggelar rapat koordinasi.",
        "CATATAN: Bawaslu Kota Palembang menggelar rapat koordinasi.",
        "Waktu: Senin (2/11/2026) pukul 09:00 WIB, Bawaslu Kota Palembang menggelar rapat.",
        "Tempat: Aula Bawaslu Kota Palembang – Jalan Kapten Rivai.",
        "Foto: Humas Bawaslu Kota Palembang.",
        "Ketua Bawaslu Kota Palembang: pengawasan berjalan baik.",
        "Pukul 09:00 WIB Bawaslu Kota Palembang menggelar rapat.",
    ],
)
def test_a_colon_after_other_words_is_no_dateline(gaz, paragraph):
    """Only a place the gazetteer knows ends a dateline at a colon: a label
    ("Catatan:", "Waktu:") stays the lead's text, and the office in the lead
    gives the region."""
    is_place = dateline.place_reader(gaz, HOME)
    head = dateline.read_head(paragraph, is_place)
    assert head is None or ":" in head.text
    assert dateline.from_dateline(gaz, paragraph, HOME) is None
    found = dateline.infer(gaz, f"<p>{paragraph}</p>", HOME)
    assert found is not None and (found.unit.code, found.source) == ("16.71", "lead")


BOTH_PENDOPO = ("16.12", "16.11.02")  # PALI (its town, by aliases.yaml) and the kecamatan


@pytest.mark.parametrize(
    ("paragraph", "code"),
    [
        ("PENDOPO – Bawaslu PALI menggelar rapat pleno.", "16.12"),
        ("PENDOPO – Ketua Bawaslu Kabupaten PALI, Nama, membuka rapat.", "16.12"),
        (
            "PENDOPO – Ketua Panwaslu Kecamatan Pendopo Kabupaten Empat Lawang, Nama, "
            "membuka rapat.",
            "16.11.02",
        ),
        ("PENDOPO – Jajaran Panwaslu Kec. Pendopo menggelar apel.", "16.11.02"),
        ("PENDOPO – Panwascam Pendopo menggelar rapat.", "16.11.02"),
        ("PENDOPO – Bawaslu Provinsi Sumsel dan Panwascam Pendopo hadir.", "16.11.02"),
        ("PENDOPO (Empat Lawang) – Bawaslu menggelar rapat.", "16.11.02"),
        ("PENDOPO, PALI – Bawaslu menggelar rapat.", "16.12"),
        ("PENDOPO (Kabupaten Penukal Abab Lematang Ilir) – Bawaslu hadir.", "16.12"),
    ],
)
def test_a_name_of_two_is_narrowed_by_the_dateline_or_the_offices_of_the_lead(gaz, paragraph, code):
    """`PENDOPO –` was PALI whatever the lead said."""
    read = dateline.read_lead(gaz, f"<p>{paragraph}</p>", HOME)
    assert read.ambiguity is None
    assert (read.inference.unit.code, read.inference.source) == (code, "dateline")


@pytest.mark.parametrize(
    "paragraph",
    [
        "PENDOPO – Bawaslu menggelar rapat koordinasi pengawasan tahapan.",
        "Pendopo, Senin (4/11/2024) – Bawaslu menggelar rapat.",
        # an office that holds both, or neither, or one of each
        # an issuing office that holds both (one that holds neither, or one,
        # gives its own area: see
        # test_the_issuing_office_gives_the_region_from_its_seat_or_outside_its_area)
        "PENDOPO – Bawaslu Provinsi Sumatera Selatan meninjau gudang logistik.",
        "PENDOPO – Bawaslu Sumsel meninjau gudang logistik.",
    ],
)
def test_a_name_of_two_not_narrowed_gives_no_region(gaz, paragraph):
    """A bare `PENDOPO –` dateline silently gave PALI; the office named in the
    lead is no fallback for a dateline that names a place of two, one reading
    of which says more than the office's area."""
    read = dateline.read_lead(gaz, f"<p>{paragraph}</p>", HOME)
    assert read.inference is None
    assert read.ambiguity.words.upper() == "PENDOPO"
    assert tuple(u.code for u in read.ambiguity.candidates) == BOTH_PENDOPO
    assert dateline.infer(gaz, f"<p>{paragraph}</p>", HOME) is None


def test_another_name_of_several_in_a_dateline_is_said_so(gaz):
    read = dateline.read_lead(gaz, "<p>BIMA – Bawaslu menggelar rapat.</p>", HOME)
    assert read.inference is None
    assert [u.code for u in read.ambiguity.candidates] == ["52.06", "52.72"]


@pytest.mark.parametrize(
    ("paragraph", "codes"),
    [
        ("Bawaslu PALI menggelar rapat.", ["16.12"]),
        ("Ketua Panwaslu Kecamatan Pendopo Kabupaten Empat Lawang hadir.", ["16.11.02"]),
        ("Panwaslu Kecamatan Talang Ubi Kabupaten PALI hadir.", ["16.12.01"]),
        ("Panwaslu Kecamatan Sako Kota Palembang hadir.", ["16.71.08"]),
        # the most specific: a province's office holds the kecamatan's
        ("Bawaslu Sumsel dan PANWASCAM SAKO hadir.", ["16.71.08"]),
        ("Bawaslu PALI dan Panwascam Pendopo hadir.", ["16.12", "16.11.02"]),
        ("Warga antusias mengikuti sosialisasi.", []),
    ],
)
def test_the_offices_of_the_lead(gaz, paragraph, codes):
    assert [u.code for u in dateline.lead_offices(gaz, paragraph, HOME).units] == codes


HEADLINE = "Bawaslu OKU Timur Temukan Dua Dugaan Pelanggaran Netralitas Kepala Desa"
HEADLINE_LEAD = (
    "MARTAPURA – Bawaslu Kabupaten OKU Timur menemukan dua dugaan pelanggaran netralitas "
    "kepala desa, Kamis (14/11/2024)."
)


@pytest.mark.parametrize(
    "above",
    [
        HEADLINE.upper() + "\n\n",  # in capitals, in a paragraph of its own
        HEADLINE + "\n\n",  # the title again
        f"**{HEADLINE}**\n\n",
        "Bawaslu OKU Timur temukan dua dugaan pelanggaran netralitas kepala desa\n\n",
        HEADLINE + "\n",  # on the line right above the dateline (a chat's paste)
        HEADLINE.upper() + "\n",
        "SIARAN PERS\n\n" + HEADLINE.upper() + "\n\n",
    ],
)
def test_a_headline_pasted_above_the_dateline_is_not_the_lead(gaz, above):
    """`BAWASLU OKU TIMUR TEMUKAN …` above `MARTAPURA – …` was the summary,
    the release had no region (its author fell back to the province's), and a
    headline on the line above gave the summary "… Desa MARTAPURA – Bawaslu …"."""
    html = markdown_html(
        above + HEADLINE_LEAD + "\n\nKetua Bawaslu OKU Timur meminta kades netral."
    )
    is_place = dateline.place_reader(gaz, HOME)
    assert dateline.first_paragraph(html, is_place) == HEADLINE_LEAD
    reading = dateline.read_lead(gaz, html, HOME)
    assert (reading.inference.unit.code, reading.inference.source) == ("16.08", "dateline")
    assert lead_summary(html, is_place=is_place) == HEADLINE_LEAD.split(" – ", 1)[1]


NO_DATELINE_LEAD = (
    "Bawaslu Kabupaten OKU Timur menemukan dua dugaan pelanggaran netralitas kepala desa "
    "saat pengawasan kampanye, Kamis (14/11/2024)."
)


@pytest.mark.parametrize(
    ("above", "title"),
    [
        (HEADLINE.upper(), ""),  # a headline in capitals
        (HEADLINE.upper(), HEADLINE),
        (HEADLINE, HEADLINE),  # the title again, as written
        (f"**{HEADLINE.lower()}!**", HEADLINE),  # folded: case, marks and punctuation aside
    ],
)
@pytest.mark.parametrize("between", ["\n\n", "\n"])
def test_without_a_dateline_the_lead_is_the_first_paragraph_that_is_no_headline(
    gaz, above, title, between
):
    html = markdown_html(above + between + NO_DATELINE_LEAD + "\n\nParagraf kedua.")
    is_place = dateline.place_reader(gaz, HOME)
    assert dateline.first_paragraph(html, is_place, title) == NO_DATELINE_LEAD
    assert lead_summary(html, is_place=is_place, title=title) == NO_DATELINE_LEAD
    # The region is read from the same paragraph as the summary.
    assert dateline.read_lead(gaz, html, HOME, title).paragraph == NO_DATELINE_LEAD


@pytest.mark.parametrize(
    ("body", "title"),
    [
        # a lead in capitals opens with its dateline
        ("PALEMBANG – BAWASLU KOTA PALEMBANG MENGGELAR RAPAT.\n\nParagraf kedua.", ""),
        # a short lead that is a sentence, a heading-like first line of prose
        ("Bawaslu OKU Timur menemukan dua dugaan pelanggaran.\n\nParagraf kedua.", HEADLINE),
        ("Bawaslu OKU Timur menemukan dua dugaan pelanggaran\n\nKetua Bawaslu hadir.", ""),
        # a headline in capitals and nothing after it: the only text there is
        (HEADLINE.upper(), ""),
        (HEADLINE, HEADLINE),
    ],
)
def test_a_lead_that_only_looks_like_a_headline_stays_the_lead(gaz, body, title):
    html = markdown_html(body)
    is_place = dateline.place_reader(gaz, HOME)
    first = body.split("\n\n")[0]
    assert dateline.first_paragraph(html, is_place, title) == first


READ_ALSO_LINES = [
    "BACA JUGA: Bawaslu Lahat Gelar Apel Siaga Pengawasan Jelang Masa Tenang.",
    "Baca juga : Bawaslu Sumsel Gelar Rakernis Pengawasan Pungut Hitung",
    "Baca Juga\uff1a Sentra Gakkumdu Kaji Laporan Dugaan Politik Uang",
    "**BACA JUGA:** [Bawaslu Lahat Awasi Kampanye](/berita/2024/10/lahat-awasi-kampanye/)",
    "_Baca juga:_ https://portal.example.com/berita/123",
    "Baca&nbsp;juga: Bawaslu Kota Palembang Gelar Rapat Koordinasi.",
]
READ_ALSO_LEAD = (
    "KAYUAGUNG – Bawaslu Kabupaten OKI mengawasi pelipatan surat suara di gudang KPU, "
    "Rabu (6/11/2024)."
)
UNDATED_LEAD = "Bawaslu Kabupaten OKI mengawasi pelipatan surat suara di gudang KPU."


@pytest.mark.parametrize("insert", READ_ALSO_LINES)
@pytest.mark.parametrize(
    ("template", "lead"),
    [
        ("{insert}\n\n{lead}\n\nParagraf kedua.", READ_ALSO_LEAD),  # above the dateline
        ("{insert}\n\n{lead}\n\nParagraf kedua.", UNDATED_LEAD),  # above a lead without one
        ("{insert}\n{lead}\n\nParagraf kedua.", READ_ALSO_LEAD),  # on the line above
        # inside the lead's paragraph (no blank lines): the page splits it there
        (
            "{lead}\n{insert}\nKetua Bawaslu OKI meminta petugas teliti.\n{insert}\nSelesai.",
            READ_ALSO_LEAD,
        ),
    ],
)
def test_a_read_also_line_is_never_the_lead_nor_part_of_it(gaz, insert, template, lead):
    """`BACA JUGA: …` above the dateline was the description; BACA JUGA lines
    inside the lead's paragraph were in the description and feed.json's
    summary ("… Rabu (6/11/2024). BACA JUGA: …")."""
    html = markdown_html(template.format(insert=insert, lead=lead))
    is_place = dateline.place_reader(gaz, HOME)
    assert dateline.first_paragraph(html, is_place) == lead
    assert lead_summary(html, is_place=is_place) == without_dateline(lead, is_place)
    reading = dateline.read_lead(gaz, html, HOME)
    assert reading.inference.unit.code == "16.02"


def test_lines_above_a_lead_are_each_tested_once_for_a_headlines_shape(gaz, monkeypatch):
    """A headline of many lines pasted above the lead (no blank line between):
    each line is tested as it joins the lines above, not all again per line."""
    shape = dateline._is_headline_shape
    tested = []

    def counted(text, is_place=None):
        tested.append(text)
        return shape(text, is_place)

    monkeypatch.setattr(dateline, "_is_headline_shape", counted)
    headline = [f"Baris Judul Nomor {n}" for n in range(8)]
    lead = "PALEMBANG – Bawaslu Kota Palembang menggelar rapat."
    html = "<p>" + "<br />\n".join([*headline, lead]) + "</p><p>Paragraf kedua.</p>"
    is_place = dateline.place_reader(gaz, HOME)
    assert dateline.first_paragraph(html, is_place) == lead
    assert [text for text in tested if text in headline] == headline  # each line once
    assert dateline.read_lead(gaz, html, HOME).inference.unit.code == "16.71"


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        ("RAPAT KOORDINASI CAFÉ", "Rapat Koordinasi Cafe", True),
        ("Rapat Koordinasi Cafe\u0301", "rapat koordinasi café", True),  # a combining accent
        ("Rapat \ufb01nal", "Rapat final", True),  # a ligature: one character, two letters
        ("Rapat final pengawasan", "Rapat final", False),
        ("Rapat-final!!", "rapat final", True),
        ("", "Rapat", False),
        ("Rapat", "", False),
        ("½ Rapat", "1⁄2 rapat", True),
    ],
)
def test_a_headline_is_the_title_again_as_fold_reads_both(text, title, expected):
    assert dateline.is_headline(text, title) is expected


def test_one_place_reader_per_gazetteer_remembers_its_answers(gaz, monkeypatch):
    """The readers of one gazetteer and home province are one, and a word
    read once is not asked of the gazetteer again."""
    asked = []
    names_a_place = dateline.names_a_place
    is_place = dateline.place_reader(gaz, "11")  # a reader no other test has asked

    def counted(gazetteer, words, home=None):
        asked.append(words)
        return names_a_place(gazetteer, words, home)

    monkeypatch.setattr(dateline, "names_a_place", counted)
    assert dateline.place_reader(gaz, "11") is is_place
    assert is_place("Banda Aceh") and is_place("Banda Aceh") and not is_place("Catatan")
    assert asked == ["Banda Aceh", "Catatan"]


def test_a_region_line_read_again_gives_the_same_regions_and_findings(gaz, monkeypatch):
    """Releases share their `Region:` lines: each line is read with the
    gazetteer once a build, and every release gets its regions and findings."""

    from warta.enrichment import Enrichment
    from warta.regions.stage import RegionOptions, RegionsStage

    read = []
    together = gaz.resolve_together

    def counted(values, home=None):
        read.append(tuple(values))
        return together(values, home)

    monkeypatch.setattr(gaz, "resolve_together", counted)
    stage = RegionsStage(gaz, RegionOptions(home_province=HOME))
    runs = []
    for number, region in enumerate(["Lahat, Pendopoo", "Lahat, Pendopoo", "OKU Timur"]):
        source = region_source(region, f"berita/uji-{number}.md")
        runs.append(stage.run(source, Enrichment()))
    assert read == [("Lahat", "Pendopoo"), ("OKU Timur",)]
    assert [r.code for r in runs[0].regions] == [r.code for r in runs[1].regions] == ["16.04"]
    assert [(f.path, f.line, f.message) for f in runs[1].findings] == [
        ("berita/uji-1.md", 3, "unknown region: 'Pendopoo'")
    ]
    assert [r.code for r in runs[2].regions] == ["16.08"] and runs[2].findings == ()


def test_the_leads_offices_are_read_once_for_the_region_and_the_dateline(gaz, monkeypatch):
    """`read_lead` reads the Bawaslu offices of the lead once, for the issuing
    office and for what narrows the dateline's place, as `lead_offices` reads
    them."""
    resolve = gaz.resolve
    asked = []

    def counted(value, **options):
        if options.get("tiers") == (gazetteer.TIER_OFFICIAL, gazetteer.TIER_ALIAS) and not (
            options.get("levels") or options.get("context")
        ):
            asked.append(value)
        return resolve(value, **options)

    lead = "PENDOPO – Bawaslu Kabupaten Empat Lawang dan Bawaslu OKU Timur menggelar rapat."
    html = f"<p>{lead}</p><p>Paragraf kedua.</p>"
    expected = dateline.lead_offices(gaz, lead, HOME)
    monkeypatch.setattr(gaz, "resolve", counted)
    reading = dateline.read_lead(gaz, html, "17")  # (a home no other test reads with)
    offices = [words for words in asked if words in ("Kabupaten Empat Lawang", "OKU Timur")]
    assert offices == ["Kabupaten Empat Lawang", "OKU Timur"]
    assert reading.paragraph == lead
    assert expected[0].unit.code == "16.11" and [u.code for u in expected[1]] == ["16.11", "16.08"]


def region_source(region: str, path: str = "berita/uji.md"):
    """A one-paragraph release with `Region: region`, as the regions stage reads it."""
    import datetime as dt

    from warta.pipeline import Source

    text = f"Title: Uji\nDate: 2026-09-28 10:00\nRegion: {region}\n\nRapat digelar.\n"
    return Source(
        path=path,
        text=text,
        html="<p>Rapat digelar.</p>",
        title="Uji",
        date=dt.date(2026, 9, 28),
        metadata={"title": "Uji", "region": region},
        tags=(),
    )


@pytest.mark.parametrize(
    ("region", "line"),
    [
        ("OKU dan OKI", "Region: OKU, OKI"),
        ("OKU/OKI", "Region: OKU, OKI"),
        ("OKU & OKI", "Region: OKU, OKI"),
        ("OKU &amp; OKI", "Region: OKU, OKI"),
        ("Lahat, Muara Enim dan Kota Prabumulih", "Region: Lahat, Muara Enim, Kota Prabumulih"),
    ],
)
def test_regions_joined_in_one_value_are_told_to_be_separated_by_commas(gaz, region, line):
    """`Region: OKU/OKI` was an unknown region closest to a kecamatan of
    Riau, `OKU dan OKI` had no close match. Joined regions are not read as
    several (official names hold "dan" and "/": Kabupaten Pangkajene dan
    Kepulauan, Kecamatan Tiro/Truseb), but the error says so and writes the
    line with commas."""
    from warta.regions.stage import RegionOptions, RegionsStage

    findings: list = []
    RegionsStage(gaz, RegionOptions(home_province=HOME)).declared(region_source(region), findings)
    (finding,) = findings
    assert (finding.line, finding.level) == (3, "error")
    assert finding.message.startswith("several regions in one value: ")
    assert finding.suggestion == f"separate regions with commas: write {line!r}"


@pytest.mark.parametrize(
    ("region", "code"),
    [
        ("Kabupaten Pangkajene dan Kepulauan", "73.10"),
        ("Pangkajene dan Kepulauan", "73.10"),
        ("Tiro/Truseb", "11.07.21"),
    ],
)
def test_a_name_that_holds_dan_or_a_slash_stays_one_region(gaz, region, code):
    from warta.regions.stage import RegionOptions, RegionsStage

    findings: list = []
    stage = RegionsStage(gaz, RegionOptions(home_province=HOME))
    assert stage.declared(region_source(region), findings) == [code]
    assert findings == []


@pytest.mark.parametrize(
    ("region", "wilayah", "said"),
    [
        ("OKU", "Lahat", True),
        ("OKU, Lahat", "Lahat", True),
        ("OKU", "oku", False),  # the same region twice: nothing to choose
        # one region written two ways: nothing to choose either
        ("OKU", "Kabupaten Ogan Komering Ulu", False),
        ("16.01", "OKU", False),
        ("Kota Palembang", "Palembang", False),
        ("Lahat, OKU", "Kab. Lahat, Baturaja", False),
    ],
)
def test_region_and_wilayah_with_different_values_are_one_warning(gaz, region, wilayah, said):
    """`Region: OKU` over `Wilayah: Lahat` gave both regions with no word."""
    from warta.enrichment import Enrichment
    from warta.regions.stage import RegionOptions, RegionsStage

    text = (
        f"Title: Uji\nDate: 2026-09-28 10:00\nRegion: {region}\nWilayah: {wilayah}\n\n"
        "Rapat digelar.\n"
    )
    source = dataclasses.replace(
        region_source(region),
        text=text,
        metadata={"title": "Uji", "region": region, "wilayah": wilayah},
    )
    enriched = RegionsStage(gaz, RegionOptions(home_province=HOME)).run(source, Enrichment())
    codes = {gaz.resolve(v, home=HOME).unit.code for v in f"{region},{wilayah}".split(",")}
    assert {r.code for r in enriched.regions} == codes
    if not said:
        assert enriched.findings == ()
        return
    (finding,) = enriched.findings
    assert (finding.path, finding.line, finding.level) == ("berita/uji.md", 4, "warning")
    assert finding.message == (
        f"regions written twice: Region: {region!r} and Wilayah: {wilayah!r} (both are used)"
    )
    assert finding.suggestion.startswith("write one line: 'Region: ")
