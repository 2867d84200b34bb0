"""`invoke check`: every problem in the content and data files, one line each.

The check runs a real build into a temporary folder (starting from a copy of
the last build's caches of articles as read, enrichment and source checks, so
that a check after a build reads only what changed), so it reports exactly
what the build reports (every plugin's validation: regions, tags, images,
"BACA JUGA" links, data files…) plus the source checks of `content_lint`, as

    path:line: error|warning|suggestion: message (suggestion)

with paths relative to the project root, or, with `--format github`, as GitHub
Actions annotations. Exit 1 on errors (with `--strict`, on warnings too).

`--fix` writes into each release the front-matter lines the build supplied for
it (Slug, Category, Summary, Thread: see plugins/release_defaults), the way a
formatter rewrites a file, so that the address is frozen from then on.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

from warta import frontmatter
from warta.build import build_site, exit_now, load_settings
from warta.buildlog import Paths
from warta.findings import Finding
from warta.paths import Refusal, check_source, replace_file

ORDER = {"error": 0, "warning": 1, "suggestion": 2}


# Caches a check reads (copied, never written): the articles as read
# (article_cache), the enrichment pipeline's and content_lint's parsed sources.
# Not the photo variants or the writer's manifest: a check encodes and renders
# nothing.
CHECK_CACHES = ("enrichment", "article_cache", "content_lint")


def copy_caches(build_cache: Path, check_cache: Path) -> None:
    """Start the check from a copy of the last build's caches, when there are
    any: a check after a build converts and enriches only what changed since.
    Every entry is still validated as in a build (digests of the sources, the
    data and the code); the build's own folder is never written."""
    check_cache.mkdir(parents=True, exist_ok=True)
    if not build_cache.is_dir() or build_cache.is_symlink():
        return
    for name in CHECK_CACHES:
        entry = build_cache / name
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, check_cache / name, symlinks=True)


def collect(settings_file: Path, *, strict: bool = False) -> tuple[list[Finding], Paths]:
    """Build into a temp dir; return the findings and the build's folders."""
    settings = load_settings(settings_file)
    paths = Paths.from_settings(settings, settings_file)
    with tempfile.TemporaryDirectory(prefix="warta-check-") as tmp:
        cache = Path(tmp) / "cache"
        if settings.get("CACHE_PATH"):
            copy_caches(Path(settings["CACHE_PATH"]), cache)
        overrides = {
            "OUTPUT_PATH": str(Path(tmp) / "output"),
            "CACHE_PATH": str(cache),
            # The check's cache is a temporary copy: articles read now are not kept.
            "CACHE_CONTENT": False,
            # Every finding is made before pages are written: plugins that only
            # produce output (pages, photo variants, cards) skip that work.
            "WARTA_CHECK_ONLY": True,
        }
        report = build_site(
            settings_file, strict=strict, overrides=overrides, stream=io.StringIO(), quiet=True
        )
    return ordered(report.findings), paths


def ordered(findings: list[Finding]) -> list[Finding]:
    """Each finding once, file by file (those about no file last), each file's
    by line; a finding about the whole file (no line) after those at its
    lines, as the build says it: a consequence of them ("the officials
    registry could not be read … (fix the error above first)") is read
    after them, never above."""
    return sorted(
        set(findings),
        key=lambda f: (
            f.path == "",
            f.path,
            not f.line,
            f.line or 0,
            ORDER.get(f.level, 3),
            f.message,
        ),
    )


def checked_paths(wanted: list[str], settings_file: Path) -> tuple[list[str], list[str]]:
    """The given paths as the build names what they point at (for `select`),
    and those the build never reads (outside the content folder, data/, the
    settings, the theme and the plugin folders, and not a folder holding one
    of them): a check of them would say "ok" about a file it never opened.

    A path is taken as written when it is inside one of those (a link inside
    content/ is the build's to refuse, at that path); else as the file it leads
    to (a path through a link to content/)."""
    settings = load_settings(settings_file)
    paths = Paths.from_settings(settings, settings_file)
    folders = [
        paths.content,
        paths.project / "data",
        settings_file.parent / "data",
        settings_file,
        *(Path(p) for p in [settings.get("THEME") or ""] if p),
        *(
            Path(p) if Path(p).is_absolute() else settings_file.parent / p
            for p in settings.get("PLUGIN_PATHS") or []
        ),
    ]
    roots = [(Path(os.path.abspath(f)), Path(os.path.realpath(f))) for f in folders]
    selected, unread = [], []
    for given in wanted:
        written, real = Path(os.path.abspath(given)), Path(os.path.realpath(given))
        inside = next((r for r in roots if written.is_relative_to(r[0])), None)
        if inside is not None:
            selected.append(str(written))
            continue
        through = next((r for r in roots if real.is_relative_to(r[1])), None)
        if through is not None:
            selected.append(str(through[0] / real.relative_to(through[1])))
            continue
        if any(r[0].is_relative_to(written) or r[1].is_relative_to(real) for r in roots):
            selected.append(str(written))  # a folder that holds content/
            continue
        unread.append(given)
    return selected, unread


def select(findings: list[Finding], wanted: list[str], paths: Paths) -> list[Finding]:
    """Findings about the given files or folders (all findings when none given)."""
    if not wanted:
        return findings
    shown = [paths.display(os.path.abspath(p)).rstrip("/") for p in wanted]

    def matches(finding: Finding) -> bool:
        return any(
            finding.path == w or finding.path.startswith(w + "/") or w in ("", ".") for w in shown
        )

    return [f for f in findings if matches(f)]


def apply_fix(file: Path, pairs: tuple[tuple[str, str], ...], content: Path) -> list[str]:
    """Add the missing `Key: value` lines at the end of a release's front matter;
    returns the keys written (`fix_file`)."""
    return fix_file(file, pairs, content)[0]


def fix_file(
    file: Path, pairs: tuple[tuple[str, str], ...], content: Path
) -> tuple[list[str], str]:
    """Add the missing `Key: value` lines at the end of a release's front matter;
    returns the keys written, and why nothing was written when the file could
    not be ("" when there was nothing to write). Keeps the file's BOM and line
    ends; never follows a link or writes outside the content folder. A front
    matter a line of text ends (no blank line before the release's text, as
    pasted) gets its lines and the blank line: the text stays the body."""
    real = check_source(content, file)
    if isinstance(real, Refusal) or not real.is_file():
        return [], "it is not a file of the content folder (a link, or outside it)"
    data = real.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return [], "it is not UTF-8 text (save it as UTF-8 first)"
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    text = text.removeprefix("\ufeff")
    # Lines as Markdown counts them (only CR/LF end one), each with its line end.
    lines = re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", text)
    # The file's own line end (Windows CR LF, an old Mac's lone CR), from its first line.
    newline = re.search(r"\r\n|\r|\n", text)
    newline = newline[0] if newline else "\n"
    front_matter = frontmatter.parse(text).front_matter
    end = front_matter.insert_at
    below = ""
    if end is None and front_matter and not front_matter.dashed:
        end, below = front_matter.fields[-1].lines[-1], newline
    if end is None:
        if not front_matter:
            return [], "it has no front matter to add them to"
        return [], (
            f"its `---` block is not closed before line {front_matter.body_start}: "
            "add a `---` line after its last key, then run `invoke check --fix` again"
        )
    declared = front_matter.keys()
    # A YAML block whose keys are all lower case (Decap's and most tools'
    # `title:`, `date:`) gets its keys so: a YAML reader tells `Slug` from
    # `slug`, and a CMS reading `slug` would write a second one beside `Slug`.
    lower = front_matter.dashed and all(f.name == f.name.lower() for f in front_matter.fields)
    written = []
    added = []
    for key, value in pairs:
        if key.lower() in declared:
            continue
        single = " ".join(str(value).split())
        if front_matter.dashed:  # a YAML block: a CMS must read the value back
            single = frontmatter.yaml_written(single)
        added.append(f"{key.lower() if lower else key}: {single}{newline}")
        written.append(key)
    if not written:
        return [], ""
    if not lines[end - 1].endswith(("\n", "\r")):
        lines[end - 1] += newline
    lines[end:end] = [*added, below]
    replace_file(real, (bom + "".join(lines)).encode("utf-8"))
    return written, ""


def fix_all(findings: list[Finding], paths: Paths) -> tuple[list[str], set[Finding]]:
    """Apply every finding's fix; return the lines to print (a file that could
    not be fixed is said too, with why) and the findings fixed."""
    done, fixed = [], set()
    by_file: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.fix and finding.path:
            by_file.setdefault(finding.path, []).append(finding)
    for shown, group in sorted(by_file.items()):
        pairs = tuple(pair for finding in group for pair in finding.fix)
        written, why = fix_file(paths.project / shown, pairs, paths.content)
        if written:
            done.append(f"{shown}: fixed: wrote {', '.join(written)}")
            fixed.update(group)
        elif why:
            done.append(f"{shown}: not fixed: {why}")
    return done, fixed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="invoke check", description=__doc__)
    parser.add_argument("paths", nargs="*", help="files or folders to report on")
    parser.add_argument("--strict", action="store_true", help="warnings fail too")
    parser.add_argument("--format", choices=("text", "github"), default="text")
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument(
        "--fix", action="store_true", help="write the front matter the build supplied"
    )
    args = parser.parse_args(argv)
    missing = [p for p in args.paths if not os.path.exists(p)]
    if missing:
        print(f"error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    selected, unread = checked_paths(args.paths, Path(args.settings))
    if unread:
        for path in unread:
            print(
                f"error: not checked: '{path}' is outside the content folder and data/:"
                " the build never reads it (move a release into content/, e.g."
                " content/berita/<year>/)",
                file=sys.stderr,
            )
        return 2
    findings, paths = collect(Path(args.settings), strict=args.strict)
    findings = select(findings, selected, paths)
    if args.fix:
        done, fixed = fix_all(findings, paths)
        for line in done:
            print(line)
        findings = [f for f in findings if f not in fixed]
    for finding in findings:
        print(finding.github() if args.format == "github" else finding.text())
    errors = sum(f.level == "error" for f in findings)
    warnings = sum(f.level == "warning" for f in findings)
    failed = errors > 0 or (args.strict and warnings > 0)
    summary = f"{errors} error(s), {warnings} warning(s)"
    print(f"check {'FAILED' if failed else 'ok'}: {summary}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    exit_now(main())
