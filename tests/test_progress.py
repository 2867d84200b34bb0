"""The build progress line: shown in a terminal only, never in CI, and wired to
Pelican's signals by plugins/progress."""

from __future__ import annotations

import fcntl
import io
import json
import os
import pty
import subprocess
import sys
import termios
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
    # Articles taken from the article cache are counted once all are listed.
    progress.articles_listed(SimpleNamespace(articles=[1, 2], drafts=[3], hidden_articles=None))
    assert progress.articles == 3
    progress.articles = 2  # the rest of this test counts read articles
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


def _run_on_terminal(args: list[str], env: dict, timeout: float = 300) -> tuple[int, str]:
    """Run a command with a pseudo-terminal as its stdin, stdout and stderr, as a
    member of staff would in a terminal; everything it shows, and its exit code."""
    import select
    import time

    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen(
            args,
            cwd=REPO,
            env=env,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            start_new_session=True,
            # The terminal becomes the controlling one of the new session, as in a shell.
            preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0),
        )
        os.close(slave)
        slave = -1
        chunks, deadline = [], time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the terminal closed: everything is read
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            elif proc.poll() is not None:
                break
        code = proc.wait(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        os.close(master)
        if slave != -1:
            os.close(slave)
    return code, b"".join(chunks).decode("utf-8", "replace")


def _fixture_folders(tmp_path) -> dict[str, str]:
    content = tmp_path / "content"
    for day in ("17", "18"):
        write_article(
            content / "berita",
            f"2024-11-{day}-rapat.md",
            article_text(
                title=f"Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan {day} November",
                date=f"2024-11-{day} 09:30",
                slug=f"rapat-koordinasi-{day}",
            ),
        )
    return {
        "WARTA_CONTENT_PATH": str(content),
        "WARTA_OUTPUT_PATH": str(tmp_path / "output"),
        "WARTA_CACHE_PATH": str(tmp_path / "cache"),
    }


def test_invoke_build_shows_the_line_in_a_terminal_only(tmp_path):
    """`invoke build` (and scripts/build-site, which runs it) gives the build a
    terminal when it has one: the progress line shows; piped or in CI it does not."""
    env = {k: v for k, v in os.environ.items() if k != "CI"} | _fixture_folders(tmp_path)
    invoke_build = [sys.executable, "-m", "invoke", "build"]
    code, terminal = _run_on_terminal(invoke_build, env)
    assert code == 0, terminal[-2000:]
    frames = [f.strip() for f in terminal.replace("\r\n", "\n").split("\r") if f.strip()]
    final = [f.splitlines()[0] for f in frames if f.startswith("berita dibaca")]
    assert final and final[-1].startswith("berita dibaca 2/2 · halaman ditulis "), terminal
    assert "build ok" in terminal

    piped = subprocess.run(
        invoke_build, cwd=REPO, env=env, capture_output=True, text=True, timeout=300
    )
    assert piped.returncode == 0, piped.stdout + piped.stderr
    assert "build ok" in piped.stdout + piped.stderr
    assert "berita dibaca" not in piped.stdout + piped.stderr
    assert "\r" not in piped.stdout + piped.stderr

    code, terminal = _run_on_terminal(invoke_build, env | {"CI": "true"})
    assert code == 0, terminal[-2000:]
    assert "build ok" in terminal and "berita dibaca" not in terminal


def test_a_build_that_shows_no_line_does_not_listen_to_the_writes(monkeypatch):
    from pelican import signals

    from plugins.progress import plugin

    def receivers() -> list:
        return list(signals.content_written.receivers_for("x/index.html"))

    try:
        monkeypatch.setattr(plugin.DISPLAY, "enabled", False)
        plugin.register()
        assert plugin.DISPLAY.file_written not in receivers()

        monkeypatch.setattr(plugin.DISPLAY, "enabled", True)
        plugin.register()
        assert plugin.DISPLAY.file_written in receivers()
    finally:
        for signal, handler in (
            (signals.initialized, plugin.DISPLAY.build_started),
            (signals.content_object_init, plugin.DISPLAY.content_read),
            (signals.article_generator_pretaxonomy, plugin.DISPLAY.articles_listed),
            (signals.content_written, plugin.DISPLAY.file_written),
            (signals.finalized, plugin.DISPLAY.build_finished),
        ):
            signal.disconnect(handler)
