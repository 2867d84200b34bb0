"""Pelican settings for warta: the development build (relative URLs, no analytics).

`publishconf.py` imports this file and sets what changes for the public site.
Paths are absolute so the same settings work from tests that build fixture sites
in a temp dir.
"""

import logging
import os
from pathlib import Path

from warta import jinja_filters

PROJECT_ROOT = Path(__file__).resolve().parent
DATA_PATH = PROJECT_ROOT / "data"

SITENAME = "Warta Bawaslu Sumatera Selatan"
SITESUBTITLE = (
    "Berita pengawasan pemilu dari Bawaslu Provinsi Sumatera Selatan dan 17 kabupaten/kota"
)
SITE_PUBLISHER = "Bawaslu Provinsi Sumatera Selatan"
SITEURL = ""
RELATIVE_URLS = False
# The public site's address (publishconf.py's SITEURL, `WARTA_SITEURL`): the
# development build and `invoke check` read an address shown without its scheme
# (`warta-sumsel.example.org/berita/…`) by its host, as the public build does.
SAMPLE_SITEURL = "https://warta-sumsel.example.org"
# (a value copied with a newline or spaces around it is the address without them)
PUBLIC_SITEURL = os.environ.get("WARTA_SITEURL", SAMPLE_SITEURL).strip().rstrip("/")

# The folders can be moved with environment variables (CI jobs, per-province builds).
PATH = os.environ.get("WARTA_CONTENT_PATH", str(PROJECT_ROOT / "content"))
OUTPUT_PATH = os.environ.get("WARTA_OUTPUT_PATH", str(PROJECT_ROOT / "output"))
THEME = str(PROJECT_ROOT / "theme")
CACHE_PATH = os.environ.get("WARTA_CACHE_PATH", str(PROJECT_ROOT / "cache"))

ARTICLE_PATHS = ["berita"]
PAGE_PATHS = ["halaman"]
STATIC_PATHS = ["images", "extra"]
EXTRA_PATH_METADATA = {
    "extra/favicon.svg": {"path": "favicon.svg"},
}

# Indonesian site, Indonesian dates through Babel (no id_ID locale exists here).
DEFAULT_LANG = "id"
TIMEZONE = "Asia/Jakarta"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"  # never shown: templates format dates with Babel filters
DEFAULT_DATE = None
# Markdown only; the rST reader warns about DEFAULT_LANG = "id".
READERS = {"rst": None, "htm": None, "html": None}

AUTHOR = "Humas Bawaslu Provinsi Sumatera Selatan"  # default author; `invoke new` writes it
DEFAULT_CATEGORY = "Berita"
USE_FOLDER_AS_CATEGORY = False
DEFAULT_METADATA = {}
SLUGIFY_SOURCE = "title"
SLUG_REGEX_SUBSTITUTIONS = [
    (r"[^\w\s-]", ""),
    (r"(?u)\A\s*", ""),
    (r"(?u)\s*\Z", ""),
    (r"[-\s]+", "-"),
]

# Permanent public URLs (issue #2). Every page is a folder with index.html.
ARTICLE_URL = "berita/{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
ARTICLE_LANG_URL = "berita/{date:%Y}/{date:%m}/{slug}-{lang}/"
ARTICLE_LANG_SAVE_AS = ARTICLE_LANG_URL + "index.html"
DRAFT_URL = "draf/{slug}/"
DRAFT_SAVE_AS = DRAFT_URL + "index.html"
DRAFT_LANG_URL = "draf/{slug}-{lang}/"
DRAFT_LANG_SAVE_AS = DRAFT_LANG_URL + "index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
PAGE_LANG_URL = "{slug}-{lang}/"
PAGE_LANG_SAVE_AS = PAGE_LANG_URL + "index.html"
DRAFT_PAGE_URL = "draf/halaman/{slug}/"
DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_URL + "index.html"
CATEGORY_URL = "rubrik/{slug}/"
CATEGORY_SAVE_AS = CATEGORY_URL + "index.html"
CATEGORIES_URL = "rubrik/"
CATEGORIES_SAVE_AS = CATEGORIES_URL + "index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = TAG_URL + "index.html"
TAGS_URL = "tag/"
TAGS_SAVE_AS = TAGS_URL + "index.html"
AUTHOR_URL = "penulis/{slug}/"
AUTHOR_SAVE_AS = AUTHOR_URL + "index.html"
AUTHORS_URL = "penulis/"
AUTHORS_SAVE_AS = AUTHORS_URL + "index.html"
ARCHIVES_URL = "arsip/"
ARCHIVES_SAVE_AS = ARCHIVES_URL + "index.html"
YEAR_ARCHIVE_URL = "arsip/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = YEAR_ARCHIVE_URL + "index.html"
MONTH_ARCHIVE_URL = "arsip/{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_URL + "index.html"
DAY_ARCHIVE_SAVE_AS = ""
CARI_URL = "cari/"
CARI_SAVE_AS = CARI_URL + "index.html"
INDEX_SAVE_AS = "index.html"
INDEX_URL = ""  # the home page is "/", never "/index.html" (canonical, pagination links)
# The search page ("cari") is added by the search plugin, only while search is on.
DIRECT_TEMPLATES = ["index", "categories", "authors", "archives", "tags", "404"]
# Pelican looks up "<NAME>_SAVE_AS" for direct templates; "404_SAVE_AS" is not a
# valid Python name, so the settings dict gets it in publishconf/pelicanconf via globals().
globals()["404_SAVE_AS"] = "404.html"

DEFAULT_PAGINATION = 12
PAGINATED_TEMPLATES = {
    "index": None,
    "tag": None,
    "category": None,
    "author": None,
    "period_archives": None,
}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/halaman/{number}/", "{base_name}/halaman/{number}/index.html"),
)

# Feeds: Atom with full content; the site-wide one at /feed.xml.
FEED_DOMAIN = SITEURL
# The development build has no public address, so its feeds are relative;
# publishconf.py sets SITEURL, where this warning cannot occur.
LOG_FILTER = [
    (
        logging.WARNING,
        "Feeds generated without SITEURL or FEED_DOMAIN set properly may not be valid",
    ),
    # The images plugin reports an image without alt text as an error, with the
    # line and a suggestion; Pelican's own warning would say it a second time.
    (logging.WARNING, "Empty alt attribute for image %s in %s"),
]
FEED_ALL_ATOM = "feed.xml"
FEED_ATOM = None
FEED_ALL_RSS = None
FEED_RSS = None
CATEGORY_FEED_ATOM = "rubrik/{slug}/feed.xml"
TAG_FEED_ATOM = "tag/{slug}/feed.xml"
AUTHOR_FEED_ATOM = "penulis/{slug}/feed.xml"
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
RSS_FEED_SUMMARY_ONLY = False
FEED_MAX_ITEMS = 50

# Summaries: the `Summary:` metadata, or the first paragraph's opening words.
SUMMARY_MAX_LENGTH = 40
SUMMARY_END_SUFFIX = "…"

MARKDOWN = {
    "extension_configs": {
        # The footnotes' back link is titled in the site's language (its title is
        # a tooltip and the link's name to a screen reader; the default is
        # "Jump back to footnote 1 in the text"). "{}": the footnote's number.
        "markdown.extensions.extra": {
            "footnotes": {"BACKLINK_TITLE": "Kembali ke catatan kaki {} di dalam teks"}
        },
        "markdown.extensions.sane_lists": {},
        "markdown.extensions.smarty": {},
        "warta.markdown_source": {},  # control characters out, one Title: (see its docstring)
    },
    "output_format": "html5",
}
TYPOGRIFY = False  # it injects HTML into titles

JINJA_ENVIRONMENT = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True}
JINJA_FILTERS = jinja_filters.FILTERS
JINJA_GLOBALS = jinja_filters.GLOBALS

# The content cache speeds up rebuilds; invalidate by content, never by mtime
# (CI checkouts give every file the same fresh mtime). The article_cache plugin
# replaces Pelican's content caches with snapshots of whole articles as read;
# Pelican's own "generator" layer would pickle them after plugins enriched them
# (and warns with WITH_FUTURE_DATES off), so the layer stays "reader".
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CHECK_MODIFIED_METHOD = "md5"
CONTENT_CACHING_LAYER = "reader"

DELETE_OUTPUT_DIRECTORY = True
# The search plugin adds its index folder (SEARCH_BUNDLE_DIR) while it rebuilds
# it, and only then: a build that writes no index leaves none from the last.
OUTPUT_RETENTION = [".git"]
WITH_FUTURE_DATES = False  # embargo: a future Date: waits for a later build

PLUGIN_PATHS = [str(PROJECT_ROOT / "plugins")]
# Our plugins, not an installed `pelican.plugins.<name>` of the same short name
# (`pip install pelican-seo`), also under a bare `pelican -s pelicanconf.py`.
PELICAN_CLASS = "warta.build.OwnPluginsPelican"
# Files every page may depend on beyond code, theme and settings (plugins/writer):
# an edit to the vocabulary, officials or gazetteer re-renders the whole site.
# A file an outside reader or Markdown extension puts into releases (snippets)
# goes here too: with such a plugin the article cache reads every release again
# when one changes.
WRITER_INPUTS = [str(DATA_PATH)]
# The order below matters where one plugin reads what another made; the build
# checks those rules (warta/plugin_order.py) and refuses a list that breaks one.
PLUGINS = [
    # Slug, Category, Summary supplied when a release leaves them out: first, so
    # that containment checks the address the page is written at.
    "release_defaults",
    "containment",  # reads stay in content/, writes in output/; symlinks refused: before readers
    "progress",  # a live "articles read / pages written" line on a terminal; quiet in CI
    "parallel_markdown",  # a cold build's Markdown converted on every core; the site is unchanged
    "article_cache",  # a warm build takes each unchanged article as it was read, not read again
    "url_cache",  # each URL formatted once per build, not at every look-up
    "taxonomy_index",  # tag/category/author lists with constant-time `in` (Pelican scans them)
    "sanitize",  # raw HTML of bodies and summaries cleaned: no script, on…=, javascript:
    "link_check",  # links to drafts/embargoed articles: warned, removed from the public build
    "content_lint",
    "corrections",  # `Ralat:` lines: dated corrections, dateModified, warnings
    "json_feed",
    "enrichment",  # runs the per-article stages (regions, official_tags) on every core, cached
    "regions",
    "official_tags",
    "related",
    "read_also",
    "comments",
    "images",
    "writer",  # renders changed pages on every core: after the page writers, before seo
    "seo",
    "search",  # after the writer: it indexes the written pages
    "cms",  # /admin/: the newsroom CMS (Decap), configured from data/ at every build
]
JSON_FEED_SAVE_AS = "feed.json"
# The newest releases with their full text, for readers and the national
# aggregator's scheduled fetch: all 10,000 would be a 60 MB file rewritten on
# every build.
JSON_FEED_MAX_ITEMS = 200

# Regions (plugins/regions): Kemendagri gazetteer and staff aliases in
# data/regions/, region of each article (Region:/Wilayah: or inferred), /wilayah/.
REGIONS_GAZETTEER = str(DATA_PATH / "regions" / "gazetteer.csv")
REGIONS_ALIASES = str(DATA_PATH / "regions" / "aliases.yaml")
REGIONS_HOME_PROVINCE = "16"  # Sumatera Selatan: listed first, wins ambiguous names

# Official tags and officials (official_tags): vocabulary, registry, and the
# gazetteer that names the offices ("Bawaslu Kota Palembang"). Both plugins add
# a stage to the enrichment pipeline, which runs official tags after regions
# whatever their order here.
OFFICIAL_TAGS_VOCABULARY = str(DATA_PATH / "official_tags.yaml")
OFFICIAL_TAGS_OFFICIALS = str(DATA_PATH / "officials.yaml")
OFFICIAL_TAGS_REGION_NAMES = str(DATA_PATH / "regions" / "gazetteer.csv")
OFFICIAL_TAGS_ALLOW_FREE = False

# Reader experience: "Baca juga" list (related), sitemaps and robots.txt (seo).
# `seo` comes after the page-writing plugins: its sitemap lists the pages they wrote.
RELATED_MAX = 5
RELATED_MIN = 3
SEO_SITEMAP_SAVE_AS = "sitemap.xml"
SEO_NEWS_SITEMAP_SAVE_AS = "news-sitemap.xml"
SEO_ROBOTS_SAVE_AS = "robots.txt"
SEO_ROBOTS_DISALLOW = ["/draf/"]

# Images (plugins/images): responsive <picture> variants, social cards, and every
# published image stripped of EXIF/GPS. Encoded files are cached in CACHE_PATH.
IMAGES_WIDTHS = [480, 800, 1200]
IMAGES_MAX_SOURCE_BYTES = 10_000_000  # staff export phone photos smaller first
IMAGES_MAX_SOURCE_PIXELS = 40_000_000
IMAGES_SOCIAL_CARD_SAVE_AS = "{url}og.png"

# Search (plugins/search): Pagefind index of the article pages for /cari/.
SEARCH_ENABLED = True
SEARCH_BUNDLE_DIR = "pagefind"  # kept through the clean-up by the plugin when it indexes
# Pagefind holds ≈ 0.17 MiB a page while it indexes: a year of more article
# pages is indexed in groups of months, so the build's peak memory stays
# bounded as the archive grows (the browser merges the bundles).
SEARCH_BUNDLE_MAX_PAGES = 3000

# Site chrome
MENUITEMS = (
    ("Berita", "rubrik/berita/"),
    ("Siaran Pers", "rubrik/siaran-pers/"),
    ("Pengumuman", "rubrik/pengumuman/"),
    ("Wilayah", "wilayah/"),
    ("Arsip", "arsip/"),
)
DISPLAY_PAGES_ON_MENU = False
DISPLAY_CATEGORIES_ON_MENU = False
SITE_LOGO = "images/logo-warta.png"
CONTACT_PAGE_URL = "kontak/"

# Comments (plugins/comments): no comment server by default, so article pages
# point readers to the contact page and load no script. With a provider, the
# provider's script loads only after the reader clicks (UU 27/2022).
COMMENTS_PROVIDER = None  # or "isso" (see `invoke comments` for a local one)
COMMENTS_ISSO_URL = None  # e.g. "https://komentar.example.go.id"
COMMENTS_CLOSE_AFTER_DAYS = None  # e.g. 30: threads close 30 days after publication
