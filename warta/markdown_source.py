"""A Python-Markdown extension: what the Markdown reader takes from a release's text.

- Control characters out. A NUL or another C0 control character pasted into a
  release (Word's line break arrives as U+000B) reached the pages and the
  feeds, where XML 1.0 forbids it: the feed writer refused the whole site's
  feeds. This preprocessor runs before every other (the front matter's `meta`
  included), so titles, summaries and bodies are all clean
  (`warta.text.without_control_characters` says what goes).
- One value for a key that has one. Pelican keeps the first of a repeated
  `Date:`, `Slug:`, `Tags:` … but turns a repeated `Title:` (or `Image:`,
  `Thread:` …) into a list, which the site then shows as "['A', 'B']" or
  cannot render at all. Right after `meta` has read the front matter, the
  first value of each of SINGLE_VALUED_KEYS is kept.

content_lint names each line concerned (`warta.source_checks`): this module
only makes the text safe to build. Listed in pelicanconf's
MARKDOWN["extension_configs"] as "warta.markdown_source". No Pelican import.
"""

from __future__ import annotations

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from warta.text import without_control_characters

# Keys the site reads as one text, and that Pelican itself lets repeat (its
# own single keys, Date: to Slug:, it reduces to the first with a warning).
SINGLE_VALUED_KEYS = frozenset(
    {
        "title",
        "summary",
        "lang",
        "translation",
        "template",
        "thread",
        "comments",
        "image",
        "image-alt",
        "image-caption",
        "image-credit",
    }
)
# Python-Markdown's normalize_whitespace is 30 and meta 27: controls go first of
# all, single values right after meta.
CONTROLS_PRIORITY = 40
SINGLE_VALUES_PRIORITY = 26


class ControlCharacters(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return [without_control_characters(line) for line in lines]


class SingleValues(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        meta = getattr(self.md, "Meta", None)
        # Pelican converts formatted fields (Summary:) with `meta` unregistered:
        # the front matter was read before, on the same instance.
        if meta and "meta" in self.md.preprocessors:
            for key in SINGLE_VALUED_KEYS.intersection(meta):
                del meta[key][1:]
        return lines


class SourceExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(ControlCharacters(md), "warta_controls", CONTROLS_PRIORITY)
        md.preprocessors.register(SingleValues(md), "warta_single_values", SINGLE_VALUES_PRIORITY)


def makeExtension(**kwargs) -> SourceExtension:
    return SourceExtension(**kwargs)
