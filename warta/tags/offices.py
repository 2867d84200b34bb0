"""The office a release names around an official's name, and whether it agrees
with the registry on the article's date (no Pelican import).

Releases introduce people with their position, in many phrasings:

    Ketua Bawaslu Kabupaten Musi Rawas, Joko Susilo, …
    Anggota Bawaslu Kota Lubuklinggau Bambang Sutrisno …
    Koordinator Divisi Hukum dan Penyelesaian Sengketa Bawaslu OKU Timur, Dr. H. Nama, …
    Kordiv PPDatin Bawaslu Mura, Nama, …        Ketua Bawaslu Provinsi Sumsel, Nama, …
    Ketua Panwaslu Kecamatan Kalidoni, Nama, …  Anggota Bawaslu RI, Nama, …
    …," kata Nama, Ketua Bawaslu Kabupaten Lahat.
    Nama, S.H., selaku Ketua Bawaslu OKU, …     Nama (Anggota Bawaslu Kota Palembang) …
    Ketua Bawaslu, Nama, …   (no region: the office of the article's own region)

`office_phrases` finds every "position … office region" phrase in a text;
`stated_offices` ties each phrase to the registered name right after it (the
house style) or, failing that, right before it. Region words are read with
the gazetteer and aliases the regions plugin loads (`warta.regions.gazetteer`:
"OKU Timur", "Mura", "Sumsel", "Pagaralam"), passed in as any object with its
`resolve()` (see `RegionReader`): the build reads office regions only when
that plugin is loaded.

`judge` then compares what the text says with the positions the registry
gives the person on the article's date (or, when it gives none on that date,
with any of their positions). A different institution or region means the
text speaks of someone else of the same name, or of a position missing from
the registry: the name is not linked to the registry's person. A different
role in the same office (the text says "Ketua", the registry "Anggota") is
the same person in another position than the registry's on that date:
linked, shown with the registry's position, and a warning at the line
giving the registry's position to write (`warta.tags.stage`), since the
registry, kept by the office, wins over a release's typing.
So is the position itself named on a date the person held no position: before
the registry's first position of the person began, or after their term ended
(unless the text says so: "mantan Ketua …"); the page shows them without a
position.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from warta.text import tried_where

from .officials import _DEGREE, _HONORIFICS, NOT_A_NAME, Official
from .officials import FUNCTION_WORDS as _FUNCTION_WORDS
from .officials import without_titles as without_titles  # (read here by warta.source_checks)

# ---- institutions ------------------------------------------------------------

BAWASLU = "Bawaslu"
PANWASLU_KECAMATAN = "Panwaslu Kecamatan"
PANWASLU_DESA = "Panwaslu Kelurahan/Desa"
PANWASLU = "Panwaslu"  # the pre-2018 kabupaten/kota and province bodies
PENGAWAS_TPS = "Pengawas TPS"
KPU = "KPU"
DKPP = "DKPP"
OTHER = "lain"  # a role of another kind: a citizen, a village head, a police rank, …

# Region values of a stated or registered office.
NATIONAL = "RI"  # Bawaslu RI, KPU RI, DKPP
UNNAMED = ""  # the text names the institution but no region ("Ketua Bawaslu, Nama")
UNREADABLE = "?"  # region words that the gazetteer cannot place (or places twice)

_OFFICE_HEAD_RE = re.compile(
    r"(?<![\w-])(?:(?P<bawaslu>Bawaslu|BAWASLU)"
    r"|(?P<panwascam>Panwascam|PANWASCAM)"
    r"|(?P<panwaslu>Panwaslu|PANWASLU|Panwas|PANWAS)"
    r"|(?P<pkd>PKD)|(?P<ptps>PTPS)|(?P<kpu>KPU)|(?P<dkpp>DKPP))(?![\w-])"
)
# Where an office word may start (`tried_where`).
_OFFICE_START_RE = re.compile(r"Bawaslu|BAWASLU|Panwas|PANWAS|PKD|PTPS|KPU|DKPP")
_KECAMATAN_WORD_RE = re.compile(r"\s+(?:Kecamatan|KECAMATAN|Kec\.?)(?=\s|$|,)")
_DESA_WORD_RE = re.compile(
    r"\s+(?:Kelurahan/Desa|Kelurahan|Desa|KELURAHAN/DESA|KELURAHAN|DESA)(?=\s|$|,)"
)
_NATIONAL_RE = re.compile(r"\s+(?:RI|Republik\s+Indonesia|Pusat)(?![\w-])")

# ---- roles ---------------------------------------------------------------------

KETUA = "ketua"
MEMBER = "anggota"  # members, division coordinators: the chair is a member too
SECRETARIAT = "sekretariat"  # secretariat officials and staff

_DIVISION_ROLES = r"Koordinator\s+Divisi|Koo?rdiv|Kadiv|Kepala\s+Divisi"
_ROLE_RE = re.compile(
    r"(?<![\w-])(?i:(?:(?:Plt|Plh)\.?\s+)?(?P<role>Ketua|Anggota|Komisioner|Pimpinan"
    rf"|(?P<division>{_DIVISION_ROLES})"
    r"|Koordinator\s+Sekretariat|Korsek|Kepala\s+Sekretariat|Kasek|Sekretaris"
    r"|Kepala\s+Bagian|Kabag|Kepala\s+Sub\s*bagian|Kasubbag|Staf|Staff))(?![\w-])"
)
_ROLE_OF = (
    (re.compile(r"^(?:(?:plt|plh)\.?\s+)?ketua\b", re.I), KETUA),
    (re.compile(rf"^(?:anggota|komisioner|pimpinan|{_DIVISION_ROLES})\b", re.I), MEMBER),
    (
        re.compile(
            r"^(?:koordinator\s+sekretariat|korsek|kepala|kasek|sekretaris|kabag|kasubbag|staf)",
            re.I,
        ),
        SECRETARIAT,
    ),
)


def role_of(position: str) -> str | None:
    """'Ketua' → ketua; 'Koordinator Divisi …' → anggota; 'Kepala Sekretariat' → sekretariat."""
    text = " ".join(position.split())
    return next((role for pattern, role in _ROLE_OF if pattern.match(text)), None)


def roles_agree(stated: str | None, held: str | None) -> bool:
    if not stated or not held or stated == held:
        return True
    return stated == MEMBER and held == KETUA  # the chair is one of the members


# ---- reading region words ---------------------------------------------------------

MAX_REGION_WORDS = 7
# Words that end the region words of an office without being part of them.
_ABBREVIATED = {"kab.", "kec.", "prov.", "kel."}
_TOKEN_RE = re.compile(r"[^\s,;:()“”\"'‘’]+")
_GAP_RE = re.compile(r"[ \t\u00a0]+")


MAX_CODES = 50000  # office readings a RegionReader remembers


class RegionReader:
    """Region words of an office → a Kemendagri code, with a
    `warta.regions.gazetteer.Gazetteer` (duck-typed: `resolve(value, context=,
    home=, tiers=, levels=)` returning an object with `unit` and `problem`).
    Without a gazetteer every named region is unreadable, so nothing is judged
    on regions."""

    def __init__(self, gazetteer=None, home: str | None = None) -> None:
        self.gazetteer = gazetteer
        self.home = home
        # (words, kecamatan or not, context) → code: a build's releases name
        # the same offices, every one read at each office word of each line.
        self._codes = functools.lru_cache(maxsize=MAX_CODES)(self._code)

    def code(self, words: str, institution: str, context: Sequence[str]) -> str | None:
        """The unit's code; None when the words name no unit (or several)."""
        if self.gazetteer is None:
            return None
        return self._codes(words, institution == PANWASLU_KECAMATAN, tuple(context))

    def _code(self, words: str, kecamatan: bool, context: tuple[str, ...]) -> str | None:
        if kecamatan:
            tiers, levels = ("kecamatan",), ("kecamatan",)
        else:
            tiers, levels = ("official", "alias"), ("provinsi", "kabupaten", "kota")
        found = self.gazetteer.resolve(
            words, context=list(context), home=self.home, tiers=tiers, levels=levels
        )
        return found.unit.code if found.unit else None


@dataclass(frozen=True)
class OfficePhrase:
    """'Koordinator Divisi … Bawaslu OKU Timur' found at text[start:end]."""

    start: int
    end: int
    role: str | None
    institution: str
    region: str  # a code, NATIONAL, UNNAMED or UNREADABLE
    text: str
    division: str = ""  # "Hukum dan Penyelesaian Sengketa" of a division coordinator
    former: bool = False  # "mantan Ketua …": a position the person no longer holds


def _institution_at(text: str, match: re.Match) -> tuple[str, int]:
    """The institution an office word starts, and where its region words begin."""
    end = match.end()
    if match.group("panwascam"):
        return PANWASLU_KECAMATAN, end
    if match.group("panwaslu"):
        after = _KECAMATAN_WORD_RE.match(text, end)
        if after:
            return PANWASLU_KECAMATAN, after.end()
        after = _DESA_WORD_RE.match(text, end)
        if after:
            return PANWASLU_DESA, after.end()
        return PANWASLU, end
    if match.group("pkd"):
        return PANWASLU_DESA, end
    if match.group("ptps"):
        return PENGAWAS_TPS, end
    if match.group("kpu"):
        return KPU, end
    if match.group("dkpp"):
        return DKPP, end
    return BAWASLU, end


def _region_tokens(text: str, start: int) -> list[tuple[int, int]]:
    """Spans of the capitalised words after an office word, on the same line,
    up to punctuation or a word in lower case."""
    spans = []
    position = start
    while len(spans) < MAX_REGION_WORDS:
        gap = _GAP_RE.match(text, position)
        if not gap:
            break
        token = _TOKEN_RE.match(text, gap.end())
        if not token:
            break
        word = token.group()
        core = word.rstrip(".")
        if not core or not (core[0].isupper() or core[0].isdigit()):
            break
        if word.endswith(".") and word.lower() not in _ABBREVIATED:
            spans.append((token.start(), token.end() - 1))  # the sentence ends here
            break
        spans.append(token.span())
        position = token.end()
    return spans


def _read_office(
    text: str, head: re.Match, reader: RegionReader, context: Sequence[str]
) -> tuple[str, str, int]:
    """(institution, region, end of the office name) for the office word `head`."""
    institution, position = _institution_at(text, head)
    if institution == DKPP:
        return institution, NATIONAL, position
    national = _NATIONAL_RE.match(text, position)
    if national and institution in (BAWASLU, KPU):
        return institution, NATIONAL, national.end()
    spans = _region_tokens(text, position)
    if not spans:
        return institution, UNNAMED, position
    # The longest run of words that names a unit: "OKU Timur" before "OKU", and
    # "Kota Palembang Nurhasanah Siregar" (no comma before a name) is "Kota Palembang".
    for count in range(len(spans), 0, -1):
        words = text[spans[0][0] : spans[count - 1][1]]
        code = reader.code(words, institution, context)
        if code:
            return institution, code, spans[count - 1][1]
    return institution, UNREADABLE, spans[-1][1]


_SENTENCE_BREAK = re.compile(r"[.;!?“”\"\n]")
MAX_ROLE_GAP = 110
_CONNECTORS = {"dan", "&", "serta", "sekaligus", "merangkap"}


def _role_before(text: str, head_start: int, floor: int) -> tuple[str | None, int, str]:
    """The role word that governs an office word ("Ketua" in "Ketua Bawaslu", the
    division coordinator before a division name), where it starts, and the
    division named between them ("" for other roles)."""
    window_start = max(floor, head_start - MAX_ROLE_GAP - 30)
    window = text[window_start:head_start]
    last = None
    for match in _ROLE_RE.finditer(window):
        last = match
    if last is None:
        return None, head_start, ""
    gap = window[last.end() :]
    # "Plt." and the like end in a dot; any other sentence break is a new sentence.
    if len(gap) > MAX_ROLE_GAP or _SENTENCE_BREAK.search(gap):
        return None, head_start, ""
    if not last.group("division"):
        # Only a division name (capitalised words) may stand between a role and
        # its office: "Ketua panitia … Bawaslu" is not the chair of Bawaslu.
        for word in gap.replace(",", " ").split():
            if not (word[0].isupper() or word.lower() in _CONNECTORS):
                return None, head_start, ""
        return role_of(last.group(0)), window_start + last.start(), ""
    division = " ".join(gap.split()).strip(" ,")
    return role_of(last.group(0)), window_start + last.start(), division


# Words that make the position after them one held before ("mantan Ketua …",
# "eks Ketua …", "yang pernah menjabat Ketua …"), or that tell of the term in
# a clause after the name ("Nama, yang menjabat Ketua … sejak 2023, mundur"),
# rather than introduce the person by it ("Ketua …, Nama").
_FORMER_RE = re.compile(
    r"(?<![\w-])(?i:mantan|eks|ex|bekas|purnatugas|purnabakti"
    r"|(?:yang\s+)?(?:pernah|sebelumnya|sempat)\s+menjabat(?:\s+sebagai)?"
    r"|yang\s+menjabat(?:\s+sebagai)?)[\s-]*$"
)


def office_phrases(
    text: str, reader: RegionReader, context: Sequence[str] = ()
) -> list[OfficePhrase]:
    """Every office named with a role in `text`, in order."""
    phrases: list[OfficePhrase] = []
    floor = 0
    for head in tried_where(_OFFICE_HEAD_RE, _OFFICE_START_RE, text):
        if head.start() < floor:
            continue
        institution, region, end = _read_office(text, head, reader, context)
        role, start, division = _role_before(text, head.start(), floor)
        floor = end
        if role is None:
            continue
        phrases.append(
            OfficePhrase(
                start,
                end,
                role,
                institution,
                region,
                " ".join(text[start:end].split()),
                division,
                bool(_FORMER_RE.search(text, max(0, start - 40), start)),
            )
        )
    return phrases


# ---- tying offices to names ---------------------------------------------------------

# Between an office and the name it introduces: an abbreviation in brackets
# ("Bawaslu Kabupaten Musi Rawas (Mura), Nama"), a comma, a colon or a bracket,
# and titles ("Ketua Bawaslu Sumsel, Dr. H. Nama").
_BEFORE_NAME_RE = re.compile(
    r"^[ \t\u00a0]*(?:\([^()\n]{1,30}\)[ \t\u00a0]*)?[,:(–—-]?[ \t\u00a0]*"
    rf"(?:{_HONORIFICS}[ \t\u00a0]+)*$"
)
# A capitalised word right after an office: the office introduces that person
# ("…, Ketua Bawaslu Kota Palembang Budi Santoso, …"), unless it is a day or a
# month ("Ketua Bawaslu OKU, Senin (18/11)").
_NAME_AFTER_RE = re.compile(
    rf"[ \t\u00a0]*[,:]?[ \t\u00a0]*(?:{_HONORIFICS}[ \t\u00a0]+)*(?P<word>[A-Z][\w'’-]*)"
)
# Between a name and the office that follows it: degrees ("Nama, S.H., M.H."),
# then a comma, a bracket, a dash or "selaku" / "sebagai" / "yang juga".
_AFTER_NAME_RE = re.compile(
    rf"^(?:,?[ \t\u00a0]*{_DEGREE})*[ \t\u00a0]*(?:[,(–—-][ \t\u00a0]*)?"
    r"(?:(?i:selaku|sebagai|yang\s+(?:juga\s+)?(?:merupakan|menjabat(?:\s+sebagai)?|adalah)"
    r"|yang\s+juga)[ \t\u00a0]*)?$"
)


@dataclass(frozen=True)
class StatedOffice:
    """The office the text gives one mention of a registered person."""

    slug: str
    spelling: str  # the name or variant as written
    ordinal: int  # how many times `spelling` occurs earlier in the text
    role: str | None
    institution: str
    region: str
    text: str  # the office phrase as written: "Anggota Bawaslu Mura"
    division: str = ""  # the division named, for a division coordinator
    former: bool = False  # named as held before: "mantan Ketua Bawaslu Mura"

    @classmethod
    def of_phrase(
        cls, phrase: OfficePhrase, slug: str = "", spelling: str = "", ordinal: int = 0
    ) -> StatedOffice:
        """The office `phrase` states, for the mention `slug`/`spelling`/`ordinal`."""
        return cls(
            slug,
            spelling,
            ordinal,
            phrase.role,
            phrase.institution,
            phrase.region,
            phrase.text,
            phrase.division,
            phrase.former,
        )


_NAME_BEFORE_RE = re.compile(
    r"(?P<name>(?:[A-Z][\w'’.-]*[ \t\u00a0]+){0,5}[A-Z][\w'’.-]*)"
    rf"(?:,?[ \t\u00a0]*{_DEGREE})*[ \t\u00a0]*,[ \t\u00a0]*$"
)
FORWARD, BACKWARD = "forward", "backward"


def _is_name(words: str) -> bool:
    """Capitalised words that may be someone's name (not "Di Kecamatan Kalidoni")."""
    return not any(
        word.strip(".,").lower() in NOT_A_NAME or word.strip(".,").lower() in _FUNCTION_WORDS
        for word in words.split()
    )


def stated_offices(
    text: str,
    mentions: Iterable[tuple[str, re.Match]],
    reader: RegionReader,
    context: Sequence[str] = (),
) -> list[StatedOffice]:
    """For each mention (slug, zero-width match whose group is the name), the office
    phrase that introduces it, right before it ("Ketua Bawaslu OKU, Nama") or right
    after it ("Nama, Ketua Bawaslu OKU"); failing one, a role of another kind
    beside it ("warga, Nama", "Nama (45)"), as institution OTHER.

    A phrase belongs to one person. Between two names it is read as the
    names around it are: in "Ketua Bawaslu Sumsel, A, Anggota Bawaslu Sumsel, B"
    (A introduced by the phrase before A) the second phrase is B's; in "A, Ketua
    Bawaslu Sumsel, B, Anggota Bawaslu Sumsel" (A without one) the first is A's.
    Names outside the registry count as names here too, so that a phrase is
    never given to a registered person beside the unregistered one it names."""
    seen: dict[str, int] = {}
    resolved: list[tuple[str, str, int, int, int]] = []
    for slug, match in mentions:
        spelling = match.group(match.lastgroup)
        start, end = match.start(), match.start() + len(spelling)
        ordinal = seen.get(spelling, 0)
        seen[spelling] = ordinal + 1
        resolved.append((slug, spelling, ordinal, start, end))
    found: dict[int, StatedOffice] = {}
    # An office phrase never runs over a line (a paragraph of the text): only
    # the lines that name a registered person are read.
    by_line: dict[int, list[int]] = {}
    for index, (*_, start, _end) in enumerate(resolved):
        by_line.setdefault(text.rfind("\n", 0, start) + 1, []).append(index)
    for line_start, indexes in by_line.items():
        line_end = text.find("\n", line_start)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        spans = [(resolved[i][3] - line_start, resolved[i][4] - line_start) for i in indexes]
        owners = _owners(line, spans, reader, context)
        for local, phrase in owners.items():
            slug, spelling, ordinal, _start, _end = resolved[indexes[local]]
            found[indexes[local]] = StatedOffice.of_phrase(phrase, slug, spelling, ordinal)
        for local, (start, end) in enumerate(spans):
            role = None if local in owners else other_role(line, start, end)
            if role is not None:
                slug, spelling, ordinal, _start, _end = resolved[indexes[local]]
                found[indexes[local]] = StatedOffice(
                    slug, spelling, ordinal, None, OTHER, UNREADABLE, role
                )
    return [found[index] for index in sorted(found)]


_SET_OFF_RE = re.compile(r"[,:(]")  # what sets a name off from the office before it


def _owners(
    text: str, names: list[tuple[int, int]], reader: RegionReader, context: Sequence[str]
) -> dict[int, OfficePhrase]:
    """Which office phrase of one line introduces which of the names (spans) on it."""
    phrases = office_phrases(text, reader, context)
    direction: dict[int, str] = {}
    owner: dict[int, OfficePhrase] = {}  # name → phrase
    previous_end = 0
    for number, phrase in enumerate(phrases):
        following = next(
            (
                index
                for index, (start, _end) in enumerate(names)
                if start >= phrase.end and _BEFORE_NAME_RE.match(text[phrase.end : start])
            ),
            None,
        )
        preceding = next(
            (
                index
                for index, (_start, end) in enumerate(names)
                if end <= phrase.start and _AFTER_NAME_RE.match(text[end : phrase.start])
            ),
            None,
        )
        # The span of the name before the phrase, registered or not.
        before: tuple[int, int] | None = None
        if preceding is not None:
            before = names[preceding]
        else:
            run = _NAME_BEFORE_RE.search(text, previous_end, phrase.start)
            if run and _is_name(run["name"]):
                before = run.span("name")
        after = _name_after(text, phrase.end)
        name_follows = following is not None or after is not None
        # "Ketua Bawaslu Kota Palembang Budi Santoso": no comma, the name is its.
        tight = name_follows and not _SET_OFF_RE.search(
            text[phrase.end : names[following][0]]
            if following is not None
            else text[phrase.end : after.start("word")],
        )
        if tight:
            direction[number] = FORWARD
        elif name_follows and before is not None:
            # Is the name before introduced by a phrase of its own?
            introduced = any(
                direction.get(other) == FORWARD
                and phrases[other].end <= before[0]
                and _BEFORE_NAME_RE.match(text[phrases[other].end : before[0]])
                for other in range(number)
            )
            direction[number] = FORWARD if introduced else BACKWARD
        elif name_follows:
            direction[number] = FORWARD
        elif before is not None:
            direction[number] = BACKWARD
        previous_end = phrase.end
        name = following if direction.get(number) == FORWARD else preceding
        if direction.get(number) == BACKWARD and preceding is None:
            name = None  # the phrase of a name outside the registry
        if name is not None and name not in owner:
            owner[name] = phrase
    return owner


def _name_after(text: str, end: int) -> re.Match | None:
    """The name that follows an office phrase ending at `end`, if one does."""
    match = _NAME_AFTER_RE.match(text, end)
    return match if match and _is_name(match["word"]) else None


# ---- roles of another kind ----------------------------------------------------------

# What releases call people who hold no office of election supervision: the
# citizens quoted, village and regional government, the KPU's ad hoc bodies,
# the police and the army (ranks). Written before a name ("warga, Nama",
# "Kepala Desa Lubuk Atung, Nama", "Kapolsek Merapi AKP Nama") or after it
# ("Nama, petugas PPS setempat", "Nama, warga Desa …"); a citizen's age in
# brackets after a name ("Nama (45)") says the same.
_OTHER_ROLES = (
    r"warga|penduduk|pemilih|tokoh\s+(?:masyarakat|agama|adat|pemuda)|ibu\s+rumah\s+tangga"
    r"|petani|pedagang|nelayan|buruh|karyawan|wiraswasta|mahasiswa|mahasiswi|pelajar|siswa|siswi"
    r"|guru|dosen|relawan|saksi"
    r"|kepala\s+desa|kades|lurah|camat|sekcam|sekdes|kepala\s+dusun|kadus|perangkat\s+desa"
    r"|(?:ketua|pak|bu)\s+(?:RT|RW)|bupati|wakil\s+bupati|wali\s*kota|wakil\s+wali\s*kota"
    r"|gubernur|wakil\s+gubernur|sekda|kepala\s+dinas|kadis|kepala\s+sekolah|rektor|dekan"
    r"|(?:ketua|wakil\s+ketua|anggota)\s+DPRD"
    r"|(?:(?:petugas|ketua|anggota|sekretaris)\s+)?(?:PPS|KPPS|PPK|PPDP|pantarlih|linmas)"
    r"|kapolda|kapolres|kapolresta|kapolsek|wakapolres|kasat\w*|kanit\w*|bhabinkamtibmas"
    r"|babinsa|dandim|danramil|danrem|pangdam"
    r"|brigjen|kombes|AKBP|kompol|AKP|iptu|ipda|aiptu|aipda|bripka|brigadir|briptu|bripda"
    r"|bharada|bharatu|bharaka|serma|serka|sertu|serda|pelda|peltu|kopka|koptu|kopda|praka"
    r"|pratu|prada|letda|lettu|kapten|letkol|kolonel"
)
# The place or unit a role is of: capitalised words ("Desa Lubuk Atung", "05"),
# abbreviations of a level with their dot, "setempat" ("the local one").
_PLACE_WORD = r"(?:Kab|Kec|Kel|Ds)\.|[A-Z0-9][\w'’/-]*"
_UNIT = rf"(?:[ \t\u00a0]+(?:{_PLACE_WORD})){{0,6}}(?:[ \t\u00a0]+setempat)?"
# The role and its unit, up to the name: "Kepala Desa Lubuk Atung, ", "Kapolsek
# Merapi AKP ".
_OTHER_BEFORE_RE = re.compile(
    rf"(?<![\w-])(?P<role>(?i:{_OTHER_ROLES})){_UNIT}"
    rf"[ \t\u00a0]*[,:]?[ \t\u00a0]*(?:{_HONORIFICS}[ \t\u00a0]+)*$"
)
# Words before a role that make it the people spoken to, not the one named
# ("Kepada warga, Nama mengimbau …", "para kepala desa, Nama …").
_ADDRESSED_TEXT = """
kepada bagi untuk dengan para terhadap oleh bersama dan seluruh semua mengajak
mengimbau meminta mengundang menemui mendatangi mengunjungi
"""
_ADDRESSED = frozenset(_ADDRESSED_TEXT.split())
# After the name: an age in brackets, or a role whose phrase closes there
# ("Nama, warga Desa X, …", "Nama, petugas PPS di Desa X.", "Nama (Camat X)"),
# so that "Menurut Nama, warga yang belum terdata …" is no role.
_OTHER_AFTER_RE = re.compile(
    r"(?:,?[ \t\u00a0]*(?:[SMD]|Dr|Ir)\.[A-Za-z.]*)*[ \t\u00a0]*"
    r"(?:(?P<age>\([ \t]*\d{1,3}[ \t]*(?i:tahun|thn|th)?[ \t]*\))"
    r"|[,(–—-][ \t\u00a0]*"
    r"(?i:(?:selaku|sebagai|yang\s+(?:juga\s+)?(?:merupakan|adalah))[ \t\u00a0]+)?"
    r"(?i:salah\s+(?:seorang|satu)[ \t\u00a0]+)?"
    rf"(?P<role>(?i:{_OTHER_ROLES}))(?![\w-]){_UNIT}"
    rf"(?:[ \t\u00a0]+(?:di|dari|asal)(?:[ \t\u00a0]+(?:{_PLACE_WORD})){{1,6}})?"
    r"(?=[ \t\u00a0]*(?:[,.;:)”\"]|$)))"
)
MAX_OTHER_BEFORE = 80


def other_role(text: str, start: int, end: int) -> str | None:
    """The role of another kind that `text` gives the name at text[start:end],
    right before or right after it ("warga", "Kepala Desa Lubuk Atung",
    "(45)"); None when it gives none."""
    before = _OTHER_BEFORE_RE.search(text, max(0, start - MAX_OTHER_BEFORE), start)
    if before:
        preceding = text[: before.start()].split()[-1:]
        if not preceding or preceding[0].strip(',“"').lower() not in _ADDRESSED:
            return " ".join(text[before.start() : start].split()).rstrip(" ,:")
    after = _OTHER_AFTER_RE.match(text, end)
    if after:
        found = after["age"] or after["role"]
        return " ".join(found.split())
    return None


# ---- the registry's side ------------------------------------------------------------


def institution_of(name: str) -> str:
    """The institution of a registry entry's `institution:` (or `office:`) text."""
    head = _OFFICE_HEAD_RE.search(name)
    if not head:
        return " ".join(name.split())
    return _institution_at(name, head)[0]


@dataclass(frozen=True)
class HeldOffice:
    """Institution, region and role of one registered position."""

    role: str | None
    institution: str
    region: str  # a code, NATIONAL or UNREADABLE
    division: str = ""  # "Koordinator Divisi <division>": the division


_DIVISION_POSITION_RE = re.compile(rf"^(?:{_DIVISION_ROLES})\s+(?P<division>.+)$", re.IGNORECASE)


def division_of(position: str) -> str:
    """The division of a registry position ("Koordinator Divisi Hukum …" → "Hukum …")."""
    match = _DIVISION_POSITION_RE.match(" ".join(position.split()))
    return match["division"] if match else ""


def held_office(
    position: str,
    institution: str,
    region: str | None,
    office: str,
    reader: RegionReader,
) -> HeldOffice:
    """A registry position as an office: the region code when it has one, else
    what its office name says ("Bawaslu OKU", "Bawaslu RI")."""
    kind = institution_of(institution)
    division = division_of(position)
    if region:
        return HeldOffice(role_of(position), kind, region, division)
    head = _OFFICE_HEAD_RE.search(office) or _OFFICE_HEAD_RE.search(institution)
    if head is None:
        return HeldOffice(role_of(position), kind, UNREADABLE, division)
    source = office if _OFFICE_HEAD_RE.search(office) else institution
    _kind, read, _end = _read_office(source, head, reader, ())
    if read == UNNAMED:  # "Bawaslu" alone in the registry: the national body
        read = NATIONAL
    return HeldOffice(role_of(position), kind, read, division)


def within(code: str, ancestor: str) -> bool:
    return code == ancestor or code.startswith(ancestor + ".")


def offices_agree(stated: StatedOffice, held: HeldOffice, article_regions: Sequence[str]) -> bool:
    """Does the office the text names fit the registered one? Unreadable regions
    and unknown institutions are never a disagreement."""
    known = {BAWASLU, PANWASLU_KECAMATAN, PANWASLU_DESA, PANWASLU, PENGAWAS_TPS, KPU, DKPP}
    if (
        stated.institution in known
        and held.institution in known
        and stated.institution != held.institution
    ):
        return False
    if UNREADABLE in (stated.region, held.region):
        return True
    if stated.region == UNNAMED:
        return local_to(held, article_regions)
    return stated.region == held.region


def local_to(held: HeldOffice, article_regions: Sequence[str]) -> bool:
    """Is `held` plausibly an office of a release of `article_regions`? That
    region's office, or an office above or below it (a province's chair
    visiting a kabupaten, a kecamatan's panel in its kabupaten); any office
    when the release has no region or the office's region is unreadable."""
    if held.region in (NATIONAL, UNREADABLE) or not article_regions:
        return True
    return any(
        within(region, held.region) or within(held.region, region) for region in article_regions
    )


def divisions_agree(
    stated: StatedOffice, held: HeldOffice, division_key: Callable[[str], str | None] | None
) -> bool:
    """Unless both name a division that `division_key` knows, and they differ."""
    if division_key is None or not stated.division or not held.division:
        return True
    said, registered = division_key(stated.division), division_key(held.division)
    return said is None or registered is None or said == registered


@dataclass(frozen=True)
class Verdict:
    """`linked`: the mention is the registry's person; `kind`: None (agrees),
    "role" (same office, another role: a position missing from the registry),
    "dates" (the position, named on a date the person held none: before
    their first term began, or after it ended without "mantan" before it),
    "office" (another office: a namesake or a missing position) or "other"
    (a role of another kind, "warga", "Kepala Desa …": someone else)."""

    linked: bool
    kind: str | None = None


def judge(
    stated: StatedOffice,
    on_date: Sequence[HeldOffice],
    ever: Sequence[HeldOffice],
    article_regions: Sequence[str],
    before_first_term: bool = False,
    division_key: Callable[[str], str | None] | None = None,
) -> Verdict:
    """Compare one stated office with the positions held on the article's date
    (any position when the registry has none on that date). `before_first_term`:
    the article is dated before the person's first registered position began.
    `division_key`: a division's name or alias → what tells divisions apart
    (None when unknown); the text naming another division than the registry's
    is another role."""
    if stated.institution == OTHER:
        return Verdict(False, "other")
    candidates = on_date or ever
    if not candidates:
        return Verdict(True)
    same_office = [h for h in candidates if offices_agree(stated, h, article_regions)]
    if not same_office:
        return Verdict(False, "office")
    if any(
        roles_agree(stated.role, h.role) and divisions_agree(stated, h, division_key)
        for h in same_office
    ):
        # The position the text gives on a date the person held none: the same
        # person (linked, shown without a position), and said: the Date: or the
        # registry's dates are wrong, unless the text names a former official
        # as one ("mantan Ketua …"), which it cannot before a first term.
        if not on_date and (before_first_term or not stated.former):
            return Verdict(True, "dates")
        return Verdict(True)
    return Verdict(True, "role")


def serves(
    person: Official, position: str, reader: RegionReader, context: Sequence[str] = ()
) -> bool:
    """Is the office that `position` names ("Ketua Bawaslu Sumsel") one of the
    offices `person` is registered in, at any time? Its role aside: a short
    name with a position is read as that office's people are. True when
    `position` names no office that can be read (nothing to tell them apart)."""
    phrases = office_phrases(position, reader, context)
    if not phrases:
        return True
    phrase = phrases[-1]
    stated = StatedOffice(
        person.slug, "", 0, phrase.role, phrase.institution, phrase.region, phrase.text
    )
    return any(
        offices_agree(
            stated, held_office(p.position, p.institution, p.region, p.office, reader), context
        )
        for p in person.positions
    )
