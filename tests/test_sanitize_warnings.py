"""sanitize's warnings: each removal said once, at the line where the writer
wrote it, quoting it as written, with a suggestion that fits what was written."""

from __future__ import annotations

from plugins.sanitize.clean import clean_html, removal_lines
from tests.conftest import article_text

SUGGESTION = "write the release in Markdown; ask the web team to embed media"


def sanitize_findings(built) -> list[tuple[str, int | None, str]]:
    """(file name, line, message and suggestion) of each of sanitize's warnings."""
    return [
        (finding.path.rsplit("/", 1)[-1], finding.line, finding.message)
        for finding in built.findings("warning")
        if "removed from the published text" in finding.message
    ]


def test_removal_lines_count_only_the_line_ends_markdown_counts():
    # U+2028/U+2029, VT, FF and NEL end no line for Pelican's Markdown.
    source = "Title: a\u2028b\u2029c\x0bd\x0ce\x85f\r\nDate: x\r\n\r\n<script>a</script>\n"
    _cleaned, removed = clean_html("<script>a</script>")
    assert removal_lines(source, removed, first_line=3) == [4]


def test_a_line_separator_in_the_title_moves_no_warning(site):
    site.article(
        "garis.md",
        article_text(
            title="Bawaslu Kota Palembang\u2028Gelar Rapat\u2029Koordinasi Pengawasan",
            slug="garis",
            body="PALEMBANG – Bawaslu Kota Palembang menggelar rapat.\n\n"
            "Kata <svg onload=alert(1)></svg> lain.",
        ),
    )
    built = site.build()
    assert built.returncode == 0, built.log
    assert sanitize_findings(built) == [
        ("garis.md", 11, f"raw HTML removed from the published text: '<svg>' ({SUGGESTION})")
    ]
