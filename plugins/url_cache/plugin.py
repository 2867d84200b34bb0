"""Signal wiring of url_cache (see __init__)."""

from __future__ import annotations

from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator

CONTENT_LISTS = (
    "articles",
    "translations",
    "drafts",
    "drafts_translations",
    "hidden_articles",
    "hidden_translations",
    "pages",
    "hidden_pages",
    "draft_pages",
)


def freeze_urls(generators) -> None:
    for generator in generators:
        if not isinstance(generator, (ArticlesGenerator, PagesGenerator)):
            continue
        for name in CONTENT_LISTS:
            for content in getattr(generator, name, None) or []:
                # Read both first: get_url_setting prefers an existing override.
                url, save_as = content.url, content.save_as
                content.override_url = url
                content.override_save_as = save_as


def register() -> None:
    signals.all_generators_finalized.connect(freeze_urls)
