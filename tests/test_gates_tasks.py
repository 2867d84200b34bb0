"""Gate: `invoke --list` explains every task the README promises (issue #2, item 3)."""

from __future__ import annotations

import re

from conftest import run_invoke

REQUIRED_TASKS = ("build", "rebuild", "clean", "serve", "livereload", "preview", "test")


def test_invoke_list_names_each_task_with_a_one_line_help():
    proc = run_invoke("--list", timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    helps = {}
    for line in proc.stdout.splitlines():
        match = re.match(r"^  (?P<name>[a-z][\w.-]*)(?:\s{2,}(?P<help>\S.*))?$", line)
        if match:
            helps[match["name"]] = (match["help"] or "").strip()
    missing = [name for name in REQUIRED_TASKS if name not in helps]
    assert not missing, f"tasks missing from `invoke --list`: {missing}\n{proc.stdout}"
    undocumented = [name for name in REQUIRED_TASKS if len(helps[name]) < 10]
    assert not undocumented, f"tasks without a help line: {undocumented}\n{proc.stdout}"
