"""containment: the build reads only inside content/ and writes only inside the output.

What it adds to the site: nothing visible. What it refuses, each with one error
line naming the file (relative to content/), the line when known, the value
and a suggestion:

- a symbolic link anywhere under content/ (a file or a folder, pointing inside
  or outside): reported once per build with its target, never read, walked or
  copied. Pelican's own file listing follows links (a link to .git/config or
  /proc/self/environ would be published, a link to / walked for ever); every
  generator gets a listing that does not (`contained_files`).
- a `{static}`/`{attach}` link in an article or page that leaves content/ or
  goes through a link: the link is emptied before Pelican adds the file to the
  static files it copies, so the file is neither read nor written.
- an article or page whose output path (`save_as`, from `Save_as:`, `URL:`,
  `Slug:`, `Lang:` …) is absolute, climbs with `..`, or resolves outside the
  output folder, or whose own `Save_as:` is not an `.html` page (`CNAME`,
  `robots.txt`, `feed.xml`): the content is refused (not written, not listed)
  instead of being written elsewhere; also a `Save_as:` into a folder the
  output keeps but never publishes (`.git/`, OUTPUT_RETENTION) or into the
  site's own files (`images/`, the theme's). (That a content's own `Save_as:`
  never replaces another page, the home page included, is the writer's rule.)
- a `URL:` that is not where the content is saved (left out, a warning); a
  `Save_as:` without one is linked where it is saved, not at its Slug:'s address.
- a draft's (or an embargoed release's) own `Save_as:`/`URL:`: Pelican lets it
  outrank DRAFT_SAVE_AS, which the public build empties to write no draft, so
  the release was published there. It waits at its draft address (the
  development build's preview) and takes its own address when published.
- a static file whose source or output path breaks the same rules (e.g. an
  EXTRA_PATH_METADATA entry): dropped before the static generator copies it.
- a `Template:` that names no top-level template of the theme (`../../etc/passwd`,
  a partial, a typo): Jinja's loader refuses a name that climbs, and Pelican then stops the
  whole build at the first page it cannot render, naming no file. The content
  is shown with its kind's own template (article, page) instead, and the
  error names the file, the line and the templates there are. Checked when
  the generators finish, on every build: the theme can change between builds
  while a content comes back from the article cache unread.

The rule itself (resolved paths, symbolic links on every component) is in
`warta.paths`, shared with the images plugin. Place this plugin early in
PLUGINS: its checks must run before the plugins that read contents.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fnmatch
import functools
import logging
import os
import posixpath
import re
import string
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlparse

from pelican import signals
from pelican.contents import Article, Page
from pelican.generators import Generator
from pelican.urlwrappers import URLWrapper

from warta import findings
from warta.contents import (
    every_article,
    every_content,
    every_page,
    is_pages_generator,
    message_path,
)
from warta.deploy import unpublished_names
from warta.filestate import folder_entries
from warta.findings import Finding
from warta.frontmatter import SourceLines
from warta.paths import (
    ADDRESS_KEYS,
    NAME_MAX,
    Refusal,
    check_source,
    long_name,
    output_file_refusal,
    output_refusal,
    symlinks_under,
    template_folders,
)
from warta.published import (
    hold_back_unwritten,
    hold_drafts_folder,
    hold_future_page,
    hold_taken_down,
)
from warta.text import LANG_RE, SLUG_RE, shown_controls

logger = logging.getLogger(__name__)

LINK_SUGGESTION = "put the file under content/images/ and link it as {static}/images/<file>"
SYMLINK_SUGGESTION = "replace the link with a copy of the file itself inside content/, or delete it"
OUTPUT_SUGGESTION = (
    "remove the Save_as:/URL: line, or use a Slug: of letters, digits and hyphens; "
    "pages are written inside the site folder only"
)
OWN_SAVE_AS_SUGGESTION = (
    "remove the Save_as: line: the address comes from the Slug:; a page of its own "
    "is a folder of the site such as 'pengumuman/seleksi/index.html'"
)


def relative(path: str | os.PathLike, root: str | os.PathLike) -> str:
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return os.fspath(path)


def report(
    where: str,
    line: int | None,
    message: str,
    value: str,
    suggestion: str,
    secondary: bool = False,
) -> None:
    """One error line: `where[:line]: message: 'value' (suggestion)`, `where`
    relative to content/ (the build runner shows it from the project root).
    `secondary`: held back, and said only when no other finding names the file."""
    shown = shown_controls(value)  # one line, whatever a file name holds
    findings.report(
        logger, Finding(where, line, "error", f"{message}: '{shown}'", suggestion), secondary
    )


# -- symbolic links ------------------------------------------------------------------


def report_symlinks(pelican) -> None:
    """Once per build: every symbolic link under content/, with its target."""
    root = pelican.settings["PATH"]
    for link, target in symlinks_under(root):
        if is_editor_lock(link):
            continue
        report(
            relative(link, root),
            None,
            "symbolic link refused (not read, not published)",
            f"{relative(link, root)} -> {target}",
            SYMLINK_SUGGESTION,
        )


def is_editor_lock(link: Path) -> bool:
    """Whether a link is the lock an editor keeps beside a file it has open
    (Emacs: `.#rilis.md` → `user@host.1234:…`, a target that is no file):
    it comes and goes with the editor, names a hidden file that nothing reads,
    and would stop every build made while the release is open."""
    return link.name.startswith(".#") and not link.exists()


class Listing(set):
    """The files a generator lists: a set, as Pelican's `get_files` returns
    (the static generator joins it with its linked files), that iterates in
    sorted order. Pelican reads the articles in the order it iterates them
    and keeps that order among releases of one slug, and a set of strings
    iterates in an order each process draws anew: of a release and its copy
    under another file name, one build blamed the one and the next build the
    other (a duplicate Thread id, an address taken, an author's spelling)."""

    def __iter__(self):
        return iter(sorted(set.__iter__(self)))


def contained_files(generator, paths, exclude=None, extensions=None) -> Listing:
    """Pelican's `Generator.get_files`, without following symbolic links.

    Same rules otherwise: `paths` and `exclude` relative to content/, folders
    excluded by name under their parent, IGNORE_FILES globs on folders and
    files, `extensions` as `_include_path` takes them. Links are left out (the
    build reported them when it started); a path setting that leaves content/
    is refused.

    A build lists content/ several times (Pelican's check of disabled readers,
    its articles, parallel_markdown, content_lint's two looks): each folder is
    listed by the kinds its directory gives (`warta.filestate.folder_entries`,
    no `lstat` a file), and a folder whose stat shows it unchanged since it was
    listed gives the same entries and, for the same rules, the same files
    (`_kept_in_folder`), its odd files reported again.
    """
    content = generator.path
    if isinstance(paths, str):
        paths = [paths]
    exclusions_by_dirpath: dict[str, set[str]] = {}
    for excluded in exclude or []:
        parent, name = os.path.split(os.path.join(content, excluded))
        exclusions_by_dirpath.setdefault(parent, set()).add(name)
    ignores = tuple(generator.settings["IGNORE_FILES"])
    rules = _listing_rules(generator, extensions, ignores)
    files = Listing()
    for path in paths:
        start = os.path.join(content, path) if path else content
        checked = check_source(content, start)
        if isinstance(checked, Refusal):
            if checked.link is None:
                report(
                    "pelicanconf.py",
                    None,
                    "content folder setting leaves content/, not read",
                    path,
                    "list folders inside content/ only",
                )
            continue
        if os.path.isdir(start):
            # Top-down, in the directory's order, as os.walk goes.
            folders = [start]
            while folders:
                folder = folders.pop()
                entries = folder_entries(folder)
                if entries is None:  # (os.walk passes over a folder it cannot list)
                    continue
                excluded = frozenset(exclusions_by_dirpath.get(folder, ()))
                kept, odd, below = _kept_in_folder(
                    generator, content, folder, entries, excluded, ignores, extensions, rules
                )
                for candidate in odd:
                    # A FIFO or device node would block or never end when read.
                    report(
                        candidate,
                        None,
                        "not a regular file (a pipe, socket or device), not read",
                        candidate,
                        "replace it with an ordinary file or delete it",
                    )
                files.update(kept)
                folders.extend(reversed(below))
        elif os.path.isfile(start) and generator._include_path(path, extensions):
            files.add(path)
    return files


# (folder, the rules of the listing) → (its entries, the files kept, the odd
# files, the folders to walk): a folder's share of a listing, for the same
# entries (`folder_entries` gives the same object while the folder is unchanged).
_KEPT: dict[tuple, tuple] = {}
_KEPT_MAX = 10_000


def _listing_rules(generator, extensions, ignores: tuple) -> tuple | None:
    """What decides which of a folder's files a listing keeps, besides the
    folder's entries: Pelican's `_include_path` reads only the name, the
    extensions (the readers' when none are given) and IGNORE_FILES. None for a
    generator with its own `_include_path` (then asked file by file)."""
    if getattr(
        type(generator), "_include_path", None
    ) is not Generator._include_path or "_include_path" in vars(generator):
        return None
    if extensions is None:
        extensions = generator.readers.extensions
    try:
        # (with its type: `in` a string finds parts of a name)
        allowed = extensions if extensions is False else (type(extensions), tuple(extensions))
        hash(allowed)
    except TypeError:
        return None
    return (generator.path, allowed, ignores)


def _kept_in_folder(generator, content, folder, entries, excluded, ignores, extensions, rules):
    """(files kept, odd files, folders to walk) of one folder of a listing."""
    key = None if rules is None else (folder, excluded, rules)
    if key is not None:
        known = _KEPT.get(key)
        if known is not None and known[0] is entries:
            return known[1:]
    below = [
        os.path.join(folder, name)
        for name in entries.folders
        if name not in excluded and not any(fnmatch.fnmatch(name, i) for i in ignores)
    ]
    folder_relative = os.path.relpath(folder, content)
    odd = [os.path.join(folder_relative, name) for name in entries.others]
    kept = [
        candidate
        for candidate in (os.path.join(folder_relative, name) for name in entries.files)
        if generator._include_path(candidate, extensions)
    ]
    found = (tuple(kept), tuple(odd), tuple(below))
    if key is not None:
        if len(_KEPT) >= _KEPT_MAX:
            _KEPT.clear()
        _KEPT[key] = (entries, *found)
    return found


def guard_file_listing(generator) -> None:
    """Give a generator the contained listing before it lists anything (its
    `get_files` is what it, content_lint and parallel_markdown call)."""

    def get_files(paths, exclude=None, extensions=None):
        return contained_files(generator, paths, exclude, extensions)

    generator.get_files = get_files


# -- articles and pages --------------------------------------------------------------


def check_content(content) -> None:
    """Refuse a content that would be written outside the output, and empty its
    {static}/{attach} links that leave content/; runs as each is read."""
    if not isinstance(content, (Article, Page)) or not content.source_path:
        return
    settings = content.settings
    hold_future_page(content)
    hold_taken_down(content)
    hold_drafts_folder(content)
    keep_draft_at_draft_address(content)
    # Its path for a finding, made when there is one: the path objects cost
    # more than the rest of the checks of a content that has none (most).
    where = functools.partial(relative, content.source_path, settings["PATH"])
    lines = SourceLines(content.source_path)
    # A URL setting that cannot be formatted: Pelican reports the article itself.
    with contextlib.suppress(KeyError, ValueError, AttributeError):
        if not address_is_safe(content):
            check_output(content, settings, where(), lines)
    check_static_links(content, settings, where, lines)
    with contextlib.suppress(KeyError, ValueError, AttributeError):
        check_taxonomy_names(content, lines, where)


def keep_draft_at_draft_address(content) -> None:
    """A draft's own `Save_as:`/`URL:` waits until it is published. Pelican
    prefers a content's own address to DRAFT_SAVE_AS, which the public build
    empties to write no draft: a draft (or an embargoed release) with a
    `Save_as:` was published, in the sitemap, with its photos and card. It is
    previewed at its draft address instead, and takes its own when published."""
    if getattr(content, "status", None) != "draft":
        return
    for key in ("save_as", "url"):
        if hasattr(content, f"override_{key}"):
            delattr(content, f"override_{key}")


def keep_drafts_at_draft_address(generator) -> None:
    """article_generator_pretaxonomy: a future-dated article becomes a draft
    after its content_object_init (Pelican's WITH_FUTURE_DATES rule). Then the
    drafts the build does not write (all of them in the public build) are
    taken out of the lists outside plugins and templates read."""
    for article in every_content(generator, ("drafts", "drafts_translations")):
        keep_draft_at_draft_address(article)
    hold_back_unwritten(generator)


def hold_back_unwritten_pages(generator) -> None:
    """page_generator_finalized (Pelican's pages generator has no earlier
    signal with its lists made): the draft pages the build does not write."""
    if is_pages_generator(generator):
        hold_back_unwritten(generator)


def check_taxonomy_names(content, lines: SourceLines, where: Callable[[], str]) -> None:
    """An author or a rubrik whose page has no address: no letter or digit to
    make it from (`Author: 🗳️`: its page took the authors' index), or a name
    longer than the file system takes (the write stopped the build). One error
    at its line; the author is left out, the rubrik becomes DEFAULT_CATEGORY.
    Tags are the official_tags plugin's (it drops one without letters or
    digits, and any the vocabulary does not know)."""
    from pelican.urlwrappers import Author, Category

    settings = content.settings

    def refused(key: str, wrapper) -> bool:
        # The slug is the one part of its page's address a release writes (and
        # Pelican makes it anyway): no address formatted here, per article.
        problem = None
        slug = slug_of(wrapper)
        if not slug:
            problem = "has no letter or digit to make its page's address from"
        elif long_name(slug):
            problem = f"makes its page's address longer than {NAME_MAX} bytes"
        if problem is None:
            return False
        keys = {"Author": ("author", "authors"), "Category": ("category",), "Tags": ("tags",)}[key]
        outcome = (
            f"the release is listed under '{settings['DEFAULT_CATEGORY']}'"
            if key == "Category"
            else "left out"
        )
        report(
            where(),
            lines.front_matter.line(*keys),
            f"{key} {problem}: {outcome}",
            wrapper.name,
            "write it in letters, as short as the office's name",
            # content_lint names an article's unknown rubrik at the same line.
            secondary=key == "Category" and isinstance(content, Article),
        )
        return True

    authors = getattr(content, "authors", None) or []
    kept = [author for author in authors if not refused("Author", author)]
    if len(kept) != len(authors):
        fallback = [Author(settings["AUTHOR"], settings)] if settings.get("AUTHOR") else []
        content.authors = kept or fallback
        if content.authors:
            content.author = content.authors[0]
        elif hasattr(content, "author"):
            del content.author
    category = getattr(content, "category", None)
    if category is not None and refused("Category", category):
        content.category = Category(settings["DEFAULT_CATEGORY"], settings)
    if isinstance(content, Page):  # an article's tags are the official_tags plugin's
        tags = getattr(content, "tags", None) or []
        kept_tags = [tag for tag in tags if not refused("Tags", tag)]
        if len(kept_tags) != len(tags):
            content.tags = kept_tags


# The slugs `slug_of` has made this build: (settings, {(wrapper class, name): slug}).
_slugs: tuple[object, dict[tuple[type, str], str]] | None = None


def slug_of(wrapper) -> str:
    """`wrapper.slug` (an author's or a rubrik's), made once per build for
    each name of its kind: Pelican gives every article wrappers of its own
    and slugifies each name again (30 µs an article, for the few hundred
    names a site has). A wrapper whose slug comes from its name is given the
    one its name made before, as Pelican keeps it once made; a name that
    makes none is slugified each time (Pelican warns of each)."""
    global _slugs
    if not isinstance(wrapper, URLWrapper) or not wrapper._slug_from_name:
        return wrapper.slug
    if _slugs is None or _slugs[0] is not wrapper.settings:
        _slugs = (wrapper.settings, {})
    key = (type(wrapper), wrapper.name)
    if wrapper._slug is None and key in _slugs[1]:
        wrapper._slug = _slugs[1][key]
    slug = wrapper.slug
    if slug:
        _slugs[1][key] = slug
    return slug


def own_save_as_refusal(content) -> tuple[str, str] | None:
    """Why a `Save_as:` a content gives itself may not be written, as (what it
    is, why), or None. A release or page is an HTML page: `Save_as: CNAME`
    (the domain GitHub Pages serves), `robots.txt` or `feed.xml` would replace
    a file of the site. And it is a page of the published site: not in a
    folder the output keeps but never publishes (`.git`, OUTPUT_RETENTION:
    the release silently missed from the site), nor among the site's own
    files (`images/`, the theme's; the photo variants and their clean-up)."""
    value = getattr(content, "override_save_as", None)
    if value is None:
        return None
    text = str(value)
    if not text.strip():
        return "is not a page", "an empty Save_as: writes no page"
    if not text.lower().endswith((".html", ".htm")):
        return "is not a page", "no '.html' ending"
    folder = posixpath.normpath(text.replace("\\", "/")).split("/")[0]
    if folder == posixpath.normpath(text):  # a page at the top of the site
        return None
    settings = content.settings
    if folder in unpublished_names(settings.get("OUTPUT_RETENTION")):
        return "is in a folder the site never publishes", f"'{folder}/', of OUTPUT_RETENTION"
    if folder in site_file_folders(settings):
        return "is in a folder of the site's own files", f"'{folder}/'"
    return None


def site_file_folders(settings) -> frozenset[str]:
    """The top folders of the output that hold the site's own files, not
    pages: the static folders (STATIC_PATHS: `images/`, with the photo
    variants and cards the images plugin writes) and the theme's
    (THEME_STATIC_DIR)."""
    folders = [*(settings.get("STATIC_PATHS") or ()), settings.get("THEME_STATIC_DIR") or ""]
    tops = (posixpath.normpath(str(f).replace("\\", "/")).split("/")[0] for f in folders if f)
    return frozenset(top for top in tops if top not in (".", "..", ""))


def own_url(save_as: str) -> str:
    """The address of a page saved at `save_as`: its folder for an
    `index.html` ("pengumuman/seleksi/" for pengumuman/seleksi/index.html),
    else the file itself."""
    text = save_as.lstrip("/")
    if text == "index.html" or text.endswith("/index.html"):
        return text[: -len("index.html")]
    return text


# The site's address settings of articles and pages, and the fields of a
# content they may use for `address_is_safe` to vouch for them.
ADDRESS_SETTING = re.compile(r"^(ARTICLE|DRAFT|PAGE|DRAFT_PAGE)(_LANG)?_(URL|SAVE_AS)$")
SAFE_FIELDS = frozenset({"slug", "date", "lang"})
SAFE_SLUG_MAX = 200  # room for the setting's own text around it within NAME_MAX
SAFE_LANG_MAX = 35
_vouched: tuple[object, bool] | None = None  # (settings, their addresses are safe)


def address_is_safe(content) -> bool:
    """True when a content's addresses cannot be refused by `check_output`:
    no `Save_as:` or `URL:` of its own, a slug of `[a-z0-9-]` and a language
    tag, both short, and address settings made of those fields alone that are
    safe with the longest such values. Spares formatting every article's
    address on the reading pass (1 s at 10,000 articles, most of the check)."""
    metadata = content.metadata
    if "save_as" in metadata or "url" in metadata:
        return False
    slug = getattr(content, "slug", None)
    if not isinstance(slug, str) or len(slug) > SAFE_SLUG_MAX or not SLUG_RE.match(slug):
        return False
    lang = str(getattr(content, "lang", "") or "")
    if len(lang) > SAFE_LANG_MAX or (lang and not LANG_RE.match(lang)):
        return False
    global _vouched
    if _vouched is None or _vouched[0] is not content.settings:
        _vouched = (content.settings, address_settings_safe(content.settings))
    return _vouched[1]


def address_settings_safe(settings) -> bool:
    """Whether every address setting of articles and pages uses only
    SAFE_FIELDS and stays a page inside the output with the longest values
    `address_is_safe` lets through."""
    sample = {
        "slug": "a" * SAFE_SLUG_MAX,
        "lang": "a" * SAFE_LANG_MAX,
        "date": dt.datetime(2000, 1, 1),
    }
    for key, pattern in settings.items():
        if not ADDRESS_SETTING.match(key) or not isinstance(pattern, str) or not pattern:
            continue
        try:
            fields = {
                name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None
            }
            if not fields <= SAFE_FIELDS:
                return False
            value = pattern.format(**sample)
        except (ValueError, KeyError, IndexError, AttributeError):
            return False
        refusal = output_file_refusal if key.endswith("SAVE_AS") else output_refusal
        if refusal(settings["OUTPUT_PATH"], value):
            return False
    return True


def check_output(content, settings, where: str, lines: SourceLines) -> None:
    if not all(hasattr(content, key) for key in getattr(content, "mandatory_properties", ())):
        # No Title: (a page's empty one): Pelican drops it and says what is
        # missing; its address, made of no title ('/index.html'), is not its fault.
        return
    output = settings["OUTPUT_PATH"]
    for kind, refusal in (("save_as", output_file_refusal), ("url", output_refusal)):
        value = str(getattr(content, kind, "") or "")
        problem = refusal(output, value)
        verb = "cannot be written" if long_name(value) else "leaves the site folder"
        own = problem is None and kind == "save_as"
        if own:
            refused = own_save_as_refusal(content)
            if refused is None:
                continue
            verb, problem = refused
        if problem is None:
            continue
        key = "save_as" if own else blamed_key(content)
        line = lines.front_matter.line(key) if key else None
        # The front-matter line as written ("URL: ../x/"), else the value.
        shown = lines.get()[line - 1].strip() if line else value
        # A `Lang:` that is no language, a `Slug:` that is no slug: content_lint
        # says so ("invalid Lang", "invalid Slug", with the value to write);
        # this line only when nothing else names the file.
        bad_value = (key == "lang" and not LANG_RE.match(str(content.metadata.get(key) or ""))) or (
            key == "slug" and not SLUG_RE.match(str(content.metadata.get(key) or ""))
        )
        report(
            where,
            line,
            f"output path {verb} ({problem}: {kind} '{value}'), not written",
            shown,
            OWN_SAVE_AS_SUGGESTION if own and verb != "is not a page" else OUTPUT_SUGGESTION,
            secondary=bad_value,
        )
        # Pelican drops an invalid content (recorded as a failed source); its
        # own checks would only repeat this error, or miss it (its check is a
        # string prefix: "output-x/" passes for "output").
        content.is_valid = lambda: False
        return
    check_own_url(content, where, lines)


def check_own_url(content, where: str, lines: SourceLines) -> None:
    """A content's links must lead to where it is saved. Pelican links the page
    at its URL but saves it at its Save_as:

    - its own `URL:` that is not where it is saved (`URL: Kabupaten Lahat`
      made every link to it lead nowhere, and put its social card at the
      site's top as 'Kabupaten Lahatog.png') is left out, with a warning at
      its line;
    - its own `Save_as:` without a `URL:` left every link (home, rubrik,
      sitemap, feeds, canonical) at the address its Slug: gives, where only
      its card was: the URL is the Save_as:'s address
      ("pengumuman/seleksi/" for `Save_as: pengumuman/seleksi/index.html`)."""
    url = content.metadata.get("url")
    own_save_as = "save_as" in content.metadata and hasattr(content, "override_save_as")
    if url is not None and hasattr(content, "override_url"):
        save_as = str(content.save_as)
        if str(url).lstrip("/") in (save_as, own_url(save_as)):
            return
        del content.override_url
        line = lines.front_matter.line("url")
        findings.report(
            logger,
            Finding(
                where,
                line,
                "warning",
                f"URL: is not where the page is saved ('{save_as}'), left out: "
                f"'{shown_controls(str(url))}'",
                "remove the URL: line: the address comes from the "
                + ("Save_as:" if own_save_as else "Slug:"),
            ),
        )
    if own_save_as:
        content.override_url = own_url(str(content.override_save_as))


def blamed_key(content) -> str | None:
    for key in ADDRESS_KEYS:
        value = str(content.metadata.get(key) or "")
        if value and (
            ".." in value or value.startswith(("/", "\\")) or ":" in value or long_name(value)
        ):
            return key
    for key in ("save_as", "url"):
        if content.metadata.get(key):
            return key
    return None


def check_static_links(content, settings, where: Callable[[], str], lines: SourceLines) -> None:
    body = getattr(content, "_content", None)
    if not body or ("{" not in body and "|" not in body):
        return
    root = settings["PATH"]
    pattern = content._get_intrasite_link_regex()

    def refuse(match) -> str:
        if match.group("what") not in ("static", "attach"):
            return match.group(0)
        written = match.group("path")
        linked = link_path(content, match.group("value"))
        checked = check_source(root, os.path.join(root, linked))
        if not isinstance(checked, Refusal):
            return match.group(0)
        if checked.link is not None:
            reason = f"link goes through a symbolic link ({relative(checked.link, root)})"
        elif checked.reason.startswith("outside"):
            reason = "link leaves the content folder"
        else:
            reason = f"link path refused ({checked.reason})"
        line = next((n for n, text in enumerate(lines.get(), 1) if written in text), None)
        report(where(), line, f"{reason}: file not read or published", written, LINK_SUGGESTION)
        # Emptied before Pelican collects the file into its static files.
        return f"{match.group('markup')}{match.group('quote')}{match.group('quote')}"

    content._content = pattern.sub(refuse, body)


def theme_templates(settings) -> frozenset[str]:
    """The names a `Template:` may give, as Pelican looks them up (the file name
    without its extension): the top-level templates of the theme and its
    overrides, and their `!theme/` and `!simple/` names (Pelican's prefix
    loader). A template in a subfolder (the theme's partials) is not a page."""
    import pelican  # the simple theme ships inside the package

    simple = os.path.join(os.path.dirname(pelican.__file__), "themes", "simple", "templates")
    looked_up = template_folders(settings)
    folders = [
        *(("", folder) for folder in looked_up),
        ("!theme/", looked_up[-1]),
        ("!simple/", simple),
    ]
    return _template_names(tuple(folders), tuple(settings.get("TEMPLATE_EXTENSIONS", [".html"])))


def _template_names(folders: tuple, extensions: tuple) -> frozenset[str]:
    # Listed for each generator, not remembered: `invoke livereload` builds
    # again in one process after a template is added.
    names = set()
    for prefix, folder in folders:
        with contextlib.suppress(OSError):
            for entry in os.scandir(folder):
                stem, extension = os.path.splitext(entry.name)
                if extension in extensions and entry.is_file():
                    names.add(prefix + stem)
    return frozenset(names)


def check_templates(contents, settings) -> None:
    """Give a content whose `Template:` names no template of the theme its
    kind's own template, with one error line."""
    available = None
    for content in contents:
        name = content.metadata.get("template")
        if name is None:  # an empty `Template:` is a name Pelican cannot load either
            continue
        if available is None:
            available = theme_templates(settings)
        if str(name) in available:
            continue
        offered = sorted(n for n in available if not n.startswith("!"))
        lines = SourceLines(content.source_path)
        line = lines.front_matter.line("template")
        report(
            message_path(content),
            line,
            f"unknown Template: shown with the '{content.default_template}' template instead",
            lines.get()[line - 1].strip() if line else str(name),
            f"remove the Template: line, or use one of: {', '.join(offered)}",
        )
        content.template = content.default_template


def check_article_templates(generator) -> None:
    check_templates(every_article(generator), generator.settings)


def check_page_templates(generator) -> None:
    check_templates(every_page(generator), generator.settings)


def link_path(content, value: str) -> str:
    """The content-relative path of a {static} link, as Pelican computes it."""
    path = unquote(urlparse(value).path)
    if path.startswith("/"):
        return path[1:]
    return os.path.join(content.relative_dir, path)


# -- static files --------------------------------------------------------------------


def check_static_files(generator) -> None:
    """Drop static files whose source or output path breaks the rule, before
    the static generator copies them (its `generate_output` runs later)."""
    root = generator.path
    output = generator.output_path
    kept = []
    for static in generator.staticfiles:
        source = os.path.join(root, static.source_path)
        checked = check_source(root, source)
        if isinstance(checked, Refusal):
            if checked.link is None:  # links were reported when the build started
                report(
                    relative(source, root),
                    None,
                    "static file outside the content folder: not published",
                    static.source_path,
                    LINK_SUGGESTION,
                )
            continue
        problem = output_file_refusal(output, static.save_as)
        if problem:
            report(
                relative(source, root),
                None,
                f"static file output path {problem}: not published",
                static.save_as,
                "check EXTRA_PATH_METADATA and STATIC_SAVE_AS in pelicanconf.py",
            )
            continue
        kept.append(static)
    # The context holds the same list object: change it in place.
    generator.staticfiles[:] = kept


def register() -> None:
    signals.initialized.connect(report_symlinks)
    signals.article_generator_init.connect(guard_file_listing)
    signals.page_generator_init.connect(guard_file_listing)
    signals.static_generator_init.connect(guard_file_listing)
    signals.content_object_init.connect(check_content)
    signals.article_generator_pretaxonomy.connect(keep_drafts_at_draft_address)
    signals.static_generator_finalized.connect(check_static_files)
    signals.article_generator_finalized.connect(check_article_templates)
    signals.page_generator_finalized.connect(check_page_templates)
    signals.page_generator_finalized.connect(hold_back_unwritten_pages)
