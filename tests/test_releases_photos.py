"""Photos as staff name them: a featured photo's path typed on Windows
(`Image: images\\2024\\foto.jpg`) is one error at its line that says the
path to write, in the build and in `invoke check` alike, whether or not the
release itself could be read."""

from __future__ import annotations

import pytest
from PIL import Image

from conftest import FixtureSite, build_and_check, located_findings

LEAD = "PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan tahapan pilkada."


@pytest.fixture(scope="module")
def photographed(tmp_path_factory):
    site = FixtureSite(tmp_path_factory.mktemp("photos"))
    folder = site.content / "images" / "2024"
    folder.mkdir(parents=True)
    Image.new("RGB", (900, 600), (90, 120, 40)).save(folder / "rapat.jpg")
    head = "Image: images\\2024\\rapat.jpg\nImage-Alt: Peserta rapat koordinasi di aula Bawaslu\n"
    site.article(
        "miring.md",
        "Title: Bawaslu Kota Palembang Gelar Rapat Foto Garis Miring\n"
        f"Date: 2024-11-17 09:30\nSlug: foto-miring\n{head}\n{LEAD}\n",
    )
    # Not read by Pelican (its Date:): the same line from the lint's own check.
    site.article(
        "tak-terbaca.md",
        "Title: Bawaslu Kota Palembang Gelar Rapat Foto Tak Terbaca\n"
        f"Date: 2024-13-40 09:30\nSlug: foto-tak-terbaca\n{head}\n{LEAD}\n",
    )
    # A photo saved from a web page with `%20` in its name, one named with a
    # space linked as `%20`, and a download link to the first.
    Image.new("RGB", (900, 600), (20, 60, 90)).save(folder / "foto%20lama.jpg")
    Image.new("RGB", (900, 600), (60, 20, 90)).save(folder / "foto baru.jpg")
    site.article(
        "persen.md",
        "Title: Bawaslu Kota Palembang Gelar Rapat Foto Bernama Persen\n"
        "Date: 2024-11-17 09:30\nSlug: foto-persen\nImage: images/2024/foto%20lama.jpg\n"
        f"Image-Alt: Peserta rapat\n\n{LEAD}\n\n![Rapat](/images/2024/foto%20baru.jpg)\n\n"
        "[Unduh foto]({static}/images/2024/foto%20lama.jpg)\n",
    )
    # Its Save_as: leaves the site, and so do its photos: every error at once.
    outside = "Image: ../../foto.jpg\nImage-Alt: Peserta rapat\n"
    photo = "\n\n![Peserta rapat](../../../etc/foto.jpg)\n"
    for name, address in (("keluar.md", "Save_as: ../../luar.html\n"), ("di-dalam.md", "")):
        site.article(
            name,
            f"Title: Bawaslu Kota Palembang Gelar Rapat Foto {name[:-3].title()}\n"
            f"Date: 2024-11-17 09:30\nSlug: foto-{name[:-3]}\n{address}{outside}\n{LEAD}{photo}",
        )
    built, checked = build_and_check(site)
    return built, located_findings(built.log), located_findings(checked.log), site


@pytest.mark.parametrize("name", ["miring.md", "tak-terbaca.md"])
def test_a_featured_photo_path_with_backslashes_says_the_path_to_write(photographed, name):
    """`Image: images\\2024\\rapat.jpg` (the file is there) was "image file not
    found … (check the path and the file name's case)", which sent staff
    looking for a missing file; a photo in the text written so was already
    told to write '/'. Now the featured photo is told the same."""
    _built, from_build, from_check, _site = photographed
    for found in (from_build, from_check):
        mine = [f[1:] for f in found if f[0].endswith(f"berita/{name}") and "image" in f[3]]
        assert mine == [
            (
                4,
                "error",
                "image file not found: 'images\\2024\\rapat.jpg' (write the path with '/', "
                "not '\\': 'images/2024/rapat.jpg')",
            )
        ], found


def test_a_release_whose_save_as_leaves_the_site_is_told_its_photos_errors_too(photographed):
    """`Save_as: ../../luar.html` with `Image: ../../foto.jpg`: the build and
    `invoke check` said only the Save_as: error; the photos outside content/
    came out once that one was mended, a build later. Now its photos are
    said in the same build, in the words a written release gets."""
    _built, from_build, from_check, _site = photographed
    for found in (from_build, from_check):
        keluar = [(line, rest) for path, line, _, rest in found if path.endswith("/keluar.md")]
        inside = [(line, rest) for path, line, _, rest in found if path.endswith("/di-dalam.md")]
        assert [line for line, rest in keluar if rest.startswith("output path")] == [4], found
        photos = [(line, rest) for line, rest in keluar if rest.startswith("image")]
        assert photos == [
            (
                5,
                "image outside the content folder, not read: '../../foto.jpg' (put the photo "
                "under content/images/ and write its path from there, e.g. images/2024/foto.jpg)",
            ),
            (
                10,
                "image outside the content folder, not read: '../../../etc/foto.jpg' (put the "
                "photo under content/images/ and write its path from there, e.g. "
                "images/2024/foto.jpg)",
            ),
        ], found
        # (the same words as the release beside it, written, one line up)
        assert [(line + 1, rest) for line, rest in inside if rest.startswith("image")] == photos


def test_a_percent_escape_in_a_photos_name_or_its_path_is_read_as_a_browser_reads_it(
    photographed,
):
    """A photo whose file is named `foto%20lama.jpg` (saved from a web page),
    written so in `Image:`, was "image file not found", the file right there;
    `foto%20baru.jpg` for `foto baru.jpg` was found. Now both are published
    (as variants, whose names hold no '%'), and the one link a browser cannot
    follow, a download of `foto%20lama.jpg` (it asks for `foto lama.jpg`), is
    one error at its line with the name to give the file."""
    built, from_build, from_check, _site = photographed
    for found in (from_build, from_check):
        said = [(line, level, rest) for path, line, level, rest in found if "persen" in path]
        assert [s for s in said if s[1] != "suggestion"] == [
            (
                11,
                "error",
                "link to a file whose name holds '%': '/images/2024/foto%20lama.jpg': a browser "
                "reads '%20' as an escape and asks for 'foto lama.jpg', which is not there "
                "(rename the file 'foto-lama.jpg' and link it as "
                "{static}/images/2024/foto-lama.jpg)",
            )
        ], found
    page = built.html("berita/2024/11/foto-persen/")
    sources = [img["src"] for img in page.select("main img")]
    assert len(sources) == 2 and all("%" not in src for src in sources), sources
    assert all((built.output / src.lstrip("/")).is_file() for src in sources)


def test_a_percent_escape_in_a_folders_name_is_one_line_naming_the_folder(tmp_path):
    """`[Unduh SK]({static}/images/foto%20lama/sk.txt)`, the escape in the
    folder's name, not the file's, stopped the build ("AttributeError:
    'NoneType' object has no attribute 'group'"). Now each link whose path a
    browser reads otherwise is one error naming the folder or file to rename;
    a '%' that is no escape (`%zz`, a trailing '%') is no such error."""
    site = FixtureSite(tmp_path)
    for folder, name in (("foto%20lama", "sk.txt"), ("foto%20baru", "sk%20baru.txt")):
        (site.content / "images" / folder).mkdir(parents=True)
        (site.content / "images" / folder / name).write_text("SK\n", encoding="utf-8")
    (site.content / "images" / "persen%zz.txt").write_text("SK\n", encoding="utf-8")
    (site.content / "images" / "persen%").write_text("SK\n", encoding="utf-8")
    site.article(
        "folder-persen.md",
        "Title: Bawaslu Kota Palembang Terbitkan SK Dalam Folder Persen\n"
        f"Date: 2024-11-17 09:30\nSlug: folder-persen\n\n{LEAD}\n\n"
        "[Unduh SK]({static}/images/foto%20lama/sk.txt)\n\n"
        "[Unduh SK baru]({static}/images/foto%20baru/sk%20baru.txt)\n\n"
        "[Unduh SK zz]({static}/images/persen%zz.txt)\n\n"
        "[Unduh SK ujung]({static}/images/persen%)\n",
    )
    built = site.build(SEARCH_ENABLED=False)
    assert "Traceback" not in built.log and "AttributeError" not in built.log, built.log
    said = [
        (line, rest) for path, line, level, rest in located_findings(built.log) if level == "error"
    ]
    assert said == [
        (
            7,
            "link to a file whose path holds '%': '/images/foto%20lama/sk.txt': a browser "
            "reads '%20' as an escape and asks for '/images/foto lama/sk.txt', which is not "
            "there (rename the folder 'foto%20lama' to 'foto-lama' and link it as "
            "{static}/images/foto-lama/sk.txt)",
        ),
        (
            9,
            "link to a file whose path holds '%': '/images/foto%20baru/sk%20baru.txt': a "
            "browser reads '%20' as an escape and asks for '/images/foto baru/sk baru.txt', "
            "which is not there (rename the folder 'foto%20baru' to 'foto-baru' and the file "
            "'sk%20baru.txt' to 'sk-baru.txt' and link it as "
            "{static}/images/foto-baru/sk-baru.txt)",
        ),
    ], built.log


def test_alt_text_that_is_a_file_name_is_one_warning_and_the_photo_is_shown(tmp_path):
    """`![IMG_2024.jpg](…)` (what a writer types when asked for 'alt') and
    `Image-Alt: DSC_0001.JPG` passed with no word, a screen reader reading
    out the file's name instead of what the photo shows. Each is one warning
    at its line, for a release Pelican could not read too, the build and
    `invoke check` alike; the release is published with its photos."""
    site = FixtureSite(tmp_path)
    folder = site.content / "images" / "2024"
    folder.mkdir(parents=True)
    for name in ("IMG_2024.jpg", "DSC_0001.jpg", "rapat.jpg"):
        Image.new("RGB", (900, 600), (90, 120, 40)).save(folder / name)
    body = (
        f"{LEAD}\n\n![IMG_2024.jpg]({{static}}/images/2024/IMG_2024.jpg)\n\n"
        "![Peserta rapat di aula Bawaslu]({static}/images/2024/rapat.jpg)\n"
    )
    site.article(
        "nama-file.md",
        "Title: Bawaslu Kota Palembang Gelar Rapat Foto Bernama File\n"
        "Date: 2024-11-17 09:30\nSlug: foto-nama-file\n"
        "Image: {static}/images/2024/DSC_0001.jpg\nImage-Alt: DSC_0001.JPG\n\n" + body,
    )
    site.article(
        "tak-terbaca.md",
        "Title: Bawaslu Kota Palembang Gelar Rapat Foto Tak Terbaca Lagi\n"
        "Date: 2024-11-31 09:30\nSlug: foto-tak-terbaca\n\n" + body,
    )
    built, checked = build_and_check(site)
    page = built.html("berita/2024/11/foto-nama-file/")
    assert [img["alt"] for img in page.select("article .entry-content img, article img")][-2:] == [
        "IMG_2024.jpg",
        "Peserta rapat di aula Bawaslu",
    ]
    body_hint = "write what the photo shows: ![Ketua Bawaslu membuka rapat](…)"
    expected = [
        (
            "content/berita/nama-file.md",
            5,
            "warning",
            "alt text is a file name, not what the photo shows: 'DSC_0001.JPG' "
            "(write in Image-Alt: what the photo shows, e.g. 'Ketua Bawaslu membuka rapat')",
        ),
        (
            "content/berita/nama-file.md",
            9,
            "warning",
            f"alt text is a file name, not what the photo shows: 'IMG_2024.jpg' ({body_hint})",
        ),
        (
            "content/berita/tak-terbaca.md",
            7,
            "warning",
            f"alt text is a file name, not what the photo shows: 'IMG_2024.jpg' ({body_hint})",
        ),
    ]
    for found in (located_findings(built.log), located_findings(checked.log)):
        assert sorted(f for f in found if f[2] == "warning") == expected, found
