"""Read a staff-edited YAML data file (data/*.yaml) without trusting it.

Every YAML file under data/ goes through `read_text` and `compose` (or `load`,
which does both and builds Python values). A file that cannot be used yields
one `YamlProblem` — `data/x.yaml:LINE: message (suggestion)` — and never an
exception, a crash or a hang:

- a symbolic link (its target is not read);
- larger than MAX_BYTES or holding more than MAX_VALUES values, not a
  regular file, unreadable, or not UTF-8;
- YAML syntax errors (a tab in the indentation is named as such);
- anchors (`&name`) and aliases (`*name`): editorial files never need them, and
  they are how a 1 KB file expands into gigabytes ("billion laughs");
- explicit tags (`!!python/object:…`, `!!binary`, `!custom`): plain values only;
- nesting deeper than MAX_DEPTH (LibYAML's composer recurses without a limit
  and crashes the interpreter on a few hundred thousand `[`);
- more than one document (`---` twice);
- an empty file, unless the caller allows it;
- a key written twice in one mapping (YAML keeps the last one silently): one
  problem per repeat, naming both lines.

The checks run on LibYAML's event stream, which needs no recursion and keeps
nothing, so they are safe on any input; only a file that passes them is
composed into nodes. Pure module: no Pelican import.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

import yaml

MAX_BYTES = 2_000_000  # the largest data file today is ~26 KB; all of Indonesia ~1.5 MB
# Values (scalars and collections): building Python objects costs ~10 µs each, so
# this bounds the time too. officials.yaml has ~40 per person (~1,300 today).
MAX_VALUES = 200_000
MAX_DEPTH = 20  # the data files nest 4 levels (list > entry > positions > position)

# LibYAML's parser when PyYAML was built with it (several times faster).
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STANDARD_TAG_PREFIX = "tag:yaml.org,2002:"
_UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class YamlProblem:
    """One reason a data file cannot be used. `kind` lets a caller word a
    syntax error its own way; `line` is 0 when no line applies."""

    path: str
    line: int
    message: str
    hint: str = ""
    kind: str = "unsafe"  # read | encoding | syntax | unsafe | empty | duplicate

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}: {self.message}{hint}"


# The checkout whose files staff commit (this project's, where warta lives)
# and the working folder a build runs in: a folder of a data file's path below
# either is the project's, committed as staff committed it.
PROJECT_ROOT = Path(__file__).resolve().parents[1]


def linked_part(path: Path) -> Path | None:
    """The part of a data file's path that is a symbolic link: the file
    itself, or a folder of its path below the project or the working folder
    (`data/` committed as a link to `/etc`, or `data/x/../officials.yaml`
    through one); None when none is. Folders above them are the machine's (a
    home folder on another disk), not the site's."""
    path = Path(path)
    try:
        absolute = path if path.is_absolute() else Path(os.getcwd()) / path
        roots = dict.fromkeys((PROJECT_ROOT, Path(os.getcwd())))
    except OSError:  # (the working folder was removed: a relative path opens nothing)
        if not path.is_absolute():
            return None
        absolute, roots = path, {PROJECT_ROOT: None}
    if absolute.is_symlink():
        return absolute
    lexical = Path(os.path.normpath(absolute))
    for root in roots:
        if not lexical.is_relative_to(root):
            continue
        # The roots are real paths: below one, the path is its own real path
        # unless a part of it, as written (`..` after a link included), links.
        if os.path.realpath(absolute) == str(lexical):
            return None
        part = Path(absolute.anchor)
        for name in absolute.parts[1:]:
            part = part / name
            if part.is_symlink():
                return part
    return None


def link_refusal(path: Path, display: str) -> YamlProblem | None:
    """The problem of a data file that is a symbolic link, or is in a folder
    that is one (`linked_part`), or None. A link committed as
    `data/officials.yaml -> /etc/passwd` (or `data -> /etc`) would otherwise
    be read, and the first line of whatever it names quoted in the build's
    public log; content/ refuses links for the same reason (plugins/containment)."""
    if path.is_symlink():
        linked, itself = path, True
    else:
        linked, itself = linked_part(path), False
        if linked is None:
            return None
    try:
        target = os.readlink(linked)
    except OSError as exc:
        target = f"unreadable link: {exc.strerror}"
    if itself:
        return YamlProblem(
            display,
            0,
            f"symbolic link refused (not read): it points to '{target}'",
            "commit the file itself in its place, not a link to it",
            kind="read",
        )
    return YamlProblem(
        display,
        0,
        f"symbolic link refused (not read): its folder '{linked.name}' is a link to '{target}'",
        f"commit the folder '{linked.name}' itself in its place, not a link to it",
        kind="read",
    )


def read_text(path: Path, display: str, *, max_bytes: int = MAX_BYTES) -> tuple[str | None, list]:
    """The file's text, or None and one problem (a link, missing, too big, not UTF-8, …)."""
    refused = link_refusal(path, display)
    if refused is not None:
        return None, [refused]
    try:
        info = path.stat()
    except FileNotFoundError:
        return None, [YamlProblem(display, 0, "file not found", kind="read")]
    except OSError as exc:
        return None, [YamlProblem(display, 0, f"cannot read the file: {exc.strerror}", kind="read")]
    if not stat.S_ISREG(info.st_mode):
        # A FIFO or a device would block or never end.
        return None, [
            YamlProblem(
                display, 0, "not a regular file", "point the setting at a .yaml file", kind="read"
            )
        ]
    if info.st_size > max_bytes:
        return None, [_too_big(display, info.st_size, max_bytes)]
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may grow after stat()
    except OSError as exc:
        return None, [YamlProblem(display, 0, f"cannot read the file: {exc.strerror}", kind="read")]
    if len(data) > max_bytes:
        return None, [_too_big(display, len(data), max_bytes)]
    return decode(data, display)


def _too_big(display: str, size: int, max_bytes: int) -> YamlProblem:
    return YamlProblem(
        display,
        0,
        f"file too large: {size:,} bytes (a data file may have at most {max_bytes:,})",
        "is it the right file? split it or remove what is not data",
        kind="read",
    )


def decode(data: bytes, display: str) -> tuple[str | None, list]:
    """UTF-8 text (a leading BOM dropped), or None and a problem at the bad byte's line."""
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            YamlProblem(
                display,
                line,
                f"not UTF-8 text: byte 0x{data[exc.start]:02X} in column {column}",
                "save the file as UTF-8",
                kind="encoding",
            )
        ]


def _shown_tag(tag: str) -> str:
    if tag.startswith(_STANDARD_TAG_PREFIX):
        return "!!" + tag[len(_STANDARD_TAG_PREFIX) :]
    return tag


def _event_problem(text: str, display: str, max_depth: int) -> YamlProblem | None:
    """The first unsafe construct in the event stream, or a syntax error."""
    depth = 0
    documents = 0
    values = 0
    try:
        for event in yaml.parse(text, Loader=SafeLoader):
            line = event.start_mark.line + 1
            if isinstance(event, yaml.NodeEvent):
                values += 1
                if values > MAX_VALUES:
                    return YamlProblem(
                        display,
                        line,
                        f"too many values: more than {MAX_VALUES:,}",
                        "a data file holds a few thousand; is it the right file?",
                        kind="read",
                    )
            if isinstance(event, yaml.AliasEvent):
                return YamlProblem(
                    display,
                    line,
                    f"aliases are not allowed in data files: '*{event.anchor}'",
                    "write the value out in full",
                )
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    return YamlProblem(
                        display,
                        line,
                        "more than one YAML document in the file ('---')",
                        "keep one document: remove the second '---' and what follows, "
                        "or merge it into the first",
                    )
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                return YamlProblem(
                    display,
                    line,
                    f"anchors are not allowed in data files: '&{anchor}'",
                    "remove it and write each value out in full",
                )
            tag = getattr(event, "tag", None)
            if tag is not None and not isinstance(event, yaml.DocumentStartEvent):
                return YamlProblem(
                    display,
                    line,
                    f"YAML tags are not allowed in data files: '{_shown_tag(tag)}'",
                    "write a plain value; quote it if it should stay text",
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > max_depth:
                    return YamlProblem(
                        display,
                        line,
                        f"nested more than {max_depth} levels deep",
                        "data files need a few levels: check the indentation and brackets",
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as exc:
        return _syntax_problem(exc, text, display)
    return None


def _syntax_problem(exc: yaml.YAMLError, text: str, display: str) -> YamlProblem:
    if isinstance(exc, yaml.reader.ReaderError):  # a control character, e.g. NUL
        line = text.count("\n", 0, exc.position) + 1
        return YamlProblem(
            display,
            line,
            f"character not allowed in YAML: U+{exc.character:04X}, {exc.reason}",
            "remove the invisible character; it often comes from copying out of a PDF",
            kind="syntax",
        )
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark else 0
    reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    lines = text.splitlines()
    # A tab in the indentation: the parser's words ("found character '\t' that
    # cannot start any token") do not tell staff what to change.
    for number in (line, line - 1) if line else ():
        if 1 <= number <= len(lines):
            row = lines[number - 1]
            if "\t" in row[: len(row) - len(row.lstrip(" \t"))]:
                return YamlProblem(
                    display, number, "tab in the indentation", "indent with spaces", kind="syntax"
                )
    return YamlProblem(
        display,
        line,
        f"not valid YAML: {reason}",
        "check the indentation, quotes and brackets on this line and the one above",
        kind="syntax",
    )


def duplicate_keys(root: yaml.Node, display: str, *, include_root: bool = True) -> list:
    """A problem for every key repeated within one mapping, naming both lines."""
    problems = []
    stack = [(root, 0)]
    while stack:  # no recursion: depth is bounded, but keep it flat anyway
        node, depth = stack.pop()
        if isinstance(node, yaml.MappingNode):
            if include_root or depth > 0:
                seen: dict[str, int] = {}
                for key_node, _ in node.value:
                    if not isinstance(key_node, yaml.ScalarNode):
                        continue
                    line = key_node.start_mark.line + 1
                    if key_node.value in seen:
                        problems.append(
                            YamlProblem(
                                display,
                                line,
                                f"key '{key_node.value}' written twice in one entry: "
                                f"lines {seen[key_node.value]} and {line}",
                                "keep one of them; YAML would silently use the last",
                                kind="duplicate",
                            )
                        )
                    else:
                        seen[key_node.value] = line
            stack.extend((value, depth + 1) for pair in reversed(node.value) for value in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in reversed(node.value))
    return sorted(problems, key=lambda p: p.line)


def compose(
    text: str,
    display: str,
    *,
    loader: type = SafeLoader,
    allow_empty: bool = False,
    expected: str = "data",
    max_depth: int = MAX_DEPTH,
) -> tuple[yaml.Node | None, list, object]:
    """Check `text`, then compose it: (root node or None, problems, loader).

    The loader is returned so that `construct` can build values with the same
    (possibly customised) constructors; call `loader.dispose()` when done.
    Duplicate keys are not checked here (see `duplicate_keys`)."""
    problem = _event_problem(text, display, max_depth)
    if problem:
        return None, [problem], None
    instance = loader(text)
    try:
        root = instance.get_single_node()
    except yaml.YAMLError as exc:  # the event pass already parsed it: belt and braces
        instance.dispose()
        return None, [_syntax_problem(exc, text, display)], None
    if root is None or _is_null(root):
        instance.dispose()
        if allow_empty:
            return None, [], None
        return (
            None,
            [
                YamlProblem(
                    display,
                    1,
                    "the file is empty",
                    f"it must hold {expected}; restore it from git if it was emptied by mistake",
                    kind="empty",
                )
            ],
            None,
        )
    return root, [], instance


def _is_null(node: yaml.Node) -> bool:
    return (
        isinstance(node, yaml.ScalarNode)
        and node.tag == _STANDARD_TAG_PREFIX + "null"
        and not node.style  # LibYAML gives '' for a plain scalar, PyYAML None
    )


def load(
    path: Path,
    display: str,
    *,
    loader: type = SafeLoader,
    allow_empty: bool = False,
    expected: str = "data",
    max_bytes: int = MAX_BYTES,
) -> tuple[object, list]:
    """The file's value built by `loader`'s constructors, or None and problems.

    Any problem means the file is not used: the caller reports the problems
    and goes on without it."""
    text, problems = read_text(path, display, max_bytes=max_bytes)
    if text is None:
        return None, problems
    return load_text(text, display, loader=loader, allow_empty=allow_empty, expected=expected)


def load_text(
    text: str,
    display: str,
    *,
    loader: type = SafeLoader,
    allow_empty: bool = False,
    expected: str = "data",
) -> tuple[object, list]:
    """`load` for text already read (and decoded) by the caller."""
    root, problems, instance = compose(
        text, display, loader=loader, allow_empty=allow_empty, expected=expected
    )
    if root is None:
        return None, problems
    try:
        problems = duplicate_keys(root, display)
        if problems:
            return None, problems
        try:
            return instance.construct_document(root), []
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
            # e.g. a list used as a key, or `2024-13-45`, which YAML takes for
            # a date and Python cannot make one of.
            return None, [_construction_problem(exc, root, display, loader)]
    finally:
        instance.dispose()


def _construction_problem(exc: Exception, root: yaml.Node, display: str, loader: type):
    """Where building values failed: the mark of a YAML error, else the first
    scalar that fails on its own (built by a fresh loader: no shared state)."""
    mark = getattr(exc, "problem_mark", None)
    if mark is not None:
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return YamlProblem(
            display,
            mark.line + 1,
            f"not valid YAML: {reason}",
            "write plain text, numbers, lists and 'key: value' entries",
            kind="syntax",
        )
    probe = loader("")
    try:
        stack = [root]
        while stack:
            node = stack.pop()
            if isinstance(node, yaml.ScalarNode):
                try:
                    probe.construct_object(node)
                except (yaml.YAMLError, ValueError, TypeError, OverflowError):
                    shown = node.value if len(node.value) <= 40 else node.value[:40] + "…"
                    reason = str(exc).split(":")[0][:80]
                    return YamlProblem(
                        display,
                        node.start_mark.line + 1,
                        f"value cannot be read: '{shown}': {reason}",
                        "a date must be a real day written YYYY-MM-DD; put other text in quotes",
                        kind="syntax",
                    )
            elif isinstance(node, yaml.SequenceNode):
                stack.extend(reversed(node.value))
            elif isinstance(node, yaml.MappingNode):
                stack.extend(v for pair in reversed(node.value) for v in pair)
    finally:
        probe.dispose()
    return YamlProblem(display, 0, f"a value cannot be read: {exc}", kind="syntax")
