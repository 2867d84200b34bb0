"""Developer and newsroom tasks for warta (run `invoke --list`).

Tasks are thin: they call the build runner, Pelican's server or pytest. User
errors end with a clear message (`Exit`), never a traceback.
"""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path

from invoke import Exit, Task, task

ROOT = Path(__file__).resolve().parent
PY = sys.executable
DEV_SETTINGS = ROOT / "pelicanconf.py"
PUBLISH_SETTINGS = ROOT / "publishconf.py"


def _settings(settings_file: Path = DEV_SETTINGS) -> dict:
    """The settings Pelican would use (environment overrides included)."""
    from warta.build import load_settings

    return load_settings(settings_file)


def _unpublished(settings: dict) -> tuple[str, ...]:
    """The names the output keeps from before a build that are never published
    (`warta.deploy.unpublished_names`): OUTPUT_RETENTION's, but the search
    index's folder, which a build that keeps it writes afresh."""
    from plugins.search.plugin import retained_bundle_name
    from warta.deploy import unpublished_names

    search = retained_bundle_name(settings)
    return unpublished_names(settings.get("OUTPUT_RETENTION"), published=[search] if search else [])


def _build(settings: Path, strict: bool = False, extra: list[str] | None = None) -> None:
    args = [PY, "-m", "warta.build", "--settings", str(settings)]
    if strict:
        args.append("--strict")
    for pair in extra or []:
        args += ["-e", pair]
    code = _run_attached(args)
    if code != 0:
        raise Exit("Build failed: see the messages above.", code=code)


def _run_attached(args: list) -> int:
    """Run a command on this process's own terminal or pipes; return its exit code.

    Not `c.run`: invoke decodes what a command prints in 1000-byte pieces, each
    on its own, so a character split between two pieces (the "–" of a dateline,
    a quote, an "é" in a message) came out as "�". Attached, the command's bytes
    reach the terminal as written, and on a terminal the build draws its
    progress line (plugins/progress); through a pipe it writes plain lines."""
    import subprocess

    sys.stdout.flush()
    sys.stderr.flush()
    return subprocess.run([str(a) for a in args], check=False).returncode


def _quote(arg: str) -> str:
    return shlex.quote(str(arg))


@task(help={"strict": "treat every warning as an error (what CI does)"})
def build(c, strict=False):
    """Build the development site into output/ (relative URLs)."""
    _build(DEV_SETTINGS, strict=strict)


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
    _build(PUBLISH_SETTINGS, strict=strict)


@task(help={"port": "port on 127.0.0.1 (default 8000)"})
def serve(c, port=8000):
    """Serve output/ on http://127.0.0.1:PORT/ (build first)."""
    import os

    # Where the build writes (pelicanconf.py's OUTPUT_PATH reads the same variable).
    output = Path(os.environ.get("WARTA_OUTPUT_PATH") or ROOT / "output")
    if not (output / "index.html").exists():
        raise Exit("output/ has no site yet: run `invoke build` first.")
    server = _preview_server(output, port)
    print(f"Serving output/ on http://127.0.0.1:{server.server_address[1]}/ (Ctrl+C stops)")
    _serve_until_stopped(server)


def _serve_until_stopped(server, *, then=None) -> None:
    """Serve until Ctrl+C; then close the server (and run `then`)."""
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        if then is not None:
            then()


def _preview_server(output: Path, port, quiet: bool = False, pinned: Path | None = None):
    """A server of output/ on 127.0.0.1 that answers a missing address as GitHub
    Pages does: the site's 404.html with status 404 (Pelican's own server closed
    the connection, so a broken link showed a browser error, not the site's page).

    With `pinned`, a copy of one folder of the output made when the server
    started (its name is the folder's), that folder is served from the copy:
    a build run meanwhile rewrites output/ but not what this server shows there."""
    import functools
    import http.server

    class Preview(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path):
            # The parent's translation has already dropped the query, decoded
            # the address and left out every `..`: the result is inside output/.
            served = super().translate_path(path)
            if pinned is None:
                return served
            try:
                inside = Path(served).relative_to(output / pinned.name)
            except ValueError:
                return served
            return str(pinned.joinpath(inside))

        def send_error(self, code, message=None, explain=None):
            page = output / "404.html"
            if code != 404 or not page.is_file():
                return super().send_error(code, message, explain)
            body = page.read_bytes()
            self.send_response(404, message)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def log_message(self, *args):
            if not quiet:
                super().log_message(*args)

    handler = functools.partial(Preview, directory=str(output))
    try:
        number = int(port)
        return http.server.ThreadingHTTPServer(("127.0.0.1", number), handler)
    except (ValueError, OverflowError):
        raise Exit(f"error: --port must be a number from 1 to 65535: {port!r}") from None
    except OSError as exc:
        raise Exit(
            f"error: port {port} on 127.0.0.1 cannot be used ({exc.strerror}): stop the "
            "server that has it (invoke livereload, invoke cms), or give another --port"
        ) from None


@task(help={"port": "port on 127.0.0.1 (default 8000)"})
def livereload(c, port=8000):
    """Rebuild on every change to content, theme, plugins or data, and reload the browser.

    A rebuild that fails (a release saved half-written) says so in one line
    and the preview keeps the last build until the next save."""
    from livereload import Server

    def rebuild_site():
        try:
            _build(DEV_SETTINGS)
        except Exit as failed:
            # (raised out of livereload's watcher, it printed a traceback each time)
            print(f"livereload: {failed.message} The preview is rebuilt at the next save.")

    port = _free_port(port, "--port", "another preview (invoke serve, invoke cms) may have it")
    _build(DEV_SETTINGS)
    settings = _settings()
    server = Server()
    # The folders the build reads and writes (WARTA_CONTENT_PATH, WARTA_OUTPUT_PATH).
    for folder in (Path(settings["PATH"]), ROOT / "theme", ROOT / "plugins", ROOT / "data"):
        server.watch(str(folder / "**" / "*"), rebuild_site)
    server.watch(str(DEV_SETTINGS), rebuild_site)
    print(f"Live preview on http://127.0.0.1:{port}/", flush=True)
    server.serve(host="127.0.0.1", port=int(port), root=str(settings["OUTPUT_PATH"]))


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
    code = _run_attached(args)
    if code != 0:
        raise Exit(code=code)


# ---- publishing ----
def _publish_build(precompress_setting: str = "DEPLOY_PRECOMPRESS"):
    """Build the public site strictly; nothing is published when it fails.
    Then the precompressed twins the setting named asks for."""
    _build(PUBLISH_SETTINGS, strict=True)
    settings = _settings(PUBLISH_SETTINGS)
    output = Path(settings["OUTPUT_PATH"])
    formats = tuple(settings.get(precompress_setting) or ())
    if formats:
        from warta.deploy import precompress

        count = precompress(output, formats, _unpublished(settings))
        print(f"Precompressed {count} file(s) ({', '.join(formats)}).")
    return settings, output


@task(help={"dry_run": "show what would change on the target without changing it"})
def publish(c, dry_run=False):
    """Build the public site, then rsync it to DEPLOY_RSYNC_TARGET (SSH or a folder).

    Remote files are deleted only after a successful build. A target that a
    mirror could destroy (a system folder, the project, a folder warta never
    published to) is refused before anything is built; `--dry-run` creates
    and writes nothing on the target."""
    from warta.deploy import (
        DeployError,
        check_rsync_target,
        protected_folders,
        rsync,
        rsync_target_from_settings,
    )

    settings = _settings(PUBLISH_SETTINGS)
    protected = protected_folders(settings, ROOT)
    try:
        target = rsync_target_from_settings(settings)
        check_rsync_target(target, protected)
    except DeployError as exc:
        raise Exit(f"publish: {exc}") from None
    _, output = _publish_build()
    try:
        changes = rsync(
            output,
            target,
            protected=protected,
            dry_run=dry_run,
            unpublished=_unpublished(settings),
        )
    except DeployError as exc:
        raise Exit(f"publish: {exc}") from None
    changed = [line for line in changes.splitlines() if line.strip()]
    verb = "would change" if dry_run else "changed"
    print(f"Published to {target.destination}: {len(changed)} item(s) {verb}.")


def _pages_limit(settings: dict) -> int:
    """DEPLOY_PAGES_MAX_BYTES (WARTA_DEPLOY_PAGES_MAX_BYTES in the environment):
    what GitHub Pages publishes at most, a whole number of bytes."""
    from warta.deploy import PAGES_MAX_BYTES

    value = settings.get("DEPLOY_PAGES_MAX_BYTES") or PAGES_MAX_BYTES
    try:
        limit = int(str(value).strip().replace("_", ""))
    except ValueError:
        limit = 0
    if limit <= 0:
        raise Exit(
            f"error: DEPLOY_PAGES_MAX_BYTES (WARTA_DEPLOY_PAGES_MAX_BYTES) is not a whole "
            f"number of bytes above 0: {value!r} (e.g. 1000000000 for GitHub Pages' 1 GB)"
        )
    return limit


@task(name="pages-size")
def pages_size(c):
    """Check that the built public site fits GitHub Pages (1 GB, WARTA_DEPLOY_PAGES_MAX_BYTES).

    The Pages workflow runs it before uploading; `invoke gh-pages` checks the same."""
    from warta.deploy import DeployError, check_pages_size, shown_size

    settings = _settings(PUBLISH_SETTINGS)
    output = Path(settings["OUTPUT_PATH"])
    limit = _pages_limit(settings)
    if not (output / "index.html").is_file():
        raise Exit(f"pages-size: {output} holds no built site (no index.html): build first")
    try:
        total = check_pages_size(output, limit, _unpublished(settings))
    except DeployError as exc:
        raise Exit(f"pages-size: {exc}") from None
    print(f"pages-size: {shown_size(total)} of the {shown_size(limit)} GitHub Pages publishes")


@task(name="gh-pages", help={"no_push": "commit the branch locally without pushing"})
def gh_pages(c, no_push=False):
    """Build the public site and commit it to the gh-pages branch (ghp-import), then push.

    The branch must be one of its own (never main, master or the checked-out
    branch): it is checked before anything is built."""
    from warta.deploy import DeployError, check_gh_pages_branch
    from warta.deploy import gh_pages as import_to_branch

    settings = _settings(PUBLISH_SETTINGS)
    try:
        check_gh_pages_branch(
            Path(settings["DEPLOY_GH_PAGES_REPO"]),
            settings["DEPLOY_GH_PAGES_BRANCH"],
            settings["DEPLOY_GH_PAGES_REMOTE"],
            push=not no_push,
        )
    except DeployError as exc:
        raise Exit(f"gh-pages: {exc}") from None
    settings, output = _publish_build("DEPLOY_GH_PAGES_PRECOMPRESS")
    try:
        import_to_branch(
            output,
            repo=Path(settings["DEPLOY_GH_PAGES_REPO"]),
            remote=settings["DEPLOY_GH_PAGES_REMOTE"],
            branch=settings["DEPLOY_GH_PAGES_BRANCH"],
            push=not no_push,
            cname=settings.get("DEPLOY_CNAME"),
            max_bytes=_pages_limit(settings),
            unpublished=_unpublished(settings),
        )
    except DeployError as exc:
        raise Exit(f"gh-pages: {exc}") from None
    where = "committed" if no_push else f"pushed to {settings['DEPLOY_GH_PAGES_REMOTE']}"
    print(f"Branch {settings['DEPLOY_GH_PAGES_BRANCH']} {where}.")


# ---- regions ----
GAZETTEER_PACKAGE = "idn-area-data@4.0.1"
GAZETTEER_FILE = ROOT / "data" / "regions" / "gazetteer.csv"


@task
def gazetteer(c):
    """Rebuild data/regions/gazetteer.csv from the npm package idn-area-data 4.0.1 (ODbL).

    Runs `npm pack` in a temp dir (the only download), reads the provinces,
    regencies and districts CSV files from the tarball and writes the compact
    file sorted by code, so the same package always gives the same bytes.
    """
    import tarfile
    import tempfile

    from warta import yamlfile
    from warta.regions import gazetteer as module

    def refuse_a_link() -> None:
        # A gazetteer committed as a link (or in a linked folder) is refused by
        # the build, unread; writing it would write the file it points to.
        # Asked before the fetch and again before the write (a `git pull`
        # meanwhile may have made it one).
        refused = yamlfile.link_refusal(GAZETTEER_FILE, str(GAZETTEER_FILE.relative_to(ROOT)))
        if refused is not None:
            raise Exit(f"{refused}: nothing written")

    refuse_a_link()
    if not shutil.which("npm"):
        raise Exit("npm is not installed: it is needed to fetch idn-area-data.")
    with tempfile.TemporaryDirectory() as tmp:
        with c.cd(tmp):
            result = c.run(f"npm pack --silent {GAZETTEER_PACKAGE}", hide=True, warn=True)
        if result.exited != 0:
            raise Exit(f"npm pack {GAZETTEER_PACKAGE} failed:\n{result.stderr}")
        tarball = Path(tmp) / result.stdout.strip().splitlines()[-1]
        texts = {}
        with tarfile.open(tarball, "r:gz") as archive:
            for name in ("provinces", "regencies", "districts"):
                member = archive.extractfile(f"package/data/{name}.csv")
                if member is None:
                    raise Exit(f"{tarball.name} has no data/{name}.csv")
                texts[name] = member.read().decode("utf-8")
    try:
        rows = module.compact_rows(texts["provinces"], texts["regencies"], texts["districts"])
    except ValueError as exc:
        raise Exit(f"idn-area-data looks wrong: {exc}") from exc
    GAZETTEER_FILE.parent.mkdir(parents=True, exist_ok=True)
    refuse_a_link()
    GAZETTEER_FILE.write_text(module.write_compact(rows), encoding="utf-8", newline="")
    counts = {level: sum(1 for r in rows if r[1] == level) for level in module.LEVELS}
    print(
        f"Wrote {GAZETTEER_FILE.relative_to(ROOT)}: {counts['provinsi']} provinsi, "
        f"{counts['kabupaten'] + counts['kota']} kabupaten/kota "
        f"({counts['kabupaten']} kabupaten + {counts['kota']} kota), "
        f"{counts['kecamatan']} kecamatan."
    )


# ---- newsroom tools ----
@task(
    iterable=["path"],
    help={
        "path": "report only on this file or folder (repeat -p for several; default: everything)",
        "strict": "warnings fail too (what CI does)",
        "format": "text (default) or github (GitHub Actions annotations)",
        "fix": "write the Slug, Category, Summary and Thread the build supplied into each file",
    },
)
def check(c, path=None, strict=False, format="text", fix=False):
    """Check content and data files: one line per problem, path:line: level: message."""
    from warta.check import main as check_main

    args = list(path or [])
    if strict:
        args.append("--strict")
    if fix:
        args.append("--fix")
    args += ["--format", format, "--settings", str(DEV_SETTINGS)]
    code = check_main(args)
    if code:
        raise Exit(code=code)


# ---- audit ----
AUDIT_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
AUDIT_CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync "
    "--disable-dev-shm-usage"
)


def _audit_pages(output: Path) -> list[tuple[str, str | None]]:
    """(page kind, site-relative URL or None when the site has no such page)."""

    def first(*patterns: str, newest: bool = False) -> str | None:
        for pattern in patterns:
            found = sorted(output.glob(pattern), reverse=newest)
            found = [p for p in found if "/halaman/" not in p.as_posix()]
            if found:
                return found[0].parent.relative_to(output).as_posix() + "/"
        return None

    return [
        ("beranda", ""),
        ("artikel", first("berita/*/*/*/index.html", newest=True)),
        # A kabupaten/kota page (wilayah/<provinsi>/<kab-kota>/), else any region page.
        ("wilayah", first("wilayah/*/*/index.html", "wilayah/*/index.html")),
        ("tag", first("tag/*/index.html")),
        ("cari", "cari/" if (output / "cari" / "index.html").is_file() else None),
    ]


def _lighthouse_scores(c, url: str, report: Path) -> dict[str, int]:
    command = (
        f"npx --no-install lighthouse {_quote(url)} --output=json --output-path={_quote(report)} "
        f"--only-categories={','.join(AUDIT_CATEGORIES)} --quiet "
        f"--chrome-flags={_quote(AUDIT_CHROME_FLAGS)}"
    )
    result = c.run(
        command, warn=True, hide=True, pty=False, env={"CHROME_PATH": "/usr/bin/chromium"}
    )
    if result.exited != 0 or not report.exists():
        raise Exit(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    import json

    categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    # A score is null when Lighthouse could not compute the category: shown as -1.
    scores = {name: categories[name]["score"] for name in AUDIT_CATEGORIES}
    return {name: -1 if score is None else round(100 * score) for name, score in scores.items()}


@task(
    help={
        "folder": "audit this built site as it is (default: build the public site first)",
        "port": "port on 127.0.0.1 (default: a free one; with --folder: the one it was built for)",
    }
)
def audit(c, folder="", port=0):
    """Lighthouse scores (mobile) of the home, an article, a region, a tag page and /cari/.

    Builds the public site (publishconf.py) into a temp dir with SITEURL set to
    the local address, so canonical and OpenGraph URLs are the ones readers
    get; serves it on 127.0.0.1 and runs the npm `lighthouse` (package.json)
    with Debian's chromium on each page. A report, not a test: the target is
    ≥ 95 in each category; performance varies between runs on a busy machine.
    """
    import functools
    import http.server
    import json
    import tempfile
    import threading

    if not (ROOT / "node_modules" / ".bin" / "lighthouse").exists():
        raise Exit("lighthouse is not installed: run `npm install` (package.json pins it).")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    with tempfile.TemporaryDirectory(prefix="warta-audit-") as tmp:
        output = Path(folder).resolve() if folder else Path(tmp) / "output"
        output.mkdir(parents=True, exist_ok=True)
        handler = functools.partial(Quiet, directory=str(output))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", int(port)), handler)
        base = f"http://127.0.0.1:{server.server_address[1]}"
        threading.Thread(target=server.serve_forever, daemon=True).start()
        rows = []
        try:
            if not folder:
                settings = {"OUTPUT_PATH": str(output), "CACHE_PATH": f"{tmp}/cache"}
                settings |= {"SITEURL": base, "FEED_DOMAIN": base}
                pairs = [f"{key}={json.dumps(value)}" for key, value in settings.items()]
                _build(PUBLISH_SETTINGS, extra=pairs)
            if not (output / "index.html").exists():
                raise Exit(f"{output} has no site: build it first.")
            for kind, path in _audit_pages(output):
                if path is None:
                    rows.append((kind, "(no such page)", None))
                    continue
                print(f"lighthouse: {base}/{path}", flush=True)
                scores = _lighthouse_scores(c, f"{base}/{path}", Path(tmp) / f"{kind}.json")
                rows.append((kind, "/" + path, scores))
        finally:
            server.shutdown()
            server.server_close()
    header = ["halaman", "URL", *AUDIT_CATEGORIES]
    print("\n| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for kind, path, scores in rows:
        values = [str(scores[name]) for name in AUDIT_CATEGORIES] if scores else ["–"] * 4
        print("| " + " | ".join([kind, path, *values]) + " |")
    low = [
        f"{kind} {name} {scores[name]}"
        for kind, _path, scores in rows
        if scores
        for name in AUDIT_CATEGORIES
        if scores[name] < 95
    ]
    print("\nBelow the target of 95: " + (", ".join(low) if low else "none"))


# ---- comments ----
ISSO_CONFIG = ROOT / "isso" / "isso.cfg"


def _isso_listen_url() -> str:
    import configparser

    config = configparser.ConfigParser()
    config.read(ISSO_CONFIG, encoding="utf-8")
    return config.get("server", "listen").rstrip("/")


@task(help={"build": "first build output/ with COMMENTS_PROVIDER='isso' pointing at this server"})
def comments(c, build=False):
    """Run a local Isso comment server (isso/isso.cfg, http://127.0.0.1:8080) for preview.

    Comments go to cache/isso/comments.db (throw-away; `invoke clean` removes it).
    Build with the provider on (`--build`, or the command it prints), then
    `invoke serve` in another terminal: isso.cfg allows http://127.0.0.1:8000."""
    isso = Path(PY).parent / "isso"
    if not isso.exists():
        raise Exit("Isso is not installed: run `.venv/bin/pip install -e '.[test]'` first.")
    url = _isso_listen_url()
    extra = ['COMMENTS_PROVIDER="isso"', f'COMMENTS_ISSO_URL="{url}"']
    if build:
        _build(DEV_SETTINGS, extra=extra)
    (ROOT / "cache" / "isso").mkdir(parents=True, exist_ok=True)
    build_command = " ".join(
        _quote(a) for a in [PY, "-m", "warta.build", *(x for pair in extra for x in ("-e", pair))]
    )
    print(f"Isso comment server on {url}/ (Ctrl+C stops); comments in cache/isso/comments.db.")
    if not build:
        print(f"Build the site with comments on:\n  {build_command}")
    print("Then preview it with `invoke serve` (http://127.0.0.1:8000/) and open an article.")
    # Behind warta.comment_gate: a comment posted to Isso's API for a thread
    # the build does not list open (closed, off, a draft's) is refused.
    threads = ROOT / "output" / "komentar" / "utas-terbuka.json"
    with c.cd(str(ROOT)):
        c.run(
            f"{_quote(PY)} -m warta.comment_gate {_quote(ISSO_CONFIG)} {_quote(threads)}",
            pty=False,
        )


def _region_resolver(settings: dict):
    """`--wilayah` → the front-matter value and the author of the region's office,
    resolved as the build's regions plugin resolves `Region:`; an unknown name
    gets the closest names, as the build gives them."""
    from warta import new_article
    from warta.regions.configured import load_configured
    from warta.regions.gazetteer import region_values

    gazetteer, problems = load_configured(settings)
    if problems or gazetteer is None:
        raise new_article.NewArticleError(problems[0].format())
    home = settings.get("REGIONS_HOME_PROVINCE")
    code_of = new_article.office_code_resolver(gazetteer, home)

    def resolve(value: str) -> new_article.RegionChoice:
        # Several regions, as `Region:` takes them ("Kota Pagar Alam, Muratara"),
        # each read with the others as the build reads them.
        units = []
        for typed, result in gazetteer.resolve_together(region_values(value), home).items():
            if result.unit is None:
                if result.problem == "ambiguous":
                    names = ", ".join(unit.label for unit in result.candidates)
                    raise new_article.NewArticleError(
                        f"region {typed!r} fits several regions: {names} "
                        "(write the official name or the code)"
                    )
                joined = gazetteer.joined_regions(typed, home)
                if joined:
                    together = ", ".join(joined)
                    raise new_article.NewArticleError(
                        f"several regions in one value: {typed!r} "
                        f'(separate them with commas: --wilayah "{together}")'
                    )
                near = ", ".join(unit.label for unit in gazetteer.closest(typed, home=home))
                raise new_article.NewArticleError(
                    f"region {typed!r} is unknown (closest: {near or 'no close match'}; "
                    "use a Kemendagri code, an official name or an alias)"
                )
            if result.unit not in units:
                units.append(result.unit)
                _outside_home_note(gazetteer, home, typed, result.unit)
        if not units:
            raise new_article.NewArticleError(new_article.NO_REGION)
        # The office of the first region named publishes the release.
        author = new_article.region_author(
            gazetteer,
            units[0],
            new_article.existing_authors(Path(settings["PATH"])),
            code_of,
            settings.get("REGIONS_HOME_PROVINCE"),
        )
        value = ", ".join(new_article.region_value(unit) for unit in units)
        return new_article.RegionChoice(value, author)

    return resolve


def _outside_home_note(gazetteer, home: str | None, typed: str, unit) -> None:
    """One line on stderr for a --wilayah of another province than the site's
    (`17.71`, Kota Bengkulu, typed for Palembang's 16.71): the release is
    written as asked, and the build says the same of its Region: line."""
    province = gazetteer.province_of(unit.code)
    if not home or home not in gazetteer or province == home:
        return
    twin = home + unit.code[len(province) :]
    meant = (
        f"; if you meant {gazetteer[twin].label}, write --wilayah {twin}"
        if twin != home and twin in gazetteer
        else ""
    )
    where = "" if province == unit.code else f" in {gazetteer[province].name}"
    print(
        f"new: note: region {typed!r} is {unit.label}{where}, outside "
        f"{gazetteer[home].name}{meant}",
        file=sys.stderr,
    )


def _region_named(settings: dict, value: str, given: str = "") -> tuple[str, str, bool] | None:
    """(code, name, whether `given`, the --wilayah, names it already) of the
    region a value typed as a tag names, as the build's tag check reads it;
    None when it names none (or the gazetteer is unusable)."""
    from warta.regions.configured import load_configured
    from warta.regions.gazetteer import region_values

    gazetteer, _ = load_configured(settings)
    home = settings.get("REGIONS_HOME_PROVINCE")
    named = gazetteer.region_named(value, home) if gazetteer else None
    if named is None:
        return None
    read = gazetteer.resolve_together(region_values(given), home).values()
    return (*named, named[0] in {found.unit.code for found in read if found.unit})


def _tag_resolver(settings: dict, regions: str = ""):
    """`--tag` → the official tag's name; `regions`, the --wilayah given, for
    the hint on a region typed as a tag."""
    from warta.new_article import NewArticleError
    from warta.regions.gazetteer import region_values
    from warta.tags import vocabulary as vocabulary_module

    path = Path(settings["OFFICIAL_TAGS_VOCABULARY"])
    vocabulary, problems = vocabulary_module.load_vocabulary(path, str(path))
    if problems:
        raise NewArticleError(problems[0].format())

    def resolve(value: str) -> str:
        tag = vocabulary.resolve(value)
        if tag is None:
            region = _region_named(settings, value, regions)
            if region is not None:
                _code, name, given = region
                said = f"tag {value!r} is a region, not an official tag ({name})"
                if given:
                    raise NewArticleError(f"{said}, and --wilayah names it already: leave it out")
                # One --wilayah holds them all (invoke takes the option once).
                together = ", ".join([*region_values(regions), name])
                raise NewArticleError(
                    f'{said}: write it in --wilayah with the others: --wilayah "{together}"'
                )
            nearest = ", ".join(vocabulary.nearest(value)) or "see data/official_tags.yaml"
            raise NewArticleError(f"unknown tag {value!r} (nearest official tags: {nearest})")
        return tag.name

    return resolve


NEW_HELP = {
    "title": "the headline, in quotes",
    "wilayah": (
        "region: code, official name, alias or seat; several separated by commas "
        '(e.g. "Kota Pagar Alam" or "Kota Pagar Alam, Muratara")'
    ),
    "rubrik": "Berita (default), Siaran Pers or Pengumuman",
    "tag": "an official tag (repeat for several)",
    "penulis": "author (default: the region's office, e.g. Humas Bawaslu Kabupaten Musi Rawas)",
    "ringkasan": "the summary (default: none; the build takes the lead paragraph)",
}
NEW_USAGE = (
    'invoke new "JUDUL" --wilayah WILAYAH [--rubrik RUBRIK] [--tag TAG …] '
    "[--penulis PENULIS] [--ringkasan RINGKASAN]"
)
NEW_EXAMPLE = (
    'invoke new "Bawaslu Kota Pagar Alam Gelar Patroli Pengawasan Masa Tenang" '
    '--wilayah Pagaralam --tag "masa tenang"'
)
HELP_FLAGS = ("--help", "-h")


class _OptionalTitleTask(Task):
    """`new` whose title is optional on the command line: without one the task
    prints its usage, instead of invoke's "did not receive required positional
    arguments: 'title'" (invoke makes a positional argument required, and one
    with a default is never taken from the command line)."""

    def get_arguments(self, ignore_unknown_help=None):
        arguments = super().get_arguments(ignore_unknown_help)
        if not _title_on_command_line(arguments, sys.argv[1:]):
            for argument in arguments:
                if argument.positional:
                    argument.positional, argument.default = False, ""
        return arguments


def _title_on_command_line(arguments, argv: list[str]) -> bool:
    """Whether a word after `new` is left for the title once the options and
    their values are set aside (`--help`/`-h` count as a title: see `new`)."""
    if "new" not in argv:
        return True
    with_value = {
        f"-{name}" if len(name) == 1 else f"--{name}"
        for argument in arguments
        if not argument.positional and argument.kind is not bool
        for name in argument.names
    }
    words = iter(argv[argv.index("new") + 1 :])
    for word in words:
        if word.startswith("-") and word not in HELP_FLAGS:
            if "=" not in word and word in with_value:
                next(words, None)
            continue
        return True
    return False


def _new_help() -> str:
    """The task's help, for `invoke new --help` (invoke itself shows it only for
    `invoke --help new`, and would take "--help" as the title)."""
    rows = []
    for argument in new.get_arguments():
        long, *short = argument.names
        flags = ", ".join([f"-{s}" for s in short] + [f"--{long}"])
        if argument.positional:
            flags = f'"JUDUL" (or {flags})'
        rows.append((flags, NEW_HELP.get(argument.name, "")))
    width = max(len(flags) for flags, _ in rows) + 2
    lines = [f"Usage: {NEW_USAGE}", "", new.__doc__.strip(), "", "Options:"]
    lines += [f"  {flags.ljust(width)}{text}" for flags, text in rows]
    lines += ["", "Example:", f"  {NEW_EXAMPLE}"]
    return "\n".join(lines)


def _new_checks(settings: dict):
    """The build's checks of a title, a summary and an author that are not a
    source's own checks (`new_article.written_problem`): the social card's
    font (plugins/images), the HTML the sanitizer takes out (plugins/sanitize)
    and an author spelled otherwise than the releases under content/ spell
    them (content_lint's `check_author_spellings`), in their words."""
    import copy

    from markdown import Markdown
    from pelican.readers import MarkdownReader

    from plugins.content_lint.plugin import author_address, office_author_name
    from plugins.images.cards import drawable, left_out
    from plugins.sanitize.clean import clean_html
    from warta.new_article import heads
    from warta.source_checks import check_author_spellings, parse_source

    def author(name: str) -> str | None:
        content = Path(settings["PATH"])
        sources = [
            parse_source(path.relative_to(content).as_posix(), head)
            for path, head in heads(content)
        ]
        new = parse_source("", f"Author: {name}\n\nTeks rilis.\n")
        sources.append(new)
        office = office_author_name(settings, sources)
        for finding in check_author_spellings(sources, author_address(settings), {}, office):
            if finding.path == new.path:
                return f"{finding.message} ({finding.suggestion})"
        return None

    def rendered(summary: str) -> str:
        """The summary's HTML, as Pelican's Markdown reader renders a Summary:."""
        reader = MarkdownReader(copy.deepcopy(settings))
        markdown = Markdown(**reader.settings["MARKDOWN"])
        if "meta" in markdown.preprocessors:
            markdown.preprocessors.deregister("meta")
        return markdown.convert(summary)

    def card(title: str) -> str | None:
        missing = left_out(title)
        if not missing:
            return None
        quoted = ", ".join(f"'{run}'" for run in missing)
        return (
            f"the social card's font cannot draw these characters of the title, so the card "
            f"leaves them out: {quoted} (the card reads '{drawable(title, 'bold')}'; write "
            "them in Latin letters or leave them out of the title)"
        )

    def html(summary: str) -> str | None:
        # The summary as the build shows it: Markdown (`<https://…>` and
        # `<humas@…>` are links, not tags), then cleaned.
        removed = ", ".join(f"'{removal.shown}'" for removal in clean_html(rendered(summary))[1])
        return (
            f"raw HTML removed from the published text: {removed} (write the summary as "
            "plain words)"
            if removed
            else None
        )

    return (("title", card), ("summary", html), ("author", author))


# (invoke empties the help dict it is given: it gets a copy)
@task(klass=_OptionalTitleTask, positional=["title"], iterable=["tag"], help=dict(NEW_HELP))
def new(c, title=None, wilayah="", rubrik="Berita", tag=None, penulis="", ringkasan=""):
    """Write a new article with complete front matter and print its path."""
    from plugins.content_lint.plugin import rules_from_settings
    from warta import new_article

    title = title or ""
    # invoke shows a task's help for `invoke --help new`; staff type `invoke new --help`.
    if title.strip() in HELP_FLAGS or HELP_FLAGS[0] in (wilayah, rubrik, penulis, ringkasan):
        print(_new_help())
        return
    if not title.strip():
        raise Exit(
            f"new: no title: write the headline in quotes\n  usage: {NEW_USAGE}\n"
            f"  example: {NEW_EXAMPLE}\n  every option: invoke new --help"
        )
    settings = _settings()
    try:
        article = new_article.prepare(
            title,
            region=wilayah,
            category=rubrik,
            author=penulis,
            default_author=settings.get("AUTHOR") or "Humas",
            summary=ringkasan,
            tags=tag or [],
            rubrik=settings.get("CONTENT_LINT_RUBRIK", ("Berita", "Siaran Pers", "Pengumuman")),
            resolve_region=_region_resolver(settings),
            resolve_tag=_tag_resolver(settings, wilayah),
            content=Path(settings["PATH"]),
            timezone=settings.get("TIMEZONE", "Asia/Jakarta"),
            rules=rules_from_settings(settings),
            checks=_new_checks(settings),
        )
        path = new_article.write(article, Path(settings["PATH"]))
    except new_article.NewArticleError as exc:
        raise Exit(f"new: {exc}") from None
    print(path)


# ---- bench ----


@task(
    help={
        "articles": "how many synthetic articles (e.g. 1000, 5000, 10000)",
        "seed": "seed of the corpus: the same seed gives the same articles",
        "images": "share of articles with a featured photo (default 0.03)",
        "skip": "skip a step: a (bare Pelican), b, c, d (Pagefind) or e (Hugo); repeatable",
        "profile": "also run warta's cold build under cProfile and summarise the costs",
    },
    iterable=["skip"],
)
def bench(c, articles=1000, seed=2024, images=0.03, skip=None, profile=False):
    """Build a synthetic corpus with bare Pelican, warta, warta after one edit, Pagefind
    and Hugo; print a table and write bench/results-N.json."""
    args = [PY, "-m", "warta.bench.runner", "--articles", str(articles), "--seed", str(seed)]
    args += ["--images", str(images)]
    for step in skip or []:
        args += ["--skip", step]
    if profile:
        args.append("--profile")
    code = _run_attached(args)
    if code == 2:  # refused (another benchmark is running): the runner said why
        raise Exit(code=2)
    if code != 0:
        raise Exit("bench: a build failed; see the logs named above.", code=code)


# ---- newsroom CMS ----
CMS_PROXY = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"


def _cms_proxy_env(port: int, mode: str) -> dict[str, str]:
    """decap-server's settings: its own port, loopback only, this working copy."""
    import os

    return {
        **os.environ,
        "PORT": str(port),
        "BIND_HOST": "127.0.0.1",
        "MODE": mode,
        "GIT_REPO_DIRECTORY": str(ROOT),
        "LOG_LEVEL": "info",
    }


def _free_port(port, option: str, holders: str) -> int:
    """`port` as a number, refused (before anything is built) when it is not a
    port number or something listens on 127.0.0.1 there already (`holders`:
    who may have it, and what would go wrong)."""
    import socket

    try:
        number = int(port)
        if not 0 < number < 65536:
            raise ValueError
    except ValueError:
        raise Exit(f"error: {option} must be a number from 1 to 65535: {port!r}") from None
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", number))
        except OSError as exc:
            raise Exit(
                f"error: port {number} on 127.0.0.1 cannot be used ({exc.strerror}): "
                f"{holders}: stop it, or give another {option}"
            ) from None
    return number


def _free_proxy_port(port) -> int:
    """decap-server's port: another `invoke cms`'s server there (of this working
    copy or another one) would take the CMS's saves into its files."""
    return _free_port(
        port,
        "--proxy-port",
        "another `invoke cms` (of this or another working copy) may have it for "
        "decap-server, and the CMS would save through it into its files",
    )


def _wait_for_proxy(proxy, url: str, timeout: float = 60) -> None:
    """Until our decap-server answers on `url` (Exit when it stopped instead,
    or answers for another working copy)."""
    import json
    import time
    import urllib.request

    request = urllib.request.Request(
        url, data=b'{"action":"info"}', headers={"Content-Type": "application/json"}
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proxy.poll() is not None:
            raise Exit(
                f"error: decap-server stopped as it started (exit {proxy.returncode}): "
                "see its message above"
            )
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                answer = json.loads(response.read())
        except (OSError, ValueError):
            time.sleep(0.2)
            continue
        if answer.get("repo") != ROOT.name:
            raise Exit(
                f"error: {url} answers for another working copy ({answer.get('repo')!r}): "
                "give another --proxy-port"
            )
        return
    raise Exit(f"error: decap-server did not answer on {url} within {timeout:.0f} s")


@task(
    help={
        "port": "port of the site on 127.0.0.1 (default 8000)",
        "proxy_port": "port of decap-server on 127.0.0.1 (default 8081)",
        "workflow": "editorial workflow: each release on a cms/… branch, committed (needs a "
        "clean working copy); default: files written straight into content/",
    }
)
def cms(c, port=8000, proxy_port=8081, workflow=False):
    """Run the newsroom CMS locally: http://127.0.0.1:PORT/admin/ edits this working copy.

    Builds the site with the CMS pointed at a local decap-server (npm, package.json
    pins it), starts that server on 127.0.0.1 and serves output/ on 127.0.0.1.
    Without --workflow the CMS writes files into content/ and commits nothing
    (review them with `git diff`, then `invoke check`); with --workflow it works
    like the published CMS: drafts, review and ready on cms/… branches.
    """
    import json
    import subprocess
    import tempfile

    if not CMS_PROXY.exists():
        raise Exit("decap-server is not installed: run `npm ci` in the project folder.")
    proxy_port = _free_proxy_port(proxy_port)
    if workflow:
        dirty = subprocess.run(
            ["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True
        )
        if dirty.returncode != 0:
            raise Exit("--workflow needs a git working copy: run `git init` and commit first.")
        if dirty.stdout.strip():
            raise Exit(
                "--workflow commits everything in the working copy: commit or stash "
                "these changes first:\n" + dirty.stdout.rstrip()
            )
    proxy_url = f"http://127.0.0.1:{int(proxy_port)}/api/v1"
    _build(DEV_SETTINGS, extra=[f"CMS_LOCAL_BACKEND={json.dumps(proxy_url)}"])
    output = Path(_settings()["OUTPUT_PATH"])
    if not (output / "admin" / "index.html").exists():
        raise Exit("the build wrote no admin/: see the warning above.")
    # The CMS is served from a copy of admin/ as this build wrote it: a plain
    # `invoke build` meanwhile rewrites output/admin/ without the local server
    # (and without the editorial workflow), and the open CMS would then save
    # through another backend, or commit straight to the branch it reviews.
    pinned = Path(tempfile.mkdtemp(prefix="warta-cms-")) / "admin"
    try:
        # The port is taken (or refused) first, so a port in use leaves no
        # decap-server behind.
        server = _preview_server(output, port, quiet=True, pinned=pinned)
    except Exit:
        shutil.rmtree(pinned.parent, ignore_errors=True)
        raise
    shutil.copytree(output / "admin", pinned)
    env = _cms_proxy_env(proxy_port, "git" if workflow else "fs")
    proxy = subprocess.Popen(["node", str(CMS_PROXY)], cwd=ROOT, env=env)
    try:
        _wait_for_proxy(proxy, proxy_url)
    except Exit:
        server.server_close()
        proxy.kill()
        proxy.wait(timeout=10)
        shutil.rmtree(pinned.parent, ignore_errors=True)
        raise

    print(
        f"Ruang redaksi: http://127.0.0.1:{server.server_address[1]}/admin/ "
        f"(decap-server on {proxy_url}, {'cms/… branches' if workflow else 'files in content/'}; "
        "Ctrl+C stops)",
        flush=True,
    )

    def stop_proxy() -> None:
        proxy.terminate()
        proxy.wait(timeout=10)
        shutil.rmtree(pinned.parent, ignore_errors=True)

    _serve_until_stopped(server, then=stop_proxy)
