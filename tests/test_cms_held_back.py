"""The newsroom CMS says when the public build will not publish a release.

A release with `Status: draft`, another tool's flag (`draft: true`,
`published: false`, `Draf: ya`), or a Date still ahead (an embargo) went
through the editorial workflow to "Siap terbit" and was published with
"Terbitkan", and the site did not show it: the preview's box, which lists
what `invoke check` would report, said "no problems found". Here each
release is built (the site's own reading decides what is published) and the
preview's checks of the built /admin/ page (Chromium) are compared with it.
"""

from __future__ import annotations

import pytest
from test_cms_yaml import admin

from conftest import FixtureSite, article_text

pytestmark = pytest.mark.browser
__all__ = ["admin"]  # the fixture: the built /admin/ page in Chromium

BODY = "PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan."
RELEASES = {
    "terbit": article_text(slug="terbit"),
    "status-draft": article_text(slug="status-draft", status="draft"),
    "draf-ya": article_text(slug="draf-ya", draf="ya"),
    "published-false": article_text(slug="published-false", published="false"),
    "draft-unclear": article_text(slug="draft-unclear", draft="mungkin"),
    "draft-false": article_text(slug="draft-false", draft="false"),
    "embargo": article_text(slug="embargo", date="2099-11-02 10:00"),
    "embargo-day": article_text(slug="embargo-day", date="2099-11-03"),
    # A take-down date (`Kedaluwarsa:`): up until then, down from then; one
    # not after the Date is held back.
    "turun-nanti": article_text(slug="turun-nanti", kedaluwarsa="2099-01-01 10:00"),
    "sudah-turun": article_text(slug="sudah-turun", kedaluwarsa="2024-11-20 10:00"),
    "turun-dulu": article_text(slug="turun-dulu", kedaluwarsa="2024-11-10"),
    # Two take-down dates: the build reads the earliest (the form shows the first).
    "dua-tanggal": article_text(
        slug="dua-tanggal", kedaluwarsa="2099-01-01 10:00", expirydate="2024-11-20 10:00"
    ),
    # The CMS named the file from the first title ("Draf PKPU Kampanye …"),
    # and a writer edited the title since: the name keeps "draf".
    "draf-pkpu-kampanye": article_text(
        slug="draf-pkpu-kampanye", title="PKPU Kampanye Pilkada Disahkan Setelah Uji Publik"
    ),
    "draf-pkpu-dibahas": article_text(
        slug="draf-pkpu-dibahas", title="Draf PKPU Kampanye Pilkada Dibahas Bersama Bawaslu"
    ),
    "yaml-draft": (
        "---\ntitle: Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan\n"
        "date: 2024-11-17 09:30\nslug: yaml-draft\ncategory: Berita\n"
        "summary: Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan tahapan.\n"
        "draft: true  # tahan dulu\n---\n\n" + BODY + "\n"
    ),
}


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> set[str]:
    """The slugs of RELEASES the build publishes."""
    site = FixtureSite(tmp_path_factory.mktemp("held-back"))
    for slug, text in RELEASES.items():
        site.article(file_name(slug), text)
    built = site.build()
    assert built.returncode == 0, built.log
    return {item["url"].rstrip("/").rsplit("/", 1)[-1] for item in built.json("feed.json")["items"]}


def file_name(slug: str) -> str:
    """The file as the CMS names it; its slug's words only for those named so."""
    return (
        f"2024-11-17-{slug}.md"
        if slug.startswith("draf-pkpu")
        else f"rilis-{len(slug)}-{slug[:3]}.md"
    )


def preview_checks(admin, slug: str) -> list[list[str]]:
    """The preview's [level, message] of the release opened in the CMS."""
    page, warta = admin
    return page.evaluate(
        """([text, path, warta]) => {
          const format = window.WARTA_CMS.makeFormat(warta.formats.berita, warta);
          const data = format.fromFile(text);
          const entry = {
            get: (key) => (key === 'path' ? path : undefined),
            getIn: (keys) => keys.reduce((v, k) => (v == null ? v : v[k]), {data}),
          };
          const tagGroups = {};
          warta.official_tags.forEach((tag) => { tagGroups[tag.name] = tag.group; });
          return window.WARTA_CMS.checks(entry, {...warta, tag_groups: tagGroups});
        }""",
        [RELEASES[slug], f"content/berita/{file_name(slug)}", warta],
    )


def test_the_build_publishes_only_the_releases_it_should(published):
    assert published == {"terbit", "draft-false", "draf-pkpu-dibahas", "turun-nanti"}


@pytest.mark.parametrize("slug", list(RELEASES))
def test_the_preview_says_a_release_is_not_published_when_the_build_holds_it(
    admin, published, slug
):
    said = [message for _level, message in preview_checks(admin, slug)]
    held = [m for m in said if "tidak terbit" in m or m.startswith("Embargo sampai")]
    ending = [m for m in said if m.startswith("Diturunkan pada")]
    if slug in published:
        assert held == [], said
    else:
        assert len(held) == 1, said
    if slug == "embargo":
        assert held[0].startswith("Embargo sampai 2099-11-02 10:00 WIB")
    if slug == "embargo-day":
        assert held[0].startswith("Embargo sampai 2099-11-03 00:00 WIB")
    if slug == "turun-nanti":
        assert ending == [
            "Diturunkan pada 2099-01-01 10:00 WIB: berita ini tampil di situs sampai waktu itu, "
            "lalu diturunkan oleh pembangunan situs (tiap jam) pertama setelahnya."
        ]
    if slug == "sudah-turun":
        assert held == ending and held[0].startswith("Diturunkan pada 2024-11-20 10:00 WIB (sudah")
    if slug == "dua-tanggal":  # (the line read named: it is not the form's)
        assert held == ending and held[0].startswith(
            "Diturunkan pada 2024-11-20 10:00 WIB (“Expirydate: 2024-11-20 10:00”) (sudah lewat)"
        )
    if slug == "turun-dulu":
        assert held == ending and "tidak setelah tanggal terbit 2024-11-17 09:30" in held[0]
