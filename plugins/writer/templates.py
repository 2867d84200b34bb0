"""Which context variables a Jinja template can read, and a digest of its source.

A page's inputs are the values of the variables its template (with everything
it extends, includes and imports) refers to; other context entries cannot
change its output. Found with `jinja2.meta` on the parsed templates. A
template that names another template by a variable (`{% include name %}`)
has unknown inputs: `None`, and its pages always render. Also found: whether
it shows the body of an article other than the page's own (`lists_bodies`),
which decides whether the articles it lists count with their bodies, and the
template code it runs besides its own: the filters and tests it applies, the
Jinja extensions whose tags it uses (`{% assets %}`) (the writer renders a
page using an outside plugin's on every build, in Pelican's process). No
Pelican import.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, TemplateNotFound, meta, nodes

from warta.fingerprint import hash_text
from warta.paths import replace_file

# Attributes of an article or page (Pelican's Content) that give its body.
BODY_ATTRIBUTES = frozenset({"content", "_content", "get_content", "_get_content"})
# In a template's body reads: a read on anything but a variable of the context
# (a loop variable, `{% set headline = … %}`, `articles[0]`, `attr("content")`).
NOT_A_CONTEXT_VARIABLE = ""


@dataclass(frozen=True)
class TemplateInputs:
    names: frozenset[str]  # variables read from the context
    source_digest: str  # every template in the closure, by name and source
    # It shows the body of a content other than a context variable (an
    # article of a list): such contents count with their bodies, even when
    # they have a `Summary:`.
    lists_bodies: bool = False
    # The filters and tests it applies, by name: one of an outside plugin may
    # read the body of the article it is given.
    filters: frozenset[str] = frozenset()
    # The Jinja extensions (`Extension.identifier`) whose tags or methods it
    # uses: one of an outside plugin may do anything while a page renders
    # (write a bundle into the output).
    extensions: frozenset[str] = frozenset()

    @property
    def ordered(self) -> tuple[str, ...]:
        """The names in a stable order (sorted once per template, not per page)."""
        ordered = self.__dict__.get("_ordered")
        if ordered is None:
            ordered = tuple(sorted(self.names))
            object.__setattr__(self, "_ordered", ordered)
        return ordered


class TemplateAnalyser:
    def __init__(self, environment: Environment, parsed: dict | None = None) -> None:
        self.environment = environment
        self._cache: dict[str, TemplateInputs | None] = {}
        # (name, source digest) → what a parse found; shareable between
        # environments that load the same files.
        self._parsed = {} if parsed is None else parsed

    def inputs(self, name: str) -> TemplateInputs | None:
        if name not in self._cache:
            self._cache[name] = self._closure(name)
        return self._cache[name]

    def _template(self, name: str) -> tuple | None:
        """(source digest, variables, referenced templates, body reads, names
        it passes on (see `body_reads`), filters and tests, extensions used
        (`extensions_used`)) of one template; None for a name the
        loader does not have. Raises _Unreadable when its
        source cannot be had: no loader (an outside plugin's
        `Template("…")`), a loader without source access, no name."""
        loader = self.environment.loader
        if loader is None or name is None:
            raise _Unreadable(name)
        try:
            source, _, _ = loader.get_source(self.environment, name)
        except TemplateNotFound:
            return None  # `ignore missing` includes
        except Exception as exc:  # RuntimeError: a loader with no source access
            raise _Unreadable(name) from exc
        source_digest = hash_text(source)
        key = (name, source_digest)
        if key not in self._parsed:
            tree = self.environment.parse(source)
            # Jinja leaves the environment's globals out of the undeclared
            # names; a page reads them all the same (an outside plugin's
            # function listing the newest titles).
            used_globals = {
                node.name
                for node in tree.find_all(nodes.Name)
                if node.ctx == "load" and node.name in self.environment.globals
            }
            self._parsed[key] = (
                source_digest,
                frozenset(meta.find_undeclared_variables(tree)) | used_globals,
                tuple(meta.find_referenced_templates(tree)),
                *body_reads(tree),
                frozenset(node.name for node in tree.find_all((nodes.Filter, nodes.Test))),
                extensions_used(self.environment, source, name, tree),
            )
        return self._parsed[key]

    def _closure(self, name: str) -> TemplateInputs | None:
        names: set[str] = set()
        reads: set[str] = set()  # body reads (`body_reads`), and names passed on
        passed: set[str] = set()
        filters: set[str] = set()
        extensions: set[str] = set()
        sources: list[str] = []
        pending, seen = [name], set()
        while pending:
            current = pending.pop()
            if current in seen:
                continue
            seen.add(current)
            try:
                parsed = self._template(current)
            except _Unreadable:
                return None  # inputs unknown: the page renders on every build
            if parsed is None:
                sources.append(f"{current}:missing")
                continue
            source_digest, variables, referenced, body_read, passes, applied, used = parsed
            sources.append(f"{current}:{source_digest}")
            names |= variables
            reads |= body_read
            passed |= passes
            filters |= applied
            extensions |= used
            for other in referenced:
                if other is None:
                    return None
                pending.append(other)
        # A variable of the context is digested whole (an article there, the
        # page's subject, with its body); one a template of the closure binds
        # and passes on (a loop around an include) is not.
        lists_bodies = NOT_A_CONTEXT_VARIABLE in reads or bool(reads & passed)
        return TemplateInputs(
            frozenset(names),
            hash_text(*sorted(sources)),
            lists_bodies,
            frozenset(filters),
            frozenset(extensions),
        )


# Tokens after which a name is a statement's tag (`{% assets … %}`, or a line
# statement's when the environment has a prefix for them).
STATEMENT_STARTS = frozenset({"block_begin", "linestatement_begin"})


def extensions_used(
    environment: Environment, source: str, name: str | None, tree: nodes.Template
) -> frozenset[str]:
    """The identifiers of the environment's extensions a template uses: those
    whose tags open one of its statements, and those whose methods or
    attributes its parse calls (`Extension.call_method`, `Extension.attr`)."""
    used = {node.identifier for node in tree.find_all(nodes.ExtensionAttribute)}
    tags = {
        tag: extension.identifier
        for extension in environment.extensions.values()
        for tag in extension.tags
    }
    if tags:
        opened = False
        for _, kind, value in environment.lex(environment.preprocess(source, name)):
            if kind == "whitespace":
                continue
            if opened and kind == "name" and value in tags:
                used.add(tags[value])
            opened = kind in STATEMENT_STARTS
    return frozenset(used)


def body_reads(tree: nodes.Template) -> tuple[frozenset[str], frozenset[str]]:
    """Where a template reads a content's body (`.content`, `.get_content(…)`,
    `["_content"]`): (the context variables it reads one on, with
    NOT_A_CONTEXT_VARIABLE for a read on anything else; the names it binds
    where a template it includes or a block it places sees them). A name the
    template binds anywhere counts as bound everywhere in it."""
    bound = frozenset(node.name for node in tree.find_all(nodes.Name) if node.ctx != "load")
    reads = set()
    for node in tree.find_all(nodes.Getattr):
        if node.attr in BODY_ATTRIBUTES:
            target = node.node
            free = isinstance(target, nodes.Name) and target.name not in bound
            reads.add(target.name if free else NOT_A_CONTEXT_VARIABLE)
    for node in tree.find_all(nodes.Const):  # article["content"], attr("content"), map(…)
        if isinstance(node.value, str) and node.value in BODY_ATTRIBUTES:
            reads.add(NOT_A_CONTEXT_VARIABLE)
    shares = any(True for _ in tree.find_all((nodes.Include, nodes.Block))) or any(
        node.with_context for node in tree.find_all((nodes.Import, nodes.FromImport))
    )
    return frozenset(reads), bound if shares else frozenset()


class _Unreadable(Exception):
    """A template whose source the analyser cannot read."""


def load_parsed(path: str | os.PathLike, build_digest: str) -> dict:
    """What the last build's parses found, if it had the same build digest (same
    theme sources, code, settings and Jinja version: the same parse results)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("build") != build_digest:
        return {}
    parsed = {}
    for entry in data.get("templates", []):
        try:
            name, source_digest, variables, referenced, reads, passes, filters, used = entry
            parsed[(name, source_digest)] = (
                source_digest,
                frozenset(variables),
                tuple(referenced),
                frozenset(reads),
                frozenset(passes),
                frozenset(filters),
                frozenset(used),
            )
        except (TypeError, ValueError):
            return {}
    return parsed


def save_parsed(path: str | os.PathLike, build_digest: str, parsed: dict) -> None:
    entries = [
        [
            name,
            digest,
            sorted(variables),
            list(referenced),
            sorted(reads),
            sorted(passes),
            sorted(filters),
            sorted(used),
        ]
        for (name, digest), (_, variables, referenced, reads, passes, filters, used) in sorted(
            parsed.items()
        )
    ]
    replace_file(path, json.dumps({"build": build_digest, "templates": entries}).encode("utf-8"))
