"""`invoke cms`: the newsroom CMS run locally against the working copy (issue 17).

The task builds the site with the CMS pointed at a local decap-server, starts
that server and a static server, both on 127.0.0.1; the CMS in a browser then
lists the releases of the working copy through it.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request

import pytest
from test_cms_browser import free_port

from conftest import REPO

pytestmark = pytest.mark.browser


def restore_ctrl_c() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture
def running_cms(tmp_path):
    site_port, proxy_port = free_port(), free_port()
    env = {
        **os.environ,
        "WARTA_OUTPUT_PATH": str(tmp_path / "output"),
        "WARTA_CACHE_PATH": str(tmp_path / "cache"),
    }
    log = tmp_path / "cms.log"
    with log.open("w") as log_file:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "invoke",
                "cms",
                "--port",
                str(site_port),
                "--proxy-port",
                str(proxy_port),
            ],
            cwd=REPO,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl+C reaches the task and decap-server
            # As in a staff member's terminal: a test run started in the
            # background (`bash .ci/run &`) ignores SIGINT, and a child inherits that.
            preexec_fn=restore_ctrl_c,
        )
    try:
        deadline = time.monotonic() + 300
        while "Ruang redaksi:" not in log.read_text():
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.5)
        yield f"http://127.0.0.1:{site_port}", f"http://127.0.0.1:{proxy_port}/api/v1", log
    finally:
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=30)


def post(url: str, body: dict) -> dict:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return json.loads(response.read())
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_invoke_cms_serves_the_cms_against_the_working_copy(running_cms, browser):
    site, proxy, log = running_cms
    assert f"Ruang redaksi: {site}/admin/" in log.read_text()
    with urllib.request.urlopen(site + "/admin/config.json") as response:
        config = json.loads(response.read())["cms"]
    assert config["local_backend"] == {"url": proxy}
    info = post(proxy, {"action": "info"})
    assert info["repo"] == REPO.name
    assert info["type"] == "local_fs"  # files in content/, no commits

    context = browser.new_context(viewport={"width": 1366, "height": 900})
    try:
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.goto(site + "/admin/")
        page.get_by_role("button", name="Masuk").click()
        newest = sorted((REPO / "content" / "berita").rglob("*.md"))[-1]
        title = newest.read_text(encoding="utf-8").splitlines()[0].removeprefix("Title: ")
        page.get_by_text(title, exact=False).first.wait_for()
    finally:
        context.close()


def served_cms_config(site: str) -> dict:
    with urllib.request.urlopen(site + "/admin/config.json") as response:
        return json.loads(response.read())["cms"]


def test_a_plain_build_meanwhile_leaves_the_open_cms_on_the_local_server(running_cms, tmp_path):
    # A staff member runs `invoke build` in another terminal while `invoke cms`
    # runs: the build rewrites output/admin/ for the published CMS (no local
    # server, another backend), but the CMS being served must keep saving
    # through the local decap-server it was started with.
    site, proxy, _log = running_cms
    before = served_cms_config(site)
    env = {
        **os.environ,
        "WARTA_OUTPUT_PATH": str(tmp_path / "output"),
        "WARTA_CACHE_PATH": str(tmp_path / "cache"),
    }
    subprocess.run(
        [sys.executable, "-m", "invoke", "build"],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
    )
    rewritten = json.loads((tmp_path / "output" / "admin" / "config.json").read_text())["cms"]
    assert "local_backend" not in rewritten  # the build did rewrite the output's admin/
    after = served_cms_config(site)
    assert after == before
    assert after["local_backend"] == {"url": proxy}
