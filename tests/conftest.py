"""Shared fixtures: fixture sites built in temp dirs, the built sample site, a
local HTTP server and Debian's Chromium driven by Playwright.

Every build runs in a subprocess (`python -m warta.build`): Pelican's signal
connections persist inside one process, so in-process builds would leak
plugins from one test into the next.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import re
import socketserver
import subprocess
import sys
import textwrap
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from warta.findings import Finding

REPO = Path(__file__).resolve().parents[1]
# One line of the build runner: `path[:line]: level: message`, or `level: message`.
FINDING_LINE = re.compile(
    r"^(?:(?P<path>[^\s:][^:]*?)(?::(?P<line>\d+))?: )?"
    r"(?P<level>error|warning|suggestion): (?P<rest>.*)$"
)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def findings_in(text: str, level: str | None = None) -> list[Finding]:
    """The finding lines of a build's or `invoke check`'s output (of one level,
    if given), parsed: the path as printed ("" for none), the suggestion left
    in the message."""
    found = []
    for line in text.splitlines():
        match = FINDING_LINE.match(line)
        if match and (level is None or match["level"] == level):
            number = int(match["line"]) if match["line"] else None
            found.append(Finding(match["path"] or "", number, match["level"], match["rest"]))
    return found


def located_findings(text: str) -> list[tuple[str, int, str, str]]:
    """(path, line or 0, level, message) of each finding line of a build's or
    `invoke check`'s output that names a file: tuples to unpack and sort."""
    return [(f.path, f.line or 0, f.level, f.message) for f in findings_in(text) if f.path]


@dataclass
class BuiltSite:
    """The result of one build: exit code, log text and the output folder."""

    returncode: int
    log: str
    output: Path
    content: Path

    def html(self, relative: str) -> BeautifulSoup:
        """Parse output/<relative> (a folder path gets index.html)."""
        path = self.output / relative
        if relative.endswith("/") or relative == "":
            path = path / "index.html"
        assert path.exists(), f"{relative} was not written; files: {self.files()[:40]}"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")

    def json(self, relative: str):
        return json.loads((self.output / relative).read_text(encoding="utf-8"))

    def text(self, relative: str) -> str:
        return (self.output / relative).read_text(encoding="utf-8")

    def files(self) -> list[str]:
        return sorted(
            str(p.relative_to(self.output)) for p in self.output.rglob("*") if p.is_file()
        )

    def findings(self, level: str | None = None) -> list[Finding]:
        """The build's finding lines (`path[:line]: level: message (suggestion)`),
        parsed; paths are relative to the project (here: the content folder's parent)."""
        return findings_in(self.log, level)

    def log_lines(self, level: str) -> list[str]:
        """Messages of one level ("error", "warning", "suggestion") as the plugins
        word them: `path[:line]: message (suggestion)` with the path relative to
        the content folder, as plugins name articles."""
        prefix = f"{self.content.name}/"
        lines = []
        for finding in self.findings(level):
            if not finding.path:
                lines.append(finding.message)
                continue
            path = finding.path.removeprefix(prefix)
            where = f"{path}:{finding.line}" if finding.line else path
            lines.append(f"{where}: {finding.message}")
        return lines


def run_build(
    content: Path,
    output: Path,
    *,
    settings_file: Path = REPO / "pelicanconf.py",
    strict: bool = False,
    overrides: dict | None = None,
    cache: Path | None = None,
    verbose: bool = False,
    pythonpath: list[Path] | None = None,
    cwd: Path = REPO,
) -> BuiltSite:
    """`pythonpath`: folders on the Python path besides the repository (where
    pip would have installed an outside plugin); `cwd`: the working folder
    (a checkout of the site's own)."""
    overrides = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(cache or output.parent / "cache"),
        **(overrides or {}),
    }
    args = [sys.executable, "-m", "warta.build", "--settings", str(settings_file)]
    if strict:
        args.append("--strict")
    if verbose:
        args.append("--verbose")
    for key, value in overrides.items():
        args += ["-e", f"{key}={json.dumps(value)}"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(map(str, [REPO, *(pythonpath or [])]))}
    env.pop("WARTA_DEBUG", None)
    proc = subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, timeout=900)
    return BuiltSite(proc.returncode, proc.stdout + proc.stderr, output, content)


def settings_builder(site, settings_file: Path):
    """A function building `site` with `settings_file` (verbose, no search),
    into its output and cache unless told other folders, that asserts the
    build succeeded: for tests that build one site warm and clean again."""

    def build(output: Path = site.output, cache: Path = site.root / "cache") -> BuiltSite:
        built = run_build(
            site.content,
            output,
            settings_file=settings_file,
            cache=cache,
            verbose=True,
            overrides={"SEARCH_ENABLED": False},
        )
        assert built.returncode == 0, built.log
        return built

    return build


def shipped_plugins() -> list[str]:
    """PLUGINS of pelicanconf.py, in order."""
    from warta.build import load_settings

    return list(load_settings(REPO / "pelicanconf.py")["PLUGINS"])


def build_with_outside_plugin(site, folder: Path, name: str, source: str, **overrides) -> BuiltSite:
    """The fixture site built with an outside plugin after the shipped ones, as
    a third party adds one: package `name` (its `__init__.py` is `source`) in
    its own plugin folder below `folder` (search off; `overrides`: other settings)."""
    package = folder / "outside-plugins" / name
    package.mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").write_text(source, encoding="utf-8")
    from warta.build import load_settings

    settings = load_settings(REPO / "pelicanconf.py")
    return site.build(
        SEARCH_ENABLED=False,
        PLUGIN_PATHS=[*settings["PLUGIN_PATHS"], str(package.parent)],
        PLUGINS=[*settings["PLUGINS"], name],
        **overrides,
    )


def clean_build_with(site, tmp_path: Path, plugin: str | None = None, **overrides):
    """The site's content built from scratch into its own folder below tmp_path
    (clean/output, clean/cache; search off unless overridden), without an
    error; with the outside plugin `plugin` (written before by
    build_with_outside_plugin) listed after the shipped ones, if given."""
    from warta.build import load_settings

    settings = load_settings(REPO / "pelicanconf.py")
    plugins = {}
    if plugin:
        plugins = {
            "PLUGIN_PATHS": [*settings["PLUGIN_PATHS"], str(tmp_path / "outside-plugins")],
            "PLUGINS": [*settings["PLUGINS"], plugin],
        }
    built = run_build(
        site.content,
        tmp_path / "clean" / "output",
        cache=tmp_path / "clean" / "cache",
        overrides={"SEARCH_ENABLED": False, **plugins, **overrides},
    )
    assert built.returncode == 0, built.log
    return built


def build_without(site, tmp_path: Path, plugin: str, name: str = "", **overrides) -> BuiltSite:
    """The fixture site's content built with every shipped plugin but `plugin`,
    into its own output and cache below tmp_path (search off)."""
    folder = tmp_path / (name or f"without-{plugin}")
    return run_build(
        site.content,
        folder / "output",
        cache=folder / "cache",
        overrides={
            "SEARCH_ENABLED": False,
            "PLUGINS": [p for p in shipped_plugins() if p != plugin],
            **overrides,
        },
    )


def run_invoke(*args: str, timeout: int = 600, **env: str) -> subprocess.CompletedProcess:
    """Run `invoke ARGS…` from the repository root, as staff would, with extra
    environment variables (e.g. WARTA_CONTENT_PATH for a fixture site)."""
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=REPO,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@dataclass
class Checked:
    """One run of `invoke check`: exit code, what it printed (the finding lines
    on stdout, its summary on stderr) and the finding lines parsed."""

    returncode: int
    stdout: str
    stderr: str

    @property
    def log(self) -> str:
        return self.stdout + self.stderr

    def findings(self, level: str | None = None) -> list[Finding]:
        return findings_in(self.log, level)


def run_check(site, *args: str, **env: str) -> Checked:
    """`invoke check ARGS…` on the fixture site's content, as staff run it,
    with its own output and cache folders beside the site's (check-output,
    check-cache), so it shares nothing with the site's build; `env`: more
    environment variables (e.g. TMPDIR)."""
    proc = run_invoke(
        "check",
        *args,
        WARTA_CONTENT_PATH=str(site.content),
        WARTA_OUTPUT_PATH=str(site.root / "check-output"),
        WARTA_CACHE_PATH=str(site.root / "check-cache"),
        **env,
    )
    return Checked(proc.returncode, proc.stdout, proc.stderr)


def build_and_check(site, **overrides) -> tuple[BuiltSite, Checked]:
    """The fixture site built (search off unless overridden), then `invoke
    check` run on its content: (the build, the check), for tests that say a
    finding comes out of the build and `invoke check` alike."""
    built = site.build(**{"SEARCH_ENABLED": False, **overrides})
    return built, run_check(site)


def write_article(content: Path, name: str, text: str) -> Path:
    """Write a Markdown file under content/ (dedented), creating folders."""
    path = content / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def overwrite_keeping_times(path: Path, data: bytes) -> None:
    """Other bytes of the same size written over `path` in place (its inode
    kept) and its access and modification times set back, as `touch -d` or a
    copy keeping times leaves a file: only its status change time tells."""
    before = os.stat(path)
    assert len(data) == before.st_size and data != path.read_bytes()
    with open(path, "r+b") as handle:
        handle.write(data)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (
        before.st_ino,
        before.st_size,
        before.st_mtime_ns,
    )


def append_text(path: Path, text: str) -> None:
    """Add text at the end of a file (an edit between two builds)."""
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def article_text(
    *,
    title="Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan",
    date="2024-11-17 09:30",
    slug=None,
    category="Berita",
    author="Humas Bawaslu Kota Palembang",
    tags="Pilkada Serentak 2024",
    body="PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan.",
    summary="Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan tahapan.",
    **extra,
) -> str:
    """A realistic article with front matter; extra keys become metadata lines."""
    lines = [f"Title: {title}", f"Date: {date}"]
    if slug:
        lines.append(f"Slug: {slug}")
    lines += [f"Category: {category}", f"Author: {author}"]
    if tags:
        lines.append(f"Tags: {tags}")
    lines.append(f"Summary: {summary}")
    for key, value in extra.items():
        lines.append(f"{key.replace('_', '-').title()}: {value}")
    return "\n".join(lines) + "\n\n" + textwrap.dedent(body).strip() + "\n"


class FixtureSite:
    """A small site in a temp dir: add articles/pages, then build and inspect."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.content = root / "content"
        (self.content / "berita").mkdir(parents=True, exist_ok=True)
        (self.content / "halaman").mkdir(parents=True, exist_ok=True)
        self.output = root / "output"

    def article(self, name: str, text: str | None = None, **fields) -> Path:
        return write_article(self.content / "berita", name, text or article_text(**fields))

    def page(self, name: str, text: str) -> Path:
        return write_article(self.content / "halaman", name, text)

    def build(
        self, *, strict=False, publish=False, verbose=False, cwd: Path = REPO, **overrides
    ) -> BuiltSite:
        settings = REPO / ("publishconf.py" if publish else "pelicanconf.py")
        return run_build(
            self.content,
            self.output,
            settings_file=settings,
            strict=strict,
            overrides=overrides,
            verbose=verbose,
            cwd=cwd,
        )


@pytest.fixture(scope="session")
def vocabulary():
    """The shipped data/official_tags.yaml, loaded (and valid)."""
    from warta.tags.vocabulary import load_vocabulary

    loaded, problems = load_vocabulary(
        REPO / "data" / "official_tags.yaml", "data/official_tags.yaml"
    )
    assert problems == []
    return loaded


@pytest.fixture
def site(tmp_path) -> FixtureSite:
    return FixtureSite(tmp_path)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> BuiltSite:
    """The real sample content, built once per worker with the development
    settings and --strict (issue #2 requires the sample to pass strict)."""
    root = tmp_path_factory.mktemp("sample")
    built = run_build(REPO / "content", root / "output", strict=True)
    assert built.returncode == 0, built.log
    return built


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> BuiltSite:
    """The sample content built with publishconf.py (absolute URLs)."""
    root = tmp_path_factory.mktemp("published")
    built = run_build(
        REPO / "content", root / "output", settings_file=REPO / "publishconf.py", strict=True
    )
    assert built.returncode == 0, built.log
    return built


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output readable
        pass


@contextlib.contextmanager
def running(server: socketserver.BaseServer):
    """`server` (bound to 127.0.0.1) answering from a thread of its own while the
    block runs, shut down and closed after; gives its base URL."""
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def serving(folder: Path):
    """`folder` on http://127.0.0.1:<free port> while the block runs; gives the base URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    return running(http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler))


@pytest.fixture(scope="session")
def served_site(sample_site):
    """The sample site on http://127.0.0.1:<free port>; yields the base URL."""
    with serving(sample_site.output) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright (never `playwright install`)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


# -- a small newsroom, and comparing two builds ----------------------------------------

OFFICES = [
    ("Kota Palembang", "PALEMBANG"),
    ("Kabupaten Ogan Ilir", "INDRALAYA"),
    ("Kabupaten Lahat", "LAHAT"),
    ("Kota Prabumulih", "PRABUMULIH"),
    ("Kabupaten Banyuasin", "PANGKALAN BALAI"),
    ("Kabupaten Musi Rawas", "MUSI RAWAS"),
]


def tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def built_page(site, address: str, **overrides):
    """The fixture site built (search off, unless overridden) without an
    error, and the page at `address` parsed: (the build, the page)."""
    built = site.build(**{"SEARCH_ENABLED": False, **overrides})
    assert built.returncode == 0, built.log
    return built, built.html(address)


def line_of(path: Path, text: str) -> int:
    """1-based number of the first line of a file that holds `text`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def assert_same_tree(incremental: Path, clean: Path, normalise=None) -> None:
    """File for file equal; `normalise(name, data)`, when given, is applied to
    both sides first (a difference the test states on purpose)."""
    left, right = tree(incremental), tree(clean)
    assert sorted(left) == sorted(right), {
        "only in the incremental build": sorted(set(left) - set(right))[:20],
        "only in the clean build": sorted(set(right) - set(left))[:20],
    }
    if normalise is not None:
        left = {name: normalise(name, data) for name, data in left.items()}
        right = {name: normalise(name, data) for name, data in right.items()}
    differing = [name for name in left if left[name] != right[name]]
    assert differing == [], f"files that differ from a clean build: {differing[:20]}"


def newsroom(site: FixtureSite) -> dict[str, Path]:
    files = {}
    for number, (office, dateline) in enumerate(OFFICES, start=1):
        slug = f"rilis-{number}"
        files[slug] = site.article(
            f"{slug}.md",
            title=f"Bawaslu {office} Gelar Rapat Pengawasan Tahapan Ke-{number}",
            date=f"2024-10-{10 + number:02d} 09:00",
            slug=slug,
            author=f"Humas Bawaslu {office}",
            tags="Pilkada Serentak 2024, Pengawasan Partisipatif"
            if number % 2
            else "Pilkada Serentak 2024",
            body=f"{dateline} – Bawaslu {office} menggelar rapat pengawasan tahapan.\n\n"
            "Rapat membahas kesiapan pengawas ad hoc di setiap kecamatan.",
            summary=f"Bawaslu {office} menggelar rapat pengawasan tahapan ke-{number}.",
        )
    site.page(
        "kontak.md",
        "Title: Kontak\nSlug: kontak\n\nHubungi Bawaslu Provinsi Sumatera Selatan.\n",
    )
    return files


@contextlib.contextmanager
def served_newsroom(root: Path):
    """The newsroom site in `root`, built with the default settings (its /admin/
    too) without an error and served while the block runs: gives (the site,
    the base URL)."""
    site = FixtureSite(root)
    newsroom(site)
    built = site.build()
    assert built.returncode == 0, built.log
    with serving(site.output) as base:
        yield site, base
