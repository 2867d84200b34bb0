"""A release Pelican drops (a Date: it cannot parse, no Title, an unknown
Status:) still gets every one of its problems in one build and one `invoke
check`: the reason it is not published first, then the unknown region, the
unknown tag, the photo without alt text, the broken {filename} link… each once,
with its line, value and suggestion; and the release stays off the site.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PIL import Image

from conftest import (
    REPO,
    FixtureSite,
    article_text,
    build_and_check,
    built_page,
    findings_in,
    run_check,
)
from plugins.content_lint.failed import UNDATED, locate_image, stage_findings
from warta.enrichment import Enrichment
from warta.findings import Finding
from warta.pipeline import Pipeline, add_findings
from warta.source_checks import (
    Rules,
    check_images,
    check_source,
    front_matter_broken,
    parse_source,
)

NOW = "2026-11-20T12:00:00+07:00"

# One release with four problems besides its date, on lines 6, 8, 12 and 14:
# a region that does not exist, a tag outside the vocabulary, a photo without
# alt text and a link to a release that does not exist.
BODY = """\
MUARA ENIM – Bawaslu Kabupaten Muara Enim mengawasi distribusi logistik pemilihan.

![](/images/2024/gudang.jpg)

Baca juga [rapat sebelumnya]({filename}/berita/2024/tidak-ada.md).
"""


def release(date: str, slug: str, **extra) -> str:
    return article_text(
        title="Bawaslu Muara Enim Awasi Distribusi Logistik Pemilihan",
        date=date,
        slug=slug,
        author="Humas Bawaslu Kabupaten Muara Enim",
        tags="Pilkada Serentak 2024, Tag Ngawur Sekali",
        summary="Bawaslu Kabupaten Muara Enim mengawasi distribusi logistik pemilihan.",
        body=BODY,
        wilayah="Kabupaten Antah Berantah",
        **extra,
    )


def split_suggestion(rest: str) -> tuple[str, str]:
    """`message (suggestion)` → (message, suggestion); the suggestion may hold parentheses."""
    if not rest.endswith(")"):
        return rest, ""
    depth = 0
    for index in range(len(rest) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(rest[index], 0)
        if depth == 0:
            return rest[:index].rstrip(), rest[index + 1 : -1]
    return rest, ""


def parsed(text: str) -> list[Finding]:
    """The finding lines of a build or check output that name a file, as
    Findings with suggestions."""
    return [
        Finding(f.path, f.line, f.level, *split_suggestion(f.message))
        for f in findings_in(text)
        if f.path
    ]


def of(findings: list[Finding], name: str) -> list[Finding]:
    return [f for f in findings if f.path == f"content/berita/2024/{name}"]


def photo(site) -> None:
    folder = site.content / "images" / "2024"
    folder.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (640, 480), (40, 90, 140)).save(folder / "gudang.jpg")


EXPECTED_BESIDE_THE_REASON = [
    (6, "warning", "unknown tag 'Tag Ngawur Sekali'"),
    (8, "error", "unknown region: 'Kabupaten Antah Berantah'"),
    (12, "error", "image without alt text: '/images/2024/gudang.jpg'"),
    (14, "error", "link to a missing file: '/berita/2024/tidak-ada.md'"),
]


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory):
    """A build with the broken release and its twin whose date is fine."""
    from conftest import FixtureSite

    site = FixtureSite(tmp_path_factory.mktemp("failed-source"))
    photo(site)
    site.article("2024/rusak.md", text=release("17/11/2024", "logistik-rusak"))
    site.article("2024/sehat.md", text=release("2024-11-18 10:00", "logistik-sehat"))
    return site, site.build(CONTENT_LINT_NOW=NOW)


def test_a_broken_date_and_every_other_problem_of_the_file_each_once(broken_site):
    _, built = broken_site
    assert built.returncode == 1, built.log
    assert "Traceback" not in built.log
    found = of(parsed(built.log), "rusak.md")
    reason, *others = found
    # The reason the release is not on the site comes first, at its line, with the value.
    assert (reason.line, reason.level) == (2, "error"), found
    assert reason.message == ("unparseable Date: '17/11/2024': this release is not published")
    assert reason.suggestion == (
        "write it as 2024-11-17, or with the time in WIB: 2024-11-17 HH:MM (day first: 17 November)"
    )
    # Then every other problem, each once: nothing more (no Pelican echo), nothing less.
    assert [(f.line, f.level, f.message) for f in others] == EXPECTED_BESIDE_THE_REASON, found
    assert all(f.suggestion for f in found), found
    assert "closest:" in others[1].suggestion
    assert "data/official_tags.yaml" in others[0].suggestion


def test_the_dropped_release_gets_what_the_plugins_say_of_its_twin(broken_site):
    """The same problems, in the same words, as when the date is fixed (then the
    regions, official_tags and images plugins report them from the article)."""
    _, built = broken_site
    found = parsed(built.log)

    def problems(name):
        return sorted(
            (f.line, f.level, f.message, f.suggestion)
            for f in of(found, name)
            if f.level != "suggestion" and f.line != 2
        )

    assert problems("rusak.md") == problems("sehat.md")
    assert len(problems("sehat.md")) == len(EXPECTED_BESIDE_THE_REASON)


def test_the_dropped_release_is_not_on_the_site(broken_site):
    _, built = broken_site
    pages = [name for name in built.files() if name.endswith("index.html")]
    assert "berita/2024/11/logistik-sehat/index.html" in pages
    assert not [name for name in pages if "logistik-rusak" in name], pages
    feed = built.json("feed.json")
    urls = [item["url"] for item in feed["items"]]
    assert any("logistik-sehat" in url for url in urls)
    assert not [url for url in urls if "logistik-rusak" in url], urls


@pytest.mark.parametrize(
    ("case", "line", "reason"),
    [
        ("no-title", 1, "missing Title: this release is not published"),
        ("bad-status", 9, "unknown Status: 'publish': this file is not published"),
        # said as typed (Pelican hands it over in lower case)
        ("bad-Status", 9, "unknown Status: 'Publish': this file is not published"),
    ],
)
def test_other_reasons_pelican_drops_a_release_show_the_rest_too(site, case, line, reason):
    photo(site)
    if case == "no-title":
        text = release("2024-11-18 10:00", f"logistik-{case}")
        text = text.replace("Title: Bawaslu Muara Enim Awasi Distribusi Logistik Pemilihan\n", "")
    else:  # Status: on line 9, below Wilayah:
        status = "Publish" if case == "bad-Status" else "publish"
        text = release("2024-11-18 10:00", f"logistik-{case.lower()}", status=status)
    site.article("2024/rusak.md", text=text)
    built = site.build(CONTENT_LINT_NOW=NOW)
    assert built.returncode == 1, built.log
    found = of(parsed(built.log), "rusak.md")
    assert (found[0].line, found[0].level, found[0].message) == (line, "error", reason), found
    if case != "no-title":
        # 'publish' is what Pelican calls 'published': the value to write is said
        assert found[0].suggestion == (
            "write 'Status: published', or no Status: line (a release is published without one)"
        )

    def moved(number):  # without Title every line moves up; Status: pushes the body down
        return number - 1 if case == "no-title" else number + (number >= 9)

    expected = [(moved(n), level, message) for n, level, message in EXPECTED_BESIDE_THE_REASON]
    assert [(f.line, f.level, f.message) for f in found[1:]] == expected, built.log
    assert not [name for name in built.files() if f"logistik-{case.lower()}" in name]


@pytest.mark.parametrize(
    ("key", "value"),
    [
        # Pelican's dateutil reads each of these, the first as 8 December 2024.
        ("Date", "12/08/2024"),
        ("Date", "2024/11/18 10:00"),
        ("Date", "18-11-2024 10:00"),
        # (a two-digit year; "Nov 18 2024", a month's name, is no guess: read)
        ("Date", "18 Nov 24"),
        ("Modified", "19/11/2024"),
    ],
)
def test_a_date_only_dateutil_can_read_is_not_published_on_a_guess(site, key, value):
    site.article(
        "2024/tebak.md",
        text=article_text(
            title="Bawaslu Lahat Awasi Rapat Pleno Terbuka Rekapitulasi Suara",
            date="2024-11-18 10:00" if key == "Modified" else value,
            slug="pleno-tebak",
            author="Humas Bawaslu Kabupaten Lahat",
            summary="Bawaslu Kabupaten Lahat mengawasi rapat pleno terbuka rekapitulasi suara.",
            body="LAHAT – Bawaslu Kabupaten Lahat mengawasi rapat pleno terbuka.\n",
            **({"modified": value} if key == "Modified" else {}),
        ),
    )
    site.article(
        "2024/sehat.md",
        text=article_text(
            title="Bawaslu Lahat Awasi Distribusi Logistik Pemilihan Serentak",
            date="2024-11-18 10:00",
            slug="logistik-sehat",
            author="Humas Bawaslu Kabupaten Lahat",
            summary="Bawaslu Kabupaten Lahat mengawasi distribusi logistik pemilihan serentak.",
            body="LAHAT – Bawaslu Kabupaten Lahat mengawasi distribusi logistik.\n",
        ),
    )
    built = site.build(CONTENT_LINT_NOW=NOW)
    assert built.returncode == 1, built.log
    assert "Traceback" not in built.log
    found = of(parsed(built.log), "tebak.md")
    assert [(f.level, f.message) for f in found if f.level == "error"] == [
        ("error", f"unparseable {key}: '{value}': this release is not published")
    ], built.log
    assert not [name for name in built.files() if "pleno-tebak" in name]
    assert "berita/2024/11/logistik-sehat/index.html" in built.files()
    urls = [item["url"] for item in built.json("feed.json")["items"]]
    assert not [url for url in urls if "pleno-tebak" in url], urls


def test_invoke_check_names_every_problem_of_the_dropped_release_once(site):
    photo(site)
    site.article("2024/rusak.md", text=release("2024-13-40", "logistik-rusak"))
    result = run_check(site)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    found = of(parsed(result.stdout), "rusak.md")
    assert [(f.line, f.level, f.message) for f in found] == [
        (
            2,
            "error",
            "impossible Date: '2024-13-40': there is no month 13: this release is not published",
        ),
        *EXPECTED_BESIDE_THE_REASON,
    ], result.stdout


# ---- the pieces, without a build ----


class DatedStage:
    """A stage whose finding depends on the article's date, and one that does not
    (as the official tags stage judges an office on the date)."""

    name = "dated"
    after: tuple[str, ...] = ()

    def digest(self) -> str:
        return "dated"

    def run(self, source, enrichment: Enrichment) -> Enrichment:
        return add_findings(
            enrichment,
            [
                Finding(source.path, 3, "suggestion", f"position on {source.date.isoformat()}"),
                Finding(source.path, 5, "warning", "independent of the date"),
            ],
        )


def test_without_a_date_only_the_findings_that_do_not_depend_on_it_are_kept():
    pipeline = Pipeline()
    pipeline.add(DatedStage())
    undated = article_text(date="besok", slug="x")
    assert [f.message for f in stage_findings(pipeline, "x.md", undated, "")] == [
        "independent of the date"
    ]
    dated = article_text(date="2024-11-17 09:30", slug="x")
    assert [f.message for f in stage_findings(pipeline, "x.md", dated, "")] == [
        "position on 2024-11-17",
        "independent of the date",
    ]
    assert dt.date(2024, 11, 17) not in UNDATED


def test_photos_of_a_source_are_located_as_the_images_plugin_locates_them(tmp_path):
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    (content / "berita" / "2024").mkdir(parents=True)
    (content / "images" / "ada.jpg").write_bytes(b"jpeg")
    (content / "berita" / "2024" / "samping.jpg").write_bytes(b"jpeg")
    where = "berita/2024/x.md"
    assert locate_image(content, where, "/images/ada.jpg") is True
    assert locate_image(content, where, "{static}/images/ada.jpg") is True
    assert locate_image(content, where, "samping.jpg") is True
    assert locate_image(content, where, "images/ada.jpg") is True
    assert locate_image(content, where, "/images/hilang.jpg") is False
    assert locate_image(content, where, "https://contoh.id/a.jpg") is None
    assert locate_image(content, where, "{static}/../../rahasia.jpg") is None
    assert locate_image(content, where, "../../../rahasia.jpg") == "outside the content folder"
    # (from content/berita/2024/, inside content/: missing, not outside)
    assert locate_image(content, where, "../../images/hilang.jpg") is False


def test_check_images_reports_alt_text_and_missing_files_at_their_lines():
    text = (
        "Title: Judul\nDate: besok\nImage: images/sampul.jpg\n\n"
        "Teks.\n\n![](/images/ada.jpg)\n\n![Gudang](/images/hilang.jpg)\n\n"
        "![Peta](https://contoh.id/peta.png)\n"
    )
    html = (
        '<p><img alt="" src="/images/ada.jpg"></p>'
        '<p><img alt="Gudang" src="/images/hilang.jpg"></p>'
        '<p><img alt="Peta" src="https://contoh.id/peta.png"></p>'
    )
    files = {"images/sampul.jpg", "images/ada.jpg"}

    def locate(reference):
        if reference.startswith("https:"):
            return None
        return reference.lstrip("/") in files

    found = list(check_images(parse_source("berita/x.md", text), html, locate))
    assert [(f.line, f.message) for f in found] == [
        (3, "image without alt text: 'images/sampul.jpg'"),
        (7, "image without alt text: '/images/ada.jpg'"),
        (9, "image file not found: '/images/hilang.jpg'"),
        (
            11,
            "image on another site, shown as a link: every reader's browser would fetch it "
            "from that site when the page opens: 'https://contoh.id/peta.png'",
        ),
    ]
    assert [f.level for f in found] == ["error", "error", "error", "warning"]
    assert all(f.suggestion for f in found)
    elsewhere = parse_source(
        "berita/x.md", "Title: Judul\nImage: https://contoh.id/a.jpg\n\nTeks.\n"
    )
    [finding] = check_images(elsewhere, "<p>Teks.</p>", lambda reference: None)
    assert (finding.line, finding.message) == (
        2,
        "featured image is an address on another site, not shown: 'https://contoh.id/a.jpg'",
    )


def test_a_photo_path_on_the_writers_computer_is_said_so_in_a_dropped_release(site):
    """As the images plugin says it of a release it reads: `/home/…` was "image
    file not found", `C:\\…` "an address on another site"; with no year to
    give (the Date: is why it was dropped), the suggestion names none."""
    site.article(
        "2024/rusak.md",
        text=article_text(
            date="besok",
            slug="foto-rusak",
            tags="",
            image=r"C:\Users\humas\Foto\gudang.jpg",
            region="16.03",
            body="MUARA ENIM – Bawaslu mengawasi distribusi logistik.\n\n"
            "![Gudang logistik](/home/humas/Foto/gudang-baru.jpg)\n",
        ),
    )
    built = site.build(CONTENT_LINT_NOW=NOW)
    photos = [f for f in of(parsed(built.log), "rusak.md") if "image" in f.message]
    elsewhere = "image is a path on the writer's own computer, outside the content folder"
    assert [(f.line, f.level, f.message, f.suggestion) for f in photos] == [
        (
            7,
            "error",
            f"{elsewhere}: 'C:\\Users\\humas\\Foto\\gudang.jpg'",
            "copy gudang.jpg into content/images/<year>/ and write Image: images/<year>/gudang.jpg",
        ),
        (
            12,
            "error",
            f"{elsewhere}: '/home/humas/Foto/gudang-baru.jpg'",
            "copy gudang-baru.jpg into content/images/<year>/ and write "
            "![…]({static}/images/<year>/gudang-baru.jpg)",
        ),
    ], built.log


@pytest.mark.parametrize(
    "featured",
    ["images/2024/gudang.jpg", "https://contoh.id/sampul.jpg", "{static}/images/2024/hilang.jpg"],
)
def test_photo_findings_of_a_dropped_release_match_the_images_plugin(site, featured):
    photo(site)
    body = (
        "MUARA ENIM – Bawaslu Kabupaten Muara Enim mengawasi distribusi logistik.\n\n"
        "![Gudang logistik]({static}/images/2024/tidak-ada.jpg)\n\n"
        "![](/images/2024/gudang.jpg)\n"
    )
    for name, date in (("rusak", "besok"), ("sehat", "2024-11-18 10:00")):
        site.article(
            f"2024/{name}.md",
            text=article_text(
                date=date, slug=f"foto-{name}", tags="", body=body, image=featured, region="16.03"
            ),
        )
    built = site.build(CONTENT_LINT_NOW=NOW)
    found = parsed(built.log)

    def photos(name):
        return sorted(
            (f.line, f.level, f.message, f.suggestion)
            for f in of(found, name)
            if "image" in f.message
        )

    assert photos("rusak.md") == photos("sehat.md"), built.log
    assert len(photos("sehat.md")) == 3, built.log


# ---- a front matter broken by a line: the rest of it is read as text ----

TITLE = "Title: Bawaslu Muara Enim Awasi Distribusi Logistik Pemilihan\n"


@pytest.mark.parametrize(
    ("text", "line", "message", "suggestion"),
    [
        (
            f"{TITLE}Wilayah : Kabupaten Muara Enim\nDate: 2024-11-18 10:00\nTags: Pilkada\n\n"
            "Teks.\n",
            2,
            "the front matter ends at this line: 'Wilayah : Kabupaten Muara Enim' is not a "
            "'Key: value' line; Date:, Tags: below it are read as text",
            "write it as 'Wilayah: Kabupaten Muara Enim', with no space before the colon",
        ),
        (
            # A YAML list outside a `---` block: Pelican's front matter ends there.
            f"{TITLE}Date: 2024-11-18 10:00\nTags:\n  - Pilkada Serentak 2024\n"
            "Wilayah: Kabupaten Muara Enim\n\nTeks.\n",
            4,
            "the front matter ends at this line: '- Pilkada Serentak 2024' is not a "
            "'Key: value' line; Wilayah: below it is read as text",
            "write a list on one line after its key, e.g. 'Tags: Pilkada 2024, Pengawasan'",
        ),
        (
            # A no-break space pasted before a key: the line looks right.
            f"{TITLE}Date: 2024-11-18 10:00\n\u00a0Status: draft\n\nTeks.\n",
            3,
            "the front matter ends at this line: 'Status: draft' is not a 'Key: value' line "
            "(it starts with an invisible U+00A0 NO-BREAK SPACE)",
            "delete what looks like a space before 'Status: draft'",
        ),
    ],
    ids=["space-before-colon", "yaml-list", "no-break-space"],
)
def test_a_front_matter_broken_by_a_line_is_named_at_that_line(text, line, message, suggestion):
    source = parse_source("berita/x.md", text)
    found = [f for f in check_source(source, Rules()) if f.level == "error"]
    # One finding for the cause; Date: is there, only stranded: no "missing Date" besides.
    assert found == [Finding("berita/x.md", line, "error", message, suggestion)]
    assert front_matter_broken(source)


@pytest.mark.parametrize(
    ("text", "message", "suggestion"),
    [
        (
            "Title : Bawaslu Muara Enim Awasi Logistik\nDate : 2024-11-18 10:00\n\nTeks.\n",
            "no front matter: the file starts with this line: 'Title : Bawaslu Muara Enim "
            "Awasi Logistik' is not a 'Key: value' line; Date: below it is read as text",
            "write it as 'Title: Bawaslu Muara Enim Awasi Logistik', with no space before "
            "the colon",
        ),
        (
            "Judul\u00a0: Bawaslu Muara Enim Awasi Logistik\nDate: 2024-11-18 10:00\n\nTeks.\n",
            "no front matter: the file starts with this line: 'Judul\u00a0: Bawaslu Muara Enim "
            "Awasi Logistik' is not a 'Key: value' line; Date: below it is read as text",
            "write it as 'Judul: Bawaslu Muara Enim Awasi Logistik', with no space before "
            "the colon",
        ),
        (
            "\u00a0Title: Bawaslu Muara Enim Awasi Logistik\nDate: 2024-11-18 10:00\n\nTeks.\n",
            "no front matter: the file starts with this line: 'Title: Bawaslu Muara Enim "
            "Awasi Logistik' is not a 'Key: value' line (it starts with an invisible U+00A0 "
            "NO-BREAK SPACE); Date: below it is read as text",
            "delete what looks like a space before 'Title: Bawaslu Muara Enim Awasi Logistik'",
        ),
    ],
    ids=["space-before-colon", "no-break-space-before-colon", "no-break-space"],
)
def test_a_first_line_that_is_no_key_is_named_with_its_fix(text, message, suggestion):
    """`Title : …` on line 1 (as staff type `Penulis : EW`) was "no front
    matter: the file starts with its text", without the line or the fix the
    same mistake gets on line 2."""
    found = [f for f in check_source(parse_source("berita/x.md", text), Rules())]
    assert found == [Finding("berita/x.md", 1, "error", message, suggestion)]


def test_text_right_below_the_front_matter_is_no_break():
    text = f"{TITLE}Date: 2024-11-18 10:00\nMUARA ENIM – Bawaslu menyatakan: rapat digelar.\n"
    source = parse_source("berita/x.md", text)
    assert not front_matter_broken(source)
    assert not [f for f in check_source(source, Rules()) if "front matter" in f.message]


def test_front_matter_lines_below_its_blank_line_are_named_as_shown_as_text():
    # "Summary:" and "Region:" added after the blank line: the release is
    # published, with them as its first paragraph; each line gets a warning.
    text = (
        f"{TITLE}Date: 2024-11-18 10:00\n\nSummary: Ringkasan rapat.\nregion : Kabupaten Lahat\n"
        "LAHAT – Ketua: rapat digelar.\n\nTags: bukan baris kepala di sini.\n"
    )
    found = [
        (f.line, f.level, f.message, f.suggestion)
        for f in check_source(parse_source("berita/x.md", text), Rules())
        if "blank line" in f.message
    ]
    hint = "move it up, above the blank line (the front matter is every line before it)"
    shown = (
        "is below the blank line that ends the front matter: "
        "the site shows this line as the release's text"
    )
    assert found == [
        (4, "warning", f"'Summary:' {shown}", hint),
        (5, "warning", f"'region:' {shown}", hint),
    ]
    # A lead that only contains a colon, and a front matter ended by a line: not this.
    assert not [
        f
        for f in check_source(
            parse_source("berita/y.md", f"{TITLE}Date: 2024-11-18 10:00\n\nLAHAT – Ketua: ya.\n"),
            Rules(),
        )
        if "blank line" in f.message
    ]


def test_a_release_dropped_for_a_stranded_date_says_why_once(site):
    photo(site)
    site.article(
        "2024/rusak.md",
        text=(
            f"{TITLE}Wilayah : Kabupaten Muara Enim\nDate: 2024-11-18 10:00\n"
            "Slug: logistik-rusak\n\n" + BODY
        ),
    )
    built = site.build(CONTENT_LINT_NOW=NOW)
    assert built.returncode == 1, built.log
    found = of(parsed(built.log), "rusak.md")
    assert [(f.line, f.level, f.message) for f in found] == [
        (
            2,
            "error",
            "the front matter ends at this line: 'Wilayah : Kabupaten Muara Enim' is not a "
            "'Key: value' line; Date:, Slug: below it are read as text: "
            "this release is not published",
        ),
        (8, "error", "image without alt text: '/images/2024/gudang.jpg'"),
        (10, "error", "link to a missing file: '/berita/2024/tidak-ada.md'"),
    ], built.log
    assert not [name for name in built.files() if "logistik-rusak" in name]


def test_a_release_dropped_for_a_reason_no_check_knows_still_says_so(site, tmp_path):
    """Pelican's own "could not process" is folded only into a line that says the
    release is not published, never into the file's other problems."""
    from warta.build import load_settings

    plugin = tmp_path / "fixture_plugins" / "breaks_one_release"
    plugin.mkdir(parents=True)
    (plugin / "__init__.py").write_text(
        "from pelican import signals\n"
        "def init(content):\n"
        "    if str(getattr(content, 'source_path', '')).endswith('rusak.md'):\n"
        "        raise ValueError('fixture plugin refuses this release')\n"
        "def register():\n"
        "    signals.content_object_init.connect(init)\n",
        encoding="utf-8",
    )
    settings = load_settings(REPO / "pelicanconf.py")
    photo(site)
    site.article("2024/rusak.md", text=release("2024-11-18 10:00", "logistik-rusak"))
    built = site.build(
        CONTENT_LINT_NOW=NOW,
        PLUGIN_PATHS=[*settings["PLUGIN_PATHS"], str(plugin.parent)],
        PLUGINS=[*settings["PLUGINS"], "breaks_one_release"],
    )
    assert built.returncode == 1, built.log
    found = of(parsed(built.log), "rusak.md")
    reasons = [f for f in found if f.message.startswith("cannot read this article")]
    assert [(f.level, f.message) for f in reasons] == [
        ("error", "cannot read this article: fixture plugin refuses this release")
    ], built.log
    others = [(f.line, f.level, f.message) for f in found if f not in reasons]
    assert others == EXPECTED_BESIDE_THE_REASON, built.log
    assert not [name for name in built.files() if "logistik-rusak" in name]


def test_a_key_written_twice_is_read_once_and_named_at_its_second_line(site):
    """Pelican turned a repeated Title: into a list: the page showed "['A', 'B']"
    or, through a filter that takes a list for pairs, stopped the build. The
    first value is used, and the second line is one warning; Pelican's own
    single keys (Date:) keep their message, once."""
    site.article(
        "ganda.md",
        "Title: Bawaslu Kabupaten Lahat Awasi Rapat Pleno Terbuka\n"
        "Title: Judul Kedua yang Tertinggal\n"
        "Date: 2024-11-17 09:30\n"
        "Date: 2024-11-18 09:30\n"
        "Summary: Bawaslu Kabupaten Lahat mengawasi rapat pleno terbuka rekapitulasi.\n"
        "Image-Alt: Teks pertama\n"
        "Image-Alt: Teks kedua\n"
        "Region: Kabupaten Lahat\n"
        "\n"
        "LAHAT – Bawaslu Kabupaten Lahat mengawasi rapat pleno terbuka.\n",
    )
    built = site.build(SEARCH_ENABLED=False)

    assert built.returncode == 0, built.log
    twice = [w for w in built.log_lines("warning") if "written twice" in w]
    assert sorted(twice) == [
        "berita/ganda.md:2: 'Title:' written twice: the first one (line 1) is used (keep one line)",
        "berita/ganda.md:4: 'Date:' written twice: the first one (line 3) is used (keep one line)",
        "berita/ganda.md:7: 'Image-Alt:' written twice: the first one (line 6) is used "
        "(keep one line)",
    ], built.log
    page = built.html("berita/2024/11/bawaslu-kabupaten-lahat-awasi-rapat-pleno-terbuka/")
    assert page.h1.get_text(strip=True) == "Bawaslu Kabupaten Lahat Awasi Rapat Pleno Terbuka"
    assert page.find("meta", property="og:title")["content"].startswith("Bawaslu Kabupaten")
    assert page.find("time")["datetime"].startswith("2024-11-17")


def test_a_dashed_front_matter_with_yaml_quotes_shows_no_quotes(site):
    """Other generators' and CMSs' style: `---` and YAML quotes around a value
    with a colon. Pelican showed the quotes in the headline."""
    site.article(
        "yaml.md",
        "---\n"
        'title: "Rapat Pleno: Bawaslu Kabupaten Lahat Awasi Rekapitulasi"\n'
        "date: 2024-11-17 09:30\n"
        "summary: 'Bawaslu Kabupaten Lahat mengawasi rapat pleno terbuka di Lahat.'\n"
        "region: Kabupaten Lahat\n"
        "---\n"
        "\n"
        "LAHAT – Bawaslu Kabupaten Lahat mengawasi rapat pleno terbuka.\n",
    )
    built, page = built_page(
        site, "berita/2024/11/rapat-pleno-bawaslu-kabupaten-lahat-awasi-rekapitulasi/"
    )
    assert built.log_lines("warning") == [], built.log
    title = "Rapat Pleno: Bawaslu Kabupaten Lahat Awasi Rekapitulasi"
    assert page.h1.get_text(strip=True) == title
    assert page.find("meta", property="og:title")["content"] == title
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert description == "Bawaslu Kabupaten Lahat mengawasi rapat pleno terbuka di Lahat."


def test_yaml_lists_in_a_dashed_front_matter_are_read_as_pelican_lists(site):
    """A CMS's list widget writes `tags:` and `- item` lines; other generators
    write `[A, B]`. Both are read as `Tags: A, B`: the list item no longer ends
    the front matter, and no bracket becomes part of a tag or an author."""
    site.article(
        "daftar.md",
        "---\n"
        "title: Bawaslu Kabupaten Lahat Awasi Rapat Pleno Terbuka Rekapitulasi\n"
        "date: 2024-11-17 09:30\n"
        "tags:\n"
        "  - Pilkada Serentak 2024\n"
        '  - "Pengawasan Partisipatif"\n'
        "authors: [Humas Bawaslu Kabupaten Lahat, 'Tim Warta']\n"
        "summary: Bawaslu Kabupaten Lahat mengawasi rapat pleno terbuka di Lahat.\n"
        "region: Kabupaten Lahat\n"
        "---\n"
        "\n"
        "LAHAT – Bawaslu Kabupaten Lahat mengawasi rapat pleno terbuka rekapitulasi.\n",
    )
    built, page = built_page(
        site, "berita/2024/11/bawaslu-kabupaten-lahat-awasi-rapat-pleno-terbuka-rekapitulasi/"
    )
    assert built.log_lines("error") == built.log_lines("warning") == [], built.log
    tags = {a.get_text(strip=True) for a in page.select(".article__tags a")}
    assert {"Pilkada Serentak 2024", "Pengawasan Partisipatif"} <= tags, tags
    authors = [
        a.get_text(strip=True) for a in page.select(".article__meta a") if "/penulis/" in a["href"]
    ]
    assert authors == ["Humas Bawaslu Kabupaten Lahat", "Tim Warta"], authors
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert description == "Bawaslu Kabupaten Lahat mengawasi rapat pleno terbuka di Lahat."


@pytest.mark.parametrize(
    ("date", "found"),
    [
        ("2026-03-02 10:00", []),
        ("2026-03-02T10:00:00+07:00", []),  # WIB, as another CMS writes it
        (
            "2026-03-02T03:00:00.000Z",
            [
                (
                    "warning",
                    "Date is not in WIB (UTC+0): '2026-03-02T03:00:00.000Z': "
                    "the site shows the time in that zone",
                    "write it in WIB as 2026-03-02 10:00",
                )
            ],
        ),
        (
            "2026-03-02T11:00+08:00",
            [
                (
                    "warning",
                    "Date is not in WIB (UTC+8): '2026-03-02T11:00+08:00': "
                    "the site shows the time in that zone",
                    "write it in WIB as 2026-03-02 10:00",
                )
            ],
        ),
        (
            "2026-02-30 10:00",
            [
                (
                    "error",
                    "impossible Date: '2026-02-30 10:00': there is no 30 February 2026 "
                    "(February 2026 has 28 days)",
                    "write a day that exists: YYYY-MM-DD HH:MM in WIB",
                )
            ],
        ),
        # Python reads "08.15" as 08:00:00.15, Pelican refuses it: the site
        # reads it as Indonesian writes a time, and hands Pelican 08:15.
        (
            "2026-03-02 8.15",
            [
                (
                    "suggestion",
                    "Date '2026-03-02 8.15' is read as 2026-03-02 08:15 WIB",
                    "write it as 2026-03-02 08:15, the form the CMS and `invoke new` write",
                )
            ],
        ),
        # A day no release has: an epoch left by a tool, a mistyped year.
        (
            "1970-01-01 07:00",
            [
                (
                    "warning",
                    "Date '1970-01-01 07:00' is before 2000, before any election supervisor's "
                    "release: a date left from a template, or a mistyped year",
                    "write the day the release went out: YYYY-MM-DD HH:MM in WIB",
                )
            ],
        ),
        ("2000-01-01 00:00", []),
        # Forms both read: a space before the zone, an hour alone, the basic form.
        ("2026-03-02 10:00 +07:00", []),
        ("2026-03-02 10", []),
        ("20260302", []),
    ],
)
def test_an_iso_date_with_its_zone_is_read_and_another_zone_is_named(date, found):
    """Pelican reads `2026-03-02T10:00:00+07:00`; the check called it unparseable
    and failed the build. A zone other than WIB is shown as such on the site."""
    text = article_text(date=date, slug="x", title="Bawaslu Kota Palembang Gelar Rapat Pleno")
    dates = [
        (f.level, f.message, f.suggestion)
        for f in check_source(parse_source("berita/x.md", text), Rules())
        if "Date" in f.message
    ]
    assert dates == found


def test_a_missing_link_in_the_summary_is_named_at_its_line(site):
    """Pelican resolves {filename} links in Summary: too; a missing one was said
    by Pelican alone, naming no file."""
    site.article(
        "ringkas.md",
        article_text(
            title="Bawaslu Kota Palembang Gelar Rapat Koordinasi",
            slug="ringkas",
            summary="Lihat [berita sebelumnya]({filename}/berita/tidak-ada.md) tentang rapat ini.",
        ),
    )
    built = site.build(SEARCH_ENABLED=False)

    line = (site.content / "berita/ringkas.md").read_text().split("\n").index(
        "Summary: Lihat [berita sebelumnya]({filename}/berita/tidak-ada.md) tentang rapat ini."
    ) + 1
    missing = [f for f in built.findings() if "missing file" in f.message]
    assert [(f.path, f.line) for f in missing] == [("content/berita/ringkas.md", line)], built.log
    assert missing[0].message.startswith("link to a missing file: '/berita/tidak-ada.md' (")


def test_a_photo_description_left_without_its_photo_is_said_at_its_line():
    text = article_text(
        slug="x",
        title="Bawaslu Kota Palembang Gelar Rapat Pleno",
        image_alt="Pengawas di meja pleno",
        image_caption="Apel siaga di halaman kantor",
        image_credit="Humas",
    )
    found = [
        (f.line, f.level, f.message)
        for f in check_source(parse_source("berita/x.md", text), Rules())
        if "Image" in f.message
    ]
    assert found == [
        (8, "warning", "Image-Alt: without an Image: line: 'Pengawas di meja pleno'"),
        (9, "warning", "Image-Caption: without an Image: line: 'Apel siaga di halaman kantor'"),
        (10, "warning", "Image-Credit: without an Image: line: 'Humas'"),
    ]
    with_photo = text.replace("Image-Alt:", "Image: images/2024/a.jpg\nImage-Alt:")
    assert not [
        f
        for f in check_source(parse_source("berita/x.md", with_photo), Rules())
        if "without an Image" in f.message
    ]


def test_a_translation_shares_its_originals_slug_without_a_duplicate_error():
    from warta.source_checks import check_duplicates

    def source(name, **extra):
        text = article_text(slug="rapat-pleno", date="2024-11-18 10:00", **extra)
        return parse_source(f"berita/{name}.md", text)

    pair = [source("asli"), source("inggris", lang="en")]
    assert list(check_duplicates(pair, "id")) == []
    twins = [source("asli"), source("kembar", lang="id")]  # the site's own language
    assert [(f.level, f.message.split(" as ")[0]) for f in check_duplicates(twins, "id")] == [
        ("error", "same address /berita/2024/11/rapat-pleno/"),
        ("error", "same address /berita/2024/11/rapat-pleno/"),
    ]


def test_duplicates_take_each_releases_date_as_its_source_keeps_it_read(monkeypatch):
    """The date the embargo check read (kept with the source, and with it in
    content_lint's cache) is the one the duplicate check groups by: 10,000
    dates were parsed again in every build."""
    from warta import source_checks
    from warta.source_checks import check_duplicates

    def source(name):
        text = article_text(slug="rapat-pleno", date="2024-11-18 10:00")
        found = parse_source(f"berita/{name}.md", text)
        found.read_date(found.value("date"))  # as the embargo check reads it
        return found

    twins = [source("asli"), source("kembar")]

    def parsed_again(value):
        raise AssertionError(f"parsed again: {value}")

    monkeypatch.setattr(source_checks, "parse_date", parsed_again)
    assert [f.message.split(" as ")[0] for f in check_duplicates(twins, "id")] == [
        "same address /berita/2024/11/rapat-pleno/",
        "same address /berita/2024/11/rapat-pleno/",
    ]


def test_a_draft_that_would_take_a_published_address_is_a_suggestion_on_the_draft():
    """A draft (or an embargoed release) with a published one's slug in the same
    month has no address yet: the error on both files stopped the public build."""
    from warta.source_checks import check_duplicates

    def source(name, date="2024-11-18 10:00", **extra):
        return parse_source(f"berita/{name}.md", article_text(slug="rapat", date=date, **extra))

    now = dt.datetime(2024, 11, 20, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    rules = Rules(now=now)
    waiting = [
        source("terbit"),
        source("draf", status="draft"),
        source("flag", draft="true"),
        source("embargo", date="2024-11-30 10:00"),
    ]
    found = [(f.path, f.level) for f in check_duplicates(waiting, "id", rules)]
    assert found == [
        ("berita/draf.md", "suggestion"),
        ("berita/flag.md", "suggestion"),
        ("berita/embargo.md", "suggestion"),
    ]
    clash = [source("terbit"), source("kembar"), source("draf", status="draft")]
    errors = [(f.path, f.message) for f in check_duplicates(clash, "id", rules)]
    assert errors == [
        ("berita/terbit.md", "same address /berita/2024/11/rapat/ as berita/kembar.md"),
        ("berita/kembar.md", "same address /berita/2024/11/rapat/ as berita/terbit.md"),
        (
            "berita/draf.md",
            "not published yet: once it is, it takes the address /berita/2024/11/rapat/ "
            "of berita/terbit.md, berita/kembar.md",
        ),
    ]


def test_a_modified_time_written_with_a_dot_is_read_with_one_suggestion_at_its_line(site):
    """`Modified: 2024-11-30 08.15` was "cannot read this article" at the Date:
    line, then an error naming the value to write; it is read as 08:15 WIB."""
    text = article_text(slug="ubah", date="2024-11-29 10:00", modified="2024-11-30 08.15")
    site.article("2024/ubah.md", text=text)
    built = site.build()
    assert built.returncode == 0, built.log
    found = [(f.line, f.level, f.message) for f in of(built.findings(), "ubah.md")]
    assert found == [
        (
            8,  # Modified: is the last front-matter line article_text writes
            "suggestion",
            "Modified '2024-11-30 08.15' is read as 2024-11-30 08:15 WIB (write it as "
            "2024-11-30 08:15, the form the CMS and `invoke new` write)",
        )
    ], built.log


def test_a_link_out_of_the_content_folder_is_said_so_not_called_missing(site):
    """`{filename}/../README.md` was "link to a missing file: '/../README.md'",
    then "link leaves the content folder: '/../README.md'" (the path alone, a
    site address to the reader, with a {static} example): named as written."""
    body = "PALEMBANG – Lihat [catatan]({filename}/../README.md) dan [ini]({static}/x/../../a.pdf)."
    site.article("2024/keluar.md", text=article_text(slug="keluar", body=body))
    (site.root / "README.md").write_text("rahasia", encoding="utf-8")
    built = site.build()
    assert built.returncode == 1
    found = [(f.line, f.message.split(" (")[0]) for f in of(built.findings("error"), "keluar.md")]
    assert sorted(found) == [
        (9, "link leaves the content folder: '{filename}/../README.md'"),
        (9, "link leaves the content folder: file not read or published: '{static}/x/../../a.pdf'"),
    ], built.log
    [leaving] = [f for f in of(built.findings("error"), "keluar.md") if "README" in f.message]
    assert leaving.message.endswith("e.g. {filename}/berita/2024/nama-file.md)"), leaving


def test_a_release_saved_as_utf16_is_one_error_that_says_so(site):
    """Notepad's "Unicode" was "byte 0xff … (often a dash or a quote)": no
    dash or quote is wrong; the whole file is in another encoding."""
    site.article("2024/baik.md", slug="baik")
    path = site.content / "berita" / "2024" / "utf16.md"
    path.write_bytes(article_text(slug="utf16").encode("utf-16"))
    built = site.build()
    assert built.returncode == 1, built.log
    errors = [(f.path, f.line, f.message) for f in built.findings("error")]
    assert errors == [
        (
            "content/berita/2024/utf16.md",
            1,
            "not UTF-8 text: the file is saved as UTF-16 ('Unicode' in Notepad): this release "
            "is not published (save the file "
            "as UTF-8 (Notepad: File > Save As > Encoding: UTF-8))",
        )
    ], built.log


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_release_saved_as_utf16_without_its_mark_is_one_error_not_a_garbled_page(
    tmp_path, encoding
):
    """UTF-16 with no byte-order mark (an editor's 'UTF-16 LE', a script's
    export) is valid UTF-8 for ASCII: the reader took its NULs out as pasted
    control characters and published the release, with 'unparseable Date',
    'unknown rubrik' and a control-character warning on every line (eleven
    lines, none saying why), or 'byte 0xe9 … often a dash or a quote' with an
    accented letter. It is the one error a file saved as UTF-16 gets, in the
    build and `invoke check` alike, and not published."""
    site = FixtureSite(tmp_path)
    site.article("2024/baik.md", slug="baik")
    path = site.content / "berita" / "2024" / "utf16.md"
    text = article_text(slug="utf16", title="Bawaslu Kota Palembang Gelar Rapat Koordinasi Kécil")
    path.write_bytes(text.encode(encoding))
    built, checked = build_and_check(site)
    assert built.returncode == 1, built.log
    assert not (site.output / "berita" / "2024" / "11" / "utf16").exists()
    assert built.html("berita/2024/11/baik/").select_one("h1")
    line = (
        "content/berita/2024/utf16.md:1: error: not UTF-8 text: the file is saved as UTF-16 "
        "('Unicode' in Notepad): this release is not published (save the file "
        "as UTF-8 (Notepad: File > Save As > Encoding: UTF-8))"
    )
    for log in (built.log, checked.log):
        assert [x for x in log.splitlines() if "utf16.md" in x] == [line], log


EMPTY_TITLES = {
    "kosong.md": ("Title:\nDate: 2024-11-17 09:30\n", 1),
    "kutip.md": ('---\ntitle: ""\ndate: 2024-11-18 09:30\n---\n', 2),
    "peta.md": ("---\ntitle:\n  id: Rapat\ndate: 2024-11-19 09:30\n---\n", 2),
    "komentar.md": ("Title: <!-- judul menyusul -->\nDate: 2024-11-20 09:30\n", 1),
}


def test_a_release_whose_title_is_empty_is_not_published_untitled(tmp_path):
    """`Title:` left empty (by hand, `title: ""` as the CMS saves a blank
    field, a YAML map, a comment only) was 'missing Title' with no word that
    it mattered, and Pelican published the release with an empty <h1> at its
    month's folder (berita/2024/11/index.html, canonical '/berita/2024/11//'),
    each such release of the month over the last: pages lost with no line
    saying so. Each is now one error, 'missing Title: this release is not
    published', in the build and `invoke check` alike, and none is written."""
    site = FixtureSite(tmp_path)
    site.article("2024/baik.md", slug="baik")
    body = "\nPALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan.\n"
    for name, (head, _) in EMPTY_TITLES.items():
        site.article(f"2024/{name}", text=head + body)
    built, checked = build_and_check(site)
    assert built.returncode == 1, built.log
    pages = [name for name in built.files() if name.endswith("index.html")]
    assert "berita/2024/11/baik/index.html" in pages
    assert "berita/2024/11/index.html" not in pages
    feed = built.json("feed.json")
    assert [item["title"] for item in feed["items"] if not item["title"].strip()] == []
    for run in (built, checked):
        errors = [(Path(f.path).name, f.line, f.message) for f in run.findings("error")]
        assert sorted(errors) == sorted(
            (
                name,
                line,
                "missing Title: this release is not published (add 'Title: …')",
            )
            for name, (_, line) in EMPTY_TITLES.items()
        ), run.log


def test_a_page_with_an_empty_title_or_saved_as_utf16_says_why_it_is_not_published(tmp_path):
    """A page (content/halaman/) whose `Title:` was left empty was 'output
    path leaves the site folder (absolute path: save_as '/index.html')' with
    advice to remove a Save_as:/URL: line it never had; one saved as UTF-16
    with no byte-order mark was 'cannot read this article: …' with no advice.
    Each is one error saying why, with what to do, build and `invoke check`
    alike; the other page is published."""
    site = FixtureSite(tmp_path)
    site.page("kosong.md", "Title:\n\nHalaman tanpa judul.\n")
    site.page("profil.md", "Title: Profil Bawaslu Sumatera Selatan\n\nIsi halaman profil.\n")
    (site.content / "halaman" / "utf16.md").write_bytes(
        "Title: Halaman Enam Belas\n\nIsi halaman.\n".encode("utf-16-le")
    )
    built, checked = build_and_check(site)
    assert built.returncode == 1, built.log
    assert built.html("profil-bawaslu-sumatera-selatan/").select_one("h1")
    expected = [
        (
            "content/halaman/kosong.md",
            "missing Title: this file is not published "
            "(add a 'Title: …' line at the top of the file)",
        ),
        (
            "content/halaman/utf16.md",
            "cannot read this article: the file is saved as UTF-16, not UTF-8 "
            "(save the file as UTF-8)",
        ),
    ]
    for run in (built, checked):
        errors = [(f.path, f.message) for f in run.findings("error")]
        assert sorted(errors) == expected, run.log


def test_titles_with_no_letter_have_their_files_address_not_the_months_folder(tmp_path):
    """Two releases of one month titled with no letter or digit ('🎉🎉🎉 !!!',
    '★★★') got the error saying so, and Pelican's empty slug wrote both at
    berita/2024/11/index.html (canonical '/berita/2024/11//'), one over the
    other, with a second error for the shared address; such a page was refused
    as '/index.html' with advice about a Save_as: it never had. Each keeps its
    one error, and meanwhile has its file's name for address."""
    site = FixtureSite(tmp_path)
    lead = "\n\nPALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan.\n"
    site.article("pesta.md", "Title: 🎉🎉🎉 !!!\nDate: 2024-11-17 09:30" + lead)
    site.article("bintang.md", "Title: ★★★\nDate: 2024-11-18 09:30" + lead)
    site.page("bintang.md", "Title: ★\n\nIsi halaman.\n")
    built, checked = build_and_check(site)
    assert built.returncode == 1, built.log
    pages = built.files()
    assert "berita/2024/11/index.html" not in pages
    assert built.html("berita/2024/11/pesta/").select_one("h1").get_text() == "🎉🎉🎉 !!!"
    assert built.html("berita/2024/11/bintang/").select_one("h1").get_text() == "★★★"
    assert built.html("bintang/").select_one("h1").get_text() == "★"
    hint = "(write the headline in words, or add a Slug: line such as 'Slug: rapat-pleno')"
    expected = [
        (
            "content/berita/bintang.md",
            f"Title has no letter or digit to make the page's address from: '★★★' {hint}",
        ),
        (
            "content/berita/pesta.md",
            f"Title has no letter or digit to make the page's address from: '🎉🎉🎉 !!!' {hint}",
        ),
        (
            "content/halaman/bintang.md",
            f"Title has no letter or digit to make the page's address from: '★' {hint}",
        ),
    ]
    for run in (built, checked):
        errors = [(f.path, f.message) for f in run.findings("error")]
        assert sorted(errors) == expected, run.log


def test_a_slug_with_a_letter_of_another_script_says_which_and_keeps_it(tmp_path):
    """`Slug: \u0430dmin` (a Cyrillic 'а', from a keyboard set to Russian)
    reads 'admin' to its writer: the line was "invalid Slug: 'аdmin' (…
    e.g. 'dmin')" and the page went to /berita/2024/11/dmin/. The line names
    the letter that is not Latin, the address and the suggestion are 'admin',
    build and `invoke check` alike."""
    site = FixtureSite(tmp_path)
    site.article(
        "mirip.md",
        "Title: Bawaslu Kota Palembang Gelar Rapat Huruf Mirip\nDate: 2024-11-17 09:30\n"
        "Slug: \u0430dmin-rapat\n\n"
        "PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan.\n",
    )
    built, checked = build_and_check(site)
    assert built.returncode == 1, built.log
    assert built.html("berita/2024/11/admin-rapat/").select_one("h1")
    expected = [
        (
            3,
            "invalid Slug: '\u0430dmin-rapat', '\u0430' (U+0430) of another script, not the "
            "Latin letter it looks like (use lowercase letters, digits and hyphens, "
            "e.g. 'admin-rapat')",
        )
    ]
    for run in (built, checked):
        errors = [(f.line, f.message) for f in run.findings("error")]
        assert errors == expected, run.log


def test_a_key_written_as_a_yaml_map_is_one_warning_not_a_value_dropped_unsaid(tmp_path):
    """`author:` then `  name: Budi` (Jekyll's habit), `image: {src: …}` (a
    CMS object widget) were read as nothing with no line: the byline was the
    site's default author and the photo was gone. Each key the site reads
    written as a map is one warning at its line naming what was left out, the
    build and `invoke check` alike; the release is published."""
    site = FixtureSite(tmp_path)
    site.article(
        "2024/peta.md",
        text="---\ntitle: Bawaslu Kota Palembang Gelar Rapat Koordinasi Berpeta\n"
        "date: 2024-11-17 09:30\nslug: berpeta\nauthor:\n  name: Budi Santoso\n"
        "image: {src: images/2024/foto.jpg}\n---\n\n"
        "PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan.\n",
    )
    built, checked = build_and_check(site)
    assert built.returncode == 0, built.log
    assert built.html("berita/2024/11/berpeta/").select_one("h1")
    expected = [
        (
            5,
            "'author:' is a YAML map, which the site does not read, so it is left out: "
            "'name: Budi Santoso' (write the value itself on the key's line: 'author: …')",
        ),
        (
            7,
            "'image:' is a YAML map, which the site does not read, so it is left out: "
            "'{src: images/2024/foto.jpg}' (write the value itself on the key's line: "
            "'image: …')",
        ),
    ]
    for run in (built, checked):
        warnings = [
            (f.line, f.message) for f in run.findings("warning") if f.path.endswith("peta.md")
        ]
        assert warnings == expected, run.log


def test_a_release_saved_as_utf16_without_its_mark_is_one_error_and_not_published(site):
    """UTF-16 saved without its byte order mark (an export's "UTF-16LE")
    decodes as UTF-8 with a NUL between the letters: the release was
    published with its Title, Date and Slug read as NULs and letters, with a
    dozen lines about control characters, an unparseable Date: and an
    invalid Slug:. It is the one error UTF-16 with its mark is, and not
    published."""
    site.article("2024/baik.md", slug="baik")
    path = site.content / "berita" / "2024" / "utf16.md"
    path.write_bytes(article_text(slug="utf16").encode("utf-16-le"))
    built = site.build()
    assert built.returncode == 1, built.log
    said = [(f.path, f.line, f.level, f.message) for f in built.findings()]
    assert said == [
        (
            "content/berita/2024/utf16.md",
            1,
            "error",
            "not UTF-8 text: the file is saved as UTF-16 ('Unicode' in Notepad): this release "
            "is not published (save the file "
            "as UTF-8 (Notepad: File > Save As > Encoding: UTF-8))",
        )
    ], built.log
    assert [p for p in built.output.rglob("*") if "utf16" in p.name] == []


def test_a_title_of_invisible_characters_alone_is_a_missing_title(site):
    """`Title: \u200b` (a zero-width space pasted alone) or a soft hyphen and a
    joiner: the release was published with an empty headline, the build
    passing with a warning that the character is left out and one that the
    title is 1 character long. Each is a missing title, and neither is
    written (the reader leaves such a title out as it does an empty one)."""
    site.article("2024/baik.md", slug="baik")
    for number, title in enumerate(["\u200b", "\u00ad\u200d"]):
        text = article_text(slug=f"kosong-{number}", title="JUDUL").replace("JUDUL", title)
        site.article(f"2024/kosong-{number}.md", text)
    built = site.build()
    assert built.returncode == 1, built.log
    errors = [(f.path, f.line, f.message) for f in built.findings("error")]
    advice = " (write the release's headline after 'Title:')"
    unpublished = "this release is not published"
    assert errors == [
        (
            "content/berita/2024/kosong-0.md",
            1,
            "missing Title: '\\u200b' is only invisible characters: " + unpublished + advice,
        ),
        (
            "content/berita/2024/kosong-1.md",
            1,
            "missing Title: '\\xad\\u200d' is only invisible characters: " + unpublished + advice,
        ),
    ], built.log
    pages = [name for name in built.files() if name.endswith("index.html")]
    assert "berita/2024/11/baik/index.html" in pages
    assert [name for name in pages if "kosong" in name or name == "berita/2024/11/index.html"] == []


def test_a_declared_key_below_the_blank_line_is_named_as_shown_as_text():
    """A key of CONTENT_LINT_EXTRA_KEYS written below the blank line that
    ends the front matter (a `---` one with a rule further down, or a
    `Title:` one) was the release's text with no message."""
    rules = Rules(extra_keys=("Subtitle",))
    for head, rule in (("---\n", "\n---\n\nPenutup.\n"), ("", "")):
        text = (
            f"{head}{TITLE}Date: 2024-11-18 10:00\n\nSubtitle: Anak judul rilis\n\n"
            f"LAHAT – Bawaslu Kabupaten Lahat mengawasi rapat pleno.\n{rule}"
        )
        line = 5 if head else 4
        source = parse_source("berita/x.md", text)
        found = [
            (f.line, f.level) for f in check_source(source, rules) if "blank line" in f.message
        ]
        assert found == [(line, "warning")]
        assert not [f for f in check_source(source, Rules()) if "blank line" in f.message]


def test_the_content_folder_is_listed_with_each_folders_path_made_relative_once(
    tmp_path, monkeypatch
):
    """`content_files`: every file below content/, relative and "/"-separated,
    hidden folders skipped, a symbolic link listed, not followed; the path of
    each folder is made relative once (`relpath` per file was most of the
    listing of 10,000 releases and their photos, in every build)."""
    import os

    from plugins.content_lint.inventory import content_files

    content = tmp_path / "content"
    for relative in (
        "berita/2024/rapat.md",
        "berita/2024/foto rapat.JPG",
        "berita/catatan.txt",
        "halaman/tentang.md",
        ".git/config",
        "berita/.draf/x.md",
        "robots.txt",
    ):
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        (content / relative).write_text("x", encoding="utf-8")
    (content / "berita/tautan.md").symlink_to(content / "halaman/tentang.md")
    made_relative = []
    relpath = os.path.relpath
    monkeypatch.setattr(os.path, "relpath", lambda *a: made_relative.append(a) or relpath(*a))
    for root in (str(content), f"{content}/", f"{content}/../content"):
        made_relative.clear()
        assert sorted(content_files(root)) == [
            "berita/2024/foto rapat.JPG",
            "berita/2024/rapat.md",
            "berita/catatan.txt",
            "berita/tautan.md",
            "halaman/tentang.md",
            "robots.txt",
        ]
        assert len(made_relative) == 4  # content/, berita/, berita/2024/, halaman/


@pytest.mark.parametrize("folder", ["dok", "berita/2026"])
def test_a_document_outside_the_images_folder_says_where_to_put_it_to_download(site, folder):
    """An SK saved in content/dok/ (or next to its release) and linked was
    "not published (paste its text into a .md release …)": the file to
    download was what staff meant, and the line did not say where it goes."""
    site.article(
        "sk.md",
        title="Bawaslu Kabupaten Ogan Ilir Terbitkan Surat Keputusan Pengawasan",
        body="INDRALAYA – Bawaslu Kabupaten Ogan Ilir menerbitkan surat keputusan.",
    )
    (site.content / folder).mkdir(parents=True, exist_ok=True)
    (site.content / folder / "sk-pengawasan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    built = site.build()
    lines = [f for f in built.findings("error") if f.path.endswith("sk-pengawasan.pdf")]
    assert len(lines) == 1, built.log
    assert lines[0].path == f"content/{folder}/sk-pengawasan.pdf"
    assert "{static}/images/YYYY/sk-pengawasan.pdf" in lines[0].message
    assert "content/images/YYYY/sk-pengawasan.pdf" in lines[0].message
