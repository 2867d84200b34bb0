"""Social cards: cheap drawing that keeps the look, cards drawn in worker
processes, output files hard-linked to the image cache, and card failures
reported as build errors (the cards' pure parts in process, the rest in real
builds of small fixture sites)."""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import logging
import os
from itertools import accumulate
from pathlib import Path
from types import SimpleNamespace

import pytest
from PIL import Image, ImageDraw

from conftest import FixtureSite, article_text
from plugins.images import cards, pipeline, plugin, strip
from warta import dates, parallel
from warta.paths import listed_folders, replace_file

GPS_IFD = 0x8825
SITE_NAME = "Warta Bawaslu Sumatera Selatan"
LONG_TITLE = (
    "Bawaslu Provinsi Sumatera Selatan – “Awasi” Rapat Pleno Terbuka Rekapitulasi Hasil "
    "Penghitungan Perolehan Suara Tingkat Kabupaten Ogan Komering Ulu Selatan dan Musi "
    "Banyuasin pada Pemilihan Gubernur dan Wakil Gubernur Serentak 2024"
)


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def close_to(colour, expected, tolerance=8) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour, expected, strict=True))


def card(title: str, region: str = "Kota Palembang") -> cards.CardText:
    return cards.CardText(
        title=title,
        office="Bawaslu Kabupaten Ogan Komering Ulu Selatan",
        date="Minggu, 17 November 2024",
        region=region,
        site_name=SITE_NAME,
    )


# -- drawing ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        card("Rapat Koordinasi", region=""),
        card("Bawaslu Kota Palembang Gelar Rapat Koordinasi Pengawasan Tahapan Kampanye"),
        card(LONG_TITLE, region="Kabupaten Ogan Komering Ulu Selatan dan 2 wilayah lain"),
        card(LONG_TITLE * 3),  # cut with … on the fourth line
    ],
)
def test_card_is_a_1200_by_630_flat_png_under_the_size_bound_in_the_site_colours(text):
    data = cards.draw_card(text)
    image = opened(data)
    assert image.size == (1200, 630) and image.format == "PNG"
    # 16 colours at 4 bits a pixel: the design's and the anti-aliasing between them.
    assert image.mode == "P" and data[24] == 4  # the bit depth in the PNG header
    colours = {colour for _, colour in image.convert("RGB").getcolors(256)}
    assert colours <= set(cards.card_palette()) and len(cards.card_palette()) <= 16
    assert strip.private_metadata(image) == []
    # Every card is shared by messaging apps over phone data, and 10,000 of them
    # must fit a published site under GitHub Pages' 1 GB: the densest one (four
    # full title lines and a long region) stays under 28 KB.
    assert len(data) < 28_000, len(data)
    pixels = image.convert("RGB")
    assert close_to(pixels.getpixel((8, 8)), cards.BACKGROUND)
    assert close_to(pixels.getpixel((8, cards.HEIGHT - 8)), cards.BAND)
    assert close_to(pixels.getpixel((cards.WIDTH - 8, cards.HEIGHT - 8)), cards.BAND)
    # Inside the region pill, before its text.
    pill = pixels.getpixel((cards.MARGIN + 6, cards.MARGIN + 64))
    assert close_to(pill, cards.PILL, tolerance=24) == bool(text.region), pill


def test_a_short_card_is_small():
    assert len(cards.draw_card(card("Rapat Koordinasi", region=""))) < 12_000


def ink_by_column(image: Image.Image) -> list[int]:
    width, height = image.size
    pixels = image.load()
    return [sum(pixels[x, y] for y in range(height)) for x in range(width)]


@pytest.mark.parametrize(
    ("line", "weight", "size"),
    [
        ("Bawaslu Kota “Palembang” Gelar Rapat — AVA Tawa", "bold", 64),
        ("Pengawasan Kampanye di Ogan Komering Ulu Timur", "bold", 42),
        ("Minggu, 17 November 2024", "regular", 26),
    ],
)
def test_words_from_the_cache_sit_where_pillow_draws_the_line(line, weight, size):
    """Drawing a line word by word moves each word by less than a pixel.

    Compared as ink accumulated from the left: where the two drawings differ by
    more than one column's worth of ink, a word or a space moved by a pixel or
    more (a doubled space moves everything after it by about 9 columns' worth).
    """
    face = cards.font(weight, size)
    direct = Image.new("L", (1400, 120))
    ImageDraw.Draw(direct).text((72, 20), line, font=face, fill=255)
    pasted = Image.new("L", (1400, 120))
    cards.put_text(pasted, (72, 20), line, weight, size, 255)

    expected, drawn = ink_by_column(direct), ink_by_column(pasted)
    assert abs(sum(drawn) - sum(expected)) < 0.01 * sum(expected)  # no glyph lost
    drift = max(abs(a - b) for a, b in zip(accumulate(expected), accumulate(drawn), strict=True))
    assert drift <= 1.5 * max(expected), drift / max(expected)


def test_card_bytes_do_not_depend_on_what_the_process_drew_before():
    """Workers start with different word caches: a card must not notice."""
    text = card("Bawaslu Kota Palembang Awasi Kampanye di Ilir Barat")
    cards.word_mask.cache_clear()
    cards.base_card.cache_clear()
    cold = cards.draw_card(text)
    cards.draw_card(card("Kampanye Palembang Ilir Barat Bawaslu Awasi di Kota"))
    assert cards.draw_card(text) == cold


def test_characters_the_font_has_no_glyph_for_are_left_out_not_drawn_as_boxes():
    """An emoji or a check mark in a headline (pasted from a chat) was drawn as
    Lato's empty "missing glyph" box on the card every messaging app shows."""
    pasted = cards.CardText(
        title="Rapat ✅ Pleno 🗳️ Rekapitulasi → Suara “Pilkada” – Kota Palembang 👍🏽",
        office="Bawaslu Kota Palembang 🇮🇩",
        date="Minggu, 17 November 2024",
        region="Kota Palembang ⭐",
        site_name=SITE_NAME + " 📰",
    )
    plain = cards.CardText(
        title="Rapat Pleno Rekapitulasi Suara “Pilkada” – Kota Palembang",
        office="Bawaslu Kota Palembang",
        date="Minggu, 17 November 2024",
        region="Kota Palembang",
        site_name=SITE_NAME,
    )
    cards.base_card.cache_clear()
    drawn = opened(cards.draw_card(pasted)).convert("RGB")
    cards.base_card.cache_clear()
    expected = opened(cards.draw_card(plain)).convert("RGB")
    assert drawn.tobytes() == expected.tobytes()
    # What Indonesian headlines use is kept.
    assert cards.drawable("Ré “Pilkada” – 50% © ½", "bold") == "Ré “Pilkada” – 50% © ½"


def text_columns(image: Image.Image) -> list[int]:
    """The x of every pixel column holding text: a palette index other than the
    three backgrounds'."""
    backgrounds = {cards.ON_BACKGROUND, cards.ON_BAND, cards.ON_PILL}
    pixels = image.load()
    width, height = image.size
    return [x for x in range(width) if any(pixels[x, y] not in backgrounds for y in range(height))]


LONG_WORD = "Pengawasan" * 12  # 120 letters: wider than the card at every size


@pytest.mark.parametrize(
    "text",
    [
        card(f"Bawaslu {LONG_WORD} Lahat"),
        card(f"Lihat https://bawaslu.go.id/{LONG_WORD}/{LONG_WORD}?q={LONG_WORD}"),
        card(LONG_WORD * 6),  # broken over every line, then cut with …
        cards.CardText(
            title="Rapat Koordinasi",
            office="Bawaslu Kabupaten Penukal Abab Lematang Ilir " * 3,
            date="Minggu, 17 November 2024 " * 4,
            region="Kabupaten Penukal Abab Lematang Ilir · Kabupaten Ogan Komering Ulu Selatan",
            site_name=SITE_NAME * 3,
        ),
    ],
)
def test_no_text_runs_off_the_card(text):
    """A 120-letter word in a title was drawn whole on one line and ran off the
    1200 px card, cut at its edge; a region line naming two long kabupaten ran
    over it too. Long words are broken over lines, one-line texts cut with … at
    the margin: the right margin holds no text."""
    image = opened(cards.draw_card(text))
    columns = text_columns(image)
    assert columns and max(columns) < cards.WIDTH - cards.MARGIN + 4, max(columns)


def test_a_word_longer_than_a_line_is_broken_over_lines_that_fit():
    size, lines = cards.fit_title(f"Bawaslu {LONG_WORD} Lahat", 1056, 400)
    assert all(cards.text_width(line, "bold", size) <= 1056 for line in lines)
    assert lines[0] == "Bawaslu" and lines[-1].endswith(" Lahat")
    # Every letter is kept; the pieces of the word end in a hyphen.
    assert "".join(line.removesuffix("-") for line in lines[1:]) == f"{LONG_WORD} Lahat"
    # An address is broken after its own "/", with no hyphen added.
    address = "https://bawaslu.go.id/berita/2026/11/rapat-koordinasi-pengawasan-tahapan-kampanye"
    pieces = cards.wrap(address, "bold", 64, 1056)
    assert len(pieces) > 1 and "".join(pieces) == address
    # A size that breaks no word wins over a larger one that must break it.
    word = "Rekapitulasi" * 4
    size, lines = cards.fit_title(word, 1056, 400)
    assert lines == [word] and cards.text_width(word, "bold", cards.TITLE_SIZES[0]) > 1056


def test_letters_the_font_lacks_are_drawn_as_their_base_letters_not_dropped():
    """A headline letter Lato has no glyph for (Ş, İ, ā, ₂) was left out ("x²
    H₂O" became "x² HO"), and an é typed as e + a combining accent lost its
    accent. The text is composed first, then each letter without a glyph drawn
    as the letters of its decomposition the font has; an emoji still goes."""
    assert cards.drawable("x² H₂O", "bold") == "x² H2O"
    assert cards.drawable("Şahin İlyas Ğüneş dan Mā’ruf", "bold") == "Sahin Ilyas Günes dan Ma’ruf"
    assert cards.drawable("Caf\u00e9 Cafe\u0301 ✅ 👍🏽", "regular") == "Café Café"
    lacking = cards.CardText(
        title="Sosialisasi Pengawasan di Kampung Şahin: Kadar CO₂ dan Cafe\u0301 ā",
        office="Bawaslu Kota Palembang",
        date="Minggu, 17 November 2024",
        region="İlir Barat",
        site_name=SITE_NAME,
    )
    drawn = cards.CardText(
        title="Sosialisasi Pengawasan di Kampung Sahin: Kadar CO2 dan Café a",
        office="Bawaslu Kota Palembang",
        date="Minggu, 17 November 2024",
        region="Ilir Barat",
        site_name=SITE_NAME,
    )
    pixels = [opened(cards.draw_card(t)).convert("RGB").tobytes() for t in (lacking, drawn)]
    assert pixels[0] == pixels[1]


def test_fingerprint_changes_with_the_card_style():
    text = card("Rapat Koordinasi")
    assert cards.STYLE in text.fingerprint().split("\x1f")


# -- cache: drawing into it, linking out of it --------------------------------------


def test_draw_card_into_writes_the_file_and_reports_failures_instead_of_raising(tmp_path):
    folder = tmp_path / "files"
    folder.mkdir()
    text = card("Rapat Koordinasi")
    drawn = pipeline.draw_card_into(folder, "a" * 64, lambda: cards.draw_card(text))
    assert drawn.error == "" and drawn.process == os.getpid()
    assert (folder / drawn.file).read_bytes() == cards.draw_card(text)
    assert drawn.size == (folder / drawn.file).stat().st_size

    blocked = pipeline.card_file("b" * 64)
    (folder / blocked).mkdir()  # something that is not a file where the card goes
    failed = pipeline.draw_card_into(folder, "b" * 64, lambda: cards.draw_card(text))
    assert failed.error.startswith("IsADirectoryError"), failed.error
    assert sorted(p.name for p in folder.iterdir()) == sorted([drawn.file, blocked])


def test_published_file_is_a_hard_link_and_replacing_it_leaves_the_cache_alone(tmp_path):
    cache = pipeline.ImageCache(tmp_path / "cache")
    cache._store("card-x.png", b"cached card")
    target = tmp_path / "output" / "berita" / "og.png"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"left over from an earlier build")

    cache.publish("card-x.png", target)
    cached = cache.path("card-x.png")
    assert target.stat().st_ino == cached.stat().st_ino
    assert cached.stat().st_nlink == 2
    assert (cache.work.linked, cache.work.copied) == (1, 0)

    replace_file(target, b"something else")
    assert cached.read_bytes() == b"cached card"
    assert target.read_bytes() == b"something else"
    assert target.stat().st_ino != cached.stat().st_ino


def phone_photo() -> bytes:
    exif = Image.Exif()
    exif[GPS_IFD] = {1: "S", 2: (2.0, 59.0, 30.0), 3: "E", 4: (104.0, 45.0, 15.0)}
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (90, 120, 150)).save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def test_cleaning_the_output_never_writes_through_a_link_into_the_cache(tmp_path):
    cache = pipeline.ImageCache(tmp_path / "cache")
    photo = phone_photo()
    cache._store("foto.jpg", photo)
    output = tmp_path / "output"
    cache.publish("foto.jpg", output / "images" / "foto.jpg")
    cached = cache.path("foto.jpg")
    published = output / "images" / "foto.jpg"
    assert published.stat().st_ino == cached.stat().st_ino

    # Not one of the plugin's own files, so the cleaning pass strips it.
    plugin.clean_output_images(output, set(), cache)
    assert opened(published.read_bytes()).getexif().get_ifd(GPS_IFD) == {}
    assert cached.read_bytes() == photo
    assert opened(cached.read_bytes()).getexif().get_ifd(GPS_IFD)


# -- build state -------------------------------------------------------------------------


def test_build_state_never_outlives_its_run(tmp_path):
    """Pelican runs in one process (tests, livereload) must not share a Build: a
    run that stopped half-way would hand its cards and cache to the next one."""

    def settings() -> dict:
        return {"CACHE_PATH": str(tmp_path / "cache"), "PATH": str(tmp_path / "content")}

    first = settings()
    build = plugin.current_build(first)
    assert plugin.current_build(first) is build  # one run: every handler sees one Build
    build.copies["berita/og.png"] = "card-x.png"  # ... and the run stops before `finalized`

    second = settings()  # the next run reads its settings again
    assert plugin.current_build(second) is not build
    assert plugin.current_build(second).copies == {}

    again = plugin.current_build(second)
    plugin.forget_build(None)  # a run starts with the same settings object
    assert plugin.current_build(second) is not again
    assert plugin.current_build({**settings(), "IMAGES_ENABLED": False}) is None
    plugin.forget_build(None)


# -- a card worker dying ---------------------------------------------------------------


def fake_article(tmp_path: Path, number: int) -> SimpleNamespace:
    return SimpleNamespace(
        title=f"Bawaslu Kota Palembang Awasi Rapat Pleno ke-{number}",
        authors=["Humas Bawaslu Kota Palembang"],
        date=datetime.datetime(2024, 11, 17, 9, 30),
        metadata={},
        save_as=f"berita/artikel-{number}/index.html",
        url=f"berita/artikel-{number}/",
        slug=f"artikel-{number}",
        source_path=str(tmp_path / "content" / "berita" / f"artikel-{number}.md"),
    )


def test_a_card_worker_that_dies_is_a_build_error_naming_the_articles(
    tmp_path, monkeypatch, caplog
):
    """A worker killed mid-way (out of memory, a crash in Pillow) sends nothing
    back: every card it had to draw is an error, the build goes on without them."""
    real_draw = plugin.draw_card

    def draw_or_die(text):
        if parallel.in_worker():
            os._exit(3)
        return real_draw(text)

    monkeypatch.setattr(plugin, "draw_card", draw_or_die)
    settings = {
        "CACHE_PATH": str(tmp_path / "cache"),
        "PATH": str(tmp_path / "content"),
        "SITENAME": SITE_NAME,
        "IMAGES_WORKERS": 2,
    }
    build = plugin.Build(settings)
    articles = [fake_article(tmp_path, number) for number in range(16)]

    with caplog.at_level("ERROR"):
        plugin.social_cards(articles, build)

    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == plugin.MAX_CARD_ERRORS + 1, errors
    for message in errors[:-1]:
        assert message.startswith("berita/artikel-"), message
        assert "social card cannot be drawn (a card worker failed: worker" in message
        assert "ended without a result" in message
    assert errors[-1].startswith("6 more articles have no social card")
    assert not any(hasattr(article, "og_image") for article in articles)
    assert build.copies == {} and build.cache.work.drawn_cards == 0


def test_cards_are_png_and_a_save_as_naming_another_type_is_a_warning(tmp_path, caplog):
    settings = {
        "CACHE_PATH": str(tmp_path / "cache"),
        "PATH": str(tmp_path / "content"),
        "SITENAME": SITE_NAME,
        "IMAGES_WORKERS": 1,
    }
    articles = [fake_article(tmp_path, number) for number in range(2)]
    with caplog.at_level("WARNING"):
        plugin.social_cards(articles, plugin.Build(settings))
    assert not [r for r in caplog.records if r.levelname == "WARNING"]
    assert articles[0].og_image == "berita/artikel-0/og.png"

    caplog.clear()
    settings["IMAGES_SOCIAL_CARD_SAVE_AS"] = "{url}og.jpg"  # a site's old setting
    with caplog.at_level("WARNING"):
        plugin.social_cards(articles, plugin.Build(settings))
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1 and "'{url}og.jpg'" in warnings[0], warnings
    assert "end it in .png" in warnings[0]


def test_check_only_draws_no_card_but_still_checks_the_setting(tmp_path, caplog):
    settings = {
        "CACHE_PATH": str(tmp_path / "cache"),
        "PATH": str(tmp_path / "content"),
        "SITENAME": SITE_NAME,
        "WARTA_CHECK_ONLY": True,
        # Its own name: Pelican's loggers drop a message seen before.
        "IMAGES_SOCIAL_CARD_SAVE_AS": "{url}kartu-" + tmp_path.name + ".jpg",
    }
    build = plugin.Build(settings)
    articles = [fake_article(tmp_path, number) for number in range(3)]
    with caplog.at_level(logging.WARNING):
        plugin.social_cards(articles, build)
    assert not any(hasattr(a, "og_image") for a in articles)  # no page shows one
    assert build.copies == {} and build.cache.work.drawn_cards == 0
    assert not (tmp_path / "cache").exists()
    assert any("IMAGES_SOCIAL_CARD_SAVE_AS" in r.getMessage() for r in caplog.records)


def left_out_findings(tmp_path, titles: list[str], caplog, first: int = 0, **settings) -> list:
    # Numbered from `first`: Pelican's loggers drop a message seen before.
    articles = []
    for number, title in enumerate(titles, start=first):
        article = fake_article(tmp_path, number)
        article.title = title
        source = Path(article.source_path)
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(
            f"Date: 2024-11-17 09:30\nTitle: {title}\nSlug: artikel-{number}\n\nTeks.\n",
            encoding="utf-8",
        )
        articles.append(article)
    settings = {
        "CACHE_PATH": str(tmp_path / "cache"),
        "PATH": str(tmp_path / "content"),
        "SITENAME": SITE_NAME,
        "IMAGES_WORKERS": 1,
        **settings,
    }
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        plugin.social_cards(articles, plugin.Build(settings))
    return [r.warta_finding for r in caplog.records if hasattr(r, "warta_finding")]


@pytest.mark.parametrize("check", [False, True])
def test_title_characters_the_card_cannot_draw_are_named_once_at_the_title_line(
    tmp_path, caplog, check
):
    """A title's emoji, Arabic and Chinese words and letters Lato lacks (Ω, ẞ,
    Cherokee) were left off the card with nothing said: one warning per
    article at its Title: line names each left-out run, and says what the card
    reads. Letters drawn as their base letters (𝔅 → B, Ş → S) and invisible
    characters are not named; a title the font draws gets no finding."""
    titles = [
        "🗳️🗳️🗳️ بواسلو 投票 ⚖️ Ꭰ 𝔅𝔞𝔴𝔞𝔰𝔩𝔲 Pengawasan Pemilu Ω ẞ ĳ ﬁ ⚖️",
        "Bawaslu Kota Prabumulih\u200b Awasi Kampung Şahin – “Pilkada” x² H₂O",
    ]
    first = 10 if check else 0
    found = left_out_findings(tmp_path, titles, caplog, first, WARTA_CHECK_ONLY=check)
    assert len(found) == 1, found
    (finding,) = found
    assert (finding.path, finding.line, finding.level) == (
        os.path.join("berita", f"artikel-{first}.md"),
        2,
        "warning",
    )
    quoted = finding.message.split(": ", 1)[1]
    assert quoted == "'🗳️🗳️🗳️', 'بواسلو', '投票', '⚖️', 'Ꭰ', 'Ω', 'ẞ'"
    assert "'Bawaslu Pengawasan Pemilu ij ﬁ'" in finding.suggestion
    # What the finding says the card leaves out is what the drawing leaves out.
    drawn = opened(cards.draw_card(card(titles[0]))).convert("RGB")
    expected = opened(cards.draw_card(card("Bawaslu Pengawasan Pemilu ij ﬁ"))).convert("RGB")
    assert drawn.tobytes() == expected.tobytes()


def test_marks_over_a_letter_the_card_cannot_draw_are_named_with_the_letter(tmp_path, caplog):
    """Combining marks that compose into a letter Lato has ("e" + acute is
    "é") are drawn; a stroke or an accent with no precomposed letter was left
    off the card with nothing said ("z̶̶̶" read "z"): the warning at the
    Title: line names each with the letter it sits on. Marks that show
    nothing (a variation selector, the grapheme joiner) are not named."""
    title = "Rapat Bawaslu Lahat dengan e\u0301 dan a\u0308 dan z\u0336\u0336\u0336 q\u0301 b\u034f"
    assert cards.drawable(title, "bold") == "Rapat Bawaslu Lahat dengan é dan ä dan z q b"
    (finding,) = left_out_findings(tmp_path, [title], caplog, first=20)
    assert (finding.line, finding.level) == (2, "warning")
    assert finding.message.split(": ", 1)[1] == "'z\u0336\u0336\u0336', 'q\u0301'"
    assert "'Rapat Bawaslu Lahat dengan é dan ä dan z q b'" in finding.suggestion
    drawn = opened(cards.draw_card(card(title))).convert("RGB")
    expected = opened(cards.draw_card(card("Rapat Bawaslu Lahat dengan é dan ä dan z q b")))
    assert drawn.tobytes() == expected.convert("RGB").tobytes()


# -- real builds -------------------------------------------------------------------------

PLACES = ["PALEMBANG", "LAHAT", "PAGAR ALAM", "PRABUMULIH", "LUBUKLINGGAU", "MUARA ENIM"]
TOPICS = [
    "Gelar Rapat Koordinasi Pengawasan Tahapan Kampanye Pilkada Serentak 2024",
    "Awasi “Masa Tenang” dan Patroli Politik Uang di Seluruh Kecamatan",
    "Rekrut Pengawas TPS – Pendaftaran Dibuka Hingga Akhir Bulan",
    "Sosialisasi Pengawasan Partisipatif Bersama Pemilih Pemula",
]


def card_site(root: Path, count: int = 20) -> FixtureSite:
    """`count` articles with different titles, offices, dates and datelines."""
    site = FixtureSite(root)
    for number in range(count):
        place = PLACES[number % len(PLACES)]
        office = f"Bawaslu Kota {place.title()}"
        site.article(
            f"artikel-{number}.md",
            article_text(
                title=f"{office} {TOPICS[number % len(TOPICS)]} ({number})",
                slug=f"artikel-{number}",
                date=f"2024-11-{1 + number:02d} 09:30",
                author=f"Humas {office}",
                body=f"{place} – {office} menggelar kegiatan pengawasan.",
            ),
        )
    return site


def last_build(root: Path) -> dict:
    return json.loads((root / "cache" / "images" / "manifest.json").read_text())["last_build"]


def cached_cards(root: Path) -> dict[str, Path]:
    manifest = json.loads((root / "cache" / "images" / "manifest.json").read_text())
    files = root / "cache" / "images" / "files"
    return {name: files / name for name in manifest["cards"].values()}


def og_images(built) -> dict[str, Path]:
    """Article URL → the card file its page's og:image names."""
    found = {}
    for page in sorted(built.output.glob("berita/*/*/*/index.html")):
        relative = page.parent.relative_to(built.output).as_posix() + "/"
        meta = built.html(relative).find("meta", property="og:image")
        assert meta is not None, relative
        found[relative] = built.output / meta["content"].lstrip("/")
    return found


PLUGINS = ["enrichment", "regions", "images"]


@pytest.fixture(scope="module")
def parallel_and_serial(tmp_path_factory):
    builds = {}
    for workers in (2, 1):
        root = tmp_path_factory.mktemp(f"cards-{workers}")
        built = card_site(root).build(PLUGINS=PLUGINS, IMAGES_WORKERS=workers)
        assert built.returncode == 0, built.log
        builds[workers] = (root, built)
    return builds


def test_cards_drawn_in_parallel_are_byte_identical_to_cards_drawn_serially(
    parallel_and_serial,
):
    (root2, parallel_build), (root1, serial_build) = parallel_and_serial[2], parallel_and_serial[1]
    assert last_build(root2)["card_processes"] == 2, "the cards were not drawn in two processes"
    assert last_build(root1)["card_processes"] == 1
    assert last_build(root2)["drawn_cards"] == last_build(root1)["drawn_cards"] == 20

    parallel_cards, serial_cards = og_images(parallel_build), og_images(serial_build)
    assert len(parallel_cards) == 20 and parallel_cards.keys() == serial_cards.keys()
    digests = set()
    for page, path in parallel_cards.items():
        data = path.read_bytes()
        assert data == serial_cards[page].read_bytes(), page
        assert opened(data).size == (1200, 630)
        digests.add(hashlib.sha256(data).hexdigest())
    assert len(digests) == 20  # every article has its own card


def test_output_cards_are_hard_links_to_the_cache_and_a_second_build_keeps_them(
    parallel_and_serial,
):
    root, built = parallel_and_serial[2]
    cache_files = cached_cards(root)
    by_inode = {path.stat().st_ino: path for path in cache_files.values()}
    cards_in_output = og_images(built)
    for page, path in cards_in_output.items():
        status = path.stat()
        assert status.st_ino in by_inode, f"{page}og.png is not a link to a cached card"
        assert status.st_nlink >= 2
    assert last_build(root)["linked"] >= 20 and last_build(root)["copied"] == 0

    before = {name: (p.stat().st_ino, p.read_bytes()) for name, p in cache_files.items()}
    again = card_site(root).build(PLUGINS=PLUGINS, IMAGES_WORKERS=2)
    assert again.returncode == 0, again.log
    assert last_build(root)["drawn_cards"] == 0
    after = {name: (p.stat().st_ino, p.read_bytes()) for name, p in cached_cards(root).items()}
    assert after == before  # neither redrawn nor rewritten through the output
    for page, path in og_images(again).items():
        assert path.stat().st_ino in by_inode, page


def test_cards_that_cannot_be_written_are_build_errors_naming_the_articles(tmp_path):
    site = card_site(tmp_path)
    first = site.build(PLUGINS=PLUGINS, IMAGES_WORKERS=2)
    assert first.returncode == 0, first.log
    # A directory where each card file goes: the workers cannot write a single card.
    for path in cached_cards(tmp_path).values():
        path.unlink()
        path.mkdir()

    built = site.build(PLUGINS=PLUGINS, IMAGES_WORKERS=2)
    assert built.returncode == 1, built.log
    assert "Traceback" not in built.log
    errors = built.log_lines("error")
    assert len(errors) == plugin.MAX_CARD_ERRORS + 1, errors
    for error in errors[:-1]:
        assert error.startswith("berita/artikel-"), error
        assert "social card cannot be drawn (IsADirectoryError" in error
        assert "can be written" in error
    assert errors[-1] == "10 more articles have no social card for the same reason"
    assert last_build(tmp_path)["card_processes"] == 2  # a worker met the error too
    # The articles are still published, without a card to point at.
    for number in range(20):
        page = built.html(f"berita/2024/11/artikel-{number}/")
        meta = page.find("meta", property="og:image")
        assert meta is None or not meta["content"].endswith("og.png")
    assert not list(built.output.rglob("og.png"))


def test_a_check_names_what_the_card_leaves_out_without_making_the_card_text(
    tmp_path, caplog, monkeypatch
):
    """`invoke check` draws no card: of its text only the title is read (the
    office, the date and the regions were made for every article and never
    used)."""

    def no_card_text(*_):
        raise AssertionError("a check makes no card text")

    monkeypatch.setattr(plugin, "card_text", no_card_text)
    (finding,) = left_out_findings(tmp_path, ["Rapat 投票"], caplog, 30, WARTA_CHECK_ONLY=True)
    assert finding.message.split(": ", 1)[1] == "'投票'"


def test_a_title_of_characters_the_font_draws_is_read_letter_by_letter_once(monkeypatch):
    """Every build and check asks of 10,000 titles what the card leaves out:
    characters found drawn are remembered, and a title made of them alone is
    not read letter by letter again."""
    monkeypatch.setattr(cards, "_DRAWN", {})
    read = []
    drawn = cards._drawn
    monkeypatch.setattr(cards, "_drawn", lambda weight, c: read.append(c) or drawn(weight, c))
    assert cards.left_out("Bawaslu Kota Prabumulih Awasi Rapat Pleno") == []
    assert read
    read.clear()
    assert cards.left_out("Rapat Pleno Bawaslu Kota Prabumulih") == []
    assert read == []
    assert cards.left_out("Rapat Pleno 投票") == ["投票"]  # a new character: read again


def test_output_images_are_found_in_os_walks_order(tmp_path):
    """The images the output holds that the plugin did not produce, in the
    order `os.walk` finds them: folders depth first, a symlinked folder and
    `.git` not entered, a folder named like a photo no image."""
    output = tmp_path / "output"
    for path in (
        "a.jpg",
        "theme/img/logo.png",
        "theme/img/ikon.webp",
        "theme/img/gaya.css",
        "images/2024/rapat.JPG",
        "images/2024/kartu.png",
        "berita/x/index.html",
        ".git/objects/y.png",
    ):
        (output / path).parent.mkdir(parents=True, exist_ok=True)
        (output / path).write_bytes(b"x")
    (output / "folder.jpg").mkdir()
    outside = tmp_path / "luar"
    outside.mkdir()
    (outside / "b.jpg").write_bytes(b"x")
    (output / "tautan").symlink_to(outside, target_is_directory=True)
    produced = {"images/2024/kartu.png"}
    walked = []
    for root, folders, files in os.walk(output):
        folders[:] = [f for f in folders if f != ".git"]
        folder = os.path.relpath(root, output).replace(os.sep, "/")
        for name in files:
            site_path = name if folder == "." else f"{folder}/{name}"
            if name.lower().endswith(plugin.IMAGE_SUFFIXES) and site_path not in produced:
                walked.append((Path(root) / name, site_path))
    assert [(path, site) for path, site, _ in plugin.output_images(output, produced)] == walked
    # From a listing of the whole output, `.git` entered (as the seo plugin gets it): the same.
    listing = list(listed_folders(output))
    assert [(path, site) for path, site, _ in plugin.output_images(output, produced, listing)] == (
        walked
    )
    assert sorted(site for _, site in walked) == [
        "a.jpg",
        "images/2024/rapat.JPG",
        "theme/img/ikon.webp",
        "theme/img/logo.png",
    ]


def test_a_destination_already_linked_to_the_cached_file_is_left_as_it_is_a_missing_one_linked(
    tmp_path, monkeypatch
):
    """A card in the output that is the link the last build made is counted
    as linked, not removed and linked again; a destination that is another
    file is still replaced; a missing one is linked into its folder."""
    cache = pipeline.ImageCache(tmp_path / "cache")
    cache._store("card-x.png", b"cached card")
    target = tmp_path / "output" / "berita" / "og.png"
    cache.publish("card-x.png", target)
    assert target.stat().st_ino == cache.path("card-x.png").stat().st_ino

    again = pipeline.ImageCache(tmp_path / "cache")
    real_link = os.link
    linked = []

    def link(source, destination):
        linked.append(Path(destination))
        real_link(source, destination)

    monkeypatch.setattr(pipeline.os, "link", link)
    again.publish("card-x.png", target)
    assert linked == [] and (again.work.linked, again.work.copied) == (1, 0)
    assert target.stat().st_ino == cache.path("card-x.png").stat().st_ino

    other = tmp_path / "output" / "berita" / "og2.png"
    other.write_bytes(b"left over from an earlier build")
    again.publish("card-x.png", other)
    assert linked == [other] and other.stat().st_ino == cache.path("card-x.png").stat().st_ino

    # The writer emptied the output but for the pages: linked into its folder once.
    target.unlink()
    linked.clear()
    again.publish("card-x.png", target)
    assert linked == [target] and target.stat().st_ino == cache.path("card-x.png").stat().st_ino
    assert (again.work.linked, again.work.copied) == (3, 0)


def test_a_cards_date_is_its_day_formatted_once_per_day():
    """The card's date is the day of the article's date, in its own zone, as
    `dates.long_date` writes it; the formatter social_cards hands over is asked
    of the day alone, so that a day's releases share one formatting."""
    wib = datetime.timezone(datetime.timedelta(hours=7))
    asked = []

    def long_date(day):
        asked.append(day)
        return dates.long_date(day)

    formatted = [
        plugin.card_text(
            SimpleNamespace(title="Rapat", authors=[], date=moment),
            {"SITENAME": "Warta"},
            long_date,
        ).date
        for moment in (
            datetime.datetime(2024, 11, 17, 0, 5, tzinfo=wib),
            datetime.datetime(2024, 11, 17, 23, 55, tzinfo=wib),
            datetime.datetime(2024, 11, 18, 9, 30),
        )
    ]
    assert formatted == ["Minggu, 17 November 2024"] * 2 + ["Senin, 18 November 2024"]
    assert asked == [datetime.date(2024, 11, 17)] * 2 + [datetime.date(2024, 11, 18)]
    assert plugin.card_text(
        SimpleNamespace(
            title="Rapat", authors=[], date=datetime.datetime(2024, 11, 17, 23, 55, tzinfo=wib)
        ),
        {"SITENAME": "Warta"},
    ).date == dates.long_date(datetime.datetime(2024, 11, 17, 23, 55, tzinfo=wib))
