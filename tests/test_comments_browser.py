"""Comments in a real browser against a real Isso server on loopback.

Each stack is a fixture site built with COMMENTS_PROVIDER = "isso", served by
http.server on one free 127.0.0.1 port, and Isso (PyPI `isso`, its own WSGI
app under werkzeug, as `isso run` does) on another, with a throw-away SQLite
database. A thin WSGI wrapper writes every request Isso receives to a file,
so the tests check the server's side too, not only what the page asked for.
"""

from __future__ import annotations

import contextlib
import http.server
import json
import socket
import sqlite3
import subprocess
import sys
import textwrap
import time
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from conftest import FixtureSite, running, serving
from plugins.comments.threads import fallback_thread_id

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
THREAD = "t-3f9a1c2b7d4e5f60"
ARTICLE = "berita/2024/11/rakor/"
CLOSED_ARTICLE = "berita/2024/11/ditutup/"
FAVICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>'
)

# Isso's own app, served as `isso run` serves it, behind a request recorder.
ISSO_LAUNCHER = textwrap.dedent(
    """
    import sys
    from urllib.parse import urlsplit

    from isso import config, make_app
    from werkzeug.serving import run_simple

    conf = config.load(config.default_file(), sys.argv[1])
    app = make_app(conf)
    log = open(sys.argv[2], "a", buffering=1, encoding="utf-8")

    def recording(environ, start_response):
        query = environ.get("QUERY_STRING", "")
        log.write(f"{environ['REQUEST_METHOD']} {environ.get('PATH_INFO', '')}?{query}\\n")
        return app(environ, start_response)

    listen = urlsplit(conf.get("server", "listen"))
    run_simple(listen.hostname, listen.port, recording, threaded=True)
    """
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, timeout: float = 20) -> None:
    """Wait until something accepts TCP connections (no HTTP request is made)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"nothing listens on 127.0.0.1:{port}")


@dataclass
class Isso:
    """A real Isso server on 127.0.0.1:port with its database and request log in root."""

    root: Path
    port: int
    site_origin: str
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def db(self) -> Path:
        return self.root / "comments.db"

    @property
    def request_log(self) -> Path:
        return self.root / "requests.log"

    def requests(self) -> list[str]:
        if not self.request_log.exists():
            return []
        return self.request_log.read_text(encoding="utf-8").splitlines()

    def start(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        config = self.root / "isso.cfg"
        config.write_text(
            textwrap.dedent(
                f"""
                [general]
                dbpath = {self.db}
                host = {self.site_origin}
                notify = stdout
                gravatar = false
                [moderation]
                enabled = false
                [server]
                listen = {self.url}
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
        self.process = subprocess.Popen(
            [sys.executable, "-c", ISSO_LAUNCHER, str(config), str(self.request_log)],
            cwd=self.root,
            stdout=open(self.root / "isso.out", "ab"),  # noqa: SIM115 (lives as long as Isso)
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for_port(self.port)
        except AssertionError:
            self.stop()
            raise AssertionError((self.root / "isso.out").read_text(errors="replace")) from None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)
            self.process = None

    def comments(self) -> list[tuple[str, str, str, str]]:
        """(thread uri, thread title, author, text) of every stored comment."""
        with sqlite3.connect(self.db) as db:
            return db.execute(
                "SELECT threads.uri, threads.title, comments.author, comments.text "
                "FROM comments JOIN threads ON comments.tid = threads.id"
            ).fetchall()


@dataclass
class Stack:
    """A built fixture site served on loopback, its Isso server and the
    SlowLine in front of Isso, if any; `servers` stops the site's and the
    line's servers."""

    site_url: str
    built: object
    isso: Isso | None
    line: SlowLine | None
    servers: contextlib.ExitStack

    def close(self) -> None:
        if self.isso:
            self.isso.stop()
        self.servers.close()


class SlowLine:
    """A pass-through HTTP proxy in front of Isso that holds chosen requests back:
    `delays["/?uri="] = [7]` delays the next thread request by 7 s (a slow
    phone line or a busy server), later ones pass at once; `server` is not
    started (conftest's running() runs it)."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.delays: dict[str, list[float]] = {}
        line = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, *args):
                pass

            def forward(self):
                for prefix, waits in line.delays.items():
                    if self.path.startswith(prefix) and waits:
                        time.sleep(waits.pop(0))
                length = int(self.headers.get("Content-Length") or 0)
                headers = {
                    key: value
                    for key, value in self.headers.items()
                    if key.lower() not in ("host", "connection", "accept-encoding")
                }
                request = urllib.request.Request(
                    line.target + self.path,
                    data=self.rfile.read(length) if length else None,
                    headers=headers,
                    method=self.command,
                )
                try:
                    response = urllib.request.urlopen(request, timeout=30)
                except urllib.error.HTTPError as error:
                    response = error
                body = response.read()
                self.send_response(response.status)
                for key, value in response.headers.items():
                    if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_OPTIONS = do_PUT = do_DELETE = forward

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)


def start_stack(root: Path, *, provider: bool = True, slow_line: bool = False) -> Stack:
    """Build a two-article site (open thread, closed thread), serve it, start Isso
    (behind a SlowLine, `stack.line`, with `slow_line`)."""
    site = FixtureSite(root / "site")
    site.article("rakor.md", slug="rakor", thread=THREAD)
    site.article(
        "ditutup.md",
        title="Bawaslu Kota Prabumulih Umumkan Hasil Pengawasan Kampanye",
        slug="ditutup",
        date="2024-11-18 10:00",
        comments="closed",
    )
    site.page("kebijakan-privasi.md", "Title: Kebijakan Privasi\nSlug: kebijakan-privasi\n\nIsi.\n")
    (site.content / "extra").mkdir(parents=True, exist_ok=True)
    (site.content / "extra" / "favicon.svg").write_text(FAVICON, encoding="utf-8")
    site.output.mkdir(parents=True, exist_ok=True)
    servers = contextlib.ExitStack()
    site_url = servers.enter_context(serving(site.output))
    isso = line = None
    overrides = {}
    if provider:
        isso = Isso(root / "isso", free_port(), site_url)
        isso_url = isso.url
        if slow_line:
            line = SlowLine(isso.url)
            isso_url = servers.enter_context(running(line.server))
        overrides = {
            "COMMENTS_PROVIDER": "isso",
            "COMMENTS_ISSO_URL": isso_url,
            "COMMENTS_LOAD_TIMEOUT": 4,
        }
    built = site.build(**overrides)
    stack = Stack(site_url, built, isso, line, servers)
    if built.returncode != 0:
        stack.close()
        raise AssertionError(built.log)
    if isso:
        isso.start()
    return stack


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    stack = start_stack(tmp_path_factory.mktemp("comments-isso"))
    yield stack
    stack.close()


@pytest.fixture(scope="module")
def slow_stack(tmp_path_factory):
    stack = start_stack(tmp_path_factory.mktemp("comments-slow"), slow_line=True)
    yield stack
    stack.close()


class Recorder:
    """Every request and console error of one page."""

    def __init__(self, page) -> None:
        self.urls: list[str] = []
        self.console_errors: list[str] = []
        page.on("request", lambda request: self.urls.append(request.url))
        page.on(
            "console",
            lambda message: message.type == "error" and self.console_errors.append(message.text),
        )
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))

    def origins(self) -> set[str]:
        return {f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" for u in self.urls}


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 900}, locale="id-ID")
    page = context.new_page()
    yield page
    context.close()


def open_article(page, stack: Stack, path: str = ARTICLE) -> Recorder:
    recorder = Recorder(page)
    page.goto(stack.site_url + "/" + path)
    page.wait_for_load_state("networkidle")
    return recorder


def show_comments(page) -> None:
    page.get_by_role("button", name="Tampilkan komentar").click()
    wait_for_thread(page)


def wait_for_thread(page) -> None:
    page.wait_for_function(
        "() => { const h = document.querySelector('#komentar .isso-thread-heading');"
        " return h && h.textContent.trim().length > 0; }",
        timeout=15000,
    )
    expect(page.locator("[data-comment-status]")).to_have_text("Komentar dimuat.")


def post_comment(page, author: str, text: str) -> None:
    page.locator("#isso-thread > .isso-postbox textarea").fill(text)
    page.locator("#isso-thread > .isso-postbox input[name=author]").fill(author)
    page.locator("#isso-thread > .isso-postbox input[type=submit]").click()
    page.locator("#isso-root .isso-comment .isso-text", has_text=text).wait_for()


def axe_violations(page) -> list:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return result.violations.map(v => ({id: v.id, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' '))}));
        }""",
        WCAG_TAGS,
    )


def test_nothing_reaches_the_comment_server_before_the_click(page, stack):
    isso_seen = len(stack.isso.requests())
    recorder = open_article(page, stack)
    button = page.get_by_role("button", name="Tampilkan komentar")
    assert button.is_visible()
    page.wait_for_timeout(500)
    assert recorder.origins() == {stack.site_url}, recorder.urls
    assert stack.isso.requests()[isso_seen:] == []
    assert page.locator("#isso-thread").count() == 0
    assert recorder.console_errors == []

    show_comments(page)
    assert recorder.origins() == {stack.site_url, stack.isso.url}, recorder.urls
    received = stack.isso.requests()[isso_seen:]
    assert "GET /js/embed.min.js?" in received
    assert f"GET /?uri={THREAD}&sort=oldest&offset=0&nested_limit=5" in received
    thread = page.locator("#isso-thread")
    assert thread.get_attribute("data-isso-id") == THREAD
    assert page.locator("#komentar").get_attribute("data-comment-thread") == THREAD
    # Isso speaks Indonesian ("Belum ada komentar" / "3 komentar", "Kirim").
    assert "komentar" in page.locator(".isso-thread-heading").inner_text().lower()
    submit = page.locator("#isso-thread > .isso-postbox input[type=submit]")
    assert submit.get_attribute("value") == "Kirim"
    expect(button).to_be_hidden()
    assert recorder.console_errors == []


def test_a_posted_comment_appears_after_a_reload_under_the_thread_id(page, stack):
    text = f"Terima kasih, informasinya jelas. ({uuid.uuid4().hex[:8]})"
    open_article(page, stack)
    show_comments(page)
    post_comment(page, "Sari Wulandari", text)

    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.locator("#isso-root .isso-comment").count() == 0  # not loaded before the click
    show_comments(page)
    posted = page.locator("#isso-root .isso-comment", has_text=text)
    assert posted.count() == 1
    assert posted.locator(".isso-author").inner_text() == "Sari Wulandari"
    assert "komentar" in page.locator(".isso-thread-heading").inner_text().lower()
    stored = [row[:3] for row in stack.isso.comments() if text in row[3]]
    title = page.locator("h1").inner_text()
    assert stored == [(THREAD, title, "Sari Wulandari")]


def test_a_remembered_choice_loads_comments_without_a_click(page, stack):
    open_article(page, stack)
    page.get_by_label("Ingat pilihan saya", exact=False).check()
    show_comments(page)

    isso_seen = len(stack.isso.requests())
    page.reload()
    wait_for_thread(page)  # no click
    assert len(stack.isso.requests()) > isso_seen
    assert page.get_by_label("Ingat pilihan saya", exact=False).is_checked()

    page.get_by_label("Ingat pilihan saya", exact=False).uncheck()
    isso_seen = len(stack.isso.requests())
    recorder = open_article(page, stack)
    page.wait_for_timeout(500)
    assert recorder.origins() == {stack.site_url}
    assert stack.isso.requests()[isso_seen:] == []
    assert page.get_by_role("button", name="Tampilkan komentar").is_visible()


def seed_comment(isso: Isso, thread: str, author: str, text: str) -> None:
    """A comment written before the thread was closed (through Isso's own API)."""
    request = urllib.request.Request(
        f"{isso.url}/new?uri={thread}",
        data=json.dumps({"text": text, "author": author, "title": "Berita"}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 201


def test_a_closed_thread_shows_existing_comments_without_a_form(page, stack):
    closed_thread = fallback_thread_id("berita/ditutup.md")
    text = f"Komentar sebelum ditutup. ({uuid.uuid4().hex[:8]})"
    seed_comment(stack.isso, closed_thread, "Andi", text)
    open_article(page, stack, CLOSED_ARTICLE)
    assert "sudah ditutup" in page.locator(".comments__closed").inner_text()
    show_comments(page)
    assert page.locator("#isso-thread").get_attribute("data-isso-id") == closed_thread
    assert page.locator("#isso-root .isso-comment", has_text=text).is_visible()
    assert page.locator("#isso-thread > .isso-postbox").is_hidden()
    assert page.locator("#isso-root .isso-reply").first.is_hidden()


def test_a_closed_thread_offers_no_form_even_when_the_stylesheet_does_not_load(browser, stack):
    """Isso has no closed threads: it drew its form and "Balas" links, which
    only the site's stylesheet hid. A phone whose warta.css did not arrive
    (a slow line cut off) showed the form, and a reader posted into the
    closed thread. They are out of the page, with the stylesheet or without."""
    closed_thread = fallback_thread_id("berita/ditutup.md")
    seed_comment(stack.isso, closed_thread, "Andi", f"Sebelum ditutup. ({uuid.uuid4().hex[:8]})")
    stored = len(stack.isso.comments())
    for stylesheet in (True, False):
        context = browser.new_context(viewport={"width": 390, "height": 900}, locale="id-ID")
        page = context.new_page()
        try:
            if not stylesheet:
                page.route("**/warta.css", lambda route: route.abort())
            open_article(page, stack, CLOSED_ARTICLE)
            show_comments(page)
            page.wait_for_timeout(500)  # whatever Isso still draws
            assert page.locator("#isso-root .isso-comment").count() >= 1
            where = f"stylesheet {'loaded' if stylesheet else 'missing'}"
            assert page.locator("#komentar .isso-postbox").count() == 0, where
            assert page.locator("#komentar .isso-reply").count() == 0, where
            assert page.locator("#komentar textarea, #komentar input[type=submit]").count() == 0
        finally:
            context.close()
    assert len(stack.isso.comments()) == stored


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("path", [ARTICLE, CLOSED_ARTICLE])
def test_a_short_thread_leaves_no_blank_band_below_it(browser, stack, width, path):
    """The room kept for Isso's heading and form while it loads (25rem on a
    phone, 21rem wide) stayed after the thread arrived: a closed thread with
    one comment (no form) left a blank band of about 280 px below it, an
    open one without comments about 16 px on a wide screen. Loaded, the
    thread is as tall as what it shows."""
    if path == CLOSED_ARTICLE:
        closed_thread = fallback_thread_id("berita/ditutup.md")
        seed_comment(stack.isso, closed_thread, "Andi", f"Singkat. ({uuid.uuid4().hex[:8]})")
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="id-ID")
    page = context.new_page()
    try:
        open_article(page, stack, path)
        show_comments(page)
        page.wait_for_timeout(500)  # whatever Isso still draws
        band = page.evaluate(
            """() => { const box = document.querySelector('.comments__thread');
            const bottom = [...box.querySelectorAll('*')]
                .map((el) => el.getBoundingClientRect())
                .filter((r) => r.height > 0)
                .reduce((low, r) => Math.max(low, r.bottom), box.getBoundingClientRect().top);
            return box.getBoundingClientRect().bottom - bottom; }"""
        )
    finally:
        context.close()
    assert band <= 2, f"{band:.0f} px of blank below the thread"


@pytest.mark.parametrize(
    ("width", "scheme"), [(390, "light"), (390, "dark"), (1366, "light"), (1366, "dark")]
)
def test_axe_finds_no_violations_with_the_section_open(browser, stack, width, scheme):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    try:
        open_article(page, stack)
        assert axe_violations(page) == []  # closed state: button and privacy note
        show_comments(page)
        if page.locator("#isso-root .isso-comment").count() == 0:
            post_comment(page, "Budi", f"Pertanyaan untuk Bawaslu. ({uuid.uuid4().hex[:8]})")
        page.locator("#isso-root .isso-comment .isso-reply").first.click()  # opens a reply form
        reply = page.locator("#isso-root .isso-postbox").first
        reply.locator("textarea").wait_for()
        # The reply form's fields have their own labels, not the main form's.
        assert reply.get_by_label("Nama (opsional)").count() == 1
        assert page.locator("[id=isso-postbox-author]").count() == 1
        assert reply.get_by_label("Komentar Anda").is_visible()
        assert axe_violations(page) == []
    finally:
        context.close()


def test_a_stopped_server_gives_a_readable_message_and_retry_works(page, stack):
    # Tests of one module run one after another in a worker: stopping the
    # shared Isso is safe as long as it is running again when the test ends.
    try:
        stack.isso.stop()
        recorder = open_article(page, stack)
        page.get_by_role("button", name="Tampilkan komentar").click()
        status = page.locator("[data-comment-status]")
        status.filter(has_text="tidak dapat dimuat").wait_for(timeout=10000)
        assert status.inner_text() == (
            "Komentar tidak dapat dimuat saat ini: server komentar tidak menjawab. "
            "Silakan coba lagi nanti, atau sampaikan tanggapan melalui halaman Kontak."
        )
        assert status.get_attribute("role") == "status"
        assert status.get_by_role("link", name="halaman Kontak").get_attribute("href") == "/kontak/"
        # No broken box: nothing of Isso's is left on show.
        assert page.locator("[data-comment-mount]").is_hidden()
        assert page.locator(".isso-postbox").count() == 0
        assert recorder.origins() <= {stack.site_url, stack.isso.url}
        assert axe_violations(page) == []

        stack.isso.start()
        page.get_by_role("button", name="Coba lagi").click()
        wait_for_thread(page)
        assert page.locator("[data-comment-mount]").is_visible()
        assert page.locator("#isso-thread").count() == 1
    finally:
        if stack.isso.process is None:
            stack.isso.start()


def test_the_keyboard_focus_stays_in_the_comment_section(page, stack):
    """The button was disabled while loading and hidden once loaded: a keyboard
    or screen-reader user was thrown back to the top of the page."""

    def focused() -> str:
        return page.evaluate(
            "() => { const e = document.activeElement;"
            " return e.hasAttribute('data-comment-load') && 'button'"
            " || e.hasAttribute('data-comment-mount') && 'mount' || e.tagName; }"
        )

    try:
        stack.isso.stop()
        open_article(page, stack)
        button = page.get_by_role("button", name="Tampilkan komentar")
        button.focus()
        page.keyboard.press("Enter")
        assert focused() == "button"  # still on it while loading (or failed already)
        page.locator("[data-comment-status]").filter(has_text="tidak dapat dimuat").wait_for(
            timeout=10000
        )
        assert focused() == "button"
        expect(page.get_by_role("button", name="Coba lagi")).to_be_focused()

        stack.isso.start()
        page.keyboard.press("Enter")
        wait_for_thread(page)
        assert focused() == "mount"
        # Isso's count heading sits one level below the section's own <h2>.
        assert page.locator("#komentar .isso-thread-heading").get_attribute("aria-level") == "3"
        page.keyboard.press("Tab")  # on into the thread's own form
        assert page.evaluate(
            "() => document.querySelector('[data-comment-mount]').contains(document.activeElement)"
        )
    finally:
        if stack.isso.process is None:
            stack.isso.start()


def test_a_misconfigured_server_times_out_with_a_readable_message(page, stack, tmp_path):
    # Isso answers, but not for this site's origin (CORS): its script loads and
    # the thread never does. comments.js gives up after COMMENTS_LOAD_TIMEOUT (4 s).
    stack.isso.stop()
    wrong = Isso(tmp_path / "isso", stack.isso.port, "http://127.0.0.1:9")
    try:
        wrong.start()
        open_article(page, stack)
        page.get_by_role("button", name="Tampilkan komentar").click()
        status = page.locator("[data-comment-status]")
        status.filter(has_text="tidak dapat dimuat").wait_for(timeout=15000)
        assert "GET /js/embed.min.js?" in wrong.requests()  # the script did load
        assert page.locator("[data-comment-mount]").is_hidden()
        assert page.get_by_role("button", name="Coba lagi").is_enabled()

        # The server is set right: a retry (Isso's script is loaded, its
        # settings never arrived) shows the thread.
        wrong.stop()
        stack.isso.start()
        page.get_by_role("button", name="Coba lagi").click()
        wait_for_thread(page)
        assert page.locator(".isso-thread-heading").count() == 1
        assert page.locator("#isso-thread > .isso-postbox").count() == 1
    finally:
        wrong.stop()
        if stack.isso.process is None:
            stack.isso.start()


def test_without_a_provider_the_page_requests_no_script_at_all(page, tmp_path):
    stack = start_stack(tmp_path, provider=False)
    try:
        recorder = open_article(page, stack)
        page.wait_for_timeout(300)
        assert recorder.origins() == {stack.site_url}
        assert not any("comments" in url or "isso" in url for url in recorder.urls), recorder.urls
        section = page.locator("#komentar")
        assert section.get_by_role("heading", name="Komentar").is_visible()
        assert section.get_by_role("link", name="halaman Kontak").is_visible()
        assert section.get_by_role("button").count() == 0
        assert recorder.console_errors == []
        assert axe_violations(page) == []
    finally:
        stack.close()


def test_without_javascript_the_section_speaks_of_no_button(browser, stack):
    """The privacy note said "Sebelum Anda menekan tombol di bawah…" to readers
    who have no button: without JavaScript the controls stay hidden."""
    context = browser.new_context(viewport={"width": 390, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    try:
        recorder = open_article(page, stack)
        section = page.locator("#komentar")
        assert section.get_by_role("button").count() == 0
        shown = section.inner_text()
        assert "tombol" not in shown.lower(), shown
        assert "Komentar memerlukan JavaScript" in shown
        assert section.get_by_role("link", name="halaman Kontak").is_visible()
        privacy = section.get_by_role("link", name="Kebijakan Privasi")
        assert privacy.count() == 1 and privacy.is_visible()
        assert privacy.get_attribute("href") == "/kebijakan-privasi/"
        assert recorder.origins() == {stack.site_url}
    finally:
        context.close()

    # With JavaScript, the note about the button stands above the button.
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    try:
        open_article(page, stack)
        note = page.locator("#komentar .comments__privacy")
        assert note.is_visible()
        assert "tombol di bawah" in note.inner_text()
        assert note.get_by_role("link", name="Kebijakan Privasi").is_visible()
        button = page.get_by_role("button", name="Tampilkan komentar")
        assert note.bounding_box()["y"] < button.bounding_box()["y"]
    finally:
        context.close()


STATUS_LOG = """() => {
    window.__statuses = [];
    const status = document.querySelector('[data-comment-status]');
    new MutationObserver(() => window.__statuses.push(status.textContent))
        .observe(status, {childList: true, characterData: true, subtree: true});
}"""


def test_a_slow_server_that_keeps_answering_is_not_called_silent(page, slow_stack):
    """Script and thread each take 3 s (COMMENTS_LOAD_TIMEOUT 4 s): the wait
    counts silence, not the whole load, so no failure is shown."""
    line = slow_stack.line
    line.delays = {"/js/embed.min.js": [3], "/?uri=": [3]}
    recorder = open_article(page, slow_stack)
    page.evaluate(STATUS_LOG)
    page.get_by_role("button", name="Tampilkan komentar").click()
    wait_for_thread(page)
    statuses = page.evaluate("() => window.__statuses")
    assert not any("tidak dapat dimuat" in text for text in statuses), statuses
    assert page.locator("[data-comment-mount]").is_visible()
    assert recorder.console_errors == []


def test_a_thread_that_arrives_after_the_timeout_is_shown(page, slow_stack):
    """The thread takes 9 s, well past the 4 s wait: the reader first reads that
    the server does not answer, then gets the thread without pressing anything."""
    text = f"Komentar yang datang terlambat. ({uuid.uuid4().hex[:8]})"
    seed_comment(slow_stack.isso, THREAD, "Rina", text)
    line = slow_stack.line
    line.delays = {"/?uri=": [9]}
    recorder = open_article(page, slow_stack)
    page.get_by_role("button", name="Tampilkan komentar").click()
    status = page.locator("[data-comment-status]")
    status.filter(has_text="tidak dapat dimuat").wait_for(timeout=9000)
    assert page.locator("[data-comment-mount]").is_hidden()
    wait_for_thread(page)
    assert page.locator("[data-comment-mount]").is_visible()
    assert page.locator("#isso-root .isso-comment", has_text=text).count() == 1
    assert "comments--failed" not in page.locator("#komentar").get_attribute("class")
    expect(page.get_by_role("button", name="Coba lagi")).to_be_hidden()
    assert recorder.console_errors == []


def test_retry_after_a_slow_first_load_shows_the_thread_once(page, slow_stack):
    """Isso's script had loaded but the thread took 9 s: "Coba lagi" called
    Isso's init() again, whose new count heading never reached the page, so
    every retry ended in the error message (and comments came twice)."""
    text = f"Komentar lama. ({uuid.uuid4().hex[:8]})"
    seed_comment(slow_stack.isso, THREAD, "Dodi", text)
    line = slow_stack.line
    line.delays = {"/?uri=": [9]}  # the first thread request only
    recorder = open_article(page, slow_stack)
    started = time.monotonic()
    page.get_by_role("button", name="Tampilkan komentar").click()
    page.locator("[data-comment-status]").filter(has_text="tidak dapat dimuat").wait_for(
        timeout=9000
    )
    assert time.monotonic() - started < 8  # the first answer is still on its way
    page.get_by_role("button", name="Coba lagi").click()
    wait_for_thread(page)
    assert time.monotonic() - started < 8.5, "the retry waited for the slow answer"
    # Let the first, slow answer arrive too: the thread stays whole, once.
    page.wait_for_timeout(max(0, int((started + 11 - time.monotonic()) * 1000)))
    expect(page.locator("[data-comment-status]")).to_have_text("Komentar dimuat.")
    assert page.locator("#isso-root .isso-comment", has_text=text).count() == 1
    count = page.locator("#isso-root > .isso-comment").count()
    assert count == len({row for row in slow_stack.isso.comments() if row[0] == THREAD})
    assert page.locator(".isso-thread-heading").count() == 1
    assert "komentar" in page.locator(".isso-thread-heading").inner_text().lower()
    assert page.locator("#isso-thread > .isso-postbox").count() == 1
    assert recorder.console_errors == []


LAYOUT_SHIFTS = """() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
            window.__shifts.push({value: entry.value, recent: entry.hadRecentInput,
                sources: entry.sources.map((s) => s.node && (s.node.className || s.node.tagName))
            });
        }
    }).observe({type: 'layout-shift', buffered: false});
}"""


@pytest.mark.parametrize("width", [390, 1366])
def test_loading_comments_on_a_slow_line_does_not_shift_the_page(browser, stack, width):
    """Cumulative layout shift of the load, on a throttled line (1 s latency,
    50 kB/s): Isso's form drawn before its stylesheet, the thread pushing the
    page down and the button vanishing made it about 0.25 ("poor")."""
    context = browser.new_context(
        viewport={"width": width, "height": 800}, is_mobile=width < 800, has_touch=width < 800
    )
    page = context.new_page()
    try:
        open_article(page, stack)
        page.evaluate(LAYOUT_SHIFTS)
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        # Isso's files as on a first visit, over a slow line.
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": 1000,
                "downloadThroughput": 50000,
                "uploadThroughput": 50000,
            },
        )
        button = page.get_by_role("button", name="Tampilkan komentar")
        page.evaluate(
            "() => document.querySelector('[data-comment-load]').scrollIntoView({block: 'center'})"
        )
        page.wait_for_timeout(300)
        if width < 800:
            button.tap()
        else:
            button.click()
        page.wait_for_function(
            "() => { const h = document.querySelector('#komentar .isso-thread-heading');"
            " return h && h.textContent.trim().length > 0; }",
            timeout=40000,
        )
        page.wait_for_timeout(1500)  # whatever Isso still draws
        assert "comments--loaded" in page.locator("#komentar").get_attribute("class")
        shifts = [s for s in page.evaluate("() => window.__shifts") if not s["recent"]]
        total = sum(s["value"] for s in shifts)
        assert total < 0.1, shifts
    finally:
        context.close()
