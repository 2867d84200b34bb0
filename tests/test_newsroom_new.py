"""`invoke new` writes a complete, valid release and refuses what would break one."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from conftest import FixtureSite, article_text, run_invoke
from warta.source_checks import parse_date, parse_source
from warta.text import slugify


def invoke_new(content, *args: str) -> subprocess.CompletedProcess:
    return run_invoke("new", *args, timeout=120, WARTA_CONTENT_PATH=str(content))


def test_slugify_is_ascii_and_cut_at_a_word():
    assert (
        slugify("Bawaslu Kota Pagar Alam Gelar Patroli") == "bawaslu-kota-pagar-alam-gelar-patroli"
    )
    assert slugify("Rapat “Koordinasi” di Café, 27/11") == "rapat-koordinasi-di-cafe-27-11"
    long = slugify("Pengawasan " * 20)
    assert len(long) <= 80 and not long.endswith("-")


def test_new_writes_complete_front_matter_with_canonical_values(tmp_path):
    site = FixtureSite(tmp_path)
    result = invoke_new(
        site.content,
        "Bawaslu Kota Pagar Alam Gelar Patroli Pengawasan Masa Tenang",
        "--wilayah",
        "pagaralam",
        "--rubrik",
        "siaran-pers",  # as typed: the rubrik "Siaran Pers" is written
        "--tag",
        "masa tenang",
        "--tag",
        "pilkada serentak 2024",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    path = result.stdout.strip().splitlines()[-1]
    assert re.search(r"/berita/\d{4}/\d{4}-\d{2}-\d{2}-bawaslu-kota-pagar-alam-gelar", path)
    source = parse_source("new.md", Path(path).read_text(encoding="utf-8"))
    meta = {key: value for key, (value, _) in source.metadata.items()}
    assert meta["title"] == "Bawaslu Kota Pagar Alam Gelar Patroli Pengawasan Masa Tenang"
    assert meta["slug"] == "bawaslu-kota-pagar-alam-gelar-patroli-pengawasan-masa-tenang"
    assert meta["category"] == "Siaran Pers"
    assert meta["region"] == "Kota Pagar Alam"
    assert meta["tags"] == "Masa Tenang, Pilkada Serentak 2024"
    # The office of the region writes it; no empty Summary: the build takes the lead.
    assert meta["author"] == "Humas Bawaslu Kota Pagar Alam"
    assert re.fullmatch(r"[0-9a-f]{32}", meta["thread"])
    assert "summary" not in meta
    assert parse_date(meta["date"]) is not None


def test_new_article_builds_once_written(tmp_path):
    site = FixtureSite(tmp_path)
    summary = "Bawaslu Kota Lubuk Linggau menggelar   sosialisasi pengawasan partisipatif."
    result = invoke_new(
        site.content,
        "Bawaslu Kota Lubuk Linggau Gelar Sosialisasi",
        "--wilayah",
        "LLG",
        "--ringkasan",
        summary,
    )
    path = result.stdout.strip().splitlines()[-1]
    source = parse_source("new.md", Path(path).read_text(encoding="utf-8"))
    assert source.metadata["summary"][0] == " ".join(summary.split())
    text = Path(path).read_text(encoding="utf-8")
    text += "LUBUKLINGGAU – Bawaslu Kota Lubuk Linggau menggelar sosialisasi.\n"
    Path(path).write_text(text, encoding="utf-8")
    built = site.build(
        strict=False, CONTENT_LINT_NOW="2100-01-01T00:00:00+07:00", WITH_FUTURE_DATES=True
    )
    assert built.returncode == 0, built.log
    feed = built.json("feed.json")
    [item] = feed["items"]
    assert item["_warta"]["regions"][0]["code"] == "16.73"
    assert item["summary"] == " ".join(summary.split())


def test_new_refuses_an_existing_slug(tmp_path):
    site = FixtureSite(tmp_path)
    title = "Bawaslu Kabupaten Lahat Gelar Rapat Evaluasi"
    assert invoke_new(site.content, title, "--wilayah", "Lahat").returncode == 0
    again = invoke_new(site.content, title, "--wilayah", "Lahat")
    assert again.returncode != 0
    said = again.stdout + again.stderr
    [first] = site.content.rglob("*.md")
    # Named from the project, as every message names files: not /tmp/… or /home/….
    assert f"already used by {first.relative_to(site.root).as_posix()} " in said, said
    assert str(site.root) not in said
    assert len(list(site.content.rglob("*.md"))) == 1


def test_new_names_the_problem_and_the_fix(tmp_path):
    site = FixtureSite(tmp_path)
    cases = {
        ("--wilayah", "Bima"): [
            "fits several regions",
            "Kabupaten Bima (52.06)",
            "Kota Bima (52.72)",
        ],
        ("--wilayah", "Palembamg"): ["'Palembamg' is unknown", "closest: Kota Palembang (16.71)"],
        # "dan" between two regions: the build's "several regions in one value"
        ("--wilayah", "OKU dan OKI"): [
            "several regions in one value: 'OKU dan OKI'",
            '--wilayah "OKU, OKI"',
        ],
        ("--wilayah", "Palembang", "--tag", "kampanye akbar sekali"): ["unknown tag"],
        # a region typed as a tag: the build's words ("nearest" was an unrelated tag)
        ("--wilayah", "Palembang", "--tag", "muratara"): [
            "tag 'muratara' is a region, not an official tag (Kabupaten Musi Rawas Utara)",
            '--wilayah "Palembang, Kabupaten Musi Rawas Utara"',
        ],
        ("--wilayah", "Palembang", "--rubrik", "Opini"): ["unknown rubrik 'Opini'", "Siaran Pers"],
        ("--wilayah", "Palembang", "--rubrik", "Pengumuan"): [
            "unknown rubrik 'Pengumuan' (did you mean 'Pengumuman'? use one of: Berita,"
        ],
        ("--wilayah", ""): ["no region", "--wilayah"],
        # What the build would refuse after the file is written.
        ("--wilayah", "Palembang", "--penulis", "!!!"): ["'!!!' has no letter or digit"],
        ("--wilayah", "Palembang", "--penulis", "Humas " * 60): ["author too long"],
    }
    for args, expected in cases.items():
        result = invoke_new(site.content, "Bawaslu Kota Palembang Gelar Rapat Koordinasi", *args)
        output = result.stdout + result.stderr
        assert result.returncode != 0, args
        for fragment in expected:
            assert fragment in output, (args, output)
        assert "Traceback" not in output
    long_title = invoke_new(site.content, "Bawaslu Kota Palembang Gelar Rapat " * 10, "-w", "16")
    assert long_title.returncode != 0 and "title too long: " in long_title.stderr
    assert list(site.content.rglob("*.md")) == []


def test_a_region_typed_as_a_tag_gets_a_hint_that_keeps_the_regions_given(tmp_path):
    """`--wilayah "Kota Pagar Alam" --tag muratara` was told `--wilayah
    "Kabupaten Musi Rawas Utara"`: a second --wilayah is refused by invoke, and
    the two in one were "unknown", so the hint lost Pagar Alam. One --wilayah
    now takes several regions as `Region:` does, and the hint writes them
    together: following it writes a release the build reads with both."""
    site = FixtureSite(tmp_path)
    title = "Bawaslu Kota Pagar Alam dan Muratara Gelar Patroli Bersama"
    refused = invoke_new(site.content, title, "--wilayah", "Kota Pagar Alam", "--tag", "muratara")
    said = refused.stdout + refused.stderr
    assert refused.returncode != 0 and "is a region, not an official tag" in said, said
    [hint] = re.findall(r'--wilayah "([^"]+)"', said)
    assert hint == "Kota Pagar Alam, Kabupaten Musi Rawas Utara"
    result = invoke_new(site.content, title, "--wilayah", hint, "--tag", "patroli pengawasan")
    assert result.returncode == 0, result.stdout + result.stderr
    path = Path(result.stdout.strip().splitlines()[-1])
    source = parse_source("new.md", path.read_text(encoding="utf-8"))
    assert source.metadata["region"][0] == "Kota Pagar Alam, Kabupaten Musi Rawas Utara"
    # The office of the region named first writes it.
    assert source.metadata["author"][0] == "Humas Bawaslu Kota Pagar Alam"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "PAGAR ALAM – Bawaslu Kota Pagar Alam menggelar patroli pengawasan bersama.\n",
        encoding="utf-8",
    )
    built = site.build(CONTENT_LINT_NOW="2100-01-01T00:00:00+07:00", WITH_FUTURE_DATES=True)
    assert built.returncode == 0, built.log
    [item] = built.json("feed.json")["items"]
    assert {region["code"] for region in item["_warta"]["regions"]} == {"16.72", "16.13"}
    # A region already in --wilayah: the tag is left out, no --wilayah to write.
    again = invoke_new(
        site.content, title + " Lagi", "--wilayah", "Pagaralam, Muratara", "--tag", "Muratara"
    )
    said = again.stdout + again.stderr
    assert again.returncode != 0 and "--wilayah names it already: leave it out" in said, said
    # Each of several regions is read and named on its own.
    unknown = invoke_new(site.content, title, "--wilayah", "Pagaralam, Palembamg")
    said = unknown.stdout + unknown.stderr
    assert unknown.returncode != 0 and "region 'Palembamg' is unknown" in said, said


def test_help_and_a_missing_title_print_the_usage(tmp_path):
    site = FixtureSite(tmp_path)
    for flag in ("--help", "-h"):
        result = invoke_new(site.content, flag)
        assert result.returncode == 0, result.stdout + result.stderr
        lines = result.stdout.splitlines()
        assert lines[0].startswith('Usage: invoke new "JUDUL" --wilayah WILAYAH')
        options = {line.split()[0] for line in lines if line.startswith("  -")}
        assert {"-w,", "-r,", "-a,", "-p,", "-i,"} <= options
        assert "title too short" not in result.stdout + result.stderr
    result = invoke_new(site.content)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "new: no title" in output and 'usage: invoke new "JUDUL"' in output
    assert "invoke new --help" in output and "Traceback" not in output
    # Options without a title: still the usage, not invoke's parser error.
    result = invoke_new(site.content, "--wilayah", "Lahat", "-r", "Berita")
    assert result.returncode == 1 and "new: no title" in result.stderr
    assert list(site.content.rglob("*.md")) == []


def test_an_unknown_region_gets_the_closest_names_the_build_gives(tmp_path):
    site = FixtureSite(tmp_path)
    result = invoke_new(
        site.content, "Bawaslu Banyuasin Gelar Rapat Evaluasi", "--wilayah", "Pangkalan Baley"
    )
    assert result.returncode == 1
    new_hint = re.search(r"\(closest: ([^;]+);", result.stderr)
    assert new_hint, result.stderr
    assert new_hint[1].startswith("Kabupaten Banyuasin (16.07)")
    # The build says the same of a release with that Region:.
    site.article("rapat.md", region="Pangkalan Baley")
    built = site.build()
    build_hint = re.search(r"unknown region: 'Pangkalan Baley' \(closest: ([^;]+);", built.log)
    assert build_hint, built.log
    assert build_hint[1] == new_hint[1]


def test_the_author_is_the_office_of_the_region(tmp_path):
    site = FixtureSite(tmp_path)
    cases = {
        "Mura": "Humas Bawaslu Kabupaten Musi Rawas",
        "Tugumulyo": "Humas Bawaslu Kabupaten Musi Rawas",  # a kecamatan: its kabupaten
        "16.73": "Humas Bawaslu Kota Lubuk Linggau",
        "Sumsel": "Humas Bawaslu Provinsi Sumatera Selatan",
        # Outside the province: no office of this site, the site's own author
        # (it wrote "Humas Bawaslu Kabupaten Bandung").
        "Kabupaten Bandung": "Humas Bawaslu Provinsi Sumatera Selatan",
    }
    for number, (region, author) in enumerate(cases.items()):
        title = f"Bawaslu Gelar Rapat Koordinasi Pengawasan Tahapan Nomor {number}"
        result = invoke_new(site.content, title, "--wilayah", region)
        assert result.returncode == 0, result.stderr
        path = Path(result.stdout.strip().splitlines()[-1])
        meta = parse_source("new.md", path.read_text(encoding="utf-8")).metadata
        assert meta["author"][0] == author, region
    # Spelled as the office's earlier releases spell it (one author page), and
    # --penulis wins over both.
    site.article("lama.md", author="Humas Bawaslu Kota Pagaralam", slug="lama")
    title = "Bawaslu Kota Pagar Alam Gelar Rapat Evaluasi Pengawasan"
    result = invoke_new(site.content, title, "--wilayah", "Kota Pagar Alam")
    path = Path(result.stdout.strip().splitlines()[-1])
    meta = parse_source("new.md", path.read_text(encoding="utf-8")).metadata
    assert meta["author"][0] == "Humas Bawaslu Kota Pagaralam"
    title = "Bawaslu Kota Pagar Alam Gelar Rapat Evaluasi Pengawasan Kedua"
    result = invoke_new(site.content, title, "-w", "Pagaralam", "--penulis", "Rina Marlina")
    path = Path(result.stdout.strip().splitlines()[-1])
    meta = parse_source("new.md", path.read_text(encoding="utf-8")).metadata
    assert meta["author"][0] == "Rina Marlina"


def test_a_tag_whose_name_holds_commas_stays_one_tag(tmp_path):
    """`invoke new --tag "Divisi P2H"` wrote the official name, which holds
    commas, into a comma-separated Tags: line: Pelican read three tags, one of
    them unknown, and the strict build failed."""
    site = FixtureSite(tmp_path)
    made = invoke_new(
        site.content,
        "Bawaslu Kota Palembang Gelar Rapat Koordinasi Divisi Pencegahan",
        "--wilayah",
        "Palembang",
        "--tag",
        "Divisi P2H",
        "--tag",
        "Pilkada 2024",
    )
    assert made.returncode == 0, made.stdout + made.stderr
    [written] = site.content.rglob("*.md")
    tags = dict(
        line.split(": ", 1)
        for line in written.read_text(encoding="utf-8").split("\n\n")[0].splitlines()
    )["Tags"]
    p2h = "Divisi Pencegahan, Partisipasi Masyarakat, dan Hubungan Masyarakat"
    assert tags == f"{p2h}; Pilkada Serentak 2024"
    lead = "PALEMBANG – Bawaslu Kota Palembang menggelar rapat.\n"
    written.write_text(written.read_text(encoding="utf-8") + lead, encoding="utf-8")
    # Written and also as an older CMS wrote it (commas only): one official tag each.
    site.article("lama.md", article_text(slug="lama", tags=f"{p2h}, Pilkada Serentak 2024"))
    built = site.build(strict=True, WITH_FUTURE_DATES=True)
    assert built.returncode == 0, built.log
    for item in built.json("feed.json")["items"]:
        assert p2h in item["tags"] and "Pilkada Serentak 2024" in item["tags"], item


def test_the_office_spelling_is_read_from_penulis_and_never_from_the_text(tmp_path):
    """`invoke new` and the CMS spell an office's author as its earlier releases
    do: a `Penulis:` line (the build's Author:) was not counted, and an
    "Author:" line in a release's text was."""
    from collections import Counter

    from warta.new_article import existing_authors

    site = FixtureSite(tmp_path)
    text = article_text(slug="lama").replace("Author:", "Penulis:")
    site.article("lama.md", text.replace("Humas Bawaslu Kota Palembang", "Humas Bawaslu Kota PLG"))
    site.article("teks.md", article_text(slug="teks", body="Isi.\n\nAuthor: Tim Lain\n"))
    assert existing_authors(site.content) == Counter(
        {"Humas Bawaslu Kota PLG": 1, "Humas Bawaslu Kota Palembang": 1}
    )


def test_a_region_of_another_province_is_written_with_one_note(tmp_path):
    """`--wilayah 17.71` (Kota Bengkulu, typed for Palembang's 16.71) wrote
    `Region: Kota Bengkulu` with no word. It is still written as asked, with
    one line naming the region, its province and the home province's unit of
    that number; a region of the home province gets no line."""
    site = FixtureSite(tmp_path)
    result = invoke_new(
        site.content, "Bawaslu Gelar Rapat Koordinasi Pengawasan Tahapan", "--wilayah", "17.71"
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "new: note: region '17.71' is Kota Bengkulu (17.71) in Bengkulu, outside Sumatera "
        "Selatan; if you meant Kota Palembang (16.71), write --wilayah 16.71"
    ]
    written = Path(result.stdout.strip().splitlines()[-1])
    assert parse_source("berita/x.md", written.read_text(encoding="utf-8")).value("region") == (
        "Kota Bengkulu"
    )
    home = invoke_new(
        site.content, "Bawaslu Gelar Rapat Koordinasi Pengawasan Lahat", "--wilayah", "Lahat"
    )
    assert home.returncode == 0 and home.stderr == "", home.stderr
