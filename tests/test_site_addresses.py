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


# -- a reference to a file of content/ ---------------------------------------------------
# One reading (`warta.paths.site_file_path`) of a full address of the site's own,
# used by the images plugin (`Build.local_reference`, `Build.file_of`) and the
# source checks (`site_source_path`, a plain link to a release's source file).

SITE = "https://bawaslu.example/sumsel"


@pytest.fixture
def content(tmp_path):
    """content/ with photos, a release in berita/2026/, and a photo outside it."""
    root = tmp_path / "content"
    for name in ("images/x.jpg", "images/foto rapat.jpg", "berita/x.jpg", "berita/2026/rilis.md"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(b"x")
    (tmp_path / "secret.jpg").write_bytes(b"x")
    return root


def images_build(tmp_path, content, site_url):
    from plugins.images import plugin

    settings = {"CACHE_PATH": str(tmp_path / "cache"), "PATH": str(content), "SITEURL": site_url}
    return plugin.Build(settings)


@pytest.mark.parametrize("site_url", [SITE, ""])
@pytest.mark.parametrize(
    ("reference", "file"),
    [
        ("/images/x.jpg", "images/x.jpg"),  # site-relative: below content/
        ("{static}/images/x.jpg", "images/x.jpg"),
        ("{static}images/x.jpg", "images/x.jpg"),  # beside the release, else below content/
        ("|static|/images/x.jpg", "images/x.jpg"),
        ("{attach}/images/x.jpg", "images/x.jpg"),
        ("../x.jpg", "berita/x.jpg"),  # beside the release's folder
        ("/images/foto%20rapat.jpg", "images/foto rapat.jpg"),  # decoded once
        ("{static}/images/foto rapat.jpg", "images/foto rapat.jpg"),
        ("/images/x.jpg?v=2#atas", "images/x.jpg"),  # query and fragment: the same file
        ("{static}/images/x.jpg#atas", "images/x.jpg"),
        (" /images/x.jpg ", "images/x.jpg"),
    ],
)
def test_a_site_relative_or_static_reference_names_its_file_whatever_siteurl_is(
    tmp_path, content, site_url, reference, file
):
    build = images_build(tmp_path, content, site_url)
    source_dir = content / "berita" / "2026"
    assert build.local_reference(reference, source_dir) == reference  # no web address
    assert build.file_of(reference, source_dir) == (content / file).resolve()


@pytest.mark.parametrize(
    ("reference", "file"),
    [
        ("https://bawaslu.example/sumsel/images/x.jpg", "images/x.jpg"),
        ("HTTPS://Bawaslu.Example.:443/sumsel/images/x.jpg", "images/x.jpg"),
        ("//bawaslu.example/sumsel/images/x.jpg", "images/x.jpg"),
        ("http://bawaslu.example/sumsel/images/x.jpg", "images/x.jpg"),
        ("https:\\\\bawaslu.example\\sumsel\\images\\x.jpg", "images/x.jpg"),
        ("https://bawaslu.example/sumsel/images/foto%20rapat.jpg", "images/foto rapat.jpg"),
        ("https://bawaslu.example/sumsel/images/x.jpg?w=300#atas", "images/x.jpg"),
        ("https://bawaslu.example/sumsel/images/%78.jpg", "images/x.jpg"),
        # a browser stops climbing at the host's root: the file is the site's x.jpg
        ("https://bawaslu.example/sumsel/../../sumsel/images/x.jpg", "images/x.jpg"),
        ("https://bawaslu.example/sumsel/%2e%2e/%2e%2e/sumsel/images/x.jpg", "images/x.jpg"),
    ],
)
def test_a_full_address_of_the_site_names_the_file_it_serves(tmp_path, content, reference, file):
    build = images_build(tmp_path, content, SITE)
    source_dir = content / "berita" / "2026"
    assert build.file_of(reference, source_dir) == (content / file).resolve()
    path = "/" + file
    assert paths.site_file_path(reference, paths.site_root(SITE), lambda _: False) == path
    assert site_source_path(reference, SITE, lambda _: False) == path


@pytest.mark.parametrize(
    "reference",
    [
        "https://lain.example/sumsel/images/x.jpg",  # another site
        "https://bawaslu.example:8443/sumsel/images/x.jpg",  # another server
        "https://bawaslu.example.lain.example/sumsel/images/x.jpg",
        "https://bawaslu.example/sumsel/",  # the home page
        "https://bawaslu.example/sumsel",
        "ftp://bawaslu.example/sumsel/images/x.jpg",
        "data:image/png;base64,AAAA",
    ],
)
def test_an_address_of_another_site_names_no_file(tmp_path, content, reference):
    build = images_build(tmp_path, content, SITE)
    assert build.local_reference(reference, content) == reference
    assert build.file_of(reference, content) is None
    assert site_source_path(reference, SITE, lambda _: True) is None


@pytest.mark.parametrize(
    "reference",
    [
        "../../../secret.jpg",
        "{static}/../secret.jpg",
        "/../secret.jpg",
        "/images/%2e%2e/%2e%2e/secret.jpg",  # decoded, then refused
        "|static|../../../secret.jpg",
    ],
)
def test_a_reference_climbing_out_of_content_is_refused(tmp_path, content, reference):
    build = images_build(tmp_path, content, SITE)
    found = build.file_of(reference, content / "berita" / "2026")
    assert isinstance(found, paths.Refusal)
    assert "outside" in found.reason


@pytest.mark.parametrize("site_url", [SITE, ""])
def test_a_full_address_climbing_out_of_content_stays_below_it(tmp_path, content, site_url):
    """A browser stops at the host's root: the address names content/secret.jpg,
    which is not there, never the file beside content/."""
    build = images_build(tmp_path, content, site_url)
    reference = "https://bawaslu.example/sumsel/../../secret.jpg"
    found = build.file_of(reference, content)
    if site_url:
        assert found == content.resolve() / "secret.jpg"  # not there: "file not found"
        assert not found.exists()
    else:
        assert found is None  # no file of content/: another site's address


@pytest.mark.parametrize(
    ("reference", "found"),
    [
        ("https://mana.saja.example/images/x.jpg", "images/x.jpg"),  # a file of content/
        ("https://mana.saja.example/images/foto%20rapat.jpg", "images/foto rapat.jpg"),
        ("https://mana.saja.example/images/tidak-ada.jpg", None),  # no file: another site's
        ("https://mana.saja.example/images/", None),  # a folder is no file
    ],
)
def test_without_a_host_a_full_address_is_the_sites_when_it_names_a_file(
    tmp_path, content, reference, found
):
    """SITEURL is empty in the development build and `invoke check`."""
    build = images_build(tmp_path, content, "")
    expected = None if found is None else (content / found).resolve()
    assert build.file_of(reference, content) == expected

    def exists(path):
        return (content / path.lstrip("/")).is_file()

    assert site_source_path(reference, "", exists) == (None if found is None else "/" + found)


def test_without_a_host_only_a_true_answer_makes_an_address_the_sites():
    """content_lint's `exists` answers why a path outside content/ is refused
    (a text, truthy): no file of the site."""
    reference = "https://mana.saja.example/berita/rilis.md"
    assert site_source_path(reference, "", lambda _: "outside the content folder") is None
    assert site_source_path(reference, "", lambda _: True) == "/berita/rilis.md"
