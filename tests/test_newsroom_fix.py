"""`invoke check --fix` on releases as staff paste them: the text right below
the front matter (no blank line), an old Mac's CR line ends, a `---` block
never closed. It writes what the build supplied, or says in one line why it
cannot, keeps the page the build publishes the same, and a second run changes
nothing."""

from __future__ import annotations

import re

import yaml
from bs4 import BeautifulSoup

from conftest import run_check
from warta.check import apply_fix

LEAD = (
    "PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan tahapan "
    "pemilihan bersama jajaran pengawas kecamatan di kantor Bawaslu, Senin."
)
PASTED = {
    # the text right below the keys, as pasted from a chat or a document
    "2024/tempel.md": (
        "Title: Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan\n"
        f"Date: 2024-10-04 10:00\n{LEAD}\n\nRapat membahas kesiapan pengawas ad hoc.\n"
    ),
    # an old Mac's line ends: a lone CR
    "2024/mac.md": (
        "Title: Bawaslu Kota Palembang Gelar Rapat Evaluasi Kampanye\r"
        f"Date: 2024-10-05 10:00\r\r{LEAD}\r"
    ),
}
PAGES = {
    "2024/tempel.md": "berita/2024/10/bawaslu-kota-palembang-gelar-rapat-koordinasi-pengawasan/",
    "2024/mac.md": "berita/2024/10/bawaslu-kota-palembang-gelar-rapat-evaluasi-kampanye/",
}


def page(built, address: str) -> str:
    return str(BeautifulSoup((built.output / address / "index.html").read_bytes(), "lxml"))


def test_fix_writes_into_a_pasted_release_and_the_page_stays_the_same(site):
    files = {name: site.article(name, text) for name, text in PASTED.items()}
    before = site.build(strict=True)
    assert before.returncode == 0, before.log
    pages = {name: page(before, address) for name, address in PAGES.items()}

    fixed = run_check(site, "--fix")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    said = {line.split(":", 1)[0]: line for line in fixed.stdout.splitlines()}
    for name in PASTED:
        shown = f"content/berita/{name}"
        assert said[shown] == f"{shown}: fixed: wrote Slug, Category, Summary, Author, Thread"

    pasted = files["2024/tempel.md"].read_text(encoding="utf-8").split("\n")
    assert pasted[2].startswith("Slug: ") and pasted[6].startswith("Thread: ")
    assert pasted[7:10] == ["", LEAD, ""]  # the text below a blank line, whole
    mac = files["2024/mac.md"].read_bytes()
    assert b"\n" not in mac and mac.count(b"\r") == 9  # seven keys, the blank line, the lead
    assert mac.decode().split("\r")[2].startswith("Slug: ")

    after = site.build(strict=True)
    assert after.returncode == 0, after.log
    assert {name: page(after, address) for name, address in PAGES.items()} == pages
    assert [f for f in after.findings() if "supplied" in f.message] == []

    texts = {path: path.read_bytes() for path in files.values()}
    again = run_check(site, "--fix")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "fixed" not in again.stdout, again.stdout
    assert {path: path.read_bytes() for path in files.values()} == texts


def test_a_front_matter_fix_cannot_write_into_is_said_not_left_silent(site):
    text = (
        "---\ntitle: Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan\n"
        f"date: 2024-10-04 10:00\n{LEAD}\n"
    )
    path = site.article("2024/terbuka.md", text)
    fixed = run_check(site, "--fix")
    lines = fixed.stdout.splitlines()
    [said] = [line for line in lines if "not fixed" in line]
    assert re.fullmatch(
        r"content/berita/2024/terbuka\.md: not fixed: its `---` block is not closed "
        r"before line 4: add a `---` line .*",
        said,
    ), said
    assert path.read_text(encoding="utf-8") == text


def test_fix_writes_keys_in_the_case_of_a_yaml_blocks_own(tmp_path):
    """A `---` block with `title:`/`date:` (Decap's and most tools' YAML) got
    `Slug:`/`Thread:`: YAML tells `Slug` from `slug`, so a CMS reading `slug`
    saw none and wrote a second one beside it."""
    content = tmp_path / "content"
    content.mkdir()
    pairs = (("Slug", "rapat-pleno"), ("Thread", "src-0123456789abcdef"))
    lower = content / "lower.md"
    lower.write_text("---\ntitle: Judul Rapat\ndate: 2024-10-02 10:00\n---\n\nTeks.\n")
    assert apply_fix(lower, pairs, content) == ["Slug", "Thread"]
    block = yaml.safe_load(lower.read_text(encoding="utf-8").split("---\n")[1])
    assert block == {
        "title": "Judul Rapat",
        "date": "2024-10-02 10:00",
        "slug": "rapat-pleno",
        "thread": "src-0123456789abcdef",
    }
    capital = content / "capital.md"
    capital.write_text("---\nTitle: Judul Rapat\ndate: 2024-10-02 10:00\n---\n\nTeks.\n")
    assert apply_fix(capital, pairs, content) == ["Slug", "Thread"]
    block = yaml.safe_load(capital.read_text(encoding="utf-8").split("---\n")[1])
    assert {"Slug", "Thread"} <= set(block)
