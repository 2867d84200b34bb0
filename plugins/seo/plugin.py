"""seo: writes `sitemap.xml`, `news-sitemap.xml` and `robots.txt`, and gives each
article `content_location` (schema.org places from its regions) for the JSON-LD.

- `sitemap.xml`: the home page, every article and page, the rubrik, tag and
  author pages, the archives, and every other page a generator wrote (region
  and official pages, an outside plugin's): the files are written at
  `finalized`, once every generator has written its pages.
  First pages of listings only (`/halaman/N/` pages are reached by links);
  drafts and the search page are left out (SEO_EXCLUDE). Only *listed*
  contents (warta.published): a hidden article or page is written, so its
  page is on disk, but it is in no sitemap. `lastmod` is RFC 3339: an
  article's `Modified:` or `Date:`, a listing's newest article; pages found
  only on disk get no `lastmod`.
- `news-sitemap.xml`: Google News sitemap of the listed articles published in
  the two days before the build (SEO_NOW overrides "now", for tests and
  rebuilds). Not written at all when there is none: a sitemap's `urlset`
  must hold at least one `url` (sitemaps.org schema).
- `robots.txt`: allows everything but SEO_ROBOTS_DISALLOW, names the sitemaps
  that were written.

Sitemaps need absolute URLs: they use SEO_SITEURL, else SITEURL when it is
absolute (the public build), else SEO_LOCAL_SITEURL (the `invoke serve`
address, for development builds that have no public address).

`article.content_location` is set in `all_generators_finalized`, after the
regions stage has filled `article.enrichment.regions`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import time
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

from pelican import signals
from pelican.generators import ArticlesGenerator, Generator

from warta.contents import every_content
from warta.enrichment import enrichment_of
from warta.findings import Finding, report
from warta.paths import listed_folders, own_output, shared_listing, wrote_own_file
from warta.published import LISTED_STATUSES, check_only, is_listed, is_written, listed

from .documents import (
    NEWS_WINDOW,
    NewsEntry,
    PageEntry,
    absolute,
    content_location,
    news_sitemap_xml,
    recent_news,
    robots_txt,
    sitemap_xml,
)

logger = logging.getLogger(__name__)

DEFAULTS = {
    "SEO_SITEURL": None,
    "SEO_LOCAL_SITEURL": "http://127.0.0.1:8000",
    "SEO_SITEMAP_SAVE_AS": "sitemap.xml",
    "SEO_NEWS_SITEMAP_SAVE_AS": "news-sitemap.xml",
    "SEO_ROBOTS_SAVE_AS": "robots.txt",
    "SEO_ROBOTS_DISALLOW": ["/draf/"],
    "SEO_EXCLUDE": ["draf/", "cari/"],
    "SEO_NEWS_PUBLICATION": None,  # None: SITENAME
    "SEO_NOW": None,  # ISO 8601 date-time; None: the build's clock
}
SAVE_AS_KEYS = ("SEO_SITEMAP_SAVE_AS", "SEO_NEWS_SITEMAP_SAVE_AS", "SEO_ROBOTS_SAVE_AS")


def setting(settings: dict, key: str):
    return settings.get(key, DEFAULTS[key])


def base_url(settings: dict) -> str:
    explicit = setting(settings, "SEO_SITEURL")
    if explicit:
        return str(explicit).rstrip("/")
    siteurl = settings.get("SITEURL") or ""
    if re.match(r"^https?://", siteurl):
        return siteurl.rstrip("/")
    return str(setting(settings, "SEO_LOCAL_SITEURL")).rstrip("/")


def build_time(settings: dict) -> dt.datetime | None:
    zone = ZoneInfo(settings.get("TIMEZONE") or "UTC")
    raw = setting(settings, "SEO_NOW")
    if raw is None:
        return dt.datetime.now(zone)
    try:
        moment = dt.datetime.fromisoformat(str(raw))
    except ValueError:
        message = f"pelicanconf.py: seo: SEO_NOW is not an ISO 8601 date-time: '{raw}'"
        report(logger, Finding("", None, "error", message, "e.g. '2024-11-18T12:00:00+07:00'"))
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def changed(content) -> dt.datetime:
    return getattr(content, "modified", None) or content.date


def newest(articles) -> dt.datetime | None:
    return max((changed(article) for article in articles), default=None)


def pagination_patterns(settings: dict) -> list[re.Pattern]:
    """Output paths of pages 2, 3, … of listings, from PAGINATION_PATTERNS."""
    patterns = []
    for minimum, url, _save_as in settings.get("PAGINATION_PATTERNS", ()):
        if minimum <= 1:
            continue
        regex = re.escape(url)
        regex = regex.replace(r"\{base_name\}/", "(?:.*/)?").replace(r"\{number\}", r"\d+")
        regex = re.sub(r"\\\{\w+\\\}", ".*", regex)
        patterns.append(re.compile(f"^{regex}$"))
    return patterns


def index_folders(top: str) -> list[str]:
    """Site-relative URLs ("" for `top` itself, else "a/b/") of the folders
    below `top` that hold an index.html, as `os.walk` finds them (symlinked
    folders named, not entered; an unreadable folder skipped:
    `warta.paths.listed_folders`)."""
    return [prefix for _, prefix, files in listed_folders(top) if "index.html" in files]


class _RobotsMeta(HTMLParser):
    """The content of a page's `<meta name="robots">` tags, read up to <body>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.directives: list[str] = []
        self.in_body = False

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "body":
            self.in_body = True
        elif tag == "meta":
            values = {name: value or "" for name, value in attrs}
            if values.get("name", "").strip().lower() == "robots":
                self.directives.append(values.get("content", "").lower())


def asks_not_to_be_indexed(page: str) -> bool:
    """Whether a page another plugin wrote says `<meta name="robots"
    content="noindex">` (a CMS page, a subsite's admin page, a draft
    preview): a sitemap lists only pages for search engines."""
    try:
        with open(page, "rb") as handle:
            head = handle.read(65536).decode("utf-8", "replace")
    except OSError:
        return False
    # A `name` the parser reads as "robots" is written so in some case, or
    # with a numeric character reference (no named one stands for a letter):
    # the hundreds of pages with neither are not parsed.
    if "robots" not in head.lower() and "&#" not in head:
        return False
    reader = _RobotsMeta()
    for line in head.splitlines(keepends=True):
        reader.feed(line)
        if reader.in_body:
            break
    return any(
        "noindex" in directive or "none" in directive.split(",")
        for directive in (d.replace(" ", "") for d in reader.directives)
    )


class SeoGenerator(Generator):
    """Writes the sitemaps and robots.txt once every generator has written its pages."""

    def generate_context(self):
        # Before any generator writes: a file of ours written after this was
        # written by another plugin in this build (`_write`).
        self.started = time.time()
        for key, value in DEFAULTS.items():
            self.settings.setdefault(key, value)
        for key in SAVE_AS_KEYS:
            save_as = setting(self.settings, key)
            if save_as:
                own_output(self.context, save_as, f"the seo plugin ({key})")

    def _write(self, key: str, save_as: str, text: str) -> None:
        """Write `text` at `save_as`, the value of the setting `key`."""
        path = os.path.join(self.output_path, save_as)
        own = self._static_source(save_as)
        if own:
            # The newsroom's own file (content/extra/robots.txt through
            # EXTRA_PATH_METADATA) is the site's: kept, and said once.
            report(
                logger,
                Finding(
                    own,
                    None,
                    "suggestion",
                    f"published as {save_as}: the seo plugin's {save_as} is not written",
                    "write the Sitemap: lines into it yourself, or delete it to get "
                    "the generated one"
                    if save_as.endswith("robots.txt")
                    else "delete it to get the generated one",
                ),
            )
            return
        with contextlib.suppress(OSError):
            if os.path.getmtime(path) >= getattr(self, "started", float("inf")):
                # pelican-sitemap writes sitemap.xml too: one of the two was
                # silently lost.
                report(
                    logger,
                    Finding(
                        "",
                        None,
                        "warning",
                        f"seo: {save_as} was written by another plugin in this build; "
                        "warta's replaces it",
                        "take one of the two out of PLUGINS (or set SEO_SITEMAP_SAVE_AS, "
                        "SEO_ROBOTS_SAVE_AS to another name)",
                    ),
                )
        os.makedirs(os.path.dirname(path) or self.output_path, exist_ok=True)
        data = text.encode("utf-8")
        with open(path, "wb") as handle:
            handle.write(data)
        logger.info("Writing %s", path)
        # A `finalized` receiver after ours (pelican-sitemap's) may write over
        # it: said when the run ends (`warta.build`).
        wrote_own_file(
            path,
            data,
            save_as,
            "seo",
            f'keep one of the two: take the other plugin out of PLUGINS, or set {key} = "" '
            f"to leave {save_as} to it",
        )

    def _static_source(self, save_as: str) -> str:
        """The content file the static generator publishes at `save_as`, or ""."""
        for static in self.context.get("staticfiles") or ():
            if str(getattr(static, "save_as", "")) == save_as:
                return str(getattr(static, "relative_source_path", "") or save_as)
        return ""

    def _known_pages(self) -> list[tuple[str, dt.datetime | None]]:
        """(site-relative URL, lastmod) of every page Pelican's own generators write."""
        context = self.context
        # Each article is in a rubrik, its tags, its author and three archives:
        # whether it is listed, and when it last changed, is asked once, not
        # at each of those lists.
        said: dict[int, dt.datetime] = {}  # id → when it changed, for a listed one
        asked: set[int] = set()  # the ids asked, listed or not (`held` keeps them alive)
        held: list = []

        def listed_of(contents) -> list:
            return [content for content in contents if changed_if_listed(content) is not None]

        def changed_if_listed(content):
            key = id(content)
            if key not in asked:
                asked.add(key)
                held.append(content)
                if is_listed(content):
                    said[key] = changed(content)
            return said.get(key)

        def newest_listed(contents) -> dt.datetime | None:
            # `newest(listed_of(contents))`, of the values kept (a date is
            # never false); the look-ups in C once every content was asked
            if not asked.issuperset(map(id, contents)):
                for content in contents:
                    changed_if_listed(content)
            return max(filter(None, map(said.get, map(id, contents))), default=None)

        articles = listed_of(context.get("articles", []))
        site_newest = newest(articles)
        found: list[tuple[str, dt.datetime | None]] = [("", site_newest)]
        for name in self.settings.get("DIRECT_TEMPLATES", ()):
            if name in ("index", "404") or not self.settings.get(f"{name.upper()}_SAVE_AS", True):
                continue
            found.append((self.settings.get(f"{name.upper()}_URL", f"{name}/"), site_newest))
        found += [(article.url, changed(article)) for article in articles]
        for page in listed(context.get("pages", [])):
            found.append((page.url, getattr(page, "modified", None) or getattr(page, "date", None)))
        for key in ("categories", "tags", "authors"):
            for term, term_articles in context.get(key, []):
                found.append((term.url, newest_listed(term_articles)))
        for archives in (context.get("period_archives") or {}).values():
            for archive in archives:
                found.append((archive["url"], newest_listed(archive["articles"])))
        return found

    def _unlisted_urls(self) -> set[str]:
        """URLs of the contents the build writes but lists nowhere (hidden ones;
        drafts in a development build): their pages are on disk, not in a sitemap."""
        contents = (self.context.get("generated_content") or {}).values()
        # (not `is_listed`: of a written content, whether its status is listed)
        return {
            content.url
            for content in contents
            if hasattr(content, "status")
            and content.status not in LISTED_STATUSES
            and is_written(content)
        }

    def _pages_on_disk(self) -> list[str]:
        """Site-relative URLs of the index.html pages already written (plugin
        pages): from the listing of the output the images plugin took at
        `finalized` when nothing that may write into it ran since
        (`warta.paths.shared_listing`), else listed here."""
        listing = shared_listing(
            self.output_path, self.settings, signals.finalized, write_waiting_files
        )
        if listing is None:
            logger.info("seo: the output listed for the sitemap")
            return sorted(index_folders(self.output_path))
        logger.info("seo: the sitemap's pages on disk from the images plugin's listing")
        return sorted(prefix for _, prefix, files in listing if "index.html" in files)

    def _included(self, url: str, patterns: list[re.Pattern] | None = None) -> bool:
        # (one `startswith` of the prefixes: asked of every page's URL)
        if url.startswith(tuple(setting(self.settings, "SEO_EXCLUDE"))):
            return False
        if patterns is None:
            patterns = pagination_patterns(self.settings)
        return not any(pattern.match(url) for pattern in patterns)

    def generate_output(self, writer):
        global _waiting
        if check_only(self.settings):
            build_time(self.settings)  # its setting's error; `invoke check` writes no file
            return
        # Written at `finalized`, once every generator has written its pages:
        # one an outside plugin adds after this one in PLUGINS (its
        # "statistik/" page) was missing from the sitemap.
        _waiting = self

    def write_files(self) -> None:
        """The sitemaps and robots.txt, from the context and the pages on disk."""
        base = base_url(self.settings)
        sitemap_as = setting(self.settings, "SEO_SITEMAP_SAVE_AS")
        news_as = setting(self.settings, "SEO_NEWS_SITEMAP_SAVE_AS")
        robots_as = setting(self.settings, "SEO_ROBOTS_SAVE_AS")
        if sitemap_as:
            unlisted = self._unlisted_urls()
            patterns = pagination_patterns(self.settings)  # (made once, not per URL)
            known = [
                (url, lastmod)
                for url, lastmod in self._known_pages()
                if self._included(url, patterns) and url not in unlisted
            ]
            known_urls = {url for url, _ in known}
            extra = [
                url
                for url in self._pages_on_disk()
                if url not in known_urls
                and url not in unlisted
                and self._included(url, patterns)
                and not asks_not_to_be_indexed(os.path.join(self.output_path, url, "index.html"))
            ]
            entries = [PageEntry(absolute(base, url), lastmod) for url, lastmod in known]
            entries += [PageEntry(absolute(base, url)) for url in extra]
            self._write("SEO_SITEMAP_SAVE_AS", sitemap_as, sitemap_xml(entries))
        now = build_time(self.settings)
        news = []
        if news_as and now is not None:
            # (only the articles of the window made into entries: `recent_news`
            # keeps the same ones)
            since = now - NEWS_WINDOW
            news = recent_news(
                (
                    NewsEntry(absolute(base, article.url), str(article.title), article.date)
                    for article in listed(
                        [a for a in self.context.get("articles", []) if since <= a.date <= now]
                    )
                ),
                now,
            )
        if news:
            publication = (
                setting(self.settings, "SEO_NEWS_PUBLICATION") or self.settings["SITENAME"]
            )
            language = self.settings.get("DEFAULT_LANG", "id")
            self._write(
                "SEO_NEWS_SITEMAP_SAVE_AS",
                news_as,
                news_sitemap_xml(news, publication=publication, language=language),
            )
        elif news_as and not self._static_source(news_as):
            # An empty urlset is invalid; a file left by an earlier build would
            # be stale. (One the newsroom publishes itself is its own.)
            stale = os.path.join(self.output_path, news_as)
            if os.path.isfile(stale):
                os.remove(stale)
            logger.info("seo: no article in the last two days, %s not written", news_as)
        if robots_as:
            written_sitemaps = (sitemap_as, news_as if news else None)
            sitemaps = [absolute(base, path) for path in written_sitemaps if path]
            text = robots_txt(
                sitemaps=sitemaps,
                disallow=setting(self.settings, "SEO_ROBOTS_DISALLOW"),
                site_name=self.settings["SITENAME"],
            )
            self._write("SEO_ROBOTS_SAVE_AS", robots_as, text)


def add_content_location(generators) -> None:
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            for article in every_content(generator, ("articles", "drafts")):
                article.content_location = content_location(enrichment_of(article).regions)


# The generator of the run in progress whose files wait for `finalized`.
_waiting: SeoGenerator | None = None


def write_waiting_files(pelican) -> None:
    global _waiting
    generator, _waiting = _waiting, None
    # (a run that stopped half-way left its generator: not this run's)
    if generator is not None and generator.settings is pelican.settings:
        generator.write_files()


def get_generators(pelican):
    return SeoGenerator


def register():
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(add_content_location)
    signals.finalized.connect(write_waiting_files)
