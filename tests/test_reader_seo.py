"""sitemap.xml, news-sitemap.xml and robots.txt (plugins/seo)."""

from __future__ import annotations

import datetime as dt
import os
import re

import pytest
from lxml import etree

from plugins.seo.documents import (
    NewsEntry,
    PageEntry,
    content_location,
    recent_news,
    rfc3339,
    sitemap_xml,
)
from warta.enrichment import RegionRef

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$")
SITEURL = "https://warta.example.org"
WIB = dt.timezone(dt.timedelta(hours=7))


def sitemap(built, name="sitemap.xml") -> dict[str, str | None]:
    """loc → lastmod text (None when absent), in document order."""
    root = etree.fromstring((built.output / name).read_bytes())
    assert root.tag == f"{{{NS['sm']}}}urlset"
    entries = {}
    for url in root.findall("sm:url", NS):
        loc = url.findtext("sm:loc", namespaces=NS)
        assert loc not in entries, f"duplicate {loc}"
        entries[loc] = url.findtext("sm:lastmod", namespaces=NS)
    return entries


# ---- pure functions ----


def test_rfc3339_keeps_the_offset_and_refuses_naive_times():
    assert rfc3339(dt.datetime(2024, 11, 17, 9, 30, tzinfo=WIB)) == "2024-11-17T09:30:00+07:00"
    with pytest.raises(ValueError):
        rfc3339(dt.datetime(2024, 11, 17, 9, 30))


def test_sitemap_written_as_text_is_the_xml_of_its_entries():
    """`sitemap_xml` writes its text itself (not through ElementTree): each
    distinct loc once, in order, escaped (`&`, `<`, `>` in an address), its
    lastmod when it has one; an empty sitemap is still a document."""
    entries = [
        PageEntry(f"{SITEURL}/cari/?q=a&b=<c>", dt.datetime(2024, 11, 17, 9, 30, tzinfo=WIB)),
        PageEntry(f"{SITEURL}/"),
        PageEntry(f"{SITEURL}/cari/?q=a&b=<c>"),
        PageEntry(f"{SITEURL}/berita/é/", dt.datetime(2024, 11, 18, tzinfo=dt.UTC)),
    ]
    root = etree.fromstring(sitemap_xml(entries).encode("utf-8"))
    assert root.tag == f"{{{NS['sm']}}}urlset"
    found = [
        (url.findtext("sm:loc", namespaces=NS), url.findtext("sm:lastmod", namespaces=NS))
        for url in root.findall("sm:url", NS)
    ]
    assert found == [
        (f"{SITEURL}/cari/?q=a&b=<c>", "2024-11-17T09:30:00+07:00"),
        (f"{SITEURL}/", None),
        (f"{SITEURL}/berita/é/", "2024-11-18T00:00:00+00:00"),
    ]
    empty = etree.fromstring(sitemap_xml([]).encode("utf-8"))
    assert empty.tag == f"{{{NS['sm']}}}urlset" and len(empty) == 0


def test_news_window_is_the_two_days_up_to_now():
    now = dt.datetime(2024, 11, 18, 12, 0, tzinfo=WIB)
    entries = [
        NewsEntry("a", "A", now - dt.timedelta(hours=1)),
        NewsEntry("b", "B", now - dt.timedelta(days=2)),
        NewsEntry("c", "C", now - dt.timedelta(days=2, seconds=1)),
        NewsEntry("d", "D", now + dt.timedelta(minutes=1)),
    ]
    assert [e.loc for e in recent_news(entries, now)] == ["a", "b"]


def test_content_location_from_regions():
    regions = [
        RegionRef("16.71", "Kota Palembang", "kota", "wilayah/16/16-71/"),
        RegionRef("16.04", "Kabupaten Lahat", "kabupaten", "wilayah/16/16-04/", source="dateline"),
        "not a region",
    ]
    assert content_location(regions) == [
        {"@type": "AdministrativeArea", "name": "Kota Palembang", "identifier": "16.71"},
        {"@type": "AdministrativeArea", "name": "Kabupaten Lahat", "identifier": "16.04"},
    ]
    assert content_location(None) == []


# ---- built sites ----

NOW = "2024-11-18T12:00:00+07:00"


@pytest.fixture
def seo_site(site):
    site.article("a.md", title="Rapat Koordinasi Pengawasan Kota Palembang", slug="rakor",
                 date="2024-11-18 11:00", modified="2024-11-18 11:45")  # fmt: skip
    site.article("b.md", title="Patroli Pengawasan Masa Tenang di Lahat", slug="patroli",
                 date="2024-11-16 13:00", category="Siaran Pers", tags="Masa Tenang")  # fmt: skip
    site.article("c.md", title="Pengumuman Seleksi Panwaslu Kecamatan", slug="seleksi",
                 date="2024-11-16 11:59", category="Pengumuman")  # fmt: skip
    site.article("d.md", title="Sosialisasi Pengawasan Partisipatif 2023", slug="sosialisasi",
                 date="2023-05-02 10:00")  # fmt: skip
    site.article("draft.md", title="Draf Rilis Belum Terbit", slug="draf-rilis", status="draft")
    site.page("tentang.md", "Title: Tentang Kami\nSlug: tentang-kami\n\nProfil.\n")
    # A page written by another generator (like the region pages): found on disk.
    (site.root / "content" / "templates").mkdir()
    (site.root / "content" / "templates" / "wilayah.html").write_text(
        "<!doctype html><title>Wilayah</title>", encoding="utf-8"
    )
    return site


def build_public(site, **overrides):
    """The public build of the fixture site, with only this plugin (others have their tests)."""
    settings = {
        "SITEURL": SITEURL,
        "FEED_DOMAIN": SITEURL,
        "SEO_NOW": NOW,
        "PLUGINS": ["seo"],
        "DEFAULT_PAGINATION": 2,
        "TEMPLATE_PAGES": {"templates/wilayah.html": "wilayah/kota-palembang/index.html"},
    }
    return site.build(publish=True, strict=True, **{**settings, **overrides})


def test_sitemap_lists_every_public_page_with_absolute_urls_and_rfc3339_dates(seo_site):
    built = build_public(seo_site)
    assert built.returncode == 0, built.log
    entries = sitemap(built)
    for loc, lastmod in entries.items():
        assert loc.startswith(SITEURL + "/"), loc
        relative = loc[len(SITEURL) + 1 :]
        assert (built.output / relative / "index.html").is_file(), f"{loc} is not a page"
        if lastmod is not None:
            assert RFC3339.match(lastmod), lastmod
            assert dt.datetime.fromisoformat(lastmod).tzinfo is not None
    expected = {
        "": "2024-11-18T11:45:00+07:00",
        "berita/2024/11/rakor/": "2024-11-18T11:45:00+07:00",  # Modified wins
        "berita/2024/11/patroli/": "2024-11-16T13:00:00+07:00",
        "berita/2024/11/seleksi/": "2024-11-16T11:59:00+07:00",
        "berita/2023/05/sosialisasi/": "2023-05-02T10:00:00+07:00",
        "rubrik/siaran-pers/": "2024-11-16T13:00:00+07:00",
        "tag/masa-tenang/": "2024-11-16T13:00:00+07:00",
        "arsip/2023/05/": "2023-05-02T10:00:00+07:00",
        "arsip/2023/": "2023-05-02T10:00:00+07:00",
        "arsip/": "2024-11-18T11:45:00+07:00",
        "penulis/humas-bawaslu-kota-palembang/": "2024-11-18T11:45:00+07:00",
        "tentang-kami/": None,
        "wilayah/kota-palembang/": None,
    }
    for relative, lastmod in expected.items():
        assert f"{SITEURL}/{relative}" in entries, f"{relative} missing from the sitemap"
        assert entries[f"{SITEURL}/{relative}"] == lastmod, relative
    # Drafts, the search page and pages 2, 3… of listings stay out.
    assert (built.output / "halaman" / "2" / "index.html").is_file()
    assert not [loc for loc in entries if "/draf/" in loc or "/cari/" in loc]
    assert not [loc for loc in entries if re.search(r"/halaman/\d+/$", loc)]


def test_news_sitemap_has_only_the_last_two_days(seo_site):
    built = build_public(seo_site)
    assert built.returncode == 0, built.log
    root = etree.fromstring((built.output / "news-sitemap.xml").read_bytes())
    items = [
        (
            url.findtext("sm:loc", namespaces=NS),
            url.findtext("news:news/news:title", namespaces=NS),
            url.findtext("news:news/news:publication_date", namespaces=NS),
            url.findtext("news:news/news:publication/news:name", namespaces=NS),
            url.findtext("news:news/news:publication/news:language", namespaces=NS),
        )
        for url in root.findall("sm:url", NS)
    ]
    assert items == [
        (
            f"{SITEURL}/berita/2024/11/rakor/",
            "Rapat Koordinasi Pengawasan Kota Palembang",
            "2024-11-18T11:00:00+07:00",
            "Warta Bawaslu Sumatera Selatan",
            "id",
        ),
        (
            f"{SITEURL}/berita/2024/11/patroli/",
            "Patroli Pengawasan Masa Tenang di Lahat",
            "2024-11-16T13:00:00+07:00",
            "Warta Bawaslu Sumatera Selatan",
            "id",
        ),
    ]  # "seleksi" was published 2 days and 1 minute before NOW


def test_no_news_sitemap_and_no_robots_line_when_nothing_is_recent(seo_site):
    # A urlset must hold at least one url (sitemaps.org schema): no file at all.
    built = build_public(seo_site, SEO_NOW="2025-06-01T00:00:00+07:00")
    assert built.returncode == 0, built.log
    assert not (built.output / "news-sitemap.xml").exists()
    assert (built.output / "sitemap.xml").is_file()
    robots = built.text("robots.txt").splitlines()
    assert [line for line in robots if line.startswith("Sitemap:")] == [
        f"Sitemap: {SITEURL}/sitemap.xml"
    ]


def test_hidden_contents_are_written_but_in_no_sitemap(seo_site):
    seo_site.article("hidden.md", title="Rilis Tersembunyi Hanya Lewat Tautan", slug="tersembunyi",
                     date="2024-11-18 10:00", status="hidden")  # fmt: skip
    seo_site.page(
        "rahasia.md", "Title: Halaman Tersembunyi\nSlug: rahasia\nStatus: hidden\n\nIsi.\n"
    )
    built = build_public(seo_site)
    assert built.returncode == 0, built.log
    assert (built.output / "berita/2024/11/tersembunyi/index.html").is_file()
    assert (built.output / "rahasia/index.html").is_file()
    entries = sitemap(built)
    assert f"{SITEURL}/berita/2024/11/rakor/" in entries
    assert not [loc for loc in entries if "tersembunyi" in loc or "rahasia" in loc]
    news = etree.fromstring((built.output / "news-sitemap.xml").read_bytes())
    locs = [url.findtext("sm:loc", namespaces=NS) for url in news.findall("sm:url", NS)]
    assert f"{SITEURL}/berita/2024/11/rakor/" in locs
    assert not [loc for loc in locs if "tersembunyi" in loc]


def test_robots_txt_is_generated_with_absolute_sitemap_lines(seo_site):
    built = build_public(seo_site)
    assert built.returncode == 0, built.log
    lines = [line for line in built.text("robots.txt").splitlines() if not line.startswith("#")]
    assert lines[:3] == ["User-agent: *", "Allow: /", "Disallow: /draf/"]
    assert [line for line in lines if line.startswith("Sitemap:")] == [
        f"Sitemap: {SITEURL}/sitemap.xml",
        f"Sitemap: {SITEURL}/news-sitemap.xml",
    ]


def test_development_build_uses_the_local_preview_address(seo_site):
    built = seo_site.build(strict=True, SEO_NOW=NOW, PLUGINS=["seo"])
    assert built.returncode == 0, built.log
    locs = list(sitemap(built))
    assert locs and all(loc.startswith("http://127.0.0.1:8000/") for loc in locs)
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in built.text("robots.txt").splitlines()


def test_a_bad_seo_now_is_an_error_with_a_suggestion(seo_site):
    built = build_public(seo_site, SEO_NOW="kemarin")
    assert built.returncode == 1
    assert built.log_lines("error") == [
        "pelicanconf.py: seo: SEO_NOW is not an ISO 8601 date-time: 'kemarin' "
        "(e.g. '2024-11-18T12:00:00+07:00')"
    ]


STATISTICS_PLUGIN = '''
"""An outside plugin with a generator of its own, listed after every shipped plugin."""
from jinja2 import Template
from pelican import signals
from pelican.generators import Generator


class Statistics(Generator):
    def generate_context(self):
        pass

    def generate_output(self, writer):
        page = Template("<!doctype html><title>Statistik</title><p>{{ articles|length }}</p>")
        writer.write_file("statistik/index.html", page, self.context)
        # A page of its own for staff, as a subsite's CMS page is: not for
        # search engines, whatever the attributes' order and case.
        internal = Template(
            "<!doctype html><html><head><META content='NOINDEX, nofollow' name=Robots>"
            "<title>Internal</title></head><body><p>x</p></body></html>"
        )
        writer.write_file("en/admin/index.html", internal, self.context)
        # The same with the name written in character references.
        spelled = Template(
            "<!doctype html><html><head><meta name='r&#111;b&#x6F;ts' content='noindex'>"
            "<title>Staf</title></head><body><p>x</p></body></html>"
        )
        writer.write_file("en/staf/index.html", spelled, self.context)
        # A page whose text only mentions the meta tag is listed.
        mention = Template(
            "<!doctype html><title>Panduan</title><body><pre>&lt;meta name=robots "
            "content=noindex&gt;</pre></body>"
        )
        writer.write_file("panduan-seo/index.html", mention, self.context)


def get_generators(pelican):
    return Statistics


def register():
    signals.get_generators.connect(get_generators)
'''


def test_a_page_of_a_generator_listed_after_seo_is_in_the_sitemap(site, tmp_path):
    """The sitemap walked the output in its own generator, before the
    generators of plugins listed after it had written their pages."""
    from conftest import build_with_outside_plugin

    site.article("a.md", title="Rapat Koordinasi Pengawasan Kota Palembang", slug="rakor")
    built = build_with_outside_plugin(site, tmp_path, "statistik", STATISTICS_PLUGIN)
    assert built.returncode == 0, built.log
    assert (built.output / "statistik" / "index.html").is_file()
    assert [loc for loc in sitemap(built) if loc.endswith("/statistik/")], sorted(sitemap(built))
    # A page that asks not to be indexed (a subsite's CMS page) is not listed.
    assert not [loc for loc in sitemap(built) if "/admin/" in loc], sorted(sitemap(built))
    assert (built.output / "en" / "staf" / "index.html").is_file()
    assert not [loc for loc in sitemap(built) if "/staf/" in loc], sorted(sitemap(built))
    assert [loc for loc in sitemap(built) if loc.endswith("/panduan-seo/")]


OTHER_SITEMAP_PLUGIN = '''
"""Writes its own sitemap.xml, as pelican-sitemap does with its defaults."""
import os

from pelican import signals
from pelican.generators import Generator


class OtherSitemap(Generator):
    def generate_context(self):
        pass

    def generate_output(self, writer):
        with open(os.path.join(self.output_path, "sitemap.xml"), "w", encoding="utf-8") as out:
            out.write("<urlset/>")


def get_generators(pelican):
    return OtherSitemap


def register():
    signals.get_generators.connect(get_generators)
'''


def test_another_plugins_sitemap_is_said_not_silently_replaced(site, tmp_path):
    from conftest import build_with_outside_plugin

    site.article("a.md", title="Rapat Koordinasi Pengawasan Kota Palembang", slug="rakor")
    built = build_with_outside_plugin(site, tmp_path, "petalain", OTHER_SITEMAP_PLUGIN)
    warned = [w for w in built.log_lines("warning") if "sitemap.xml" in w]
    assert [w.split(" (")[0] for w in warned] == [
        "seo: sitemap.xml was written by another plugin in this build; warta's replaces it"
    ], built.log
    assert [loc for loc in sitemap(built) if loc.endswith("/berita/2024/11/rakor/")]
    again = build_with_outside_plugin(
        site, tmp_path / "lagi", "biasa", "def register():\n    pass\n"
    )
    assert not [w for w in again.log_lines("warning") if "sitemap.xml" in w], again.log


LATE_SITEMAP_PLUGIN = '''
"""Writes its own sitemap.xml at finalized, as pelican-sitemap 1.2.2 does, after
warta's seo (outside plugins come after warta's in PLUGINS)."""
import os

from pelican import signals


def write_sitemap(pelican):
    with open(os.path.join(pelican.output_path, "sitemap.xml"), "w", encoding="utf-8") as out:
        out.write('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>')


def register():
    signals.finalized.connect(write_sitemap)
'''


def test_a_sitemap_written_over_ours_at_the_end_of_the_build_is_said(site, tmp_path):
    from conftest import build_with_outside_plugin

    site.article("a.md", title="Rapat Koordinasi Pengawasan Kota Palembang", slug="rakor")
    built = build_with_outside_plugin(site, tmp_path, "petaakhir", LATE_SITEMAP_PLUGIN)
    assert built.returncode == 0, built.log
    # The other plugin's file is what is published: one warning says so, with
    # the plugin that may have written it and the setting that leaves it to it.
    assert sitemap(built) == {}
    warned = [w for w in built.log_lines("warning") if "sitemap.xml" in w]
    assert len(warned) == 1, built.log
    assert warned[0].startswith(
        "seo: sitemap.xml was replaced by another plugin after seo wrote it (petaakhir)"
    ), warned
    assert 'SEO_SITEMAP_SAVE_AS = ""' in warned[0], warned
    # Leaving the file to it: no warning, and robots.txt is still ours.
    again = build_with_outside_plugin(
        site, tmp_path, "petaakhir", LATE_SITEMAP_PLUGIN, SEO_SITEMAP_SAVE_AS=""
    )
    assert again.returncode == 0, again.log
    assert not [w for w in again.log_lines("warning") if "sitemap.xml" in w], again.log
    assert (again.output / "robots.txt").is_file()


def test_the_newsrooms_own_robots_txt_is_kept_and_said_once(site):
    """content/extra/robots.txt published through EXTRA_PATH_METADATA drew the
    warning meant for another plugin, failed the strict build, and was
    replaced all the same."""
    extra = site.content / "extra"
    extra.mkdir()
    (extra / "robots.txt").write_text("User-agent: *\nDisallow: /draf/\n", encoding="utf-8")
    (extra / "news.xml").write_text("<urlset/>\n", encoding="utf-8")
    site.article("a.md", title="Rapat Koordinasi Pengawasan Kota Palembang", slug="rakor")
    built = build_public(
        site,
        PLUGINS=["seo"],
        EXTRA_PATH_METADATA={
            "extra/robots.txt": {"path": "robots.txt"},
            "extra/news.xml": {"path": "news-sitemap.xml"},
        },
        STATIC_PATHS=["extra/robots.txt", "extra/news.xml"],
        TEMPLATE_PAGES={},
        SEO_NOW="2030-01-01T00:00:00+07:00",  # no news: the newsroom's own file stays
    )
    assert (built.output / "news-sitemap.xml").read_text(encoding="utf-8") == "<urlset/>\n"
    assert built.returncode == 0, built.log  # strict
    assert (built.output / "robots.txt").read_text(encoding="utf-8").endswith("Disallow: /draf/\n")
    said = [s.split(" (")[0] for s in built.log_lines("suggestion") if "robots.txt" in s]
    assert said == [
        "extra/robots.txt: published as robots.txt: the seo plugin's robots.txt is not written"
    ], built.log


def test_pages_on_disk_are_the_folders_os_walk_finds_with_an_index(tmp_path):
    """The sitemap's pages found only on disk: every folder holding an
    index.html, as `os.walk` finds them: a symlinked folder is not entered,
    an index.html that is a folder is no page, a page at the top is ""."""
    from plugins.seo.plugin import index_folders

    output = tmp_path / "output"
    for folder in ("", "statistik/", "statistik/2024/", "berita/a/b/"):
        (output / folder).mkdir(parents=True, exist_ok=True)
        (output / folder / "index.html").write_text("<p>x</p>", encoding="utf-8")
    (output / "kosong" / "index.html").mkdir(parents=True)
    outside = tmp_path / "luar"
    (outside / "rahasia").mkdir(parents=True)
    (outside / "rahasia" / "index.html").write_text("<p>x</p>", encoding="utf-8")
    (output / "tautan").symlink_to(outside, target_is_directory=True)
    walked = []
    for folder, _dirs, files in os.walk(output):
        if "index.html" in files:
            relative = os.path.relpath(folder, output).replace(os.sep, "/")
            walked.append("" if relative == "." else relative + "/")
    assert sorted(index_folders(str(output))) == sorted(walked)
    assert sorted(walked) == ["", "berita/a/b/", "statistik/", "statistik/2024/"]


FINALIZED_PAGE_PLUGIN = '''
"""An outside plugin writing a page of its own when the build ends (`finalized`)."""
import os

from pelican import signals


def write_page(pelican):
    folder = os.path.join(pelican.settings["OUTPUT_PATH"], "rekap")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "index.html"), "w", encoding="utf-8") as out:
        out.write("<!doctype html><title>Rekap</title><p>Rekap</p>")


def register():
    signals.finalized.connect(write_page)
'''


def test_the_sitemap_lists_the_output_once_unless_a_plugin_may_write_in_between(site, tmp_path):
    """The images plugin lists the output at `finalized` (the photos to
    clean), and the sitemap reads the pages on disk from that listing rather
    than walking the site's 20,000 folders again. A plugin whose `finalized`
    receiver runs between the two (listed between images and seo) may write
    a page there: the sitemap then lists the output itself, and has it."""
    from conftest import REPO, shipped_plugins

    site.article("a.md", title="Rapat Koordinasi Pengawasan Kota Palembang", slug="rakor")
    shared = site.build(verbose=True, SEARCH_ENABLED=False)
    assert shared.returncode == 0, shared.log
    assert "the sitemap's pages on disk from the images plugin's listing" in shared.log

    package = tmp_path / "outside-plugins" / "rekap"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(FINALIZED_PAGE_PLUGIN, encoding="utf-8")
    plugins = shipped_plugins()
    plugins.insert(plugins.index("images") + 1, "rekap")
    from warta.build import load_settings

    searched = load_settings(REPO / "pelicanconf.py")["PLUGIN_PATHS"]
    built = site.build(
        verbose=True,
        SEARCH_ENABLED=False,
        PLUGIN_PATHS=[*searched, str(package.parent)],
        PLUGINS=plugins,
    )
    assert built.returncode == 0, built.log
    assert [loc for loc in sitemap(built) if loc.endswith("/rekap/")], sorted(sitemap(built))
    assert "the output listed for the sitemap" in built.log


def test_each_index_page_describes_itself_not_the_home_page(sample_site):
    """/tag/, /rubrik/, /penulis/, /arsip/ and /cari/ gave search engines the
    home page's description (the site's subtitle), the same snippet for six
    pages; each describes itself now, as the lists and regions do."""
    from bs4 import BeautifulSoup

    def description(path) -> str:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        if soup.select_one('meta[name=robots][content*="noindex"]'):
            return ""
        return soup.select_one("meta[name=description]")["content"]

    output = sample_site.output
    home = description(output / "index.html")
    same = []
    for path in sorted(output.rglob("*.html")):
        relative = path.relative_to(output).as_posix()
        if relative.startswith(("admin/", "halaman/")) or relative == "index.html":
            continue  # the CMS; the home page and its further pages
        if description(path) == home:
            same.append(relative)
    assert not same, same
    for folder, word in [
        ("tag", "tag"),
        ("rubrik", "rubrik"),
        ("penulis", "penulis"),
        ("arsip", "Arsip"),
        ("cari", "Cari"),
    ]:
        assert word in description(output / folder / "index.html"), folder
