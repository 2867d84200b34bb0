"""plugins/writer against Pelican's own Writer: the same site, file for file.

The writer subclasses Pelican's Writer and repeats its pagination and its rule
for two pages claiming one path (docs/architecture.md, "The hook that would
replace the subclass"). This test holds that copy to the original: the same
content built with every plugin but `writer` (Pelican's Writer renders every
page itself) and with the writer, cold and after an edit, gives the same
output, byte for byte.
"""

from __future__ import annotations

import re

from conftest import assert_same_tree, build_without, newsroom

NO_SEARCH = {"SEARCH_ENABLED": False}


FEED_ID = re.compile(rb"(<feed [^>]*>.*?<id>)[^<]*(</id>)", re.S)
FEED_LINK = re.compile(rb'(<feed [^>]*>.*?<link href=")[^"]*(" rel="alternate"/>)', re.S)


def pelicans_feed_id(name: str, data: bytes) -> bytes:
    """The differences made on purpose: Pelican gives every Atom feed the
    site's address as its <id>; the writer gives each feed its own (RFC 4287),
    the site's feed keeping the site's. Pelican's rel=alternate link is the
    site's home; a region's feed names its page. Compared with both left out."""
    if not name.endswith(".xml"):
        return data
    return FEED_LINK.sub(rb"\1\2", FEED_ID.sub(rb"\1\2", data, count=1), count=1)


def test_the_writers_output_is_pelicans_own_file_for_file(site, tmp_path):
    files = newsroom(site)
    # Listings long enough to paginate (the writer repeats Pelican's pagination loop).
    for number in range(14):
        site.article(
            f"tambahan-{number}.md",
            title=f"Bawaslu Sumatera Selatan Awasi Tahapan Pemutakhiran Ke-{number}",
            date=f"2024-09-{number + 1:02d} 09:00",
            slug=f"tambahan-{number}",
            tags="Pilkada Serentak 2024",
        )

    def pelican(name: str):
        return build_without(site, tmp_path, "writer", name)

    cold = site.build(**NO_SEARCH)
    assert cold.returncode == 0, cold.log
    reference = pelican("pelican-cold")
    assert reference.returncode == 0, reference.log
    assert_same_tree(site.output, reference.output, pelicans_feed_id)

    # After an edit, the incremental output is still Pelican's.
    path = next(iter(files.values()))
    path.write_text(
        path.read_text(encoding="utf-8").replace("rapat pengawasan", "rapat evaluasi"),
        encoding="utf-8",
    )
    warm = site.build(**NO_SEARCH)
    assert warm.returncode == 0, warm.log
    edited = pelican("pelican-edited")
    assert edited.returncode == 0, edited.log
    assert_same_tree(site.output, edited.output, pelicans_feed_id)
