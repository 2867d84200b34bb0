"""Corrections (`Ralat:` front-matter lines, plugins/corrections).

Units of the pure parser, then fixture sites: the article page shows the
"Ralat" box and the dated list, the JSON-LD carries dateModified and
CorrectionComment objects, the Atom entry keeps its id and gets <updated>,
and bad lines are reported with their line.
"""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

from lxml import etree

from plugins.corrections.ralat import (
    freshness_problems,
    parse,
    values_of,
)
from warta.frontmatter import parse_lines

WIB = ZoneInfo("Asia/Jakarta")
ATOM = {"a": "http://www.w3.org/2005/Atom"}
SLUG = "pleno-rekapitulasi-kabupaten-pali"
PAGE = f"berita/2024/12/{SLUG}/"
BODY = "TALANG UBI – Bawaslu Kabupaten PALI mengawasi rapat pleno rekapitulasi tingkat kabupaten."
FIRST = "Hari pelaksanaan diperbaiki menjadi Rabu hingga Kamis (4–5/12/2024)."
SECOND = "Jabatan Rustam Effendi Pohan dilengkapi menjadi Ketua Bawaslu Kabupaten PALI."


def release(*extra_lines: str) -> str:
    front = [
        "Title: Rapat Pleno Rekapitulasi Tingkat Kabupaten PALI Berjalan Tertib",
        "Date: 2024-12-05 17:00",
        f"Slug: {SLUG}",
        "Category: Berita",
        "Author: Humas Bawaslu Kabupaten PALI",
        "Tags: Pilkada Serentak 2024",
        "Summary: Rapat pleno rekapitulasi tingkat kabupaten di PALI berlangsung tertib.",
        *extra_lines,
    ]
    return "\n".join(front) + "\n\n" + BODY + "\n"


# -- units ---------------------------------------------------------------------


def test_one_value_or_many_become_a_list():
    assert values_of(None) == []
    assert values_of("2024-12-05 20:15 — x") == ["2024-12-05 20:15 — x"]
    assert values_of(["a", "b"]) == ["a", "b"]


def test_corrections_are_parsed_with_any_dash_and_sorted_oldest_first():
    corrections, problems = parse(
        [f"2024-12-06 09:30 – {SECOND}", f"2024-12-05 20:15 — {FIRST}", "2024-12-07 08:00 - x y"],
        WIB,
    )
    assert problems == []
    assert [c.text for c in corrections] == [FIRST, SECOND, "x y"]
    assert corrections[0].date == dt.datetime(2024, 12, 5, 20, 15, tzinfo=WIB)
    assert [c.index for c in corrections] == [1, 0, 2]
    assert corrections[0].as_json_ld() == {
        "@type": "CorrectionComment",
        "datePublished": "2024-12-05T20:15:00+07:00",
        "text": FIRST,
    }


def test_a_line_that_is_not_a_correction_is_an_error_with_an_example():
    corrections, problems = parse(
        ["5 Desember 2024 — tanggal salah", "2024-02-30 10:00 — tidak ada", "2024-12-05 20:15"],
        WIB,
    )
    assert corrections == []
    assert [(p.level, p.index) for p in problems] == [("error", 0), ("error", 1), ("error", 2)]
    assert "YYYY-MM-DD HH:MM" in problems[0].message
    assert "Ralat: 2024-11-20 14:00 —" in problems[0].suggestion
    assert "does not exist" in problems[1].message


def test_freshness_warnings_name_the_latest_correction():
    corrections, _ = parse([f"2024-12-05 20:15 — {FIRST}", f"2024-12-06 09:30 — {SECOND}"], WIB)
    missing = freshness_problems(corrections, None)
    assert [(p.level, p.index, p.value) for p in missing] == [("warning", 1, "2024-12-06 09:30")]
    assert "Modified: 2024-12-06 09:30" in missing[0].suggestion
    older = freshness_problems(corrections, dt.datetime(2024, 12, 6, 9, 0, tzinfo=WIB))
    assert [p.message for p in older] == ["Ralat is newer than Modified:"]
    assert freshness_problems(corrections, dt.datetime(2024, 12, 6, 9, 30, tzinfo=WIB)) == []


def test_ralat_lines_follow_pelicans_order_and_stop_at_the_body():
    lines = [
        "Title: X",
        "Ralat: 2024-12-05 20:15 — a",
        "Modified: 2024-12-06 09:30",
        "ralat: 2024-12-06 09:30 — b",
        "    continued",
        "",
        "Ralat: in the body",
    ]
    fields = parse_lines(lines).all("ralat")
    assert [number for field in fields for number in field.lines] == [2, 4, 5]
    assert [value for field in fields for value in field.values] == [
        "2024-12-05 20:15 — a",
        "2024-12-06 09:30 — b",
        "continued",
    ]


# -- fixture sites -------------------------------------------------------------


def test_two_corrections_show_on_the_page_in_json_ld_and_in_the_feed(site):
    site.article("pali.md", release())
    before = site.build(strict=True)
    assert before.returncode == 0, before.log
    feed = etree.fromstring((before.output / "feed.xml").read_bytes())
    entry_id = feed.findtext("a:entry/a:id", namespaces=ATOM)
    assert before.html(PAGE).select(".ralat, #ralat") == []

    site.article(
        "pali.md",
        release(
            "Modified: 2024-12-06 09:30",
            f"Ralat: 2024-12-05 20:15 — {FIRST}",
            f"Ralat: 2024-12-06 09:30 — {SECOND}",
        ),
    )
    built = site.build(strict=True)
    assert built.returncode == 0, built.log
    page = built.html(PAGE)

    notice = page.select_one("aside.ralat")
    assert notice is not None
    assert SECOND in notice.get_text(" ", strip=True)
    assert notice.select_one("time")["datetime"] == "2024-12-06T09:30:00+07:00"
    assert notice.select_one("a")["href"] == "#ralat"
    # The box comes before the body, the list after it.
    article = page.select_one("article.article")
    order = [el.get("id") or " ".join(el.get("class", [])) for el in article.find_all(True)]
    assert order.index("notice notice--correction ralat") < order.index("article__body")
    assert order.index("article__body") < order.index("ralat")

    items = page.select("#ralat li")
    assert [li.select_one("time")["datetime"] for li in items] == [
        "2024-12-05T20:15:00+07:00",
        "2024-12-06T09:30:00+07:00",
    ]
    assert FIRST in items[0].get_text(" ", strip=True)
    assert SECOND in items[1].get_text(" ", strip=True)

    documents = [json.loads(s.string) for s in page.select('script[type="application/ld+json"]')]
    [news] = [d for d in documents if d.get("@type") == "NewsArticle"]
    assert news["dateModified"] == "2024-12-06T09:30:00+07:00"
    assert news["correction"] == [
        {"@type": "CorrectionComment", "datePublished": "2024-12-05T20:15:00+07:00", "text": FIRST},
        {
            "@type": "CorrectionComment",
            "datePublished": "2024-12-06T09:30:00+07:00",
            "text": SECOND,
        },
    ]

    feed = etree.fromstring((built.output / "feed.xml").read_bytes())
    assert feed.findtext("a:entry/a:id", namespaces=ATOM) == entry_id
    updated = feed.findtext("a:entry/a:updated", namespaces=ATOM)
    assert dt.datetime.fromisoformat(updated) == dt.datetime(2024, 12, 6, 9, 30, tzinfo=WIB)
    items = built.json("feed.json")["items"]
    assert items[0]["_warta"]["corrections"][1] == {
        "date": "2024-12-06T09:30:00+07:00",
        "text": SECOND,
    }


def test_a_correction_newer_than_modified_or_without_it_is_a_warning_with_its_line(site):
    site.article("pali.md", release(f"Ralat: 2024-12-06 09:30 — {SECOND}"))
    site.article(
        "pali-2.md",
        release("Modified: 2024-12-06 08:00", f"Ralat: 2024-12-06 09:30 — {SECOND}").replace(
            SLUG, SLUG + "-2"
        ),
    )
    built = site.build()
    assert built.returncode == 0, built.log
    warnings = [w for w in built.log_lines("warning") if "Ralat" in w]
    assert any(w.startswith("berita/pali.md:8: Ralat without a Modified: line") for w in warnings)
    assert any(w.startswith("berita/pali-2.md:9: Ralat is newer than Modified:") for w in warnings)
    # The page never claims an update older than its correction.
    page = built.html(PAGE)
    [news] = [
        d
        for d in (json.loads(s.string) for s in page.select('script[type="application/ld+json"]'))
        if d.get("@type") == "NewsArticle"
    ]
    assert news["dateModified"] == "2024-12-06T09:30:00+07:00"
    assert site.build(strict=True).returncode == 1


def test_a_malformed_correction_fails_the_build_with_its_line_and_an_example(site):
    site.article(
        "pali.md",
        release(
            "Modified: 2024-12-06 09:30",
            f"Ralat: 2024-12-05 20:15 — {FIRST}",
            "Ralat: 6 Desember 2024, jabatan diperbaiki",
        ),
    )
    built = site.build()
    assert built.returncode == 1
    [error] = [e for e in built.log_lines("error") if "Ralat" in e]
    assert error.startswith("berita/pali.md:10: Ralat is not 'YYYY-MM-DD HH:MM — what was")
    assert "'6 Desember 2024, jabatan diperbaiki'" in error
    assert "Ralat: 2024-11-20 14:00 —" in error


def test_a_yaml_list_of_corrections_is_one_correction_an_item_each_at_its_line(site):
    """`ralat:` then `- …` lines in a `---` front matter (a CMS's list widget)
    was one correction, the two joined with ", " (an error: no such time)."""
    text = release().split("\n\n")[0]
    site.article(
        "pali.md",
        f"---\n{text}\nModified: 2024-12-06 08:00\nralat:\n"
        f"  - 2024-12-05 20:15 — {FIRST}\n  - 2024-12-06 09:30 — {SECOND}\n---\n\n{BODY}\n",
    )
    fields = parse_lines((site.content / "berita" / "pali.md").read_text().splitlines()).all(
        "ralat"
    )
    assert [(f.values, f.lines) for f in fields] == [
        ((f"2024-12-05 20:15 — {FIRST}", f"2024-12-06 09:30 — {SECOND}"), (11, 12))
    ]
    built = site.build()
    assert built.returncode == 0, built.log
    items = built.html(PAGE).select("#ralat li")
    assert [li.select_one("time")["datetime"] for li in items] == [
        "2024-12-05T20:15:00+07:00",
        "2024-12-06T09:30:00+07:00",
    ]
    warnings = [w for w in built.log_lines("warning") if "Ralat" in w]
    assert [w.split(": Ralat")[0] for w in warnings] == ["berita/pali.md:12"]
