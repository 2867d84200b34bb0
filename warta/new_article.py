"""`invoke new`: write a new release with complete front matter (no Pelican import).

The slug and the comment-thread id are written here, once, so the article's
address and its comments survive later edits of its title or date. The author
is the office that publishes for the region ("Humas Bawaslu Kabupaten Musi
Rawas" for the kabupaten and its kecamatan), spelled as earlier releases of
that office spell it. `Summary:` is written only when given: otherwise the
build takes the lead paragraph (plugins/release_defaults).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import functools
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from warta.frontmatter import parse_lines, pelican_list
from warta.paths import long_name
from warta.source_checks import Rules, check_source, parse_source
from warta.text import slugify

OFFICE_AUTHOR_PREFIX = "Humas Bawaslu "
NO_REGION = (
    'no region: add --wilayah "Kota Palembang" (name, alias or code; '
    "several separated by commas, as in Region:)"
)


# What each front-matter key of a new release was given as, to name it in a refusal.
GIVEN_AS = {
    "title": "the title",
    "author": "--penulis",
    "summary": "--ringkasan",
    "tags": "--tag",
    "region": "--wilayah",
    "category": "--rubrik",
}


class NewArticleError(Exception):
    """Something the writer must change; the message says what."""


@dataclass(frozen=True)
class RegionChoice:
    """A resolved `--wilayah`: the front-matter value and the author of its office."""

    value: str
    author: str = ""


@dataclass(frozen=True)
class NewArticle:
    title: str
    region: str  # canonical region value as written in front matter
    category: str
    author: str
    tags: tuple[str, ...]
    when: dt.datetime
    slug: str
    thread: str
    summary: str = ""

    def front_matter(self) -> str:
        lines = [
            f"Title: {self.title}",
            f"Date: {self.when:%Y-%m-%d %H:%M}",
            f"Slug: {self.slug}",
            f"Category: {self.category}",
            f"Author: {self.author}",
            f"Region: {self.region}",
        ]
        if self.tags:
            # "Divisi Pencegahan, Partisipasi …" is one tag: a list with it is
            # written with semicolons, where Pelican then splits it.
            lines.append(f"Tags: {pelican_list(list(self.tags))}")
        if self.summary:
            lines.append(f"Summary: {self.summary}")
        lines.append(f"Thread: {self.thread}")
        return "\n".join(lines) + "\n\n"

    def relative_path(self) -> Path:
        return Path("berita") / f"{self.when:%Y}" / f"{self.when:%Y-%m-%d}-{self.slug}.md"


def heads(content: Path) -> Iterable[tuple[Path, str]]:
    """(file, its first 4,000 characters: the front matter) for every Markdown
    file the build reads: not a link (the build refuses one, and a dangling
    one cannot be read), a folder named like a file, or a file that cannot be
    read (the build says why of each)."""
    for path in sorted(content.rglob("*.md")):
        if path.is_symlink() or not path.is_file():
            continue
        try:
            with path.open(encoding="utf-8", errors="replace") as handle:
                head = handle.read(4000)
        except OSError:
            continue
        yield path, head


def existing_slugs(content: Path) -> dict[str, Path]:
    """Slug → file for every Markdown file under content/, as the build reads
    it: its `Slug:` (a YAML block's `slug: "…"` without its quotes), else the
    slug the build gives it from its title (a release pasted without one)."""
    slugs = {}
    for path, head in heads(content):
        source = parse_source(path.name, head)
        slug = source.value("slug").strip() or slugify(source.value("title"))
        if slug:
            slugs.setdefault(slug, path)
    return slugs


def author_counts(values: Iterable[str]) -> Counter:
    """How often each author occurs among Author: values, its spaces made one."""
    return Counter(name for value in values if (name := " ".join(value.split())))


def existing_authors(content: Path) -> Counter:
    """How often each author occurs under content/: the front matter's
    `Author:` or `Penulis:`, as the build reads it (not a line of the text)."""
    return author_counts(
        parse_lines(head.splitlines(), flags_below=False).value("author")
        for _path, head in heads(content)
    )


def declared_authors(contents) -> Counter:
    """`existing_authors` from contents the build has read (objects with
    `authors` and the keys their file declared, `warta_declared`): only an
    author the file names counts, not the site's AUTHOR Pelican gave the others."""
    return Counter(
        name
        for content in contents
        if {"author", "authors"} & set(getattr(content, "warta_declared", ()) or ())
        for author in getattr(content, "authors", None) or ()
        if (name := " ".join(str(getattr(author, "name", author)).split()))
    )


def office_unit(lineage: list) -> object:
    """The unit whose office publishes for the last unit of `lineage` (province
    down to the unit: objects with `level`): a kecamatan's kabupaten/kota, else
    the unit itself."""
    unit = lineage[-1]
    if unit.level == "kecamatan" and len(lineage) > 1:
        return lineage[-2]
    return unit


def office_author(unit) -> str:
    """'Humas Bawaslu Kabupaten Musi Rawas', 'Humas Bawaslu Provinsi Sumatera Selatan'."""
    name = " ".join(unit.name.split())
    if unit.level == "provinsi" and not name.lower().startswith("provinsi "):
        name = f"Provinsi {name}"
    return OFFICE_AUTHOR_PREFIX + name


def region_value(unit) -> str:
    """What `Region:` gets for a unit: the official name, or the code of a
    kecamatan (kecamatan names repeat across Indonesia; codes cannot)."""
    return unit.code if unit.level == "kecamatan" else unit.name


def office_code_resolver(gazetteer, home: str | None) -> Callable[[str], str | None]:
    """`code_of` for `house_spelling`: an office name ("Kota Pagaralam", "Provinsi
    Sumatera Selatan") → its region code, by official names and aliases only."""
    from warta.regions.gazetteer import TIER_ALIAS, TIER_OFFICIAL

    levels = ("provinsi", "kabupaten", "kota")

    @functools.cache
    def code_of(office: str) -> str | None:
        found = gazetteer.resolve(
            office, home=home, tiers=(TIER_OFFICIAL, TIER_ALIAS), levels=levels
        )
        return found.unit.code if found.unit else None

    return code_of


def region_author(
    gazetteer,
    unit,
    authors: Counter,
    code_of: Callable[[str], str | None],
    home: str | None = None,
) -> str:
    """The author for a release about `unit`: its office's humas, spelled as
    earlier releases spell it; "" for a unit outside the `home` province (no
    office of this site: the site's own author then)."""
    if home and gazetteer.province_of(unit.code) != home:
        return ""
    office = office_unit(gazetteer.lineage(unit.code))
    return house_spelling(office_author(office), office.code, authors, code_of)


def house_spelling(
    default: str, code: str, authors: Counter, code_of: Callable[[str], str | None]
) -> str:
    """The office's author name as earlier releases write it ("Humas Bawaslu
    Kota Pagaralam", one author page), else `default` (the official name).

    `code_of` gives the region code an office name stands for, or None."""
    same_office = [
        (count, author)
        for author, count in authors.items()
        if author.startswith(OFFICE_AUTHOR_PREFIX)
        and code_of(author[len(OFFICE_AUTHOR_PREFIX) :]) == code
    ]
    if not same_office:
        return default
    # The most used spelling; on a tie the official one, then alphabetical.
    return min(same_office, key=lambda e: (-e[0], e[1] != default, e[1]))[1]


def office_spelling(
    gazetteer, home: str | None, authors: Counter, site_author: str = ""
) -> Callable[[str], str | None]:
    """For an author name that is an office's humas, however the office is
    spelled ("Humas Bawaslu Lahat", "Humas Bawaslu Kab. Lahat"), the name the
    build credits that office's releases with: as most of them write it,
    else the official one (`house_spelling`, as release_defaults supplies
    it), the province's the site's `site_author` when that names it; None
    for any other name and for an office outside the `home` province."""
    code_of = office_code_resolver(gazetteer, home)

    def spelling(name: str) -> str | None:
        if not name.startswith(OFFICE_AUTHOR_PREFIX):
            return None
        code = code_of(name[len(OFFICE_AUTHOR_PREFIX) :])
        if code is None:
            return None
        if home and gazetteer.province_of(code) != home:
            return None
        office = office_unit(gazetteer.lineage(code))
        if (
            office.level == "provinsi"
            and site_author.startswith(OFFICE_AUTHOR_PREFIX)
            and code_of(site_author[len(OFFICE_AUTHOR_PREFIX) :]) == office.code
        ):
            return site_author  # (the releases with no Author: are credited so)
        return house_spelling(office_author(office), office.code, authors, code_of)

    return spelling


def rubrik_named(value: str, rubrik: tuple[str, ...]) -> str:
    """The rubrik `--rubrik` names, however its case, spaces and hyphens are
    typed ("siaran-pers" → "Siaran Pers"); NewArticleError naming the closest
    when it names none."""
    by_key = {slugify(name, limit=None): name for name in rubrik}
    found = by_key.get(slugify(value, limit=None))
    if found:
        return found
    close = difflib.get_close_matches(slugify(value, limit=None), list(by_key), n=1, cutoff=0.6)
    hint = f"did you mean '{by_key[close[0]]}'? " if close else ""
    raise NewArticleError(f"unknown rubrik {value!r} ({hint}use one of: {', '.join(rubrik)})")


def prepare(
    title: str,
    *,
    region: str,
    category: str,
    author: str,
    tags: Iterable[str],
    rubrik: Iterable[str],
    resolve_region: Callable[[str], str | RegionChoice],
    resolve_tag: Callable[[str], str],
    content: Path,
    now: dt.datetime | None = None,
    timezone: str = "Asia/Jakarta",
    default_author: str = "Humas",
    summary: str = "",
    rules: Rules | None = None,
    checks: Iterable[tuple[str, Callable[[str], str | None]]] = (),
) -> NewArticle:
    """Validate everything first; raise NewArticleError with a fix on the first problem.

    `resolve_region` / `resolve_tag` return the canonical value (a region also
    as a RegionChoice naming its office's author) or raise NewArticleError
    naming the closest matches. The author is `author` when given, else the
    region's office, else `default_author`. What the build would then warn
    about in the front matter (`rules`, the site's CONTENT_LINT_* ones, and
    `checks`: `written_problem`) is refused too: a strict build fails on it.
    """
    rules = rules or Rules()
    title = " ".join(title.split())
    if len(title) < rules.title_min:
        raise NewArticleError(
            f"title too short: {title!r} is {len(title)} characters "
            f"(write the full headline, {rules.title_min} to {rules.title_max} characters)"
        )
    if len(title) > rules.title_max:
        raise NewArticleError(
            f"title too long: {len(title)} characters (keep the headline under {rules.title_max})"
        )
    author = " ".join(author.split())
    if author and not slugify(author, limit=None):
        raise NewArticleError(
            f"author {author!r} has no letter or digit to make its page's address from "
            "(write a name, or leave --penulis out for the region's office)"
        )
    if long_name(slugify(author, limit=None)):
        raise NewArticleError(
            f"author too long: {len(author)} characters (write the name as short as "
            "the office's name)"
        )
    if not region.strip():
        raise NewArticleError(NO_REGION)
    category = rubrik_named(category, tuple(rubrik))
    resolved = resolve_region(region)
    if not isinstance(resolved, RegionChoice):
        resolved = RegionChoice(resolved)
    summary = " ".join(summary.split())
    canonical_tags = tuple(dict.fromkeys(resolve_tag(tag) for tag in tags if tag.strip()))
    slug = slugify(title)
    if not slug:
        raise NewArticleError(
            f"cannot make an address from the title {title!r} (write the headline in words)"
        )
    taken = existing_slugs(content)
    if slug in taken:
        raise NewArticleError(
            f"the slug {slug!r} is already used by "
            f"{Path(content.name, taken[slug].relative_to(content)).as_posix()} "
            "(change the title so the address differs)"
        )
    when = (now or dt.datetime.now(dt.UTC)).astimezone(ZoneInfo(timezone)).replace(tzinfo=None)
    article = NewArticle(
        title=title,
        region=resolved.value,
        category=category,
        author=author or resolved.author or default_author,
        tags=canonical_tags,
        when=when.replace(second=0, microsecond=0),
        slug=slug,
        thread=uuid.uuid4().hex,
        summary=summary,
    )
    problem = written_problem(article, rules, checks)
    if problem:
        raise NewArticleError(problem)
    if (content / article.relative_path()).exists():
        raise NewArticleError(f"{content / article.relative_path()} already exists")
    return article


def written_problem(
    article: NewArticle,
    rules: Rules,
    checks: Iterable[tuple[str, Callable[[str], str | None]]] = (),
) -> str | None:
    """What the build would warn about or refuse in the front matter `article`
    writes (the build's source checks, with `rules`, then `checks`: (key, a
    function of its value giving the build's words, "message (suggestion)",
    or None)), named by the value given: the first problem, or None. A file
    `invoke new` writes must pass a strict build once its text is added."""
    # (a line of text below it, as the writer adds: no "no body" finding)
    text = article.front_matter() + "Teks rilis.\n"
    source = parse_source(article.relative_path().as_posix(), text)
    values = {key: value for key, (value, _line) in source.metadata.items()}
    keys = {line: key for key, (_value, line) in source.metadata.items()}

    def named(key: str, said: str) -> str:
        return f"{GIVEN_AS.get(key, key)} {values.get(key, '')!r}: {said}"

    for finding in check_source(source, dataclasses.replace(rules, now=None)):
        if finding.level in ("error", "warning") and finding.line in keys:
            said = finding.message + (f" ({finding.suggestion})" if finding.suggestion else "")
            return named(keys[finding.line], said)
    for key, check in checks:
        said = check(values[key]) if values.get(key) else None
        if said:
            return named(key, said)
    return None


def write(article: NewArticle, content: Path) -> Path:
    path = content / article.relative_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:  # never overwrite
        handle.write(article.front_matter())
    return path
