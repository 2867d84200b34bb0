"""Photos a staffer uploads in /admin/ as they come from a phone.

An iPhone's HEIC photo (`IMG_0001.HEIC`) was taken by the CMS, saved with the
release, and then stopped the build ("not a photo Pillow can read: an HEIC
photo"): a release in review that could not be published. The CMS now
refuses, before anything is uploaded, any file the build does not publish as
a photo, saying what to do; a JPEG named as phones and chat apps name them
(spaces, brackets, accents, upper-case ending) is taken under a plain name.
That refusal is where a photo is expected: the media library takes the
documents the build publishes (an SK as a PDF or a DOCX) too.
Real Chromium against a real decap-server (tests/test_cms_browser.py).
"""

from __future__ import annotations

import re
import shutil

import pytest
from test_cms_browser import ALT, TITLE, git, newsroom, page, save

from conftest import REPO
from plugins.cms.config import PHOTO_SUFFIXES
from plugins.images.strip import IMAGE_SUFFIXES

pytestmark = pytest.mark.browser
__all__ = ["newsroom", "page"]  # the fixtures: a decap-server and /admin/ signed in

SUMMARY = (
    "Bawaslu Kabupaten Ogan Komering Ulu mengawasi rapat pleno rekapitulasi hasil "
    "penghitungan suara Pilkada Serentak 2024 di Baturaja."
)
# The first bytes of an HEIC photo as an iPhone saves it.
HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(512)


def test_the_cms_takes_the_photos_the_build_publishes():
    assert set(PHOTO_SUFFIXES) == set(IMAGE_SUFFIXES)


def choose(page, path) -> None:
    with page.expect_file_chooser() as chooser:
        page.get_by_text("Unggah foto").click()
    chooser.value.set_files(str(path))


def new_release(page, newsroom) -> list[str]:
    """A new release in /admin/ with its title, summary and body typed and the
    photo widget opened; gives the list the page's dialogs (accepted) go to."""
    page.goto(newsroom.base + "/admin/#/collections/berita/new")
    page.get_by_label("Judul", exact=True).fill(TITLE)
    page.get_by_label("Ringkasan", exact=True).fill(SUMMARY)
    page.locator(".cms-editor-raw [role=textbox]").click()
    page.keyboard.type("BATURAJA – Bawaslu Kabupaten OKU mengawasi rapat pleno rekapitulasi suara.")
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))
    page.get_by_role("button", name="Pilih foto").click()
    return dialogs


def wait_for(page, dialogs: list[str], count: int) -> None:
    """Until `count` dialogs have been said (5 s at the most)."""
    for _ in range(100):
        if len(dialogs) >= count:
            break
        page.wait_for_timeout(50)


def saved_with_photo(page, newsroom, photo) -> tuple[str, list[str], str]:
    """`photo` chosen in the open photo widget, used with its alt text and the
    release saved: (the CMS's branch, the files it changed, the photo's path)."""
    choose(page, photo)
    page.get_by_role("button", name="Pakai yang dipilih").click()
    page.get_by_label("Teks alternatif foto").fill(ALT)
    save(page)
    [branch] = newsroom.cms_branches()
    changed = git(newsroom.repo, "diff", "--name-only", "main", branch).split()
    [image] = [path for path in changed if path.startswith("content/images/")]
    return branch, changed, image


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("IMG_0001.HEIC", HEIC, "adalah foto HEIC"),
        ("IMG_0002.heif", HEIC, "adalah foto HEIC"),
        ("undangan rapat.pdf", b"%PDF-1.7\n", "bukan foto yang dapat diterbitkan"),
    ],
)
def test_a_file_the_build_cannot_publish_is_refused_at_upload(
    page, newsroom, tmp_path, name, content, said
):
    refused = tmp_path / name
    refused.write_bytes(content)
    photo = tmp_path / "Foto Rapat Pleno (1) ä.JPG"  # as a phone or a chat app names it
    shutil.copy(REPO / "content/images/2024/rakernis-pungut-hitung.jpg", photo)
    dialogs = new_release(page, newsroom)
    choose(page, refused)
    wait_for(page, dialogs, 1)
    assert len(dialogs) == 1 and said in dialogs[0] and name in dialogs[0], dialogs
    assert "JPEG" in dialogs[0]
    # Nothing of it went anywhere; the photo chosen next is the one saved.
    branch, changed, image = saved_with_photo(page, newsroom, photo)
    assert re.fullmatch(r"content/images/\d{4}/foto-rapat-pleno-1-a-[a-z0-9]+\.jpg", image), image
    [article] = [path for path in changed if path.endswith(".md")]
    text = git(newsroom.repo, "show", f"{branch}:{article}")
    assert f"Image: {image.removeprefix('content/')}" in text.splitlines()
    assert len(dialogs) == 1


def test_the_media_library_takes_the_documents_the_build_publishes(page, newsroom, tmp_path):
    """The refusal of what is no photo ran on every file input, the media
    library's too: an SK as a PDF or a DOCX, which the site publishes and the
    writer's guide says to link, could no longer be uploaded. Now only where a
    photo is expected (test above) is a document refused; the media library
    takes a photo or a document the build publishes, and refuses, saying what
    to do, an older format it does not (.doc) and anything else."""
    from warta.documents import DOCUMENT_SUFFIXES, LEGACY_SUFFIXES

    assert ".pdf" in DOCUMENT_SUFFIXES and ".docx" in DOCUMENT_SUFFIXES
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))

    def upload(name: str, content: bytes) -> None:
        chosen = tmp_path / name
        chosen.write_bytes(content)
        choose(page, chosen)

    def said(count: int) -> None:
        wait_for(page, dialogs, count)
        assert len(dialogs) == count, dialogs

    page.get_by_role("button", name="Media").click()
    for name in ("SK Ketua Bawaslu.pdf", "Lampiran SK.docx"):
        upload(name, b"%PDF-1.7\n" if name.endswith(".pdf") else b"PK\x03\x04" + bytes(64))
        stem = re.escape(name.rsplit(".", 1)[0].split()[0].lower())
        for _ in range(200):
            names = [p.name for p in (newsroom.repo / "content/images").rglob("*") if p.is_file()]
            if any(re.match(stem, n.lower()) and n.endswith(name[-4:]) for n in names):
                break
            page.wait_for_timeout(50)
        else:
            raise AssertionError((name, names))
    assert dialogs == []
    for name, content, words in (
        ("SK lama.doc", b"\xd0\xcf\x11\xe0" + bytes(64), ("berformat lama", ".docx")),
        ("IMG_0003.HEIC", HEIC, ("adalah foto HEIC", "JPEG")),
        ("pasang.exe", b"MZ" + bytes(64), ("bukan foto atau dokumen", "PDF")),
        # an archive: the build refuses it (its documents are not cleaned)
        ("lampiran.zip", b"PK\x03\x04" + bytes(64), ("bukan foto atau dokumen", "PDF")),
    ):
        before = len(dialogs)
        upload(name, content)
        said(before + 1)
        assert name in dialogs[-1] and all(w in dialogs[-1] for w in words), dialogs
    assert {".doc", ".xls", ".ppt", ".rtf", ".xlsb", ".fodt"} <= set(LEGACY_SUFFIXES)
