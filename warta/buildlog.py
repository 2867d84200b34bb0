"""Turn every log record of a build into findings with project-relative paths.

Pelican logs in its own words, with absolute paths, object reprs and several
lines for one fault ("Skipping /tmp/…/x.md: could not find information about
'title'", "There are 2 items … with lang id: \\n/abs/a.md\\n/abs/b.md"). A
reader of the build log or of a GitHub annotation needs one line per problem
in one format (`path:line: level: message (suggestion)`, path relative to the
project root). This module knows Pelican's messages by their format string and
translates, folds or drops each; our plugins report structured Findings
(`warta.findings.report`) or log `path[:line]: message` lines, which are read
back. No Pelican import.

*Secondary* findings are Pelican's echoes of a fault that a plugin usually
reports better (with a line and a suggestion): they are held back to the end of
the build and dropped when another finding already names the same file.
"""

from __future__ import annotations

import dataclasses
import os
import re
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from warta.findings import Finding, parse_log_message
from warta.frontmatter import parse_lines, read_source, split_lines
from warta.text import comment_advice

_OBJECT_REPR = re.compile(r"<[\w.]+ object at 0x[0-9a-f]+>")
# Pelican's echo that it dropped a file: folded only into a finding that says
# the file is not on the site (content_lint's reason for a dropped release,
# an unknown Status:, a page not written), never into a file's other problems.
CANNOT_READ = "cannot read this article"
SAYS_DROPPED = ("not published", "not written")
DATE_HINT = "write it as YYYY-MM-DD HH:MM in WIB, e.g. 2024-11-17 09:30"


@dataclass
class Translation:
    """What one record becomes: findings to print now, findings held back, or none."""

    findings: list[Finding] = field(default_factory=list)
    secondary: list[Finding] = field(default_factory=list)


@dataclass
class Paths:
    """The folders a build knows, for showing any path relative to the project."""

    project: Path
    content: Path
    output: Path | None = None
    cache: Path | None = None
    plugin_paths: tuple[str, ...] = ()  # PLUGIN_PATHS, to name a plugin in a failure

    @classmethod
    def from_settings(cls, settings: dict, settings_file: str | os.PathLike) -> Paths:
        def folder(key):
            value = settings.get(key)
            return Path(value).resolve() if value else None

        return cls(
            project=project_root(Path(settings_file).resolve().parent, folder("PATH")),
            content=folder("PATH") or Path.cwd(),
            output=folder("OUTPUT_PATH"),
            cache=folder("CACHE_PATH"),
            plugin_paths=tuple(map(str, settings.get("PLUGIN_PATHS") or ())),
        )

    def display(self, path: str | os.PathLike) -> str:
        """A path as the reader should see it: relative to the project root; a
        content-relative path (how plugins name articles) gets the content
        folder's prefix; output and cache files are shown below `output/` and
        `cache/` wherever those folders are (`invoke check` uses a temp dir)."""
        text = str(path)
        if not text:
            return text
        candidate = Path(text)
        if not candidate.is_absolute():
            if text.startswith("data/") or (
                (self.project / text).exists() and not (self.content / text).exists()
            ):
                return text
            candidate = self.content / text
        candidate = Path(os.path.normpath(candidate))
        for root, label in ((self.output, "output"), (self.cache, "cache")):
            if root and _is_within(candidate, root):
                return _join(label, candidate.relative_to(root))
        for root in (self.project, self.content.parent):
            if _is_within(candidate, root):
                return candidate.relative_to(root).as_posix()
        return candidate.name

    def scrub(self, text: str) -> str:
        """Absolute paths of the build's folders and object reprs out of a message."""
        roots = [
            (self.output, "output"),
            (self.cache, "cache"),
            (self.content, self.display(self.content) or "content"),
            (self.project, ""),
            (self.content.parent, ""),
        ]
        for root, label in roots:
            if root is None:
                continue
            # Only a path that starts here: `../../tmp/x` in what staff wrote stays
            # as written, and so does a sibling that shares the root's first
            # letters (`/srv/warta-lama/x` is not `/srv/warta` plus "-lama/x").
            text = re.sub(
                r"(?<![\w./-])"
                + re.escape(str(root))
                + r"(?:(?P<rest>/[^\s'\"),:]*)|(?![^\s'\"),:]))",
                lambda m, label=label: _join(label, (m["rest"] or "").lstrip("/")) or ".",
                text,
            )
        return _OBJECT_REPR.sub("(image data)", text)


def project_root(settings_dir: Path, content: Path | None) -> Path:
    """The folder paths are shown relative to: the settings file's folder when the
    content lies inside it (the project), else the content folder's parent (a
    fixture site or a per-province content checkout)."""
    if content is None or _is_within(content, settings_dir):
        return settings_dir
    return content.parent


def _is_within(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def _join(label: str, rest) -> str:
    rest = str(rest).replace(os.sep, "/")
    if rest in ("", "."):
        return label
    return f"{label}/{rest}" if label else rest


class Translator:
    """Findings from log records; `paths` shows every path relative to the project."""

    def __init__(
        self,
        paths: Paths,
        read_lines: Callable[[Path], list[str]] | None = None,
        unpublished: Callable[[str], bool] | None = None,
    ):
        self.paths = paths
        self.read_lines = read_lines or _read_lines
        # Whether a release is a draft or embargoed (content_lint's reading).
        self.unpublished = unpublished or (lambda path: False)

    def translate(
        self,
        *,
        template: object,
        args: tuple,
        message: str,
        level: str,
        finding: Finding | None = None,
        exc: BaseException | None = None,
    ) -> Translation:
        if finding is not None:
            return Translation([self._moved(finding, level)])
        if isinstance(template, str):
            handler = PELICAN_MESSAGES.get(template) or _prefix_handler(template)
            if handler is not None:
                return handler(self, args, level, exc)
        parsed = parse_log_message(message, level)
        if parsed.path:
            return Translation([self._moved(parsed, level)])
        text = self.paths.scrub(message.strip())
        return Translation([Finding("", None, level, " ".join(text.split()))])

    # ---- helpers for the handlers ----
    def _moved(self, finding: Finding, level: str) -> Finding:
        """The finding at the record's level, its path shown from the project and
        the build's folders scrubbed out of its text."""
        return dataclasses.replace(
            finding,
            path=self.paths.display(finding.path) if finding.path else "",
            level=level,
            message=self.paths.scrub(finding.message),
            suggestion=self.paths.scrub(finding.suggestion),
        )

    def lines_of(self, path: str) -> list[str]:
        """The lines of a source named by Pelican (absolute, or relative to content/)."""
        candidate = Path(path)
        return self.read_lines(candidate if candidate.is_absolute() else self.paths.content / path)

    def line_of(self, path: str, keys: Iterable[str]) -> int | None:
        return parse_lines(self.lines_of(path), flags_below=False).line(*keys)

    def finding(self, path, line, level, message, suggestion="") -> Finding:
        return Finding(
            self.paths.display(str(path)), line, level, self.paths.scrub(message), suggestion
        )


def _read_lines(path: Path) -> list[str]:
    return split_lines(read_source(path))


def code_location(exc: BaseException, plugin_paths=()) -> str:
    """Where an exception that stopped the build was raised, to name in its
    one line: the plugin ("plugin 'statistik', statistik/__init__.py:12"),
    the deepest frame of a plugin folder or of an installed Pelican plugin;
    else "" (Pelican's own code, a library)."""
    folders = [os.path.realpath(folder) for folder in plugin_paths or ()]
    found = ""
    for frame in traceback.extract_tb(exc.__traceback__):
        path = os.path.realpath(frame.filename)
        for folder in folders:
            if path.startswith(folder + os.sep):
                relative = os.path.relpath(path, folder).replace(os.sep, "/")
                found = f"plugin '{relative.split('/')[0]}', {relative}:{frame.lineno}"
        marker = f"{os.sep}pelican{os.sep}plugins{os.sep}"
        if marker in path and not path.endswith(("signals.py", "_utils.py")):
            relative = path.split(marker, 1)[1].replace(os.sep, "/")
            found = f"plugin 'pelican.plugins.{relative.split('/')[0]}', {relative}:{frame.lineno}"
    return found


# ---- Pelican's messages, by format string ----
def _cannot_register(t: Translator, args, level, exc) -> Translation:
    """Pelican logs a plugin whose register() raised with its traceback and
    builds on without it: one line with the reason and the place."""
    message = f"plugin '{args[0] if args else '?'}' not registered"
    if exc is not None:
        message += f": {type(exc).__name__}: {exc}"
        where = code_location(exc, t.paths.plugin_paths)
        if where:
            message += f" (in {where})"
    return Translation(
        [
            Finding(
                "",
                None,
                level,
                t.paths.scrub(message),
                "mend its register function, or take it out of PLUGINS",
            )
        ]
    )


def _could_not_process(t: Translator, args, level, exc) -> Translation:
    path = str(args[0]) if args else ""
    reason = (str(exc) or type(exc).__name__) if exc is not None else ""
    line, hint = None, ""
    if "date" in reason.lower():
        # The reader names the key ("Modified: '…' is not a valid date").
        key = "modified" if reason.lower().startswith("modified") else "date"
        line = t.line_of(path, (key,))
        hint = DATE_HINT
    elif isinstance(exc, UnicodeError):  # (UTF-16 with no byte-order mark: the reader's own)
        hint = "save the file as UTF-8"
    message = CANNOT_READ + (f": {reason}" if reason else "")
    return Translation(secondary=[t.finding(path, line, "error", message, hint)])


def _skipping_missing(t: Translator, args, level, exc) -> Translation:
    path, prop = str(args[0]), str(args[1]) if len(args) > 1 else "title"
    key = prop.title()
    return Translation(
        secondary=[
            t.finding(
                path,
                None,
                "error",
                f"missing {key}: this file is not published",
                f"add a '{key}: …' line at the top of the file",
            )
        ]
    )


def _outside_output(t: Translator, args, level, exc) -> Translation:
    path, save_as = str(args[0]), str(args[1]) if len(args) > 1 else ""
    line = t.line_of(path, ("save_as", "slug", "url"))
    return Translation(
        secondary=[
            t.finding(
                path,
                line,
                "error",
                f"address outside the site: '{save_as}'",
                "remove Save_as/URL lines and use a Slug of lowercase letters, digits and hyphens",
            )
        ]
    )


# Statuses staff type for one Pelican reads (`Status: publish`, `terbit`).
_STATUS_MEANT = {
    **dict.fromkeys(
        ("publish", "publishes", "public", "publik", "terbit", "terbitkan", "tayang"),
        "published",
    ),
    **dict.fromkeys(("sembunyi", "tersembunyi", "hide"), "hidden"),
    **dict.fromkeys(("drafts", "drat", "konsep"), "draft"),
}


def _unknown_status(t: Translator, args, level, exc) -> Translation:
    status, path = str(args[0]), str(args[1]) if len(args) > 1 else ""
    # The value as written (Pelican hands it over in lower case: 'Publish').
    field = parse_lines(t.lines_of(path), flags_below=False).first("status") if path else None
    written = field.value.strip() if field is not None and field.value.strip() else status
    meant = _STATUS_MEANT.get(status.strip().lower())
    hint = "use Status: published, draft or hidden"
    if meant == "published":
        hint = "write 'Status: published', or no Status: line (a release is published without one)"
    elif meant == "hidden":
        # (`sembunyi` is written to keep a release out of sight: hidden
        # publishes it at its address, left out of the lists only)
        hint = (
            "write 'Status: draft' to keep it off the site, or 'Status: hidden' to "
            "publish it at its own address only, left out of the lists, feeds and search"
        )
    elif meant:
        hint = f"write 'Status: {meant}'"
    hint = comment_advice(field.name if field is not None else "Status", written) or hint
    return Translation(
        [
            t.finding(
                path,
                t.line_of(path, ("status",)),
                "error",
                f"unknown Status: '{written}': this file is not published",
                hint,
            )
        ]
    )


def _duplicate_definition(t: Translator, args, level, exc) -> Translation:
    name, path = str(args[0]), str(args[1]) if len(args) > 1 else ""
    lines = t.lines_of(path)
    fields = parse_lines(lines, flags_below=False).all(name)
    if name.lower() == "status" and len({f.value.strip().lower() for f in fields}) > 1:
        # `Status: draft` and `Status: published`: content_lint names both
        # values and which is used (`source_checks._check_repeated_keys`).
        return Translation()
    seen = [field.line for field in fields]
    line = seen[1] if len(seen) > 1 else (seen[0] if seen else None)
    first = f" (line {seen[0]})" if seen else ""
    return Translation(
        [
            t.finding(
                path,
                line,
                "warning",
                f"'{name.title()}:' written twice: the first one{first} is used",
                "keep one line",
            )
        ]
    )


def _empty_alt(t: Translator, args, level, exc) -> Translation:
    image, path = (str(a) for a in (*args, "", "")[:2])
    return Translation(
        secondary=[
            t.finding(
                path,
                None,
                "error",
                f"image without alt text: '{image}'",
                "describe the photo in the brackets: ![what it shows](…)",
            )
        ]
    )


def _static_linked_as_filename(t: Translator, args, level, exc) -> Translation:
    target, path = (str(a) for a in (*args, "", "")[:2])
    return Translation(
        [
            t.finding(
                path,
                None,
                "warning",
                f"{{filename}} link to a photo or file: '{t.paths.display(target)}'",
                "write {static} instead of {filename} for photos and files",
            )
        ]
    )


def _attach_not_moved(t: Translator, args, level, exc) -> Translation:
    """Pelican's "{attach} link … cannot relocate" (args: the linking file, the
    file, the reason): the link still works, at the file's own address."""
    path, target, reason = (str(a) for a in (*args, "", "", "")[:3])
    return Translation(
        secondary=[
            t.finding(
                path,
                None,
                "suggestion",
                f"{{attach}} link keeps '{target}' at its own address ({reason})",
                "for a file that several releases link to, write {static}/… instead",
            )
        ]
    )


def _writers(t: Translator, args, level, exc) -> Translation:
    """Pelican's count of Writers. warta's writer plugin, when in PLUGINS, says
    which Writer writes the site and which is not used, in one line quoting
    'get_writer': this one is held back and said only without it."""
    count = str(args[0]) if args else "several"
    return Translation(
        secondary=[
            Finding(
                "",
                None,
                "warning",
                f"{count} plugins give the site a Writer ('get_writer'): only the first "
                "writes it, the others are not used",
                "take the others out of PLUGINS",
            )
        ]
    )


def _unable_to_find(t: Translator, args, level, exc) -> Translation:
    target = str(args[0]) if args else ""
    return Translation(
        secondary=[
            Finding(
                "",
                None,
                "error" if level == "error" else "warning",
                f"link to a missing file: '{t.paths.scrub(target)}'",
                "check the path below content/",
            )
        ]
    )


def _drop(t: Translator, args, level, exc) -> Translation:
    return Translation()


def _duplicate_slugs(t: Translator, args, level, exc) -> Translation:
    """`There are N items "with slug "x"" with lang id:` and one path per line
    (args: count, 'with slug "x"', lang, *paths)."""
    match = re.search(r'slug "([^"]*)"', str(args[1])) if len(args) > 1 else None
    paths = [str(a) for a in args[3:]]
    if paths and all(t.unpublished(path) for path in paths):
        # Drafts and embargoed releases among themselves (Pelican reads them
        # apart from the published ones): none has its address yet, and the
        # public build writes none of them. content_lint says it on each as a
        # suggestion; an error here would stop the whole site's publication.
        return Translation()
    shown = [t.paths.display(p) for p in paths]
    found = []
    for path, label in zip(paths, shown, strict=True):
        others = ", ".join(s for s in shown if s != label) or "another file"
        found.append(
            t.finding(
                path,
                t.line_of(path, ("slug",)),
                "error",
                f"same address (slug '{match[1] if match else ''}') as {others}",
                "give one of them another Slug",
            )
        )
    return Translation(secondary=found)


def _no_valid_slug(t: Translator, args, level, exc) -> Translation:
    # Pelican names no file: held back, and dropped when a finding quotes the
    # value (the tag stage's "no letters or digits", content_lint's rubrik).
    kind, value = (str(a) for a in (*args, "", "")[:2])
    return Translation(
        secondary=[
            Finding(
                "",
                None,
                level,
                f"no address can be made for the {kind.lower()} '{t.paths.scrub(value)}'",
                "give it letters or digits",
            )
        ]
    )


PELICAN_MESSAGES: dict[str, Callable[..., Translation]] = {
    "Could not process %s": _could_not_process,
    "Cannot register plugin `%s`": _cannot_register,
    "Skipping %s: could not find information about '%s'": _skipping_missing,
    "Skipping %s: file %r would be written outside output path": _outside_output,
    "Unknown status '%s' for file %s, skipping it. (Not in %s)": _unknown_status,
    "Duplicate definition of `%s` for %s. Using first one.": _duplicate_definition,
    "Empty alt attribute for image %s in %s": _empty_alt,
    "{filename} used for linking to static content %s in %s. Use {static} instead": (
        _static_linked_as_filename
    ),
    "Unable to find '%s', skipping url replacement.": _unable_to_find,
    (
        "The {attach} link in %s cannot relocate %s because %s. "
        "Falling back to {filename} link behavior instead."
    ): _attach_not_moved,
    'Unable to generate valid slug for %s "%s".': _no_valid_slug,
    "Cannot get modification stamp for %s\n\t%s": _drop,
    "Feeds generated without SITEURL or FEED_DOMAIN set properly may not be valid": _drop,
    "%s writers found, using only first one": _writers,
}

# Pelican builds these format strings at run time (a "\n%s" per item).
PELICAN_PREFIXES: tuple[tuple[str, Callable[..., Translation]], ...] = (
    ("There are %s items", _duplicate_slugs),
    ("There are %s original (not translated) items", _drop),
    ("All items (", _drop),
)


def _prefix_handler(template: str):
    for prefix, handler in PELICAN_PREFIXES:
        if template.startswith(prefix):
            return handler
    return None


def fold(primary: list[Finding], secondary: list[Finding]) -> list[Finding]:
    """Secondary findings not already said: a held-back finding about a file is
    dropped when a finding printed before it names that file (Pelican's "could
    not process" only when that finding says the file is not on the site: its
    other problems do not explain why it is missing); one about no file when a
    finding's message quotes the same value."""
    named = {f.path for f in primary if f.path and f.level in ("error", "warning")}
    dropped = {
        f.path
        for f in primary
        if f.path and f.level == "error" and any(words in f.message for words in SAYS_DROPPED)
    }
    texts = [f.message for f in primary]
    kept = []
    # The ones about a file first: what they quote explains the unplaced ones.
    for finding in sorted(secondary, key=lambda f: not f.path):
        unexplained = finding.message.startswith(CANNOT_READ) and finding.path not in dropped
        if finding.path and finding.path in named and not unexplained:
            continue
        if not finding.path:
            # A value that is itself quotes ("Category: '") is the span between
            # the first and the last quote.
            quoted = re.findall(r"'([^']+)'", finding.message)
            if quoted and any(q in text for q in quoted for text in texts):
                continue
            spans = [f"'{span}'" for span in re.findall(r"'(.+)'", finding.message)]
            if not quoted and spans and any(s in text for s in spans for text in texts):
                continue
        if finding in kept:
            continue
        kept.append(finding)
        if finding.path and finding.level in ("error", "warning"):
            named.add(finding.path)
        texts.append(finding.message)
    return kept
