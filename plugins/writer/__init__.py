"""writer: pages are rendered only when their inputs changed, on every core.

What it adds to the site: nothing visible. The output is file for file what a
clean build writes; builds get faster.

- **Incremental.** Every page and feed gets a digest of its inputs: the values
  of the context variables its template (and everything it extends, includes
  and imports) reads, plus a build digest of code, theme, settings (a function
  the settings file defines, such as a Jinja filter, by its code, with the
  files of the site's modules it may call), library versions and
  `WRITER_INPUTS`. A file whose digest matches the last build's stays in the
  output instead of being rendered (`manifest.py`); Pelican's
  content cache already skips re-reading unchanged sources, so an edit to
  one article re-renders that article, the listings and feeds it appears
  in, and the pages that link to it.
- **Cheap digests.** Each article and page is stamped once per build from one
  pickle of its state (`fingerprint.StateStamper`, `plugin.ContentStamps`):
  other articles in it are written as their source file, and a page adds
  the stamps of those it shows; every other value is digested once per
  build and object (per flush while an outside plugin is connected: it may
  change contents between flushes); pages and feeds are digested when they
  are rendered, after the write signals. The state stamps (and the digests
  of bodies with nothing to resolve) are taken by a background process from
  the first page or feed collected, when no content changes any more, while
  the generators collect their pages; the first flush takes what it finished
  and stamps the rest on every core. Not while an outside plugin is
  connected (a receiver of a write signal may change a content): then each
  flush stamps its contents. A warm build describes 2,000 articles in about
  0.3 s.
- **Parallel.** Pages are collected while the generators run and rendered at
  once by forked workers (`warta.parallel`), after every page-writing
  generator that comes before `writer` in PLUGINS: keep it after the plugins
  that write pages, before those that read the output (seo's sitemap).

- **Pelican's Writer contract.** `write_feed` returns the feed (made when the
  caller first uses it); a content's page written again with
  `override_output` (an outside plugin replacing an article's page) replaces
  it; the pages of the articles and pages generators are written when they
  send `article_writer_finalized` / `page_writer_finalized`, so a handler of a
  plugin listed after `writer` finds them on disk (pelican-show-source; one
  listed before it is named in a warning: it would find the last build's); a
  page of a template that is not the theme's gets the bodies of the articles
  it lists in its digest (the theme's lists show summaries), and one whose
  template uses an outside plugin's template code (a tag of its Jinja
  extension, such as pelican-webassets' `{% assets %}`, its filter or test,
  or its Jinja global; not one the settings file defines) renders on every
  build, in Pelican's process and in writing order, as Pelican renders it
  (`plugin.OutsideCode`), as every feed renders while an outside plugin
  listens to `feed_generated` (it may change the feed from anything in the
  build).
  A plugin whose `get_writer` comes first writes the site with its own
  Writer: warned, nothing reused, only what it did not write again removed.
  To let another plugin's Writer write the site, take `writer` out of PLUGINS
  (pages are then rendered on every build).
  The code of plugins installed with pip (`pelican.plugins.x`) is part of the
  build digest, as PLUGIN_PATHS are.
- **One page per address.** Two pages for one file: the second is not
  written, with one error naming both (Pelican stops the build). An article
  or page with its own `Save_as:` never replaces another page, the home page
  included (Pelican lets it); a template with no readable source (an outside
  plugin's `jinja2.Template("…")`) renders on every build.

Settings: WRITER_INCREMENTAL (True), WRITER_WORKERS (0 = every core, 1 = in
Pelican's process), WRITER_INPUTS (files or folders every page depends on;
warta lists data/), WRITER_CACHE_DIR ("writer", under CACHE_PATH),
WRITER_KEYS_PER_WORKER (1000: a flush's page keys are taken on every core
from this many pages a core).

Pure parts: `fingerprint.py` (digests, stamps), `templates.py` (a template's inputs),
`manifest.py` (last build's files). `plugin.py` has the Writer subclass.
"""

from .plugin import register

__all__ = ["register"]
