"""A release taken off the site in the CMS ("Tarik dari situs") opened then:
it read as a new release never published ("Status: Siap terbit") and its
page on the site is gone, with no word of what happened. The preview now says,
in Indonesian, that it was taken down and when, where the text still is (the
repository's cms/… branch, in the workflow) and how to put it back; a release
never published says nothing of the kind. Real browser, real decap-server in
git mode (the editorial workflow's branches)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from test_cms_browser import SAMPLE_PLAIN, SAMPLE_WITH_PHOTO, git, newsroom, page

pytestmark = pytest.mark.browser
__all__ = ["newsroom", "page"]  # the fixtures: a decap-server and /admin/ signed in

WIB = dt.timezone(dt.timedelta(hours=7))


def entry_of(sample: str) -> str:
    return sample.removeprefix("content/berita/").removesuffix(".md")


def test_a_release_taken_down_says_so_when_where_and_how_to_put_it_back(page, newsroom):
    entry = entry_of(SAMPLE_WITH_PHOTO)
    page.goto(f"{newsroom.base}/admin/#/collections/berita/entries/{entry}")
    preview = page.frame_locator("iframe").first
    preview.locator(".warta-cms-checks").wait_for()
    assert preview.locator(".warta-cms-taken-down").count() == 0  # (published: nothing to say)
    page.once("dialog", lambda dialog: dialog.accept())  # "Tarik berita ini dari situs?"
    page.get_by_role("button", name="Sudah terbit", exact=True).click()
    page.get_by_role("menuitem", name="Tarik dari situs").click()
    page.get_by_text("Ditarik dari situs").first.wait_for()
    # Taken off the site's branch, kept on its own.
    assert (
        git(newsroom.repo, "ls-tree", "-r", "--name-only", "main").split().count(SAMPLE_WITH_PHOTO)
        == 0
    )
    branch = f"cms/berita/{entry}"
    assert branch in newsroom.cms_branches()
    changed = dt.datetime.fromisoformat(
        git(newsroom.repo, "log", "-1", "--format=%cI", branch, "--", SAMPLE_WITH_PHOTO).strip()
    ).astimezone(WIB)

    page.goto(f"{newsroom.base}/admin/#/collections/berita/entries/{entry}")
    notice = page.frame_locator("iframe").first.get_by_role("status", name="Ditarik dari situs")
    notice.wait_for()
    text = " ".join(notice.inner_text().split())
    months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
              "September", "Oktober", "November", "Desember"]  # fmt: skip
    when = f"{changed.day} {months[changed.month - 1]} {changed.year} pukul {changed:%H.%M} WIB"
    assert text.startswith(f"Ditarik dari situs. Berita ini sudah ditarik dari situs pada {when}:")
    assert f"(cabang {branch})" in text
    assert "Terbitkan > Terbitkan sekarang" in text
    assert re.search(r"tidak hilang", text)


def test_a_release_never_published_is_not_said_to_be_taken_down(page, newsroom):
    """A draft of a release the site already shows (a modification), and the
    published release itself, carry no such notice."""
    entry = entry_of(SAMPLE_PLAIN)
    page.goto(f"{newsroom.base}/admin/#/collections/berita/entries/{entry}")
    summary = page.get_by_label("Ringkasan", exact=True)
    summary.fill(summary.input_value() + " Diperbarui.")
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.get_by_text("Naskah tersimpan").first.wait_for()
    page.goto(f"{newsroom.base}/admin/#/collections/berita/entries/{entry}")
    preview = page.frame_locator("iframe").first
    preview.locator(".warta-cms-checks").wait_for()
    page.wait_for_timeout(500)
    assert preview.locator(".warta-cms-taken-down").count() == 0
