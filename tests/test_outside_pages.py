"""warta's own page kinds (/pejabat/, /wilayah/) as outside plugins find them in
`content_written`: what Pelican's own listings give them, so a plugin written
for Pelican's tag, category and author pages works on ours too."""

from __future__ import annotations

import textwrap

from conftest import article_text, build_with_outside_plugin

# As pelican-touch 1.0.0 is written: a listing's file gets the date of its newest
# article, `max()` over the page's articles, which Pelican never leaves empty.
TOUCH = textwrap.dedent(
    '''
    """An outside plugin: each page's file dated as its newest article."""
    import os
    import time

    from pelican import signals


    def touch_file(path, context):
        content = context.get("article", context.get("page"))
        page = context.get("articles_page")
        if content is not None and hasattr(content, "date"):
            newest = content.date
        elif page:
            newest = max(article.date for article in page.object_list)
        else:
            return
        stamp = time.mktime(newest.timetuple())
        os.utime(path, (stamp, stamp))


    def register():
        signals.content_written.connect(touch_file)
    '''
)


def test_an_official_nobody_mentions_has_a_page_an_outside_listing_plugin_can_read(site, tmp_path):
    # The shipped data/officials.yaml registers officials this release names
    # none of: each still has a page, with its positions and no releases.
    site.article(
        "rapat.md",
        article_text(title="Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan Tahapan"),
    )
    built = build_with_outside_plugin(site, tmp_path, "tanggal_berkas", TOUCH)

    assert built.returncode == 0, built.log
    officials = sorted((built.output / "pejabat").glob("*/index.html"))
    assert officials, built.files()
    for path in officials:
        page = built.html(f"pejabat/{path.parent.name}/")
        articles = page.find("section", class_="official__articles")
        assert articles is not None, path
        if articles.find("article") is None:
            # Nobody mentions this one: said in words, no list to page through.
            assert "Belum ada berita" in articles.get_text(" ", strip=True), path
            assert page.find("nav", class_="pagination") is None, path
