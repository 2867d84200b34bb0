"""Which context variables a Jinja template can read, and a digest of its source.

A page's inputs are the values of the variables its template (with everything
it extends, includes and imports) refers to; other context entries cannot
change its output. Found with `jinja2.meta` on the parsed templates. A
template that names another template by a variable (`{% include name %}`)
has unknown inputs: `None`, and its pages always render. No Pelican import.
"""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment, TemplateNotFound, meta

from .fingerprint import hash_text


@dataclass(frozen=True)
class TemplateInputs:
    names: frozenset[str]  # variables read from the context
    source_digest: str  # every template in the closure, by name and source


class TemplateAnalyser:
    def __init__(self, environment: Environment) -> None:
        self.environment = environment
        self._cache: dict[str, TemplateInputs | None] = {}

    def inputs(self, name: str) -> TemplateInputs | None:
        if name not in self._cache:
            self._cache[name] = self._closure(name)
        return self._cache[name]

    def _closure(self, name: str) -> TemplateInputs | None:
        names: set[str] = set()
        sources: list[str] = []
        pending, seen = [name], set()
        while pending:
            current = pending.pop()
            if current in seen:
                continue
            seen.add(current)
            try:
                source, _, _ = self.environment.loader.get_source(self.environment, current)
            except TemplateNotFound:
                sources.append(f"{current}:missing")  # `ignore missing` includes
                continue
            sources.append(f"{current}:{hash_text(source)}")
            tree = self.environment.parse(source)
            names |= meta.find_undeclared_variables(tree)
            for referenced in meta.find_referenced_templates(tree):
                if referenced is None:
                    return None
                pending.append(referenced)
        return TemplateInputs(frozenset(names), hash_text(*sorted(sources)))
