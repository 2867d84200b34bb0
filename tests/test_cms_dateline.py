"""The newsroom CMS reads a release's dateline as the build reads it.

The preview's check was a regular expression of its own: it warned "no
dateline" on forms the build reads (`PALEMBANG-`, `LAHAT:`, `SEKAYU—`, `--`,
`‒`, a news agency or a date in the head) and said "the site infers the
region from the dateline" on heads the build cannot read (`PALEMBNG –`,
`Catatan - …`). Now warta-cms.js reads the head with the build's own
separators, patterns and word lists (config.json `warta.dateline`,
plugins/cms/config.py `dateline_forms`) and looks the place up in the region
spellings config.json carries. Here the built /admin/ page reads each lead in
Chromium (window.WARTA_CMS.readDateline, checks) and the build's reader
(warta/regions/dateline.py) reads the same Markdown as Python-Markdown renders
it for the site.
"""

from __future__ import annotations

import re

import markdown
import pytest
from test_cms_yaml import admin

from conftest import REPO
from pelicanconf import MARKDOWN, REGIONS_HOME_PROVINCE
from plugins.cms.config import dateline_forms, js_pattern
from warta.new_article import region_value
from warta.regions import dateline
from warta.regions.gazetteer import load as load_gazetteer

__all__ = ["admin"]  # the fixture: the built /admin/ page in Chromium

pytestmark = pytest.mark.browser

HOME = REGIONS_HOME_PROVINCE  # the fixture site's
REST = "Bawaslu menggelar rapat koordinasi pengawasan tahapan pemilihan."

# The forms of the writers' guide, releases.md and dateline.py's docstring:
# datelines whose place gives the region.
READ = [
    # the separators
    f"PALEMBANG- {REST}",
    f"PALEMBANG – {REST}",
    f"PALEMBANG — {REST}",
    f"PALEMBANG - {REST}",
    f"PALEMBANG -- {REST}",
    f"PALEMBANG--{REST}",
    f"PALEMBANG ‒ {REST}",
    f"PALEMBANG − {REST}",
    f"PALEMBANG-{REST}",
    f"SEKAYU—{REST}",
    f"LAHAT: {REST}",
    f"BATURAJA: {REST}",
    f"LAHAT： {REST}",
    f"LUBUK LINGGAU | {REST}",
    f"Palembang,- {REST}",
    f"Palembang ‒ {REST}",
    f"**PALEMBANG** – {REST}",
    f"*Lahat* - {REST}",
    # codes, agencies, dates and regions in the head
    f"Palembang, BWSPLG — {REST}",
    f"PAGARALAM, SP - {REST}",
    f"Palembang (ANTARA) - {REST}",
    f"BATURAJA/ANTARA - {REST}",
    f"LAHAT/ANTARA – {REST}",
    f"PALEMBANG/SUMSELUPDATE.COM – {REST}",
    f"SRIPOKU.COM, PALEMBANG-- {REST}",
    f"REL, Pagaralam - {REST}",
    f"Martapura (OKU Timur) - {REST}",
    f"Martapura (Kalsel) - {REST}",
    f"PENDOPO, Empat Lawang – {REST}",
    f"MESUJI (OKI) – {REST}",
    f"Mesuji, Lampung – {REST}",
    f"Kab. Muara Enim – {REST}",
    f"Palembang, 12 November 2024 – {REST}",
    f"Palembang (27/11/2024) - {REST}",
    f"PALEMBANG - Kamis (14/11/2024) - {REST}",
    f"Indralaya – Senin–Rabu (2–4/11/2026) – {REST}",
    f"PRABUMULIH –\n\n{REST}",
    f"SUM-SEL – {REST}",
    f"OKU-Timur – {REST}",
    f"Palembang, Bawaslu Sumsel – {REST}",
    f"Kota Baru – {REST}",
    f"Ilir Barat I – {REST}",
    # a photo or a subheading above the lead
    f"![Rapat koordinasi](images/2026/rapat.jpg)\n\nLAHAT – {REST}",
    f"## Rapat Koordinasi\n\nLAHAT – {REST}",
    "SEKAYU – jajaran pengawas pemilu menggelar rapat koordinasi.",
    "Muara Enim: rapat koordinasi pengawasan digelar di aula kantor.",
]
# A place several units share; heads that name no place the gazetteer knows.
SHARED = [f"PENDOPO – {REST}"]
UNKNOWN = [
    f"PALEMBNG – {REST}",
    "PALEMBNG – pengawas pemilu menggelar rapat koordinasi.",
    f"LUBUKLINGAU – {REST}",
    f"SUKAMAJU – {REST}",
    f"SRIPOKU.COM – {REST}",
    f"Gumawang, Senin (11/11/2024) – {REST}",
]
# No dateline.
NONE = [
    "Catatan - ini bukan dateline.",
    "Catatan: ini bukan dateline.",
    "Waktu: pukul 09.00 WIB di aula kantor.",
    "Ketua Bawaslu Sumsel – Bapak Andi – membuka rapat koordinasi.",
    "Rudi Hartono, SH, MH – Ketua Bawaslu – membuka rapat koordinasi.",
    "Rapat digelar pukul 09.00 - 12.00 WIB di aula kantor.",
    "Palembang – kota terbesar di Sumatera Selatan – menjadi tuan rumah rapat.",
    "Kabupaten Muara Enim – salah satu daerah rawan – menjadi tuan rumah rapat.",
    "Bawaslu OKU Timur, Senin (9/11) – rapat koordinasi digelar di aula.",
    "Kamis (14/11) - Sabtu (16/11) rapat koordinasi digelar di aula.",
    "Bawaslu menggelar rapat koordinasi pengawasan tahapan pemilihan.",
]
LEADS = READ + SHARED + UNKNOWN + NONE


@pytest.fixture(scope="module")
def gazetteer():
    found, _problems = load_gazetteer(
        REPO / "data/regions/gazetteer.csv", REPO / "data/regions/aliases.yaml"
    )
    return found


def built_reading(gazetteer, body: str) -> dict:
    """The dateline of `body` as the build reads it: the head (`dateline_head`
    of the lead `first_paragraph` finds in the page Python-Markdown renders),
    the region of its place (`read_dateline`, without the lead's offices) and
    the regions a place several share could be."""
    configs = MARKDOWN["extension_configs"]
    html = markdown.markdown(body, extensions=list(configs), extension_configs=configs)
    is_place = dateline.place_reader(gazetteer, HOME)
    paragraph = dateline.first_paragraph(html, is_place)
    head = dateline.dateline_head(paragraph, is_place)
    found, ambiguity = dateline.read_dateline(gazetteer, paragraph, HOME)
    return {
        "head": head.text if head else None,
        "region": region_value(found.unit) if found else None,
        "ambiguous": sorted(region_value(u) for u in ambiguity.candidates) if ambiguity else None,
    }


def cms_readings(admin, bodies: list[str]) -> list[dict]:
    page, warta = admin
    return page.evaluate(
        """([bodies, warta]) => bodies.map((body) => {
          const found = window.WARTA_CMS.readDateline(body, warta);
          return {
            head: found.head,
            region: found.region,
            ambiguous: found.ambiguous && [...found.ambiguous].sort(),
            closest: found.closest,
          };
        })""",
        [bodies, warta],
    )


def test_the_cms_reads_every_dateline_as_the_build_reads_it(admin, gazetteer):
    read = cms_readings(admin, LEADS)
    differ = {
        body: (cms, built)
        for body, cms in zip(LEADS, read, strict=True)
        if {k: cms[k] for k in ("head", "region", "ambiguous")}
        != (built := built_reading(gazetteer, body))
    }
    assert differ == {}
    # (the lists say what they hold)
    assert all(r["region"] for r in read[: len(READ)])
    assert all(r["ambiguous"] for r in read[len(READ) : len(READ) + len(SHARED)])
    assert not any(r["region"] or r["ambiguous"] for r in read[len(READ) + len(SHARED) :])


def cms_checks(admin, body: str, region: list[str] | None = None) -> list[list[str]]:
    """[level, message] of the preview's checks for a release with `body`."""
    page, warta = admin
    return page.evaluate(
        """([body, region, warta]) => {
          const values = {
            title: 'Rapat Koordinasi Pengawasan Tahapan Pemilihan di Kantor Bawaslu',
            summary: 'Bawaslu menggelar rapat koordinasi pengawasan tahapan pemilihan di aula.',
            body: body,
            region: region,
          };
          const entry = {getIn: (path) => values[path[1]]};
          return window.WARTA_CMS.checks(entry, {...warta, tag_groups: {}});
        }""",
        [body, region or [], warta],
    )


def dateline_checks(problems: list[list[str]]) -> list[list[str]]:
    return [p for p in problems if "dateline" in p[1]]


@pytest.mark.parametrize("body", READ)
def test_a_dateline_the_build_reads_gets_no_warning(admin, body):
    """`PALEMBANG-` (the example release's form), `LAHAT:`, `SEKAYU—`, `--`,
    `‒`: each gets only the suggestion to choose Wilayah, naming the region
    the dateline gives; with Wilayah chosen, nothing."""
    problems = dateline_checks(cms_checks(admin, body))
    assert [level for level, _message in problems] == ["saran"], problems
    assert dateline_checks(cms_checks(admin, body, ["Kota Palembang"])) == []


@pytest.mark.parametrize(
    ("body", "closest"),
    [
        (f"PALEMBNG – {REST}", "Kota Palembang"),
        ("PALEMBNG – pengawas pemilu menggelar rapat koordinasi.", "Kota Palembang"),
        (f"LUBUKLINGAU – {REST}", "Kota Lubuk Linggau"),
        (f"SRIPOKU.COM, BATURAJAA – {REST}", "Kabupaten Ogan Komering Ulu"),
    ],
)
def test_a_misspelt_place_is_no_known_place_and_gets_the_closest(admin, body, closest):
    """The editor said "the site infers the region from the dateline"; the
    build gives no region and a warning."""
    problems = dateline_checks(cms_checks(admin, body))
    assert problems and problems[0][0] == "peringatan", problems
    assert closest in problems[0][1]
    assert "Pilih Wilayah" in problems[0][1]


def test_a_head_the_build_reads_as_no_dateline_is_said_to_be_none(admin):
    problems = dateline_checks(cms_checks(admin, "Catatan - ini bukan dateline, tetapi catatan."))
    assert [level for level, _message in problems] == ["peringatan", "saran"]


def test_a_place_several_regions_share_is_not_said_to_give_one(admin):
    problems = dateline_checks(cms_checks(admin, f"PENDOPO – {REST}"))
    assert problems[0][0] == "peringatan"
    assert "Kabupaten Penukal Abab Lematang Ilir" in problems[0][1]


def test_every_pattern_of_the_reader_is_exported_as_javascript_reads_it():
    forms = dateline_forms(HOME)
    patterns = [value for value in forms.values() if isinstance(value, dict)]
    assert patterns and all("(?P<" not in p["source"] for p in patterns)
    assert forms["colons"] == dateline.COLONS
    with pytest.raises(ValueError):
        js_pattern(re.compile(r"(?i:kota)\s+"))
