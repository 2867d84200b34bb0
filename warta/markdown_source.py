"""A Python-Markdown extension: what the Markdown reader takes from a release's text.

- Control characters out. A NUL or another C0 control character pasted into a
  release (Word's line break arrives as U+000B) reached the pages and the
  feeds, where XML 1.0 forbids it: the feed writer refused the whole site's
  feeds. This preprocessor runs before every other (the front matter's `meta`
  included), so titles, summaries and bodies are all clean
  (`warta.text.without_control_characters` says what goes). A file whose
  NULs say it is UTF-16 written with no byte-order mark (`warta.text.
  saved_as_utf16`) is refused instead, as Pelican refuses one with its mark:
  without its NULs it would be published garbled.
- An empty `Title:` (`title: ""` as the CMS saves a blank field, a YAML map,
  a comment only) is not handed over: Pelican drops the release as having
  no title, as content_lint says ("missing Title"), instead of publishing
  it untitled at its month's folder.
- The front matter as `warta.frontmatter` reads it, handed to `meta`:
  - one value for a key that has one. Pelican keeps the first of a repeated
    `Date:`, `Slug:`, `Tags:` … but turns a repeated or wrapped `Title:` (or
    `Image:`, `Thread:` …) into a list, which the site then shows as
    "['A', 'B']" or cannot render at all. Each of SINGLE_VALUED_KEYS keeps its
    first field, wrapped lines joined by a space; a wrapped `Tags:`, `Date:` …
    (FIRST_VALUE_KEYS), of which Pelican kept the first line only, is handed
    over with its lines joined by a space;
  - YAML's quotes and lists. In a front matter opened with `---`, a one-line
    value in YAML quotes (`title: "Rapat: Bawaslu"`) is read as YAML reads it,
    a YAML list (`tags: [A, B]`, or `- A` lines below `tags:`) as
    `Tags: A, B`, and a block scalar (`summary: >-` then indented lines) as
    one line; Pelican would show the quotes, take "[A" for a tag, or end
    the front matter at the first `- A` or at the first line of the scalar.

  - an Indonesian key (`Rubrik:`, `Penulis:`, `Tag:` …,
    `warta.frontmatter.KEY_ALIASES`) as the English key Pelican reads
    (`Category:` …); the same key written again in the other language is
    left out (the first is used, as Pelican uses the first `Category:`);
  - HTML's character references read, in the keys whose value the site
    shows as text (TEXT_KEYS: `Title:`, `Author:`, `Tags:`, `Region:`, the
    photo's alt, caption and credit, `Koreksi:`, `Ralat:`), as Markdown reads
    them in the `Summary:` and the body: `Tom &amp; Jerry` is "Tom & Jerry"
    on the page, in its <title>, meta, JSON-LD, feeds and search, where the
    templates escape it once (`warta.text.with_references_read`). Read
    after the list is split as written, item by item (`warta.frontmatter.
    list_items`): `Tags: Politik Uang &amp; Netralitas` is one tag, not
    "Politik Uang &amp" and "Netralitas", and `Tags: A &#59; B, IKP` two,
    "A ; B" and IKP (a `;` or `,` written as a reference is text, never a
    separator; a YAML list's item is one item). The list is handed over as
    Pelican (or the regions plugin) splits it back into those items
    (`handed_list`): where an item holds a separator it would split at
    whatever the list, that separator in its full-width form (`；`);
  - no HTML comment in the keys of TEXT_KEYS (`Author: Humas <!-- Budi
    minta anonim -->`, a tag, the title): taken out before Pelican makes the
    author, tag and category pages, their addresses, feeds and JSON-LD of
    the names (`without_comments`); the keys are named in the metadata
    (`COMMENTED_KEY`) for the sanitize plugin's warning at each line;
  - another generator's unpublished flag (`draft: true`, `published: false`,
    `Frontmatter.unpublished_by_flag`) as `Status: draft`, handed over
    first: Pelican reads neither, and the release went out everywhere. A key
    `meta` would end the block at (`---extra:`) is left out.

- One paragraph a line, when a release was pasted without its blank lines
  (a web page or a chat copied as text keeps one line break between
  paragraphs, which Markdown joins into one wall of text). A long line of
  prose that ends a sentence, followed by a line of prose that starts one,
  ends a paragraph (`paragraph_breaks`). A line wrapped by hand is shorter, or
  ends mid-sentence, and stays joined; lists, tables, quotes, HTML and fenced
  code are left alone.
- Blank lines as the eye sees them. Word and Google Docs paste an empty
  paragraph as a line holding a no-break space (U+00A0), which Markdown
  does not read as blank: the whole release was one paragraph, and its
  summary the lead and the paragraphs after it run together. A line of
  nothing but spaces of any kind is blank.
- No chat emphasis around a whole value shown as text (single-valued, of
  TEXT_KEYS): `Title: *Bawaslu Lahat Gelar Rapat*` pasted from WhatsApp is
  the title "Bawaslu Lahat Gelar Rapat" (`without_chat_emphasis`), as the
  marks in a `Summary:` are read as Markdown's emphasis.
- No chat prefixes. A release forwarded in WhatsApp and copied from WhatsApp
  Web or Desktop (or an exported chat) starts with the message's time, date
  and sender: `[09.15, 3/12/2026] Humas Bawaslu Lahat: LAHAT – …`. The page
  and its summary opened with them, the dateline unread; each such prefix
  at a line's start is left out (`chat_prefix`; content_lint names the line).
- Lists as pasted: a word processor's or a chat's bullets (`•`, `▪`, `✓` …),
  `1)` numbers and Word's numbers pasted as HTML (`1.` then no-break spaces,
  as the CMS's rich text writes them) become Markdown list items, and a list right below a line
  of prose (`Rapat menyepakati:` then `• …`) starts a list, as CommonMark
  reads it, instead of joining the paragraph as one line of text.
- Credit and signature lines as lines. Markdown joins a paragraph's lines into
  one: `Penulis : EW` / `Editor : Tim Humas …` / `Fotografer : Humas` became
  "Penulis : EW Editor : …", a closing `Humas Bawaslu …` / `Narahubung: …` /
  `HP. 0812-…` one line too. A paragraph made only of short `Label : value`
  lines (any label, up to four words, before a colon), or of short lines with
  a credit or contact line among them (`Penulis`, `Editor`, `Foto`,
  `Fotografer`, `Narahubung`, `Kontak`, `HP.`, `Telp.` …), keeps each line
  break as Markdown's own (two spaces at the line's end: `<br>`)
  (`kept_line_breaks`). Lines of prose, wrapped by hand or pasted, still join.
- Hashtags and separators as written. Python-Markdown reads a line starting
  with `#` as a heading, a space after it or not: a closing line of hashtags
  (`#BawasluLahat #PemiluDamai`), or a hand-wrapped line starting with one,
  became an <h1> with its first `#` eaten; such a `#` before a letter or a
  digit is text (`# Judul` and `##Judul` stay headings). A line of `=` or `-`
  pasted below a paragraph as a separator (from Word or an e-mail) made the
  paragraph a heading; below a sentence, a wrapped line or a list item it is
  a rule (<hr>). A short line that ends no sentence, alone above it, stays
  the heading it underlines.
- Tables pasted as text. Rows copied from a spreadsheet, a Word table or a
  web page arrive as lines with a tab between cells, which Markdown turned
  into spaces: the page showed one line of run-together words. Two or more
  such lines with as many cells each are a Markdown table, its first row the
  header (`pasted_tables`); a label's line (`Penulis\t: EW`) is none.
- No indented code blocks. A release pasted from Word, a PDF or a chat keeps
  its first-line indents (a tab, or four spaces); Markdown made every such
  paragraph a `<pre>` block, in a typewriter font that runs off a phone's
  screen, and the dateline in it went unread (no region). A release has no
  code: an indented paragraph is a paragraph. Fenced code (```) still works
  for a page that needs it, and list items keep their indented paragraphs.

- No link to nowhere. A link written without its address (`[Unduh]()`)
  is its words, not a link that reloads the page; one without words
  (`[](https://…)`), invisible, shows its address (`NoEmptyLinks`).
- One title a page. The page's <h1> is its Title:; a heading written at the
  title's level in the text (`# Hasil Rapat`, or underlined with `===`, as
  Word's "Heading 1" pastes) made a second <h1>, which screen readers and
  search engines take for the page's title. Such a heading is an <h2>, the
  level of the text's other headings (`SubheadingsOnly`).

content_lint names each line concerned (`warta.source_checks`): this module
only makes the text safe to build. Listed in pelicanconf's
MARKDOWN["extension_configs"] as "warta.markdown_source". No Pelican import.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from markdown import Extension, Markdown
from markdown.extensions.meta import END_RE as META_END_RE
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from warta.dates import when_written
from warta.frontmatter import (
    KEY_RE,
    LIST_KEYS,
    META_KEY_RE,
    REPEATED_KEYS,
    TAKE_DOWN_NAME,
    Field,
    handed_list,
    is_end_field,
    list_items,
    parse_lines,
)
from warta.text import (
    TEXT_COMMENT_RE,
    fold,
    in_fenced_code,
    saved_as_utf16,
    shows_nothing,
    with_references_read,
    without_control_characters,
)

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
# Keys of which Pelican reads only the first value (its reader's
# DUPLICATES_DEFINITIONS_ALLOWED): a value continued on the next line
# (`Tags: Pilkada 2024,` then `    Posko Pengaduan`) is handed over joined, as
# one value, or Pelican keeps its first line and warns of a "duplicate".
FIRST_VALUE_KEYS = frozenset(
    {
        "tags",
        "date",
        "modified",
        "status",
        "category",
        "author",
        "authors",
        "slug",
        "save_as",
        "url",
    }
)
# Keys whose value the site shows as plain text (not Markdown, as `Summary:`
# is; not an address, a date or a word the build reads): HTML's character
# references in them are read as Markdown reads them in the summary and the
# body. `Wilayah:` is the regions plugin's `Region:`.
TEXT_KEYS = frozenset(
    {
        "title",
        "author",
        "authors",
        "category",
        "tags",
        "region",
        "wilayah",
        "image-alt",
        "image-caption",
        "image-credit",
        "koreksi",
        "ralat",
    }
)
# Python-Markdown's normalize_whitespace is 30 and meta 27: controls go first of
# all, the front matter between the two (line ends and tabs normalised).
CONTROLS_PRIORITY = 40
# Before normalize_whitespace (30) turns tabs into spaces.
TABLES_PRIORITY = 35
FRONT_PRIORITY = 28
# After `meta` (27) has taken the front matter off, before fenced code (25).
PARAGRAPHS_PRIORITY = 26


# A pasted paragraph is one long line; a line wrapped by hand is shorter.
PARAGRAPH_LINE = 100
# Prose only: not a list item, table row, quote, heading, HTML or a fence.
_PROSE_START = re.compile(r"""^[^\W_\d]|^["“‘'(]|^\d+\b(?![.)])""")
_SENTENCE_END = re.compile(r"""[.!?…]["”’')]*$""")


# The prefix of a message copied from a chat: WhatsApp Web or Desktop's
# "[09.15, 3/12/2026] Humas Bawaslu Lahat: " ("[9:15 AM, 12/3/2026] +62 812-…:
# "), an exported chat's "[03/12/26 09.15.22] Name: " (iPhone) or
# "03/12/26 09.15 - Name: " (Android: a two-digit year, unlike an agenda's
# "03/12/2026 09.00 - Pembukaan: …"). It became the start of the page's text
# and of its summary, before the dateline.
_CHAT_TIME = r"\d{1,2}[.:]\d{2}(?:[.:]\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?"
_CHAT_DATE = r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}"
_CHAT_PREFIX = re.compile(
    rf"^ {{0,3}}(?:\[(?:{_CHAT_TIME},?\s{_CHAT_DATE}|{_CHAT_DATE},?\s{_CHAT_TIME})\]"
    rf"|\d{{1,2}}/\d{{1,2}}/\d{{2}},?\s{_CHAT_TIME}\s-)\s?[^\s:][^:\n]{{0,60}}:\s+"
)
# A title, a photo's alt, caption or credit set wholly in a chat's bold
# (`*…*`, WhatsApp's), italics (`_…_`), strikethrough (`~…~`) or Markdown's
# `**…**`: the site shows these values as text, so the page's <h1>, its
# <title>, og:title, JSON-LD and feeds showed the marks. Not a value with a
# mark inside (`*Bawaslu* Lahat`).
_CHAT_EMPHASIS = re.compile(
    r"(?P<mark>\*{1,2}|_{1,2}|~)(?P<inner>[^\s*_~](?:[^*_~]*[^\s*_~])?)(?P=mark)"
)
# A hashtag at a line's start (`#AwasiBersama`, a closing line of tags, or a
# hand-wrapped line): Python-Markdown reads `#` with no space after it as a
# heading's, which made the line an <h1> and ate its first `#`. Written
# `\#`, it is text; `# Judul` and `##Judul` stay headings.
_HASHTAG_START = re.compile(r"^#(?=[^\W_])")
# A line Python-Markdown reads as the underline of a heading on the line above
# (its SetextHeaderProcessor's): made of `=` or `-` from the line's start.
_UNDERLINE = re.compile(r"^[=-]+ *$")
# A heading is short, and no sentence ends in it.
HEADING_LINE = 80
_SENTENCE_INSIDE = re.compile(r"""[.!?…]["”’')]*\s""")


# Bullets a word processor or a chat pastes, and "1)" numbering. Word's own
# list bullets arrive as a middle dot (·, ∙) or as its Symbol and Wingdings
# fonts' private characters (U+F0B7, U+F0A7, U+F0D8). A bullet before words:
# "· · ·" and "***" between sections stay as written.
_BULLETS = "•◦▪▫●○■□‣⁃➢►✓✔·∙⦁\uf0b7\uf0a7\uf0d8"
_PASTED_BULLET = re.compile(rf"^ {{0,3}}[{_BULLETS}]\s*(?=[\w\"“‘(])")
_PAREN_NUMBER = re.compile(r"^( {0,3}\d{1,3})\)\s+(?=\S)")
# Word's numbered list pasted as HTML (the CMS's rich text, a web editor): the
# number, its dot, then the tab Word draws as no-break spaces ("1.\u00a0\u00a0 Apel"),
# which Markdown does not read as a list item's space.
_SPACED_NUMBER = re.compile(r"^( {0,3}\d{1,3})\.[ \t]*[\u00a0\u2007\u202f]\s*(?=\S)")
# A list item that may interrupt a paragraph (CommonMark's rule: a bullet, or
# a numbered list that starts at 1).
_LIST_START = re.compile(r"^ {0,3}(?:[-*+]|1[.)])\s+\S")


def paragraph_breaks(lines: list[str]) -> list[str]:
    """`lines` as a pasted release means them (see the module's docstring):
    a blank line between two long lines of prose where the first ends a
    sentence and the next begins one; pasted bullets (•) and "1)" numbers as
    Markdown list items; a chat's prefix (`chat_prefix`) left out; a line of
    spaces of any kind (U+00A0 …) blank; a blank line before a list that
    follows a line of prose directly, which Markdown would otherwise join to
    the paragraph;
    a hashtag at a line's start as text; and a line of `=` or `-` under a
    paragraph as a rule, not its heading's underline."""
    result: list[str] = []
    for line, code in zip(lines, in_fenced_code(lines), strict=True):
        if not code:
            if line and line.isspace():
                line = ""  # a no-break space's line (Word, Google Docs): blank to the eye
            head = line.lstrip(" ")[:1]
            if head == "[" or head.isdigit():
                line = without_chat_prefix(line)
                head = line.lstrip(" ")[:1]
            if head and (head in _BULLETS or head.isdigit()):  # most lines: neither pattern
                line = _PAREN_NUMBER.sub(r"\1. ", _PASTED_BULLET.sub("- ", line))
                line = _SPACED_NUMBER.sub(r"\1. ", line)
            elif head == "#":
                line = _HASHTAG_START.sub(r"\\#", line)
            previous = result[-1] if result else ""
            if previous.strip() and _UNDERLINE.match(line) and not _underlines_heading(result):
                result.extend(("", "---"))
                continue
            if previous and (
                _paragraph_pair(previous, line) or (_LIST_START.match(line) and _is_prose(previous))
            ):
                result.append("")
        result.append(line)
    return result


def without_chat_emphasis(value: str) -> str:
    """A value shown as text without the marks a chat sets all of it in
    (`_CHAT_EMPHASIS`): `*Bawaslu Lahat Gelar Rapat*` is "Bawaslu Lahat Gelar
    Rapat"; `*Bawaslu* Lahat` stays as written."""
    match = _CHAT_EMPHASIS.fullmatch(value.strip())
    return match["inner"] if match else value


def chat_prefix(line: str) -> str | None:
    """The chat's prefix a line copied from WhatsApp starts with (see
    `_CHAT_PREFIX`), as written, without the space after it; None when the
    line has none."""
    match = _CHAT_PREFIX.match(line)
    return match.group().rstrip() if match else None


def without_chat_prefix(line: str) -> str:
    """The line without the chat's prefix it starts with (`chat_prefix`)."""
    return _CHAT_PREFIX.sub("", line, count=1)


def _underlines_heading(above: list[str]) -> bool:
    """Whether the last of the lines `above` is a heading a line of `=` or
    `-` below underlines (Markdown's "setext" heading): the first line of its
    paragraph, short, prose that ends no sentence. A paragraph's sentence, a
    closing "… (rer)", a wrapped line or a list item above a line pasted from
    Word or an e-mail as a separator is no heading."""
    line = above[-1].strip().strip("*_")  # also in bold: "**Hasil Rapat**"
    return (
        (len(above) == 1 or not above[-2].strip())
        and 0 < len(line) <= HEADING_LINE
        and bool(_PROSE_START.match(line))
        and not _SENTENCE_INSIDE.search(line)
        and line[-1] not in ".!?…,;:)"
    )


def _is_prose(line: str) -> bool:
    """Whether a line is prose, also in emphasis (a chat's bold heading
    `*Jam layanan:*`), not a list item (`* Apel`)."""
    text = line.strip()
    if _PROSE_START.match(text):
        return True
    return not _LIST_START.match(line) and bool(_PROSE_START.match(text.lstrip("*_")))


def _paragraph_pair(previous: str, line: str) -> bool:
    """Whether `line` starts a new paragraph after `previous`: a long line of
    prose (a pasted paragraph; a first-line indent does not count) ending a
    sentence, then a line of prose starting one."""
    if previous.endswith("  "):  # Markdown's own line break: meant as one
        return False
    previous, line = previous.strip(), line.strip()
    if len(previous) < PARAGRAPH_LINE or not line:
        return False
    starts_sentence = line[0].isupper() or line[0].isdigit() or line[0] in "\"“‘'("
    return bool(
        starts_sentence
        and _PROSE_START.match(previous)
        and _PROSE_START.match(line)
        and _SENTENCE_END.search(previous)
    )


# A line of a credit or signature block is short; a line of prose is longer.
CREDIT_LINE = 80
_EMPHASIS = r"(?:\*\*|__|[*_])?"
# "Penulis : EW", "Editor  : Tim Humas …", "**Foto:** Humas", "Waktu: Senin
# (2/11/2026)": a label of at most four words starting with a letter, a colon,
# a value (not an address's "//").
_LABEL_LINE = re.compile(
    rf"^ {{0,3}}{_EMPHASIS}(?P<label>[^\W\d_][^\s:：]*(?:[^\S\n]+[^\s:：]+){{0,3}}?)"
    rf"{_EMPHASIS}[^\S\n]*[:：](?!//){_EMPHASIS}[^\S\n]*\S"
)
# A telephone's line, its label with or without a colon: "HP. 0812-7000-1234",
# "Telp. (0711) 123456", "No. HP: 0812…", "WA 0812…".
_PHONE_LINE = re.compile(
    rf"^ {{0,3}}{_EMPHASIS}(?:no\.?\s*)?(?:hp|telp|tlp|telepon|tel|wa|whatsapp|fax|faks)\b\.?"
    rf"(?:\s*/\s*(?:hp|wa|telp)\.?)?{_EMPHASIS}[^\S\n]*[:：.]?[^\S\n]*[+(]?\d",
    re.IGNORECASE,
)
# The labels of a release's credits and contacts (folded: "E-mail" is "e mail").
CREDIT_LABELS = frozenset(
    {
        "penulis",
        "editor",
        "penyunting",
        "redaktur",
        "foto",
        "fotografer",
        "pewarta",
        "reporter",
        "narahubung",
        "kontak",
        "contact person",
        "cp",
        "email",
        "e mail",
        "sumber",
    }
)
# A line that opens another Markdown block: a list item, a quote, a table, HTML,
# a heading, a fence. A paragraph with one is left as Markdown reads it.
_BLOCK_START = re.compile(r"^ {0,3}(?:[-+*][ \t]|\d{1,9}[.)][ \t]|[>|<#]|```|~~~)")


def _is_label_line(line: str) -> bool:
    return len(line.strip()) <= CREDIT_LINE and bool(
        _LABEL_LINE.match(line) or _PHONE_LINE.match(line)
    )


def _is_credit_line(line: str) -> bool:
    """A line of credits or contacts: a telephone's, or a label of CREDIT_LABELS."""
    if _PHONE_LINE.match(line):
        return True
    labelled = _LABEL_LINE.match(line)
    return labelled is not None and fold(labelled["label"]) in CREDIT_LABELS


def kept_line_breaks(lines: list[str]) -> list[str]:
    """`lines` with a Markdown line break (two spaces) at the end of each line
    of a paragraph but its last, where the paragraph is a credit or signature
    block (see the module's docstring): every line a short `Label : value`
    line, or every line short with a credit or contact line among them."""
    result = list(lines)
    code = in_fenced_code(lines)
    start = None
    for index in range(len(lines) + 1):
        inside = index < len(lines) and bool(lines[index].strip()) and not code[index]
        if inside and start is None:
            start = index
        elif not inside and start is not None:
            block = lines[start:index]
            if (
                len(block) > 1
                and not any(_BLOCK_START.match(line) for line in block)
                and (
                    all(_is_label_line(line) for line in block)
                    or (
                        all(len(line.strip()) <= CREDIT_LINE for line in block)
                        and any(_is_credit_line(line) for line in block)
                    )
                )
            ):
                for number in range(start, index - 1):
                    if not result[number].endswith("  "):
                        result[number] = result[number].rstrip() + "  "
            start = None
    return result


# A row of a table pasted as text (from Excel, Word or a web page): its cells
# between tabs. Not a label's line (`Penulis\t: EW`, `Waktu:\tSenin`), a list
# item or another block's line.
_CELL_SEPARATOR = re.compile(r"[ ]*\t[\t ]*")


def _pasted_cells(line: str) -> list[str] | None:
    """The cells of a table's row pasted with tabs between them (at least
    two), else None."""
    text = line.strip()
    if "\t" not in text or _BLOCK_START.match(line):
        return None
    cells = _CELL_SEPARATOR.split(text)
    if any(cell.endswith((":", "：")) for cell in cells[:-1]) or any(
        cell.startswith((":", "：")) for cell in cells[1:]
    ):
        return None
    return cells


def pasted_tables(lines: list[str]) -> list[str]:
    """`lines` with each run of two lines or more whose cells are separated by
    tabs, as many cells in each, written as a Markdown table (its first row
    the header), a blank line around it. Pasted from a spreadsheet or a word
    processor, such rows were one line of run-together words on the page."""
    result: list[str] = []
    code = in_fenced_code(lines)
    index = 0
    while index < len(lines):
        end = index
        rows: list[list[str]] = []
        while end < len(lines) and not code[end]:
            cells = _pasted_cells(lines[end])
            if cells is None or len(cells) < 2 or (rows and len(cells) != len(rows[0])):
                break
            rows.append(cells)
            end += 1
        if len(rows) < 2:
            result.append(lines[index])
            index += 1
            continue
        if result and result[-1].strip():
            result.append("")
        escaped = [[cell.replace("|", "\\|") for cell in row] for row in rows]
        result.append("| " + " | ".join(escaped[0]) + " |")
        result.append("|" + " --- |" * len(escaped[0]))
        result.extend("| " + " | ".join(row) + " |" for row in escaped[1:])
        if end < len(lines) and lines[end].strip():
            result.append("")
        index = end
    return result


class PastedTables(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        # A Summary: (converted with `meta` unregistered) is one line of text.
        if "meta" not in self.md.preprocessors or not any("\t" in line for line in lines):
            return lines
        # Below the front matter: `Title: Rapat\tKoordinasi` over `Tags: A\tB`
        # are keys with a tab in their values, not a table's rows.
        start = parse_lines(lines, flags_below=False).end
        return lines[:start] + pasted_tables(lines[start:])


class PastedParagraphs(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        # A Summary: (converted with `meta` unregistered) is one line of text.
        if "meta" not in self.md.preprocessors:
            return lines
        # Then a credit or signature block keeps its lines (`kept_line_breaks`).
        return kept_line_breaks(paragraph_breaks(lines))


class ControlCharacters(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        # The file's lines at once: one search (most files have none), and
        # one pass that takes them out (which keeps every line end).
        text = "\n".join(lines)
        kept = without_control_characters(text)
        if kept != text and "meta" in self.md.preprocessors and saved_as_utf16(text):
            # Not a release with a NUL pasted in: a file saved as UTF-16 with
            # no byte-order mark, published garbled without its NULs. Not
            # read, as a file saved as UTF-16 with its mark is not
            # (`source_checks.decode_source` says it).
            raise UnicodeError("the file is saved as UTF-16, not UTF-8")
        return lines if kept == text else kept.split("\n")


class FrontMatterValues(Preprocessor):
    """The front matter handed to `meta` as `warta.frontmatter` reads it: a
    single-valued key once, its wrapped lines joined, YAML's quotes off."""

    def run(self, lines: list[str]) -> list[str]:
        # Pelican converts Summary: with `meta` unregistered: a text, not a file.
        if "meta" not in self.md.preprocessors:
            return lines
        front = parse_lines(lines)
        if not front:
            return lines
        yaml_read = front.closing is not None  # blank and comment lines between the fields
        kept = lines[:1] if yaml_read else lines[: front.fields[0].line - 1]  # an opening `---`
        seen: set[str] = set()
        commented: list[str] = []  # the TEXT_KEYS a comment was taken out of
        spelled: dict[str, str] = {}  # key → how its first field names it
        flag = front.unpublished_by_flag()
        if flag is not None:
            # First, where `meta` reads it whatever follows.
            kept.append("Status: draft")
        ending = front.take_down()
        when = when_written(ending.value) if ending is not None else None
        if when is not None:
            # `expiryDate: 2024-11-20`, `Kedaluwarsa: 20 November 2024 pukul
            # 10.00`: one `Kedaluwarsa:` in WIB's house form, which the build
            # reads on every build (`warta.published.hold_taken_down`).
            kept.append(f"{TAKE_DOWN_NAME}: {when:%Y-%m-%d %H:%M:%S}")
        for item in front.fields:
            if flag is not None and item.key == "status":
                continue  # `Status: draft` below stands for the flag
            if when is not None and is_end_field(item.key, item.value):
                continue  # handed over once, as `Kedaluwarsa:` above
            if not META_KEY_RE.fullmatch(item.name):
                continue  # a YAML key `meta` cannot read ("Image Alt"): content_lint says so
            first = spelled.setdefault(item.key, item.name.lower())
            if first != item.name.lower():
                continue  # `Category:` after `Rubrik:`: the first is used (content_lint says so)
            name = item.name if item.name.lower() == item.key else item.key.title()
            single = item.key in SINGLE_VALUED_KEYS
            if META_END_RE.match(item.name):
                # A `---extra:` key (YAML reads it as one): `meta`'s own END_RE,
                # not anchored at the end, would end the front matter there.
                continue
            text = with_references_read if item.key in TEXT_KEYS else str
            uncommented = without_comments(item) if item.key in TEXT_KEYS else item
            read = uncommented is not item  # handed over as read, not as its lines are written
            if read:
                item = uncommented
                commented.append(item.key)
            as_written = (
                not read
                and item.written is None
                and not (item.key in FIRST_VALUE_KEYS and len(item.values) > 1)
                and KEY_RE.match(lines[item.line - 1]) is not None  # not `"draft": true`
            )
            # (A key has no `&`: a line of the key is read whole.)
            if item.key in LIST_KEYS:
                # Split as written, its items read one by one: a `;` or `,`
                # written as a reference is text, a YAML item one item.
                kept.append(f"{name}: {handed_list(item.key, list_items(item))}")
            elif not single and as_written and name == item.name:
                kept.extend(text(lines[number - 1]) for number in item.lines)
            elif not single and as_written:  # `Rubrik:` read as `Category:`
                kept.append(f"{name}: {text(item.values[0])}")
                kept.extend(text(lines[number - 1]) for number in item.lines[1:])
            elif item.key in REPEATED_KEYS and len(item.values) > 1:
                # A YAML list of corrections: a `Ralat:` line each, as written so.
                kept.extend(f"{name}: {text(without_control_characters(v))}" for v in item.values)
            elif not single or item.key not in seen:
                seen.add(item.key)
                # YAML's escapes ("\a", "\u202e") are decoded here, after
                # `ControlCharacters` has read the lines: left out again.
                value = text(without_control_characters(item.value))
                if single and item.key in TEXT_KEYS:
                    value = without_chat_emphasis(value)
                if item.key == "title" and (not value.strip() or shows_nothing(value)):
                    # `Title:` left empty (`title: ""` from the CMS, a YAML
                    # map, a comment only): no title, as content_lint says
                    # ("missing Title"); Pelican published it untitled at
                    # its month's folder (berita/2024/11/index.html).
                    continue
                kept.append(f"{name}: {value}")
        if commented:
            # Read by the sanitize plugin, which warns of each comment at its
            # line (on a warm build too: the metadata is what Pelican caches).
            kept.append(f"{COMMENTED_KEY}: {', '.join(commented)}")
        if not front.closed:
            # The line that ended it (`\tdraft: true` below a list item) starts
            # the body: `meta` would read an indented one as more of the key.
            kept.append("")
        return kept + lines[front.closing if yaml_read else front.fields[-1].lines[-1] :]


# The metadata key naming the TEXT_KEYS an HTML comment was taken out of
# (`Author: Humas <!-- Budi minta anonim -->`), for the sanitize plugin's
# warnings. No value of the front matter is named so.
COMMENTED_KEY = "warta-comments-removed"


def without_comments(item: Field) -> Field:
    """The field without its closed HTML comments (`TEXT_COMMENT_RE`),
    spaces around each made one; the field itself when it holds none. The
    site shows these values as text, and Pelican makes the author, tag and
    category pages (their headings, addresses, feeds) of them as read: an
    editorial note in one was published. A comment wrapped over lines is
    taken out of the lines joined; a lone `<!--` is text its writer sees."""
    if not any("<!--" in value for value in (*item.values, *item.items)):
        return item

    def kept(text: str) -> str:
        return " ".join(TEXT_COMMENT_RE.sub(" ", text).split())

    values = item.values
    if not any(TEXT_COMMENT_RE.search(value) for value in values) and TEXT_COMMENT_RE.search(
        item.value
    ):
        values = (item.value,)  # one comment over the lines
    cleaned = dataclasses.replace(
        item,
        values=tuple(kept(value) for value in values),
        lines=item.lines[: len(values)],
        written=None,
        items=tuple(text for text in (kept(i) for i in item.items) if text),
    )
    if (cleaned.values, cleaned.items) == (item.values, item.items):
        return item
    return cleaned


# A Markdown link with no address: `[Unduh]()`, `[Unduh]( )`, `[Unduh](<>)`
# (not an image's `![…]()`: the images plugin says that one).
_EMPTY_LINK = re.compile(r"(?<!!)(?<!\\)\[(?P<text>[^\]\n]+)\]\(\s*(?:<\s*>)?\s*\)")


# A Markdown link with no words: `[](https://…)`, which is shown as nothing.
_WORDLESS_LINK = re.compile(r"(?<!!)(?<!\\)\[\s*\]\(\s*<?(?P<address>[^\s()<>]+)>?\s*\)")


# Inline code (`` `[Unduh]()` ``, as a guide to writing links shows one): its
# text is shown as typed, no link in it.
_CODE_SPAN = re.compile(r"(?<![\\`])(?P<ticks>`+)(?!`).*?(?<!`)(?P=ticks)(?!`)")


def _outside_code(line: str, matches) -> list[re.Match]:
    """The `matches` of `line` that do not start in its inline code."""
    if "`" not in line:
        return list(matches)
    spans = [match.span() for match in _CODE_SPAN.finditer(line)]
    return [m for m in matches if not any(start <= m.start() < end for start, end in spans)]


def empty_links(line: str) -> list[str]:
    """The links of a line of text written with no address, as written."""
    if "](" not in line:
        return []
    return [match.group(0) for match in _outside_code(line, _EMPTY_LINK.finditer(line))]


def wordless_links(line: str) -> list[tuple[str, str]]:
    """(as written, its address) of each link of a line written with no words."""
    if "](" not in line:
        return []
    found = _outside_code(line, _WORDLESS_LINK.finditer(line))
    return [(match.group(0), match["address"]) for match in found]


# A line that may open a raw HTML block: a tag at its start (after spaces).
_TAG_AT_START = re.compile(r"^\s{0,3}<[A-Za-z]")


def raw_html_lines(lines: Sequence[str]) -> list[bool]:
    """For each line (of a body, fenced code blanked), whether it is inside a
    block of raw HTML (`<div>…</div>`, a `<table>` pasted from Word), as
    Python-Markdown's `html_block` preprocessor (with `extra`'s md_in_html)
    finds one: Markdown is not read in it, so `# Nomor` there is no heading
    and `[kata]()` no link (a `markdown="1"` block is read as Markdown)."""
    raw = [False] * len(lines)
    if not any(line[:4].lstrip()[:1] == "<" and _TAG_AT_START.match(line) for line in lines):
        return raw  # (most releases: no HTML block at all)
    md = Markdown(extensions=["markdown.extensions.extra"])
    text = "\n".join(md.preprocessors["normalize_whitespace"].run(list(lines)))
    md.preprocessors["html_block"].run(text.split("\n"))
    position = 0
    for block in md.htmlStash.rawHtmlBlocks:
        if not isinstance(block, str) or not block.strip():
            continue  # a `markdown="1"` block: read as Markdown
        start = text.find(block.rstrip("\n"), position)
        if start < 0:
            continue
        position = start + len(block.rstrip("\n"))
        first, last = text.count("\n", 0, start), text.count("\n", 0, position)
        for index in range(first, min(last, len(raw) - 1) + 1):
            raw[index] = True
    return raw


_RAW_H1_ELEMENT_RE = re.compile(r"<h1(?=[\s/>])[^>]*>(?P<text>.*?)(?:</h1\s*>|$)", re.IGNORECASE)


def raw_title_headings(line: str) -> list[tuple[str, str]]:
    """(as written, its text) of each <h1> a line writes as HTML, outside its
    inline code: shown as an <h2> (`SubheadingsOnly`)."""
    if "<" not in line or not RAW_H1_RE.search(line):
        return []
    found = _outside_code(line, _RAW_H1_ELEMENT_RE.finditer(line))
    return [(m.group(0), " ".join(re.sub(r"<[^>]*>", "", m["text"]).split())) for m in found]


# A heading at the title's level, as Python-Markdown reads one: `# Judul` at a
# line's start (`#Judul` is a hashtag: `_HASHTAG_START`).
_TITLE_LEVEL_HEADING = re.compile(r"^#(?!#)[ \t]+(?P<text>.*?)[ \t#]*$")


def title_level_headings(lines: list[tuple[int, str]]) -> list[tuple[int, str, str]]:
    """(line number, heading text, how it is written: "#" or "=") of each
    heading of `lines` (numbered text lines, fenced code left out) that
    Markdown makes an <h1>: `# Judul`, or a heading underlined with `=`
    (`_underlines_heading`); each is shown as an <h2> (`SubheadingsOnly`)."""
    found = []
    paragraph: list[str] = []
    previous = None
    for number, line in lines:
        if previous is not None and number != previous + 1:
            paragraph = []  # (a fenced block between: not one paragraph)
        previous = number
        atx = _TITLE_LEVEL_HEADING.match(line)
        if atx and atx["text"].strip():
            found.append((number, atx["text"].strip(), "#"))
            paragraph = []
            continue
        if (
            paragraph
            and line[:1] == "="
            and _UNDERLINE.match(line)
            and _underlines_heading(paragraph)
        ):
            found.append((number - 1, paragraph[-1].strip(), "="))
            paragraph = []
            continue
        paragraph = [*paragraph, line] if line.strip() else []
    return found


# An <h1> tag written as HTML (Word's "Heading 1" pasted as HTML), start or end.
RAW_H1_RE = re.compile(r"<(/?)h1(?=[\s/>])", re.IGNORECASE)


class SubheadingsOnly(Treeprocessor):
    """Every <h1> of a release's or a page's text an <h2>: the page's one
    <h1> is its title (the templates'), Markdown's and one written as HTML
    (kept raw until the end). (A Summary: has no heading.)"""

    def run(self, root) -> None:
        for element in root.iter("h1"):
            element.tag = "h2"
        stash = self.md.htmlStash.rawHtmlBlocks
        for index, block in enumerate(stash):
            if isinstance(block, str) and "<" in block:
                stash[index] = RAW_H1_RE.sub(r"<\1h2", block)


def _unwrap(parent, child) -> None:
    """`child` replaced in `parent` by its text and children (its tail kept)."""
    index = list(parent).index(child)
    pieces = list(child)
    text, tail = child.text or "", child.tail or ""
    if index:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(child)
    for offset, piece in enumerate(pieces):
        parent.insert(index + offset, piece)
    if pieces:
        pieces[-1].tail = (pieces[-1].tail or "") + tail
    elif index:
        parent[index - 1].tail += tail
    else:
        parent.text += tail


class NoEmptyLinks(Treeprocessor):
    """A link written with no address (`[Unduh di sini]()`, the address
    never pasted) is its words: as <a href="">, it reloaded the page it is
    on. A link written with no words (`[](https://…)`), shown as nothing a
    reader could see or a screen reader name, shows its address. content_lint
    names the line of each (`source_checks.empty_links`, `wordless_links`)."""

    def run(self, root) -> None:
        empty = []
        for parent in root.iter():
            for child in parent:
                if child.tag != "a" or child.get("href") is None:
                    continue
                if not child.get("href").strip():
                    empty.append((parent, child))
                elif (
                    len(child) == 0
                    and not (child.text or "").strip()
                    and not child.get("href").startswith(("{", "|"))  # (no text to show)
                ):
                    child.text = child.get("href")
        for parent, child in empty:
            _unwrap(parent, child)


class SourceExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(SubheadingsOnly(md), "warta_subheadings", 5)
        md.treeprocessors.register(NoEmptyLinks(md), "warta_empty_links", 4)
        md.preprocessors.register(ControlCharacters(md), "warta_controls", CONTROLS_PRIORITY)
        md.preprocessors.register(PastedTables(md), "warta_tables", TABLES_PRIORITY)
        md.preprocessors.register(FrontMatterValues(md), "warta_front_matter", FRONT_PRIORITY)
        md.preprocessors.register(PastedParagraphs(md), "warta_paragraphs", PARAGRAPHS_PRIORITY)
        if "code" in md.parser.blockprocessors:
            md.parser.blockprocessors.deregister("code")


def makeExtension(**kwargs) -> SourceExtension:
    return SourceExtension(**kwargs)
