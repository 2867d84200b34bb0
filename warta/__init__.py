"""warta: the Pelican-free core of the warta site.

The build runner and `invoke check`, findings, front matter, text helpers,
dates and template filters, and the domain: `warta.regions` (gazetteer,
dateline inference), `warta.tags` (tag vocabulary, officials registry,
detection) and `warta.source_checks`. Plugins live under `plugins/`: they
connect Pelican's signals to this package and write pages; the settings, the
tasks and the tests import it directly.
"""

from pathlib import Path

# Subpackages that shape no page and no article: the benchmark.
NOT_IN_SITE = ("bench",)


def site_modules() -> list[Path]:
    """warta's modules that the site depends on (all but `NOT_IN_SITE`), sorted:
    the writer's build digest and the enrichment pipeline's digest cover them."""
    root = Path(__file__).parent
    return sorted(
        path
        for path in root.rglob("*.py")
        if path.relative_to(root).parts[0] not in NOT_IN_SITE
        and "__pycache__" not in path.relative_to(root).parts
    )


def __getattr__(name: str):
    """`warta.OwnPluginsPelican`, imported only when asked for: Pelican reads
    PELICAN_CLASS = "warta.build.OwnPluginsPelican" with `__import__`, which
    returns this package, and then looks the class up here."""
    if name == "OwnPluginsPelican":
        from warta.build import OwnPluginsPelican

        return OwnPluginsPelican
    raise AttributeError(f"module 'warta' has no attribute {name!r}")
