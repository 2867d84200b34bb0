"""warta: the Pelican-free core of the warta site.

The build runner and `invoke check`, findings, front matter, text helpers,
dates and template filters, and the domain: `warta.regions` (gazetteer,
dateline inference), `warta.tags` (tag vocabulary, officials registry,
detection) and `warta.source_checks`. Plugins live under `plugins/`: they
connect Pelican's signals to this package and write pages; the settings, the
tasks and the tests import it directly.
"""
