"""article_cache: every article and page kept as read, from one build to the next.

What it adds to the site: nothing visible; a warm build makes an unchanged
source's Article (or Page) from a snapshot instead of reading it again.

Pelican reads every source on every build unless its content cache holds
it. Its "reader" layer keeps the converted Markdown only: the metadata
processing, the Article's construction with its URLs and the
`content_object_init` handlers (the containment checks of each path, the
release defaults read from the source) still run for every source, and the
whole cache is unpickled, gzipped and pickled again on every build. Its
"generator" layer keeps whole articles, but pickles them when the cache is
saved, after the plugins enriched them: a snapshot of the build's end, not of
the read (a link a plugin removed would stay removed).

This plugin replaces the content cache of each articles and pages generator
(Pelican's `get_cached_data`, `cache_data` and `save_cache` on the generator,
which `generate_context` calls; `has_cached_data` is added for a plugin that
only asks whether a source is held: parallel_markdown) with a snapshot store in
`CACHE_PATH/article_cache/`: each content is pickled the moment Pelican stores
it after reading, before any plugin changes it, with the build's settings and
shared context left out by name and given back by the build that loads it
(`warta.snapshots`). Only the snapshots a build uses are unpickled. An entry
is used while the source's stamp (CHECK_MODIFIED_METHOD) is unchanged, and the
whole store while the settings that shape a content (a function the settings
file gives a Markdown extension by its code, with the files of the site's
modules it may call), the plugins' and warta's code and Pelican's and
Markdown's versions are; anything else is read afresh
(on a cold build, on every core: parallel_markdown). A source's stamp is the
digest of its bytes; a source that had last changed two seconds or more
before it was read keeps its digests in `stamps.pickle` beside the store, and
is not read and hashed again while it has the same device, inode, size,
modification and status change times (`warta.snapshots.recall_stamps`: any
write sets the last, no `touch -d` does). Pelican's readers'
cache is retired (never asked, never saved, its file removed): it would be a
second copy of every body, loaded and saved again on every build. Keep
CONTENT_CACHING_LAYER = "reader": with "generator", Pelican warns that its
cache keeps future-dated articles as drafts, which this one never does.

Never kept, so read again on every build:
- a content during whose reading anything was reported (a warning, an error,
  a suggestion): every build must say it again;
- a future-dated article (Pelican makes it a draft until its date, an
  embargo the clock lifts, not the source);
- a content with a take-down date (`Kedaluwarsa:`: a draft from that time,
  `warta.published.hold_taken_down`, which the clock decides, not the source);
- a content that pickle cannot write (a plugin attached a function to it).

For outside plugins: `content_object_init` fires for every content on every
build, as with Pelican's readers' cache. While a source is read, the content's
state just before the first outside receiver (one of no module of warta
or of the plugins it ships, `warta.plugin_order.SHIPPED`; a third party's
plugin copied into plugins/ is an outside one) is noted, a deep copy but for the build's
settings and context, and the snapshot is made of it (with what Pelican sets
after the signal): it holds warta's handlers' work, never an outside
plugin's, also one changed in place (an author appended to the list the
metadata holds too). The copy costs about 50 µs an article read, only while an
outside receiver is connected. A content taken from the store is sent to the receivers from
that first outside one on, in connection order, with the content as sender and
nothing else, as `Content.__init__` sends it; warta's own before it are not
called again. It is sent once per build, when `get_cached_data` first gives it
(asked again, it gives the same content and sends nothing); `has_cached_data`
sends nothing. An outside handler thus always finds the content as read (one
that adds to the body adds once), and what it sets reaches the pages (the
writer digests each article's state). A handler that raises on a stored
content makes Pelican read the source, and that read raises the same failure
after warta's handlers: Pelican reports it and skips the source as for any
read, the outside handlers before the one that raised having seen the content
once, and the next build reads the source afresh. With no outside receiver
connected nothing is noted and a content costs one comparison.

`article_generator_preread` and `article_generator_context` (`page_generator_*`
for pages) fire for every source on every build too, as under Pelican's
readers' cache, whose `read_file` sends both for every source: a content taken
from the store is sent both, to the receivers from the first outside one on,
the context signal with a copy of the metadata its read sent (noted before the
first outside receiver and after the last, kept with the snapshot, only while
an outside receiver of that signal is connected). When they leave it other
than at that read (an embargo list read from a file), the snapshot is not
used: Pelican reads the source, and its read gives the metadata what they
made of it without sending them either signal again (`OutsideReading`).

The theme's templates are kept compiled too: each generator's Jinja
environment takes them from `CACHE_PATH/templates/` (Jinja's bytecode cache,
`warta.templatecache`) while the template's source, this store's key and the
environment's filters, tests and options are as when it was compiled
(`tests/test_template_cache.py`); an environment with an extension, or a
filter of code the key does not cover, compiles as before.

A cache that cannot be loaded never stops the build: the store starts afresh
(an info line names the file). Pelican's own content cache exists only after
a build this plugin did not take over (turned off, DEFAULT_DATE = "fs", or
settings without a stable digest, such as an outside plugin's helper object);
Pelican loads it when it makes its generators, and a class it cannot find
there (that plugin since removed) or a cut-off file would stop the build, so
the file is loaded first at `get_generators` and removed when it cannot be
(an info line naming it). That costs a second load only while Pelican's
cache is in use.

Pelican's `process_translations`, which every articles and pages generator
calls once per build, scans the list of originals once per content
(quadratic: 0.8 s at 10,000 articles); the plugin hands it one group of
translations (one slug) at a time instead, with the same lists and warnings
(`process_translations`). Likewise Pelican 4.12's tag, category and author
pages: for each of them Pelican scans every article of the site for those
among the page's articles (their `dates`); the plugin finds them in one pass
over the site's articles per kind of page and writes the same pages with the
same arguments (`quicker_archives`; Pelican's own methods under another
Pelican version, for a generator class with its own, for a method an outside
plugin set on the generator itself, and Pelican's own scan for contents with
their own equality).

Settings: ARTICLE_CACHE_ENABLED (default True; CACHE_CONTENT and
LOAD_CONTENT_CACHE apply as to Pelican's caches: `--ignore-cache` starts
afresh), ARTICLE_CACHE_IGNORED_SETTINGS (settings that shape no content as
read, left out of the store's key: the output and cache folders, whether
caches are used, search, `invoke check`'s switch; every `*_WORKERS` setting
is left out too).
"""

from .plugin import register

__all__ = ["register"]
