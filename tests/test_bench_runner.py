"""The benchmark runner end to end at N=20: every step runs and the JSON has
times, memory, sizes and ratios."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import REPO
from warta.bench.runner import output_breakdown, profile_owner, tree_rss


def test_runner_at_20_articles_reports_every_step(tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "warta.bench.runner",
            "--articles",
            "20",
            "--bench-dir",
            str(tmp_path),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        # Its own lock: a benchmark running on the machine does not fail the suite.
        env={**os.environ, "TMPDIR": str(tmp_path)},
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    report = json.loads((tmp_path / "results-20.json").read_text())
    assert report["articles"] == 20
    assert report["corpus"]["files"] >= 20
    assert set(report["steps"]) == {"a", "b", "c", "d", "e", "f", "g", "h"}
    for key, step in report["steps"].items():
        assert step["exit_code"] == 0, (key, step["log"])
        assert step["wall_s"] > 0
        assert step["ms_per_article"] == round(step["wall_s"] * 1000 / 20, 2)
        assert step["peak_rss_bytes"] > 5 * 1024**2
        assert step["peak_tree_rss_bytes"] >= step["peak_rss_bytes"] * 0.5
        if key not in ("f", "g", "h"):  # a check writes no site; g rebuilds b's
            assert step["output_bytes"] > 0 and step["output_files"] > 0
    steps = report["steps"]
    # Every article page exists in every site that renders articles.
    assert steps["b"]["output_files"] > 20 and steps["e"]["output_files"] > 20
    assert steps["d"]["output_files"] > 3  # the Pagefind bundle
    ratios = report["ratios"]
    assert ratios["b/a"] == round(steps["b"]["wall_s"] / steps["a"]["wall_s"], 3)
    assert ratios["c/b"] == round(steps["c"]["wall_s"] / steps["b"]["wall_s"], 3)
    assert ratios["b/e"] == round(steps["b"]["wall_s"] / steps["e"]["wall_s"], 3)
    assert ratios["c/a"] == round(steps["c"]["wall_s"] / steps["a"]["wall_s"], 3)
    assert ratios["f/b"] == round(steps["f"]["wall_s"] / steps["b"]["wall_s"], 3)
    assert ratios["h/b"] == round(steps["h"]["wall_s"] / steps["b"]["wall_s"], 3)
    targets = report["targets"]
    assert set(targets) >= {
        "b/a <= 1.0",
        "c/a <= 0.15",
        "check/b (f/b) <= 0.3",
        "check after a build/b (h/b) <= 0.3",
        "output <= 60 KB per article",
        "peak RSS incl. Pagefind <= 2 GiB",
    }
    assert targets["output <= 60 KB per article"] == (
        steps["b"]["output_bytes_per_article"] <= 60_000
    )
    b, d = steps["b"], steps["d"]
    # Measured with search on (step g), not estimated from b and d.
    assert targets["peak_with_search_bytes"] == max(
        b["peak_tree_rss_bytes"], steps["g"]["peak_tree_rss_bytes"]
    )
    assert steps["g"]["peak_tree_rss_bytes"] > d["peak_tree_rss_bytes"] * 0.5
    assert 0 < b["peak_tree_rss_bytes"] < 4 * 1024**3
    assert report["edited_article"].startswith("berita/")
    # Output size per article, and where the bytes go (Pagefind's bundle left out).
    for key in ("b", "c"):
        step = steps[key]
        assert step["output_bytes_per_article"] == round(step["output_bytes"] / 20)
        assert sum(step["output_breakdown"].values()) == step["output_bytes"]
        assert step["output_breakdown"]["social cards"] > 0
        assert step["output_breakdown"]["html"] > 0
    assert "b output: " in proc.stdout and "social cards" in proc.stdout
    # The table on stdout names the steps and the ratios.
    assert "b warta (cold)" in proc.stdout and "c/a = " in proc.stdout
    assert "f invoke check (cold)" in proc.stdout and "h invoke check (warm)" in proc.stdout
    # The cold check starts from an empty cache of its own, the warm one from b's.
    cold = (tmp_path / "work-20" / "check_cold_settings.py").read_text()
    assert "cache-check-cold" in cold
    warm = (tmp_path / "work-20" / "check_warm_settings.py").read_text()
    assert str(tmp_path / "work-20" / "cache") in warm


def test_profile_owner_groups_by_plugin_and_package():
    assert profile_owner("/work/main/plugins/regions/pages.py") == "plugin:regions"
    assert profile_owner("/work/main/warta/regions/gazetteer.py") == "warta.regions"
    assert profile_owner("/work/main/warta/tags/scan.py") == "warta.tags"
    assert profile_owner("/venv/lib/python3.11/site-packages/jinja2/runtime.py") == "jinja2"
    assert profile_owner("/venv/lib/python3.11/site-packages/pelican/writers.py") == "pelican"
    assert profile_owner("~") == "builtin/C"
    assert profile_owner("/work/main/warta/build.py") == "warta"


def test_tree_rss_counts_children():
    child = subprocess.Popen(
        [sys.executable, "-c", "import time; x = bytearray(60 * 2**20); time.sleep(3)"]
    )
    try:
        import time

        time.sleep(1.0)
        import os

        assert tree_rss(os.getpid()) >= tree_rss(child.pid) > 50 * 2**20
    finally:
        child.kill()
        child.wait()


def test_output_breakdown_sorts_bytes_by_kind_of_file(tmp_path):
    files = {
        "berita/a/index.html": 100,
        "berita/a/og.png": 20,
        "images/varian/foto-480-abc.webp": 7,
        "images/2024/foto.jpg": 3,
        "feeds/all.atom.xml": 40,
        "sitemap.xml": 5,
        "theme/css/style.css": 9,
        "pagefind/index.pf": 1000,
    }
    for name, size in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x" * size)
    assert output_breakdown(tmp_path, exclude="pagefind") == {
        "social cards": 20,
        "photos": 10,
        "html": 100,
        "feeds and sitemaps": 45,
        "other": 9,
    }


def test_a_second_benchmark_on_the_machine_is_refused_while_one_runs(tmp_path):
    """Two benchmarks at once share the cores and each times the other: the
    second is refused with one clear line, and runs once the first is done."""
    import fcntl

    from warta.bench.runner import hold_bench_lock

    def output_of(*command: str) -> tuple[int, list[str]]:
        done = subprocess.run(
            [sys.executable, "-m", *command],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "TMPDIR": str(tmp_path)},  # where the machine's lock lives
        )
        return done.returncode, (done.stdout + done.stderr).strip().splitlines()

    lock = tmp_path / "warta-bench.lock"
    running = hold_bench_lock(lock)
    assert running is not None
    assert hold_bench_lock(lock) is None  # the same machine: refused
    refusal = [
        f"another benchmark is running on this machine (lock: {lock}): the two would share "
        "its cores and both sets of timings would be wrong; wait for it to finish, then run "
        "this one"
    ]
    assert output_of("warta.bench.runner", "-n", "20", "--bench-dir", str(tmp_path)) == (
        2,
        refusal,
    )
    assert not (tmp_path / "work-20").exists()
    # As staff run it: `invoke bench` says that one line, not "a build failed".
    assert output_of("invoke", "bench", "--articles", "20") == (2, refusal)
    fcntl.flock(running, fcntl.LOCK_UN)
    running.close()
    assert hold_bench_lock(lock) is not None
