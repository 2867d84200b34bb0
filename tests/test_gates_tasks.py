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


def test_invoke_serve_answers_a_missing_address_with_the_sites_404_page(tmp_path):
    """As GitHub Pages does; Pelican's own server closed the connection, so a
    staffer previewing a broken link saw a browser error."""
    import threading
    import urllib.error
    import urllib.request

    from bs4 import BeautifulSoup

    import tasks

    (tmp_path / "berita").mkdir()
    (tmp_path / "index.html").write_text("<title>Beranda</title>", encoding="utf-8")
    (tmp_path / "berita" / "index.html").write_text("<title>Berita</title>", encoding="utf-8")
    (tmp_path / "404.html").write_text("<title>Halaman tidak ditemukan</title>", encoding="utf-8")
    server = tasks._preview_server(tmp_path, 0, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
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
    finally:
        server.shutdown()
        server.server_close()


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
