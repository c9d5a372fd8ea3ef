"""Names kept in both languages (monuments, artefacts, vocabulary terms): which one a visitor reads.

The rule, in one place: the name in the visitor's language, else the other language's; a reader of
a third language (Korean: the tours) reads English, then Vietnamese (`reading_order`). Python
calls these functions; templates reach them through the `names`, `term_name` and `text_in` tags
(heritage/templatetags/heritage_tags.py) and show a fallback with templates/includes/in_lang.html.
"""

import re
from dataclasses import dataclass

ARCHIVE_LANGUAGES = ("vi", "en")
"""The languages the archive's names and texts are kept in (label_vi / label_en fields)."""


def reading_order(lang: str) -> tuple[str, ...]:
    """The languages a reader of `lang` reads, best first: their own, then the archive's languages,
    Vietnamese first for a Vietnamese reader and English first for every other reader."""
    archive = ARCHIVE_LANGUAGES if lang == "vi" else tuple(reversed(ARCHIVE_LANGUAGES))
    return tuple(dict.fromkeys((lang, *archive)))


def archive_language(lang: str) -> str:
    """The archive's language a reader of `lang` reads first ("vi" or "en")."""
    return next(code for code in reading_order(lang) if code in ARCHIVE_LANGUAGES)


def names_in_order(label_vi: str, label_en: str, lang: str) -> tuple[tuple[str, str], tuple[str, str]]:
    """((name, code), (name, code)): the name a reader of `lang` reads first, then the other one
    (either may be empty)."""
    names = {"vi": label_vi or "", "en": label_en or ""}
    first, second = (code for code in reading_order(lang) if code in names)
    return (names[first], first), (names[second], second)


def name_in(label_vi: str, label_en: str, lang: str) -> str:
    """The name in `lang`, else the other language's."""
    first, second = names_in_order(label_vi, label_en, lang)
    return first[0] or second[0]


def display_names(label_vi: str, label_en: str, lang: str, *, fallback: str = "") -> dict[str, str]:
    """The name to show first and the other one, each with its language code, for a `lang` attribute.

    `primary` is `fallback` when neither name is set; `secondary` is empty when there is no
    different second name.
    """
    first, second = names_in_order(label_vi, label_en, lang)
    if not first[0]:
        first, second = second, ("", first[1])
    primary, primary_lang = first if first[0] else (fallback, lang)
    secondary = second[0] if second[0] != primary else ""
    return {"primary": primary, "primary_lang": primary_lang, "secondary": secondary, "secondary_lang": second[1]}


# Texts kept in both languages (a record's title and summary, a project's name, a caption): the same
# rule as names, but what is shown must say which language it is in, so that a page in one language
# marks a sentence of the other with its `lang` and "not yet translated".

HAN_LANG = "zh-Hant"
"""The `lang` of names written in Chinese characters (午門): Classical Chinese in traditional script.
BCP 47 `lzh` would be more exact, but screen readers have no voice for it; a Chinese voice reads
the characters, which is what a reader who wants them needs (docs/translation.md)."""


@dataclass(frozen=True)
class Text:
    """A text to show and the language it is in. `fallback` is true when it is not in the reader's
    language (its translation is missing): the page wraps it in an element with its `lang` and
    says it is not yet translated."""

    text: str
    lang: str
    fallback: bool = False

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)


def text_in(text_vi: str, text_en: str, lang: str) -> Text:
    """The text in `lang`, else in the next language the reader reads, marked as a fallback. Empty
    when neither is set."""
    for text, code in names_in_order(text_vi, text_en, lang):
        if text:
            return Text(text, code, fallback=code != lang)
    return Text("", lang)


_HAN = re.compile(
    r"[\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+"
)


def han_runs(text: str) -> list[tuple[str, bool]]:
    """`text` cut into (part, written in Chinese characters?) pairs, in order, so that each run of
    Chinese characters can carry HAN_LANG."""
    parts, position = [], 0
    for match in _HAN.finditer(text or ""):
        if match.start() > position:
            parts.append((text[position : match.start()], False))
        parts.append((match.group(), True))
        position = match.end()
    if position < len(text or ""):
        parts.append((text[position:], False))
    return parts
