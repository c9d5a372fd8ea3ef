"""Names kept in both languages (monuments, artefacts, vocabulary terms): which one a visitor reads.

The rule, in one place: the name in the visitor's language, else the other language's. Python
calls these functions; templates reach them through the `names` and `term_name` filters
(heritage/templatetags/heritage_tags.py).
"""


def names_in_order(label_vi: str, label_en: str, lang: str) -> tuple[tuple[str, str], tuple[str, str]]:
    """((name, code), (name, code)): the name in `lang` first, then the other language's (either may be empty)."""
    vi, en = (label_vi or "", "vi"), (label_en or "", "en")
    return (en, vi) if lang == "en" else (vi, en)


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
