"""plugins/parallel_markdown: Markdown converted in forked workers gives the site a
serial build gives, the work really is spread over processes, the content cache
still decides what is read, and broken articles fail as they always did."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from plugins.parallel_markdown import plugin
from plugins.parallel_markdown.plugin import MarkdownReader as PrerenderingReader
from plugins.parallel_markdown.render import render_file
from tests.conftest import REPO, BuiltSite, FixtureSite, article_text
from warta import filestate
from warta.parallel import WorkerError

ARTICLES = 80
TAGS = ["Pilkada Serentak 2024", "Pemilu 2024", "Kampanye", "Coklit", "Patroli Pengawasan"]
SETTINGS_WITH_PLUGIN = """\
import sys

sys.path.insert(0, {repo!r})

from pelicanconf import *  # noqa: F403

PLUGINS = [*PLUGINS, "parallel_markdown"]  # noqa: F405
"""
# The plugin's --verbose line, e.g. "parallel_markdown: ArticlesGenerator: 82 of 82
# Markdown files need reading; pre-rendered 81 in 2 processes (pid 1: 41, pid 2: 40) in 0.3 s"
PLUGIN_LINE = re.compile(
    r"^parallel_markdown: (?P<generator>\w+): (?P<needed>\d+) of (?P<listed>\d+) Markdown "
    r"files need reading; (?:pre-rendered (?P<done>\d+) in \d+ processes "
    r"\((?P<pids>[^)]*)\)|(?P<serial>.*read one by one))",
    re.M,
)


def body(number: int) -> str:
    """Markdown that exercises per-file state: footnotes, abbreviations, smart quotes."""
    return f"""\
        PALEMBANG – Bawaslu Kota Palembang menggelar rapat ke-{number} di Kecamatan Ilir
        Barat I bersama "PPK" dan pengawas TPS.[^catatan]

        | Kecamatan | TPS |
        |-----------|-----|
        | Ilir Barat I | {number + 10} |

        1. Patroli pengawasan -- pagi
        2. Coklit ulang...

        > "Kami siap," kata Ketua Bawaslu.

        [^catatan]: Catatan kaki artikel {number}.

        *[TPS]: Tempat Pemungutan Suara
        """


def write_site(site: FixtureSite) -> None:
    for number in range(ARTICLES):
        site.article(
            f"{2024 + number % 2}/artikel-{number:03d}.md",
            title=f"Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan Nomor {number}",
            slug=f"rapat-koordinasi-{number:03d}",
            date=f"2024-{1 + number % 12:02d}-{1 + number % 28:02d} {number % 24:02d}:15",
            tags=", ".join(TAGS[number % 5 : number % 5 + 1 + number % 3]),
            summary=(
                f'Rapat *koordinasi* nomor {number} membahas "pengawasan" tahapan '
                f"pemilihan di Kota Palembang -- lengkap."
            ),
            body=body(number),
        )
    for number in range(3):
        site.page(
            f"halaman-{number}.md",
            f"Title: Halaman Informasi Nomor {number}\nSlug: halaman-{number}\n\n"
            f'Informasi "publik" nomor {number}.[^a]\n\n[^a]: Catatan halaman.\n',
        )
    # A date Pelican cannot parse: Markdown converts it fine in a worker, the
    # metadata parsing in the parent fails.
    site.article("rusak-tanggal.md", article_text(date="2024-13-45 09:30", slug="rusak-tanggal"))
    # Not UTF-8: the worker cannot read it and leaves it to the parent's normal read.
    path = site.content / "berita" / "rusak-encoding.md"
    path.write_bytes(
        article_text(slug="rusak-encoding", body="Tanggal 17 Agustus café.").encode("latin-1")
    )


def build(site: FixtureSite, output: str, cache: str, **overrides) -> BuiltSite:
    """conftest.run_build with --verbose (the plugin reports at INFO) and the plugin added
    through a settings file that imports pelicanconf.py."""
    settings = site.root / "settings_parallel_markdown.py"
    settings.write_text(SETTINGS_WITH_PLUGIN.format(repo=str(REPO)), encoding="utf-8")
    overrides = {
        "PATH": str(site.content),
        "OUTPUT_PATH": str(site.root / output),
        "CACHE_PATH": str(site.root / cache),
        "SEARCH_ENABLED": False,  # Pagefind indexes the output; not what is tested here
        **overrides,
    }
    args = [sys.executable, "-m", "warta.build", "--verbose", "--settings", str(settings)]
    for key, value in overrides.items():
        args += ["-e", f"{key}={json.dumps(value)}"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("WARTA_DEBUG", None)
    proc = subprocess.run(args, cwd=REPO, capture_output=True, text=True, timeout=900, env=env)
    return BuiltSite(proc.returncode, proc.stdout + proc.stderr, site.root / output, site.content)


def plugin_lines(built: BuiltSite) -> dict[str, re.Match]:
    return {m["generator"]: m for m in PLUGIN_LINE.finditer(built.log)}


def article_pages(built: BuiltSite) -> list[str]:
    return [f for f in built.files() if f.startswith("berita/") and f.endswith("index.html")]


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> SimpleNamespace:
    """One site built cold in parallel, cold serially, then warm after two edits."""
    site = FixtureSite(tmp_path_factory.mktemp("parallel_markdown"))
    write_site(site)
    # MIN_FILES=2 so the three pages take the pre-rendering path too.
    parallel = build(
        site,
        "out-parallel",
        "cache-parallel",
        PARALLEL_MARKDOWN_WORKERS=2,
        PARALLEL_MARKDOWN_MIN_FILES=2,
    )
    serial = build(site, "out-serial", "cache-serial", PARALLEL_MARKDOWN_WORKERS=1)

    edited = {}
    for number in (7, 42):
        title = f"Judul Baru Rapat Koordinasi Pengawasan Nomor {number}"
        site.article(
            f"{2024 + number % 2}/artikel-{number:03d}.md",
            title=title,
            slug=f"rapat-koordinasi-{number:03d}",
            date=f"2024-{1 + number % 12:02d}-{1 + number % 28:02d} {number % 24:02d}:15",
            body=body(number),
        )
        edited[f"rapat-koordinasi-{number:03d}"] = title
    warm = build(
        site,
        "out-warm",
        "cache-parallel",
        PARALLEL_MARKDOWN_WORKERS=2,
        PARALLEL_MARKDOWN_MIN_FILES=1,
    )
    return SimpleNamespace(parallel=parallel, serial=serial, warm=warm, edited=edited)


def test_parallel_build_writes_the_serial_build_byte_for_byte(builds):
    parallel, serial = builds.parallel, builds.serial
    pages = article_pages(parallel)
    assert len(pages) == ARTICLES, parallel.log
    assert article_pages(serial) == pages
    static_pages = [f"halaman-{n}/index.html" for n in range(3)]
    for relative in pages + static_pages:
        assert (parallel.output / relative).read_bytes() == (
            serial.output / relative
        ).read_bytes(), relative

    # Metadata as Pelican parsed it: dates, tags, Summary: converted with Markdown.
    items = {item["url"]: item for item in parallel.json("feed.json")["items"]}
    assert items == {item["url"]: item for item in serial.json("feed.json")["items"]}
    item = items["/berita/2024/12/rapat-koordinasi-011/"]
    assert item["date_published"] == "2024-12-12T11:15:00+07:00"
    assert item["tags"] == ["Pemilu 2024", "Kampanye", "Coklit"]
    # feed.json's summary is plain text (JSON Feed 1.1); the Atom feed keeps the HTML.
    assert "<" not in item["summary"] and "“pengawasan”" in item["summary"]  # smarty
    atom = BeautifulSoup(parallel.text("feed.xml"), "xml")
    entry = next(
        e for e in atom.find_all("entry") if e.link["href"].endswith("/rapat-koordinasi-011/")
    )
    summary = BeautifulSoup(entry.summary.get_text(), "lxml")
    assert summary.find("em").get_text() == "koordinasi"
    assert "“pengawasan”" in summary.get_text()  # smarty, as in a serial read


def test_each_article_keeps_its_own_footnotes_and_abbreviations(builds):
    page = builds.parallel.html("berita/2024/12/rapat-koordinasi-011/")
    content = page.find(id="fn:catatan")
    assert content is not None, page
    assert "Catatan kaki artikel 11." in content.get_text()
    titles = {a.get_text(): a["title"] for a in page.find_all("abbr")}
    assert titles == {"TPS": "Tempat Pemungutan Suara"}


def test_markdown_was_converted_in_more_than_one_process(builds):
    lines = plugin_lines(builds.parallel)
    articles = lines["ArticlesGenerator"]
    # 80 articles and 2 broken ones; the one that is not UTF-8 fails in the worker.
    assert (articles["needed"], articles["listed"], articles["done"]) == ("82", "82", "81")
    per_pid = Counter(
        {pid: int(count) for pid, count in re.findall(r"pid (\d+): (\d+)", articles["pids"])}
    )
    assert len(per_pid) >= 2, articles[0]
    assert sum(per_pid.values()) == 81
    assert min(per_pid.values()) >= 30  # shared out, not one process doing it all
    assert lines["PagesGenerator"]["done"] == "3"

    serial = plugin_lines(builds.serial)["ArticlesGenerator"]
    assert serial["done"] is None and "one worker" in serial["serial"]


def test_warm_rebuild_prerenders_only_what_the_cache_does_not_hold(builds):
    warm = builds.warm
    lines = plugin_lines(warm)
    # The two edited articles and the two broken ones (never cached), nothing else.
    articles = lines["ArticlesGenerator"]
    assert (articles["needed"], articles["listed"], articles["done"]) == ("4", "82", "3")
    # Every page came from the article cache: Pelican read none, so the pages
    # generator's preread signal (where the plugin looks) never came.
    assert "PagesGenerator" not in lines
    for slug, title in builds.edited.items():
        month = 1 + int(slug[-3:]) % 12
        page = warm.html(f"berita/2024/{month:02d}/{slug}/")
        assert page.find("h1").get_text(strip=True) == title
    assert len(article_pages(warm)) == ARTICLES


def test_broken_articles_give_the_errors_of_a_serial_build(builds):
    parallel, serial = builds.parallel, builds.serial
    assert parallel.returncode == serial.returncode == 1
    errors = sorted(parallel.log_lines("error"))
    assert errors == sorted(serial.log_lines("error"))
    # One line each, with the line to fix (Pelican's "Could not process" is folded in).
    unreadable = [e for e in errors if "rusak" in e]
    assert len(unreadable) == 2, errors
    assert any(e.startswith("berita/rusak-tanggal.md:2: impossible Date") for e in unreadable)
    assert any(
        e.startswith("berita/rusak-encoding.md:9: not UTF-8 text") and "save the file as UTF-8" in e
        for e in unreadable
    ), unreadable
    assert not any("rusak" in f for f in parallel.files())


def pelican_settings(content: Path) -> dict:
    from pelican.settings import read_settings

    return read_settings(str(REPO / "pelicanconf.py"), override={"PATH": str(content)})


def test_reader_matches_pelicans_reader_and_drops_a_stale_rendering(tmp_path):
    from pelican.readers import MarkdownReader

    source = tmp_path / "berita.md"
    # A BOM, Windows line ends, a summary that looks like a metadata line.
    text = article_text(
        summary="Catatan: rapat *pleno* dibuka", body='Isi "rapat".[^1]\n\n[^1]: Kaki.'
    )
    source.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))

    serial = MarkdownReader(pelican_settings(tmp_path))
    reader = PrerenderingReader(pelican_settings(tmp_path))
    rendered = render_file(
        str(source), reader.settings["MARKDOWN"], reader.settings["FORMATTED_FIELDS"]
    )
    assert rendered is not None
    reader.prerendered[str(source)] = rendered
    expected_html, expected_metadata = serial.read(str(source))
    html, metadata = reader.read(str(source))
    assert html == expected_html
    assert metadata == expected_metadata
    assert BeautifulSoup(metadata["summary"], "lxml").find("em").get_text() == "pleno"

    # A worker result is used only while the file is what the worker read, and
    # only when the worker converted every formatted field Pelican asks for.
    reader.prerendered[str(source)] = rendered._replace(html="<p>dari pekerja</p>")
    html, _ = reader.read(str(source))
    assert BeautifulSoup(html, "lxml").get_text() == "dari pekerja"
    reader.prerendered[str(source)] = rendered._replace(html="<p>dari pekerja</p>", formatted={})
    assert reader.read(str(source)) == (expected_html, expected_metadata)
    reader.prerendered[str(source)] = rendered._replace(html="<p>dari pekerja</p>")
    source.write_text(article_text(body="Isi yang diperbarui."), encoding="utf-8")
    html, _ = reader.read(str(source))
    assert BeautifulSoup(html, "lxml").get_text(strip=True) == "Isi yang diperbarui."


def test_files_converted_one_after_another_in_a_worker_leave_nothing_to_the_next(tmp_path):
    """A worker reuses its Markdown instances (reset between files): every file
    still reads exactly as Pelican's reader reads it alone, whatever the files
    before it defined (footnotes, abbreviations, link references, raw HTML,
    metadata), and a file that fails does not spoil the next one."""
    from pelican.readers import MarkdownReader

    bodies = [
        "Rapat di TPS.[^a]\n\n[^a]: Kaki pertama.\n\n*[TPS]: Tempat Pemungutan Suara",
        "Tanpa catatan; TPS tetap teks biasa. Lihat [tautan][ref].\n\n[ref]: https://bawaslu.go.id",
        'Lagi [tautan][ref] tanpa definisi.[^a]\n\n<div markdown="1">*miring*</div>',
        "Catatan kedua.[^a][^b]\n\n[^a]: Satu.\n[^b]: Dua.\n\n| a | b |\n|---|---|\n| 1 | 2 |",
        "“Kutipan” -- dan ... *biasa*.",
    ]
    settings = pelican_settings(tmp_path)
    serial = MarkdownReader(settings)
    reader = PrerenderingReader(pelican_settings(tmp_path))
    sources = []
    for number, body in enumerate(bodies):
        summary = f"Ringkasan *{number}*" if number % 2 else None
        source = tmp_path / f"berita-{number}.md"
        source.write_text(article_text(summary=summary, body=body), encoding="utf-8")
        sources.append(source)
    broken = tmp_path / "rusak.md"
    broken.write_bytes("Title: Kafe\n\ncafé [^a]".encode("latin-1"))
    order = [*sources[:2], broken, *sources[2:], *sources]  # each file twice, after others
    rendered = [
        render_file(str(s), reader.settings["MARKDOWN"], reader.settings["FORMATTED_FIELDS"])
        for s in order
    ]
    assert rendered[2] is None
    for source, result in zip(order, rendered, strict=True):
        if source == broken:
            continue
        reader.prerendered[str(source)] = result
        expected_html, expected_metadata = serial.read(str(source))
        assert reader.read(str(source)) == (expected_html, expected_metadata), source.name
    notes = BeautifulSoup(rendered[1].html, "lxml")
    assert notes.find("abbr") is None and notes.find(class_="footnote") is None
    assert notes.find("a")["href"] == "https://bawaslu.go.id"
    third = BeautifulSoup(rendered[3].html, "lxml")
    assert third.find("a", href="https://bawaslu.go.id") is None  # [ref] was file 2's


def test_a_file_that_fails_in_a_worker_comes_back_empty(tmp_path):
    source = tmp_path / "rusak.md"
    source.write_bytes("Title: Kafe\n\ncafé".encode("latin-1"))
    settings = pelican_settings(tmp_path)
    PrerenderingReader(settings)  # fills in MARKDOWN's extensions, as Readers does
    assert render_file(str(source), settings["MARKDOWN"], ["summary"]) is None
    assert render_file(str(tmp_path / "hilang.md"), settings["MARKDOWN"], ["summary"]) is None


class FakeGenerator:
    """What `prerender` uses of an ArticlesGenerator (no content cache)."""

    def __init__(self, content: Path, reader) -> None:
        self.path = str(content)
        self.settings = reader.settings
        self.readers = SimpleNamespace(
            readers={"md": reader}, get_cached_data=lambda path, default: default
        )

    def get_files(self, paths, exclude=None):
        return {str(p.relative_to(self.path)) for p in Path(self.path).rglob("*.md")}


def test_failed_workers_leave_every_file_to_the_normal_read(tmp_path, monkeypatch, caplog):
    for number in range(4):
        (tmp_path / f"artikel-{number}.md").write_text(article_text(), encoding="utf-8")
    settings = pelican_settings(tmp_path)
    settings.update(PARALLEL_MARKDOWN_WORKERS=2, PARALLEL_MARKDOWN_MIN_FILES=4)
    reader = PrerenderingReader(settings)

    def killed(function, items, workers):
        raise WorkerError("worker 123 ended without a result (wait status 9)")

    monkeypatch.setattr(plugin, "fork_map", killed)
    plugin.articles_preread(FakeGenerator(tmp_path, reader))
    assert reader.prerendered == {}
    assert [r.levelname for r in caplog.records if r.name == plugin.logger.name] == ["WARNING"]
    _, metadata = reader.read(str(tmp_path / "artikel-0.md"))
    assert metadata["title"] == "Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan"

    # The same files with working workers are all pre-rendered.
    monkeypatch.undo()
    reader = PrerenderingReader(settings)
    plugin.articles_preread(FakeGenerator(tmp_path, reader))
    assert sorted(reader.prerendered) == sorted(str(p) for p in tmp_path.glob("*.md"))


# -- inline patterns left out where they cannot match (inline.py) ----------------------

# One snippet per thing an inline pattern (or a processor around them) turns
# into HTML, and text that looks like Python-Markdown's own placeholders.
SNIPPETS = [
    "kode `x = 1` dan ``a ` b``",
    r"lolos \*bukan miring\* dan \\ garis miring",
    "catatan kaki[^1]\n\n[^1]: Isi catatan.",
    "tautan [rujukan][r] dan [r]\n\n[r]: https://bawaslu.go.id",
    "tautan [sebaris](https://sumsel.bawaslu.go.id 'judul')",
    "![foto](images/a.jpg) dan ![rujukan foto][f]\n\n[f]: images/b.jpg",
    "<https://bawaslu.go.id> dan <humas@bawaslu.go.id>",
    "baris patah  \nberikutnya",
    'HTML <span class="x">sebaris</span> dan <br>',
    "entitas &amp; &copy; &#8212; &#x2014;",
    "*miring* **tebal** ***keduanya*** _garis_ __bawah__ * lepas *",
    "\"kutip\" 'tunggal' don't '90s -- --- ... << >>",
    "*[TPS]: Tempat Pemungutan Suara\n\nDi TPS 5.",
    "Judul {: #anchor .kelas }\n\nParagraf {: .kelas }",
    "| a | b |\n|---|---|\n| `1` | *2* |",
    "teks biasa tanpa tanda apa pun",
    "klzzwxh:0 wzxhzdk:1 qq3936677670287331zz \x02 \x03",
    '<div markdown="1">*di dalam* [t](u)</div>',
    "~~~\n`bukan kode` *bukan miring*\n~~~",
    # smarty's runs, and runs the file holds only once a preprocessor has
    # taken out what stood between their characters (a control character, a
    # soft hyphen): the text is read as the inline processors get it
    "jeda -- dan --- lalu ... titik",
    "tanda -\x07- dan -\u00ad- serta .\x1b.. dan '\x07\"",
    "awal 'kutipan' dan \"ganda\" setelah spasi",
    # blocks: a quote, headers, a definition list, a setext header, and the
    # same marks where they make no block
    "> kutipan blok\n> baris dua\n\nlalu #tagar dan a > b",
    "# Judul\n\n## Sub ##\n\nJudul Setext\n============",
    "Istilah\n:   definisinya\n\nWaktu: Senin",
    '<div markdown="1">\n> di dalam\n\n# judul\n</div>',
    "teks [^\x07catatan]:\x07 bukan definisi dan *\x07[X]: y",
]


def test_a_document_converts_the_same_with_only_the_patterns_that_can_match(tmp_path):
    """The worker leaves out, per document, the inline patterns that cannot
    match in it: every mix of the snippets must give what a fresh Markdown
    instance with every pattern gives (with the extensions the reader loads:
    extra's and smarty's patterns included), and a plain paragraph must really
    be converted with fewer patterns (else the speed-up is gone unnoticed)."""
    import random

    from markdown import Markdown

    from plugins.parallel_markdown.blocks import BlockFilter
    from plugins.parallel_markdown.inline import InlineFilter

    settings = pelican_settings(tmp_path)
    PrerenderingReader(settings)  # fills in MARKDOWN's extensions, as Readers does
    config = settings["MARKDOWN"]
    assert {"markdown.extensions.extra", "markdown.extensions.smarty"} <= set(config["extensions"])
    md = Markdown(**config)
    block_filter = BlockFilter(md)
    inline_filter = InlineFilter(md)
    rng = random.Random(16)
    documents = [*SNIPPETS, "\n\n".join(SNIPPETS)]
    documents += [
        rng.choice(["\n\n", " ", "\n", ""]).join(rng.sample(SNIPPETS, rng.randint(1, 4)))
        for _ in range(400)
    ]
    for document in documents:
        expected = Markdown(**config).convert(document)
        assert inline_filter.convert(document) == expected, document

    kept: list[set[str]] = []
    original = inline_filter.registry_for

    def spy(index, text):
        registry = original(index, text)
        kept.append(set(registry._data))
        return registry

    blocks: list[set[str]] = []
    original_blocks = block_filter.registry_for

    def block_spy(text):
        registry = original_blocks(text)
        blocks.append(set(registry._data))
        return registry

    inline_filter.registry_for = spy
    block_filter.registry_for = block_spy
    inline_filter.convert("teks biasa tanpa tanda apa pun")
    assert {"quote", "hashheader", "footnote", "abbr", "reference", "table"}.isdisjoint(*blocks)
    assert {"paragraph", "olist", "ulist", "indent"} <= blocks[0]
    assert md.parser.blockprocessors is block_filter.full
    names = set().union(*kept)
    assert len(kept) == len(inline_filter.processors) == 2  # extra's and smarty's processors
    assert {"link", "backtick", "html", "entity", "em_strong"}.isdisjoint(names)
    assert {"smarty-en-dashes", "smarty-em-dashes", "smarty-ellipses"}.isdisjoint(names)
    assert {"smarty-quotes-7", "smarty-quotes-11"}.isdisjoint(names)  # they begin with a space
    every = {name for one in inline_filter.processors for name in one.full._data}
    after = {
        name for one in inline_filter.processors for name in one.processor.inlinePatterns._data
    }
    assert after == every


@pytest.mark.parametrize(
    ("pattern", "runs"),
    [
        (r"(?<!-)--(?!-)", ("--",)),
        (r"(?<!\.)\.{3}(?!\.)", ("...",)),
        (r"(\s|&nbsp;|--|–)'(?=\w)", ("'",)),
        (r"ab+c", ("ab", "c")),  # one b for certain, then any number
        (r"a(?:bc)d", ("abcd",)),
        (r"a(bc)d", ("a", "bc", "d")),  # a group ends a run: kept short is safe
        (r"a(?:b|c)d", ("a", "d")),
        (r"x?y", ("y",)),
        (r"x*", ()),
        (r"(?i)dpt", ()),  # case-insensitive: nothing known
        (r"a(?i:b)c", ("a", "c")),
    ],
)
def test_what_every_match_of_an_inline_pattern_contains(pattern, runs):
    from plugins.parallel_markdown.inline import required_runs

    assert required_runs(re.compile(pattern)) == runs


@pytest.mark.parametrize(
    ("pattern", "first"),
    [
        (r"\[\^([^\]]*)\]", "["),
        (r"(?<!\!)\[", "["),
        (r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)(`+)(.+?)(?<!`)\2(?!`))", "\\`"),
        (r"((^|(?<=\s))(\*{1,3}|_{1,3})(?=\s|$))", "*_"),
        (r"[a-c]x", "abc"),
        (r"(?<!-)---(?!-)", "-"),
        (r"a?b", "ab"),  # an optional first part: what follows may begin a match too
        (r"x*", None),  # a match may be empty
        (r"(?i)dpt", None),  # case-insensitive
        (r"\w+", None),  # a category
        (r"[^<]", None),  # a negated class
        (r".", None),
        (r"(a)\1", "a"),
    ],
)
def test_what_an_inline_pattern_may_begin_with(pattern, first):
    from plugins.parallel_markdown.inline import first_characters

    found = first_characters(re.compile(pattern, re.DOTALL))
    assert found == (None if first is None else frozenset(first))


@pytest.mark.parametrize(
    "written",
    [
        "2026-11-20",
        "2026-11-20 09:30",
        "2026-11-20T09:30",
        "2026-11-20 09:30:15",
        "2026-11-20 09:30:15.250",
        " 2026-11-20 09:30 ",
        "2026-11-20_09:30",
        "2026-11-20  09:30",
        "2026-11-20 9:30",
        "2026-11-20 09:30 +07:00",
        "2026-11-20T09:30:00Z",
        "2024-02-29 23:59",
    ],
)
@pytest.mark.parametrize("key", ["date", "modified"])
def test_dates_are_read_to_the_time_pelicans_dateutil_reads(key, written):
    """The reader's own reading of the plain ISO forms gives what Pelican's
    dateutil gives (value, zone and type) from the value handed to it; every
    other form is Pelican's."""
    from pelican.readers import METADATA_PROCESSORS
    from pelican.settings import DEFAULT_CONFIG

    from warta.dates import date_for_pelican

    def outcome(read):
        try:
            value = read()
        except ValueError:  # "Modified: 2026-11-20_09:30": Pelican reads only Date: so
            return "not a date"
        return type(value), value, value.tzinfo

    reader = PrerenderingReader({**DEFAULT_CONFIG})
    pelicans = METADATA_PROCESSORS[key]
    assert outcome(lambda: reader.process_metadata(key, written)) == outcome(
        lambda: pelicans(date_for_pelican(written), DEFAULT_CONFIG)
    )


def test_a_settled_file_is_not_read_and_hashed_again_while_its_stat_holds(tmp_path, monkeypatch):
    """The parent read and hashed every file the workers had read, to tell it
    had not changed since: a file last changed well before the workers read
    it (`warta.filestate.SETTLED_NS`) is told by its stat, noted before they read it; a file
    changed since, by its stat, is read again the normal way."""
    source = tmp_path / "berita.md"
    source.write_text(article_text(body="Isi dari pekerja."), encoding="utf-8")
    assert plugin.settled_stats([str(source)]) == {}  # just written: not settled yet
    monkeypatch.setattr(filestate, "SETTLED_NS", -(10**15))  # (a file of days ago)
    reader = PrerenderingReader(pelican_settings(tmp_path))
    rendered = render_file(
        str(source), reader.settings["MARKDOWN"], reader.settings["FORMATTED_FIELDS"]
    )
    digested = []
    file_digest = plugin.file_digest
    monkeypatch.setattr(
        plugin, "file_digest", lambda path: digested.append(path) or file_digest(path)
    )

    reader.prerendered[str(source)] = rendered._replace(html="<p>dari pekerja</p>")
    reader.settled = plugin.settled_stats([str(source)])
    html, _ = reader.read(str(source))
    assert BeautifulSoup(html, "lxml").get_text() == "dari pekerja"
    assert digested == []

    reader.prerendered[str(source)] = rendered._replace(html="<p>dari pekerja</p>")
    reader.settled = plugin.settled_stats([str(source)])
    source.write_text(article_text(body="Isi yang diperbarui."), encoding="utf-8")
    html, _ = reader.read(str(source))
    assert BeautifulSoup(html, "lxml").get_text(strip=True) == "Isi yang diperbarui."
    assert digested == [str(source)]
