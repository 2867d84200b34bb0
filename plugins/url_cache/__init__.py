"""url_cache: each article's and page's URL is worked out once per build.

What it adds to the site: nothing visible. Pelican formats `url` and
`save_as` from the URL settings every time a template or plugin asks, and a
site of 10,000 articles asks hundreds of thousands of times (every listing,
feed, sitemap, "baca juga" and breadcrumb). Once every generator has
finished its context, nothing changes an article's slug, date, category or
language any more, so the plugin stores both values in Pelican's own
override attributes (`override_url`, `override_save_as`, the ones a `URL:`
or `Save_as:` metadata line sets), which `Content.get_url_setting` returns
as they are. Before Pelican groups the articles by rubrik, tag and author
(`article_generator_pretaxonomy`), each of their names is slugified once
(`slug_taxonomies`): an article from the content cache brings wrappers of
its own, which Pelican slugified one by one. No settings.
"""

from .plugin import register

__all__ = ["register"]
