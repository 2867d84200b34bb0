"""Publishing a built site: rsync (over SSH or to a local folder), a gh-pages
branch through ghp-import, and optional precompressed copies.

Configuration lives in one place, the `DEPLOY_*` settings of publishconf.py
(each overridable by an environment variable of the same name with a
`WARTA_` prefix). Every function here assumes the build already succeeded:
the tasks build first and publish nothing when the build fails.
"""

from __future__ import annotations

import gzip
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

COMPRESSIBLE_SUFFIXES = {
    ".html",
    ".css",
    ".js",
    ".json",
    ".xml",
    ".svg",
    ".txt",
    ".webmanifest",
    ".pf_meta",
}
MIN_COMPRESS_BYTES = 256  # smaller files gain nothing from a compressed twin


class DeployError(Exception):
    """A publishing problem the user can fix; the message says how."""


@dataclass(frozen=True)
class RsyncTarget:
    """Where `invoke publish` sends the site.

    `destination` is `user@host:/path` (over SSH) or a local folder path.
    """

    destination: str
    ssh_port: int | None = None
    ssh_options: tuple[str, ...] = ()

    @property
    def is_remote(self) -> bool:
        host, sep, _ = self.destination.partition(":")
        return bool(sep) and "/" not in host

    def command(self, source: Path, *, dry_run: bool = False) -> list[str]:
        args = [
            "rsync",
            "--recursive",
            "--links",
            "--times",
            "--compress",
            "--delete",  # runs only after a successful build: see tasks.publish
            "--checksum",
            "--human-readable",
            "--itemize-changes",
        ]
        if dry_run:
            args.append("--dry-run")
        if self.is_remote:
            ssh = ["ssh"]
            if self.ssh_port:
                ssh += ["-p", str(self.ssh_port)]
            ssh += list(self.ssh_options)
            args += ["-e", shlex.join(ssh)]
        # The trailing slash copies the folder's contents, not the folder itself.
        args += [f"{source}/", self.destination.rstrip("/") + "/"]
        return args


def rsync_target_from_settings(settings: dict) -> RsyncTarget:
    destination = settings.get("DEPLOY_RSYNC_TARGET")
    if not destination:
        raise DeployError(
            "nowhere to publish: DEPLOY_RSYNC_TARGET is not set "
            "(set it in publishconf.py or as WARTA_DEPLOY_RSYNC_TARGET, "
            "e.g. 'humas@web.example.org:/var/www/warta' or a local folder)"
        )
    port = settings.get("DEPLOY_SSH_PORT")
    options = settings.get("DEPLOY_SSH_OPTIONS") or ()
    if isinstance(options, str):
        options = tuple(shlex.split(options))
    return RsyncTarget(destination, int(port) if port else None, tuple(options))


def rsync(source: Path, target: RsyncTarget, *, dry_run: bool = False) -> str:
    """Mirror `source` to the target; returns rsync's itemised change list."""
    if shutil.which("rsync") is None:
        raise DeployError("rsync is not installed (Debian: apt-get install rsync)")
    if not (source / "index.html").exists():
        raise DeployError(f"{source} holds no built site (no index.html): build first")
    if not target.is_remote:
        Path(target.destination).mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        target.command(source, dry_run=dry_run), capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise DeployError(
            f"rsync to {target.destination} failed (exit {proc.returncode}): "
            f"{proc.stderr.strip() or proc.stdout.strip()}"
        )
    return proc.stdout


def gh_pages(
    source: Path,
    *,
    repo: Path,
    remote: str = "origin",
    branch: str = "gh-pages",
    message: str = "Publikasi situs",
    push: bool = True,
    cname: str | None = None,
) -> None:
    """Commit `source` as the whole tree of `branch` in `repo` (ghp-import), then push.

    `.nojekyll` is added so GitHub Pages serves folders such as `_warta` as is.
    """
    if not (source / "index.html").exists():
        raise DeployError(f"{source} holds no built site (no index.html): build first")
    git_dir = subprocess.run(
        ["git", "rev-parse", "--git-dir"], cwd=repo, capture_output=True, text=True, check=False
    )
    if git_dir.returncode != 0:
        raise DeployError(f"{repo} is not a git repository: gh-pages needs one")
    if push:
        remotes = subprocess.run(
            ["git", "remote"], cwd=repo, capture_output=True, text=True, check=True
        ).stdout.split()
        if remote not in remotes:
            raise DeployError(
                f"git remote '{remote}' does not exist in {repo} "
                f"(set DEPLOY_GH_PAGES_REMOTE, or add it: git remote add {remote} URL)"
            )
    args = ["ghp-import", "--no-jekyll", "--force", "-b", branch, "-m", message]
    if push:
        args += ["--push", "-r", remote]
    if cname:
        args += ["--cname", cname]
    args.append(str(source))
    executable = shutil.which("ghp-import") or str(Path(sys.executable).parent / "ghp-import")
    args[0] = executable
    proc = subprocess.run(args, cwd=repo, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise DeployError(
            f"ghp-import failed (exit {proc.returncode}): {(proc.stderr or proc.stdout).strip()}"
        )


def precompress(root: Path, formats: tuple[str, ...] = ("gz",)) -> int:
    """Write `.gz` (and `.br`) twins of text files for hosts that serve them.

    Deterministic (no timestamps in the gzip header) so unchanged files give
    identical bytes and rsync/git see no change. Returns the number written.
    """
    unknown = set(formats) - {"gz", "br"}
    if unknown:
        raise DeployError(
            f"unknown precompression format(s) {sorted(unknown)} (use 'gz' and/or 'br')"
        )
    if "br" in formats:
        import brotli
    written = 0
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.suffix not in COMPRESSIBLE_SUFFIXES:
            continue
        data = path.read_bytes()
        if len(data) < MIN_COMPRESS_BYTES:
            continue
        if "gz" in formats:
            packed = gzip.compress(data, compresslevel=9, mtime=0)
            path.with_name(path.name + ".gz").write_bytes(packed)
            written += 1
        if "br" in formats:
            path.with_name(path.name + ".br").write_bytes(brotli.compress(data, quality=11))
            written += 1
    return written
