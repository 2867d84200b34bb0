"""A closed thread is closed on the comment server too, not only in the page.

Isso has no closed threads: the slot takes the form out of a closed thread's
page, but a comment posted straight to Isso's API (`POST /new?uri=<thread>`)
was stored and shown under the closed release, as was one to a draft's
thread or any `uri` at all. Here a fixture site is built with Isso as the
provider and a real Isso runs behind `warta.comment_gate` (as `invoke
comments` runs it), reading the open threads the build wrote; comments are
posted to the API directly, as a script would.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import textwrap
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from test_comments_browser import free_port, wait_for_port

from conftest import FixtureSite

REPO = Path(__file__).resolve().parents[1]
OPEN = "t-0a1b2c3d4e5f6a7b"
CLOSED = "t-1b2c3d4e5f6a7b8c"
OFF = "t-2c3d4e5f6a7b8c9d"
OLD = "t-3d4e5f6a7b8c9d0e"
DRAFT = "t-4e5f6a7b8c9d0e1f"
ORIGIN = "http://127.0.0.1:9"


def wib_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone(dt.timedelta(hours=7))).replace(tzinfo=None)


@pytest.fixture(scope="module")
def gated(tmp_path_factory):
    root = tmp_path_factory.mktemp("comment-gate")
    site = FixtureSite(root / "site")
    yesterday = f"{wib_now() - dt.timedelta(days=1):%Y-%m-%d %H:%M}"
    site.article("terbuka.md", slug="terbuka", date=yesterday, thread=OPEN)
    site.article("ditutup.md", slug="ditutup", date=yesterday, thread=CLOSED, comments="closed")
    site.article("mati.md", slug="mati", date=yesterday, thread=OFF, comments="off")
    site.article("lama.md", slug="lama", date="2024-11-17 09:30", thread=OLD)
    site.article("draf.md", slug="draf", date=yesterday, thread=DRAFT, status="draft")
    site.page("kebijakan-privasi.md", "Title: Kebijakan Privasi\nSlug: kebijakan-privasi\n\nIsi.\n")
    port = free_port()
    built = site.build(
        COMMENTS_PROVIDER="isso",
        COMMENTS_ISSO_URL=f"http://127.0.0.1:{port}",
        COMMENTS_CLOSE_AFTER_DAYS=30,
    )
    assert built.returncode == 0, built.log
    threads = site.output / "komentar" / "utas-terbuka.json"
    config = root / "isso.cfg"
    config.write_text(
        textwrap.dedent(
            f"""
            [general]
            dbpath = {root / "comments.db"}
            host = {ORIGIN}
            notify = stdout
            gravatar = false
            [moderation]
            enabled = false
            [server]
            listen = http://127.0.0.1:{port}
            [guard]
            enabled = true
            ratelimit = 100
            direct-reply = 100
            reply-to-self = true
            require-author = false
            require-email = false
            """
        ),
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "warta.comment_gate", str(config), str(threads)],
        cwd=REPO,
        stdout=open(root / "isso.out", "ab"),  # noqa: SIM115 (lives as long as Isso)
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for_port(port)
        yield f"http://127.0.0.1:{port}", threads
    finally:
        process.terminate()
        process.wait(timeout=20)


def post(server: str, thread: str, text: str) -> tuple[int, dict]:
    request = urllib.request.Request(
        f"{server}/new?uri={thread}",
        data=json.dumps({"text": text, "author": "Warga", "title": "Berita"}).encode(),
        headers={"Content-Type": "application/json", "Origin": ORIGIN},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        body = error.read()
        return error.code, json.loads(body) if body.startswith(b"{") else {}


def thread_texts(server: str, thread: str) -> list[str]:
    try:
        with urllib.request.urlopen(f"{server}/?uri={thread}", timeout=20) as response:
            return [reply["text"] for reply in json.loads(response.read())["replies"]]
    except urllib.error.HTTPError as error:
        assert error.code == 404  # (Isso: a thread with no comment)
        return []


def test_the_build_lists_only_the_open_threads_of_published_releases(gated):
    _server, threads = gated
    listed = json.loads(threads.read_text(encoding="utf-8"))["open"]
    assert set(listed) == {OPEN}
    # It closes by COMMENTS_CLOSE_AFTER_DAYS with no build in between.
    closes = dt.datetime.fromisoformat(listed[OPEN])
    assert dt.timedelta(days=28) < closes - wib_now() < dt.timedelta(days=30)


def test_a_comment_posted_to_the_api_of_an_open_thread_is_stored(gated):
    server, _threads = gated
    status, _body = post(server, OPEN, "Terima kasih atas informasinya.")
    assert status == 201
    assert "<p>Terima kasih atas informasinya.</p>" in thread_texts(server, OPEN)


@pytest.mark.parametrize(
    "thread",
    [CLOSED, OFF, OLD, DRAFT, "t-tidak-ada-di-situs"],
    ids=["closed", "off", "aged", "draft", "unknown"],
)
def test_a_comment_posted_to_the_api_of_a_thread_not_open_is_refused(gated, thread):
    server, _threads = gated
    status, body = post(server, thread, "Komentar lewat API langsung.")
    assert status == 403
    assert body == {"error": "Kolom komentar berita ini sudah ditutup atau tidak tersedia."}
    assert thread_texts(server, thread) == []


def test_a_missing_list_closes_every_thread_and_is_said_once(tmp_path):
    import io

    from warta.comment_gate import OpenThreads

    log = io.StringIO()
    threads = OpenThreads(tmp_path / "utas-terbuka.json", log)
    assert not threads.is_open(OPEN) and not threads.is_open(OPEN)
    assert len(log.getvalue().splitlines()) == 1
    (tmp_path / "utas-terbuka.json").write_text(json.dumps({"open": {OPEN: None}}))
    assert threads.is_open(OPEN) and not threads.is_open(CLOSED)


def post_raw(server: str, path: str, headers: dict[str, str]) -> int:
    request = urllib.request.Request(
        f"{server}{path}",
        data=json.dumps(
            {"text": "Lewat jalan lain.", "author": "Warga", "title": "Berita"}
        ).encode(),
        headers={"Content-Type": "application/json", "Origin": ORIGIN, **headers},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.parametrize(
    ("path", "headers", "thread"),
    [
        # Isso's SubURI takes X-Script-Name off the path: /x/new is its /new.
        (f"/x/new?uri={CLOSED}", {"X-Script-Name": "/x"}, CLOSED),
        (f"/xnew?uri={CLOSED}", {"X-Script-Name": "/x"}, CLOSED),
        (f"//new?uri={CLOSED}", {}, CLOSED),
        # Isso reads the first uri, blank or not; the gate read the first one not blank.
        (f"/new?uri=&uri={OPEN}", {}, ""),
    ],
    ids=["x-script-name", "x-script-name-in-a-name", "double-slash", "blank-uri-first"],
)
def test_a_comment_sent_to_new_by_another_way_is_refused_too(gated, path, headers, thread):
    server, _threads = gated
    assert post_raw(server, path, headers) == 403
    assert thread_texts(server, thread) == []
