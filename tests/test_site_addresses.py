"""SITEURL read once (`warta.paths.site_root`): the host and path prefix that
link_check, the images plugin and the source checks compare links with."""

from __future__ import annotations

import pytest

from warta import paths
from warta.source_checks import site_source_path


@pytest.mark.parametrize(
    ("site_url", "host", "prefix"),
    [
        ("https://bawaslu.example/sumsel", "bawaslu.example", "sumsel"),
        ("https://bawaslu.example/sumsel/", "bawaslu.example", "sumsel"),  # trailing slash
        ("https://bawaslu.example", "bawaslu.example", ""),
        ("https://bawaslu.example/", "bawaslu.example", ""),
        ("https://bawaslu.example/prov/sumsel/", "bawaslu.example", "prov/sumsel"),
        ("HTTPS://Bawaslu.Example.:443/sumsel", "bawaslu.example", "sumsel"),  # case, dot, port
        ("http://bawaslu.example:80/sumsel", "bawaslu.example", "sumsel"),
        ("http://127.0.0.1:8000", "127.0.0.1:8000", ""),  # another port is another server
        ("https://bawaslu.example:8443/sumsel", "bawaslu.example:8443", "sumsel"),
        ("//bawaslu.example/sumsel", "bawaslu.example", "sumsel"),  # https, as a browser
        ("https://user@bawaslu.example/sumsel", "bawaslu.example", "sumsel"),
        ("https://bawaslu.example/sumsel?utm=1#isi", "bawaslu.example", "sumsel"),
        # a WARTA_SITEURL copied with a newline or spaces around it
        ("  https://bawaslu.example/sumsel\n", "bawaslu.example", "sumsel"),
        # the prefix as a link's path is read: percent-decoded once, normalised
        ("https://bawaslu.example/warta%20sumsel/", "bawaslu.example", "warta sumsel"),
        ("https://bawaslu.example/a/./b//", "bawaslu.example", "a/b"),
        ("https://bawaslu.example//sumsel", "bawaslu.example", "sumsel"),
        # a relative build: no host (any host's address may be the site's)
        ("", "", ""),
        (None, "", ""),
        ("/sumsel", "", "sumsel"),
        ("http://[bawaslu/sumsel", "", ""),  # unreadable: no host, as host_of says
    ],
)
def test_site_root_reads_the_host_and_prefix_of_every_form_of_siteurl(site_url, host, prefix):
    assert paths.site_root(site_url) == paths.SiteRoot(host, prefix)


def test_site_root_gives_what_site_address_compares_with():
    site = paths.site_root("https://Bawaslu.Example/sumsel/")
    href = "https://bawaslu.example:443/sumsel/berita/2026/01/rapat/"
    assert paths.site_address(href, site.host, "", site.prefix) == "berita/2026/01/rapat"


@pytest.mark.parametrize(
    "site_url",
    [
        "https://bawaslu.example/warta%20sumsel",  # the prefix was compared still encoded
        "https://bawaslu.example/warta sumsel/",
        "https://bawaslu.example/./warta sumsel",  # and not normalised
        "https://bawaslu.example/warta sumsel \n",  # and with the setting's whitespace
    ],
)
def test_a_site_address_below_an_encoded_or_untidy_prefix_names_its_source_file(site_url):
    """The link's path was decoded and normalised before it was compared with
    SITEURL's path, which was not: the prefix never matched, and the file
    looked for was "/warta sumsel/berita/rapat.md"."""
    value = "https://bawaslu.example/warta%20sumsel/berita/rapat.md"
    assert site_source_path(value, site_url, lambda path: True) == "/berita/rapat.md"
