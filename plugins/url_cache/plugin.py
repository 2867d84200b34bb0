"""Signal wiring of url_cache (see __init__)."""

from __future__ import annotations

import os
from datetime import datetime

from pelican import signals
from pelican.contents import Article, Content
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.urlwrappers import URLWrapper
from pelican.utils import SafeDatetime, path_to_url, posixize_path, slugify

from warta.contents import every_article, every_page
from warta.published import check_only

# Pelican's own members that make `url` and `save_as`: a content whose class
# keeps them all is formatted here once for both (`both_urls`).
_PELICAN_MEMBERS = ("url", "save_as", "get_url_setting", "url_format", "get_relative_source_path")


def pelicans_urls(cls: type) -> bool:
    """Whether `cls` makes its URLs with Pelican's `Content` members, none
    replaced (an Article's `_expand_settings`, which names a draft's settings
    DRAFT_*, is Pelican's too)."""
    return all(
        getattr(cls, name, None) is getattr(Content, name) for name in _PELICAN_MEMBERS
    ) and getattr(cls, "_expand_settings", None) in (
        Content._expand_settings,
        Article._expand_settings,
    )


def settings_class(content) -> str:
    """The prefix of the URL settings Pelican's `_expand_settings` reads for
    the content: DRAFT for an Article that is a draft, else its class's name."""
    if type(content)._expand_settings is Article._expand_settings:
        return "DRAFT" if content.status == "draft" else "ARTICLE"
    return type(content).__name__.upper()


def relative_source_path(content, root: str, root_prefix: str) -> str | None:
    """`Content.get_relative_source_path()`, with the content folder's absolute
    path taken once (`root`, and `root_prefix` = root + separator): a source
    below it is the rest of its absolute path; any other through Pelican's."""
    source_path = content.source_path
    if source_path is None:
        return None
    absolute = os.path.abspath(os.path.join(content.settings["PATH"], source_path))
    if root and absolute.startswith(root_prefix) and len(absolute) > len(root_prefix):
        return posixize_path(absolute[len(root_prefix) :])
    return content.get_relative_source_path()


class FormattedOnce:
    """A value formatted once per format spec: both URL settings write
    `{date:%Y}/{date:%m}`, and Pelican's `SafeDatetime` formats through its
    own `strftime` (a regular expression and a substitution a call). Anything
    else a setting asks of the value (`{date.year}`, `{date!s}`) is the value's."""

    __slots__ = ("_formatted", "_value")

    def __init__(self, value) -> None:
        self._value = value
        self._formatted: dict[str, str] = {}

    def __format__(self, spec: str) -> str:
        found = self._formatted.get(spec)
        if found is None:
            found = self._formatted[spec] = _numeric(self._value, spec) or format(self._value, spec)
        return found

    def __getattr__(self, name: str):
        return getattr(self._value, name)

    def __str__(self) -> str:
        return str(self._value)

    def __repr__(self) -> str:
        return repr(self._value)


# What `strftime` writes for the specs the URL settings use, as numbers: a
# four-digit year, a zero-padded month and day (no locale reads them).
_NUMERIC = {"%Y": "{0.year}", "%m": "{0.month:02d}", "%d": "{0.day:02d}"}


def _numeric(value, spec: str) -> str | None:
    """`format(value, spec)` of a date for "%Y", "%m" or "%d" without Pelican's
    `strftime` (a pattern search and a substitution a call); None for any
    other spec, value or a year strftime may write otherwise."""
    pattern = _NUMERIC.get(spec)
    if pattern is None or not isinstance(value, datetime) or not 1000 <= value.year <= 9999:
        return None
    if type(value).__format__ is not datetime.__format__ or (
        type(value).strftime not in (datetime.strftime, SafeDatetime.strftime)
    ):
        return None  # (a class that formats otherwise)
    return pattern.format(value)


def both_urls(content, roots: dict) -> tuple[str, str]:
    """(`content.url`, `content.save_as`) as Pelican makes them, with its
    `url_format` (a copy of the metadata, the relative path, slug, language,
    date, author and category slugs) made once instead of once each. (A
    content without a date, a page, through Pelican's: its `url_format`
    gives such one the time of the call.)"""
    if not hasattr(content, "date"):
        return content.url, content.save_as
    settings = content.settings
    path_setting = settings["PATH"]
    known = roots.get(path_setting)
    if known is None:
        root = os.path.abspath(path_setting)
        known = roots[path_setting] = (root, root.rstrip(os.sep) + os.sep)
    metadata = dict(content.metadata)
    relative = relative_source_path(content, *known)
    metadata.update(
        {
            "path": path_to_url(content.metadata.get("path", relative)),
            "slug": getattr(content, "slug", ""),
            "lang": getattr(content, "lang", "en"),
            "date": FormattedOnce(content.date),
            "author": content.author.slug if hasattr(content, "author") else "",
            "category": content.category.slug if hasattr(content, "category") else "",
        }
    )
    prefix = "" if content.in_default_lang else "lang_"
    klass = settings_class(content)
    url = str(settings[f"{klass}_{prefix.upper()}URL"]).format(**metadata)
    save_as = str(settings[f"{klass}_{prefix.upper()}SAVE_AS"]).format(**metadata)
    return url, save_as


def freeze_urls(generators) -> None:
    roots: dict = {}
    fast: dict[type, bool] = {}
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
            cls = type(content)
            if cls not in fast:
                fast[cls] = pelicans_urls(cls)
            if (
                fast[cls]
                and not hasattr(content, "override_url")
                and not hasattr(content, "override_save_as")
            ):
                url, save_as = both_urls(content, roots)
            else:
                # Read both first: get_url_setting prefers an existing override.
                url, save_as = content.url, content.save_as
            content.override_url = url
            content.override_save_as = save_as


def slug_taxonomies(generator) -> None:
    """article_generator_pretaxonomy: the slug of each rubrik, tag and author
    of the articles Pelican is about to group by them (its `self.tags[tag]`
    hashes each by its slug), made once per name and kind. An article read
    from the content cache holds wrappers of its own with no slug made yet:
    Pelican slugified each again (26,000 tags at 10,000 articles: 0.2 s). A
    wrapper is given the slug its kind and name made, as its `slug` would
    make it (of the same settings, `name_slug`); one whose slug was set or
    made already is left as it is, and a name that makes none is left to
    Pelican (it warns of each, where it did)."""
    made: dict[tuple, str] = {}
    settings = generator.settings
    for article in generator.articles:
        wrappers = [*(getattr(article, "tags", None) or ()), *getattr(article, "authors", ())]
        category = getattr(article, "category", None)
        if category is not None:
            wrappers.append(category)
        for wrapper in wrappers:
            if (
                not isinstance(wrapper, URLWrapper)
                or type(wrapper).slug is not URLWrapper.slug  # (a subclass's own slug)
                or wrapper._slug is not None
                or not wrapper._slug_from_name
                or wrapper.settings is not settings
            ):
                continue
            name = wrapper._name
            key = (type(wrapper), type(name), name)
            if key not in made:
                made[key] = name_slug(type(wrapper), name, settings)
            if made[key]:
                wrapper._slug = made[key]


def name_slug(cls: type, name, settings) -> str:
    """The slug Pelican's `URLWrapper.slug` makes of `name` for a wrapper of
    `cls` (its regex substitutions by class, else SLUG_REGEX_SUBSTITUTIONS),
    without its warning for none: that is said where Pelican asks it."""
    return slugify(
        name,
        regex_subs=settings.get(
            f"{cls.__name__.upper()}_REGEX_SUBSTITUTIONS",
            settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
        ),
        preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    )


def register() -> None:
    signals.article_generator_pretaxonomy.connect(slug_taxonomies)
    signals.all_generators_finalized.connect(freeze_urls)
