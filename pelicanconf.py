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
SITESUBTITLE = "Berita pengawasan pemilu dari Bawaslu Provinsi Sumatera Selatan dan 17 kabupaten/kota"
SITE_PUBLISHER = "Bawaslu Provinsi Sumatera Selatan"
SITEURL = ""
RELATIVE_URLS = False

# The folders can be moved with environment variables (CI jobs, per-province builds).
PATH = os.environ.get("WARTA_CONTENT_PATH", str(PROJECT_ROOT / "content"))
OUTPUT_PATH = os.environ.get("WARTA_OUTPUT_PATH", str(PROJECT_ROOT / "output"))
THEME = str(PROJECT_ROOT / "theme")
CACHE_PATH = os.environ.get("WARTA_CACHE_PATH", str(PROJECT_ROOT / "cache"))

ARTICLE_PATHS = ["berita"]
PAGE_PATHS = ["halaman"]
STATIC_PATHS = ["images", "extra"]
EXTRA_PATH_METADATA = {
    "extra/robots.txt": {"path": "robots.txt"},
    "extra/favicon.svg": {"path": "favicon.svg"},
}

# Indonesian site, Indonesian dates through Babel (no id_ID locale exists here).
DEFAULT_LANG = "id"
TIMEZONE = "Asia/Jakarta"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"  # never shown: templates format dates with Babel filters
DEFAULT_DATE = None
# Markdown only; the rST reader warns about DEFAULT_LANG = "id".
READERS = {"rst": None, "htm": None, "html": None}

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
DIRECT_TEMPLATES = ["index", "categories", "authors", "archives", "tags", "cari", "404"]
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
LOG_FILTER = [(logging.WARNING, "Feeds generated without SITEURL or FEED_DOMAIN set properly may not be valid")]
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
        "markdown.extensions.extra": {},
        "markdown.extensions.sane_lists": {},
        "markdown.extensions.smarty": {},
    },
    "output_format": "html5",
}
TYPOGRIFY = False  # it injects HTML into titles

JINJA_ENVIRONMENT = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True}
JINJA_FILTERS = jinja_filters.FILTERS
JINJA_GLOBALS = jinja_filters.GLOBALS

# The content cache speeds up rebuilds; invalidate by content, never by mtime
# (CI checkouts give every file the same fresh mtime).
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CHECK_MODIFIED_METHOD = "md5"
CONTENT_CACHING_LAYER = "reader"

DELETE_OUTPUT_DIRECTORY = True
OUTPUT_RETENTION = [".git", "pagefind"]
WITH_FUTURE_DATES = False  # embargo: a future Date: waits for a later build

PLUGIN_PATHS = [str(PROJECT_ROOT / "plugins")]
PLUGINS = ["json_feed"]
JSON_FEED_SAVE_AS = "feed.json"

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
