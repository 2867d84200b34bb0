"""Official tags and officials (no Pelican import).

- `datafile`: staff-edited YAML whose values remember their line;
- `vocabulary`: the curated tag vocabulary (data/official_tags.yaml);
- `officials`: the officials registry (data/officials.yaml) and officials
  named in a text but not registered;
- `detection`: phrase matching of tags and names in an article's text;
- `offices`: the office a release names beside an official, judged against
  the registry on the article's date;
- `scan`: what one article's text yields, and its cache across builds.

The official_tags plugin (plugins/official_tags/) adapts them to Pelican and
writes the /tag/ and /pejabat/ pages; `invoke new`, the CMS configuration and
the benchmark use them too.
"""
