"""images: responsive photos, social cards and metadata-free image files.

What it adds to the site:
- the featured image (`Image:`, `Image-Alt:`) and every `<img>` in an article
  or page body become a `<picture>`: WebP at a few widths (never enlarged,
  `srcset`/`sizes`) and one JPEG/PNG fallback at the largest width, each
  named after the content's address (its slug) and the digest of the photo
  (`published_stem`), never the photo's own file name,
  `width`/`height`; the featured image loads eagerly with high priority
  (`article.image_html`), body images lazily.
  `article.enrichment.image` describes the featured image, and
  `article.image` becomes its largest fallback variant, so that the JSON-LD,
  og:image without a card and the feeds name a published file that any
  client reads.
  Photos whose variants are not cached are encoded on every core
  (IMAGES_WORKERS processes) in a first pass over the articles (then the
  pages); a second pass writes the markup.
- a 1200×630 social card per article at `{article URL}og.png`
  (`article.og_image`, used by the OpenGraph/Twitter tags): a flat 16-colour
  PNG of about 15 KB (cards.py). Cards missing from the cache are drawn on
  every core (IMAGES_WORKERS processes, 0 = all cores) before any page is
  written. Every written article has its own card, old ones too: a finding
  from years ago is still shared, and its preview should say what it is.
  What of a title the card's font cannot draw (an emoji, Arabic or Chinese
  words, Greek letters) is left out of the card, and a warning at the
  `Title:` line names it (`invoke check` too).
- every image file in the output, including the originals Pelican copies from
  content/images/, is stripped of EXIF (GPS), XMP, IPTC, ICC and comments, and
  of whatever follows the picture (a phone's second frame); a .jpg stays JPEG.
  Every published document (an office file, a PDF) is published without its
  authors' names (`warta.documents`); one that keeps comments or tracked
  changes, or of an older format (.doc), is not published: an error names it.
  A file that cannot be cleaned is taken out of the output.
- only what the site shows is published (`select_static_files`): a photo or
  a document is copied from content/ when a *written* content links to it as
  a file (a {static} or plain link, the site's full address as SITEURL names
  it, a writer's own <picture>; `warta.published.is_written`) or it is the site's own (SITE_LOGO,
  EXTRA_PATH_METADATA, IMAGES_SITE_FILES); any other is said once to be
  unused (a suggestion) and waits for a release that links it. The
  original of a photo shown only as Image: or a body image is not published:
  nothing names it, its variants are the page's. A draft's or an
  embargoed article's photos, variants and card stay out of the public build
  (the development build writes drafts at /draf/, so there they are kept).
  A file of a type that runs when the site serves it (a page, a script, an
  SVG, `warta.paths.ACTIVE_SUFFIXES`) is never published unless it is the
  theme's (the list above): it would run on the site's own address.
- errors naming the article and the image: no alt text, missing file, source
  over IMAGES_MAX_SOURCE_BYTES / IMAGES_MAX_SOURCE_PIXELS (decompression bombs
  included), unreadable file, a path outside content/ or through a symbolic
  link (`warta.paths`), a featured image on another site (`Image: https://…`:
  a release uses its own uploaded photo; the address is not rendered), a
  path on the writer's own computer (`/home/…`, `C:\\…`, `file:///…`; copied
  from a file manager, it was never put under content/; the sanitize plugin
  says it of a `C:\\…` or `file:` body photo, whose src it would strip). A
  featured or body image with such an error is left out of the page.
- with WARTA_CHECK_ONLY (`invoke check`), all of the checks above and the
  same errors, but no variant encoded, no card drawn, nothing written into the
  output or the cache (a check takes a fraction of a cold build).

Encoded files are cached in CACHE_PATH/images/ (see pipeline.py): a second
build with the same inputs encodes nothing, and the output gets hard links to
the cached files (copies when the output is on another filesystem). The cards
and variants are declared kept to the writer (`warta.paths.keep_output`): a
warm build leaves the last build's links in place and replaces those that
changed, and the writer deletes those no longer published (a draft's card).
Settings
(defaults in DEFAULTS): IMAGES_ENABLED, IMAGES_WIDTHS, IMAGES_SIZES,
IMAGES_WEBP_QUALITY, IMAGES_WEBP_METHOD, IMAGES_JPEG_QUALITY,
IMAGES_MAX_SOURCE_BYTES, IMAGES_MAX_SOURCE_PIXELS, IMAGES_VARIANTS_DIR,
IMAGES_SOCIAL_CARDS, IMAGES_SOCIAL_CARD_SAVE_AS, IMAGES_CACHE_DIR,
IMAGES_WORKERS, IMAGES_SITE_FILES (IMAGES_THEME_FILES, its older name, is still
read), IMAGES_SKIP_CLASSES.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from fnmatch import fnmatchcase
from functools import partial
from pathlib import Path
from urllib.parse import quote

from markupsafe import Markup
from pelican import signals
from pelican.generators import ArticlesGenerator

from warta import dates, findings, frontmatter
from warta.contents import every_article, every_page, forget_rendered
from warta.documents import DOCUMENT_SUFFIXES, is_document
from warta.enrichment import enrichment_of
from warta.findings import Finding
from warta.frontmatter import SourceLines
from warta.imagetags import (
    COMPUTER_PATH_MESSAGE,
    OUTSIDE_IMAGE_MESSAGE,
    OUTSIDE_IMAGE_SUGGESTION,
    REMOTE_IMAGE_MESSAGE,
    computer_path_suggestion,
    content_folder_suggestion,
    has_img_tag,
    image_tags,
    images_in_links,
    is_remote_image,
    remote_image_link,
    remote_image_suggestion,
    rewrite_images,
)
from warta.parallel import WorkerError, fork_map, worker_count
from warta.paths import (
    ACTIVE_FILE_MESSAGE,
    ACTIVE_FILE_SUGGESTION,
    LINK_MARKERS,
    OutputPaths,
    Refusal,
    below_content_folder,
    cache_blocked,
    computer_file,
    is_active_file,
    keep_output,
    listed_folders,
    referenced_file,
    replace_file,
    share_listing,
    site_file_path,
    site_root,
)
from warta.published import check_only, is_written
from warta.source_checks import (
    SOURCE_SUFFIXES,
    alt_file_name_finding,
    backslash_suggestion,
    converted_body,
)
from warta.text import alt_is_file_name

from .cards import CardText, draw_card, drawable, left_out, office_name
from .markup import line_of, picture, references
from .pipeline import (
    ImageCache,
    ImageProblem,
    MissingImage,
    SourceImage,
    VariantJob,
    VariantSettings,
    draw_card_into,
    encode_variants_into,
    named_for,
    strip_published,
)
from .strip import IMAGE_SUFFIXES, StripError

# The published files cleaned of private metadata: images, and documents
# (office files, PDFs) of their authors' names (`warta.documents`).
CLEANED_SUFFIXES = IMAGE_SUFFIXES + DOCUMENT_SUFFIXES

logger = logging.getLogger(__name__)

DEFAULTS = {
    "IMAGES_ENABLED": True,
    "IMAGES_WIDTHS": [480, 800, 1200],
    # The article column is 42rem wide; on phones the image spans the screen
    # minus the page padding.
    "IMAGES_SIZES": "(min-width: 46rem) 42rem, calc(100vw - 2rem)",
    "IMAGES_WEBP_QUALITY": 80,
    # libwebp's effort, 0-6. Measured (2026-12-04, 480/800/1200 px at quality
    # 80, one core): the sample's 51 photos 22.4 ms an encode at 4, 9.9 ms at 2
    # (-56 %) for 5.5 % more bytes (40.2 vs 38.1 KiB a photo, all widths); the
    # bench corpus' photos -43 % for 10 % more. 3 costs what 4 costs for the
    # same bytes; 1 and 0 add 25-70 %. A reader downloads one width (+~1 KiB),
    # while a newsroom's cold build (a release has a photo) encodes them all.
    "IMAGES_WEBP_METHOD": 2,
    "IMAGES_JPEG_QUALITY": 82,
    "IMAGES_MAX_SOURCE_BYTES": 10_000_000,
    "IMAGES_MAX_SOURCE_PIXELS": 40_000_000,
    "IMAGES_VARIANTS_DIR": "images/varian",
    "IMAGES_SOCIAL_CARDS": True,
    "IMAGES_SOCIAL_CARD_SAVE_AS": "{url}og.png",
    "IMAGES_CACHE_DIR": "images",
    # Processes encoding photo variants and drawing social cards; 0 = one per
    # core this build may use.
    "IMAGES_WORKERS": 0,
    # Content-relative paths (or shell patterns) of the site's own files,
    # published whatever links them, besides SITE_LOGO and EXTRA_PATH_METADATA
    # (always published): a photo or document the theme or a template shows, a
    # file a host reads (CNAME, a verification file). Any other file under
    # content/ is published only when a published release or page links it.
    "IMAGES_SITE_FILES": [],
    "IMAGES_THEME_FILES": [],  # the older name of IMAGES_SITE_FILES, still read
    # Body <img> classes (shell patterns) that another plugin processes after
    # the page is written: such an <img> is left as written (no variants), and
    # its file is published for that plugin to find. The default is
    # pelican-image-process's `image-process-<derivative>`.
    "IMAGES_SKIP_CLASSES": ["image-process-*"],
}

IMAGE_METADATA_LINE = re.compile(r"^\s*image\s*:", re.I)
IMAGE_ALT_METADATA_LINE = re.compile(r"^\s*image-alt\s*:", re.I)
# Card failures reported one by one; the rest are counted in one more line (a
# full disk would otherwise print a line per article).
MAX_CARD_ERRORS = 10
# A photo takes 0.1-0.6 s to encode, far more than forking a worker: one photo
# is enough to give a worker.
PHOTOS_PER_WORKER = 1


def setting(settings, name: str):
    return settings.get(name, DEFAULTS[name])


def webp_method(settings) -> int:
    """IMAGES_WEBP_METHOD, or its default (with a warning) when libwebp would
    refuse it: every photo would otherwise be reported as unreadable."""
    value = setting(settings, "IMAGES_WEBP_METHOD")
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 6:
        return value
    default = DEFAULTS["IMAGES_WEBP_METHOD"]
    report_setting(
        f"IMAGES_WEBP_METHOD must be a whole number from 0 to 6: {value!r}", f"using {default!r}"
    )
    return default


def report_setting(message: str, suggestion: str) -> None:
    """A warning about a setting: `pelicanconf.py: images: message (suggestion)`."""
    findings.report(
        logger, Finding("", None, "warning", f"pelicanconf.py: images: {message}", suggestion)
    )


class Build:
    """State of one build: the cache and the files to copy into the output."""

    def __init__(self, settings) -> None:
        self.settings = settings
        # `invoke check` (WARTA_CHECK_ONLY): every source is read, decoded and
        # checked as in a build, so the findings are the build's; but no variant
        # is encoded, no card drawn, nothing linked, stripped or cached.
        self.check_only = check_only(settings)
        self.temporary: Path | None = None
        folder = Path(settings["CACHE_PATH"]) / setting(settings, "IMAGES_CACHE_DIR")
        blocker = ImageCache.in_the_way(folder)
        if blocker is not None:
            # Variants and cards are made in the cache and linked from there:
            # this build makes them in a folder of its own, removed at its end.
            findings.report(
                logger,
                cache_blocked(
                    blocker,
                    "images",
                    "the cache is not used this build (variants and cards made again)",
                ),
            )
            folder = self.temporary = Path(tempfile.mkdtemp(prefix="warta-images-"))
        self.cache = ImageCache(folder)
        self.variant_settings = VariantSettings(
            widths=tuple(int(w) for w in setting(settings, "IMAGES_WIDTHS")),
            webp_quality=int(setting(settings, "IMAGES_WEBP_QUALITY")),
            webp_method=webp_method(settings),
            jpeg_quality=int(setting(settings, "IMAGES_JPEG_QUALITY")),
            max_source_bytes=int(setting(settings, "IMAGES_MAX_SOURCE_BYTES")),
            max_source_pixels=int(setting(settings, "IMAGES_MAX_SOURCE_PIXELS")),
        )
        self.variants_dir = setting(settings, "IMAGES_VARIANTS_DIR").strip("/")
        self.sizes = setting(settings, "IMAGES_SIZES")
        self.siteurl = settings.get("SITEURL", "")
        # The site's host and path as link_check reads them: "" in the
        # development build (SITEURL is empty there).
        self.site = site_root(self.siteurl)
        self.content_root = Path(settings["PATH"])
        self.skip_classes = tuple(str(c) for c in setting(settings, "IMAGES_SKIP_CLASSES"))
        self.copies: dict[str, str] = {}  # output path (site-relative) → cached file
        # Real paths of the files under content/ that written contents use (their
        # photos are published) and that only unwritten ones use (not published).
        self.used_by_written: set[Path] = set()
        self.used_by_unwritten: set[Path] = set()
        # Every local image of the build, looked up (and encoded) by prepare_images.
        self.images: dict[Path, SourceImage | ImageProblem] = {}
        self.cached_files: dict[str, str] = {}  # variant's name → its file in the cache
        # `file_of`'s answers in the current `enrich` pass, None outside one:
        # (reference, folder) → file
        self.files_found: dict[tuple[str, str], Path | Refusal | None] | None = None

    def site_path(self, file: str) -> str:
        return f"{self.variants_dir}/{file}"

    def url(self, file: str) -> str:
        return f"{self.siteurl}/{self.site_path(file)}"

    def use(self, image) -> None:
        """Publish an image's variants. Not its original: the page, its JSON-LD
        and the feeds name the variants only (`process_featured`); the original
        is published only when a written content links to it as a file
        (`shown_files`)."""
        for variant in image.variants:
            self.copies[self.site_path(variant.file)] = self.cached_files[variant.file]

    def file_of(self, reference: str, source_dir) -> Path | Refusal | None:
        """`warta.paths.referenced_file` of a reference, reading a full address
        of the site's own as the file it names (`local_reference`). Within one
        pass over the contents (`enrich`, which sets `files_found`), each
        reference from one folder is resolved once: a featured photo was
        looked up by `local_images` and again by `process_featured`, a
        containment walk of its path each time."""
        if self.files_found is None:
            local = self.local_reference(reference, source_dir)
            return referenced_file(local, self.content_root, source_dir)
        key = (reference, os.fspath(source_dir))
        found = self.files_found.get(key, self)
        if found is self:
            local = self.local_reference(reference, source_dir)
            found = self.files_found[key] = referenced_file(local, self.content_root, source_dir)
        return found

    def local_reference(self, reference: str, source_dir) -> str:
        """A full address on the site's own host
        ("https://warta-sumsel.example.org/images/2024/x.pdf", its host read as
        link_check reads it: `warta.paths.site_file_path`) as the path below
        content/ it serves ("/images/2024/x.pdf": a file of content/ is served
        at its own path); any other reference as it is. Without a host
        (SITEURL is empty in the development build) a full address is the
        site's when its path names a file under content/: the public build
        publishes that file, and so does the preview."""
        path = site_file_path(reference, self.site, lambda found: self.is_file(found, source_dir))
        return reference if path is None else quote(path)  # referenced_file decodes it again

    def is_file(self, path: str, source_dir) -> bool:
        """Whether a decoded path below content/ ("/images/x.pdf") names a file there."""
        found = referenced_file(quote(path), self.content_root, source_dir)
        return isinstance(found, Path) and found.is_file()

    def skipped(self, attributes: list) -> bool:
        """Whether an <img> is left to another plugin (IMAGES_SKIP_CLASSES)."""
        classes = (dict(attributes).get("class") or "").split()
        return any(fnmatchcase(c, pattern) for c in classes for pattern in self.skip_classes)

    def image(self, path: Path, content, *, variants: bool = True) -> SourceImage:
        """The variants of a local image, named for `content`, the article or
        page that shows it (`published_stem`); raises its ImageProblem. With
        `variants=False` (an <img> left to another plugin) the file is read
        and checked the same way, but nothing is encoded or remembered."""
        found = self.images.get(path)
        if found is None:  # not seen by prepare_images: encode it here
            try:
                found = self.cache.source_image(
                    path, self.variant_settings, encode=variants and not self.check_only
                )
            except ImageProblem as problem:
                found = problem
            if variants:
                self.images[path] = found
        if isinstance(found, ImageProblem):
            raise found
        named, cached = named_for(found, published_stem(content))
        self.cached_files.update(cached)
        return named


def published_stem(content) -> str:
    """What a content's photo variants are named after: its slug, already in
    its own address, never the photo's file name, which a phone or a staffer
    chose (`WhatsApp Image 2024-02-14 at 09.12.33.jpeg`, `budi-draft.jpg`).
    With the digest of the photo's bytes after it (`named_for`), a name is
    the same on every build and no two photos share one."""
    return str(getattr(content, "slug", "") or "") or "foto"


# The Build of the Pelican run in progress. A run's generators and `finalized`
# all receive the same settings dict, so the Build is found by that object; a
# run starting (its ArticlesGenerator being made) forgets the last one, and
# `publish` drops it when the run ends. A run that stopped half-way (an
# exception) thus leaves nothing behind for the next run in the same process
# (the signal connections themselves persist: tests, `invoke livereload`).
_active: Build | None = None


def current_build(settings) -> Build | None:
    global _active
    if not setting(settings, "IMAGES_ENABLED"):
        return None
    if _active is None or _active.settings is not settings:
        _active = Build(settings)
    return _active


def forget_build(*_) -> None:
    global _active
    if _active is not None and _active.temporary is not None:
        shutil.rmtree(_active.temporary, ignore_errors=True)
    _active = None


def relative_source(content, build: Build) -> str:
    try:
        return os.path.relpath(content.source_path, build.content_root)
    except ValueError:
        return content.source_path


def report(where: str, line: int | None, message: str, value: str, suggestion: str) -> None:
    findings.report(logger, Finding(where, line, "error", f"{message}: '{value}'", suggestion))


def local_images(content, build: Build) -> list[Path]:
    """The files under content/ that the featured image and the body's <img>
    tags name: what process_content will ask `build.image` for."""
    references = [str(content.metadata.get("image") or "").strip()]
    body = getattr(content, "_content", None)
    if body:
        references += [
            dict(attributes).get("src") or ""
            for attributes in image_tags(body)
            if not build.skipped(attributes)
        ]
    references = [ref for ref in references if ref]
    if not references:  # most releases: no photo (no path made)
        return []
    source_dir = Path(content.source_path).parent
    paths = (build.file_of(ref, source_dir) for ref in references)
    return [path for path in paths if isinstance(path, Path)]


def used_files(content, build: Build, named: list[str]) -> set[Path]:
    """Real paths of the files under content/ a content uses: its featured
    image and every src/href of its body ({static} links, photos, plain local
    links; `named`, the body's `references`). Read before the body's <img>
    become <picture>s of variants."""
    featured = str(content.metadata.get("image") or "").strip()
    return files_named([r for r in named if may_be_file(r)] + [featured], content, build)


def shown_files(content, build: Build, named: list[str]) -> set[Path]:
    """`used_files` less the photos the site shows only through their variants:
    the featured image and each body <img> outside a writer's own <picture>
    become <picture>s of variants (process_content), so their originals are
    named by nothing in the output. What stays: files linked as files (a
    {static} link to a PDF, a photo offered as a download), a writer's own
    <picture> and <video poster>, an <img> left to another plugin
    (IMAGES_SKIP_CLASSES), anything else a body names. `named`: the body's
    `references`."""
    body = getattr(content, "_content", None) or ""
    if has_img_tag(body):
        body = rewrite_images(
            body, lambda _index, attributes: None if build.skipped(attributes) else ""
        )
        named = references(body)
    return files_named([r for r in named if may_be_file(r)], content, build)


def files_named(found: list[str], content, build: Build) -> set[Path]:
    found = [ref for ref in found if ref]
    if not found:  # most releases: no photo, no link to a file (no path made)
        return set()
    source_dir = Path(content.source_path).parent
    paths = (build.file_of(ref, source_dir) for ref in found)
    return {path for path in paths if isinstance(path, Path)}


def may_be_file(reference: str) -> bool:
    """False for references that cannot name a static file: page addresses
    ("…/"), fragments, {filename} links to articles. Spares a look-up per link
    (a release links to many pages)."""
    path = reference.split("#", 1)[0].split("?", 1)[0]
    name = path.rsplit("/", 1)[-1]
    if path.startswith(("{static}", "|static|", "{attach}", "|attach|")):
        return "." in name  # a file, whatever its type (a linked page is refused: ACTIVE_SUFFIXES)
    return (
        "." in name
        and not path.startswith(("{filename}", "|filename|"))
        and not name.lower().endswith((".html", ".md", ".markdown"))
    )


def refusal_problem(refusal: Refusal, build: Build) -> ImageProblem:
    """The ImageProblem of a reference that leaves content/ or goes through a link."""
    if refusal.link is not None:
        link = os.path.relpath(refusal.link, build.content_root)
        return ImageProblem(
            f"image goes through a symbolic link ({link} -> {refusal.target}), not read",
            "replace the link with the photo itself under content/images/",
        )
    outside = refusal.reason.startswith("outside")
    return ImageProblem(
        OUTSIDE_IMAGE_MESSAGE if outside else f"image path refused ({refusal.reason})",
        OUTSIDE_IMAGE_SUGGESTION,
    )


def computer_problem(reference: str, content, build: Build, featured: bool) -> ImageProblem | None:
    """The ImageProblem of a reference that is a path on the writer's own
    computer (it is not "missing": it was never put under content/), or None."""
    name = computer_file(reference, build.content_root)
    if name is None:
        return None
    date = getattr(content, "date", None)
    return ImageProblem(
        COMPUTER_PATH_MESSAGE,
        computer_path_suggestion(name, getattr(date, "year", None), featured),
    )


def missing_problem(
    problem: ImageProblem, reference: str, build: Build, source_dir, featured: bool
) -> ImageProblem:
    """A missing photo written with the content folder in front
    ("content/images/2024/x.jpg") that names a file once it is taken off:
    the same problem, suggesting the path from inside content/."""
    if not isinstance(problem, MissingImage):
        return problem
    below = below_content_folder(reference, build.content_root, source_dir)
    if below is None:
        return problem
    # The photo is not published, and its one line is this error: not "unused".
    build.used_by_unwritten.add(Path(os.path.realpath(build.content_root / below)))
    return ImageProblem(problem.message, content_folder_suggestion(below, featured))


def prepare_images(contents, build: Build) -> None:
    """First pass: look every local image of `contents` up in the cache, and
    encode the variants of the new ones on IMAGES_WORKERS processes.

    A problem (missing file, over a limit, unreadable) is kept with the image
    and reported by process_content, at the line of each article that uses it.
    """
    jobs: dict[str, VariantJob] = {}  # cache key → job, each source encoded once
    waiting: dict[Path, str] = {}  # image → cache key of its job
    for content in contents:
        for path in local_images(content, build):
            if path in build.images or path in waiting:
                continue
            try:
                found = build.cache.lookup(path, build.variant_settings)
            except ImageProblem as problem:
                build.images[path] = problem
                continue
            if isinstance(found, VariantJob):
                jobs.setdefault(found.key, found)
                waiting[path] = found.key
            else:
                build.images[path] = found
    if jobs:
        encoded = encode_missing(list(jobs.values()), build)
        build.images.update((path, encoded[key]) for path, key in waiting.items())


def encode_missing(jobs: list[VariantJob], build: Build) -> dict[str, SourceImage | ImageProblem]:
    """Encode the variants into the cache folder in worker processes; record
    them in the cache (the manifest is the parent's alone). Returns key → the
    variants, or the problem to report. In check-only mode the workers decode
    the sources (the same problems) and only name the variants."""
    folder = build.cache.files
    if not build.check_only:
        folder.mkdir(parents=True, exist_ok=True)  # once, before the workers write into it
    workers = worker_count(setting(build.settings, "IMAGES_WORKERS"))
    try:
        results = fork_map(
            partial(encode_variants_into, folder, encode=not build.check_only),
            jobs,
            workers,
            min_items_per_worker=PHOTOS_PER_WORKER,
        )
    except WorkerError as exc:
        # A worker died (killed, out of memory, a crash in Pillow): none of its
        # results came back. An unreadable photo does not get here.
        reason = str(exc).strip().splitlines()[-1]
        problem = ImageProblem(
            f"image variants cannot be made (a worker failed: {reason})",
            "build again; if it fails again, lower IMAGES_WORKERS or export the photo smaller",
        )
        return {job.key: problem for job in jobs}
    found: dict[str, SourceImage | ImageProblem] = {}
    for encoded in results:
        if encoded.problem:
            found[encoded.key] = ImageProblem(encoded.problem, encoded.suggestion)
        elif build.check_only:
            found[encoded.key] = SourceImage(encoded.width, encoded.height, list(encoded.variants))
        else:
            found[encoded.key] = build.cache.add_variants(encoded)
    work = build.cache.work
    work.variant_processes = max(work.variant_processes, len({e.process for e in results}))
    return found


def process_content(content, build: Build) -> None:
    body = getattr(content, "_content", None)
    has_images = bool(body) and has_img_tag(body)
    if not has_images and not str(content.metadata.get("image") or "").strip():
        return  # no photo (most releases): nothing to look up or rewrite
    where = relative_source(content, build)
    lines = SourceLines(content.source_path)
    source_dir = Path(content.source_path).parent
    has_featured = process_featured(content, build, where, lines, source_dir)

    linked = None  # of each image: inside a link (`images_in_links`), read when needed

    def replace(index: int, attributes: list) -> str | None:
        nonlocal linked
        values = dict(attributes)
        src = values.get("src") or ""
        path = build.file_of(src, source_dir)
        if path is None:
            if not is_remote_image(src) or build.skipped(attributes):
                return None  # a data: picture, or one another plugin makes its own
            year = content.date.year if getattr(content, "date", None) else None
            findings.report(
                logger,
                Finding(
                    where,
                    body_line(lines, src),
                    "warning",
                    f"{REMOTE_IMAGE_MESSAGE}: '{src}'",
                    remote_image_suggestion(year),
                ),
            )
            if linked is None:
                linked = images_in_links(body)
            return remote_image_link(src, values.get("alt") or "", linked[index])

        def line() -> int | None:
            return body_line(lines, src)

        def place() -> tuple[int | None, str]:
            return body_place(lines, src)

        skipped = build.skipped(attributes)
        try:
            problem = computer_problem(src, content, build, featured=False)
            if problem:
                raise problem
            if isinstance(path, Refusal):
                raise refusal_problem(path, build)
            image = build.image(path, content, variants=not skipped)
        except ImageProblem as found:
            problem = missing_problem(found, src, build, source_dir, featured=False)
            at, written = place()
            suggestion = problem.suggestion
            if isinstance(problem, MissingImage):
                suggestion = backslash_suggestion(written, suggestion)
            report(where, at, problem.message, written, suggestion)
            # Not in the page: its src as written ("/home/humas/x.jpg", a
            # missing file) would be a broken picture, and a path of the
            # writer's computer shown to every reader.
            return ""
        alt = (values.get("alt") or "").strip()
        if not alt:
            report(
                where,
                line(),
                "image without alt text",
                src,
                "write what the photo shows: ![Ketua Bawaslu membuka rapat](…)",
            )
        elif alt_is_file_name(alt, src):
            findings.report(logger, alt_file_name_finding(where, line(), alt))
        if skipped:
            return None  # another plugin makes its own variant of the published file
        build.use(image)
        return picture(
            image,
            alt,
            build.url,
            build.sizes,
            eager=index == 0 and not has_featured,
            attributes=attributes,
        )

    if has_images:
        content._content = rewrite_images(body, replace)
        forget_rendered(content)


def body_line(lines: SourceLines, src: str) -> int | None:
    """The line of a body image: its address as written in Markdown or HTML,
    else anywhere, in the body first (a `Summary:` or `Author:` holding the
    same words came first and was blamed)."""
    return body_place(lines, src)[0]


# What a backslash escapes in Markdown (Python-Markdown's ESCAPED_CHARS with
# `extra` and `smarty`, and the rest of ASCII's punctuation CommonMark escapes).
_ESCAPABLE = frozenset("""\\`*_{}[]()>#+-.!|"':;<=?@^~,$%&/""")


def _as_markdown_writes(src: str) -> re.Pattern:
    """The address as the source may have written it before Markdown read its
    backslash escapes: `{static}\\images\\2026\\..\\x.jpg` became
    `{static}\\images\\2026..\\x.jpg` (a `\\.` is a dot)."""
    parts = []
    for character in src:
        if character == "\\":
            parts.append(r"\\\\?")  # `\\` written, or `\\` before a letter
        elif character in _ESCAPABLE:
            parts.append(r"\\?" + re.escape(character))
        else:
            parts.append(re.escape(character))
    return re.compile("".join(parts))


def body_place(lines: SourceLines, src: str) -> tuple[int | None, str]:
    """(`body_line`, the address as the source writes it): `src` is as
    Markdown made it, whose backslash escapes a Windows path loses."""
    every = lines.get()
    start = lines.front_matter.end
    written = _as_markdown_writes(src) if "\\" in src else None
    needles = (f"]({src}", f'src="{src}"', f"src='{src}'", f"src={src}", src, written)
    for part, offset in ((every[start:], start), (every, 0)):
        for needle in (*needles, Path(src).name):
            found = line_of(part, needle) if needle else None
            if found:
                match = needle.search(part[found - 1]) if isinstance(needle, re.Pattern) else None
                return found + offset, match.group() if match else src
    return None, src


def process_featured(content, build: Build, where: str, lines: SourceLines, source_dir) -> bool:
    reference = str(content.metadata.get("image") or "").strip()
    if not reference:
        return False
    path = build.file_of(reference, source_dir)
    line = line_of(lines.get(), IMAGE_METADATA_LINE)
    try:
        problem = computer_problem(reference, content, build, featured=True)
        if problem:
            raise problem
        if path is None:
            raise ImageProblem(
                "featured image is an address on another site, not shown",
                "a release uses its own photo: upload it under content/images/ and write "
                "Image: images/2024/foto.jpg",
            )
        if isinstance(path, Refusal):
            raise refusal_problem(path, build)
        image = build.image(path, content)
    except ImageProblem as found:
        problem = missing_problem(found, reference, build, source_dir, featured=True)
        suggestion = problem.suggestion
        if isinstance(problem, MissingImage):
            suggestion = backslash_suggestion(reference, suggestion)
        report(where, line, problem.message, reference, suggestion)
        # The theme would otherwise show the reference as it is ("/https://…",
        # "/../../x.jpg") in the page, its JSON-LD and the feeds.
        content.image = None
        content.metadata.pop("image", None)
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
    elif alt_is_file_name(alt, reference):
        at = line_of(lines.get(), IMAGE_ALT_METADATA_LINE) or line
        findings.report(logger, alt_file_name_finding(where, at, alt, featured=True))
    build.use(image)
    content.image_html = Markup(picture(image, alt, build.url, build.sizes, featured=True))
    largest = image.fallback[-1]
    webp = image.of_type("image/webp")
    smallest = webp[0] if webp else largest
    # The original is not published: the JSON-LD `image`, og:image without a
    # card, the feeds and any template naming `article.image` get the largest
    # fallback variant (JPEG, or PNG for a photo with transparency), which
    # every client reads.
    content.image = build.site_path(largest.file)
    content.metadata["image"] = content.image
    enrichment_of(content).image = {
        "src": build.site_path(largest.file),
        "width": largest.width,
        "height": largest.height,
        "alt": alt,
        # Lists show the smallest WebP, with `src` as the fallback of older browsers.
        "thumbnail": build.site_path(smallest.file),
        "thumbnail_width": smallest.width,
        "thumbnail_height": smallest.height,
    }
    return True


def region_label(regions) -> str:
    """The card's region line from the article's regions (`warta.enrichment.Place`s)."""
    names = [str(region.name) for region in regions or () if getattr(region, "name", None)]
    if len(names) > 2:
        return f"{names[0]} dan {len(names) - 1} wilayah lain"
    return " · ".join(names)


def card_text(article, settings, long_date: Callable[[dt.date], str] = dates.long_date) -> CardText:
    """What an article's card says (`long_date`: its date as the card writes it)."""
    day = article.date
    return CardText(
        # The title as the page shows it: its references are read once, at
        # reading (`warta.markdown_source`); `&amp;lt;` typed stays "&lt;".
        title=str(article.title),
        office=office_name(
            [str(a) for a in getattr(article, "authors", [])],
            settings.get("SITE_PUBLISHER") or settings.get("SITENAME", ""),
        ),
        date=long_date(day.date() if isinstance(day, dt.datetime) else day),
        region=region_label(enrichment_of(article).regions),
        site_name=settings.get("SITENAME", ""),
    )


def report_left_out(article, title: str, build: Build) -> None:
    """A warning at the `Title:` line when the card leaves out some of the
    title: an emoji, a word in Arabic or Chinese letters, a letter Lato has no
    glyph for (Greek, ẞ). The page shows the title whole; the card every
    messaging app shows would silently lose words."""
    missing = left_out(title)
    if not missing:
        return
    lines = SourceLines(article.source_path)
    quoted = ", ".join(f"'{run}'" for run in missing)
    findings.report(
        logger,
        Finding(
            relative_source(article, build),
            lines.front_matter.line("title"),
            "warning",
            f"the social card's font cannot draw these characters of the title, "
            f"so the card leaves them out: {quoted}",
            f"the card reads '{drawable(title, 'bold')}'; write them in Latin letters "
            "or leave them out of the Title",
        ),
    )


def social_cards(articles, build: Build) -> None:
    """Give every written article its card: reuse cached ones, draw the rest in
    IMAGES_WORKERS processes, then point the articles at them."""
    settings = build.settings
    template = setting(settings, "IMAGES_SOCIAL_CARD_SAVE_AS")
    if not template.lower().endswith(".png"):
        report_setting(
            f"social cards are PNG files, but IMAGES_SOCIAL_CARD_SAVE_AS names another type: "
            f"'{template}'",
            "end it in .png, e.g. {url}og.png",
        )
    # An article that is not written (a draft or an embargoed article in the public
    # build) gets no card: the card would publish its title before its time.
    written = [article for article in articles if is_written(article)]
    for article in written:
        report_left_out(article, str(article.title), build)  # the card's title (`card_text`)
    if build.check_only:
        # A card says nothing new about the content (its text is the title,
        # office, date and regions, checked elsewhere, and what of the title it
        # leaves out, said above); only a full disk stops one being drawn, and
        # no page shows it. So its text is not even made.
        return
    # (a day's releases share its date, formatted once: `dates.long_date`)
    texts = [(article, card_text(article, settings)) for article in written]
    wanted = []  # (article, card text, cache key)
    files: dict[str, str] = {}  # cache key → cached file
    missing: dict[str, CardText] = {}  # cache key → text, each card drawn once
    for article, text in texts:
        key, file = build.cache.cached_card(text.fingerprint())
        wanted.append((article, text, key))
        if file:
            files[key] = file
        else:
            missing[key] = text

    failed = draw_missing_cards(missing, build) if missing else {}
    files.update((key, build.cache.cards[key]) for key in missing if key not in failed)
    errors = 0
    for article, text, key in wanted:
        if key in failed:
            errors += 1
            if errors <= MAX_CARD_ERRORS:
                report(
                    relative_source(article, build),
                    None,
                    f"social card cannot be drawn ({failed[key]})",
                    text.title,
                    f"check that {build.cache.files} can be written and the disk has room",
                )
            continue
        save_as = template.format(url=article.url, slug=article.slug)
        build.copies[save_as] = files[key]
        article.og_image = save_as
        enrichment_of(article).social_card = save_as
    if errors > MAX_CARD_ERRORS:
        findings.report(
            logger,
            Finding(
                "",
                None,
                "error",
                f"{errors - MAX_CARD_ERRORS} more articles have no social card for the same reason",
            ),
        )


def draw_missing_cards(missing: dict[str, CardText], build: Build) -> dict[str, str]:
    """Draw the cards into the cache folder in worker processes; record them in
    the cache (the manifest is the parent's alone). Returns key → error."""
    folder = build.cache.files
    folder.mkdir(parents=True, exist_ok=True)  # once, before the workers write into it
    jobs = list(missing.items())
    workers = worker_count(setting(build.settings, "IMAGES_WORKERS"))
    try:
        results = fork_map(
            lambda job: draw_card_into(folder, job[0], partial(draw_card, job[1])),
            jobs,
            workers,
        )
    except WorkerError as exc:
        # A worker died (killed, out of memory, a crash in Pillow): none of the
        # results came back. Per-card exceptions do not get here.
        reason = str(exc).strip().splitlines()[-1]
        return {key: f"a card worker failed: {reason}" for key, _ in jobs}
    failed = {}
    for drawn in results:
        if drawn.error:
            failed[drawn.key] = drawn.error
        else:
            build.cache.add_card(drawn)
    build.cache.work.card_processes = len({drawn.process for drawn in results})
    return failed


# -- signal handlers ---------------------------------------------------------------


def plain_active_links(content, build: Build, site: set[str], named: list[str]) -> None:
    """A plain link (no {static}) of a body to a file under content/ of a
    type that runs when served (`warta.paths.ACTIVE_SUFFIXES`): an error at
    its line, as content_lint says of a {static} or {attach} one. The file is
    not published (`select_static_files`), and it is not "linked by nothing".
    `named`: the body's `references`."""
    found = [
        r
        for r in named
        if is_active_file(r.split("#", 1)[0].split("?", 1)[0]) and not r.startswith(LINK_MARKERS)
    ]
    if not found:
        return
    source_dir = Path(content.source_path).parent
    lines = SourceLines(content.source_path)
    for reference in found:
        path = build.file_of(reference, source_dir)
        if not isinstance(path, Path) or not path.is_file():
            continue  # a page of the site, another site, a missing file
        relative = os.path.relpath(path, os.path.realpath(build.content_root))
        if is_site_file(relative, site):
            continue
        build.used_by_unwritten.add(path)
        report(
            relative_source(content, build),
            body_line(lines, reference),
            ACTIVE_FILE_MESSAGE,
            reference,
            ACTIVE_FILE_SUGGESTION,
        )


def enrich(generator, contents: list) -> None:
    """Photos of written contents only: a draft or an embargoed article in the
    public build has no page, so nothing of it (variants, originals) is
    published; its files are only remembered, to keep them out of the static
    files (`select_static_files`)."""
    build = current_build(generator.settings)
    if build:
        # Each reference resolved once in this pass (not across passes: content/
        # may have changed since the last).
        build.files_found = {}
        # Asked once per content: before url_cache, each ask formats its address.
        written = [content for content in contents if is_written(content)]
        written_ids = {id(content) for content in written}
        site = site_files(generator.settings)
        for content in contents:
            # The body's references, read once for the checks and the files it uses.
            named = references(getattr(content, "_content", None) or "")
            plain_active_links(content, build, site, named)
            if id(content) in written_ids:
                build.used_by_written |= shown_files(content, build, named)
            else:
                # Everything it names, photos shown as variants too: kept out.
                build.used_by_unwritten |= used_files(content, build, named)
        prepare_images(written, build)
        for content in written:
            process_content(content, build)
        build.files_found = None


def enrich_articles(generator) -> None:
    enrich(generator, every_article(generator))


def enrich_pages(generator) -> None:
    enrich(generator, every_page(generator))


def draw_social_cards(generators) -> None:
    """After every generator's context: the regions plugin has named the regions."""
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            continue
        build = current_build(generator.settings)
        if not build or not setting(generator.settings, "IMAGES_SOCIAL_CARDS"):
            return
        social_cards(every_article(generator), build)


def keep_published(generators) -> None:
    """Declare the cards and variants this build publishes (`publish`, at
    `finalized`) to the writer (`warta.paths.keep_output`): the ones the last
    build published stay in the output, where `publish` finds each already
    linked to its cached file (or replaces it), instead of being deleted at the
    start and linked again; the ones no longer published (a draft's, a deleted
    release's, a replaced photo's) are deleted by the writer's last flush.
    After `draw_social_cards`: every card and variant is known then."""
    if not generators:
        return
    build = current_build(generators[0].settings)
    if build is not None and not build.check_only:
        keep_output(generators[0].context, build.copies)


PHOTO_SUFFIXES = (*IMAGE_SUFFIXES, ".svg", ".avif", ".heic", ".heif")


def site_files(settings) -> set[str]:
    """Content-relative paths (or shell patterns) of the site's own files under
    content/, published whatever links them: the logo (SITE_LOGO), files placed
    by EXTRA_PATH_METADATA (the favicon), and IMAGES_SITE_FILES (with the older
    IMAGES_THEME_FILES). The web team sets these in the settings; a writer
    only adds files under content/, so a file of a type that runs when served
    is published only when listed here."""
    files = {str(settings.get("SITE_LOGO") or "").lstrip("/")}
    files |= set(settings.get("EXTRA_PATH_METADATA") or {})
    files |= set(setting(settings, "IMAGES_SITE_FILES"))
    files |= set(setting(settings, "IMAGES_THEME_FILES"))
    return {os.path.normpath(f) for f in files if f}


def is_site_file(relative: str, site: set[str]) -> bool:
    return relative in site or any(
        fnmatchcase(relative, pattern) for pattern in site if any(c in pattern for c in "*?[")
    )


def failed_source_files(generator, build: Build) -> set[Path]:
    """Real paths of the files named by the sources Pelican could not make a
    content of (a Date: it cannot parse, no Title; it records them with no
    content): their Image: and every src/href of their body, read from the
    file as written. Such a release is not published and its error says why;
    a photo only it names waits for it, as a draft's does: not unused."""
    generated = generator.context.get("generated_content") or {}
    found: set[Path] = set()
    for relative, content in generated.items():
        if content is not None:
            continue
        source = os.path.join(build.content_root, relative)
        text = frontmatter.read_source(source)
        featured = frontmatter.parse(text).front_matter.value("image").strip()
        html = converted_body(text, build.settings.get("MARKDOWN"))
        named = [r for r in references(html) if may_be_file(r)] + [featured]
        source_dir = Path(source).parent
        paths = (build.file_of(ref, source_dir) for ref in named if ref)
        found |= {path for path in paths if isinstance(path, Path)}
        # "content/images/…": its error suggests the path inside content/.
        below = (below_content_folder(ref, build.content_root, source_dir) for ref in named if ref)
        found |= {Path(os.path.realpath(build.content_root / b)) for b in below if b}
    return found


def select_static_files(generator) -> None:
    """Keep only the static files the site uses, before the static generator
    copies them (content/images/ and content/extra/ are static paths: it would
    copy every file, a document staged for an embargoed release too).

    A file is published when a written content links to it as a file
    (`shown_files`: a photo shown only through its variants is not) or it is
    one of the site's own (`site_files`). A file of a type that runs when
    served (`warta.paths.ACTIVE_SUFFIXES`: a page, a script, an SVG) only when
    it is the site's: a writer's would run on the site's own address; a link
    to it is an error at its line (content_lint), one nothing links a warning
    here. So is a release's source (a Markdown file, `SOURCE_SUFFIXES`: a
    draft saved in content/images/), which the link's error says is not
    published. A photo that cannot be published (over a limit, unreadable) is left
    out: its error was reported at the line that uses it. A file left out
    that nothing names is said to be unused (a suggestion), unless an
    unwritten release (a draft, an embargoed one, one Pelican could not read:
    `failed_source_files`) names it: it waits for that release."""
    build = current_build(generator.settings)
    if build is None:
        return
    site = site_files(generator.settings)
    kept, unused = [], []
    for static in generator.staticfiles:
        # A Static's source_path is absolute: Pelican's reader passes it so.
        relative = os.path.relpath(static.source_path, generator.path)
        real = Path(os.path.realpath(os.path.join(generator.path, relative)))
        if isinstance(build.images.get(real), ImageProblem):
            continue
        if is_site_file(relative, site):
            kept.append(static)
        elif is_active_file(relative) or relative.lower().endswith(SOURCE_SUFFIXES):
            # A link to it is an error at its line (content_lint): a release's
            # source (a draft's saved in content/images/) is never a download.
            if real not in build.used_by_written and real not in build.used_by_unwritten:
                unused.append(relative)
        elif real in build.used_by_written:
            kept.append(static)
        # Shown as its variants only (the original is not published), or a
        # draft's file (it waits for it): not unused.
        elif real not in build.images and real not in build.used_by_unwritten:
            unused.append(relative)
    # The context holds the same list object: change it in place.
    generator.staticfiles[:] = kept
    if unused:
        waiting = failed_source_files(generator, build)
        root = generator.path
        unused = [r for r in unused if Path(os.path.realpath(os.path.join(root, r))) not in waiting]
    for relative in sorted(unused):
        findings.report(logger, unused_finding(relative))


def unused_finding(relative: str) -> Finding:
    """What is said of a file under content/ that nothing published links: a
    photo uploaded and never used, a document staged for a release not
    written yet, or a file a theme override or an outside plugin's template
    shows (every page then linked a missing file, said only at debug level)."""
    if is_active_file(relative):
        return Finding(
            relative,
            None,
            "warning",
            f"{ACTIVE_FILE_MESSAGE}, and no release or page links it",
            f"{ACTIVE_FILE_SUGGESTION}; a file of the theme's goes in IMAGES_SITE_FILES",
        )
    photo = Path(relative).suffix.lower() in PHOTO_SUFFIXES
    return Finding(
        relative,
        None,
        "suggestion",
        f"{'photo' if photo else 'file'} used by no published release or page: not published",
        f"{'use it in' if photo else 'link it from'} a release, delete it, or, if the theme "
        "or the site publishes it, add it to IMAGES_SITE_FILES",
    )


def publish(pelican) -> None:
    """Link cached files into the output and clean every published image."""
    build = current_build(pelican.settings)
    if build is None:
        return
    output = Path(pelican.output_path)
    try:
        if build.check_only:
            # The same checks of the files Pelican copied (unreadable, over the
            # pixel limit), nothing linked, written or cached.
            check_output_images(output, build.variant_settings.max_source_pixels)
            return
        output_paths = OutputPaths(output)
        top = os.fspath(output)
        for site_path, file in build.copies.items():
            problem = output_paths.refusal(site_path)
            if problem:
                findings.report(
                    logger,
                    Finding(
                        "",
                        None,
                        "error",
                        f"images: output path {problem}, not written: '{site_path}'",
                        "check IMAGES_VARIANTS_DIR and IMAGES_SOCIAL_CARD_SAVE_AS",
                    ),
                )
                continue
            build.cache.publish(file, os.path.join(top, site_path))
        # One listing of the output for this and the seo plugin's sitemap.
        listing = list(listed_folders(output))
        clean_output_images(
            output,
            set(build.copies),
            build.cache,
            build.variant_settings.max_source_pixels,
            listing,
        )
        share_listing(output, listing, pelican.settings, publish)
        build.cache.save()
        work = build.cache.work
        logger.info(
            "images: %d variants encoded in %d process(es), %d social cards drawn in "
            "%d process(es), %d files stripped, %d reused; %d files linked, %d copied",
            work.encoded_variants,
            work.variant_processes,
            work.drawn_cards,
            work.card_processes,
            work.stripped_files,
            work.reused,
            work.linked,
            work.copied,
        )
    finally:
        forget_build()


def output_images(output: Path, produced: set[str], listing: list | None = None):
    """(path, site path, the names of its folder's files) of the image files
    in the output that this plugin did not produce: the originals Pelican
    copied (photos, the theme's files). Folders in `os.walk`'s order,
    symlinked ones not entered, `.git` skipped (`warta.paths.listed_folders`,
    or its `listing` of the output taken already)."""
    if listing is None:
        listing = listed_folders(output, skip={".git"})
    for root, prefix, files in listing:
        if prefix.startswith(".git/") or "/.git/" in prefix:
            continue  # (a listing shared with the seo plugin enters it)
        for name in list(files):  # (a file not publishable is taken out of `files`)
            # Tens of thousands of pages, a few images: the name as text first.
            if name.lower().endswith(CLEANED_SUFFIXES) and prefix + name not in produced:
                yield Path(root) / name, prefix + name, files


def report_uncleanable(site_path: str, name: str, exc: StripError) -> None:
    # site_path is the file's path below the output, which for a copied photo is
    # its path in content/ (how the runner shows it).
    if is_document(name):
        message = f"document not published, {exc}: '{name}'"
    else:
        message = f"published image cannot be cleaned of metadata, not published ({exc}): '{name}'"
    findings.report(logger, Finding(site_path, None, "error", message, exc.suggestion))


def clean_output_images(
    output: Path,
    produced: set[str],
    cache: ImageCache,
    max_pixels: int | None = None,
    listing: list | None = None,
) -> None:
    """Strip every image file of the output this plugin did not produce.
    `listing`: the output's `listed_folders`, taken already; a file deleted
    here is taken out of it."""
    for path, site_path, files in output_images(output, produced, listing):
        try:
            clean = cache.cleaned(path.read_bytes(), path.suffix, max_pixels)
        except StripError as exc:
            path.unlink()  # never publish a file that may still carry a location
            files.remove(path.name)
            report_uncleanable(site_path, path.name, exc)
            continue
        if clean is not None:
            # The file may be a link to a source in content/ or to a cache file:
            # replace it, never write through it.
            replace_file(path, clean)


def check_output_images(output: Path, max_pixels: int | None = None) -> None:
    """`clean_output_images` for `invoke check`: the same errors, nothing written."""
    for path, site_path, _files in output_images(output, set()):
        try:
            strip_published(path.read_bytes(), path.suffix, max_pixels)
        except StripError as exc:
            report_uncleanable(site_path, path.name, exc)


def register() -> None:
    signals.article_generator_init.connect(forget_build)  # a run starts
    signals.article_generator_finalized.connect(enrich_articles)
    signals.page_generator_finalized.connect(enrich_pages)
    signals.static_generator_finalized.connect(select_static_files)
    signals.all_generators_finalized.connect(draw_social_cards)
    signals.all_generators_finalized.connect(keep_published)
    signals.finalized.connect(publish)
