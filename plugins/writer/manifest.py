"""What the last build wrote, and the files it wrote kept aside for reuse.

The manifest (`<cache>/writer/manifest.json`) maps every page and feed the
writer produced to the digest of its inputs. Pelican empties the output
folder at the start of a build (`DELETE_OUTPUT_DIRECTORY`); before it does,
`Previous.keep` moves the files the manifest lists into `<cache>/writer/previous/`,
so a page whose inputs did not change is moved back instead of rendered. The
output then holds exactly what a clean build would write: pages that are no
longer produced stay behind in `previous/` and are deleted with it.

The manifest is removed while a build runs and saved when it ends, so a build
that stops half-way never vouches for files it did not finish. No Pelican import.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

VERSION = 1


class Manifest:
    def __init__(self, folder: str | os.PathLike, output: str | os.PathLike) -> None:
        self.folder = Path(folder)
        self.path = self.folder / "manifest.json"
        self.output = Path(output).resolve()
        self.previous: dict[str, str] = {}  # site path → digest, from the last build
        self.current: dict[str, str] = {}  # site path → digest, this build

    def load(self) -> None:
        """Read the last build's manifest and remove it until this build ends."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        if data.get("version") == VERSION and data.get("output") == str(self.output):
            files = data.get("files")
            self.previous = dict(files) if isinstance(files, dict) else {}
        self.path.unlink(missing_ok=True)

    def save(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        data = {"version": VERSION, "output": str(self.output), "files": self.current}
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
        temporary.replace(self.path)


def move(source: Path, destination: Path) -> bool:
    """Move a file (a rename on one filesystem); False if the source is gone."""
    try:
        os.replace(source, destination)
        return True
    except FileNotFoundError:
        try:
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, destination)
            return True
        except FileNotFoundError:
            return False
    except OSError:  # another filesystem
        try:
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(source, destination)
            return True
        except FileNotFoundError:
            return False


class Previous:
    """The last build's files, moved out of the output before Pelican empties it."""

    def __init__(self, folder: str | os.PathLike, output: str | os.PathLike) -> None:
        self.folder = Path(folder)
        self.output = Path(output)

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def keep(self, site_paths) -> int:
        """Move the listed files from the output into the keep folder."""
        self.discard()
        kept = 0
        for site_path in site_paths:
            if move(self.output / site_path, self.folder / site_path):
                kept += 1
        return kept

    def has(self, site_path: str) -> bool:
        return (self.folder / site_path).is_file()

    def restore(self, site_path: str) -> bool:
        """Put a kept file back at its place in the output."""
        return move(self.folder / site_path, self.output / site_path)
