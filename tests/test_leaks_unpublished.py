"""Nothing of a draft, a hidden or an embargoed release reaches any file of
a public build, cold or warm: not its words, its tag, author, rubrik or
region used by no published release, its photo or its attached document,
in any page, feed, sitemap, search index, JSON-LD, social card, 404 or
redirect; every output file is read, gzip unpacked, zips part by part, PDFs
object by object."""

from __future__ import annotations

import pytest
from test_leaks_comments import leaked, output_texts
from test_leaks_documents import exif_jpeg, named_pdf, pdf_objects_text, written, zipped_leaks

from conftest import REPO, article_text, line_of, newsroom, run_build

STATES = {"draft": "Status: draft", "hidden": "Status: hidden", "embargo": None}


def own_file(name: str, marker: str) -> bool:
    """A hidden release is published at its address, unlisted: its page, its
    photo's variants, card and document are its own; nothing else may
    name it."""
    return marker == "mkxhidden" and (
        name.startswith("berita/2024/11/mkxhidden-rilis/") or name.startswith("images/")
    )


def test_unpublished_releases_reach_no_output_file_cold_or_warm(site):
    newsroom(site)
    folder = site.content / "images" / "2024"
    folder.mkdir(parents=True, exist_ok=True)
    for state, line in STATES.items():
        marker = f"mkx{state}"
        (folder / f"{marker}-foto.jpg").write_bytes(exif_jpeg("Humas"))
        writer = named_pdf(author=False)
        writer.add_metadata({"/Title": f"{marker} berita acara"})
        (folder / f"{marker}-ba.pdf").write_bytes(written(writer))
        text = article_text(
            slug=f"{marker}-rilis",
            title=f"Bawaslu Kota Palembang {marker} Rapat Tertutup Penetapan",
            date="2099-01-02 08:00" if state == "embargo" else "2024-11-18 09:30",
            author=f"Humas {marker} Palembang",
            tags=f"Tag {marker}",
            category="Berita",
            summary=f"Ringkasan {marker} rapat tertutup penetapan calon pengawas ad hoc kota.",
            body=f"PALEMBANG – Bawaslu Kota Palembang {marker} menggelar rapat tertutup.\n\n"
            f"![Rapat {marker}]({{static}}/images/2024/{marker}-foto.jpg)\n\n"
            f"[Unduh berita acara]({{static}}/images/2024/{marker}-ba.pdf)",
            image=f"{{static}}/images/2024/{marker}-foto.jpg",
            image_alt=f"Rapat {marker} di aula",
        )
        if line:
            text = text.replace("\n\n", f"\n{line}\n\n", 1)
        site.article(f"{marker}.md", text)
    markers = [f"mkx{state}" for state in STATES]
    cache = site.root / "cache"
    for build in ("cold", "warm"):
        built = run_build(
            site.content, site.output, settings_file=REPO / "publishconf.py", cache=cache
        )
        assert built.returncode == 0, built.log
        found = [
            f"{name}: {marker}"
            for name, data in output_texts(site.output).items()
            for marker in markers
            if (marker.encode() in data or marker in name.lower()) and not own_file(name, marker)
        ]
        found += zipped_leaks(site.output, "mkxdraft", "mkxembargo")
        for path in site.output.rglob("*.pdf"):
            if "mkxhidden" in path.name:
                continue
            text = pdf_objects_text(path.read_bytes())
            found += [f"{path.name}: {m}" for m in markers if m in text]
        assert found == [], build


def test_a_release_saved_among_the_photos_and_linked_for_download_is_not_published(site):
    """A draft saved in content/images/2024/ (a static folder) and linked
    with `{static}` from a published release: the link is an error saying the
    source is not published, and no output file holds it or its words."""
    newsroom(site)
    folder = site.content / "images" / "2024"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "catatan.md").write_text(
        article_text(
            slug="mkxsumber",
            title="Bawaslu Kota Palembang Mkxsumber Rapat Tertutup Penetapan",
            status="draft",
            body="PALEMBANG – Bawaslu Kota Palembang mkxsumber menggelar rapat tertutup.",
        ),
        encoding="utf-8",
    )
    path = site.article(
        "terbuka.md",
        article_text(
            slug="terbuka",
            body="PALEMBANG – Bawaslu Kota Palembang menggelar rapat terbuka.\n\n"
            "[Unduh catatan]({static}/images/2024/catatan.md)",
        ),
    )
    built = site.build(publish=True)
    errors = [(f.path, f.line) for f in built.findings("error")]
    assert errors == [("content/berita/terbuka.md", line_of(path, "[Unduh catatan]"))]
    assert not (built.output / "images" / "2024" / "catatan.md").exists()
    assert leaked(built.output, "mkxsumber") == []


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("unpublishDate: 2024-11-01", "is not after the Date: '2024-11-17 09:30'"),
        ("Kedaluwarsa: 2024-11-17 09:30", "is not after the Date: '2024-11-17 09:30'"),
        ("expiryDate: besok sore", "is no date the site reads"),
        ("Tayang-Hingga: 31/12", "is no date the site reads"),
        ("tanggalKedaluwarsa: kapan-kapan", "is no date the site reads"),
    ],
)
def test_a_take_down_date_that_cannot_be_right_holds_the_release_back(site, line, why):
    """A take-down date (`Kedaluwarsa:`, Hugo's `expiryDate:`) comes down at
    that time (tests/test_take_down.py); one that reads as no date, or as
    one not after the Date:, cannot say when the release is up: it is held
    back, with one warning at its line that says what to write."""
    newsroom(site)
    text = article_text(slug="mkxselesai", title="Pengumuman Seleksi Mkxselesai Panwaslu Kecamatan")
    path = site.article("selesai.md", text.replace("\n\n", f"\n{line}\n\n", 1))
    built = site.build(publish=True, SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    assert leaked(built.output, "mkxselesai") == []
    said = [
        (f.line, f.message)
        for f in built.findings()
        if f.path.endswith("selesai.md") and "supplied" not in f.message
    ]
    name = line.split(":")[0]
    assert said == [
        (
            line_of(path, line),
            f"the take-down date '{line}' {why}, so it is read as Status: draft: this release "
            "is not published (write when it is to come down, after its Date:, as "
            f"'Kedaluwarsa: YYYY-MM-DD HH:MM' (WIB); to publish it for good, delete the {name}: "
            "line)",
        )
    ]


def test_a_photo_named_only_in_a_comment_gets_no_gps_warning(site):
    """A published release whose text names a photo only inside an HTML
    comment (`<!-- ![Foto lama]({static}/images/2024/lokasi.jpg) -->`, an
    editorial note): the page shows no photo, and the photo is not
    published, yet the checks warned that the photo carries a GPS location
    the site strips, at the comment's line (they read the raw lines)."""
    newsroom(site)
    folder = site.content / "images" / "2024"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "lokasi.jpg").write_bytes(exif_jpeg("Humas"))
    site.article(
        "catatan.md",
        article_text(
            slug="catatan",
            body="PALEMBANG – Bawaslu Kota Palembang menggelar rapat.\n\n"
            "<!-- foto diganti:\n![Foto lama]({static}/images/2024/lokasi.jpg) -->\n\n"
            "Rapat dihadiri Panwaslu Kecamatan.",
        ),
    )
    built = site.build(publish=True, SEARCH_ENABLED=False)
    assert built.returncode == 0, built.log
    assert not (built.output / "images" / "2024" / "lokasi.jpg").exists()
    said = [f.message for f in built.findings() if f.path.endswith("catatan.md")]
    assert not [m for m in said if "GPS" in m], said
