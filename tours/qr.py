"""QR codes of tour stops, made with segno."""

import io

import segno


def qr_svg(url: str) -> bytes:
    """`url` as an SVG QR code, error correction M (a sign outdoors gets dirty), with a title for screen readers."""
    code = segno.make_qr(url, error="m")
    out = io.BytesIO()
    code.save(out, kind="svg", scale=8, border=4, title=url, xmldecl=False, svgclass="qr")
    return out.getvalue()
