"""`invoke cms` when decap-server's port is taken, by the CMS of another
working copy: the CMS it served saved through that server, into the other
copy's files. It now stops at its start with one line, before building."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from test_cms_browser import DECAP_SERVER, _wait_for_server, free_port

from conftest import REPO


def test_a_cms_port_another_working_copy_serves_is_refused_in_one_line(tmp_path):
    other = tmp_path / "kantor-lain"
    (other / "content").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(other)], check=True)
    port = free_port()
    log = tmp_path / "lain.log"
    with log.open("w") as log_file:
        their = subprocess.Popen(
            ["node", str(DECAP_SERVER)],
            cwd=tmp_path,
            env={
                **os.environ,
                "PORT": str(port),
                "BIND_HOST": "127.0.0.1",
                "MODE": "fs",
                "GIT_REPO_DIRECTORY": str(other),
            },
            stdout=log_file,
            stderr=log_file,
        )
    try:
        _wait_for_server(f"http://127.0.0.1:{port}/api/v1", their, log)
        ours = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "invoke",
                "cms",
                "--port",
                str(free_port()),
                "--proxy-port",
                str(port),
            ],
            cwd=REPO,
            env={
                **os.environ,
                "WARTA_OUTPUT_PATH": str(tmp_path / "output"),
                "WARTA_CACHE_PATH": str(tmp_path / "cache"),
            },
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        started = time.monotonic()
        try:
            out, err = ours.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            os.killpg(ours.pid, signal.SIGKILL)
            out, err = ours.communicate()
            raise AssertionError(f"invoke cms kept running on a taken port:\n{out}{err}") from None
        assert ours.returncode != 0
        assert time.monotonic() - started < 60  # refused before the build
        assert "Ruang redaksi" not in out and "Traceback" not in out + err
        assert not (tmp_path / "output").exists()
        [line] = err.strip().splitlines()
        assert line.startswith(f"error: port {port} on 127.0.0.1 cannot be used"), line
        assert "--proxy-port" in line
        assert their.poll() is None  # the other office's CMS is left alone
    finally:
        their.terminate()
        their.wait(timeout=10)
