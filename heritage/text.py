"""Text folding shared by imports, matching and the database search fallback."""

import unicodedata

# Letters that Unicode does not decompose into a base letter plus a mark.
_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "ø": "o", "ł": "l", "æ": "ae", "œ": "oe"})


def fold(text: str) -> str:
    """Lower-case and strip diacritics: "Điện Thái Hòa" -> "dien thai hoa"."""
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_EXTRA))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())
