"""Compiled templates kept between builds (Jinja's bytecode cache), keyed wide.

Pelican makes one Jinja environment per generator and each compiles the
templates it renders, on every build: about 0.2 s of a warm build goes into
compiling the same theme again. Jinja's own `FileSystemBytecodeCache` keeps
the compiled code by template name and file, and checks it against a digest of
the template's source; what else shapes the compiled code is not in its key.
Jinja decides at compile time how a filter or test is called (`pass_context`
and kin), whether it exists, and folds a filter given only constants into its
result (`{{ "x" | upper }}` becomes "X"); the lexer's and the compiler's options
(`trim_blocks`, the delimiters, `autoescape` for that name, `finalize`,
async) and any extension change the code too.

So each template's entry is keyed, besides its name and file, by `site_key` (a
digest of the settings, the plugins', warta's and the site's code and the
libraries' versions: the article cache's `cache_key`), Jinja's and
MarkupSafe's versions, the environment's options, whether `autoescape` holds
for that name, and each filter's and test's name, module, qualified name and
how it is called. The cache is used only for an environment whose filters,
tests and `finalize` all come from code `site_key` covers (Jinja, MarkupSafe,
Pelican but its namespace plugins, warta, the plugin folders) and that has no
extension: a filter of another package (whose code could change with no
version in the key) makes that environment compile as before.

A cache file that cannot be read or written is passed over (the template is
compiled, as without the cache); nothing here stops a build. No Pelican import.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.metadata
import os
import sys
import types
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from jinja2.bccache import Bucket
from jinja2.compiler import CodeGenerator
from jinja2.utils import _PassArg

# Modules whose code `site_key` covers by version (Python, the libraries) or
# by digest (warta).
COVERED_MODULES = ("jinja2", "markupsafe", "warta", "builtins", "operator", "_operator")
# Options of the environment that the lexer, the parser or the compiler read.
COMPILE_OPTIONS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "is_async",
)


@functools.cache
def _versions() -> str:
    found = []
    for name in ("jinja2", "markupsafe"):
        try:
            found.append(f"{name}={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{name}=?")
    return " ".join(found) + f" python={sys.version}"


def _module_of(value) -> str | None:
    while isinstance(value, functools.partial):
        value = value.func
    module = getattr(value, "__module__", None)
    if not isinstance(module, str):
        module = getattr(type(value), "__module__", None)
    return module if isinstance(module, str) else None


def covered(value, plugin_folders: tuple[str, ...]) -> bool:
    """Whether the code of a filter, test or `finalize` is in the key: a
    module of Jinja, MarkupSafe, warta or Pelican (not a namespace plugin of
    it), or one loaded from a plugin folder."""
    module = _module_of(value)
    if module is None:
        return False
    top = module.split(".", 1)[0]
    if top in COVERED_MODULES:
        return True
    if top == "pelican":  # Pelican's own, not a namespace plugin of it
        parts = module.split(".")
        return parts[1:2] != ["plugins"] or parts[2][:1] == "_" or parts[2] == "signals"
    loaded = sys.modules.get(module)
    origin = getattr(loaded, "__file__", None)
    if not isinstance(origin, str):
        return False
    origin = os.path.realpath(origin)
    return any(origin.startswith(folder + os.sep) for folder in plugin_folders)


def _plain(value) -> bool:
    if isinstance(value, str | int | float | bool | type(None)):
        return True
    if isinstance(value, list | tuple | frozenset | set):
        return all(_plain(item) for item in value)
    if isinstance(value, dict):
        return all(_plain(k) and _plain(v) for k, v in value.items())
    return False


def _called(value) -> str | None:
    """How Jinja's compiler calls it (`pass_context`, ...), what it is and
    the arguments bound to it (None when they are not plain data)."""
    bound = []
    while isinstance(value, functools.partial):
        if not (_plain(value.args) and _plain(value.keywords)):
            return None
        bound.append(repr((value.args, sorted(value.keywords.items()))))
        value = value.func
    passed = _PassArg.from_obj(value)
    kind = value if isinstance(value, type) else type(value)
    name = getattr(value, "__qualname__", None) or kind.__qualname__
    return f"{_module_of(value)}.{name}:{passed.name if passed else ''}:{bound}"


def environment_key(environment: Environment, plugin_folders: tuple[str, ...]) -> str | None:
    """What shapes the code compiled by `environment` besides a template's
    source, name and file (and `autoescape`, asked per name); None when it
    holds code the key cannot cover (see the module's docstring)."""
    if (
        type(environment) is not Environment
        or environment.code_generator_class is not CodeGenerator
        or environment.extensions
        or getattr(environment, "sandboxed", False)
    ):
        return None
    parts = [repr(getattr(environment, option, None)) for option in COMPILE_OPTIONS]
    finalize = environment.finalize
    if finalize is not None:
        called = _called(finalize)
        if called is None or not covered(finalize, plugin_folders):
            return None
        parts.append("finalize " + called)
    for kind, mapping in (("filter", environment.filters), ("test", environment.tests)):
        for name in sorted(mapping):
            value = mapping[name]
            called = _called(value)
            if called is None or not covered(value, plugin_folders):
                return None
            parts.append(f"{kind} {name} {called}")
    return "\x1f".join(parts)


class TemplateCache(FileSystemBytecodeCache):
    """Jinja's bytecode cache in `folder`, keyed as the module says; a file
    that cannot be read or written is passed over."""

    def __init__(self, folder: str | os.PathLike, site_key: str, plugin_folders=()) -> None:
        super().__init__(str(folder))
        self.site_key = site_key
        self.plugin_folders = tuple(os.path.realpath(str(f)) for f in plugin_folders)

    def get_bucket(self, environment, name, filename, source) -> Bucket:
        described = environment_key(environment, self.plugin_folders)
        checksum = self.get_source_checksum(source)
        if described is None:
            return _Unkept(environment, "", checksum)
        autoescape = environment.autoescape
        if callable(autoescape):
            autoescape = autoescape(name)
        digest = hashlib.blake2b(digest_size=20)
        for part in (self.site_key, _versions(), described, repr(bool(autoescape)), name):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\x1f")
        digest.update(f"{filename}".encode("utf-8", "surrogatepass"))
        bucket = Bucket(environment, digest.hexdigest(), checksum)
        try:
            self.load_bytecode(bucket)
        except Exception:  # a file cut off or not Jinja's: compiled afresh
            bucket.reset()
        if bucket.code is not None and not isinstance(bucket.code, types.CodeType):
            bucket.reset()  # (damaged after its checksum: marshal read another object)
        return bucket

    def set_bucket(self, bucket: Bucket) -> None:
        if isinstance(bucket, _Unkept):
            return
        # (the folder cannot be written: compiled again next build)
        with contextlib.suppress(OSError):
            self.dump_bytecode(bucket)


class _Unkept(Bucket):
    """The bucket of a template compiled as without the cache."""


def folder_usable(folder: Path) -> bool:
    """Whether the cache's folder is there or can be made (not a file in the way)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)
