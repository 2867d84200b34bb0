"""Jinja2 filters and globals the theme uses; registered in pelicanconf.py."""

from __future__ import annotations

import datetime as dt
import json
import math
import re

from babel.core import Locale, UnknownLocaleError, get_global
from markupsafe import Markup

from warta import dates, published
from warta.text import plain_text

_TAG_RE = re.compile(r"<[^>]+>")
WORDS_PER_MINUTE = 200


def reading_minutes(html: str) -> int:
    """Minutes to read an article body at about 200 words a minute (at least 1)."""
    words = len(_TAG_RE.sub(" ", html or "").split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


_TABLE_TAG_RE = re.compile(r"<(?P<end>/?)table\b[^>]*>", re.IGNORECASE)


def scrollable_tables(html: object) -> str:
    """A body's HTML with each outermost <table> in a box of its own that
    scrolls sideways (`.table-scroll`): a table of five columns is wider than
    a phone, and the whole page scrolled. The box is a named region a keyboard
    can reach (`tabindex="0"`, "Tabel 1" …), so it can be scrolled without a
    mouse (axe's scrollable-region-focusable). The page's own markup: the
    body is cleaned before it, and the feeds do not get it. HTML in, HTML
    out: the template marks it `| safe`."""
    text = str(html or "")
    if _TABLE_TAG_RE.search(text) is None:  # (most bodies: no copy of them made)
        return text
    parts, depth, start, number = [], 0, 0, 0
    for match in _TABLE_TAG_RE.finditer(text):
        if match["end"]:
            if depth == 0:
                continue  # a stray </table>: the parser ignores it
            depth -= 1
            if depth == 0:
                parts += [text[start : match.end()], "</div>"]
                start = match.end()
            continue
        if depth == 0:
            number += 1
            parts += [
                text[start : match.start()],
                '<div class="table-scroll" role="region" tabindex="0" '
                f'aria-label="Tabel {number}">',
            ]
            start = match.start()
        depth += 1
    if depth:  # a table never closed: the box closes where the body ends
        parts += [text[start:], "</div>"]
        start = len(text)
    return "".join(parts) + text[start:]


# Inside <script>, the HTML parser looks for `</script`, and `<!--` followed by
# `<script` switches it into a state where `</script>` no longer ends the block:
# a title could swallow the rest of the page. JSON allows `\uXXXX` escapes for
# any character, so none of these characters is left as it is.
_JSON_IN_HTML = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def json_for_html(data: object) -> str:
    """JSON that is safe inside a <script> element: no `<`, `>`
    or `&` (written as `\\u003c`, `\\u003e`, `\\u0026`); `json.loads` gives
    the same data back."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_IN_HTML)


def json_ld(data: object) -> Markup:
    """Serialise for a <script type="application/ld+json"> block (see json_for_html)."""
    return Markup(json_for_html(data))


ORGANISATION_PREFIXES = ("humas", "tim", "bawaslu", "panwaslu", "redaksi", "sekretariat")


def author_ld(name: str, url: str = "") -> dict:
    """schema.org author: press teams are Organizations, named writers Persons;
    `url`: the author's page, when there is one."""
    kind = "Organization" if name.lower().startswith(ORGANISATION_PREFIXES) else "Person"
    found = {"@type": kind, "name": name}
    if url:
        found["url"] = url
    return found


def og_locale(lang: object) -> str:
    """OpenGraph's locale (language_TERRITORY) of a language tag: 'id' →
    'id_ID', 'en' → 'en_US' (the territory CLDR finds likeliest), 'en-GB' →
    'en_GB'; '' for a tag it cannot place."""
    parts = str(lang or "").replace("-", "_").split("_")
    if not parts[0].isalpha():
        return ""
    language = parts[0].lower()
    territory = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), "")
    if not territory:
        likely = get_global("likely_subtags").get(language, "").split("_")
        territory = likely[-1] if len(likely) > 1 and len(likely[-1]) == 2 else ""
    return f"{language}_{territory}" if territory else ""


def language_name(lang: object) -> str:
    """A language's name in itself ('en' → 'English', 'id' → 'Indonesia'), as
    a link to a translation names it; the tag itself when Babel knows none."""
    tag = str(lang or "")
    try:
        locale = Locale.parse(tag.replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return tag
    return locale.get_display_name(locale) or tag


def breadcrumb_elements(items) -> list[dict]:
    """BreadcrumbList items from (label, url) pairs; the current page has no url."""
    elements = []
    for position, (label, url) in enumerate(items, start=1):
        element = {"@type": "ListItem", "position": position, "name": str(label)}
        if url:
            element["item"] = url
        elements.append(element)
    return elements


def period_date(period_num) -> dt.date:
    """First day of an archive period, for formatting YEAR/MONTH_ARCHIVE_URL."""
    year, month = period_num[0], period_num[1] if len(period_num) > 1 else 1
    return dt.date(year, month, 1)


def page_numbers(current: int, last: int, radius: int = 2) -> list[int | None]:
    """The page numbers a pagination bar shows: the first, the last and `radius`
    around the current one; None where numbers are left out ("…").

    A bar with every number is quadratic over a site (833 links on each of 833
    pages at 10,000 articles) and unusable on a phone.
    """
    shown = sorted({1, last, *range(max(1, current - radius), min(last, current + radius) + 1)})
    numbers: list[int | None] = []
    for number in shown:
        if numbers and number - numbers[-1] == 2:
            numbers.append(number - 1)  # a gap of one page: show it, not "…"
        elif numbers and number - numbers[-1] > 2:
            numbers.append(None)
        numbers.append(number)
    return numbers


FILTERS = {
    "tanggal": dates.long_date,
    "tanggal_pendek": dates.short_date,
    "tanggal_tanpa_hari": dates.date_without_day,
    "bulan_tahun": dates.month_year,
    "nama_bulan": dates.month_name,
    "jam": dates.clock_time,
    "tanggal_jam": dates.long_datetime,
    "iso": dates.iso,
    "menit_baca": reading_minutes,
    "tabel_gulir": scrollable_tables,
    "teks_polos": plain_text,
    "json_ld": json_ld,
    "author_ld": author_ld,
    "og_locale": og_locale,
    "nama_bahasa": language_name,
}
GLOBALS: dict[str, object] = {
    # `{% if not is_listed(article) %}`: hidden articles are written but found by
    # no listing, feed or search (warta.published).
    "is_listed": published.is_listed,
    "breadcrumb_elements": breadcrumb_elements,
    "period_date": period_date,
    "page_numbers": page_numbers,
}
