"""Bad content never crashes a build and never vanishes silently: each class of
problem gives one clear line (file, line, value, suggestion) from the build and
from `invoke check`, with the right exit code."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

from conftest import REPO, article_text, line_of, run_build, run_check, run_invoke
from warta.findings import Finding, parse_log_message
from warta.source_checks import (
    Rules,
    check_author_spellings,
    check_duplicates,
    check_source,
    parse_date,
    parse_source,
)
from warta.text import preferred_spelling

NOW = "2026-11-20T12:00:00+07:00"


def findings_for(text: str, **rules) -> list[Finding]:
    rules.setdefault("now", dt.datetime.fromisoformat(NOW))
    return list(check_source(parse_source("berita/x.md", text), Rules(**rules)))


def messages(findings: list[Finding]) -> list[tuple[int | None, str, str]]:
    return [(f.line, f.level, f.message) for f in findings]


def test_a_clean_release_has_no_findings():
    assert findings_for(article_text(slug="rapat-koordinasi")) == []


def test_front_matter_is_read_with_line_numbers():
    source = parse_source("x.md", "Title: Judul berita\nDate: 2024-11-17 09:30\n\nTeks.\n")
    assert source.metadata["title"] == ("Judul berita", 1)
    assert source.line("date") == 2
    assert source.body == [(4, "Teks.")]


@pytest.mark.parametrize(
    "raw", ["2024-11-17 09:30", "2024-11-17", "2024-11-17T09:30", "2024-11-17 09:30:15"]
)
def test_accepted_date_forms(raw):
    assert parse_date(raw).date() == dt.date(2024, 11, 17)


@pytest.mark.parametrize("raw", ["17 Nopember", "17/11/2024", "2024-13-01", "besok"])
def test_unparseable_dates_point_at_the_line_and_show_the_expected_form(raw):
    found = findings_for(article_text(slug="x-y", date=raw))
    [finding] = [f for f in found if "Date" in f.message]
    assert (finding.line, finding.level) == (2, "error")
    assert raw in finding.message
    assert "YYYY-MM-DD HH:MM" in finding.suggestion or "2024-11-17" in finding.suggestion


def date_findings(raw: str, key: str = "date") -> list[tuple[str, str, str]]:
    text = article_text(slug="x-y", **{"date": "2024-11-01 08:00", key: raw})
    return [
        (f.level, f.message, f.suggestion)
        for f in findings_for(text)
        if f.line == 2 + (key == "modified") * 6  # article_text writes Modified: last
    ]


@pytest.mark.parametrize("key", ["date", "modified"])
@pytest.mark.parametrize(
    ("raw", "read"),
    [
        ("Selasa, 5 November 2024", "2024-11-05"),
        ("12 Nopember 2024", "2024-11-12"),
        ("12 Pebruari 2025 14:00", "2025-02-12 14:00"),
        ("3 Desember 2025 10.00", "2025-12-03 10:00"),
        ("Kamis, 7 Agustus 2025 pukul 09.30 WIB", "2025-08-07 09:30"),
        ("2024-11-04 09.30 WIB", "2024-11-04 09:30"),
        ("12 Desember 2024 09.30 WIB", "2024-12-12 09:30"),
        ("Senin, 25 November 2024 pukul 10.00", "2024-11-25 10:00"),
        ("2024-11-23 08.00", "2024-11-23 08:00"),
    ],
)
def test_a_date_written_the_indonesian_way_is_read_with_one_suggestion(raw, read, key):
    """`12 Oktober 2024 09.30 WIB`, `25 Nopember 2024`, `Senin, 25 November
    2024 pukul 10.00`, `2024-11-23 08.00` were errors that named the value to
    write: the build now reads them (in WIB) and says that value once."""
    zone = " WIB" if " " in read else ""
    assert date_findings(raw, key) == [
        (
            "suggestion",
            f"{key.title()} '{raw}' is read as {read}{zone}",
            f"write it as {read}, the form the CMS and `invoke new` write",
        )
    ]


@pytest.mark.parametrize("key", ["date", "modified"])
@pytest.mark.parametrize(
    ("raw", "fixed"),
    [
        ("05/11/2024 10:00", "write it as 2024-11-05 10:00 (day first: 5 November)"),
        (
            "Kamis (7/11/2024)",
            "write it as 2024-11-07, or with the time in WIB: 2024-11-07 HH:MM (day first: "
            "7 November)",
        ),
        (
            "2024/11/04",
            "write it as 2024-11-04, or with the time in WIB: 2024-11-04 HH:MM",
        ),
        ("2024.11.04 09:30", "write it as 2024-11-04 09:30"),
        (
            "Jum'at, (8/11/2024) pukul 10.00 wib",
            "write it as 2024-11-08 10:00 (day first: 8 November)",
        ),
        (
            "4 November 2024 10:30 wita",
            "the site's times are in WIB: write it in WIB as 2024-11-04 09:30",
        ),
        (
            "4 November 2024 10:30 WITA",
            "the site's times are in WIB: write it in WIB as 2024-11-04 09:30",
        ),
    ],
)
def test_a_date_written_the_indonesian_way_gets_its_corrected_value(raw, fixed, key):
    """The generic "YYYY-MM-DD HH:MM" hint for every form staff type that the
    site does not read (a day first with slashes, which another program reads
    month first; a year first with slashes; another zone): the value read as
    an Indonesian date is the suggestion, for Date: and Modified:."""
    assert date_findings(raw, key) == [("error", f"unparseable {key.title()}: '{raw}'", fixed)]


@pytest.mark.parametrize(
    ("raw", "problem", "hint"),
    [
        ("2024-11-31 09:00", "there is no 31 November 2024 (November 2024 has 30 days)", "day"),
        ("2025-02-29", "there is no 29 February 2025 (February 2025 has 28 days)", "day"),
        ("2024-13-01", "there is no month 13", "month"),
        (
            "2026-11-03 12.75",
            "there is no time 12.75 (hours run from 00 to 23, minutes from 00 to 59)",
            "time",
        ),
        (
            "2026-11-03 08.60",
            "there is no time 08.60 (hours run from 00 to 23, minutes from 00 to 59)",
            "time",
        ),
        (
            "2026-11-03 25.00",
            "there is no time 25.00 (hours run from 00 to 23, minutes from 00 to 59)",
            "time",
        ),
        (
            "2026-11-03 25:00",
            "there is no time 25:00 (hours run from 00 to 23, minutes from 00 to 59)",
            "time",
        ),
        ("2026-11-03 10.5", "the minutes of 10.5 are one digit", "minutes"),
        ("2024/13/04", "there is no month 13", "month"),
        (
            "Rabu (7/11/2024)",
            "Rabu is not the day of the week of 7 November 2024, a Kamis (Thursday)",
            "weekday",
        ),
        (
            "Senin, 5 November 2024 09:00",
            "Senin is not the day of the week of 5 November 2024, a Selasa (Tuesday)",
            "weekday",
        ),
    ],
)
def test_a_date_that_names_no_real_day_or_time_says_what_is_wrong_and_guesses_nothing(
    raw, problem, hint
):
    """`2024-11-31` was "unparseable"; `12.75` got the hint 12:75 and `10.5` the
    guess 10:05."""
    [(level, message, suggestion)] = date_findings(raw)
    assert (level, message) == ("error", f"impossible Date: '{raw}': {problem}")
    assert (
        suggestion
        == {
            "day": "write a day that exists: YYYY-MM-DD HH:MM in WIB",
            "time": "write a time from 00:00 to 23:59: YYYY-MM-DD HH:MM in WIB",
            "minutes": "write the minutes with two digits: YYYY-MM-DD HH:MM in WIB",
            "weekday": "write the date that was meant: YYYY-MM-DD HH:MM in WIB",
            "month": "write a month from 01 to 12: YYYY-MM-DD HH:MM in WIB",
        }[hint]
    )


@pytest.mark.parametrize(
    ("raw", "read"),
    [
        ("2024-11-04 09:30 WIB", "2024-11-04 09:30"),
        ("17 September 2025 10:00 WIB", "2025-09-17 10:00"),
        ("17 November 2024", "2024-11-17"),
        # The zone in any case.
        ("4 November 2024 09:30 wib", "2024-11-04 09:30"),
        ("2024-11-04 09:30 Wib", "2024-11-04 09:30"),
    ],
)
def test_a_date_pelican_reads_as_written_is_published_with_a_suggestion(raw, read):
    """Pelican reads `2024-11-04 09:30 WIB` (dateutil leaves the zone's name out);
    the check refused it, with a hint that asked for WIB."""
    assert parse_date(raw) == dt.datetime.fromisoformat(read)
    assert date_findings(raw) == [
        (
            "suggestion",
            f"Date '{raw}' is read as {read}" + (" WIB" if " " in read else ""),
            f"write it as {read}, the form the CMS and `invoke new` write",
        )
    ]


def test_missing_metadata():
    text = "Title: Bawaslu Kota Palembang Gelar Rapat\nCategory: Berita\n\nTeks berita.\n"
    found = {(f.level, f.message) for f in findings_for(text)}
    assert ("error", "missing Date") in found
    # Slug, Category and Summary are supplied by the build (release_defaults), not errors.
    assert not [m for _, m in found if m in ("missing Slug", "missing Summary")], found


def test_a_release_without_front_matter_is_an_error_on_line_1():
    found = findings_for("PALEMBANG – Bawaslu Kota Palembang menggelar rapat.\n")
    assert messages(found) == [(1, "error", "no front matter: the file starts with its text")]
    assert "invoke new" in found[0].suggestion


def test_invalid_slug_gets_a_fixed_suggestion():
    [finding] = findings_for(article_text(slug="Rapat Koordinasi!"))
    assert finding.message == "invalid Slug: 'Rapat Koordinasi!'"
    assert "'rapat-koordinasi'" in finding.suggestion


def test_a_page_with_an_invalid_slug_is_previewed_at_the_suggested_address(site):
    """The build fails on `Slug: Rapat Pleno! <b>Lahat</b>`, but the preview
    shows the page where the error says it should go, not in folders named by
    the markup ("Rapat Pleno! <b>Lahat<" and "b>")."""
    site.article("aneh.md", slug="Rapat Pléno! <b>Lahat</b>", title="Rapat Pleno Lahat")
    built = site.build(SEARCH_ENABLED=False)

    assert built.returncode == 1
    [error] = built.log_lines("error")
    assert (
        "invalid Slug: 'Rapat Pléno! <b>Lahat</b>'" in error and "'rapat-pleno-b-lahat-b'" in error
    )
    [month] = (built.output / "berita" / "2024").iterdir()
    assert [p.name for p in month.iterdir()] == ["rapat-pleno-b-lahat-b"]
    assert (
        built.html(f"berita/2024/{month.name}/rapat-pleno-b-lahat-b/").h1.get_text(strip=True)
        == "Rapat Pleno Lahat"
    )


@pytest.mark.parametrize(
    ("slug", "level", "written"),
    [
        ("slug\u200bzw", "warning", "slugzw"),  # a zero-width space
        ("rapat-pleno\u202e\u2060", "warning", "rapat-pleno"),
        ("Rapat\u200bPleno", "error", "rapatpleno"),  # invalid without it too
        ("rapat\x0bpleno", "error", "rapat-pleno"),  # Word's line break: a space
        ("\u200b\u2060", "error", "rapat-pleno-pengawasan-lahat"),  # nothing left: the title's
    ],
)
def test_a_control_character_in_a_slug_is_one_finding_naming_the_slug_written(
    site, slug, level, written
):
    """`Slug: slug<U+200B>zw` was an "invalid Slug" error suggesting 'slug-zw'
    and a "control character" warning, while the page was written at
    /berita/2024/11/slugzw/. One finding at the Slug: line now, whose
    suggestion is the slug the build writes the page at."""
    site.article("zw.md", slug=slug, title="Rapat Pleno Pengawasan Lahat")
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == (1 if level == "error" else 0), built.log
    line = line_of(site.content / "berita" / "zw.md", "Slug:")
    found = [f for f in built.findings() if f.path.endswith("zw.md")]
    [finding] = found
    assert (finding.line, finding.level) == (line, level), built.log
    assert ("invalid Slug" in finding.message) == (level == "error")
    suggested = finding.message.rsplit(" (", 1)[1].split("'")[1]
    if level == "warning":
        suggested = suggested.removeprefix("Slug: ")
    [month] = (built.output / "berita" / "2024").iterdir()
    assert [p.name for p in month.iterdir()] == [suggested] == [written]


def test_an_invalid_lang_is_an_error_and_the_page_stays_in_the_sites_language(site):
    """`Lang:` makes a translation whose address ends in the language:
    `Lang: {% raw %}` made a folder '…-{% raw %}' with no finding."""
    site.article("bahasa.md", slug="rapat-bahasa", title="Rapat Bahasa", lang="{% raw %}")
    site.page("tentang.md", "Title: Tentang Kami\nSlug: tentang\nLang: bahasa indonesia\n\nIsi.\n")
    built = site.build(SEARCH_ENABLED=False)

    assert built.returncode == 1
    errors = built.log_lines("error")
    line = line_of(site.content / "berita" / "bahasa.md", "Lang:")
    assert [e for e in errors if e.startswith("berita/bahasa.md:")] == [
        f"berita/bahasa.md:{line}: invalid Lang: '{{% raw %}}' (remove the Lang: line (the site "
        "is in Indonesian), or write a language code such as 'en')"
    ], errors
    assert [e for e in errors if e.startswith("halaman/tentang.md:3: invalid Lang:")], errors
    assert len(errors) == 2, errors
    [month] = (built.output / "berita" / "2024").iterdir()
    assert [p.name for p in month.iterdir()] == ["rapat-bahasa"]
    assert built.html(f"berita/2024/{month.name}/rapat-bahasa/").html["lang"] == "id"
    assert built.html("tentang/").h1.get_text(strip=True) == "Tentang Kami"


def test_a_page_with_an_invalid_slug_is_an_error_at_its_line(site):
    """Pages are the site's own, but `Slug: Tentang <i>Kami</i>` made a folder
    "Tentang <i>Kami<" with "build ok"."""
    site.page("tentang.md", "Title: Tentang Kami\nSlug: Tentang <i>Kami</i>\n\nIsi.\n")
    built = site.build(SEARCH_ENABLED=False)

    assert built.returncode == 1
    [error] = built.log_lines("error")
    assert error.startswith("halaman/tentang.md:2: invalid Slug: 'Tentang <i>Kami</i>'"), error
    assert "'tentang-i-kami-i'" in error
    assert built.html("tentang-i-kami-i/").h1.get_text(strip=True) == "Tentang Kami"
    assert not [p for p in built.output.iterdir() if "<" in p.name]


@pytest.mark.parametrize(
    ("category", "hint"),
    [("berita", "write it as 'Berita'"), ("Siaran Pres", "Siaran Pers")],
)
def test_unknown_rubrik_suggests_the_known_ones(category, hint):
    [finding] = findings_for(article_text(slug="x-y", category=category))
    assert finding.message == f"unknown rubrik: '{category}'"
    assert hint in finding.suggestion


def test_doubled_words_are_found_on_their_line_but_reduplication_is_not():
    body = (
        "Paragraf pertama.\n\nHadir dari dari seluruh kecamatan.\n\n"
        "Langkah-langkah pencegahan dan dan sosialisasi."
    )
    found = findings_for(article_text(slug="x-y", body=body))
    assert [(f.line, f.message) for f in found] == [
        (11, "doubled word: 'dari dari'"),
        (13, "doubled word: 'dan dan'"),
    ]


@pytest.mark.parametrize("rest", ["", " Kata “kutipan” — tanda pisah.", " Ketua Éléonore hadir."])
def test_doubled_words_in_any_body_and_across_a_line_break_but_not_in_code(rest):
    """The whole body is searched at once (lowered when it is ASCII): a doubled
    word of either case is found at its line, one across a line break of a
    paragraph too (Markdown joins the lines); a repeat across paragraphs, from
    a heading's line ('## Pengawasan', '#Pemilu') to the next, or in a code
    block is not one."""
    body = (
        f"Paragraf pertama.{rest}\n\nRapat itu dihadiri\ndihadiri pula warga dan\n\n"
        "dan\n\n```\nsalin salin\n```\n\nSaksi SAKSI dari partai, dan pemilih\tpemilih pemula."
        "\n## Pengawasan\nPengawasan dilakukan sejak pagi.\n#Pemilu\nPemilu damai."
    )
    found = findings_for(article_text(slug="x-y", body=body))
    across = " (at the end of this line and the start of the next)"
    assert [(f.line, f.message, f.suggestion) for f in found] == [
        (11, f"doubled word: 'dihadiri dihadiri'{across}", "write 'dihadiri' once"),
        (20, "doubled word: 'Saksi SAKSI'", "write 'Saksi' once"),
        (20, "doubled word: 'pemilih pemilih'", "write 'pemilih' once"),
    ]


def test_a_sources_body_readings_are_made_once_follow_a_new_body_and_are_not_pickled():
    """The fenced lines, the text lines and the prose several checks read are
    read from the body once; a source given another body reads that one, and
    a pickled source (the checks' cache) carries none of them."""
    source = parse_source("berita/x.md", article_text(slug="x-y", body="Teks.\n\n```\nkode\n```"))
    assert source.fenced[-4:] == [False, True, True, True]
    assert source.fenced is source.fenced
    assert source.prose.split("\n")[-4:] == ["", "", "", ""]
    copy = pickle.loads(pickle.dumps(source))
    assert copy == source and "_body_cache" not in copy.__dict__
    source.body = [(20, "Baru dan dan."), (21, "~~~")]
    assert source.fenced == [False, True]
    assert source.text_lines == [(20, "Baru dan dan.")]
    assert source.prose == "Baru dan dan.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Hadir (kata kata) “Kata” kata, dan—dan x-kata kata 3kata kata_ _kata kata.",
        "Kata\u00a0kata dan\u2003dan pula\tpula; Pemilu, pemilu.",
        "Suara \u03a1\u0391\u03a3 \u03c1\u03b1\u03c3 dan \u0130\u0130 ii hadir.",
        "Suara \u212ak kk dan \u017fs ss; Stra\u00dfe STRASSE caf\u00e9 CAF\u00c9.",
        "Ketua Bawaslu Kota Dalam dalam sosialisasi. Dalam dalam rapat.",
        "Tanpa kata yang berulang: satu, dua; tiga.",
    ],
)
def test_doubled_words_are_the_patterns_whichever_text_the_search_is_spared(line, monkeypatch):
    """The doubled-word pattern is searched only in a text where two words
    next to each other are the same in lower case, its punctuation made
    spaces (`_may_have_doubled_words`): with punctuation around the words,
    other white space, letters `str.lower` treats apart from IGNORECASE, the
    findings are those of the pattern searched in every text."""
    from warta import source_checks

    text = article_text(slug="x-y", body=f"Paragraf pertama.\n\n{line}\n{line}")
    found = findings_for(text)
    monkeypatch.setattr(source_checks, "_may_have_doubled_words", lambda text: True)
    assert found == findings_for(text)


def test_a_name_that_ends_with_the_next_word_is_not_a_doubled_word():
    body = (
        "Kepala desa se-Kecamatan Sikap Dalam dalam sosialisasi netralitas.\n\n"
        "Dalam dalam rapat itu hadir pengawas.\n\n"
        "Hadir pula pengawas. Dalam dalam kesempatan itu ia berpesan.\n\n"
        "PALEMBANG – Dalam dalam rapat koordinasi."
    )
    found = findings_for(article_text(slug="x-y", body=body))
    assert [(f.line, f.message) for f in found] == [
        (11, "doubled word: 'Dalam dalam'"),
        (13, "doubled word: 'Dalam dalam'"),
        (15, "doubled word: 'Dalam dalam'"),
    ]


WA_TITLE = "Bawaslu Muratara Awasi Pleno Rekapitulasi Tingkat Kecamatan di Rupit"
WA_LEAD = (
    "RUPIT – Bawaslu Kabupaten Musi Rawas Utara mengawasi pleno rekapitulasi tingkat kecamatan "
    "di Rupit, Minggu (17/11/2024)."
)


@pytest.mark.parametrize(
    ("body", "line"),
    [
        (f"{WA_TITLE}\n{WA_LEAD}", 9),  # a chat's paste: the headline right above
        (f"{WA_TITLE}\n\n{WA_LEAD}", 9),
        (f"SIARAN PERS\n\n**{WA_TITLE.upper()}**\n\n{WA_LEAD}", 11),
        (f"![Pleno](/images/pleno.jpg)\n\n{WA_TITLE}.\n\n{WA_LEAD}", 11),
    ],
)
def test_the_title_pasted_above_the_lead_is_one_suggestion_at_its_line(body, line):
    """A headline on the line right above the dateline ("… di Rupit" then
    "RUPIT – …") was a doubled word 'Rupit RUPIT'; the title pasted again
    was said nowhere, and shown twice on the page."""
    found = findings_for(article_text(slug="x-y", title=WA_TITLE, body=body))
    assert [(f.line, f.level, f.message, f.suggestion) for f in found] == [
        (
            line,
            "suggestion",
            f"the text repeats the title: '{body.splitlines()[(line - 9)]}'",
            "delete this line: the page shows the title above the text already",
        )
    ]


@pytest.mark.parametrize(
    "body",
    [
        f"Bawaslu Muratara mengawasi pleno.\n\n{WA_TITLE}",  # below the lead: a sentence above
        f"{WA_LEAD}\n\nBawaslu Muratara Awasi Pleno Rekapitulasi Tingkat Kecamatan",
    ],
)
def test_a_line_below_the_lead_or_unlike_the_title_is_no_repeated_title(body):
    assert findings_for(article_text(slug="x-y", title=WA_TITLE, body=body)) == []


def test_a_word_repeated_by_a_headline_above_the_dateline_is_still_said_elsewhere():
    body = (
        "Pengawasan di Rupit\nRUPIT – Bawaslu mengawasi pleno.\n\n"
        "Pleno digelar di Rupit\nRupit – kota kecil itu – ramai."
    )
    found = findings_for(article_text(slug="x-y", body=body))
    assert [(f.line, f.message) for f in found] == [
        (12, "doubled word: 'Rupit Rupit' (at the end of this line and the start of the next)")
    ]


LEFTOVER = (
    "'{}' at the end of the text is left over from the web page it was copied from "
    "(its tag list, share buttons or comment box)"
)


@pytest.mark.parametrize(
    ("end", "leftovers"),
    [
        ("Bawaslu\n\nKomentar", [(11, "Bawaslu"), (13, "Komentar")]),  # the tag list, the box
        ("Bagikan", [(11, "Bagikan")]),
        ("Tags:\n", [(11, "Tags:")]),
        ("(rer)\n\nKOMENTAR", [(13, "KOMENTAR")]),  # the initials stay
        (
            "Pemilu\n\nPilkada\n\n**Komentar**",
            [(11, "Pemilu"), (13, "Pilkada"), (15, "**Komentar**")],
        ),
    ],
)
def test_the_web_pages_leftovers_at_the_end_are_one_warning_each(end, leftovers):
    """A release copied with its page's end ("Bawaslu", the tag list, and
    "Komentar", the comment box's heading) published both without a hint."""
    body = f"PALEMBANG – Bawaslu Kota Palembang menggelar rapat.\n\n{end}"
    found = findings_for(article_text(slug="x-y", body=body))
    assert [(f.line, f.level, f.message, f.suggestion) for f in found] == [
        (line, "warning", LEFTOVER.format(text), "delete this line") for line, text in leftovers
    ]


@pytest.mark.parametrize(
    "end",
    [
        "(rer)",
        "Bawaslu",  # one word, but no page's furniture below it
        "Komentar\n\nWarga dipersilakan memberi komentar.",  # not the end
        "Komentar warga akan ditampung.",
        "Penulis : EW\nEditor : Komentar",
        "```\nKomentar\n```",
    ],
)
def test_a_release_that_ends_with_its_own_words_has_no_leftover(end):
    body = f"PALEMBANG – Bawaslu Kota Palembang menggelar rapat.\n\n{end}"
    assert findings_for(article_text(slug="x-y", body=body)) == []


def test_title_and_summary_lengths():
    found = findings_for(article_text(slug="x-y", title="Rapat", summary="Pendek."))
    assert {f.message for f in found} == {
        "title is 5 characters long",
        "summary is 7 characters long",
    }


@pytest.mark.parametrize(
    ("title", "tags"),
    [
        ("Bawaslu <em>Sumsel</em> Gelar Rapat Koordinasi Pengawasan Tahapan", "'<em>', '</em>'"),
        ("Bawaslu Lahat Gelar Rapat<br/>Koordinasi Pengawasan Tahapan Pemilu", "'<br/>'"),
        (
            '<a href="https://contoh.example">Bawaslu Lahat Gelar Rapat Koordinasi</a> Tahapan',
            "'<a href=\"https://contoh.example\">', '</a>'",
        ),
    ],
)
def test_html_in_a_title_is_one_warning_at_its_line(title, tags):
    found = [f for f in findings_for(article_text(slug="x-y", title=title)) if f.line == 1]
    assert [(f.level, f.message) for f in found] == [
        ("warning", f"HTML in the title: {tags}: a title is shown as plain text, tags and all")
    ]
    assert "remove the tags" in found[0].suggestion


def test_a_less_than_sign_in_a_title_is_no_html():
    title = "Bawaslu Lahat Sosialisasi Hak Pilih bagi Pemilih Usia < 17 Tahun yang Sudah Menikah"
    assert findings_for(article_text(slug="x-y", title=title)) == []


def test_future_date_is_noted_as_embargo_not_an_error():
    [finding] = findings_for(article_text(slug="x-y", date="2026-12-01 08:00"))
    assert finding.level == "suggestion"
    assert "embargoed until 2026-12-01 08:00" in finding.message


@pytest.mark.parametrize(
    ("date", "shown"),
    [
        ("2026-12-07T00:00:00.000Z", "2026-12-07 07:00 WIB ('2026-12-07T00:00:00.000Z')"),
        ("2026-12-06T23:00:00Z", "2026-12-07 06:00 WIB ('2026-12-06T23:00:00Z')"),
        ("2026-12-07 10:00", "2026-12-07 10:00 WIB"),
    ],
)
def test_the_embargo_is_said_in_wib_whatever_zone_the_date_was_written_in(date, shown):
    """A CMS's UTC time was shown as if it were WIB: seven hours off."""
    found = findings_for(article_text(slug="x-y", date=date))
    [finding] = [f for f in found if f.level == "suggestion"]
    assert finding.message == f"embargoed until {shown}: not on the site before then"


@pytest.mark.parametrize(
    ("date", "modified", "warned"),
    [
        ("2026-11-04 10:00", "2027-06-01 10:00", True),
        ("2026-11-04 10:00", "2026-11-20 08:00", False),
        ("2026-12-10 10:00", "2026-12-11 10:00", False),  # embargoed: neither is out yet
    ],
)
def test_a_modified_time_in_the_future_is_a_warning(date, modified, warned):
    """The page of a release out since November said "Diperbarui Selasa, 1 Juni
    2027", and dateModified too, without a word."""
    text = article_text(slug="x-y", date=date, modified=modified)
    found = [f for f in findings_for(text) if "in the future" in f.message]
    assert [(f.line, f.level) for f in found] == ([(8, "warning")] if warned else [])


def test_duplicate_addresses_and_slugs():
    def source(path, date, slug):
        return parse_source(path, article_text(date=date, slug=slug))

    found = list(
        check_duplicates(
            [
                source("a.md", "2024-11-01 08:00", "rapat"),
                source("b.md", "2024-11-20 08:00", "rapat"),
                source("c.md", "2025-01-05 08:00", "rapat"),
            ]
        )
    )
    levels = {(f.path, f.level) for f in found}
    assert levels == {("a.md", "error"), ("b.md", "error"), ("c.md", "warning")}
    assert any("/berita/2024/11/rapat/" in f.message for f in found)


def test_log_messages_round_trip_into_findings():
    finding = parse_log_message(
        "berita/2024/x.md:7: unknown region: 'Palembanx'", "error", content_prefix="content/"
    )
    assert finding == Finding("content/berita/2024/x.md", 7, "error", "unknown region: 'Palembanx'")
    assert finding.github() == (
        "::error file=content/berita/2024/x.md,line=7::unknown region: 'Palembanx'"
    )
    data = parse_log_message("data/official_tags.yaml:12: bad group", "error", "content/")
    assert data.path == "data/official_tags.yaml"


# ---- through the build and `invoke check` (subprocesses, real Pelican) ----

BAD_CLASSES = {
    "bad-date": (dict(date="17/11/2024"), "error", "unparseable Date: '17/11/2024'"),
    "no-front-matter": (None, "error", "no front matter"),
    "bad-slug": (dict(slug="Rapat Akbar"), "error", "invalid Slug: 'Rapat Akbar'"),
    "bad-rubrik": (dict(category="Opini"), "error", "unknown rubrik: 'Opini'"),
    "doubled": (
        dict(body="PALEMBANG – Bawaslu Kota Palembang dan dan KPU menggelar rapat."),
        "warning",
        "doubled word: 'dan dan'",
    ),
    "missing-link": (
        dict(body="PALEMBANG – Rapat. Lihat [berita]({filename}/berita/tidak-ada.md)."),
        "error",
        "link to a missing file: '/berita/tidak-ada.md'",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_CLASSES))
def test_each_class_fails_the_build_with_a_clear_message(site, case):
    fields, level, expected = BAD_CLASSES[case]
    site.article("2024/baik.md", slug="berita-baik", tags="")
    if fields is None:
        site.article("2024/rusak.md", text="PALEMBANG – Bawaslu Kota Palembang menggelar rapat.\n")
    else:
        site.article("2024/rusak.md", **{"slug": "berita-rusak", "tags": "", **fields})
    relaxed = site.build(CONTENT_LINT_NOW=NOW)
    strict = site.build(strict=True, CONTENT_LINT_NOW=NOW)
    lines = relaxed.log_lines(level)
    assert any(line.startswith("berita/2024/rusak.md") and expected in line for line in lines), (
        relaxed.log
    )
    assert relaxed.returncode == (1 if level == "error" else 0)
    assert strict.returncode == 1
    for result in (relaxed, strict):
        assert "Traceback" not in result.log
    # The good article is still published.
    assert (site.output / "berita/2024/11/berita-baik/index.html").exists()


@pytest.mark.parametrize("value", ["2024-W47-1", "2024-W47", "2024-323"])
def test_an_iso_week_or_ordinal_date_is_one_unparseable_date_line(site, value):
    # Python's fromisoformat reads these; Pelican's dateutil does not. Read as
    # a date by the checks, the release got "embargoed until" (or nothing) and
    # Pelican's "cannot read this article" for the same line.
    site.article("2024/rusak.md", slug="berita-rusak", tags="", date=value)
    result = site.build(CONTENT_LINT_NOW=NOW)
    said = [
        line
        for level in ("error", "warning", "suggestion")
        for line in result.log_lines(level)
        if line.startswith("berita/2024/rusak.md:2:")
    ]
    assert len(said) == 1, result.log
    assert f"unparseable Date: '{value}'" in said[0]
    assert result.returncode == 1
    assert not (site.output / "berita/2024/11/berita-rusak/index.html").exists()


def test_links_to_existing_files_pass_in_both_forms(site):
    site.article("2024/tujuan.md", slug="berita-tujuan", tags="")
    body = (
        "PALEMBANG – Rapat koordinasi.\n\n"
        "BACA JUGA: [Berita tujuan]({filename}/berita/2024/tujuan.md)\n\n"
        "Lihat juga [berita yang sama]({filename}tujuan.md)."
    )
    site.article("2024/asal.md", slug="berita-asal", tags="", body=body)
    result = site.build(strict=True)
    assert not [line for line in result.log_lines("error") if "missing file" in line], result.log
    assert "link to a missing file" not in result.log


def test_invoke_check_prints_a_file_level_finding_after_the_lines_it_follows_from():
    """A tab in officials.yaml: the check printed "… could not be read … (fix
    the error above first)" above the error, which it sorted by line with the
    file-level suggestion as line 0; the build says them the other way round."""
    from warta.check import ordered
    from warta.findings import Finding

    tab = Finding(
        "data/officials.yaml", 114, "error", "tab in the indentation", "indent with spaces"
    )
    unread = Finding(
        "data/officials.yaml",
        None,
        "suggestion",
        "the officials registry could not be read: officials named in articles are not checked",
        "fix the error above first",
    )
    later = Finding("data/officials.yaml", 200, "warning", "x")
    release = Finding("content/berita/2024/a.md", 3, "error", "bad Date")
    release_whole = Finding("content/berita/2024/a.md", None, "error", "not published")
    general = Finding("", None, "error", "build stopped")
    found = [general, unread, later, release_whole, tab, release, tab]
    assert ordered(found) == [release, release_whole, tab, later, unread, general]


def test_invoke_check_prints_one_line_per_finding_and_exits_1_on_errors(site):
    site.article("2024/baik.md", slug="berita-baik", tags="")
    site.article("2024/rusak.md", slug="berita-rusak", date="2024-11-31 08:00", tags="")
    result = run_check(site)
    assert result.returncode == 1
    # Paths relative to the project: here the fixture's folder, which holds content/.
    prefix = "content/berita/2024/rusak.md:2: error: impossible Date: '2024-11-31 08:00'"
    assert any(line.startswith(prefix) for line in result.stdout.splitlines()), result.stdout
    assert "(write a day that exists: YYYY-MM-DD HH:MM" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_invoke_check_of_a_file_the_build_never_reads_is_an_error_not_ok(site, tmp_path):
    site.article("2024/baik.md", slug="berita-baik", tags="")
    outside = tmp_path / "di-luar" / "rusak.md"
    outside.parent.mkdir()
    outside.write_text("Title: Rusak\nDate: kemarin\n\nIsi.\n", encoding="utf-8")
    result = run_check(site, "-p", str(outside))
    assert result.returncode == 2, result.stdout + result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: not checked: '{outside}' is outside the content folder")
    assert "check ok" not in result.stdout + result.stderr
    # A release inside content/ and a data file are checked as before.
    inside = run_check(site, "-p", str(site.content / "berita/2024/baik.md"))
    assert inside.returncode == 0, inside.stdout + inside.stderr
    data = run_check(site, "-p", str(REPO / "data/officials.yaml"))
    assert data.returncode == 0, data.stdout + data.stderr
    # A link inside content/ is the build's to refuse, named as written; a path
    # through a link to content/ is the file it leads to.
    link = site.content / "berita/2024/tautan.md"
    link.symlink_to(outside)
    linked = run_check(site, "-p", str(link))
    assert linked.returncode == 1, linked.stdout + linked.stderr
    assert "symbolic link refused" in linked.stdout
    link.unlink()
    site.article(
        "2024/ganda.md",
        slug="berita-ganda",
        tags="",
        body="PALEMBANG – Bawaslu Kota Palembang menggelar rapat rapat koordinasi.",
    )
    (tmp_path / "lewat").symlink_to(site.content)
    through = run_check(site, "-p", str(tmp_path / "lewat/berita/2024/ganda.md"))
    assert through.returncode == 0, through.stdout + through.stderr
    assert "doubled word: 'rapat rapat'" in through.stdout


def test_invoke_check_strict_and_github_format(site):
    site.article(
        "2024/ganda.md",
        slug="berita-ganda",
        tags="",
        body="PALEMBANG – Bawaslu Kota Palembang menggelar rapat rapat koordinasi.",
    )
    relaxed = run_check(site)
    assert relaxed.returncode == 0, relaxed.stdout + relaxed.stderr
    strict = run_check(site, "--strict", "--format", "github")
    assert strict.returncode == 1
    [annotation] = [line for line in strict.stdout.splitlines() if line.startswith("::")]
    location, _, message = annotation.partition("::doubled word")
    assert location == "::warning file=content/berita/2024/ganda.md,line=8"
    assert (site.content.parent / "content/berita/2024/ganda.md").is_file()
    assert message.startswith(": 'rapat rapat'")


def test_invoke_check_reports_only_the_given_paths(site):
    site.article("2024/a.md", slug="berita-a", tags="", date="kemarin")
    site.article("2024/b.md", slug="berita-b", tags="", category="Opini")
    result = run_check(site, "-p", str(site.content / "berita/2024/b.md"))
    assert result.returncode == 1
    assert "unknown rubrik: 'Opini'" in result.stdout
    assert "a.md" not in result.stdout


def test_a_gps_photo_of_any_format_is_flagged_however_the_release_uses_it(site):
    """A .webp (or .jpg) linked as a download, an `<img>` written in HTML and
    an `Image: {static}/…` carried a GPS location without a word: only a
    Markdown image and a plain `Image:` were read."""
    from PIL import Image

    exif = Image.Exif()
    exif.get_ifd(0x8825).update({1: "S", 2: (2.0, 59.0, 0.0), 3: "E", 4: (104.0, 45.0, 0.0)})
    for name in ("sampul.webp", "unduh.webp", "unduh.jpg", "html.webp", "isi.webp", "isi.png"):
        photo = site.content / "images/2024" / name
        photo.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (640, 400), "navy").save(photo, exif=exif.tobytes())
    body = (
        "PALEMBANG – Bawaslu Kota Palembang menggelar patroli pengawasan.\n\n"
        "Unduh [foto patroli]({static}/images/2024/unduh.webp) dan "
        "[versi JPEG]({static}/images/2024/unduh.jpg).\n\n"
        '<img src="{static}/images/2024/html.webp" alt="Petugas berpatroli">\n\n'
        "![Petugas berpatroli]({static}/images/2024/isi.webp)\n\n"
        "![Petugas berpatroli]({static}/images/2024/isi.png)\n"
    )
    path = site.article(
        "2024/patroli.md",
        slug="patroli-pengawasan",
        tags="",
        image="{static}/images/2024/sampul.webp",
        image_alt="Petugas Bawaslu berpatroli di jalan protokol",
        body=body,
    )
    result = site.build(STATIC_PATHS=["images"], SEARCH_ENABLED=False)
    assert result.returncode == 0, result.log
    said = sorted(
        (f.line, f.message.split(" (the site publishes it without")[0])
        for f in result.findings("warning")
        if f.message.startswith("photo carries a GPS location")
    )
    location = "photo carries a GPS location"
    assert said == sorted(
        [
            (line_of(path, "Image:"), f"{location}: '{{static}}/images/2024/sampul.webp'"),
            (line_of(path, "Unduh"), f"{location}: '{{static}}/images/2024/unduh.webp'"),
            (line_of(path, "Unduh"), f"{location}: '{{static}}/images/2024/unduh.jpg'"),
            (line_of(path, "<img"), f"{location}: '{{static}}/images/2024/html.webp'"),
            (
                line_of(path, "![Petugas berpatroli]({static}/images/2024/isi.webp"),
                f"{location}: 'images/2024/isi.webp'",
            ),
            (
                line_of(path, "![Petugas berpatroli]({static}/images/2024/isi.png"),
                f"{location}: 'images/2024/isi.png'",
            ),
        ]
    ), result.log


def test_a_photo_whose_original_carries_gps_is_flagged_on_its_line(site):
    from PIL import Image

    photo = site.content / "images/2024/patroli.jpg"
    photo.parent.mkdir(parents=True)
    exif = Image.Exif()
    exif.get_ifd(0x8825).update({1: "S", 2: (2.0, 59.0, 0.0), 3: "E", 4: (104.0, 45.0, 0.0)})
    Image.new("RGB", (640, 400), "navy").save(photo, exif=exif)
    site.article(
        "2024/patroli.md",
        slug="patroli-pengawasan",
        tags="",
        image="images/2024/patroli.jpg",
        image_alt="Petugas Bawaslu berpatroli di jalan protokol",
    )
    result = site.build(STATIC_PATHS=["images"])
    [line] = [w for w in result.log_lines("warning") if "GPS" in w]
    assert line.startswith("berita/2024/patroli.md:7: photo carries a GPS location")
    assert "images/2024/patroli.jpg" in line
    # Nothing published carries the location: the page shows the photo's
    # variants (the original itself is not published), each without EXIF.
    assert not (site.output / "images/2024/patroli.jpg").exists()
    variants = sorted((site.output / "images/varian").glob("patroli-*"))
    assert len(variants) == 3, variants  # WebP 480 and 640, JPEG 640
    for variant in variants:
        with Image.open(variant) as published:
            assert not published.getexif().get_ifd(0x8825), variant.name


def test_parallel_lint_reports_what_a_serial_lint_reports(site, tmp_path):
    """Sources are checked on every core: the same lines, in the same order."""
    for number in range(140):
        site.article(
            f"rilis-{number:03d}.md",
            title=f"Bawaslu Kota Palembang Awasi Tahapan Pilkada Bagian {number}",
            slug=f"rilis-{number:03d}",
            body="PALEMBANG – Bawaslu Kota Palembang mengawasi tahapan pilkada.",
        )
    site.article(
        "ganda.md",
        title="Bawaslu Kabupaten Lahat Gelar Rapat Rapat Koordinasi",
        slug="ganda",
        body="LAHAT – Bawaslu Kabupaten Lahat menggelar rapat rapat koordinasi.",
    )
    site.article("tanggal.md", date="27/11/2024", slug="tanggal")
    parallel = site.build(CONTENT_LINT_WORKERS=2, SEARCH_ENABLED=False)
    serial = run_build(
        site.content,
        tmp_path / "serial" / "output",
        cache=tmp_path / "serial" / "cache",
        overrides={"CONTENT_LINT_WORKERS": 1, "SEARCH_ENABLED": False},
    )
    for level in ("error", "warning"):
        assert parallel.log_lines(level) == serial.log_lines(level)
    assert any("ganda.md" in line for line in parallel.log_lines("warning"))
    assert any("tanggal.md:2" in line for line in parallel.log_lines("error"))


def test_invoke_check_after_a_build_starts_from_a_copy_of_its_caches(site, tmp_path):
    import pickle

    from warta.findings import Finding

    site.article("2024/baik.md", slug="berita-baik", tags="")
    site.article(
        "2024/ganda.md",
        slug="berita-ganda",
        tags="",
        body="PALEMBANG – Bawaslu Kota Palembang menggelar rapat rapat koordinasi.",
    )
    assert site.build().returncode == 0
    cache = site.output.parent / "cache"
    empty = tmp_path / "no-cache"
    cold = run_invoke("check", WARTA_CONTENT_PATH=str(site.content), WARTA_CACHE_PATH=str(empty))
    warm = run_invoke("check", WARTA_CONTENT_PATH=str(site.content), WARTA_CACHE_PATH=str(cache))
    assert (warm.returncode, warm.stdout) == (cold.returncode, cold.stdout)
    assert "doubled word" in warm.stdout
    assert not empty.exists() or not any(empty.iterdir())

    # The check reads the build's enrichment cache (a finding planted in it is
    # reported) and writes nothing into the build's cache folder.
    stored_file = cache / "enrichment" / "cache.pickle"
    stored = pickle.loads(stored_file.read_bytes())
    planted = Finding("berita/2024/baik.md", 1, "warning", "planted in the build's cache")
    for (kind, _), entry in stored["entries"].items():  # (`warta.cachelog`'s whole file)
        if kind == "e" and entry.findings == () and entry.regions:
            entry.findings = (planted,)
    stored_file.write_bytes(pickle.dumps(stored))
    before = {p: p.read_bytes() for p in cache.rglob("*") if p.is_file()}
    planted_check = run_invoke(
        "check", WARTA_CONTENT_PATH=str(site.content), WARTA_CACHE_PATH=str(cache)
    )
    assert "planted in the build's cache" in planted_check.stdout
    assert {p: p.read_bytes() for p in cache.rglob("*") if p.is_file()} == before


def test_a_warm_build_reports_what_a_cold_one_does_and_rechecks_links_and_embargo(site):
    """Each source's text-only findings are kept by the digest of its bytes;
    the embargo (the clock) and links (other files) are checked on every build."""
    site.article(
        "rapat.md",
        slug="rapat-ganda",
        date="2026-11-25 09:00",  # after NOW: embargoed
        body="PALEMBANG – Hadir dari dari seluruh kecamatan.\n\n"
        "Lihat juga [jadwal]({filename}jadwal.md).",
    )
    for number in range(3):
        site.article(f"lain-{number}.md", slug=f"lain-{number}")

    def lines(built) -> list[str]:
        return [
            line
            for level in ("error", "warning", "suggestion")
            for line in built.log_lines(level)
            if "rapat.md" in line
        ]

    cold = site.build(verbose=True, CONTENT_LINT_NOW=NOW, SEARCH_ENABLED=False)
    assert "content_lint: 4 sources checked, 0 from the cache" in cold.log
    found = lines(cold)
    assert any("doubled word: 'dari dari'" in line for line in found), found
    assert any("jadwal.md" in line for line in found), found
    assert any("embargoed until" in line for line in found), found

    warm = site.build(verbose=True, CONTENT_LINT_NOW=NOW, SEARCH_ENABLED=False)
    assert "content_lint: 0 sources checked, 4 from the cache" in warm.log
    assert lines(warm) == found

    # The link's target appears and the embargo passes; the source is unchanged.
    site.article("jadwal.md", slug="jadwal-rapat")
    later = site.build(verbose=True, CONTENT_LINT_NOW="2026-11-26T12:00:00+07:00")
    assert "content_lint: 1 sources checked, 4 from the cache" in later.log
    now_found = lines(later)
    assert any("doubled word: 'dari dari'" in line for line in now_found), now_found
    assert not any("jadwal.md" in line or "embargoed" in line for line in now_found), now_found


def test_a_check_only_build_reports_what_the_build_reports_and_writes_no_derived_file(
    site, tmp_path
):
    """`invoke check` (WARTA_CHECK_ONLY) skips the work that only produces output
    (sitemaps, feeds, the CMS folder, URL freezing, asides, search filters), but
    not one finding: the settings' own errors included."""
    site.article("wilayah.md", slug="wilayah", region="Kabupaten Ogan Ilirr")
    site.article("tag.md", slug="tag", tags="Tahapan Yang Tidak Ada")
    site.article(
        "foto.md",
        slug="foto",
        body="PALEMBANG – Rapat.\n\n![](/images/hilang.jpg)\n\nBaca juga: [x]({filename}/nihil.md)",
    )
    site.article("baik.md", slug="baik")
    overrides = {"SEO_NOW": "kemarin sore", "CMS_SAVE_AS": "../admin-luar/", "CACHE_CONTENT": False}
    built = run_build(
        site.content, tmp_path / "built", cache=tmp_path / "cache-built", overrides=overrides
    )
    checked = run_build(
        site.content,
        tmp_path / "checked",
        cache=tmp_path / "cache-checked",
        overrides={**overrides, "WARTA_CHECK_ONLY": True},
    )
    assert built.returncode == checked.returncode == 1
    assert sorted(checked.findings()) == sorted(built.findings())
    messages = [f.message for f in checked.findings("error")]
    assert any("SEO_NOW" in m for m in messages), messages
    assert any("CMS_SAVE_AS" in m for m in messages), messages
    assert any("Ogan Ilirr" in m for m in messages), messages
    for derived in ("sitemap.xml", "robots.txt", "feed.json", "sitemap-news.xml"):
        assert (built.output / derived).is_file() or derived == "sitemap-news.xml", derived
        assert not (checked.output / derived).exists(), derived
    assert not (checked.output / "berita").exists()  # no page rendered
    # CACHE_CONTENT off (as the check sets it): no cache of articles is written
    assert sorted(p.name for p in (tmp_path / "cache-checked").rglob("*.pickle")) == []


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ("no", []),
        ("Tidak", []),
        ("ya", []),
        (
            "barangkali",
            ["unknown Tags-Auto value: 'barangkali': tags are still added automatically"],
        ),
    ],
)
def test_an_unknown_tags_auto_value_is_named(value, found):
    """`Tags-Auto: barangkali` left detection on with no word said."""
    text = article_text(slug="rapat-koordinasi", tags_auto=value)
    assert [f.message for f in findings_for(text) if "Tags-Auto" in f.message] == found


def test_a_lang_that_climbs_out_is_one_error_saying_the_release_is_not_published(site):
    """`Lang: ../../x` was two errors for one cause: the invalid Lang, and an
    output path leaving the site folder with advice about Save_as: and Slug:."""
    site.article("naik.md", slug="rapat-naik", title="Rapat Bahasa Naik", lang="../../x")
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 1
    line = line_of(site.content / "berita" / "naik.md", "Lang:")
    assert [e for e in built.log_lines("error") if "naik.md" in e] == [
        f"berita/naik.md:{line}: invalid Lang: '../../x': this release is not published "
        "(remove the Lang: line (the site is in Indonesian), or write a language code such as "
        "'en')"
    ], built.log
    assert not [p for p in built.files() if "rapat-naik" in p]


def test_a_date_with_wib_after_it_is_published_at_that_time_in_a_strict_build(site):
    """`Date: 2024-11-04 09:30 WIB`, which Pelican reads, stopped the build with
    a hint to write it "in WIB"."""
    site.article("2024/wib.md", slug="jam-wib", date="2024-11-04 09:30 WIB", tags="")
    site.article("2024/bulan.md", slug="bulan", date="17 September 2024 10:00 WIB", tags="")
    built = site.build(strict=True)
    assert built.returncode == 0, built.log
    dates = {
        item["url"].split("/")[-2]: item["date_published"]
        for item in built.json("feed.json")["items"]
    }
    assert dates == {"jam-wib": "2024-11-04T09:30:00+07:00", "bulan": "2024-09-17T10:00:00+07:00"}


def author_address():
    """The author page addresses the site's settings make (Pelican's slugs)."""
    from plugins.content_lint.plugin import author_address as address_from
    from warta.build import load_settings

    return address_from(load_settings(REPO / "pelicanconf.py"))


def test_an_author_written_with_degrees_beside_the_plain_name_is_told_the_others_spelling():
    """`Author: Rizky Febriansyah, S.I.Kom.` made /penulis/rizky-febriansyah-sikom/
    beside /penulis/rizky-febriansyah/, with no message."""
    plain, degree, titled = (
        "Rizky Febriansyah",
        "Rizky Febriansyah, S.I.Kom.",
        "Dr. Rizky Febriansyah",
    )
    sources = [
        parse_source(f"berita/{name}.md", article_text(slug=name, author=author))
        for name, author in [
            ("a", plain),
            ("b", plain),
            ("c", degree),
            ("d", titled),
            ("e", "Humas Bawaslu Kota Palembang"),
        ]
    ]
    found = [
        (f.path, f.line, f.level, f.message, f.suggestion)
        for f in check_author_spellings(sources, author_address())
    ]
    assert found == [
        (
            f"berita/{name}.md",
            5,
            "warning",
            f"Author '{spelling}' makes a second author page beside '{plain}', "
            "as berita/a.md and 1 more write it",
            f"write the name as they do: 'Author: {plain}'",
        )
        for name, spelling in [("c", degree), ("d", titled)]
    ]
    # One release each way: the shorter spelling is the one to write.
    pair = [sources[0], sources[2]]
    [finding] = check_author_spellings(pair, author_address())
    assert (finding.path, finding.message) == (
        "berita/c.md",
        f"Author '{degree}' makes a second author page beside '{plain}', as berita/a.md writes it",
    )


def test_spellings_that_share_an_author_page_are_told_so_once_with_the_pages_heading():
    """`Rina Marlina`, `RINA MARLINA` and `Rína Marlina` were each told they
    made "a second author page", though all three share /penulis/rina-marlina/;
    `Tim &amp; Humas Lahat` and `Tim & Humas Lahat` are one spelling (a
    character reference is read as the build reads it); `Author: 🗳️` and
    `Author: <>` (no page: an error elsewhere) were told one made a second
    page beside the other. Now: one finding per release spelled otherwise
    than its page's heading, which is the spelling to write."""
    authors = [
        ("a", "Rina Marlina"),
        ("b", "Rina Marlina"),
        ("c", "RINA MARLINA"),
        ("d", "Rína Marlina"),
        ("e", "Tim &amp; Humas Lahat"),
        ("f", "Tim & Humas Lahat"),
        ("g", "🗳️"),
        ("h", "<>"),
        ("i", "Humas Bawaslu Kota Palembang, Rina Marlina"),
        # a control character, left out of the byline with its own warning
        # (it was told "shares the author page … spelled differently" too)
        ("j", "Rina\x00 Marlina"),
        ("k", "Rina Mar\u200blina"),
    ]
    sources = [
        parse_source(f"berita/{name}.md", article_text(slug=name, author=author))
        for name, author in authors
    ]
    found = [
        (f.path, f.line, f.level, f.message, f.suggestion)
        for f in check_author_spellings(sources, author_address())
    ]
    assert found == [
        (
            "berita/c.md",
            5,
            "warning",
            "Author 'RINA MARLINA' shares the author page /penulis/rina-marlina/ with "
            "berita/a.md and 3 more, spelled differently",
            "write it as the page shows it: 'Author: Rina Marlina'",
        ),
        (
            "berita/d.md",
            5,
            "warning",
            "Author 'Rína Marlina' shares the author page /penulis/rina-marlina/ with "
            "berita/a.md and 3 more, spelled differently",
            "write it as the page shows it: 'Author: Rina Marlina'",
        ),
    ]
    # The heading the build gives the page is the one asked for.
    headings = {"/penulis/tim-humas-lahat/": "TIM & HUMAS LAHAT"}
    told = [
        (f.path, f.suggestion)
        for f in check_author_spellings(sources, author_address(), headings)
        if "tim-humas" in f.message
    ]
    assert told == [
        (f"berita/{name}.md", "write it as the page shows it: 'Author: TIM & HUMAS LAHAT'")
        for name in "ef"
    ]


def test_an_author_pages_heading_is_the_spelling_most_of_its_releases_write(site):
    """The page of `Rina Marlina` (twice), `RINA MARLINA` and `Rína Marlina` was
    headed 'Rína Marlina' (the spelling Pelican met first), while the check
    asked for another; on a tie of one release each, both choose the same,
    and not the spelling in capitals. `SITI AMINAH` twice beside `Siti
    Aminah` once headed its page in capitals and told the properly cased
    release to write them: the properly cased spelling comes first."""
    for name, author in [
        ("a", "Rína Marlina"),
        ("b", "RINA MARLINA"),
        ("c", "Rina Marlina"),
        ("d", "Rina Marlina"),
        ("e", "Humas Bawaslu Kabupaten Lahat"),
        ("f", "HUMAS BAWASLU KABUPATEN LAHAT"),
        ("g", "SITI AMINAH"),
        ("h", "SITI AMINAH"),
        ("i", "Siti Aminah"),
    ]:
        site.article(f"2024/{name}.md", slug=f"{name}-rapat", author=author, tags="")
    built = site.build()
    assert built.returncode == 0, built.log
    headings = {
        slug: built.html(f"penulis/{slug}/").h1.get_text(" ", strip=True)
        for slug in ("rina-marlina", "humas-bawaslu-kabupaten-lahat", "siti-aminah")
    }
    asked = {
        f.path.rsplit("/", 1)[-1]: f.message
        for f in built.findings("warning")
        if "author page" in f.message
    }
    assert headings == {
        "rina-marlina": "Rina Marlina",
        # One release each: not the one in capitals.
        "humas-bawaslu-kabupaten-lahat": "Humas Bawaslu Kabupaten Lahat",
        # Fewer releases, but the one properly cased.
        "siti-aminah": "Siti Aminah",
    }, built.log
    assert set(asked) == {"a.md", "b.md", "f.md", "g.md", "h.md"}, asked
    assert all("second author page" not in message for message in asked.values())
    assert asked["f.md"].endswith(
        "(write it as the page shows it: 'Author: Humas Bawaslu Kabupaten Lahat')"
    )


def test_an_office_spelled_otherwise_than_its_releases_are_credited_is_told_the_name(site):
    """`Author: Humas Bawaslu Lahat` made /penulis/humas-bawaslu-lahat/ beside
    /penulis/humas-bawaslu-kabupaten-lahat/ (the name the build supplies for
    Lahat), with no line: only spellings of one name were compared. The name
    the office's releases are credited with is the one to write; the
    province's is the site's AUTHOR, which a release without Author: gets."""
    lahat = "LAHAT – Bawaslu Kabupaten Lahat menggelar rapat koordinasi pengawasan."
    province = "PALEMBANG – Bawaslu Provinsi Sumatera Selatan menggelar rapat koordinasi."
    site.article("2024/a.md", slug="a-rapat", author="Humas Bawaslu Kabupaten Lahat", body=lahat)
    site.article("2024/b.md", slug="b-rapat", author="Humas Bawaslu Lahat", body=lahat)
    site.article("2024/c.md", slug="c-rapat", author="Humas Bawaslu Sumsel", body=province)
    text = article_text(slug="d-rapat", body=province)
    site.article(
        "2024/d.md", "\n".join(row for row in text.split("\n") if not row.startswith("Author:"))
    )
    site.article("2024/e.md", slug="e-rapat", author="Humas Bawaslu Kota Palembang")
    built = site.build()
    assert built.returncode == 0, built.log
    said = [
        (f.path.rsplit("/", 1)[1], f.line, f.level, f.message)
        for f in built.findings()
        if "author page" in f.message
    ]
    assert said == [
        (
            name,
            5,
            "warning",
            f"Author '{written}' makes a second author page beside '{office}', the name the "
            "office's releases are credited with (write the office's name as they do: "
            f"'Author: {office}')",
        )
        for name, written, office in [
            ("b.md", "Humas Bawaslu Lahat", "Humas Bawaslu Kabupaten Lahat"),
            ("c.md", "Humas Bawaslu Sumsel", "Humas Bawaslu Provinsi Sumatera Selatan"),
        ]
    ], built.log


def test_the_build_says_an_author_spelled_with_degrees_at_its_line(site):
    site.article("2024/a.md", slug="a-rapat", author="Rizky Febriansyah", tags="")
    site.article("2024/b.md", slug="b-rapat", author="Rizky Febriansyah, S.I.Kom.", tags="")
    built = site.build()
    assert built.returncode == 0, built.log
    assert [(f.path, f.line) for f in built.findings("warning")] == [
        ("content/berita/2024/b.md", 5)
    ]


@pytest.mark.parametrize(
    ("line", "level", "suggestion"),
    [
        ("Summery: Ringkasan rapat.", "warning", "write 'Summary: Ringkasan rapat.'"),
        ("Titel: Judul lain", "warning", "write 'Title: Judul lain'"),
        ("Image_Alt: Peserta rapat", "warning", "write 'Image-Alt: Peserta rapat'"),
        ("Rubric: Siaran Pers", "warning", "write 'Rubrik: Siaran Pers'"),
        ("Templat: artikel-khusus", "warning", "write 'Template: artikel-khusus'"),
        (  # a place, not a template's name
            "Tempat: Aula Bawaslu Kabupaten Lahat",
            "suggestion",
            "remove the line; if a plugin of the site reads it, list it in "
            "CONTENT_LINT_EXTRA_KEYS in pelicanconf.py",
        ),
        (
            "Subtitle: Anak judul",
            "suggestion",
            "remove the line; if a plugin of the site reads it, list it in "
            "CONTENT_LINT_EXTRA_KEYS in pelicanconf.py",
        ),
    ],
)
def test_a_key_nothing_reads_is_named_with_the_nearest_known_key(line, level, suggestion):
    """`Summery:` was kept by Pelican and read by nothing: no summary, no message."""
    text = article_text(slug="x-y").replace("Summary:", f"{line}\nSummary:")
    key = line.split(":", 1)[0]
    found = [f for f in findings_for(text) if "unknown key" in f.message]
    message = (
        f"unknown key '{key}:': nothing reads it, so its value is not used"
        if level == "warning"
        else f"unknown key '{key}:': nothing on this site reads it"
    )
    assert [(f.line, f.level, f.message, f.suggestion) for f in found] == [
        (7, level, message, suggestion)
    ]


@pytest.mark.parametrize(
    ("line", "suggestion"),
    [
        ("Foto: images/2026/rapat.jpg", "write 'Image: images/2026/rapat.jpg'"),
        ("Gambar: {static}/images/2026/rapat.JPG", "write 'Image: {static}/images/2026/rapat.JPG'"),
        (
            "Foto: Humas Bawaslu Kabupaten Lahat",
            "write 'Image-Credit: Humas Bawaslu Kabupaten Lahat'",
        ),
        (
            "Keterangan-Foto: Peserta rapat evaluasi",
            "write 'Image-Caption: Peserta rapat evaluasi'",
        ),
        ("Lokasi: Kota Pagar Alam", "write 'Region: Kota Pagar Alam'"),
        ("Daerah: Kota Pagar Alam", "write 'Region: Kota Pagar Alam'"),
        ("Deskripsi: Ringkasan rapat evaluasi.", "write 'Summary: Ringkasan rapat evaluasi.'"),
        ("Label: PDPB, Kampanye", "write 'Tags: PDPB, Kampanye'"),
        ("Tgas: PDPB, Kampanye", "write 'Tags: PDPB, Kampanye'"),
        ("Kata_Kunci: PDPB", "write 'Tags: PDPB'"),
        ("Reporter: EW", "write 'Author: EW'"),
    ],
)
def test_a_key_in_other_words_is_named_with_the_key_meant(line, suggestion):
    """`Foto: images/…` (no photo on the page), `Lokasi:`, `Deskripsi:`,
    `Tgas:` (two letters swapped, past difflib's cutoff): a suggestion to
    "remove the line", and a strict build passed with the photo, region,
    summary and tags lost. A warning naming the key meant."""
    text = article_text(slug="x-y").replace("Summary:", f"{line}\nSummary:")
    key = line.split(":", 1)[0]
    found = [f for f in findings_for(text) if "unknown key" in f.message]
    assert [(f.line, f.level, f.message, f.suggestion) for f in found] == [
        (
            7,
            "warning",
            f"unknown key '{key}:': nothing reads it, so its value is not used",
            suggestion,
        )
    ]


@pytest.mark.parametrize(
    ("written", "line", "message", "suggestion"),
    [
        (
            "Titel: Rapat Pleno Terbuka",
            1,
            "missing Title: 'Titel:' is no key the site reads",
            "write 'Title: Rapat Pleno Terbuka'",
        ),
        (
            "Judull: Rapat Pleno Terbuka",
            1,
            "missing Title: 'Judull:' is no key the site reads",
            "write 'Judul: Rapat Pleno Terbuka'",
        ),
        (
            "Tangal: 2024-11-17 09:30",
            2,
            "missing Date: 'Tangal:' is no key the site reads",
            "write 'Tanggal: 2024-11-17 09:30'",
        ),
        (
            "Waktu: 2024-11-17 09:30",
            2,
            "missing Date: 'Waktu:' is no key the site reads",
            "write 'Date: 2024-11-17 09:30'",
        ),
        (
            "Dates: 2024-11-17 09:30",
            2,
            "missing Date: 'Dates:' is no key the site reads",
            "write 'Date: 2024-11-17 09:30'",
        ),
    ],
)
def test_a_required_key_misspelt_is_one_error_at_its_line(written, line, message, suggestion):
    """`Titel: …` with no Title: was said twice at line 1: "missing Title"
    (add 'Title: …') and "unknown key 'Titel:'" (write 'Title: …'); `Tangal:`
    the same, "missing Date" at line 1. One error at the misspelt line, with
    the key to write."""
    key = "Title" if line == 1 else "Date"
    text = article_text(slug="x-y")
    text = "\n".join(written if row.startswith(f"{key}:") else row for row in text.split("\n"))
    found = [f for f in findings_for(text) if f.level != "suggestion"]
    assert [(f.line, f.level, f.message, f.suggestion) for f in found] == [
        (line, "error", message, suggestion)
    ]


def test_keys_the_site_and_its_plugins_read_are_not_unknown():
    text = article_text(
        slug="x-y",
        wilayah="Kota Palembang",
        tags_auto="no",
        thread="t-1",
        image_caption="Rapat",
        koreksi="Nama diperbaiki",
        save_as="x.html",
        draft="false",
        subtitle="Anak judul",
    ).replace("Save-As:", "Save_as:")
    found = findings_for(text, extra_keys=("subtitle", "wilayah"))
    assert [f for f in found if "unknown key" in f.message] == []


def test_an_outside_plugins_key_does_not_stop_a_strict_build_and_can_be_declared(site):
    site.article("2024/anak.md", slug="anak-judul", tags="", subtitle="Anak judul rilis")
    built = site.build(strict=True)
    assert built.returncode == 0, built.log
    assert [
        (f.line, f.message) for f in built.findings("suggestion") if "unknown key" in f.message
    ] == [
        (
            7,
            "unknown key 'Subtitle:': nothing on this site reads it (remove the line; if a "
            "plugin of the site reads it, list it in CONTENT_LINT_EXTRA_KEYS in pelicanconf.py)",
        )
    ]
    declared = site.build(strict=True, CONTENT_LINT_EXTRA_KEYS=["Subtitle"])
    assert declared.returncode == 0, declared.log
    assert not [f for f in declared.findings() if "unknown key" in f.message], declared.log


def test_an_indonesian_key_below_the_break_is_not_also_called_missing():
    text = (
        "Title: Bawaslu Kota Palembang Gelar Rapat Koordinasi\nTanggal : 2024-11-17 09:30\n\nIsi.\n"
    )
    assert messages(findings_for(text)) == [
        (
            2,
            "error",
            "the front matter ends at this line: 'Tanggal : 2024-11-17 09:30' is not a "
            "'Key: value' line",
        )
    ]


def test_the_build_says_a_modified_time_in_the_future(site):
    site.article("2024/maju.md", slug="maju", modified="2099-06-01 10:00")
    built = site.build()
    found = [(f.path, f.line, f.level) for f in built.findings() if "in the future" in f.message]
    assert found == [("content/berita/2024/maju.md", 8, "warning")], built.log


def test_a_gps_photo_only_an_unpublished_release_uses_is_not_said_to_be_published(site):
    """A draft's photo got "the site publishes it without" in the public
    build, which publishes nothing of the draft: it says the photo waits. The
    development build writes the draft at /draf/, with the photo: there the
    site does publish it."""
    from PIL import Image

    photo = site.content / "images/2024/patroli.jpg"
    photo.parent.mkdir(parents=True)
    exif = Image.Exif()
    exif.get_ifd(0x8825).update({1: "S", 2: (2.0, 59.0, 0.0), 3: "E", 4: (104.0, 45.0, 0.0)})
    Image.new("RGB", (640, 400), "navy").save(photo, exif=exif)
    for name, extra in (("draf", {"status": "draft"}), ("embargo", {"date": "2099-01-05 09:00"})):
        site.article(
            f"2024/{name}.md",
            slug=f"patroli-{name}",
            title=f"Bawaslu Kota Palembang Gelar Patroli Pengawasan {name.title()}",
            tags="",
            image="images/2024/patroli.jpg",
            image_alt="Petugas Bawaslu berpatroli di jalan protokol",
            **extra,
        )

    def said(built):
        return {
            (f.path, f.level, f.message.split(" (", 1)[1])
            for f in built.findings()
            if "GPS" in f.message
        }

    waits = (
        "not published while its release waits; remove the location from the original "
        "before it is, e.g. by exporting the photo again with location off)"
    )
    public = site.build(publish=True, SEARCH_ENABLED=False)
    assert said(public) == {
        ("content/berita/2024/draf.md", "warning", waits),
        ("content/berita/2024/embargo.md", "warning", waits),
    }, public.log
    development = site.build(SEARCH_ENABLED=False)
    assert {(path, level) for path, level, message in said(development)} == {
        ("content/berita/2024/draf.md", "warning"),
        ("content/berita/2024/embargo.md", "warning"),
    }, development.log
    assert not [m for _, _, m in said(development) if "waits" in m], development.log


def test_categories_listing_more_than_one_rubrik_says_which_are_not_used(site):
    """`categories:` as Hugo and Decap write it: the first item is the rubrik,
    the others are named at the key's line; one item is no finding."""
    text = article_text(slug="rapat-pleno", category="Siaran Pers")
    site.article(
        "dua.md",
        "---\n" + text.replace("Category: Siaran Pers", "categories:\n  - Siaran Pers\n  - Berita"),
    )
    site.article(
        "satu.md",
        "---\n"
        + text.replace("Category: Siaran Pers", "categories: [Siaran Pers]").replace(
            "rapat-pleno", "rapat-pleno-2"
        ),
    )
    built = site.build(SEARCH_ENABLED=False)
    berita = [f for f in built.findings() if f.path.endswith(("dua.md", "satu.md"))]
    assert [(f.path.rsplit("/", 1)[1], f.line, f.level, f.message) for f in berita] == [
        (
            "dua.md",
            5,
            "warning",
            "'categories:' lists more than one category: 'Siaran Pers' is used, 'Berita' not "
            "(keep one: 'Category: Siaran Pers')",
        )
    ]
    for slug in ("rapat-pleno", "rapat-pleno-2"):
        page = built.html(f"berita/2024/11/{slug}/")
        section = page.select_one('meta[property="article:section"]')
        assert section["content"] == "Siaran Pers"


def test_a_plain_link_to_a_releases_source_file_is_an_error_at_its_line(site):
    """`[d3](zz-d3.md)` (no {filename}) was published as a dead link showing
    the file's name, a draft's too, with no message; one shown as code is no
    link."""
    site.article("2024/draf.md", slug="zz-d3", status="draft")
    body = (
        "PALEMBANG – Bawaslu Kota Palembang menggelar rapat.\n\n"
        "Tulis tautan seperti `[contoh](contoh.md)` di naskah.\n\n"
        "Lihat juga [d3](draf.md#isi) dan [situs](https://example.org/panduan.md)."
    )
    site.article("2024/asal.md", slug="asal", tags="", body=body)
    built = site.build()
    errors = [(f.path, f.line, f.message) for f in built.findings("error")]
    assert errors == [
        (
            "content/berita/2024/asal.md",
            line_of(site.content / "berita/2024/asal.md", "Lihat juga"),
            "link to a release's source file, which is not published: 'draf.md#isi' "
            "(write {filename}draf.md to link to its page)",
        )
    ], built.log


@pytest.mark.parametrize("publish", [False, True])
def test_a_link_by_the_sites_own_address_to_a_source_file_is_the_same_error(site, publish):
    """`[sumber](https://<site>/berita/2026/reg/d.md)`, a draft's source file by
    the site's full address, was `check ok` with no message and the public
    page kept it, a dead link naming the draft's file; `(d.md)` was an error.
    The site's address is SITEURL's host and path in the public build; in the
    development build (no SITEURL) an address whose path names a file under
    content/, as the images plugin reads it. Another site's file is no error."""
    from warta.build import load_settings

    siteurl = load_settings(REPO / "publishconf.py")["SITEURL"]
    host = siteurl.split("://", 1)[1]
    site.article("2026/reg/d.md", slug="zz-draf-sumber", status="draft")
    body = (
        "PALEMBANG – Bawaslu Kota Palembang menggelar rapat.\n\n"
        f"Lihat [sumber]({siteurl}/berita/2026/reg/d.md) dan\n"
        f"[pratinjau](//{host}/berita/2026/reg/d.md#isi).\n\n"
        "Panduan [lain](https://example.org/panduan/tulis.md) dan [relatif](reg/d.md)."
    )
    site.article("2026/asal.md", slug="asal", tags="", body=body)
    built = site.build(publish=publish, SEARCH_ENABLED=False)
    source = site.content / "berita/2026/asal.md"
    errors = [(f.path, f.line, f.message) for f in built.findings("error")]
    said = "link to a release's source file, which is not published"
    suggestion = "(write {filename}/berita/2026/reg/d.md to link to its page)"
    assert errors == [
        (
            "content/berita/2026/asal.md",
            line_of(source, "Lihat [sumber]"),
            f"{said}: '{siteurl}/berita/2026/reg/d.md' {suggestion}",
        ),
        (
            "content/berita/2026/asal.md",
            line_of(source, "[pratinjau]"),
            f"{said}: '//{host}/berita/2026/reg/d.md#isi' {suggestion}",
        ),
        (
            "content/berita/2026/asal.md",
            line_of(source, "[relatif]"),
            f"{said}: 'reg/d.md' (write {{filename}}reg/d.md to link to its page)",
        ),
    ], built.log


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Terbit: 2099-11-02 10:00", "2099-11-02 10:00"),
        ("published: 2099-11-02 10:00", "2099-11-02 10:00"),
        ("draft: 2 November 2099 pukul 10.00 WITA", "2099-11-02 09:00"),
        ("Tanggal-Terbit: 2099-11-02 10:00", "2099-11-02 10:00"),
        # No time written: the day as written, not 23:00 WIB the day before.
        ("Embargo: 5 Desember 2099 WITA", "2099-12-05"),
    ],
)
def test_a_date_in_a_draft_flag_is_an_embargo_and_the_hint_is_the_date_to_write(line, date):
    """`Terbit: 2099-11-02 10:00` said "to publish, delete both": following it
    let an embargoed release out at once."""
    text = article_text(slug="rapat-koordinasi").replace("\n\n", f"\n{line}\n\n", 1)
    [flag] = [f for f in findings_for(text) if f.line == 8]
    name = line.split(":", 1)[0]
    assert (flag.level, flag.suggestion) == (
        "warning",
        f"an embargo is the Date: itself: write 'Date: {date}' and delete the {name}: line",
    )


@pytest.mark.parametrize(("line", "word"), [("published: true # ok", "true"), ("Draf: ya #", "ya")])
def test_a_comment_after_a_draft_flag_is_said_to_be_read_as_its_value(line, word):
    """`published: true # ok` is held back (the comment is part of the value,
    neither a yes nor a no): the message said so without saying why."""
    text = article_text(slug="rapat-koordinasi").replace("\n\n", f"\n{line}\n\n", 1)
    [flag] = [f for f in findings_for(text) if f.line == 8]
    name, comment = line.split(":", 1)[0], line.split(" #", 1)[1]
    assert (flag.level, flag.message, flag.suggestion) == (
        "warning",
        f"'{line}' is read as Status: draft (' #{comment}' is read as part of the value, "
        "so it is neither a yes nor a no): this release is not published",
        f"write '{name}: {word}' without the comment, or 'Status: draft' instead of the "
        f"{name}: line",
    )


YAML_HEAD = (
    "---\ntitle: Bawaslu Kota Palembang Gelar Rapat Koordinasi\ndate: 2024-11-17 09:30\n"
    "slug: rapat\nsummary: Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan.\n"
)


@pytest.mark.parametrize(
    ("text", "line", "hint"),
    [
        (
            YAML_HEAD + "tags:\n  - Pemilu 2029\n    draft: true\n---\n\nPALEMBANG – Isi.\n",
            8,
            "write 'draft: true' at the start of the line, not indented under the line above",
        ),
        (
            YAML_HEAD + "tags: Pemilu 2029\n\tDraf: ya\n---\n\nPALEMBANG – Isi.\n",
            7,
            "indent with spaces, not a tab",
        ),
        (
            article_text(slug="rapat").replace("\n\n", "\n  Status : draft\n\n", 1),
            8,
            "write it as 'Status: draft', at the start of the line and with no space before "
            "the colon",
        ),
    ],
)
def test_an_indented_key_is_one_error_whose_hint_is_the_indent(text, line, hint):
    """`    draft: true` under a YAML list item was told to drop "the space
    before the colon" it did not have, and 'Tags:' was said written twice."""
    [finding] = findings_for(text)
    assert (finding.line, finding.level, finding.suggestion) == (line, "error", hint)


def dashed_release(lines: str, body: str = "") -> str:
    """A complete `---` release (every required key) with `lines` after its Slug:."""
    return (
        "---\nTitle: Bawaslu Kota Palembang Gelar Rapat Koordinasi\nDate: 2024-11-17 09:30\n"
        f"Slug: rapat\n{lines}"
        "Summary: Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan.\n"
        "Tags: Pemilu 2029\n---\n\n"
        + (body or "PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi.\n")
    )


@pytest.mark.parametrize(
    "text",
    [
        dashed_release("", "PALEMBANG – Bawaslu Kota Palembang menggelar rapat.\n"),
        dashed_release("Author: Peserta rapat di meja #1\n"),
        dashed_release("Thread: Bawaslu Sumsel: Awasi Tahapan Pemilu\n"),
        dashed_release('Author: "Awasi bersama," kata Ketua Bawaslu\n'),
        dashed_release("Author: *Bawaslu Sumsel* menggelar rapat\n"),
        dashed_release("Author: [Rilis] Bawaslu Sumsel menggelar rapat\n"),
        dashed_release("Author: Bawaslu menggelar rapat\n    bersama KPU: membahas tahapan\n"),
    ],
    ids=["plain", "hash", "colon", "quote-first", "asterisk", "bracket", "continuation"],
)
def test_a_dashed_front_matter_pelican_reads_has_no_finding(text):
    """Pelican's reader reads each of these lines: YAML could not, and the
    release was an error ("cannot be read as YAML here")."""
    assert findings_for(text) == []


def test_a_dashed_front_matter_ended_by_a_blank_line_is_no_yaml_error():
    """A `---` block ended by a blank line, a `---` rule further down and a
    body line with ': ': "cannot be read as YAML here" at the body's line."""
    text = article_text(slug="rapat").replace("Title:", "---\nTitle:", 1) + (
        "\nKetua Bawaslu, Rudi, mengatakan: pengawasan diperketat.\n\n---\n\nSelesai.\n"
    )
    assert findings_for(text) == []


def test_a_control_character_in_a_dashed_front_matter_is_one_warning_at_its_line():
    """U+000B in a `---` block was also an error at line 2 with a line break in
    its message (YAML's ReaderError has no line): the build failed."""
    text = dashed_release("Author: Humas Bawaslu Kota\x0bPalembang\n")
    assert [(f.line, f.level) for f in findings_for(text)] == [(5, "warning")]


@pytest.mark.parametrize(
    ("counts", "preferred"),
    [
        ({"RINA MARLINA": 2, "Rina Marlina": 1}, "Rina Marlina"),
        ({"rina marlina": 3, "RINA MARLINA": 2, "Rina Marlina": 1}, "Rina Marlina"),
        ({"Rína Marlina": 2, "Rina Marlina": 1, "RINA MARLINA": 5}, "Rína Marlina"),
        # Only capitals and small letters: the most used, then the shorter.
        ({"rina marlina": 1, "RINA MARLINA": 2}, "RINA MARLINA"),
        ({"rina marlina": 1, "RINA MARLINA": 1}, "RINA MARLINA"),
        ({"🗳️": 1, "🗳": 1}, "🗳"),
    ],
)
def test_the_preferred_spelling_is_one_properly_cased_before_the_most_used(counts, preferred):
    assert preferred_spelling(counts) == preferred
    assert preferred_spelling(dict(reversed(counts.items()))) == preferred


def test_a_properly_cased_release_is_not_told_to_write_capitals():
    """`RINA MARLINA` twice beside `Rina Marlina` once: the properly cased
    release was told to write capitals."""
    sources = [
        parse_source(f"berita/{name}.md", article_text(slug=name, author=author))
        for name, author in [("a", "RINA MARLINA"), ("b", "Rina Marlina"), ("c", "RINA MARLINA")]
    ]
    found = [(f.path, f.suggestion) for f in check_author_spellings(sources, author_address())]
    assert found == [
        (f"berita/{name}.md", "write it as the page shows it: 'Author: Rina Marlina'")
        for name in "ac"
    ]


def test_a_character_reference_for_no_character_is_named_as_written_at_its_key():
    """`&#0;`, `&#xD800;` and `&#1114112;` in a text key are read as '�' (and
    `&#11;` as nothing), and the only messages quoted '�': one warning per key
    names each reference as written and what the page shows. References the
    reader reads to a character (`&#233;`, `&#150;` as Windows writes an en
    dash, `&#xFFFD;` itself) and a reference in a key not read as text are
    not named."""
    text = article_text(
        slug="rapat",
        title="Bawaslu Kabupaten Lahat &#0; Gelar Rapat &#xD800; Pleno &#0; &#233; &#150;",
        tags="Pilkada Serentak 2024, &#1114112;, &#xFFFD;",
        image_alt="Peserta rapat &#11; pleno",
        summary="Bawaslu Kabupaten Lahat menggelar rapat pleno &#0; rekapitulasi suara.",
    )
    found = [f for f in findings_for(text) if "character reference" in f.message]
    suggestion = (
        "write the character itself (or its number: '&#233;' or '&#xE9;' is 'é'), "
        "or remove the reference"
    )
    assert [(f.path, f.line, f.level, f.message, f.suggestion) for f in found] == [
        (
            "berita/x.md",
            1,
            "warning",
            "Title: character references that stand for no character the page can show: "
            "'&#0;' (shown as '\ufffd'), '&#xD800;' (shown as '\ufffd')",
            suggestion,
        ),
        (
            "berita/x.md",
            6,
            "warning",
            "Tags: character reference that stands for no character the page can show: "
            "'&#1114112;' (shown as '\ufffd')",
            suggestion,
        ),
        (
            "berita/x.md",
            8,
            "warning",
            "Image-Alt: character reference that stands for no character the page can "
            "show: '&#11;' (left out)",
            suggestion,
        ),
    ]


def test_the_build_names_a_character_reference_for_no_character_at_its_line(site):
    site.article("2024/a.md", slug="a-rapat", title="Rapat Pleno Bawaslu Kabupaten Lahat &#0;")
    built = site.build()
    assert built.returncode == 0, built.log
    assert [
        (f.path, f.line, f.message.split(": ", 1)[1])
        for f in built.findings("warning")
        if "character reference" in f.message
    ] == [
        (
            "content/berita/2024/a.md",
            1,
            "character reference that stands for no character the page can show: "
            "'&#0;' (shown as '\ufffd') (write the character itself (or its number: "
            "'&#233;' or '&#xE9;' is 'é'), or remove the reference)",
        )
    ]


def test_a_plain_link_to_a_source_file_in_capitals_is_the_same_error(site):
    """`[d3](Draf.MD)`: the extension in capitals is the same dead link (the
    link's pattern ignores case; a quick test before it looked for ".m" only)."""
    site.article("2024/draf.md", slug="zz-d3", status="draft")
    body = "PALEMBANG – Bawaslu Kota Palembang menggelar rapat.\n\nLihat juga [d3](Draf.MD)."
    site.article("2024/asal.md", slug="asal", tags="", body=body)
    built = site.build()
    errors = [(f.line, f.message) for f in built.findings("error")]
    assert errors == [
        (
            line_of(site.content / "berita/2024/asal.md", "Lihat juga"),
            "link to a release's source file, which is not published: 'Draf.MD' "
            "(write {filename}Draf.MD to link to its page)",
        )
    ], built.log


@pytest.mark.parametrize(
    ("lines", "said"),
    [
        (
            ["PALEMBANG – Bawaslu Kota Palembang meng-", "gelar rapat koordinasi."],
            [("'meng-' / 'gelar'", "write 'menggelar' on one line")],
        ),
        (
            [
                "Ketua Bawaslu Kota Palembang, Sapri Yan-",
                "syah, membuka rapat bersama Panwas-",
                "lu.",
            ],
            [
                ("'Yan-' / 'syah'", "write 'Yansyah' on one line"),
                ("'Panwas-' / 'lu'", "write 'Panwaslu' on one line"),
            ],
        ),
        # the hyphen is the word's: before a capital, in a word said twice
        (
            ["Rapat diikuti panwaslu se-", "Kota Palembang."],
            [("'se-' / 'Kota'", "write 'se-Kota' on one line")],
        ),
        (
            ["Rapat digelar di masing-", "masing kecamatan."],
            [("'masing-' / 'masing'", "write 'masing-masing' on one line")],
        ),
        # no word broken: a dash, a dateline alone, a number, the end of the text
        (["Rapat digelar -", "dan dibuka ketua."], []),
        (["PALEMBANG-", "Bawaslu Kota Palembang menggelar rapat."], []),
        (["Rapat pada 2024-", "2025 digelar."], []),
        (["Rapat ditutup pukul 12.00 WIB. Meng-"], []),
        (["```", "kode-", "lanjut", "```"], []),
    ],
)
def test_a_word_broken_at_the_lines_end_is_one_warning_at_its_line(lines, said):
    """`meng-` / `gelar` pasted from a PDF was "meng- gelar" on the page and
    in the summary, and `Sapri Yan-` / `syah` no official; no line said so."""
    text = article_text(slug="x-y", body="\n".join(lines))
    found = findings_for(text)
    broken = [f for f in found if f.message.startswith("a word broken")]
    assert [
        (f.level, f.message.split(": ", 1)[1].split(" (")[0], f.suggestion) for f in broken
    ] == [("warning", words, hint) for words, hint in said]
    assert all(text.split("\n")[f.line - 1].endswith("-") for f in broken)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("category", "Berita <!-- cek lagi -->"),
        ("tags", "Pengawasan <!-- cek -->, IKP"),
        ("author", "Humas <!-- Budi minta anonim -->"),
        ("region", "Kota Palembang <!-- cek -->"),
        (
            "title",
            "<!-- cek --> Bawaslu Sumsel Gelar Rapat Pleno Terbuka Rekapitulasi Hasil Pengawasan",
        ),
    ],
)
def test_a_comment_in_a_text_key_is_judged_as_the_reader_takes_it_out(key, value):
    """The reader takes the comment out of `Category: Berita <!-- cek lagi -->`
    (sanitize warns of it); the lint stopped the build with `unknown rubrik:
    'Berita <!-- cek lagi -->'`."""
    assert findings_for(article_text(slug="x-y", **{key: value})) == []


@pytest.mark.parametrize(
    ("key", "value", "meant"), [("slug", "rapat-pleno", "Slug"), ("lang", "id", "Lang")]
)
def test_a_comment_in_a_slug_or_lang_is_said_to_be_read_as_part_of_it(key, value, meant):
    """`Slug: rapat-pleno <!-- x -->` was told to write 'rapat-pleno-x'."""
    fields = {"slug": "x-y", key: f"{value} <!-- cek -->"}
    [finding] = findings_for(article_text(**fields))
    assert finding.message == f"invalid {meant}: '{value} <!-- cek -->'"
    assert finding.suggestion == (
        f"the HTML comment is read as part of the {meant}: value; "
        f"write '{meant}: {value}' and keep the note out of the release file"
    )


@pytest.mark.parametrize(
    ("key", "value", "level", "message"),
    [
        ("date", "2024-11-17 09:30", "error", "unparseable Date: '2024-11-17 09:30 <!-- cek -->'"),
        ("modified", "2024-11-18", "error", "unparseable Modified: '2024-11-18 <!-- cek -->'"),
        (
            "tags_auto",
            "no",
            "warning",
            "unknown Tags-Auto value: 'no <!-- cek -->': tags are still added automatically",
        ),
    ],
)
def test_a_comment_in_a_date_or_tags_auto_is_said_to_be_read_as_part_of_it(
    key, value, level, message
):
    """`Date: 2024-11-17 09:30 <!-- cek -->` (read whole, not published) was
    told only "write it as YYYY-MM-DD HH:MM in WIB"."""
    name = {"date": "Date", "modified": "Modified", "tags_auto": "Tags-Auto"}[key]
    [finding] = findings_for(article_text(slug="x-y", **{key: f"{value} <!-- cek -->"}))
    assert (finding.level, finding.message) == (level, message)
    assert finding.suggestion == (
        f"the HTML comment is read as part of the {name}: value; "
        f"write '{name}: {value}' and keep the note out of the release file"
    )


def test_a_summary_is_measured_without_its_comment():
    """The sanitize plugin takes the comment out of what the summary shows; the
    length counted it."""
    summary = "Bawaslu Kota Palembang mengawasi rapat pleno terbuka rekapitulasi."
    note = " <!-- " + "catatan redaksi yang panjang " * 10 + "-->"
    assert findings_for(article_text(slug="x-y", summary=summary + note)) == []


def test_a_comment_in_the_category_is_one_warning_from_the_build_and_check(site):
    """The build stopped on `unknown rubrik: 'Berita <!-- cek lagi -->'`; the
    comment is now said once (sanitize), the same from `invoke check`, and the
    release is filed under Berita."""
    site.article("rubrik.md", slug="rapat-rubrik", category="Berita <!-- cek lagi -->")
    site.article("status.md", slug="rapat-status", status="draft <!-- tunggu -->")
    site.article("tanggal.md", slug="rapat-tanggal", date="2024-11-17 09:30 <!-- cek -->")
    built = site.build(SEARCH_ENABLED=False)
    status = line_of(site.content / "berita" / "status.md", "Status:")
    date = line_of(site.content / "berita" / "tanggal.md", "Date:")
    errors = [
        f"berita/status.md:{status}: unknown Status: 'draft <!-- tunggu -->': this file is not "
        "published (the HTML comment is read as part of the Status: value; write "
        "'Status: draft' and keep the note out of the release file)",
        f"berita/tanggal.md:{date}: unparseable Date: '2024-11-17 09:30 <!-- cek -->': this "
        "release is not published (the HTML comment is read as part of the Date: value; write "
        "'Date: 2024-11-17 09:30' and keep the note out of the release file)",
    ]
    assert sorted(built.log_lines("error")) == errors, built.log
    checked = run_check(site)
    said = [f"{f.path}:{f.line}: {f.message}" for f in checked.findings("error") if f.path]
    assert sorted(said) == [f"{site.content.name}/{line}" for line in errors], said
    found = [f for f in built.findings() if f.path.endswith("rubrik.md")]
    assert [(f.line, f.level) for f in found] == [
        (line_of(site.content / "berita" / "rubrik.md", "Category:"), "warning")
    ], built.log
    assert "comment" in found[0].message
    [month] = (built.output / "berita" / "2024").iterdir()
    page = built.html(f"berita/2024/{month.name}/rapat-rubrik/")
    assert "cek lagi" not in page.get_text()
