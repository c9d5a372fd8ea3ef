"""The restoration search's parameters: parsed and checked once, for the API and the page alike.

`RestorationQuery.from_querydict(request.GET)` returns a frozen RestorationQuery or raises
QueryError, whose message the API answers with a 400. Every parameter is optional:

- `q`: text, matched word by word, folded (case and diacritics ignored), every word required.
  Query-syntax characters (`"(*[:\\` …) are plain text: the text never reaches a query parser.
- `monument` (slug), `record_type`, `technique`, `material`, `partner`: facet codes, repeatable.
  Values of one parameter are alternatives (OR); different parameters all apply (AND).
  An unknown or empty record type is an error; an unknown monument or term simply matches nothing.
  Term values are folded like the vocabularies' keys, so "Sơn mài" and "son mai" are one code.
- `from`, `to`: years (1..9999); a record matches when its date range overlaps [from-01-01, to-12-31].
- `sort`: `relevance` (the default with q), `start` (the default without q) or `-start`.
- `page` (from 1), `page_size` (1..100, default 20). A page past the last one is empty, not an error.
- `lang`: `vi` or `en`, for labels and links; without it the caller's language (Accept-Language).
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from heritage.labels import ARCHIVE_LANGUAGES
from heritage.models import RecordType
from heritage.text import fold, search_text

MAX_Q_LENGTH = 500
MAX_VALUES = 50  # values of one repeatable parameter
MAX_PAGE = 1_000_000
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MIN_YEAR, MAX_YEAR = 1, 9999
LANGUAGES = ARCHIVE_LANGUAGES  # the records are kept in these (heritage.labels)
DEFAULT_LANGUAGE = "vi"
SORTS = ("relevance", "start", "-start")
FACETS = ("monument", "record_type", "technique", "material", "partner")

_INTEGER = re.compile(r"^[0-9]+$")

# A word, as the database fallback and the highlighter cut (folded) text, following the rules of
# Elasticsearch's standard tokenizer (Unicode word boundaries, UAX #29) on the text we hold: a
# run of letters and digits, where "." "'" "’" join letters to letters and digits to digits,
# ":" "·" join letters, "," ";" join digits ("1.200.000", "v1.2", "a:b" and "a_b" are one word each);
# a CJK ideograph (Hán-Nôm names) is a word by itself.
_IDEOGRAPHS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_ALNUM = rf"[^\W{_IDEOGRAPHS}]"  # letters, digits and "_", which joins like a letter
_LETTER = rf"[^\W\d_{_IDEOGRAPHS}]"
_LETTER_JOINERS = "[.'’:·]"
_DIGIT_JOINERS = "[.'’,;]"
WORD = re.compile(
    rf"[{_IDEOGRAPHS}]"
    rf"|{_ALNUM}+(?:(?:(?<={_LETTER}){_LETTER_JOINERS}(?={_LETTER})|(?<=\d){_DIGIT_JOINERS}(?=\d)){_ALNUM}+)*"
)
_IDEOGRAPH = re.compile(rf"[{_IDEOGRAPHS}]")


def word_pattern(word: str) -> re.Pattern:
    """Finds `word` (a WORD) in folded text exactly where WORD.findall() would cut it out."""
    if _IDEOGRAPH.fullmatch(word):
        return re.compile(re.escape(word))

    def joined(char: str, before: bool) -> str:
        # Refuses a joiner that would make this end of the word part of a longer word.
        if char == "_":
            return ""
        kind, joiners = (r"\d", _DIGIT_JOINERS) if re.match(r"\d", char) else (_LETTER, _LETTER_JOINERS)
        return rf"(?<!{kind}{joiners})" if before else rf"(?!{joiners}{kind})"

    return re.compile(rf"(?<!{_ALNUM}){joined(word[0], True)}{re.escape(word)}(?!{_ALNUM}){joined(word[-1], False)}")


class QueryError(ValueError):
    """A parameter cannot be understood; the message says which and why (shown to the caller)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class RestorationQuery:
    q: str = ""
    monument: tuple[str, ...] = ()
    record_type: tuple[str, ...] = ()
    technique: tuple[str, ...] = ()
    material: tuple[str, ...] = ()
    partner: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    sort: str = "start"
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    lang: str = DEFAULT_LANGUAGE
    # The folded words of q, every one of which a record must contain.
    words: tuple[str, ...] = field(default=(), compare=False)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    def facet_values(self, name: str) -> tuple[str, ...]:
        return getattr(self, name)

    @property
    def has_filters(self) -> bool:
        return any(self.facet_values(name) for name in FACETS)

    @classmethod
    def from_querydict(cls, params, *, default_lang: str = DEFAULT_LANGUAGE) -> "RestorationQuery":
        """Parse a QueryDict (or a plain dict of strings or lists); raise QueryError on a bad value."""
        q = _single(params, "q")
        if len(q) > MAX_Q_LENGTH:
            raise QueryError(
                _("The search text is too long: %(length)s characters; at most %(max)s.")
                % {"length": len(q), "max": MAX_Q_LENGTH}
            )
        q = search_text(q)
        words = query_words(q)

        if any(not value.strip() for value in _values(params, "record_type")):
            # The schema's record_type is a code from a closed list, and "" is not one of them.
            raise QueryError(
                _("“record_type” is empty; use one of %(values)s, or leave the parameter out.")
                % {"values": ", ".join(RecordType.values)}
            )
        record_types = _many(params, "record_type", str.lower)
        unknown = [value for value in record_types if value not in RecordType.values]
        if unknown:
            raise QueryError(
                _("Unknown record_type “%(value)s”; use one of %(values)s.")
                % {"value": unknown[0][:40], "values": ", ".join(RecordType.values)}
            )

        year_from = _year(params, "from")
        year_to = _year(params, "to")
        if year_from is not None and year_to is not None and year_from > year_to:
            raise QueryError(_("“from” (%(from)s) is after “to” (%(to)s).") % {"from": year_from, "to": year_to})

        sort = _single(params, "sort")
        if sort and sort not in SORTS:
            raise QueryError(
                _("Unknown sort “%(value)s”; use one of %(values)s.") % {"value": sort[:40], "values": ", ".join(SORTS)}
            )
        if not sort:
            sort = "relevance" if words else "start"

        page = _integer(params, "page", default=1, minimum=1, maximum=MAX_PAGE)
        page_size = _integer(params, "page_size", default=DEFAULT_PAGE_SIZE, minimum=1, maximum=MAX_PAGE_SIZE)

        lang = _single(params, "lang").lower()
        if lang and lang not in LANGUAGES:
            raise QueryError(
                _("Unknown lang “%(value)s”; use one of %(values)s.")
                % {"value": lang[:40], "values": ", ".join(LANGUAGES)}
            )
        if not lang:
            lang = default_lang if default_lang in LANGUAGES else DEFAULT_LANGUAGE

        return cls(
            q=q,
            monument=_many(params, "monument", str.lower),
            record_type=record_types,
            technique=_many(params, "technique", fold),
            material=_many(params, "material", fold),
            partner=_many(params, "partner", fold),
            year_from=year_from,
            year_to=year_to,
            sort=sort,
            page=page,
            page_size=page_size,
            lang=lang,
            words=words,
        )


def query_words(text: str) -> tuple[str, ...]:
    """The folded words of a search text, without repeats, in order: what every backend matches."""
    seen = []
    for word in WORD.findall(fold(text)):
        if word not in seen and word.strip("_"):
            seen.append(word)
    return tuple(seen)


def _values(params, name: str) -> list[str]:
    if hasattr(params, "getlist"):
        values = params.getlist(name)
    else:
        value = params.get(name, [])
        values = value if isinstance(value, list | tuple) else [value]
    return [str(value) for value in values]


def _single(params, name: str) -> str:
    values = _values(params, name)
    if len(values) > 1:
        raise QueryError(_("“%(name)s” may be given only once.") % {"name": name})
    return values[0].strip() if values else ""


def _many(params, name: str, normalise) -> tuple[str, ...]:
    values = []
    for raw in _values(params, name):
        value = normalise(raw.strip())
        if value and value not in values:
            values.append(value)
    if len(values) > MAX_VALUES:
        raise QueryError(_("Too many values for “%(name)s” (at most %(max)s).") % {"name": name, "max": MAX_VALUES})
    return tuple(values)


def _integer(params, name: str, *, default: int, minimum: int, maximum: int) -> int:
    text = _single(params, name)
    if not text:
        return default
    if not _INTEGER.match(text) or len(text) > 12:
        raise QueryError(_("“%(name)s” must be a whole number, not “%(value)s”.") % {"name": name, "value": text[:40]})
    value = int(text)
    if not minimum <= value <= maximum:
        raise QueryError(
            _("“%(name)s” must be between %(min)s and %(max)s, not %(value)s.")
            % {"name": name, "min": minimum, "max": maximum, "value": value}
        )
    return value


def _year(params, name: str) -> int | None:
    text = _single(params, name)
    if not text:
        return None
    if not _INTEGER.match(text) or len(text) > 4 or not MIN_YEAR <= int(text) <= MAX_YEAR:
        raise QueryError(
            _("“%(name)s” must be a year between %(min)s and %(max)s, not “%(value)s”.")
            % {"name": name, "min": MIN_YEAR, "max": MAX_YEAR, "value": text[:40]}
        )
    return int(text)
