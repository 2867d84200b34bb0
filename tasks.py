"""Developer and newsroom tasks for warta (run `invoke --list`).

Tasks are thin: they call the build runner, Pelican's server or pytest. User
errors end with a clear message (`Exit`), never a traceback.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
PY = sys.executable
DEV_SETTINGS = ROOT / "pelicanconf.py"
PUBLISH_SETTINGS = ROOT / "publishconf.py"


def _settings_value(name: str, settings_file: Path = DEV_SETTINGS):
    from warta.build import load_settings

    return load_settings(settings_file)[name]


def _build(c, settings: Path, strict: bool = False, extra: list[str] | None = None) -> None:
    args = [PY, "-m", "warta.build", "--settings", str(settings)]
    if strict:
        args.append("--strict")
    for pair in extra or []:
        args += ["-e", pair]
    result = c.run(" ".join(_quote(a) for a in args), warn=True, pty=False)
    if result.exited != 0:
        raise Exit("Build failed: see the messages above.", code=result.exited)


def _quote(arg: str) -> str:
    import shlex

    return shlex.quote(str(arg))


@task(help={"strict": "treat every warning as an error (what CI does)"})
def build(c, strict=False):
    """Build the development site into output/ (relative URLs)."""
    _build(c, DEV_SETTINGS, strict=strict)


@task
def clean(c):
    """Remove output/ and the content cache."""
    for name in ("output", "cache"):
        shutil.rmtree(ROOT / name, ignore_errors=True)
    print("Removed output/ and cache/.")


@task(help={"strict": "treat every warning as an error"})
def rebuild(c, strict=False):
    """Clean, then build from scratch (no content cache)."""
    clean(c)
    build(c, strict=strict)


@task(help={"strict": "treat every warning as an error (what CI does)"})
def preview(c, strict=False):
    """Build the public site with publishconf.py (absolute URLs, canonical links)."""
    _build(c, PUBLISH_SETTINGS, strict=strict)


@task(help={"port": "port on 127.0.0.1 (default 8000)"})
def serve(c, port=8000):
    """Serve output/ on http://127.0.0.1:PORT/ (build first)."""
    output = ROOT / "output"
    if not (output / "index.html").exists():
        raise Exit("output/ has no site yet: run `invoke build` first.")
    print(f"Serving output/ on http://127.0.0.1:{port}/ (Ctrl+C stops)")
    c.run(f"{_quote(PY)} -m pelican.server {int(port)} --server 127.0.0.1 --path {output}", pty=False)


@task(help={"port": "port on 127.0.0.1 (default 8000)"})
def livereload(c, port=8000):
    """Rebuild on every change to content, theme, plugins or data, and reload the browser."""
    from livereload import Server

    def rebuild_site():
        _build(c, DEV_SETTINGS)

    rebuild_site()
    server = Server()
    for folder in ("content", "theme", "plugins", "data"):
        server.watch(str(ROOT / folder / "**" / "*"), rebuild_site)
    server.watch(str(DEV_SETTINGS), rebuild_site)
    print(f"Live preview on http://127.0.0.1:{port}/")
    server.serve(host="127.0.0.1", port=int(port), root=str(ROOT / "output"))


@task
def lint(c):
    """Check style with ruff (lint and format)."""
    c.run(f"{_quote(PY)} -m ruff check .", pty=False)
    c.run(f"{_quote(PY)} -m ruff format --check .", pty=False)


@task
def fmt(c):
    """Format and auto-fix with ruff."""
    c.run(f"{_quote(PY)} -m ruff check --fix .", pty=False)
    c.run(f"{_quote(PY)} -m ruff format .", pty=False)


@task(
    help={
        "k": "only tests matching this pytest -k expression",
        "workers": "parallel pytest workers (default 2, one per core)",
    }
)
def test(c, k="", workers=2):
    """Lint, then run the whole test suite (unit, fixture sites, validators, browser)."""
    lint(c)
    args = [PY, "-m", "pytest", "-n", str(workers)]
    if k:
        args += ["-k", k]
    result = c.run(" ".join(_quote(a) for a in args), warn=True, pty=False)
    if result.exited != 0:
        raise Exit(code=result.exited)
