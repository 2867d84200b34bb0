"""Publishing against real targets on this machine: a local folder, rsync over
SSH to a loopback sshd started here, and a bare git repository for gh-pages.
Also precompressed copies (the workflow files: test_cms_workflows.py), and the
guards that refuse a target a `--delete` mirror or a branch import would wipe
(every refusal is checked with sentinel files or commits that must survive)."""

from __future__ import annotations

import gzip
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import brotli
import pytest
from bs4 import BeautifulSoup

from conftest import REPO, FixtureSite, run_invoke
from warta.deploy import (
    MARKER,
    DeployError,
    RsyncTarget,
    check_local_folder,
    check_pages_size,
    check_remote_path,
    precompress,
    site_size,
    unpublished_names,
)


def small_site(root: Path, *, broken: bool = False) -> FixtureSite:
    site = FixtureSite(root)
    site.article(
        "2024/rapat.md",
        title="Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan",
        slug="bawaslu-kota-palembang-gelar-rapat",
        body="PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan tahapan.",
    )
    if broken:
        site.article("2024/rusak.md", date="17 Nopember 2024 jam sembilan", slug="rusak")
    return site


def run_task(task: list[str], site: FixtureSite, **env_overrides) -> subprocess.CompletedProcess:
    return run_invoke(
        *task,
        WARTA_CONTENT_PATH=str(site.content),
        WARTA_OUTPUT_PATH=str(site.output),
        WARTA_CACHE_PATH=str(site.root / "cache"),
        WARTA_SITEURL="https://warta.example.org",
        **env_overrides,
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_publish_without_a_target_says_what_to_set(tmp_path):
    result = run_task(["publish"], small_site(tmp_path), WARTA_DEPLOY_RSYNC_TARGET="")
    assert result.returncode != 0
    assert "DEPLOY_RSYNC_TARGET" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr + result.stdout


def test_publish_syncs_to_a_local_folder_and_deletes_stale_files(tmp_path):
    target = tmp_path / "www"
    target.mkdir()
    site = small_site(tmp_path / "site")
    first = run_task(["publish"], site, WARTA_DEPLOY_RSYNC_TARGET=str(target))
    assert first.returncode == 0, first.stdout + first.stderr
    # The first publish into an empty folder marks it as warta's.
    assert (target / MARKER).is_file()
    (target / "stale.html").write_text("old page")
    result = run_task(["publish"], site, WARTA_DEPLOY_RSYNC_TARGET=str(target))
    assert result.returncode == 0, result.stdout + result.stderr
    assert (target / MARKER).is_file()  # --delete keeps the marker
    article = target / "berita/2024/11/bawaslu-kota-palembang-gelar-rapat/index.html"
    soup = BeautifulSoup(article.read_text(), "lxml")
    assert soup.h1.get_text(strip=True).startswith("Bawaslu Kota Palembang Gelar Rapat")
    canonical = soup.find("link", rel="canonical")["href"]
    assert (
        canonical == "https://warta.example.org/berita/2024/11/bawaslu-kota-palembang-gelar-rapat/"
    )
    assert not (target / "stale.html").exists()
    # Precompressed twins are published too (DEPLOY_PRECOMPRESS defaults to gz).
    assert (
        gzip.decompress((target / "index.html.gz").read_bytes())
        == (target / "index.html").read_bytes()
    )


def output_checkout(site: FixtureSite) -> Path:
    """A git checkout kept in the output folder (OUTPUT_RETENTION = [".git"]),
    as when the built site is itself a repository, with a commit in it."""
    site.output.mkdir(parents=True, exist_ok=True)
    git("init", "-q", "-b", "main", cwd=site.output)
    (site.output / "catatan.txt").write_text("riwayat internal\n")
    git("add", "catatan.txt", cwd=site.output)
    git("-c", "user.name=Humas", "-c", "user.email=humas@example.org", "commit", "-q", "-m",
        "riwayat", cwd=site.output)  # fmt: skip
    return site.output / ".git"


def test_publish_to_a_folder_leaves_out_the_outputs_git_checkout(tmp_path):
    target = tmp_path / "www"
    target.mkdir()
    site = small_site(tmp_path / "site")
    checkout = output_checkout(site)
    first = run_task(["publish"], site, WARTA_DEPLOY_RSYNC_TARGET=str(target))
    assert first.returncode == 0, first.stdout + first.stderr
    assert (checkout / "HEAD").is_file()  # kept by the build
    assert (target / "index.html").is_file()
    assert not os.path.lexists(target / ".git")
    # No precompressed twin is written into the checkout.
    assert [p for p in checkout.rglob("*.gz")] == []
    # A copy an earlier publish left on the target is removed.
    shutil.copytree(checkout, target / ".git")
    again = run_task(["publish"], site, WARTA_DEPLOY_RSYNC_TARGET=str(target))
    assert again.returncode == 0, again.stdout + again.stderr
    assert not os.path.lexists(target / ".git")
    assert (target / MARKER).is_file()


def test_the_names_kept_in_the_output_but_the_search_index_are_unpublished():
    retention = [".git", "pagefind", "/arsip-lama/", "a/b", ".git"]
    assert unpublished_names(retention, published=["pagefind"]) == (".git", "arsip-lama")
    assert unpublished_names(retention, published=["cari-indeks"]) == (
        ".git",
        "pagefind",
        "arsip-lama",
    )
    assert unpublished_names(None) == ()


def test_failing_build_leaves_the_published_site_untouched(tmp_path):
    target = tmp_path / "www"
    good = small_site(tmp_path / "good")
    assert run_task(["publish"], good, WARTA_DEPLOY_RSYNC_TARGET=str(target)).returncode == 0
    before = snapshot(target)
    broken = small_site(tmp_path / "broken", broken=True)
    result = run_task(["publish"], broken, WARTA_DEPLOY_RSYNC_TARGET=str(target))
    assert result.returncode != 0
    assert "rusak.md" in result.stdout + result.stderr
    assert snapshot(target) == before


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def loopback_sshd(tmp_path):
    """A real sshd on 127.0.0.1 accepting one generated key for the current user."""
    keys = tmp_path / "ssh"
    keys.mkdir(mode=0o700)
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(keys / "host")], check=True
    )
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(keys / "client")], check=True
    )
    shutil.copy(keys / "client.pub", keys / "authorized_keys")
    port = free_port()
    config = keys / "sshd_config"
    config.write_text(
        "\n".join(
            [
                "ListenAddress 127.0.0.1",
                f"Port {port}",
                f"HostKey {keys / 'host'}",
                f"AuthorizedKeysFile {keys / 'authorized_keys'}",
                f"PidFile {keys / 'sshd.pid'}",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "StrictModes no",
                "UsePAM no",
                "Subsystem sftp internal-sftp",
                "",
            ]
        )
    )
    Path("/run/sshd").mkdir(exist_ok=True)  # privilege-separation directory
    proc = subprocess.Popen(
        ["/usr/sbin/sshd", "-D", "-e", "-f", str(config)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail(f"sshd did not start: {proc.stdout.read().decode(errors='replace')}")
    options = (
        f"-i {keys / 'client'} -o StrictHostKeyChecking=no "
        f"-o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR"
    )
    yield {"port": port, "options": options}
    proc.terminate()
    proc.wait(timeout=10)


def test_publish_over_ssh_to_a_loopback_sshd(tmp_path, loopback_sshd):
    import getpass

    target = tmp_path / "remote-www"
    target.mkdir()
    site = small_site(tmp_path / "site")
    result = run_task(
        ["publish"],
        site,
        WARTA_DEPLOY_RSYNC_TARGET=f"{getpass.getuser()}@127.0.0.1:{target}",
        WARTA_DEPLOY_SSH_PORT=str(loopback_sshd["port"]),
        WARTA_DEPLOY_SSH_OPTIONS=loopback_sshd["options"],
    )
    assert result.returncode == 0, result.stdout + result.stderr
    feed = target / "feed.xml"
    assert feed.exists()
    assert (target / "berita/2024/11/bawaslu-kota-palembang-gelar-rapat/index.html").exists()
    # The transfer itself marks the remote folder; the next publish deletes
    # what the site no longer has and keeps the marker.
    assert (target / MARKER).is_file()
    (target / "stale.html").write_text("old page")
    again = run_task(
        ["publish"],
        site,
        WARTA_DEPLOY_RSYNC_TARGET=f"{getpass.getuser()}@127.0.0.1:{target}",
        WARTA_DEPLOY_SSH_PORT=str(loopback_sshd["port"]),
        WARTA_DEPLOY_SSH_OPTIONS=loopback_sshd["options"],
    )
    assert again.returncode == 0, again.stdout + again.stderr
    assert not (target / "stale.html").exists()
    assert (target / MARKER).is_file()


def test_publish_over_ssh_refuses_a_remote_folder_it_never_published_to(tmp_path, loopback_sshd):
    import getpass

    target = tmp_path / "remote-www"
    (target / "lain").mkdir(parents=True)
    (target / "index.html").write_text("<p>situs lain</p>")
    (target / "lain" / "data.txt").write_text("milik orang lain")
    (target / MARKER).mkdir()  # a folder named like the marker does not count
    before = file_digests(target)
    site = small_site(tmp_path / "site")
    value = f"{getpass.getuser()}@127.0.0.1:{target}"
    for args in (["publish"], ["publish", "--dry-run"]):
        result = run_task(
            args,
            site,
            WARTA_DEPLOY_RSYNC_TARGET=value,
            WARTA_DEPLOY_SSH_PORT=str(loopback_sshd["port"]),
            WARTA_DEPLOY_SSH_OPTIONS=loopback_sshd["options"],
        )
        assert MARKER in refused(result, value)
    assert file_digests(target) == before
    assert not site.output.exists()  # refused before the build


def test_dry_run_over_ssh_creates_no_remote_folder(tmp_path, loopback_sshd):
    import getpass

    target = tmp_path / "remote-new"
    site = small_site(tmp_path / "site")
    result = run_task(
        ["publish", "--dry-run"],
        site,
        WARTA_DEPLOY_RSYNC_TARGET=f"{getpass.getuser()}@127.0.0.1:{target}",
        WARTA_DEPLOY_SSH_PORT=str(loopback_sshd["port"]),
        WARTA_DEPLOY_SSH_OPTIONS=loopback_sshd["options"],
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "would change" in result.stdout
    assert not target.exists()


def git(*args, cwd: Path) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def checkout_with_bare_remote(tmp_path):
    bare = tmp_path / "remote.git"
    git("init", "--bare", "-q", str(bare), cwd=tmp_path)
    work = tmp_path / "checkout"
    work.mkdir()
    git("init", "-q", "-b", "main", cwd=work)
    git("config", "user.email", "humas@example.org", cwd=work)
    git("config", "user.name", "Humas", cwd=work)
    (work / "README.md").write_text("situs\n")
    git("add", "README.md", cwd=work)
    git("commit", "-q", "-m", "awal", cwd=work)
    git("remote", "add", "origin", str(bare), cwd=work)
    return work, bare


# Who commits the gh-pages branch in the tests (no global git identity on CI).
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Humas",
    "GIT_AUTHOR_EMAIL": "humas@example.org",
    "GIT_COMMITTER_NAME": "Humas",
    "GIT_COMMITTER_EMAIL": "humas@example.org",
}


def test_gh_pages_pushes_the_built_site_to_a_bare_repository(tmp_path, checkout_with_bare_remote):
    work, bare = checkout_with_bare_remote
    site = small_site(tmp_path / "site")
    env = {
        "WARTA_DEPLOY_GH_PAGES_REPO": str(work),
        **GIT_IDENTITY,
    }
    result = run_task(["gh-pages"], site, **env)
    assert result.returncode == 0, result.stdout + result.stderr
    files = set(git("ls-tree", "-r", "--name-only", "gh-pages", cwd=bare).split())
    assert "index.html" in files
    assert ".nojekyll" in files
    assert "berita/2024/11/bawaslu-kota-palembang-gelar-rapat/index.html" in files
    # GitHub Pages serves no precompressed twin: they would only count toward 1 GB.
    assert [name for name in files if name.endswith((".gz", ".br"))] == []
    published = git("show", "gh-pages:index.html", cwd=bare)
    assert BeautifulSoup(published, "lxml").html["lang"] == "id"
    # The working branch is left alone.
    assert git("rev-parse", "--abbrev-ref", "HEAD", cwd=work).strip() == "main"


def test_gh_pages_keeps_no_history_a_withdrawn_release_could_be_read_from(
    tmp_path, checkout_with_bare_remote
):
    """A release published once, then withdrawn (made a draft, deleted, found
    to be under embargo), must not stay readable in the publish branch: every
    publication is the branch's only commit, so the earlier tree is reachable
    from no branch of the remote."""
    work, bare = checkout_with_bare_remote
    site = small_site(tmp_path / "site")
    withdrawn = "berita/2024/11/bawaslu-kota-palembang-tarik-rilis/index.html"
    site.article(
        "2024/tarik.md",
        title="Bawaslu Kota Palembang Tarik Rilis Pengawasan Kampanye",
        slug="bawaslu-kota-palembang-tarik-rilis",
        body="PALEMBANG – Bawaslu Kota Palembang menarik rilis pengawasan kampanye.",
    )
    env = {"WARTA_DEPLOY_GH_PAGES_REPO": str(work), **GIT_IDENTITY}
    first = run_task(["gh-pages"], site, **env)
    assert first.returncode == 0, first.stdout + first.stderr
    assert withdrawn in git("ls-tree", "-r", "--name-only", "gh-pages", cwd=bare).split()

    (site.content / "berita" / "2024" / "tarik.md").unlink()
    second = run_task(["gh-pages"], site, **env)
    assert second.returncode == 0, second.stdout + second.stderr
    for repo in (bare, work):  # the remote, and the checkout's own branch
        assert git("rev-list", "--count", "gh-pages", cwd=repo).split() == ["1"]
        reachable = git("rev-list", "--objects", "--all", cwd=repo).split()
        assert withdrawn not in reachable
        assert withdrawn not in git("ls-tree", "-r", "--name-only", "gh-pages", cwd=repo).split()


def test_gh_pages_leaves_out_the_outputs_git_checkout(tmp_path, checkout_with_bare_remote):
    work, bare = checkout_with_bare_remote
    site = small_site(tmp_path / "site")
    checkout = output_checkout(site)
    result = run_task(["gh-pages"], site, WARTA_DEPLOY_GH_PAGES_REPO=str(work), **GIT_IDENTITY)
    assert result.returncode == 0, result.stdout + result.stderr
    files = set(git("ls-tree", "-r", "--name-only", "gh-pages", cwd=bare).split())
    assert "index.html" in files
    assert [name for name in files if name.split("/")[0] == ".git"] == []
    assert (checkout / "HEAD").is_file()
    assert sorted(p.name for p in site.root.iterdir() if p.name.startswith(".warta-")) == []


def test_gh_pages_with_an_unknown_remote_is_a_clear_error(tmp_path, checkout_with_bare_remote):
    work, _ = checkout_with_bare_remote
    result = run_task(
        ["gh-pages"],
        small_site(tmp_path / "site"),
        WARTA_DEPLOY_GH_PAGES_REPO=str(work),
        WARTA_DEPLOY_GH_PAGES_REMOTE="hosting",
    )
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "hosting" in output and "git remote add" in output
    assert "Traceback" not in output


def test_a_site_over_the_pages_limit_is_refused_before_anything_is_committed(
    tmp_path, checkout_with_bare_remote
):
    """GitHub Pages refuses a published site over 1 GB, after the upload. gh-pages
    publishing, and `invoke pages-size` in the Pages workflow, stop before,
    with the site's largest parts named (the limit is lowered for the test)."""
    work, bare = checkout_with_bare_remote
    site = small_site(tmp_path / "site")
    env = {
        "WARTA_DEPLOY_GH_PAGES_REPO": str(work),
        "WARTA_DEPLOY_PAGES_MAX_BYTES": "50000",
        **GIT_IDENTITY,
    }
    result = run_task(["gh-pages"], site, **env)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    [line] = [line for line in output.splitlines() if line.startswith("gh-pages: the site is")]
    assert "over the 0.1 MB GitHub Pages publishes (largest: " in line, line
    assert "invoke publish" in line and "Traceback" not in output
    assert git("branch", "--list", "gh-pages", cwd=bare).strip() == ""
    sized = run_task(["pages-size"], site, WARTA_DEPLOY_PAGES_MAX_BYTES="50000")
    assert sized.returncode != 0 and "pages-size: the site is" in sized.stdout + sized.stderr
    fits = run_task(["pages-size"], site)
    assert fits.returncode == 0, fits.stdout + fits.stderr
    assert "of the 1.00 GB GitHub Pages publishes" in fits.stdout
    for bad in ("abc", "1e9", "-1"):
        refused = run_task(["pages-size"], site, WARTA_DEPLOY_PAGES_MAX_BYTES=bad)
        said = refused.stdout + refused.stderr
        assert refused.returncode != 0 and "Traceback" not in said, said
        expected = f"is not a whole number of bytes above 0: '{bad}'"
        assert "WARTA_DEPLOY_PAGES_MAX_BYTES" in said and expected in said, said


def test_site_size_counts_every_file_once_and_names_the_largest_parts(tmp_path):
    (tmp_path / "berita").mkdir()
    (tmp_path / "berita" / "a.html").write_bytes(b"x" * 3000)
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "b.png").write_bytes(b"x" * 2000)
    (tmp_path / "index.html").write_bytes(b"x" * 500)
    (tmp_path / "tautan").symlink_to(tmp_path / "berita")  # not followed
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "pack").write_bytes(b"x" * 9000)
    total, largest = site_size(tmp_path)
    assert total == 5500  # the link to a folder is not followed, .git is left out
    assert largest[:2] == [("berita/", 3000), ("images/", 2000)]
    with pytest.raises(DeployError, match=r"largest: berita/ 0\.0 MB, images/ 0\.0 MB"):
        check_pages_size(tmp_path, max_bytes=5000)
    assert check_pages_size(tmp_path, max_bytes=10_000) == total


def test_precompress_writes_identical_gzip_and_brotli_twins(tmp_path):
    page = tmp_path / "index.html"
    page.write_text("<p>Pengawasan pemilu</p>" * 50)
    (tmp_path / "tiny.css").write_text("a{}")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8" * 400)
    assert precompress(tmp_path, ("gz", "br")) == 2
    assert gzip.decompress((tmp_path / "index.html.gz").read_bytes()) == page.read_bytes()
    assert brotli.decompress((tmp_path / "index.html.br").read_bytes()) == page.read_bytes()
    assert not (tmp_path / "tiny.css.gz").exists()  # too small to gain anything
    assert not (tmp_path / "photo.jpg.gz").exists()  # already compressed
    first = (tmp_path / "index.html.gz").read_bytes()
    precompress(tmp_path, ("gz",))
    assert (tmp_path / "index.html.gz").read_bytes() == first  # deterministic


def test_precompress_rejects_unknown_formats(tmp_path):
    with pytest.raises(DeployError, match="zstd"):
        precompress(tmp_path, ("zstd",))


def test_rsync_target_kind():
    assert RsyncTarget("humas@web.example.org:/var/www").is_remote
    assert not RsyncTarget("/srv/www/warta").is_remote
    assert not RsyncTarget("./site:backup/www").is_remote


# The workflow files (tests.yml, publish.yml) are tested in test_cms_workflows.py.


# ---- guards: targets a --delete mirror or a branch import would wipe ----


def refused(result: subprocess.CompletedProcess, value: str) -> str:
    """The one line of a refused publish, after checking it names the value."""
    output = (result.stdout + result.stderr).strip()
    assert result.returncode != 0, output
    assert "Traceback" not in output
    lines = output.splitlines()
    assert len(lines) == 1, output
    assert lines[0].startswith(("publish: refusing", "gh-pages: refusing")), output
    assert f"'{value}'" in lines[0]
    return lines[0]


def file_digests(folder: Path) -> dict[str, str]:
    import hashlib

    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


DANGEROUS_LOCAL = [
    "/",
    "//",
    "/etc",
    "/etc/",
    "/etc/nginx",
    "/usr",
    "/usr/share/nginx/html",
    "/bin",
    "/home",
    "/home/humas",
    "/var",
    "/var/lib/warta",
    "/root",
    "/boot",
    "/proc",
    "/sys",
    "/dev",
    "/tmp",
    "/tmp/",
    "/var/tmp",
    "/srv",
    "/opt",
    "/var/../etc",
    "/tmp/../",
    "~",
    "~/",
    "~/..",
    ".",
    "..",
    "./",
    str(REPO),
    str(REPO.parent),
    str(REPO / "output"),
    str(REPO / "content" / "berita"),
    str(REPO / "warta"),
    "-rsh=sh",
    "",
    " ",
    "/srv/www\nwarta",
]


@pytest.mark.parametrize("value", DANGEROUS_LOCAL)
def test_local_targets_that_a_mirror_would_wipe_are_refused(value, monkeypatch):
    monkeypatch.chdir(REPO)  # "." and ".." are relative to the working folder
    with pytest.raises(DeployError, match="refusing to publish to") as raised:
        check_local_folder(value, {"the project": REPO})
    assert f"'{value}'" in str(raised.value)


@pytest.mark.parametrize("value", ["/", ".", "~", "/etc", "/tmp", str(REPO), str(REPO.parent)])
def test_publish_refuses_a_dangerous_target_before_building(tmp_path, value):
    site = small_site(tmp_path / "site")
    project_before = file_digests(REPO / "data")
    result = run_task(["publish"], site, WARTA_DEPLOY_RSYNC_TARGET=value)
    line = refused(result, value)
    assert "(" in line and line.endswith(")")  # what to do instead
    assert not site.output.exists()  # refused before the build: nothing was written
    assert file_digests(REPO / "data") == project_before
    assert not (REPO / MARKER).exists()


def test_a_symlink_to_the_root_or_the_project_is_refused(tmp_path):
    (tmp_path / "to-root").symlink_to("/")
    (tmp_path / "to-project").symlink_to(REPO)
    (tmp_path / "to-home").symlink_to(Path.home())
    for name in ("to-root", "to-project", "to-home"):
        with pytest.raises(DeployError, match="refusing"):
            check_local_folder(str(tmp_path / name), {"the project": REPO})
    site = small_site(tmp_path / "site")
    result = run_task(["publish"], site, WARTA_DEPLOY_RSYNC_TARGET=str(tmp_path / "to-project"))
    assert "the project" in refused(result, str(tmp_path / "to-project"))
    assert not (REPO / MARKER).exists()


def test_targets_in_or_around_the_sites_own_folders_are_refused(tmp_path):
    site = small_site(tmp_path / "site")
    before = file_digests(site.content)
    for target, why in (
        (site.content, "it is the content folder"),
        (site.content / "berita", "it is inside the content folder"),
        (site.output, "it is the output folder"),  # the source of the mirror
        (site.output / "mirror", "it is inside the output folder"),
        (tmp_path / "site", "it contains the content folder"),
        (tmp_path, "it contains the content folder"),
        (tmp_path / "site" / "cache", "it is the cache folder"),
    ):
        result = run_task(["publish"], site, WARTA_DEPLOY_RSYNC_TARGET=str(target))
        assert why in refused(result, str(target))
    assert file_digests(site.content) == before
    assert not site.output.exists()


def test_a_non_empty_folder_warta_never_published_to_is_refused(tmp_path):
    target = tmp_path / "www"
    (target / "lain").mkdir(parents=True)
    (target / "index.html").write_text("<p>situs lain</p>")
    (target / "lain" / "data.txt").write_text("milik orang lain")
    before = file_digests(target)
    site = small_site(tmp_path / "site")
    for args in (["publish"], ["publish", "--dry-run"]):
        line = refused(run_task(args, site, WARTA_DEPLOY_RSYNC_TARGET=str(target)), str(target))
        assert MARKER in line
    assert file_digests(target) == before
    assert not (target / MARKER).exists()


def test_a_symlink_named_like_the_marker_does_not_count(tmp_path):
    target = tmp_path / "www"
    target.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("jangan ditimpa")
    (target / MARKER).symlink_to(victim)
    with pytest.raises(DeployError, match=MARKER):
        check_local_folder(str(target), {})
    assert victim.read_text() == "jangan ditimpa"


def test_a_file_is_not_a_target(tmp_path):
    target = tmp_path / "www"
    target.write_text("bukan folder")
    with pytest.raises(DeployError, match="not a folder"):
        check_local_folder(str(target), {})
    assert target.read_text() == "bukan folder"


def test_dry_run_creates_no_folder_and_writes_no_marker(tmp_path):
    target = tmp_path / "new" / "www"
    site = small_site(tmp_path / "site")
    result = run_task(["publish", "--dry-run"], site, WARTA_DEPLOY_RSYNC_TARGET=str(target))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "would change" in result.stdout
    assert not (tmp_path / "new").exists()


def test_dry_run_on_a_published_folder_changes_nothing(tmp_path):
    target = tmp_path / "www"
    site = small_site(tmp_path / "site")
    first = run_task(["publish"], site, WARTA_DEPLOY_RSYNC_TARGET=str(target))
    assert first.returncode == 0, first.stdout + first.stderr
    assert (target / MARKER).is_file()
    (target / "stale.html").write_text("old page")
    before = file_digests(target)
    result = run_task(["publish", "--dry-run"], site, WARTA_DEPLOY_RSYNC_TARGET=str(target))
    assert result.returncode == 0, result.stdout + result.stderr
    assert file_digests(target) == before  # stale.html would go, but is still there


DANGEROUS_REMOTE = [
    "humas@web.example.org:",
    "humas@web.example.org: ",
    "humas@web.example.org:/",
    "humas@web.example.org://",
    "humas@web.example.org:~",
    "humas@web.example.org:~/",
    "humas@web.example.org:~humas",
    "humas@web.example.org:.",
    "humas@web.example.org:..",
    "humas@web.example.org:www/../..",
    "humas@web.example.org:~/..",
    "humas@web.example.org:/etc",
    "humas@web.example.org:/etc/nginx",
    "humas@web.example.org:/usr/share/nginx/html",
    "humas@web.example.org:/home",
    "humas@web.example.org:/home/humas",
    "humas@web.example.org:/home/humas/",
    "humas@web.example.org:/root",
    "humas@web.example.org:/var",
    "humas@web.example.org:/var/www/../lib",
    "humas@web.example.org:/tmp",
    "humas@web.example.org:/srv",
    "web.example.org::warta",
    "humas@-oProxyCommand=touch:/srv/www",
]


@pytest.mark.parametrize("value", DANGEROUS_REMOTE)
def test_remote_paths_that_a_mirror_would_wipe_are_refused(value):
    assert RsyncTarget(value).is_remote
    with pytest.raises(DeployError, match="refusing to publish to") as raised:
        check_remote_path(value)
    assert f"'{value}'" in str(raised.value)


@pytest.mark.parametrize(
    "value",
    [
        "humas@web.example.org:/var/www/warta",
        "humas@web.example.org:/srv/www/warta/",
        "humas@web.example.org:www",
        "humas@web.example.org:~/www/warta",
        "web.example.org:/home/humas/public_html",
    ],
)
def test_ordinary_remote_paths_are_accepted(value):
    check_remote_path(value)


def test_publish_refuses_an_empty_remote_path_before_connecting(tmp_path):
    site = small_site(tmp_path / "site")
    value = "humas@127.0.0.1:"
    result = run_task(["publish"], site, WARTA_DEPLOY_RSYNC_TARGET=value)
    assert "remote home folder" in refused(result, value)
    assert not site.output.exists()


def gh_pages_env(work: Path, branch: str) -> dict[str, str]:
    return {
        "WARTA_DEPLOY_GH_PAGES_REPO": str(work),
        "WARTA_DEPLOY_GH_PAGES_BRANCH": branch,
        **GIT_IDENTITY,
    }


def refs(repo: Path) -> dict[str, str]:
    listed = git("for-each-ref", "--format=%(refname) %(objectname)", cwd=repo)
    return dict(line.split() for line in listed.splitlines())


def test_gh_pages_never_replaces_a_source_branch(tmp_path, checkout_with_bare_remote):
    work, bare = checkout_with_bare_remote
    git("push", "-q", "origin", "main", cwd=work)
    git("branch", "arsip", cwd=work)  # an existing branch that is not a published site
    git("push", "-q", "origin", "main:catatan", cwd=work)  # only on the remote
    git("checkout", "-q", "-b", "sumber", cwd=work)  # the checked-out branch
    git("symbolic-ref", "HEAD", "refs/heads/produksi", cwd=bare)  # the remote's default
    git("push", "-q", "origin", "main:produksi", cwd=work)
    local_before, remote_before = refs(work), refs(bare)
    site = small_site(tmp_path / "site")
    for branch, why in (
        ("main", "source branch"),
        ("master", "source branch"),
        ("sumber", "checked out"),
        ("produksi", "default branch"),
        ("arsip", "not written by gh-pages"),
        ("catatan", "exists on origin"),
        ("a..b", "not a valid branch name"),
        ("-f", "not a valid branch name"),
    ):
        result = run_task(["gh-pages"], site, **gh_pages_env(work, branch))
        assert why in refused(result, branch)
    assert refs(work) == local_before
    assert refs(bare) == remote_before
    assert not site.output.exists()  # refused before the build


def test_gh_pages_publishes_again_to_its_own_branch(tmp_path, checkout_with_bare_remote):
    work, bare = checkout_with_bare_remote
    site = small_site(tmp_path / "site")
    first = run_task(["gh-pages"], site, **gh_pages_env(work, "situs"))
    assert first.returncode == 0, first.stdout + first.stderr
    first_commit = git("rev-parse", "situs", cwd=bare).strip()
    site.article(
        "2024/kedua.md",
        title="Bawaslu Kota Palembang Awasi Kampanye",
        slug="bawaslu-kota-palembang-awasi-kampanye",
        body="PALEMBANG – Bawaslu Kota Palembang mengawasi kampanye.",
    )
    second = run_task(["gh-pages"], site, **gh_pages_env(work, "situs"))
    assert second.returncode == 0, second.stdout + second.stderr
    assert git("rev-parse", "situs", cwd=bare).strip() != first_commit
    files = set(git("ls-tree", "-r", "--name-only", "situs", cwd=bare).split())
    assert "berita/2024/11/bawaslu-kota-palembang-awasi-kampanye/index.html" in files
    assert git("rev-parse", "--abbrev-ref", "HEAD", cwd=work).strip() == "main"
