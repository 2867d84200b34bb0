"""Photo variants: encoded in worker processes (IMAGES_WORKERS) byte for byte
as in one process, problems still reported at the article's line and failing
the build, nothing encoded again on a warm build; and the cheaper encoding
(each width resized from the next larger one, large JPEGs decoded at reduced
size) keeps the pictures as good as before (pure parts in process, the rest in
real builds of small fixture sites)."""

from __future__ import annotations

import io
import json
import math
import os
import random
from pathlib import Path
from types import SimpleNamespace

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageStat

from conftest import FixtureSite, article_text
from plugins.images import pipeline, plugin, strip
from warta import parallel

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def photo_bytes(number: int, size=(1200, 800), *, orientation=None, fmt="JPEG") -> bytes:
    """A deterministic photo (the same number gives the same bytes) with EXIF
    carrying a GPS position, as phones write them (MPO: with a second, small
    picture appended, as many phones do)."""
    rng = random.Random(number)
    width, height = size
    mode = "RGBA" if fmt == "PNG" else "RGB"
    bands = [
        Image.linear_gradient("L").rotate(rng.choice((0, 90, 180, 270))).resize(size) for _ in mode
    ]
    image = Image.merge(mode, bands)
    draw = ImageDraw.Draw(image)
    for _ in range(30):
        x, y = rng.randrange(width), rng.randrange(height)
        box = (x, y, x + rng.randint(8, width // 4), y + rng.randint(8, height // 4))
        draw.ellipse(box, fill=tuple(rng.randrange(256) for _ in mode))
    exif = Image.Exif()
    exif[GPS_IFD] = {1: "S", 2: (2.0, 59.0, 30.0), 3: "E", 4: (104.0, 45.0, 15.0)}
    if orientation:
        exif[ORIENTATION] = orientation
    buffer = io.BytesIO()
    if fmt == "MPO":
        image.save(buffer, fmt, exif=exif.tobytes(), save_all=True, append_images=[image])
    else:
        image.save(buffer, fmt, exif=exif.tobytes())
    return buffer.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def psnr(a: Image.Image, b: Image.Image) -> float:
    difference = ImageChops.difference(a.convert("RGB"), b.convert("RGB"))
    mean_square = sum(rms * rms for rms in ImageStat.Stat(difference).rms) / 3
    return 99.0 if mean_square == 0 else 10 * math.log10(255 * 255 / mean_square)


def last_build(root: Path) -> dict:
    return json.loads((root / "cache" / "images" / "manifest.json").read_text())["last_build"]


# -- the encoding itself ---------------------------------------------------------------


def reference_variants(data: bytes, settings: pipeline.VariantSettings) -> dict:
    """What the variants were before: every width resized from the full decode,
    unencoded (the ideal each encoded variant is compared with) and encoded."""
    with Image.open(io.BytesIO(data)) as source:
        source.load()
        full = strip.to_srgb(source, "RGB")
    width, height = full.size
    found = {}
    for target in pipeline.target_widths(width, settings.widths):
        ideal = full.resize((target, round(height * target / width)), Image.Resampling.LANCZOS)
        webp, jpeg = io.BytesIO(), io.BytesIO()
        ideal.save(webp, "WEBP", quality=settings.webp_quality, method=settings.webp_method)
        ideal.save(jpeg, "JPEG", quality=settings.jpeg_quality, optimize=True, progressive=True)
        found[target] = (ideal, {"image/webp": webp.getvalue(), "image/jpeg": jpeg.getvalue()})
    return found


@pytest.mark.parametrize(
    ("size", "orientation", "fmt", "decoded_reduced"),
    # 1600 px: decoded whole; 2600 px (also when turned by EXIF, also MPO): at half size.
    [
        ((1600, 1067), None, "JPEG", False),
        ((2600, 1700), None, "JPEG", True),
        ((1700, 2600), 6, "JPEG", True),
        ((2600, 1700), None, "MPO", True),
    ],
)
def test_variants_are_as_good_as_resizing_each_width_from_the_full_source(
    size, orientation, fmt, decoded_reduced
):
    data = photo_bytes(7, size, orientation=orientation, fmt=fmt)
    with Image.open(io.BytesIO(data)) as probe:
        shown_width = pipeline.shown_size(probe)[0]
        assert pipeline.decode_reduced(probe, shown_width, 1200) is decoded_reduced
        if decoded_reduced:
            assert probe.size == (size[0] // 2, size[1] // 2)  # libjpeg's 1/2 scale

    settings = pipeline.VariantSettings()
    width, height, encoded = pipeline.encode_variants(data, "foto.jpg", settings, "k" * 20)
    shown = size[::-1] if orientation == 6 else size
    assert (width, height) == shown  # the source's size, not the reduced decode's
    references = reference_variants(data, settings)
    assert sorted({v.width for v, _ in encoded}) == sorted(references)
    for variant, blob in encoded:
        ideal, before = references[variant.width]
        image = opened(blob)
        assert image.size == (variant.width, variant.height) == ideal.size
        assert strip.private_metadata(image) == []
        # Within codec noise of the old way (every width from the full decode):
        # half a decibel is far below what anyone sees.
        old = psnr(opened(before[variant.mime]), ideal)
        new = psnr(image, ideal)
        assert new > old - 0.5, (variant.file, new, old)
        assert new > 30, variant.file


def test_variant_keys_change_with_the_encoding_style_and_the_webp_method(tmp_path, monkeypatch):
    """Variants cached by an older encoder are not served for the new one."""
    source = write(tmp_path / "rapat.jpg", photo_bytes(1, (900, 600)))
    settings = pipeline.VariantSettings()
    with monkeypatch.context() as patch:
        patch.setattr(pipeline, "VARIANTS_STYLE", "1")
        old = pipeline.ImageCache(tmp_path / "cache")
        old.source_image(source, settings)
        old.save()
        again = pipeline.ImageCache(tmp_path / "cache").lookup(source, settings)
        assert isinstance(again, pipeline.SourceImage)  # the old encoder's cache works...

    # ... but the new one encodes again.
    assert isinstance(
        pipeline.ImageCache(tmp_path / "cache").lookup(source, settings), pipeline.VariantJob
    )
    default, slow = settings.fingerprint(), pipeline.VariantSettings(webp_method=4).fingerprint()
    assert f"style={pipeline.VARIANTS_STYLE}" in default and default != slow


def test_encoding_in_a_worker_reports_problems_instead_of_raising(tmp_path):
    cache = pipeline.ImageCache(tmp_path / "cache")
    cache.files.mkdir(parents=True)
    settings = pipeline.VariantSettings()

    whole = photo_bytes(2, (900, 600))
    truncated = write(tmp_path / "rusak.jpg", whole[: len(whole) * 2 // 3])
    job = cache.lookup(truncated, settings)  # the header is fine: only decoding fails
    assert isinstance(job, pipeline.VariantJob)
    done = pipeline.encode_variants_into(cache.files, job)
    assert done.problem.startswith("image cannot be read (image file is truncated")
    assert done.suggestion == "save it again as JPEG or PNG" and done.variants == ()

    changed = write(tmp_path / "berubah.jpg", whole)
    job = cache.lookup(changed, settings)
    changed.write_bytes(photo_bytes(3, (900, 600)))
    done = pipeline.encode_variants_into(cache.files, job)
    assert done.problem == "image file changed while the site was being built"

    changed.write_bytes(whole)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    done = pipeline.encode_variants_into(blocked, job)
    assert done.problem.startswith("image variants cannot be written (NotADirectoryError")
    assert str(blocked) in done.suggestion

    done = pipeline.encode_variants_into(cache.files, job)
    assert not done.problem and done.process == os.getpid()
    image = cache.add_variants(done)
    assert [v.width for v in image.of_type("image/webp")] == [480, 800, 900]
    assert all(cache.path(v.file).is_file() for v in image.variants)
    assert cache.work.encoded_variants == 4  # WebP 480/800/900, one JPEG at 900


def test_an_invalid_webp_method_is_a_warning_and_the_default_is_used(caplog):
    assert plugin.webp_method({"IMAGES_WEBP_METHOD": 4}) == 4
    assert plugin.webp_method({}) == 2
    with caplog.at_level("WARNING"):
        assert plugin.webp_method({"IMAGES_WEBP_METHOD": 9}) == 2
    assert "IMAGES_WEBP_METHOD must be a whole number from 0 to 6: 9" in caplog.text


# -- a variant worker dying ------------------------------------------------------------


def test_a_variant_worker_that_dies_is_a_build_error_naming_each_article(
    tmp_path, monkeypatch, caplog
):
    """A worker killed mid-way sends nothing back: every photo of that round is
    an error at its article's Image: line, and the articles are kept."""
    real_encode = pipeline.encode_variants

    def encode_or_die(*args):
        if parallel.in_worker():
            os._exit(3)
        return real_encode(*args)

    monkeypatch.setattr(pipeline, "encode_variants", encode_or_die)
    content = tmp_path / "content"
    articles = []
    for number in range(4):
        write(content / "images" / f"foto-{number}.jpg", photo_bytes(number, (700, 500)))
        source = content / "berita" / f"artikel-{number}.md"
        write(
            source,
            article_text(image=f"images/foto-{number}.jpg", image_alt="Foto kegiatan").encode(),
        )
        articles.append(
            SimpleNamespace(
                source_path=str(source),
                metadata={"image": f"images/foto-{number}.jpg", "image-alt": "Foto kegiatan"},
                _content="<p>Teks.</p>",
            )
        )
    settings = {"CACHE_PATH": str(tmp_path / "cache"), "PATH": str(content), "IMAGES_WORKERS": 2}
    build = plugin.Build(settings)

    with caplog.at_level("ERROR"):
        plugin.prepare_images(articles, build)
        for article in articles:
            plugin.process_content(article, build)

    errors = sorted(r.getMessage() for r in caplog.records if r.levelname == "ERROR")
    assert len(errors) == 4, errors
    lines = Path(articles[0].source_path).read_text().splitlines()
    image_line = next(n for n, line in enumerate(lines, 1) if line.startswith("Image:"))
    for number, message in enumerate(errors):
        where = f"berita/artikel-{number}.md:{image_line}: "
        assert message.startswith(f"{where}image variants cannot be made"), message
        assert "(a worker failed: worker" in message and "ended without a result" in message
        assert f"'images/foto-{number}.jpg'" in message
    assert not any(hasattr(article, "image_html") for article in articles)
    assert build.copies == {} and build.cache.work.encoded_variants == 0


# -- real builds -------------------------------------------------------------------------

PLUGINS = ["images"]


def photo_site(root: Path) -> FixtureSite:
    """Fourteen photos: twelve articles (one with a 2600 px photo, one turned by
    its EXIF orientation, one with a second, transparent, photo in its body) and
    a page with a photo in its body."""
    site = FixtureSite(root)
    images = site.content / "images" / "2024"
    for number in range(12):
        name = f"foto-{number:02d}.jpg"
        size, orientation = (1200, 800), None
        if number == 9:
            size = (2600, 1700)
        if number == 10:
            size, orientation = (1000, 700), 6
        write(images / name, photo_bytes(number, size, orientation=orientation))
        body = f"PALEMBANG – Bawaslu Kota Palembang menggelar kegiatan ke-{number}."
        if number == 11:
            write(images / "logo.png", photo_bytes(40, (700, 500), fmt="PNG"))
            body += "\n\n![Logo panitia](/images/2024/logo.png)"
        site.article(
            f"artikel-{number:02d}.md",
            slug=f"artikel-{number:02d}",
            title=f"Bawaslu Kota Palembang Gelar Kegiatan Pengawasan ke-{number}",
            date=f"2024-11-{1 + number:02d} 09:30",
            image=f"images/2024/{name}",
            image_alt=f"Peserta kegiatan pengawasan ke-{number}",
            body=body,
        )
    write(images / "kantor.jpg", photo_bytes(50))
    site.page(
        "profil.md",
        """
        Title: Profil
        Slug: profil

        Kantor kami.

        ![Kantor Bawaslu](/images/2024/kantor.jpg)
        """,
    )
    return site


# Eleven 1200 px photos (ten articles', the page's) and the 2600 px one: WebP at
# 480, 800 and 1200 px and one JPEG at 1200; the turned photo is 700 px wide
# (WebP at 480 and 700, JPEG at 700), like the transparent PNG (WebP, one PNG).
VARIANTS = 12 * 4 + 3 + 3


def pictures(built) -> dict[str, list[tuple]]:
    """Page → what each of its <picture> elements shows: sources, sizes, alt."""
    found = {}
    pages = sorted(built.output.glob("berita/*/*/*/index.html"))
    pages.append(built.output / "profil" / "index.html")
    for page in pages:
        relative = page.parent.relative_to(built.output).as_posix() + "/"
        described = []
        for element in built.html(relative).select("picture"):
            webp, img = element.select_one("source[type='image/webp']"), element.find("img")
            described.append(
                (
                    webp["srcset"],
                    img.get("srcset"),
                    img["src"],
                    img["width"],
                    img["height"],
                    img["alt"],
                )
            )
        found[relative] = described
    return found


def variant_files(built) -> dict[str, bytes]:
    folder = built.output / "images" / "varian"
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def parallel_and_serial(tmp_path_factory):
    builds = {}
    for workers in (2, 1):
        root = tmp_path_factory.mktemp(f"variants-{workers}")
        built = photo_site(root).build(strict=True, PLUGINS=PLUGINS, IMAGES_WORKERS=workers)
        assert built.returncode == 0, built.log
        builds[workers] = (root, built)
    return builds


def test_variants_encoded_in_parallel_are_byte_identical_to_variants_encoded_serially(
    parallel_and_serial,
):
    (root2, parallel_build), (root1, serial_build) = parallel_and_serial[2], parallel_and_serial[1]
    assert last_build(root2)["variant_processes"] == 2, "the photos were not encoded in 2 processes"
    assert last_build(root1)["variant_processes"] == 1
    assert last_build(root2)["encoded_variants"] == last_build(root1)["encoded_variants"]
    assert last_build(root2)["encoded_variants"] == VARIANTS

    files = variant_files(parallel_build)
    assert len(files) == VARIANTS
    assert files == variant_files(serial_build)
    described = pictures(parallel_build)
    assert described == pictures(serial_build)
    assert len(described) == 13
    assert sum(len(found) for found in described.values()) == 14

    for page, found in described.items():
        for webp, fallback, src, width, height, alt in found:
            assert alt, page
            assert fallback is None, "one fallback file: no srcset on the <img>"
            for candidate in webp.split(", "):
                url, descriptor = candidate.split()
                image = opened(files[url.rsplit("/", 1)[1]])
                assert image.width == int(descriptor[:-1]), url
                assert strip.private_metadata(image) == [], url
            largest = opened(files[src.rsplit("/", 1)[1]])
            assert largest.size == (int(width), int(height)), src
            assert largest.format in ("JPEG", "PNG") and strip.private_metadata(largest) == []
    turned = described["berita/2024/11/artikel-10/"][0]
    assert (turned[3], turned[4]) == ("700", "1000")  # EXIF orientation 6: portrait
    large = described["berita/2024/11/artikel-09/"][0]
    assert (large[3], large[4]) == ("1200", "785")  # 1700 × 1200 / 2600, decoded reduced


def test_a_warm_build_encodes_nothing_and_publishes_the_same_files(parallel_and_serial):
    root, cold = parallel_and_serial[2]
    described, files = pictures(cold), variant_files(cold)
    cache = root / "cache" / "images" / "files"
    cached = {p.name: (p.stat().st_ino, p.read_bytes()) for p in cache.iterdir()}

    warm = photo_site(root).build(strict=True, PLUGINS=PLUGINS, IMAGES_WORKERS=2)
    assert warm.returncode == 0, warm.log
    work = last_build(root)
    assert (work["encoded_variants"], work["variant_processes"]) == (0, 0)
    assert work["reused"] >= 14
    assert {p.name: (p.stat().st_ino, p.read_bytes()) for p in cache.iterdir()} == cached
    assert pictures(warm) == described
    assert variant_files(warm) == files


def test_bad_photos_in_a_parallel_build_are_errors_at_their_lines(tmp_path):
    site = FixtureSite(tmp_path)
    images = site.content / "images"
    for number in range(4):
        write(images / f"baik-{number}.jpg", photo_bytes(number, (900, 600)))
        site.article(
            f"baik-{number}.md",
            slug=f"baik-{number}",
            title=f"Artikel Baik {number}",
            date=f"2024-11-0{1 + number} 09:30",
            image=f"images/baik-{number}.jpg",
            image_alt="Foto kegiatan",
        )
    # Over IMAGES_MAX_SOURCE_PIXELS, but small in bytes (flat colours).
    write(images / "besar.jpg", photo_bytes(10, (2600, 1700)))
    # Not an image at all: the first pass cannot read its header.
    write(images / "bukan.jpg", b"<html>bukan foto</html>")
    write(images / "kosong.jpg", b"")  # an upload that failed half-way
    # Cut short: the header reads fine, decoding fails in a worker.
    for number in (1, 2):
        whole = photo_bytes(10 + number, (900, 600))
        write(images / f"rusak-{number}.jpg", whole[: len(whole) // 2])
    site.article(
        "besar.md", slug="besar", image="images/besar.jpg", image_alt="Foto", title="Besar"
    )
    site.article(
        "bukan.md", slug="bukan", image="images/bukan.jpg", image_alt="Foto", title="Bukan"
    )
    site.article(
        "kosong.md", slug="kosong", image="images/kosong.jpg", image_alt="Foto", title="Kosong"
    )
    for number in (1, 2):
        site.article(
            f"rusak-{number}.md",
            slug=f"rusak-{number}",
            title=f"Rusak {number}",
            date=f"2024-10-0{number} 09:30",
            body=f"Teks.\n\n![Foto rusak](/images/rusak-{number}.jpg)",
        )

    built = site.build(PLUGINS=PLUGINS, IMAGES_WORKERS=2, IMAGES_MAX_SOURCE_PIXELS=3_000_000)
    assert built.returncode == 1, built.log
    assert "Traceback" not in built.log
    assert last_build(tmp_path)["variant_processes"] == 2

    def line_of(article: str, start: str) -> int:
        lines = (site.content / "berita" / article).read_text().splitlines()
        return next(n for n, line in enumerate(lines, 1) if line.startswith(start))

    errors = built.log_lines("error")
    expected = {
        "besar.md": ("Image:", "image source too large (2600×1700", "images/besar.jpg"),
        "bukan.md": (
            "Image:",
            "image cannot be read (not a photo Pillow can read: a web page (HTML))",
            "images/bukan.jpg",
        ),
        "kosong.md": ("Image:", "image file is empty (0 bytes)", "images/kosong.jpg"),
        "rusak-1.md": (
            "![",
            "image cannot be read (image file is truncated",
            "/images/rusak-1.jpg",
        ),
        "rusak-2.md": (
            "![",
            "image cannot be read (image file is truncated",
            "/images/rusak-2.jpg",
        ),
    }
    for article, (start, message, reference) in expected.items():
        where = f"berita/{article}:{line_of(article, start)}: "
        matching = [e for e in errors if e.startswith(where)]
        assert len(matching) == 1, (where, errors)
        assert matching[0].startswith(where + message), matching[0]
        assert f"'{reference}'" in matching[0]
    assert not [e for e in errors if e.startswith("berita/baik-")], errors

    for number in range(4):  # the good photos are published as before
        page = built.html(f"berita/2024/11/baik-{number}/")
        assert page.select_one(".article__figure picture img")["width"] == "900"
    pages = ["11/besar", "11/bukan", "11/kosong", "10/rusak-1", "10/rusak-2"]
    for page in pages:  # and no article is dropped
        assert built.html(f"berita/2024/{page}/").find("h1"), page


def test_two_photos_with_the_same_bytes_each_publish_under_their_own_name(tmp_path):
    """The cache keeps one set of variants per bytes, named after the file
    encoded first: the copy's page showed the first photo's name, and kept
    it after that release was withdrawn (a warm build unlike a clean one).
    Each page's variants are named after its own address."""
    from conftest import assert_same_tree, run_build

    site = FixtureSite(tmp_path / "site")
    images = site.content / "images" / "2024"
    data = photo_bytes(7)
    write(images / "posko-kawal.jpg", data)
    write(images / "rapat-rahasia-zqx.jpg", data)
    for slug, name, date in (
        ("posko", "posko-kawal", "2024-11-02 09:30"),
        ("rapat", "rapat-rahasia-zqx", "2024-11-01 09:30"),
    ):
        site.article(
            f"{slug}.md",
            slug=slug,
            date=date,
            image=f"images/2024/{name}.jpg",
            image_alt="Peserta rapat pengawasan",
        )
    first = site.build(publish=True, PLUGINS=PLUGINS)
    assert first.returncode == 0, first.log
    for slug in ("posko", "rapat"):
        page = first.html(f"berita/2024/11/{slug}/")
        shown = [page.select_one(".article__figure img")["src"]]
        shown += [s for tag in page.select("picture source") for s in tag["srcset"].split()]
        files = [u.rsplit("/", 1)[1] for u in shown if "/images/" in u]
        assert files and all(f.startswith(slug + "-") for f in files), (slug, files)

    rapat = site.content / "berita" / "rapat.md"
    rapat.write_text("Status: draft\n" + rapat.read_text(encoding="utf-8"), encoding="utf-8")
    warm = site.build(publish=True, PLUGINS=PLUGINS)
    assert warm.returncode == 0, warm.log
    assert [f for f in warm.files() if "varian/rapat-" in f] == []
    clean = run_build(
        site.content,
        tmp_path / "clean" / "output",
        settings_file=Path(__file__).parent.parent / "publishconf.py",
        overrides={"PLUGINS": PLUGINS},
    )
    assert clean.returncode == 0, clean.log
    assert_same_tree(site.output, clean.output)
