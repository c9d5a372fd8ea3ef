"""Numbers, amounts and partial dates as a page's language writes them: one rule, used by every template.

Django's localization does the work (settings.FORMAT_MODULE_PATH completes its Vietnamese formats):
an amount is grouped by thousands in every language ("100.000 USD" in Vietnamese, "100,000 USD" in
English), whether or not USE_THOUSAND_SEPARATOR is on, which would also group years ("1.991").
A partial date stays as precise as it was given: a year stays a year ("1991"), a month becomes the
language's month-and-year ("6/1991", "June 1991"), a day its date ("15/6/1991", "June 15, 1991").
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import formats, translation

from .partial_dates import parse_partial_date


def amount(value: Decimal | int | float | None, currency: str = "", *, lang: str | None = None) -> str:
    """`value` with the language's thousands and decimal separators, then its currency code.

    Decimals are shown only when there are some ("29.084,50"); "" for None.
    """
    if value is None:
        return ""
    value = Decimal(value)
    places = 0 if value == value.to_integral_value() else 2
    with translation.override(lang or translation.get_language()):
        number = formats.number_format(value, places, use_l10n=True, force_grouping=True)
    return f"{number} {currency}".strip()


def partial_date(value: str, *, lang: str | None = None) -> str:
    """A partial date ("1991", "1991-06", "1991-06-15") as `lang` writes it; an unreadable one as it is."""
    try:
        year, month, day = parse_partial_date(value)
    except ValidationError:
        return value or ""
    if month is None:
        return str(year)
    with translation.override(lang or translation.get_language()):
        if day is None:
            return formats.date_format(datetime.date(year, month, 1), "YEAR_MONTH_FORMAT")
        return formats.date_format(datetime.date(year, month, day), "DATE_FORMAT")
