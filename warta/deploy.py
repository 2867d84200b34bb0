"""Publishing a built site: rsync (over SSH or to a local folder), a gh-pages
branch through ghp-import, and optional precompressed copies.

Configuration lives in one place, the `DEPLOY_*` settings of publishconf.py
(each overridable by an environment variable of the same name with a
`WARTA_` prefix). Every function here assumes the build already succeeded:
the tasks build first and publish nothing when the build fails.

rsync runs with `--delete`, and ghp-import replaces a branch whole, so a wrong
setting could wipe a folder or a branch. Before anything is built or copied,
`check_rsync_target` and `check_gh_pages_branch` refuse, with one line that
names the value and what to do:
- a local folder that is, contains or lies inside the project, its content,
  output or cache; a system folder (/, /etc, /usr, /home, the user's home,
  /tmp itself, …; `~`, `..` and symlinks resolved first);
- a remote path that is empty, the remote home (`~`, `.`), outside it (`..`)
  or a system folder, and rsync daemon or option-like targets;
- a non-empty folder, local or remote (looked into with `rsync --list-only`),
  that warta never published to: no MARKER file, which the first publish
  writes (locally before rsync runs; remotely as part of the transfer);
- a gh-pages branch that is main, master, the checked-out branch or the
  remote's default branch, or an existing branch without ghp-import's
  `.nojekyll` at its root.
`--dry-run` changes nothing: no folder is created and no marker written.

What the output folder keeps from before the build without the build writing
it (OUTPUT_RETENTION's names, e.g. a checkout's `.git`: `unpublished_names`)
is never published: rsync leaves it out (and deletes a copy an earlier publish
left on the target), ghp-import is given a tree without it, and no
precompressed twin is written in it.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import posixpath
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

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

# Written into a local target on the first publish; a non-empty folder without
# it is someone else's and is never synced into (rsync --delete would wipe it).
MARKER = ".warta-publish"
MARKER_TEXT = (
    "This folder is published by warta (invoke publish); rsync --delete mirrors the site here.\n"
)
# Never a target, nor an ancestor of one of these (checked on resolved paths).
SYSTEM_FOLDERS = tuple(
    PurePosixPath(p)
    for p in (
        "/", "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib32", "/lib64", "/libx32",
        "/media", "/mnt", "/opt", "/proc", "/root", "/run", "/sbin", "/snap", "/srv", "/sys",
        "/tmp", "/usr", "/var", "/var/cache", "/var/lib", "/var/log", "/var/mail",
        "/var/spool", "/var/tmp", "/Applications", "/Library", "/System", "/Users",
        "/Volumes", "/private", "/private/tmp", "/private/var",
    )
)  # fmt: skip
# Nothing inside these is a web folder: the operating system's own files.
SYSTEM_TREES = tuple(
    PurePosixPath(p)
    for p in (
        "/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/libx32", "/proc",
        "/run", "/sbin", "/sys", "/usr", "/var/cache", "/var/lib", "/var/log", "/var/mail",
        "/var/spool", "/Applications", "/Library", "/System",
    )
)  # fmt: skip
SOURCE_BRANCHES = ("main", "master")


class DeployError(Exception):
    """A publishing problem the user can fix; the message says how."""


def unpublished_names(
    retention: Iterable[str] | None, published: Iterable[str] = ()
) -> tuple[str, ...]:
    """Top-level names of the output folder the build keeps from before it
    without writing them: OUTPUT_RETENTION's (`retention`: a checkout's
    `.git`), but those it writes afresh when it keeps them (`published`: the
    search index's folder, which the search plugin keeps only while it
    rewrites it). None of them is published."""
    names: list[str] = []
    for entry in retention or ():
        name = str(entry).strip("/")
        if name and "/" not in name and name not in (".", "..", *published, *names):
            names.append(name)
    return tuple(names)


def _rsync_pattern(name: str) -> str:
    """`name` as an rsync filter pattern matching only itself."""
    return "".join("\\" + ch if ch in "*?[\\" else ch for ch in name)


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

    def ssh_args(self) -> list[str]:
        """`-e "ssh …"` for a remote target, nothing for a local one."""
        if not self.is_remote:
            return []
        ssh = ["ssh"]
        if self.ssh_port:
            ssh += ["-p", str(self.ssh_port)]
        ssh += list(self.ssh_options)
        return ["-e", shlex.join(ssh)]

    def command(
        self,
        source: Path,
        *,
        dry_run: bool = False,
        marker_source: Path | None = None,
        unpublished: Collection[str] = (),
    ) -> list[str]:
        """The rsync command. `marker_source`, a folder holding only MARKER, is
        sent too, so that a remote folder is marked by the transfer itself.
        The top-level names `unpublished` are not sent (hidden on the sending
        side only, so that `--delete` removes a copy already on the target)."""
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
            f"--filter=P /{MARKER}",  # --delete never removes the marker
        ]
        args += [f"--filter=H /{_rsync_pattern(name)}" for name in unpublished]
        if dry_run:
            args.append("--dry-run")
        args += self.ssh_args()
        # The trailing slash copies the folder's contents, not the folder itself.
        args.append(f"{source}/")
        if marker_source is not None:
            args.append(f"{marker_source}/")
        args.append(self.destination.rstrip("/") + "/")
        return args

    def remote_entries(self) -> list[tuple[str, str]] | None:
        """(permissions, name) of what the remote folder holds, None when it
        does not exist yet: `rsync --list-only` over SSH, which changes nothing."""
        proc = subprocess.run(
            ["rsync", "--list-only", *self.ssh_args(), self.destination.rstrip("/") + "/"],
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            if "No such file or directory" in proc.stderr:
                return None
            raise DeployError(
                f"cannot look into {self.destination} over SSH (rsync exit {proc.returncode}): "
                f"{proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else 'no message'}"
            )
        entries = []
        for line in proc.stdout.splitlines():
            fields = line.split(None, 4)
            if len(fields) == 5 and fields[4] != ".":
                entries.append((fields[0], fields[4]))
        return entries


@dataclass(frozen=True)
class LocalFolder:
    """A checked local target: its resolved path, and whether it holds anything yet."""

    path: Path
    exists: bool


def _refuse(value: str, why: str, todo: str) -> DeployError:
    return DeployError(f"refusing to publish to '{value}': {why} ({todo})")


def _check_text(value: str) -> None:
    if not value.strip():
        raise _refuse(value, "the target is empty", "set DEPLOY_RSYNC_TARGET to a folder")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise _refuse(value, "it contains a control character", "write the path on one line")
    if value.startswith("-"):
        raise _refuse(
            value, "rsync would read it as an option", "write a path, e.g. ./www or /srv/www"
        )


def _system_folder(path: PurePosixPath, home: PurePosixPath | None) -> str | None:
    """Why `path` (absolute, normalised) is a system folder, or None."""
    for folder in SYSTEM_FOLDERS:
        if path == folder or path in folder.parents:
            return f"{folder} is a system folder" if path == folder else f"it contains {folder}"
    for tree in SYSTEM_TREES:
        if tree in path.parents:
            return f"it is inside the system folder {tree}"
    if len(path.parts) == 3 and path.parts[1] in ("home", "Users"):
        return "it is a user's home folder"
    if home is not None and (path == home or path in home.parents):
        return "it is the home folder" if path == home else f"it contains the home folder {home}"
    return None


def check_local_folder(value: str, protected: dict[str, Path]) -> LocalFolder:
    """Resolve a local target (`~`, relative to the working folder, `..`,
    symlinks) and refuse it when a `--delete` mirror there could destroy
    anything: see the module docstring. `protected` maps a description
    ("the project", "OUTPUT_PATH", …) to a folder that must survive."""
    _check_text(value)
    path = Path(os.path.expanduser(value))
    resolved = (path if path.is_absolute() else Path.cwd() / path).resolve()
    home = Path.home().resolve()
    why = _system_folder(PurePosixPath(resolved), PurePosixPath(home))
    if why:
        raise _refuse(value, why, "publish to a folder of its own, e.g. /srv/www/warta")
    for name, folder in protected.items():
        folder = Path(folder).resolve()
        if resolved == folder or resolved in folder.parents:
            raise _refuse(
                value,
                f"it {'is' if resolved == folder else 'contains'} {name} {folder}",
                "publish to a folder outside the project",
            )
        if folder in resolved.parents:
            raise _refuse(
                value, f"it is inside {name} {folder}", "publish to a folder outside the project"
            )
    if not os.path.lexists(resolved):
        existing = next(folder for folder in resolved.parents if os.path.lexists(folder))
        if not existing.is_dir():
            raise _refuse(
                value,
                f"{existing} is a file, not a folder, so no folder can be made below it",
                "point it at a folder",
            )
        return LocalFolder(resolved, exists=False)
    if not resolved.is_dir():
        raise _refuse(value, "it is a file, not a folder", "point it at a folder")
    try:
        entries = [entry.name for entry in os.scandir(resolved)]
    except OSError as exc:
        raise _refuse(
            value, f"it cannot be read ({exc.strerror})", "check its permissions"
        ) from None
    if entries and not _is_marker(resolved / MARKER):
        raise _refuse(
            value,
            f"the folder is not empty and warta never published there (no {MARKER} file)",
            "choose an empty or new folder; if it really holds this site from an earlier "
            f"publish, create the empty file {resolved / MARKER} and publish again",
        )
    return LocalFolder(resolved, exists=True)


def _is_marker(path: Path) -> bool:
    """A regular file (a symlink named like the marker does not count)."""
    try:
        return path.lstat().st_mode & 0o170000 == 0o100000
    except OSError:
        return False


def check_remote_path(destination: str) -> None:
    """Refuse an `user@host:path` target whose path is empty, the remote home,
    outside it or a system folder (checked on the text: nothing is asked of the
    remote host), and daemon (`host::module`) or option-like targets."""
    _check_text(destination)
    login, _, path = destination.partition(":")
    host = login.rpartition("@")[2]
    if not host or host.startswith("-") or any(ch.isspace() for ch in login):
        raise _refuse(destination, f"'{login}' is not a host", "write user@host:/path/to/folder")
    if path.startswith(":") or destination.startswith("rsync:"):
        raise _refuse(
            destination,
            "rsync daemon targets are not supported",
            "publish over SSH: user@host:/path/to/folder",
        )
    if not path.strip():
        raise _refuse(
            destination,
            "the remote path is empty, which is the remote home folder",
            "add the folder, e.g. user@host:/srv/www/warta",
        )
    if path == "~" or (path.startswith("~") and "/" not in path.rstrip("/")):
        raise _refuse(destination, "it is a home folder", "add a folder below it, e.g. ~/www/warta")
    relative = path[2:] if path.startswith("~/") else path
    normal = posixpath.normpath(relative)
    if normal.startswith("//"):  # POSIX keeps two leading slashes; the remote reads "/"
        normal = "/" + normal.lstrip("/")
    if not posixpath.isabs(normal):
        if normal == "." or normal == ".." or normal.startswith("../"):
            raise _refuse(
                destination,
                "it is the remote home folder or outside it",
                "add a folder below it, e.g. user@host:www/warta",
            )
        return
    why = _system_folder(PurePosixPath(normal), None)
    if why:
        raise _refuse(
            destination, why, "publish to a folder of its own, e.g. user@host:/srv/www/warta"
        )


def check_rsync_target(target: RsyncTarget, protected: dict[str, Path]) -> LocalFolder | None:
    """The checked local folder (None for a remote target); raises DeployError.

    A remote folder is looked into over SSH (read only): like a local one, it
    must not exist yet, be empty or hold MARKER."""
    if not target.is_remote:
        return check_local_folder(target.destination, protected)
    check_remote_path(target.destination)
    entries = target.remote_entries()
    if entries and ("-", MARKER) not in [(perms[:1], name) for perms, name in entries]:
        raise _refuse(
            target.destination,
            f"the remote folder is not empty and warta never published there (no {MARKER} file)",
            "choose an empty or new folder; if it really holds this site from an earlier "
            f"publish, create the empty file {MARKER} in it and publish again",
        )
    return None


def protected_folders(settings: dict, project: Path) -> dict[str, Path]:
    """The folders no publish target may be, contain or lie inside."""
    folders = {"the project": project}
    for key, name in (
        ("PATH", "the content folder"),
        ("OUTPUT_PATH", "the output folder"),
        ("CACHE_PATH", "the cache folder"),
    ):
        if settings.get(key):
            folders[name] = Path(settings[key])
    return folders


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


def rsync(
    source: Path,
    target: RsyncTarget,
    *,
    protected: dict[str, Path],
    dry_run: bool = False,
    unpublished: Collection[str] = (),
) -> str:
    """Mirror `source`, but its top-level names `unpublished`, to the target;
    returns rsync's itemised change list.

    The target is checked again here (`check_rsync_target`), right before
    rsync runs. A local folder is created, and its MARKER written, only when
    not `dry_run`; a dry run to a folder that does not exist yet compares with
    an empty temporary folder instead."""
    if shutil.which("rsync") is None:
        raise DeployError("rsync is not installed (Debian: apt-get install rsync)")
    if not (source / "index.html").exists():
        raise DeployError(f"{source} holds no built site (no index.html): build first")
    local = check_rsync_target(target, {**protected, "the output folder": source})
    with (
        tempfile.TemporaryDirectory(prefix="warta-dry-run-") as empty,
        tempfile.TemporaryDirectory(prefix="warta-marker-") as marker_source,
    ):
        marker = None
        if local is None:
            marker = Path(marker_source)
            (marker / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
            os.utime(marker / MARKER, (0, 0))  # the same file every time: no change to list
        else:
            if dry_run and not local.exists:
                destination = empty
            else:
                destination = str(local.path)
                if not dry_run:
                    try:
                        local.path.mkdir(parents=True, exist_ok=True)
                    except OSError as exc:
                        raise DeployError(
                            f"cannot make the folder {local.path} ({exc.strerror}): "
                            "check the path and its permissions"
                        ) from None
                    _write_marker(local.path)
            target = RsyncTarget(destination, target.ssh_port, target.ssh_options)
        proc = subprocess.run(
            target.command(source, dry_run=dry_run, marker_source=marker, unpublished=unpublished),
            capture_output=True,
            text=True,
            check=False,
        )
    if proc.returncode != 0:
        raise DeployError(
            f"rsync to {target.destination} failed (exit {proc.returncode}): "
            f"{said(proc.stderr or proc.stdout)}"
        )
    return proc.stdout


def _write_marker(folder: Path) -> None:
    marker = folder / MARKER
    if _is_marker(marker):
        return
    # O_NOFOLLOW|O_EXCL: a symlink planted under the marker's name is never followed.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(marker, flags, 0o644)
    except OSError as exc:
        raise DeployError(f"cannot write {marker} ({exc.strerror}): check the folder") from None
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(MARKER_TEXT)


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=False)


def check_gh_pages_branch(repo: Path, branch: str, remote: str, *, push: bool) -> None:
    """Refuse a branch that ghp-import must never replace: an invalid name,
    main/master, the checked-out branch, the remote's default branch, or an
    existing branch (here or on the remote) without `.nojekyll` at its root,
    which every branch ghp-import wrote for warta has. Raises DeployError."""
    setting = "DEPLOY_GH_PAGES_BRANCH"
    if _git(repo, "rev-parse", "--git-dir").returncode != 0:
        raise DeployError(f"{repo} is not a git repository: gh-pages needs one")
    if not branch or _git(repo, "check-ref-format", "--branch", branch).returncode != 0:
        raise DeployError(
            f"refusing to publish to branch '{branch}': not a valid branch name "
            f"(set {setting} to e.g. gh-pages)"
        )
    if remote.startswith("-") or not remote.strip():
        raise DeployError(
            f"refusing to push to remote '{remote}': not a remote name "
            "(set DEPLOY_GH_PAGES_REMOTE to e.g. origin)"
        )

    def refuse(why: str) -> DeployError:
        return DeployError(
            f"refusing to publish to branch '{branch}': {why}; the site would replace its "
            f"files (set {setting} to a branch of its own, e.g. gh-pages)"
        )

    if branch in SOURCE_BRANCHES:
        raise refuse("it is a source branch name")
    current = _git(repo, "symbolic-ref", "--quiet", "--short", "HEAD").stdout.strip()
    if branch == current:
        raise refuse("it is the branch checked out in " + str(repo))
    default = _git(
        repo, "symbolic-ref", "--quiet", "--short", f"refs/remotes/{remote}/HEAD"
    ).stdout.strip()
    if default and default.partition("/")[2] == branch:
        raise refuse(f"it is the default branch of {remote}")
    local = f"refs/heads/{branch}"
    exists = _git(repo, "rev-parse", "--verify", "--quiet", local).returncode == 0
    if exists and _git(repo, "cat-file", "-e", f"{local}:.nojekyll").returncode != 0:
        raise refuse("it exists and was not written by gh-pages publishing (no .nojekyll)")
    if not push:
        return
    listed = _git(repo, "ls-remote", "--symref", remote, "HEAD", local)
    if listed.returncode != 0:
        return  # an unreachable remote: ghp-import's push reports it
    if f"ref: {local}\tHEAD" in listed.stdout.splitlines():
        raise refuse(f"it is the default branch of {remote}")
    if not any(line.endswith("\t" + local) for line in listed.stdout.splitlines()):
        return
    fetched = _git(repo, "fetch", "--quiet", "--no-tags", remote, local)
    if fetched.returncode != 0:
        raise refuse(f"it exists on {remote} and could not be fetched to check it")
    if _git(repo, "cat-file", "-e", "FETCH_HEAD:.nojekyll").returncode != 0:
        raise refuse(f"it exists on {remote} and was not written by gh-pages publishing")


# GitHub Pages refuses a published site over 1 GB (its documented limit).
PAGES_MAX_BYTES = 1_000_000_000


def site_size(root: Path, unpublished: Collection[str] = ()) -> tuple[int, list[tuple[str, int]]]:
    """Bytes of every file below `root` (links not followed, .git folders and
    the top-level names `unpublished` left out), and the three largest
    top-level parts with their bytes."""
    total = 0
    parts: dict[str, int] = {}
    for folder, subfolders, files in _published_walk(root, unpublished):
        subfolders[:] = [name for name in subfolders if name != ".git"]
        relative = Path(folder).relative_to(root).parts
        part = f"{relative[0]}/" if relative else "(files at the top)"
        for name in files:
            size = os.lstat(os.path.join(folder, name)).st_size
            total += size
            parts[part] = parts.get(part, 0) + size
    largest = sorted(parts.items(), key=lambda item: item[1], reverse=True)[:3]
    return total, largest


def _published_walk(root: Path, unpublished: Collection[str]):
    """os.walk of `root` without its top-level names `unpublished`."""
    for folder, subfolders, files in os.walk(root):
        if Path(folder) == Path(root):
            subfolders[:] = [name for name in subfolders if name not in unpublished]
            files = [name for name in files if name not in unpublished]
        yield folder, subfolders, files


def shown_size(size: int) -> str:
    return f"{size / 1e9:.2f} GB" if size >= 1e9 else f"{size / 1e6:.1f} MB"


def check_pages_size(
    root: Path, max_bytes: int = PAGES_MAX_BYTES, unpublished: Collection[str] = ()
) -> int:
    """The site's bytes; DeployError when GitHub Pages would refuse it."""
    total, largest = site_size(root, unpublished)
    if total > max_bytes:
        parts = ", ".join(f"{name} {shown_size(size)}" for name, size in largest)
        raise DeployError(
            f"the site is {shown_size(total)}, over the {shown_size(max_bytes)} GitHub "
            f"Pages publishes (largest: {parts}) (publish to your own server with "
            "`invoke publish`, or make the site smaller: docs/performance.md says "
            "where the bytes go)"
        )
    return total


def gh_pages(
    source: Path,
    *,
    repo: Path,
    remote: str = "origin",
    branch: str = "gh-pages",
    message: str = "Publikasi situs",
    push: bool = True,
    cname: str | None = None,
    max_bytes: int = PAGES_MAX_BYTES,
    unpublished: Collection[str] = (),
) -> None:
    """Commit `source` as the whole tree of `branch` in `repo` (ghp-import), then push.

    The commit has no parent: the branch holds the current site and no earlier one.

    `.nojekyll` is added so GitHub Pages serves folders such as `_warta` as is.
    A site over `max_bytes` is refused before anything is committed. The
    top-level names `unpublished` are not committed: ghp-import takes every
    file of its folder, so it is given a tree of links to the others.
    """
    if not (source / "index.html").exists():
        raise DeployError(f"{source} holds no built site (no index.html): build first")
    check_pages_size(source, max_bytes, unpublished)
    check_gh_pages_branch(repo, branch, remote, push=push)
    if push:
        remotes = subprocess.run(
            ["git", "remote"], cwd=repo, capture_output=True, text=True, check=True
        ).stdout.split()
        if remote not in remotes:
            raise DeployError(
                f"git remote '{remote}' does not exist in {repo} "
                f"(set DEPLOY_GH_PAGES_REMOTE, or add it: git remote add {remote} URL)"
            )
    # --no-history: each publication is the branch's only commit. On top of the
    # last one, a release withdrawn since (made a draft, deleted, found to be
    # under embargo) stayed readable in the pushed branch's history.
    # The push is ours (`push_branch`): ghp-import's prints its traceback
    # when the remote refuses it.
    args = ["ghp-import", "--no-jekyll", "--no-history", "-b", branch, "-m", message]
    if cname:
        args += ["--cname", cname]
    executable = shutil.which("ghp-import") or str(Path(sys.executable).parent / "ghp-import")
    args[0] = executable
    present = [name for name in unpublished if os.path.lexists(source / name)]
    with contextlib.ExitStack() as stack:
        if present:  # beside `source`: links are cheap there, and relative links still resolve
            linked = stack.enter_context(
                tempfile.TemporaryDirectory(prefix=".warta-pages-", dir=source.parent)
            )
            tree = Path(linked) / source.name
            shutil.copytree(
                source,
                tree,
                symlinks=True,
                ignore=lambda folder, _names: present if Path(folder) == source else (),
                copy_function=_link_or_copy,
            )
            source = tree
        args.append(str(source))
        proc = subprocess.run(args, cwd=repo, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise DeployError(
            f"ghp-import failed (exit {proc.returncode}): {said(proc.stderr or proc.stdout)}"
        )
    if push:
        push_branch(repo, remote, branch)


def said(output: str) -> str:
    """What a command's output says, on one line: its lines joined with "; ",
    a Python traceback's frames and git's `remote:` prefixes and closing
    "failed to push some refs" left out."""
    lines = []
    traceback = False
    for line in output.splitlines():
        text = line.strip()
        if text.startswith("Traceback ("):
            traceback = True
        if traceback and (line[:1].isspace() or text.startswith("Traceback (")):
            continue  # its frames and their code lines: its last line says it
        traceback = False
        if text.startswith("remote:"):
            text = text.removeprefix("remote:").strip()
        elif re.fullmatch(r"To \S+", text):
            continue  # git push's "To <address of the remote>"
        text = text.removeprefix("! ")
        if text and not text.startswith("error: failed to push some refs"):
            lines.append(text)
    return "; ".join(dict.fromkeys(lines)) or "no message"


def push_branch(repo: Path, remote: str, branch: str) -> None:
    """Push `branch` of `repo` over the remote's (forced: each publication is
    the branch's only commit); DeployError saying what the remote said."""
    ref = f"refs/heads/{branch}"
    proc = _git(repo, "push", "--force", "--quiet", remote, f"{ref}:{ref}")
    if proc.returncode != 0:
        raise DeployError(
            f"the push of branch '{branch}' to '{remote}' failed: {said(proc.stderr)} "
            f"(the site is committed to '{branch}' in {repo}; once the remote accepts the "
            "push (access, branch protection, address), publish again)"
        )


def _link_or_copy(source: str, destination: str) -> None:
    try:
        os.link(source, destination)
    except OSError:  # another file system, or no links there
        shutil.copy2(source, destination)


def precompress(
    root: Path, formats: tuple[str, ...] = ("gz",), unpublished: Collection[str] = ()
) -> int:
    """Write `.gz` (and `.br`) twins of text files for hosts that serve them
    (none below the top-level names `unpublished`, which are not published).

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
    found = (
        Path(folder, name)
        for folder, _subfolders, files in _published_walk(root, unpublished)
        for name in files
    )
    for path in sorted(found):
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
