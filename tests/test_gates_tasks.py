"""Gate: `invoke --list` explains every task the README promises (issue #2, item 3)."""

from __future__ import annotations

import json
import re

import pytest

from conftest import run_invoke, running

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


def test_invoke_serve_answers_a_missing_address_with_the_sites_404_page(tmp_path):
    """As GitHub Pages does; Pelican's own server closed the connection, so a
    staffer previewing a broken link saw a browser error."""
    import urllib.error
    import urllib.request

    from bs4 import BeautifulSoup

    import tasks

    (tmp_path / "berita").mkdir()
    (tmp_path / "index.html").write_text("<title>Beranda</title>", encoding="utf-8")
    (tmp_path / "berita" / "index.html").write_text("<title>Berita</title>", encoding="utf-8")
    (tmp_path / "404.html").write_text("<title>Halaman tidak ditemukan</title>", encoding="utf-8")
    with running(tasks._preview_server(tmp_path, 0, quiet=True)) as base:
        with urllib.request.urlopen(base + "/berita/") as found:
            assert BeautifulSoup(found.read(), "html.parser").title.string == "Berita"
        try:
            urllib.request.urlopen(base + "/tidak-ada/")
        except urllib.error.HTTPError as missing:
            assert missing.code == 404
            title = BeautifulSoup(missing.read(), "html.parser").title.string
            assert title == "Halaman tidak ditemukan"
        else:
            raise AssertionError("a missing address answered 200")


def test_invoke_serve_names_a_port_it_cannot_use_without_a_traceback(tmp_path):
    import socket

    (tmp_path / "index.html").write_text("<title>Beranda</title>", encoding="utf-8")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_invoke("serve", "--port", str(port), WARTA_OUTPUT_PATH=str(tmp_path))
    said = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in said, said
    assert f"error: port {port} on 127.0.0.1 cannot be used" in said, said
    wrong = run_invoke("serve", "--port", "99999", WARTA_OUTPUT_PATH=str(tmp_path))
    assert "--port must be a number from 1 to 65535: 99999" in wrong.stdout + wrong.stderr


def test_invoke_build_passes_the_builds_bytes_through_unbroken(tmp_path):
    """invoke's own runner decodes a command's output 1000 bytes at a time, each
    piece on its own: a character split between two pieces printed as "�" (the
    "–" of a dateline in a message, a quote, an "é"). The build task must hand
    the build's bytes to the terminal as written."""
    import stat
    import subprocess
    import sys

    from conftest import REPO

    line = "x" * 999 + "– PALEMBANG “Pengawasan” é\n"  # the "–" spans bytes 999-1001
    emitted = tmp_path / "emitted.txt"
    emitted.write_text(line, encoding="utf-8")
    fake_python = tmp_path / "python"  # stands in for the build: prints the line
    fake_python.write_text(f"#!/bin/sh\ncat '{emitted}'\n", encoding="utf-8")
    fake_python.chmod(fake_python.stat().st_mode | stat.S_IXUSR)
    driver = (
        "import sys, tasks; from pathlib import Path; "
        f"tasks.PY = Path({str(fake_python)!r}); "
        f"tasks._build(Path({str(tmp_path / 'settings.py')!r}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", driver], cwd=REPO, capture_output=True, stdin=subprocess.DEVNULL
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert result.stdout.decode("utf-8") == line


def test_preview_server_serves_a_pinned_folder_from_its_copy(tmp_path):
    """`invoke cms` pins admin/: a build meanwhile rewrites output/admin/, the
    server keeps showing the copy; nothing else is taken from the copy, and
    no address leads out of it."""
    import urllib.error
    import urllib.request

    import tasks

    output, copy = tmp_path / "output", tmp_path / "copy" / "admin"
    (output / "admin").mkdir(parents=True)
    copy.mkdir(parents=True)
    (output / "admin" / "config.json").write_text('{"from": "build"}', encoding="utf-8")
    (output / "index.html").write_text("site", encoding="utf-8")
    (copy / "config.json").write_text('{"from": "copy"}', encoding="utf-8")
    (tmp_path / "copy" / "secret.txt").write_text("secret", encoding="utf-8")
    with running(tasks._preview_server(output, 0, quiet=True, pinned=copy)) as base:
        with urllib.request.urlopen(base + "/admin/config.json?v=1") as pinned:
            assert json.loads(pinned.read()) == {"from": "copy"}
        with urllib.request.urlopen(base + "/index.html") as page:
            assert page.read() == b"site"
        for escape in ("/admin/../secret.txt", "/admin/%2e%2e/secret.txt"):
            try:
                urllib.request.urlopen(base + escape)
            except urllib.error.HTTPError as refused:
                assert refused.code == 404
            else:
                raise AssertionError(f"{escape} answered 200")


def test_invoke_gazetteer_writes_nothing_through_a_link(tmp_path, monkeypatch):
    """data/regions/gazetteer.csv committed as a link: the build refuses it
    unread, and `invoke gazetteer` wrote the new file into what it points to
    (a maintainer's own file, overwritten). It stops before fetching."""
    from invoke import Context
    from invoke.exceptions import Exit

    import tasks

    target = tmp_path / "punya-saya.txt"
    target.write_text("jangan ditimpa\n", encoding="utf-8")
    link = tmp_path / "data" / "regions" / "gazetteer.csv"
    link.parent.mkdir(parents=True)
    link.symlink_to(target)
    monkeypatch.setattr(tasks, "ROOT", tmp_path)
    monkeypatch.setattr(tasks, "GAZETTEER_FILE", link)
    monkeypatch.setattr(tasks.shutil, "which", lambda name: None)  # no fetch either way
    with pytest.raises(Exit) as stopped:
        tasks.gazetteer(Context())
    assert str(stopped.value.message).startswith(
        f"data/regions/gazetteer.csv: symbolic link refused (not read): it points to '{target}'"
    )
    assert str(stopped.value.message).endswith(": nothing written")
    assert target.read_text(encoding="utf-8") == "jangan ditimpa\n"
