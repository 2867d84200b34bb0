"""Leave out, per document, the inline patterns that cannot match in it.

No Pelican import. Python-Markdown tries every inline pattern (about thirty
with extra and smarty) on every text node of a document, and each try costs a
Python call even when the pattern's regex finds nothing: that is most of a
press release's conversion time. A pattern cannot match in a document whose
text lacks what every match holds: a character every match begins with ("`",
"[", "<", "&", "*", a quote), or a run of characters every match contains
(smarty's "--", "---" and "...", the quote after smarty's "opening quote"
patterns' leading space). For that document the pattern is left out of the
registry its inline processor reads, and put back after. The HTML is the
same: a pattern that does not match changes nothing, and the order of the
others is kept.

What a match begins with and contains is read from the pattern's parsed regex
(`re._parser`, the standard library's own parser). Anything the reading does
not handle (a case-insensitive pattern, a class of characters, a pattern that
may match the empty string, an older-style `Pattern`) gives "may begin with
anything" and "contains nothing known": the pattern is always kept.

The text is read when each inline processor starts, from the tree it is
given (every text and tail, joined): the preprocessors and the block parser
have run by then, and what they removed (a control character, a soft hyphen
between two "-") may have joined two characters into a run the file itself
does not hold. While a processor runs, its text nodes only lose characters or
gain Python-Markdown's placeholders (control characters, ASCII letters,
digits and ":"), which a first character is counted as present in every
document for.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Callable, Iterable
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


def required_runs(regex: re.Pattern) -> tuple[str, ...]:
    """Runs of characters every match of `regex` contains ("--" for
    `(?<!-)--(?!-)`, "..." for `\\.{3}`, "'" for `(\\s|--)'(?=\\w)`): the
    literal characters its top-level sequence (and the groups in it) must
    match one after another. Empty when that cannot be told."""
    if regex.flags & re.IGNORECASE or sre_parse is None:
        return ()
    try:
        parsed = sre_parse.parse(regex.pattern, regex.flags)
    except Exception:  # an unreadable pattern is simply kept
        return ()
    runs: list[str] = []
    _runs(parsed, runs)
    return tuple(dict.fromkeys(run for run in runs if run))


def _runs(items: Iterable, runs: list[str]) -> None:
    run = ""
    for op, av in items:
        if op is sre_constants.LITERAL:
            run += chr(av)
            continue
        if op in _REPEATS:
            low, high, pattern = av
            if low >= 1 and len(pattern) == 1 and pattern[0][0] is sre_constants.LITERAL:
                run += chr(pattern[0][1]) * low
                if high == low:
                    continue
        runs.append(run)  # anything else ends the run (a lookaround too: kept short is safe)
        run = ""
        if op is sre_constants.SUBPATTERN:
            _group, add_flags, del_flags, pattern = av
            if not (add_flags | del_flags) & re.IGNORECASE:
                _runs(pattern, runs)  # a group that must match: its runs are in every match
    runs.append(run)


class _Entry(NamedTuple):
    """One pattern of a registry, with what every match of it holds."""

    name: str
    priority: float
    pattern: Any
    first: frozenset[str] | None  # None: may begin with anything, or a placeholder's character
    runs: tuple[str, ...]  # every match contains each

    def may_match(self, text: str) -> bool:
        """Whether a match may be found in text nodes drawn from `text`."""
        if self.first is not None and not any(character in text for character in self.first):
            return False
        return all(run in text for run in self.runs)


class _Patterns(NamedTuple):
    """One inline processor: its full registry and, in its order, each pattern
    with what every match of it holds."""

    processor: InlineProcessor
    full: Registry
    entries: tuple[_Entry, ...]


class InlineFilter:
    """A `Markdown` instance whose inline processors each run with only the
    patterns that can match in the text they are given (what every match of a
    pattern holds is read once)."""

    def __init__(self, md: Markdown) -> None:
        self.md = md
        self.processors: list[_Patterns] = []
        for processor in md.treeprocessors:
            if isinstance(processor, InlineProcessor):
                index = len(self.processors)
                self.processors.append(
                    _Patterns(
                        processor, processor.inlinePatterns, _entries(processor.inlinePatterns)
                    )
                )
                # The instance's own `run` shadows the class's: this instance only.
                processor.run = functools.partial(self._run, index, processor.run)
        self._registries: dict[tuple, Registry] = {}  # (processor, names kept) -> registry

    def convert(self, text: str) -> str:
        """`md.reset().convert(text)`, each inline processor with the patterns
        that can match."""
        return self.md.reset().convert(text)

    def registry_for(self, index: int, text: str) -> Registry:
        """The patterns of the `index`th inline processor that may match in
        text nodes drawn from `text`, in their order (one registry per set)."""
        entries = self.processors[index].entries
        kept = tuple(entry.name for entry in entries if entry.may_match(text))
        registry = self._registries.get((index, kept))
        if registry is None:
            registry = self._registries[(index, kept)] = Registry()
            for entry in entries:
                if entry.name in kept:
                    registry.register(entry.pattern, entry.name, entry.priority)
        return registry

    def _run(self, index: int, run: Callable, root, *args, **kwargs):
        """The processor's own `run` over `root`, with `registry_for` the text
        of `root` as it is when the processor starts."""
        processor, full, _entries = self.processors[index]
        registry = self.registry_for(index, "".join(root.itertext()))
        if not len(registry):
            # No pattern to try (smarty's, in a text without a quote, "--" or
            # "..."): the run would only walk the tree and give it back.
            return root
        processor.inlinePatterns = registry
        try:
            return run(root, *args, **kwargs)
        finally:
            processor.inlinePatterns = full


def _entries(registry: Registry) -> tuple[_Entry, ...]:
    ordered = sorted(registry._priority, key=lambda item: item.priority, reverse=True)
    return tuple(
        _Entry(item.name, item.priority, registry[item.name], *_holds(registry[item.name]))
        for item in ordered
    )


def _holds(pattern) -> tuple[frozenset[str] | None, tuple[str, ...]]:
    """(first characters, runs every match contains) of an inline pattern;
    nothing known for an older-style `Pattern` (its regex is wrapped in
    "^(.*?)…(.*)$") or anything unusual. A run with a character of
    ALWAYS_PRESENT is not kept: a placeholder added while the processor runs
    could hold it."""
    if not isinstance(pattern, InlinePattern):
        return None, ()
    try:
        regex = pattern.getCompiledRegExp()
        runs = tuple(run for run in required_runs(regex) if ALWAYS_PRESENT.isdisjoint(run))
        first = first_characters(regex)
        if first is not None and not first.isdisjoint(ALWAYS_PRESENT):
            first = None  # a placeholder added while the processor runs may begin a match
        return first, runs
    except Exception:  # kept when in doubt
        return None, ()
