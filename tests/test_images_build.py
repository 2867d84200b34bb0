"""The images plugin in real builds of small fixture sites: responsive variants,
social cards, metadata stripped from every published file, errors, caching."""

from __future__ import annotations

import io
import json
import textwrap
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PIL import Image

from conftest import FixtureSite, article_text, build_with_outside_plugin, line_of

GPS_IFD = 0x8825
PLUGINS = ["images"]
SITE = "https://warta-sumsel.example.org"


def phone_photo(path: Path, width=1600, height=1000) -> Path:
    """A JPEG as phones write them: EXIF with the camera and a GPS position."""
    bands = [
        Image.linear_gradient("L").rotate(90).resize((width, height)),
        Image.linear_gradient("L").resize((width, height)),
        Image.new("L", (width, height), 90),
    ]
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[GPS_IFD] = {1: "S", 2: (2.0, 59.0, 30.0), 3: "E", 4: (104.0, 45.0, 15.0)}
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.merge("RGB", bands).save(path, "JPEG", exif=exif.tobytes())
    return path


def read_image(path: Path) -> Image.Image:
    image = Image.open(io.BytesIO(path.read_bytes()))
    image.load()
    return image


def assert_no_private_metadata(path: Path) -> None:
    image = read_image(path)
    assert not image.getexif(), f"{path.name} still has EXIF"
    assert not image.getexif().get_ifd(GPS_IFD), f"{path.name} still has GPS"
    for key in ("exif", "xmp", "icc_profile", "comment", "XML:com.adobe.xmp"):
        assert not image.info.get(key), f"{path.name} still has {key}"


def parse_srcset(value: str) -> list[tuple[str, int]]:
    candidates = []
    for candidate in value.split(","):
        url, descriptor = candidate.split()
        assert descriptor.endswith("w"), candidate
        candidates.append((url, int(descriptor[:-1])))
    return candidates


def file_for(built, url: str) -> Path:
    assert url.startswith("/"), url
    return built.output / url.lstrip("/")


def illustrated_site(site):
    phone_photo(site.content / "images" / "2024" / "rapat.jpg")
    phone_photo(site.content / "images" / "2024" / "peserta.jpg", 900, 600)
    # Offered as a download (a link, not an <img>): its original is published.
    phone_photo(site.content / "images" / "2024" / "unduh.jpg", 700, 500)
    site.article(
        "rapat.md",
        slug="rapat-koordinasi",
        image="images/2024/rapat.jpg",
        image_alt="Peserta rapat koordinasi duduk mengelilingi meja",
        image_caption="Rapat koordinasi di kantor Bawaslu Kota Palembang.",
        body="""
            PALEMBANG – Bawaslu Kota Palembang menggelar rapat koordinasi pengawasan.

            ![Peserta menyimak paparan](/images/2024/peserta.jpg)

            [Unduh foto resolusi penuh]({static}/images/2024/unduh.jpg)
            """,
    )
    return site


@pytest.fixture(scope="module")
def illustrated(tmp_path_factory):
    """One build shared by the read-only tests below (strict: no warning either)."""
    site = illustrated_site(FixtureSite(tmp_path_factory.mktemp("illustrated")))
    built = site.build(strict=True, PLUGINS=PLUGINS)
    assert built.returncode == 0, built.log
    return site, built


def test_featured_and_body_images_become_responsive_pictures(illustrated):
    _, built = illustrated
    page = built.html("berita/2024/11/rapat-koordinasi/")

    featured = page.select_one(".article__figure picture")
    assert featured is not None, "the featured image is not a <picture>"
    body = page.select_one(".article__body picture")
    assert body is not None, "the body image is not a <picture>"

    for picture, source_width in ((featured, 1600), (body, 900)):
        webp = picture.select_one("source[type='image/webp']")
        img = picture.find("img")
        webp_candidates = parse_srcset(webp["srcset"])
        expected = sorted(
            {w for w in (480, 800, 1200) if w < source_width} | {min(source_width, 1200)}
        )
        assert [w for _, w in webp_candidates] == expected
        assert webp["sizes"]
        for url, width in webp_candidates:
            real = read_image(file_for(built, url))
            assert (real.width, real.format) == (width, "WEBP"), url
        # One JPEG fallback, at the largest width, for browsers without WebP.
        assert not img.has_attr("srcset")
        largest = read_image(file_for(built, img["src"]))
        assert (largest.width, largest.format) == (expected[-1], "JPEG")
        assert (int(img["width"]), int(img["height"])) == largest.size
        assert img["alt"]

    assert featured.img["alt"] == "Peserta rapat koordinasi duduk mengelilingi meja"
    assert featured.img["loading"] == "eager" and featured.img["fetchpriority"] == "high"
    assert body.img["alt"] == "Peserta menyimak paparan"
    assert body.img["loading"] == "lazy" and body.img["decoding"] == "async"


def test_every_published_image_is_stripped_including_the_static_originals(illustrated):
    site, built = illustrated
    download = built.output / "images" / "2024" / "unduh.jpg"
    assert download.is_file(), "a photo linked as a file is published as it is"
    # the source in content/ keeps its EXIF: only the published copy is cleaned
    assert read_image(site.content / "images" / "2024" / "unduh.jpg").getexif()
    images = [
        p for p in built.output.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp")
    ]
    # the download, WebP 480/800/1200 + JPEG 1200 and WebP 480/800/900 + JPEG 900, one card
    assert len(images) == 1 + 4 + 4 + 1, sorted(p.name for p in images)
    for path in images:
        assert_no_private_metadata(path)


def test_originals_shown_only_through_variants_are_neither_published_nor_named(illustrated):
    _, built = illustrated
    for name in ("rapat.jpg", "peserta.jpg"):
        assert not (built.output / "images" / "2024" / name).exists(), name
    page = built.html("berita/2024/11/rapat-koordinasi/")
    named = [
        value
        for tag in page.find_all(True)
        for attribute in ("src", "srcset", "href", "content")
        for value in [tag.get(attribute)]
        if value
    ]
    (ld,) = [
        json.loads(s.string)
        for s in page.find_all("script", type="application/ld+json")
        if json.loads(s.string).get("@type") == "NewsArticle"
    ]
    named += ld["image"]
    assert not [v for v in named if "rapat.jpg" in v or "peserta.jpg" in v], named
    # The JSON-LD names the featured photo's largest JPEG variant, a published
    # file, and then the social card.
    image, card = ld["image"]
    assert card.endswith("/berita/2024/11/rapat-koordinasi/og.png"), card
    assert image == page.select_one(".article__figure picture img")["src"]
    published = read_image(file_for(built, image))
    assert (published.width, published.format) == (1200, "JPEG")
    download = page.select_one(".article__body a[href$='unduh.jpg']")
    assert file_for(built, download["href"]).is_file()


def test_social_card_is_1200_by_630_and_used_by_opengraph_and_twitter(illustrated):
    _, built = illustrated
    page = built.html("berita/2024/11/rapat-koordinasi/")
    og_image = page.find("meta", property="og:image")["content"]
    assert og_image == "/berita/2024/11/rapat-koordinasi/og.png"
    assert page.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
    card = read_image(file_for(built, og_image))
    assert card.size == (1200, 630) and card.format == "PNG"


def test_feed_items_describe_the_featured_image_and_card(site):
    built = illustrated_site(site).build(PLUGINS=["json_feed", *PLUGINS])
    assert built.returncode == 0, built.log
    extension = built.json("feed.json")["items"][0]["_warta"]
    assert extension["social_card"] == "berita/2024/11/rapat-koordinasi/og.png"
    image = extension["image"]
    assert image["alt"] == "Peserta rapat koordinasi duduk mengelilingi meja"
    assert read_image(built.output / image["src"]).size == (image["width"], image["height"])
    thumbnail = read_image(built.output / image["thumbnail"])
    assert (thumbnail.width, thumbnail.format) == (480, "WEBP")
    assert (image["thumbnail_width"], image["thumbnail_height"]) == thumbnail.size
    # The item's image is the featured photo's largest JPEG variant, not the original.
    item_image = built.json("feed.json")["items"][0]["image"]
    assert item_image == "/" + image["src"] or item_image.endswith("/" + image["src"])
    assert read_image(built.output / image["src"]).format == "JPEG"


def test_second_build_does_no_image_work(site):
    illustrated_site(site)
    first = site.build(PLUGINS=PLUGINS)
    assert first.returncode == 0, first.log
    manifest_path = site.root / "cache" / "images" / "manifest.json"
    work = json.loads(manifest_path.read_text())["last_build"]
    assert work["encoded_variants"] == 8 and work["drawn_cards"] == 1
    assert work["stripped_files"] >= 1  # the downloadable original
    variants_before = sorted(p.name for p in (first.output / "images" / "varian").iterdir())

    second = site.build(PLUGINS=PLUGINS)
    assert second.returncode == 0, second.log
    work = json.loads(manifest_path.read_text())["last_build"]
    assert (work["encoded_variants"], work["drawn_cards"], work["stripped_files"]) == (0, 0, 0)
    assert work["reused"] > 0
    # DELETE_OUTPUT_DIRECTORY wiped the output: the cached files came back.
    variants_after = sorted(p.name for p in (second.output / "images" / "varian").iterdir())
    assert variants_after == variants_before
    assert (second.output / "berita/2024/11/rapat-koordinasi/og.png").is_file()
    assert_no_private_metadata(second.output / "images" / "2024" / "unduh.jpg")

    # Changing a photo re-encodes that photo only.
    phone_photo(site.content / "images" / "2024" / "peserta.jpg", 700, 500)
    third = site.build(PLUGINS=PLUGINS)
    assert third.returncode == 0, third.log
    work = json.loads(manifest_path.read_text())["last_build"]
    assert work["encoded_variants"] == 3  # WebP at 480 and 700 px, JPEG at 700
    assert work["drawn_cards"] == 0


def test_missing_alt_missing_file_and_oversized_source_are_errors(site):
    phone_photo(site.content / "images" / "tanpa-alt.jpg", 600, 400)
    phone_photo(site.content / "images" / "raksasa.jpg", 2400, 1600)
    site.article("a.md", slug="tanpa-alt", title="Artikel A", image="images/tanpa-alt.jpg")
    site.article(
        "b.md",
        slug="hilang",
        title="Artikel B",
        body="Teks.\n\n![Foto kegiatan](/images/hilang.jpg)",
    )
    site.article(
        "c.md",
        slug="raksasa",
        title="Artikel C",
        image="images/raksasa.jpg",
        image_alt="Foto besar",
    )
    built = site.build(PLUGINS=PLUGINS, IMAGES_MAX_SOURCE_PIXELS=2_000_000)
    assert built.returncode == 1
    errors = built.log_lines("error")
    expected = {
        "berita/a.md": ("image without alt text", "images/tanpa-alt.jpg", "Image-Alt"),
        "berita/b.md": ("image file not found", "/images/hilang.jpg", ""),
        "berita/c.md": ("image source too large", "images/raksasa.jpg", "IMAGES_MAX_SOURCE_PIXELS"),
    }
    for article, (what, image, hint) in expected.items():
        matching = [e for e in errors if e.startswith(f"{article}:") and what in e]
        assert len(matching) == 1, (article, errors)
        assert f"'{image}'" in matching[0] and hint in matching[0]
        assert "Traceback" not in built.log
    # the error points at the Image: line of the front matter
    lines = (site.content / "berita" / "a.md").read_text().splitlines()
    image_line = next(n for n, line in enumerate(lines, 1) if line.startswith("Image:"))
    assert any(e.startswith(f"berita/a.md:{image_line}: image without alt text") for e in errors)
    # articles are never dropped: all three pages were written
    for slug in ("tanpa-alt", "hilang", "raksasa"):
        assert (built.output / f"berita/2024/11/{slug}/index.html").is_file()


def test_oversized_file_in_bytes_is_an_error(site):
    phone_photo(site.content / "images" / "berat.jpg", 800, 600)
    site.article("d.md", slug="berat", image="images/berat.jpg", image_alt="Foto")
    built = site.build(PLUGINS=PLUGINS, IMAGES_MAX_SOURCE_BYTES=1000)
    assert built.returncode == 1
    errors = built.log_lines("error")
    assert len(errors) == 1, errors
    assert errors[0].startswith("berita/d.md:")
    assert "IMAGES_MAX_SOURCE_BYTES" in errors[0] and "'images/berat.jpg'" in errors[0]


def test_an_inline_image_without_alt_text_is_reported_once(site):
    phone_photo(site.content / "images" / "rapat.jpg", 800, 600)
    site.article("e.md", slug="rapat", body="Teks rapat.\n\n![](/images/rapat.jpg)")
    built = site.build(PLUGINS=PLUGINS)
    assert built.returncode == 1
    named = [
        line
        for line in built.log_lines("error") + built.log_lines("warning")
        if "rapat.jpg" in line
    ]
    assert len(named) == 1, built.log
    assert named[0].startswith("berita/e.md:") and "image without alt text" in named[0]


def test_a_photo_shown_and_also_linked_as_a_file_keeps_its_original(site):
    phone_photo(site.content / "images" / "2024" / "apel.jpg", 900, 600)
    site.article(
        "apel.md",
        slug="apel-siaga",
        image="images/2024/apel.jpg",
        image_alt="Peserta apel siaga berbaris di halaman kantor",
    )
    site.article(
        "unduhan.md",
        slug="unduhan-foto",
        title="Foto Apel Siaga untuk Media",
        body="PALEMBANG – Foto untuk media.\n\n[Unduh foto apel]({static}/images/2024/apel.jpg)",
    )
    built = site.build(strict=True, PLUGINS=PLUGINS)
    assert built.returncode == 0, built.log
    link = built.html("berita/2024/11/unduhan-foto/").select_one(".article__body a")
    original = file_for(built, link["href"])
    assert original == built.output / "images" / "2024" / "apel.jpg"
    assert read_image(original).size == (900, 600)
    assert_no_private_metadata(original)
    # the page showing it still names only its variants
    featured = built.html("berita/2024/11/apel-siaga/").select_one(".article__figure img")
    assert featured["src"].startswith("/images/varian/apel-siaga-900-")


IMAGE_PROCESSOR = textwrap.dedent(
    '''
    """An outside image processor, working as pelican-image-process does: after
    a page is written, each <img class="image-process-<name>"> gets a smaller
    copy of its file, found among the static files by its published path."""
    import os

    from bs4 import BeautifulSoup
    from PIL import Image
    from pelican import signals


    def content_written(path, context):
        with open(path, encoding="utf-8") as handle:
            soup = BeautifulSoup(handle.read(), "html.parser")
        for img in soup.find_all("img"):
            names = [c for c in img.get("class", []) if c.startswith("image-process-")]
            if not names:
                continue
            src = img["src"].lstrip("/")
            sources = [
                static.source_path
                for static in context["static_content"].values()
                if src.endswith(static.save_as)
            ]
            if not sources:
                raise RuntimeError(f"no static file is published at {src}")
            folder, name = os.path.split(src)
            derived = f"{folder}/derivatives/{names[0][14:]}/{name}"
            target = os.path.join(context["OUTPUT_PATH"], derived)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with Image.open(sources[0]) as image:
                exif = image.info.get("exif", b"")
                image.thumbnail((300, 300))
                image.save(target, "JPEG", exif=exif)  # as its EXIF-copying option does
            img["src"] = "/" + derived
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(str(soup))


    def register():
        signals.content_written.connect(content_written)
    '''
)


def test_an_image_left_to_an_outside_processor_reaches_it_as_written(site, tmp_path):
    """pelican-image-process finds an <img>'s file through the static files by
    its address: a <picture> of our variants would send it looking for a file
    that is not there, and the page would show a broken image. An <img> with
    its class (IMAGES_SKIP_CLASSES) is left as written, its file is published,
    and what the processor writes is stripped of metadata like every image."""
    phone_photo(site.content / "images" / "2024" / "peserta.jpg", 900, 600)
    phone_photo(site.content / "images" / "2024" / "suasana.jpg", 900, 600)
    site.article(
        "kecil.md",
        slug="rapat-kecil",
        body="PALEMBANG – Rapat.\n\n"
        "![Peserta menyimak paparan](/images/2024/peserta.jpg){: .image-process-kecil }\n\n"
        "![Suasana rapat](/images/2024/suasana.jpg)",
    )
    for build in ("cold", "warm"):
        built = build_with_outside_plugin(site, tmp_path, "processor", IMAGE_PROCESSOR)
        assert built.returncode == 0, built.log
        body = built.html("berita/2024/11/rapat-kecil/").select_one(".article__body")
        processed = body.find("img", class_="image-process-kecil")
        assert processed.find_parent("picture") is None, build
        assert processed["src"] == "/images/2024/derivatives/kecil/peserta.jpg", build
        assert processed["alt"] == "Peserta menyimak paparan"
        derived = file_for(built, processed["src"])
        assert max(read_image(derived).size) == 300
        assert_no_private_metadata(derived)
        assert_no_private_metadata(built.output / "images" / "2024" / "peserta.jpg")
        # An image without the class is still ours: a <picture> of variants.
        other = body.find("img", alt="Suasana rapat")
        assert other.find_parent("picture") is not None
        assert not (built.output / "images" / "2024" / "suasana.jpg").exists()


def test_an_image_left_to_another_plugin_is_still_checked(site):
    site.article(
        "hilang.md",
        slug="hilang",
        body="Teks.\n\n![](/images/tidak-ada.jpg){: .image-process-kecil }",
    )
    built = site.build(PLUGINS=PLUGINS)
    assert built.returncode == 1
    errors = [e for e in built.log_lines("error") if "tidak-ada.jpg" in e]
    assert len(errors) == 1, built.log
    assert errors[0].startswith("berita/hilang.md:") and "image file not found" in errors[0]


def test_a_missing_body_photo_is_reported_at_its_own_line(site):
    """The first line holding the file name was blamed: the `Summary:` that
    mentions it, or the `Author:` line holding `x` for `<img src="x">`."""
    site.article(
        "foto.md",
        article_text(
            slug="foto-hilang",
            author="Humas Bawaslu Kota Palembang x",
            summary="Ringkasan rapat yang menyebut berkas foto.jpg dalam kalimatnya sendiri.",
            body="PALEMBANG – Bawaslu Kota Palembang menggelar rapat.\n\n"
            "![Peserta rapat](foto.jpg)\n\n"
            'Foto lain: <img src="x" alt="Peserta apel">',
        ),
    )
    built = site.build(SEARCH_ENABLED=False)
    found = [e.split(" (")[0] for e in built.log_lines("error") if "not found" in e]
    assert found == [
        "berita/foto.md:11: image file not found: 'foto.jpg'",
        "berita/foto.md:13: image file not found: 'x'",
    ], built.log


def test_a_photo_path_written_with_backslashes_is_named_as_written_at_its_line(site):
    """`![a]({static}\\images\\2026\\..\\..\\…)` was "image file not found:
    '{static}\\images\\2026....\\…'" with no line: Markdown reads a backslash
    before a dot as an escape. The address is named as written, at its line,
    with the path written with '/' as the suggestion."""
    body = (
        "PALEMBANG – Bawaslu Kota Palembang menggelar rapat.\n\n"
        "![Peserta rapat]({static}\\images\\2026\\..\\..\\tmp\\foto.jpg)\n\n"
        "![Peserta apel]({static}\\images\\2026\\apel.jpg)\n"
    )
    path = site.article("miring.md", article_text(slug="garis-miring", body=body))
    built = site.build(SEARCH_ENABLED=False)
    found = [
        (f.line, f.message) for f in built.findings("error") if "image file not found" in f.message
    ]
    assert found == [
        (
            line_of(path, "Peserta rapat"),
            "image file not found: '{static}\\images\\2026\\..\\..\\tmp\\foto.jpg' "
            "(write the path with '/', not '\\': '{static}/images/2026/../../tmp/foto.jpg')",
        ),
        (
            line_of(path, "Peserta apel"),
            "image file not found: '{static}\\images\\2026\\apel.jpg' "
            "(write the path with '/', not '\\': '{static}/images/2026/apel.jpg')",
        ),
    ], built.log


def test_a_photo_path_on_the_writers_own_computer_is_said_so_not_called_missing(site):
    """`Image: /home/humas/foto.jpg` (copied from a file manager) was "image
    file not found", and `C:\\…` or `file:///…` "an address on another site":
    the photo was never put under content/, and the message did not say so."""
    computer = [
        "/home/humas/Foto/rapat.jpg",
        r"C:\Users\humas\Foto\apel.jpg",
        "file:///Users/humas/patroli.jpg",
    ]
    for number, reference in enumerate(computer, 1):
        site.article(
            f"{number}.md",
            slug=f"foto-{number}",
            title=f"Bawaslu Kota Palembang Gelar Rapat Koordinasi Ke-{number}",
            image=reference,
            image_alt="Peserta rapat",
        )
    # A body photo, and a site path below a content folder named like a computer's.
    (site.content / "media").mkdir()
    site.article(
        "badan.md",
        slug="foto-badan",
        title="Bawaslu Kota Palembang Gelar Rapat Koordinasi Badan",
        body="PALEMBANG – Rapat.\n\n![Peserta rapat](/home/humas/sortir.jpg)\n\n"
        "![Peserta apel](/media/2024/hilang.jpg)\n",
    )
    built = site.build(PLUGINS=PLUGINS)
    assert built.returncode == 1, built.log
    said = {(f.path, f.line, f.level, f.message) for f in built.findings()}
    where = "content/berita"
    elsewhere = "image is a path on the writer's own computer, outside the content folder"
    assert said == {
        (
            f"{where}/1.md",
            8,
            "error",
            f"{elsewhere}: '/home/humas/Foto/rapat.jpg' "
            "(copy rapat.jpg into content/images/2024/ and write Image: images/2024/rapat.jpg)",
        ),
        (
            f"{where}/2.md",
            8,
            "error",
            f"{elsewhere}: 'C:\\Users\\humas\\Foto\\apel.jpg' "
            "(copy apel.jpg into content/images/2024/ and write Image: images/2024/apel.jpg)",
        ),
        (
            f"{where}/3.md",
            8,
            "error",
            f"{elsewhere}: 'file:///Users/humas/patroli.jpg' "
            "(copy patroli.jpg into content/images/2024/ and write Image: images/2024/patroli.jpg)",
        ),
        (
            f"{where}/badan.md",
            11,
            "error",
            f"{elsewhere}: '/home/humas/sortir.jpg' "
            "(copy sortir.jpg into content/images/2024/ "
            "and write ![…]({static}/images/2024/sortir.jpg))",
        ),
        (
            f"{where}/badan.md",
            13,
            "error",
            "image file not found: '/media/2024/hilang.jpg' "
            "(check the path and the file name's case)",
        ),
    }, built.log
    # Not shown (the theme would write the path into the page as it is), the pages written.
    page = built.html("berita/2024/11/foto-1/")
    assert not [img["src"] for img in page.select("img") if "humas" in img.get("src", "")]


def test_a_photo_no_published_content_uses_is_a_suggestion_naming_it(site):
    """It was left out at debug level only: a photo a theme override shows
    (IMAGES_THEME_FILES) was a missing file on every page, unexplained."""
    folder = site.content / "images" / "2024"
    folder.mkdir(parents=True)
    for name in ("spanduk.jpg", "draf.jpg", "logo-luar.png", "utama.jpg", "badan.jpg"):
        Image.new("RGB", (400, 300), (10, 120, 60)).save(folder / name)
    # Shown as variants only (a featured photo, a body photo): used.
    site.article(
        "terbit.md",
        article_text(
            slug="terbit",
            image="images/2024/utama.jpg",
            image_alt="Rapat",
            body="PALEMBANG – Rapat.\n\n![Peserta rapat]({static}/images/2024/badan.jpg)",
        ),
    )
    site.article(
        "draf.md",
        article_text(slug="draf", status="draft", image="images/2024/draf.jpg", image_alt="Rapat"),
    )
    built = site.build(
        publish=True, SEARCH_ENABLED=False, IMAGES_THEME_FILES=["images/2024/logo-luar.png"]
    )
    assert built.returncode == 0, built.log
    said = [s.split(" (")[0] for s in built.log_lines("suggestion") if "used by no" in s]
    assert said == [
        "images/2024/spanduk.jpg: photo used by no published release or page: not published"
    ], built.log
    assert "images/2024/logo-luar.png" in built.files()
    assert "images/2024/spanduk.jpg" not in built.files()


def test_a_photo_of_a_release_pelican_could_not_read_is_not_called_unused(site):
    """A release dropped for its Date: left its photos "used by no published
    release" beside the date's error: two lines for one cause."""
    folder = site.content / "images" / "2024"
    folder.mkdir(parents=True)
    for name in ("utama.jpg", "badan.jpg", "spanduk.jpg"):
        Image.new("RGB", (400, 300), (10, 120, 60)).save(folder / name)
    site.article(
        "rusak.md",
        article_text(
            date="besok pagi",
            slug="rusak",
            image="images/2024/utama.jpg",
            image_alt="Rapat",
            body="PALEMBANG – Rapat.\n\n![Peserta rapat]({static}/images/2024/badan.jpg)",
        ),
    )
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 1, built.log
    assert [(f.path, f.line, f.level) for f in built.findings() if f.level != "suggestion"] == [
        ("content/berita/rusak.md", 2, "error")
    ], built.log
    unused = [
        f.path for f in built.findings("suggestion") if f.message.startswith("photo used by no")
    ]
    assert unused == ["content/images/2024/spanduk.jpg"], built.log
    # Not published either: the release is not.
    assert not [name for name in built.files() if name.startswith("images/2024/")]


def test_no_photo_of_the_sample_site_is_called_unused(sample_site):
    """Every photo of the sample content is shown by a release (most as variants only)."""
    assert [s for s in sample_site.log_lines("suggestion") if "photo used by no" in s] == []


def test_a_photo_path_with_the_content_folder_in_front_suggests_the_path_inside_it(site):
    """`Image: content/images/2024/x.jpg` (the path the repository shows) was
    "image file not found" with "check the path": the file is there, the path
    starts one folder too high. Featured, body, and a release Pelican could
    not read (content_lint) alike; a path with nothing below it keeps the
    usual suggestion."""
    folder = site.content / "images" / "2024"
    folder.mkdir(parents=True)
    for name in ("utama.jpg", "badan.jpg"):
        Image.new("RGB", (400, 300), (10, 120, 60)).save(folder / name)
    site.article(
        "terbit.md",
        article_text(
            slug="terbit",
            image="content/images/2024/utama.jpg",
            image_alt="Rapat",
            body="PALEMBANG – Rapat.\n\n![Peserta rapat](/content/images/2024/badan.jpg)\n\n"
            "![Peserta apel]({static}/content/images/2024/hilang.jpg)",
        ),
    )
    site.article(
        "rusak.md",
        article_text(
            date="besok pagi",
            slug="rusak",
            image="content/images/2024/utama.jpg",
            image_alt="Rapat",
        ),
    )
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 1, built.log
    said = {
        (f.path, f.line, f.message) for f in built.findings("error") if "not found" in f.message
    }
    inside = "paths start inside content/: write"
    assert said == {
        (
            "content/berita/terbit.md",
            8,
            f"image file not found: 'content/images/2024/utama.jpg' "
            f"({inside} Image: images/2024/utama.jpg)",
        ),
        (
            "content/berita/terbit.md",
            13,
            f"image file not found: '/content/images/2024/badan.jpg' "
            f"({inside} ![…]({{static}}/images/2024/badan.jpg))",
        ),
        (
            "content/berita/terbit.md",
            15,
            "image file not found: '{static}/content/images/2024/hilang.jpg' "
            "(check the path and the file name's case)",
        ),
        (
            "content/berita/rusak.md",
            8,
            f"image file not found: 'content/images/2024/utama.jpg' "
            f"({inside} Image: images/2024/utama.jpg)",
        ),
    }, built.log
    # Not published, and its one line is the error: not "used by no release" as well.
    assert not [f for f in built.findings("suggestion") if "used by no" in f.message], built.log


def test_a_body_photo_that_cannot_be_published_is_left_out_of_the_page(site):
    """`![…](C:\\Users\\…)` and `![…](file:///…)` were "raw HTML removed … write
    the release in Markdown" (sanitize stripped their src first) and the page
    kept an <img alt> without src; a body photo on the writer's computer or
    missing stayed in the page with its src as written. Each is now the images
    error at its line, once, and no <img> of it is in the page."""
    folder = site.content / "images" / "2024"
    folder.mkdir(parents=True)
    Image.new("RGB", (400, 300), (10, 120, 60)).save(folder / "ada.jpg")
    site.article(
        "badan.md",
        article_text(
            slug="badan",
            body="PALEMBANG – Rapat.\n\n![Peserta rapat](C:\\Users\\humas\\Foto\\rapat.jpg)\n\n"
            "![Peserta apel](file:///home/humas/apel.jpg)\n\n"
            "![Peserta sortir](/home/humas/sortir.jpg)\n\n"
            "![Peserta patroli]({static}/images/2024/hilang.jpg)\n\n"
            "![Peserta pleno]({static}/images/2024/ada.jpg)\n",
        ),
    )
    built = site.build(SEARCH_ENABLED=False)
    assert built.returncode == 1, built.log
    said = {(f.line, f.level, f.message.split(":", 1)[0]) for f in built.findings()}
    elsewhere = "image is a path on the writer's own computer, outside the content folder"
    assert said == {
        (11, "error", elsewhere),
        (13, "error", elsewhere),
        (15, "error", elsewhere),
        (17, "error", "image file not found"),
    }, built.log
    page = built.html("berita/2024/11/badan/")
    shown = [img.get("alt") for img in page.select("main img")]
    assert shown == ["Peserta pleno"], page.select("main img")


def test_a_file_linked_by_the_sites_full_address_is_published(site):
    """`[PDF](https://warta-sumsel.example.org/images/uji/doc.pdf)` in a
    published release left the file unpublished (and the page a dead link):
    only {static} and site-relative links counted. A full address on the site's
    own host (its case, a final dot, `:443`, `//host`) is a link to the file, a
    photo shown by it gets variants; another host's address is not the site's.
    The development build (SITEURL empty) publishes the files too."""
    folder = site.content / "images" / "uji"
    folder.mkdir(parents=True)
    for name in ("doc-abs.pdf", "doc-port.pdf", "doc-lain.pdf"):
        (folder / name).write_bytes(b"%PDF-1.4\n%%EOF\n")
    Image.new("RGB", (900, 600), (10, 120, 60)).save(folder / "foto.jpg")
    site.article(
        "terbit.md",
        article_text(
            slug="terbit",
            body="""
                PALEMBANG – Rapat.

                [Unduh]({host}/images/uji/doc-abs.pdf) dan
                [unduh juga](//Warta-Sumsel.Example.org.:443/images/uji/doc-port.pdf?v=2).

                [Situs lain](https://kpu.example.org/images/uji/doc-lain.pdf)

                ![Peserta rapat]({host}/images/uji/foto.jpg)
                """.replace("{host}", SITE),
        ),
    )
    built = site.build(publish=True, SEARCH_ENABLED=False, SITEURL=SITE)
    assert built.returncode == 0, built.log
    published = [f for f in built.files() if f.startswith("images/uji/")]
    assert published == ["images/uji/doc-abs.pdf", "images/uji/doc-port.pdf"], built.log
    unused = [f.path for f in built.findings("suggestion") if "used by no" in f.message]
    assert unused == ["content/images/uji/doc-lain.pdf"], built.log
    page = built.html("berita/2024/11/terbit/")
    assert f"{SITE}/images/uji/doc-abs.pdf" in [a["href"] for a in page.select("a[href]")]
    picture = page.select_one("picture img")
    assert picture is not None and picture["alt"] == "Peserta rapat", built.log
    assert file_for(built, urlsplit(picture["src"]).path).is_file()

    # No host to tell the site's addresses by: one whose path names a file of
    # content/ is taken for the site's, so nothing linked is left out.
    development = site.build(SEARCH_ENABLED=False)
    assert development.returncode == 0, development.log
    assert {"images/uji/doc-abs.pdf", "images/uji/doc-lain.pdf"} <= set(development.files())
    assert not [f for f in development.findings("suggestion") if "used by no" in f.message]


def test_an_svg_used_as_a_photo_is_said_to_be_a_drawing(site):
    """`![Peta]({static}/images/uji/peta.svg)` was "image cannot be read
    (cannot identify image file <_io.BytesIO object at 0x…>)": a Python
    object's repr (the build runner showed "(image data)"), and "save it again
    as JPEG or PNG" for a drawing. It says what the file is, and to export it."""
    folder = site.content / "images" / "uji"
    folder.mkdir(parents=True)
    (folder / "peta.svg").write_text(
        '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="90" height="60">'
        '<rect width="90" height="60"/></svg>\n',
        encoding="utf-8",
    )
    site.article(
        "terbit.md",
        article_text(
            slug="terbit", body="PALEMBANG – Rapat.\n\n![Peta]({static}/images/uji/peta.svg)"
        ),
    )
    built = site.build(publish=True, SEARCH_ENABLED=False, SITEURL=SITE)
    assert built.returncode == 1, built.log
    assert [(f.path, f.line, f.message) for f in built.findings("error")] == [
        (
            "content/berita/terbit.md",
            11,
            "image cannot be read (not a photo Pillow can read: an SVG drawing): "
            "'{static}/images/uji/peta.svg' (export it as PNG or JPEG)",
        )
    ], built.log
    assert "images/uji/peta.svg" not in built.files()


def test_a_body_photo_on_another_site_is_a_warning_and_a_link_not_a_request(site):
    """`![…](https://…)`, `<img src="//…">` pasted from an office's site: every
    reader's browser asked that site for the photo when the page opened (the
    privacy page promises no third-party request before a click), and the build
    said nothing. Each is now a warning at its line, and the page links to the
    photo instead; a `data:` picture makes no request and is left alone."""
    body = (
        "PALEMBANG – Bawaslu Kota Palembang menggelar rapat.\n\n"
        "![Peserta rapat <koordinasi>](https://pihak-ketiga.example/foto.jpg?a=1&b=2)\n\n"
        '<img src="//cdn.example.net/x.png" alt="">\n\n'
        "![Titik](data:image/gif;base64,R0lGODlhAQABAAAAACw=)\n"
    )
    path = site.article("luar.md", article_text(slug="foto-luar", body=body))
    built = site.build(SEARCH_ENABLED=False)
    said = [(f.line, f.level, f.message) for f in built.findings() if "another site" in f.message]
    message = "image on another site, shown as a link: every reader's browser would fetch it"
    suggestion = "(save the photo into content/images/2024/ and write"
    assert [(line, level) for line, level, _ in said] == [
        (line_of(path, "pihak-ketiga"), "warning"),
        (line_of(path, "cdn.example.net"), "warning"),
    ], built.log
    assert all(message in text and suggestion in text for _, _, text in said), said
    article = built.html("berita/2024/11/foto-luar/").select_one("article")
    sources = [img.get("src", "") for img in article.select("img")]
    assert not [src for src in sources if "example" in src], sources
    links = [(a["href"], a.get_text(), a["rel"]) for a in article.select("a.gambar-luar")]
    assert links == [
        (
            "https://pihak-ketiga.example/foto.jpg?a=1&b=2",
            "Gambar: Peserta rapat <koordinasi>",
            ["nofollow", "noopener", "noreferrer"],
        ),
        (
            "//cdn.example.net/x.png",
            "Lihat gambar di situs sumber",
            ["nofollow", "noopener", "noreferrer"],
        ),
    ]


def test_a_linked_photo_on_another_site_leaves_one_link_not_a_link_in_a_link(site):
    """`[![Foto rapat](https://…/foto.jpg)](https://…/berita/rapat)`, a photo
    pasted with its link: the photo's link went inside the other, which
    browsers read as an empty link followed by a second one."""
    body = (
        "PALEMBANG – Bawaslu Kota Palembang menggelar rapat.\n\n"
        "[![Foto rapat](https://sumsel.example/foto.jpg)](https://sumsel.example/berita/rapat)\n"
    )
    site.article("tautan.md", article_text(slug="foto-bertaut", body=body))
    built = site.build(SEARCH_ENABLED=False)
    article = built.html("berita/2024/11/foto-bertaut/").select_one("article")
    assert article.select("a a") == []
    [link] = [a for a in article.select("a") if "sumsel.example" in a.get("href", "")]
    assert (link["href"], link.get_text()) == (
        "https://sumsel.example/berita/rapat",
        "Gambar: Foto rapat",
    )
    assert not [img for img in article.select("img") if "sumsel.example" in img.get("src", "")]
