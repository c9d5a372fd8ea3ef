"""Placeholder pictures for the demo, drawn with Pillow so the demo needs no network and carries no rights.

Every picture says in large letters that it is a placeholder (PLACEHOLDER / ẢNH MINH HỌA), so a
generated image can never be mistaken for a photograph of the monument. The functions return JPEG
bytes and the pixel size; writing them to storage is the loader's job.
"""

import functools
import hashlib
import io
import unicodedata
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

PLACEHOLDER_LABEL = "PLACEHOLDER / ẢNH MINH HỌA"
PANORAMA_LABEL = "PLACEHOLDER 360° / ẢNH TOÀN CẢNH MINH HỌA"
FOOTER = "Hue Heritage demo data · không phải ảnh chụp / not a photograph"

PHOTO_SIZE = (1200, 800)
PANORAMA_SIZE = (2048, 1024)  # equirectangular: exactly 2:1

# Fonts known to carry Vietnamese letters (Latin Extended Additional). Pillow looks bare file
# names up in the system font folders.
FONT_FILES = (
    "DejaVuSans-Bold.ttf",
    "NotoSans-Bold.ttf",
    "LiberationSans-Bold.ttf",
    "Arial Bold.ttf",
    "arialbd.ttf",
)

# Dark and light ends of the background gradient, by monument category.
PALETTES = {
    "citadel": ((74, 62, 48), (176, 150, 108)),
    "gate": ((110, 28, 28), (214, 164, 72)),
    "palace": ((128, 22, 22), (226, 178, 66)),
    "temple": ((84, 30, 44), (198, 132, 78)),
    "pavilion": ((92, 48, 26), (206, 160, 96)),
    "theatre": ((70, 22, 60), (200, 120, 130)),
    "pagoda": ((66, 58, 40), (192, 172, 124)),
    "tomb": ((34, 64, 56), (148, 180, 142)),
    "residence": ((48, 52, 86), (168, 160, 204)),
    "object": ((62, 62, 54), (182, 164, 116)),
    "garden": ((28, 76, 40), (140, 190, 120)),
}
BEFORE_PALETTE = ((60, 56, 52), (150, 140, 128))
AFTER_PALETTE = ((24, 70, 96), (150, 196, 214))


@dataclass(frozen=True)
class Rendered:
    data: bytes
    width: int
    height: int


@functools.cache
def _font_path() -> str | None:
    for name in FONT_FILES:
        try:
            return ImageFont.truetype(name, 12).path
        except OSError:
            continue
    return None


def font_description() -> str:
    """Which font the placeholders use, for the loader's report."""
    path = _font_path()
    if path:
        family, style = ImageFont.truetype(path, 12).getname()
        return f"{family} {style} ({path})"
    return "Pillow's built-in font: no TrueType font with Vietnamese letters found, text folded to ASCII"


def _font(size: int):
    path = _font_path()
    return ImageFont.truetype(path, size) if path else ImageFont.load_default(size=size)


def ascii_fold(text: str) -> str:
    """'Điện Thái Hòa' -> 'Dien Thai Hoa', keeping case, for fonts without Vietnamese letters."""
    text = text.replace("đ", "d").replace("Đ", "D").replace("—", "-").replace("·", "-").replace("°", " deg")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).encode("ascii", "ignore").decode()


def _text(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return text if _font_path() else ascii_fold(text)


def _fitted_font(draw: ImageDraw.ImageDraw, text: str, max_width: int, start: int, minimum: int = 14):
    size = start
    while size > minimum:
        font = _font(size)
        if draw.textlength(text, font=font) <= max_width:
            return font
        size -= 2
    return _font(minimum)


def _centred(draw: ImageDraw.ImageDraw, text: str, *, centre_x: int, top: int, max_width: int, size: int, fill):
    """Draw one line centred on centre_x; returns the y below it. No anchors: bitmap fonts lack them."""
    text = _text(text)
    font = _fitted_font(draw, text, max_width, size)
    left, upper, right, lower = draw.textbbox((0, 0), text, font=font)
    draw.text((centre_x - (right - left) // 2 - left, top - upper), text, font=font, fill=fill)
    return top + (lower - upper)


def _gradient(size: tuple[int, int], top: tuple, bottom: tuple) -> Image.Image:
    mask = Image.linear_gradient("L").resize(size)  # 0 at the top, 255 at the bottom
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def _palette_for(key: str, palettes=PALETTES) -> tuple:
    if key in palettes:
        return palettes[key]
    # Unknown keys still get a stable colour.
    digest = hashlib.sha1(key.encode()).digest()
    return (tuple(c // 3 for c in digest[:3]), tuple(128 + c // 2 for c in digest[3:6]))


def _jpeg(image: Image.Image) -> Rendered:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=85, optimize=True, progressive=True)
    return Rendered(buffer.getvalue(), image.width, image.height)


def _roof(draw: ImageDraw.ImageDraw, width: int, height: int, fill) -> None:
    """A stylised two-tier roof along the bottom: decoration, deliberately not a likeness."""
    base = int(height * 0.86)
    cx = width // 2
    lower = [
        (cx - width * 0.42, base),
        (cx - width * 0.36, base - height * 0.09),
        (cx + width * 0.36, base - height * 0.09),
        (cx + width * 0.42, base),
    ]
    upper = [
        (cx - width * 0.30, base - height * 0.11),
        (cx - width * 0.22, base - height * 0.20),
        (cx + width * 0.22, base - height * 0.20),
        (cx + width * 0.30, base - height * 0.11),
    ]
    draw.polygon(lower, fill=fill)
    draw.polygon(upper, fill=fill)
    draw.rectangle((cx - width * 0.33, base - height * 0.11, cx + width * 0.33, base - height * 0.09), fill=fill)
    draw.rectangle((0, base, width, height), fill=fill)


def placeholder(*, title: str, subtitle: str = "", palette_key: str = "", palette=None, tag: str = "") -> Rendered:
    """A 1200×800 placeholder: the label on a band at the top, the name large in the middle."""
    width, height = PHOTO_SIZE
    dark, light = palette or _palette_for(palette_key)
    image = _gradient(PHOTO_SIZE, light, dark)
    overlay = Image.new("RGBA", PHOTO_SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    # Diagonal hatching: reads as "not a photograph" even in a thumbnail.
    for x in range(-height, width, 48):
        draw.line((x, height, x + height, 0), fill=(255, 255, 255, 28), width=6)
    _roof(draw, width, height, fill=(0, 0, 0, 70))
    draw.rectangle((0, 0, width, 120), fill=(0, 0, 0, 170))
    draw.rectangle((0, height - 64, width, height), fill=(0, 0, 0, 150))
    image = Image.alpha_composite(image.convert("RGBA"), overlay)

    draw = ImageDraw.Draw(image)
    draw.rectangle((8, 8, width - 9, height - 9), outline=(255, 255, 255, 200), width=4)
    _centred(draw, PLACEHOLDER_LABEL, centre_x=width // 2, top=34, max_width=width - 80, size=56, fill="white")
    y = 250
    if tag:
        y = _centred(draw, tag, centre_x=width // 2, top=y - 70, max_width=width - 160, size=44, fill="#ffe9a8") + 36
    y = _centred(draw, title, centre_x=width // 2, top=y, max_width=width - 120, size=92, fill="white") + 28
    if subtitle:
        _centred(draw, subtitle, centre_x=width // 2, top=y, max_width=width - 160, size=48, fill="#f4f0e6")
    _centred(draw, FOOTER, centre_x=width // 2, top=height - 46, max_width=width - 80, size=26, fill="#f4f0e6")
    return _jpeg(image)


def monument_placeholder(*, name_vi: str, name_en: str, category: str) -> Rendered:
    return placeholder(title=name_vi, subtitle=name_en, palette_key=category)


def phase_placeholder(*, phase: str, monument: str, reference: str) -> Rendered:
    """Before/after pictures of a restoration record, told apart by colour and by the tag."""
    tag = {"before": "TRƯỚC / BEFORE", "during": "TRONG KHI / DURING", "after": "SAU / AFTER"}[phase]
    palette = BEFORE_PALETTE if phase == "before" else AFTER_PALETTE
    return placeholder(title=monument, subtitle=reference, palette=palette, tag=tag)


def panorama(*, title: str, subtitle: str = "") -> Rendered:
    """A 2048×1024 equirectangular placeholder with a 30° grid, labelled every 90° of longitude."""
    width, height = PANORAMA_SIZE
    horizon = height // 2
    image = Image.new("RGB", PANORAMA_SIZE)
    image.paste(_gradient((width, horizon), (36, 74, 132), (176, 208, 236)), (0, 0))
    image.paste(_gradient((width, height - horizon), (150, 120, 80), (70, 52, 36)), (0, horizon))
    draw = ImageDraw.Draw(image)
    grid = (255, 255, 255)
    for degrees in range(0, 360, 30):
        x = round(degrees / 360 * width)
        draw.line((x, 0, x, height), fill=grid, width=3 if degrees % 90 == 0 else 1)
        _centred(draw, f"{degrees}°", centre_x=x + 28, top=horizon + 14, max_width=80, size=22, fill="white")
    for latitude in (-60, -30, 30, 60):
        y = round((90 - latitude) / 180 * height)
        draw.line((0, y, width, y), fill=grid, width=1)
    draw.line((0, horizon, width, horizon), fill=(255, 236, 160), width=4)
    for degrees in (0, 90, 180, 270):
        centre = round((degrees + 45) / 360 * width)
        top = horizon - 190
        draw.rectangle((centre - 250, top - 14, centre + 250, horizon - 30), fill=(0, 0, 0))
        y = _centred(draw, PANORAMA_LABEL, centre_x=centre, top=top, max_width=470, size=30, fill="white") + 18
        y = _centred(draw, title, centre_x=centre, top=y, max_width=470, size=48, fill="#ffe9a8") + 12
        if subtitle:
            _centred(draw, subtitle, centre_x=centre, top=y, max_width=470, size=24, fill="white")
    _centred(draw, FOOTER, centre_x=width // 2, top=height - 60, max_width=width - 200, size=26, fill="white")
    return _jpeg(image)
