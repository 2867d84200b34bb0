"""The CMS preview says what the build does with a release's take-down dates.

The build reads the EARLIEST of two take-down dates (`Kedaluwarsa:` written
again, an old `expiryDate:` left beside it) and warns at each other one, and
holds back a release with a take-down line in its text, below the front
matter (warta.frontmatter `FrontMatter.take_down`, `flag_below`). The
preview knew neither: it said "tampil sampai 2099-03-01" of a release the
build takes down on 2099-01-01, and nothing of one it does not publish. Here
each release is committed to a newsroom served by a real decap-server,
opened in /admin/ (Chromium), and the preview's take-down lines, parsed,
are compared with the ones `invoke check` prints for the same file.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from test_cms_browser import commit_release, committed, git, sign_in, start_newsroom

from conftest import FixtureSite, article_text, findings_in, run_check
from warta import frontmatter
from warta.dates import when_written

pytestmark = pytest.mark.browser

DATELINE = "PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan."
YAML_RELEASE = (
    "---\ntitle: Bawaslu Kota Palembang Gelar Rapat Pengawasan YAML\n"
    "date: 2024-11-17 09:30\nslug: turun-yaml\ncategory: Berita\n"
    "summary: Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan tahapan.\n"
    "kedaluwarsa: 2099-03-01 10:00\nexpiryDate: '2099-01-01 10:00'\n---\n\n" + DATELINE + "\n"
)


def release(slug: str, *extra: str, body: str = DATELINE) -> str:
    """A release (Date: 2024-11-17 09:30) with `extra` front-matter lines."""
    head, rest = article_text(slug=slug, title=title(slug), body=body).split("\n\n", 1)
    return "\n".join([head, *extra]) + "\n\n" + rest


def title(slug: str) -> str:
    return f"Bawaslu Kota Palembang Gelar Rapat Pengawasan {slug.replace('-', ' ').title()}"


CASES = {
    # Two dates: the form shows the first, the build reads the earlier.
    "dua-tanggal": release(
        "dua-tanggal", "Kedaluwarsa: 2099-03-01 10:00", "expiryDate: 2099-01-01 10:00"
    ),
    # The key twice, the second already past: down since then.
    "dua-kali": release(
        "dua-kali", "Kedaluwarsa: 2099-03-01 10:00", "Kedaluwarsa: 2024-11-20 10:00"
    ),
    # One no date (held back), the other read.
    "tak-terbaca": release("tak-terbaca", "Kedaluwarsa: besok", "Tayang-Hingga: 2099-01-01 10:00"),
    # The earliest is before the Date: held back, the other said.
    "sebelum-terbit": release(
        "sebelum-terbit", "Kedaluwarsa: 2024-11-10", "expiryDate: 2099-01-01 10:00"
    ),
    # A spelling the form does not show, and a date written by hand.
    "ejaan-lain": release("ejaan-lain", "Publish-Until: 2099-01-01 10:00"),
    "tulisan-tangan": release("tulisan-tangan", "Kedaluwarsa: 1 Januari 2099 pukul 10.00"),
    "yaml": YAML_RELEASE,
    # Below the front matter: held back.
    "di-isi": release("di-isi", body="Kedaluwarsa: 2099-01-01 10:00\n\n" + DATELINE),
    # ... a yes there too (no time to take it down at).
    "di-isi-ya": release("di-isi-ya", body="Diturunkan: ya\n\n" + DATELINE),
    "di-isi-dan-atas": release(
        "di-isi-dan-atas",
        "Kedaluwarsa: 2099-02-01 10:00",
        body=DATELINE + "\n\nCatatan redaksi:\n\n- expiryDate: '2099-01-01 10:00'",
    ),
    # `Status: draft` says it is held back, and the build says no more;
    # `Status: hidden` is no draft: the line is said.
    "di-isi-draf": release(
        "di-isi-draf", "Status: draft", body="Kedaluwarsa: 2099-01-01 10:00\n\n" + DATELINE
    ),
    "di-isi-hidden": release(
        "di-isi-hidden", "Status: hidden", body="Kedaluwarsa: 2099-01-01 10:00\n\n" + DATELINE
    ),
    # In fenced code it is the release's text: published until its date.
    "di-kode": release(
        "di-kode",
        "Kedaluwarsa: 2099-02-01 10:00",
        body=DATELINE + "\n\n```\nKedaluwarsa: 2099-01-01 10:00\n```",
    ),
}
LEVELS = {"suggestion": "saran", "warning": "peringatan", "error": "kesalahan"}


def path_of(slug: str) -> str:
    return f"content/berita/2024/2024-11-17-{slug}.md"


# What `invoke check` says of a take-down date (warta/source_checks.py), and
# what the preview says (warta-cms.js `takeDownSaid`): (kind, quoted parts).
CHECK_SAYS = [
    ("down", r"taken down at (?P<when>\S+ \S+) WIB(?: \('(?P<field>.+?)'\))?: not on the site"),
    ("up", r"comes down at (?P<when>\S+ \S+) WIB(?: \('(?P<field>.+?)'\))?: on the site until"),
    ("other", r"another take-down date '(?P<other>.+?)': the earliest, '(?P<read>.+?)' \(line"),
    ("below", r"the take-down line '(?P<field>.+?)' is below the front matter"),
    ("no date", r"the take-down date '(?P<field>.+?)' is no date the site reads"),
    ("not after", r"the take-down date '(?P<field>.+?)' is not after the Date: '(?P<date>.+?)'"),
]
PREVIEW_SAYS = [
    ("down", r"Diturunkan pada (?P<when>\S+ \S+) WIB(?: \(“(?P<field>.+?)”\))? \(sudah lewat\)"),
    ("up", r"Diturunkan pada (?P<when>\S+ \S+) WIB(?: \(“(?P<field>.+?)”\))?: berita ini tampil"),
    (
        "other",
        r"Tanggal turun lain, “(?P<other>.+?)”, tidak dibaca situs: situs membaca yang "
        r"paling awal, “(?P<read>.+?)”",
    ),
    ("below", r"Baris “(?P<field>.+?)” ada di isi berita"),
    ("no date", r"(?:Diturunkan pada “(?P<value>.+?)”|Baris “(?P<field>.+?)”) bukan tanggal"),
    (
        "not after",
        r"(?:Diturunkan pada |Baris “(?P<field>.+?)”: diturunkan pada )(?P<when>\S+ \S+) "
        r"WIB tidak setelah tanggal terbit (?P<date>\S+ \S+) WIB",
    ),
]


def minute(value: str) -> str:
    """The WIB minute a date names, as both say it."""
    when = when_written(value)
    return f"{when:%Y-%m-%d %H:%M}" if when else value


def facts(level: str, message: str, patterns) -> tuple | None:
    """(level, kind, the parts both name) of a take-down message; None for another."""
    for kind, pattern in patterns:
        match = re.match(pattern, message)
        if match is None:
            continue
        parts = match.groupdict()
        field = parts.get("field")
        value = field.partition(": ")[2] if field else parts.get("value")
        if kind in ("up", "down"):
            named = (field,) if field else ()
            return (level, kind, parts["when"], *named)
        if kind == "other":
            return (level, kind, parts["other"], parts["read"])
        if kind == "below":
            return (level, kind, field)
        if kind == "no date":
            return (level, kind, value)
        return (level, kind, parts.get("when") or minute(value), minute(parts["date"]))
    return None


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> dict[str, list[tuple]]:
    """Each case's take-down findings of `invoke check`, parsed, in its order."""
    site = FixtureSite(tmp_path_factory.mktemp("take-down-check"))
    for slug, text in CASES.items():
        site.article(path_of(slug).removeprefix("content/berita/"), text)
    result = run_check(site)
    said: dict[str, list[tuple]] = {slug: [] for slug in CASES}
    for finding in findings_in(result.log):
        slug = finding.path.rsplit("2024-11-17-", 1)[-1].removesuffix(".md")
        told = facts(LEVELS[finding.level], finding.message, CHECK_SAYS)
        if told and slug in said:
            said[slug].append(told)
    return said


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    yield from start_newsroom(tmp_path_factory.mktemp("take-down-newsroom"))


@pytest.fixture(scope="module")
def cms(browser, newsroom):
    """The CMS logged in, with every case committed to the newsroom."""
    entries = {slug: commit_release(newsroom, path_of(slug), text) for slug, text in CASES.items()}
    context = browser.new_context(
        viewport={"width": 1366, "height": 900}, timezone_id="Asia/Jakarta", locale="id-ID"
    )
    page = context.new_page()
    errors = sign_in(page, newsroom)
    yield page, entries, newsroom
    page.backend.settle(page)
    seen = list(errors)
    context.close()
    assert seen == [], seen


def preview_said(page) -> list[tuple]:
    """The preview's take-down lines, parsed (its other checks left out)."""
    items = page.frame_locator("iframe").first.locator(".warta-cms-checks li")
    expect(items.first).to_be_visible()
    said = []
    for item in items.all():
        level = item.get_attribute("data-level")
        message = (item.text_content() or "").removeprefix(f"{level}: ")
        told = facts(level, message, PREVIEW_SAYS)
        if told:
            said.append(told)
    return sorted(said)


def open_release(cms, slug: str):
    page, entries, newsroom = cms
    # (from the collection's list: going from one entry's address to
    # another's, Decap keeps the first one open)
    page.goto(f"{newsroom.base}/admin/#/collections/berita")
    page.get_by_role("link", name="Berita").first.wait_for()
    page.goto(f"{newsroom.base}/admin/#/collections/berita/entries/{entries[slug]}")
    heading = page.frame_locator("iframe").first.locator("h1")
    expect(heading).to_have_text(title(slug) if slug != "yaml" else YAML_RELEASE.split("\n")[1][7:])
    return page


@pytest.mark.parametrize("slug", list(CASES))
def test_the_preview_says_of_take_down_dates_what_invoke_check_says(cms, checked, slug):
    page = open_release(cms, slug)
    said = preview_said(page)
    assert said == sorted(checked[slug]), (said, checked[slug])
    if slug == "di-kode":
        assert checked[slug] == [("saran", "up", "2099-02-01 10:00")]
    elif slug == "di-isi-draf":
        assert checked[slug] == []
    else:  # (every case says something of its take-down dates, or holds it back)
        assert checked[slug]


def test_the_check_says_what_each_case_holds(checked):
    """What the cases stand for, as the build says it (not the preview)."""
    assert sorted(checked["dua-tanggal"]) == [
        ("peringatan", "other", "Kedaluwarsa: 2099-03-01 10:00", "expiryDate: 2099-01-01 10:00"),
        ("saran", "up", "2099-01-01 10:00", "expiryDate: 2099-01-01 10:00"),
    ]
    assert ("saran", "down", "2024-11-20 10:00") in checked["dua-kali"]
    assert ("peringatan", "below", "Kedaluwarsa: 2099-01-01 10:00") in checked["di-isi"]
    assert ("peringatan", "below", "Diturunkan: ya") in checked["di-isi-ya"]
    assert ("peringatan", "below", "expiryDate: 2099-01-01 10:00") in checked["di-isi-dan-atas"]


def test_a_take_down_date_typed_beside_another_is_said_as_the_saved_file_is_checked(cms, tmp_path):
    """A release whose take-down date the form does not show (`Publish-Until:`)
    gets one typed in the form's field: the preview says which the build
    reads, and `invoke check` says the same of the file the CMS saves."""
    page = open_release(cms, "ejaan-lain")
    page.get_by_label("Diturunkan pada (WIB)").fill("2099-06-01T10:00")
    said = preview_said(page)
    assert said == sorted(
        [
            ("saran", "up", "2099-01-01 10:00", "Publish-Until: 2099-01-01 10:00"),
            (
                "peringatan",
                "other",
                "Kedaluwarsa: 2099-06-01 10:00",
                "Publish-Until: 2099-01-01 10:00",
            ),
        ]
    )
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.get_by_text("Naskah tersimpan").first.wait_for()
    _page, _entries, newsroom = cms
    saved = committed(newsroom, path_of("ejaan-lain"))
    site = FixtureSite(tmp_path)
    site.article("2024/2024-11-17-ejaan-lain.md", saved)
    told = [facts(LEVELS[f.level], f.message, CHECK_SAYS) for f in findings_in(run_check(site).log)]
    assert sorted(t for t in told if t) == said
    assert git(newsroom.repo, "status", "--porcelain") == ""


KEYS = [
    "Kedaluwarsa",
    "kedaluwarsa",
    "Kadaluarsa",
    "expiryDate",
    "expiry_date",
    "Expires",
    "Expired",
    "unpublishDate",
    "Unpublish",
    "unpublished",
    "Tayang-Hingga",
    "Tayang Hingga",
    "tayang_sampai",
    "Berlaku-Sampai",
    "Publish-Until",
    "publishedEnd",
    "Diturunkan-Pada",
    "Turunkan-Tanggal",
    "tanggalKedaluwarsa",
    "tglTayangHingga",
    "Tayang",
    "Date",
    "Tampil",
    "Status",
    "Expire-Date",
]
VALUES = ["2099-01-01 10:00", "true", "besok", "1 Januari 2099 pukul 10.00"]
BELOW = [
    "Kedaluwarsa: 2099-01-01 10:00",
    "  - expiryDate: '2099-01-01 10:00'",
    '\t"Tayang-Hingga": 2099-01-01 # catatan',
    "Expires: besok",
    "Unpublish: 2099-01-01",
    "unpublished: true",
    "Tayang Hingga: 2099-01-01",
    "~~~\n```\nKedaluwarsa: 2099-01-01\n~~~\nBerlaku-Sampai: 2099-02-01",
    "```\nKedaluwarsa: 2099-01-01\n```",
    "Rapat membahas batas Kedaluwarsa: 2099-01-01 yang diumumkan.",
]


def test_the_cms_tells_a_take_down_key_and_line_as_the_build_does(cms):
    """Every spelling the build reads as a take-down date (warta.frontmatter
    `is_end_field`), and the line below the front matter it reads as one
    (`flag_below`, outside fenced code): the CMS's, from config.json's
    patterns, are the build's."""
    page, _entries, _newsroom = cms
    warta = page.evaluate("fetch('config.json').then((r) => r.json()).then((c) => c.warta)")
    pairs = [[key, value] for key in KEYS for value in VALUES]
    told = page.evaluate(
        "([pairs, warta]) => pairs.map(([k, v]) => window.WARTA_CMS.isEndField(k, v, warta))",
        [pairs, warta],
    )
    assert told == [frontmatter.is_end_field(k.lower(), v) for k, v in pairs]
    assert sum(told) > len(KEYS)  # (most spellings are take-down keys)
    found = page.evaluate(
        "([bodies, warta]) => bodies.map((b) => window.WARTA_CMS.takeDownBelow(b, warta))",
        [[DATELINE + "\n\n" + body for body in BELOW], warta],
    )
    for body, cms_found in zip(BELOW, found, strict=True):
        below = frontmatter.parse(
            release("baris", body=DATELINE + "\n\n" + body)
        ).front_matter.below
        built = [f for f in below if frontmatter.is_end_field(f.key, f.value)]
        expected = {"name": built[0].name, "value": built[0].value} if built else None
        got = {"name": cms_found["name"], "value": cms_found["value"]} if cms_found else None
        assert got == expected, body
