"""Unit tests of the regions gazetteer: the committed data, resolution rules,
aliases validation, slugs and chart geometry (no Pelican build)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from plugins.regions import charts
from warta.regions import configured, gazetteer
from warta.regions.gazetteer import TIER_KECAMATAN

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data" / "regions"
HOME = "16"

# The 17 kabupaten/kota of Sumatera Selatan, their seats and what people write.
SUMSEL = [
    ("16.01", "Kabupaten Ogan Komering Ulu", "Baturaja", ["OKU", "Baturadja"]),
    ("16.02", "Kabupaten Ogan Komering Ilir", "Kayu Agung", ["OKI", "Kayuagung"]),
    ("16.03", "Kabupaten Muara Enim", "Muara Enim", ["Muaraenim"]),
    ("16.04", "Kabupaten Lahat", "Lahat", []),
    ("16.05", "Kabupaten Musi Rawas", "Muara Beliti", ["Mura", "Muarabeliti"]),
    ("16.06", "Kabupaten Musi Banyuasin", "Sekayu", ["Muba"]),
    ("16.07", "Kabupaten Banyuasin", "Pangkalan Balai", ["Banyu Asin"]),
    ("16.08", "Kabupaten Ogan Komering Ulu Timur", "Martapura", ["OKU Timur", "OKUT"]),
    ("16.09", "Kabupaten Ogan Komering Ulu Selatan", "Muaradua", ["OKU Selatan", "OKUS"]),
    ("16.10", "Kabupaten Ogan Ilir", "Indralaya", ["OI", "Inderalaya"]),
    ("16.11", "Kabupaten Empat Lawang", "Tebing Tinggi", []),
    # "Pendopo", its town, is an alias too: ambiguous with Kecamatan Pendopo of
    # Empat Lawang (test_an_alias_that_names_a_kecamatan_elsewhere_is_ambiguous).
    ("16.12", "Kabupaten Penukal Abab Lematang Ilir", "Talang Ubi", ["PALI"]),
    ("16.13", "Kabupaten Musi Rawas Utara", "Rupit", ["Muratara", "Muara Rupit"]),
    ("16.71", "Kota Palembang", "Palembang", ["PLG"]),
    ("16.72", "Kota Pagar Alam", "Pagar Alam", ["Pagaralam"]),
    ("16.73", "Kota Lubuk Linggau", "Lubuk Linggau", ["Lubuklinggau", "LLG"]),
    ("16.74", "Kota Prabumulih", "Prabumulih", ["PBM"]),
]


@pytest.fixture(scope="module")
def gaz() -> gazetteer.Gazetteer:
    loaded, problems = gazetteer.load(DATA / "gazetteer.csv", DATA / "aliases.yaml")
    assert problems == ()
    return loaded


def resolved_code(gaz, value, **kwargs):
    found = gaz.resolve(value, home=HOME, **kwargs)
    assert found.unit, (value, found.problem, [u.label for u in found.candidates])
    return found.unit.code


# ---- the committed data ----------------------------------------------------


def test_counts_match_kemendagri_2025(gaz):
    assert gaz.count("provinsi") == 38
    assert gaz.count("kabupaten") == 416
    assert gaz.count("kota") == 98
    assert gaz.count("kecamatan") == 7285


def test_sumatera_selatan_has_17_kabkota_and_241_kecamatan(gaz):
    kabkota = gaz.children_of("16")
    assert [(u.code, u.name) for u in kabkota] == [(code, name) for code, name, _, _ in SUMSEL]
    assert sum(len(gaz.children_of(u.code)) for u in kabkota) == 241


def test_codes_are_kemendagri_not_bps(gaz):
    # BPS 1672 is Prabumulih; Kemendagri 16.72 is Pagar Alam.
    assert gaz["16.72"].name == "Kota Pagar Alam"
    assert gaz["16.74"].name == "Kota Prabumulih"
    assert gaz["16.71.08"].name == "Sako"
    assert gaz["16.71.08"].parent == "16.71"


def test_gazetteer_file_is_sorted_and_well_formed():
    lines = (DATA / "gazetteer.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "code,level,name,parent"
    units = gazetteer.read_gazetteer_csv("\n".join(lines) + "\n")
    codes = [u.code for u in units]
    assert codes == sorted(codes, key=gazetteer.code_sort_key)
    assert len(set(codes)) == len(codes)
    known = set(codes)
    assert all(u.parent in known for u in units if u.parent)
    assert {u.level for u in units} == {"provinsi", "kabupaten", "kota", "kecamatan"}


def test_compact_rows_from_idn_area_data_layout():
    provinces = "code,name\n16,Sumatera Selatan\n52,Nusa Tenggara Barat\n"
    regencies = (
        "code,province_code,name\n52.72,52,Kota Bima\n16.71,16,Kota Palembang\n"
        "52.06,52,Kabupaten  Bima \n"
    )
    districts = 'code,regency_code,name\n16.71.08,16.71,Sako\n35.29.22,52.06,"Ra""as"\n'
    with pytest.raises(ValueError, match="does not extend its parent"):
        gazetteer.compact_rows(provinces, regencies, districts)
    with pytest.raises(ValueError, match="unknown parent"):
        gazetteer.compact_rows(provinces, regencies, "code,regency_code,name\n16.72.01,16.72,X\n")
    districts = 'code,regency_code,name\n16.71.08,16.71,Sako\n52.06.01,52.06,"Ra""as"\n'
    rows = gazetteer.compact_rows(provinces, regencies, districts)
    assert rows == [
        ["16", "provinsi", "Sumatera Selatan", ""],
        ["16.71", "kota", "Kota Palembang", "16"],
        ["16.71.08", "kecamatan", "Sako", "16.71"],
        ["52", "provinsi", "Nusa Tenggara Barat", ""],
        ["52.06", "kabupaten", "Kabupaten Bima", "52"],
        ["52.06.01", "kecamatan", 'Ra"as', "52.06"],
        ["52.72", "kota", "Kota Bima", "52"],
    ]
    text = gazetteer.write_compact(rows)
    assert text.splitlines()[0] == "code,level,name,parent"
    assert [u.name for u in gazetteer.read_gazetteer_csv(text)][-2] == 'Ra"as'


# ---- resolution ------------------------------------------------------------


@pytest.mark.parametrize(("code", "name", "seat", "aliases"), SUMSEL)
def test_every_sumsel_unit_by_code_name_seat_and_alias(gaz, code, name, seat, aliases):
    assert resolved_code(gaz, code) == code
    assert resolved_code(gaz, name) == code
    assert resolved_code(gaz, name.upper()) == code
    assert resolved_code(gaz, seat) == code
    for alias in aliases:
        assert resolved_code(gaz, alias) == code
        assert resolved_code(gaz, alias.lower()) == code


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Palembang", "16.71"),
        ("Lahat", "16.04"),  # the kabupaten, not the kecamatan Lahat
        ("Kab. OKU Timur", "16.08"),
        ("Kabupaten OKU Timur", "16.08"),
        ("Kota PLG", "16.71"),
        ("PAGAR-ALAM", "16.72"),
        ("Sumsel", "16"),
        ("Provinsi Sumatera Selatan", "16"),
        ("Sumatera Selatan", "16"),
        ("Jabar", "32"),
        ("Jakarta", "31"),
        ("Bengkulu", "17"),  # the province's official name beats Kota Bengkulu's core name
        ("Kota Bengkulu", "17.71"),
        ("Kota Bima", "52.72"),
        ("Kabupaten Bima", "52.06"),
        ("Kota Jakarta Selatan", "31.74"),
        ("16.71.08", "16.71.08"),
        ("Sako", "16.71.08"),
        ("Kecamatan Sako", "16.71.08"),
        ("Ilir Barat I", "16.71.04"),  # officially "Ilir Barat Satu"
        ("Ilir Timur III", "16.71.18"),
    ],
)
def test_resolves_names_aliases_and_kecamatan(gaz, value, code):
    assert resolved_code(gaz, value) == code


def test_bima_is_ambiguous_and_lists_both(gaz):
    found = gaz.resolve("Bima", home=HOME)
    assert found.unit is None
    assert found.problem == "ambiguous"
    assert [u.label for u in found.candidates] == ["Kabupaten Bima (52.06)", "Kota Bima (52.72)"]


def test_home_province_wins_a_name_shared_with_another_province(gaz):
    # Martapura is the seat of OKU Timur (16) and of Banjar (63).
    assert resolved_code(gaz, "Martapura") == "16.08"
    assert gaz.resolve("Martapura", home="63").unit.code == "63.03"
    assert gaz.resolve("Martapura", home=None).problem == "ambiguous"
    # Tebing Tinggi: Empat Lawang's seat, and Kota Tebing Tinggi in Sumatera Utara.
    assert resolved_code(gaz, "Tebing Tinggi") == "16.11"
    assert gaz.resolve("Tebing Tinggi", home="12").unit.code == "12.76"


def test_context_narrows_a_kecamatan_name(gaz):
    # Kecamatan "Lahat" exists only in Kabupaten Lahat; "Belitang" only in OKU Timur.
    found = gaz.resolve("Lahat", context=["16.04"], tiers=(TIER_KECAMATAN,))
    assert found.unit.code == "16.04.10"
    tebing = gaz.resolve("Tebing Tinggi", tiers=(TIER_KECAMATAN,))
    assert tebing.problem == "ambiguous"
    inside = gaz.resolve("Tebing Tinggi", context=["14"], tiers=(TIER_KECAMATAN,))
    assert inside.unit.code == "14.10.01"


def test_unknown_value_suggests_closest_units(gaz):
    assert gaz.resolve("Palembnag", home=HOME).problem == "unknown"
    assert gaz.closest("Palembnag")[0].code == "16.71"
    assert gaz.closest("Prabumulh")[0].code == "16.74"


def test_suggestions_put_the_home_province_first(gaz):
    """`Region: … (Gelumbang)` read as an unknown region was told "closest:
    Kabupaten Rembang (33.17), …", before Kecamatan Gelumbang of Muara Enim."""
    assert gaz.closest("Gelumbang", home=HOME)[0].code == "16.03.06"
    assert gaz.closest("Gelumbangg", home=HOME)[0].code == "16.03.06"
    assert gaz.closest("Palembnag", home=HOME)[0].code == "16.71"
    assert gaz.closest("Gelumbang")[0].code == "33.17"  # without a home province: as close


def test_unknown_code_suggests_nearby_codes(gaz):
    assert gaz.resolve("16.75", home=HOME).problem == "unknown"
    near = gaz.closest("16.75")
    assert near
    assert all(u.code.startswith("16.7") for u in near)


def test_undotted_bps_style_code_is_not_accepted(gaz):
    assert gaz.resolve("1672", home=HOME).unit is None


@pytest.mark.parametrize(
    ("value", "suggested"),
    [
        ("1671", ["16.71"]),  # the code without its dots
        ("167108", ["16.71.08"]),
        # other marks between its parts, a part without its leading 0: the
        # Region: line's error said "closest: no close match" for these
        ("16-71", ["16.71"]),
        ("16/71", ["16.71"]),
        ("16 71", ["16.71"]),
        ("16_71", ["16.71"]),
        ("16.7", ["16.07"]),
        ("16.71.8", ["16.71.08"]),
        ("Kabupaten Pagar Alam", ["16.72"]),  # a kota under another level word
        ("Kota Lahat", ["16.04"]),
    ],
)
def test_suggestions_read_a_code_without_dots_and_a_wrong_level_word(gaz, value, suggested):
    """ "Kabupaten Pagar Alam" was told "Kabupaten Agam, Nagan Raya,
    Pangandaran"; "1671" had "no close match"."""
    assert gaz.resolve(value, home=HOME).unit is None
    assert [u.code for u in gaz.closest(value)] == suggested


def test_slugs_from_official_names(gaz):
    assert gaz.path_of("16") == "sumatera-selatan"
    assert gaz.path_of("16.71") == "sumatera-selatan/kota-palembang"
    assert gaz.path_of("16.72") == "sumatera-selatan/kota-pagar-alam"
    assert gaz.path_of("16.71.04") == "sumatera-selatan/kota-palembang/ilir-barat-satu"
    assert gaz.path_of("16.71.15") == "sumatera-selatan/kota-palembang/alang-alang-lebar"
    # an apostrophe joins the word, as it always did: the page keeps its address
    assert gaz.slug_of("12.04.28") == "mau"


def test_sibling_slugs_are_unique(gaz):
    for parent, children in gaz.children.items():
        slugs = [gaz.slug_of(code) for code in children]
        assert len(slugs) == len(set(slugs)), parent
        assert "halaman" not in slugs


# ---- aliases file validation ------------------------------------------------


def problems_for(text: str) -> list[str]:
    units = gazetteer.read_gazetteer_csv(
        "code,level,name,parent\n16,provinsi,Sumatera Selatan,\n"
        "16.01,kabupaten,Kabupaten Ogan Komering Ulu,16\n16.71,kota,Kota Palembang,16\n"
    )
    gaz = gazetteer.Gazetteer(units)
    found = gazetteer.apply_aliases(gaz, textwrap.dedent(text), "data/regions/aliases.yaml")
    return [p.format() for p in found]


def test_aliases_valid_file_has_no_problems_and_applies():
    units = gazetteer.read_gazetteer_csv(
        "code,level,name,parent\n16,provinsi,Sumatera Selatan,\n"
        "16.01,kabupaten,Kabupaten Ogan Komering Ulu,16\n"
    )
    gaz = gazetteer.Gazetteer(units)
    text = '# comment\n"16.01":\n  seat: Baturaja\n  aliases: [OKU]\n'
    assert gazetteer.apply_aliases(gaz, text, "a.yaml") == []
    assert gaz.resolve("baturaja").unit.code == "16.01"


def test_aliases_unknown_code_points_at_line_with_closest():
    found = problems_for(
        """\
        "16.01":
          seat: Baturaja
        "16.7":
          aliases: [PLG]
        """
    )
    assert len(found) == 1
    assert found[0].startswith(
        "data/regions/aliases.yaml:3: unknown region code in aliases: '16.7'"
    )
    assert "closest:" in found[0]


@pytest.mark.parametrize(
    ("code", "first"),
    [
        ("16.7", "Kabupaten Banyuasin (16.07)"),  # a segment without its leading 0
        ("16.71.9", "Kecamatan Kemuning (16.71.09)"),
        ("16,71", "Kota Palembang (16.71)"),  # a comma for the dot
        ("1671", "Kota Palembang (16.71)"),
        ("16.79", "Kota Prabumulih (16.74)"),
    ],
)
def test_an_unknown_code_in_aliases_gets_the_closest_codes(gaz, code, first):
    """'16.7' was "(closest: no close match)": the closest codes are read from
    a code too, not only from a name."""
    found = gazetteer.apply_aliases(gaz, f'"{code}":\n  aliases: [Baru]\n', "a.yaml")
    assert [(p.line, p.message, p.value) for p in found] == [
        (1, "unknown region code in aliases", code)
    ]
    assert found[0].hint.startswith(f"closest: {first}")


def test_aliases_unknown_key_suggests_the_right_one():
    found = problems_for('"16.01":\n  seats: Baturaja\n')
    assert found == [
        "data/regions/aliases.yaml:2: unknown key in aliases entry: 'seats' (did you mean 'seat'?)"
    ]


def test_aliases_value_must_be_names():
    found = problems_for('"16.01":\n  aliases:\n    nested: [OKU]\n')
    assert found == [
        "data/regions/aliases.yaml:2: aliases of 16.01 must be a name or a list of names:"
        " 'nested: [OKU]' (write the names as one list: [OKU, Baturaja])"
    ]


def test_an_alias_that_is_no_name_is_named_at_its_line_and_the_others_apply():
    """`Kota: Prabu` unquoted is a `key: value`: it was "'aliases' must be a
    name or a list of names: '16.74'" at the `aliases:` line, naming the code
    and dropping PBM too."""
    units = gazetteer.read_gazetteer_csv(
        "code,level,name,parent\n16,provinsi,Sumatera Selatan,\n16.74,kota,Kota Prabumulih,16\n"
    )
    gaz = gazetteer.Gazetteer(units)
    text = (
        '"16.74":\n  aliases: [PBM, Kota: Prabu]\n  seat:\n    - Prabu\n    - [Nanas, Kota Nanas]\n'
        '"16":\n  aliases: {Sumsel, Sum-Sel}\n'
    )
    found = gazetteer.apply_aliases(gaz, text, "data/regions/aliases.yaml")
    assert [(p.line, p.message, p.value, p.hint) for p in found] == [
        (
            2,
            "not a name in the aliases of 16.74",
            "Kota: Prabu",
            'a colon and a space start a key: put the name in quotes, "Kota: Prabu"',
        ),
        (
            5,
            "not a name in the seat of 16.74",
            "[Nanas, Kota Nanas]",
            "write the names as one list: [OKU, Baturaja]",
        ),
        (
            7,
            "aliases of 16 must be a name or a list of names",
            "{Sumsel, Sum-Sel}",
            "write them in square brackets: [Sumsel, Sum-Sel]",
        ),
    ]
    assert gaz.aliases["16.74"] == ["PBM", "Prabu"]


def test_aliases_entry_must_be_a_mapping_and_codes_unique():
    found = problems_for('"16.01": Baturaja\n"16.71":\n  seat: Palembang\n"16.71":\n  seat: X\n')
    assert found[0].startswith("data/regions/aliases.yaml:1: entry must be a mapping")
    assert found[1] == (
        "data/regions/aliases.yaml:4: duplicate region code in aliases: '16.71' "
        "(first at line 2; merge the entries)"
    )


def test_aliases_invalid_yaml_points_at_line():
    found = problems_for('"16.01":\n  seat: [Baturaja\n"16.71": x\n')
    assert len(found) == 1
    assert found[0].startswith("data/regions/aliases.yaml:")
    assert "invalid YAML" in found[0]


def test_aliases_top_level_must_be_a_mapping():
    found = problems_for("- 16.01\n")
    assert found[0].startswith("data/regions/aliases.yaml:1: aliases file must be a mapping")


def test_aliases_that_name_another_place_of_the_province_are_refused():
    # "Palembang" is Kota Palembang's core name: as an alias of OKU it would make
    # every "PALEMBANG –" dateline ambiguous. Martapura listed twice: the second
    # entry is told where the first is.
    found = problems_for(
        '"16.01":\n  aliases: [OKU, Palembang, Martapura]\n"16.71":\n  aliases: [PLG, Martapura]\n'
    )
    assert found == [
        "data/regions/aliases.yaml:2: aliases of 16.01 is already a name of Kota Palembang (16.71)"
        " in the gazetteer: 'Palembang' (a dateline or Region: with it would fit both; keep it"
        " for one of them)",
        "data/regions/aliases.yaml:4: aliases of 16.71 is already a name of Kabupaten Ogan"
        " Komering Ulu (16.01) on line 2: 'Martapura' (a dateline or Region: with it would fit"
        " both; keep it for one of them)",
    ]


def test_a_kecamatan_alias_that_is_a_sibling_kecamatan_name_is_refused_at_its_line():
    """Kalidoni given the name of Kecamatan Sako, of the same kota: no context
    could ever tell them apart, so the alias is the error, not every release
    that writes 'Sako'; a kecamatan's name in another kabupaten/kota is left
    to the context, as for every kecamatan name."""
    gaz = gazetteer.Gazetteer(
        gazetteer.read_gazetteer_csv(
            "code,level,name,parent\n16,provinsi,Sumatera Selatan,\n"
            "16.71,kota,Kota Palembang,16\n16.71.08,kecamatan,Sako,16.71\n"
            "16.71.10,kecamatan,Kalidoni,16.71\n16.74,kota,Kota Prabumulih,16\n"
            "16.74.01,kecamatan,Prabumulih Barat,16.74\n"
        )
    )
    text = '"16.71.10":\n  aliases: [Kdoni, Sako, Kecamatan Sako]\n"16.74.01":\n  aliases: [Sako]\n'
    found = gazetteer.apply_aliases(gaz, text, "data/regions/aliases.yaml")
    assert [(p.line, p.value, p.message) for p in found] == [
        (
            2,
            "Sako",
            "aliases of 16.71.10 is already a name of Kecamatan Sako (16.71.08) in the gazetteer",
        ),
        (
            2,
            "Kecamatan Sako",
            "aliases of 16.71.10 is already a name of Kecamatan Sako (16.71.08) in the gazetteer",
        ),
    ]
    assert gaz.resolve("Sako", context=["16.71"]).unit.code == "16.71.08"
    assert gaz.resolve("Kdoni", context=["16.71"]).unit.code == "16.71.10"


def test_a_province_seat_is_its_capital_that_keeps_its_own_name():
    """A province's seat names the kabupaten/kota of its capital: "Palembang"
    stays Kota Palembang's name and is the seat of Sumatera Selatan's office;
    one that names no kabupaten/kota of it is refused at its line."""
    units = gazetteer.read_gazetteer_csv(
        "code,level,name,parent\n16,provinsi,Sumatera Selatan,\n"
        "16.01,kabupaten,Kabupaten Ogan Komering Ulu,16\n16.71,kota,Kota Palembang,16\n"
        "16.71.01,kecamatan,Ilir Barat I,16.71\n"
    )
    gaz = gazetteer.Gazetteer(units)
    text = '"16":\n  seat: Palembang\n"16.01":\n  seat: Baturaja\n'
    assert gazetteer.apply_aliases(gaz, text, "a.yaml") == []
    assert gaz.resolve("Palembang", home="16").unit.code == "16.71"
    assert "Palembang" not in gaz.aliases.get("16", [])
    province, kota, kabupaten = gaz["16"], gaz["16.71"], gaz["16.01"]
    assert gaz.is_seat(kota, province) and gaz.is_seat(kabupaten, kabupaten)
    assert not gaz.is_seat(gaz["16.71.01"], province) and not gaz.is_seat(kabupaten, province)
    assert problems_for('"16":\n  seat: [Palembang, Jakarta]\n') == [
        "data/regions/aliases.yaml:2: seat of 16 names no kabupaten/kota of Sumatera Selatan:"
        " 'Jakarta' (a province's seat is its capital, named as its kota or kabupaten is)"
    ]


def test_an_alias_may_name_a_place_of_another_province():
    units = gazetteer.read_gazetteer_csv(
        "code,level,name,parent\n16,provinsi,Sumatera Selatan,\n"
        "16.08,kabupaten,Kabupaten Ogan Komering Ulu Timur,16\n63,provinsi,Kalimantan Selatan,\n"
        "63.03,kabupaten,Kabupaten Banjar,63\n"
    )
    gaz = gazetteer.Gazetteer(units)
    text = '"16.08":\n  seat: Martapura\n"63.03":\n  seat: Martapura\n'
    assert gazetteer.apply_aliases(gaz, text, "a.yaml") == []
    assert gaz.resolve("Martapura", home="16").unit.code == "16.08"


def test_a_unit_outside_the_context_or_home_gives_way_to_a_later_tier(gaz):
    # Rule 5: a kecamatan inside the context or the home province beats a
    # kabupaten/kota elsewhere that shares its name.
    assert resolved_code(gaz, "Mesuji") == "16.02.04"
    assert resolved_code(gaz, "Mesuji", context=["16.02"]) == "16.02.04"
    assert resolved_code(gaz, "Pendopo", context=["16.11"]) == "16.11.02"
    assert resolved_code(gaz, "Pendopo", context=["16.12"]) == "16.12"  # PALI's town
    assert resolved_code(gaz, "Lubuklinggau", context=["16.05"]) == "16.73"  # no such kecamatan
    # Without a home province the first tier still answers.
    assert gaz.resolve("Mesuji").unit.code == "18.11"


def test_a_final_number_is_a_word_a_roman_numeral_or_a_digit(gaz):
    assert resolved_code(gaz, "Ilir Barat I") == "16.71.04"
    assert resolved_code(gaz, "Kecamatan Ilir Barat 1") == "16.71.04"
    assert gazetteer.numbered_spellings("Ilir Barat Satu") == ["Ilir Barat I", "Ilir Barat 1"]
    assert gazetteer.numbered_spellings("Sako") == []


GOOD_ROWS = [
    "code,level,name,parent",
    "16,provinsi,Sumatera Selatan,",
    "16.71,kota,Kota Palembang,16",
    "16.71.08,kecamatan,Sako,16.71",
]


@pytest.mark.parametrize(
    ("row", "line", "message"),
    [
        ("16.71 ,kota,Kota Palembang,16", 3, "not a Kemendagri code: '16.71 '"),
        ("16.71,kecamatan,Kota Palembang,16", 3, "level does not fit code 16.71"),
        ("16.71,kota,,16", 3, "the name is empty"),
        ("16.71,kota,Kota  Palembang,16", 3, "a name must be words with single spaces"),
        ("16.71,kota,Kota Palembang", 3, "a row must have 4 fields"),
        ("16.71.08,kecamatan,Sako,16.72", 4, "the parent of 16.71.08 must be '16.71': '16.72'"),
        ("16.71,kota,Kota Palembang,16,x", 3, "a row must have 4 fields"),
    ],
)
def test_gazetteer_rows_are_checked_at_their_line(row, line, message):
    rows = list(GOOD_ROWS)
    index = 2 if row.startswith("16.71,") or row.startswith("16.71 ") else 3
    rows[index] = row
    with pytest.raises(gazetteer.GazetteerFileError) as caught:
        gazetteer.read_gazetteer_csv("\n".join(rows) + "\n")
    assert caught.value.line == line
    assert str(caught.value).startswith(message)


def test_gazetteer_duplicate_and_orphan_rows():
    with pytest.raises(gazetteer.GazetteerFileError, match="code already on line 3") as caught:
        gazetteer.read_gazetteer_csv("\n".join([*GOOD_ROWS, "16.71,kota,Kota Lain,16"]) + "\n")
    assert caught.value.line == 5
    with pytest.raises(gazetteer.GazetteerFileError, match="parent is not in the file") as caught:
        gazetteer.read_gazetteer_csv("\n".join([*GOOD_ROWS, "16.72.01,kecamatan,X,16.72"]) + "\n")
    assert caught.value.line == 5


def test_a_broken_gazetteer_row_is_one_problem_at_its_line(tmp_path):
    path = tmp_path / "gazetteer.csv"
    path.write_text("\n".join([*GOOD_ROWS[:2], "16.71 ,kota,Kota Palembang,16"]) + "\n")
    found, problems = configured.load_configured(
        {"REGIONS_GAZETTEER": str(path), "REGIONS_ALIASES": ""}
    )
    assert found is None
    assert [p.format() for p in problems] == [
        f"{path}:3: not a Kemendagri code: '16.71 ' (regenerate the file with `invoke gazetteer`,"
        " or mend the row)"
    ]


@pytest.mark.parametrize(
    ("encoding", "line", "column", "byte"),
    [
        # Excel's "CSV" in Windows-1252: the é of the third row.
        ("cp1252", 4, len("16.71.08,kecamatan,Sako Ray") + 1, "0xE9"),
        # Excel's "Unicode Text": UTF-16 from its first byte, the BOM.
        ("utf-16", 1, 1, "0xFF"),
    ],
)
def test_a_gazetteer_not_in_utf8_is_one_line_at_its_line_and_column(
    tmp_path, encoding, line, column, byte
):
    path = tmp_path / "gazetteer.csv"
    rows = [*GOOD_ROWS[:3], "16.71.08,kecamatan,Sako Rayé,16.71"]
    path.write_bytes(("\n".join(rows) + "\n").encode(encoding))
    found, problems = configured.load_configured(
        {"REGIONS_GAZETTEER": str(path), "REGIONS_ALIASES": ""}
    )
    assert found is None
    assert [(p.path, p.line, p.message, p.value, p.hint) for p in problems] == [
        (
            str(path),
            line,
            f"not UTF-8 text: byte {byte} in column {column}",
            "",
            "save the file as UTF-8",
        )
    ]


def test_a_missing_data_file_is_named_by_its_own_path(tmp_path, monkeypatch):
    """It was 'content/regions: error: aliases file not found: …': a made-up
    path ("regions", which the build put below content/)."""
    csv_path = tmp_path / "gazetteer.csv"
    csv_path.write_text("\n".join(GOOD_ROWS) + "\n", encoding="utf-8")
    missing = tmp_path / "aliases.yaml"
    _, problems = configured.load_configured(
        {"REGIONS_GAZETTEER": str(csv_path), "REGIONS_ALIASES": str(missing)}
    )
    assert [(p.path, p.line, p.message) for p in problems] == [
        (str(missing), None, "aliases file not found")
    ]
    assert "restore it from git" in problems[0].hint
    _, problems = configured.load_configured({"REGIONS_GAZETTEER": str(tmp_path / "g.csv")})
    assert [(p.path, p.message) for p in problems] == [
        (str(tmp_path / "g.csv"), "gazetteer not found")
    ]
    # Inside the project, as the build shows it.
    monkeypatch.setattr(configured, "PROJECT_ROOT", tmp_path)
    _, problems = configured.load_configured(
        {"REGIONS_GAZETTEER": "gazetteer.csv", "REGIONS_ALIASES": "data/regions/aliases.yaml"}
    )
    assert [(p.path, p.message) for p in problems] == [
        ("data/regions/aliases.yaml", "aliases file not found")
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        ("# semua alias dihapus\n", "the file is empty"),
        ("{}\n", "the aliases file has no entries"),
    ],
)
def test_an_emptied_aliases_file_is_one_line_about_the_file(tmp_path, text, message):
    """Not accepted as "no aliases": every release relying on a seat or an
    abbreviation would be an "unknown region" of its own instead. The file
    is unusable (fatal): the plugin resolves no region meanwhile."""
    csv_path = tmp_path / "gazetteer.csv"
    csv_path.write_text("\n".join(GOOD_ROWS) + "\n", encoding="utf-8")
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text(text, encoding="utf-8")
    found, problems = configured.load_configured(
        {"REGIONS_GAZETTEER": str(csv_path), "REGIONS_ALIASES": str(aliases)}
    )
    assert found is None
    assert [(p.path, p.line, p.message, p.fatal) for p in problems] == [
        (str(aliases), 1, message, True)
    ]
    assert "restore it from git" in problems[0].hint


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("code,level,name,parent\n", "the gazetteer has no rows below its header"),
        ("", "the gazetteer is empty"),
    ],
)
def test_a_gazetteer_cut_to_its_header_is_one_line_not_one_per_alias(tmp_path, text, message):
    csv_path = tmp_path / "gazetteer.csv"
    csv_path.write_text(text, encoding="utf-8")
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text('"16":\n  aliases: [Sumsel]\n"16.71":\n  aliases: [PLG]\n')
    found, problems = configured.load_configured(
        {"REGIONS_GAZETTEER": str(csv_path), "REGIONS_ALIASES": str(aliases)}
    )
    assert found is None
    assert [(p.path, p.line, p.message, p.hint) for p in problems] == [
        (str(csv_path), 1, message, gazetteer.RESTORE)
    ]


def test_a_gazetteer_saved_with_a_bom_is_read(tmp_path):
    """Excel's "CSV UTF-8" starts the file with a BOM, which the YAML files accept."""
    path = tmp_path / "gazetteer.csv"
    path.write_bytes(b"\xef\xbb\xbf" + ("\n".join(GOOD_ROWS) + "\n").encode("utf-8"))
    found, problems = configured.load_configured(
        {"REGIONS_GAZETTEER": str(path), "REGIONS_ALIASES": ""}
    )
    assert problems == ()
    assert found["16.71.08"].name == "Sako"
    assert [u.code for u in gazetteer.read_gazetteer_csv("\ufeff" + "\n".join(GOOD_ROWS))] == [
        "16",
        "16.71",
        "16.71.08",
    ]


# ---- charts ----------------------------------------------------------------


def test_month_window_crosses_years():
    assert charts.month_window((2025, 2), 4) == [(2024, 11), (2024, 12), (2025, 1), (2025, 2)]


def test_monthly_chart_scales_bars_to_the_busiest_month():
    chart = charts.monthly_chart({(2024, 11): 4, (2024, 10): 2}, (2024, 12), months=3)
    assert [b.value for b in chart.bars] == [2, 4, 0]
    tallest = chart.bars[1]
    assert tallest.y + tallest.height == pytest.approx(chart.baseline)
    assert chart.bars[0].height == pytest.approx(tallest.height / 2)
    assert chart.bars[2].height == 0
    assert all(b.x >= 0 and b.x + b.width <= chart.width for b in chart.bars)
    assert chart.width == 320
    assert chart.total == 6


def test_bar_chart_fits_320_units():
    chart = charts.bar_chart([("Kota Palembang", 9), ("Kabupaten Lahat", 0), ("Kota X", 3)])
    assert chart.width == 320
    assert [r.value for r in chart.rows] == [9, 0, 3]
    assert max(r.bar_width for r in chart.rows) + 34 <= 320
    assert chart.rows[1].bar_width == 0
    assert chart.height >= chart.rows[-1].bar_y + chart.rows[-1].bar_height


def test_every_bad_gazetteer_row_is_named_in_one_build(tmp_path):
    """One row a build: three bad rows took three builds to find."""
    path = tmp_path / "gazetteer.csv"
    rows = [
        *GOOD_ROWS,
        "16.73,kota",  # short
        "16.71,kota,Kota Lain,16",  # a code twice
        "16.74,kota,Kota Prabumulih,17",  # a wrong parent
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    found, problems = configured.load_configured(
        {"REGIONS_GAZETTEER": str(path), "REGIONS_ALIASES": ""}
    )
    assert found is None
    assert [(p.line, p.message.split(" (")[0]) for p in problems] == [
        (len(GOOD_ROWS) + 1, "a row must have 4 fields"),
        (len(GOOD_ROWS) + 2, "code already on line 3"),
        (len(GOOD_ROWS) + 3, "the parent of 16.74 must be '16'"),
    ]


def test_a_file_spoilt_whole_is_a_screenful_not_a_line_a_row(tmp_path):
    """Saved by a spreadsheet with semicolons, every row is bad: 7,837 lines."""
    path = tmp_path / "gazetteer.csv"
    rows = [GOOD_ROWS[0], *(f"16.{n:02d};kabupaten;Kabupaten X{n};16" for n in range(1, 60))]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    found, problems = configured.load_configured(
        {"REGIONS_GAZETTEER": str(path), "REGIONS_ALIASES": ""}
    )
    assert found is None
    assert len(problems) == configured.MAX_ROWS_SAID + 1
    assert problems[-1].message == f"and {59 - configured.MAX_ROWS_SAID} more bad rows"


@pytest.mark.parametrize(
    ("line", "codes"),
    [
        ("Pendopo (Empat Lawang)", ["16.11.02"]),
        ("PENDOPO (Kabupaten Empat Lawang)", ["16.11.02"]),
        ("Pendopo (PALI)", ["16.12"]),  # the town of PALI, as the dateline reads it
        ("Belitang (OKU Timur)", ["16.08.03"]),
        ("Martapura (Kalsel)", ["63.03"]),
        ("Sako (16.71)", ["16.71.08"]),
        ("Lahat, Pendopo (Empat Lawang)", ["16.04", "16.11.02"]),
        ("Palembang (Sumsel)", ["16.71"]),
        ("Misool (Misool Utara)", ["96.03.01"]),  # a kecamatan named so in the gazetteer
        # Written the other way round: a region, then a unit inside it.
        ("Kabupaten Muara Enim (Gelumbang)", ["16.03.06"]),
        ("Muara Enim (Gelumbang)", ["16.03.06"]),
        ("Kota Palembang (Sako)", ["16.71.08"]),
        ("Empat Lawang (Pendopo)", ["16.11.02"]),
        ("Sumatera Selatan (Lahat)", ["16.04"]),
    ],
)
def test_a_region_in_parentheses_narrows_a_region_value(gaz, line, codes):
    """`Region: Pendopo (Empat Lawang)` was an unknown region (closest: the
    kabupaten), though the dateline `PENDOPO (Empat Lawang) –` is the kecamatan."""
    read = gaz.resolve_together(gazetteer.region_values(line), HOME)
    assert [r.unit.code if r.unit else r.problem for r in read.values()] == codes


@pytest.mark.parametrize(
    ("value", "problem", "written", "candidates"),
    [
        ("Lahat (Empat Lawang)", "outside", "Lahat (Empat Lawang)", ["16.04"]),
        ("Bima (NTB)", "ambiguous", "Bima (NTB)", ["52.06", "52.72"]),
        ("Pendopo (Empat Lawing)", "unknown", "Empat Lawing", []),
        ("Sukamajuu (Lahat)", "unknown", "Sukamajuu", []),
        # the other way round, a kecamatan not of the region before it
        ("Lahat (Gelumbang)", "outside", "Lahat (Gelumbang)", ["16.03.06"]),
        ("PALI (Pendopo)", "ambiguous", "Pendopo", ["16.12", "16.11.02"]),
    ],
)
def test_a_region_in_parentheses_that_does_not_hold_the_name_is_a_problem(
    gaz, value, problem, written, candidates
):
    (found,) = gaz.resolve_together([value], HOME).values()
    assert found.unit is None
    assert (found.problem, found.value) == (problem, written)
    assert [u.code for u in found.candidates] == candidates


# ---- an alias that is also a kecamatan's name elsewhere ---------------------


def test_an_alias_that_names_a_kecamatan_elsewhere_is_ambiguous(gaz):
    """aliases.yaml gives PALI its town "Pendopo", and Kecamatan Pendopo
    (16.11.02) is in Empat Lawang: `Region: Pendopo` was PALI, silently."""
    both = ["16.12", "16.11.02"]
    alone = gaz.resolve("Pendopo", home=HOME)
    assert (alone.unit, alone.problem, [u.code for u in alone.candidates]) == (
        None,
        "ambiguous",
        both,
    )
    # Whatever the tiers asked for (an office's name, a dateline's town).
    office = gaz.resolve("Pendopo", home=HOME, tiers=("official", "alias"))
    assert [u.code for u in office.candidates] == both
    # A context that holds one of them narrows it; one that holds neither does not.
    assert resolved_code(gaz, "Pendopo", context=["16.11"]) == "16.11.02"
    assert resolved_code(gaz, "Pendopo", context=["16.12"]) == "16.12"
    for context in (["16.71"], ["16"]):
        found = gaz.resolve("Pendopo", context=context, home=HOME)
        assert [u.code for u in found.candidates] == both, context
    # As the values of one Region: line read each other.
    read = {
        line: [r.unit.code if r.unit else r.problem for r in found.values()]
        for line in ("Pendopo", "Empat Lawang, Pendopo", "PALI, Pendopo", "Palembang, Pendopo")
        for found in [gaz.resolve_together(gazetteer.region_values(line), HOME)]
    }
    assert read == {
        "Pendopo": ["ambiguous"],
        "Empat Lawang, Pendopo": ["16.11", "16.11.02"],
        "PALI, Pendopo": ["16.12", "16.12"],
        "Palembang, Pendopo": ["16.71", "ambiguous"],
    }
    # A tag or an option naming it names no one region.
    assert gaz.region_named("Pendopo", HOME) is None
    # Its other names stay PALI's, and the kecamatan's other spellings its own.
    assert resolved_code(gaz, "Talang Ubi") == "16.12"
    assert resolved_code(gaz, "Kecamatan Pendopo") == "16.11.02"
    assert resolved_code(gaz, "Pendopo Barat") == "16.11.10"


def test_every_alias_of_the_shipped_data_that_names_a_kecamatan_elsewhere_is_ambiguous(gaz):
    """The rule holds for every such clash of aliases.yaml, not for Pendopo
    alone; today Pendopo is the only one in Sumatera Selatan."""
    clashes = []
    for code, aliases in gaz.aliases.items():
        if gaz.province_of(code) != HOME:
            continue
        for alias in aliases:
            key = gazetteer.key_of(alias)
            elsewhere = [
                k
                for k in gaz.index[TIER_KECAMATAN].get(key, ())
                if gaz.province_of(k) == HOME and not gaz.is_within(k, code)
            ]
            if elsewhere:
                clashes.append(alias)
                found = gaz.resolve(alias, home=HOME)
                assert found.problem == "ambiguous", alias
                assert {u.code for u in found.candidates} == {code, *elsewhere}
    assert clashes == ["Pendopo"]


SMALL = (
    "code,level,name,parent\n16,provinsi,Sumatera Selatan,\n"
    "16.04,kabupaten,Kabupaten Lahat,16\n16.04.10,kecamatan,Lahat,16.04\n"
    "16.11,kabupaten,Kabupaten Empat Lawang,16\n16.11.02,kecamatan,Pendopo,16.11\n"
    "16.11.04,kecamatan,Tebing Tinggi,16.11\n16.11.20,kecamatan,Sukamaju,16.11\n"
    "16.12,kabupaten,Kabupaten Penukal Abab Lematang Ilir,16\n"
    "16.12.01,kecamatan,Talang Ubi,16.12\n"
)


def test_an_alias_naming_a_kecamatan_elsewhere_is_allowed_and_ambiguous():
    """Such an alias is how the offices write (aliases.yaml documents it):
    no problem, and the name alone fits both; a name of a kabupaten/kota
    stays an error."""
    gaz = gazetteer.Gazetteer(gazetteer.read_gazetteer_csv(SMALL))
    text = (
        '"16.04":\n  seat: Lahat\n  aliases: [Sukamaju]\n"16.11":\n  seat: Tebing Tinggi\n'
        '"16.12":\n  seat: Talang Ubi\n  aliases: [PALI, Pendopo, Empat Lawang]\n'
    )
    found = gazetteer.apply_aliases(gaz, text, "data/regions/aliases.yaml")
    assert [(p.line, p.value) for p in found] == [(8, "Empat Lawang")]
    for alias, code, kecamatan in (
        ("Sukamaju", "16.04", "16.11.20"),
        ("Pendopo", "16.12", "16.11.02"),
    ):
        read = gaz.resolve(alias, home="16")
        assert (read.problem, [u.code for u in read.candidates]) == ("ambiguous", [code, kecamatan])
    # A seat that is a kecamatan inside its own unit is that unit's.
    assert gaz.resolve("Tebing Tinggi", home="16").unit.code == "16.11"
    assert gaz.resolve("Lahat", home="16").unit.code == "16.04"
    # Without a home province or a context the tiers decide, as for every name.
    assert gaz.resolve("Pendopo").unit.code == "16.12"


@pytest.mark.parametrize(
    ("code", "spelling"),
    [
        ("16.12", "Kabupaten Penukal Abab Lematang Ilir"),
        ("16.11.02", "Pendopo (Empat Lawang)"),
        ("52.06", "Kabupaten Bima"),
        ("16", "Sumatera Selatan"),
        ("16.71.08", "Sako (Palembang)"),
    ],
)
def test_the_spelling_of_a_region_reads_back_as_it(gaz, code, spelling):
    assert gaz.spelling_of(gaz[code], HOME) == spelling
    (found,) = gaz.resolve_together([spelling], HOME).values()
    assert found.unit.code == code
