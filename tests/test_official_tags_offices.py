"""official_tags: a registered name is linked only when the office the release
names beside it fits the registry on the article's date (issue 15, item 6).

The pure module (warta/tags/offices.py) is tested with the shipped
gazetteer and aliases; the plugin on fixture sites: an article page's links to
/pejabat/, /feed.json's `_warta.officials`, and the suggestion lines."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path

import pytest

from conftest import FINDING_LINE, FixtureSite, article_text, line_of, run_check
from warta.regions.gazetteer import load
from warta.tags.detection import PhraseMatcher
from warta.tags.offices import (
    NATIONAL,
    OTHER,
    UNNAMED,
    UNREADABLE,
    HeldOffice,
    RegionReader,
    Verdict,
    held_office,
    judge,
    stated_offices,
)
from warta.tags.officials import Official, Position, Registry
from warta.tags.scan import find

REPO = Path(__file__).resolve().parents[1]


# ---- the pure module ----


@pytest.fixture(scope="module")
def reader() -> RegionReader:
    gazetteer, problems = load(
        REPO / "data" / "regions" / "gazetteer.csv", REPO / "data" / "regions" / "aliases.yaml"
    )
    assert gazetteer is not None and not problems
    return RegionReader(gazetteer, "16")


NAMES = PhraseMatcher(
    [("Joko Susilo", "joko-susilo"), ("Dewi Sari", "dewi-sari")],
    enclitic=False,
    case_sensitive=True,
)


def offices_in(text: str, reader: RegionReader, context=()) -> list[tuple]:
    return [
        (s.slug, s.role, s.institution, s.region, s.text)
        for s in stated_offices(text, list(NAMES.finditer(text)), reader, context)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ketua Bawaslu Kabupaten Musi Rawas, Joko Susilo, membuka acara.",
            ("ketua", "Bawaslu", "16.05", "Ketua Bawaslu Kabupaten Musi Rawas"),
        ),
        (  # no comma before the name; the city as people write it
            "Anggota Bawaslu Kota Lubuklinggau Joko Susilo hadir.",
            ("anggota", "Bawaslu", "16.73", "Anggota Bawaslu Kota Lubuklinggau"),
        ),
        (  # a division, an alias of two words, titles before the name
            "Koordinator Divisi Hukum dan Penyelesaian Sengketa Bawaslu OKU Timur, "
            "Dr. H. Joko Susilo, menjelaskan.",
            (
                "anggota",
                "Bawaslu",
                "16.08",
                "Koordinator Divisi Hukum dan Penyelesaian Sengketa Bawaslu OKU Timur",
            ),
        ),
        (
            "Kordiv PPDatin Bawaslu Mura, Joko Susilo, menjelaskan.",
            ("anggota", "Bawaslu", "16.05", "Kordiv PPDatin Bawaslu Mura"),
        ),
        (
            "Ketua Bawaslu Provinsi Sumsel, Joko Susilo, menjelaskan.",
            ("ketua", "Bawaslu", "16", "Ketua Bawaslu Provinsi Sumsel"),
        ),
        (
            "Ketua Panwaslu Kecamatan Kalidoni, Joko Susilo, menjelaskan.",
            ("ketua", "Panwaslu Kecamatan", "16.71.10", "Ketua Panwaslu Kecamatan Kalidoni"),
        ),
        (  # the name first, the position after it
            "“Kami siap,” kata Joko Susilo, Ketua Bawaslu Kabupaten Lahat.",
            ("ketua", "Bawaslu", "16.04", "Ketua Bawaslu Kabupaten Lahat"),
        ),
        (
            "Joko Susilo, S.H., M.H., selaku Ketua Bawaslu OKU, menjelaskan.",
            ("ketua", "Bawaslu", "16.01", "Ketua Bawaslu OKU"),
        ),
        (
            "Joko Susilo (Anggota Bawaslu Kota Palembang) menjelaskan.",
            ("anggota", "Bawaslu", "16.71", "Anggota Bawaslu Kota Palembang"),
        ),
        (
            "kata ketua Bawaslu PALI Joko Susilo.",
            ("ketua", "Bawaslu", "16.12", "ketua Bawaslu PALI"),
        ),
        (
            "Plt. Ketua Bawaslu Kota Pagaralam, Joko Susilo, menjelaskan.",
            ("ketua", "Bawaslu", "16.72", "Plt. Ketua Bawaslu Kota Pagaralam"),
        ),
        (
            "Anggota Bawaslu RI, Joko Susilo, menjelaskan.",
            ("anggota", "Bawaslu", NATIONAL, "Anggota Bawaslu RI"),
        ),
        (  # no region: the article's own region stands in when judging
            "Ketua Bawaslu, Joko Susilo, menjelaskan.",
            ("ketua", "Bawaslu", UNNAMED, "Ketua Bawaslu"),
        ),
        (  # a place the gazetteer does not know: nothing to judge on
            "Ketua Bawaslu Kabupaten Pangkalan Baley, Joko Susilo, menjelaskan.",
            ("ketua", "Bawaslu", UNREADABLE, "Ketua Bawaslu Kabupaten Pangkalan Baley"),
        ),
    ],
)
def test_offices_are_read_in_every_phrasing(reader, text, expected):
    assert offices_in(text, reader, ("16.71",)) == [("joko-susilo", *expected)]


def test_a_phrase_introduces_the_name_after_it_and_only_one_name(reader):
    text = (
        "Hadir Ketua Bawaslu Sumsel, Joko Susilo, Anggota Bawaslu Sumsel, Dewi Sari, dan lainnya."
    )
    assert [(slug, role) for slug, role, *_ in offices_in(text, reader)] == [
        ("joko-susilo", "ketua"),
        ("dewi-sari", "anggota"),
    ]


def test_between_two_names_a_phrase_is_read_as_the_list_is_written(reader):
    # The name first, its position after it, for each person in turn.
    text = "Hadir Joko Susilo, Ketua Bawaslu Lahat, Dewi Sari, Anggota Bawaslu Sumsel, dan staf."
    assert [(slug, region) for slug, _r, _i, region, _t in offices_in(text, reader)] == [
        ("joko-susilo", "16.04"),
        ("dewi-sari", "16"),
    ]
    # The position is someone else's, named without a comma after it.
    text = "Rapat dihadiri Joko Susilo, Ketua Bawaslu Kota Palembang Budi Santoso, dan staf."
    assert offices_in(text, reader) == []
    # Someone outside the registry introduced first: the next phrase is Dewi's.
    text = "Hadir Ketua Bawaslu Lahat, Budi Santoso, Anggota Bawaslu Sumsel, Dewi Sari."
    assert [(slug, region) for slug, _r, _i, region, _t in offices_in(text, reader)] == [
        ("dewi-sari", "16"),
    ]
    # Capitalised words before a comma that are not a name.
    text = "Di Kecamatan Kalidoni, Ketua Panwaslu Kecamatan Kalidoni, Joko Susilo, melapor."
    assert [region for _s, _r, _i, region, _t in offices_in(text, reader)] == ["16.71.10"]
    # An abbreviation in brackets after the office.
    text = "Ketua Bawaslu Kabupaten Musi Rawas (Mura), Joko Susilo, membuka acara."
    assert [region for _s, _r, _i, region, _t in offices_in(text, reader)] == ["16.05"]


def test_no_office_where_the_text_gives_none(reader):
    for text in (
        "Joko Susilo hadir dalam rapat.",
        # The chair of a committee, not of Bawaslu; an office named as a place.
        "Ketua panitia, Budi, mengatakan bahwa Bawaslu Kota Palembang, Joko Susilo hadir.",
        # A new sentence after the name.
        "Kata Joko Susilo. Anggota Bawaslu Lahat menambahkan.",
    ):
        assert offices_in(text, reader) == [], text


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Salah seorang warga, Joko Susilo (45), mengaku sudah didata.", "warga"),
        ("Kepala Desa Lubuk Atung, Joko Susilo, berjanji membantu.", "Kepala Desa Lubuk Atung"),
        ("Joko Susilo, petugas PPS setempat, mengatakan coklit selesai.", "petugas PPS"),
        ("Joko Susilo (52) mengaku belum didatangi petugas.", "(52)"),
        ("Hadir Kapolsek Merapi AKP Joko Susilo dan Danramil.", "Kapolsek Merapi AKP"),
        ("Joko Susilo, S.H., selaku Camat Merapi Barat, membuka acara.", "Camat"),
        ("Lurah Kalidoni Joko Susilo menyambut peserta.", "Lurah Kalidoni"),
        ("Joko Susilo, Ketua KPPS 05, menjelaskan.", "Ketua KPPS"),
        ("Joko Susilo, warga Desa Lubuk Atung, mengaku.", "warga"),
        ("Joko Susilo, petugas PPDP di Desa Lubuk Atung.", "petugas PPDP"),
    ],
)
def test_a_role_of_another_kind_beside_a_name_is_read(reader, text, role):
    assert offices_in(text, reader) == [("joko-susilo", None, OTHER, UNREADABLE, role)]


def test_no_role_of_another_kind_where_the_text_gives_none(reader):
    for text in (
        "“Kami siap,” kata Joko Susilo, Selasa (12/3).",
        "Rapat dihadiri para kepala desa dan Joko Susilo.",
        "Warga mendengarkan. Joko Susilo lalu menjelaskan.",
        # The people spoken to, or about, beside a name: not the name's role.
        "Menurut Joko Susilo, warga yang belum terdata dapat melapor.",
        "Kepada warga, Joko Susilo mengimbau agar datang ke TPS.",
        "Sosialisasi bagi warga Kecamatan Merapi Barat. Joko Susilo menjelaskan.",
    ):
        assert offices_in(text, reader) == [], text
    # The office of election supervision beside the name wins.
    text = "Ketua Bawaslu Lahat, Joko Susilo (45), menyapa warga."
    assert [institution for _s, _r, institution, _g, _t in offices_in(text, reader)] == ["Bawaslu"]


def test_judge_compares_with_the_positions_on_the_date(reader):
    (stated,) = stated_offices(
        "Anggota Bawaslu Kabupaten Musi Rawas, Joko Susilo, hadir.",
        list(NAMES.finditer("Anggota Bawaslu Kabupaten Musi Rawas, Joko Susilo, hadir.")),
        reader,
    )
    oku = held_office("Ketua", "Bawaslu", "16.01", "Bawaslu Kabupaten Ogan Komering Ulu", reader)
    mura = held_office("Ketua", "Bawaslu", "16.05", "Bawaslu Kabupaten Musi Rawas", reader)
    assert judge(stated, [oku], [oku], ["16.05"]).linked is False
    assert judge(stated, [oku], [oku], ["16.05"]).kind == "office"
    # The chair is a member: "Anggota" fits a registered "Ketua" of that office.
    assert judge(stated, [mura], [oku, mura], ["16.05"]).kind is None
    # No position on the date: any registered position of that office will do.
    assert judge(stated, [], [oku, mura], ["16.05"]).linked is True
    # An office name in the registry instead of a region code.
    by_name = held_office("Ketua", "Bawaslu", None, "Bawaslu Mura", reader)
    assert by_name == HeldOffice("ketua", "Bawaslu", "16.05")
    text = "Ketua Bawaslu Kabupaten Musi Rawas, Joko Susilo, hadir."
    (chair,) = stated_offices(text, list(NAMES.finditer(text)), reader)
    member = held_office("Anggota", "Bawaslu", "16.05", "Bawaslu Kabupaten Musi Rawas", reader)
    assert judge(chair, [member], [member], ["16.05"]) == judge(chair, [member], [], [])
    assert judge(chair, [member], [member], ["16.05"]).kind == "role"
    # The position itself, named before the first term began: linked, said.
    chair_held = held_office("Ketua", "Bawaslu", "16.05", "Bawaslu Kabupaten Musi Rawas", reader)
    assert judge(chair, [], [chair_held], ["16.05"], before_first_term=True) == Verdict(
        True, "dates"
    )
    assert judge(chair, [chair_held], [chair_held], ["16.05"]) == Verdict(True)
    # ... and after the term ended, unless the text names a former official.
    assert judge(chair, [], [chair_held], ["16.05"]) == Verdict(True, "dates")
    for former in ("Mantan Ketua", "Hadir pula eks Ketua", "Hadir pula bekas Ketua"):
        text = f"{former} Bawaslu Kabupaten Musi Rawas, Joko Susilo, memberi sambutan."
        (said,) = stated_offices(text, list(NAMES.finditer(text)), reader)
        assert said.former, former
        assert judge(said, [], [chair_held], ["16.05"]) == Verdict(True)
        assert judge(said, [], [chair_held], ["16.05"], before_first_term=True).kind == "dates"
    text = "Joko Susilo, yang menjabat Ketua Bawaslu Kabupaten Musi Rawas sejak 2023, mundur."
    (said,) = stated_offices(text, list(NAMES.finditer(text)), reader)
    assert judge(said, [], [chair_held], ["16.05"]) == Verdict(True)


def test_an_office_without_a_region_is_the_articles_own(reader):
    text = "Ketua Bawaslu, Joko Susilo, hadir."
    (stated,) = stated_offices(text, list(NAMES.finditer(text)), reader)
    oku = held_office("Ketua", "Bawaslu", "16.01", "", reader)
    province = held_office("Ketua", "Bawaslu", "16", "", reader)
    assert judge(stated, [oku], [oku], ["16.01"]).linked is True
    assert judge(stated, [oku], [oku], ["16.05"]).linked is False
    # A province's chair in a kabupaten's release.
    assert judge(stated, [province], [province], ["16.05"]).linked is True


@pytest.mark.parametrize(
    ("sentence", "discovered"),
    [
        # Romi Kurniawan chairs Bawaslu OKU Selatan, never the province's office.
        (
            "Ketua Bawaslu Sumsel, Kurniawan, S.H., M.H., mengatakan sinergi diperlukan.",
            [("Kurniawan", "Ketua Bawaslu Sumsel")],
        ),
        (
            "Anggota Panwaslu Kecamatan Kalidoni, Romi, hadir.",
            [("Romi", "Anggota Panwaslu Kecamatan Kalidoni")],
        ),
        # His office, in any role or spelling: he is named short.
        ("Ketua Bawaslu OKU Selatan, Kurniawan, mengatakan.", []),
        ("Anggota Bawaslu Kabupaten Ogan Komering Ulu Selatan, Romi, mengatakan.", []),
        # An office without a region is the article's own (none here): his, too.
        ("Ketua Bawaslu, Kurniawan, mengatakan.", []),
    ],
)
def test_a_short_name_is_an_official_only_where_the_office_named_is_theirs(
    reader, sentence, discovered
):
    registry = Registry(
        [
            Official(
                "Romi Kurniawan",
                "romi-kurniawan",
                positions=[
                    Position(
                        "Ketua",
                        "Bawaslu",
                        "16.09",
                        "Bawaslu OKU Selatan",
                        dt.date(2023, 8, 20),
                        None,
                    )
                ],
            )
        ]
    )
    found = find(
        "Rapat Koordinasi",
        f"<p>{sentence}</p>",
        tag_matcher=None,
        registry=registry,
        min_mentions=2,
        with_tags=False,
        regions=reader,
    )
    assert list(found.discovered) == discovered


# ---- built sites ----

TODAY = "2025-01-15"
OFFICIALS = """\
- name: Sri Wahyuni Lubis
  slug: sri-wahyuni-lubis
  positions:
    - position: Ketua
      institution: Bawaslu
      region: "16.01"
      start: 2023-08-20
- name: Nurhasanah Siregar
  slug: nurhasanah-siregar
  positions:
    - position: Ketua
      institution: Bawaslu
      region: "16.71"
      start: 2023-08-20
      end: 2024-06-30
    - position: Anggota
      institution: Bawaslu
      region: "16"
      start: 2024-07-01
- name: Ahmad Fauzi Rahman
  slug: ahmad-fauzi-rahman
  positions:
    - position: Ketua
      institution: Bawaslu
      region: "16.04"
      start: 2023-08-20
      end: 2025-01-31
"""
ALIASES = """\
"16":
  aliases: [Sumsel]
"16.01":
  seat: Baturaja
  aliases: [OKU]
"16.05":
  seat: Muara Beliti
"""
MURA_ALIAS = "  aliases: [Mura]\n"

LINE_RE = re.compile(
    r"^(?:(?P<level1>error|warning|suggestion): )?(?P<path>\S+?\.md):(?P<line>\d+): "
    r"(?:(?P<level2>error|warning|suggestion): )?(?P<message>.*)$"
)


def suggestions(built) -> list[tuple[str, int, str]]:
    """(path below content/, line, message) of each suggestion about an article."""
    found = []
    for raw in built.log.splitlines():
        match = LINE_RE.match(raw.strip())
        if match and "suggestion" in (match["level1"], match["level2"]):
            path = match["path"].removeprefix("content/")
            found.append((path, int(match["line"]), match["message"]))
    return found


def release(slug: str, date: str, region: str, body: str) -> str:
    return article_text(
        title=f"Bawaslu Gelar Rapat Koordinasi Pengawasan Tahapan {slug.title()}",
        date=date,
        slug=slug,
        tags="Pilkada Serentak 2024",
        summary="Bawaslu menggelar rapat koordinasi pengawasan tahapan pemilihan kepala daerah.",
        body=textwrap.dedent(body),
        region=region,
    )


def site_with(root: Path, aliases: str = ALIASES) -> tuple[FixtureSite, dict]:
    site = FixtureSite(root)
    (root / "officials.yaml").write_text(OFFICIALS, encoding="utf-8")
    (root / "aliases.yaml").write_text(aliases, encoding="utf-8")
    options = {
        "OFFICIAL_TAGS_OFFICIALS": str(root / "officials.yaml"),
        "REGIONS_ALIASES": str(root / "aliases.yaml"),
        "OFFICIAL_TAGS_TODAY": TODAY,
    }
    return site, options


def officials_of(built) -> dict[str, list[str]]:
    """slug of each article → slugs of its officials in /feed.json."""
    return {
        item["url"].rstrip("/").rsplit("/", 1)[-1]: [p["slug"] for p in item["_warta"]["officials"]]
        for item in built.json("feed.json")["items"]
    }


def links_on(built, slug: str, date: str) -> list[str]:
    page = built.html(f"berita/{date[:4]}/{date[5:7]}/{slug}/")
    return [a["href"] for a in page.select("a[href*='/pejabat/']") if a["href"] != "/pejabat/"]


def test_a_namesake_in_another_office_is_not_linked(tmp_path):
    site, options = site_with(tmp_path)
    site.article(
        "2024/mura.md",
        release(
            "mura",
            "2024-11-20 09:00",
            "Kabupaten Musi Rawas",
            """\
            MUARA BELITI – Bawaslu Kabupaten Musi Rawas menggelar rapat koordinasi.

            “Pengawas wajib hadir sejak TPS dibuka,” kata Anggota Bawaslu Kabupaten Musi
            Rawas, Sri Wahyuni Lubis, di hadapan peserta.

            Sri Wahyuni Lubis menambahkan, rapat diulang setiap pekan.
            """,
        ),
    )
    site.article(
        "2024/oku.md",
        release(
            "oku",
            "2024-11-21 09:00",
            "Kabupaten Ogan Komering Ulu",
            """\
            BATURAJA – Ketua Bawaslu OKU, Sri Wahyuni Lubis, membuka rapat koordinasi.
            """,
        ),
    )
    site.article(
        "2024/tanpa-jabatan.md",
        release(
            "tanpa-jabatan",
            "2024-11-22 09:00",
            "Kabupaten Ogan Komering Ulu",
            """\
            BATURAJA – Rapat koordinasi dihadiri Sri Wahyuni Lubis dan para pengawas.
            """,
        ),
    )
    built = site.build(strict=True, **options)
    assert built.returncode == 0, built.log

    # Contradicting office: no link on the page, not in the feed, not on /pejabat/.
    assert links_on(built, "mura", "2024-11-20") == []
    officials = officials_of(built)
    assert officials["mura"] == []
    # The matching office, and no office at all in her region: linked, with the
    # registry's position.
    assert links_on(built, "oku", "2024-11-21") == ["/pejabat/sri-wahyuni-lubis/"]
    assert officials["oku"] == ["sri-wahyuni-lubis"]
    assert officials["tanpa-jabatan"] == ["sri-wahyuni-lubis"]
    item = next(i for i in built.json("feed.json")["items"] if i["url"].endswith("/tanpa-jabatan/"))
    assert item["_warta"]["officials"][0]["office"] == "Bawaslu Kabupaten Ogan Komering Ulu"
    person = built.html("pejabat/sri-wahyuni-lubis/")
    listed = {
        a["href"].rstrip("/").rsplit("/", 1)[-1] for a in person.select("main a[href*='/berita/']")
    }
    assert "mura" not in listed and {"oku", "tanpa-jabatan"} <= listed

    # One suggestion, at the line of the quote, naming both offices and the fix.
    found = [s for s in suggestions(built) if "Sri Wahyuni Lubis" in s[2]]
    assert len(found) == 1, built.log
    path, line, message = found[0]
    assert path == "berita/2024/mura.md"
    source = (site.content / path).read_text(encoding="utf-8").splitlines()
    assert "Sri Wahyuni Lubis" in source[line - 1] and "Rawas," in source[line - 1]
    assert "'Anggota Bawaslu Kabupaten Musi Rawas'" in message
    assert "Ketua Bawaslu Kabupaten Ogan Komering Ulu on 2024-11-20" in message
    assert "not linked" in message and "officials.yaml:1" in message


def test_a_position_named_outside_its_dates_is_said_once(tmp_path):
    # Sri Wahyuni Lubis chairs Bawaslu OKU from 2023-08-20; a release of May
    # 2023 names her so in its title and in its text.
    site, options = site_with(tmp_path)
    site.article(
        "2023/sebelum.md",
        article_text(
            title="Ketua Bawaslu OKU, Sri Wahyuni Lubis, Buka Rapat Koordinasi Pengawasan",
            date="2023-05-02 09:00",
            slug="sebelum",
            tags="Pilkada Serentak 2024",
            summary="Bawaslu menggelar rapat koordinasi pengawasan tahapan pemilihan.",
            body="BATURAJA – Ketua Bawaslu OKU, Sri Wahyuni Lubis, membuka rapat koordinasi.\n",
            region="Kabupaten Ogan Komering Ulu",
        ),
    )
    built = site.build(**options)
    assert built.returncode == 0, built.log
    found = [m for _p, _l, m in suggestions(built) if "Sri Wahyuni Lubis" in m]
    assert found == [
        "'Sri Wahyuni Lubis' is named as 'Ketua Bawaslu OKU' on 2023-05-02, but Sri Wahyuni"
        " Lubis's term as Ketua Bawaslu Kabupaten Ogan Komering Ulu starts on 2023-08-20 per"
        " officials.yaml:7: linked to /pejabat/sri-wahyuni-lubis/ without a position (check the"
        " Date: line, or the start date at officials.yaml:7)"
    ], built.log
    assert officials_of(built)["sebelum"] == ["sri-wahyuni-lubis"]


def test_a_former_official_named_after_the_term_is_not_flagged(tmp_path):
    """Releases speak of a term that ended ("mantan Ketua …", "yang menjabat
    Ketua … sejak 2023"); the registry's end date is right, nothing to mend."""
    site, options = site_with(tmp_path)
    site.article(
        "2025/mantan.md",
        release(
            "mantan",
            "2025-06-02 09:00",
            "Kabupaten Lahat",
            "LAHAT – Mantan Ketua Bawaslu Kabupaten Lahat, Ahmad Fauzi Rahman, hadir.\n",
        ),
    )
    built = site.build(**options)
    assert built.returncode == 0, built.log
    assert [m for _p, _l, m in suggestions(built) if "Ahmad Fauzi Rahman" in m] == []
    assert officials_of(built)["mantan"] == ["ahmad-fauzi-rahman"]


def test_a_position_named_when_none_is_held_is_said_once_and_not_shown(tmp_path):
    """Ahmad Fauzi Rahman chaired Bawaslu Lahat until 2025-01-31; Sri Wahyuni
    Lubis chairs Bawaslu OKU from 2023-08-20. A release naming a position on a
    date its holder held none links the person (named as they were, or will
    be), shows no position, and says which date to check, once, at the line."""
    site, options = site_with(tmp_path)
    site.article(
        "2025/sesudah.md",
        release(
            "sesudah",
            "2025-06-02 09:00",
            "Kabupaten Lahat",
            """\
            LAHAT – Rapat evaluasi digelar di Lahat.

            Ketua Bawaslu Kabupaten Lahat, Ahmad Fauzi Rahman, membuka rapat.
            Ahmad Fauzi Rahman menambahkan, evaluasi dilakukan setiap tahun.
            """,
        ),
    )
    site.article(
        "2023/sebelum.md",
        release(
            "sebelum",
            "2023-05-02 09:00",
            "Kabupaten Ogan Komering Ulu",
            """\
            BATURAJA – Rapat koordinasi digelar di Baturaja.

            Rapat dihadiri Sri Wahyuni Lubis dan para pengawas.
            """,
        ),
    )
    built = site.build(**options)
    assert built.returncode == 0, built.log
    found = [s for s in suggestions(built) if "Ahmad Fauzi Rahman" in s[2]]
    assert found == [
        (
            "berita/2025/sesudah.md",
            found[0][1],
            "'Ahmad Fauzi Rahman' is named as 'Ketua Bawaslu Kabupaten Lahat' on 2025-06-02,"
            " but Ahmad Fauzi Rahman's term as Ketua Bawaslu Kabupaten Lahat ended on 2025-01-31"
            " per officials.yaml:27: linked to /pejabat/ahmad-fauzi-rahman/ without a position"
            " (check the Date: line, or the end date at officials.yaml:27; a former official is"
            " named 'mantan Ketua Bawaslu Kabupaten Lahat')",
        )
    ], built.log
    source = (site.content / found[0][0]).read_text(encoding="utf-8").splitlines()
    assert source[found[0][1] - 1].startswith("Ketua Bawaslu Kabupaten Lahat, Ahmad")
    found = [s for s in suggestions(built) if "Sri Wahyuni Lubis" in s[2]]
    assert [(path, message) for path, _line, message in found] == [
        (
            "berita/2023/sebelum.md",
            "'Sri Wahyuni Lubis' is named in a release dated 2023-05-02, but Sri Wahyuni Lubis's"
            " first term, as Ketua Bawaslu Kabupaten Ogan Komering Ulu, starts on 2023-08-20 per"
            " officials.yaml:7: linked to /pejabat/sri-wahyuni-lubis/ without a position (check"
            " the Date: line, or the start date at officials.yaml:7)",
        )
    ], built.log
    items = {i["url"].rstrip("/").rsplit("/", 1)[-1]: i for i in built.json("feed.json")["items"]}
    for slug, person in (("sesudah", "ahmad-fauzi-rahman"), ("sebelum", "sri-wahyuni-lubis")):
        (official,) = items[slug]["_warta"]["officials"]
        assert (official["slug"], official["position"]) == (person, None)
        page = built.html(
            f"berita/{items[slug]['date_published'][:4]}/"
            f"{items[slug]['date_published'][5:7]}/{slug}/"
        )
        (entry,) = page.select(".official-list li")
        assert entry.a["href"] == f"/pejabat/{person}/"
        assert entry.select(".official-list__position") == []


def test_a_suggestion_names_the_spelling_as_written_at_its_line(tmp_path):
    """A name read without its initials' dots or in capitals is the person's:
    a suggestion about it quotes it as written and points at its line."""
    site, options = site_with(tmp_path)
    site.article(
        "2024/kapital.md",
        release(
            "kapital",
            "2024-11-22 09:00",
            "Kabupaten Lahat",
            """\
            LAHAT – Bawaslu Kabupaten Lahat menggelar rapat koordinasi.

            Rapat dihadiri SRI WAHYUNI LUBIS dan para pengawas.
            """,
        ),
    )
    built = site.build(**options)
    assert built.returncode == 0, built.log
    found = [s for s in suggestions(built) if "SRI WAHYUNI LUBIS" in s[2]]
    assert len(found) == 1, built.log
    path, line, message = found[0]
    assert message.startswith("'SRI WAHYUNI LUBIS' is named without a position in a release")
    source = (site.content / path).read_text(encoding="utf-8").splitlines()
    assert source[line - 1].startswith("Rapat dihadiri SRI WAHYUNI LUBIS")


def test_positions_over_time_and_the_articles_region_as_context(tmp_path):
    site, options = site_with(tmp_path)
    # June: she chaired the city office; November: a provincial member.
    site.article(
        "2024/juni.md",
        release(
            "juni",
            "2024-06-20 09:00",
            "Kota Palembang",
            "PALEMBANG – Ketua Bawaslu Kota Palembang Nurhasanah Siregar membuka rapat.\n",
        ),
    )
    site.article(
        "2024/november.md",
        release(
            "november",
            "2024-11-20 09:00",
            "Kota Palembang",
            "PALEMBANG – Ketua Bawaslu Kota Palembang Nurhasanah Siregar membuka rapat.\n",
        ),
    )
    site.article(
        "2024/provinsi.md",
        release(
            "provinsi",
            "2024-11-25 09:00",
            "Kota Palembang",
            "PALEMBANG – Rapat dibuka Nurhasanah Siregar, Anggota Bawaslu Provinsi Sumsel.\n",
        ),
    )
    # "Ketua Bawaslu" without a region: the office of the article's region.
    site.article(
        "2024/ketua-oku.md",
        release(
            "ketua-oku",
            "2024-11-26 09:00",
            "Kabupaten Ogan Komering Ulu",
            "BATURAJA – Ketua Bawaslu, Sri Wahyuni Lubis, membuka rapat.\n",
        ),
    )
    site.article(
        "2024/ketua-mura.md",
        release(
            "ketua-mura",
            "2024-11-27 09:00",
            "Kabupaten Musi Rawas",
            "MUARA BELITI – Ketua Bawaslu, Sri Wahyuni Lubis, membuka rapat.\n",
        ),
    )
    built = site.build(**options)
    assert built.returncode == 0, built.log
    officials = officials_of(built)
    assert officials["juni"] == ["nurhasanah-siregar"]
    assert officials["november"] == []
    assert officials["provinsi"] == ["nurhasanah-siregar"]
    assert officials["ketua-oku"] == ["sri-wahyuni-lubis"]
    assert officials["ketua-mura"] == []
    found = {(path, message.split("'")[1]) for path, _line, message in suggestions(built)}
    assert found == {
        ("berita/2024/november.md", "Nurhasanah Siregar"),
        ("berita/2024/ketua-mura.md", "Sri Wahyuni Lubis"),
    }, built.log


def test_the_detection_cache_follows_the_aliases_and_the_articles_region(tmp_path):
    site, options = site_with(tmp_path)
    site.article(
        "2024/kordiv.md",
        release(
            "kordiv",
            "2024-11-20 09:00",
            "Kabupaten Musi Rawas",
            "MUARA BELITI – Kordiv Hukum Bawaslu Mura, Sri Wahyuni Lubis, membuka rapat.\n",
        ),
    )
    site.article(
        "2024/ketua.md",
        release(
            "ketua",
            "2024-11-21 09:00",
            "Kabupaten Musi Rawas",
            "MUARA BELITI – Ketua Bawaslu, Sri Wahyuni Lubis, membuka rapat.\n",
        ),
    )
    # Without the alias "Mura" the office cannot be placed: nothing contradicts.
    first = site.build(**options)
    assert officials_of(first)["kordiv"] == ["sri-wahyuni-lubis"]
    assert officials_of(first)["ketua"] == []
    # Staff add the alias: the articles are read again (not served from the cache).
    (tmp_path / "aliases.yaml").write_text(ALIASES + MURA_ALIAS, encoding="utf-8")
    second = site.build(**options)
    assert officials_of(second)["kordiv"] == []
    # The same text with another region: judged against the new region.
    path = site.content / "berita" / "2024" / "ketua.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "Region: Kabupaten Musi Rawas", "Region: Kabupaten Ogan Komering Ulu"
        ),
        encoding="utf-8",
    )
    third = site.build(**options)
    assert officials_of(third)["ketua"] == ["sri-wahyuni-lubis"]
    # A warm build with nothing changed says the same.
    fourth = site.build(**options)
    assert officials_of(fourth) == officials_of(third)
    assert suggestions(fourth) == suggestions(third)
    assert [m.split("'")[1] for _p, _l, m in suggestions(fourth)] == ["Sri Wahyuni Lubis"]


def test_another_division_than_the_registrys_is_said_and_the_person_linked(tmp_path):
    """The registry has Neni Marlina as Kordiv P2H of Bawaslu Lahat; a release
    naming her Koordinator Divisi Hukum got her linked with no word, though the
    writer's guide promises a suggestion for another position. The division's
    short names (P2H) are the same division."""
    site = FixtureSite(tmp_path)
    site.article(
        "2024/hukum.md",
        release(
            "divisi-hukum",
            "2024-10-02 09:00",
            "Kabupaten Lahat",
            "LAHAT – Koordinator Divisi Hukum dan Penyelesaian Sengketa Bawaslu Kabupaten "
            "Lahat, Neni Marlina, membuka rapat.\n",
        ),
    )
    site.article(
        "2024/p2h.md",
        release(
            "divisi-p2h",
            "2024-10-03 09:00",
            "Kabupaten Lahat",
            "LAHAT – Kordiv P2H Bawaslu Kabupaten Lahat, Neni Marlina, membuka rapat.\n",
        ),
    )
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    # (a warning since the registry's position wins over the text's: the test below)
    said = [
        (f.path.rsplit("content/", 1)[-1], f.message)
        for f in built.findings("warning")
        if "Neni Marlina" in f.message
    ]
    assert [p for p, _ in said] == ["berita/2024/hukum.md"], said
    assert (
        "is named as 'Koordinator Divisi Hukum dan Penyelesaian Sengketa Bawaslu Kabupaten "
        "Lahat', but the registry has Neni Marlina as Koordinator Divisi Pencegahan" in said[0][1]
    )
    linked = officials_of(built)
    assert linked["divisi-hukum"] == ["neni-marlina"] and linked["divisi-p2h"] == ["neni-marlina"]


def test_a_name_with_a_role_of_another_kind_or_out_of_its_region_is_not_linked(tmp_path):
    """A Lahat release quoting "Salah seorang warga, Siti Khodijah (45)", "Kepala
    Desa Lubuk Atung, Hendra Wijaya" and "Tri Handayani, petugas PPS setempat"
    listed three officials of other kabupaten, without a word."""
    site, options = site_with(tmp_path)
    site.article(
        "2024/coklit.md",
        release(
            "coklit",
            "2024-07-10 09:00",
            "Kabupaten Lahat",
            """\
            LAHAT – Bawaslu Kabupaten Lahat mengawasi coklit di Desa Lubuk Atung.

            Salah seorang warga, Sri Wahyuni Lubis (45), mengaku sudah didatangi petugas.

            Kepala Desa Lubuk Atung, Nurhasanah Siregar, berjanji membantu petugas.

            Ahmad Fauzi Rahman, petugas PPS setempat, mengatakan coklit selesai pekan depan.
            """,
        ),
    )
    # No role at all: linked where the official's office serves the release's
    # region (the province's member in Lahat), not elsewhere (OKU's chair).
    site.article(
        "2024/rapat.md",
        release(
            "rapat",
            "2024-07-11 09:00",
            "Kabupaten Lahat",
            """\
            LAHAT – Rapat dihadiri Nurhasanah Siregar dan Sri Wahyuni Lubis.
            """,
        ),
    )
    site.article(
        "2024/provinsi.md",
        release(
            "provinsi",
            "2024-07-12 09:00",
            "Sumatera Selatan",
            """\
            PALEMBANG – Rapat se-Sumatera Selatan dihadiri Sri Wahyuni Lubis.
            """,
        ),
    )
    built = site.build(strict=True, **options)
    assert built.returncode == 0, built.log
    officials = officials_of(built)
    assert officials["coklit"] == []
    assert links_on(built, "coklit", "2024-07-10") == []
    assert officials["rapat"] == ["nurhasanah-siregar"]
    assert officials["provinsi"] == ["sri-wahyuni-lubis"]
    listed = {
        a["href"].rstrip("/").rsplit("/", 1)[-1]
        for a in built.html("pejabat/sri-wahyuni-lubis/").select("main a[href*='/berita/']")
    }
    assert "coklit" not in listed and "rapat" not in listed

    # The citizen, the village head and the PPS officer are plainly someone
    # else: nothing to mend. The chair of OKU named bare in Lahat may be her.
    found = suggestions(built)
    assert [(path, message) for path, _line, message in found if "coklit" in path] == []
    (path, line, message), *more = [s for s in found if "rapat" in s[0]]
    assert more == [] and path == "berita/2024/rapat.md", found
    source = (site.content / path).read_text(encoding="utf-8").splitlines()
    assert "Sri Wahyuni Lubis" in source[line - 1]
    assert message == (
        "'Sri Wahyuni Lubis' is named without a position in a release of Kabupaten Lahat, "
        "but the registry has Sri Wahyuni Lubis as Ketua Bawaslu Kabupaten Ogan Komering Ulu: "
        "not linked to /pejabat/sri-wahyuni-lubis/ (if this is that official, write the "
        "position beside the name ('Ketua Bawaslu Kabupaten Ogan Komering Ulu, Sri Wahyuni "
        "Lubis'); if another person of the same name, nothing to do)"
    )


def test_an_office_named_again_is_read_once_in_its_context(reader):
    """The gazetteer is asked once per office words, institution kind and
    context: a build's releases name the same offices again and again."""
    asked = []

    class Counting:
        def resolve(self, value, **options):
            asked.append((value, tuple(options["context"])))
            return reader.gazetteer.resolve(value, **options)

    counting = RegionReader(Counting(), "16")
    text = "Ketua Bawaslu OKU Timur, Joko Susilo, dan Anggota Bawaslu OKU Timur, Dewi Sari, hadir."
    first = offices_in(text, counting)
    assert offices_in(text, counting) == first == offices_in(text, reader)
    assert offices_in(text, counting, ("16.08",)) == offices_in(text, reader, ("16.08",))
    assert len(asked) == len(set(asked)) and ("OKU Timur", ()) in asked
    assert first[0][3] == "16.08"


def test_office_words_are_found_where_the_head_pattern_finds_them():
    """Trying the office-word pattern only where an office word starts finds
    what a scan of every character finds: run together, inside words, after
    a hyphen."""
    import random

    from warta.tags.offices import _OFFICE_HEAD_RE, _OFFICE_START_RE
    from warta.text import tried_where

    pieces = [
        *("Bawaslu", "BAWASLU", "Panwascam", "PANWASLU", "Panwas", "PKD", "PTPS", "KPU"),
        *("DKPP", "DKPPTPS", "xKPU", "KPU-", "-KPU", "Bawasluku", "PanwasluKPU", "Kota"),
        *(" ", "  ", ",", "\n"),
    ]
    rng = random.Random(4)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        expected = [head.span() for head in _OFFICE_HEAD_RE.finditer(text)]
        assert [h.span() for h in tried_where(_OFFICE_HEAD_RE, _OFFICE_START_RE, text)] == expected


def _about(lines: str, *names: str) -> list[tuple[str, int, str, str]]:
    """(path, line, level, message and suggestion) of each finding naming one of `names`."""
    found = []
    for raw in lines.splitlines():
        match = FINDING_LINE.match(raw.strip())
        if match and match["path"] and any(name in match["rest"] for name in names):
            path = match["path"].rsplit("content/", 1)[-1]
            found.append((path, int(match["line"] or 0), match["level"], match["rest"]))
    return sorted(found)


def test_a_position_the_registry_contradicts_on_the_date_is_a_warning_with_its_own(tmp_path):
    """The registry has Neni Marlina as Kordiv P2H of Bawaslu Lahat and Sapri
    Yansyah as its chair. A release naming her "Ketua Bawaslu Kabupaten
    Lahat" got only a suggestion to add a position to the registry, which
    `--strict` let through, and the text kept the wrong title beside a page
    showing the other; "Ketua Bawaslu Kabupaten Lahat, Nama Fiktif" (a name
    not registered, in a seat the registry gives Sapri Yansyah that day) was
    "add to data/officials.yaml". Now the registry's position wins on the
    page, and the text gets one warning at the line, the registry's value to
    write as its suggestion; the build and `invoke check` say the same."""
    site = FixtureSite(tmp_path)
    site.article(
        "2024/ketua.md",
        release(
            "jabatan-lain",
            "2024-10-02 09:00",
            "Kabupaten Lahat",
            "LAHAT – Bawaslu Kabupaten Lahat menggelar rapat koordinasi.\n\n"
            "Ketua Bawaslu Kabupaten Lahat, Neni Marlina, membuka rapat.\n",
        ),
    )
    site.article(
        "2024/fiktif.md",
        release(
            "kursi-terisi",
            "2024-10-03 09:00",
            "Kabupaten Lahat",
            "LAHAT – Bawaslu Kabupaten Lahat menggelar rapat koordinasi.\n\n"
            "Ketua Bawaslu Kabupaten Lahat, Nama Fiktif, membuka rapat.\n",
        ),
    )
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    checked = run_check(site)
    division = (
        "Koordinator Divisi Pencegahan, Partisipasi Masyarakat, dan Hubungan Masyarakat "
        "Bawaslu Kabupaten Lahat"
    )
    expected = [
        (
            "berita/2024/fiktif.md",
            line_of(site.content / "berita/2024/fiktif.md", "Nama Fiktif"),
            "warning",
            "official not in the registry: 'Nama Fiktif' (Ketua Bawaslu Kabupaten Lahat), but "
            "the registry's Ketua Bawaslu Kabupaten Lahat on 2024-10-03 is Sapri Yansyah "
            "(write 'Sapri Yansyah'; if 'Nama Fiktif' now holds the seat, end Sapri Yansyah's "
            "term at data/officials.yaml:292 and add 'Nama Fiktif' to data/officials.yaml)",
        ),
        (
            "berita/2024/ketua.md",
            line_of(site.content / "berita/2024/ketua.md", "Neni Marlina"),
            "warning",
            f"'Neni Marlina' is named as 'Ketua Bawaslu Kabupaten Lahat', but the registry has "
            f"Neni Marlina as {division} on 2024-10-02, and Sapri Yansyah as Ketua Bawaslu "
            "Kabupaten Lahat: the page shows the registry's position (write "
            f"'{division}'; if the position changed, add the new one with its start date at "
            "data/officials.yaml:293)",
        ),
    ]
    assert _about(built.log, "Neni Marlina", "Nama Fiktif") == expected, built.log
    assert _about(checked.stdout, "Neni Marlina", "Nama Fiktif") == expected, checked.stdout
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # The registry's position is the one shown: linked, in the feed and on the page.
    item = next(i for i in built.json("feed.json")["items"] if i["url"].endswith("/jabatan-lain/"))
    assert [(p["slug"], p["position"]) for p in item["_warta"]["officials"]] == [
        ("neni-marlina", division.removesuffix(" Bawaslu Kabupaten Lahat"))
    ]
    strict = run_check(site, "--strict")
    assert strict.returncode == 1, strict.stdout
