"""warta.text: the one folding, slugify and plain_text every part of the build uses."""

from __future__ import annotations

import pytest

from warta.text import (
    SLUG_MAX,
    fold,
    may_hold_ascii_word,
    plain_text,
    same_as_title,
    slugify,
    with_references_read,
)


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("  Pilkada  Serentak-2024 ", "pilkada serentak 2024"),
        ("Pémilu", "pemilu"),
        ("PEMILU", "pemilu"),
        ("Jum'at", "jumat"),
        ("Jum\u2019at", "jumat"),
        ("Kab. Ma'u", "kab mau"),
        ("Rapat\u2014Koordinasi", "rapat koordinasi"),
        ("snake_case/and slash", "snake case and slash"),
        ("Straße", "strasse"),
        ("", ""),
        ("  ...  ", ""),
    ],
)
def test_fold_ignores_case_accents_apostrophes_punctuation_and_spacing(typed, key):
    assert fold(typed) == key


def test_fold_takes_any_value_as_text():
    assert fold(2024) == "2024"


def test_fold_reads_every_character_as_one_call_a_character_reads_it():
    """`fold` takes accents off and makes what is not a letter or a digit a
    space by one substitution a text (and with no accent to take off, none):
    each character, beside an ASCII letter or an accented one, in a text with
    a character beyond the Basic Multilingual Plane or not, folds as reading
    it character by character (`unicodedata.combining`, `str.isalnum`) does."""
    import unicodedata

    from warta.text import _JOINING

    def by_character(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text)
        bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        bare = bare.casefold().translate(_JOINING)
        return " ".join("".join(ch if ch.isalnum() else " " for ch in bare).split())

    for code in [*range(0x10000), *range(0x10000, 0x110000, 97), 0x1D165, 0xE0100]:
        for text in (f"a{chr(code)}b", f"\u00e9{chr(code)} \U0001f600b"):
            assert fold(text) == by_character(text), hex(code)


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Bawaslu Kota Pagar Alam Gelar Patroli", "bawaslu-kota-pagar-alam-gelar-patroli"),
        ("Rapat “Koordinasi” di Café, 27/11", "rapat-koordinasi-di-cafe-27-11"),
        ("Salat Jum'at Bersama", "salat-jumat-bersama"),
        ("Rapat\u2014Koordinasi", "rapat-koordinasi"),
        ("Alang-alang Lebar", "alang-alang-lebar"),
        ("«»", ""),
        ("Ğüzel Ēlection", "guzel-election"),
    ],
)
def test_slugify_is_ascii_lowercase_and_hyphenated(title, slug):
    assert slugify(title) == slug


def test_slugify_cuts_at_a_word_boundary_within_the_limit():
    long = slugify("Pengawasan " * 20)
    assert len(long) <= SLUG_MAX
    assert long.split("-") == ["pengawasan"] * 7
    assert slugify("Satu dua tiga", limit=8) == "satu-dua"
    # a first word longer than the limit is cut rather than giving no slug
    assert slugify("Pengawasan", limit=4) == "peng"
    assert slugify("Pengawasan " * 20, limit=None) == "-".join(["pengawasan"] * 20)


def test_plain_text_decodes_entities_and_drops_script_and_style():
    html = (
        "<p>&ldquo;A&rdquo; &amp; B &ndash; <script>x()</script><b>c</b> &lt;d&gt;</p>"
        "<style>p{color:red}</style><!-- note -->"
    )
    assert plain_text(html) == "“A” & B – c <d>"
    assert type(plain_text(html)) is str


def test_plain_text_keeps_words_across_inline_tags_and_splits_blocks():
    assert plain_text("Ban<em>yak</em> <strong>PALEMBANG</strong>- x") == "Banyak PALEMBANG- x"
    assert plain_text("<p>satu</p><p>dua</p>") == "satu dua"
    assert plain_text("satu<br>dua<br/>tiga") == "satu dua tiga"
    assert plain_text("<li>a</li><li>b</li>") == "a b"


def test_plain_text_collapses_white_space_and_no_break_spaces():
    assert plain_text("  a\u00a0&nbsp;b \n\t c  ") == "a b c"


@pytest.mark.parametrize("empty", [None, "", "<p></p>", "<script>only()</script>"])
def test_plain_text_of_nothing_is_empty(empty):
    assert plain_text(empty) == ""


def test_fenced_code_closes_only_with_its_own_kind_of_fence():
    """One reading of fenced code for the draft-flag scan, the paste fixer and
    the doubled-word check (three trackers toggled on any fence, or on ```
    only, so a ``` line inside a ~~~ block ended the code there)."""
    from warta.text import in_fenced_code

    lines = [
        "teks",
        "~~~",
        "```",
        "draft: true",
        "~~~~",
        "teks",
        "   ````",
        "x",
        "```",
        "````",
        "y",
    ]
    assert in_fenced_code(lines) == [
        False, True, True, True, True, False, True, True, True, True, False
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("Tom &amp; Jerry", "Tom & Jerry"),
        ("Rapat &lt;Koordinasi&gt; &#39;Evaluasi&#39;", "Rapat <Koordinasi> 'Evaluasi'"),
        ("&ldquo;Awas&rdquo;&nbsp;Politik&#x20;Uang", "“Awas”\u00a0Politik Uang"),
        ("&amp;lt;b&amp;gt;", "&lt;b&gt;"),  # read once
        # As Markdown reads them: no `;`, an unknown name or `&#X` is text.
        (
            "R&D, AT&T, &amp tanpa titik koma, &foo;, &#X41;",
            "R&D, AT&T, &amp tanpa titik koma, &foo;, &#X41;",
        ),
        ("baris&#10;dua&#13;tiga&#x2028;empat&#9;lima", "baris dua tiga empat lima"),
        ("kontrol&#11;&#1;&#x200b;&#x202e;", "kontrol"),
        ("Tanpa rujukan", "Tanpa rujukan"),
    ],
)
def test_references_are_read_as_markdown_reads_them_in_one_line_of_text(typed, read):
    assert with_references_read(typed) == read


def test_no_control_character_is_printable_so_a_printable_text_has_none():
    """`_has_control` passes a printable text (`str.isprintable`, one C pass)
    without its searches: that holds while no character of
    CONTROL_CHARACTERS is printable; each one in a printable text is found."""
    from warta.text import CONTROL_CHARACTERS, control_characters_in

    assert not any(character.isprintable() for character in CONTROL_CHARACTERS)
    assert control_characters_in("Rapat Bawaslu \u201cPemilu\u201d \u2013 caf\u00e9") == []
    for character in sorted(CONTROL_CHARACTERS):
        assert control_characters_in(f"Rapat{character} Bawaslu") == [f"U+{ord(character):04X}"]


def test_fenced_code_is_read_the_same_with_or_without_a_fence_in_the_text():
    """`in_fenced_code` answers a text with no fence at all (most releases) by
    two searches: every line is text; with one, line by line."""
    from warta.text import in_fenced_code

    assert in_fenced_code(iter(["Teks `kode` ~ satu", "  ``", "~~ dua"])) == [False] * 3
    assert in_fenced_code(["Teks", "   ```", "kode", "~~~", "```", "Teks"]) == [
        False,
        True,
        True,
        True,
        True,
        False,
    ]
    assert in_fenced_code([]) == []


def test_a_text_may_hold_an_ascii_word_whenever_a_pattern_ignoring_case_finds_it():
    """`may_hold_ascii_word` says False only of a text in which a pattern
    ignoring case finds none of the words: in any case, with the letters
    IGNORECASE takes for ASCII ones, beside letters lower case lengthens, with
    a lone surrogate (a bad byte read)."""
    import random
    import re

    words = ("baca", "mulai", "september", "kamis")
    pattern = re.compile("|".join(words), re.IGNORECASE)
    pieces = [
        *("BACA", "Baca", "baCa", "MULAI", "mulai", "ſeptember", "KAMİS", "\u212aamis", "kamıs"),
        *("bac", "a", "mula", "i", "\u0130", "é", "–", "\udc80", " ", "\n", "sept", "ember"),
    ]
    rng = random.Random(8)
    said = {True: 0, False: 0}
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        may = may_hold_ascii_word(text, words)
        assert may or pattern.search(text) is None, text
        said[may] += 1
    assert said[False] > 100 and said[True] > 100
    assert not may_hold_ascii_word("Bawaslu menggelar rapat – “kata” Ketua.", words)


def test_a_text_is_the_title_again_exactly_when_both_fold_alike():
    """`same_as_title` folds no text with more ASCII letters and digits than
    the folded title has letters, and says what comparing the folded texts
    says: with accents, ligatures and letters folding makes two of, markup,
    spaces and punctuation around."""
    import random

    titles = ["Bawaslu OKU Timur Gelar Rapat", "Pemilu 2024", "Straße ﬁnal", "Ré-union", "", "!!"]
    pieces = ["Bawaslu", "BAWASLU", "OKU", "oku", "Timur", "Gelar", "Rapat", "Pemilu", "2024"]
    pieces += ["Strasse", "STRASSE", "ﬁnal", "final", "Ré", "re", "union", "-", " ", "**", "*"]
    pieces += ["“", "”", "'", "\u00ad", "é", "1", "x", "<b>", "</b>"]
    rng = random.Random(5)
    said = {True: 0, False: 0}
    for _ in range(20000):
        title = rng.choice(titles)
        if rng.random() < 0.3:
            words = title.split()
            text = "".join(rng.choice(["", " ", "*", "  ", "-"]) + w for w in words)
            text = text.upper() if rng.random() < 0.5 else text
        else:
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        same = same_as_title(text, title)
        assert same == (bool(fold(title)) and fold(text) == fold(title)), (text, title)
        said[same] += 1
    assert said[True] > 1000
