"""`invoke check`: every problem in the content and data files, one line each.

The check runs a real build into a temporary folder, so it reports exactly
what the build reports (every plugin's validation: regions, tags, images,
"BACA JUGA" links, data files…) plus the source checks of `content_lint`, as

    path:line: error|warning|suggestion: message (suggestion)

or, with `--format github`, as GitHub Actions annotations. Exit 1 on errors
(with `--strict`, on warnings too).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from pathlib import Path

from warta.build import build_site, load_settings
from warta.findings import Finding, parse_log_message


def collect(settings_file: Path, *, strict: bool = False) -> tuple[list[Finding], str]:
    """Build into a temp dir and return (findings, the content folder's display prefix)."""
    settings = load_settings(settings_file)
    content = Path(settings["PATH"]).resolve()
    try:
        prefix = f"{content.relative_to(Path.cwd().resolve())}/"
    except ValueError:
        prefix = f"{content}/"
    with tempfile.TemporaryDirectory(prefix="warta-check-") as tmp:
        overrides = {
            "OUTPUT_PATH": str(Path(tmp) / "output"),
            "CACHE_PATH": str(Path(tmp) / "cache"),
            "SEARCH_ENABLED": False,  # the index is not a content problem; skip its cost
        }
        report = build_site(
            settings_file, strict=strict, overrides=overrides, stream=io.StringIO(), quiet=True
        )
    findings = sorted(
        {parse_log_message(message, level, prefix) for level, message in report.messages},
        key=lambda f: (f.path == "", f.path, f.line or 0, f.level, f.message),
    )
    return findings, prefix


def select(findings: list[Finding], paths: list[str]) -> list[Finding]:
    """Findings about the given files or folders (all findings when none given)."""
    if not paths:
        return findings
    wanted = [os.path.normpath(p) for p in paths]

    def matches(finding: Finding) -> bool:
        path = os.path.normpath(finding.path)
        return any(path == w or path.startswith(w.rstrip("/") + os.sep) for w in wanted)

    return [f for f in findings if matches(f)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="invoke check", description=__doc__)
    parser.add_argument("paths", nargs="*", help="files or folders to report on")
    parser.add_argument("--strict", action="store_true", help="warnings fail too")
    parser.add_argument("--format", choices=("text", "github"), default="text")
    parser.add_argument("--settings", default="pelicanconf.py")
    args = parser.parse_args(argv)
    missing = [p for p in args.paths if not os.path.exists(p)]
    if missing:
        print(f"error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    findings, _ = collect(Path(args.settings), strict=args.strict)
    findings = select(findings, args.paths)
    for finding in findings:
        print(finding.github() if args.format == "github" else finding.text())
    errors = sum(f.level == "error" for f in findings)
    warnings = sum(f.level == "warning" for f in findings)
    failed = errors > 0 or (args.strict and warnings > 0)
    summary = f"{errors} error(s), {warnings} warning(s)"
    print(f"check {'FAILED' if failed else 'ok'}: {summary}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
