"""Signal wiring of sanitize (see __init__)."""

from __future__ import annotations

import logging
import pickle
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from pelican import signals

import warta
from warta import frontmatter
from warta.contents import every_article, every_page, forget_rendered, message_path, set_summary
from warta.findings import Finding, report
from warta.fingerprint import files_digest, hash_bytes, hash_text
from warta.imagetags import (
    COMPUTER_PATH_MESSAGE,
    computer_path_suggestion,
    rewrite_images,
)
from warta.markdown_source import COMMENTED_KEY
from warta.paths import computer_file, save_cache
from warta.plugin_order import outside_extensions
from warta.published import is_written

from .clean import (
    Located,
    Removal,
    clean_html,
    is_safe_url,
    locate,
    references_written_out,
    removal_lines,
    text_without_comments,
)

logger = logging.getLogger(__name__)

CACHE_FILE = Path("sanitize") / "unchanged.pickle"  # below CACHE_PATH
CACHE_FORMAT = "warta-sanitize-2"

SUGGESTION = "write the release in Markdown; ask the web team to embed media"
LINK_SUGGESTION = "use an https:// address"
SUGGESTIONS = {  # by what was removed, when not raw HTML in general
    "HTML comment": "delete it: keep editorial notes out of the release file",
    "CDATA markup": "write the text without <![CDATA[ and ]]>",
}
STRAY_SUGGESTION = "delete it"
IMAGE_SUGGESTION = (
    "use an https:// address, or put the photo in content/images/<year>/ "
    "and write ![…]({static}/images/<year>/<file>)"
)


def removal_finding(path: str, removal: Removal, place: Located, added_by: str = "") -> Finding:
    """The warning for one removal, worded for what the writer wrote: raw HTML,
    a Markdown link's address, or an image (raw or Markdown) left out.
    `added_by`: the outside Markdown extensions that converted the release (one
    may have added what is not in the file: pelican-render-math's MathJax
    `<script>`)."""
    if removal.image_alt is not None:
        message = f"image left out of the published text, its address refused: '{place.shown}'"
        if removal.image_alt.strip():
            message += f"; its alt text '{removal.image_alt.strip()}' is kept as text"
        suggestion = IMAGE_SUGGESTION
    elif place.markdown:
        message = f"{place.markdown} address removed from the published text: '{place.shown}'"
        suggestion = LINK_SUGGESTION
    else:
        message = f"{removal.what} removed from the published text: '{place.shown}'"
        suggestion = SUGGESTIONS.get(removal.what, SUGGESTION)
        if removal.shown.startswith("</"):
            suggestion = STRAY_SUGGESTION
        if removal.lost_text:
            suggestion = f"write the text in Markdown, outside the {removal.shown}"
        if removal.note:
            message += f", {removal.note}"
    if place.line is None:
        message += ", not found as written in the file"
        if added_by:
            # Nothing the writer can change in the release: a plugin put it there.
            message += f": the release was converted with {added_by}, which may have added it"
            suggestion = (
                "a release's text publishes no script or raw HTML, a plugin's neither: "
                "load what the plugin needs from the theme, or take it out of PLUGINS"
            )
    return Finding(path, place.line, "warning", message, suggestion)


def _report(content, source: str, found: list[tuple[Removal, int]]) -> None:
    """One warning per removal, at its source line, quoted as written there; one
    not found as written is said so, without a line. `found`: (removal, the line
    where its text starts: the body or `Summary:`)."""
    path = message_path(content)
    settings = getattr(content, "settings", None) or {}
    added_by = ", ".join(outside_extensions(settings.get("MARKDOWN") or {}))
    by_start: dict[int, list[Removal]] = {}
    for removal, first_line in found:
        by_start.setdefault(first_line, []).append(removal)
    for first_line, removals in by_start.items():
        places = locate(source, removals, first_line=first_line)
        for removal, place in zip(removals, places, strict=True):
            report(logger, removal_finding(path, removal, place, added_by))


def without_computer_photos(content, body: str) -> tuple[str, list[tuple[str, str]]]:
    """The body without its photos named by a path on the writer's own
    computer that the cleaning would strip of their src (`C:\\Users\\…`,
    `file:///…`: not an allowed URL), and (src, file name) of each. Such a
    photo is no raw HTML to warn of, and an <img> without its src has no
    place in the page: it is left out, with the images plugin's error."""
    root = (getattr(content, "settings", None) or {}).get("PATH", "")
    found: list[tuple[str, str]] = []

    def drop(_index: int, attributes: list) -> str | None:
        src = (dict(attributes).get("src") or "").strip()
        if not src or is_safe_url(src):
            return None  # the images plugin reads it (a /home/… path included)
        name = computer_file(src, root)
        if name is None:
            return None
        found.append((src, name))
        return ""

    return rewrite_images(body, drop), found


def _report_computer_photos(content, source: str, photos: list[tuple[str, str]]) -> None:
    path = message_path(content)
    first = frontmatter.parse(source).front_matter.body_start
    removals = [Removal(src, src.lower()[:40], (name.lower(),)) for src, name in photos]
    year = getattr(getattr(content, "date", None), "year", None)
    for (src, name), line in zip(
        photos, removal_lines(source, removals, first_line=first), strict=True
    ):
        report(
            logger,
            Finding(
                path,
                line,
                "error",
                f"{COMPUTER_PATH_MESSAGE}: '{src}'",
                computer_path_suggestion(name, year, featured=False),
            ),
        )


class UnchangedFragments:
    """`clean_html` for a build's articles, remembering between builds which
    bodies and summaries the cleaning leaves as they are (most: nothing to
    take out) by the digest of their text, so that a warm build does not
    clean 10,000 bodies again to find the same. So too the fragments whose
    cleaning only writes character references out (`&ndash;` → `–`, one body
    in eight, `clean_html`'s second case): made again by `references_written_out`
    without nh3's parse. Valid as a whole for one version of the code and of
    nh3 (`key`); a fragment that changes is cleaned (a new digest), and one
    with something to take out is cleaned on every build, its warnings with
    it. A missing, unreadable or foreign file is an empty memory; only the
    digests a build used are kept."""

    def __init__(self, path: Path | None, key: str) -> None:
        self.path = path
        self.key = key
        self.known, self.known_written_out = self._load()
        self.used: set[str] = set()
        self.used_written_out: set[str] = set()

    def _load(self) -> tuple[frozenset[str], frozenset[str]]:
        empty = frozenset(), frozenset()
        if self.path is None:
            return empty
        try:
            with open(self.path, "rb") as handle:
                stored = pickle.load(handle)
        except Exception:  # missing, unreadable, foreign: cleaned again
            return empty
        if (
            not isinstance(stored, dict)
            or stored.get("format") != CACHE_FORMAT
            or stored.get("key") != self.key
            or not isinstance(stored.get("unchanged"), frozenset)
            or not isinstance(stored.get("written_out"), frozenset)
        ):
            return empty
        return stored["unchanged"], stored["written_out"]

    def clean(self, fragment: str) -> tuple[str, list[Removal]]:
        """`clean_html(fragment)`."""
        if "<" not in fragment and "&" not in fragment and ">" not in fragment:
            return clean_html(fragment)  # (it returns at once)
        digest = hash_bytes(fragment.encode("utf-8", "surrogatepass"))
        if digest in self.known:
            self.used.add(digest)
            return fragment, []
        if digest in self.known_written_out:
            self.used_written_out.add(digest)
            return references_written_out(fragment), []
        cleaned, removed = clean_html(fragment)
        if not removed:
            if cleaned == fragment:
                self.used.add(digest)
            elif cleaned == references_written_out(fragment):
                self.used_written_out.add(digest)
        return cleaned, removed

    def save(self) -> None:
        if self.path is None or (
            self.used == self.known and self.used_written_out == self.known_written_out
        ):
            return
        stored = {
            "format": CACHE_FORMAT,
            "key": self.key,
            "unchanged": frozenset(self.used),
            "written_out": frozenset(self.used_written_out),
        }
        save_cache(
            self.path,
            pickle.dumps(stored, protocol=pickle.HIGHEST_PROTOCOL),
            owner="sanitize",
            consequence="the next build cleans every body again",
        )


def unchanged_fragments(settings) -> UnchangedFragments:
    """The build's memory of unchanged fragments (in memory only without a
    CACHE_PATH or with LOAD_CONTENT_CACHE off, as every content cache)."""
    path = None
    if settings.get("CACHE_PATH") and settings.get("LOAD_CONTENT_CACHE", True):
        path = Path(settings["CACHE_PATH"]) / CACHE_FILE
    code = [Path(__file__).parent, *warta.site_modules()]
    return UnchangedFragments(path, hash_text(metadata.version("nh3"), *files_digest(code)))


# The front matter's values the site shows as plain text (escaped, so a
# comment in one would be shown): their comments are taken out.
TEXT_FIELDS = ("title", "image-alt", "image-caption", "image-credit", "koreksi", "ralat")


def _text_fields_without_comments(content) -> list[tuple[Removal, int]]:
    """Take the HTML comments out of the content's plain-text values (its
    title, the photo's texts, a correction); (removal, the key's line) each."""
    metadata = getattr(content, "metadata", None) or {}
    found: list[tuple[str, list[Removal]]] = []
    for key in TEXT_FIELDS:
        value = metadata.get(key)
        if value is None or (isinstance(value, str) and "<!--" not in value):
            continue  # (most: 60,000 generators' asks cost 10,000 releases 0.1 s)
        values = value if isinstance(value, list | tuple) else [value]
        if not any(isinstance(v, str) and "<!--" in v for v in values):
            continue
        kept, removed = [], []
        for item in values:
            text, taken = text_without_comments(item) if isinstance(item, str) else (item, [])
            kept.append(type(item)(text) if isinstance(item, str) else text)
            removed += taken
        new = type(value)(kept) if isinstance(value, list | tuple) else kept[0]
        metadata[key] = new
        if hasattr(content, key):  # Pelican's attribute of each key, what templates read
            setattr(content, key, new)
        found.append((key, removed))
    if not found:
        return []
    source = frontmatter.read_source(content.source_path)
    front = frontmatter.parse(source).front_matter
    return [(removal, front.line(key) or 1) for key, removed in found for removal in removed]


def _comments_taken_out(content) -> list[tuple[Removal, int]]:
    """The HTML comments the Markdown reader took out of the content's
    values shown as text (`Author: Humas <!-- Budi minta anonim -->`, a tag,
    the title: `warta.markdown_source.without_comments`, before Pelican made
    its authors, tags and category of them), read again from the source of a
    content it names them for: (removal, the key's line) each."""
    keys = (getattr(content, "metadata", None) or {}).get(COMMENTED_KEY)
    if not isinstance(keys, str) or not keys.strip():
        return []
    front = frontmatter.parse(frontmatter.read_source(content.source_path)).front_matter
    found = []
    for key in dict.fromkeys(k.strip() for k in keys.split(",") if k.strip()):
        for field in front.fields:
            if field.key != key:
                continue
            # (a YAML list's items are its values as read: one of the two)
            _text, removed = text_without_comments("\n".join(field.items or field.values))
            found += [(removal, field.line) for removal in removed]
    return found


def sanitize_content(
    content, clean: Callable[[str], tuple[str, list[Removal]]] = clean_html
) -> None:
    """Clean one article's or page's body and summary in place (`clean`: the
    cleaning, `clean_html`); warn per removal."""
    found = _text_fields_without_comments(content) + _comments_taken_out(content)
    source = frontmatter.read_source(content.source_path) if found else None
    changed = bool(found)
    body = getattr(content, "_content", None)
    if isinstance(body, str) and body:
        kept, photos = without_computer_photos(content, body)
        if photos:
            content._content = kept
            changed = True
            if is_written(content):  # as the images plugin, which checks written ones
                source = frontmatter.read_source(content.source_path)
                _report_computer_photos(content, source, photos)
    summary = content.metadata.get("summary")
    if isinstance(summary, str) and summary:
        cleaned, removed = clean(summary)
        if cleaned != summary:
            set_summary(content, cleaned)
            changed = True
        if removed:
            source = source if source is not None else frontmatter.read_source(content.source_path)
            first = frontmatter.parse(source).front_matter.line("summary") or 1
            found += [(removal, first) for removal in removed]
    body = getattr(content, "_content", None)
    if isinstance(body, str) and body:
        cleaned, removed = clean(body)
        if cleaned != body:
            content._content = cleaned
            changed = True
        if removed:
            source = source if source is not None else frontmatter.read_source(content.source_path)
            first = frontmatter.parse(source).front_matter.body_start
            found += [(removal, first) for removal in removed]
    if changed:
        forget_rendered(content)
    if found:
        _report(content, source or "", found)


def sanitize_articles(generator) -> None:
    settings = generator.settings
    fragments = unchanged_fragments(settings)
    for article in every_article(generator):
        sanitize_content(article, fragments.clean)
    # CACHE_CONTENT off (`invoke check`, whose cache is a temporary copy): read, not written.
    if settings.get("CACHE_CONTENT", True):
        fragments.save()


def sanitize_pages(generator) -> None:
    for page in every_page(generator):
        sanitize_content(page)


def register() -> None:
    signals.article_generator_finalized.connect(sanitize_articles)
    signals.page_generator_finalized.connect(sanitize_pages)
