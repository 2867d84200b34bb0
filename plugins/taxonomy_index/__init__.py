"""taxonomy_index: tag, category and author lists answer `article in articles` at once.

What it adds to the site: nothing visible. Pelican writes each tag, category
and author page with `dates = [a for a in self.dates if a in articles]`: for
every article of the site, a scan of that page's list. With 10,000 articles
and tags on thousands of them, that is a second or more per build spent in
list scans. Once every generator has finished its context (no plugin adds an
article to a tag after that), this plugin replaces each of those lists by an
`IndexedList`: the same articles in the same order, with membership looked
up in a set. Pelican's period archives (year and month pages) pick each
period's articles the same way, `[a for a in articles if a in dates]`, once
per period: the plugin lets Pelican's method make the archives and fills
their `articles` with one set per period. The pages are byte for byte the
same. No settings.
"""

from .plugin import register

__all__ = ["register"]
