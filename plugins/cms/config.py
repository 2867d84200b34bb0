"""The newsroom CMS's configuration, generated from the project's own data (no Pelican).

`cms_config()` returns the Decap CMS configuration (collections, fields, labels
and hints in Indonesian) and `warta_data()` what our script in /admin/ needs
beside it: the front-matter keys of each field in the order `invoke new`
writes them, and the checks `invoke check` would make. Both are plain data, so
they are written as JSON (escaped by `json.dumps`, never pasted into HTML).

Options come from the loaders the build itself uses: the gazetteer with the
staff aliases (warta/regions/gazetteer.py), the official vocabulary
(warta/tags/vocabulary.py) and the officials registry (warta/tags/officials.py).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from warta import dates, frontmatter
from warta.documents import ARCHIVE_SUFFIXES, DOCUMENT_SUFFIXES, LEGACY_SUFFIXES
from warta.filekinds import HEAD_BYTES, NOT_A_PHOTO, PHOTO_HEAD
from warta.markdown_source import SINGLE_VALUED_KEYS, TEXT_KEYS
from warta.new_article import region_value
from warta.published import DRAFT_NAME_PAIRS, DRAFT_NAME_WORDS
from warta.regions import dateline
from warta.regions.gazetteer import code_sort_key, numbered_spellings
from warta.source_checks import KNOWN_KEYS
from warta.tags.vocabulary import comma_key, tag_key
from warta.text import FENCE_RE, fold

# Front-matter keys in the order `invoke new` (warta/new_article.py) writes them,
# then the photo keys; each with the CMS field that edits it and how its value
# is written ("text": as is, "list": comma-separated).
ARTICLE_KEYS = (
    ("title", "Title", "text"),
    ("date", "Date", "text"),
    ("slug", "Slug", "text"),
    ("category", "Category", "text"),
    ("author", "Author", "text"),
    ("region", "Region", "list"),
    ("tags", "Tags", "list"),
    ("summary", "Summary", "text"),
    ("image", "Image", "text"),
    ("image_alt", "Image-Alt", "text"),
    ("image_caption", "Image-Caption", "text"),
    ("image_credit", "Image-Credit", "text"),
    ("thread", "Thread", "text"),
    ("kedaluwarsa", "Kedaluwarsa", "text"),
    ("status", "Status", "text"),
)
# Keys the CMS always writes (the others only when they have a value): not an
# empty Author: or Region:, which the build supplies from the release (the
# humas of the office it speaks for, the regions of its dateline).
ARTICLE_ALWAYS = ("title", "date", "slug", "category", "thread")
# Other keys the build reads as the same field (metadata keys are
# case-insensitive): the Indonesian keys of `warta.frontmatter.KEY_ALIASES`,
# and the regions plugin's `Wilayah:`.
KEY_ALIASES = {"region": ["Wilayah"]} | {
    key: [alias.title() for alias, read in frontmatter.KEY_ALIASES.items() if read == key]
    for key in frontmatter.KEY_ALIASES.values()
}
# The take-down date's other spellings the build reads as `Kedaluwarsa:`
# (`warta.frontmatter.is_end_key`): Hugo's and Decap's, and Indonesian ones.
KEY_ALIASES["kedaluwarsa"] = [
    "expiryDate",
    "expiry_date",
    "unpublishDate",
    "Expires",
    "Tayang-Hingga",
    "Berlaku-Sampai",
    "Diturunkan-Pada",
]
PAGE_KEYS = (
    ("title", "Title", "text"),
    ("slug", "Slug", "text"),
    ("summary", "Summary", "text"),
    ("status", "Status", "text"),
)
PAGE_ALWAYS = ("title", "slug", "summary")
# The photos the build publishes, by their file name's ending (the images
# plugin's IMAGE_SUFFIXES: plugins/images/strip.py, which Pillow reads).
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".jpe", ".jfif", ".png")
PHOTO_SUFFIXES += (".webp", ".gif", ".tif", ".tiff", ".bmp")
# Backends whose Decap implementation has no editorial workflow (Gitea/Forgejo).
SIMPLE_ONLY_BACKENDS = ("gitea",)


@dataclass
class CmsInputs:
    """Everything the configuration is made from (the plugin fills it from settings)."""

    site_name: str
    rubrik: tuple[str, ...]
    title_min: int
    title_max: int
    summary_min: int
    summary_max: int
    regions: list[dict] = field(default_factory=list)
    # DEFAULT_CATEGORY: the rubrik the build gives a release without Category:.
    default_category: str = ""
    tags: list[dict] = field(default_factory=list)
    allow_free_tags: bool = False
    officials: list[dict] = field(default_factory=list)
    backend: dict = field(default_factory=dict)
    local_backend: str | None = None
    site_url: str = ""
    preview_css: str = ""
    media_library_max_mb: int = 10
    # IMAGES_MAX_SOURCE_BYTES: the CMS refuses a bigger upload, which the build
    # would refuse (the photo field's hint says the size in MB).
    media_library_max_bytes: int = 10_000_000
    # Addresses a new release ("YYYY/MM/slug") or page ("slug") must not take
    # (`taken_addresses`).
    taken: dict[str, list[str]] = field(default_factory=dict)
    # How staff write a region or a tag (`spelling_key` → the option's value):
    # a release with `Region: Empat Lawang` or `Tags: PAW` opens with its
    # option chosen, as the build reads it (`region_spellings`, `tag_spellings`).
    region_spellings: dict[str, str] = field(default_factory=dict)
    region_contexts: dict[str, list] = field(default_factory=dict)
    tag_spellings: dict[str, str] = field(default_factory=dict)
    # How the build reads a dateline (`dateline_forms`), and the home province
    # whose places a misspelt dateline is compared with first.
    dateline: dict = field(default_factory=dict)


# ---- options from the project's data ------------------------------------------------


def region_options(gazetteer, home: str | None, kecamatan_of: tuple[str, ...]) -> list[dict]:
    """Select options {label, value}: every province and kabupaten/kota, and the
    kecamatan of the provinces in `kecamatan_of`; the home province first.

    The label carries the aliases and the seat so that typing "OKU" or
    "Baturaja" finds Kabupaten Ogan Komering Ulu (the select searches labels).
    """

    def order(unit) -> tuple:
        province = gazetteer.province_of(unit.code)
        return (province != home, [int(part) for part in unit.code.split(".")])

    options = []
    for unit in sorted(gazetteer.units.values(), key=order):
        if unit.level == "kecamatan" and gazetteer.province_of(unit.code) not in kecamatan_of:
            continue
        parents = [parent.name for parent in gazetteer.ancestors(unit.code)]
        if unit.level == "kecamatan":
            label = f"Kecamatan {unit.name}"
        elif unit.level == "provinsi":
            label = f"Provinsi {unit.name}"
        else:
            label = unit.name
        if parents:
            label += " — " + ", ".join(reversed(parents))
        # "Ilir Barat I" and "Ilir Barat 1" find Kecamatan Ilir Barat Satu.
        extra = [*gazetteer.aliases.get(unit.code, []), *numbered_spellings(unit.name)]
        if extra:
            label += " (" + ", ".join(dict.fromkeys(extra)) + ")"
        options.append({"label": f"{label} · {unit.code}", "value": region_value(unit)})
    return options


def spelling_key(text: str) -> str:
    """A spelling as warta-cms.js compares it (its `spellingKey`): folded, letters
    and digits only ("Ogan-Ilir" and "OGAN ILIR" → "oganilir")."""
    return re.sub(r"[^a-z0-9]", "", fold(text))


LEVEL_WORDS = {
    "provinsi": ("Provinsi", "Prov"),
    "kabupaten": ("Kabupaten", "Kab"),
    "kota": ("Kota",),
    "kecamatan": ("Kecamatan", "Kec"),
}


def _region_claims(gazetteer, options: list[dict]) -> dict[str, set[str]]:
    """Spelling key → the codes of the options it names: each option's name,
    its name without the level word, its aliases and numbered spellings."""
    wanted = {o["value"] for o in options}
    claims: dict[str, set[str]] = {}
    for unit in gazetteer.units.values():
        if region_value(unit) not in wanted:
            continue
        name = unit.name
        spellings = {name, *gazetteer.aliases.get(unit.code, []), *numbered_spellings(name)}
        if unit.level != "kecamatan":  # ("Kota Agung" is a kecamatan's whole name)
            spellings.add(re.sub(r"^(kabupaten|kota|provinsi)\s+", "", name, flags=re.IGNORECASE))
        # Under its level word, written out or short, as the build reads it:
        # "Kec. Tebing Tinggi", "Kab. OKU", "Kota PLG", "Prov. Sumsel".
        spellings |= {f"{word} {s}" for s in set(spellings) for word in LEVEL_WORDS[unit.level]}
        for spelling in spellings:
            claims.setdefault(spelling_key(spelling), set()).add(unit.code)
    claims.pop("", None)
    return claims


def region_spellings(gazetteer, options: list[dict], home: str | None = None) -> dict[str, str]:
    """Every way a `Region:` value names an option, read as the build reads a
    value alone (`Gazetteer.resolve`): its code (exactly as written: "=16.71"),
    its name, its name without the level word, the aliases and the numbered
    spellings. A province or kabupaten/kota of the home province first, then a
    kecamatan of it ("Mesuji"), then one elsewhere; a name that stays shared,
    or an alias that is a kecamatan's name too (`Gazetteer.rivals`), names
    none (the build calls it ambiguous). `region_contexts` narrows a
    value by the others, as the build does."""
    wanted = {o["value"] for o in options}
    found = {
        f"={unit.code}": region_value(unit)
        for unit in gazetteer.units.values()
        if region_value(unit) in wanted
    }
    for key, codes in _region_claims(gazetteer, options).items():
        units = [gazetteer[code] for code in codes]
        regions = [u for u in units if u.level != "kecamatan"]
        kecamatan = [u for u in units if u.level == "kecamatan"]

        def at_home(group):
            return [u for u in group if not home or gazetteer.province_of(u.code) == home]

        for group in (at_home(regions), at_home(kecamatan), regions, kecamatan):
            if len(group) == 1 and not gazetteer.rivals(group[0], key, (), home):
                found[key] = region_value(group[0])
                break
            if group:
                # Shared within one step, or an alias that is also a kecamatan
                # elsewhere ("Pendopo": PALI's town, Empat Lawang's kecamatan):
                # ambiguous, as the build reads it.
                break
    return dict(sorted(found.items()))  # the same bytes on every build (sets have no order)


def region_contexts(gazetteer, options: list[dict]) -> dict[str, list]:
    """Spelling key → [option value, [its code and its ancestors' codes]] of
    each option a name shared by several names: the CMS takes the one inside
    another value of the same Region: line ("Empat Lawang, Pendopo" is the
    kecamatan; "Pendopo" alone is PALI's town), as `RegionsStage` does."""
    found = {}
    for key, codes in _region_claims(gazetteer, options).items():
        if len(codes) < 2:
            continue
        found[key] = [
            [
                region_value(gazetteer[code]),
                [code, *(unit.code for unit in gazetteer.ancestors(code))],
            ]
            for code in sorted(codes, key=code_sort_key)
        ]
    return dict(sorted(found.items()))


def tag_spellings(vocabulary) -> dict[str, str]:
    """An official tag's name and aliases → its name, by `tag_key` as the
    build compares tags (spaces kept: "Pemilu2024" is no tag; an acronym's
    letters joined: "A.S.N." is "asn"), and, under "," + `comma_key` and ";" +
    `tag_key`, the names and aliases that hold commas, for warta-cms.js to
    join a comma list that split one as the build does
    (`Vocabulary.named_with_commas`)."""
    found: dict[str, str] = {}
    for _group, tags in vocabulary.grouped():
        for tag in tags:
            for spelling in (tag.name, *tag.aliases):
                found.setdefault(tag_key(spelling), tag.name)
                if "," in spelling:
                    found.setdefault("," + comma_key(spelling), tag.name)
                    found.setdefault(";" + tag_key(spelling), tag.name)  # no serial comma
    found.pop("", None)
    return dict(sorted(found.items()))


# ---- the dateline ----------------------------------------------------------------

# Python's regular expression syntax JavaScript reads otherwise or not at all:
# a named group's backreference, inline flags, \A, \Z, a possessive or atomic
# group.
_PYTHON_ONLY_RE = re.compile(r"\(\?[aiLmsux-]+[:)]|\\[AZ]|\(\?>|[*+?}]\+")
# A named group's backreference, `(?P=sep)`: `\k<sep>` in JavaScript.
_BACKREFERENCE_RE = re.compile(r"\(\?P=(\w+)\)")


def js_pattern(pattern: re.Pattern) -> dict:
    """A pattern of the build's dateline reader as warta-cms.js compiles it
    (`new RegExp(source, flags)`): named groups written `(?<name>`, ignoring
    case as the flag "i". ValueError for syntax JavaScript would read
    otherwise (`_PYTHON_ONLY_RE`), so that a change to the reader fails the
    build of /admin/ rather than the CMS's reading quietly. A bytes pattern
    (warta.filekinds) is read as Latin-1, to match bytes read one character
    a byte; its `\\A` is `^` (no flag "m"), its DOTALL the flag "s"."""
    source = pattern.pattern
    if isinstance(source, bytes):
        source = source.decode("latin-1").replace("\\A", "^")
    if _PYTHON_ONLY_RE.search(source):
        raise ValueError(f"the pattern cannot be read in JavaScript: {source!r}")
    return {
        "source": _BACKREFERENCE_RE.sub(r"\\k<\1>", source).replace("(?P<", "(?<"),
        "flags": ("i" if pattern.flags & re.IGNORECASE else "")
        + ("s" if pattern.flags & re.DOTALL else ""),
    }


def dateline_forms(home: str | None) -> dict:
    """How the build reads a release's dateline (warta/regions/dateline.py:
    `read_head`, `is_dateline`, `dateline_segments`), for warta-cms.js to read
    it the same way: the separators (every dash, the hyphens, the colons after
    a place), the parts of a head (days, dates, times, codes, degrees, roles)
    and the patterns themselves, taken from the reader, not copied, so that
    the two cannot drift. `home`: the home province, whose places a misspelt
    dateline is compared with first."""
    return {
        "home": home or "",
        "head": js_pattern(dateline.DATELINE_RE),
        "second_part": js_pattern(dateline._SECOND_PART_RE),
        "place_separator": js_pattern(dateline.PLACE_SEPARATOR_RE),
        "day_range": js_pattern(dateline._DAY_RANGE_RE),
        "range_dashes": js_pattern(dateline._RANGE_DASHES_RE),
        "date_token": js_pattern(dateline._DATE_TOKEN_RE),
        "sentence_start": js_pattern(dateline._SENTENCE_START_RE),
        "date_start": js_pattern(dateline._DATE_START_RE),
        "segment": js_pattern(dateline._SEGMENT_RE),
        "colons": dateline.COLONS,
        "emphasis": dateline._EMPHASIS,
        "word_edge": dateline._WORD_EDGE,
        "max_head_chars": dateline.MAX_HEAD_CHARS,
        "max_head_words": dateline.MAX_HEAD_WORDS,
        "day_names": list(dateline.DAY_NAMES),
        "month_names": list(dateline.MONTH_NAMES),
        "time_words": list(dateline._TIME_WORDS),
        "degrees": sorted(dateline.DEGREES),
        "role_words": sorted(dateline.ROLE_WORDS),
        "address_ends": list(dateline._ADDRESS_ENDS),
    }


# The planes holding any character in Unicode so far (17.0): the Basic and
# Supplementary Multilingual Planes, the ideographs' two and three, and the
# tags' fourteenth. Planes 4 to 13 are unassigned, 15 and 16 private use and
# noncharacters, in every browser as in Python (test_cms_unicode checks it).
_ASSIGNED_PLANES = (0, 1, 2, 3, 14)


@functools.cache
def fold_tables() -> dict:
    """What warta-cms.js needs to fold text as `warta.text.fold` does with
    this Python's Unicode tables (`unicodedata.unidata_version`), whatever
    the browser's own (Chromium's are newer: a Unicode 16 letter was kept in
    the CMS's fold and made a space by the build's, 'abcd' against 'ab-cd'):
    `unassigned`, a RegExp class (flag `u`) of the code points Python does
    not know, which `fold` makes a space; `casefold`, each character whose
    `str.casefold` is not its lower case ('ß' → 'ss', 'ς' → 'σ', Cherokee's
    small letters → capitals), which JavaScript cannot ask for."""
    ranges: list[tuple[int, int]] = []
    for plane in _ASSIGNED_PLANES:
        start = plane << 16
        text = "".join(map(chr, range(start, start + 0x10000)))
        unknown = bytes(category == "Cn" for category in map(unicodedata.category, text))
        ranges += [
            (start + m.start(), start + m.end() - 1) for m in re.finditer(rb"\x01+", unknown)
        ]
    ranges += [(4 << 16, (14 << 16) - 1)]
    merged: list[tuple[int, int]] = []
    for first, last in sorted(ranges):
        if merged and merged[-1][1] + 1 >= first:
            merged[-1] = (merged[-1][0], max(last, merged[-1][1]))
        else:
            merged.append((first, last))
    unassigned = "".join(
        f"\\u{{{first:x}}}" + (f"-\\u{{{last:x}}}" if last > first else "")
        for first, last in merged
    )
    first_planes = "".join(map(chr, range(0x20000)))
    return {
        "unassigned": f"[{unassigned}]",
        "casefold": {ch: ch.casefold() for ch in first_planes if ch.casefold() != ch.lower()},
    }


def date_forms() -> dict:
    """How the build reads a Date: staff typed (warta/dates.py
    `read_written_date`), for warta-cms.js's date field to show the time the
    build reads (`2024-11-17`, `17 November 2024 09.30`, `2024-11-17T02:30Z`)
    or suggests (`17/11/2024 09.30`: day first), not an empty field: the
    patterns themselves, the month and weekday names and the zones."""
    weekdays = {name.lower(): number for number, name in enumerate(dates.WEEKDAY_NAMES)}
    weekdays |= {name.lower(): number for number, name in enumerate(dates.ENGLISH_WEEKDAYS)}
    weekdays["ahad"] = 6
    names = ("zone", "weekday", "time_dash", "meridiem", "bracketed", "clock_word")
    names += ("numeric", "named", "named_first", "slashed")
    return {
        **{name: js_pattern(getattr(dates, "_" + name.upper())) for name in names},
        "months": dict(dates.MONTH_NUMBERS),
        "weekdays": weekdays,
        "zone_hours": dict(dates.ZONE_HOURS),
    }


def take_down_forms() -> dict:
    """How the build tells a take-down date (warta/frontmatter.py
    `is_end_field`, `flag_below`, `FrontMatter.take_down`), for the preview
    to say what the build does with one: `key`, the keys that say when a
    release comes down (`is_end_key`, matched whole on the key's words
    joined by '-'); `bare_keys`, those that do only with a date as their
    value (`Unpublish: 2024-11-20`); `line`, a `Key: value` line below the
    front matter as the build finds one there (`_FLAG_LINE_RE`), and
    `fence`, a fenced code block's fence (`warta.text.FENCE_RE`), whose
    lines it leaves; `name`, the key the site writes. The patterns
    themselves, so that the two cannot disagree."""
    return {
        "key": js_pattern(frontmatter._END_KEY_RE),
        "bare_keys": list(frontmatter.BARE_END_KEYS),
        "line": js_pattern(frontmatter._FLAG_LINE_RE),
        "fence": js_pattern(FENCE_RE),
        "name": frontmatter.TAKE_DOWN_NAME,
    }


def publication_forms() -> dict:
    """How the build reads what holds a release back (warta/frontmatter.py),
    for the preview to say what `invoke check` says: `yes` and `no`, the
    values `yes_or_no` reads as such; `unpublished_statuses`, the `Status:`
    values that hold it back; `unpublished_flags`, another generator's flag
    key → the value that holds it back (`draft: true`, `published: false`).
    The build's own sets, so that the two cannot disagree."""
    return {
        "yes": sorted(frontmatter.YES_VALUES),
        "no": sorted(frontmatter.NO_VALUES),
        "unpublished_statuses": sorted(frontmatter.UNPUBLISHED_STATUSES),
        "unpublished_flags": dict(frontmatter.UNPUBLISHED_FLAGS),
    }


# An article address the CMS can predict from a Date: and a Slug: alone.
DATED_SAVE_AS_RE = re.compile(r"^[^{}]*/?\{date:%Y\}/\{date:%m\}/\{slug\}/index\.html$")


def dated_release_keys(article_save_as: str, articles) -> list[str]:
    """ "YYYY/MM/slug" of each article (objects with `date` and `slug`), when
    ARTICLE_SAVE_AS is `…/{date:%Y}/{date:%m}/{slug}/index.html`; else none
    (the CMS then numbers no release address)."""
    if not DATED_SAVE_AS_RE.match(article_save_as or ""):
        return []
    return sorted({f"{year_month(a.date)}/{a.slug}" for a in articles if a.slug})


def year_month(date) -> str:
    """`f"{date:%Y}/{date:%m}"` without a `strftime` per article (Pelican's
    SafeDatetime's runs a pattern substitution: a tenth of a second at 10,000
    releases); strftime itself for a year not written in four digits."""
    if 1000 <= date.year <= 9999:
        return f"{date.year}/{date.month:02d}"
    return f"{date:%Y}/{date:%m}"


def taken_addresses(
    output: Path,
    releases: list[str],
    unlisted_names: set[str],
    save_as: str,
    kept_names: Collection[str] = (),
) -> dict[str, list[str]]:
    """What a new release ("YYYY/MM/slug") or page ("slug") must not take, as
    /admin/config.json gives it to the CMS: the listed releases' keys
    (`dated_release_keys`), and every name at the top of the site this build
    wrote (tag/, cari/, feed.xml, the pages) but those only unlisted contents
    use: a hidden page's, as a draft's or an embargoed release's, must not be
    named on the public site. `kept_names`: what the output holds that this
    build did not write (OUTPUT_RETENTION's names no plugin of it writes:
    .git, a checkout's), left out."""
    names = {entry.name for entry in output.iterdir()} if output.is_dir() else set()
    return {
        "berita": releases,
        "halaman": sorted({save_as, *(names - unlisted_names - set(kept_names))}),
    }


def tag_options(vocabulary) -> list[dict]:
    """Official tags grouped as on /tag/: "Pemilihan › Pilkada Serentak 2024 (Pilkada 2024)"."""
    options = []
    for group, tags in vocabulary.grouped():
        for tag in sorted(tags, key=lambda t: t.name):
            label = f"{group} › {tag.name}"
            if tag.aliases:
                label += " (" + ", ".join(tag.aliases) + ")"
            options.append({"label": label, "value": tag.name, "group": group})
    return options


def official_entries(registry, today: dt.date) -> list[dict]:
    """Officials to suggest: name, spellings and the position held today."""
    entries = []
    for official in sorted(registry.officials, key=lambda o: o.name):
        position = official.position_on(today) or official.latest_position()
        entries.append(
            {
                "name": official.name,
                "variants": list(official.variants),
                "position": position.title if position else "",
            }
        )
    return entries


# ---- the configuration ---------------------------------------------------------------


def _between(minimum: int, maximum: int) -> str:
    # Any character, newlines included, between the two lengths.
    return f"^[\\s\\S]{{{minimum},{maximum}}}$"


def article_fields(inputs: CmsInputs) -> list[dict]:
    tag_field: dict = {
        "label": "Tag",
        "name": "tags",
        "widget": "select",
        "multiple": True,
        "required": False,
        "options": [{"label": o["label"], "value": o["value"]} for o in inputs.tags],
        "hint": "Pilih tag resmi: ketik sebagian nama, misalnya “pilkada” atau “politik uang”.",
    }
    fields = [
        {
            "label": "Judul",
            "name": "title",
            "widget": "string",
            "hint": f"Judul lengkap berita, {inputs.title_min}–{inputs.title_max} karakter.",
            "pattern": [
                _between(inputs.title_min, inputs.title_max),
                f"Judul harus {inputs.title_min}–{inputs.title_max} karakter.",
            ],
        },
        {
            "label": "Alamat (slug)",
            "name": "slug",
            "widget": "warta-slug",
            "hint": "Dibuat dari judul saat berita pertama kali disimpan, lalu tidak berubah lagi "
            "agar tautan ke berita ini tetap berlaku.",
            "required": False,
        },
        {
            "label": "Tanggal dan jam terbit (WIB)",
            "name": "date",
            # warta-cms.js replaces Decap's datetime widget (which writes the
            # browser's zone) under its name: Decap finds the date by it.
            "widget": "datetime",
            "format": "YYYY-MM-DD HH:mm",
            "hint": "Tanggal di masa depan berarti embargo: berita tampil setelah waktu itu.",
        },
        {
            "label": "Diturunkan pada (WIB)",
            "name": "kedaluwarsa",
            # WIB as typed, as the date's, but empty on a new release.
            "widget": "warta-datetime",
            "format": "YYYY-MM-DD HH:mm",
            "required": False,
            "hint": "Opsional. Isi bila berita harus turun dari situs pada waktu tertentu: "
            "pembangunan situs tiap jam menurunkannya setelah waktu itu.",
        },
        {
            "label": "Rubrik",
            "name": "category",
            "widget": "select",
            "options": list(inputs.rubrik),
            "default": inputs.rubrik[0],
            "hint": "Rubrik tempat berita ini tampil.",
        },
        {
            "label": "Penulis",
            "name": "author",
            "widget": "string",
            "required": False,
            "hint": "Biarkan kosong: saat dibangun, situs mengisinya dengan humas kantor yang "
            "diberitakan, seperti "
            "“Humas Bawaslu Kota Palembang”. Isi bila penulisnya orang atau kantor lain.",
        },
        {
            "label": "Wilayah",
            "name": "region",
            "widget": "select",
            "multiple": True,
            # Older releases may leave it out: the build infers it from the dateline.
            "required": False,
            "options": inputs.regions,
            "hint": "Ketik nama wilayah, singkatan atau ibu kotanya (misalnya “OKU”, “Baturaja”, "
            "“Pagar Alam”) lalu pilih dari daftar. Tanpa wilayah, situs memakai dateline.",
        },
        tag_field,
    ]
    if inputs.allow_free_tags:
        fields.append(
            {
                "label": "Tag lain (bukan tag resmi)",
                "name": "free_tags",
                "widget": "list",
                "required": False,
                "hint": "Pisahkan dengan koma. Gunakan hanya bila tidak ada tag resmi yang cocok.",
            }
        )
    fields += [
        {
            "label": "Ringkasan",
            "name": "summary",
            "widget": "text",
            "hint": f"Satu atau dua kalimat untuk daftar berita dan mesin pencari, "
            f"{inputs.summary_min}–{inputs.summary_max} karakter.",
            "pattern": [
                _between(inputs.summary_min, inputs.summary_max),
                f"Ringkasan harus {inputs.summary_min}–{inputs.summary_max} karakter.",
            ],
        },
        {
            "label": "Foto utama",
            "name": "image",
            "widget": "image",
            "required": False,
            "choose_url": False,
            "media_folder": "/content/images/{{year}}",
            "public_folder": "images/{{year}}",
            "media_library": {"config": {"max_file_size": inputs.media_library_max_bytes}},
            "hint": "Foto JPEG atau PNG, paling besar "
            f"{inputs.media_library_max_mb} MB. Lokasi GPS di foto dihapus saat situs dibangun.",
        },
        {
            "label": "Teks alternatif foto",
            "name": "image_alt",
            "widget": "warta-alt",
            "required": False,
            "hint": "Wajib bila ada foto: jelaskan isi foto untuk pembaca tunanetra, "
            "misalnya “Ketua Bawaslu menyerahkan surat rekomendasi kepada KPU”.",
        },
        {
            "label": "Keterangan foto",
            "name": "image_caption",
            "widget": "string",
            "required": False,
            "hint": "Tampil di bawah foto: siapa, apa, di mana.",
        },
        {
            "label": "Kredit foto",
            "name": "image_credit",
            "widget": "string",
            "required": False,
            "hint": "Pemilik foto, misalnya “Foto: Humas Bawaslu Kota Palembang”.",
        },
        {
            "label": "Isi berita",
            "name": "body",
            "widget": "markdown",
            "modes": ["raw", "rich_text"],
            # warta-cms.js's "Foto" (Decap's own Image and Code Block: English
            # labels; its Image wrote the photo where the build refuses it).
            "editor_components": ["warta-foto"],
            "hint": "Mulai dengan dateline, misalnya “PALEMBANG – Bawaslu Kota Palembang …”. "
            "Pisahkan paragraf dengan baris kosong.",
            "pattern": ["\\S", "Isi berita masih kosong."],
        },
        {"label": "ID utas komentar", "name": "thread", "widget": "hidden", "required": False},
    ]
    return fields


def page_fields() -> list[dict]:
    return [
        {"label": "Judul", "name": "title", "widget": "string", "hint": "Judul halaman."},
        {
            "label": "Alamat (slug)",
            "name": "slug",
            "widget": "warta-slug",
            "required": False,
            "hint": "Dibuat dari judul saat halaman pertama kali disimpan, lalu tidak berubah.",
        },
        {
            "label": "Ringkasan",
            "name": "summary",
            "widget": "text",
            "required": False,
            "hint": "Satu atau dua kalimat untuk mesin pencari.",
        },
        {
            "label": "Isi halaman",
            "name": "body",
            "widget": "markdown",
            "modes": ["raw", "rich_text"],
            "editor_components": ["warta-foto"],
            "hint": "Gunakan ## untuk subjudul.",
        },
    ]


# The commits the CMS makes, in the newsroom's language: the repository's
# history is read by its staff and reviewers (Decap's own are English: "Create
# Berita “…”"). Decap's placeholders: the collection's singular label, the
# entry's slug (its path below the folder), a media file's path. A site's
# CMS_BACKEND may set its own `commit_messages`.
COMMIT_MESSAGES = {
    "create": "Tambah {{collection}} “{{slug}}”",
    "update": "Ubah {{collection}} “{{slug}}”",
    "delete": "Hapus {{collection}} “{{slug}}”",
    "uploadMedia": "Unggah “{{path}}”",
    "deleteMedia": "Hapus “{{path}}”",
}


def cms_config(inputs: CmsInputs) -> dict:
    """The Decap CMS configuration (passed to CMS.init by /admin/warta-cms.js)."""
    config: dict = {
        "load_config_file": False,
        "locale": "id",
        "backend": {"commit_messages": COMMIT_MESSAGES, **inputs.backend},
        "publish_mode": "editorial_workflow",
        "media_folder": "content/images",
        "public_folder": "images",
        "site_url": inputs.site_url or None,
        "display_url": inputs.site_url or None,
        "logo_url": None,
        "search": True,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [
            {
                "name": "berita",
                "label": "Berita",
                "label_singular": "Berita",
                "description": "Siaran pers, berita kegiatan dan pengumuman. Berita baru tersimpan "
                "sebagai draf; setelah diperiksa, pindahkan ke “Siap terbit” lalu terbitkan.",
                "folder": "content/berita",
                # Decap lower-cases a path template and turns its dots into dashes, so
                # `{{fields.x}}` cannot be used here: plain names of data values.
                "path": "{{file_year}}/{{file_stem}}",
                # Photos uploaded anywhere in a release (the body's "Foto" too,
                # whose own media_folder Decap does not read) go where the
                # featured photo goes: beside the release, the build refuses them.
                "media_folder": "/content/images/{{year}}",
                "public_folder": "images/{{year}}",
                "create": True,
                "format": "warta-berita",
                "extension": "md",
                "identifier_field": "title",
                "summary": "{{title}} — {{date}}",
                "sortable_fields": ["date", "title"],
                "view_filters": [
                    {"label": rubrik, "field": "category", "pattern": f"^{rubrik}$"}
                    for rubrik in inputs.rubrik
                ],
                "fields": article_fields(inputs),
            },
            {
                "name": "halaman",
                "label": "Halaman",
                # A page's photos (its body's "Foto") with the site's photos;
                # beside the page the build refuses them. Pages have no date.
                "media_folder": "/content/images/halaman",
                "public_folder": "images/halaman",
                "label_singular": "Halaman",
                "description": "Halaman tetap: Tentang Kami, Kontak, Kebijakan Privasi, Kredit.",
                "folder": "content/halaman",
                "path": "{{slug_value}}",
                "create": True,
                "format": "warta-halaman",
                "extension": "md",
                "identifier_field": "title",
                "fields": page_fields(),
            },
        ],
    }
    if inputs.backend.get("name") in SIMPLE_ONLY_BACKENDS:
        # Saving commits straight to the backend's branch: review in the forge instead.
        del config["publish_mode"]
    elif inputs.backend.get("name") == "proxy" and not inputs.local_backend:
        # A decap-server not named as the local backend (a plain build's: the
        # one `invoke cms` runs, in either mode): Decap cannot ask it whether it
        # keeps an editorial workflow, and the working copy's files have none
        # ("Unknown action unpublishedEntries" with every request, once a
        # plain build wrote this file while `invoke cms` ran). Saving writes
        # the file, which every mode of the server does. Named as the local
        # backend (`invoke cms`), Decap asks it and keeps the workflow where it can.
        del config["publish_mode"]
    if inputs.local_backend:
        config["local_backend"] = {"url": inputs.local_backend}
    return {key: value for key, value in config.items() if value is not None}


def warta_data(inputs: CmsInputs) -> dict:
    """What /admin/warta-cms.js needs besides Decap's configuration."""

    def keys(table, always):
        return [
            {
                "field": name,
                "key": key,
                "kind": kind,
                "always": name in always,
                "aliases": KEY_ALIASES.get(name, []),
                # Shown as text: its character references read as the build
                # reads them (`&amp;` is "&"), and written so that it reads them back.
                "text": key.lower() in TEXT_KEYS,
                # Shown without a chat's marks around the whole value (`*Judul*`),
                # as the build shows a one-valued text (`without_chat_emphasis`).
                "unmarked": key.lower() in TEXT_KEYS & SINGLE_VALUED_KEYS,
            }
            for name, key, kind in table
        ]

    return {
        "formats": {
            "berita": keys(ARTICLE_KEYS, ARTICLE_ALWAYS),
            "halaman": keys(PAGE_KEYS, PAGE_ALWAYS),
        },
        "official_tags": [{"name": o["value"], "group": o["group"]} for o in inputs.tags],
        "allow_free_tags": inputs.allow_free_tags,
        "regions": {o["value"]: o["label"] for o in inputs.regions},
        "default_category": inputs.default_category,
        "officials": inputs.officials,
        "preview_css": inputs.preview_css,
        "rules": {
            "title_min": inputs.title_min,
            "title_max": inputs.title_max,
            "summary_min": inputs.summary_min,
            "summary_max": inputs.summary_max,
        },
        "site_name": inputs.site_name,
        "taken": inputs.taken,
        "region_spellings": inputs.region_spellings,
        "region_contexts": inputs.region_contexts,
        "tag_spellings": inputs.tag_spellings,
        "dateline": inputs.dateline,
        "date_forms": date_forms(),
        # How the build reads a take-down date (`Kedaluwarsa:` and its other
        # spellings), in the front matter and below it.
        "take_down": take_down_forms(),
        # Which Status: values and flags hold a release back, and what a yes is.
        "publication": publication_forms(),
        "fold": fold_tables(),
        # File name endings of the photos the build publishes: the CMS refuses
        # any other upload (an iPhone's HEIC) before it is saved.
        "photo_suffixes": list(PHOTO_SUFFIXES),
        # ... and, in the media library and the file widget, the documents it
        # publishes (no archive: refused); the older formats it refuses, each
        # with the one to save as.
        "document_suffixes": [
            s for s in DOCUMENT_SUFFIXES if s not in LEGACY_SUFFIXES and s not in ARCHIVE_SUFFIXES
        ],
        "legacy_suffixes": dict(LEGACY_SUFFIXES),
        # What a file named as a photo is when its first bytes say it is none
        # (an HTML page or a PDF named IMG_0001.jpg): the build's own patterns
        # (warta.filekinds), each with the writer's words for it.
        "not_a_photo": {
            "head_bytes": HEAD_BYTES,
            "photo": js_pattern(PHOTO_HEAD),  # a photo's start: none of the kinds
            "kinds": [
                {**js_pattern(kind.pattern), "what": kind.what_id, "advice": kind.suggestion_id}
                for kind in NOT_A_PHOTO
            ],
        },
        # Words of a file's name that hold its release back (warta.published):
        # the preview says so when the title no longer holds them.
        "draft_name_words": sorted(DRAFT_NAME_WORDS),
        "draft_name_pairs": [list(pair) for pair in sorted(DRAFT_NAME_PAIRS)],
        # Keys the build reads: below a blank line of a `---` block, more front matter.
        "known_keys": sorted(KNOWN_KEYS),
    }
