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


# ---- publishing ----
def _publish_build(c):
    """Build the public site strictly; nothing is published when it fails."""
    _build(c, PUBLISH_SETTINGS, strict=True)
    settings = _deploy_settings()
    output = Path(settings["OUTPUT_PATH"])
    if settings["DEPLOY_PRECOMPRESS"]:
        from warta.deploy import precompress

        count = precompress(output, settings["DEPLOY_PRECOMPRESS"])
        print(f"Precompressed {count} file(s) ({', '.join(settings['DEPLOY_PRECOMPRESS'])}).")
    return settings, output


def _deploy_settings() -> dict:
    from warta.build import load_settings

    return load_settings(PUBLISH_SETTINGS)


@task(help={"dry_run": "show what would change on the target without changing it"})
def publish(c, dry_run=False):
    """Build the public site, then rsync it to DEPLOY_RSYNC_TARGET (SSH or a folder).

    Remote files are deleted only after a successful build."""
    from warta.deploy import DeployError, rsync, rsync_target_from_settings

    try:
        target = rsync_target_from_settings(_deploy_settings())
    except DeployError as exc:
        raise Exit(f"publish: {exc}") from None
    _, output = _publish_build(c)
    try:
        changes = rsync(output, target, dry_run=dry_run)
    except DeployError as exc:
        raise Exit(f"publish: {exc}") from None
    changed = [line for line in changes.splitlines() if line.strip()]
    verb = "would change" if dry_run else "changed"
    print(f"Published to {target.destination}: {len(changed)} item(s) {verb}.")


@task(name="gh-pages", help={"no_push": "commit the branch locally without pushing"})
def gh_pages(c, no_push=False):
    """Build the public site and commit it to the gh-pages branch (ghp-import), then push."""
    from warta.deploy import DeployError
    from warta.deploy import gh_pages as import_to_branch

    settings, output = _publish_build(c)
    try:
        import_to_branch(
            output,
            repo=Path(settings["DEPLOY_GH_PAGES_REPO"]),
            remote=settings["DEPLOY_GH_PAGES_REMOTE"],
            branch=settings["DEPLOY_GH_PAGES_BRANCH"],
            push=not no_push,
            cname=settings.get("DEPLOY_CNAME"),
        )
    except DeployError as exc:
        raise Exit(f"gh-pages: {exc}") from None
    where = "committed" if no_push else f"pushed to {settings['DEPLOY_GH_PAGES_REMOTE']}"
    print(f"Branch {settings['DEPLOY_GH_PAGES_BRANCH']} {where}.")
