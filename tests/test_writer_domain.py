"""plugins/writer: the domain core in warta/ (regions, tags) is part of every page's inputs.

The writer reuses a page when its digest matches the last build's; code is
part of that digest. The domain subpackages (warta.regions, warta.tags) decide
what pages say, so an edit there must render every page again; warta.bench
renders nothing, so an edit there must not.

The builds run against a copy of the `warta` package (the build's working
folder comes first on its import path), so that the test edits the copy and
never the project's own files.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO, BuiltSite, FixtureSite, append_text, newsroom

NO_SEARCH = {"SEARCH_ENABLED": False}
WRITER_LINE = re.compile(r"writer: (\d+) files rendered, (\d+) unchanged and reused")


def counts(log: str) -> tuple[int, int]:
    """(rendered, reused) from the writer's summary line (as tests/test_writer.py)."""
    found = WRITER_LINE.findall(log)
    assert found, f"no writer summary in the log:\n{log[-2000:]}"
    rendered, reused = found[-1]
    return int(rendered), int(reused)


def build_with(package_root: Path, site: FixtureSite) -> BuiltSite:
    """Build `site` as `run_build` does, importing `warta` from `package_root`."""
    overrides = {
        "PATH": str(site.content),
        "OUTPUT_PATH": str(site.output),
        "CACHE_PATH": str(site.root / "cache"),
        **NO_SEARCH,
    }
    args = [sys.executable, "-m", "warta.build", "--settings", str(REPO / "pelicanconf.py")]
    args.append("--verbose")
    for key, value in overrides.items():
        args += ["-e", f"{key}={json.dumps(value)}"]
    env = {**os.environ, "PYTHONPATH": str(package_root)}
    env.pop("WARTA_DEBUG", None)
    proc = subprocess.run(
        args, cwd=package_root, capture_output=True, text=True, env=env, timeout=900
    )
    return BuiltSite(proc.returncode, proc.stdout + proc.stderr, site.output, site.content)


def region_kinds(built: BuiltSite) -> dict[str, str]:
    """Each region page's "Wilayah · …" line, by its folder under /wilayah/."""
    kinds = {}
    for page in sorted((built.output / "wilayah").rglob("index.html")):
        relative = page.parent.relative_to(built.output).as_posix() + "/"
        line = built.html(relative).select_one(".listing__kind")
        if line is not None:
            kinds[relative] = line.get_text(" ", strip=True)
    return kinds


def test_domain_module_edit_renders_every_page_and_bench_edit_none(site, tmp_path):
    package_root = tmp_path / "lib"
    shutil.copytree(
        REPO / "warta",
        package_root / "warta",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    newsroom(site)
    first = build_with(package_root, site)
    assert first.returncode == 0, first.log
    total, reused = counts(first.log)
    assert reused == 0 and total > 20
    kinds = region_kinds(first)
    cities = [path for path, kind in kinds.items() if kind == "Wilayah · Kota"]
    assert cities, kinds  # Kota Palembang and Kota Prabumulih have news

    # A label of the gazetteer (warta/regions/gazetteer.py) that region pages
    # show through a property: no page's context state changes, only the code.
    gazetteer = package_root / "warta" / "regions" / "gazetteer.py"
    source = gazetteer.read_text(encoding="utf-8")
    assert source.count('"kota": "Kota",') == 1
    gazetteer.write_text(source.replace('"kota": "Kota",', '"kota": "Kotamadya",'), "utf-8")
    second = build_with(package_root, site)
    assert second.returncode == 0, second.log
    assert counts(second.log) == (total, 0)
    after = region_kinds(second)
    assert [after[path] for path in cities] == ["Wilayah · Kotamadya"] * len(cities)

    # The benchmark's corpus generator renders no page.
    corpus = package_root / "warta" / "bench" / "corpus.py"
    append_text(corpus, "\n# edited\n")
    third = build_with(package_root, site)
    assert third.returncode == 0, third.log
    assert counts(third.log) == (0, total)
