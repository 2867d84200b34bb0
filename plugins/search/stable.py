"""Make a Pagefind bundle the same bytes for the same pages (Pagefind/pagefind#638).

Pagefind 1.3+ writes its fragments and word indexes the same on every run,
but not its filter indexes nor the metadata file that lists them: it writes
a filter's values ("Berita", "Siaran Pers", …) and the list of filters in the
order of a Rust HashMap, which is seeded at random on each run. The file
names are hashes of the contents, so every build of unchanged content gave
other `filter/*.pf_filter` files, another `pagefind.*.pf_meta` and another
`pagefind-entry.json`: a deploy uploaded and published them all again, and a
warm build could never equal a clean one file for file.

`stabilise(bundle)` puts those lists in order (a filter's values by value, the
filters and the sort indexes by name), writes the files again (gzip without a
time stamp, as Pagefind's own) under names made from a hash of their content,
and points the metadata and `pagefind-entry.json` at them. Nothing else
changes: the page numbers, the fragments and the word indexes stay as
Pagefind wrote them, and the browser's Pagefind reads the files by the names
the entry and the metadata give.

The files are CBOR (RFC 8949) after the `pagefind_dcd` signature. Only what
Pagefind writes is read (unsigned and negative integers, byte and text
strings, arrays and maps of definite length), and a file is rewritten only
when decoding and encoding it again gives back its exact bytes and its shape
is the one known here: for anything else (another Pagefind version) the bundle
is left as Pagefind wrote it and the reason is returned. No Pelican import.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
from pathlib import Path

SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"


class Unknown(ValueError):
    """A file that is not in the format described above."""


def _decode(data: bytes, at: int):
    if at >= len(data):
        raise Unknown("ends early")
    head = data[at]
    major, info = head >> 5, head & 31
    at += 1
    if info < 24:
        n = info
    elif info <= 27:
        size = 1 << (info - 24)
        if at + size > len(data):
            raise Unknown("ends early")
        n = int.from_bytes(data[at : at + size], "big")
        at += size
    else:
        raise Unknown(f"CBOR item {head:#x} is not read here")
    if major == 0:
        return n, at
    if major == 1:
        return -1 - n, at
    if major in (2, 3):
        if at + n > len(data):
            raise Unknown("ends early")
        raw = data[at : at + n]
        return (raw if major == 2 else raw.decode("utf-8")), at + n
    if major == 4:
        items = []
        for _ in range(n):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    if major == 5:
        pairs = {}
        for _ in range(n):
            key, at = _decode(data, at)
            pairs[key], at = _decode(data, at)
        return pairs, at
    raise Unknown(f"CBOR item {head:#x} is not read here")


def _head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, form in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        if n < 1 << (8 * struct.calcsize(form)):
            return bytes([major << 5 | info]) + struct.pack(form, n)
    raise Unknown(f"integer {n} too large")


def _encode(value) -> bytes:
    if isinstance(value, bool):
        raise Unknown("booleans are not written here")
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(_encode(item) for item in value)
    if isinstance(value, dict):
        return _head(5, len(value)) + b"".join(_encode(k) + _encode(v) for k, v in value.items())
    raise Unknown(f"{type(value).__name__} is not written here")


def read(path: Path):
    """The CBOR value of a Pagefind file; Unknown unless it encodes back to its bytes."""
    try:
        data = gzip.decompress(path.read_bytes())
    except (OSError, EOFError) as error:
        raise Unknown(f"{path.name}: not gzip ({error})") from None
    if not data.startswith(SIGNATURE):
        raise Unknown(f"{path.name}: no {SIGNATURE.decode()} signature")
    try:
        value, end = _decode(data, len(SIGNATURE))
        same = end == len(data) and _encode(value) == data[len(SIGNATURE) :]
    except (Unknown, UnicodeDecodeError) as error:
        raise Unknown(f"{path.name}: {error}") from None
    if not same:
        raise Unknown(f"{path.name}: does not encode back to its bytes")
    return value


def _packed(value) -> bytes:
    return gzip.compress(SIGNATURE + _encode(value), mtime=0)


def _name(prefix: str, value, digits: int) -> str:
    """`<language>_<hex>`: Pagefind's form of name, from a hash of the content."""
    return f"{prefix}_{hashlib.sha256(_encode(value)).hexdigest()[:digits]}"


def _is_pairs(value, second=str) -> bool:
    return isinstance(value, list) and all(
        isinstance(pair, list)
        and len(pair) == 2
        and isinstance(pair[0], str)
        and isinstance(pair[1], second)
        for pair in value
    )


def stabilise(bundle: Path) -> str | None:
    """Put the filter and sort lists of one Pagefind bundle in order and name
    their files by content (see the module docstring). None when done (or
    there is nothing to do), else why the bundle was left as it was."""
    entry_path = bundle / ENTRY
    try:
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
        languages = entry["languages"]
        hashes = {code: language["hash"] for code, language in languages.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        return f"{entry_path.name}: {error}"
    plan: list[tuple[Path, Path | None, bytes]] = []  # (old file, new file, content)
    new_hashes = {}
    try:
        for code, old_hash in hashes.items():
            prefix, _, _ = str(old_hash).rpartition("_")
            meta_path = bundle / f"pagefind.{old_hash}.pf_meta"
            meta = read(meta_path)
            if not (isinstance(meta, list) and len(meta) == 6):
                raise Unknown(f"{meta_path.name}: not Pagefind 1.x metadata")
            filters, sorts = meta[3], meta[4]
            if not _is_pairs(filters) or not _is_pairs(sorts, list):
                raise Unknown(f"{meta_path.name}: unknown filter or sort list")
            renamed = []
            for filter_name, filter_hash in sorted(filters):
                old = bundle / "filter" / f"{filter_hash}.pf_filter"
                content = read(old)
                if not (
                    isinstance(content, list)
                    and len(content) == 2
                    and content[0] == filter_name
                    and _is_pairs(content[1], list)
                ):
                    raise Unknown(f"filter/{old.name}: unknown filter index")
                content = [filter_name, sorted(content[1], key=lambda pair: pair[0])]
                new_hash = _name(prefix or code, content, 7)
                plan.append((old, old.with_name(f"{new_hash}.pf_filter"), _packed(content)))
                renamed.append([filter_name, new_hash])
            meta = [*meta[:3], renamed, sorted(sorts, key=lambda pair: pair[0]), *meta[5:]]
            new_hashes[code] = _name(prefix or code, meta, 10)
            plan.append((meta_path, bundle / f"pagefind.{new_hashes[code]}.pf_meta", _packed(meta)))
    except (OSError, Unknown) as error:
        return str(error)
    for old, new, content in plan:
        new.write_bytes(content)
        if old != new:
            old.unlink()
    for code, new_hash in new_hashes.items():
        languages[code]["hash"] = new_hash
    entry_path.write_text(
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    return None
