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
the objects do not change while pages are written).

Code is described by what it does, so that editing a function in the settings
file (a Jinja filter, a Markdown extension's option) makes the digest change:
a function of the site's own code (not the standard library's nor an
installed distribution's, whose versions the callers digest) by its code
object (bytecode, constants, names, defaults, closure values). The files of
such code met while describing are kept (`Digester.code_files`): with
`site_code` the callers digest them and the site modules they import, which
the functions may call.

`StateStamper` is the fast path for the objects most pages show, articles:
their state is serialised by `pickle` (C speed for the plain dicts, lists and
strings that make up most of it), with every object that is not a plain
value described as `Digester` would (describer, dataclass fields, `__dict__`)
and digested once per build, and with the "leaves" (other articles) written
as a key only and collected, so that the caller can add what it needs of
them. No Pelican import.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import enum
import functools
import hashlib
import importlib.util
import io
import operator
import os
import pathlib
import pickle
import re
import site
import sys
import sysconfig
import types
from collections.abc import Callable, Iterable, Mapping
from importlib import metadata as importlib_metadata
from typing import Any


class Unstable(Exception):
    """A value whose state has no stable description (the page always renders)."""


MISSING = "\x00missing"
_ADDRESS = re.compile(r" at 0x[0-9a-f]+", re.IGNORECASE)
_PRIMITIVES = (str, int, float, bool, type(None), bytes, decimal.Decimal)
MAX_DEPTH = 64
CODE_TYPES = (types.FunctionType, types.BuiltinFunctionType, type, types.ModuleType)


def hash_bytes(data: bytes) -> str:
    """The digest warta keys its caches and stamps with (BLAKE2b, 128 bits)."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def hash_text(*parts: str) -> str:
    """Digest of the parts, each followed by a unit separator (joined first: one
    update is much cheaper than two per part)."""
    text = "\x1f".join(parts) + "\x1f"
    return hash_bytes(text.encode("utf-8", "surrogatepass"))


def files_digest(paths: Iterable[str | os.PathLike]) -> list[str]:
    """One entry (path and content digest) per file under each path (a file or a
    folder, walked in sorted order, `__pycache__` left out): the code and data
    a cached result was computed with."""
    parts = []
    for root in paths:
        root = pathlib.Path(root)
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in files:
            if "__pycache__" in path.parts:
                continue
            parts.append(f"{path.as_posix()}:{hash_text(path.read_bytes().hex())}")
    return parts


def plugin_code(
    plugins: Iterable[Any], searched: Iterable[str | os.PathLike] = ()
) -> list[pathlib.Path]:
    """The files of the loaded plugins that live outside the folders already
    digested (`searched`: PLUGIN_PATHS): a plugin installed with pip
    (`pelican.plugins.x` in site-packages) is code too, and upgrading it must
    make cached results stale; a plugin named as a module of a package
    (`luar.reader`) is that whole package. A module object, or a name of a loaded module,
    is taken as loaded; another name is looked up as Pelican imports it
    (`name`, then `pelican.plugins.name`) without importing anything. A
    plugin that cannot be found gives nothing."""
    roots = [pathlib.Path(p).resolve() for p in searched]
    found: list[pathlib.Path] = []
    for plugin in plugins:
        origin = getattr(sys.modules.get(str(plugin)), "__file__", None) or getattr(
            plugin, "__file__", None
        )
        if origin is None:
            name = str(plugin)
            for candidate in (name, f"pelican.plugins.{name}"):
                try:
                    spec = importlib.util.find_spec(candidate)
                except (ImportError, ValueError):
                    spec = None
                if spec is not None and spec.origin:
                    origin = spec.origin
                    break
        if not origin or not os.path.exists(origin):
            continue
        path = pathlib.Path(origin).resolve()
        if path.name == "__init__.py":
            path = path.parent  # a package: all its files
        # A module of a package (`luar.reader`): the whole top package, whose
        # other modules are its code too, up to a namespace package's folder
        # (`pelican/plugins`, no __init__.py), which is not one plugin's.
        while (path.parent / "__init__.py").is_file():
            path = path.parent
        if not any(path.is_relative_to(root) for root in roots):
            found.append(path)
    return sorted(set(found))


def library_versions(names: Iterable[str]) -> list[str]:
    """`name=version` of each installed distribution (`name=?` when missing)."""
    versions = []
    for name in names:
        try:
            versions.append(f"{name}={importlib_metadata.version(name)}")
        except importlib_metadata.PackageNotFoundError:
            versions.append(f"{name}=?")
    return versions


@functools.cache
def _library_roots() -> tuple[str, ...]:
    """Folders of the standard library and of installed distributions."""
    paths = sysconfig.get_paths()
    roots = {paths.get(name) for name in ("stdlib", "platstdlib", "purelib", "platlib")}
    roots.update(site.getsitepackages() if hasattr(site, "getsitepackages") else ())
    roots.add(site.getusersitepackages())
    return tuple(sorted(os.path.join(os.path.realpath(root), "") for root in roots if root))


@functools.cache
def library_file(filename: str) -> bool:
    """Whether code of that file is the standard library's or an installed
    distribution's (versioned, not edited with the site)."""
    if not filename or filename.startswith("<"):
        return False  # made from a string: no file says what it does
    path = os.path.realpath(filename)
    parts = pathlib.PurePath(path).parts
    return path.startswith(_library_roots()) or "site-packages" in parts or "dist-packages" in parts


def _code_home(value: Any) -> tuple[str, Mapping] | None:
    """(file, names of its module) of a function, class or module."""
    if isinstance(value, types.FunctionType):
        return value.__code__.co_filename, value.__globals__
    if isinstance(value, types.ModuleType):
        module = value
    else:
        module = sys.modules.get(getattr(value, "__module__", None) or "")
    filename = getattr(module, "__file__", None)
    if module is None or not isinstance(filename, str):
        return None
    return filename, vars(module)


def site_code(
    found: Mapping[str, Mapping], covered: Iterable[str | os.PathLike] = ()
) -> list[pathlib.Path]:
    """The files of the site's own code in `found` (file → names of its module,
    as `Digester.code_files` keeps them) and of the site modules they import,
    transitively: a module, or a function or class taken from one, among a
    module's names. Files under `covered` (folders or files digested already)
    are left out, and what they import is not looked into."""
    roots = [pathlib.Path(path).resolve() for path in covered]
    result: set[pathlib.Path] = set()
    seen: set[str] = set()
    waiting = list(found.items())
    while waiting:
        filename, names = waiting.pop()
        if filename in seen:
            continue
        seen.add(filename)
        path = pathlib.Path(filename).resolve()
        if library_file(filename) or not path.is_file():
            continue
        if any(path.is_relative_to(root) for root in roots):
            continue
        result.add(path)
        for value in list(names.values()):
            if isinstance(value, (types.FunctionType, types.ModuleType, type)):
                home = _code_home(value)
                if home is not None and home[0] not in seen:
                    waiting.append(home)
    return sorted(result)


def _cell(cell: types.CellType) -> Any:
    try:
        return cell.cell_contents
    except ValueError:  # not filled yet
        return MISSING


class Digester:
    """Digests values, remembering those of long-lived objects for one build.

    `memo_types`: objects of these types are digested once per build (they do not
    change while pages are written); the memo keeps a reference, so an `id` is
    never reused by another object. Inside another value they are described by
    `reference` (e.g. an article in a list: its own state, but the articles it
    points to by URL only), which keeps digests of linked objects from
    recursing into each other. `skip_attributes`: instance attributes that never
    reach a template (back-references to the whole build, caches).
    `code_files`: file → names of its module, for the site's own functions,
    classes and modules met (and the classes of objects described by their
    state), for `site_code`.
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
        # id → "ref:<digest>" of each object `reference_digest` described: the
        # memo holds the object, so an id here is that object's for the
        # digester's life. Lists of thousands of articles (a tag's, a page of
        # a listing) look their items up here in C (`item_texts`).
        self._ref_texts: dict[int, str] = {}
        self._digests: dict[int, tuple[Any, str]] = {}  # id → (value, digest), per build
        self._path: set[int] = set()  # objects being described (cycle detection)
        self._cycles = 0  # back-references met so far
        self.code_files: dict[str, Mapping] = {}
        self._classes: set[type] = set()  # classes whose file is in code_files (or library)

    def digest(self, value: Any) -> str | None:
        try:
            return self.digest_strict(value)
        except (Unstable, RecursionError):
            return None

    def digest_strict(self, value: Any) -> str:
        if isinstance(value, _PRIMITIVES):
            return hash_text(self._describe(value, 0))
        remembered = self._digests.get(id(value))
        if remembered is not None and remembered[0] is value:
            return remembered[1]
        text = self._describe(value, 0)
        result = hash_text(text)
        described = self._memo.get((id(value), "full"))
        if described is not None and described[0] is value:
            # Remembered description (no cycle on the way): so is its digest, which
            # every page showing the same context value asks for again.
            self._digests[id(value)] = (value, result)
        return result

    def token(self, value: Any) -> str:
        """What stands for a value in a longer digest: a primitive spelled out
        (hashing it would cost more than it saves), anything else its digest."""
        if type(value) is str:
            return "str:" + repr(value)
        if isinstance(value, _PRIMITIVES):
            return f"{type(value).__name__}:{value!r}"
        return self.digest_strict(value)

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
        if isinstance(value, self.memo_types):  # as `_describe` writes it in a list
            self._ref_texts[id(value)] = "ref:" + result
        return result

    def item_texts(self, values: list | tuple, depth: int) -> list[str]:
        """`_describe(item, depth)` of each item: the articles among them,
        described already, by one look-up each (`_ref_texts`), the rest one
        by one."""
        if not 0 < depth <= MAX_DEPTH:  # (at 0 an article is described in full)
            return [self._describe(item, depth) for item in values]
        texts = list(map(self._ref_texts.get, map(id, values)))
        if None in texts:
            texts = [
                self._describe(item, depth) if text is None else text
                for item, text in zip(values, texts, strict=True)
            ]
        return texts

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

    def _function(self, value: types.FunctionType, depth: int) -> str:
        defaults = [value.__defaults__ or (), value.__kwdefaults__ or {}]
        closure = [_cell(cell) for cell in value.__closure__ or ()]
        return "|".join(
            (
                self._code(value.__code__, depth + 1),
                self._describe(defaults, depth + 1),
                self._describe(closure, depth + 1),
            )
        )

    def _code(self, code: types.CodeType, depth: int) -> str:
        """What a code object does: bytecode, constants (nested code among
        them), the names it uses, its arguments (not its line numbers)."""
        if depth > MAX_DEPTH:
            raise Unstable("nested too deep")
        consts = ",".join(
            self._code(item, depth + 1)
            if isinstance(item, types.CodeType)
            else self._describe(item, depth + 1)
            for item in code.co_consts
        )
        shape = (
            code.co_flags,
            code.co_argcount,
            code.co_posonlyargcount,
            code.co_kwonlyargcount,
            code.co_names,
            code.co_varnames,
            code.co_freevars,
            code.co_cellvars,
        )
        return hash_text(code.co_name, hash_bytes(code.co_code), repr(shape), consts)

    def _class(self, kind: type) -> None:
        """Keep the file of a class of the site's own code (its methods are code)."""
        if kind in self._classes:
            return
        self._classes.add(kind)
        home = _code_home(kind)
        if home is not None and not library_file(home[0]):
            self.code_files.setdefault(*home)

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
            return "[" + ",".join(self.item_texts(value, depth + 1)) + "]"
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
            name = getattr(value, "__qualname__", getattr(value, "__name__", ""))
            name = f"code:{getattr(value, '__module__', '')}.{name}"
            home = _code_home(value)
            if home is None or library_file(home[0]):
                return name  # versioned with its distribution: the name is enough
            self.code_files.setdefault(*home)
            if isinstance(value, types.FunctionType):
                # Its file is digested too (`site_code`), but not every function has one.
                return f"{name}({self._function(value, depth)})"
            return name
        if isinstance(value, types.MethodType):
            return (
                f"method:{self._describe(value.__func__, depth + 1)}"
                f"({self._describe(value.__self__, depth + 1)})"
            )
        if isinstance(value, functools.partial):
            # Its function and arguments are not in its __dict__.
            parts = (value.func, value.args, value.keywords, vars(value))
            return "partial:" + self._describe(list(parts), depth + 1)
        self._class(kind)
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


# -- the fast path: an object's state through pickle ------------------------------------

# Values pickle writes from what they are (no object state of ours to look into).
VALUE_TYPES = (
    str,
    bytes,
    int,
    float,
    complex,
    decimal.Decimal,
    dt.date,
    dt.time,
    dt.timedelta,
    dt.tzinfo,
    enum.Enum,
    pathlib.PurePath,
    re.Pattern,
    *CODE_TYPES,
    types.MethodType,
)


def _stands_for(*described: Any) -> None:
    """In a pickled description, an object described by its arguments (never called)."""


class StateStamper:
    """Digests of object states with pickle doing the walk; `Digester`'s semantics.

    Objects of `leaf_types` are not described but written as `leaf_key(value)`
    and collected (articles inside an article: the caller adds their own
    digests where they matter). Every other object that is not a plain value
    is written as `Digester` describes it (its `describers`, dataclass fields
    shown in repr, `__dict__` without `skip_attributes`, slots), in place: the
    objects inside an article are small and its own (enrichment records, tag
    references), so describing them again for the next article costs less
    than remembering them; but an object of a type with a describer (a tag,
    an author: shared by thousands of articles, and costly to describe) and
    a date (an article's, shown in the asides of others) are described once
    per stamper, which like the Digester lives for one build. How a type is
    described is worked out once per type (`_plan`); a dataclass is written
    as one string naming its class and fields, and its values. Pickle's memo
    is off: a value shared by two attributes is written twice, and the bytes
    do not depend on which objects happen to be shared (Pelican's content
    cache shares differently from a fresh read).
    Anything pickle cannot write (a lambda, a lock, a cycle) raises
    `Unstable`, and so does a set (pickle writes it in its iteration order,
    which for strings changes from one process to the next): the caller falls
    back to `Digester`, which sorts. Dicts keep their insertion order: a
    different order gives a different digest (a page rendered for nothing,
    never one kept by mistake).
    """

    def __init__(
        self,
        leaf_types: tuple[type, ...],
        leaf_key: Callable[[Any], str],
        describers: Mapping[type, Callable[[Any, Any], Any]] | None = None,
        skip_attributes: frozenset[str] = frozenset(),
    ) -> None:
        self.leaf_types = leaf_types
        self.leaf_key = leaf_key
        self.describers = dict(describers or {})
        self.skip_attributes = skip_attributes
        self._plans: dict[type, Callable[[Any], Any]] = {}
        # id → (object, what stands for it), for the objects of described types.
        self._described: dict[int, tuple[Any, Any]] = {}
        self._pickler: _StatePickler | None = None

    def stamp(self, value: Any) -> tuple[str, tuple]:
        """(digest, leaves met in order) of a value; raises Unstable."""
        # One pickler for every stamp, taken while in use (a describer may stamp).
        pickler, self._pickler = self._pickler, None
        if pickler is None:
            pickler = _StatePickler(io.BytesIO(), self)
        buffer = pickler.buffer
        buffer.seek(0)
        buffer.truncate()
        pickler.leaves = []
        try:
            pickler.dump(value)
        except Unstable:
            raise  # the pickler is dropped: what a failed dump leaves in it is pickle's
        except Exception as exc:  # pickle's errors, or a describer's
            # The slow path describes it again and reports what it finds as before.
            raise Unstable(f"cannot serialise {type(value).__qualname__}: {exc}") from None
        digest = hashlib.blake2b(buffer.getvalue(), digest_size=16).hexdigest()
        self._pickler = pickler
        return digest, tuple(pickler.leaves)

    def plan(self, kind: type) -> Callable[[Any], Any]:
        """How objects of one type are written: `_as_is` (pickle's own way, for
        plain values), `_leaf`, or a function giving the reduce value that
        stands for the object (its description)."""
        plan = self._plans.get(kind)
        if plan is None:
            plan = self._plans[kind] = self._plan(kind)
        return plan

    def _plan(self, kind: type) -> Callable[[Any], Any]:
        name = f"{kind.__module__}.{kind.__qualname__}"
        if issubclass(kind, self.leaf_types):
            return _leaf
        for base in kind.__mro__:
            describer = self.describers.get(base)
            if describer is not None:
                return self._describe_once(name, describer)
        # Dates and time zones written by pickle spell a zone by a lookup of the
        # zone class's constructor, slowly: these are their text instead.
        if issubclass(kind, dt.datetime):
            zone_text = self._zone_text
            described = self._described

            def date_plan(value):
                # Once per object: the dates of the articles an article lists are theirs.
                remembered = described.get(id(value))
                if remembered is not None and remembered[0] is value:
                    return remembered[1]
                result = (_stands_for, (name, value.isoformat(), zone_text(value.tzinfo)))
                described[id(value)] = (value, result)
                return result

            return date_plan
        if issubclass(kind, dt.tzinfo):
            return lambda value: (_stands_for, (name, self._zone_text(value)))
        if issubclass(kind, type):
            return _class  # `set` and `frozenset` among them (see _StatePickler)
        if issubclass(kind, VALUE_TYPES):
            return _as_is
        if issubclass(kind, Mapping):
            return lambda value: (_stands_for, (name, "mapping", list(value.items())))
        if issubclass(kind, (list, tuple)):
            return lambda value: (_stands_for, (name, "sequence", list(value)))
        if issubclass(kind, (set, frozenset)):
            return _refuse_set
        if dataclasses.is_dataclass(kind):
            # A field left out of repr (a back-link to a parent) is not part of its value.
            fields = tuple(f.name for f in dataclasses.fields(kind) if f.repr)
            # The class and its field names in one string, written once per object.
            shape = f"{name} fields {','.join(fields)}"
            if len(fields) < 2:  # attrgetter of one name gives the value, not a tuple
                return lambda value: (
                    _stands_for,
                    (shape, tuple(getattr(value, field) for field in fields)),
                )
            values = operator.attrgetter(*fields)
            return lambda value: (_stands_for, (shape, values(value)))
        return lambda value: (_stands_for, (name, *self._state(value)))

    def _describe_once(self, name: str, describer: Callable[[Any, Any], Any]):
        described = self._described

        def plan(value: Any) -> Any:
            remembered = described.get(id(value))
            if remembered is not None and remembered[0] is value:
                return remembered[1]
            result = (_stands_for, (name, "described", describer(value, None)))
            described[id(value)] = (value, result)  # the reference keeps the id its own
            return result

        return plan

    def _zone_text(self, zone: dt.tzinfo | None) -> str:
        """`_zone_text`, once per zone (every date of every article has one)."""
        remembered = self._described.get(id(zone))
        if remembered is not None and remembered[0] is zone:
            return remembered[1]
        text = _zone_text(zone)
        self._described[id(zone)] = (zone, text)
        return text

    def _state(self, value: Any) -> tuple:
        state = getattr(value, "__dict__", None)
        if isinstance(state, dict):
            return ("state", [(k, v) for k, v in state.items() if k not in self.skip_attributes])
        slots = getattr(type(value), "__slots__", None)
        if slots:
            names = [slots] if isinstance(slots, str) else list(slots)
            return ("slots", [(n, getattr(value, n, MISSING)) for n in names])
        text = repr(value)
        if _ADDRESS.search(text):
            raise Unstable(f"no stable description for {type(value).__qualname__}")
        return ("repr", text)


def _refuse_set(_value: Any) -> Any:
    raise Unstable("a set: its order changes between processes")


def _as_is(_value: Any) -> Any:
    return NotImplemented


def _class(value: type) -> Any:
    if value is set or value is frozenset:
        _refuse_set(value)
    return NotImplemented


def _leaf(_value: Any) -> Any:
    raise AssertionError("leaves are written by _StatePickler.reducer_override")


def _zone_text(zone: dt.tzinfo | None) -> str:
    if zone is None:
        return ""
    text = f"{type(zone).__qualname__}:{zone!r}"
    if _ADDRESS.search(text):
        raise Unstable(f"no stable description for {type(zone).__qualname__}")
    return text


class _StatePickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, stamper: StateStamper) -> None:
        # Protocol 3 writes a set as a call of the `set` class, which passes
        # through `reducer_override` (protocols 4 and 5 write sets with opcodes
        # of their own, out of its sight: finding them cost a walk of the bytes).
        super().__init__(file, protocol=3)
        self.fast = True  # no memo (see StateStamper)
        self.buffer = file
        self.stamper = stamper
        self.plans = stamper._plans
        self.leaves: list = []

    def reducer_override(self, obj: Any) -> Any:
        # Called for every object but str, int, float, bool, None, bytes, dict,
        # list and tuple: `_stands_for` itself once per object described, so
        # the common answer, pickle's own way, costs one lookup.
        plan = self.plans.get(type(obj))
        if plan is None:
            plan = self.stamper.plan(type(obj))
        if plan is _as_is:
            return NotImplemented
        if plan is _leaf:
            self.leaves.append(obj)
            return _stands_for, ("leaf", self.stamper.leaf_key(obj))
        return plan(obj)
