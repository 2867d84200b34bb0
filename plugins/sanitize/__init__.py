"""sanitize: raw HTML in article and page bodies and summaries is cleaned at build time.

Staff write releases in Markdown, which lets raw HTML through. A pasted
`<script>`, an `onerror=` or a `javascript:` link would run on the site and
travel in every feed (Atom `content`/`summary`, feed.json `content_html`) to
every reader and aggregator. The newsroom policy: the published HTML carries
no active content. Each article's and page's body (`_content`) and `Summary:`
are cleaned by nh3 (Rust `ammonia`) with an allowlist (`clean.py`):

- the tags Markdown writes (paragraphs, headings, lists, links, emphasis,
  code, quotes, tables, footnotes, abbreviations, figures, images, `<div>`
  for galleries) and their plain attributes (`class`, `id`, `title`, `href`,
  `src`, `alt`, sizes, table spans, `text-align` in table cells);
- script, style, iframe, object, embed, noscript, template, svg, math, form
  controls and the like are dropped with their content (the warning names
  the words they took: an svg's `<text>`, a `<noscript>`'s text); other
  unknown tags are dropped, their text kept;
- URLs other than http(s), mailto, tel and relative ones (`{filename}` links
  included) go, inline `data:` too: photos are files in content/images;
- HTML comments (editorial notes must not reach the page source), end tags
  with no start (`</script>`, `</div>`), declarations; a CDATA section
  (`<![CDATA[ … ]]>`, a comment to HTML) becomes the text it holds;
- a comment never closed (`<!-- catatan internal: …` without `-->`), which
  Markdown writes as text (shown on the page, in the feeds and the search
  index) or, in a raw HTML block, leaves as markup that takes the rest of
  the release with it: taken out up to the end of its block;
- the comments in the front matter's values the site shows as plain text
  (`Title:`, `Author:`, `Tags:`, `Category:`, `Region:`, the photo's texts,
  `Koreksi:`, `Ralat:`: `warta.markdown_source.TEXT_KEYS`) are taken out by
  the Markdown reader (`warta.markdown_source.without_comments`), before
  Pelican makes the author, tag and category pages of them; it names the
  keys in the metadata (`COMMENTED_KEY`), and this plugin warns of each
  comment at its key's line, read again from the source (a warm build's
  cached metadata names them too). A value of another reader (an outside
  plugin's) still has its comments taken out here (`TEXT_FIELDS`);
- a dropped element not closed in its block (`BACA JUGA: "'><svg onload=…>
  tautan`) would take the rest of the paragraph, or of the release, with it:
  its start tag alone goes, the text after it stays.

Every removal is a warning (`--strict` fails), at the source line, quoting
what was removed as the file has it (`href="jav&#x09;ascript:…"`, or a
Markdown link's address); one the file spells otherwise is said so, without
a line:

    berita/2025/x.md:14: raw HTML removed from the published text: '<script>'
    (write the release in Markdown; ask the web team to embed media)

A Markdown link's refused address is said as such (`[x](javascript:…)`:
"link address removed …", "use an https:// address"). An image whose src is
refused (`![Aula](javascript:…)`, `<img src="data:…">`, one in a <picture>)
is left out whole,
its alt text kept as text: an <img> without its src is a broken image.

A body photo named by a path on the writer's own computer that the cleaning
would strip of its src (`![…](C:\\Users\\…)`, `![…](file:///…)`) is no raw HTML:
the whole `<img>` is left out, with the images plugin's error for such a path
("image is a path on the writer's own computer", at its line) instead of the
warning above.

Runs in `article_generator_finalized`/`page_generator_finalized`, every build
(contents read from the cache too), before the plugins that add their own
markup (images, read_also): keep it early in PLUGINS. No settings.
"""

from .plugin import register

__all__ = ["register"]
