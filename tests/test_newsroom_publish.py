"""Publishing to a real git remote (a bare repository here) that refuses the
push or cannot be reached: one line saying what the remote said, never a
traceback, and nothing on the remote."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import FixtureSite, run_invoke

IDENTITY = {
    "GIT_AUTHOR_NAME": "Humas",
    "GIT_AUTHOR_EMAIL": "humas@example.org",
    "GIT_COMMITTER_NAME": "Humas",
    "GIT_COMMITTER_EMAIL": "humas@example.org",
}


def git(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)


@pytest.fixture
def checkout(tmp_path) -> Path:
    work = tmp_path / "checkout"
    work.mkdir()
    git("init", "-q", "-b", "main", cwd=work)
    (work / "README.md").write_text("situs\n")
    git("add", "README.md", cwd=work)
    git("-c", "user.name=Humas", "-c", "user.email=h@example.org", "commit", "-qm", "a", cwd=work)
    return work


def gh_pages(site: FixtureSite, work: Path) -> subprocess.CompletedProcess:
    site.article(
        "2024/rapat.md",
        title="Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan",
        slug="bawaslu-kota-palembang-gelar-rapat",
        body="PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan.",
    )
    return run_invoke(
        "gh-pages",
        WARTA_CONTENT_PATH=str(site.content),
        WARTA_OUTPUT_PATH=str(site.output),
        WARTA_CACHE_PATH=str(site.root / "cache"),
        WARTA_SITEURL="https://warta.example.org",
        WARTA_DEPLOY_GH_PAGES_REPO=str(work),
        **IDENTITY,
    )


def said(result: subprocess.CompletedProcess) -> str:
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output and "CalledProcessError" not in output, output
    [line] = [line for line in result.stderr.splitlines() if line.startswith("gh-pages:")]
    assert result.stderr.strip().endswith(line), result.stderr
    return line


def test_a_remote_that_refuses_the_push_is_one_line_with_its_reason(tmp_path, checkout):
    bare = tmp_path / "remote.git"
    git("init", "--bare", "-q", str(bare), cwd=tmp_path)
    hook = bare / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'Cabang gh-pages dilindungi' >&2\nexit 1\n")
    hook.chmod(0o755)
    git("remote", "add", "origin", str(bare), cwd=checkout)
    line = said(gh_pages(FixtureSite(tmp_path / "site"), checkout))
    assert "'origin'" in line and "Cabang gh-pages dilindungi" in line, line
    assert "pre-receive hook declined" in line, line
    assert git("rev-parse", "--verify", "--quiet", "gh-pages", cwd=bare).returncode != 0
    # The branch is committed here, ready for the next try.
    listed = git("ls-tree", "--name-only", "gh-pages", cwd=checkout).stdout.split()
    assert "index.html" in listed


def test_a_remote_that_cannot_be_reached_is_one_line(tmp_path, checkout):
    git("remote", "add", "origin", str(tmp_path / "no-such-remote.git"), cwd=checkout)
    line = said(gh_pages(FixtureSite(tmp_path / "site"), checkout))
    assert "no-such-remote.git" in line and "does not appear to be a git repository" in line


def test_a_publish_folder_below_a_file_is_refused_before_building(tmp_path):
    """A target whose parent is a file (a typo: `~/situs.zip/www`): the site
    was built, then mkdir's NotADirectoryError traceback ended the publish."""
    site = FixtureSite(tmp_path / "site")
    site.article(
        "2024/rapat.md",
        title="Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan",
        slug="bawaslu-kota-palembang-gelar-rapat",
        body="PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan.",
    )
    (tmp_path / "situs.zip").write_bytes(b"PK")
    result = run_invoke(
        "publish",
        WARTA_CONTENT_PATH=str(site.content),
        WARTA_OUTPUT_PATH=str(site.output),
        WARTA_CACHE_PATH=str(site.root / "cache"),
        WARTA_SITEURL="https://warta.example.org",
        WARTA_DEPLOY_RSYNC_TARGET=str(tmp_path / "situs.zip" / "www"),
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("publish: refusing to publish to "), line
    assert f"{tmp_path / 'situs.zip'} is a file, not a folder" in line, line
    assert not site.output.exists()
    assert (tmp_path / "situs.zip").read_bytes() == b"PK"
