"""Links to a missing file, taken out of what the build publishes (Pelican import).

content_lint says each `{filename}`, `{static}` or `{attach}` link (or
`|filename|`, and any attribute Pelican resolves: an image's src) to a file
content/ does not hold, at its line. Pelican cannot resolve such a link: it
would say so again with no file ("Unable to find '…', skipping url
replacement"), leave the raw `{filename}/…` in the page and the feeds, and
make a static file of a `{static}`/`{attach}` path that is not there (an
empty folder in the output, "file used by nothing" for a file that does not
exist). So, after the lint:

- `forget_missing_static_links` (article and page generators finalized):
  the paths of missing files are taken out of the static links Pelican
  collected, before its static generator reads them;
- `drop_dead_links` (all generators finalized, after the lint read the
  bodies): every link of a body or a summary that Pelican cannot resolve and
  whose file content/ does not hold keeps its text and loses the link; an
  image keeps its alt text; any other attribute is taken off its tag.

A link to a file that is there but that Pelican did not make a page of (a
release it dropped) is left to Pelican, as before: that release's own reason
is said at its own file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

from pelican.contents import Content
from pelican.plugins.signals import signal

from warta.contents import contents_of, forget_rendered, linked_content, set_summary
from warta.published import LINKS_REMOVED

# An <a> and its text (an anchor is never nested), and any other tag.
_ANCHOR_RE = re.compile(r"<a\b[^>]*>(?P<text>.*?)</a\s*>", re.IGNORECASE | re.DOTALL)
_TAG_RE = re.compile(r"<(?P<name>[a-zA-Z][\w-]*)\b[^>]*>")
_ALT_RE = re.compile(r"""\balt\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'=<>`]+))""")

# Pelican's INTRASITE_LINK_REGEX as it ships.
PELICAN_LINK_REGEX = "[{|](?P<what>.*?)[|}]"
# A `{filename}`, `{static}` or `{attach}` (or with `|`) in a fragment.
_INTRASITE_RE = re.compile(r"[{|](filename|static|attach)[|}]")


def missing_static_paths(links, exists: Callable[[str], bool]) -> set[str]:
    """The static link paths (below content/, as Pelican collects them) whose
    file `exists` does not find."""
    return {path for path in links if not exists(path)}


def forget_missing_static_links(generator) -> None:
    """article/page_generator_finalized: Pelican's static links (`static_links`
    in the context: every `{static}`/`{attach}` path a content names) without
    the paths of files content/ does not hold, so that its static generator
    makes no file of them (content_lint says each link at its line)."""
    links = generator.context.get("static_links")
    if not links:
        return
    root = generator.path
    missing = missing_static_paths(links, lambda path: os.path.isfile(os.path.join(root, path)))
    links.difference_update(missing)


def _linked(content, key: str, value: str):
    """What Pelican's `_get_linked_content` finds for a link value in the
    context's `key` ("generated_content", "static_content"): `linked_content`."""
    return linked_content(content, value, content._context.get(key) or {})


def resolves(content, what: str, value: str) -> bool:
    """Whether Pelican resolves the link `{what}value` of the content (a
    `{filename}` link to a static file too, as it does)."""
    if what == "filename":
        return (
            _linked(content, "generated_content", value) is not None
            or _linked(content, "static_content", value) is not None
        )
    return _linked(content, "static_content", value) is not None


def dead_value(content, is_missing: Callable[[str, str], bool]) -> Callable[[str, str], bool]:
    """A test of an intrasite link `{what}value` of the content: whether
    Pelican cannot resolve it and its file is missing (`is_missing(what, path)`)."""

    def dead(what: str, value: str) -> bool:
        if what not in ("filename", "static", "attach"):
            return False
        return not resolves(content, what, value) and is_missing(what, value)

    return dead


def dead_in(
    fragment: str, content, is_missing: Callable[[str, str], bool]
) -> Callable[[re.Match], bool] | None:
    """A test of the content's intrasite links (matches of Pelican's own
    pattern) that Pelican cannot resolve and whose file is missing
    (`is_missing(what, path)`), or None when the fragment has none."""
    if "{" not in fragment and "|" not in fragment:
        return None
    dead = dead_value(content, is_missing)
    return lambda match: dead(match.group("what"), match.group("value"))


def has_pelicans_pattern(content) -> bool:
    """Whether the content's links are found by Pelican's own pattern with its
    own INTRASITE_LINK_REGEX (what `candidates` is proved for)."""
    return (
        content.settings.get("INTRASITE_LINK_REGEX") == PELICAN_LINK_REGEX
        and type(content)._get_intrasite_link_regex is Content._get_intrasite_link_regex
    )


def candidates(fragment: str) -> set[tuple[str, str]]:
    """(what, value) of every `{filename}`, `{static}` or `{attach}` value at a
    quote of the fragment: all that Pelican's own pattern can find on any of
    its tags, and maybe more.

    A match of that pattern (Pelican's INTRASITE_LINK_REGEX in it) on a tag
    has its quote, then `[{|]what[|}]` (`what` the shortest run before a `|`
    or `}`), then the value up to the first quote like the opening one, on
    one line (`.*?`); all of which is the text from that quote on, the same
    in the tag as in the whole fragment. Here: each such `[{|]what[|}]` right
    after a quote, and the text to the next same quote, with no line break.
    (Two of them cannot overlap where the second follows a quote: the first
    ends with letters and a `|` or `}`.)"""
    found = set()
    for match in _INTRASITE_RE.finditer(fragment):
        start, end = match.span()
        quote = fragment[start - 1] if start else ""
        if quote not in ('"', "'"):
            continue
        close = fragment.find(quote, end)
        if close >= 0 and "\n" not in fragment[end:close]:
            found.add((match.group(1), fragment[end:close]))
    return found


def may_have_dead_links(fragment: str, dead: Callable[[str, str], bool]) -> bool:
    """False when `without_dead_links` would give the fragment back unchanged
    (under Pelican's own pattern, `has_pelicans_pattern`): none of its
    candidates is `dead`. Two substitutions over each body with a site link
    cost more than this scan."""
    return any(dead(what, value) for what, value in candidates(fragment))


def without_dead_links(fragment: str, pattern: re.Pattern, dead: Callable[[re.Match], bool]) -> str:
    """The fragment with each tag whose intrasite attribute is `dead` mended:
    an <a> becomes its text, an <img> its alt text, any other tag loses that
    attribute."""

    def has_dead(tag: str) -> bool:
        # (an intrasite value starts with "{" or "|", as `dead_in` reads it: the
        # pattern tried on each tag of a body with a link cost more than the rest)
        if "{" not in tag and "|" not in tag:
            return False
        return any(dead(m) for m in pattern.finditer(tag))

    def anchor(match: re.Match) -> str:
        opening = match.group(0)[: match.group(0).index(">") + 1]
        return match.group("text") if has_dead(opening) else match.group(0)

    def other(match: re.Match) -> str:
        tag = match.group(0)
        if not has_dead(tag):
            return tag
        if match.group("name").lower() == "img":
            alt = _ALT_RE.search(tag)
            return next((v for v in alt.group("dq", "sq", "bare") if v), "") if alt else ""
        return pattern.sub(
            lambda m: (
                m.group(0) if not dead(m) else re.sub(r"\s*\b[\w-]+\s*=\s*$", "", m.group("markup"))
            ),
            tag,
        )

    return _TAG_RE.sub(other, _ANCHOR_RE.sub(anchor, fragment))


def drop_dead_links(generators, is_missing: Callable[[object, str, str], bool]) -> None:
    """all_generators_finalized, after the lint: every content's body and
    summary without its links to missing files (`is_missing(content, what,
    path)`): their text kept, the link gone, no raw `{filename}` left for the
    page and the feeds. A summary made of the body's lead is made again
    (LINKS_REMOVED), as when link_check takes links out."""
    for content in contents_of(generators):
        body = getattr(content, "_content", None)
        summary = content.metadata.get("summary")
        texts = [t for t in (body, summary) if isinstance(t, str) and ("{" in t or "|" in t)]
        if not texts:
            continue  # (most contents: no intrasite link at all)

        def missing(what: str, path: str, content=content) -> bool:
            return is_missing(content, what, path)

        if has_pelicans_pattern(content):  # (most bodies with a link: none dead)
            dead = dead_value(content, missing)
            texts = [text for text in texts if may_have_dead_links(text, dead)]
            if not texts:
                continue
        pattern = content._get_intrasite_link_regex()
        if not any(pattern.search(text) for text in texts):
            continue

        changed = False
        if summary in texts and (dead := dead_in(summary, content, missing)):
            cleaned = without_dead_links(summary, pattern, dead)
            if cleaned != summary:
                set_summary(content, cleaned)
                changed = True
        if body in texts and (dead := dead_in(body, content, missing)):
            cleaned = without_dead_links(body, pattern, dead)
            if cleaned != body:
                content._content = cleaned
                forget_rendered(content)
                signal(LINKS_REMOVED).send(content)
                changed = True
        if changed:
            forget_rendered(content)
