"""`invoke livereload` as a writer uses it: it previews the site the build
writes (WARTA_CONTENT_PATH / WARTA_OUTPUT_PATH, as `invoke serve`), a save that
breaks the build is one line (no traceback), and the next good save is
previewed."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from bs4 import BeautifulSoup
from test_cms_browser import free_port

from conftest import REPO, FixtureSite


def wait_for(log, text: str, process, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while text not in log.read_text():
        assert process.poll() is None, log.read_text()
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.5)


def fetch(url: str) -> BeautifulSoup:
    with urllib.request.urlopen(url, timeout=10) as response:
        return BeautifulSoup(response.read(), "lxml")


def test_livereload_previews_the_build_and_a_broken_save_is_one_line(tmp_path):
    site = FixtureSite(tmp_path / "site")
    site.article(
        "2024/rapat.md",
        title="Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan",
        slug="rapat-koordinasi",
        body="PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan.",
    )
    port = free_port()
    log = tmp_path / "livereload.log"
    with log.open("w") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "invoke", "livereload", "--port", str(port)],
            cwd=REPO,
            env={
                **os.environ,
                "WARTA_CONTENT_PATH": str(site.content),
                "WARTA_OUTPUT_PATH": str(site.output),
                "WARTA_CACHE_PATH": str(site.root / "cache"),
            },
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_for(log, "Live preview on", process)
        base = f"http://127.0.0.1:{port}"
        page = fetch(f"{base}/berita/2024/11/rapat-koordinasi/")
        assert page.h1.get_text(strip=True) == (
            "Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan"
        )

        time.sleep(1.1)  # a modification time the watcher tells from the first build's
        site.article("2024/rusak.md", "Title: Rilis Setengah Jadi dari Humas\nDate: besok\n")
        wait_for(log, "livereload: Build failed", process)
        assert "Traceback" not in log.read_text(), log.read_text()

        (site.content / "berita" / "2024" / "rusak.md").unlink()
        site.article(
            "2024/patroli.md",
            title="Bawaslu Kota Palembang Gelar Patroli Pengawasan Masa Tenang",
            slug="patroli-masa-tenang",
            body="PALEMBANG – Bawaslu Kota Palembang menggelar patroli pengawasan masa tenang.",
        )
        address = f"{base}/berita/2024/11/patroli-masa-tenang/"
        deadline = time.monotonic() + 300
        while True:
            try:
                page = fetch(address)
                break
            except OSError:
                assert process.poll() is None, log.read_text()
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(1)
        assert "Patroli Pengawasan Masa Tenang" in page.h1.get_text(strip=True)
        assert "Traceback" not in log.read_text(), log.read_text()
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_a_port_another_preview_holds_is_one_line_before_building(tmp_path):
    site = FixtureSite(tmp_path / "site")
    with socket.socket() as held:  # `invoke serve` or `invoke cms` in another terminal
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "invoke", "livereload", "--port", str(port)],
            cwd=REPO,
            env={
                **os.environ,
                "WARTA_CONTENT_PATH": str(site.content),
                "WARTA_OUTPUT_PATH": str(site.output),
                "WARTA_CACHE_PATH": str(site.root / "cache"),
            },
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"error: port {port} on 127.0.0.1 cannot be used"), line
    assert line.endswith("give another --port"), line
    assert not site.output.exists()  # refused before building
