"""article_cache: every article and page kept as read, from one build to the next.

What it adds to the site: nothing visible; a warm build makes an unchanged
source's Article (or Page) from a snapshot instead of reading it again.

Pelican reads every source on every build. Its readers' cache (the
CONTENT_CACHING_LAYER "reader", which warta keeps) spares the Markdown
conversion but not the rest: the metadata processing, the Article's
construction with its URLs, and the `content_object_init` handlers (the
containment checks of each path, the release defaults read from the source).
At 10,000 releases that is most of what reading costs. Pelican's other layer
("generator") caches whole articles, but pickles them when the cache is saved,
after the plugins enriched them: a snapshot of the build's end, not of the
read.

This plugin gives each articles and pages generator its own cache, in
`CACHE_PATH/article_cache/`: each content is pickled the moment Pelican
stores it after reading (before any plugin changes it), with the build's
settings and shared context left out by name and given back by the build
that loads it (`warta.snapshots`). An entry is used while the source's stamp
(CHECK_MODIFIED_METHOD) is unchanged, and the whole cache while the settings
that shape a content, the plugins' and warta's code and Pelican's and
Markdown's versions are; Pelican's readers' cache stays under it, so a cache
made by other code falls back to converted Markdown, not to a cold read.

Never kept, so read again on every build:
- a content during whose reading anything was reported (a warning, an error,
  a suggestion): every build must say it again;
- a future-dated article (Pelican makes it a draft until its date, an
  embargo the clock lifts, not the source);
- a content that pickle cannot write (a plugin attached a function to it).

Settings: ARTICLE_CACHE_ENABLED (default True; CACHE_CONTENT and
LOAD_CONTENT_CACHE apply as to Pelican's caches: `--ignore-cache` starts
afresh), ARTICLE_CACHE_IGNORED_SETTINGS (settings that shape no content as
read: the output and cache folders, search, `invoke check`'s switch).
"""

from .plugin import register

__all__ = ["register"]
