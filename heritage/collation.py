"""How names are sorted: one rule, computed in Python, and stored for the lists the database sorts.

`sort_key(text, lang)` turns a name into a plain ASCII string whose code-point order is the order
a reader expects (docs/collation.md):

- Vietnamese (`lang="vi"`): letters in the Vietnamese alphabet, a ă â b c d đ e ê … o ô ơ … u ư v
  x y (f, j, w, z, from foreign names, where the Latin alphabet puts them); the tones compared only
  when the letters are equal (none, huyền, hỏi, ngã, sắc, nặng); case last, lower case first.
- Any other language: plain, case-insensitive and diacritics ignored (đ counts as d); accents and
  then case only break ties.
- Both: spaces and punctuation separate words (a shorter word first: "Lăng" before "Lăng Tự Đức"),
  digits come before letters and numbers compare by value ("2" before "10"), other scripts (Hán
  characters…) after the Latin letters, by code point.

The key is built like a collation key of three levels (letters, then marks, then case), each level
ended by "!", which is lower than anything a level holds. Python compares such keys by code point;
SortKeyField stores them in a column that every database compares byte by byte, so the database
sorts rows exactly as `sorted(..., key=sort_key)` does, on SQLite and PostgreSQL alike.

A change to this rule changes stored keys: it needs a data migration that recomputes them
(heritage/migrations/0004_collation.py shows how).
"""

import functools
import unicodedata

from django.db import models

VIETNAMESE_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
# Each letter's weight is one character from "A" upwards, in alphabet order.
_WEIGHT = {letter: chr(0x41 + index) for index, letter in enumerate(VIETNAMESE_ALPHABET)}
LEVEL_END = "!"  # below every weight: a key that stops first sorts first
WORD_BREAK = "-"  # between words: below digits and letters
NUMBER = "."  # starts a number: below letters
OTHER = "~"  # starts any other character (then its code point in hex): above letters

GRAVE, HOOK, TILDE, ACUTE, DOT_BELOW = "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"
BREVE, CIRCUMFLEX, HORN = "\u0306", "\u0302", "\u031b"
# Tone weights, in the order Vietnamese dictionaries use: none, huyền, hỏi, ngã, sắc, nặng.
_TONES = {GRAVE: "1", HOOK: "2", TILDE: "3", ACUTE: "4", DOT_BELOW: "5"}
# Marks that make another letter in Vietnamese (ă â ê ô ơ ư); elsewhere they are only accents.
_VIETNAMESE_LETTERS = {
    ("a", BREVE): "ă",
    ("a", CIRCUMFLEX): "â",
    ("e", CIRCUMFLEX): "ê",
    ("o", CIRCUMFLEX): "ô",
    ("o", HORN): "ơ",
    ("u", HORN): "ư",
}
# Accent weights where the letter stays itself; "9" for any other mark.
_ACCENTS = {BREVE: "1", CIRCUMFLEX: "2", HORN: "3", "stroke": "4"}
_OTHER_MARK = "9"
# Letters Unicode does not decompose. Ð (U+00D0) is often typed for Đ (U+0110): read as Đ.
_SPELLED_OUT = str.maketrans(
    {
        "Ð": "Đ",
        "ð": "d\u0335",
        "ø": "o\u0338",
        "Ø": "O\u0338",
        "ł": "l\u0335",
        "Ł": "L\u0335",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ß": "ss",
    }
)
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_NUMBER_LENGTH_MAX = 70  # the length of a number is one character from "0": keeps it printable ASCII


def collation_language(lang: str | None) -> str:
    """The rule a language sorts by: "vi", or "plain" for every other language."""
    return "vi" if (lang or "").split("-")[0].lower() == "vi" else "plain"


@functools.lru_cache(maxsize=8192)
def sort_key(text: str, lang: str = "vi") -> str:
    """The key that sorts `text` for readers of `lang` (see the module): compare keys, not names."""
    vietnamese = collation_language(lang) == "vi"
    primary: list[str] = []
    letters: list[tuple[str, str, bool]] = []  # per letter: (tone weight, accent weight, upper case)
    digits: list[str] = []
    pending_break = False
    letter: list | None = None  # [base, marks, upper] of the letter being read

    def end_letter():
        nonlocal letter
        if letter is None:
            return
        base, marks, upper = letter
        letter = None
        tone, accent = "0", "0"
        if base == "đ":
            if not vietnamese:
                base, accent = "d", _ACCENTS["stroke"]
        elif vietnamese:
            for mark in marks:
                if (base, mark) in _VIETNAMESE_LETTERS and base in _ASCII_LETTERS:
                    base = _VIETNAMESE_LETTERS[(base, mark)]
                    marks = [m for m in marks if m != mark]
                    break
        for mark in marks:
            if mark in _TONES and tone == "0":
                tone = _TONES[mark]
            elif accent == "0":
                accent = _OTHER_MARK if vietnamese else _ACCENTS.get(mark, _OTHER_MARK)
        primary.append(_WEIGHT[base])
        letters.append((tone, accent, upper))

    def end_number():
        if digits:
            number = "".join(digits).lstrip("0") or "0"
            primary.append(NUMBER + chr(0x30 + min(len(number), _NUMBER_LENGTH_MAX)) + number)
            digits.clear()

    def start_unit():
        nonlocal pending_break
        if pending_break and primary:
            primary.append(WORD_BREAK)
        pending_break = False

    for char in unicodedata.normalize("NFKD", (text or "").translate(_SPELLED_OUT)):
        if unicodedata.combining(char):
            if letter is not None:
                letter[1].append(char)
            continue  # a mark on a digit, a space or another script: nothing to sort by
        end_letter()
        if (digit := unicodedata.decimal(char, None)) is not None:
            if not digits:
                start_unit()
            digits.append(str(digit))
            continue
        end_number()
        lower = char.lower()
        if lower in _ASCII_LETTERS or lower == "đ":
            start_unit()
            letter = [lower, [], char != lower]
        elif char.isalnum():
            start_unit()
            primary.append(f"{OTHER}{ord(char):06x}")
        else:
            pending_break = True
    end_letter()
    end_number()
    # The tone level and the accent level in one (tone first), then case; trailing zeros add
    # nothing when the letters are equal, so they are left out to keep keys short.
    marks = "".join(tone + accent for tone, accent, _upper in letters).rstrip("0")
    case = "".join("1" if upper else "0" for _tone, _accent, upper in letters).rstrip("0")
    return "".join(primary) + LEVEL_END + marks + LEVEL_END + case


def sorted_by_name(items, lang: str, name=str) -> list:
    """`items` sorted by `name(item)` for readers of `lang`."""
    return sorted(items, key=lambda item: sort_key(name(item) or "", lang))


SORT_KEY_LENGTH = 1024  # a 255-character name needs about four characters a letter

# The collation that compares text byte by byte, per database; SQLite's default (BINARY) already does.
_BYTEWISE_COLLATIONS = {"postgresql": "C"}


class SortKeyField(models.CharField):
    """A stored sort_key(), compared byte by byte on every database, so SQL sorts as Python does.

    PostgreSQL would otherwise compare with the database's locale (en_US, vi_VN…), which ignores
    punctuation such as the key's level marks and differs from one server to the next.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", SORT_KEY_LENGTH)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def db_parameters(self, connection):
        parameters = super().db_parameters(connection)
        if collation := _BYTEWISE_COLLATIONS.get(connection.vendor):
            parameters["collation"] = collation
        return parameters

    def pre_save(self, model_instance, add):
        value = (getattr(model_instance, self.attname) or "")[: self.max_length]
        setattr(model_instance, self.attname, value)
        return value
