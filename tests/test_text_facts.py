"""What a machine can catch in a release's text (warta.text, warta.source_checks):
invisible characters, mojibake, dates that contradict the Date: or the calendar."""

from __future__ import annotations

import datetime as dt

from conftest import article_text
from warta.findings import Finding
from warta.source_checks import Rules, check_source, parse_source

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
