"""What the text of an article yields, and a cache of it across builds (no Pelican import).

Scanning an article for detection phrases, registered officials and
unregistered ones is the plugin's costly step (milliseconds per article), and
it runs in `article_generator_finalized`, after Pelican's content cache: every
build, a warm one too, would scan every article again. Its results depend on
nothing but

- the article's title and HTML body (the scanned text is derived from them)
  and its region codes (the context in which "Panwaslu Kecamatan Sako" is read),
- the detection phrases of the vocabulary, the names and variants of the
  registry and OFFICIAL_TAGS_DETECT_MIN_MENTIONS,
- the gazetteer, its aliases and the home province, which read the region of
  an office named beside an official ("Anggota Bawaslu Mura, Nama"),
- the code that scans (`DETECTION_VERSION`, plus a digest of the modules'
  source, so that an edit nobody remembered to version still invalidates),

so `DetectionCache` keeps them in one JSON file, keyed by a digest of the
title, body and region codes, under a digest of everything else: any change to the data,
the setting or the code starts an empty cache.

Only the findings are cached, never what is logged: a build replays every
suggestion from them (with the line read from the source file of that build),
so a warm build reports what a cold one reports. Positions held on the
article's date, whether an office named in the text agrees with them (see
`offices.py`), the order of tags and unknown typed tags are worked out on
every build from the findings, as before.

The file is replaced atomically (written beside it, then renamed); a missing,
unreadable or foreign file is an empty cache, never an error.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .detection import PhraseMatcher, detected_tags, plain_text
from .offices import RegionReader, StatedOffice, stated_offices
from .officials import Registry, discover

logger = logging.getLogger(__name__)

# Bump when what the scan finds changes for the same inputs.
DETECTION_VERSION = 2
FILE_FORMAT = "warta-official-tags-detections"
# The modules whose code decides the findings.
_SOURCES = ("datafile.py", "detection.py", "officials.py", "offices.py", "vocabulary.py", "scan.py")


@dataclass(frozen=True)
class Findings:
    """What one article's text yields.

    `tags`: detected official-tag slugs, or None when detection was not asked
    for (`Tags-Auto: no`, OFFICIAL_TAGS_DETECT = False); `officials`: slugs of
    registered officials in order of first mention; `discovered`: (name,
    position) of officials named in the text but not registered; `stated`: the
    office the text names beside a registered official's name.
    """

    tags: tuple[str, ...] | None
    officials: tuple[str, ...]
    discovered: tuple[tuple[str, str], ...]
    stated: tuple[StatedOffice, ...] = ()

    def as_json(self) -> dict:
        return {
            "tags": list(self.tags) if self.tags is not None else None,
            "officials": list(self.officials),
            "discovered": [list(pair) for pair in self.discovered],
            "stated": [office.as_json() for office in self.stated],
        }

    @classmethod
    def from_json(cls, value: object) -> Findings | None:
        """None for anything this version did not write."""
        if not isinstance(value, dict):
            return None
        tags, officials, discovered = (
            value.get("tags"),
            value.get("officials"),
            value.get("discovered"),
        )
        if not (tags is None or _strings(tags)) or not _strings(officials):
            return None
        if not isinstance(discovered, list) or not all(
            isinstance(pair, list) and len(pair) == 2 and _strings(pair) for pair in discovered
        ):
            return None
        raw_stated = value.get("stated")
        if not isinstance(raw_stated, list):
            return None
        stated = [StatedOffice.from_json(entry) for entry in raw_stated]
        if any(entry is None for entry in stated):
            return None
        return cls(
            None if tags is None else tuple(tags),
            tuple(officials),
            tuple((name, position) for name, position in discovered),
            tuple(stated),
        )


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(entry, str) for entry in value)


def find(
    title: str,
    html: str,
    *,
    tag_matcher: PhraseMatcher,
    registry: Registry,
    min_mentions: int,
    with_tags: bool,
    regions: RegionReader | None = None,
    context: tuple[str, ...] = (),
) -> Findings:
    """Scan one article: the work the cache saves. `context`: the article's
    region codes, in which kecamatan names of offices are read."""
    text = f"{title}\n{plain_text(html)}"
    tags = tuple(detected_tags(text, tag_matcher, min_mentions)) if with_tags else None
    mentions = list(registry.matcher.finditer(text))
    return Findings(
        tags=tags,
        officials=tuple(dict.fromkeys(slug for slug, _ in mentions)),
        discovered=tuple((found.name, found.position) for found in discover(text, registry)),
        stated=tuple(stated_offices(text, mentions, regions or RegionReader(), context)),
    )


def text_key(title: str, html: str, context: tuple[str, ...] = ()) -> str:
    """Digest of the text fields the scan reads, and the article's region codes."""
    digest = hashlib.blake2b(digest_size=16)
    for part in (title, html, "\n".join(context)):
        encoded = part.encode("utf-8", "surrogatepass")
        digest.update(len(encoded).to_bytes(8, "big"))  # "ab"+"c" ≠ "a"+"bc"
        digest.update(encoded)
    return digest.hexdigest()


def data_digest(vocabulary, registry: Registry, min_mentions: int, regions: str = "") -> str:
    """Digest of every input of the scan except the article: detection phrases,
    registered names, the setting, the version, the scanning code and `regions`
    (a digest of what reads office regions: gazetteer, aliases, home province and
    the code that resolves them; see `file_digest`)."""
    data = {
        "version": DETECTION_VERSION,
        "min_mentions": min_mentions,
        "regions": regions,
        "phrases": [[tag.slug, list(tag.detect)] for tag in vocabulary.tags],
        "officials": [
            [person.slug, person.name, list(person.variants)] for person in registry.officials
        ],
    }
    digest = hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode())
    here = Path(__file__).parent
    for name in _SOURCES:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def file_digest(*parts: Path | str | None) -> str:
    """Digest of files (their bytes; a missing file counts as absent) and strings."""
    digest = hashlib.sha256()
    for part in parts:
        if isinstance(part, Path):
            try:
                data = part.read_bytes()
            except OSError:
                data = b"\0missing"
        else:
            data = str(part).encode()
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


class DetectionCache:
    """Findings by text key, loaded from and saved to `path` (None: in memory only).

    Entries not used by a build are dropped when it saves, so the file holds
    the current articles only. `hits` and `misses` count this build's
    look-ups: an article missed is an article scanned.
    """

    def __init__(self, path: Path | None, digest: str) -> None:
        self.path = path
        self.digest = digest
        self.hits = 0
        self.misses = 0
        self._stored: dict[str, dict] = self._load() if path else {}
        self._used: dict[str, dict] = {}
        self._changed = False

    def _load(self) -> dict[str, dict]:
        try:
            with open(self.path, encoding="utf-8") as handle:
                data = json.load(handle)
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, RecursionError) as exc:  # bad JSON, encoding, nesting
            logger.info("official_tags: detection cache unreadable, scanning afresh: %s", exc)
            return {}
        if (
            not isinstance(data, dict)
            or data.get("format") != FILE_FORMAT
            or data.get("digest") != self.digest
            or not isinstance(data.get("entries"), dict)
        ):
            # Another version of the data or the code: nothing in it applies.
            return {}
        return data["entries"]

    def get(self, key: str, *, with_tags: bool) -> Findings | None:
        """The cached findings, if they hold everything asked for."""
        # `_used` first: two articles with the same text are scanned once.
        entry = self._used.get(key) or self._stored.get(key)
        found = Findings.from_json(entry)
        if found is None or (with_tags and found.tags is None):
            self.misses += 1
            return None
        self.hits += 1
        self._used[key] = entry
        return found

    def put(self, key: str, findings: Findings) -> None:
        entry = findings.as_json()
        self._used[key] = entry
        if self._stored.get(key) != entry:
            self._changed = True

    def save(self) -> bool:
        """Write the entries used by this build, if they differ from the file's.

        Returns True when the file was written."""
        if self.path is None:
            return False
        if not self._changed and self._used.keys() == self._stored.keys():
            return False
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"format": FILE_FORMAT, "digest": self.digest, "entries": self._used}
        # Written beside the target and renamed over it: a build stopped
        # half-way, or two builds at once, never leave a truncated file.
        descriptor, temporary = tempfile.mkstemp(
            dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp"
        )
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                json.dump(payload, handle, ensure_ascii=False, separators=(",", ":"))
            os.chmod(temporary, 0o644)  # mkstemp's 0600 would hide it from other users
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        self._stored, self._changed = dict(self._used), False
        return True
