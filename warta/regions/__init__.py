"""Kemendagri regions (no Pelican import): the gazetteer with staff aliases
(`gazetteer`: load, resolve, closest names, lineage) and an article's regions
inferred from its dateline or the office in its lead (`dateline`).

The regions plugin (plugins/regions/) adapts them to Pelican and writes the
/wilayah/ pages; `invoke gazetteer`, `invoke new`, the CMS configuration and
the official_tags plugin use them too.
"""
