"""Signal wiring of url_cache (see __init__)."""

from __future__ import annotations

from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator

from warta.contents import every_article, every_page
from warta.published import check_only


def freeze_urls(generators) -> None:
    for generator in generators:
        if check_only(getattr(generator, "settings", {})):
            return  # `invoke check` writes no page: nothing to speed up
        if isinstance(generator, ArticlesGenerator):
            contents = every_article(generator)
        elif isinstance(generator, PagesGenerator):
            contents = every_page(generator)
        else:
            continue
        for content in contents:
            # Read both first: get_url_setting prefers an existing override.
            url, save_as = content.url, content.save_as
            content.override_url = url
            content.override_save_as = save_as


def register() -> None:
    signals.all_generators_finalized.connect(freeze_urls)
