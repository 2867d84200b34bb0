"""The search index after a release changes state on a warm build: a release
hidden (`Status: hidden`, written but listed nowhere) leaves the index, and
the year it was the only release of leaves with it, without stopping the
build."""

from __future__ import annotations

import gzip
from pathlib import Path

from conftest import newsroom

HIDDEN_WORD = "mkterselubung"  # a word only the release later hidden says


def index_words(output: Path) -> bytes:
    """Every file of the search index, unpacked, lowercased, joined."""
    found = []
    for path in sorted((output / "pagefind").rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            found.append(gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data)
    return b"\n".join(found).lower()


def test_a_release_hidden_as_the_only_one_of_its_year_leaves_the_index_and_the_build_ok(site):
    """Its year's Pagefind run then found one page that asks not to be
    indexed, indexed none and stopped: "search index not built", the public
    build failed on every run until the release was deleted."""
    newsroom(site)
    release = site.article(
        "pengumuman.md",
        slug="pengumuman-lama",
        title="Bawaslu Kota Palembang Umumkan Hasil Seleksi Panwaslu Kecamatan",
        date="2023-03-05 09:00",
        body=f"PALEMBANG – Bawaslu Kota Palembang mengumumkan {HIDDEN_WORD} hasil seleksi.",
    )
    cold = site.build(publish=True)
    assert cold.returncode == 0, cold.log
    assert site.output.joinpath("pagefind", "bundles.json").is_file()
    assert cold.json("pagefind/bundles.json") == {"bundles": ["2024/", "2023/"]}
    assert HIDDEN_WORD.encode() in index_words(site.output)

    text = release.read_text(encoding="utf-8")
    release.write_text(text.replace("Summary:", "Status: hidden\nSummary:", 1), encoding="utf-8")
    for build in ("warm", "again"):
        built = site.build(publish=True)
        assert built.returncode == 0, (build, built.log)
        assert built.log_lines("error") == [], build
        assert built.json("pagefind/bundles.json") == {"bundles": ["2024/"]}, build
        assert not site.output.joinpath("pagefind", "2023").exists(), build
        assert HIDDEN_WORD.encode() not in index_words(site.output), build
        # the hidden release is still written, at its address, for whoever has the link
        page = built.html("berita/2023/03/pengumuman-lama/")
        assert page.select_one("article")["data-pagefind-ignore"] == "all"


def test_a_site_whose_only_release_is_hidden_builds_without_an_index(site):
    site.article(
        "satu.md",
        slug="satu",
        status="hidden",
        body=f"PALEMBANG – Bawaslu Kota Palembang {HIDDEN_WORD} rapat.",
    )
    built = site.build(publish=True)
    assert built.returncode == 0, built.log
    assert not site.output.joinpath("pagefind").exists()
