"""link_check: links between contents that would point readers at unpublished ones.

A published (or hidden) article or page may link to another content with
`[text]({filename}other.md)`. When `other.md` is a draft or embargoed, Pelican
still resolves the link, and the public page then carries the draft's
address, slug included, before the editor has published it. This plugin
reports every such link as a warning (`--strict`, so CI, fails) at its
source line:

    berita/2025/x.md:12: link to an unpublished article: '{filename}draf.md'
    (publish it first, or remove the link)

and, in a build that does not write the target (the public build), removes
the link and keeps its text, so no output names the draft; a text that
shows the draft's address or file (an autolink, `<https://site/…/slug/>`)
becomes "(tautan belum tersedia)". A body so rewritten is announced
(`warta.published.LINKS_REMOVED`): release_defaults makes a summary it
supplied from the lead again, from the lead as published. In the
development build the target has a `/draf/` preview and the link is kept.
A `{tag}x`, `{category}x` or `{author}x` link to a page the build does
not write (no listed release has it) is a warning at its line too, with the
page of the official tag that spelling names (`{tag}IKP`, an alias in
official_tags' vocabulary, which that plugin puts in the generator context,
is '{tag}indeks-kerawanan-pemilu'),
else the nearest existing one. A link is said at the line the page's link
comes from, not at an earlier one showing it as an example in `code`.
Bodies and `Summary:` lines are checked. "Written" and "unpublished" come
from warta.published. An address shown as text without its scheme
(`host.org/berita/x/`) is found by SITEURL's host or, in the development
build (`invoke check`), whose SITEURL is empty, by PUBLIC_SITEURL's
(publishconf.py's SITEURL), as in the public build.
"""

from .plugin import register

__all__ = ["register"]
