"""comments: a "Komentar" section at the end of every article page.

For each article this plugin computes a stable comment-thread id (`Thread:`
metadata, else a fallback from the source path; see `threads.py`) and the
thread's state at build time (open, closed or off; `Comments:` metadata and
COMMENTS_CLOSE_AFTER_DAYS), and stores them as
`article.enrichment.comments` = {"thread", "state", "closed_by",
"close_after_days"}. The template `partials/comments.html` renders the
section; with a provider, `static/js/comments.js` loads the provider's script
only after the reader clicks "Tampilkan komentar" (UU 27/2022: no third-party
request before the reader asks).

Settings (defaults in DEFAULTS):
  COMMENTS_PROVIDER          None (no comment server: the section points to the
                             contact page and no script is loaded), "isso" or
                             "remark42" (sketch)
  COMMENTS_ISSO_URL          Isso's base URL, e.g. "https://komentar.example.go.id"
  COMMENTS_REMARK42_URL, COMMENTS_REMARK42_SITE_ID   the same for Remark42
  COMMENTS_CLOSE_AFTER_DAYS  None, or close threads N days after publication
  COMMENTS_PRIVACY_URL       the privacy policy page ("kebijakan-privasi/", with or
                             without its leading "/"), or a full https URL; with a
                             provider, a page of this site must have that address
  COMMENTS_LOAD_TIMEOUT      seconds (3 to 120) comments.js waits without news
                             from the server before showing an error message (15)
  COMMENTS_THREADS_SAVE_AS   with Isso, where the build writes the open threads
                             ("komentar/utas-terbuka.json"; None: not written),
                             which `warta.comment_gate` in front of Isso reads: a
                             comment posted to Isso's API for a thread not listed
                             open (closed, off, a draft's, unknown) is refused
Generator context: `comments_provider` (the client configuration, or None),
`comments_privacy_href` (the privacy link's href).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
from pathlib import Path

from pelican import signals

from warta import frontmatter
from warta.contents import every_content
from warta.enrichment import enrichment_of
from warta.findings import Finding, report
from warta.paths import own_output, replace_file
from warta.published import check_only

from .providers import client_config, privacy_url
from .threads import (
    CommentsError,
    fallback_thread_id,
    parse_close_after_days,
    parse_state,
    parse_thread_id,
    thread_state,
)

logger = logging.getLogger(__name__)

DEFAULTS = {
    "COMMENTS_PROVIDER": None,
    "COMMENTS_ISSO_URL": None,
    "COMMENTS_REMARK42_URL": None,
    "COMMENTS_REMARK42_SITE_ID": "remark",
    "COMMENTS_CLOSE_AFTER_DAYS": None,
    "COMMENTS_PRIVACY_URL": "kebijakan-privasi/",
    "COMMENTS_LOAD_TIMEOUT": 15,
    "COMMENTS_THREADS_SAVE_AS": "komentar/utas-terbuka.json",
}
# Generator-context key: {thread: closes (ISO, WIB) or None} of the open
# threads of published articles, for `write_open_threads`.
OPEN_THREADS = "comments_open_threads"

# COMMENTS_LOAD_TIMEOUT, seconds: below, a phone on a slow line fails every time;
# above, a reader waits minutes on "Memuat komentar…" for a server that is down.
LOAD_TIMEOUT_RANGE = (3, 120)


def _settings(generator) -> dict:
    for key, value in DEFAULTS.items():
        generator.settings.setdefault(key, value)
        generator.context.setdefault(key, generator.settings[key])  # for the templates
    return {
        **{key: generator.settings[key] for key in DEFAULTS},
        "SITEURL": generator.settings.get("SITEURL") or "",
    }


def _site_config(settings: dict) -> tuple[dict | None, int | None]:
    """Provider configuration and close-after days; bad settings are logged as errors
    and comments degrade to "no provider" / "never close"."""
    try:
        provider = client_config(settings)
    except CommentsError as exc:
        _setting_error(f"{exc.message}: '{exc.value}'", exc.hint)
        provider = None
    if provider is not None:
        timeout = settings["COMMENTS_LOAD_TIMEOUT"]
        low, high = LOAD_TIMEOUT_RANGE
        if (
            isinstance(timeout, bool)
            or not isinstance(timeout, int | float)
            or not low <= timeout <= high  # NaN included
        ):
            hint = f"use seconds from {low} to {high}, e.g. {DEFAULTS['COMMENTS_LOAD_TIMEOUT']}"
            number = isinstance(timeout, int | float) and not isinstance(timeout, bool)
            if number and 1000 * low <= timeout <= 1000 * high:
                hint += f"; {timeout} looks like milliseconds: {timeout / 1000:g} s"
            _setting_error(f"invalid COMMENTS_LOAD_TIMEOUT: '{timeout}'", hint)
            timeout = DEFAULTS["COMMENTS_LOAD_TIMEOUT"]
        provider["timeout_ms"] = int(timeout * 1000)
    try:
        close_after = parse_close_after_days(settings["COMMENTS_CLOSE_AFTER_DAYS"])
    except CommentsError as exc:
        _setting_error(f"{exc.message}: '{exc.value}'", exc.hint)
        close_after = None
    return provider, close_after


def _setting_error(message: str, suggestion: str) -> None:
    report(logger, Finding("", None, "error", f"settings: comments: {message}", suggestion))


def _error(article, key: str, message: str, suggestion: str) -> None:
    """An error at the front-matter line of `key` (the file alone when absent)."""
    path = Path(article.relative_source_path or article.source_path).as_posix()
    line = frontmatter.read_header(article.source_path).line(key)
    report(logger, Finding(path, line, "error", message, suggestion))


# ` # …` after a value: a comment in a `---` block, as YAML reads it.
_YAML_COMMENT_RE = re.compile(r"\s+#.*$", re.S)


def _parsed_metadata(article, key: str, label: str, parse):
    """The parsed value of one metadata key; None when absent or invalid (logged)."""
    raw = article.metadata.get(key)
    # The front-matter reader keeps a plain value as written (` #2` in a title
    # is text); a state or a thread id is one word, so in a `---` block the rest
    # is the comment YAML sees (`comments: off # sementara`), as after draft:.
    if (
        isinstance(raw, str)
        and _YAML_COMMENT_RE.search(raw)
        and frontmatter.read_header(article.source_path).dashed
    ):
        raw = _YAML_COMMENT_RE.sub("", raw)
    if raw in (None, ""):
        return None
    try:
        return parse(raw)
    except CommentsError as exc:
        _error(article, label, f"{exc.message}: '{exc.value}'", exc.hint)
        return None


def source_of(article) -> str:
    """The article's source path below content/, with "/" (Pelican works it
    out at each ask)."""
    return posix_path(article.relative_source_path or article.source_path)


# Where `PurePosixPath` would change a path's text: an empty or "." part, a
# trailing slash (a leading "//" it keeps; a "." at a name's start is allowed
# for: ".../.hidden" goes the long way).
_NOT_AS_WRITTEN = re.compile(r"//|/\.|^\.(?:/|$)|/$|^$")


def posix_path(path: str) -> str:
    """`Path(path).as_posix()`, without making a Path where the text is
    already that (a path Pelican made: 10,000 Paths were half of
    `add_comments`). The fallback thread id is a digest of this text, so it
    must be the same to the character (`test_posix_path_is_paths_own`)."""
    if os.sep == "/" and isinstance(path, str) and not _NOT_AS_WRITTEN.search(path):
        return path
    return Path(path).as_posix()


def comments_for(
    article, close_after_days: int | None, now: dt.datetime, relative: str | None = None
) -> dict:
    """The `comments` entry of one article; bad metadata is logged as an error.
    `relative`: its `source_of`, when the caller has it."""
    relative = source_of(article) if relative is None else relative
    thread = _parsed_metadata(article, "thread", "Thread", parse_thread_id)
    thread = thread or fallback_thread_id(relative)
    declared = _parsed_metadata(article, "comments", "Comments", parse_state)
    state = thread_state(declared, article.date, now, close_after_days)
    return {
        "thread": thread,
        "state": state.state,
        "closed_by": state.closed_by,
        "close_after_days": close_after_days,
    }


def _privacy_href(settings: dict) -> str | None:
    """The privacy link's href; None (logged) when COMMENTS_PRIVACY_URL is bad."""
    try:
        address = privacy_url(settings["COMMENTS_PRIVACY_URL"])
    except CommentsError as exc:
        _setting_error(f"{exc.message}: '{exc.value}'", exc.hint)
        return None
    if "://" in address:
        return address
    return f"{settings['SITEURL'] or ''}/{address}"


def add_comments(generator) -> None:
    settings = _settings(generator)
    provider, close_after_days = _site_config(settings)
    generator.context["comments_provider"] = provider
    # Bad: the link goes to the default page, whose absence check_privacy_page reports.
    generator.context["comments_privacy_href"] = _privacy_href(settings) or _privacy_href(
        {**settings, "COMMENTS_PRIVACY_URL": DEFAULTS["COMMENTS_PRIVACY_URL"]}
    )
    seen: dict[str, str] = {}
    open_threads: dict[str, str | None] = {}
    published = {id(a) for a in (*generator.articles, *generator.translations)}
    for article in every_content(
        generator, ("articles", "translations", "drafts", "drafts_translations")
    ):
        # Build time in the article's own zone (WIB): "N days" means calendar time here.
        now = dt.datetime.now(article.date.tzinfo)
        path = source_of(article)
        comments = comments_for(article, close_after_days, now, path)
        enrichment_of(article).comments = comments
        if (
            comments["state"] == "open"
            and id(article) in published
            and getattr(article, "status", "published") == "published"
        ):
            open_threads[comments["thread"]] = _closes(article.date, close_after_days)
        other = seen.setdefault(comments["thread"], path)
        if other != path:
            _error(
                article,
                "Thread",
                f"Thread id already used by {other}: '{comments['thread']}'",
                "give each article its own Thread id",
            )

    if provider is not None and provider.get("name") == "isso":
        save_as = settings["COMMENTS_THREADS_SAVE_AS"]
        if save_as:
            own_output(generator.context, save_as, "the comments plugin (COMMENTS_THREADS_SAVE_AS)")
            generator.context[OPEN_THREADS] = (save_as, open_threads)


def _closes(published: dt.datetime, close_after_days: int | None) -> str | None:
    """When a thread open now closes by COMMENTS_CLOSE_AFTER_DAYS (ISO, WIB)."""
    if close_after_days is None:
        return None
    when = published + dt.timedelta(days=close_after_days)
    if when.tzinfo is not None:
        when = when.astimezone(dt.timezone(dt.timedelta(hours=7)))
    return when.replace(tzinfo=None).isoformat(timespec="seconds")


def write_open_threads(pelican) -> None:
    """finalized: the open threads (`OPEN_THREADS`) for `warta.comment_gate`."""
    found = _LAST.pop(os.path.realpath(pelican.output_path), None)
    if not found or check_only(pelican.settings):
        return
    save_as, threads = found
    output = Path(pelican.output_path).resolve()
    target = (output / save_as).resolve()
    if output not in target.parents:
        _setting_error(
            f"COMMENTS_THREADS_SAVE_AS must be a file inside the output: '{save_as}'",
            "write a path such as 'komentar/utas-terbuka.json'",
        )
        return
    data = json.dumps({"open": dict(sorted(threads.items()))}, indent=0, sort_keys=False)
    target.parent.mkdir(parents=True, exist_ok=True)
    replace_file(str(target), (data + "\n").encode("utf-8"))


# Output folder → (save_as, open threads), from all_generators_finalized to finalized.
_LAST: dict[str, tuple[str, dict]] = {}


def _address(url: str) -> str:
    return url.removesuffix("index.html").strip("/")


def check_privacy_page(generators) -> None:
    """all_generators_finalized: with a comment server, the privacy page the
    section links to (the notice the click-to-load design relies on) must be a
    page of this site."""
    generator = next((g for g in generators if hasattr(g, "context")), None)
    if generator is not None and generator.context.get(OPEN_THREADS):
        _LAST[os.path.realpath(generator.output_path)] = generator.context[OPEN_THREADS]
    if generator is None or not generator.context.get("comments_provider"):
        return  # no comment server (or a bad one, reported)
    settings = generator.settings
    try:
        address = privacy_url(settings.get("COMMENTS_PRIVACY_URL"))
    except CommentsError:
        address = DEFAULTS["COMMENTS_PRIVACY_URL"]  # reported by add_comments
    if "://" in address:
        return
    urls = (
        getattr(item, "url", None)
        for generator in generators
        for name in ("pages", "hidden_pages", "translations", "hidden_translations")
        for item in getattr(generator, name, None) or ()
    )
    if any(isinstance(url, str) and _address(url) == _address(address) for url in urls):
        return
    _setting_error(
        f"COMMENTS_PRIVACY_URL names no page of this site: '{address}'",
        "write the privacy page (content/halaman/kebijakan-privasi.md) or give its address",
    )


def register():
    signals.article_generator_finalized.connect(add_comments)
    signals.all_generators_finalized.connect(check_privacy_page)
    signals.finalized.connect(write_open_threads)
