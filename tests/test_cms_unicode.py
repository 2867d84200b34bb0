"""The CMS's JavaScript folds, slugs and keys text as the build's Python does
(warta.text `fold` and `slugify`, plugins/cms/config.py `spelling_key`,
warta.tags.vocabulary `tag_key`), for every input: hostile strings (emoji of
Unicode 15-17, Indonesian with combining marks, soft hyphens, NBSP, ß, final
sigma, Cherokee) and every code point, in Debian's Chromium, whose Unicode
tables are newer than Python's `unicodedata`."""

from __future__ import annotations

import unicodedata

import pytest

from conftest import served_newsroom
from plugins.cms.config import fold_tables, spelling_key
from warta.tags.vocabulary import comma_key, tag_key
from warta.text import fold, slugify

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def cms(browser, tmp_path_factory):
    errors = []
    with served_newsroom(tmp_path_factory.mktemp("cms-unicode")) as (_, base):
        context = browser.new_context()
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{base}/admin/")
        # (the sign-in button: config.json read, the build's Unicode tables set)
        page.get_by_role("button", name="Masuk").wait_for()
        try:
            yield page
        finally:
            context.close()
    assert errors == []


# Emoji of Unicode 15 (🫨 shaking face, 🪿 goose, 🫎 moose), 15.1 (🐦‍🔥 phoenix,
# a ZWJ sequence), 16 (🫩 face with bags, 🫆 fingerprint) and 17 (🫪, 🫯);
# letters of 15-17 Python 3.11 (Unicode 14) does not know: Cyrillic modifier
# letters (U+1E030), Nag Mundari (U+1E4D0), Kawi (U+11F04), Garay (U+10D50, a
# capital), Tulu-Tigalari (U+11380) and its vowel sign (U+113B8); Indonesian
# as pasted: combining accents, soft hyphens, NBSP, joiners, curly apostrophes.
HOSTILE = [
    "Rapat 🫨 Pleno 🪿🫎 di Kecamatan Ilir Barat",
    "Bawaslu 🐦\u200d🔥 Bangkit 🫩🫆 2024 🫪🫯",
    "Pengawas\U0001e030an TPS",
    "a\U0001e4d0b Nag Mundari",
    "Kawi \U00011f04\U00011f05 Prasasti",
    "Garay \U00010d50\U00010d70 Huruf",
    "Tulu \U00011380\U000113b8 Aksara",
    "Kec\u0301amatan Sei\u0300 Le\u0303bak Ma\u0327u",
    "Peng\u00adaduan Ma\u00adsyarakat di Ke\u00adcamatan",
    "Rapat\u00a0Pleno\u202fKPU\u2007Kota\u00a0Pagar Alam",
    "Jum\u2019at Bersih di Ma\u02bcu, Sumsel",
    "Ba\u200dwas\u200clu \u2066Palembang\u2069 \ufeffOKU",
    "Straße ẞ Grüße ΟΔΟΣ ς Ꭰꭰ ﬁ ǅ",
    "Netralitas A.S.N., P T P S; Pemilu2024",
    "Politik Uang, Netralitas ASN; Pengawasan\u3000Partisipatif",
    " \t\x1c\x85\ufeff ",
    "",
]
FUNCTIONS = {
    "slugify": slugify,
    "foldWords": fold,
    "spellingKey": spelling_key,
    "tagKey": tag_key,
    "commaKey": comma_key,
}


def in_the_cms(page, name: str, texts: list[str]) -> list[str]:
    return page.evaluate(
        """([name, texts]) => texts.map((text) => {
          const made = window.WARTA_CMS[name](text);
          return name === 'foldWords' ? made.split(' ').filter(Boolean).join(' ') : made;
        })""",
        [name, texts],
    )


@pytest.mark.parametrize("name", FUNCTIONS)
def test_the_cms_slugs_and_keys_hostile_text_as_the_build_does(cms, name):
    made = in_the_cms(cms, name, HOSTILE)
    wanted = [FUNCTIONS[name](text) for text in HOSTILE]
    assert [(t, m, w) for t, m, w in zip(HOSTILE, made, wanted, strict=True) if m != w] == []


def test_the_cms_folds_every_code_point_as_the_build_does(cms):
    """Between two words, every code point, those the browser knows and
    Python does not included: the build's fold makes a character its
    `unicodedata` does not know a space, and the CMS too."""
    codes = [code for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF]
    texts = [f"ab{chr(code)}cd" for code in codes]
    made = in_the_cms(cms, "foldWords", texts)
    differing = [
        (hex(code), m, w)
        for code, m, w in zip(codes, made, map(fold, texts), strict=True)
        if m != w
    ]
    assert differing == []


def test_the_planes_left_out_hold_no_character_python_knows():
    """`fold_tables` reads only the planes that hold characters: the others
    are unassigned or private use (a space to `fold`, in any browser)."""
    skipped = [
        code
        for code in range(0x40000, 0x110000)
        if code >> 16 not in (14,) and unicodedata.category(chr(code)) not in ("Cn", "Co")
    ]
    assert skipped == []
    assert set(fold_tables()) == {"unassigned", "casefold"}


def test_a_numbered_address_is_no_longer_than_a_title_makes(cms):
    """A headline of 80 characters of slug already used that month got its
    slug and "-2": 82 characters, longer than the build's `slugify` makes
    (a suggestion at every build, in a field the CMS does not let staff
    edit). The numbered slug is cut at a word to leave room for its number."""
    from warta.text import SLUG_MAX

    title = " ".join(["Pengawasan"] * 7) + " TPS Rapat Pleno"
    wanted = slugify(title)
    assert len(wanted) > SLUG_MAX - 3
    made = cms.evaluate(
        """([title, taken]) => [2, 3].map((n) => window.WARTA_CMS.freeSlug(
          'berita', title, '2024-11-29 10:00',
          {taken: {berita: taken.slice(0, n - 1)}}))""",
        [title, [f"2024/11/{wanted}", f"2024/11/{slugify(title, SLUG_MAX - 2)}-2"]],
    )
    assert made == [f"{slugify(title, SLUG_MAX - 2)}-2", f"{slugify(title, SLUG_MAX - 2)}-3"]
    assert all(len(slug) <= SLUG_MAX for slug in made)
