"""The order of PLUGINS that the build depends on, checked before every build.

Pelican calls the receivers of one signal in the order the plugins were
registered, and runs the generators plugins add in PLUGINS order. Some of our
plugins read what another one computed in the same signal, or walk the output
another one wrote; a PLUGINS list in the wrong order would build a site that
looks right and is quietly wrong (officials not matched to their office,
related lists without official tags, a sitemap without the pages). Each rule
says which plugin comes first and why; the build runner refuses a PLUGINS list
that breaks one. No Pelican import.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    first: str
    then: str
    why: str


RULES: tuple[Rule, ...] = (
    Rule("containment", "parallel_markdown", "files are checked before any plugin reads them"),
    Rule("containment", "images", "photos are checked before they are opened"),
    Rule("sanitize", "images", "raw HTML is cleaned before the photo markup is added"),
    Rule("sanitize", "read_also", "raw HTML is cleaned before the BACA JUGA links are made"),
    Rule("regions", "official_tags", "offices are matched with the regions' gazetteer"),
    Rule("official_tags", "related", "related articles are scored by shared official tags"),
    Rule("regions", "writer", "region pages are written by the writer"),
    Rule("official_tags", "writer", "tag and official pages are written by the writer"),
    Rule("json_feed", "writer", "the writer renders what the page generators collected"),
    Rule("writer", "seo", "the sitemap lists the pages the writer wrote"),
    Rule("writer", "search", "the search index is made from the written pages"),
)


def short_name(plugin: str) -> str:
    """`plugins.regions`, `pelican.plugins.regions` and `regions` are one plugin."""
    return plugin.rsplit(".", 1)[-1]


def order_problems(plugins: Iterable[str], rules: Iterable[Rule] = RULES) -> list[str]:
    """One sentence per broken rule (both plugins listed, in the wrong order)."""
    position = {}
    for index, plugin in enumerate(plugins):
        position.setdefault(short_name(str(plugin)), index)
    problems = []
    for rule in rules:
        first, then = position.get(rule.first), position.get(rule.then)
        if first is not None and then is not None and first > then:
            problems.append(
                f"PLUGINS lists '{rule.then}' before '{rule.first}': "
                f"'{rule.first}' must come first ({rule.why})"
            )
    return problems
