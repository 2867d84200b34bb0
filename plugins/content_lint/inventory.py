"""Files under content/ that the build would pass over without a word.

Pelican reads only files with a reader's extension (`.md`, exactly that case)
inside ARTICLE_PATHS and PAGE_PATHS, and copies STATIC_PATHS; anything else is
skipped in silence. A release saved as `.MD`, `.txt`, `.md.txt` (Notepad) or
`.docx`, or put in `content/Berita/` instead of `content/berita/`, would never
appear on the site. Each such file is named here with what to do. Pure Python
(no Pelican import).
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator

from warta.findings import Finding

# Files an operating system or editor leaves behind: never a release.
JUNK = {"thumbs.db", "desktop.ini", ".ds_store"}
TEXT_EXTENSIONS = {"txt", "text"}
DOCUMENT_EXTENSIONS = {"doc", "docx", "odt", "rtf", "pdf", "pages"}
MARKDOWN_EXTENSIONS = {"md", "markdown", "mkd", "mdown"}


def _under(relative: str, folders: Iterable[str]) -> bool:
    parts = relative.split("/")
    for folder in folders:
        folder = folder.strip("/")
        if not folder or folder == ".":
            return True
        depth = len(folder.split("/"))
        if "/".join(parts[:depth]) == folder and len(parts) > depth:
            return True
    return False


def _case_twin(relative: str, folders: Iterable[str]) -> str | None:
    """The configured folder that differs from the file's folder only in case."""
    first = relative.split("/")[0]
    for folder in folders:
        name = folder.strip("/").split("/")[0]
        if name and name != first and name.lower() == first.lower():
            return name
    return None


def unread_files(
    relatives: Iterable[str],
    *,
    article_paths: Iterable[str],
    page_paths: Iterable[str],
    static_paths: Iterable[str],
    extensions: Iterable[str],
    ignore: Iterable[str] = ("**/.*",),
) -> Iterator[Finding]:
    """A finding for each file (paths relative to content/, `/`-separated) that
    is neither read as an article or page nor copied as a static file."""
    article_paths, page_paths = list(article_paths), list(page_paths)
    static_paths, extensions = list(static_paths), set(extensions)
    ignore = list(ignore)
    content_folders = article_paths + page_paths
    for relative in sorted(relatives):
        basename = relative.rsplit("/", 1)[-1]
        if basename.lower() in JUNK or basename.startswith(("~$", ".")):
            continue
        if any(fnmatch.fnmatch(basename, pattern) for pattern in ignore):
            continue
        if _under(relative, static_paths):
            continue
        stem, ext = _split(basename)  # "rilis": no extension at all
        in_content_folder = _under(relative, content_folders)
        if in_content_folder and ext in extensions:
            continue
        yield from _explain(relative, stem, ext, in_content_folder, content_folders)


def _split(basename: str) -> tuple[str, str]:
    """(stem, extension) of a file name; "rilis" has no extension."""
    stem, dot, ext = basename.rpartition(".")
    return (stem, ext) if dot else (basename, "")


def _meant_as_release(stem: str, ext: str) -> bool:
    """A release saved under another ending (`.MD`, `.txt`, `.md.txt`, `.md `)."""
    lower = ext.strip().lower()
    inner = stem.rpartition(".")[2].lower() if "." in stem else ""
    return lower in MARKDOWN_EXTENSIONS or lower in TEXT_EXTENSIONS or inner in MARKDOWN_EXTENSIONS


def new_name(relative: str, content_folders: Iterable[str]) -> str | None:
    """The name the line of an unread file (`unread_files`) tells to rename it
    to: a release in an article or page folder saved under another ending or
    none ("spasi.md " → spasi.md, "rilis.txt" → rilis.md, "rilis" → rilis.md);
    None for any other file (moved, exported or removed instead)."""
    stem, ext = _split(relative.rsplit("/", 1)[-1])
    if not _under(relative, content_folders):
        return None
    if _meant_as_release(stem, ext):
        inner = stem.rpartition(".")[2].lower() if "." in stem else ""
        return f"{stem.rpartition('.')[0] if inner in MARKDOWN_EXTENSIONS else stem}.md"
    return f"{stem}.md" if not ext else None


def _explain(relative, stem, ext, in_content_folder, content_folders) -> Iterator[Finding]:
    # "rilis.md " (a space typed after the name) is the release its owner meant
    renamed = new_name(relative, content_folders)
    inner = stem.rpartition(".")[2].lower() if "." in stem else ""
    if _meant_as_release(stem, ext):
        if not in_content_folder:
            twin = _case_twin(relative, content_folders)
            where = (
                f"the folder is '{twin}/', in small letters"
                if twin
                else "articles go in content/berita/YYYY/, pages in content/halaman/"
            )
            yield Finding(
                relative,
                None,
                "error",
                "not read: this file is outside the article and page folders",
                f"move it: {where}",
            )
            return
        yield Finding(
            relative,
            None,
            "error",
            f"not read: a release must end in '.md', not '.{ext}'"
            if not inner
            else f"not read: the name ends in '.{inner}.{ext}'",
            f"rename it to {renamed}",
        )
        return
    if renamed:  # no extension, in a content folder
        yield Finding(
            relative,
            None,
            "error",
            "not read: the file name has no extension; a release must end in '.md'",
            f"rename it to {renamed}, or remove it if it is not a release",
        )
        return
    lower = ext.strip().lower()
    if lower in DOCUMENT_EXTENSIONS:
        # Staff put an SK next to its release, or in a folder of their own
        # (content/dok/), and link it: the file to download is what they
        # meant as often as the text, so both ways are said.
        name = relative.rsplit("/", 1)[-1]
        yield Finding(
            relative,
            None,
            "error",
            f"not read: a .{ext} document outside content/images/ is not published",
            f"to offer it for download, move it to content/images/YYYY/{name} and link it as "
            f"{{static}}/images/YYYY/{name}; to publish its text, paste it into a .md release "
            "(`invoke new` starts one) and remove this file",
        )
        return
    yield Finding(
        relative,
        None,
        "warning",
        "not published: the site reads no file of this kind here",
        "photos go in content/images/YYYY/; remove files that do not belong to the site",
    )


def content_files(root: str) -> list[str]:
    """Every file below the content folder, relative and `/`-separated; symlinks
    are listed (not followed), hidden folders are skipped."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        # (the folder's path made relative once: `relpath` per file was most of
        # the listing of 10,000 releases and their photos)
        below = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if below == "." else below + "/"
        found += [prefix + name.replace(os.sep, "/") for name in files]
    return found
