"""Draw the site's icons and its default share image from one emblem; the outputs are committed.

    .venv/bin/python scripts/make_icons.py

Writes, under static/: favicon.svg, favicon.ico (16, 32 and 48 px), apple-touch-icon.png
(180 px, opaque: iOS rounds the corners itself) and img/share.png (1200x630, the Open Graph image
of pages without one of their own, heritage/seo.py). The emblem is a gate under a roof with upturned
eaves, drawn on a 64-unit grid: the SVG writes the shapes as they are, Pillow draws them four
times larger and scales down, so every size comes from the same drawing. Needs only Pillow.
"""

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

STATIC = Path(__file__).resolve().parent.parent / "static"
RED, DARK_RED, GOLD = "#7a1e1e", "#4a1010", "#e3b04b"
GRID = 64
# The emblem: (kind, coordinates on the 64-unit grid, colour), drawn in order.
EMBLEM = [
    ("polygon", [(6, 24), (16, 15), (48, 15), (58, 24), (50, 21), (14, 21)], GOLD),  # lower roof, eaves up
    ("polygon", [(18, 14), (24, 8), (40, 8), (46, 14)], GOLD),  # upper roof
    ("rect", [(15, 25), (49, 49)], GOLD),  # gate body
    ("rect", [(27, 36), (37, 49)], DARK_RED),  # the opening...
    ("circle", [(32, 36), 5], DARK_RED),  # ...with its arch
    ("rect", [(9, 50), (55, 54)], GOLD),  # base
]
FONT_FILES = ("DejaVuSans-Bold.ttf", "NotoSans-Bold.ttf", "LiberationSans-Bold.ttf")  # with Vietnamese letters


def svg(*, rounded: bool = True) -> str:
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {GRID} {GRID}">',
        f'<rect width="{GRID}" height="{GRID}" rx="{12 if rounded else 0}" fill="{RED}"/>',
    ]
    for kind, coords, colour in EMBLEM:
        if kind == "polygon":
            points = " ".join(f"{x},{y}" for x, y in coords)
            parts.append(f'<polygon points="{points}" fill="{colour}"/>')
        elif kind == "rect":
            (x0, y0), (x1, y1) = coords
            parts.append(f'<rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" fill="{colour}"/>')
        else:
            (cx, cy), r = coords
            parts.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{colour}"/>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def emblem(size: int, *, rounded: bool, background: bool = True) -> Image.Image:
    """The emblem at `size` pixels square, drawn 4x larger and scaled down for smooth edges."""
    big = size * 4
    scale = big / GRID
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if background:
        draw.rounded_rectangle([0, 0, big - 1, big - 1], radius=12 * scale if rounded else 0, fill=RED)
    for kind, coords, colour in EMBLEM:
        if kind == "polygon":
            draw.polygon([(x * scale, y * scale) for x, y in coords], fill=colour)
        elif kind == "rect":
            (x0, y0), (x1, y1) = coords
            draw.rectangle([x0 * scale, y0 * scale, x1 * scale - 1, y1 * scale - 1], fill=colour)
        else:
            (cx, cy), r = coords
            draw.ellipse([(cx - r) * scale, (cy - r) * scale, (cx + r) * scale, (cy + r) * scale], fill=colour)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def _font(size: int):
    for name in FONT_FILES:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return None


def share_image() -> Image.Image:
    """1200x630: the emblem on the site's red, with the site's name in both languages when a font allows."""
    width, height = 1200, 630
    mask = Image.linear_gradient("L").resize((width, height))
    image = Image.composite(Image.new("RGB", (width, height), DARK_RED), Image.new("RGB", (width, height), RED), mask)
    mark = emblem(360, rounded=False, background=False)
    image.paste(mark, (110, (height - 360) // 2), mark)
    draw = ImageDraw.Draw(image)
    title, subtitle = _font(80), _font(52)
    if title and subtitle:
        left, right_margin = 530, 60
        while draw.textlength("Hue Heritage", font=title) > width - left - right_margin:
            title = _font(title.size - 4)
        draw.text((left, 235), "Hue Heritage", font=title, fill=GOLD)
        draw.text((left, 345), "Di sản Huế", font=subtitle, fill="#f3dfb0")
    else:
        print("no TrueType font with Vietnamese letters: the share image has no text", file=sys.stderr)
    return image


def main() -> None:
    (STATIC / "img").mkdir(parents=True, exist_ok=True)
    (STATIC / "favicon.svg").write_text(svg())
    emblem(48, rounded=True).save(STATIC / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    emblem(180, rounded=False).convert("RGB").save(STATIC / "apple-touch-icon.png", optimize=True)
    share_image().save(STATIC / "img" / "share.png", optimize=True)
    for name in ("favicon.svg", "favicon.ico", "apple-touch-icon.png", "img/share.png"):
        print(f"static/{name}: {(STATIC / name).stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
