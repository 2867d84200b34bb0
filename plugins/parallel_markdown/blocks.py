"""Leave out, per document, the block processors that cannot act in it.

No Pelican import. Python-Markdown's block parser offers every block of a
document to each block processor in turn until one takes it: a plain
paragraph is first tested by fifteen others (a block quote, a header, a
definition list, a table, and footnote, abbreviation and reference
definitions, whose `run` searches the block itself), each a Python call and
most a regex search of the block. Some of them can only act on a block holding
a given run of characters (a quote's ">", a header's "#", a footnote
definition's "[^"); in a document without it they are left out of the
registry the parser reads, and put back after. The HTML is the same: a
processor that does not act changes nothing, and the order of the others is
kept.

Only the processors of Python-Markdown itself named in RUNS_OF, matched by
their exact class (an outside subclass may act on anything), are ever left
out. The text is read when the parser starts, from the lines it is given (the
preprocessors have run: what they removed may have joined two characters)
and the raw HTML they stashed (`md_in_html` parses Markdown inside it).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from markdown import Markdown
from markdown.blockprocessors import BlockQuoteProcessor, HashHeaderProcessor, ReferenceProcessor
from markdown.extensions.abbr import AbbrBlockprocessor
from markdown.extensions.def_list import DefListProcessor
from markdown.extensions.footnotes import FootnoteBlockProcessor
from markdown.extensions.tables import TableProcessor
from markdown.util import Registry

# What every block a processor acts on holds, read from its test and its run
# (Python-Markdown 3.x): their regexes, and the table's split at "|".
RUNS_OF: dict[type, tuple[str, ...]] = {
    BlockQuoteProcessor: (">",),  # (^|\n)[ ]{0,3}>
    HashHeaderProcessor: ("#",),  # (?:^|\n)#{1,6}
    ReferenceProcessor: ("]:",),  # ^[ ]{0,3}\[…\]:
    FootnoteBlockProcessor: ("[^", "]:"),  # ^[ ]{0,3}\[\^…\]:
    AbbrBlockprocessor: ("*[",),  # ^[*]\[
    DefListProcessor: (": ",),  # (^|\n)[ ]{0,3}:[ ]{1,3}
    TableProcessor: ("|",),  # a header row of two cells, or with a border
}


class BlockFilter:
    """Wraps `md`'s block parser so that each document is parsed with only
    the block processors that can act in it."""

    def __init__(self, md: Markdown) -> None:
        self.md = md
        self.full: Registry = md.parser.blockprocessors
        ordered = sorted(self.full._priority, key=lambda item: item.priority, reverse=True)
        self.entries = tuple(
            (
                item.name,
                item.priority,
                self.full[item.name],
                RUNS_OF.get(type(self.full[item.name])),
            )
            for item in ordered
        )
        self._registries: dict[tuple[str, ...], Registry] = {}
        parser = md.parser
        # The instance's own `parseDocument` shadows the class's: this parser only.
        parser.parseDocument = functools.partial(self._parse, parser.parseDocument)

    def registry_for(self, text: str) -> Registry:
        """The block processors that may act in a document of `text`, in order."""
        kept = tuple(
            name
            for name, _, _, runs in self.entries
            if runs is None or all(run in text for run in runs)
        )
        registry = self._registries.get(kept)
        if registry is None:
            registry = self._registries[kept] = Registry()
            for name, priority, processor, _runs in self.entries:
                if name in kept:
                    registry.register(processor, name, priority)
        return registry

    def _parse(self, parse: Callable, lines: list[str]):
        stashed = (
            block if isinstance(block, str) else "".join(block.itertext())
            for block in self.md.htmlStash.rawHtmlBlocks
        )
        parser = self.md.parser
        parser.blockprocessors = self.registry_for("\n".join([*lines, *stashed]))
        try:
            return parse(lines)
        finally:
            parser.blockprocessors = self.full
