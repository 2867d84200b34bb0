"""Nothing of a release that leaves the public site stays in a warm build's
output: the public build into the output and cache of the last one (as CI
restores them, or after a development build), after each change of state a
newsroom makes, equals a clean public build of the same content file for
file, and holds no word, address, photo variant or social card of what left.

Regression guards for the writer's clean-up and the images plugin's cards and
variants: a card or variant that should go on a warm build goes.
"""

from __future__ import annotations

from pathlib import Path

from test_security_files import leaks, marked_photo

from conftest import REPO, article_text, assert_same_tree, newsroom, run_build

NO_SEARCH = {"SEARCH_ENABLED": False}  # the index: tests/test_leaks_search.py
ADDRESS = "berita/2024/10/{slug}/"


def target(**fields) -> str:
    """The release that changes state: its own region (Empat Lawang), tag
    (Netralitas ASN), photo and words, which no other release has."""
    values = dict(
        title="Bawaslu Empat Lawang Ingatkan Mkwarmjudul Netralitas ASN",
        slug="mkwarm-rilis",
        date="2024-10-25 09:00",
        author="Humas Bawaslu Kabupaten Empat Lawang",
        tags="Netralitas ASN",
        image="images/2024/mkwarmfoto.jpg",
        image_alt="Apel netralitas aparatur sipil negara",
        summary="Bawaslu Empat Lawang mengingatkan mkwarmringkasan netralitas ASN.",
        body="TEBING TINGGI – Bawaslu Kabupaten Empat Lawang mengingatkan mkwarmisi.",
    )
    values.update(fields)
    return article_text(**{key: value for key, value in values.items() if value is not None})


PUBLIC = REPO / "publishconf.py"
DEVELOPMENT = REPO / "pelicanconf.py"


def build_into(site, settings: Path, output: Path, cache: Path):
    """The site built with `settings` into `output` and `cache`, without an error."""
    built = run_build(
        site.content, output, cache=cache, settings_file=settings, overrides=NO_SEARCH
    )
    assert built.returncode == 0, built.log
    return built


def public_build(site, output: Path, cache: Path):
    return build_into(site, PUBLIC, output, cache)


def files_named(output: Path, word: str) -> list[str]:
    return sorted(
        p.relative_to(output).as_posix() for p in output.rglob("*") if word in p.as_posix()
    )


def test_a_warm_public_build_after_each_change_of_state_equals_a_clean_one(site, tmp_path):
    newsroom(site)
    marked_photo(site.content / "images" / "2024" / "mkwarmfoto.jpg", "MKWARMEXIF")
    release = site.article("target.md", target())
    output, cache = site.output, site.root / "cache"
    first = public_build(site, output, cache)
    # what is there to leave: its page and card, its photo's variants, its region's and tag's pages
    assert (first.output / ADDRESS.format(slug="mkwarm-rilis") / "og.png").is_file()
    assert files_named(output, "varian/mkwarm-rilis-")  # named after its address
    assert (output / "wilayah/sumatera-selatan/kabupaten-empat-lawang/index.html").is_file()
    assert (output / "tag/netralitas-asn/index.html").is_file()

    steps = [
        # (what changes, the release's new text or None (deleted), words that must be gone)
        ("photo removed", target(image=None, image_alt=None), ["varian/mkwarm-rilis-"]),
        ("slug changed", target(image=None, image_alt=None, slug="rilis-pindah"), ["mkwarm-rilis"]),
        (
            "region and tag changed",
            target(
                image=None,
                image_alt=None,
                slug="rilis-pindah",
                author="Humas Bawaslu Kota Palembang",
                title="Bawaslu Kota Palembang Ingatkan Mkwarmjudul Pengawasan",
                tags="Pilkada Serentak 2024",
                body="PALEMBANG – Bawaslu Kota Palembang mengingatkan mkwarmisi pengawasan.",
            ),
            ["empat-lawang", "netralitas-asn"],
        ),
        ("draft", target(status="draft"), ["mkwarm", "empat-lawang", "netralitas-asn"]),
        ("published again", target(), []),
        (
            "embargoed",
            target(date="2099-01-01 09:00"),
            ["mkwarm", "empat-lawang", "netralitas-asn"],
        ),
        ("hidden", target(status="hidden"), ["netralitas-asn", "kabupaten-empat-lawang"]),
        ("deleted", None, ["mkwarm", "empat-lawang", "netralitas-asn"]),
    ]
    for number, (step, text, gone) in enumerate(steps):
        if text is None:
            release.unlink()
        else:
            release.write_text(text, encoding="utf-8")
        warm = public_build(site, output, cache)
        clean = public_build(site, tmp_path / f"clean-{number}", tmp_path / f"cache-{number}")
        assert_same_tree(warm.output, clean.output)
        if step == "hidden":
            # written at its address for whoever has the link, listed nowhere
            listed = [
                hit
                for hit in leaks(output, *gone)
                if not hit.startswith(ADDRESS.format(slug="mkwarm-rilis"))
            ]
            assert listed == [], step
            continue
        assert leaks(output, *gone) == [], step


def test_a_development_build_and_a_public_one_into_one_output_write_what_clean_ones_do(
    site, tmp_path
):
    """The development build previews drafts and embargoed releases at /draf/
    with their photos and cards; the public build after it, into the same
    output and cache, leaves none of them, and the development build after
    that is a clean development build again."""
    newsroom(site)
    marked_photo(site.content / "images" / "2024" / "mkwarmfoto.jpg", "MKWARMEXIF")
    site.article("target.md", target(status="draft"))
    site.article(
        "embargo.md",
        article_text(
            slug="mkembargo",
            title="Bawaslu Kota Palembang Umumkan Mkembargojudul",
            date="2099-01-01 09:00",
            body="PALEMBANG – Bawaslu Kota Palembang mengumumkan mkembargoisi.",
        ),
    )
    site.page("rahasia.md", "Title: Halaman Mkhalaman\nSlug: mkhalaman\nStatus: draft\n\nIsi.\n")
    output, cache = site.output, site.root / "cache"

    first = build_into(site, DEVELOPMENT, output, cache)
    assert (first.output / "draf/mkwarm-rilis/og.png").is_file()
    assert (first.output / "draf/mkembargo/index.html").is_file()
    assert files_named(output, "varian/mkwarm-rilis-")  # named after its address

    public = build_into(site, PUBLIC, output, cache)
    clean_public = build_into(site, PUBLIC, tmp_path / "public", tmp_path / "public-cache")
    assert_same_tree(public.output, clean_public.output)
    assert leaks(output, "mkwarm", "mkembargo", "mkhalaman", "empat-lawang") == []
    assert not (output / "draf").exists()

    again = build_into(site, DEVELOPMENT, output, cache)
    clean_development = build_into(site, DEVELOPMENT, tmp_path / "dev", tmp_path / "dev-cache")
    assert_same_tree(again.output, clean_development.output)
