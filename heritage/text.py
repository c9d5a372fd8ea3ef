"""Text folding shared by imports, matching, highlighting and the database search; the rule for search text."""

import unicodedata

# Letters that Unicode does not decompose into a base letter plus a mark.
_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "ø": "o", "ł": "l", "æ": "ae", "œ": "oe"})


def fold(text: str) -> str:
    """Lower-case and strip diacritics, spaces collapsed: "Điện Thái Hòa" -> "dien thai hoa"."""
    return " ".join(fold_chars(text or "").split())


# Folding is per character (NFKD, combining marks dropped, casefold, plus the extra letters
# above), so a per-character table, filled as characters are met, folds a text with one
# str.translate, and also tells which original character each folded one came from, for
# highlighting. (tests/search/test_api_params.py checks it against the whole-text definition.)


def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char.translate(_EXTRA))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class _FoldTable(dict):
    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold_chars(text: str) -> str:
    """fold(text) before whitespace is collapsed."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD_TABLE)


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """The folded text and, per folded character, the index of the original character."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    pieces, offsets = [], []
    for index, char in enumerate(text):
        folded = _FOLD_TABLE[ord(char)]
        pieces.append(folded)
        offsets.extend([index] * len(folded))
    return "".join(pieces), offsets


# The control characters (Unicode category Cc, all below U+00A0), each to a space.
_CONTROL_AS_SPACE = {code: " " for code in range(0xA0) if unicodedata.category(chr(code)) == "Cc"}


def search_text(text: str) -> str:
    """Text typed into a search, as every search reads it: control characters as spaces, spaces collapsed.

    No search reads a control character as part of a word, and a NUL byte breaks some: SQLite
    reads a query only up to it, PostgreSQL refuses it in text. "Huế" and a NUL byte is "Huế".
    """
    return " ".join((text or "").translate(_CONTROL_AS_SPACE).split())
