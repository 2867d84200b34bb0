"""The image pipeline's pure parts: metadata stripping, variants, cache, cards, markup."""

from __future__ import annotations

import io
import json
import logging
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from PIL import Image, ImageFont

from conftest import overwrite_keeping_times
from plugins.images import cards, markup, pipeline, plugin, strip
from warta import filestate as warta_filestate
from warta.imagetags import rewrite_images
from warta.paths import computer_file, referenced_file

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def photo(width=640, height=480, *, gps=True, orientation=None, fmt="JPEG", mode="RGB") -> bytes:
    """A phone-like photo: gradient pixels plus EXIF with a GPS position."""
    bands = [
        Image.linear_gradient("L").rotate(90).resize((width, height)),
        Image.linear_gradient("L").resize((width, height)),
        Image.new("L", (width, height), 120),
    ]
    if mode == "RGBA":
        bands.append(Image.new("L", (width, height), 200))
    image = Image.merge(mode, bands)
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    if gps:
        exif[GPS_IFD] = {1: "S", 2: (2.0, 59.0, 30.0), 3: "E", 4: (104.0, 45.0, 15.0)}
    if orientation:
        exif[ORIENTATION] = orientation
    buffer = io.BytesIO()
    extra = {"exif": exif.tobytes()}
    if fmt == "JPEG":
        extra["comment"] = b"taken at home"
    image.save(buffer, fmt, **extra)
    return buffer.getvalue()


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_fixture_photo_really_carries_gps():
    image = opened(photo())
    assert image.getexif().get_ifd(GPS_IFD), "the test photo must start with a location"
    assert strip.private_metadata(image)


def test_jpeg_is_stripped_without_touching_the_pixels():
    original = photo()
    clean = strip.strip_metadata(original, ".jpg")
    image = opened(clean)
    assert strip.private_metadata(image) == []
    assert not image.getexif().get_ifd(GPS_IFD)
    assert b"PhoneMaker" not in clean and b"taken at home" not in clean
    assert image.tobytes() == opened(original).tobytes()  # lossless: same decoded pixels


def test_rotated_jpeg_is_turned_for_real_before_its_exif_goes():
    clean = strip.strip_metadata(photo(640, 480, orientation=6), ".jpg")
    image = opened(clean)
    assert image.size == (480, 640)
    assert strip.private_metadata(image) == []


def test_to_srgb_copies_no_pixels_of_an_upright_photo():
    """Decoding a photo to check or encode it copies nothing more: an upright
    RGB photo is converted as it is (its metadata dropped), a turned one is
    turned, as before."""
    upright = opened(photo(64, 48, orientation=1))
    converted = strip.to_srgb(upright, "RGB")
    assert converted is upright
    assert converted.info == {} and converted.size == (64, 48)
    turned = opened(photo(64, 48, orientation=6))
    assert strip.to_srgb(turned, "RGB").size == (48, 64)
    assert strip.to_srgb(opened(photo(64, 48, mode="RGBA", fmt="PNG")), "RGB").mode == "RGB"


def test_png_text_and_exif_chunks_are_dropped_but_transparency_kept():
    buffer = io.BytesIO()
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Location", "Palembang")
    source = opened(photo(64, 48, fmt="PNG", mode="RGBA"))
    source.save(buffer, "PNG", pnginfo=info, exif=source.getexif().tobytes())
    clean = strip.strip_metadata(buffer.getvalue(), ".png")
    image = opened(clean)
    assert strip.private_metadata(image) == []
    assert b"Palembang" not in clean
    assert image.mode == "RGBA"


def test_webp_is_reencoded_without_metadata():
    clean = strip.strip_metadata(photo(fmt="WEBP"), ".webp")
    image = opened(clean)
    assert image.format == "WEBP"
    assert strip.private_metadata(image) == []


def test_broken_file_raises_strip_error():
    with pytest.raises(strip.StripError):
        strip.strip_metadata(b"not an image at all", ".jpg")


SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>'


@pytest.mark.parametrize(
    ("data", "reason", "suggestion"),
    [
        (SVG, "not a photo Pillow can read: an SVG drawing", "export it as PNG or JPEG"),
        (b"%PDF-1.7\n%%EOF", "not a photo Pillow can read: a PDF document", "export the page"),
        (
            b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic",
            "not a photo Pillow can read: an HEIC photo (as iPhones save them)",
            "export it as JPEG",
        ),
        (
            b"PK\x03\x04\x14\x00",
            "not a photo Pillow can read: a ZIP archive or an Office document",
            "export it as PNG or JPEG",
        ),
        (
            b"bukan foto sama sekali",
            "not a photo Pillow can read: no image format it knows",
            strip.UNREADABLE,
        ),
    ],
    ids=["svg", "pdf", "heic", "zip", "unknown"],
)
def test_a_file_pillow_cannot_read_is_said_to_be_what_it_is(tmp_path, data, reason, suggestion):
    """An SVG used as a photo was "image cannot be read (cannot identify image
    file <_io.BytesIO object at 0x7fd981d9b0b0>)" when Pelican ran without the
    build runner's scrubbing: a Python object, and no way out. Both the
    variants and the metadata stripping say what the file is, and what to do."""
    source = tmp_path / "peta.svg"
    source.write_bytes(data)
    with pytest.raises(pipeline.ImageProblem) as found:
        pipeline.ImageCache(tmp_path / "cache").lookup(source, pipeline.VariantSettings())
    assert found.value.message == f"image cannot be read ({reason})"
    assert found.value.suggestion.startswith(suggestion)
    with pytest.raises(strip.StripError) as stripped:
        strip.strip_metadata(data, ".png")
    assert (str(stripped.value), stripped.value.suggestion) == (reason, found.value.suggestion)


def test_pillows_own_words_keep_no_object_repr():
    broken = photo(300, 200)[:400]  # a header that reads, pixels cut short
    reason, suggestion = strip.unreadable_reason(broken, OSError("image file is truncated"))
    assert (reason, suggestion) == ("image file is truncated", strip.UNREADABLE)
    named = ValueError("cannot decode <_io.BytesIO object at 0x7fd981d9b0b0>")
    assert strip.unreadable_reason(b"", named)[0] == "cannot decode"


@pytest.mark.parametrize(
    ("source", "expected"),
    [(1600, [480, 800, 1200]), (1000, [480, 800, 1000]), (300, [300]), (800, [480, 800])],
)
def test_variant_widths_never_enlarge(source, expected):
    assert pipeline.target_widths(source, (480, 800, 1200)) == expected


def test_cache_encodes_once_and_reuses_afterwards(tmp_path):
    source = tmp_path / "Rapat Koordinasi.jpg"
    source.write_bytes(photo(1000, 600))
    settings = pipeline.VariantSettings()
    first = pipeline.ImageCache(tmp_path / "cache")
    image = first.source_image(source, settings)
    assert first.work.encoded_variants == 4  # 480, 800, 1000 × WebP + one JPEG at 1000
    assert [(v.width, v.mime) for v in image.fallback] == [(1000, "image/jpeg")]
    assert [v.width for v in image.of_type("image/webp")] == [480, 800, 1000]
    first.save()
    for variant in image.variants:
        encoded = opened(first.path(variant.file).read_bytes())
        assert encoded.size == (variant.width, variant.height)
        assert encoded.format == {"image/webp": "WEBP", "image/jpeg": "JPEG"}[variant.mime]
        assert strip.private_metadata(encoded) == []
        assert " " not in variant.file and "," not in variant.file

    second = pipeline.ImageCache(tmp_path / "cache")
    again = second.source_image(source, settings)
    assert second.work.total == 0 and second.work.reused == 1
    assert again.variants == image.variants

    changed = pipeline.ImageCache(tmp_path / "cache")
    changed.source_image(source, pipeline.VariantSettings(jpeg_quality=60))
    assert changed.work.encoded_variants == 4  # a setting is part of the key


def test_a_cached_variant_that_is_a_link_is_made_again_and_a_folder_is_an_error(tmp_path):
    """A hand edit put a link to a file outside where a variant is cached: it
    counts as missing, the variant is encoded again in its place, and what is
    published is that regular file, never the link. A folder there is no
    variant either: writing one is the error the build reports."""
    secret = tmp_path / "rahasia.txt"
    secret.write_text("kata sandi", encoding="utf-8")
    source = tmp_path / "rapat.jpg"
    source.write_bytes(photo(1000, 600))
    settings = pipeline.VariantSettings()
    first = pipeline.ImageCache(tmp_path / "cache")
    image = first.source_image(source, settings)
    first.save()
    replaced = first.path(image.variants[0].file)
    replaced.unlink()
    replaced.symlink_to(secret)

    second = pipeline.ImageCache(tmp_path / "cache")
    again = second.source_image(source, settings)
    assert second.work.reused == 0 and second.work.encoded_variants == 4
    assert not replaced.is_symlink() and replaced.is_file()
    published = tmp_path / "output" / "images" / "varian" / replaced.name
    second.publish(again.variants[0].file, published)
    assert not published.is_symlink()
    variant = again.variants[0]
    assert opened(published.read_bytes()).size == (variant.width, variant.height)
    assert secret.read_text(encoding="utf-8") == "kata sandi"

    replaced.unlink()
    replaced.mkdir()
    with pytest.raises(pipeline.ImageProblem, match="IsADirectoryError"):
        pipeline.ImageCache(tmp_path / "cache").source_image(source, settings)


def test_a_cached_file_that_became_a_link_is_not_published(tmp_path, caplog):
    """Replaced between the look-up and the publishing: an error names it and
    the output holds nothing at that path; the link is gone from the cache, and
    a folder there is not published either."""
    secret = tmp_path / "rahasia.txt"
    secret.write_text("kata sandi", encoding="utf-8")
    cache = pipeline.ImageCache(tmp_path / "cache")
    cache._store("card-x.png", b"cached card")
    cache.path("card-x.png").unlink()
    cache.path("card-x.png").symlink_to(secret)
    target = tmp_path / "output" / "berita" / "og.png"
    with caplog.at_level("ERROR"):
        cache.publish("card-x.png", target)
    assert not target.exists() and not target.is_symlink()
    assert not cache.path("card-x.png").is_symlink()
    (finding,) = [r.warta_finding for r in caplog.records if hasattr(r, "warta_finding")]
    assert (finding.path, finding.level) == (str(cache.path("card-x.png")), "error")
    assert (cache.work.linked, cache.work.copied) == (0, 0)
    cache.path("card-x.png").mkdir()
    cache.publish("card-x.png", target)
    assert not target.exists() and (cache.work.linked, cache.work.copied) == (0, 0)


def _cards_in_cache(folder, count: int) -> list[str]:
    """A cache at `folder` with `count` cached cards (inputs "judul-0", …), saved."""
    cache = pipeline.ImageCache(folder)
    for number in range(count):
        key = pipeline.card_key(f"judul-{number}")
        cache._store(pipeline.card_file(key), f"kartu {number}".encode())
        cache.cards[key] = pipeline.card_file(key)
        cache._used.add(key)
    cache.save()
    return [f"judul-{number}" for number in range(count)]


def test_a_warm_build_finds_and_publishes_its_cards_from_one_listing_of_the_cache(
    tmp_path, monkeypatch
):
    """Every card found in the cache and linked into the output already (a
    warm build: the output keeps the last build's cards) is answered from one
    listing of the cache's files: no `lstat` of a cached file, where there were
    two a card (found, then published) for 10,000 cards."""
    inputs = _cards_in_cache(tmp_path / "cache", 5)
    first = pipeline.ImageCache(tmp_path / "cache")
    output = tmp_path / "output"
    for number, text in enumerate(inputs):
        _key, file = first.cached_card(text)
        (output / f"rilis-{number}").mkdir(parents=True)
        first.publish(file, output / f"rilis-{number}" / "og.png")
    assert first.work.linked == 5

    files = str(tmp_path / "cache" / "files")
    looked = []
    real_lstat = pipeline.os.lstat

    def counted(path, *args, **kwargs):
        if str(path).startswith(files):
            looked.append(str(path))
        return real_lstat(path, *args, **kwargs)

    monkeypatch.setattr(pipeline.os, "lstat", counted)
    second = pipeline.ImageCache(tmp_path / "cache")
    for number, text in enumerate(inputs):
        _key, file = second.cached_card(text)
        assert file is not None
        second.publish(file, output / f"rilis-{number}" / "og.png")
    assert looked == []
    assert (second.work.reused, second.work.linked, second.work.copied) == (5, 5, 0)
    for number in range(5):
        published = output / f"rilis-{number}" / "og.png"
        assert not published.is_symlink() and published.read_bytes() == f"kartu {number}".encode()


def test_a_listed_card_that_became_a_link_is_not_published_at_a_new_address(tmp_path, caplog):
    """The cache's listing is taken when the card is found; the card is then
    replaced by a link to another file before it is published at an address
    where nothing is yet (a new release): the file is looked at again, not
    taken from the listing, so no link is published and an error names it."""
    secret = tmp_path / "rahasia.txt"
    secret.write_text("kata sandi", encoding="utf-8")
    (text,) = _cards_in_cache(tmp_path / "cache", 1)
    cache = pipeline.ImageCache(tmp_path / "cache")
    _key, file = cache.cached_card(text)
    assert file is not None and cache.work.reused == 1
    cache.path(file).unlink()
    cache.path(file).symlink_to(secret)
    target = tmp_path / "output" / "berita" / "baru" / "og.png"
    target.parent.mkdir(parents=True)
    with caplog.at_level("ERROR"):
        cache.publish(file, target)
    assert not target.exists() and not target.is_symlink()
    (finding,) = [r.warta_finding for r in caplog.records if hasattr(r, "warta_finding")]
    assert (finding.path, finding.level) == (str(cache.path(file)), "error")
    assert secret.read_text(encoding="utf-8") == "kata sandi"


def test_a_card_written_again_after_the_listing_is_published_as_the_new_file(tmp_path):
    """A card the cache writes again after its listing (drawn again, another
    inode) is not taken for the output's old link: the output gets the new file."""
    (text,) = _cards_in_cache(tmp_path / "cache", 1)
    first = pipeline.ImageCache(tmp_path / "cache")
    _key, file = first.cached_card(text)
    target = tmp_path / "output" / "og.png"
    target.parent.mkdir()
    first.publish(file, target)
    second = pipeline.ImageCache(tmp_path / "cache")
    assert second.cached_card(text)[1] == file  # (the listing is taken)
    second._store(file, b"kartu baru")
    second.publish(file, target)
    assert target.read_bytes() == b"kartu baru"
    assert target.stat().st_ino == second.path(file).stat().st_ino


def _settled(path) -> None:
    """Date the file's last change three seconds back, as a photo written before
    the build (its status change time follows the clock: wait for it)."""
    import os
    import time

    earlier = time.time_ns() - 3_000_000_000
    os.utime(path, ns=(earlier, earlier))
    time.sleep((warta_filestate.SETTLED_NS + 200_000_000) / 1e9)


def looked_up_once(tmp_path, *, settled: bool = True):
    """A 1000x600 photo at tmp_path/rapat.jpg (settled, unless told) looked up
    once by an image cache in tmp_path/cache, which is saved: (the photo's
    path, the variant settings, its image)."""
    source = tmp_path / "rapat.jpg"
    source.write_bytes(photo(1000, 600))
    if settled:
        _settled(source)
    settings = pipeline.VariantSettings()
    first = pipeline.ImageCache(tmp_path / "cache")
    image = first.source_image(source, settings)
    first.save()
    return source, settings, image


def reads_of_sources(monkeypatch) -> list:
    """The photos the image cache reads from now on, in order (still read)."""
    read = []
    real = pipeline.ImageCache._read_source
    monkeypatch.setattr(
        pipeline.ImageCache, "_read_source", staticmethod(lambda p: read.append(p) or real(p))
    )
    return read


def test_a_settled_photo_is_not_read_again_while_its_stat_holds(tmp_path, monkeypatch):
    """The second look-up of an unchanged photo takes its digest from the
    manifest (its device, inode, size and both times): the file is not read."""
    source, settings, image = looked_up_once(tmp_path)
    read = reads_of_sources(monkeypatch)
    second = pipeline.ImageCache(tmp_path / "cache")
    assert second.source_image(source, settings).variants == image.variants
    assert read == [] and second.work.reused == 1
    second.save()
    third = pipeline.ImageCache(tmp_path / "cache")  # (kept by the build that used it)
    assert third.source_image(source, settings).variants == image.variants and read == []


def test_a_photo_replaced_with_its_size_and_time_kept_is_read_and_encoded_again(tmp_path):
    """Other bytes of the same size written over a photo, its modification time
    set back as it was (`touch -d`, a copy keeping times): the status change
    time tells, and the new photo's variants are made."""
    source, settings, image = looked_up_once(tmp_path)
    other = photo(1000, 600, gps=False)
    other += b"\0" * (source.stat().st_size - len(other))
    overwrite_keeping_times(source, other)
    second = pipeline.ImageCache(tmp_path / "cache")
    again = second.source_image(source, settings)
    assert second.work.encoded_variants == 4 and second.work.reused == 0
    assert {v.file for v in again.variants}.isdisjoint({v.file for v in image.variants})


def test_a_photo_read_as_it_was_written_is_read_again_next_time(tmp_path, monkeypatch):
    """A photo that changed within the settling time of its look-up is not
    known by its stat (a change in the same tick could keep it): read again."""
    source, settings, _ = looked_up_once(tmp_path, settled=False)
    read = reads_of_sources(monkeypatch)
    second = pipeline.ImageCache(tmp_path / "cache")
    second.source_image(source, settings)
    assert read == [source] and second.work.reused == 1


def test_transparent_source_falls_back_to_png(tmp_path):
    source = tmp_path / "logo.png"
    source.write_bytes(photo(500, 200, fmt="PNG", mode="RGBA"))
    image = pipeline.ImageCache(tmp_path / "cache").source_image(source, pipeline.VariantSettings())
    assert [(v.width, v.mime) for v in image.fallback] == [(500, "image/png")]


def test_oversized_and_missing_sources_are_problems(tmp_path):
    source = tmp_path / "besar.jpg"
    source.write_bytes(photo(900, 700))
    cache = pipeline.ImageCache(tmp_path / "cache")
    with pytest.raises(pipeline.ImageProblem, match="IMAGES_MAX_SOURCE_BYTES"):
        cache.source_image(source, pipeline.VariantSettings(max_source_bytes=1000))
    with pytest.raises(pipeline.ImageProblem, match="IMAGES_MAX_SOURCE_PIXELS"):
        cache.source_image(source, pipeline.VariantSettings(max_source_pixels=600_000))
    with pytest.raises(pipeline.ImageProblem, match="not found"):
        cache.source_image(tmp_path / "hilang.jpg", pipeline.VariantSettings())
    assert cache.work.total == 0


def test_picture_markup_has_webp_source_fallback_and_dimensions(tmp_path):
    source = tmp_path / "a.jpg"
    source.write_bytes(photo(1000, 600))
    image = pipeline.ImageCache(tmp_path / "cache").source_image(source, pipeline.VariantSettings())
    html = markup.picture(image, 'Rapat "koordinasi"', lambda f: f"/v/{f}", "100vw", featured=True)
    soup = BeautifulSoup(html, "html.parser")
    webp = soup.select_one("picture > source[type='image/webp']")
    img = soup.select_one("picture > img")
    assert [c.split()[1] for c in webp["srcset"].split(", ")] == ["480w", "800w", "1000w"]
    # One fallback file, the largest: no srcset of JPEGs to choose from.
    (fallback,) = image.fallback
    assert img["src"] == f"/v/{fallback.file}" and fallback.width == 1000
    assert not img.has_attr("srcset") and not img.has_attr("sizes")
    assert img["alt"] == 'Rapat "koordinasi"'
    assert (img["width"], img["height"]) == ("1000", "600")
    assert img["loading"] == "eager" and img["fetchpriority"] == "high"
    lazy = BeautifulSoup(markup.picture(image, "x", str, "100vw"), "html.parser").img
    assert lazy["loading"] == "lazy" and lazy["decoding"] == "async"


def test_rewrite_leaves_existing_pictures_and_keeps_other_attributes():
    html = (
        '<p><img src="a.jpg" alt="A" class="wide"></p>'
        '<picture><source srcset="b.webp"><img src="b.jpg" alt="B"></picture>'
    )
    seen = []

    def replace(index, attributes):
        seen.append((index, dict(attributes)))
        return "<X>"

    assert rewrite_images(html, replace) == (
        '<p><X></p><picture><source srcset="b.webp"><img src="b.jpg" alt="B"></picture>'
    )
    assert seen == [(0, {"src": "a.jpg", "alt": "A", "class": "wide"})]


def test_content_paths(tmp_path):
    root = tmp_path / "content"
    (root / "images").mkdir(parents=True)
    (root / "berita" / "2024").mkdir(parents=True)
    (root / "images" / "a.jpg").write_bytes(b"x")
    article_dir = root / "berita" / "2024"
    expected = (root / "images" / "a.jpg").resolve()
    references = ("{static}/images/a.jpg", "/images/a.jpg", "images/a.jpg", "../../images/a.jpg")
    for reference in references:
        assert referenced_file(reference, root, article_dir) == expected, reference
    externals = ("https://example.org/a.jpg", "//cdn.example.org/a.jpg", "data:image/png;base64,")
    for external in externals:
        assert referenced_file(external, root, article_dir) is None


def test_a_path_on_the_writers_own_computer_is_told_from_a_site_path(tmp_path):
    root = tmp_path / "content"
    (root / "media").mkdir(parents=True)  # a folder of the site named like a computer's
    computer = {
        "/home/humas/Foto/rapat.jpg": "rapat.jpg",
        "/Users/humas/Desktop/apel%20siaga.jpg": "apel siaga.jpg",
        "/storage/emulated/0/DCIM/IMG_0001.jpg": "IMG_0001.jpg",
        r"C:\Users\humas\Pictures\sortir.jpg": "sortir.jpg",
        "D:/Foto/patroli.JPG": "patroli.JPG",
        r"\\server\humas\foto.png": "foto.png",
        "file:///home/humas/foto.jpg": "foto.jpg",
        "FILE:///C:/Users/humas/foto.jpg": "foto.jpg",
        "~/Foto/rapat.jpg": "rapat.jpg",
    }
    for reference, name in computer.items():
        assert computer_file(reference, root) == name, reference
    site = ("/images/2024/a.jpg", "images/a.jpg", "{static}/images/a.jpg", "/media/2024/a.jpg")
    for reference in (*site, "https://example.org/a.jpg", "//cdn.example.org/a.jpg", ""):
        assert computer_file(reference, root) is None, reference


def test_office_name_from_the_press_team_or_the_publisher():
    publisher = "Bawaslu Provinsi Sumatera Selatan"
    palembang = "Bawaslu Kota Palembang"
    assert cards.office_name([f"Humas {palembang}"], publisher) == palembang
    assert cards.office_name(["Bawaslu Kabupaten Lahat"], publisher) == "Bawaslu Kabupaten Lahat"
    assert cards.office_name(["Rina Marlina"], publisher) == publisher
    assert cards.office_name([], publisher) == publisher


def test_card_is_1200_by_630_and_long_titles_fit():
    text = cards.CardText(
        title="Bawaslu Kota Palembang – “Awasi” " + "pengawasan tahapan " * 20,
        office="Bawaslu Kota Palembang",
        date="Minggu, 17 November 2024",
        region="Kota Palembang",
        site_name="Warta Bawaslu Sumatera Selatan",
    )
    image = opened(cards.draw_card(text))
    assert image.size == (1200, 630) and image.format == "PNG"
    assert strip.private_metadata(image) == []


@pytest.mark.parametrize("weight", ["bold", "regular"])
def test_card_font_has_the_glyphs_of_indonesian_headlines(weight):
    face = ImageFont.truetype(str(cards.FONT_FILES[weight]), 40)
    missing = bytes(face.getmask("\U000f0000"))  # a private-use code point: the .notdef box
    for char in "AZaz09–—“”‘’…·éÉ%/":
        assert bytes(face.getmask(char)) != missing, char


@pytest.mark.parametrize(
    "manifest",
    [
        [1, 2],
        "x",
        {"code_version": pipeline.CODE_VERSION, "sources": [1], "cards": "x", "stripped": 3},
        {
            "code_version": pipeline.CODE_VERSION,
            "sources": {
                "a": {"width": 10, "height": 10, "variants": [1]},
                "b": {"width": "10", "height": 10, "variants": []},
                "c": {"width": 10, "height": 10, "variants": [{"file": "../x", "width": 1}]},
                "d": {
                    "width": 10,
                    "height": 10,
                    "variants": [{"file": "../../x.webp", "width": 1, "height": 1, "mime": "m"}],
                },
            },
            "cards": {"k": ["og.png"], "l": "../og.png", "m": ""},
            "stripped": {"s": 5, "t": "/etc/passwd"},
        },
    ],
)
def test_an_image_cache_manifest_of_another_shape_is_an_empty_cache(tmp_path, manifest):
    """Valid JSON of another shape (a hand edit, another tool) stopped the build
    with an AttributeError; each entry of the wrong shape is now left out."""
    (tmp_path / pipeline.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    cache = pipeline.ImageCache(tmp_path)
    assert (cache.sources, cache.cards, cache.stripped) == ({}, {}, {})


def test_an_image_cache_manifest_keeps_its_entries_of_the_right_shape(tmp_path):
    variant = {"file": "v-1.webp", "width": 480, "height": 320, "mime": "image/webp"}
    manifest = {
        "code_version": pipeline.CODE_VERSION,
        "sources": {"a": {"width": 960, "height": 640, "variants": [variant]}, "b": 1},
        "cards": {"k": "card-1.png", "l": 2},
        "stripped": {"s": "", "t": "clean-1.jpg", "u": None},
    }
    (tmp_path / pipeline.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    cache = pipeline.ImageCache(tmp_path)
    assert list(cache.sources) == ["a"]
    assert cache.cards == {"k": "card-1.png"}
    assert cache.stripped == {"s": "", "t": "clean-1.jpg"}


def test_a_manifest_that_cannot_be_saved_is_one_warning_naming_it(tmp_path):
    """A folder put where the manifest goes while the build ran (the build's
    start checks it, `ImageCache.in_the_way`): saving stopped the build with
    IsADirectoryError, naming a temporary `manifest.part`."""
    source = tmp_path / "rapat.jpg"
    source.write_bytes(photo(1000, 600))
    cache = pipeline.ImageCache(tmp_path / "cache")
    assert pipeline.ImageCache.in_the_way(tmp_path / "cache") is None
    cache.source_image(source, pipeline.VariantSettings())
    cache.manifest_path.mkdir(parents=True)
    said = []
    handler = logging.Handler()
    handler.emit = lambda record: said.append(record.warta_finding)
    logging.getLogger("warta.paths").addHandler(handler)
    try:
        cache.save()
    finally:
        logging.getLogger("warta.paths").removeHandler(handler)
    assert [(f.path, f.level) for f in said] == [(str(cache.manifest_path), "warning")]
    assert pipeline.ImageCache.in_the_way(tmp_path / "cache") == cache.manifest_path
    assert sorted(p.name for p in cache.folder.iterdir()) == ["files", "manifest.json"]


def test_has_img_tag_finds_img_in_any_case_as_lowering_the_body_does():
    """One test of `<img` in any case, for the images plugin and sanitize alike."""
    from warta.imagetags import has_img_tag

    for html in ("<p>Teks.</p>", "<IMG src=x>", "a<iMg", "<\u0131mg>", "<\u0130mg>", "<im g", ""):
        assert has_img_tag(html) == ("<img" in html.lower()), html


def test_a_content_without_a_photo_is_not_looked_at_further(monkeypatch, tmp_path):
    """Most releases have no featured image and no <img>: nothing of them is
    read or worked out (their path, their lines) when the photos are made."""

    def no_look(*_):
        raise AssertionError("nothing to look up")

    monkeypatch.setattr(plugin, "relative_source", no_look)
    monkeypatch.setattr(plugin, "SourceLines", no_look)
    content = SimpleNamespace(
        source_path=str(tmp_path / "x.md"), metadata={"image": " "}, _content="<p>Teks.</p>"
    )
    build = plugin.Build({"CACHE_PATH": str(tmp_path / "cache"), "PATH": str(tmp_path)})
    plugin.process_content(content, build)
    assert content._content == "<p>Teks.</p>"


def test_a_release_naming_no_file_makes_no_path(tmp_path):
    """The files a release uses are looked up from its folder: a release that
    names none (no photo, no link to a file: most) makes no path at all."""
    build = plugin.Build({"CACHE_PATH": str(tmp_path / "cache"), "PATH": str(tmp_path)})
    content = SimpleNamespace(source_path=None, metadata={}, _content="<p>Teks.</p>")
    assert plugin.local_images(content, build) == []
    assert plugin.shown_files(content, build, []) == set()
    assert plugin.used_files(content, build, ["#catatan"]) == set()


def test_a_bodys_references_are_found_from_their_values_as_a_scan_of_every_word_finds_them():
    """`markup.references` finds each src/href/poster/data value from its "="
    back to its name (a scan of every word cost 80 µs a release with a
    link): the same matches as `_REFERENCE.finditer` on hostile text (a name
    glued to a word, in capitals, `ſrc` as the case-blind pattern reads it,
    white space around "=", a quote left open, an "=" inside a value)."""
    import random

    def spans(matches):
        return [(m.span(), m.groupdict()) for m in matches]

    pieces = [
        "src",
        "SRC",
        "ſrc",
        "href",
        "poster",
        "data",
        "=",
        " ",
        "\t",
        '"',
        "'",
        "x",
        "-",
        "é",
        "<img ",
        ">",
        "a.jpg",
        "\n",
        "da",
        "ta",
        'src="',
        "href='",
    ]
    rng = random.Random(1)
    texts = [
        '<img src="a.jpg"> <a HREF = \'b.pdf?x="1"\'>b</a> xsrc="no" <video poster="c.jpg">',
        *("".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))) for _ in range(20000)),
    ]
    found = 0
    for text in texts:
        expected = spans(markup._REFERENCE.finditer(text))
        assert spans(markup._references(text)) == expected, text
        found += bool(expected)
    assert found > 1000  # (the texts hold references to find)
    assert markup.references(texts[0]) == ["a.jpg", 'b.pdf?x="1"', "c.jpg"]


def test_a_photo_is_resolved_once_a_pass_and_again_in_the_next(monkeypatch, tmp_path):
    """Within one pass over the contents (`enrich`) a featured photo named
    by a release is looked up by `local_images` and again when its <picture>
    is made: its path is resolved (a containment walk) once, the same answer
    both times. Outside a pass, and in the next one, it is resolved again:
    a photo replaced by a link out of content/ meanwhile is refused."""
    photo = tmp_path / "images" / "2024" / "foto.jpg"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(b"jpeg")
    build = plugin.Build({"CACHE_PATH": str(tmp_path / "cache"), "PATH": str(tmp_path)})
    resolved = []

    def counting(*args):
        resolved.append(args[0])
        return referenced_file(*args)

    monkeypatch.setattr(plugin, "referenced_file", counting)
    folder = tmp_path / "berita"
    build.files_found = {}  # (as `enrich` does)
    first = build.file_of("{static}/images/2024/foto.jpg", folder)
    assert first == build.file_of("{static}/images/2024/foto.jpg", folder) == photo
    assert len(resolved) == 1
    build.files_found = None
    outside = tmp_path.parent / f"{tmp_path.name}-luar.jpg"
    outside.write_bytes(b"jpeg")
    photo.unlink()
    photo.symlink_to(outside)
    assert not isinstance(build.file_of("{static}/images/2024/foto.jpg", folder), type(photo))
    assert len(resolved) == 2
