"""A Python-Markdown extension: control characters out of a release's text.

A NUL or another C0 control character pasted into a release (Word's line break
arrives as U+000B) reached the pages and the feeds, where XML 1.0 forbids it:
the feed writer refused the whole site's feeds. This preprocessor runs before
every other (the front matter's `meta` included), so titles, summaries and
bodies are all clean; `warta.text.without_control_characters` says what goes.
content_lint names each line that had one (`warta.source_checks`).

Listed in pelicanconf's MARKDOWN["extension_configs"] as
"warta.markdown_controls". No Pelican import.
"""

from __future__ import annotations

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from warta.text import without_control_characters

# Above Python-Markdown's normalize_whitespace (30) and meta (27): first of all.
PRIORITY = 40


class ControlCharacters(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return [without_control_characters(line) for line in lines]


class ControlCharactersExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(ControlCharacters(md), "warta_control_characters", PRIORITY)


def makeExtension(**kwargs) -> ControlCharactersExtension:
    return ControlCharactersExtension(**kwargs)
