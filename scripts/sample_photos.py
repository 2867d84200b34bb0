"""Draw the sample site's illustrations and logo with Pillow alone.

The sample articles carry simple, photo-like drawings instead of real photos
(no faces: figures are shapes, most seen from behind): polling station,
meeting rooms, hall with a stage, office front, warehouse, desk with
documents, notice board, street with banners, patrol, map-like patchwork and
classroom, plus the site logo. Each photo's alt text, caption and credit are
in the article that uses it. Everything is drawn from
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

# Scenes are drawn at WIDTH x HEIGHT and saved at SAVED_SIZE: small files keep
# the repository lean, and 1200 px is the largest variant the site serves.
WIDTH, HEIGHT = 1600, 1000
SAVED_SIZE = (1200, 750)
JPEG_QUALITY = 72
MAX_PHOTO_BYTES = 90_000
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


def office_front(sign: list[str], seed: int, wall: Color) -> Image.Image:
    """An office building seen from the street: sign board, windows, flag, trees."""
    img = vertical_gradient((WIDTH, HEIGHT), (150, 195, 235), (225, 238, 246))
    draw = ImageDraw.Draw(img)
    rng = random.Random(seed)
    draw.rectangle([0, 800, WIDTH, HEIGHT], fill=(120, 120, 118))
    draw.rectangle([0, 780, WIDTH, 810], fill=(190, 186, 176))
    draw.rectangle([260, 300, 1340, 790], fill=wall)
    draw.polygon([(220, 300), (800, 170), (1380, 300)], fill=(150, 70, 50))
    for row in range(2):
        for col in range(6):
            x, y = 320 + col * 170, 480 + row * 150
            if col in (2, 3) and row == 1:
                continue
            draw.rectangle(
                [x, y, x + 110, y + 100], fill=(90, 125, 150), outline=(250, 250, 250), width=6
            )
    draw.rectangle([690, 630, 910, 790], fill=(110, 75, 45))  # door
    draw.rectangle([430, 330, 1170, 450], fill=(20, 60, 120), outline=(250, 250, 250), width=6)
    centered_text(draw, (450, 338, 1150, 392), sign[0], 46, (255, 255, 255))
    if len(sign) > 1:
        centered_text(draw, (450, 392, 1150, 442), sign[1], 32, (255, 230, 150))
    draw.rectangle([120, 260, 132, 790], fill=(200, 200, 200))  # flag pole
    draw.rectangle([132, 270, 262, 312], fill=(214, 48, 49))
    draw.rectangle([132, 312, 262, 354], fill=(250, 250, 250))
    for x in (60, 1480, 1560):
        height = rng.randint(150, 230)
        draw.rectangle([x - 10, 790 - height, x + 10, 790], fill=(100, 70, 40))
        draw.ellipse([x - 90, 700 - height, x + 90, 860 - height], fill=(60, 130, 60))
    return img


def warehouse_boxes(label: str, seed: int) -> Image.Image:
    """A warehouse aisle with stacked cardboard boxes and a table of ballot papers."""
    img = vertical_gradient((WIDTH, HEIGHT), (205, 205, 200), (170, 165, 155))
    draw = ImageDraw.Draw(img)
    rng = random.Random(seed)
    draw.rectangle([0, 720, WIDTH, HEIGHT], fill=(140, 135, 125))
    for x in range(0, WIDTH, 200):  # roof beams
        draw.line([(x, 0), (x + 100, 120)], fill=(150, 150, 150), width=8)
    for stack in range(7):
        x = 40 + stack * 225
        for level in range(rng.randint(3, 5)):
            y = 720 - (level + 1) * 110
            shade = rng.randint(-12, 12)
            draw.rectangle(
                [x, y, x + 190, y + 104],
                fill=(190 + shade, 150 + shade, 100 + shade),
                outline=(140, 105, 70),
                width=3,
            )
            draw.line([(x + 95, y), (x + 95, y + 104)], fill=(210, 185, 140), width=8)
            if level == 0:
                centered_text(draw, (x + 10, y + 40, x + 180, y + 80), label, 24, (60, 40, 20))
    draw.rectangle([300, 760, 1300, 800], fill=(120, 84, 52))
    for k in range(14):
        x = 330 + k * 68
        draw.rectangle(
            [x, 730 - (k % 3) * 6, x + 56, 760], fill=(250, 250, 235), outline=(200, 200, 190)
        )
    for x in (420, 800, 1180):
        person_from_behind(
            draw, x, 780, 0.9, rng.choice([(240, 240, 240), (40, 90, 150), (200, 60, 60)])
        )
    return img


def desk_documents(heading: str, seed: int) -> Image.Image:
    """A desk seen from above: a laptop, a stamped form, folders and a pen."""
    rng = random.Random(seed)
    wood = rng.choice([(150, 105, 70), (125, 90, 60), (170, 125, 85)])
    img = Image.new("RGB", (WIDTH, HEIGHT), wood)
    draw = ImageDraw.Draw(img)
    for y in range(0, HEIGHT, 38):  # wood grain
        draw.line(
            [(0, y + rng.randint(0, 10)), (WIDTH, y + rng.randint(0, 10))],
            fill=tuple(c - 12 for c in wood),
            width=3,
        )
    draw.rounded_rectangle([120, 160, 720, 560], radius=20, fill=(60, 64, 70))  # laptop
    draw.rectangle([150, 190, 690, 520], fill=(225, 235, 245))
    for i in range(6):
        draw.rectangle(
            [190, 230 + i * 45, 190 + rng.randint(200, 460), 250 + i * 45], fill=(120, 150, 190)
        )
    draw.rounded_rectangle([90, 560, 750, 640], radius=16, fill=(80, 84, 90))
    draw.rectangle([860, 120, 1460, 900], fill=(252, 252, 248), outline=(210, 210, 200), width=3)
    centered_text(draw, (880, 150, 1440, 220), heading, 40, (20, 40, 90))
    for i in range(11):
        draw.line(
            [(920, 270 + i * 48), (920 + rng.randint(300, 480), 270 + i * 48)],
            fill=(150, 150, 160),
            width=6,
        )
    draw.ellipse([1230, 720, 1400, 880], outline=(60, 80, 170), width=10)  # stamp
    centered_text(draw, (1240, 770, 1390, 830), "BAWASLU", 26, (60, 80, 170))
    draw.line([(780, 820), (1040, 700)], fill=(30, 30, 30), width=14)  # pen
    draw.rectangle(
        [140, 700, 560, 940], fill=rng.choice([(214, 48, 49), (40, 110, 60), (230, 180, 40)])
    )
    draw.rectangle([170, 740, 530, 790], fill=(250, 250, 250))
    return img


def stage_audience(banner: list[str], seed: int, wall: Color) -> Image.Image:
    """A hall: a banner behind a podium, the audience seen from behind."""
    img = vertical_gradient((WIDTH, HEIGHT), wall, tuple(max(0, c - 40) for c in wall))
    draw = ImageDraw.Draw(img)
    rng = random.Random(seed)
    draw.rectangle([160, 90, 1440, 400], fill=(20, 60, 120), outline=(250, 250, 250), width=8)
    sizes = (60, 40, 34)
    for i, line in enumerate(banner[:3]):
        centered_text(
            draw, (200, 110 + i * 90, 1400, 190 + i * 90), line, sizes[i], (255, 255, 255)
        )
    draw.rectangle([0, 520, WIDTH, 600], fill=(110, 80, 55))  # stage
    draw.polygon([(700, 430), (860, 430), (840, 600), (720, 600)], fill=(90, 60, 40))  # podium
    draw.rectangle([740, 470, 820, 500], fill=(230, 200, 90))
    person(draw, 1150, 330, 1.0, (40, 90, 150), (180, 135, 100))
    shirts = [
        (250, 250, 250),
        (200, 60, 60),
        (60, 100, 160),
        (240, 200, 90),
        (30, 30, 40),
        (120, 160, 90),
    ]
    for row, (y, scale) in enumerate(((640, 0.85), (730, 1.05), (840, 1.3))):
        count = 8 - row * 2
        step = WIDTH / count
        for i in range(count):
            x = int(step * (i + 0.5) + (row % 2) * 50)
            person_from_behind(draw, x, y, scale, rng.choice(shirts))
    return img


def notice_board(lines: list[str], seed: int) -> Image.Image:
    """A notice board on a wall with pinned sheets; the main notice in the middle."""
    img = vertical_gradient((WIDTH, HEIGHT), (232, 228, 215), (210, 204, 190))
    draw = ImageDraw.Draw(img)
    rng = random.Random(seed)
    draw.rectangle([140, 100, 1460, 880], fill=(190, 150, 100), outline=(110, 80, 50), width=24)
    for _ in range(6):  # smaller sheets
        x, y = rng.randint(200, 1240), rng.choice([160, 560])
        if 480 < x < 1000:
            continue
        draw.rectangle([x, y, x + 200, y + 260], fill=(250, 250, 240))
        for i in range(6):
            draw.line(
                [(x + 20, y + 40 + i * 35), (x + 20 + rng.randint(90, 160), y + 40 + i * 35)],
                fill=(160, 160, 170),
                width=5,
            )
        draw.ellipse([x + 90, y - 10, x + 110, y + 10], fill=(214, 48, 49))
    draw.rectangle([500, 170, 1100, 820], fill=(255, 255, 250), outline=(20, 60, 120), width=6)
    draw.rectangle([500, 170, 1100, 260], fill=(20, 60, 120))
    centered_text(draw, (510, 180, 1090, 250), lines[0], 48, (255, 255, 255))
    for i, line in enumerate(lines[1:4]):
        centered_text(draw, (520, 290 + i * 70, 1080, 350 + i * 70), line, 34, (20, 40, 80))
    for i in range(5):
        draw.line(
            [(560, 540 + i * 45), (560 + rng.randint(300, 480), 540 + i * 45)],
            fill=(150, 150, 160),
            width=6,
        )
    draw.ellipse([785, 150, 815, 180], fill=(214, 48, 49))
    return img


def street_banners(texts: list[str], seed: int) -> Image.Image:
    """A road with campaign-style banners on poles and a pickup truck."""
    img = vertical_gradient((WIDTH, HEIGHT), (140, 190, 235), (225, 236, 244))
    draw = ImageDraw.Draw(img)
    rng = random.Random(seed)
    draw.rectangle([0, 620, WIDTH, HEIGHT], fill=(95, 95, 100))
    draw.rectangle([0, 600, WIDTH, 630], fill=(180, 180, 170))
    for x in range(0, WIDTH, 180):
        draw.rectangle([x + 40, 820, x + 130, 840], fill=(240, 240, 240))
    for x in range(0, WIDTH, 300):  # trees behind
        draw.ellipse([x - 40, 280, x + 180, 520], fill=(70, 140, 70))
        draw.rectangle([x + 60, 450, x + 80, 610], fill=(100, 70, 40))
    colors = [(214, 48, 49), (40, 110, 170), (240, 190, 40), (60, 150, 90)]
    for i, text in enumerate(texts[:3]):
        x = 120 + i * 480
        draw.rectangle([x, 340, x + 12, 610], fill=(90, 90, 90))
        draw.rectangle([x + 300, 340, x + 312, 610], fill=(90, 90, 90))
        draw.rectangle(
            [x - 20, 350, x + 332, 480], fill=rng.choice(colors), outline=(255, 255, 255), width=6
        )
        centered_text(draw, (x - 10, 370, x + 322, 460), text, 38, (255, 255, 255))
    draw.rounded_rectangle([980, 640, 1420, 800], radius=20, fill=(240, 240, 240))  # pickup
    draw.rectangle([1260, 580, 1410, 660], fill=(200, 220, 235))
    for wx in (1060, 1340):
        draw.ellipse([wx - 50, 760, wx + 50, 860], fill=(30, 30, 30))
    for x in (300, 520):
        person(draw, x, 560, 1.0, (240, 240, 240), rng.choice([(196, 150, 110), (170, 125, 90)]))
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
    img = img.convert("RGB").resize(SAVED_SIZE, Image.Resampling.LANCZOS)
    img.save(path, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
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
    # One to three photos for most other releases (the first is the featured
    # image, the others a gallery in the body).
    "2024/posko-kawal-hak-pilih.jpg": lambda: office_front(
        ["POSKO KAWAL HAK PILIH", "BAWASLU KOTA PALEMBANG"], seed=101, wall=(226, 220, 206)
    ),
    "2024/pleno-dpt-prabumulih.jpg": lambda: meeting_room(
        ["RAPAT PLENO TERBUKA", "PENETAPAN DAFTAR PEMILIH TETAP", "PILKADA 2024 KOTA PRABUMULIH"],
        ["KPU", "BAWASLU", "SAKSI"],
        seed=21,
        wall=(222, 226, 214),
    ),
    "2024/catatan-tms-prabumulih.jpg": lambda: desk_documents("CATATAN PEMILIH TMS", seed=22),
    "2024/penetapan-paslon-sumsel.jpg": lambda: meeting_room(
        ["RAPAT PLENO TERBUKA", "PENETAPAN PASANGAN CALON", "PEMILIHAN GUBERNUR SUMSEL 2024"],
        ["KPU", "BAWASLU", "KETUA", "SEKRETARIS"],
        seed=23,
        wall=(230, 222, 214),
    ),
    "2024/kampanye-hari-pertama-lahat.jpg": lambda: street_banners(
        ["PATUHI ATURAN KAMPANYE", "KAMPANYE DAMAI", "AWASI BERSAMA"], seed=24
    ),
    "2024/apel-pengawas-lahat.jpg": lambda: stage_audience(
        ["APEL PENGAWAS KAMPANYE", "BAWASLU KABUPATEN LAHAT"], seed=25, wall=(214, 222, 230)
    ),
    "2024/netralitas-asn-belitang.jpg": lambda: stage_audience(
        ["SOSIALISASI NETRALITAS ASN", "DAN KEPALA DESA", "KECAMATAN BELITANG"],
        seed=26,
        wall=(226, 230, 214),
    ),
    "2024/pengaduan-lubuklinggau.jpg": lambda: notice_board(
        ["PENGUMUMAN", "LAYANAN PENGADUAN", "DUGAAN PELANGGARAN", "KAMPANYE SETIAP HARI"], seed=27
    ),
    "2024/penertiban-apk-sekayu.jpg": lambda: street_banners(
        ["APK MELANGGAR", "DITERTIBKAN", "SEKAYU"], seed=28
    ),
    "2024/apk-sitaan-sekayu.jpg": lambda: warehouse_boxes("APK SITAAN", seed=29),
    "2024/pemilih-pemula-kayuagung.jpg": lambda: stage_audience(
        ["PEMILIH PEMULA", "TOLAK POLITIK UANG", "KAYUAGUNG"], seed=30, wall=(230, 218, 210)
    ),
    "2024/gakkumdu-muara-enim.jpg": lambda: meeting_room(
        ["SENTRA GAKKUMDU", "PEMBAHASAN PERTAMA", "KABUPATEN MUARA ENIM"],
        ["BAWASLU", "POLRES", "KEJARI"],
        seed=31,
        wall=(214, 220, 226),
    ),
    "2024/sortir-surat-suara-pagaralam.jpg": lambda: warehouse_boxes("SURAT SUARA", seed=32),
    "2024/berita-acara-sortir-pagaralam.jpg": lambda: desk_documents(
        "BERITA ACARA SORTIR", seed=33
    ),
    "2024/logistik-pagaralam.jpg": lambda: warehouse_boxes("LOGISTIK PILKADA", seed=34),
    "2024/bimtek-pengawas-tps-banyuasin.jpg": lambda: stage_audience(
        ["BIMTEK PENGAWAS TPS", "KECAMATAN TALANG KELAPA"], seed=35, wall=(214, 222, 230)
    ),
    "2024/formulir-pengawasan-banyuasin.jpg": lambda: desk_documents("FORMULIR MODEL A", seed=36),
    "2024/masa-tenang-sumsel.jpg": lambda: street_banners(
        ["MASA TENANG", "HENTIKAN KAMPANYE", "BERSIHKAN APK"], seed=37
    ),
    "2024/patroli-indralaya-utara.jpg": lambda: street_banners(
        ["PATROLI MASA TENANG", "INDRALAYA UTARA", "BAWASLU OGAN ILIR"], seed=38
    ),
    "2024/rekap-baturaja-timur.jpg": lambda: meeting_room(
        ["REKAPITULASI TINGKAT KECAMATAN", "BATURAJA TIMUR", "PILKADA 2024"],
        ["PPK", "PANWASLU", "SAKSI"],
        seed=40,
        wall=(222, 226, 214),
    ),
    "2024/kotak-suara-baturaja-timur.jpg": lambda: warehouse_boxes("KOTAK SUARA", seed=41),
    "2024/pleno-kabupaten-pali.jpg": lambda: meeting_room(
        ["RAPAT PLENO REKAPITULASI", "TINGKAT KABUPATEN", "PENUKAL ABAB LEMATANG ILIR"],
        ["KPU", "BAWASLU", "SAKSI 1", "SAKSI 2"],
        seed=42,
        wall=(228, 224, 210),
    ),
    "2024/pleno-provinsi-sumsel.jpg": lambda: meeting_room(
        [
            "RAPAT PLENO REKAPITULASI",
            "PEMILIHAN GUBERNUR DAN WAKIL GUBERNUR",
            "TINGKAT PROVINSI SUMATERA SELATAN",
        ],
        ["KPU", "BAWASLU", "KETUA", "SAKSI"],
        seed=43,
        wall=(222, 226, 214),
    ),
    "2024/hasil-provinsi-sumsel.jpg": lambda: desk_documents("REKAP HASIL PROVINSI", seed=44),
    "2025/keterangan-phpu.jpg": lambda: desk_documents("KETERANGAN BAWASLU", seed=45),
    "2025/evaluasi-ad-hoc-lubuklinggau.jpg": lambda: meeting_room(
        ["EVALUASI KINERJA", "PENGAWAS AD HOC", "PILKADA 2024"],
        ["KETUA", "ANGGOTA", "SEKRETARIAT"],
        seed=46,
        wall=(220, 228, 222),
    ),
    "2025/evaluasi-penanganan-pelanggaran.jpg": lambda: stage_audience(
        [
            "EVALUASI PENANGANAN PELANGGARAN",
            "PILKADA SERENTAK 2024",
            "BAWASLU PROVINSI SUMATERA SELATAN",
        ],
        seed=47,
        wall=(214, 222, 230),
    ),
    "2025/pleno-pdpb-palembang.jpg": lambda: meeting_room(
        ["RAPAT PLENO TERBUKA", "PDPB TRIWULAN I 2025", "KOTA PALEMBANG"],
        ["KPU", "BAWASLU", "DISDUKCAPIL"],
        seed=49,
        wall=(222, 226, 214),
    ),
    "2025/pleno-ketua-palembang.jpg": lambda: meeting_room(
        ["RAPAT PLENO", "PEMILIHAN KETUA", "BAWASLU KOTA PALEMBANG"],
        ["ANGGOTA", "ANGGOTA", "ANGGOTA"],
        seed=50,
        wall=(232, 224, 212),
    ),
    "2025/goes-to-school-muaradua.jpg": lambda: stage_audience(
        ["BAWASLU GOES TO SCHOOL", "MUARADUA"], seed=51, wall=(222, 230, 218)
    ),
    "2025/sekolah-muaradua.jpg": lambda: office_front(
        ["SELAMAT DATANG", "PESERTA BAWASLU GOES TO SCHOOL"], seed=52, wall=(236, 228, 200)
    ),
    "2025/netralitas-asn-lahat.jpg": lambda: meeting_room(
        ["KAJIAN PENANGANAN", "DUGAAN PELANGGARAN NETRALITAS ASN"],
        ["BAWASLU", "BKPSDM", "INSPEKTORAT"],
        seed=53,
        wall=(222, 226, 214),
    ),
    "2025/uji-petik-tanjung-raja.jpg": lambda: desk_documents("UJI PETIK DATA PEMILIH", seed=54),
    "2025/kantor-desa-tanjung-raja.jpg": lambda: office_front(
        ["KANTOR DESA", "KECAMATAN TANJUNG RAJA"], seed=55, wall=(226, 232, 216)
    ),
    "2025/daftar-informasi-publik-palembang.jpg": lambda: notice_board(
        ["PENGUMUMAN", "DAFTAR INFORMASI PUBLIK", "BAWASLU KOTA PALEMBANG", "TAHUN 2026"], seed=56
    ),
    "2026/pemetaan-kerawanan-2029.jpg": lambda: meeting_room(
        ["PEMETAAN KERAWANAN", "MENUJU PEMILU 2029"],
        ["KETUA", "P2H", "PPDATIN", "SDMO"],
        seed=57,
        wall=(218, 224, 232),
    ),
    "2026/data-kerawanan-2029.jpg": lambda: desk_documents("DATA AWAL KERAWANAN", seed=58),
    "2026/pendaftaran-skpp-2026.jpg": lambda: notice_board(
        ["PENGUMUMAN", "PENDAFTARAN", "SEKOLAH KADER", "PENGAWASAN PARTISIPATIF 2026"], seed=60
    ),
    "2026/karang-taruna-rupit.jpg": lambda: stage_audience(
        ["BAWASLU MURATARA", "BERSAMA KARANG TARUNA", "RUPIT"], seed=61, wall=(230, 226, 212)
    ),
    "2026/kepala-desa-tugumulyo.jpg": lambda: stage_audience(
        ["PENGAWASAN PDPB", "BERSAMA KEPALA DESA", "KECAMATAN TUGUMULYO"],
        seed=62,
        wall=(214, 222, 230),
    ),
    "2026/data-pemilih-tugumulyo.jpg": lambda: desk_documents("DATA PEMILIH DESA", seed=63),
    "2026/pengurus-masjid-kemuning.jpg": lambda: stage_audience(
        ["PENGAWASAN PARTISIPATIF", "PENGURUS MASJID DAN MAJELIS TAKLIM", "KECAMATAN KEMUNING"],
        seed=64,
        wall=(224, 230, 222),
    ),
    "2026/evaluasi-pdpb-triwulan-iii.jpg": lambda: meeting_room(
        ["EVALUASI PENGAWASAN PDPB", "TRIWULAN III 2026", "DAN RENCANA KERJA 2027"],
        ["KETUA", "PPDATIN", "HUKUM", "SDMO"],
        seed=65,
        wall=(222, 226, 214),
    ),
    "2026/rencana-kerja-2027.jpg": lambda: desk_documents("RENCANA KERJA 2027", seed=66),
    "2026/kantor-bawaslu-sumsel.jpg": lambda: office_front(
        ["BAWASLU", "PROVINSI SUMATERA SELATAN"], seed=67, wall=(226, 220, 206)
    ),
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
