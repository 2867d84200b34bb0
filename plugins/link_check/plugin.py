"""Signal wiring of link_check (see __init__)."""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import functools
import html
import logging
import os
import posixpath
import re
from collections.abc import Collection, Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markupsafe import Markup, escape
from pelican import signals
from pelican.contents import Article
from pelican.plugins.signals import signal
from pelican.urlwrappers import Author, Category, Tag

from warta import frontmatter
from warta.contents import (
    DRAFT_LISTS,
    contents_of,
    forget_rendered,
    linked_content,
    message_path,
    set_summary,
)
from warta.findings import Finding, report
from warta.paths import (
    ADDRESS_KEYS,
    OUTPUT_OWNERS,
    computer_file,
    local_address,
    normal_address,
    referenced_file,
    site_address,
    site_root,
)
from warta.published import LINKS_REMOVED, READ_ALSO_SAID, is_written, written_contents
from warta.source_checks import SOURCE_SUFFIXES, converted_body, is_source_link
from warta.tags.vocabulary import CONTEXT_KEY as VOCABULARY_CONTEXT_KEY
from warta.tags.vocabulary import Vocabulary

from .links import (
    Link,
    address_words,
    hrefs_in,
    link_line,
    links_in,
    remove_hrefs,
    remove_links,
    replace_text_addresses,
    shows_words,
    taxonomy_links_in,
    text_addresses,
    unrooted,
)

logger = logging.getLogger(__name__)

SUGGESTION = "publish it first, or remove the link"
# Said in the public page instead of a removed link's text when that text is
# the unpublished address itself (an autolink, `<https://…/slug/>`).
NEUTRAL_TEXT = "(tautan belum tersedia)"
# (A link or address of a line read_also has said (`READ_ALSO_SAID`), at
# that line, is not said again here; a line read_also left out of the page
# (`kept` False) is no line a link the page still has comes from.)
Said = Collection[tuple[int | None, str, bool]]


def said_at(said_already: Said, line: int, written: str) -> bool | None:
    """Whether read_also has said the link or address `written` at `line`:
    None when not, else whether that line is kept in the page."""
    shown = html.unescape(written).strip()
    for at, value, kept in said_already:
        if at == line and shown and shown in html.unescape(value):
            return kept
    return None


def placed_past_removed(place, said_already: Said, written: str, after: int) -> int:
    """`place(after)` (a line number, 0 when unknown), past each line
    read_also has left out of the page with that link."""
    line = place(after)
    while line and said_at(said_already, line, written) is False:
        line = place(line)
    return line


def is_draft(content) -> bool:
    """A draft or embargoed content (Pelican makes a future-dated article a draft)."""
    return getattr(content, "status", "published") == "draft"


def is_unpublished(content) -> bool:
    """A draft or embargoed content, or one the build does not write."""
    return is_draft(content) or not is_written(content)


def check_content(
    content,
    generated: dict,
    hidden: dict[str, object] | None = None,
    site_host: str = "",
    site_prefix: str = "",
    shown_host: str = "",
    said_already: Said = (),
    telling: frozenset[str] | None = None,
    local_targets=None,
) -> None:
    """Warn about each link to an unpublished content, at its line, and remove
    it where the target is not written (the public build), in the summary and
    the body: `{filename}` links and, with `hidden` (`unpublished_slugs`),
    links written as an address (`/draf/x/`, `https://site/berita/2099/01/x/`,
    `../x/`), which would tell the unpublished slug. `shown_host`: the host an
    address shown as text without its scheme has (`host.org/x/`), when
    `site_host` is none (the development build: the public site's).
    `said_already`: (line, value, kept) of each link read_also has said at
    its line (`READ_ALSO_SAID`), not said again. `telling`: the words of the
    unpublished addresses (`telling_words`), made once per build by the caller.
    A link to a local preview (`http://127.0.0.1:8000/…`, `local_address`) is
    warned and removed in every build (`_check_local_links`; `local_targets()`:
    address → content, `contents_by_address`)."""
    body = getattr(content, "_content", None)
    _check_local_links(content, local_targets or (lambda: {}), site_prefix, said_already)
    _check_computer_links(content, said_already)
    _check_links(content, generated, hidden, site_host, site_prefix, said_already)
    if hidden:
        _check_text_addresses(
            content,
            hidden,
            site_host,
            site_prefix,
            generated,
            shown_host or site_host,
            said_already,
            telling,
        )
    if getattr(content, "_content", None) != body:
        # What was made of the body as read (a summary from its lead) is made
        # again, once, of the body as published.
        signal(LINKS_REMOVED).send(content)


# Front-matter fields the page shows as plain text, besides the summary: the
# featured image's alt text (its <img>, the cards' thumbnails, og:image:alt,
# search), caption and credit (its <figcaption>), and the `Koreksi:` note
# (its box above the text).
TEXT_FIELDS = ("image-alt", "image-caption", "image-credit", "koreksi")


# The text of the article's n-th correction (`Ralat:`, the corrections plugin's
# `article.corrections`) is the field "ralat n": shown in the "Ralat" box and
# list, the JSON-LD and the JSON Feed.
CORRECTION = "ralat "


def _texts(content) -> dict[str, str]:
    """The content's summary and body, where it has them as text, its
    `TEXT_FIELDS` and the texts of its corrections (`CORRECTION`)."""
    corrections = getattr(content, "corrections", None) or ()
    return {
        field: text
        for field, text in (
            ("summary", content.metadata.get("summary")),
            ("body", getattr(content, "_content", None)),
            *((field, content.metadata.get(field)) for field in TEXT_FIELDS),
            *((f"{CORRECTION}{n}", getattr(c, "text", None)) for n, c in enumerate(corrections)),
        )
        if isinstance(text, str)
    }


def _is_plain(field: str) -> bool:
    """A field of plain text, escaped by the theme (`<…>` in it is shown)."""
    return field in TEXT_FIELDS or field.startswith(CORRECTION)


def _set_correction(content, field: str, text: str) -> None:
    """Give the content's correction (`CORRECTION` field) a rewritten text,
    wherever the corrections plugin has put it."""
    corrections = list(content.corrections)
    number = int(field.removeprefix(CORRECTION))
    corrections[number] = dataclasses.replace(corrections[number], text=text)
    content.corrections = corrections
    content.corrections_ld = [c.as_json_ld() for c in corrections]
    enrichment = getattr(content, "enrichment", None)
    if getattr(enrichment, "corrections", None) is not None:
        enrichment.corrections = tuple(c.as_data() for c in corrections)


def _set_field(content, field: str, text: str) -> None:
    """Give the content a rewritten `TEXT_FIELDS` value, wherever the build
    has put it by now: the metadata, the attribute the theme reads
    (`article['image-caption']`) and, of the alt text, the featured image's
    <picture> and its description in the enrichment (the images plugin has
    made them)."""
    old = content.metadata.get(field)
    content.metadata[field] = text
    setattr(content, field, text)
    if field != "image-alt" or not isinstance(old, str):
        return
    image_html = getattr(content, "image_html", None)
    if isinstance(image_html, str):
        written = f'alt="{escape(old.strip())}"'
        content.image_html = Markup(
            str(image_html).replace(written, f'alt="{escape(text.strip())}"')
        )
    image = getattr(getattr(content, "enrichment", None), "image", None)
    if isinstance(image, dict) and image.get("alt") == old.strip():
        image["alt"] = text.strip()


def _set_text(content, field: str, text: str) -> None:
    """Give the content a rewritten summary, body or other text (its type kept)."""
    if field in TEXT_FIELDS:
        _set_field(content, field, text)
        return
    if field.startswith(CORRECTION):
        _set_correction(content, field, text)
        return
    if field == "summary":
        set_summary(content, text)
        return
    content._content = text


def _hidden_target(address: str | None, hidden: dict):
    """The unpublished content at a site address (`site_address`), else None;
    a file in its folder (`…/<slug>/og.png`, `…/<slug>/feed.xml`) tells its
    slug as well."""
    if address is None:
        return None
    in_folder = "." in posixpath.basename(address)  # a file, not a page
    for candidate in (address, posixpath.dirname(address) if in_folder else ""):
        if not candidate:
            continue
        if candidate in hidden:
            return hidden[candidate]
        if (found := hidden.get(candidate.casefold())) is not None:
            return found
    return None


def _text_target(content, address: str, hidden: dict, site_host: str, site_prefix: str):
    """The unpublished content an address shown as text leads to, else None:
    one written without its scheme (`host.org/x/`) is the site's, a
    site-relative one (`/berita/x/`) is read as it is, and one without its
    first "/" (`berita/x/`, `unrooted`) as if it had it."""
    if re.match(r"(?:https?:)?/", address, re.I):
        full = address
    else:
        full = f"/{address}" if unrooted(address) else f"//{address}"
    # (a local preview's address is the site's, as the preview shows it)
    host = "" if local_address(full) else site_host
    return _hidden_target(site_address(full, host, content.url, site_prefix), hidden)


def _href_target(content, href: str, generated, hidden: dict, site_host: str, site_prefix: str):
    """The unpublished content a link's href leads to, else None: a
    `{filename}` one as Pelican finds it, any other by its address."""
    intrasite = re.match(r"\{filename\}|\|filename\|", href)
    if intrasite:
        target = linked_content(content, href[intrasite.end() :], generated or {})
        return target if target is not None and is_unpublished(target) else None
    return _hidden_target(site_address(href, site_host, content.url, site_prefix), hidden)


def _check_text_addresses(
    content,
    hidden: dict,
    site_host: str,
    site_prefix: str,
    generated: dict | None = None,
    shown_host: str = "",
    said_already: Said = (),
    telling: frozenset[str] | None = None,
) -> None:
    """An unpublished content's address shown as text, not as a link (a summary
    made from a lead's autolink by `invoke check --fix`, an address pasted as
    text): warned at its line like a link, and shown as NEUTRAL_TEXT where the
    target is not written (the public build), as an autolink's text is. A
    link's text that leads where the link does (`[https://site/x/](/x/)`) is
    said with the link (`_check_links`), not again."""

    def same(address: str, href: str) -> bool:
        target = _text_target(content, address, hidden, site_host, site_prefix)
        return target is not None and target is _href_target(
            content, href.strip(), generated, hidden, site_host, site_prefix
        )

    said: dict[tuple[str, str], int] = {}  # (field, address) → its last line
    warned: set[tuple[str, int | None]] = set()
    source = None
    first_lines: dict[str, int] = {}  # field → the first line it is written on
    if telling is None:
        telling = telling_words(hidden, content.settings, site_prefix)
    for field, value in _texts(content).items():
        # Most texts name no unpublished content at all: no scan for addresses.
        shown = unquote(html.unescape(value)).casefold()
        if not any(word in shown for word in telling):
            continue
        plain = _is_plain(field)
        text = html.escape(value, quote=False) if plain else value
        unwritten = set()
        for address in text_addresses(text, shown_host or site_host, same):
            target = _text_target(content, address, hidden, site_host, site_prefix)
            if target is None or target is content:
                continue
            if source is None:
                source = frontmatter.read_source(content.source_path)
                first_lines = _first_lines(frontmatter.parse(source).front_matter, content)
            written = html.unescape(address)
            # Each field's own occurrences in turn, from its own line; a
            # summary made from the lead says the lead's again, once.
            key = (field, written)

            first = first_lines.get(field, 1)

            def place(after: int, written=written, source=source, first=first) -> int:
                return (
                    link_line(
                        source,
                        Link(written, written),
                        first_line=first,
                        after=after,
                        as_text=True,
                    )
                    or 0
                )

            line = said[key] = placed_past_removed(place, said_already, written, said.get(key, 0))
            if (written, line) not in warned:
                warned.add((written, line))
                if said_at(said_already, line, written) is None:
                    _warn(content, target, Link(address, address), line or None)
            if not is_written(target):
                unwritten.add(address)
        if unwritten:
            text = replace_text_addresses(
                text, shown_host or site_host, unwritten.__contains__, NEUTRAL_TEXT, same
            )
            _set_text(content, field, html.unescape(text) if plain else text)
    if said:
        forget_rendered(content)


def _first_lines(front: frontmatter.FrontMatter, content) -> dict[str, int]:
    """Field of `_texts` → the first source line that writes it: its front
    matter line, or the body's first (a summary made from the lead)."""
    body = front.body_start
    # One line per `Ralat:` value, in the order Pelican lists them.
    ralat = [number for field in front.all("ralat") for number in field.lines]
    corrections = getattr(content, "corrections", None) or ()
    return {
        "body": body,
        "summary": front.line("summary") or body,
        **{field: front.line(field) or 1 for field in TEXT_FIELDS},
        **{
            f"{CORRECTION}{n}": ralat[index] if 0 <= index < len(ralat) else 1
            for n, c in enumerate(corrections)
            if isinstance(index := getattr(c, "index", None), int)
        },
    }


def _check_links(
    content,
    generated: dict,
    hidden,
    site_host: str,
    site_prefix: str,
    said_already: Said = (),
) -> None:
    body = getattr(content, "_content", None)
    texts = _texts(content)
    found = [  # (field, link, target)
        (field, link, target)
        for field, text in texts.items()
        if "{filename}" in text or "|filename|" in text
        for link in links_in(text)
        if (target := linked_content(content, link.value, generated)) is not None
        and target is not content
        and is_unpublished(target)
    ]
    for field, text in texts.items() if hidden else ():
        if "href" not in text:
            continue
        for link in _hrefs(text):
            if local_address(link.value):
                continue  # a local preview's: `_check_local_links`
            # (a published address is there as None)
            target = _hidden_target(
                site_address(link.value, site_host, content.url, site_prefix), hidden
            )
            if target is not None and target is not content:
                found.append((field, link, target))
    if not found:
        return
    for (_field, link, target), line in zip(
        found, _placed(content, [(f, k) for f, k, _ in found], said_already), strict=True
    ):
        if said_at(said_already, line, link.written) is None:
            _warn(content, target, link, line or None)
    unwritten: dict[str, set[str]] = {}  # value → the words that tell its target
    generic = _generic_words(content.settings, site_prefix)
    for _, link, target in found:
        if not is_written(target):
            # the target's addresses, and the file a `{filename}` link names
            telling = (*addresses_of(target), urlsplit(link.value).path)
            unwritten.setdefault(link.value, set()).update(address_words(telling, generic))
    if not unwritten:
        return
    removed = unwritten.__contains__

    def kept_text(value: str, text: str) -> str:
        # An autolink's text is the address itself: the slug would stay public.
        return NEUTRAL_TEXT if shows_words(text, unwritten[value]) else text

    def cleaned(fragment: str) -> str:
        return remove_hrefs(remove_links(fragment, removed, kept_text), removed, kept_text)

    for field in dict.fromkeys(field for field, _, _ in found if field != "body"):
        _set_text(content, field, cleaned(texts[field]))
    if isinstance(body, str):
        _set_text(content, "body", cleaned(body))
    forget_rendered(content)


def _placed(content, found: list, said_already: Said) -> Iterator[int]:
    """The source line of each (field, link) of `found`, in order: a link
    written twice is placed past the line of the one before, and past the
    lines whose link another plugin removed (`placed_past_removed`)."""
    previous: dict[tuple[str, str], int] = {}  # (field, link) → its last line
    place = link_placer(content)
    for field, link in found:
        key = (field, link.written)
        previous[key] = placed_past_removed(
            lambda after, field=field, link=link: place(field, link, after),
            said_already,
            link.written,
            previous.get(key, 0),
        )
        yield previous[key]


LOCAL_SUGGESTION = "link the page by its address on the site, or remove the link"


def _check_local_links(content, local_targets, site_prefix: str, said_already: Said = ()) -> None:
    """Each link of the summary and the body to a local preview
    (`http://127.0.0.1:8000/draf/x/`, `http://localhost:8000/berita/…`:
    `local_address`), which no reader can open and which tells the slug of
    what is previewed there: a warning at its line naming the release it
    shows (`local_targets()`: address → content) as a `{filename}` link to
    write instead, and the link taken out of the page and the feeds in every
    build, its text kept (NEUTRAL_TEXT where the text shows the address)."""
    texts, found = _links_where(content, local_address)
    if not found:
        return
    for (_field, link), line in zip(found, _placed(content, found, said_already), strict=True):
        if said_at(said_already, line, link.written) is not None:
            continue  # a BACA JUGA line read_also has said
        address = site_address(link.value, "", content.url, site_prefix)
        target = local_targets().get(address) if address is not None else None
        suggestion = LOCAL_SUGGESTION
        if target is not None and target is not content:
            kind = "article" if isinstance(target, Article) else "page"
            source = target.relative_source_path.replace(os.sep, "/")
            suggestion = f"link the {kind} by its file: {{filename}}/{source}" + (
                ", once it is published" if is_unpublished(target) else ""
            )
        message = f"link to a local preview, which no reader can open: '{link.written}'"
        report(logger, Finding(message_path(content), line or None, "warning", message, suggestion))
    local = {link.value for _, link in found}
    generic = _generic_words(content.settings, site_prefix)

    def kept_text(value: str, text: str) -> str:
        host = local_address(value) or ""
        words = address_words([urlsplit(html.unescape(value)).path], generic)
        shown = html.unescape(re.sub(r"<[^>]*>", "", text)).casefold()
        return NEUTRAL_TEXT if host in shown or shows_words(text, words) else text

    _take_out(content, texts, found, local, kept_text)


# (a body is read for its links by the local-preview, computer-file and
# relative-link checks in turn, and for unpublished addresses: parsed once)
@functools.lru_cache(maxsize=16)
def _hrefs(fragment: str) -> tuple[Link, ...]:
    """`hrefs_in(fragment)`, kept for the next check of the same text."""
    return tuple(hrefs_in(fragment))


def _links_where(content, named) -> tuple[dict, list]:
    """The summary's and the body's texts, and (field, link) of each of their
    links whose address `named(address)` says is one to take out."""
    texts = _texts(content)
    found = [
        (field, link)
        for field, text in texts.items()
        if not _is_plain(field) and "href" in text
        for link in _hrefs(text)
        if named(link.value)
    ]
    return texts, found


def _take_out(content, texts: dict, found: list, addresses: set, kept_text) -> None:
    """The links to `addresses` taken out of the fields `found` holds them in,
    each link's text kept as `kept_text(address, text)` gives it."""
    for field in dict.fromkeys(field for field, _ in found):
        _set_text(content, field, remove_hrefs(texts[field], addresses.__contains__, kept_text))
    forget_rendered(content)


# A link's address with a scheme (`file:`, `C:` a drive): the sanitize
# plugin takes it out and says so.
_SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def computer_link(content, href: str) -> str | None:
    """The file name a link names on the writer's own computer or file server
    (`/home/…`, `/Users/…`, `/tmp/…`, `~/…`, `\\\\host\\…`, `//host/…`), by
    the rule the images plugin refuses such a photo by (`computer_file`);
    None for any other link."""
    value = html.unescape(href).strip()
    if not value or _SCHEME_RE.match(value):
        return None
    return computer_file(value, content.settings.get("PATH", ""))


def _check_computer_links(content, said_already: Said = ()) -> None:
    """Each link of the summary and the body to a file on the writer's own
    computer or file server (`computer_link`): no reader can open it, and it
    tells the writer's user name and folders. A warning at its line, and the
    link taken out of the page and the feeds in every build, its text kept
    (NEUTRAL_TEXT where the text shows the path)."""
    texts, found = _links_where(content, lambda value: computer_link(content, value))
    if not found:
        return
    year = getattr(getattr(content, "date", None), "year", None) or "<year>"
    for (_field, link), line in zip(found, _placed(content, found, said_already), strict=True):
        if said_at(said_already, line, link.written) is not None:
            continue  # a BACA JUGA line read_also has said
        name = computer_link(content, link.value)
        message = (
            f"link to a file on the writer's own computer, which no reader can open: "
            f"'{link.written}'"
        )
        suggestion = (
            f"copy {name} into content/images/{year}/ and link it as "
            f"[…]({{static}}/images/{year}/{name}), or remove the link"
        )
        report(logger, Finding(message_path(content), line or None, "warning", message, suggestion))
    paths = {link.value for _, link in found}

    def kept_text(value: str, text: str) -> str:
        parts = re.split(r"[/\\]+", html.unescape(value))
        words = {part.casefold() for part in parts if part and part not in ("~", ".")}
        return NEUTRAL_TEXT if shows_words(text, words) else text

    _take_out(content, texts, found, paths, kept_text)


def contents_by_address(generators) -> dict[str, object]:
    """Address → content, of every content by its address in this build and,
    of a draft or an embargoed one, every address it has or may take
    (`addresses_of`): what a local preview's link leads to."""
    found: dict[str, object] = {}
    for content in contents_of(generators):
        found.setdefault(normal_address(content.url), content)
    for content in contents_of(generators, DRAFT_LISTS):
        for address in addresses_of(content):
            found.setdefault(address, content)
    return found


# A relative link's first segment that is a host written without its scheme
# (`www.kpu.go.id/…`, `kpu.go.id`): a browser reads it as a path of this site.
_BARE_HOST_RE = re.compile(r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}", re.IGNORECASE)
# An e-mail address or a telephone number written as a link's address.
_EMAIL_RE = re.compile(r"[^\s@/]+@[^\s@/]+\.[a-z]{2,}", re.IGNORECASE)
_PHONE_RE = re.compile(r"\+?[\d\s().-]{6,}")
# What ends a file's name, not a host's (`sk.pdf`, `foto.jpg` are files).
_FILE_ENDINGS = frozenset(
    {".pdf", ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".doc", ".docx", ".xls"}
    | {".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".zip", ".rar", ".txt", ".csv", ".html"}
    | {".htm", ".php", ".mp3", ".mp4", ".md"}
)


@dataclasses.dataclass
class SiteMap:
    """What the site publishes, known before it is written, for relative
    links (`check_relative_links`): every content's address (drafts' too,
    which link_check says otherwise), the static files' and the site's own
    pages' addresses, and the first folders the build fills with pages it
    makes (tags, archives, regions, pagination), whose addresses are not
    listed here; `files`: every file below content/ (its path there)."""

    addresses: set[str]
    folders: set[str]
    content_root: str
    # Files a plugin writes in each content's folder (`{url}og.png`: a card).
    beside: set[str] = dataclasses.field(default_factory=set)
    files: Collection[str] = ()

    @classmethod
    def of(cls, generators, by_address: dict[str, object], own_pages: dict[str, str]):
        context = {**generators[0].settings, **getattr(generators[0], "context", {})}
        addresses = set(by_address) | set(own_pages)
        for static in (context.get("static_content") or {}).values():
            addresses.add(normal_address(getattr(static, "url", "") or ""))
        owners = {normal_address(path) for path in (context.get(OUTPUT_OWNERS) or {})}
        addresses |= owners
        folders = {address.split("/", 1)[0] for address in [*own_pages, *owners] if address}
        beside = set()
        for key, value in context.items():
            if isinstance(key, str) and isinstance(value, str) and value.startswith("{url}"):
                beside.add(value.removeprefix("{url}").strip("/"))
            if (
                isinstance(key, str)
                and key.endswith(("_URL", "_SAVE_AS"))
                and not key.startswith(("ARTICLE_", "PAGE_", "DRAFT_"))
                and isinstance(value, str)
            ):
                literal = value.split("{", 1)[0].strip("/")
                if literal:
                    folders.add(literal.split("/", 1)[0])
        for pattern in context.get("PAGINATION_PATTERNS") or ():
            with contextlib.suppress(TypeError, IndexError, AttributeError):
                literal = str(pattern[1]).replace("{base_name}", "").split("{", 1)[0].strip("/")
                if literal:
                    folders.add(literal.split("/", 1)[0])
        return cls(addresses, folders, str(generators[0].settings.get("PATH", "")), beside)

    def publishes(self, address: str) -> bool | None:
        """True for an address the site has; None where it cannot tell (a
        folder of pages the build makes, a file a plugin writes in a
        content's folder: its card); False for one it does not have."""
        if address in self.addresses or address.casefold() in self.addresses:
            return True
        if address.split("/", 1)[0] in self.folders:
            return None
        folder, _, name = address.rpartition("/")
        return None if name in self.beside and folder in self.addresses else False

    def content_files(self) -> Collection[str]:
        if not self.files and self.content_root:
            self.files = [
                os.path.relpath(os.path.join(folder, name), self.content_root).replace(os.sep, "/")
                for folder, _, names in os.walk(self.content_root)
                for name in names
            ]
        return self.files


def _is_relative_path(value: str) -> bool:
    """A link value that is a path relative to the page (`../../dok/sk.pdf`,
    `lampiran.pdf`): no scheme, not site-absolute, no fragment or query
    alone, no intrasite `{static}`/`|static|` link."""
    value = html.unescape(value).strip()
    return bool(value) and not (
        value.startswith(("/", "\\", "#", "?", "{", "|")) or _SCHEME_RE.match(value)
    )


def relative_link_suggestion(content, value: str, site: SiteMap) -> str:
    """What to write instead of a relative link that leads nowhere: a
    `mailto:` or `tel:` link for an e-mail address or a telephone number, the
    full address of a host written without its scheme; else the `{static}` (or
    `{filename}`) link of the file it names from the release's folder or,
    failing that, of a file of content/ with its name; else the forms."""
    written = html.unescape(value).strip()
    if _EMAIL_RE.fullmatch(written):
        return f"write it as an e-mail link: 'mailto:{written}'"
    if _PHONE_RE.fullmatch(written):
        number = re.sub(r"[^\d+]", "", written)
        return f"write it as a telephone link: 'tel:{number}'"
    path = unquote(re.split(r"[?#]", written, maxsplit=1)[0])
    first = path.split("/", 1)[0]
    if _BARE_HOST_RE.fullmatch(first) and (
        first.lower().startswith("www.")
        or posixpath.splitext(first)[1].lower() not in _FILE_ENDINGS
    ):
        return f"write the full address: 'https://{html.unescape(value).strip()}'"
    folder = posixpath.dirname(str(content.relative_source_path).replace(os.sep, "/"))
    below = posixpath.normpath(posixpath.join(folder, path))
    files = site.content_files()
    if below.startswith("../") or below == ".." or below not in files:
        name = posixpath.basename(path)
        named = sorted(f for f in files if posixpath.basename(f) == name) if name else []
        below = named[0] if len(named) == 1 else None
    if below:
        kind = "filename" if below.lower().endswith(SOURCE_SUFFIXES) else "static"
        return f"link the file by its path below content/: {{{kind}}}/{below}"
    return (
        "link a file below content/ as {static}/images/2024/nama-file.pdf, a release as "
        "{filename}/berita/2024/nama-file.md, another site by its full address (https://…), "
        "or remove the link"
    )


def _is_file(found) -> bool:
    return isinstance(found, Path) and found.is_file()


# What Python-Markdown reads a backslash before as an escape (with `extra`).
_ESCAPABLE = frozenset("\\`*_{}[]()>#+-.!:|")


def _unescaped(text: str) -> tuple[str, list[int], list[int]]:
    """`text` as Markdown's escapes leave it, loosely: a run of backslashes
    before a character Markdown escapes dropped (`\\.` read as "."), any
    other run kept as one backslash (`\\d` kept, `\\\\` read as one); with
    where in `text` each character of it starts and ends."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    while i < len(text):
        if text[i] != "\\":
            out.append(text[i])
            starts.append(i)
            ends.append(i + 1)
            i += 1
            continue
        run = i
        while i < len(text) and text[i] == "\\":
            i += 1
        if i < len(text) and text[i] in _ESCAPABLE:  # `\\.`: the character itself
            out.append(text[i])
            starts.append(run)
            ends.append(i + 1)
            i += 1
        else:
            out.append("\\")
            starts.append(run)
            ends.append(i)
    return "".join(out), starts, ends


def _backslashed_line(content, value: str) -> tuple[int, str] | None:
    """(line, as written there) of the body line that writes a link value
    Markdown made of a path with backslashes (`..\\..\\dok\\sk.pdf` is
    `....\\dok\\sk.pdf` once its `\\.` are read as dots): the line and the
    value read alike (`_unescaped`) and compared as text, in time linear in
    the line (a pattern trying each way to read a run of backslashes took
    time exponential in its length)."""
    wanted = _unescaped(value)[0]
    if not wanted:
        return None
    document = frontmatter.parse(frontmatter.read_source(content.source_path))
    start = document.front_matter.body_start
    for number, text in enumerate(document.lines, 1):
        if number < start or "](" not in text:
            continue
        read, starts, ends = _unescaped(text)
        at = read.find("](")
        while at != -1:
            # (a `](` written as such, not `\\]`)
            if ends[at] - starts[at] == 1:
                first = at + 2
                while first < len(read) and read[first].isspace():
                    first += 1
                if read.startswith("<", first):
                    first += 1
                if read.startswith(wanted, first):
                    last = first + len(wanted) - 1
                    return number, text[starts[first] : ends[last]]
            at = read.find("](", at + 1)
    return None


def check_relative_links(content, site: SiteMap, said_already: Said = ()) -> None:
    """Each link of the summary and the body written as a path relative to the
    page (`../../dok/sk.pdf` written from a release's folder, a climb out of
    the site, `www.kpu.go.id/…` without its scheme) that leads to no page or
    file the site publishes: a dead link nothing else says. A warning at its
    line, with the link to write (`relative_link_suggestion`)."""
    _texts, found = _links_where(
        content,
        lambda value: (
            _is_relative_path(value)
            and not is_source_link(html.unescape(value))  # content_lint says it
            and computer_link(content, value) is None  # `_check_computer_links`
            and (address := site_address(value, "", content.url)) is not None
            and site.publishes(address) is False
        ),
    )
    # A photo linked to its own missing file (`[![x](a.jpg)](a.jpg)`): the
    # images plugin says "image file not found" at that line, once.
    # (read from the source: the images plugin has taken such a photo out)
    if not found:
        return
    source = frontmatter.read_source(content.source_path)
    shown = {
        html.unescape(src)
        for src in re.findall(
            r"""(?:!\[[^\]]*\]\(\s*<?|<img\b[^>]*?\bsrc\s*=\s*["']?)([^\s"'<>)]+)""", source, re.I
        )
    }
    source_dir = os.path.dirname(str(content.source_path))
    found = [
        (field, link)
        for field, link in found
        if html.unescape(link.value) not in shown
        or _is_file(referenced_file(html.unescape(link.value), site.content_root, source_dir))
    ]
    for (_field, link), line in zip(found, _placed(content, found, said_already), strict=True):
        if said_at(said_already, line, link.written) is not None:
            continue
        written = html.unescape(link.written)
        if not line and "\\" in written:
            # Markdown read `..\..\x.pdf`'s backslashes as escapes: the line
            # is the one writing it with them.
            line, written = _backslashed_line(content, written) or (0, written)
        address = site_address(written, "", content.url) or ""
        message = (
            f"link leads to no page or file of the site: '{written}' "
            f"(from this page a browser opens '/{address}')"
        )
        suggestion = relative_link_suggestion(content, written.replace("\\", "/"), site)
        report(logger, Finding(message_path(content), line or None, "warning", message, suggestion))


def link_placer(content):
    """place(field, link, after) → the source line of a link of the content's
    "summary" or "body" after line `after` (its previous occurrence), 0 when
    unknown: in the body, the line whose link the page gets (`link_line` with
    the build's Markdown), not an earlier one showing it as an example."""
    source = frontmatter.read_source(content.source_path)
    body_start = frontmatter.parse(source).front_matter.body_start
    markdown_settings = content.settings.get("MARKDOWN")

    def render(text: str) -> str:
        # After a blank line, as the body comes: `meta` takes none of it.
        return converted_body("\n" + text, markdown_settings)

    def place(field: str, link: Link, after: int) -> int:
        if field != "body":  # the summary, a `TEXT_FIELDS` line
            return link_line(source, link, after=after) or 0
        return link_line(source, link, first_line=body_start, after=after, render=render) or 0

    return place


def telling_words(hidden: dict, settings, site_prefix: str) -> frozenset[str]:
    """The words of the unpublished contents' addresses (`address_words`), to
    be worked out once per build: `hidden` also holds every published address."""
    addresses = [address for address, target in hidden.items() if target is not None]
    return frozenset(address_words(addresses, _generic_words(settings, site_prefix)))


def _generic_words(settings, site_prefix: str) -> set[str]:
    """The fixed path segments of the site's content addresses ("berita",
    "draf", "halaman") and of SITEURL: words every address has, telling none."""
    words = set(site_prefix.split("/"))
    for key, pattern in settings.items():
        if key.endswith("_URL") and isinstance(pattern, str):
            words.update(part for part in pattern.split("/") if "{" not in part)
    return words


def _warn(content, target, link: Link, line: int | None) -> None:
    path = message_path(content)
    kind = "article" if isinstance(target, Article) else "page"
    message = f"link to an unpublished {kind}: '{link.written}'"
    report(logger, Finding(path, line, "warning", message, SUGGESTION))


def unpublished_addresses(generators, own_pages=None) -> dict[str, object | None]:
    """Address → content, of every draft or embargoed article or page: where
    it is previewed (`/draf/slug/`) and where it will or may be published (see
    `addresses_of`), but an address a published content has (→ None). Only
    these are matched (a tag page `/tag/x/` is not a draft whose slug is x);
    only the draft lists are read whole: a site without drafts costs nothing.
    An address the site's own pages have (`site_pages`: /wilayah/, /arsip/)
    is published too, whatever draft would take it.

    Each address is also there in lower case (casefold), looked up when the
    link's own case is not: /berita/2026/12/EMBARGO-SLUG/ is a dead link on a
    server that tells case apart, but it shows the slug all the same. A case
    that is some published content's address is that content's."""
    found: dict[str, object] = {}
    for content in contents_of(generators, DRAFT_LISTS):
        for address in addresses_of(content):
            if address:
                found.setdefault(address, content)
    if not found:
        return {}
    published = {
        normal_address(content.url)
        for content in contents_of(generators)
        if not is_unpublished(content)
    }
    published.update(site_pages(generators) if own_pages is None else own_pages())
    folded = {address.casefold() for address in published}
    for address, content in list(found.items()):
        if address.casefold() not in folded:
            found.setdefault(address.casefold(), content)
    found.update(dict.fromkeys(published))
    return found


# Settings naming a file the build writes at a fixed address: a page
# (`ARCHIVES_SAVE_AS`, a plugin's `REGIONS_INDEX_SAVE_AS`) or a feed
# (`FEED_ALL_ATOM`); a preview's (`DRAFT_…`) is no published page.
_FIXED_OUTPUT_KEY_RE = re.compile(r"(?!DRAFT_)\w+_(?:SAVE_AS|ATOM|RSS)")


def site_pages(generators) -> dict[str, str]:
    """Address → what writes it, of each page and file the build writes
    besides its contents, known before anything is written: the direct
    templates (`DIRECT_TEMPLATES`, at their `…_SAVE_AS`), every other setting
    or plugin default (in the generator context) naming a fixed output file
    (`_FIXED_OUTPUT_KEY_RE`: /wilayah/, /pejabat/, /feed.json), the files and
    folders plugins write themselves (`OUTPUT_OWNERS`: /admin/) and the tag,
    rubrik and author pages (`taxonomy_pages`)."""
    if not generators:
        return {}
    context = {**generators[0].settings, **getattr(generators[0], "context", {})}
    found: dict[str, str] = {}

    def add(save_as, owner: str) -> None:
        if isinstance(save_as, str) and save_as.strip() and "{" not in save_as:
            found.setdefault(normal_address(save_as.strip()), owner)

    direct = [str(name) for name in context.get("DIRECT_TEMPLATES") or ()]
    for name in direct:
        key = f"{name.upper()}_SAVE_AS"
        add(context.get(key, f"{name}.html"), key)
    templates = {f"{name.upper()}_SAVE_AS" for name in direct}
    for key, value in context.items():
        if isinstance(key, str) and key not in templates and _FIXED_OUTPUT_KEY_RE.fullmatch(key):
            add(value, key)
    for path, owner in (context.get(OUTPUT_OWNERS) or {}).items():
        add(path, owner)
    for kind, pages in taxonomy_pages(generators).items():
        for address in pages:
            found.setdefault(address, f"the {TAXONOMY_NOUNS[kind]} page")
    return found


def shown_address(address: str) -> str:
    """A site address (`normal_address`) as a reader writes it: "/wilayah/",
    "/feed.xml", "/"."""
    if not address:
        return "/"
    return f"/{address}" if "." in address.rsplit("/", 1)[-1] else f"/{address}/"


def check_draft_addresses(generators, pages: dict[str, str]) -> None:
    """A suggestion at its address line for each draft or embargoed content
    whose address once published (`addresses_of`) is a page the site writes
    itself (`site_pages`: a draft page `Slug: wilayah` and the regions index):
    nothing else says so before it is published, and links to that page are
    no links to the draft (`unpublished_addresses`). A suggestion, as the
    writer says a preview address another has: a warning would fail the strict
    development build for a release nobody reads yet."""
    for content in contents_of(generators, DRAFT_LISTS):
        taken = sorted(address for address in addresses_of(content) if address in pages)
        if not taken:
            continue
        front = frontmatter.parse(frontmatter.read_source(content.source_path)).front_matter
        line = front.line(*ADDRESS_KEYS) or front.line("title")
        for address in taken:
            message = (
                f"not published yet: once it is, its address {shown_address(address)} "
                f"is a page the site writes itself ({pages[address]})"
            )
            suggestion = "give it another Slug: before it is published"
            report(logger, Finding(message_path(content), line, "suggestion", message, suggestion))


def addresses_of(content) -> set[str]:
    """Every address the content has in this build or may take when published:
    its own (`/draf/slug/` in a preview), its `URL:` and `Save_as:` lines (read
    from its metadata: containment has taken them off the content, so a draft
    waits at its draft address, but publishing gives them back), and the
    addresses its slug makes with ARTICLE_URL/PAGE_URL and their SAVE_AS."""
    kind = "ARTICLE" if isinstance(content, Article) else "PAGE"
    found = {normal_address(content.url)}
    for key in ("url", "save_as"):
        value = content.metadata.get(key)
        if isinstance(value, str) and value.strip():
            found.add(normal_address(value.strip()))
    for key in (f"{kind}_URL", f"{kind}_LANG_URL", f"{kind}_SAVE_AS", f"{kind}_LANG_SAVE_AS"):
        pattern = content.settings.get(key)
        if isinstance(pattern, str) and pattern:
            with contextlib.suppress(KeyError, ValueError, AttributeError, IndexError):
                found.add(normal_address(pattern.format(**content.url_format)))
    return found


_WRAPPERS = {"tag": Tag, "category": Category, "author": Author}
TAXONOMY_NOUNS = {"tag": "tag", "category": "rubrik", "author": "author"}


def taxonomy_pages(generators) -> dict[str, dict[str, str]]:
    """Kind ("tag", "category", "author") → address → slug of each tag, rubrik
    and author page the build writes (its SAVE_AS set): those of the listed
    articles, as Pelican's ArticlesGenerator gathers them."""
    pages: dict[str, dict[str, str]] = {kind: {} for kind in TAXONOMY_NOUNS}
    for generator in generators:
        if not hasattr(generator, "tags") or not hasattr(generator, "authors"):
            continue
        wrappers = {
            "tag": list(generator.tags),
            "category": [category for category, _ in generator.categories],
            "author": [author for author, _ in generator.authors],
        }
        for kind, found in wrappers.items():
            for wrapper in found:
                if getattr(wrapper, "save_as", ""):
                    pages[kind][normal_address(wrapper.url)] = wrapper.slug
    return pages


def official_tags(generators) -> Vocabulary | None:
    """The official tags of the build (the official_tags plugin's vocabulary in
    the generator context); None without that plugin or when its file could
    not be read (that plugin reports why)."""
    for generator in generators:
        found = getattr(generator, "context", {}).get(VOCABULARY_CONTEXT_KEY)
        if isinstance(found, Vocabulary):
            return found
    return None


def check_taxonomy_links(
    content, pages: dict[str, dict[str, str]], official: Vocabulary | None = None
) -> None:
    """Warn at its line about each `{tag}x`, `{category}x`, `{author}x` link to
    a page the build does not write (no listed release has that tag, rubrik or
    author): Pelican makes it an address all the same, a dead link. The
    suggestion is the page of the official tag that spelling names (`official`:
    `{tag}IKP`, an alias, is '{tag}indeks-kerawanan-pemilu'), else the nearest
    existing one."""
    texts = [
        (field, text)
        for field, text in (
            ("summary", content.metadata.get("summary")),
            ("body", content._content),
        )
        if isinstance(text, str)
    ]
    dead = []
    for field, text in texts:
        for kind, link in taxonomy_links_in(text):
            name = unquote(urlsplit(html.unescape(link.value)).path)
            wrapper = _WRAPPERS[kind](name, content.settings)
            with contextlib.suppress(KeyError, ValueError, AttributeError, IndexError):
                if normal_address(wrapper.url) in pages[kind]:
                    continue
            dead.append((field, kind, link, name, wrapper))
    if not dead:
        return
    previous: dict[tuple[str, str], int] = {}
    place = link_placer(content)
    for field, kind, link, name, wrapper in dead:
        key = (field, link.written)
        line = previous[key] = place(field, link, previous.get(key, 0))
        line = line or None
        noun = TAXONOMY_NOUNS[kind]
        slugs = sorted(pages[kind].values())
        nearest = difflib.get_close_matches(str(getattr(wrapper, "slug", "")), slugs, n=1)
        named = official.resolve(name) if official is not None and kind == "tag" else None
        if named is not None and named.slug == getattr(wrapper, "slug", None):
            named = None  # its own name: the page is missing, not misspelt
        if named is not None and named.slug in slugs:
            suggestion = (
                f"'{name}' is the tag '{named.name}': link to its page, "
                f"'{{tag}}{named.slug}', or remove the link"
            )
        elif named is not None:
            suggestion = (
                f"'{name}' is the tag '{named.name}', which no published release has: "
                "remove the link"
            )
        elif nearest:
            example = f"{{{kind}}}{nearest[0]}"
            suggestion = f"link to an existing {noun} page, e.g. '{example}', or remove the link"
        else:
            suggestion = f"no published release has this {noun}: remove the link"
        article = "an" if noun[0] in "aeiou" else "a"
        message = f"link to {article} {noun} page the site does not have: '{link.written}'"
        report(logger, Finding(message_path(content), line, "warning", message, suggestion))


_RELATIVE_HREF_RE = re.compile(r"""\bhref\s*=\s*["']?(?![/#?{|\\]|[a-z][a-z0-9+.-]*:)""", re.I)


def _has_relative_href(content) -> bool:
    """Whether the summary or the body may hold a relative link (most have
    none: no map of the site is made for them)."""
    return any(
        isinstance(text, str) and "href" in text and _RELATIVE_HREF_RE.search(text)
        for text in (content.metadata.get("summary"), getattr(content, "_content", None))
    )


def check_links(generators) -> None:
    """all_generators_finalized: every content is known, nothing is rendered yet."""
    generated = None
    for generator in generators:
        generated = getattr(generator, "context", {}).get("generated_content")
        if generated is not None:
            break
    if not generated:
        return
    # The site's own pages, made once (for the addresses and the drafts' check).
    own_pages = functools.cache(functools.partial(site_pages, generators))
    hidden = unpublished_addresses(generators, own_pages)
    if hidden:  # (drafts there are: their addresses are known)
        check_draft_addresses(generators, own_pages())
    pages = taxonomy_pages(generators)
    site = site_root(generators[0].settings.get("SITEURL") if generators else "")
    official = official_tags(generators)
    # An address shown without its scheme (`host.org/x/`) is found by the host
    # of the public site (PUBLIC_SITEURL) in the development build too.
    public = site_root(generators[0].settings.get("PUBLIC_SITEURL") if generators else "")
    shown_host = site.host or public.host
    telling = telling_words(hidden, generators[0].settings, site.prefix) if hidden else None
    # (Pelican's generators share one context, where read_also keeps it.)
    said = generators[0].context.get(READ_ALSO_SAID) or {} if generators else {}
    local_targets = functools.cache(functools.partial(contents_by_address, generators))
    site_map = functools.cache(lambda: SiteMap.of(generators, local_targets(), own_pages()))
    for content in written_contents(generators):
        if is_draft(content):  # (written already: the rest of is_unpublished)
            continue  # a draft may link to another draft: neither is public
        check_content(
            content,
            generated,
            hidden,
            site.host,
            site.prefix,
            shown_host,
            said.get(message_path(content), ()),
            telling,
            local_targets,
        )
        if isinstance(getattr(content, "_content", None), str):
            check_taxonomy_links(content, pages, official)
        if _has_relative_href(content):
            check_relative_links(content, site_map(), said.get(message_path(content), ()))


def register() -> None:
    signals.all_generators_finalized.connect(check_links)
