"""An HTML fragment without active content, and what was taken out of it (no
Pelican import).

The cleaning itself is done by nh3 (the Python binding of the Rust `ammonia`
sanitizer, built on the html5ever parser browsers' rules follow): an allowlist
of the tags and attributes Markdown and the theme's conventions produce, URLs
limited to http(s), mailto, tel and relative ones, comments dropped. Whatever
is not on the list goes, including what nobody thought of.

To tell staff what went and where, the fragment is also read with the standard
library's HTMLParser under the same policy, and each tag, attribute or URL
that the allowlist refuses becomes a `Removal` with text to find its source
line by. The report is best effort; what is published is nh3's output.
"""

from __future__ import annotations

import bisect
import dataclasses
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

from warta.frontmatter import split_lines
from warta.imagetags import has_img_tag, rewrite_images
from warta.text import TEXT_COMMENT_RE

# Dropped with everything inside them (raw-text elements and active content).
DROPPED_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "iframe",
        "frameset",
        "object",
        "applet",
        "embed",
        "noscript",
        "noembed",
        "noframes",
        "template",
        "xmp",
        "plaintext",
        "textarea",
        "title",
        "select",
        "svg",
        "math",
    }
)
# The tags a release may carry: nh3's safe default set, and <picture>/<source>
# for responsive photos.
ALLOWED_TAGS = frozenset(nh3.ALLOWED_TAGS) - DROPPED_WITH_CONTENT | {"picture", "source"}
# Markdown's footnotes, abbreviations, attribute lists and tables need these.
ALLOWED_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "source": {"srcset", "sizes", "type", "media", "width", "height"},
    "ol": {"start", "reversed", "type"},
    "td": {"colspan", "rowspan", "align", "style", "headers"},
    "th": {"colspan", "rowspan", "align", "style", "scope", "headers"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "abbr": set(),
    "col": {"span"},
    "colgroup": {"span"},
}
STYLE_PROPERTIES = frozenset({"text-align"})  # table cell alignment (Markdown tables)
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "cite", "action", "formaction", "poster"})
_SCHEME_RE = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_INVISIBLE_RE = re.compile(r"[\x00-\x20\x7f]+")
_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    url_schemes=set(SAFE_SCHEMES),
    link_rel=None,
    strip_comments=True,
    filter_style_properties=set(STYLE_PROPERTIES),
)


@dataclass(frozen=True)
class Spelling:
    """One way a removed thing may be written in the source."""

    needle: str  # lowercase text to look for (as written when `exact`)
    shown: str = ""  # quoted when found so ("": the removal's own `shown`)
    lead: int = 0  # characters of `needle` before the removed thing (its line)
    markdown: str = ""  # "link"/"image": the needle is the address a Markdown link/image gave
    exact: bool = False  # a tag as the source has it: matched with its case


@dataclass(frozen=True)
class Removal:
    """One thing taken out: what it was (for the message) and lowercase texts to
    look for in the source, best first (for the line number)."""

    shown: str
    needle: str
    fallbacks: tuple[str, ...] = ()
    spellings: tuple[Spelling, ...] = ()  # tried before `needle` and `fallbacks`
    image_alt: str | None = None  # not None: a whole <img> left out, its alt text kept
    what: str = "raw HTML"  # what the message calls it: "HTML comment", "CDATA section"
    note: str = ""  # said after the quoted text ("never closed; the text after it is kept")
    lost_text: str = ""  # the words a dropped element took with it (an svg's <text>)

    def ways(self) -> tuple[Spelling, ...]:
        plain = (Spelling(needle) for needle in (self.needle, *self.fallbacks) if needle)
        return (*self.spellings, *plain)


@dataclass(frozen=True)
class Located:
    """Where a removal was found in the source, and how it is written there."""

    line: int | None  # None: not found as written
    shown: str  # as written in the source when found, else as the page had it
    markdown: str = ""  # "link"/"image": written as a Markdown link's or image's address


def scheme_of(url: str) -> str | None:
    """The URL's scheme as a browser reads it (white space and controls ignored)."""
    found = _SCHEME_RE.match(_INVISIBLE_RE.sub("", url).lower())
    return found.group(1) if found else None


def is_safe_url(url: str, *, tag: str = "", attribute: str = "") -> bool:
    """http(s), mailto, tel or a relative URL (`{filename}` links included)."""
    scheme = scheme_of(url)
    return scheme is None or scheme in SAFE_SCHEMES


def _srcset_urls(value: str) -> list[str]:
    return [candidate.strip().split(" ")[0] for candidate in value.split(",") if candidate.strip()]


def attribute_problem(tag: str, name: str, value: str | None) -> Removal | None:
    """Why this attribute goes (None: it stays)."""
    allowed = ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(tag, set())
    if name not in allowed:
        if value is None or name.startswith("on"):
            return Removal(f"{name}=", name)
        return Removal(f'{name}="{value[:60]}"', name)
    if value is None:
        return None
    if name == "style":
        properties = {part.split(":", 1)[0].strip().lower() for part in value.split(";")}
        if properties - STYLE_PROPERTIES - {""}:
            return Removal(f'style="{value[:60]}"', "style")
        return None
    if name in URL_ATTRIBUTES:
        urls = _srcset_urls(value) if name == "srcset" else [value]
        for url in urls:
            if not is_safe_url(url):
                return Removal(f'{name}="{value[:60]}"', "")
    return None


# An attribute in a start tag as written (after the tag's name): its name, and
# its value within its quotes, if any (one group of the three matches).
_ATTRIBUTE_RE = re.compile(
    r"""([^\s/>"'=][^\s/>"'=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?"""
)
MAX_SHOWN = 80


def _cut(text: str) -> str:
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


@dataclass(frozen=True)
class _Written:
    """One attribute of a start tag as the source spells it."""

    name: str  # lowercase
    text: str  # the whole attribute as written (`SRC="…"`)
    offset: int  # where it starts in the tag
    value: str  # its value as written, without quotes or white space around it


def _written_attributes(raw_tag: str) -> list[_Written]:
    """Each attribute of a start tag as the source spells it."""
    name_end = re.match(r"<[^\s/>]*", raw_tag)
    start = name_end.end() if name_end else 0
    return [
        _Written(
            match.group(1).lower(),
            match.group(0),
            match.start(),
            next((value for value in match.groups()[1:] if value is not None), "").strip(),
        )
        for match in _ATTRIBUTE_RE.finditer(raw_tag, start)
    ]


def _attribute_removal(
    tag: str, raw_tag: str, nth: int, name: str, value: str | None, problem: Removal
) -> Removal:
    """`problem` with the ways its attribute may be written: the whole start tag
    (raw HTML, quoted as written), else the address alone (a Markdown link's or
    image's: Markdown writes the tag). `nth`: how many attributes of this name
    come before it in the tag."""
    written = [item for item in _written_attributes(raw_tag) if item.name == name]
    spellings = []
    if nth < len(written):
        attribute = written[nth]
        shown = _cut(attribute.text)
        if problem.shown.endswith("="):  # an event handler: its name as written, not its code
            shown = _cut(re.match(r"[^\s=]*", attribute.text).group(0) + "=")
        spellings.append(Spelling(raw_tag, shown, attribute.offset, exact=True))
    else:
        spellings.append(Spelling(raw_tag, exact=True))
    if value and name in URL_ATTRIBUTES and name != "srcset":
        kind = {"a": "link", "img": "image"}.get(tag, "")
        # The address as the tag writes it (a Markdown link keeps its character
        # references: `[a](&#x6A;avascript:…)`), then as the parser read it.
        if nth < len(written):
            raw = written[nth].value
            if raw and raw != value.strip():
                spellings.append(Spelling(raw.lower(), _cut(raw), markdown=kind))
        address = value.strip()
        spellings.append(Spelling(address.lower(), _cut(address), markdown=kind))
    return Removal(problem.shown, problem.needle, problem.fallbacks, tuple(spellings))


def _refused_src(attrs: list) -> str | None:
    """The src of an <img> the allowlist refuses (None: none, or one it keeps)."""
    src = dict(attrs).get("src")
    return None if src is None or is_safe_url(src) else src


def _without_refused_images(fragment: str) -> str:
    """The fragment with each <img> (in a <picture> too) whose src the allowlist
    refuses replaced by its alt text: an <img> without its src is a broken
    image on the page, and the alt text is what the writer said it shows."""
    if not has_img_tag(fragment):
        return fragment

    def replace(_index: int, attrs: list) -> str | None:
        if _refused_src(attrs) is None:
            return None
        return html.escape(dict(attrs).get("alt") or "", quote=False)

    return rewrite_images(fragment, replace, pictures=True)


def _image_removal(raw_tag: str, attrs: list) -> Removal:
    """An <img> left out for its src: found by its tag as written (raw HTML),
    else by its address (a Markdown image's)."""
    src = _refused_src(attrs) or ""
    shown = f'src="{_cut(src)}"'
    attribute = next(
        (item for item in _written_attributes(raw_tag) if item.name == "src"),
        _Written("src", shown, 0, src.strip()),
    )
    # The address as the tag writes it, whole (a Markdown image keeps its
    # character references: `![a](&#x6A;avascript:…)`), then as the parser read it.
    addresses = dict.fromkeys(a for a in (attribute.value, src.strip()) if a)
    spellings = (
        Spelling(raw_tag, _cut(attribute.text), attribute.offset, exact=True),
        *(Spelling(address.lower(), _cut(address), markdown="image") for address in addresses),
    )
    return Removal(shown, "", spellings=spellings, image_alt=dict(attrs).get("alt") or "")


# Elements without content or end tag.
VOID_TAGS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)
# The end of a block Markdown writes: a dropped element not closed before it
# takes the rest of the block (svg, math) or more (script, style, …) with it.
_BLOCK_END_RE = re.compile(
    r"</(?:p|li|td|th|tr|h[1-6]|blockquote|div|dd|dt|dl|figcaption|figure|table|thead|"
    r"tbody|ul|ol|pre|section|article|aside|header|footer|details|summary|caption)\s*>",
    re.I,
)
# Start tags that end an <svg> or <math> (the HTML parser's "breakout" tags):
# what follows one is no longer inside it.
_BREAKOUT_RE = re.compile(
    r"<(?:b|big|blockquote|body|br|center|code|dd|div|dl|dt|em|embed|h[1-6]|head|hr|i|img|"
    r"li|listing|menu|meta|nobr|ol|p|pre|ruby|s|small|span|strong|strike|sub|sup|table|tt|"
    r"u|ul|var)[\s/>]",
    re.I,
)
# Elements whose content the HTML parser reads as text up to their end tag
# (nh3 parses with scripting on: <noscript> too). A block end tag inside one
# is text, unless Markdown wrote it: at the end of a line, where its block ends.
RAW_TEXT_TAGS = frozenset(
    {"script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title"}
)
_MARKDOWN_BLOCK_END_RE = re.compile(rf"(?:{_BLOCK_END_RE.pattern})(?=[ \t]*(?:\n|$))", re.I)
_TAG_RE = re.compile(r"<[^>]*>")
UNCLOSED_NOTE = "never closed; the text after it is kept"
# Dropped elements whose content is code, not words for the reader: what they
# hold is not quoted.
CODE_TAGS = frozenset({"script", "style"})


def _swallowed(fragment: str, tag: str, end: int) -> tuple[int, int] | None:
    """Where the text a dropped element opened at `end` (just past its start
    tag) would take with it without its end tag in the same block: (start,
    end) of that text, None when its end tag closes it first or it holds no
    words."""
    closing = re.compile(rf"</{tag}[\s/>]", re.I).search(fragment, end)
    block_end = _MARKDOWN_BLOCK_END_RE if tag in RAW_TEXT_TAGS else _BLOCK_END_RE
    boundary = block_end.search(fragment, end)
    stop = boundary.start() if boundary else len(fragment)
    if tag in ("svg", "math"):
        breakout = _BREAKOUT_RE.search(fragment, end)
        stop = min(stop, breakout.start()) if breakout else stop
    if closing and closing.start() <= stop:
        return None
    if not _TAG_RE.sub("", fragment[end:stop]).strip():
        return None
    return end, stop


_CDATA_RE = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S | re.I)


def _cdata_as_text(fragment: str) -> str:
    """CDATA sections as the text they hold: HTML reads `<![CDATA[ … ]]>` as a
    comment, and the writer's words in it would be lost."""
    if "<![" not in fragment:
        return fragment
    return _CDATA_RE.sub(lambda match: html.escape(match.group(1), quote=False), fragment)


class _Reporter(HTMLParser):
    """Reads a fragment under the allowlist and lists what it refuses."""

    def __init__(self, fragment: str) -> None:
        super().__init__(convert_charrefs=True)
        self.fragment = fragment
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", fragment)]
        self.removed: list[Removal] = []
        self.skipping: list[str] = []  # the dropped elements we are inside
        self.open: dict[str, int] = {}  # elements open, by tag: an end tag with none is stray
        self.unclosed: list[tuple[int, int]] = []  # start tags to take out alone (see _start)
        self.read_on = False  # the <script>/<style> just seen was never closed: read its text
        self.dropped_text: list[str] = []  # the words in the dropped element we are inside
        self.in_code = 0  # the <script>/<style>s inside it (their text is no words)

    def set_cdata_mode(self, *args, **kwargs):
        if self.read_on:  # what follows an unclosed <script> is read as the page will have it
            self.read_on = False
            return
        super().set_cdata_mode(*args, **kwargs)

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _start(self, tag: str, attrs) -> None:
        if self.skipping:
            if tag == self.skipping[0]:
                self.skipping.append(tag)
            elif tag in CODE_TAGS:
                self.in_code += 1
            return
        raw_tag = self.get_starttag_text() or ""
        raw = (Spelling(raw_tag, exact=True),)
        if tag in DROPPED_WITH_CONTENT:
            start = self._offset()
            end = start + len(raw_tag)
            if not raw_tag.endswith("/>") and _swallowed(self.fragment, tag, end):
                # Not closed in its block: it would take the rest of the paragraph
                # (or the release) with it. The start tag alone goes.
                self.unclosed.append((start, end))
                self.read_on = tag in self.CDATA_CONTENT_ELEMENTS
                self.removed.append(
                    Removal(f"<{tag}>", f"<{tag}", spellings=raw, note=UNCLOSED_NOTE)
                )
                return
            self.removed.append(Removal(f"<{tag}>", f"<{tag}", spellings=raw))
            self.skipping.append(tag)
            self.dropped_text = []
            self.in_code = 0
            return
        if tag not in VOID_TAGS:
            self.open[tag] = self.open.get(tag, 0) + 1
        if tag not in ALLOWED_TAGS:
            if tag not in ("html", "head", "body"):
                self.removed.append(Removal(f"<{tag}>", f"<{tag}", spellings=raw))
            return
        if tag == "img" and _refused_src(attrs) is not None:
            self.removed.append(_image_removal(raw_tag, attrs))
            return
        for index, (name, value) in enumerate(attrs):
            problem = attribute_problem(tag, name, value)
            if problem is not None:
                nth = sum(1 for other, _value in attrs[:index] if other == name)
                self.removed.append(_attribute_removal(tag, raw_tag, nth, name, value, problem))

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs)
        if self.skipping and self.skipping[-1] == tag and len(self.skipping) == 1:
            self.skipping.pop()  # <svg/>: nothing inside

    def handle_data(self, data):
        if self.skipping and not self.in_code and self.skipping[0] not in CODE_TAGS:
            self.dropped_text.append(data)

    def handle_endtag(self, tag):
        if self.skipping:
            if tag == self.skipping[0]:
                self.skipping.pop()
                if not self.skipping:
                    self._name_dropped_text()
            elif tag in CODE_TAGS and self.in_code:
                self.in_code -= 1
            return
        if tag in ("p", "br") or tag in VOID_TAGS:
            return  # a stray </p> or </br> is read as an empty <p>, a <br>: nothing lost
        if not self._end(tag) and tag not in ("html", "head", "body"):
            self.removed.append(self._stray(tag))

    def _name_dropped_text(self) -> None:
        """The words the element just closed took with it, named in its
        removal's note: the page loses them (an svg's <text>, a <noscript>'s
        or <template>'s text)."""
        words = " ".join(" ".join(self.dropped_text).split())
        self.dropped_text = []
        if words and self.removed:
            note = f"its text '{_cut(words)}' left out with it"
            self.removed[-1] = dataclasses.replace(self.removed[-1], note=note, lost_text=words)

    def _stray(self, tag: str) -> Removal:
        """A stray end tag, found by the words before it on its line as written
        (`Catatan </script>`: the same end tag closing an element elsewhere is
        no place of it), else by itself."""
        start = self._offset()
        end = self.fragment.find(">", start) + 1 or len(self.fragment)
        written = self.fragment[start:end]
        before = max(
            self.fragment.rfind(">", 0, start) + 1, self.fragment.rfind("\n", 0, start) + 1
        )
        context = self.fragment[max(before, start - 40) : end]
        spellings = [Spelling(written, f"</{tag}>", exact=True)]
        if context.strip() != written:
            lead = len(context) - len(written)
            spellings.insert(0, Spelling(context, f"</{tag}>", lead, exact=True))
        return Removal(
            f"</{tag}>", f"</{tag}", spellings=tuple(spellings), note="an end tag with no start"
        )

    def _end(self, tag: str) -> bool:
        """Close an open `tag`; False when none is open (a stray end tag)."""
        if not self.open.get(tag):
            return False
        self.open[tag] -= 1
        return True

    def _markup_removed(
        self, written: str, opening: str, spelling: str, what: str, note=""
    ) -> None:
        """A comment or a CDATA section taken out: `written` whole, found in
        the file by its `opening` and by its text as written (`spelling`)."""
        self.removed.append(
            Removal(
                _cut(written),
                opening,
                spellings=(Spelling(spelling, exact=True),),
                what=what,
                note=note,
            )
        )

    def handle_comment(self, data):
        if self.skipping:
            return
        self._markup_removed(f"<!--{data}-->", "<!--", f"<!--{data}", "HTML comment")

    def unknown_decl(self, data):
        if self.skipping:
            return
        if data.upper().startswith("CDATA["):
            text = data[len("CDATA[") :].strip()
            note = f"its text '{_cut(text)}' is kept" if text else ""
            self._markup_removed(f"<![{data}]]>", "<![cdata[", f"<![{data}", "CDATA markup", note)
            return
        self.removed.append(Removal(_cut(f"<![{data}]>"), f"<![{data.lower()}"))

    def handle_decl(self, decl):
        if not self.skipping:
            self.removed.append(Removal(_cut(f"<!{decl}>"), f"<!{decl.lower()}"))

    def handle_pi(self, data):
        if not self.skipping:
            self.removed.append(Removal(_cut(f"<?{data}>"), f"<?{data.lower()}"))


# A character reference, and the characters nh3 writes escaped again (`&`,
# `<`, `>`, quotes, the no-break space): any other it writes as the character.
_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_WRITTEN_ESCAPED = frozenset("&<>\"'\xa0")


def references_written_out(fragment: str) -> str:
    """The fragment with each character reference nh3 writes out as its
    character (`&ndash;` → `–`) so written: what nh3 makes of a fragment it
    takes nothing out of."""

    def character(match: re.Match) -> str:
        text = html.unescape(match.group())
        return text if len(text) == 1 and text not in _WRITTEN_ESCAPED else match.group()

    return _REFERENCE.sub(character, fragment)


# A comment never closed (`<!-- catatan internal: …` without its `-->`):
# Markdown writes its opening as text (`&lt;!--`, its `--` made a dash by
# SmartyPants), so the note would be shown on the page, in the feeds and in
# the search index. In a raw HTML block it stays markup, and HTML reads the
# rest of the release into it: lost without a word. Either is taken out up to
# the end of its block (paragraph, list item, cell, heading, `<div>`), outside
# code, where it is text shown on purpose.
_UNCLOSED_COMMENT = re.compile(
    r"&lt;!(?:--|-|&ndash;|&#8211;|&#x2013;|\u2013|&mdash;|\u2014)|<!--", re.I
)
_COMMENT_CLOSE = re.compile(r"--!?>")
_BLOCK_END = re.compile(r"</(?:p|li|td|th|h[1-6]|dt|dd|figcaption|blockquote|div)\s*>", re.I)
_CODE_SPAN = re.compile(r"<(pre|code)\b.*?</\1\s*>", re.I | re.S)
_NOT_WORDS = re.compile("[\u2013\u2014\u2018\u2019\u201c\u201d\"'&<>]")
UNCLOSED_COMMENT_NOTE = "never closed: taken out up to the end of its paragraph"


def _without_unclosed_comments(fragment: str) -> tuple[str, list[Removal]]:
    """The fragment without the notes of comments never closed (each from its
    `<!--` to the end of its block), and a Removal for each."""
    if "&lt;!" not in fragment and "&LT;!" not in fragment.upper() and "<!--" not in fragment:
        return fragment, []
    code = [match.span() for match in _CODE_SPAN.finditer(fragment)]
    parts: list[str] = []
    removed: list[Removal] = []
    last = 0
    for match in _UNCLOSED_COMMENT.finditer(fragment):
        start = match.start()
        if start < last or any(a <= start < b for a, b in code):
            continue
        if match.group() == "<!--" and _COMMENT_CLOSE.search(fragment, match.end()):
            continue  # a comment closed: the cleaning takes it out whole
        end_tag = _BLOCK_END.search(fragment, match.end())
        end = end_tag.start() if end_tag else len(fragment)
        note = html.unescape(re.sub(r"<[^>]*>", "", fragment[match.end() : end]))
        words = " ".join(note.split())
        shown = _cut(f"<!-- {words.lstrip('-').strip()}")
        first_words = _NOT_WORDS.split(words.lstrip("-").strip())[0].strip().lower()[:40]
        spellings = tuple(
            Spelling(f"<!--{space}{first_words}", shown) for space in (" ", "") if first_words
        )
        removed.append(
            Removal(
                shown,
                "<!--",
                fallbacks=("<!-",),
                spellings=spellings,
                what="HTML comment",
                note=UNCLOSED_COMMENT_NOTE,
            )
        )
        parts.append(fragment[last:start])
        last = end
    if not removed:
        return fragment, []
    parts.append(fragment[last:])
    return "".join(parts), removed


def text_without_comments(text: str) -> tuple[str, list[Removal]]:
    """A plain-text value (a title, a photo's caption) without its HTML
    comments, spaces around them made one, and a Removal for each. Only a
    closed one (`TEXT_COMMENT_RE`): the templates escape the value, so the
    note would be shown, not hidden; a lone `<!--` in a one-line value is text
    its writer sees."""
    if "<!--" not in text:
        return text, []
    removed = [
        Removal(
            _cut(" ".join(match.group().split())),
            "<!--",
            spellings=(Spelling(match.group().lower()[:40]),),
            what="HTML comment",
        )
        for match in TEXT_COMMENT_RE.finditer(text)
    ]
    if not removed:
        return text, []
    kept = TEXT_COMMENT_RE.sub(" ", text)
    return re.sub(r"[ \t]{2,}", " ", kept).strip(), removed


def clean_html(fragment: str) -> tuple[str, list[Removal]]:
    """(the fragment without active content, what was removed, in order)."""
    if "<" not in fragment and "&" not in fragment and ">" not in fragment:
        return fragment, []
    fragment, notes = _without_unclosed_comments(fragment)
    if notes:
        cleaned, removed = clean_html(fragment)
        return cleaned, notes + removed
    cleaned = _CLEANER.clean(fragment)
    if cleaned == fragment:  # nothing taken out: no report to make (most bodies)
        return fragment, []
    if "&" in fragment and cleaned == references_written_out(fragment):
        # Only references written out (`&ndash;` in a dateline: a body in eight):
        # nothing taken out either, and no parse of the body to find what.
        return cleaned, []
    reporter = _Reporter(fragment)
    reporter.feed(fragment)
    reporter.close()
    kept = fragment
    if reporter.unclosed:  # their start tags alone go: the text after them stays
        parts = []
        last = 0
        for start, end in reporter.unclosed:
            parts.append(fragment[last:start])
            last = end
        parts.append(fragment[last:])
        kept = "".join(parts)
    kept = _cdata_as_text(_without_refused_images(kept))
    if kept != fragment:
        cleaned = _CLEANER.clean(kept)
    return cleaned, reporter.removed


def locate(source: str, removals: list[Removal], *, first_line: int = 1) -> list[Located]:
    """Where each removal is written: the first place at or after `first_line`
    holding one of its spellings (best first; case-insensitive but for a tag
    as written, `Spelling.exact`), each later
    removal with the same spelling searched after the place of the one before
    (twice on one line included). Lines end where Pelican's Markdown ends them
    (LF, CRLF, CR), not at the other breaks str.splitlines knows (U+2028,
    U+2029, VT, FF, NEL)."""
    texts = {}
    for exact in (False, True):
        text = "\n".join(split_lines(source if exact else source.lower()))
        starts = [0] + [match.end() for match in re.finditer("\n", text)]
        begin = starts[first_line - 1] if 0 < first_line <= len(starts) else len(text)
        texts[exact] = (text, starts, begin)
    next_from: dict[tuple[str, bool], int] = {}
    found: list[Located] = []
    for removal in removals:
        place = Located(None, removal.shown)
        for way in removal.ways():
            if not way.needle:
                continue
            text, starts, begin = texts[way.exact]
            key = (way.needle, way.exact)
            at = text.find(way.needle, next_from.get(key, begin))
            if at < 0:
                continue
            line = bisect.bisect_right(starts, at + way.lead)
            column = at + way.lead - starts[line - 1]
            next_from[key] = at + 1
            for other in removal.ways():  # its other spellings: searched after it too
                other_starts = texts[other.exact][1]
                other_key = (other.needle, other.exact)
                after = other_starts[line - 1] + column - other.lead + 1
                next_from[other_key] = max(next_from.get(other_key, 0), after)
            place = Located(line, way.shown or removal.shown, way.markdown)
            break
        found.append(place)
    return found


def removal_lines(source: str, removals: list[Removal], *, first_line: int = 1) -> list[int | None]:
    """The source line of each removal (`locate`); None when not found."""
    return [place.line for place in locate(source, removals, first_line=first_line)]
