#!/usr/bin/env python3
"""Pictures of printed pages for the paper tests (PROTOCOL 12.3), made with Pillow: what a
phone or a cheap scanner makes of a page, and what an attacker makes of one.

  paper_images.py degrade IN OUT      rotated 3 degrees, scaled to 70 %, grey, JPEG quality 40
  paper_images.py swap-code A B OUT   page A with its first QR code replaced by page B's first
  paper_images.py blank OUT           a white A4 page at 150 dpi, without any code
"""
import sys

from PIL import Image


def degrade(source, target):
    image = Image.open(source).convert("L")
    image = image.rotate(3, resample=Image.BICUBIC, expand=True, fillcolor=255)
    image = image.resize((int(image.width * 0.7), int(image.height * 0.7)), Image.BICUBIC)
    image.save(target, "JPEG", quality=40)


def first_code_box(image):
    """The box of the first QR code on a page: 60 mm wide from the left margin, from the first
    of 200 rows (a third of a code at 150 dpi) that are nearly all a quarter dark or more, to
    the last such row before the light space under it."""
    grey = image.convert("L")
    left = int(56 / 72 * grey.width / 8.27)  # the page margin, at this resolution
    width = int(60 / 25.4 * grey.width / 8.27)
    pixels = grey.load()
    dark = [sum(1 for x in range(left, left + width, 2) if pixels[x, row] < 128) * 2 > width // 4 for row in range(grey.height)]
    top = next(row for row in range(grey.height - 200) if sum(dark[row:row + 200]) >= 190)
    bottom = top
    while bottom < grey.height and any(dark[bottom:bottom + 12]):
        bottom += 1
    margin = 10
    return (left - margin, top - margin, left + width + margin, bottom + margin)


def swap_code(page, donor, target):
    image = Image.open(page).convert("RGB")
    other = Image.open(donor).convert("RGB")
    box = first_code_box(other)
    image.paste(other.crop(box), box[:2])
    image.save(target)


def blank(target):
    Image.new("L", (1240, 1754), 255).save(target)


if __name__ == "__main__":
    command, arguments = sys.argv[1], sys.argv[2:]
    {"degrade": degrade, "swap-code": swap_code, "blank": blank}[command](*arguments)
