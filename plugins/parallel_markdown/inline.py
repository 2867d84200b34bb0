"""Leave out, per document, the inline patterns that cannot match in it.

No Pelican import. Python-Markdown tries every inline pattern (about thirty
with extra and smarty) on every text node of a document, and each try costs a
Python call even when the pattern's regex finds nothing: that is most of a
press release's conversion time. A pattern whose every match must begin with
one of a few characters ("`", "[", "<", "&", "*", a quote) cannot match in a
document that has none of them, so for that document it is left out of the
registries the inline processors read, and put back after. The HTML is the
same: a pattern that does not match changes nothing, and the order of the
others is kept.

The characters a match may begin with are read from the pattern's parsed
regex (`re._parser`, the standard library's own parser). Anything the reading
does not handle (a case-insensitive pattern, a class of characters, a pattern
that may match the empty string, an older-style `Pattern`) gives "may begin
with anything": the pattern is always kept. Text nodes hold only characters of
the document, plus whitespace and Python-Markdown's placeholders (control
characters, ASCII letters, digits and ":"), which are counted as present in
every document.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from typing import Any, NamedTuple

from markdown import Markdown
from markdown.inlinepatterns import InlineProcessor as InlinePattern
from markdown.treeprocessors import InlineProcessor
from markdown.util import Registry

try:  # the standard library's regex parser (private: if it moves, every pattern is kept)
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - another Python
    sre_constants = sre_parse = None

# Characters every text node may hold whatever the document: whitespace the
# preprocessors add, and those of the placeholders stashed text stands in for
# ("\x02klzzwxh:0\x03", "\x02wzxhzdk:0\x03", the footnotes' "qq…zz").
ALWAYS_PRESENT = frozenset(string.ascii_letters + string.digits + string.whitespace + ":\x02\x03")
_WIDEST_RANGE = 256  # a wider [a-z]-like range is "anything"

_ZERO_WIDTH = {getattr(sre_constants, name, None) for name in ("AT", "ASSERT", "ASSERT_NOT")}
_REPEATS = {
    getattr(sre_constants, name, None) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
}
_ZERO_WIDTH.discard(None)
_REPEATS.discard(None)


def first_characters(regex: re.Pattern) -> frozenset[str] | None:
    """The characters a match of `regex` must begin with, or None when that
    cannot be told (or a match may be empty)."""
    if regex.flags & re.IGNORECASE or sre_parse is None:
        return None
    try:
        parsed = sre_parse.parse(regex.pattern, regex.flags)
    except Exception:  # an unreadable pattern is simply kept
        return None
    found, may_be_empty = _first(parsed)
    return None if found is None or may_be_empty else frozenset(found)


def _first(items: Iterable) -> tuple[set[str] | None, bool]:
    """(first characters, whether the sequence may match the empty string)."""
    found: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # a lookaround or an anchor consumes nothing
        chars, may_be_empty = _first_of(op, av)
        if chars is None:
            return None, False
        found |= chars
        if not may_be_empty:
            return found, False
    return found, True


def _first_of(op, av) -> tuple[set[str] | None, bool]:
    if op is sre_constants.LITERAL:
        return {chr(av)}, False
    if op is sre_constants.IN:
        return _class(av), False
    if op is sre_constants.SUBPATTERN:
        _group, add_flags, del_flags, pattern = av
        if (add_flags | del_flags) & re.IGNORECASE:
            return None, False
        return _first(pattern)
    if op is sre_constants.BRANCH:
        found: set[str] = set()
        may_be_empty = False
        for alternative in av[1]:
            chars, empty = _first(alternative)
            if chars is None:
                return None, False
            found |= chars
            may_be_empty = may_be_empty or empty
        return found, may_be_empty
    if op in _REPEATS:
        low, _high, pattern = av
        chars, empty = _first(pattern)
        return chars, (low == 0 or empty)
    if getattr(sre_constants, "ATOMIC_GROUP", None) is op:
        return _first(av)
    return None, False  # any character, a back-reference, a category: anything


def _class(items) -> set[str] | None:
    found: set[str] = set()
    for op, av in items:
        if op is sre_constants.LITERAL:
            found.add(chr(av))
        elif op is sre_constants.RANGE and av[1] - av[0] < _WIDEST_RANGE:
            found.update(chr(code) for code in range(av[0], av[1] + 1))
        else:  # a negated class, a category (\w, \s), a wide range
            return None
    return found


class _Patterns(NamedTuple):
    """One inline processor: its full registry and, in its order, each pattern
    with what it may begin with."""

    processor: InlineProcessor
    full: Registry
    entries: tuple[tuple[str, float, Any, frozenset[str] | None], ...]


class InlineFilter:
    """A `Markdown` instance that converts each document with only the inline
    patterns that can match in it (what they may begin with is read once)."""

    def __init__(self, md: Markdown) -> None:
        self.md = md
        self.processors = [
            _Patterns(tp, tp.inlinePatterns, _entries(tp.inlinePatterns))
            for tp in md.treeprocessors
            if isinstance(tp, InlineProcessor)
        ]
        self._registries: dict[tuple, Registry] = {}  # (processor, names kept) -> registry

    def convert(self, text: str) -> str:
        """`md.reset().convert(text)` with the patterns that cannot match left out."""
        present = ALWAYS_PRESENT.union(text)
        for index, (processor, _full, entries) in enumerate(self.processors):
            kept = tuple(name for name, _, _, chars in entries if chars is None or chars & present)
            registry = self._registries.get((index, kept))
            if registry is None:
                registry = self._registries[(index, kept)] = Registry()
                for name, priority, pattern, _chars in entries:
                    if name in kept:
                        registry.register(pattern, name, priority)
            processor.inlinePatterns = registry
        try:
            return self.md.reset().convert(text)
        finally:
            for processor, full, _entries in self.processors:
                processor.inlinePatterns = full


def _entries(registry: Registry) -> tuple:
    ordered = sorted(registry._priority, key=lambda item: item.priority, reverse=True)
    return tuple(
        (item.name, item.priority, registry[item.name], _starts(registry[item.name]))
        for item in ordered
    )


def _starts(pattern) -> frozenset[str] | None:
    """First characters of an inline pattern; None for an older-style `Pattern`
    (its regex is wrapped in "^(.*?)…(.*)$") or anything unusual."""
    if not isinstance(pattern, InlinePattern):
        return None
    try:
        return first_characters(pattern.getCompiledRegExp())
    except Exception:  # kept when in doubt
        return None
