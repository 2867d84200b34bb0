"""warta: shared, Pelican-free helpers for the warta site (dates, diagnostics, build runner).

Plugins live under `plugins/`; this package holds what the settings, the
plugins and the tasks all need without depending on each other.
"""
