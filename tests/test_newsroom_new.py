"""`invoke new` writes a complete, valid release and refuses what would break one."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from conftest import FixtureSite, run_invoke
from plugins.content_lint.rules import parse_date, parse_source
from warta.new_article import slugify


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
        "Siaran Pers",
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
    assert meta["author"] == "Humas Bawaslu Provinsi Sumatera Selatan"
    assert re.fullmatch(r"[0-9a-f]{32}", meta["thread"])
    assert meta["summary"] == ""
    assert parse_date(meta["date"]) is not None


def test_new_article_builds_once_written(tmp_path):
    site = FixtureSite(tmp_path)
    result = invoke_new(
        site.content, "Bawaslu Kota Lubuk Linggau Gelar Sosialisasi", "--wilayah", "LLG"
    )
    path = result.stdout.strip().splitlines()[-1]
    summary = "Bawaslu Kota Lubuk Linggau menggelar sosialisasi pengawasan partisipatif."
    text = Path(path).read_text(encoding="utf-8").replace("Summary: \n", f"Summary: {summary}\n")
    text += "LUBUKLINGGAU – Bawaslu Kota Lubuk Linggau menggelar sosialisasi.\n"
    Path(path).write_text(text, encoding="utf-8")
    built = site.build(
        strict=False, CONTENT_LINT_NOW="2100-01-01T00:00:00+07:00", WITH_FUTURE_DATES=True
    )
    assert built.returncode == 0, built.log
    feed = built.json("feed.json")
    [item] = feed["items"]
    assert item["_warta"]["regions"][0]["code"] == "16.73"


def test_new_refuses_an_existing_slug(tmp_path):
    site = FixtureSite(tmp_path)
    title = "Bawaslu Kabupaten Lahat Gelar Rapat Evaluasi"
    assert invoke_new(site.content, title, "--wilayah", "Lahat").returncode == 0
    again = invoke_new(site.content, title, "--wilayah", "Lahat")
    assert again.returncode != 0
    assert "already used by" in again.stdout + again.stderr
    assert len(list(site.content.rglob("*.md"))) == 1


def test_new_names_the_problem_and_the_fix(tmp_path):
    site = FixtureSite(tmp_path)
    cases = {
        ("--wilayah", "Bima"): [
            "fits several regions",
            "Kabupaten Bima (52.06)",
            "Kota Bima (52.72)",
        ],
        ("--wilayah", "Palembamg"): ["'Palembamg' is unknown"],
        ("--wilayah", "Palembang", "--tag", "kampanye akbar sekali"): ["unknown tag"],
        ("--wilayah", "Palembang", "--rubrik", "Opini"): ["unknown rubrik 'Opini'", "Siaran Pers"],
        ("--wilayah", ""): ["no region", "--wilayah"],
    }
    for args, expected in cases.items():
        result = invoke_new(site.content, "Bawaslu Kota Palembang Gelar Rapat Koordinasi", *args)
        output = result.stdout + result.stderr
        assert result.returncode != 0, args
        for fragment in expected:
            assert fragment in output, (args, output)
        assert "Traceback" not in output
    assert list(site.content.rglob("*.md")) == []
