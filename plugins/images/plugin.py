"""images: responsive photos, social cards and metadata-free image files.

What it adds to the site:
- the featured image (`Image:`, `Image-Alt:`) and every `<img>` in an article
  or page body become a `<picture>`: WebP plus a JPEG/PNG fallback at a few
  widths (never enlarged), `srcset`/`sizes`, `width`/`height`; the featured
  image loads eagerly with high priority (`article.image_html`), body images
  lazily. `article.metadata["warta"]["image"]` describes the featured image.
- a 1200×630 social card per article at `{article URL}og.jpg`
  (`article.og_image`, used by the OpenGraph/Twitter tags).
- every image file in the output, including the originals Pelican copies from
  content/images/, is stripped of EXIF (GPS), XMP, IPTC, ICC and comments.
- errors naming the article and the image: no alt text, missing file, source
  over IMAGES_MAX_SOURCE_BYTES / IMAGES_MAX_SOURCE_PIXELS, unreadable file.

Encoded files are cached in CACHE_PATH/images/ (see pipeline.py): a second
build with the same inputs encodes nothing. Settings (defaults in DEFAULTS):
IMAGES_ENABLED, IMAGES_WIDTHS, IMAGES_SIZES, IMAGES_WEBP_QUALITY,
IMAGES_JPEG_QUALITY, IMAGES_MAX_SOURCE_BYTES, IMAGES_MAX_SOURCE_PIXELS,
IMAGES_VARIANTS_DIR, IMAGES_SOCIAL_CARDS, IMAGES_SOCIAL_CARD_SAVE_AS,
IMAGES_CACHE_DIR.
"""

from __future__ import annotations

import html
import logging
import os
import re
from pathlib import Path

from markupsafe import Markup
from pelican import signals
from pelican.generators import ArticlesGenerator

from warta import dates

from .cards import CardText, draw_card, office_name
from .markup import content_path, line_of, picture, rewrite_images
from .pipeline import ImageCache, ImageProblem, VariantSettings
from .strip import IMAGE_SUFFIXES, StripError

logger = logging.getLogger(__name__)

DEFAULTS = {
    "IMAGES_ENABLED": True,
    "IMAGES_WIDTHS": [480, 800, 1200],
    # The article column is 42rem wide; on phones the image spans the screen
    # minus the page padding.
    "IMAGES_SIZES": "(min-width: 46rem) 42rem, calc(100vw - 2rem)",
    "IMAGES_WEBP_QUALITY": 80,
    "IMAGES_JPEG_QUALITY": 82,
    "IMAGES_MAX_SOURCE_BYTES": 10_000_000,
    "IMAGES_MAX_SOURCE_PIXELS": 40_000_000,
    "IMAGES_VARIANTS_DIR": "images/varian",
    "IMAGES_SOCIAL_CARDS": True,
    "IMAGES_SOCIAL_CARD_SAVE_AS": "{url}og.jpg",
    "IMAGES_CACHE_DIR": "images",
}

ARTICLE_LISTS = (
    "articles",
    "translations",
    "drafts",
    "drafts_translations",
    "hidden_articles",
    "hidden_translations",
)
PAGE_LISTS = (
    "pages",
    "translations",
    "hidden_pages",
    "hidden_translations",
    "draft_pages",
    "draft_translations",
)
IMAGE_METADATA_LINE = re.compile(r"^\s*image\s*:", re.I)


def setting(settings, name: str):
    return settings.get(name, DEFAULTS[name])


class Build:
    """State of one build: the cache and the files to copy into the output."""

    def __init__(self, settings) -> None:
        self.settings = settings
        self.cache = ImageCache(
            Path(settings["CACHE_PATH"]) / setting(settings, "IMAGES_CACHE_DIR")
        )
        self.variant_settings = VariantSettings(
            widths=tuple(int(w) for w in setting(settings, "IMAGES_WIDTHS")),
            webp_quality=int(setting(settings, "IMAGES_WEBP_QUALITY")),
            jpeg_quality=int(setting(settings, "IMAGES_JPEG_QUALITY")),
            max_source_bytes=int(setting(settings, "IMAGES_MAX_SOURCE_BYTES")),
            max_source_pixels=int(setting(settings, "IMAGES_MAX_SOURCE_PIXELS")),
        )
        self.variants_dir = setting(settings, "IMAGES_VARIANTS_DIR").strip("/")
        self.sizes = setting(settings, "IMAGES_SIZES")
        self.siteurl = settings.get("SITEURL", "")
        self.content_root = Path(settings["PATH"])
        self.copies: dict[str, str] = {}  # output path (site-relative) → cached file

    def site_path(self, file: str) -> str:
        return f"{self.variants_dir}/{file}"

    def url(self, file: str) -> str:
        return f"{self.siteurl}/{self.site_path(file)}"

    def use(self, image) -> None:
        for variant in image.variants:
            self.copies[self.site_path(variant.file)] = variant.file


_build: Build | None = None


def current_build(settings) -> Build | None:
    global _build
    if not setting(settings, "IMAGES_ENABLED"):
        return None
    if _build is None:
        _build = Build(settings)
    return _build


def relative_source(content, build: Build) -> str:
    try:
        return os.path.relpath(content.source_path, build.content_root)
    except ValueError:
        return content.source_path


def report(where: str, line: int | None, message: str, value: str, suggestion: str) -> None:
    location = f"{where}:{line}" if line else where
    logger.error("%s: %s: '%s' (%s)", location, message, value, suggestion)


def forget_rendered_content(content) -> None:
    """Pelican memoizes get_content() per object; drop this object's entries so
    the rewritten body is what templates and feeds see."""
    cache = content.get_content.cache
    for key in [key for key in cache if key and key[0] is content]:
        del cache[key]


def process_content(content, build: Build) -> None:
    where = relative_source(content, build)
    try:
        with open(content.source_path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except OSError:
        lines = []
    source_dir = Path(content.source_path).parent
    has_featured = process_featured(content, build, where, lines, source_dir)

    def replace(index: int, attributes: list) -> str | None:
        values = dict(attributes)
        src = values.get("src") or ""
        path = content_path(src, build.content_root, source_dir)
        if path is None:
            return None  # external picture: not ours to resize
        line = line_of(lines, src) or line_of(lines, Path(src).name)
        try:
            image = build.cache.source_image(path, build.variant_settings)
        except ImageProblem as problem:
            report(where, line, problem.message, src, problem.suggestion)
            return None
        alt = (values.get("alt") or "").strip()
        if not alt:
            report(
                where,
                line,
                "image without alt text",
                src,
                "write what the photo shows: ![Ketua Bawaslu membuka rapat](…)",
            )
        build.use(image)
        return picture(
            image,
            alt,
            build.url,
            build.sizes,
            eager=index == 0 and not has_featured,
            attributes=attributes,
        )

    body = getattr(content, "_content", None)
    if body and "<img" in body.lower():
        content._content = rewrite_images(body, replace)
        forget_rendered_content(content)


def process_featured(content, build: Build, where: str, lines: list[str], source_dir) -> bool:
    reference = str(content.metadata.get("image") or "").strip()
    if not reference:
        return False
    path = content_path(reference, build.content_root, source_dir)
    if path is None:
        return True  # an external URL: the theme's plain <img> shows it
    line = line_of(lines, IMAGE_METADATA_LINE)
    try:
        image = build.cache.source_image(path, build.variant_settings)
    except ImageProblem as problem:
        report(where, line, problem.message, reference, problem.suggestion)
        return True
    alt = str(content.metadata.get("image-alt") or "").strip()
    if not alt:
        report(
            where,
            line,
            "image without alt text",
            reference,
            "add an Image-Alt: line saying what the photo shows",
        )
    build.use(image)
    content.image_html = Markup(picture(image, alt, build.url, build.sizes, featured=True))
    largest, smallest = image.fallback[-1], image.fallback[0]
    content.metadata.setdefault("warta", {})["image"] = {
        "src": build.site_path(largest.file),
        "width": largest.width,
        "height": largest.height,
        "alt": alt,
        "thumbnail": build.site_path(smallest.file),
    }
    return True


def region_label(warta: dict) -> str:
    names = []
    for region in warta.get("regions") or []:
        name = region.get("name") if isinstance(region, dict) else str(region)
        if name:
            names.append(str(name))
    if len(names) > 2:
        return f"{names[0]} dan {len(names) - 1} wilayah lain"
    return " · ".join(names)


def social_card(article, build: Build) -> None:
    # An article that is not written (a draft or an embargoed article in the public
    # build) gets no card: the card would publish its title before its time.
    if not article.save_as:
        return
    settings = build.settings
    warta = article.metadata.setdefault("warta", {})
    text = CardText(
        title=html.unescape(str(article.title)),
        office=office_name(
            [str(a) for a in getattr(article, "authors", [])],
            settings.get("SITE_PUBLISHER") or settings.get("SITENAME", ""),
        ),
        date=dates.long_date(article.date),
        region=region_label(warta),
        site_name=settings.get("SITENAME", ""),
    )
    file = build.cache.card(text.fingerprint(), lambda: draw_card(text))
    save_as = setting(settings, "IMAGES_SOCIAL_CARD_SAVE_AS").format(
        url=article.url, slug=article.slug
    )
    build.copies[save_as] = file
    article.og_image = save_as
    warta["social_card"] = save_as


# -- signal handlers ---------------------------------------------------------------


def enrich_articles(generator) -> None:
    build = current_build(generator.settings)
    if build:
        for name in ARTICLE_LISTS:
            for article in getattr(generator, name, []) or []:
                process_content(article, build)


def enrich_pages(generator) -> None:
    build = current_build(generator.settings)
    if build:
        for name in PAGE_LISTS:
            for page in getattr(generator, name, []) or []:
                process_content(page, build)


def draw_social_cards(generators) -> None:
    """After every generator's context: the regions plugin has named the regions."""
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            continue
        build = current_build(generator.settings)
        if not build or not setting(generator.settings, "IMAGES_SOCIAL_CARDS"):
            return
        for name in ARTICLE_LISTS:
            for article in getattr(generator, name, []) or []:
                social_card(article, build)


def publish(pelican) -> None:
    """Copy cached files into the output and clean every published image."""
    global _build
    build = current_build(pelican.settings)
    if build is None:
        return
    output = Path(pelican.output_path)
    try:
        for site_path, file in build.copies.items():
            build.cache.copy(file, output / site_path)
        clean_output_images(output, set(build.copies), build.cache)
        build.cache.save()
        work = build.cache.work
        logger.info(
            "images: %d variants encoded, %d social cards drawn, %d files stripped, %d reused",
            work.encoded_variants,
            work.drawn_cards,
            work.stripped_files,
            work.reused,
        )
    finally:
        _build = None


def clean_output_images(output: Path, produced: set[str], cache: ImageCache) -> None:
    for root, folders, files in os.walk(output):
        folders[:] = [f for f in folders if f != ".git"]
        for name in files:
            path = Path(root) / name
            site_path = path.relative_to(output).as_posix()
            if path.suffix.lower() not in IMAGE_SUFFIXES or site_path in produced:
                continue
            try:
                clean = cache.cleaned(path.read_bytes(), path.suffix)
            except StripError as exc:
                path.unlink()  # never publish a file that may still carry a location
                logger.error(
                    "%s: published image cannot be cleaned of metadata (%s): '%s' "
                    "(save it again as JPEG or PNG)",
                    site_path,
                    exc,
                    name,
                )
                continue
            if clean is not None:
                path.unlink()  # may be a link to the source file: never write through it
                path.write_bytes(clean)


def register() -> None:
    signals.article_generator_finalized.connect(enrich_articles)
    signals.page_generator_finalized.connect(enrich_pages)
    signals.all_generators_finalized.connect(draw_social_cards)
    signals.finalized.connect(publish)
