"""release_defaults: a release pasted with only a Title, a Date and its text
still builds, with what the site needs supplied and said.

What it adds to the site: for an article whose front matter leaves them out,
- the rubrik: DEFAULT_CATEGORY (Pelican's own default, "Berita" here);
- the address: a Slug made from the title exactly as `invoke new` makes it
  (ASCII, hyphens, at most 80 characters), not Pelican's longer one, so that
  writing it into the file later changes no URL;
- the summary: the lead paragraph without its dateline, cut at a sentence end;
  made again from the lead as published when link_check takes links to
  unpublished contents out of the body (`warta.published.LINKS_REMOVED`);
- the author: the humas of the office the release speaks for (the first one
  its lead names, else its region's: "Humas Bawaslu Kabupaten Ogan Komering
  Ulu", spelled as that office's releases spell it), once the enrichment has
  found the region (`ARTICLES_ENRICHED`), not the site's AUTHOR, which is the
  provincial office's.
And an author page's heading: the name as most of its releases write it
(Pelican shows the first spelling it meets of the names that make the page).
Each supplied value is reported once per article as a suggestion that never
fails a build, carrying a fix (with the comment-thread id the build already
uses) that `invoke check --fix` writes into the file: from then on the address
stays the same when the title is corrected. A summary made from a lead that
gives no good one (shorter than RELEASE_DEFAULTS_SUMMARY_MIN, or cut inside
a sentence or a word because no sentence ends in time: a pasted address, a
lead of one long sentence) is still used, but not frozen into the file; a
suggestion at the lead's line says so and asks for a `Summary:`.

Settings: RELEASE_DEFAULTS_SUMMARY_MAX (characters, default 300),
RELEASE_DEFAULTS_SUMMARY_MIN (default 60).
"""

from __future__ import annotations

import html
import logging
import os
from collections import Counter
from collections.abc import Callable

from pelican import signals
from pelican.contents import Article, Page
from pelican.plugins.signals import signal
from pelican.readers import MarkdownReader
from pelican.urlwrappers import Author

from warta import frontmatter
from warta.contents import every_article, is_articles_generator, set_summary
from warta.enrichment import ARTICLES_ENRICHED, enrichment_of
from warta.findings import Finding, report
from warta.new_article import (
    declared_authors,
    office_code_resolver,
    office_unit,
    region_author,
)
from warta.paths import climbs
from warta.published import LINKS_REMOVED
from warta.regions.configured import load_configured
from warta.regions.dateline import first_paragraph, from_lead
from warta.regions.dateline import place_reader as gazetteer_place_reader
from warta.text import (
    LANG_RE,
    fold,
    markdown_literal,
    preferred_spelling,
    slug_as_meant,
    slug_fault,
    slugify,
    with_references_read,
)

from .lead import LeadSummary, read_lead_summary

logger = logging.getLogger(__name__)

DEFAULTS = {"RELEASE_DEFAULTS_SUMMARY_MAX": 300, "RELEASE_DEFAULTS_SUMMARY_MIN": 60}
SUPPLIED_ATTRIBUTE = "warta_supplied"  # [(front-matter key, value)] on the article
LEAD_SUMMARY_ATTRIBUTE = "warta_lead_summary"  # the LeadSummary the summary was made of


def setting(settings, key):
    return settings.get(key, DEFAULTS[key])


def supply(content) -> None:
    """content_object_init: fill Slug, Category and Summary a release leaves out."""
    if not isinstance(content, (Article, Page)) or not content.source_path:
        return
    # A release another reader reads (an outside plugin's) has no front matter
    # to supply, and `invoke check --fix` must not write one into it.
    if os.path.splitext(content.source_path)[1][1:] not in MarkdownReader.file_extensions:
        return
    declared = frontmatter.read_header(content.source_path).keys()
    slug = str(getattr(content, "slug", "") or "")
    if "slug" in declared and slug_fault(slug) and not climbs(slug):
        # `Slug: Rapat Pleno! <b>` is an error (content_lint) that fails the
        # build; meanwhile the preview shows the page at the address the error
        # suggests, not in a folder named by the markup. A slug or language
        # that climbs out (`../../x`) is left to containment, which refuses
        # the page. One that is a slug by its letters but no folder on every
        # disk (`nul`, 300 letters) is mended the same way.
        mended = slug_as_meant(slug) or slugify(str(getattr(content, "title", "") or ""))
        if mended:
            content.slug = mended
    lang = str(getattr(content, "lang", "") or "")
    if "lang" in declared and not LANG_RE.match(lang) and not climbs(lang):
        # `Lang: {% raw %}` is an error too; meanwhile the page is shown in the
        # site's language, not as a translation in a folder named by the value.
        content.lang = content.settings["DEFAULT_LANG"]
        content.in_default_lang = True
    if not str(getattr(content, "slug", "") or "").strip("-") and "save_as" not in declared:
        # A title of no letter or digit ('🎉🎉🎉 !!!') makes no slug: the page
        # was written at its month's folder (berita/2024/11/index.html), each
        # such release over the last, a page refused as '/index.html'. It is
        # an error (content_lint); meanwhile it has its file's name for address.
        named = slugify(os.path.splitext(os.path.basename(content.source_path))[0])
        if named and getattr(content, "title", None) is not None:
            content.slug = named
    if not isinstance(content, Article):
        return  # a page is the site's own: nothing else supplied
    supplied: list[tuple[str, str]] = []
    if "slug" not in declared and getattr(content, "title", ""):
        slug = slugify(str(content.title))  # its references read (markdown_source)
        if slug:
            content.slug = slug
            supplied.append(("Slug", slug))
    if "category" not in declared and getattr(content, "category", None):
        supplied.append(("Category", str(content.category)))
    if "summary" not in declared:
        summary = summary_of(content)
        # A lead shorter than a summary should be, or cut inside a sentence, is
        # used, but not frozen into the file (`summary_problem` says so).
        if summary and summary_problem(content) is None:
            supplied.append(("Summary", summary))
    setattr(content, SUPPLIED_ATTRIBUTE, supplied)
    content.warta_declared = declared


def summary_of(content) -> str:
    """The summary of the article's lead paragraph as its body stands now
    (`lead_summary`), set as its summary (escaped: it is plain text); "" and
    nothing set when the lead gives none."""
    made = read_lead_summary(
        getattr(content, "_content", "") or "",
        setting(content.settings, "RELEASE_DEFAULTS_SUMMARY_MAX"),
        setting(content.settings, "RELEASE_DEFAULTS_SUMMARY_MIN"),
        place_reader(content.settings),
        str(getattr(content, "title", "") or ""),
    )
    setattr(content, LEAD_SUMMARY_ATTRIBUTE, made)
    if made.text:
        set_summary(content, html.escape(made.text, quote=False))
    return made.text


def summary_problem(content) -> tuple[str, str] | None:
    """(message, suggestion) when the summary made from the lead (`summary_of`,
    as it stands now) is shorter than RELEASE_DEFAULTS_SUMMARY_MIN or was cut
    inside a sentence or a word; None for a good one, or none made."""
    made: LeadSummary | None = getattr(content, LEAD_SUMMARY_ATTRIBUTE, None)
    if made is None or not made.text:
        return None
    low = setting(content.settings, "RELEASE_DEFAULTS_SUMMARY_MIN")
    high = setting(content.settings, "RELEASE_DEFAULTS_SUMMARY_MAX")
    short = len(made.text) < low
    if not short and made.cut is None:
        return None
    how = [f"{len(made.text)} characters long"] if short else []
    if made.cut is not None:
        how.append(f"cut inside a {made.cut}")
    return (
        f"summary made from the lead paragraph is {' and '.join(how)}: '{made.text}'",
        f"write a Summary: line of {low} to {high} characters that says what happened",
    )


def lead_line(text: str, lead: str) -> int | None:
    """1-based line of the lead paragraph in a release's text: the first
    body line holding its first words (markup, references and case aside),
    else the body's first line with text."""
    document = frontmatter.parse(text)
    needle = " ".join(fold(lead).split()[:4])
    if needle:
        for number, line in document.body:
            if needle in fold(with_references_read(line)):
                return number
    first = document.first_body_line
    return first[0] if first else None


def summary_again(content) -> None:
    """LINKS_REMOVED (link_check took links to unwritten contents out of the
    body: the public build): a summary supplied from the lead is made again
    from the lead as published, so no address, slug or link text of an
    unpublished release reaches the page's description, the listings or the
    feeds."""
    if getattr(content, SUPPLIED_ATTRIBUTE, None) is None or "summary" in getattr(
        content, "warta_declared", ("summary",)
    ):
        return
    if not summary_of(content) and "summary" in content.metadata:
        # The lead was the link alone: Pelican's own summary, of the body as published.
        set_summary(content, None)


def supply_author(generator) -> None:
    """ARTICLES_ENRICHED (regions known; Pelican's authors not built yet): a
    release without Author: is credited to the humas of the office it speaks
    for, spelled as that office's other releases spell it, as `invoke new` and
    the CMS write it. That office is the first one its lead names ("Bawaslu
    Provinsi Sumatera Selatan menggelar …" datelined PALEMBANG is the
    province's, "Bawaslu Musi Rawas …" in Lubuklinggau is Musi Rawas's; the
    region is that office's area then too: `dateline.read_lead`), else
    that of its first region. None outside the home province (no office of
    ours), and the province's is the site's AUTHOR already."""
    settings = generator.settings
    missing = [
        article
        for article in every_article(generator)
        if getattr(article, SUPPLIED_ATTRIBUTE, None) is not None
        and not {"author", "authors"} & set(getattr(article, "warta_declared", ()))
    ]
    if not missing:
        return
    gazetteer, _ = load_configured(settings)
    if gazetteer is None:
        return  # the regions plugin reports why
    home = settings.get("REGIONS_HOME_PROVINCE")
    authors = declared_authors(every_article(generator))
    code_of = office_code_resolver(gazetteer, home)
    for article in missing:
        unit = office_spoken_for(gazetteer, article, home)
        if unit is None or office_unit(gazetteer.lineage(unit.code)).level == "provinsi":
            continue  # no office named, or the province's: the site's AUTHOR
        name = region_author(gazetteer, unit, authors, code_of, home)  # "" outside home
        if not name or name == settings.get("AUTHOR"):
            continue
        article.author = Author(name, settings)
        article.authors = [article.author]
        getattr(article, SUPPLIED_ATTRIBUTE).append(("Author", name))


def name_author_pages(generator) -> None:
    """article_generator_finalized: an author page shows the name as most of
    its releases write it, a properly cased spelling before one all in
    capitals (`preferred_spelling`). Pelican names the page after
    whichever spelling of its slug it met first ("Rína Marlina" for releases
    written "Rina Marlina", "RINA MARLINA" and "Rína Marlina"); content_lint
    asks each release for the spelling the page shows. A release keeps its own
    byline."""
    if not is_articles_generator(generator):
        return
    settings = generator.settings
    authors = generator.authors  # the list in the context too: changed in place
    for index, (author, articles) in enumerate(authors):
        counts = Counter(
            " ".join(str(other.name).split())
            for article in articles
            for other in getattr(article, "authors", ())
            if other.slug == author.slug
        )
        if not counts:
            continue
        heading = preferred_spelling(counts)
        if heading != author.name:
            page = Author(heading, settings)
            page.slug = author.slug  # the address stays the one Pelican made
            authors[index] = (page, articles)


def place_reader(settings) -> Callable[[str], bool] | None:
    """Whether a dateline's words name a place of the gazetteer (None without
    the regions plugin's data): "Ogan Komering Ulu Selatan" does, "Rudi
    Hartono Saputra" does not."""
    gazetteer, _ = load_configured(settings)
    if gazetteer is None:
        return None
    home = settings.get("REGIONS_HOME_PROVINCE")
    return gazetteer_place_reader(gazetteer, home)


def office_spoken_for(gazetteer, article, home: str | None):
    """The unit of the first office the lead names, else the first region's."""
    lead_html = getattr(article, "_content", "") or ""
    paragraph = first_paragraph(
        lead_html, gazetteer_place_reader(gazetteer, home), str(getattr(article, "title", ""))
    )
    lead = from_lead(gazetteer, paragraph, home)
    if lead is not None:
        return lead.unit
    regions = enrichment_of(article).regions
    return gazetteer[regions[0].code] if regions and regions[0].code in gazetteer else None


def address_key(article) -> tuple:
    """What makes an article's address: its month, slug and language."""
    date = getattr(article, "date", None)
    month = f"{date:%Y-%m}" if date else ""
    return (month, str(getattr(article, "slug", "")), str(getattr(article, "lang", "")))


def announce(generators) -> None:
    """all_generators_finalized (the comments plugin has set thread ids by then):
    one suggestion per article that had values supplied, with the fix that
    `invoke check --fix` writes."""
    articles = [a for g in generators if is_articles_generator(g) for a in every_article(g)]
    # Two releases with one headline in one month get one address: content_lint
    # says so; `--fix` must not freeze that address into both files. (Counted
    # only when a Slug was supplied at all: most builds supply none.)
    slugs_supplied = any(
        key == "Slug" for a in articles for key, _ in getattr(a, SUPPLIED_ATTRIBUTE, None) or ()
    )
    addresses = Counter(address_key(a) for a in articles) if slugs_supplied else Counter()
    for article in articles:
        supplied = getattr(article, SUPPLIED_ATTRIBUTE, None)
        if supplied is not None and "summary" not in getattr(article, "warta_declared", {}):
            report_summary(article)
        if not supplied:
            continue
        if addresses[address_key(article)] > 1:
            supplied = [(key, value) for key, value in supplied if key != "Slug"]
            if not supplied:
                continue
        # Summary: is Markdown: written so that it reads back as the text shown.
        fix = [(key, markdown_literal(v) if key == "Summary" else v) for key, v in supplied]
        thread = (enrichment_of(article).comments or {}).get("thread")
        if thread and "thread" not in getattr(article, "warta_declared", {}):
            fix.append(("Thread", thread))  # the id the build already uses, frozen too
        names = ", ".join(
            f"{key} '{value}'" if key != "Summary" else "Summary from the lead paragraph"
            for key, value in supplied
        )
        report(
            logger,
            Finding(
                article.relative_source_path,
                None,
                "suggestion",
                f"supplied {names}",
                "run `invoke check --fix` to write them into the file"
                + (
                    ", so the address stays the same when the title changes"
                    if any(key == "Slug" for key, _ in supplied)
                    else ""
                ),
                tuple(fix),
            ),
        )


def report_summary(article) -> None:
    """The summary made from the lead, when it is no good one (`summary_problem`),
    said at the lead's line."""
    problem = summary_problem(article)
    if problem is None:
        return
    made: LeadSummary = getattr(article, LEAD_SUMMARY_ATTRIBUTE)
    line = lead_line(frontmatter.read_source(article.source_path), made.lead)
    report(logger, Finding(article.relative_source_path, line, "suggestion", *problem))


def register():
    signals.content_object_init.connect(supply)
    signal(ARTICLES_ENRICHED).connect(supply_author)
    signals.article_generator_finalized.connect(name_author_pages)
    signal(LINKS_REMOVED).connect(summary_again)
    signals.all_generators_finalized.connect(announce)
