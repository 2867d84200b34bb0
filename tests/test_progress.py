"""The build progress line: shown in a terminal only, never in CI, and wired to
Pelican's signals by plugins/progress."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys
from types import SimpleNamespace

from tests.conftest import REPO, article_text, write_article
from warta.progress import BuildProgress, count_sources, should_display


class Article:  # content_object_init passes Pelican content objects; the kind is the class
    pass


class Page:
    pass


class Static:
    pass


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_only_a_terminal_outside_ci_shows_progress():
    master, slave = pty.openpty()
    try:
        with os.fdopen(slave, "w", closefd=False) as terminal:
            assert should_display(terminal, {})
            assert should_display(terminal, {"CI": "false"})
            assert not should_display(terminal, {"CI": "true"})
            assert not should_display(terminal, {"CI": "1"})
    finally:
        os.close(master)
        os.close(slave)
    assert not should_display(io.StringIO(), {})


def test_counts_articles_pages_and_written_files_and_throttles(tmp_path):
    for name in ("a.md", "b.md", "sub/c.markdown", "d.txt"):
        (tmp_path / "berita" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "berita" / name).write_text("x")
    assert count_sources(str(tmp_path), ["berita"]) == 3

    stream, clock = io.StringIO(), Clock()
    progress = BuildProgress(stream, enabled=True, clock=clock)

    pelican = SimpleNamespace(settings={"PATH": str(tmp_path), "ARTICLE_PATHS": ["berita"]})
    progress.build_started(pelican)
    assert progress.total_articles == 3
    progress.content_read(Article())
    progress.content_read(Page())
    progress.content_read(Static())  # static files are not counted
    clock.now += 0.5
    progress.content_read(Article())
    for index in range(1200):
        progress.file_written(f"out/{index}.html")
    clock.now += 1.0
    progress.build_finished()
    assert (progress.articles, progress.pages, progress.written) == (2, 1, 1200)
    frames = stream.getvalue().split("\r")[1:]
    # Throttled: the start, one redraw after 0.5 s and the final line, not 1200 redraws.
    assert len(frames) == 3
    assert frames[-1] == "berita dibaca 2/3 · halaman ditulis 1.200 · 2 s\n"


def test_disabled_display_writes_nothing():
    stream = io.StringIO()
    progress = BuildProgress(stream, enabled=False)
    progress.content_read(Article())
    progress.file_written("x.html")
    progress.build_finished()
    assert stream.getvalue() == "" and progress.articles == 1


def _build_with_progress(tmp_path, env_extra: dict) -> tuple[int, str]:
    content = tmp_path / "content"
    for day in ("17", "18", "19"):
        write_article(
            content / "berita",
            f"2024-11-{day}-rapat.md",
            article_text(
                title=f"Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan {day} November",
                date=f"2024-11-{day} 09:30",
                slug=f"rapat-koordinasi-{day}",
            ),
        )
    settings = {
        "PATH": str(content),
        "OUTPUT_PATH": str(tmp_path / "output"),
        "CACHE_PATH": str(tmp_path / "cache"),
        "SEARCH_ENABLED": False,
        "PLUGINS": [*_plugins(), "progress"],
    }
    args = [sys.executable, "-m", "warta.build", "--settings", str(REPO / "pelicanconf.py")]
    for key, value in settings.items():
        args += ["-e", f"{key}={json.dumps(value)}"]
    env = {k: v for k, v in os.environ.items() if k != "CI"} | env_extra
    master, slave = pty.openpty()
    try:
        proc = subprocess.run(
            args, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=slave, timeout=300
        )
        os.close(slave)
        slave = -1
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the terminal closed: everything is read
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(master)
        if slave != -1:
            os.close(slave)
    return proc.returncode, b"".join(chunks).decode("utf-8", "replace")


def _plugins() -> list[str]:
    from warta.build import load_settings

    return list(load_settings(REPO / "pelicanconf.py")["PLUGINS"])


def test_plugin_shows_the_line_in_a_terminal_and_not_in_ci(tmp_path):
    code, terminal = _build_with_progress(tmp_path / "tty", {})
    assert code == 0, terminal[-2000:]
    frames = [
        frame.strip() for frame in terminal.replace("\r\n", "\n").split("\r") if frame.strip()
    ]
    final = next(f for f in reversed(frames) if f.startswith("berita dibaca"))
    final = final.splitlines()[0]
    assert final.startswith("berita dibaca 3/3 · halaman ditulis ")
    written = int(final.split("halaman ditulis ")[1].split(" ")[0].replace(".", ""))
    assert written >= 3 + 1  # the three articles and at least the home page

    code, terminal = _build_with_progress(tmp_path / "ci", {"CI": "true"})
    assert code == 0, terminal[-2000:]
    assert "berita dibaca" not in terminal
