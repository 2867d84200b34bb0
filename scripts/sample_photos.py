"""Draw the sample site's illustrations and logo with Pillow alone.

The sample articles carry simple, photo-like drawings instead of real photos:
a polling station, two meeting rooms, a patrol with a banner, a map-like
patchwork and a classroom, plus the site logo. Everything is drawn from
shapes and Pillow's bundled font (`ImageFont.load_default(size=...)`, Pillow
>= 10.1), with fixed random seeds, so a rerun writes the same pictures.

    python scripts/sample_photos.py [--out content/images]
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

WIDTH, HEIGHT = 1600, 1000
JPEG_QUALITY = 82
MAX_PHOTO_BYTES = 300_000
MAX_LOGO_BYTES = 40_000

Color = tuple[int, int, int]


def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


def vertical_gradient(size: tuple[int, int], top: Color, bottom: Color) -> Image.Image:
    """A canvas fading from `top` to `bottom`, built one row at a time."""
    width, height = size
    img = Image.new("RGB", size, top)
    draw = ImageDraw.Draw(img)
    for y in range(height):
        t = y / max(height - 1, 1)
        color = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=color)
    return img


def centered_text(draw: ImageDraw.ImageDraw, box, text: str, size: int, fill) -> None:
    """Write `text` centred in `box` (left, top, right, bottom), shrunk to fit its width."""
    left, top, right, bottom = box
    face = font(size)
    bbox = draw.textbbox((0, 0), text, font=face)
    while bbox[2] - bbox[0] > right - left - 8 and size > 10:  # shrink until it fits
        size -= 2
        face = font(size)
        bbox = draw.textbbox((0, 0), text, font=face)
    w, h = bbox[2] - bbox[0], bbox[3] - bbox[1]
    x = left + (right - left - w) / 2 - bbox[0]
    y = top + (bottom - top - h) / 2 - bbox[1]
    draw.text((x, y), text, font=face, fill=fill)


def person(
    draw: ImageDraw.ImageDraw, x: int, y: int, scale: float, shirt: Color, skin: Color
) -> None:
    """A seated or standing figure seen from the front: head and shoulders."""
    head = 34 * scale
    draw.rounded_rectangle(
        [x - 62 * scale, y + head * 1.5, x + 62 * scale, y + head * 5.2],
        radius=int(40 * scale),
        fill=shirt,
    )
    draw.ellipse([x - head, y - head * 0.2, x + head, y + head * 1.9], fill=skin)
    draw.chord([x - head, y - head * 0.3, x + head, y + head * 1.2], 180, 360, fill=(40, 32, 30))


def person_from_behind(
    draw: ImageDraw.ImageDraw, x: int, y: int, scale: float, shirt: Color
) -> None:
    head = 30 * scale
    draw.rounded_rectangle(
        [x - 58 * scale, y + head * 1.4, x + 58 * scale, y + head * 5.0],
        radius=int(36 * scale),
        fill=shirt,
    )
    draw.ellipse([x - head, y - head * 0.2, x + head, y + head * 1.8], fill=(38, 30, 28))


def polling_station() -> Image.Image:
    """A TPS under a tent: transparent ballot box on a table, two booths, a sign."""
    img = vertical_gradient((WIDTH, HEIGHT), (196, 222, 240), (236, 240, 232))
    draw = ImageDraw.Draw(img)
    # ground and tent
    draw.rectangle([0, 700, WIDTH, HEIGHT], fill=(170, 160, 140))
    draw.polygon([(80, 170), (WIDTH - 80, 170), (WIDTH - 20, 260), (20, 260)], fill=(214, 48, 49))
    for i in range(12):
        x0 = 20 + i * (WIDTH - 40) / 12
        fill = (245, 245, 245) if i % 2 else (214, 48, 49)
        draw.polygon(
            [(x0, 260), (x0 + (WIDTH - 40) / 12, 260), (x0 + (WIDTH - 40) / 24, 300)], fill=fill
        )
    for x in (60, WIDTH - 72):
        draw.rectangle([x, 260, x + 12, 720], fill=(120, 120, 120))
    # sign on the back wall
    draw.rectangle([520, 310, 1080, 410], fill=(255, 255, 255), outline=(30, 60, 120), width=6)
    centered_text(draw, (520, 312, 1080, 362), "TPS 012", 44, (30, 60, 120))
    centered_text(draw, (520, 360, 1080, 408), "PILKADA SERENTAK 2024", 30, (30, 60, 120))
    # booths: three cardboard panels each
    for bx in (140, 1170):
        draw.polygon([(bx, 470), (bx + 290, 470), (bx + 290, 740), (bx, 740)], fill=(222, 222, 222))
        draw.polygon([(bx - 40, 450), (bx, 470), (bx, 740), (bx - 40, 760)], fill=(200, 200, 200))
        draw.polygon(
            [(bx + 290, 470), (bx + 330, 450), (bx + 330, 760), (bx + 290, 740)],
            fill=(200, 200, 200),
        )
        draw.rectangle([bx, 560, bx + 290, 590], fill=(214, 48, 49))
        centered_text(draw, (bx, 600, bx + 290, 660), "BILIK SUARA", 30, (60, 60, 60))
        draw.rectangle([bx + 20, 740, bx + 40, 850], fill=(90, 90, 90))
        draw.rectangle([bx + 250, 740, bx + 270, 850], fill=(90, 90, 90))
    # table with two transparent ballot boxes
    draw.rectangle([500, 640, 1100, 690], fill=(120, 84, 52))
    draw.rectangle([520, 690, 545, 880], fill=(96, 66, 40))
    draw.rectangle([1055, 690, 1080, 880], fill=(96, 66, 40))
    for bx, label in ((560, "GUBERNUR"), (840, "WALI KOTA")):
        box = Image.new("RGBA", (220, 200), (170, 215, 240, 120))
        img.paste(box, (bx, 440), box)
        draw.rectangle([bx, 440, bx + 220, 640], outline=(90, 130, 160), width=4)
        draw.rectangle(
            [bx - 6, 425, bx + 226, 445], fill=(235, 235, 235), outline=(90, 130, 160), width=3
        )
        draw.rectangle([bx + 80, 430, bx + 140, 438], fill=(40, 40, 40))
        draw.rectangle([bx + 40, 560, bx + 180, 600], fill=(255, 255, 255))
        centered_text(draw, (bx + 40, 560, bx + 180, 600), label, 20, (30, 60, 120))
        for k in range(4):  # folded ballots inside
            draw.rectangle(
                [bx + 30 + k * 40, 610 - k * 4, bx + 62 + k * 40, 630], fill=(250, 250, 235)
            )
    # officers in front
    person(draw, 380, 760, 1.0, (40, 90, 150), (196, 150, 110))
    person(draw, 1300, 770, 0.95, (230, 230, 230), (170, 125, 90))
    return img


def meeting_room(banner: list[str], plates: list[str], seed: int, wall: Color) -> Image.Image:
    """A long table seen from the front with name plates and a banner behind."""
    rng = random.Random(seed)
    img = vertical_gradient((WIDTH, HEIGHT), wall, tuple(max(c - 40, 0) for c in wall))
    draw = ImageDraw.Draw(img)
    draw.rectangle([0, 760, WIDTH, HEIGHT], fill=(110, 70, 60))
    draw.rectangle([160, 90, WIDTH - 160, 360], fill=(18, 70, 130))
    draw.rectangle([160, 340, WIDTH - 160, 360], fill=(214, 48, 49))
    line_height = (250 - 20) / len(banner)
    for i, text in enumerate(banner):
        top = 100 + i * line_height
        centered_text(
            draw, (160, top, WIDTH - 160, top + line_height), text, 40 if i else 48, (255, 255, 255)
        )
    seats = len(plates)
    step = (WIDTH - 300) / seats
    skins = [(196, 150, 110), (170, 125, 90), (210, 165, 125), (150, 105, 75)]
    shirts = [(250, 250, 250), (40, 60, 100), (120, 30, 40), (30, 110, 90), (200, 200, 210)]
    for i in range(seats):
        x = int(150 + step * (i + 0.5))
        person(draw, x, 430, 1.05, rng.choice(shirts), rng.choice(skins))
    draw.rectangle([90, 600, WIDTH - 90, 650], fill=(245, 245, 240))  # tablecloth top
    draw.rectangle([90, 650, WIDTH - 90, 830], fill=(28, 92, 150))
    draw.rectangle([90, 650, WIDTH - 90, 670], fill=(214, 48, 49))
    for i, label in enumerate(plates):
        x = int(150 + step * (i + 0.5))
        draw.polygon(
            [(x - 90, 610), (x + 90, 610), (x + 80, 560), (x - 80, 560)], fill=(255, 255, 255)
        )
        draw.line([(x - 90, 610), (x + 90, 610)], fill=(150, 150, 150), width=2)
        centered_text(draw, (x - 80, 562, x + 80, 608), label, 22, (20, 40, 80))
        draw.rectangle(
            [x + 94, 618, x + 124, 640], fill=(230, 230, 230), outline=(170, 170, 170)
        )  # papers
        draw.ellipse(
            [x - 126, 614, x - 100, 640], fill=(240, 240, 240), outline=(120, 120, 120)
        )  # cup
    return img


def patrol_banner() -> Image.Image:
    """A street with trees and a patrol team holding a long banner."""
    img = vertical_gradient((WIDTH, HEIGHT), (140, 190, 235), (220, 235, 245))
    draw = ImageDraw.Draw(img)
    rng = random.Random(7)
    draw.rectangle([0, 560, WIDTH, HEIGHT], fill=(95, 95, 100))
    draw.rectangle([0, 540, WIDTH, 570], fill=(180, 180, 170))
    for x in range(0, WIDTH, 160):
        draw.rectangle([x + 40, 780, x + 120, 800], fill=(240, 240, 240))
    for x in range(40, WIDTH, 260):  # shophouses
        h = rng.randint(220, 320)
        draw.rectangle(
            [x, 540 - h, x + 220, 540],
            fill=rng.choice([(230, 200, 160), (200, 180, 150), (215, 215, 200)]),
        )
        for wx in (x + 25, x + 125):
            draw.rectangle([wx, 560 - h, wx + 70, 620 - h], fill=(90, 120, 140))
        draw.rectangle([x + 70, 440, x + 150, 540], fill=(120, 80, 50))
    for x in (180, 820, 1450):  # trees
        draw.rectangle([x - 12, 380, x + 12, 560], fill=(100, 70, 40))
        draw.ellipse([x - 110, 220, x + 110, 420], fill=(60, 130, 60))
    xs = [260, 470, 680, 920, 1130, 1340]
    for x in xs:
        person(draw, x, 500, 1.1, (240, 240, 240), rng.choice([(196, 150, 110), (170, 125, 90)]))
        draw.rectangle([x - 60, 700, x - 10, 900], fill=(40, 40, 50))
        draw.rectangle([x + 10, 700, x + 60, 900], fill=(40, 40, 50))
    draw.rectangle([200, 600, 1400, 770], fill=(214, 48, 49))
    draw.rectangle([200, 600, 1400, 770], outline=(255, 255, 255), width=8)
    centered_text(draw, (200, 605, 1400, 690), "TOLAK POLITIK UANG", 70, (255, 255, 255))
    centered_text(
        draw, (200, 690, 1400, 765), "PATROLI PENGAWASAN MASA TENANG", 40, (255, 240, 200)
    )
    return img


def patchwork_map() -> Image.Image:
    """A map-like patchwork of regions coloured by level, with a legend."""
    rng = random.Random(16)
    small_w, small_h = 320, 200
    seeds = [(rng.randint(40, 260), rng.randint(20, 180)) for _ in range(17)]
    levels = [rng.choice((0, 0, 1, 1, 2)) for _ in seeds]
    palette = [(120, 190, 120), (240, 200, 90), (225, 95, 80)]
    cx, cy = 150, 100
    small = Image.new("RGB", (small_w, small_h), (170, 205, 230))
    px = small.load()
    for y in range(small_h):
        for x in range(small_w):
            # an irregular land shape: a squashed ellipse with a wavy edge
            dx, dy = (x - cx) / 125, (y - cy) / 82
            wobble = 0.08 * ((x * 7 + y * 13) % 11) / 11
            if dx * dx + dy * dy > 1 - wobble:
                continue
            nearest = min(
                range(len(seeds)), key=lambda i: (seeds[i][0] - x) ** 2 + (seeds[i][1] - y) ** 2
            )
            px[x, y] = palette[levels[nearest]]
    img = small.resize((WIDTH, HEIGHT), Image.Resampling.NEAREST)
    edges = img.convert("L").filter(ImageFilter.FIND_EDGES)
    edges = edges.point(lambda v: 255 if v > 8 else 0).filter(ImageFilter.MaxFilter(3))
    img.paste((255, 255, 255), mask=edges)
    draw = ImageDraw.Draw(img)
    for sx, sy in seeds:
        x, y = sx * WIDTH // small_w, sy * HEIGHT // small_h
        if img.getpixel((x, y)) != (170, 205, 230):
            draw.ellipse([x - 9, y - 9, x + 9, y + 9], fill=(30, 40, 60))
    draw.rectangle([1230, 40, 1570, 300], fill=(255, 255, 255), outline=(60, 60, 60), width=3)
    centered_text(draw, (1230, 50, 1570, 100), "TINGKAT KERAWANAN", 26, (30, 30, 30))
    for i, (label, color) in enumerate(zip(("Rendah", "Sedang", "Tinggi"), palette, strict=True)):
        top = 115 + i * 60
        draw.rectangle([1260, top, 1320, top + 40], fill=color, outline=(60, 60, 60))
        draw.text((1340, top + 4), label, font=font(28), fill=(30, 30, 30))
    draw.rectangle([40, 900, 760, 970], fill=(255, 255, 255))
    centered_text(
        draw, (40, 900, 760, 970), "PETA ILUSTRASI, BUKAN DATA SEBENARNYA", 28, (30, 30, 30)
    )
    return img


def classroom() -> Image.Image:
    """Participants seen from behind, facing a whiteboard; mountains in the window."""
    img = vertical_gradient((WIDTH, HEIGHT), (236, 232, 220), (205, 198, 185))
    draw = ImageDraw.Draw(img)
    rng = random.Random(72)
    # window with a mountain
    draw.rectangle([1180, 120, 1520, 420], fill=(150, 200, 235), outline=(250, 250, 250), width=14)
    draw.polygon([(1190, 410), (1330, 210), (1420, 290), (1510, 410)], fill=(70, 120, 90))
    draw.polygon([(1300, 252), (1330, 210), (1362, 252)], fill=(235, 235, 235))
    draw.line([(1350, 120), (1350, 420)], fill=(250, 250, 250), width=10)
    # whiteboard
    draw.rectangle([170, 110, 1060, 470], fill=(250, 250, 250), outline=(140, 140, 150), width=10)
    centered_text(draw, (170, 130, 1060, 200), "SEKOLAH KADER", 54, (20, 60, 120))
    centered_text(draw, (170, 200, 1060, 260), "PENGAWASAN PARTISIPATIF", 40, (20, 60, 120))
    for i, width in enumerate((620, 540, 580)):
        draw.line([(240, 310 + i * 45), (240 + width, 310 + i * 45)], fill=(200, 60, 60), width=6)
    person(draw, 1110, 360, 1.0, (30, 80, 140), (180, 135, 100))  # the speaker
    draw.rectangle([0, 560, WIDTH, HEIGHT], fill=(160, 130, 100))
    shirts = [(250, 250, 250), (200, 60, 60), (60, 100, 160), (240, 200, 90), (80, 140, 100)]
    for row, (y, scale) in enumerate(((600, 0.9), (700, 1.1), (810, 1.35))):
        count = 6 - row
        step = WIDTH / count
        for i in range(count):
            x = int(step * (i + 0.5) + (row % 2) * 40)
            draw.rectangle(
                [x - 100 * scale, y + 130 * scale, x + 100 * scale, y + 150 * scale],
                fill=(120, 90, 60),
            )
            person_from_behind(draw, x, y, scale, rng.choice(shirts))
    return img


def logo() -> Image.Image:
    """The site emblem: a ring, a ballot with a check mark, the word WARTA."""
    size = 512
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.ellipse([16, 16, 496, 496], fill=(18, 70, 130))
    draw.ellipse([40, 40, 472, 472], outline=(255, 255, 255), width=8)
    draw.rounded_rectangle([156, 96, 356, 300], radius=18, fill=(255, 255, 255))
    draw.rectangle([196, 84, 316, 108], fill=(214, 48, 49))  # slot band of the ballot box
    draw.line([(196, 206), (242, 252), (320, 150)], fill=(214, 48, 49), width=26, joint="curve")
    centered_text(draw, (70, 312, 442, 404), "WARTA", 88, (255, 255, 255))
    return img


def save_photo(img: Image.Image, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    img.convert("RGB").save(path, "JPEG", quality=JPEG_QUALITY, optimize=True)
    size = path.stat().st_size
    if size > MAX_PHOTO_BYTES:
        raise SystemExit(f"{path}: {size} bytes, over the {MAX_PHOTO_BYTES} limit")


PHOTOS: dict[str, Callable[[], Image.Image]] = {
    "2024/tps-kotak-suara.jpg": polling_station,
    "2024/rakernis-pungut-hitung.jpg": lambda: meeting_room(
        [
            "RAPAT KERJA TEKNIS",
            "PENGAWASAN PEMUNGUTAN DAN PENGHITUNGAN SUARA",
            "PILKADA SERENTAK 2024",
        ],
        ["KETUA", "P2H", "PPDATIN", "HUKUM", "SDMO"],
        seed=11,
        wall=(228, 222, 210),
    ),
    "2024/rakor-persiapan-phpu.jpg": lambda: meeting_room(
        ["RAPAT KOORDINASI", "PERSIAPAN MENGHADAPI PERSELISIHAN HASIL", "PEMILIHAN SERENTAK 2024"],
        ["HUKUM", "KETUA", "PPDATIN", "SEKRETARIAT"],
        seed=12,
        wall=(214, 224, 230),
    ),
    "2024/patroli-antipolitik-uang.jpg": patrol_banner,
    "2025/peta-kerawanan-tps.jpg": patchwork_map,
    "2025/sekolah-kader-pagaralam.jpg": classroom,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parent.parent / "content" / "images"
    )
    args = parser.parse_args()
    for name, draw_scene in PHOTOS.items():
        path = args.out / name
        save_photo(draw_scene(), path)
        print(f"{path} {path.stat().st_size} bytes")
    logo_path = args.out / "logo-warta.png"
    logo().quantize(colors=16, method=Image.Quantize.FASTOCTREE).save(logo_path, optimize=True)
    if logo_path.stat().st_size > MAX_LOGO_BYTES:
        raise SystemExit(f"{logo_path}: over the {MAX_LOGO_BYTES} byte limit")
    print(f"{logo_path} {logo_path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
