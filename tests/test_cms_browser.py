"""The newsroom CMS in a real browser against a real decap-server (issue 17).

Each test copies a small newsroom (two releases, one with a photo, and a page)
into a temp git repository, runs the npm `decap-server` on 127.0.0.1 in git
mode over it (the editorial workflow's cms/… branches included), builds the
site with the CMS pointed at that server, serves the build on 127.0.0.1 and
drives /admin/ with Debian's Chromium. What the CMS commits is then checked
with `invoke check --strict` and built like any release.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import unicodedata
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from test_gates_browser import HEIGHT, WIDTHS, PageWatch

from conftest import REPO, run_build, serving
from warta.frontmatter import parse
from warta.text import INVISIBLE_FORMAT_CHARACTERS, slugify

pytestmark = pytest.mark.browser

DECAP_SERVER = REPO / "node_modules" / "decap-server" / "dist" / "index.js"
SAMPLE_WITH_PHOTO = (
    "content/berita/2024/2024-11-21-bawaslu-kota-palembang-gelar-apel-siaga-jelang-masa-tenang.md"
)
SAMPLE_PLAIN = (
    "content/berita/2024/2024-11-28-bawaslu-empat-lawang-rampungkan-pengawasan-pungut-hitung.md"
)
PHOTO = "content/images/2024/rakernis-pungut-hitung.jpg"
TITLE = "Bawaslu Kabupaten OKU Awasi Rapat Pleno Rekapitulasi Suara Pilkada Serentak 2024"
SUMMARY = (
    "Bawaslu Kabupaten Ogan Komering Ulu mengawasi rapat pleno rekapitulasi hasil "
    "penghitungan suara Pilkada Serentak 2024 di Baturaja."
)
BODY = (
    "BATURAJA – Bawaslu Kabupaten Ogan Komering Ulu mengawasi rapat pleno rekapitulasi "
    "suara Pilkada Serentak 2024 di Baturaja, Senin.\n\n"
    "Rapat pleno dihadiri saksi pasangan calon dan pengawas kecamatan dari seluruh wilayah."
)
ALT = "Lima pengawas duduk di meja pleno di bawah spanduk rapat kerja teknis"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def git(repo: Path, *args: str) -> str:
    # The newsroom's decap-server runs git in the same repository (its git
    # mode): a command of ours that meets its index.lock waits and tries again.
    for _ in range(50):
        result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True)
        if result.returncode == 0 or "index.lock" not in result.stderr:
            break
        time.sleep(0.1)
    result.check_returncode()
    return result.stdout


@dataclass
class Newsroom:
    repo: Path
    output: Path
    base: str
    server_log: Path
    api: str

    def branches(self) -> list[str]:
        return git(self.repo, "branch", "--format=%(refname:short)").split()

    def cms_branches(self) -> list[str]:
        return [b for b in self.branches() if b.startswith("cms/")]


def _copy(paths: list[str], repo: Path) -> None:
    """Copy files of the sample content, with the photo each release names."""
    for relative in list(paths):
        if relative.endswith(".md"):
            for line in (REPO / relative).read_text(encoding="utf-8").split("\n\n")[0].splitlines():
                if line.startswith("Image: "):
                    paths.append("content/" + line.removeprefix("Image: ").strip())
    for relative in paths:
        target = repo / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / relative, target)


def _wait_for_server(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 30
    request = urllib.request.Request(
        url, data=b'{"action":"info"}', headers={"Content-Type": "application/json"}
    )
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"decap-server stopped:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"decap-server did not answer on {url}:\n{log.read_text()}")


def start_newsroom(tmp_path: Path, mode: str = "git", local: bool = True):
    """The sample newsroom in a git repository, a decap-server over it in
    `mode` ("git": the editorial workflow's cms/… branches; "fs": files
    written into the working copy, as `invoke cms` runs it), the site built
    with the server as its backend and, when `local`, as the local backend
    too (what `invoke cms` builds; a plain build names no local backend),
    and served on 127.0.0.1."""
    repo = tmp_path / "repo"
    _copy(
        [
            SAMPLE_WITH_PHOTO,
            SAMPLE_PLAIN,
            "content/halaman/kontak.md",
            "content/extra/favicon.svg",
        ],
        repo,
    )
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Humas Uji")
    git(repo, "config", "user.email", "humas@example.org")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "Rilis awal")

    port = free_port()
    log = tmp_path / "decap-server.log"
    env = {
        **os.environ,
        "PORT": str(port),
        "BIND_HOST": "127.0.0.1",  # never on another interface
        "MODE": mode,
        "GIT_REPO_DIRECTORY": str(repo),
        "LOG_LEVEL": "info",
    }
    with log.open("w") as log_file:
        server = subprocess.Popen(
            ["node", str(DECAP_SERVER)], cwd=tmp_path, env=env, stdout=log_file, stderr=log_file
        )
    api = f"http://127.0.0.1:{port}/api/v1"
    try:
        _wait_for_server(api, server, log)
        output = tmp_path / "site"
        built = run_build(
            repo / "content",
            output,
            overrides={
                "CMS_BACKEND": {"name": "proxy", "proxy_url": api, "branch": "main"},
                "CMS_LOCAL_BACKEND": api if local else None,
            },
        )
        assert built.returncode == 0, built.log
        with serving(output) as base:
            yield Newsroom(repo, output, base, log, api)
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def newsroom(tmp_path):
    yield from start_newsroom(tmp_path)


class Backend:
    """The page's requests to the newsroom's decap-server. The server runs git
    in the newsroom's repository for each one (`git checkout` takes its
    index.lock), so a git command of a test's that meets one in flight fails
    it: the server answers 500, Decap says it could not load and rejects with
    its bare action (an unhandled ': Object' on the page)."""

    def __init__(self, page, newsroom: Newsroom) -> None:
        self.pending: set = set()
        self.failed: list[str] = []
        self.last = time.monotonic()

        def sent(request) -> None:
            if request.url == newsroom.api:
                self.pending.add(request)
                self.last = time.monotonic()

        def answered(request) -> None:
            if request in self.pending:
                self.pending.discard(request)
                self.last = time.monotonic()
                response = request.response() if request.failure is None else None
                if response is None or response.status >= 500:
                    self.failed.append(f"{request.post_data_json.get('action')}")

        page.on("request", sent)
        page.on("requestfinished", answered)
        page.on("requestfailed", answered)

    def settle(self, page, quiet: float = 0.5, timeout: float = 20) -> None:
        """Return once no request has been unanswered for `quiet` seconds
        (Decap chains some: a save's refresh asks for the entry, then its
        file, then its media)."""
        deadline = time.monotonic() + timeout
        while True:
            page.wait_for_timeout(50)  # also delivers the page's events
            if not self.pending and time.monotonic() - self.last >= quiet:
                return
            if time.monotonic() > deadline:
                asked = sorted(r.post_data_json.get("action") for r in self.pending)
                raise AssertionError(f"decap-server has not answered {asked} in {timeout} s")


def sign_in(opened, newsroom: Newsroom) -> list[str]:
    """Open /admin/ in `opened`, sign in and wait for what a staffer waits for
    before working: the list of releases shown, and every request the CMS made
    on the way answered (media, the workflow's drafts). The page's errors,
    as they come, are the list returned (also `opened.errors`)."""
    errors: list[str] = []
    opened.errors = errors
    opened.backend = Backend(opened, newsroom)
    opened.on("pageerror", lambda error: errors.append(f"{error.name}: {error.message}".strip()))
    opened.set_default_timeout(20_000)
    opened.goto(newsroom.base + "/admin/")
    opened.get_by_role("button", name="Masuk").click()
    listed = parse((REPO / SAMPLE_PLAIN).read_text(encoding="utf-8")).front_matter
    opened.get_by_text(listed.first("title").value).first.wait_for()
    opened.backend.settle(opened)
    return errors


@pytest.fixture
def page(browser, newsroom):
    context = browser.new_context(
        viewport={"width": 1366, "height": 900}, timezone_id="Asia/Jakarta", locale="id-ID"
    )
    opened = context.new_page()
    errors = sign_in(opened, newsroom)
    yield opened
    # The test ends as a staffer leaves: once the CMS has its answers (a save's
    # refresh of the entry); the page's errors are taken then, before closing
    # (closing aborts what is still loading, the preview's files).
    opened.backend.settle(opened)
    seen = list(errors)
    context.close()
    assert seen == [], seen


def fill_release(page, newsroom: Newsroom) -> None:
    page.goto(newsroom.base + "/admin/#/collections/berita/new")
    page.get_by_label("Judul", exact=True).fill(TITLE)
    page.get_by_label("Wilayah").fill("OKU")  # an alias from data/regions/aliases.yaml
    page.keyboard.press("Enter")
    page.get_by_label("Tag").fill("pilkada serentak")
    page.keyboard.press("Enter")
    page.get_by_label("Tag").fill("rekapitulasi")
    page.keyboard.press("Enter")
    page.get_by_label("Ringkasan", exact=True).fill(SUMMARY)
    page.locator(".cms-editor-raw [role=textbox]").click()
    page.keyboard.type(BODY)
    page.get_by_role("button", name="Pilih foto").click()
    with page.expect_file_chooser() as chooser:
        page.get_by_text("Unggah foto").click()
    chooser.value.set_files(str(REPO / PHOTO))
    page.get_by_role("button", name="Pakai yang dipilih").click()


def save(page) -> None:
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.get_by_text("Naskah tersimpan").first.wait_for()


def front_matter(text: str) -> list[tuple[str, str]]:
    header = text.split("\n\n", 1)[0]
    return [
        tuple(line.split(": ", 1)) if ": " in line else (line, "") for line in header.split("\n")
    ]


def test_a_git_command_in_the_newsroom_once_signed_in_fails_none_of_the_cms_loads(
    browser, newsroom
):
    """A test was handed the CMS when its menu showed "Berita", with the list
    of releases still loading; one that then committed a release into the
    newsroom held its index.lock while decap-server ran `git checkout` for that
    load: the server answered 500 and Decap rejected with its bare
    ENTRIES_FAILURE action, ': Object' on the page (about 1 run in 18). Signed
    in, the CMS is at rest: here its list reaches the server late, as under
    load, and a git command holds the index right after signing in."""
    context = browser.new_context(timezone_id="Asia/Jakarta", locale="id-ID")
    try:
        tab = context.new_page()

        def late(route) -> None:
            if route.request.post_data_json.get("action") == "entriesByFolder":
                tab.wait_for_timeout(1500)
            route.continue_()

        tab.route(newsroom.api, late)
        errors = sign_in(tab, newsroom)
        lock = newsroom.repo / ".git" / "index.lock"  # what `git add` and `git commit` hold
        lock.write_bytes(b"")
        try:
            tab.wait_for_timeout(3000)
        finally:
            lock.unlink()
        tab.backend.settle(tab)
        assert errors == []
        assert tab.backend.failed == []
        # The list as signed in: both sample releases (the other is the one with a photo).
        titled = parse((REPO / SAMPLE_WITH_PHOTO).read_text(encoding="utf-8")).front_matter
        expect(tab.get_by_text(titled.first("title").value).first).to_be_visible()
    finally:
        context.close()


def test_release_written_in_the_browser_passes_check_and_builds(page, newsroom, tmp_path):
    fill_release(page, newsroom)
    page.get_by_role("button", name="Simpan", exact=True).click()  # refused: no alt text yet
    page.get_by_text("Teks alternatif foto wajib diisi").first.wait_for()
    page.get_by_text("Ada isian wajib").first.wait_for()
    # (Decap rejects its save promise without a reason: no page error.)
    page.wait_for_timeout(500)
    assert page.errors == []
    assert newsroom.cms_branches() == []
    page.get_by_label("Teks alternatif foto").fill(ALT)
    save(page)

    [branch] = newsroom.cms_branches()
    changed = git(newsroom.repo, "diff", "--name-only", "main", branch).split()
    [article] = [path for path in changed if path.endswith(".md")]
    [photo] = [path for path in changed if path.endswith(".jpg")]
    text = git(newsroom.repo, "show", f"{branch}:{article}")
    keys = front_matter(text)
    date = dict(keys)["Date"]
    slug = "bawaslu-kabupaten-oku-awasi-rapat-pleno-rekapitulasi-suara-pilkada-serentak-2024"
    # Where and how `invoke new` writes a release, plus the photo keys; no
    # Author: when Penulis is left empty (the build supplies it).
    assert article == f"content/berita/{date[:4]}/{date[:10]}-{slug}.md"
    assert [key for key, _ in keys] == [
        "Title",
        "Date",
        "Slug",
        "Category",
        "Region",
        "Tags",
        "Summary",
        "Image",
        "Image-Alt",
        "Thread",
    ]
    values = dict(keys)
    assert values["Title"] == TITLE
    assert values["Slug"] == slug
    assert values["Category"] == "Berita"
    assert values["Region"] == "Kabupaten Ogan Komering Ulu"
    assert values["Tags"] == "Pilkada Serentak 2024, Rekapitulasi Suara"
    # The upload's own name, with a stamp: another photo of that name never replaces it.
    stamped = rf"images/{date[:4]}/rakernis-pungut-hitung-[0-9a-z]{{4,8}}\.jpg"
    assert re.fullmatch(stamped, values["Image"]), values["Image"]
    assert photo == f"content/{values['Image']}"
    assert values["Image-Alt"] == ALT
    assert len(values["Thread"]) == 32 and int(values["Thread"], 16) >= 0
    assert text.split("\n\n", 1)[1] == BODY + "\n"

    # The branch as a reviewer would check it out
    # (git archive: decap-server switches its own checkout between branches as it works).
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    archive = subprocess.run(
        ["git", "archive", branch], cwd=newsroom.repo, capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(checkout)], input=archive, check=True)
    check = subprocess.run(
        [sys.executable, "-m", "invoke", "check", "--strict"],
        cwd=REPO,
        env={**os.environ, "WARTA_CONTENT_PATH": str(checkout / "content")},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert check.returncode == 0, check.stdout + check.stderr

    built = run_build(checkout / "content", tmp_path / "public", strict=True)
    assert built.returncode == 0, built.log
    html = built.html(f"berita/{date[:4]}/{date[5:7]}/{slug}/")
    regions = [a.get_text(" ", strip=True) for a in html.select(".article__regions a")]
    assert regions == ["Sumatera Selatan", "Kabupaten Ogan Komering Ulu"]
    assert byline(html) == ["Humas Bawaslu Kabupaten Ogan Komering Ulu"]
    tags = {a.get_text(" ", strip=True) for a in html.select(".article__tags a.tag")}
    assert {"Pilkada Serentak 2024", "Rekapitulasi Suara"} <= tags
    figure = html.select_one("figure.article__figure")
    image = figure.find("img")
    assert image["alt"] == ALT
    # the photo uploaded, published as variants named after the release's own
    # address, never the upload's file name
    variant = image["src"].rsplit("/", 1)[-1]
    assert variant.startswith(slug[:40]) and "rakernis-pungut-hitung" not in variant


@pytest.mark.parametrize("sample", [SAMPLE_WITH_PHOTO, SAMPLE_PLAIN])
def test_opening_a_release_changes_nothing_and_an_edit_changes_one_line(page, newsroom, sample):
    entry = sample.removeprefix("content/berita/").removesuffix(".md")
    page.goto(f"{newsroom.base}/admin/#/collections/berita/entries/{entry}")
    original = (REPO / sample).read_text(encoding="utf-8")
    old_summary = dict(front_matter(original))["Summary"]
    summary = page.get_by_label("Ringkasan", exact=True)
    expect(summary).to_have_value(old_summary)
    # The preview (the site's CSS, in an iframe) lists what `invoke check` would say.
    preview = page.frame_locator("iframe").first
    expect(preview.locator(".warta-cms-checks")).to_be_visible()
    # Loading the form changed nothing: Decap would save a changed entry.
    expect(page.get_by_role("button", name="Simpan", exact=True)).to_be_disabled()
    summary.fill(old_summary + " Diperbarui.")
    save(page)
    [branch] = newsroom.cms_branches()
    saved = git(newsroom.repo, "show", f"{branch}:{sample}")
    expected = original.replace(
        f"Summary: {old_summary}\n", f"Summary: {old_summary} Diperbarui.\n", 1
    )
    assert expected != original
    assert saved == expected  # every other byte as it was: key order, unknown keys, body


def test_the_commits_the_cms_makes_are_named_in_indonesian(page, newsroom):
    """The content repository's history is read by its staff and reviewers:
    a save, and taking a release off the site ("Tarik dari situs"), were
    committed as Decap's English "Update Berita …" and "Delete Berita …"."""
    plain = SAMPLE_PLAIN.removeprefix("content/berita/").removesuffix(".md")
    page.goto(f"{newsroom.base}/admin/#/collections/berita/entries/{plain}")
    summary = page.get_by_label("Ringkasan", exact=True)
    expect(summary).not_to_have_value("")
    summary.fill(summary.input_value() + " Diperbarui.")
    save(page)
    [branch] = newsroom.cms_branches()
    made = git(newsroom.repo, "log", "--format=%s", f"main..{branch}").splitlines()
    assert made == [f"Ubah Berita “{plain}”"]

    photo = SAMPLE_WITH_PHOTO.removeprefix("content/berita/").removesuffix(".md")
    page.goto(f"{newsroom.base}/admin/#/collections/berita/entries/{photo}")
    page.once("dialog", lambda dialog: dialog.accept())  # "Tarik berita ini dari situs?"
    page.get_by_role("button", name="Sudah terbit", exact=True).click()
    page.get_by_role("menuitem", name="Tarik dari situs").click()
    page.get_by_text("Ditarik dari situs").first.wait_for()
    taken = git(newsroom.repo, "log", "--format=%s", "-1", "main").strip()
    assert taken == f"Hapus Berita “{photo}”"


def test_every_sample_file_round_trips_through_the_format(page):
    """The format itself, in the browser: every release and page of the sample
    content read and written back unchanged, in both the article and page format."""
    files = {
        path.relative_to(REPO).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted((REPO / "content").rglob("*.md"))
    }
    config = json.loads(page.evaluate("fetch('config.json').then(r => r.text())"))
    changed = page.evaluate(
        """([files, warta]) => {
          const out = {};
          for (const [path, text] of Object.entries(files)) {
            const kind = path.startsWith('content/halaman/') ? 'halaman' : 'berita';
            const format = window.WARTA_CMS.makeFormat(warta.formats[kind], warta);
            const again = format.toFile(format.fromFile(text));
            if (again !== text) out[path] = again;
          }
          return out;
        }""",
        [files, config["warta"]],
    )
    assert len(files) > 40
    assert changed == {}


def test_line_breaks_typed_into_a_field_stay_on_its_front_matter_line(page):
    """The summary is a textarea: Enter there wrote a second line into the
    front matter, which ended it (an error), and a blank line moved the rest of
    the keys into the body."""
    config = json.loads(page.evaluate("fetch('config.json').then(r => r.text())"))
    text = page.evaluate(
        """(warta) => {
          const format = window.WARTA_CMS.makeFormat(warta.formats.berita, warta);
          return format.toFile({
            title: 'Bawaslu Kota Palembang\\nAwasi Rapat Pleno',
            date: '2024-11-17 09:30',
            summary: 'Kalimat pertama ringkasan.\\n\\nKalimat kedua\\r\\n  ringkasan.',
            image_alt: 'Peserta rapat\\tduduk',
            body: 'PALEMBANG – Isi berita.\\n\\nParagraf kedua.',
          });
        }""",
        config["warta"],
    )
    document = parse(text)
    values = {f.key: f.values for f in document.front_matter.fields}
    assert values["title"] == ("Bawaslu Kota Palembang Awasi Rapat Pleno",)
    assert values["summary"] == ("Kalimat pertama ringkasan. Kalimat kedua ringkasan.",)
    assert values["image-alt"] == ("Peserta rapat duduk",)
    assert document.front_matter.closed
    assert [line for _, line in document.body if line] == [
        "PALEMBANG – Isi berita.",
        "Paragraf kedua.",
    ]


def test_editorial_workflow_draft_review_ready_publish(page, newsroom):
    fill_release(page, newsroom)
    page.get_by_label("Teks alternatif foto").fill(ALT)
    save(page)
    [branch] = newsroom.cms_branches()
    assert branch.startswith("cms/berita/")

    def label() -> str:
        return git(newsroom.repo, "config", f"branch.{branch}.description").strip()

    assert label() == "decap-cms/draft"
    for status, stored in (
        ("Diperiksa", "decap-cms/pending_review"),
        ("Siap terbit", "decap-cms/pending_publish"),
    ):
        page.get_by_role("button", name="Status:").click()
        page.get_by_role("menuitem", name=status).click()
        # The branch description changes when the server has handled the request
        # (the toast of the previous change may still be on screen).
        deadline = time.monotonic() + 20
        while label() != stored and time.monotonic() < deadline:
            time.sleep(0.2)
        assert label() == stored
        expect(page.get_by_role("button", name=f"Status: {status}")).to_be_visible()

    page.goto(newsroom.base + "/admin/#/workflow")
    page.get_by_text("Siap terbit").first.wait_for()
    assert page.get_by_text(TITLE).count() == 1

    page.goto(newsroom.base + "/admin/#/collections/berita")
    page.goto(f"{newsroom.base}/admin/#/collections/berita/entries/{branch.split('/', 2)[2]}")
    page.get_by_role("button", name="Terbitkan").click()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("menuitem", name="Terbitkan sekarang").click()
    page.get_by_text("Berita diterbitkan").first.wait_for()
    deadline = time.monotonic() + 20
    while newsroom.cms_branches() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert newsroom.cms_branches() == []  # merged into main, branch deleted
    tree = git(newsroom.repo, "ls-tree", "-r", "--name-only", "main")
    assert any(path.endswith(branch.rsplit("/", 1)[-1] + ".md") for path in tree.split())


@pytest.mark.parametrize("width", WIDTHS)
def test_the_cms_screens_pass_axe_and_request_nothing_from_elsewhere(browser, newsroom, width):
    """The screens staff use (collection list, the form, the workflow board) at
    390 and 1366 px: no axe-core violation (WCAG 2.2 AA rules, as the site's
    pages), no error, and no request to a host but the site and its decap-server."""
    context = browser.new_context(viewport={"width": width, "height": HEIGHT})
    try:
        tab = PageWatch(context, newsroom.base)
        tab.page.set_default_timeout(20_000)
        tab.page.on("dialog", lambda dialog: dialog.accept())  # leaving the unsaved form
        problems = list(tab.visit("/admin/"))
        tab.page.get_by_role("button", name="Masuk").wait_for()
        problems += [f"sign-in: {problem}" for problem in tab.axe()]  # "Kembali ke situs"
        tab.page.get_by_role("button", name="Masuk").click()
        screens = (
            ("#/collections/berita", tab.page.get_by_text("Berita baru tersimpan sebagai draf")),
            ("#/collections/berita/new", tab.page.get_by_label("Judul", exact=True)),
            ("#/workflow", tab.page.get_by_text("Siap terbit").first),
        )
        for route, ready in screens:
            tab.page.goto(f"{newsroom.base}/admin/{route}")
            ready.first.wait_for()
            tab.page.wait_for_timeout(500)  # Decap renders in several passes
            problems += [f"{route}: {problem}" for problem in tab.axe()]
        proxy = urlsplit(newsroom.api).netloc
        problems = [problem for problem in problems + tab.events if proxy not in problem]
        assert problems == [], "\n".join(problems)
    finally:
        context.close()


def test_a_page_opens_with_the_site_s_look(page, newsroom):
    page.goto(f"{newsroom.base}/admin/#/collections/halaman/entries/kontak")
    expect(page.get_by_label("Judul", exact=True)).to_have_value("Kontak")
    preview = page.frame_locator("iframe").first
    expect(preview.locator("article.article h1")).to_have_text("Kontak")
    expect(preview.locator("link[rel=stylesheet][href$='/theme/css/warta.css']")).to_have_count(1)
    expect(page.get_by_role("button", name="Simpan", exact=True)).to_be_disabled()


@pytest.mark.parametrize("zone", ["Asia/Jayapura", "UTC"])
def test_the_date_is_wib_and_a_taken_address_gets_a_number(browser, newsroom, zone):
    """A laptop set to WIT or UTC once wrote its own clock (a release held back
    two hours, or back-dated seven); a headline already used that month, or a
    page title the site uses (Kontak, Cari), once saved fine and failed the build."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    context = browser.new_context(viewport={"width": 1366, "height": 900}, timezone_id=zone)
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    try:
        tab.goto(newsroom.base + "/admin/")
        tab.get_by_role("button", name="Masuk").click()
        tab.get_by_role("link", name="Berita").first.wait_for()
        tab.goto(newsroom.base + "/admin/#/collections/berita/new")
        date = tab.get_by_label("Tanggal dan jam terbit (WIB)")
        expect(date).not_to_have_value("")
        shown = datetime.fromisoformat(date.input_value())
        wib = datetime.now(ZoneInfo("Asia/Jakarta")).replace(tzinfo=None)
        assert abs(shown - wib) < timedelta(minutes=2), (zone, shown, wib)
        # The take-down date is optional: empty on a new release (a time here
        # takes the release off the site), written in WIB as typed when filled.
        ending = tab.get_by_label("Diturunkan pada (WIB)")
        expect(ending).to_have_value("")
        if zone == "UTC":
            ending.fill("2024-12-29T10:00")

        # The headline of 2024-11's Empat Lawang release, in the same month.
        taken = "bawaslu-empat-lawang-rampungkan-pengawasan-pungut-hitung"
        tab.get_by_label("Judul", exact=True).fill(
            "Bawaslu Empat Lawang Rampungkan Pengawasan Pungut Hitung"
        )
        date.fill("2024-11-29T10:00")
        tab.get_by_label("Ringkasan", exact=True).fill(SUMMARY)
        tab.locator(".cms-editor-raw [role=textbox]").click()
        tab.keyboard.type(BODY)
        save(tab)
        values = dict(front_matter(committed(newsroom, "content/berita/")))
        assert (values["Date"], values["Slug"]) == ("2024-11-29 10:00", f"{taken}-2")
        assert values.get("Kedaluwarsa") == ("2024-12-29 10:00" if zone == "UTC" else None)

        for typed, slug in (("Kontak", "kontak-2"), ("Cari", "cari-2")):
            tab.goto(newsroom.base + "/admin/#/collections/halaman/new")
            tab.reload()  # a new editor, not the last one under a new address
            tab.get_by_text("Isi halaman").first.wait_for(
                timeout=60_000
            )  # a reloaded Decap, slow on a busy machine
            title = tab.get_by_label("Judul", exact=True)
            title.fill(typed)
            expect(title).to_have_value(typed)
            tab.locator(".cms-editor-raw [role=textbox]").click()
            tab.keyboard.type("Isi halaman uji.")
            tab.get_by_role("button", name="Simpan", exact=True).click()
            assert (
                dict(front_matter(committed(newsroom, f"content/halaman/{slug}.md")))["Slug"]
                == slug
            )
    finally:
        context.close()


def committed(newsroom: Newsroom, prefix: str) -> str:
    """The text of the one file under `prefix` that a cms/… branch adds (waited for)."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        for branch in newsroom.cms_branches():
            for path in git(newsroom.repo, "diff", "--name-only", "main", branch).split():
                if path.startswith(prefix) and path.endswith(".md"):
                    return git(newsroom.repo, "show", f"{branch}:{path}")
        time.sleep(0.2)
    raise AssertionError(f"no saved file under {prefix}: {newsroom.cms_branches()}")


def test_a_release_naming_regions_and_tags_by_alias_or_code_opens_with_them_chosen(page):
    """`Region: Empat Lawang`, `Region: 16`, `Tags: PAW` build without a finding,
    but the form showed no region and its check box said "Wilayah tidak
    dikenal" and "bukan tag resmi"; opened and saved unchanged, the file stays."""
    config = json.loads(page.evaluate("fetch('config.json').then(r => r.text())"))
    text = (
        "Title: Bawaslu Empat Lawang Gelar Rapat Pengawasan Pergantian Antarwaktu\n"
        "Date: 2025-07-15 09:00\nSlug: rapat-paw\nCategory: Berita\n"
        "Author: Humas Bawaslu Kabupaten Empat Lawang\n"
        "Region: Empat Lawang; 16; Ilir Barat I; 1671\nTags: PAW, divisi p2h, Tag Bebas\n"
        "Summary: Bawaslu Empat Lawang menggelar rapat pengawasan pergantian antarwaktu.\n\n"
        "TEBING TINGGI – Bawaslu Kabupaten Empat Lawang menggelar rapat.\n"
    )
    result = page.evaluate(
        """([text, warta]) => {
          const format = window.WARTA_CMS.makeFormat(warta.formats.berita, warta);
          const entry = format.fromFile(text);
          // (as start() completes the data before the checks run)
          warta.tag_groups = Object.fromEntries(warta.official_tags.map((t) => [t.name, t.group]));
          const problems = window.WARTA_CMS.checks(
            { getIn: ([, name]) => entry[name] }, warta);
          const again = format.toFile(entry);
          const edited = format.toFile({...entry, tags: entry.tags.slice(0, 2)});
          return {region: entry.region, tags: entry.tags, again, edited, problems};
        }""",
        [text, config["warta"]],
    )
    assert result["region"] == [
        "Kabupaten Empat Lawang",
        "Sumatera Selatan",
        "16.71.04",
        "1671",  # not a code the build reads: said, as the build says it
    ]
    p2h = "Divisi Pencegahan, Partisipasi Masyarakat, dan Hubungan Masyarakat"
    assert result["tags"] == ["Pergantian Antarwaktu", p2h, "Tag Bebas"]
    # A name several options share, narrowed by the other values as the build does.
    regions = page.evaluate(
        """([warta]) => {
          const format = window.WARTA_CMS.makeFormat(warta.formats.berita, warta);
          const read = (line) => format.fromFile(`Title: X\nRegion: ${line}\n\nIsi.\n`).region;
          return [read('Empat Lawang, Pendopo'), read('Lampung, Mesuji'), read('Pendopo'),
                  read('Mesuji'), read('Empat Lawang, Kec. Tebing Tinggi'),
                  read('Kota PLG; Kab. OKU'), read('Agung'), read('Lahat, Kecamatan Lahat'),
                  read('Kayuagung, Ogan Komering Ilir'), read('Empat Lawang, Tebing Tinggi'),
                  read('Lahat, Lahat')];
        }""",
        [config["warta"]],
    )
    assert regions == [
        ["Kabupaten Empat Lawang", "16.11.02"],
        ["Lampung", "Kabupaten Mesuji"],
        ["Pendopo"],  # PALI's town and Empat Lawang's kecamatan: ambiguous, as written
        ["16.02.04"],
        ["Kabupaten Empat Lawang", "16.11.04"],  # a level word, short, as the build reads it
        ["Kota Palembang", "Kabupaten Ogan Komering Ulu"],
        ["Agung"],  # no unit's name: as written (the build calls it unknown)
        ["Kabupaten Lahat", "16.04.10"],  # a kecamatan is no context for its namesake
        # a seat inside its kabupaten is the kabupaten, as the build's alias tier
        ["Kabupaten Ogan Komering Ilir", "Kabupaten Ogan Komering Ilir"],
        ["Kabupaten Empat Lawang", "Kabupaten Empat Lawang"],
        ["Kabupaten Lahat", "Kabupaten Lahat"],
    ]
    # Tags as the build reads them: a name with commas that a comma list
    # split, made whole; "Pemilu2024" is no spelling of "Pemilu 2024".
    tags = page.evaluate(
        """([warta]) => {
          const format = window.WARTA_CMS.makeFormat(warta.formats.berita, warta);
          const read = (line) => format.fromFile(`Title: X\nTags: ${line}\n\nIsi.\n`).tags;
          return [read(`${warta.p2h}, Pengawas TPS`), read('Pemilu2024'),
                  read('Uji Petik, Data Pemilih'), read('Pencegahan, Parmas dan Humas'),
                  read('Netralitas A.S.N., P T P S')];
        }""",
        [{**config["warta"], "p2h": p2h}],
    )
    assert tags == [
        [p2h, "Pengawas TPS"],
        ["Pemilu2024"],
        ["Uji Petik", "Pemutakhiran Data Pemilih"],
        # pieces of an alias without commas: as the build reads them, two
        # tags, "Pencegahan" unknown and "Parmas dan Humas" an alias of P2H
        ["Pencegahan", p2h],
        # an acronym typed with dots or spaces, as the build joins its letters
        ["Netralitas ASN", "Pengawas TPS"],
    ]
    assert result["again"] == text
    # A tag whose name holds commas: the list is written with semicolons,
    # which Pelican splits at instead (one tag, not three).
    assert f"\nTags: Pergantian Antarwaktu; {p2h}\n" in result["edited"]
    said = [
        message for _, message in result["problems"] if "Wilayah" in message or "Tag" in message
    ]
    assert said == [
        "Wilayah tidak dikenal: “1671”. Pilih dari daftar.",
        "Tag “Tag Bebas” bukan tag resmi: tag ini tidak akan tampil.",
    ]


def test_a_photo_over_the_builds_size_limit_is_refused_at_upload(page, newsroom, tmp_path):
    """A 10.8 MB phone photo was taken with "no problems found", and the build
    then failed on it (IMAGES_MAX_SOURCE_BYTES)."""
    from PIL import Image

    # A limit just above the newsroom's own photos, and a noisy photo above it.
    limit = max(p.stat().st_size for p in (newsroom.repo / "content").rglob("*.jpg")) + 1
    upload = tmp_path / "foto-besar.jpg"
    Image.effect_noise((900, 900), 120).convert("RGB").save(upload, quality=95)
    assert upload.stat().st_size > limit
    rebuilt = run_build(
        newsroom.repo / "content",
        newsroom.output,
        overrides={
            "CMS_BACKEND": {"name": "proxy", "proxy_url": newsroom.api, "branch": "main"},
            "IMAGES_MAX_SOURCE_BYTES": limit,
        },
    )
    assert rebuilt.returncode == 0, rebuilt.log
    page.goto(newsroom.base + "/admin/#/collections/berita/new")
    page.reload()  # the new config.json
    page.get_by_label("Judul", exact=True).wait_for()
    said = []
    page.on("dialog", lambda dialog: (said.append(dialog.message), dialog.accept()))
    page.get_by_role("button", name="Pilih foto").click()
    with page.expect_file_chooser() as chooser:
        page.get_by_text("Unggah foto").click()
    chooser.value.set_files(str(upload))
    for _ in range(100):  # the alert comes once Decap has read the file
        if said:
            break
        page.wait_for_timeout(50)
    assert said and said[0].startswith("Berkas terlalu besar."), said
    assert f"{limit // 1000} kB" in said[0]
    assert newsroom.cms_branches() == []


def test_a_photo_added_in_the_body_lands_where_the_build_takes_it(page, newsroom):
    """Decap's "Image" component (English, as "Code Block") saved the photo
    beside the release with no alt text: the strict build failed on both."""
    fill_release(page, newsroom)
    page.get_by_label("Teks alternatif foto").fill(ALT)
    body = page.locator(".cms-editor-raw [role=textbox]")
    body.press("End")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    # Raw Markdown first (warta-cms.js opens the body so): switch to rich text.
    page.get_by_role("switch", name="Mode teks berformat").click()
    add = page.locator("button[title='Tambah komponen']:not([disabled])")
    add.wait_for()
    add.click()
    items = page.get_by_role("menuitem")
    assert items.all_inner_texts() == ["Foto"]  # no English "Image" or "Code Block"
    items.first.click()
    page.get_by_role("button", name="Pilih foto").last.click()
    with page.expect_file_chooser() as chooser:
        page.get_by_text("Unggah foto").click()
    chooser.value.set_files(str(REPO / "content/images/2024/patroli-antipolitik-uang.jpg"))
    page.get_by_role("button", name="Pakai yang dipilih").click()
    page.get_by_label("Teks alternatif foto").last.fill("Pengawas berpatroli di pasar")
    preview = page.frame_locator("iframe").first
    expect(preview.locator(".warta-cms-checks")).not_to_contain_text("Foto di isi berita")
    save(page)

    [branch] = newsroom.cms_branches()
    changed = git(newsroom.repo, "diff", "--name-only", "main", branch).split()
    [article] = [path for path in changed if path.endswith(".md")]
    photos = sorted(path for path in changed if path.endswith(".jpg"))
    assert all(path.startswith("content/images/") for path in photos), photos
    text = git(newsroom.repo, "show", f"{branch}:{article}")
    [line] = [line for line in text.splitlines() if line.startswith("![")]
    body_photo = next(p for p in photos if "patroli" in p)
    assert (
        line == f"![Pengawas berpatroli di pasar]({{static}}/{body_photo.removeprefix('content/')})"
    )


def test_a_release_with_indonesian_keys_opens_with_its_values_and_keeps_its_keys(page):
    """`Rubrik: Siaran Pers` is the release's rubrik in the build: the form opened
    it without one, and saving wrote a second rubrik line."""
    config = json.loads(page.evaluate("fetch('config.json').then(r => r.text())"))
    text = (
        "Judul: Bawaslu Kota Palembang Gelar Rapat Koordinasi\n"
        "Tanggal: 2024-11-17 09:30\n"
        "Rubrik: Siaran Pers\n"
        "Penulis: Humas Bawaslu Kota Palembang\n"
        "Ringkasan: Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan.\n"
        "\n"
        "PALEMBANG – Isi berita.\n"
    )
    result = page.evaluate(
        """([text, warta]) => {
          const format = window.WARTA_CMS.makeFormat(warta.formats.berita, warta);
          const entry = format.fromFile(text);
          return {entry, again: format.toFile(entry),
                  edited: format.toFile({...entry, category: 'Pengumuman'})};
        }""",
        [text, config["warta"]],
    )
    entry = result["entry"]
    assert (entry["title"], entry["date"], entry["category"], entry["author"]) == (
        "Bawaslu Kota Palembang Gelar Rapat Koordinasi",
        "2024-11-17 09:30",
        "Siaran Pers",
        "Humas Bawaslu Kota Palembang",
    )
    assert entry["summary"].startswith("Bawaslu Kota Palembang menggelar")
    edited = result["edited"].split("\n\n", 1)[0].splitlines()
    assert "Rubrik: Pengumuman" in edited
    assert not [line for line in edited if line.startswith(("Category:", "Title:", "Author:"))]


YAML_RELEASE = "content/berita/2024/2024-11-27-rapat-pleno-lahat.md"
YAML_SUMMARY = (
    "  Bawaslu Kabupaten Lahat mengawasi rapat pleno rekapitulasi suara\n"
    "  Pilkada Serentak 2024 di kantor KPU Kabupaten Lahat.\n"
)
YAML_TEXT = (
    "---\n"
    "# Ditulis oleh aplikasi lain.\n"
    'judul: "Rapat Pleno: Bawaslu Kabupaten Lahat Awasi Rekapitulasi Suara"\n'
    "tanggal: 2024-11-27 14:00\n"
    "slug: rapat-pleno-lahat\n"
    "rubrik: Siaran Pers\n"
    "penulis: Humas Bawaslu Kabupaten Lahat\n"
    "wilayah: [Kabupaten Lahat]\n"
    "tag:\n"
    "  - Rekapitulasi Suara\n"
    "ringkasan: >-\n" + YAML_SUMMARY + "thread: 0f8a53c0b1d94a55a1b6f0e2d7c4a9b1\n"
    "draft: true  # tahan dulu\n"
    "---\n"
    "\n"
    "LAHAT – Bawaslu Kabupaten Lahat mengawasi rapat pleno rekapitulasi suara.\n"
)


def test_a_yaml_release_opens_filled_and_is_saved_as_yaml(page, newsroom):
    """A release another CMS wrote (YAML between `---` lines) opened with its
    fields filled in, and saved with one value changed: that value's lines
    only, still YAML in the same block (no `Title:` lines above it)."""
    target = newsroom.repo / YAML_RELEASE
    target.write_text(YAML_TEXT, encoding="utf-8")
    git(newsroom.repo, "add", ".")
    git(newsroom.repo, "commit", "-q", "-m", "Rilis dari aplikasi lain")
    entry = YAML_RELEASE.removeprefix("content/berita/").removesuffix(".md")
    page.goto(f"{newsroom.base}/admin/#/collections/berita/entries/{entry}")
    title = page.get_by_label("Judul", exact=True)
    expect(title).to_have_value("Rapat Pleno: Bawaslu Kabupaten Lahat Awasi Rekapitulasi Suara")
    summary = page.get_by_label("Ringkasan", exact=True)
    expect(summary).to_have_value(" ".join(line.strip() for line in YAML_SUMMARY.splitlines()))
    expect(page.get_by_role("button", name="Simpan", exact=True)).to_be_disabled()
    new_summary = "Bawaslu Kabupaten Lahat mengawasi rapat pleno rekapitulasi suara di Lahat."
    summary.fill(new_summary)
    save(page)
    [branch] = newsroom.cms_branches()
    saved = git(newsroom.repo, "show", f"{branch}:{YAML_RELEASE}")
    assert saved == YAML_TEXT.replace(
        "ringkasan: >-\n" + YAML_SUMMARY, f"ringkasan: {new_summary}\n"
    )
    document = parse(saved)
    assert document.front_matter.dashed and document.front_matter.below == ()
    assert document.front_matter.first("summary").value == new_summary


def test_a_yaml_release_the_cms_cannot_read_is_shown_and_not_saved_over(page, newsroom):
    """A `---` block YAML cannot read (`judul: "Rapat …` never closed, which
    the build cannot read either) stays in the body with a note in the
    preview, and saving the form over it is refused (it would write the
    form's keys above the block): the file is unchanged."""
    text = YAML_TEXT.replace(
        'judul: "Rapat Pleno: Bawaslu Kabupaten Lahat Awasi Rekapitulasi Suara"',
        'judul: "Rapat Pleno: Bawaslu Kabupaten Lahat Awasi Rekapitulasi Suara',
    )
    target = newsroom.repo / YAML_RELEASE
    target.write_text(text, encoding="utf-8")
    git(newsroom.repo, "add", ".")
    git(newsroom.repo, "commit", "-q", "-m", "Rilis dari aplikasi lain")
    entry = YAML_RELEASE.removeprefix("content/berita/").removesuffix(".md")
    page.goto(f"{newsroom.base}/admin/#/collections/berita/entries/{entry}")
    expect(page.get_by_label("Judul", exact=True)).to_have_value("")
    note = page.frame_locator("iframe").first.locator(".warta-cms-checks li").first
    expect(note).to_contain_text("Front matter YAML di awal isi naskah tidak terbaca (baris 3")
    # Every field the form requires filled in: only the format refuses.
    page.get_by_label("Judul", exact=True).fill(TITLE)
    page.get_by_label("Tanggal dan jam terbit (WIB)").fill("2024-11-27T14:00")
    page.get_by_label("Rubrik").fill("Siaran Pers")
    page.keyboard.press("Enter")
    page.get_by_label("Ringkasan", exact=True).fill(SUMMARY)
    page.get_by_role("button", name="Simpan", exact=True).click()
    expect(page.get_by_text("Naskah tidak disimpan agar isinya tidak hilang").first).to_be_visible()
    # (Decap rejects its save promise with the failure action after the notice,
    # once or, when its draft backup runs meanwhile, twice: nothing else.)
    assert page.errors and set(page.errors) == {": Object"}, page.errors
    page.errors.clear()
    assert newsroom.cms_branches() == []
    assert target.read_text(encoding="utf-8") == text


PASTED = "content/berita/2024/2024-11-26-tempel.md"
PASTED_TITLE = "Bawaslu Kabupaten Lahat Gelar Rapat Pengawasn Tahapan Pemungutan Suara"
PASTED_SUMMARY = "Bawaslu Kabupaten Lahat menggelar rapat pengawasan tahapan pemungutan suara."
PASTED_BODY = (
    "LAHAT – Bawaslu Kabupaten Lahat menggelar rapat pengawasan tahapan pemungutan suara.\n"
)


def commit_release(newsroom: Newsroom, relative: str, text: str) -> str:
    """`text` committed at `relative` in the newsroom's repository; the CMS's
    entry address of it."""
    target = newsroom.repo / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    git(newsroom.repo, "add", ".")
    git(newsroom.repo, "commit", "-q", "-m", "Rilis tempelan")
    return relative.removeprefix("content/berita/").removesuffix(".md")


@pytest.mark.parametrize("dashed", [False, True], ids=["key-lines", "yaml"])
def test_a_corrected_title_keeps_the_address_of_a_release_without_a_slug(page, newsroom, dashed):
    """A release without `Slug:` is published under the slug of its title; the
    CMS froze the slug of the title as corrected in the form, and the next
    build moved the page (the old address gone, `build ok`)."""
    if dashed:
        text = (
            f"---\ntitle: {PASTED_TITLE}\ndate: 2024-11-26 10:00\ncategory: Berita\n"
            f"summary: {PASTED_SUMMARY}\n---\n\n{PASTED_BODY}"
        )
    else:
        text = (
            f"Title: {PASTED_TITLE}\nDate: 2024-11-26 10:00\nCategory: Berita\n"
            f"Summary: {PASTED_SUMMARY}\n\n{PASTED_BODY}"
        )
    entry = commit_release(newsroom, PASTED, text)
    page.goto(f"{newsroom.base}/admin/#/collections/berita/entries/{entry}")
    title = page.get_by_label("Judul", exact=True)
    expect(title).to_have_value(PASTED_TITLE)
    title.fill(PASTED_TITLE.replace("Pengawasn", "Pengawasan"))
    save(page)
    saved = parse(committed(newsroom, "content/berita/"))
    assert saved.front_matter.first("title").value == PASTED_TITLE.replace(
        "Pengawasn", "Pengawasan"
    )
    # The address the build gave the file as it was, now frozen in it.
    assert saved.front_matter.first("slug").value == slugify(PASTED_TITLE)
    # No Author: (the build supplies the office's humas) and no empty Region:.
    assert saved.front_matter.first("author") is None
    assert saved.front_matter.first("region") is None


def test_the_cms_makes_a_slug_as_the_build_does(page):
    """The CMS freezes the slug the build gives a release without `Slug:`
    (warta.text.slugify): the same for every title of the sample content and
    for what a title may hold (apostrophes, dashes, accents, long titles)."""
    titles = [
        parse((path).read_text(encoding="utf-8")).front_matter.first("title").value
        for path in sorted((REPO / "content").rglob("*.md"))
    ]
    titles += [
        "Sosialisasi Jum'at Bersih di Ma’u",
        "Pungut–Hitung Ulang—TPS 07",
        "Rapat “Koordinasi” di Café, 27/11",
        "Straße 2024 İstanbul ½ Ñoño",
        "Bawaslu " + "Pengawasan " * 12,
        "Søren Ølberg æ œ",
        "   ",
        "Ω",
        # pasted from Word: its optional hyphens (soft hyphens) inside words,
        # and the other invisible characters the build's fold leaves out
        "Peng\u00adaduan Ma\u00adsyarakat di Ke\u00adcamatan Ilir Barat",
    ]
    titles += [f"Rapat{chr(code)}Pleno Ba\u200dwaslu" for code in INVISIBLE_FORMAT_CHARACTERS]
    made = page.evaluate("(titles) => titles.map((t) => window.WARTA_CMS.slugify(t))", titles)
    assert made == [slugify(title) for title in titles]


def test_the_cms_folds_every_character_of_a_title_as_the_build_does(page):
    """Between two words, every character both Unicode versions know (the
    browser's and Python's) gives the slug the build gives: the CMS took off
    every nonspacing mark (a Devanagari vowel sign, U+034F, the mark NFKD
    makes of Thai U+0E33) where the build takes off the marks of a nonzero
    combining class and makes the others a space ('ab-cd', not 'abcd'),
    and made a space of a virama of a nonzero class (Javanese U+A9C0)."""
    codes = [
        code
        for code in range(0x110000)
        if not 0xD800 <= code <= 0xDFFF and unicodedata.category(chr(code)) != "Cn"
    ]
    wanted = [slugify(f"ab{chr(code)}cd") for code in codes]
    differing = page.evaluate(
        """([codes, wanted]) => codes.flatMap((code, i) => {
          const ch = String.fromCodePoint(code);
          if (/\\p{Cn}/u.test(ch)) return [];  // (a character this browser does not know)
          const made = window.WARTA_CMS.slugify('ab' + ch + 'cd');
          return made === wanted[i] ? [] : [[code.toString(16), made, wanted[i]]];
        })""",
        [codes, wanted],
    )
    assert differing == []


def byline(html) -> list[str]:
    """The authors an article page credits."""
    return [a.get_text(" ", strip=True) for a in html.select(".article__meta a")]


def test_an_author_the_build_supplies_is_not_written_over(page, newsroom, tmp_path):
    """A new release with Penulis and Wilayah left empty and only a dateline
    (`LAHAT – Bawaslu Kabupaten Lahat …`) was saved with the provincial
    office as author and an empty `Region: ` line; the build credits the
    office the release speaks for. Neither key is written now, and the
    preview does not name the province either (an edited release without
    Author: keeps none: `test_a_corrected_title_keeps_the_address…`)."""
    page.goto(newsroom.base + "/admin/#/collections/berita/new")
    title = "Bawaslu Kabupaten Lahat Awasi Rapat Pleno Rekapitulasi Suara Pilkada 2024"
    page.get_by_label("Judul", exact=True).fill(title)
    page.get_by_label("Tanggal dan jam terbit (WIB)").fill("2024-11-29T10:00")
    page.get_by_label("Ringkasan", exact=True).fill(PASTED_SUMMARY)
    page.locator(".cms-editor-raw [role=textbox]").click()
    page.keyboard.type(PASTED_BODY.strip())
    meta = page.frame_locator("iframe").first.locator(".article__meta").nth(1)
    expect(meta).to_contain_text("Oleh")
    expect(meta).not_to_contain_text("Provinsi")
    save(page)
    saved = committed(newsroom, "content/berita/")
    keys = [key for key, _ in front_matter(saved)]
    assert "Author" not in keys and "Region" not in keys, saved

    # What the build credits: the office of the dateline, not the province.
    target = tmp_path / "content" / "berita" / "2024" / "rilis.md"
    target.parent.mkdir(parents=True)
    target.write_text(saved, encoding="utf-8")
    built = run_build(tmp_path / "content", tmp_path / "public")
    assert built.returncode == 0, built.log
    slug = dict(front_matter(saved))["Slug"]
    assert byline(built.html(f"berita/2024/11/{slug}/")) == ["Humas Bawaslu Kabupaten Lahat"]


def test_a_plain_build_s_cms_works_with_the_server_invoke_cms_runs(browser, tmp_path):
    """A plain build while `invoke cms` ran (decap-server writing files into the
    working copy, which has no editorial workflow) wrote a config.json asking
    for the workflow: every request failed, "Gagal memuat: API_ERROR: Unknown
    action unpublishedEntries", without end. Without a local backend to ask,
    the CMS now saves files, which the server does in every mode."""
    servers = start_newsroom(tmp_path, mode="fs", local=False)
    newsroom = next(servers)
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    errors: list[str] = []
    try:
        config = json.loads((newsroom.output / "admin" / "config.json").read_text())["cms"]
        assert "local_backend" not in config and "publish_mode" not in config
        tab = context.new_page()
        tab.set_default_timeout(20_000)
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.goto(newsroom.base + "/admin/")
        tab.get_by_role("button", name="Masuk").click()
        title = dict(front_matter((REPO / SAMPLE_PLAIN).read_text(encoding="utf-8")))["Title"]
        tab.get_by_text(title).first.wait_for()
        # A new page, saved straight into the working copy.
        tab.goto(newsroom.base + "/admin/#/collections/halaman/new")
        tab.get_by_label("Judul", exact=True).fill("Tata Tertib Liputan")
        tab.locator(".cms-editor-raw [role=textbox]").click()
        tab.keyboard.type("Isi halaman uji.")
        tab.get_by_role("button", name="Terbitkan").click()
        tab.get_by_role("menuitem", name="Terbitkan sekarang").click()
        saved = newsroom.repo / "content" / "halaman" / "tata-tertib-liputan.md"
        # (decap-server writes in place: the file is there before its text is
        # whole, so it is read until its body, the last thing written, is in)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not (
            saved.exists() and "Isi halaman uji." in saved.read_text(encoding="utf-8")
        ):
            time.sleep(0.2)
        assert saved.exists()
        assert dict(front_matter(saved.read_text(encoding="utf-8")))["Slug"] == (
            "tata-tertib-liputan"
        )
        expect(tab.get_by_text("Gagal memuat")).to_have_count(0)
    finally:
        context.close()
        servers.close()
    assert errors == [], errors


def pick(page, label: str, typed: str) -> None:
    """`typed` into the select `label`, then Enter, as staff pick an option."""
    page.get_by_label(label).fill(typed)
    page.keyboard.press("Enter")


def test_a_name_typed_in_full_picks_its_own_option(page, newsroom):
    """Typing a whole name and pressing Enter picked another option that holds
    it: "Banyuasin" Musi Banyuasin, "DPT" Daftar Pemilih Tambahan, "politik
    uang" (the hint's own example) Patroli Pengawasan by its alias "Patroli
    Anti Politik Uang", "Pendopo" Empat Lawang's kecamatan before PALI,
    whose town it names."""
    page.goto(newsroom.base + "/admin/#/collections/berita/new")
    for typed in ("Banyuasin", "Pendopo", "Lahat"):
        pick(page, "Wilayah", typed)
    for typed in ("DPT", "politik uang", "pilkada"):
        pick(page, "Tag", typed)
    preview = page.frame_locator("iframe").first
    regions = preview.locator(".article__regions li")
    expect(regions).to_have_count(3)
    names = [text.split(" — ")[0] for text in regions.all_inner_texts()]
    assert names == [
        "Kabupaten Banyuasin",
        "Kabupaten Penukal Abab Lematang Ilir",
        "Kabupaten Lahat",
    ]
    tags = preview.locator(".tag-list .tag")
    expect(tags).to_have_count(3)
    assert sorted(tags.all_inner_texts()) == sorted(
        ["Daftar Pemilih Tetap", "Politik Uang", "Pilkada Serentak 2024"]
    )


def test_wilayah_finds_every_spelling_the_build_reads(page, newsroom):
    """`Region: Pagaralam` and `Region: Kab. OKU` build (the gazetteer folds
    spaces away and reads a level word, short or written out), and offices
    write "Lubuklinggau" and "Kayuagung", but Wilayah found nothing for them:
    its labels hold "Pagar Alam", "Lubuk Linggau", "Kayu Agung", "Kabupaten"."""
    page.goto(newsroom.base + "/admin/#/collections/berita/new")
    for typed in ("Pagaralam", "Lubuklinggau", "Kayuagung", "Kab. OKU", "Kab Lahat"):
        pick(page, "Wilayah", typed)
    regions = page.frame_locator("iframe").first.locator(".article__regions li")
    expect(regions).to_have_count(5)
    assert [text.split(" — ")[0] for text in regions.all_inner_texts()] == [
        "Kota Pagar Alam",
        "Kota Lubuk Linggau",
        "Kabupaten Ogan Komering Ilir",
        "Kabupaten Ogan Komering Ulu",
        "Kabupaten Lahat",
    ]


def test_removing_the_photo_removes_its_description_caption_and_credit(page, newsroom):
    """ "Hapus foto" left the `Image-Caption:` line in the file (the alt text
    and the credit went), under no photo."""
    entry = SAMPLE_WITH_PHOTO.removeprefix("content/berita/").removesuffix(".md")
    page.goto(f"{newsroom.base}/admin/#/collections/berita/entries/{entry}")
    expect(page.get_by_label("Keterangan foto")).not_to_have_value("")
    page.get_by_role("button", name="Hapus foto").click()
    save(page)
    [branch] = newsroom.cms_branches()
    saved = git(newsroom.repo, "show", f"{branch}:{SAMPLE_WITH_PHOTO}")
    keys = [key for key, _ in front_matter(saved)]
    assert not [key for key in keys if key.startswith("Image")], keys
    original = (REPO / SAMPLE_WITH_PHOTO).read_text(encoding="utf-8")
    assert saved == "\n".join(line for line in original.split("\n") if not line.startswith("Image"))


def test_the_selects_speak_indonesian_to_screen_readers(page, newsroom):
    """react-select's live region said "0 results available for search term
    …" and "option …, selected." in English."""
    page.goto(newsroom.base + "/admin/#/collections/berita/new")
    page.get_by_label("Wilayah").fill("zzzz")
    live = page.get_by_label("Wilayah").locator(
        "xpath=ancestor::div[contains(@class, 'container')][1]//*[@role='log']"
    )
    expect(live).to_contain_text("0 pilihan tersedia untuk “zzzz”")
    expect(page.get_by_text("Tidak ada pilihan yang cocok.")).to_be_visible()
    page.get_by_label("Wilayah").fill("Lahat")
    page.keyboard.press("Enter")
    expect(live).to_contain_text("Pilihan Kabupaten Lahat")
    expect(live).to_contain_text("dipilih")
    assert not re.search(r"\b(results?|option|selected|focused)\b", live.inner_text())


def test_a_release_without_a_rubrik_opens_in_the_one_the_build_gives_it(page, newsroom):
    """A pasted release without Category: is in "Berita" on the site
    (DEFAULT_CATEGORY), but the form showed Rubrik empty and refused to save
    it: "Rubrik wajib diisi". Saved, it is still left to the build."""
    text = (
        f"Title: {PASTED_TITLE}\nDate: 2024-11-26 10:00\nSlug: tempel\n"
        f"Summary: {PASTED_SUMMARY}\n\n{PASTED_BODY}"
    )
    entry = commit_release(newsroom, PASTED, text)
    page.goto(f"{newsroom.base}/admin/#/collections/berita/entries/{entry}")
    summary = page.get_by_label("Ringkasan", exact=True)
    expect(summary).to_have_value(PASTED_SUMMARY)
    summary.fill(PASTED_SUMMARY + " Diperbarui.")
    save(page)
    [branch] = newsroom.cms_branches()
    saved = git(newsroom.repo, "show", f"{branch}:{PASTED}")
    assert saved == text.replace(
        f"Summary: {PASTED_SUMMARY}", f"Summary: {PASTED_SUMMARY} Diperbarui."
    )
