"""Any release staff paste builds; every problem is one clear line (issue 15).

Fixture sites in temp dirs, built by the real runner and `invoke check` in
subprocesses; assertions on parsed finding lines, parsed HTML and the files.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import REPO, article_text, built_page, run_check, run_invoke
from plugins.release_defaults.lead import (
    is_abbreviation,
    lead_summary,
    read_lead_summary,
    without_dateline,
)
from warta import frontmatter
from warta.buildlog import Paths, Translator, fold
from warta.check import apply_fix
from warta.findings import Finding
from warta.markdown_source import (
    chat_prefix,
    kept_line_breaks,
    paragraph_breaks,
    pasted_tables,
    without_chat_emphasis,
)
from warta.text import slugify

# A release as staff paste it from a regional portal: a title, a date, the text.
SEED = """\
Title: Bawaslu Kota Pagar Alam Gelar Rapat Koordinasi Pengawasan Kampanye
Date: 2024-10-02 10:00

REL, Pagaralam - Bawaslu Kota Pagar Alam menggelar rapat koordinasi pengawasan kampanye bersama \
Panwaslu Kecamatan se-Kota Pagar Alam di aula kantor, Rabu (2/10/2024). Rapat membahas \
pengawasan kampanye tatap muka di lima kecamatan.

Ketua Bawaslu Kota Pagar Alam, Yopi Hardiansyah, meminta pengawas kecamatan mencatat setiap \
kegiatan kampanye.
"""
SEED_SLUG = "bawaslu-kota-pagar-alam-gelar-rapat-koordinasi-pengawasan-kampanye"


def test_a_pasted_release_builds_strict_with_what_was_supplied_said_once(site):
    site.article("2024/tempel.md", SEED)
    built = site.build(strict=True)
    assert built.returncode == 0, built.log
    page = built.html(f"berita/2024/10/{SEED_SLUG}/")
    assert page.find("h1").get_text(strip=True).startswith("Bawaslu Kota Pagar Alam")
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert description.startswith("Bawaslu Kota Pagar Alam menggelar rapat koordinasi")
    assert "REL" not in description and "Pagaralam -" not in description
    [supplied] = [f for f in built.findings("suggestion") if f.message.startswith("supplied")]
    assert supplied.path == "content/berita/2024/tempel.md"
    assert f"Slug '{SEED_SLUG}'" in supplied.message
    assert "Category 'Berita'" in supplied.message
    # No Author: the office of the region the dateline names, not the province.
    assert "Author 'Humas Bawaslu Kota Pagar Alam'" in supplied.message
    assert "invoke check --fix" in supplied.message
    assert not built.findings("error") and not built.findings("warning"), built.log
    bylines = [a.get_text(strip=True) for a in page.select("article header a[href*='/penulis/']")]
    assert bylines == ["Humas Bawaslu Kota Pagar Alam"], bylines


def test_paragraphs_pasted_with_first_line_indents_stay_paragraphs(site):
    """Word, PDFs and chats indent a paragraph's first line with a tab or
    spaces; Markdown made each such paragraph a <pre> block (a typewriter font
    running off a phone's screen), and the dateline in it went unread."""
    site.article(
        "2024/indentasi.md",
        "Title: Bawaslu OKU Timur Gelar Rapat Koordinasi Pengawasan Kampanye\n"
        "Date: 2024-10-16 10:00\n\n"
        "\tMARTAPURA – Bawaslu Kabupaten Ogan Komering Ulu Timur menggelar rapat koordinasi "
        "pengawasan kampanye bersama panwaslu kecamatan, Rabu (16/10/2024).\n\n"
        "\tKetua Bawaslu OKU Timur mengingatkan pentingnya pengawasan partisipatif.\n\n"
        "        Rapat diikuti seluruh panwaslu kecamatan.\n\n"
        "- Peserta pertama\n\n    dengan paragraf lanjutan\n\n"
        "```\nteks apa adanya\n```\n",
    )
    _, page = built_page(
        site, "berita/2024/10/bawaslu-oku-timur-gelar-rapat-koordinasi-pengawasan-kampanye/"
    )
    body = page.select_one(".article__body")
    assert [child.name for child in body.find_all(recursive=False)] == ["p", "p", "p", "ul", "pre"]
    assert body.p.get_text().startswith("MARTAPURA – Bawaslu Kabupaten Ogan Komering Ulu Timur")
    assert len(body.ul.li.find_all("p")) == 2  # a list item keeps its indented paragraph
    regions = page.select_one(".article__regions").get_text(" ", strip=True)
    assert "Kabupaten Ogan Komering Ulu Timur" in regions
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert description.startswith("Bawaslu Kabupaten Ogan Komering Ulu Timur menggelar")


def test_the_meta_description_and_the_region_read_one_dateline(site):
    """`Muara Enim: rapat koordinasi …` gave the page the region Kabupaten
    Muara Enim (its dateline) while its meta description kept "Muara Enim:
    rapat …"; `LAHAT：` (full-width colon) was read by neither. Each release
    below now has its dateline both in its region and out of its summary, or
    in neither."""
    releases = {
        "muara-enim": (
            "Muara Enim: rapat koordinasi pengawasan tahapan pemilu digelar di aula kantor "
            "pada Senin (2/3/2026).",
            "16.03",
        ),
        "lahat": ("LAHAT\uff1a Bawaslu menggelar patroli pengawasan tahapan pemilu.", "16.04"),
        "cempaka": ("Cempaka: Bawaslu menggelar sosialisasi pengawasan partisipatif.", "16.08.04"),
        "palembang": (
            "Palembang - kota terbesar di Sumatera Selatan - menjadi tuan rumah rapat "
            "koordinasi pengawasan tahapan pemilu.",
            None,
        ),
    }
    for slug, (lead, _) in releases.items():
        site.article(
            f"{slug}.md",
            f"Title: Rapat Koordinasi Pengawasan {slug.title()}\nDate: 2026-03-02 10:00\n"
            f"Slug: {slug}\n\n{lead}\n\nParagraf kedua rilis ini.\n",
        )
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    regions = {item["url"]: item["_warta"]["regions"] for item in built.json("feed.json")["items"]}
    for slug, (lead, code) in releases.items():
        address = f"berita/2026/03/{slug}/"
        page = built.html(address)
        description = page.find("meta", attrs={"name": "description"})["content"]
        [found] = [found for url, found in regions.items() if url.endswith(f"/{address}")]
        inferred = [(r["code"], r["source"]) for r in found]
        if code is None:
            assert description == lead, slug
            assert inferred == [], slug
        else:
            assert description == re.split(r"[:\uff1a] ?", lead, maxsplit=1)[1], slug
            assert inferred == [(code, "dateline")], slug


LEAD = (
    "PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan bersama "
    "panwaslu kecamatan, Senin (14/10/2024)."
)
SECOND = (
    "Ketua Bawaslu Kota Palembang menyampaikan bahwa pengawasan partisipatif menjadi kunci "
    "keberhasilan pemilihan di daerah."
)
QUOTE = (
    "“Kami mengajak masyarakat melaporkan dugaan pelanggaran kepada pengawas di setiap "
    "kecamatan,” kata Ketua Bawaslu Kota Palembang."
)


def test_paragraphs_pasted_without_blank_lines_stay_paragraphs(site):
    """A release copied from a web page or a chat keeps one line break between
    paragraphs; Markdown joined them into one wall of text. A hand-wrapped
    paragraph (short lines, breaks mid-sentence) stays one paragraph."""
    site.article(
        "2024/tempel-baris.md",
        "Title: Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan\n"
        f"Date: 2024-10-14 10:00\n\n{LEAD}\n{SECOND}\n{QUOTE}\n\n"
        "Rapat ditutup dengan penandatanganan komitmen bersama\n"
        "oleh seluruh peserta. Kegiatan berikutnya digelar\n"
        "pekan depan.\n\n"
        "Rapat menyepakati tiga hal:\n•\tPatroli masa tenang;\n• Posko pengaduan;\n"
        "• Pengawasan melekat di TPS.\n",
    )
    _, page = built_page(
        site, "berita/2024/10/bawaslu-kota-palembang-gelar-rapat-koordinasi-pengawasan/"
    )
    paragraphs = [p.get_text() for p in page.select(".article__body > p")]
    assert paragraphs[:3] == [LEAD, SECOND, QUOTE]
    assert paragraphs[3].startswith("Rapat ditutup") and paragraphs[3].endswith("pekan depan.")
    assert len(paragraphs) == 5 and paragraphs[4] == "Rapat menyepakati tiga hal:"
    items = [li.get_text() for li in page.select(".article__body > ul > li")]
    assert items == ["Patroli masa tenang;", "Posko pengaduan;", "Pengawasan melekat di TPS."]
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert description == LEAD.removeprefix("PALEMBANG – ")


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ([LEAD, SECOND], [LEAD, "", SECOND]),
        (["    " + LEAD, "    " + SECOND], ["    " + LEAD, "", "    " + SECOND]),  # indented
        ([LEAD, "Rapat menyepakati:"], [LEAD, "", "Rapat menyepakati:"]),  # a short one next
        ([LEAD[:-1], SECOND], [LEAD[:-1], SECOND]),  # no sentence end: one paragraph
        ([LEAD + "  ", SECOND], [LEAD + "  ", SECOND]),  # Markdown's own line break
        (["```", LEAD, SECOND, "```"], ["```", LEAD, SECOND, "```"]),  # fenced text
        (["- " + LEAD, SECOND], ["- " + LEAD, SECOND]),  # a list item's lazy line
        (["12. " + LEAD, SECOND], ["12. " + LEAD, SECOND]),
        (["| " + LEAD + " |", SECOND], ["| " + LEAD + " |", SECOND]),
        ([LEAD, "dan " + SECOND], [LEAD, "dan " + SECOND]),  # no capital: one sentence
        # Pasted bullets and "1)" numbers, and a list right below a line of prose.
        (
            ["Rapat menyepakati:", "•\tPatroli;", "▪ Posko."],
            ["Rapat menyepakati:", "", "- Patroli;", "- Posko."],
        ),
        (  # Word's bullets through a browser's paste: a middle dot, a Symbol-font dot
            ["Hadir:", "· Saksi hadir", "\uf0b7\tPengawas kecamatan hadir"],
            ["Hadir:", "", "- Saksi hadir", "- Pengawas kecamatan hadir"],
        ),
        (["Agenda:", "1) Apel;", "2) Patroli."], ["Agenda:", "", "1. Apel;", "2. Patroli."]),
        (["Rapat selesai.", "· · ·", "···"], ["Rapat selesai.", "· · ·", "···"]),  # breaks
        (  # Word's numbers through the CMS's rich text: the tab as no-break spaces
            ["Agenda:", "1.\u00a0 \u00a0 \u00a0 Apel;", "", "2.\u00a0\u00a0\u00a0 Patroli."],
            ["Agenda:", "", "1. Apel;", "", "2. Patroli."],
        ),
        (["Tahun 2024.\u00a0Rapat"], ["Tahun 2024.\u00a0Rapat"]),
        (["Agenda:", "- Apel;", "- Patroli."], ["Agenda:", "", "- Apel;", "- Patroli."]),
        (
            ["Pada tanggal", "17. Agustus digelar apel."],
            ["Pada tanggal", "17. Agustus digelar apel."],
        ),
        (["- Apel;", "- Patroli."], ["- Apel;", "- Patroli."]),
        (["```", "Agenda:", "• Apel", "```"], ["```", "Agenda:", "• Apel", "```"]),
        # A chat's heading in bold, then its list with no blank line between.
        (
            ["*Jam layanan:*", "- Senin;", "- Selasa."],
            ["*Jam layanan:*", "", "- Senin;", "- Selasa."],
        ),
        (["**Agenda:**", "1) Apel;"], ["**Agenda:**", "", "1. Apel;"]),
        (["* Apel;", "- Patroli."], ["* Apel;", "- Patroli."]),  # a list item, then another
        # A line of no-break spaces (Word, Google Docs) is blank, as it looks.
        ([LEAD, "\u00a0", "Kedua", " \u00a0\u3000", "(rer)"], [LEAD, "", "Kedua", "", "(rer)"]),
        (["```", "\u00a0", "```"], ["```", "\u00a0", "```"]),
        # A hashtag at a line's start is text; a heading stays a heading.
        (
            ["Mari sukseskan", "#AwasiBersama dan #PemiluDamai."],
            ["Mari sukseskan", r"\#AwasiBersama dan #PemiluDamai."],
        ),
        (["#1 di Sumsel"], [r"\#1 di Sumsel"]),
        (
            ["# Judul", "##Subjudul", "```", "#komentar", "```"],
            ["# Judul", "##Subjudul", "```", "#komentar", "```"],
        ),
        # A line of `=` or `-` under a sentence, a wrapped line or a list is a rule.
        ([SECOND, "====="], [SECOND, "", "---"]),
        (
            ["Rapat ditutup pukul 12.00 WIB.", "-----"],
            ["Rapat ditutup pukul 12.00 WIB.", "", "---"],
        ),
        (["Sebagai informasi. (rer)", "-" * 40], ["Sebagai informasi. (rer)", "", "---"]),
        (["Rapat digelar", "di aula", "==="], ["Rapat digelar", "di aula", "", "---"]),
        (["- Apel", "---"], ["- Apel", "", "---"]),
        # A short line that ends no sentence, alone above it: a heading.
        (["Hasil Rapat", "-----------"], ["Hasil Rapat", "-----------"]),
        (["**Hasil Rapat**", "==="], ["**Hasil Rapat**", "==="]),
        (["**Rapat ditutup.**", "==="], ["**Rapat ditutup.**", "", "---"]),
        (["", "Hasil Rapat", "==="], ["", "Hasil Rapat", "==="]),
    ],
)
def test_paragraph_breaks_split_only_pasted_prose(lines, expected):
    assert paragraph_breaks(lines) == expected


def test_a_numbered_list_pasted_from_word_as_html_is_a_list(site):
    """Word's numbered list pasted into the CMS's rich text is saved as
    `1.` and no-break spaces (Word's tab), which Markdown reads as no list:
    the page showed paragraphs "1.    Apel", no list for a screen reader."""
    site.article(
        "2024/daftar.md",
        "Title: Bawaslu Kota Palembang Gelar Rapat Koordinasi\nDate: 2024-10-14 10:00\n"
        f"Slug: daftar\n\n{LEAD}\n\n1.\u00a0 \u00a0 \u00a0 Rapat pertama membahas APK.\n\n"
        "2.\u00a0 \u00a0 \u00a0 Rapat kedua membahas netralitas ASN.\n",
    )
    _, page = built_page(site, "berita/2024/10/daftar/")
    [listed] = page.select(".article__body > ol")
    items = [li.get_text(" ", strip=True) for li in listed.find_all("li")]
    assert items == ["Rapat pertama membahas APK.", "Rapat kedua membahas netralitas ASN."]


def test_a_line_of_no_break_spaces_ends_a_paragraph(site):
    """Word and Google Docs paste an empty paragraph as a line holding U+00A0:
    the release was one paragraph, and its description the lead and the
    paragraphs after it run together."""
    closing = "Sebagai informasi, rapat diikuti seluruh staf. (rer)"
    site.article(
        "2024/nbsp.md",
        "Title: Bawaslu Kota Palembang Gelar Rapat Koordinasi\nDate: 2024-10-14 10:00\n"
        f"Slug: nbsp\n\n{LEAD}\n\u00a0\n{SECOND}\n\u00a0 \n{closing}\n",
    )
    _, page = built_page(site, "berita/2024/10/nbsp/")
    paragraphs = [p.get_text() for p in page.select(".article__body > p")]
    assert paragraphs == [LEAD, SECOND, closing]
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert description == LEAD.removeprefix("PALEMBANG – ")


@pytest.mark.parametrize(
    ("line", "prefix"),
    [
        (
            "[09.15, 3/12/2026] Humas Bawaslu Lahat: LAHAT – Bawaslu",
            "[09.15, 3/12/2026] Humas Bawaslu Lahat:",
        ),
        (
            "[9:15 AM, 12/3/2026] +62 812-3456-7890: Rapat",
            "[9:15 AM, 12/3/2026] +62 812-3456-7890:",
        ),
        ("[03/12/26 09.15.22] Rudi: Rapat", "[03/12/26 09.15.22] Rudi:"),  # an iPhone's export
        ("03/12/26 09.15 - Humas Lahat: Rapat", "03/12/26 09.15 - Humas Lahat:"),  # Android's
        ("12/3/26, 9:15 AM - Humas: Rapat", "12/3/26, 9:15 AM - Humas:"),
        # not a chat's: a note, an agenda's line, a date in the text
        ("[1] Catatan: rapat", None),
        ("03/12/2026 09.00 - Pembukaan: Ketua Bawaslu", None),
        ("03.12.2026 10.00 – Rapat: dibuka", None),
        ("3/12/2026 pukul 09.15 - Rapat: dibuka", None),
    ],
)
def test_a_chats_prefix_is_its_time_date_and_sender(line, prefix):
    assert chat_prefix(line) == prefix


def test_a_chats_prefix_is_left_out_of_the_page_and_said_at_its_line(site):
    """A release copied from WhatsApp Web kept "[09.15, 3/12/2026] Humas
    Bawaslu Lahat:" before its dateline, on the page and in its summary."""
    site.article(
        "2024/chat.md",
        "Title: Bawaslu Kota Palembang Gelar Rapat Koordinasi\nDate: 2024-10-14 10:00\n"
        f"Slug: chat\n\n[09.15, 14/10/2024] Humas Bawaslu Palembang: {LEAD}\n\n"
        f"[09.16, 14/10/2024] Humas Bawaslu Palembang: {SECOND}\n",
    )
    built, page = built_page(site, "berita/2024/10/chat/")
    paragraphs = [p.get_text() for p in page.select(".article__body > p")]
    assert paragraphs == [LEAD, SECOND]
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert description == LEAD.removeprefix("PALEMBANG – ")
    said = [(f.line, f.level, f.message) for f in built.findings() if "chat" in f.message]
    assert said == [
        (
            line,
            "warning",
            f"the chat's prefix '[09.{minute}, 14/10/2024] Humas Bawaslu Palembang:' (its "
            "time, date and sender) is left out of the published text (delete it from the line)",
        )
        for line, minute in ((5, 15), (7, 16))
    ]


@pytest.mark.parametrize("mark", ["*", "**", "_", "~"])
def test_a_title_set_in_a_chats_bold_is_shown_without_its_marks(site, mark):
    """`Title: *Bawaslu … Rapat*` pasted from WhatsApp was shown with its stars
    in the <h1>, <title>, og:title and feeds."""
    title = "Bawaslu Kota Palembang Gelar Rapat Koordinasi"
    site.article(
        "2024/tebal.md",
        f"Title: {mark}{title}{mark}\nDate: 2024-10-14 10:00\nSlug: tebal\n\n{LEAD}\n",
    )
    built, page = built_page(site, "berita/2024/10/tebal/")
    assert page.find("h1").get_text(strip=True) == title
    assert page.find("meta", property="og:title")["content"] == title
    assert page.title.get_text().startswith(title)
    [item] = built.json("feed.json")["items"]
    assert item["title"] == title


def test_a_title_with_emphasis_inside_keeps_it():
    assert without_chat_emphasis("*Bawaslu* Lahat *Gelar*") == "*Bawaslu* Lahat *Gelar*"
    assert without_chat_emphasis("Rapat_Koordinasi") == "Rapat_Koordinasi"


def test_hashtags_and_pasted_separators_are_no_headings(site):
    """`#BawasluLahat #PemiluDamai` closing a release, or a hand-wrapped line
    starting with a hashtag, became an <h1> (its first `#` eaten); a line of
    `=====` or `-----` pasted below a paragraph made it a heading."""
    site.article(
        "2026/tagar.md",
        "Title: Bawaslu Lahat Gelar Rapat Evaluasi\nDate: 2026-12-03 09:00\nSlug: tagar\n\n"
        "LAHAT – Bawaslu Kabupaten Lahat menggelar rapat evaluasi, Kamis (3/12/2026).\n"
        "=====\n\n"
        "Mari sukseskan dengan tagar\n#AwasiBersama dan #PemiluDamai di media sosial.\n\n"
        "Sebagai informasi, rapat diikuti seluruh staf. (rer)\n"
        "----------------------------------------\n\n"
        "#BawasluLahat #PemiluDamai #AwasiBersama\n",
    )
    _, page = built_page(site, "berita/2026/12/tagar/")
    body = page.select_one(".article__body")
    assert [child.name for child in body.find_all(recursive=False)] == [
        "p",
        "hr",
        "p",
        "p",
        "hr",
        "p",
    ]
    texts = [" ".join(p.get_text().split()) for p in body.find_all("p", recursive=False)]
    assert texts[1] == "Mari sukseskan dengan tagar #AwasiBersama dan #PemiluDamai di media sosial."
    assert texts[3] == "#BawasluLahat #PemiluDamai #AwasiBersama"
    assert len(page.find_all("h1")) == 1


def pasted(title: str, lead: str, region: str = "") -> str:
    head = f"Title: {title}\nDate: 2024-10-03 09:00\n" + (f"Region: {region}\n" if region else "")
    return head + "\n" + lead + " Rapat membahas pengawasan kampanye.\n"


def test_a_release_without_author_is_credited_to_its_regions_office(site):
    # Another release of the office spells it "Pagaralam": the supplied author
    # takes that spelling, so the office keeps one author page.
    site.article(
        "2024/tulis.md",
        article_text(
            title="Bawaslu Kota Pagar Alam Awasi Kampanye Tatap Muka Calon",
            author="Humas Bawaslu Kota Pagaralam",
            body="PAGAR ALAM – Bawaslu Kota Pagar Alam mengawasi kampanye tatap muka calon.",
        ),
    )
    site.article(
        "2024/pga.md",
        pasted(
            "Bawaslu Pagar Alam Awasi Debat Calon Wali Kota", "PAGARALAM – Bawaslu mengawasi debat."
        ),
    )
    site.article(
        "2024/kec.md",
        pasted(
            "Panwaslu Kecamatan Mesuji Awasi Pergeseran Kotak Suara",
            "MESUJI (OKI) – Panwaslu Kecamatan Mesuji mengawasi.",
        ),
    )
    site.article(
        "2024/prov.md",
        pasted(
            "Bawaslu Sumatera Selatan Gelar Rapat Koordinasi Daerah",
            "PALEMBANG – Bawaslu menggelar rapat.",
            region="16",
        ),
    )
    site.article(
        "2024/luar.md",
        pasted(
            "Bawaslu Lampung Terima Kunjungan Kerja Bawaslu Provinsi",
            "BANDAR LAMPUNG – Bawaslu menerima kunjungan.",
            region="Provinsi Lampung",
        ),
    )
    # The office the lead names first: the province's, or Musi Rawas's though
    # the dateline is Lubuklinggau (a kota of its own).
    site.article(
        "2024/prov-tempel.md",
        pasted(
            "Bawaslu Provinsi Sumatera Selatan Gelar Rapat Koordinasi Pengawasan",
            "PALEMBANG – Bawaslu Provinsi Sumatera Selatan menggelar rapat koordinasi.",
        ),
    )
    site.article(
        "2024/mura.md",
        pasted(
            "Bawaslu Musi Rawas Gelar Rapat Koordinasi di Lubuklinggau",
            "LUBUKLINGGAU – Bawaslu Kabupaten Musi Rawas menggelar rapat di Lubuklinggau.",
        ),
    )
    built = site.build()
    assert built.returncode == 0, built.log

    def authors(name):
        title = (site.content / "berita/2024" / name).read_text().splitlines()[0][len("Title: ") :]
        page = built.html(f"berita/2024/10/{slugify(title)}/")
        return [a.get_text(strip=True) for a in page.select("article header a[href*='/penulis/']")]

    assert authors("pga.md") == ["Humas Bawaslu Kota Pagaralam"]
    assert authors("kec.md") == [
        "Humas Bawaslu Kabupaten Ogan Komering Ilir"
    ]  # the kecamatan's office
    assert authors("prov.md") == ["Humas Bawaslu Provinsi Sumatera Selatan"]  # the site's AUTHOR
    assert authors("luar.md") == ["Humas Bawaslu Provinsi Sumatera Selatan"]  # no office of ours
    assert authors("prov-tempel.md") == ["Humas Bawaslu Provinsi Sumatera Selatan"]
    assert authors("mura.md") == ["Humas Bawaslu Kabupaten Musi Rawas"]
    supplied = {
        f.path.rsplit("/", 1)[-1]: f.message
        for f in built.findings("suggestion")
        if f.message.startswith("supplied")
    }
    assert "Author 'Humas Bawaslu Kota Pagaralam'" in supplied["pga.md"]
    assert not [n for n in ("prov.md", "luar.md", "prov-tempel.md") if "Author" in supplied[n]]
    # One author page for the office, listing both of its releases.
    office = built.html("penulis/humas-bawaslu-kota-pagaralam/")
    titles = {h.get_text(strip=True) for h in office.select("main article h2, main article h3")}
    assert {
        "Bawaslu Pagar Alam Awasi Debat Calon Wali Kota",
        "Bawaslu Kota Pagar Alam Awasi Kampanye Tatap Muka Calon",
    } <= titles, titles
    assert not (built.output / "penulis/humas-bawaslu-kota-pagar-alam").exists()


def test_the_issuing_office_gives_region_author_and_card_of_its_release(site):
    """A dateline at the office's own seat, or outside its area, made the
    region the dateline's town while the author was the office: the
    province's release datelined Palembang was Kota Palembang's, OKU's from
    Jakarta only DKI Jakarta's (missing from OKU's page). Now the region (its
    page, the feed, the card's region line) is the office's, as the author
    is, and the summary leaves the dateline out; a place inside the office's
    area that is not its seat stays the region. (The card's region line is
    made from the same regions: plugins/images region_label.)"""
    releases = {
        "sumsel": (
            "Palembang, Bawaslu Sumsel – Bawaslu Provinsi Sumatera Selatan mengingatkan jajaran "
            "di 17 kabupaten/kota mengawasi penetapan DPT.",
            ("16", "lead"),
            "Humas Bawaslu Provinsi Sumatera Selatan",
        ),
        "mura": (
            "LUBUKLINGGAU – Bawaslu Kabupaten Musi Rawas menggelar rapat koordinasi.",
            ("16.05", "lead"),
            "Humas Bawaslu Kabupaten Musi Rawas",
        ),
        "oku": (
            "JAKARTA – Bawaslu Kabupaten Ogan Komering Ulu mengikuti rapat koordinasi nasional.",
            ("16.01", "lead"),
            "Humas Bawaslu Kabupaten Ogan Komering Ulu",
        ),
        "banyuasin": (
            "PALEMBANG – Bawaslu Kabupaten Banyuasin mengikuti bimbingan teknis.",
            ("16.07", "lead"),
            "Humas Bawaslu Kabupaten Banyuasin",
        ),
        "pagaralam": (
            "PAGARALAM – Bawaslu Provinsi Sumatera Selatan melakukan supervisi.",
            ("16.72", "dateline"),
            "Humas Bawaslu Kota Pagar Alam",
        ),
    }
    for slug, (lead, _, _) in releases.items():
        site.article(
            f"2024/{slug}.md",
            f"Title: Rilis Kantor {slug.title()} Tentang Pengawasan Tahapan\n"
            f"Date: 2024-10-03 09:00\nSlug: {slug}\n\n{lead}\n\nParagraf kedua rilis ini.\n",
        )
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    feed = {item["url"]: item for item in built.json("feed.json")["items"]}
    for slug, (_, region, author) in releases.items():
        address = f"berita/2024/10/{slug}/"
        page = built.html(address)
        [item] = [item for url, item in feed.items() if url.endswith(f"/{address}")]
        regions = item["_warta"]["regions"]
        assert [(r["code"], r["source"]) for r in regions] == [region], slug
        shown = [a.get_text(strip=True) for a in page.select(".article__regions a")]
        assert regions[0]["name"] in shown, (slug, shown)
        listed = built.html(regions[0]["url"]).select("main a[href]")
        assert any(a["href"].rstrip("/").endswith(f"/{slug}") for a in listed), slug
        bylines = [
            a.get_text(strip=True) for a in page.select("article header a[href*='/penulis/']")
        ]
        if region[1] == "lead":
            assert bylines == [author], slug
        description = page.find("meta", attrs={"name": "description"})["content"]
        assert description.startswith("Bawaslu "), (slug, description)


def test_check_fix_freezes_the_supplied_front_matter_and_keeps_the_address(site):
    path = site.article("2024/tempel.md", SEED)
    before = site.build(strict=True)
    assert before.returncode == 0, before.log
    fixed = run_check(site, "--fix")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert (
        "content/berita/2024/tempel.md: fixed: wrote Slug, Category, Summary, Author, Thread"
        in fixed.stdout.splitlines()
    )
    head = path.read_text(encoding="utf-8").split("\n\n", 1)[0].splitlines()
    keys = [line.split(":", 1)[0] for line in head]
    assert keys == ["Title", "Date", "Slug", "Category", "Summary", "Author", "Thread"]
    assert head[2] == f"Slug: {SEED_SLUG}"
    assert head[5] == "Author: Humas Bawaslu Kota Pagar Alam"
    assert re.fullmatch(r"Thread: src-[0-9a-f]{16}", head[6])
    # Nothing is left to supply, and the article keeps its address.
    again = run_check(site, "--strict")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "supplied" not in again.stdout, again.stdout
    after = site.build(strict=True)
    assert (after.output / f"berita/2024/10/{SEED_SLUG}/index.html").is_file()


def test_fix_keeps_a_notepad_files_bom_and_crlf(tmp_path):
    content = tmp_path / "content"
    file = content / "berita" / "x.md"
    file.parent.mkdir(parents=True)
    file.write_bytes("\ufeffTitle: Judul\r\nDate: 2024-10-02 10:00\r\n\r\nTeks.\r\n".encode())
    written = apply_fix(file, (("Slug", "judul"), ("Title", "lain")), content)
    assert written == ["Slug"]  # a key the file declares is never touched
    assert file.read_bytes() == (
        "\ufeffTitle: Judul\r\nDate: 2024-10-02 10:00\r\nSlug: judul\r\n\r\nTeks.\r\n".encode()
    )


def test_fix_in_a_yaml_front_matter_writes_values_yaml_reads_back(tmp_path):
    """In a `---` block a CMS or another generator parses the lines as YAML: a
    summary with `: ` or a leading `#`, or a slug of digits, is written in
    YAML's quotes, so that YAML and warta read the value that was meant."""
    content = tmp_path / "content"
    file = content / "berita" / "x.md"
    file.parent.mkdir(parents=True)
    head = "---\ntitle: Judul\ndate: 2024-10-02 10:00\ntags:\n  - Pilkada Serentak 2024\n"
    file.write_text(head + "---\n\nTeks.\n", encoding="utf-8")
    pairs = (
        ("Slug", "2024"),
        ("Summary", "Ketua: rapat pleno digelar di Lahat, Senin (2/3/2026)."),
        ("Region", "#Lahat"),
        ("Thread", "src-0123456789abcdef"),
    )
    assert apply_fix(file, pairs, content) == ["Slug", "Summary", "Region", "Thread"]
    text = file.read_text(encoding="utf-8")
    block = text.split("---\n")[1]
    expected = {key.lower(): value for key, value in pairs}
    loaded = {key.lower(): value for key, value in yaml.safe_load(block).items()}
    assert {key: loaded[key] for key in expected} == expected
    assert loaded["tags"] == ["Pilkada Serentak 2024"]
    front = frontmatter.parse(text).front_matter
    assert {key: front.value(key) for key in expected} == expected
    assert text.endswith("---\n\nTeks.\n")


def test_fix_never_writes_through_a_link_or_outside_the_content_folder(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    outside = tmp_path / "outside.md"
    outside.write_text("Title: Luar\n\nTeks.\n", encoding="utf-8")
    (content / "link.md").symlink_to(outside)
    assert apply_fix(content / "link.md", (("Slug", "x"),), content) == []
    assert apply_fix(outside, (("Slug", "x"),), content) == []
    assert outside.read_text(encoding="utf-8") == "Title: Luar\n\nTeks.\n"


# ---- every bad input at once: one line each, project-relative, GitHub-attachable ----

BAD_INPUTS = {
    "berita/2024/kosong.md": b"",
    "berita/2024/tanpa-isi.md": (
        b"Title: Rilis Tanpa Isi dari Humas Kabupaten Lahat\nDate: 2024-10-05 10:00\n"
    ),
    "berita/2024/cp1252.md": (
        b"Title: Tanda Pisah Windows Dalam Rilis Bawaslu Lahat\nDate: 2024-10-04 10:00\n\n"
        b"LAHAT \x96 Bawaslu Kabupaten Lahat menggelar rapat.\n"
    ),
    "berita/2024/tanggal.md": article_text(slug="tanggal-rusak", date="2024-11-31 08:00").encode(),
    "berita/2024/kembar-1.md": article_text(slug="kembar", date="2024-10-06 10:00").encode(),
    "berita/2024/kembar-2.md": article_text(slug="kembar", date="2024-10-07 10:00").encode(),
    "berita/2024/besar.MD": article_text(slug="besar").encode(),
    "berita/2024/notepad.md.txt": article_text(slug="notepad").encode(),
    "berita/2024/catatan.txt": article_text(slug="catatan").encode(),
    "Berita/salah-folder.md": article_text(slug="salah-folder").encode(),
    "berita/2024/rilis.docx": b"PK\x03\x04 not really a document",
    "berita/2024/tanpa-ekstensi": article_text(slug="tanpa-ekstensi").encode(),
    "berita/2024/spasi.md ": article_text(slug="spasi").encode(),
}


@pytest.fixture
def bad_site(site):
    for name, data in BAD_INPUTS.items():
        path = site.content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    site.article("2024/baik.md", slug="baik", date="2024-10-08 10:00")
    return site


def test_every_bad_input_is_one_attachable_line_in_check_github(bad_site):
    result = run_invoke(
        "check", "--format", "github", WARTA_CONTENT_PATH=str(bad_site.content), timeout=300
    )
    assert result.returncode == 1
    everything = result.stdout + result.stderr
    for leak in (str(bad_site.root), "/tmp/", "Traceback", "object at 0x", "Skipping", "stamp"):
        assert leak not in everything, (leak, everything)
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    by_file: dict[str, list[str]] = {}
    for annotation in annotations:
        match = re.match(
            r"^::(error|warning|notice) file=([^,:]+)(?:,line=(\d+))?::(.+)$", annotation
        )
        assert match, f"not attachable to a file: {annotation}"
        file = match[2]
        assert not file.startswith("/") and (bad_site.root / file).is_file(), annotation
        by_file.setdefault(file, []).append(match[1])
    for name in BAD_INPUTS:
        errors = by_file.get(f"content/{name}", [])
        assert errors.count("error") == 1, (name, by_file.get(f"content/{name}"), result.stdout)
    assert (
        "content/berita/2024/baik.md" not in by_file
        or "error" not in by_file["content/berita/2024/baik.md"]
    )


def test_the_build_skips_a_colliding_page_writes_the_rest_and_fails(bad_site):
    built = bad_site.build()
    assert built.returncode == 1
    assert "build stopped" not in built.log, built.log
    errors = built.findings("error")
    kembar = [f for f in errors if "kembar" in f.path]
    assert {f.path for f in kembar} == {
        "content/berita/2024/kembar-1.md",
        "content/berita/2024/kembar-2.md",
    }
    assert len(kembar) == 2, kembar  # one line per file, the writer's echo folded in
    assert (built.output / "berita/2024/10/baik/index.html").is_file()
    assert (built.output / "berita/2024/10/kembar/index.html").is_file()  # one of the two
    assert (built.output / "index.html").is_file()
    for finding in errors:
        assert not finding.path.startswith("/"), finding
    text = {f.path: f for f in errors}
    assert text["content/berita/2024/cp1252.md"].line == 4
    assert "save the file as UTF-8" in text["content/berita/2024/cp1252.md"].message + built.log
    assert "empty file" in text["content/berita/2024/kosong.md"].message
    assert "no text after the front matter" in text["content/berita/2024/tanpa-isi.md"].message
    assert text["content/berita/2024/tanggal.md"].line == 2
    assert "rename it to besar.md" in built.log
    assert "rename it to notepad.md" in built.log
    assert "the folder is 'berita/', in small letters" in built.log
    assert "has no extension" in text["content/berita/2024/tanpa-ekstensi"].message
    assert "(rename it to tanpa-ekstensi.md," in text["content/berita/2024/tanpa-ekstensi"].message
    assert text["content/berita/2024/spasi.md "].message.endswith("(rename it to spasi.md)")


def test_a_notepad_file_with_bom_and_crlf_is_read_without_complaint(site):
    text = article_text(slug="notepad-windows").replace("\n", "\r\n")
    path = site.content / "berita" / "notepad.md"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    built = site.build(strict=True)
    assert built.returncode == 0, built.log
    assert (built.output / "berita/2024/11/notepad-windows/index.html").is_file()


# ---- units: datelines, paths, folding ----


@pytest.fixture(scope="module")
def is_place():
    """Whether words name a place of the shipped gazetteer (as the build asks)."""
    from warta.regions import gazetteer

    data = REPO / "data" / "regions"
    loaded, _ = gazetteer.load(data / "gazetteer.csv", data / "aliases.yaml")

    from warta.regions.dateline import names_a_place

    return lambda words: names_a_place(loaded, words, "16")


@pytest.mark.parametrize(
    "paragraph",
    [
        "PALEMBANG- Bawaslu menggelar rapat.",
        "PALEMBANG – Bawaslu menggelar rapat.",
        "Palembang,- Bawaslu menggelar rapat.",
        "Palembang, BWSPLG — Bawaslu menggelar rapat.",
        "PAGARALAM, SP - Bawaslu menggelar rapat.",
        "Palembang (ANTARA) - Bawaslu menggelar rapat.",
        "SRIPOKU.COM, PALEMBANG--Bawaslu menggelar rapat.",
        "REL, Pagaralam - Bawaslu menggelar rapat.",
        "Martapura (OKU Timur) - Bawaslu menggelar rapat.",
        "Palembang, 12 November 2024 – Bawaslu menggelar rapat.",
        "Palembang (27/11/2024) - Bawaslu menggelar rapat.",
        "Pagar Alam – Bawaslu menggelar rapat.",
        "LUBUK LINGGAU | Bawaslu menggelar rapat.",
        "Kab. Muara Enim - Bawaslu menggelar rapat.",
        "Kota Lubuk Linggau – Bawaslu menggelar rapat.",
        "Ogan Komering Ulu Selatan – Bawaslu menggelar rapat.",
        "Penukal Abab Lematang Ilir – Bawaslu menggelar rapat.",
        "Seberang Ulu II - Bawaslu menggelar rapat.",
        # places the gazetteer cannot pick one unit for, or does not know
        "Bogor, 12 November 2024 – Bawaslu menggelar rapat.",
        "Tanjung Enim (Muara Enim) - Bawaslu menggelar rapat.",
        "Semarang (ANTARA) - Bawaslu menggelar rapat.",
        "Gumawang, Senin (11/11/2024) – Bawaslu menggelar rapat.",
        # a town the gazetteer does not know, with an agency or office code
        "Tanjung Enim (ANTARA) - Bawaslu menggelar rapat.",
        "Tanjung Enim, BWSME — Bawaslu menggelar rapat.",
        "Palembang, 11/11/2024 - Bawaslu menggelar rapat.",
        # longer than six words, as the regions plugin reads them
        "Kabupaten Ogan Komering Ulu Selatan, Kamis (12/11/2026) – Bawaslu menggelar rapat.",
        "Talang Ubi (Penukal Abab Lematang Ilir), Kamis (14/11/2024) – Bawaslu menggelar rapat.",
        "Lubuk Linggau, Sumatera Selatan, Kamis 14 November 2024 – Bawaslu menggelar rapat.",
        # a day, a date or a time set off by a second dash; a range of times
        "PALEMBANG - Kamis (14/11/2024) - Bawaslu menggelar rapat.",
        "Palembang - 14 November 2024 - Bawaslu menggelar rapat.",
        "Palembang, Kamis (14/11/2024) pukul 09.00 - 12.00 WIB – Bawaslu menggelar rapat.",
        "Palembang, Kamis (14/11/2024) pukul 09.00 WIB - 12.00 WIB – Bawaslu menggelar rapat.",
        "Palembang, Kamis (14/11/2024) pukul 09.00–12.00 WIB – Bawaslu menggelar rapat.",
        "MUARA BELITI – Rabu (27/11/2024) pukul 07.00 - 13.00 WIB – Bawaslu menggelar rapat.",
        "MUARA BELITI – Rabu (27/11/2024), pukul 07.00 s.d. 13.00 WIB – Bawaslu menggelar rapat.",
        # a day and a date alone
        "Senin (11/11/2024) – Bawaslu menggelar rapat.",
        "Palembang, Kamis (14/11/2024) - Sabtu (16/11/2024) – Bawaslu menggelar rapat.",
        # a range of days or dates, in every dateline form
        *(
            f"{place} {days} – Bawaslu menggelar rapat."
            for place in (
                "PALEMBANG –",
                "Palembang,",
                "Martapura (OKU Timur) -",
                "Palembang, Bawaslu Sumsel –",
                "REL, Pagaralam -",
                "Tanjung Raja –",
            )
            for days in (
                "Senin-Rabu (2-4/11/2026)",
                "Senin–Rabu (2–4/11/2026)",
                "Senin — Rabu (2 — 4/11/2026)",
                "Senin - Rabu, 2 - 4 November 2026",
                "Senin s.d. Rabu (2 s.d. 4/11/2026)",
                "Senin sampai dengan Rabu (2-4/11/2026)",
                "Senin hingga Rabu (2/11/2026 - 4/11/2026)",
                "Sabtu/Minggu (31/10-1/11/2026)",
                "Senin (2/11/2026) - Rabu (4/11/2026)",
                "Senin (2/11/2026) s.d. Rabu (4/11/2026)",
                "30 Oktober - 1 November 2026",
            )
        ),
        "Senin–Rabu (2–4/11/2026) – Bawaslu menggelar rapat.",
        "PALEMBANG – Senin (2/11) – Rabu (4/11/2026) – Bawaslu menggelar rapat.",
        # a colon after a place the gazetteer knows, every dash staff paste
        "BATURAJA: Bawaslu menggelar rapat.",
        "**LAHAT**: Bawaslu menggelar rapat.",
        "Lahat, Senin (2/11/2026): Bawaslu menggelar rapat.",
        "PALEMBANG \u2012 Bawaslu menggelar rapat.",
        "PALEMBANG \u2212 Bawaslu menggelar rapat.",
        "PALEMBANG\u2015Bawaslu menggelar rapat.",
        "PALEMBANG-Bawaslu menggelar rapat.",
        # a lead pasted inside quotes
        "“PALEMBANG – Bawaslu menggelar rapat.”",
        '"PALEMBANG – Bawaslu menggelar rapat."',
    ],
)
def test_the_dateline_is_not_part_of_the_summary(paragraph, is_place):
    assert without_dateline(paragraph, is_place) == "Bawaslu menggelar rapat."
    # (later dashes change nothing: a range of times, a remark)
    for later in ("pukul 08.00 WIB - 12.00 WIB", "Pilkada 2024 - sehari setelah pleno"):
        ranged = paragraph.replace("rapat.", f"rapat {later}.")
        assert without_dateline(ranged, is_place) == f"Bawaslu menggelar rapat {later}."


def test_a_bold_lead_above_a_name_set_off_by_dashes_is_the_summary(is_place):
    """Only a dateline the gazetteer reads makes the bold line above it a label."""
    lead = "Bawaslu Kabupaten Musi Rawas menggelar patroli pengawasan di Kecamatan Tugumulyo."
    after = "Rudi Hartono – Ketua Bawaslu Kabupaten Musi Rawas – mengatakan patroli digelar."
    html = f"<p><strong>{lead}</strong></p><p>{after}</p>"
    assert lead_summary(html, is_place=is_place) == lead
    assert lead_summary(f"<p><strong>{lead}</strong></p><p>MUARA BELITI – {after}</p>") == (after)


@pytest.mark.parametrize(
    "dateline",
    ["PALEMBANG –", "Palembang –", "Martapura (OKU Timur) -", "REL, Pagaralam -", "Sumsel –"],
)
def test_a_lead_that_opens_with_its_date_loses_only_the_dateline(dateline, is_place):
    """ "PALEMBANG – Senin (3/11/2026), Bawaslu …" was taken for a range of
    days, and the summary kept its dateline."""
    lead = "Senin (3/11/2026), Bawaslu menggelar rapat."
    assert without_dateline(f"{dateline} {lead}", is_place) == lead


@pytest.mark.parametrize(
    "paragraph",
    [
        "Bawaslu Kota Palembang menggelar rapat - membahas kampanye.",
        "Rapat pleno berlangsung tertib.",
        "Menurut Ketua Bawaslu - yang hadir - rapat berjalan baik.",
        "Kota ini - kata warga - aman.",
        "Kabupaten Muara Enim – salah satu daerah rawan – menjadi fokus pengawasan.",
        "Provinsi Sumatera Selatan - yang memiliki 17 kabupaten/kota - siap.",
        "Anggota Bawaslu Sumsel Ahmad Naafi – Koordinator Divisi Penanganan Pelanggaran – "
        "mengatakan seluruh laporan telah diregistrasi.",
        "Tim Bawaslu Sumsel – Dipimpin langsung oleh Ketua – turun ke lapangan.",
        "Ketua Bawaslu Sumsel – Bapak Andi – Membuka Rapat.",
        "Rudi Hartono Saputra – Ketua Bawaslu Kabupaten OKI periode 2023-2028 - mengatakan "
        "bahwa pengawasan berjalan.",
        "Rudi Hartono Saputra – Koordinator Divisi Penanganan Pelanggaran, Data dan Informasi "
        "Bawaslu Kabupaten Ogan Komering Ilir – mengatakan laporan telah diregistrasi.",
        "Rudi Hartono Saputra – Koordinator Divisi Sumber Daya Manusia, Organisasi, Pendidikan, "
        "dan Pelatihan Bawaslu Kabupaten Penukal Abab Lematang Ilir, Provinsi Sumatera Selatan, "
        "periode 2023-2028 – mengatakan laporan telah diregistrasi.",
        "Rudi Hartono, S.H. – Ketua Bawaslu Kabupaten Ogan Komering Ilir – mengatakan "
        "laporan telah diregistrasi.",
        "Rudi Hartono, SH, MH – Ketua Bawaslu Kota Palembang – mengatakan rapat dimulai.",
        "Siti Aminah, A.Md. – staf sekretariat – mengatakan berkas lengkap.",
        "Ketua Bawaslu Kota Palembang, Rini Anggraini – didampingi anggota, membuka rapat.",
        "Bawaslu, sebagai lembaga pengawas – menggelar rapat.",
        "Muslim, S.Pd – Koordinator Divisi P2H Bawaslu Kota Palembang – mengatakan siap.",
        "Rini Anggraini – Ketua Bawaslu Kota Palembang – mengatakan rapat dimulai.",
        "Rudi, Ketua Bawaslu 2023/2028 – mengatakan rapat dimulai.",
        # a day and a time range before the sentence: no dateline
        "Senin (9/11) pukul 09.00 - 12.00 WIB, Bawaslu Kota Palembang menggelar rapat.",
        "Sabtu, 9 November 2024 pukul 09.00 - 12.00 WIB, Bawaslu menggelar rapat.",
        "Kamis (14/11/2024) - Sabtu (16/11/2024), Bawaslu Sumsel menggelar rapat.",
        # an office, a person or an institution set off by dashes
        "Bawaslu OKU Timur, Senin (9/11/2026) – menggelar rapat koordinasi pengawasan.",
        "Bawaslu OKU Timur (27/11) – menggelar rapat.",
        "Bawaslu OKU Timur (27/11) – Menggelar Rapat.",
        "KPU Sumsel – penyelenggara pemilu di provinsi – menetapkan daftar pemilih.",
        "KPU SUMSEL – Komisi Pemilihan Umum – menetapkan daftar pemilih.",
        "DPRD Kota Palembang – lembaga legislatif – menggelar rapat.",
        "AKBP Rudi Hartono – Kapolres Lahat – mengatakan situasi aman.",
        "KH Ahmad Dahlan – ulama setempat – mengajak warga.",
        *(
            f"Khairil Anwar, {degrees} – Ketua Bawaslu Kota Palembang – menyampaikan hal itu."
            for degrees in ("SH MH", "SH.MH", "MA", "ME", "MBA", "MPA", "SP", "SE.I", "M.KOM")
        ),
        "Khairil Anwar, CPA – Ketua Bawaslu Kota Palembang – Menyampaikan Hal Itu.",
        # a sentence that opens with a region's name set off by dashes
        "Palembang - kota terbesar di Sumatera Selatan - menjadi tuan rumah rapat.",
        "Lubuk Linggau – kota di ujung barat – menjadi tuan rumah.",
        # a name that is a kecamatan somewhere far off, read as no place
        "Indra Jaya – Ketua Panwaslu Kecamatan Gandus – Mengatakan Rapat Dimulai.",
        # a label before a colon is no dateline; only a place the gazetteer knows is
        "Catatan: Bawaslu Kota Palembang menggelar rapat.",
        "CATATAN: Bawaslu Kota Palembang menggelar rapat.",
        "Waktu: Senin (2/11/2026) pukul 09:00 WIB, Bawaslu menggelar rapat.",
        "Lokasi: Kantor Bawaslu Kota Palembang – Jalan Kapten Rivai.",
        "Ketua Bawaslu Lahat: Pengawasan Berjalan Baik.",
        "Sumber-Sumber Dana Kampanye Diawasi Ketat.",
    ],
)
def test_a_lead_without_dateline_is_kept_whole(paragraph, is_place):
    assert without_dateline(paragraph, is_place) == paragraph


@pytest.mark.parametrize(
    "letterhead",
    [
        "<p>SIARAN PERS</p><p>Nomor: 045/HM.01/K.SS/11/2024</p>",
        "<p><strong>SIARAN PERS</strong><br>Nomor: 045/HM.01/K.SS/11/2024</p>",
        "<p>Untuk segera diterbitkan</p>",
        "<p><strong>Untuk disiarkan segera.</strong></p>",
        "<p>Untuk disiarkan segera.</p>",
        "<p>SIARAN PERS.</p>\n<p>Untuk segera diterbitkan.</p>",
        "<p>Embargo hingga Senin (2/11/2026) pukul 10.00 WIB.</p>",
        "<p>EMBARGO: 3 November 2026, 10.00 WIB</p>",
        "<p><em>Embargo hingga Senin (2/11/2026) pukul 10.00 WIB.</em></p>",
        "<p>EMBARGO – hingga 2 November 2026 pukul 10.00 WIB</p>",
        "<p>Embargo sampai: 2/11/2026 10.00 WIB</p>",
    ],
)
def test_the_letterhead_is_neither_the_summary_nor_the_dateline(letterhead):
    """ "SIARAN PERS / Nomor: …" above the lead became the summary in every
    list and feed, and the region went unread ("no dateline names a place")."""
    from warta.regions import dateline, gazetteer

    lead = "<p>PRABUMULIH – Bawaslu Kota Prabumulih menggelar rapat koordinasi pengawasan.</p>"
    assert lead_summary(letterhead + lead) == (
        "Bawaslu Kota Prabumulih menggelar rapat koordinasi pengawasan."
    )
    data = REPO / "data" / "regions"
    loaded, _ = gazetteer.load(data / "gazetteer.csv", data / "aliases.yaml")
    found = dateline.infer(loaded, letterhead + lead, "16")
    assert found is not None and (found.unit.code, found.source) == ("16.74", "dateline")


def test_a_long_lead_is_cut_at_a_sentence_end():
    sentence = "Bawaslu Kota Palembang mengawasi rapat pleno terbuka di kantor KPU. "
    summary = lead_summary(f"<p>PALEMBANG – {sentence * 8}</p>", max_chars=300)
    assert summary.endswith("KPU.") and len(summary) <= 300


@pytest.mark.parametrize(
    "words",
    [
        "Ketua Bawaslu Provinsi Sumatera Selatan, Dr. H. Muhammad Rizal Effendi, S.H., M.H.",
        "warga Desa Sumber Jaya, Kec. Belitang III, Kab. OKU Timur",
        "kantor di Jl. Jend. Sudirman dan Jl. Kol. Atmo",
        "anggota Sdr. Rudi, S.Pd. bersama Hj. Siti",
        "Aula Kantor Bupati di Jalan Lintas Sumatera Km. 5 Rupit",
        "posko yang dibuka mulai pukul 08.00 s.d. 16.00 WIB di kantor",
        "surat d.a. Kantor Bawaslu Kabupaten Ogan Ilir dari",
        "Ketua Bawaslu Kabupaten Ogan Ilir, Dr. Rudi Hartono, S.H.,M.H. bersama",
        "anggota Siti Aminah, s.pd. Dan",
        "delegasi a.n. Ketua dan u.p. Sekretaris bersama",
    ],
)
def test_a_long_lead_is_never_cut_after_an_abbreviation(words):
    """The supplied summary ended "…Sumatera Selatan, Dr. H." in every card and feed."""
    lead = (
        f"<p>INDERALAYA – Bawaslu Kabupaten Ogan Ilir menerima kunjungan {words} Ahmad yang "
        "meninjau kesiapan pengawasan tempat pemungutan suara di lembaga pemasyarakatan dan "
        "rumah tahanan serta memastikan para warga binaan terdaftar sebagai pemilih dalam "
        "daftar pemilih tetap. Kunjungan itu berlangsung hingga sore hari di kantor.</p>"
    )
    summary = lead_summary(lead, max_chars=300)
    assert summary.endswith(("tetap.", "…")), summary
    assert summary.startswith("Bawaslu Kabupaten Ogan Ilir menerima kunjungan")


@pytest.mark.parametrize(
    "end",
    [
        "uang tunai Rp 100.000.",
        "mulai pukul 08.00 hingga pukul 16.00.",
        "laman sumsel.bawaslu.go.id.",
    ],
)
def test_a_sentence_ending_in_a_number_or_an_address_is_a_place_to_cut(end):
    """A word with a dot inside it was taken for a degree ("S.Pd."): the
    summary ran past "Rp 100.000." and stopped mid-sentence with "…"."""
    lead = (
        "<p>MUARADUA – Bawaslu Kabupaten Ogan Komering Ulu Selatan menerima laporan dugaan "
        f"politik uang berupa pembagian amplop di Kecamatan Buay Pemaca, {end} Laporan itu "
        "disampaikan seorang warga bersama bukti foto dan rekaman video yang memperlihatkan "
        "pembagian amplop kepada sejumlah warga di sebuah rumah pada malam hari menjelang "
        "masa tenang Pilkada Serentak 2024, Rabu (20/11/2024).</p>"
    )
    assert lead_summary(lead, max_chars=300).endswith(end)


@pytest.mark.parametrize(
    ("word", "abbreviation"),
    [
        *(
            (word, True)
            for word in (
                "s.d.",
                "d.a.",
                "a.n.",
                "u.p.",
                "dll.",
                "dsb.",
                "tgl.",
                "No.",
                "Jl.",
                "Kab.",
                "Kec.",
                "Prov.",
                "Dr.",
                "H.",
                "S.Pd.",
                "s.pd.",
                "S.PD.",
                "A.Md.Kom.",
                "M.Si.",
                "S.H.,M.H.",
                "S.Pd.,M.Si.",
                "SE.,MM.",
                "(S.H.",
            )
        ),
        *(
            (word, False)
            for word in (
                "16.00.",
                "100.000.",
                "2024.",
                "sumsel.bawaslu.go.id.",
                "kpu.go.id.",
                "detik.com.",
                "bit.ly.",
                "rapat.",
                "WIB.",
                "SH.",
            )
        ),
    ],
)
def test_an_abbreviation_is_letters_between_dots_not_a_number_or_an_address(word, abbreviation):
    """ "s.d." (sampai dengan), "d.a." and "S.H.,M.H." were read as sentence
    ends: the summary stopped at "…mulai pukul 08.00 s.d."."""
    assert is_abbreviation(word) is abbreviation


def test_paths_are_shown_relative_to_the_project(tmp_path):
    project = tmp_path / "proyek"
    paths = Paths(project=project, content=project / "content", output=tmp_path / "x" / "out")
    assert paths.display("berita/a.md") == "content/berita/a.md"
    assert paths.display(str(project / "content/berita/a.md")) == "content/berita/a.md"
    assert paths.display(str(tmp_path / "x/out/berita/index.html")) == "output/berita/index.html"
    assert paths.display("data/official_tags.yaml") == "data/official_tags.yaml"
    scrubbed = paths.scrub(
        f"cannot open {project}/content/images/a.jpg <_io.BytesIO object at 0x7f>"
    )
    assert scrubbed == "cannot open content/images/a.jpg (image data)"


def test_a_path_staff_wrote_is_shown_as_written(tmp_path):
    """Only paths that start with a build folder are shortened: a link that climbs
    out of content/ is quoted as the release spells it."""
    project = tmp_path / "proyek"
    paths = Paths(project=project, content=project / "content")
    written = f"link leaves: '{{static}}/../..{tmp_path}/luar/x.jpg'"
    assert paths.scrub(written) == written
    # A path beside the project whose name starts with the project's name.
    beside = f"save_as '{project}-lama/x.html', Save_as: {project}2.html"
    assert paths.scrub(beside) == beside
    assert paths.scrub(f"in {project}, {project}/content: x") == "in ., content: x"


def test_pelicans_messages_become_one_finding_each(tmp_path):
    content = tmp_path / "content"
    translator = Translator(Paths(project=tmp_path, content=content))
    dropped = translator.translate(
        template="Cannot get modification stamp for %s\n\t%s",
        args=(str(content / "a.md"), "err"),
        message="",
        level="warning",
    )
    assert dropped.findings == [] and dropped.secondary == []
    duplicates = translator.translate(
        template='There are %s items "%s" with lang %s: \n%s\n%s',
        args=(2, 'with slug "rapat"', "id", str(content / "a.md"), str(content / "b.md")),
        message="",
        level="warning",
    )
    assert [f.path for f in duplicates.secondary] == ["content/a.md", "content/b.md"]
    primary = [Finding("content/a.md", 3, "error", "same address")]
    assert [f.path for f in fold(primary, duplicates.secondary)] == ["content/b.md"]
    skipping = translator.translate(
        template="Skipping %s: could not find information about '%s'",
        args=(str(content / "kosong.md"), "title"),
        message="",
        level="error",
    )
    [finding] = skipping.secondary
    assert finding.path == "content/kosong.md" and "missing Title" in finding.message


def test_pelicans_unplaced_slug_warnings_give_way_to_the_finding_at_the_file(tmp_path):
    """Pelican names no file when a category or author makes no slug; the
    finding at the file quotes the value, even a value that is a quote."""
    translator = Translator(Paths(project=tmp_path, content=tmp_path / "content"))
    for value in ("'", "[]", "🗳️"):
        held = translator.translate(
            template='Unable to generate valid slug for %s "%s".',
            args=("Category", value),
            message="",
            level="warning",
        )
        [unplaced] = held.secondary
        assert unplaced.message == f"no address can be made for the category '{value}'"
        printed = [Finding("content/x.md", 3, "error", f"unknown rubrik: '{value}'")]
        assert fold(printed, held.secondary) == []
        assert fold([Finding("content/x.md", 3, "error", "unknown rubrik: 'lain'")], held.secondary)


def test_a_finding_about_no_file_is_a_run_annotation():
    assert Finding("", None, "error", "build stopped: x").github() == "::error::build stopped: x"


def test_a_structured_finding_keeps_its_suggestion_and_fix(tmp_path):
    translator = Translator(Paths(project=tmp_path, content=tmp_path / "content"))
    finding = Finding("berita/a.md", 2, "suggestion", "supplied", "run fix", (("Slug", "a"),))
    [moved] = translator.translate(
        template="x", args=(), message="x", level="suggestion", finding=finding
    ).findings
    assert moved.path == "content/berita/a.md" and moved.suggestion == "run fix"
    assert moved.fix == (("Slug", "a"),)


def test_paths_for_a_project_checkout(tmp_path):
    """In the project itself, content/ sits beside pelicanconf.py."""
    settings = {"PATH": str(REPO / "content"), "OUTPUT_PATH": str(tmp_path / "o")}
    paths = Paths.from_settings(settings, REPO / "pelicanconf.py")
    assert paths.project == REPO
    assert paths.display(str(REPO / "data/officials.yaml")) == "data/officials.yaml"
    assert paths.display(Path("berita/2024/a.md")) == "content/berita/2024/a.md"


def test_check_fix_writes_a_summary_that_reads_back_as_the_same_text(site):
    """`Summary:` is Markdown: a lead with `2*3*4`, `_TPS_01_`, a backslash or
    `<b>` written as plain text came back as emphasis, lost characters, or HTML."""
    lead = (
        "PALEMBANG – Bawaslu Kota Palembang mencatat rumus rekap 2\\*3\\*4, kode "
        "\\_TPS\\_01\\_, folder C:\\\\data dan teks &lt;b&gt; & lainnya dalam rapat pleno."
    )
    path = site.article(
        "2024/tanda.md",
        "Title: Bawaslu Kota Palembang Catat Kode Rekapitulasi Rapat Pleno\n"
        "Date: 2024-10-02 10:00\n\n" + lead + "\n",
    )

    def description():
        built = site.build()
        assert built.returncode == 0, built.log
        slug = "bawaslu-kota-palembang-catat-kode-rekapitulasi-rapat-pleno"
        page = built.html(f"berita/2024/10/{slug}/")
        return page.find("meta", attrs={"name": "description"})["content"]

    before = description()
    assert "2*3*4" in before and "_TPS_01_" in before and "C:\\data" in before, before
    fixed = run_check(site, "--fix")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "Summary:" in path.read_text(encoding="utf-8")
    assert description() == before


def test_two_pasted_releases_with_one_headline_in_a_month(site):
    """Both got the same supplied Slug, content_lint's "same address" error, and
    `--fix` froze that one address into both files. Now the error stands and
    `--fix` writes no Slug to either; a title without a letter or digit (a
    page at /berita/…/-/) is an error at its line."""
    for name in ("kembar-1.md", "kembar-2.md"):
        site.article(f"2024/{name}", SEED)
    site.article("2024/tanda.md", SEED.replace(SEED.splitlines()[0], "Title: " + "!?. " * 8))
    check = run_check(site)
    assert check.returncode == 1, check.stdout
    lines = check.stdout.splitlines()
    assert len([line for line in lines if "same address" in line]) == 2, check.stdout
    [untitled] = [line for line in lines if "no letter or digit" in line]
    assert untitled.startswith("content/berita/2024/tanda.md:1: error: Title has no letter")
    fixed = run_check(site, "--fix")
    for name in ("kembar-1.md", "kembar-2.md"):
        text = (site.content / "berita/2024" / name).read_text(encoding="utf-8")
        assert "Slug:" not in text and "Summary:" in text, (name, fixed.stdout)


def test_the_build_reads_a_datelines_place_with_the_gazetteer(tmp_path):
    """The summary a build supplies leaves out a place of several words, and
    keeps a speaker's name set off by dashes."""
    from conftest import FixtureSite

    site = FixtureSite(tmp_path)
    leads = {
        "okus": "Ogan Komering Ulu Selatan – Bawaslu Kabupaten OKU Selatan menggelar apel "
        "siaga pengawasan masa tenang pukul 08.00 WIB - 10.00 WIB di halaman kantor.",
        "rudi": "Rudi Hartono Saputra – Ketua Bawaslu Kabupaten OKI periode 2023-2028 - "
        "mengatakan bahwa seluruh laporan dugaan pelanggaran telah diregistrasi.",
    }
    for slug, lead in leads.items():
        text = f"Title: Bawaslu Gelar Rapat Pengawasan {slug.upper()} Tahapan Kampanye\n"
        text += f"Date: 2024-11-20 09:00\nSlug: {slug}\n\n{lead}\n"
        site.article(f"{slug}.md", text)
    built = site.build(SEARCH_ENABLED=False)
    summaries = {
        item["url"].rstrip("/").rsplit("/", 1)[1]: item["summary"]
        for item in built.json("feed.json")["items"]
    }
    assert summaries["okus"].startswith("Bawaslu Kabupaten OKU Selatan menggelar"), summaries
    assert summaries["rudi"].startswith("Rudi Hartono Saputra –"), summaries


def test_a_caption_above_the_lead_gives_neither_summary_nor_region_nor_author(site):
    """A photo's caption naming another office was the release's summary, and
    gave it that office's region and author, under "build ok"."""
    from PIL import Image

    (site.content / "images" / "2026").mkdir(parents=True)
    Image.new("RGB", (640, 480), (40, 90, 140)).save(site.content / "images/2026/rapat.jpg")
    text = (
        "Title: Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan Kampanye\n"
        "Date: 2026-11-09 10:00\nSlug: rapat\n\n"
        "![Suasana rapat koordinasi]({static}/images/2026/rapat.jpg)\n"
        "*Ketua Bawaslu Kota Prabumulih membuka rapat koordinasi, Senin (9/11/2026).*\n\n"
        "**Pengawasan Kampanye**\n\n"
        "PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan tahapan "
        "kampanye bersama jajaran panwaslu kecamatan se-Kota Palembang.\n"
    )
    site.article("2026/rapat.md", text)
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    [item] = built.json("feed.json")["items"]
    assert item["summary"].startswith("Bawaslu Kota Palembang menggelar rapat"), item
    assert [a["name"] for a in item["authors"]] == ["Humas Bawaslu Kota Palembang"], item
    page = built.html("berita/2026/11/rapat/")
    regions = {a["href"] for a in page.select("a[href*='/wilayah/']")}
    assert any(href.rstrip("/").endswith("kota-palembang") for href in regions), regions
    assert not any("prabumulih" in href for href in regions), regions


@pytest.mark.parametrize(
    "note",
    [
        "<p><strong>Koreksi:</strong> nama kecamatan diperbaiki pada Jumat (4/12/2026).</p>",
        "<p>Ralat: berita ini diperbarui pada Jumat (4/12/2026) pukul 10.00 WIB.</p>",
        "<p><em>Catatan Redaksi: judul berita ini diubah pada Jumat (4/12/2026).</em></p>",
        "<p>UPDATE: jumlah peserta diperbaiki.</p>",
    ],
)
def test_an_editors_note_above_the_dateline_is_neither_summary_nor_region(note, is_place):
    """`**Koreksi:** nama kecamatan diperbaiki …` above the lead was the
    summary, and the release had no region ("no region: … 'Koreksi: …'")
    and the province's author."""
    from warta.regions import dateline, gazetteer

    lead = "<p>PRABUMULIH – Bawaslu Kota Prabumulih menggelar rapat koordinasi pengawasan.</p>"
    assert lead_summary(note + lead, is_place=is_place) == (
        "Bawaslu Kota Prabumulih menggelar rapat koordinasi pengawasan."
    )
    data = REPO / "data" / "regions"
    loaded, _ = gazetteer.load(data / "gazetteer.csv", data / "aliases.yaml")
    found = dateline.infer(loaded, note + lead, "16")
    assert found is not None and (found.unit.code, found.source) == ("16.74", "dateline")


def test_a_correction_that_is_the_lead_stays_the_lead():
    """A release that opens with its correction, no dateline below: its lead."""
    text = (
        "<p>Ralat: jadwal rapat koordinasi pengawasan dipindah ke Senin.</p><p>Rapat digelar.</p>"
    )
    assert lead_summary(text) == "Ralat: jadwal rapat koordinasi pengawasan dipindah ke Senin."


def test_a_ralat_note_below_the_front_matter_is_told_to_be_a_koreksi(site):
    """`Ralat: berita ini diperbarui …` as the text's first line was told to
    be moved up, where the corrections plugin cannot read it (no date)."""
    note = "berita ini diperbarui pada Jumat (4/12/2026) pukul 10.00 WIB."
    site.article(
        "2026/ralat.md",
        "Title: Bawaslu Kota Palembang Gelar Rapat Koordinasi\nDate: 2026-12-03 10:00\n"
        f"Slug: ralat\n\nRalat: {note}\n\n"
        "PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan tahapan "
        "bersama panwaslu kecamatan, Kamis (3/12/2026).\n",
    )
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    [item] = built.json("feed.json")["items"]
    assert item["summary"].startswith("Bawaslu Kota Palembang menggelar rapat"), item
    assert [a["name"] for a in item["authors"]] == ["Humas Bawaslu Kota Palembang"], item
    said = [(f.line, f.level, f.message) for f in built.findings() if f.level != "suggestion"]
    assert said == [
        (
            5,
            "warning",
            "'Ralat:' is below the blank line that ends the front matter: the site shows this "
            f"line as the release's text (move it up, above the blank line, as 'Koreksi: {note}' "
            "(the note shown above the release), or as a dated correction "
            f"'Ralat: YYYY-MM-DD HH:MM — {note}')",
        )
    ]


INDONESIAN_KEYS = """\
Judul: Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan
Tanggal: 2024-11-17 09:30
Slug: rapat-bahasa
Rubrik: Siaran Pers
Penulis: Humas Bawaslu Kota Palembang
Tag: Pilkada Serentak 2024
Ringkasan: Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan tahapan pilkada.

PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan.
"""


def test_indonesian_keys_work_in_the_build_and_check_and_fix_adds_nothing_beside_them(site):
    """`Rubrik: Siaran Pers` showed rubrik Berita, `Penulis:` was replaced by the
    supplied author, and `--fix` wrote `Category: Berita` beside the `Rubrik:`."""
    path = site.article("2024/bahasa.md", INDONESIAN_KEYS)
    built = site.build(strict=True)
    assert built.returncode == 0, built.log
    assert not built.findings(), built.log  # nothing supplied, nothing ignored
    [item] = built.json("feed.json")["items"]
    assert item["url"].endswith("/berita/2024/11/rapat-bahasa/")
    assert item["title"] == "Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan"
    assert [a["name"] for a in item["authors"]] == ["Humas Bawaslu Kota Palembang"]
    assert item["summary"].startswith("Bawaslu Kota Palembang menggelar rapat koordinasi")
    assert (built.output / "rubrik/siaran-pers/index.html").is_file()
    assert not (built.output / "rubrik/berita/index.html").exists()
    fixed = run_check(site, "--fix", "--strict")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "fixed" not in fixed.stdout, fixed.stdout
    assert path.read_text(encoding="utf-8") == INDONESIAN_KEYS


def test_a_key_in_both_languages_is_an_error_at_the_second_line(site):
    text = INDONESIAN_KEYS.replace("Penulis:", "Category: Berita\nPenulis:")
    site.article("2024/dua.md", text)
    built = site.build()
    assert built.returncode == 1, built.log
    assert [(f.line, f.message) for f in built.findings("error")] == [
        (
            5,
            "'Category:' is the same key as 'Rubrik:' (line 4), whose value 'Siaran Pers' is "
            "used (keep one of the two lines ('Rubrik:' and 'Category:' both mean Category:))",
        )
    ], built.log
    assert not built.findings("warning"), built.log  # no "written twice" from Pelican


@pytest.mark.parametrize(
    ("list_end", "next_sentence"),
    [
        ("jembatan, dll.", "Penertiban"),
        ("pemuda, dsb.", "Sosialisasi"),
        ("dan seterusnya, dst.", "Kegiatan"),
        ("Rudi dkk.", "“Kami"),
    ],
)
def test_a_sentence_ending_with_a_list_short_form_is_a_place_to_cut(list_end, next_sentence):
    """After 70393cc the summary ran past "…jembatan, dll." and stopped
    mid-sentence ("…dll. Penertiban dilakukan … termasuk…")."""
    lead = (
        "<p>PALEMBANG – Bawaslu Kota Palembang bersama Satpol PP menertibkan alat peraga "
        "sosialisasi yang dipasang di tempat yang dilarang seperti pohon, tiang listrik, "
        f"taman kota, {list_end} {next_sentence} dilakukan di sebelas kecamatan selama dua "
        "hari dengan melibatkan pengawas kelurahan dan desa serta petugas dari dinas "
        "perhubungan, dinas lingkungan hidup dan kepolisian sektor setempat yang membantu "
        "menurunkan baliho, spanduk dan bendera partai politik.</p>"
    )
    assert lead_summary(lead, max_chars=300).endswith(list_end)


@pytest.mark.parametrize("list_end", ["dll.", "dsb.", "dst.", "dkk."])
def test_a_list_short_form_the_sentence_goes_on_after_is_no_place_to_cut(list_end):
    lead = (
        "<p>PALEMBANG – Bawaslu Kota Palembang menertibkan alat peraga di pohon, tiang "
        f"listrik, taman, {list_end} yang dipasang tanpa izin. Penertiban dilakukan di "
        "sebelas kecamatan. " + "Petugas menurunkan baliho dan spanduk di jalan utama. " * 5
    )
    summary = lead_summary(lead + "</p>", max_chars=300)
    assert summary.endswith("tanpa izin. Penertiban dilakukan di sebelas kecamatan.") or (
        summary.endswith("jalan utama.")
    ), summary
    assert f"{list_end} yang dipasang" in summary


@pytest.mark.parametrize(
    ("lead", "cut"),
    [
        ("PALEMBANG – Bawaslu Lahat mengawasi tahapan.", None),
        ("PALEMBANG – " + "Bawaslu Lahat mengawasi rapat pleno. " * 12, None),
        (
            "PALEMBANG – Bawaslu Kota Prabumulih & mitra menggelar rapat "
            + "A" * 300
            + " selesai.",
            "sentence",
        ),
        ("https://sumsel.bawaslu.go.id/" + "a" * 320 + " dibagikan.", "word"),
    ],
)
def test_a_summary_made_from_a_lead_says_where_it_was_cut(lead, cut):
    made = read_lead_summary(f"<p>{lead}</p>", max_chars=300)
    assert (made.cut, made.lead) == (cut, lead.strip())
    assert made.text.endswith("…") == (cut is not None)


NO_GOOD_SUMMARY = {
    # A pasted address in the lead: cut before it, 48 characters.
    "pasted.md": "PRABUMULIH – Bawaslu Kota Prabumulih &amp; mitra menggelar rapat "
    + "A" * 300
    + " koordinasi evaluasi pengawasan tahapan.",
    "short.md": "LAHAT – Bawaslu Kabupaten Lahat mengawasi tahapan.",
    "address.md": "https://sumsel.bawaslu.go.id/" + "a" * 320 + " dibagikan.",
}


def test_a_summary_the_lead_gives_too_short_or_cut_is_said_once_at_the_lead(site):
    """hostile-dua: without Summary:, a lead holding a 300-character token gave
    "Bawaslu Kota Prabumulih & mitra menggelar rapat…" (48 characters, cut
    mid-sentence) to the description, the cards and the feeds, and nothing
    said so."""
    for number, (name, lead) in enumerate(NO_GOOD_SUMMARY.items(), start=1):
        site.article(
            name,
            f"Title: Bawaslu Gelar Rapat Koordinasi Pengawasan Tahapan Nomor {number}\n"
            f"Date: 2024-11-1{number} 09:00\nSlug: rapat-{number}\nRegion: Sumatera Selatan\n\n"
            f"Siaran Pers\n\n{lead}\n\nParagraf kedua rilis ini.\n",
        )
    site.article("good.md", SEED)
    built = site.build(strict=True, SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    about = [f for f in built.findings() if "summary made from the lead" in f.message]
    assert sorted((f.path.rsplit("/", 1)[-1], f.line, f.level) for f in about) == [
        ("address.md", 8, "suggestion"),
        ("pasted.md", 8, "suggestion"),
        ("short.md", 8, "suggestion"),
    ]
    said = {f.path.rsplit("/", 1)[-1]: f for f in about}
    assert said["pasted.md"].message.startswith(
        "summary made from the lead paragraph is 48 characters long and cut inside a sentence: "
        "'Bawaslu Kota Prabumulih & mitra menggelar rapat…'"
    )
    assert "is 42 characters long: " in said["short.md"].message
    assert "cut inside a word" in said["address.md"].message
    assert all("write a Summary: line of 60 to 300 characters" in f.message for f in about)
    # Still used, not frozen into the file by `invoke check --fix`.
    page = built.html("berita/2024/11/rapat-1/")
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert description == "Bawaslu Kota Prabumulih & mitra menggelar rapat…"
    supplied = [f for f in built.findings("suggestion") if f.message.startswith("supplied")]
    assert [f.path.rsplit("/", 1)[-1] for f in supplied if "Summary" in f.message] == ["good.md"]


HEADLINE_RELEASES = {
    # a headline in capitals, in a paragraph of its own
    "kapital": (
        "Bawaslu OKU Timur Temukan Dua Dugaan Pelanggaran Netralitas Kepala Desa",
        "BAWASLU OKU TIMUR TEMUKAN DUA DUGAAN PELANGGARAN NETRALITAS KEPALA DESA\n\n",
        "MARTAPURA – Bawaslu Kabupaten OKU Timur menemukan dua dugaan pelanggaran netralitas "
        "kepala desa, Kamis (14/11/2024).",
        "Humas Bawaslu Kabupaten Ogan Komering Ulu Timur",
    ),
    # the title again, as the first line
    "judul": (
        "Bawaslu Kota Prabumulih Perkuat Pengawasan Jelang Pemungutan Suara",
        "Bawaslu Kota Prabumulih Perkuat Pengawasan Jelang Pemungutan Suara\n\n",
        "PRABUMULIH- Bawaslu Kota Prabumulih memperkuat pengawasan menjelang pemungutan suara "
        "dengan rapat koordinasi, Jumat (15/11/2024).",
        "Humas Bawaslu Kota Prabumulih",
    ),
    # the title on the line right above the dateline (a chat's paste)
    "chat": (
        "Bawaslu Muratara Awasi Pleno Rekapitulasi Tingkat Kecamatan di Rupit",
        "Bawaslu Muratara Awasi Pleno Rekapitulasi Tingkat Kecamatan di Rupit\n",
        "RUPIT – Bawaslu Kabupaten Musi Rawas Utara mengawasi pleno rekapitulasi tingkat "
        "kecamatan di Rupit, Kamis (14/11/2024).",
        "Humas Bawaslu Kabupaten Musi Rawas Utara",
    ),
}


def test_a_headline_pasted_above_the_lead_gives_neither_summary_nor_region_nor_author(site):
    """A headline pasted as the first body line was the summary (the meta
    description was the title again); in capitals it lost the region, with a
    "no region" warning quoting it and the province's author; on the line
    above the dateline it gave "… di Rupit RUPIT – …" and a doubled word."""
    for slug, (title, above, lead, _) in HEADLINE_RELEASES.items():
        site.article(
            f"2024/{slug}.md",
            f"Title: {title}\nDate: 2024-11-14 10:00\nSlug: {slug}\n\n{above}{lead}\n\n"
            "Ketua Bawaslu meminta jajaran pengawas tetap siaga.\n",
        )
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    assert not built.findings("warning") and not built.findings("error"), built.log
    items = {
        item["url"].rstrip("/").rsplit("/", 1)[1]: item for item in built.json("feed.json")["items"]
    }
    for slug, (_, _, lead, author) in HEADLINE_RELEASES.items():
        summary = re.split(r"\s*[–-]\s*", lead, maxsplit=1)[1]
        assert items[slug]["summary"] == summary, slug
        assert [a["name"] for a in items[slug]["authors"]] == [author], slug
        assert [r["source"] for r in items[slug]["_warta"]["regions"]] == ["dateline"], slug
        page = built.html(f"berita/2024/11/{slug}/")
        assert page.find("meta", attrs={"name": "description"})["content"] == summary, slug
    repeated = [f for f in built.findings("suggestion") if "repeats the title" in f.message]
    assert sorted((f.path, f.line) for f in repeated) == [
        ("content/berita/2024/chat.md", 5),
        ("content/berita/2024/judul.md", 5),
        ("content/berita/2024/kapital.md", 5),
    ]


CREDITS = ["Penulis : EW", "Editor : Tim Humas Bawaslu Muba", "Fotografer : Humas"]
SIGNATURE = [
    "Humas Bawaslu Kabupaten OKU Selatan",
    "Narahubung: Lidya Oktaviani",
    "HP. 0812-7000-1234",
]


def broken(lines: list[str]) -> list[str]:
    """The lines with Markdown's line break at the end of each but the last."""
    return [line + "  " for line in lines[:-1]] + lines[-1:]


@pytest.mark.parametrize(
    "block",
    [
        CREDITS,
        SIGNATURE,
        ["Penulis: YH", "Editor  : Tim Humas Bawaslu OKU Selatan"],  # any spacing
        ["**Penulis:** YH", "**Foto**: Dok. Humas", "_Editor_ : Rina"],  # in bold or italics
        ["Foto: Humas Bawaslu Lahat", "Sumber: Bawaslu Lahat"],
        ["Waktu : Senin (2/11/2026)", "Tempat : Aula Bawaslu Kota Palembang"],  # any label
        ["Humas Bawaslu Kota Palembang", "Kontak: Rudi (0812-1111-2222)"],
        ["Humas Bawaslu Kabupaten Lahat", "Telp. (0731) 123456", "WA 0812-3333-4444"],
        ["Tim Humas", "No. HP: 0812-7000-1234", "E-mail: humas@lahat.bawaslu.go.id"],
        ["Penulis : EW", "Editor： Tim Humas"],  # a full-width colon
    ],
)
def test_a_credit_or_signature_block_keeps_its_line_breaks(block):
    """`Penulis : EW` / `Editor : …` / `Fotografer : …` became one line,
    "Penulis : EW Editor : …"; so did a closing signature block."""
    lines = ["Rapat ditutup dengan doa bersama.", "", *block, "", "Bawaslu"]
    assert kept_line_breaks(lines) == [
        "Rapat ditutup dengan doa bersama.",
        "",
        *broken(block),
        "",
        "Bawaslu",
    ]


@pytest.mark.parametrize(
    "block",
    [
        # prose wrapped by hand, or pasted: its lines still join
        ["Rapat ditutup dengan penandatanganan komitmen bersama", "oleh seluruh peserta."],
        [LEAD, SECOND],
        ["Ketua Bawaslu Lahat mengatakan:", "pengawasan dilakukan sejak pagi hari di semua TPS."],
        # a long line of prose with a label's colon is no credit line
        ["Ketua: " + SECOND, "Anggota: " + SECOND],
        ["Kontak: " + SECOND, "dan seterusnya sampai selesai rapat koordinasi pengawasan."],
        # a list, a quote, a table, an address written out, fenced code
        ["Hadir:", "- Penulis: EW", "- Editor: Rina"],
        ["> Penulis: EW", "> Editor: Rina"],
        ["| Penulis: | EW |", "| Editor: | Rina |"],
        ["https://lahat.bawaslu.go.id/berita/1", "https://lahat.bawaslu.go.id/berita/2"],
        ["```", "Penulis: EW", "Editor: Rina", "```"],
        ["Penulis : EW"],  # one line: nothing to keep
        ["Penulis : EW  ", "Editor : Rina"],  # Markdown's own line break already
    ],
)
def test_prose_and_other_blocks_join_as_markdown_joins_them(block):
    assert kept_line_breaks(block) == block


def test_credit_and_signature_lines_stay_lines_on_the_page(site):
    site.article(
        "2024/kredit.md",
        "Title: Bawaslu Muba Ajak Media Massa Kawal Netralitas Kepala Desa\n"
        "Date: 2024-10-14 11:00\nSlug: kredit\n\n"
        "SEKAYU – Bawaslu Kabupaten Musi Banyuasin menggelar diskusi bersama insan pers\n"
        "tentang netralitas kepala desa, Senin (14/10/2024).\n\n"
        + "\n".join(CREDITS)
        + "\n\n"
        + "\n".join(SIGNATURE)
        + "\n",
    )
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    paragraphs = built.html("berita/2024/10/kredit/").select(".article__body > p")
    lines = [[text.strip() for text in p.strings if text.strip()] for p in paragraphs]
    assert lines == [
        [
            "SEKAYU – Bawaslu Kabupaten Musi Banyuasin menggelar diskusi bersama insan pers\n"
            "tentang netralitas kepala desa, Senin (14/10/2024)."
        ],
        CREDITS,
        SIGNATURE,
    ]
    assert [len(p.find_all("br")) for p in paragraphs] == [0, 2, 2]


LAHAT_CHAIR = "Ketua Bawaslu Kabupaten Lahat"


@pytest.mark.parametrize(
    ("written", "said", "office"),
    [
        (
            "Sapri Yansah",
            (
                "warning",
                "official not in the registry: 'Sapri Yansah' (Ketua Bawaslu Kabupaten Lahat): "
                "did you mean 'Sapri Yansyah' (Ketua Bawaslu Kabupaten Lahat)? (write 'Sapri "
                "Yansyah'; if 'Sapri Yansah' is someone else, add them to data/officials.yaml)",
            ),
            LAHAT_CHAIR,
        ),
        # Another name in a seat the registry gives Sapri Yansyah that day: the
        # name or the registry is wrong (test_official_tags_offices).
        (
            "Budi Santoso",
            (
                "warning",
                "official not in the registry: 'Budi Santoso' (Ketua Bawaslu Kabupaten Lahat), "
                "but the registry's Ketua Bawaslu Kabupaten Lahat on 2026-12-03 is Sapri Yansyah",
            ),
            LAHAT_CHAIR,
        ),
        # A near name in an office never theirs: someone else.
        (
            "Sapri Yansah",
            ("suggestion", "official not in the registry: 'Sapri Yansah' (Anggota Bawaslu Kota"),
            "Anggota Bawaslu Kota Palembang",
        ),
    ],
)
def test_a_misspelt_registered_official_is_asked_about_not_to_be_added(site, written, said, office):
    """`Ketua Bawaslu Kabupaten Lahat, Sapri Yansah,` was "official not in the
    registry … add to data/officials.yaml": a second Sapri Yansyah."""
    site.article(
        "2026/pejabat.md",
        "Title: Bawaslu Lahat Gelar Rapat Evaluasi Pengawasan\nDate: 2026-12-03 09:00\n"
        "Slug: pejabat\n\n"
        "LAHAT – Bawaslu Kabupaten Lahat menggelar rapat evaluasi pengawasan tahapan, "
        "Kamis (3/12/2026).\n\n"
        f"{office}, {written}, mengatakan evaluasi penting bagi jajaran.\n",
    )
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    found = [(f.line, f.level, f.message) for f in built.findings() if "registry" in f.message]
    assert len(found) == 1, built.log
    line, level, message = found[0]
    assert (line, level) == (7, said[0]) and message.startswith(said[1]), message


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ["Data:", "Kecamatan\tPemilih Baru", "Lahat\t120", "Merapi Barat\t\t80", "Selesai."],
            [
                "Data:",
                "",
                "| Kecamatan | Pemilih Baru |",
                "| --- | --- |",
                "| Lahat | 120 |",
                "| Merapi Barat | 80 |",
                "",
                "Selesai.",
            ],
        ),
        (["A|B\tC", "D\tE"], ["| A\\|B | C |", "| --- | --- |", "| D | E |"]),
        # a label's lines, a list, one row, rows of unequal cells, fenced text
        (["Penulis\t: EW", "Editor\t: Rina"], None),
        (["Waktu:\tSenin", "Tempat:\tAula"], None),
        (["1.\tApel", "2.\tPatroli"], None),
        (["Kecamatan\tPemilih Baru"], None),
        (["A\tB\tC", "D\tE"], None),
        (["```", "A\tB", "C\tD", "```"], None),
        (["\tMARTAPURA – Bawaslu menggelar rapat.", "\tRapat dibuka."], None),
    ],
)
def test_rows_pasted_with_tabs_are_a_table(lines, expected):
    assert pasted_tables(lines) == (lines if expected is None else expected)


@pytest.mark.parametrize("blank", ["\n", ""])
def test_front_matter_with_tabs_in_its_values_is_front_matter_not_a_table(blank):
    """`Title: Rapat\tKoordinasi` over `Tags: Pemilu\tPengawasan` (values
    pasted with a tab) were read as a table's rows: the release had no
    metadata and its page began with a table whose header was the title."""
    text = (
        "Title: Rapat\tKoordinasi\nTags: Pemilu\tPengawasan\nDate: 2024-10-14 10:00\n"
        f"{blank}LAHAT – Bawaslu Lahat menggelar rapat.\n\n"
        "Kecamatan\tPemilih Baru\nLahat\t120\nMerapi Barat\t80\n"
    )
    md = markdown.Markdown(extensions=["meta", "tables", "warta.markdown_source"])
    page = BeautifulSoup(md.convert(text), "html.parser")
    assert md.Meta == {
        "title": ["Rapat    Koordinasi"],
        "tags": ["Pemilu    Pengawasan"],
        "date": ["2024-10-14 10:00"],
    }
    assert page.find("p").get_text().startswith("LAHAT")
    rows = [
        [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])]
        for row in page.find_all("tr")
    ]
    assert rows == [["Kecamatan", "Pemilih Baru"], ["Lahat", "120"], ["Merapi Barat", "80"]]


def test_a_table_pasted_with_tabs_is_a_table_on_the_page(site):
    """Rows copied from a spreadsheet were one line of run-together words:
    "Kecamatan Pemilih Baru Pemilih TMS Lahat 120 45 …"."""
    site.article(
        "2024/tabel.md",
        "Title: Bawaslu Kota Palembang Gelar Rapat Koordinasi\nDate: 2024-10-14 10:00\n"
        f"Slug: tabel\n\n{LEAD}\n\n"
        "Kecamatan\tPemilih Baru\tPemilih TMS\nLahat\t120\t45\nMerapi Barat\t80\t12\n",
    )
    _, page = built_page(site, "berita/2024/10/tabel/")
    rows = [
        [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])]
        for row in page.select(".article__body table tr")
    ]
    assert rows == [
        ["Kecamatan", "Pemilih Baru", "Pemilih TMS"],
        ["Lahat", "120", "45"],
        ["Merapi Barat", "80", "12"],
    ]
