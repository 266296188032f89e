"""Sketches for the browser tests of card 1: drawn strokes and photos of "paper" sketches (JPEGs
made by Pillow, with EXIF GPS and the camera's make, as a phone would send them)."""

from __future__ import annotations

import io
import math
import random

from PIL import Image, ImageDraw


def drawing(seed: int) -> list[list[int]]:
    """A small drawing on the 0..1000 square: a house, a sun, a person or waves, by seed."""
    rnd = random.Random(seed)
    kind = seed % 4
    if kind == 0:  # a house
        return [[0, 200, 800, 200, 450, 800, 450, 800, 800, 200, 800], [1, 150, 480, 500, 150, 850, 480],
                [2, 430, 800, 430, 620, 570, 620, 570, 800]]
    if kind == 1:  # a sun over a line
        ring = [[4] + [v for a in range(0, 361, 20) for v in (500 + round(180 * math.cos(math.radians(a))),
                                                             400 + round(180 * math.sin(math.radians(a))))]]
        rays = [[4, 500 + round(230 * math.cos(math.radians(a))), 400 + round(230 * math.sin(math.radians(a))),
                 500 + round(320 * math.cos(math.radians(a))), 400 + round(320 * math.sin(math.radians(a)))]
                for a in range(0, 360, 45)]
        return ring + rays + [[3, 50, 850, 950, 850]]
    if kind == 2:  # a person
        head = [0] + [v for a in range(0, 361, 30) for v in (500 + round(90 * math.cos(math.radians(a))),
                                                              220 + round(90 * math.sin(math.radians(a))))]
        return [head, [0, 500, 310, 500, 620], [2, 330, 420, 500, 400, 670, 420], [0, 500, 620, 380, 860],
                [0, 500, 620, 620, 860]]
    return [[2] + [v for x in range(50, 951, 50) for v in (x, 500 + round(rnd.uniform(-120, 120)))],
            [1] + [v for x in range(50, 951, 50) for v in (x, 750 + round(rnd.uniform(-80, 80)))]]


def photo(seed: int, size=(2400, 1800)) -> bytes:
    """A JPEG of a pen sketch on paper, with EXIF: GPS position, camera make and model."""
    rnd = random.Random(seed)
    image = Image.new("RGB", size, (246, 243, 234))
    draw = ImageDraw.Draw(image)
    w, h = size
    for _ in range(6):
        points = [(rnd.randint(100, w - 100), rnd.randint(100, h - 100)) for _ in range(rnd.randint(3, 7))]
        draw.line(points, fill=rnd.choice([(30, 30, 40), (180, 30, 30), (20, 80, 160)]), width=18, joint="curve")
    draw.ellipse((w * 0.35, h * 0.3, w * 0.65, h * 0.7), outline=(30, 30, 40), width=20)
    exif = Image.Exif()
    exif[0x010F] = "Fairphone"
    exif[0x0110] = "FP4"
    exif[0x8825] = {1: "N", 2: (52.0, 5.0, 3.0), 3: "E", 4: (4.0, 54.0, 1.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, exif=exif)
    return out.getvalue()
