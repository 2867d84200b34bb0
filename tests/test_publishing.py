"""Publishing against real targets on this machine: a local folder, rsync over
SSH to a loopback sshd started here, and a bare git repository for gh-pages.
Also the workflow file through actionlint and precompressed copies."""

from __future__ import annotations

import gzip
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import brotli
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import REPO, FixtureSite, run_invoke
from warta.deploy import DeployError, RsyncTarget, precompress


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
    (target / "stale.html").write_text("old page")
    site = small_site(tmp_path / "site")
    result = run_task(["publish"], site, WARTA_DEPLOY_RSYNC_TARGET=str(target))
    assert result.returncode == 0, result.stdout + result.stderr
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


def test_gh_pages_pushes_the_built_site_to_a_bare_repository(tmp_path, checkout_with_bare_remote):
    work, bare = checkout_with_bare_remote
    site = small_site(tmp_path / "site")
    env = {
        "WARTA_DEPLOY_GH_PAGES_REPO": str(work),
        "GIT_AUTHOR_NAME": "Humas",
        "GIT_AUTHOR_EMAIL": "humas@example.org",
        "GIT_COMMITTER_NAME": "Humas",
        "GIT_COMMITTER_EMAIL": "humas@example.org",
    }
    result = run_task(["gh-pages"], site, **env)
    assert result.returncode == 0, result.stdout + result.stderr
    files = set(git("ls-tree", "-r", "--name-only", "gh-pages", cwd=bare).split())
    assert "index.html" in files
    assert ".nojekyll" in files
    assert "berita/2024/11/bawaslu-kota-palembang-gelar-rapat/index.html" in files
    published = git("show", "gh-pages:index.html", cwd=bare)
    assert BeautifulSoup(published, "lxml").html["lang"] == "id"
    # The working branch is left alone.
    assert git("rev-parse", "--abbrev-ref", "HEAD", cwd=work).strip() == "main"


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


def test_workflow_passes_actionlint():
    workflow = REPO / ".github/workflows/publish.yml"
    actionlint = Path(sys.executable).parent / "actionlint"
    result = subprocess.run([str(actionlint), str(workflow)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_publishes_only_after_check_tests_and_build():
    workflow = yaml.safe_load((REPO / ".github/workflows/publish.yml").read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert triggers["push"]["branches"] == ["main"]
    assert triggers["schedule"][0]["cron"].split()[1] == "*"  # hourly, for embargoed articles
    assert "workflow_dispatch" in triggers
    assert workflow["concurrency"]["cancel-in-progress"] is False
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    runs = [step.get("run", "") + step.get("uses", "") for step in build["steps"]]
    order = [
        next(i for i, r in enumerate(runs) if "invoke check --strict --format github" in r),
        next(i for i, r in enumerate(runs) if "scripts/test-all" in r),
        next(i for i, r in enumerate(runs) if "invoke preview" in r),
        next(i for i, r in enumerate(runs) if "upload-pages-artifact" in r),
    ]
    assert order == sorted(order)
    assert any("setup-python" in r for r in runs)
    setup_python = next(s for s in build["steps"] if "setup-python" in s.get("uses", ""))
    assert setup_python["with"]["cache"] == "pip"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
