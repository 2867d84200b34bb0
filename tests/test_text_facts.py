"""What a machine can catch in a release's text (warta.text, warta.source_checks):
invisible characters, mojibake, dates that contradict the Date: or the calendar."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import REPO, article_text, line_of
from warta.findings import Finding
from warta.mojibake import garbled_in
from warta.source_checks import Rules, check_source, parse_source
from warta.tags.hashtags import hashtag_names
from warta.text import IGNORECASE_ODD_LETTERS, fold, slugify

NOW = "2026-11-20T12:00:00+07:00"


def findings_for(text: str, **rules) -> list[Finding]:
    rules.setdefault("now", dt.datetime.fromisoformat(NOW))
    return list(check_source(parse_source("berita/x.md", text), Rules(**rules)))


def test_each_control_character_gets_advice_that_fits_it():
    """A zero-width space or a byte-order mark was said to be Word's line
    break (U+000B); each kind now gets its own advice, once a line."""
    text = article_text(
        slug="rapat",
        body="PALEMBANG – Bawaslu\u200b Kota Palembang menggelar\ufeff rapat.\n\n"
        "Paragraf\u000bkedua dengan \u202egaris\u202c.",
    )
    found = [(f.level, f.message, f.suggestion) for f in findings_for(text)]
    assert found == [
        (
            "warning",
            "control character U+200B, U+FEFF left out of the published text",
            "U+200B and U+FEFF are invisible zero-width characters: delete them "
            "(retype the words they are in)",
        ),
        (
            "warning",
            "control character U+000B, U+202E, U+202C left out of the published text",
            "a line or page break pasted from a word processor arrives as U+000B: press "
            "Enter instead; U+202E and U+202C are invisible direction marks: delete "
            "them (retype the words they turn around)",
        ),
    ]


@pytest.mark.parametrize(
    ("key", "code"),
    [
        ("Da\u200bte", "U+200B"),
        ("Ta\u2060gs", "U+2060"),
        ("\ufeffCategory", "U+FEFF"),
        ("Author\u200e", "U+200E"),
    ],
)
def test_a_control_character_in_a_key_is_said_once_as_the_reader_reads_the_key(key, code):
    """`Da\u200bte: 2026-12-03 10:00` above `Tags: PDPB` was three lines, two
    untrue: "missing Date", "the front matter ends at this line … Tags: below
    it is read as text" (both errors), and the U+200B warning; the reader
    leaves the character out before it reads the key, so the page had its
    Date: and its tags. The warning alone is said."""
    name = key.translate({ord(c): None for c in "\u200b\u2060\ufeff\u200e"})
    text = article_text(slug="rapat", tags="PDPB").replace(f"\n{name}:", f"\n{key}:", 1)
    source = parse_source("berita/x.md", text)
    assert source.value(name.lower()) and source.ended_by is None
    line = source.line(name.lower())
    assert [(f.line, f.level, f.message) for f in findings_for(text)] == [
        (line, "warning", f"control character {code} left out of the published text")
    ]


def test_a_control_character_in_a_key_like_line_of_the_text_is_said_once():
    """`Penulis\u200b: EW` in the text (below the front matter) was warned of
    twice at its line: as a key's and as the text's."""
    text = article_text(slug="rapat") + "\nPenulis\u200b: EW\n"
    line = text.splitlines().index("Penulis\u200b: EW") + 1
    assert parse_source("berita/x.md", text).controlled_keys == []
    assert [(f.line, f.level, f.message) for f in findings_for(text)] == [
        (line, "warning", "control character U+200B left out of the published text")
    ]


def test_invisible_format_characters_never_split_a_word():
    """A soft hyphen made the slug `peng-aduan` (fold turned it into a space)."""
    for invisible in "\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u202e":
        assert fold(f"Peng{invisible}aduan Pelanggaran") == "pengaduan pelanggaran"
        assert slugify(f"Peng{invisible}aduan Pelanggaran") == "pengaduan-pelanggaran"


def test_a_soft_hyphen_in_a_title_is_left_out_and_said_once(site):
    """The title, its slug, JSON-LD and the search title kept U+00AD, with no finding."""
    title = "Bawaslu Kota Palembang Buka Posko Peng\u00adaduan Pelanggaran Pilkada"
    path = site.article("lunak.md", article_text(title=title))
    built = site.build()
    assert built.returncode == 0, built.log
    page = built.html(
        "berita/2024/11/bawaslu-kota-palembang-buka-posko-pengaduan-pelanggaran-pilkada/"
    )
    shown = title.replace("\u00ad", "")
    assert page.h1.get_text() == shown
    documents = [json.loads(s.string) for s in page.select('script[type="application/ld+json"]')]
    assert next(d for d in documents if d.get("@type") == "NewsArticle")["headline"] == shown
    for output in built.output.rglob("*"):
        if output.suffix in (".html", ".xml", ".json"):
            assert "\u00ad" not in output.read_text(encoding="utf-8"), output
    said = [f for f in built.findings() if "U+00AD" in f.message]
    assert [(f.path, f.line, f.level) for f in said] == [
        ("content/berita/lunak.md", line_of(path, "Title:"), "warning")
    ]
    assert "(U+00AD is a soft hyphen" in said[0].message  # the suggestion, in brackets


def test_mojibake_is_one_warning_at_its_first_line_naming_what_it_was():
    """`PALEMBANG â€“ Bawaslu…` (UTF-8 read as Windows-1252) passed silently."""
    text = article_text(
        slug="rapat",
        title="Bawaslu Kota Palembang Gelar Rapat â€œKoordinasiâ€\u009d Pengawasan",
        body="PALEMBANG â€“ Bawaslu Kota Palembang menggelar rapat.\n\n"
        "Kata ketua, â€œkami siapâ€™. Café Ã© tetap.",
    )
    found = [f for f in findings_for(text) if "garbled" in f.message]
    assert [(f.line, f.level) for f in found] == [(1, "warning")]
    assert found[0].message == (
        "garbled text: 'â€œ' (was '“'), 'â€\u009d' (was '”'); 2 more lines below too: "
        "the file was read as Windows-1252 and saved again"
    )
    assert "'â€œ' as '“'" in found[0].suggestion


def test_a_control_character_of_a_garbled_piece_is_said_once_as_garbled_text():
    """`â€\u009d` (a garbled '”', whose last byte Windows-1252 reads as the
    C1 control U+009D) was two warnings at its line: "control character
    U+009D left out" (following it left 'â€' in the title) and "garbled
    text". The garbled text alone is said; a control character of its own on
    the line still is."""
    title = "Bawaslu Kota Palembang Gelar Rapat â€œKoordinasiâ€\u009d Pengawasan"
    text = article_text(slug="rapat", title=title)
    assert [(f.line, f.message.split(":")[0]) for f in findings_for(text)] == [(1, "garbled text")]
    text = article_text(slug="rapat", title=title.replace("Gelar", "Ge\u200blar"))
    assert [(f.line, f.message.split(":")[0]) for f in findings_for(text)] == [
        (1, "control character U+200B left out of the published text"),
        (1, "garbled text"),
    ]


def test_mojibake_table_knows_the_common_garbles_and_no_indonesian_text():
    assert garbled_in("PALEMBANG â€“ Bawaslu â€œyaâ€ donâ€™t CafÃ© Â°") == [
        ("â€“", "–"),
        ("â€œ", "“"),
        ("â€", "”"),
        ("â€™", "’"),
        ("Ã©", "é"),
        ("Â°", "°"),
    ]
    clean = (
        "SEKAYU – Bawaslu Kabupaten Musi Banyuasin (Muba) menggelar “Apel Siaga” "
        "pada Jum'at (22/11/2024) pukul 07.30 WIB… Ketua Bawaslu, Café Ratu, 25°C, Rp 5.000."
    )
    assert garbled_in(clean) == []


def test_hashtag_tags_get_the_comma_separated_form_with_official_names(site):
    """`Tags: #Pilkada2024 #PengawasanPartisipatif #Kampanye` was one unknown tag, no hint."""
    path = site.article(
        "tagar.md",
        article_text(slug="tagar", tags="#Pilkada2024 #PengawasanPartisipatif #Kampanye"),
    )
    built = site.build(SEARCH_ENABLED=False)
    said = [f for f in built.findings() if "tag" in f.message]
    # (the build's finding lines carry the suggestion in brackets after the message)
    assert [(f.line, f.level, f.message) for f in said] == [
        (
            line_of(path, "Tags:"),
            "warning",
            "unknown tag '#Pilkada2024 #PengawasanPartisipatif #Kampanye' (hashtags are not "
            "separate tags: write the tags separated by commas, without '#': "
            "'Pilkada Serentak 2024, Pengawasan Partisipatif, Kampanye')",
        )
    ]


def test_hashtag_words_are_read_apart(vocabulary):
    def official(typed):
        tag = vocabulary.resolve(typed)
        return tag.name if tag else None

    assert hashtag_names("#KawalPilkadaOKUTimur #Netralitas_ASN #DPT", official) == [
        "Kawal Pilkada OKU Timur",
        official("Netralitas ASN"),
        "Daftar Pemilih Tetap",
    ]
    assert hashtag_names("Pilkada #2024", official) is None


def _dated(date: str, body: str) -> list[tuple[int | None, str, str, str]]:
    text = article_text(slug="rapat", date=date, body=body)
    return [
        (f.line, f.level, f.message, f.suggestion)
        for f in findings_for(text)
        if "date" in f.message or "not a" in f.message
    ]


def test_a_weekday_that_is_not_its_dates_is_said_at_its_line():
    """`Senin (5/11/2024)` passed, though 5 November 2024 was a Tuesday."""
    body = (
        "PALEMBANG – Bawaslu Kota Palembang menggelar rapat, Senin (5/11/2024).\n\n"
        "Rapat lanjutan pada Selasa, 5 Nopember 2024, Kamis (7/11), Jum'at 8/11/2024 "
        "dan Ahad (10/11/2024) berjalan lancar; Rabu (7/11) tidak.\n"
    )
    found = _dated("2024-11-05 09:30", body)
    assert found == [
        (
            9,
            "warning",
            "'Senin (5/11/2024)': 5 November 2024 is a Selasa (Tuesday), not a Senin",
            "write 'Selasa' with that date, or the date of the Senin meant",
        ),
        (
            11,
            "warning",
            "'Rabu (7/11)': 7 November 2024 is a Kamis (Thursday), not a Rabu",
            "write 'Kamis' with that date, or the date of the Rabu meant",
        ),
    ]


def test_the_leads_date_far_from_the_date_is_said_once_with_the_fix():
    """`Date: 2024-09-14` with the lead `Sekayu, Senin (14/10/2024) –` passed
    (`check ok`): the release was published a month early."""
    lead = "Sekayu, {} – Bawaslu Kabupaten Musi Banyuasin menggelar apel siaga."
    assert _dated("2024-09-14 11:00", lead.format("Senin (14/10/2024)")) == [
        (
            9,
            "warning",
            "the lead's date 'Senin (14/10/2024)' (14 October 2024) is 30 days after the "
            "Date: '2024-09-14 11:00'",
            "if the release reports that day, write 'Date: 2024-10-14 11:00'; else fix the lead",
        )
    ]
    # The weekday is the Date:'s (a Saturday): the lead's month is the slip, said once.
    assert _dated("2024-09-14 11:00", lead.format("Sabtu (14/10/2024)")) == [
        (
            9,
            "warning",
            "the lead's date 'Sabtu (14/10/2024)' (14 October 2024) is 30 days after the "
            "Date: '2024-09-14 11:00'",
            "the Sabtu is the Date:'s day: write its date in the lead (14/9/2024)",
        )
    ]
    assert _dated("2024-11-20", lead.format("14 Oktober 2024")) == [
        (
            9,
            "warning",
            "the lead's date '14 Oktober 2024' (14 October 2024) is 37 days before the "
            "Date: '2024-11-20'",
            "fix whichever is wrong: 'Date: 2024-10-14', or the date in the lead",
        )
    ]


@pytest.mark.parametrize(
    "notice",
    [
        "Embargo: 19 November 2026 pukul 10.00 WIB",
        "EMBARGO : Kamis, 19 November 2026 pukul 10.00 WIB",
        "**EMBARGO:** Kamis, 19 November 2026 pukul 10.00 WIB",
        "Embargo s.d. 19 November 2026 pukul 10.00 WIB",
        "SIARAN PERS\nNomor: 045/HM.01/K.SS/11/2026\nEMBARGO hingga 19 November 2026",
    ],
)
def test_an_embargo_line_above_the_lead_is_not_the_lead(notice):
    """`Embargo: 10 Desember 2026 pukul 10.00 WIB` above the lead was said
    twice at its line: held back, and "the lead's date '10 Desember 2026' is
    7 days after the Date:", though the line is no lead (the dateline's
    reader skips it). The lead below it is the one read."""
    lead = "LAHAT – Bawaslu Kabupaten Lahat menggelar rapat evaluasi, Kamis ({}/2026)."
    line = 9 + notice.count("\n")

    def said(day: str) -> list[Finding]:
        body = f"{notice}\n\n{lead.format(day)}"
        return findings_for(article_text(slug="rapat", date="2026-11-12 09:00", body=body))

    at_line = [(f.line, f.level, "read as Status: draft" in f.message) for f in said("12/11")]
    assert [found for found in at_line if found[0] == line] == [(line, "warning", True)]
    # A lead's date far from the Date: below it is still said, at the lead.
    far = [f.line for f in said("12/9") if f.message.startswith("the lead's date")]
    assert far == [line + 2]


def test_a_lead_reported_late_or_announcing_a_later_day_is_no_finding():
    late = "Sekayu – Bawaslu Muba menggelar apel siaga, Selasa (3/9/2024). Lalu (14/10)."
    assert _dated("2024-09-18 10:00", late) == []
    ahead = "Sekayu – Bawaslu Muba akan menggelar apel siaga pada Senin (14/10/2024)."
    assert _dated("2024-10-01 10:00", ahead) == []
    assert _dated("2024-10-15 10:00", "# Judul (14/10)\n\nSekayu, (14/10) – Bawaslu Muba.") == []


def test_a_stages_date_against_the_schedule_is_said_at_its_line(site):
    """`masa tenang yang dimulai 23 November` passed, though the 2024 masa
    tenang ran 24–26 November (data/official_tags.yaml); the stage's right
    dates, and a noun's own dates, are no finding."""
    path = site.article(
        "tenang.md",
        article_text(
            slug="tenang",
            date="2024-11-20 10:00",
            body="PALEMBANG – Bawaslu Kota Palembang mengingatkan masa tenang yang dimulai "
            "23 November agar dipatuhi.\n\n"
            "Masa tenang Pemilihan Serentak 2024 dimulai Minggu (24/11/2024) dan berlangsung "
            "hingga Selasa, 26 November 2024. Masa kampanye berakhir 24 November.\n\n"
            "Rapat teknis pengawasan pemungutan dan penghitungan suara yang berlangsung 14 "
            "hingga 16 November 2024 ditutup.\n",
        ),
    )
    built = site.build(SEARCH_ENABLED=False)
    said = [(f.line, f.level, f.message) for f in built.findings() if " runs " in f.message]
    schedule = "correct the tag '{}' in data/official_tags.yaml (line {})"
    assert said == [
        (
            line_of(path, "PALEMBANG"),
            "warning",
            "'dimulai 23 November': Masa Tenang of Pilkada Serentak 2024 runs 24 November "
            "2024 – 26 November 2024: it starts on 24 November 2024, not 23 November 2024 "
            "(write the schedule's date; if the schedule is wrong, "
            + schedule.format("Masa Tenang", _tag_line("Masa Tenang"))
            + ")",
        ),
        (
            line_of(path, "Masa tenang Pemilihan"),
            "warning",
            "'berakhir 24 November': Kampanye of Pilkada Serentak 2024 runs 25 September "
            "2024 – 23 November 2024: it ends on 23 November 2024, not 24 November 2024 "
            "(write the schedule's date; if the schedule is wrong, "
            + schedule.format("Kampanye", _tag_line("Kampanye"))
            + ")",
        ),
    ]


def _tag_line(name: str) -> int:
    return line_of(REPO / "data" / "official_tags.yaml", f"- name: {name}")


def test_an_indonesian_date_is_published_at_that_date_with_one_suggestion(site):
    """`Date: Senin, 25 November 2024 pukul 10.00` was an error (not published)
    naming the value to write; it is read as that time in WIB."""
    site.article(
        "tanggal.md", article_text(slug="tanggal", date="Senin, 25 November 2024 pukul 10.00")
    )
    site.article("titik.md", article_text(slug="titik", date="2024-11-23 08.00"))
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    for address, when in (("tanggal", "2024-11-25T10:00"), ("titik", "2024-11-23T08:00")):
        page = built.html(f"berita/2024/11/{address}/")
        assert page.select_one("article time")["datetime"].startswith(when)
    said = [(f.path, f.line, f.level) for f in built.findings() if "Date" in f.message]
    assert said == [
        ("content/berita/tanggal.md", 2, "suggestion"),
        ("content/berita/titik.md", 2, "suggestion"),
    ], built.log


def test_weekdays_in_any_case_are_read_as_by_a_search_of_every_line():
    """The weekday check finds the weekdays' names by a search of the lower-case
    text (`textdates._weekday_dates`): it reads the same dates as
    `weekday_dates` on every line, in upper case, with a letter IGNORECASE
    takes for an ASCII one (the Kelvin sign; with the long s or a dotted
    capital I, which lower case misplaces, every line is searched), a name at
    a line's end with its date on the next, two on one line."""
    import re

    from warta import textdates

    odd = re.findall("[a-z]", "".join(map(chr, range(0x80, 0x110000))), re.IGNORECASE)
    assert all(c in IGNORECASE_ODD_LETTERS or c.lower().isascii() for c in odd)
    said = 0
    for lines in (
        ["PALEMBANG, SENIN (5/11/2024) – rapat", "Selasa, 5 Nopember 2024 dan jum'at 8/11/2024"],
        ["\u212aAMIS (5/11)", "\u212aamis (5/11/2024) di Pa\u017f\u0130r"],
        ["KAMIS (5/11/2024) dan Rabu (7/11)"],
        ["rapat pada Senin", "(5/11/2024) dan Minggu ini 5 kali, jumlah 3", "Ahad tanggal 10"],
        ["tanpa tanggal", "Rabu (6/11) Kamis (6/11), Jumat 6/11/2024, Sabtu, 6 November"],
    ):
        numbered = list(enumerate(lines, 9))
        every_line = [
            (written, value)
            for number, text in numbered
            for written in textdates.weekday_dates(number, text)
            if (value := written.value(dt.date(2024, 11, 5)))
            and written.weekday_number() != value.weekday()
        ]
        assert list(textdates.wrong_weekdays(numbered, dt.date(2024, 11, 5))) == every_line
        said += len(every_line)
    assert said == 8


def test_the_weekday_dates_are_those_of_a_search_of_every_line_with_the_pattern():
    """`weekday_dates` and `wrong_weekdays` try the weekday pattern only where
    a weekday's name starts in the lower-case text (`warta.text.tried_where`):
    they read the dates a search of every line with the pattern reads, in any
    case, run together, inside words, at a line's end, with letters
    IGNORECASE takes for ASCII ones or lower case lengthens."""
    import random

    from warta import textdates

    def searched(number, text):
        for weekday in textdates._WEEKDAY_DATE.finditer(text):
            for pattern in textdates._PATTERNS:
                match = pattern.match(text, weekday.start())
                if match is not None and match["weekday"]:
                    yield textdates._day_date(number, match)
                    break

    pieces = [
        *("Senin", "SELASA", "rabu", "Kamis", "Jum'at", "JUMAT", "Sabtu", "minggu", "Ahad"),
        *("\u212aamis", "\u017fenin", "KAM\u0130S", "jumlah", "xSenin", "Selasa-", "kamisabtu"),
        *("(5/11/2024)", "(5/11)", "5/11/2024", "5 November 2024", "6 Nopember", "tanggal"),
        *("tgl.", " ", ", ", "  ", "\0", "\u0130"),
    ]
    rng = random.Random(17)
    said = 0
    for _ in range(3000):
        lines = [
            (number, "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))))
            for number in range(1, rng.randint(1, 4))
        ]
        expected = [written for line in lines for written in searched(*line)]
        assert [d for line in lines for d in textdates.weekday_dates(*line)] == expected
        near = dt.date(2024, 11, 5)
        wrong = [
            (written, written.value(near))
            for written in expected
            if written.value(near) and written.weekday_number() != written.value(near).weekday()
        ]
        assert list(textdates.wrong_weekdays(lines, near)) == wrong
        said += len(wrong)
    assert said > 100


def test_the_dates_of_a_line_are_every_patterns_whichever_it_is_spared():
    """`day_dates` searches a line for a date in brackets or slashed only when
    it has a slash, for a named one only when it has a month's name in lower
    case (`warta.text.may_hold_ascii_word`): the same dates as all three
    patterns' search, a month in upper case or with a letter IGNORECASE takes
    for an ASCII one."""
    from warta import textdates

    def every_pattern(number: int, text: str) -> list:
        found = []
        for pattern in textdates._PATTERNS:
            for match in pattern.finditer(text):
                if not any(d.start <= match.start() < d.start + len(d.written) for d in found):
                    found.append(textdates._day_date(number, match))
        return sorted(found, key=lambda d: d.start)

    for text in (
        "Senin (14/10/2024) dan Selasa, 15 OKTOBER 2024, lalu 16 Nopember",
        "Rapat 5 O\u212aTOBER 2024 dan 6 SEPTEMBER di Pa\u0130r \u017f",
        "Rapat (5/11) dan Kamis 7/11/2024 tanpa bulan",
        "Sebanyak 12 orang dari 3 desa, 14 mei 2024",
        "Tanpa tanggal 12 dan 15",
    ):
        assert textdates.day_dates(3, text) == every_pattern(3, text), text


def test_names_a_case_insensitive_pattern_matched_with_odd_letters_are_read(site):
    """`ſenin`, `KAMİS`, `14 ſEPTEMBER` and `maſa tenang` (the long s, the
    dotted capital I: letters Python's IGNORECASE takes for ASCII ones, which
    `str.lower` keeps apart) stopped the build with a KeyError; they are read
    as the names they match, and said like any other."""
    site.article(
        "odd.md",
        article_text(
            slug="odd",
            date="2024-11-20 10:00",
            body="PALEMBANG – Bawaslu Kota Palembang mengingatkan maſa tenang yang dimulai "
            "23 November agar dipatuhi.\n\n"
            "Rapat digelar pada ſenin (19/11/2024) dan KAMİS (22/11/2024), setelah apel "
            "14 ſEPTEMBER 2024.\n",
        ),
    )
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    assert not built.findings("error")
    said = sorted(f.message.split(":")[0] for f in built.findings() if f.level == "warning")
    assert said == ["'KAMİS (22/11/2024)'", "'dimulai 23 November'", "'ſenin (19/11/2024)'"]


def test_a_key_after_a_zero_width_space_keeps_the_values_below_it(site):
    """`\u200bDate: …` (a zero-width space pasted before a key): the reader
    leaves it out and reads every key, but the build's check of which keys
    a release declares stopped at that line, so the writer's `Author: Humas
    Bawaslu` was replaced with the office's humas and "supplied Category,
    Summary, Author" was suggested for `invoke check --fix` to write over
    them. Now the author stays, and the one line is the character's."""
    text = article_text(slug="nol-lebar", author="Humas Bawaslu").replace(
        "\nDate:", "\n\u200bDate:", 1
    )
    path = site.article("nol-lebar.md", text)
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    item = next(i for i in built.json("feed.json")["items"] if i["url"].endswith("/nol-lebar/"))
    assert [a["name"] for a in item["authors"]] == ["Humas Bawaslu"]
    mine = [
        (f.line, f.level, f.message)
        for f in built.findings()
        if f.path.endswith("berita/nol-lebar.md")
    ]
    assert mine == [
        (
            line_of(path, "Date:"),
            "warning",
            "control character U+200B left out of the published text (U+200B is an invisible "
            "zero-width character: delete it (retype the word it is in))",
        )
    ], built.log
