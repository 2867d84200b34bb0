"""The order of PLUGINS that the build depends on, checked before every build.

Pelican calls the receivers of one signal in the order the plugins were
registered, and runs the generators plugins add in PLUGINS order. Some of our
plugins read what another one computed in the same signal, or walk the output
another one wrote; a PLUGINS list in the wrong order would build a site that
looks right and is quietly wrong (officials not matched to their office,
related lists without official tags, a sitemap without the pages). Each rule
says which plugin comes first and why; the build runner refuses a PLUGINS list
that breaks one. The order of the per-article enrichment stages is not a
PLUGINS matter: each stage declares what it runs after (`warta.pipeline`).
Some plugins do their work through another one (`REQUIREMENTS`): listing one
without the other is refused too. No Pelican import.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import sys
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# warta's own plugins: the packages the project ships in its plugins/ folder.
# A package put there by hand (a third party's, copied in) is not one of them:
# the article cache treats its handlers as an outside plugin's.
SHIPPED: tuple[str, ...] = (
    "article_cache",
    "cms",
    "comments",
    "containment",
    "content_lint",
    "corrections",
    "enrichment",
    "images",
    "json_feed",
    "link_check",
    "official_tags",
    "parallel_markdown",
    "progress",
    "read_also",
    "regions",
    "related",
    "release_defaults",
    "sanitize",
    "search",
    "seo",
    "taxonomy_index",
    "url_cache",
    "writer",
)


# Where warta's own code lives: the plugins the project ships (SHIPPED, each
# in its folder of the project's plugins/) and the warta package. Any other
# module is an outside plugin's, also one copied into plugins/.
WARTA_FOLDER = Path(__file__).resolve().parent
PLUGINS_FOLDER = WARTA_FOLDER.parent / "plugins"


@functools.cache
def own_module(name: str) -> bool:
    """Whether the module of that name is warta's: of the warta package, or of
    a plugin the project ships (`SHIPPED`), its file in that plugin's folder
    under the project's plugins/ and its name of that package (`writer.cache`,
    `plugins.writer.cache`). Any other plugin is an outside one, wherever it is."""
    origin = getattr(sys.modules.get(name), "__file__", None)
    if not origin:
        return False
    path = Path(origin).resolve()
    if path.is_relative_to(WARTA_FOLDER):
        return True
    if not path.is_relative_to(PLUGINS_FOLDER):
        return False
    parts = path.relative_to(PLUGINS_FOLDER).parts
    plugin = parts[0] if len(parts) > 1 else None  # a module in a package of its own
    return plugin in SHIPPED and plugin in name.split(".")


def extension_module(extension) -> str:
    """The module of one entry of MARKDOWN's extensions: an Extension
    instance's class, a dotted name (`markdown.extensions.extra`,
    `package.module:Class`), or a short name Python-Markdown looks up among
    its entry points (`extra`, `toc`, or a package's own)."""
    if not isinstance(extension, str):
        return type(extension).__module__
    name = extension.split(":", 1)[0]
    if "." not in name:
        from importlib.metadata import entry_points

        for point in entry_points(group="markdown.extensions", name=name):
            return point.value.split(":", 1)[0]
    return name


def outside_extensions(markdown_settings) -> list[str]:
    """The Markdown extensions that are neither Python-Markdown's own nor
    warta's (`warta.plugin_order.own_module`): an outside plugin's (added to
    MARKDOWN at `initialized`, as pelican-liquid-tags does, or in
    pelicanconf.py). Such an extension may count on Pelican's way of reading,
    one `Markdown` instance per file in Pelican's process: a counter set when
    the instance is built, or what it finds kept in its module for a page at
    `finalized`. A worker reuses its instances from file to file and keeps
    what it found to itself."""
    named = [
        *(markdown_settings.get("extensions") or ()),
        *(markdown_settings.get("extension_configs") or {}),
    ]
    found = []
    for extension in named:
        module = extension_module(extension)
        if module == "markdown.extensions" or module.startswith("markdown.extensions."):
            continue
        # Imported as Markdown imports it (own_module looks at the loaded
        # module); one that fails to import is reported by the normal read.
        with contextlib.suppress(Exception):
            importlib.import_module(module)
        if not own_module(module) and module not in found:
            found.append(module)
    return found


def own_receiver(receiver) -> bool:
    """Whether a signal's receiver is warta's own code (`own_module`)."""
    name = getattr(receiver, "__module__", None) or type(receiver).__module__
    return isinstance(name, str) and own_module(name)


def first_outside(receivers: list) -> int | None:
    """Index of the first receiver that is not warta's own."""
    return next((i for i, r in enumerate(receivers) if not own_receiver(r)), None)


# Pelican's signals sent while sources are read: an outside receiver of one
# may shape a content as read (a reader of its own, pelican-jinja2content's
# rendering of a release with the theme).
READING_SIGNALS = (
    "readers_init",
    "article_generator_init",
    "page_generator_init",
    "article_generator_preread",
    "page_generator_preread",
    "article_generator_context",
    "page_generator_context",
    "content_object_init",
)


def live_receivers(signal) -> list:
    """The receivers connected to a blinker `signal` (held strongly or by weak
    reference), in connection order; [] for anything that is no signal."""
    held = getattr(signal, "receivers", None)
    if not isinstance(held, dict):
        return []
    receivers = (ref() if isinstance(ref, weakref.ref) else ref for ref in list(held.values()))
    return [receiver for receiver in receivers if receiver is not None]


def outside_receiver_connected(signal) -> bool:
    """Whether a receiver of an outside plugin (not `own_receiver`) is connected to `signal`."""
    return any(not own_receiver(receiver) for receiver in live_receivers(signal))


def outside_plugin_connected(signals, names: Iterable[str] | None = None) -> bool:
    """Whether a receiver of an outside plugin (not `own_receiver`) is
    connected to any of the signals of that module (Pelican's `signals`),
    or to those of them `names` names."""
    chosen = vars(signals) if names is None else {n: getattr(signals, n, None) for n in names}
    return any(outside_receiver_connected(signal) for signal in chosen.values())


@dataclass(frozen=True)
class Rule:
    first: str
    then: str
    why: str


RULES: tuple[Rule, ...] = (
    Rule(
        "release_defaults",
        "containment",
        "the output path checked is the one written, made from the supplied Slug",
    ),
    Rule("containment", "parallel_markdown", "files are checked before any plugin reads them"),
    Rule("containment", "images", "photos are checked before they are opened"),
    Rule("sanitize", "images", "raw HTML is cleaned before the photo markup is added"),
    Rule("sanitize", "read_also", "raw HTML is cleaned before the BACA JUGA links are made"),
    Rule("regions", "writer", "region pages are written by the writer"),
    Rule("official_tags", "writer", "tag and official pages are written by the writer"),
    Rule("json_feed", "writer", "the writer renders what the page generators collected"),
    Rule("writer", "seo", "the sitemap lists the pages the writer wrote"),
    Rule("writer", "search", "the search index is made from the written pages"),
)


def short_name(plugin: str) -> str:
    """`plugins.regions`, `pelican.plugins.regions` and `regions` are one plugin."""
    return plugin.rsplit(".", 1)[-1]


def active_plugins(settings) -> set[str]:
    """Short names of the plugins in PLUGINS (names or module objects)."""
    return {
        short_name(getattr(plugin, "__name__", str(plugin)))
        for plugin in settings.get("PLUGINS") or ()
    }


@dataclass(frozen=True)
class Requirement:
    plugin: str
    needs: str
    why: str


# Plugins that do their work through another one.
REQUIREMENTS: tuple[Requirement, ...] = (
    Requirement("regions", "enrichment", "the regions stage runs in the enrichment pipeline"),
    Requirement(
        "official_tags", "enrichment", "the official tags stage runs in the enrichment pipeline"
    ),
)


def suggestion_for(problem: str) -> str:
    """What to do about one of `order_problems`' sentences."""
    if " without '" in problem:
        needed = problem.split(" without '", 1)[1].split("'", 1)[0]
        return f"add '{needed}' to PLUGINS"
    return "reorder PLUGINS"


def order_problems(
    plugins: Iterable[str],
    rules: Iterable[Rule] = RULES,
    requirements: Iterable[Requirement] = REQUIREMENTS,
) -> list[str]:
    """One sentence per broken rule (both plugins listed, in the wrong order) and
    per plugin listed without the one it needs."""
    position = {}
    for index, plugin in enumerate(plugins):
        position.setdefault(short_name(str(plugin)), index)
    problems = [
        f"PLUGINS lists '{need.plugin}' without '{need.needs}' ({need.why})"
        for need in requirements
        if need.plugin in position and need.needs not in position
    ]
    for rule in rules:
        first, then = position.get(rule.first), position.get(rule.then)
        if first is not None and then is not None and first > then:
            problems.append(
                f"PLUGINS lists '{rule.then}' before '{rule.first}': "
                f"'{rule.first}' must come first ({rule.why})"
            )
    return problems
