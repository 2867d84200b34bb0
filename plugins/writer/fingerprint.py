"""Stable digests of the values a template renders.

A page is re-rendered only when the digest of its inputs changed since the
last build, so a digest must change whenever the rendered output could, and
must be the same in every process for the same inputs (no `id()`, no memory
addresses, no set order).

`Digester.digest(value)` walks plain values (str, numbers, dates, lists,
dicts, sets, dataclasses) and objects (their `__dict__`). Objects whose state
cannot be described stably make the digest `None`: "unknown, always render".
Callers teach it about special objects with `describers` (type → function
returning a plain description). A dataclass field declared with `repr=False`
is left out: the convention for a back-link (a region's parent), which is
not part of the value and would make every node describe the whole tree.
Each object is described once per build (the digester lives for one build;
the objects do not change while pages are written). No Pelican import.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import enum
import hashlib
import pathlib
import re
import types
from collections.abc import Callable, Mapping
from typing import Any


class Unstable(Exception):
    """A value whose state has no stable description (the page always renders)."""


MISSING = "\x00missing"
_ADDRESS = re.compile(r" at 0x[0-9a-f]+", re.IGNORECASE)
_PRIMITIVES = (str, int, float, bool, type(None), bytes, decimal.Decimal)
MAX_DEPTH = 64
CODE_TYPES = (types.FunctionType, types.BuiltinFunctionType, type, types.ModuleType)


def hash_text(*parts: str) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return digest.hexdigest()


class Digester:
    """Digests values, remembering those of long-lived objects for one build.

    `memo_types`: objects of these types are digested once per build (they do not
    change while pages are written); the memo keeps a reference, so an `id` is
    never reused by another object. Inside another value they are described by
    `reference` (e.g. an article in a list: its own state, but the articles it
    points to by URL only), which keeps digests of linked objects from
    recursing into each other. `skip_attributes`: instance attributes that never
    reach a template (back-references to the whole build, caches).
    """

    def __init__(
        self,
        describers: Mapping[type, Callable[[Any, Digester], Any]] | None = None,
        skip_attributes: frozenset[str] = frozenset(),
        memo_types: tuple[type, ...] = (),
        reference: Callable[[Any, Digester], Any] | None = None,
    ) -> None:
        self.describers = dict(describers or {})
        self.skip_attributes = skip_attributes
        self.memo_types = memo_types
        self.reference = reference
        self._memo: dict[tuple[int, str], tuple[Any, str]] = {}
        self._path: set[int] = set()  # objects being described (cycle detection)
        self._cycles = 0  # back-references met so far

    def digest(self, value: Any) -> str | None:
        try:
            return self.digest_strict(value)
        except (Unstable, RecursionError):
            return None

    def digest_strict(self, value: Any) -> str:
        return hash_text(self._describe(value, 0))

    def reference_digest(self, value: Any) -> str:
        """The digest of an object as it appears inside another value."""
        if self.reference is None:
            return self.digest_strict(value)
        key = (id(value), "ref")
        remembered = self._memo.get(key)
        if remembered is not None and remembered[0] is value:
            return remembered[1]
        described = self.reference(value, self)
        if type(described) is dict:
            result = hash_text(self._state(value, described, 1))
        else:
            result = hash_text(self._describe(described, 1))
        self._memo[key] = (value, result)
        return result

    def _describe(self, value: Any, depth: int) -> str:
        """Primitives spelled out; anything else as its type and the hash of its
        description, remembered for the build unless it met a cycle."""
        if depth > MAX_DEPTH:
            raise Unstable("nested too deep")
        if type(value) is str:  # the common case first
            return "str:" + repr(value)
        if isinstance(value, _PRIMITIVES):
            return f"{type(value).__name__}:{value!r}"
        if depth and isinstance(value, self.memo_types):
            return "ref:" + self.reference_digest(value)
        key = (id(value), "full")
        remembered = self._memo.get(key)
        if remembered is not None and remembered[0] is value:
            return remembered[1]
        if id(value) in self._path:
            # Back to an object on the way here: it is being described already.
            self._cycles += 1
            return f"cycle:{type(value).__qualname__}"
        cycles = self._cycles
        self._path.add(id(value))
        try:
            text = f"{type(value).__qualname__}#{hash_text(self._describe_object(value, depth))}"
        finally:
            self._path.discard(id(value))
        if self._cycles == cycles:
            # Its description does not depend on where it was reached from.
            self._memo[key] = (value, text)
        return text

    def _mapping(self, value: Mapping, depth: int) -> str:
        items = sorted(
            (self._describe(key, depth + 1), self._describe(item, depth + 1))
            for key, item in value.items()
        )
        return "{" + ",".join(f"{k}={v}" for k, v in items) + "}"

    def _state(self, value: Any, state: dict, depth: int) -> str:
        # A state dict made here for one object: described in place, neither
        # remembered nor tracked (nothing else can reach it).
        return f"{type(value).__qualname__}{self._mapping(state, depth + 1)}"

    def _describe_object(self, value: Any, depth: int) -> str:
        kind = type(value)
        if kind is dict:
            return self._mapping(value, depth)
        if kind is list or kind is tuple:
            return "[" + ",".join(self._describe(item, depth + 1) for item in value) + "]"
        for base in kind.__mro__:
            describer = self.describers.get(base)
            if describer is not None:
                described = describer(value, self)
                if type(described) is dict:
                    return self._state(value, described, depth)
                return f"{kind.__name__}({self._describe(described, depth + 1)})"
        if isinstance(value, (dt.datetime, dt.date, dt.time)):
            return f"{type(value).__name__}:{value.isoformat()}:{getattr(value, 'tzinfo', None)}"
        if isinstance(value, dt.timedelta):
            return f"timedelta:{value.total_seconds()}"
        if isinstance(value, enum.Enum):
            return f"{type(value).__qualname__}.{value.name}"
        if isinstance(value, pathlib.PurePath):
            return f"path:{value.as_posix()}"
        if isinstance(value, re.Pattern):
            return f"re:{value.pattern!r}:{value.flags}"
        if isinstance(value, Mapping):
            return self._mapping(value, depth)
        if isinstance(value, (list, tuple)):
            return "[" + ",".join(self._describe(item, depth + 1) for item in value) + "]"
        if isinstance(value, (set, frozenset)):
            return "{" + ",".join(sorted(self._describe(item, depth + 1) for item in value)) + "}"
        if isinstance(value, CODE_TYPES):
            # Code is part of the build digest; a name is enough here.
            name = getattr(value, "__qualname__", getattr(value, "__name__", ""))
            return f"code:{getattr(value, '__module__', '')}.{name}"
        if isinstance(value, types.MethodType):
            return (
                f"method:{value.__func__.__qualname__}({self._describe(value.__self__, depth + 1)})"
            )
        if dataclasses.is_dataclass(value):
            # A field left out of repr (a back-link to a parent) is not part of its value.
            fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value) if f.repr}
            return self._state(value, fields, depth)
        state = getattr(value, "__dict__", None)
        if isinstance(state, dict):
            kept = {k: v for k, v in state.items() if k not in self.skip_attributes}
            return self._state(value, kept, depth)
        slots = getattr(type(value), "__slots__", None)
        if slots:
            names = [slots] if isinstance(slots, str) else list(slots)
            return self._state(value, {n: getattr(value, n, MISSING) for n in names}, depth)
        text = repr(value)
        if _ADDRESS.search(text):
            raise Unstable(f"no stable description for {type(value).__qualname__}")
        return f"repr:{type(value).__qualname__}:{text}"
