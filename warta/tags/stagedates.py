"""A named stage's dates as a release states them, against the schedule in
the official tags' data file (`dates:` of a stage, data/official_tags.yaml):
"masa tenang yang dimulai 23 November" in a release on the 2024 Pilkada,
whose masa tenang ran from 24 to 26 November (the press's own slip, named in
the house style: "Tools for staff should catch what a machine can catch").

A statement is a stage's name or alias, up to four words (an election's name,
"yang", "resmi"), then a verb that dates it, then the date:

- `dimulai` / `mulai` / `jatuh`: its first day ("masa tenang dimulai Minggu
  (24/11/2024)", "kampanye … resmi dimulai pada 25 September 2024");
- `berakhir`: its last day;
- `berlangsung`: a range is its first and last days ("berlangsung 24–26
  November 2024", "berlangsung 24 hingga 26 November"), `hingga`/`sampai`
  before a date its last day, `mulai` its first;

and, after a first day, "(dan berlangsung) hingga/sampai <date>" in the same
sentence is the last day. The schedule compared is the stage's window whose
first day is nearest the stated date; a window known to the month only is
compared by month. Nothing is said of a stage without dates, or of a date the
text does not tie to one of these verbs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from warta.dates import MONTH_NUMBERS
from warta.text import matched_lower, may_hold_ascii_word
from warta.textdates import MONTH_NAMES, DayDate, day_dates, english_date, text_lines

from .vocabulary import OfficialTag, StageDates, Vocabulary

_FILLER = r"(?:[\s,]+(?:pada|tanggal|tgl\.?|hari\s+ini|besok|sejak|resmi|yakni|yaitu))*[\s,]*"
# "24–26 November 2024", "24 hingga 26 November", "24 s.d. 26 Nopember 2024"
_RANGE = re.compile(
    rf"(?P<first>\d{{1,2}})\s*(?:[-–—]|\bhingga\b|\bsampai\b|\bs\.?/?d\.?)\s*(?P<last>\d{{1,2}})\s+"
    rf"(?P<name>{MONTH_NAMES})\b(?:\s+(?P<year>\d{{4}}))?",
    re.IGNORECASE,
)
# What may come before a stage's name that the sentence dates: the start of the
# sentence or a clause (a comma, a dash), a word that opens a clause ("bahwa",
# "selama", "menjelang"), or a verb (me-, di-, ber-, ter-: "mengingatkan masa
# tenang …"). After a noun the stage's name is what the noun is about, and the
# date is the noun's ("rapat kerja teknis pengawasan pemungutan dan
# penghitungan suara yang berlangsung 14 hingga 16 November").
_CLAUSE_WORDS = frozenset(
    (
        *("bahwa", "yakni", "yaitu", "selama", "saat", "ketika", "sebelum", "sesudah"),
        *("setelah", "jelang", "jadwal", "dan", "atau", "sedangkan", "sementara", "adapun"),
        *("karena", "pada", "untuk", "agar", "sejak", "tentang", "mengenai", "yang", "bila"),
        *("jika", "hari", "tahap", "tahapan", "masa"),
    )
)
_WORD_BEFORE = re.compile(r"(?P<word>[^\W\d_]+)[\s\"“'‘]*$")
_UNTIL = re.compile(r"^[\s,]*(?:dan\s+)?(?:berlangsung\s+)?(?:hingga|sampai|s\.?/?d\.?)\b", re.I)
_MULAI = re.compile(r"mulai\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"“]|\s*$)")


@dataclass(frozen=True)
class Stated:
    """A stage's day as a line states it."""

    tag: OfficialTag
    line: int
    written: str  # "dimulai 23 November"
    first: dt.date | None = None
    last: dt.date | None = None


# A statement has one of its verbs and a date's digit: a line without both is
# passed over before the stages' long pattern is tried at each of its words.
_VERB = re.compile(r"\b(?:dimulai|mulai|jatuh|berakhir|berlangsung)\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")


_VERB_WORDS = ("mulai", "jatuh", "berakhir", "berlangsung")  # "mulai": "dimulai" too


def may_state_days(text: str) -> bool:
    """Whether a release's text may state a stage's day: a text with none of
    the verbs in any case, even inside a word, has them on no line (nine
    releases in ten), and its lines need not be read (`_VERB` decides on each
    line, `stated_stage_days`)."""
    return may_hold_ascii_word(text, _VERB_WORDS)


def _phrases(vocabulary: Vocabulary) -> tuple[re.Pattern, dict[str, OfficialTag]] | None:
    """`_stage_phrases` of the vocabulary, made once per vocabulary (kept in
    its `derived`)."""
    if "stage_phrases" not in vocabulary.derived:
        vocabulary.derived["stage_phrases"] = _stage_phrases(vocabulary)
    return vocabulary.derived["stage_phrases"]


def _stage_phrases(vocabulary: Vocabulary) -> tuple[re.Pattern, dict[str, OfficialTag]] | None:
    """The pattern of a statement (a stage's phrase, a few words, a verb), and
    the stage of each phrase (lower case)."""
    names: dict[str, OfficialTag] = {}
    for tag in vocabulary.tags:
        if not tag.dates:
            continue
        for phrase in (tag.name, *tag.aliases, *tag.detect):
            if "*" not in phrase and len(phrase) > 3:
                names.setdefault(" ".join(phrase.lower().split()), tag)
    if not names:
        return None
    alternatives = "|".join(
        r"\s+".join(map(re.escape, n.split())) for n in sorted(names, key=len, reverse=True)
    )
    pattern = re.compile(
        rf"\b(?P<stage>{alternatives})\b(?:\s+[^\s.,;:()]+){{0,4}}?\s+"
        rf"(?P<verb>dimulai|mulai|jatuh|berakhir|berlangsung)\b(?P<filler>{_FILLER})",
        re.IGNORECASE,
    )
    return pattern, names


def _opens_clause(before: str) -> bool:
    """Whether a stage's name after `before` (its line up to it) is what its
    clause is about (`_CLAUSE_WORDS`)."""
    if not before.strip() or before.rstrip()[-1] in ".!?,;:(–—-":
        return True
    word = _WORD_BEFORE.search(before)
    if word is None:
        return False
    word = word["word"].lower()
    return word in _CLAUSE_WORDS or word.startswith(("me", "di", "ber", "ter"))


def _date_at(text: str, number: int, start: int, near: dt.date) -> tuple[DayDate, dt.date] | None:
    """The date that starts at `start` (after a weekday or not), with its day."""
    for found in day_dates(number, text[start:]):
        if found.start > 12:  # not the next words: "Minggu (24/11/2024)" is 18
            return None
        value = found.value(near)
        return (found, value) if value else None
    return None


def _year_near(day: int, month: int, year: str | None, near: dt.date) -> dt.date | None:
    years = [int(year)] if year else [near.year - 1, near.year, near.year + 1]
    days = []
    for candidate in years:
        try:
            days.append(dt.date(candidate, month, day))
        except ValueError:
            continue
    return min(days, key=lambda d: abs((d - near).days)) if days else None


def stated_stage_days(
    body: Iterable[tuple[int, str]], vocabulary: Vocabulary, near: dt.date
) -> Iterator[Stated]:
    """What the text states of the stages' days (see the module's docstring);
    a date without its year is in the year nearest `near` (the Date:)."""
    phrases = _phrases(vocabulary)
    if phrases is None:
        return
    pattern, stages = phrases
    for number, text in text_lines(body):
        if not (_DIGIT.search(text) and _VERB.search(text)):
            continue
        for match in pattern.finditer(text):
            if not _opens_clause(text[: match.start()]):
                continue
            tag = stages[" ".join(matched_lower(match["stage"]).split())]
            verb = matched_lower(match["verb"])
            at = match.end()
            end = _SENTENCE_END.search(text, at)
            sentence = text[: end.start() if end else len(text)]
            rest = sentence[at:]
            if verb == "berlangsung":
                until = _UNTIL.match(rest)
                if until:
                    verb, at = "berakhir", at + until.end()
                    at += len(sentence[at:]) - len(sentence[at:].lstrip(" ,"))
                elif _MULAI.match(rest):
                    verb, at = "dimulai", at + 5
                    at += len(sentence[at:]) - len(sentence[at:].lstrip(" ,"))
            span = _RANGE.match(sentence, at)
            if span:
                month = MONTH_NUMBERS[matched_lower(span["name"])]
                first = _year_near(int(span["first"]), month, span["year"], near)
                last = _year_near(int(span["last"]), month, span["year"], near)
                if first and last:
                    written = sentence[match.start("verb") : span.end()]
                    yield Stated(tag, number, written, first, last)
                continue
            if verb == "berlangsung":
                continue  # "berlangsung pada Minggu (24/11/2024)": a day in it, not its first
            found = _date_at(sentence, number, at, near)
            if found is None:
                continue
            date, value = found
            written_end = at + date.start + len(date.written)
            if verb == "berakhir":
                yield Stated(tag, number, sentence[match.start("verb") : written_end], last=value)
                continue
            last = None
            until = _UNTIL.match(sentence[written_end:])
            if until:
                after = written_end + until.end()
                after += len(sentence[after:]) - len(sentence[after:].lstrip(" ,"))
                following = _date_at(sentence, number, after, near)
                if following:
                    last = following[1]
                    written_end = after + following[0].start + len(following[0].written)
            yield Stated(tag, number, sentence[match.start("verb") : written_end], value, last)


def _window(tag: OfficialTag, day: dt.date) -> StageDates:
    return min(tag.dates, key=lambda window: abs((window.start.date - day).days))


def _same(stated: dt.date, known, last: bool = False) -> bool:
    if known is None:
        return True
    if known.month_only:
        return (stated.year, stated.month) == (known.date.year, known.date.month)
    return stated == (known.last_day() if last else known.date)


def _shown(known, last: bool = False) -> str:
    if known.month_only:
        return known.date.strftime("%B %Y")
    return english_date(known.last_day() if last else known.date)


def stage_date_problems(
    body: Iterable[tuple[int, str]], vocabulary: Vocabulary, near: dt.date, display: str
) -> Iterator[tuple[int, str, str]]:
    """(line, message, suggestion) of each stated day of a stage that is not
    the schedule's (`display`: the data file's name for the messages)."""
    for stated in stated_stage_days(body, vocabulary, near):
        window = _window(stated.tag, stated.first or stated.last)
        end = window.end or window.start
        wrong = []
        if stated.first and not _same(stated.first, window.start):
            wrong.append(("starts", stated.first, window.start, False))
        if stated.last and not _same(stated.last, end, last=True):
            wrong.append(("ends", stated.last, end, True))
        if not wrong:
            continue
        election = vocabulary.by_slug(window.election) if window.election else None
        of = f" of {election.name}" if election else ""
        said = "; ".join(
            f"it {verb} on {_shown(known, last)}, not {english_date(day)}"
            for verb, day, known, last in wrong
        )
        yield (
            stated.line,
            f"'{stated.written}': {stated.tag.name}{of} runs {_shown(window.start)} – "
            f"{_shown(end, True)}: {said}",
            f"write the schedule's date; if the schedule is wrong, correct the tag "
            f"'{stated.tag.name}' in {display} (line {stated.tag.line})",
        )
